"""Hostile users of the review board: a reviewer recording a sign-off for a version other than the
one under review, an objector's own answer under another key, sign-in guessing, forms and API
writes posted without the page's CSRF token, and the public list naming an unpublished title."""

from __future__ import annotations

import json
import re
from typing import Any

from casegate.load import load_case
from casegate.store import open_registry

from .conftest import BoardFixture, approve, sign_in

CASE = "atlas-2-api"


def _submit_new_version(board: BoardFixture, title: str = "Atlas-2 API, revised") -> int:
    case = board.case_dir / "case.yaml"
    text = case.read_text()
    old = re.search(r"^title: .*$", text, re.M)
    assert old, "the example case has a title line"
    case.write_text(text.replace(old.group(0), f"title: {title}", 1))
    reg = open_registry(board.database_url)
    v = reg.submit_case(load_case(case))
    reg.close()
    return int(v.number)


def _logged(board: BoardFixture, kind: str) -> list[dict[str, Any]]:
    reg = open_registry(board.database_url)
    try:
        return [e.payload for e in reg.events(case_id=CASE, kind=kind)]
    finally:
        reg.close()


def test_a_signoff_of_the_approved_version_is_not_recorded_against_a_newer_one(board: BoardFixture) -> None:
    """Version 2 approved, version 3 (which loads) under review: the safety lead's envelope over
    version 2's digest, uploaded now, was recorded (for version 2) and listed on the review page of
    version 3 as the registry's sign-off, beside version 3's required roles. It is refused, as is
    the same upload through the review form."""
    approve(board)
    # `casegate sign` wrote it for version 2, the version approved
    env = json.loads((board.case_dir / "signoffs" / "safety-lead-dana-ortiz.dsse.json").read_text())
    ok = board.client.post(f"/api/v1/cases/{CASE}/signoffs", json={"envelope": env},
                           headers=board.auth("safety-lead"))
    assert ok.status_code == 201, ok.text  # while version 2 is the latest
    latest = _submit_new_version(board)
    before = len(_logged(board, "signoff"))
    r = board.client.post(f"/api/v1/cases/{CASE}/signoffs", json={"envelope": env}, headers=board.auth("safety-lead"))
    assert r.status_code == 422, r.text
    assert "another case or another version" in r.json()["detail"]
    assert f"version {latest}" in r.json()["detail"]
    assert len(_logged(board, "signoff")) == before
    # the one logged while version 2 was the latest is listed as of version 2, not as signing version 3
    assert [(p["version"], p["person"]) for p in _logged(board, "signoff")] == [(2, "Dana Ortiz")]
    sign_in(board.client, board.tokens["safety-lead"])
    rows = board.client.get(f"/cases/{CASE}/review").text
    assert f"for version 2 <strong class=\"sev-blocking stale-signoff\">not the version under review ({latest})" in rows
    # through the review form too
    page = board.client.get(f"/cases/{CASE}/review")
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert csrf
    r = board.client.post(f"/cases/{CASE}/review/signoff", data={"csrf": csrf.group(1)},
                          files={"envelope": ("s.dsse.json", json.dumps(env), "application/json")},
                          follow_redirects=False)
    assert r.status_code == 303 and "error=" in r.headers["location"], r.headers.get("location")
    assert len(_logged(board, "signoff")) == before


def _state_changing_routes(app: Any) -> list[tuple[str, str]]:
    def flat(routes: list[Any], prefix: str = "") -> list[tuple[str, Any]]:
        found = []
        for r in routes:
            if hasattr(r, "original_router"):  # a router included into the app
                found += flat(r.original_router.routes, prefix + r.include_context.prefix)
            else:
                found.append((prefix + str(getattr(r, "path", "")), r))
        return found

    return [(m, path) for path, r in flat(app.routes)
            for m in sorted(set(getattr(r, "methods", None) or ()) - {"GET", "HEAD", "OPTIONS"})]


def _fill(path: str) -> str:
    return path.replace("{case_id}", CASE).replace("{index}", "1")


SUPERSET_BODY = {"envelope": {"payloadType": "x", "payload": "", "signatures": []}, "severity": "high",
                 "reason": "a reason", "domain": "cyber", "date": "2026-12-01", "description": "something",
                 "deployer": "d", "developer": "d", "harmed": ["x"]}


def test_every_state_changing_route_needs_the_sessions_csrf_token(board: BoardFixture) -> None:
    """Every route that is not a read (enumerated from the app, so a new one is covered), posted
    by a signed-in browser's cookie with no CSRF token, with a made-up one, or with the token of
    another person's session, is refused (403) and writes nothing; sign-in without the form's
    token is refused too (login CSRF)."""
    from fastapi.testclient import TestClient

    app = board.client.app
    routes = _state_changing_routes(app)
    assert ("POST", "/api/v1/cases/{case_id}/signoffs") in routes and ("POST", "/logout") in routes
    assert len(routes) >= 11, routes
    other = TestClient(app)
    assert sign_in(other, board.tokens["external"]).status_code == 303
    foreign = re.search(r'name="csrf" value="([^"]+)"', other.get(f"/cases/{CASE}/review").text)
    assert foreign
    c = board.client
    assert sign_in(c, board.tokens["rso"]).status_code == 303
    reg = open_registry(board.database_url)
    size = reg.size()
    reg.close()
    for method, path in routes:
        url = _fill(path)
        for presented in (None, "0" * 64, foreign.group(1)):
            if path.startswith("/api/"):
                headers = {"X-CSRF-Token": presented} if presented else {}
                r = c.request(method, url, json=SUPERSET_BODY, headers=headers, follow_redirects=False)
            else:
                data = {"csrf": presented} if presented else {}
                if path == "/login":
                    data["token"] = board.tokens["rso"]
                r = c.request(method, url, data=data, follow_redirects=False,
                              files={"envelope": ("e.json", json.dumps(SUPERSET_BODY["envelope"]), "application/json")}
                              if "review" in path else None)
            assert r.status_code == 403, (method, path, presented, r.status_code, r.text[:300])
    reg = open_registry(board.database_url)
    assert reg.size() == size  # nothing was written
    reg.close()
    assert c.get("/").status_code == 200 and "Sign out" in c.get("/").text  # still signed in: logout was refused
