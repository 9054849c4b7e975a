"""Side-by-side start-up benchmark of the in-browser checker.

Prints figures; it is not a timed test. In one headless Chromium (Debian's), alternating,
after a warm-up round, it measures:

- **stock**: a reference page loading the pinned npm `pyodide` exactly as shipped, from the
  same local server, then the same checker wheel, imported;
- **ours**: the real eligibility page until its root reaches `data-state="ready"`;
- **engine only** (for reference, not in the ratios): the site's own engine on a page with
  nothing else, which shows how much of "ours" is the page and how much Pyodide's start-up;

each cold (a fresh browser profile) and warm (the same profile, visited again, once the
site's service worker, if it has one, has installed and kept the runtime). Time is
read in the page (`performance.now()` when the state becomes `ready`, i.e. from the start of
navigation); bytes are counted by the server (response bodies; a 304 counts 0).
Both are served alike: the same server, the same precompressed `.br`/`.gz` copies beside
their files (made by hooks/precompress.py), and the same year-long cache rule for the
runtime's unchanging files (the stock copy is not revalidated while ours is kept).
Also printed: a cold visit over an emulated 4G line (bytes on the wire), and the same visit
to the eligibility page with the service worker and with it blocked, alternating, to show
what the service worker costs a first visit (nothing: it is registered once the checker is
ready); how soon the page
shows its failure state when the runtime's WebAssembly is refused or its script answers 404;
a cold visit over a 600 kbit/s line (ready and never failed, and how its progress bar
moved); the time from pressing the button to the answer, and the Pyodide bytes that pages
without the checker transfer.

Also, a phone class: Chromium's processes held to half of one core (a cgroup CPU quota,
tools/phone_class.py) over the 4G line, a shared link opened cold until its answer shows,
and stock Pyodide until ready.

Usage: python tools/bench_web.py [--rounds 5] [--site site] [--only startup|phone|line|steps]
                                 [--compare REV_OR_SITE]

`--only startup` runs only the cold/warm comparison, `--only phone` only the phone class,
`--only line` only the 4G visits with the service worker and without, `--only steps` when
each start-up step the worker reports begins, cold and warm (where the time goes);
`--compare REV` also measures the site commit REV builds (built once, tools/bench_sites.py;
`make bench-web` compares with the last good build, BENCH_COMPARE) in the same rounds,
alternating with this one, as "before" (the same pages: the eligibility page and the
engine alone), so that a change is judged against it in the same conditions on a noisy
machine. A folder holding a built site works too.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import os
import re
import shutil
import statistics
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "hooks"))  # chromium: the build starts it too

from bench_sites import built_site  # noqa: E402
from bench_staff_list import staff_list  # noqa: E402
from chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from phone_class import held_chromium  # noqa: E402
from serve import SiteHandler, SiteServer, cache_control  # noqa: E402
from slow_line import slow_line  # noqa: E402

sys.path.insert(0, str(ROOT / "hooks"))
from precompress import precompress  # noqa: E402

# A reader stays on the page a while before leaving (and, later, coming back). Chromium
# writes its compiled-WebAssembly cache only once the module's optimised tier is done, a few
# seconds after start; both pages get the same time.
LINGER_MS = int(os.environ.get("BENCH_LINGER_MS", "5000"))
# ...and comes back once the site's service worker (if it has one) is done: installed, its
# precache filled, the runtime kept (sw-offline.js). A warm visit while it still installs
# would measure the installation, which a reader coming back another day never meets.
SETTLE_TIMEOUT_MS = 60_000
SERVICE_WORKER_SETTLED = r"""async () => {
  const registration = await navigator.serviceWorker?.getRegistration();
  if (!registration) return true;
  if (registration.installing || registration.waiting || !registration.active) return false;
  const script = await (await fetch(registration.active.scriptURL)).text();
  const runtime = JSON.parse(script.match(/CHECKER_RUNTIME_FILES=(\[[^\]]*\])/)[1]);
  return (await (await caches.open("checker-runtime")).keys()).length >= runtime.length;
}"""
READY_PROBE = """
(() => {
  window.__readyAt = null;
  window.__failedAt = null;
  window.__answeredAt = null;  // a shared link's answer shown
  window.__progress = [];  // [ms, bytes done, bytes in all] each time the bar moves
  const check = () => {
    const root = document.querySelector("[data-checker], [data-bench-root]");
    if (root && window.__readyAt === null && root.dataset.state === "ready") {
      window.__readyAt = performance.now();
      if (window.__benchSettled) window.__benchSettled();
    }
    if (root && window.__failedAt === null && root.dataset.state === "failed") {
      window.__failedAt = performance.now();
      if (window.__benchSettled) window.__benchSettled();
    }
    const answer = document.querySelector("[data-checker-answer][data-status]");
    if (answer && window.__answeredAt === null && answer.dataset.status !== "invalid") {
      window.__answeredAt = performance.now();
    }
    const bar = document.querySelector("[data-checker-progress] progress");
    const last = window.__progress.at(-1);
    if (bar && bar.hasAttribute("value") && (!last || last[1] !== bar.value)) {
      window.__progress.push([performance.now(), bar.value, bar.max]);
    }
  };
  new MutationObserver(check).observe(document, {subtree: true, attributes: true, childList: true});
})();
"""
SETTLED = ':is([data-checker], [data-bench-root]):is([data-state="ready"], [data-state="failed"])'


class ByteCounter:
    """Bytes of response bodies sent, per request path."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.sent: list[tuple[str, int]] = []

    def reset(self) -> list[tuple[str, int]]:
        with self.lock:
            sent, self.sent = self.sent, []
        return sent


COUNTER = ByteCounter()


# The stock runtime's files, which are as unchanging as the site's versioned copy of them.
STOCK_RUNTIME = re.compile(r"/__stock__/pyodide/pyodide[.](mjs|asm[.]mjs|asm[.]wasm)$")


class CountingHandler(SiteHandler):
    def cache_control(self, path: str) -> str:
        """The stock runtime is cached like the site's (a year), so warm visits compare."""
        if STOCK_RUNTIME.search(path):
            return cache_control("/assets/pyodide/0/pyodide.asm.wasm")
        return cache_control(path)

    def copyfile(self, source: Any, outputfile: Any) -> None:
        data = source.read()
        outputfile.write(data)
        with COUNTER.lock:
            COUNTER.sent.append((self.path, len(data)))


def stage_stock_reference(site: Path, staging: Path, compare: Path | None = None) -> None:
    """Copy the site and add the stock reference page beside it (and the engine-only page);
    with `compare`, that other site too, under ``__before__/`` with its own engine-only page."""
    shutil.copytree(site, staging, dirs_exist_ok=True)
    wheels = sorted(site.rglob("*.whl"))
    if not wheels:
        sys.exit("bench_web: no checker wheel in the built site; run `make build` first.")
    stock = staging / "__stock__"
    shutil.copytree(ROOT / "node_modules" / "pyodide", stock / "pyodide")
    shutil.copy(wheels[0], stock / wheels[0].name)
    here = Path(__file__).parent / "bench_web"
    page = (here / "stock.html").read_text("utf-8").replace("__WHEEL__", wheels[0].name)
    (stock / "index.html").write_text(page, "utf-8")
    shutil.copy(here / "stock_worker.mjs", stock / "stock_worker.mjs")
    precompress(stock)  # the same .br/.gz beside its files as the site has
    if not write_engine_only_page(staging):
        sys.exit("bench_web: the eligibility page has no engine settings; run `make build`.")
    if compare is not None:
        shutil.copytree(compare, staging / BEFORE)
        # A build older than hooks/precompress.py (caecf60 is) gets the same .br/.gz copies:
        # both are served alike, so that only the pages and the runtime differ.
        if not any((staging / BEFORE).rglob("*.br")):
            precompress(staging / BEFORE)
        write_engine_only_page(staging / BEFORE)


# Where `--compare` puts the other site, beside this one.
BEFORE = "__before__"


def write_engine_only_page(site: Path) -> bool:
    """``__engine_only__/index.html`` in a staged site: its engine on a page with nothing else,
    with the worker settings its eligibility page carries (False, and no page, if it carries
    none: a site older than these settings)."""
    settings = re.search(
        r'data-citizen-card-engine data-worker="(?P<worker>[^"]+)" data-stall-ms="(?P<stall>\d+)"',
        (site / "eligibility" / "index.html").read_text("utf-8"),
    )
    if not settings:
        return False
    engine_only = (Path(__file__).parent / "bench_web" / "engine_only.html").read_text("utf-8")
    engine_only = engine_only.replace("__WORKER__", settings["worker"])
    engine_only = engine_only.replace("__STALL_MS__", settings["stall"])
    (site / "__engine_only__").mkdir()
    (site / "__engine_only__" / "index.html").write_text(engine_only, "utf-8")
    return True


@contextmanager
def counting_server(root: Path) -> Iterator[str]:
    handler = functools.partial(CountingHandler, directory=str(root))
    server = SiteServer(("127.0.0.1", 0), handler)  # quiet when a browser hangs up
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def time_to_ready(page: Any, url: str, timeout_ms: int = 60_000) -> float:
    page.goto(url)
    # Selector waits, not wait_for_function: the site's CSP forbids string evaluation.
    page.wait_for_selector('[data-state="ready"]', state="attached", timeout=timeout_ms)
    return float(page.evaluate("window.__readyAt"))


@contextmanager
def fresh_profile_page(playwright: Any, service_workers: str = "allow") -> Iterator[Any]:
    """A page in a new persistent profile (so the code cache works, as in a real browser),
    with the ready/failed/progress probe installed; service workers "allow" or "block"."""
    with tempfile.TemporaryDirectory() as profile:
        context = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_ARGS,
            service_workers=service_workers,
        )
        try:
            page = context.new_page()
            page.add_init_script(READY_PROBE)
            yield page
        finally:
            context.close()


def wait_for_service_worker(page: Any) -> None:
    """Until the page's service worker, if any, is done (SERVICE_WORKER_SETTLED)."""
    for _ in range(SETTLE_TIMEOUT_MS // 250):
        if page.evaluate(SERVICE_WORKER_SETTLED):
            return
        page.wait_for_timeout(250)
    print("bench_web: the service worker was still busy after 60 s", file=sys.stderr)


def visit_twice(playwright: Any, url: str) -> tuple[float, int, float, int]:
    """Cold then warm visit in one fresh profile: (cold ms, cold bytes, warm ms, warm bytes)."""
    with fresh_profile_page(playwright) as page:
        COUNTER.reset()
        cold = time_to_ready(page, url)
        cold_bytes = sum(size for _, size in COUNTER.reset())
        page.wait_for_timeout(LINGER_MS)
        wait_for_service_worker(page)
        page.goto("about:blank")
        COUNTER.reset()  # what the service worker fetched while installing is not the visit's
        warm = time_to_ready(page, url)
        warm_bytes = sum(size for _, size in COUNTER.reset())
    return cold, cold_bytes, warm, warm_bytes


# An emulated 4G line: its download bandwidth, and the round trip each request waits.
LINE_4G_BITS = 9_000_000
LINE_4G_DELAY_MS = 85


# A slow line: 600 kbit/s shared by all connections, 150 ms per request.
SLOW_LINE_BITS = 600_000
SLOW_LINE_DELAY_MS = 150


@dataclass
class LineVisit:
    settled_ms: float  # to ready (or to failed)
    ready: bool
    wire_bytes: int
    progress: list[tuple[float, float, float]]  # (ms, bytes done, bytes in all)


def cold_over_line(
    playwright: Any, url: str, bits_per_second: int, delay_ms: int, service_workers: str = "allow"
) -> LineVisit:
    """A first visit (fresh profile) over an emulated line: whether it became ready (never
    failed), when, the bytes on the wire (headers included, counted by the line, as soon as
    the page is ready), and how the progress bar moved."""
    parts = urlsplit(url)
    with slow_line(parts.port or 80, bits_per_second=bits_per_second, delay_ms=delay_ms) as (
        port,
        line,
    ):
        slow_url = f"{parts.scheme}://127.0.0.1:{port}{parts.path}"
        with fresh_profile_page(playwright, service_workers) as page:
            # The count as the page settles (the page calls this at once; what it asks for
            # once ready, such as its service worker, is not counted).
            by_settled: list[int] = []
            page.expose_function("__benchSettled", lambda: by_settled.append(line.take_count()))
            line.take_count()
            page.goto(slow_url)
            page.wait_for_selector(SETTLED, state="attached", timeout=300_000)
            ready = page.get_attribute(SETTLED, "data-state") == "ready"
            at = page.evaluate("window.__readyAt" if ready else "window.__failedAt")
            progress = [tuple(sample) for sample in page.evaluate("window.__progress")]
            wire_bytes = by_settled[0] if by_settled else line.take_count()
            return LineVisit(float(at), ready, wire_bytes, progress)


SERVICE_WORKER_RUNS = {"with its service worker": "allow", "service worker blocked": "block"}


def service_worker_on_4g(playwright: Any, url: str, rounds: int) -> dict[str, list[LineVisit]]:
    """The eligibility page's first visit over the 4G line, with its service worker and with
    it blocked, alternating, `rounds` each."""
    visits: dict[str, list[LineVisit]] = {name: [] for name in SERVICE_WORKER_RUNS}
    for _ in range(rounds):
        for name, allowed in SERVICE_WORKER_RUNS.items():
            visit = cold_over_line(playwright, url, LINE_4G_BITS, LINE_4G_DELAY_MS, allowed)
            visits[name].append(visit)
    return visits


def print_service_worker_on_4g(visits: dict[str, list[LineVisit]]) -> None:
    rounds = len(next(iter(visits.values())))
    print(f"A first visit over the 4G line, ours, {rounds} rounds each, alternating:")
    medians = {}
    for name, runs in visits.items():
        ready = sum(visit.ready for visit in runs)
        times = [visit.settled_ms for visit in runs]
        medians[name] = (statistics.median(times), statistics.median(v.wire_bytes for v in runs))
        print(
            f"  {name:<24} ready {ready}/{len(runs)}  median {medians[name][0]:6.0f} ms"
            f"  min {min(times):6.0f}  max {max(times):6.0f}"
            f"  {medians[name][1]:,.0f} bytes by ready"
        )
    (with_ms, with_bytes), (without_ms, without_bytes) = medians.values()
    print(
        f"  the service worker adds {with_ms - without_ms:+.0f} ms and"
        f" {with_bytes - without_bytes:+,.0f} bytes before ready (target: no slower, no bytes)"
    )


def time_to_failure(playwright: Any, url: str, pattern: str, answer: str) -> float:
    """Milliseconds (the page's clock) from navigation to the failure state when every
    request for `pattern` is refused (`answer` "abort") or answered 404 ("404")."""
    browser = playwright.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
    )
    try:
        page = browser.new_page()
        page.add_init_script(READY_PROBE)
        if answer == "abort":
            page.route(pattern, lambda route: route.abort())
        else:
            page.route(pattern, lambda route: route.fulfill(status=404, body="Not Found"))
        page.goto(url)
        page.wait_for_selector(SETTLED, state="attached", timeout=120_000)
        return float(page.evaluate("window.__failedAt ?? NaN"))
    finally:
        browser.close()


def answer_latency(playwright: Any, url: str) -> float:
    """Milliseconds from pressing the button to the answer, once the engine is ready."""
    browser = playwright.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
    )
    try:
        page = browser.new_page()
        page.add_init_script(READY_PROBE)
        time_to_ready(page, url)
        page.fill("input[name=permit_issued]", "2026-01-05")
        page.fill("input[name=permit_expires]", "2028-01-04")
        page.fill("input[name=passport_expires]", "2030-06-30")
        page.fill("input[name=on]", "2026-11-26")
        latencies = []
        for _ in range(5):
            page.evaluate(
                """() => {
                  const answer = document.querySelector("[data-checker] [data-status]");
                  if (answer) answer.removeAttribute("data-status");
                  window.__pressedAt = performance.now();
                  window.__answeredAt = null;
                  new MutationObserver((_, observer) => {
                    const el = document.querySelector("[data-checker] [data-status]");
                    if (el && el.dataset.status) {
                      window.__answeredAt = performance.now();
                      observer.disconnect();
                    }
                  }).observe(document.querySelector("[data-checker]"),
                             {subtree: true, attributes: true, childList: true});
                }"""
            )
            page.click("[data-checker] button[type=submit]")
            page.wait_for_selector("[data-checker] [data-status]", state="attached")
            latencies.append(page.evaluate("window.__answeredAt - window.__pressedAt"))
        return float(statistics.median(latencies))
    finally:
        browser.close()


def pyodide_bytes_on_plain_pages(playwright: Any, base: str) -> int:
    browser = playwright.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
    )
    try:
        page = browser.new_page()
        COUNTER.reset()
        for path in ("", "apply/", "zh/", "zh/apply/", "glossary/"):
            page.goto(base + path, wait_until="networkidle")
        return sum(
            size
            for path, size in COUNTER.reset()
            if "pyodide" in path or path.endswith((".wasm", ".whl", ".zip"))
        )
    finally:
        browser.close()


def staff_list_time(playwright: Any, base: str, rows: int = 10_000) -> float:
    """Milliseconds from choosing a staff CSV of `rows` rows on the HR page to its table shown
    (target <= 1000 ms once the engine is ready). Median of three files."""
    data = staff_list(rows)
    browser = playwright.chromium.launch(
        executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
    )
    try:
        page = browser.new_page()
        page.goto(base + "hr/")
        page.wait_for_selector('[data-batch][data-state="ready"]', timeout=60_000)
        times = []
        for attempt in range(3):
            page.evaluate(
                """() => {
                  window.__shownAt = null;
                  const input = document.querySelector("[data-batch] input[type=file]");
                  input.addEventListener("change", () => { window.__chosenAt = performance.now(); },
                                         { once: true, capture: true });
                  // The page marks its timeline once every row is in the table; the frame
                  // after next, the table has been laid out and painted.
                  const observer = new PerformanceObserver((list) => {
                    const marks = list.getEntriesByName("staff-list:every-row");
                    if (!marks.some((mark) => mark.startTime > window.__chosenAt)) return;
                    observer.disconnect();
                    requestAnimationFrame(() => requestAnimationFrame(() => {
                      window.__shownAt = performance.now();
                    }));
                  });
                  observer.observe({ type: "mark" });
                }""",
            )
            file = {"name": f"staff{attempt}.csv", "mimeType": "text/csv", "buffer": data}
            page.set_input_files("[data-batch] input[type=file]", files=[file])
            page.wait_for_function("() => window.__shownAt !== null", timeout=60_000)
            times.append(page.evaluate("window.__shownAt - window.__chosenAt"))
            shown = page.locator("[data-batch] tbody tr").count()
            if shown != rows:
                raise SystemExit(f"{shown} rows in the table for {rows} in the file")
        return float(statistics.median(times))
    finally:
        browser.close()


def describe(name: str, values: list[float]) -> str:
    return (
        f"{name:<24} median {statistics.median(values):8.0f} ms"
        f"   min {min(values):8.0f}   max {max(values):8.0f}"
    )


Results = dict[str, dict[str, list[float]]]

# A phone-class browser: Chromium's processes together held to this share of one core
# (tools/phone_class.py), over the 4G line; a shared link opened cold, to its answer.
PHONE_CPU_SHARE = 0.5
PHONE_ROUNDS = 3
SHARED_LINK = (
    "#permit_issued=2026-11-12&permit_expires=2028-11-11&passport_expires=2030-01-01&category=A"
)
ANSWERED = "[data-checker-answer][data-status]:not([data-status=invalid])"


def phone_visit(playwright: Any, executable: str, url: str, *, line: bool, answer: bool) -> float:
    """A first visit (fresh profile) in the held browser, over the 4G line or none: ms (the
    page's clock) to the answer of a shared link (`answer`), or to ready."""
    parts = urlsplit(url)
    lined = (
        slow_line(parts.port or 80, bits_per_second=LINE_4G_BITS, delay_ms=LINE_4G_DELAY_MS)
        if line
        else None
    )
    with contextlib.ExitStack() as stack:
        if lined is not None:
            port, _line = stack.enter_context(lined)
            url = f"{parts.scheme}://127.0.0.1:{port}{parts.path}"
        profile = stack.enter_context(tempfile.TemporaryDirectory())
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=executable, headless=True, args=CHROMIUM_ARGS
        )
        stack.callback(context.close)
        page = context.new_page()
        page.add_init_script(READY_PROBE)
        page.goto(url + (SHARED_LINK if answer else ""))
        page.wait_for_selector(ANSWERED if answer else SETTLED, state="attached", timeout=300_000)
        return float(page.evaluate("window.__answeredAt" if answer else "window.__readyAt"))


def phone_class(playwright: Any, urls: dict[str, str]) -> Results | None:
    """Median figures of the phone-class runs (None where no cgroup can hold Chromium)."""
    with held_chromium(CHROMIUM, PHONE_CPU_SHARE) as executable:
        if executable is None:
            return None
        runs = {
            "ours: link to answer, 4G": (urls["ours"], True, True),
            "ours: link to answer, no line limit": (urls["ours"], False, True),
            "stock: ready, 4G": (urls["stock"], True, False),
        }
        if "before" in urls:
            runs["before: link to answer, 4G"] = (urls["before"], True, True)
        results: Results = {name: {"ms": []} for name in runs}
        for _ in range(PHONE_ROUNDS):
            for name, (url, line, answer) in runs.items():
                results[name]["ms"].append(
                    phone_visit(playwright, executable, url, line=line, answer=answer)
                )
        return results


def print_phone_class(results: Results | None) -> None:
    share = f"{PHONE_CPU_SHARE:.0%} of one core"
    if results is None:
        print(f"Phone class ({share}): NOT RUN, no writable cgroup at /sys/fs/cgroup/cpu/")
        return
    print(
        f"Phone class (Chromium's processes held to {share}, cold, fresh profile;"
        f" 4G: {LINE_4G_BITS / 1e6:.0f} Mbit/s shared, {LINE_4G_DELAY_MS} ms per request),"
        f" {PHONE_ROUNDS} rounds:"
    )
    for name, figures in results.items():
        print(describe(f"  {name}", figures["ms"]))


# When each start-up step begins, on the page's clock: every Worker the page makes reports
# its steps ({"id": "startup", "type": "step"}, then "ready") to this listener.
STEP_PROBE = """
(() => {
  window.__steps = [];
  const Real = window.Worker;
  window.Worker = class extends Real {
    constructor(...args) {
      super(...args);
      window.__steps.push(["worker made", performance.now()]);
      this.addEventListener("message", (event) => {
        const data = event.data;
        if (data && data.id === "startup" && (data.type === "step" || data.type === "ready")) {
          window.__steps.push([data.step || "ready", performance.now()]);
        }
      });
    }
  };
})();
"""


def startup_steps(playwright: Any, url: str, rounds: int) -> Results:
    """When each start-up step began (ms, the page's clock), cold and warm, `rounds` fresh
    profiles after a warm-up: {"cold": {step: [ms, ...]}, "warm": {...}}."""
    results: Results = {"cold": {}, "warm": {}}
    for round_number in range(rounds + 1):
        with fresh_profile_page(playwright) as page:
            page.add_init_script(STEP_PROBE)
            visits: dict[str, list[list[Any]]] = {}
            time_to_ready(page, url)
            visits["cold"] = page.evaluate("window.__steps")
            page.wait_for_timeout(LINGER_MS)
            wait_for_service_worker(page)
            page.goto("about:blank")
            time_to_ready(page, url)
            visits["warm"] = page.evaluate("window.__steps")
        if round_number == 0:
            continue  # warm-up round
        for kind, steps in visits.items():
            for step, at in steps:
                results[kind].setdefault(step, []).append(float(at))
    return results


def print_startup_steps(results: Results, rounds: int) -> None:
    print(f"Start-up steps of the eligibility page, {rounds} rounds (ms from the navigation):")
    for kind, steps in results.items():
        began = [(statistics.median(times), step) for step, times in steps.items()]
        line = "  ".join(f"{step} {at:.0f}" for at, step in sorted(began))
        print(f"  {kind:<5} {line}")


def compare_startup(playwright: Any, urls: dict[str, str], rounds: int) -> Results:
    """Cold and warm visits to each page, `rounds` times after a warm-up round; each round
    visits the pages in a different order (rotated), so none always comes first."""
    results: Results = {
        name: {"cold": [], "warm": [], "cold_bytes": [], "warm_bytes": []} for name in urls
    }
    names = list(urls)
    for round_number in range(rounds + 1):
        shift = round_number % len(names)
        for name in names[shift:] + names[:shift]:
            cold, cold_bytes, warm, warm_bytes = visit_twice(playwright, urls[name])
            if round_number == 0:
                continue  # warm-up round
            results[name]["cold"].append(cold)
            results[name]["warm"].append(warm)
            results[name]["cold_bytes"].append(cold_bytes)
            results[name]["warm_bytes"].append(warm_bytes)
    return results


# The ratios ours/stock measured on the site before the progress bar and the watchdog, with
# equal cache rules: the targets.
RATIO_TARGETS = {"cold": 0.48, "warm": 0.43}


def print_startup(results: Results, rounds: int) -> None:
    print(f"Start-up to ready, {rounds} rounds after a warm-up (Chromium, localhost):")
    for name in results:
        print(describe(f"{name} cold", results[name]["cold"]))
        print(describe(f"{name} warm", results[name]["warm"]))

    def ratio(name: str, kind: str) -> float:
        return statistics.median(results[name][kind]) / statistics.median(results["stock"][kind])

    for kind, target in RATIO_TARGETS.items():
        verdict = "met" if round(ratio("ours", kind), 2) <= target else "NOT met"
        print(
            f"ratio ours/stock {kind} {ratio('ours', kind):.2f} (target: no worse than "
            f"{target:.2f}, measured before the progress bar: {verdict})"
        )
    others = [name for name in results if name not in ("stock", "ours")]
    for name in others:
        print(
            f"ratio {name}/stock cold {ratio(name, 'cold'):.2f}  warm {ratio(name, 'warm'):.2f}"
            " (no target)"
        )
    stock_bytes = statistics.median(results["stock"]["cold_bytes"])
    our_bytes = statistics.median(results["ours"]["cold_bytes"])
    print(
        f"bytes cold: stock {stock_bytes:,.0f}  ours {our_bytes:,.0f}"
        f"  ratio {our_bytes / stock_bytes:.2f} (target <= 0.90)"
    )
    print(
        f"bytes warm: stock {statistics.median(results['stock']['warm_bytes']):,.0f}"
        f"  ours {statistics.median(results['ours']['warm_bytes']):,.0f}"
    )
    if "before" in results:
        print(
            f"bytes cold before: {statistics.median(results['before']['cold_bytes']):,.0f}"
            f"  warm before: {statistics.median(results['before']['warm_bytes']):,.0f}"
        )


def print_line_visits(on_4g: dict[str, LineVisit], slow: LineVisit) -> None:
    print(
        f"Cold visit over an emulated 4G line ({LINE_4G_BITS / 1e6:.0f} Mbit/s shared by all"
        f" connections, {LINE_4G_DELAY_MS} ms per request):"
    )
    for name, visit in on_4g.items():
        state = "ready " if visit.ready else "FAILED"
        print(
            f"  {name:<12} {state} {visit.settled_ms:8.0f} ms"
            f"   {visit.wire_bytes / 1e6:5.2f} MB on the wire"
        )
    cold_4g_mb = on_4g["ours"].wire_bytes / 1e6
    print(f"  ours cold over 4G: {cold_4g_mb:.2f} MB on the wire (target <= 4.2 MB)")
    print(
        f"Cold visit over a {SLOW_LINE_BITS / 1e3:.0f} kbit/s line ({SLOW_LINE_DELAY_MS} ms per"
        f" request): {'ready' if slow.ready else 'FAILED'} after {slow.settled_ms:.0f} ms,"
        f" never failed: {'yes' if slow.ready else 'NO'},"
        f" {slow.wire_bytes / 1e6:.2f} MB on the wire"
    )
    if slow.progress:
        gaps = [b[0] - a[0] for a, b in zip(slow.progress, slow.progress[1:], strict=False)]
        first, last = slow.progress[0], slow.progress[-1]
        print(
            f"  progress bar: moved {len(slow.progress)} times from {first[1] / 1e6:.2f} MB"
            f" ({first[0]:.0f} ms) to {last[1] / 1e6:.2f} of {last[2] / 1e6:.2f} MB"
            f" ({last[0]:.0f} ms); longest still spell {max(gaps, default=0):.0f} ms;"
            f" a full bar shown {sum(1 for _, done, total in slow.progress if done >= total)} times"
            " (target 0: Python's start is named instead)"
        )
    else:
        print("  progress bar: NEVER MOVED")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument(
        "--only",
        choices=("startup", "phone", "line", "steps"),
        help="run only the cold/warm start-up comparison, the phone-class runs, the 4G visits"
        " with the service worker and without, or the start-up steps' times",
    )
    parser.add_argument(
        "--compare",
        metavar="REV_OR_SITE",
        help="a commit (built once into build/bench-sites/) or a built site to measure"
        " alongside, as 'before'; the Makefile names the last good build",
    )
    args = parser.parse_args()
    if args.compare:
        folder = Path(args.compare)
        args.compare = folder if folder.is_dir() else built_site(args.compare)

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as staging_dir:
        staging = Path(staging_dir)
        stage_stock_reference(args.site, staging, args.compare)
        with counting_server(staging) as base, sync_playwright() as playwright:
            urls = {
                "stock": base + "__stock__/",
                "ours": base + "eligibility/",
                "engine only": base + "__engine_only__/",
            }
            if args.compare:
                urls["before"] = f"{base}{BEFORE}/eligibility/"
                if (staging / BEFORE / "__engine_only__").is_dir():
                    urls["before engine only"] = f"{base}{BEFORE}/__engine_only__/"
            if args.only == "phone":
                print_phone_class(phone_class(playwright, urls))
                return
            if args.only == "steps":
                print_startup_steps(
                    startup_steps(playwright, urls["ours"], args.rounds), args.rounds
                )
                return
            if args.only == "line":
                print_service_worker_on_4g(
                    service_worker_on_4g(playwright, urls["ours"], args.rounds)
                )
                return
            results = compare_startup(playwright, urls, args.rounds)
            if args.only == "startup":
                print_startup(results, args.rounds)
                return
            line_urls = {name: urls[name] for name in ("stock", "ours", "engine only")}
            on_4g = {
                name: cold_over_line(playwright, url, LINE_4G_BITS, LINE_4G_DELAY_MS)
                for name, url in line_urls.items()
            }
            blocked_ms = time_to_failure(playwright, urls["ours"], "**/*.wasm", "abort")
            missing_ms = time_to_failure(playwright, urls["ours"], "**/pyodide.asm.mjs", "404")
            slow = cold_over_line(playwright, urls["ours"], SLOW_LINE_BITS, SLOW_LINE_DELAY_MS)
            on_4g_worker = service_worker_on_4g(playwright, urls["ours"], args.rounds)
            latency = answer_latency(playwright, urls["ours"])
            plain_bytes = pyodide_bytes_on_plain_pages(playwright, base)
            staff_list_ms = staff_list_time(playwright, base)
            phone = phone_class(playwright, urls)

    print_startup(results, args.rounds)
    print_line_visits(on_4g, slow)
    print_service_worker_on_4g(on_4g_worker)
    print(f"blocked runtime (.wasm refused): failed after {blocked_ms:.0f} ms (target <= 5000)")
    print(f"runtime script answered 404: failed after {missing_ms:.0f} ms (target <= 5000)")
    print(f"answer after pressing the button: median {latency:.0f} ms (target <= 100)")
    print(f"Pyodide bytes on five pages without the checker: {plain_bytes} (target 0)")
    print(f"staff list of 10,000 rows checked and shown: {staff_list_ms:.0f} ms (target <= 1000)")
    print_phone_class(phone)


if __name__ == "__main__":
    main()
