"""Benchmark of the HR page's staff-list check in the browser: how long until a list is checked
and shown, and whether the progress bar moves on a long one.

Prints figures; it is not a timed test. In one headless Chromium (Debian's), on the built
site served by tools/serve.py, the engine started, for lists of 10,000 and 100,000 rows it
measures with the page's own clock, from choosing the file:

- **first rows**: the results' first screen shown (the most urgent rows, painted): two
  frames after the page marks its timeline with `staff-list:first-rows`;
- **all rows**: every row in the table, two frames after the `staff-list:every-row` mark
  (the count of `tbody tr` is then checked against the file's);
- **progress**: the distinct values the progress bar showed while the list was checked;
- **longest task**: the page's longest task meanwhile (how long a click or key could wait).

Targets (from the staff-list issue): 10,000 rows checked and shown <= 1 s; 100,000 rows
<= 10 s with the progress bar moving.

A very wide file (issue 22, item 6: 100,000 columns froze the page for 15 s in one task) is
measured too: from choosing it to the page's refusal shown, and the page's longest task
meanwhile.

Usage: python tools/bench_staff_list.py [--site site] [--rows 10000,100000] [--wide 100000]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "hooks"))  # chromium: the build starts it too

from chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from serve import serve_in_background  # noqa: E402

HEADER = "name,staff_no,permit_issued,permit_expires,passport_expires,category\n"
TARGET_MS = {10_000: 1_000, 100_000: 10_000}
PROBE = """(rows) => {
  window.__times = { first: null, all: null, progress: [], rows: null, longest: 0 };
  const input = document.querySelector("[data-batch] input[type=file]");
  input.addEventListener("change", () => { window.__chosenAt = performance.now(); },
                         { once: true, capture: true });
  const bar = document.querySelector("[data-batch] progress[data-batch-progress]");
  const frames = (then) => requestAnimationFrame(() => requestAnimationFrame(then));
  // The page marks its timeline when the first rows and when every row are in the table;
  // two frames later they have been laid out and painted.
  const observer = new PerformanceObserver((list) => {
    for (const mark of list.getEntries()) {
      if (mark.startTime < __chosenAt) continue;
      if (mark.name === "staff-list:first-rows" && __times.first === null) {
        frames(() => { __times.first = performance.now() - __chosenAt; });
      }
      if (mark.name === "staff-list:every-row") {
        observer.disconnect();
        frames(() => {
          __times.rows = document.querySelectorAll("[data-batch] tbody tr").length;
          __times.all = performance.now() - __chosenAt;
        });
      }
    }
  });
  observer.observe({ type: "mark" });
  // The page's longest task meanwhile: how long a click or key could wait.
  const tasks = new PerformanceObserver((list) => {
    for (const task of list.getEntries()) {
      if (task.startTime >= __chosenAt && __times.all === null) {
        __times.longest = Math.max(__times.longest, task.duration);
      }
    }
  });
  tasks.observe({ type: "longtask" });
  const tick = () => {
    if (!bar.hidden && bar.hasAttribute("value")) __times.progress.push(bar.value);
    if (__times.all === null) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}"""


def staff_list(rows: int) -> bytes:
    """A GB18030 list of `rows` staff with Chinese names (as Chinese Excel saves it)."""
    lines = [
        f"员工{n},{n},2026-{1 + n % 12:02d}-{1 + n % 28:02d},2028-{1 + n % 12:02d}-15,"
        f"{2026 + n % 5}-06-30,{'ABC'[n % 3]}\n"
        for n in range(rows)
    ]
    return (HEADER + "".join(lines)).encode("gb18030")


def measure(page: Any, rows: int, attempt: int) -> dict[str, Any]:
    page.evaluate(PROBE, rows)
    data = staff_list(rows)
    file = {"name": f"staff{rows}-{attempt}.csv", "mimeType": "text/csv", "buffer": data}
    page.set_input_files("[data-batch] input[type=file]", files=[file])
    page.wait_for_function("() => window.__times.all !== null", timeout=300_000)
    times = dict(page.evaluate("window.__times"))
    if times["rows"] != rows:
        raise SystemExit(f"{times['rows']} rows in the table for {rows} in the file")
    return times


WIDE_PROBE = """() => {
  window.__wide = { shown: null, longest: 0 };
  const input = document.querySelector("[data-batch] input[type=file]");
  input.addEventListener("change", () => { window.__chosenAt = performance.now(); },
                         { once: true, capture: true });
  const problem = document.querySelector("[data-batch] [data-batch-problem]");
  const watch = new MutationObserver(() => {
    if (problem.hidden || window.__wide.shown !== null) return;
    watch.disconnect();
    requestAnimationFrame(() => requestAnimationFrame(() => {
      window.__wide.shown = performance.now() - window.__chosenAt;
      window.__wide.sentence = problem.textContent;
    }));
  });
  watch.observe(problem, { attributes: true, attributeFilter: ["hidden"] });
  new PerformanceObserver((list) => {
    for (const task of list.getEntries()) {
      if (task.startTime >= window.__chosenAt && window.__wide.shown === null) {
        window.__wide.longest = Math.max(window.__wide.longest, task.duration);
      }
    }
  }).observe({ type: "longtask" });
}"""


def wide_list(columns: int) -> bytes:
    """A header and one row of `columns` cells beyond the three the engine reads."""
    header = ["permit_issued", "permit_expires", "passport_expires"]
    header += [f"c{n}" for n in range(columns)]
    row = ["2026-11-12", "2028-11-11", "2030-01-01", *["x"] * columns]
    return (",".join(header) + "\n" + ",".join(row) + "\n").encode()


def measure_wide(page: Any, columns: int, attempt: int) -> dict[str, Any]:
    page.evaluate(WIDE_PROBE)
    file = {"name": f"wide{attempt}.csv", "mimeType": "text/csv", "buffer": wide_list(columns)}
    page.set_input_files("[data-batch] input[type=file]", files=[file])
    page.wait_for_function("() => window.__wide.shown !== null", timeout=120_000)
    return dict(page.evaluate("window.__wide"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--rows", default="10000,100000")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--wide", type=int, default=100_000, help="columns; 0: not measured")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    server, url = serve_in_background(args.site)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
            )
            page = browser.new_page(viewport={"width": 1366, "height": 768})
            page.goto(url + "hr/")
            page.wait_for_selector('[data-batch][data-state="ready"]', timeout=60_000)
            page.fill("[data-batch] input[type=date][name=on]", "2026-11-26")
            for rows in (int(value) for value in args.rows.split(",")):
                rounds = [measure(page, rows, attempt) for attempt in range(args.rounds)]
                first = statistics.median(times["first"] for times in rounds)
                every = statistics.median(times["all"] for times in rounds)
                steps = sorted(set(rounds[-1]["progress"]))
                target = TARGET_MS.get(rows)
                goal = f" (target <= {target})" if target else ""
                print(f"staff list of {rows:,} rows: first screen shown {first:.0f} ms,")
                print(f"  every row checked and shown {every:.0f} ms{goal}")
                values = ", ".join(f"{step:.2f}" for step in steps)
                print(f"  progress bar values: {len(steps)} ({values})")
                longest = max(times["longest"] for times in rounds)
                print(f"  longest task of the page meanwhile: {longest:.0f} ms")
            if args.wide:
                wide = [measure_wide(page, args.wide, attempt) for attempt in range(args.rounds)]
                shown = statistics.median(times["shown"] for times in wide)
                print(f"a file of {args.wide:,} columns: refused, sentence shown {shown:.0f} ms")
                longest = max(times["longest"] for times in wide)
                print(f"  longest task of the page meanwhile: {longest:.0f} ms")
                print(f"  it says: {wide[-1]['sentence'].strip()[:160]}")
            browser.close()
    finally:
        server.shutdown()
        server.server_close()


if __name__ == "__main__":
    main()
