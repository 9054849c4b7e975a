"""Set-up: `tools/find-python` finds a Python 3.12+ by running the candidates, and says what
to install when there is none (pyenv's shims exist but refuse to run unselected versions)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from tests import ROOT
FIND_PYTHON = ROOT / "tools" / "find-python"


def test_it_prints_an_interpreter_that_is_3_12_or_newer() -> None:
    found = subprocess.run([FIND_PYTHON], capture_output=True, text=True, check=True)
    version = subprocess.run(
        [found.stdout.strip(), "-c", "import sys; print(sys.version_info[:2] >= (3, 12))"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert version.stdout.strip() == "True"


def test_with_only_an_old_python_it_says_what_to_install(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("bash", "ls", "sort", "cat"):
        (bin_dir / tool).symlink_to(shutil.which(tool) or f"/bin/{tool}")
    # Like a pyenv shim for an unselected version: it exists, but does not run.
    for name in ("python3", "python3.12", "python3.13"):
        shim = bin_dir / name
        shim.write_text("#!/bin/sh\necho 'pyenv: version not selected' >&2\nexit 127\n")
        shim.chmod(0o755)
    env = {"PATH": str(bin_dir), "PYENV_ROOT": str(tmp_path / "no-pyenv"), "HOME": str(tmp_path)}
    result = subprocess.run(
        [str(bin_dir / "bash"), FIND_PYTHON], capture_output=True, text=True, env=env
    )
    assert result.returncode == 1
    assert result.stdout == ""
    assert "No Python 3.12 or newer was found" in result.stderr
    assert "apt-get install python3.12" in result.stderr
