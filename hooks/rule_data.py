"""Render the engine's rule data into the guide's pages, in the page's language.

One source of truth: every number and date of the rules, the sources, the rules version and
the worked examples come from `checker/rules.toml` and `checker/cases/worked_cases.toml` (the
table the engine's own tests run), and the guide's other sourced figures from
`hooks/guide_facts.toml` (read as the key `facts`), never typed into a page by hand.

Pages write shortcodes as HTML comments, so an unrendered page still reads cleanly:

    <!-- rules:value rules.permit_held_two_weeks.min_days_since_permit_issued -->   -> 14
    <!-- rules:value rules.programme_open.opens_on -->   -> 20 August 2018 / 2018年8月20日
    <!-- rules:value facts.combined_card.yangtze_delta_venues -->   -> 2,825 / 2825
    <!-- rules:running rules_version -->   -> 2026.11 in a span the checker's page fills
                                             with the running engine's own value
    <!-- rules:sources-used article bendibao -->   -> the page's closing "Sources" section
    <!-- rules:sources-table -->   -> every source with address, date and what it supports
    <!-- rules:worked-examples -->   -> every worked case, answered by `checker.check`

An unknown shortcode, key, source or language stops the build with a sentence naming it.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from _page import words_for
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from checker import check
from checker.dates import today_in_hangzhou
from checker.messages import LANGS, written_in_label
from checker.messages import format_date as engine_format_date
from checker.rules import is_dated_table, raw_value_in_force

ROOT = Path(__file__).resolve().parents[1]
RULES_PATH = ROOT / "checker" / "rules.toml"
CASES_PATH = ROOT / "checker" / "cases" / "worked_cases.toml"
FACTS_PATH = ROOT / "hooks" / "guide_facts.toml"

SHORTCODE = re.compile(r"<!-- rules:(?P<name>[a-z][a-z-]*)(?P<args>(?:[ \t]+[^\s>]+)*)[ \t]*-->")

LANGUAGES = LANGS

# The labels of a worked example's dates, as the form and the engine's errors name them.
CASE_FIELDS = ("permit_issued", "permit_expires", "passport_expires", "on", "category")


# ---------------------------------------------------------------------------------------
# Errors: each names what was asked for, so a typo in a page reads as a sentence
# ---------------------------------------------------------------------------------------


class RuleDataError(LookupError):
    """A page asked the rule data for something it does not have."""


class UnknownShortcodeError(RuleDataError):
    """`<!-- rules:NAME -->` with a NAME this hook does not render."""


class UnknownRuleKeyError(RuleDataError):
    """A dotted key that is not in checker/rules.toml."""


class UnknownSourceError(RuleDataError):
    """A source id that is not a key of [sources] in checker/rules.toml."""


class UnknownLanguageError(RuleDataError):
    """A page language other than those in LANGUAGES."""


class WorkedCaseMismatchError(RuleDataError):
    """The engine's answer to a worked case differs from the answer the table expects."""


# ---------------------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GuideData:
    """What the pages may show: the rule data and the worked cases."""

    rules: Mapping[str, Any]
    cases: Sequence[Mapping[str, Any]]


def load_guide_data(
    *,
    rules_path: Path = RULES_PATH,
    cases_path: Path = CASES_PATH,
    facts_path: Path = FACTS_PATH,
) -> GuideData:
    """Read the TOML files; a missing file is an error, never an empty page.

    The guide's own facts join the rule data under the key `facts`, so one shortcode reads both.
    """
    rules = tomllib.loads(rules_path.read_text("utf-8"))
    if "facts" in rules:
        raise RuleDataError(f"{rules_path.name} must not have a 'facts' key: it is {facts_path}")
    rules["facts"] = tomllib.loads(facts_path.read_text("utf-8"))
    cases = tomllib.loads(cases_path.read_text("utf-8"))["case"]
    return GuideData(rules=rules, cases=cases)


# ---------------------------------------------------------------------------------------
# MkDocs hook
# ---------------------------------------------------------------------------------------


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Replace every rules shortcode, in the language the page is written in."""
    lang = page_language(page=page, config=config)
    try:
        return render(markdown, data=load_guide_data(), lang=lang)
    except RuleDataError as error:
        raise PluginError(f"{page.file.src_path}: {error}") from error


def page_language(*, page: Page, config: MkDocsConfig) -> str:
    """The language of the page's own text (an untranslated page keeps its English)."""
    locale = getattr(page.file, "locale", None) or config.theme["language"]
    return str(locale).split("-")[0]


def render(markdown: str, *, data: GuideData, lang: str) -> str:
    """Replace every `<!-- rules:NAME ARGS -->` in markdown."""
    labels_for(lang=lang)
    renderers: Mapping[str, Callable[[list[str]], str]] = {
        "value": lambda args: value(_one(args, "value"), data=data, lang=lang),
        "running": lambda args: running(_one(args, "running"), data=data, lang=lang),
        "sources-used": lambda args: sources_used(args, data=data, lang=lang),
        "sources-table": lambda args: sources_table(data=data, lang=lang, args=args),
        "worked-examples": lambda args: worked_examples(data=data, lang=lang, args=args),
    }

    def replace(match: re.Match[str]) -> str:
        name = match["name"]
        if name not in renderers:
            raise UnknownShortcodeError(
                f"unknown shortcode 'rules:{name}'; known: {', '.join(sorted(renderers))}"
            )
        return renderers[name](match["args"].split())

    return SHORTCODE.sub(replace, markdown)


# ---------------------------------------------------------------------------------------
# Renderers
# ---------------------------------------------------------------------------------------


def value(key: str, *, data: GuideData, lang: str) -> str:
    """One value of the rule data by dotted key; dates and numbers are written out in lang."""
    where = "hooks/guide_facts.toml" if key.startswith("facts.") else "checker/rules.toml"
    found: Any = data.rules
    for part in key.split("."):
        if not isinstance(found, Mapping) or part not in found:
            raise UnknownRuleKeyError(f"no '{key}' in {where}")
        found = found[part]
    if is_dated_table(found):  # a rule's value by the day it takes effect: today's
        found = raw_value_in_force(found, today_in_hangzhou())
    if isinstance(found, date):
        return format_date(found, lang=lang)
    if isinstance(found, int):
        return format_number(found, lang=lang)
    if isinstance(found, str):
        return found
    raise UnknownRuleKeyError(f"'{key}' in {where} is a table or a list, not one value")


# What the running engine's rules_json says of its rules, which the checker's page shows.
RUNNING = ("rules_version", "last_verified")


def running(key: str, *, data: GuideData, lang: str) -> str:
    """The build's value of `key`, in a span the checker's page replaces with what the engine
    it actually runs says (a page from one build beside a cached runtime from another must
    not claim the build's rules)."""
    if key not in RUNNING:
        raise UnknownRuleKeyError(f"rules:running takes one of {', '.join(RUNNING)}, not '{key}'")
    found = data.rules[key]
    shown = (  # a day as the engine's answer writes it, weekday first, so nothing shifts
        format_date(found, lang=lang, weekday=True)
        if isinstance(found, date)
        else value(key, data=data, lang=lang)
    )
    return f'<span data-rules-running="{key}">{shown}</span>'


def format_number(number: int, *, lang: str) -> str:
    """2,825 / 2825: English groups thousands with commas; Chinese writes the digits alone."""
    labels_for(lang=lang)
    return f"{number:,}" if lang == "en" else str(number)


def format_date(day: date, *, lang: str, weekday: bool = False) -> str:
    """20 August 2018 / 2018年8月20日: the engine's own way of writing dates; with
    `weekday`, as its answers write them (Monday 20 August 2018 / 2018年8月20日（星期一）)."""
    labels_for(lang=lang)
    return engine_format_date(day, lang, weekday=weekday)


def sources_used(source_ids: Sequence[str], *, data: GuideData, lang: str) -> str:
    """The closing section of a page: the sources it relies on."""
    if not source_ids:
        raise UnknownSourceError("rules:sources-used needs at least one source id")
    labels = labels_for(lang=lang)
    items = [_source_line(source_id, data=data, lang=lang) for source_id in source_ids]
    return "\n".join(
        [f"## {labels['sources_heading']}", "", labels["sources_intro"], "", *items, ""]
    )


def sources_table(*, data: GuideData, lang: str, args: Sequence[str] = ()) -> str:
    """Every source of the rule data, with its address, dates and what it supports."""
    _no_args("sources-table", args)
    labels = labels_for(lang=lang)
    supports_key = "supports_zh" if lang == "zh" else "supports"
    blocks = []
    for source_id, source in data.rules["sources"].items():
        retrieved = labels["retrieved"].format(date=format_date(source["retrieved"], lang=lang))
        blocks.append(
            "\n".join(
                [
                    _source_line(source_id, data=data, lang=lang),
                    "",
                    f"    - {labels['supports']}{labels['colon']}{source[supports_key]}",
                    f"    - {retrieved}",
                ]
            )
        )
    return "\n\n".join(blocks) + "\n"


def worked_examples(*, data: GuideData, lang: str, args: Sequence[str] = ()) -> str:
    """Every worked case with the engine's own answer to it."""
    _no_args("worked-examples", args)
    return "\n".join(_worked_case(case, lang=lang) for case in data.cases)


# ---------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------


def labels_for(*, lang: str) -> Mapping[str, str]:
    if lang not in LANGUAGES:
        raise UnknownLanguageError(f"no page language '{lang}'; known: {', '.join(LANGUAGES)}")
    return words_for("guide_words", lang, fields=CASE_FIELDS)


def _one(args: Sequence[str], name: str) -> str:
    if len(args) != 1:
        raise UnknownRuleKeyError(f"rules:{name} takes exactly one key, got {len(args)}")
    return args[0]


def _no_args(name: str, args: Sequence[str]) -> None:
    if args:
        raise UnknownShortcodeError(f"rules:{name} takes no arguments, got {' '.join(args)}")


def _source_line(source_id: str, *, data: GuideData, lang: str) -> str:
    sources = data.rules["sources"]
    if source_id not in sources:
        raise UnknownSourceError(f"no source '{source_id}' in checker/rules.toml [sources]")
    source = sources[source_id]
    labels = labels_for(lang=lang)
    published = source.get("published")
    when = (
        labels["published"].format(date=format_date(published, lang=lang))
        if published
        else labels["undated"]
    )
    comma = "，" if lang == "zh" else ", "
    language = written_in_label(source.get("written_in"), lang) or ""
    return (
        f"- [{source['title']}]({source['url']}){language}{comma}{source['publisher']}{comma}{when}"
    )


def _worked_case(case: Mapping[str, Any], *, lang: str) -> str:
    labels = labels_for(lang=lang)

    def written(day: date) -> str:  # as the answer writes it, weekday first
        return format_date(day, lang=lang, weekday=True)

    category = case.get("category", "unknown")
    result = check(
        permit_issued=case["permit_issued"],
        permit_expires=case["permit_expires"],
        passport_expires=case["passport_expires"],
        on=case["on"],
        category=category,
        lang=lang,
    )
    answered = (str(result.status), result.earliest, result.latest)
    expected = (case["status"], case.get("earliest"), case.get("latest"))
    if answered != expected:
        raise WorkedCaseMismatchError(
            f"worked case '{case['id']}': the checker answers {answered}, "
            f"checker/cases/worked_cases.toml expects {expected}"
        )
    if result.earliest and result.latest and result.earliest <= result.latest:
        window = labels["window_range"].format(
            earliest=written(result.earliest),
            latest=written(result.latest),
        )
    else:
        window = labels["no_window"]

    question = case["question_zh"] if lang == "zh" else case["question"]
    shown_category = labels["category_unknown"] if category == "unknown" else category
    rows = [
        (labels["permit_issued"], written(case["permit_issued"])),
        (labels["permit_expires"], written(case["permit_expires"])),
        (
            labels["passport_expires"],
            format_date(case["passport_expires"], lang=lang, weekday=True),
        ),
        (labels["on"], written(case["on"])),
        (labels["category"], shown_category),
        (labels["window"], window),
    ]
    facts = "\n".join(f"- {name}{labels['colon']}**{shown}**" for name, shown in rows)
    return "\n".join(
        [
            f'<div class="worked-case" id="case-{case["id"].replace("_", "-")}" markdown>',
            "",
            f"**{question}**",
            "",
            facts,
            "",
            f"{labels['answer']}{labels['colon']}{result.headline}",
            "",
            "</div>",
            "",
        ]
    )
