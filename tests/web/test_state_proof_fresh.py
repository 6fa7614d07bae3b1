"""`verify --registry-url` sends a fresh nonce, and the board signs it, with the log key, into the
state proof it serves: an answer recorded before the case was reopened, replayed by whoever stands
between the deploy pipeline and the board, is refused, though its checkpoint is genuine and within
the trust root's age."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from fastapi import FastAPI

from casegate.monitor import act
from casegate.monitor._states import CaseState
from casegate.store import load_private_key, open_registry
from tests.verify.trusted import make_trust

from .browser import serve
from .conftest import BoardFixture, approve
from .test_state_proof_api import _verify

NONCE = "a" * 32


def _replaying(recorded: dict[str, Any]) -> FastAPI:
    """A server answering every state proof request with the answer it recorded."""
    app = FastAPI()

    @app.get("/api/v1/cases/{case_id}/state-proof")
    def replay(case_id: str) -> dict[str, Any]:
        return recorded

    return app


def test_an_answer_recorded_before_the_reopening_and_replayed_does_not_verify(board: BoardFixture,
                                                                               tmp_path: Path) -> None:
    bundle = approve(board)
    t = make_trust(tmp_path / "root", policy=board.case_dir / "policy.yaml",
                   keyring=board.case_dir / "keys" / "keyring.yaml")
    board.client.app.state.board.log_key = load_private_key(t.log_key)  # type: ignore[attr-defined]
    t.checkpoint(board.database_url, at=dt.datetime(2026, 12, 1, tzinfo=dt.UTC))
    url = f"/api/v1/cases/{board.case_id}/state-proof"
    # an old client asks without a nonce and gets the proof as before
    plain = board.client.get(url, headers=board.auth("rso"))
    assert plain.status_code == 200 and plain.json().get("freshness") is None, plain.text
    assert board.client.get(url + "?nonce=short", headers=board.auth("rso")).status_code == 400
    # the answer the board gave while the case was approved, kept by the lab's proxy
    recorded = board.client.get(f"{url}?nonce={NONCE}", headers=board.auth("rso")).json()
    assert recorded["freshness"].startswith("casegate-fresh ")
    with serve(_replaying(recorded)) as base:
        r = _verify(board, bundle, base, t.dir, board.tokens["rso"])
    assert r.returncode == 1 and "names another case or nonce" in r.stderr, r.stdout + r.stderr
    with open_registry(board.database_url) as reg:
        act(reg, board.case_id, CaseState.reopened, role="rso", reason="cyber incident")
    t.checkpoint(board.database_url, at=dt.datetime(2026, 12, 1, 0, 1, tzinfo=dt.UTC))
    with serve(board.client.app) as base:
        r = _verify(board, bundle, base, t.dir, board.tokens["rso"])
    assert r.returncode == 1 and "is reopened" in r.stderr, r.stdout + r.stderr
    # replayed whole, or with its fresh signature left out, the approved answer is refused
    for answer, said in ((recorded, "names another case or nonce"),
                         ({k: v for k, v in recorded.items() if k != "freshness"}, "carries no fresh signature")):
        with serve(_replaying(answer)) as base:
            r = _verify(board, bundle, base, t.dir, board.tokens["rso"])
        assert r.returncode == 1 and said in r.stderr and "is reopened" not in r.stderr, r.stdout + r.stderr


def test_a_board_without_the_log_key_fails_closed(board: BoardFixture, tmp_path: Path) -> None:
    bundle = approve(board)
    t = make_trust(tmp_path / "root", policy=board.case_dir / "policy.yaml",
                   keyring=board.case_dir / "keys" / "keyring.yaml")
    t.checkpoint(board.database_url, at=dt.datetime(2026, 12, 1, tzinfo=dt.UTC))
    with serve(board.client.app) as base:
        r = _verify(board, bundle, base, t.dir, board.tokens["rso"])
        assert r.returncode == 1 and "signs no fresh answers" in r.stderr, r.stdout + r.stderr
        # nor does a key other than the one that signs the checkpoints sign fresh answers
        other = make_trust(tmp_path / "other", policy=board.case_dir / "policy.yaml",
                           keyring=board.case_dir / "keys" / "keyring.yaml")
        board.client.app.state.board.log_key = load_private_key(other.log_key)  # type: ignore[attr-defined]
        r = _verify(board, bundle, base, t.dir, board.tokens["rso"])
        assert r.returncode == 1 and "did not sign the log's latest checkpoint" in r.stderr, r.stdout + r.stderr
