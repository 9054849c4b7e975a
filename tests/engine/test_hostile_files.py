"""Hostile and big staff lists (issue 22, items 2, 3, 4 and 6): limits that count what they
claim and name themselves, a command line that streams a list of any size in bounded memory
with the same output as the in-memory answer, and exit codes that tell a full disk or a
closed pipe from success and from a bug."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from datetime import date
from pathlib import Path

import pytest
from bench import staff_csv, write_big_list

from checker import check_batch
from checker.errors import UnusableFile
from checker.rules import load_rules
from checker.web import batch_json
from tests import ROOT
from tests.engine.helpers import run_batch

ON = date(2026, 11, 26)
HEADER = "name,permit_issued,permit_expires,passport_expires"
GOOD = "Ana,2026-11-12,2028-11-11,2030-01-01"


def refused(data: bytes, **options: object) -> UnusableFile:
    with pytest.raises(UnusableFile) as caught:
        check_batch(data, on=ON, **options)  # type: ignore[arg-type]
    return caught.value


class TestTheRowLimitCountsRowsAsTheCsvReaderDoes:
    @pytest.mark.parametrize("newline", ["\r", "\n", "\r\n"], ids=["CR", "LF", "CRLF"])
    def test_a_list_over_the_limit_is_refused_whatever_ends_its_lines(self, newline: str) -> None:
        data = newline.join([HEADER, *[GOOD] * 11]).encode()
        error = refused(data, max_rows=10)
        assert error.reason == "too_many_rows"
        assert "more than 10 rows" in error.message("en")

    @pytest.mark.parametrize("reason", ["too_many_rows", "too_large"])
    @pytest.mark.parametrize("lang", ["en", "zh"])
    def test_a_list_too_big_for_the_page_names_the_installed_command(
        self, reason: str, lang: str
    ) -> None:
        scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
        (command,) = (name for name, target in scripts.items() if target == "checker.cli:main")
        message = UnusableFile(reason, limit="10", size="70").message(lang)
        assert f"{command} batch FILE.csv" in message
        assert "python -m" not in message

    def test_a_list_at_the_limit_is_checked(self) -> None:
        data = "\r".join([HEADER, *[GOOD] * 10]).encode()
        assert len(check_batch(data, on=ON, max_rows=10).rows) == 10

    def test_a_line_break_inside_quotes_is_one_row_not_two(self) -> None:
        rows = [f'"Ana\nMaria{number}",2026-11-12,2028-11-11,2030-01-01' for number in range(10)]
        data = "\n".join([HEADER, *rows]).encode()
        assert len(check_batch(data, on=ON, max_rows=10).rows) == 10

    def test_the_browser_refuses_a_cr_only_list_over_its_limit_at_once(self) -> None:
        limit = load_rules().browser_max_rows
        data = ("\r".join([HEADER, *["x"] * (limit + 1)])).encode()
        reply = json.loads(batch_json(data, "2026-11-26", "en"))
        assert reply["ok"] is False
        assert f"more than {limit:,} rows" in reply["errors"][0]["message"]

    def test_the_browser_names_the_size_limit_that_refused_a_file(self) -> None:
        limit = load_rules().browser_max_megabytes
        data = (HEADER + "\n").encode() + b"x\n" * (35 * 1024 * 1024)  # 70 MB
        reply = json.loads(batch_json(data, "2026-11-26", "en"))
        message = reply["errors"][0]["message"]
        assert f"more than the {limit} MB this page reads" in message
        assert "70.0 MB" in message
        reply_zh = json.loads(batch_json(data, "2026-11-26", "zh"))
        assert f"{limit} MB" in reply_zh["errors"][0]["message"]


class TestOneWideRowDoesNotWidenEveryRow:
    def test_a_row_of_a_million_cells_is_refused_naming_the_limit(self) -> None:
        limit = load_rules().max_cells_per_row
        data = "\n".join([HEADER, GOOD, GOOD + "," * 1_000_000, GOOD]).encode()
        error = refused(data)
        assert error.reason == "too_many_cells"
        assert "line 3 has 1,000,004 cells" in error.message("en")
        assert f"{limit:,}" in error.message("en")

    def test_a_row_at_the_limit_keeps_its_extra_cells(self) -> None:
        limit = load_rules().max_cells_per_row
        wide = GOOD + ",x" * (limit - 4)
        result = check_batch("\n".join([HEADER, wide, GOOD]).encode(), on=ON)
        assert result.columns[-1] == f"extra_{limit - 4}"
        assert result.rows[0][-1] == "x"

    @pytest.mark.parametrize("length", [131_073, 1_000_000], ids=["own_limit", "csv_limit"])
    def test_a_cell_past_the_limit_is_refused_naming_it(self, length: int) -> None:
        data = "\n".join([HEADER, GOOD, "A" * length + GOOD[3:]]).encode()
        error = refused(data)
        assert error.reason == "cell_too_long"
        assert "line 3" in error.message("en")
        assert "131,072 characters" in error.message("en")

    def test_a_quote_left_open_is_refused_not_read_as_one_cell(self) -> None:
        data = (HEADER + '\n"Ana,2026-11-12\n' + (GOOD + "\n") * 20_000).encode()
        assert refused(data).reason == "cell_too_long"


def cli(*args: str, **options: object) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "checker", *args],
        cwd=ROOT,
        timeout=300,
        check=False,
        **{"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **options},
    )


@pytest.fixture(scope="module")
def mid_size_list(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """5,000 rows with every kind of line ending, quoted line breaks, formula cells, extra
    cells and empty rows, in GB18030."""
    lines = staff_csv(5_000).decode("utf-8-sig").split("\r\n")
    out = [lines[0]]
    for number, line in enumerate(lines[1:]):
        if number % 50 == 0:
            line = f'"Multi\nline {number}",' + line
        elif number % 77 == 0:
            line += ",x,,y,,"
        elif number % 91 == 0:
            line = ""
        elif number % 13 == 0:
            line = "=cmd," + line
        out.append(line + ("\r", "\n", "\r\n")[number % 3])
    path = tmp_path_factory.mktemp("lists") / "mid.csv"
    path.write_bytes("".join(out).encode("gb18030"))
    return path


class TestTheCommandLineStreams:
    @pytest.mark.parametrize("output_format", ["csv", "json"])
    def test_its_output_is_the_in_memory_answer_byte_for_byte(
        self, mid_size_list: Path, output_format: str
    ) -> None:
        completed = cli(
            "batch", str(mid_size_list), "--on", "2026-11-26", "--format", output_format
        )
        assert completed.returncode == 0, completed.stderr
        expected = check_batch(mid_size_list.read_bytes(), on=ON)
        if output_format == "csv":
            assert completed.stdout == expected.to_csv().encode("utf-8")
        else:
            text = json.dumps(expected.to_dict(), ensure_ascii=False, indent=2) + "\n"
            assert completed.stdout == text.encode("utf-8")
        assert f"{len(expected.rows)} rows".encode() in completed.stderr

    def test_a_file_written_with_o_is_the_same_with_a_bom(
        self, mid_size_list: Path, tmp_path: Path
    ) -> None:
        out = tmp_path / "answer.csv"
        completed = run_batch(str(mid_size_list), "-o", str(out))
        assert completed.returncode == 0
        expected = check_batch(mid_size_list.read_bytes(), on=ON).to_csv()
        assert out.read_bytes() == expected.encode("utf-8-sig")

    def test_stdin_is_streamed_too(self, mid_size_list: Path) -> None:
        with mid_size_list.open("rb") as stdin:
            completed = cli("batch", "-", "--on", "2026-11-26", stdin=stdin)
        assert completed.returncode == 0
        expected = check_batch(mid_size_list.read_bytes(), on=ON).to_csv()
        assert completed.stdout == expected.encode("utf-8")

    def test_its_memory_does_not_grow_with_the_list(self, tmp_path: Path) -> None:
        """A 24 MB list (the in-memory answer took about 45 times its size)."""
        big = tmp_path / "big.csv"
        rows = write_big_list(big, 20)
        # A fresh process whose only child is the command line reports that child's peak.
        measure = (
            "import resource, subprocess, sys; "
            "done = subprocess.run(sys.argv[1:], capture_output=True); "
            "sys.stderr.buffer.write(done.stderr); "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); "
            "sys.exit(done.returncode)"
        )
        command = [sys.executable, "-m", "checker", "batch", str(big), "-o", str(tmp_path / "o")]
        completed = subprocess.run(
            [sys.executable, "-c", measure, *command, "--on", "2026-11-26"],
            cwd=ROOT,
            capture_output=True,
            timeout=300,
            check=False,
        )
        assert completed.returncode == 0
        assert f"{rows} rows".encode() in completed.stderr
        peak_kb = int(completed.stdout)
        assert peak_kb < 100 * 1024  # 24 MB in: under 100 MB resident (before: about 1.1 GB)


class TestAnAnswerThatStopsPartWay:
    def test_a_full_disk_is_exit_4_with_a_sentence_not_a_bug(self, mid_size_list: Path) -> None:
        with open("/dev/full", "wb") as full:
            completed = cli("batch", str(mid_size_list), "--on", "2026-11-26", stdout=full)
        stderr = completed.stderr.decode()
        assert completed.returncode == 4
        assert "No space left on device" in stderr
        assert "incomplete" in stderr
        assert "internal error" not in stderr
        assert "Traceback" not in stderr

    def test_a_full_disk_behind_o_is_exit_4(self, mid_size_list: Path) -> None:
        completed = cli("batch", str(mid_size_list), "-o", "/dev/full", "--on", "2026-11-26")
        assert completed.returncode == 4
        assert "/dev/full is incomplete" in completed.stderr.decode()

    def test_a_reader_that_stops_part_way_is_not_success(self, mid_size_list: Path) -> None:
        command = [sys.executable, "-m", "checker", "batch", str(mid_size_list)]
        with subprocess.Popen(
            command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        ) as process:
            assert process.stdout is not None
            assert process.stderr is not None
            process.stdout.readline()  # `| head -1`
            process.stdout.close()
            stderr = process.stderr.read().decode()
            code = process.wait(timeout=120)
        assert code == 4
        assert "broken pipe" in stderr
        assert "Traceback" not in stderr
        assert "internal error" not in stderr

    def test_a_single_check_to_a_full_disk_is_exit_4(self) -> None:
        with open("/dev/full", "wb") as full:
            completed = cli(
                "check",
                "--permit-issued=2026-11-12",
                "--permit-expires=2028-11-11",
                "--passport-expires=2030-01-01",
                "--on=2026-11-26",
                stdout=full,
            )
        assert completed.returncode == 4
        assert "No space left on device" in completed.stderr.decode()

    def test_the_help_states_the_exit_codes(self) -> None:
        help_text = cli("batch", "--help").stdout.decode()
        assert "4  the answer stopped part-way" in help_text
        assert "2  input the checker cannot use" in help_text
