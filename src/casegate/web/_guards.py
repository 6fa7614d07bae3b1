"""Request guards: body size limits, rate limits on writes, CSRF tokens for forms."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
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
            # a client that stops sending half-way is not waited for without end
            try:
                msg = await asyncio.wait_for(receive(), BODY_TIMEOUT)
            except TimeoutError:
                raise _TooSlow() from None
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                if seen > self.limit:
                    raise _TooLarge()
            return msg

        is_json = any(k == b"content-type" and b"json" in v.lower() for k, v in scope.get("headers", []))
        downstream = limited
        try:
            if is_json and scope.get("method") in ("POST", "PUT", "PATCH"):
                # JSON bodies are read whole (they are small) and their nesting checked before
                # any parser recurses into them
                chunks: list[bytes] = []
                while True:
                    msg = await limited()
                    if msg["type"] != "http.request":
                        break
                    chunks.append(msg.get("body", b""))
                    if not msg.get("more_body"):
                        break
                body = b"".join(chunks)
                from ..limits import current_limits, json_too_deep

                if json_too_deep(body, current_limits().depth):
                    await _reject(send, 400, b'{"detail": "the JSON body nests too deep"}')
                    return
                said_twice = _ambiguous_json(body)
                if said_twice is not None:
                    await _reject(send, 400, json.dumps({"detail": said_twice}).encode())
                    return
                replayed = False

                async def replay() -> dict[str, Any]:
                    nonlocal replayed
                    if not replayed:
                        replayed = True
                        return {"type": "http.request", "body": body, "more_body": False}
                    return await receive()

                downstream = replay
            await self.app(scope, downstream, send)
        except _TooLarge:
            await _reject(send, 413, b'{"detail": "request body too large (limit 1 MiB)"}')
        except _TooSlow:
            await _reject(send, 408, b'{"detail": "the request body did not arrive in time"}')


def _ambiguous_json(body: bytes) -> str | None:
    """Why a JSON body would be read one way by the board and another by the next reader: an
    object giving a key twice (the board's parser keeps the last copy, others the first), or NaN
    or an infinity (no JSON at all to most readers). None when it is neither, and when it is not
    JSON: the route's validation says so, naming the field."""
    problems: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        seen: set[str] = set()
        for k, _ in items:
            if k in seen and not problems:
                problems.append(f"the JSON body gives the key {k[:100]!r} twice in one object")
            seen.add(k)
        return dict(items)

    def constant(name: str) -> None:
        if not problems:
            problems.append(f"the JSON body holds {name}, which is not a JSON number")

    try:
        json.loads(body, object_pairs_hook=pairs, parse_constant=constant)
    except (ValueError, RecursionError):
        return None
    return problems[0] if problems else None


class _TooLarge(Exception):
    pass


class _TooSlow(Exception):
    pass


BODY_TIMEOUT = 30.0
"""Seconds the board waits for each part of a request body."""


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


def purpose_key(secret: bytes, purpose: str) -> bytes:
    """A key for one use of the board's secret (CSRF tokens, the sign-in form, flash messages):
    a value made for one use is never valid for another."""
    return hmac.new(secret, b"casegate-board-key:" + purpose.encode(), hashlib.sha256).digest()


def csrf_token(secret: bytes, session_id: str, purpose: str = "csrf") -> str:
    """The CSRF token bound to a session id the board issued and verified (HMAC under the key
    for `purpose`, so it cannot be forged without the secret). Never computed over a value the
    client chose: the page would then sign anything it is sent."""
    return hmac.new(purpose_key(secret, purpose), session_id.encode(), hashlib.sha256).hexdigest()


def same_mac(expected: str, presented: str) -> bool:
    """Whether a value the client presents (a CSRF token, a session cookie's MAC, a flash
    message's signature) is the one the board computed, compared in constant time as UTF-8 bytes.
    `hmac.compare_digest` on two `str` raises TypeError when either holds a character outside
    ASCII, which a form field, query parameter or cookie may: that was a 500 on every route
    checking one."""
    return hmac.compare_digest(expected.encode(), presented.encode("utf-8", "surrogatepass"))


def csrf_ok(secret: bytes, session_id: str | None, presented: str | None, purpose: str = "csrf") -> bool:
    if not session_id or not presented:
        return False
    return same_mac(csrf_token(secret, session_id, purpose), presented)


def flash_sig(secret: bytes, kind: str, text: str) -> str:
    """The signature of a message the board shows after a form (its own key: no CSRF token or
    other value the board prints is ever a valid flash signature)."""
    msg = kind.encode() + b"\x00" + text.encode()
    return hmac.new(purpose_key(secret, "flash"), msg, hashlib.sha256).hexdigest()[:32]


def sign_session(secret: bytes, token_id: str) -> str:
    """A session cookie value: token id and an HMAC over it."""
    mac = hmac.new(secret, b"session:" + token_id.encode(), hashlib.sha256).hexdigest()
    return f"{token_id}.{mac}"


def read_session(secret: bytes, value: str | None) -> str | None:
    if not value or "." not in value:
        return None
    tid, mac = value.rsplit(".", 1)
    good = hmac.new(secret, b"session:" + tid.encode(), hashlib.sha256).hexdigest()
    return tid if same_mac(good, mac) else None


# ------------------------------------------------------------------------------ headers

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; "
    "frame-ancestors 'none'"
)
"""No inline or third-party script anywhere on the board (inline style attributes stay allowed:
they cannot run code); no page may be framed (clickjacking)."""

_SECURITY_HEADERS = [
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class SecurityHeaders:
    """ASGI middleware adding the security headers to every response, and `Cache-Control:
    no-store` to everything but static assets (a reviewer's page must not come back from the
    browser's cache after sign-out)."""

    def __init__(self, app: Any):
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Callable[[], Awaitable[dict[str, Any]]],
                       send: Callable[[dict[str, Any]], Awaitable[None]]) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = str(scope.get("path", ""))
        static = path.startswith("/static/")
        # the log's tiles and checkpoint say how long they may be cached (tiles are immutable)
        own_cache = path.startswith("/public/log/tile/") or path == "/public/log/checkpoint"

        async def with_headers(msg: dict[str, Any]) -> None:
            if msg["type"] == "http.response.start":
                names = {k.lower() for k, _ in msg.get("headers", [])}
                headers = list(msg.get("headers", []))
                headers += [(k, v) for k, v in _SECURITY_HEADERS if k not in names]
                if own_cache and b"cache-control" in names:
                    pass
                elif not static:
                    headers = [(k, v) for k, v in headers if k.lower() != b"cache-control"]
                    headers.append((b"cache-control", b"no-store"))
                msg = {**msg, "headers": headers}
            await send(msg)

        await self.app(scope, receive, with_headers)


def same_origin_path(target: str | None, default: str = "/") -> str:
    """`target` when it is a path on this site, else `default`: never `//host`, `/\\host`, a
    scheme, or anything with control characters (an open redirect after sign-in)."""
    from urllib.parse import urlsplit

    if not target or not target.startswith("/") or target.startswith(("//", "/\\")):
        return default
    if any(ord(c) < 0x20 or c in "\\\x7f" for c in target):
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return default
    return target


# ------------------------------------------------------------------------------ sessions

SESSION_SECONDS = 8 * 3600
"""A board session lasts a working day; signing out ends it on the server at once."""


class SessionStore:
    """Server-side sessions: the cookie carries a random session id (HMAC-signed), the board
    keeps which token it stands for and until when. Signing out deletes the session, so a
    cookie saved before sign-out no longer signs anyone in."""

    def __init__(self, lifetime: int = SESSION_SECONDS):
        self.lifetime = lifetime
        self._sessions: dict[str, tuple[str, float]] = {}
        self._lock = threading.Lock()

    def start(self, token_id: str) -> str:
        import secrets

        sid = secrets.token_urlsafe(32)
        now = time.time()
        with self._lock:
            self._sessions = {k: v for k, v in self._sessions.items() if v[1] > now}
            self._sessions[sid] = (token_id, now + self.lifetime)
        return sid

    def token_of(self, sid: str | None) -> str | None:
        if not sid:
            return None
        with self._lock:
            got = self._sessions.get(sid)
            if got is None:
                return None
            if got[1] <= time.time():
                del self._sessions[sid]
                return None
            return got[0]

    def end(self, sid: str | None) -> None:
        if sid:
            with self._lock:
                self._sessions.pop(sid, None)


# ------------------------------------------------------------------------------ gate runs

GATE_RUN_LIMITS = {
    "rso": "12/minute;120/hour",
    "safety-lead": "12/minute;120/hour",
    "default": "4/minute;30/hour",
}
"""Gate runs per token: a run loads a whole case and writes to the public history, so the
roles that decide get more than other reviewers. Authors and viewers get none."""

class LazyLimiter:
    """A moving-window limiter (`limits` package) over in-memory storage, made at its first use
    (`get`), once, under a lock: limits' `MemoryStorage` starts a timer thread when it is made, so
    one made at import or at app start would run in every process that merely imports the board
    (a calendar test under faketime hung on it)."""

    def __init__(self) -> None:
        self._limiter: Any = None
        self._lock = threading.Lock()

    def peek(self) -> Any:
        """The limiter if it has been made, else None (nothing counted yet)."""
        return self._limiter

    def get(self) -> Any:
        """The limiter, made now if this is its first use."""
        with self._lock:
            if self._limiter is None:
                from limits.storage import MemoryStorage
                from limits.strategies import MovingWindowRateLimiter

                self._limiter = MovingWindowRateLimiter(MemoryStorage())
            return self._limiter


_gate_limiter = LazyLimiter()


def gate_run_allowed(key: str, roles: frozenset[str]) -> bool:
    """Whether one more gate run fits the token's limits (moving windows, `limits` package)."""
    from limits import parse_many

    limiter = _gate_limiter.get()
    role = next((r for r in sorted(roles) if r in GATE_RUN_LIMITS), "default")
    items = parse_many(GATE_RUN_LIMITS[role])
    if not all(limiter.test(item, "gate", key) for item in items):
        return False
    return all([limiter.hit(item, "gate", key) for item in items])


# ------------------------------------------------------------------------------ sign-in guessing

SIGN_IN_FAILURES = "10/minute;100/hour"
"""Failed sign-ins (the form, or a Bearer token the board does not know) allowed from one client
address; past them every sign-in from that address is refused (429), a right token included, until
the window moves on: a guesser learns nothing more from it. Tokens are 256 random bits, so this
bounds the work a guesser makes the board do, not a real chance of a hit."""


class SignInLimit:
    """Failed sign-ins per client address, in moving windows (`limits` package)."""

    def __init__(self, limits: str = SIGN_IN_FAILURES):
        from limits import parse_many

        self._items = parse_many(limits)
        # made at the first failure (see `LazyLimiter`)
        self._limiter = LazyLimiter()

    def blocked(self, address: str) -> bool:
        """Whether the address has used up its failed sign-ins."""
        limiter = self._limiter.peek()
        return limiter is not None and not all(limiter.test(item, "sign-in", address) for item in self._items)

    def failed(self, address: str) -> None:
        """Count one failed sign-in from the address."""
        limiter = self._limiter.get()
        for item in self._items:
            limiter.hit(item, "sign-in", address)
