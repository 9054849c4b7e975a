"""After a changed passport name or number: when to collect the new card, and the steps.

Source: the article (rules.toml `[procedures.identity_change]`). With the original valid
certificate, the Municipal Foreign Experts Bureau changes the identity information; the
data reaches the citizen card company in about two weeks; the new card is then collected
at a citizen card service outlet, and the old card stops working.

Limitation: the delay is approximate in the source, so `go_from` is "about" that day.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from checker.dates import check_year
from checker.errors import check_lang
from checker.messages import render
from checker.notes import policy_currency_note
from checker.result import Note
from checker.rules import load_rules

__all__ = ["IdentityChangeTimeline", "identity_change_timeline"]


class IdentityChangeTimeline(NamedTuple):
    """The day from which to go (approximate) and the steps, in order."""

    bureau_updated: date
    go_from: date
    approx_days: int
    headline: str
    steps: tuple[Note, ...]
    notes: tuple[Note, ...]
    rules_version: str

    def to_dict(self) -> dict[str, object]:
        """The object `python -m checker change --json` prints."""
        return {
            "bureau_updated": self.bureau_updated.isoformat(),
            "go_from": self.go_from.isoformat(),
            "approximate": True,
            "approx_days": self.approx_days,
            "headline": self.headline,
            "steps": [step.to_dict() for step in self.steps],
            "notes": [note.to_dict() for note in self.notes],
            "rules_version": self.rules_version,
        }


def identity_change_timeline(bureau_updated: date, *, lang: str = "en") -> IdentityChangeTimeline:
    """The timeline after the bureau updated a changed passport name or number."""
    rules = load_rules()
    check_year(bureau_updated, field="bureau_updated")
    lang = check_lang(lang)
    procedure = rules.identity_change
    days = procedure.approx_days_to_reach_card_company
    go_from = bureau_updated + timedelta(days=days)
    params: dict[str, object] = {
        "updated": bureau_updated,
        "go_from": go_from,
        "days": days,
        "address": procedure.bureau_address_2018,
        "as_of": procedure.bureau_address_as_of,
    }
    steps = tuple(
        Note(id=step, message=render(f"change.step.{step}", lang, **params))
        for step in ("bureau", "wait", "collect", "old_card")
    )
    notes = (policy_currency_note(lang),)
    return IdentityChangeTimeline(
        bureau_updated=bureau_updated,
        go_from=go_from,
        approx_days=days,
        headline=render("change.headline", lang, **params),
        steps=steps,
        notes=notes,
        rules_version=rules.rules_version,
    )
