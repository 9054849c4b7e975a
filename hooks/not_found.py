"""Template step (hooks/pages.py runs it): the not-found page in each language.

The theme renders ``404.html`` once per language build, each time to the site's root, so
the last language would win. Here the default language's page stays at the root
(``404.html``) and every other language's goes to its own folder (``zh/404.html``); each
gets its words (``guide_words.toml``) and a link to its own home page. A server shows the
page at whatever address was not found, so the link starts from the site's root path
(``site_url``: build with ``SITE_URL`` for a sub-path, as the HR guide says).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from _page import esc, page_language, short_language, words_for

PLACEHOLDER = "<div data-not-found-placeholder></div>"
DEFAULT_LANG = "en"


def _home(config: Any, lang: str) -> str:
    root = urlsplit(config.get("site_url") or "/").path or "/"
    root = root if root.endswith("/") else root + "/"
    return root if lang == DEFAULT_LANG else f"{root}{lang}/"


def not_found_page(output: str, config: Any) -> str:
    """The page with its words and home link; a non-default language's page is written to
    its own folder here, and "" returned so that the theme does not overwrite the root's."""
    lang = short_language(page_language(output))
    words = words_for("guide_words", lang)
    body = (
        f"<h1>{esc(words['not_found_heading'])}</h1>\n"
        f"<p>{esc(words['not_found_text'])}</p>\n"
        f'<p><a href="{esc(_home(config, lang))}">{esc(words["not_found_home"])}</a></p>'
    )
    output = output.replace(PLACEHOLDER, body)
    if lang == DEFAULT_LANG:
        return output
    target = Path(config["site_dir"]) / lang / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return ""
