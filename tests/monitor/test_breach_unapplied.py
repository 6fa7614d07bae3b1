"""An approval while a breach is owed: the lab ingests readings that breach a monitor of its
deployed case, runs no `triggers run`, and days later approves a new version. A breach reaches an
approval only from the longer of its monitor's window and `max_silence`, so the new version's own
triggers never fired for it, CG718 never asked the new version to answer it, and the new version
was approved and verified (`verify --db` found nothing owed). An approval is now refused while a
breaching reading of the deployed case is applied by no trigger run."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from casegate.load import load_case
from casegate.monitor import (
    IllegalTransitionError,
    current_approval,
    decide,
    ingest_samples,
    run_triggers,
    triggers_owed,
)
from casegate.monitor._series import Sample
from tests._weights import submit_hashed
from tests.monitor.test_registry_flow import CASE, KEYRING, _approved, _copy, _record
from tests.verify.trusted import log_clock

T0 = dt.datetime(2026, 12, 2, 8, 0, tzinfo=dt.UTC)
LATER = dt.datetime(2026, 12, 9, 8, 0, tzinfo=dt.UTC)  # a week on: far past the monitors' 24h reach


def _breached_unapplied(database_url: str, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Version 1.0 approved at T0; the cyber flag rate reads 0.02 (M-cyber-flags: above 0.005)
    that morning, and the readings are ingested; nobody runs the triggers."""
    with log_clock(T0):
        reg, _ = _approved(database_url, tmp_path)
    loud = [Sample(T0 + dt.timedelta(hours=1 + h), "cyber-classifier-flag-rate", 0.02, CASE) for h in range(3)]
    with log_clock(T0 + dt.timedelta(hours=4)):
        ingest_samples(reg, loud, source="loud.csv", sha256="1" * 64)
    return reg


def _bumped(reg, tmp_path: Path):  # type: ignore[no-untyped-def]
    """Version 1.1, only its number changed, submitted and judged against the registry a week on."""
    path = _copy(tmp_path, "v1.1", {'version: "1.0"': 'version: "1.1"'})
    with log_clock(LATER):
        submit_hashed(reg, load_case(path))
        return _record(path, reg)


def test_a_new_version_is_not_approved_over_a_breach_no_trigger_run_applied(database_url: str, tmp_path: Path) -> None:
    reg = _breached_unapplied(database_url, tmp_path)
    rec = _bumped(reg, tmp_path)
    # unapplied, the breach never reached the new version's gate run: nothing asked it to answer
    assert rec.outcome != "NO-GO" and not [f for f in rec.findings if f.code == "CG718"]
    size = reg.size()
    with log_clock(LATER), pytest.raises(IllegalTransitionError) as e:
        decide(reg, rec)
    msg = str(e.value)
    assert "monitor M-cyber-flags breached (trigger T-cyber-flags of version 1)" in msg, msg
    assert "cyber-classifier-flag-rate read 0.02 at 2026-12-02T09:00:00Z" in msg, msg
    assert "run `casegate triggers run --case atlas-2-api`" in msg, msg
    assert reg.size() == size  # refused before anything was logged
    appr = current_approval(reg, CASE)
    assert appr is not None and appr.version == 1 and reg.case_state(CASE) == "approved-with-conditions"
    # online, the deployed version still does not verify: `verify --db` holds it to the breach owed
    owed = triggers_owed(reg, CASE, LATER, KEYRING)
    assert owed and "trigger T-cyber-flags of case atlas-2-api" in owed[0], owed
    # applied, the breach reopens the case and the new version's gate run must answer it
    with log_clock(LATER):
        (run,) = run_triggers(reg, at=LATER)
    assert [f.trigger for f, _ in run.fired][:1] == ["T-cyber-flags"], [f.reason for f, _ in run.fired]
    assert reg.case_state(CASE) == "reopened"
    with log_clock(LATER):
        again = _record(tmp_path / "v1.1" / "case.yaml", reg)
    assert again.outcome == "NO-GO" and [f for f in again.findings if f.code == "CG718"]


def test_an_applied_breach_does_not_hold_back_an_approval(database_url: str, tmp_path: Path) -> None:
    """A breach a trigger run applied is not owed: only a breach no `trigger-fired` entry records
    holds an approval (the run reopens the case, and a newer version that answers it may be approved)."""
    from casegate.monitor import breaches_unapplied

    reg = _breached_unapplied(database_url, tmp_path)
    assert breaches_unapplied(reg, CASE, LATER)
    with log_clock(LATER):
        run_triggers(reg, at=LATER)
    assert breaches_unapplied(reg, CASE, LATER) == []


@pytest.mark.parametrize("move", ["reopened", "withdrawn", "superseded"])
def test_a_breach_is_not_left_behind_by_taking_the_case_back_by_hand(database_url: str, tmp_path: Path,
                                                                     move: str) -> None:
    """The lab reopens (or withdraws, or supersedes) its deployed case by hand over the breach, with
    a reason of its own, then submits version 1.1 with only its number changed. A case not deployed
    runs no triggers, and an approval checked only deployed cases for a breach owed: the breach was
    never logged, 1.1's gate run had nothing to answer, and 1.1 was approved. The move now logs
    the breach first, as `triggers run` does, and the new version must answer it (CG718)."""
    from casegate.monitor import act, breaches_unapplied, submit_for_review, supersede
    from casegate.monitor._run import fired_causes
    from casegate.monitor._states import CaseState

    reg = _breached_unapplied(database_url, tmp_path)
    with log_clock(LATER):
        if move == "superseded":
            path = _copy(tmp_path, "next", {"id: atlas-2-api": "id: atlas-2-api-next"})
            submit_hashed(reg, load_case(path))
            supersede(reg, CASE, by_case="atlas-2-api-next", reason="a routine refresh")
        else:
            act(reg, CASE, CaseState(move), role="rso", reason="a routine refresh")
    assert reg.case_state(CASE) == move
    assert "T-cyber-flags" in {t for t, _ in fired_causes(reg, CASE)}  # logged, as `triggers run` logs it
    assert breaches_unapplied(reg, CASE, LATER) == []
    if move == "superseded":
        return
    path = _copy(tmp_path, "v1.1", {'version: "1.0"': 'version: "1.1"'})
    with log_clock(LATER):
        submit_hashed(reg, load_case(path))
        if move == "withdrawn":
            submit_for_review(reg, CASE, by="Mira Chen")
        rec = _record(path, reg)
    assert rec.outcome == "NO-GO" and [f for f in rec.findings if f.code == "CG718"], \
        [f"{f.code}: {f.message}" for f in rec.findings if f.severity == "blocking"]
