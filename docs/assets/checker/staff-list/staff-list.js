// The staff-list check on the HR page: a CSV file (chosen, dropped or pasted) is read in
// the page as bytes and checked by the engine's batch function in the worker; nothing is
// uploaded. The results get a full-width view of their own: status first, days left, the
// last day, the reason and what to confirm, the most urgent first; the count chips filter
// the rows. Downloads: the engine's CSV (UTF-8 with BOM, for Excel) and one calendar of
// last days. A long list is checked in parts, with a progress bar; a list too long for a
// browser tab is refused at once, with the command line that checks it.

import { todayInHangzhou } from "../shared/dates.js";
import { StartupFailed } from "../shared/engine.js";
import { download, fill, required } from "../shared/dom.js";
import { readConfig, startWidgetEngine } from "../shared/widget.js";
import { showDateOrder } from "./date-order.js";
import { columnTable, gridTemplate, headerHtml, rowLines } from "./columns.js";
import { roomIn, placeFullWidth } from "./layout.js";
import { cliCommand, filterCounts, filterKept, firstNames, lineCount, matches, sortedIndexes } from "./model.js";
import { checkInParts } from "./parts.js";
import { makeRows, placeRows } from "./rows.js";

/** @import { Column } from "./columns.js" */
/** @import { WholeList } from "./parts.js" */
/**
 * A list as chosen, with how to read it: its encoding and its date order (auto, dmy, mdy).
 * @typedef {{bytes: Uint8Array, name: string, encoding: string, dateOrder: string, pasted: boolean}} Source
 */

const BOM = "\ufeff";
const PHONE = "(max-width: 44.984375em)"; // batch.css: each row a card

/**
 * Starts the staff-list check in `root` (the page's [data-batch]).
 * @param {HTMLElement} root
 */
export function startStaffList(root) {
  const { words, facts } = readConfig(root, "[data-batch-config]");
  const lang = root.dataset.lang || "en";
  const locale = lang === "zh" ? "zh-CN" : "en";
  const form = /** @type {HTMLFormElement} */ (required(root, "form"));
  const fileInput = /** @type {HTMLInputElement} */ (form.elements.namedItem("file"));
  const onInput = /** @type {HTMLInputElement} */ (form.elements.namedItem("on"));
  const pasteInput = /** @type {HTMLTextAreaElement} */ (form.elements.namedItem("paste"));
  const sortSelect = /** @type {HTMLSelectElement} */ (required(root, "select[name=sort]"));
  const status = required(root, "[data-batch-status]");
  const progress = /** @type {HTMLProgressElement} */ (required(root, "[data-batch-progress]"));
  const problem = required(root, "[data-batch-problem]");
  const command = required(problem, "[data-batch-command]");
  const encodingPanel = required(root, "[data-batch-encoding]");
  const dateOrderPanel = required(root, "[data-batch-date-order]");
  const results = required(root, "[data-batch-results]");
  const feedback = required(root, "[data-batch-feedback]");
  const shown = required(root, "[data-batch-shown]");
  const filters = /** @type {HTMLButtonElement[]} */ ([...results.querySelectorAll("button[data-filter]")]);
  const table = /** @type {HTMLTableElement} */ (required(results, "table"));
  onInput.value = todayInHangzhou(facts);

  /** @type {Source | null} */
  let source = null;
  /** @type {(WholeList & {source: Source}) | null} */
  let result = null; // the engine's answer, with the source it was made for
  /** @type {Column[]} */
  let columns = [];
  let room = 0; // the table's width in "0"-widths
  let labelled = /** @type {boolean | null} */ (null); // whether the rows' cells are labelled (cards)
  /** @type {string | null} */
  let filter = null; // a status, "soon", "confirm", or null for every row
  let latestRequest = 0;
  let writing = 0;

  /** @param {string} text */
  const setStatus = (text) => {
    status.textContent = text;
  };

  function showFailure() {
    root.dataset.state = "failed";
    setStatus(words.status_failed);
    progress.hidden = true;
    required(root, "[data-batch-failed]").hidden = false;
    /** @type {HTMLButtonElement} */ (required(form, "button[type=submit]")).disabled = true;
  }

  const engine = startWidgetEngine(root, {
    onReady: () => {
      if (!source) setStatus(words.status_ready);
    },
    onFailed: showFailure,
  });

  /** @param {string} message @param {string} [cli] */
  function showProblem(message, cli = "") {
    results.hidden = true;
    progress.hidden = true;
    required(problem, "p").textContent = message;
    command.textContent = cli;
    if (command.parentElement) command.parentElement.hidden = !cli;
    problem.hidden = false;
    problem.focus();
  }

  /**
   * Which encoding the file was read in, its first names as read, and the switch.
   * @param {string | null} read
   * @param {string[]} names
   */
  function showEncoding(read, names) {
    if (!source || source.pasted) {
      encodingPanel.hidden = true;
      return;
    }
    const current = read ? read.replace("utf-8-sig", "utf-8") : source.encoding;
    required(encodingPanel, "[data-batch-read-as]").textContent = read
      ? fill(words.encoding_read, { encoding: words[`encoding_${current}`] || current, names: names.join(", ") })
      : words.encoding_choose;
    for (const button of encodingPanel.querySelectorAll("button[data-encoding]")) {
      button.setAttribute("aria-pressed", String(/** @type {HTMLElement} */ (button).dataset.encoding === current));
    }
    // "Names look wrong?" only under names (a refused file has none: the choice is asked)
    required(encodingPanel, "[data-batch-names-question]").hidden = !read;
    encodingPanel.hidden = false;
  }

  // Every row in the chosen order, the filter applied (a new order or filter starts over).
  async function renderRows() {
    if (!result) return;
    const list = result;
    const current = ++writing;
    const stillWanted = () => current === writing;
    table.setAttribute("aria-busy", "true");
    const phone = matchMedia(PHONE).matches;
    if (labelled !== phone) {
      const made = await makeRows(columns, list.rows, list.answers, 0, phone, stillWanted);
      if (!made) return;
      list.nodes = made;
      labelled = phone;
    }
    await placeRows({
      table,
      rows: list.rows,
      rowAnswers: list.answers,
      nodes: list.nodes,
      order: sortedIndexes(list, list.answers, sortSelect.value),
      filter,
      labelled: phone,
      lines: rowLines(columns, room, phone),
      stillWanted,
    });
  }

  function applyFilter() {
    if (!result) return Promise.resolve();
    for (const button of filters) button.setAttribute("aria-pressed", String(button.dataset.filter === filter));
    const visible = result.answers.filter((answer) => matches(answer, filter)).length;
    shown.textContent = fill(words.shown, { shown: visible, rows: result.rows.length });
    return renderRows();
  }

  /** @param {WholeList & {source: Source}} list */
  function renderResult(list) {
    results.hidden = false; // laid out, so that its width can be measured
    placeWide();
    room = roomIn(results, table);
    columns = columnTable(list, words, room);
    // Every row is a grid of these columns (see batch.css); set through the style object,
    // since the site's policy refuses style="" attributes.
    table.style.setProperty("--batch-columns", gridTemplate(columns));
    if (table.tHead) table.tHead.innerHTML = headerHtml(columns);
    const countOf = filterCounts(list.counts, list.answers);
    filter = filterKept(filter, countOf);
    for (const button of filters) {
      const count = countOf(button.dataset.filter || "");
      required(button, "strong").textContent = String(count);
      button.disabled = count === 0;
    }
    const written = applyFilter();
    required(results, "[data-batch-summary]").textContent = fill(words.results_for, {
      name: list.source.name,
      on: list.written[list.on] || list.on,
      rows: list.rows.length,
    });
    showEncoding(list.encoding, firstNames(list));
    showDateOrder(dateOrderPanel, list, list.source.dateOrder);
    feedback.textContent = "";
    problem.hidden = true;
    progress.hidden = true;
    results.hidden = false;
    placeWide();
    return written;
  }

  /**
   * A file refused before it is read, with the command line that checks it.
   * @param {string} sentence
   */
  function refuseAtOnce(sentence) {
    if (!source) return;
    setStatus(words.problem);
    encodingPanel.hidden = true;
    showProblem(sentence, cliCommand(source.name, lang));
  }

  /** @param {Source} newSource */
  async function check(newSource) {
    source = newSource;
    const request = ++latestRequest;
    const stillWanted = () => request === latestRequest;
    const on = onInput.value.trim() || todayInHangzhou(facts);
    problem.hidden = true;
    // The engine's limits (rules.toml, through the page's facts), checked before the engine
    // reads a byte: a file too large for a tab, then a list too long.
    const megabytes = (/** @type {number} */ bytes) =>
      (bytes / (1024 * 1024)).toLocaleString(locale, { maximumFractionDigits: 1 });
    if (source.bytes.length > facts.browser_max_bytes) {
      refuseAtOnce(fill(words.too_large, { size: megabytes(source.bytes.length), limit: megabytes(facts.browser_max_bytes) }));
      return;
    }
    const estimate = lineCount(source.bytes) - 1;
    if (estimate > facts.browser_max_rows) {
      const rows = estimate.toLocaleString(locale);
      refuseAtOnce(fill(words.too_many, { rows, limit: facts.browser_max_rows.toLocaleString(locale) }));
      return;
    }
    setStatus(root.dataset.state === "ready" ? fill(words.status_working, { name: source.name }) : words.status_waiting);
    progress.removeAttribute("value"); // moving without a value until the first part is back
    progress.hidden = false;
    const phone = matchMedia(PHONE).matches;
    let reply;
    const timing = { began: 0 };
    try {
      await engine.ready;
      timing.began = performance.now();
      const { bytes: data, encoding, dateOrder } = source;
      reply = await checkInParts(engine, { data, on, lang, encoding, dateOrder, estimate }, {
        stillWanted,
        progress: (done, rows) => {
          progress.value = rows ? done / rows : 1;
          setStatus(fill(words.status_progress, { done, rows }));
        },
        makeRows: (whole, rows, rowAnswers, first) =>
          makeRows(columnTable(whole, words, 0), rows, rowAnswers, first, phone, stillWanted),
      });
    } catch (error) {
      console.error("[checker] the staff-list check failed:", /** @type {Error} */ (error).message);
      if (error instanceof StartupFailed) {
        showFailure();
        return;
      }
      // The engine started but this check failed: that error, and the next check works.
      if (!stillWanted()) return;
      setStatus(words.problem);
      encodingPanel.hidden = true;
      showProblem(fill(words.engine_error, { error: /** @type {Error} */ (error).message }), cliCommand(newSource.name, lang));
      return;
    }
    if (!reply || !stillWanted()) return;
    if (!reply.ok) {
      setStatus(words.problem);
      const sentence = reply.encoding_refused
        ? fill(words[`encoding_refused_${reply.encoding_refused}`] || words.encoding_refused_encoding_undecided, {
            ...reply.encoding_refused_details,
            encoding: words[`encoding_${source.encoding}`] || source.encoding,
          })
        : reply.errors.map((error) => error.message).join(" ");
      showProblem(sentence);
      showEncoding(null, []);
      if (!reply.encoding_refused) encodingPanel.hidden = true;
      return;
    }
    result = { ...reply, source }; // reply.on: the date the engine answered for
    labelled = phone;
    await renderResult(result);
    if (!stillWanted()) return;
    setStatus(fill(words.status_done, { rows: reply.rows.length, ms: Math.round(performance.now() - timing.began) }));
  }

  /** @param {File | undefined} file */
  async function checkFile(file) {
    if (!file) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    await check({ bytes, name: file.name, encoding: "auto", dateOrder: "auto", pasted: false });
  }

  // The calendar of every last day, which the engine writes from the answers already
  // shown (the list is not checked again). While it is made, the line under the buttons
  // says so; if it fails, a sentence says so.
  async function downloadCalendar() {
    if (!result) return;
    const { rows, input_columns: inputColumns, on } = result;
    feedback.textContent = words.calendar_working;
    let ics;
    try {
      ics = await engine.call("answers_ics", { rows, input_columns: inputColumns, on, lang });
    } catch (error) {
      console.error("[checker] no calendar:", /** @type {Error} */ (error).message);
      feedback.textContent = words.calendar_failed;
      return;
    }
    if (!ics) {
      feedback.textContent = words.no_calendar;
      return;
    }
    feedback.textContent = "";
    download(ics, words.ics_file, "text/calendar;charset=utf-8");
  }

  const placeWide = placeFullWidth(results);

  fileInput.addEventListener("change", () => checkFile(fileInput.files?.[0]));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = pasteInput.value;
    if (!text.trim()) {
      showProblem(words.nothing);
      return;
    }
    // As the spreadsheet put it on the clipboard: the engine reads tab-separated cells.
    check({ bytes: new TextEncoder().encode(text), name: words.pasted, encoding: "auto", dateOrder: "auto", pasted: true });
  });
  onInput.addEventListener("change", () => {
    if (source) check(source);
  });

  // Dropping a file anywhere on the staff-list check chooses it.
  const drop = required(root, "[data-batch-drop]");
  root.addEventListener("dragover", (event) => {
    event.preventDefault();
    drop.classList.add("batch__drop--over");
  });
  root.addEventListener("dragleave", () => drop.classList.remove("batch__drop--over"));
  root.addEventListener("drop", (event) => {
    event.preventDefault();
    drop.classList.remove("batch__drop--over");
    const file = event.dataTransfer?.files[0];
    if (file) checkFile(file);
  });

  for (const button of encodingPanel.querySelectorAll("button[data-encoding]")) {
    button.addEventListener("click", () => {
      const encoding = /** @type {HTMLElement} */ (button).dataset.encoding || "auto";
      if (source) check({ ...source, encoding });
    });
  }
  for (const button of dateOrderPanel.querySelectorAll("button[data-date-order]")) {
    button.addEventListener("click", () => {
      const dateOrder = /** @type {HTMLElement} */ (button).dataset.dateOrder || "auto";
      if (source) check({ ...source, dateOrder });
    });
  }
  sortSelect.addEventListener("change", () => renderRows());
  // Turning a tablet or resizing a window between card and table: label the cells anew.
  matchMedia(PHONE).addEventListener("change", () => renderRows());
  for (const button of filters) {
    button.addEventListener("click", () => {
      if (!result) return;
      filter = filter === button.dataset.filter ? null : button.dataset.filter || null;
      applyFilter();
    });
  }
  required(results, "[data-action=download-csv]").addEventListener("click", () => {
    // The engine writes the CSV (formula-safe); the byte-order mark tells Excel it is UTF-8.
    if (result) download(`${BOM}${result.csv}`, words.csv_file, "text/csv;charset=utf-8");
  });
  required(results, "[data-action=download-ics]").addEventListener("click", downloadCalendar);
}
