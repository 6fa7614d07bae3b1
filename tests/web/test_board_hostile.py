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


def test_guessing_tokens_is_stopped_per_address(board: BoardFixture) -> None:
    """A guesser tries tokens as Bearer headers and through the sign-in form: past 10 failures a
    minute every sign-in from its address is refused (429), the right token included, so guessing
    on learns nothing; another address is not affected."""
    from fastapi.testclient import TestClient

    from casegate.web._guards import SignInLimit

    app = board.client.app
    guesser = TestClient(app, client=("192.0.2.7", 40000))
    for i in range(10):
        r = guesser.get("/api/v1/cases", headers={"Authorization": f"Bearer cgt_guess{i}"})
        assert r.status_code == 401, r.text
    right = {"Authorization": f"Bearer {board.tokens['rso']}"}
    r = guesser.get("/api/v1/cases", headers=right)
    assert r.status_code == 429 and "too many failed sign-ins" in r.text
    assert sign_in(guesser, board.tokens["rso"]).status_code == 429
    assert "casegate_session" not in guesser.cookies
    # the form counts too, from a fresh address
    formed = TestClient(app, client=("192.0.2.8", 40000))
    for i in range(10):
        assert sign_in(formed, f"cgt_guess{i}").status_code == 401
    assert sign_in(formed, board.tokens["rso"]).status_code == 429
    assert formed.get("/api/v1/cases", headers=right).status_code == 429
    # others sign in as before
    assert TestClient(app, client=("192.0.2.9", 40000)).get("/api/v1/cases", headers=right).status_code == 200
    assert sign_in(TestClient(app, client=("192.0.2.9", 40001)), board.tokens["rso"]).status_code == 303
    # one request's principal is judged once: a request with a wrong token counts one failure
    limit = SignInLimit("2/minute")
    assert not limit.blocked("a")
    limit.failed("a")
    assert not limit.blocked("a")
    limit.failed("a")
    assert limit.blocked("a")


def _second_case(board: BoardFixture, case_id: str = "atlas-2-other") -> str:
    import shutil

    from casegate.gate import run_gate
    from casegate.store import record_decision

    d = board.case_dir.parent / "other"
    shutil.copytree(board.case_dir, d)
    case = d / "case.yaml"
    case.write_text(re.sub(r"^id: .*$", f"id: {case_id}", case.read_text(), count=1, flags=re.M))
    loaded = load_case(case)
    reg = open_registry(board.database_url)
    v = reg.submit_case(loaded)
    record_decision(reg, run_gate(loaded), version=v.number)
    reg.close()
    return case_id


def test_a_token_for_one_case_is_not_used_on_another(board: BoardFixture) -> None:
    """An outside evaluator's token made for one case (`token create --case`) is used on another
    case of the board: every route about that case answers as for a case the registry does not
    hold (the lists leave it out), a signed objection to it is not recorded, the state proof and
    the log's entry bundles (which carry other cases whole) are refused; the case it is for reads
    as before. A token file whose `cases` does not read leaves no token valid."""
    from fastapi.testclient import TestClient

    from casegate.web import TokenStore

    from .conftest import objection_env

    other = _second_case(board)
    store = TokenStore(board.case_dir.parent / "tokens.json")
    scoped = {"Authorization": "Bearer " + store.create("Priya Natarajan", ["external-evaluator"], cases=[other])[1]}
    c = board.client
    assert [x["id"] for x in c.get("/api/v1/cases", headers=scoped).json()] == [other]
    assert c.get(f"/api/v1/cases/{other}", headers=scoped).status_code == 200
    # every route about a case, enumerated from the app (public pages aside)
    app = c.app
    reads = [path for method, path in _all_routes(app) if "{case_id}" in path and method == "GET"
             and not path.startswith(("/public/", "/api/v1/public/"))]
    assert len(reads) >= 8, reads
    for path in reads:
        r = c.get(_fill(path), headers=scoped, follow_redirects=False)
        assert r.status_code == 404, (path, r.status_code, r.text[:200])
        assert r.json()["detail"] == f"no case {CASE!r}"  # as for a case the registry does not hold
    reg = open_registry(board.database_url)
    size = reg.size()
    reg.close()
    env = objection_env(board, "Priya Natarajan", "external-evaluator", "The CTF suite under-samples web exploitation.")
    r = c.post(f"/api/v1/cases/{CASE}/objections", json={"envelope": env}, headers=scoped)
    assert r.status_code == 404, r.text
    for method, path in _state_changing_routes(app):
        if "{case_id}" in path:
            r = c.request(method, _fill(path), json=SUPERSET_BODY, headers=scoped)
            assert r.status_code == 404, (path, r.status_code)
    reg = open_registry(board.database_url)
    assert reg.size() == size
    reg.close()
    # the same objection from the evaluator's token for every case is recorded
    assert c.post(f"/api/v1/cases/{CASE}/objections", json={"envelope": env},
                  headers=board.auth("external")).status_code == 201
    # signed in through the form: the case list and the pages
    browser = TestClient(app)
    token = scoped["Authorization"][7:]
    assert sign_in(browser, token).status_code == 303
    home = browser.get("/").text
    assert f"/cases/{other}" in home and f"/cases/{CASE}\"" not in home
    assert browser.get(f"/cases/{CASE}").status_code == 404
    assert browser.get(f"/cases/{other}").status_code == 200
    # the log's entry bundles hold every case's entries
    tiles = browser.get("/public/log/tile/entries/000.p/1", headers=scoped)
    assert tiles.status_code == 403 and "some cases only" in tiles.text
    # a scope that does not read is not read as every case
    raw = json.loads((board.case_dir.parent / "tokens.json").read_text())
    for t in raw["tokens"]:
        if t.get("cases"):
            t["cases"] = other  # a string, not a list
    (board.case_dir.parent / "tokens.json").write_text(json.dumps(raw))
    assert c.get("/api/v1/cases", headers=scoped).status_code == 401
    assert c.get("/api/v1/cases", headers=board.auth("rso")).status_code == 401


def _all_routes(app: Any) -> list[tuple[str, str]]:
    def flat(routes: list[Any], prefix: str = "") -> list[tuple[str, Any]]:
        found = []
        for r in routes:
            if hasattr(r, "original_router"):
                found += flat(r.original_router.routes, prefix + r.include_context.prefix)
            else:
                found.append((prefix + str(getattr(r, "path", "")), r))
        return found

    return [(m, path) for path, r in flat(app.routes) for m in sorted(getattr(r, "methods", None) or ())]


def test_token_create_for_some_cases(tmp_path: Any) -> None:
    from .conftest import cli

    tokens = str(tmp_path / "tokens.json")
    r = cli("token", "create", "--person", "Priya Natarajan", "--role", "external-evaluator", "--case", "atlas-2-api",
            "--tokens", tokens, cwd=tmp_path)
    assert r.returncode == 0 and "for atlas-2-api only" in r.stdout, r.stderr
    r = cli("token", "create", "--person", "Priya Natarajan", "--role", "external-evaluator", "--case", " ",
            "--tokens", tokens, cwd=tmp_path)
    assert r.returncode == 2 and "Traceback" not in r.stderr and "--case" in r.stderr, (r.returncode, r.stderr)
    r = cli("token", "create", "--person", "Dana Ortiz", "--role", "safety-lead", "--tokens", tokens, cwd=tmp_path)
    listed = cli("token", "list", "--tokens", tokens, cwd=tmp_path).stdout.splitlines()
    assert "cases atlas-2-api" in listed[0] and "every case" in listed[1], listed


def test_an_expired_token_is_refused(board: BoardFixture) -> None:
    """A token made to last a while (`token create --expires`) is used after it ran out, by Bearer
    header and by the session it signed in earlier: both are refused on the next request. An
    expiry that does not read leaves no token of the file valid."""
    import datetime as dt

    from fastapi.testclient import TestClient

    from casegate.web import TokenStore

    path = board.case_dir.parent / "tokens.json"
    tid, token = TokenStore(path).create("Priya Natarajan", ["external-evaluator"],
                                         expires=dt.datetime.now(dt.UTC) + dt.timedelta(hours=1))
    bearer = {"Authorization": f"Bearer {token}"}
    c = board.client
    assert c.get("/api/v1/cases", headers=bearer).status_code == 200
    browser = TestClient(c.app)
    assert sign_in(browser, token).status_code == 303
    assert browser.get(f"/cases/{CASE}").status_code == 200
    raw = json.loads(path.read_text())
    for t in raw["tokens"]:
        if t["id"] == tid:
            t["expires"] = (dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1)).isoformat(timespec="seconds")
    path.write_text(json.dumps(raw))
    assert c.get("/api/v1/cases", headers=bearer).status_code == 401
    assert browser.get(f"/cases/{CASE}", follow_redirects=False).status_code == 303  # to the sign-in form
    assert sign_in(TestClient(c.app), token).status_code == 401
    assert c.get("/api/v1/cases", headers=board.auth("rso")).status_code == 200  # other tokens as before
    for t in raw["tokens"]:
        if t["id"] == tid:
            t["expires"] = "next spring"
    path.write_text(json.dumps(raw))
    assert c.get("/api/v1/cases", headers=board.auth("rso")).status_code == 401


def test_token_create_with_an_expiry(tmp_path: Any) -> None:
    from .conftest import cli

    tokens = str(tmp_path / "tokens.json")
    r = cli("token", "create", "--person", "Priya Natarajan", "--role", "external-evaluator", "--expires", "30d",
            "--tokens", tokens, cwd=tmp_path)
    assert r.returncode == 0 and "; until 20" in r.stdout, r.stderr
    assert "until 20" in cli("token", "list", "--tokens", tokens, cwd=tmp_path).stdout
    for bad in ("2020-01-01", "soon"):
        r = cli("token", "create", "--person", "Priya Natarajan", "--role", "external-evaluator", "--expires", bad,
                "--tokens", tokens, cwd=tmp_path)
        assert r.returncode == 2 and "Traceback" not in r.stderr, (bad, r.returncode, r.stderr)
