"""The message catalogue: every sentence exists in English and Chinese, alike in shape."""

from __future__ import annotations

import re
import string
import tomllib
from collections import defaultdict
from datetime import date
from importlib import resources

import pytest

from checker.engine import FIELD_ORDER, HEADLINES, RULES
from checker.messages import LANGS, catalogue, field_label, render
from checker.result import Status

RAW = tomllib.loads(resources.files("checker").joinpath("messages.toml").read_text("utf-8"))
CJK = re.compile(r"[\u4e00-\u9fff]")


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def test_every_message_has_exactly_english_and_chinese() -> None:
    for message_id, entry in RAW.items():
        assert set(entry) == set(LANGS), message_id


@pytest.mark.parametrize("message_id", sorted(RAW))
def test_both_languages_have_the_same_placeholders(message_id: str) -> None:
    assert placeholders(RAW[message_id]["en"]) == placeholders(RAW[message_id]["zh"])


@pytest.mark.parametrize("message_id", sorted(RAW))
def test_the_chinese_is_a_translation_and_neither_is_empty(message_id: str) -> None:
    english, chinese = RAW[message_id]["en"], RAW[message_id]["zh"]
    assert english.strip()
    assert chinese.strip()
    assert CJK.search(chinese), f"{message_id}: no Chinese characters in the zh text"


@pytest.mark.parametrize("message_id", sorted(RAW))
def test_every_message_renders_with_its_placeholders_filled(message_id: str) -> None:
    params: defaultdict[str, object] = defaultdict(lambda: date(2027, 3, 2))
    for lang in LANGS:
        text = catalogue()[message_id][lang].format_map(params)
        assert "{" not in text
        assert "}" not in text


def test_the_engine_finds_every_message_it_needs() -> None:
    needed = [f"field.{field}" for field in FIELD_ORDER]
    needed += [f"status.{status.value}" for status in Status]
    for rule in RULES:
        words = rule.words
        needed += [words.title, words.reading, words.passed, words.failed]
    needed += [*HEADLINES.values(), "note.policy_currency"]
    assert [message_id for message_id in needed if message_id not in RAW] == []


def test_dates_in_messages_are_written_per_language() -> None:
    assert render("calendar.reminder", "en", latest=date(2027, 3, 2)).count("2 March 2027") == 1
    assert "2027年3月2日" in render("calendar.reminder", "zh", latest=date(2027, 3, 2))


def test_field_labels_in_both_languages() -> None:
    assert field_label("passport_expires", "en") == "Passport expiry date"
    assert field_label("passport_expires", "zh") == "护照有效期截止日期"


def test_every_status_has_a_headline_and_every_rule_its_own_sentences() -> None:
    assert {status for status, _closed_by in HEADLINES} == set(Status)
    ids = [message_id for rule in RULES for message_id in vars_of(rule.words)]
    assert len(ids) == len(set(ids)) == 4 * len(RULES)


def vars_of(words: object) -> list[str]:
    return [getattr(words, name) for name in ("title", "reading", "passed", "failed")]
