"""Serve the built site over HTTP as a well-configured intranet server would.

`file://` does not work for the checker: WebAssembly must come as `application/wasm`
and ES modules as `text/javascript`. Like the nginx set-up the HR page recommends, this
server also compresses text and WebAssembly with gzip when the browser accepts it, and
sends Cache-Control: files whose path carries a version (Pyodide's runtime under
`assets/pyodide/<version>/`, Material's hashed bundles) may be kept for a year, everything
else is revalidated on each visit. The browser tests and the start-up benchmark use it,
optionally under a sub-path (as an intranet would host the site).

Usage: python tools/serve.py [--root site] [--port 8000] [--prefix /intranet/citizen-card/]
"""

from __future__ import annotations

import argparse
import contextlib
import email.utils
import functools
import gzip
import http.server
import io
import os
import re
import threading
from pathlib import Path

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


# Already compressed, or too small to matter: sent as they are.
NOT_COMPRESSED = {".zip", ".whl", ".png", ".jpg", ".jpeg", ".gif", ".ico", ".woff", ".woff2"}
# Paths that carry a version or a content hash: their content never changes.
IMMUTABLE = re.compile(
    r"/assets/pyodide/[0-9][^/]*/pyodide[.](mjs|asm[.]mjs|asm[.]wasm)$"
    r"|/assets/(javascripts|stylesheets)/.*[.][0-9a-f]{8}[.]min[.](js|css)$"
)
_gzip_cache: dict[tuple[str, float], bytes] = {}


def cache_control(path: str) -> str:
    """The Cache-Control header for a request path."""
    return "public, max-age=31536000, immutable" if IMMUTABLE.search(path) else "no-cache"


def gzipped(file_path: str, mtime: float) -> bytes:
    """The file compressed with gzip, kept in memory while the file is unchanged."""
    key = (file_path, mtime)
    if key not in _gzip_cache:
        with open(file_path, "rb") as file:
            _gzip_cache[key] = gzip.compress(file.read(), compresslevel=6, mtime=0)
    return _gzip_cache[key]


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static files from `directory`, mounted under `prefix`; gzip and Cache-Control."""

    extensions_map = {  # noqa: RUF012 (the base class declares it as an instance variable)
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        **MIME_TYPES,
    }
    prefix = "/"

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__not_under_prefix__")
        return super().translate_path("/" + path[len(self.prefix) :])

    def end_headers(self) -> None:
        self.send_header("Cache-Control", cache_control(self.path.split("?")[0]))
        super().end_headers()

    def send_head(self) -> io.BufferedIOBase | None:  # type: ignore[override]
        file_path = self.translate_path(self.path)
        if os.path.isdir(file_path) and self.path.split("?")[0].endswith("/"):
            file_path = os.path.join(file_path, "index.html")
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        suffix = os.path.splitext(file_path)[1].lower()
        if not (accepts_gzip and os.path.isfile(file_path) and suffix not in NOT_COMPRESSED):
            return super().send_head()  # type: ignore[return-value]
        mtime = os.stat(file_path).st_mtime
        since = self.headers.get("If-Modified-Since")
        if since:
            try:
                if int(mtime) <= email.utils.parsedate_to_datetime(since).timestamp():
                    self.send_response(http.HTTPStatus.NOT_MODIFIED)
                    self.end_headers()
                    return None
            except (TypeError, ValueError, IndexError, OverflowError):
                pass
        body = gzipped(file_path, mtime)
        self.send_response(http.HTTPStatus.OK)
        self.send_header("Content-Type", self.guess_type(file_path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(int(mtime)))
        self.end_headers()
        return io.BytesIO(body)

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
