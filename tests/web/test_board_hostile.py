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
