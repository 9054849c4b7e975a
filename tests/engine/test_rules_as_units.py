"""A rule is one unit: its numbers in one generic, dated table (rules.toml), its statement
(checker/engine.py), its words (messages.toml) and nothing else; the headline names the
rules that closed the window; the values are those in force on the application date."""

from __future__ import annotations

import copy
import tomllib
from datetime import date, timedelta
from typing import Any

import pytest

from checker import Status, check
from checker.engine import (
    HEADLINES,
    RULES,
    Limit,
    RuleStatement,
    RuleWords,
    closed_by,
    headline_ids,
)
from checker.messages import catalogue
from checker.rules import RuleData, load_rules, parse_rule_data
from tests import ROOT

RAW = tomllib.loads((ROOT / "checker" / "rules.toml").read_text("utf-8"))


def with_value(rule_id: str, name: str, since: date, value: int | date) -> RuleData:
    """The rule data with one more dated value, as an editor would add a later one."""
    raw: dict[str, Any] = copy.deepcopy(RAW)
    raw["rules"][rule_id][name][since.isoformat()] = {"value": value, "source": "article"}
    return parse_rule_data(raw)


# --- one generic table --------------------------------------------------------------------


def test_the_rule_data_has_no_field_named_for_one_rules_number() -> None:
    fields = set(RuleData.__dataclass_fields__)
    for rule in RAW["rules"].values():
        for name, table in rule.items():
            if isinstance(table, dict):
                assert name not in fields, f"{name} is read generically, not as a named field"


def test_every_number_and_date_of_a_rule_says_from_when_and_on_what_source() -> None:
    for rule in load_rules().rules:
        for value in rule.values:
            assert value.history, f"{rule.id}.{value.name} has no value"
            for dated in value.history:
                assert dated.since >= date(2018, 8, 20), f"{rule.id}.{value.name}"
                assert dated.source.url.startswith("http"), f"{rule.id}.{value.name}"


def test_the_sources_give_values_from_20_august_2018_only() -> None:
    # No source gives new conditions from the December 2024 change: nothing is invented.
    days = {dated.since for rule in load_rules().rules for v in rule.values for dated in v.history}
    assert days == {date(2018, 8, 20)}


def test_each_rules_reading_is_written_once_in_the_message_catalogue() -> None:
    for rule_id, rule in RAW["rules"].items():
        assert "reading" not in rule, f"{rule_id}: the reading belongs in messages.toml"
        assert f"rule.{rule_id}.reading" in catalogue()


# --- the headline names the rules that closed the window ----------------------------------


def _closing_limits(days: dict[str, date]) -> list[Limit]:
    return [Limit(rule, days[rule.id]) for rule in RULES if rule.sets == "latest"]


def test_a_passport_that_ran_out_is_named_alone_in_the_headline() -> None:
    day = date(2027, 2, 1)
    limits = _closing_limits(
        {"passport_valid": day - timedelta(days=1), "permit_valid_over_90_days": day}
    )
    assert closed_by(limits, day) == "passport_valid"


def test_both_closing_rules_are_named_when_both_fell_before_the_day() -> None:
    day = date(2027, 2, 1)
    before = day - timedelta(days=1)
    limits = _closing_limits({"passport_valid": before, "permit_valid_over_90_days": before})
    assert closed_by(limits, day) == "passport_valid+permit_valid_over_90_days"


THIRD = RuleStatement(
    id="insurance_valid",  # hypothetical: no source has such a rule
    sets="latest",
    for_everyone=False,
    limit=lambda person, values: person.passport_expires,
    days=lambda values: 0,
    words=RuleWords(
        title="rule.insurance_valid.title",
        reading="rule.insurance_valid.reading",
        passed="rule.insurance_valid.passed",
        failed="rule.insurance_valid.failed",
    ),
    closed=lambda day, apply_on, values: {"insurance_until": day},
)


def test_a_third_closing_rule_names_itself_in_the_headline_not_the_permit() -> None:
    day = date(2027, 2, 1)
    limits = [
        *_closing_limits({"passport_valid": day, "permit_valid_over_90_days": day}),
        Limit(THIRD, day - timedelta(days=1)),
    ]
    assert closed_by(limits, day) == "insurance_valid"
    ids = headline_ids((*RULES, THIRD))
    assert ids[Status.TOO_LATE, "insurance_valid"] == "headline.too_late.insurance_valid"
    assert ids[Status.NO_WINDOW, "passport_valid+insurance_valid"] == (
        "headline.no_window.passport_valid+insurance_valid"
    )


def test_a_third_closing_rule_needs_a_headline_for_every_set_of_rules_it_closes_with() -> None:
    ids = headline_ids((*RULES, THIRD))
    closing_sets = {closed for status, closed in ids if status is Status.TOO_LATE}
    assert len(closing_sets) == 2**3 - 1  # every non-empty set of the three closing rules


def test_every_headline_the_engine_can_choose_has_words() -> None:
    for message_id in HEADLINES.values():
        assert message_id in catalogue(), message_id


def test_a_third_rule_that_opens_the_window_adds_no_headline() -> None:
    opening = THIRD._replace(id="registered_address", sets="earliest", closed=None)
    assert headline_ids((*RULES, opening)) == HEADLINES


# --- values in force on the application date ----------------------------------------------

PERSON = {
    "permit_issued": date(2030, 3, 1),
    "permit_expires": date(2033, 3, 1),
    "passport_expires": date(2040, 1, 1),
}
CHANGE = date(2030, 3, 10)  # hypothetical: a later value, to prove the mechanism


def test_a_value_takes_effect_on_its_day_and_not_the_day_before() -> None:
    rules = with_value("permit_held_two_weeks", "min_days_since_permit_issued", CHANGE, 21)
    rule = rules.rule("permit_held_two_weeks")
    before = rule.values_on(CHANGE - timedelta(days=1))
    assert before.days("min_days_since_permit_issued") == 14
    assert rule.values_on(CHANGE).days("min_days_since_permit_issued") == 21
    assert rule.values_on(date(2040, 1, 1)).days("min_days_since_permit_issued") == 21


def test_a_day_before_the_first_value_takes_the_first() -> None:
    rule = load_rules().rule("permit_held_two_weeks")
    assert rule.values_on(date(2017, 1, 1)).days("min_days_since_permit_issued") == 14


@pytest.mark.parametrize(
    ("on", "earliest"),
    [
        # Before the change, the 2018 two weeks: 1 March + 14 days.
        (CHANGE - timedelta(days=1), date(2030, 3, 15)),
        # From the change on, the hypothetical three weeks: 1 March + 21 days.
        (CHANGE, date(2030, 3, 22)),
    ],
)
def test_the_answer_uses_the_values_in_force_on_the_application_date(
    monkeypatch: pytest.MonkeyPatch, on: date, earliest: date
) -> None:
    rules = with_value("permit_held_two_weeks", "min_days_since_permit_issued", CHANGE, 21)
    monkeypatch.setattr("checker.engine.load_rules", lambda: rules)
    result = check(**PERSON, on=on, category="A")
    assert result.earliest == earliest
    held = next(rule for rule in result.rules if rule.id == "permit_held_two_weeks")
    assert held.date == earliest
    assert result.rules_version == load_rules().rules_version


def test_the_headline_counts_the_days_in_force_on_the_application_date(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rules = with_value("permit_valid_over_90_days", "min_days_remaining_exclusive", CHANGE, 120)
    monkeypatch.setattr("checker.engine.load_rules", lambda: rules)
    # 100 days left: enough before the change (more than 90), not after it (120 needed).
    person = {**PERSON, "permit_issued": date(2029, 1, 1)}
    before = check(
        **{**person, "permit_expires": CHANGE - timedelta(days=1) + timedelta(days=100)},
        on=CHANGE - timedelta(days=1),
        category="A",
    )
    after = check(
        **{**person, "permit_expires": CHANGE + timedelta(days=100)}, on=CHANGE, category="A"
    )
    assert before.status is Status.ELIGIBLE
    assert after.status is Status.TOO_LATE
    assert "120 days or fewer" in after.headline


def test_today_every_answer_uses_the_2018_values() -> None:
    result = check(**PERSON, on=date(2030, 3, 15), category="A")
    assert result.status is Status.ELIGIBLE
    assert result.earliest == date(2030, 3, 15)
    assert result.latest == date(2033, 3, 1) - timedelta(days=91)
