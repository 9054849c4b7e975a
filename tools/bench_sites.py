"""The site as another commit builds it, for `bench_web.py --compare REV`.

The last good build to compare with is named by its commit (the Makefile's BENCH_COMPARE),
not by whatever folder happens to hold an older build. Built once per commit into
build/bench-sites/<sha>/site from a detached worktree, with this checkout's virtual
environment and npm packages (the commit's own `checker/` comes first on the path).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SITES = ROOT / "build" / "bench-sites"


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout.strip()


def built_site(rev: str) -> Path:
    """The built site of commit `rev` (built now if it has not been yet)."""
    sha = _git("rev-parse", "--verify", f"{rev}^{{commit}}")
    site = SITES / sha / "site"
    if (site / "index.html").is_file():
        return site
    source = SITES / sha / "src"
    if source.exists():
        _git("worktree", "remove", "--force", str(source))
    _git("worktree", "add", "--detach", str(source), sha)
    try:
        (source / "node_modules").symlink_to(ROOT / "node_modules")
        env = {**os.environ, "PYTHONPATH": str(source), "NO_MKDOCS_2_WARNING": "1"}
        print(f"bench_web: building {rev} ({sha[:10]}) to compare with")
        subprocess.run(
            [str(ROOT / ".venv" / "bin" / "mkdocs"), "build", "--strict", "--site-dir", str(site)],
            cwd=source,
            env=env,
            check=True,
        )
    except BaseException:
        shutil.rmtree(site, ignore_errors=True)
        raise
    finally:
        _git("worktree", "remove", "--force", str(source))
    return site
