"""The authorization matrix: each kind of user is refused exactly what they may not do."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import BoardFixture, sign_in

CASE = "atlas-2-api"

READS = ["/api/v1/cases", f"/api/v1/cases/{CASE}", f"/api/v1/cases/{CASE}/versions",
         f"/api/v1/cases/{CASE}/findings", f"/api/v1/cases/{CASE}/evidence", f"/api/v1/cases/{CASE}/events"]
PUBLIC = ["/api/v1/public/cases", "/api/v1/log/checkpoint", "/public", "/public/log", "/openapi.json"]

OBJECTION = {"role": "external-evaluator", "reason": "The CTF suite under-samples web exploitation."}
INCIDENT = {"date": "2026-12-01", "description": "Ransomware crew used the API to build an exploit.",
            "severity": "high", "domain": "cyber"}

# user -> expected status for each write; "public" is no token at all
MATRIX: dict[str, dict[str, int]] = {
    "public":      {"read": 401, "object-own-role": 401, "object-other-role": 401, "incident": 401, "gate": 401},
    "author":      {"read": 200, "object-own-role": 403, "object-other-role": 403, "incident": 403, "gate": 403},
    "safety-lead": {"read": 200, "object-own-role": 201, "object-other-role": 403, "incident": 201, "gate": 200},
    "external":    {"read": 200, "object-own-role": 201, "object-other-role": 403, "incident": 201, "gate": 200},
    "impostor":    {"read": 200, "object-own-role": 403, "object-other-role": 403, "incident": 201, "gate": 200},
}
OWN_ROLE = {"public": "rso", "author": "author", "safety-lead": "safety-lead", "external": "external-evaluator",
            "impostor": "rso"}


@pytest.mark.parametrize("user", list(MATRIX))
def test_authorization_matrix(board: BoardFixture, user: str) -> None:
    c, h = board.client, board.auth(user)
    exp = MATRIX[user]
    for url in READS:
        assert c.get(url, headers=h).status_code == exp["read"], (user, url)
    for url in PUBLIC:
        assert c.get(url, headers=h).status_code == 200, (user, url)
    own: dict[str, Any] = {"role": OWN_ROLE[user], "reason": "A reason long enough."}
    assert c.post(f"/api/v1/cases/{CASE}/objections", json=own, headers=h).status_code == exp["object-own-role"], user
    other = {"role": "rso" if user != "rso" else "safety-lead", "reason": "Acting in a role not held."}
    assert c.post(f"/api/v1/cases/{CASE}/objections", json=other, headers=h).status_code == exp["object-other-role"], user
    assert c.post(f"/api/v1/cases/{CASE}/incidents", json=INCIDENT, headers=h).status_code == exp["incident"], user
    assert c.post(f"/api/v1/cases/{CASE}/gate", headers=h).status_code == exp["gate"], user


def test_every_write_is_a_logged_event(board: BoardFixture) -> None:
    c = board.client
    before = len(c.get(f"/api/v1/cases/{CASE}/events", headers=board.auth("rso")).json())
    r = c.post(f"/api/v1/cases/{CASE}/objections", json=OBJECTION, headers=board.auth("external"))
    assert r.status_code == 201
    events = c.get(f"/api/v1/cases/{CASE}/events", headers=board.auth("rso")).json()
    assert len(events) == before + 1
    assert events[-1]["kind"] == "objection" and events[-1]["payload"]["person"] == "Priya Natarajan"
    assert events[-1]["leaf_hash"] == r.json()["leaf_hash"]


def test_unknown_or_revoked_token_is_refused(board: BoardFixture) -> None:
    assert board.client.get("/api/v1/cases", headers={"Authorization": "Bearer cgt_nope"}).status_code == 401


def test_write_rate_limit(board: BoardFixture) -> None:
    codes = [board.client.post(f"/api/v1/cases/{CASE}/incidents", json=INCIDENT, headers=board.auth("rso")).status_code
             for _ in range(40)]
    assert codes[0] == 201 and 429 in codes


def test_request_size_limit(board: BoardFixture) -> None:
    big = {"role": "external-evaluator", "reason": "x" * (2 << 20)}
    r = board.client.post(f"/api/v1/cases/{CASE}/objections", json=big, headers=board.auth("external"))
    assert r.status_code == 413


def test_form_without_csrf_token_is_refused(board: BoardFixture) -> None:
    c = board.client
    r = sign_in(c, board.tokens["external"])
    assert r.status_code == 303
    r = c.post(f"/cases/{CASE}/review/objection", data={"role": "external-evaluator", "reason": "no csrf"},
               follow_redirects=False)
    assert r.status_code == 403
    page = c.get(f"/cases/{CASE}/review")
    import re

    token = re.search(r'name="csrf" value="([0-9a-f]+)"', page.text)
    assert token
    r = c.post(f"/cases/{CASE}/review/objection",
               data={"role": "external-evaluator", "reason": "with csrf", "csrf": token.group(1)},
               follow_redirects=False)
    assert r.status_code == 303 and "msg=objection" in r.headers["location"]


def test_signed_signoff_upload(board: BoardFixture) -> None:
    """A sign-off envelope made by `casegate sign` is accepted from its signer only."""
    import json

    from casegate.load import load_case
    from casegate.sign import load_keyring, load_signer, sign_case

    from .conftest import KEYRING

    loaded = load_case(board.case_dir / "case.yaml")
    rec = sign_case(loaded, "safety-lead", load_signer(str(board.case_dir / "keys" / "dana-ortiz.key")),
                    load_keyring(KEYRING))
    env = json.loads(rec.path.read_text())
    c = board.client
    assert c.post(f"/api/v1/cases/{CASE}/signoffs", json={"envelope": env}, headers=board.auth("external")).status_code == 403
    assert c.post(f"/api/v1/cases/{CASE}/signoffs", json={"envelope": env}, headers=board.auth("author")).status_code == 403
    ok = c.post(f"/api/v1/cases/{CASE}/signoffs", json={"envelope": env}, headers=board.auth("safety-lead"))
    assert ok.status_code == 201, ok.text
    tampered = json.loads(json.dumps(env))
    tampered["payload"] = tampered["payload"][:-4] + ("AAAA" if not tampered["payload"].endswith("AAAA") else "BBBB")
    bad = c.post(f"/api/v1/cases/{CASE}/signoffs", json={"envelope": tampered}, headers=board.auth("safety-lead"))
    assert bad.status_code in (403, 422)


def test_an_objection_is_answered_by_someone_else(board: BoardFixture) -> None:
    c = board.client
    r = c.post(f"/api/v1/cases/{CASE}/objections", json=OBJECTION, headers=board.auth("external"))
    index = r.json()["index"]
    answer = {"role": "external-evaluator", "answer": "Answering my own objection."}
    own = c.post(f"/api/v1/cases/{CASE}/objections/{index}/answer", json=answer, headers=board.auth("external"))
    assert own.status_code == 403
    by_author = c.post(f"/api/v1/cases/{CASE}/objections/{index}/answer",
                       json={"role": "author", "answer": "Authors cannot answer."}, headers=board.auth("author"))
    assert by_author.status_code == 403
    ok = c.post(f"/api/v1/cases/{CASE}/objections/{index}/answer",
                json={"role": "rso", "answer": "Cloud targets were added to the suite in version 2."},
                headers=board.auth("rso"))
    assert ok.status_code == 201
    again = c.post(f"/api/v1/cases/{CASE}/objections/{index}/answer",
                   json={"role": "rso", "answer": "Answered twice."}, headers=board.auth("rso"))
    assert again.status_code == 404  # no longer open
    from casegate.store import open_objections, open_registry

    reg = open_registry(board.database_url)
    try:
        assert [e.index for e in open_objections(reg, CASE)] == []
    finally:
        reg.close()
