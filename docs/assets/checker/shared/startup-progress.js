// The engine's start-up as the widget shows it in its [data-checker-progress] element
// (hooks/_page.py writes it, with its words and the runtime's sizes): a moving bar while
// the runtime downloads, then the step by name (the bar without a value: busy, not stuck at
// 100 %), hidden once ready; a stall names where it stopped.
//
// The worker reports often (each file's bytes every 100 ms, each step): the element is
// drawn at most once a frame, and only what changed is written. Every write, even of the
// text already shown, made the browser restyle and lay out the whole page once more, on the
// cores Python was starting on (a cold visit here: 30 style passes against caecf60's 13).

import { fill, required } from "./dom.js";
import { STEPS } from "./protocol.js";

/** @import { Engine, FileProgress, Startup } from "./engine.js" */
/** @typedef {{bytes: number, wire: number}} ExpectedFile */
/** @typedef {{words: Record<string, string>, downloads: Record<string, ExpectedFile>}} ProgressConfig */

const MB = 1e6;
/** @param {number} bytes */
const megabytes = (bytes) => (bytes / MB).toFixed(1);

/**
 * A runtime file counts as downloaded once all its bytes are in (its last report, `done`,
 * can come a moment later): a full bar is never shown, Python's start is.
 * @param {FileProgress | undefined} seen
 * @param {ExpectedFile} expected
 */
function complete(seen, expected) {
  return Boolean(seen && (seen.done || seen.loaded >= expected.bytes));
}

/**
 * Bytes on the wire for the runtime's files: for each, its Content-Length once known (else
 * the build's figure), and the share of its decoded bytes received so far.
 * @param {Record<string, ExpectedFile>} downloads
 * @param {Map<string, FileProgress>} files
 */
export function wireBytes(downloads, files) {
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

/**
 * @param {Record<string, ExpectedFile>} downloads
 * @param {Map<string, FileProgress>} files
 */
export function downloading(downloads, files) {
  return Object.entries(downloads).some(([name, expected]) => !complete(files.get(name), expected));
}

/**
 * @param {HTMLElement} element
 * @param {Engine} engine
 */
export function showStartup(element, engine) {
  const script = required(element, "script");
  const { words, downloads } = /** @type {ProgressConfig} */ (JSON.parse(script.textContent || "{}"));
  const bar = /** @type {HTMLProgressElement} */ (required(element, "progress"));
  const text = required(element, "[data-progress-text]");
  bar.setAttribute("aria-label", words.progress_label);
  element.hidden = false;
  let sentence = "";
  /** @type {{done: string, total: string, left: string} | null} */
  let downloaded = null; // the figures last shown while downloading
  /** @param {string} value */
  const showText = (value) => {
    if (text.textContent !== value) text.textContent = value;
  };
  /** @param {string} value */
  const showStep = (value) => {
    if (element.dataset.step !== value) element.dataset.step = value;
  };
  /** @param {Startup} startup */
  const draw = ({ step, files, failure }) => {
    if (step === "ready") {
      element.hidden = true;
      return;
    }
    const bytes = wireBytes(downloads, files);
    // Python starts while the last bytes may still arrive: the bar moves until they have.
    const inDownload = step === STEPS.download || step === STEPS.compileRuntime || step === STEPS.startPython;
    if (inDownload && files.size > 0 && downloading(downloads, files)) {
      if (bar.max !== bytes.total) bar.max = bytes.total;
      if (!bar.hasAttribute("value") || bar.value !== bytes.done) bar.value = bytes.done;
      downloaded = {
        done: megabytes(bytes.done),
        total: megabytes(bytes.total),
        left: megabytes(bytes.total - bytes.done),
      };
      sentence = fill(words.downloading, downloaded);
    } else if (step) {
      if (bar.hasAttribute("value")) bar.removeAttribute("value");
      downloaded = null;
      sentence = words[`step_${step}`] || sentence;
    }
    // A failure names the step that failed, which may not be the step last reported.
    showStep((failure ? failure.step : step) || "");
    if (failure) {
      // Only a stall says more than the widget's own failure sentence: where it stopped.
      const seconds = Math.round(engine.stallMs / 1000);
      bar.hidden = true;
      element.hidden = !failure.stalled;
      showText(
        !failure.stalled
          ? ""
          : downloaded
            ? fill(words.stalled_download, { ...downloaded, seconds })
            : fill(words.stalled, { seconds, step: sentence }),
      );
      return;
    }
    showText(sentence);
  };
  // Ready and failed are drawn at once (the widget's own state changes with them); the
  // reports in between once a frame, the latest state then.
  /** @type {Startup | null} */
  let latest = null;
  const drawLatest = () => {
    const startup = latest;
    latest = null;
    if (startup) draw(startup);
  };
  engine.onStartup((startup) => {
    if (startup.step === "ready" || startup.failure) {
      latest = null;
      draw(startup);
      return;
    }
    if (latest === null) requestAnimationFrame(drawLatest);
    latest = startup;
  });
}
