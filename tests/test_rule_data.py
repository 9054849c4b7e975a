"""The rule data file: every rule and note cites a source that exists."""

import tomllib
from pathlib import Path

RULES = tomllib.loads((Path(__file__).parents[1] / "checker" / "rules.toml").read_text("utf-8"))


def test_every_rule_names_a_known_source() -> None:
    for rule_id, rule in {**RULES["rules"], **RULES["notes"], **RULES["procedures"]}.items():
        cited = [rule["source"], *rule.get("also_source", [])]
        for key in cited:
            assert key in RULES["sources"], f"{rule_id} cites unknown source {key!r}"


def test_every_source_has_an_address_and_a_retrieval_date() -> None:
    for key, source in RULES["sources"].items():
        assert source["url"].startswith(("http://", "https://")), key
        assert "retrieved" in source, key


def test_the_engine_states_each_rule_of_the_rule_data_once() -> None:
    from checker.engine import RULES as STATEMENTS

    assert [statement.id for statement in STATEMENTS] == list(RULES["rules"])
