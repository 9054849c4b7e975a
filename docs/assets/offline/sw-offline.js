// @ts-check
/// <reference lib="webworker" />
// The service worker's own part (sw.js, made by Workbox at build time, imports it first, so
// its fetch handler answers before Workbox's routes). Every URL is relative to the
// worker's scope, the site's root, so the site works under any sub-path.
//
// - Pages (navigations): the network first, with NETWORK_TIMEOUT_MS to answer, then the
//   caches (Workbox's precache, the runtime cache). A page found nowhere: the offline page
//   in the reader's language (zh/ or not), which lists what is cached.
// - Everything else a page asks for, while the network is known to answer (a page came
//   from it in time, less than NETWORK_TRUSTED_MS ago, and nothing has failed since): not
//   answered here at all. The browser takes it as it would with no service worker, from
//   its HTTP cache with the code it compiled last time: a warm visit whose scripts, runtime
//   and standard library came through this worker took about 1.2 s, against 0.8 s.
//   navigator.onLine alone is not enough: a server that is gone, or a line that carries
//   nothing, leaves it true.
// - Otherwise (offline, late, or not known): the site's unversioned files (its scripts,
//   styles, search index, the runtime's standard library, wheel and lock file) network
//   first as pages are; Material's hashed bundles and Pyodide's versioned files are left to
//   Workbox, cache first (they never change under their name).
// - The message "citizen-card:keep-runtime" (sent by register.js once the checker has
//   started on its page, never on a line that saves data) copies the runtime's files into
//   the runtime cache: they are in the browser's HTTP cache by then, so it costs no download.

/** @type {ServiceWorkerGlobalScope} */
// @ts-ignore: `self` is the service worker's global scope here
const worker = self;

const NETWORK_TIMEOUT_MS = 3000;
/** How long a page's answer from the network in time is trusted for what the page asks. */
const NETWORK_TRUSTED_MS = 30000;
/**
 * When the network last answered a page in time (0: not yet, or failed or late since). Only
 * a page counts: it must come from the server (its address revalidated), while an image or
 * a versioned file may come from the browser's HTTP cache with the server gone.
 */
let networkAnsweredAt = 0;
const RUNTIME_CACHE = "checker-runtime";
/** Files whose name carries a version or hash: Workbox answers them from its caches. */
const VERSIONED = /(\/assets\/pyodide\/[^/]+\/pyodide\.(mjs|asm\.mjs|asm\.wasm)|\.[0-9a-f]{8}\.min\.(js|css))$/;
/** The runtime's files, relative to the scope (sw.js sets them: tools/service_worker.mjs). */
/** @type {string[]} */
const RUNTIME_FILES = /** @type {any} */ (self).CHECKER_RUNTIME_FILES || [];

/** @returns {string} the site's root URL, ending in "/" */
function root() {
  return worker.registration.scope;
}

/**
 * The offline page for a URL in the site: Chinese under zh/, English otherwise.
 * @param {URL} url
 * @returns {string}
 */
function offlinePage(url) {
  const zh = url.href.startsWith(root() + "zh/");
  const page = new URL(zh ? "zh/offline/" : "offline/", root());
  page.searchParams.set("from", url.pathname.slice(new URL(root()).pathname.length - 1));
  return page.href;
}

/**
 * The cached answer for a request: the URL itself, or its folder's index.html.
 * @param {Request} request
 * @returns {Promise<Response | undefined>}
 */
async function fromCache(request) {
  const url = new URL(request.url);
  url.search = "";
  const candidates = [url.href];
  if (url.pathname.endsWith("/")) candidates.push(url.href + "index.html");
  for (const candidate of candidates) {
    // ignoreSearch: Workbox keeps precached files under "?__WB_REVISION__=<hash>".
    const found = await caches.match(candidate, { ignoreSearch: true, ignoreVary: true });
    // A copy without the cached address: a worker script answered from the cache then
    // keeps the address it was asked for (its query holds its settings), as a page does.
    if (found) return new Response(found.body, { status: found.status, statusText: found.statusText, headers: found.headers });
  }
  return undefined;
}

/**
 * The network's answer, or undefined when it fails (a good answer also refreshes the
 * runtime cache).
 * @param {Request} request
 * @param {(response: Response) => void} keep
 * @returns {Promise<Response | undefined>}
 */
function fromNetwork(request, keep) {
  return fetch(request).then(
    (response) => {
      if (response.ok) keep(response.clone());
      return response;
    },
    () => undefined,
  );
}

/**
 * What `answer` gives within `ms`, or undefined (the request goes on).
 * @param {Promise<Response | undefined>} answer
 * @param {number} ms
 * @returns {Promise<Response | undefined>}
 */
function within(answer, ms) {
  return Promise.race([answer, new Promise((resolve) => setTimeout(() => resolve(undefined), ms))]);
}

/**
 * @param {FetchEvent} event
 * @returns {Promise<Response>}
 */
async function networkFirst(event) {
  const request = event.request;
  const isRuntime = RUNTIME_FILES.some((file) => request.url.split("?")[0] === new URL(file, root()).href);
  /** @param {Response} response */
  const keep = (response) => {
    if (!isRuntime) return;
    event.waitUntil(caches.open(RUNTIME_CACHE).then((cache) => cache.put(request.url.split("?")[0], response)));
  };
  // The network has NETWORK_TIMEOUT_MS to answer; then (or at once, if it fails) a cached
  // copy; without one, the network as long as it takes. The caches are looked in only then:
  // looking in every one on every request made a warm visit slower.
  const network = fromNetwork(request, keep);
  const answer = await within(network, NETWORK_TIMEOUT_MS);
  if (!answer) networkAnsweredAt = 0;
  else if (request.mode === "navigate") networkAnsweredAt = Date.now();
  if (answer) return answer;
  const cached = await fromCache(request);
  if (cached) return cached;
  const late = await network;
  if (late) return late;
  if (request.mode === "navigate") return Response.redirect(offlinePage(new URL(request.url)), 302);
  return Response.error();
}

worker.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(root())) return;
  if (new URL(request.url).pathname.endsWith("/sw.js")) return;
  const trusted = navigator.onLine && Date.now() - networkAnsweredAt < NETWORK_TRUSTED_MS;
  if (request.mode !== "navigate" && trusted) {
    event.stopImmediatePropagation();
    return;
  }
  if (VERSIONED.test(request.url.split("?")[0])) return;
  if (request.headers.has("range")) return; // partial requests: the browser's own way
  event.respondWith(networkFirst(event));
});

/** Copy the runtime's files into the runtime cache (the versioned ones once). */
async function keepRuntime() {
  const cache = await caches.open(RUNTIME_CACHE);
  for (const file of RUNTIME_FILES) {
    const url = new URL(file, root()).href;
    if (VERSIONED.test(url) && (await cache.match(url))) continue;
    const response = await fetch(url);
    if (response.ok) await cache.put(url, response);
  }
}

worker.addEventListener("message", (event) => {
  if (event.data && event.data.type === "citizen-card:keep-runtime") {
    event.waitUntil(
      keepRuntime().then(
        () => event.source && event.source.postMessage({ type: "citizen-card:runtime-kept" }),
        () => undefined,
      ),
    );
  }
});
