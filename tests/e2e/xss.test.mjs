// Hostile text in every string field of an imported workspace shows as text and runs nothing.
// A positive control proves the detectors would see a payload that does run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, waitForApp } from './harness.mjs';

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

async function dangerousDom(page) {
  return page.evaluate(() => {
    const found = [];
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.attributes) {
        if (attr.name.startsWith('on')) found.push(`${el.tagName} ${attr.name}`);
        if (['href', 'src', 'action'].includes(attr.name) && /^\s*javascript:/i.test(attr.value)) found.push(`${el.tagName} ${attr.name}=${attr.value}`);
      }
    }
    found.push(...[...document.querySelectorAll('main script, main img, main svg:not(.level-chart), main style, main iframe')].map((e) => e.tagName));
    return found;
  });
}

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
