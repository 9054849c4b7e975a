"""Typed errors for input the checker cannot use.

Every error names the input field it is about and carries a message id from the catalogue
(`messages.toml`), so it reaches the user as one sentence, in English or Chinese, naming
the field. All of them are `ValueError`s.

    InvalidInput(ValueError)        any input the checker cannot use
    ├── InvalidDate                 a date field that cannot be read
    │   ├── MissingDate             the field is empty or absent
    │   ├── AmbiguousDate           3/4/2026: day and month could be swapped
    │   ├── DateOrderMixed          1/15/2026 in a column that also has 26/11/2026
    │   ├── UnreadableDate          not one of the accepted spellings
    │   ├── ImpossibleDate          2026-02-30: no such day
    │   ├── WrongWeekday            Monday 6 December 2026: that day is a Sunday
    │   └── YearOutOfRange          a year outside 1900-2200
    ├── PermitExpiresBeforeIssue    the work permit expires before it was issued
    ├── UnknownCategory             a permit category other than A, B, C or unknown
    ├── UnknownLanguage             a language other than en or zh
    ├── InvalidDateOrder            a date order other than auto, dmy or mdy
    ├── InvalidRequest              a browser request that is not a JSON object
    ├── MalformedRow                a batch row with more cells than the header has columns
    ├── UnwritableOutput            a batch output file (`-o`) that cannot be written
    │   └── OutputIncomplete        output that stopped part-way (a full disk, a closed pipe)
    └── UnusableFile                a batch file that is missing, not CSV, or lacks columns
        └── EncodingUndecided       a batch file whose encoding its bytes do not settle
"""

from __future__ import annotations

from datetime import date

from checker.messages import LANGS, field_label, render

__all__ = [
    "AmbiguousDate",
    "DateOrderMixed",
    "EncodingUndecided",
    "ImpossibleDate",
    "InvalidDate",
    "InvalidDateOrder",
    "InvalidInput",
    "InvalidRequest",
    "MalformedRow",
    "MissingDate",
    "OutputIncomplete",
    "PermitExpiresBeforeIssue",
    "UnknownCategory",
    "UnknownLanguage",
    "UnreadableDate",
    "UnusableFile",
    "UnwritableOutput",
    "WrongWeekday",
    "YearOutOfRange",
    "check_lang",
]

Param = str | int | date


class InvalidInput(ValueError):  # noqa: N818 (name fixed by the public API contract)
    """Input the checker cannot use.

    `field` names the input (`permit_issued`, `file`, ...); `message_id` and `params` select
    and fill the sentence in the catalogue; `message(lang)` renders it. `str(error)` is the
    English sentence.
    """

    message_id = "error.invalid"

    def __init__(self, field: str, **params: Param) -> None:
        self.field = field
        self.params: dict[str, Param] = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        """The sentence for the user, naming the field, in `lang` (`en` or `zh`)."""
        return render(self.message_id, lang, field=field_label(self.field, lang), **self.params)

    def to_dict(self, lang: str = "en") -> dict[str, str]:
        """`{"field", "message"}`, the shape the CLI and the browser report."""
        return {"field": self.field, "message": self.message(lang)}


class InvalidDate(InvalidInput):
    """A date field that cannot be read."""


class MissingDate(InvalidDate):
    """The date field is empty or absent."""

    message_id = "error.date_missing"


class AmbiguousDate(InvalidDate):
    """A day-first or month-first spelling such as 26/11/2026: refused, never guessed."""

    message_id = "error.date_ambiguous"


class DateOrderMixed(InvalidDate):
    """A day-first or month-first date in a staff-list column whose dates contradict each
    other (some can only be day-first, others only month-first): refused, never guessed."""

    message_id = "error.date_order_mixed"


class UnreadableDate(InvalidDate):
    """Text that is not one of the accepted date spellings."""

    message_id = "error.date_unreadable"


class ImpossibleDate(InvalidDate):
    """A well-spelled date that does not exist, such as 2026-02-30."""

    message_id = "error.date_impossible"


class WrongWeekday(InvalidDate):
    """A date written with a weekday it does not fall on (which of the two is meant?)."""

    message_id = "error.date_wrong_weekday"


class YearOutOfRange(InvalidDate):
    """A year outside the range the checker accepts."""

    message_id = "error.year_out_of_range"


class PermitExpiresBeforeIssue(InvalidInput):
    """The work permit's expiry date is before its issue date (reported on permit_expires)."""

    message_id = "error.permit_expires_before_issue"


class UnknownCategory(InvalidInput):
    """A permit category that is not one of those in `rules.toml`."""

    message_id = "error.category_unknown"


class UnknownLanguage(InvalidInput):
    """A language the message catalogue does not have."""

    message_id = "error.lang_unknown"


class InvalidDateOrder(InvalidInput):
    """A date order (`--date-order`, the page's choice) other than auto, dmy or mdy."""

    message_id = "error.date_order_unknown"


class InvalidRequest(InvalidInput):
    """A browser request that is not a JSON object."""

    message_id = "error.request_invalid"


class MalformedRow(InvalidInput):
    """A batch row with more non-empty cells than the header names columns."""

    message_id = "error.row_too_long"


class UnwritableOutput(InvalidInput):
    """The batch output file (`-o`) cannot be written: no such folder, no permission..."""

    message_id = "error.output_unwritable"


class OutputIncomplete(UnwritableOutput):
    """The answer stopped part-way: the disk is full, or the program reading the output
    (`| head`) closed it; what was written is incomplete."""

    message_id = "error.output_incomplete"


class UnusableFile(InvalidInput):
    """A batch file the checker cannot process at all; `reason` selects the sentence."""

    message_id = "error.file_unusable"

    def __init__(self, reason: str, **params: Param) -> None:
        self.reason = reason
        self.message_id = f"error.file_{reason}"
        super().__init__("file", **params)


class EncodingUndecided(UnusableFile):
    """A batch file whose encoding cannot be told for sure (or that the chosen encoding
    cannot read); the sentence names `--encoding`, so the reader can settle it."""


def check_lang(lang: str, *, field: str = "lang") -> str:
    """Return `lang` if the catalogue has it, else raise UnknownLanguage naming `field`."""
    if lang not in LANGS:
        raise UnknownLanguage(field, value=str(lang)[:20], choices=", ".join(LANGS))
    return lang
