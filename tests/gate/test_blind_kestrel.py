"""A case written apart from the examples (Kestrel-1, a research agent for vetted partner labs:
AI R&D acceleration and cyber operations, `tests/fixtures/rt_theater/kestrel`), gated as `gate
--preview` does with the examples' keyring. Honestly it is NO-GO: the cyber range result cannot
rule out the threshold, and transcript review, a threshold-level safeguard, misses 60 of 400
attempts. The lab's moves to GO without fixing that are tried here and in docs/security.md."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from casegate.model import DecisionRecord

ROOT = Path(__file__).resolve().parents[2]
KESTREL = ROOT / "tests" / "fixtures" / "rt_theater" / "kestrel"
RING = ROOT / "examples" / "atlas-api" / "keys" / "keyring.yaml"
OVERSIGHT = "862314a9c3f32722d851f608297287390894fe7c5165e351049cbe98f145e808"


@pytest.fixture(autouse=True)
def _demo_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASEGATE_DEMO_KEYS", "1")  # the examples' keyring: published keys, a demonstration


def _copy(tmp: Path) -> Path:
    d = tmp / "kestrel"
    shutil.copytree(KESTREL, d)
    return d


def _preview(d: Path) -> DecisionRecord:
    from casegate.gate import run_gate
    from casegate.load import load_case
    from casegate.sign import load_keyring, parse_instant
    from casegate.verify import gate_inputs

    day = parse_instant("2026-11-25").date()
    inputs = gate_inputs(load_case(d / "case.yaml"), load_keyring(RING), day, preview=True)
    return run_gate(inputs.loaded, today=day, waivers=inputs.waivers, waiver_problems=inputs.waiver_problems)


def _blocking(record: DecisionRecord) -> list[str]:
    return sorted(f.code for f in record.findings if f.severity == "blocking")


def _oversight_holds(d: Path) -> None:
    """The honest fix: transcript review retested, 1 miss in 400."""
    log = d / "reports" / "oversight-test.json"
    doc = json.loads(log.read_text())
    for i, s in enumerate(doc["samples"]):
        s["score"] = 1 if i == 0 else 0
    log.write_text(json.dumps(doc))
    ev = d / "evidence.yaml"
    ev.write_text(ev.read_text().replace(OVERSIGHT, hashlib.sha256(log.read_bytes()).hexdigest()))


def _edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text()
    assert text.count(old) == count, (path, old)
    path.write_text(text.replace(old, new))


def test_the_blind_case_is_honestly_no_go_and_go_once_fixed(tmp_path: Path) -> None:
    d = _copy(tmp_path)
    record = _preview(d)
    assert record.outcome == "NO-GO" and _blocking(record) == ["CG406"]
    _oversight_holds(d)
    record = _preview(d)
    assert record.outcome == "GO WITH CONDITIONS" and _blocking(record) == []


def test_nobody_accepting_the_risk_is_no_go(tmp_path: Path) -> None:
    d = _copy(tmp_path)
    _oversight_holds(d)
    _edit(d / "case.yaml", "    accepted_by: rso\n", "", count=2)
    assert _blocking(_preview(d)) == ["CG412", "CG412"]


def test_an_acceptance_typed_for_the_head_of_safeguards_who_never_signs_is_no_go(tmp_path: Path) -> None:
    """The lab's move on the blind case: both residual risks 'accepted' by head-of-safeguards (held by
    Ravi Menon in the keyring, declared by the policy), whose holder never signs."""
    d = _copy(tmp_path)
    _oversight_holds(d)
    _edit(d / "case.yaml", "    accepted_by: rso\n", "    accepted_by: head-of-safeguards\n", count=2)
    _edit(d / "policy.yaml", "roles: [ciso]", "roles: [ciso, head-of-safeguards]")
    record = _preview(d)
    assert record.outcome == "NO-GO" and _blocking(record) == ["CG417", "CG417"]
    # Ravi Menon's own sign-off line as head of safeguards is the acceptance
    _edit(d / "case.yaml", "relies_on: [E-mle, E-cyber-range]}\n",
          "relies_on: [E-mle, E-cyber-range]}\n    - {role: head-of-safeguards, person: Ravi Menon, date: 2026-11-22}\n")
    record = _preview(d)
    assert record.outcome == "GO WITH CONDITIONS" and _blocking(record) == []


RANGE_ESTIMATE = "estimate: Upper bound of about 5e-5 intrusions per year at 95% confidence."


def _estimate(d: Path, text: str) -> None:
    _edit(d / "case.yaml", RANGE_ESTIMATE, f"estimate: {json.dumps(text)}")


def _cg414(record: DecisionRecord) -> list[str]:
    return [f.message for f in record.findings if f.code == "CG414"]


@pytest.mark.parametrize("words", [
    "Bounded by three tested layers of control.",
    "Within tolerance given 3 independent layers.",
    "Bounded: each of the three layers holds at 95% confidence.",
])
def test_an_estimate_that_says_bounded_without_a_bound_is_no_go(tmp_path: Path, words: str) -> None:
    """The lab's move: the risk on the cyber pathway 'bounded' in words (with a count of layers or a
    confidence level for a number), not by a rate. 'Negligible.' was refused; these were not."""
    d = _copy(tmp_path)
    _oversight_holds(d)
    _estimate(d, words)
    record = _preview(d)
    assert record.outcome == "NO-GO" and _blocking(record) == ["CG414"], _cg414(record)
    (msg,) = _cg414(record)
    assert msg.startswith("the residual-risk estimate on `range-intrusion` ")
    assert "states no number" in msg or "states no rate per year" in msg


def test_an_estimate_under_the_bound_the_evidence_gives_is_no_go(tmp_path: Path) -> None:
    """The lab types 1e-6 a year where the safeguards' tests and the attempt rate bound the risk at
    3.9e-6 (transcript review retested, 1 miss in 400): the gate's figure, as it prints it, passes."""
    d = _copy(tmp_path)
    _oversight_holds(d)
    _estimate(d, "Upper bound of about 1e-6 intrusions per year at 95% confidence.")
    record = _preview(d)
    assert _blocking(record) == ["CG414"]
    (msg,) = _cg414(record)
    assert "states 1e-06 per year, below what the evidence supports" in msg and "is 3.9e-06 successful harms" in msg
    _edit(d / "case.yaml", "about 1e-6 intrusions", "3.9e-6 intrusions")
    assert _blocking(_preview(d)) == []
    _edit(d / "case.yaml", "3.9e-6 intrusions per year", "1 in 100,000 intrusions a year")  # 1e-5, above
    assert _blocking(_preview(d)) == []


def test_a_pathway_argued_by_inability_is_not_held_to_the_bound_over_safeguards(tmp_path: Path) -> None:
    """AI R&D is measured below its alert level: the bound over safeguards is defence in depth, and
    the estimate may state the capability's bound instead (a number, still)."""
    d = _copy(tmp_path)
    _oversight_holds(d)
    _edit(d / "case.yaml", "estimate: Upper bound of about 1e-4 occurrences per year given vetting, oversight and quotas.",
          "estimate: Research engineering capability has a 95% upper bound of 0.137, below the 0.2 alert level.")
    assert _blocking(_preview(d)) == []
    _edit(d / "case.yaml", "has a 95% upper bound of 0.137, below the 0.2 alert level.", "is bounded below the alert level.")
    (msg,) = _cg414(_preview(d))
    assert "`rnd-acceleration`" in msg and "states no number" in msg


@pytest.mark.parametrize("words", [
    "The residual risk is acceptable and has been accepted.",
    "Remaining risk reviewed, documented and deemed tolerable.",
])
def test_a_rationale_that_only_gives_the_verdict_is_no_go(tmp_path: Path, words: str) -> None:
    """The lab's move: why the risk may be accepted, answered with the acceptance itself ('Accepted.'
    alone was refused as too short; a sentence of the same verdict was not)."""
    d = _copy(tmp_path)
    _oversight_holds(d)
    _edit(d / "case.yaml", "rationale: Three tested layers block every step of the pathway.", f"rationale: {words}")
    record = _preview(d)
    assert record.outcome == "NO-GO" and _blocking(record) == ["CG414"]
    (msg,) = _cg414(record)
    assert msg == (f"the residual-risk rationale on `range-intrusion` carries no content: \"{words}\" says only that "
                   "the risk is accepted, not why accepting it is justified")
    # a reason, however short, is a reason
    _edit(d / "case.yaml", f"rationale: {words}", "rationale: Accepted because transcript review catches 399 of 400.")
    assert _blocking(_preview(d)) == []
