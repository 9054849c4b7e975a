// The staff list's rows in the table: made in short tasks, then placed in row groups
// (tbody) of GROUP_ROWS shown rows each. A group far from the screen is not laid out
// (content-visibility, see batch.css), so a long list costs the page a few hundred groups,
// not one box per row; a group near the screen is laid out before it is painted. Groups
// not yet laid out get a height estimated from the column table's line counts.

import { afterPaint, aTaskLater } from "../shared/tasks.js";
import { rowWriter } from "./columns.js";
import { matches } from "./model.js";

/** @import { Column } from "./columns.js" */
/** @import { RowAnswer } from "./model.js" */

const GROUP_ROWS = 100;
// A group holds at most GROUP_MOST rows, filtered-out ones included.
const GROUP_MOST = 4 * GROUP_ROWS;
// Groups are placed in tasks of about this many milliseconds, and rows are made this many
// at a time (about as long), so that the page keeps answering clicks and keys while a long
// list is checked and written.
const TASK_MS = 30;
const MADE_AT_ONCE = 500;
// Marks on the page's performance timeline (for benchmarks and automation): the first group
// of rows placed in the table, and every row placed.
export const MARKS = { firstRows: "staff-list:first-rows", everyRow: "staff-list:every-row" };

/** @typedef {{labelled: boolean | null, rows: HTMLTableRowElement[]}} RowNodes */

/**
 * The <tr> of each of `rows` (file indexes from `firstIndex` on), made in short tasks;
 * null when `stillWanted()` turns false on the way.
 * @param {Column[]} columns
 * @param {string[][]} rows
 * @param {RowAnswer[]} rowAnswers
 * @param {number} firstIndex
 * @param {boolean} labelled
 * @param {() => boolean} stillWanted
 * @returns {Promise<HTMLTableRowElement[] | null>}
 */
export async function makeRows(columns, rows, rowAnswers, firstIndex, labelled, stillWanted) {
  const write = rowWriter(columns, labelled);
  /** @type {HTMLTableRowElement[]} */
  const made = [];
  for (let from = 0; from < rows.length; from += MADE_AT_ONCE) {
    if (from) await aTaskLater();
    if (!stillWanted()) return null;
    let html = "";
    for (let at = from; at < Math.min(from + MADE_AT_ONCE, rows.length); at += 1) {
      html += write(rows[at], rowAnswers[at], firstIndex + at);
    }
    const holder = document.createElement("tbody"); // not in the page: no style or layout yet
    holder.innerHTML = html;
    for (const tr of holder.rows) made.push(tr);
  }
  return made;
}

/**
 * @typedef {object} Placing
 * @property {HTMLTableElement} table
 * @property {string[][]} rows          every row, file order
 * @property {RowAnswer[]} rowAnswers
 * @property {HTMLTableRowElement[]} nodes  each row's <tr>, file order
 * @property {number[]} order           file indexes in the chosen order
 * @property {string | null} filter
 * @property {boolean} labelled          the phone's cards
 * @property {(row: string[], answer: RowAnswer) => number} lines
 * @property {() => boolean} stillWanted
 */

/**
 * Every row, in the chosen order, filtered-out rows hidden, in row groups: the first group
 * at once, the others in short tasks while the page stays responsive. Resolves when every
 * row is in place (or the placing is no longer wanted); until then the table is aria-busy.
 * @param {Placing} placing
 */
export async function placeRows({ table, rows, rowAnswers, nodes, order, filter, labelled, lines, stillWanted }) {
  const shownCount = rowAnswers.reduce((count, answer) => count + (matches(answer, filter) ? 1 : 0), 0);
  table.setAttribute("aria-rowcount", String(shownCount + 1));
  for (const group of [...table.tBodies]) group.remove();
  let at = 0;
  let position = 1; // the header row's: the shown rows follow it
  let lineHeight = 0; // a line of text's height in the first group, on average
  let rowBase = 0; // a row's height beside its lines of text (padding, border)
  // The next group of rows, with its estimated height (once the first group is measured).
  const group = () => {
    const body = document.createElement("tbody");
    body.className = "batch__rows";
    let shownRows = 0;
    let textLines = 0;
    for (const end = Math.min(at + GROUP_MOST, order.length); at < end && shownRows < GROUP_ROWS; at += 1) {
      const index = order[at];
      const tr = nodes[index];
      const shown = matches(rowAnswers[index], filter);
      tr.hidden = !shown;
      body.append(tr);
      if (shown) {
        // A group away from the screen is not in the accessibility tree (it is not laid
        // out): each row says where it is in the table, and the table how many it has.
        position += 1;
        tr.setAttribute("aria-rowindex", String(position));
        shownRows += 1;
        textLines += lines(rows[index], rowAnswers[index]);
      }
    }
    if (lineHeight) body.style.setProperty("--batch-group-height", `${Math.round(shownRows * rowBase + textLines * lineHeight)}px`);
    return { body, shownRows, textLines };
  };
  // The first group at once, measured (laid out even when the page is scrolled away from
  // it): the others' heights are estimated from it.
  const first = group();
  first.body.style.setProperty("content-visibility", "visible");
  table.append(first.body);
  const row = /** @type {HTMLTableRowElement | null} */ (first.body.querySelector("tr:not([hidden])"));
  const height = first.body.getBoundingClientRect().height;
  first.body.style.removeProperty("content-visibility");
  first.body.style.setProperty("--batch-group-height", `${height}px`);
  if (!row) {
    [lineHeight, rowBase] = [16, 16];
  } else if (labelled) {
    // A card: its lines of text as the line height says, the rest (the cells' names, the
    // other cells) alike on every card.
    lineHeight = parseFloat(getComputedStyle(row.cells[0]).lineHeight) || 16;
    rowBase = Math.max((height - first.textLines * lineHeight) / first.shownRows, lineHeight);
  } else {
    // A table row: its cells' padding and its border, and its tallest cell's lines of
    // text, the line's height taken from the first group (words wrap before the cell's end).
    const [style, cellStyle] = [getComputedStyle(row), getComputedStyle(row.cells[0])];
    rowBase =
      parseFloat(style.borderTopWidth) +
      parseFloat(style.paddingTop) +
      parseFloat(cellStyle.paddingTop) +
      parseFloat(style.paddingBottom) +
      parseFloat(cellStyle.paddingBottom);
    lineHeight = Math.max((height - first.shownRows * rowBase) / first.textLines, 1);
  }
  performance.mark(MARKS.firstRows);
  await afterPaint();
  while (at < order.length) {
    if (!stillWanted()) return;
    const began = performance.now();
    const groups = [];
    do groups.push(group().body);
    while (at < order.length && performance.now() - began < TASK_MS);
    table.append(...groups);
    if (at < order.length) await aTaskLater();
  }
  if (!stillWanted()) return;
  table.removeAttribute("aria-busy");
  performance.mark(MARKS.everyRow);
}
