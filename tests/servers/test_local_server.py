"""The local server (`make serve`, the browser tests) and the nginx configuration the HR guide
publishes: do they send the same headers and the precompressed files, and does the local
server stand up to malformed requests, folder listings and idle connections?"""

from __future__ import annotations

import gzip
import socket
import struct
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import brotli
import pytest
from csp import header_policy
from published_server import SITE_PATH
from serve import make_server, serve_in_background

from tests.servers.helpers import SITE_HEADERS, fetch, runtime_file, same_type, theme_bundle


def test_the_local_server_sends_what_nginx_sends(
    site_dir: Path, local_url: str, nginx_url: str
) -> None:
    paths = [
        "eligibility/",
        "assets/checker/worker.js",
        theme_bundle(site_dir),
        runtime_file(site_dir, "pyodide.asm.wasm"),
        runtime_file(site_dir, "python_stdlib_fast.zip"),
        runtime_file(site_dir, "pyodide-lock.json"),
    ]
    for path in paths:
        for encoding in ("br, gzip", "gzip", ""):
            local = fetch(local_url + path, encoding)
            served = fetch(nginx_url + path, encoding)
            assert local[0] == served[0] == 200, path
            for name in SITE_HEADERS:
                assert local[1].get(name) == served[1].get(name), (path, encoding, name)
            assert local[1].get("Content-Encoding") == served[1].get("Content-Encoding")
            assert same_type(local[1]["Content-Type"]) == same_type(served[1]["Content-Type"])
            assert local[2] == served[2], (path, encoding)


def test_the_security_header_is_the_sites_policy_on_every_answer(
    site_dir: Path, local_url: str, nginx_url: str
) -> None:
    policy = header_policy(site_dir)
    for url in (local_url, nginx_url):
        for path in ("", "assets/checker/worker.js", "no-such-page/"):
            status, headers, _body = fetch(url + path)
            assert headers["Content-Security-Policy"] == policy, (url, path, status)
            assert headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    ("encoding", "expected"), [("br, gzip", "br"), ("gzip", "gzip"), ("br;q=0, gzip", "gzip")]
)
def test_a_browser_gets_the_precompressed_copy_it_accepts(
    site_dir: Path, local_url: str, encoding: str, expected: str
) -> None:
    path = runtime_file(site_dir, "pyodide.asm.wasm")
    status, headers, body = fetch(local_url + path, encoding)
    assert status == 200
    assert headers["Content-Encoding"] == expected
    assert headers["Content-Type"] == "application/wasm"
    original = (site_dir / path).read_bytes()
    unpacked = brotli.decompress(body) if expected == "br" else gzip.decompress(body)
    assert unpacked == original
    assert len(body) < len(original) * (0.3 if expected == "br" else 0.4)


def test_a_client_without_compression_gets_the_file_itself(site_dir: Path, local_url: str) -> None:
    path = runtime_file(site_dir, "pyodide.mjs")
    status, headers, body = fetch(local_url + path, "")
    assert (status, "Content-Encoding" in headers) == (200, False)
    assert body == (site_dir / path).read_bytes()
    assert headers["Vary"] == "Accept-Encoding"


def test_versioned_runtime_files_are_kept_a_year_and_the_rest_revalidated(
    site_dir: Path, local_url: str
) -> None:
    year = "max-age=31536000, immutable"
    assert fetch(local_url + runtime_file(site_dir, "pyodide.asm.wasm"))[1]["Cache-Control"] == year
    assert fetch(local_url + theme_bundle(site_dir))[1]["Cache-Control"] == year
    page_script = "assets/checker/shared/engine.js"
    for path in ("", page_script, runtime_file(site_dir, "python_stdlib_fast.zip")):
        assert fetch(local_url + path)[1]["Cache-Control"] == "no-cache", path


def test_an_unchanged_compressed_file_is_answered_with_304(site_dir: Path, local_url: str) -> None:
    path = runtime_file(site_dir, "python_stdlib_fast.zip")
    _status, headers, _body = fetch(local_url + path)
    request = urllib.request.Request(
        local_url + path,
        headers={"Accept-Encoding": "br", "If-Modified-Since": headers["Last-Modified"]},
    )
    with pytest.raises(urllib.error.HTTPError) as answer:
        urllib.request.urlopen(request, timeout=10).close()
    answer.value.close()
    assert answer.value.code == 304


@pytest.mark.parametrize("path", ["assets/", "assets/images/", "assets/pyodide/"])
def test_a_folder_is_never_listed(local_url: str, path: str) -> None:
    status, _headers, body = fetch(local_url + path)
    assert status == 403
    assert b"Directory listing" not in body
    assert b"href=" not in body


def raw_request(url: str, data: bytes) -> bytes:
    host, port = url.split("/")[2].split(":")
    with socket.create_connection((host, int(port)), timeout=10) as connection:
        connection.sendall(data)
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    return answer


@pytest.mark.parametrize(
    "request_line", [b"GARBAGE\r\n\r\n", b"GET\r\n\r\n", b"GET / HTTP/9.9 extra\r\n\r\n"]
)
def test_a_malformed_request_gets_400(local_url: str, request_line: bytes) -> None:
    answer = raw_request(local_url, request_line)
    assert answer.startswith((b"HTTP/1.1 400", b"HTTP/1.0 400")), answer[:80]


def test_an_idle_connection_is_closed(site_dir: Path) -> None:
    server = make_server(site_dir, 0, SITE_PATH, idle_timeout=0.5)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        port = server.server_address[1]
        with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
            started = time.monotonic()
            assert connection.recv(1) == b"", "the server closed the connection"
            assert time.monotonic() - started < 5
    finally:
        server.shutdown()
        server.server_close()


def test_a_browser_that_hangs_up_leaves_no_traceback(
    site_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server, url = serve_in_background(site_dir, SITE_PATH)
    # The server is done with a connection once it has shut it down (after any error report).
    done_with_one = threading.Event()
    shut_down = server.shutdown_request

    def shutdown_request(request: Any) -> None:
        shut_down(request)
        done_with_one.set()

    server.shutdown_request = shutdown_request  # type: ignore[method-assign]
    try:
        host, port = url.split("/")[2].split(":")
        with socket.create_connection((host, int(port)), timeout=10) as connection:
            connection.sendall(b"GET / HTTP/1.1\r\nHost: x")  # and hangs up mid-request, hard
            connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        assert done_with_one.wait(timeout=10), "the server never finished with the connection"
        assert raw_request(url, b"GET / HTTP/1.0\r\n\r\n").startswith(b"HTTP/1.")  # still serving
        assert "Traceback" not in capsys.readouterr().err
    finally:
        server.shutdown()
        server.server_close()
