"""The browser layer's fixtures: the built site served on localhost (at the root and under
the sub-path the HR guide uses), and Debian's Chromium driven by Playwright for Python
(Playwright cannot download its own browser here)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from chromium import CHROMIUM, CHROMIUM_ARGS
from published_server import SITE_PATH
from serve import serve_in_background

from tests.browser.helpers import ELIGIBILITY_PAGES, open_checker, record

DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="session")
def site_url(site_dir: Path) -> Iterator[str]:
    """Base URL (ending in /) of the built site served at the root of a local server, with
    the site's headers; pages on other local servers may frame it (as the guide says to
    allow an intranet page that embeds the checker)."""
    server, url = serve_in_background(site_dir, frame_ancestors=("http://127.0.0.1:*",))
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def sub_path_url(site_dir: Path) -> Iterator[str]:
    """The built site served under the HR guide's sub-path (nothing is served outside it)."""
    server, url = serve_in_background(site_dir, SITE_PATH)
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for the session."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def new_page(browser: Any) -> Iterator[Callable[..., Any]]:
    """Pages in browser contexts made to measure (Playwright's context options; closed after
    the test, even on failure)."""
    contexts: list[Any] = []

    def make(**options: Any) -> Any:
        contexts.append(browser.new_context(**options))
        return contexts[-1].new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page: Callable[..., Any]) -> Any:
    """A fresh browser context and page at a desktop size."""
    return new_page(viewport=DESKTOP)


@pytest.fixture
def recorded_page(new_page: Callable[..., Any]) -> tuple[Any, Any]:
    """A fresh page and what it does (requests, policy violations: helpers.record)."""
    page = new_page(viewport=DESKTOP)
    return page, record(page)


@pytest.fixture(scope="module")
def ready_pages(browser: Any, site_url: str) -> Iterator[dict[str, Any]]:
    """One eligibility page per language, engine started (a module's tests reuse the form)."""
    context = browser.new_context(viewport=DESKTOP)
    pages = {}
    for lang, path in ELIGIBILITY_PAGES.items():
        pages[lang] = context.new_page()
        open_checker(pages[lang], site_url + path)
    yield pages
    context.close()
