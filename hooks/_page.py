"""What the page hooks share (a library, not a hook: mkdocs.yml does not list it).

The hooks import it as ``_page`` (MkDocs puts the hooks' folder on ``sys.path`` while it
loads them, and the tests do the same), so there is one copy of it in a build. It holds:
the page's language, the ``<head>`` additions every engine page needs (the early start of
the engine's worker, search-later.js), the one-placeholder check, and the build-time JSON
block each widget reads (its words and the few engine facts a page needs before the engine
has started, taken from ``checker/rules.toml``).
"""

from __future__ import annotations

import functools
import html
import json
import re
import tomllib
import urllib.parse
from pathlib import Path
from typing import Any

from checker_runtime import checker_package_name, runtime_downloads, runtime_path
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from checker.messages import field_label
from checker.rules import load_rules

__all__ = [
    "ASSETS",
    "add_to_head",
    "asks_for",
    "date_limits",
    "esc",
    "page_language",
    "progress_html",
    "short_language",
    "widget_config",
    "words_for",
]

ASSETS = "assets/checker/"

_HTML_LANG = re.compile(r"<html[^>]*\blang=\"([^\"]+)\"")


def page_language(output: str) -> str:
    """The page's language as the theme wrote it in ``<html lang>`` (``en`` if absent)."""
    found = _HTML_LANG.search(output)
    return found.group(1) if found else "en"


def short_language(lang: str) -> str:
    """The catalogue's language for a page language: ``zh`` for ``zh``, ``zh-CN``, ...,
    ``en`` for anything else."""
    return "zh" if lang.lower().startswith("zh") else "en"


@functools.cache
def _catalogue(name: str) -> dict[str, dict[str, str]]:
    """``hooks/<name>.toml``: ``{id: {"en": text, "zh": text}}``, as ``messages.toml``."""
    text = (Path(__file__).parent / f"{name}.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def words_for(name: str, lang: str, *, fields: tuple[str, ...] = ()) -> dict[str, str]:
    """A widget's words for a page language: the labels of its `fields` from the engine
    (so a form and its errors name a field alike), then its own catalogue ``name``."""
    short = short_language(lang)
    labels = {field: field_label(field, short) for field in fields}
    return {**labels, **{key: entry[short] for key, entry in _catalogue(name).items()}}


def esc(text: str) -> str:
    """Text for HTML, attribute values included."""
    return html.escape(text, quote=True)


def date_limits() -> str:
    """The ``min``/``max`` attributes of a date input: the years the engine accepts."""
    rules = load_rules()
    return f'min="{rules.min_year:04d}-01-01" max="{rules.max_year:04d}-12-31"'


def widget_config(words: dict[str, str]) -> str:
    """A widget's one JSON block: ``{"words": ..., "facts": ...}``, safe inside <script>.

    `facts` are the engine's constants a page needs before the engine has started (today's
    date in Hangzhou fills the application date at once; the staff list refuses a list too long
    for a browser tab before sending it to the engine).
    """
    rules = load_rules()
    facts = {
        "hangzhou_utc_offset_hours": rules.hangzhou_utc_offset_hours,
        "browser_max_rows": rules.browser_max_rows,
        "browser_max_bytes": rules.browser_max_megabytes * 1024 * 1024,
    }
    config = {"words": words, "facts": facts}
    return json.dumps(config, ensure_ascii=False).replace("</", "<\\/")


def asks_for(output: str, placeholder: str, *, page: Any, what: str) -> bool:
    """Whether the page has `placeholder` (at most once: a second one stops the build)."""
    if output.count(placeholder) > 1:
        raise PluginError(f"{page.file.src_uri}: the {what} placeholder appears more than once.")
    return placeholder in output


EARLY_START = (Path(__file__).parent / "checker_early_start.js").read_text(encoding="utf-8")
EARLY_START_MARK = "data-citizen-card-engine"


# A start-up that shows no sign of progress (no bytes, no next step) for this long is given
# up, naming the step (a slow line still receives bytes, so it is never given up).
STALL_LIMIT_MS = 20_000


def worker_url(script_dir: str) -> str:
    """The engine worker's URL (page-relative), with its settings: the one place it is
    written. The early start and engine.js both read it from the early start's tag."""
    runtime = get_relative_url(runtime_path(), ASSETS)  # relative to the worker's folder
    query = urllib.parse.urlencode({"runtime": runtime, "package": checker_package_name()})
    return f"{script_dir}worker.js?{query}"


def early_start_tag(script_dir: str) -> str:
    """The inline script that starts the engine's worker from <head> (its settings in data
    attributes, so that its text, and its CSP hash, is the same on every page)."""
    return (
        f'<script {EARLY_START_MARK} data-worker="{esc(worker_url(script_dir))}" '
        f'data-stall-ms="{STALL_LIMIT_MS}">{EARLY_START}</script>'
    )


def progress_html(lang: str) -> str:
    """The start-up progress every widget shows while the runtime downloads (filled in by
    widget.js): a <progress> bar, a line of text, and its words and the runtime's sizes."""
    config = {"words": words_for("startup_words", lang), "downloads": runtime_downloads()}
    data = json.dumps(config, ensure_ascii=False).replace("</", "<\\/")
    return (
        '<div class="checker__progress" data-checker-progress hidden>'
        f'<script type="application/json">{data}</script>'
        '<progress max="1"></progress>'
        '<p class="checker__progress-text" data-progress-text></p>'
        "</div>"
    )


def add_to_head(output: str, tags: str, *, page: Any, script_dir: str) -> str:
    """`tags` at the end of <head>; the engine's early start (once) at its very start, right
    after the charset (the CSP step, which runs last, puts its policy before it), so the
    worker starts before the theme's stylesheets and scripts are fetched; and search-later.js
    before the theme's bundle."""
    output = output.replace("</head>", tags + "</head>", 1)
    output = _search_later(output, script_dir)
    if EARLY_START_MARK in output:
        return output
    charset = '<meta charset="utf-8">'
    if charset not in output:
        raise PluginError(f"{page.file.src_uri}: no <meta charset> to put the checker after.")
    return output.replace(charset, charset + early_start_tag(script_dir), 1)


_THEME_BUNDLE = re.compile(r'<script src="[^"]*assets/javascripts/bundle[.][0-9a-f]+[.]min[.]js">')


def _search_later(output: str, script_dir: str) -> str:
    """search-later.js just before the theme's bundle (it holds the search index's request
    until the engine has started); pages without the theme's bundle are left as they are."""
    tag = f'<script src="{script_dir}search-later.js"></script>'
    if tag in output:
        return output
    return _THEME_BUNDLE.sub(lambda bundle: tag + bundle.group(0), output, count=1)
