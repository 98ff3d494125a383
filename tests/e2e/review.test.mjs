// Reviews across people: a requester and six reviewers, each in a browser context with its own
// empty storage, take the lesson's card through all six stages by exchanging only package
// files; separation of duties across browsers; a tampered package refused; two reviewers
// answering the same package shown as a conflict; bad files; axe on the new page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { createRequire } from 'node:module';
import { setup, openApp, downloadText, storedEntries } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const STAGES = ['Data review', 'Model review', 'Fairness review', 'Security review', 'Compliance review', 'Final approval'];
const TITLE = 'product_recommendation_model v2.1.0';

/** The requester's browser: the lesson's card, a request, and its first package. */
async function requesterWithPackage(context) {
  const page = await openApp(context, '', env.server);
  await page.getByRole('link', { name: 'Model cards', exact: true }).click();
  await page.getByRole('button', { name: "New card from the lesson's example" }).click();
  await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
  await page.getByRole('link', { name: 'Approvals', exact: true }).first().click();
  await page.getByLabel('Model card version').selectOption({ label: TITLE });
  await page.getByLabel('Requested by').fill('Ana Requester');
  await page.getByRole('button', { name: 'Start the approval' }).click();
  await page.getByRole('heading', { level: 1, name: `Approval: ${TITLE}` }).waitFor();
  const file = await downloadText(page, () => page.getByRole('button', { name: 'Send for review' }).click());
  return { page, file };
}

/** Opens a package file on the review page of `page`. */
async function openPackage(page, file) {
  await page.getByLabel('Choose a review package (.json)').setInputFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) });
  await page.getByRole('heading', { level: 2, name: TITLE }).waitFor();
}

/** A reviewer in a fresh browser context decides on `file` and returns the updated package. */
async function review(file, reviewer, button, comment = '') {
  const context = await env.newContext();
  const page = await openApp(context, '#/review', env.server);
  await openPackage(page, file);
  await page.getByLabel('Your name').fill(reviewer);
  await page.getByLabel('Comment').fill(comment);
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.getByRole('status').filter({ hasText: /^Recorded:/ }).waitFor();
  const next = await downloadText(page, () => page.getByRole('button', { name: 'Download the updated package' }).click());
  assert.deepEqual(await storedEntries(page).then((e) => Object.keys(e).filter((k) => k.includes('approvals') && !e[k].includes('"items":[]'))), [], 'opening and deciding saved nothing');
  assert.deepEqual(context.problems, []);
  await context.close();
  return next;
}

test('a requester and six reviewers in separate browsers take the card through all six stages with package files', async () => {
  const requester = await env.newContext();
  const { page, file } = await requesterWithPackage(requester);
  assert.equal(file.name, 'review-data-review-product-recommendation-model-v2-1-0.json');
  const mail = page.getByRole('link', { name: 'Write the e-mail to data-team@example.com' });
  const href = decodeURIComponent(await mail.getAttribute('href'));
  assert.match(href, /^mailto:data-team@example\.com\?subject=Review needed: product_recommendation_model v2\.1\.0, Data review&body=/);
  assert.match(href, /Attach the file review-data-review-product-recommendation-model-v2-1-0\.json/);
  assert.match(href, /choose "Review a package"/);

  // The requester, in another browser, cannot approve their own request.
  {
    const context = await env.newContext();
    const other = await openApp(context, '#/review', env.server);
    await openPackage(other, file);
    assert.equal(await other.getByRole('heading', { level: 2, name: 'Data review: your decision' }).count(), 1);
    assert.match(await other.getByTitle('The model card under review').getAttribute('srcdoc'), /product_recommendation_model/);
    await other.getByLabel('Your name').fill(' ANA requester ');
    await other.getByRole('button', { name: 'Approve', exact: true }).click();
    await other.getByRole('alert').filter({ hasText: 'cannot approve it too' }).waitFor();
    await context.close();
  }

  let current = file;
  for (const [index, stage] of STAGES.entries()) {
    const expected = stage.toLowerCase().replace(' ', '-');
    assert.ok(current.name.startsWith(`review-${expected}`), `${current.name} for ${stage}`);
    current = await review(current, `Reviewer ${index + 1}`, 'Approve', `Fine at ${stage}.`);
  }
  assert.equal(current.name, 'review-approved-product-recommendation-model-v2-1-0.json');
  const final = JSON.parse(current.text);
  assert.equal(final.request.status, 'approved');
  assert.equal(final.request.trail.length, 7);
  assert.ok(final.request.trail.every((entry) => /^[0-9a-f]{64}$/.test(entry.chain)));

  // Back with the requester: the approved package updates the kept request.
  await page.goto(env.server.url + '#/review');
  await openPackage(page, current);
  await page.getByText('Approved for production').first().waitFor();
  assert.equal(await page.getByRole('button', { name: 'Approve', exact: true }).count(), 0, 'nothing to decide');
  await page.getByRole('button', { name: 'Keep a copy in my workspace' }).click();
  await page.getByRole('status').filter({ hasText: 'Updated the request in your workspace: 6 entries new in the trail.' }).waitFor();
  await page.getByRole('link', { name: 'Open the request' }).click();
  await page.getByRole('heading', { level: 1, name: `Approval: ${TITLE}` }).waitFor();
  await page.getByText('Approved for production').first().waitFor();
  assert.equal(await page.locator('.timeline li').count(), 7);
  assert.deepEqual(requester.problems, []);
  await requester.close();
});

test('a tampered package says which entry changed and cannot be decided on', async () => {
  const requester = await env.newContext();
  const { file } = await requesterWithPackage(requester);
  const approved = await review(file, 'Dee Data', 'Approve', 'Data is fine.');
  const tampered = { name: approved.name, text: approved.text.replace('"Dee Data"', '"Mallory"') };
  const context = await env.newContext();
  const page = await openApp(context, '#/review', env.server);
  await openPackage(page, tampered);
  const alert = page.getByRole('alert').filter({ hasText: 'This package cannot be decided on.' });
  await alert.waitFor();
  assert.match(await alert.textContent(), /Entry 2 of the trail \(Data review: Approved by Mallory\) does not match its hash/);
  assert.equal(await page.getByRole('button', { name: 'Approve', exact: true }).count(), 0);
  assert.equal(await page.getByRole('button', { name: 'Keep a copy in my workspace' }).count(), 0);

  // An edited card is found too.
  const card = { name: approved.name, text: approved.text.replace('"intended_use": "', '"intended_use": "Also: ') };
  await openPackage(page, card);
  await page.getByText('The model card in the package was changed after the package was made').waitFor();
  assert.deepEqual(context.problems, []);
  await context.close();
  await requester.close();
});

test('two reviewers answering the same package show as a conflict with both decisions; nothing is merged', async () => {
  const requester = await env.newContext();
  const { page, file } = await requesterWithPackage(requester);
  const approved = await review(file, 'Dee Data', 'Approve');
  const rejected = await review(file, 'Dan Other', 'Reject', 'Training data is from 2019.');
  await page.goto(env.server.url + '#/review');
  await openPackage(page, approved);
  await page.getByRole('button', { name: 'Keep a copy in my workspace' }).click();
  await page.getByRole('status').filter({ hasText: 'Updated the request in your workspace: 1 entry new in the trail.' }).waitFor();

  await openPackage(page, rejected);
  const conflict = page.getByRole('alert').filter({ hasText: 'Conflict: two different decisions' });
  await conflict.waitFor();
  const text = await conflict.textContent();
  assert.match(text, /In your workspace: Data review: approved by Dee Data/);
  assert.match(text, /In this package: Data review: rejected by Dan Other on .*“Training data is from 2019\.”/);
  assert.equal(await page.getByRole('button', { name: 'Approve', exact: true }).count(), 0, 'no decision on a fork');
  await page.getByRole('button', { name: 'Keep a copy in my workspace' }).click();
  await page.getByRole('status').filter({ hasText: /^Nothing changed: this package and the request in your workspace were decided differently/ }).waitFor();
  await page.goto(env.server.url + '#/approvals');
  await page.getByRole('link', { name: /product_recommendation_model/ }).first().click();
  await page.getByText('Waiting for Model review (stage 2 of 6)').waitFor();

  // The older package (before either decision) changes nothing and says so.
  await page.goto(env.server.url + '#/review');
  await openPackage(page, file);
  await page.getByText('Your workspace has a newer copy of this request').waitFor();
  await page.getByRole('button', { name: 'Keep a copy in my workspace' }).click();
  await page.getByRole('status').filter({ hasText: 'This package is older than the copy of the request in your workspace, so nothing changed.' }).waitFor();
  assert.deepEqual(requester.problems, []);
  await requester.close();
});

test('a broken file, a workspace file and a package of a newer version are refused with a clear message', async () => {
  const requester = await env.newContext();
  const { file } = await requesterWithPackage(requester);
  await requester.close();
  const context = await env.newContext();
  const page = await openApp(context, '#/review', env.server);
  const cases = [
    ['broken.json', '{"format": "mlops-governance-review-package",', /not valid JSON: line 1/],
    ['workspace.json', '{"format": "mlops-governance-workbench", "schema_version": 7, "workspace": {}}', /This is a workspace file, not a review package/],
    ['future.json', file.text.replace('"schema_version": 1', '"schema_version": 2'), /newer version of the workbench \(package version 2\)/],
    ['script.json', file.text.replace('"Ana Requester"', '"<script>alert(1)</script>"'), /does not match its hash|do not follow from its trail/],
  ];
  for (const [name, text, reason] of cases) {
    await page.getByLabel('Choose a review package (.json)').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    const alert = page.getByRole('alert').filter({ hasText: reason });
    await alert.waitFor();
  }
  assert.deepEqual(Object.values(await storedEntries(page)).filter((v) => v.includes('product_recommendation_model')), [], 'nothing was stored');
  assert.deepEqual(context.problems, []);
  await context.close();
});

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
for (const scheme of ['light', 'dark']) {
  test(`no serious or critical accessibility violation on the review page (${scheme})`, async () => {
    const requester = await env.newContext();
    const { file } = await requesterWithPackage(requester);
    await requester.close();
    const context = await env.newContext({ bypassCSP: true, colorScheme: scheme });
    const page = await openApp(context, '#/review', env.server);
    await openPackage(page, file);
    await page.addScriptTag({ path: path.resolve(AXE) });
    const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(serious.map((v) => `${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
    await context.close();
  });
}
