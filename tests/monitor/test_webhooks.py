"""Webhooks against a real receiver on loopback: signatures verify (and a tampered body, a wrong
secret or a stale timestamp do not), failures are retried with backoff, every attempt is in the
delivery log on SQLite and PostgreSQL, delivered events are not sent twice, Slack payloads."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from casegate.errors import InputError, VerificationError
from casegate.monitor import (
    SIGNATURE_HEADER,
    WebhookConfig,
    load_webhooks,
    send_events,
    sign_body,
    verify_signature,
)
from casegate.store import deliveries, open_registry

SECRET = "s3cret-for-tests"


class Receiver:
    """A loopback HTTP server that answers with the queued statuses (then 200) and keeps every
    request it got."""

    def __init__(self, statuses: list[int] | None = None) -> None:
        self.statuses = list(statuses or [])
        self.got: list[tuple[dict[str, str], bytes]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                outer.got.append(({k: v for k, v in self.headers.items()}, body))
                status = outer.statuses.pop(0) if outer.statuses else 200
                self.send_response(status)
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver():
    r = Receiver()
    yield r
    r.close()


def config(url: str, **kw: Any) -> WebhookConfig:
    hook = {"name": "ops", "url": url, "secret_env": "HOOK_SECRET", "events": ["trigger", "decision", "objection"],
            "backoff_seconds": 0.01, **kw}
    return WebhookConfig.model_validate({"casegate": 1, "kind": "webhooks", "hooks": [hook]})


def seed(reg: Any) -> None:
    reg.record("decision", "atlas", {"version": 1, "outcome": "GO", "boundary": "api", "record": {"x": 1},
                                     "record_sha256": "0" * 64, "bundle": None})
    reg.record("objection", "atlas", {"version": 1, "role": "rso", "person": "Sam", "reason": "why",
                                      "envelope": None, "status": "open", "via": "cli"})
    reg.record("trigger-fired", "atlas", {"trigger": "T1", "action": "restrict", "to": "trusted-access",
                                          "reason": "incident I-3", "cause": "I-3"})
    reg.record("publication", "atlas", {"version": 1, "summary": {}, "summary_sha256": "0" * 64})


def test_events_are_signed_and_logged(database_url: str, receiver: Receiver) -> None:
    env = {"HOOK_SECRET": SECRET}
    with open_registry(database_url) as reg:
        seed(reg)
        rep = send_events(reg, config(receiver.url), env=env)
        assert [i for _, i in rep.delivered] == [0, 1, 2] and not rep.failed  # publication not asked for
        kinds = []
        for headers, body in receiver.got:
            verify_signature(SECRET.encode(), headers[SIGNATURE_HEADER], body)
            doc = json.loads(body)
            kinds.append(doc["event"])
            assert doc["case"] == "atlas" and headers["Casegate-Event"] == doc["event"]
        assert kinds == ["decision", "objection", "trigger-fired"]
        first = json.loads(receiver.got[0][1])
        assert first["payload"]["record"] == "(omitted; read log entry)" and first["log_index"] == 0
        log = deliveries(reg, hook="ops")
        assert [(d.event_index, d.attempt, d.status, d.delivered) for d in log] == [
            (0, 1, 200, True), (1, 1, 200, True), (2, 1, 200, True)]
        # a second run sends nothing again
        assert send_events(reg, config(receiver.url), env=env).delivered == []
        assert len(receiver.got) == 3
        reg.record("objection-answer", "atlas", {"objection": 1, "role": "rso", "person": "Sam"})
        assert [i for _, i in send_events(reg, config(receiver.url), env=env).delivered] == [4]


def test_signature_checks_fail_closed() -> None:
    body = b'{"a":1}'
    now = int(time.time())
    header = sign_body(SECRET.encode(), body, now)
    verify_signature(SECRET.encode(), header, body)
    with pytest.raises(VerificationError, match="does not match"):
        verify_signature(SECRET.encode(), header, body + b" ")
    with pytest.raises(VerificationError, match="does not match"):
        verify_signature(b"other", header, body)
    with pytest.raises(VerificationError, match="replay window"):
        verify_signature(SECRET.encode(), sign_body(SECRET.encode(), body, now - 301), body)
    with pytest.raises(VerificationError, match="malformed"):
        verify_signature(SECRET.encode(), "v1=abc", body)


def test_retries_with_backoff_then_gives_up(database_url: str) -> None:
    r = Receiver([503, 500, 200])
    waits: list[float] = []
    try:
        with open_registry(database_url) as reg:
            reg.record("decision", "atlas", {"version": 1, "outcome": "NO-GO", "boundary": "api", "record": None,
                                             "record_sha256": "0" * 64, "bundle": None})
            rep = send_events(reg, config(r.url, events=["decision"], backoff_seconds=0.5), env={"HOOK_SECRET": SECRET},
                              sleep=waits.append)
            assert rep.delivered == [("ops", 0)] and waits == [0.5, 1.0]
            assert [(d.attempt, d.status, d.delivered) for d in deliveries(reg)] == [
                (1, 503, False), (2, 500, False), (3, 200, True)]
        # a 4xx is not retried; an unreachable receiver fails after max_attempts
        r.statuses = [400]
        with open_registry(database_url) as reg:
            reg.record("decision", "b", {"version": 1, "outcome": "GO", "boundary": "api", "record": None,
                                         "record_sha256": "0" * 64, "bundle": None})
            rep = send_events(reg, config(r.url, events=["decision"]), env={"HOOK_SECRET": SECRET}, sleep=waits.append)
            assert rep.failed == [("ops", 1, "HTTP 400")]
            dead = config("http://127.0.0.1:9/nothing", events=["decision"], max_attempts=2, timeout_seconds=2)
            rep = send_events(reg, dead, env={"HOOK_SECRET": SECRET}, sleep=lambda s: None)
            assert len(rep.failed) == 1 and "ConnectError" in rep.failed[0][2]  # event 0 went out already
            assert sum(1 for d in deliveries(reg, case_id="b") if not d.delivered) == 1 + 2
    finally:
        r.close()


def test_filters_slack_and_missing_secret(database_url: str, receiver: Receiver) -> None:
    with open_registry(database_url) as reg:
        seed(reg)
        reg.record("decision", "other", {"version": 1, "outcome": "GO", "boundary": "api", "record": None,
                                         "record_sha256": "0" * 64, "bundle": None})
        rep = send_events(reg, config(receiver.url, format="slack", cases=["atlas"], events=["trigger"]),
                          env={"HOOK_SECRET": SECRET})
        assert rep.delivered == [("ops", 2)]
        msg = json.loads(receiver.got[0][1])
        assert msg["text"].startswith("casegate: case atlas: trigger T1 fired: restrict to trusted-access")
        assert msg["blocks"][0]["type"] == "section"
        rep = send_events(reg, config(receiver.url, name="x"), env={})
        assert rep.skipped == ["x: $HOOK_SECRET is not set; nothing sent"] and rep.delivered == []
        rep = send_events(reg, config(receiver.url, policies=["builtin:nothing"]), env={"HOOK_SECRET": SECRET})
        assert rep.delivered == []  # no case version uses that policy


def test_webhooks_file_errors_name_the_field(tmp_path: Path) -> None:
    p = tmp_path / "hooks.yaml"
    p.write_text("casegate: 1\nkind: webhooks\nhooks:\n  - name: ops\n    url: ftp://x\n    secret_env: S\n"
                 "    events: [trigger]\n")
    with pytest.raises(InputError) as ei:
        load_webhooks(p)
    assert "hooks.0.url" in ei.value.diagnostics() and "hooks.yaml:5" in ei.value.diagnostics()
    p.write_text("casegate: 1\nkind: webhooks\nhooks:\n  - {name: a, url: 'http://x', secret_env: S, events: [decision]}\n")
    assert load_webhooks(p).hooks[0].events == ["decision"]


def test_cli_notify_send_and_log(tmp_path: Path, receiver: Receiver) -> None:
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    db = f"sqlite:///{tmp_path / 'registry.db'}"
    with open_registry(db) as reg:
        seed(reg)
    hooks = tmp_path / "hooks.yaml"
    hooks.write_text(f"casegate: 1\nkind: webhooks\nhooks:\n  - name: ops\n    url: {receiver.url}\n"
                     "    secret_env: HOOK_SECRET\n    events: [decision, trigger]\n")
    env = {**os.environ, "PYTHONPATH": str(root / "src"), "HOOK_SECRET": SECRET}

    def cg(*args: str, **extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "casegate", *args], capture_output=True, text=True,
                              env={**env, **extra})

    r = cg("notify", "send", "--webhooks", str(hooks), "--db", db)
    assert r.returncode == 0, r.stderr
    assert "delivered log entry 0 to ops" in r.stdout and "2 delivered, 0 failed" in r.stdout
    r = cg("notify", "log", "--db", db)
    assert r.returncode == 0 and r.stdout.count("delivered") == 2
    r = cg("notify", "send", "--webhooks", str(hooks), "--db", db, HOOK_SECRET="")
    assert r.returncode == 1 and "skipped ops: $HOOK_SECRET is not set" in r.stderr
