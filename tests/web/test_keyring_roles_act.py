"""Reporting an incident and running the gate on the board are acts in a reviewer role, and a
role is one both the token and the keyring give the person, as for a sign-off or an objection.
Before, these two endpoints read the token's roles alone: a token naming a role the keyring does
not give its holder (or naming a person the keyring does not know) recorded incidents (which run
the case's triggers) and decisions in the public history, the actor logged with the token's
roles, and a decider's gate-run limit claimed by the token's word."""

from __future__ import annotations

from pathlib import Path

import pytest

from casegate.store import open_registry

from .conftest import BoardFixture

CASE = "atlas-2-api"
INCIDENT = {"date": "2026-12-01", "description": "Ransomware crew used the API to build an exploit.",
            "severity": "high", "domain": "cyber", "deployer": "Acme", "developer": "Acme",
            "harmed": ["a hospital network"]}


def _token(board: BoardFixture, person: str, roles: list[str]) -> dict[str, str]:
    from casegate.web import TokenStore

    return {"Authorization": "Bearer " + TokenStore(board.case_dir.parent / "tokens.json").create(person, roles)[1]}


def _logged(board: BoardFixture, kind: str) -> list[dict]:
    reg = open_registry(board.database_url)
    try:
        return [e.payload for e in reg.events(case_id=CASE, kind=kind)]
    finally:
        reg.close()


@pytest.mark.parametrize("person, roles", [
    ("Dana Ortiz", ["rso"]),                 # the keyring gives Dana safety-lead, not rso
    ("Rex Release", ["safety-lead"]),        # the lab's release engineer: not in the keyring at all
    ("Sam Whitfield", ["head-of-safeguards"]),  # a role the keyring gives someone else
])
def test_a_token_role_the_keyring_does_not_give_neither_reports_nor_runs_the_gate(
        board: BoardFixture, person: str, roles: list[str]) -> None:
    h = _token(board, person, roles)
    decisions = len(_logged(board, "decision"))
    r = board.client.post(f"/api/v1/cases/{CASE}/incidents", json=INCIDENT, headers=h)
    assert r.status_code == 403 and "keyring does not give" in r.json()["detail"], r.text
    r = board.client.post(f"/api/v1/cases/{CASE}/gate", headers=h)
    assert r.status_code == 403 and "keyring does not give" in r.json()["detail"], r.text
    assert _logged(board, "incident") == []
    assert len(_logged(board, "decision")) == decisions


def test_a_token_naming_the_author_role_acts_in_no_other(board: BoardFixture) -> None:
    h = _token(board, "Dana Ortiz", ["author", "safety-lead"])
    assert board.client.post(f"/api/v1/cases/{CASE}/incidents", json=INCIDENT, headers=h).status_code == 403
    assert board.client.post(f"/api/v1/cases/{CASE}/gate", headers=h).status_code == 403


def test_the_gate_run_logs_and_is_limited_by_the_roles_the_keyring_confirms(board: BoardFixture) -> None:
    """Priya is an external evaluator (4 gate runs a minute); her token also claims `rso`, a
    deciding role with 12 a minute. The logged actor names only the confirmed role, and the
    tighter limit holds."""
    h = _token(board, "Priya Natarajan", ["external-evaluator", "rso"])
    r = board.client.post(f"/api/v1/cases/{CASE}/gate", headers=h)
    assert r.status_code == 200, r.text
    assert _logged(board, "decision")[-1]["actor"]["roles"] == ["external-evaluator"]
    codes = [board.client.post(f"/api/v1/cases/{CASE}/gate", headers=h).status_code for _ in range(6)]
    assert codes[:3] == [200, 200, 200] and codes[3:] == [429, 429, 429], codes


def test_a_board_without_a_keyring_lets_nobody_report_or_run_the_gate(tmp_path: Path, database_url: str) -> None:
    from fastapi.testclient import TestClient

    from casegate.web import Settings, TokenStore, create_app

    from .conftest import build_board

    board = build_board(tmp_path, database_url)
    token = TokenStore(tmp_path / "tokens.json").create("Sam Whitfield", ["rso"])[1]
    app = create_app(Settings(database_url=database_url, keyring=None, tokens=tmp_path / "tokens.json",
                              secret=b"test-secret", write_rate=1.0, write_burst=30))
    c, h = TestClient(app), {"Authorization": f"Bearer {token}"}
    assert c.post(f"/api/v1/cases/{CASE}/incidents", json=INCIDENT, headers=h).status_code == 403
    assert c.post(f"/api/v1/cases/{CASE}/gate", headers=h).status_code == 403
    assert _logged(board, "incident") == []
