// The page's side of the worker protocol (see worker.js and protocol.js): start the engine,
// follow its start-up, call it. A watchdog measures progress, not total time: any failure
// the worker reports ends start-up at once, and a start-up that shows no sign of progress
// (no bytes, no next step) for the page's stall limit is given up, naming the step.
// Used by every widget (see widget.js): the eligibility form, the embed, the staff list.

import { StartupFailed } from "./protocol.js";

export { StartupFailed };

// The worker's URL and the stall limit are written once by the site's build, on the
// <head> script that starts the worker early (hooks/checker_early_start.js).
const EARLY_START = "script[data-citizen-card-engine]";

// One engine per page: the form (or the staff-list check) and anything else on the page
// share it. Its worker is usually already running: the page's <head> starts it and this
// module adopts it.
let started = null;

export function startEngine() {
  started ??= createEngine();
  return started;
}

function pageSettings() {
  const script = document.querySelector(EARLY_START);
  return {
    workerURL: new URL(script.dataset.worker, document.baseURI),
    stallMs: Number(script.dataset.stallMs),
  };
}

// The worker the page's <head> started, with the events it has sent so far; null if there
// is none (then this module starts it).
function adoptEarlyWorker() {
  const early = globalThis.citizenCardEarlyEngine;
  if (!early) return null;
  delete globalThis.citizenCardEarlyEngine;
  return early;
}

// What the start-up has shown so far: its step and, per runtime file, the bytes received.
function newStartup() {
  return { step: null, files: new Map(), failure: null };
}

function stalledMessage(startup, stallMs) {
  const waiting = [...startup.files].filter(([, file]) => !file.done).map(([name]) => name);
  const what = waiting.length ? `no bytes of ${waiting.join(", ")}` : "no progress";
  return `${what} for ${stallMs / 1000} s in the step ${startup.step}`;
}

function createEngine() {
  const { workerURL, stallMs } = pageSettings();
  const early = adoptEarlyWorker();
  const worker = early ? early.worker : new Worker(workerURL, { type: "module" });

  const pending = new Map();
  const listeners = new Set();
  const startup = newStartup();
  let nextId = 1;
  let settle;
  const ready = new Promise((resolve, reject) => {
    settle = { resolve, reject };
  });

  function tell() {
    for (const listener of listeners) listener(startup);
  }

  let stallTimer = null;
  function sawProgress() {
    clearTimeout(stallTimer);
    stallTimer = setTimeout(() => fail(startup.step, stalledMessage(startup, stallMs), true), stallMs);
  }

  function fail(step, message, stalled = false) {
    if (startup.failure) return;
    startup.failure = new StartupFailed(step, message);
    startup.failure.stalled = stalled;
    clearTimeout(stallTimer);
    worker.terminate();
    settle.reject(startup.failure);
    for (const { reject } of pending.values()) reject(startup.failure);
    pending.clear();
    tell();
  }

  function onStartupMessage(message) {
    if (startup.failure) return;
    if (message.type === "step") {
      startup.step = message.step;
    } else if (message.type === "progress") {
      const { loaded, total, done } = message;
      startup.files.set(message.file, { loaded, total, done });
    } else if (message.type === "ready") {
      clearTimeout(stallTimer);
      startup.step = "ready";
      settle.resolve({ ms: message.ms });
    } else {
      fail(message.step, message.message);
      return;
    }
    if (message.type !== "ready") sawProgress();
    tell();
  }

  worker.onmessage = (event) => {
    const message = event.data || {};
    if (message.id === "startup") {
      onStartupMessage(message);
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
  sawProgress();
  for (const event of early ? early.events : []) {
    if (event.type === "error") worker.onerror(event);
    else worker.onmessage(event);
  }

  function call(fn, ...args) {
    if (startup.failure) return Promise.reject(startup.failure);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ type: "call", id, fn, args });
    });
  }

  // listener(startup) now and after every start-up message: {step, files, failure}.
  function onStartup(listener) {
    listeners.add(listener);
    listener(startup);
  }

  ready.catch(() => {});
  return { ready, call, onStartup, stallMs };
}
