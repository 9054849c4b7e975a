"""Calendar files (RFC 5545 iCalendar) for the window: its first day and its last day.

Each event is on the day to act on (`checker.acting`): the window's first and last working
day, not a Saturday or holiday the rules' own day may fall on (the description then names
the rules' day, once). Only days still ahead when the file is made (`stamp`, in Hangzhou)
go in: a window whose days have all passed gives no file ("" from `window_calendar` and
`batch_calendar`; `calendar_state` says why, for the page to say so).

Events are all-day (`DTSTART;VALUE=DATE`), each with a stable `UID` and a `DTSTAMP`; the
last day carries a `VALARM` reminder a week before. Lines end in CRLF and are folded so
that no line is longer than 75 octets (RFC 5545 section 3.1), never inside a UTF-8 character.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, NamedTuple

from checker.acting import act_by, act_from
from checker.dates import today_in_hangzhou
from checker.messages import render
from checker.result import CheckResult, Status

# A staff list's calendar needs its reader (checker.batch), imported when one is made: one
# person's calendar does not (see checker/web.py).
if TYPE_CHECKING:
    from checker.batch import BatchResult

__all__ = [
    "AllDayEvent",
    "batch_calendar",
    "batch_events",
    "calendar_text",
    "fold",
    "window_calendar",
    "window_events",
]

PRODID = "-//hangzhou-citizen-card-checker//checker//EN"
UID_DOMAIN = "hangzhou-citizen-card-checker"
REMINDER_DAYS_BEFORE_LAST_DAY = 7
MAX_LINE_OCTETS = 75


class AllDayEvent(NamedTuple):
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
    import hashlib  # here, not at start: it costs CPython a few ms, and only a UID needs it

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


def _today(stamp: datetime | None) -> date:
    return today_in_hangzhou((stamp or datetime.now(UTC)).astimezone(UTC))


def _description(earliest: date, latest: date, on: date, lang: str) -> str:
    """What the window is, with the rules' day named once where the day to act differs."""
    parts = [render("calendar.description", lang, earliest=earliest, latest=latest)]
    first, last = act_from(earliest, latest), act_by(earliest, latest, on)
    if first != earliest and first >= on:
        parts.append(
            render("calendar.first_day_not_working", lang, earliest=earliest, act_from=first)
        )
    if last != latest:
        parts.append(render("calendar.last_day_not_working", lang, latest=latest, act_by=last))
    return " ".join(parts)


def window_events(result: CheckResult, today: date) -> list[AllDayEvent]:
    """The window's first and last day to act on that are on or after `today`."""
    if result.status is Status.NO_WINDOW:
        return []
    lang = result.lang
    earliest, latest = result.earliest, result.latest
    first, last = act_from(earliest, latest), act_by(earliest, latest, result.on)
    description = _description(earliest, latest, result.on, lang)
    key = (earliest.isoformat(), latest.isoformat())
    events = [
        AllDayEvent(
            uid=_uid("first_day", *key),
            day=first,
            summary=render(
                "calendar.first_day" if first == earliest else "calendar.first_working_day", lang
            ),
            description=description,
        ),
        AllDayEvent(
            uid=_uid("last_day", *key),
            day=last,
            summary=render(
                "calendar.last_day" if last == latest else "calendar.last_working_day", lang
            ),
            description=description,
            reminder=render("calendar.reminder", lang, latest=last),
        ),
    ]
    return [event for event in events if event.day >= today]


def window_calendar(result: CheckResult, *, stamp: datetime | None = None) -> str:
    """The window's first and last day (to act on, still ahead) as events; "" when there is
    no window or none of its days is still ahead."""
    events = window_events(result, _today(stamp))
    if not events:
        return ""
    return calendar_text(render("calendar.name", result.lang), events, stamp)


def batch_events(batch: BatchResult, today: date) -> list[AllDayEvent]:
    """The last day to act on of every row with a window, when it is on or after `today`."""
    from checker.batch import OPTIONAL_COLUMNS, REQUIRED_COLUMNS

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
        last = act_by(row.earliest, row.latest, batch.on)
        if last < today:
            continue
        cells = row.cells
        who = ", ".join(cells[position].strip() for position in who_at if cells[position].strip())
        summary_id = (
            "calendar.last_day_of" if last == row.latest else "calendar.last_working_day_of"
        )
        events.append(
            AllDayEvent(
                uid=_uid("row", str(number), *cells, row.latest.isoformat()),
                day=last,
                summary=render(summary_id, lang, who=who or f"#{number}"),
                description=_description(row.earliest, row.latest, batch.on, lang),
                reminder=render("calendar.reminder", lang, latest=last),
            )
        )
    return events


def batch_calendar(batch: BatchResult, *, stamp: datetime | None = None) -> str:
    """One calendar with the last day to act on of every row that has one still ahead
    (each with a reminder); "" when no row has."""
    events = batch_events(batch, _today(stamp))
    if not events:
        return ""
    return calendar_text(render("calendar.name", batch.lang), events, stamp)
