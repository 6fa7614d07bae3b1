"""Offline, the relay's log entry whose rows leave out the breaching reading its signed batch holds.

`verify --state-proof` read only the rows of the proof's `monitor-samples` entries: a bio flag rate
of 0.02 (M-bio-flags restricts above 0.001) the monitoring system signed, logged with rows that
hold only the quiet cyber reading and no trigger run, verified across `api`. The proof carries the
batch whole; its readings left out of the rows are now read as breaches too (as `triggers run`
reads them), and not as a monitor heard."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from casegate.monitor import Sample, ingest_samples
from casegate.sign import load_keyring, sign_readings
from casegate.store import open_registry
from tests.monitor.test_telemetry import _readings, _telemetry_ring
from tests.verify.test_monitor_offline import CASE, _offline, _proof, _trust
from tests.verify.trusted import DEMO_EXIT, STORY_VERIFIED, log_clock
from tests.web.conftest import BoardFixture, approve, build_board

TAKEN = dt.datetime(2026, 11, 30, 18, tzinfo=dt.UTC)


@pytest.fixture
def board(tmp_path: Path, database_url: str) -> BoardFixture:
    return build_board(tmp_path, database_url)


def _log(board: BoardFixture, tmp: Path, bio: float, *, rows_hold_bio: bool) -> None:
    ring, signer = _telemetry_ring(tmp, ring=load_keyring(board.case_dir / "keys" / "keyring.yaml"))
    measured = [Sample(TAKEN, "cyber-classifier-flag-rate", 0.0, CASE),
                Sample(TAKEN, "bio-classifier-flag-rate", bio, CASE)]
    env = sign_readings(_readings(measured), source="telemetry.json", signer=signer, keyring=ring, at=TAKEN,
                        sequence=1)
    with open_registry(board.database_url) as reg, log_clock(TAKEN + dt.timedelta(minutes=1)):
        ingest_samples(reg, measured if rows_hold_bio else measured[:1], source="telemetry.json",
                       sha256="5" * 64, envelope=env)


def test_a_breach_the_batch_holds_and_the_rows_leave_out_stops_the_offline_deploy(board: BoardFixture,
                                                                                   tmp_path: Path) -> None:
    bundle = approve(board)
    _log(board, tmp_path, 0.02, rows_hold_bio=False)
    t = _trust(board)
    r = _offline(board, bundle, _proof(board, t, STORY_VERIFIED), t, STORY_VERIFIED)
    assert r.returncode == 1, r.stdout + r.stderr
    assert ("monitor M-bio-flags: the state proof holds a reading of bio-classifier-flag-rate of 0.02" in r.stderr
            and "leaves the case restricted to trusted-access, narrower than api" in r.stderr), r.stderr


def test_the_same_batch_logged_whole_and_quiet_verifies(board: BoardFixture, tmp_path: Path) -> None:
    """Control: the batch's bio reading quiet and in the rows: nothing stops the deploy."""
    bundle = approve(board)
    _log(board, tmp_path, 0.0, rows_hold_bio=True)
    t = _trust(board)
    r = _offline(board, bundle, _proof(board, t, STORY_VERIFIED), t, STORY_VERIFIED)
    assert r.returncode == DEMO_EXIT, r.stdout + r.stderr
    assert "monitor M-" not in r.stderr


def test_a_batch_number_skipped_is_not_verified_offline(board: BoardFixture, tmp_path: Path) -> None:
    """The relay drops batch 2 (the one holding the breach) and logs batches 1 and 3, quiet, within
    the monitors' 24 h: online, with the telemetry key in the keyring, batch 2 is a withheld batch
    and reopens the case; the state proof verified offline. Now the skipped number is a reason."""
    from casegate.sign import save_keyring

    bundle = approve(board)
    keyring = board.case_dir / "keys" / "keyring.yaml"
    ring, signer = _telemetry_ring(tmp_path, ring=load_keyring(keyring))
    save_keyring(ring, keyring)  # the registry's keyring names the monitoring system's key
    for n, hours in ((1, 1), (3, 6)):
        taken = dt.datetime(2026, 11, 30, 12, tzinfo=dt.UTC) + dt.timedelta(hours=hours)
        measured = [Sample(taken, s, 0.0, CASE) for s in ("cyber-classifier-flag-rate", "bio-classifier-flag-rate")]
        env = sign_readings(_readings(measured), source=f"batch-{n}.json", signer=signer, keyring=ring, at=taken,
                            sequence=n)
        with open_registry(board.database_url) as reg, log_clock(taken + dt.timedelta(minutes=1)):
            ingest_samples(reg, measured, source=f"batch-{n}.json", sha256=str(n) * 64, envelope=env)
    t = _trust(board)
    r = _offline(board, bundle, _proof(board, t, STORY_VERIFIED), t, STORY_VERIFIED)
    assert r.returncode == 1, r.stdout + r.stderr
    assert ("the case's signed batches of readings the state proof holds skip number 2, though batch 3 was logged"
            in r.stderr and "the deploy is not verified" in r.stderr), r.stderr
