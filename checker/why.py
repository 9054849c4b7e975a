"""The staff list's "Why" column: one short sentence per row for the HR officer reading the
list, about the person (never "you"), naming the rule that decides (the passport or the
work permit) and what to do, without repeating the dates the row's own columns show.

The sentence's id is built from the status and the rules that decide it, as the headlines'
are (`checker.engine.HEADLINES`): `batch.why.eligible.passport_valid` (the passport sets the
last day), `batch.why.not_yet.permit_held_two_weeks`, `batch.why.too_late.passport_valid`,
`batch.why.no_window.passport_valid+permit_valid_over_90_days`, ... A new rule brings its
own sentences in messages.toml; `why_ids` lists every id the engine can ask for.
"""

from __future__ import annotations

from datetime import date

from checker.engine import RULES, RuleStatement, Window, closed_by
from checker.messages import render
from checker.result import Status
from checker.rules import RuleData

PREFIX = "batch.why"


def _deciding(found: Window, status: Status, on: date) -> str:
    """The rules that decide the row, as its sentence's id names them."""
    if status is Status.ELIGIBLE:  # the rule whose day is the last day (the first if two)
        return next(
            limit.rule.id
            for limit in found.limits
            if limit.rule.sets == "latest" and limit.day == found.latest
        )
    if status is Status.NOT_YET:  # the rule whose day is the first day
        return next(
            limit.rule.id
            for limit in found.limits
            if limit.rule.sets == "earliest" and limit.day == found.earliest
        )
    apply_on = on if status is Status.TOO_LATE else found.earliest
    return closed_by(found.limits, apply_on)


def why(found: Window, status: Status, on: date, rules: RuleData, lang: str) -> str:
    """The row's sentence in `lang`, with each rule's number of days (`{held}` the days the
    permit must be held, `{left}` the days it must have left) from the rules in force."""
    days = {
        limit.rule.id: limit.rule.days(values)
        for limit, values in zip(found.limits, rules.values_on(on), strict=True)
    }
    return render(
        f"{PREFIX}.{status.value}.{_deciding(found, status, on)}",
        lang,
        held=days["permit_held_two_weeks"],
        left=days["permit_valid_over_90_days"],
    )


def why_ids(statements: tuple[RuleStatement, ...] = RULES) -> list[str]:
    """Every sentence id `why` can ask for: each opening rule for not yet, each closing rule
    for eligible, and every non-empty set of closing rules for too late and no window."""
    opening = [rule.id for rule in statements if rule.sets == "earliest"]
    closing = [rule.id for rule in statements if rule.sets == "latest"]
    sets = [
        "+".join(rule for bit, rule in enumerate(closing) if mask >> bit & 1)
        for mask in range(1, 2 ** len(closing))
    ]
    return [
        *(f"{PREFIX}.not_yet.{rule}" for rule in opening),
        *(f"{PREFIX}.eligible.{rule}" for rule in closing),
        *(f"{PREFIX}.{status}.{ids}" for status in ("too_late", "no_window") for ids in sets),
    ]
