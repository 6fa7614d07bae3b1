"""The review board attacked over a real loopback connection (uvicorn on 127.0.0.1), on SQLite
and PostgreSQL: open redirects, framing, login and logout CSRF, stale cookies after sign-out,
cookie-authenticated writes without a CSRF token, gate runs by authors and viewers, forged
flash messages, validation errors and a database that is down."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from ..web.browser import serve
from ..web.conftest import BoardFixture, build_board

CASE = "atlas-2-api"


@pytest.fixture
def site(tmp_path: Path, database_url: str) -> Iterator[tuple[BoardFixture, str]]:
    board = build_board(tmp_path, database_url)
    with serve(board.client.app) as base:
        yield board, base


def _client(base: str) -> httpx.Client:
    return httpx.Client(base_url=base, follow_redirects=False, timeout=30)


def _sign_in(c: httpx.Client, token: str, next: str = "/") -> httpx.Response:
    form = c.get("/login", params={"next": next})
    csrf = re.search(r'name="csrf" value="([^"]*)"', form.text)
    assert csrf
    return c.post("/login", data={"token": token, "next": next, "csrf": csrf.group(1)})


def _csrf_of(page: str) -> str:
    m = re.search(r'name="csrf" value="([0-9a-f]+)"', page)
    assert m, page[:300]
    return m.group(1)


@pytest.mark.parametrize("target", ["//evil.example/x", "/\\evil.example", "https://evil.example/",
                                    "/%0d%0aSet-Cookie:x=1", "javascript:alert(1)", "/\x00x"])
def test_sign_in_never_redirects_off_site(site: tuple[BoardFixture, str], target: str) -> None:
    board, base = site
    with _client(base) as c:
        r = _sign_in(c, board.tokens["external"], next=target)
        assert r.status_code == 303
        loc = r.headers["location"]
        assert loc.startswith("/") and not loc.startswith("//") and "evil" not in loc and "\n" not in loc


def test_every_page_has_the_security_headers(site: tuple[BoardFixture, str]) -> None:
    board, base = site
    with _client(base) as c:
        _sign_in(c, board.tokens["external"])
        for path in ("/public", "/public/log", "/login", f"/cases/{CASE}", f"/cases/{CASE}/review",
                     "/api/v1/cases", "/openapi.json", "/nowhere"):
            r = c.get(path)
            h = r.headers
            assert "frame-ancestors 'none'" in h["content-security-policy"], path
            assert "script-src 'self'" in h["content-security-policy"] and "unsafe-inline" not in \
                h["content-security-policy"].split("script-src")[1].split(";")[0]
            assert h["x-frame-options"] == "DENY" and h["x-content-type-options"] == "nosniff"
            assert h["referrer-policy"] == "no-referrer"
            assert h["cache-control"] == "no-store", path
        page = c.get(f"/cases/{CASE}").text
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page), "no inline script"


def test_login_csrf_from_another_site_is_refused(site: tuple[BoardFixture, str]) -> None:
    board, base = site
    with _client(base) as c:  # a cross-site form post carries no nonce cookie and no token
        r = c.post("/login", data={"token": board.tokens["author"], "next": "/"})
        assert r.status_code == 403 and "casegate_session" not in r.headers.get("set-cookie", "")
        # a token copied from another visitor's form does not fit this visitor's nonce
        with _client(base) as other:
            token = _csrf_of(other.get("/login").text)
        c.get("/login")
        r = c.post("/login", data={"token": board.tokens["author"], "next": "/", "csrf": token})
        assert r.status_code == 403


def test_session_cookie_flags_and_revocation_on_sign_out(site: tuple[BoardFixture, str]) -> None:
    board, base = site
    with _client(base) as c:
        r = _sign_in(c, board.tokens["external"])
        cookie = r.headers["set-cookie"]
        assert "HttpOnly" in cookie and "SameSite=strict" in cookie.replace("Strict", "strict")
        assert "Max-Age=" in cookie or "expires=" in cookie.lower()
        saved = c.cookies.get("casegate_session")
        page = c.get(f"/cases/{CASE}")
        assert page.status_code == 200
        # sign-out without the form's token (logout CSRF) is refused and signs no one out
        assert c.post("/logout").status_code == 403
        assert c.get(f"/cases/{CASE}").status_code == 200
        r = c.post("/logout", data={"csrf": _csrf_of(page.text)})
        assert r.status_code == 303
    with _client(base) as replay:  # the cookie saved before sign-out no longer signs in
        replay.cookies.set("casegate_session", saved)
        r = replay.get(f"/cases/{CASE}")
        assert r.status_code == 303 and r.headers["location"].startswith("/login")


def test_cookie_authenticated_api_writes_need_the_csrf_header(site: tuple[BoardFixture, str]) -> None:
    board, base = site
    with _client(base) as c:
        _sign_in(c, board.tokens["rso"])
        r = c.post(f"/api/v1/cases/{CASE}/gate")
        assert r.status_code == 403 and "CSRF" in r.json()["detail"]
        csrf = _csrf_of(c.get(f"/cases/{CASE}/review").text)
        r = c.post(f"/api/v1/cases/{CASE}/gate", headers={"X-CSRF-Token": csrf})
        assert r.status_code == 200, r.text


def test_authors_and_viewers_cannot_run_the_gate_and_runs_record_the_actor(site: tuple[BoardFixture, str]) -> None:
    board, base = site
    with _client(base) as c:
        for who in ("author",):
            r = c.post(f"/api/v1/cases/{CASE}/gate", headers=board.auth(who))
            assert r.status_code == 403, (who, r.text)
        r = c.post(f"/api/v1/cases/{CASE}/gate", headers=board.auth("rso"))
        assert r.status_code == 200, r.text
        events = c.get(f"/api/v1/cases/{CASE}/events", params={"kind": "decision"}, headers=board.auth("rso")).json()
        assert events[-1]["payload"]["actor"]["person"] == "Sam Whitfield"
        codes = [c.post(f"/api/v1/cases/{CASE}/gate", headers=board.auth("external")).status_code for _ in range(8)]
        assert 429 in codes, codes


def test_a_forged_flash_message_is_not_shown(site: tuple[BoardFixture, str]) -> None:
    board, base = site
    with _client(base) as c:
        _sign_in(c, board.tokens["external"])
        page = c.get(f"/cases/{CASE}/review", params={"msg": "All approved: deploy now"}).text
        assert "All approved" not in page
        page = c.get(f"/cases/{CASE}/review", params={"error": "Session expired: sign in at evil.example"}).text
        assert "evil.example" not in page


def test_validation_errors_hide_the_framework(site: tuple[BoardFixture, str]) -> None:
    board, base = site
    with _client(base) as c:
        # an objection is a signed envelope (an object); a number in its place is a validation error
        r = c.post(f"/api/v1/cases/{CASE}/objections", json={"envelope": 3}, headers=board.auth("external"))
        assert r.status_code == 422
        text = r.text
        for leak in ("pydantic", "errors.pydantic.dev", "url", "ctx", "model_attributes_type", "dict_type"):
            assert leak not in text, text
        assert [p["field"] for p in r.json()["problems"]] == ["body.envelope"], text


def test_deep_or_huge_json_bodies_are_refused(site: tuple[BoardFixture, str]) -> None:
    board, base = site
    with _client(base) as c:
        deep = '{"envelope": ' + "[" * 300 + "]" * 300 + "}"
        r = c.post(f"/api/v1/cases/{CASE}/signoffs", content=deep, headers={**board.auth("safety-lead"),
                                                                            "content-type": "application/json"})
        assert r.status_code in (400, 413, 422), r.text
        r = c.get(f"/api/v1/cases/{CASE}/events", headers=board.auth("rso"))
        assert r.status_code == 200  # the board still answers
        r = c.post(f"/api/v1/cases/{CASE}/signoffs", json={"envelope": None}, headers=board.auth("safety-lead"))
        assert r.status_code < 500, r.text


def test_database_down_names_no_credentials(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from casegate.web import Settings, create_app

    url = "postgresql+psycopg://casegate:s3cr3t-pw@127.0.0.1:9/nodb"
    try:
        app = create_app(Settings(database_url=url, secret=b"x"))
    except Exception as e:  # refusing to start is fine, as long as the password is not printed
        assert "s3cr3t-pw" not in str(e)
        return
    r = TestClient(app).get("/public")
    assert r.status_code == 503
    for leak in ("s3cr3t-pw", "casegate:", "127.0.0.1", ":9", "nodb"):
        assert leak not in r.text, r.text


def test_api_docs_are_served_offline_from_the_board(site: tuple[BoardFixture, str]) -> None:
    _board, base = site
    with _client(base) as c:
        for path in ("/docs", "/redoc"):
            page = c.get(path)
            assert page.status_code == 200
            scripts = re.findall(r'<script src="([^"]+)"', page.text)
            assert scripts and all(s.startswith("/static/vendor/") for s in scripts), scripts
            assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page.text)
            assert "cdn" not in page.text.lower() and "https://" not in page.text
            for s in scripts:
                r = c.get(s)
                assert r.status_code == 200 and len(r.content) > 200, s
        assert c.get("/static/vendor/swagger-ui/swagger-ui.css").status_code == 200
