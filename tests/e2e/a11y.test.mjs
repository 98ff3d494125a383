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
