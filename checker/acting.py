"""The day to act on: the working day the answer advises, not the rules' calendar day.

The rules' last day may be a Saturday or a public holiday, when service outlets may be
closed; the answer then says "go by" the last working day before it. Everything after the
answer (the calendar files, the printed sheet, "days left", the staff list's urgency order
and its "within 30 days" filter) goes by that working day, so that none of them shows a
margin the reader does not have. The rules' own day stays in the answer, said once (the
working-day notes, `checker.notes`).
"""

from __future__ import annotations

from datetime import date

from checker.result import Status
from checker.working_days import first_working_day_on_or_after, last_working_day_on_or_before

__all__ = ["act_by", "act_from", "days_to_act"]


def act_by(earliest: date, latest: date, on: date) -> date:
    """The last working day of the window still open from `on` (from `earliest` when the
    window is still to come); the rules' `latest` itself when no working day is left."""
    working = last_working_day_on_or_before(latest)
    return working if working >= max(earliest, on) else latest


def act_from(earliest: date, latest: date) -> date:
    """The window's first working day; the rules' `earliest` when it has none."""
    working = first_working_day_on_or_after(earliest)
    return working if working <= latest else earliest


def days_to_act(status: Status, on: date, earliest: date, latest: date) -> int | None:
    """Days from `on` to the day to act by when eligible (0: act today), else None."""
    if status is not Status.ELIGIBLE:
        return None
    return (act_by(earliest, latest, on) - on).days
