"""The store records a public summary only of a version the registry has judged, on SQLite and
PostgreSQL alike.

The lab's move: a program (not `casegate publish`, which judges first) submits a version and logs
a GO summary of it straight through `record_publication`, with no judgement of that version on
the record; or logs its own gate run as a decision first, which is the lab's word and not the
registry's judgement; or logs a summary of a judged version that leaves out a condition or a
blocking reason the judgement found. Each is refused and nothing is logged; a summary that shows
what the registry's logged judgement found is recorded."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from casegate.approve import judged_found
from casegate.errors import VerificationError
from casegate.gate import run_gate
from casegate.load import Loaded, load_case
from casegate.model import DecisionRecord
from casegate.publish import Salts, build_summary
from casegate.sign import sign_case
from casegate.store import (
    MemorySaltStore,
    Registry,
    json_sha256,
    judged_outcome,
    record_decision,
    record_judgement,
    record_publication,
)
from casegate.verify import judge_case
from tests.sign.helpers import make_world
from tests.verify.trusted import SIGNED

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "atlas-api" / "case.yaml"
CASE = "atlas-2-api"
JUDGED = {"keyring": "sha256:" + "0" * 64, "trust_root": None, "at": "2026-11-27T00:00:00Z"}


def _summary(outcome: str) -> dict[str, Any]:
    return {"case": {"id": CASE}, "decision": {"outcome": outcome, "conditions": []}}


def _publications(reg: Registry) -> list[Any]:
    return reg.events(case_id=CASE, kind="publication")


def test_a_summary_of_a_version_nobody_judged_is_refused(registry: Registry) -> None:
    v = registry.submit_case(load_case(EXAMPLE))
    before = registry.size()
    with pytest.raises(VerificationError, match="has logged no judgement of version 1 of atlas-2-api") as e:
        record_publication(registry, CASE, _summary("GO"), version=v.number)
    assert "casegate publish" in (e.value.help or "")
    # no version named: nothing to hold the summary to either
    with pytest.raises(VerificationError, match="no judgement of an unnamed version"):
        record_publication(registry, CASE, _summary("GO"))
    assert _publications(registry) == [] and registry.size() == before


def test_the_labs_own_decision_is_not_the_registrys_judgement(registry: Registry) -> None:
    loaded = load_case(EXAMPLE)
    v = registry.submit_case(loaded)
    record = run_gate(loaded)
    record_decision(registry, record, version=v.number)  # logged with no judgement of the registry's
    assert judged_outcome(registry, CASE, v.number) is None
    with pytest.raises(VerificationError, match="no judgement"):
        record_publication(registry, CASE, _summary(record.outcome), version=v.number)
    assert _publications(registry) == []


def _judged(registry: Registry, loaded: Loaded, record: DecisionRecord) -> int:
    """Submit `loaded` and log `record` as the registry's judgement of it, as `casegate publish`
    does; the version's number."""
    v = registry.submit_case(loaded)
    record_judgement(registry, CASE, version=v.number, outcome=record.outcome,
                     record_sha256=json_sha256(json.loads(record.model_dump_json())), judged=JUDGED,
                     found=judged_found(record, loaded.case, signed=loaded.case, policy=loaded.policy))
    return v.number


def _written(loaded: Loaded, record: DecisionRecord) -> dict[str, Any]:
    """The public summary `casegate publish` writes of `record` (summary.json)."""
    assert loaded.case is not None
    s = build_summary(loaded.case, record, salts=Salts(MemorySaltStore()), policy=loaded.policy)
    return dict(json.loads(s.model_dump_json()))


def test_a_summary_held_to_the_logged_judgement(registry: Registry) -> None:
    loaded = load_case(EXAMPLE)
    record = run_gate(loaded)
    number = _judged(registry, loaded, record)
    v = registry.case_version(CASE)
    assert v is not None and v.number == number
    j = registry.events(case_id=CASE, kind="judgement")[-1]
    assert judged_outcome(registry, CASE, v.number) == (record.outcome, j.index)
    other = "GO" if record.outcome != "GO" else "NO-GO"
    with pytest.raises(VerificationError, match="registry's own judgement"):
        record_publication(registry, CASE, _summary(other), version=v.number)
    entry = record_publication(registry, CASE, _written(loaded, record), version=v.number, judged=JUDGED)
    assert [e.index for e in _publications(registry)] == [entry.index]
    # a judgement of version 1 says nothing about version 2
    with pytest.raises(VerificationError, match="no judgement of version 2"):
        record_publication(registry, CASE, _summary(record.outcome), version=2)


def test_a_summary_that_leaves_out_a_condition_is_refused(registry: Registry, tmp_path: Path) -> None:
    """The registry judged the signed case GO WITH CONDITIONS (C1); the lab logs the summary with
    C1 taken out, or with another condition added. Refused, nothing logged. The summary as
    written for the public, C1's words withheld but C1 still listed, is recorded."""
    w = make_world(tmp_path / "w")
    for name, role in SIGNED.items():
        sign_case(w.load(), role, w.signers[name], w.ring)
    loaded = w.load()
    record = judge_case(loaded, w.ring).record
    assert record.outcome == "GO WITH CONDITIONS" and [c.id for c in record.conditions] == ["C1"]
    version = _judged(registry, loaded, record)
    written = _written(loaded, record)
    c1 = written["decision"]["conditions"][0]
    assert c1["withheld"] and c1["text"] is None
    left_out = copy.deepcopy(written)
    left_out["decision"]["conditions"] = []
    added = copy.deepcopy(written)
    added["decision"]["conditions"].append({**c1, "id": "C2", "cause": "CG301"})
    before = registry.size()
    with pytest.raises(VerificationError, match=rf"condition C1 \({c1['cause']}, due {c1['due']}\) is left out") as e:
        record_publication(registry, CASE, left_out, version=version)
    assert "casegate publish" in (e.value.help or "")
    with pytest.raises(VerificationError, match=r"condition C2 \(CG301, .*is not one the registry found"):
        record_publication(registry, CASE, added, version=version)
    assert _publications(registry) == [] and registry.size() == before
    entry = record_publication(registry, CASE, written, version=version)
    assert [e.index for e in _publications(registry)] == [entry.index]


def test_a_no_go_summary_that_leaves_out_a_blocking_reason_is_refused(registry: Registry) -> None:
    """The registry judged the unsigned case NO-GO; the lab logs the summary with one blocking
    finding taken out, with one of what the boundary lacks taken out, or naming a narrower boundary
    the evidence does not support. Refused, nothing logged; the summary as written is recorded."""
    loaded = load_case(EXAMPLE)
    record = run_gate(loaded)
    blocking = [f for f in record.findings if f.blocking]
    assert record.outcome == "NO-GO" and blocking and record.narrower is None
    version = _judged(registry, loaded, record)
    written = _written(loaded, record)
    findings = written["decision"]["findings"]
    shown = next(f for f in findings if f["severity"] == "blocking" and f["element"] is not None)
    no_finding = copy.deepcopy(written)
    no_finding["decision"]["findings"] = [f for f in findings if f is not shown]
    no_lack = copy.deepcopy(written)
    no_lack["decision"]["lacks"] = written["decision"]["lacks"][1:]
    narrower = copy.deepcopy(written)
    narrower["decision"]["narrower"] = "internal"
    before = registry.size()
    with pytest.raises(VerificationError,
                       match=rf"blocking finding {shown['code']} at {shown['element']} is left out"):
        record_publication(registry, CASE, no_finding, version=version)
    with pytest.raises(VerificationError, match=r"what the requested boundary lacks \(\d+ item\(s\)\)"):
        record_publication(registry, CASE, no_lack, version=version)
    with pytest.raises(VerificationError, match="narrower boundary the evidence supports is none, not internal"):
        record_publication(registry, CASE, narrower, version=version)
    assert _publications(registry) == [] and registry.size() == before
    record_publication(registry, CASE, written, version=version)
    assert len(_publications(registry)) == 1


def test_a_judgement_that_does_not_record_what_it_found_holds_no_summary(registry: Registry) -> None:
    """A judgement logged before judgements recorded what they found: whether a summary shows
    every condition and blocking reason cannot be checked, so none is recorded on it (fail
    closed), and the refusal says to publish again, which logs a judgement that records them."""
    loaded = load_case(EXAMPLE)
    record = run_gate(loaded)
    v = registry.submit_case(loaded)
    registry.record("judgement", CASE, {"version": v.number, "outcome": record.outcome,
                                        "record_sha256": json_sha256(json.loads(record.model_dump_json())),
                                        **JUDGED, "via": "publish"})
    with pytest.raises(VerificationError, match="does not record the conditions and blocking findings") as e:
        record_publication(registry, CASE, _written(loaded, record), version=v.number)
    assert "casegate publish" in (e.value.help or "")
    assert _publications(registry) == []


def test_a_summary_that_withholds_a_blocking_reason_s_element_the_judgement_shows_is_refused(
        registry: Registry) -> None:
    """The registry judged the unsigned case NO-GO; the lab logs the summary with a blocking
    finding about a public element marked withheld, its element hidden (as if it concerned
    redacted content), so readers cannot see what blocks the case. Before, a withheld finding
    counted for any judged finding of the same rule. Refused, nothing logged; a finding about an
    element the public audience may not see stays withheld in the summary as written, which is
    recorded."""
    loaded = load_case(EXAMPLE)
    record = run_gate(loaded)
    version = _judged(registry, loaded, record)
    written = _written(loaded, record)
    findings = written["decision"]["findings"]
    shown = next(f for f in findings if f["severity"] == "blocking" and f["element"] is not None)
    hidden = copy.deepcopy(written)
    for f in hidden["decision"]["findings"]:
        if f == shown:
            f.update(element=None, location=None, message=None, withheld=True)
    before = registry.size()
    with pytest.raises(VerificationError, match=rf"blocking finding {shown['code']} is marked withheld, but the "
                                                rf"element it concerns \({shown['element']}"):
        record_publication(registry, CASE, hidden, version=version)
    assert _publications(registry) == [] and registry.size() == before
    record_publication(registry, CASE, written, version=version)
    assert len(_publications(registry)) == 1


def test_a_withheld_blocking_reason_is_checked_only_against_a_judgement_that_records_levels(
        registry: Registry) -> None:
    """A judgement logged before judgements recorded the level each blocking finding's element is
    withheld above: a summary that withholds one cannot be checked, and is refused (fail closed);
    `casegate publish` logs a fresh judgement that records them."""
    loaded = load_case(EXAMPLE)
    record = run_gate(loaded)
    v = registry.submit_case(loaded)
    record_judgement(registry, CASE, version=v.number, outcome=record.outcome,
                     record_sha256=json_sha256(json.loads(record.model_dump_json())), judged=JUDGED,
                     found=judged_found(record))
    written = _written(loaded, record)
    shown = next(f for f in written["decision"]["findings"] if f["severity"] == "blocking" and f["element"])
    shown.update(element=None, location=None, message=None, withheld=True)
    with pytest.raises(VerificationError, match="does not record which elements are redacted for which audience"):
        record_publication(registry, CASE, written, version=v.number)
    assert _publications(registry) == []
