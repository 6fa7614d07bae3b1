"""Invariants of waivers: a waiver never removes a finding from the record, never makes the
outcome worse, and only the policy's rules decide whether it applies."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casegate.gate import record_bytes, run_gate
from casegate.load import load_case
from casegate.model import Waiver

ROOT = Path(__file__).resolve().parents[2]
LOADED = load_case(ROOT / "examples" / "failure-modes" / "no-public-memory" / "case.yaml")
BASE = run_gate(LOADED)
RANK = {"GO": 0, "GO WITH CONDITIONS": 1, "NO-GO": 2}

waivers = st.lists(st.builds(
    Waiver,
    code=st.sampled_from(["CG601", "CG305", "CG505", "CG701", "CG999"]),
    path=st.sampled_from([(), ("id",), ("publication",)]),
    role=st.sampled_from(["rso", "product-lead", "safety-lead"]),
    person=st.just("Sam Whitfield"),
    reason=st.just("time-boxed"),
    until=st.sampled_from(["2026-11-19", "2026-11-20", "2026-12-31", "2027-06-01"]),
), max_size=4)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(waivers)
def test_waivers_keep_findings_and_never_worsen_the_outcome(ws: list[Waiver]) -> None:
    r = run_gate(LOADED, waivers=ws)
    assert [(f.code, f.path, f.message) for f in r.findings] == [(f.code, f.path, f.message) for f in BASE.findings]
    assert RANK[r.outcome] <= RANK[BASE.outcome]
    applied = {f.waived for f in r.findings if f.waived is not None}
    for w in applied:
        # CG305 is a CG3 rule, non-waivable; only rso may waive CG6; lapsed or too long never applies
        assert w.role == "rso" and w.code == "CG601" and w.until in ("2026-11-20", "2026-12-31")
    # every offered waiver is either applied or explained
    assert len(r.rejected_waivers) <= len(ws)
    for w in ws:
        assert w in applied or any(w.code in why for why in r.rejected_waivers)
    assert record_bytes(r) == record_bytes(run_gate(LOADED, waivers=ws))
