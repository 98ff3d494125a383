// The release bundle stays within its budget: wasm + js + css at most 250 KB brotli (the whole app's budget).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bundleSizes } from '../../scripts/bundle-sizes.mjs';

// The whole app (all features) gets 250 KB; the foundation alone was 190 KB before the debt register.
const BUDGET_BROTLI = 250 * 1024;

test('wasm + js + css fit the 250 KB brotli budget', () => {
  const { total, files } = bundleSizes();
  assert.ok(files.some((f) => f.name.endsWith('.wasm')), 'a wasm file was built');
  assert.ok(total.brotli <= BUDGET_BROTLI, `brotli total ${total.brotli} B is over ${BUDGET_BROTLI} B`);
});
