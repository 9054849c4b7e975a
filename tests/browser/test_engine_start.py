"""How the checker's engine starts: the page's <head> starts the worker at once (before the
theme's scripts), and the form's script adopts that worker later without losing anything
the worker said in between (fast start)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

from tests.browser.helpers import ROOT_SELECTOR, START_TIMEOUT_MS, open_checker, record

WORKER = "/assets/checker/worker.js"
FORM_SCRIPT = '<script type="module" src="../assets/checker/page.js">'
# Resolves once the worker the head started has said it is ready (at once if it already has).
EARLY_READY = """() => new Promise((resolve) => {
  const early = window.citizenCardEarlyEngine;
  const ready = (event) => event.data?.type === "ready";
  if (early.events.some(ready)) return resolve(true);
  early.worker.addEventListener("message", (event) => ready(event) && resolve(true));
})"""


def index_of(urls: list[str], fragment: str) -> int:
    return next(i for i, url in enumerate(urls) if fragment in url)


def test_the_form_adopts_the_worker_the_head_started_instead_of_starting_another(
    page: Any, site_url: str
) -> None:
    recorder = record(page)
    open_checker(page, site_url + "eligibility/")
    assert len([url for url in recorder.urls() if WORKER in url]) == 1
    assert len([worker for worker in page.workers if WORKER in worker.url]) == 1


def test_the_worker_gets_ready_without_the_theme_or_the_form_script_and_is_adopted_as_ready(
    page: Any, site_url: str
) -> None:
    def without_form_script(route: Any) -> None:
        response = route.fetch()
        body = response.text().replace(FORM_SCRIPT, "<script>")
        route.fulfill(response=response, body=body)

    page.route(site_url + "eligibility/", without_form_script)
    page.route("**/assets/javascripts/bundle.*", lambda route: route.abort())
    page.goto(site_url + "eligibility/")
    assert page.evaluate(EARLY_READY)
    assert page.get_attribute(ROOT_SELECTOR, "data-state") == "loading"
    page.add_script_tag(url=site_url + "assets/checker/page.js", type="module")
    page.wait_for_selector(f'{ROOT_SELECTOR}[data-state="ready"]', timeout=START_TIMEOUT_MS)
    assert page.evaluate("window.citizenCardEarlyEngine") is None


def test_the_page_names_the_worker_once_and_that_is_the_worker_that_runs(
    page: Any, site_url: str
) -> None:
    response = page.goto(site_url + "eligibility/")
    html = response.text()
    assert html.count("worker.js") == 1
    named = page.get_attribute("script[data-citizen-card-engine]", "data-worker")
    page.wait_for_selector(f'{ROOT_SELECTOR}[data-state="ready"]', timeout=START_TIMEOUT_MS)
    expected = urljoin(site_url + "eligibility/", named)
    assert [worker.url for worker in page.workers if WORKER in worker.url] == [expected]


def test_when_the_head_cannot_start_the_worker_the_form_starts_the_same_one(
    page: Any, site_url: str
) -> None:
    def early_start_refused(route: Any) -> None:
        # An edited inline script no longer matches the policy's hash: the browser refuses it.
        response = route.fetch()
        body = response.text().replace("new Worker(url", "new Worker( url", 1)
        route.fulfill(response=response, body=body)

    recorder = record(page)
    page.route(site_url + "eligibility/", early_start_refused)
    open_checker(page, site_url + "eligibility/")
    assert recorder.violations, "the edited early start should have been refused"
    named = page.get_attribute("script[data-citizen-card-engine]", "data-worker")
    expected = urljoin(site_url + "eligibility/", named)
    assert [url for url in recorder.urls() if WORKER in url] == [expected]


SENT_BEFORE_READY = """
window.__indexSentBeforeReady = undefined;
new MutationObserver(() => {
  const root = document.querySelector("[data-checker]");
  if (root && root.dataset.state === "ready" && window.__indexSentBeforeReady === undefined) {
    window.__indexSentBeforeReady = window.__index.sentAt !== null;
  }
}).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-state"] });
"""
# The theme's request for its search index, seen from the page: `asked` once the theme has
# opened it (search-later.js then holds it), `sentAt` once it really left, both by the
# page's clock (`Date.now()`), and `since` that clock's reading when the page began.
# Installed before the page's scripts, so search-later.js wraps these and calls them.
INDEX_REQUEST = """
window.__index = { since: Date.now(), asked: false, sentAt: null, sentAfter: null };
(() => {
  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  const index = new WeakSet();
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    if (String(url).endsWith("search/search_index.json")) {
      index.add(this);
      window.__index.asked = true;
    }
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...args) {
    if (index.has(this)) {
      window.__index.sentAt = performance.now();
      window.__index.sentAfter = Date.now() - window.__index.since;
    }
    return send.apply(this, args);
  };
})();
"""


def test_the_search_index_is_fetched_only_once_the_engine_is_ready(
    page: Any, site_url: str
) -> None:
    # The page's clock stands still, so the ten-second limit cannot release the index on a
    # machine slow enough to need more than ten seconds to start; only the engine can.
    page.clock.install(time=0)
    page.clock.pause_at(1_000)
    page.add_init_script(INDEX_REQUEST)
    page.add_init_script(SENT_BEFORE_READY)
    open_checker(page, site_url + "eligibility/")
    assert page.evaluate("window.__indexSentBeforeReady") is False, "held until ready"
    page.wait_for_function("window.__index.sentAt !== null")


def test_search_works_while_the_engine_is_still_starting(page: Any, site_url: str) -> None:
    # The runtime's WebAssembly never arrives: the engine stays in its start-up.
    page.route("**/pyodide.asm.wasm", lambda route: None)
    page.goto(site_url + "eligibility/", wait_until="load")
    page.keyboard.press("/")  # Material's shortcut: opens search and focuses its box
    page.keyboard.type("passport")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)
    assert page.get_attribute(ROOT_SELECTOR, "data-state") == "loading"


def test_the_search_index_waits_ten_seconds_at_most_for_an_engine_that_never_starts(
    page: Any, site_url: str
) -> None:
    page.route("**/pyodide.asm.wasm", lambda route: None)
    # The page's clock stands still from its first moment and moves only when told to: the
    # page's load, however slow, takes none of the ten seconds.
    page.clock.install(time=0)
    page.clock.pause_at(1_000)
    page.add_init_script(INDEX_REQUEST)  # after the clock's, so it reads the page's clock
    page.goto(site_url + "eligibility/", wait_until="load")
    page.wait_for_selector(f'{ROOT_SELECTOR}[data-state="loading"]')
    assert page.evaluate("window.__index.asked"), "the theme asked for its index"
    page.clock.run_for(9_999)
    assert page.evaluate("window.__index.sentAt") is None, "held for 9.999 s"
    with page.expect_request(lambda request: request.url.endswith("search/search_index.json")):
        page.clock.run_for(1)
    assert page.evaluate("window.__index.sentAfter") == 10_000
    assert page.get_attribute(ROOT_SELECTOR, "data-state") == "loading"
