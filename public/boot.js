// Starts the app without an inline script, so the page's Content-Security-Policy can forbid
// inline scripts entirely. The build writes the hashed file names into this tag's data
// attributes (scripts/build.mjs; `pattern_script` in Trunk.toml for `trunk serve`).
//
// The tag is `async`: a deferred script would wait for the stylesheet before it runs, and the
// main module's download would start that much later (160 ms at 2 Mbit/s). So this may run
// before the body is parsed: the app is started, and the loading message looked up, once it is.
import { fetchWasm } from './wasm-fetch.js';

const tag = document.querySelector('script[data-js][data-wasm]');
const bodyParsed = document.readyState === 'loading'
  ? new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }))
  : Promise.resolve();

try {
  // The main module is asked for first, so it arrives while the JS glue is fetched.
  const wasm = fetchWasm(new URL(tag.dataset.wasm, document.baseURI).href);
  wasm.catch(() => {});
  const { default: init } = await import(new URL(tag.dataset.js, document.baseURI).href);
  await bodyParsed;
  await init({ module_or_path: wasm });
  document.getElementById('boot-message')?.remove();
  startOffline();
} catch (error) {
  console.error('The workbench could not start:', error);
  await bodyParsed;
  const message = document.getElementById('boot-message');
  if (message) {
    message.textContent =
      'The workbench could not start in this browser. It needs WebAssembly; try a current Chrome, Edge, Firefox or Safari. Your saved data is not affected.';
    message.classList.add('boot-error');
  }
}

/**
 * After the first visit the app opens offline (sw.js keeps its files). When a new version is
 * deployed while the app is open, a notice offers to reload; it never reloads by itself, and
 * a reload loses nothing: the app saves when the page is hidden.
 */
function startOffline() {
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register(new URL('sw.js', document.baseURI).href).catch((error) => {
      console.warn('Offline use is not available here:', error.message);
    });
  }
  const check = async () => {
    try {
      const response = await fetch(new URL('index.html', document.baseURI).href, { cache: 'no-store' });
      const deployed = (await response.text()).match(/data-wasm="([^"]+)"/)?.[1];
      if (response.ok && deployed && deployed !== tag.dataset.wasm) offerReload();
    } catch {
      // Offline: there is nothing newer to offer.
    }
  };
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check();
  });
  setInterval(check, 30 * 60 * 1000);
}

function offerReload() {
  if (document.getElementById('update-notice')) return;
  const notice = document.createElement('div');
  notice.id = 'update-notice';
  notice.className = 'update-notice no-print';
  notice.setAttribute('role', 'status');
  const text = document.createElement('p');
  text.textContent = 'A new version of the workbench is ready. Your work is saved in this browser.';
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'button primary';
  button.textContent = 'Reload to update';
  button.addEventListener('click', () => window.location.reload());
  notice.append(text, button);
  document.body.append(notice);
}
