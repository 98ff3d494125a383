// A small static server for dist/: sends the precompressed copy (.br, else .gz) when the
// browser accepts it, hashed assets with a year-long immutable cache, and the page, its loader
// and the service worker with `no-cache` so a new deploy is seen on the next load. Binds to
// 127.0.0.1 only. Usage: node scripts/serve.mjs DIST PORT
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Content types by file ending (the browser tests' server uses the same table). */
export const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};
const HASHED = /[\\/]app-[0-9a-f]{16}[\\/]|-[0-9a-f]{16}\.css$/;

/** A request handler serving the files under `root`. */
export function staticHandler(root) {
  return (req, res) => serve(path.resolve(root), req, res);
}

function serve(root, req, res) {
  const url = new URL(req.url, 'http://localhost');
  let relative;
  try {
    relative = decodeURIComponent(url.pathname);
  } catch {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('bad request');
    return;
  }
  if (relative.endsWith('/')) relative += 'index.html';
  const file = path.normalize(path.join(root, relative));
  if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
    return;
  }
  const headers = {
    'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'cache-control': HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
    vary: 'accept-encoding',
  };
  const accepted = String(req.headers['accept-encoding'] ?? '');
  let body = file;
  for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
    if (accepted.includes(encoding) && fs.existsSync(file + suffix)) {
      headers['content-encoding'] = encoding;
      body = file + suffix;
      break;
    }
  }
  headers['content-length'] = fs.statSync(body).size;
  res.writeHead(200, headers);
  if (req.method === 'HEAD') res.end();
  else fs.createReadStream(body).pipe(res);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const port = Number(process.argv[3] ?? 8080);
  http.createServer(staticHandler(process.argv[2] ?? 'dist')).listen(port, '127.0.0.1', () => {
    console.log(`The workbench is at http://127.0.0.1:${port}/  (Ctrl+C to stop)`);
  });
}
