"""An emulated slow line in front of a local server, for benchmarks: a TCP proxy on 127.0.0.1
whose connections all share one download bandwidth (as a phone's radio link does) and whose
every request waits a fixed delay before it is forwarded (the round trip). It counts the
bytes it delivers, headers included: the bytes on the wire.

Browser throttling (DevTools) limits each request on its own and so flatters parallel
downloads; this does not.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager


class SharedLine:
    """One download bandwidth shared by every connection (a token bucket), and a counter."""

    def __init__(self, bits_per_second: float) -> None:
        self.bytes_per_second = bits_per_second / 8
        self.lock = threading.Lock()
        self.next_free = time.monotonic()
        self.delivered = 0
        self.flowing = threading.Event()
        self.flowing.set()

    def hold(self) -> None:
        """Stop delivering bytes (a stalled line: connections stay open, nothing arrives)."""
        self.flowing.clear()

    def release(self) -> None:
        self.flowing.set()

    def send(self, connection: socket.socket, data: bytes) -> None:
        """Send `data` no faster than the line allows, in slices of 16 kB."""
        for start in range(0, len(data), 16_384):
            piece = data[start : start + 16_384]
            self.flowing.wait()
            with self.lock:
                now = time.monotonic()
                begin = max(now, self.next_free)
                self.next_free = begin + len(piece) / self.bytes_per_second
                self.delivered += len(piece)
                wait = self.next_free - now
            time.sleep(wait)
            connection.sendall(piece)

    def take_count(self) -> int:
        with self.lock:
            count, self.delivered = self.delivered, 0
        return count


def _pipe_up(client: socket.socket, server: socket.socket, delay_s: float) -> None:
    """Browser to server: each burst of request bytes waits the round-trip delay."""
    try:
        while data := client.recv(65_536):
            time.sleep(delay_s)
            server.sendall(data)
    except OSError:
        pass
    finally:
        server.close()


def _pipe_down(server: socket.socket, client: socket.socket, line: SharedLine) -> None:
    try:
        while data := server.recv(65_536):
            line.send(client, data)
    except OSError:
        pass
    finally:
        client.close()


@contextmanager
def slow_line(
    target_port: int, *, bits_per_second: float, delay_ms: float
) -> Iterator[tuple[int, SharedLine]]:
    """A proxy to 127.0.0.1:`target_port`; yields its port and the line (for its counter)."""
    line = SharedLine(bits_per_second)
    listener = socket.create_server(("127.0.0.1", 0))
    stopped = threading.Event()

    def accept() -> None:
        while not stopped.is_set():
            try:
                client, _address = listener.accept()
            except OSError:
                return
            server = socket.create_connection(("127.0.0.1", target_port))
            up = (client, server, delay_ms / 1000)
            threading.Thread(target=_pipe_up, args=up, daemon=True).start()
            threading.Thread(target=_pipe_down, args=(server, client, line), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    try:
        yield int(listener.getsockname()[1]), line
    finally:
        stopped.set()
        listener.close()
