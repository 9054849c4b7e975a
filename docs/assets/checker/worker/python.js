// The worker's Python side: Pyodide started with the checker's wheel (and its messages kept,
// since a failed install says why only there), and the engine's entry points called with
// their arguments by name. Imported by worker.js once the runtime's downloads are under way.

// What Pyodide reported on stderr during start-up (a failed package install says why there).
/** @type {string[]} */
const startupMessages = [];

/**
 * @param {(options: object) => Promise<any>} loadPyodide
 * @param {{indexURL: string, stdLibURL: string, packageName: string, createPyodideModule: Promise<unknown>}} where
 *   createPyodideModule: the runtime's script (pyodide.asm.mjs), already being imported
 */
export async function startPython(loadPyodide, { indexURL, stdLibURL, packageName, createPyodideModule }) {
  return loadPyodide({
    indexURL,
    stdLibURL,
    createPyodideModule,
    // The checker wheel is installed while Python starts, instead of after.
    packages: [packageName],
    stdout: () => {},
    stderr: (/** @type {string} */ line) => {
      startupMessages.push(line);
      console.warn("[checker]", line);
    },
  });
}

/**
 * Neither `packages` nor loadPackage rejects when a package fails: check it is there.
 * @param {any} pyodide
 * @param {string} packageName
 */
export async function checkInstalled(pyodide, packageName) {
  if (!(packageName in pyodide.loadedPackages)) {
    const why = startupMessages.join(" ");
    throw new Error(`the package ${packageName} was not installed. ${why}`.trim());
  }
}

/**
 * An argument as Python takes it: file contents as bytes, an object as the engine's JSON
 * request, anything else (a string, a number) as it is.
 * @param {any} pyodide
 * @param {unknown} value
 */
function toPython(pyodide, value) {
  if (value instanceof Uint8Array) return pyodide.toPy(value);
  if (value !== null && typeof value === "object") return JSON.stringify(value);
  return value;
}

/**
 * An entry point called with its arguments by name; the *_json ones' replies parsed here,
 * so that the page gets an object.
 * @param {{pyodide: any, web: any}} engine
 * @param {Set<string>} entryPoints  the engine's (contract.js)
 * @param {string} fn
 * @param {Record<string, unknown>} args
 */
export function call({ pyodide, web }, entryPoints, fn, args) {
  if (!entryPoints.has(fn)) {
    throw new Error(`unknown entry point: ${fn}`);
  }
  const named = Object.fromEntries(Object.entries(args).map(([name, value]) => [name, toPython(pyodide, value)]));
  let reply;
  try {
    reply = web[fn].callKwargs(named);
  } catch (error) {
    throw engineFailure(pyodide, error);
  } finally {
    for (const value of Object.values(named)) {
      if (value && typeof value.destroy === "function") value.destroy();
    }
  }
  return fn.endsWith("_json") ? JSON.parse(reply) : reply;
}

/**
 * An entry point's failure as an Error, `fatal` unless it is a Python exception (the
 * runtime out of memory, a WebAssembly trap: this Python can no longer be trusted); a
 * Python exception as its last line ("RuntimeError: …"), never its traceback.
 * @param {any} pyodide
 * @param {unknown} error
 * @returns {Error & {fatal: boolean}}
 */
function engineFailure(pyodide, error) {
  if (error instanceof pyodide.ffi.PythonError) {
    // Its message is the whole traceback: the page gets its last line (the exception).
    const traceback = String(/** @type {Error} */ (error).message);
    console.error("[checker]", traceback);
    const lines = traceback.trim().split("\n");
    return Object.assign(new Error(lines[lines.length - 1].trim()), { fatal: false });
  }
  return Object.assign(error instanceof Error ? error : new Error(String(error)), { fatal: true });
}

// How long the engine must have been idle, once started, before it warms up.
const WARM_UP_AFTER_MS = 300;

/**
 * Once the engine has started and then been idle for WARM_UP_AFTER_MS (no call has come):
 * one made-up answer (checker.web.warm_up), its reply dropped, once. Returns what a call
 * runs to put the warm-up back by as long again.
 * Why: Chrome keeps the compiled WebAssembly for the next visit only once enough of its
 * code has been optimised, and Pyodide's start alone (its standard library already compiled
 * to bytecode), with the page's one call for the rules, often does not get there: after a
 * visit where the reader only opened the page, the next visit compiled the whole runtime
 * again (ready in 0.8-1.0 s instead of 0.55-0.65 s here; 1 of 4 such visits was kept, 4 of
 * 4 after this warm-up). The warm-up itself took 14-34 ms here.
 * @param {{web: any}} engine
 * @returns {() => void}
 */
export function warmUpWhenIdle({ web }) {
  /** @type {ReturnType<typeof setTimeout> | null} */
  let timer = null;
  const warmUp = () => {
    timer = null;
    try {
      web.warm_up();
    } catch (error) {
      console.warn("[checker] the warm-up failed:", error);
    }
  };
  timer = setTimeout(warmUp, WARM_UP_AFTER_MS);
  return () => {
    if (timer === null) return; // done already
    clearTimeout(timer);
    timer = setTimeout(warmUp, WARM_UP_AFTER_MS);
  };
}
