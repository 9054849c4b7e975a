"""Page step (hooks/pages.py runs it): the staff-list check (HR batch mode in the
browser), on the pages that ask.

A page asks for it with ``<div data-batch-placeholder></div>`` on a line of its own. The step
replaces it with the batch form in the page's language and adds the stylesheets and the
module script to the page's head. The script starts the same engine as the eligibility form
(Pyodide in a worker) and sends the file's bytes to ``checker.web.batch_json``: nothing is
uploaded.

Contract (tests rely on it): the root has ``data-batch`` and ``data-state`` (loading | ready |
failed) and contains an ``input[type=file]``; the application date is
``input[type=date][name=on]``; each result row is a ``tr[data-status]`` with
``data-days-left`` (a whole number, or empty) and ``data-confirm`` (what to confirm,
space-separated, or empty); the count chips are ``button[data-filter]`` (a status, or
``soon``: last day within ``days_left_shown_within`` days, from rules.toml) with
``aria-pressed``, and a filtered-out row is ``hidden``; a refused file or list shows its
sentence in ``[data-batch-problem]``; while a list is checked, a ``<progress>`` inside the
root moves.
"""

from __future__ import annotations

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

from checker.batch import STATUSES
from checker.dates import DATE_ORDERS
from checker.messages import render
from checker.rules import load_rules

PLACEHOLDER = "<div data-batch-placeholder></div>"
# The encodings the reader can switch to (checker.text_encoding.ENCODING_CHOICES but auto).
ENCODINGS = ("utf-8", "gb18030", "cp1252", "utf-16")


def _field(name: str, words: dict[str, str], control: str) -> str:
    return (
        f'<div class="checker__field batch__field" data-field="{name}">'
        f'<label class="checker__label" for="batch-{name}">{esc(words[name])}</label>'
        f'<p class="checker__hint" id="batch-{name}-hint">{esc(words[name + "_hint"])}</p>'
        f"{control}</div>"
    )


# The chips beyond the statuses: the last day soon, and who can apply only once their permit's
# class is confirmed (class B, C or not given: the sources describe class A).
FILTERS = ("soon", "confirm")


def _counts(words: dict[str, str]) -> str:
    """The count chips, which are the filters (pressed: only those rows are shown)."""
    items = "".join(
        f'<li><button class="batch__filter batch__filter--{name}" type="button" '
        f'data-filter="{name}"{count} aria-pressed="false">'
        f"<strong>0</strong> {esc(words[f'count_{name}' if name in FILTERS else 'status_' + name])}"
        "</button></li>"
        for name in (*STATUSES, *FILTERS)
        for count in [f' data-count="{name}"' if name in STATUSES else ""]
    )
    return (
        f'<p class="batch__filters-label" id="batch-filters">{esc(words["filters"])}</p>'
        f'<ul class="batch__counts" data-batch-counts aria-labelledby="batch-filters">{items}</ul>'
    )


def _encoding_switch(words: dict[str, str]) -> str:
    """Which encoding the file was read in, its first names as read, and the switch."""
    buttons = "".join(
        f'<button class="md-button batch__encoding-button" type="button" '
        f'data-encoding="{name}" aria-pressed="false">{esc(words["encoding_" + name])}</button>'
        for name in ENCODINGS
    )
    return (
        '<div class="batch__encoding" data-batch-encoding hidden>'
        "<p data-batch-read-as></p>"
        f'<p class="batch__encoding-hint" data-batch-names-question>'
        f"{esc(words['encoding_switch'])}</p>"
        f'<div class="batch__encoding-buttons">{buttons}</div></div>'
    )


def _date_order(words: dict[str, str]) -> str:
    """How each date column was read (the engine's sentences), and the list's date order to
    choose when a column does not show its own (as --date-order does on the command line)."""
    buttons = "".join(
        f'<button class="md-button batch__encoding-button" type="button" '
        f'data-date-order="{name}" aria-pressed="false">{esc(words["date_order_" + name])}</button>'
        for name in (*DATE_ORDERS, "auto")
    )
    return (
        '<div class="batch__encoding batch__date-order" data-batch-date-order hidden>'
        '<ul class="batch__date-order-sentences" data-batch-date-order-sentences></ul>'
        "<div data-batch-date-order-choice hidden>"
        f'<p class="batch__encoding-hint">{esc(words["date_order_switch"])}</p>'
        f'<div class="batch__encoding-buttons">{buttons}</div></div></div>'
    )


def _sort_field(words: dict[str, str]) -> str:
    options = "".join(
        f'<option value="{value}">{esc(words["sort_" + value])}</option>'
        for value in ("urgent", "file")
    )
    return (
        '<div class="batch__sort">'
        f'<label class="checker__label" for="batch-sort">{esc(words["sort"])}</label>'
        f'<select class="checker__input" id="batch-sort" name="sort">{options}</select>'
        "</div>"
    )


def _words(lang: str) -> dict[str, str]:
    """The staff list's words: the engine's field labels and status words (one wording for
    the form, its errors and the rows), then its own catalogue, with the limits it states
    written in from rules.toml."""
    short = short_language(lang)
    rules = load_rules()
    limits = {
        "{browser_max_rows}": f"{rules.browser_max_rows:,}"
        if short == "en"
        else str(rules.browser_max_rows),
        "{days_left_shown_within}": str(rules.days_left_shown_within),
    }
    words = {
        **{f"status_{name}": render(f"status.{name}", short) for name in STATUSES},
        **words_for("hr_words", lang, fields=("on", "file")),
    }
    for key, text in words.items():
        for placeholder, value in limits.items():
            text = text.replace(placeholder, value)
        words[key] = text
    return words


def form_html(*, lang: str) -> str:
    """The staff-list check's markup for a page in `lang`."""
    words = _words(lang)
    short_lang = short_language(lang)
    file_input = (
        '<div class="batch__drop" data-batch-drop>'
        '<input class="batch__file" type="file" id="batch-file" name="file" '
        'accept=".csv,.txt,text/csv,text/plain" aria-describedby="batch-file-hint">'
        f'<p class="batch__drop-hint" aria-hidden="true">{esc(words["drop"])}</p>'
        "</div>"
    )
    paste = (
        '<textarea class="checker__input batch__paste" id="batch-paste" name="paste" rows="5" '
        'spellcheck="false" aria-describedby="batch-paste-hint"></textarea>'
        '<button class="md-button batch__submit" type="submit">'
        f"{esc(words['submit'])}</button>"
    )
    on = (
        '<input class="checker__input" type="date" id="batch-on" name="on" '
        f'{date_limits()} aria-describedby="batch-on-hint">'
    )
    return (
        f'<section class="checker batch" data-batch data-state="loading" data-lang="{short_lang}" '
        'aria-labelledby="batch-title">'
        f'<script type="application/json" data-batch-config>{widget_config(words)}</script>'
        f'<h2 class="checker__title" id="batch-title">{esc(words["title"])}</h2>'
        f'<p class="checker__intro">{esc(words["intro"])}</p>'
        '<form class="batch__form" method="dialog" novalidate>'
        f"{_field('on', words, on)}{_field('file', words, file_input)}"
        f"{_field('paste', words, paste)}"
        "</form>"
        '<p class="checker__status" data-batch-status role="status">'
        f"{esc(words['status_loading'])}</p>"
        f"{progress_html(lang)}"
        f'<progress class="batch__progress" data-batch-progress max="1" hidden '
        f'aria-label="{esc(words["progress"])}"></progress>'
        '<div class="checker__failed" data-batch-failed hidden>'
        f"<p>{esc(words['failed_sentence'])}</p></div>"
        '<div class="checker__errors batch__problem" data-batch-problem tabindex="-1" hidden>'
        f"<h3>{esc(words['problem'])}</h3><p></p>"
        "<pre hidden><code data-batch-command></code></pre></div>"
        f"{_encoding_switch(words)}"
        '<div class="batch__results" data-batch-results tabindex="-1" hidden>'
        f'<h3>{esc(words["results"])}</h3><p class="batch__summary" data-batch-summary></p>'
        f"{_date_order(words)}{_counts(words)}"
        '<div class="batch__tools">'
        f"{_sort_field(words)}"
        '<div class="checker__buttons">'
        '<button class="md-button" type="button" data-action="download-csv">'
        f"{esc(words['download_csv'])}</button>"
        '<button class="md-button" type="button" data-action="download-ics">'
        f"{esc(words['download_ics'])}</button>"
        "</div></div>"
        '<p class="batch__feedback" data-batch-feedback role="status"></p>'
        '<p class="batch__shown" data-batch-shown role="status"></p>'
        '<div class="batch__table" role="region" tabindex="0" aria-labelledby="batch-caption">'
        '<table class="batch__grid">'
        f'<caption id="batch-caption">{esc(words["table_caption"])}</caption>'
        "<thead></thead><tbody></tbody></table></div>"
        "</div>"
        "</section>"
    )


def head_tags(script_dir: str) -> str:
    """Stylesheets and module script for a page with the staff-list check."""
    return (
        f'<link rel="stylesheet" href="{script_dir}checker.css">'
        f'<link rel="stylesheet" href="{script_dir}batch.css">'
        f'<script type="module" src="{script_dir}batch.js"></script>'
    )


def add_staff_list(output: str, page: Any) -> str:
    """The staff-list check in place of the page's placeholder, and its head tags (pages
    without one are returned as they are)."""
    if not asks_for(output, PLACEHOLDER, page=page, what="batch"):
        return output
    script_dir = get_relative_url(ASSETS, page.url)
    output = output.replace(PLACEHOLDER, form_html(lang=page_language(output)))
    return add_to_head(output, head_tags(script_dir), page=page, script_dir=script_dir)
