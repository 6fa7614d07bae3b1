"""`verify --registry-url`: the state proof fetched from a running review board (a real loopback
server) is checked against the deployer's trust root; a board that cannot vouch, or cannot be
reached, never lets the deploy verify."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

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


def _verify(board: BoardFixture, bundle: Path, url: str, root: Path, token: str,
            at: dt.datetime | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, CASEGATE_BOARD_TOKEN=token)
    env.pop("CASEGATE_DATABASE_URL", None)
    if at is not None:
        env["TESTS_STORY_CLOCK"] = story_clock_at(at)  # the deploy is judged on the story's day
    return subprocess.run([sys.executable, "-m", "casegate", "verify", "--bundle", str(bundle),
                           "--model-digest", MODEL_DIGEST, "--boundary", "api", "--keyring", "keys/keyring.yaml",
                           "--access", "self-serve", "--region", "US", *RATE_LIMITS, "--at", at.strftime("%Y-%m-%dT%H:%M:%SZ") if at else "2026-12-01",
                           "--trust-root", str(root), "--registry-url", url],
                          cwd=board.case_dir, capture_output=True, text=True, env=env, timeout=120)


def _sign_fresh(board: BoardFixture, log_key: Path) -> None:
    """The board holds the log's checkpoint key, as `casegate serve --log-key` gives it."""
    from casegate.store import load_private_key

    board.client.app.state.board.log_key = load_private_key(log_key)  # type: ignore[attr-defined]


def test_verify_with_the_board_state_proof(board: BoardFixture, tmp_path: Path) -> None:
    bundle = approve(board)
    t = make_trust(tmp_path / "root", policy=board.case_dir / "policy.yaml",
                   keyring=board.case_dir / "keys" / "keyring.yaml")
    _sign_fresh(board, t.log_key)
    with serve(board.client.app) as base:
        # no checkpoint yet: the board cannot vouch for the state
        r = _verify(board, bundle, base, t.dir, board.tokens["rso"])
        assert r.returncode == 1, r.stdout + r.stderr
        assert "the registry has no signed checkpoint" in r.stderr
        # signed on the story's day: `verify` judges no earlier than the checkpoint proving the state
        _heard(board)
        t.checkpoint(board.database_url, at=dt.datetime(2026, 12, 1, tzinfo=dt.UTC))
        r = _verify(board, bundle, base, t.dir, board.tokens["rso"], at=AT)
        assert r.returncode == DEMO_EXIT, r.stdout + r.stderr
        assert "state proven by the log at size" in r.stderr
        r = _verify(board, bundle, base, t.dir, "not-a-token")
        assert r.returncode == 3 and "wants a token" in r.stderr
    r = _verify(board, bundle, base, t.dir, board.tokens["rso"])  # the board is gone
    assert r.returncode == 3 and "cannot reach the review board" in r.stderr


def test_a_board_that_leaves_the_reopening_out_of_its_proof_never_verifies(
        board: BoardFixture, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A board the lab runs serves the real checkpoint and every entry but the reopening: each
    entry is in the log, so only a completeness check refuses it."""
    from casegate.monitor import act
    from casegate.monitor._states import CaseState
    from casegate.store import open_registry

    bundle = approve(board)
    t = make_trust(tmp_path / "root", policy=board.case_dir / "policy.yaml",
                   keyring=board.case_dir / "keys" / "keyring.yaml")
    _sign_fresh(board, t.log_key)
    with open_registry(board.database_url) as reg:
        act(reg, board.case_id, CaseState.reopened, role="rso", reason="cyber incident")
    t.checkpoint(board.database_url)
    reg = board.client.app.state.board.registry
    honest = reg.state_proof

    def without_the_reopening(case_id: str) -> tuple[dict[str, Any] | None, list[str]]:
        proof, problems = honest(case_id)
        assert proof is not None and not problems, problems
        proof["entries"] = [e for e in proof["entries"] if e["payload"].get("to") != "reopened"]
        return proof, []

    with serve(board.client.app) as base:
        r = _verify(board, bundle, base, t.dir, board.tokens["rso"])
        assert r.returncode == 1 and "is reopened" in r.stderr, r.stdout + r.stderr
        monkeypatch.setattr(reg, "state_proof", without_the_reopening)
        r = _verify(board, bundle, base, t.dir, board.tokens["rso"])
    assert r.returncode == 1, r.stdout + r.stderr
    assert "an entry was left out" in r.stderr, r.stderr
