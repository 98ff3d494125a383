// Shared setup for the browser tests: a plain static server for dist/ under a sub-path,
// Debian's headless Chromium driven by playwright-core, and helpers that act as a person would.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { TYPES } from '../../scripts/serve.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.join(ROOT, 'dist');
/** Served from a sub-path, as on an internal static host. */
export const SUB_PATH = '/tools/governance/';


/** A plain static file server: files under SUB_PATH, 404 for anything else. No fallback. */
export async function startServer(dist = DIST) {
  if (!fs.existsSync(path.join(dist, 'index.html'))) {
    throw new Error(`${dist}/index.html is missing: run scripts/test.sh, which builds it.`);
  }
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (!url.pathname.startsWith(SUB_PATH)) {
      res.writeHead(404).end('not found');
      return;
    }
    let relative = decodeURIComponent(url.pathname.slice(SUB_PATH.length)) || 'index.html';
    if (relative.endsWith('/')) relative += 'index.html';
    const file = path.normalize(path.join(dist, relative));
    if (!file.startsWith(dist) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, url: origin + SUB_PATH, close: () => new Promise((r) => server.close(r)) };
}

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export function launchBrowser() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/**
 * Starts the server and the browser once per test file; each test gets a fresh context
 * (empty storage). Problems the page reports (console errors, uncaught errors, dialogs,
 * requests leaving the origin) are collected and checked by `expectCleanPage`.
 */
export async function setup(dist = DIST) {
  const server = await startServer(dist);
  const browser = await launchBrowser();
  return {
    server,
    browser,
    async newContext(options = {}) {
      const context = await browser.newContext({ acceptDownloads: true, ...options });
      context.problems = [];
      context.on('page', (page) => watch(page, context.problems, server.origin));
      return context;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

function watch(page, problems, origin) {
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('dialog', async (dialog) => {
    problems.push(`dialog: ${dialog.type()} ${dialog.message()}`);
    await dialog.dismiss();
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) {
      problems.push(`request left the origin: ${url}`);
    }
  });
}

/** Opens a page of the app (a fragment like '#/data') and waits until it has rendered. */
export async function openApp(context, fragment = '', server) {
  const page = await context.newPage();
  await page.goto(server.url + fragment);
  await waitForApp(page);
  return page;
}

export async function waitForApp(page) {
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

/** Clicks and returns the download's file name and text. */
export async function downloadText(page, click) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), text: fs.readFileSync(file, 'utf8') };
}

/** Every stored key of the app with its raw value. */
export function storedEntries(page) {
  return page.evaluate(() => {
    const out = {};
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key.startsWith('mlops-workbench:')) out[key] = localStorage.getItem(key);
    }
    return out;
  });
}

/** Waits until the debounced save has written (it runs about 300 ms after the last edit). */
export async function waitForSave(page, predicate) {
  await page.waitForFunction(predicate, null, { timeout: 5000 });
}

/** Creates an assessment through the form, as a person would, and returns its page. */
export async function startAssessment(page, name) {
  await page.getByLabel('Team or system to assess').fill(name);
  await page.getByRole('button', { name: 'Start assessment' }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}
