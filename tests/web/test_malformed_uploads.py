"""Malformed sign-off and objection uploads are refused with a plain reason, never a server error:
a statement whose predicate is not an object, a file nested past the depth limit."""

from __future__ import annotations

import base64
import json
import re

from fastapi.testclient import TestClient

from .conftest import BoardFixture, sign_in

CASE = "atlas-2-api"


def _envelope(statement: object) -> dict[str, object]:
    return {"payloadType": "application/vnd.in-toto+json",
            "payload": base64.b64encode(json.dumps(statement).encode()).decode(), "signatures": []}


def _csrf(c: TestClient) -> str:
    token = re.search(r'name="csrf" value="([^"]+)"', c.get(f"/cases/{CASE}/review").text)
    assert token
    return token.group(1)


def test_a_signoff_whose_predicate_is_not_an_object_is_refused(board: BoardFixture) -> None:
    c = TestClient(board.client.app, raise_server_exceptions=False)
    for statement in ({"predicate": []}, {"predicate": {"role": "external-evaluator", "case": []}}, []):
        r = c.post(f"/api/v1/cases/{CASE}/signoffs", json={"envelope": _envelope(statement)},
                   headers=board.auth("external"))
        assert r.status_code in (403, 422), (statement, r.status_code, r.text)
    assert sign_in(c, board.tokens["external"]).status_code == 303
    up = json.dumps(_envelope({"predicate": []})).encode()
    r = c.post(f"/cases/{CASE}/review/signoff", data={"csrf": _csrf(c)},
               files={"envelope": ("s.dsse.json", up, "application/json")}, follow_redirects=False)
    assert r.status_code == 303 and "error=" in r.headers["location"], (r.status_code, r.text[:300])


def test_an_upload_nested_too_deep_is_refused(board: BoardFixture) -> None:
    c = TestClient(board.client.app, raise_server_exceptions=False)
    assert sign_in(c, board.tokens["external"]).status_code == 303
    deep = b"[" * 150_000
    for form in ("objection", "signoff"):
        r = c.post(f"/cases/{CASE}/review/{form}", data={"csrf": _csrf(c)},
                   files={"envelope": ("x.dsse.json", deep, "application/json")}, follow_redirects=False)
        assert r.status_code == 303 and "error=" in r.headers["location"], (form, r.status_code, r.text[:300])
        assert "nests too deep" in c.get(r.headers["location"]).text
