"""What a check returns: the status, the window, each rule's outcome and the notes."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import NamedTuple

__all__ = ["CheckResult", "Note", "RuleResult", "Status"]


class Status(StrEnum):
    """Where the application date falls against the window [earliest, latest]."""

    ELIGIBLE = "eligible"  # inside the window: every rule passes
    NOT_YET = "not_yet"  # before the window opens
    TOO_LATE = "too_late"  # after the window closed
    NO_WINDOW = "no_window"  # earliest > latest: no day passes every rule


class RuleResult(NamedTuple):
    """One rule on the application date: whether it passed, the date it opens or closes on,
    which end of the window that date is a limit for (`earliest` or `latest`), and a plain
    sentence of what it means for the user."""

    id: str
    passed: bool
    date: date
    sets: str
    message: str

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "passed": self.passed,
            "date": self.date.isoformat(),
            "sets": self.sets,
            "message": self.message,
        }


class Note(NamedTuple):
    """Something the user should know that does not change the status."""

    id: str
    message: str

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "message": self.message}


class CheckResult(NamedTuple):
    """The answer for one person on one application date.

    `earliest` and `latest` are always set; for `no_window` they show why the window is
    empty (earliest is after latest). `headline` is one plain sentence in `lang`.

    `confirm` lists what the reader must confirm at a service outlet before going
    (`("category",)` for a class the sources do not describe; empty for class A).
    `days_left` is `latest - on` in days when eligible, else None. `earliest_working_day`
    and `latest_working_day` are the first working day on or after `earliest` and the last
    on or before `latest` (mainland China's calendar), None when there is no window.
    `act_by` is the day to act by (`checker.acting`), `days_to_act` the days until it when
    eligible (else None); None and None when there is no window.
    """

    status: Status
    on: date
    earliest: date
    latest: date
    rules: tuple[RuleResult, ...]
    notes: tuple[Note, ...]
    rules_version: str
    headline: str
    category: str
    lang: str
    confirm: tuple[str, ...]
    days_left: int | None
    earliest_working_day: date | None
    latest_working_day: date | None
    # The day to act by (the window's last working day still ahead; `checker.acting`) and
    # the days until it when eligible: what "days left" and the calendar go by.
    act_by: date | None = None
    days_to_act: int | None = None

    @property
    def eligible(self) -> bool:
        """True when the person can apply on `on`."""
        return self.status is Status.ELIGIBLE

    def to_dict(self) -> dict[str, object]:
        """Exactly the object `python -m checker check --json` prints."""
        return {
            "status": self.status.value,
            "on": self.on.isoformat(),
            "earliest": self.earliest.isoformat(),
            "latest": self.latest.isoformat(),
            "rules": [rule.to_dict() for rule in self.rules],
            "notes": [note.to_dict() for note in self.notes],
            "rules_version": self.rules_version,
            "confirm": list(self.confirm),
            "days_left": self.days_left,
            "earliest_working_day": _iso_or_none(self.earliest_working_day),
            "latest_working_day": _iso_or_none(self.latest_working_day),
            "act_by": _iso_or_none(self.act_by),
            "days_to_act": self.days_to_act,
        }

    def dates(self) -> tuple[date, ...]:
        """Every date the answer holds, for writing them out once (`checker.web`)."""
        working = (self.earliest_working_day, self.latest_working_day, self.act_by)
        return (
            self.on,
            self.earliest,
            self.latest,
            *(rule.date for rule in self.rules),
            *(day for day in working if day is not None),
        )


def _iso_or_none(day: date | None) -> str | None:
    return None if day is None else day.isoformat()
