"""tools/serve.py under hostile requests, by raw socket: every request gets a status line
(400, 404, 408, 414), none a traceback; a request that trickles in or never ends is answered
408 when the idle timeout is up; a burst of connections is held (issue 22, item 5)."""

from __future__ import annotations

import select
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from published_server import SITE_PATH
from serve import SiteServer, accepted_encodings, make_server

IDLE = 1.0  # the idle timeout of the server these tests start


def address(url: str) -> tuple[str, int]:
    host, port = url.split("/")[2].split(":")
    return host, int(port)


def raw_request(url: str, data: bytes) -> bytes:
    """Send `data`, read until the server closes or has sent a whole header and body."""
    with socket.create_connection(address(url), timeout=10) as connection:
        connection.sendall(data)
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
            head, _, body = answer.partition(b"\r\n\r\n")
            length = [
                int(line.split(b":", 1)[1])
                for line in head.split(b"\r\n")
                if line.lower().startswith(b"content-length:")
            ]
            if length and len(body) >= length[0]:
                break
    return answer


def status(answer: bytes) -> int:
    assert answer.startswith(b"HTTP/1."), answer[:80]
    return int(answer.split(b" ", 2)[1])


@pytest.fixture
def quick_server(site_dir: Path) -> Iterator[str]:
    """The site behind a server whose idle timeout is IDLE seconds."""
    server = make_server(site_dir, 0, SITE_PATH, idle_timeout=IDLE)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host, port = server.server_address[:2]
    yield f"http://{host!s}:{port}{SITE_PATH}"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize(
    "path",
    ["%00", "index.html%00.txt", "%ed%b0%80", "assets/%ff%fe", "%c0%af"],
    ids=["nul", "nul_inside", "lone_surrogate", "not_utf_8", "overlong_slash"],
)
def test_a_path_no_file_can_have_gets_400_and_no_traceback(
    local_url: str, path: str, capsys: pytest.CaptureFixture[str]
) -> None:
    request = f"GET {SITE_PATH}{path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    assert status(raw_request(local_url, request.encode())) == 400
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize("quality", ["q=.", "q=1.2.3", "q=abc", "q=2", "q=0.0001", "q="])
def test_an_accept_encoding_quality_that_is_no_number_gets_400(
    local_url: str, quality: str, capsys: pytest.CaptureFixture[str]
) -> None:
    request = (
        f"GET {SITE_PATH} HTTP/1.1\r\nHost: x\r\nAccept-Encoding: br;{quality}, gzip\r\n"
        "Connection: close\r\n\r\n"
    )
    assert status(raw_request(local_url, request.encode())) == 400
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize(
    ("header", "accepted"),
    [
        ("br;q=1.000, gzip;q=0.5", {"br", "gzip"}),
        ("br;q=0, gzip", {"gzip"}),
        ("gzip ; Q=0.001", {"gzip"}),
        ("", set()),
    ],
)
def test_good_qualities_are_read_as_before(header: str, accepted: set[str]) -> None:
    assert accepted_encodings(header) == accepted


def test_a_request_without_an_http_version_gets_a_status_line(local_url: str) -> None:
    answer = raw_request(local_url, f"GET {SITE_PATH}\r\n\r\n".encode())
    assert answer.startswith(b"HTTP/1.1 400"), answer[:80]


def test_a_huge_uri_gets_414(local_url: str) -> None:
    request = f"GET {SITE_PATH}{'a' * 70_000} HTTP/1.1\r\nHost: x\r\n\r\n"
    assert status(raw_request(local_url, request.encode())) == 414


def test_a_request_that_never_ends_gets_408_when_the_idle_timeout_is_up(
    quick_server: str,
) -> None:
    started = time.monotonic()
    answer = raw_request(quick_server, f"GET {SITE_PATH} HTTP/1.1\r\nHost: x\r\n".encode())
    assert status(answer) == 408
    assert IDLE <= time.monotonic() - started < IDLE + 5


def test_a_request_that_trickles_in_gets_408_when_the_idle_timeout_is_up(
    quick_server: str,
) -> None:
    """One byte at a time, each sooner than the timeout: the request as a whole is late."""
    request = f"GET {SITE_PATH} HTTP/1.1\r\nHost: x\r\n" + "X-Slow: " + "a" * 200
    started = time.monotonic()
    with socket.create_connection(address(quick_server), timeout=10) as connection:
        answer = b""
        for byte in request.encode():
            # Send the next byte when the server has not answered within a quarter of the
            # timeout (select returns at once when it has).
            readable, _, _ = select.select([connection], [], [], IDLE / 4)
            if readable:
                answer = connection.recv(65536)
                break
            connection.sendall(bytes([byte]))
    assert status(answer) == 408
    assert time.monotonic() - started < IDLE + 5


def test_a_silent_connection_is_closed_without_an_answer(quick_server: str) -> None:
    with socket.create_connection(address(quick_server), timeout=10) as connection:
        assert connection.recv(1) == b""


def test_a_burst_of_connections_is_held_and_each_is_answered(local_url: str) -> None:
    assert SiteServer.request_queue_size >= 128
    connections = [socket.create_connection(address(local_url), timeout=10) for _ in range(128)]
    try:
        for connection in connections:
            connection.sendall(f"HEAD {SITE_PATH} HTTP/1.0\r\n\r\n".encode())
        answers = [connection.recv(12) for connection in connections]
    finally:
        for connection in connections:
            connection.close()
    assert all(answer.startswith(b"HTTP/1.") for answer in answers)
