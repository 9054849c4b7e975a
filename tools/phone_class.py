"""A phone-class browser for the benchmarks: Chromium held to a share of one CPU core.

Chromium is started through a small wrapper that first moves itself into a cgroup (v1,
/sys/fs/cgroup/cpu/) whose CFS quota is that share, then execs Chromium: every process it
starts (renderers, the GPU process, workers' threads) inherits the group, so the whole
browser together gets `share` of a core. Where that cgroup hierarchy is missing or not
writable, `held_chromium` yields None and the caller says so (no figure is made up).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CPU_CGROUP = Path("/sys/fs/cgroup/cpu")
PERIOD_US = 100_000


@contextmanager
def held_chromium(chromium: str, share: float) -> Iterator[str | None]:
    """The path of an executable that runs `chromium` held to `share` of one core, or None
    where no cgroup can hold it."""
    group = CPU_CGROUP / f"bench_web_phone_{os.getpid()}"
    try:
        group.mkdir()
        (group / "cpu.cfs_period_us").write_text(str(PERIOD_US))
        (group / "cpu.cfs_quota_us").write_text(str(int(PERIOD_US * share)))
    except OSError:
        with contextlib.suppress(OSError):
            group.rmdir()
        yield None
        return
    try:
        with tempfile.TemporaryDirectory() as folder:
            wrapper = Path(folder) / "chromium-held"
            wrapper.write_text(
                f'#!/bin/sh\necho $$ > "{group}/cgroup.procs"\nexec "{chromium}" "$@"\n'
            )
            wrapper.chmod(0o755)
            yield str(wrapper)
    finally:
        # The browser has closed; its last processes may take a moment to leave the group.
        for _ in range(50):
            try:
                group.rmdir()
                break
            except OSError:
                time.sleep(0.1)
