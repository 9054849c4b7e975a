"""The batch engine's two ways in for the browser: rows pasted from a spreadsheet (tabs, quoted
cells) and a long list answered in parts for a progress bar. Does a pasted multi-line cell stay
one cell, and do the parts add up to exactly the whole answer?"""

from __future__ import annotations

import json
from datetime import date

import pytest

from checker import check_batch
from checker.web import batch_json

ON = date(2026, 11, 26)
HEADER = "name\tpermit_issued\tpermit_expires\tpassport_expires\tcategory\r\n"


def test_a_pasted_cell_with_a_line_break_stays_one_cell() -> None:
    pasted = HEADER + '"Anna\nMaria"\t2026-11-12\t2028-11-11\t2030-01-01\tA\r\n'
    batch = check_batch(pasted.encode("utf-8"), on=ON)
    assert [row[0] for row in batch.rows] == ["Anna\nMaria"]
    assert batch.answers[0].status == "eligible"


def test_doubled_quotes_in_a_pasted_cell_become_one() -> None:
    pasted = HEADER + '"Li ""Leo"" Wei"\t2026-11-12\t2028-11-11\t2030-01-01\tA\r\n'
    assert check_batch(pasted.encode("utf-8"), on=ON).rows[0][0] == 'Li "Leo" Wei'


def test_a_comma_inside_a_pasted_cell_is_not_a_separator() -> None:
    pasted = HEADER + "孙伟, Jr.\t2026-11-12\t2028-11-11\t2030-01-01\tA\r\n"
    assert check_batch(pasted.encode("utf-8"), on=ON).rows[0][0] == "孙伟, Jr."


def test_a_csv_with_a_tab_in_a_cell_is_still_read_by_its_commas() -> None:
    data = (
        "name,permit_issued,permit_expires,passport_expires\r\n"
        "A\tB,2026-11-12,2028-11-11,2030-01-01\r\n"
    )
    assert check_batch(data.encode("utf-8"), on=ON).rows[0][0] == "A\tB"


def long_list(rows: int) -> bytes:
    lines = ["name,permit_issued,permit_expires,passport_expires,category"]
    lines += [
        f"Staff {n},2026-{1 + n % 12:02d}-{1 + n % 28:02d},2028-{1 + n % 12:02d}-15,"
        f"{2026 + n % 5}-06-30,{'ABC '[n % 4].strip()}"
        + (",surplus" if n % 97 == 0 else "")  # a few rows with a cell too many
        for n in range(rows)
    ]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


@pytest.mark.parametrize("part", [1, 7, 250, 1000, 5000])
def test_the_parts_add_up_to_the_whole_answer(part: int) -> None:
    data = long_list(1000)
    whole = json.loads(batch_json(data, ON.isoformat(), "en"))
    rows: list[list[str]] = []
    csv = ""
    counts = dict.fromkeys(whole["counts"], 0)
    first = 0
    while True:
        reply = json.loads(batch_json(data, ON.isoformat(), "en", "auto", first, part))
        assert reply["ok"]
        assert reply["columns"] == whole["columns"], "every part has the whole file's columns"
        assert reply["total"] == 1000
        rows += reply["rows"]
        csv += reply["csv"]
        for name, count in reply["counts"].items():
            counts[name] += count
        first += part
        if first >= reply["total"]:
            break
    assert rows == whole["rows"], "rows in = rows out, in order"
    assert csv == whole["csv"], "the header once, then every row"
    assert counts == whole["counts"]


def test_a_refused_encoding_says_which_refusal_it_is() -> None:
    mixed = "name,permit_issued,permit_expires,passport_expires\r\nRenée,1,2,3\r\n".encode()
    mixed += "李明,1,2,3\r\n".encode("gbk")
    reply = json.loads(batch_json(mixed, ON.isoformat(), "en"))
    assert not reply["ok"]
    assert reply["encoding_refused"] == "encoding_mixed"
    chosen = json.loads(batch_json(long_list(3), ON.isoformat(), "en", "utf-16"))
    assert chosen["encoding_refused"] == "encoding_wrong"
