"""What the answer tells a reader beyond the status: what to confirm first, how many days
are left, and on which working day to go. Asked as people ask, boundaries first; the same
fields through `check`, the CLI's `--json` and the browser's `check_json`."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import pytest

from checker import Status, check
from checker.cli import main
from checker.rules import load_rules
from checker.web import check_json

FAR_PERMIT_EXPIRY = date(2031, 1, 1)  # the permit never closes these windows


def answer_with_last_day(
    last_day: date, *, on: date | None = None, category: str = "A", lang: str = "en"
) -> Any:
    """A check whose window runs from 1 June 2026 to `last_day` (the passport's expiry)."""
    return check(
        permit_issued=date(2026, 5, 18),
        permit_expires=FAR_PERMIT_EXPIRY,
        passport_expires=last_day,
        on=on or date(2026, 6, 1),
        category=category,
        lang=lang,
    )


def answer_with_first_day(first_day: date) -> Any:
    """A check whose window opens on `first_day` (14 days after the permit's issue)."""
    return check(
        permit_issued=first_day - timedelta(days=14),
        permit_expires=FAR_PERMIT_EXPIRY,
        passport_expires=date(2030, 1, 1),
        on=first_day,
        category="A",
    )


class TestWhatMustIConfirmFirst:
    @pytest.mark.parametrize("category", ["B", "C", "unknown", "b", ""])
    def test_a_class_the_sources_do_not_describe_must_confirm_the_category(
        self, category: str
    ) -> None:
        assert answer_with_last_day(date(2027, 1, 1), category=category).confirm == ("category",)

    def test_a_class_a_holder_has_nothing_to_confirm(self) -> None:
        assert answer_with_last_day(date(2027, 1, 1), category="A").confirm == ()

    def test_what_to_confirm_comes_from_the_rule_data(self) -> None:
        notes = load_rules().category
        for category in notes.categories:
            expected = () if category in notes.confirmed_categories else (notes.confirm,)
            assert answer_with_last_day(date(2027, 1, 1), category=category).confirm == expected

    def test_confirming_does_not_change_the_status_hr_scripts_rely_on(self) -> None:
        result = answer_with_last_day(date(2027, 1, 1), category="B")
        assert result.status is Status.ELIGIBLE


class TestHowManyDaysAreLeft:
    def test_on_the_last_day_none_are_left_after_today(self) -> None:
        assert answer_with_last_day(date(2026, 6, 1)).days_left == 0

    def test_a_last_day_9_days_away_leaves_9_days(self) -> None:
        assert answer_with_last_day(date(2026, 6, 10)).days_left == 9

    def test_a_last_day_two_years_away_leaves_hundreds_of_days(self) -> None:
        assert answer_with_last_day(date(2028, 6, 1)).days_left == 731

    @pytest.mark.parametrize(
        ("on", "status"),
        [(date(2026, 5, 31), Status.NOT_YET), (date(2026, 6, 11), Status.TOO_LATE)],
    )
    def test_outside_the_window_there_is_no_count(self, on: date, status: Status) -> None:
        result = answer_with_last_day(date(2026, 6, 10), on=on)
        assert result.status is status
        assert result.days_left is None

    def test_with_no_window_there_is_no_count(self) -> None:
        result = answer_with_last_day(date(2026, 5, 31))
        assert result.status is Status.NO_WINDOW
        assert result.days_left is None


class TestOnWhichWorkingDayShouldIGo:
    @pytest.mark.parametrize(
        ("last_day", "last_working_day", "why"),
        [
            (date(2026, 12, 4), date(2026, 12, 4), "a Friday is a working day"),
            (date(2026, 12, 6), date(2026, 12, 4), "a Sunday: the Friday before"),
            (date(2026, 10, 5), date(2026, 9, 30), "a National Day holiday: before the break"),
            (date(2026, 10, 10), date(2026, 10, 10), "a make-up working Saturday is worked"),
            (date(2026, 10, 11), date(2026, 10, 10), "the Sunday after it: that Saturday"),
        ],
    )
    def test_the_last_working_day_on_or_before_the_last_day(
        self, last_day: date, last_working_day: date, why: str
    ) -> None:
        assert answer_with_last_day(last_day).latest_working_day == last_working_day, why

    @pytest.mark.parametrize(
        ("first_day", "first_working_day", "why"),
        [
            (date(2026, 12, 7), date(2026, 12, 7), "a Monday is a working day"),
            (date(2026, 12, 6), date(2026, 12, 7), "a Sunday: the Monday after"),
            (date(2026, 10, 5), date(2026, 10, 8), "a National Day holiday: after the break"),
            (date(2026, 10, 10), date(2026, 10, 10), "a make-up working Saturday is worked"),
        ],
    )
    def test_the_first_working_day_on_or_after_the_first_day(
        self, first_day: date, first_working_day: date, why: str
    ) -> None:
        assert answer_with_first_day(first_day).earliest_working_day == first_working_day, why

    def test_a_closed_window_still_names_its_working_days(self) -> None:
        result = answer_with_last_day(date(2026, 12, 6), on=date(2026, 12, 7))
        assert result.status is Status.TOO_LATE
        assert result.latest_working_day == date(2026, 12, 4)

    def test_with_no_window_there_are_no_working_days(self) -> None:
        result = answer_with_last_day(date(2026, 5, 31))
        assert result.status is Status.NO_WINDOW
        assert (result.earliest_working_day, result.latest_working_day) == (None, None)


# The JSON contract: these names exactly (HR scripts and the page rely on them).
NEW_FIELDS = ["confirm", "days_left", "earliest_working_day", "latest_working_day"]
# Added after them (issue 21): the day to act by, and the days until it.
ACTING_FIELDS = ["act_by", "days_to_act"]


class TestTheJsonFieldsAreExactlyTheContract:
    def test_the_fields_follow_every_existing_field_with_their_names_exactly(self) -> None:
        answer = answer_with_last_day(date(2026, 12, 6), category="B").to_dict()
        assert list(answer)[-6:] == [*NEW_FIELDS, *ACTING_FIELDS]
        assert {key: answer[key] for key in NEW_FIELDS} == {
            "confirm": ["category"],
            "days_left": 188,
            "earliest_working_day": "2026-06-01",
            "latest_working_day": "2026-12-04",
        }

    def test_no_window_gives_json_nulls_not_text(self) -> None:
        answer = answer_with_last_day(date(2026, 5, 31), category="A").to_dict()
        assert {key: answer[key] for key in NEW_FIELDS} == {
            "confirm": [],
            "days_left": None,
            "earliest_working_day": None,
            "latest_working_day": None,
        }

    @pytest.mark.parametrize(("on", "exit_code"), [("2026-06-01", 0), ("2026-12-07", 1)])
    def test_the_cli_prints_them_and_keeps_its_exit_codes(
        self, on: str, exit_code: int, capsys: pytest.CaptureFixture[str]
    ) -> None:
        code = main(
            [
                "check",
                "--permit-issued=2026-05-18",
                "--permit-expires=2031-01-01",
                "--passport-expires=2026-12-06",
                f"--on={on}",
                "--category=C",
                "--json",
            ]
        )
        printed = json.loads(capsys.readouterr().out)
        assert code == exit_code
        # too late (7 December): nothing to confirm before going, as there is no day to go
        assert printed["confirm"] == (["category"] if exit_code == 0 else [])
        assert printed["latest_working_day"] == "2026-12-04"
        assert printed["days_left"] == (188 if exit_code == 0 else None)

    @pytest.mark.parametrize("lang", ["en", "zh"])
    def test_the_browser_gets_them_with_the_working_days_written_out(self, lang: str) -> None:
        request = {
            "permit_issued": "2026-05-18",
            "permit_expires": "2031-01-01",
            "passport_expires": "2026-12-06",
            "on": "2026-11-27",
            "category": "unknown",
            "lang": lang,
        }
        reply = json.loads(check_json(json.dumps(request)))
        result = reply["result"]
        assert result["confirm"] == ["category"]
        assert result["days_left"] == 9
        assert result["earliest_working_day"] == "2026-06-01"
        assert result["latest_working_day"] == "2026-12-04"
        assert {"2026-06-01", "2026-12-04", "2026-12-06"} <= set(reply["written"])
