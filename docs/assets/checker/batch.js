// The staff-list check on the HR page: a CSV file (chosen, dropped or pasted) is read in the
// page as bytes and checked by the engine's batch function in the worker; nothing is
// uploaded. The results table shows one row per staff member in file order; it can be sorted,
// counted and downloaded as CSV (UTF-8 with BOM, for Excel) or as one calendar of last days.

import { startEngine } from "./engine.js";
import { formatDate, todayInHangzhou } from "./dates.js";

export const STATUS_ORDER = ["eligible", "not_yet", "too_late", "no_window", "invalid"];
const ADDED = ["status", "earliest", "latest", "reason"];
const BOM = "\ufeff";

const HTML_ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
}

// One CSV cell, quoted only when it must be (as Python's csv module writes it).
function csvCell(cell) {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

// The results as CSV text with a byte-order mark and CRLF line ends (what Excel expects).
export function csvText(columns, rows) {
  const lines = [columns, ...rows].map((cells) => cells.map(csvCell).join(","));
  return `${BOM}${lines.join("\r\n")}\r\n`;
}

// Cells copied from a spreadsheet arrive separated by tabs: turn them into CSV for the engine.
export function pastedAsCsv(text) {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  if (!lines[0].includes("\t")) return text;
  return lines.map((line) => line.split("\t").map(csvCell).join(",")).join("\r\n");
}

// Row indexes in the chosen order; file order breaks every tie.
export function sortedIndexes(rows, columns, order) {
  const indexes = rows.map((_, index) => index);
  if (order === "status") {
    const at = columns.length - ADDED.length;
    const rank = (row) => STATUS_ORDER.indexOf(row[at]);
    return indexes.sort((a, b) => rank(rows[a]) - rank(rows[b]) || a - b);
  }
  if (order === "latest") {
    const at = columns.length - ADDED.length + ADDED.indexOf("latest");
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
function columnLayout(result, words, lang) {
  const { columns, rows } = result;
  const inputs = columns.length - ADDED.length;
  const sample = rows.slice(0, 500);
  const fit = (texts) => Math.min(Math.max(4, ...texts.map(textWidth)), 20) + 3; // + padding
  const widths = [];
  for (let column = 0; column < inputs; column += 1) {
    const header = columns[column].split("_").map(textWidth);
    widths.push(fit([...sample.map((row) => row[column]), "x".repeat(Math.max(...header))]));
  }
  widths.push(fit(STATUS_ORDER.map((status) => words[`count_${status}`])));
  const date = fit([formatDate("2026-09-30", lang), columns[inputs + 1], columns[inputs + 2]]);
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
function rowsHtml(result, order, words, lang) {
  const { columns, rows } = result;
  const inputs = columns.length - ADDED.length;
  const written = new Map(); // many staff share dates: write each date once
  const dateCell = (iso) => {
    if (!iso) return "<td></td>";
    if (!written.has(iso)) written.set(iso, escapeHtml(formatDate(iso, lang)));
    return `<td><time datetime="${escapeHtml(iso)}">${written.get(iso)}</time></td>`;
  };
  const parts = [];
  for (const index of sortedIndexes(rows, columns, order)) {
    const row = rows[index];
    const status = row[inputs];
    const label = words[`count_${status}`] || status;
    let cells = "";
    for (let column = 0; column < inputs; column += 1) cells += `<td>${escapeHtml(row[column])}</td>`;
    parts.push(
      `<tr data-status="${escapeHtml(status)}" data-row="${index + 1}">${cells}` +
        `<td class="batch__status batch__status--${escapeHtml(status)}">${escapeHtml(label)}</td>` +
        `${dateCell(row[inputs + 1])}${dateCell(row[inputs + 2])}` +
        `<td class="batch__reason">${escapeHtml(row[inputs + 3])}</td></tr>`,
    );
  }
  return parts.join("");
}

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, key) => values[key] ?? "");
}

function download(text, filename, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function main() {
  const root = document.querySelector("[data-batch]");
  if (!root) return;
  const words = JSON.parse(root.querySelector("[data-batch-strings]").textContent);
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
  onInput.value = todayInHangzhou();

  const engine = startEngine({ runtime: root.dataset.runtime, packageName: root.dataset.package });
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
    table.tBodies[0].innerHTML = rowsHtml(result, sortSelect.value, words, lang);
  }

  function renderResult() {
    const { columns, rows, counts } = result;
    // Every row is a grid with the same columns (see batch.css): rows out of view are not
    // laid out, so a list of 10,000 shows almost as fast as one of 100.
    const layout = columnLayout(result, words, lang);
    table.style.setProperty("--batch-columns", layout.template);
    table.style.setProperty("--batch-width", layout.width);
    table.tHead.innerHTML = headerHtml(columns);
    renderRows();
    for (const item of results.querySelectorAll("[data-count]")) {
      const count = counts[item.dataset.count] || 0;
      item.querySelector("strong").textContent = String(count);
      item.hidden = count === 0 && item.dataset.count !== "eligible";
    }
    results.querySelector("[data-batch-summary]").textContent = fill(words.results_for, {
      name: result.source.name,
      on: formatDate(result.on, lang),
      rows: rows.length,
    });
    feedback.textContent = "";
    problem.hidden = true;
    results.hidden = false;
  }

  async function check(newSource) {
    source = newSource;
    const request = ++latestRequest;
    const on = onInput.value.trim() || todayInHangzhou();
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
    result = { ...reply, on, source };
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
    download(csvText(result.columns, result.rows), words.csv_file, "text/csv;charset=utf-8");
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
