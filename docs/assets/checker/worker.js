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
// Protocol (every message has `type` and `id`):
//   page -> worker  {type: "call", id, fn, args}     fn: one of ENTRY_POINTS, args: strings
//                                                    (or a Uint8Array for file contents)
//   worker -> page  start-up messages (id "startup"), listed in protocol.js
//                   {type: "result", id, value}      value: the entry point's string
//                   {type: "error",  id, message}
// A call that arrives during start-up is answered as soon as the engine is ready.

import { STEPS, StartupFailed } from "./protocol.js";

const ENTRY_POINTS = new Set(["check_json", "rules_json", "window_ics", "batch_json", "batch_ics"]);
const params = new URL(self.location.href).searchParams;
const RUNTIME_URL = new URL(params.get("runtime") || "./", self.location.href).href;
const PACKAGE = params.get("package") || "";
const WASM_URL = new URL("pyodide.asm.wasm", RUNTIME_URL).href;
const RUNTIME_SCRIPT_URL = new URL("pyodide.asm.mjs", RUNTIME_URL).href;
// The smallest valid WebAssembly module: its header.
const EMPTY_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
// Bytes received are reported at most this often per file (and when a file completes).
const REPORT_EVERY_MS = 100;

function describe(error) {
  return String(error && error.message ? error.message : error);
}

function post(message) {
  self.postMessage({ ...message, id: "startup" });
}

// The first failure anywhere (a download, the early compile) ends start-up at once, even
// while Pyodide is still waiting for what failed.
let reportFatal;
const fatal = new Promise((_, reject) => {
  reportFatal = reject;
});
fatal.catch(() => {});

function failed(step, message) {
  const error = new StartupFailed(step, message);
  reportFatal(error);
  return error;
}

async function step(name, action) {
  post({ type: "step", step: name });
  try {
    return await action();
  } catch (error) {
    throw error instanceof StartupFailed ? error : failed(name, describe(error));
  }
}

// A worker whose policy lacks 'wasm-unsafe-eval' may not compile WebAssembly; Pyodide would
// then wait forever, so ask first with a module of eight bytes.
async function checkWebAssembly() {
  if (typeof WebAssembly !== "object") throw new Error("this browser has no WebAssembly");
  try {
    await WebAssembly.compile(EMPTY_MODULE);
  } catch (error) {
    throw new Error(`this page may not compile WebAssembly ('wasm-unsafe-eval' is needed): ${describe(error)}`);
  }
}

// The runtime file a URL names (e.g. "pyodide.asm.wasm"), or null for anything else.
function runtimeFile(url) {
  const href = new URL(url, RUNTIME_URL).href.split(/[?#]/)[0];
  return href.startsWith(RUNTIME_URL) ? href.slice(RUNTIME_URL.length) : null;
}

// fetch() for the runtime's files: fails start-up on a refused or failed request, and
// reports the bytes received as they arrive (decoded bytes: the line carries them
// compressed, so Content-Length, also reported, is the smaller figure).
async function countingFetch(input, init) {
  const file = runtimeFile(input instanceof Request ? input.url : String(input));
  if (file === null) return nativeFetch(input, init);
  post({ type: "progress", file, loaded: 0, total: null, done: false });
  let response;
  try {
    response = await nativeFetch(input, init);
  } catch (error) {
    // A file that does not match its sha256 in the lock file fails here too (as a network error).
    const checked = init && init.integrity ? ", or the file is not the one the lock file lists" : "";
    throw failed(STEPS.download, `${file}: the request failed${checked} (${describe(error)})`);
  }
  if (!response.ok) {
    throw failed(STEPS.download, `${file}: the server answered ${response.status} ${response.statusText}`.trim());
  }
  const total = Number(response.headers.get("content-length")) || null;
  const reader = response.body.getReader();
  let loaded = 0;
  let reportedAt = performance.now();
  const report = (done) => post({ type: "progress", file, loaded, total, done });
  report(false);
  const counted = new ReadableStream({
    async pull(controller) {
      let chunk;
      try {
        chunk = await reader.read();
      } catch (error) {
        controller.error(failed(STEPS.download, `${file}: the download broke off after ${loaded} bytes (${describe(error)})`));
        return;
      }
      if (chunk.done) {
        report(true);
        controller.close();
        return;
      }
      loaded += chunk.value.byteLength;
      if (performance.now() - reportedAt >= REPORT_EVERY_MS) {
        reportedAt = performance.now();
        report(false);
      }
      controller.enqueue(chunk.value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  const { status, statusText, headers } = response;
  return new Response(counted, { status, statusText, headers });
}

const nativeFetch = self.fetch.bind(self);
// The placeholder handed to Pyodide for the WebAssembly it asks for (see below).
const earlyWasm = new WeakSet();

// Pyodide compiles its 9.6 MB WebAssembly only once pyodide.asm.mjs (1.2 MB of JavaScript)
// has been fetched, parsed and run. Compiling it from the worker's first moment instead lets
// the two overlap. Pyodide has no option to take a compiled module, so its fetch of this URL
// gets an empty placeholder (no second request) and its one instantiateStreaming call for
// it is answered with the module compiled here; any other call goes through unchanged.
function compileRuntimeEarly() {
  const compiled = WebAssembly.compileStreaming(countingFetch(WASM_URL));
  compiled.catch((error) => {
    if (!(error instanceof StartupFailed)) failed(STEPS.compileRuntime, describe(error));
  });
  self.fetch = (input, init) => {
    if (runtimeFile(input instanceof Request ? input.url : String(input)) !== "pyodide.asm.wasm") {
      return countingFetch(input, init);
    }
    const placeholder = new Response(new Uint8Array(0), { headers: { "content-type": "application/wasm" } });
    earlyWasm.add(placeholder);
    return Promise.resolve(placeholder);
  };
  const instantiateStreaming = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = async function (source, imports) {
    const response = await source;
    if (!earlyWasm.has(response)) return instantiateStreaming.call(this, response, imports);
    const module = await compiled;
    return { module, instance: await WebAssembly.instantiate(module, imports) };
  };
}

// The runtime's 1.2 MB script is fetched here (counted) so that Pyodide's import of it
// finds it in the HTTP cache (the runtime's files are cached as immutable).
async function downloadRuntime() {
  const script = countingFetch(RUNTIME_SCRIPT_URL).then((response) => response.arrayBuffer());
  const module = await import(new URL("pyodide.mjs", RUNTIME_URL).href);
  await script;
  return module.loadPyodide;
}

// What Pyodide reported on stderr during start-up (a failed package install says why there).
const startupMessages = [];

async function startPython(loadPyodide) {
  return loadPyodide({
    indexURL: RUNTIME_URL,
    // Only the modules the checker needs, compiled to bytecode at build time (see
    // tools/fast_runtime.mjs): Python starts without compiling its standard library.
    stdLibURL: new URL("python_stdlib_fast.zip", RUNTIME_URL).href,
    // The checker wheel is fetched (and its sha256 checked against the lock file) while
    // Python starts, instead of after.
    packages: [PACKAGE],
    stdout: () => {},
    stderr: (line) => {
      startupMessages.push(line);
      console.warn("[checker]", line);
    },
  });
}

// Neither `packages` nor loadPackage rejects when a package fails: check it is there.
async function checkInstalled(pyodide) {
  if (!(PACKAGE in pyodide.loadedPackages)) {
    const why = startupMessages.join(" ");
    throw new Error(`the package ${PACKAGE} was not installed. ${why}`.trim());
  }
}

async function start() {
  const began = performance.now();
  await step(STEPS.checkWebAssembly, checkWebAssembly);
  const loadPyodide = await step(STEPS.download, () => {
    compileRuntimeEarly();
    return downloadRuntime();
  });
  const pyodide = await step(STEPS.startPython, () => startPython(loadPyodide));
  await step(STEPS.installChecker, () => checkInstalled(pyodide));
  const web = await step(STEPS.importChecker, () => pyodide.pyimport("checker.web"));
  post({ type: "ready", ms: Math.round(performance.now() - began) });
  return { pyodide, web };
}

function toPython(pyodide, value) {
  // File contents arrive as bytes; everything else is a string.
  return value instanceof Uint8Array ? pyodide.toPy(value) : value;
}

function call({ pyodide, web }, fn, args) {
  if (!ENTRY_POINTS.has(fn)) {
    throw new Error(`unknown entry point: ${fn}`);
  }
  const pyArgs = args.map((value) => toPython(pyodide, value));
  try {
    return web[fn](...pyArgs);
  } finally {
    for (const value of pyArgs) {
      if (value && typeof value.destroy === "function") value.destroy();
    }
  }
}

const engine = Promise.race([start(), fatal]);
engine.catch((error) => {
  post({ type: "failed", step: error.step || "start", message: describe(error) });
});

self.onmessage = async (event) => {
  const { type, id, fn, args } = event.data || {};
  if (type !== "call") {
    self.postMessage({ type: "error", id, message: `unknown message type: ${type}` });
    return;
  }
  try {
    const value = call(await engine, fn, Array.isArray(args) ? args : []);
    self.postMessage({ type: "result", id, value });
  } catch (error) {
    self.postMessage({ type: "error", id, message: describe(error) });
  }
};
