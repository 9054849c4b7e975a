"""Properties that hold for every input, checked with hypothesis.

The window is the set of days on which all four rules pass: within a non-empty
window the earliest day is eligible and the day before is not; the status always agrees
with the window; and no text, however odd, makes the checker raise anything but its own
typed error (or, in the browser, anything but a JSON reply).
"""

from __future__ import annotations

import json
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from checker import (
    BatchResult,
    InvalidDate,
    InvalidInput,
    Status,
    check,
    check_batch,
    parse_date,
)
from checker.engine import FIELD_ORDER
from checker.messages import format_date
from checker.web import batch_json, check_json

DAYS = st.dates(min_value=date(2016, 1, 1), max_value=date(2034, 12, 31))
CATEGORIES = st.sampled_from(["A", "B", "C", "unknown"])


@st.composite
def people(draw: st.DrawFn) -> dict[str, date]:
    """A person's dates: a permit that does not expire before it was issued."""
    permit_issued = draw(DAYS)
    permit_expires = permit_issued + timedelta(days=draw(st.integers(0, 6 * 366)))
    return {
        "permit_issued": permit_issued,
        "permit_expires": permit_expires,
        "passport_expires": draw(DAYS),
    }


@given(people(), DAYS)
def test_within_a_non_empty_window_the_earliest_day_is_eligible_and_the_day_before_not(
    person: dict[str, date], on: date
) -> None:
    result = check(**person, on=on)
    if result.status is Status.NO_WINDOW:
        assert result.earliest > result.latest
        return
    assert check(**person, on=result.earliest).status is Status.ELIGIBLE
    assert check(**person, on=result.latest).status is Status.ELIGIBLE
    assert check(**person, on=result.earliest - timedelta(days=1)).status is Status.NOT_YET
    assert check(**person, on=result.latest + timedelta(days=1)).status is Status.TOO_LATE


@given(people(), DAYS, CATEGORIES)
def test_the_status_always_agrees_with_the_window(
    person: dict[str, date], on: date, category: str
) -> None:
    result = check(**person, on=on, category=category)
    if result.earliest > result.latest:
        expected = Status.NO_WINDOW
    elif on < result.earliest:
        expected = Status.NOT_YET
    elif on > result.latest:
        expected = Status.TOO_LATE
    else:
        expected = Status.ELIGIBLE
    assert result.status is expected
    assert result.eligible == all(rule.passed for rule in result.rules)


@given(people(), DAYS)
def test_a_rule_passes_exactly_on_its_side_of_the_date_it_names(
    person: dict[str, date], on: date
) -> None:
    opening = {"programme_open", "permit_held_two_weeks"}
    for rule in check(**person, on=on).rules:
        assert rule.passed == (on >= rule.date if rule.id in opening else on <= rule.date)


@given(st.text())
def test_any_text_gives_a_date_or_the_typed_date_error(text: str) -> None:
    parsed: date | InvalidDate
    try:
        parsed = parse_date(text, field="on")
    except InvalidDate as error:
        parsed = error
    if isinstance(parsed, date):
        assert 1900 <= parsed.year <= 2200
    else:
        assert parsed.field == "on"
        assert parsed.message("en")
        assert parsed.message("zh")


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
def test_every_accepted_spelling_reads_back_the_same_date(day: date) -> None:
    spellings = [
        day.isoformat(),
        f"{day.year}/{day.month}/{day.day}",
        f"{day.year}.{day.month:02d}.{day.day}",
        format_date(day, "zh", weekday=False),
    ]
    assert {parse_date(spelling) for spelling in spellings} == {day}


FIELD_VALUES = st.one_of(
    st.text(max_size=30),
    DAYS.map(date.isoformat),
    st.none(),
    st.integers(),
    st.sampled_from(["A", "b", "unknown", "en", "zh", "26/11/2026"]),
)


@given(st.dictionaries(st.sampled_from(FIELD_ORDER), FIELD_VALUES))
def test_any_form_gets_a_json_reply_with_every_error_in_form_order(
    form: dict[str, object],
) -> None:
    reply = json.loads(check_json(json.dumps(form)))
    if reply["ok"]:
        assert reply["result"]["status"] in {status.value for status in Status}
        assert reply["headline"]
    else:
        fields = [error["field"] for error in reply["errors"]]
        assert fields == sorted(fields, key=FIELD_ORDER.index)
        assert all(error["message"] for error in reply["errors"])


@given(st.text())
def test_any_request_text_gets_a_json_reply(request: str) -> None:
    reply = json.loads(check_json(request))
    assert isinstance(reply["ok"], bool)


@given(st.binary(max_size=400))
def test_any_bytes_as_a_batch_give_a_result_or_the_typed_error(data: bytes) -> None:
    outcome: BatchResult | InvalidInput
    try:
        outcome = check_batch(data, on=date(2026, 11, 26))
    except InvalidInput as error:
        outcome = error
    if isinstance(outcome, InvalidInput):
        assert outcome.field == "file"
    else:
        assert sum(outcome.counts.values()) == len(outcome.rows)
    assert isinstance(json.loads(batch_json(data, "2026-11-26", "en"))["ok"], bool)
