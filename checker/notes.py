"""Notes: things the user should know that never change the status.

- Working days, for a window still open or to come: when the application date (inside the
  window: `on_not_working`), the first day (still ahead) or the
  last day is not a working day in mainland China, a note says so and names the nearest
  working day inside the window (`first_day_not_working`, `last_day_not_working`; when no
  day of the window is a working day, `no_working_day_in_window`); when one of those days
  is past the years the holiday calendar covers, `working_days_not_covered` says that only
  weekends were counted. Service outlets' opening days are not published: the notes say
  outlets "may be" closed, never an opening hour.

- `category_confirm`: the sources describe the card for class A (high-end) talent, so for
  a B, C or unknown category the user is told to confirm at a citizen card service outlet.
  Class A gets no category note (the sources describe exactly that case).
- `policy_currency`: always. The rules date from August 2018; since 1 December 2024
  work-permit data is carried on the social security card, so the procedure may have
  changed; confirm before going.
"""

from __future__ import annotations

from datetime import date

from checker.messages import render
from checker.result import Note, Status
from checker.rules import load_rules
from checker.working_days import (
    first_working_day_on_or_after,
    last_working_day_on_or_before,
    load_working_days,
)

__all__ = ["category_note", "notes_for", "policy_currency_note", "working_day_notes"]


# Why a first or last day is not a working day -> the note's message id, written whole.
FIRST_DAY_NOTES = {
    "weekend": "note.first_day_not_working.weekend",
    "day_off": "note.first_day_not_working.day_off",
}
LAST_DAY_NOTES = {
    "weekend": "note.last_day_not_working.weekend",
    "day_off": "note.last_day_not_working.day_off",
}
ON_DAY_NOTES = {
    "weekend": "note.on_not_working.weekend",
    "day_off": "note.on_not_working.day_off",
}


def _why_off(day: date) -> str:
    """`day_off` for a public holiday break (days given in exchange included), else
    `weekend`."""
    return "day_off" if day in load_working_days().days_off else "weekend"


def working_day_notes(
    status: Status, on: date, earliest: date, latest: date, lang: str
) -> tuple[Note, ...]:
    """The notes about working days for a window that is open or still to come."""
    if status not in (Status.ELIGIBLE, Status.NOT_YET):
        return ()
    ahead = [day for day in (earliest, latest) if day >= on]
    first_working = first_working_day_on_or_after(earliest)
    if first_working > latest:
        notes = [
            Note(
                id="no_working_day_in_window",
                message=render(
                    "note.no_working_day_in_window", lang, earliest=earliest, latest=latest
                ),
            )
        ]
    else:
        notes = []
        if earliest >= on and first_working != earliest:
            notes.append(
                Note(
                    id="first_day_not_working",
                    message=render(
                        FIRST_DAY_NOTES[_why_off(earliest)],
                        lang,
                        earliest=earliest,
                        earliest_working_day=first_working,
                    ),
                )
            )
        last_working = last_working_day_on_or_before(latest)
        if last_working != latest:
            notes.append(
                Note(
                    id="last_day_not_working",
                    message=render(
                        LAST_DAY_NOTES[_why_off(latest)],
                        lang,
                        latest=latest,
                        latest_working_day=last_working,
                    ),
                )
            )
        on_note = _on_day_note(status, on, earliest, latest, lang)
        if on_note is not None:
            notes.insert(0, on_note)
    calendar = load_working_days()
    if any(day.year > calendar.last_year for day in ahead):
        notes.append(
            Note(
                id="working_days_not_covered",
                message=render("note.working_days_not_covered", lang, last_year=calendar.last_year),
            )
        )
    return tuple(notes)


def _on_day_note(status: Status, on: date, earliest: date, latest: date, lang: str) -> Note | None:
    """For an application date inside the window that is not a working day (a planned
    Saturday, a holiday), the same warning the first and last day get, naming the nearest
    working day of the window (the next one, else the one before). None when the first- or
    last-day note already says it (`on` is that day)."""
    if status is not Status.ELIGIBLE or on in (earliest, latest):
        return None
    if first_working_day_on_or_after(on) == on:
        return None
    nearest = first_working_day_on_or_after(on)
    if nearest > latest:
        nearest = last_working_day_on_or_before(on)
    return Note(
        id="on_not_working",
        message=render(ON_DAY_NOTES[_why_off(on)], lang, on=on, working_day=nearest),
    )


def category_note(category: str, lang: str) -> Note | None:
    """The note for a category the sources do not describe, or None for class A."""
    data = load_rules().category
    if category in data.confirmed_categories:
        return None
    variant = "unknown" if category == data.default_category else "class"
    return Note(
        id="category_confirm",
        message=render(
            f"note.category_confirm.{variant}",
            lang,
            category=category,
            confirmed="/".join(data.confirmed_categories),
        ),
    )


def policy_currency_note(lang: str) -> Note:
    """The note that the rules date from 2018 and may have changed since."""
    policy = load_rules().policy_currency
    return Note(
        id="policy_currency",
        message=render(
            "note.policy_currency",
            lang,
            published=policy.rules_published,
            since=policy.work_permit_on_social_security_card_since,
            notice=policy.notice,
        ),
    )


def notes_for(category: str, lang: str) -> tuple[Note, ...]:
    """Every note that applies, in order: the category note (if any), then policy currency."""
    category_confirm = category_note(category, lang)
    policy = policy_currency_note(lang)
    return (policy,) if category_confirm is None else (category_confirm, policy)
