"""The lab at an offline deploy with a state proof taken before its monitors went quiet, or with a
breaching reading ingested and no trigger run: `verify --state-proof` evaluated only the incident
triggers, and passed. The decision now signs the approved version's monitors, and `verify` refuses a
breaching reading the proof holds that no trigger run applied, and a monitor silent past its
`max_silence`: refused where the proof shows the silence, not verified where it cannot show whether
the monitor was heard since its checkpoint.

The example's monitors (M-cyber-flags, M-bio-flags) read hourly-or-daily flag rates with a 24 h
window; the story approves on 2026-11-30 at 12:00 and logs no reading."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from casegate.monitor import Sample, ingest_samples
from casegate.store import open_registry
from tests._deploy import RATE_LIMITS
from tests.verify.trusted import DEMO_EXIT, STORY_VERIFIED, Trust, cli_at, log_clock, make_trust
from tests.web.conftest import MODEL_DIGEST, BoardFixture, approve, build_board

CASE = "atlas-2-api"
SIGNALS = ("cyber-classifier-flag-rate", "bio-classifier-flag-rate")
LATER = STORY_VERIFIED + dt.timedelta(hours=18)
"""30 hours after the approval: past the monitors' 24 h with no reading since the approval."""
QUIET = "monitor M-cyber-flags: the state proof holds no reading of cyber-classifier-flag-rate heard since the approval"
NOT_CHECKED = "whether the monitor was heard since cannot be established from this proof"
SILENT = "no `casegate triggers run` has applied it: a silent monitor cannot show a breach"


@pytest.fixture
def board(tmp_path: Path, database_url: str) -> BoardFixture:
    return build_board(tmp_path, database_url)


def _trust(board: BoardFixture) -> Trust:
    return make_trust(board.case_dir.parent / "root", policy=board.case_dir / "policy.yaml",
                      keyring=board.case_dir / "keys" / "keyring.yaml")


def _proof(board: BoardFixture, t: Trust, at: dt.datetime) -> Path:
    """The state proof as the registry makes it (`Registry.state_proof`), under a checkpoint signed at `at`."""
    t.checkpoint(board.database_url, at=at)
    with open_registry(board.database_url, readonly=True) as reg:
        doc, problems = reg.state_proof(CASE)
    assert not problems, problems
    proof = board.case_dir.parent / f"proof-{at:%d%H%M}.json"
    proof.write_text(json.dumps(doc))
    return proof


def _offline(board: BoardFixture, bundle: Path, proof: Path, t: Trust, when: dt.datetime) -> Any:
    return cli_at(when, board.case_dir, "verify", "--bundle", str(bundle), "--model-digest", MODEL_DIGEST,
                  "--boundary", "api", "--keyring", "keys/keyring.yaml", "--state-proof", str(proof),
                  "--at", when.strftime("%Y-%m-%dT%H:%M:%SZ"), "--access", "self-serve", "--region", "US",
                  *RATE_LIMITS, "--trust-root", str(t.dir))


def _read(board: BoardFixture, when: dt.datetime, **values: float) -> None:
    """Readings of each signal taken and logged at `when` (what `monitor ingest` records)."""
    with open_registry(board.database_url) as reg, log_clock(when):
        ingest_samples(reg, [Sample(when, s, values.get(s.split("-")[0], 0.0), CASE) for s in SIGNALS],
                       source="test", sha256="0" * 64)


def test_a_proof_that_shows_the_monitors_quiet_stops_the_deploy(board: BoardFixture) -> None:
    """The proof made 30 hours after the approval, no reading logged since and no trigger run: the
    proof itself shows the monitors silent past their 24 h. Before, offline verify passed with a
    note; online the silence is owed (reopen), so offline the deploy is refused with the reason."""
    bundle = approve(board)
    t = _trust(board)
    r = _offline(board, bundle, _proof(board, t, LATER), t, LATER)
    assert r.returncode == 1, r.stdout + r.stderr
    assert (f"{QUIET} (2026-11-30T12:" in r.stderr and "max_silence of 24h" in r.stderr and SILENT in r.stderr
            and "applied (reopen) it leaves the case reopened" in r.stderr), r.stderr


def test_a_proof_taken_before_the_monitors_went_quiet_does_not_verify_their_silence(board: BoardFixture) -> None:
    """The proof made 12 hours after the approval, presented 18 hours later: the monitors may have
    gone quiet since its checkpoint, which it cannot show. Before, a note; now not verified, with the
    reason (a fresh proof, or --db, can show it)."""
    bundle = approve(board)
    t = _trust(board)
    proof = _proof(board, t, STORY_VERIFIED)
    in_time = _offline(board, bundle, proof, t, STORY_VERIFIED)
    assert in_time.returncode == DEMO_EXIT and NOT_CHECKED not in in_time.stderr, in_time.stderr
    r = _offline(board, bundle, proof, t, LATER)
    assert r.returncode == 1, r.stdout + r.stderr
    assert QUIET in r.stderr and NOT_CHECKED in r.stderr and "deploy is not verified" in r.stderr, r.stderr


def test_readings_the_proof_holds_keep_the_monitors_heard(board: BoardFixture) -> None:
    """Control: readings of both signals logged at 23:00, below their thresholds, are in the proof;
    at the same later time the silence is 19 hours, and the deploy verifies."""
    bundle = approve(board)
    _read(board, dt.datetime(2026, 11, 30, 23, tzinfo=dt.UTC))
    t = _trust(board)
    r = _offline(board, bundle, _proof(board, t, STORY_VERIFIED), t, LATER)
    assert r.returncode == DEMO_EXIT, r.stdout + r.stderr
    assert "monitor M-" not in r.stderr


def test_a_fresh_proof_shows_what_an_old_one_cannot(board: BoardFixture) -> None:
    """The readings logged after the old proof's checkpoint: the old proof still cannot show them,
    a proof made after them verifies with nothing left unchecked."""
    bundle = approve(board)
    t = _trust(board)
    old = _proof(board, t, STORY_VERIFIED)
    _read(board, STORY_VERIFIED + dt.timedelta(hours=10))  # 22 hours after the approval
    stale = _offline(board, bundle, old, t, LATER)
    assert stale.returncode == 1 and NOT_CHECKED in stale.stderr, stale.stderr
    r = _offline(board, bundle, _proof(board, t, STORY_VERIFIED + dt.timedelta(hours=11)), t, LATER)
    assert r.returncode == DEMO_EXIT, r.stdout + r.stderr
    assert "monitor M-" not in r.stderr


def test_a_breaching_reading_no_trigger_run_applied_stops_the_offline_deploy(board: BoardFixture) -> None:
    """The lab ingests a bio flag rate of 0.02 (M-bio-flags fires above 0.001: restrict to
    trusted-access) and never runs the triggers; the proof shows the case approved with the reading
    among its entries. Before, offline verify passed it."""
    bundle = approve(board)
    _read(board, dt.datetime(2026, 11, 30, 18, tzinfo=dt.UTC), bio=0.02)
    t = _trust(board)
    r = _offline(board, bundle, _proof(board, t, STORY_VERIFIED), t, STORY_VERIFIED)
    assert r.returncode == 1, r.stdout + r.stderr
    assert ("monitor M-bio-flags: the state proof holds a reading of bio-classifier-flag-rate of 0.02" in r.stderr
            and "leaves the case restricted to trusted-access, narrower than api" in r.stderr), r.stderr
    # across the boundary the restriction leaves, the breach is no reason
    trusted = cli_at(STORY_VERIFIED, board.case_dir, "verify", "--bundle", str(bundle), "--model-digest",
                     MODEL_DIGEST, "--boundary", "trusted-access", "--keyring", "keys/keyring.yaml", "--state-proof",
                     str(board.case_dir.parent / "proof-010000.json"), "--at", "2026-12-01T00:00:00Z",
                     "--trust-root", str(t.dir))
    assert "monitor M-bio-flags" not in trusted.stderr, trusted.stderr


def test_a_decision_signing_no_monitors_is_not_verified_offline(board: BoardFixture,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail closed: a decision made by an older casegate does not sign its monitors; whether one went
    quiet cannot be established from a proof."""
    import casegate.verify._bundle as b

    monkeypatch.setattr(b, "SIGNED_MONITORS", "x-not-signed")
    bundle = approve(board)
    t = _trust(board)
    r = _offline(board, bundle, _proof(board, t, STORY_VERIFIED), t, STORY_VERIFIED)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "the decision does not sign its monitors" in r.stderr, r.stderr


def test_the_registry_refuses_a_decision_signing_other_monitors(board: BoardFixture,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The lab's decider signs its monitors as silent for up to a year: `verify` would read the
    signed monitors, so the registry's judgement holds them to the stored version's."""
    import casegate.verify._bundle as b

    real = b.signed_monitors

    def lax(case: Any) -> list[dict[str, Any]]:
        return [{**m, "max_silence": "52w"} for m in real(case)]

    monkeypatch.setattr(b, "signed_monitors", lax)
    with pytest.raises(Exception) as e:
        approve(board)
    assert "the decision signs monitors" in str(e.value) and "52w" in str(e.value), str(e.value)


def test_a_proof_taken_before_a_condition_fell_due_does_not_verify_after_it(board: BoardFixture) -> None:
    """The lab's move: the state proof made the morning of the condition's due date, presented the day
    after. The signed decision record carries the due date, so the deploy is judged against it as of
    the time judged, and the proof (of the state before) shows no confirmation: refused with the reason.
    Control: the same proof the day it is due."""
    import casegate.verify._bundle as b
    from casegate.sign import decode_payload

    bundle = approve(board)
    record = decode_payload(json.loads(bundle.read_text())["decision"])["predicate"]["record"]
    due = min(dt.date.fromisoformat(c["due"][:10]) for c in record["conditions"] if c.get("due"))
    morning = dt.datetime.combine(due, dt.time(9), tzinfo=dt.UTC)
    _read(board, morning - dt.timedelta(hours=1))
    t = _trust(board)
    proof = _proof(board, t, morning)
    words = b.CONDITION_OVERDUE
    on_time = _offline(board, bundle, proof, t, morning + dt.timedelta(hours=3))
    assert f"was due on {due.isoformat()}" not in on_time.stderr, on_time.stderr
    late = _offline(board, bundle, proof, t, morning + dt.timedelta(hours=20))
    assert late.returncode == 1, late.stdout + late.stderr
    assert f"was due on {due.isoformat()} {words}" in late.stderr, late.stderr


def _week_of_silence(case_dir: Path) -> None:
    """The case's monitors may go a week without a reading (`max_silence: 7d`)."""
    case = case_dir / "case.yaml"
    text = case.read_text()
    assert text.count("      window: 24h\n") == 2
    case.write_text(text.replace("      window: 24h\n", "      window: 24h\n      max_silence: 7d\n"))


@pytest.fixture
def weekly(tmp_path: Path, database_url: str) -> BoardFixture:
    return build_board(tmp_path, database_url, _week_of_silence)


def test_a_monitor_last_heard_ten_days_ago_stops_the_deploy(weekly: BoardFixture) -> None:
    """The lab's monitors (a week of silence allowed) last read on 2026-12-01; it makes a fresh proof
    on 2026-12-11 and deploys with it. Before, offline verify passed (the silence was a note); the
    proof shows ten days with no reading, so it is refused naming the monitor, the last reading and
    its max_silence."""
    bundle = approve(weekly)
    _read(weekly, STORY_VERIFIED)
    t = _trust(weekly)
    when = STORY_VERIFIED + dt.timedelta(days=10)
    r = _offline(weekly, bundle, _proof(weekly, t, when), t, when)
    assert r.returncode == 1, r.stdout + r.stderr
    for mid, signal in (("M-cyber-flags", SIGNALS[0]), ("M-bio-flags", SIGNALS[1])):
        assert (f"monitor {mid}: its last reading of {signal} the state proof holds was heard 2026-12-01T00:00:00Z, "
                "and none from then to 2026-12-11T00:00:00Z: longer than the max_silence of 7d") in r.stderr, r.stderr
    assert SILENT in r.stderr


def test_a_timely_reading_keeps_a_weekly_monitor_heard(weekly: BoardFixture) -> None:
    """Control: the same story with readings logged on 2026-12-01 and 2026-12-07, each within the week."""
    bundle = approve(weekly)
    _read(weekly, STORY_VERIFIED)
    _read(weekly, STORY_VERIFIED + dt.timedelta(days=6))
    t = _trust(weekly)
    when = STORY_VERIFIED + dt.timedelta(days=10)
    r = _offline(weekly, bundle, _proof(weekly, t, when), t, when)
    assert r.returncode == DEMO_EXIT, r.stdout + r.stderr
    assert "monitor M-" not in r.stderr, r.stderr
