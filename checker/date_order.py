"""The order of a staff list's day-first or month-first dates, decided column by column.

Western Excel saves dates month first (`1/15/2026`), most of the world's day first
(`26/11/2026`). A column tells its own order: when any of its dates has a first number over
12 it is day-first, a second number over 12 month-first, and the whole column is read that
way (`3/4/2026` in a month-first column is 4 March). A column that shows no order
(`undecided`: every such date could be either) or both (`contradicts`) is refused: its
day-first or month-first dates are not read, and the list gets one sentence naming the
fix (`--date-order dmy|mdy` on the command line, the page's own choice in the browser).
Year-first dates are read in any column, as always. A given order (`dmy` or `mdy`)
applies to every date column.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from typing import Literal, NamedTuple

from checker.dates import DATE_ORDERS, DateOrder, OrderGiven, is_day_month, order_shown
from checker.errors import InvalidDateOrder
from checker.messages import render

__all__ = [
    "DATE_ORDER_CHOICES",
    "ColumnOrder",
    "check_date_order",
    "column_orders",
    "date_order_sentences",
]

DATE_ORDER_CHOICES = ("auto", *DATE_ORDERS)
State = Literal["shown", "given", "undecided", "contradicts"]
Fix = Literal["cli", "page"]


class ColumnOrder(NamedTuple):
    """How one date column's day-first or month-first dates are read, and the dates that
    showed it (`example` for `shown`, `undecided`; `example` and `other` for `contradicts`:
    a day-first and a month-first date)."""

    state: State
    order: DateOrder | None = None
    example: str = ""
    other: str = ""

    @property
    def reads_as(self) -> OrderGiven:
        """The order to pass to `parse_date` for this column's cells."""
        return "mixed" if self.state == "contradicts" else self.order

    @property
    def refused(self) -> bool:
        return self.state in ("undecided", "contradicts")


def check_date_order(value: str) -> str:
    """`value` if it is auto, dmy or mdy (any letter case), else raise InvalidDateOrder."""
    cleaned = (value or "auto").strip().casefold()
    if cleaned not in DATE_ORDER_CHOICES:
        raise InvalidDateOrder(
            "date_order", value=value[:20], choices=", ".join(DATE_ORDER_CHOICES)
        )
    return cleaned


@functools.lru_cache(maxsize=16384)
def _shown(cell: str) -> DateOrder | Literal["either"] | None:
    """The order a cell shows, "either" for a day/month date that shows none, None for any
    other cell (year first, empty, unreadable)."""
    if cell[:4].isdigit():  # year first, as most lists are: nothing to look at
        return None
    order = order_shown(cell)
    if order is not None:
        return order
    return "either" if is_day_month(cell) else None


def _decided(first: Mapping[str, str], given: str) -> ColumnOrder | None:
    """A column's order from the first cell that showed each order (`first`)."""
    if not first:
        return None  # no day-first or month-first date: nothing to say
    if given in DATE_ORDERS:
        return ColumnOrder("given", given, first.get(given, ""))
    if "dmy" in first and "mdy" in first:
        return ColumnOrder("contradicts", None, first["dmy"], first["mdy"])
    for order in DATE_ORDERS:
        if order in first:
            return ColumnOrder("shown", order, first[order])
    return ColumnOrder("undecided", None, first["either"])


def column_orders(
    rows: Iterable[Sequence[str]], index: Mapping[str, int], columns: Sequence[str], given: str
) -> dict[str, ColumnOrder]:
    """Each date column (of `columns`) with day-first or month-first dates, and how its
    dates are read; `rows` are the data rows (read once, so a file streamed row by row will
    do), `index` each column's position, `given` "auto", "dmy" or "mdy"."""
    positions = {column: index[column] for column in columns}
    first: dict[str, dict[str, str]] = {column: {} for column in columns}
    for row in rows:
        for column, position in positions.items():
            if position < len(row):
                shown = _shown(row[position])
                if shown is not None and shown not in first[column]:
                    first[column][shown] = row[position].strip()
    found: dict[str, ColumnOrder] = {}
    for column in columns:
        decided = _decided(first[column], given)
        if decided is not None:
            found[column] = decided
    return found


def _listed(columns: Sequence[str], lang: str) -> str:
    return ("、" if lang == "zh" else ", ").join(columns)


def _order_words(order: DateOrder, lang: str) -> str:
    return render(f"date_order.{order}", lang)


def date_order_sentences(orders: Mapping[str, ColumnOrder], lang: str, fix: Fix) -> list[str]:
    """The list-level sentences: how each column was read, then one sentence per kind of
    refusal naming the fix (`fix` "cli" names --date-order, "page" the page's choice)."""
    sentences = []
    for state in ("shown", "given"):
        for order in DATE_ORDERS:
            read = [
                column
                for column, decided in orders.items()
                if decided.state == state and decided.order == order
            ]
            if read:
                sentences.append(
                    render(
                        f"batch.date_order.{state}",
                        lang,
                        columns=_listed(read, lang),
                        order=_order_words(order, lang),
                        example=orders[read[0]].example,
                    )
                )
    undecided = [column for column, decided in orders.items() if decided.state == "undecided"]
    if undecided:
        sentences.append(
            render(
                f"batch.date_order_undecided.{fix}",
                lang,
                columns=_listed(undecided, lang),
                example=orders[undecided[0]].example,
            )
        )
    mixed = [column for column, decided in orders.items() if decided.state == "contradicts"]
    if mixed:
        sentences.append(
            render(
                f"batch.date_order_contradicts.{fix}",
                lang,
                columns=_listed(mixed, lang),
                day_first=orders[mixed[0]].example,
                month_first=orders[mixed[0]].other,
            )
        )
    return sentences
