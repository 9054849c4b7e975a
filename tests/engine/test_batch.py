"""HR batch mode: a staff CSV in, the same rows out with each person's answer."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from checker import UnusableFile, check, check_batch, parse_date
from checker.batch import ADDED_COLUMNS
from checker.messages import field_label

ON = date(2026, 11, 26)

STAFF = [
    # name, staff number, permit issued, permit expires, passport expires, category, team
    ["张伟", "1001", "2026-11-12", "2028-11-11", "2030-01-01", "A", "研发"],
    ["Anna Müller", "1002", "2026/11/20", "2028/11/11", "2030/01/01", "b", "Sales"],
    ["李娜", "1003", "2026年1月5日", "2027年6月30日", "2026年10月1日", "", "财务"],
    ["Kenji Sato", "1004", "2026-11-12", "2027-02-15", "2030-01-01", "C", "Ops"],
]
HEADER = [
    "姓名",
    "staff_no",
    "permit_issued",
    "permit_expires",
    "passport_expires",
    "category",
    "部门",
]


def staff_csv(rows: list[list[str]], header: list[str] = HEADER) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def test_each_row_gets_the_same_answer_as_a_single_check() -> None:
    result = check_batch(staff_csv(STAFF).encode("utf-8"), on=ON)
    status_at = result.columns.index("status")
    for cells in result.rows:
        expected = check(
            permit_issued=parse_date(cells[2]),
            permit_expires=parse_date(cells[3]),
            passport_expires=parse_date(cells[4]),
            on=ON,
            category=cells[5],
        ).to_dict()
        assert cells[status_at:] == [
            expected["status"],
            expected["earliest"],
            expected["latest"],
            check_headline(cells),
            "" if expected["days_left"] is None else str(expected["days_left"]),
            " ".join(expected["confirm"]),
            expected["earliest_working_day"] or "",
            expected["latest_working_day"] or "",
        ]


def check_headline(cells: list[str]) -> str:
    return check(
        permit_issued=parse_date(cells[2]),
        permit_expires=parse_date(cells[3]),
        passport_expires=parse_date(cells[4]),
        on=ON,
        category=cells[5],
    ).headline


def test_the_answers_columns_come_after_the_files_own_in_this_order() -> None:
    result = check_batch(staff_csv(STAFF).encode("utf-8"), on=ON)
    assert result.columns[len(HEADER) :] == [
        "status",
        "earliest",
        "latest",
        "reason",
        "days_left",
        "confirm",
        "earliest_working_day",
        "latest_working_day",
    ]


def test_an_hr_officer_sees_days_left_what_to_confirm_and_the_working_days() -> None:
    rows = [
        # class B, last day Sunday 6 December 2026 (the passport), 10 days after ON
        ["王芳", "2001", "2026-11-12", "2031-01-01", "2026-12-06", "B", "HR"],
        # class A, window still to come (opens Sunday 6 December 2026)
        ["Ali", "2002", "2026-11-22", "2031-01-01", "2030-01-01", "A", "IT"],
        # no window: the passport ran out before the first day
        ["Bo", "2003", "2026-11-12", "2031-01-01", "2026-11-20", "", "IT"],
    ]
    result = check_batch(staff_csv(rows).encode("utf-8"), on=ON)
    added = [dict(zip(result.columns, row, strict=True)) for row in result.rows]
    assert [(row["status"], row["days_left"], row["confirm"]) for row in added] == [
        ("eligible", "10", "category"),
        ("not_yet", "", ""),
        ("no_window", "", ""),  # no day to apply on: nothing to confirm first
    ]
    assert [(row["earliest_working_day"], row["latest_working_day"]) for row in added] == [
        ("2026-11-26", "2026-12-04"),
        ("2026-12-07", "2030-01-01"),  # a year past the calendar: weekends only
        ("", ""),
    ]
    typed = result.answers[0]
    assert (typed.days_left, typed.confirm) == (10, ("category",))
    assert typed.latest_working_day == date(2026, 12, 4)


WHY = [
    # name, staff number, permit issued, permit expires, passport expires, category, team
    [
        "P",
        "1",
        "2026-11-12",
        "2031-01-01",
        "2027-06-01",
        "A",
        "x",
    ],  # the passport sets the last day
    ["W", "2", "2026-11-12", "2027-06-01", "2031-01-01", "A", "x"],  # the permit's 90 days do
    ["N", "3", "2026-11-22", "2031-01-01", "2031-01-01", "A", "x"],  # held 14 days on 6 December
    ["T", "4", "2025-01-05", "2031-01-01", "2026-10-01", "", "x"],  # passport ran out
    ["E", "5", "2025-01-05", "2027-01-05", "2031-01-01", "", "x"],  # 90 days or fewer left
    ["S", "6", "2026-11-23", "2027-02-21", "2031-01-01", "A", "x"],  # permit too short
    ["X", "7", "2026-13-01", "2027-02-21", "2031-01-01", "A", "x"],  # no 13th month
]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_why_column_tells_hr_what_decides_each_row_without_repeating_its_dates(
    lang: str,
) -> None:
    result = check_batch(staff_csv(WHY).encode("utf-8"), on=ON, lang=lang)
    said = [row.why for row in result.answers]
    decided_by = {
        "en": ["passport", "work permit", "held 14 days", "passport", "90 days", "90 days"],
        "zh": ["护照", "工作许可证", "满14天", "护照", "90天", "90天"],
    }[lang]
    for why, rule in zip(said, decided_by, strict=False):
        assert rule in why, why
    for why, row in zip(said[:-1], WHY[:-1], strict=True):
        assert not {row[2], row[3], row[4]} & set(why.split()), "no date of the row's own columns"
        assert "2026" not in why, why
    if lang == "en":
        assert not [why for why in said if {"you", "your"} & set(why.lower().split())]
    assert said[-1] == result.answers[-1].reason, "an unreadable row's why is its error"


def test_a_row_that_can_no_longer_apply_is_not_asked_to_confirm_its_class_first() -> None:
    result = check_batch(staff_csv(WHY).encode("utf-8"), on=ON)
    confirm = {row.cells[0]: row.confirm for row in result.answers}
    assert confirm["T"] == confirm["E"] == (), "too late: nothing to confirm before going"
    growing = check_batch(staff_csv([[*WHY[0][:5], "B", "x"]]).encode("utf-8"), on=ON)
    assert growing.answers[0].confirm == ("category",), "class B who can apply: confirm first"


def test_the_engine_has_a_why_sentence_for_every_status_and_deciding_rule() -> None:
    from checker.messages import catalogue
    from checker.why import why_ids

    assert [message_id for message_id in why_ids() if message_id not in catalogue()] == []


def test_extra_columns_come_out_unchanged_and_in_order() -> None:
    result = check_batch(staff_csv(STAFF).encode("utf-8"), on=ON)
    assert result.columns == [*HEADER, *ADDED_COLUMNS]
    assert [row[: len(HEADER)] for row in result.rows] == STAFF


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("utf-8", b""),
        ("utf-8-sig", b""),  # Excel's "CSV UTF-8" writes a byte-order mark
        ("gb18030", b""),  # Chinese Excel's plain "CSV"
        ("gbk", b""),
        ("utf-16", b""),  # Excel's "Unicode text" (with its byte-order mark)
    ],
)
def test_the_encodings_excel_writes_keep_chinese_names(encoding: str, prefix: bytes) -> None:
    data = prefix + staff_csv(STAFF).encode(encoding)
    result = check_batch(data, on=ON)
    assert [row[0] for row in result.rows] == ["张伟", "Anna Müller", "李娜", "Kenji Sato"]
    assert result.columns[0] == "姓名"
    assert result.counts["invalid"] == 0


def test_a_bom_file_reads_its_first_column_name_without_the_mark() -> None:
    dates_only = [row[2:5] for row in STAFF]
    data = staff_csv(dates_only, header=["permit_issued", "permit_expires", "passport_expires"])
    result = check_batch(data.encode("utf-8-sig"), on=ON)
    assert result.columns[:3] == ["permit_issued", "permit_expires", "passport_expires"]
    assert result.counts["invalid"] == 0


BAD_ROWS = [
    (["Ambiguous", "2001", "12/11/2026", "2028-11-11", "2030-01-01", "A", "x"], "permit_issued"),
    (["Missing", "2002", "2026-11-12", "", "2030-01-01", "A", "x"], "permit_expires"),
    (["Backwards", "2003", "2026-11-12", "2025-11-11", "2030-01-01", "A", "x"], "permit_expires"),
    (
        ["Impossible", "2004", "2026-11-12", "2028-11-11", "2030-02-30", "A", "x"],
        "passport_expires",
    ),
    (["Category", "2005", "2026-11-12", "2028-11-11", "2030-01-01", "Z", "x"], "category"),
]


@pytest.mark.parametrize(("row", "field"), BAD_ROWS, ids=[row[0] for row, _ in BAD_ROWS])
def test_a_bad_row_is_invalid_with_the_reason_and_the_batch_carries_on(
    row: list[str], field: str
) -> None:
    result = check_batch(staff_csv([STAFF[0], row, STAFF[1]]).encode("utf-8"), on=ON)
    statuses = [cells[len(HEADER)] for cells in result.rows]
    assert statuses == ["eligible", "invalid", "not_yet"]
    bad = result.rows[1]
    assert bad[len(HEADER) :][:3] == ["invalid", "", ""]
    assert bad[len(HEADER) + 4 :] == ["", "", "", ""]
    assert bad[: len(HEADER)] == row
    assert field_label(field, "en") in result.answers[1].reason
    assert result.counts == {
        "eligible": 1,
        "not_yet": 1,
        "too_late": 0,
        "no_window": 0,
        "invalid": 1,
    }


def test_reasons_come_in_the_language_asked_for() -> None:
    result = check_batch(staff_csv([BAD_ROWS[0][0], STAFF[0]]).encode("utf-8"), on=ON, lang="zh")
    assert result.answers[0].reason.startswith("工作许可证签发日期")
    assert result.answers[1].reason.startswith("可以")


def test_a_row_with_more_cells_than_columns_is_invalid() -> None:
    data = staff_csv([[*STAFF[0], "surprise"]]).encode("utf-8")
    result = check_batch(data, on=ON)
    assert result.rows[0][len(HEADER)] == "invalid"
    assert "8 cells" in result.rows[0][result.columns.index("reason")]
    assert result.rows[0][-1] == "surprise"  # kept, under extra_1


def test_short_rows_and_trailing_empty_cells_are_padded_and_trimmed() -> None:
    text = (
        staff_csv([])
        + "张伟,1001,2026-11-12,2028-11-11,2030-01-01\r\n"
        + "李娜,1003,2026-11-12,2028-11-11,2030-01-01,A,x,,\r\n"
    )
    result = check_batch(text.encode("utf-8"), on=ON)
    assert [len(row) for row in result.rows] == [len(result.columns)] * 2
    assert [row[len(HEADER)] for row in result.rows] == ["eligible", "eligible"]


@pytest.mark.parametrize("count", [0, 1, 7, 250])
def test_rows_in_equals_rows_out(count: int) -> None:
    rows = [[*STAFF[i % len(STAFF)][:1], str(i), *STAFF[i % len(STAFF)][2:]] for i in range(count)]
    result = check_batch(staff_csv(rows).encode("gb18030"), on=ON)
    assert len(result.rows) == count
    assert [row[1] for row in result.rows] == [str(i) for i in range(count)]
    assert sum(result.counts.values()) == count


def test_blank_lines_are_not_rows() -> None:
    text = staff_csv(STAFF[:2]) + ",,,,,,\r\n\r\n"
    assert len(check_batch(text.encode("utf-8"), on=ON).rows) == 2


def test_column_names_are_found_in_any_order_and_case() -> None:
    header = ["Passport_Expires", "name", " PERMIT_ISSUED ", "permit_expires"]
    rows = [["2030-01-01", "Ana", "2026-11-12", "2028-11-11"]]
    result = check_batch(staff_csv(rows, header).encode("utf-8"), on=ON)
    assert result.rows[0][4:7] == ["eligible", "2026-11-26", "2028-08-12"]


def test_the_csv_output_reads_back_as_the_same_table() -> None:
    result = check_batch(staff_csv(STAFF).encode("utf-8"), on=ON)
    table = list(csv.reader(io.StringIO(result.to_csv(), newline="")))
    assert table == [result.columns, *result.rows]
    assert result.to_dict()["counts"] == result.counts


@pytest.mark.parametrize(
    ("data", "reason", "named"),
    [
        (b"", "empty", "permit_issued"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not_text", "CSV"),
        (
            b"name,permit_issued\nAna,2026-11-12\n",
            "columns_missing",
            "permit_expires, passport_expires",
        ),
        (b'permit_issued,permit_expires,passport_expires\n"2026-11-12,x\n', "not_csv", "CSV"),
    ],
    ids=["empty", "binary", "columns_missing", "unclosed_quote"],
)
def test_an_unusable_file_is_refused_naming_the_problem(
    data: bytes, reason: str, named: str
) -> None:
    with pytest.raises(UnusableFile) as caught:
        check_batch(data, on=ON)
    assert caught.value.reason == reason
    assert caught.value.field == "file"
    assert named in str(caught.value)
