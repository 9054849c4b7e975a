"""The page and the engine's worker speak one start-up protocol: one error class, one list of
steps, one worker URL (if the <head>'s early start and the form's script built the URL each
their own way, a drift between them would silently start a second worker)."""

from __future__ import annotations

import re
from pathlib import Path

from tests import ROOT
ASSETS = ROOT / "docs" / "assets" / "checker"
SCRIPTS = sorted([*ASSETS.rglob("*.js"), *(ROOT / "hooks").glob("*.js")])
# A static import (the page's engine client, beside it), or a dynamic one (the worker, whose
# downloads start first).
PROTOCOL_IMPORT = re.compile(
    r"^(import \{[^}]*\bStartupFailed\b[^}]*\} from "
    r'|const \{[^}]*\bStartupFailed\b[^}]*\} = await import\()"\./(shared/)?protocol\.js"',
    re.M,
)


def code(path: Path) -> str:
    """A script without its comment lines."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return "\n".join(line for line in lines if not line.lstrip().startswith("//"))


def test_one_error_class_for_a_failed_start_up() -> None:
    defining = [path.name for path in SCRIPTS if "extends Error" in code(path)]
    assert defining == ["protocol.js"]
    for name in ("shared/engine.js", "worker.js"):
        assert PROTOCOL_IMPORT.search(code(ASSETS / name)), name


def test_the_worker_url_is_written_by_the_build_alone() -> None:
    naming = [path.name for path in SCRIPTS if "worker.js" in code(path)]
    assert naming == []
    hooks = [
        path.name
        for path in (ROOT / "hooks").glob("*.py")
        if "worker.js" in path.read_text("utf-8")
    ]
    assert hooks == ["_page.py"]
