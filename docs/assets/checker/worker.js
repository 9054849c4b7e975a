// The checker's engine in a module Web Worker: self-hosted Pyodide running `checker.web`.
//
// Started by engine.js as  new Worker("worker.js?runtime=<url>&package=<name>", {type: "module"}).
// Start-up begins at once, in four named steps; each can fail with its own message.
//
// Protocol (every message has `type` and `id`):
//   page -> worker  {type: "call", id, fn, args}     fn: one of ENTRY_POINTS, args: strings
//                                                    (or a Uint8Array for file contents)
//   worker -> page  {type: "ready",  id: "startup", ms}
//                   {type: "failed", id: "startup", step, message}
//                   {type: "result", id, value}      value: the entry point's string
//                   {type: "error",  id, message}
// A call that arrives during start-up is answered as soon as the engine is ready.

const ENTRY_POINTS = new Set(["check_json", "rules_json", "window_ics", "batch_json", "batch_ics"]);
const params = new URL(self.location.href).searchParams;
const RUNTIME_URL = new URL(params.get("runtime") || "./", self.location.href).href;
const PACKAGE = params.get("package") || "";

class StartupError extends Error {
  constructor(step, message) {
    super(message);
    this.step = step;
  }
}

async function step(name, action) {
  try {
    return await action();
  } catch (error) {
    throw new StartupError(name, String(error && error.message ? error.message : error));
  }
}

// Pyodide compiles its 9.6 MB WebAssembly only once pyodide.asm.mjs (1.2 MB of JavaScript)
// has been fetched, parsed and run. Compiling it from the worker's first moment instead lets
// the two overlap (on a cold visit, about 50-80 ms sooner on this machine's two cores).
// Pyodide has no option to take a compiled module, so its one instantiateStreaming call for
// this URL is answered with the module compiled here; any other call goes through unchanged.
// If the early compile fails, Pyodide's own call fails the same way it would have.
function compileRuntimeEarly() {
  const wasmURL = new URL("pyodide.asm.wasm", RUNTIME_URL).href;
  const compiled = WebAssembly.compileStreaming(fetch(wasmURL));
  compiled.catch(() => {}); // reported through Pyodide's call below
  const instantiateStreaming = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = async function (source, imports) {
    const response = await source;
    if (response.url !== wasmURL) return instantiateStreaming.call(this, response, imports);
    response.body?.cancel().catch(() => {}); // the same bytes, already being compiled
    const module = await compiled;
    return { module, instance: await WebAssembly.instantiate(module, imports) };
  };
}

async function importRuntime() {
  const module = await import(new URL("pyodide.mjs", RUNTIME_URL).href);
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
  compileRuntimeEarly();
  const loadPyodide = await step("import-runtime", importRuntime);
  const pyodide = await step("start-python", () => startPython(loadPyodide));
  await step("install-checker", () => checkInstalled(pyodide));
  const web = await step("import-checker", () => pyodide.pyimport("checker.web"));
  self.postMessage({ type: "ready", id: "startup", ms: Math.round(performance.now() - began) });
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

const engine = start();
engine.catch((error) => {
  self.postMessage({
    type: "failed",
    id: "startup",
    step: error.step || "start",
    message: error.message || String(error),
  });
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
    self.postMessage({ type: "error", id, message: String(error && error.message ? error.message : error) });
  }
};
