"""Page step (run by hooks/pages.py): the live checker's form, on the pages that ask for it.

A page asks for the form with ``<div data-checker-placeholder></div>`` on a line of its own.
The step replaces it with the form in the page's language (read from ``<html lang>``) and
adds the checker's stylesheet and module script to the page's head. Pages without the
placeholder are left alone: no script, no Pyodide bytes.

Contract (tests, embedding and HR pages rely on it): the root has ``data-checker`` and
``data-state`` (loading | ready | failed); the inputs are ``input[type=date]`` named
permit_issued, permit_expires, passport_expires, on; the category field is named
``category``; a ``button[type=submit]`` submits; the answer element has ``data-status``,
``data-earliest`` and ``data-latest`` once answered, and ``data-days-left``,
``data-confirm``, ``data-earliest-working-day``, ``data-latest-working-day`` (answer.js);
the headline is ``[data-headline]``, the shareable link ``a[data-share-link]`` and the
timeline ``svg[role="img"][aria-label]``, all inside the answer.
"""

from __future__ import annotations

import json
from typing import Any

from _page import (
    ASSETS,
    add_to_head,
    asks_for,
    date_limits,
    esc,
    page_language,
    progress_html,
    short_language,
    widget_config,
    words_for,
)
from mkdocs.utils import get_relative_url

from checker.rules import load_rules

PLACEHOLDER = "<div data-checker-placeholder></div>"
DATE_FIELDS = ("permit_issued", "permit_expires", "passport_expires", "on")
SHEET_LANGUAGES = ("en", "zh")
# The printed counter sheet's words, given in both languages whatever the page's language.
SHEET_WORDS = (
    "permit_issued",
    "permit_expires",
    "passport_expires",
    "sheet_title",
    "sheet_go",
    "sheet_confirm",
    "checklist_in_person",
    "checklist_passport",
    "checklist_permit",
    "checklist_portrait",
    "checklist_agent",
    "checklist_agent_documents",
    "checklist_photo",
    "checklist_agent_id",
)


def _date_field(name: str, words: dict[str, str]) -> str:
    field_id = f"checker-{name}"
    return (
        f'<div class="checker__field" data-field="{name}">'
        f'<label class="checker__label" for="{field_id}">{esc(words[name])}</label>'
        f'<p class="checker__hint" id="{field_id}-hint">{esc(words[name + "_hint"])}</p>'
        f'<p class="checker__error" id="{field_id}-error" hidden></p>'
        f'<input class="checker__input" type="date" id="{field_id}" name="{name}" '
        f'{date_limits()} aria-describedby="{field_id}-hint">'
        "</div>"
    )


def _categories() -> tuple[str, ...]:
    """The permit categories in the form's order: the default (unknown) first."""
    category = load_rules().category
    default = category.default_category
    return (default, *(value for value in category.categories if value != default))


def _category_field(words: dict[str, str]) -> str:
    options = "".join(
        f'<option value="{value}">{esc(words["category_" + value])}</option>'
        for value in _categories()
    )
    return (
        '<div class="checker__field" data-field="category">'
        f'<label class="checker__label" for="checker-category">{esc(words["category"])}</label>'
        f'<p class="checker__hint" id="checker-category-hint">{esc(words["category_hint"])}</p>'
        '<p class="checker__error" id="checker-category-error" hidden></p>'
        '<select class="checker__input" id="checker-category" name="category" '
        f'aria-describedby="checker-category-hint">{options}</select>'
        "</div>"
    )


def _manual_rules(lang: str) -> str:
    """The rules to check by hand when the runtime cannot start (from the engine's data)."""
    from checker.web import rules_json

    rules = json.loads(rules_json(lang))["rules"]
    colon = words_for("guide_words", lang)["colon"]
    items = "".join(
        f"<li><strong>{esc(rule['title'])}</strong>{colon}{esc(rule['reading'])}</li>"
        for rule in rules
        if not rule["for_everyone"]  # the same day for everybody: nothing for the reader to check
    )
    return f"<ol>{items}</ol>"


def sheet_words() -> dict[str, str]:
    """The counter sheet's words in every sheet language, as ``sheet.<lang>.<key>``."""
    words: dict[str, str] = {}
    for lang in SHEET_LANGUAGES:
        catalogue = words_for("checker_words", lang, fields=DATE_FIELDS)
        words.update({f"sheet.{lang}.{key}": catalogue[key] for key in SHEET_WORDS})
    return words


def form_html(*, lang: str, script_dir: str) -> str:
    """The checker's markup for a page in `lang`; `script_dir` is the page-relative URL of
    ``assets/checker/`` (the scripts resolve everything else from their own URL)."""
    words = {
        **words_for("checker_words", lang, fields=(*DATE_FIELDS, "category")),
        **sheet_words(),
    }
    short_lang = short_language(lang)
    fields = "".join(_date_field(name, words) for name in DATE_FIELDS[:3])
    return (
        f'<section class="checker" data-checker data-state="loading" data-lang="{short_lang}" '
        f'aria-labelledby="checker-title">'
        f'<script type="application/json" data-checker-config>{widget_config(words)}</script>'
        f'<h2 class="checker__title" id="checker-title">{esc(words["title"])}</h2>'
        f'<p class="checker__intro">{esc(words["intro"])}</p>'
        '<div class="checker__errors" data-checker-errors tabindex="-1" hidden '
        'aria-labelledby="checker-errors-title">'
        f'<h3 id="checker-errors-title">{esc(words["errors_title"])}</h3><ul></ul></div>'
        '<form class="checker__form" method="dialog" novalidate>'
        f"{fields}{_date_field('on', words)}{_category_field(words)}"
        '<button class="checker__submit md-button md-button--primary" type="submit">'
        f"{esc(words['submit'])}</button>"
        "</form>"
        '<p class="checker__status" data-checker-status role="status">'
        f"{esc(words['status_loading'])}</p>"
        f"{progress_html(lang)}"
        '<div class="checker__failed" data-checker-failed hidden>'
        f"<p>{esc(words['failed_sentence'])}</p>{_manual_rules(short_lang)}</div>"
        '<div class="checker__answer" data-checker-answer tabindex="-1" hidden></div>'
        "</section>"
    )


def head_tags(script_dir: str) -> str:
    """Stylesheet and module script for a checker page."""
    return (
        f'<link rel="stylesheet" href="{script_dir}checker.css">'
        f'<script type="module" src="{script_dir}page.js"></script>'
    )


def add_checker(output: str, page: Any) -> str:
    """The form in place of the page's placeholder, and its head tags (pages without one
    are returned as they are)."""
    if not asks_for(output, PLACEHOLDER, page=page, what="checker"):
        return output
    script_dir = get_relative_url(ASSETS, page.url)
    form = form_html(lang=page_language(output), script_dir=script_dir)
    output = output.replace(PLACEHOLDER, form)
    return add_to_head(output, head_tags(script_dir), page=page, script_dir=script_dir)
