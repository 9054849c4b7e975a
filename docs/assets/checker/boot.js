// Starts the checker's engine (worker + Pyodide) from the page's <head>, before the page has
// finished loading: the form's own script runs only after the document is parsed, and
// Python's start-up is the longest wait. engine.js keeps one engine per page, so the form
// gets this one. Settings come from <meta name="citizen-card-runtime">, written by the build.
import { startEngine } from "./engine.js";

function main() {
  const meta = document.querySelector('meta[name="citizen-card-runtime"]');
  if (!meta) return;
  startEngine({ runtime: meta.content, packageName: meta.dataset.package });
}

main();
