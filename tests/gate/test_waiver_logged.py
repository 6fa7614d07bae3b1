"""A waiver's span at the gate counts from no later than the registry first logged its envelope
(SQLite and PostgreSQL). Its `signed_at` is the signer's typed time: where a registry is consulted
(`gate` with a registry, the registry's own judgement before it approves) the log's time bounds
it, as it bounds a sign-off's date (CG505). The test is the rso typing a later `signed_at` so a
waiver signed long before it lapses looks fresh."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests._weights import submit_hashed
from tests.sign.helpers import make_world
from tests.verify.trusted import log_clock

from casegate.monitor import comparison_for
from casegate.sign import waive_finding
from casegate.store import open_registry
from casegate.verify import judge_case

LOGGED = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC)
"""When the rso signed the waiver and the registry stored it with the case's version."""
TYPED = dt.datetime(2027, 1, 15, 12, 0, tzinfo=dt.UTC)
"""The `signed_at` the rso typed into it: 59 days before its `until`, within the policy's 60."""
UNTIL = dt.date(2027, 3, 15)
GATE = dt.datetime(2027, 1, 16, 12, 0, tzinfo=dt.UTC)
RUNS = ("waiver waivers/CG702-1.dsse.json: runs 104 days from when the registry first logged it (entry ")


def test_a_forward_dated_waiver_is_dated_by_the_log(tmp_path: Path, database_url: str) -> None:
    """Reason: the span counted from the typed `signed_at` alone: a waiver signed and logged on
    2026-12-01 that says 2027-01-15 ran 104 days to 2027-03-15 under a 60-day policy."""
    w = make_world(tmp_path / "w")
    waive_finding(w.load(), "CG702", "rso", w.signers["sam"], w.ring, "monitor wiring", UNTIL, at=TYPED)
    loaded = w.load()
    alone = judge_case(loaded, w.ring, at=GATE)  # on the typed date alone, the waiver counts
    assert [x.until for x in alone.waivers] == ["2027-03-15"]
    assert not any(r.startswith(RUNS) for r in alone.record.rejected_waivers)
    with open_registry(database_url) as reg:
        with log_clock(LOGGED):
            submit_hashed(reg, w.load())
        j = judge_case(loaded, w.ring, at=GATE, comparison=comparison_for(reg, loaded, keyring=w.ring))
    (why,) = [r for r in j.record.rejected_waivers if r.startswith(RUNS)]
    assert why.endswith("2026-12-01; it is dated 2027-01-15) to 2027-03-15, longer than the policy's 60 days"), why
    assert not any(f.waived is not None for f in j.record.findings)


def test_a_waiver_logged_after_its_date_keeps_its_span(tmp_path: Path, database_url: str) -> None:
    """The honest story: signed on 2027-01-15 and logged after; the log does not move its date."""
    w = make_world(tmp_path / "w")
    waive_finding(w.load(), "CG702", "rso", w.signers["sam"], w.ring, "monitor wiring", UNTIL, at=TYPED)
    loaded = w.load()
    with open_registry(database_url) as reg:
        with log_clock(TYPED + dt.timedelta(hours=1)):
            submit_hashed(reg, w.load())
        j = judge_case(loaded, w.ring, at=GATE, comparison=comparison_for(reg, loaded, keyring=w.ring))
    assert not any(r.startswith("waiver waivers/CG702-1.dsse.json") for r in j.record.rejected_waivers), \
        j.record.rejected_waivers
