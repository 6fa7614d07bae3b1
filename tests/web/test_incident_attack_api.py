"""Naming the attack a recorded incident came through on the board, as `casegate incident attack`
does: reviewers only (the roles the keyring confirms), never taking one away."""

from __future__ import annotations

from casegate.store import open_registry

from .conftest import BoardFixture
from .test_incident_api import CASE, INCIDENT, _token


def _named(board: BoardFixture) -> list[dict[str, object]]:
    with open_registry(board.database_url) as reg:
        return [e.payload for e in reg.events(case_id=CASE, kind="incident-attack")]


def test_a_reviewer_names_the_attack_of_an_incident_reported_without_one(board: BoardFixture) -> None:
    r = board.client.post(f"/api/v1/cases/{CASE}/incidents", json=INCIDENT, headers=board.auth("rso"))
    assert r.status_code == 201, r.text
    url = f"/api/v1/cases/{CASE}/incidents/{r.json()['index']}/attacks"
    body = {"attack": "poisoned-readme", "reason": "the crew planted instructions in a README"}
    # viewers and authors may not; nothing is logged
    assert board.client.post(url, json=body, headers=_token(board, "Vic Viewer", ["viewer"])).status_code == 403
    assert board.client.post(url, json=body, headers=board.auth("author")).status_code == 403
    assert board.client.post(url, json={"reason": "neither given"}, headers=board.auth("rso")).status_code == 422
    assert _named(board) == []
    r = board.client.post(url, json=body, headers=board.auth("external"))
    assert r.status_code == 201, r.text
    [named] = _named(board)
    assert named["by"] == "Priya Natarajan" and named["attack"] == "poisoned-readme" and named["from"] == [], named
    # nobody takes it away: none refused, the same attack refused
    r = board.client.post(url, json={"none": True, "reason": "no attack after all"}, headers=board.auth("rso"))
    assert r.status_code == 400 and "a named attack is never taken away" in r.json()["detail"], r.text
    r = board.client.post(url, json=body, headers=board.auth("rso"))
    assert r.status_code == 400 and "names the attack poisoned-readme already" in r.json()["detail"], r.text
    assert len(_named(board)) == 1
