"""The lab after an incident, keeping its GO alive at an offline deploy: it records the incident
without running the triggers (`incident report --no-triggers`, or raises a severity so), then makes
the deploy pipeline's state proof from its tiles (`state-proof --tiles`, which holds no case files
and so evaluates no trigger) or through the library. The proof shows the case approved, the
incident among its entries, and `verify --state-proof` passed. The decision now signs the approved
version's incident triggers and `verify` evaluates the incidents the proof holds against them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from casegate.monitor import incident_from_fields, raise_severity, report_incident
from casegate.store import open_registry
from tests._deploy import RATE_LIMITS
from tests.verify.trusted import DEMO_EXIT, STORY_VERIFIED, Trust, cli_at, log_clock, make_trust
from tests.web.conftest import MODEL_DIGEST, BoardFixture, approve, build_board

CASE = "atlas-2-api"
AFTER = dt.datetime(2026, 11, 30, 13, tzinfo=dt.UTC)
"""An hour after the stories' approval, before the checkpoint the deploy is verified under."""
UNAPPLIED = "no `casegate triggers run` has applied it, so the state the proof shows is not the case's"


@pytest.fixture
def board(tmp_path: Path, database_url: str) -> BoardFixture:
    return build_board(tmp_path, database_url)


def _incident(case_id: str = CASE, severity: str = "high", domain: str = "cyber") -> Any:
    return incident_from_fields(
        case=case_id, date="2026-11-30", deployer="Acme API customer", developer="Acme Labs",
        harmed=["a hospital network"], description="Ransomware built with the code-execution tool",
        severity=severity, domain=domain, not_reportable="reported to the authorities separately")


def _trust(board: BoardFixture) -> Trust:
    where = board.case_dir.parent / "root"
    if (where / "trust").exists():
        return Trust(where / "trust", where / "log.pem", where / "root.key")
    return make_trust(where, policy=board.case_dir / "policy.yaml", keyring=board.case_dir / "keys" / "keyring.yaml")


def _offline(board: BoardFixture, bundle: Path, proof: Path, t: Trust) -> Any:
    return cli_at(STORY_VERIFIED, board.case_dir, "verify", "--bundle", str(bundle), "--model-digest", MODEL_DIGEST,
                  "--boundary", "api", "--keyring", "keys/keyring.yaml", "--state-proof", str(proof),
                  "--at", "2026-12-01T00:00:00Z", "--access", "self-serve", "--region", "US", *RATE_LIMITS,
                  "--trust-root", str(t.dir))


def _proof_from_tiles(board: BoardFixture, t: Trust) -> Path:
    """The state proof as `casegate state-proof --tiles` makes it from the log's private tiles."""
    from tests.ledger.test_cli import cg

    t.checkpoint(board.database_url, at=STORY_VERIFIED)
    where = board.case_dir.parent
    r = cg("log", "tiles", "--out", str(where / "tiles"), "--entries-out", str(where / "private"), "--db",
           board.database_url, cwd=where)
    assert r.returncode == 0, r.stderr
    proof = where / "proof.json"
    r = cg("state-proof", CASE, "--tiles", str(where / "private"), "--trust-root", str(t.dir), "--out", str(proof),
           cwd=where)
    assert r.returncode == 0, r.stdout + r.stderr  # tiles hold no case files: no trigger is evaluated
    return proof


def _proof_from_library(board: BoardFixture, t: Trust) -> Path:
    """The state proof as the registry makes it (`Registry.state_proof`), without the command's check."""
    t.checkpoint(board.database_url, at=STORY_VERIFIED)
    with open_registry(board.database_url, readonly=True) as reg:
        doc, problems = reg.state_proof(CASE)
    assert not problems, problems
    proof = board.case_dir.parent / "proof.json"
    proof.write_text(json.dumps(doc))
    return proof


def test_an_incident_recorded_without_triggers_stops_a_deploy_proven_from_tiles(board: BoardFixture) -> None:
    bundle = approve(board)
    with open_registry(board.database_url) as reg, log_clock(AFTER):
        entry = report_incident(reg, _incident())  # what `incident report --no-triggers` records
        assert str(getattr(reg.case_state(CASE), "value", reg.case_state(CASE))) == "approved-with-conditions"
    t = _trust(board)
    r = _offline(board, bundle, _proof_from_tiles(board, t), t)
    assert r.returncode == 1, r.stdout + r.stderr
    assert (f"incident #{entry.index} (cyber, high) was logged after the approval" in r.stderr
            and "fires the decision's trigger T-cyber-incident (reopen)" in r.stderr and UNAPPLIED in r.stderr
            and "leaves the case reopened" in r.stderr), r.stderr


def test_an_incident_no_signed_trigger_fires_on_leaves_the_offline_deploy_verified(board: BoardFixture) -> None:
    """Control: a moderate cyber incident (T-cyber-incident fires from high) changes nothing."""
    bundle = approve(board)
    with open_registry(board.database_url) as reg, log_clock(AFTER):
        report_incident(reg, _incident(severity="moderate"))
    t = _trust(board)
    r = _offline(board, bundle, _proof_from_tiles(board, t), t)
    assert r.returncode == DEMO_EXIT, r.stdout + r.stderr
    assert "was logged after the approval" not in r.stderr


def test_a_severity_raised_without_triggers_stops_the_offline_deploy(board: BoardFixture) -> None:
    """The incident recorded moderate (its triggers run: nothing fires), then raised to high with
    `incident rate --no-triggers`: the rating counts offline as it does for the registry."""
    bundle = approve(board)
    with open_registry(board.database_url) as reg, log_clock(AFTER):
        entry = report_incident(reg, _incident(severity="moderate"))
        raise_severity(reg, CASE, entry.index, _severity("high"), by="Dana Ortiz", reason="a hospital was hit")
    t = _trust(board)
    r = _offline(board, bundle, _proof_from_library(board, t), t)
    assert r.returncode == 1, r.stdout + r.stderr
    assert f"incident #{entry.index} (cyber, high)" in r.stderr and "T-cyber-incident" in r.stderr, r.stderr


def _severity(s: str) -> Any:
    from casegate.model import Severity

    return Severity(s)


def test_an_incident_filed_under_another_case_of_the_model_stops_the_offline_deploy(board: BoardFixture) -> None:
    """The incident follows the weights offline too: filed under another case id of the same model."""
    from casegate.load import load_case

    bundle = approve(board)
    text = (board.case_dir / "case.yaml").read_text()
    sibling = board.case_dir / "atlas-2-eu.yaml"
    sibling.write_text(text.replace(f"id: {CASE}\n", "id: atlas-2-eu\n", 1))
    with open_registry(board.database_url) as reg, log_clock(AFTER):
        reg.submit_case(load_case(sibling))
        entry = report_incident(reg, _incident("atlas-2-eu"))
    t = _trust(board)
    r = _offline(board, bundle, _proof_from_library(board, t), t)
    assert r.returncode == 1, r.stdout + r.stderr
    assert f"incident #{entry.index} (cyber, high), logged against case atlas-2-eu (about the same model" in r.stderr \
        and "T-cyber-incident" in r.stderr, r.stderr


def test_an_applied_trigger_is_the_states_reason_not_this_one(board: BoardFixture) -> None:
    """Once a trigger run applied the firing, the proof shows the case reopened: that is the reason."""
    from casegate.monitor import run_triggers

    bundle = approve(board)
    with open_registry(board.database_url) as reg, log_clock(AFTER):
        report_incident(reg, _incident())
        run_triggers(reg, at=AFTER, case_id=CASE)
    t = _trust(board)
    r = _offline(board, bundle, _proof_from_library(board, t), t)
    assert r.returncode == 1 and "is reopened: a signed GO no longer verifies" in r.stderr, r.stderr
    assert UNAPPLIED not in r.stderr


def test_with_the_registry_the_triggers_are_evaluated_once(board: BoardFixture) -> None:
    """`verify --db` evaluates the case's whole plan from the registry: one reason, not two."""
    from tests.web.conftest import verify

    bundle = approve(board)
    with open_registry(board.database_url) as reg, log_clock(AFTER):
        report_incident(reg, _incident())
    r = verify(board, bundle)
    assert r.returncode == 1 and "trigger T-cyber-incident of case atlas-2-api" in r.stderr, r.stderr
    assert UNAPPLIED not in r.stderr


def _unsigned_triggers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Decisions made as an older casegate made them: no incident triggers signed."""
    import casegate.verify._bundle as b

    monkeypatch.setattr(b, "SIGNED_TRIGGERS", "x-not-signed")


def test_a_decision_signing_no_incident_triggers_is_not_verified_offline_after_an_incident(
        board: BoardFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail closed: a decision that does not sign its incident triggers cannot be evaluated against
    the incidents a proof holds, so one that no trigger run answered stops it, however mild."""
    _unsigned_triggers(monkeypatch)
    bundle = approve(board)
    t = _trust(board)
    r = _offline(board, bundle, _proof_from_library(board, t), t)
    assert r.returncode == DEMO_EXIT, r.stdout + r.stderr  # no incident: as before
    with open_registry(board.database_url) as reg, log_clock(AFTER):
        entry = report_incident(reg, _incident(severity="moderate"))
    t = _trust(board)
    r = _offline(board, bundle, _proof_from_library(board, t), t)
    assert r.returncode == 1, r.stdout + r.stderr
    assert f"incident #{entry.index} (cyber, moderate) was logged after the approval" in r.stderr \
        and "does not sign its incident triggers" in r.stderr, r.stderr


def test_the_registry_refuses_a_decision_signing_other_incident_triggers(
        board: BoardFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    """The lab's decider signs T-cyber-incident as firing from catastrophic only: `verify` would
    read the signed triggers, so the registry's judgement holds them to the stored version's."""
    import casegate.verify._bundle as b

    real = b.incident_triggers

    def softened(case: Any) -> list[dict[str, Any]]:
        return [{**t, "min_severity": "catastrophic"} for t in real(case)]

    monkeypatch.setattr(b, "incident_triggers", softened)
    with pytest.raises(Exception) as e:
        approve(board)
    assert "the decision signs incident triggers" in str(e.value) and "catastrophic" in str(e.value), str(e.value)
