"""The engine's data files: written as TOML, shipped to the browser as JSON, read the same.

The wheel the browser installs carries each data file's JSON form (Pyodide reads JSON about
twenty times faster than it parses TOML); these tests say that form is faithful and that the
engine reads it wherever the build wrote it."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

import pytest

from checker import package_files
from checker.package_files import DataFormError, json_form, read_data

DATA_FILES = ["messages", "rules", "working_days"]


@pytest.mark.parametrize("stem", DATA_FILES)
def test_each_data_files_json_form_reads_back_to_what_its_toml_says(stem: str) -> None:
    toml_text = package_files.read_text(f"{stem}.toml")
    expected = tomllib.loads(toml_text)
    assert package_files.read_json_form(json_form(toml_text)) == expected


def test_a_date_in_toml_is_a_date_again_after_json() -> None:
    text = json_form('last_verified = 2026-11-26\n[notice]\ndays = [2026-10-01, "x"]\n')
    assert package_files.read_json_form(text) == {
        "last_verified": date(2026, 11, 26),
        "notice": {"days": [date(2026, 10, 1), "x"]},
    }


@pytest.mark.parametrize(
    "toml_text",
    [
        "when = 2026-11-26T09:30:00\n",  # a date-time: no JSON form is written for it
        "when = 09:30:00\n",  # a time of day
        '[odd]\n"$date" = "2026-11-26"\n',  # a table that would read back as a date
    ],
)
def test_a_value_the_json_form_cannot_carry_stops_the_build(toml_text: str) -> None:
    with pytest.raises(DataFormError):
        json_form(toml_text)


def test_the_engine_reads_the_json_form_where_the_build_wrote_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "rules.json").write_text(json_form("first_day = 2018-08-23\n"), "utf-8")
    monkeypatch.setattr(package_files, "_FOLDER", str(tmp_path))
    assert read_data("rules") == {"first_day": date(2018, 8, 23)}


def test_the_engine_reads_the_toml_where_there_is_no_json_form(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "rules.toml").write_text("first_day = 2018-08-23\n", "utf-8")
    monkeypatch.setattr(package_files, "_FOLDER", str(tmp_path))
    assert read_data("rules") == {"first_day": date(2018, 8, 23)}


def test_the_source_tree_holds_no_json_form_to_go_stale() -> None:
    folder = Path(package_files.__file__).parent
    assert not sorted(folder.glob("*.json")), "JSON forms are written into the wheel, not here"
