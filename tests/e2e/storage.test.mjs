// Local storage that is damaged, full, newer, or shared with another tab: nothing is lost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { setup, openApp, waitForApp, storedEntries, startAssessment, waitForSave, downloadText } from './harness.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const KEY = 'mlops-workbench:assessments';

/** Puts values into local storage before the app first starts (once, not on reloads). */
async function openWithStored(context, entries, fragment = '') {
  await context.addInitScript((entries) => {
    try {
      if (location.protocol !== 'http:' || sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      localStorage.clear();
      for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
    } catch {
      // Documents without storage access (downloads, opaque frames) are not the app.
    }
  }, entries);
  const page = await context.newPage();
  await page.goto(env.server.url + fragment);
  await waitForApp(page);
  return page;
}

test('corrupt storage at start: the app starts, says so, keeps the raw value until the user chooses', async () => {
  const context = await env.newContext();
  const page = await openWithStored(context, { [KEY]: '{"revision": 3, "items": [ this is not json' });
  await page.getByRole('alert').filter({ hasText: 'Some saved data could not be read' }).waitFor();
  await page.getByRole('link', { name: 'Review it on the Workspace data page' }).click();
  await page.getByText('The saved value “mlops-workbench:assessments” could not be read').waitFor();
  assert.match(await page.locator('.recovery-list').textContent(), /line 1, column 29: expected ident/);

  let stored = await storedEntries(page);
  assert.equal(stored[KEY], '{"revision": 3, "items": [ this is not json');
  const copies = Object.entries(stored).filter(([k]) => k.startsWith('mlops-workbench:rescued:assessments:'));
  assert.equal(copies.length, 1);
  assert.equal(copies[0][1], stored[KEY]);

  // A reload finds the copy it made before instead of making another one (copies are
  // stamped to the second, so wait for the next second).
  await page.waitForTimeout(1100);
  await page.reload();
  await page.getByText('The saved value “mlops-workbench:assessments” could not be read').waitFor();
  const afterReload = Object.keys(await storedEntries(page)).filter((k) => k.startsWith('mlops-workbench:rescued:'));
  assert.deepEqual(afterReload, [copies[0][0]]);

  // Editing does not overwrite the damaged value while the user has not chosen.
  await page.getByRole('link', { name: 'Maturity assessments', exact: true }).click();
  await startAssessment(page, 'Written while damaged');
  await page.waitForTimeout(600);
  assert.equal((await storedEntries(page))[KEY], '{"revision": 3, "items": [ this is not json');

  const raw = await downloadText(page, async () => {
    await page.getByRole('link', { name: 'Workspace data', exact: true }).click();
    await page.getByRole('button', { name: 'Download the damaged data' }).click();
  });
  assert.equal(raw.text, '{"revision": 3, "items": [ this is not json');

  await page.getByRole('button', { name: 'Start this part fresh' }).click();
  await waitForSave(page, () => (localStorage.getItem('mlops-workbench:assessments') ?? '').includes('Written while damaged'));
  stored = await storedEntries(page);
  assert.equal(Object.keys(stored).filter((k) => k.includes(':rescued:')).length, 1, 'the copy stays');
  assert.deepEqual(context.problems, []);
  await context.close();
});

test('a record that does not parse is set aside, shown, and kept in storage', async () => {
  const context = await env.newContext();
  const good = { id: 'good', name: 'Readable', created_at: '2026-11-01T00:00:00Z', updated_at: '2026-11-01T00:00:00Z' };
  const bad = { id: 'bad', name: ['not', 'a', 'string'], created_at: '2026-11-01T00:00:00Z', updated_at: '2026-11-01T00:00:00Z' };
  const page = await openWithStored(context, { [KEY]: JSON.stringify({ revision: 1, items: [good, bad] }) });
  await page.getByRole('link', { name: 'Readable' }).waitFor();
  await page.getByText('1 saved record could not be read and is set aside.').waitFor();
  await startAssessment(page, 'New one');
  await waitForSave(page, () => (localStorage.getItem('mlops-workbench:assessments') ?? '').includes('New one'));
  const items = JSON.parse((await storedEntries(page))[KEY]).items;
  assert.deepEqual(items.find((i) => i.id === 'bad'), bad, 'the unreadable record is written back unchanged');

  await page.getByRole('link', { name: 'Workspace data', exact: true }).click();
  assert.match(await page.locator('.recovery-list').textContent(), /assessments\[1\]\.name/);
  await page.getByRole('button', { name: 'Discard record “bad”' }).click();
  await waitForSave(page, () => !(localStorage.getItem('mlops-workbench:assessments') ?? '').includes('"bad"'));
  await context.close();
});

test('full storage shows a banner, keeps the edits in the page, and export still works', async () => {
  const context = await env.newContext();
  await context.addInitScript(() => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (window.__storageFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.call(this, key, value);
    };
  });
  const page = await openApp(context, '', env.server);
  await startAssessment(page, 'Before full');
  await waitForSave(page, () => (localStorage.getItem('mlops-workbench:assessments') ?? '').includes('Before full'));
  await page.evaluate(() => { window.__storageFull = true; });
  await page.getByLabel('Assessor', { exact: true }).fill('Typed when full');
  const banner = page.getByRole('alert').filter({ hasText: 'storage for the workbench is full' });
  await banner.waitFor();
  assert.equal(await page.getByLabel('Assessor', { exact: true }).inputValue(), 'Typed when full');
  const exported = await downloadText(page, () => banner.getByRole('button', { name: 'Export workspace' }).click());
  assert.match(exported.text, /Typed when full/);

  await page.evaluate(() => { window.__storageFull = false; });
  await page.getByLabel('Assessor', { exact: true }).fill('Typed when full, then saved');
  await banner.waitFor({ state: 'detached' });
  await context.close();
});

test('data from a newer version is not overwritten', async () => {
  const context = await env.newContext();
  const meta = JSON.stringify({ format: 'mlops-governance-workbench', schema_version: 9 });
  const value = '{"revision":4,"items":[],"something_new":true}';
  const page = await openWithStored(context, { 'mlops-workbench:meta': meta, [KEY]: value });
  await page.getByRole('alert').filter({ hasText: 'written by a newer version of the workbench (schema version 9' }).waitFor();
  await startAssessment(page, 'Not saved');
  await page.waitForTimeout(600);
  const stored = await storedEntries(page);
  assert.equal(stored[KEY], value);
  assert.equal(stored['mlops-workbench:meta'], meta);
  await context.close();
});

test('two tabs see each other’s edits, and a tab that meets a newer schema stops writing', async () => {
  const context = await env.newContext();
  const first = await openApp(context, '', env.server);
  const second = await openApp(context, '', env.server);
  await startAssessment(first, 'Made in tab one');
  await second.getByRole('link', { name: 'Made in tab one' }).waitFor();
  await second.getByRole('link', { name: 'Made in tab one' }).click();
  await second.getByLabel('Assessor', { exact: true }).fill('Edited in tab two');
  await first.getByLabel('Assessor', { exact: true }).waitFor();
  await first.waitForFunction(() => document.querySelector('#assessment-assessor')?.value === 'Edited in tab two');

  // Both tabs edit different records at almost the same time: neither edit is lost.
  await first.getByRole('link', { name: 'All assessments' }).click();
  await startAssessment(first, 'Second record from tab one');
  await second.getByRole('checkbox', { name: 'Model registry', exact: true }).check();
  await waitForSave(first, () => {
    const raw = localStorage.getItem('mlops-workbench:assessments') ?? '';
    return raw.includes('Second record from tab one') && raw.includes('"model-registry"');
  });

  // A newer app version writes metadata from another tab: this tab stops writing.
  await second.evaluate(() => localStorage.setItem('mlops-workbench:meta', JSON.stringify({ format: 'mlops-governance-workbench', schema_version: 99 })));
  await first.getByRole('alert').filter({ hasText: 'this page has stopped saving' }).waitFor();
  const before = (await storedEntries(first))['mlops-workbench:assessments'];
  await first.getByLabel('Assessor', { exact: true }).fill('Must not be written');
  await first.waitForTimeout(600);
  assert.equal((await storedEntries(first))['mlops-workbench:assessments'], before);
  await context.close();
});

test('an edit made just before leaving is saved at once, and a 100 kB paste is kept', async () => {
  const context = await env.newContext();
  const page = await openApp(context, '', env.server);
  await startAssessment(page, 'Quick leaver');
  await page.getByText('Evidence and link for Feature store').click();
  const long = 'Evidence paragraph with <b>markup</b> & ünïcode. '.repeat(2100).slice(0, 100_000);
  await page.getByLabel('Evidence for Feature store').fill(long);
  // Reload at once, well inside the 300 ms save delay: pagehide must flush the save.
  await page.getByLabel('Assessor', { exact: true }).fill('Typed right before reload');
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Quick leaver' }).waitFor();
  assert.equal(await page.getByLabel('Assessor', { exact: true }).inputValue(), 'Typed right before reload');
  assert.equal(await page.getByLabel('Evidence for Feature store').inputValue(), long);
  assert.deepEqual(context.problems, []);
  await context.close();
});

test('a really full local storage gives the banner, and saving resumes once there is room', async () => {
  const context = await env.newContext();
  const page = await openApp(context, '', env.server);
  await startAssessment(page, 'Real quota');
  await waitForSave(page, () => (localStorage.getItem('mlops-workbench:assessments') ?? '').includes('Real quota'));
  // Another app on the origin fills the storage to the last byte.
  const filled = await page.evaluate(() => {
    let low = 0;
    let high = 64 * 1024 * 1024;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      try {
        localStorage.setItem('other-app-filler', 'x'.repeat(mid));
        low = mid;
      } catch {
        high = mid - 1;
      }
    }
    localStorage.setItem('other-app-filler', 'x'.repeat(low));
    return low;
  });
  assert.ok(filled > 1000, `filled ${filled}`);
  await page.getByLabel('Assessor', { exact: true }).fill('A longer assessor name that no longer fits');
  const banner = page.getByRole('alert').filter({ hasText: 'storage for the workbench is full' });
  await banner.waitFor();
  assert.equal(await page.getByLabel('Assessor', { exact: true }).inputValue(), 'A longer assessor name that no longer fits');

  await page.evaluate(() => localStorage.removeItem('other-app-filler'));
  await page.getByLabel('Assessor', { exact: true }).fill('Saved again');
  await banner.waitFor({ state: 'detached' });
  await waitForSave(page, () => (localStorage.getItem('mlops-workbench:assessments') ?? '').includes('Saved again'));
  await context.close();
});

test('a save writes only its own collection; the metadata is written once', async () => {
  const context = await env.newContext();
  const page = await openApp(context, '', env.server);
  await startAssessment(page, 'Quiet saves');
  await waitForSave(page, () => (localStorage.getItem('mlops-workbench:assessments') ?? '').includes('Quiet saves'));
  const before = await storedEntries(page);
  assert.ok(before['mlops-workbench:meta']);
  await page.evaluate(() => {
    window.__writes = [];
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      window.__writes.push(key);
      return original.call(this, key, value);
    };
  });
  await page.getByLabel('Assessor', { exact: true }).fill('One save');
  await waitForSave(page, () => (localStorage.getItem('mlops-workbench:assessments') ?? '').includes('One save'));
  assert.deepEqual(await page.evaluate(() => window.__writes), ['mlops-workbench:assessments']);
  assert.equal((await storedEntries(page))['mlops-workbench:meta'], before['mlops-workbench:meta']);
  await context.close();
});

/** Holds back the decoders of every collection but the assessments until `release` runs. */
async function holdOtherCollections(target) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await target.route(/\/split_records\.wasm/, async (route) => { await held; await route.continue(); });
  return release;
}

test('data stored by an older version is upgraded at start and written back whole, before any page decodes it', async () => {
  const context = await env.newContext();
  // The golden workspace file of schema version 4, as that version stored it.
  const file = JSON.parse(fs.readFileSync(new URL('../fixtures/workspace-v4.json', import.meta.url), 'utf8'));
  const entries = { 'mlops-workbench:meta': JSON.stringify({ format: file.format, schema_version: 4 }) };
  for (const [key, value] of Object.entries(file.workspace)) {
    entries[`mlops-workbench:${key}`] = JSON.stringify({ revision: 3, items: value.items });
  }
  const release = await holdOtherCollections(context);
  const page = await openWithStored(context, entries);
  await page.getByRole('status').filter({ hasText: 'upgraded from schema version 4 to 7' }).waitFor();
  await page.getByRole('link', { name: 'Fraud detection' }).waitFor();

  // Only the assessments are decoded, yet every collection is already stored at the new
  // schema: storage never mixes two versions.
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('mlops-workbench:meta')).schema_version === 7);
  const stored = await storedEntries(page);
  for (const key of Object.keys(file.workspace)) {
    assert.equal(JSON.parse(stored[`mlops-workbench:${key}`]).revision, 4, key);
  }
  const card = JSON.parse(stored['mlops-workbench:cards']).items[0];
  assert.deepEqual(card.card.eval_results, [], 'the cards are migrated (version 5 adds evaluation results)');
  assert.ok(JSON.parse(stored['mlops-workbench:assessments']).items.every((a) => a.instrument === 'maturity'));

  release();
  await page.getByRole('link', { name: 'Debt register' }).click();
  await page.getByText('No automated data validation in pipeline').first().waitFor();
  await page.getByRole('link', { name: 'Model cards' }).click();
  await page.getByRole('link', { name: 'product_recommendation_model' }).waitFor();
  await page.reload();
  await waitForApp(page);
  await page.getByRole('link', { name: 'product_recommendation_model' }).waitFor();
  assert.equal(await page.getByText('upgraded from schema version').count(), 0);
  assert.deepEqual(context.problems, []);
  await context.close();
});

test('another tab’s write to a collection this tab has not decoded yet is what it then shows', async () => {
  const context = await env.newContext();
  const first = await context.newPage();
  const release = await holdOtherCollections(first);
  await first.goto(env.server.url);
  await waitForApp(first);
  const second = await openApp(context, '#/debt', env.server);
  await second.getByRole('button', { name: 'Add the common ML debt patterns' }).click();
  await second.getByText('8 items match.').waitFor();
  await waitForSave(second, () => (localStorage.getItem('mlops-workbench:debt') ?? '').includes('Training data not versioned'));

  release();
  await first.getByRole('link', { name: 'Debt register' }).click();
  await first.getByText('8 items match.').waitFor();
  assert.deepEqual(context.problems, []);
  await context.close();
});
