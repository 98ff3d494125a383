// The governance lifecycle in Chromium: a request approved through all six stages, a
// rejection and resubmission, separation of duties, staleness after a card edit, notify and
// timeline downloads; a security audit of a card; team structures; reload keeps all; axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { createRequire } from 'node:module';
import { setup, openApp, downloadText, waitForSave } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const STAGES = ['Data review', 'Model review', 'Fairness review', 'Security review', 'Compliance review', 'Final approval'];

async function lessonCard(page) {
  await page.getByRole('link', { name: 'Model cards', exact: true }).click();
  await page.getByRole('button', { name: "New card from the lesson's example" }).click();
  await page.getByRole('heading', { level: 1, name: 'product_recommendation_model v2.1.0' }).waitFor();
  return page.url();
}

async function requestApproval(page, requester) {
  await page.getByRole('link', { name: 'Approvals', exact: true }).first().click();
  await page.getByLabel('Model card version').selectOption({ label: 'product_recommendation_model v2.1.0' });
  await page.getByLabel('Requested by').fill(requester);
  await page.getByRole('button', { name: 'Start the approval' }).click();
  await page.getByRole('heading', { level: 1, name: 'Approval: product_recommendation_model v2.1.0' }).waitFor();
}

async function decide(page, reviewer, button, comment = '') {
  await page.getByLabel('Reviewer').fill(reviewer);
  await page.getByLabel('Comment').fill(comment);
  await page.getByRole('button', { name: button, exact: true }).click();
}

test('a request goes through all six stages; the requester cannot approve; reload keeps it', async () => {
  const context = await env.newContext();
  const page = await openApp(context, '', env.server);
  await lessonCard(page);
  await requestApproval(page, 'Ana');
  await page.getByText('Waiting for Data review (stage 1 of 6)').waitFor();
  const notify = page.getByRole('link', { name: /^Notify data-team@example\.com/ });
  assert.match(await notify.getAttribute('href'), /^mailto:data-team@example\.com\?subject=[^&\s]+&body=[^&\s]+$/);

  await decide(page, ' ana ', 'Approve');
  await page.getByRole('alert').filter({ hasText: /Ana/ }).waitFor();
  assert.match(await page.getByRole('alert').filter({ hasText: /Ana/ }).textContent(), /cannot approve it too/);
  for (const [index, stage] of STAGES.entries()) {
    await page.getByRole('heading', { level: 2, name: `${stage}: decision` }).waitFor();
    await decide(page, `Reviewer ${index + 1}`, 'Approve', `Looks good at ${stage}`);
  }
  await page.getByText('Approved for production').first().waitFor();
  assert.equal(await page.getByRole('button', { name: 'Approve', exact: true }).count(), 0, 'no decision after the final stage');
  assert.equal(await page.locator('.timeline li').count(), 7);

  const markdown = await downloadText(page, () => page.getByRole('button', { name: 'Download timeline (Markdown)' }).click());
  assert.match(markdown.text, /Looks good at Final approval/);
  const json = JSON.parse((await downloadText(page, () => page.getByRole('button', { name: 'Download timeline (JSON)' }).click())).text);
  assert.equal(json.trail.length, 7);

  await waitForSave(page, () => (localStorage.getItem('mlops-workbench:approvals') ?? '').includes('Reviewer 6'));
  await page.reload();
  await page.getByText('Approved for production').first().waitFor();
  await page.getByRole('link', { name: 'All approvals' }).click();
  await page.getByRole('region', { name: 'Approved for production' }).getByRole('link', { name: /product_recommendation_model v2\.1\.0/ }).waitFor();
  assert.deepEqual(context.problems, []);
  await context.close();
});

test('a rejection returns the request; it restarts at that stage on resubmission; a card edit marks approvals stale', async () => {
  const context = await env.newContext();
  const page = await openApp(context, '', env.server);
  const cardUrl = await lessonCard(page);
  await requestApproval(page, 'Ana');
  const requestUrl = page.url();
  await decide(page, 'Dana', 'Approve');
  await page.getByRole('heading', { level: 2, name: 'Model review: decision' }).waitFor();
  await decide(page, 'Mo', 'Reject');
  await page.getByRole('alert').filter({ hasText: 'Write a comment when you reject a request' }).waitFor();
  await decide(page, 'Mo', 'Reject', 'Metrics are from the training set.');
  await page.getByText('Rejected at Model review; returned to Ana').waitFor();
  await page.getByRole('link', { name: 'All approvals' }).click();
  await page.getByRole('region', { name: 'Returned to the requester' }).getByRole('link', { name: /product_recommendation_model/ }).click();
  await page.getByLabel('Resubmitted by').fill('Someone else');
  await page.getByRole('button', { name: 'Resubmit' }).click();
  await page.getByRole('alert').filter({ hasText: /Ana/ }).waitFor();
  await page.getByLabel('Resubmitted by').fill('Ana');
  await page.getByLabel('What changed').fill('Held-out metrics now.');
  await page.getByRole('button', { name: 'Resubmit' }).click();
  await page.getByText('Waiting for Model review (stage 2 of 6)').waitFor();
  assert.equal(await page.locator('.timeline li').count(), 4);

  await page.goto(cardUrl);
  await page.getByLabel('Architecture').fill('Two-tower network, retrained');
  await page.goto(requestUrl);
  await page.getByText(/changed after these approvals, so they cover older content: Data review\./).waitFor();
  assert.deepEqual(context.problems, []);
  await context.close();
});

test('a security audit of a card: the lesson’s checks, further checks, history', async () => {
  const context = await env.newContext();
  const page = await openApp(context, '', env.server);
  await lessonCard(page);
  await page.getByRole('link', { name: 'Security audits' }).click();
  await page.getByRole('heading', { level: 1, name: 'Security audit: product_recommendation_model v2.1.0' }).waitFor();
  assert.equal(await page.getByLabel('Trainer').inputValue(), 'ML Platform Team <ml-platform@example.com>');
  const results = page.getByRole('region', { name: 'Results' });
  await results.getByText("Missing provenance fields: ['git_commit']").waitFor();
  await results.getByText('Security audit failed').waitFor();
  await page.getByLabel('Git commit').fill('abc123');
  await page.getByLabel('Input schema').fill('{...}');
  for (const box of ['Input validation', 'Authentication', 'Authorization', 'Model encrypted', 'Data encrypted in transit']) {
    await page.getByLabel(box, { exact: true }).check();
  }
  await results.getByText('Security audit passed').waitFor();
  await page.getByLabel('Model file format').fill('model.pkl');
  await results.getByRole('row', { name: /Model file format/ }).getByText('Failed').waitFor();
  assert.match(await results.textContent(), /OWASP Machine Learning Security Top 10: ML06:2023/);
  await page.getByRole('button', { name: 'Record this audit' }).click();
  await page.getByText(/Recorded the audit of \d{4}-\d{2}-\d{2}: passed\./).waitFor();
  await waitForSave(page, () => (localStorage.getItem('mlops-workbench:audits') ?? '').includes('abc123'));
  await page.reload();
  await page.getByRole('region', { name: 'Audit history' }).getByText(/\d{4}-\d{2}-\d{2}: passed/).waitFor();
  assert.equal(await page.getByLabel('Git commit').inputValue(), 'abc123', 'the form starts from the latest audit');
  assert.deepEqual(context.problems, []);
  await context.close();
});

test('an assessment records its team structure; the reference page lists the three options', async () => {
  const context = await env.newContext();
  const page = await openApp(context, '', env.server);
  await page.getByLabel('Team or system to assess').fill('Payments');
  await page.getByRole('button', { name: 'Start assessment' }).click();
  await page.getByLabel('Team structure').selectOption({ label: 'Hybrid' });
  await page.getByRole('link', { name: 'About the three team structures' }).click();
  await page.getByRole('heading', { level: 2, name: 'Option 3: Hybrid (Recommended)' }).waitFor();
  assert.equal(await page.getByRole('heading', { level: 2 }).count(), 3);
  await page.goBack();
  await page.reload();
  assert.equal(await page.getByLabel('Team structure').inputValue(), 'hybrid');
  assert.deepEqual(context.problems, []);
  await context.close();
});

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
for (const scheme of ['light', 'dark']) {
  test(`no serious or critical accessibility violation on the lifecycle pages (${scheme})`, async () => {
    const context = await env.newContext({ bypassCSP: true, colorScheme: scheme });
    const page = await openApp(context, '', env.server);
    const audit = async (name) => {
      await page.addScriptTag({ path: path.resolve(AXE) });
      const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
      const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      assert.deepEqual(serious.map((v) => `${name}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
    };
    await lessonCard(page);
    await page.getByRole('link', { name: 'Approvals', exact: true }).first().click();
    await audit('approvals, empty');
    await requestApproval(page, 'Ana');
    await decide(page, 'Ana', 'Approve');
    await audit('request with an error');
    await decide(page, 'Dana', 'Needs revision', 'More data');
    await audit('returned request');
    await page.getByRole('link', { name: 'All approvals' }).click();
    await audit('approvals');
    await page.goto(`${env.server.url}#/cards`);
    await page.getByRole('link', { name: 'product_recommendation_model' }).click();
    await page.getByRole('link', { name: 'Security audits' }).click();
    await page.getByRole('heading', { level: 1, name: /Security audit/ }).waitFor();
    await audit('security audit');
    await page.goto(`${env.server.url}#/teams`);
    await page.getByRole('heading', { level: 1, name: 'ML team structures' }).waitFor();
    await audit('team structures');
    await context.close();
  });
}
