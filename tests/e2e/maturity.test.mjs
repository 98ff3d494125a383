// The maturity self-assessment in a real browser: ticking, live results, reload, exports.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openApp, startAssessment, downloadText, waitForSave } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const LEVEL1 = ['Automated training pipeline', 'Experiment tracking (MLflow/W&B)', 'Model registry', 'Basic model monitoring'];
const LEVEL2 = ['Automated data validation', 'Automated model validation', 'CI/CD pipeline for ML', 'Feature store', 'Automated deployment'];
const LEVEL3 = ['Continuous training', 'Canary/A-B testing', 'Drift detection', 'Auto-retraining triggers', 'Model governance framework'];

const tick = (page, text) => page.getByRole('checkbox', { name: text, exact: true }).check();
const overall = (page) => page.getByRole('status', { name: /^Overall maturity/ }).textContent();
const recommendations = (page) => page.getByRole('list', { name: /^Recommendations for/ }).getByRole('listitem').allTextContents();
const levelRow = (page, n) => page.getByRole('table', { name: 'Criteria implemented per level' }).getByRole('row', { name: new RegExp(`^Level ${n}`) });
const chartLabel = (page) => page.getByRole('img', { name: /Percentage of criteria implemented per level/ }).getAttribute('aria-label');

test('ticking criteria changes the level, the chart, the blockers and the recommendations', async () => {
  const context = await env.newContext();
  const page = await openApp(context, '', env.server);
  await startAssessment(page, 'Payments ML');
  assert.equal(await overall(page), 'Level 0: Manual Process');
  assert.match(await chartLabel(page), /Level 1 0%, Level 2 0%, Level 3 0%/);

  for (const text of LEVEL1) await tick(page, text);
  await tick(page, 'Automated data validation');
  assert.equal(await overall(page), 'Level 1: ML Pipeline Automation');
  assert.match(await chartLabel(page), /Level 1 100%, Level 2 20%, Level 3 0%/);
  assert.deepEqual(await recommendations(page), [
    'Implement automated data validation (Great Expectations)',
    'Add model validation tests',
    'Set up CI/CD pipeline for ML code',
    'Implement feature store (Feast)',
    'Automate model deployment',
  ]);
  const blocking = await page.getByRole('list', { name: /^What stands between you and/ }).getByRole('listitem').first().textContent();
  assert.match(blocking, /Level 2: implement 3 more of these 4:/);
  assert.match(blocking, /Automated model validation/);
  assert.match(
    await levelRow(page, 2).textContent(),
    /1 of 5\s*20%\s*Automated model validation; CI\/CD pipeline for ML; Feature store; Automated deployment/,
  );
  assert.match(await levelRow(page, 1).textContent(), /4 of 4\s*100%\s*none/);
  // The reached bar is marked, the others are not.
  assert.equal(await page.locator('rect.bar.reached').count(), 1);

  await page.getByRole('checkbox', { name: 'Model registry', exact: true }).uncheck();
  assert.equal(await overall(page), 'Level 0: Manual Process');
  assert.deepEqual(context.problems, []);
  await context.close();
});

test('a gap at a lower level keeps the lower level, and the page says what the lesson would report', async () => {
  const context = await env.newContext();
  const page = await openApp(context, '', env.server);
  await startAssessment(page, 'Search ranking');
  for (const text of [...LEVEL1.slice(1), ...LEVEL2, ...LEVEL3]) await tick(page, text);
  assert.equal(await overall(page), 'Level 0: Manual Process');
  assert.match(await page.getByRole('region', { name: 'Results' }).textContent(), /would report Level 3: Automated MLOps here/);
  await tick(page, LEVEL1[0]);
  assert.equal(await overall(page), 'Level 3: Automated MLOps');
  assert.deepEqual(await recommendations(page), ['Maintain and optimize current MLOps practices']);
  await context.close();
});

test('a reload keeps details, answers, evidence and links', async () => {
  const context = await env.newContext();
  const page = await openApp(context, '', env.server);
  await startAssessment(page, 'Fraud detection');
  await page.getByLabel('Assessor', { exact: true }).fill('Dana Q.');
  await page.getByLabel('Date', { exact: true }).fill('2026-11-20');
  await tick(page, 'Model registry');
  await page.getByText('Evidence and link for Model registry').click();
  await page.getByLabel('Evidence for Model registry').fill('MLflow registry, stages used since May');
  await page.getByLabel('Link for Model registry').fill('https://wiki.example.com/registry');
  await waitForSave(page, () => (localStorage.getItem('mlops-workbench:assessments') ?? '').includes('wiki.example.com/registry'));

  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Fraud detection' }).waitFor();
  assert.equal(await page.getByLabel('Assessor', { exact: true }).inputValue(), 'Dana Q.');
  assert.equal(await page.getByLabel('Date', { exact: true }).inputValue(), '2026-11-20');
  assert.equal(await page.getByRole('checkbox', { name: 'Model registry', exact: true }).isChecked(), true);
  assert.equal(await page.getByLabel('Evidence for Model registry').inputValue(), 'MLflow registry, stages used since May');
  const link = page.getByRole('link', { name: 'Open link for Model registry' });
  assert.equal(await link.getAttribute('href'), 'https://wiki.example.com/registry');
  // The printed report shows the evidence and the link under the criterion.
  await page.emulateMedia({ media: 'print' });
  assert.ok((await page.locator('.print-only').allInnerTexts()).includes('MLflow registry, stages used since May\nhttps://wiki.example.com/registry'));
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(context.problems, []);
  await context.close();
});

test('a link that is not http, https or mailto is refused at the field', async () => {
  const context = await env.newContext();
  const page = await openApp(context, '', env.server);
  await startAssessment(page, 'Links');
  await page.getByText('Evidence and link for Drift detection').click();
  const field = page.getByLabel('Link for Drift detection');
  await field.fill('javascript:alert(1)');
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  await page.getByText('Links must start with http://, https:// or mailto:.').waitFor();
  assert.equal(await page.getByRole('link', { name: 'Open link for Drift detection' }).count(), 0);
  assert.equal(await page.locator('a[href^="javascript:"]').count(), 0);
  await context.close();
});

test('markup typed into any field shows as text and runs nothing', async () => {
  const context = await env.newContext();
  const page = await openApp(context, '', env.server);
  const payload = '<img src=x onerror=alert(1)><script>alert(2)</script>';
  await startAssessment(page, payload);
  await page.getByLabel('Assessor', { exact: true }).fill(payload);
  await page.getByText('Evidence and link for Feature store').click();
  await page.getByLabel('Evidence for Feature store').fill(payload);
  await page.getByRole('link', { name: 'All assessments' }).click();
  await page.getByRole('table').waitFor();
  assert.equal(await page.getByRole('link', { name: payload }).textContent(), payload);
  assert.equal(await page.locator('main img, main script').count(), 0);
  assert.deepEqual(context.problems, []);
  await context.close();
});

test('one assessment exports as Markdown and as JSON', async () => {
  const context = await env.newContext();
  const page = await openApp(context, '', env.server);
  await startAssessment(page, 'Churn model');
  for (const text of LEVEL1) await tick(page, text);
  const md = await downloadText(page, () => page.getByRole('button', { name: 'Export Markdown' }).click());
  assert.equal(md.name, 'assessment-churn-model.md');
  assert.match(md.text, /^# MLOps maturity assessment: Churn model/);
  assert.match(md.text, /Overall level: Level 1 \(ML Pipeline Automation\)/);
  assert.match(md.text, /- \[x\] Model registry \(Registry\)/);
  const json = await downloadText(page, () => page.getByRole('button', { name: 'Export JSON' }).click());
  const doc = JSON.parse(json.text);
  assert.equal(doc.format, 'mlops-governance-workbench');
  assert.equal(doc.workspace.assessments.items[0].name, 'Churn model');
  await context.close();
});

test('the list duplicates, deletes and undoes a delete', async () => {
  const context = await env.newContext();
  const page = await openApp(context, '', env.server);
  await page.getByRole('button', { name: "Add the lesson's example" }).click();
  const rows = page.locator('tbody tr');
  await rows.first().waitFor();
  assert.match(await rows.first().textContent(), /Lesson example.*Level 1.*5 of 14/);
  await page.getByRole('button', { name: 'Duplicate Lesson example' }).click();
  await page.getByRole('link', { name: 'Lesson example (copy)', exact: true }).waitFor();
  await page.getByRole('button', { name: 'Delete Lesson example', exact: true }).click();
  await page.getByText('Deleted “Lesson example”.').waitFor();
  assert.equal(await rows.count(), 1);
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('link', { name: 'Lesson example', exact: true }).waitFor();
  assert.equal(await rows.count(), 2);
  await context.close();
});
