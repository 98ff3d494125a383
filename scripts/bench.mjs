// Rerunnable benchmark of the release build (not a test: it reports, it does not judge).
//   node scripts/bench.mjs            (after `trunk build --release`; scripts/bench.sh does both)
// Reports: bundle sizes; first render (navigation start to the first page heading in the DOM,
// and to first contentful paint); tick-to-results and keystroke latency (work done, and next
// frame painted); import of a large workspace (validate, apply, save, render the list).
import { performance } from 'node:perf_hooks';
import { bundleSizes } from './bundle-sizes.mjs';
import { setup, waitForApp, startAssessment } from '../tests/e2e/harness.mjs';

const RUNS = Number(process.env.RUNS ?? 15);
const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const summary = (values) => `p50 ${quantile(values, 0.5).toFixed(1)} ms, p95 ${quantile(values, 0.95).toFixed(1)} ms (n=${values.length})`;

const { files, total } = bundleSizes();
console.log('Bundle (bytes)');
for (const f of [...files, { name: 'total', ...total }]) {
  console.log(`  ${f.name.padEnd(46)} raw ${String(f.raw).padStart(8)}  gzip ${String(f.gzip).padStart(7)}  brotli ${String(f.brotli).padStart(7)}`);
}

const env = await setup();
try {
  // First render, cold page each time (new context: empty cache and storage).
  const heading = [];
  const fcp = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await env.browser.newContext();
    await context.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.querySelector('main h1')) {
          window.__firstHeading = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    const page = await context.newPage();
    await page.goto(env.server.url);
    await waitForApp(page);
    await page.waitForFunction(() => window.__firstHeading !== undefined);
    heading.push(await page.evaluate(() => window.__firstHeading));
    fcp.push(await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN));
    await context.close();
  }
  console.log(`First render: navigation start to first page heading: ${summary(heading)}`);
  console.log(`First render: first contentful paint (loading message):  ${summary(fcp)}`);

  // Tick to results: time until the results panel shows the change (DOM updated), and until
  // the next frame after it has been painted. Headless Chromium paints at 60 Hz, so the second
  // figure includes waiting for the next frame.
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(env.server.url);
  await waitForApp(page);
  await startAssessment(page, 'Benchmark team');
  await page.getByText('Evidence and link for Feature store').click();
  const latencies = await page.evaluate(async (runs) => {
    const nextPaint = () => new Promise((resolve) => requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = resolve;
      channel.port2.postMessage(0);
    }));
    const results = document.querySelector('.results');
    const cell = () => document.querySelector('.scores tbody tr td')?.textContent;
    const whenChanged = (before) => new Promise((resolve) => {
      if (cell() !== before) return resolve();
      const observer = new MutationObserver(() => {
        if (cell() !== before) { observer.disconnect(); resolve(); }
      });
      observer.observe(results, { subtree: true, childList: true, characterData: true });
    });
    const box = document.getElementById('criterion-model-registry');
    const area = document.getElementById('criterion-feature-store-evidence');
    const tick = { updated: [], painted: [] };
    const key = { handled: [], painted: [] };
    for (let i = 0; i < runs * 4; i++) {
      await nextPaint();
      const before = cell();
      let start = performance.now();
      box.click();
      await whenChanged(before);
      tick.updated.push(performance.now() - start);
      await nextPaint();
      tick.painted.push(performance.now() - start);

      await nextPaint();
      start = performance.now();
      area.value += 'x';
      area.dispatchEvent(new InputEvent('input', { bubbles: true }));
      await Promise.resolve();
      key.handled.push(performance.now() - start);
      await nextPaint();
      key.painted.push(performance.now() - start);
    }
    return { tick, key };
  }, RUNS);
  console.log(`Tick to results updated in the DOM:        ${summary(latencies.tick.updated)}`);
  console.log(`Tick to next frame painted:                ${summary(latencies.tick.painted)}`);
  console.log(`Keystroke in evidence handled:             ${summary(latencies.key.handled)}`);
  console.log(`Keystroke to next frame painted:           ${summary(latencies.key.painted)}`);
  await context.close();

  // Large workspace import: N assessments, every criterion answered with evidence.
  const count = Number(process.env.IMPORT_ASSESSMENTS ?? 300);
  const items = Array.from({ length: count }, (_, i) => ({
    id: `bench-${i}`,
    name: `Team ${i}`,
    assessor: 'Benchmark',
    date: '2026-11-26',
    answers: Object.fromEntries(
      ['automated-training-pipeline', 'experiment-tracking', 'model-registry', 'basic-model-monitoring', 'automated-data-validation',
        'automated-model-validation', 'ci-cd-pipeline', 'feature-store', 'automated-deployment', 'continuous-training',
        'canary-ab-testing', 'drift-detection', 'auto-retraining-triggers', 'model-governance-framework']
        .map((id, k) => [id, { implemented: (i + k) % 3 !== 0, evidence: `Evidence ${i}/${k}: ${'lorem ipsum '.repeat(6)}`, link: 'https://wiki.example.com/x' }]),
    ),
    created_at: '2026-11-26T00:00:00Z',
    updated_at: '2026-11-26T00:00:00Z',
  }));
  const text = JSON.stringify({ format: 'mlops-governance-workbench', schema_version: 1, app_version: 'bench', saved_at: '2026-11-26T00:00:00Z', workspace: { assessments: { items } } });
  const importContext = await env.browser.newContext();
  const importPage = await importContext.newPage();
  await importPage.goto(env.server.url + '#/data');
  await waitForApp(importPage);
  let start = performance.now();
  await importPage.getByLabel('Choose a workspace file (.json)').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await importPage.getByText(`holds ${count} assessments`).first().waitFor();
  const parseMs = performance.now() - start;
  start = performance.now();
  await importPage.getByRole('button', { name: 'Replace my workspace' }).click();
  await importPage.getByText(`Replaced: your workspace now holds ${count} assessments.`).waitFor();
  const applyMs = performance.now() - start;
  start = performance.now();
  await importPage.waitForFunction((n) => (localStorage.getItem('mlops-workbench:assessments') ?? '').includes(`"bench-${n - 1}"`), count, { timeout: 20000 });
  const saveMs = performance.now() - start;
  start = performance.now();
  await importPage.getByRole('link', { name: 'Maturity assessments', exact: true }).click();
  await importPage.getByRole('link', { name: `Team ${count - 1}`, exact: true }).waitFor();
  const listMs = performance.now() - start;
  console.log(`Import of ${count} assessments (${(text.length / 1024).toFixed(0)} kB): read+validate ${parseMs.toFixed(0)} ms, apply ${applyMs.toFixed(0)} ms, saved within ${saveMs.toFixed(0)} ms more, list rendered ${listMs.toFixed(0)} ms`);
  await importContext.close();

  // The debt register with 10,000 items: search and matrix-cell filters, typed in the page.
  const debtCount = Number(process.env.DEBT_ITEMS ?? 10000);
  const categories = ['data_debt', 'model_debt', 'infrastructure_debt', 'monitoring_debt', 'documentation_debt'];
  const ratings = ['high', 'medium', 'low'];
  const debtItems = Array.from({ length: debtCount }, (_, i) => ({
    id: `d${i}`,
    category: categories[i % 5],
    description: `Debt item ${i}: step ${i % 97} untested`,
    impact: ratings[i % 3],
    effort: ratings[Math.floor(i / 3) % 3],
    owner: `team-${i % 12}`,
    created_at: '2024-01-01',
    status: ['open', 'in_progress', 'resolved'][i % 4 % 3],
    updated_at: '2026-11-26T00:00:00Z',
  }));
  const debtText = JSON.stringify({ format: 'mlops-governance-workbench', schema_version: 2, app_version: 'bench', saved_at: '2026-11-26T00:00:00Z', workspace: { assessments: { items: [] }, debt: { items: debtItems } } });
  const debtContext = await env.browser.newContext();
  const debtPage = await debtContext.newPage();
  await debtPage.goto(env.server.url + '#/data');
  await waitForApp(debtPage);
  await debtPage.getByLabel('Choose a workspace file (.json)').setInputFiles({ name: 'debt.json', mimeType: 'application/json', buffer: Buffer.from(debtText) });
  await debtPage.getByRole('button', { name: 'Replace my workspace' }).click();
  start = performance.now();
  await debtPage.getByRole('link', { name: 'Debt register' }).click();
  await debtPage.locator('.debt-table tbody tr').first().waitFor();
  const debtOpenMs = performance.now() - start;
  const filtering = await debtPage.evaluate(async (runs) => {
    const nextPaint = () => new Promise((resolve) => requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = resolve;
      channel.port2.postMessage(0);
    }));
    const status = () => document.querySelector('main p[role="status"]').textContent;
    const whenChanged = (before) => new Promise((resolve) => {
      if (status() !== before) return resolve();
      const observer = new MutationObserver(() => {
        if (status() !== before) { observer.disconnect(); resolve(); }
      });
      observer.observe(document.querySelector('main'), { subtree: true, childList: true, characterData: true });
    });
    const search = document.getElementById('debt-filter-text');
    const out = { search: [], searchPainted: [], cell: [] };
    const terms = ['step 4', 'step 42', 'team-3', 'zzz', ''];
    for (let i = 0; i < runs; i++) {
      await nextPaint();
      const before = status();
      const term = terms[i % terms.length] === '' ? `item ${i}` : terms[i % terms.length];
      const start = performance.now();
      search.value = term;
      search.dispatchEvent(new InputEvent('input', { bubbles: true }));
      await whenChanged(before);
      out.search.push(performance.now() - start);
      await nextPaint();
      out.searchPainted.push(performance.now() - start);
      search.value = '';
      search.dispatchEvent(new InputEvent('input', { bubbles: true }));
      await nextPaint();
      const cell = document.querySelectorAll('.matrix-cell')[i % 9];
      const beforeCell = status();
      const cellStart = performance.now();
      cell.click();
      await whenChanged(beforeCell);
      out.cell.push(performance.now() - cellStart);
      cell.click();
      await nextPaint();
    }
    return out;
  }, RUNS);
  const quota = await debtPage.getByText('storage for the workbench is full').count();
  console.log(`Debt register, ${debtCount} items: page opened in ${debtOpenMs.toFixed(0)} ms${quota ? ' (local storage full: the quota banner showed)' : ''}`);
  console.log(`  search typed to list updated:            ${summary(filtering.search)}`);
  console.log(`  search typed to next frame painted:      ${summary(filtering.searchPainted)}`);
  console.log(`  matrix cell clicked to list updated:     ${summary(filtering.cell)}`);
  await debtContext.close();
} finally {
  await env.close();
}
