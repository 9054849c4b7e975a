"""The command line, run as people and HR scripts run it: `python -m checker ...`.

Exit codes: check 0 eligible / 1 not eligible; 2 for input it cannot use; never a traceback.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from checker import check, parse_date
from tests.engine.helpers import ROOT, case_category, worked_cases

PERSON = ["--permit-issued", "2026-11-12", "--permit-expires", "2028-11-11"]
PERSON += ["--passport-expires", "2030-01-01"]


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    completed = subprocess.run(
        [sys.executable, "-m", "checker", *args],
        cwd=ROOT,
        input=stdin.decode("utf-8") if stdin is not None else None,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    assert "Traceback" not in completed.stderr
    return completed


class TestCheckExitCodes:
    def test_eligible_exits_0(self) -> None:
        assert run("check", *PERSON, "--on", "2026-11-26").returncode == 0

    @pytest.mark.parametrize("on", ["2026-11-25", "2028-08-13"], ids=["not_yet", "too_late"])
    def test_not_eligible_exits_1(self, on: str) -> None:
        assert run("check", *PERSON, "--on", on).returncode == 1

    def test_no_window_exits_1(self) -> None:
        short = ["--permit-issued", "2026-11-12", "--permit-expires", "2027-02-15"]
        completed = run("check", *short, "--passport-expires", "2030-01-01", "--on", "2026-11-20")
        assert completed.returncode == 1
        assert "no day you can apply" in completed.stdout


@pytest.mark.parametrize(
    ("args", "field", "says"),
    [
        (
            ["--permit-expires", "2028-11-11", "--passport-expires", "2030-01-01"],
            "permit_issued",
            "missing",
        ),
        (
            [*PERSON[:2], "--permit-expires", "11/11/2028", *PERSON[4:]],
            "permit_expires",
            "2026/11/26",
        ),
        ([*PERSON[:4], "--passport-expires", "2030-02-30"], "passport_expires", "not a real date"),
        ([*PERSON, "--on", "2230-01-01"], "on", "1900"),
        ([*PERSON[:2], "--permit-expires", "2026-11-01", *PERSON[4:]], "permit_expires", "before"),
        ([*PERSON, "--category", "D"], "category", "A, B, C, unknown"),
        ([*PERSON, "--lang", "fr"], "lang", "en, zh"),
    ],
    ids=["missing", "ambiguous", "impossible", "year", "expiry_before_issue", "category", "lang"],
)
class TestInvalidInputExits2:
    def test_with_json_prints_the_field_and_a_sentence(
        self, args: list[str], field: str, says: str
    ) -> None:
        completed = run("check", *args, "--json")
        assert completed.returncode == 2
        answer = json.loads(completed.stdout)
        assert list(answer) == ["error"]
        assert answer["error"]["field"] == field
        assert says in answer["error"]["message"]

    def test_without_json_says_it_on_stderr(self, args: list[str], field: str, says: str) -> None:
        completed = run("check", *args)
        assert completed.returncode == 2
        assert completed.stdout == ""
        assert says in completed.stderr


def test_the_first_error_in_field_order_is_reported() -> None:
    completed = run("check", "--permit-issued", "x", "--passport-expires", "y", "--json")
    assert json.loads(completed.stdout)["error"]["field"] == "permit_issued"


def test_an_unknown_flag_exits_2_with_json_when_asked() -> None:
    completed = run("check", *PERSON, "--colour", "--json")
    assert completed.returncode == 2
    assert json.loads(completed.stdout)["error"]["field"] == "arguments"


def test_no_command_exits_2_with_help() -> None:
    completed = run()
    assert completed.returncode == 2
    assert "check" in completed.stderr
    assert "batch" in completed.stderr


CASES = worked_cases()


@pytest.mark.parametrize("case", CASES[::4], ids=[case["id"] for case in CASES[::4]])
def test_json_is_exactly_the_result_object(case: dict[str, Any]) -> None:
    dates = {key: case[key] for key in ("permit_issued", "permit_expires", "passport_expires")}
    flags = [f"--{key.replace('_', '-')}={value.isoformat()}" for key, value in dates.items()]
    completed = run(
        "check", *flags, f"--on={case['on']}", f"--category={case_category(case)}", "--json"
    )
    expected = check(**dates, on=case["on"], category=case_category(case)).to_dict()
    assert json.loads(completed.stdout) == expected
    assert completed.returncode == (0 if case["status"] == "eligible" else 1)


def test_the_readable_summary_in_chinese() -> None:
    completed = run("check", *PERSON, "--on", "2026-11-26", "--lang", "zh", "--category", "B")
    assert completed.returncode == 0
    assert "按您的日期，最晚可在2028年8月12日（星期六）申请" in completed.stdout
    assert "服务网点确认持B类工作许可证能否申请" in completed.stdout


@pytest.mark.parametrize(("lang", "none"), [("en", "Window: none"), ("zh", "可申请期间：无")])
def test_a_permit_too_short_to_ever_apply_is_told_so_not_given_a_day_before_it_was_issued(
    lang: str, none: str
) -> None:
    """Issued 23 November 2026, expiring 21 February 2027: the last day with more than 90
    days left would be 22 November, a day before the permit existed."""
    completed = run(
        "check", "--permit-issued", "2026-11-23", "--permit-expires", "2027-02-21",
        "--passport-expires", "2030-01-01", "--on", "2026-12-03", "--category", "A",
        "--lang", lang,
    )  # fmt: skip
    assert completed.returncode == 1
    assert none in completed.stdout, "no window from 7 December back to 22 November"
    assert "22 November 2026" not in completed.stdout
    assert "2026年11月22日" not in completed.stdout
    assert ("never has more than 90 days" if lang == "en" else "从未超过90天") in completed.stdout
    if lang == "zh":
        assert "permit_valid_over_90_days：" in completed.stdout, "a Chinese colon"


def test_any_accepted_spelling_works_on_the_command_line() -> None:
    completed = run(
        "check",
        "--permit-issued=2026年11月12日",
        "--permit-expires=2028/11/11",
        "--passport-expires=2030.1.1",
        "--on=2026-11-26",
        "--json",
    )
    assert json.loads(completed.stdout)["status"] == "eligible"


class TestBatch:
    CSV = (
        "name,permit_issued,permit_expires,passport_expires,category\r\n"
        "Ana,2026-11-12,2028-11-11,2030-01-01,A\r\n"
        "Bo,3/4/2026,2028-11-11,2030-01-01,B\r\n"
    )

    def write(self, tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
        path = tmp_path / "staff.csv"
        path.write_bytes(text.encode(encoding))
        return path

    def test_csv_to_stdout_exits_0_with_counts_on_stderr(self, tmp_path: Path) -> None:
        completed = run("batch", str(self.write(tmp_path, self.CSV)), "--on", "2026-11-26")
        assert completed.returncode == 0
        lines = completed.stdout.splitlines()
        assert lines[0].split(",") == [
            *("name", "permit_issued", "permit_expires", "passport_expires", "category"),
            *("status", "earliest", "latest", "reason"),
            *("days_left", "confirm", "earliest_working_day", "latest_working_day"),
        ]
        assert len(lines) == 3
        assert "1 eligible" in completed.stderr
        assert "1 invalid" in completed.stderr

    def test_json_format_to_a_file(self, tmp_path: Path) -> None:
        out = tmp_path / "answers.json"
        path = self.write(tmp_path, self.CSV, "gb18030")
        completed = run("batch", str(path), "--on=2026-11-26", "--format=json", "-o", str(out))
        assert completed.returncode == 0
        assert completed.stdout == ""
        answer = json.loads(out.read_text("utf-8"))
        assert answer["counts"]["eligible"] == 1
        assert [row[0] for row in answer["rows"]] == ["Ana", "Bo"]

    def test_csv_output_file_opens_in_excel_with_chinese(self, tmp_path: Path) -> None:
        out = tmp_path / "answers.csv"
        run("batch", str(self.write(tmp_path, self.CSV)), "--lang=zh", "-o", str(out))
        assert out.read_bytes().startswith(b"\xef\xbb\xbf")
        assert "工作许可证签发日期" in out.read_text("utf-8-sig")

    def test_reads_stdin_when_the_file_is_a_dash(self) -> None:
        completed = run("batch", "-", "--on", "2026-11-26", stdin=self.CSV.encode("utf-8"))
        assert completed.returncode == 0
        assert len(completed.stdout.splitlines()) == 3

    def test_a_missing_file_exits_2_naming_it(self, tmp_path: Path) -> None:
        completed = run("batch", str(tmp_path / "nowhere.csv"))
        assert completed.returncode == 2
        assert "nowhere.csv" in completed.stderr

    def test_missing_columns_exit_2_naming_them(self, tmp_path: Path) -> None:
        path = self.write(tmp_path, "name,permit_issued\r\nAna,2026-11-12\r\n")
        completed = run("batch", str(path), "--format", "json")
        assert completed.returncode == 2
        error = json.loads(completed.stdout)["error"]
        assert error["field"] == "file"
        assert "permit_expires, passport_expires" in error["message"]

    def test_a_bad_application_date_exits_2(self, tmp_path: Path) -> None:
        completed = run("batch", str(self.write(tmp_path, self.CSV)), "--on", "1/2/2026")
        assert completed.returncode == 2
        assert "Application date" in completed.stderr


class TestIdentityChange:
    def test_the_day_to_go_is_about_two_weeks_later(self) -> None:
        completed = run("change", "--bureau-updated", "2026-11-01", "--json")
        assert completed.returncode == 0
        answer = json.loads(completed.stdout)
        assert answer["go_from"] == "2026-11-15"
        assert answer["approximate"] is True
        assert [step["id"] for step in answer["steps"]] == ["bureau", "wait", "collect", "old_card"]

    def test_readable_in_chinese(self) -> None:
        completed = run("change", "--bureau-updated", "2026年11月1日", "--lang", "zh")
        assert completed.returncode == 0
        assert "约2026年11月15日" in completed.stdout

    def test_a_missing_date_exits_2(self) -> None:
        completed = run("change", "--json")
        assert completed.returncode == 2
        assert json.loads(completed.stdout)["error"]["field"] == "bureau_updated"


def test_a_bug_inside_the_checker_is_one_line_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from checker import cli

    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("checker.engine.answer", broken)
    code = cli.main(["check", *PERSON, "--on", "2026-11-26"])
    captured = capsys.readouterr()
    assert code == 3
    assert captured.err == "checker: internal error (RuntimeError: boom); please report it.\n"
    assert parse_date("2026-11-26").year == 2026  # the package still works afterwards
