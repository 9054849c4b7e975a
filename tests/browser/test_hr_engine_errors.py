"""An engine error after start-up (the runtime out of memory, a Python exception, a worker
that dies) is reported as that error, in a sentence, never as a start-up failure; and the
staff-list check stays usable: the next file is checked (by a new worker if the old one
died). The errors are made by a patched worker/python.js, served for this test only."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.hr_helpers import (
    BATCH,
    BATCH_READY,
    CHECK_DAY,
    HR_PAGES,
    choose_file,
    open_batch,
    staff_csv,
    wait_for_rows,
)

PROBLEM = f"{BATCH} [data-batch-problem]"
CALL = "    reply = web[fn].callKwargs(named);\n"
# Each marker, found in a staff list's bytes, makes the engine's call fail its own way.
FAULTS = """
    if (args.data instanceof Uint8Array) {
      const text = new TextDecoder().decode(args.data);
      if (text.includes("RUN-OUT-OF-MEMORY")) {
        throw new RangeError("WebAssembly.Memory.grow(): Maximum memory size exceeded");
      }
      if (text.includes("RAISE-IN-PYTHON")) {
        pyodide.runPython("raise RuntimeError('a bug in the engine')");
      }
      if (text.includes("KILL-THE-WORKER")) {
        self.postMessage = () => {};
        setTimeout(() => { throw new Error("the worker crashed"); });
      }
    }
"""


@pytest.fixture
def faulty_page(browser: Any, site_url: str) -> Iterator[tuple[Any, list[str]]]:
    """The English HR page whose engine fails on the marked lists; with the worker modules
    loaded (one per worker started)."""
    context = browser.new_context(viewport={"width": 1366, "height": 768}, service_workers="block")
    page = context.new_page()
    loaded: list[str] = []

    def patched(route: Any) -> None:
        body = route.fetch().text()
        assert CALL in body, "worker/python.js no longer calls the engine as this test patches it"
        loaded.append(route.request.url)
        route.fulfill(body=body.replace(CALL, FAULTS + CALL), content_type="text/javascript")

    page.route("**/assets/checker/worker/python.js*", patched)
    open_batch(page, site_url + HR_PAGES["en"])
    page.fill(f"{BATCH} input[type=date][name=on]", CHECK_DAY.isoformat())
    yield page, loaded
    context.close()


def marked_list(marker: str) -> bytes:
    return staff_csv(encoding="utf-8") + f"{marker},1,2026-11-12,2028-11-11,2030-01-01\r\n".encode()


def problem_sentence(page: Any) -> str:
    problem = page.locator(PROBLEM)
    problem.wait_for(state="visible")
    return str(problem.locator("p").inner_text())


def assert_still_usable(page: Any) -> None:
    assert page.locator(BATCH_READY).count() == 1, "the widget is not marked failed"
    assert page.locator(f"{BATCH} [data-batch-failed]").is_hidden()
    assert page.locator(f"{BATCH} button[type=submit]").is_enabled()
    choose_file(page, staff_csv(), "next.csv")
    wait_for_rows(page, "next.csv")


@pytest.mark.parametrize(
    ("marker", "error", "new_worker"),
    [
        ("RUN-OUT-OF-MEMORY", "Maximum memory size exceeded", True),
        ("RAISE-IN-PYTHON", "“RuntimeError: a bug in the engine”", False),
        ("KILL-THE-WORKER", "the worker crashed", True),
    ],
)
def test_an_engine_error_after_start_up_is_that_error_and_the_next_file_is_checked(
    faulty_page: tuple[Any, list[str]], marker: str, error: str, new_worker: bool
) -> None:
    page, loaded = faulty_page
    workers = len(loaded)
    choose_file(page, marked_list(marker), "marked.csv")
    sentence = problem_sentence(page)
    assert error in sentence
    assert "could not start" not in sentence
    assert "needs WebAssembly" not in sentence
    assert "Traceback" not in sentence
    assert (
        "citizen-card-checker batch" in page.locator(f"{PROBLEM} [data-batch-command]").inner_text()
    )
    assert_still_usable(page)
    assert len(loaded) == workers + (1 if new_worker else 0), (
        "a new worker only if the old one died"
    )
