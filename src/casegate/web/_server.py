"""The HTTP server settings the review board runs with: a deadline for a request's headers (a
slow client cannot hold a connection open by dribbling them), a cap on their size, a short
keep-alive, and a bound on concurrent connections. Bodies have their own deadline (`BodyLimit`)."""

from __future__ import annotations

import asyncio
from typing import Any

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

HEADER_TIMEOUT = 10.0
"""Seconds a connection may take to send a complete request line and headers."""
MAX_HEADER_BYTES = 16 * 1024
"""Largest request line plus headers accepted (h11's incomplete-event limit)."""
KEEP_ALIVE_SECONDS = 5
"""Seconds an idle kept-alive connection stays open."""
MAX_CONNECTIONS = 256
"""Connections served at once; more get 503 at once rather than a queue without end."""


class BoundedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with a header deadline: armed when a connection opens and after each
    response, cleared when a request's headers are complete; on expiry the connection is closed."""

    header_timeout = HEADER_TIMEOUT

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._header_task: asyncio.TimerHandle | None = None
        self._armed_cycle: Any = None
        self._arm()

    def _arm(self) -> None:
        self._disarm()
        self._armed_cycle = self.cycle
        self._header_bytes = 0
        self._tail = b""
        self._header_task = self.loop.call_later(self.header_timeout, self._headers_too_slow)

    def _disarm(self) -> None:
        task = getattr(self, "_header_task", None)
        if task is not None:
            task.cancel()
            self._header_task = None

    def _headers_too_slow(self) -> None:
        self._header_task = None
        if not self.transport.is_closing():
            self.transport.close()

    def data_received(self, data: bytes) -> None:
        if self._header_task is not None:
            # count the request line and headers, also when they arrive in one piece (h11's own
            # limit only applies to what is still incomplete)
            window = self._tail + data
            end = window.find(b"\r\n\r\n")
            seen = self._header_bytes + (end + 4 - len(self._tail) if end >= 0 else len(data))
            if seen > MAX_HEADER_BYTES:
                self._disarm()
                self.transport.write(b"HTTP/1.1 431 Request Header Fields Too Large\r\ncontent-length: 0\r\n"
                                     b"connection: close\r\n\r\n")
                self.transport.close()
                return
            self._header_bytes = seen
            self._tail = window[-3:]
        super().data_received(data)
        if self._header_task is not None and self.cycle is not self._armed_cycle:
            self._disarm()  # a new request's headers are complete

    def on_response_complete(self) -> None:
        before = self.cycle
        super().on_response_complete()
        if not self.transport.is_closing() and self.cycle is before:
            self._arm()  # waiting for the next request on a kept-alive connection

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)


def server_config(app: Any, host: str, port: int, *, header_timeout: float = HEADER_TIMEOUT,
                  log_level: str = "warning") -> uvicorn.Config:
    """The uvicorn configuration of the review board."""
    protocol = type("BoardH11Protocol", (BoundedH11Protocol,), {"header_timeout": header_timeout})
    return uvicorn.Config(app, host=host, port=port, log_level=log_level, http=protocol,
                          h11_max_incomplete_event_size=MAX_HEADER_BYTES,
                          timeout_keep_alive=KEEP_ALIVE_SECONDS, limit_concurrency=MAX_CONNECTIONS,
                          server_header=False)


def run_server(config: uvicorn.Config) -> None:
    """Serve until stopped, and on SIGTERM (how a service manager stops it) end as a normal exit,
    so the process's exit handlers run and remove its temporary folders.

    uvicorn shuts down gracefully on SIGTERM, then restores the handler it found and raises the
    signal again: with the default handler there, the process would die of the signal and skip
    its exit handlers. The handler installed here turns that second delivery into exit 0."""
    import signal

    def stop(signum: int, frame: Any) -> None:
        raise SystemExit(0)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        uvicorn.Server(config).run()
    finally:
        signal.signal(signal.SIGTERM, previous)
