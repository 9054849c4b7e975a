"""Calendar files: parsed back line by line against RFC 5545's rules."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest

from checker import check, check_batch
from checker.calendar import batch_calendar, fold, window_calendar

STAMP = datetime(2026, 11, 26, 8, 30, tzinfo=UTC)
PERSON = {
    "permit_issued": date(2026, 11, 12),
    "permit_expires": date(2028, 11, 11),
    "passport_expires": date(2030, 1, 1),
    "on": date(2026, 11, 26),
}


def unfold(text: str) -> list[str]:
    """RFC 5545 3.1: content lines, continuation lines (CRLF + space) joined."""
    assert text.endswith("\r\n")
    return text[:-2].replace("\r\n ", "").split("\r\n")


def components(lines: list[str], name: str) -> list[list[str]]:
    """The lines of every BEGIN:name ... END:name block."""
    found: list[list[str]] = []
    current: list[str] | None = None
    for line in lines:
        if line == f"BEGIN:{name}":
            current = []
        elif line == f"END:{name}" and current is not None:
            found.append(current)
            current = None
        elif current is not None:
            current.append(line)
    return found


def properties(lines: list[str]) -> dict[str, str]:
    """`NAME[;params]` -> value, for the component's own lines (first occurrence)."""
    found: dict[str, str] = {}
    for line in lines:
        name, _, value = line.partition(":")
        found.setdefault(name, value)
    return found


@pytest.fixture(params=["en", "zh"])
def window_ics(request: pytest.FixtureRequest) -> str:
    return window_calendar(check(**PERSON, lang=request.param), stamp=STAMP)


def test_every_line_ends_in_crlf_and_has_at_most_75_octets(window_ics: str) -> None:
    assert "\n" not in window_ics.replace("\r\n", "")
    for line in window_ics.split("\r\n")[:-1]:
        assert len(line.encode("utf-8")) <= 75, line


def test_the_calendar_has_its_required_properties(window_ics: str) -> None:
    lines = unfold(window_ics)
    assert lines[0] == "BEGIN:VCALENDAR"
    assert lines[-1] == "END:VCALENDAR"
    calendar = properties(lines)
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]


def test_first_and_last_day_are_all_day_events_with_uid_and_stamp(window_ics: str) -> None:
    events = [properties(event) for event in components(unfold(window_ics), "VEVENT")]
    # The last day, Saturday 12 August 2028, is not a working day: go by Friday 11 August.
    assert [event["DTSTART;VALUE=DATE"] for event in events] == ["20261126", "20280811"]
    assert [event["DTEND;VALUE=DATE"] for event in events] == ["20261127", "20280812"]
    for event in events:
        assert re.fullmatch(r"[0-9a-f]{32}@hangzhou-citizen-card-checker", event["UID"])
        assert event["DTSTAMP"] == "20261126T083000Z"
        assert event["SUMMARY"]
    assert len({event["UID"] for event in events}) == 2


def test_the_last_day_has_a_reminder_a_week_before(window_ics: str) -> None:
    first, last = components(unfold(window_ics), "VEVENT")
    assert components(first, "VALARM") == []
    (alarm,) = components(last, "VALARM")
    assert properties(alarm)["ACTION"] == "DISPLAY"
    assert properties(alarm)["TRIGGER"] == "-P7D"
    assert properties(alarm)["DESCRIPTION"]


def test_the_same_dates_give_the_same_uids() -> None:
    again = window_calendar(check(**PERSON), stamp=datetime(2026, 11, 26, 12, 0, tzinfo=UTC))
    first = window_calendar(check(**PERSON), stamp=STAMP)
    uids = [line for line in unfold(first) if line.startswith("UID:")]
    assert uids == [line for line in unfold(again) if line.startswith("UID:")]


def test_no_window_gives_no_calendar() -> None:
    result = check(**{**PERSON, "permit_expires": date(2027, 2, 15)})
    assert result.status == "no_window"
    assert window_calendar(result) == ""


@pytest.mark.parametrize("text", ["a" * 200, "最后一天" * 40, "mixed 中文 and English " * 9])
def test_folding_never_splits_a_character_and_unfolds_to_the_original(text: str) -> None:
    folded = fold(f"DESCRIPTION:{text}")
    pieces = folded.split("\r\n")
    assert all(len(piece.encode("utf-8")) <= 75 for piece in pieces)
    assert all(piece.startswith(" ") for piece in pieces[1:])
    assert folded.replace("\r\n ", "") == f"DESCRIPTION:{text}"


def test_batch_calendar_has_every_rows_last_day_with_names_escaped() -> None:
    csv_text = (
        "name,team,permit_issued,permit_expires,passport_expires\r\n"
        '"Müller, Anna",Sales;EU,2026-11-12,2028-11-11,2030-01-01\r\n'
        "张伟,研发,2026-11-20,2028-11-11,2027-03-02\r\n"
        "No window,x,2026-11-12,2027-02-15,2030-01-01\r\n"
        "Bad,x,3/4/2026,2028-11-11,2030-01-01\r\n"
    )
    batch = check_batch(csv_text.encode("utf-8"), on=date(2026, 11, 26), lang="zh")
    ics = batch_calendar(batch, stamp=STAMP)
    assert all(len(line.encode()) <= 75 for line in ics.split("\r\n"))
    events = [properties(event) for event in components(unfold(ics), "VEVENT")]
    # Saturday 12 August 2028 is not a working day: the event is on Friday 11 August.
    assert [event["DTSTART;VALUE=DATE"] for event in events] == ["20280811", "20270302"]
    assert "Müller\\, Anna\\, Sales\\;EU" in events[0]["SUMMARY"]
    assert events[1]["SUMMARY"].endswith("张伟\\, 研发")
    assert len(components(unfold(ics), "VALARM")) == 2
