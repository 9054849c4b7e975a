"""The site served by each server configuration the HR guide publishes (Debian's nginx with the
brotli-static module, Debian's Caddy; under a sub-path), in Chromium: does the checker start
and answer, do the staff list and the embed work, does the security header hold the checker's
worker too, how many bytes does a first visit move, and does the guide open offline after one
visit (the service worker under the server's headers)?"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from caddy_site import caddy_site
from nginx_site import nginx_site

from tests.browser.helpers import (
    ELIGIBILITY_PAGES,
    PEOPLE,
    assert_answers_as_the_engine,
    open_checker,
)
from tests.browser.hr_helpers import assert_staff_list_counts_as_the_engine
from tests.browser.offline_helpers import wait_until_offline_ready

# A first visit to the checker moves at most this much (brotli on everything it loads).
COLD_VISIT_LIMIT = 4_200_000


@pytest.fixture(scope="module", params=["nginx", "caddy"])
def server_url(request: pytest.FixtureRequest, site_dir: Path) -> Iterator[str]:
    """The site behind each published configuration in turn, under its sub-path."""
    published_site = {"nginx": nginx_site, "caddy": caddy_site}[request.param]
    with published_site(site_dir) as url:
        yield url


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_checker_starts_and_answers_behind_the_server(
    recorded_page: tuple[Any, Any], server_url: str, lang: str
) -> None:
    page, recorder = recorded_page
    url = server_url + ELIGIBILITY_PAGES[lang]
    assert_answers_as_the_engine(page, url, PEOPLE["eligible"], lang)
    assert recorder.violations == []


def test_the_staff_list_check_works_behind_the_server(
    recorded_page: tuple[Any, Any], server_url: str
) -> None:
    page, recorder = recorded_page
    assert_staff_list_counts_as_the_engine(page, server_url + "hr/")
    assert recorder.violations == []


def test_the_embed_page_answers_behind_the_server(
    recorded_page: tuple[Any, Any], server_url: str
) -> None:
    page, recorder = recorded_page
    assert_answers_as_the_engine(page, server_url + "embed/", PEOPLE["not_yet"], "en")
    assert recorder.violations == []


def test_the_header_policy_stops_a_string_eval_inside_the_checkers_worker(
    recorded_page: tuple[Any, Any], server_url: str
) -> None:
    page, _recorder = recorded_page
    open_checker(page, server_url + ELIGIBILITY_PAGES["en"])
    workers = [worker for worker in page.workers if "/assets/checker/worker.js" in worker.url]
    assert len(workers) == 1, [worker.url for worker in page.workers]
    worker = workers[0]
    # A timer given a string: the policy ('unsafe-eval' absent) must refuse to compile it.
    # (Not eval() itself: the DevTools protocol lets code it evaluates use eval.) A second
    # timer of the same delay runs after it, so by then the string's code ran or never will;
    # the answer waits for that timer and for the policy's report of the refusal.
    seen = worker.evaluate(
        """() => new Promise((resolve) => {
             let stringTimerRan = false;
             let afterTimer = false;
             let violation = null;
             const done = () => afterTimer && violation &&
               resolve({ stringTimerRan: self.__stringTimerRan, violation });
             self.__stringTimerRan = false;
             self.addEventListener("securitypolicyviolation", (event) => {
               violation = event.violatedDirective;
               done();
             });
             setTimeout("self.__stringTimerRan = true", 0);
             setTimeout(() => { afterTimer = true; done(); }, 0);
           })"""
    )
    assert seen == {"stringTimerRan": False, "violation": "script-src"}


def test_a_first_visit_to_the_checker_behind_the_server_moves_at_most_4_2_mb(
    browser: Any, server_url: str, request: pytest.FixtureRequest
) -> None:
    server = request.node.callspec.params["server_url"]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        responses: list[Any] = []
        page.on("requestfinished", lambda finished: responses.append(finished))
        open_checker(page, server_url + ELIGIBILITY_PAGES["en"])
        page.wait_for_load_state("networkidle")
        moved = 0
        for finished in responses:
            sizes = finished.sizes()
            moved += sizes["responseBodySize"] + sizes["responseHeadersSize"]
        print(f"first visit to the checker behind {server}: {moved / 1e6:.2f} MB on the wire")
        assert any(finished.url.endswith(".wasm") for finished in responses)
        assert moved <= COLD_VISIT_LIMIT
    finally:
        context.close()


def test_after_one_visit_behind_the_server_the_guide_opens_offline(
    new_page: Any, server_url: str
) -> None:
    page = new_page(viewport={"width": 1280, "height": 900})
    page.goto(server_url)
    wait_until_offline_ready(page)
    assert page.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.scope)") == (
        server_url
    )
    page.context.set_offline(True)
    for path in ("zh/glossary/", "lost-card/"):
        response = page.goto(server_url + path)
        assert response is not None
        assert response.ok, path
        assert page.locator("[data-update-notice]").count() == 1, path
    page.goto(server_url + "no-such-page/")
    assert "/offline/?from=" in page.url
