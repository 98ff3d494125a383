// Starts the app without an inline script, so the page's Content-Security-Policy can forbid
// inline scripts entirely. Trunk writes the hashed file names into this tag's data attributes
// (see `pattern_script` in Trunk.toml).
const tag = document.querySelector('script[data-js][data-wasm]');
const message = document.getElementById('boot-message');

try {
  const { default: init } = await import(new URL(tag.dataset.js, document.baseURI).href);
  await init({ module_or_path: new URL(tag.dataset.wasm, document.baseURI).href });
  message?.remove();
} catch (error) {
  console.error('The workbench could not start:', error);
  if (message) {
    message.textContent =
      'The workbench could not start in this browser. It needs WebAssembly; try a current Chrome, Edge, Firefox or Safari. Your saved data is not affected.';
    message.classList.add('boot-error');
  }
}
