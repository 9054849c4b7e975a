// What the checker's widgets (the eligibility form, the embed, the staff-list check) share:
// their build-time settings, their engine with its start-up progress, and the widget's
// state (data-state: "ready" once the engine has started, "failed" if it could not).

import { startEngine } from "./engine.js";
import { required } from "./dom.js";
import { showStartup } from "./startup-progress.js";

/** @import { Engine } from "./engine.js" */
/** @import { WidgetConfig } from "./types.js" */

/**
 * The widget's one JSON block, written by the site's build: {words, facts}.
 * @param {ParentNode} root
 * @param {string} selector
 * @returns {WidgetConfig}
 */
export function readConfig(root, selector) {
  return JSON.parse(required(root, selector).textContent || "{}");
}

/**
 * The widget's engine (one per page, see shared/engine.js), with its start-up progress
 * shown in the widget's [data-checker-progress] element, and the widget's data-state kept:
 * `onReady` once it has started, `onFailed` (after data-state="failed") if it could not.
 * @param {HTMLElement} root
 * @param {{onReady: () => void, onFailed: () => void}} handlers
 * @returns {Engine}
 */
export function startWidgetEngine(root, { onReady, onFailed }) {
  const engine = startEngine();
  const progress = /** @type {HTMLElement | null} */ (root.querySelector("[data-checker-progress]"));
  if (progress) showStartup(progress, engine);
  engine.ready.then(
    () => {
      root.dataset.state = "ready";
      onReady();
    },
    (/** @type {{step?: string, message?: string}} */ error) => {
      console.error("[checker] the engine could not start:", error.step, error.message);
      onFailed();
    },
  );
  return engine;
}
