"""The rule data of `checker/rules.toml`, read once into typed, frozen objects.

Every number the engine uses (the programme's first day, the two-week wait, the 90 days that
must remain on the work permit, the identity-change delay) comes from `rules.toml`; nothing
here repeats one by hand, nor names one: each rule's numbers and dates are read generically,
as `Value`s keyed by the day each takes effect, and `Rule.values_on(day)` gives those in force
on a day. The file is read by `checker.package_files` (standard library only: the TOML, or
the JSON form the browser's wheel carries), so it works the same in CPython and in Pyodide.

The engine's records are `NamedTuple`s, not dataclasses, where they need no cache: Pyodide
compiles the methods of each dataclass as the module is imported (1.5-5 ms each on one full
core), a `NamedTuple` almost nothing (about 0.3 ms). The 15 records on the checker's start
path cost about 40 ms of every browser start as dataclasses.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

from checker.package_files import read_data

__all__ = [
    "CategoryNote",
    "DatedValue",
    "IdentityChangeProcedure",
    "PolicyCurrencyNote",
    "Rule",
    "RuleData",
    "RuleValues",
    "Source",
    "Value",
    "is_dated_table",
    "load_rules",
    "raw_value_in_force",
]


class Source(NamedTuple):
    """A public source a rule or note rests on."""

    key: str
    title: str
    publisher: str
    url: str
    published: date | None
    retrieved: date
    supports: str
    written_in: str | None  # "en" or "zh" where the source's address or title says; else None


class DatedValue(NamedTuple):
    """One value of a rule's number or date, in force from `since` until the next one's day."""

    since: date
    value: int | date
    source: Source


class Value(NamedTuple):
    """One number or date of a rule, as it changed over time (oldest first, never empty)."""

    name: str
    history: tuple[DatedValue, ...]

    def in_force_on(self, day: date) -> DatedValue:
        """The value in force on `day`: the last to take effect on or before it (a day before
        the first takes the first: the rules are known from their first day on)."""
        position = bisect.bisect_right([dated.since for dated in self.history], day)
        return self.history[max(position - 1, 0)]


class RuleValues(Mapping[str, int | date]):
    """A rule's values in force on one day, by name, read with the type the rule needs."""

    __slots__ = ("_rule", "_values")

    def __init__(self, rule: str, values: dict[str, int | date]) -> None:
        self._rule = rule
        self._values = values

    def __getitem__(self, name: str) -> int | date:
        return self._values[name]

    def __iter__(self) -> Any:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def days(self, name: str) -> int:
        """The value `name` as a count of days (a KeyError or TypeError names the rule)."""
        found = self._values[name]
        if isinstance(found, date) or not isinstance(found, int):
            raise TypeError(f"{self._rule}.{name} is not a number of days: {found!r}")
        return found

    def day(self, name: str) -> date:
        """The value `name` as a date (a KeyError or TypeError names the rule)."""
        found = self._values[name]
        if not isinstance(found, date):
            raise TypeError(f"{self._rule}.{name} is not a date: {found!r}")
        return found


@dataclass(frozen=True, slots=True)
class Rule:
    """One eligibility rule: its source, the source's own wording, and its dated values.

    The reading the checker takes is in the message catalogue (`rule.ID.reading`), not here.
    """

    id: str
    source: Source
    also_sources: tuple[Source, ...]
    wording: str
    values: tuple[Value, ...]
    changes: tuple[date, ...]  # every day one of its values takes effect, in order
    _by_period: dict[date, RuleValues] = field(default_factory=dict, compare=False, repr=False)

    def values_on(self, day: date) -> RuleValues:
        """This rule's values in force on `day` (worked out once per period: a batch asks
        for them on every row)."""
        changes = self.changes
        position = bisect.bisect_right(changes, day)
        period = changes[max(position - 1, 0)] if changes else date.min
        found = self._by_period.get(period)
        if found is None:
            found = RuleValues(
                self.id, {value.name: value.in_force_on(day).value for value in self.values}
            )
            self._by_period[period] = found
        return found


class CategoryNote(NamedTuple):
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


class PolicyCurrencyNote(NamedTuple):
    """The rules date from 2018; work-permit data moved onto the social security card later."""

    rules_published: date
    work_permit_on_social_security_card_since: date
    notice: str
    source: Source


class IdentityChangeProcedure(NamedTuple):
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
    rules: tuple[Rule, ...]  # in the order the engine reports them
    category: CategoryNote
    policy_currency: PolicyCurrencyNote
    identity_change: IdentityChangeProcedure
    sources: tuple[Source, ...]
    _changes: list[date] = field(default_factory=list, compare=False, repr=False)
    _by_period: dict[date, tuple[RuleValues, ...]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def accepts_year(self, year: int) -> bool:
        """Whether a date in `year` is accepted (`min_year` to `max_year`, both included)."""
        return self.min_year <= year <= self.max_year

    def rule(self, rule_id: str) -> Rule:
        """The rule `rule_id` (a KeyError names an unknown one)."""
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(f"no rule {rule_id!r} in rules.toml")

    def values_on(self, day: date) -> tuple[RuleValues, ...]:
        """Every rule's values in force on `day`, in the order of `rules` (worked out once
        per period between two changes: a batch asks on every row)."""
        changes = self._changes
        if not changes:
            changes = self._changes[:] = sorted(
                {since for rule in self.rules for since in rule.changes}
            )
        position = bisect.bisect_right(changes, day) if len(changes) > 1 else 1
        period = changes[max(position - 1, 0)] if changes else date.min
        found = self._by_period.get(period)
        if found is None:
            found = self._by_period[period] = tuple([rule.values_on(day) for rule in self.rules])
        return found


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
        written_in=_language(key, raw.get("written_in")),
    )


SOURCE_LANGUAGES = ("en", "zh")


def _language(key: str, raw: object) -> str | None:
    if raw is None:
        return None
    if isinstance(raw, str) and raw in SOURCE_LANGUAGES:
        return raw
    raise KeyError(f"sources.{key}.written_in: {raw!r} is not one of {', '.join(SOURCE_LANGUAGES)}")


def is_dated_table(raw: object) -> bool:
    """Whether `raw` (parsed TOML) is a rule's dated table: each key a day, each entry a value."""
    if not isinstance(raw, Mapping) or not raw:
        return False
    for since, entry in raw.items():
        try:
            date.fromisoformat(since)
        except (TypeError, ValueError):
            return False
        if not isinstance(entry, Mapping) or "value" not in entry:
            return False
    return True


def raw_value_in_force(raw: Mapping[str, Mapping[str, Any]], day: date) -> Any:
    """The value in force on `day` in a dated table as parsed from the TOML (for readers of
    the file itself, such as the guide's pages), by the same rule as `Value.in_force_on`."""
    history = sorted((date.fromisoformat(since), entry["value"]) for since, entry in raw.items())
    position = bisect.bisect_right([since for since, _ in history], day)
    return history[max(position - 1, 0)][1]


def _value(rule_id: str, name: str, raw: dict[str, Any], sources: dict[str, Source]) -> Value:
    """A rule's dated table (`2018-08-20 = { value = 14, source = "article" }`), oldest first."""
    history = []
    for since, entry in raw.items():
        try:
            day = date.fromisoformat(since)
        except ValueError:
            raise KeyError(
                f"{rule_id}.{name}: {since!r} is not the day a value takes effect"
            ) from None
        value = entry["value"]
        if not isinstance(value, int | date) or isinstance(value, bool):
            raise KeyError(f"{rule_id}.{name} from {since}: {value!r} is not a number or a date")
        history.append(DatedValue(since=day, value=value, source=sources[entry["source"]]))
    if not history:
        raise KeyError(f"{rule_id}.{name} has no value")
    return Value(name=name, history=tuple(sorted(history, key=lambda dated: dated.since)))


def _rule(rule_id: str, raw: dict[str, Any], sources: dict[str, Source]) -> Rule:
    """A rule: its source and wording, and every table in it as one of its dated values."""
    values = tuple(
        _value(rule_id, name, table, sources)
        for name, table in raw.items()
        if isinstance(table, dict)
    )
    return Rule(
        id=rule_id,
        source=sources[raw["source"]],
        also_sources=tuple(sources[key] for key in raw.get("also_source", [])),
        wording=str(raw["wording"]),
        values=values,
        changes=tuple(sorted({dated.since for value in values for dated in value.history})),
    )


def parse_rule_data(raw: dict[str, Any]) -> RuleData:
    """Type the parsed TOML; a missing key or an unknown source fails loudly (KeyError)."""
    sources = {key: _source(key, value) for key, value in raw["sources"].items()}
    # In the file's order, the order the engine reports them.
    rules = tuple(_rule(rule_id, rule, sources) for rule_id, rule in raw["rules"].items())
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
    return parse_rule_data(read_data("rules"))
