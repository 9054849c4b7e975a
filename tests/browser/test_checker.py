"""The live checker in Chromium, against the built site: does the form give the engine's
answer, in both languages, without sending anything anywhere, under the site's strict
security policy, and does it say so plainly when it cannot start?"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from csp import header_policy, inline_script_hashes, meta_policy

from checker.acting import act_from
from checker.dates import today_in_hangzhou
from checker.messages import format_date
from checker.rules import load_rules
from checker.web import check_json
from tests.browser.helpers import (
    ANSWER,
    ELIGIBILITY_PAGES,
    PEOPLE,
    ROOT_SELECTOR,
    START_TIMEOUT_MS,
    axe_violations,
    dom_violations,
    expected_attributes,
    fill_form,
    open_checker,
    person_values,
    record,
    submit_and_wait,
    wait_for_answer,
)

LANGS = ("en", "zh")


@pytest.fixture
def clipboard_page(new_page: Callable[..., Any]) -> Any:
    return new_page(permissions=["clipboard-read", "clipboard-write"])


# --- the answer is the engine's ------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("status", list(PEOPLE))
def test_the_form_gives_the_engines_answer(
    ready_pages: dict[str, Any], lang: str, status: str
) -> None:
    person = PEOPLE[status]
    expected = person.expected(lang)
    assert str(expected.status) == status, person.question
    page = ready_pages[lang]
    fill_form(page, person_values(person))
    assert submit_and_wait(page) == expected_attributes(expected)
    assert page.locator(f"{ANSWER} .checker__headline").inner_text() == expected.headline
    # Every note is in the answer (a reason the headline already acts on may be folded).
    for note in expected.notes:
        assert note.message in (page.locator(ANSWER).text_content() or "")


@pytest.mark.parametrize("lang", LANGS)
def test_invalid_input_is_explained_field_by_field_in_the_page_language(
    ready_pages: dict[str, Any], lang: str
) -> None:
    page = ready_pages[lang]
    values = {
        "permit_issued": "2026-11-12",
        "permit_expires": "2026-11-01",  # before the issue date
        "passport_expires": "",  # missing
        "on": "2026-11-26",
        "category": "unknown",
    }
    fill_form(page, values)
    assert submit_and_wait(page)["status"] == "invalid"
    engine = json.loads(check_json(json.dumps({**values, "lang": lang})))
    assert not engine["ok"]
    summary = page.locator(f"{ROOT_SELECTOR} [data-checker-errors]")
    assert summary.is_visible()
    links = summary.locator("a")
    # The engine's example date, written as this browser's date inputs show dates.
    example = page.evaluate(
        "new Intl.DateTimeFormat(navigator.language, {year: 'numeric', month: '2-digit',"
        " day: '2-digit', timeZone: 'UTC'}).format(new Date(Date.UTC(2026, 10, 26)))"
    )
    assert links.all_inner_texts() == [
        error["message"].replace("2026-11-26", example) for error in engine["errors"]
    ]
    for error in engine["errors"]:
        field = page.locator(f"{ROOT_SELECTOR} [name={error['field']}]")
        assert field.get_attribute("aria-invalid") == "true"
        error_id = field.get_attribute("aria-describedby").split()[-1]
        shown = error["message"].replace("2026-11-26", example)
        assert page.locator(f"#{error_id}").inner_text() == shown
    untouched = page.locator(f"{ROOT_SELECTOR} [name=permit_issued]")
    assert untouched.get_attribute("aria-invalid") is None
    assert untouched.input_value() == "2026-11-12"  # nothing the reader typed is lost
    links.first.click()
    assert page.evaluate("document.activeElement.name") == engine["errors"][0]["field"]


def test_an_answer_asked_for_during_start_up_comes_once_the_engine_is_ready(
    page: Any, site_url: str
) -> None:
    person = PEOPLE["not_yet"]
    # The runtime's WebAssembly is held until the button has been pressed, so the engine is
    # still starting when the answer is asked for, however fast or slow the machine is.
    held: list[Any] = []
    page.route("**/pyodide.asm.wasm", lambda route: held.append(route))
    open_checker(page, site_url + "eligibility/", wait_ready=False)
    fill_form(page, person_values(person))
    page.click(f"{ROOT_SELECTOR} button[type=submit]")
    state_when_asked = page.get_attribute(ROOT_SELECTOR, "data-state")
    if not held:  # the worker may not have asked for it yet
        page.wait_for_event("request", lambda request: request.url.endswith(".asm.wasm"))
    held[0].continue_()
    assert wait_for_answer(page) == expected_attributes(person.expected())
    assert state_when_asked == "loading"
    assert page.get_attribute(ROOT_SELECTOR, "data-state") == "ready"


@pytest.mark.parametrize("lang", LANGS)
def test_the_pages_rules_version_is_the_running_engines_not_the_builds(
    page: Any, site_url: str, lang: str
) -> None:
    """A page from another build than the runtime it runs (a cache holding one of each): the
    page's line names the rules of the engine that answers."""
    rules = load_rules()
    built = f'data-rules-running="rules_version">{rules.rules_version}<'
    url = site_url + ELIGIBILITY_PAGES[lang]

    def from_another_build(route: Any) -> None:
        response = route.fetch()
        body = response.text()
        assert built in body, "the build writes its own version in the span"
        route.fulfill(
            response=response,
            body=body.replace(built, built.replace(rules.rules_version, "2000.1")),
        )

    page.route(url, from_another_build)
    open_checker(page, url)
    shown = "document.querySelector('[data-rules-running=\"rules_version\"]').textContent"
    page.wait_for_function(f"{shown} !== '2000.1'")
    assert page.evaluate(shown) == rules.rules_version
    last_checked = page.locator('[data-rules-running="last_verified"]').inner_text()
    assert last_checked == format_date(rules.last_verified, lang), "as the answer writes it"


def test_the_application_date_defaults_to_today_in_hangzhou(page: Any, site_url: str) -> None:
    from checker import today_in_hangzhou

    open_checker(page, site_url + "eligibility/", wait_ready=False)
    shown = page.input_value(f"{ROOT_SELECTOR} [name=on]")
    assert shown == today_in_hangzhou().isoformat()


# --- keeping the answer -------------------------------------------------------------------


def test_a_copied_link_refills_the_form_and_answers_again(
    clipboard_page: Any, site_url: str
) -> None:
    page = clipboard_page
    person = PEOPLE["eligible"]
    open_checker(page, site_url + "zh/eligibility/")
    fill_form(page, person_values(person))
    first = submit_and_wait(page)
    page.click(f"{ANSWER} [data-action=copy-link]")
    page.wait_for_selector(f"{ANSWER} .checker__feedback:not(:empty)")
    link = page.evaluate("navigator.clipboard.readText()")
    assert urlsplit(link).fragment, "the dates travel in the fragment, never to the server"
    assert not urlsplit(link).query
    page.goto("about:blank")
    page.goto(link)
    assert wait_for_answer(page) == first
    for name, value in person_values(person).items():
        assert page.input_value(f"{ROOT_SELECTOR} [name={name}]") == value


@pytest.mark.parametrize("lang", LANGS)
def test_the_calendar_file_holds_the_window_and_a_reminder(
    page: Any, site_url: str, lang: str
) -> None:
    person = PEOPLE["not_yet"]
    expected = person.expected(lang)
    open_checker(page, site_url + ELIGIBILITY_PAGES[lang])
    fill_form(page, person_values(person))
    submit_and_wait(page)
    with page.expect_download() as download_info:
        page.click(f"{ANSWER} [data-action=calendar]")
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    ics = Path(download.path()).read_bytes().decode("utf-8")
    unfolded = re.sub(r"\r?\n[ \t]", "", ics)
    lines = unfolded.replace("\r\n", "\n").split("\n")
    assert lines[0] == "BEGIN:VCALENDAR"
    assert "VERSION:2.0" in lines
    assert "\r\n" in ics, "RFC 5545 lines end with CRLF"
    starts = [line.split(":", 1)[1] for line in lines if line.startswith("DTSTART")]
    # The days to act on (the working days the answer advises), only those still ahead.
    assert expected.act_by is not None
    to_act = (act_from(expected.earliest, expected.latest), expected.act_by)
    ahead = [day.strftime("%Y%m%d") for day in to_act if day >= today_in_hangzhou()]
    assert ahead, "the last day is still ahead"
    assert starts == ahead
    assert lines.count("BEGIN:VALARM") == 1
    assert any(line.startswith("TRIGGER:-") for line in lines), "a reminder before the last day"


def test_no_calendar_is_offered_when_there_is_no_window(
    ready_pages: dict[str, Any],
) -> None:
    page = ready_pages["en"]
    fill_form(page, person_values(PEOPLE["no_window"]))
    submit_and_wait(page)
    assert page.locator(f"{ANSWER} [data-action=calendar]").count() == 0
    assert page.locator(f"{ANSWER} [data-action=print]").count() == 1


# --- privacy and security -----------------------------------------------------------------


def test_nothing_the_reader_types_leaves_the_site(page: Any, site_url: str) -> None:
    recorder = record(page)
    person = PEOPLE["eligible"]
    open_checker(page, site_url + "eligibility/")
    fill_form(page, person_values(person))
    submit_and_wait(page)
    page.click(f"{ANSWER} [data-action=copy-link]")
    assert recorder.hosts() == {urlsplit(site_url).netloc}
    assert {method for method, _, _ in recorder.requests} == {"GET"}
    for url in recorder.urls():
        for typed in person.typed_dates():
            assert typed not in url
    assert page.context.cookies() == []
    storage = page.evaluate("[localStorage.length, sessionStorage.length]")
    assert storage == [0, 0]


@pytest.mark.parametrize(
    "path", ["", "eligibility/", "zh/eligibility/", "apply/", "zh/glossary/", "404.html"]
)
def test_pages_run_under_their_security_policy_without_a_violation(
    page: Any, site_url: str, path: str
) -> None:
    recorder = record(page)
    page.goto(site_url + path)
    policy = page.get_attribute('meta[http-equiv="Content-Security-Policy"]', "content")
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    assert "'unsafe-eval'" not in policy
    if "eligibility" in path:
        page.wait_for_selector(f'{ROOT_SELECTOR}[data-state="ready"]', timeout=START_TIMEOUT_MS)
    else:  # the theme's own scripts: search opens, finds, and the language switch is there
        page.keyboard.press("/")
        page.keyboard.type("passport")
        page.wait_for_selector(".md-search-result__item", timeout=10_000)
    assert page.evaluate("typeof document$ !== 'undefined'"), "Material's bundle ran"
    assert recorder.violations == []
    assert dom_violations(page) == []


def test_every_page_carries_a_policy_generated_for_its_own_inline_scripts(site_dir: Path) -> None:
    pages = sorted(site_dir.rglob("*.html"))
    assert len(pages) > 10
    for html_file in pages:
        html = html_file.read_text(encoding="utf-8")
        found = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)"', html)
        assert found, html_file
        policy = found.group(1)
        for source in inline_script_hashes(html):
            assert source in policy, html_file
        assert html.index("Content-Security-Policy") < html.index("<script"), html_file


def test_the_http_header_policy_is_the_pages_policy_plus_who_may_frame_them(
    site_dir: Path,
) -> None:
    header = header_policy(site_dir)
    assert "frame-ancestors 'self'" in header
    for path in ("index.html", "zh/eligibility/index.html"):
        page_policy = meta_policy((site_dir / path).read_text(encoding="utf-8"))
        for directive in page_policy.split("; "):
            name, *sources = directive.split()
            header_sources = next(d for d in header.split("; ") if d.split()[0] == name).split()
            assert set(sources) <= set(header_sources), (path, name)


def test_pages_without_the_checker_load_no_pyodide_bytes(page: Any, site_url: str) -> None:
    recorder = record(page)
    for path in ("", "apply/", "zh/", "zh/services/", "sources/"):
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
    assert recorder.requests
    assert not [url for url in recorder.urls() if "/assets/pyodide/" in url or "checker/" in url]


def test_only_pages_with_the_placeholder_get_the_checker(site_dir: Path) -> None:
    with_form = [
        path.relative_to(site_dir).as_posix()
        for path in site_dir.rglob("*.html")
        if "assets/checker/page.js" in path.read_text(encoding="utf-8")
    ]
    assert "eligibility/index.html" in with_form
    assert "zh/eligibility/index.html" in with_form
    for path in with_form:
        html = (site_dir / path).read_text(encoding="utf-8")
        assert "data-checker-placeholder" not in html
        assert html.count("data-checker ") == 1


def test_the_lock_file_lists_the_checker_wheel_with_its_sha256(site_dir: Path) -> None:
    (lock_file,) = site_dir.glob("assets/pyodide/*/pyodide-lock.json")
    packages = json.loads(lock_file.read_text(encoding="utf-8"))["packages"]
    (entry,) = [entry for entry in packages.values() if "checker" in entry["imports"]]
    wheel = lock_file.parent / entry["file_name"]
    assert hashlib.sha256(wheel.read_bytes()).hexdigest() == entry["sha256"]


# --- everyone can use it ------------------------------------------------------------------


def tab_to_next_field(page: Any, name: str) -> None:
    """Tab out of a date field (its day, month, year and calendar button take a Tab each)."""
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") != name:
            return


def test_the_form_works_with_the_keyboard_alone(
    new_page: Callable[..., Any], site_url: str
) -> None:
    page = new_page(locale="en-US")
    person = PEOPLE["eligible"]
    open_checker(page, site_url + "eligibility/")
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == "permit_issued":
            break
    else:
        pytest.fail("Tab never reached the first date field")
    for name in ("permit_issued", "permit_expires", "passport_expires", "on"):
        assert page.evaluate("document.activeElement.name") == name
        page.keyboard.type(getattr(person, name).strftime("%m%d%Y"))  # en-US: month first
        tab_to_next_field(page, name)
    assert page.evaluate("document.activeElement.name") == "category"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "submit"
    page.keyboard.press("Enter")
    assert wait_for_answer(page) == expected_attributes(person.expected())


@pytest.mark.parametrize("size", [(390, 844), (1366, 768)], ids=["phone", "desktop"])
@pytest.mark.parametrize("lang", LANGS)
def test_every_answer_has_no_accessibility_violations_in_usual_or_forced_colours(
    new_page: Callable[..., Any], site_url: str, lang: str, size: tuple[int, int]
) -> None:
    # axe is injected as a script, which the site's own policy rightly refuses: bypass it here.
    page = new_page(bypass_csp=True, viewport={"width": size[0], "height": size[1]})
    open_checker(page, site_url + ELIGIBILITY_PAGES[lang])
    for status, person in PEOPLE.items():
        fill_form(page, person_values(person))
        submit_and_wait(page)
        for colours in ("none", "active"):
            page.emulate_media(forced_colors=colours)
            assert axe_violations(page) == [], f"{status}, forced colours {colours}"
        page.emulate_media(forced_colors="none")


@pytest.mark.parametrize("lang", LANGS)
def test_the_answer_fits_a_360_pixel_phone(
    new_page: Callable[..., Any], site_url: str, lang: str, tmp_path: Path
) -> None:
    page = new_page(viewport={"width": 360, "height": 800})
    open_checker(page, site_url + ELIGIBILITY_PAGES[lang])
    fill_form(page, person_values(PEOPLE["not_yet"]))
    submit_and_wait(page)
    page.locator(ROOT_SELECTOR).screenshot(path=str(tmp_path / f"checker-{lang}-360.png"))
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
