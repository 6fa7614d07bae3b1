"""In a real browser, the headline of the public and the reviewers' case pages is what a deploy
pipeline would get now, for a case that was approved and then reopened, objected to, or restricted
to a narrower boundary; the decision that was made (published with the keyring, as `casegate
publish` does) is history beneath it. With CASEGATE_SCREENSHOTS set, the pages are saved into
docs/, each the size of the browser's viewport."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from casegate.model import BoundaryKind
from casegate.monitor import act
from casegate.monitor._states import CaseState
from casegate.store import open_registry
from tests.verify.trusted import log_clock

from .browser import chromium, serve
from .conftest import BoardFixture, approve, cli, objection_env

pytestmark = pytest.mark.browser
DOCS = Path(__file__).resolve().parents[2] / "docs"
CASE = "atlas-2-api"
SHOTS = bool(os.environ.get("CASEGATE_SCREENSHOTS"))


def _publish(board: BoardFixture) -> None:
    """Publish the signed case as its developer would: `casegate publish` with the keyring, so
    the sign-offs and evidence attestations count, recorded in the board's registry."""
    r = cli("publish", "case.yaml", "--keyring", "keys/keyring.yaml", "--unpinned", "--db", board.database_url, cwd=board.case_dir)
    assert r.returncode == 0, r.stderr
    assert "GO WITH CONDITIONS; published" in r.stdout and "recorded the publication" in r.stdout


def _checkpoint(board: BoardFixture, where: Path) -> None:
    """The log signs a checkpoint, as `casegate log checkpoint` does."""
    from casegate.store import generate_key

    generate_key(where / "log.pem")
    with open_registry(board.database_url) as reg:
        reg.checkpoint(where / "log.pem", "board.casegate.example/log")


def _act(board: BoardFixture, to: CaseState, reason: str, restricted_to: BoundaryKind | None = None) -> None:
    reg = open_registry(board.database_url)
    try:
        act(reg, CASE, to, role="rso", reason=reason, restricted_to=restricted_to)
    finally:
        reg.close()


@pytest.mark.parametrize("scenario", ["reopened", "objected", "restricted"])
def test_headline_is_the_state_a_deploy_gets_now(board: BoardFixture, tmp_path: Path, scenario: str) -> None:
    approve(board)
    _publish(board)
    if scenario == "reopened":
        _act(board, CaseState.reopened, "A severe cyber incident linked to the model was reported.")
    elif scenario == "restricted":
        _act(board, CaseState.restricted, "Code execution is paused pending the incident review.",
             restricted_to=BoundaryKind.trusted_access)
    signed = tmp_path / "O-1.dsse.json"
    reason = "The CTF suite leaves out cloud-native targets that ransomware crews now favour."
    signed.write_text(json.dumps(objection_env(board, "Priya Natarajan", "external-evaluator", reason)))
    import time_machine

    from tests.verify.trusted import STORY_VERIFIED

    # the board judges as of the story's day: past the monitors' 24 hours of the approval, with no
    # readings, their silence is a trigger owed (as `verify --db` says)
    with time_machine.travel(STORY_VERIFIED), log_clock(), serve(board.client.app) as base, chromium() as page:
        if scenario == "objected":
            page.goto(f"{base}/login?next=/cases/{CASE}/review")
            page.fill("#token", board.tokens["external"])
            page.click("button[type=submit]")
            page.wait_for_url(f"{base}/cases/{CASE}/review")
            page.set_input_files("#objection", str(signed))
            page.click("#object-form button[type=submit]")
            page.wait_for_selector("#flash")
            assert "objection recorded" in page.inner_text("#flash")
        page.goto(f"{base}/public/cases/{CASE}")
        label = page.inner_text("#state-label")
        why = page.inner_text("#state-why") if page.locator("#state-why").count() else ""
        # the state comes first on the page; the decision that was made is history beneath it
        top = page.locator("#state").bounding_box()
        history = page.locator("#decision-history").bounding_box()
        assert top is not None and history is not None and top["y"] < history["y"]
        # the history is the decision as published: signed, GO WITH CONDITIONS for api
        assert page.inner_text("#outcome") == "GO WITH CONDITIONS"
        if scenario == "reopened":
            assert label == "NOT DEPLOYABLE" and "reopened" in why
            if SHOTS:
                page.screenshot(path=str(DOCS / "public-case-reopened.png"), full_page=False)
        elif scenario == "objected":
            assert label == "NOT DEPLOYABLE" and "objection" in why.lower()
        else:
            # (the tests' keyrings hold published keys: a demonstration, everything else verified)
            assert label == ("NOT VERIFIED (DEMONSTRATION; everything else verified: GO WITH CONDITIONS for "
                             "trusted-access only (restricted from api))"), label
        if scenario == "objected":
            _checkpoint(board, tmp_path)
            page.goto(f"{base}/public/log")
            assert "tree_size" not in page.inner_text("#checkpoint")  # the signed note, not JSON
            assert page.inner_text("#checkpoint").startswith("board.casegate.example/log\n")
            assert page.inner_text("#vkey").startswith("board.casegate.example/log+")
            if SHOTS:
                page.screenshot(path=str(DOCS / "public-log.png"), full_page=False)
        if scenario == "restricted":
            page.goto(f"{base}/login?next=/cases/{CASE}")
            page.fill("#token", board.tokens["rso"])
            page.click("button[type=submit]")
            page.wait_for_url(f"{base}/cases/{CASE}")
            assert page.inner_text("#state-label").startswith(
                "NOT VERIFIED (DEMONSTRATION; everything else verified: GO WITH CONDITIONS for trusted-access only")
            assert page.locator("figure.chart svg").count() >= 2  # the threshold and risk charts
            if SHOTS:
                page.evaluate("document.getElementById('charts').scrollIntoView({block: 'start'})")
                page.screenshot(path=str(DOCS / "case-page-charts.png"), full_page=False)
