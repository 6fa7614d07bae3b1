"""`verify --registry-url` against a board (or whoever stands between the pipeline and it) that
answers badly, on real loopback servers: JSON nested past the depth limit (before, an internal
error), a key given twice (read one way here and another by the next reader), an answer past the
`json-bytes` limit (before, read whole into memory), and a board that sends a header byte now and
then (before, each byte restarted the 30-second socket timeout, so the deploy step waited for
ever). Each is a registry that could not be read (exit 3), named, never verified, never a
traceback."""

from __future__ import annotations

import socketserver
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest

import casegate.cli._sign as sign_cli
from tests._deploy import RATE_LIMITS
from tests.sign.helpers import MODEL
from tests.verify.test_trust_attacks import Setup, setup  # noqa: F401 - the fixture
from tests.verify.trusted import cli_in_process

__all__ = ["setup"]


@contextmanager
def board(answer: Callable[[socketserver.StreamRequestHandler], None]) -> Iterator[str]:
    """A TCP server on 127.0.0.1 that reads a request's head and lets `answer` write the reply."""
    stop = threading.Event()

    class Handler(socketserver.StreamRequestHandler):
        def handle(self) -> None:
            while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                pass
            try:
                answer(self)
            except OSError:
                pass

    class Server(socketserver.ThreadingTCPServer):
        daemon_threads = True
        allow_reuse_address = True

    srv = Server(("127.0.0.1", 0), Handler)
    srv.stop = stop  # type: ignore[attr-defined]
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    try:
        yield f"http://127.0.0.1:{srv.server_address[1]}"
    finally:
        stop.set()
        srv.shutdown()
        srv.server_close()


def _json(body: bytes) -> Callable[[socketserver.StreamRequestHandler], None]:
    def answer(h: socketserver.StreamRequestHandler) -> None:
        h.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                      + str(len(body)).encode() + b"\r\nConnection: close\r\n\r\n" + body)
    return answer


def _verify(setup: Setup, url: str) -> tuple[int, str]:  # noqa: F811
    return cli_in_process(setup.path, "verify", "--bundle", str(setup.path / "bundle.json"), "--model-digest", MODEL,
                          "--boundary", "api", "--access", "self-serve", "--region", "US", *RATE_LIMITS,
                          "--keyring", str(setup.w.ring_path), "--trust-root", str(setup.trust.dir),
                          "--registry-url", url)


def test_json_nested_past_the_limit_is_a_board_that_cannot_be_read(setup: Setup) -> None:  # noqa: F811
    with board(_json(b"[" * 100_000 + b"]" * 100_000)) as url:
        rc, text = _verify(setup, url)
    assert rc == 3, text
    assert "answered something casegate does not read: the JSON nests too deep" in text, text
    assert "internal error" not in text and "Traceback" not in text, text


def test_a_key_given_twice_is_refused(setup: Setup) -> None:  # noqa: F811
    with board(_json(b'{"kind": "state-proof", "kind": "state-proof"}')) as url:
        rc, text = _verify(setup, url)
    assert rc == 3 and "the key 'kind' appears twice in one object" in text, text


def test_an_answer_past_the_json_bytes_limit_is_not_read_whole(setup: Setup, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    monkeypatch.setenv("CASEGATE_LIMIT_JSON_BYTES", "65536")
    with board(_json(b'{"pad": "' + b"x" * 300_000 + b'"}')) as url:
        rc, text = _verify(setup, url)
    assert rc == 3 and "answered more than the json-bytes limit (65,536 bytes)" in text, text


def test_a_board_that_dribbles_its_headers_is_given_up_at_the_deadline(setup: Setup,  # noqa: F811
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sign_cli, "BOARD_DEADLINE", 2.0)

    def dribble(h: socketserver.StreamRequestHandler) -> None:
        h.wfile.write(b"HTTP/1.1 200 OK\r\n")
        h.wfile.flush()
        for _ in range(600):  # a header byte every 0.1 s: each within any socket timeout
            if h.server.stop.is_set():  # type: ignore[attr-defined]
                return
            h.wfile.write(b"X")
            h.wfile.flush()
            time.sleep(0.1)

    with board(dribble) as url:
        started = time.monotonic()
        rc, text = _verify(setup, url)
        took = time.monotonic() - started
    assert rc == 3 and "did not answer within 2 s" in text, text
    assert took < 20, took


def test_an_honest_looking_error_answer_is_still_named(setup: Setup) -> None:  # noqa: F811
    def error(h: socketserver.StreamRequestHandler) -> None:
        body = b'{"detail": "' + b"y" * 200_000 + b'"}'
        h.wfile.write(b"HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\nContent-Length: "
                      + str(len(body)).encode() + b"\r\nConnection: close\r\n\r\n" + body)

    with board(error) as url:
        rc, text = _verify(setup, url)
    assert rc == 3 and "answered 500 for the state proof" in text, text
