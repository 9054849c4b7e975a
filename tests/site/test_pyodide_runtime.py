"""The same worked cases give identical JSON inside real Pyodide (the pinned npm package,
under Node) as in CPython, in both runtimes:

- ``stock``: Pyodide as shipped, the checker's source files written into it;
- ``site``: the runtime the built site serves (fast start): the trimmed, compiled standard
  library and the py-compiled wheel. This also guards the trimming: an engine import outside
  the trimmed library fails here.

Each runtime starts once per session (a few seconds)."""

from __future__ import annotations

import json
import shutil
import subprocess
import tomllib
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from tests.engine.helpers import ROOT, case_category, case_dates, worked_cases

from checker import check, package_files, working_days
from checker.web import batch_json, check_json, window_ics

pytestmark = pytest.mark.pyodide

CASES = worked_cases()
PINNED = json.loads((ROOT / "package.json").read_text("utf-8"))["dependencies"]["pyodide"]


STAFF_LIST = (
    "工号,姓名,permit_issued,permit_expires,passport_expires,category\n"
    "001,王芳,2026-11-12,2028-11-11,2030-01-01,A\n"
    "002,李雷,2026/13/01,2028-11-11,2030-01-01,B\n"
).encode("gb18030")


@pytest.fixture(scope="session", params=["stock", "site"])
def pyodide_answers(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Any]:
    """What tools/pyodide_run.mjs prints: every case's answers computed inside Pyodide."""
    cases = tmp_path_factory.mktemp("cases") / "worked_cases.json"
    toml_text = (ROOT / "checker" / "cases" / "worked_cases.toml").read_text("utf-8")
    cases.write_text(package_files.json_form(toml_text), "utf-8")
    runtime_args: list[str] = []
    if request.param == "site":
        site_dir = request.getfixturevalue("site_dir")
        runtime_args = ["--runtime", str(site_dir / "assets" / "pyodide" / PINNED)]
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is needed to run Pyodide (make test installs the npm packages)")
    installed = json.loads((ROOT / "node_modules" / "pyodide" / "package.json").read_text())
    assert installed["version"] == PINNED, "node_modules/pyodide is not the pinned version"
    completed = subprocess.run(
        [node, str(ROOT / "tools" / "pyodide_run.mjs"), *runtime_args, str(cases)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    answers: dict[str, Any] = json.loads(completed.stdout)
    return answers


def test_pyodide_runs_python_3_14(pyodide_answers: dict[str, Any]) -> None:
    assert pyodide_answers["python"].startswith("3.14.")


def test_pyodide_answered_every_case(pyodide_answers: dict[str, Any]) -> None:
    assert list(pyodide_answers["cases"]) == [case["id"] for case in CASES]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_pyodide_gives_identical_json(
    pyodide_answers: dict[str, Any], case: dict[str, Any], lang: str
) -> None:
    cpython = check(**case_dates(case), category=case_category(case), lang=lang).to_dict()
    assert pyodide_answers["cases"][case["id"]][lang] == cpython


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_pyodide_web_reply_is_identical(
    pyodide_answers: dict[str, Any], case: dict[str, Any]
) -> None:
    request = {key: value.isoformat() for key, value in case_dates(case).items()}
    request |= {"category": case_category(case), "lang": "en"}
    assert pyodide_answers["cases"][case["id"]]["web_en"] == json.loads(
        check_json(json.dumps(request))
    )


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_pyodide_checks_a_gb18030_staff_list_like_cpython(
    pyodide_answers: dict[str, Any], lang: str
) -> None:
    assert pyodide_answers["staff_list"][lang] == json.loads(
        batch_json(STAFF_LIST, "2026-11-26", lang)
    )


WESTERN = (
    "name,permit_issued,permit_expires,passport_expires\n"
    "Renée Müller,2026-11-12,2028-11-11,2030-01-01\n"
)


@pytest.mark.parametrize(
    ("key", "data"),
    [
        ("western", WESTERN.encode("cp1252")),
        ("pinyin", WESTERN.replace("Renée", "Lü").encode("gbk")),
    ],
)
def test_pyodide_reads_western_and_pinyin_staff_lists_like_cpython(
    pyodide_answers: dict[str, Any], key: str, data: bytes
) -> None:
    expected = json.loads(batch_json(data, "2026-11-26", "en"))
    assert expected["ok"] is True
    assert pyodide_answers["staff_list"][key] == expected


def _without_stamp(calendar: str) -> list[str]:
    return [line for line in calendar.split("\r\n") if not line.startswith("DTSTAMP:")]


@pytest.mark.parametrize("case", CASES, ids=[case["id"] for case in CASES])
def test_pyodide_writes_the_same_calendar(
    pyodide_answers: dict[str, Any], case: dict[str, Any]
) -> None:
    request = {key: value.isoformat() for key, value in case_dates(case).items()}
    request |= {"category": case_category(case), "lang": "zh"}
    expected = window_ics(json.dumps(request))
    assert _without_stamp(pyodide_answers["calendars"][case["id"]]) == _without_stamp(expected)


def test_pyodide_reads_the_working_day_calendar_like_cpython(
    pyodide_answers: dict[str, Any],
) -> None:
    expected = {
        day.isoformat(): [
            working_days.is_working_day(day),
            working_days.is_covered(day),
            working_days.last_working_day_on_or_before(day).isoformat(),
        ]
        for day in (date(2026, 10, 10), date(2026, 10, 5), date(2026, 12, 6), date(2030, 1, 1))
    }
    assert expected["2026-10-10"] == [True, True, "2026-10-10"]
    assert pyodide_answers["working_days"] == expected


def test_the_browsers_wheel_carries_the_data_as_json_that_reads_as_the_toml(
    site_dir: Path,
) -> None:
    (wheel,) = (site_dir / "assets" / "pyodide" / PINNED).glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        data = {name: archive.read(name) for name in archive.namelist()}
    assert not [name for name in data if name.endswith(".toml")]
    for stem in ("messages", "rules", "working_days"):
        shipped = package_files.read_json_form(data[f"checker/{stem}.json"].decode("utf-8"))
        assert shipped == tomllib.loads(package_files.read_text(f"{stem}.toml")), stem
