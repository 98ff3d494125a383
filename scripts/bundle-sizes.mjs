// Measures the release build in dist/ (scripts/build.mjs): raw, gzip (level 9) and brotli
// (quality 11) bytes of every wasm, js and css file, of what the first page needs (what
// index.html names: stylesheet, loader, JS glue, split loader, main module) and of what each
// feature adds when first visited (its module and the shared chunks it waits for, as listed
// in __wasm_split.js, beyond the other collections' decoders, `records`, which every page but
// the first awaits and the app fetches once the first page shows), and the first page's bytes from a server that does not compress. Used by the bundle budget test and by scripts/bench.mjs.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');

function measure(dist, name) {
  const bytes = fs.readFileSync(path.join(dist, name));
  return {
    name,
    raw: bytes.length,
    gzip: zlib.gzipSync(bytes, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const sum = (files) => files.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });

/** Each loader of __wasm_split.js: the file it fetches and the loaders it waits for. */
function loaders(splitJs) {
  const found = new Map();
  // As scripts/build.mjs writes it: `const c12 = load("chunk_12.wasm", [c3, c7]);`.
  const pattern = /(?:export )?const (\w+) = (?:wrapAsyncCb\()?load\("([^"]+)", \[([^\]]*)\]/g;
  for (const [, name, file, deps] of splitJs.matchAll(pattern)) {
    found.set(name, { file, deps: deps.split(',').map((d) => d.trim()).filter(Boolean) });
  }
  return found;
}

export function bundleSizes(dist = DIST) {
  const files = fs
    .readdirSync(dist, { recursive: true })
    .filter((name) => /\.(wasm|js|css)$/.test(name))
    .sort()
    .map((name) => measure(dist, name));
  const byName = new Map(files.map((f) => [f.name, f]));
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const named = [...html.matchAll(/(?:href|src|data-js|data-wasm)="\.\/([^"]+\.(?:css|js|wasm))"/g)].map(([, name]) => name);
  const firstPage = [...new Set(named)].map((name) => byName.get(name)).filter(Boolean);

  const folder = named.find((name) => name.endsWith('/app.js'))?.replace(/\/app\.js$/, '');
  const features = [];
  const splitJs = folder && path.join(dist, folder, '__wasm_split.js');
  if (splitJs && fs.existsSync(splitJs)) {
    const all = loaders(fs.readFileSync(splitJs, 'utf8'));
    /** The files a loader fetches: its module and, transitively, the chunks it waits for. */
    const closure = (loader, needed = new Set()) => {
      const entry = all.get(loader);
      if (!entry || needed.has(entry.file)) return needed;
      needed.add(entry.file);
      entry.deps.forEach((dep) => closure(dep, needed));
      return needed;
    };
    // Every page but the first awaits the decoders of the other collections (the `records`
    // split point, src/web/storage/rest.rs), which the app fetches as soon as the first page
    // shows: a feature's first visit adds its own files beyond those.
    const records = closure('__wasm_split_load_records');
    const measured = (names) => {
      const parts = [...names].map((name) => byName.get(`${folder}/${name}`)).filter(Boolean);
      return { files: parts.length, ...sum(parts) };
    };
    features.push({ name: 'records', module: all.get('__wasm_split_load_records')?.file, ...measured(records) });
    for (const [loader, { file }] of all) {
      const feature = loader.match(/^__wasm_split_load_(\w+)$/)?.[1];
      if (!feature || feature === 'records') continue;
      const own = [...closure(loader)].filter((name) => !records.has(name));
      features.push({ name: feature, module: file, ...measured(own) });
    }
  }
  // Bytes on the wire from a server that sends files as they are: wasm as its gzip copy
  // (public/wasm-fetch.js), everything else plain.
  const uncompressedServer = firstPage.reduce((t, f) => t + (f.name.endsWith('.wasm') ? f.gzip : f.raw), 0);
  return { files, total: sum(files), firstPage: { files: firstPage, ...sum(firstPage), uncompressedServer }, features };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { files, total, firstPage, features } = bundleSizes();
  const row = (name, f) => console.log(`${name.padEnd(48)} raw ${String(f.raw).padStart(8)}  gzip ${String(f.gzip).padStart(8)}  brotli ${String(f.brotli).padStart(8)}`);
  for (const f of files) row(f.name, f);
  row('total', total);
  console.log();
  row('first page (what index.html names)', firstPage);
  console.log(`first page from a server that does not compress: ${firstPage.uncompressedServer} B on the wire (wasm as .gz copies)`);
  for (const f of features) row(`${f.name === 'records' ? 'records, after the first page' : `feature ${f.name}`} (${f.files} files)`, f);
}
