"""The board never signs a value the client chose: CSRF tokens are made only from a session id
the board issued, under their own key, and flash messages under another, so no page can be made
to print a valid signature of a message the board did not write."""

from __future__ import annotations

import re
from urllib.parse import urlencode

from fastapi.testclient import TestClient

from .conftest import BoardFixture, sign_in

CASE = "atlas-2-api"
FORGED = "sign-off recorded (and every objection withdrawn)"


def _csrf(text: str) -> str:
    m = re.search(r'name="csrf" value="([^"]*)"', text)
    return m.group(1) if m else ""


def _shows(c: TestClient, headers: dict[str, str], sig: str) -> bool:
    page = c.get(f"/cases/{CASE}/review?" + urlencode({"msg": FORGED, "sig": sig}), headers=headers)
    return FORGED in page.text


def test_a_chosen_session_cookie_yields_no_flash_signature(board: BoardFixture) -> None:
    c = TestClient(board.client.app)
    h = board.auth("external")
    c.cookies.set("casegate_session", f"flash:msg:{FORGED}")
    token = _csrf(c.get(f"/cases/{CASE}/review", headers=h).text)
    assert token == ""  # the cookie is no session the board issued: no token is made from it
    c.cookies.clear()
    assert not _shows(c, h, token[:32])


def test_a_csrf_token_is_never_a_flash_signature(board: BoardFixture) -> None:
    c = TestClient(board.client.app)
    assert sign_in(c, board.tokens["external"]).status_code == 303
    token = _csrf(c.get(f"/cases/{CASE}/review").text)
    assert token
    assert not _shows(c, {}, token[:32])
    # the board's own messages still show
    r = c.post(f"/cases/{CASE}/review/objection", data={"csrf": token},
               files={"envelope": ("o.json", b"[]", "application/json")}, follow_redirects=False)
    assert r.status_code == 303
    assert "not a JSON object" in c.get(r.headers["location"]).text
