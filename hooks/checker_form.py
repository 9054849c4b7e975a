"""MkDocs hook: the live checker's form, on the pages that ask for it.

A page asks for the form with ``<div data-checker-placeholder></div>`` on a line of its own.
The hook replaces it with the form in the page's language (read from ``<html lang>``) and
adds the checker's stylesheet and module script to the page's head. Pages without the
placeholder are left alone: no script, no Pyodide bytes.

Contract (tests, embedding and HR pages rely on it): the root has ``data-checker`` and
``data-state`` (loading | ready | failed); the inputs are ``input[type=date]`` named
permit_issued, permit_expires, passport_expires, on; the category field is named
``category``; a ``button[type=submit]`` submits; the answer element has ``data-status``,
``data-earliest`` and ``data-latest`` once answered.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

from checker_runtime import checker_package_name, runtime_path
from checker_strings import strings_for
from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

PLACEHOLDER = "<div data-checker-placeholder></div>"
ASSETS = "assets/checker/"
DATE_FIELDS = ("permit_issued", "permit_expires", "passport_expires", "on")
CATEGORIES = ("unknown", "A", "B", "C")

_HTML_LANG = re.compile(r"<html[^>]*\blang=\"([^\"]+)\"")


def page_language(output: str) -> str:
    """The page's language as the theme wrote it in ``<html lang>`` (``en`` if absent)."""
    found = _HTML_LANG.search(output)
    return found.group(1) if found else "en"


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _date_field(name: str, words: dict[str, str]) -> str:
    field_id = f"checker-{name}"
    return (
        f'<div class="checker__field" data-field="{name}">'
        f'<label class="checker__label" for="{field_id}">{_esc(words[name])}</label>'
        f'<p class="checker__hint" id="{field_id}-hint">{_esc(words[name + "_hint"])}</p>'
        f'<p class="checker__error" id="{field_id}-error" hidden></p>'
        f'<input class="checker__input" type="date" id="{field_id}" name="{name}" '
        f'min="1900-01-01" max="2200-12-31" aria-describedby="{field_id}-hint">'
        "</div>"
    )


def _category_field(words: dict[str, str]) -> str:
    options = "".join(
        f'<option value="{value}">{_esc(words["category_" + value])}</option>'
        for value in CATEGORIES
    )
    return (
        '<div class="checker__field" data-field="category">'
        f'<label class="checker__label" for="checker-category">{_esc(words["category"])}</label>'
        f'<p class="checker__hint" id="checker-category-hint">{_esc(words["category_hint"])}</p>'
        '<p class="checker__error" id="checker-category-error" hidden></p>'
        '<select class="checker__input" id="checker-category" name="category" '
        f'aria-describedby="checker-category-hint">{options}</select>'
        "</div>"
    )


def _manual_rules(lang: str) -> str:
    """The rules to check by hand when the runtime cannot start (from the engine's data)."""
    from checker.web import rules_json

    rules = json.loads(rules_json(lang))["rules"]
    items = "".join(
        f"<li><strong>{_esc(rule['title'])}</strong>: {_esc(rule['reading'])}</li>"
        for rule in rules
        if not rule["for_everyone"]  # the same day for everybody: nothing for the reader to check
    )
    return f"<ol>{items}</ol>"


def form_html(*, lang: str, script_dir: str) -> str:
    """The checker's markup for a page in `lang`; `script_dir` is the page-relative URL of
    ``assets/checker/`` (the scripts resolve everything else from their own URL)."""
    words = strings_for(lang)
    short_lang = "zh" if lang.lower().startswith("zh") else "en"
    runtime = get_relative_url(runtime_path(), ASSETS)  # relative to the scripts' folder
    strings_json = json.dumps(words, ensure_ascii=False).replace("</", "<\\/")
    fields = "".join(_date_field(name, words) for name in DATE_FIELDS[:3])
    return (
        f'<section class="checker" data-checker data-state="loading" data-lang="{short_lang}" '
        f'data-runtime="{_esc(runtime)}" data-package="{_esc(checker_package_name())}" '
        f'aria-labelledby="checker-title">'
        f'<script type="application/json" data-checker-strings>{strings_json}</script>'
        f'<h2 class="checker__title" id="checker-title">{_esc(words["title"])}</h2>'
        f'<p class="checker__intro">{_esc(words["intro"])}</p>'
        '<div class="checker__errors" data-checker-errors tabindex="-1" hidden '
        'aria-labelledby="checker-errors-title">'
        f'<h3 id="checker-errors-title">{_esc(words["errors_title"])}</h3><ul></ul></div>'
        '<form class="checker__form" method="dialog" novalidate>'
        f"{fields}{_date_field('on', words)}{_category_field(words)}"
        '<button class="checker__submit md-button md-button--primary" type="submit">'
        f"{_esc(words['submit'])}</button>"
        "</form>"
        '<p class="checker__status" data-checker-status role="status">'
        f"{_esc(words['status_loading'])}</p>"
        '<div class="checker__failed" data-checker-failed hidden>'
        f"<p>{_esc(words['failed_sentence'])}</p>{_manual_rules(short_lang)}</div>"
        '<div class="checker__answer" data-checker-answer tabindex="-1" hidden></div>'
        "</section>"
    )


EARLY_START = (Path(__file__).parent / "checker_early_start.js").read_text(encoding="utf-8")
EARLY_START_MARK = "data-citizen-card-engine"


def early_start_tag(script_dir: str) -> str:
    """The inline script that starts the engine's worker from <head> (its settings in data
    attributes, so that its text, and its CSP hash, is the same on every page)."""
    runtime = get_relative_url(runtime_path(), ASSETS)  # relative to the scripts' folder
    return (
        f'<script {EARLY_START_MARK} data-worker="{script_dir}worker.js" '
        f'data-runtime="{_esc(script_dir + runtime)}" '
        f'data-package="{_esc(checker_package_name())}">{EARLY_START}</script>'
    )


def add_to_head(output: str, tags: str, *, page: Any, script_dir: str) -> str:
    """`tags` at the end of <head>; the engine's early start (once) at its very start, right
    after the charset (the CSP hook, which runs last, puts its policy before it), so the
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


def head_tags(script_dir: str) -> str:
    """Stylesheet and module script for a checker page."""
    return (
        f'<link rel="stylesheet" href="{script_dir}checker.css">'
        f'<script type="module" src="{script_dir}page.js"></script>'
    )


def asks_for(output: str, placeholder: str, *, page: Any, what: str) -> bool:
    """Whether the page has `placeholder` (at most once: a second one stops the build)."""
    if output.count(placeholder) > 1:
        raise PluginError(f"{page.file.src_uri}: the {what} placeholder appears more than once.")
    return placeholder in output


def on_post_page(output: str, *, page: Any, config: Any) -> str:
    if not asks_for(output, PLACEHOLDER, page=page, what="checker"):
        return output
    script_dir = get_relative_url(ASSETS, page.url)
    form = form_html(lang=page_language(output), script_dir=script_dir)
    output = output.replace(PLACEHOLDER, form)
    return add_to_head(output, head_tags(script_dir), page=page, script_dir=script_dir)
