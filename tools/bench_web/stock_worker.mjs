// Reference worker: stock Pyodide from its own folder, then the checker wheel, imported.
import { loadPyodide } from "./pyodide/pyodide.mjs";

self.onmessage = async (event) => {
  try {
    const pyodide = await loadPyodide({ indexURL: new URL("./pyodide/", import.meta.url).href });
    const loaded = await pyodide.loadPackage(event.data.wheel);
    if (!loaded.length) throw new Error("the checker wheel did not load");
    pyodide.runPython("import checker, checker.web");
    self.postMessage({ ok: true });
  } catch (error) {
    self.postMessage({ ok: false, error: String(error) });
  }
};
