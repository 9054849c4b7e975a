"""The browser's entry points: JSON strings in, JSON strings out, never an exception."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest

from checker import check, check_batch
from checker.dates import today_in_hangzhou
from checker.messages import format_date, render
from checker.rules import load_rules
from checker.web import (
    answer_json,
    answers_ics,
    batch_ics,
    batch_json,
    check_json,
    page_contract,
    rules_json,
    warm_up,
    warm_up_request,
    window_calendar_json,
    window_ics,
)

FORM = {
    "permit_issued": "2026-11-12",
    "permit_expires": "2028/11/11",
    "passport_expires": "2030年1月1日",
    "on": "2026-11-26",
    "category": "B",
    "lang": "zh",
}


def ask(**changes: Any) -> dict[str, Any]:
    reply: dict[str, Any] = json.loads(check_json(json.dumps({**FORM, **changes})))
    return reply


def test_a_good_form_gets_the_result_and_a_headline() -> None:
    reply = ask()
    expected = check(
        permit_issued=date(2026, 11, 12),
        permit_expires=date(2028, 11, 11),
        passport_expires=date(2030, 1, 1),
        on=date(2026, 11, 26),
        category="B",
        lang="zh",
    )
    assert reply == {
        "ok": True,
        "result": expected.to_dict(),
        "headline": expected.headline,
        "written": {
            "2026-11-12": "2026年11月12日（星期四）",
            "2028-11-11": "2028年11月11日（星期六）",
            "2026-11-26": "2026年11月26日（星期四）",
            "2028-08-11": "2028年8月11日（星期五）",
            "2028-08-12": "2028年8月12日（星期六）",
            "2030-01-01": "2030年1月1日（星期二）",
            "2018-08-20": "2018年8月20日（星期一）",
        },
        "documents": {
            "permit_issued": "2026-11-12",
            "permit_expires": "2028-11-11",
            "passport_expires": "2030-01-01",
        },
    }


def test_the_reader_s_dates_come_back_as_the_engine_read_them_however_they_were_typed() -> None:
    reply = ask(permit_issued="2026/11/12", permit_expires="2028年11月11日")
    assert reply["documents"] == {
        "permit_issued": "2026-11-12",
        "permit_expires": "2028-11-11",
        "passport_expires": "2030-01-01",
    }
    assert set(reply["documents"].values()) <= set(reply["written"])


def test_one_call_gives_the_answer_its_calendar_the_rules_and_the_other_language_s_sheet() -> None:
    request = json.dumps({**FORM, "lang": "en"})
    reply = json.loads(answer_json(request))
    answer = json.loads(check_json(request))
    assert {key: reply[key] for key in answer} == answer
    assert reply["ics"] == window_ics(request)
    calendar = json.loads(window_calendar_json(request))
    assert reply["calendar"] == {key: calendar[key] for key in calendar if key not in {"ok", "ics"}}
    assert reply["rules"] == json.loads(rules_json("en"))
    zh = json.loads(check_json(json.dumps({**FORM, "lang": "zh"})))
    assert reply["sheets"] == {
        "en": {"headline": answer["headline"], "written": answer["written"]},
        "zh": {"headline": zh["headline"], "written": zh["written"]},
    }


def test_one_call_for_invalid_input_gives_the_same_errors_as_check_json() -> None:
    request = json.dumps({**FORM, "permit_issued": "2026-13-01"})
    assert json.loads(answer_json(request)) == json.loads(check_json(request))


def test_the_page_shows_every_date_of_the_answer_and_of_the_documents_as_the_engine_writes_it() -> (
    None
):
    reply = ask()
    result = reply["result"]
    dates = {"2026-11-12", "2028-11-11", "2030-01-01"}  # the form's, however it spells them
    dates |= {result["on"], result["earliest"], result["latest"]}
    dates |= {rule["date"] for rule in result["rules"]}
    dates |= {result["earliest_working_day"], result["latest_working_day"]}
    assert set(reply["written"]) == dates
    for iso, text in reply["written"].items():
        assert text == format_date(date.fromisoformat(iso), "zh")


def test_every_wrong_field_is_reported_in_form_order() -> None:
    reply = ask(
        permit_issued="12/11/2026",
        permit_expires="",
        passport_expires="2030-02-30",
        on="soon",
        category="D",
        lang="en",
    )
    assert reply["ok"] is False
    assert [error["field"] for error in reply["errors"]] == [
        "permit_issued",
        "permit_expires",
        "passport_expires",
        "on",
        "category",
    ]
    assert reply["errors"][1]["message"].startswith("Work permit expiry date is missing")


def test_errors_come_in_the_forms_language() -> None:
    reply = ask(permit_issued="")
    assert reply["errors"] == [
        {
            "field": "permit_issued",
            "message": "缺少工作许可证签发日期：请填写日期，例如2026-11-26。",
        }
    ]


def test_a_permit_expiring_before_issue_marks_the_expiry_field() -> None:
    reply = ask(permit_expires="2026-11-01", lang="en")
    assert [error["field"] for error in reply["errors"]] == ["permit_expires"]
    assert "before the work permit's issue date" in reply["errors"][0]["message"]


def test_an_empty_application_date_means_today_in_hangzhou(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("checker.form.today_in_hangzhou", lambda: date(2026, 11, 25))
    assert ask(on="")["result"]["on"] == "2026-11-25"
    assert ask(on="")["result"]["status"] == "not_yet"


def test_missing_category_and_language_mean_unknown_and_english() -> None:
    form = {key: FORM[key] for key in ("permit_issued", "permit_expires", "passport_expires")}
    reply = json.loads(check_json(json.dumps({**form, "on": "2026-11-26"})))
    assert [note["id"] for note in reply["result"]["notes"]][-2:] == [
        "category_confirm",
        "policy_currency",
    ]
    assert reply["result"]["confirm"] == ["category"]
    assert reply["headline"].startswith("By your dates you can apply until")


@pytest.mark.parametrize("request_text", ["", "not json", "[1, 2]", "null", '"2026-11-26"'])
def test_a_request_that_is_not_a_json_object_gets_an_error_reply(request_text: str) -> None:
    reply = json.loads(check_json(request_text))
    assert reply["ok"] is False
    assert reply["errors"][0]["field"] == "request"


def test_a_batch_gets_columns_rows_and_counts() -> None:
    data = (
        "姓名,permit_issued,permit_expires,passport_expires\r\n"
        "张伟,2026-11-12,2028-11-11,2030-01-01\r\n"
    )
    reply = json.loads(batch_json(data.encode("gb18030"), "2026-11-26", "zh"))
    assert list(reply)[:4] == ["ok", "columns", "rows", "counts"]
    assert reply["encoding"] == "gb18030"
    assert reply["ok"] is True
    assert reply["on"] == "2026-11-26"
    assert reply["input_columns"] == ["姓名", "permit_issued", "permit_expires", "passport_expires"]
    assert reply["columns"] == [*reply["input_columns"], *reply["added_columns"]]
    assert reply["statuses"] == ["eligible", "not_yet", "too_late", "no_window", "invalid"]
    assert reply["written"]["2026-11-26"] == "2026年11月26日（星期四）"
    batch = check_batch(data.encode("gb18030"), on=date(2026, 11, 26), lang="zh")
    assert reply["csv"] == batch.to_csv()
    assert reply["rows"][0][:5] == ["张伟", "2026-11-12", "2028-11-11", "2030-01-01", "eligible"]
    assert reply["counts"]["eligible"] == 1


@pytest.mark.parametrize("data", [b"", b"name\r\nAna\r\n", b"\x00\x01\x02"])
def test_an_unusable_batch_file_gets_an_error_on_the_file_field(data: bytes) -> None:
    reply = json.loads(batch_json(data, "", "en"))
    assert reply["ok"] is False
    assert reply["errors"][0]["field"] == "file"


def test_a_batch_with_a_bad_application_date_names_that_field() -> None:
    reply = json.loads(batch_json(b"permit_issued,permit_expires,passport_expires\n", "x", "en"))
    assert reply["errors"][0]["field"] == "on"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_rules_json_explains_every_rule_with_its_source(lang: str) -> None:
    reply = json.loads(rules_json(lang))
    rules = load_rules()
    assert [rule["id"] for rule in reply["rules"]] == [rule.id for rule in rules.rules]
    assert reply["rules_version"] == rules.rules_version
    assert reply["last_verified"] == rules.last_verified.isoformat()
    for rule in reply["rules"]:
        assert set(rule) == {
            "id",
            "sets",
            "for_everyone",
            "title",
            "wording",
            "reading",
            "source",
        }
        assert rule["source"]["url"].startswith("http")
        assert rule["source"]["published"] == "2018-08-23"
        assert rule["source"]["written_in"] == "en"

    ninety = reply["rules"][-1]
    in_force = rules.rule("permit_valid_over_90_days").values_on(today_in_hangzhou())
    assert str(in_force.days("min_days_remaining_exclusive")) in ninety["title"]
    assert ("stricter" if lang == "en" else "严格") in ninety["reading"]


@pytest.mark.parametrize(("lang", "label"), [("en", None), ("zh", "（英文）")])
def test_a_chinese_reader_is_told_a_rules_source_is_in_english(
    lang: str, label: str | None
) -> None:
    for rule in json.loads(rules_json(lang))["rules"]:
        assert rule["source"]["written_in_label"] == label


def test_window_ics_is_a_calendar_or_empty() -> None:
    assert window_ics(json.dumps(FORM)).startswith("BEGIN:VCALENDAR\r\n")
    assert window_ics(json.dumps({**FORM, "permit_issued": "nonsense"})) == ""
    assert window_ics(json.dumps({**FORM, "permit_expires": "2027-02-15"})) == ""
    assert window_ics("not json") == ""


def test_batch_ics_is_one_calendar_for_every_row() -> None:
    data = (
        b"name,permit_issued,permit_expires,passport_expires\r\n"
        b"A,2026-11-12,2028-11-11,2030-01-01\r\n"
        b"B,2026-11-12,2028-11-11,2029-01-01\r\n"
    )
    ics = batch_ics(data, "2026-11-26", "en")
    assert ics.count("BEGIN:VEVENT") == 2
    assert batch_ics(b"", "", "en") == ""


def test_a_bug_still_comes_back_as_json(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("checker.engine.answer", broken)
    reply = json.loads(check_json(json.dumps(FORM)))
    assert reply["ok"] is False
    assert "RuntimeError" in reply["errors"][0]["message"]


def test_the_staff_lists_calendar_comes_from_its_answers_without_checking_it_again() -> None:
    data = "\n".join(
        [
            "name,permit_issued,permit_expires,passport_expires,category",
            "Li Ming,2026-11-12,2028-11-11,2030-01-01,A",
            "Bad Row,2026-13-01,2028-11-11,2030-01-01,A",
            "Anna,2025-01-05,2029-01-05,2026-10-01,C",
        ]
    ).encode()
    for lang in ("en", "zh"):
        reply = json.loads(batch_json(data, "2026-11-26", lang))
        rows, columns = json.dumps(reply["rows"]), json.dumps(reply["input_columns"])
        from_answers = answers_ics(rows, columns, reply["on"], lang)
        without_stamp = [
            line for line in from_answers.splitlines() if not line.startswith("DTSTAMP")
        ]
        checked_again = batch_ics(data, "2026-11-26", lang)
        assert without_stamp == [
            line for line in checked_again.splitlines() if not line.startswith("DTSTAMP")
        ]
        assert "BEGIN:VEVENT" in from_answers


def test_a_calendar_of_answers_without_a_last_day_is_empty() -> None:
    assert answers_ics("[]", '["name"]', "2026-11-26", "en") == ""
    assert answers_ics("not json", "[]", "2026-11-26", "en") == ""


def test_the_staff_lists_calendar_from_its_answers_holds_only_days_still_ahead() -> None:
    """A list checked for a day in 2020: Past Pei's last day passed long ago, Ahead Ai's
    (2030) is still ahead; only Ahead Ai gets an event, and a list of past days none."""
    data = "\n".join(
        [
            "name,permit_issued,permit_expires,passport_expires,category",
            "Past Pei,2019-12-01,2022-12-20,2020-03-01,A",
            "Ahead Ai,2019-12-01,2030-06-01,2035-01-01,A",
        ]
    ).encode()
    reply = json.loads(batch_json(data, "2020-01-01", "en"))
    assert [row[reply["columns"].index("status")] for row in reply["rows"]] == ["eligible"] * 2
    columns = json.dumps(reply["input_columns"])
    calendar = answers_ics(json.dumps(reply["rows"]), columns, reply["on"], "en")
    assert calendar.count("BEGIN:VEVENT") == 1
    assert "Ahead Ai" in calendar
    assert "Past Pei" not in calendar
    assert answers_ics(json.dumps(reply["rows"][:1]), columns, reply["on"], "en") == ""


def test_a_too_late_answer_says_why_there_is_no_calendar_instead_of_offering_one() -> None:
    for lang in ("en", "zh"):
        too_late = {
            "permit_issued": "2026-01-05",
            "passport_expires": "2026-10-01",
            "on": "2026-11-20",
        }
        request = json.dumps({**FORM, **too_late, "lang": lang})
        reply = json.loads(answer_json(request))
        assert reply["result"]["status"] == "too_late"
        assert reply["ics"] == ""
        expected = {"state": "none_ahead", "message": render("calendar.none_ahead", lang)}
        assert reply["calendar"] == expected
        assert json.loads(window_calendar_json(request)) == {"ok": True, **expected}


@pytest.mark.parametrize(
    "today", [date(2026, 12, 8), date(2027, 2, 10), date(2028, 2, 29), date(2031, 12, 31)]
)
def test_the_warm_up_answers_a_whole_answer_with_a_window_whatever_the_day(
    monkeypatch: pytest.MonkeyPatch, today: date
) -> None:
    monkeypatch.setattr("checker.form.today_in_hangzhou", lambda: today)
    reply = json.loads(answer_json(warm_up_request(today)))
    assert reply["ok"] is True, reply
    assert reply["result"]["on"] == today.isoformat()
    assert reply["ics"].startswith("BEGIN:VCALENDAR")
    assert set(reply["sheets"]) == {"en", "zh"}


def test_the_warm_up_answers_todays_made_up_form_and_gives_the_page_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []
    monkeypatch.setattr("checker.web.today_in_hangzhou", lambda: date(2026, 12, 8))
    monkeypatch.setattr("checker.web.answer_json", lambda request: asked.append(request) or "")
    assert warm_up() is None
    assert asked == [warm_up_request(date(2026, 12, 8))]
    assert "warm_up" not in page_contract()["entryPoints"]  # type: ignore[operator]
