// The ML Test Score and the room that disagrees, in Chromium: an ML Test Score assessment
// through the list, the editor, its results and Table V, a target, gaps added to the debt
// register once, the Markdown report and a share link of version 2; a room of 30 where three
// criteria split 15 to 15 shows them first and contested, saves the agreed assessment with
// its spread, and keeps the ML Test Score apart; axe finds no serious or critical violation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { setup, openApp, downloadText, waitForApp, startAssessment, ROOT } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const read = (file) => fs.readFileSync(path.join(ROOT, file), 'utf8');
// The criteria and the tests in their order, read from the core so the test follows it.
const CRITERIA = [...read('src/core/maturity/criteria.rs').matchAll(/id: "([^"]+)",\s*category: "[^"]*",\s*text: "([^"]+)"/g)]
  .map((m) => ({ id: m[1], text: m[2] }));
const TESTS = [...read('src/core/maturity/test_score.rs').matchAll(/test\(\s*"([a-z]+-\d)",\s*\w,\s*(\d),\s*"([^"]+)",?\s*\)/g)]
  .map((m) => ({ id: m[1], number: Number(m[2]), title: m[3] }));
const SECTION_LABEL = { data: 'Data', model: 'Model', infra: 'Infra', monitor: 'Monitor' };
const label = (t) => `${SECTION_LABEL[t.id.split('-')[0]]} ${t.number}`;

async function audit(page, name) {
  await page.addScriptTag({ path: path.resolve(AXE) });
  const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious.map((v) => `${name}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
}

/** Chooses a practice for a test through its radio group, as a person would. */
async function practise(page, t, choice) {
  const group = page.getByRole('group', { name: `${label(t)}: ${t.title}` });
  await group.getByRole('radio', { name: choice }).check();
}
const AUTOMATED = 'Automated and run repeatedly';
const MANUAL = 'Done manually, results documented and distributed';

test('an ML Test Score: editor, results, Table V, target, gaps to debt once, Markdown, share link', async () => {
  assert.equal(TESTS.length, 28, 'the tests were read from the core');
  assert.equal(CRITERIA.length, 14, 'the criteria were read from the core');
  const context = await env.newContext({ bypassCSP: true, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await openApp(context, '', env.server);
  await page.getByLabel('Instrument').selectOption({ label: 'ML Test Score' });
  await startAssessment(page, 'Ranking service');
  const of = (prefix) => TESTS.filter((t) => t.id.startsWith(`${prefix}-`));
  for (const t of of('data')) await practise(page, t, AUTOMATED);
  for (const t of of('model')) await practise(page, t, MANUAL);
  for (const t of of('infra').slice(0, 4)) await practise(page, t, AUTOMATED);
  for (const t of of('monitor').slice(0, 2)) await practise(page, t, AUTOMATED);
  await practise(page, of('monitor')[2], MANUAL);

  const results = page.getByRole('region', { name: 'Results' });
  await results.getByRole('status').filter({ hasText: '2.5 of 7' }).waitFor();
  assert.match(await results.locator('.weakest').textContent(), /^Monitoring \(2\.5\)$/);
  const section = (name) => results.getByRole('table', { name: 'Points per section' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
  assert.equal(await section('Features and Data').getByRole('cell').first().textContent(), '7');
  assert.equal(await section('Model Development').getByRole('cell').first().textContent(), '3.5');
  const band = results.getByRole('table', { name: /Table V/ }).locator('tr[aria-current="true"]');
  assert.equal(await band.getByRole('rowheader').textContent(), '(2,3]');
  assert.match(await band.textContent(), /Reasonably tested.*\(this system\)/);

  // The default target is one point above today; only Monitoring is below it.
  const between = results.getByRole('list', { name: 'What stands between you and your target, a score of 3.5' });
  assert.equal(await between.locator(':scope > li').count(), 1);
  assert.match(await between.locator(':scope > li').first().textContent(), /^Monitoring: 1 more point from these tests:/);
  await page.getByLabel('Target', { exact: true }).selectOption({ label: 'Score 4' });
  const between4 = results.getByRole('list', { name: 'What stands between you and your target, a score of 4' });
  assert.equal(await between4.locator(':scope > li').count(), 2, 'Model Development (3.5) is below 4 too');

  // Gaps: Model's 7 manual tests and Monitoring's 5 unmet ones.
  const gapsPanel = page.getByRole('region', { name: 'Gaps to the target' });
  const model1 = of('model')[0];
  const gapName = (t) => `${label(t)}: ${t.title}`;
  await gapsPanel.getByRole('checkbox').nth(11).waitFor();
  assert.equal(await gapsPanel.getByRole('checkbox').count(), 12);
  await gapsPanel.getByRole('checkbox', { name: gapName(of('monitor')[6]) }).uncheck();
  await gapsPanel.getByLabel(`Impact of ${gapName(model1)}`).selectOption('high');
  await gapsPanel.getByRole('button', { name: 'Add to the debt register' }).click();
  await gapsPanel.getByText('Added 11 items to the debt register.').waitFor();
  assert.equal(await gapsPanel.getByText('In the debt register: Open').count(), 11);
  await gapsPanel.getByRole('button', { name: 'Add to the debt register' }).click();
  await gapsPanel.getByText('Nothing added: the register already has an item for every chosen gap.').waitFor();

  const md = await downloadText(page, () => page.getByRole('button', { name: 'Export Markdown' }).click());
  assert.equal(md.name, 'assessment-ranking-service.md');
  assert.match(md.text, /^# ML Test Score: Ranking service\n/);
  assert.match(md.text, /- Final score: 2\.5 of 7, the lowest of the four sections/);
  assert.match(md.text, /- Target: Score 4 \(set by the team\)/);

  await page.getByText('Share by link').click();
  await page.waitForFunction(() => document.getElementById('share-link')?.value.includes('/shared/'));
  const link = await page.getByLabel('Link to this assessment').inputValue();
  console.log(`share link of a 28-test assessment with a target: ${link.length} characters`);
  assert.match(link, /#\/shared\/2\/[A-Za-z0-9_-]+$/);
  await audit(page, 'Test Score editor');

  // After a reload everything is still there, and the list shows the score.
  await page.reload();
  await waitForApp(page);
  await page.getByRole('region', { name: 'Results' }).getByRole('status').filter({ hasText: '2.5 of 7' }).waitFor();
  await page.getByRole('link', { name: 'All assessments' }).click();
  const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'Ranking service' }) });
  assert.match(await row.textContent(), /ML Test Score.*Score 2\.5.*13 of 28 tests automated, 8 manual/);

  // The register names the gap each item closes, with the item edited before adding.
  await page.getByRole('link', { name: 'Debt register', exact: true }).click();
  await page.getByText('Closes a gap of').first().waitFor();
  assert.equal(await page.getByText('Closes a gap of').count(), 11);
  const modelItem = page.getByRole('row').filter({ hasText: model1.title });
  assert.equal(await modelItem.locator('td').nth(2).textContent(), 'high');

  // The link opens read-only in another browser, as an ML Test Score.
  const receiver = await env.newContext();
  const other = await receiver.newPage();
  await other.goto(link);
  await waitForApp(other);
  await other.getByRole('heading', { level: 1, name: 'Ranking service' }).waitFor();
  await other.getByText(`Data 1 automated: ${TESTS[0].title}`).waitFor();
  await other.getByRole('region', { name: 'Results' }).getByRole('status').filter({ hasText: '2.5 of 7' }).waitFor();
  assert.deepEqual(receiver.problems, []);
  assert.deepEqual(context.problems, []);
});

function workspaceFile(assessments) {
  return JSON.stringify({ format: 'mlops-governance-workbench', schema_version: 6, app_version: 'test', saved_at: '2026-12-02T09:00:00Z',
    workspace: { assessments: { items: assessments } } });
}

/** Everyone has the first five criteria; criteria 6 to 8 only the first 15 of the room. */
const SPLIT = [5, 6, 7];
function participant(i) {
  const ids = CRITERIA.filter((_, index) => index < 5 || (SPLIT.includes(index) && i < 15)).map((c) => c.id);
  return {
    id: `p${i}`, name: 'Payments', assessor: `Participant ${i}`, date: '2026-12-02', instrument: 'maturity',
    answers: Object.fromEntries(ids.map((id) => [id, { implemented: true }])),
    created_at: '2026-12-02T09:00:00Z', updated_at: `2026-12-02T09:${String(i).padStart(2, '0')}:00Z`,
  };
}
function tester(i) {
  const answers = Object.fromEntries(TESTS.slice(0, 7 + i).map((t) => [t.id, { implemented: true, automated: true }]));
  return {
    id: `t${i}`, name: 'Ranking', assessor: `Tester ${i}`, date: '2026-12-02', instrument: 'ml_test_score', answers,
    created_at: '2026-12-02T09:00:00Z', updated_at: '2026-12-02T09:00:00Z',
  };
}

async function dropFiles(page, files) {
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text], f.name, { type: 'application/json' }));
    return dt;
  }, files);
  await page.locator('.drop-zone').dispatchEvent('drop', { dataTransfer });
}

test('a room of 30 split 15 to 15 on three criteria: contested first, agreed, saved with its spread; the Test Score apart', async () => {
  const context = await env.newContext({ bypassCSP: true });
  const page = await openApp(context, '#/workshop', env.server);
  const files = Array.from({ length: 30 }, (_, i) => ({ name: `p${i}.json`, text: workspaceFile([participant(i)]) }));
  files.push(...[0, 1, 2].map((i) => ({ name: `t${i}.json`, text: workspaceFile([tester(i)]) })));
  await dropFiles(page, files);
  await page.getByRole('status').filter({ hasText: '33 participants from 33 sources' }).waitFor();

  const choice = page.getByRole('group', { name: 'This room used two instruments' });
  assert.equal(await choice.getByRole('radio', { name: 'Maturity model (30 participants)' }).isChecked(), true);
  const splits = page.getByRole('region', { name: 'Where the room disagrees' });
  assert.match(await splits.textContent(), /no single answer is given by 70% of the room or more\. 3 of 14 criteria are contested\./);
  const rows = splits.locator('tbody tr');
  for (const [n, index] of SPLIT.entries()) {
    assert.equal(await rows.nth(n).getByRole('rowheader').textContent(), CRITERIA[index].text);
    assert.match(await rows.nth(n).textContent(), /15 of 30 have it, 15 don't.*Contested/);
  }
  assert.doesNotMatch(await rows.nth(3).textContent(), /Contested/);
  await splits.getByRole('radio', { name: 'The Maturity model order' }).check();
  assert.equal(await rows.first().getByRole('rowheader').textContent(), CRITERIA[0].text);

  const dots = page.getByRole('img', { name: /^Overall results of 30 participants, one dot each/ });
  assert.equal(await dots.locator('circle').count(), 30);
  assert.equal(await page.locator('.dot-names').count(), 0, 'the dots are anonymous by default');
  await page.getByRole('checkbox', { name: 'Show names' }).check();
  assert.match(await page.locator('.dot-names').textContent(), /Participant 29 \/ Payments/);

  await splits.getByLabel(`Agreed answer for ${CRITERIA[5].text}`).selectOption({ label: 'Discussed: we have it' });
  await splits.getByLabel(`Agreed answer for ${CRITERIA[6].text}`).selectOption({ label: "Discussed: we don't have it" });
  await splits.getByLabel('Team the room assessed').fill('Payments');
  await splits.getByLabel('Facilitator').fill('Fatima');
  await splits.getByLabel('The room met on').fill('2026-12-02');
  await splits.getByRole('button', { name: 'Save the agreed assessment' }).click();
  await splits.getByText('Saved “Payments” to your workspace.').waitFor();
  await audit(page, 'room');

  // The Test Score room: its own dots and splits, never mixed with the levels.
  await choice.getByRole('radio', { name: 'ML Test Score (3 participants)' }).check();
  const scores = page.getByRole('img', { name: /^Overall results of 3 participants, one dot each/ });
  assert.equal(await scores.locator('circle').count(), 3);
  assert.match(await page.getByRole('region', { name: 'Where the room disagrees' }).textContent(), /of 28 tests are contested/);
  assert.equal(await page.getByRole('region', { name: 'Overall levels' }).count(), 0);
  await audit(page, 'Test Score room');

  await choice.getByRole('radio', { name: 'Maturity model (30 participants)' }).check();
  await page.getByRole('link', { name: 'Open Payments' }).click();
  await page.getByRole('heading', { level: 1, name: 'Payments' }).waitFor();
  assert.equal(await page.getByRole('checkbox', { name: CRITERIA[5].text, exact: true }).isChecked(), true);
  assert.equal(await page.getByRole('checkbox', { name: CRITERIA[6].text, exact: true }).isChecked(), false);
  assert.equal(await page.getByRole('checkbox', { name: CRITERIA[0].text, exact: true }).isChecked(), false, 'not discussed: not there yet');
  assert.equal(await page.getByLabel(`Evidence for ${CRITERIA[5].text}`).inputValue(),
    "Room of 30 participants on 2026-12-02: 15 of 30 have it, 15 don't (contested; agreed: we have it).");
  assert.deepEqual(context.problems, []);
});

test('a team with both instruments: a history per instrument with the target drawn, and side by side never mixed', async () => {
  const context = await env.newContext({ bypassCSP: true });
  const page = await openApp(context, '', env.server);
  const byId = (id) => TESTS.find((t) => t.id === id);
  await page.getByLabel('Instrument').selectOption({ label: 'ML Test Score' });
  await startAssessment(page, 'Search ranking');
  await page.getByLabel('Date', { exact: true }).fill('2026-01-10');
  await practise(page, byId('data-1'), AUTOMATED);
  await page.getByRole('button', { name: 'Duplicate', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Search ranking (copy)' }).waitFor();
  await page.getByLabel('Date', { exact: true }).fill('2026-06-10');
  for (const id of ['model-1', 'infra-1', 'monitor-1']) await practise(page, byId(id), AUTOMATED);
  await page.getByLabel('Target', { exact: true }).selectOption({ label: 'Score 2' });
  await page.getByRole('region', { name: 'Results' }).getByRole('status').filter({ hasText: '1 of 7' }).waitFor();
  await page.getByRole('link', { name: 'All assessments' }).click();
  await page.getByLabel('Instrument').selectOption({ label: 'Maturity model' });
  await startAssessment(page, 'Search ranking');
  await page.getByRole('link', { name: 'All assessments' }).click();

  await page.getByRole('link', { name: /^History of Search ranking/ }).first().click();
  const choice = page.getByRole('group', { name: 'This team was assessed with two instruments' });
  await choice.getByRole('radio', { name: 'ML Test Score' }).check();
  await page.getByRole('img', { name: 'Overall result over time. Target: Score 2. 2026-01-10: Score 0; 2026-06-10: Score 1.' }).waitFor();
  const changed = page.getByRole('region', { name: 'What changed' });
  await changed.getByText('Score 0 → Score 1').waitFor();
  assert.equal(await changed.getByRole('heading', { name: 'Tests changed' }).locator('+ ul > li').count(), 3);
  await audit(page, 'Test Score history');
  await choice.getByRole('radio', { name: 'Maturity model' }).check();
  await page.getByRole('img', { name: /^Overall result over time\. Target: Level 1\. \d{4}-\d\d-\d\d: Level 0\.$/ }).waitFor();

  await page.getByRole('link', { name: 'Maturity assessments', exact: true }).click();
  // `all()` does not wait: wait for the list to show its three assessments first.
  const compareBoxes = page.getByRole('checkbox', { name: /^Compare / });
  await compareBoxes.nth(2).waitFor();
  for (const box of await compareBoxes.all()) await box.check();
  await page.getByRole('button', { name: 'Compare selected (3)' }).click();
  await page.getByText('These assessments use two instruments.', { exact: false }).waitFor();
  const scores = page.getByRole('region', { name: 'ML Test Score' });
  const final = scores.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Final score (of 7)' }) });
  assert.deepEqual(await final.getByRole('cell').allTextContents(), ['0', '1']);
  const monitor = scores.getByRole('row').filter({ has: page.getByRole('rowheader', { name: `Monitor 1: ${byId('monitor-1').title}` }) });
  assert.deepEqual(await monitor.getByRole('cell').allTextContents(), ['not done', 'automated']);
  assert.equal(await page.getByRole('region', { name: 'Maturity model' }).getByRole('columnheader').count(), 2);
  await audit(page, 'compare');
  assert.deepEqual(context.problems, []);
});
