"""Dates as people write them: day-first and month-first spellings, one date and a column."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from checker import check_batch, parse_date
from checker.date_order import date_order_sentences
from checker.dates import reading
from checker.errors import (
    AmbiguousDate,
    DateOrderMixed,
    ImpossibleDate,
    InvalidDateOrder,
)
from checker.web import batch_json, check_json

ON = date(2026, 11, 26)
HEADER = "name,permit_issued,permit_expires,passport_expires\r\n"


def staff(*rows: str) -> bytes:
    return (HEADER + "".join(row + "\r\n" for row in rows)).encode("utf-8")


# --- one date -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1/15/2026", date(2026, 1, 15)),
        ("5/17/2026", date(2026, 5, 17)),
        ("26/11/2026", date(2026, 11, 26)),
        ("11/26/2026", date(2026, 11, 26)),
        ("31.12.2026", date(2026, 12, 31)),
        ("12-31-2026", date(2026, 12, 31)),
    ],
)
def test_a_date_whose_day_is_over_12_is_read_the_only_way_it_can_be(
    text: str, expected: date
) -> None:
    assert parse_date(text) == expected


def test_is_1_15_2026_called_ambiguous_no_it_is_read_as_15_january() -> None:
    found = reading("1/15/2026")
    assert found is not None
    assert (found.day, found.order) == (date(2026, 1, 15), "mdy")


def test_does_the_answer_show_how_a_month_first_date_was_read_in_both_languages() -> None:
    request = {
        "permit_issued": "2026-11-12",
        "permit_expires": "2028-11-11",
        "passport_expires": "1/15/2030",
        "on": "2026-11-26",
        "lang": "en",
    }
    english = json.loads(check_json(json.dumps(request)))
    assert english["ok"] is True
    [shown] = english["readings"]
    assert shown["field"] == "passport_expires"
    assert shown["read_as"] == "2030-01-15"
    assert shown["order"] == "mdy"
    assert shown["message"] == (
        "Passport expiry date: “1/15/2030” was read as Tuesday 15 January 2030 (month/day/year)."
    )
    chinese = json.loads(check_json(json.dumps({**request, "lang": "zh"})))
    assert chinese["readings"][0]["message"] == (
        "护照有效期截止日期：“1/15/2030”按月/日/年读作2030年1月15日（星期二）。"
    )


def test_a_year_first_date_needs_no_reading_shown() -> None:
    request = {
        "permit_issued": "2026-11-12",
        "permit_expires": "2028-11-11",
        "passport_expires": "2030-01-01",
        "on": "2026-11-26",
    }
    assert "readings" not in json.loads(check_json(json.dumps(request)))


def test_3_4_2026_could_be_either_and_is_still_refused() -> None:
    with pytest.raises(AmbiguousDate, match="could be day/month or month/day"):
        parse_date("3/4/2026", field="permit_issued")


def test_a_date_with_both_numbers_over_12_is_not_called_ambiguous() -> None:
    with pytest.raises(ImpossibleDate, match="not a real date"):
        parse_date("26/15/2026")


def test_a_given_order_reads_3_4_2026_either_way() -> None:
    assert parse_date("3/4/2026", order="dmy") == date(2026, 4, 3)
    assert parse_date("3/4/2026", order="mdy") == date(2026, 3, 4)


def test_a_date_that_cannot_be_in_the_given_order_is_not_a_real_date() -> None:
    with pytest.raises(ImpossibleDate):
        parse_date("1/15/2026", order="dmy")


# --- a staff list, column by column ---------------------------------------------------------


def test_a_list_saved_by_western_excel_is_read_month_first_on_every_row() -> None:
    batch = check_batch(
        staff(
            "Ana,11/12/2026,11/11/2028,1/15/2030",  # passport column: 15 can only be a day
            "Bo,3/4/2026,3/4/2028,3/4/2030",
            "Cy,1/15/2026,12/20/2028,5/17/2031",  # the other two columns show it here
        ),
        on=ON,
    )
    assert batch.counts["invalid"] == 0
    assert batch.to_dict()["date_orders"] == {
        "permit_issued": "mdy",
        "permit_expires": "mdy",
        "passport_expires": "mdy",
    }
    bo = batch.answers[1]
    assert bo.earliest == date(2026, 3, 18)  # issued 4 March (not 3 April) + 14 days


def test_the_summary_says_each_column_was_read_month_first_in_both_languages() -> None:
    batch = check_batch(staff("Ana,1/15/2026,12/20/2028,5/17/2031"), on=ON)
    [english] = date_order_sentences(batch.date_orders, "en", "cli")
    assert english.startswith(
        "permit_issued, permit_expires, passport_expires: dates were read as month/day/year"
    )
    assert "“1/15/2026”" in english
    [chinese] = date_order_sentences(batch.date_orders, "zh", "cli")
    assert "permit_issued、permit_expires、passport_expires" in chinese
    assert "月/日/年" in chinese


def test_a_day_first_list_is_read_day_first() -> None:
    batch = check_batch(
        staff("Ana,26/11/2026,3/4/2028,13/1/2030", "Bo,2/11/2026,30/11/2028,3/4/2030"), on=ON
    )
    assert batch.counts["invalid"] == 0
    row = batch.answers[0]
    assert row.earliest == date(2026, 12, 10)
    assert row.latest == date(2028, 1, 3)  # permit expires 3 April 2028, less 91 days


def test_columns_may_each_show_their_own_order() -> None:
    batch = check_batch(staff("Ana,26/11/2026,2028-11-11,1/15/2030"), on=ON)
    assert batch.to_dict()["date_orders"] == {"permit_issued": "dmy", "passport_expires": "mdy"}
    assert batch.counts["invalid"] == 0


def test_a_column_that_contradicts_itself_is_refused_with_one_list_sentence() -> None:
    batch = check_batch(
        staff(
            "Ana,26/11/2026,2028-11-11,2030-01-01",
            "Bo,1/15/2026,2028-11-11,2030-01-01",
            "Cy,2026-11-12,2028-11-11,2030-01-01",
        ),
        on=ON,
    )
    assert [row.status for row in batch.answers] == ["invalid", "invalid", "eligible"]
    assert batch.to_dict()["date_order_refused"] == {"permit_issued": "contradicts"}
    assert "both day-first and month-first" in batch.answers[0].reason
    [sentence] = date_order_sentences(batch.date_orders, "en", "cli")
    assert "“26/11/2026”" in sentence
    assert "“1/15/2026”" in sentence
    assert "--date-order dmy" in sentence
    assert "--date-order mdy" in sentence
    [page] = date_order_sentences(batch.date_orders, "zh", "page")
    assert "--date-order" not in page
    assert "请在下方选择名单的日期顺序" in page


def test_the_row_of_a_contradicting_column_is_refused_with_its_own_error() -> None:
    with pytest.raises(DateOrderMixed):
        parse_date("26/11/2026", order="mixed", field="permit_issued")


def test_a_column_that_never_shows_its_order_is_refused_naming_the_fix() -> None:
    batch = check_batch(staff("Ana,3/4/2026,2028-11-11,2030-01-01"), on=ON)
    assert batch.answers[0].status == "invalid"
    assert "could be day/month or month/day" in batch.answers[0].reason
    assert batch.to_dict()["date_order_refused"] == {"permit_issued": "undecided"}
    [sentence] = date_order_sentences(batch.date_orders, "en", "cli")
    assert "“3/4/2026”" in sentence
    assert "--date-order" in sentence


def test_the_date_order_given_settles_an_undecided_or_contradicting_column() -> None:
    data = staff("Ana,3/4/2026,2028-11-11,2030-01-01", "Bo,1/15/2026,2028-11-11,2030-01-01")
    batch = check_batch(data, on=ON, date_order="mdy")
    assert [row.status for row in batch.answers] == ["eligible", "eligible"]
    assert batch.answers[0].earliest == date(2026, 3, 18)
    assert date_order_sentences(batch.date_orders, "en", "cli") == [
        "permit_issued: dates were read as month/day/year, as chosen."
    ]


def test_an_unknown_date_order_is_refused_naming_the_choices() -> None:
    with pytest.raises(InvalidDateOrder, match="auto, dmy, mdy"):
        check_batch(staff("Ana,2026-11-12,2028-11-11,2030-01-01"), on=ON, date_order="ymd")


def test_a_list_checked_in_parts_reads_each_column_by_the_whole_file() -> None:
    data = staff("Ana,3/4/2026,2028-11-11,2030-01-01", "Bo,1/15/2026,2028-11-11,2030-01-01")
    first_part = check_batch(data, on=ON, first=0, count=1)
    assert first_part.answers[0].status == "eligible"  # 3/4 read month-first, as row 2 shows


def test_the_page_can_name_the_order_and_gets_the_columns_and_sentences_back() -> None:
    data = staff("Ana,3/4/2026,2028-11-11,2030-01-01")
    refused = json.loads(batch_json(data, "2026-11-26", "en"))
    assert refused["date_order_refused"] == {"permit_issued": "undecided"}
    assert "Choose the list’s date order below" in refused["date_order_sentences"][0]
    chosen = json.loads(batch_json(data, "2026-11-26", "en", date_order="dmy"))
    assert chosen["date_orders"] == {"permit_issued": "dmy"}
    assert chosen["counts"]["eligible"] == 1
    assert chosen["rows"][0][chosen["columns"].index("earliest")] == "2026-04-17"


# --- the command line ----------------------------------------------------------------------


def run(*args: str, stdin: bytes) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "checker", *args],
        cwd=Path(__file__).resolve().parents[2],
        input=stdin.decode("utf-8"),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )


def test_the_cli_says_how_a_western_excel_list_was_read() -> None:
    completed = run(
        "batch", "-", "--on", "2026-11-26", stdin=staff("Ana,1/15/2026,2/28/2028,5/17/2030")
    )
    assert completed.returncode == 0
    assert "dates were read as month/day/year" in completed.stderr
    assert ",eligible," in completed.stdout


def test_the_cli_names_the_fix_for_an_undecided_column_and_takes_it() -> None:
    data = staff("Ana,3/4/2026,2028-11-11,2030-01-01")
    refused = run("batch", "-", "--on", "2026-11-26", stdin=data)
    assert "--date-order dmy (day/month/year) or --date-order mdy" in refused.stderr
    assert ",invalid," in refused.stdout
    chosen = run("batch", "-", "--on", "2026-11-26", "--date-order", "dmy", stdin=data)
    assert ",eligible,2026-04-17," in chosen.stdout
    assert "as chosen" in chosen.stderr


def test_the_cli_shows_how_one_month_first_date_was_read() -> None:
    completed = run(
        "check",
        "--permit-issued", "2026-11-12",
        "--permit-expires", "2028-11-11",
        "--passport-expires", "1/15/2030",
        "--on", "2026-11-26",
        stdin=b"",
    )  # fmt: skip
    assert completed.stdout.startswith(
        "Passport expiry date: “1/15/2030” was read as Tuesday 15 January 2030 (month/day/year)."
    )
