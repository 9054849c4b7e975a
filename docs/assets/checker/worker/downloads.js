// The worker's answers to Pyodide's own requests for the runtime's files, from the downloads
// the worker started at its first moment (their types are here). Imported by the worker
// beside worker/python.js.

/** @typedef {{file: string, init: RequestInit & {integrity: string}}} WheelRequest */
/** @typedef {{bytes: Uint8Array, headers: Headers}} Download */
/**
 * @typedef {object} Downloads
 * @property {Promise<WebAssembly.Module>} compiled
 * @property {Promise<Download>} script
 * @property {Promise<unknown>} runtimeModule  the runtime's script, imported, for loadPyodide
 * @property {Promise<{loadPyodide: (options: object) => Promise<any>}>} loader  pyodide.mjs
 * @property {Promise<WheelRequest | null>} wheel  the wheel's request as Pyodide makes it
 * @property {Promise<Download | null>} wheelFile
 * @property {Map<string, Promise<Download>>} files
 */

// Pyodide's own requests for the runtime's files are answered with the downloads already
// under way: its WebAssembly request gets an empty placeholder, and its one
// instantiateStreaming call for it the module compiled from the download; its requests for
// the standard library, the lock file and the wheel (with the same integrity) get their
// bytes. Any other request is counted as it goes.
/**
 * @param {Downloads} downloads
 * @param {{runtimeFile: (url: string) => string | null, wasmFile: string, downloaded: (file: string, init?: RequestInit) => Promise<Download>, nativeFetch: typeof fetch}} runtime
 *   runtimeFile: the runtime file a URL names, or null; downloaded: a runtime file fetched and
 *   counted; nativeFetch: the browser's own fetch, for any other request
 */
export function answerFromDownloads({ compiled, wheel, wheelFile, files }, { runtimeFile, wasmFile, downloaded, nativeFetch }) {
  /** @type {WeakSet<Response>} */
  const placeholders = new WeakSet();
  // The download that answers a request, or null (the standard library and the lock file
  // answer one request each; the wheel, a request with its integrity).
  /**
   * @param {string} file
   * @param {RequestInit} [init]
   * @returns {Promise<Promise<Download | null> | null>}
   */
  async function early(file, init) {
    const download = files.get(file);
    if (download) {
      files.delete(file);
      return download;
    }
    const request = await wheel.catch(() => null);
    const same = request && file === request.file && init?.integrity === request.init.integrity;
    return same ? wheelFile : null;
  }
  /** @type {typeof fetch} */
  const answering = async (input, init) => {
    const file = runtimeFile(input instanceof Request ? input.url : String(input));
    if (file === null) return nativeFetch(input, init);
    if (file === wasmFile) {
      const placeholder = new Response(new Uint8Array(0), { headers: { "content-type": "application/wasm" } });
      placeholders.add(placeholder);
      return placeholder;
    }
    const { bytes, headers } = await ((await early(file, init)) ?? downloaded(file, init));
    return new Response(/** @type {Uint8Array<ArrayBuffer>} */ (bytes), { headers });
  };
  self.fetch = answering;
  const instantiateStreaming = WebAssembly.instantiateStreaming;
  /** @type {any} */ (WebAssembly).instantiateStreaming = async function (/** @type {Response | PromiseLike<Response>} */ source, /** @type {WebAssembly.Imports} */ imports) {
    const response = await source;
    if (!placeholders.has(response)) return instantiateStreaming.call(this, response, imports);
    const module = await compiled;
    return { module, instance: await WebAssembly.instantiate(module, imports) };
  };
}
