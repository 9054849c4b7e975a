"""The worked cases: questions people ask, and the answer the checker gives.

The table is checker/cases/worked_cases.toml (the guide renders it too). Every rule's
boundary is covered on the day before, the day of and the day after (a test below proves
the table keeps covering them).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, ClassVar

import pytest

from checker import Status, check
from checker.messages import render
from checker.rules import load_rules
from tests.engine.helpers import case_category, case_dates, worked_cases

CASES = worked_cases()


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_worked_case(case: dict[str, Any]) -> None:
    result = check(**case_dates(case), category=case_category(case))
    assert result.status == case["status"]
    assert result.earliest == case["earliest"]
    assert result.latest == case["latest"]
    assert [note.id for note in result.notes] == case["notes"]


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_worked_case_is_eligible_exactly_when_every_rule_passes(case: dict[str, Any]) -> None:
    result = check(**case_dates(case), category=case_category(case))
    assert result.eligible == all(rule.passed for rule in result.rules)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_worked_case_gives_the_same_answer_in_both_languages(
    case: dict[str, Any], lang: str
) -> None:
    english = check(**case_dates(case), category=case_category(case), lang="en").to_dict()
    answer = check(**case_dates(case), category=case_category(case), lang=lang).to_dict()
    assert _without_messages(answer) == _without_messages(english)


def _without_messages(answer: dict[str, Any]) -> dict[str, Any]:
    return {
        **answer,
        "rules": [{k: v for k, v in r.items() if k != "message"} for r in answer["rules"]],
        "notes": [note["id"] for note in answer["notes"]],
    }


def test_worked_cases_have_unique_ids_and_both_questions() -> None:
    ids = [case["id"] for case in CASES]
    assert len(ids) == len(set(ids))
    for case in CASES:
        assert case["question"].strip(), case["id"]
        assert case["question_zh"].strip(), case["id"]


def test_worked_cases_cover_every_status() -> None:
    assert {case["status"] for case in CASES} == {status.value for status in Status}


def test_worked_cases_cover_every_category() -> None:
    assert {case_category(case) for case in CASES} == set(load_rules().category.categories)


def _boundary(rule_id: str, case: dict[str, Any]) -> date:
    """The day on which `rule_id` opens (first passing day) or closes (last passing day)."""
    result = check(**case_dates(case), category=case_category(case))
    return next(rule.date for rule in result.rules if rule.id == rule_id)


@pytest.mark.parametrize("rule_id", [rule.id for rule in load_rules().rules])
@pytest.mark.parametrize("offset", [-1, 0, 1], ids=["day_before", "day_of", "day_after"])
def test_worked_cases_cover_each_rule_boundary(rule_id: str, offset: int) -> None:
    covered = [
        case["id"]
        for case in CASES
        if case["on"] == _boundary(rule_id, case) + timedelta(days=offset)
        # the boundary must decide the case: the other rules pass on that day
        and all(
            rule.passed
            for rule in check(**case_dates(case), category=case_category(case)).rules
            if rule.id != rule_id
        )
    ]
    assert covered, f"no worked case on {rule_id}'s boundary {offset:+d} day(s)"


class TestTheRulesOnTheirBoundaries:
    """Each rule alone, read as facts.md says (calendar days, expiry day included...)."""

    BASE: ClassVar[dict[str, date]] = {
        "permit_issued": date(2026, 1, 5),
        "permit_expires": date(2029, 3, 1),
        "passport_expires": date(2030, 1, 1),
    }

    def rule(self, rule_id: str, on: date, **dates: date) -> bool:
        result = check(**{**self.BASE, **dates}, on=on)
        return next(rule.passed for rule in result.rules if rule.id == rule_id)

    def test_fourteen_calendar_days_after_issue_is_enough(self) -> None:
        issued = self.BASE["permit_issued"]
        rule = load_rules().rule("permit_held_two_weeks")
        days = rule.values_on(issued).days("min_days_since_permit_issued")
        assert not self.rule("permit_held_two_weeks", issued + timedelta(days=days - 1))
        assert self.rule("permit_held_two_weeks", issued + timedelta(days=days))

    def test_passport_is_valid_on_its_expiry_day_and_not_after(self) -> None:
        expires = self.BASE["passport_expires"]
        assert self.rule("passport_valid", expires)
        assert not self.rule("passport_valid", expires + timedelta(days=1))

    def test_exactly_ninety_days_left_is_not_more_than_ninety(self) -> None:
        expires = self.BASE["permit_expires"]
        rule = load_rules().rule("permit_valid_over_90_days")
        days = rule.values_on(expires).days("min_days_remaining_exclusive")
        assert self.rule("permit_valid_over_90_days", expires - timedelta(days=days + 1))
        assert not self.rule("permit_valid_over_90_days", expires - timedelta(days=days))

    def test_nobody_applies_before_the_programme_opened(self) -> None:
        opens = load_rules().rule("programme_open").values_on(date(2018, 8, 20)).day("opens_on")
        early = {"permit_issued": date(2017, 1, 1)}
        assert not self.rule("programme_open", opens - timedelta(days=1), **early)
        assert self.rule("programme_open", opens, **early)


def test_the_ninety_day_rule_says_it_takes_the_stricter_reading() -> None:
    base = TestTheRulesOnTheirBoundaries.BASE
    for on in (date(2027, 1, 1), date(2029, 1, 1)):  # one passing, one failing
        for lang, word in (("en", "strictly"), ("zh", "严格")):
            result = check(**base, on=on, lang=lang)
            assert word in result.rules[-1].message


def test_every_rule_result_says_what_to_do_and_names_its_date() -> None:
    result = check(
        permit_issued=date(2026, 11, 12),
        permit_expires=date(2027, 2, 15),
        passport_expires=date(2026, 11, 20),
        on=date(2026, 11, 25),  # every rule but the programme's opening fails
    )
    failing = {rule.id: rule.message for rule in result.rules if not rule.passed}
    assert "wait until Thursday 26 November 2026" in failing["permit_held_two_weeks"]
    assert "renew your passport" in failing["passport_valid"]
    assert "Extend your work permit" in failing["permit_valid_over_90_days"]


@pytest.mark.parametrize(
    ("passport_expires", "permit_expires", "expected"),
    [
        (date(2027, 3, 2), date(2029, 3, 1), "Renew your passport"),
        (date(2030, 1, 1), date(2027, 6, 1), "extend your work permit so that it runs until"),
        (date(2027, 3, 2), date(2027, 6, 1), "Renew your passport, and extend your work permit"),
    ],
    ids=["passport", "permit", "both"],
)
def test_too_late_headline_names_what_ran_out(
    passport_expires: date, permit_expires: date, expected: str
) -> None:
    result = check(
        permit_issued=date(2026, 1, 5),
        permit_expires=permit_expires,
        passport_expires=passport_expires,
        on=date(2027, 6, 1),
    )
    assert result.status is Status.TOO_LATE
    assert expected in result.headline


def test_the_result_is_exactly_the_cli_json_object() -> None:
    answer = check(**case_dates(CASES[0]), category=case_category(CASES[0])).to_dict()
    assert list(answer) == [
        "status",
        "on",
        "earliest",
        "latest",
        "rules",
        "notes",
        "rules_version",
        "confirm",
        "days_left",
        "earliest_working_day",
        "latest_working_day",
        "act_by",
        "days_to_act",
    ]
    assert [set(rule) for rule in answer["rules"]] == [
        {"id", "passed", "date", "sets", "message"}
    ] * 4
    assert all(set(note) == {"id", "message"} for note in answer["notes"])
    assert answer["rules_version"] == load_rules().rules_version


def test_the_rules_are_reported_in_the_order_of_the_rule_data() -> None:
    result = check(**case_dates(CASES[0]))
    assert [rule.id for rule in result.rules] == [rule.id for rule in load_rules().rules]


def test_every_rule_cites_a_source_with_an_address() -> None:
    for rule in load_rules().rules:
        assert rule.source.url.startswith(("http://", "https://")), rule.id
        assert rule.wording, rule.id
        assert render(f"rule.{rule.id}.reading", "en"), rule.id


def test_without_a_date_the_check_is_for_today_in_hangzhou(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("checker.engine.today_in_hangzhou", lambda: date(2026, 11, 26))
    result = check(
        permit_issued=date(2026, 11, 12),
        permit_expires=date(2028, 11, 11),
        passport_expires=date(2030, 1, 1),
    )
    assert result.on == date(2026, 11, 26)
    assert result.status is Status.ELIGIBLE


def test_each_rule_says_which_end_of_the_window_its_date_sets() -> None:
    answer = check(**case_dates(CASES[0]), category=case_category(CASES[0])).to_dict()
    ends = {rule["id"]: rule["sets"] for rule in answer["rules"]}
    assert ends == {
        "programme_open": "earliest",
        "permit_held_two_weeks": "earliest",
        "passport_valid": "latest",
        "permit_valid_over_90_days": "latest",
    }
    openers = [rule["date"] for rule in answer["rules"] if rule["sets"] == "earliest"]
    closers = [rule["date"] for rule in answer["rules"] if rule["sets"] == "latest"]
    assert answer["earliest"] == max(openers)
    assert answer["latest"] == min(closers)
