// The staff-list check on the HR page: a CSV file (chosen, dropped or pasted) is read in the
// page as bytes and checked by the engine's batch function in the worker; nothing is
// uploaded. The results get a full-width view of their own: status first, days left, the
// last day, the reason and what to confirm, the most urgent first; the count chips filter
// the rows. Downloads: the engine's CSV (UTF-8 with BOM, for Excel) and one calendar of last
// days. A long list is checked in parts, with a progress bar; a list too long for a browser
// tab is refused at once, with the command line that checks it.

import { todayInHangzhou } from "./dates.js";
import { download, readConfig, startWidgetEngine } from "./widget.js";

const BOM = "\ufeff";
// A file larger than this is refused with the row limit's sentence before it is read (a tab
// holds a list of that many rows in far less).
const BROWSER_BYTE_LIMIT = 64 * 1024 * 1024;
// Rows per call to the engine: a list is checked in parts (one progress step each) of
// PART_ROWS, the last ones smaller (halving, down to LAST_PART_ROWS), and the engine is
// asked for up to PARTS_AHEAD parts ahead of the one whose rows the page is making: what
// the page has left to do once the engine is done is the small last part.
const PART_ROWS = 10_000;
const LAST_PART_ROWS = 1_500;
const PARTS_AHEAD = 2;

// How many rows the next part has, when `left` rows are left to check.
export function partRows(left) {
  if (left > 2 * PART_ROWS) return PART_ROWS;
  return Math.min(left, Math.max(Math.ceil(left / 2), LAST_PART_ROWS));
}
// The table's rows come in row groups (tbody) of this many shown rows each: a group far from
// the screen is not laid out (content-visibility, see batch.css), so a long list costs the
// page a few hundred groups, not one box per row; a group near the screen is laid out
// before it is painted. A group holds at most GROUP_MOST rows, filtered-out ones included.
const GROUP_ROWS = 100;
const GROUP_MOST = 4 * GROUP_ROWS;
// Groups are placed in tasks of about this many milliseconds, and rows are made this many
// at a time (about as long), so that the page keeps answering clicks and keys while a long
// list is checked and written.
const TASK_MS = 30;
const MADE_AT_ONCE = 500;
// Marks on the page's performance timeline (for benchmarks and automation): the first group
// of rows placed in the table, and every row placed.
export const MARKS = { firstRows: "staff-list:first-rows", everyRow: "staff-list:every-row" };
const PHONE = "(max-width: 44.984375em)"; // batch.css: each row a card
// The engine's reply names its statuses most urgent first (who can apply now, then who can
// later, then the rows with no way to apply), the columns it reads, and how many days ahead
// a last day counts as "soon": the page keeps no list of its own.

// Runs `then` in a task of its own, soon (without setTimeout's 4 ms once calls nest).
const taskChannel = new MessageChannel();
const tasks = [];
taskChannel.port1.onmessage = () => tasks.shift()();
function nextTask(then) {
  tasks.push(then);
  taskChannel.port2.postMessage(null);
}

// Resolves once the page has painted what it was given (or soon, in a tab in the background,
// which paints nothing).
function afterPaint() {
  return new Promise((resolve) => {
    requestAnimationFrame(() => nextTask(resolve));
    setTimeout(resolve, 100);
  });
}

const HTML_ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
}

// The command line that checks a list of any length (see the HR page's "Scheduled checks").
function cliCommand(fileName, lang) {
  const name = fileName.replace(/["\\$`]/g, ""); // safe inside the shell's double quotes
  return `python -m checker batch "${name}"${lang === "zh" ? " --lang zh" : ""} -o results.csv`;
}

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, key) => values[key] ?? "");
}

// The number of lines in a file's bytes (at least its rows), without decoding it: a line
// feed is byte 10 in every encoding the engine reads but UTF-16, where it is unit 10.
export function lineCount(bytes) {
  const littleEndian = bytes[0] === 0xff && bytes[1] === 0xfe;
  const utf16 = littleEndian || (bytes[0] === 0xfe && bytes[1] === 0xff);
  let feeds = 0;
  let last = bytes.length ? bytes[bytes.length - 1] : 10;
  if (utf16) {
    const low = littleEndian ? 0 : 1; // where the unit's low byte is
    for (let at = 2; at + 1 < bytes.length; at += 2) {
      if (bytes[at + low] === 10 && bytes[at + 1 - low] === 0) feeds += 1;
    }
    last = bytes.length > 3 ? bytes[bytes.length - 2 + low] : 10;
  } else {
    for (let at = bytes.indexOf(10); at !== -1; at = bytes.indexOf(10, at + 1)) feeds += 1;
  }
  return feeds + (last === 10 ? 0 : 1); // a last line without a line feed counts too
}

// Where each added column is in a row: the file's own columns come first (-1: not there).
function addedAt(result, name) {
  const at = result.added_columns.indexOf(name);
  return at === -1 ? -1 : result.input_columns.length + at;
}

// The answer of each of `rows` as the view needs it: status, days left (a number or null),
// the notes to confirm (a list), and whether its last day is soon.
function answers(result, rows) {
  const [atStatus, atDays, atConfirm] = ["status", "days_left", "confirm"].map((name) => addedAt(result, name));
  return rows.map((row) => {
    const days = atDays === -1 ? "" : row[atDays];
    const answer = {
      status: row[atStatus],
      days: days === "" || days === undefined ? null : Number(days),
      confirm: atConfirm === -1 || !row[atConfirm] ? [] : row[atConfirm].split(/\s+/).filter(Boolean),
    };
    answer.soon =
      answer.days !== null &&
      answer.days >= 0 &&
      answer.days <= result.days_left_shown_within &&
      (answer.status === "eligible" || answer.status === "not_yet");
    return answer;
  });
}

const isSoon = (answer) => answer.soon;

// Row indexes in the chosen order; file order breaks every tie. "urgent": who can apply by
// fewest days left, then who cannot yet (by the day their window opens), then too late, no
// window and unreadable rows, each group apart.
export function sortedIndexes(result, rowAnswers, order) {
  const indexes = result.rows.map((_, index) => index);
  if (order !== "urgent") return indexes;
  const atEarliest = addedAt(result, "earliest");
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

// Roughly how many "0"-widths a text takes (Chinese and other wide characters take two).
function textWidth(text) {
  let width = 0;
  for (const character of String(text)) width += character.codePointAt(0) >= 0x2e80 ? 2 : 1;
  return width;
}

// Each column's width in "0"-widths: as wide as its longest value in the first rows, within
// limits; the reason takes the rest of the line (no width), at least `REASON_MIN` of them.
// When the file has many columns, its own columns narrow (their cells wrap) so that every
// column fits in `room` widths.
const REASON_MIN = 24;
function columnWidths(result, words, room) {
  const sample = result.rows.slice(0, 500);
  const fit = (texts, most) => Math.min(Math.max(3, ...texts.map(textWidth)), most) + 2;
  const longestWord = (text) => Math.max(...String(text).split(/[_\s]/).map(textWidth));
  const status = fit(result.statuses.map((name) => words[`status_${name}`]), 9);
  const wanted = result.input_columns.map((name, column) =>
    fit([...sample.map((row) => row[column]), "x".repeat(longestWord(name))], 14),
  );
  // The least a column needs: its longest word (a date, a staff number) on one line.
  const least = result.input_columns.map((name, column) =>
    Math.min(fit([...sample.map((row) => "x".repeat(longestWord(row[column]))), "x".repeat(longestWord(name))], 12), wanted[column]),
  );
  const dates = fit(Object.values(result.written), 17);
  const days = fit([...words.col_days_left.split(" "), "-9999"], 7);
  const fixed = status + days + 2 * dates + REASON_MIN;
  const sum = (widths) => widths.reduce((total, width) => total + width, 0);
  let inputs = wanted;
  if (fixed + sum(wanted) > room) {
    const spare = sum(wanted) - sum(least);
    const share = spare ? Math.max(room - fixed - sum(least), 0) / spare : 0;
    inputs = wanted.map((width, column) => least[column] + Math.floor((width - least[column]) * Math.min(share, 1)));
  }
  return [status, ...inputs, days, dates, dates, null];
}

// How many "0"-widths of the table's text fit across `element`.
function roomIn(element, table) {
  const probe = document.createElement("span");
  probe.textContent = "0".repeat(20);
  probe.className = "batch__probe";
  table.append(probe);
  const zero = probe.getBoundingClientRect().width / 20 || 8;
  probe.remove();
  return Math.floor(element.clientWidth / zero);
}

function headerHtml(result, words) {
  // Long column names (passport_expires) may break after their underscores.
  const cell = (name, className = "") =>
    `<th scope="col"${className ? ` class="${className}"` : ""}>${escapeHtml(name).replace(/_/g, "_<wbr>")}</th>`;
  return (
    `<tr aria-rowindex="1">${cell(words.col_status, "batch__status")}${result.input_columns.map((name) => cell(name)).join("")}` +
    `${cell(words.col_days_left, "batch__days")}${cell(words.col_earliest)}${cell(words.col_latest)}` +
    `${cell(words.col_reason)}</tr>`
  );
}

// A function that writes one row's HTML: (the row, its answer, its index in the file).
// `labelled`: each cell names its column (data-label), for the phone's cards.
function rowWriter(result, words, labelled) {
  const inputs = result.input_columns.length;
  const [atEarliest, atLatest, atReason] = ["earliest", "latest", "reason"].map((name) => addedAt(result, name));
  const label = (name) => (labelled ? ` data-label="${escapeHtml(name)}"` : "");
  const labels = result.input_columns.map(label);
  const whoColumn = nameColumn(result);
  const escaped = new Map(); // many staff share dates: escape each written date once
  const time = (iso) => {
    if (!escaped.has(iso)) escaped.set(iso, `<time datetime="${escapeHtml(iso)}">${escapeHtml(result.written[iso] || iso)}</time>`);
    return escaped.get(iso);
  };
  // A date, and beneath it the working day to go by when the date is not one (and is not
  // already past: a first day before the chosen day needs no working day).
  const dateCell = (iso, working, note, start) => {
    if (!iso) return `${start}</td>`;
    const ahead = iso >= result.on;
    const go = ahead && working && working !== iso ? `<small class="batch__working">${note}${time(working)}</small>` : "";
    return `${start}${time(iso)}${go}</td>`;
  };
  const [atFirstWorking, atLastWorking] = ["earliest_working_day", "latest_working_day"].map((name) =>
    addedAt(result, name),
  );
  const [firstWorking, lastWorking] = [words.first_working_day, words.last_working_day].map(escapeHtml);
  const earliestStart = `<td${label(words.col_earliest)}>`;
  const latestStart = `<td class="batch__latest"${label(words.col_latest)}>`;
  const daysStart = `<td class="batch__days"${label(words.col_days_left)}>`;
  return (row, answer, index) => {
    const status = escapeHtml(answer.status);
    let cells = "";
    for (let column = 0; column < inputs; column += 1) {
      const who = column === whoColumn ? ' class="batch__who"' : "";
      cells += `<td${who}${labels[column]}>${escapeHtml(row[column])}</td>`;
    }
    const days = answer.days === null ? "" : String(answer.days);
    const confirm = answer.confirm.map((note) => escapeHtml(note)).join(" ");
    const notes = answer.confirm
      .map((note) => `<small class="batch__confirm">${escapeHtml(words[`confirm_${note}`] || note)}</small>`)
      .join("");
    return (
      `<tr data-status="${status}" data-row="${index + 1}" ` +
      `data-days-left="${days}" data-confirm="${confirm}">` +
      `<td class="batch__status">${escapeHtml(words[`status_${answer.status}`] || answer.status)}${notes}</td>` +
      `${cells}${daysStart}${days}</td>` +
      dateCell(row[atEarliest], row[atFirstWorking], firstWorking, earliestStart) +
      dateCell(row[atLatest], row[atLastWorking], lastWorking, latestStart) +
      `<td class="batch__reason">${escapeHtml(row[atReason])}</td></tr>`
    );
  };
}

// A function that says how many lines of text a row takes, roughly (its tallest cell's, the
// reason's alone on a phone's card): the heights of row groups not yet laid out are
// estimated from it. `widths`: each column's width in "0"-widths (see columnWidths), and
// the reason's (the rest of the line; the card's width on a phone).
function rowLines(result, words, widths, reason, phone) {
  const inputs = result.input_columns.length;
  const [atEarliest, atLatest, atReason] = ["earliest", "latest", "reason"].map((name) => addedAt(result, name));
  const [atFirstWorking, atLastWorking] = ["earliest_working_day", "latest_working_day"].map((name) =>
    addedAt(result, name),
  );
  const who = nameColumn(result);
  const lines = (text, width) => Math.ceil(textWidth(text) / Math.max(width - 1, 1)) || 1;
  const [status, whoWidth, dates] = [widths[0], widths[1 + who], widths[inputs + 2]];
  const notes = new Map(); // the status cell's lines, by status and notes
  const statusLines = (answer) => {
    const key = `${answer.status} ${answer.confirm.join(" ")}`;
    if (!notes.has(key)) {
      const label = lines(words[`status_${answer.status}`] || answer.status, status);
      notes.set(key, answer.confirm.reduce((sum, note) => sum + lines(words[`confirm_${note}`] || note, status), label));
    }
    return notes.get(key);
  };
  const note = Math.max(textWidth(words.first_working_day), textWidth(words.last_working_day));
  const dateLines = (iso, working) => {
    if (!iso) return 1;
    const date = lines(result.written[iso] || iso, dates);
    if (!(iso >= result.on && working && working !== iso)) return date;
    return date + lines(`${"x".repeat(note)}${result.written[working] || working}`, dates);
  };
  return (row, answer) => {
    if (phone) return lines(row[atReason], reason) + answer.confirm.length;
    return Math.max(
      statusLines(answer),
      lines(row[who], whoWidth),
      dateLines(row[atEarliest], row[atFirstWorking]),
      dateLines(row[atLatest], row[atLastWorking]),
      lines(row[atReason], reason),
    );
  };
}

function matches(answer, filter) {
  if (!filter) return true;
  if (filter === "soon") return isSoon(answer);
  return answer.status === filter;
}

// The file's first column that says who the row is about (not one the engine reads).
function nameColumn(result) {
  const read = new Set(result.read_columns);
  const at = result.input_columns.findIndex((name) => !read.has(name.trim().replace(/^\ufeff/, "").toLowerCase()));
  return Math.max(at, 0);
}

// The first names in the file as the engine read them: values of the first column that says
// who the row is about, those with letters beyond ASCII first (they show a wrong encoding).
function firstNames(result, howMany = 4) {
  const column = nameColumn(result);
  const values = [...new Set(result.rows.slice(0, 200).map((row) => row[column]).filter(Boolean))];
  const telling = values.filter((value) => /[^\x00-\x7f]/.test(value));
  return [...telling, ...values.filter((value) => !telling.includes(value))].slice(0, howMany);
}

// The results' own full-width area: as wide as the page's grid (over the side columns,
// which it hides while it is in view), whatever column the section itself sits in.
function placeFullWidth(results) {
  const grid = document.querySelector(".md-main__inner") || document.body;
  const gutter = 16;
  const place = () => {
    const parent = results.parentElement;
    const box = parent.getBoundingClientRect();
    const style = getComputedStyle(parent);
    const left = box.left + parseFloat(style.paddingLeft) + parseFloat(style.borderLeftWidth);
    const inner = parent.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const area = grid.getBoundingClientRect();
    const width = Math.min(area.right, document.documentElement.clientWidth) - Math.max(area.left, 0) - 2 * gutter;
    const shift = left - Math.max(area.left, 0) - gutter;
    const placed = [`${Math.max(shift, 0)}px`, `${Math.max(width, inner)}px`];
    if (placed.join() === results.dataset.placed) return; // nothing to restyle
    results.dataset.placed = placed.join();
    results.style.setProperty("--batch-shift", placed[0]);
    results.style.setProperty("--batch-span", placed[1]);
  };
  addEventListener("resize", place);
  place();
  return place;
}

function main() {
  const root = document.querySelector("[data-batch]");
  if (!root) return;
  const { words, facts } = readConfig(root, "[data-batch-config]");
  const lang = root.dataset.lang;
  const form = root.querySelector("form");
  const fileInput = form.elements.file;
  const onInput = form.elements.on;
  const sortSelect = root.querySelector("select[name=sort]");
  const status = root.querySelector("[data-batch-status]");
  const progress = root.querySelector("[data-batch-progress]");
  const problem = root.querySelector("[data-batch-problem]");
  const command = problem.querySelector("[data-batch-command]");
  const encodingPanel = root.querySelector("[data-batch-encoding]");
  const results = root.querySelector("[data-batch-results]");
  const feedback = root.querySelector("[data-batch-feedback]");
  const shown = root.querySelector("[data-batch-shown]");
  const filters = [...results.querySelectorAll("button[data-filter]")];
  const table = results.querySelector("table");
  onInput.value = todayInHangzhou(facts);

  const engine = startWidgetEngine(root);
  let source = null; // {bytes: Uint8Array, name, encoding, pasted}
  let result = null; // the engine's answer, with the source it was made for
  let rowAnswers = [];
  let rowNodes = { labelled: null, rows: [] }; // each row's <tr> (file order), not yet placed
  let lineCounter = null; // see rowLines
  let filter = null; // a status, "soon", or null for every row
  let latestRequest = 0;

  const setStatus = (text) => {
    status.textContent = text;
  };

  function showFailure() {
    root.dataset.state = "failed";
    setStatus(words.status_failed);
    progress.hidden = true;
    root.querySelector("[data-batch-failed]").hidden = false;
    form.querySelector("button[type=submit]").disabled = true;
  }

  function showProblem(message, cli = "") {
    results.hidden = true;
    progress.hidden = true;
    problem.querySelector("p").textContent = message;
    command.textContent = cli;
    command.parentElement.hidden = !cli;
    problem.hidden = false;
    problem.focus();
  }

  // Which encoding the file was read in, its first names as read, and the switch.
  function showEncoding(read, names) {
    if (!source || source.pasted) {
      encodingPanel.hidden = true;
      return;
    }
    const current = read ? read.replace("utf-8-sig", "utf-8") : source.encoding;
    encodingPanel.querySelector("[data-batch-read-as]").textContent = read
      ? fill(words.encoding_read, { encoding: words[`encoding_${current}`] || current, names: names.join(", ") })
      : words.encoding_choose;
    for (const button of encodingPanel.querySelectorAll("button[data-encoding]")) {
      button.setAttribute("aria-pressed", String(button.dataset.encoding === current));
    }
    encodingPanel.hidden = false;
  }

  function applyFilter() {
    for (const button of filters) button.setAttribute("aria-pressed", String(button.dataset.filter === filter));
    const visible = rowAnswers.filter((answer) => matches(answer, filter)).length;
    shown.textContent = fill(words.shown, { shown: visible, rows: result.rows.length });
    return renderRows();
  }

  // The <tr> of each of `rows` (file indexes from `firstIndex` on), made in short tasks;
  // null when `stillWanted()` turns false on the way.
  async function makeRows(meta, rows, rowAnswersOf, firstIndex, labelled, stillWanted) {
    const write = rowWriter(meta, words, labelled);
    const made = [];
    for (let from = 0; from < rows.length; from += MADE_AT_ONCE) {
      if (from) await new Promise(nextTask);
      if (!stillWanted()) return null;
      let html = "";
      for (let at = from; at < Math.min(from + MADE_AT_ONCE, rows.length); at += 1) {
        html += write(rows[at], rowAnswersOf[at], firstIndex + at);
      }
      const holder = document.createElement("tbody"); // not in the page: no style or layout yet
      holder.innerHTML = html;
      for (const tr of holder.rows) made.push(tr);
    }
    return made;
  }

  // Every row, in the chosen order, filtered-out rows hidden, in row groups (see
  // GROUP_ROWS): the first group at once, the others in short tasks while the page stays
  // responsive (a new order or filter starts over). Resolves when every row is in place;
  // until then the table is aria-busy.
  let writing = 0;
  async function renderRows() {
    const current = ++writing;
    table.setAttribute("aria-busy", "true");
    const stillWanted = () => current === writing;
    const labelled = matchMedia(PHONE).matches;
    if (rowNodes.labelled !== labelled) {
      const made = await makeRows(result, result.rows, rowAnswers, 0, labelled, stillWanted);
      if (!made) return;
      rowNodes = { labelled, rows: made };
    }
    const order = sortedIndexes(result, rowAnswers, sortSelect.value);
    const lines = lineCounter(labelled);
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
        const tr = rowNodes.rows[index];
        const shown = matches(rowAnswers[index], filter);
        tr.hidden = !shown;
        body.append(tr);
        if (shown) {
          // A group away from the screen is not in the accessibility tree (it is not laid
          // out): each row says where it is in the table, and the table how many it has.
          position += 1;
          tr.setAttribute("aria-rowindex", String(position));
          shownRows += 1;
          textLines += lines(result.rows[index], rowAnswers[index]);
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
    const row = first.body.querySelector("tr:not([hidden])");
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
        ["paddingTop", "paddingBottom"].reduce((sum, name) => sum + parseFloat(style[name]) + parseFloat(cellStyle[name]), 0);
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
      if (at < order.length) await new Promise(nextTask);
    }
    if (!stillWanted()) return;
    table.removeAttribute("aria-busy");
    performance.mark(MARKS.everyRow);
  }

  function renderResult() {
    const { counts, rows } = result;
    results.hidden = false; // laid out, so that its width can be measured
    placeWide();
    const room = roomIn(results, table);
    const widths = columnWidths(result, words, room);
    const reasonWidth = Math.max(room - widths.reduce((sum, width) => sum + (width || 0), 0), REASON_MIN);
    lineCounter = (phone) => rowLines(result, words, widths, phone ? room : reasonWidth, phone);
    // Every row is a grid of these columns (see batch.css); set through the style object,
    // since the site's policy refuses style="" attributes.
    const template = widths.map((width) => (width === null ? `minmax(${REASON_MIN}ch, 1fr)` : `${width}ch`));
    table.style.setProperty("--batch-columns", template.join(" "));
    table.tHead.innerHTML = headerHtml(result, words);
    if (filter && filter !== "soon" && !counts[filter]) filter = null;
    const soon = rowAnswers.filter(isSoon).length;
    for (const button of filters) {
      const count = button.dataset.filter === "soon" ? soon : counts[button.dataset.filter] || 0;
      button.querySelector("strong").textContent = String(count);
      button.disabled = count === 0;
    }
    const written = applyFilter();
    results.querySelector("[data-batch-summary]").textContent = fill(words.results_for, {
      name: result.source.name,
      on: result.written[result.on] || result.on,
      rows: rows.length,
    });
    showEncoding(result.encoding, firstNames(result));
    feedback.textContent = "";
    problem.hidden = true;
    progress.hidden = true;
    results.hidden = false;
    placeWide();
    return written;
  }

  // The engine's answer for the whole list, in parts (the progress bar moves with each), and
  // each row's answer and <tr>: while the engine checks the next parts, the page makes the
  // rows of the last one.
  async function checkInParts(request, on, estimate) {
    const args = [source.bytes, on, lang, source.encoding];
    const stillWanted = () => request === latestRequest;
    const labelled = matchMedia(PHONE).matches;
    const ask = (first, count) => {
      const reply = engine.call("batch_json", ...args, first, count);
      reply.catch(() => {}); // reported when its turn comes
      return { first, count, reply };
    };
    const asked = [ask(0, partRows(Math.max(estimate, 1)))];
    let whole = null;
    while (asked.length) {
      const { first, count, reply } = asked.shift();
      const part = JSON.parse(await reply);
      if (!stillWanted() || !part.ok) return part;
      // The parts after this one, PARTS_AHEAD at most (a new file or date soon gets its turn).
      let last = asked.at(-1) || { first, count };
      while (asked.length < PARTS_AHEAD && last.first + last.count < part.total) {
        const next = last.first + last.count;
        last = ask(next, partRows(part.total - next));
        asked.push(last);
      }
      const partAnswers = answers(part, part.rows);
      if (whole === null) {
        whole = { ...part, rows: [...part.rows], csvParts: [part.csv], answers: [] };
      } else {
        for (const row of part.rows) whole.rows.push(row);
        for (const [name, rows] of Object.entries(part.counts)) whole.counts[name] += rows;
        Object.assign(whole.written, part.written);
        whole.csvParts.push(part.csv);
      }
      for (const answer of partAnswers) whole.answers.push(answer);
      progress.value = whole.total ? whole.rows.length / whole.total : 1;
      setStatus(fill(words.status_progress, { done: whole.rows.length, rows: whole.total }));
      const made = await makeRows(whole, part.rows, partAnswers, first, labelled, stillWanted);
      if (!made) return part;
      if (first === 0) whole.made = { labelled, rows: made };
      else for (const tr of made) whole.made.rows.push(tr);
    }
    whole.csv = whole.csvParts.join("");
    delete whole.csvParts;
    return whole;
  }

  async function check(newSource) {
    source = newSource;
    const request = ++latestRequest;
    const on = onInput.value.trim() || todayInHangzhou(facts);
    problem.hidden = true;
    const estimate = lineCount(source.bytes) - 1;
    if (estimate > facts.browser_max_rows || source.bytes.length > BROWSER_BYTE_LIMIT) {
      setStatus(words.problem);
      encodingPanel.hidden = true;
      const rows = estimate.toLocaleString(lang === "zh" ? "zh-CN" : "en");
      showProblem(
        fill(words.too_many, { rows, limit: facts.browser_max_rows.toLocaleString(lang === "zh" ? "zh-CN" : "en") }),
        cliCommand(source.name, lang),
      );
      return;
    }
    setStatus(root.dataset.state === "ready" ? fill(words.status_working, source) : words.status_waiting);
    progress.removeAttribute("value"); // moving without a value until the first part is back
    progress.hidden = false;
    let reply;
    let began;
    try {
      await engine.ready;
      began = performance.now();
      reply = await checkInParts(request, on, estimate);
    } catch (error) {
      console.error("[checker] the staff-list check failed:", error.message);
      showFailure();
      return;
    }
    if (request !== latestRequest) return;
    if (!reply.ok) {
      setStatus(words.problem);
      const sentence = reply.encoding_refused
        ? fill(words[`encoding_refused_${reply.encoding_refused}`] || words.encoding_refused_encoding_undecided, {
            encoding: words[`encoding_${source.encoding}`] || source.encoding,
          })
        : reply.errors.map((error) => error.message).join(" ");
      showProblem(sentence);
      showEncoding(null, []);
      if (!reply.encoding_refused) encodingPanel.hidden = true;
      return;
    }
    result = { ...reply, source }; // reply.on: the date the engine answered for
    rowAnswers = reply.answers;
    rowNodes = reply.made;
    await renderResult();
    if (request !== latestRequest) return;
    setStatus(fill(words.status_done, { rows: reply.rows.length, ms: Math.round(performance.now() - began) }));
  }

  async function checkFile(file) {
    if (!file) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    await check({ bytes, name: file.name, encoding: "auto", pasted: false });
  }

  const placeWide = placeFullWidth(results);

  engine.ready.then(
    () => {
      root.dataset.state = "ready";
      if (!source) setStatus(words.status_ready);
    },
    (error) => {
      console.error("[checker] the engine could not start:", error.step, error.message);
      showFailure();
    },
  );

  fileInput.addEventListener("change", () => checkFile(fileInput.files[0]));

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = form.elements.paste.value;
    if (!text.trim()) {
      showProblem(words.nothing);
      return;
    }
    // As the spreadsheet put it on the clipboard: the engine reads tab-separated cells.
    check({ bytes: new TextEncoder().encode(text), name: words.pasted, encoding: "auto", pasted: true });
  });

  onInput.addEventListener("change", () => {
    if (source) check(source);
  });

  // Dropping a file anywhere on the staff-list check chooses it.
  const drop = root.querySelector("[data-batch-drop]");
  root.addEventListener("dragover", (event) => {
    event.preventDefault();
    drop.classList.add("batch__drop--over");
  });
  root.addEventListener("dragleave", () => drop.classList.remove("batch__drop--over"));
  root.addEventListener("drop", (event) => {
    event.preventDefault();
    drop.classList.remove("batch__drop--over");
    const file = event.dataTransfer.files[0];
    if (file) checkFile(file);
  });

  for (const button of encodingPanel.querySelectorAll("button[data-encoding]")) {
    button.addEventListener("click", () => {
      if (source) check({ ...source, encoding: button.dataset.encoding });
    });
  }

  sortSelect.addEventListener("change", () => {
    if (result) renderRows();
  });

  // Turning a tablet or resizing a window between card and table: label the cells anew.
  matchMedia(PHONE).addEventListener("change", () => {
    if (result) renderRows();
  });

  for (const button of filters) {
    button.addEventListener("click", () => {
      if (!result) return;
      filter = filter === button.dataset.filter ? null : button.dataset.filter;
      applyFilter();
    });
  }

  results.querySelector("[data-action=download-csv]").addEventListener("click", () => {
    // The engine writes the CSV (formula-safe); the byte-order mark tells Excel it is UTF-8.
    download(`${BOM}${result.csv}`, words.csv_file, "text/csv;charset=utf-8");
  });

  results.querySelector("[data-action=download-ics]").addEventListener("click", async () => {
    const ics = await engine.call("batch_ics", result.source.bytes, result.on, lang, result.source.encoding);
    if (!ics) {
      feedback.textContent = words.no_calendar;
      return;
    }
    download(ics, words.ics_file, "text/calendar;charset=utf-8");
  });
}

main();
