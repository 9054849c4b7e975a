"""Shared fixtures: the built site served on localhost, and Debian's Chromium.

The site is built by `make build` (a prerequisite of `make test`) into `site/`; set
SITE_DIR to test another build. Browser fixtures use Playwright for Python driving
/usr/bin/chromium, since Playwright cannot download its own browser here.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
# The hooks' folder, as MkDocs puts it on sys.path while it loads them: tests import hooks
# and their library (_page) by the same names the build does.
sys.path.insert(0, str(ROOT / "hooks"))

from browser_helpers import ELIGIBILITY_PAGES, open_checker, record  # noqa: E402
from caddy_site import caddy_site  # noqa: E402
from chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from nginx_site import nginx_site  # noqa: E402
from serve import serve_in_background  # noqa: E402


@pytest.fixture(scope="session")
def site_dir() -> Path:
    """The built site; fails (never skips) when it has not been built."""
    path = Path(os.environ.get("SITE_DIR", ROOT / "site"))
    if not (path / "index.html").is_file():
        pytest.fail(f"No built site in {path}: run `make build` (make test does it).")
    return path


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
def nginx_url(site_dir: Path) -> Iterator[str]:
    """The site served by the nginx configuration the HR guide publishes, under its sub-path."""
    with nginx_site(site_dir) as url:
        yield url


@pytest.fixture(scope="module")
def caddy_url(site_dir: Path) -> Iterator[str]:
    """The site served by the Caddy configuration the HR guide publishes, under its sub-path."""
    with caddy_site(site_dir) as url:
        yield url


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
def page(browser: Any) -> Iterator[Any]:
    """A fresh browser context and page (phone-independent desktop viewport)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def recorded_page(browser: Any) -> Iterator[tuple[Any, Any]]:
    """A fresh page and what it does (requests, policy violations: browser_helpers.record)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page, record(page)
    context.close()


@pytest.fixture
def new_page(browser: Any) -> Iterator[Callable[..., Any]]:
    """Pages in browser contexts made to measure (closed after the test, even on failure)."""
    contexts: list[Any] = []

    def make(**options: Any) -> Any:
        contexts.append(browser.new_context(**options))
        return contexts[-1].new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture(scope="module")
def ready_pages(browser: Any, site_url: str) -> Iterator[dict[str, Any]]:
    """One eligibility page per language, engine started (a module's tests reuse the form)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pages = {}
    for lang, path in ELIGIBILITY_PAGES.items():
        pages[lang] = context.new_page()
        open_checker(pages[lang], site_url + path)
    yield pages
    context.close()
