// Export and import of the whole workspace: round trip, validation messages, merge, replace.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setup, openApp, downloadText, storedEntries, waitForSave, ROOT } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const FIXTURE = fs.readFileSync(path.join(ROOT, 'tests/fixtures/workspace-v4.json'), 'utf8');
const fileInput = (page) => page.getByLabel('Choose a workspace file (.json)');
const chooseFile = (page, name, text) =>
  fileInput(page).setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
const withoutSavedAt = (text) => {
  const doc = JSON.parse(text);
  delete doc.saved_at;
  return doc;
};

test('export, clear storage, import gives the same workspace', async () => {
  const context = await env.newContext();
  const page = await openApp(context, '#/data', env.server);
  await chooseFile(page, 'fixture.json', FIXTURE);
  await page.getByRole('button', { name: 'Replace my workspace' }).click();
  await page.getByText('Replaced: your workspace now holds 2 assessments, 2 debt items, 1 model card, 2 checklists, 1 approval request and 1 security audit.').waitFor();
  await waitForSave(page, () => (localStorage.getItem('mlops-workbench:assessments') ?? '').includes('Fraud detection'));
  const first = await downloadText(page, () => page.getByRole('button', { name: 'Export workspace (JSON)' }).click());
  assert.match(first.name, /^mlops-workbench-\d{4}-\d{2}-\d{2}\.json$/);
  // Schema 6 names every assessment's instrument: the v4 file's are the maturity model's.
  const expected = JSON.parse(FIXTURE).workspace;
  for (const a of expected.assessments.items) a.instrument ??= 'maturity';
  assert.deepEqual(withoutSavedAt(first.text).workspace, expected);

  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByRole('heading', { name: 'Workspace data' }).waitFor();
  assert.match(await page.locator('main').textContent(), /holds 0 assessments\./);
  await chooseFile(page, first.name, first.text);
  await page.getByRole('button', { name: 'Merge into my workspace' }).click();
  await page.getByText(/Merged: 10 records added/).waitFor();
  const second = await downloadText(page, () => page.getByRole('button', { name: 'Export workspace (JSON)' }).click());
  assert.deepEqual(withoutSavedAt(second.text), withoutSavedAt(first.text));
  assert.deepEqual(context.problems, []);
  await context.close();
});

test('a broken or foreign file shows a clear message and changes nothing', async () => {
  const context = await env.newContext();
  const page = await openApp(context, '#/data', env.server);
  await chooseFile(page, 'fixture.json', FIXTURE);
  await page.getByRole('button', { name: 'Replace my workspace' }).click();
  await waitForSave(page, () => (localStorage.getItem('mlops-workbench:assessments') ?? '').includes('Fraud detection'));
  const before = await storedEntries(page);

  const cases = [
    ['broken.json', '{\n  "format": "mlops-governance-workbench",\n  "schema_version": 1,\n  "workspace": {\n    "assessments": { "items": [ }\n  }\n}', /line 5, column 33: expected value/],
    ['future.json', FIXTURE.replace('"schema_version": 4', '"schema_version": 99'), /newer version of the workbench \(schema version 99\)/],
    ['wrong-field.json', FIXTURE.replace('"name": "Fraud detection"', '"name": 12'), /wrong value at workspace\.assessments\.items\[1\]\.name/],
    ['other.json', '{"hello": "world"}', /not a workbench workspace/],
    ['empty.json', '', /The file is empty/],
  ];
  for (const [name, text, reason] of cases) {
    await chooseFile(page, name, text);
    const alert = page.getByRole('alert').filter({ hasText: `Nothing was imported from “${name}”` });
    await alert.waitFor();
    assert.match(await alert.textContent(), reason, name);
    assert.equal(await page.getByRole('button', { name: 'Replace my workspace' }).count(), 0);
  }
  await page.waitForTimeout(500);
  assert.deepEqual(await storedEntries(page), before);
  await context.close();
});

test('a dropped file imports, and a merge keeps both versions of a changed record', async () => {
  const context = await env.newContext();
  const page = await openApp(context, '#/data', env.server);
  await chooseFile(page, 'fixture.json', FIXTURE);
  await page.getByRole('button', { name: 'Replace my workspace' }).click();
  const changed = FIXTURE.replace('"assessor": "Dana Q."', '"assessor": "Someone else"');
  const dataTransfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    return dt;
  }, changed);
  await page.locator('.drop-zone').dispatchEvent('drop', { dataTransfer });
  await page.getByText('“dropped.json” holds 2 assessments, 2 debt items, 1 model card, 2 checklists, 1 approval request and 1 security audit').waitFor();
  await page.getByRole('button', { name: 'Merge into my workspace' }).click();
  await page.getByText('Merged: 0 records added, 9 already here, 1 kept as a copy because it differed.').waitFor();
  await page.getByRole('link', { name: 'Maturity assessments', exact: true }).click();
  await page.getByRole('link', { name: 'Recommendations platform (imported)', exact: true }).waitFor();
  assert.equal(await page.locator('tbody tr').count(), 3);
  await context.close();
});

test('a file of schema version 1 still imports', async () => {
  const context = await env.newContext();
  const page = await openApp(context, '#/data', env.server);
  const v1 = fs.readFileSync(path.join(ROOT, 'tests/fixtures/workspace-v1.json'), 'utf8');
  await chooseFile(page, 'old.json', v1);
  await page.getByText('“old.json” holds 2 assessments.').waitFor();
  await page.getByRole('button', { name: 'Merge into my workspace' }).click();
  await page.getByText(/Merged: 2 records added/).waitFor();
  await context.close();
});
