"""Chinese pages punctuate as Chinese: a full-width colon after a label (never ASCII ": "),
and no Latin space before 例如. Code, commands and scripts are left out: a command keeps its
own characters."""

from __future__ import annotations

import html
import re
import tomllib
from pathlib import Path

import pytest
from tests.site.guide_pages import GUIDE_PAGES, built_path

from tests import ROOT

NOT_TEXT = re.compile(r"<(script|style|pre|code|kbd|svg)\b.*?</\1>", re.S)
TAG = re.compile(r"<[^>]+>")
# An ASCII colon after Chinese text or a closing bracket, or a Latin space before 例如.
LATIN_PUNCTUATION = re.compile(r"[\u3400-\u9fff）」]\s*: |\S 例如")


def visible_text(path: Path) -> str:
    """The page's text as a reader sees it: tags removed (not replaced, so `</strong>: `
    reads as the reader reads it), entities decoded."""
    return html.unescape(TAG.sub("", NOT_TEXT.sub(" ", path.read_text("utf-8"))))


CHINESE_PAGES = sorted(
    {*(f"{built_path(page)}index.html" for page in GUIDE_PAGES), "embed/index.html", "404.html"}
)


@pytest.mark.parametrize("page", CHINESE_PAGES)
def test_a_chinese_page_has_no_latin_colon_or_space_in_its_text(site_dir: Path, page: str) -> None:
    text = visible_text(site_dir / "zh" / page)
    found = [text[max(0, hit.start() - 20) : hit.end() + 20] for hit in LATIN_PUNCTUATION.finditer(text)]
    assert found == []


def test_the_check_catches_a_label_written_the_english_way() -> None:
    assert LATIN_PUNCTUATION.search("护照有效: 申请当天")
    assert not LATIN_PUNCTUATION.search("护照有效：申请当天（例如 2026-12-15）")


def test_the_staff_lists_encoding_line_has_no_latin_space_between_chinese_words() -> None:
    """「按中文（GBK/GB18030）读取」, never 「按 中文（GBK/GB18030） 读取」."""
    words = tomllib.loads((ROOT / "hooks" / "hr_words.toml").read_text("utf-8"))
    names = [key for key in words if key.startswith("encoding_") and "{" not in words[key]["zh"]]
    assert "encoding_gb18030" in names
    for line in ("encoding_read", "encoding_refused_encoding_wrong"):
        for name in names:
            said = words[line]["zh"].replace("{encoding}", words[name]["zh"])
            assert not re.search(r"[\u3400-\u9fff（）] [\u3400-\u9fff（）]", said), said
