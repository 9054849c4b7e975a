"""The guide's facts, page by page: stated in both languages, sourced, and in its own words.

- Each fact added from the sources' second reading (what Hangzhou's 2018 rules did, what
  changed on 1 December 2024, the glossary's new entries) is stated on its pages in English
  and in Chinese, and each such page names the fact's source in its closing "Sources".
- An English page and its Chinese translation state the same dates and numbers.
- No page repeats ten words in a row from a source text (`tests/site/sources/`).

Pages are read as the site shows them: the Markdown with every rule-data shortcode rendered.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from tests.site.guide_pages import GUIDE_PAGES

from hooks.rule_data import GuideData, load_guide_data, render

from tests import ROOT
DOCS = ROOT / "docs"
SOURCE_TEXTS = sorted((ROOT / "tests" / "site" / "sources").glob("*.*"))
SOURCE_TEXTS = [path for path in SOURCE_TEXTS if path.name != "README.md"]
LANGUAGES = ("en", "zh")
RUN_LENGTH = 10  # words in a row that count as copied

SINCE = "<!-- rules:value notes.policy_currency.work_permit_on_social_security_card_since -->"
CARD = "<!-- rules:value facts.combined_card."


@dataclass(frozen=True)
class Fact:
    """A fact, the source it rests on, its pages, and the words that state it in each language.

    Phrases may hold rule-data shortcodes; they are rendered in the page's language first.
    """

    name: str
    source: str
    pages: tuple[str, ...]
    en: tuple[str, ...]
    zh: tuple[str, ...]


FACTS = (
    # What Hangzhou's 2018 implementing rules did (hz.bendibao.com, 2018-08-22)
    Fact(
        "the 2018 rules brought every foreign talent working in Hangzhou into the scheme",
        source="bendibao",
        pages=("services", "index"),
        en=("every foreign talent working in Hangzhou",),
        zh=("在杭州工作的外国人才都纳入了市民卡的发放范围",),
    ),
    Fact(
        "before 2018 only foreign talents in social insurance could get a card",
        source="bendibao",
        pages=("services",),
        en=("only when enrolled in social insurance",),
        zh=("只有参加了社会保险才能办卡",),
    ),
    Fact(
        "class A holders could get a credit card",
        source="bendibao",
        pages=("services",),
        en=("class A work permit", "credit card"),
        zh=("A类工作许可", "信用卡"),
    ),
    Fact(
        "a custom insurance product, cheaper, with guided hospital visits for high-end talent",
        source="bendibao",
        pages=("services",),
        en=("custom insurance product", "below comparable products", "导医、陪同就诊"),
        zh=("专门保险产品", "低于同类产品", "导医和陪同就诊"),
    ),
    # What changed on 1 December 2024 (national, with Zhejiang first)
    Fact(
        "since 1 December 2024 the permit's data is carried on the social security card",
        source="social_security_card_beijing",
        pages=("december-2024", "index", "identity-change"),
        en=(SINCE, "carried on the social security card"),
        zh=(SINCE, "工作许可信息加载到社会保障卡上"),
    ),
    Fact(
        "work permits are handled online in the Service System for Foreigners Working in China",
        source="work_permit_online_beijing",
        pages=("december-2024",),
        en=(
            "apply for a work permit, extend it, change it or cancel it online",
            "Service System for Foreigners Working in China (外国人来华工作管理服务系统)",
        ),
        zh=("申请、延期、变更和注销都在网上办理", "外国人来华工作管理服务系统"),
    ),
    Fact(
        "new applicants get no physical permit",
        source="work_permit_online_beijing",
        pages=("december-2024",),
        en=("New applicants no longer receive a physical permit",),
        zh=("新申请人不再领取实体许可证",),
    ),
    Fact(
        "an existing physical permit is replaced only at an extension or change",
        source="work_permit_online_beijing",
        pages=("december-2024",),
        en=("not replaced until you extend or change it", "no change, no replacement"),
        zh=("要到延期或变更时才会更换", "不变不换"),
    ),
    Fact(
        "the electronic social security card app gives a card with the permit's data",
        source="work_permit_online_beijing",
        pages=("december-2024",),
        en=(
            "electronic social security card app (电子社保卡)",
            "real person",
            "electronic card that holds your work permit's data",
        ),
        zh=("电子社保卡应用", "实人认证", "载有工作许可信息的电子卡"),
    ),
    Fact(
        "expats in Zhejiang were the first to receive the combined card",
        source="social_security_card_shanghai",
        pages=("december-2024",),
        en=("Foreign residents of Zhejiang received the combined card before anyone else",),
        zh=("浙江的外籍人员最先领到这种合一卡片",),
    ),
    Fact(
        "the combined card works on subways and buses in 336 cities",
        source="social_security_card_shanghai",
        pages=("december-2024",),
        en=(f"Metro and bus: in {CARD}transport_cities --> cities",),
        zh=(f"地铁和公交：{CARD}transport_cities -->个城市",),
    ),
    Fact(
        "the combined card works at 2,825 venues in the Yangtze River Delta",
        source="social_security_card_shanghai",
        pages=("december-2024",),
        en=(
            f"Culture and tourism: at {CARD}yangtze_delta_venues --> venues across the "
            "Yangtze River Delta",
        ),
        zh=(f"文化和旅游：长三角地区的{CARD}yangtze_delta_venues -->个场所",),
    ),
    Fact(
        "the combined card works at medical institutions and pharmacies in 41 cities",
        source="social_security_card_shanghai",
        pages=("december-2024",),
        en=(f"medical institutions and pharmacies in {CARD}medical_cities --> cities",),
        zh=(f"{CARD}medical_cities -->个城市的医疗机构和药店",),
    ),
    Fact(
        "one online application, the card at home within 10 days",
        source="social_security_card_shanghai",
        pages=("december-2024",),
        en=(
            "single online application",
            f"delivered to the holder's home within {CARD}delivered_within_days --> days",
        ),
        zh=("只需在网上申请一次", f"{CARD}delivered_within_days -->天内寄到持卡人家中"),
    ),
    Fact(
        "whether the 2018 procedure still applies is not known: confirm at an outlet",
        source="social_security_card_beijing",
        pages=("december-2024", "sources"),
        en=("whether Hangzhou's 2018 procedure", "still applies after"),
        zh=("杭州2018年", "是否仍然适用"),
    ),
    # The glossary's new entries
    Fact(
        "the guide's advice: confirm the current procedure at a citizen card service outlet",
        source="social_security_card_beijing",
        pages=("glossary", "december-2024"),
        en=("onfirm the current procedure at a citizen card service outlet",),
        zh=("确认现行办理流程，以市民卡服务网点的说明为准",),
    ),
    Fact(
        "the electronic social security card is called 电子社保卡",
        source="work_permit_online_beijing",
        pages=("glossary",),
        en=("Electronic social security card (an app) | 电子社保卡",),
        zh=("电子社保卡（手机应用） | Electronic social security card (an app)",),
    ),
)
FACT_PAGES = [
    pytest.param(fact, page, lang, id=f"{fact.name} [{page}.{lang}]")
    for fact in FACTS
    for page in fact.pages
    for lang in LANGUAGES
]


@pytest.fixture(scope="module")
def data() -> GuideData:
    return load_guide_data()


def page_file(page: str, lang: str) -> Path:
    return DOCS / (f"{page}.md" if lang == "en" else f"{page}.{lang}.md")


def rendered(page: str, lang: str, data: GuideData) -> str:
    """The page as the site shows it: its Markdown with every shortcode rendered."""
    return render(page_file(page, lang).read_text("utf-8"), data=data, lang=lang)


def one_line(text: str) -> str:
    """Text on one line, without bold marks, in lower case: how a phrase is looked for."""
    return re.sub(r"\s+", " ", text.replace("**", "")).casefold()


def closing_sources(text: str) -> str:
    """The page's closing "Sources" section (its last second-level heading onwards)."""
    return text[text.rfind("\n## ") :]


# --- each new fact, on each of its pages, in both languages ---------------------------------


@pytest.mark.parametrize(("fact", "page", "lang"), FACT_PAGES)
def test_each_new_fact_is_stated_on_its_pages(
    fact: Fact, page: str, lang: str, data: GuideData
) -> None:
    text = one_line(rendered(page, lang, data))
    for phrase in fact.en if lang == "en" else fact.zh:
        shown = one_line(render(phrase, data=data, lang=lang))
        assert shown in text, f"{page_file(page, lang).name} does not say: {shown}"


@pytest.mark.parametrize(("fact", "page", "lang"), FACT_PAGES)
def test_each_new_fact_names_its_source_on_the_page(
    fact: Fact, page: str, lang: str, data: GuideData
) -> None:
    source = data.rules["sources"][fact.source]
    tail = closing_sources(rendered(page, lang, data))
    assert source["url"] in tail, f"{page_file(page, lang).name} does not cite {fact.source}"


def test_every_fact_rests_on_a_source_of_the_rule_data(data: GuideData) -> None:
    unknown = {fact.source for fact in FACTS} - set(data.rules["sources"])
    assert unknown == set()


def test_the_december_2024_page_says_what_is_not_known_and_where_to_ask(
    data: GuideData,
) -> None:
    english = one_line(rendered("december-2024", "en", data))
    chinese = one_line(rendered("december-2024", "zh", data))
    assert "## what is not known" in english
    assert "## 尚不清楚的情况" in chinese
    assert "citizen card service outlet (市民卡服务网点)" in english
    assert "以市民卡服务网点的说明为准" in chinese


# --- the same dates and numbers in both languages -----------------------------------------

MONTHS = [
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
]
EN_DAY = re.compile(rf"\b(\d{{1,2}}) ({'|'.join(MONTHS)}) (\d{{4}})\b")
EN_MONTH = re.compile(rf"\b({'|'.join(MONTHS)}) (\d{{4}})\b")
ZH_DAY = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
ZH_MONTH = re.compile(r"(\d{4})年(\d{1,2})月")
NUMBER = re.compile(r"\d(?:[\d,]*\d)?")


URL = re.compile(r"https?://[^\s)]+")


def dates_and_numbers(text: str) -> set[str]:
    """Every date (as YYYY-MM-DD or YYYY-MM) and every other number a text states.

    Both languages' ways of writing dates are read on every page: an English page shows
    Chinese date formats, and a Chinese page cites sources by their English titles.
    """
    found: set[str] = set()

    def dated(year: str, month: int, day: str | None = None) -> str:
        found.add(f"{year}-{month:02d}" + (f"-{int(day):02d}" if day else ""))
        return " "

    text = re.sub(r"\s+", " ", URL.sub(" ", text))
    text = EN_DAY.sub(lambda m: dated(m[3], MONTHS.index(m[2]) + 1, m[1]), text)
    text = EN_MONTH.sub(lambda m: dated(m[2], MONTHS.index(m[1]) + 1), text)
    text = ZH_DAY.sub(lambda m: dated(m[1], int(m[2]), m[3]), text)
    text = ZH_MONTH.sub(lambda m: dated(m[1], int(m[2])), text)
    found.update(number.replace(",", "") for number in NUMBER.findall(text))
    return found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Since 1 December 2024, at 2,825 venues", {"2024-12-01", "2825"}),
        ("自2024年12月1日起，2825个场所", {"2024-12-01", "2825"}),
        ("in March\n    2018, within 10 days", {"2018-03", "10"}),
        ("2018年3月，10天内", {"2018-03", "10"}),
        ("[a source](https://example.org/2024/12/1.html)", set()),
    ],
)
def test_dates_and_numbers_are_read_alike_in_both_languages(text: str, expected: set[str]) -> None:
    assert dates_and_numbers(text) == expected


@pytest.mark.parametrize("page", GUIDE_PAGES)
def test_english_and_chinese_pages_state_the_same_dates_and_numbers(
    page: str, data: GuideData
) -> None:
    english = dates_and_numbers(rendered(page, "en", data))
    chinese = dates_and_numbers(rendered(page, "zh", data))
    assert english - chinese == set(), f"{page}: only in English"
    assert chinese - english == set(), f"{page}: only in Chinese"


@pytest.mark.parametrize("page", GUIDE_PAGES)
def test_an_english_page_puts_on_before_a_full_date_never_in(page: str, data: GuideData) -> None:
    text = one_line(rendered(page, "en", data))
    wrong = re.findall(rf"\bin {EN_DAY.pattern}", text, flags=re.IGNORECASE)
    assert wrong == [], f"{page}.md: 'in' before {wrong}"


# --- in the guide's own words ---------------------------------------------------------------

# Names are quoted, never paraphrased: each counts as one word wherever it appears.
NAMES = (
    "Service System for Foreigners Working in China",
    "外国人来华工作管理服务系统",
    '杭州市外国高端人才服务"一卡通"实施细则',
    "Foreigners in Hangzhou can also apply for citizen cards",
    "Ministry of Human Resources and Social Security",
)
ASCII_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
WORD_OR_CJK = re.compile(rf"{ASCII_WORD.pattern}|{CJK_RUN.pattern}")


def words(text: str) -> Iterator[str]:
    """The words of a text, lower case: Latin words as written, Chinese cut by jieba."""
    import jieba  # the site's search index cuts Chinese with the same dictionary

    text = URL.sub(" ", text)
    for number, name in enumerate(NAMES):
        text = text.replace(name, f" name{number} ")
    for chunk in WORD_OR_CJK.findall(text.lower()):
        if CJK_RUN.fullmatch(chunk):
            yield from jieba.lcut(chunk)
        else:
            yield chunk


def runs(text: str) -> set[tuple[str, ...]]:
    found = list(words(text))
    return {tuple(found[i : i + RUN_LENGTH]) for i in range(len(found) - RUN_LENGTH + 1)}


@pytest.fixture(scope="module")
def source_runs() -> dict[str, set[tuple[str, ...]]]:
    assert SOURCE_TEXTS, "no source texts in tests/site/sources"
    return {path.name: runs(path.read_text("utf-8")) for path in SOURCE_TEXTS}


def copied_runs(text: str, source_runs: dict[str, set[tuple[str, ...]]]) -> list[str]:
    page_runs = runs(text)
    return [
        f"{name}: {' '.join(run)}"
        for name, found in source_runs.items()
        for run in sorted(page_runs & found)
    ]


def test_a_sentence_copied_from_the_article_is_caught(
    source_runs: dict[str, set[tuple[str, ...]]],
) -> None:
    copied = (
        "It is basically the same as the ordinary citizen card, and enjoys functions such as "
        "account function."
    )
    assert copied_runs(copied, source_runs) != []
    assert copied_runs("It works largely like the ordinary citizen card.", source_runs) == []


def test_a_chinese_phrase_copied_from_a_source_is_caught(
    source_runs: dict[str, set[tuple[str, ...]]],
) -> None:
    assert copied_runs("细则将在杭工作的外国人才全部纳入市民卡发放对象。", source_runs) != []


@pytest.mark.parametrize(
    ("page", "lang"), [(page, lang) for page in GUIDE_PAGES for lang in LANGUAGES]
)
def test_no_page_copies_ten_words_in_a_row_from_a_source(
    page: str, lang: str, data: GuideData, source_runs: dict[str, set[tuple[str, ...]]]
) -> None:
    copied = copied_runs(rendered(page, lang, data), source_runs)
    assert copied == [], f"{page_file(page, lang).name} copies:\n" + "\n".join(copied)
