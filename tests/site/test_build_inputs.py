"""What the build may read and import: the hooks import no tool and no test (they import
each other by bare name, as MkDocs loads them, which the import contract cannot see), the
tools import no test, and the runtime's build scripts live beside the hook that runs them."""

from __future__ import annotations

import ast
from pathlib import Path

from tests import ROOT

HOOKS = ROOT / "hooks"
TOOLS = ROOT / "tools"


def imported_names(path: Path) -> set[str]:
    """The top-level module names `path` imports."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def modules_in(folder: Path) -> set[str]:
    return {path.stem for path in folder.glob("*.py") if path.stem != "__init__"}


def test_no_hook_imports_a_tool_or_a_test() -> None:
    tools = modules_in(TOOLS) - modules_in(HOOKS)
    for hook in sorted(HOOKS.rglob("*.py")):
        wrong = imported_names(hook) & {*tools, "tools", "tests"}
        assert not wrong, f"{hook.relative_to(ROOT)} imports {sorted(wrong)}"


def test_no_tool_imports_a_test() -> None:
    for tool in sorted(TOOLS.rglob("*.py")):
        assert "tests" not in imported_names(tool), f"{tool.relative_to(ROOT)} imports tests"


def test_the_build_reads_nothing_under_tests() -> None:
    for hook in sorted(HOOKS.rglob("*.py")):
        text = hook.read_text("utf-8")
        assert '"tests"' not in text, f"{hook.relative_to(ROOT)} names the tests' folder"


def test_the_runtimes_build_scripts_are_beside_the_hook_that_runs_them() -> None:
    from checker_runtime import FAST_RUNTIME_EXERCISE, FAST_RUNTIME_TOOL

    for script in (FAST_RUNTIME_TOOL, FAST_RUNTIME_EXERCISE):
        assert script.is_file(), script
        assert script.parent == HOOKS / "runtime", script


def test_hooks_and_tools_are_packages_the_import_contract_can_see() -> None:
    assert (HOOKS / "__init__.py").is_file()
    assert (TOOLS / "__init__.py").is_file()
