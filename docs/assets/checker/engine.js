// The page's side of the worker protocol (see worker.js): start the engine, call it, and
// give up after a set time so that no page waits forever. Used by the eligibility form and
// reusable by any page that needs the engine (embed, HR batch).

export const START_TIMEOUT_MS = 45000;

export class EngineFailed extends Error {
  constructor(step, message) {
    super(message);
    this.step = step;
  }
}

// One engine per page: the form (or the staff-list check) and anything else on the page
// share it. Its worker is usually already running: the page's <head> starts it (see
// hooks/checker_early_start.js) and this module adopts it.
let started = null;

// runtime: URL of the Pyodide folder; packageName: the checker's name in the lock file.
export function startEngine(options) {
  started ??= createEngine(options);
  return started;
}

// The worker the page's <head> started for these settings, with the events it has sent
// so far; null if there is none (or it was started for other settings, then it is stopped).
function adoptEarlyWorker(workerURL) {
  const early = globalThis.citizenCardEarlyEngine;
  if (!early) return null;
  delete globalThis.citizenCardEarlyEngine;
  if (early.url === workerURL.href) return early;
  early.worker.terminate();
  return null;
}

function createEngine({ runtime, packageName, timeoutMs = START_TIMEOUT_MS }) {
  const workerURL = new URL("worker.js", import.meta.url);
  workerURL.searchParams.set("runtime", new URL(runtime, import.meta.url).href);
  workerURL.searchParams.set("package", packageName);
  const early = adoptEarlyWorker(workerURL);
  const worker = early ? early.worker : new Worker(workerURL, { type: "module" });

  const pending = new Map();
  let nextId = 1;
  let failure = null;
  let settle;
  const ready = new Promise((resolve, reject) => {
    settle = { resolve, reject };
  });

  function fail(step, message) {
    if (failure) return;
    failure = new EngineFailed(step, message);
    clearTimeout(timer);
    worker.terminate();
    settle.reject(failure);
    for (const { reject } of pending.values()) reject(failure);
    pending.clear();
  }

  const timer = setTimeout(
    () => fail("timeout", `the engine did not start within ${timeoutMs / 1000} s`),
    timeoutMs,
  );

  worker.onmessage = (event) => {
    const message = event.data || {};
    if (message.id === "startup") {
      if (message.type === "ready") {
        clearTimeout(timer);
        settle.resolve({ ms: message.ms });
      } else {
        fail(message.step, message.message);
      }
      return;
    }
    const call = pending.get(message.id);
    if (!call) return;
    pending.delete(message.id);
    if (message.type === "result") call.resolve(message.value);
    else call.reject(new Error(message.message));
  };
  worker.onerror = (event) => {
    event.preventDefault();
    fail("worker", event.message || "the worker script could not run");
  };
  for (const event of early ? early.events : []) {
    if (event.type === "error") worker.onerror(event);
    else worker.onmessage(event);
  }

  function call(fn, ...args) {
    if (failure) return Promise.reject(failure);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ type: "call", id, fn, args });
    });
  }

  ready.catch(() => {});
  return { ready, call };
}
