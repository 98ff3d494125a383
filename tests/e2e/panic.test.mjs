// When the app itself fails, saving stops for good and a plain overlay offers a reload and the
// last saved data. Runs against the panic-drill build (target/panic-drill-dist), which only
// adds a "Trigger a test panic" button; scripts/test.sh builds it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setup, openApp, startAssessment, waitForSave, downloadText, storedEntries, ROOT } from './harness.mjs';

let env;
before(async () => { env = await setup(path.join(ROOT, 'target/panic-drill-dist')); });
after(async () => { await env?.close(); });

test('the shipped build has no panic drill button', () => {
  const modules = fs.readdirSync(path.join(ROOT, 'dist'), { recursive: true }).filter((f) => f.endsWith('.wasm'));
  assert.ok(modules.length > 1, 'the main module and the feature chunks');
  for (const wasm of modules) {
    const bytes = fs.readFileSync(path.join(ROOT, 'dist', wasm));
    assert.equal(bytes.includes(Buffer.from('Trigger a test panic')), false, wasm);
  }
});

test('a panic stops saving and offers the last saved data and a reload', async () => {
  const context = await env.newContext();
  const page = await openApp(context, '', env.server);
  await startAssessment(page, 'Saved before the failure');
  await waitForSave(page, () => (localStorage.getItem('mlops-workbench:assessments') ?? '').includes('Saved before the failure'));
  const saved = await storedEntries(page);

  // An edit whose save is still pending (300 ms) when the app fails must never be written.
  await page.evaluate(() => {
    const assessor = document.getElementById('assessment-assessor');
    assessor.value = 'Typed just before the failure';
    assessor.dispatchEvent(new InputEvent('input', { bubbles: true }));
    document.getElementById('panic-drill').click();
  });
  const overlay = page.getByRole('alertdialog', { name: 'Something went wrong in the workbench' });
  await overlay.waitFor();
  assert.match(await overlay.textContent(), /Saving has stopped so nothing can be damaged/);
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Reload');
  await page.waitForTimeout(800);
  await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  assert.deepEqual(await storedEntries(page), saved, 'nothing was written after the panic');

  const lastSaved = await downloadText(page, () => overlay.getByRole('link', { name: 'Download last saved data' }).click());
  assert.equal(lastSaved.name, 'mlops-workbench-last-saved.json');
  assert.deepEqual(JSON.parse(lastSaved.text), saved);

  await overlay.getByRole('link', { name: 'Reload' }).click();
  await page.getByRole('heading', { level: 1, name: 'Saved before the failure' }).waitFor();
  assert.equal(await page.getByRole('alertdialog').count(), 0);
  assert.equal(await page.getByLabel('Assessor', { exact: true }).inputValue(), '');
  assert.ok(context.problems.some((p) => p.includes('panic drill')), context.problems.join('\n'));
  await context.close();
});
