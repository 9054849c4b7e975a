"""Does the same wrong input get the same sentence wherever it is typed: the Python API, the
form (browser and CLI) and a row of a staff list? One validation path gives all three."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from checker import InvalidInput, check, check_batch
from checker.web import batch_json, check_json

ON = date(2026, 11, 26)
GOOD = {
    "permit_issued": "2026-11-12",
    "permit_expires": "2028-11-11",
    "passport_expires": "2030-01-01",
    "category": "B",
}
# Each: the fields changed, and the field the first error must name.
WRONG = [
    ({"permit_expires": "2026-11-01"}, "permit_expires"),  # before the issue date
    ({"permit_issued": "1899-12-31"}, "permit_issued"),  # year out of range
    ({"passport_expires": "2230-01-01"}, "passport_expires"),
    ({"category": "D"}, "category"),
    # several wrong: the first in form order wins everywhere
    ({"passport_expires": "2230-01-01", "category": "D"}, "passport_expires"),
    (
        {"permit_issued": "2026-11-12", "permit_expires": "2026-11-01", "category": "Z"},
        ("permit_expires"),
    ),
]
IDS = ["backwards", "year-1899", "year-2230", "category", "passport-then-category", "order"]


def python_error(fields: dict[str, str], lang: str) -> InvalidInput:
    with pytest.raises(InvalidInput) as caught:
        check(
            permit_issued=date.fromisoformat(fields["permit_issued"]),
            permit_expires=date.fromisoformat(fields["permit_expires"]),
            passport_expires=date.fromisoformat(fields["passport_expires"]),
            on=ON,
            category=fields["category"],
            lang=lang,
        )
    return caught.value


def form_errors(fields: dict[str, str], lang: str) -> list[dict[str, Any]]:
    reply = json.loads(check_json(json.dumps({**fields, "on": ON.isoformat(), "lang": lang})))
    assert reply["ok"] is False
    errors: list[dict[str, Any]] = reply["errors"]
    return errors


def batch_reason(fields: dict[str, str], lang: str) -> str:
    header = "name,permit_issued,permit_expires,passport_expires,category\r\n"
    row = ",".join(["Ana", *(fields[key] for key in GOOD)]) + "\r\n"
    result = check_batch((header + row).encode("utf-8"), on=ON, lang=lang)
    answer = result.answers[0]
    assert answer.status == "invalid"
    return answer.reason


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("changes", "field"), WRONG, ids=IDS)
def test_the_same_wrong_input_gets_the_same_first_sentence_everywhere(
    changes: dict[str, str], field: str, lang: str
) -> None:
    fields = {**GOOD, **changes}
    error = python_error(fields, lang)
    form = form_errors(fields, lang)
    assert error.field == form[0]["field"] == field
    assert error.message(lang) == form[0]["message"] == batch_reason(fields, lang)


def test_the_form_marks_every_wrong_field_the_others_report_the_first() -> None:
    fields = {**GOOD, "passport_expires": "2230-01-01", "category": "D"}
    assert [error["field"] for error in form_errors(fields, "en")] == [
        "passport_expires",
        "category",
    ]


def test_a_good_row_gets_the_same_answer_as_the_form() -> None:
    header = "name,permit_issued,permit_expires,passport_expires,category\r\n"
    row = "Ana," + ",".join(GOOD.values()) + "\r\n"
    reply = json.loads(batch_json((header + row).encode("utf-8"), ON.isoformat(), "zh"))
    form = json.loads(check_json(json.dumps({**GOOD, "on": ON.isoformat(), "lang": "zh"})))
    shown = dict(zip(reply["columns"], reply["rows"][0], strict=True))
    result = form["result"]
    assert shown["reason"] == form["headline"]
    assert shown["days_left"] == str(result["days_left"])
    assert shown["confirm"] == " ".join(result["confirm"]) == "category"
    assert shown["latest_working_day"] == result["latest_working_day"]
    assert reply["added_columns"][-4:] == [
        "days_left",
        "confirm",
        "earliest_working_day",
        "latest_working_day",
    ]
    # The page writes each date, the working days too, from the engine's own words.
    for iso in (shown["earliest_working_day"], shown["latest_working_day"]):
        assert reply["written"][iso] == form["written"][iso]
