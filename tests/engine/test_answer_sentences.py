"""What the answer says, in both languages: never a plain yes that is not one, what to renew
or extend and until when, the working day to go by, and every date with its weekday."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

import pytest

from checker import Status, check
from checker.engine import CONFIRMING_HEADLINES, HEADLINES
from checker.messages import catalogue, format_date
from checker.working_days import load_working_days
from tests.engine.helpers import case_dates, worked_cases

LANGS = ("en", "zh")
FAR_PERMIT_EXPIRY = date(2031, 1, 1)


def window_to(last_day: date, *, on: date = date(2026, 6, 1), **extra: Any) -> Any:
    """An answer whose window runs from 1 June 2026 to `last_day` (the passport's expiry)."""
    return check(
        permit_issued=date(2026, 5, 18),
        permit_expires=FAR_PERMIT_EXPIRY,
        passport_expires=last_day,
        on=on,
        **{"category": "A", **extra},
    )


def window_from(first_day: date, *, lang: str = "en") -> Any:
    """An answer, on the day before it, for a window opening on `first_day`."""
    return check(
        permit_issued=first_day - timedelta(days=14),
        permit_expires=FAR_PERMIT_EXPIRY,
        passport_expires=date(2026, 12, 31),
        on=first_day - timedelta(days=1),
        category="A",
        lang=lang,
    )


def note(result: Any, note_id: str) -> str:
    found = [item.message for item in result.notes if item.id == note_id]
    assert found, f"no {note_id} note in {[item.id for item in result.notes]}"
    return found[0]


def note_ids(result: Any) -> list[str]:
    return [item.id for item in result.notes]


class TestIsAClassBReaderEverToldAPlainYes:
    @pytest.mark.parametrize("on", [date(2026, 6, 1), date(2026, 12, 6)], ids=["first", "last"])
    @pytest.mark.parametrize("category", ["B", "C"])
    def test_never_and_the_headline_names_their_class(self, category: str, on: date) -> None:
        english = window_to(date(2026, 12, 6), on=on, category=category)
        chinese = window_to(date(2026, 12, 6), on=on, category=category, lang="zh")
        assert english.status is Status.ELIGIBLE
        assert not english.headline.startswith("Yes")
        assert english.headline == (
            "By your dates you can apply until Sunday 6 December 2026, but first confirm "
            f"at a service outlet that class {category} permits qualify."
        )
        assert not chinese.headline.startswith("可以")
        assert f"请先到服务网点确认持{category}类工作许可证能否申请" in chinese.headline

    @pytest.mark.parametrize("lang", LANGS)
    def test_a_reader_who_does_not_know_their_class_is_told_to_find_out_first(
        self, lang: str
    ) -> None:
        result = window_to(date(2026, 12, 6), category="unknown", lang=lang)
        first = {
            "en": "first find out your work permit's class",
            "zh": "请先弄清您的工作许可证类别",
        }
        assert first[lang] in result.headline
        assert not result.headline.startswith(("Yes", "可以"))

    @pytest.mark.parametrize("lang", LANGS)
    def test_before_the_window_opens_the_class_is_still_named(self, lang: str) -> None:
        result = window_to(date(2026, 12, 6), on=date(2026, 5, 31), category="B", lang=lang)
        assert result.status is Status.NOT_YET
        assert {"en": "class B permits qualify", "zh": "持B类工作许可证能否申请"}[lang] in (
            result.headline
        )

    @pytest.mark.parametrize(("lang", "yes"), [("en", "Yes: "), ("zh", "可以：")])
    def test_a_class_a_holder_inside_the_window_is_told_yes(self, lang: str, yes: str) -> None:
        assert window_to(date(2026, 12, 6), lang=lang).headline.startswith(yes)


class TestWhatMustIRenewOrExtendAndUntilWhen:
    def test_too_late_for_the_permit_says_until_when_it_must_run(self) -> None:
        result = check(
            permit_issued=date(2026, 1, 5),
            permit_expires=date(2027, 6, 1),
            passport_expires=date(2030, 1, 1),
            on=date(2027, 6, 1),
        )
        assert result.status is Status.TOO_LATE
        # To apply on 1 June 2027, more than 90 days must remain: expiry 31 August 2027.
        assert "extend your work permit so that it runs until at least Tuesday 31 August 2027" in (
            result.headline
        )

    def test_no_window_for_the_permit_says_until_when_it_must_run_to_open_one(self) -> None:
        result = check(
            permit_issued=date(2026, 11, 12),
            permit_expires=date(2027, 2, 15),
            passport_expires=date(2030, 1, 1),
            on=date(2026, 11, 26),
        )
        assert result.status is Status.NO_WINDOW
        # The window would open on 26 November 2026: expiry 25 February 2027 at least.
        assert "runs until at least Thursday 25 February 2027" in result.headline
        assert "apply from Thursday 26 November 2026" in result.headline

    def test_too_late_for_both_names_each_limit_with_its_own_date(self) -> None:
        result = check(
            permit_issued=date(2026, 1, 5),
            permit_expires=date(2027, 6, 1),  # more than 90 days left until 2 March 2027
            passport_expires=date(2027, 5, 1),
            on=date(2027, 6, 1),
            lang="zh",
        )
        assert result.status is Status.TOO_LATE
        assert "您的护照有效期只到2027年5月1日（星期六）" in result.headline
        assert "2027年3月2日（星期二）之后您的工作许可证剩余有效期不超过90天" in result.headline

    @pytest.mark.parametrize("lang", LANGS)
    def test_an_expired_passport_is_to_be_renewed(self, lang: str) -> None:
        result = window_to(date(2026, 12, 6), on=date(2026, 12, 7), lang=lang)
        assert result.status is Status.TOO_LATE
        assert {"en": "Renew your passport", "zh": "请先更换护照"}[lang] in result.headline


class TestWhichWorkingDayShouldIGoBy:
    @pytest.mark.parametrize(
        ("last_day", "lang", "says"),
        [
            (
                date(2026, 12, 6),
                "en",
                "Your last day falls on a weekend, when service "
                "outlets may be closed: to be safe, go by Friday 4 December 2026.",
            ),
            (
                date(2026, 12, 6),
                "zh",
                "您的最后一天是周末，服务网点可能不办公："
                "稳妥起见，请在2026年12月4日（星期五）或之前前往。",
            ),
            (
                date(2026, 10, 5),
                "en",
                "Your last day is in a public holiday break, when "
                "service outlets may be closed: to be safe, go by Wednesday 30 September 2026.",
            ),
            (
                date(2026, 10, 5),
                "zh",
                "您的最后一天在法定节假日放假期间，服务网点可能不办公："
                "稳妥起见，请在2026年9月30日（星期三）或之前前往。",
            ),
        ],
        ids=["sunday-en", "sunday-zh", "national-day-en", "national-day-zh"],
    )
    def test_a_last_day_that_is_not_a_working_day(
        self, last_day: date, lang: str, says: str
    ) -> None:
        assert note(window_to(last_day, lang=lang), "last_day_not_working") == says

    @pytest.mark.parametrize("lang", LANGS)
    @pytest.mark.parametrize("category", ["A", "B", "unknown"])
    def test_a_weekend_last_day_is_named_once_and_the_working_day_to_go_by_once(
        self, lang: str, category: str
    ) -> None:
        result = window_to(date(2026, 12, 6), lang=lang, category=category)
        said = " ".join([result.headline, *(note.message for note in result.notes)])
        sunday, friday = (format_date(date(2026, 12, day), lang) for day in (6, 4))
        assert (said.count(sunday), said.count(friday)) == (1, 1), said

    def test_every_open_or_coming_windows_headline_names_its_last_day(self) -> None:
        """So the last-day note need not name it again."""
        open_or_coming = [
            message_id
            for (status, _), message_id in [*HEADLINES.items(), *CONFIRMING_HEADLINES.items()]
            if status in (Status.ELIGIBLE, Status.NOT_YET)
        ]
        assert len(open_or_coming) == 6
        for message_id in open_or_coming:
            for lang in LANGS:
                assert "{latest}" in catalogue()[message_id][lang], message_id

    def test_a_last_day_on_the_make_up_working_saturday_needs_no_warning(self) -> None:
        result = window_to(date(2026, 10, 10))
        assert result.latest_working_day == date(2026, 10, 10)
        assert "last_day_not_working" not in note_ids(result)

    @pytest.mark.parametrize("lang", LANGS)
    def test_a_first_day_in_the_national_day_break_names_the_first_working_day(
        self, lang: str
    ) -> None:
        says = note(window_from(date(2026, 10, 3), lang=lang), "first_day_not_working")
        assert {"en": "Thursday 8 October 2026", "zh": "2026年10月8日（星期四）"}[lang] in says

    def test_a_first_day_already_past_is_not_mentioned(self) -> None:
        late_start = check(
            permit_issued=date(2026, 5, 23),  # window opens Saturday 6 June 2026
            permit_expires=FAR_PERMIT_EXPIRY,
            passport_expires=date(2026, 12, 4),
            on=date(2026, 6, 10),
            category="A",
        )
        assert late_start.status is Status.ELIGIBLE
        assert "first_day_not_working" not in note_ids(late_start)

    def test_a_closed_or_empty_window_gets_no_working_day_note(self) -> None:
        closed = window_to(date(2026, 12, 6), on=date(2026, 12, 7))
        empty = window_to(date(2026, 5, 31))
        assert note_ids(closed) == note_ids(empty) == ["policy_currency"]

    @pytest.mark.parametrize("lang", LANGS)
    def test_a_window_of_days_off_only_says_to_confirm_first(self, lang: str) -> None:
        result = check(
            permit_issued=date(2026, 9, 17),  # first day: 1 October 2026
            permit_expires=FAR_PERMIT_EXPIRY,
            passport_expires=date(2026, 10, 7),  # last day: the last of the break
            on=date(2026, 9, 20),
            category="A",
            lang=lang,
        )
        says = note(result, "no_working_day_in_window")
        assert {"en": "may be closed", "zh": "可能不办公"}[lang] in says


class TestDaysAfterTheHolidayCalendarsLastYear:
    def test_a_last_day_after_the_covered_years_says_only_weekends_are_counted(self) -> None:
        last_year = load_working_days().last_year
        result = window_to(date(last_year + 1, 3, 1))
        says = note(result, "working_days_not_covered")
        assert f"only up to {last_year}" in says
        assert "weekends alone" in says

    def test_a_window_inside_the_covered_years_has_no_such_note(self) -> None:
        assert "working_days_not_covered" not in note_ids(window_to(date(2026, 12, 6)))


# --- Every sentence of every answer ----------------------------------------------------

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
EN_DATE = re.compile(rf"(\w+ )?\d{{1,2}} (?:{MONTHS}) \d{{4}}")
ZH_DATE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日(（星期.）)?")
WEEKDAYS_EN = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}


def every_answer() -> list[Any]:
    """Every worked case in both languages and every category, plus the edge windows."""
    answers = [
        check(**case_dates(case), category=category, lang=lang)
        for case in worked_cases()
        for category in ("A", "B", "unknown")
        for lang in LANGS
    ]
    for lang in LANGS:
        answers += [
            window_to(date(2026, 12, 6), lang=lang),
            window_to(date(2026, 10, 5), lang=lang),
            window_to(date(2027, 12, 5), lang=lang),
            window_from(date(2026, 10, 3), lang=lang),
        ]
    return answers


ANSWERS = every_answer()


def sentences(result: Any) -> list[str]:
    return [
        result.headline,
        *(rule.message for rule in result.rules),
        *(item.message for item in result.notes),
    ]


def test_every_status_is_among_the_answers_checked() -> None:
    assert {result.status for result in ANSWERS} == set(Status)


@pytest.mark.parametrize("word", ["null", "None", "undefined", "NaN", "{", "}"])
def test_no_sentence_shows_an_empty_value_or_a_placeholder(word: str) -> None:
    for result in ANSWERS:
        for sentence in sentences(result):
            assert word not in sentence, sentence


def test_every_date_a_sentence_writes_carries_its_weekday() -> None:
    checked = 0
    for result in ANSWERS:
        for sentence in sentences(result):
            if result.lang == "en":
                for match in EN_DATE.finditer(sentence):
                    assert (match[1] or "").strip() in WEEKDAYS_EN, sentence
                    checked += 1
            else:
                for match in ZH_DATE.finditer(sentence):
                    assert match[1], sentence
                    checked += 1
    assert checked > 1000


def test_no_sentence_gives_an_opening_hour() -> None:
    hour = re.compile(r"\d{1,2}[:：]\d{2}|\d{1,2} ?(am|pm)\b|\d{1,2}点")
    for result in ANSWERS:
        for sentence in sentences(result):
            assert not hour.search(sentence), sentence
