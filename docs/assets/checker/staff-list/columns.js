// The staff list's one column table: every column of the results, in order (the status,
// the file's own columns, days left, the first and last day, the reason), each with its
// header, its cell's HTML, its width in "0"-widths and how many lines of text its cell
// takes. The header row, each row, the grid's widths and the row groups' estimated heights
// all come from it. Pure: strings in, strings out.

import { escapeHtml } from "../shared/dom.js";
import { addedAt, nameColumn } from "./model.js";

/** @import { BatchPart, Words } from "../shared/types.js" */
/** @import { RowAnswer } from "./model.js" */
/** @typedef {Pick<BatchPart, "rows" | "statuses" | "input_columns" | "added_columns" | "read_columns" | "written" | "on">} Result */
/**
 * @typedef {object} Column
 * @property {string} header       the header cell's text
 * @property {string} [className]  the class of its header and cells
 * @property {number | null} width "0"-widths; null: the rest of the line (the reason)
 * @property {(labelled: boolean) => (row: string[], answer: RowAnswer) => string} writer
 *   a function writing the column's <td> (labelled: each cell names its column, for the
 *   phone's cards)
 * @property {(width: number) => (row: string[], answer: RowAnswer) => number} [lines]
 *   the lines of text its cell takes at `width`, roughly (columns without: one line)
 */

// The reason takes the rest of the line, at least this many "0"-widths.
export const REASON_MIN = 24;

/**
 * Roughly how many "0"-widths a text takes (Chinese and other wide characters take two).
 * @param {unknown} text
 */
export function textWidth(text) {
  let width = 0;
  for (const character of String(text)) width += (character.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return width;
}

/**
 * Lines a text takes in a cell `width` "0"-widths wide.
 * @param {unknown} text
 * @param {number} width
 */
export function linesOf(text, width) {
  return Math.ceil(textWidth(text) / Math.max(width - 1, 1)) || 1;
}

/**
 * @param {string[]} texts
 * @param {number} most
 */
const fit = (texts, most) => Math.min(Math.max(3, ...texts.map(textWidth)), most) + 2;
/** @param {unknown} text */
const longestWord = (text) => Math.max(...String(text).split(/[_\s]/).map(textWidth));
/** @param {number[]} widths */
const sum = (widths) => widths.reduce((total, width) => total + width, 0);

/**
 * A header cell; long column names (passport_expires) may break after their underscores.
 * @param {Column} column
 */
function headerCell(column) {
  const className = column.className ? ` class="${column.className}"` : "";
  return `<th scope="col"${className}>${escapeHtml(column.header).replace(/_/g, "_<wbr>")}</th>`;
}

/**
 * The file's own columns' widths: as wide as their longest value in the first rows, within
 * limits; when the file has many columns, they narrow (their cells wrap) so that every
 * column fits in `room`, each keeping its longest word (a date, a staff number) on a line.
 * @param {Result} result
 * @param {number} room  the widths left for them
 */
function inputWidths(result, room) {
  const sample = result.rows.slice(0, 500);
  const wanted = result.input_columns.map((name, column) =>
    fit([...sample.map((row) => row[column]), "x".repeat(longestWord(name))], 14),
  );
  const least = result.input_columns.map((name, column) =>
    Math.min(fit([...sample.map((row) => "x".repeat(longestWord(row[column]))), "x".repeat(longestWord(name))], 12), wanted[column]),
  );
  if (sum(wanted) <= room) return wanted;
  const spare = sum(wanted) - sum(least);
  const share = spare ? Math.max(room - sum(least), 0) / spare : 0;
  return wanted.map((width, column) => least[column] + Math.floor((width - least[column]) * Math.min(share, 1)));
}

/**
 * The columns of `result`'s table, fitted to `room` "0"-widths.
 * @param {Result} result
 * @param {Words} words
 * @param {number} room
 * @returns {Column[]}
 */
export function columnTable(result, words, room) {
  const [atEarliest, atLatest, atFirstWorking, atLastWorking] = [
    "earliest",
    "latest",
    "earliest_working_day",
    "latest_working_day",
  ].map((name) => addedAt(result, name));
  const who = nameColumn(result);
  /** @param {string} name @param {boolean} labelled */
  const label = (name, labelled) => (labelled ? ` data-label="${escapeHtml(name)}"` : "");
  /** @param {string} name */
  const statusWord = (name) => words[`status_${name}`] || name;
  /** @param {string} note */
  const confirmWord = (note) => words[`confirm_${note}`] || note;
  const written = (/** @type {string} */ iso) => result.written[iso] || iso;

  const status = fit(result.statuses.map(statusWord), 9);
  const days = fit([...words.col_days_left.split(" "), "-9999"], 7);
  const dates = fit(Object.values(result.written), 17);
  const inputs = inputWidths(result, room - (status + days + 2 * dates + REASON_MIN));

  /** @type {Column} */
  const statusColumn = {
    header: words.col_status,
    className: "batch__status",
    width: status,
    writer: () => (_row, answer) => {
      const notes = answer.confirm.map((note) => `<small class="batch__confirm">${escapeHtml(confirmWord(note))}</small>`).join("");
      return `<td class="batch__status">${escapeHtml(statusWord(answer.status))}${notes}</td>`;
    },
    lines: (width) => {
      const known = new Map(); // the status cell's lines, by status and notes
      return (_row, answer) => {
        const key = `${answer.status} ${answer.confirm.join(" ")}`;
        if (!known.has(key)) {
          const first = linesOf(statusWord(answer.status), width);
          known.set(key, answer.confirm.reduce((total, note) => total + linesOf(confirmWord(note), width), first));
        }
        return known.get(key);
      };
    },
  };

  /** @type {Column[]} */
  const inputColumns = result.input_columns.map((name, column) => ({
    header: name,
    width: inputs[column],
    writer: (labelled) => {
      const start = `<td${column === who ? ' class="batch__who"' : ""}${label(name, labelled)}>`;
      return (row) => `${start}${escapeHtml(row[column])}</td>`;
    },
    lines: column === who ? (width) => (row) => linesOf(row[column], width) : undefined,
  }));

  /** @type {Column} */
  const daysColumn = {
    header: words.col_days_left,
    className: "batch__days",
    width: days,
    writer: (labelled) => {
      const start = `<td class="batch__days"${label(words.col_days_left, labelled)}>`;
      return (_row, answer) => `${start}${answer.days === null ? "" : String(answer.days)}</td>`;
    },
  };

  // A date, and beneath it the working day to go by when the date is not one (and is not
  // already past: a first day before the chosen day needs no working day).
  const noteWidth = Math.max(textWidth(words.first_working_day), textWidth(words.last_working_day));
  /**
   * @param {string} header
   * @param {string} className
   * @param {number} at
   * @param {number} atWorking
   * @param {string} note
   * @returns {Column}
   */
  const dateColumn = (header, className, at, atWorking, note) => ({
    header,
    className: className || undefined,
    width: dates,
    writer: (labelled) => {
      const start = `<td${className ? ` class="${className}"` : ""}${label(header, labelled)}>`;
      const escapedNote = escapeHtml(note);
      const times = new Map(); // many staff share dates: escape each written date once
      /** @param {string} iso */
      const time = (iso) => {
        if (!times.has(iso)) times.set(iso, `<time datetime="${escapeHtml(iso)}">${escapeHtml(written(iso))}</time>`);
        return times.get(iso);
      };
      return (row) => {
        const [iso, working] = [row[at], row[atWorking]];
        if (!iso) return `${start}</td>`;
        const go = iso >= result.on && working && working !== iso ? `<small class="batch__working">${escapedNote}${time(working)}</small>` : "";
        return `${start}${time(iso)}${go}</td>`;
      };
    },
    lines: (width) => (row) => {
      const [iso, working] = [row[at], row[atWorking]];
      if (!iso) return 1;
      const date = linesOf(written(iso), width);
      if (!(iso >= result.on && working && working !== iso)) return date;
      return date + linesOf(`${"x".repeat(noteWidth)}${written(working)}`, width);
    },
  });

  /** @type {Column} */
  const reasonColumn = {
    header: words.col_reason,
    width: null,
    writer: () => (_row, answer) => `<td class="batch__reason">${escapeHtml(answer.why)}</td>`,
    lines: (width) => (_row, answer) => linesOf(answer.why, width),
  };

  return [
    statusColumn,
    ...inputColumns,
    daysColumn,
    dateColumn(words.col_earliest, "", atEarliest, atFirstWorking, words.first_working_day),
    dateColumn(words.col_latest, "batch__latest", atLatest, atLastWorking, words.last_working_day),
    reasonColumn,
  ];
}

/**
 * The header row's HTML.
 * @param {Column[]} columns
 */
export function headerHtml(columns) {
  return `<tr aria-rowindex="1">${columns.map(headerCell).join("")}</tr>`;
}

/**
 * A function that writes one row's HTML: (the row, its answer, its index in the file).
 * @param {Column[]} columns
 * @param {boolean} labelled  each cell names its column (data-label), for the phone's cards
 * @returns {(row: string[], answer: RowAnswer, index: number) => string}
 */
export function rowWriter(columns, labelled) {
  const writers = columns.map((column) => column.writer(labelled));
  return (row, answer, index) => {
    let cells = "";
    for (const write of writers) cells += write(row, answer);
    return (
      `<tr data-status="${escapeHtml(answer.status)}" data-row="${index + 1}" ` +
      `data-days-left="${answer.daysLeft === null ? "" : String(answer.daysLeft)}" ` +
      `data-days-to-act="${answer.days === null ? "" : String(answer.days)}" data-act-by="${escapeHtml(answer.actBy)}" ` +
      `data-confirm="${answer.confirm.map((note) => escapeHtml(note)).join(" ")}">${cells}</tr>`
    );
  };
}

/**
 * The grid's column template (see batch.css): each column's width, the reason the rest.
 * @param {Column[]} columns
 */
export function gridTemplate(columns) {
  return columns.map((column) => (column.width === null ? `minmax(${REASON_MIN}ch, 1fr)` : `${column.width}ch`)).join(" ");
}

/**
 * A function that says how many lines of text a row takes, roughly (its tallest cell's; on
 * a phone's card, the reason's alone, at the card's width): the heights of row groups not
 * yet laid out are estimated from it.
 * @param {Column[]} columns
 * @param {number} room  the table's width in "0"-widths
 * @param {boolean} phone
 * @returns {(row: string[], answer: RowAnswer) => number}
 */
export function rowLines(columns, room, phone) {
  const reason = columns[columns.length - 1];
  const fixed = sum(columns.map((column) => column.width || 0));
  const reasonLines = reason.lines?.(phone ? room : Math.max(room - fixed, REASON_MIN));
  if (phone) return (row, answer) => (reasonLines ? reasonLines(row, answer) : 1) + answer.confirm.length;
  const counters = columns.flatMap((column) => {
    if (column === reason) return reasonLines ? [reasonLines] : [];
    return column.lines && column.width !== null ? [column.lines(column.width)] : [];
  });
  return (row, answer) => {
    let most = 1;
    for (const count of counters) most = Math.max(most, count(row, answer));
    return most;
  };
}
