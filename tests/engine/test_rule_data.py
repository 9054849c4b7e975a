"""The rule data files: every rule, note and guide fact cites a source that exists."""

import tomllib

from tests import ROOT

RULES = tomllib.loads((ROOT / "checker" / "rules.toml").read_text("utf-8"))
GUIDE_FACTS = tomllib.loads((ROOT / "hooks" / "guide_facts.toml").read_text("utf-8"))


def test_every_rule_names_a_known_source() -> None:
    for rule_id, rule in {**RULES["rules"], **RULES["notes"], **RULES["procedures"]}.items():
        cited = [rule["source"], *rule.get("also_source", [])]
        for key in cited:
            assert key in RULES["sources"], f"{rule_id} cites unknown source {key!r}"


def test_every_source_has_an_address_and_a_retrieval_date() -> None:
    for key, source in RULES["sources"].items():
        assert source["url"].startswith(("http://", "https://")), key
        assert "retrieved" in source, key


def test_a_sources_language_is_english_or_chinese_where_it_is_given() -> None:
    for key, source in RULES["sources"].items():
        assert source.get("written_in", "en") in ("en", "zh"), key
    assert RULES["sources"]["article"]["written_in"] == "en", "Hangzhou's English portal"
    assert RULES["sources"]["bendibao"]["written_in"] == "zh", "the Chinese article"


def test_every_guide_fact_names_a_known_source_and_how_far_to_trust_it() -> None:
    assert GUIDE_FACTS, "hooks/guide_facts.toml has no facts"
    for fact_id, fact in GUIDE_FACTS.items():
        assert fact["source"] in RULES["sources"], f"{fact_id} cites unknown source"
        assert fact["confidence"].split(":")[0] in {"high", "medium"}, fact_id


def test_every_guide_fact_figure_is_a_whole_number() -> None:
    for fact_id, fact in GUIDE_FACTS.items():
        figures = {key: value for key, value in fact.items() if key not in {"source", "confidence"}}
        assert figures, f"{fact_id} has no figures"
        for key, value in figures.items():
            assert isinstance(value, int), f"{fact_id}.{key} = {value!r}"
            assert value > 0, f"{fact_id}.{key} = {value!r}"


def test_the_engine_states_each_rule_of_the_rule_data_once() -> None:
    from checker.engine import RULES as STATEMENTS

    assert [statement.id for statement in STATEMENTS] == list(RULES["rules"])
