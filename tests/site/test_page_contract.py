"""One contract between the engine and the page, Python its source of truth: the page's
scripts import what they know of the engine (entry points, form fields, the default
category, start-up steps, statuses, columns) from shared/contract.js, which
tools/gen_page_contract.py writes from checker.web.page_contract()."""

from __future__ import annotations

import re

from gen_page_contract import CONTRACT_JS, contract_js

from checker import web
from checker.batch import ADDED_COLUMNS, STATUSES
from tests import ROOT

ASSETS = ROOT / "docs" / "assets" / "checker"


def test_the_pages_contract_is_the_one_python_writes() -> None:
    assert CONTRACT_JS.read_text(encoding="utf-8") == contract_js(), (
        "run .venv/bin/python tools/gen_page_contract.py"
    )


def test_every_entry_point_the_page_may_call_is_one_of_the_engines() -> None:
    contract = web.page_contract()
    assert contract["entryPoints"] == sorted(web.__all__)
    for name in web.__all__:
        assert callable(getattr(web, name))
    assert contract["statuses"] == list(STATUSES)
    assert contract["addedColumns"] == list(ADDED_COLUMNS)


def test_the_page_names_no_entry_point_step_or_default_category_of_its_own() -> None:
    """The scripts call the engine by the names the contract lists, and restate none of the
    lists it holds."""
    steps = set(web.STARTUP_STEPS.values())
    entry_points = set(web.__all__)
    for path in ASSETS.rglob("*.js"):
        if path.name == "contract.js":
            continue
        text = path.read_text(encoding="utf-8")
        code = "\n".join(
            line for line in text.splitlines() if not line.lstrip().startswith(("//", "*", "/*"))
        )
        for called in re.findall(r'engine\.call\("(\w+)"', code):
            assert called in entry_points, (path.name, called)
        assert '"unknown"' not in code, f"{path.name} restates the default category"
        for step in steps - {"download"}:
            assert f'"{step}"' not in code, (path.name, step)
