"""Say visibly when a page is shown in another language because it is not translated yet.

mkdocs-static-i18n (`fallback_to_default: true`) builds a missing `page.zh.md` from
`page.md`; this hook puts a notice, in the reader's language, at the top of such a page.
"""

from __future__ import annotations

from collections.abc import Mapping

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

NOTICES: Mapping[str, str] = {
    "en": (
        '!!! warning "Not translated yet"\n\n'
        "    This page has no English version yet; it is shown in its original language.\n\n"
    ),
    "zh": ('!!! warning "尚未翻译"\n\n    本页还没有中文版，下面显示的是英文原文。\n\n'),
}


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Prefix the notice when the page's file is in another language than the build's."""
    build_language = str(config.theme["language"]).split("-")[0]
    file_language = str(getattr(page.file, "locale", build_language)).split("-")[0]
    if file_language == build_language:
        return markdown
    return fallback_notice(lang=build_language, page_path=page.file.src_path) + markdown


def fallback_notice(*, lang: str, page_path: str) -> str:
    """The notice in lang; an unknown language stops the build."""
    if lang not in NOTICES:
        raise PluginError(f"{page_path}: no 'not translated yet' notice for language '{lang}'")
    return NOTICES[lang]
