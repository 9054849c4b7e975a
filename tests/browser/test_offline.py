"""A reader at the service counter or on the metro loses the signal: after one visit, does
every page of the guide open from the service worker's cache in both languages, does the
checker still answer, does a page never kept give our offline page in the reader's language
(never the browser's error), and does a new build show the update notice, not a silent
switch? Also under the HR guide's sub-path. And never ahead of the reader's own page: nothing is
kept before the checker (or the staff list) is ready, nor before a guide page has loaded, and a
line that saves data keeps the pages but not the checker's runtime."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from serve import serve_in_background

from tests.browser.helpers import (
    ELIGIBILITY_PAGES,
    PEOPLE,
    assert_answers_as_the_engine,
    open_checker,
)
from tests.browser.offline_helpers import (
    copy_of_site,
    expected_heading,
    guide_pages,
    hold_requests,
    kept,
    publish_new_build,
    runtime_dir,
    until_held,
    wait_until_offline_ready,
    wait_until_runtime_kept,
)

OFFLINE_HEADINGS = {"en": "Not saved for offline reading", "zh": "此页面未保存，无法离线阅读"}
NOTICE = {"en": "A newer version of this guide is ready.", "zh": "本指南有新版本可用。"}
RELOAD = {"en": "Reload", "zh": "重新加载"}


def heading(page: Any) -> str:
    return str(page.locator("h1").first.inner_text()).replace("¶", "").strip()


# The addresses in Workbox's precache (each with its revision).
PRECACHE_URLS = """() => caches.keys()
  .then((names) => Promise.all(names.filter((name) => name.includes("precache"))
    .map((name) => caches.open(name).then((cache) => cache.keys()))))
  .then((lists) => lists.flat().map((request) => request.url))"""


def precache_keys(page: Any) -> list[str]:
    return list(page.evaluate(PRECACHE_URLS))


def without_revision(urls: list[str]) -> list[str]:
    return [url.split("?")[0] for url in urls]


def filled(caches: dict[str, list[str]]) -> dict[str, list[str]]:
    """The caches that hold anything."""
    return {name: urls for name, urls in caches.items() if urls}


# A line that saves data, as the browser tells the page (before the page's own scripts).
SAVES_DATA = """Object.defineProperty(navigator, "connection", {
  value: { saveData: true }, configurable: true });"""
# What the page asks of its service worker, in order (the messages' types).
RECORD_ASKS = """(() => {
  window.askedOfWorker = [];
  const post = ServiceWorker.prototype.postMessage;
  ServiceWorker.prototype.postMessage = function (message, ...rest) {
    window.askedOfWorker.push(message && message.type);
    return post.call(this, message, ...rest);
  };
})();"""
# The asks so far, once the page's own wait for the active worker is over.
ASKED_ONCE_ACTIVE = """() => navigator.serviceWorker.ready
  .then(() => new Promise((resolve) => setTimeout(() => resolve(window.askedOfWorker), 0)))"""


def test_after_one_visit_to_the_checker_every_page_opens_offline_in_both_languages(
    new_page: Any, site_url: str, site_dir: Path
) -> None:
    page = new_page(viewport={"width": 1280, "height": 900})
    open_checker(page, site_url + ELIGIBILITY_PAGES["en"])
    wait_until_offline_ready(page)
    page.context.set_offline(True)
    pages = guide_pages("en") + guide_pages("zh")
    assert "zh/glossary/" in pages
    assert "lost-card/" in pages
    assert "hr/" in pages
    for path in pages:
        response = page.goto(site_url + path)
        assert response is not None, path
        assert response.ok, path
        assert heading(page) == expected_heading(site_dir, path), path
        assert "/offline/" not in page.url, path


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_checker_answers_offline_after_one_visit(
    new_page: Any, site_url: str, site_dir: Path, lang: str
) -> None:
    page = new_page(viewport={"width": 1280, "height": 900})
    open_checker(page, site_url + ELIGIBILITY_PAGES[lang])
    wait_until_offline_ready(page)
    wait_until_runtime_kept(page, site_dir)
    page.context.set_offline(True)
    assert_answers_as_the_engine(page, site_url + ELIGIBILITY_PAGES[lang], PEOPLE["eligible"], lang)


def test_online_a_warm_visit_takes_the_runtime_and_scripts_as_it_would_with_no_worker(
    new_page: Any, site_url: str, site_dir: Path
) -> None:
    """The page itself comes through the service worker (network first); what it asks for
    then, the checker's scripts and runtime included, is left to the browser's own cache."""
    page = new_page(viewport={"width": 1280, "height": 900})
    open_checker(page, site_url + ELIGIBILITY_PAGES["en"])
    wait_until_offline_ready(page)
    wait_until_runtime_kept(page, site_dir)
    through_worker: dict[str, bool] = {}

    def seen(response: Any) -> None:
        if response.request.service_worker is None:  # the page's and its worker's, not sw.js's own
            through_worker[response.url.split("?")[0].removeprefix(site_url)] = (
                response.from_service_worker
            )

    page.context.on("response", seen)
    open_checker(page, site_url + ELIGIBILITY_PAGES["en"])
    runtime = runtime_dir(site_dir).relative_to(site_dir)
    asked = {
        "page": ELIGIBILITY_PAGES["en"],
        "script": "assets/checker/page.js",
        "engine's script": "assets/checker/worker.js",
        "runtime": f"{runtime}/pyodide.asm.wasm",
        "standard library": next((url for url in through_worker if "python_stdlib" in url), ""),
    }
    assert {what: through_worker.get(url) for what, url in asked.items()} == {
        "page": True,
        "script": False,
        "engine's script": False,
        "runtime": False,
        "standard library": False,
    }


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_page_never_kept_gives_our_offline_page_in_the_readers_language(
    new_page: Any, site_url: str, site_dir: Path, lang: str
) -> None:
    page = new_page(viewport={"width": 1280, "height": 900})
    home = "zh/" if lang == "zh" else ""
    page.goto(site_url + home)
    wait_until_offline_ready(page)
    page.context.set_offline(True)
    response = page.goto(site_url + home + "no-such-page/")
    assert response is not None
    assert response.ok
    assert heading(page) == OFFLINE_HEADINGS[lang]
    assert page.locator("[data-offline-from]").inner_text() == f"/{home}no-such-page/"
    links = page.locator("[data-offline-cached] a")
    links.first.wait_for()
    kept = sorted(site_url + path for path in guide_pages(lang))
    assert sorted(links.evaluate_all("(links) => links.map((link) => link.href)")) == kept
    links.filter(has_text=expected_heading(site_dir, home + "glossary/")).click()
    assert heading(page) == expected_heading(site_dir, home + "glossary/")


@pytest.fixture
def next_build_site(tmp_path: Path, site_dir: Path) -> Iterator[tuple[Path, str]]:
    """A copy of the site (without the checker's runtime) on its own server."""
    site = copy_of_site(site_dir, tmp_path / "site")
    server, url = serve_in_background(site)
    yield site, url
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_new_build_shows_the_update_notice_and_reload_takes_it(
    new_page: Any, next_build_site: tuple[Path, str], lang: str
) -> None:
    site, url = next_build_site
    page = new_page(viewport={"width": 1280, "height": 900})
    home = "zh/" if lang == "zh" else ""
    page.goto(url + home)
    wait_until_offline_ready(page)
    kept_before = precache_keys(page)
    notice = page.locator("[data-update-notice]")
    assert notice.is_hidden()

    publish_new_build(site, home + "index.html")
    page.reload()
    notice.wait_for(state="visible")
    assert NOTICE[lang] in notice.inner_text()
    # Not switched silently: the new build waits until the reader asks for it.
    assert page.evaluate(
        "navigator.serviceWorker.getRegistration().then((r) => r.waiting !== null)"
    )
    with page.expect_navigation():
        notice.get_by_role("button", name=RELOAD[lang]).click()
    wait_until_offline_ready(page)
    assert page.evaluate(
        "navigator.serviceWorker.getRegistration().then((r) => r.waiting === null)"
    )
    assert page.locator("[data-update-notice]").is_hidden()
    # The new build replaced only what changed: the one page's entry.
    page.evaluate(
        f"""async (before) => {{
              for (;;) {{
                const urls = await ({PRECACHE_URLS})();
                const added = urls.filter((url) => !before.includes(url));
                if (urls.length === before.length && added.length === 1) return;
                await new Promise((resolve) => setTimeout(resolve, 100));
              }}
            }}""",
        kept_before,
    )
    changed = set(precache_keys(page)) - set(kept_before)
    assert [key.split("?")[0] for key in changed] == [url + home + "index.html"]


def test_under_the_sub_path_the_worker_keeps_to_the_site_and_pages_open_offline(
    new_page: Any, sub_path_url: str, site_dir: Path
) -> None:
    page = new_page(viewport={"width": 1280, "height": 900})
    page.goto(sub_path_url)
    wait_until_offline_ready(page)
    scope = page.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.scope)")
    assert scope == sub_path_url
    page.context.set_offline(True)
    for path in ("zh/glossary/", "apply/", "zh/apply/", "lost-card/", "hr/"):
        page.goto(sub_path_url + path)
        assert heading(page) == expected_heading(site_dir, path), path
    page.goto(sub_path_url + "zh/no-such-page/")
    assert heading(page) == OFFLINE_HEADINGS["zh"]


def test_the_manifest_names_the_guide_and_its_icons_in_each_language(
    page: Any, site_url: str
) -> None:
    for home, lang in (("", "en"), ("zh/", "zh-Hans")):
        page.goto(site_url + home)
        href = page.locator('link[rel="manifest"]').get_attribute("href")
        manifest_url = page.evaluate("(href) => new URL(href, location.href).href", href)
        manifest = page.evaluate("(url) => fetch(url).then((r) => r.json())", manifest_url)
        assert manifest["lang"] == lang
        assert manifest["name"] == page.title().split(" - ")[-1]
        assert (
            page.evaluate(
                "([start, base]) => new URL(start, base).href",
                [manifest["start_url"], manifest_url],
            )
            == site_url + home
        )
        sizes = {icon["sizes"] for icon in manifest["icons"]}
        assert {"192x192", "512x512"} <= sizes
        for icon in manifest["icons"]:
            icon_url = page.evaluate(
                "([src, base]) => new URL(src, base).href", [icon["src"], manifest_url]
            )
            size = page.evaluate(
                """(url) => new Promise((resolve) => { const image = new Image();
                     image.onload = () => resolve(`${image.naturalWidth}x${image.naturalHeight}`);
                     image.onerror = () => resolve("unreadable"); image.src = url; })""",
                icon_url,
            )
            assert size == icon["sizes"], icon_url


@pytest.mark.parametrize(
    ("path", "widget"),
    [(ELIGIBILITY_PAGES["en"], "[data-checker]"), ("hr/", "[data-batch]")],
    ids=["checker", "staff_list"],
)
def test_nothing_is_kept_for_offline_while_the_checker_is_still_starting(
    new_page: Any, site_url: str, path: str, widget: str
) -> None:
    page = new_page(viewport={"width": 1280, "height": 900})
    # The runtime's WebAssembly is held: the engine is still starting, however fast the machine.
    held = hold_requests(page, "**/pyodide.asm.wasm")
    page.goto(site_url + path)  # until the load event
    until_held(page, held)
    assert page.get_attribute(widget, "data-state") == "loading"
    before = kept(page)
    held[0].continue_()
    page.wait_for_selector(f'{widget}[data-state="ready"]', timeout=60_000)
    wait_until_offline_ready(page)
    after = kept(page)
    assert before["registered"] is None
    assert filled(before["caches"]) == {}
    assert after["registered"] == site_url
    precached = without_revision(precache_keys(page))
    assert site_url + path + "index.html" in precached
    assert site_url + "zh/glossary/index.html" in precached


def test_on_a_guide_page_the_worker_is_registered_only_once_the_page_has_loaded(
    new_page: Any, site_url: str
) -> None:
    page = new_page(viewport={"width": 1280, "height": 900})
    url = site_url + "glossary/"

    def with_a_picture(route: Any) -> None:
        # The glossary with a picture (held below): its load event waits for the picture.
        response = route.fetch()
        body = response.text()
        assert "</body>" in body
        route.fulfill(
            response=response,
            body=body.replace("</body>", '<img src="held-picture.png" alt=""></body>'),
        )

    page.route(url, with_a_picture)
    held = hold_requests(page, "**/held-picture.png")
    # Until the page's own scripts (register.js among them) have run.
    page.goto(url, wait_until="domcontentloaded")
    until_held(page, held)
    loading = page.evaluate("document.readyState")
    before = kept(page)
    held[0].fulfill(status=404)
    page.wait_for_function("document.readyState === 'complete'")
    wait_until_offline_ready(page)
    assert loading == "interactive"
    assert before["registered"] is None
    assert filled(before["caches"]) == {}
    assert kept(page)["registered"] == site_url


def runtime_in_caches(page: Any) -> list[str]:
    """The checker's runtime files in any of the site's caches."""
    return [
        url for urls in kept(page)["caches"].values() for url in urls if "/assets/pyodide/" in url
    ]


@pytest.mark.parametrize("saves_data", [True, False], ids=["saves_data", "does_not"])
def test_a_line_that_saves_data_keeps_the_pages_but_not_the_checkers_runtime(
    new_page: Any, site_url: str, site_dir: Path, saves_data: bool
) -> None:
    page = new_page(viewport={"width": 1280, "height": 900})
    page.add_init_script(RECORD_ASKS)
    if saves_data:
        page.add_init_script(SAVES_DATA)
    open_checker(page, site_url + ELIGIBILITY_PAGES["en"])
    wait_until_offline_ready(page)
    asked = page.evaluate(ASKED_ONCE_ACTIVE)
    precached = without_revision(precache_keys(page))
    assert site_url + ELIGIBILITY_PAGES["en"] + "index.html" in precached
    assert site_url + ELIGIBILITY_PAGES["zh"] + "index.html" in precached
    if saves_data:
        assert asked == []
        assert runtime_in_caches(page) == []
        # A second visit, the service worker in control: the runtime the checker downloads
        # again (from the browser's own cache) is still not stored by the service worker.
        open_checker(page, site_url + ELIGIBILITY_PAGES["en"])
        assert page.evaluate("navigator.serviceWorker.controller !== null")
        assert page.evaluate(ASKED_ONCE_ACTIVE) == []
        assert runtime_in_caches(page) == []
    else:
        assert asked == ["citizen-card:keep-runtime"]
        wait_until_runtime_kept(page, site_dir)
