"""The review board in a real browser: a reviewer signs in, uploads a signed objection, and the
case page shows it; the objection then blocks deploy verification."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.verify.trusted import DEMO_EXIT, log_clock

from .browser import chromium, serve
from .conftest import BoardFixture, approve, objection_env, verify

pytestmark = pytest.mark.browser
DOCS = Path(__file__).resolve().parents[2] / "docs"
CASE = "atlas-2-api"


def test_reviewer_objects_and_the_case_page_shows_it(board: BoardFixture, tmp_path: Path) -> None:
    bundle = approve(board)
    before = verify(board, bundle)
    assert before.returncode == DEMO_EXIT, before.stdout + before.stderr  # everything but the tests' published keys verified
    app = board.client.app
    import json

    reason = "The CTF suite leaves out cloud-native targets that ransomware crews now favour."
    signed = tmp_path / "O-1.dsse.json"
    signed.write_text(json.dumps(objection_env(board, "Priya Natarajan", "external-evaluator", reason)))
    # logged on the story's date, before the `--at` verify runs at (a signature's time is the log's)
    with log_clock(), serve(app) as base, chromium() as page:
        page.goto(f"{base}/login?next=/cases/{CASE}/review")
        page.fill("#token", board.tokens["external"])
        page.click("button[type=submit]")
        page.wait_for_url(f"{base}/cases/{CASE}/review")
        assert "Record an objection" in page.content()
        page.set_input_files("#objection", str(signed))
        page.click("#object-form button[type=submit]")
        page.wait_for_selector("#flash")
        assert "objection recorded" in page.inner_text("#flash")
        assert reason in page.inner_text("#objections")
        if os.environ.get("CASEGATE_SCREENSHOTS"):
            page.screenshot(path=str(DOCS / "review-page.png"), full_page=True)
        page.goto(f"{base}/cases/{CASE}")
        assert reason in page.inner_text("#objections")
        assert "GO WITH CONDITIONS" in page.inner_text("#outcome")
        assert page.locator(".diagram svg").count() == 1
        assert "What capability was found?" in page.inner_text("#answers")
        if os.environ.get("CASEGATE_SCREENSHOTS"):
            page.screenshot(path=str(DOCS / "case-page.png"), full_page=False)
    events = board.client.get(f"/api/v1/cases/{CASE}/events?kind=objection", headers=board.auth("rso")).json()
    assert events[-1]["payload"]["reason"] == reason and events[-1]["payload"]["via"] == "web"
    after = verify(board, bundle)
    assert after.returncode == 1
    assert "objection O-1 by Priya Natarajan (external-evaluator) is open" in after.stdout + after.stderr
    assert "(recorded in the registry, not in the bundle)" in after.stdout + after.stderr
    assert reason in after.stdout + after.stderr


def test_public_pages_in_the_browser(board: BoardFixture) -> None:
    with serve(board.client.app) as base, chromium() as page:
        page.goto(f"{base}/public")
        assert "Public registry" in page.content()
        page.goto(f"{base}/public/log")
        assert "Transparency log" in page.content()
        page.goto(f"{base}/")
        assert page.url.endswith("/public")  # the internal list needs a token
