// The release bundle (wasm + js + css, brotli) must not grow unnoticed.
//
// The whole app's target is 250 KB brotli. The foundation and the debt register used 245.9 KB;
// model cards (#3: every field's editor, the HTML renderer, a YAML reader for Hugging Face
// READMEs) brought it to 326 KB and workshops (#6: the room, history, comparison, share
// links) to 380 KB and the lifecycle (#5: checklists, approvals, security audits, team
// structures) to 436 KB (437,787 B), and the restructuring into one registry of collections
// (#10: generic visitors and a store that finds collections by type) to about 440.3 KB, and
// real cards (#11: evaluation results and their editor, lossless README import and export,
// Model Card Toolkit and CycloneDX import and export) to 490.7 KB (490,656 B), and the
// comparison of two cards with the patched preview (#12) to 501.9 KB (501,875 B) and with the
// preview following the field to about 503.5 KB, the ML Test Score with rooms that show
// disagreement, targets and gaps (#15) to 549.1 KB (549,075 B) and review packages with the
// SHA-256 hash chain (#13: sha2, the package reader and verifier, the "Review a package" page)
// to 570.0 KB (570,030 B), and offline use (#14: sw.js, the update notice in boot.js,
// persistent storage) to 573.4 KB (573,423 B), so the target is missed (see README "Benchmark" and the issue notes for
// what each part costs).
//
// Since #14 the release build (scripts/build.mjs) cuts the wasm into a main module and a module
// per feature with chunks they share, fetched on a feature's first visit. The first page needs
// what index.html names: FIRST_PAGE_GUARD_BROTLI (the target is 150 KB, missed: the
// main module holds Leptos, serde_json, the shell and the assessments; see the issue note).
// The other collections' decoders (`records`) are fetched once the first page shows, and every
// other page awaits them: RECORDS_GUARD_BROTLI. Each feature then adds its module and chunks,
// at most the FEATURE_LIMIT_BROTLI: the card list, the card editor and the card file
// formats are features of their own, and so are the workshop room, a team's history with the
// comparison, and a shared assessment. Every file compressed alone adds up to more than the one
// module did (TOTAL_GUARD_BROTLI): that is the price of fetching only what a page needs.
// The guards sit just above the measured sizes: a change that grows past one must raise it and
// say in its note what the bytes buy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bundleSizes } from '../../scripts/bundle-sizes.mjs';

const FIRST_PAGE_GUARD_BROTLI = 209_500;
/** The first page's bytes on the wire from a server that does not compress (wasm as its .gz copy). */
const FIRST_PAGE_GUARD_UNCOMPRESSED_SERVER = 310_000;
/** The limit of issue #14: no page's first visit adds more (beyond the records chunk). */
const FEATURE_LIMIT_BROTLI = 120_000;
const RECORDS_GUARD_BROTLI = 91_000;
const TOTAL_GUARD_BROTLI = 797_500;

test('the first page, each feature and the whole build stay under their size guards', () => {
  const { total, firstPage, features } = bundleSizes();
  assert.ok(firstPage.files.some((f) => f.name.endsWith('app_bg.wasm')), 'the page names the main module');
  assert.ok(firstPage.brotli <= FIRST_PAGE_GUARD_BROTLI, `first page ${firstPage.brotli} B brotli is over the guard of ${FIRST_PAGE_GUARD_BROTLI} B`);
  assert.ok(firstPage.uncompressedServer <= FIRST_PAGE_GUARD_UNCOMPRESSED_SERVER, `first page from a server that does not compress: ${firstPage.uncompressedServer} B is over the guard of ${FIRST_PAGE_GUARD_UNCOMPRESSED_SERVER} B`);
  assert.deepEqual(features.map((f) => f.name).sort(), ['approvals', 'assessment', 'card_editor', 'card_formats', 'cards', 'checklists', 'comparison', 'data', 'debt', 'records', 'shared', 'workshop']);
  const records = features.find((f) => f.name === 'records');
  assert.ok(records.brotli <= RECORDS_GUARD_BROTLI, `records: ${records.brotli} B brotli is over the guard of ${RECORDS_GUARD_BROTLI} B`);
  for (const feature of features.filter((f) => f !== records)) {
    assert.ok(feature.brotli <= FEATURE_LIMIT_BROTLI, `feature ${feature.name}: ${feature.brotli} B brotli is over the limit of ${FEATURE_LIMIT_BROTLI} B`);
  }
  assert.ok(total.brotli <= TOTAL_GUARD_BROTLI, `all files: ${total.brotli} B brotli is over the guard of ${TOTAL_GUARD_BROTLI} B`);
});
