"""The relay logs a signed batch whose entry rows leave out the breaching reading the batch holds.

`monitor ingest` writes an entry's rows from the batch, but the log entry is whatever the relay
(often the lab) records: `ingest_samples` takes the rows and the envelope apart. Where no telemetry
key was in the keyring the trigger run read only the rows, so a bio flag rate of 0.02 the monitoring
system signed (M-bio-flags restricts above 0.001) never fired. The batch is what was measured: a
reading it holds that the rows leave out is now a breach (it shows no monitor heard)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from casegate.monitor import ingest_samples, run_triggers
from casegate.monitor._series import Sample
from casegate.sign import sign_readings
from tests.monitor.test_registry_flow import CASE, KEYRING
from tests.monitor.test_telemetry import BIO, CYBER, T0, _approved, _readings, _telemetry_ring
from tests.verify.trusted import log_clock


def _log_with_rows_left_out(reg, signer, ring, t: dt.datetime) -> None:  # type: ignore[no-untyped-def]
    measured = [Sample(t, CYBER, 0.0, CASE), Sample(t, BIO, 0.02, CASE)]
    env = sign_readings(_readings(measured), source="telemetry.json", signer=signer, keyring=ring, at=t,
                        sequence=1)
    with log_clock(t + dt.timedelta(minutes=1)):  # the rows: the quiet cyber reading only
        ingest_samples(reg, measured[:1], source="telemetry.json", sha256="4" * 64, envelope=env)


def test_a_breach_the_signed_batch_holds_fires_though_the_rows_leave_it_out(database_url: str,
                                                                             tmp_path: Path) -> None:
    ring, telemetry = _telemetry_ring(tmp_path)
    reg, _ = _approved(database_url, tmp_path)
    t = T0 + dt.timedelta(hours=2)
    _log_with_rows_left_out(reg, telemetry, ring, t)
    at = t + dt.timedelta(hours=1)
    with log_clock(at):
        (run,) = run_triggers(reg, at=at, keyring=KEYRING)  # the registry's keyring names no telemetry key
    assert [f.trigger for f, _ in run.fired] == ["M-bio-flags"], run.fired
    assert "read 0.02" in run.fired[0][0].reason and run.applied == "restrict to trusted-access"


def test_where_signatures_are_required_the_left_out_breach_fires_too(database_url: str, tmp_path: Path) -> None:
    """The control the registry already had: with the telemetry key in its keyring the batch is
    judged, and its signed readings count whether or not the rows hold them."""
    ring, telemetry = _telemetry_ring(tmp_path)
    reg, _ = _approved(database_url, tmp_path)
    t = T0 + dt.timedelta(hours=2)
    _log_with_rows_left_out(reg, telemetry, ring, t)
    at = t + dt.timedelta(hours=1)
    with log_clock(at):
        (run,) = run_triggers(reg, at=at, keyring=ring)
    assert [f.trigger for f, _ in run.fired] == ["M-bio-flags"], run.fired


def test_a_left_out_reading_does_not_keep_a_monitor_heard(database_url: str, tmp_path: Path) -> None:
    """A quiet reading the batch holds and the rows leave out shows nothing heard: the monitor the
    rows say nothing of goes silent past its 24 h as before."""
    ring, telemetry = _telemetry_ring(tmp_path)
    reg, _ = _approved(database_url, tmp_path)
    t = T0 + dt.timedelta(hours=2)
    measured = [Sample(t, CYBER, 0.0, CASE), Sample(t, BIO, 0.0, CASE)]
    env = sign_readings(_readings(measured), source="telemetry.json", signer=telemetry, keyring=ring, at=t,
                        sequence=1)
    with log_clock(t):
        ingest_samples(reg, measured[:1], source="telemetry.json", sha256="4" * 64, envelope=env)
    at = T0 + dt.timedelta(hours=25)
    with log_clock(at):
        (run,) = run_triggers(reg, at=at, keyring=KEYRING)
    assert sorted(f.trigger for f, _ in run.fired if f.event == "monitor-silent") == ["M-bio-flags"], run.fired
