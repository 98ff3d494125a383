// Real Hugging Face cards in Chromium: a README from ../shared/corpus/ imported, edited and
// exported, then read by the Hub's own client (huggingface_hub, in the test command's venv);
// other metadata edited with validation; evaluation results edited.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { setup, openApp, downloadText, ROOT } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const CORPUS = path.resolve(ROOT, '../shared/corpus/hf');
const PYTHON = path.join(ROOT, 'target/py-venv/bin/python');
const preview = (page) => page.frameLocator('iframe[title="Preview of the exported model card"]');

async function importFile(page, name, buffer) {
  await page.getByRole('link', { name: 'Model cards', exact: true }).click();
  await page.getByLabel('Import a card (lesson JSON, Model Card Toolkit JSON, CycloneDX BOM or Hugging Face README.md)')
    .setInputFiles({ name, mimeType: 'text/markdown', buffer });
}

/** Runs the huggingface_hub check on one original and its export; returns its output. */
function hubCheck(name, original, exported) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-check-'));
  fs.mkdirSync(path.join(dir, 'in'));
  fs.mkdirSync(path.join(dir, 'out'));
  fs.writeFileSync(path.join(dir, 'in', name), original);
  fs.writeFileSync(path.join(dir, 'out', name), exported);
  return execFileSync(PYTHON, [path.join(ROOT, 'scripts/check_hf_roundtrip.py'), path.join(dir, 'in'), path.join(dir, 'out'), name],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

test('a real gated README: imported, edited, exported, and read by huggingface_hub with every key', async (t) => {
  const name = 'runwayml__stable-diffusion-v1-5.README.md';
  if (!fs.existsSync(path.join(CORPUS, name))) {
    t.skip(`SKIPPED: ${CORPUS} is not there; no real README was checked`);
    return;
  }
  const original = fs.readFileSync(path.join(CORPUS, name));
  const context = await env.newContext();
  const page = await openApp(context, '#/cards', env.server);
  await importFile(page, name, original);
  await page.getByRole('heading', { level: 1, name: /Stable Diffusion v1-5/ }).waitFor();
  await page.getByText(/Kept 3 metadata keys as other metadata \(inference, extra_gated_prompt, extra_gated_heading\)/).waitFor();
  assert.match(await page.getByLabel('Other metadata').inputValue(), /^inference: true\nextra_gated_prompt: \|-\n/);
  await page.getByLabel('Version').fill('v1.5.1');
  await page.getByLabel('Version').press('Tab');
  const readme = await downloadText(page, () => page.getByRole('button', { name: 'Download Hugging Face README' }).click());
  assert.equal(readme.name, 'README.md');
  assert.match(readme.text, /### Version\n\nv1\.5\.1\n/);
  const out = hubCheck(name, original, readme.text);
  t.diagnostic(out.trim());
  assert.match(out, /^ok: /m);
  assert.deepEqual(context.problems, []);
  await context.close();
});

test('other metadata: a change that is not YAML is refused and nothing changes; a good one is exported', async () => {
  const context = await env.newContext();
  const page = await openApp(context, '#/cards', env.server);
  const readme = '---\nlicense: mit\nlanguage: en\npipeline_tag: fill-mask\n---\n# tiny-model\n\nText.\n';
  await importFile(page, 'README.md', Buffer.from(readme));
  await page.getByRole('heading', { level: 1, name: 'tiny-model' }).waitFor();
  const box = page.getByLabel('Other metadata');
  assert.equal(await box.inputValue(), 'language: en\npipeline_tag: fill-mask\n');
  await box.fill('language: [en\n');
  await box.press('Tab');
  await page.getByRole('alert').filter({ hasText: /Not taken: This is not valid YAML: line 2/ }).waitFor();
  await box.fill('license: apache-2.0\n');
  await box.press('Tab');
  await page.getByRole('alert').filter({ hasText: /"license" is set by a field of the card; edit it there\./ }).waitFor();
  let exported = await downloadText(page, () => page.getByRole('button', { name: 'Download Hugging Face README' }).click());
  assert.match(exported.text, /^---\nlicense: mit\nlanguage: en\npipeline_tag: fill-mask\n/, 'nothing changed');
  await box.fill('language:\n- en\n- nb\ndatasets:\n- wiki\n');
  await box.press('Tab');
  await page.waitForFunction(() => !document.getElementById('card-other-metadata-error').textContent);
  exported = await downloadText(page, () => page.getByRole('button', { name: 'Download Hugging Face README' }).click());
  assert.match(exported.text, /^---\nlicense: mit\nlanguage:\n- en\n- nb\ndatasets:\n- wiki\nmlops_governance_card:\n/);
  assert.deepEqual(context.problems, []);
  await context.close();
});

test('evaluation results: grouped by dataset, edited in place, shown in the preview and exported as model-index', async () => {
  const context = await env.newContext();
  const page = await openApp(context, '#/cards', env.server);
  const readme = ['---', 'model-index:', '- name: rl-agent', '  results:', '  - task:', '      type: reinforcement-learning',
    '    dataset:', '      name: Pyramids', '      type: Pyramids', '    metrics:', '    - type: mean_reward',
    '      value: -8.17 +/- 59.21', '  - task:', '      type: reinforcement-learning', '    dataset:', '      name: Huggy',
    '      type: Huggy', '    metrics:', '    - type: mean_reward', '      value: 2.5', '---', '# rl-agent', ''].join('\n');
  await importFile(page, 'README.md', Buffer.from(readme));
  await page.getByRole('heading', { level: 1, name: 'rl-agent' }).waitFor();
  const results = page.getByRole('group', { name: 'Evaluation results' });
  await results.getByText('2 results in 2 datasets').waitFor();
  assert.equal(await results.getByLabel('Value of metric 1').first().inputValue(), '-8.17 +/- 59.21');
  await results.getByText('Huggy: 1 metric').waitFor();
  const huggy = results.locator('details').nth(1);
  await huggy.getByLabel('Value of metric 1').fill('3.25');
  await huggy.getByLabel('Dataset split').fill('test');
  assert.equal(await huggy.getByLabel('Dataset split').evaluate((e) => e === document.activeElement), true, 'focus stays while typing');
  await preview(page).getByRole('heading', { name: 'Huggy (split: test)' }).waitFor();
  await preview(page).getByRole('cell', { name: '3.25' }).waitFor();
  await preview(page).getByRole('cell', { name: '-8.17 +/- 59.21' }).waitFor();
  const exported = await downloadText(page, () => page.getByRole('button', { name: 'Download Hugging Face README' }).click());
  assert.match(exported.text, /\n +split: "test"\n +metrics:\n +- type: "mean_reward"\n +value: 3\.25\n/);
  assert.match(exported.text, /value: "-8\.17 \+\/- 59\.21"\n/);
  assert.deepEqual(context.problems, []);
  await context.close();
});
