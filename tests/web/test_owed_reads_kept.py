"""The board keeps what `triggers_owed` read of the registry for each deployable case
(`monitor.OwedReads`), since every page showing a state asks it of every such case: kept while the
log has not grown. An incident recorded after the reads were kept (the lab's `incident report
--no-triggers`) is still what the next page shows, and the time a page is asked at is never kept."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import time_machine

from casegate.monitor import OwedReads, deploy_triggers_owed, incident_from_fields, report_incident
from casegate.monitor import _run as monitor_run
from casegate.sign import load_keyring
from casegate.store import open_registry
from casegate.web import _views
from tests.verify.trusted import STORY_VERIFIED, log_clock

from .conftest import KEYRING, BoardFixture, approve

CASE = "atlas-2-api"
OWED = "trigger T-cyber-incident of case atlas-2-api"


def _incident(url: str) -> None:
    with open_registry(url) as reg, log_clock(dt.datetime(2026, 11, 30, 13, tzinfo=dt.UTC)):
        report_incident(reg, incident_from_fields(
            case=CASE, date="2026-11-30", deployer="Acme API customer", developer="Acme Labs",
            harmed=["a hospital network"], description="Ransomware built with the tool", severity="high",
            domain="cyber", not_reportable="reported to the authorities separately"))


def _reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Each time the registry is read afresh for a case's triggers."""
    calls: list[str] = []
    real = monitor_run._standing_facts

    def counted(reg: Any, case_id: str, *args: Any) -> Any:
        calls.append(case_id)
        return real(reg, case_id, *args)

    monkeypatch.setattr(monitor_run, "_standing_facts", counted)
    return calls


def test_an_incident_recorded_after_the_reads_were_kept_is_shown(board: BoardFixture,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    approve(board)
    reads = _reads(monkeypatch)
    reg = open_registry(board.database_url)
    ring = load_keyring(KEYRING)
    with time_machine.travel(STORY_VERIFIED, tick=False):
        first = _views.deploy_now(reg, CASE, ring)
        assert first.deployable or first.demonstration, first
        assert not any(OWED in r for r in first.reasons)
        again = _views.deploy_now(reg, CASE, ring)
        assert len(reads) == 1 and again.reasons == first.reasons  # the second page read nothing afresh
        _incident(board.database_url)  # recorded by another process, without running the triggers
        after = _views.deploy_now(reg, CASE, ring)
        assert len(reads) == 2, "a new log entry reads the registry again"
        assert not after.deployable and any(OWED in r for r in after.reasons), after.reasons
        # what a fresh read says, and what `verify --db` holds the deploy to
        assert deploy_triggers_owed(reg, CASE, ring, after.boundary) == deploy_triggers_owed(
            open_registry(board.database_url), CASE, ring, after.boundary)


def test_the_time_asked_at_is_never_kept(board: BoardFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    approve(board)
    reads = _reads(monkeypatch)
    reg = open_registry(board.database_url)
    ring = load_keyring(KEYRING)
    kept = OwedReads()
    early = deploy_triggers_owed(reg, CASE, ring, None, STORY_VERIFIED, kept=kept)
    # days later, nothing logged since: the case's monitors have been silent past their 24 hours
    late_at = STORY_VERIFIED + dt.timedelta(days=3)
    late = deploy_triggers_owed(reg, CASE, ring, None, late_at, kept=kept)
    assert len(reads) == 1  # the registry's reads were kept ...
    assert late == deploy_triggers_owed(reg, CASE, ring, None, late_at)  # ... and the answer is as of then
    assert late != early and late_at.date().isoformat() in " ".join(late), (early, late)
    # another keyring object (the board re-read its file, or the log's revocations changed) reads again
    deploy_triggers_owed(reg, CASE, load_keyring(KEYRING), None, late_at, kept=kept)
    assert len(reads) == 3


def test_a_third_case_drops_the_one_used_least_recently() -> None:
    kept = OwedReads(2)
    ring = object()
    kept.put("case-a", 7, ring, "reads of a")
    kept.put("case-b", 7, ring, "reads of b")
    assert kept.get("case-a", 7, ring) == "reads of a"  # case-a used: case-b is now the older
    kept.put("case-c", 7, ring, "reads of c")
    assert len(kept) == 2 and "case-b" not in kept
    assert kept.get("case-b", 7, ring) is None
    assert kept.get("case-a", 7, ring) == "reads of a" and kept.get("case-c", 7, ring) == "reads of c"
    assert OwedReads().cases == OwedReads.CASES == 256
    with pytest.raises(ValueError, match="at least one case"):
        OwedReads(0)


def test_a_dropped_case_is_read_again_as_it_stands(board: BoardFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    approve(board)
    reads = _reads(monkeypatch)
    reg = open_registry(board.database_url)
    ring = load_keyring(KEYRING)
    kept = OwedReads(2)
    deploy_triggers_owed(reg, CASE, ring, None, STORY_VERIFIED, kept=kept)
    assert len(reads) == 1 and CASE in kept
    # two other cases asked about since (the board's other deployable cases): atlas-2-api is dropped
    for other in ("other-1", "other-2"):
        kept.put(other, reg.size(), ring, ("reads of", other))
    assert CASE not in kept and len(kept) == 2
    late_at = STORY_VERIFIED + dt.timedelta(days=3)  # the monitors silent past their 24 hours: a trigger fires
    late = deploy_triggers_owed(reg, CASE, ring, None, late_at, kept=kept)
    assert len(reads) == 2, "a dropped case is read afresh"
    assert CASE in kept and "other-1" not in kept  # kept again, in place of the case used least recently
    assert late and late == deploy_triggers_owed(reg, CASE, ring, None, late_at)  # as a fresh read says
    assert len(reads) == 3
    assert deploy_triggers_owed(reg, CASE, ring, None, late_at, kept=kept) == late
    assert len(reads) == 3  # what was read again is kept
