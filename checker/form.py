"""Reading a check's fields from text (CLI flags, the browser's form, a staff-list row).

Each date is read (`parse_date`), then the engine's one validation path (`engine.validate`)
gathers every error in form order: the browser marks each wrong field, the command line and
a batch row report the first one.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from checker.dates import OrderGiven, parse_date, reading, today_in_hangzhou
from checker.engine import CheckInput, Read, validate
from checker.errors import InvalidInput
from checker.messages import field_label, render

__all__ = ["CheckInput", "read_date", "read_form", "readings"]


def read_date(text: str | None, field: str, order: OrderGiven = None) -> Read:
    """The date `text` spells, or the error reading it (never raised); day-first or
    month-first spellings in `order` (default: the order each date shows)."""
    try:
        return parse_date(text or "", field=field, order=order)
    except InvalidInput as error:
        return error


def _read_on(on: str | date | None) -> Read:
    if isinstance(on, date):
        return on
    if on is None or not on.strip():
        return today_in_hangzhou()
    return read_date(on, "on")


def read_form(
    *,
    permit_issued: str | None,
    permit_expires: str | None,
    passport_expires: str | None,
    on: str | date | None = None,
    category: str | None = None,
    lang: str | None = None,
    orders: Mapping[str, OrderGiven] | None = None,
) -> tuple[CheckInput | None, list[InvalidInput]]:
    """Read the fields; return the input (or None) and every error, in form order.

    An empty or absent `on` means today in Hangzhou (a batch passes its date as is); an
    empty `category` means "unknown"; an empty `lang` means English. `orders` gives a
    field's order for day-first or month-first dates (a staff-list column's).
    """
    order = orders or {}
    return validate(
        permit_issued=read_date(permit_issued, "permit_issued", order.get("permit_issued")),
        permit_expires=read_date(permit_expires, "permit_expires", order.get("permit_expires")),
        passport_expires=read_date(
            passport_expires, "passport_expires", order.get("passport_expires")
        ),
        on=_read_on(on),
        category=category,
        lang=lang,
    )


def readings(fields: Mapping[str, str | None], lang: str) -> list[dict[str, str]]:
    """How each day-first or month-first date among `fields` (name -> text) was read, for
    showing beside the answer: `{"field", "text", "read_as", "order", "message"}`."""
    shown = []
    for field, text in fields.items():
        found = reading(text or "")
        if found is None:
            continue
        message = render(
            "reading.shown",
            lang,
            field=field_label(field, lang),
            text=found.text,
            day=found.day,
            order=render(f"date_order.{found.order}", lang),
        )
        shown.append(
            {
                "field": field,
                "text": found.text,
                "read_as": found.day.isoformat(),
                "order": found.order,
                "message": message,
            }
        )
    return shown
