"""Run the Caddy configuration the HR guide publishes (tools/caddy/Caddyfile) on 127.0.0.1,
serving a built site under its sub-path: Debian's caddy as a child process (not the system
service), with its data and settings in a temporary folder. Only three things of the file
are replaced: the address (plain HTTP on 127.0.0.1 and a free port instead of the site's
name, so no certificate is sought), the folder and the policy; global options put before
it turn off the admin endpoint (each instance would want port 2019) and bind to 127.0.0.1.

Usage: python tools/caddy_site.py [--root site]   (prints the address; Ctrl-C stops)
"""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Iterator
from pathlib import Path

from published_server import (
    CONFIGS,
    filled_config,
    free_port,
    require,
    running,
    serve_from_command_line,
    site_under_sub_path,
)

CADDY = "/usr/bin/caddy"
CONFIG = CONFIGS["caddy"]
ADDRESS_LINE = "intranet.example {\n"
ROOT_LINE = "\troot * /srv/www\n"
# For a test instance only; a stopping Caddy waits at most `grace_period` for open requests.
GLOBAL_OPTIONS = "{\n\tadmin off\n\tdefault_bind 127.0.0.1\n\tgrace_period 1s\n}\n\n"


def site_config(
    *, port: int, www_root: Path, site_dir: Path, frame_ancestors: tuple[str, ...] = ()
) -> str:
    """The published Caddyfile with the address, the folder and the policy filled in."""
    replacements = {
        ADDRESS_LINE: f"http://127.0.0.1:{port} {{\n",
        ROOT_LINE: f"\troot * {www_root}\n",
    }
    return GLOBAL_OPTIONS + filled_config(CONFIG, replacements, site_dir, frame_ancestors)


@contextlib.contextmanager
def caddy_site(site_dir: Path, *, frame_ancestors: tuple[str, ...] = ()) -> Iterator[str]:
    """Caddy serving `site_dir` at the guide's sub-path; yields the site's base URL (ending
    in /)."""
    require(CADDY, packages="caddy")
    with tempfile.TemporaryDirectory(prefix="caddy-site-") as folder:
        prefix = Path(folder)
        www = site_under_sub_path(prefix, site_dir)
        port = free_port()
        config = prefix / "Caddyfile"
        config.write_text(
            site_config(
                port=port, www_root=www, site_dir=site_dir, frame_ancestors=frame_ancestors
            ),
            encoding="utf-8",
        )
        # Caddy keeps certificates and a copy of its settings under these folders.
        env = {
            "HOME": folder,
            "XDG_DATA_HOME": str(prefix / "data"),
            "XDG_CONFIG_HOME": str(prefix / "config"),
        }
        log = prefix / "caddy.log"
        command = [CADDY, "run", "--adapter", "caddyfile", "--config", str(config)]
        with running("caddy", command, port=port, log=log, env=env, output=log) as url:
            yield url


def main() -> None:
    serve_from_command_line("Caddy", __doc__.splitlines()[0], caddy_site)


if __name__ == "__main__":
    main()
