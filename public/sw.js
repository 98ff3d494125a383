// The service worker: the app opens and works offline after one visit.
//
// - The page (index.html) is fetched from the network first, so a new deploy is picked up on
//   the next load; offline, the last one saved here is used.
// - Files with a content hash in their name (main-0123456789abcdef.css) or in a folder named by
//   one (app-0123456789abcdef/…: the main module, its JS and every feature chunk, written by
//   scripts/build.mjs) never change: they come from the cache when there, else from the
//   network and are kept.
// - Other files (boot.js) come from the cache at once and are refreshed in the background.
// - On install, the page, every file it names and every file of its app folder (the folder's
//   files.json) are cached, so the first visit is enough, for every feature.
// - Hashed files the current page no longer names are removed after it is fetched.
// The app's data is in local storage, never here.
const CACHE = 'mlops-workbench-v1';
const HASHED = /\/app-[0-9a-f]{16}\/|-[0-9a-f]{16}\.css$/;
const scope = new URL(self.registration.scope);
const page = new URL('index.html', scope).href;

/** The files a page needs: those it names (stylesheet, loader, JS glue, main module) and the
 *  rest of its app folder (the feature chunks), as listed in the folder's files.json. */
async function assetsOf(html) {
  const names = new Set(['boot.js', 'wasm-fetch.js']);
  for (const [, name] of html.matchAll(/(?:href|src|data-js|data-wasm)="\.?\/?([^"#?]+\.(?:css|js|wasm))"/g)) {
    names.add(name);
  }
  const folder = html.match(/data-js="\.?\/?(app-[0-9a-f]{16})\//)?.[1];
  if (folder) {
    const listing = await fetch(new URL(`${folder}/files.json`, scope).href);
    if (!listing.ok) throw new Error(`${folder}/files.json: ${listing.status}`);
    for (const file of await listing.json()) names.add(`${folder}/${file}`);
  }
  return [...names].map((name) => new URL(name, scope).href);
}

/** Keeps one file. From a server that sends files uncompressed (as it sent the page), a wasm
 *  module is fetched as the build's gzip copy (X.wasm.gz, about a third of the bytes), as
 *  wasm-fetch.js does, and kept unpacked under its own name once it proves to be wasm. */
async function keep(cache, url, serverCompresses) {
  if (!serverCompresses && url.endsWith('.wasm') && typeof DecompressionStream === 'function') {
    const packed = await fetch(`${url}.gz`);
    if (packed.ok && packed.body) {
      const alreadyUnpacked = /gzip/i.test(packed.headers.get('content-encoding') ?? '');
      const body = alreadyUnpacked ? packed.body : packed.body.pipeThrough(new DecompressionStream('gzip'));
      const bytes = await new Response(body).arrayBuffer();
      if (WebAssembly.validate(bytes)) {
        await cache.put(url, new Response(bytes, { headers: { 'content-type': 'application/wasm' } }));
        return;
      }
    }
  }
  await cache.add(url);
}

/** Keeps the page and every file it names; then drops hashed files it no longer names. */
async function keepPage(response) {
  const cache = await caches.open(CACHE);
  const html = await response.clone().text();
  const wanted = new Set(await assetsOf(html));
  const serverCompresses = Boolean(response.headers.get('content-encoding'));
  const missing = [];
  for (const url of wanted) {
    if (!(await cache.match(url))) missing.push(url);
  }
  await Promise.all(missing.map((url) => keep(cache, url, serverCompresses)));
  await cache.put(page, response.clone());
  for (const request of await cache.keys()) {
    if (HASHED.test(new URL(request.url).pathname) && !wanted.has(request.url)) {
      await cache.delete(request);
    }
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const response = await fetch(page, { cache: 'no-cache' });
    if (response.ok) await keepPage(response);
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== scope.origin || !url.href.startsWith(scope.href)) return;
  if (request.mode === 'navigate' || url.href === page || url.href === scope.href) {
    event.respondWith((async () => {
      try {
        // By URL: a navigation request cannot be re-issued with other options everywhere.
        const response = await fetch(url.href, { cache: 'no-cache' });
        if (response.ok) event.waitUntil(keepPage(response.clone()));
        return response;
      } catch (offline) {
        return (await caches.match(page)) ?? Response.error();
      }
    })());
    return;
  }
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const cached = await cache.match(request);
    if (cached && HASHED.test(url.pathname)) return cached;
    const refresh = fetch(request).then(async (response) => {
      if (response.ok) await cache.put(request, response.clone());
      return response;
    });
    if (!cached) return refresh;
    event.waitUntil(refresh.catch(() => undefined));
    return cached;
  })());
});
