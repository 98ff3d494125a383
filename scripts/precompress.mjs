// Writes a brotli (.br) and a gzip (.gz) copy beside every text or wasm asset of a built
// dist/, so a static server can send them as they are (nginx gzip_static / brotli_static,
// Caddy's `precompressed`, scripts/serve.mjs) instead of compressing on every request or not
// at all. Run by Trunk after each build (Trunk.toml, post_build hook) in its staging folder.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const COMPRESSED = new Set(['.wasm', '.js', '.css', '.html', '.json', '.svg', '.txt']);
const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir || !fs.existsSync(dir)) {
  console.error('precompress: give the dist folder (or run it as a Trunk hook)');
  process.exit(2);
}

let count = 0;
for (const entry of fs.readdirSync(dir, { recursive: true })) {
  const file = path.join(dir, entry);
  if (!COMPRESSED.has(path.extname(file)) || !fs.statSync(file).isFile()) continue;
  const bytes = fs.readFileSync(file);
  fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(bytes, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  }));
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(bytes, { level: 9 }));
  count += 1;
}
console.log(`precompress: ${count} files in ${dir} now have .br and .gz copies`);
