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
// Rows per call to the engine when a list is checked in parts (one progress step each).
const PART_ROWS = 10_000;
// Rows laid out at once (they fill the first screens); the rows after them are laid out as
// they come near the screen (content-visibility), so that 100,000 rows show in seconds.
const FIRST_ROWS = 60;
// Rows written at once; the others follow in batches, without holding up the page.
const FIRST_BATCH = 300;
const NEXT_BATCH = 2_000;
const PHONE = "(max-width: 44.984375em)"; // batch.css: each row a card
// The engine's reply names its statuses most urgent first (who can apply now, then who can
// later, then the rows with no way to apply), the columns it reads, and how many days ahead
// a last day counts as "soon": the page keeps no list of its own.

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

// The answer of each row as the view needs it: status, days left (a number or null), the
// notes to confirm (a list), and whether its last day is soon.
function answers(result) {
  const [atStatus, atDays, atConfirm] = ["status", "days_left", "confirm"].map((name) => addedAt(result, name));
  return result.rows.map((row) => {
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
    `<tr>${cell(words.col_status, "batch__status")}${result.input_columns.map((name) => cell(name)).join("")}` +
    `${cell(words.col_days_left, "batch__days")}${cell(words.col_earliest)}${cell(words.col_latest)}` +
    `${cell(words.col_reason)}</tr>`
  );
}

// A function that writes one row's HTML: (index in the file, shown?, laid out later?).
// `labelled`: each cell names its column (data-label), for the phone's cards.
function rowWriter(result, rowAnswers, words, labelled) {
  const { rows } = result;
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
  return (index, shown, later) => {
    const row = rows[index];
    const answer = rowAnswers[index];
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
      `<tr${later ? ' class="batch__later"' : ""} data-status="${status}" data-row="${index + 1}" ` +
      `data-days-left="${days}" data-confirm="${confirm}"${shown ? "" : " hidden"}>` +
      `<td class="batch__status">${escapeHtml(words[`status_${answer.status}`] || answer.status)}${notes}</td>` +
      `${cells}${daysStart}${days}</td>` +
      dateCell(row[atEarliest], row[atFirstWorking], firstWorking, earliestStart) +
      dateCell(row[atLatest], row[atLastWorking], lastWorking, latestStart) +
      `<td class="batch__reason">${escapeHtml(row[atReason])}</td></tr>`
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
    renderRows();
  }

  // Every row, in the chosen order, filtered-out rows hidden: the first ones at once, the
  // others in batches while the page stays responsive (a new order or filter starts over).
  let writing = 0;
  function renderRows() {
    const body = table.tBodies[0];
    const order = sortedIndexes(result, rowAnswers, sortSelect.value);
    const write = rowWriter(result, rowAnswers, words, matchMedia(PHONE).matches);
    const current = ++writing;
    let at = 0;
    let shownSoFar = 0;
    const batch = (size) => {
      const parts = [];
      for (const end = Math.min(at + size, order.length); at < end; at += 1) {
        const shownRow = matches(rowAnswers[order[at]], filter);
        parts.push(write(order[at], shownRow, shownRow && shownSoFar >= FIRST_ROWS));
        if (shownRow) shownSoFar += 1;
      }
      return parts.join("");
    };
    body.innerHTML = batch(FIRST_BATCH);
    const more = () => {
      if (current !== writing || at >= order.length) return;
      body.insertAdjacentHTML("beforeend", batch(NEXT_BATCH));
      setTimeout(more, 0);
    };
    setTimeout(more, 0);
  }

  function renderResult() {
    const { counts, rows } = result;
    rowAnswers = answers(result);
    results.hidden = false; // laid out, so that its width can be measured
    placeWide();
    const widths = columnWidths(result, words, roomIn(results, table));
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
    applyFilter();
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
  }

  // The engine's answer for the whole list; a long list in parts, moving the progress bar.
  async function checkInParts(request, on, estimate) {
    const args = [source.bytes, on, lang, source.encoding];
    if (estimate <= PART_ROWS * 1.5) return JSON.parse(await engine.call("batch_json", ...args));
    progress.value = 0;
    let whole = null;
    for (let first = 0; whole === null || first < whole.total; first += PART_ROWS) {
      const part = JSON.parse(await engine.call("batch_json", ...args, first, PART_ROWS));
      if (request !== latestRequest || !part.ok) return part;
      if (whole === null) {
        whole = { ...part, rows: [...part.rows], csvParts: [part.csv] };
      } else {
        for (const row of part.rows) whole.rows.push(row);
        for (const [name, count] of Object.entries(part.counts)) whole.counts[name] += count;
        Object.assign(whole.written, part.written);
        whole.csvParts.push(part.csv);
      }
      progress.value = whole.total ? whole.rows.length / whole.total : 1;
      setStatus(fill(words.status_progress, { done: whole.rows.length, rows: whole.total }));
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
    renderResult();
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
