"""Reading a check's fields from text (CLI flags, the browser's form) with every error.

The browser marks each wrong field, so `read_form` collects all errors in form order; the
command line reports the first one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from checker.dates import parse_date, today_in_hangzhou
from checker.engine import FIELD_ORDER, check, normalise_category, permit_order_error
from checker.errors import InvalidInput, check_lang
from checker.result import CheckResult

__all__ = ["CheckInput", "read_form"]


@dataclass(frozen=True, slots=True)
class CheckInput:
    """A check's fields, read and valid: the keyword arguments of `checker.check`."""

    permit_issued: date
    permit_expires: date
    passport_expires: date
    on: date
    category: str
    lang: str

    def check(self) -> CheckResult:
        """`checker.check` on these fields."""
        return check(
            permit_issued=self.permit_issued,
            permit_expires=self.permit_expires,
            passport_expires=self.passport_expires,
            on=self.on,
            category=self.category,
            lang=self.lang,
        )


def read_form(
    *,
    permit_issued: str | None,
    permit_expires: str | None,
    passport_expires: str | None,
    on: str | None = None,
    category: str | None = None,
    lang: str | None = None,
) -> tuple[CheckInput | None, list[InvalidInput]]:
    """Read the fields; return the input (or None) and every error, in form order.

    An empty or absent `on` means today in Hangzhou; an empty `category` means "unknown";
    an empty `lang` means English.
    """
    errors: list[InvalidInput] = []
    texts = {
        "permit_issued": permit_issued,
        "permit_expires": permit_expires,
        "passport_expires": passport_expires,
    }
    dates: dict[str, date] = {}
    for field, text in texts.items():
        try:
            dates[field] = parse_date(text or "", field=field)
        except InvalidInput as error:
            errors.append(error)
    if on is None or not on.strip():
        dates["on"] = today_in_hangzhou()
    else:
        try:
            dates["on"] = parse_date(on, field="on")
        except InvalidInput as error:
            errors.append(error)
    if "permit_issued" in dates and "permit_expires" in dates:
        order_error = permit_order_error(dates["permit_issued"], dates["permit_expires"])
        if order_error is not None:
            errors.append(order_error)
    checked_category = ""
    try:
        checked_category = normalise_category(category)
    except InvalidInput as error:
        errors.append(error)
    checked_lang = "en"
    try:
        checked_lang = check_lang((lang or "en").strip())
    except InvalidInput as error:
        errors.append(error)
    errors.sort(key=lambda error: FIELD_ORDER.index(error.field))
    if errors:
        return None, errors
    return (
        CheckInput(
            permit_issued=dates["permit_issued"],
            permit_expires=dates["permit_expires"],
            passport_expires=dates["passport_expires"],
            on=dates["on"],
            category=checked_category,
            lang=checked_lang,
        ),
        [],
    )
