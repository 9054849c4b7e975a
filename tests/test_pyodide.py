"""The same worked cases give identical JSON inside real Pyodide (the pinned npm package,
under Node) as in CPython. Pyodide starts once per session (a few seconds)."""

from __future__ import annotations

import json
import shutil
import subprocess
from typing import Any

import pytest
from engine_helpers import ROOT, case_category, case_dates, worked_cases

from checker import check
from checker.web import check_json

pytestmark = pytest.mark.pyodide

CASES = worked_cases()
PINNED = json.loads((ROOT / "package.json").read_text("utf-8"))["dependencies"]["pyodide"]


@pytest.fixture(scope="session")
def pyodide_answers() -> dict[str, Any]:
    """What tools/pyodide_run.mjs prints: every case's answers computed inside Pyodide."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is needed to run Pyodide (make test installs the npm packages)")
    installed = json.loads((ROOT / "node_modules" / "pyodide" / "package.json").read_text())
    assert installed["version"] == PINNED, "node_modules/pyodide is not the pinned version"
    completed = subprocess.run(
        [node, str(ROOT / "tools" / "pyodide_run.mjs")],
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
