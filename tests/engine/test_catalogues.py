"""The catalogues: every sentence exists in English and Chinese, alike in shape.

One format for all of them: the engine's `checker/messages.toml` and the site's own words
(`hooks/*_words.toml`), each `["id"]` with an `en` and a `zh` text.
"""

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
from tests import ROOT

RAW = tomllib.loads(resources.files("checker").joinpath("messages.toml").read_text("utf-8"))
HOOKS = ROOT / "hooks"
CATALOGUES = {
    "checker/messages.toml": RAW,
    **{
        f"hooks/{path.name}": tomllib.loads(path.read_text("utf-8"))
        for path in sorted(HOOKS.glob("*_words.toml"))
    },
}
ENTRIES = [(name, key) for name, entries in CATALOGUES.items() for key in entries]
CJK = re.compile(r"[\u4e00-\u9fff]")
# Texts that are the same in both languages: file names the reader saves.
FILE_NAME = re.compile(r"[a-z-]+[.](csv|ics)")


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}


def test_the_site_has_its_own_catalogues_beside_the_engines() -> None:
    assert set(CATALOGUES) >= {
        "checker/messages.toml",
        "hooks/checker_words.toml",
        "hooks/hr_words.toml",
        "hooks/guide_words.toml",
    }


@pytest.mark.parametrize(("catalogue", "message_id"), ENTRIES)
def test_every_message_has_exactly_english_and_chinese(catalogue: str, message_id: str) -> None:
    assert set(CATALOGUES[catalogue][message_id]) == set(LANGS)


@pytest.mark.parametrize(("catalogue", "message_id"), ENTRIES)
def test_both_languages_have_the_same_placeholders(catalogue: str, message_id: str) -> None:
    entry = CATALOGUES[catalogue][message_id]
    assert placeholders(entry["en"]) == placeholders(entry["zh"])


@pytest.mark.parametrize(("catalogue", "message_id"), ENTRIES)
def test_the_chinese_is_a_translation_and_neither_is_empty(catalogue: str, message_id: str) -> None:
    entry = CATALOGUES[catalogue][message_id]
    english, chinese = entry["en"], entry["zh"]
    assert english.strip()
    assert chinese.strip()
    if FILE_NAME.fullmatch(english):
        assert chinese == english
    elif re.search(r"[A-Za-z]", re.sub(r"\{\w+\}", "", english)):  # words, not placeholders
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


def test_every_encoding_refusal_has_its_own_sentence_on_the_staff_list_page() -> None:
    # the engine's reasons (error.file_encoding_*) and the page's (encoding_refused_*)
    engine = {
        key.removeprefix("error.file_")
        for key in CATALOGUES["checker/messages.toml"]
        if key.startswith("error.file_encoding_")
    }
    page = {
        key.removeprefix("encoding_refused_")
        for key in CATALOGUES["hooks/hr_words.toml"]
        if key.startswith("encoding_refused_")
    }
    assert "encoding_utf8_or_gb18030" in engine
    assert engine == page
