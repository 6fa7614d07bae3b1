"""The authorization matrix: each kind of user is refused exactly what they may not do."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import USERS, BoardFixture, answer_env, objection_env, sign_in

CASE = "atlas-2-api"

READS = ["/api/v1/cases", f"/api/v1/cases/{CASE}", f"/api/v1/cases/{CASE}/versions",
         f"/api/v1/cases/{CASE}/findings", f"/api/v1/cases/{CASE}/evidence", f"/api/v1/cases/{CASE}/events"]
PUBLIC = ["/api/v1/public/cases", "/api/v1/log/checkpoint", "/public", "/public/log", "/openapi.json"]

OBJECTION_REASON = "The CTF suite under-samples web exploitation."
INCIDENT = {"date": "2026-12-01", "description": "Ransomware crew used the API to build an exploit.",
            "severity": "high", "domain": "cyber", "deployer": "Acme", "developer": "Acme",
            "harmed": ["a hospital network"]}

# user -> expected status for each write; "public" is no token at all
MATRIX: dict[str, dict[str, int]] = {
    "public":      {"read": 401, "object-own-role": 401, "object-other-role": 401, "incident": 401, "gate": 401},
    "author":      {"read": 200, "object-own-role": 403, "object-other-role": 403, "incident": 403, "gate": 403},
    "safety-lead": {"read": 200, "object-own-role": 201, "object-other-role": 403, "incident": 201, "gate": 200},
    "external":    {"read": 200, "object-own-role": 201, "object-other-role": 403, "incident": 201, "gate": 200},
    "impostor":    {"read": 200, "object-own-role": 403, "object-other-role": 403, "incident": 403, "gate": 403},
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
    person = USERS[user][0] if user in USERS else "Sam Whitfield"  # the public caller holds a stolen envelope
    own: dict[str, Any] = {"envelope": objection_env(board, person, OWN_ROLE[user], "A reason long enough.")}
    assert c.post(f"/api/v1/cases/{CASE}/objections", json=own, headers=h).status_code == exp["object-own-role"], user
    other = {"envelope": objection_env(board, person, "rso" if user != "rso" else "safety-lead",
                                       "Acting in a role not held.")}
    assert c.post(f"/api/v1/cases/{CASE}/objections", json=other, headers=h).status_code == exp["object-other-role"], user
    assert c.post(f"/api/v1/cases/{CASE}/incidents", json=INCIDENT, headers=h).status_code == exp["incident"], user
    assert c.post(f"/api/v1/cases/{CASE}/gate", headers=h).status_code == exp["gate"], user


def test_every_write_is_a_logged_event(board: BoardFixture) -> None:
    c = board.client
    before = len(c.get(f"/api/v1/cases/{CASE}/events", headers=board.auth("rso")).json())
    r = c.post(f"/api/v1/cases/{CASE}/objections",
               json={"envelope": objection_env(board, "Priya Natarajan", "external-evaluator", OBJECTION_REASON)},
               headers=board.auth("external"))
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
    import json

    env = json.dumps(objection_env(board, "Priya Natarajan", "external-evaluator", "no csrf")).encode()
    r = c.post(f"/cases/{CASE}/review/objection", files={"envelope": ("o.dsse.json", env, "application/json")},
               follow_redirects=False)
    assert r.status_code == 403
    page = c.get(f"/cases/{CASE}/review")
    import re

    token = re.search(r'name="csrf" value="([0-9a-f]+)"', page.text)
    assert token
    r = c.post(f"/cases/{CASE}/review/objection", data={"csrf": token.group(1)},
               files={"envelope": ("o.dsse.json", env, "application/json")}, follow_redirects=False)
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
    objection = objection_env(board, "Priya Natarajan", "external-evaluator", OBJECTION_REASON)
    r = c.post(f"/api/v1/cases/{CASE}/objections", json={"envelope": objection}, headers=board.auth("external"))
    index = r.json()["index"]
    own = c.post(f"/api/v1/cases/{CASE}/objections/{index}/answer",
                 json={"envelope": answer_env(board, "Priya Natarajan", "external-evaluator", objection,
                                              text="Answering my own objection.")}, headers=board.auth("external"))
    assert own.status_code == 403
    by_author = c.post(f"/api/v1/cases/{CASE}/objections/{index}/answer",
                       json={"envelope": answer_env(board, "Mira Chen", "author", objection,
                                                    text="Authors cannot answer.")}, headers=board.auth("author"))
    assert by_author.status_code == 403
    answer = answer_env(board, "Sam Whitfield", "rso", objection,
                        text="Cloud targets were added to the suite in version 2.")
    ok = c.post(f"/api/v1/cases/{CASE}/objections/{index}/answer", json={"envelope": answer}, headers=board.auth("rso"))
    assert ok.status_code == 201, ok.text
    from casegate.store import open_objections, open_registry

    reg = open_registry(board.database_url)
    try:
        assert [e.index for e in open_objections(reg, CASE)] == [index]  # answered, not yet accepted
    finally:
        reg.close()
    # Sam cannot accept his own answer; Priya, the objector, can
    by_answerer = c.post(f"/api/v1/cases/{CASE}/objections/{index}/answer",
                         json={"envelope": answer_env(board, "Sam Whitfield", "rso", objection, kind="accept",
                                                      accepts=answer)}, headers=board.auth("rso"))
    assert by_answerer.status_code == 403
    accepted = c.post(f"/api/v1/cases/{CASE}/objections/{index}/answer",
                      json={"envelope": answer_env(board, "Priya Natarajan", "external-evaluator", objection,
                                                   kind="accept", accepts=answer)}, headers=board.auth("external"))
    assert accepted.status_code == 201, accepted.text
    reg = open_registry(board.database_url)
    try:
        assert [e.index for e in open_objections(reg, CASE)] == []
    finally:
        reg.close()


def test_an_unsigned_objection_or_answer_is_refused(board: BoardFixture) -> None:
    """The old one-call answer: a reviewer posts a role and a text for another's objection. Refused
    (422, nothing logged), as is an unsigned objection."""
    c = board.client
    objection = objection_env(board, "Priya Natarajan", "external-evaluator", OBJECTION_REASON)
    index = c.post(f"/api/v1/cases/{CASE}/objections", json={"envelope": objection},
                   headers=board.auth("external")).json()["index"]
    before = len(c.get(f"/api/v1/cases/{CASE}/events", headers=board.auth("rso")).json())
    r = c.post(f"/api/v1/cases/{CASE}/objections/{index}/answer",
               json={"role": "rso", "answer": "Nothing to see here."}, headers=board.auth("rso"))
    assert r.status_code == 422
    r = c.post(f"/api/v1/cases/{CASE}/objections", json={"role": "rso", "reason": "Unsigned objection."},
               headers=board.auth("rso"))
    assert r.status_code == 422
    assert len(c.get(f"/api/v1/cases/{CASE}/events", headers=board.auth("rso")).json()) == before


def test_an_answer_signed_by_someone_else_or_tampered_is_refused(board: BoardFixture) -> None:
    """Sam's token posting Dana's signed answer; an answer whose text was changed after signing;
    an answer to another objection: each refused, nothing logged."""
    import json

    c = board.client
    objection = objection_env(board, "Priya Natarajan", "external-evaluator", OBJECTION_REASON)
    index = c.post(f"/api/v1/cases/{CASE}/objections", json={"envelope": objection},
                   headers=board.auth("external")).json()["index"]
    before = len(c.get(f"/api/v1/cases/{CASE}/events", headers=board.auth("rso")).json())
    danas = answer_env(board, "Dana Ortiz", "safety-lead", objection, text="Dana's answer, not Sam's.")
    assert c.post(f"/api/v1/cases/{CASE}/objections/{index}/answer", json={"envelope": danas},
                  headers=board.auth("rso")).status_code == 403
    tampered = json.loads(json.dumps(danas))
    tampered["payload"] = tampered["payload"][:-4] + ("AAAA" if not tampered["payload"].endswith("AAAA") else "BBBB")
    assert c.post(f"/api/v1/cases/{CASE}/objections/{index}/answer", json={"envelope": tampered},
                  headers=board.auth("safety-lead")).status_code in (403, 422)
    other = objection_env(board, "Dana Ortiz", "safety-lead", "Another objection.", oid="O-2")
    elsewhere = answer_env(board, "Sam Whitfield", "rso", other, text="An answer to the other objection.")
    assert c.post(f"/api/v1/cases/{CASE}/objections/{index}/answer", json={"envelope": elsewhere},
                  headers=board.auth("rso")).status_code == 422
    assert len(c.get(f"/api/v1/cases/{CASE}/events", headers=board.auth("rso")).json()) == before


def test_an_answer_by_a_role_the_policy_does_not_allow_is_refused(board: BoardFixture) -> None:
    """A policy that lets only the rso answer: Dana, a safety lead the keyring trusts, answering
    Priya's objection is refused; Sam, the rso, is not; an author never answers."""
    from casegate.load import load_case
    from casegate.store import open_registry

    pol = board.case_dir / "policy.yaml"
    pol.write_text(pol.read_text().replace("signoff:\n  required:\n", "signoff:\n  answer_roles: [rso]\n  required:\n", 1))
    with open_registry(board.database_url) as reg:
        reg.submit_case(load_case(board.case_dir / "case.yaml"))
    c = board.client
    objection = objection_env(board, "Priya Natarajan", "external-evaluator", OBJECTION_REASON)
    index = c.post(f"/api/v1/cases/{CASE}/objections", json={"envelope": objection},
                   headers=board.auth("external")).json()["index"]
    dana = c.post(f"/api/v1/cases/{CASE}/objections/{index}/answer",
                  json={"envelope": answer_env(board, "Dana Ortiz", "safety-lead", objection, text="Dana answers.")},
                  headers=board.auth("safety-lead"))
    assert dana.status_code == 403 and "as 'safety-lead' does not count: the policy lets rso answer" in dana.text
    by_author = c.post(f"/api/v1/cases/{CASE}/objections/{index}/answer",
                       json={"envelope": answer_env(board, "Mira Chen", "author", objection, text="An author's answer.")},
                       headers=board.auth("author"))
    assert by_author.status_code == 403
    sam = c.post(f"/api/v1/cases/{CASE}/objections/{index}/answer",
                 json={"envelope": answer_env(board, "Sam Whitfield", "rso", objection, text="Sam answers it.")},
                 headers=board.auth("rso"))
    assert sam.status_code == 201, sam.text
