"""The rule data of `checker/rules.toml`, read once into typed, frozen objects.

Every number the engine uses (the programme's first day, the two-week wait, the 90 days that
must remain on the work permit, the identity-change delay) comes from `rules.toml`; nothing
here repeats one by hand. The file is read with the standard library only
(`importlib.resources` + `tomllib`), so it works the same in CPython and in Pyodide.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from datetime import date
from importlib import resources
from typing import Any

__all__ = [
    "CategoryNote",
    "IdentityChangeProcedure",
    "PolicyCurrencyNote",
    "Rule",
    "RuleData",
    "Source",
    "load_rules",
]


@dataclass(frozen=True, slots=True)
class Source:
    """A public source a rule or note rests on."""

    key: str
    title: str
    publisher: str
    url: str
    published: date | None
    retrieved: date
    supports: str


@dataclass(frozen=True, slots=True)
class Rule:
    """One eligibility rule: its source, the source's own wording, and the reading taken."""

    id: str
    source: Source
    also_sources: tuple[Source, ...]
    wording: str
    reading: str


@dataclass(frozen=True, slots=True)
class CategoryNote:
    """Permit categories: the sources describe the card for the confirmed ones only.

    A reader whose category is not confirmed must confirm `confirm` (the answer's `confirm`
    list names it) before going.
    """

    categories: tuple[str, ...]
    confirmed_categories: tuple[str, ...]
    default_category: str
    confirm: str
    source: Source

    def to_confirm(self, category: str) -> tuple[str, ...]:
        """What a reader of `category` must confirm first: `()` for a confirmed category."""
        return () if category in self.confirmed_categories else (self.confirm,)


@dataclass(frozen=True, slots=True)
class PolicyCurrencyNote:
    """The rules date from 2018; work-permit data moved onto the social security card later."""

    rules_published: date
    work_permit_on_social_security_card_since: date
    notice: str
    source: Source


@dataclass(frozen=True, slots=True)
class IdentityChangeProcedure:
    """After a changed passport name or number: the bureau updates, then the card company."""

    approx_days_to_reach_card_company: int
    bureau_address_2018: str
    bureau_address_as_of: date
    source: Source


@dataclass(frozen=True, slots=True)
class RuleData:
    """Everything in `rules.toml`, typed."""

    rules_version: str
    last_verified: date
    hangzhou_utc_offset_hours: int
    days_left_shown_within: int  # days: "N days left" and the staff list's "soon"
    min_year: int
    max_year: int
    browser_max_rows: int  # the staff-list page's limit; the CLI has none
    browser_max_megabytes: int  # the largest file the staff-list page reads
    max_cells_per_row: int  # in any staff list, page and command line
    max_cell_characters: int
    # The four rules' numbers, named for what they are.
    programme_opens_on: date
    min_days_since_permit_issued: int
    min_days_remaining_exclusive: int
    rules: tuple[Rule, ...]
    category: CategoryNote
    policy_currency: PolicyCurrencyNote
    identity_change: IdentityChangeProcedure
    sources: tuple[Source, ...]

    def accepts_year(self, year: int) -> bool:
        """Whether a date in `year` is accepted (`min_year` to `max_year`, both included)."""
        return self.min_year <= year <= self.max_year


def _source(key: str, raw: dict[str, Any]) -> Source:
    published = raw.get("published")
    return Source(
        key=key,
        title=str(raw["title"]),
        publisher=str(raw.get("publisher", "")),
        url=str(raw["url"]),
        published=published if isinstance(published, date) else None,
        retrieved=raw["retrieved"],
        supports=str(raw.get("supports", "")),
    )


def parse_rule_data(raw: dict[str, Any]) -> RuleData:
    """Type the parsed TOML; a missing key or an unknown source fails loudly (KeyError)."""
    sources = {key: _source(key, value) for key, value in raw["sources"].items()}
    rules_raw = raw["rules"]
    rules = tuple(
        Rule(
            id=rule_id,
            source=sources[rules_raw[rule_id]["source"]],
            also_sources=tuple(sources[k] for k in rules_raw[rule_id].get("also_source", [])),
            wording=str(rules_raw[rule_id]["wording"]),
            reading=str(rules_raw[rule_id]["reading"]),
        )
        for rule_id in rules_raw  # in the file's order, the order the engine reports them
    )
    category = raw["notes"]["category"]
    policy = raw["notes"]["policy_currency"]
    change = raw["procedures"]["identity_change"]
    return RuleData(
        rules_version=str(raw["rules_version"]),
        last_verified=raw["last_verified"],
        hangzhou_utc_offset_hours=int(raw["hangzhou_utc_offset_hours"]),
        days_left_shown_within=int(raw["days_left_shown_within"]),
        min_year=int(raw["input"]["min_year"]),
        max_year=int(raw["input"]["max_year"]),
        browser_max_rows=int(raw["input"]["browser_max_rows"]),
        browser_max_megabytes=int(raw["input"]["browser_max_megabytes"]),
        max_cells_per_row=int(raw["input"]["max_cells_per_row"]),
        max_cell_characters=int(raw["input"]["max_cell_characters"]),
        programme_opens_on=rules_raw["programme_open"]["opens_on"],
        min_days_since_permit_issued=int(
            rules_raw["permit_held_two_weeks"]["min_days_since_permit_issued"]
        ),
        min_days_remaining_exclusive=int(
            rules_raw["permit_valid_over_90_days"]["min_days_remaining_exclusive"]
        ),
        rules=rules,
        category=CategoryNote(
            categories=tuple(category["categories"]),
            confirmed_categories=tuple(category["confirmed_categories"]),
            default_category=str(category["default_category"]),
            confirm=str(category["confirm"]),
            source=sources[category["source"]],
        ),
        policy_currency=PolicyCurrencyNote(
            rules_published=policy["rules_published"],
            work_permit_on_social_security_card_since=policy[
                "work_permit_on_social_security_card_since"
            ],
            notice=str(policy["notice"]),
            source=sources[policy["source"]],
        ),
        identity_change=IdentityChangeProcedure(
            approx_days_to_reach_card_company=int(change["approx_days_to_reach_card_company"]),
            bureau_address_2018=str(change["bureau_address_2018"]),
            bureau_address_as_of=change["bureau_address_as_of"],
            source=sources[change["source"]],
        ),
        sources=tuple(sources.values()),
    )


@functools.cache
def load_rules() -> RuleData:
    """The package's `rules.toml`, read and typed once per process."""
    text = resources.files("checker").joinpath("rules.toml").read_text(encoding="utf-8")
    return parse_rule_data(tomllib.loads(text))
