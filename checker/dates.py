"""Calendar dates: reading them as people write them, and today in Hangzhou.

Accepted spellings (year first, one-digit months and days too; full-width digits are fine):
`2026-11-26`, `2026/11/26`, `2026.11.26`, `2026年11月26日`.

Day-first or month-first spellings with a four-digit year (`26/11/2026`, `1/15/2026`) are
read when the date itself tells its order (a first number over 12 is a day: day/month/year;
a second number over 12 is a day: month/day/year), or when the order is given (`order`
"dmy" or "mdy": a staff list's column, or `--date-order`). One that could be either
(`3/4/2026`) is refused as ambiguous rather than guessed; with `order` "mixed" (a column
whose dates contradict each other) every such spelling is refused. `reading` says how a
day-first or month-first spelling was read, so that the answer can show it.

A date as the checker itself writes it is read back too, so that one copied from an answer
works: `2026年12月6日（星期日）` and `Sunday 6 December 2026` (the weekday may be left out;
with the month named, the order is not ambiguous). A weekday that does not match the date
is refused (`WrongWeekday`) rather than one of the two trusted.

"Today" is the calendar date in Hangzhou, at the fixed offset from `rules.toml` (UTC+8;
China has no daylight saving time), whatever the machine's own time zone.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Literal, NamedTuple

from checker.errors import (
    AmbiguousDate,
    DateOrderMixed,
    ImpossibleDate,
    InvalidDate,
    MissingDate,
    UnreadableDate,
    WrongWeekday,
    YearOutOfRange,
)
from checker.messages import MONTHS_EN, WEEKDAYS_EN, WEEKDAYS_ZH
from checker.rules import load_rules

__all__ = [
    "ACCEPTED_SPELLINGS",
    "DATE_ORDERS",
    "DateOrder",
    "Reading",
    "check_year",
    "is_day_month",
    "order_shown",
    "parse_date",
    "reading",
    "today_in_hangzhou",
    "year_error",
]

ACCEPTED_SPELLINGS = ("2026-11-26", "2026/11/26", "2026.11.26", "2026年11月26日")

_YEAR_FIRST = re.compile(r"([0-9]{4,9})([-/.])([0-9]{1,2})\2([0-9]{1,2})")
# Chinese, optionally with the weekday in brackets as the checker writes it (NFKC makes the
# full-width brackets plain ones): 星期日 / 星期天 / 周日.
_CHINESE = re.compile(
    r"([0-9]{4,9})\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日"
    r"(?:\s*\(\s*(?:星期|周)([一二三四五六日天])\s*\))?"
)
# Each weekday's character after 星期 or 周 (星期天 is 星期日), Monday first as in date.weekday().
_CHINESE_WEEKDAYS = [name.removeprefix("星期") for name in WEEKDAYS_ZH]
_MONTHS = [name.lower() for name in MONTHS_EN]
_WEEKDAYS = [name.lower() for name in WEEKDAYS_EN]
# English with the month named, as the checker writes it: "Sunday 6 December 2026".
_ENGLISH = re.compile(
    rf"(?:({'|'.join(_WEEKDAYS)}),?\s+)?([0-9]{{1,2}})\s+({'|'.join(_MONTHS)}),?\s+([0-9]{{4,9}})",
    re.IGNORECASE,
)
_DAY_OR_MONTH_FIRST = re.compile(r"[0-9]{1,2}\s*[-/.]\s*[0-9]{1,2}\s*[-/.]\s*[0-9]{2,4}")
# The same with a four-digit year: the spellings read when their order is known.
_DAY_OR_MONTH_FIRST_FULL_YEAR = re.compile(
    r"([0-9]{1,2})\s*([-/.])\s*([0-9]{1,2})\s*\2\s*([0-9]{4})"
)

# The orders a day-first or month-first date can be read in: day/month/year, month/day/year.
DateOrder = Literal["dmy", "mdy"]
DATE_ORDERS: tuple[DateOrder, ...] = ("dmy", "mdy")
# How a field's day-first or month-first dates are read: given ("dmy"/"mdy"), told by each
# date (None), or refused because the column contradicts itself ("mixed").
OrderGiven = DateOrder | Literal["mixed"] | None
_MONTHS_IN_YEAR = 12


class Reading(NamedTuple):
    """How a day-first or month-first spelling was read: its text, the date, the order."""

    text: str
    day: date
    order: DateOrder


def is_day_month(text: str) -> bool:
    """Whether `text` is a day-first or month-first spelling with a four-digit year."""
    cleaned = unicodedata.normalize("NFKC", text).strip()
    return _DAY_OR_MONTH_FIRST_FULL_YEAR.fullmatch(cleaned) is not None


def order_shown(text: str) -> DateOrder | None:
    """The order a day-first or month-first spelling shows by itself (a number over 12 can
    only be the day), or None when it shows none (`3/4/2026`, a year-first date, or one
    with both numbers over 12)."""
    match = _DAY_OR_MONTH_FIRST_FULL_YEAR.fullmatch(unicodedata.normalize("NFKC", text).strip())
    if match is None:
        return None
    first, second = int(match[1]), int(match[3])
    if first > _MONTHS_IN_YEAR >= second:
        return "dmy"
    if second > _MONTHS_IN_YEAR >= first:
        return "mdy"
    return None


def year_error(value: date, *, field: str) -> YearOutOfRange | None:
    """The error for a year outside the accepted range, or None when it is inside."""
    rules = load_rules()
    if rules.accepts_year(value.year):
        return None
    return YearOutOfRange(field, year=value.year, min_year=rules.min_year, max_year=rules.max_year)


def check_year(value: date, *, field: str) -> date:
    """Return `value`, or raise YearOutOfRange if its year is outside the accepted range."""
    error = year_error(value, field=field)
    if error is not None:
        raise error
    return value


@functools.lru_cache(maxsize=16384)  # a staff list spells a few thousand dates, each often
def _read(
    text: str, order: OrderGiven = None
) -> date | tuple[type[InvalidDate], tuple[tuple[str, str | int | date], ...]]:
    """The date `text` spells, or the error class and its parameters (cached, pure)."""
    cleaned = unicodedata.normalize("NFKC", text).strip()
    if not cleaned:
        return MissingDate, ()
    weekday: int | None = None  # the weekday written beside the date, Monday = 0
    if (match := _YEAR_FIRST.fullmatch(cleaned)) is not None:
        year, month, day = int(match[1]), int(match[3]), int(match[4])
    elif (match := _CHINESE.fullmatch(cleaned)) is not None:
        year, month, day = int(match[1]), int(match[2]), int(match[3])
        if match[4]:
            weekday = _CHINESE_WEEKDAYS.index(match[4].replace("天", "日"))
    elif (match := _ENGLISH.fullmatch(cleaned)) is not None:
        year, month, day = int(match[4]), _MONTHS.index(match[3].lower()) + 1, int(match[2])
        if match[1]:
            weekday = _WEEKDAYS.index(match[1].lower())
    elif (match := _DAY_OR_MONTH_FIRST_FULL_YEAR.fullmatch(cleaned)) is not None:
        if order == "mixed":
            return DateOrderMixed, (("value", _shorten(cleaned)),)
        read_as = order or order_shown(cleaned)
        if read_as is None:
            if int(match[1]) > _MONTHS_IN_YEAR:  # both numbers over 12: neither is a month
                return ImpossibleDate, (("value", _shorten(cleaned)),)
            return AmbiguousDate, (("value", _shorten(cleaned)),)
        first, second = int(match[1]), int(match[3])
        year = int(match[4])
        day, month = (first, second) if read_as == "dmy" else (second, first)
    elif _DAY_OR_MONTH_FIRST.fullmatch(cleaned):
        return AmbiguousDate, (("value", _shorten(cleaned)),)
    else:
        return UnreadableDate, (("value", _shorten(cleaned)),)
    rules = load_rules()
    if not rules.accepts_year(year):
        return YearOutOfRange, (
            ("year", year),
            ("min_year", rules.min_year),
            ("max_year", rules.max_year),
        )
    try:
        found = date(year, month, day)
    except ValueError:
        return ImpossibleDate, (("value", _shorten(cleaned)),)
    if weekday is not None and weekday != found.weekday():
        return WrongWeekday, (("value", _shorten(cleaned)), ("day", found))
    return found


def _shorten(text: str, limit: int = 40) -> str:
    """At most `limit` characters of what the user typed, for quoting it back."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def parse_date(text: str, *, field: str = "date", order: OrderGiven = None) -> date:
    """Read a date in one of the accepted spellings (day-first or month-first ones in
    `order`, or in the order the date shows by itself; see the module's docstring).

    Raises an `InvalidDate` naming `field`: MissingDate (empty), AmbiguousDate (3/4/2026),
    DateOrderMixed (any day/month spelling when `order` is "mixed"), UnreadableDate,
    ImpossibleDate (2026-02-30) or YearOutOfRange (outside 1900-2200).
    Any string is safe to pass: nothing else is ever raised.
    """
    outcome = _read(text, order)
    if isinstance(outcome, date):
        return outcome
    error_class, params = outcome
    raise error_class(field, **dict(params))


def reading(text: str, order: OrderGiven = None) -> Reading | None:
    """How `text` is read when it is a day-first or month-first spelling that can be read
    (for showing the reading beside the answer); None for any other text."""
    cleaned = unicodedata.normalize("NFKC", text).strip()
    if order == "mixed" or _DAY_OR_MONTH_FIRST_FULL_YEAR.fullmatch(cleaned) is None:
        return None
    read_as = order or order_shown(cleaned)
    outcome = _read(text, order)
    if read_as is None or not isinstance(outcome, date):
        return None
    return Reading(_shorten(cleaned), outcome, read_as)


def today_in_hangzhou(now: datetime | None = None) -> date:
    """Today's date in Hangzhou (UTC+8), from `now` (default: the current instant)."""
    offset = timezone(timedelta(hours=load_rules().hangzhou_utc_offset_hours))
    instant = now if now is not None else datetime.now(UTC)
    if instant.tzinfo is None:
        raise ValueError("today_in_hangzhou needs an aware datetime (with a time zone)")
    return instant.astimezone(offset).date()
