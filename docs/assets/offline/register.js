// @ts-check
// Offline reading (every page but the embed; hooks/offline.py adds this module): registers
// the site's service worker (sw.js at the site's root, scope the site's root, so it works
// under any sub-path), and shows the update notice when a newer build is waiting.
//
// - Only where browsers allow service workers (HTTPS, or localhost): over plain HTTP
//   nothing happens and the site works as it always did.
// - Never ahead of the reader's page: on a page with the checker or the staff-list check,
//   the service worker is registered once that has started (or failed); elsewhere once the
//   page has loaded. Once the checker has started, the service worker is asked to keep its
//   runtime (already downloaded, so no second download), unless the line saves data.
// - A newer build is never switched to silently: [data-update-notice] (the page's words)
//   appears, and its button lets the waiting worker take over and reloads the page.

/** The site's root, from this module's address (assets/offline/register.js). */
const ROOT = new URL("../../", import.meta.url);
const WIDGETS = "[data-checker], [data-batch]";
const STARTED = '[data-checker][data-state="ready"], [data-checker][data-state="failed"], [data-batch][data-state="ready"], [data-batch][data-state="failed"]';
const READY = '[data-checker][data-state="ready"], [data-batch][data-state="ready"]';

/** @returns {boolean} whether the reader's connection asks to save data */
function savesData() {
  /** @type {{connection?: {saveData?: boolean}}} */
  const nav = /** @type {any} */ (navigator);
  return Boolean(nav.connection && nav.connection.saveData);
}

/**
 * Resolves once `selector` matches (at once if it does already).
 * @param {string} selector
 * @returns {Promise<void>}
 */
function whenMatched(selector) {
  return new Promise((resolve) => {
    if (document.querySelector(selector)) return resolve();
    const observer = new MutationObserver(() => {
      if (!document.querySelector(selector)) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ["data-state"], childList: true });
  });
}

/** @returns {Promise<void>} resolves when the page's own downloads are done */
function pageDone() {
  const loaded = document.readyState === "complete" ? Promise.resolve() : new Promise((resolve) => window.addEventListener("load", () => resolve(undefined), { once: true }));
  if (!document.querySelector(WIDGETS)) return loaded;
  return loaded.then(() => whenMatched(STARTED));
}

/**
 * Show the update notice; its button lets `waiting` take over, then the page reloads.
 * @param {ServiceWorker} waiting
 */
function offerUpdate(waiting) {
  const notice = /** @type {HTMLElement | null} */ (document.querySelector("[data-update-notice]"));
  if (!notice) return;
  const button = /** @type {HTMLButtonElement | null} */ (notice.querySelector("[data-update-reload]"));
  notice.hidden = false;
  if (!button) return;
  button.addEventListener(
    "click",
    () => {
      button.disabled = true;
      navigator.serviceWorker.addEventListener("controllerchange", () => window.location.reload(), { once: true });
      waiting.postMessage({ type: "SKIP_WAITING" });
    },
    { once: true },
  );
}

/** @param {ServiceWorkerRegistration} registration */
function watchForUpdates(registration) {
  // Only an update (a worker already controls the page), never the first installation.
  const hadController = Boolean(navigator.serviceWorker.controller);
  if (registration.waiting && hadController) offerUpdate(registration.waiting);
  registration.addEventListener("updatefound", () => {
    const installing = registration.installing;
    if (!installing) return;
    installing.addEventListener("statechange", () => {
      if (installing.state === "installed" && navigator.serviceWorker.controller) offerUpdate(installing);
    });
  });
}

/** Ask the active worker to keep the checker's runtime, once the checker has started. */
async function keepRuntime() {
  if (!document.querySelector(WIDGETS) || savesData()) return;
  await whenMatched(READY);
  const registration = await navigator.serviceWorker.ready;
  if (registration.active) registration.active.postMessage({ type: "citizen-card:keep-runtime" });
}

async function start() {
  if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
  await pageDone();
  const registration = await navigator.serviceWorker.register(new URL("sw.js", ROOT), { scope: ROOT.pathname });
  watchForUpdates(registration);
  await keepRuntime();
}

start().catch((error) => console.warn("Offline reading is not available:", error));
