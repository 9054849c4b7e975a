"""Reading dates as people write them, and "today" in Hangzhou."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from checker import (
    AmbiguousDate,
    ImpossibleDate,
    InvalidDate,
    MissingDate,
    UnreadableDate,
    WrongWeekday,
    YearOutOfRange,
    parse_date,
    today_in_hangzhou,
)
from checker.dates import ACCEPTED_SPELLINGS
from checker.messages import format_date


@pytest.mark.parametrize(
    "text",
    [
        "2026-11-26",
        "2026/11/26",
        "2026.11.26",
        "2026年11月26日",
        " 2026-11-26 ",
        "2026 年 11 月 26 日",
        "２０２６年１１月２６日",  # full-width digits, as Chinese input methods type them
        "２０２６／１１／２６",
    ],
)
def test_every_accepted_spelling_of_26_november_2026(text: str) -> None:
    assert parse_date(text) == date(2026, 11, 26)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_date_copied_from_an_answer_is_read_back(lang: str) -> None:
    day = date(2026, 12, 6)
    written = format_date(day, lang)  # "Sunday 6 December 2026", "2026年12月6日（星期日）"
    assert parse_date(written) == day
    assert parse_date(format_date(day, lang, weekday=False)) == day


@pytest.mark.parametrize(
    "text",
    ["2026年12月6日(星期日)", "2026年12月6日（周日）", "2026年12月6日 (星期天)",
     "sunday, 6 december 2026", "6 December 2026", "6 DECEMBER, 2026"],
)  # fmt: skip
def test_the_answers_ways_of_writing_a_date_are_read_with_or_without_the_weekday(text: str) -> None:
    assert parse_date(text) == date(2026, 12, 6)


@pytest.mark.parametrize("text", ["2026年12月6日（星期一）", "Monday 6 December 2026"])
def test_a_weekday_that_does_not_match_the_date_is_refused_not_guessed(text: str) -> None:
    with pytest.raises(WrongWeekday) as caught:
        parse_date(text, field="passport_expires")
    assert caught.value.field == "passport_expires"
    assert "Sunday 6 December 2026" in caught.value.message("en")
    assert "2026年12月6日（星期日）" in caught.value.message("zh")


def test_a_month_name_does_not_make_30_february_real() -> None:
    with pytest.raises(ImpossibleDate):
        parse_date("30 February 2027")


@pytest.mark.parametrize("text", ["2027-3-2", "2027/3/2", "2027.3.2", "2027年3月2日", "2027-03-02"])
def test_one_digit_months_and_days(text: str) -> None:
    assert parse_date(text) == date(2027, 3, 2)


@pytest.mark.parametrize("text", ["2/3/2027", "02.03.2027", "1-2-27", "12/11/2026"])
def test_a_date_that_could_be_day_first_or_month_first_is_refused_as_ambiguous(
    text: str,
) -> None:
    with pytest.raises(AmbiguousDate) as caught:
        parse_date(text, field="passport_expires")
    assert caught.value.field == "passport_expires"
    for spelling in ACCEPTED_SPELLINGS:
        assert spelling in str(caught.value)
        assert spelling in caught.value.message("zh")


@pytest.mark.parametrize(
    "text", ["2026-02-30", "2026-13-01", "2025-02-29", "2026-00-10", "2026-4-31"]
)
def test_an_impossible_date_is_refused(text: str) -> None:
    with pytest.raises(ImpossibleDate, match="not a real date"):
        parse_date(text, field="permit_issued")


def test_29_february_in_a_leap_year_is_a_real_date() -> None:
    assert parse_date("2028-02-29") == date(2028, 2, 29)


@pytest.mark.parametrize(
    ("text", "accepted"),
    [
        ("1899-12-31", False),
        ("1900-01-01", True),
        ("2200-12-31", True),
        ("2201-01-01", False),
        ("20260-01-01", False),
    ],
)
def test_years_from_1900_to_2200_only(text: str, accepted: bool) -> None:
    if accepted:
        assert parse_date(text).isoformat() == text
        return
    with pytest.raises(YearOutOfRange) as caught:
        parse_date(text, field="on")
    assert caught.value.field == "on"
    assert "1900" in str(caught.value)
    assert "2200" in str(caught.value)


@pytest.mark.parametrize("text", ["", "   ", "\t"])
def test_an_empty_field_is_missing(text: str) -> None:
    with pytest.raises(MissingDate) as caught:
        parse_date(text, field="permit_expires")
    assert str(caught.value).startswith("Work permit expiry date is missing")


@pytest.mark.parametrize(
    "text",
    ["tomorrow", "2026-11-26T10:00", "20261126", "2026-11/26", "26 Nov 2026", "2026年11月26"],
)
def test_anything_else_is_unreadable_and_lists_the_spellings(text: str) -> None:
    with pytest.raises(UnreadableDate) as caught:
        parse_date(text, field="on")
    assert all(spelling in str(caught.value) for spelling in ACCEPTED_SPELLINGS)


def test_every_date_error_is_a_value_error_naming_its_field() -> None:
    with pytest.raises(ValueError, match="Application date") as caught:
        parse_date("soon", field="on")
    assert isinstance(caught.value, InvalidDate)
    assert caught.value.to_dict("zh") == {"field": "on", "message": caught.value.message("zh")}
    assert caught.value.message("zh").startswith("申请日期")


def test_a_long_unreadable_text_is_quoted_back_shortened() -> None:
    with pytest.raises(UnreadableDate) as caught:
        parse_date("x" * 10_000)
    assert len(str(caught.value)) < 300


@pytest.mark.parametrize(
    ("day", "english", "chinese"),
    [
        (date(2027, 3, 2), "Tuesday 2 March 2027", "2027年3月2日（星期二）"),
        (date(2026, 12, 31), "Thursday 31 December 2026", "2026年12月31日（星期四）"),
        (date(2026, 12, 6), "Sunday 6 December 2026", "2026年12月6日（星期日）"),
        (date(2026, 10, 10), "Saturday 10 October 2026", "2026年10月10日（星期六）"),
    ],
)
def test_every_date_the_answer_writes_carries_its_weekday(
    day: date, english: str, chinese: str
) -> None:
    assert format_date(day, "en") == english
    assert format_date(day, "zh") == chinese


def test_the_guide_prose_can_write_a_date_without_its_weekday() -> None:
    assert format_date(date(2018, 8, 20), "en", weekday=False) == "20 August 2018"
    assert format_date(date(2018, 8, 20), "zh", weekday=False) == "2018年8月20日"


class TestTodayInHangzhou:
    """Hangzhou is UTC+8 all year: the date turns at 16:00 UTC, whatever the machine's zone."""

    def test_one_second_before_midnight_in_hangzhou(self) -> None:
        instant = datetime(2026, 11, 26, 15, 59, 59, tzinfo=UTC)
        assert today_in_hangzhou(instant) == date(2026, 11, 26)

    def test_midnight_in_hangzhou(self) -> None:
        instant = datetime(2026, 11, 26, 16, 0, 0, tzinfo=UTC)
        assert today_in_hangzhou(instant) == date(2026, 11, 27)

    def test_from_a_machine_in_another_zone(self) -> None:
        new_york_evening = datetime(2026, 11, 26, 20, 0, tzinfo=timezone(timedelta(hours=-5)))
        assert today_in_hangzhou(new_york_evening) == date(2026, 11, 27)

    def test_summer_has_no_daylight_saving(self) -> None:
        instant = datetime(2026, 7, 1, 15, 59, tzinfo=UTC)
        assert today_in_hangzhou(instant) == date(2026, 7, 1)

    def test_a_time_without_a_zone_is_refused(self) -> None:
        with pytest.raises(ValueError, match="aware"):
            today_in_hangzhou(datetime(2026, 11, 26, 12, 0))

    def test_now_is_within_a_day_of_utc(self) -> None:
        utc_today = datetime.now(UTC).date()
        assert today_in_hangzhou() - utc_today in (timedelta(0), timedelta(days=1))
