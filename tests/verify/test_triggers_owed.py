"""`verify` with the registry at hand (`--db`) holds the deploy to the case's own triggers as of
the time judged, not only to the state the registry shows: that state waits for a `triggers run`,
which whoever runs the registry may put off for as long as it ships."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.verify.trusted import DEMO_EXIT
from tests.web.conftest import BoardFixture, approve, build_board, cli, verify

CASE = "atlas-2-api"
INCIDENT = ["--case", CASE, "--date", "2026-11-30", "--deployer", "Acme API customer", "--developer", "Acme Labs",
            "--harmed", "a hospital network", "--description", "Ransomware built with the code-execution tool",
            "--domain", "cyber"]


@pytest.fixture
def board(tmp_path: Path, database_url: str) -> BoardFixture:
    return build_board(tmp_path, database_url)


def _report(board: BoardFixture, severity: str) -> None:
    r = cli("incident", "report", *INCIDENT, "--severity", severity, "--no-triggers", "--db", board.database_url,
            "--keyring", "keys/keyring.yaml", cwd=board.case_dir)
    assert r.returncode == 0, r.stderr


def test_an_incident_recorded_without_running_the_triggers_stops_the_deploy(board: BoardFixture) -> None:
    """The lab records a high-severity cyber incident with `--no-triggers` and never runs them:
    the case stays approved in the registry, and its signed GO verified. The example's
    T-cyber-incident (cyber, high or worse: reopen) fires as of the time judged, so it does not."""
    bundle = approve(board)
    assert verify(board, bundle).returncode == DEMO_EXIT
    _report(board, "high")
    r = verify(board, bundle)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "trigger T-cyber-incident of case atlas-2-api" in r.stderr and "leaves the case reopened" in r.stderr, r.stderr
    # applied, the registry says so itself and the reason is the state's
    run = cli("triggers", "run", "--case", CASE, "--db", board.database_url, "--keyring", "keys/keyring.yaml",
              "--at", "2026-12-01T00:00:00Z", cwd=board.case_dir)
    assert run.returncode == 0, run.stderr
    again = verify(board, bundle)
    assert again.returncode == 1 and "is reopened: a signed GO no longer verifies" in again.stderr, again.stderr
    assert "no `casegate triggers run` has applied it" not in again.stderr


def test_a_past_at_does_not_dodge_what_the_triggers_owe_now(board: BoardFixture) -> None:
    """Reason: two days after the approval, the case's monitors silent since (no readings: their 24
    hours are long past), `verify --db --at` the story's day with a checkpoint signed that day
    (accepted by the root) verified: the triggers were evaluated as of --at only."""
    import datetime as dt

    from tests._deploy import RATE_LIMITS
    from tests.verify.trusted import STORY_VERIFIED, cli_at, make_trust
    from tests.web.conftest import MODEL_DIGEST

    bundle = approve(board)
    assert verify(board, bundle).returncode == DEMO_EXIT
    t = make_trust(board.case_dir.parent / "late-root", policy=board.case_dir / "policy.yaml",
                   keyring=board.case_dir / "keys" / "keyring.yaml")
    t.checkpoint(board.database_url, at=STORY_VERIFIED)
    r = cli_at(STORY_VERIFIED + dt.timedelta(days=2), board.case_dir, "verify", "--bundle", str(bundle),
               "--model-digest", MODEL_DIGEST, "--boundary", "api", "--keyring", "keys/keyring.yaml", "--db",
               board.database_url, "--at", "2026-12-01T00:00:00Z", "--access", "self-serve", "--region", "US",
               *RATE_LIMITS, "--trust-root", str(t.dir))
    assert r.returncode == 1, r.stdout + r.stderr
    assert "no reading of cyber-classifier-flag-rate since" in r.stderr, r.stderr
    assert "is earlier than now" in r.stderr


def test_an_incident_no_trigger_answers_leaves_the_deploy_verified(board: BoardFixture) -> None:
    """A low-severity incident fires no trigger of the example: nothing is owed."""
    bundle = approve(board)
    _report(board, "low")
    r = verify(board, bundle)
    assert r.returncode == DEMO_EXIT, r.stdout + r.stderr


def test_no_state_proof_is_handed_out_while_a_trigger_is_owed(board: BoardFixture, tmp_path: Path) -> None:
    """The same incident, and the deploy fetches its state proof from the board (`verify
    --registry-url`) or is handed the file `casegate state-proof` writes: neither vouches for an
    approved state the case's own trigger has overtaken by the checkpoint."""
    import datetime as dt
    import os
    import subprocess
    import sys

    from tests._deploy import RATE_LIMITS
    from tests.verify.trusted import make_trust
    from tests.web.browser import serve
    from tests.web.conftest import MODEL_DIGEST

    bundle = approve(board)
    _report(board, "high")
    t = make_trust(tmp_path / "root", policy=board.case_dir / "policy.yaml",
                   keyring=board.case_dir / "keys" / "keyring.yaml")
    t.checkpoint(board.database_url, at=dt.datetime(2026, 12, 1, tzinfo=dt.UTC))
    out = tmp_path / "state-proof.json"
    made = cli("state-proof", CASE, "--out", str(out), "--db", board.database_url, "--keyring", "keys/keyring.yaml",
               cwd=board.case_dir)
    assert made.returncode == 1 and not out.exists(), made.stdout + made.stderr
    assert "trigger T-cyber-incident of case atlas-2-api" in made.stderr, made.stderr
    env = dict(os.environ, CASEGATE_BOARD_TOKEN=board.tokens["rso"])
    env.pop("CASEGATE_DATABASE_URL", None)
    with serve(board.client.app) as base:
        r = subprocess.run([sys.executable, "-m", "casegate", "verify", "--bundle", str(bundle), "--model-digest",
                            MODEL_DIGEST, "--boundary", "api", "--keyring", "keys/keyring.yaml", "--access",
                            "self-serve", "--region", "US", *RATE_LIMITS, "--at", "2026-12-01T00:00:00Z",
                            "--trust-root", str(t.dir), "--registry-url", base],
                           cwd=board.case_dir, capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "trigger T-cyber-incident of case atlas-2-api" in r.stderr, r.stderr
    # once applied, the proof is made and shows the reopening
    run = cli("triggers", "run", "--case", CASE, "--db", board.database_url, "--keyring", "keys/keyring.yaml",
              "--at", "2026-12-01", cwd=board.case_dir)
    assert run.returncode == 0, run.stderr
    t.checkpoint(board.database_url, at=dt.datetime(2026, 12, 1, 0, 1, tzinfo=dt.UTC))
    made = cli("state-proof", CASE, "--out", str(out), "--db", board.database_url, "--keyring", "keys/keyring.yaml",
               cwd=board.case_dir)
    assert made.returncode == 0, made.stdout + made.stderr


def test_a_breaching_reading_ingested_without_running_the_triggers_stops_the_deploy(
        board: BoardFixture, tmp_path: Path) -> None:
    """A bio flag rate of 0.02 (the monitor's threshold: 0.001) ingested six hours after the
    approval, with nobody running the triggers: M-bio-flags restricts the case to trusted-access,
    so a deploy across api does not verify."""
    import json

    bundle = approve(board)
    readings = tmp_path / "readings.json"
    readings.write_text(json.dumps({"casegate": 1, "kind": "samples", "samples": [
        {"signal": "bio-classifier-flag-rate", "timestamp": "2026-11-30T18:00:00Z", "value": 0.02, "case": CASE}]}))
    r = cli("monitor", "ingest", str(readings), "--db", board.database_url, cwd=board.case_dir)
    assert r.returncode == 0, r.stdout + r.stderr
    r = verify(board, bundle)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "trigger M-bio-flags of case atlas-2-api" in r.stderr, r.stderr
    assert "leaves the case restricted to trusted-access" in r.stderr, r.stderr
