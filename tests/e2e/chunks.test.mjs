// Code loaded when first needed (#14): the first page fetches only what index.html names; a
// feature's code is fetched on its first visit, with a visible loading state, and its heading
// then takes the focus; a feature whose code cannot be fetched says so and can be tried again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openApp } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const wasmFiles = (requests) => requests.filter((url) => url.endsWith('.wasm')).map((url) => url.split('/').pop());

test('the first page fetches the main module only; a feature is fetched on its first visit', async () => {
  const context = await env.newContext();
  // The page's own requests (the service worker's, which keep every file for offline use,
  // are not the page's).
  const requests = [];
  const page = await context.newPage();
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(env.server.url);
  await page.getByRole('heading', { level: 1, name: 'Maturity self-assessments' }).waitFor();
  assert.deepEqual(wasmFiles(requests), ['app_bg.wasm']);

  // Hold the cards feature's module back, to see the page while it loads.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/split_cards.wasm', async (route) => { await held; await route.continue(); });
  requests.length = 0;
  await page.getByRole('link', { name: 'Model cards' }).click();
  await page.getByRole('status').filter({ hasText: 'Loading this page…' }).waitFor();
  release();
  await page.getByRole('heading', { level: 1, name: 'Model cards' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.matches('main h1'));
  assert.ok(wasmFiles(requests).includes('split_cards.wasm'));
  assert.ok(!wasmFiles(requests).includes('split_debt.wasm'), `only the visited feature is fetched: ${wasmFiles(requests)}`);

  // Back and forth: a feature already loaded is shown without fetching again.
  await page.getByRole('link', { name: 'Maturity assessments' }).click();
  await page.getByRole('heading', { level: 1, name: 'Maturity self-assessments' }).waitFor();
  requests.length = 0;
  await page.getByRole('link', { name: 'Model cards' }).click();
  await page.getByRole('heading', { level: 1, name: 'Model cards' }).waitFor();
  assert.deepEqual(wasmFiles(requests), []);
  assert.deepEqual(context.problems, []);
  await context.close();
});

test('a feature whose code cannot be fetched says so, and "Try again" loads it', async () => {
  const context = await env.newContext();
  const page = await openApp(context, '', env.server);
  await page.route('**/split_debt.wasm', (route) => route.abort('internetdisconnected'));
  await page.getByRole('link', { name: 'Debt register' }).click();
  await page.getByRole('heading', { level: 1, name: 'This page could not be loaded' }).waitFor();
  await page.getByRole('alert').filter({ hasText: 'Your saved work is not affected.' }).waitFor();
  await page.unroute('**/split_debt.wasm');
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.getByRole('heading', { level: 1, name: 'Technical-debt register' }).waitFor();
  // The failed fetch is reported in the console by the loader; nothing else went wrong.
  assert.ok(context.problems.length > 0 && context.problems.every((p) => /split_debt|Failed to fetch|ERR_INTERNET_DISCONNECTED/.test(p)), context.problems.join('\n'));
  await context.close();
});
