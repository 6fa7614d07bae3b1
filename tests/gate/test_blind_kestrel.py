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
