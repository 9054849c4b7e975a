"""The four rules, the window they leave, the status on a date, and the notes.

Rules (numbers from `rules.toml`; sources and readings there too):

- `programme_open`: application date ≥ 2018-08-20 (article: "From August 20th").
- `permit_held_two_weeks`: application date ≥ permit issue date + 14 days
  (article: "Receive a work permit ... for two weeks").
- `passport_valid`: application date ≤ passport expiry date, the expiry day included
  (article: "original passport within the validity period").
- `permit_valid_over_90_days`: permit expiry − application date > 90 days, strictly
  (article: "work permit validated for more than 90 days"). The stricter of the two
  readings, so nobody is told a day too late.

Window: earliest = max(programme opening, issue + 14 days);
latest = min(passport expiry, permit expiry − 91 days). Status on the application date:
`no_window` if earliest > latest, else `not_yet` / `eligible` / `too_late`.

Notes (never change the status): `category_confirm` for a B, C or unknown permit category
(the sources describe the card for class A talent; class A gets no category note), and
`policy_currency` always.

Limitations: the engine decides nothing the sources do not say (for instance whether class
B or C permit holders qualify); it only tells the user to confirm.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from checker.dates import check_year, today_in_hangzhou
from checker.errors import InvalidInput, PermitExpiresBeforeIssue, UnknownCategory, check_lang
from checker.messages import render
from checker.notes import notes_for
from checker.result import CheckResult, RuleResult, Status
from checker.rules import RuleData, load_rules

__all__ = [
    "Window",
    "assess",
    "check",
    "headline",
    "normalise_category",
    "permit_order_error",
    "validate",
    "window",
]

DATE_FIELDS = ("permit_issued", "permit_expires", "passport_expires", "on")
FIELD_ORDER = (*DATE_FIELDS, "category", "lang")


@dataclass(frozen=True, slots=True)
class Window:
    """The days on which every rule passes, and the limits that make it."""

    earliest: date
    latest: date
    permit_held_from: date  # issue + 14 days: the two-week rule opens
    permit_last_day: date  # permit expiry - 91 days: the 90-day rule's last passing day
    passport_last_day: date  # passport expiry: the passport rule's last passing day

    @property
    def is_empty(self) -> bool:
        return self.earliest > self.latest

    def closing_limits_before(self, day: date) -> str:
        """Which closing limit(s) fall before `day`: "passport", "permit" or "both"."""
        passport = self.passport_last_day < day
        permit = self.permit_last_day < day
        if passport and permit:
            return "both"
        return "passport" if passport else "permit"


def window(
    permit_issued: date, permit_expires: date, passport_expires: date, rules: RuleData
) -> Window:
    """The window the four rules leave for these dates."""
    permit_held_from = permit_issued + timedelta(days=rules.min_days_since_permit_issued)
    permit_last_day = permit_expires - timedelta(days=rules.min_days_remaining_exclusive + 1)
    return Window(
        earliest=max(rules.programme_opens_on, permit_held_from),
        latest=min(passport_expires, permit_last_day),
        permit_held_from=permit_held_from,
        permit_last_day=permit_last_day,
        passport_last_day=passport_expires,
    )


def assess(
    permit_issued: date, permit_expires: date, passport_expires: date, on: date
) -> tuple[Window, Status]:
    """The window and the status on `on`, without the sentences (fast path for batches).

    The dates must already be valid (see `validate`).
    """
    found = window(permit_issued, permit_expires, passport_expires, load_rules())
    if found.is_empty:
        return found, Status.NO_WINDOW
    if on < found.earliest:
        return found, Status.NOT_YET
    if on > found.latest:
        return found, Status.TOO_LATE
    return found, Status.ELIGIBLE


def headline(found: Window, status: Status, on: date, lang: str) -> str:
    """One plain sentence saying what the status means and what to do."""
    days = load_rules().min_days_remaining_exclusive
    if status is Status.TOO_LATE:
        message_id = f"headline.too_late.{found.closing_limits_before(on)}"
    elif status is Status.NO_WINDOW:
        message_id = f"headline.no_window.{found.closing_limits_before(found.earliest)}"
    else:
        message_id = f"headline.{status.value}"
    return render(message_id, lang, on=on, earliest=found.earliest, latest=found.latest, days=days)


def normalise_category(category: str | None) -> str:
    """The category as `rules.toml` spells it (`a` -> `A`; empty -> the default).

    Raises UnknownCategory for anything else.
    """
    notes = load_rules().category
    cleaned = (category or "").strip()
    if not cleaned:
        return notes.default_category
    for known in notes.categories:
        if cleaned.casefold() == known.casefold():
            return known
    raise UnknownCategory("category", value=cleaned[:20], choices=", ".join(notes.categories))


def validate(
    *,
    permit_issued: date,
    permit_expires: date,
    passport_expires: date,
    on: date,
) -> list[InvalidInput]:
    """Every problem with these dates, in field order (years in range, expiry after issue)."""
    errors: list[InvalidInput] = []
    values = {
        "permit_issued": permit_issued,
        "permit_expires": permit_expires,
        "passport_expires": passport_expires,
        "on": on,
    }
    for field, value in values.items():
        try:
            check_year(value, field=field)
        except InvalidInput as error:
            errors.append(error)
    order_error = permit_order_error(permit_issued, permit_expires)
    if order_error is not None:
        errors.append(order_error)
        errors.sort(key=lambda error: FIELD_ORDER.index(error.field))
    return errors


def permit_order_error(permit_issued: date, permit_expires: date) -> InvalidInput | None:
    """The error for a work permit that expires before it was issued (on permit_expires)."""
    if permit_expires < permit_issued:
        return PermitExpiresBeforeIssue(
            "permit_expires", expires=permit_expires, issued=permit_issued
        )
    return None


def _as_date(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


def _rule_results(
    permit_issued: date, found: Window, on: date, rules: RuleData, lang: str, permit_expires: date
) -> tuple[RuleResult, ...]:
    held_days = rules.min_days_since_permit_issued
    remaining_days = rules.min_days_remaining_exclusive
    outcomes: tuple[tuple[str, bool, date, dict[str, int]], ...] = (
        ("programme_open", on >= rules.programme_opens_on, rules.programme_opens_on, {}),
        (
            "permit_held_two_weeks",
            (on - permit_issued).days >= held_days,
            found.permit_held_from,
            {"days": held_days},
        ),
        ("passport_valid", on <= found.passport_last_day, found.passport_last_day, {}),
        (
            "permit_valid_over_90_days",
            (permit_expires - on).days > remaining_days,
            found.permit_last_day,
            {"days": remaining_days},
        ),
    )
    return tuple(
        RuleResult(
            id=rule_id,
            passed=passed,
            date=day,
            message=render(
                f"rule.{rule_id}.{'passed' if passed else 'failed'}", lang, date=day, **params
            ),
        )
        for rule_id, passed, day, params in outcomes
    )


def check(
    *,
    permit_issued: date,
    permit_expires: date,
    passport_expires: date,
    on: date | None = None,
    category: str = "unknown",
    lang: str = "en",
) -> CheckResult:
    """Can this person apply on `on` (default: today in Hangzhou), and when can they?

    Raises an `InvalidInput` (a ValueError naming the field) for a year outside 1900-2200,
    a work permit that expires before it was issued, an unknown category or language;
    when several are wrong, the first in form order.
    """
    rules = load_rules()
    permit_issued = _as_date(permit_issued)
    permit_expires = _as_date(permit_expires)
    passport_expires = _as_date(passport_expires)
    on = today_in_hangzhou() if on is None else _as_date(on)
    errors = validate(
        permit_issued=permit_issued,
        permit_expires=permit_expires,
        passport_expires=passport_expires,
        on=on,
    )
    if errors:
        raise errors[0]
    category = normalise_category(category)
    lang = check_lang(lang)

    found, status = assess(permit_issued, permit_expires, passport_expires, on)
    return CheckResult(
        status=status,
        on=on,
        earliest=found.earliest,
        latest=found.latest,
        rules=_rule_results(permit_issued, found, on, rules, lang, permit_expires),
        notes=notes_for(category, lang),
        rules_version=rules.rules_version,
        headline=headline(found, status, on, lang),
        category=category,
        lang=lang,
    )
