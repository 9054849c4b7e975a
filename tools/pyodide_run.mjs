// Run the checker's worked cases inside the pinned Pyodide (node_modules/pyodide) under Node,
// and print, as one JSON object on stdout, what each case gives in both languages:
//   {"python": "3.14.x", "cases": {"<id>": {"en": <CheckResult.to_dict()>, "zh": ...,
//                                         "web_en": <checker.web.check_json reply>}}}
// tests/site/test_pyodide_runtime.py compares it with CPython's answers for the same cases.
//
// Usage: node tools/pyodide_run.mjs [--runtime DIR] CASES.json
//        CASES.json: the JSON form of checker/cases/worked_cases.toml, as
//        `checker.package_files.json_form` writes it (the site's runtime has no tomllib:
//        the browser reads the engine's data as JSON too).
// Offline. Without --runtime: stock Pyodide, the checker's source files written straight into
// its file system. With --runtime site/assets/pyodide/<version>/: the site's own runtime as
// the browser gets it, i.e. the fast-start standard library (only the modules the checker
// needs, compiled) and the py-compiled checker wheel installed by loadPackage; an import
// outside that trimmed library fails here. The staff-list entry points are run too.

import { readdirSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

async function startPyodide(runtime) {
  const { loadPyodide } = await import(join(root, "node_modules", "pyodide", "pyodide.mjs"));
  const indexURL = join(root, "node_modules", "pyodide") + "/";
  if (!runtime) return loadPyodide({ indexURL });
  return loadPyodide({ indexURL, stdLibURL: join(runtime, "python_stdlib_fast.zip") });
}

async function installSiteWheel(pyodide, runtime) {
  const wheels = readdirSync(runtime).filter((name) => name.endsWith(".whl"));
  if (wheels.length !== 1) throw new Error(`expected one wheel in ${runtime}, found ${wheels}`);
  const problems = [];
  const loaded = await pyodide.loadPackage(join(runtime, wheels[0]), {
    messageCallback: () => {},
    errorCallback: (message) => problems.push(message),
  });
  if (!loaded.length) throw new Error(`the site's wheel did not install: ${problems}`);
}

function installChecker(pyodide) {
  const target = "/home/pyodide/checker";
  pyodide.FS.mkdirTree(target);
  for (const name of readdirSync(join(root, "checker"))) {
    if (name.endsWith(".py") || name.endsWith(".toml")) {
      pyodide.FS.writeFile(`${target}/${name}`, readFileSync(join(root, "checker", name)));
    }
  }
}

const RUN_CASES = `
import json, sys
sys.path.insert(0, "/home/pyodide")
from datetime import date
from checker import check, web, working_days
from checker.package_files import read_json_form

STAFF_LIST = (
    "工号,姓名,permit_issued,permit_expires,passport_expires,category\\n"
    "001,王芳,2026-11-12,2028-11-11,2030-01-01,A\\n"
    "002,李雷,2026/13/01,2028-11-11,2030-01-01,B\\n"
).encode("gb18030")

with open("/home/pyodide/cases.json", encoding="utf-8") as file:
    cases = read_json_form(file.read())["case"]

answers = {}
for case in cases:
    dates = {k: case[k] for k in ("permit_issued", "permit_expires", "passport_expires", "on")}
    category = case.get("category", "unknown")
    answer = {
        lang: check(**dates, category=category, lang=lang).to_dict() for lang in ("en", "zh")
    }
    request = {k: v.isoformat() for k, v in dates.items()} | {"category": category, "lang": "en"}
    answer["web_en"] = json.loads(web.check_json(json.dumps(request)))
    answers[case["id"]] = answer
staff = {lang: json.loads(web.batch_json(STAFF_LIST, "2026-11-26", lang)) for lang in ("en", "zh")}
# Western Excel (Windows-1252) and Chinese Excel with a pinyin letter: the codecs the
# encoding decision needs must be in the trimmed standard library.
WESTERN = "name,permit_issued,permit_expires,passport_expires\\nRenée Müller,2026-11-12,2028-11-11,2030-01-01\\n"
staff["western"] = json.loads(web.batch_json(WESTERN.encode("cp1252"), "2026-11-26", "en"))
staff["pinyin"] = json.loads(web.batch_json(WESTERN.replace("Renée", "Lü").encode("gbk"), "2026-11-26", "en"))
calendars = {
    case["id"]: web.window_ics(json.dumps(
        {k: case[k].isoformat() for k in ("permit_issued", "permit_expires", "passport_expires", "on")}
        | {"category": case.get("category", "unknown"), "lang": "zh"}
    ))
    for case in cases
}
working = {
    day.isoformat(): [
        working_days.is_working_day(day),
        working_days.is_covered(day),
        working_days.last_working_day_on_or_before(day).isoformat(),
    ]
    for day in (date(2026, 10, 10), date(2026, 10, 5), date(2026, 12, 6), date(2030, 1, 1))
}
json.dumps(
    {"python": sys.version.split()[0], "cases": answers, "staff_list": staff, "calendars": calendars,
     "working_days": working},
    ensure_ascii=False,
)
`;

async function main() {
  const { values, positionals } = parseArgs({
    options: { runtime: { type: "string" } },
    allowPositionals: true,
  });
  const runtime = values.runtime ? resolve(values.runtime) : null;
  if (positionals.length !== 1) throw new Error("usage: pyodide_run.mjs [--runtime DIR] CASES.json");
  const casesPath = resolve(positionals[0]);
  const pyodide = await startPyodide(runtime);
  if (runtime) await installSiteWheel(pyodide, runtime);
  else installChecker(pyodide);
  pyodide.FS.writeFile("/home/pyodide/cases.json", readFileSync(casesPath));
  const output = await pyodide.runPythonAsync(RUN_CASES);
  process.stdout.write(output + "\n");
}

main().catch((error) => {
  process.stderr.write(`pyodide_run: ${error?.stack ?? error}\n`);
  process.exit(1);
});
