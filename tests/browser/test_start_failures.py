"""When the checker's engine cannot start, the reader knows within seconds; when it starts
slowly, the reader sees it coming. The watchdog measures progress, not total time: a failed
request, a refused compile or a failed install ends start-up at once, a slow line that still
delivers bytes never does, and a download whose bytes stop is given up after the page's stall
limit, naming the step. Limits here are a few seconds, far below the stall limit, so a
failure found by waiting it out does not pass."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from slow_line import SharedLine, slow_line

from tests.browser.helpers import ROOT_SELECTOR

FAILED = f'{ROOT_SELECTOR}[data-state="failed"]'
READY = f'{ROOT_SELECTOR}[data-state="ready"]'
PROGRESS = f"{ROOT_SELECTOR} [data-checker-progress]"
# An error must reach the page this fast (the stall limit, by contrast, is 20 s).
FAST_MS = 5_000
SITE_STALL_LIMIT = 'data-stall-ms="20000"'


def open_failing(page: Any, url: str) -> None:
    page.goto(url, wait_until="commit")
    page.wait_for_selector(FAILED, timeout=FAST_MS)


def assert_failed_with_rules_by_hand(page: Any, step: str) -> None:
    failed = page.locator(f"{ROOT_SELECTOR} [data-checker-failed]")
    assert failed.is_visible()
    assert "WebAssembly" in failed.inner_text()
    assert failed.locator("li").count() == 3
    assert page.get_attribute(PROGRESS, "data-step") == step
    assert page.locator(PROGRESS).is_hidden()  # only a stall says more than the sentence


def test_blocked_webassembly_fails_within_seconds_with_the_rules_by_hand(
    page: Any, site_url: str
) -> None:
    page.route("**/*.wasm", lambda route: route.abort())
    open_failing(page, site_url + "eligibility/")
    assert_failed_with_rules_by_hand(page, "download")


# Every file of the runtime, each requested at its own moment (some by the worker before
# Pyodide asks, some after another has arrived, one imported).
RUNTIME_FILES = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide-lock.json",
    "python_stdlib_fast.zip",
    "*.whl",
)


@pytest.mark.parametrize("file", RUNTIME_FILES)
def test_a_runtime_file_the_server_does_not_have_fails_within_seconds(
    page: Any, site_url: str, file: str
) -> None:
    page.route(f"**/{file}", lambda route: route.fulfill(status=404, body="Not Found"))
    open_failing(page, site_url + "eligibility/")
    assert_failed_with_rules_by_hand(page, "download")


def test_webassembly_that_does_not_compile_fails_within_seconds(page: Any, site_url: str) -> None:
    """The runtime is compiled as it downloads; a file that arrives whole but is not
    WebAssembly (a proxy's error page, a truncated copy) fails that step at once."""
    page.route(
        "**/pyodide.asm.wasm",
        lambda route: route.fulfill(body=b"\0asm\1\0\0\0garbage", content_type="application/wasm"),
    )
    open_failing(page, site_url + "eligibility/")
    assert_failed_with_rules_by_hand(page, "compile-runtime")


def test_a_tampered_wheel_is_refused_within_seconds(page: Any, site_url: str) -> None:
    """The browser checks the wheel against its sha256 in the lock file as it fetches it."""

    def tamper(route: Any) -> None:
        body = bytearray(route.fetch().body())
        body[-30] ^= 0xFF
        route.fulfill(body=bytes(body), content_type="application/zip")

    page.route("**/*.whl", tamper)
    open_failing(page, site_url + "eligibility/")
    assert_failed_with_rules_by_hand(page, "download")


def test_a_policy_without_wasm_unsafe_eval_fails_within_seconds(page: Any, site_url: str) -> None:
    """Pyodide would wait forever in a worker that may not compile WebAssembly: the worker
    asks first, with a module of eight bytes."""

    def strict_worker(route: Any) -> None:
        response = route.fetch()
        headers = {**response.headers, "content-security-policy": "script-src 'self'"}
        route.fulfill(response=response, headers=headers)

    page.route("**/assets/checker/worker.js*", strict_worker)
    open_failing(page, site_url + "eligibility/")
    assert_failed_with_rules_by_hand(page, "check-webassembly")


# --- slow and stalled lines ---------------------------------------------------------------


@pytest.fixture
def line(site_url: str) -> Iterator[tuple[str, SharedLine]]:
    """The site behind an emulated 600 kbit/s line (shared by all connections, 150 ms per
    request); yields its base URL and the line (to hold it)."""
    port = urlsplit(site_url).port
    assert port is not None
    with slow_line(port, bits_per_second=600_000, delay_ms=150) as (proxy_port, shared):
        yield f"http://127.0.0.1:{proxy_port}/", shared
        shared.release()


def with_stall_limit(page: Any, url: str, seconds: int) -> None:
    def short_limit(route: Any) -> None:
        response = route.fetch()
        body = response.text()
        assert SITE_STALL_LIMIT in body
        short = body.replace(SITE_STALL_LIMIT, f'data-stall-ms="{seconds * 1000}"')
        route.fulfill(response=response, body=short)

    page.route(url, short_limit)


def progress(page: Any) -> tuple[float, float, str]:
    bar = page.locator(f"{PROGRESS} progress")
    value = float(bar.evaluate("bar => bar.value"))
    total = float(bar.evaluate("bar => bar.max"))
    return value, total, page.inner_text(f"{PROGRESS} [data-progress-text]")


# Resolves once the progress bar shows at least `bytes` (its value is reflected as an attribute).
BYTES_SHOWN = """([selector, bytes]) => new Promise((resolve, reject) => {
  setTimeout(() => reject(new Error(`no ${bytes} bytes arrived within 10 s`)), 10000);
  const bar = document.querySelector(selector);
  const enough = () => bar.value >= bytes && (resolve(bar.value), true);
  if (enough()) return;
  const watch = new MutationObserver(() => enough() && watch.disconnect());
  watch.observe(bar, { attributes: true, attributeFilter: ["value"] });
})"""


def wait_for_bytes(page: Any, count: int) -> None:
    """Wait until the progress bar shows `count` bytes or more (10 s at most)."""
    page.wait_for_selector(f"{PROGRESS} progress", state="attached")
    page.evaluate(BYTES_SHOWN, [f"{PROGRESS} progress", count])


MEGABYTES = re.compile(r"(\d+\.\d) MB of (\d+\.\d) MB, (\d+\.\d) MB to go")


def test_a_slow_line_is_never_called_a_failure_and_its_progress_bar_moves(
    page: Any, line: tuple[str, SharedLine]
) -> None:
    """A stall limit of two seconds, far shorter than the download: a watchdog that timed the
    whole start-up would fire; one that sees bytes arriving must not."""
    url, _shared = line
    with_stall_limit(page, url + "eligibility/", 2)
    page.goto(url + "eligibility/", wait_until="commit")
    page.wait_for_selector(f"{PROGRESS}:visible", timeout=10_000)
    seen: list[float] = []
    deadline = time.monotonic() + 12
    while time.monotonic() < deadline:
        assert page.get_attribute(ROOT_SELECTOR, "data-state") == "loading"
        value, total, text = progress(page)
        if value:
            done, of, left = (float(part) for part in MEGABYTES.search(text).groups())  # type: ignore[union-attr]
            assert abs(done + left - of) <= 0.11
            assert 3.0 < of < 5.0  # megabytes on the wire, not the larger decoded figure
            assert value < total
            seen.append(value)
        # wait-ok: the bar is read every 0.5 s through a 12 s watch (six stall limits)
        page.wait_for_timeout(500)
    assert seen == sorted(seen)
    assert len(set(seen)) >= 10, f"the bar barely moved: {seen}"
    assert page.get_attribute(ROOT_SELECTOR, "data-state") == "loading"


def test_a_download_whose_bytes_stop_fails_after_the_stall_limit_naming_the_step(
    page: Any, line: tuple[str, SharedLine]
) -> None:
    url, shared = line
    with_stall_limit(page, url + "eligibility/", 2)
    page.goto(url + "eligibility/", wait_until="commit")
    page.wait_for_selector(f"{PROGRESS}:visible", timeout=10_000)
    wait_for_bytes(page, 200_000)
    shared.hold()
    held_at = time.monotonic()
    page.wait_for_selector(FAILED, timeout=8_000)
    assert time.monotonic() - held_at >= 1.5  # the limit, not an error, ended it
    assert page.get_attribute(PROGRESS, "data-step") == "download"
    text = page.inner_text(f"{PROGRESS} [data-progress-text]")
    stopped = re.fullmatch(
        r"The download stopped at (\d+\.\d) MB of (\d+\.\d) MB: "
        r"nothing arrived for 2 seconds\.",
        text,
    )
    assert stopped, text
    assert 0.2 <= float(stopped[1]) < float(stopped[2])
    assert page.locator(f"{PROGRESS} progress").is_hidden()
    assert page.locator(f"{ROOT_SELECTOR} [data-checker-failed]").is_visible()
