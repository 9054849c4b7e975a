"""The browser's entry points: strings in, JSON (or iCalendar) strings out; never raises.

Called from JavaScript through Pyodide. Every reply is a JSON object with `ok`; input the
checker cannot use comes back as `{"ok": false, "errors": [{"field", "message"}, ...]}`
(every wrong field of the form, in form order), never as an exception.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, NamedTuple

from checker.calendar import batch_calendar, window_calendar
from checker.date_order import date_order_sentences
from checker.dates import parse_date, today_in_hangzhou
from checker.engine import DATE_FIELDS, FIELD_ORDER, RULES
from checker.errors import EncodingUndecided, InvalidInput, InvalidRequest, UnusableFile
from checker.form import CheckInput, read_form, readings
from checker.messages import LANGS, format_date, render, written_in_label
from checker.result import CheckResult, Status
from checker.rules import load_rules

# The staff list's reader (checker.batch: its encodings, file reading and columns) is
# imported by the entry points that read a list, when one is first read, not here: the page
# with one person's answer starts without it (about a quarter of the engine's import time in
# Pyodide; a phone takes about four times as long as this machine).
if TYPE_CHECKING:
    from checker.batch import BatchResult, BatchRow

__all__ = [
    "answer_json",
    "answers_ics",
    "batch_calendar_json",
    "batch_ics",
    "batch_json",
    "check_json",
    "rules_json",
    "window_calendar_json",
    "window_ics",
]

MEGABYTE = 1024 * 1024
FORM_FIELDS = FIELD_ORDER  # the form's fields, in the order errors are reported
# The reader's own document dates, as the answer gives them back (normalised, ISO).
DOCUMENT_FIELDS = tuple(name for name in DATE_FIELDS if name != "on")
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
    from checker.batch import ADDED_COLUMNS, OPTIONAL_COLUMNS, REQUIRED_COLUMNS, STATUSES

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


def _iso_or_empty(day: date | None) -> str:
    return "" if day is None else day.isoformat()


def _lang_of(value: object) -> str:
    return value if isinstance(value, str) and value in LANGS else "en"


class _Request(NamedTuple):
    """A check request as read: the input and result (or every error), the language to
    answer in, and the request's own texts."""

    form: CheckInput | None
    result: CheckResult | None
    errors: list[InvalidInput]
    lang: str
    texts: dict[str, str | None]


def _read_request(request: str, *, lang: str | None = None) -> _Request:
    """The input and result for a check request, or every error; and the language to answer
    in (the request's, unless `lang` is given)."""
    try:
        fields = json.loads(request)
    except (ValueError, TypeError) as error:
        return _Request(
            None, None, [InvalidRequest("request", detail=type(error).__name__)], "en", {}
        )
    if not isinstance(fields, dict):
        return _Request(
            None, None, [InvalidRequest("request", detail=type(fields).__name__)], "en", {}
        )
    if lang is not None:
        fields = {**fields, "lang": lang}
    texts = {
        name: (None if value is None else value if isinstance(value, str) else str(value))
        for name in FORM_FIELDS
        for value in [fields.get(name)]
    }
    lang = _lang_of(texts["lang"] or "en")
    form, errors = read_form(
        permit_issued=texts["permit_issued"],
        permit_expires=texts["permit_expires"],
        passport_expires=texts["passport_expires"],
        on=texts["on"],
        category=texts["category"],
        lang=texts["lang"],
    )
    if form is None:
        return _Request(None, None, errors, lang, texts)
    return _Request(form, form.check(), [], lang, texts)


def _answer(
    form: CheckInput, result: CheckResult, lang: str, texts: dict[str, str | None]
) -> dict[str, Any]:
    documents = (form.permit_issued, form.permit_expires, form.passport_expires)
    dates = {*result.dates(), *documents}
    read = readings({name: texts.get(name) for name in DATE_FIELDS}, lang)
    return {
        "ok": True,
        "result": result.to_dict(),
        "headline": result.headline,
        "written": _written((day.isoformat() for day in dates), lang),
        "documents": {
            name: day.isoformat() for name, day in zip(DOCUMENT_FIELDS, documents, strict=True)
        },
    } | ({"readings": read} if read else {})


def check_json(request: str) -> str:
    """Answer one form: `{"ok": true, "result": {...}, "headline": "...", "written": {...},
    "documents": {...}}` or the errors. `written` gives every date of the result, and the
    reader's own document dates (for the printed sheet), as the language writes it;
    `documents` gives those document dates as the engine read them (ISO, however the reader
    spelt them). `readings` says how each day-first or month-first date was read
    (`1/15/2026` can only be 15 January), for showing beside the answer:
    `[{"field", "text", "read_as", "order", "message"}]`, only when there is one (additive)."""
    try:
        form, result, errors, lang, texts = _read_request(request)
        if form is None or result is None:
            return _errors(errors, lang)
        return _dumps(_answer(form, result, lang, texts))
    except Exception as error:  # the browser must always get JSON back
        return _internal_error("request", error)


def answer_json(request: str) -> str:
    """Everything one press of the form's button shows, in one call: check_json's reply in
    the request's language, and beside it `ics` (the window as an iCalendar file, "" if
    none), `calendar` (its state as window_calendar_json gives it, without the file: `ready`,
    `none_ahead` with the `message` to show instead of a file, or `no_window`), `rules`
    (rules_json's reply in that language) and `sheets` (for the printed counter sheet: each
    language's `headline` and `written`)."""
    try:
        form, result, errors, lang, texts = _read_request(request)
        if form is None or result is None:
            return _errors(errors, lang)
        reply = _answer(form, result, lang, texts)
        sheets = {lang: {"headline": reply["headline"], "written": reply["written"]}}
        for other in LANGS:
            if other == lang:
                continue
            other_form, other_result, _, _, _ = _read_request(request, lang=other)
            if other_form is not None and other_result is not None:
                other_reply = _answer(other_form, other_result, other, texts)
                sheets[other] = {
                    "headline": other_reply["headline"],
                    "written": other_reply["written"],
                }
        reply["ics"] = _ics_or_empty(lambda: window_calendar(result))
        reply["calendar"] = _calendar_state(result, reply["ics"], lang)
        reply["rules"] = json.loads(rules_json(lang))
        reply["sheets"] = sheets
        return _dumps(reply)
    except Exception as error:  # the browser must always get JSON back
        return _internal_error("request", error)


def _batch_on(on: str) -> date:
    return today_in_hangzhou() if not on.strip() else parse_date(on, field="on")


def _browser_batch(
    data: bytes, on: str, lang: str, encoding: str, *, date_order: str = "auto", **part: int
) -> BatchResult:
    """`check_batch` within the page's limits (rules.toml, `[input]`): a file larger than
    `browser_max_megabytes` is refused before it is read, one with more than
    `browser_max_rows` rows (counted as the CSV reader counts them) as soon as it is seen."""
    from checker.batch import check_batch

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
        date_order=date_order,
        **part,
    )


def batch_json(
    data: bytes,
    on: str,
    lang: str,
    encoding: str = "auto",
    first: int = 0,
    count: int = 0,
    *,
    date_order: str = "auto",
) -> str:
    """Answer a staff CSV: `{"ok": true, "columns", "rows", "counts", ...}` or the errors.

    `encoding` ("auto" or one of `ENCODING_CHOICES`) is the reader's switch; the reply's
    `encoding` says which one was used. A file refused for its encoding also gets
    `encoding_refused` (`encoding_undecided`, `encoding_utf8_or_gb18030`, `encoding_mixed`,
    `encoding_mixed_rows`, `encoding_foreign` or `encoding_wrong`), so that the page can
    offer its switch, and
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

    `date_order` ("auto", "dmy" or "mdy") is the page's choice for day-first or month-first
    dates; the reply's `date_orders` says how each date column was read (`dmy`, `mdy`),
    `date_order_refused` which were refused (`undecided`, `contradicts`), and
    `date_order_sentences` says both in the reader's language, naming the page's choice.

    `act_by` and `days_to_act` (one per row, in row order; "" and null where none) are the
    day to act by and the days until it (`checker.acting`): the working day the answer
    advises, for "days left", the urgency order and the "within N days" filter.
    """
    answer_lang = _lang_of(lang)
    try:
        part = {"first": int(first), "count": int(count)} if int(count) > 0 else {}
        batch = _browser_batch(bytes(data), on, lang, encoding, date_order=date_order, **part)
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
    from checker.batch import ADDED_COLUMNS, OPTIONAL_COLUMNS, REQUIRED_COLUMNS, STATUSES

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
            "act_by": [_iso_or_empty(row.act_by) for row in batch.answers],
            "days_to_act": [row.days_to_act for row in batch.answers],
            "why": [row.why for row in batch.answers],
            **batch.date_order_fields(),
            "date_order_sentences": date_order_sentences(batch.date_orders, batch.lang, "page"),
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
                        "written_in": rule.source.written_in,
                        "written_in_label": written_in_label(rule.source.written_in, lang),
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
        result = _read_request(request).result
        return "" if result is None else window_calendar(result)

    return _ics_or_empty(make)


def batch_ics(
    data: bytes, on: str, lang: str, encoding: str = "auto", *, date_order: str = "auto"
) -> str:
    """Every row's last day in one iCalendar file; "" if the file is unusable."""
    return _ics_or_empty(
        lambda: batch_calendar(
            _browser_batch(bytes(data), on, lang, encoding, date_order=date_order)
        )
    )


def _answered_row(cells: list[str], inputs: int) -> BatchRow:
    """A row as batch_json answered it (the file's cells, then ADDED_COLUMNS), read back."""
    from checker.batch import ADDED_COLUMNS, BatchRow

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
        from checker.batch import ADDED_COLUMNS, BatchResult

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


def _calendar_reply(ics: str, none_message: str, lang: str) -> str:
    """`{"ok": true, "state": "ready", "ics"}`, or `"state": "none_ahead"` with the sentence
    to show instead of a file."""
    if ics:
        return _dumps({"ok": True, "state": "ready", "ics": ics})
    return _dumps({"ok": True, "state": "none_ahead", "message": render(none_message, lang)})


def _calendar_state(result: CheckResult, ics: str, lang: str) -> dict[str, str]:
    """The answer's calendar state (window_calendar_json's, without the file)."""
    if result.status is Status.NO_WINDOW:
        return {"state": "no_window"}
    if ics:
        return {"state": "ready"}
    return {"state": "none_ahead", "message": render("calendar.none_ahead", lang)}


def window_calendar_json(request: str) -> str:
    """The answer's calendar with its state: `ready` (with `ics`), `none_ahead` (every day
    of the window has passed: `message` says so), `no_window`; or the errors."""
    try:
        read = _read_request(request)
        if read.result is None:
            return _errors(read.errors, read.lang)
        if read.result.status is Status.NO_WINDOW:
            return _dumps({"ok": True, "state": "no_window"})
        return _calendar_reply(window_calendar(read.result), "calendar.none_ahead", read.lang)
    except Exception as error:  # the browser must always get JSON back
        return _internal_error("request", error)


def batch_calendar_json(
    data: bytes, on: str, lang: str, encoding: str = "auto", *, date_order: str = "auto"
) -> str:
    """The staff list's calendar with its state: `ready` (with `ics`) or `none_ahead` (no
    row has a last day still ahead: `message` says so instead of a file); or the errors."""
    answer_lang = _lang_of(lang)
    try:
        batch = _browser_batch(bytes(data), on, lang, encoding, date_order=date_order)
        return _calendar_reply(batch_calendar(batch), "calendar.none_ahead_list", answer_lang)
    except InvalidInput as error:
        return _errors([error], answer_lang)
    except Exception as error:  # the browser must always get JSON back
        return _internal_error("file", error)


# The warm-up's made-up person: a work permit issued a month ago for two years, a passport
# valid for five (an answer with a window, so that the whole answer is worked out).
_WARM_UP_DAYS = {"permit_issued": -30, "permit_expires": 730, "passport_expires": 1826}


def warm_up_request(today: date) -> str:
    """The request warm_up answers: a made-up form whose answer has a window."""
    return _dumps(
        {name: (today + timedelta(days=days)).isoformat() for name, days in _WARM_UP_DAYS.items()}
    )


def warm_up() -> None:
    """Answer a made-up form and drop the reply. Not an entry point for the page: the
    browser's worker calls it once, when the engine has started and then been idle for a
    moment (docs/assets/checker/worker/python.js says why)."""
    answer_json(warm_up_request(today_in_hangzhou()))
