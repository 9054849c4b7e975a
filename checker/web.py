"""The browser's entry points: strings in, JSON (or iCalendar) strings out; never raises.

Called from JavaScript through Pyodide. Every reply is a JSON object with `ok`; input the
checker cannot use comes back as `{"ok": false, "errors": [{"field", "message"}, ...]}`
(every wrong field of the form, in form order), never as an exception.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from checker.batch import (
    ADDED_COLUMNS,
    OPTIONAL_COLUMNS,
    REQUIRED_COLUMNS,
    STATUSES,
    BatchResult,
    BatchRow,
    check_batch,
)
from checker.calendar import batch_calendar, window_calendar
from checker.dates import parse_date, today_in_hangzhou
from checker.engine import RULES
from checker.errors import EncodingUndecided, InvalidInput, InvalidRequest, UnusableFile
from checker.form import CheckInput, read_form
from checker.messages import LANGS, format_date, render
from checker.result import CheckResult
from checker.rules import load_rules

__all__ = [
    "answer_json",
    "answers_ics",
    "batch_ics",
    "batch_json",
    "check_json",
    "rules_json",
    "window_ics",
]

MEGABYTE = 1024 * 1024
FORM_FIELDS = ("permit_issued", "permit_expires", "passport_expires", "on", "category", "lang")
# The reader's own document dates, as the answer gives them back (normalised, ISO).
DOCUMENT_FIELDS = ("permit_issued", "permit_expires", "passport_expires")
# The fields a shared link carries (the application day only when it was planned).
LINK_FIELDS = (*DOCUMENT_FIELDS, "category")
# The engine's start-up in the browser, step by step (the worker reports each by name; the
# page words each: hooks/startup_words.toml, `step_<name>`).
STARTUP_STEPS = {
    "checkWebAssembly": "check-webassembly",  # may this worker compile WebAssembly at all?
    "download": "download",  # the runtime's files
    "compileRuntime": "compile-runtime",  # the runtime's WebAssembly, compiled as it arrives
    "startPython": "start-python",
    "installChecker": "install-checker",
    "importChecker": "import-checker",
}


def page_contract() -> dict[str, object]:
    """What the page's scripts know of the engine, defined here once: the entry points, the
    form's fields, the default category, the start-up steps, and the staff list's statuses and
    columns. tools/gen_page_contract.py writes it into docs/assets/checker/shared/contract.js
    (a test fails until the file is regenerated)."""
    return {
        "entryPoints": sorted(__all__),
        "formFields": [name for name in FORM_FIELDS if name != "lang"],
        "documentFields": list(DOCUMENT_FIELDS),
        "linkFields": list(LINK_FIELDS),
        "defaultCategory": load_rules().category.default_category,
        "startupSteps": STARTUP_STEPS,
        "statuses": list(STATUSES),
        "addedColumns": list(ADDED_COLUMNS),
        "readColumns": [*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS],
    }


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _errors(errors: list[InvalidInput], lang: str) -> str:
    return _dumps({"ok": False, "errors": [error.to_dict(lang) for error in errors]})


def _internal_error(field: str, error: Exception) -> str:
    message = render("error.internal", "en", field=field, detail=type(error).__name__)
    return _dumps({"ok": False, "errors": [{"field": field, "message": message}]})


def _written(isos: Iterable[str], lang: str) -> dict[str, str]:
    """Each ISO date (`2027-03-02`) as the language writes it, for the page to show."""
    return {iso: format_date(date.fromisoformat(iso), lang) for iso in sorted(set(isos)) if iso}


def _lang_of(value: object) -> str:
    return value if isinstance(value, str) and value in LANGS else "en"


def _read_request(
    request: str, *, lang: str | None = None
) -> tuple[CheckInput | None, CheckResult | None, list[InvalidInput], str]:
    """The input and result for a check request, or every error; and the language to answer
    in (the request's, unless `lang` is given)."""
    try:
        fields = json.loads(request)
    except (ValueError, TypeError) as error:
        return None, None, [InvalidRequest("request", detail=type(error).__name__)], "en"
    if not isinstance(fields, dict):
        return None, None, [InvalidRequest("request", detail=type(fields).__name__)], "en"
    if lang is not None:
        fields = {**fields, "lang": lang}
    texts = {
        name: (None if value is None else value if isinstance(value, str) else str(value))
        for name in FORM_FIELDS
        for value in [fields.get(name)]
    }
    lang = _lang_of(texts["lang"] or "en")
    form, errors = read_form(**texts)
    if form is None:
        return None, None, errors, lang
    return form, form.check(), [], lang


def _answer(form: CheckInput, result: CheckResult, lang: str) -> dict[str, Any]:
    documents = (form.permit_issued, form.permit_expires, form.passport_expires)
    dates = {*result.dates(), *documents}
    return {
        "ok": True,
        "result": result.to_dict(),
        "headline": result.headline,
        "written": _written((day.isoformat() for day in dates), lang),
        "documents": {
            name: day.isoformat() for name, day in zip(DOCUMENT_FIELDS, documents, strict=True)
        },
    }


def check_json(request: str) -> str:
    """Answer one form: `{"ok": true, "result": {...}, "headline": "...", "written": {...},
    "documents": {...}}` or the errors. `written` gives every date of the result, and the
    reader's own document dates (for the printed sheet), as the language writes it;
    `documents` gives those document dates as the engine read them (ISO, however the reader
    spelt them)."""
    try:
        form, result, errors, lang = _read_request(request)
        if form is None or result is None:
            return _errors(errors, lang)
        return _dumps(_answer(form, result, lang))
    except Exception as error:  # the browser must always get JSON back
        return _internal_error("request", error)


def answer_json(request: str) -> str:
    """Everything one press of the form's button shows, in one call: check_json's reply in
    the request's language, and beside it `ics` (the window as an iCalendar file, "" if
    none), `rules` (rules_json's reply in that language) and `sheets` (for the printed
    counter sheet: each language's `headline` and `written`)."""
    try:
        form, result, errors, lang = _read_request(request)
        if form is None or result is None:
            return _errors(errors, lang)
        reply = _answer(form, result, lang)
        sheets = {lang: {"headline": reply["headline"], "written": reply["written"]}}
        for other in LANGS:
            if other == lang:
                continue
            other_form, other_result, _, _ = _read_request(request, lang=other)
            if other_form is not None and other_result is not None:
                other_reply = _answer(other_form, other_result, other)
                sheets[other] = {
                    "headline": other_reply["headline"],
                    "written": other_reply["written"],
                }
        reply["ics"] = _ics_or_empty(lambda: window_calendar(result))
        reply["rules"] = json.loads(rules_json(lang))
        reply["sheets"] = sheets
        return _dumps(reply)
    except Exception as error:  # the browser must always get JSON back
        return _internal_error("request", error)


def _batch_on(on: str) -> date:
    return today_in_hangzhou() if not on.strip() else parse_date(on, field="on")


def _browser_batch(data: bytes, on: str, lang: str, encoding: str, **part: int) -> BatchResult:
    """`check_batch` within the page's limits (rules.toml, `[input]`): a file larger than
    `browser_max_megabytes` is refused before it is read, one with more than
    `browser_max_rows` rows (counted as the CSV reader counts them) as soon as it is seen."""
    rules = load_rules()
    if len(data) > rules.browser_max_megabytes * MEGABYTE:
        size = f"{len(data) / MEGABYTE:,.1f}"
        raise UnusableFile("too_large", size=size, limit=rules.browser_max_megabytes)
    return check_batch(
        data,
        on=_batch_on(on),
        lang=lang,
        encoding=encoding,
        max_rows=rules.browser_max_rows,
        **part,
    )


def batch_json(
    data: bytes, on: str, lang: str, encoding: str = "auto", first: int = 0, count: int = 0
) -> str:
    """Answer a staff CSV: `{"ok": true, "columns", "rows", "counts", ...}` or the errors.

    `encoding` ("auto" or one of `ENCODING_CHOICES`) is the reader's switch; the reply's
    `encoding` says which one was used. A file refused for its encoding also gets
    `encoding_refused` (`encoding_undecided`, `encoding_mixed`, `encoding_mixed_rows`,
    `encoding_foreign` or `encoding_wrong`), so that the page can offer its switch, and
    `encoding_refused_details` (`looks_like`: the encoding it seems to be in; `line`: the
    first line in another encoding than the rest).
    A file over the page's limits (rules.toml, `[input]`: `browser_max_megabytes`,
    `browser_max_rows` counted as the CSV reader counts rows) is refused at once with a
    sentence naming the limit.

    With `count` > 0 only the data rows `first` to `first + count - 1` are answered (a long
    list in parts, for a progress bar): `rows`, `counts` and `csv` are the part's (`csv` with
    the header row only in the first part), `total` is the number of data rows in the file.

    Beside the rows: `on` (the application date used), `input_columns` (the file's own
    columns, which come first in each row), `added_columns` and `statuses` (the engine's
    names, in its order), `written` (every date in the answer as the language writes it)
    and `csv` (the answer as the engine writes it, for the download).
    """
    answer_lang = _lang_of(lang)
    try:
        part = {"first": int(first), "count": int(count)} if int(count) > 0 else {}
        batch = _browser_batch(bytes(data), on, lang, encoding, **part)
    except EncodingUndecided as error:
        return _dumps(
            {
                "ok": False,
                "errors": [error.to_dict(answer_lang)],
                "encoding_refused": error.reason,
                # What the page's own sentence names: `looks_like` (an encoding), `line`.
                "encoding_refused_details": {
                    name: str(value) for name, value in error.params.items()
                },
            }
        )
    except InvalidInput as error:
        return _errors([error], answer_lang)
    except Exception as error:  # the browser must always get JSON back
        return _internal_error("file", error)
    dates = {batch.on, *(day for row in batch.answers for day in row.dates())}
    return _dumps(
        {
            "ok": True,
            "columns": batch.columns,
            "rows": batch.rows,
            "counts": batch.counts,
            "on": batch.on.isoformat(),
            "input_columns": batch.input_columns,
            "added_columns": ADDED_COLUMNS,
            "statuses": STATUSES,
            "read_columns": [*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS],
            "days_left_shown_within": load_rules().days_left_shown_within,
            "written": _written((day.isoformat() for day in dates), batch.lang),
            "csv": batch.to_csv(header=int(first) == 0),
            "encoding": batch.encoding,
            "total": batch.total_rows,
        }
    )


def rules_json(lang: str) -> str:
    """Each rule's title, source wording, the reading taken, and its source."""
    try:
        lang = _lang_of(lang)
        rules = load_rules()
        data = {rule.id: rule for rule in rules.rules}
        listed = []
        published = [rule.source.published for rule in rules.rules if rule.source.published]
        today = today_in_hangzhou()  # each rule as it stands today
        for statement in RULES:
            rule = data[statement.id]
            values = rule.values_on(today)
            params = {**values, "days": statement.days(values)}
            listed.append(
                {
                    "id": rule.id,
                    "sets": statement.sets,
                    "for_everyone": statement.for_everyone,
                    "title": render(statement.words.title, lang, **params),
                    "wording": rule.wording,
                    "reading": render(statement.words.reading, lang, **params),
                    "source": {
                        "title": rule.source.title,
                        "url": rule.source.url,
                        "published": (
                            rule.source.published.isoformat() if rule.source.published else None
                        ),
                    },
                }
            )
        return _dumps(
            {
                "rules": listed,
                "rules_version": rules.rules_version,
                "last_verified": rules.last_verified.isoformat(),
                "days_left_shown_within": rules.days_left_shown_within,
                "written": _written(
                    [
                        rules.last_verified.isoformat(),
                        *(day.isoformat() for day in published),
                    ],
                    lang,
                ),
            }
        )
    except Exception as error:  # the browser must always get JSON back
        return _internal_error("lang", error)


def _ics_or_empty(make: Callable[[], str]) -> str:
    try:
        return make()
    except Exception:  # invalid input (or anything else): no calendar
        return ""


def window_ics(request: str) -> str:
    """The window's first and last day as an iCalendar file; "" if none or input invalid."""

    def make() -> str:
        _form, result, _errors_found, _lang = _read_request(request)
        return "" if result is None else window_calendar(result)

    return _ics_or_empty(make)


def batch_ics(data: bytes, on: str, lang: str, encoding: str = "auto") -> str:
    """Every row's last day in one iCalendar file; "" if the file is unusable."""
    return _ics_or_empty(lambda: batch_calendar(_browser_batch(bytes(data), on, lang, encoding)))


def _answered_row(cells: list[str], inputs: int) -> BatchRow:
    """A row as batch_json answered it (the file's cells, then ADDED_COLUMNS), read back."""
    added = dict(zip(ADDED_COLUMNS, cells[inputs:], strict=False))

    def day(name: str) -> date | None:
        text = added.get(name, "")
        return date.fromisoformat(text) if text else None

    return BatchRow(
        cells=tuple(cells[:inputs]),
        status=added.get("status", ""),
        reason=added.get("reason", ""),
        earliest=day("earliest"),
        latest=day("latest"),
    )


def answers_ics(rows: str, input_columns: str, on: str, lang: str) -> str:
    """Every row's last day in one iCalendar file, from the rows batch_json answered (JSON:
    a list of rows, each the file's cells then the added columns, in file order) and the
    file's own columns: the list is not checked again. "" if no row has a last day."""

    def make() -> str:
        columns = [str(name) for name in json.loads(input_columns)]
        answered = [
            _answered_row([str(cell) for cell in row], len(columns)) for row in json.loads(rows)
        ]
        batch = BatchResult(
            columns=[*columns, *ADDED_COLUMNS],
            answers=answered,
            counts={},
            input_columns=columns,
            on=parse_date(on, field="on"),
            lang=_lang_of(lang),
            rules_version=load_rules().rules_version,
        )
        calendar = batch_calendar(batch)
        return calendar if "BEGIN:VEVENT" in calendar else ""

    return _ics_or_empty(make)
