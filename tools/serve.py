"""Serve the built site over HTTP with the MIME types Pyodide needs.

`file://` does not work for the checker: WebAssembly must come as `application/wasm`
and ES modules as `text/javascript`. The same server is used by the browser tests,
optionally under a sub-path (as an intranet would host the site).

Usage: python tools/serve.py [--root site] [--port 8000] [--prefix /intranet/citizen-card/]
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import threading
from pathlib import Path
from typing import ClassVar

MIME_TYPES = {
    ".wasm": "application/wasm",
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".json": "application/json",
    ".zip": "application/zip",
    ".whl": "application/zip",
    ".ics": "text/calendar",
    ".svg": "image/svg+xml",
    ".webmanifest": "application/manifest+json",
}


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static files from `directory`, mounted under `prefix`; quiet logs."""

    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        **MIME_TYPES,
    }
    prefix = "/"

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__not_under_prefix__")
        return super().translate_path("/" + path[len(self.prefix) :])

    def log_message(self, format: str, *args: object) -> None:
        pass


def make_server(root: Path, port: int = 0, prefix: str = "/") -> http.server.ThreadingHTTPServer:
    """A server for `root` on 127.0.0.1 (port 0 picks a free one), mounted at `prefix`."""
    if not prefix.endswith("/"):
        prefix += "/"
    handler = type("Handler", (SiteHandler,), {"prefix": prefix})
    return http.server.ThreadingHTTPServer(
        ("127.0.0.1", port), functools.partial(handler, directory=str(root))
    )


def serve_in_background(
    root: Path, prefix: str = "/"
) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Start a server in a daemon thread; returns it and its base URL (ending in `/`)."""
    server = make_server(root, 0, prefix)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address[:2]
    return server, f"http://{host!s}:{port}{prefix if prefix.endswith('/') else prefix + '/'}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path("site"))
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--prefix", default="/")
    args = parser.parse_args()
    server = make_server(args.root, args.port, args.prefix)
    print(f"Serving {args.root}/ at http://127.0.0.1:{args.port}{args.prefix}  (Ctrl-C stops)")
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()


if __name__ == "__main__":
    main()
