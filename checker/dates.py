"""Calendar dates: reading them as people write them, and today in Hangzhou.

Accepted spellings (year first, one-digit months and days too; full-width digits are fine):
`2026-11-26`, `2026/11/26`, `2026.11.26`, `2026年11月26日`. Day-first or month-first
spellings such as `26/11/2026` are refused as ambiguous rather than guessed.

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

from checker.errors import (
    AmbiguousDate,
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
    "check_year",
    "parse_date",
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
    text: str,
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


def parse_date(text: str, *, field: str = "date") -> date:
    """Read a date in one of the accepted spellings.

    Raises an `InvalidDate` naming `field`: MissingDate (empty), AmbiguousDate (26/11/2026),
    UnreadableDate, ImpossibleDate (2026-02-30) or YearOutOfRange (outside 1900-2200).
    Any string is safe to pass: nothing else is ever raised.
    """
    outcome = _read(text)
    if isinstance(outcome, date):
        return outcome
    error_class, params = outcome
    raise error_class(field, **dict(params))


def today_in_hangzhou(now: datetime | None = None) -> date:
    """Today's date in Hangzhou (UTC+8), from `now` (default: the current instant)."""
    offset = timezone(timedelta(hours=load_rules().hangzhou_utc_offset_hours))
    instant = now if now is not None else datetime.now(UTC)
    if instant.tzinfo is None:
        raise ValueError("today_in_hangzhou needs an aware datetime (with a time zone)")
    return instant.astimezone(offset).date()
