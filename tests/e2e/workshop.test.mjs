// Workshops in Chromium: a facilitator drops 30 participant files (two broken) and sees the
// right counts; a shared link opens read-only and saves; a team's trend shows three
// snapshots; assessments side by side; axe finds no serious or critical violation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { setup, openApp, downloadText, waitForApp, startAssessment, ROOT } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

// The lesson's criteria (id, level) in order, read from the core so the test follows it.
const CRITERIA = [...fs.readFileSync(path.join(ROOT, 'src/core/maturity/criteria.rs'), 'utf8')
  .matchAll(/id: "([^"]+)",[\s\S]*?level: Level::Level(\d)/g)].map((m) => ({ id: m[1], level: Number(m[2]) }));

/** The overall level by the cumulative 80% rule. */
function overall(ids) {
  let reached = 0;
  for (const level of [1, 2, 3]) {
    const of = CRITERIA.filter((c) => c.level === level);
    if (of.filter((c) => ids.includes(c.id)).length * 100 < of.length * 80) break;
    reached = level;
  }
  return reached;
}

function workspaceFile(assessments) {
  return JSON.stringify({ format: 'mlops-governance-workbench', schema_version: 3, app_version: 'test', saved_at: '2026-11-26T09:00:00Z',
    workspace: { assessments: { items: assessments } } });
}

function participant(i) {
  const ids = CRITERIA.slice(0, i % 15).map((c) => c.id);
  return {
    id: `p${i}`, name: `Team ${String.fromCharCode(65 + (i % 5))}`, assessor: `Participant ${i} Ünal`, date: '2026-11-26',
    answers: Object.fromEntries(ids.map((id) => [id, { implemented: true }])),
    created_at: '2026-11-26T09:00:00Z', updated_at: `2026-11-26T09:${String(i).padStart(2, '0')}:00Z`,
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

test('a facilitator drops 30 files, two broken, and sees the room’s counts; CSV and save', async () => {
  const context = await env.newContext();
  const page = await openApp(context, '#/workshop', env.server);
  const people = Array.from({ length: 28 }, (_, i) => participant(i));
  const files = people.map((p, i) => ({ name: `participant-${i}.json`, text: workspaceFile([p]) }));
  files.splice(7, 0, { name: 'broken.json', text: '{"format": "mlops-governance-workbench", ' });
  files.splice(19, 0, { name: 'notes.json', text: '{"hello": "world"}' });
  assert.equal(files.length, 30);
  await dropFiles(page, files);
  await page.getByRole('status').filter({ hasText: '28 participants from 30 sources; 2 sources rejected.' }).waitFor();
  const notCounted = page.getByRole('region', { name: 'Not counted' });
  assert.match(await notCounted.textContent(), /broken\.json: The file is not valid JSON/);
  assert.match(await notCounted.textContent(), /notes\.json: The file is not a workbench workspace/);

  const expectedLevels = [0, 1, 2, 3].map((l) => people.filter((p) => overall(Object.keys(p.answers)) === l).length);
  const levels = page.getByRole('region', { name: 'Overall levels' });
  for (const level of [0, 1, 2, 3]) {
    const row = levels.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^Level ${level}:`) }) });
    assert.equal(await row.getByRole('cell').first().textContent(), String(expectedLevels[level]), `level ${level}`);
  }
  const heat = page.getByRole('region', { name: 'Who has each criterion' });
  for (const [index, criterion] of CRITERIA.entries()) {
    const count = people.filter((p) => p.answers[criterion.id]).length;
    const row = heat.locator('tbody tr').nth(index);
    assert.match(await row.locator('td').nth(1).textContent(), new RegExp(`^${count} of 28 \\(${Math.round(count * 100 / 28)}%\\)$`), criterion.id);
  }

  // The same participant exported twice (a newer file) counts once, with a note.
  const newer = { ...people[3], updated_at: '2026-11-26T11:00:00Z', answers: {} };
  await dropFiles(page, [{ name: 'participant-3-again.json', text: workspaceFile([newer]) }]);
  await page.getByRole('status').filter({ hasText: '28 participants from 31 sources; 2 sources rejected; 1 duplicate dropped.' }).waitFor();
  assert.match(await notCounted.textContent(), /kept the newer from participant-3-again\.json/);

  const csv = await downloadText(page, () => page.getByRole('button', { name: 'Download CSV (one row per participant)' }).click());
  const lines = csv.text.trim().split(/\r?\n/);
  assert.equal(lines.length, 29);
  assert.deepEqual(lines[0].split(','), ['team', 'assessor', 'date', 'overall_level', 'level_1_percent', 'level_2_percent', 'level_3_percent', ...CRITERIA.map((c) => c.id)]);
  const row = lines.find((l) => l.includes('Participant 14 Ünal')).split(',');
  assert.deepEqual(row.slice(7).map(Number), CRITERIA.map((_, i) => (i < 14 ? 1 : 0)));
  assert.equal(Number(row[3]), overall(CRITERIA.slice(0, 14).map((c) => c.id)));

  assert.equal(await page.evaluate(() => localStorage.getItem('mlops-workbench:assessments')), null, 'nothing saved yet');
  await page.getByRole('button', { name: 'Save all to my workspace' }).click();
  await page.getByText('Saved to your workspace: 28 added, 0 already there, 0 kept as a copy because it differed.').waitFor();
  await page.getByRole('link', { name: 'Maturity assessments', exact: true }).click();
  await page.locator('tbody tr').nth(27).waitFor();
  assert.equal(await page.locator('tbody tr').count(), 28);
  assert.deepEqual(context.problems, []);
  await context.close();
});

test('a shared link opens read-only in another browser and saves; damaged and newer links are refused', async () => {
  const sender = await env.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await openApp(sender, '', env.server);
  await startAssessment(page, 'Équipe paiements 🧪');
  await page.getByRole('checkbox', { name: 'Model registry', exact: true }).check();
  await page.getByText('Evidence and link for Model registry').click();
  await page.getByLabel('Evidence for Model registry').fill('Registre MLflow, 日本語 notes');
  await page.getByText('Share by link').click();
  await page.getByRole('button', { name: 'Copy link' }).click();
  await page.getByText(/^Copied\./).waitFor();
  const link = await page.getByLabel('Link to this assessment').inputValue();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  assert.match(link, /#\/shared\/1\/[A-Za-z0-9_-]+$/);
  assert.match(await page.locator('#share-link-size').textContent(), /^\d+ characters\./);

  const receiver = await env.newContext();
  const other = await receiver.newPage();
  const requests = [];
  other.on('request', (r) => requests.push(r.url()));
  await other.goto(link);
  await waitForApp(other);
  await other.getByRole('heading', { level: 1, name: 'Équipe paiements 🧪' }).waitFor();
  await other.getByText('Implemented: Model registry').waitFor();
  await other.getByText('Registre MLflow, 日本語 notes').waitFor();
  assert.ok(requests.every((url) => !url.includes('/shared/')), 'the fragment never reaches the server');
  assert.equal(await other.getByRole('textbox').count(), 0, 'read-only');
  await other.getByRole('button', { name: 'Save to my workspace' }).click();
  await other.getByText('Saved to your workspace.').waitFor();
  await other.getByRole('button', { name: 'Save to my workspace' }).click();
  await other.getByText('It is already in your workspace, unchanged.').waitFor();
  await other.getByRole('link', { name: 'Go to your assessments' }).click();
  await other.getByRole('link', { name: 'Équipe paiements 🧪' }).waitFor();

  const payload = link.split('/shared/1/')[1];
  await other.goto(`${env.server.url}#/shared/1/${payload.slice(0, payload.length - 12)}`);
  await other.getByRole('heading', { level: 1, name: 'This link cannot be opened' }).waitFor();
  await other.getByText(/damaged or incomplete/).waitFor();
  await other.goto(`${env.server.url}#/shared/3/${payload}`);
  await other.getByText(/newer version of the workbench \(link version 3\)/).waitFor();
  assert.deepEqual(receiver.problems, []);
  await sender.close();
  await receiver.close();
});

function history() {
  const at = (date, count) => ({
    id: `s-${date}`, name: 'Payments', assessor: 'Dana', date,
    answers: Object.fromEntries(CRITERIA.slice(0, count).map((c) => [c.id, { implemented: true, evidence: `at ${date}` }])),
    created_at: `${date}T09:00:00Z`, updated_at: `${date}T09:00:00Z`,
  });
  return [at('2026-07-15', 12), at('2026-01-15', 2), at('2026-04-15', 6), { ...at('2026-05-01', 3), id: 'other', name: 'Search' }];
}

async function importWorkspace(page, text) {
  await page.goto(page.url().split('#')[0] + '#/data');
  await page.getByLabel('Choose a workspace file (.json)').setInputFiles({ name: 'w.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.getByRole('button', { name: 'Replace my workspace' }).click();
  await page.getByText(/^Replaced:/).waitFor();
}

test('a team’s trend shows three snapshots and what changed; two assessments side by side', async () => {
  const context = await env.newContext();
  const page = await openApp(context, '', env.server);
  await importWorkspace(page, workspaceFile(history()));
  await page.getByRole('link', { name: 'Maturity assessments', exact: true }).click();
  await page.getByRole('link', { name: 'History of Payments' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'History: Payments' }).waitFor();
  const rows = page.getByRole('table').first().locator('tbody tr');
  assert.deepEqual(await rows.locator('th').allTextContents(), ['2026-01-15', '2026-04-15', '2026-07-15']);
  // One line per level, and the overall result with the team's target drawn beside it.
  const lines = page.locator('svg.trend-chart:not(.steps-chart) polyline');
  assert.equal(await lines.count(), 3);
  for (const points of await lines.evaluateAll((all) => all.map((l) => l.getAttribute('points')))) {
    assert.equal(points.split(' ').length, 3);
  }
  const overallLine = page.locator('svg.steps-chart polyline');
  assert.equal((await overallLine.getAttribute('points')).split(' ').length, 3);
  assert.equal(await page.locator('svg.steps-chart line.target-line').count(), 1);
  const overallOf = (count) => overall(CRITERIA.slice(0, count).map((c) => c.id));
  await page.getByText(`Level ${overallOf(2)} → Level ${overallOf(12)}`).waitFor();
  const gained = page.getByRole('heading', { name: 'Criteria gained' }).locator('xpath=following-sibling::ul[1]/li');
  assert.equal(await gained.count(), 10);
  await page.getByLabel('From').selectOption({ label: '2026-04-15 (Dana)' });
  assert.equal(await gained.count(), 6);

  await page.getByRole('link', { name: 'All assessments' }).click();
  await page.getByLabel('Compare Payments').first().check();
  await page.getByLabel('Compare Search').check();
  await page.getByRole('button', { name: 'Compare selected (2)' }).click();
  await page.getByRole('heading', { level: 1, name: 'Assessments side by side' }).waitFor();
  assert.equal(await page.locator('.compare-table thead th').count(), 3);
  assert.equal(await page.locator('.compare-table tbody tr').count(), 4 + CRITERIA.length);
  assert.deepEqual(context.problems, []);
  await context.close();
});

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
async function audit(page, name) {
  await page.addScriptTag({ path: path.resolve(AXE) });
  const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious.map((v) => `${name}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
}

for (const scheme of ['light', 'dark']) {
  test(`no serious or critical accessibility violation on the workshop pages (${scheme})`, async () => {
    const context = await env.newContext({ bypassCSP: true, colorScheme: scheme });
    const page = await openApp(context, '#/workshop', env.server);
    await audit(page, 'empty room');
    await dropFiles(page, [...Array.from({ length: 6 }, (_, i) => ({ name: `p${i}.json`, text: workspaceFile([participant(i * 3)]) })), { name: 'bad.json', text: '{' }]);
    await page.getByRole('status').filter({ hasText: '6 participants' }).waitFor();
    await audit(page, 'room');
    await importWorkspace(page, workspaceFile(history()));
    await page.goto(`${env.server.url}#/history/Payments`);
    await page.getByRole('heading', { level: 1, name: 'History: Payments' }).waitFor();
    await audit(page, 'history');
    await page.goto(`${env.server.url}#/compare/s-2026-01-15,other`);
    await page.getByRole('heading', { level: 1, name: 'Assessments side by side' }).waitFor();
    await audit(page, 'compare');
    await page.goto(`${env.server.url}#/assessments/s-2026-07-15`);
    await page.getByText('Share by link').click();
    // The link is encoded once the panel has opened.
    await page.waitForFunction(() => document.getElementById('share-link').value.includes('#/shared/'));
    const link = await page.getByLabel('Link to this assessment').inputValue();
    await audit(page, 'share panel');
    await page.goto(link);
    await page.getByRole('button', { name: 'Save to my workspace' }).waitFor();
    await audit(page, 'shared view');
    await context.close();
  });
}
