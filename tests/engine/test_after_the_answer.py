"""Everything after the answer agrees with it: calendars hold only days still ahead and go by
the working day the answer advises, "days left" counts to that day, a planned Saturday is
warned about, and a no-window sentence never names a day before the permit existed."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

from checker import check, check_batch
from checker.calendar import batch_calendar, window_calendar
from checker.result import Status
from checker.web import batch_calendar_json, batch_json, check_json, window_calendar_json

# The rules' last day is Saturday 2 September 2028 (the passport's last day).
SATURDAY_LAST_DAY = {
    "permit_issued": date(2026, 11, 12),
    "permit_expires": date(2030, 11, 11),
    "passport_expires": date(2028, 9, 2),
}
WEDNESDAY = date(2028, 8, 30)
MADE_ON = datetime(2028, 8, 30, 1, 0, tzinfo=UTC)  # the calendar file is made that morning


def events_on(ics: str) -> list[str]:
    return [line.split(":")[1] for line in ics.split("\r\n") if line.startswith("DTSTART")]


def unfolded(ics: str) -> str:
    return ics.replace("\r\n ", "")


# --- #6: the day to act on is the working day -------------------------------------------------


def test_when_the_last_day_is_a_saturday_how_many_days_are_left_to_act() -> None:
    result = check(**SATURDAY_LAST_DAY, on=WEDNESDAY, category="A")
    assert result.days_left == 3, "to the rules' Saturday, as before"
    assert result.act_by == date(2028, 9, 1)
    assert result.days_to_act == 2, "to Friday 1 September, the day the answer says to go by"
    assert result.to_dict()["act_by"] == "2028-09-01"
    assert result.to_dict()["days_to_act"] == 2


def test_is_the_calendars_last_day_the_friday_the_answer_says_to_go_by() -> None:
    ics = window_calendar(check(**SATURDAY_LAST_DAY, on=WEDNESDAY, lang="en"), stamp=MADE_ON)
    assert events_on(ics)[-1] == "20280901"
    text = unfolded(ics)
    assert "SUMMARY:Last working day to apply for the Hangzhou citizen card" in text
    rule_day = "The rules’ last day\\, Saturday 2 September 2028\\, is not a working day"
    assert text.count(rule_day) == 1, "the rules' own day, said once"
    assert "go by Friday 1 September 2028" in text


def test_the_chinese_calendar_says_the_same_in_chinese() -> None:
    ics = window_calendar(check(**SATURDAY_LAST_DAY, on=WEDNESDAY, lang="zh"), stamp=MADE_ON)
    text = unfolded(ics)
    assert "申请杭州市民卡的最后一个工作日" in text
    assert "规则规定的最后一天2028年9月2日（星期六）不是工作日" in text


def test_the_staff_list_gets_the_day_to_act_and_the_days_to_it_for_every_row() -> None:
    data = (
        b"name,permit_issued,permit_expires,passport_expires\r\n"
        b"Ana,2026-11-12,2030-11-11,2028-09-02\r\n"
        b"Bo,x,2030-11-11,2028-09-02\r\n"
    )
    reply = json.loads(batch_json(data, "2028-08-30", "en"))
    assert reply["act_by"] == ["2028-09-01", ""]
    assert reply["days_to_act"] == [2, None]
    assert reply["written"]["2028-09-01"] == "Friday 1 September 2028"
    [row] = [row for row in check_batch(data, on=WEDNESDAY).answers if row.status == "eligible"]
    assert (row.days_left, row.days_to_act) == (3, 2)


def test_on_the_saturday_itself_the_day_to_act_is_that_day() -> None:
    result = check(**SATURDAY_LAST_DAY, on=date(2028, 9, 2))
    assert result.status is Status.ELIGIBLE
    assert (result.act_by, result.days_to_act) == (date(2028, 9, 2), 0)


# --- #5: calendars hold only days still ahead -------------------------------------------------


TOO_LATE = {
    "permit_issued": "2026-01-05",
    "permit_expires": "2028-11-11",
    "passport_expires": "2026-06-30",
    "on": "2026-11-26",
}


def test_a_too_late_answer_offers_no_calendar_of_past_days_and_says_so() -> None:
    result = check(
        permit_issued=date(2026, 1, 5),
        permit_expires=date(2028, 11, 11),
        passport_expires=date(2026, 6, 30),
        on=date(2026, 11, 26),
    )
    assert result.status is Status.TOO_LATE
    assert window_calendar(result, stamp=datetime(2026, 11, 26, tzinfo=UTC)) == ""
    english = json.loads(window_calendar_json(json.dumps({**TOO_LATE, "lang": "en"})))
    assert english == {
        "ok": True,
        "state": "none_ahead",
        "message": "No calendar file: every day to apply in this window has passed.",
    }
    chinese = json.loads(window_calendar_json(json.dumps({**TOO_LATE, "lang": "zh"})))
    assert chinese["message"] == "没有日历文件：可申请期间的日子都已过去。"


def test_a_window_still_to_come_gets_its_calendar_file() -> None:
    request = {**TOO_LATE, "passport_expires": "2040-01-01", "on": "", "lang": "en"}
    reply = json.loads(window_calendar_json(json.dumps(request)))
    assert reply["state"] == "ready"
    assert reply["ics"].startswith("BEGIN:VCALENDAR\r\n")


def test_an_open_window_whose_first_day_has_passed_keeps_only_its_last_day() -> None:
    result = check(**SATURDAY_LAST_DAY, on=WEDNESDAY)
    assert events_on(window_calendar(result, stamp=MADE_ON)) == ["20280901"]


def test_a_staff_list_calendar_holds_only_last_days_still_ahead() -> None:
    data = (
        b"name,permit_issued,permit_expires,passport_expires\r\n"
        b"Past,2026-01-05,2028-11-11,2026-06-30\r\n"
        b"Ahead,2026-11-12,2030-11-11,2028-09-02\r\n"
    )
    batch = check_batch(data, on=date(2026, 11, 26))
    ics = batch_calendar(batch, stamp=datetime(2026, 11, 26, tzinfo=UTC))
    assert events_on(ics) == ["20280901"]
    assert "Past" not in ics


def test_a_staff_list_with_no_day_ahead_says_so_instead_of_a_file() -> None:
    data = (
        b"name,permit_issued,permit_expires,passport_expires\r\n"
        b"Past,2026-01-05,2028-11-11,2026-06-30\r\n"
    )
    assert batch_calendar(check_batch(data), stamp=None) == ""
    for lang, sentence in [
        ("en", "No calendar file: no one on this list has a last day to apply still ahead."),
        ("zh", "没有日历文件：名单上没有人的最后申请日还在今后。"),
    ]:
        reply = json.loads(batch_calendar_json(data, "", lang))
        assert reply == {"ok": True, "state": "none_ahead", "message": sentence}


# --- #7: a planned Saturday ------------------------------------------------------------------


def test_a_planned_saturday_is_warned_that_outlets_may_be_closed() -> None:
    dates = {
        "permit_issued": date(2026, 11, 12),
        "permit_expires": date(2028, 11, 11),
        "passport_expires": date(2030, 1, 1),
        "on": date(2026, 12, 5),
    }
    english = check(**dates, category="A")
    assert english.headline.startswith("Yes: you can apply on Saturday 5 December 2026.")
    [note] = [note for note in english.notes if note.id == "on_not_working"]
    assert note.message == (
        "Saturday 5 December 2026 falls on a weekend, when service outlets may be closed: "
        "to be safe, go on a working day such as Monday 7 December 2026."
    )
    chinese = check(**dates, category="A", lang="zh")
    [note] = [note for note in chinese.notes if note.id == "on_not_working"]
    assert note.message.startswith("2026年12月5日（星期六）是周末，服务网点可能不办公")


def test_a_planned_working_day_gets_no_such_warning() -> None:
    result = check(
        permit_issued=date(2026, 11, 12),
        permit_expires=date(2028, 11, 11),
        passport_expires=date(2030, 1, 1),
        on=date(2026, 12, 4),
    )
    assert "on_not_working" not in [note.id for note in result.notes]


def test_a_planned_holiday_says_it_is_a_holiday() -> None:
    result = check(
        permit_issued=date(2026, 8, 12),
        permit_expires=date(2028, 11, 11),
        passport_expires=date(2030, 1, 1),
        on=date(2026, 10, 2),  # National Day break
    )
    [note] = [note for note in result.notes if note.id == "on_not_working"]
    assert "public holiday break" in note.message


# --- #9: no day before the permit existed ----------------------------------------------------


def test_a_short_permit_is_not_told_its_last_good_day_was_before_it_was_issued() -> None:
    request = {
        "permit_issued": "2026-11-23",
        "permit_expires": "2027-02-20",
        "passport_expires": "2030-01-01",
        "on": "2026-11-26",
    }
    for lang, expected in [
        ("en", "your work permit never has more than 90 days left"),
        ("zh", "剩余有效期从未超过90天"),
    ]:
        reply = json.loads(check_json(json.dumps({**request, "lang": lang})))
        assert reply["result"]["status"] == "no_window"
        assert expected in reply["headline"]
        assert "22 November 2026" not in reply["headline"]
        assert "2026年11月22日" not in reply["headline"]
