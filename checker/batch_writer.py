"""A streamed batch written out row by row: CSV (formula-safe, CRLF, as `BatchResult.to_csv`)
or JSON (as `BatchResult.to_dict` dumped with an indent of 2), byte for byte the same as the
in-memory result's, in memory that does not grow with the list."""

from __future__ import annotations

import csv
import json
from typing import TextIO

from checker.batch import BatchStream, date_order_fields
from checker.csv_safety import formula_safe_row

__all__ = ["write_csv", "write_json"]


def write_csv(stream: BatchStream, out: TextIO) -> None:
    """The header row, then every answer, each cell formula-safe (`checker.csv_safety`)."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(formula_safe_row(stream.columns))
    writer.writerows(formula_safe_row(row) for row in stream.rows())


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)


def _nested(value: object, depth: int) -> str:
    """`value` dumped with an indent of 2, as it stands `depth` levels deep (JSON strings
    never hold a raw line break, so every line break is the layout's)."""
    return _dumps(value).replace("\n", "\n" + "  " * depth)


def write_json(stream: BatchStream, out: TextIO) -> None:
    """`{"columns", "rows", "counts", "on", "rules_version", "date_orders",
    "date_order_refused"}`, the rows one at a time."""
    out.write('{\n  "columns": ' + _nested(stream.columns, 1) + ',\n  "rows": ')
    first = True
    for row in stream.rows():
        out.write(("[\n    " if first else ",\n    ") + _nested(row, 2))
        first = False
    out.write("[]" if first else "\n  ]")
    out.write(',\n  "counts": ' + _nested(stream.counts, 1))
    out.write(',\n  "on": ' + _dumps(stream.on.isoformat()))
    out.write(',\n  "rules_version": ' + _dumps(stream.rules_version))
    for name, value in date_order_fields(stream.date_orders).items():
        out.write(f',\n  "{name}": ' + _nested(value, 1))
    out.write("\n}")
