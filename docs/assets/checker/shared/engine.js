// The page's side of the worker protocol (see worker.js and shared/types.js): start the
// engine, follow its start-up, call it. A watchdog measures progress, not total time: any
// failure the worker reports ends start-up at once, and a start-up that shows no sign of
// progress (no bytes, no next step) for the page's stall limit is given up, naming the step.
// Once started, an engine error is the call's (EngineError, its message the engine's), never a
// start-up failure; a worker that died or whose runtime can no longer be trusted (the worker
// says `fatal`) is replaced by a new one, and the next call waits for it.
// Used by every widget (see shared/widget.js): the eligibility form, the embed, the staff list.

import { EngineError, STEPS, StartupFailed } from "./protocol.js";

/** @import { CallReply, StartupMessage } from "./types.js" */

export { EngineError, StartupFailed };

// The worker's URL and the stall limit are written once by the site's build, on the
// <head> script that starts the worker early (hooks/checker_early_start.js).
const EARLY_START = "script[data-citizen-card-engine]";

/** @typedef {{loaded: number, total: number | null, done: boolean}} FileProgress */
/**
 * What the start-up has shown so far: its step and, per runtime file, the bytes received.
 * @typedef {{step: string | null, files: Map<string, FileProgress>, failure: StartupFailed | null}} Startup
 */
/**
 * @typedef {object} Engine
 * @property {Promise<{ms: number}>} ready
 * @property {(fn: string, args: Record<string, unknown>) => Promise<any>} call
 *   an entry point of checker/web.py, its arguments by name
 * @property {(listener: (startup: Startup) => void) => void} onStartup
 *   listener(startup) now and after every start-up message
 * @property {number} stallMs
 */
/** @typedef {{worker: Worker, events: (MessageEvent | ErrorEvent)[]}} EarlyWorker */

/** @type {Engine | null} */
let started = null;

/**
 * One engine per page: the form (or the staff-list check) and anything else on the page
 * share it. Its worker is usually already running: the page's <head> starts it and this
 * module adopts it.
 * @returns {Engine}
 */
export function startEngine() {
  started ??= createEngine();
  return started;
}

function pageSettings() {
  const script = /** @type {HTMLScriptElement | null} */ (document.querySelector(EARLY_START));
  if (!script) throw new Error(`the page has no ${EARLY_START}`);
  return {
    workerURL: new URL(script.dataset.worker || "", document.baseURI),
    stallMs: Number(script.dataset.stallMs),
  };
}

/**
 * The worker the page's <head> started, with the events it has sent so far; null if there
 * is none (then this module starts it).
 * @returns {EarlyWorker | null}
 */
function adoptEarlyWorker() {
  const holder = /** @type {{citizenCardEarlyEngine?: EarlyWorker}} */ (/** @type {unknown} */ (globalThis));
  const early = holder.citizenCardEarlyEngine;
  if (!early) return null;
  delete holder.citizenCardEarlyEngine;
  return early;
}

/**
 * @param {Startup} startup
 * @param {number} stallMs
 */
function stalledMessage(startup, stallMs) {
  const waiting = waitingFiles(startup);
  const what = waiting.length ? `no bytes of ${waiting.join(", ")}` : "no progress";
  return `${what} for ${stallMs / 1000} s in the step ${stalledStep(startup)}`;
}

/**
 * The runtime's files still on their way.
 * @param {Startup} startup
 */
function waitingFiles(startup) {
  return [...startup.files].filter(([, file]) => !file.done).map(([name]) => name);
}

/**
 * The step a stall is named by: the download while any file's bytes are still awaited
 * (the worker starts Python while the last files stream in, so the step it last reported
 * may be a later one), else the step it last reported.
 * @param {Startup} startup
 */
function stalledStep(startup) {
  return waitingFiles(startup).length ? STEPS.download : startup.step || "";
}

/** @returns {Engine} */
function createEngine() {
  const { workerURL, stallMs } = pageSettings();
  const early = adoptEarlyWorker();
  let worker = early ? early.worker : new Worker(workerURL, { type: "module" });

  /** @type {Map<number, {resolve: (value: unknown) => void, reject: (error: Error) => void}>} */
  const pending = new Map();
  /** @type {Set<(startup: Startup) => void>} */
  const listeners = new Set();
  /** @type {Startup} */
  const startup = { step: null, files: new Map(), failure: null };
  let nextId = 1;
  let startedOnce = false; // the first worker has reported "ready"
  /** @type {(value: {ms: number}) => void} */
  let resolveReady = () => {};
  /** @type {(error: Error) => void} */
  let rejectReady = () => {};
  /** @type {Promise<{ms: number}>} */
  const ready = new Promise((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  // The worker calls go to: the first one's start-up, then each replacement's.
  /** @type {Promise<unknown>} */
  let working = ready;

  function tell() {
    for (const listener of listeners) listener(startup);
  }

  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let stallTimer;
  function sawProgress() {
    clearTimeout(stallTimer);
    stallTimer = setTimeout(() => fail(stalledStep(startup), stalledMessage(startup, stallMs), true), stallMs);
  }

  /**
   * @param {string} step
   * @param {string} message
   * @param {boolean} [stalled]
   */
  function fail(step, message, stalled = false) {
    if (startup.failure) return;
    startup.failure = new StartupFailed(step, message, stalled);
    clearTimeout(stallTimer);
    worker.terminate();
    rejectReady(startup.failure);
    for (const { reject } of pending.values()) reject(startup.failure);
    pending.clear();
    tell();
  }

  /**
   * After start-up: the worker died or can no longer be trusted. Its calls fail with the
   * error; a new worker is started for the next ones.
   * @param {string} message
   */
  function replaceWorker(message) {
    const error = new EngineError(message);
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
    worker.terminate();
    worker = new Worker(workerURL, { type: "module" });
    /** @type {(value: unknown) => void} */
    let restarted = () => {};
    /** @type {(error: Error) => void} */
    let notRestarted = () => {};
    working = new Promise((resolve, reject) => {
      restarted = resolve;
      notRestarted = reject;
    });
    working.catch(() => {});
    listen(worker, (message) => {
      if (message.type === "ready") restarted(message);
      else if (message.type === "failed") notRestarted(new EngineError(`the engine could not start again: ${message.message}`));
    });
  }

  /** @param {StartupMessage} message */
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
      startedOnce = true;
      resolveReady({ ms: message.ms });
    } else {
      fail(message.step, message.message);
      return;
    }
    if (message.type !== "ready") sawProgress();
    tell();
  }

  /**
   * A worker's messages: its start-up ones to `onStartupMessage`, its replies to the calls.
   * @param {Worker} source
   * @param {(message: StartupMessage) => void} onStartupMessage
   */
  function listen(source, onStartupMessage) {
    /** @param {MessageEvent} event */
    const onMessage = (event) => {
      if (source !== worker) return; // a replaced worker's last words
      const message = /** @type {StartupMessage | CallReply} */ (event.data || {});
      if (message.id === "startup") {
        onStartupMessage(message);
        return;
      }
      const call = pending.get(message.id);
      if (!call) return;
      pending.delete(message.id);
      if (message.type === "result") {
        call.resolve(message.value);
        return;
      }
      call.reject(new EngineError(message.message));
      if (message.fatal) replaceWorker(message.message);
    };
    /** @param {ErrorEvent} event */
    const onError = (event) => {
      event.preventDefault();
      if (source !== worker) return;
      const message = event.message || "the worker script could not run";
      if (startedOnce) replaceWorker(`the engine's worker stopped (${message})`);
      else fail("worker", message);
    };
    source.onmessage = onMessage;
    source.onerror = onError;
    return { onMessage, onError };
  }

  const first = listen(worker, onStartupMessage);
  sawProgress();
  for (const event of early ? early.events : []) {
    if (event.type === "error") first.onError(/** @type {ErrorEvent} */ (event));
    else first.onMessage(/** @type {MessageEvent} */ (event));
  }

  /**
   * @param {string} fn
   * @param {Record<string, unknown>} args
   */
  async function call(fn, args) {
    if (startup.failure) throw startup.failure;
    if (startedOnce) await working;
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ type: "call", id, fn, args });
    });
  }

  /** @param {(startup: Startup) => void} listener */
  function onStartup(listener) {
    listeners.add(listener);
    listener(startup);
  }

  ready.catch(() => {});
  return { ready, call, onStartup, stallMs };
}
