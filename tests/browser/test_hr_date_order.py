"""Dates as HR's spreadsheets write them, on the staff-list page: a list saved by Western
Excel (month first) is read month first and the summary says so; a list whose dates never
show their order (3/4/2026) is not guessed, and the page offers the list's date order to
choose, as the command line's --date-order does; both languages, phone and desktop."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from checker import check_batch
from tests.browser.hr_helpers import (
    BATCH,
    CHECK_DAY,
    HR_PAGES,
    choose_file,
    open_batch,
    shown_counts,
    wait_for_rows,
)

PANEL = f"{BATCH} [data-batch-date-order]"
CHOICE = f"{PANEL} [data-batch-date-order-choice]"
HEADER = "name,permit_issued,permit_expires,passport_expires,category"
# As Western Excel saves dates (m/d/yyyy): 11/13 can only be month first.
WESTERN_EXCEL = (
    f"{HEADER}\r\nAna,11/13/2026,11/12/2028,1/1/2030,A\r\nBen,10/2/2026,10/14/2028,12/31/2031,A\r\n"
)
# Every date could be either: nothing in the list shows its order.
UNDECIDED = f"{HEADER}\r\nAna,3/4/2026,3/5/2028,1/1/2030,A\r\n"
WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1366, "height": 768}}


@pytest.fixture(params=[(lang, width) for lang in HR_PAGES for width in WIDTHS], ids=str)
def hr_page(request: Any, browser: Any, site_url: str) -> Iterator[tuple[Any, str]]:
    lang, width = request.param
    context = browser.new_context(viewport=WIDTHS[width])
    page = context.new_page()
    open_batch(page, site_url + HR_PAGES[lang])
    page.fill(f"{BATCH} input[type=date][name=on]", CHECK_DAY.isoformat())
    yield page, lang
    context.close()


def sentences(page: Any) -> list[str]:
    return list(page.locator(f"{PANEL} [data-batch-date-order-sentences] li").all_inner_texts())


def pressed(page: Any) -> list[str]:
    return list(
        page.locator(f'{CHOICE} button[aria-pressed="true"]').evaluate_all(
            "(buttons) => buttons.map((button) => button.dataset.dateOrder)"
        )
    )


def wait_pressed(page: Any, order: str) -> None:
    page.wait_for_function(
        "([choice, order]) => document.querySelector(`${choice} button[data-date-order=${order}]`)"
        ".getAttribute('aria-pressed') === 'true'",
        arg=[CHOICE, order],
    )


def test_a_list_saved_by_western_excel_is_read_month_first_and_the_summary_says_so(
    hr_page: tuple[Any, str],
) -> None:
    page, _lang = hr_page
    data = WESTERN_EXCEL.encode()
    choose_file(page, data, "western-excel.csv")
    wait_for_rows(page, "western-excel.csv")
    assert shown_counts(page) == check_batch(data, on=CHECK_DAY).counts
    assert shown_counts(page)["invalid"] == 0, "every row read"
    said = sentences(page)
    assert said, "the summary says how the dates were read"
    shown_by = ("11/13/2026", "10/14/2028", "12/31/2031")  # the cells that show the order
    assert all(any(cell in line for cell in shown_by) for line in said), said
    assert page.locator(PANEL).is_visible()
    assert page.locator(CHOICE).is_hidden(), "nothing to choose: each column shows its order"


def test_a_list_whose_dates_never_show_their_order_is_not_guessed_and_offers_the_choice(
    hr_page: tuple[Any, str],
) -> None:
    page, _lang = hr_page
    data = UNDECIDED.encode()
    choose_file(page, data, "undecided.csv")
    wait_for_rows(page, "undecided.csv")
    assert shown_counts(page)["invalid"] == 1, "3/4/2026 is not guessed"
    assert any("3/4/2026" in line for line in sentences(page))
    assert page.locator(CHOICE).is_visible()
    choice = page.locator(f'{CHOICE} button[data-date-order="dmy"]')
    assert choice.bounding_box()["width"] <= WIDTHS["phone"]["width"]  # type: ignore[index]
    assert pressed(page) == ["auto"]

    choice.click()
    wait_pressed(page, "dmy")
    wait_for_rows(page, "undecided.csv")
    day_first = check_batch(data, on=CHECK_DAY, date_order="dmy").counts
    assert shown_counts(page) == day_first
    assert day_first["invalid"] == 0
    assert pressed(page) == ["dmy"]
    assert page.locator(CHOICE).is_visible(), "the reader can go back"

    page.locator(f'{CHOICE} button[data-date-order="auto"]').click()
    wait_pressed(page, "auto")
    wait_for_rows(page, "undecided.csv")
    assert shown_counts(page)["invalid"] == 1
