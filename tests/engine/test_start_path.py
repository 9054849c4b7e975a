"""What the browser's start pays for: importing `checker.web` defines only the dataclasses
that hold a cache (Pyodide compiles each dataclass's methods at import,
1.5-5 ms apiece; see `checker/rules.py`)."""

from __future__ import annotations

import json
import subprocess
import sys

from tests import ROOT

SHOW_START_PATH = """
import json, sys
import checker.web
classes = [
    f"{module.__name__}.{name}"
    for module in list(sys.modules.values())
    if getattr(module, "__name__", "").startswith("checker")
    for name, value in vars(module).items()
    if isinstance(value, type) and value.__module__ == module.__name__
    and hasattr(value, "__dataclass_fields__")
]
print(json.dumps(sorted(classes)))
"""


def _dataclasses_on_the_start_path() -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", SHOW_START_PATH],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    result: list[str] = json.loads(done.stdout)
    return result


def test_the_checkers_start_defines_only_the_dataclasses_that_keep_a_cache() -> None:
    assert _dataclasses_on_the_start_path() == ["checker.rules.Rule", "checker.rules.RuleData"]
