// Run the checker's worked cases inside the pinned Pyodide (node_modules/pyodide) under Node,
// and print, as one JSON object on stdout, what each case gives in both languages:
//   {"python": "3.14.x", "cases": {"<id>": {"en": <CheckResult.to_dict()>, "zh": ...,
//                                         "web_en": <checker.web.check_json reply>}}}
// tests/test_pyodide.py compares it with CPython's answers for the same cases.
//
// Usage: node tools/pyodide_run.mjs [CASES.toml]   (default tests/cases/worked_cases.toml)
// Offline: the checker's files are written straight into Pyodide's file system.

import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

async function startPyodide() {
  const { loadPyodide } = await import(join(root, "node_modules", "pyodide", "pyodide.mjs"));
  return loadPyodide({ indexURL: join(root, "node_modules", "pyodide") + "/" });
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
import json, sys, tomllib
sys.path.insert(0, "/home/pyodide")
from checker import check, web

with open("/home/pyodide/cases.toml", "rb") as file:
    cases = tomllib.load(file)["case"]

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
json.dumps({"python": sys.version.split()[0], "cases": answers}, ensure_ascii=False)
`;

async function main() {
  const casesPath = resolve(process.argv[2] ?? join(root, "tests", "cases", "worked_cases.toml"));
  const pyodide = await startPyodide();
  installChecker(pyodide);
  pyodide.FS.writeFile("/home/pyodide/cases.toml", readFileSync(casesPath));
  const output = await pyodide.runPythonAsync(RUN_CASES);
  process.stdout.write(output + "\n");
}

main().catch((error) => {
  process.stderr.write(`pyodide_run: ${error?.stack ?? error}\n`);
  process.exit(1);
});
