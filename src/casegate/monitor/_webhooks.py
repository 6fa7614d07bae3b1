"""Webhooks: registry events (trigger actions, decisions, objections, state changes) sent as
signed JSON to the receivers a deployer configures, with retries, and every attempt kept in the
registry's delivery log.

Signature: header `Casegate-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>." + body)>`.
A receiver recomputes the HMAC over the exact body bytes and refuses a timestamp outside its
replay window (`verify_signature`, default 300 seconds)."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import httpx
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..errors import InputError, VerificationError
from ..load import parse_yaml
from ..store import Delivery, LogEntry, Registry, delivered_events, record_delivery

SIGNATURE_HEADER = "Casegate-Signature"
EVENT_HEADER = "Casegate-Event"
REPLAY_WINDOW_SECONDS = 300
"""How old (or how far in the future) a signed timestamp a receiver should accept."""
WEBHOOKS_VERSION = 1

EventClass = Literal["trigger", "decision", "objection", "state"]
EVENT_KINDS: dict[str, tuple[str, ...]] = {
    "trigger": ("trigger-fired",),
    "decision": ("decision",),
    "objection": ("objection", "objection-answer"),
    "state": ("state-change",),
}
"""Which registry log events each event class sends."""


class Webhook(BaseModel):
    """One receiver."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    name: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
    """Names the webhook in the delivery log."""
    url: str = Field(pattern=r"^https?://")
    """Where to POST."""
    secret_env: str
    """Environment variable holding the HMAC secret (never written in the file)."""
    events: list[EventClass] = Field(min_length=1)
    """What to send: trigger (trigger actions), decision, objection (and answers), state."""
    format: Literal["json", "slack"] = "json"
    """json: the casegate payload; slack: a Slack-compatible {"text", "blocks"} message."""
    cases: list[str] = Field(default_factory=list)
    """Only these case ids (empty: every case)."""
    policies: list[str] = Field(default_factory=list)
    """Only cases whose latest version uses one of these policy references (the policy path as
    the case names it, or builtin:NAME); empty: any."""
    max_attempts: int = Field(default=4, ge=1, le=10)
    """Attempts per event before giving up (the failure stays in the log, and the next run
    tries again)."""
    backoff_seconds: float = Field(default=1.0, ge=0)
    """Wait before the second attempt; doubled before each further one."""
    timeout_seconds: float = Field(default=10.0, gt=0)


class WebhookConfig(BaseModel):
    """A webhooks file."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    casegate: Literal[1]
    kind: Literal["webhooks"]
    hooks: list[Webhook]


def load_webhooks(path: Path) -> WebhookConfig:
    """Read a webhooks file; InputError naming the file and the field that is wrong."""
    from ..limits import read_regular_file

    raw = read_regular_file(Path(path), str(path))
    doc = parse_yaml(str(path), raw)
    try:
        cfg = WebhookConfig.model_validate(doc.data)
    except ValidationError as e:
        first = e.errors()[0]
        loc = tuple(first["loc"])
        line, col = doc.locate(loc) if loc else (1, 1)
        raise InputError(f"{'.'.join(str(x) for x in loc) or 'webhooks'}: {first['msg']}",
                         location=f"{path}:{line}:{col}",
                         help="see docs/post-deployment.md, Notifications") from None
    names = [h.name for h in cfg.hooks]
    if len(set(names)) != len(names):
        raise InputError("two webhooks have the same name", location=str(path))
    return cfg


def sign_body(secret: bytes, body: bytes, t: int) -> str:
    """The signature header value for `body` sent at unix time `t`."""
    mac = hmac.new(secret, str(t).encode() + b"." + body, hashlib.sha256).hexdigest()
    return f"t={t},v1={mac}"


def verify_signature(secret: bytes, header: str, body: bytes, *, now: float | None = None,
                     window: int = REPLAY_WINDOW_SECONDS) -> None:
    """Check a received signature header (for receivers, and the tests). Raises
    VerificationError when it is malformed, the HMAC differs, or the timestamp is outside
    `window` seconds of `now`."""
    parts = dict(p.split("=", 1) for p in header.split(",") if "=" in p)
    try:
        t = int(parts["t"])
        got = parts["v1"]
    except (KeyError, ValueError):
        raise VerificationError("malformed Casegate-Signature header") from None
    want = hmac.new(secret, str(t).encode() + b"." + body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(want, got):
        raise VerificationError("the webhook signature does not match the body")
    if abs((time.time() if now is None else now) - t) > window:
        raise VerificationError(f"the webhook timestamp is outside the {window}-second replay window")


def _class_of(kind: str) -> str | None:
    return next((c for c, kinds in EVENT_KINDS.items() if kind in kinds), None)


def event_payload(e: LogEntry) -> dict[str, Any]:
    """The JSON body for one registry event (bulky parts, such as bundles, left out: the log
    index lets the receiver fetch the entry and its inclusion proof)."""
    p = dict(e.payload)
    for bulky in ("bundle", "envelope", "record", "summary"):
        if bulky in p:
            p[bulky] = "(omitted; read log entry)" if p[bulky] is not None else None
    return {"casegate": WEBHOOKS_VERSION, "event": e.kind, "class": _class_of(e.kind),
            "case": e.case_id, "log_index": e.index, "recorded_at": e.recorded_at, "payload": p}


def slack_payload(e: LogEntry) -> dict[str, Any]:
    """A Slack-compatible message (incoming-webhook `text` plus one section block)."""
    p = e.payload
    if e.kind == "trigger-fired":
        what = f"trigger {p.get('trigger')} fired: {p.get('action')}" + (
            f" to {p['to']}" if p.get("to") else "") + f" ({p.get('reason')})"
    elif e.kind == "decision":
        what = f"decision {p.get('outcome')} for boundary {p.get('boundary')} (version {p.get('version')})"
    elif e.kind == "objection":
        what = f"objection by {p.get('person')} ({p.get('role')}): {p.get('reason')}"
    elif e.kind == "objection-answer":
        what = f"objection answered by {p.get('person')} ({p.get('role')})"
    else:
        what = f"{p.get('from')} -> {p.get('to')}"
    text = f"casegate: case {e.case_id}: {what} [log entry {e.index}]"
    return {"text": text, "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": text}}]}


@dataclass
class SendReport:
    """What one run sent."""

    delivered: list[tuple[str, int]] = field(default_factory=list)
    failed: list[tuple[str, int, str]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def _policy_ref(reg: Registry, case_id: str | None, cache: dict[str, str | None]) -> str | None:
    if case_id is None:
        return None
    if case_id not in cache:
        try:
            cache[case_id] = reg.case_version(case_id, contents=False).policy_ref
        except (InputError, LookupError):
            cache[case_id] = None
    return cache[case_id]


def send_events(reg: Registry, cfg: WebhookConfig, *, client: httpx.Client | None = None,
                sleep: Callable[[float], None] = time.sleep,
                env: dict[str, str] | None = None) -> SendReport:
    """Send every registry event each webhook asks for and has not yet received, in log order.
    Each attempt is recorded; a 2xx response delivers; a timeout, connection error, 429 or 5xx
    is retried after `backoff_seconds`, doubling; any other status fails at once. An event that
    failed is tried again on the next run (delivery is at least once: receivers deduplicate by
    `log_index`). A webhook whose secret is not set is skipped, and says so."""
    env = dict(os.environ) if env is None else env
    report = SendReport()
    own = client is None
    http = client or httpx.Client()
    policies: dict[str, str | None] = {}
    try:
        events = reg.events()
        for hook in cfg.hooks:
            secret = env.get(hook.secret_env)
            if not secret:
                report.skipped.append(f"{hook.name}: ${hook.secret_env} is not set; nothing sent")
                continue
            done = delivered_events(reg, hook.name)
            kinds = {k for c in hook.events for k in EVENT_KINDS[c]}
            for e in events:
                if e.kind not in kinds or e.index in done:
                    continue
                if hook.cases and e.case_id not in hook.cases:
                    continue
                if hook.policies and _policy_ref(reg, e.case_id, policies) not in hook.policies:
                    continue
                _deliver(reg, http, hook, secret.encode(), e, report, sleep)
    finally:
        if own:
            http.close()
    return report


def _deliver(reg: Registry, http: httpx.Client, hook: Webhook, secret: bytes, e: LogEntry,
             report: SendReport, sleep: Callable[[float], None]) -> None:
    body = json.dumps(slack_payload(e) if hook.format == "slack" else event_payload(e),
                      sort_keys=True, separators=(",", ":")).encode()
    digest = hashlib.sha256(body).hexdigest()
    wait = hook.backoff_seconds
    last = ""
    for attempt in range(1, hook.max_attempts + 1):
        t = int(time.time())
        status: int | None = None
        error: str | None = None
        try:
            r = http.post(hook.url, content=body, timeout=hook.timeout_seconds,
                          headers={"Content-Type": "application/json", EVENT_HEADER: e.kind,
                                   SIGNATURE_HEADER: sign_body(secret, body, t),
                                   "Casegate-Delivery": f"{hook.name}/{e.index}"})
            status = r.status_code
        except httpx.HTTPError as x:
            error = f"{type(x).__name__}: {x}"
        ok = status is not None and 200 <= status < 300
        record_delivery(reg, Delivery(hook.name, hook.url, e.index, e.kind, e.case_id, attempt, status,
                                      error, ok, digest,
                                      dt.datetime.now(dt.UTC).isoformat().replace("+00:00", "Z")))
        if ok:
            report.delivered.append((hook.name, e.index))
            return
        last = error or f"HTTP {status}"
        retryable = status is None or status == 429 or status >= 500
        if not retryable or attempt == hook.max_attempts:
            break
        sleep(wait)
        wait *= 2
    report.failed.append((hook.name, e.index, last))
