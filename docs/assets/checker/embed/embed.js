// The embed page (embed/ and zh/embed/): the checker alone, inside another site's iframe.
//
// Messages to the host page (window.parent.postMessage, nowhere else):
//   {type: "citizen-card:resize", height}   on load and whenever the page's height changes
//                                           (the height says nothing about the reader)
//   {type: "citizen-card:result", result}   only with a valid ?origin, and only to that
//                                           origin: after every answer, the engine's result
//                                           (status, earliest, latest, rules, notes...); for
//                                           invalid input {status: "invalid", errors}
// Private by default: without ?origin the reader's dates and answers never leave the frame,
// since any page may frame the checker. A malformed ?origin is a console warning, and the
// frame then behaves as without one. The options: embed/options.js.

import { hiddenParts, hostOriginOf, wantedLang } from "./options.js";

/** @import { AnswerReply } from "../shared/types.js" */

/**
 * ?lang=zh on the English page (or the reverse): go to the other language's embed page,
 * keeping the other options and the fragment (a link's dates).
 * @param {URLSearchParams} params
 */
function switchLanguage(params) {
  const wanted = wantedLang(params.get("lang"));
  const current = wantedLang(document.documentElement.lang);
  if (!wanted || wanted === current) return false;
  const alternate = /** @type {HTMLMetaElement | null} */ (
    document.querySelector(`meta[name="citizen-card:alternate"][data-lang="${CSS.escape(wanted)}"]`)
  );
  if (!alternate) return false;
  const target = new URL(alternate.content, location.href);
  const kept = new URLSearchParams(params);
  kept.delete("lang");
  target.search = kept.toString();
  target.hash = location.hash;
  location.replace(target.href);
  return true;
}

/**
 * The height may go to whichever page frames the checker; answers only to the named origin.
 * @param {object} message
 * @param {string} targetOrigin
 */
function tellHost(message, targetOrigin) {
  if (window.parent !== window) window.parent.postMessage(message, targetOrigin);
}

// The page's own height (html and body are not stretched to the frame: see embed.css).
/** @param {string} targetOrigin */
function reportHeight(targetOrigin) {
  let lastHeight = -1;
  const send = () => {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === lastHeight) return;
    lastHeight = height;
    tellHost({ type: "citizen-card:resize", height }, targetOrigin);
  };
  new ResizeObserver(send).observe(document.body);
  send();
}

/** @param {string} hostOrigin */
function reportAnswers(hostOrigin) {
  document.addEventListener("checker:answer", (event) => {
    const reply = /** @type {CustomEvent<AnswerReply>} */ (event).detail;
    const result = reply.ok ? reply.result : { status: "invalid", errors: reply.errors };
    tellHost({ type: "citizen-card:result", result }, hostOrigin);
  });
}

// Links (the guide, each rule's source) open in a new tab, not inside the host's frame.
function openLinksOutside() {
  document.addEventListener("click", (event) => {
    const target = /** @type {Element | null} */ (event.target);
    const link = /** @type {HTMLAnchorElement | null} */ (target?.closest?.("a[href]") ?? null);
    if (!link || link.hasAttribute("download") || (link.getAttribute("href") || "").startsWith("#")) return;
    link.target = "_blank";
    link.rel = "noopener noreferrer";
  });
}

export function startEmbed() {
  const params = new URLSearchParams(location.search);
  const hostOrigin = hostOriginOf(params.get("origin"));
  if (switchLanguage(params)) return;
  document.documentElement.classList.add("embed");
  const parts = hiddenParts(params.get("hide"));
  if (parts.length) document.documentElement.dataset.embedHide = parts.join(" ");
  if (hostOrigin !== null) reportAnswers(hostOrigin);
  openLinksOutside();
  reportHeight(hostOrigin || "*");
}
