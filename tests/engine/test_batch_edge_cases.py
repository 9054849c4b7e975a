"""Staff lists and command lines that used to go wrong: an output file that cannot be
written, a date cell 100,000 characters long, control characters bound for a calendar, and a
row with more cells than the header."""

from __future__ import annotations

import json
import re
import subprocess
from datetime import date
from pathlib import Path

import pytest

from checker import check_batch
from checker.calendar import batch_calendar
from tests.engine.helpers import run_batch as run_cli_batch

ON = date(2026, 11, 26)
HEADER = "name,permit_issued,permit_expires,passport_expires,category\r\n"
GOOD = ",2026-11-12,2028-11-11,2030-01-01,A\r\n"


def run_batch(*args: str) -> subprocess.CompletedProcess[str]:
    completed = run_cli_batch(*args)
    assert "Traceback" not in completed.stderr
    return completed


@pytest.fixture
def staff_file(tmp_path: Path) -> Path:
    path = tmp_path / "staff.csv"
    path.write_text(HEADER + "Ana" + GOOD, encoding="utf-8")
    return path


class TestAnOutputFileThatCannotBeWritten:
    @pytest.mark.parametrize("where", ["no-such-folder/out.csv", "."], ids=["folder", "dir"])
    def test_it_exits_2_with_a_sentence_naming_it(
        self, staff_file: Path, tmp_path: Path, where: str
    ) -> None:
        target = str(tmp_path / where)
        completed = run_batch(str(staff_file), "-o", target)
        assert completed.returncode == 2
        assert "internal error" not in completed.stderr
        assert completed.stderr.startswith("checker: Output file: ")
        assert target in completed.stderr

    def test_with_json_it_names_the_output_field(self, staff_file: Path, tmp_path: Path) -> None:
        target = str(tmp_path / "missing" / "out.json")
        completed = run_batch(str(staff_file), "--format", "json", "-o", target)
        assert completed.returncode == 2
        assert json.loads(completed.stdout)["error"]["field"] == "output"


class TestALongDateCellIsQuotedOnlyInPart:
    @pytest.mark.parametrize(
        "cell",
        [
            "1" + " " * 100_000 + "/2/2026",  # ambiguous: day/month or month/day
            "2026年" + " " * 100_000 + "2月30日",  # impossible: no 30 February
            "2026-02-30" + "x" * 100_000,  # unreadable
        ],
        ids=["ambiguous", "impossible", "unreadable"],
    )
    def test_the_reason_quotes_the_start_with_an_ellipsis(self, cell: str) -> None:
        data = (HEADER + "Ana," + cell + GOOD[GOOD.index(",", 1) :]).encode("utf-8")
        row = check_batch(data, on=ON).answers[0]
        reason = row.reason
        assert row.status == "invalid"
        assert len(reason) < 300
        assert "…" in reason

    def test_a_short_ambiguous_date_is_quoted_whole(self) -> None:
        data = (HEADER + "Ana,3/4/2026" + GOOD[GOOD.index(",", 1) :]).encode("utf-8")
        assert "“3/4/2026”" in check_batch(data, on=ON).answers[0].reason


class TestCalendarTextFromAStaffList:
    def test_control_characters_rfc_5545_forbids_never_reach_the_ics(self) -> None:
        name = "Ana\x0cMaria\x7f\x01\x1b Lopez"
        data = (HEADER + name + GOOD).encode("utf-8")
        text = batch_calendar(check_batch(data, on=ON, lang="en"))
        unfolded = text.replace("\r\n ", "")
        assert re.search(r"[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f]", text) is None
        assert "AnaMaria Lopez" in unfolded

    def test_tabs_stay_and_line_breaks_are_escaped(self) -> None:
        data = (HEADER + '"Ana\tMaria\nLopez"' + GOOD).encode("utf-8")
        unfolded = batch_calendar(check_batch(data, on=ON)).replace("\r\n ", "")
        assert "Ana\tMaria\\nLopez" in unfolded


class TestARowWithMoreCellsThanTheHeader:
    def test_the_extra_cells_are_kept_and_the_row_reported(self) -> None:
        data = (HEADER + "Ana" + GOOD + "Wang, Fang" + GOOD.rstrip() + ",note\r\n").encode()
        result = check_batch(data, on=ON)
        assert result.columns[-2:] == ["extra_1", "extra_2"]
        ana, wang = result.rows
        assert ana[-2:] == ["", ""]
        assert wang[0] == "Wang"
        assert wang[-2:] == ["A", "note"]
        assert wang[result.columns.index("status")] == "invalid"
        assert "7 cells" in wang[result.columns.index("reason")]
        assert all(len(row) == len(result.columns) for row in result.rows)

    def test_trailing_empty_cells_are_not_a_problem(self) -> None:
        data = (HEADER + "Ana" + GOOD.rstrip() + ",,\r\n").encode()
        result = check_batch(data, on=ON)
        assert result.rows[0][result.columns.index("status")] == "eligible"
        assert "extra_1" not in result.columns

    def test_rows_in_equal_rows_out_through_the_command_line(self, tmp_path: Path) -> None:
        path = tmp_path / "ragged.csv"
        lines = ["Ana" + GOOD, "Bo" + GOOD.rstrip() + ",x,y,z\r\n", "Cy" + GOOD]
        path.write_text(HEADER + "".join(lines), encoding="utf-8")
        out = tmp_path / "out.csv"
        assert run_batch(str(path), "-o", str(out)).returncode == 0
        table = out.read_text("utf-8-sig").splitlines()
        assert [line.split(",")[0] for line in table[1:]] == ["Ana", "Bo", "Cy"]
        assert table[2].endswith(",x,y,z")
