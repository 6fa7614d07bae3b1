"""`verify --registry-url --seen FILE`: a proof under a larger tree than the one kept must come with
the board's consistency proof (`/api/v1/log/consistency`) from the kept tree; a board whose log
showed this verifier another history is refused though its tree is larger (SQLite and PostgreSQL)."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

from fastapi import FastAPI

from casegate.store import load_private_key, open_registry, parse_checkpoint, sign_checkpoint
from casegate.verify._seen import seen_checkpoint
from tests._deploy import RATE_LIMITS
from tests.verify.trusted import DEMO_EXIT, keep_heard, make_trust, story_clock_at

from .browser import serve
from .conftest import MODEL_DIGEST, BoardFixture, approve

AT = dt.datetime(2026, 12, 1, 12, tzinfo=dt.UTC)
"""When the deploy is verified: within a day (the monitors' max_silence) of their last reading."""


def _heard(board: BoardFixture) -> None:
    """The example's monitors read and logged up to the evening of the approval's day, before the
    checkpoint the state proof rests on: a proof of monitors heard within their max_silence."""
    keep_heard(board.database_url, board.case_id, dt.datetime(2026, 11, 30, 12, tzinfo=dt.UTC),
               dt.datetime(2026, 11, 30, 23, tzinfo=dt.UTC), every=dt.timedelta(hours=11))


def _verify(board: BoardFixture, bundle: Path, url: str, root: Path, seen: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, CASEGATE_BOARD_TOKEN=board.tokens["rso"])
    env.pop("CASEGATE_DATABASE_URL", None)
    env["TESTS_STORY_CLOCK"] = story_clock_at(AT)  # the deploy is judged on the story's day
    return subprocess.run([sys.executable, "-m", "casegate", "verify", "--bundle", str(bundle),
                           "--model-digest", MODEL_DIGEST, "--boundary", "api", "--keyring", "keys/keyring.yaml",
                           "--access", "self-serve", "--region", "US", *RATE_LIMITS, "--at", AT.strftime("%Y-%m-%dT%H:%M:%SZ"),
                           "--trust-root", str(root), "--registry-url", url, "--seen", str(seen)],
                          cwd=board.case_dir, capture_output=True, text=True, env=env, timeout=120)


def _grow(board: BoardFixture, checkpoint: object) -> None:
    with open_registry(board.database_url) as reg:
        reg.record("decision", "another-case", {"note": "an entry of another case"})
    checkpoint(board.database_url, at=dt.datetime(2026, 12, 1, 0, 1, tzinfo=dt.UTC))  # type: ignore[operator]


def _latest(board: BoardFixture) -> str:
    with open_registry(board.database_url) as reg:
        return reg.latest_checkpoint() or ""


def test_a_larger_tree_must_extend_the_kept_one(board: BoardFixture, tmp_path: Path) -> None:
    bundle = approve(board)
    t = make_trust(tmp_path / "root", policy=board.case_dir / "policy.yaml",
                   keyring=board.case_dir / "keys" / "keyring.yaml")
    board.client.app.state.board.log_key = load_private_key(t.log_key)  # type: ignore[attr-defined]
    _heard(board)
    t.checkpoint(board.database_url, at=dt.datetime(2026, 12, 1, tzinfo=dt.UTC))
    seen, forked_seen = tmp_path / "seen.json", tmp_path / "forked-seen.json"
    with serve(board.client.app) as base:
        r = _verify(board, bundle, base, t.dir, seen)
        assert r.returncode == DEMO_EXIT, r.stdout + r.stderr
        cp = parse_checkpoint(_latest(board))
        # a verifier to whom the log key showed a tree of this size with another history
        forked = sign_checkpoint(cp.origin, cp.tree_size, bytes(32), load_private_key(t.log_key),
                                 extensions=cp.extensions)
        assert seen_checkpoint(forked_seen, forked, cp.origin) == []
        _grow(board, t.checkpoint)
        size = parse_checkpoint(_latest(board)).tree_size
        r = _verify(board, bundle, base, t.dir, seen)  # the board proves the larger tree extends the kept one
        assert r.returncode == DEMO_EXIT, r.stdout + r.stderr
        assert json.loads(seen.read_text())["tree_size"] == size
        r = _verify(board, bundle, base, t.dir, forked_seen)
        assert r.returncode == 1, r.stdout + r.stderr
        assert f"is not proven to extend the one this verifier has seen (size {cp.tree_size}" in r.stderr, r.stderr
        assert "the log shows two histories" in r.stderr
    # a board that serves (fresh) state proofs but no consistency proof: not verified
    bare = FastAPI()

    @bare.get("/api/v1/cases/{case_id}/state-proof")
    def proof(case_id: str, nonce: str) -> dict[str, object]:
        return dict(board.client.get(f"/api/v1/cases/{case_id}/state-proof?nonce={nonce}",
                                     headers=board.auth("rso")).json())

    old = tmp_path / "old-seen.json"
    assert seen_checkpoint(old, cp, cp.origin) == []
    with serve(bare) as base:
        r = _verify(board, bundle, base, t.dir, old)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "no consistency proof could be had" in r.stderr and "answered 404" in r.stderr, r.stderr
