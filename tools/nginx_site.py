"""Run the nginx configuration the HR guide publishes (tools/nginx/citizen-card.conf) on
127.0.0.1, serving a built site under its sub-path: Debian's nginx with the brotli-static
module, as a child process (not a daemon, not the system service) with its own temporary
prefix. Only three things of the file are replaced: the port, the folder and the policy.

Usage: python tools/nginx_site.py [--root site]   (prints the address; Ctrl-C stops)
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))
from csp import header_policy

NGINX = "/usr/sbin/nginx"
BROTLI_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so"
MIME_TYPES = Path("/etc/nginx/mime.types")
CONFIG = Path(__file__).resolve().parent / "nginx" / "citizen-card.conf"
SITE_PATH = "/intranet/citizen-card/"
POLICY_MARK = "@CONTENT_SECURITY_POLICY@"
LISTEN = "    listen 80;\n"
ROOT_LINE = "    root /srv/www;\n"

MAIN_CONFIG = """\
daemon off;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
load_module {module};
events {{ worker_connections 256; }}
http {{
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    include {prefix}/site.conf;
}}
"""


def site_config(*, port: int, www_root: Path, policy: str) -> str:
    """The published configuration with the port, the folder and the policy filled in."""
    text = CONFIG.read_text(encoding="utf-8")
    for line in (LISTEN, ROOT_LINE):
        if text.count(line) != 1:
            raise ValueError(f"{CONFIG} should have the line {line.strip()!r} once.")
    if POLICY_MARK not in text or '"' in policy:
        raise ValueError(f"{CONFIG} needs {POLICY_MARK}, and a policy without double quotes.")
    text = text.replace(LISTEN, f"    listen 127.0.0.1:{port};\n")
    text = text.replace(ROOT_LINE, f"    root {www_root};\n")
    return text.replace(POLICY_MARK, policy)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_until_listening(process: subprocess.Popen[bytes], port: int, log: Path) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"nginx exited with {process.returncode}:\n{log.read_text()}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.2):
            return
        time.sleep(0.05)
    raise RuntimeError(f"nginx did not listen on {port} within 10 s:\n{log.read_text()}")


@contextlib.contextmanager
def nginx_site(site_dir: Path, *, frame_ancestors: tuple[str, ...] = ()) -> Iterator[str]:
    """nginx serving `site_dir` at SITE_PATH; yields the site's base URL (ending in /)."""
    for needed in (NGINX, BROTLI_MODULE, str(MIME_TYPES)):
        if not os.path.exists(needed):
            raise RuntimeError(
                f"{needed} is missing: install Debian's nginx and "
                "libnginx-mod-http-brotli-static (`make test` does)."
            )
    policy = header_policy(site_dir, frame_ancestors=frame_ancestors)
    with tempfile.TemporaryDirectory(prefix="nginx-site-") as folder:
        prefix = Path(folder)
        prefix.chmod(0o755)  # nginx's workers run as another user
        www = prefix / "www"
        (www / SITE_PATH.strip("/")).parent.mkdir(parents=True)
        (www / SITE_PATH.strip("/")).symlink_to(site_dir.resolve())
        shutil.copy(MIME_TYPES, prefix / "mime.types")
        port = _free_port()
        (prefix / "site.conf").write_text(
            site_config(port=port, www_root=www, policy=policy), encoding="utf-8"
        )
        main = prefix / "nginx.conf"
        main.write_text(MAIN_CONFIG.format(prefix=prefix, module=BROTLI_MODULE), "utf-8")
        log = prefix / "error.log"
        command = [NGINX, "-p", f"{prefix}/", "-c", str(main), "-e", str(log)]
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL)
        try:
            _wait_until_listening(process, port, log)
            yield f"http://127.0.0.1:{port}{SITE_PATH}"
        finally:
            process.terminate()
            process.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path("site"))
    args = parser.parse_args()
    with nginx_site(args.root) as url, contextlib.suppress(KeyboardInterrupt):
        print(f"nginx serves {args.root}/ at {url}  (Ctrl-C stops)")
        while True:
            time.sleep(3600)


if __name__ == "__main__":
    main()
