// What the page (shared/engine.js) and the engine's worker (worker.js) both need to know
// about start-up: its named steps (checker/web.py's STARTUP_STEPS, through contract.js) and
// the one error class a failed start-up becomes. The messages' shapes: shared/types.js.

import { CONTRACT } from "./contract.js";

export const STEPS = CONTRACT.startupSteps;
// The engine's entry points (checker/web.py): the only functions the worker calls.
export const ENTRY_POINTS = new Set(CONTRACT.entryPoints);

export class StartupFailed extends Error {
  /**
   * @param {string} step
   * @param {string} message
   * @param {boolean} [stalled] no sign of progress for the page's stall limit
   */
  constructor(step, message, stalled = false) {
    super(message);
    this.name = "StartupFailed";
    this.step = step;
    this.stalled = stalled;
  }
}

// An engine call that failed after start-up: the engine's error (a Python exception, the
// runtime out of memory, a worker that died), reported as that error.
export class EngineError extends Error {
  /** @param {string} message */
  constructor(message) {
    super(message);
    this.name = "EngineError";
  }
}
