// Inlined into the <head> of each page with the checker, by hooks/_page.py.
//
// Starts the engine's worker while the page is still being parsed: a module script would
// run only after the theme's first style and layout pass, about 100 ms later on a cold
// visit. engine.js adopts this worker and replays what it said in the meantime; if anything
// here fails, engine.js starts its own worker and reports any failure as usual. Both take
// the worker's URL from this script's data-worker, written once by the build.
(() => {
  try {
    const url = new URL(document.currentScript.dataset.worker, document.baseURI);
    const worker = new Worker(url, { type: "module" });
    const events = [];
    worker.onmessage = worker.onerror = (event) => {
      event.preventDefault();
      events.push(event);
    };
    window.citizenCardEarlyEngine = { worker, events };
  } catch {
    // engine.js starts the worker itself.
  }
})();
