"""Reading a check's fields from text (CLI flags, the browser's form, a staff-list row).

Each date is read (`parse_date`), then the engine's one validation path (`engine.validate`)
gathers every error in form order: the browser marks each wrong field, the command line and
a batch row report the first one.
"""

from __future__ import annotations

from datetime import date

from checker.dates import parse_date, today_in_hangzhou
from checker.engine import CheckInput, Read, validate
from checker.errors import InvalidInput

__all__ = ["CheckInput", "read_date", "read_form"]


def read_date(text: str | None, field: str) -> Read:
    """The date `text` spells, or the error reading it (never raised)."""
    try:
        return parse_date(text or "", field=field)
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
) -> tuple[CheckInput | None, list[InvalidInput]]:
    """Read the fields; return the input (or None) and every error, in form order.

    An empty or absent `on` means today in Hangzhou (a batch passes its date as is); an
    empty `category` means "unknown"; an empty `lang` means English.
    """
    return validate(
        permit_issued=read_date(permit_issued, "permit_issued"),
        permit_expires=read_date(permit_expires, "permit_expires"),
        passport_expires=read_date(passport_expires, "passport_expires"),
        on=_read_on(on),
        category=category,
        lang=lang,
    )
