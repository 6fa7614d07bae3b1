"""A key revoked in the registry's log stops acting on the board, whatever the keyring file says.

The board reads its keyring file and, before, judged roles by it alone: `casegate keys revoke
--db` against another copy of the keyring (the lab's release engineer keeps the board's file as it
was) left the revoked holder acting in their role on the board, reporting incidents, running the
gate and having sign-offs accepted, until someone edited the board's file. The board now applies
every revocation the log records, as `verify` and `triggers run` do."""

from __future__ import annotations

import shutil
from pathlib import Path

from casegate.sign import load_keyring
from casegate.store import open_registry

from .conftest import KEYRING, BoardFixture, cli

CASE = "atlas-2-api"
INCIDENT = {"date": "2026-12-01", "description": "A jailbreak write-up was posted publicly.",
            "severity": "low", "domain": "cyber", "deployer": "Acme", "developer": "Acme",
            "harmed": ["nobody identified"]}


def _token(board: BoardFixture, person: str, roles: list[str]) -> dict[str, str]:
    from casegate.web import TokenStore

    return {"Authorization": "Bearer " + TokenStore(board.case_dir.parent / "tokens.json").create(person, roles)[1]}


def _incidents(board: BoardFixture) -> int:
    reg = open_registry(board.database_url)
    try:
        return len(reg.events(case_id=CASE, kind="incident"))
    finally:
        reg.close()


def test_a_key_revoked_in_the_log_no_longer_acts_on_the_board(board: BoardFixture, tmp_path: Path) -> None:
    h = _token(board, "Dana Ortiz", ["safety-lead"])
    r = board.client.post(f"/api/v1/cases/{CASE}/incidents", json=INCIDENT, headers=h)
    assert r.status_code == 201, r.text  # the key counts: Dana acts as safety-lead
    before = KEYRING.read_bytes()
    copy = tmp_path / "keyring.yaml"
    shutil.copy(KEYRING, copy)
    dana = next(k.keyid for k in load_keyring(copy).keys if k.person == "Dana Ortiz")
    r = cli("keys", "revoke", str(copy), dana, "--reason", "laptop stolen", "--db", board.database_url, cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    assert KEYRING.read_bytes() == before  # the board's keyring file is unchanged
    n = _incidents(board)
    r = board.client.post(f"/api/v1/cases/{CASE}/incidents", json=INCIDENT, headers=h)
    assert r.status_code == 403 and "keyring does not give" in r.json()["detail"], r.text
    r = board.client.post(f"/api/v1/cases/{CASE}/gate", headers=h)
    assert r.status_code == 403, r.text
    assert _incidents(board) == n
    # someone else's key still counts
    r = board.client.post(f"/api/v1/cases/{CASE}/incidents", json=INCIDENT,
                          headers=_token(board, "Sam Whitfield", ["rso"]))
    assert r.status_code == 201, r.text
