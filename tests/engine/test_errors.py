"""What `check` refuses, and how it says so: a ValueError naming the field."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from checker import (
    InvalidInput,
    PermitExpiresBeforeIssue,
    UnknownCategory,
    UnknownLanguage,
    YearOutOfRange,
    check,
)

GOOD = {
    "permit_issued": date(2026, 11, 12),
    "permit_expires": date(2028, 11, 11),
    "passport_expires": date(2030, 1, 1),
    "on": date(2026, 11, 26),
}


def test_a_permit_that_expires_before_it_was_issued_is_refused_on_its_expiry_date() -> None:
    with pytest.raises(PermitExpiresBeforeIssue) as caught:
        check(**{**GOOD, "permit_expires": date(2026, 11, 11)})
    assert caught.value.field == "permit_expires"
    assert "Work permit expiry date" in str(caught.value)


def test_a_permit_issued_and_expiring_the_same_day_is_accepted_but_has_no_window() -> None:
    result = check(**{**GOOD, "permit_expires": GOOD["permit_issued"]})
    assert result.status == "no_window"


@pytest.mark.parametrize("field", ["permit_issued", "permit_expires", "passport_expires", "on"])
@pytest.mark.parametrize("year", [1899, 2201])
def test_a_year_outside_1900_to_2200_is_refused_naming_the_field(field: str, year: int) -> None:
    dates = {**GOOD, field: date(year, 6, 1)}
    if field == "permit_issued" and year == 2201:
        dates["permit_expires"] = date(2202, 1, 1)  # keep the expiry after the issue
    with pytest.raises(YearOutOfRange) as caught:
        check(**dates)
    assert caught.value.field == field
    assert str(year) in caught.value.message("zh")


@pytest.mark.parametrize("category", ["D", "class A", "", "unknown!"])
def test_an_unknown_category_is_refused(category: str) -> None:
    if not category:  # empty means "not given": the default
        assert check(**GOOD, category=category).category == "unknown"
        return
    with pytest.raises(UnknownCategory) as caught:
        check(**GOOD, category=category)
    assert caught.value.field == "category"


def test_category_letters_are_read_in_either_case() -> None:
    assert check(**GOOD, category="b").category == "B"
    assert check(**GOOD, category=" Unknown ").category == "unknown"


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(UnknownLanguage) as caught:
        check(**GOOD, lang="fr")
    assert caught.value.field == "lang"
    assert "en, zh" in str(caught.value)


def test_every_refusal_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="Language"):
        check(**GOOD, lang="de")
    assert issubclass(InvalidInput, ValueError)


def test_a_datetime_is_taken_as_its_calendar_date() -> None:
    result = check(**{**GOOD, "on": datetime(2026, 11, 26, 23, 59)})
    assert result.on == date(2026, 11, 26)
    assert result.to_dict()["on"] == "2026-11-26"
