"""The states a reader or HR sees besides an answer, in Chromium against the built site, on
a 390x844 phone and a 1366x768 laptop in both languages: can a keyboard user see that the
file input has the focus, does the "Back to top" pill keep off the error summary, does a
button that cannot be pressed look it, is the pressed count chip still visible in forced
colours, are the summary's links readable when pointed at, does a refused list show only
what it has, and does axe find nothing in these states (forced colours too)?"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from _page import words_for

from checker.batch import STATUSES
from tests.browser.helpers import (
    ELIGIBILITY_PAGES,
    ROOT_SELECTOR,
    axe_violations,
    fill_form,
    open_checker,
    settled,
    wait_focused_and_still,
)
from tests.browser.hr_helpers import (
    BATCH,
    CHECK_DAY,
    HR_PAGES,
    choose_file,
    open_batch,
    staff_csv,
    wait_for_every_row,
    wait_for_rows,
)

LANGS = ("en", "zh")
SIZES = {"phone": {"width": 390, "height": 844}, "laptop": {"width": 1366, "height": 768}}
ERRORS = f"{ROOT_SELECTOR} [data-checker-errors]"
PROBLEM = f"{BATCH} [data-batch-problem]"
ENCODING = f"{BATCH} [data-batch-encoding]"
# Dates the engine refuses: the permit runs out before it was issued, no passport date.
REFUSED_DATES = {
    "permit_issued": "2026-11-12",
    "permit_expires": "2026-11-01",
    "passport_expires": "",
    "on": "2026-11-26",
}

every_view = pytest.mark.parametrize(
    ("lang", "size"), [(lang, size) for lang in LANGS for size in SIZES]
)

PageMaker = Callable[[str, str], Any]  # (language, size) -> a page in that state


@pytest.fixture(scope="module")
def pages(browser: Any) -> Iterator[Callable[[str, str, str, Callable[[Any, str], None]], Any]]:
    """Pages kept for the module, one per state, language and size, made on first use (each
    starts the engine once); the CSP is bypassed so that axe can be injected."""
    made: dict[tuple[str, str, str], Any] = {}
    contexts: list[Any] = []

    def page_for(state: str, lang: str, size: str, open_state: Callable[[Any, str], None]) -> Any:
        if (state, lang, size) not in made:
            contexts.append(browser.new_context(viewport=SIZES[size], bypass_csp=True))
            made[state, lang, size] = contexts[-1].new_page()
            open_state(made[state, lang, size], lang)
        return made[state, lang, size]

    yield page_for
    for context in contexts:
        context.close()


@pytest.fixture
def checked_list(pages: Any, site_url: str) -> PageMaker:
    """The HR page in a language and size, the usual staff list checked for CHECK_DAY."""

    def check_the_list(page: Any, lang: str) -> None:
        open_batch(page, site_url + HR_PAGES[lang])
        page.fill(f"{BATCH} input[type=date][name=on]", CHECK_DAY.isoformat())
        choose_file(page, staff_csv(), "staff.csv")
        wait_for_rows(page, "staff.csv")

    return lambda lang, size: pages("checked list", lang, size, check_the_list)


@pytest.fixture
def refused_dates(pages: Any, site_url: str) -> PageMaker:
    """The eligibility page in a language and size, the engine's errors shown."""

    def refuse(page: Any, lang: str) -> None:
        open_checker(page, site_url + ELIGIBILITY_PAGES[lang])
        fill_form(page, REFUSED_DATES)
        page.click(f"{ROOT_SELECTOR} button[type=submit]")
        page.wait_for_selector(f"{ERRORS}:not([hidden])")

    return lambda lang, size: pages("refused dates", lang, size, refuse)


def screenshot_of(page: Any, box: dict[str, float], margin: float = 8) -> str:
    """The screen around `box` (with `margin` CSS pixels each side), as PNG in base64."""
    clip = {
        "x": max(0, box["x"] - margin),
        "y": max(0, box["y"] - margin),
        "width": box["width"] + 2 * margin,
        "height": box["height"] + 2 * margin,
    }
    return base64.b64encode(page.screenshot(clip=clip)).decode()


def overlap(one: dict[str, float], other: dict[str, float]) -> bool:
    return (
        one["x"] < other["x"] + other["width"]
        and other["x"] < one["x"] + one["width"]
        and one["y"] < other["y"] + other["height"]
        and other["y"] < one["y"] + one["height"]
    )


# Colours as the page computed them, composited over what is under them, and WCAG's ratio.
CONTRAST = """([selector, under]) => {
  const parse = (text) => (text.match(/[\\d.]+/g) || []).map(Number);
  const over = (top, bottom) => {
    const [r, g, b, a = 1] = top;
    return [0, 1, 2].map((at) => [r, g, b][at] * a + bottom[at] * (1 - a));
  };
  const backdrop = (element) => {
    const layers = [];
    for (let at = element; at; at = at.parentElement) {
      const colour = parse(getComputedStyle(at).backgroundColor);
      layers.push(colour);
      if ((colour[3] ?? 1) === 1) break;
    }
    return layers.reverse().reduce((bottom, top) => over(top, bottom), [255, 255, 255]);
  };
  const luminance = (rgb) => {
    const [r, g, b] = rgb.map((value) => {
      const c = value / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const element = document.querySelector(selector);
  const ground = backdrop(under ? document.querySelector(under) : element);
  const colour = under
    ? backdrop(element)
    : over(parse(getComputedStyle(element).color), ground);
  const [light, dark] = [luminance(colour), luminance(ground)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}"""


def contrast(page: Any, selector: str, under: str | None = None) -> float:
    """The contrast ratio of `selector`'s text with what is behind it; or, given `under`, of
    the element's own fill with `under`'s."""
    return float(page.evaluate(CONTRAST, [selector, under]))


# --- the keyboard's focus is seen ----------------------------------------------------------


@every_view
def test_a_keyboard_user_sees_that_the_file_input_has_the_focus(
    checked_list: PageMaker, lang: str, size: str
) -> None:
    page = checked_list(lang, size)
    file_input = page.locator(f"{BATCH} input[type=file]")
    file_input.scroll_into_view_if_needed()
    page.locator(f"{BATCH} input[type=date][name=on]").focus()
    page.mouse.move(0, 0)
    settled(page)
    box = page.locator(f"{BATCH} [data-batch-drop]").bounding_box()
    before = screenshot_of(page, box)
    for _ in range(6):  # the date field's parts and calendar button, then the file input
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.type") == "file":
            break
    else:
        pytest.fail("Tab never reached the file input")
    settled(page)
    outline = file_input.evaluate(
        "e => { const s = getComputedStyle(e); return [s.outlineStyle, s.outlineWidth]; }"
    )
    assert outline[0] != "none", "no outline"
    assert float(outline[1].rstrip("px")) >= 2, f"a hairline outline: {outline}"
    assert screenshot_of(page, box) != before, "focused and unfocused look the same"


# --- the error summary in view -------------------------------------------------------------


@every_view
def test_the_back_to_top_pill_never_covers_the_error_summary(
    new_page: Callable[..., Any], site_url: str, lang: str, size: str
) -> None:
    """The reader presses the button with the form's top off the screen: the summary is
    scrolled to (up the page, so the theme shows its "Back to top" pill) and focused."""
    page = new_page(viewport=SIZES[size])
    open_checker(page, site_url + ELIGIBILITY_PAGES[lang])
    fill_form(page, REFUSED_DATES)
    button = f"{ROOT_SELECTOR} button[type=submit]"
    page.evaluate(f"document.querySelector('{button}').scrollIntoView({{block: 'start'}})")
    settled(page)
    page.click(button)
    wait_focused_and_still(page, ERRORS)
    settled(page, frames=10)
    summary = page.locator(ERRORS).bounding_box()
    assert summary["y"] >= 0, "the summary's top is on the screen"
    pill = page.locator(".md-top")
    if pill.is_visible() and pill.evaluate("e => getComputedStyle(e).opacity") != "0":
        assert not overlap(pill.bounding_box(), summary), (pill.bounding_box(), summary)


@every_view
def test_the_error_summary_links_are_readable_pointed_at_and_focused(
    refused_dates: PageMaker, lang: str, size: str
) -> None:
    page = refused_dates(lang, size)
    link = f"{ERRORS} li:first-child a"
    page.mouse.move(0, 0)
    page.locator(ERRORS).focus()
    settled(page)
    assert contrast(page, link) >= 4.5, "at rest"
    page.hover(link)
    settled(page)  # the theme's colour transition over
    assert contrast(page, link) >= 4.5, "pointed at"
    page.mouse.move(0, 0)
    page.focus(link)
    settled(page)
    assert contrast(page, link) >= 4.5, "focused"
    page.locator(ERRORS).focus()


# --- a button that cannot be pressed -------------------------------------------------------


@pytest.mark.parametrize(
    "path", [*ELIGIBILITY_PAGES.values(), *HR_PAGES.values()], ids=lambda path: path
)
def test_after_a_failed_start_the_disabled_button_looks_disabled(
    new_page: Callable[..., Any], site_url: str, path: str
) -> None:
    page = new_page(viewport=SIZES["laptop"])
    page.route("**/*.wasm", lambda route: route.abort())  # see test_start_failures.py
    page.goto(site_url + path, wait_until="commit")
    root = BATCH if "hr" in path else ROOT_SELECTOR
    page.wait_for_selector(f'{root}[data-state="failed"]', timeout=5_000)
    button = page.locator(f"{root} button[type=submit]")
    button.scroll_into_view_if_needed()
    assert button.is_disabled()
    look = "e => { const s = getComputedStyle(e); return [s.color, s.backgroundColor]; }"
    page.mouse.move(0, 0)
    settled(page)
    disabled = button.evaluate(look)
    button.hover()
    settled(page)  # the theme's hover colours (an enabled button's) over
    assert button.evaluate(look) == disabled, "pointed at, it lights up as if it worked"
    button.evaluate("e => { e.disabled = false; }")
    page.mouse.move(0, 0)
    settled(page)
    enabled = button.evaluate(look)
    assert disabled[0] != enabled[0], f"the same text colour as when it can be pressed: {enabled}"
    assert disabled[1] != enabled[1], f"the same fill as when it can be pressed: {enabled}"


# --- forced colours ------------------------------------------------------------------------


@every_view
def test_the_pressed_count_chip_stands_out_in_forced_colours(
    checked_list: PageMaker, lang: str, size: str
) -> None:
    page = checked_list(lang, size)
    pressed = f'{BATCH} button[data-filter="eligible"]'
    unpressed = f'{BATCH} button[data-filter="not_yet"]'
    page.emulate_media(forced_colors="active")
    try:
        page.click(pressed)
        wait_for_every_row(page)
        page.mouse.move(0, 0)
        settled(page)
        assert page.get_attribute(pressed, "aria-pressed") == "true"
        # WCAG 1.4.11: a state told by a fill needs 3:1 against the fill it is told from.
        assert contrast(page, pressed, under=unpressed) >= 3
        assert contrast(page, pressed) >= 4.5, "the pressed chip's words are readable"
    finally:
        if page.get_attribute(pressed, "aria-pressed") == "true":
            page.click(pressed)
            wait_for_every_row(page)
        page.emulate_media(forced_colors="none")


# --- a refused list ------------------------------------------------------------------------


def korean_list() -> bytes:
    rows = ["name,staff_no,permit_issued,permit_expires,passport_expires,category"] + [
        f"{name},{1001 + at},2026-11-12,2028-11-11,2030-01-01,A"
        for at, name in enumerate(["김민준", "이서연", "박지호", "최수아"])
    ]
    return "\r\n".join(rows).encode("euc-kr")


@every_view
def test_a_refused_list_shows_no_empty_block_and_asks_about_names_only_when_shown(
    checked_list: PageMaker, lang: str, size: str
) -> None:
    """A list refused for its encoding has no command line and no names read: the box
    shows its sentence alone, and the switch asks for the encoding without "Names look
    wrong?"; once a list is read, its names are shown and the question is asked."""
    page = checked_list(lang, size)
    question = words_for("hr_words", lang)["encoding_switch"]
    choose_file(page, korean_list(), "korean.csv")
    page.locator(PROBLEM).wait_for(state="visible")
    command = page.locator(f"{PROBLEM} pre").bounding_box()
    assert command is None or command["height"] == 0, f"an empty command block: {command}"
    assert page.locator(ENCODING).is_visible(), "the switch is offered"
    assert question not in page.locator(ENCODING).inner_text()
    choose_file(page, staff_csv(), "staff.csv")
    wait_for_rows(page, "staff.csv")
    assert "李明" in page.locator(f"{ENCODING} [data-batch-read-as]").inner_text()
    assert question in page.locator(ENCODING).inner_text()


# --- the count chips' words ----------------------------------------------------------------


@every_view
def test_no_count_chip_reads_as_two_numbers_in_a_row(
    checked_list: PageMaker, lang: str, size: str
) -> None:
    page = checked_list(lang, size)
    chips = page.locator(f"{BATCH} button[data-filter]").all_inner_texts()
    assert len(chips) == len(STATUSES) + 2, "each status, the last day soon, a class to confirm"
    assert [chip for chip in chips if re.search(r"\d\s+\d", chip)] == []


# --- axe -----------------------------------------------------------------------------------


@pytest.mark.parametrize("colours", ["usual", "forced"])
@every_view
def test_axe_finds_nothing_on_the_checked_list_or_the_refused_dates(
    checked_list: PageMaker, refused_dates: PageMaker, lang: str, size: str, colours: str
) -> None:
    for page in (checked_list(lang, size), refused_dates(lang, size)):
        page.emulate_media(forced_colors="active" if colours == "forced" else "none")
        try:
            assert axe_violations(page) == [], page.url
        finally:
            page.emulate_media(forced_colors="none")
