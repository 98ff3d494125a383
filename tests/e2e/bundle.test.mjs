// The release bundle stays within its budget: wasm + js + css at most 200 KB brotli.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bundleSizes } from '../../scripts/bundle-sizes.mjs';

const BUDGET_BROTLI = 200 * 1024;

test('wasm + js + css fit the 200 KB brotli budget', () => {
  const { total, files } = bundleSizes();
  assert.ok(files.some((f) => f.name.endsWith('.wasm')), 'a wasm file was built');
  assert.ok(total.brotli <= BUDGET_BROTLI, `brotli total ${total.brotli} B is over ${BUDGET_BROTLI} B`);
});
