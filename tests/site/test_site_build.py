"""The built guide: every page in both languages, with the right language, and a strict build.

The site under test is the one `make build` made (fixture `site_dir`). The strict-build tests
build a small project of their own with the guide's own mkdocs.yml settings (strict mode,
link validation, the i18n plugin and its fallback notice), so a broken link is proven to fail.
"""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from tests.site.guide_pages import GUIDE_PAGES
from mkdocs.utils.yaml import get_yaml_loader
from rule_data import format_date, load_guide_data

from tests import ROOT
PAGES = GUIDE_PAGES
LANGUAGES = {"en": "", "zh": "zh/"}


def built_page(site_dir: Path, page: str, lang: str) -> Path:
    folder = "" if page == "index" else f"{page}/"
    return site_dir / f"{LANGUAGES[lang]}{folder}index.html"


def html_lang(path: Path) -> str:
    found = re.search(r"<html[^>]*\blang=\"([^\"]+)\"", path.read_text("utf-8"))
    assert found, f"{path} has no <html lang>"
    return found.group(1)


# --- the pages ----------------------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES)
def test_every_page_is_written_in_both_languages(page: str) -> None:
    assert (ROOT / "docs" / f"{page}.md").is_file()
    assert (ROOT / "docs" / f"{page}.zh.md").is_file()


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_is_built_with_its_language_in_html_lang(
    site_dir: Path, page: str, lang: str
) -> None:
    path = built_page(site_dir, page, lang)
    assert path.is_file(), f"{page} in {lang} was not built"
    assert html_lang(path).split("-")[0] == lang


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_offers_the_other_language_by_a_relative_link(
    site_dir: Path, page: str, lang: str
) -> None:
    text = built_page(site_dir, page, lang).read_text("utf-8")
    switcher = re.findall(r'<a href="([^"]*)" hreflang="(\w+)" class="md-select__link"', text)
    assert {hreflang for _, hreflang in switcher} == set(LANGUAGES)
    for href, _ in switcher:
        assert not href.startswith(("/", "http")), f"{page} ({lang}) switcher link {href}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_home_page_dates_the_2024_change(site_dir: Path, lang: str) -> None:
    change = load_guide_data().rules["notes"]["policy_currency"]
    text = built_page(site_dir, "index", lang).read_text("utf-8")
    since = change["work_permit_on_social_security_card_since"]
    assert format_date(since, lang=lang) in text


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_home_pages_notice_links_to_what_changed_in_december_2024(
    site_dir: Path, lang: str
) -> None:
    text = built_page(site_dir, "index", lang).read_text("utf-8")
    notice = re.search(r'<div class="admonition warning">.*?</div>', text, re.DOTALL)
    assert notice, f"the {lang} home page has no notice"
    assert 'href="december-2024/"' in notice.group(0)


@pytest.mark.parametrize(
    ("lang", "title"), [("en", "What changed in December 2024"), ("zh", "2024年12月的变化")]
)
def test_what_changed_in_december_2024_is_in_the_navigation_in_its_language(
    site_dir: Path, lang: str, title: str
) -> None:
    home = built_page(site_dir, "index", lang).read_text("utf-8")
    page = built_page(site_dir, "december-2024", lang).read_text("utf-8")
    assert re.search(rf'href="december-2024/"[^>]*>\s*<span class="md-ellipsis">\s*{title}', home)
    assert f"<title>{title} - " in page


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_sources_page_shows_the_rules_version_and_last_verified(
    site_dir: Path, lang: str
) -> None:
    rules = load_guide_data().rules
    text = built_page(site_dir, "sources", lang).read_text("utf-8")
    assert rules["rules_version"] in text
    assert format_date(rules["last_verified"], lang=lang) in text


@pytest.mark.parametrize(("lang", "other", "label"), [("en", "zh", "(in Chinese)"), ("zh", "en", "（英文）")])
def test_the_sources_page_names_a_source_written_in_the_other_language(
    site_dir: Path, lang: str, other: str, label: str
) -> None:
    text = built_page(site_dir, "sources", lang).read_text("utf-8")
    for source in load_guide_data().rules["sources"].values():
        link = f'href="{source["url"]}">{html.escape(source["title"], quote=False)}</a>'
        assert link in text
        after = text.split(link, 1)[1][: len(label) + 1]
        assert (label in after) == (source.get("written_in") == other), source["title"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_eligibility_page_keeps_the_rules_and_examples_below_the_form(
    site_dir: Path, lang: str
) -> None:
    text = built_page(site_dir, "eligibility", lang).read_text("utf-8")
    assert text.count('class="worked-case"') == len(load_guide_data().cases)
    assert 'id="rules"' in text


def test_no_built_page_fetches_anything_from_another_host(site_dir: Path) -> None:
    # Links to the sources are ordinary <a href>; whatever the browser fetches must be local.
    fetched_tag = re.compile(r"<(?:script|link|img|source|iframe|audio|video)\b[^>]*>")
    address = re.compile(r"\b(?:src|href)=\"((?:https?:)?//[^\"]*)\"")
    for path in site_dir.rglob("*.html"):
        for tag in fetched_tag.findall(path.read_text("utf-8")):
            found = address.search(tag)
            assert not found, f"{path.relative_to(site_dir)} loads {found and found.group(1)}"


# --- a strict build, on a small project with the guide's settings -----------------------


def guide_config() -> dict[str, Any]:
    text = (ROOT / "mkdocs.yml").read_text("utf-8")
    return yaml.load(text, Loader=get_yaml_loader())


def write_small_project(tmp_path: Path, pages: dict[str, str]) -> Path:
    """A project with the guide's strict, validation and i18n settings and the given pages."""
    guide = guide_config()
    config = {
        "site_name": "strict build check",
        "strict": guide["strict"],
        "validation": guide["validation"],
        "theme": {"name": "material", "language": "en", "font": False},
        "plugins": [plugin for plugin in guide["plugins"] if "i18n" in plugin],
        "hooks": [str(ROOT / "hooks" / "i18n_fallback_notice.py")],
        "markdown_extensions": guide["markdown_extensions"],
        "nav": [{"Home": "index.md"}, {"Lost card": "lost-card.md"}],
    }
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in pages.items():
        (docs / name).write_text(text, "utf-8")
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    return tmp_path


def build(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(project / "site")],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )


GOOD_PAGES = {
    "index.md": "# Home\n\nSee [the lost card page](lost-card.md#what-to-do).\n",
    "index.zh.md": "# 首页\n\n见[卡片遗失](lost-card.md#what-to-do)。\n",
    "lost-card.md": "# Lost card\n\n## What to do { #what-to-do }\n\nAsk at an outlet.\n",
    "lost-card.zh.md": "# 卡片遗失\n\n## 怎么办 { #what-to-do }\n\n请到网点询问。\n",
}


def test_the_small_project_builds_when_its_links_are_sound(tmp_path: Path) -> None:
    result = build(write_small_project(tmp_path, GOOD_PAGES))
    assert result.returncode == 0, result.stderr


def test_a_link_to_a_missing_page_fails_the_strict_build(tmp_path: Path) -> None:
    pages = {**GOOD_PAGES, "index.md": "# Home\n\nSee [fees](fees.md).\n"}
    result = build(write_small_project(tmp_path, pages))
    assert result.returncode != 0
    assert "fees.md" in result.stderr


def test_a_link_to_a_missing_anchor_fails_the_strict_build(tmp_path: Path) -> None:
    pages = {**GOOD_PAGES, "index.md": "# Home\n\nSee [steps](lost-card.md#hotline).\n"}
    result = build(write_small_project(tmp_path, pages))
    assert result.returncode != 0
    assert "hotline" in result.stderr


def test_an_untranslated_page_says_so_in_chinese(tmp_path: Path) -> None:
    pages = {name: text for name, text in GOOD_PAGES.items() if name != "lost-card.zh.md"}
    project = write_small_project(tmp_path, pages)
    result = build(project)
    assert result.returncode == 0, result.stderr
    fallback = (project / "site" / "zh" / "lost-card" / "index.html").read_text("utf-8")
    assert "尚未翻译" in fallback
    assert html_lang(project / "site" / "zh" / "lost-card" / "index.html") == "zh"
    translated = (project / "site" / "zh" / "index.html").read_text("utf-8")
    assert "尚未翻译" not in translated
