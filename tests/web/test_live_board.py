"""A live board (uvicorn on loopback, SQLite and PostgreSQL): a token revoked, a key revoked in
the keyring, or a keyring that no longer reads takes effect on the next request, without a
restart. Nothing is recorded for a refused request."""

from __future__ import annotations

import json
import shutil
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from casegate.sign import load_keyring, revoke_key, save_keyring
from casegate.web import Settings, TokenStore, create_app

from .browser import serve
from .conftest import KEYRING, BoardFixture, build_board, objection_env

CASE = "atlas-2-api"


class Live:
    def __init__(self, tmp: Path, database_url: str):
        self.fixture: BoardFixture = build_board(tmp / "b", database_url)
        self.ring = tmp / "keyring.yaml"
        shutil.copyfile(KEYRING, self.ring)
        self.tokens = tmp / "live-tokens.json"
        store = TokenStore(self.tokens)
        self.ids: dict[str, str] = {}
        self.secrets: dict[str, str] = {}
        for name, person, roles in (("rso", "Sam Whitfield", ["rso"]), ("dana", "Dana Ortiz", ["safety-lead"])):
            self.ids[name], self.secrets[name] = store.create(person, roles)
        self.app = create_app(Settings(database_url=database_url, keyring=self.ring, tokens=self.tokens,
                                       secret=b"live", write_rate=50.0, write_burst=50))

    def call(self, base: str, path: str, who: str, body: Any = None) -> int:
        req = urllib.request.Request(base + path, method="POST" if body is not None else "GET",
                                     data=json.dumps(body).encode() if body is not None else None,
                                     headers={"Authorization": f"Bearer {self.secrets[who]}",
                                              "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=30) as r:  # noqa: S310 - loopback test server
                return int(r.status)
        except urllib.error.HTTPError as e:
            return int(e.code)

    def events(self, base: str) -> int:
        req = urllib.request.Request(f"{base}/api/v1/cases/{CASE}/events",
                                     headers={"Authorization": f"Bearer {self.secrets['rso']}"})
        with urllib.request.urlopen(req, timeout=30) as r:  # noqa: S310
            return len(json.loads(r.read()))


@pytest.fixture
def live(tmp_path: Path, database_url: str) -> Live:
    return Live(tmp_path, database_url)


def test_a_token_revoked_while_the_board_runs_is_refused_on_the_next_request(live: Live) -> None:
    with serve(live.app) as base:
        assert live.call(base, "/api/v1/cases", "rso") == 200
        TokenStore(live.tokens).revoke(live.ids["rso"])  # `casegate token revoke`, another process
        assert live.call(base, "/api/v1/cases", "rso") == 401
        assert live.call(base, "/api/v1/cases", "dana") == 200  # the others are untouched


def test_a_key_revoked_while_the_board_runs_cannot_sign_on_the_next_request(live: Live) -> None:
    objection = {"envelope": objection_env(live.fixture, "Dana Ortiz", "safety-lead", "First objection, before.")}
    later = {"envelope": objection_env(live.fixture, "Dana Ortiz", "safety-lead", "Second objection, after.",
                                       oid="O-2")}
    with serve(live.app) as base:
        assert live.call(base, f"/api/v1/cases/{CASE}/objections", "dana", objection) == 201
        ring = load_keyring(live.ring)
        dana = next(k for k in ring.keys if k.person == "Dana Ortiz")
        save_keyring(revoke_key(ring, dana.keyid, at="2026-01-01", reason="laptop stolen"), live.ring)
        before = live.events(base)
        assert live.call(base, f"/api/v1/cases/{CASE}/objections", "dana", later) in (403, 422)
        assert live.events(base) == before


def test_a_keyring_that_no_longer_reads_lets_nobody_sign(live: Live) -> None:
    objection = {"envelope": objection_env(live.fixture, "Dana Ortiz", "safety-lead", "An objection to record.")}
    with serve(live.app) as base:
        live.ring.write_text("casegate: 2\nkind: keyring\nname: [broken\n")
        before = live.events(base)
        assert live.call(base, f"/api/v1/cases/{CASE}/objections", "dana", objection) in (403, 409)
        assert live.events(base) == before
        shutil.copyfile(KEYRING, live.ring)  # fixed: it counts again, still without a restart
        assert live.call(base, f"/api/v1/cases/{CASE}/objections", "dana", objection) == 201
