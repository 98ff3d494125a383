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

test('a Model Card Toolkit card: imported with its graphics shown, and a lossy export says what it leaves out', async (t) => {
  const file = path.resolve(ROOT, '../shared/corpus/mct/cats_vs_dogs_v0_0_2.json');
  if (!fs.existsSync(file)) {
    t.skip(`SKIPPED: ${file} is not there; no real MCT card was checked`);
    return;
  }
  const context = await env.newContext();
  const page = await openApp(context, '#/cards', env.server);
  await page.getByRole('link', { name: 'Model cards', exact: true }).click();
  await page.getByLabel('Import a card (lesson JSON, Model Card Toolkit JSON, CycloneDX BOM or Hugging Face README.md)')
    .setInputFiles({ name: 'cats_vs_dogs_v0_0_2.json', mimeType: 'application/json', buffer: fs.readFileSync(file) });
  await page.getByRole('heading', { level: 1, name: 'Fine-tuned MobileNetV2 Model for Cat vs. Dogs v1.0' }).waitFor();
  await page.getByText(/Read a Model Card Toolkit card \(schema 0\.0\.2\)\. Filled 10 fields/).waitFor();
  const images = preview(page).getByRole('img');
  await images.first().waitFor();
  assert.equal(await images.count(), 2);
  // Each image decoded (the CSP allows data: images and nothing else).
  const widths = await images.evaluateAll((all) => all.map((img) => img.naturalWidth));
  assert.ok(widths.every((w) => w > 0), `images decoded: ${widths}`);

  await page.getByLabel('Model type').selectOption('classification');
  await page.getByRole('button', { name: 'Download Model Card Toolkit JSON' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'A Model Card Toolkit file cannot hold everything in this card' });
  await dialog.getByRole('listitem').filter({ hasText: 'Model type' }).waitFor();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Download Model Card Toolkit JSON' }).click();
  const mct = await downloadText(page, () => dialog.getByRole('button', { name: 'Download the Model Card Toolkit file' }).click());
  const json = JSON.parse(mct.text);
  assert.equal(json.schema_version, '0.0.2');
  assert.equal(json.quantitative_analysis.graphics.collection.length, 1, 'graphics written back');

  // Everything this card holds has a CycloneDX field: the download starts at once.
  const bom = await downloadText(page, () => page.getByRole('button', { name: 'Download CycloneDX BOM' }).click());
  assert.equal(await page.getByRole('alertdialog').count(), 0);
  const parsed = JSON.parse(bom.text);
  assert.equal(parsed.components[0].type, 'machine-learning-model');
  assert.equal(parsed.components[0].modelCard.modelParameters.task, 'classification');
  assert.deepEqual(context.problems, []);
  await context.close();
});
