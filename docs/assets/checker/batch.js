// The staff-list check on the HR page: a CSV file (chosen, dropped or pasted) is read in the
// page as bytes and checked by the engine's batch function in the worker; nothing is
// uploaded. The results table shows one row per staff member in file order; it can be sorted,
// counted and downloaded as CSV (UTF-8 with BOM, for Excel) or as one calendar of last days.

import { todayInHangzhou } from "./dates.js";
import { download, readConfig, startWidgetEngine } from "./widget.js";

const BOM = "\ufeff";

const HTML_ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
}

// One pasted cell as CSV, quoted only when it must be (as Python's csv module reads it).
function csvCell(cell) {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

// Cells copied from a spreadsheet arrive separated by tabs: turn them into CSV for the engine.
export function pastedAsCsv(text) {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  if (!lines[0].includes("\t")) return text;
  return lines.map((line) => line.split("\t").map(csvCell).join(",")).join("\r\n");
}

// Where each added column is in a row: the file's own columns come first.
function addedAt(result, name) {
  return result.input_columns.length + result.added_columns.indexOf(name);
}

// Row indexes in the chosen order; file order breaks every tie.
export function sortedIndexes(result, order) {
  const { rows, statuses } = result;
  const indexes = rows.map((_, index) => index);
  if (order === "status") {
    const at = addedAt(result, "status");
    const rank = (row) => statuses.indexOf(row[at]);
    return indexes.sort((a, b) => rank(rows[a]) - rank(rows[b]) || a - b);
  }
  if (order === "latest") {
    const at = addedAt(result, "latest");
    const key = (row) => row[at] || "9999-99-99"; // rows without a last day go last
    return indexes.sort((a, b) => key(rows[a]).localeCompare(key(rows[b])) || a - b);
  }
  return indexes;
}

// Roughly how many "0"-widths a text takes (Chinese and other wide characters take two).
function textWidth(text) {
  let width = 0;
  for (const character of String(text)) width += character.codePointAt(0) >= 0x2e80 ? 2 : 1;
  return width;
}

// The grid columns of the results (see batch.css): each of the file's columns as wide as its
// longest value in the first rows (within limits), the answer's columns as wide as their
// words, and the reason taking the rest.
function columnLayout(result, words) {
  const { columns, rows } = result;
  const inputs = result.input_columns.length;
  const sample = rows.slice(0, 500);
  const fit = (texts) => Math.min(Math.max(4, ...texts.map(textWidth)), 20) + 3; // + padding
  const widths = [];
  for (let column = 0; column < inputs; column += 1) {
    const header = columns[column].split("_").map(textWidth);
    widths.push(fit([...sample.map((row) => row[column]), "x".repeat(Math.max(...header))]));
  }
  widths.push(fit(result.statuses.map((status) => words[`count_${status}`])));
  const longest = Object.values(result.written).reduce((a, b) => (textWidth(b) > textWidth(a) ? b : a), "");
  const date = fit([longest, columns[addedAt(result, "earliest")], columns[addedAt(result, "latest")]]);
  widths.push(date, date);
  const total = widths.reduce((sum, width) => sum + width, 0);
  return {
    template: `${widths.map((width) => `${width}ch`).join(" ")} minmax(18em, 1fr)`,
    width: `calc(${total}ch + 18em)`,
  };
}

function headerHtml(columns) {
  // Long column names (passport_expires) may break after their underscores.
  const cell = (name) => `<th scope="col">${escapeHtml(name).replace(/_/g, "_<wbr>")}</th>`;
  return `<tr>${columns.map(cell).join("")}</tr>`;
}

// Every row's HTML in one string (one innerHTML assignment renders 10,000 rows quickly).
function rowsHtml(result, order, words) {
  const { rows } = result;
  const inputs = result.input_columns.length;
  const [atStatus, atEarliest, atLatest, atReason] = ["status", "earliest", "latest", "reason"].map(
    (name) => addedAt(result, name),
  );
  const escaped = new Map(); // many staff share dates: escape each written date once
  const dateCell = (iso) => {
    if (!iso) return "<td></td>";
    if (!escaped.has(iso)) escaped.set(iso, escapeHtml(result.written[iso] || iso));
    return `<td><time datetime="${escapeHtml(iso)}">${escaped.get(iso)}</time></td>`;
  };
  const parts = [];
  for (const index of sortedIndexes(result, order)) {
    const row = rows[index];
    const status = row[atStatus];
    const label = words[`count_${status}`] || status;
    let cells = "";
    for (let column = 0; column < inputs; column += 1) cells += `<td>${escapeHtml(row[column])}</td>`;
    parts.push(
      `<tr data-status="${escapeHtml(status)}" data-row="${index + 1}">${cells}` +
        `<td class="batch__status batch__status--${escapeHtml(status)}">${escapeHtml(label)}</td>` +
        `${dateCell(row[atEarliest])}${dateCell(row[atLatest])}` +
        `<td class="batch__reason">${escapeHtml(row[atReason])}</td></tr>`,
    );
  }
  return parts.join("");
}

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, key) => values[key] ?? "");
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
  const problem = root.querySelector("[data-batch-problem]");
  const results = root.querySelector("[data-batch-results]");
  const feedback = root.querySelector("[data-batch-feedback]");
  const table = results.querySelector("table");
  onInput.value = todayInHangzhou(facts);

  const engine = startWidgetEngine(root);
  let source = null; // {bytes: Uint8Array, name}
  let result = null; // the engine's reply, with the date and the source it was made for
  let latestRequest = 0;

  const setStatus = (text) => {
    status.textContent = text;
  };

  function showFailure() {
    root.dataset.state = "failed";
    setStatus(words.status_failed);
    root.querySelector("[data-batch-failed]").hidden = false;
    form.querySelector("button[type=submit]").disabled = true;
  }

  function showProblem(message) {
    results.hidden = true;
    problem.querySelector("p").textContent = message;
    problem.hidden = false;
    problem.focus();
  }

  function renderRows() {
    table.tBodies[0].innerHTML = rowsHtml(result, sortSelect.value, words);
  }

  function renderResult() {
    const { columns, rows, counts } = result;
    // Every row is a grid with the same columns (see batch.css): rows out of view are not
    // laid out, so a list of 10,000 shows almost as fast as one of 100.
    const layout = columnLayout(result, words);
    table.style.setProperty("--batch-columns", layout.template);
    table.style.setProperty("--batch-width", layout.width);
    // The columns the rows show: the file's own, then status, the two dates and the reason.
    table.tHead.innerHTML = headerHtml(columns.slice(0, addedAt(result, "reason") + 1));
    renderRows();
    for (const item of results.querySelectorAll("[data-count]")) {
      const count = counts[item.dataset.count] || 0;
      item.querySelector("strong").textContent = String(count);
      item.hidden = count === 0 && item.dataset.count !== "eligible";
    }
    results.querySelector("[data-batch-summary]").textContent = fill(words.results_for, {
      name: result.source.name,
      on: result.written[result.on] || result.on,
      rows: rows.length,
    });
    feedback.textContent = "";
    problem.hidden = true;
    results.hidden = false;
  }

  async function check(newSource) {
    source = newSource;
    const request = ++latestRequest;
    const on = onInput.value.trim() || todayInHangzhou(facts);
    problem.hidden = true;
    setStatus(root.dataset.state === "ready" ? fill(words.status_working, source) : words.status_waiting);
    let reply;
    let began;
    try {
      await engine.ready;
      began = performance.now();
      reply = JSON.parse(await engine.call("batch_json", source.bytes, on, lang));
    } catch (error) {
      console.error("[checker] the staff-list check failed:", error.message);
      showFailure();
      return;
    }
    if (request !== latestRequest) return;
    if (!reply.ok) {
      setStatus(words.problem);
      showProblem(reply.errors.map((error) => error.message).join(" "));
      return;
    }
    result = { ...reply, source }; // reply.on: the date the engine answered for
    renderResult();
    setStatus(fill(words.status_done, { rows: reply.rows.length, ms: Math.round(performance.now() - began) }));
  }

  async function checkFile(file) {
    if (!file) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    await check({ bytes, name: file.name });
  }

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
    check({ bytes: new TextEncoder().encode(pastedAsCsv(text)), name: words.pasted });
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

  sortSelect.addEventListener("change", () => {
    if (result) renderRows();
  });

  results.querySelector("[data-action=download-csv]").addEventListener("click", () => {
    // The engine writes the CSV; the byte-order mark tells Excel it is UTF-8.
    download(`${BOM}${result.csv}`, words.csv_file, "text/csv;charset=utf-8");
  });

  results.querySelector("[data-action=download-ics]").addEventListener("click", async () => {
    const ics = await engine.call("batch_ics", result.source.bytes, result.on, lang);
    if (!ics) {
      feedback.textContent = words.no_calendar;
      return;
    }
    download(ics, words.ics_file, "text/calendar;charset=utf-8");
  });
}

main();
