"""What a reader's next visit gets from this one: Chrome keeps the runtime's WebAssembly
compiled (its code cache) only once enough of it has been optimised, which Pyodide's start
alone often does not reach; the engine warms itself up when idle (worker/python.js), so that a
visit where the reader only opened the page leaves the next one the compiled runtime too."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from chromium import CHROMIUM, CHROMIUM_ARGS

from tests.browser.helpers import START_TIMEOUT_MS, open_checker

# Chrome's store of compiled WebAssembly in a profile, and the size of the runtime's entry
# in it (about 0.9 MB here; the checker's other caches are a few hundred bytes).
WASM_CODE_CACHE = Path("Default", "Code Cache", "wasm")
RUNTIME_ENTRY_BYTES = 500_000
# Chrome writes the entry on its own schedule (here within half a second of the warm-up) and
# nothing in the page tells when: the store is looked at this often until it holds the entry,
# for at most as long as a start-up may take on a slow machine.
LOOK_EVERY_S = 0.1
TRACED = ["v8.wasm", "disabled-by-default-v8.wasm.detailed"]


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


def wait_until_runtime_kept(profile_dir: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_MS / 1000
    while not runtime_kept(profile_dir) and time.monotonic() < deadline:
        time.sleep(LOOK_EVERY_S)
    assert runtime_kept(profile_dir), "Chrome kept no compiled runtime after the first visit"


def wasm_events_of_a_visit(page: Any, url: str) -> set[str]:
    """The names of the WebAssembly trace events while `url` opens and its engine starts."""
    browser = page.context.browser
    browser.start_tracing(page=page, categories=TRACED)
    try:
        open_checker(page, url)
    finally:
        trace = json.loads(browser.stop_tracing())
    return {str(event.get("name")) for event in trace["traceEvents"]}


def test_a_visit_where_the_reader_only_looked_leaves_the_next_one_the_compiled_runtime(
    profile: tuple[Any, Path], site_url: str
) -> None:
    context, profile_dir = profile
    page = context.new_page()
    open_checker(page, site_url + "eligibility/")  # and nothing else: no date, no press
    wait_until_runtime_kept(profile_dir)

    page.goto("about:blank")
    names = wasm_events_of_a_visit(page, site_url + "eligibility/")
    assert "wasm.Deserialize" in names, "the next visit compiled the runtime again"
