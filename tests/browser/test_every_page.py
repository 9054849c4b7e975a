"""Every page of the guide, in both languages, opened in Chromium.

- nothing is fetched from another host, and nothing local is missing, with the site served
  under a sub-path (as an intranet would host it), so every link must be relative;
- axe-core finds no WCAG 2.1 A/AA violation;
- search finds Chinese words as well as English ones;
- a 360 px wide phone never needs to scroll sideways.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.browser.helpers import axe_violations
from tests.site.guide_pages import GUIDE_PAGES, built_path

PAGES = tuple(built_path(page) for page in GUIDE_PAGES)
PageOpener = Callable[..., Any]
ALL_PAGES = [f"{lang}{page}" for lang in ("", "zh/") for page in PAGES]


def page_id(path: str) -> str:
    return path or "home"


@pytest.fixture
def open_page(new_page: Callable[..., Any]) -> Callable[..., Any]:
    """Opens pages at a given size with the CSP bypassed, so axe can be injected."""

    def open_sized(width: int = 1280, height: int = 900) -> Any:
        return new_page(viewport={"width": width, "height": height}, bypass_csp=True)

    return open_sized


# --- nothing from another host, nothing missing ------------------------------------------


@pytest.mark.parametrize("path", ALL_PAGES, ids=page_id)
def test_the_page_loads_only_from_its_own_server_under_a_sub_path(
    open_page: PageOpener, sub_path_url: str, path: str
) -> None:
    page = open_page()
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(sub_path_url))
    foreign: list[str] = []
    missing: list[str] = []

    def guard(route: Any) -> None:
        url = route.request.url
        if url.startswith(("data:", "blob:", origin + "/")):
            route.continue_()
        else:
            foreign.append(url)
            route.abort()

    def note_missing(response: Any) -> None:
        if response.status >= 400:
            missing.append(f"{response.status} {response.url}")

    page.route("**/*", guard)
    page.on("response", note_missing)
    page.goto(sub_path_url + path, wait_until="load")
    page.wait_for_load_state("networkidle", timeout=60_000)
    assert foreign == [], f"{page_id(path)} asked another host for: {foreign}"
    assert missing == [], f"{page_id(path)} could not load: {missing}"


# --- accessibility ------------------------------------------------------------------------


SIZES = {"phone": (390, 844), "desktop": (1366, 768)}


@pytest.mark.parametrize("colours", ["usual", "forced"])
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("path", [*ALL_PAGES, "404.html", "zh/404.html"], ids=page_id)
def test_axe_finds_no_violation_at_either_width_in_usual_or_forced_colours(
    open_page: PageOpener, site_url: str, path: str, size: str, colours: str
) -> None:
    """At 390 px the HR page's code blocks scroll sideways (a keyboard must reach them); in
    forced colours the theme's own colours are replaced by the reader's."""
    page = open_page(*SIZES[size])
    page.emulate_media(forced_colors="active" if colours == "forced" else "none")
    page.goto(site_url + path, wait_until="load")
    problems = axe_violations(page)
    assert problems == [], f"{page_id(path)} ({size}, {colours} colours):\n" + "\n".join(problems)


@pytest.mark.parametrize("lang", ["", "zh/"])
def test_the_not_found_page_leads_home_in_its_own_language(
    new_page: Callable[..., Any], site_url: str, lang: str
) -> None:
    page = new_page(viewport={"width": 390, "height": 844})
    page.goto(site_url + lang + "404.html", wait_until="load")
    page.click("article a")
    page.wait_for_url(site_url + lang)
    assert page.evaluate("document.documentElement.lang") == (lang.rstrip("/") or "en")


# --- search in both languages -------------------------------------------------------------


@pytest.mark.parametrize(
    ("home", "query", "expected_page"),
    [
        ("zh/", "挂失", "zh/lost-card/"),
        ("zh/", "丢失", "zh/lost-card/"),  # the everyday word for "lost"
        ("zh/", "护照", "zh/identity-change/"),
        ("", "passport", "identity-change/"),
        ("zh/", "电子社保卡", "zh/december-2024/"),
        ("", "Zhejiang", "december-2024/"),
    ],
)
def test_search_finds_the_page_for_a_word(
    open_page: PageOpener, site_url: str, home: str, query: str, expected_page: str
) -> None:
    page = open_page()
    page.goto(site_url + home, wait_until="load")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    search_box = page.locator("input.md-search__input")
    # Material searches on keyup. Chinese is entered through an input method, which puts the
    # whole word in at once; filling the box and then pressing a key is what a reader does.
    search_box.fill(query)
    search_box.press("End")
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=20_000)
    links = [results.nth(index).get_attribute("href") or "" for index in range(results.count())]
    assert any(expected_page in link for link in links), f"{query!r} found only {links}"


@pytest.mark.parametrize(
    ("home", "query", "expected_page"),
    [("", "passport", "identity-change/"), ("zh/", "挂失", "zh/lost-card/")],
)
def test_text_pasted_into_the_search_box_searches_without_another_key(
    open_page: PageOpener, site_url: str, home: str, query: str, expected_page: str
) -> None:
    page = open_page()
    page.goto(site_url + home, wait_until="load")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    # `fill` puts the text in as a paste does: an input event, no key pressed.
    page.locator("input.md-search__input").fill(query)
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=20_000)
    links = [results.nth(index).get_attribute("href") or "" for index in range(results.count())]
    assert any(expected_page in link for link in links), f"{query!r} found only {links}"


# --- phone width ----------------------------------------------------------------------------


@pytest.mark.parametrize("path", ALL_PAGES, ids=page_id)
def test_a_360_px_phone_never_scrolls_sideways(
    open_page: PageOpener, site_url: str, path: str
) -> None:
    page = open_page(width=360, height=800)
    page.goto(site_url + path, wait_until="load")
    widths = page.evaluate(
        "() => ({page: document.documentElement.scrollWidth, view: window.innerWidth})"
    )
    assert widths["page"] <= widths["view"], f"{page_id(path)} is {widths['page']} px wide"
