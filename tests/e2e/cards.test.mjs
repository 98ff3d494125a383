// Model cards in Chromium: typing with the preview following, reload, validation at the field,
// exports (HTML, JSON, README) that import back without loss, the lesson's own JSON, bad files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import crypto from 'node:crypto';
import path from 'node:path';
import YAML from 'yaml';
import { setup, openApp, downloadText, storedEntries, waitForSave, ROOT } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const LESSON_JSON = fs.readFileSync(path.join(ROOT, 'src/core/cards/json/lesson_model_card.json'), 'utf8');
const preview = (page) => page.frameLocator('iframe[title="Preview of the exported model card"]');

async function newCard(page) {
  await page.getByRole('link', { name: 'Model cards', exact: true }).click();
  await page.getByRole('button', { name: 'New model card' }).click();
  await page.getByRole('heading', { level: 1, name: 'Untitled card' }).waitFor();
}

async function importFile(page, name, text) {
  await page.getByRole('link', { name: 'Model cards', exact: true }).click();
  await page.getByLabel('Import a card (lesson JSON, Model Card Toolkit JSON, CycloneDX BOM or Hugging Face README.md)')
    .setInputFiles({ name, mimeType: name.endsWith('.md') ? 'text/markdown' : 'application/json', buffer: Buffer.from(text) });
}

test('a card written by typing: the preview follows, problems show at the field, reload keeps it', async () => {
  const context = await env.newContext();
  const page = await openApp(context, '', env.server);
  await newCard(page);
  await page.getByLabel('Model name').fill('Churn <b>model</b>');
  await page.getByLabel('Version', { exact: true }).fill('v1.0');
  await page.getByRole('heading', { level: 1, name: 'Churn <b>model</b> v1.0' }).waitFor();
  await preview(page).getByRole('heading', { level: 1, name: /Churn <b>model<\/b>/ }).waitFor();

  await page.getByRole('button', { name: 'Add an item to Primary use cases' }).click();
  await page.getByLabel('Primary use cases, item 1').fill('Retention e-mails');
  await preview(page).getByText('Retention e-mails').waitFor();
  await page.getByRole('button', { name: 'Add an item to Primary use cases' }).click();
  await page.getByLabel('Primary use cases, item 2').fill('Call-centre priorities');
  await page.getByRole('button', { name: 'Move item 2 of Primary use cases up' }).click();
  assert.equal(await page.getByLabel('Primary use cases, item 1').inputValue(), 'Call-centre priorities');

  const metrics = page.getByRole('group', { name: 'Performance metrics' });
  await metrics.getByRole('button', { name: 'Add a row' }).click();
  await metrics.getByLabel('Name, row 1').fill('auc');
  await metrics.getByLabel('Value, row 1').fill('high');
  await metrics.getByText('Row 1: Write a finite number such as 0.75, 10 or 1e-3.').waitFor();
  await metrics.getByLabel('Value, row 1').fill('0.91');
  await preview(page).getByText('0.91').waitFor();
  assert.equal(await metrics.getByText(/Row 1:/).count(), 0);

  await page.getByLabel('Contact e-mail').fill('not an address');
  await page.getByText('Write an e-mail address such as ml-team@example.com.').first().waitFor();
  await page.getByLabel('Contact e-mail').fill('churn@example.com');

  await page.getByLabel('Training data size').fill('1200000');
  await preview(page).getByText('1,200,000').waitFor();
  await page.getByLabel('Training data size').fill('-4');
  await page.getByText('A count cannot be negative.').waitFor();
  await page.getByLabel('Training data size').fill('1,200,000');

  await page.getByRole('group', { name: 'Training data date range' }).getByLabel('From').fill('2025-12-31');
  await page.getByRole('group', { name: 'Training data date range' }).getByLabel('To').fill('2025-01-01');
  await page.getByText('The start date is after the end date.').first().waitFor();

  await page.getByText(/\d+ of 27 fields filled/).waitFor();
  await page.getByText(/^Missing: \d+ fields$/).click();
  await page.getByRole('button', { name: 'Intended use', exact: true }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'card-intended_use');

  const url = page.url();
  await waitForSave(page, () => (localStorage.getItem('mlops-workbench:cards') ?? '').includes('1200000'));
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Churn <b>model</b> v1.0' }).waitFor();
  assert.equal(page.url(), url);
  assert.equal(await page.getByLabel('Primary use cases, item 2').inputValue(), 'Retention e-mails');
  assert.equal(await page.getByRole('group', { name: 'Performance metrics' }).getByLabel('Value, row 1').inputValue(), '0.91');
  assert.equal(await page.getByLabel('Training data size').inputValue(), '1,200,000');
  assert.deepEqual(context.problems, []);
  await context.close();
});

test('the lesson’s own JSON imports intact; JSON, README and HTML exports import back without loss', async () => {
  const context = await env.newContext();
  const page = await openApp(context, '#/cards', env.server);
  await importFile(page, 'recommendation_model_v2.1.0.json', LESSON_JSON);
  await page.getByRole('heading', { level: 1, name: 'product_recommendation_model v2.1.0' }).waitFor();
  await page.getByText('27 of 27 fields filled (100%)').waitFor();

  const json = await downloadText(page, () => page.getByRole('button', { name: 'Download JSON' }).click());
  const ours = JSON.parse(json.text);
  const lesson = JSON.parse(LESSON_JSON);
  lesson.training_date = '2024-01-15';
  lesson.training_data_date_range = ['2023-01-01', '2023-12-31'];
  assert.deepEqual(ours, lesson);
  assert.deepEqual(Object.keys(ours.performance_metrics), Object.keys(lesson.performance_metrics), 'order kept');

  const readme = await downloadText(page, () => page.getByRole('button', { name: 'Download Hugging Face README' }).click());
  assert.equal(readme.name, 'README.md');
  const front = YAML.parse(readme.text.split(/^---$/m)[1]);
  // The lesson's metrics are names in `metrics`; model-index holds evaluation results only.
  assert.equal(front['model-index'], undefined);
  assert.deepEqual(front.metrics, Object.keys(lesson.performance_metrics));
  assert.ok(Array.isArray(front.tags));

  const html = await downloadText(page, () => page.getByRole('button', { name: 'Download HTML' }).click());
  assert.doesNotMatch(html.text, /<script/i);
  for (const value of ['Two-tower neural network with attention', 'Email campaign targeting', '50,000,000', 'Right to explanation for automated decisions', 'User can request data deletion']) {
    assert.ok(html.text.includes(value), value);
  }
  assert.equal(await preview(page).locator('html').evaluate((e) => e.outerHTML.length > 1000), true);

  for (const file of [{ name: 'README.md', text: readme.text }, { name: 'card.json', text: json.text }]) {
    await importFile(page, file.name, file.text);
    await page.getByText(new RegExp(`Imported .* from “${file.name.replace('.', '\\.')}”`)).waitFor();
    await page.getByText('27 of 27 fields filled (100%)').waitFor();
    const again = await downloadText(page, () => page.getByRole('button', { name: 'Download JSON' }).click());
    assert.deepEqual(JSON.parse(again.text), ours, file.name);
  }
  await page.getByRole('link', { name: 'Model cards', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Model cards' }).waitFor();
  assert.equal(await page.locator('tbody tr').count(), 3);
  assert.deepEqual(context.problems, []);
  await context.close();
});

test('an ordinary Hugging Face README maps what it can and keeps the rest visible, as written', async () => {
  const context = await env.newContext();
  const page = await openApp(context, '#/cards', env.server);
  const readme = ['---', 'license: apache-2.0', 'tags:', '- text-classification', 'datasets:', '- imdb',
    'model-index:', '- name: sentiment-small', '  results:', '  - task:', '      type: text-classification',
    '    dataset:', '      name: imdb', '      type: imdb', '    metrics:', '    - type: accuracy', '      value: 0.93',
    '---', '', '# Model Card for sentiment-small', '', 'A small sentiment model.', ''].join('\n');
  await importFile(page, 'README.md', readme);
  await page.getByRole('heading', { level: 1, name: 'sentiment-small' }).waitFor();
  assert.equal(await page.getByLabel('Licence').inputValue(), 'apache-2.0');
  const results = page.getByRole('group', { name: 'Evaluation results' });
  await results.getByText('imdb: 1 metric').waitFor();
  assert.equal(await results.getByLabel('Metric type of metric 1').inputValue(), 'accuracy');
  assert.equal(await results.getByLabel('Value of metric 1').inputValue(), '0.93');
  assert.equal(await page.getByLabel('Other metadata').inputValue(), 'datasets:\n- imdb\n');
  await page.getByText('Other README sections (1)').waitFor();
  assert.deepEqual(context.problems, []);
  await context.close();
});

test('a broken file is refused with a clear message and nothing changes', async () => {
  const context = await env.newContext();
  const page = await openApp(context, '#/cards', env.server);
  await page.getByRole('button', { name: 'New model card' }).click();
  await page.getByRole('heading', { level: 1, name: 'Untitled card' }).waitFor();
  await waitForSave(page, () => (localStorage.getItem('mlops-workbench:cards') ?? '').includes('"items":[{'));
  const before = await storedEntries(page);
  await importFile(page, 'broken.json', '{"model_name": "x",\n "tags": [}');
  await page.getByRole('alert').filter({ hasText: '“broken.json” was not imported, and nothing changed.' }).getByText(/line 2/).waitFor();
  await importFile(page, 'bad.json', LESSON_JSON.replace('50000000', '-5'));
  await page.getByRole('alert').getByText(/card\.training_data_size/).waitFor();
  await importFile(page, 'bad.md', '---\nlicense: mit\n# The front matter never ends\n');
  await page.getByRole('alert').getByText(/has no closing --- line/).waitFor();
  assert.equal(await page.locator('tbody tr').count(), 1);
  assert.deepEqual(await storedEntries(page), before);
  assert.deepEqual(context.problems, []);
  await context.close();
});

test('the preview’s one style sheet is allowed by its hash in the app’s CSP, and nothing else is', async () => {
  const context = await env.newContext();
  const page = await openApp(context, '#/cards', env.server);
  await page.getByRole('button', { name: "New card from the lesson's example" }).click();
  await preview(page).getByRole('heading', { level: 1 }).waitFor();
  const srcdoc = await page.locator('iframe[title="Preview of the exported model card"]').getAttribute('srcdoc');
  const sheets = [...srcdoc.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
  assert.equal(sheets.length, 1);
  const hash = `'sha256-${crypto.createHash('sha256').update(sheets[0]).digest('base64')}'`;
  const index = fs.readFileSync(path.join(ROOT, 'public/index.html'), 'utf8');
  assert.ok(index.includes(`style-src 'self' ${hash};`), `public/index.html must allow the card style sheet: style-src 'self' ${hash};`);
  assert.doesNotMatch(srcdoc, /\sstyle=/, 'no style attributes (the CSP would block them)');
  assert.notEqual(await preview(page).locator('h2').first().evaluate((h) => getComputedStyle(h).borderBottomStyle), 'none', 'the sheet applies');
  assert.deepEqual(context.problems, []);
  await context.close();
});

test('a 100 kB paste into a card field is kept whole: form, preview, storage, reload', async () => {
  const context = await env.newContext();
  const page = await openApp(context, '#/cards', env.server);
  await page.getByRole('button', { name: 'New model card' }).click();
  await page.getByRole('heading', { level: 1, name: 'Untitled card' }).waitFor();
  const long = 'Ünicode <b>text</b> and a very long unbroken word '.repeat(2000) + 'x'.repeat(1000);
  assert.ok(long.length > 100_000);
  await page.getByLabel('Intended use').fill(long);
  await page.getByLabel('Model name').fill(long.slice(0, 5000));
  await preview(page).locator('body').filter({ hasText: 'very long unbroken word' }).first().waitFor();
  const shown = await preview(page).locator('body').innerHTML();
  assert.ok(shown.includes('Ünicode &lt;b&gt;text&lt;/b&gt;'), 'escaped in the preview');
  await waitForSave(page, () => (localStorage.getItem('mlops-workbench:cards') ?? '').length > 100_000);
  await page.reload();
  await page.getByLabel('Intended use').waitFor();
  assert.equal(await page.getByLabel('Intended use').inputValue(), long);
  assert.equal(await page.getByLabel('Model name').inputValue(), long.slice(0, 5000));
  const width = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
  assert.ok(width, 'long text does not widen the page');
  assert.deepEqual(context.problems, []);
  await context.close();
});

test('two versions of a card compared: added, removed, moved and changed entries, and the change log', async () => {
  const context = await env.newContext();
  const page = await openApp(context, '#/cards', env.server);
  await page.getByRole('button', { name: "New card from the lesson's example" }).click();
  await page.getByRole('heading', { level: 1, name: 'product_recommendation_model v2.1.0' }).waitFor();
  await page.getByRole('link', { name: 'All model cards' }).click();
  await page.getByRole('button', { name: 'New version of product_recommendation_model v2.1.0' }).click();
  await page.getByRole('heading', { level: 1, name: 'product_recommendation_model v2.1.1' }).waitFor();
  await page.getByLabel('Intended use').fill('Recommend products to signed-in users based on purchase history');
  const metrics = page.getByRole('group', { name: 'Performance metrics' });
  await metrics.getByLabel('Value, row 1').fill('0.801');
  await page.getByRole('button', { name: 'Add an item to Known limitations' }).click();
  await page.getByLabel(/^Known limitations, item \d+$/).last().fill('Slow for catalogues over 1M items');
  await page.waitForTimeout(400);
  await page.goto(env.server.url + '#/cards');
  const ids = await page.evaluate(() => JSON.parse(localStorage.getItem('mlops-workbench:cards')).items.map((r) => r.id));
  await page.goto(env.server.url + `#/card-changes/${ids[0]}/${ids[1]}`);
  await page.getByRole('status').filter({ hasText: 'From “product_recommendation_model v2.1.0” to “product_recommendation_model v2.1.1”: 4 fields changed.' }).waitFor();
  const intended = page.getByRole('region', { name: 'Intended use' });
  assert.deepEqual(await intended.locator('ins').allTextContents(), ['signed-in']);
  assert.deepEqual(await intended.locator('del').allTextContents(), ['browsing and']);
  const table = page.getByRole('region', { name: 'Performance metrics' });
  assert.deepEqual(await table.getByRole('row', { name: /ndcg@10/ }).getByRole('cell').allTextContents(), ['0.756', '0.801']);
  await page.getByRole('region', { name: 'Known limitations' }).getByText('Slow for catalogues over 1M items').waitFor();
  await page.getByRole('region', { name: 'Version' }).waitFor();
  const log = await downloadText(page, () => page.getByRole('button', { name: 'Download the changes as Markdown' }).click());
  assert.match(log.name, /^changes-.*\.md$/);
  assert.match(log.text, /^# Changes from product\\_recommendation\\_model v2\.1\.0 to product\\_recommendation\\_model v2\.1\.1\n/);
  assert.match(log.text, /\n- added: Slow for catalogues over 1M items\n/);
  assert.match(log.text, /- ndcg@10: “0\.756” → “0\.801”\n/);
  // Choosing another pair goes to its page.
  await page.getByLabel('Newer card').selectOption(ids[0]);
  await page.getByRole('status').filter({ hasText: '0 fields changed.' }).waitFor();
  assert.deepEqual(context.problems, []);
  await context.close();
});

test('the preview is patched in place: it keeps its scroll position and its document stays the download', async () => {
  const context = await env.newContext();
  const page = await openApp(context, '#/cards', env.server);
  await page.getByRole('button', { name: "New card from the lesson's example" }).click();
  await preview(page).locator('h1').waitFor();
  const frame = page.locator('iframe.card-preview-frame');
  assert.equal(await frame.getAttribute('sandbox'), 'allow-same-origin', 'the page may patch the frame; nothing in it may run');
  // Scroll the preview down, then type: the frame is not reloaded, so it stays where it was.
  await frame.evaluate((f) => f.contentWindow.scrollTo(0, 600));
  const scrolled = await frame.evaluate((f) => f.contentWindow.scrollY);
  assert.ok(scrolled > 300, `the preview scrolled (${scrolled})`);
  const limit = page.getByLabel('Known limitations, item 1');
  await limit.focus();
  await page.keyboard.press('End');
  await page.keyboard.type(' (patched)');
  await preview(page).getByText(/\(patched\)$/).waitFor();
  assert.equal(await frame.evaluate((f) => f.contentWindow.scrollY), scrolled, 'scroll position kept');
  await page.getByLabel('Model name').fill('patched <b>model</b>');
  await preview(page).getByRole('heading', { level: 1, name: 'Model card: patched <b>model</b> v2.1.0' }).waitFor();
  // A section that was not there (the licence's) appears: the body is rebuilt, still equal.
  await page.getByLabel('Licence').fill('apache-2.0');
  await preview(page).getByRole('heading', { level: 2, name: 'Publishing' }).waitFor();
  // The frame's document is the one "Download HTML" saves, node for node.
  const html = await downloadText(page, () => page.getByRole('button', { name: 'Download HTML' }).click());
  const same = await frame.evaluate((f, text) => {
    const saved = new DOMParser().parseFromString(text, 'text/html');
    return { dom: saved.documentElement.isEqualNode(f.contentDocument.documentElement),
      title: f.contentDocument.title === saved.title };
  }, html.text);
  assert.deepEqual(same, { dom: true, title: true });
  assert.deepEqual(context.problems, []);
  await context.close();
});

test('the preview follows the field being edited, leaves the author’s own scrolling alone, and a click in it focuses the field', async () => {
  const context = await env.newContext();
  const page = await openApp(context, '#/cards', env.server);
  await page.getByRole('button', { name: "New card from the lesson's example" }).click();
  await preview(page).locator('h1').waitFor();
  const frame = page.locator('iframe.card-preview-frame');
  const inView = (key) => frame.evaluate((f, k) => {
    const entry = f.contentDocument.querySelector(`dd[data-field="${k}"]`);
    const rect = entry.getBoundingClientRect();
    return rect.bottom > 0 && rect.top < f.contentWindow.innerHeight;
  }, key);
  assert.equal(await inView('known_limitations'), false, 'the limitations start out of view');
  await page.getByLabel('Known limitations, item 1').focus();
  await page.waitForFunction(() => document.querySelector('iframe.card-preview-frame').contentWindow.scrollY > 0);
  assert.equal(await inView('known_limitations'), true, 'focus brought the entry into view');
  // The author scrolls the preview: typing elsewhere leaves it where the author put it.
  await frame.evaluate((f) => f.contentWindow.scrollTo(0, 0));
  await page.getByLabel('Known limitations, item 1').press('End');
  await page.keyboard.type(' now');
  await preview(page).getByText(/ now$/).waitFor();
  assert.equal(await frame.evaluate((f) => f.contentWindow.scrollY), 0, 'hands off for a few seconds');
  // A click on an entry in the preview moves focus to its field.
  await preview(page).locator('dd[data-field="owner_team"]').click();
  await page.waitForFunction(() => document.activeElement?.id === 'card-owner_team');
  assert.deepEqual(context.problems, []);
  await context.close();
});

test('a changed entry is marked in the preview for a moment, without changing its document', async () => {
  const context = await env.newContext();
  const page = await openApp(context, '#/cards', env.server);
  await page.getByRole('button', { name: "New card from the lesson's example" }).click();
  await preview(page).locator('h1').waitFor();
  const frame = page.locator('iframe.card-preview-frame');
  await page.getByLabel('Owner team').fill('Platform team');
  await frame.evaluate((f) => new Promise((resolve) => {
    const check = () => (f.contentWindow.CSS.highlights.has('changed') ? resolve() : setTimeout(check, 20));
    check();
  }));
  const marked = await frame.evaluate((f) => [...f.contentWindow.CSS.highlights.get('changed')][0].toString());
  assert.equal(marked, 'Platform team');
  // The mark is a highlight, not markup: the document is still the download.
  const html = await downloadText(page, () => page.getByRole('button', { name: 'Download HTML' }).click());
  assert.equal(await frame.evaluate((f, text) => new DOMParser().parseFromString(text, 'text/html')
    .documentElement.isEqualNode(f.contentDocument.documentElement), html.text), true);
  await frame.evaluate((f) => new Promise((resolve) => {
    const check = () => (f.contentWindow.CSS.highlights.has('changed') ? setTimeout(check, 50) : resolve());
    check();
  }));
  assert.deepEqual(context.problems, []);
  await context.close();
});
