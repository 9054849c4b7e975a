"""Calendar files (RFC 5545 iCalendar) for the window: its first day and its last day.

Events are all-day (`DTSTART;VALUE=DATE`), each with a stable `UID` and a `DTSTAMP`; the
last day carries a `VALARM` reminder a week before. Lines end in CRLF and are folded so
that no line is longer than 75 octets (RFC 5545 section 3.1), never inside a UTF-8 character.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from checker.batch import OPTIONAL_COLUMNS, REQUIRED_COLUMNS, BatchResult
from checker.messages import render
from checker.result import CheckResult, Status

__all__ = ["AllDayEvent", "batch_calendar", "calendar_text", "fold", "window_calendar"]

PRODID = "-//hangzhou-citizen-card-checker//checker//EN"
UID_DOMAIN = "hangzhou-citizen-card-checker"
REMINDER_DAYS_BEFORE_LAST_DAY = 7
MAX_LINE_OCTETS = 75


@dataclass(frozen=True, slots=True)
class AllDayEvent:
    """One all-day event, optionally with a reminder `reminder_days` before it."""

    uid: str
    day: date
    summary: str
    description: str
    reminder: str | None = None
    reminder_days: int = REMINDER_DAYS_BEFORE_LAST_DAY


# Control characters RFC 5545 3.3.11 forbids in TEXT (all but tab; line breaks are escaped).
_FORBIDDEN_CONTROLS = dict.fromkeys(
    [*(code for code in range(0x20) if chr(code) not in "\t\r\n"), 0x7F], None
)


def escape_text(value: str) -> str:
    """A TEXT value escaped per RFC 5545 3.3.11 (backslash, semicolon, comma, newline),
    without the control characters it forbids."""
    return (
        value.translate(_FORBIDDEN_CONTROLS)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """Fold one content line into CRLF-joined pieces of at most 75 octets each.

    Continuation lines start with a space, which counts towards their 75 octets; a UTF-8
    character is never split.
    """
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > MAX_LINE_OCTETS:
            pieces.append("".join(current))
            current, size = [" "], 1
        current.append(char)
        size += width
    pieces.append("".join(current))
    return "\r\n".join(pieces)


def _uid(*parts: str) -> str:
    digest = hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()[:32]
    return f"{digest}@{UID_DOMAIN}"


def _event_lines(event: AllDayEvent, stamp: str) -> list[str]:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event.uid}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{event.day:%Y%m%d}",
        f"DTEND;VALUE=DATE:{event.day + timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{escape_text(event.summary)}",
        f"DESCRIPTION:{escape_text(event.description)}",
        "TRANSP:TRANSPARENT",
    ]
    if event.reminder is not None:
        lines += [
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"DESCRIPTION:{escape_text(event.reminder)}",
            f"TRIGGER:-P{event.reminder_days}D",
            "END:VALARM",
        ]
    lines.append("END:VEVENT")
    return lines


def calendar_text(name: str, events: Iterable[AllDayEvent], stamp: datetime | None = None) -> str:
    """A whole VCALENDAR holding `events`; `stamp` (default now) becomes each DTSTAMP."""
    instant = (stamp or datetime.now(UTC)).astimezone(UTC)
    stamp_text = f"{instant:%Y%m%dT%H%M%SZ}"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    for event in events:
        lines += _event_lines(event, stamp_text)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def window_calendar(result: CheckResult, *, stamp: datetime | None = None) -> str:
    """The window's first and last day as events; "" when there is no window."""
    if result.status is Status.NO_WINDOW:
        return ""
    lang = result.lang
    description = render(
        "calendar.description", lang, earliest=result.earliest, latest=result.latest
    )
    key = (result.earliest.isoformat(), result.latest.isoformat())
    events = [
        AllDayEvent(
            uid=_uid("first_day", *key),
            day=result.earliest,
            summary=render("calendar.first_day", lang),
            description=description,
        ),
        AllDayEvent(
            uid=_uid("last_day", *key),
            day=result.latest,
            summary=render("calendar.last_day", lang),
            description=description,
            reminder=render("calendar.reminder", lang, latest=result.latest),
        ),
    ]
    return calendar_text(render("calendar.name", lang), events, stamp)


def batch_calendar(batch: BatchResult, *, stamp: datetime | None = None) -> str:
    """One calendar with the last day of every row that has a window (with a reminder)."""
    lang = batch.lang
    read_columns = {*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS}
    who_at = [
        position
        for position, name in enumerate(batch.input_columns)
        if name.strip().casefold() not in read_columns
    ]
    with_window = (Status.ELIGIBLE, Status.NOT_YET, Status.TOO_LATE)
    events: list[AllDayEvent] = []
    for number, row in enumerate(batch.answers, start=1):
        if row.status not in with_window or row.earliest is None or row.latest is None:
            continue
        cells = row.cells
        who = ", ".join(cells[position].strip() for position in who_at if cells[position].strip())
        events.append(
            AllDayEvent(
                uid=_uid("row", str(number), *cells, row.latest.isoformat()),
                day=row.latest,
                summary=render("calendar.last_day_of", lang, who=who or f"#{number}"),
                description=render(
                    "calendar.description", lang, earliest=row.earliest, latest=row.latest
                ),
                reminder=render("calendar.reminder", lang, latest=row.latest),
            )
        )
    return calendar_text(render("calendar.name", lang), events, stamp)
