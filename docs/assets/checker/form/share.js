// Keeping and sharing an answer: its link copied (or shown to copy by hand), and the
// language switch keeping the link's fragment (which holds the dates).

import { el } from "../shared/dom.js";

/** @import { Words } from "../shared/types.js" */

/**
 * @param {string} link
 * @param {Words} words
 * @param {HTMLElement} feedback
 */
export async function copyLink(link, words, feedback) {
  try {
    await navigator.clipboard.writeText(link);
    feedback.replaceChildren(words.copied);
  } catch {
    // No clipboard (e.g. a plain-http intranet): show the link to copy by hand.
    const field = el("input", { type: "text", readonly: "", value: link, "aria-label": words.copy_fallback });
    feedback.replaceChildren(`${words.copy_fallback} `, field);
    field.select();
  }
}

// The language switch keeps the answer's link (its fragment holds the dates).
export function keepFragmentOnLanguageSwitch() {
  document.addEventListener(
    "click",
    (event) => {
      const target = /** @type {Element | null} */ (event.target);
      const link = /** @type {HTMLAnchorElement | null} */ (target?.closest?.("a[hreflang]") ?? null);
      if (!link || !location.hash) return;
      const url = new URL(link.href);
      url.hash = location.hash;
      link.href = url.href;
    },
    true,
  );
}
