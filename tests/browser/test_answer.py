"""The answer as a reader meets it, in Chromium, in both languages: is it short and true
(never a plain yes that is not one, no "null", a near deadline counted, the working day named),
does it keep (a link that answers for the day it is opened, the language switch keeping it, one
printed page with the Chinese words), and can a phone reader find it and the way in?"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from checker.dates import today_in_hangzhou
from checker.messages import format_date, render
from tests.browser.helpers import (
    ANSWER,
    ELIGIBILITY_PAGES,
    PEOPLE,
    ROOT_SELECTOR,
    START_TIMEOUT_MS,
    Person,
    fill_form,
    open_checker,
    person_values,
    submit_and_wait,
    wait_focused_and_still,
    wait_for_answer,
)

LANGS = ("en", "zh")
HEADLINE = f"{ANSWER} [data-headline]"
HANGZHOU = timezone(timedelta(hours=8))
PHONE = {"width": 390, "height": 844}


def ask(page: Any, person: Person) -> dict[str, str]:
    fill_form(page, person_values(person))
    submit_and_wait(page)
    return answer_attributes(page)


def answer_attributes(page: Any) -> dict[str, str]:
    return dict(
        page.evaluate(
            f"Object.fromEntries(Object.entries(document.querySelector('{ANSWER}').dataset))"
        )
    )


def at_hangzhou_noon(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, tzinfo=HANGZHOU)


# --- the answer says what is true, once ----------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("status", list(PEOPLE))
def test_no_answer_shows_null_undefined_or_nan(
    ready_pages: dict[str, Any], lang: str, status: str
) -> None:
    page = ready_pages[lang]
    shown = ask(page, PEOPLE[status])
    assert shown["status"] == status
    text = page.evaluate(
        f"""(() => {{
          const answer = document.querySelector('{ANSWER}');
          const labels = [...answer.querySelectorAll('[aria-label]')]
            .map((node) => node.getAttribute('aria-label'));
          return [answer.textContent, ...labels, ...Object.values(answer.dataset)].join(' | ');
        }})()"""
    )
    assert not re.search(r"\b(null|undefined|NaN)\b", text), text


# What a plain yes opens with (a class A reader's headline).
PLAIN_YES = {"en": "Yes", "zh": "可以"}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("category", ["B", "C", "unknown"])
def test_a_reader_whose_class_is_not_a_is_never_told_a_plain_yes(
    ready_pages: dict[str, Any], lang: str, category: str
) -> None:
    eligible = PEOPLE["eligible"]
    person = Person(
        f"I hold a class {category} permit. Can I apply today?",
        eligible.permit_issued, eligible.permit_expires, eligible.passport_expires,
        eligible.on, category,
    )  # fmt: skip
    page = ready_pages[lang]
    shown = ask(page, person)
    assert shown["status"] == "eligible", "the dates allow it: HR scripts rely on the status"
    assert shown["confirm"] == "category"
    headline = page.locator(HEADLINE).inner_text()
    assert ("confirm" if lang == "en" else "确认") in headline
    assert not headline.startswith((PLAIN_YES[lang] + ":", PLAIN_YES[lang] + "："))


@pytest.mark.parametrize("lang", LANGS)
def test_a_class_a_reader_has_nothing_to_confirm(ready_pages: dict[str, Any], lang: str) -> None:
    page = ready_pages[lang]
    shown = ask(page, PEOPLE["eligible"])
    assert shown["confirm"] == ""
    assert page.locator(HEADLINE).inner_text().startswith(PLAIN_YES[lang])


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("status", ["too_late", "no_window"])
def test_a_closed_or_empty_window_is_never_called_your_window(
    ready_pages: dict[str, Any], lang: str, status: str
) -> None:
    page = ready_pages[lang]
    ask(page, PEOPLE[status])
    assert page.locator(f"{ANSWER} .checker__window").count() == 0
    assert page.locator(f"{ANSWER} .checker__checklist").count() == 0


@pytest.mark.parametrize("lang", LANGS)
def test_a_last_day_9_days_away_shows_9_days_left(ready_pages: dict[str, Any], lang: str) -> None:
    person = Person(
        "My passport runs out on a Wednesday in 9 days. How long do I have?",
        date(2026, 1, 5), date(2029, 1, 5), date(2026, 12, 9), date(2026, 11, 30), "A",
    )  # fmt: skip
    page = ready_pages[lang]
    shown = ask(page, person)
    assert shown["daysLeft"] == "9"
    left = page.locator(f"{ANSWER} .checker__days-left").inner_text()
    assert ("9 days" if lang == "en" else "9天") in left


@pytest.mark.parametrize("lang", LANGS)
def test_a_saturday_last_day_9_days_away_leaves_8_days_to_go_by_the_friday(
    ready_pages: dict[str, Any], lang: str
) -> None:
    """The margin is the working day's (Friday 4 December), on screen and on the printed
    sheet; the rules' Saturday is said once, in the working-day note."""
    person = Person(
        "My passport runs out on Saturday 5 December, 9 days away. How long do I have?",
        date(2026, 1, 5), date(2029, 1, 5), date(2026, 12, 5), date(2026, 11, 26), "A",
    )  # fmt: skip
    page = ready_pages[lang]
    shown = ask(page, person)
    assert (shown["latest"], shown["actBy"], shown["daysLeft"]) == ("2026-12-05", "2026-12-04", "8")
    left = page.locator(f"{ANSWER} .checker__days-left").inner_text()
    assert ("8 days" if lang == "en" else "8天") in left
    friday, saturday = format_date(date(2026, 12, 4), lang), format_date(date(2026, 12, 5), lang)
    sheet = page.locator(f"{ANSWER} .checker__sheet tr").nth(1).text_content() or ""
    for sheet_lang in LANGS:  # both languages go by the Friday
        assert format_date(date(2026, 12, 4), sheet_lang) in sheet, sheet
        assert format_date(date(2026, 12, 5), sheet_lang) not in sheet, sheet
    panel = page.locator(f"{ANSWER} .checker__panel").inner_text()
    assert friday in panel, panel
    engine = page.locator(f"{HEADLINE}, {ANSWER} .checker__working-days").all_inner_texts()
    assert panel.count(saturday) == sum(text.count(saturday) for text in engine), (
        f"the page adds no other mention of the rules' day: {panel}"
    )


@pytest.mark.parametrize("lang", LANGS)
def test_a_too_late_answer_says_there_is_no_calendar_instead_of_offering_past_days(
    ready_pages: dict[str, Any], lang: str
) -> None:
    """Passport ran out on 1 October 2026: every day of the window has passed today."""
    person = Person(
        "My passport ran out in October. Can I have the dates in my calendar?",
        date(2026, 1, 5), date(2029, 1, 5), date(2026, 10, 1), today_in_hangzhou(), "A",
    )  # fmt: skip
    page = ready_pages[lang]
    assert ask(page, person)["status"] == "too_late"
    assert page.locator(f"{ANSWER} [data-action=calendar]").count() == 0
    sentence = page.locator(f"{ANSWER} [data-no-calendar]")
    assert sentence.is_visible()
    assert sentence.inner_text() == render("calendar.none_ahead", lang)
    ask(page, PEOPLE["eligible"])
    assert page.locator(f"{ANSWER} [data-action=calendar]").is_visible()
    assert page.locator(f"{ANSWER} [data-no-calendar]").count() == 0


@pytest.mark.parametrize("lang", LANGS)
def test_a_last_day_two_years_away_shows_no_countdown(
    ready_pages: dict[str, Any], lang: str
) -> None:
    page = ready_pages[lang]
    shown = ask(page, PEOPLE["eligible"])
    assert int(shown["daysLeft"]) > 30
    assert page.locator(f"{ANSWER} .checker__days-left").count() == 0


# State Council notice for 2026: National Day 1-7 October off, Saturday 10 October worked.
WORKING_DAY_CASES = {
    "a Sunday": (date(2026, 12, 6), date(2026, 12, 4)),
    "a National Day holiday": (date(2026, 10, 3), date(2026, 9, 30)),
    "a make-up working Saturday": (date(2026, 10, 10), date(2026, 10, 10)),
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case", list(WORKING_DAY_CASES))
def test_a_last_day_that_is_not_a_working_day_names_the_working_day_before_it(
    ready_pages: dict[str, Any], lang: str, case: str
) -> None:
    last_day, working_day = WORKING_DAY_CASES[case]
    person = Person(
        f"My last day is {case}. When should I go?",
        date(2026, 1, 5), date(2029, 1, 5), last_day, date(2026, 9, 1), "A",
    )  # fmt: skip
    page = ready_pages[lang]
    shown = ask(page, person)
    assert shown["latest"] == last_day.isoformat()
    assert shown["latestWorkingDay"] == working_day.isoformat()
    panel = page.locator(f"{ANSWER} .checker__panel").inner_text()
    notes = page.locator(f"{ANSWER} .checker__working-days")
    if working_day == last_day:
        assert notes.count() == 0, "no warning when the last day is a working day"
    else:
        written = {"en": f"{working_day.day} ", "zh": f"{working_day.month}月{working_day.day}日"}
        assert written[lang] in notes.inner_text(), panel


@pytest.mark.parametrize(("lang", "source_line"), [("en", "Source: "), ("zh", "来源：")])
def test_each_rules_source_says_when_it_is_in_english_on_a_chinese_page(
    ready_pages: dict[str, Any], lang: str, source_line: str
) -> None:
    page = ready_pages[lang]
    ask(page, PEOPLE["eligible"])
    lines = page.locator(f"{ANSWER} .checker__source").all_text_contents()  # folded away
    assert lines, "each rule names its source"
    for line in lines:
        assert line.startswith(source_line), line
        assert ("（英文）" in line) == (lang == "zh"), "the rules' source is the English portal"
        assert "： " not in line


@pytest.mark.parametrize("lang", LANGS)
def test_the_timeline_says_in_words_what_it_draws(ready_pages: dict[str, Any], lang: str) -> None:
    page = ready_pages[lang]
    ask(page, PEOPLE["eligible"])
    picture = page.locator(f'{ROOT_SELECTOR} svg[role="img"][aria-label]')
    assert picture.count() == 1
    label = picture.get_attribute("aria-label") or ""
    drawn = picture.locator("text").all_text_contents()
    assert len(drawn) == 12, "six events, each a label and a date"
    for text in drawn:
        assert text in label
    person = PEOPLE["eligible"]
    for day in (person.permit_issued, person.permit_expires, person.passport_expires):
        assert format_date(day, lang) in drawn, "each document date written as the engine writes it"
    if lang == "zh":
        assert ": " not in label, "a Chinese label takes the full-width colon"
        assert "; " not in label, "and the full-width semicolon"
        assert label.startswith("您的日期（按先后）：")
        assert label.endswith("。")


# --- the link -----------------------------------------------------------------------------


def make_link(page: Any, person: Person, *, planned: bool) -> str:
    values = person_values(person)
    if not planned:
        del values["on"]  # the form's own today
    fill_form(page, values)
    submit_and_wait(page)
    return str(page.locator(f"{ANSWER} a[data-share-link]").get_attribute("href"))


LINKED = Person(
    "I made a link on 26 November; my passport runs out on 6 December.",
    date(2026, 1, 5), date(2029, 1, 5), date(2026, 12, 6), date(2026, 11, 26), "A",
)  # fmt: skip


@pytest.mark.parametrize("lang", LANGS)
def test_a_link_opened_20_days_later_answers_for_that_day(
    new_page: Callable[..., Any], site_url: str, lang: str
) -> None:
    maker = new_page()
    maker.clock.set_fixed_time(at_hangzhou_noon(LINKED.on))
    open_checker(maker, site_url + ELIGIBILITY_PAGES[lang])
    link = make_link(maker, LINKED, planned=False)
    assert answer_attributes(maker)["status"] == "eligible"
    assert "on" not in parse_qs(urlsplit(link).fragment), "no stale today in the link"

    later = LINKED.on + timedelta(days=20)
    reader = new_page()
    reader.clock.set_fixed_time(at_hangzhou_noon(later))
    reader.goto(link)
    shown = wait_for_answer(reader)
    assert shown["status"] == "too_late"
    assert reader.input_value(f"{ROOT_SELECTOR} [name=on]") == later.isoformat()
    assert reader.locator(f"{ANSWER} .checker__planned").count() == 0


@pytest.mark.parametrize("lang", LANGS)
def test_a_link_for_a_planned_day_keeps_that_day_and_says_so(
    new_page: Callable[..., Any], site_url: str, lang: str
) -> None:
    planned = Person(
        "I plan to go on 1 December; will the link say so?",
        LINKED.permit_issued, LINKED.permit_expires, LINKED.passport_expires,
        date(2026, 12, 1), "A",
    )  # fmt: skip
    maker = new_page()
    maker.clock.set_fixed_time(at_hangzhou_noon(LINKED.on))
    open_checker(maker, site_url + ELIGIBILITY_PAGES[lang])
    link = make_link(maker, planned, planned=True)
    assert parse_qs(urlsplit(link).fragment)["on"] == ["2026-12-01"]

    reader = new_page()
    reader.clock.set_fixed_time(at_hangzhou_noon(LINKED.on + timedelta(days=20)))
    reader.goto(link)
    assert wait_for_answer(reader)["status"] == "eligible"
    assert reader.input_value(f"{ROOT_SELECTOR} [name=on]") == "2026-12-01"
    assert reader.locator(f"{ANSWER} .checker__planned").is_visible()


@pytest.mark.parametrize("lang", LANGS)
def test_after_an_error_the_address_no_longer_brings_back_the_previous_answer(
    new_page: Callable[..., Any], site_url: str, lang: str
) -> None:
    page = new_page()
    open_checker(page, site_url + ELIGIBILITY_PAGES[lang])
    ask(page, PEOPLE["eligible"])
    assert urlsplit(page.url).fragment, "the answer's link is in the address"
    page.fill(f"{ROOT_SELECTOR} [name=permit_expires]", "")
    page.click(f"{ROOT_SELECTOR} button[type=submit]")
    page.wait_for_selector(f'{ANSWER}[data-status="invalid"]', state="attached")
    assert urlsplit(page.url).fragment == "", page.url
    page.reload()
    page.wait_for_selector(f'{ROOT_SELECTOR}[data-state="ready"]', timeout=START_TIMEOUT_MS)
    assert page.locator(ANSWER).is_hidden(), "a reload brings back no answer"
    assert page.input_value(f"{ROOT_SELECTOR} [name=permit_issued]") == ""


@pytest.mark.parametrize("lang", LANGS)
def test_switching_the_language_keeps_the_link(
    new_page: Callable[..., Any], site_url: str, lang: str
) -> None:
    page = new_page()
    open_checker(page, site_url + ELIGIBILITY_PAGES[lang])
    first = ask(page, PEOPLE["not_yet"])
    fragment = urlsplit(page.url).fragment
    assert parse_qs(fragment)["permit_issued"] == ["2026-11-12"]
    other = "zh" if lang == "en" else "en"
    with page.expect_navigation():
        page.evaluate(f"document.querySelector('a[hreflang={other}]').click()")
    assert urlsplit(page.url).path.endswith(ELIGIBILITY_PAGES[other].removeprefix("zh/"))
    assert urlsplit(page.url).fragment == fragment
    assert wait_for_answer(page)["status"] == first["status"]
    assert page.evaluate("document.documentElement.lang").startswith(other)


@pytest.mark.parametrize("lang", LANGS)
def test_opening_a_link_on_a_phone_shows_the_headline_first(
    new_page: Callable[..., Any], site_url: str, lang: str
) -> None:
    page = new_page(viewport=PHONE)
    open_checker(page, site_url + ELIGIBILITY_PAGES[lang])
    link = make_link(page, PEOPLE["eligible"], planned=True)
    reader = new_page(viewport=PHONE)
    reader.goto(link)
    wait_for_answer(reader)
    assert_headline_at_top(reader)


# --- finding the answer on a phone -------------------------------------------------------


def assert_headline_at_top(page: Any) -> None:
    wait_focused_and_still(page, HEADLINE)  # the focus and the scroll the page asked for
    top = page.evaluate(f"document.querySelector('{HEADLINE}').getBoundingClientRect().top")
    header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    assert header <= top <= PHONE["height"] / 3, "below the sticky header, at the screen's top"
    assert page.evaluate(f"document.activeElement === document.querySelector('{HEADLINE}')")


@pytest.mark.parametrize("lang", LANGS)
def test_on_a_phone_the_headline_is_at_the_top_and_focused_after_pressing_the_button(
    new_page: Callable[..., Any], site_url: str, lang: str
) -> None:
    page = new_page(viewport=PHONE)
    open_checker(page, site_url + ELIGIBILITY_PAGES[lang])
    fill_form(page, person_values(PEOPLE["eligible"]))
    button = page.locator(f"{ROOT_SELECTOR} button[type=submit]")
    button.evaluate("node => node.scrollIntoView({block: 'end'})")
    box = button.bounding_box()
    assert box is not None
    assert box["y"] > PHONE["height"] / 2, "the button near the bottom"
    button.click()
    wait_for_answer(page)
    assert_headline_at_top(page)


@pytest.mark.parametrize("lang", LANGS)
def test_the_home_page_start_button_is_on_the_first_phone_screen(
    new_page: Callable[..., Any], site_url: str, lang: str
) -> None:
    page = new_page(viewport=PHONE)
    page.goto(site_url + ("" if lang == "en" else "zh/"))
    start = page.locator('a[data-start="checker"]')
    box = start.bounding_box()
    assert box is not None
    assert box["y"] + box["height"] <= PHONE["height"]
    with page.expect_navigation():
        start.click()
    assert urlsplit(page.url).path.endswith("eligibility/")


# --- date inputs -----------------------------------------------------------------------------


DATE_FIELD_ORDERS = {
    "en-US": ("11/26/2026", "month/day/year", "月/日/年"),
    "en-GB": ("26/11/2026", "day/month/year", "日/月/年"),
    "zh-CN": ("2026/11/26", "year/month/day", "年/月/日"),
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("locale", list(DATE_FIELD_ORDERS))
def test_the_date_hints_say_the_fields_order_with_an_example_whose_day_is_over_12(
    new_page: Callable[..., Any], site_url: str, locale: str, lang: str
) -> None:
    """On 3 November the example is not 11/03/2026 (3 March to a British reader) but the
    26th, written in the field's own order, which the hint names."""
    page = new_page(locale=locale)
    page.clock.set_fixed_time(at_hangzhou_noon(date(2026, 11, 3)))
    open_checker(page, site_url + ELIGIBILITY_PAGES[lang], wait_ready=False)
    page.wait_for_selector("#checker-permit_issued-hint [data-date-order]")
    hint = page.locator("#checker-permit_issued-hint").inner_text()
    example, order_en, order_zh = DATE_FIELD_ORDERS[locale]
    assert example in hint, hint
    assert (order_en if lang == "en" else order_zh) in hint, hint
    assert "11/03/2026" not in hint
    assert "03/11/2026" not in hint
    if lang == "zh":
        assert "。 " not in hint, "no Latin space between Chinese sentences"


@pytest.mark.parametrize("lang", LANGS)
def test_a_day_first_date_in_a_month_first_field_is_explained_by_the_fields_order(
    new_page: Callable[..., Any], site_url: str, lang: str
) -> None:
    """31 February typed day first into an American browser's field: not "is missing"."""
    page = new_page(locale="en-US")
    open_checker(page, site_url + ELIGIBILITY_PAGES[lang])
    values = person_values(PEOPLE["eligible"])
    values.pop("permit_issued")
    fill_form(page, values)
    page.click(f"{ROOT_SELECTOR} [name=permit_issued]")
    page.keyboard.type("02312026")
    assert page.evaluate(
        "document.querySelector('[data-checker] [name=permit_issued]').validity.badInput"
    )
    page.click(f"{ROOT_SELECTOR} button[type=submit]")
    error = page.locator("#checker-permit_issued-error")
    error.wait_for(state="visible")
    assert ("month/day/year" if lang == "en" else "月/日/年") in error.inner_text()
    assert render("error.date_missing", lang, field="").strip()[:6] not in error.inner_text()


@pytest.mark.parametrize("lang", LANGS)
def test_a_missing_date_is_explained_with_this_browsers_date_form(
    new_page: Callable[..., Any], site_url: str, lang: str
) -> None:
    page = new_page(locale="en-GB")
    open_checker(page, site_url + ELIGIBILITY_PAGES[lang])
    values = person_values(PEOPLE["eligible"])
    values["permit_issued"] = ""
    fill_form(page, values)
    page.click(f"{ROOT_SELECTOR} button[type=submit]")
    error = page.locator("#checker-permit_issued-error")
    error.wait_for(state="visible")
    assert "26/11/2026" in error.inner_text()
    assert "2026-11-26" not in error.inner_text()


# --- on paper ----------------------------------------------------------------------------------


DOCUMENT_NAMES_ZH = ("护照", "外国人工作许可证", "市民卡服务网点", "身份证")


@pytest.mark.parametrize("lang", LANGS)
def test_the_printout_is_one_a4_page_with_the_chinese_document_names(
    new_page: Callable[..., Any], site_url: str, lang: str
) -> None:
    page = new_page(viewport=PHONE)
    open_checker(page, site_url + ELIGIBILITY_PAGES[lang])
    ask(page, PEOPLE["eligible"])
    pdf = page.pdf(format="A4")  # the browser's own print, not the page's Print button
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == 1
    page.emulate_media(media="print")
    sheet = page.locator(f"{ANSWER} .checker__sheet")
    assert sheet.is_visible()
    assert not page.locator(HEADLINE).is_visible(), "the screen's answer gives way to the sheet"
    assert not page.locator(".md-header").is_visible()
    text = sheet.inner_text()
    for name in DOCUMENT_NAMES_ZH:
        assert name in text
    assert "passport" in text, "English beside the Chinese"
    assert "work permit" in text
    assert "2028" in text, "the dates are on it"


@pytest.mark.parametrize("status", list(PEOPLE))
def test_every_row_of_the_counter_sheet_says_something(
    ready_pages: dict[str, Any], status: str
) -> None:
    page = ready_pages["en"]
    ask(page, PEOPLE[status])
    rows = page.locator(f"{ANSWER} .checker__sheet tr").all_text_contents()
    assert rows
    assert all(row.strip() for row in rows), rows


# --- a browser without a date picker -------------------------------------------------------


def without_date_picker(page: Any) -> None:
    """The date fields as a browser without a date picker shows them: text."""
    page.evaluate(
        f"""() => {{
          for (const input of document.querySelectorAll('{ROOT_SELECTOR} input[type=date]')) {{
            input.type = "text";
          }}
        }}"""
    )


@pytest.mark.parametrize("lang", LANGS)
def test_a_day_first_date_typed_as_text_is_read_and_the_reading_shown_under_the_answer(
    new_page: Callable[..., Any], site_url: str, lang: str
) -> None:
    """15/11/2026 can only be day first: it is read, and the answer says how, so that a
    reader who meant something else sees it at once."""
    page = new_page(viewport=PHONE)
    open_checker(page, site_url + ELIGIBILITY_PAGES[lang])
    without_date_picker(page)
    values = person_values(PEOPLE["eligible"])
    day = PEOPLE["eligible"].on
    values["on"] = f"{day.day}/{day.month}/{day.year}"
    assert day.day > 12, "a day that cannot be a month"
    fill_form(page, values)
    submit_and_wait(page)
    readings = page.locator(f"{ANSWER} [data-readings] li")
    assert readings.count() == 1
    assert readings.get_attribute("data-reading") == "on"
    assert format_date(day, lang) in readings.inner_text()
    assert values["on"] in readings.inner_text()
    headline = page.locator(HEADLINE).bounding_box()
    shown = readings.bounding_box()
    assert headline is not None
    assert shown is not None
    assert shown["y"] > headline["y"], "the answer first, then how the dates were read"
    ask(page, PEOPLE["eligible"])  # ISO dates: nothing to say
    assert page.locator(f"{ANSWER} [data-readings]").count() == 0


@pytest.mark.parametrize("lang", LANGS)
def test_dates_typed_as_text_give_the_same_answer_timeline_and_sheet(
    new_page: Callable[..., Any], site_url: str, lang: str
) -> None:
    """Where the date fields are text (no date picker), a reader types 2026/11/12: the
    answer, the timeline and the printed sheet are those of the same dates picked."""
    page = new_page(viewport={"width": 1280, "height": 900})
    open_checker(page, site_url + ELIGIBILITY_PAGES[lang])
    without_date_picker(page)
    person = PEOPLE["eligible"]
    values = person_values(person)
    for name in ("permit_issued", "permit_expires", "passport_expires", "on"):
        values[name] = values[name].replace("-", "/")
    fill_form(page, values)
    expected = person.expected(lang)
    assert submit_and_wait(page) == {
        "status": str(expected.status),
        "earliest": expected.earliest.isoformat(),
        "latest": expected.latest.isoformat(),
    }
    answer = page.locator(ANSWER)
    assert not re.search(r"\b(null|undefined|NaN)\b", answer.inner_text())
    drawn = page.locator(f'{ROOT_SELECTOR} svg[role="img"] text.checker__timeline-date')
    days = [
        person.permit_issued, expected.earliest, person.on, expected.latest,
        person.permit_expires, person.passport_expires,
    ]  # fmt: skip
    assert drawn.all_text_contents() == [format_date(day, lang) for day in sorted(days)]
    sheet = page.locator(f"{ANSWER} .checker__sheet dd").all_text_contents()
    documents = (person.permit_issued, person.permit_expires, person.passport_expires)
    assert sheet == [format_date(day, sheet_lang) for sheet_lang in LANGS for day in documents]
