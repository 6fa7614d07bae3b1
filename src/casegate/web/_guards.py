"""Request guards: body size limits, rate limits on writes, CSRF tokens for forms."""

from __future__ import annotations

import hashlib
import hmac
import threading
import time
from collections.abc import Awaitable, Callable
from typing import Any

MAX_BODY = 1 << 20
"""Largest request body accepted (1 MiB): envelopes and objections are small."""


class BodyLimit:
    """ASGI middleware refusing bodies over `limit` bytes with 413 (declared or streamed)."""

    def __init__(self, app: Any, limit: int = MAX_BODY):
        self.app = app
        self.limit = limit

    async def __call__(self, scope: dict[str, Any], receive: Callable[[], Awaitable[dict[str, Any]]],
                       send: Callable[[dict[str, Any]], Awaitable[None]]) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for k, v in scope.get("headers", []):
            if k == b"content-length":
                try:
                    too_big = int(v) > self.limit
                except ValueError:
                    too_big = True
                if too_big:
                    await _reject(send, 413, b'{"detail": "request body too large (limit 1 MiB)"}')
                    return
        seen = 0

        async def limited() -> dict[str, Any]:
            nonlocal seen
            msg = await receive()
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                if seen > self.limit:
                    raise _TooLarge()
            return msg

        try:
            await self.app(scope, limited, send)
        except _TooLarge:
            await _reject(send, 413, b'{"detail": "request body too large (limit 1 MiB)"}')


class _TooLarge(Exception):
    pass


async def _reject(send: Callable[[dict[str, Any]], Awaitable[None]], status: int, body: bytes) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


class RateLimiter:
    """Token bucket per key (a token id or a client address): `rate` writes per second, `burst` at once."""

    def __init__(self, rate: float = 5.0, burst: int = 20):
        self.rate = rate
        self.burst = burst
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def allow(self, key: str) -> bool:
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(key, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - last) * self.rate)
            if tokens < 1:
                self._buckets[key] = (tokens, now)
                return False
            self._buckets[key] = (tokens - 1, now)
            return True


def csrf_token(secret: bytes, session: str) -> str:
    """The CSRF token bound to a session id (HMAC, so it cannot be forged without the secret)."""
    return hmac.new(secret, b"csrf:" + session.encode(), hashlib.sha256).hexdigest()


def csrf_ok(secret: bytes, session: str | None, presented: str | None) -> bool:
    if not session or not presented:
        return False
    return hmac.compare_digest(csrf_token(secret, session), presented)


def sign_session(secret: bytes, token_id: str) -> str:
    """A session cookie value: token id and an HMAC over it."""
    mac = hmac.new(secret, b"session:" + token_id.encode(), hashlib.sha256).hexdigest()
    return f"{token_id}.{mac}"


def read_session(secret: bytes, value: str | None) -> str | None:
    if not value or "." not in value:
        return None
    tid, mac = value.rsplit(".", 1)
    good = hmac.new(secret, b"session:" + tid.encode(), hashlib.sha256).hexdigest()
    return tid if hmac.compare_digest(good, mac) else None
