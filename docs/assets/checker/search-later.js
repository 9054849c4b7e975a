// On pages with the checker, the theme's search index waits until the engine has started.
//
// Material for MkDocs fetches its search index (search/search_index.json) as soon as the
// page loads and builds it in a worker; on a phone that competes with Python's start-up for
// the same few cores. This script, loaded just before the theme's bundle, holds that one
// request until the engine is ready (or has failed), until the reader turns to search, or
// for at most SEARCH_WAIT_MS. Nothing else is touched: every other request goes as usual.
(() => {
  const SEARCH_WAIT_MS = 10000;
  const INDEX = "search/search_index.json";
  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  /** @type {WeakSet<XMLHttpRequest>} */
  const held = new WeakSet();
  /** @type {() => void} */
  let release = () => {};
  /** @type {Promise<void>} */
  const released = new Promise((resolve) => {
    release = resolve;
  });

  /**
   * @this {XMLHttpRequest}
   * @param {string} method
   * @param {string | URL} url
   * @param {...any} rest
   */
  function heldOpen(method, url, ...rest) {
    if (String(url).endsWith(INDEX)) held.add(this);
    return /** @type {(...args: any[]) => void} */ (open).call(this, method, url, ...rest);
  }
  XMLHttpRequest.prototype.open = heldOpen;
  /**
   * @this {XMLHttpRequest}
   * @param {Document | XMLHttpRequestBodyInit | null} [body]
   */
  XMLHttpRequest.prototype.send = function (body) {
    if (!held.has(this)) return send.call(this, body);
    held.delete(this);
    released.then(() => send.call(this, body));
  };

  const settled = () =>
    document.querySelector(
      '[data-checker][data-state="ready"], [data-checker][data-state="failed"],' +
        ' [data-batch][data-state="ready"], [data-batch][data-state="failed"]',
    );
  const watcher = new MutationObserver(() => {
    if (settled()) release();
  });
  watcher.observe(document.documentElement, {
    subtree: true,
    attributes: true,
    attributeFilter: ["data-state"],
  });
  document.addEventListener("focusin", (event) => {
    const target = /** @type {Element | null} */ (event.target);
    if (target?.closest?.('[data-md-component="search"]')) release();
  });
  document.addEventListener("change", (event) => {
    if (/** @type {Element | null} */ (event.target)?.id === "__search") release();
  });
  setTimeout(() => release(), SEARCH_WAIT_MS);
  released.then(() => watcher.disconnect());
})();
