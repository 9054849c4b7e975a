"""The staff-list check on the HR page, in Chromium against the built site: does an HR officer's
GB18030 export with Chinese names, extra columns and a bad row come back complete, in file
order, with the engine's answers, counts, sorting and downloads, without leaving the browser?"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from browser_helpers import axe_violations, record
from hr_helpers import (
    BATCH,
    CHECK_DAY,
    HR_PAGES,
    STAFF_ROWS,
    STATUS_ORDER,
    choose_file,
    ics_lines,
    open_batch,
    shown_counts,
    shown_rows,
    staff_csv,
    wait_for_rows,
)

from checker import check_batch, today_in_hangzhou
from checker.calendar import batch_calendar
from checker.web import batch_json

pytestmark = pytest.mark.browser

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
    for shown, engine_row in zip(rows, expected.rows, strict=True):
        assert shown["status"] == engine_row[status_at]
        inputs = shown["cells"][:status_at]
        assert inputs == engine_row[:status_at], "extra columns and Chinese names kept as typed"
        earliest, latest, reason = shown["cells"][status_at + 1 :]
        assert [earliest, latest, reason] == engine_row[status_at + 1 : status_at + 4]


def test_the_list_covers_every_status_and_the_bad_row_says_why(hr_pages: dict[str, Any]) -> None:
    rows = shown_rows(hr_pages["en"])
    assert {row["status"] for row in rows} == set(STATUS_ORDER)
    bad = next(row for row in rows if row["status"] == "invalid")
    assert "2026-13-01" in bad["cells"][-1], "the reason quotes what could not be read"


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


def test_sorting_by_status_groups_the_rows_and_keeps_file_order_within_each(
    hr_pages: dict[str, Any],
) -> None:
    page = hr_pages["en"]
    sort_by(page, "status")
    rows = shown_rows(page)
    keys = [(STATUS_ORDER.index(row["status"]), row["row"]) for row in rows]
    assert keys == sorted(keys)
    sort_by(page, "file")
    assert [row["row"] for row in shown_rows(page)] == list(range(1, len(rows) + 1))


def test_sorting_by_last_day_puts_the_most_urgent_first_and_unreadable_rows_last(
    hr_pages: dict[str, Any],
) -> None:
    page = hr_pages["en"]
    sort_by(page, "latest")
    rows = shown_rows(page)
    status_at = check_batch(staff_csv(), on=CHECK_DAY).columns.index("status")
    latest = [row["cells"][status_at + 2] for row in rows]
    dated = [day for day in latest if day]
    assert latest == dated + [""] * (len(latest) - len(dated))
    assert dated == sorted(dated)
    assert rows[-1]["status"] == "invalid"
    sort_by(page, "file")


# --- downloads ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_csv_download_has_a_bom_and_the_engines_rows(
    hr_pages: dict[str, Any], lang: str
) -> None:
    page = hr_pages[lang]
    sort_by(page, "status")  # the download keeps file order whatever the table shows
    with page.expect_download() as download_info:
        page.click(f"{BATCH} [data-action=download-csv]")
    sort_by(page, "file")
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
    status_at = expected_batch.columns.index("status")
    last_days = {
        row[status_at + 2].replace("-", "")
        for row in expected_batch.rows
        if row[status_at] in ("eligible", "not_yet", "too_late")
    }
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
    assert [row["status"] for row in shown_rows(page)] == [
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
