// The staff list's model, pure (no DOM): how a list is cut into parts for the engine, its
// lines counted from its bytes, each row's answer as the view needs it, the filters, the
// order, and who each row is about. Every name it uses is the engine's (its reply names its
// statuses most urgent first, its added columns, and how many days ahead a last day counts
// as "soon"): the page keeps no list of its own.

/** @import { BatchPart } from "../shared/types.js" */
/**
 * One row's answer as the view needs it: status, the days left to act (to the working day
 * the answer advises, `act_by`: a number or null), the rules' own days left (`daysLeft`, the
 * CSV's column), the notes to confirm, and whether its day to act is soon.
 * `why`: the "Why" column's sentence for HR (the reply's `why`; the CSV's reason where a reply
 * has none).
 * @typedef {{status: string, days: number | null, daysLeft: number | null, actBy: string, confirm: string[], soon: boolean, why: string}} RowAnswer
 */
/** @typedef {Pick<BatchPart, "input_columns" | "added_columns">} Columns */

// Rows per call to the engine: a list is checked in parts (one progress step each) of
// PART_ROWS, the last ones smaller (halving, down to LAST_PART_ROWS).
export const PART_ROWS = 10_000;
export const LAST_PART_ROWS = 1_500;

/**
 * How many rows the next part has, when `left` rows are left to check.
 * @param {number} left
 */
export function partRows(left) {
  if (left > 2 * PART_ROWS) return PART_ROWS;
  return Math.min(left, Math.max(Math.ceil(left / 2), LAST_PART_ROWS));
}

/**
 * The number of lines in a file's bytes (at least its rows), without decoding it, ended as
 * the CSV reader ends them: at CR, LF or CRLF (one line end). CR and LF are bytes 13 and
 * 10 in every encoding the engine reads but UTF-16, where they are units 13 and 10.
 * (A quoted cell's line break counts as a line here; the engine counts rows exactly.)
 * @param {Uint8Array} bytes
 */
export function lineCount(bytes) {
  const littleEndian = bytes[0] === 0xff && bytes[1] === 0xfe;
  if (littleEndian || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const low = littleEndian ? 0 : 1; // where the unit's low byte is
    let ends = 0;
    let last = 10; // an empty file has no last line
    for (let at = 2; at + 1 < bytes.length; at += 2) {
      const unit = bytes[at + 1 - low] === 0 ? bytes[at + low] : 256;
      if (unit === 13 || (unit === 10 && last !== 13)) ends += 1;
      last = unit;
    }
    return ends + (last === 10 || last === 13 ? 0 : 1);
  }
  let ends = 0;
  for (let at = bytes.indexOf(13); at !== -1; at = bytes.indexOf(13, at + 1)) ends += 1;
  for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) {
    if (bytes[at - 1] !== 13) ends += 1; // a CRLF's LF ends no second line
  }
  const last = bytes.length ? bytes[bytes.length - 1] : 10;
  return ends + (last === 10 || last === 13 ? 0 : 1); // a last line without a line end counts too
}

/**
 * Where an added column is in a row: the file's own columns come first (-1: not there).
 * @param {Columns} result
 * @param {string} name
 */
export function addedAt(result, name) {
  const at = result.added_columns.indexOf(name);
  return at === -1 ? -1 : result.input_columns.length + at;
}

/**
 * The answer of each of `rows` as the view needs it: the days to act are the reply's
 * `days_to_act` and `act_by` (one per row, in row order), the rules' days left its column.
 * @param {Pick<BatchPart, "input_columns" | "added_columns" | "days_left_shown_within"> & Partial<Pick<BatchPart, "days_to_act" | "act_by" | "why">>} result
 * @param {string[][]} rows
 * @returns {RowAnswer[]}
 */
export function answers(result, rows) {
  const [atStatus, atDays, atConfirm, atReason] = ["status", "days_left", "confirm", "reason"].map((name) => addedAt(result, name));
  const toAct = result.days_to_act || [];
  const actBy = result.act_by || [];
  const why = result.why || [];
  return rows.map((row, index) => {
    const days = atDays === -1 ? "" : row[atDays];
    const status = row[atStatus];
    const daysLeft = days === "" || days === undefined ? null : Number(days);
    const given = toAct[index];
    const number = typeof given === "number" ? given : index < toAct.length ? null : daysLeft;
    return {
      status,
      days: number,
      daysLeft,
      actBy: actBy[index] || "",
      confirm: atConfirm === -1 || !row[atConfirm] ? [] : row[atConfirm].split(/\s+/).filter(Boolean),
      soon:
        number !== null &&
        number >= 0 &&
        number <= result.days_left_shown_within &&
        (status === "eligible" || status === "not_yet"),
      why: why[index] ?? (atReason === -1 ? "" : row[atReason] || ""),
    };
  });
}

/**
 * Whether a row is shown under `filter` (a status, "soon", "confirm": something to confirm
 * first, or null for every row).
 * @param {RowAnswer} answer
 * @param {string | null} filter
 */
export function matches(answer, filter) {
  if (!filter) return true;
  if (filter === "soon") return answer.soon;
  if (filter === "confirm") return answer.confirm.length > 0;
  return answer.status === filter;
}

/**
 * How many rows each filter shows: each status's count (the engine's), "soon" and "confirm".
 * @param {Record<string, number>} counts
 * @param {RowAnswer[]} rowAnswers
 * @returns {(filter: string) => number}
 */
export function filterCounts(counts, rowAnswers) {
  /** @type {Record<string, number>} */
  const beyond = { soon: 0, confirm: 0 };
  for (const answer of rowAnswers) {
    if (answer.soon) beyond.soon += 1;
    if (answer.confirm.length) beyond.confirm += 1;
  }
  return (filter) => (filter in beyond ? beyond[filter] : counts[filter] || 0);
}

/**
 * The filter to keep for a new list: none when the list has no rows for it (its chip is
 * then disabled, and pressed it would hide every row).
 * @param {string | null} filter
 * @param {(filter: string) => number} countOf
 */
export function filterKept(filter, countOf) {
  return filter && countOf(filter) > 0 ? filter : null;
}

/**
 * Row indexes in the chosen order; file order breaks every tie. "urgent": who can apply by
 * fewest days left to act (to the working day to act by), then who cannot yet (by the day their window opens), then too late, no
 * window and unreadable rows, each group apart.
 * @param {Pick<BatchPart, "rows" | "statuses" | "input_columns" | "added_columns">} result
 * @param {RowAnswer[]} rowAnswers
 * @param {string} order
 */
export function sortedIndexes(result, rowAnswers, order) {
  const indexes = result.rows.map((_, index) => index);
  if (order !== "urgent") return indexes;
  const atEarliest = addedAt(result, "earliest");
  /** @param {number} index @returns {[number, number, string]} */
  const key = (index) => {
    const answer = rowAnswers[index];
    const group = result.statuses.indexOf(answer.status);
    if (answer.status === "eligible") return [group, answer.days ?? Infinity, ""];
    if (answer.status === "not_yet") return [group, 0, result.rows[index][atEarliest] || ""];
    return [group, 0, ""];
  };
  const keys = indexes.map(key);
  return indexes.sort((a, b) => {
    const [ka, kb] = [keys[a], keys[b]];
    return ka[0] - kb[0] || ka[1] - kb[1] || ka[2].localeCompare(kb[2]) || a - b;
  });
}

/**
 * The file's first column that says who the row is about (not one the engine reads).
 * @param {Pick<BatchPart, "read_columns" | "input_columns">} result
 */
export function nameColumn(result) {
  const read = new Set(result.read_columns);
  const at = result.input_columns.findIndex((name) => !read.has(name.trim().replace(/^\ufeff/, "").toLowerCase()));
  return Math.max(at, 0);
}

// Letters beyond ASCII (a name read in the wrong encoding shows them).
const BEYOND_ASCII = /[^\p{ASCII}]/u;

/**
 * The first names in the file as the engine read them: values of the first column that
 * says who the row is about, those with letters beyond ASCII first (they show a wrong
 * encoding).
 * @param {Pick<BatchPart, "read_columns" | "input_columns" | "rows">} result
 */
export function firstNames(result, howMany = 4) {
  const column = nameColumn(result);
  const values = [...new Set(result.rows.slice(0, 200).map((row) => row[column]).filter(Boolean))];
  const telling = values.filter((value) => BEYOND_ASCII.test(value));
  return [...telling, ...values.filter((value) => !telling.includes(value))].slice(0, howMany);
}

/**
 * The command line that checks a list of any length (see the HR page's "Scheduled checks").
 * @param {string} fileName
 * @param {string} lang
 */
export function cliCommand(fileName, lang) {
  const name = fileName.replace(/["\\$`]/g, ""); // safe inside the shell's double quotes
  return `citizen-card-checker batch "${name}"${lang === "zh" ? " --lang zh" : ""} -o results.csv`;
}
