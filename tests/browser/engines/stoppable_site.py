"""The built site on a server the offline smoke case can take away: tools/serve.py in its own
process (stopping it closes every connection too, kept-alive ones included, as a lost signal
does; a server thread stopped inside the test's process would go on answering on those).

The engines' drivers stop it by its process id (`stop`, or the same steps in
firefox_smoke.mjs) once the service worker has kept what it needs."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from tests import ROOT

SERVE = ROOT / "tools" / "serve.py"
WAIT_S = 30


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def answers(url: str) -> bool:
    """Whether anything accepts connections at the URL's port."""
    address = urlsplit(url)
    try:
        with socket.create_connection((address.hostname, address.port), timeout=1):
            return True
    except OSError:
        return False


def until(expected: bool, check: Callable[[], bool], what: str) -> None:
    """Until `check()` is `expected` (looked at every 0.05 s, for WAIT_S at most)."""
    for _ in range(int(WAIT_S / 0.05)):
        if check() is expected:
            return
        time.sleep(0.05)
    raise AssertionError(f"waited {WAIT_S} s for {what}")


@contextmanager
def stoppable_site(site_dir: Path) -> Iterator[tuple[str, int]]:
    """The site at the root of its own server: yields its URL (ending in /) and process id."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    process = subprocess.Popen(
        [sys.executable, str(SERVE), "--root", str(site_dir), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        until(True, lambda: answers(url), f"the server at {url}")
        yield url, process.pid
    finally:
        if process.poll() is None:
            process.terminate()
        process.wait(timeout=WAIT_S)


def stop(pid: int, url: str) -> None:
    """Stop the server (its process id) and wait until its port refuses connections."""
    os.kill(pid, signal.SIGTERM)
    until(False, lambda: answers(url), f"the server at {url} to be gone")
