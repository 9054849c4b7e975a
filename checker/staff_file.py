"""A staff list's bytes read into rows of cells, in bounded memory, within stated limits.

The file is given as something that opens it afresh (`Opener`): it is read a few times,
chunk by chunk, never held whole: once to decide its encoding (`checker.text_encoding`), once
to check it as CSV and count what the answer needs before its first row is written (the
rows, the widest row's extra cells), and once more to answer it row by row. So a list of any
size is checked in memory that does not grow with it, and a file that cannot be used is
refused before anything is written.

Cells are separated by commas, or by tabs when the first line has more tabs than commas (a
spreadsheet's clipboard, Excel's "Unicode text"). Rows end as the CSV reader ends them: CR,
LF or CRLF, and a line break inside quotes stays in its cell. Rows whose cells are all empty
are skipped (Excel leaves them at the end of sheets).

Limits (rules.toml, `[input]`), each refused with a sentence that names it: at most
`max_cells_per_row` cells in a row and `max_cell_characters` characters in a cell; and, when
the caller gives one (the browser), at most `max_rows` data rows, refused as soon as the row
past the limit is read.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from checker.errors import UnusableFile
from checker.rules import load_rules
from checker.text_encoding import CHUNK_BYTES, decide_encoding, decoded_chunks

__all__ = ["Opener", "StaffFile", "bytes_opener", "read_staff_file"]

Opener = Callable[[], BinaryIO]
# The csv module's own message for a cell past its field size limit.
_FIELD_LIMIT_ERROR = "field larger than field limit"


def bytes_opener(data: bytes) -> Opener:
    """An opener for a file already in memory."""
    return lambda: io.BytesIO(data)


def _chunks(opener: Opener) -> Callable[[], Iterable[bytes]]:
    def chunks() -> Iterator[bytes]:
        with opener() as file:
            while chunk := file.read(CHUNK_BYTES):
                yield chunk

    return chunks


def _delimiter(opener: Opener, codec: str) -> str:
    """A tab when the first line (up to its LF) has more tabs than commas, else a comma."""
    tabs = commas = 0
    for text in decoded_chunks(_chunks(opener)(), codec):
        line, newline, _rest = text.partition("\n")
        tabs += line.count("\t")
        commas += line.count(",")
        if newline:
            break
    return "\t" if tabs > commas else ","


@dataclass(frozen=True)
class StaffFile:
    """A staff list known to be readable: its encoding, its first row (the header) and what
    its data rows need; `rows()` reads them again, one at a time."""

    opener: Opener
    codec: str  # what the text is decoded with
    encoding: str  # as reported: utf-8, utf-8-sig, utf-16, gb18030 or cp1252
    delimiter: str
    header: list[str] | None  # None for a file without a non-empty row
    total_rows: int  # data rows (the non-empty rows after the header)
    most_extra: int  # the most cells a data row has beyond the header (Excel's trailing
    # empty ones left out)

    def _records(self) -> Iterator[tuple[int, list[str]]]:
        """Every non-empty row, with the line it ends on."""
        with self.opener() as file:
            text = io.TextIOWrapper(file, encoding=self.codec, errors="strict", newline="")
            reader = csv.reader(text, delimiter=self.delimiter, strict=True)
            try:
                for cells in reader:
                    if "".join(cells).strip():
                        yield reader.line_num, cells
            except csv.Error as error:
                if _FIELD_LIMIT_ERROR in str(error):
                    raise _cell_too_long(reader.line_num) from None
                raise UnusableFile("not_csv", detail=str(error)) from None

    def rows(self) -> Iterator[list[str]]:
        """The data rows, in order, each as the reader read it."""
        records = self._records()
        next(records, None)  # the header
        for _line, cells in records:
            yield cells


def extra_cells(cells: list[str], width: int) -> list[str]:
    """The cells beyond the header's `width`, without Excel's trailing empty ones."""
    extra = cells[width:]
    while extra and not extra[-1].strip():
        extra.pop()
    return extra


def _cell_too_long(line: int) -> UnusableFile:
    return UnusableFile("cell_too_long", line=line, limit=f"{load_rules().max_cell_characters:,}")


def read_staff_file(
    opener: Opener, encoding: str = "auto", max_rows: int | None = None
) -> StaffFile:
    """Decide the file's encoding and check it row by row, keeping only counts.

    Raises `UnusableFile` (field "file") for a file that is not text or not CSV, whose
    encoding is undecided (`EncodingUndecided`), with a row or cell past the limits, or
    with more than `max_rows` data rows.
    """
    codec, reported = decide_encoding(_chunks(opener), encoding)
    rules = load_rules()
    reading = StaffFile(opener, codec, reported, _delimiter(opener, codec), None, 0, 0)
    header: list[str] | None = None
    total = most_extra = 0
    for line, cells in reading._records():
        if len(cells) > rules.max_cells_per_row:
            raise UnusableFile(
                "too_many_cells",
                line=line,
                cells=f"{len(cells):,}",
                limit=f"{rules.max_cells_per_row:,}",
            )
        if any(len(cell) > rules.max_cell_characters for cell in cells):
            raise _cell_too_long(line)
        if header is None:
            header = cells
            continue
        total += 1
        if max_rows is not None and total > max_rows:
            raise UnusableFile("too_many_rows", limit=f"{max_rows:,}")
        if len(cells) > len(header):
            most_extra = max(most_extra, len(extra_cells(cells, len(header))))
    return StaffFile(opener, codec, reported, reading.delimiter, header, total, most_extra)
