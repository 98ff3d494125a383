// Checklists in Chromium: a workflow checklist advances its current stage as a stage's items
// are ticked, links are checked, reload keeps everything; best practices show progress; axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { createRequire } from 'node:module';
import { setup, openApp, waitForSave } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

async function start(page, name, button) {
  await page.getByRole('link', { name: 'Checklists', exact: true }).click();
  await page.getByLabel('Project or team').fill(name);
  await page.getByRole('button', { name: button }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

test('a workflow checklist advances its current stage, keeps links, and survives a reload', async () => {
  const context = await env.newContext();
  const page = await openApp(context, '', env.server);
  await start(page, 'Checkout ranking', 'New workflow checklist');
  await page.getByText('ML workflow stages: 0% done; current stage: 1').waitFor();
  const stage1 = page.getByRole('group', { name: 'Stage 1: Problem definition' });
  const items = ['Problem statement document', 'Success metrics defined', 'Business impact assessment',
    'Product Manager', 'ML Lead', 'Clear ML formulation', 'Success metrics agreed', 'Resources allocated'];
  for (const [i, text] of items.entries()) {
    await stage1.getByRole('checkbox', { name: text, exact: true }).check();
    if (i < items.length - 1) assert.match(await page.locator('.hint').first().textContent(), /current stage: 1$/);
  }
  await page.getByText(/; current stage: 2$/).waitFor();
  assert.match(await page.locator('.stage-overview li').nth(0).textContent(), /done/);
  assert.match(await page.locator('.stage-overview li').nth(1).textContent(), /\(current stage\)/);

  const stage2 = page.getByRole('group', { name: 'Stage 2: Data exploration' });
  await stage2.getByRole('checkbox', { name: 'Data quality report', exact: true }).check();
  await stage2.getByLabel('Link for Data quality report').fill('javascript:alert(1)');
  await stage2.getByText('Links must start with http://, https:// or mailto:.').waitFor();
  await stage2.getByLabel('Link for Data quality report').fill('https://wiki.example.com/dq');
  await stage2.getByRole('link', { name: 'Open Data quality report' }).waitFor();

  // Unticking an item of stage 1 makes it the current stage again.
  await stage1.getByRole('checkbox', { name: 'ML Lead', exact: true }).uncheck();
  await page.getByText(/; current stage: 1$/).waitFor();
  await stage1.getByRole('checkbox', { name: 'ML Lead', exact: true }).check();

  await waitForSave(page, () => (localStorage.getItem('mlops-workbench:checklists') ?? '').includes('wiki.example.com/dq'));
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Checkout ranking' }).waitFor();
  await page.getByText(/; current stage: 2$/).waitFor();
  assert.equal(await page.getByRole('group', { name: 'Stage 2: Data exploration' }).getByLabel('Link for Data quality report').inputValue(), 'https://wiki.example.com/dq');
  assert.equal(await page.getByRole('group', { name: 'Stage 2: Data exploration' }).getByRole('checkbox', { name: 'Data quality report', exact: true }).isChecked(), true);

  await page.getByRole('link', { name: 'All checklists' }).click();
  // 9 of the 59 items, rounded down.
  assert.match(await page.locator('tbody tr').first().textContent(), /15%; now at stage 2: Data exploration/);
  assert.deepEqual(context.problems, []);
  await context.close();
});

test('a best-practices checklist shows progress per section and overall', async () => {
  const context = await env.newContext();
  const page = await openApp(context, '', env.server);
  await start(page, 'Platform team', 'New best-practices checklist');
  const data = page.getByRole('group', { name: 'Data Management' });
  for (const text of ['Data versioning implemented (DVC, lakeFS)', 'Data quality validation automated', 'Data lineage tracked']) {
    await data.getByRole('checkbox', { name: text }).check();
  }
  await page.getByText('Best practices: 10% done').waitFor();
  assert.match(await page.locator('.stage-overview li').nth(0).textContent(), /3 of 5/);
  assert.deepEqual(context.problems, []);
  await context.close();
});

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
for (const scheme of ['light', 'dark']) {
  test(`no serious or critical accessibility violation on the checklist pages (${scheme})`, async () => {
    const context = await env.newContext({ bypassCSP: true, colorScheme: scheme });
    const page = await openApp(context, '#/checklists', env.server);
    const audit = async (name) => {
      await page.addScriptTag({ path: path.resolve(AXE) });
      const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
      const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      assert.deepEqual(serious.map((v) => `${name}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
    };
    await audit('empty list');
    await start(page, 'Audited project', 'New workflow checklist');
    await page.getByRole('group', { name: 'Stage 1: Problem definition' }).getByLabel('Link for Problem statement document').fill('not a link');
    await audit('workflow');
    await start(page, 'Audited team', 'New best-practices checklist');
    await audit('best practices');
    await page.getByRole('link', { name: 'All checklists' }).click();
    await audit('list');
    await context.close();
  });
}
