// Static hosting: a sub-path, deep links, reloads, no inline script, no request off the origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setup, waitForApp, startAssessment, DIST } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

test('the built page has a strict CSP and no inline script', () => {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1] ?? '';
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval';/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  for (const [, attributes, body] of html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
    assert.match(attributes, /src=/, 'every script is a file');
    assert.equal(body.trim(), '', 'no inline script body');
  }
  assert.doesNotMatch(html, /(src|href)="\/(?!\/)/, 'asset links are relative, so any sub-path works');
  assert.doesNotMatch(html, /https?:\/\//, 'no link leaves the origin');
});

test('a deep link opens directly from a sub-path and survives a reload', async () => {
  const context = await env.newContext();
  const page = await context.newPage();
  await page.goto(env.server.url);
  await waitForApp(page);
  await startAssessment(page, 'Deep link target');
  const deepLink = page.url();
  assert.ok(deepLink.startsWith(env.server.url + '#/assessments/'), deepLink);
  await page.waitForTimeout(500);

  const other = await context.newPage();
  await other.goto(deepLink);
  await other.getByRole('heading', { level: 1, name: 'Deep link target' }).waitFor();
  await other.reload();
  await other.getByRole('heading', { level: 1, name: 'Deep link target' }).waitFor();
  await other.goto(env.server.url + 'index.html#/data');
  await other.getByRole('heading', { level: 1, name: 'Workspace data' }).waitFor();
  await other.reload();
  await other.getByRole('heading', { level: 1, name: 'Workspace data' }).waitFor();
  await other.goto(env.server.url + '#/no/such/page');
  await other.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  assert.deepEqual(context.problems, []);
  await context.close();
});

test('a missing assessment says so plainly', async () => {
  const context = await env.newContext();
  const page = await context.newPage();
  await page.goto(env.server.url + '#/assessments/gone');
  await page.getByRole('heading', { level: 1, name: 'Assessment not found' }).waitFor();
  await page.getByRole('link', { name: 'Back to the assessments' }).click();
  await page.getByRole('heading', { level: 1, name: 'Maturity self-assessments' }).waitFor();
  await context.close();
});

test('navigation works from the keyboard and moves focus to the page heading', async () => {
  const context = await env.newContext();
  const page = await context.newPage();
  await page.goto(env.server.url);
  await waitForApp(page);
  await page.getByRole('link', { name: 'Workspace data', exact: true }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Workspace data' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  await page.getByRole('link', { name: 'Maturity assessments', exact: true }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.textContent === 'Maturity self-assessments');
  await page.getByLabel('Team or system to assess').focus();
  await page.keyboard.type('Keyboard team');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Keyboard team' }).waitFor();
  await page.getByRole('checkbox', { name: 'Feature store', exact: true }).focus();
  await page.keyboard.press('Space');
  assert.equal(await page.getByRole('checkbox', { name: 'Feature store', exact: true }).isChecked(), true);
  await context.close();
});

test('every page fits a phone screen without sideways scrolling', async () => {
  const context = await env.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(env.server.url);
  await waitForApp(page);
  const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  assert.ok(await fits(), 'list');
  await page.getByRole('button', { name: "Add the lesson's example" }).click();
  assert.ok(await fits(), 'list with a row');
  await page.getByRole('link', { name: 'Lesson example' }).click();
  await page.getByRole('heading', { level: 1, name: 'Lesson example' }).waitFor();
  assert.ok(await fits(), 'editor');
  await page.getByRole('link', { name: 'Workspace data', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Workspace data' }).waitFor();
  assert.ok(await fits(), 'data page');
  // The card editor, scrolled through (fieldsets out of view are laid out once seen).
  await page.getByRole('link', { name: 'Model cards', exact: true }).click();
  await page.getByRole('button', { name: "New card from the lesson's example" }).click();
  await page.getByRole('heading', { level: 1, name: 'product_recommendation_model v2.1.0' }).waitFor();
  for (let y = 0; y < 40; y++) await page.mouse.wheel(0, 500);
  await page.locator('#card-performance_metrics-0-value').scrollIntoViewIfNeeded();
  assert.ok(await fits(), 'card editor');
  const valueWidth = await page.locator('#card-performance_metrics-0-value').evaluate((i) => i.getBoundingClientRect().width);
  assert.ok(valueWidth >= 80, `a metric value has room for its digits (${valueWidth} px)`);
  await page.getByRole('link', { name: 'Debt register' }).click();
  await page.getByRole('button', { name: 'Add the common ML debt patterns' }).click();
  await page.getByText('8 items match.').waitFor();
  assert.ok(await fits(), 'debt register');
  await context.close();
});

test('100 kB of text without a space in every field wraps instead of widening the page', async () => {
  const context = await env.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(env.server.url + '#/data');
  await waitForApp(page);
  const long = 'x'.repeat(100_000);
  const at = '2026-11-26T00:00:00Z';
  const workspace = {
    assessments: { items: [{ id: 'a', name: long, assessor: long, date: '2026-11-26', answers: { 'model-registry': { implemented: true, evidence: long, link: `https://x.example.com/${long}` } }, created_at: at, updated_at: at }] },
    debt: { items: [{ id: 'd', category: 'data_debt', description: long, impact: 'high', effort: 'low', owner: long, created_at: '2024-01-01', note: long, link: `https://x.example.com/${long}`, updated_at: at }] },
  };
  const file = JSON.stringify({ format: 'mlops-governance-workbench', schema_version: 2, app_version: 't', saved_at: at, workspace });
  await page.getByLabel('Choose a workspace file (.json)').setInputFiles({ name: 'long.json', mimeType: 'application/json', buffer: Buffer.from(file) });
  await page.getByRole('button', { name: 'Replace my workspace' }).click();
  const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  for (const [fragment, ready] of [['#/assessments', 'tbody tr'], ['#/assessments/a', 'main h1'], ['#/debt', '.debt-table tbody tr']]) {
    await page.goto(env.server.url + fragment);
    await page.locator(ready).first().waitFor();
    assert.ok(await fits(), fragment);
  }
  await page.reload();
  await page.getByText('1 item matches.').waitFor();
  assert.ok(await fits(), 'debt register after reload');
  assert.deepEqual(context.problems, []);
  await context.close();
});
