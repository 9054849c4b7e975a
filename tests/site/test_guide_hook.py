"""The guide's rule-data hook: pages show the engine's numbers, dates and answers.

Every figure on the site comes from checker/rules.toml, hooks/guide_facts.toml or
checker/cases/worked_cases.toml through hooks/rule_data.py; these tests ask the questions an
editor of the guide would.
"""

from __future__ import annotations

import copy
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from tests import ROOT
from checker.dates import today_in_hangzhou
from checker.rules import RuleValues, load_rules
from tests.site.guide_pages import GUIDE_PAGES
from rule_data import (
    GuideData,
    RuleDataError,
    UnknownLanguageError,
    UnknownRuleKeyError,
    UnknownShortcodeError,
    UnknownSourceError,
    WorkedCaseMismatchError,
    format_date,
    load_guide_data,
    render,
)

DOCS = ROOT / "docs"
PAGES = sorted(DOCS.glob("*.md"))
GUIDE_PAGE_FILES = [  # the guide's pages, each in English and Chinese
    DOCS / f"{name}{suffix}.md" for name in GUIDE_PAGES for suffix in ("", ".zh")
]
TWO_WEEKS = "<!-- rules:value rules.permit_held_two_weeks.min_days_since_permit_issued -->"


@pytest.fixture(scope="module")
def data() -> GuideData:
    return load_guide_data()


def with_rule(data: GuideData, path: str, new_value: Any) -> GuideData:
    """A copy of the data with one dotted key changed, as an editor would change the file."""
    rules = copy.deepcopy(dict(data.rules))
    *parents, last = path.split(".")
    table = rules
    for part in parents:
        table = table[part]
    table[last] = new_value
    return GuideData(rules=rules, cases=data.cases)


def page_language(page: Path) -> str:
    return "zh" if page.name.endswith(".zh.md") else "en"


# --- dates in each language --------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "lang", "written"),
    [
        (date(2018, 8, 20), "en", "20 August 2018"),
        (date(2018, 8, 20), "zh", "2018年8月20日"),
        (date(2024, 12, 1), "en", "1 December 2024"),
        (date(2024, 12, 1), "zh", "2024年12月1日"),
        (date(2026, 1, 31), "en", "31 January 2026"),
    ],
)
def test_dates_are_written_the_way_each_language_writes_them(
    day: date, lang: str, written: str
) -> None:
    assert format_date(day, lang=lang) == written


def test_a_date_in_the_rule_data_is_rendered_in_the_page_language(data: GuideData) -> None:
    opens_on = in_force_today("programme_open").day("opens_on")
    shortcode = "<!-- rules:value rules.programme_open.opens_on -->"
    assert render(f"From {shortcode}.", data=data, lang="en") == (
        f"From {format_date(opens_on, lang='en')}."
    )
    assert render(f"{shortcode}起", data=data, lang="zh") == f"{format_date(opens_on, lang='zh')}起"


# --- numbers ----------------------------------------------------------------------------


def test_the_two_weeks_are_the_number_in_the_rule_data(data: GuideData) -> None:
    days = in_force_today("permit_held_two_weeks").days("min_days_since_permit_issued")
    assert render(f"at least {TWO_WEEKS} days", data=data, lang="en") == f"at least {days} days"


def test_a_page_shows_the_value_in_force_today_not_one_taken_over_or_still_to_come(
    data: GuideData,
) -> None:
    today = today_in_hangzhou()
    dated = {
        "2018-08-20": {"value": 14, "source": "article"},
        (today - timedelta(days=1)).isoformat(): {"value": 21, "source": "article"},
        (today + timedelta(days=1)).isoformat(): {"value": 28, "source": "article"},
    }
    changed = with_rule(data, "rules.permit_held_two_weeks.min_days_since_permit_issued", dated)
    assert render(f"at least {TWO_WEEKS} days", data=changed, lang="en") == "at least 21 days"


def in_force_today(rule_id: str) -> RuleValues:
    """The engine's values of `rule_id` in force today in Hangzhou (what the guide shows)."""
    return load_rules().rule(rule_id).values_on(today_in_hangzhou())


@pytest.mark.parametrize(("lang", "written"), [("en", "2,825"), ("zh", "2825")])
def test_a_figure_from_the_guide_facts_is_written_the_way_each_language_writes_numbers(
    data: GuideData, lang: str, written: str
) -> None:
    changed = with_rule(data, "facts.combined_card.yangtze_delta_venues", 2825)
    shortcode = "<!-- rules:value facts.combined_card.yangtze_delta_venues -->"
    assert render(shortcode, data=changed, lang=lang) == written


def test_an_unknown_guide_fact_stops_the_build_naming_its_file(data: GuideData) -> None:
    with pytest.raises(UnknownRuleKeyError, match=r"'facts\.combined_card\.fee'.*guide_facts"):
        render("<!-- rules:value facts.combined_card.fee -->", data=data, lang="en")


def test_a_facts_key_in_the_rules_file_is_refused(tmp_path: Path) -> None:
    rules = tmp_path / "rules.toml"
    rules.write_text("[facts.combined_card]\ntransport_cities = 1\n", "utf-8")
    with pytest.raises(RuleDataError, match="must not have a 'facts' key"):
        load_guide_data(rules_path=rules)


def test_changing_the_rule_data_changes_the_rendered_page(data: GuideData) -> None:
    page = (DOCS / "apply.md").read_text("utf-8")
    changed = with_rule(data, "rules.permit_held_two_weeks.min_days_since_permit_issued", 17)
    before = render(page, data=data, lang="en")
    after = render(page, data=changed, lang="en")
    assert before != after
    assert "at least\n   17 days old" in after
    assert "17 days" not in before


def test_changing_the_policy_date_changes_the_chinese_home_page(data: GuideData) -> None:
    page = (DOCS / "index.zh.md").read_text("utf-8")
    key = "notes.policy_currency.work_permit_on_social_security_card_since"
    changed = with_rule(data, key, date(2025, 3, 9))
    assert "2025年3月9日" in render(page, data=changed, lang="zh")
    assert "2025年3月9日" not in render(page, data=data, lang="zh")


def test_a_new_rules_version_shows_on_the_sources_page(data: GuideData) -> None:
    page = (DOCS / "sources.md").read_text("utf-8")
    changed = with_rule(data, "rules_version", "2099-01-01.7")
    assert "2099-01-01.7" in render(page, data=changed, lang="en")


# --- every page renders completely, in both languages -----------------------------------


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_every_page_renders_with_no_shortcode_left(page: Path, data: GuideData) -> None:
    rendered = render(page.read_text("utf-8"), data=data, lang=page_language(page))
    assert "<!-- rules:" not in rendered


@pytest.mark.parametrize("page", GUIDE_PAGE_FILES, ids=lambda page: page.name)
def test_every_guide_page_ends_with_its_sources(page: Path, data: GuideData) -> None:
    rendered = render(page.read_text("utf-8"), data=data, lang=page_language(page))
    source_urls = [source["url"] for source in data.rules["sources"].values()]
    tail = rendered[rendered.rfind("\n## ") :]
    assert any(url in tail for url in source_urls), f"{page.name} does not end with sources"


# --- mistakes in a page fail loudly -----------------------------------------------------


def test_an_unknown_rule_key_stops_the_build_naming_the_key(data: GuideData) -> None:
    with pytest.raises(UnknownRuleKeyError, match=re.escape("rules.permit_held_three_weeks")):
        render("<!-- rules:value rules.permit_held_three_weeks.days -->", data=data, lang="en")


def test_a_key_naming_a_whole_table_is_refused(data: GuideData) -> None:
    with pytest.raises(UnknownRuleKeyError, match="not one value"):
        render("<!-- rules:value rules.programme_open -->", data=data, lang="en")


def test_an_unknown_shortcode_is_refused(data: GuideData) -> None:
    with pytest.raises(UnknownShortcodeError, match="rules:valeu"):
        render("<!-- rules:valeu rules_version -->", data=data, lang="en")


def test_an_unknown_source_is_refused(data: GuideData) -> None:
    with pytest.raises(UnknownSourceError, match="'wikipedia'"):
        render("<!-- rules:sources-used article wikipedia -->", data=data, lang="en")


def test_an_unknown_language_is_refused(data: GuideData) -> None:
    with pytest.raises(UnknownLanguageError, match="'fr'"):
        render(TWO_WEEKS, data=data, lang="fr")


# --- sources ------------------------------------------------------------------------------


def test_the_sources_table_lists_every_source_with_address_and_dates(data: GuideData) -> None:
    table = render("<!-- rules:sources-table -->", data=data, lang="en")
    for source in data.rules["sources"].values():
        assert source["url"] in table
        assert source["supports"] in table
        assert format_date(source["retrieved"], lang="en") in table
        if "published" in source:
            assert format_date(source["published"], lang="en") in table


def test_the_chinese_sources_table_says_in_chinese_what_each_supports(data: GuideData) -> None:
    table = render("<!-- rules:sources-table -->", data=data, lang="zh")
    for source in data.rules["sources"].values():
        assert source["supports_zh"] in table


# --- worked examples: the engine's own answers --------------------------------------------


def test_every_worked_case_is_on_the_page_with_the_engine_answer(data: GuideData) -> None:
    from checker import check

    for lang, question_key in (("en", "question"), ("zh", "question_zh")):
        examples = render("<!-- rules:worked-examples -->", data=data, lang=lang)
        for case in data.cases:
            assert case[question_key] in examples
            answer = check(
                permit_issued=case["permit_issued"],
                permit_expires=case["permit_expires"],
                passport_expires=case["passport_expires"],
                on=case["on"],
                category=case.get("category", "unknown"),
                lang=lang,
            )
            assert answer.headline in examples


def test_a_worked_case_the_engine_disagrees_with_stops_the_build(data: GuideData) -> None:
    cases = [dict(case) for case in data.cases]
    wrong = "too_late" if cases[0]["status"] != "too_late" else "eligible"
    cases[0]["status"] = wrong
    with pytest.raises(WorkedCaseMismatchError, match=cases[0]["id"]):
        render(
            "<!-- rules:worked-examples -->",
            data=GuideData(rules=data.rules, cases=cases),
            lang="en",
        )
