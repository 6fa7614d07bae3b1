"""A sign-off's date at the gate is never later than the registry first logged its envelope (SQLite
and PostgreSQL). A line's `date` is typed by the lab and is not under the signature (the case
digest leaves the decision section out), so where a registry is consulted (`gate --registry`, the
registry's own judgement before it approves) the log's time bounds it, as `verify` takes a
signature's time from the log. Each test is the lab trying to hide a sign-off given before the
evidence it relied on (CG505) behind a later typed date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from tests._weights import submit_hashed
from tests.sign.helpers import World, make_world
from tests.verify.trusted import CASE, SIGNED, log_clock

from casegate.monitor import IllegalTransitionError, comparison_for, submit_for_review
from casegate.sign import sign_case
from casegate.store import open_registry
from casegate.verify import decide_case, judge_case

EARLY = dt.datetime(2026, 9, 28, 12, 0, tzinfo=dt.UTC)
"""When the registry logged the version holding the sign-offs: before the CTF (2026-10-02) and
bio (2026-10-09) results the rso's line says it relied on."""
SAM = "Sam Whitfield signed as `rso` on 2026-09-28 (its envelope was logged at 2026-09-28T12:00:00Z (log entry "


def _signed(tmp: Path) -> World:
    w = make_world(tmp / "w")
    for name, role in SIGNED.items():
        sign_case(w.load(), role, w.signers[name], w.ring)
    return w


def _cg505(w: World, reg: Any) -> list[str]:
    loaded = w.load()
    j = judge_case(loaded, w.ring, comparison=comparison_for(reg, loaded, keyring=w.ring) if reg is not None else None)
    return [f.message for f in j.record.findings if f.code == "CG505"]


def test_a_sign_off_logged_before_the_evidence_is_dated_by_the_log(tmp_path: Path, database_url: str) -> None:
    """Reason: CG505 read the line's typed date alone. The rso signed, and the registry stored his
    envelope with the version, on 2026-09-28; the line says 2026-11-22, after the evidence."""
    w = _signed(tmp_path)
    assert "date: 2026-11-22" in w.case.read_text()
    assert _cg505(w, None) == []  # on the typed dates alone, nothing to see
    with open_registry(database_url) as reg:
        with log_clock(EARLY):
            submit_hashed(reg, w.load())
        msgs = _cg505(w, reg)
    assert any(m.startswith(SAM) and "the line dates it 2026-11-22, but a signature's time is when the registry "
               "logged it" in m and m.endswith("before the evidence relied on: `E-cyber-ctf` (2026-10-02), "
                                               "`E-bio-uplift` (2026-10-09)") for m in msgs), msgs


def test_a_sign_off_logged_after_the_evidence_keeps_its_date(tmp_path: Path, database_url: str) -> None:
    """The honest story: the version was logged after the evidence and before the typed date; the
    registry's time does not move a date it does not contradict into a finding."""
    w = _signed(tmp_path)
    with open_registry(database_url) as reg:
        with log_clock(dt.datetime(2026, 11, 1, tzinfo=dt.UTC)):
            submit_hashed(reg, w.load())
        assert _cg505(w, reg) == []


def test_the_registry_does_not_approve_a_decision_on_a_sign_off_logged_before_the_evidence(
        tmp_path: Path, database_url: str) -> None:
    """Approval through the registry: the lab decides on its working copy (no registry: the typed
    dates pass) and asks the registry to approve; the registry's own gate run on the stored
    version dates the sign-offs by the log and refuses."""
    from casegate.approve import approve

    w = _signed(tmp_path)
    record, bundle = decide_case(w.load(), w.signers["sam"], "rso", w.ring)
    assert record.outcome in ("GO", "GO WITH CONDITIONS")
    with open_registry(database_url) as reg:
        with log_clock(EARLY):
            submit_hashed(reg, w.load())
            submit_for_review(reg, CASE, by="Sam Whitfield")
        with pytest.raises(IllegalTransitionError) as e:
            approve(reg, record, bundle, w.ring, unpinned=True)
    assert "says NO-GO" in e.value.message and "CG505 signoff-before-evidence" in e.value.message, e.value.message


def test_a_sign_off_on_record_before_the_evidence_stays_there_when_signed_again(tmp_path: Path,
                                                                                 database_url: str) -> None:
    """CG511 against a registry version: version 1 holds the rso's signed line, typed 2026-11-22 but
    logged on 2026-09-28; version 2 has him sign again (a fresh envelope the registry has not
    seen, so CG505 has only the typed date): the compared version's line counts as given no later
    than the registry recorded it."""
    w = _signed(tmp_path)
    with open_registry(database_url) as reg:
        with log_clock(EARLY):
            submit_hashed(reg, w.load())
        text = w.case.read_text()
        assert 'version: "1.0"' in text
        w.case.write_text(text.replace('version: "1.0"', 'version: "2.0"', 1))
        for name, role in SIGNED.items():
            sign_case(w.load(), role, w.signers[name], w.ring)
        loaded = w.load()
        j = judge_case(loaded, w.ring, comparison=comparison_for(reg, loaded, keyring=w.ring))
    codes = {f.code: f.message for f in j.record.findings if f.code in ("CG505", "CG511")}
    assert "CG505" not in codes, codes
    msgs = [f.message for f in j.record.findings if f.code == "CG511"]
    assert any(m.startswith("Sam Whitfield signed as `rso` on 2026-09-28 in version 1.0 (#1), before the evidence "
                            "relied on: `E-cyber-ctf` (2026-10-02), `E-bio-uplift` (2026-10-09)")
               for m in msgs), msgs
