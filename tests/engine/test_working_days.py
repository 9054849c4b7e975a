"""Working days in mainland China, asked as people ask: is that day a working day, and if
not, which is the nearest one before or after it? Known answers from the State Council
notices for 2025 and 2026 (see tests/engine/test_working_days_data.py for the whole years)."""

from __future__ import annotations

from datetime import date

import pytest

from checker.working_days import (
    first_working_day_on_or_after,
    is_covered,
    is_working_day,
    last_working_day_on_or_before,
    load_working_days,
)


class TestWhichDaysAreWorkingDays:
    @pytest.mark.parametrize(
        ("day", "working", "why"),
        [
            (date(2026, 10, 10), True, "a Saturday worked in exchange for National Day"),
            (date(2026, 9, 20), True, "a Sunday worked in exchange for National Day"),
            (date(2026, 2, 14), True, "a Saturday worked in exchange for Spring Festival"),
            (date(2026, 1, 4), True, "a Sunday worked in exchange for New Year's Day"),
            (date(2026, 10, 1), False, "National Day"),
            (date(2026, 10, 7), False, "the last day of the National Day days off (Wednesday)"),
            (date(2026, 10, 8), True, "the Thursday after the National Day days off"),
            (date(2026, 12, 6), False, "a plain Sunday"),
            (date(2026, 12, 5), False, "a plain Saturday"),
            (date(2026, 12, 4), True, "a plain Friday"),
            (date(2026, 2, 23), False, "a Monday given off for Spring Festival"),
            (date(2025, 10, 8), False, "National Day and Mid-Autumn together in 2025"),
            (date(2025, 10, 11), True, "a Saturday worked in 2025"),
            (date(2025, 1, 1), False, "New Year's Day 2025, a Wednesday, no exchange"),
        ],
    )
    def test_known_answers_from_the_notices(self, day: date, working: bool, why: str) -> None:
        assert is_working_day(day) is working, why

    @pytest.mark.parametrize("day", [date(2026, 10, n) for n in range(1, 8)])
    def test_every_national_day_2026_day_is_off(self, day: date) -> None:
        assert not is_working_day(day)


class TestTheNearestWorkingDay:
    def test_a_working_day_is_its_own_answer_both_ways(self) -> None:
        friday = date(2026, 12, 4)
        assert first_working_day_on_or_after(friday) == friday
        assert last_working_day_on_or_before(friday) == friday

    def test_a_last_day_on_a_sunday_means_going_by_friday(self) -> None:
        assert last_working_day_on_or_before(date(2026, 12, 6)) == date(2026, 12, 4)

    def test_a_first_day_on_a_sunday_means_going_from_monday(self) -> None:
        assert first_working_day_on_or_after(date(2026, 12, 6)) == date(2026, 12, 7)

    def test_a_last_day_in_national_day_means_going_before_the_holiday(self) -> None:
        assert last_working_day_on_or_before(date(2026, 10, 5)) == date(2026, 9, 30)

    def test_a_first_day_in_national_day_means_going_after_it(self) -> None:
        assert first_working_day_on_or_after(date(2026, 10, 3)) == date(2026, 10, 8)

    def test_a_make_up_saturday_is_a_day_to_go(self) -> None:
        saturday = date(2026, 10, 10)
        assert last_working_day_on_or_before(saturday) == saturday
        assert first_working_day_on_or_after(saturday) == saturday

    def test_spring_festival_2026_is_crossed_whole(self) -> None:
        assert first_working_day_on_or_after(date(2026, 2, 15)) == date(2026, 2, 24)
        assert last_working_day_on_or_before(date(2026, 2, 23)) == date(2026, 2, 14)


class TestYearsTheDataDoesNotCover:
    def test_the_data_says_up_to_which_year_it_knows(self) -> None:
        calendar = load_working_days()
        assert calendar.last_year >= 2026
        assert is_covered(date(calendar.last_year, 12, 31))
        assert not is_covered(date(calendar.last_year + 1, 1, 1))

    def test_before_the_first_year_only_weekends_count(self) -> None:
        calendar = load_working_days()
        assert not is_covered(date(calendar.first_year - 1, 12, 31))
        # 1 October 2017 was a Sunday; 2 October 2017 a Monday (a holiday, but not known here)
        assert not is_working_day(date(2017, 10, 1))
        assert is_working_day(date(2017, 10, 2))

    def test_after_the_last_year_a_weekday_is_a_working_day_even_on_a_holiday(self) -> None:
        after = load_working_days().last_year + 1
        new_years_day = date(after, 1, 1)
        expected = new_years_day.weekday() < 5
        assert is_working_day(new_years_day) is expected
        assert not is_covered(new_years_day)

    def test_each_covered_year_cites_its_notice(self) -> None:
        calendar = load_working_days()
        years = range(max(calendar.first_year, 2018), calendar.last_year + 1)
        assert [year for year in years if year not in calendar.notices] == []
        assert "gov.cn" in calendar.notices[2026]
