// The release build: the app's wasm cut into a main module and one chunk per feature, in dist/.
//
// Trunk 0.21 cannot split a wasm module, so the release build runs the steps itself (the same
// ones cargo-leptos runs for `--split`); `trunk serve` stays the development server (unsplit).
//   1. cargo builds the app with the `split` feature and relocations kept (--emit-relocs);
//   2. wasm-split-cli (wasm_split_cli_support, pinned in scripts/setup.sh) cuts it at the
//      split points of src/web/pages.rs: the main module, a module per feature, and chunks of
//      code that several features share, plus __wasm_split.js, which fetches them on demand;
//   3. wasm-bindgen makes the JS glue of the main module (--keep-lld-exports: the chunks link
//      against the main module's functions);
//   4. wasm-opt -Oz shrinks every module, as Trunk did for the one module before;
//      __wasm_split.js is made to fetch through public/wasm-fetch.js, as boot.js does, and
//      esbuild minifies the JS glue and (step 6) the stylesheet;
//   5. everything of one build goes into a folder named by the hash of its contents
//      (app-0123456789abcdef/), so files link to each other by fixed names while the folder
//      is cached forever; files.json lists the folder for the service worker;
//   6. public/index.html (also Trunk's template) gets its stylesheet, loader and preload links;
//   7. every file gets .br and .gz copies (scripts/precompress.mjs).
// Usage: node scripts/build.mjs [--features a,b] [--dist DIR]   (default dist/)
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// Minifies the JS glue, the split loader and the stylesheet (as cargo-leptos does with swc):
// on a server that does not compress they are sent as they are, 33 kB less on the wire.
import { transformSync } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = 'mlops-governance-workbench';
// Features the target supports in every browser the app names; wasm-split's chunks carry no
// target_features section for wasm-opt to read, so they are given here.
const WASM_FEATURES = ['bulk-memory', 'nontrapping-float-to-int', 'sign-ext', 'mutable-globals', 'reference-types', 'multivalue']
  .map((feature) => `--enable-${feature}`);

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const features = ['split', ...(option('--features')?.split(',').filter(Boolean) ?? [])];
const dist = path.resolve(ROOT, option('--dist') ?? 'dist');
const work = path.join(ROOT, 'target', 'split-build');

function run(command, commandArgs, env = {}) {
  const result = spawnSync(command, commandArgs, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    console.error(`build: ${command} ${commandArgs.join(' ')} failed`);
    process.exit(1);
  }
}

const hashOf = (bytes, length = 16) => crypto.createHash('sha256').update(bytes).digest('hex').slice(0, length);
const integrity = (bytes) => `sha384-${crypto.createHash('sha384').update(bytes).digest('base64')}`;

// 1. cargo. The wasm32 rustflags of .cargo/config.toml are repeated because RUSTFLAGS replaces them.
run('cargo', ['build', '--locked', '--release', '--target', 'wasm32-unknown-unknown', '--bin', BIN, '--features', features.join(',')], {
  RUSTFLAGS: '--cfg erase_components -Clink-args=--emit-relocs',
});
const linked = path.join(ROOT, 'target', 'wasm32-unknown-unknown', 'release', `${BIN}.wasm`);

// 2. Split.
const splitDir = path.join(work, 'split');
fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(splitDir, { recursive: true });
run('wasm-split-cli', [linked, splitDir, '--out-name', 'app']);

// 3. JS glue of the main module.
const app = path.join(work, 'app');
run('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--no-demangle', '--no-typescript', '--out-dir', app, '--out-name', 'app', path.join(splitDir, 'app.wasm')]);

// 4. Optimize every module into the app folder, one wasm-opt per core.
const modules = fs.readdirSync(splitDir).filter((name) => name.endsWith('.wasm') && name !== 'app.wasm');
const queue = ['app_bg.wasm', ...modules];
const optimize = async () => {
  for (let name = queue.shift(); name; name = queue.shift()) {
    const input = name === 'app_bg.wasm' ? path.join(app, name) : path.join(splitDir, name);
    const flags = ['-Oz', '--strip-debug', '--strip-producers', '--strip-target-features', ...WASM_FEATURES];
    const child = spawn('wasm-opt', [...flags, input, '-o', path.join(app, name)], { stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk) => { errors += chunk; });
    const status = await new Promise((resolve) => child.on('close', resolve));
    if (status !== 0) {
      console.error(`build: wasm-opt ${name} failed:\n${errors}`);
      process.exit(1);
    }
  }
};
await Promise.all(Array.from({ length: os.availableParallelism() }, optimize));
// The split loader fetches modules through public/wasm-fetch.js (gzip copies from servers
// that do not compress), like boot.js does for the main module. wasm-split writes the same
// six lines for each of its 180-odd modules (58 kB, sent as it is by such servers): each
// becomes one call of a shared `load`, and chunk names shrink (__chunk_12 to c12), so the
// file is a third of that. scripts/bundle-sizes.mjs reads which modules each feature needs
// from this form.
const splitLoader = fs.readFileSync(path.join(splitDir, '__wasm_split.js'), 'utf8');
const loaders = /(?:\/\*[^*]*\*\/\n)?((?:export )?const \w+ = )(wrapAsyncCb\()?makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([^"]+\.wasm)", import\.meta\.url\)\);\s*src\.catch\(\(\) => \{\}\);\s*return async \(imports\) => \(WebAssembly\.instantiateStreaming\(src, imports\)\);\s*\}\s*, \[([^\]]*)\]\)\)?;/g;
let compacted = 0;
const compact = splitLoader.replace(loaders, (_, declaration, wrapped, file, deps) => {
  compacted += 1;
  return `${declaration}${wrapped ? 'wrapAsyncCb(' : ''}load("${file}", [${deps}])${wrapped ? ')' : ''};`;
}).replace(/\b__chunk_(\d+)\b/g, 'c$1');
if (compacted !== modules.length || /\bfetch\(/.test(compact)) {
  console.error('build: __wasm_split.js does not fetch each module the way this build expects');
  process.exit(1);
}
const load = 'const load = (file, deps) => makeLoad(() => {\n    const src = fetchWasm(new URL(`./${file}`, import.meta.url));\n    src.catch(() => {});\n    return async (imports) => WebAssembly.instantiateStreaming(src, imports);\n}, deps);';
fs.writeFileSync(path.join(app, '__wasm_split.js'), `import { fetchWasm } from "../wasm-fetch.js";\n${load}\n${compact}`);

// Minified JS glue (an ES module keeps its export names and import.meta.url). The split
// loader stays in its compact form above, which scripts/bundle-sizes.mjs reads.
for (const name of ['app.js']) {
  const file = path.join(app, name);
  fs.writeFileSync(file, transformSync(fs.readFileSync(file, 'utf8'), { loader: 'js', format: 'esm', minify: true, target: 'es2020' }).code);
}

// 5. The folder named by its contents, with the list of its files.
const files = fs.readdirSync(app).sort();
const folderHash = crypto.createHash('sha256');
for (const name of files) folderHash.update(name).update(fs.readFileSync(path.join(app, name)));
const folder = `app-${folderHash.digest('hex').slice(0, 16)}`;
fs.writeFileSync(path.join(app, 'files.json'), `${JSON.stringify(files, null, 1)}\n`);

fs.rmSync(dist, { recursive: true, force: true });
fs.mkdirSync(dist, { recursive: true });
fs.cpSync(app, path.join(dist, folder), { recursive: true });

// 6. The page, from Trunk's template: the stylesheet hashed, the loader and preloads in place
//    of the rust link, copy-file links copied.
const css = Buffer.from(transformSync(fs.readFileSync(path.join(ROOT, 'style', 'main.css'), 'utf8'), { loader: 'css', minify: true }).code);
const cssName = `main-${hashOf(css)}.css`;
fs.writeFileSync(path.join(dist, cssName), css);
const js = `./${folder}/app.js`;
const wasm = `./${folder}/app_bg.wasm`;
let html = fs.readFileSync(path.join(ROOT, 'public', 'index.html'), 'utf8');
html = html.replace(/ *<link data-trunk rel="css"[^>]*>\n/, `  <link rel="stylesheet" href="./${cssName}" integrity="${integrity(css)}">\n`);
html = html.replace(/ *<link data-trunk rel="copy-file" href="([^"]+)">\n/g, (_, file) => {
  fs.copyFileSync(path.join(ROOT, 'public', file), path.join(dist, file));
  return '';
});
html = html.replace(/ *<link data-trunk rel="rust"[^>]*>\n/, [
  `  <script type="module" async src="./boot.js" data-js="${js}" data-wasm="${wasm}"></script>`,
  `  <link rel="modulepreload" href="${js}" integrity="${integrity(fs.readFileSync(path.join(app, 'app.js')))}">`,
  `  <link rel="modulepreload" href="./${folder}/__wasm_split.js" integrity="${integrity(fs.readFileSync(path.join(app, '__wasm_split.js')))}">`,
  // No preload of the main module: boot.js chooses the plain file or its gzip copy.
  '  <link rel="modulepreload" href="./wasm-fetch.js">',
  '',
].join('\n'));
if (html.includes('data-trunk')) {
  console.error('build: public/index.html has a data-trunk link this build does not know');
  process.exit(1);
}
fs.writeFileSync(path.join(dist, 'index.html'), html);

// 7. Precompressed copies.
run('node', [path.join(ROOT, 'scripts', 'precompress.mjs'), dist]);
console.log(`build: ${dist} (${folder}: the main module and ${modules.length} chunks)`);
