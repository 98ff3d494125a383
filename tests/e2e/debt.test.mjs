// The technical-debt register in a real browser: the lesson's patterns and order, matrix
// filter, inline edit and re-sort, status, reload, CSV export and import.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openApp, downloadText, waitForSave } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const LESSON_ORDER = [
  'No automated data validation in pipeline',
  'Manual model deployment process',
  'No drift detection in production',
  'Training data not versioned',
  'Model cards not updated for recent models',
  'Data pipeline depends on multiple legacy systems',
  'Complex ensemble of models difficult to maintain',
  'Multiple models doing similar tasks (duplication)',
];
const descriptions = (page) => page.locator('.debt-table tbody th.description').evaluateAll(
  (cells) => cells.map((c) => c.childNodes[0]?.textContent ?? ''),
);

async function openWithPatterns(context) {
  const page = await openApp(context, '#/debt', env.server);
  await page.getByRole('button', { name: 'Add the common ML debt patterns' }).click();
  await page.getByText('8 items match.').waitFor();
  return page;
}

test('the common patterns, added twice, appear once in the lesson’s priority order', async () => {
  const context = await env.newContext();
  const page = await openWithPatterns(context);
  await page.getByRole('button', { name: 'Add the common ML debt patterns' }).click();
  await page.getByText('8 items match.').waitFor();
  assert.deepEqual(await descriptions(page), LESSON_ORDER);
  assert.deepEqual(await page.locator('.debt-table td.score').allTextContents(), ['8', '8', '8', '7', '7', '6', '6', '3']);
  assert.deepEqual(context.problems, []);
  await context.close();
});

test('at desktop width table cells wrap between words, and only an unbroken string breaks', async () => {
  const context = await env.newContext();
  const page = await openWithPatterns(context);
  await page.setViewportSize({ width: 1280, height: 900 });
  const unbroken = 'x'.repeat(400);
  await page.getByLabel('Description').fill(unbroken);
  await page.getByRole('button', { name: 'Add item' }).click();
  await page.getByText('9 items match.').waitFor();
  // Every word of every cell stays on one line, except the one string too long for any line.
  const split = await page.locator('.debt-table tbody').evaluate((body) => {
    const found = [];
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      // A line may end after a hyphen ("mlops-" / "team"): pieces between spaces and hyphens.
      for (const match of node.textContent.matchAll(/[^\s-]+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (lines.size > 1) found.push(match[0].slice(0, 20));
      }
    }
    return found;
  });
  assert.deepEqual(split, ['x'.repeat(20)]);
  const [table, scroller] = await page.locator('.debt-table').evaluate((t) => [t.scrollWidth, t.parentElement.clientWidth]);
  assert.ok(table <= scroller, `the table is ${table} px wide in ${scroller} px`);
  assert.deepEqual(context.problems, []);
  await context.close();
});

test('a matrix cell filters the list, and the filters combine', async () => {
  const context = await env.newContext();
  const page = await openWithPatterns(context);
  const cell = page.getByRole('button', { name: '3 items, score 8 (impact high, effort medium)' });
  await cell.click();
  assert.equal(await cell.getAttribute('aria-pressed'), 'true');
  await page.getByText('3 items match.').waitFor();
  assert.deepEqual(await descriptions(page), LESSON_ORDER.slice(0, 3));
  await page.getByLabel('Show owner').selectOption('mlops-team');
  await page.getByText('2 items match.').waitFor();
  await page.getByLabel('Search the register').fill('DRIFT');
  await page.getByText('1 item matches.').waitFor();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByText('8 items match.').waitFor();
  assert.equal(await cell.getAttribute('aria-pressed'), 'false');
  assert.match(await page.getByRole('list', { name: 'Items per category' }).textContent(), /Data: 3.*Model: 2.*Infrastructure: 1.*Monitoring: 1.*Documentation: 1/);
  await context.close();
});

test('an edited item is re-sorted, a resolved one leaves the list, and a reload keeps both', async () => {
  const context = await env.newContext();
  const page = await openWithPatterns(context);
  const last = LESSON_ORDER[7];
  await page.getByRole('button', { name: `Edit ${last}` }).click();
  const form = page.getByRole('form', { name: `Edit ${last}` });
  await form.getByLabel('Impact').selectOption('high');
  await form.getByLabel('Effort').selectOption('low');
  await form.getByLabel('Owner').fill('platform-team');
  await form.getByLabel('Link').fill('javascript:alert(1)');
  await form.getByRole('button', { name: 'Save' }).click();
  assert.match(await form.textContent(), /must start with http:\/\/ or https:\/\//);
  await form.getByLabel('Link').fill('https://issues.example.com/ML-1');
  await form.getByLabel('Link').press('Enter');
  await form.waitFor({ state: 'detached' });
  assert.equal((await descriptions(page))[0], last);
  assert.equal(await page.locator('.debt-table td.score').first().textContent(), '10');

  // Escape leaves the editor without saving.
  await page.getByRole('button', { name: `Edit ${LESSON_ORDER[0]}` }).click();
  await page.getByRole('form', { name: `Edit ${LESSON_ORDER[0]}` }).getByLabel('Description').fill('Not saved');
  await page.keyboard.press('Escape');
  assert.ok((await descriptions(page)).includes(LESSON_ORDER[0]));

  await page.getByLabel(`Status of ${LESSON_ORDER[0]}`).selectOption('resolved');
  await page.getByText('7 items match.').waitFor();
  await page.getByLabel('Show status').selectOption('resolved');
  await page.getByText('1 item matches.').waitFor();
  await waitForSave(page, () => (localStorage.getItem('mlops-workbench:debt') ?? '').includes('platform-team'));

  await page.reload();
  await page.getByText('7 items match.').waitFor();
  assert.equal((await descriptions(page))[0], last);
  assert.ok(!(await descriptions(page)).includes(LESSON_ORDER[0]));
  assert.deepEqual(context.problems, []);
  await context.close();
});

test('adding an item by keyboard, and deleting it with undo', async () => {
  const context = await env.newContext();
  const page = await openApp(context, '#/debt', env.server);
  await page.getByRole('button', { name: 'Add item' }).click();
  assert.match(await page.locator('#debt-new-description-error').textContent(), /Describe the debt first/);
  await page.getByLabel('Description', { exact: true }).fill('Feature logic duplicated between training and serving');
  await page.getByLabel('Category', { exact: true }).selectOption('model_debt');
  await page.getByLabel('Impact', { exact: true }).selectOption('high');
  await page.getByLabel('Effort', { exact: true }).selectOption('low');
  await page.getByLabel('Owner', { exact: true }).fill('ml-team');
  await page.getByLabel('Description', { exact: true }).press('Enter');
  await page.getByText('1 item matches.').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'debt-new-description');
  await page.getByRole('button', { name: 'Delete Feature logic duplicated between training and serving' }).click();
  await page.getByText('0 items match.').waitFor();
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByText('1 item matches.').waitFor();
  await context.close();
});

test('CSV export, edit, and import back; bad rows are listed and nothing changes until confirmed', async () => {
  const context = await env.newContext();
  const page = await openWithPatterns(context);
  const csv = await downloadText(page, () => page.getByRole('button', { name: 'Export CSV' }).click());
  assert.match(csv.name, /^debt-register-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = csv.text.trim().split('\n');
  assert.equal(lines[0], 'id,category,description,impact,effort,owner,created_at,status,note,link');
  assert.equal(lines.length, 9);

  const edited = csv.text
    .replace('lesson-debt-3,data_debt,Training data not versioned,medium,low,ml-team,2024-02-01,open', 'lesson-debt-3,data_debt,Training data not versioned,medium,low,ml-team,2024-02-01,resolved')
    + ',monitoring,"Alerts go to one person, ""on call"" only",high,low,sre,2024-06-01,open,"two\nlines",\n'
    + ',finance,Bad category,high,low,,,,,\n';
  await page.getByLabel('Import a CSV file').setInputFiles({ name: 'edited.csv', mimeType: 'text/csv', buffer: Buffer.from(edited) });
  const preview = page.getByRole('status').filter({ hasText: '“edited.csv”' });
  await preview.waitFor();
  assert.match(await preview.textContent(), /9 rows can be imported; 1 row can not/);
  assert.match(await preview.textContent(), /Line 12: the category "finance"/);
  assert.equal(await page.locator('.debt-table tbody tr').count(), 8, 'nothing changed before confirming');

  await page.getByRole('button', { name: 'Import the 9 valid rows' }).click();
  await page.getByText('Imported: 1 added, 1 updated, 7 unchanged.').waitFor();
  await page.getByText('8 items match.').waitFor();
  assert.equal((await descriptions(page))[0], 'Alerts go to one person, "on call" only');
  assert.deepEqual(context.problems, []);
  await context.close();
});

test('a second tab sees the register change', async () => {
  const context = await env.newContext();
  const first = await openApp(context, '#/debt', env.server);
  const second = await openApp(context, '#/debt', env.server);
  await first.getByRole('button', { name: 'Add the common ML debt patterns' }).click();
  await second.getByText('8 items match.').waitFor();
  await second.getByLabel(`Status of ${LESSON_ORDER[1]}`).selectOption('in_progress');
  await first.waitForFunction((label) => {
    const select = [...document.querySelectorAll('select')].find((s) => s.labels?.[0]?.textContent === label);
    return select?.value === 'in_progress';
  }, `Status of ${LESSON_ORDER[1]}`);
  await context.close();
});
