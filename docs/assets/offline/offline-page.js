// @ts-check
// The offline page (docs/offline.md, zh: docs/offline.zh.md), which the service worker
// shows in place of a page it has not kept: fills [data-offline-from] with the address
// asked for (?from=) and [data-offline-cached] with a link to each page of the page's
// language that this browser has kept, by its title.

/** The site's root, from this module's address (assets/offline/offline-page.js). */
const ROOT = new URL("../../", import.meta.url).href;

/** @returns {boolean} whether the page is the Chinese offline page */
function isChinese() {
  return document.documentElement.lang.toLowerCase().startsWith("zh");
}

/**
 * The kept pages' addresses (folders, ending in "/") in `chinese` or not, site pages only.
 * @param {boolean} chinese
 * @returns {Promise<Map<string, Response>>}
 */
async function keptPages(chinese) {
  /** @type {Map<string, Response>} */
  const pages = new Map();
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const url = new URL(request.url);
      url.search = "";
      const href = url.href.replace(/index\.html$/, "");
      if (!href.startsWith(ROOT) || !href.endsWith("/") || pages.has(href)) continue;
      const path = href.slice(ROOT.length);
      if (path.startsWith("zh/") !== chinese || /(^|\/)(offline|embed)\/$/.test(path)) continue;
      const response = await cache.match(request);
      if (response) pages.set(href, response);
    }
  }
  return pages;
}

/**
 * A page's title as its <h1> says it (the theme's <title> adds the site's name).
 * @param {Response} response
 * @returns {Promise<string>}
 */
async function titleOf(response) {
  const html = new DOMParser().parseFromString(await response.text(), "text/html");
  const heading = html.querySelector("h1");
  return (heading ? heading.textContent || "" : html.title).replace(/¶$/, "").trim();
}

async function fill() {
  const from = new URLSearchParams(window.location.search).get("from");
  const fromSlot = document.querySelector("[data-offline-from]");
  if (fromSlot && from) fromSlot.textContent = from;
  const list = document.querySelector("[data-offline-cached]");
  if (!list || !("caches" in window)) return;
  const items = [];
  for (const [href, response] of await keptPages(isChinese())) {
    items.push({ href, title: await titleOf(response) });
  }
  items.sort((a, b) => (a.href < b.href ? -1 : 1));
  list.replaceChildren(
    ...items.map(({ href, title }) => {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = href;
      link.textContent = title;
      item.append(link);
      return item;
    }),
  );
  list.closest("[data-offline-kept]")?.removeAttribute("hidden");
}

fill().catch((error) => console.warn("Could not list the kept pages:", error));
