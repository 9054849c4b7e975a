// A staff list checked in parts: the engine is asked for up to PARTS_AHEAD parts ahead of
// the one whose rows the page is making, so that what the page has left to do once the
// engine is done is the small last part. The parts are put together into one answer for
// the whole list, each row's answer and <tr> with it.

import { answers, partRows } from "./model.js";

/** @import { BatchPart, BatchReply, Refusal } from "../shared/types.js" */
/** @import { Engine } from "../shared/engine.js" */
/** @import { RowAnswer } from "./model.js" */
/**
 * The whole list's answer: the parts put together, each row's answer and its <tr>.
 * @typedef {BatchPart & {answers: RowAnswer[], nodes: HTMLTableRowElement[]}} WholeList
 */
/**
 * @typedef {object} Request
 * @property {Uint8Array} data
 * @property {string} on
 * @property {string} lang
 * @property {string} encoding
 * @property {string} dateOrder  auto, dmy or mdy (the engine's date_order)
 * @property {number} estimate  the list's rows, as its lines say
 */

const PARTS_AHEAD = 2;

/**
 * @param {Engine} engine
 * @param {Request} request
 * @param {object} page
 * @param {() => boolean} page.stillWanted
 * @param {(done: number, rows: number) => void} page.progress
 * @param {(whole: WholeList, rows: string[][], rowAnswers: RowAnswer[], first: number) => Promise<HTMLTableRowElement[] | null>} page.makeRows
 *   the <tr> of a part's rows (file indexes from `first` on)
 * @returns {Promise<WholeList | Refusal | null>} null: no longer wanted
 */
export async function checkInParts(engine, { data, on, lang, encoding, dateOrder, estimate }, page) {
  /** @param {number} first @param {number} count */
  const ask = (first, count) => {
    /** @type {Promise<BatchReply>} */
    const reply = engine.call("batch_json", { data, on, lang, encoding, date_order: dateOrder, first, count });
    reply.catch(() => {}); // reported when its turn comes
    return { first, count, reply };
  };
  const asked = [ask(0, partRows(Math.max(estimate, 1)))];
  /** @type {WholeList | null} */
  let whole = null;
  /** @type {string[]} */
  const csvParts = [];
  while (asked.length) {
    const { first, count, reply } = /** @type {(typeof asked)[number]} */ (asked.shift());
    const part = await reply;
    if (!page.stillWanted()) return null;
    if (!part.ok) return part;
    // The parts after this one, PARTS_AHEAD at most (a new file or date soon gets its turn).
    const lastAsked = asked.at(-1);
    let end = lastAsked ? lastAsked.first + lastAsked.count : first + count;
    while (asked.length < PARTS_AHEAD && end < part.total) {
      const next = ask(end, partRows(part.total - end));
      asked.push(next);
      end = next.first + next.count;
    }
    const partAnswers = answers(part, part.rows);
    if (whole === null) {
      whole = { ...part, rows: [...part.rows], counts: { ...part.counts }, written: { ...part.written }, answers: [], nodes: [] };
    } else {
      for (const row of part.rows) whole.rows.push(row);
      for (const [name, rows] of Object.entries(part.counts)) whole.counts[name] = (whole.counts[name] || 0) + rows;
      Object.assign(whole.written, part.written);
    }
    csvParts.push(part.csv);
    for (const answer of partAnswers) whole.answers.push(answer);
    page.progress(whole.rows.length, whole.total);
    const made = await page.makeRows(whole, part.rows, partAnswers, first);
    if (!made) return null;
    for (const tr of made) whole.nodes.push(tr);
  }
  if (!whole) return null;
  whole.csv = csvParts.join("");
  return whole;
}
