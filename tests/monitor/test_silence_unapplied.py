"""An approval while a monitor's silence is owed: the lab's monitors report for a day after its
case is approved, then the lab cuts its telemetry pipeline (so no breach can show) and, a week
on, approves a new version. The new version's silence counts from its own approval, so the
`monitor-silent` firing owed during the deployed version never fires, and the approval went
through. An approval is now refused while such a silence is applied by no trigger run, as a
breaching reading is (tests/monitor/test_breach_unapplied.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from casegate.load import load_case
from casegate.monitor import (
    IllegalTransitionError,
    breaches_unapplied,
    current_approval,
    decide,
    run_triggers,
)
from tests._weights import submit_hashed
from tests.monitor.test_registry_flow import CASE, _approved, _copy, _record, _reporting
from tests.verify.trusted import log_clock

T0 = dt.datetime(2026, 12, 2, 8, 0, tzinfo=dt.UTC)
CUT = T0 + dt.timedelta(hours=24)  # the last reading the monitors hear
LATER = dt.datetime(2026, 12, 9, 8, 0, tzinfo=dt.UTC)  # a week on: days past any max_silence


def _cut_off(database_url: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Version 1.0 approved at T0; both monitors read 0.0 every 12 hours for a day, then nothing."""
    with log_clock(T0):
        reg, _ = _approved(database_url, tmp_path)
    for t in (T0 + dt.timedelta(hours=12), CUT):  # each reading logged as it is taken
        with log_clock(t):
            _reporting(reg, t, start=t)
    return reg


def _bumped(reg, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Version 1.1, only its number changed, submitted and judged against the registry a week on."""
    path = _copy(tmp_path, "v1.1", {'version: "1.0"': 'version: "1.1"'})
    with log_clock(LATER):
        submit_hashed(reg, load_case(path))
        return _record(path, reg)


def test_a_new_version_is_not_approved_over_a_silence_no_trigger_run_applied(database_url: str,
                                                                            tmp_path: Path) -> None:
    reg = _cut_off(database_url, tmp_path)
    rec = _bumped(reg, tmp_path)
    assert rec.outcome != "NO-GO"
    size = reg.size()
    with log_clock(LATER), pytest.raises(IllegalTransitionError) as e:
        decide(reg, rec)
    msg = str(e.value)
    assert "monitor M-cyber-flags silent (trigger T-cyber-flags of version 1; last reading heard " \
           "2026-12-03T08:00:00Z, max_silence " in msg, msg
    assert "no reading of cyber-classifier-flag-rate since 2026-12-03T08:00:00Z" in msg, msg
    assert "run `casegate triggers run --case atlas-2-api`" in msg, msg
    assert reg.size() == size  # refused before anything was logged
    appr = current_approval(reg, CASE)
    assert appr is not None and appr.version == 1
    # applied, the silence reopens the case: the approval is no longer held by it
    with log_clock(LATER):
        (run,) = run_triggers(reg, at=LATER)
    assert any(f.event == "monitor-silent" for f, _ in run.fired), [f.reason for f, _ in run.fired]
    assert reg.case_state(CASE) == "reopened"
    assert breaches_unapplied(reg, CASE, LATER) == []


def test_timely_readings_owe_nothing(database_url: str, tmp_path: Path) -> None:
    """Monitors that report right up to the new version's approval owe no silence."""
    reg = _cut_off(database_url, tmp_path)
    t = CUT + dt.timedelta(hours=12)
    while t <= LATER:
        with log_clock(t):
            _reporting(reg, t, start=t)
        t += dt.timedelta(hours=12)
    assert breaches_unapplied(reg, CASE, LATER) == []
