"""Serve the built site over HTTP with the headers of the nginx configuration the HR guide
publishes (tools/nginx/citizen-card.conf), so that what a developer sees is what an intranet
serves.

`file://` does not work for the checker: WebAssembly must come as `application/wasm` and ES
modules as `text/javascript`. Like the nginx configuration, this server sends:

- the site's Content-Security-Policy as an HTTP header (it also covers the checker's worker,
  which the pages' `<meta>` tags cannot), and `X-Content-Type-Options: nosniff`;
- the precompressed `.br` or `.gz` file the build wrote beside a file, when the browser
  accepts that encoding (never compressing anything itself);
- Cache-Control: files whose path carries a version (Pyodide's runtime under
  `assets/pyodide/<version>/`, Material's hashed bundles) may be kept for a year, everything
  else is revalidated on each visit.

It is the standard library's server, hardened: every request gets a status line, never a
traceback: a malformed one (no HTTP version, a path with `%00` or that is not UTF-8, an
Accept-Encoding quality that is not a number from 0 to 1) a 400, a request line over 64 KB a
414, a folder without `index.html` a 403 (never a listing); a connection idle for
`IDLE_TIMEOUT` seconds is closed, and one whose request is not complete by then (however
slowly it trickles in) gets a 408. The listen queue holds a burst of 128 connections. The
browser tests and the start-up benchmark use it, optionally under a sub-path (as an
intranet would host the site).

Usage: python tools/serve.py [--root site] [--port 8000] [--prefix /intranet/citizen-card/]
"""

from __future__ import annotations

import argparse
import contextlib
import email.utils
import functools
import http.server
import io
import os
import re
import socket
import sys
import threading
import time
import urllib.parse
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))
from csp import header_policy

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
# Precompressed copies the build writes, in the order they are preferred.
PRECOMPRESSED = (("br", ".br"), ("gzip", ".gz"))
# Paths (relative to the site) that carry a version or a content hash: they never change.
IMMUTABLE_FILES = (
    r"assets/pyodide/[^/]+/pyodide\.(mjs|asm\.mjs|asm\.wasm)"
    r"|assets/(javascripts|stylesheets)/.+\.[0-9a-f]{8}\.min\.(js|css)"
)
_IMMUTABLE = re.compile(f"/({IMMUTABLE_FILES})$")
# Seconds a kept-alive connection may stay silent before it is closed.
IDLE_TIMEOUT = 15


def cache_control(path: str) -> str:
    """The Cache-Control header for a request path."""
    return "max-age=31536000, immutable" if _IMMUTABLE.search(path) else "no-cache"


# RFC 9110's qvalue: 0 to 1 with at most three decimals ("q=.", "q=1.2.3" are not).
_QVALUE = re.compile(r"0(\.[0-9]{0,3})?|1(\.0{0,3})?")
_QUALITY = re.compile(r"\s*q\s*=\s*(.*?)\s*", re.IGNORECASE)


def accepted_encodings(header: str) -> set[str]:
    """The content codings an Accept-Encoding header accepts (q=0 refuses one). Raises
    ValueError for a quality that is not an RFC 9110 qvalue (answered with a 400)."""
    accepted = set()
    for part in header.split(","):
        name, *params = part.strip().split(";")
        quality = 1.0
        for param in params:
            found = _QUALITY.fullmatch(param)
            if found:
                if not _QVALUE.fullmatch(found.group(1)):
                    raise ValueError(f"not a quality value: {found.group(1)[:20]!r}")
                quality = float(found.group(1))
        if name.strip() and quality > 0:
            accepted.add(name.strip().lower())
    return accepted


def _is_bad_path(path: str) -> bool:
    """Whether a request path, %-decoded, holds a NUL byte or is not UTF-8 (`%00`, or
    `%ed%b0%80`, a lone surrogate): no file has such a name."""
    raw = urllib.parse.unquote_to_bytes(path.split("?", 1)[0].split("#", 1)[0])
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return b"\x00" in raw


class _RequestDeadline(io.RawIOBase):
    """A connection's reading side with a deadline for each request: however slowly its
    bytes trickle in, a request line and headers not complete within the idle timeout end
    it (each read waits only as long as is left)."""

    def __init__(self, connection: socket.socket) -> None:
        super().__init__()
        self.connection = connection
        self.deadline = float("inf")
        self.received = 0  # bytes of the current request
        self.timed_out = False

    def start_request(self, timeout: float | None) -> None:
        self.deadline = time.monotonic() + (timeout if timeout is not None else float("inf"))
        self.received = 0
        self.timed_out = False

    def end_request(self) -> None:
        self.deadline = float("inf")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        left = self.deadline - time.monotonic()
        if left <= 0:
            self.timed_out = True
            raise TimeoutError("the request was not complete in time")
        if left != float("inf"):
            self.connection.settimeout(left)
        try:
            count = self.connection.recv_into(buffer)
        except TimeoutError:
            self.timed_out = True
            raise
        self.received += count
        return count


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static files from `directory`, mounted under `prefix`, with the site's headers."""

    extensions_map = {  # noqa: RUF012 (the base class declares it as an instance variable)
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        **MIME_TYPES,
    }
    protocol_version = "HTTP/1.1"  # keep-alive, as a real server; needs Content-Length
    timeout = IDLE_TIMEOUT  # socket timeout: an idle connection is closed
    prefix = "/"
    policy: str | None = None  # the Content-Security-Policy header, if any

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "__not_under_prefix__")
        return super().translate_path("/" + path[len(self.prefix) :])

    def end_headers(self) -> None:
        # `path` is unset when the request line itself could not be read.
        path = getattr(self, "path", "").split("?")[0]
        self.send_header("Cache-Control", self.cache_control(path))
        self.send_header("X-Content-Type-Options", "nosniff")
        if self.policy:
            self.send_header("Content-Security-Policy", self.policy)
        if getattr(self, "_vary", False):  # the file also exists compressed
            self.send_header("Vary", "Accept-Encoding")
        super().end_headers()

    def cache_control(self, path: str) -> str:
        return cache_control(path)

    def setup(self) -> None:
        super().setup()
        self._deadline = _RequestDeadline(self.connection)
        self.rfile = io.BufferedReader(self._deadline)

    def handle_one_request(self) -> None:
        """One request, always answered with a status line, never a traceback: 408 for one
        not complete within the idle timeout (a connection that never said anything is just
        closed), 500 (and one line on stderr) for a failure of the server itself."""
        self._vary = False
        self._answered = False
        self.requestline, self.command = "", ""
        self.request_version = "HTTP/1.1"
        self._deadline.start_request(self.timeout)
        try:
            super().handle_one_request()
        except ConnectionError:
            self.close_connection = True
            return
        except Exception as error:
            sys.stderr.write(f"serve.py: {type(error).__name__}: {error} ({self.requestline!r})\n")
            self.close_connection = True
            if not self._answered:
                with contextlib.suppress(OSError):
                    self.send_error(http.HTTPStatus.INTERNAL_SERVER_ERROR)
            return
        if self._deadline.timed_out and self._deadline.received and not self._answered:
            with contextlib.suppress(OSError):
                self.send_error(http.HTTPStatus.REQUEST_TIMEOUT)
            self.close_connection = True

    def parse_request(self) -> bool:
        if not super().parse_request():
            return False
        self._deadline.end_request()
        self.connection.settimeout(self.timeout)  # for writing the answer
        if self.request_version == "HTTP/0.9":  # `GET /` with no version: no status line
            self.send_error(http.HTTPStatus.BAD_REQUEST, "The request has no HTTP version")
            return False
        if _is_bad_path(self.path):
            self.send_error(http.HTTPStatus.BAD_REQUEST, "No file has such a name")
            return False
        try:
            accepted_encodings(self.headers.get("Accept-Encoding", ""))
        except ValueError as error:
            self.send_error(http.HTTPStatus.BAD_REQUEST, f"Accept-Encoding: {error}")
            return False
        return True

    def send_response(self, code: int, message: str | None = None) -> None:
        self._answered = True
        super().send_response(code, message)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        # A request line without a version is read as HTTP/0.9, whose answers have no status
        # line: answer such a line as nginx does, with a full HTTP/1.1 400.
        if getattr(self, "request_version", "") == "HTTP/0.9":
            self.request_version = "HTTP/1.1"
            self.close_connection = True
        super().send_error(code, message, explain)

    def list_directory(self, path: str | os.PathLike[str]) -> None:
        """Folders are never listed (403, as nginx answers)."""
        self.send_error(http.HTTPStatus.FORBIDDEN, "No listing of folders")

    def send_head(self) -> Any:
        file_path = self.translate_path(self.path)
        if os.path.isdir(file_path) and self.path.split("?")[0].endswith("/"):
            file_path = os.path.join(file_path, "index.html")
        if not os.path.isfile(file_path):
            return super().send_head()  # a redirect to add the slash, or a 404
        accepted = accepted_encodings(self.headers.get("Accept-Encoding", ""))
        for coding, suffix in PRECOMPRESSED:
            if os.path.isfile(file_path + suffix):
                self._vary = True
                if coding in accepted:
                    return self._send_precompressed(file_path, coding, file_path + suffix)
        return super().send_head()

    def _send_precompressed(self, file_path: str, coding: str, packed_path: str) -> Any:
        packed = open(packed_path, "rb")  # noqa: SIM115 (the base class closes it)
        stat = os.fstat(packed.fileno())
        if self._not_modified_since(stat.st_mtime):
            packed.close()
            self.send_response(http.HTTPStatus.NOT_MODIFIED)
            self.end_headers()
            return None
        self.send_response(http.HTTPStatus.OK)
        self.send_header("Content-Type", self.guess_type(file_path))
        self.send_header("Content-Encoding", coding)
        self.send_header("Content-Length", str(stat.st_size))
        self.send_header("Last-Modified", self.date_time_string(int(stat.st_mtime)))
        self.end_headers()
        return packed

    def _not_modified_since(self, mtime: float) -> bool:
        since = self.headers.get("If-Modified-Since")
        if not since or self.headers.get("If-None-Match"):
            return False
        try:
            return int(mtime) <= email.utils.parsedate_to_datetime(since).timestamp()
        except (TypeError, ValueError, IndexError, OverflowError):
            return False

    def log_message(self, format: str, *args: object) -> None:
        pass


class SiteServer(http.server.ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # the listen queue: a burst of connections waits, none refused

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A browser that hangs up (a closed tab, a cancelled download) is not an error."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


def make_server(
    root: Path,
    port: int = 0,
    prefix: str = "/",
    *,
    secure: bool = True,
    frame_ancestors: tuple[str, ...] = (),
    idle_timeout: float = IDLE_TIMEOUT,
    handler: type[SiteHandler] = SiteHandler,
) -> http.server.ThreadingHTTPServer:
    """A server for `root` on 127.0.0.1 (port 0 picks a free one), mounted at `prefix`.

    With `secure`, every answer carries the site's Content-Security-Policy (read from the
    built pages, as the HR guide prints it), which lets `frame_ancestors` frame the pages.
    `handler` may be a subclass of SiteHandler (e.g. one that notes what it serves)."""
    if not prefix.endswith("/"):
        prefix += "/"
    policy = header_policy(root, frame_ancestors=frame_ancestors) if secure else None
    settings = {"prefix": prefix, "policy": policy, "timeout": idle_timeout}
    configured = type("Handler", (handler,), settings)
    return SiteServer(("127.0.0.1", port), functools.partial(configured, directory=str(root)))


def serve_in_background(
    root: Path, prefix: str = "/", **options: Any
) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Start a server in a daemon thread; returns it and its base URL (ending in `/`)."""
    server = make_server(root, 0, prefix, **options)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address[:2]
    return server, f"http://{host!s}:{port}{prefix if prefix.endswith('/') else prefix + '/'}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path("site"))
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--prefix", default="/")
    parser.add_argument(
        "--frame-ancestors",
        default="",
        metavar="ORIGINS",
        help="origins of intranet pages allowed to frame the checker, separated by spaces"
        " (`make serve FRAME_ANCESTORS=...`; 'self' is always allowed)",
    )
    args = parser.parse_args()
    origins = tuple(args.frame_ancestors.split())
    server = make_server(args.root, args.port, args.prefix, frame_ancestors=origins)
    print(f"Serving {args.root}/ at http://127.0.0.1:{args.port}{args.prefix}  (Ctrl-C stops)")
    with contextlib.suppress(KeyboardInterrupt):
        server.serve_forever()


if __name__ == "__main__":
    main()
