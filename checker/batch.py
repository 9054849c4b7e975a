"""HR batch mode: one CSV of staff in, the same rows out with each person's answer.

Input: a CSV whose first row names the columns `permit_issued`, `permit_expires`,
`passport_expires` and optionally `category` (any order, any letter case); every other
column (names, staff numbers, in any language) is passed through unchanged and in order.
The file may be UTF-8 with or without a byte-order mark (as Excel writes it), UTF-16 with a
byte-order mark, GB18030/GBK (Chinese Excel) or Windows-1252 (Western Excel); which one is
decided on evidence, or given (`checker.text_encoding`). Cells are separated by commas, or by
tabs when the header row has more tabs than commas: cells copied from a spreadsheet reach the
clipboard that way (and Excel's "Unicode text" is saved so), quoted like CSV where a cell
holds a line break, a tab or a quote.

Output: one row per input row, same order: the input columns, then `status`, `earliest`,
`latest` and `reason` (the headline sentence, or for a row that cannot be read,
`status` = `invalid` and the error in `reason`), then `days_left` (days from the application
date to the last day, when eligible), `confirm` (what to confirm at an outlet first,
space-separated: `category` for a class B, C or unknown) and `earliest_working_day` /
`latest_working_day` (as in the single answer; empty when there is no window). Dates are
ISO (`2026-11-26`). Each row is a typed `BatchRow`; `to_cells()` writes it out.
A row with more cells than the header has columns is `invalid` too (its columns may have
shifted), and its extra cells come out at the end under `extra_1`, `extra_2`... so that
nothing is lost. Rows whose cells are all empty are
skipped (Excel leaves them at the end of sheets); every other row comes out.
A file that cannot be used at all raises `UnusableFile` naming the problem.
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import io
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from checker.acting import act_by, days_to_act
from checker.csv_safety import formula_safe_row
from checker.date_order import ColumnOrder, check_date_order, column_orders
from checker.dates import OrderGiven, today_in_hangzhou
from checker.engine import assess, days_left, headline, to_confirm, working_days
from checker.errors import MalformedRow, UnusableFile, check_lang
from checker.form import read_form
from checker.result import Status
from checker.rules import load_rules
from checker.staff_file import Opener, StaffFile, bytes_opener, extra_cells, read_staff_file
from checker.text_encoding import decode_staff_list
from checker.why import why

__all__ = [
    "ADDED_COLUMNS",
    "OPTIONAL_COLUMNS",
    "REQUIRED_COLUMNS",
    "STATUSES",
    "BatchResult",
    "BatchRow",
    "BatchStream",
    "check_batch",
    "decode_csv_bytes",
    "stream_batch",
]

REQUIRED_COLUMNS = ("permit_issued", "permit_expires", "passport_expires")
DATE_COLUMNS = REQUIRED_COLUMNS  # every required column is a date
OPTIONAL_COLUMNS = ("category",)
ADDED_COLUMNS = (
    "status",
    "earliest",
    "latest",
    "reason",
    "days_left",
    "confirm",
    "earliest_working_day",
    "latest_working_day",
)
INVALID = "invalid"
# Cells beyond the header's columns, kept at the end under extra_1, extra_2...
EXTRA_COLUMN = "extra_"
STATUSES = (*(status.value for status in Status), INVALID)


def _iso(day: date | None) -> str:
    return "" if day is None else day.isoformat()


class BatchRow(NamedTuple):
    """One staff member's answer: the row's own cells, then the answer's typed values (a
    tuple, as a long list has many).

    `status` is a `Status` value or `invalid` (then `reason` is the error and the dates are
    None); `extra` holds cells beyond the header's columns (the row is then invalid).
    """

    cells: tuple[str, ...]
    status: str
    reason: str
    earliest: date | None = None
    latest: date | None = None
    days_left: int | None = None
    confirm: tuple[str, ...] = ()
    earliest_working_day: date | None = None
    latest_working_day: date | None = None
    extra: tuple[str, ...] = ()
    # The day to act by and the days until it when eligible (`checker.acting`): what the
    # page's "days left", urgency order and "within 30 days" filter go by. Not CSV columns.
    act_by: date | None = None
    days_to_act: int | None = None
    # The page's "Why" column (`checker.why`): about the person, for HR; an invalid row's is
    # its error. Not a CSV column (the CSV's `reason` stays the answer's headline).
    why: str = ""

    def dates(self) -> tuple[date, ...]:
        """The answer's dates, for writing them out once (`checker.web`)."""
        found = (
            self.earliest,
            self.latest,
            self.earliest_working_day,
            self.latest_working_day,
            self.act_by,
        )
        return tuple(day for day in found if day is not None)

    def to_cells(self, extra_columns: int = 0) -> list[str]:
        """The row as CSV cells: its cells, the added columns, then `extra_columns` cells."""
        return [
            *self.cells,
            self.status,
            _iso(self.earliest),
            _iso(self.latest),
            self.reason,
            "" if self.days_left is None else str(self.days_left),
            " ".join(self.confirm),
            _iso(self.earliest_working_day),
            _iso(self.latest_working_day),
            *self.extra,
            *[""] * (extra_columns - len(self.extra)),
        ]


@dataclass(frozen=True)
class BatchResult:
    """Every row's answer. `columns` = input columns + the added columns (+ `extra_N`)."""

    columns: list[str]
    answers: list[BatchRow]
    counts: dict[str, int]
    input_columns: list[str]
    on: date
    lang: str
    rules_version: str
    encoding: str = "utf-8"  # as read: utf-8, utf-8-sig, utf-16, gb18030 or cp1252
    # The file's data rows; more than len(rows) when only a part was checked (`first`, `count`).
    total_rows: int = 0
    # Each date column with day-first or month-first dates, and how they were read
    # (`checker.date_order`): decided over the whole file, also when a part was checked.
    date_orders: dict[str, ColumnOrder] = dataclasses.field(default_factory=dict)

    @functools.cached_property
    def rows(self) -> list[list[str]]:
        """Every answer as cells, in the order of `columns` (the CSV's and JSON's rows)."""
        extra_columns = len(self.columns) - len(self.input_columns) - len(ADDED_COLUMNS)
        return [answer.to_cells(extra_columns) for answer in self.answers]

    def to_csv(self, *, header: bool = True) -> str:
        """The result as CSV text (header row first unless `header` is false, CRLF line
        endings as Excel expects), every cell formula-safe (`checker.csv_safety`)."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        if header:
            writer.writerow(formula_safe_row(self.columns))
        writer.writerows(formula_safe_row(row) for row in self.rows)
        return buffer.getvalue()

    def to_dict(self) -> dict[str, object]:
        """`{"columns", "rows", "counts", "on", "rules_version", "date_orders",
        "date_order_refused"}` (CLI `--format json`)."""
        return {
            "columns": self.columns,
            "rows": self.rows,
            "counts": self.counts,
            "on": self.on.isoformat(),
            "rules_version": self.rules_version,
            **self.date_order_fields(),
        }

    def date_order_fields(self) -> dict[str, dict[str, str]]:
        """`date_orders` and `date_order_refused` (`date_order_fields`)."""
        return date_order_fields(self.date_orders)


def date_order_fields(orders: Mapping[str, ColumnOrder]) -> dict[str, dict[str, str]]:
    """`date_orders` (each column read day-first or month-first: `dmy` or `mdy`) and
    `date_order_refused` (each column refused: `undecided` or `contradicts`)."""
    return {
        "date_orders": {
            column: decided.order for column, decided in orders.items() if decided.order is not None
        },
        "date_order_refused": {
            column: decided.state for column, decided in orders.items() if decided.refused
        },
    }


def decode_csv_bytes(data: bytes, encoding: str = "auto") -> str:
    """The file's text, its encoding decided on evidence (see `checker.text_encoding`)."""
    return decode_staff_list(data, encoding).text


def _header(rows: list[list[str]]) -> tuple[list[str], dict[str, int]]:
    """The header row and the index of each column the checker reads."""
    required = ", ".join(REQUIRED_COLUMNS)
    if not rows:
        raise UnusableFile("empty", required=required)
    header = rows[0]
    index: dict[str, int] = {}
    for position, name in enumerate(header):
        key = name.strip().lstrip("\ufeff").casefold()
        if key in (*REQUIRED_COLUMNS, *OPTIONAL_COLUMNS) and key not in index:
            index[key] = position
    missing = [name for name in REQUIRED_COLUMNS if name not in index]
    if missing:
        raise UnusableFile("columns_missing", columns=", ".join(missing), required=required)
    return header, index


def _answer_row(
    cells: list[str],
    index: dict[str, int],
    on: date,
    lang: str,
    orders: Mapping[str, OrderGiven] | None = None,
) -> BatchRow:
    """One row's answer, through the same validation as a single check (errors: invalid);
    `orders` holds each date column's order for day-first or month-first dates."""
    valid, errors = read_form(
        permit_issued=cells[index["permit_issued"]],
        permit_expires=cells[index["permit_expires"]],
        passport_expires=cells[index["passport_expires"]],
        on=on,
        category=cells[index["category"]] if "category" in index else None,
        lang=lang,
        orders=orders,
    )
    if valid is None:
        error = errors[0].message(lang)
        return BatchRow(tuple(cells), INVALID, error, why=error)
    found, status = assess(valid.permit_issued, valid.permit_expires, valid.passport_expires, on)
    earliest_working, latest_working = working_days(found)
    window_left = not found.is_empty
    rules = load_rules()
    return BatchRow(
        cells=tuple(cells),
        status=status.value,
        reason=headline(found, status, on, lang, valid.category),
        earliest=found.earliest,
        latest=found.latest,
        days_left=days_left(found, status, on),
        confirm=to_confirm(status, valid.category, rules),
        earliest_working_day=earliest_working,
        latest_working_day=latest_working,
        act_by=act_by(found.earliest, found.latest, on) if window_left else None,
        days_to_act=days_to_act(status, on, found.earliest, found.latest) if window_left else None,
        why=why(found, status, on, rules, lang),
    )


def _open(
    opener: Opener, encoding: str, max_rows: int | None
) -> tuple[StaffFile, list[str], dict[str, int]]:
    """The file read through once (`checker.staff_file`), its header and column indexes."""
    staff = read_staff_file(opener, encoding, max_rows)
    header, index = _header([] if staff.header is None else [staff.header])
    return staff, header, index


@lru_cache(maxsize=1)  # a long list checked part by part (the browser's progress bar)
def _read_file_for_parts(
    data: bytes, encoding: str, max_rows: int | None, date_order: str
) -> tuple[StaffFile, list[str], dict[str, int], list[list[str]], dict[str, ColumnOrder]]:
    """`_open`, once for all the parts, with every data row (the browser's lists are
    bounded by its row limit) and the date columns' orders (the whole file's)."""
    staff, header, index = _open(bytes_opener(data), encoding, max_rows)
    rows = list(staff.rows())
    return staff, header, index, rows, column_orders(rows, index, DATE_COLUMNS, date_order)


def _answers(
    rows: Iterable[list[str]],
    index: dict[str, int],
    width: int,
    on: date,
    lang: str,
    counts: dict[str, int],
    orders: Mapping[str, ColumnOrder],
) -> Iterator[BatchRow]:
    """Each row's answer, in order, counted in `counts` as it is made; `orders` are the
    date columns' orders (`checker.date_order`)."""
    reads_as = {column: decided.reads_as for column, decided in orders.items()}
    for cells in rows:
        if len(cells) > width:
            extra = extra_cells(cells, width)  # without Excel's trailing empty cells
            cells = cells[:width]
            if extra:
                # Reported (the columns may have shifted) and kept: the extra cells come
                # out at the end of the row, under `extra_1`, `extra_2`...
                error = MalformedRow("row", cells=width + len(extra), columns=width)
                counts[INVALID] += 1
                message = error.message(lang)
                yield BatchRow(tuple(cells), INVALID, message, extra=tuple(extra), why=message)
                continue
        elif len(cells) < width:
            cells = cells + [""] * (width - len(cells))
        answer = _answer_row(cells, index, on, lang, reads_as)
        counts[answer.status] += 1
        yield answer


def _columns(header: list[str], most_extra: int) -> list[str]:
    extra = [f"{EXTRA_COLUMN}{number}" for number in range(1, most_extra + 1)]
    return [*header, *ADDED_COLUMNS, *extra]


@dataclass(frozen=True)
class BatchStream:
    """A staff list answered row by row, for a list of any size (the command line).

    The file has been read through once (so it is usable, and `columns` and `total_rows`
    are known); `answers()` reads it again and answers each row as it is read, adding it
    to `counts`, which are the whole file's once every answer has been taken.
    """

    columns: list[str]
    input_columns: list[str]
    on: date
    lang: str
    rules_version: str
    encoding: str
    total_rows: int
    counts: dict[str, int]
    date_orders: dict[str, ColumnOrder]
    _staff: StaffFile
    _index: dict[str, int]

    def answers(self) -> Iterator[BatchRow]:
        width = len(self.input_columns)
        yield from _answers(
            self._staff.rows(),
            self._index,
            width,
            self.on,
            self.lang,
            self.counts,
            self.date_orders,
        )

    def rows(self) -> Iterator[list[str]]:
        """Every answer as cells, in the order of `columns` (as `BatchResult.rows`)."""
        extra_columns = len(self.columns) - len(self.input_columns) - len(ADDED_COLUMNS)
        for answer in self.answers():
            yield answer.to_cells(extra_columns)


def stream_batch(
    opener: Opener,
    *,
    on: date | None = None,
    lang: str = "en",
    encoding: str = "auto",
    date_order: str = "auto",
) -> BatchStream:
    """`check_batch` for a file of any size: `opener()` opens it afresh (it is read four
    times, chunk by chunk: the evidence of its encoding, its rows and limits, its date
    columns' orders, the answers); the answers come from the returned stream one by one.
    Raises what `check_batch` raises, before any row is answered."""
    lang = check_lang(lang)
    date_order = check_date_order(date_order)
    on = today_in_hangzhou() if on is None else on
    staff, header, index = _open(opener, encoding, None)
    orders = column_orders(staff.rows(), index, DATE_COLUMNS, date_order)
    return BatchStream(
        columns=_columns(header, staff.most_extra),
        input_columns=list(header),
        on=on,
        lang=lang,
        rules_version=load_rules().rules_version,
        encoding=staff.encoding,
        total_rows=staff.total_rows,
        counts=dict.fromkeys(STATUSES, 0),
        date_orders=orders,
        _staff=staff,
        _index=index,
    )


def check_batch(
    data: bytes,
    *,
    on: date | None = None,
    lang: str = "en",
    encoding: str = "auto",
    first: int = 0,
    count: int | None = None,
    max_rows: int | None = None,
    date_order: str = "auto",
) -> BatchResult:
    """Answer every row of a staff CSV for the application date `on` (default: today).

    Raises `UnusableFile` (field "file") when the file is not text, not CSV, empty or lacks
    a required column; `UnknownLanguage` for a language other than en or zh. A row that
    cannot be read never stops the batch: it comes out `invalid` with the reason.
    `encoding` ("auto" or one of `ENCODING_CHOICES`) overrides the evidence of the bytes.
    With `count`, only the data rows `first` to `first + count - 1` are answered (their
    counts too); the columns are the whole file's, and `total_rows` says how many it has.
    The file is then read once for all its parts. With `max_rows`, a file with more data
    rows is refused (`UnusableFile`) as soon as the row past the limit is read.
    `date_order` ("auto", "dmy" or "mdy"; `InvalidDateOrder` otherwise) is the order of
    day-first or month-first dates: "auto" lets each date column show its own
    (`checker.date_order`); `date_orders` says how each was read, or why it was refused.
    """
    lang = check_lang(lang)
    date_order = check_date_order(date_order)
    on = today_in_hangzhou() if on is None else on
    if count is None:
        staff, header, index = _open(bytes_opener(bytes(data)), encoding, max_rows)
        orders = column_orders(staff.rows(), index, DATE_COLUMNS, date_order)
        part: Iterable[list[str]] = staff.rows()
    else:
        staff, header, index, rows, orders = _read_file_for_parts(
            bytes(data), encoding, max_rows, date_order
        )
        start = max(first, 0)
        part = rows[start : start + count]
    counts = dict.fromkeys(STATUSES, 0)
    answers = list(_answers(part, index, len(header), on, lang, counts, orders))
    read_as, total_rows, columns = (
        staff.encoding,
        staff.total_rows,
        _columns(header, staff.most_extra),
    )
    return BatchResult(
        columns=columns,
        answers=answers,
        counts=counts,
        input_columns=list(header),
        on=on,
        lang=lang,
        rules_version=load_rules().rules_version,
        encoding=read_as,
        total_rows=total_rows,
        date_orders=orders,
    )
