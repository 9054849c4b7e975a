// How the staff list's date columns were read, in the engine's sentences under the summary,
// and the list's date order to choose (like the command line's --date-order) when a column
// does not show its own: dates such as 3/4/2026 are never guessed.

import { el, required } from "../shared/dom.js";

/** @import { BatchPart } from "../shared/types.js" */

/**
 * Whether the choice is offered: a column was refused, or the reader chose an order (so that
 * they can go back to "as each column shows").
 * @param {Pick<BatchPart, "date_order_refused">} list
 * @param {string} chosen  the order the list was checked with: auto, dmy or mdy
 */
export function offersChoice(list, chosen) {
  return chosen !== "auto" || Object.keys(list.date_order_refused || {}).length > 0;
}

/**
 * Fill the panel from a checked list, or hide it (`list` null: nothing was read).
 * @param {HTMLElement} panel  [data-batch-date-order]
 * @param {Pick<BatchPart, "date_order_sentences" | "date_order_refused"> | null} list
 * @param {string} chosen
 */
export function showDateOrder(panel, list, chosen) {
  const sentences = list ? list.date_order_sentences || [] : [];
  const offered = list !== null && offersChoice(list, chosen);
  required(panel, "[data-batch-date-order-sentences]").replaceChildren(...sentences.map((sentence) => el("li", {}, sentence)));
  required(panel, "[data-batch-date-order-choice]").hidden = !offered;
  for (const button of panel.querySelectorAll("button[data-date-order]")) {
    button.setAttribute("aria-pressed", String(/** @type {HTMLElement} */ (button).dataset.dateOrder === chosen));
  }
  panel.hidden = !sentences.length && !offered;
}
