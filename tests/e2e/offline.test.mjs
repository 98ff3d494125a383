// First load and offline use: after one visit the app opens and works with the network off;
// a new deploy while the app is open offers "Reload to update", and the reload keeps what was
// typed; the build writes .br and .gz copies that scripts/serve.mjs sends when accepted; the
// Workspace data page says whether storage is persistent and when it was last exported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import zlib from 'node:zlib';
import { setup, openApp, startAssessment, waitForSave, downloadText, DIST } from './harness.mjs';

/** A copy of dist/ to deploy over, so the real one is left alone. */
function copyOfDist() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbench-dist-'));
  fs.cpSync(DIST, dir, { recursive: true });
  return dir;
}

/** Waits until the service worker controls the page and has kept the page and every file of
 *  its app folder: the main module and every feature's chunks, visited or not. */
async function waitForOffline(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    const folder = document.querySelector('script[data-js]').dataset.js.replace(/^\.\//, '').replace(/\/app\.js$/, '');
    const files = await (await fetch(new URL(`${folder}/files.json`, document.baseURI))).json();
    const wanted = ['index.html', ...files.map((file) => `${folder}/${file}`)].map((name) => new URL(name, document.baseURI).href);
    for (let i = 0; i < 100; i++) {
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        const kept = await Promise.all(wanted.map((url) => cache.match(url)));
        if (kept.every(Boolean)) return;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the service worker did not keep the app');
  });
}

test('after one visit the app opens and works with the network off', async () => {
  const env = await setup();
  try {
    const context = await env.newContext();
    const page = await openApp(context, '', env.server);
    await waitForOffline(page);
    await startAssessment(page, 'Online team');
    await waitForSave(page, () => (localStorage.getItem('mlops-workbench:assessments') ?? '').includes('Online team'));

    // Online, a second visit is served through the service worker, from the network first.
    const online = await context.newPage();
    await online.goto(env.server.url + '#/assessments');
    await online.getByRole('link', { name: 'Online team' }).first().waitFor();
    assert.equal(await online.evaluate(() => Boolean(navigator.serviceWorker.controller)), true, 'the page is controlled');

    await context.setOffline(true);
    const again = await context.newPage();
    await again.goto(env.server.url + '#/assessments');
    await again.getByRole('heading', { level: 1, name: 'Maturity self-assessments' }).waitFor();
    await again.getByRole('link', { name: 'Online team' }).first().waitFor();
    await startAssessment(again, 'Offline team');
    await again.reload();
    await again.getByRole('heading', { level: 1, name: 'Offline team' }).waitFor();
    await again.goto(env.server.url + '#/cards');
    await again.getByRole('heading', { level: 1, name: 'Model cards' }).waitFor();
    await context.setOffline(false);
    assert.deepEqual(context.problems, []);
    await context.close();
  } finally {
    await env.close();
  }
});

test('a new deploy while the app is open offers "Reload to update", and the reload keeps the work', async () => {
  const dist = copyOfDist();
  const env = await setup(dist);
  try {
    const context = await env.newContext();
    const page = await openApp(context, '', env.server);
    await waitForOffline(page);
    await startAssessment(page, 'Before the deploy');
    await page.getByLabel('Assessor').fill('Typed before the notice');

    // Deploy: the same app in a new hashed folder, as a rebuild would give.
    const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
    const oldFolder = html.match(/data-wasm="\.\/(app-[0-9a-f]{16})\//)[1];
    const newFolder = 'app-0123456789abcdef';
    fs.cpSync(path.join(dist, oldFolder), path.join(dist, newFolder), { recursive: true });
    fs.writeFileSync(path.join(dist, 'index.html'), html.replaceAll(oldFolder, newFolder));

    assert.equal(await page.getByRole('button', { name: 'Reload to update' }).count(), 0);
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    const notice = page.getByRole('status').filter({ hasText: 'A new version of the workbench is ready.' });
    await notice.waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'assessment-assessor', 'the notice takes no focus');
    await page.getByRole('button', { name: 'Reload to update' }).click();
    await page.getByRole('heading', { level: 1, name: 'Before the deploy' }).waitFor();
    assert.equal(await page.getByLabel('Assessor').inputValue(), 'Typed before the notice');
    assert.equal(await page.evaluate(() => document.querySelector('script[data-wasm]').dataset.wasm), `./${newFolder}/app_bg.wasm`);
    assert.deepEqual(context.problems, []);
    await context.close();
  } finally {
    await env.close();
    fs.rmSync(dist, { recursive: true, force: true });
  }
});

test('the build writes .br and .gz copies, and scripts/serve.mjs sends them with cache headers', async () => {
  const assets = fs.readdirSync(DIST, { recursive: true }).filter((name) => /\.(wasm|js|css|html|json)$/.test(name));
  for (const name of assets) {
    const original = fs.readFileSync(path.join(DIST, name));
    assert.deepEqual(zlib.brotliDecompressSync(fs.readFileSync(path.join(DIST, `${name}.br`))), original, `${name}.br`);
    assert.deepEqual(zlib.gunzipSync(fs.readFileSync(path.join(DIST, `${name}.gz`))), original, `${name}.gz`);
  }
  const { staticHandler } = await import('../../scripts/serve.mjs');
  const server = http.createServer(staticHandler(DIST));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}/`;
  try {
    const wasm = assets.find((name) => name.endsWith('app_bg.wasm'));
    for (const [accept, encoding, suffix] of [['br, gzip', 'br', '.br'], ['gzip', 'gzip', '.gz'], ['identity', undefined, '']]) {
      const response = await fetch(base + wasm, { headers: { 'accept-encoding': accept } });
      assert.equal(response.headers.get('content-encoding') ?? undefined, encoding, accept);
      assert.equal(response.headers.get('content-type'), 'application/wasm');
      assert.equal(response.headers.get('cache-control'), 'public, max-age=31536000, immutable');
      assert.equal(Number(response.headers.get('content-length')), fs.statSync(path.join(DIST, wasm + suffix)).size);
      await response.arrayBuffer();
    }
    const page = await fetch(base, { headers: { 'accept-encoding': 'br' } });
    assert.equal(page.headers.get('cache-control'), 'no-cache');
    assert.equal(page.headers.get('content-encoding'), 'br');
    assert.equal((await fetch(base + 'nothing.js')).status, 404);
    assert.equal((await fetch(base + '..%2F..%2Fetc%2Fpasswd')).status, 404);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

test('the Workspace data page says whether storage is persistent and when the workspace was last exported', async () => {
  const env = await setup();
  try {
    const context = await env.newContext();
    const page = await openApp(context, '', env.server);
    await startAssessment(page, 'Kept team');
    await waitForSave(page, () => (localStorage.getItem('mlops-workbench:assessments') ?? '').includes('Kept team'));
    await page.getByRole('link', { name: 'Workspace data', exact: true }).click();
    await page.getByText('Never exported from this browser.').waitFor();
    const persisted = await page.evaluate(() => navigator.storage.persisted());
    await page.getByText(persisted
      ? "This browser has agreed to keep the workbench's storage even when space runs low."
      : /has not agreed to keep the workbench's storage when space runs low/).waitFor();
    await downloadText(page, () => page.getByRole('button', { name: 'Export workspace (JSON)' }).click());
    await page.getByText(/^Last exported from this browser \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC\.$/).waitFor();
    await page.reload();
    await page.getByText(/^Last exported from this browser \d{4}-\d{2}-\d{2}/).waitFor();
    assert.deepEqual(context.problems, []);
    await context.close();
  } finally {
    await env.close();
  }
});
