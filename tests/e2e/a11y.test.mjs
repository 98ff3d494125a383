// axe-core finds no serious or critical accessibility violation on any page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { createRequire } from 'node:module';
import { setup, waitForApp, startAssessment } from './harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

async function audit(page, name) {
  // axe is injected as an inline script, which the app's CSP forbids: this context bypasses CSP.
  await page.addScriptTag({ path: path.resolve(AXE) });
  const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(
    serious.map((v) => `${name}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    [],
  );
}

for (const scheme of ['light', 'dark']) {
  test(`no serious or critical violation on any page (${scheme})`, async () => {
    const context = await env.newContext({ bypassCSP: true, colorScheme: scheme });
    const page = await context.newPage();
    await page.goto(env.server.url);
    await waitForApp(page);
    await audit(page, 'empty list');
    await page.getByRole('button', { name: "Add the lesson's example" }).click();
    await page.locator('tbody tr').first().waitFor();
    await audit(page, 'list');
    await startAssessment(page, 'Audited team');
    await page.getByRole('checkbox', { name: 'Model registry', exact: true }).check();
    await page.getByText('Evidence and link for Model registry').click();
    await page.getByLabel('Link for Model registry').fill('not a link');
    await audit(page, 'editor');
    await page.getByRole('link', { name: 'Workspace data', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Workspace data' }).waitFor();
    await audit(page, 'data');
    await page.getByRole('link', { name: 'Debt register' }).click();
    await page.getByRole('button', { name: 'Add the common ML debt patterns' }).click();
    await page.getByRole('button', { name: '3 items, score 8 (impact high, effort medium)' }).click();
    await audit(page, 'debt register');
    await page.getByRole('button', { name: 'Edit Manual model deployment process' }).click();
    await audit(page, 'debt register editing');
    await context.close();
  });
}

for (const scheme of ['light', 'dark']) {
  test(`no serious or critical violation on the model card pages (${scheme})`, async () => {
    const context = await env.newContext({ bypassCSP: true, colorScheme: scheme });
    const page = await context.newPage();
    await page.goto(env.server.url + '#/cards');
    await waitForApp(page);
    await page.getByRole('heading', { level: 1, name: 'Model cards' }).waitFor();
    await audit(page, 'empty card list');
    await page.getByRole('button', { name: "New card from the lesson's example" }).click();
    await page.getByRole('heading', { level: 1, name: 'product_recommendation_model v2.1.0' }).waitFor();
    await page.frameLocator('iframe[title="Preview of the exported model card"]').locator('h1').waitFor();
    await audit(page, 'card editor (lesson example)');
    await page.getByLabel('Contact e-mail').fill('not an address');
    const metrics = page.getByRole('group', { name: 'Performance metrics' });
    await metrics.getByLabel('Value, row 1').fill('high');
    await metrics.getByText('Row 1: Write a finite number such as 0.75, 10 or 1e-3.').waitFor();
    await page.getByLabel('Training data size').fill('-4');
    await page.getByText('A count cannot be negative.').waitFor();
    const range = page.getByRole('group', { name: 'Training data date range' });
    await range.getByLabel('From').fill('2025-12-31');
    await range.getByLabel('To').fill('2025-01-01');
    await range.getByText('The start date is after the end date.').waitFor();
    await page.getByText(/^To fix: \d+ problems$/).waitFor();
    await audit(page, 'card editor with problems');
    await page.getByRole('link', { name: 'All model cards' }).click();
    await page.locator('tbody tr').first().waitFor();
    await audit(page, 'card list');
    await page.getByRole('button', { name: 'New model card' }).click();
    await page.getByRole('heading', { level: 1, name: 'Untitled card' }).waitFor();
    await page.getByText(/^Missing: \d+ fields$/).click();
    await audit(page, 'new empty card');
    await page.getByRole('link', { name: 'Model cards', exact: true }).click();
    await page.locator('tbody tr').nth(1).waitFor();
    await audit(page, 'card list with two cards');
    await page.getByRole('link', { name: 'Compare two cards' }).click();
    await page.getByRole('heading', { level: 1, name: 'Changes between two model cards' }).waitFor();
    await page.getByRole('region', { name: 'Known limitations' }).waitFor();
    await audit(page, 'card changes');
    await context.close();
  });
}

test('no serious or critical violation in the exported card HTML (the preview’s document)', async () => {
  // The preview frame is sandboxed without scripts, so axe cannot run inside it: the same
  // document is audited as a page of its own.
  const context = await env.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(env.server.url + '#/cards');
  await waitForApp(page);
  await page.getByRole('button', { name: "New card from the lesson's example" }).click();
  const frame = 'iframe[title="Preview of the exported model card"]';
  await page.getByRole('group', { name: 'Performance metrics' }).getByLabel('Value, row 1').fill('high');
  await page.getByLabel('Contact e-mail').fill('not an address');
  await page.frameLocator(frame).getByText('not a number').waitFor();
  // The document as patched after the edits (the srcdoc is only the first one).
  const html = await page.locator(frame).evaluate((f) => `<!DOCTYPE html>${f.contentDocument.documentElement.outerHTML}`);
  const card = await context.newPage();
  await card.setContent(html);
  await audit(card, 'exported card HTML');
  await context.close();
});
