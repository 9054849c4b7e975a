// Builds the checker's fast-start runtime files for Pyodide.
//
// Stock Pyodide ships its standard library as source and compiles what it imports at every
// start, and a pure-Python wheel is compiled the same way when it is imported. This script
// runs the pinned Pyodide itself under Node (its Python is 3.14.x; a host Python would have
// to match it exactly, and this machine has none) to:
//   1. install the checker wheel and run an exercise of everything the browser asks of the
//      engine (hooks/runtime/stdlib_exercise.py), recording every module that gets imported;
//   2. write `python_stdlib_fast.zip`: only those modules (frozen ones live inside the
//      interpreter already), compiled to bytecode as `python -OO` would (sourceless .pyc,
//      no docstrings or asserts); the worker loads it with `stdLibURL`;
//   3. write the checker wheel py-compiled (sourceless .pyc; data files and metadata as
//      they were), tagged py314: bytecode runs only on the Python version that wrote it.
// Both archives are stored uncompressed: the server sends them compressed (the build writes
// .br and .gz beside them), and compression across all the files of an archive saves more
// than compressing each file on its own.
// It prints one line of figures and writes the module list to modules.txt.
//
// Usage: node hooks/runtime/fast_runtime.mjs --wheel W.whl --exercise hooks/runtime/stdlib_exercise.py --out-dir DIR
import { loadPyodide } from "pyodide";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { parseArgs } from "node:util";

export const FAST_STDLIB = "python_stdlib_fast.zip";

function parseOptions() {
  const { values } = parseArgs({
    options: {
      wheel: { type: "string" },
      exercise: { type: "string" },
      "out-dir": { type: "string" },
    },
  });
  for (const name of ["wheel", "exercise", "out-dir"]) {
    if (!values[name]) throw new Error(`fast_runtime: --${name} is required`);
  }
  return values;
}

function stockStdlibPath() {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve("pyodide/package.json")), "python_stdlib.zip");
}

async function recordImports(pyodide, wheelPath, exercisePath) {
  pyodide.FS.writeFile("/tmp/exercise.py", fs.readFileSync(exercisePath));
  // loadPackage is how the browser installs the wheel: run the same code path.
  // Under Node it reads the wheel from the host's file system.
  const problems = [];
  const loaded = await pyodide.loadPackage(path.resolve(wheelPath), {
    messageCallback: () => {},
    errorCallback: (message) => problems.push(message),
  });
  if (!loaded.length) throw new Error(`fast_runtime: the wheel did not install. ${problems}`);
  const modules = pyodide.runPython(`
import json, runpy, sys
runpy.run_path("/tmp/exercise.py", run_name="__main__")
json.dumps(sorted(
    name for name, module in sys.modules.items()
    if getattr(getattr(module, "__spec__", None), "origin", None) != "frozen"
))
`);
  return JSON.parse(modules);
}

// Python that compiles the .py members of one zip into sourceless .pyc members of another.
const COMPILE_ZIP = `
import importlib._bootstrap_external as bootstrap
import importlib.util
import zipfile

def module_name(member):
    stem = member[: -len(".py")]
    if stem.endswith("/__init__"):
        stem = stem[: -len("/__init__")]
    return stem.replace("/", ".")

def compile_zip(source_zip, target_zip, *, prefix, wanted=None, optimize=0, keep_data=False):
    """Returns (compiled, left out)."""
    compiled = left_out = 0
    with zipfile.ZipFile(source_zip) as source, zipfile.ZipFile(
        target_zip, "w", zipfile.ZIP_STORED
    ) as target:
        for member in source.namelist():
            if member.endswith("/"):
                continue
            if not member.endswith(".py"):
                if keep_data:
                    target.writestr(member, source.read(member))
                else:
                    left_out += 1
                continue
            if wanted is not None and module_name(member) not in wanted:
                left_out += 1
                continue
            text = source.read(member)
            code = compile(text, prefix + member, "exec", dont_inherit=True, optimize=optimize)
            pyc = bootstrap._code_to_hash_pyc(code, importlib.util.source_hash(text), checked=False)
            target.writestr(member + "c", bytes(pyc))
            compiled += 1
    return compiled, left_out
`;

function compileStdlib(pyodide, modules, outPath) {
  pyodide.FS.writeFile("/tmp/stock_stdlib.zip", fs.readFileSync(stockStdlibPath()));
  pyodide.globals.set("wanted_modules", pyodide.toPy(modules));
  const [compiled, leftOut] = pyodide
    .runPython(`${COMPILE_ZIP}
compile_zip("/tmp/stock_stdlib.zip", "/tmp/fast_stdlib.zip", prefix="/lib/python314.zip/",
            wanted=set(wanted_modules), optimize=2)`)
    .toJs();
  fs.writeFileSync(outPath, pyodide.FS.readFile("/tmp/fast_stdlib.zip"));
  return { compiled, leftOut };
}

function compiledWheelName(wheelName, pythonVersion) {
  // name-version-pytag-abitag-platform.whl -> name-version-pyXY-abitag-platform.whl
  const parts = path.basename(wheelName, ".whl").split("-");
  const tag = "py" + pythonVersion.split(".").slice(0, 2).join("");
  parts[parts.length - 3] = tag;
  return parts.join("-") + ".whl";
}

function compileWheel(pyodide, wheelPath, outDir) {
  pyodide.FS.writeFile("/tmp/source.whl", fs.readFileSync(wheelPath));
  const sitePackages = pyodide.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
  pyodide.runPython(`${COMPILE_ZIP}
compile_zip("/tmp/source.whl", "/tmp/compiled.whl", prefix="${sitePackages}/", keep_data=True)`);
  const version = pyodide.runPython("import platform; platform.python_version()");
  const target = path.join(outDir, compiledWheelName(wheelPath, version));
  fs.writeFileSync(target, pyodide.FS.readFile("/tmp/compiled.whl"));
  return target;
}

async function main() {
  const options = parseOptions();
  const outDir = options["out-dir"];
  fs.mkdirSync(outDir, { recursive: true });
  const pyodide = await loadPyodide();
  const modules = await recordImports(pyodide, options.wheel, options.exercise);
  const stdlibPath = path.join(outDir, FAST_STDLIB);
  const { compiled, leftOut } = compileStdlib(pyodide, modules, stdlibPath);
  const wheel = compileWheel(pyodide, options.wheel, outDir);
  fs.writeFileSync(path.join(outDir, "modules.txt"), modules.join("\n") + "\n");
  console.log(
    `fast runtime: ${compiled} stdlib modules compiled, ${leftOut} files left out, ` +
      `${fs.statSync(stdlibPath).size} bytes; wheel ${path.basename(wheel)} ` +
      `${fs.statSync(wheel).size} bytes`,
  );
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
