// Rerunnable benchmark of the release build (not a test: it reports, it does not judge).
//   node scripts/bench.mjs            (after `node scripts/build.mjs`; scripts/bench.sh does both)
// Reports: bundle sizes; first render (navigation start to the first page heading in the DOM,
// and to first contentful paint); tick-to-results and keystroke latency (work done, and next
// frame painted); import of a large workspace (validate, apply, save, render the list); the
// debt register with 10,000 items; the model card editor on a fully filled card (keystroke to
// preview markup ready, to the preview document loaded, and to the next frame painted), and
// render_card_html alone as wasm in Chromium (examples/card_wasm.rs, built here with cargo);
// first load at emulated network speeds from a server that does not compress, the second
// visit (files from the service worker) and the second visit offline, and navigation to a
// feature whose code is not loaded yet.
// The native figure for render_card_html comes from `cargo bench --bench card`.
import { performance } from 'node:perf_hooks';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { bundleSizes } from './bundle-sizes.mjs';
import { setup, waitForApp, startAssessment } from '../tests/e2e/harness.mjs';

const RUNS = Number(process.env.RUNS ?? 15);
const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const summary = (values) => `p50 ${quantile(values, 0.5).toFixed(1)} ms, p95 ${quantile(values, 0.95).toFixed(1)} ms (n=${values.length})`;

const { files, total, firstPage, features } = bundleSizes();
const sizeRow = (name, f) => console.log(`  ${name.padEnd(46)} raw ${String(f.raw).padStart(8)}  gzip ${String(f.gzip).padStart(7)}  brotli ${String(f.brotli).padStart(7)}`);
console.log('Bundle (bytes), every file');
for (const f of files) sizeRow(f.name, f);
sizeRow('total', total);
console.log('Bundle (bytes), what a page needs');
sizeRow('first page (what index.html names)', firstPage);
console.log(`  first page from a server that does not compress: ${firstPage.uncompressedServer} B on the wire (wasm as .gz copies)`);
for (const f of features) sizeRow(`${f.name === 'records' ? 'records, after the first page' : `feature ${f.name}`} (${f.files} files)`, f);

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

  // The model card editor on a fully filled card: about 50 entries in every list and table
  // (as `full_card` in benches/card.rs), imported as a workspace file. Each keystroke renders
  // the whole HTML page in wasm (render_card_html); the preview parses it and replaces, in
  // the frame's document, only the top-level parts of the body that changed.
  //   preview patched: input event to the first change of the frame's document, seen by a
  //     MutationObserver on it (the signal update, the memos, render_card_html, the form's DOM
  //     updates, the parse and the replacement);
  //   form painted: to the page's next frame after the keystroke (the typed character shows);
  //   preview painted: to the page's next frame after the patch. The frame is same-origin
  //     (sandbox="allow-same-origin"), so it is laid out and painted with the page's frame;
  //   scroll: the preview scrolled to near its end, then 20 keystrokes: its scroll position
  //     before and after (a reloaded document would be back at 0).
  const cardCount = 50;
  const texts = (what) => Array.from({ length: cardCount }, (_, i) => (i % 10 === 0
    ? `${what} number ${i}: items with <5 interactions are left out`
    : `${what} number ${i}: a sentence of ordinary length, plain text`));
  const numbers = (what) => Object.fromEntries(Array.from({ length: cardCount }, (_, i) => [`${what}_${i}@10`, Number(`0.${100 + i * 17}`)]));
  const fullCard = {
    model_name: 'product_recommendation_model',
    model_version: 'v2.1.0',
    model_type: 'ranking',
    model_architecture: 'Two-tower neural network with attention',
    training_date: '2024-01-15',
    owner_team: 'ML Platform Team',
    contact_email: 'ml-platform@example.com',
    intended_use: 'Recommend products to users.\n'.repeat(20),
    primary_use_cases: texts('Use case'),
    out_of_scope_uses: texts('Out of scope'),
    relevant_factors: texts('Factor'),
    evaluation_factors: Object.fromEntries(Array.from({ length: cardCount }, (_, i) => [`factor_${i}`, ['a', 'b', 'c'].map((x) => `value_${i}_${x}`)])),
    performance_metrics: numbers('metric'),
    decision_thresholds: numbers('threshold'),
    training_data_description: 'User interaction data from the e-commerce platform.\n'.repeat(20),
    training_data_size: 50000000,
    training_data_date_range: ['2023-01-01', '2023-12-31'],
    data_preprocessing: texts('Preprocessing step'),
    evaluation_data_description: 'Held-out data from December 2023.\n'.repeat(20),
    evaluation_data_size: 5000000,
    sensitive_data: texts('Sensitive column'),
    fairness_metrics: Object.fromEntries(Array.from({ length: 5 }, (_, g) => [`group_${g}`,
      Object.fromEntries(Array.from({ length: 10 }, (_, k) => [`subgroup ${g}-${k}`, Number(`0.${150 + k * 7 + g}`)]))])),
    potential_biases: texts('Bias'),
    known_limitations: texts('Limitation'),
    failure_modes: texts('Failure mode'),
    regulatory_requirements: texts('Regulation'),
    data_privacy_measures: texts('Privacy measure'),
    license: 'apache-2.0',
    tags: texts('tag'),
    unmapped_text: '## More\nText the import could not map.\n'.repeat(20),
  };
  const cardText = JSON.stringify({
    format: 'mlops-governance-workbench', schema_version: 3, app_version: 'bench', saved_at: '2026-11-26T00:00:00Z',
    workspace: { assessments: { items: [] }, debt: { items: [] }, cards: { items: [{ id: 'bench-card', created_at: '2026-11-26T00:00:00Z', updated_at: '2026-11-26T00:00:00Z', card: fullCard }] } },
  });
  // render_card_html alone, as wasm in Chromium: examples/card_wasm.rs is the core's render
  // with nothing around it (no wasm-bindgen: its leftover imports are never called), built with
  // the app's release profile. A blank page reads the same card JSON and times the render.
  const wasmBuild = spawnSync('cargo', ['build', '--locked', '--release', '--target', 'wasm32-unknown-unknown', '--example', 'card_wasm'], {
    cwd: new URL('..', import.meta.url),
    stdio: ['ignore', 'ignore', 'pipe'],
    // The release build's flags (scripts/build.mjs), so its compiled crates are reused.
    env: { ...process.env, RUSTFLAGS: '--cfg erase_components -Clink-args=--emit-relocs' },
  });
  const wasmFile = new URL('../target/wasm32-unknown-unknown/release/examples/card_wasm.wasm', import.meta.url);
  if (wasmBuild.status === 0 && fs.existsSync(wasmFile)) {
    const wasmContext = await env.browser.newContext();
    const wasmPage = await wasmContext.newPage();
    const rendered = await wasmPage.evaluate(async ({ base64, card, runs }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const module = await WebAssembly.compile(bytes);
      const imports = {};
      for (const i of WebAssembly.Module.imports(module)) {
        (imports[i.module] ??= {})[i.name] = () => { throw new Error(`${i.name} is not available`); };
      }
      const wasm = (await WebAssembly.instantiate(module, imports)).exports;
      const text = new TextEncoder().encode(card);
      const at = wasm.input(text.length);
      new Uint8Array(wasm.memory.buffer, at, text.length).set(text);
      if (wasm.load() !== 1) throw new Error('the card JSON was not read');
      const size = wasm.render(1);
      for (let i = 0; i < 100; i++) wasm.render(1);
      // performance.now() is coarse in a page (100 µs): time batches of 20 renders.
      const times = [];
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        wasm.render(20);
        times.push((performance.now() - start) / 20);
      }
      return { size, times };
    }, { base64: fs.readFileSync(wasmFile).toString('base64'), card: JSON.stringify(fullCard), runs: RUNS * 20 });
    const ms = (q) => quantile(rendered.times, q).toFixed(3);
    console.log(`render_card_html of the full card as wasm in Chromium (${(rendered.size / 1000).toFixed(0)} kB; batches of 20): p50 ${ms(0.5)} ms, p95 ${ms(0.95)} ms (n=${rendered.times.length})`);
    await wasmContext.close();
  } else {
    console.log(`render_card_html as wasm: not measured (cargo build --example card_wasm failed: ${String(wasmBuild.stderr ?? wasmBuild.error).trim().split('\n').pop()})`);
  }

  const cardContext = await env.browser.newContext();
  const cardPage = await cardContext.newPage();
  await cardPage.goto(env.server.url + '#/data');
  await waitForApp(cardPage);
  await cardPage.getByLabel('Choose a workspace file (.json)').setInputFiles({ name: 'card.json', mimeType: 'application/json', buffer: Buffer.from(cardText) });
  await cardPage.getByRole('button', { name: 'Replace my workspace' }).click();
  await cardPage.getByText('Replaced: your workspace now holds').waitFor();
  start = performance.now();
  await cardPage.evaluate(() => { location.hash = '#/cards/bench-card'; });
  await cardPage.waitForFunction(() => (document.querySelector('iframe.card-preview-frame')?.contentDocument?.body?.textContent ?? '').includes('Use case number 49'));
  const cardOpenMs = performance.now() - start;
  const cardTyping = await cardPage.evaluate(async ({ runs, targets }) => {
    const nextPaint = () => new Promise((resolve) => requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = resolve;
      channel.port2.postMessage(0);
    }));
    const frame = document.querySelector('iframe.card-preview-frame');
    const out = { size: frame.getAttribute('srcdoc').length, inputs: document.querySelectorAll('main input, main textarea').length };
    for (const [name, id, count] of targets) {
      const input = document.getElementById(id);
      const r = { patched: [], form: [], painted: [] };
      for (let i = 0; i < count; i++) {
        await nextPaint();
        await nextPaint();
        let patchedAt;
        const observer = new MutationObserver(() => { patchedAt ??= performance.now(); });
        observer.observe(frame.contentDocument, { childList: true, subtree: true, characterData: true });
        const start = performance.now();
        input.value += 'x';
        input.dispatchEvent(new InputEvent('input', { bubbles: true }));
        await nextPaint();
        r.form.push(performance.now() - start);
        const formAt = r.form[r.form.length - 1];
        while (patchedAt === undefined && performance.now() - start < 5000) await new Promise((resolve) => setTimeout(resolve, 0));
        observer.disconnect();
        r.patched.push(patchedAt - start);
        // A patch made before the form's frame was painted with it; a later one, with the next.
        if (patchedAt - start <= formAt) {
          r.painted.push(formAt);
        } else {
          await nextPaint();
          r.painted.push(performance.now() - start);
        }
      }
      out[name] = r;
    }
    // The preview's scroll position across 20 keystrokes in a list item near the end.
    const win = frame.contentWindow;
    win.scrollTo(0, win.document.documentElement.scrollHeight - win.innerHeight - 200);
    await nextPaint();
    out.scrollBefore = win.scrollY;
    const late = document.getElementById(targets[0][1]);
    for (let i = 0; i < 20; i++) {
      late.value += 'y';
      late.dispatchEvent(new InputEvent('input', { bubbles: true }));
      await nextPaint();
    }
    out.scrollAfter = win.scrollY;
    // The debounced save, 300 ms after the last edit: a timer of the same delay armed just
    // before the keystroke fires just before the store's; the end of setItem ends the save.
    let savedAt;
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      setItem.call(this, key, value);
      if (key === 'mlops-workbench:cards') savedAt = performance.now();
    };
    const input = document.getElementById(targets[0][1]);
    out.save = [];
    for (let i = 0; i < Math.max(5, Math.round(runs / 2)); i++) {
      await new Promise((resolve) => setTimeout(resolve, 400));
      let timerAt;
      savedAt = undefined;
      setTimeout(() => { timerAt = performance.now(); }, 300);
      input.value += 'x';
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
      while (savedAt === undefined) await new Promise((resolve) => setTimeout(resolve, 20));
      out.save.push(savedAt - timerAt);
    }
    Storage.prototype.setItem = setItem;
    return out;
  }, { runs: RUNS, targets: [['item', 'card-primary_use_cases-25', RUNS * 4], ['name', 'card-model_name', RUNS * 2], ['metric', 'card-performance_metrics-25-value', RUNS * 2]] });
  console.log(`Model card editor, full card (50 entries per list and table, ${cardTyping.inputs} inputs, preview document ${(cardTyping.size / 1000).toFixed(0)} kB): opened in ${cardOpenMs.toFixed(0)} ms`);
  for (const [name, what] of [['item', 'a list item'], ['name', 'the model name'], ['metric', 'a metric value']]) {
    const r = cardTyping[name];
    console.log(`  keystroke in ${what}:`);
    console.log(`    to preview patched (work done):         ${summary(r.patched)}`);
    console.log(`    to next frame painted (the form):       ${summary(r.form)}`);
    console.log(`    to preview painted (next frame):        ${summary(r.painted)}`);
  }
  console.log(`  preview scroll position before / after 20 keystrokes: ${cardTyping.scrollBefore.toFixed(0)} / ${cardTyping.scrollAfter.toFixed(0)} px`);
  console.log(`  save of the cards 300 ms after the last keystroke (serialize + write): ${summary(cardTyping.save)}`);

  // The lesson's card (the usual size): keystroke in a list item to the preview patched and
  // painted, measured the same way.
  await cardPage.evaluate(() => { location.hash = '#/cards'; });
  await cardPage.getByRole('button', { name: "New card from the lesson's example" }).click();
  await cardPage.waitForFunction(() => (document.querySelector('iframe.card-preview-frame')?.contentDocument?.body?.textContent ?? '').includes('Homepage personalization'));
  const lesson = await cardPage.evaluate(async (count) => {
    const nextPaint = () => new Promise((resolve) => requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = resolve;
      channel.port2.postMessage(0);
    }));
    const frame = document.querySelector('iframe.card-preview-frame');
    const input = document.getElementById('card-primary_use_cases-1');
    const r = { patched: [], form: [], painted: [] };
    for (let i = 0; i < count; i++) {
      await nextPaint();
      await nextPaint();
      let patchedAt;
      const observer = new MutationObserver(() => { patchedAt ??= performance.now(); });
      observer.observe(frame.contentDocument, { childList: true, subtree: true, characterData: true });
      const start = performance.now();
      input.value += 'x';
      input.dispatchEvent(new InputEvent('input', { bubbles: true }));
      await nextPaint();
      r.form.push(performance.now() - start);
      const formAt = r.form[r.form.length - 1];
      while (patchedAt === undefined && performance.now() - start < 5000) await new Promise((resolve) => setTimeout(resolve, 0));
      observer.disconnect();
      r.patched.push(patchedAt - start);
      // A patch made before the form's frame was painted with it; a later one, with the next.
      if (patchedAt - start <= formAt) {
        r.painted.push(formAt);
      } else {
        await nextPaint();
        r.painted.push(performance.now() - start);
      }
    }
    return r;
  }, RUNS * 2);
  console.log("Model card editor, the lesson's card: keystroke in a list item:");
  console.log(`    to preview patched (work done):         ${summary(lesson.patched)}`);
  console.log(`    to next frame painted (the form):       ${summary(lesson.form)}`);
  console.log(`    to preview painted (next frame):        ${summary(lesson.painted)}`);
  await cardContext.close();

  // First load on slow networks, from the test harness's plain static server (no compression,
  // no cache headers), cold cache: navigation start to the first page heading. Then the second
  // visit (the service worker serves the app's files) and the second visit offline.
  // The page notes when the first heading entered its DOM (a mutation observer's callback
  // runs right after the change): the driver's own check can come later, while the page is
  // busy with what follows the first page (the other collections' decoders arriving).
  const noteHeading = (context) => context.addInitScript(() => {
    const observer = new MutationObserver(() => {
      if (document.querySelector('main h1')) {
        window.__headingAt = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  const headingAt = async (page) => {
    await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 120_000 });
    return page.evaluate(() => window.__headingAt ?? performance.now());
  };
  const networks = [
    ['LAN (no throttling)', null],
    ['10 Mbit/s, 20 ms', { latency: 20, downloadThroughput: 10e6 / 8, uploadThroughput: 5e6 / 8 }],
    ['2 Mbit/s, 80 ms (a room on one access point)', { latency: 80, downloadThroughput: 2e6 / 8, uploadThroughput: 1e6 / 8 }],
  ];
  /** A new page of `context`, on the emulated network `conditions` (none: unthrottled). */
  const throttledPage = async (context, conditions) => {
    const page = await context.newPage();
    if (conditions) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, ...conditions });
    }
    return page;
  };
  const FIRST_VISITS = Number(process.env.FIRST_VISITS ?? 5);
  console.log(`First load from a server that does not compress (heading shown): first visit ${FIRST_VISITS} cold runs, then one second visit online and offline:`);
  for (const [name, conditions] of networks) {
    const firstVisits = [];
    for (let run = 1; run < FIRST_VISITS; run++) {
      const cold = await env.browser.newContext();
      await noteHeading(cold);
      const page = await throttledPage(cold, conditions);
      await page.goto(env.server.url, { timeout: 120_000 });
      firstVisits.push(await headingAt(page));
      await cold.close();
    }
    const context = await env.browser.newContext();
    await noteHeading(context);
    const page = await throttledPage(context, conditions);
    await page.goto(env.server.url, { timeout: 120_000 });
    firstVisits.push(await headingAt(page));
    const first = quantile(firstVisits, 0.5);
    await page.evaluate(() => navigator.serviceWorker.ready);
    const second = await throttledPage(context, conditions);
    await second.goto(env.server.url);
    const again = await headingAt(second);
    await context.setOffline(true);
    const offline = await context.newPage();
    await offline.goto(env.server.url);
    const off = await headingAt(offline);
    console.log(`  ${name.padEnd(46)} first visit p50 ${first.toFixed(0)} ms (${Math.min(...firstVisits).toFixed(0)}-${Math.max(...firstVisits).toFixed(0)}), second visit ${again.toFixed(0)} ms, second visit offline ${off.toFixed(0)} ms`);
    await context.close();
  }
  // Navigation to a feature not loaded yet, right after the first page, on the same networks
  // (service worker blocked, so only the page's own requests use the network): click to the
  // feature's heading.
  console.log('Navigation to a feature not loaded yet, from a server that does not compress, one run each:');
  for (const [name, conditions] of networks) {
    const context = await env.browser.newContext({ serviceWorkers: 'block' });
    const page = await throttledPage(context, conditions);
    await page.goto(env.server.url, { timeout: 120_000 });
    await headingAt(page);
    const times = [];
    // "New model card" right after the list: the editor's code, fetched once the list shows.
    const steps = [
      ['link', 'Model cards', 'Model cards'],
      ['button', 'New model card', 'Untitled card'],
      ['link', 'Debt register', 'Technical-debt register'],
      ['link', 'Workshop', 'Workshop'],
    ];
    for (const [role, name, title] of steps) {
      const start = await page.evaluate(() => performance.now());
      await page.getByRole(role, { name, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor({ timeout: 120_000 });
      times.push(`${name} ${(await page.evaluate(() => performance.now()) - start).toFixed(0)} ms`);
    }
    console.log(`  ${name.padEnd(46)} ${times.join(', ')}`);
    await context.close();
  }

  // The same first visit from the serve command's server (scripts/serve.mjs: the build's
  // brotli copies, cache headers).
  const { staticHandler } = await import('./serve.mjs');
  const precompressed = http.createServer(staticHandler(new URL('../dist', import.meta.url).pathname));
  await new Promise((resolve) => precompressed.listen(0, '127.0.0.1', resolve));
  try {
    for (const [name, conditions] of networks.slice(1)) {
      const context = await env.browser.newContext();
      await noteHeading(context);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, ...conditions });
      await page.goto(`http://127.0.0.1:${precompressed.address().port}/`, { timeout: 120_000 });
      console.log(`  ${name.padEnd(46)} first visit from scripts/serve.mjs (brotli): ${(await headingAt(page)).toFixed(0)} ms`);
      await context.close();
    }
  } finally {
    await new Promise((resolve) => precompressed.close(resolve));
  }
} finally {
  await env.close();
}
