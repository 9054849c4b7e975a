// The checker's engine in a module Web Worker: self-hosted Pyodide running `checker.web`.
//
// Started (once per page: see hooks/checker_early_start.js and engine.js) as
//   new Worker("worker.js?runtime=<url>&package=<name>", {type: "module"}).
// Start-up begins at once, in the named steps of protocol.js; each can fail with its own
// message, and every failure is reported as soon as it happens (Pyodide itself waits
// forever on some of them: a refused compile, a failed download, a package not installed).
// While the runtime downloads, the worker reports the bytes received (see protocol.js), so
// that the page can show progress and tell a slow line from a stalled one.
//
// Protocol (every message has `type` and `id`; the shapes: shared/types.js):
//   page -> worker  {type: "call", id, fn, args}     fn: one of checker/web.py's entry
//                                                    points, args: its arguments by name
//                                                    (an object is the engine's JSON
//                                                    request; file contents a Uint8Array)
//   worker -> page  start-up messages (id "startup"), listed in shared/types.js
//                   {type: "result", id, value}      value: the entry point's reply (an
//                                                    object for the *_json ones)
//                   {type: "error",  id, message, fatal}
//                                                    fatal: not a Python exception (the
//                                                    runtime out of memory, a trap): the
//                                                    page starts a new worker
// A call that arrives during start-up is answered as soon as the engine is ready.
//
// Fast start: the runtime's files are requested by the worker from its first moment, before
// anything else (protocol.js too is imported only once they are on their way: a static
// import would hold them back by a request), and the WebAssembly is compiled from its
// counted stream as its bytes arrive. Pyodide's own requests for these files are then
// answered with them (see worker/downloads.js).

const params = new URL(self.location.href).searchParams;
/** @import { Download, Downloads, WheelRequest } from "./worker/downloads.js" */

const RUNTIME_URL = new URL(params.get("runtime") || "./", self.location.href).href;
const PACKAGE = params.get("package") || "";
// The runtime's files (as tools/fast_runtime.mjs and hooks/checker_runtime.py write them).
const WASM = "pyodide.asm.wasm";
const RUNTIME_SCRIPT = "pyodide.asm.mjs";
// Only the modules the checker needs, compiled to bytecode at build time: Python starts
// without compiling its standard library.
const STDLIB = "python_stdlib_fast.zip";
const LOCK_FILE = "pyodide-lock.json";
// The smallest valid WebAssembly module: its header.
const EMPTY_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
// Bytes received are reported at most this often per file (and when a file completes).
const REPORT_EVERY_MS = 100;
// How long a failed compile waits for a failed download to be reported first (see below).
const COMPILE_FAILURE_GRACE_MS = 200;

/** @param {string} file */
const runtimeURL = (file) => new URL(file, RUNTIME_URL).href;
const nativeFetch = self.fetch.bind(self);

/** @param {any} error */
function describe(error) {
  return String(error && error.message ? error.message : error);
}

/** @param {{type: string, [key: string]: unknown}} message */
function postStartup(message) {
  self.postMessage({ ...message, id: "startup" });
}

// The runtime file a URL names (e.g. "pyodide.asm.wasm"), or null for anything else.
/** @param {string} url */
function runtimeFile(url) {
  const href = new URL(url, RUNTIME_URL).href.split(/[?#]/)[0];
  return href.startsWith(RUNTIME_URL) ? href.slice(RUNTIME_URL.length) : null;
}

// --- The first moment: may this worker compile WebAssembly? Then every download starts. ---

// A worker whose policy lacks 'wasm-unsafe-eval' may not compile WebAssembly; Pyodide would
// then wait forever, so ask first, with a module of eight bytes compiled at once (no wait).
function webAssemblyRefusal() {
  if (typeof WebAssembly !== "object") return new Error("this browser has no WebAssembly");
  try {
    new WebAssembly.Module(EMPTY_MODULE);
    return null;
  } catch (error) {
    return new Error(`this page may not compile WebAssembly ('wasm-unsafe-eval' is needed): ${describe(error)}`);
  }
}

// The first failed download (a refused or failed request, an error status, a body that
// broke off), kept until the step names have arrived to report it.
/** @type {(error: Error) => void} */
let downloadFailed = () => {};
/** @type {Promise<Error>} */
const downloadFailure = new Promise((resolve) => {
  downloadFailed = resolve;
});
/** @type {WeakSet<Error>} */
const downloadErrors = new WeakSet();

/** @param {string} message */
function downloadError(message) {
  const error = new Error(message);
  downloadErrors.add(error);
  downloadFailed(error);
  return error;
}

// fetch() for a runtime file: its response, or a download failure.
/**
 * @param {string} file
 * @param {RequestInit} [init]
 */
async function fetchRuntimeFile(file, init) {
  postStartup({ type: "progress", file, loaded: 0, total: null, done: false });
  let response;
  try {
    response = await nativeFetch(runtimeURL(file), init);
  } catch (error) {
    // A file that does not match its sha256 in the lock file fails here too (as a network error).
    const checked = init && init.integrity ? ", or the file is not the one the lock file lists" : "";
    throw downloadError(`${file}: the request failed${checked} (${describe(error)})`);
  }
  if (!response.ok) {
    throw downloadError(`${file}: the server answered ${response.status} ${response.statusText}`.trim());
  }
  return response;
}

// Reads a runtime file's body to its end, reporting the bytes received as they arrive
// (decoded bytes: the line carries them compressed, so Content-Length, also reported, is
// the smaller figure); returns them if `keep`.
/**
 * @param {string} file
 * @param {Response} response
 * @param {{keep: boolean}} options
 */
async function readCounted(file, response, { keep }) {
  const total = Number(response.headers.get("content-length")) || null;
  const reader = /** @type {ReadableStream<Uint8Array>} */ (response.body).getReader();
  const chunks = [];
  let loaded = 0;
  let reportedAt = performance.now();
  /** @param {boolean} done */
  const report = (done) => postStartup({ type: "progress", file, loaded, total, done });
  report(false);
  for (;;) {
    let chunk;
    try {
      chunk = await reader.read();
    } catch (error) {
      throw downloadError(`${file}: the download broke off after ${loaded} bytes (${describe(error)})`);
    }
    if (chunk.done) break;
    loaded += chunk.value.byteLength;
    if (keep) chunks.push(chunk.value);
    if (performance.now() - reportedAt >= REPORT_EVERY_MS) {
      reportedAt = performance.now();
      report(false);
    }
  }
  report(true);
  const bytes = new Uint8Array(keep ? loaded : 0);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

// A runtime file, downloaded whole (counted): {bytes, headers}.
/**
 * @param {string} file
 * @param {RequestInit} [init]
 * @returns {Promise<Download>}
 */
async function downloaded(file, init) {
  const response = await fetchRuntimeFile(file, init);
  return { bytes: await readCounted(file, response, { keep: true }), headers: response.headers };
}

// The WebAssembly's response, to compile as it arrives; its bytes are counted from a copy
// (response.clone()), so that the browser feeds the compiler from the network itself,
// never waiting for this thread, busy as it is with Pyodide's script. (Compiled from the
// response itself, it can also be kept in the browser's code cache for the next visit.)
async function wasmResponse() {
  const response = await fetchRuntimeFile(WASM);
  readCounted(WASM, response.clone(), { keep: false }).catch(() => {});
  return response;
}

// The wheel's request as Pyodide makes it (its URL beside the lock file, and the sha256 the
// lock file lists as the request's integrity, which the browser checks), or null.
/**
 * @param {Download} lockFile
 * @returns {WheelRequest | null}
 */
function wheelRequest(lockFile) {
  const entry = JSON.parse(new TextDecoder().decode(lockFile.bytes)).packages?.[PACKAGE];
  if (!entry) return null;
  const digest = (entry.sha256.match(/../g) || []).map((/** @type {string} */ pair) => String.fromCharCode(parseInt(pair, 16)));
  return { file: entry.file_name, init: { integrity: `sha256-${btoa(digest.join(""))}` } };
}

// The WebAssembly (compiled as its bytes arrive) and the runtime's script at once; the
// standard library, the lock file and the checker's wheel once the script is in. On a fast
// line that is long before Python needs them; on a slow one, the page's own scripts (which
// show the progress) are not crowded out by five downloads at once.
// Once the script is in, it is imported at once (from the HTTP cache), beside Pyodide's
// loader: its 1.2 MB of JavaScript compiles while the worker's own modules arrive, and
// Pyodide is given it (loadPyodide's createPyodideModule) instead of importing it itself
// once started (about 200 ms later on a cold visit here).
function startDownloads() {
  const compiled = WebAssembly.compileStreaming(wasmResponse());
  const script = downloaded(RUNTIME_SCRIPT);
  const scriptIn = script.catch(() => {});
  const runtimeModule = script.then(() => import(runtimeURL(RUNTIME_SCRIPT)));
  const loader = scriptIn.then(() => import(runtimeURL("pyodide.mjs")));
  const lockFile = scriptIn.then(() => downloaded(LOCK_FILE));
  const files = new Map([
    [STDLIB, scriptIn.then(() => downloaded(STDLIB))],
    [LOCK_FILE, lockFile],
  ]);
  const wheel = lockFile.then(wheelRequest);
  const wheelFile = wheel.then((request) => request && downloaded(request.file, request.init));
  for (const pending of [compiled, script, runtimeModule, loader, wheel, wheelFile, ...files.values()]) pending.catch(() => {});
  return { compiled, script, runtimeModule, loader, wheel, wheelFile, files };
}

const refusal = webAssemblyRefusal();
const downloads = refusal ? null : startDownloads();

// Calls may arrive while the worker still starts: they wait for the engine.
/** @type {(engine: Promise<{pyodide: any, web: any}>) => void} */
let engineStarted = () => {};
/** @type {Promise<{pyodide: any, web: any}>} */
const engine = new Promise((resolve) => {
  engineStarted = resolve;
});
engine.catch(() => {}); // a failed start-up is reported on its own

// Each call puts the engine's warm-up (worker/python.js) back: it waits for an idle moment.
let postponeWarmUp = () => {};

self.onmessage = async (event) => {
  postponeWarmUp();
  const { type, id, fn, args } = event.data || {};
  if (type !== "call") {
    self.postMessage({ type: "error", id, message: `unknown message type: ${type}` });
    return;
  }
  try {
    const [started, { call }] = await Promise.all([engine, pythonModule]);
    const value = call(started, ENTRY_POINTS, fn, args && typeof args === "object" ? args : {});
    self.postMessage({ type: "result", id, value });
  } catch (error) {
    self.postMessage({ type: "error", id, message: describe(error), fatal: Boolean(/** @type {{fatal?: boolean}} */ (error)?.fatal) });
  }
};

// --- Then the step names, and start-up step by step. ---

// Python's side of the worker (worker/python.js), asked for at the same time as the steps.
const pythonModule = import("./worker/python.js");
pythonModule.catch(() => {}); // reported as its step's failure
// Pyodide's requests answered from the downloads (worker/downloads.js), asked for alike.
const downloadsModule = import("./worker/downloads.js");
downloadsModule.catch(() => {});

const { STEPS, StartupFailed, ENTRY_POINTS } = await import("./shared/protocol.js").catch((error) => {
  postStartup({ type: "failed", step: "worker", message: `shared/protocol.js could not be loaded (${describe(error)})` });
  throw error;
});

// The first failure anywhere (a download, the compile) ends start-up at once, even while
// Pyodide is still waiting for what failed.
/** @type {(error: Error) => void} */
let reportFatal = () => {};
/** @type {Promise<never>} */
const fatal = new Promise((_, reject) => {
  reportFatal = reject;
});
fatal.catch(() => {});

/**
 * @param {string} step
 * @param {string} message
 */
function failed(step, message) {
  const error = new StartupFailed(step, message);
  reportFatal(error);
  return error;
}

downloadFailure.then((error) => failed(STEPS.download, describe(error)));
// A download that breaks off fails its compile too: the download, reported by its copy's
// reader, is what to name, so a compile failure waits a moment for it.
downloads?.compiled.catch((error) => {
  if (downloadErrors.has(error)) return;
  setTimeout(() => failed(STEPS.compileRuntime, describe(error)), COMPILE_FAILURE_GRACE_MS);
});

/**
 * @template T
 * @param {string} name
 * @param {() => T | Promise<T>} action
 * @returns {Promise<T>}
 */
async function step(name, action) {
  postStartup({ type: "step", step: name });
  try {
    return await action();
  } catch (error) {
    throw error instanceof StartupFailed ? error : failed(name, describe(error));
  }
}

// Pyodide's loader, once the runtime's script is in. Starting Pyodide before the script is
// in was tried: about 100 ms sooner on this machine's loopback, but at 600 kbit/s the page's
// own scripts arrived later and its progress bar showed seconds later
// (tests/browser/test_start_failures.py): the reader on a slow line comes first.
/**
 * @param {Downloads} downloads
 * @returns {Promise<{loadPyodide: (options: object) => Promise<any>, createPyodideModule: Promise<unknown>}>}
 *   createPyodideModule: the runtime's script, imported, for loadPyodide
 */
async function downloadRuntime({ script, loader, runtimeModule }) {
  await script;
  const createPyodideModule = runtimeModule.then((module) => /** @type {{default: unknown}} */ (module).default);
  return { loadPyodide: (await loader).loadPyodide, createPyodideModule };
}

async function start() {
  const began = performance.now();
  await step(STEPS.checkWebAssembly, () => {
    if (refusal) throw refusal;
  });
  const { loadPyodide, createPyodideModule } = await step(STEPS.download, async () => {
    const started = /** @type {Downloads} */ (downloads); // there are downloads unless refused
    (await downloadsModule).answerFromDownloads(started, { runtimeFile, wasmFile: WASM, downloaded, nativeFetch });
    return downloadRuntime(started);
  });
  const pyodide = await step(STEPS.startPython, async () => {
    const { startPython } = await pythonModule;
    return startPython(loadPyodide, { indexURL: RUNTIME_URL, stdLibURL: runtimeURL(STDLIB), packageName: PACKAGE, createPyodideModule });
  });
  await step(STEPS.installChecker, async () => (await pythonModule).checkInstalled(pyodide, PACKAGE));
  const web = await step(STEPS.importChecker, () => pyodide.pyimport("checker.web"));
  postStartup({ type: "ready", ms: Math.round(performance.now() - began) });
  postponeWarmUp = (await pythonModule).warmUpWhenIdle({ web });
  return { pyodide, web };
}

const started = Promise.race([start(), fatal]);
started.catch((error) => {
  postStartup({ type: "failed", step: error.step || "start", message: describe(error) });
});
engineStarted(started);

export {}; // a module worker (its top-level await)
