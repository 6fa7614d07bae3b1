"""Slow and oversized clients against the review board's real HTTP server on loopback: a client
that dribbles its headers (slowloris) or sends none is disconnected at the header deadline, while
other clients are served; oversized headers are refused."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from ..loopback import serve

HEADER_TIMEOUT = 1.5


@pytest.fixture
def board(tmp_path: Path) -> Iterator[tuple[str, int]]:
    from casegate.web import Settings, create_app, server_config

    app = create_app(Settings(database_url=f"sqlite:///{tmp_path / 'registry.db'}", secret=b"s" * 32))
    with serve(app, config=lambda a, port: server_config(a, "127.0.0.1", port, header_timeout=HEADER_TIMEOUT)) as base:
        yield "127.0.0.1", int(base.rsplit(":", 1)[1])


def _closed_within(sock: socket.socket, seconds: float, drip: bytes = b"") -> float | None:
    """Seconds until the server closed `sock` (sending `drip` every 0.3 s meanwhile), or None."""
    start = time.monotonic()
    sock.settimeout(0.3)
    while time.monotonic() - start < seconds:
        try:
            data = sock.recv(4096)
            if data == b"":
                return time.monotonic() - start
        except TimeoutError:
            pass
        except (ConnectionResetError, BrokenPipeError):
            return time.monotonic() - start
        if drip:
            try:
                sock.sendall(drip)
            except (ConnectionResetError, BrokenPipeError):
                return time.monotonic() - start
    return None


def test_a_slowloris_client_is_disconnected_and_others_are_served(board: tuple[str, int]) -> None:
    host, port = board
    slow = [socket.create_connection((host, port)) for _ in range(20)]
    try:
        for s in slow:
            s.sendall(b"GET /public HTTP/1.1\r\nHost: board\r\n")
        # meanwhile an honest client is served
        r = httpx.get(f"http://{host}:{port}/public", timeout=10)
        assert r.status_code == 200
        took = _closed_within(slow[0], HEADER_TIMEOUT + 6, drip=b"X-a: b\r\n")
        assert took is not None, "a client dribbling headers was never disconnected"
        assert took < HEADER_TIMEOUT + 3
        for s in slow[1:]:
            assert _closed_within(s, 3) is not None
    finally:
        for s in slow:
            s.close()


def test_a_connection_that_sends_nothing_is_closed(board: tuple[str, int]) -> None:
    host, port = board
    with socket.create_connection((host, port)) as s:
        assert _closed_within(s, HEADER_TIMEOUT + 4) is not None


def test_a_kept_alive_connection_gets_the_deadline_again(board: tuple[str, int]) -> None:
    host, port = board
    with socket.create_connection((host, port)) as s:
        s.sendall(b"GET /public HTTP/1.1\r\nHost: board\r\n\r\n")
        s.settimeout(5)
        assert s.recv(65536).startswith(b"HTTP/1.1 200")
        # the next request dribbles its headers: the keep-alive timer alone would be reset by each byte
        s.sendall(b"GET /public HTTP/1.1\r\n")
        took = _closed_within(s, HEADER_TIMEOUT + 6, drip=b"X")
        assert took is not None and took < HEADER_TIMEOUT + 3


def test_oversized_headers_are_refused(board: tuple[str, int]) -> None:
    host, port = board
    with socket.create_connection((host, port)) as s:
        s.sendall(b"GET /public HTTP/1.1\r\nHost: board\r\nX-Big: " + b"a" * 64 * 1024 + b"\r\n\r\n")
        s.settimeout(5)
        try:
            reply = s.recv(65536)
        except ConnectionResetError:
            reply = b""
        assert not reply.startswith(b"HTTP/1.1 200")
        assert reply == b"" or reply.startswith(b"HTTP/1.1 4")


def test_a_complete_request_is_not_cut_by_the_deadline(board: tuple[str, int]) -> None:
    host, port = board
    with httpx.Client(timeout=10) as c:
        for _ in range(3):  # the same kept-alive connection, slower than the deadline between requests
            assert c.get(f"http://{host}:{port}/public").status_code == 200
            time.sleep(0.2)
