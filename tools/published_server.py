"""What running a server configuration the HR guide publishes (tools/nginx/, tools/caddy/) on
127.0.0.1 takes, whatever the server: the configuration with only a few lines replaced and
the built site's policy written in, the site folder under its sub-path, a free port, and the
server as a child process, stopped after use."""

from __future__ import annotations

import argparse
import contextlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))
from csp import header_policy
from hr_hosting import CONFIG_POLICY_MARK as POLICY_MARK
from hr_hosting import CONFIGS, FRAME_ANCESTORS_SETTING, frame_ancestors_setting

__all__ = [
    "CONFIGS",
    "SITE_PATH",
    "filled_config",
    "free_port",
    "require",
    "running",
    "serve_from_command_line",
    "site_under_sub_path",
]

SITE_PATH = "/intranet/citizen-card/"
# Seconds a server may take to listen on its port.
START_TIMEOUT = 10


def require(*paths: str, packages: str) -> None:
    """Fail with a sentence naming what to install when a server's file is missing."""
    for needed in paths:
        if not os.path.exists(needed):
            raise RuntimeError(
                f"{needed} is missing: install Debian's {packages} (`make test` does)."
            )


def filled_config(
    config: Path, replacements: Mapping[str, str], site_dir: Path, frame_ancestors: tuple[str, ...]
) -> str:
    """`config` with each key (a line it must hold once) replaced, its frame-ancestors
    setting holding `frame_ancestors` after 'self', and the site's policy in place of
    POLICY_MARK."""
    server = next(name for name, path in CONFIGS.items() if path == config)
    setting = FRAME_ANCESTORS_SETTING[server]
    replacements = {**replacements, setting: frame_ancestors_setting(server, frame_ancestors)}
    text = config.read_text(encoding="utf-8")
    for line in replacements:
        if text.count(line) != 1:
            raise ValueError(f"{config} should have the line {line.strip()!r} once.")
    # The policy without `frame-ancestors`: the file's own setting line gives that.
    policy = header_policy(site_dir, header_only=False)
    if POLICY_MARK not in text or '"' in policy:
        raise ValueError(f"{config} needs {POLICY_MARK}, and a policy without double quotes.")
    for line, replacement in replacements.items():
        text = text.replace(line, replacement)
    return text.replace(POLICY_MARK, policy)


def site_under_sub_path(folder: Path, site_dir: Path) -> Path:
    """A web root in `folder` holding `site_dir` at SITE_PATH (a link, not a copy)."""
    www = folder / "www"
    mounted = www / SITE_PATH.strip("/")
    mounted.parent.mkdir(parents=True)
    mounted.symlink_to(site_dir.resolve())
    return www


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_until_listening(
    name: str, process: subprocess.Popen[bytes], port: int, log: Path
) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{name} exited with {process.returncode}:\n{log.read_text()}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return
        time.sleep(0.05)
    raise RuntimeError(
        f"{name} did not listen on {port} within {START_TIMEOUT} s:\n{log.read_text()}"
    )


@contextlib.contextmanager
def running(
    name: str,
    command: list[str],
    *,
    port: int,
    log: Path,
    env: Mapping[str, str] | None = None,
    output: Path | None = None,
) -> Iterator[str]:
    """`command` started and listening on `port`; yields the site's base URL (ending in /).
    The server's own output goes to `output` if given; `log` is shown if it fails to start."""
    with contextlib.ExitStack() as stack:
        stdout = stack.enter_context(output.open("wb")) if output else None
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=stdout,
            stderr=subprocess.STDOUT if stdout else None,
            env=None if env is None else {**os.environ, **env},
        )
        try:
            _wait_until_listening(name, process, port, log)
            yield f"http://127.0.0.1:{port}{SITE_PATH}"
        finally:
            process.terminate()
            process.wait(timeout=10)


def serve_from_command_line(
    name: str, description: str, site: Callable[[Path], contextlib.AbstractContextManager[str]]
) -> None:
    """A runner's command line: `site(--root)` served until Ctrl-C, its address printed."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--root", type=Path, default=Path("site"))
    args = parser.parse_args()
    with site(args.root) as url, contextlib.suppress(KeyboardInterrupt):
        print(f"{name} serves {args.root}/ at {url}  (Ctrl-C stops)")
        while True:
            time.sleep(3600)
