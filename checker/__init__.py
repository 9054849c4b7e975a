"""Hangzhou citizen card for foreign talents: who can apply, and when.

Standard library only; runs unchanged in CPython 3.12+ and in Pyodide.

    >>> from datetime import date
    >>> result = check(permit_issued=date(2026, 11, 12), permit_expires=date(2028, 11, 11),
    ...                passport_expires=date(2030, 1, 1), on=date(2026, 11, 26))
    >>> result.status, result.earliest, result.latest
    (<Status.ELIGIBLE: 'eligible'>, datetime.date(2026, 11, 26), datetime.date(2028, 8, 12))

Public API: `check` (one person), `check_batch` (a CSV of staff), `parse_date` (the
accepted date spellings), `today_in_hangzhou`, the result types and the typed errors
(`InvalidInput` and its subclasses, all `ValueError`s naming a field). The browser's entry
points are in `checker.web`; the command line is `python -m checker`.
"""

from typing import TYPE_CHECKING, Any

from checker.dates import parse_date, today_in_hangzhou
from checker.engine import check
from checker.errors import (
    AmbiguousDate,
    ImpossibleDate,
    InvalidDate,
    InvalidInput,
    MissingDate,
    PermitExpiresBeforeIssue,
    UnknownCategory,
    UnknownLanguage,
    UnreadableDate,
    UnusableFile,
    WrongWeekday,
    YearOutOfRange,
)
from checker.identity_change import IdentityChangeTimeline, identity_change_timeline
from checker.result import CheckResult, Note, RuleResult, Status

# The staff list's reader is imported when first asked for (see checker/web.py).
if TYPE_CHECKING:
    from checker.batch import BatchResult, check_batch


def __getattr__(name: str) -> Any:
    if name in ("BatchResult", "check_batch"):
        from checker import batch

        return getattr(batch, name)
    raise AttributeError(f"module 'checker' has no attribute {name!r}")


__all__ = [
    "AmbiguousDate",
    "BatchResult",
    "CheckResult",
    "IdentityChangeTimeline",
    "ImpossibleDate",
    "InvalidDate",
    "InvalidInput",
    "MissingDate",
    "Note",
    "PermitExpiresBeforeIssue",
    "RuleResult",
    "Status",
    "UnknownCategory",
    "UnknownLanguage",
    "UnreadableDate",
    "UnusableFile",
    "WrongWeekday",
    "YearOutOfRange",
    "check",
    "check_batch",
    "identity_change_timeline",
    "parse_date",
    "today_in_hangzhou",
]
