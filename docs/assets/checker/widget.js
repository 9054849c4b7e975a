// What the checker's widgets (the eligibility form, the embed, the staff-list check) share:
// their build-time settings, their engine and its start-up progress, and saving a file the
// engine wrote.

import { startEngine } from "./engine.js";

// The widget's one JSON block, written by the site's build: {words, facts}.
export function readConfig(root, selector) {
  return JSON.parse(root.querySelector(selector).textContent);
}

// Save `text` as a file named `filename` (nothing leaves the device).
export function download(text, filename, type) {
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

// The widget's engine (one per page, see engine.js), with its start-up progress shown in
// the widget's [data-checker-progress] element (hooks/_page.py writes it, with its words
// and the runtime's sizes).
export function startWidgetEngine(root) {
  const engine = startEngine();
  const progress = root.querySelector("[data-checker-progress]");
  if (progress) showStartup(progress, engine);
  return engine;
}

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, name) => values[name]);
}

const MB = 1e6;
const megabytes = (bytes) => (bytes / MB).toFixed(1);

// A runtime file counts as downloaded once all its bytes are in (its last report, `done`,
// can come a moment later): a full bar is never shown, Python's start is.
function complete(seen, expected) {
  return Boolean(seen && (seen.done || seen.loaded >= expected.bytes));
}

// Bytes on the wire for the runtime's files: for each, its Content-Length once known (else
// the build's figure), and the share of its decoded bytes received so far.
function wireBytes(downloads, files) {
  let done = 0;
  let total = 0;
  for (const [name, expected] of Object.entries(downloads)) {
    const seen = files.get(name);
    const size = seen?.total ?? expected.wire;
    total += size;
    if (complete(seen, expected)) done += size;
    else if (seen) done += (seen.loaded / expected.bytes) * size;
  }
  return { done, total };
}

function downloading(downloads, files) {
  return Object.entries(downloads).some(([name, expected]) => !complete(files.get(name), expected));
}

// What the start-up element says: a moving bar while the runtime downloads, then the step
// by name (the bar without a value: busy, not stuck at 100 %), hidden once ready.
function showStartup(element, engine) {
  const { words, downloads } = JSON.parse(element.querySelector("script").textContent);
  const bar = element.querySelector("progress");
  const text = element.querySelector("[data-progress-text]");
  bar.setAttribute("aria-label", words.progress_label);
  element.hidden = false;
  let sentence = "";
  let downloaded = null; // the figures last shown while downloading
  const update = ({ step, files, failure }) => {
    if (step === "ready") {
      element.hidden = true;
      return;
    }
    const bytes = wireBytes(downloads, files);
    const inDownload = step === "download" || step === "compile-runtime" || step === "start-python";
    if (inDownload && files.size > 0 && downloading(downloads, files)) {
      bar.max = bytes.total;
      bar.value = bytes.done;
      downloaded = {
        done: megabytes(bytes.done),
        total: megabytes(bytes.total),
        left: megabytes(bytes.total - bytes.done),
      };
      sentence = fill(words.downloading, downloaded);
    } else if (step) {
      bar.removeAttribute("value");
      downloaded = null;
      sentence = words[`step_${step}`] || sentence;
    }
    element.dataset.step = step || "";
    if (failure) {
      // Only a stall says more than the widget's own failure sentence: where it stopped.
      const seconds = Math.round(engine.stallMs / 1000);
      bar.hidden = true;
      element.dataset.step = failure.step || "";
      element.hidden = !failure.stalled;
      text.textContent = !failure.stalled
        ? ""
        : downloaded
          ? fill(words.stalled_download, { ...downloaded, seconds })
          : fill(words.stalled, { seconds, step: sentence });
      return;
    }
    text.textContent = sentence;
  };
  engine.onStartup(update);
}
