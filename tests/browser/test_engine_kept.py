"""What a reader's next visit gets from this one: Chrome keeps the runtime's WebAssembly
compiled (its code cache) only once enough of it has been optimised, which Pyodide's start
alone often does not reach; the engine warms itself up when idle (worker/python.js), so that a
visit where the reader only opened the page leaves the next one the compiled runtime too."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from chromium import CHROMIUM, CHROMIUM_ARGS

from tests.browser.helpers import open_checker

# Chrome's store of compiled WebAssembly in a profile, and the size of the runtime's entry
# in it (about 0.9 MB here; the checker's other caches are a few hundred bytes).
WASM_CODE_CACHE = Path("Default", "Code Cache", "wasm")
RUNTIME_ENTRY_BYTES = 500_000
# Chrome writes the entry within half a second of the warm-up here.
KEPT_WITHIN_S = 10
TRACED = "v8.wasm,disabled-by-default-v8.wasm.detailed"


@pytest.fixture
def profile(browser: Any, tmp_path: Path) -> Iterator[tuple[Any, Path]]:
    """A persistent profile (a reader's browser, which keeps its caches between visits)."""
    context = browser.browser_type.launch_persistent_context(
        str(tmp_path), executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
    )
    yield context, tmp_path
    context.close()


def runtime_kept(profile_dir: Path) -> bool:
    store = profile_dir / WASM_CODE_CACHE
    entries = [path for path in store.rglob("*") if path.is_file()] if store.exists() else []
    return any(path.stat().st_size >= RUNTIME_ENTRY_BYTES for path in entries)


def wasm_events_of_a_visit(page: Any, url: str) -> set[str]:
    """The names of the WebAssembly trace events while `url` opens and its engine starts."""
    cdp = page.context.new_cdp_session(page)
    events: list[dict[str, Any]] = []
    done: list[bool] = []
    cdp.on("Tracing.dataCollected", lambda params: events.extend(params["value"]))
    cdp.on("Tracing.tracingComplete", lambda _: done.append(True))
    cdp.send("Tracing.start", {"categories": TRACED, "transferMode": "ReportEvents"})
    open_checker(page, url)
    cdp.send("Tracing.end")
    deadline = time.monotonic() + 10
    while not done and time.monotonic() < deadline:
        page.wait_for_timeout(50)
    assert done, "the trace did not complete"
    return {str(event.get("name")) for event in events}


def test_a_visit_where_the_reader_only_looked_leaves_the_next_one_the_compiled_runtime(
    profile: tuple[Any, Path], site_url: str
) -> None:
    context, profile_dir = profile
    page = context.new_page()
    open_checker(page, site_url + "eligibility/")  # and nothing else: no date, no press
    deadline = time.monotonic() + KEPT_WITHIN_S
    while not runtime_kept(profile_dir) and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    assert runtime_kept(profile_dir), "Chrome kept no compiled runtime after the first visit"

    page.goto("about:blank")
    names = wasm_events_of_a_visit(page, site_url + "eligibility/")
    assert "wasm.Deserialize" in names, "the next visit compiled the runtime again"
