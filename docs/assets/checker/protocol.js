// What the page (engine.js) and the engine's worker (worker.js) both need to know about
// start-up: its named steps and the one error class a failed start-up becomes.
//
// Worker -> page start-up messages (all with id "startup"):
//   {type: "step",     step}                 a step begins (one of STEPS)
//   {type: "progress", file, loaded, total, done}
//                                            bytes of a runtime file received so far
//                                            (decoded), its Content-Length (bytes on the wire,
//                                            or null) and whether it is complete
//   {type: "ready",    ms}
//   {type: "failed",   step, message}

export const STEPS = Object.freeze({
  checkWebAssembly: "check-webassembly", // may this worker compile WebAssembly at all?
  download: "download", // the runtime's files
  compileRuntime: "compile-runtime", // the runtime's WebAssembly, compiled as it arrives
  startPython: "start-python",
  installChecker: "install-checker",
  importChecker: "import-checker",
});

export class StartupFailed extends Error {
  constructor(step, message) {
    super(message);
    this.name = "StartupFailed";
    this.step = step;
  }
}
