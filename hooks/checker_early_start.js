// Inlined into the <head> of each page with the checker, by hooks/checker_form.py.
//
// Starts the engine's worker while the page is still being parsed: a module script would
// run only after the theme's first style and layout pass, about 100 ms later on a cold
// visit. engine.js adopts this worker and replays what it said in the meantime; if anything
// here fails, engine.js starts its own worker and reports any failure as usual.
(() => {
  try {
    const script = document.currentScript;
    const url = new URL(script.dataset.worker, document.baseURI);
    url.searchParams.set("runtime", new URL(script.dataset.runtime, document.baseURI).href);
    url.searchParams.set("package", script.dataset.package);
    const worker = new Worker(url, { type: "module" });
    const events = [];
    worker.onmessage = worker.onerror = (event) => {
      event.preventDefault();
      events.push(event);
    };
    window.citizenCardEarlyEngine = { url: url.href, worker, events };
  } catch {
    // engine.js starts the worker itself.
  }
})();
