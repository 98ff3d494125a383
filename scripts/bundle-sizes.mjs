// Measures the release bundle in dist/: raw, gzip (level 9) and brotli (quality 11) bytes of
// each wasm, js and css file. Used by the bundle budget test and by scripts/bench.mjs.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist');

export function bundleSizes(dist = DIST) {
  const files = fs
    .readdirSync(dist)
    .filter((name) => /\.(wasm|js|css)$/.test(name))
    .map((name) => {
      const bytes = fs.readFileSync(path.join(dist, name));
      return {
        name,
        raw: bytes.length,
        gzip: zlib.gzipSync(bytes, { level: 9 }).length,
        brotli: zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
      };
    });
  const total = files.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  return { files, total };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { files, total } = bundleSizes();
  for (const f of [...files, { name: 'total', ...total }]) {
    console.log(`${f.name.padEnd(48)} raw ${String(f.raw).padStart(8)}  gzip ${String(f.gzip).padStart(8)}  brotli ${String(f.brotli).padStart(8)}`);
  }
}
