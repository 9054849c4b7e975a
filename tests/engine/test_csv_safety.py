"""Formula-safe CSV (OWASP "CSV Injection"): a results file HR opens in Excel never runs a
cell as a formula, whatever the staff list held; the JSON output keeps every cell as it was."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from checker.csv_safety import FORMULA_TRIGGERS, formula_safe
from tests.engine.helpers import OWASP_PAYLOADS, run_batch


class TestTheRule:
    @pytest.mark.parametrize("trigger", FORMULA_TRIGGERS)
    def test_a_cell_starting_with_a_trigger_gets_a_quote(self, trigger: str) -> None:
        assert formula_safe(trigger + "1") == "'" + trigger + "1"

    @pytest.mark.parametrize(
        "cell", ["", "2026-11-26", "2026/11/26", "2026年11月26日", "Anna", "王芳", "a=1", "'=1"]
    )
    def test_other_cells_and_every_date_are_unchanged(self, cell: str) -> None:
        assert formula_safe(cell) == cell

    def test_the_triggers_are_owasps(self) -> None:
        assert set(FORMULA_TRIGGERS) == {"=", "+", "-", "@", "\t", "\r"}


def staff_file(tmp_path: Path) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["name", "=note", "permit_issued", "permit_expires", "passport_expires"])
    for payload in OWASP_PAYLOADS:
        writer.writerow([payload, payload, "2026-11-12", "2028-11-11", "2030-01-01"])
    path = tmp_path / "hostile.csv"
    path.write_bytes(buffer.getvalue().encode("utf-8"))
    return path


def results_table(tmp_path: Path) -> list[list[str]]:
    out = tmp_path / "results.csv"
    completed = run_batch(str(staff_file(tmp_path)), "-o", str(out))
    assert completed.returncode == 0
    return list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"), newline="")))


class TestThroughTheCommandLine:
    def test_no_output_cell_starts_a_formula(self, tmp_path: Path) -> None:
        table = results_table(tmp_path)
        cells = [cell for row in table for cell in row]
        assert [cell for cell in cells if cell[:1] in FORMULA_TRIGGERS] == []

    def test_the_input_columns_come_back_quoted_not_changed_otherwise(self, tmp_path: Path) -> None:
        table = results_table(tmp_path)
        assert table[0][:2] == ["name", "'=note"]
        assert [row[0] for row in table[1:]] == ["'" + payload for payload in OWASP_PAYLOADS]
        assert [row[1] for row in table[1:]] == ["'" + payload for payload in OWASP_PAYLOADS]

    def test_the_dates_are_never_affected(self, tmp_path: Path) -> None:
        table = results_table(tmp_path)
        header = table[0]
        for row in table[1:]:
            record = dict(zip(header, row, strict=True))
            assert record["permit_issued"] == "2026-11-12"
            assert record["status"] == "eligible"
            assert record["earliest"] == "2026-11-26"
            assert record["latest"] == "2028-08-12"

    def test_the_json_output_keeps_every_cell_as_it_was(self, tmp_path: Path) -> None:
        completed = run_batch(str(staff_file(tmp_path)), "--format", "json")
        answer = json.loads(completed.stdout)
        assert answer["columns"][1] == "=note"
        assert [row[0] for row in answer["rows"]] == OWASP_PAYLOADS
