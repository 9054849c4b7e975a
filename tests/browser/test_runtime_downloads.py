"""The engine's worker fetches the runtime itself (to count its bytes for the progress bar)
and hands it to Pyodide: each file crosses the network once on a first visit, and a worker
that may not compile WebAssembly fetches none of it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from checker_runtime import runtime_path
from serve import SiteHandler, serve_in_background

from tests.browser.helpers import ROOT_SELECTOR, START_TIMEOUT_MS

RUNTIME_FILES = {
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib_fast.zip",
    "pyodide-lock.json",
}


@pytest.fixture
def counted_site(site_dir: Path) -> Iterator[tuple[str, list[str]]]:
    """The built site on a server of its own that notes every runtime file it sends (by name,
    with its status); yields its base URL and that list."""
    served: list[str] = []
    runtime = "/" + runtime_path()

    class Counting(SiteHandler):
        def log_request(self, code: Any = "-", size: Any = "-") -> None:
            path = self.path.split("?")[0]
            if path.startswith(runtime):
                served.append(f"{path[len(runtime) :]} {int(code)}")

    server, url = serve_in_background(site_dir, handler=Counting)
    yield url, served
    server.shutdown()
    server.server_close()


def test_a_first_visit_downloads_each_runtime_file_once(
    page: Any, counted_site: tuple[str, list[str]], site_dir: Path
) -> None:
    url, served = counted_site
    page.goto(url + "eligibility/")
    page.wait_for_selector(f'{ROOT_SELECTOR}[data-state="ready"]', timeout=START_TIMEOUT_MS)
    wheels = [path.name for path in (site_dir / runtime_path()).glob("*.whl")]
    assert len(wheels) == 1
    assert sorted(served) == sorted(f"{name} 200" for name in {*RUNTIME_FILES, wheels[0]})


def test_a_worker_that_may_not_compile_webassembly_downloads_nothing(
    page: Any, counted_site: tuple[str, list[str]]
) -> None:
    url, served = counted_site

    def strict_worker(route: Any) -> None:
        response = route.fetch()
        headers = {**response.headers, "content-security-policy": "script-src 'self'"}
        route.fulfill(response=response, headers=headers)

    page.route("**/assets/checker/worker.js*", strict_worker)
    started: list[Any] = []
    closed: list[Any] = []
    page.on("worker", lambda worker: started.append(worker))
    page.on("worker", lambda worker: worker.on("close", lambda gone: closed.append(gone)))
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(url + "eligibility/")
    page.wait_for_selector(f'{ROOT_SELECTOR}[data-state="failed"]', timeout=5_000)
    # The failed engine ends its worker: once it has closed, nothing can ask for the runtime.
    (worker,) = [worker for worker in started if "/assets/checker/worker.js" in worker.url]
    if worker not in closed:
        worker.wait_for_event("close")
    runtime = "/" + runtime_path()
    assert [found for found in requested if runtime in found] == []
    assert served == []
