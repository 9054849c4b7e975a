"""The staff-list check on the HR page, in Chromium against the built site: does an HR officer's
GB18030 export with Chinese names, extra columns and a bad row come back complete, with the
engine's answers, the most urgent first, with counts that filter, downloads, and every column
in view on a laptop, without leaving the browser?"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

from checker import check_batch, today_in_hangzhou
from checker.calendar import batch_calendar
from checker.web import batch_json
from tests.browser.helpers import axe_violations, record
from tests.browser.hr_helpers import (
    BATCH,
    CHECK_DAY,
    HR_PAGES,
    STAFF_ROWS,
    STATUS_ORDER,
    choose_file,
    ics_lines,
    in_file_order,
    open_batch,
    shown_counts,
    shown_rows,
    staff_csv,
    wait_for_every_row,
    wait_for_rows,
)

LANGS = ("en", "zh")


@pytest.fixture(scope="module")
def hr_pages(browser: Any, site_url: str) -> Iterator[dict[str, Any]]:
    """One HR page per language, engine started, the staff list checked for CHECK_DAY."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    pages = {}
    for lang, path in HR_PAGES.items():
        page = context.new_page()
        open_batch(page, site_url + path)
        page.fill(f"{BATCH} input[type=date][name=on]", CHECK_DAY.isoformat())
        choose_file(page, staff_csv(), "staff.csv")
        wait_for_rows(page, "staff.csv")
        pages[lang] = page
    yield pages
    context.close()


def sort_by(page: Any, order: str) -> None:
    page.select_option(f"{BATCH} select[name=sort]", order)
    wait_for_every_row(page)


# --- every row comes back, with the engine's answer ---------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_every_staff_row_comes_back_in_file_order_with_the_engines_answer(
    hr_pages: dict[str, Any], lang: str
) -> None:
    page = hr_pages[lang]
    sort_by(page, "file")
    expected = check_batch(staff_csv(), on=CHECK_DAY, lang=lang)
    rows = shown_rows(page)
    assert len(rows) == len(STAFF_ROWS) - 1 == len(expected.rows), "rows in = rows out"
    assert [row["row"] for row in rows] == list(range(1, len(rows) + 1))
    status_at = expected.columns.index("status")
    at = {name: expected.columns.index(name) for name in ("earliest", "latest")}
    for shown, engine_row, answer in zip(rows, expected.rows, expected.answers, strict=True):
        assert shown["status"] == engine_row[status_at]
        # Shown: the status in words, the file's columns, days left, earliest, latest, why.
        inputs = shown["cells"][1 : status_at + 1]
        assert inputs == engine_row[:status_at], "extra columns and Chinese names kept as typed"
        _days, earliest, latest, why = shown["cells"][status_at + 1 :]
        assert [earliest, latest] == [engine_row[at[name]] for name in at]
        assert why == answer.why, "the Why column is the engine's sentence for HR"
    sort_by(page, "urgent")


@pytest.mark.parametrize("lang", LANGS)
def test_each_row_carries_the_engines_days_left_and_what_to_confirm(
    hr_pages: dict[str, Any], lang: str
) -> None:
    expected = check_batch(staff_csv(), on=CHECK_DAY, lang=lang)
    rows = in_file_order(shown_rows(hr_pages[lang]))
    for shown, answer in zip(rows, expected.answers, strict=True):
        days = "" if answer.days_left is None else str(answer.days_left)
        assert shown["days_left"] == days
        to_act = "" if answer.days_to_act is None else str(answer.days_to_act)
        assert shown["days_to_act"] == to_act, "days left go by the working day to act by"
        assert shown["act_by"] == ("" if answer.act_by is None else answer.act_by.isoformat())
        assert shown["confirm"] == " ".join(answer.confirm)
        assert len(shown["notes"]) == len(answer.confirm), "a note to confirm is shown"
    categories = [row[STAFF_ROWS[0].index("category")] for row in STAFF_ROWS[1:]]
    to_confirm = [shown["confirm"] == "category" for shown in rows]
    assert to_confirm == [
        answer.status in {"eligible", "not_yet"} and category.upper() != "A"
        for answer, category in zip(expected.answers, categories, strict=True)
    ], "class B, C and not known who can apply are confirmed first; class A and too late not"


def test_the_list_covers_every_status_and_the_bad_row_says_why(hr_pages: dict[str, Any]) -> None:
    rows = shown_rows(hr_pages["en"])
    assert {row["status"] for row in rows} == set(STATUS_ORDER)
    bad = next(row for row in rows if row["status"] == "invalid")
    assert "2026-13-01" in bad["cells"][-1], "the reason quotes what could not be read"
    assert bad["cells"][0] == "Cannot be read", "the status in words comes first"


@pytest.mark.parametrize("lang", LANGS)
def test_the_counts_per_status_are_the_engines(hr_pages: dict[str, Any], lang: str) -> None:
    expected = check_batch(staff_csv(), on=CHECK_DAY, lang=lang)
    assert shown_counts(hr_pages[lang]) == expected.counts


def test_the_date_field_starts_at_today_in_hangzhou(page: Any, site_url: str) -> None:
    page.goto(site_url + HR_PAGES["en"])
    assert page.input_value(f"{BATCH} input[type=date][name=on]") == (
        today_in_hangzhou().isoformat()
    )
    assert page.get_attribute(BATCH, "data-state") in {"loading", "ready"}


# --- sorting ------------------------------------------------------------------------------


def urgency(row: dict[str, Any]) -> tuple[int, int, str]:
    """Who can apply by fewest days left to act (to the working day), then who cannot yet by
    the day they can, then too late, no window and unreadable rows, each group apart."""
    group = STATUS_ORDER.index(row["status"])
    days = int(row["days_to_act"]) if row["days_to_act"] else 10**6
    opens = row["cells"][-3] if row["status"] == "not_yet" else ""
    return (group, days if row["status"] == "eligible" else 0, opens)


def test_the_most_urgent_come_first_and_each_group_keeps_file_order(
    hr_pages: dict[str, Any],
) -> None:
    page = hr_pages["en"]
    default = page.evaluate(
        """() => [...document.querySelectorAll("[data-batch] select[name=sort] option")]
                 .find((option) => option.defaultSelected || option.index === 0).value"""
    )
    assert default == "urgent", "the default order"
    sort_by(page, "urgent")
    rows = shown_rows(page)
    keys = [(*urgency(row), row["row"]) for row in rows]
    assert keys == sorted(keys)
    assert rows[0]["status"] == "eligible"
    assert rows[-1]["status"] == "invalid"
    sort_by(page, "file")
    assert [row["row"] for row in shown_rows(page)] == list(range(1, len(rows) + 1))
    sort_by(page, "urgent")


# --- filters and counts -------------------------------------------------------------------


def press(page: Any, name: str) -> None:
    page.click(f'{BATCH} button[data-filter="{name}"]')
    wait_for_every_row(page)


def pressed(page: Any) -> list[str]:
    return list(
        page.evaluate(
            """() => [...document.querySelectorAll('[data-batch] button[data-filter]')]
                 .filter((button) => button.getAttribute("aria-pressed") === "true")
                 .map((button) => button.dataset.filter)"""
        )
    )


@pytest.mark.parametrize("status", STATUS_ORDER)
def test_a_count_chip_shows_only_its_rows_and_the_counts_stay(
    hr_pages: dict[str, Any], status: str
) -> None:
    page = hr_pages["en"]
    expected = check_batch(staff_csv(), on=CHECK_DAY)
    press(page, status)
    assert pressed(page) == [status]
    rows = shown_rows(page)
    assert len(rows) == len(expected.rows), "a filtered-out row is hidden, not removed"
    shown = [row for row in rows if not row["hidden"]]
    assert {row["status"] for row in shown} == {status}
    assert len(shown) == expected.counts[status]
    assert page.locator(f"{BATCH} tbody tr:visible").count() == len(shown)
    assert shown_counts(page) == expected.counts, "the counts are the whole list's"
    press(page, status)  # pressed again: every row
    assert pressed(page) == []
    assert not any(row["hidden"] for row in shown_rows(page))


def test_the_soon_filter_shows_who_has_30_days_or_fewer_to_apply(
    hr_pages: dict[str, Any],
) -> None:
    """30 days or fewer to the working day to act by, not to the rules' calendar day."""
    page = hr_pages["en"]
    rows = shown_rows(page)
    soon = {
        row["row"]
        for row in rows
        if row["status"] in {"eligible", "not_yet"}
        and row["days_to_act"] != ""
        and 0 <= int(row["days_to_act"]) <= 30
    }
    count = int(page.locator(f'{BATCH} button[data-filter="soon"] strong').inner_text())
    assert count == len(soon)
    if not soon:
        assert page.locator(f'{BATCH} button[data-filter="soon"]').is_disabled()
        return
    press(page, "soon")
    assert {row["row"] for row in shown_rows(page) if not row["hidden"]} == soon
    press(page, "soon")


@pytest.mark.parametrize("lang", LANGS)
def test_who_must_confirm_their_class_first_have_a_chip_apart_from_can_apply(
    hr_pages: dict[str, Any], lang: str
) -> None:
    """Class B, C or not given: "Can apply" counts them with class A, and this chip shows
    them alone; a row too late to apply is not among them."""
    page = hr_pages[lang]
    expected = check_batch(staff_csv(), on=CHECK_DAY, lang=lang)
    to_confirm = {at + 1 for at, answer in enumerate(expected.answers) if answer.confirm}
    assert to_confirm, "the staff list has class B, C and unknown rows who can apply"
    assert all(expected.answers[row - 1].status in {"eligible", "not_yet"} for row in to_confirm)
    chip = page.locator(f'{BATCH} button[data-filter="confirm"]')
    assert int(chip.locator("strong").inner_text()) == len(to_confirm)
    assert (" 人须先确认" in chip.inner_text()) == (lang == "zh")
    press(page, "confirm")
    assert {row["row"] for row in shown_rows(page) if not row["hidden"]} == to_confirm
    press(page, "confirm")
    assert not any(row["hidden"] for row in shown_rows(page))


@pytest.mark.parametrize("lang", LANGS)
def test_a_sunday_last_day_31_days_away_counts_29_days_to_the_friday_and_is_soon(
    page: Any, site_url: str, lang: str
) -> None:
    """Sunday 27 December: the rules' day is 31 days away, the day to act Friday 25
    December 29 days away: "days left", the 30-day filter and the order go by the Friday
    (a tie with Friday Fu's own last day, kept in file order)."""
    rows = [
        STAFF_ROWS[0],
        ["Monday Ma", "2001", "2026-12-28", "研发部", "2026-11-12", "2028-11-11", "A"],
        ["Sunday Su", "2002", "2026-12-27", "研发部", "2026-11-12", "2028-11-11", "A"],
        ["Friday Fu", "2003", "2026-12-25", "研发部", "2026-11-12", "2028-11-11", "A"],
    ]
    open_batch(page, site_url + HR_PAGES[lang])
    page.fill(f"{BATCH} input[type=date][name=on]", CHECK_DAY.isoformat())
    choose_file(page, staff_csv(rows), "weekend.csv")
    wait_for_rows(page, "weekend.csv")
    shown = {row["row"]: row for row in shown_rows(page)}
    assert [shown[n]["days_left"] for n in (1, 2, 3)] == ["32", "31", "29"]
    assert [shown[n]["days_to_act"] for n in (1, 2, 3)] == ["32", "29", "29"]
    assert shown[2]["act_by"] == "2026-12-25"
    days_cell = page.locator(f'{BATCH} tr[data-row="2"] td.batch__days').inner_text()
    assert days_cell == "29"
    assert page.locator(f'{BATCH} button[data-filter="soon"] strong').inner_text() == "2"
    press(page, "soon")
    assert {row["row"] for row in shown_rows(page) if not row["hidden"]} == {2, 3}
    press(page, "soon")
    sort_by(page, "urgent")
    assert [row["row"] for row in shown_rows(page)] == [2, 3, 1]


def test_a_filter_left_without_rows_by_the_next_list_goes_back_to_every_row(
    page: Any, site_url: str
) -> None:
    """Press "soon" on a list with a last day near, then choose a list without one: the
    chip is neither stuck pressed nor hiding every row of the new list."""
    soon_list = [
        STAFF_ROWS[0],
        ["Soon Li", "2001", "2026-12-10", "研发部", "2026-11-12", "2028-11-11", "A"],
    ]
    open_batch(page, site_url + HR_PAGES["en"])
    page.fill(f"{BATCH} input[type=date][name=on]", CHECK_DAY.isoformat())
    choose_file(page, staff_csv(soon_list), "soon.csv")
    wait_for_rows(page, "soon.csv")
    press(page, "soon")
    assert pressed(page) == ["soon"]
    choose_file(page, staff_csv(), "staff.csv")
    wait_for_rows(page, "staff.csv")
    expected = check_batch(staff_csv(), on=CHECK_DAY)
    assert pressed(page) == []
    assert page.locator(f'{BATCH} button[data-filter="soon"]').is_disabled()
    assert not any(row["hidden"] for row in shown_rows(page))
    rows = len(expected.rows)
    shown = page.locator(f"{BATCH} [data-batch-shown]").inner_text()
    assert f"{rows} of {rows}" in shown, shown


def test_every_column_fits_a_laptop_screen_with_the_status_in_view(
    browser: Any, site_url: str
) -> None:
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    try:
        page = context.new_page()
        open_batch(page, site_url + HR_PAGES["en"])
        page.fill(f"{BATCH} input[type=date][name=on]", CHECK_DAY.isoformat())
        choose_file(page, staff_csv(), "staff.csv")
        wait_for_rows(page, "staff.csv")
        page.locator(f"{BATCH} thead").scroll_into_view_if_needed()
        box = page.evaluate(
            """() => {
              const table = document.querySelector("[data-batch] table");
              const status = table.querySelector("thead th");
              const reason = table.querySelector("tbody tr td:last-child");
              const rect = (element) => element.getBoundingClientRect().toJSON();
              return { status: rect(status), reason: rect(reason), table: rect(table),
                       text: status.textContent,
                       scroll: document.documentElement.scrollWidth };
            }"""
        )
        assert box["text"] == "Status", "the status is the first column"
        assert box["status"]["left"] >= 0
        assert box["status"]["right"] <= 1366
        assert box["status"]["top"] >= 0
        assert box["status"]["bottom"] <= 768
        assert box["table"]["right"] <= 1366, "no column is off to the right"
        assert box["reason"]["width"] >= 150, "the reason is readable without hovering"
        assert box["table"]["width"] > 1000, "the results have the page's full width"
        assert box["scroll"] <= 1366
    finally:
        context.close()


# --- downloads ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_csv_download_has_a_bom_and_the_engines_rows(
    hr_pages: dict[str, Any], lang: str
) -> None:
    page = hr_pages[lang]
    sort_by(page, "urgent")  # the download keeps file order whatever the table shows
    with page.expect_download() as download_info:
        page.click(f"{BATCH} [data-action=download-csv]")
    download = download_info.value
    assert download.suggested_filename.endswith(".csv")
    data = Path(download.path()).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), "a byte-order mark so Excel reads the Chinese"
    expected = check_batch(staff_csv(), on=CHECK_DAY, lang=lang)
    text = data.decode("utf-8-sig")
    assert text == expected.to_csv()
    parsed = list(csv.reader(io.StringIO(text, newline="")))
    assert parsed == [expected.columns, *expected.rows]


@pytest.mark.parametrize("lang", LANGS)
def test_the_calendar_download_holds_every_last_day(hr_pages: dict[str, Any], lang: str) -> None:
    page = hr_pages[lang]
    with page.expect_download() as download_info:
        page.click(f"{BATCH} [data-action=download-ics]")
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    text = Path(download.path()).read_bytes().decode("utf-8")
    expected_batch = check_batch(staff_csv(), on=CHECK_DAY, lang=lang)
    lines = ics_lines(text)
    assert lines[0] == "BEGIN:VCALENDAR"
    assert lines[-1] == "END:VCALENDAR"
    assert lines == ics_lines(batch_calendar(expected_batch))
    # Each row's day to act by (its last working day), only those still ahead.
    today = today_in_hangzhou()
    last_days = {
        row.act_by.strftime("%Y%m%d")
        for row in expected_batch.answers
        if row.status in ("eligible", "not_yet", "too_late")
        and row.act_by is not None
        and row.act_by >= today
    }
    assert last_days, "the list has last days still ahead"
    starts = {line.rsplit(":", 1)[1] for line in lines if line.startswith("DTSTART")}
    assert starts == last_days
    assert lines.count("BEGIN:VEVENT") == len(last_days)


# --- other ways in, and problems ----------------------------------------------------------


def test_rows_pasted_from_a_spreadsheet_get_the_same_answers(page: Any, site_url: str) -> None:
    open_batch(page, site_url + HR_PAGES["en"])
    page.fill(f"{BATCH} input[type=date][name=on]", CHECK_DAY.isoformat())
    pasted = "\n".join("\t".join(row) for row in STAFF_ROWS)  # spreadsheets copy with tabs
    page.fill(f"{BATCH} textarea[name=paste]", pasted)
    page.click(f"{BATCH} button[type=submit]")
    wait_for_rows(page, "pasted")
    expected = check_batch(staff_csv(), on=CHECK_DAY)
    assert [row["status"] for row in in_file_order(shown_rows(page))] == [
        row[expected.columns.index("status")] for row in expected.rows
    ]


def test_changing_the_date_checks_the_same_file_again(page: Any, site_url: str) -> None:
    open_batch(page, site_url + HR_PAGES["en"])
    page.fill(f"{BATCH} input[type=date][name=on]", CHECK_DAY.isoformat())
    choose_file(page, staff_csv(), "staff.csv")
    wait_for_rows(page, "26 November 2026")
    page.fill(f"{BATCH} input[type=date][name=on]", "2026-11-20")
    page.dispatch_event(f"{BATCH} input[type=date][name=on]", "change")
    wait_for_rows(page, "20 November 2026")
    later = check_batch(staff_csv(), on=CHECK_DAY.replace(day=20))
    assert shown_counts(page) == later.counts


@pytest.mark.parametrize(
    ("data", "named"),
    [
        (staff_csv([["姓名", "permit_issued", "permit_expires"], ["李明", "2026-01-01", "x"]]),
         "passport_expires"),
        (b"\x00\x01\x02\xff\xfe\x00binary", None),
        (b"", None),
    ],
    ids=["a needed column is missing", "not a text file", "empty file"],
)  # fmt: skip
def test_an_unusable_file_gets_a_clear_message_and_no_table(
    page: Any, site_url: str, data: bytes, named: str | None
) -> None:
    open_batch(page, site_url + HR_PAGES["en"])
    choose_file(page, data, "export.csv")
    problem = page.locator(f"{BATCH} [data-batch-problem]")
    problem.wait_for(state="visible")
    reply = json.loads(batch_json(data, "", "en"))
    assert not reply["ok"]
    message = problem.locator("p").inner_text()
    assert message == " ".join(error["message"] for error in reply["errors"])
    if named:
        assert named in message
    assert page.locator(f"{BATCH} [data-batch-results]").is_hidden()
    assert page.get_attribute(BATCH, "data-state") == "ready"


def test_the_file_never_leaves_the_browser(browser: Any, site_url: str) -> None:
    context = browser.new_context()
    try:
        page = context.new_page()
        recorder = record(page)
        open_batch(page, site_url + HR_PAGES["zh"])
        choose_file(page, staff_csv(), "staff.csv")
        wait_for_rows(page, "staff.csv")
        with page.expect_download():
            page.click(f"{BATCH} [data-action=download-ics]")
        site = urlsplit(site_url).netloc
        assert recorder.requests, "the recorder saw the page load"
        for method, url, body in recorder.requests:
            if url.startswith(("blob:", "data:")):
                continue  # made in the page (the downloads), never sent anywhere
            assert method == "GET", url
            assert body is None, url
            assert urlsplit(url).netloc == site, url
            assert not any(cell in unquote(url) for cell in ("李明", "研发部", "Anna")), url
        assert recorder.violations == []
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_the_checked_list_has_no_accessibility_violations(
    browser: Any, site_url: str, lang: str
) -> None:
    # axe is injected as a script, which the site's own policy rightly refuses: bypass it here.
    context = browser.new_context(bypass_csp=True)
    try:
        page = context.new_page()
        open_batch(page, site_url + HR_PAGES[lang])
        choose_file(page, staff_csv(), "staff.csv")
        wait_for_rows(page, "staff.csv")
        assert axe_violations(page) == []
    finally:
        context.close()
