// Fetches a wasm module as a Response for WebAssembly.instantiateStreaming, for boot.js (the
// main module) and __wasm_split.js (a feature's modules; scripts/build.mjs points it here).
//
// Many internal hosts send files as they are, uncompressed: the main module alone is then
// about 860 kB on the wire. The build writes a gzip copy beside every file (X.wasm.gz,
// scripts/precompress.mjs). When the page itself arrived uncompressed, the copy is fetched and
// unpacked here (DecompressionStream), about a third of the bytes. A server that compresses
// (scripts/serve.mjs, nginx, Caddy) is asked for the plain file and sends its best encoding;
// so is the service worker once it controls the page (its files are already here).
const navigation = performance.getEntriesByType('navigation')[0];
const pageCameUncompressed = Boolean(navigation)
  && navigation.encodedBodySize > 0
  && navigation.encodedBodySize === navigation.decodedBodySize;
const unpacksHere = pageCameUncompressed
  && !navigator.serviceWorker?.controller
  && typeof DecompressionStream === 'function';

/** The module at `url` (a string or URL), from its gzip copy when that saves bytes. */
export async function fetchWasm(url) {
  if (unpacksHere) {
    try {
      const packed = await fetch(`${url}.gz`);
      if (packed.ok && packed.body) return unpacked(packed);
    } catch {
      // No copy, or the network failed: the plain file below says which.
    }
  }
  return fetch(url);
}

/** The wasm inside a fetched .gz copy (a server may already have unpacked it in transit). */
function unpacked(packed) {
  const alreadyUnpacked = /gzip/i.test(packed.headers.get('content-encoding') ?? '');
  const body = alreadyUnpacked ? packed.body : packed.body.pipeThrough(new DecompressionStream('gzip'));
  return new Response(body, { headers: { 'content-type': 'application/wasm' } });
}
