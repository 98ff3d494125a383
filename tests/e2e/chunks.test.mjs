// Code loaded when first needed (#14): the first page fetches only what index.html names; a
// feature's code is fetched on its first visit, with a visible loading state, and its heading
// then takes the focus; a feature whose code cannot be fetched says so and can be tried again.
// The card list, the card editor and the card file formats are apart: the list shows first.
// From a server that does not compress, modules come as the build's gzip copies, unpacked in
// the page; from one that does, as plain files in the server's encoding.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { setup, openApp, DIST } from './harness.mjs';
import { staticHandler } from '../../scripts/serve.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const wasmFiles = (requests) => requests.filter((url) => url.endsWith('.wasm')).map((url) => url.split('/').pop());
const gzipFiles = (requests) => requests.filter((url) => url.endsWith('.wasm.gz')).map((url) => url.split('/').pop());

test('the first page needs the main module only; a feature is fetched on its first visit', async () => {
  const context = await env.newContext();
  // The page's own requests (the service worker's, which keep every file for offline use,
  // are not the page's).
  const requests = [];
  const page = await context.newPage();
  page.on('request', (request) => requests.push(request.url()));
  // Hold back every module but the main one: the first page must show and work without
  // them. (The decoders of the other collections are fetched as soon as it shows.)
  let releaseRest;
  const rest = new Promise((resolve) => { releaseRest = resolve; });
  await page.route(/\/(split|chunk)_[^/]*\.wasm/, async (route) => { await rest; await route.continue(); });
  await page.goto(env.server.url);
  await page.getByRole('heading', { level: 1, name: 'Maturity self-assessments' }).waitFor();
  await page.getByRole('button', { name: "Add the lesson's example" }).click();
  await page.getByRole('link', { name: 'Lesson example' }).waitFor();
  // The test server sends files as they are, so the main module comes as its gzip copy.
  assert.deepEqual(wasmFiles(requests), []);
  assert.ok(gzipFiles(requests).includes('app_bg.wasm.gz'));
  assert.deepEqual(gzipFiles(requests).filter((name) => /^split_(?!records)/.test(name)), [], 'no feature before its first visit');
  const restArrived = page.waitForResponse(/split_records\.wasm/);
  releaseRest();
  await restArrived;

  // Hold the cards feature's module back, to see the page while it loads.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/split_cards.wasm.gz', async (route) => { await held; await route.continue(); });
  requests.length = 0;
  await page.getByRole('link', { name: 'Model cards' }).click();
  await page.getByRole('status').filter({ hasText: 'Loading this page…' }).waitFor();
  release();
  await page.getByRole('heading', { level: 1, name: 'Model cards' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.matches('main h1'));
  assert.ok(gzipFiles(requests).includes('split_cards.wasm.gz'));
  assert.ok(!gzipFiles(requests).includes('split_debt.wasm.gz'), `only the visited feature is fetched: ${gzipFiles(requests)}`);

  // Back and forth: a feature already loaded is shown without fetching again.
  await page.getByRole('link', { name: 'Maturity assessments' }).click();
  await page.getByRole('heading', { level: 1, name: 'Maturity self-assessments' }).waitFor();
  requests.length = 0;
  await page.getByRole('link', { name: 'Model cards' }).click();
  await page.getByRole('heading', { level: 1, name: 'Model cards' }).waitFor();
  assert.deepEqual([...wasmFiles(requests), ...gzipFiles(requests)], []);
  assert.deepEqual(context.problems, []);
  await context.close();
});

test('a feature’s code is fetched at once, while the other collections’ decoders still arrive', async () => {
  const context = await env.newContext();
  const page = await context.newPage();
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/\/split_records\.wasm/, async (route) => { await held; await route.continue(); });
  await page.goto(env.server.url);
  await page.getByRole('heading', { level: 1, name: 'Maturity self-assessments' }).waitFor();
  const debtRequested = page.waitForRequest(/\/split_debt\.wasm/);
  await page.getByRole('link', { name: 'Debt register' }).click();
  await debtRequested;
  await page.getByRole('status').filter({ hasText: 'Loading this page…' }).waitFor();
  release();
  await page.getByRole('heading', { level: 1, name: 'Technical-debt register' }).waitFor();
  assert.deepEqual(context.problems, []);
  await context.close();
});

test('a feature whose code cannot be fetched says so, and "Try again" loads it', async () => {
  const context = await env.newContext();
  const page = await openApp(context, '', env.server);
  await page.route('**/split_debt.wasm*', (route) => route.abort('internetdisconnected'));
  await page.getByRole('link', { name: 'Debt register' }).click();
  await page.getByRole('heading', { level: 1, name: 'This page could not be loaded' }).waitFor();
  await page.getByRole('alert').filter({ hasText: 'Your saved work is not affected.' }).waitFor();
  await page.unroute('**/split_debt.wasm*');
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('heading', { level: 1, name: 'Technical-debt register' }).waitFor();
  // The failed fetch is reported in the console by the loader; nothing else went wrong.
  assert.ok(context.problems.length > 0 && context.problems.every((p) => /split_debt|Failed to fetch|ERR_INTERNET_DISCONNECTED/.test(p)), context.problems.join('\n'));
  await context.close();
});

test('the card list needs neither the editor nor the card formats; an import whose code cannot be fetched says so and changes nothing', async () => {
  const context = await env.newContext();
  const page = await openApp(context, '', env.server);
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  const formats = /\/split_card_formats\.wasm/;
  await page.route(formats, (route) => route.abort('internetdisconnected'));
  // The list fetches the editor's code once it shows (authors open a card next), and the
  // formats' code only for an import or in the editor.
  const editorArrived = page.waitForResponse(/\/split_card_editor\.wasm/);
  await page.getByRole('link', { name: 'Model cards', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Model cards' }).waitFor();
  await editorArrived;
  assert.ok(!requests.some((url) => formats.test(url)), 'no formats code for the list alone');

  const importCard = () => page
    .getByLabel('Import a card (lesson JSON, Model Card Toolkit JSON, CycloneDX BOM or Hugging Face README.md)')
    .setInputFiles({ name: 'README.md', mimeType: 'text/markdown', buffer: Buffer.from('---\nlicense: mit\n---\n# Tiny model\n') });
  await importCard();
  await page.getByRole('alert').filter({ hasText: '“README.md” was not imported, and nothing changed. The part of the app that reads and writes card files did not arrive. Check the connection and try again.' }).waitFor();
  await page.getByText('No model cards yet.').waitFor();

  await page.unroute(formats);
  await importCard();
  await page.getByRole('heading', { level: 1, name: 'Tiny model' }).waitFor();
  // The failed fetch is reported in the console by the loader; nothing else went wrong.
  assert.ok(context.problems.every((p) => /split_card_formats|Failed to fetch|ERR_INTERNET_DISCONNECTED/.test(p)), context.problems.join('\n'));
  await context.close();
});

test('a download whose formats code cannot be fetched says so and saves nothing; once it arrives the file downloads', async () => {
  const context = await env.newContext();
  const page = await openApp(context, '', env.server);
  const formats = /\/split_card_formats\.wasm/;
  await page.route(formats, (route) => route.abort('internetdisconnected'));
  await page.getByRole('link', { name: 'Model cards', exact: true }).click();
  await page.getByRole('button', { name: 'New model card' }).click();
  await page.getByRole('heading', { level: 1, name: 'Untitled card' }).waitFor();
  let downloads = 0;
  page.on('download', () => { downloads += 1; });
  await page.getByRole('button', { name: 'Download JSON' }).click();
  await page.getByRole('alert').filter({ hasText: 'The part of the app that reads and writes card files did not arrive. Check the connection and try again.' }).waitFor();
  assert.equal(downloads, 0);

  await page.unroute(formats);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download JSON' }).click();
  assert.equal((await download).suggestedFilename(), 'model-card-untitled-card.json');
  assert.ok(context.problems.every((p) => /split_card_formats|Failed to fetch|ERR_INTERNET_DISCONNECTED/.test(p)), context.problems.join('\n'));
  await context.close();
});

test('from a server that compresses (scripts/serve.mjs), modules come as plain files in its encoding', async () => {
  const server = http.createServer(staticHandler(DIST));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const context = await env.browser.newContext();
    const requests = [];
    const page = await context.newPage();
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`http://127.0.0.1:${server.address().port}/#/debt`);
    await page.getByRole('heading', { level: 1, name: 'Technical-debt register' }).waitFor();
    assert.deepEqual(gzipFiles(requests), []);
    assert.ok(wasmFiles(requests).includes('app_bg.wasm') && wasmFiles(requests).includes('split_debt.wasm'), wasmFiles(requests).join(' '));
    await context.close();
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
