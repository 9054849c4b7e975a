"""Run the nginx configuration the HR guide publishes (tools/nginx/citizen-card.conf) on
127.0.0.1, serving a built site under its sub-path: Debian's nginx with the brotli-static
module, as a child process (not a daemon, not the system service) with its own temporary
prefix. Only three things of the file are replaced: the port, the folder and the policy.

Usage: python tools/nginx_site.py [--root site]   (prints the address; Ctrl-C stops)
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from published_server import (
    CONFIGS,
    SITE_PATH,
    filled_config,
    free_port,
    require,
    running,
    serve_from_command_line,
    site_under_sub_path,
)

__all__ = ["SITE_PATH", "nginx_site", "site_config"]

NGINX = "/usr/sbin/nginx"
BROTLI_MODULE = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so"
MIME_TYPES = Path("/etc/nginx/mime.types")
CONFIG = CONFIGS["nginx"]
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


def site_config(
    *, port: int, www_root: Path, site_dir: Path, frame_ancestors: tuple[str, ...] = ()
) -> str:
    """The published configuration with the port, the folder and the policy filled in."""
    replacements = {LISTEN: f"    listen 127.0.0.1:{port};\n", ROOT_LINE: f"    root {www_root};\n"}
    return filled_config(CONFIG, replacements, site_dir, frame_ancestors)


@contextlib.contextmanager
def nginx_site(site_dir: Path, *, frame_ancestors: tuple[str, ...] = ()) -> Iterator[str]:
    """nginx serving `site_dir` at SITE_PATH; yields the site's base URL (ending in /)."""
    require(
        NGINX, BROTLI_MODULE, str(MIME_TYPES), packages="nginx and libnginx-mod-http-brotli-static"
    )
    with tempfile.TemporaryDirectory(prefix="nginx-site-") as folder:
        prefix = Path(folder)
        prefix.chmod(0o755)  # nginx's workers run as another user
        www = site_under_sub_path(prefix, site_dir)
        shutil.copy(MIME_TYPES, prefix / "mime.types")
        port = free_port()
        config = site_config(
            port=port, www_root=www, site_dir=site_dir, frame_ancestors=frame_ancestors
        )
        (prefix / "site.conf").write_text(config, encoding="utf-8")
        main = prefix / "nginx.conf"
        main.write_text(MAIN_CONFIG.format(prefix=prefix, module=BROTLI_MODULE), "utf-8")
        log = prefix / "error.log"
        command = [NGINX, "-p", f"{prefix}/", "-c", str(main), "-e", str(log)]
        with running("nginx", command, port=port, log=log) as url:
            yield url


def main() -> None:
    serve_from_command_line("nginx", __doc__.splitlines()[0], nginx_site)


if __name__ == "__main__":
    main()
