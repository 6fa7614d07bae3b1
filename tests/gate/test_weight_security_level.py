"""A threshold's `security_level` is met only by a level an outside auditor signed (CG421).

The case: Atlas-2 behind the API under a framework edition whose Cyber High threshold (0.20) the
CTF result reaches (upper bound 0.214) and which requires SL4 weight security there. The lab wants
a GO, and its weight-security audit (Halden Assurance) found SL3. Before CG421 the policy's level
was compared with nothing: any weight-security safeguard met it, so the honest SL3 audit, an audit
stating no level beside a claim typed "SL4", and an audit of other weights were GO WITH CONDITIONS.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from tests.sign.helpers import EXAMPLE, World, make_world

from casegate.checks._derived import level_meets
from casegate.model import DecisionRecord
from casegate.sign import (
    attest_artifact,
    attest_evidence,
    declared_values,
    envelope_bytes,
    load_signer,
    parse_instant,
    sign_case,
)
from casegate.sign import tested_definitions as _definitions

AT = parse_instant("2026-11-25")
LATER = parse_instant("2026-12-01")
AUDIT_ENVELOPE = Path("reports") / "evidence-attestations" / "weights-audit.md.lena-kovac.dsse.json"
OTHER_WEIGHTS = "sha256:" + "ab" * 32
"""The digest of other weights (an earlier model on the same hosts)."""


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert text.count(old) == 1, (path, old)
    path.write_text(text.replace(old, new))


def _case(tmp: Path, level: str | None, *, prose_level: str = "SL3") -> World:
    """The case, its audit's result stating `level` (None: no level), attested by Halden's Lena
    Kovac as it stands, every required role signed."""
    w = make_world(tmp)
    _edit(w.dir / "policy.yaml", "    value: 0.30\n    alert: 0.15", "    value: 0.20\n    alert: 0.10")
    _edit(w.dir / "policy.yaml",
          "      - {boundary: api, level: alert, min_layers: 3, layers: [classifier, monitoring]}\n",
          "      - {boundary: api, level: alert, min_layers: 3, layers: [classifier, monitoring]}\n"
          "      - {boundary: api, level: threshold, min_layers: 3, layers: [classifier, monitoring]}\n"
          "    security_level: SL4\n")
    _edit(w.dir / "argument.yaml", "capability: {threshold: cyber-high, position: below}",
          "capability: {threshold: cyber-high, position: above}")
    _edit(w.dir / "argument.yaml",
          "claim: Atlas-2's cyber capability is below the Cyber High threshold under full elicitation.",
          "claim: Atlas-2's cyber capability cannot be ruled out at the Cyber High threshold.")
    _edit(w.dir / "argument.yaml", "claim: The weights are protected at SL3, verified by an independent audit.",
          f"claim: The weights are protected at {prose_level}, verified by an independent audit.")
    if level is not None:
        _edit(w.dir / "evidence.yaml", "    date: 2026-09-30\n    confidentiality: secret\n    result: {passed: true}",
              f"    date: 2026-09-30\n    confidentiality: secret\n    result: {{passed: true, security_level: {level}}}")
    _attest_audit(w)
    for name, role in {"dana": "safety-lead", "sam": "rso", "priya": "external-evaluator"}.items():
        sign_case(w.load(), role, w.signers[name], w.ring, at=AT)
    return w


def _lena(w: World):  # type: ignore[no-untyped-def]
    key = w.dir.parent / "keys" / "lena-kovac.key"
    if not key.exists():
        shutil.copyfile(EXAMPLE / "keys" / "lena-kovac.key", key)
        os.chmod(key, 0o600)
    return load_signer(str(key))


def _attest_audit(w: World) -> None:
    attest_evidence(w.load(), "E-weights-audit", _lena(w), w.ring, "evaluator", activity="ran",
                    says="Weight-security audit of the Atlas-2 serving and training clusters.",
                    at=parse_instant("2026-10-01T12:00:00Z"), out=w.dir / AUDIT_ENVELOPE)


def _gate(w: World) -> DecisionRecord:
    from casegate.gate import run_gate
    from casegate.verify import gate_inputs

    inputs = gate_inputs(w.load(), w.ring, LATER.date())
    return run_gate(inputs.loaded, today=LATER.date(), waivers=inputs.waivers,
                    waiver_problems=inputs.waiver_problems)


def _codes(record: DecisionRecord) -> set[str]:
    return {f.code for f in record.findings if f.severity == "blocking"}


def _cg421(record: DecisionRecord) -> str:
    (msg,) = [f.message for f in record.findings if f.code == "CG421"]
    return msg


@pytest.fixture(autouse=True)
def _demo_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASEGATE_DEMO_KEYS", "1")  # Lena Kovac's key is the example's


def test_an_audit_at_the_required_level_signed_by_its_auditor_passes(tmp_path: Path) -> None:
    """The control: Halden found SL4 and signed it with the system's digests."""
    record = _gate(_case(tmp_path, "SL4"))
    assert _codes(record) == set()
    assert record.outcome == "GO WITH CONDITIONS"


def test_an_audit_that_found_a_lower_level_blocks(tmp_path: Path) -> None:
    """The honest case: Halden found SL3, the framework asks SL4 at the threshold."""
    record = _gate(_case(tmp_path, "SL3"))
    assert record.outcome == "NO-GO"
    assert _codes(record) == {"CG421"}
    msg = _cg421(record)
    assert "the policy requires weight security SL4" in msg
    assert "`E-weights-audit` found SL3" in msg


def test_a_level_claimed_in_prose_over_an_audit_stating_none_blocks(tmp_path: Path) -> None:
    """The lab's move: the claim says SL4, the audit Halden signed states no level."""
    record = _gate(_case(tmp_path, None, prose_level="SL4"))
    assert record.outcome == "NO-GO"
    assert _codes(record) == {"CG421"}
    assert "`E-weights-audit` states no level" in _cg421(record)


def test_a_level_claimed_in_prose_over_a_red_team_alone_blocks(tmp_path: Path) -> None:
    """The lab's move: the claim says SL4 and the weight-security safeguard cites only Halden's
    insider red team (0 of 60 got through, independent), no audit: before CG421, GO WITH
    CONDITIONS (CG407 asks only for independent evidence of some kind)."""
    w = _case(tmp_path, "SL4", prose_level="SL4")
    _edit(w.dir / "case.yaml", "evidence: [E-weights-audit, E-insider]", "evidence: [E-insider]")
    for name, role in {"dana": "safety-lead", "sam": "rso", "priya": "external-evaluator"}.items():
        sign_case(w.load(), role, w.signers[name], w.ring, at=AT)
    record = _gate(w)
    assert record.outcome == "NO-GO"
    assert _codes(record) == {"CG421"}
    assert "no security audit is cited by them" in _cg421(record)


def test_a_level_typed_over_the_auditor_s_signed_one_blocks(tmp_path: Path) -> None:
    """The lab's move: Halden signed SL3; the lab types SL4 into the audit's result."""
    w = _case(tmp_path, "SL3")
    _edit(w.dir / "evidence.yaml", "result: {passed: true, security_level: SL3}",
          "result: {passed: true, security_level: SL4}")
    record = _gate(w)
    assert record.outcome == "NO-GO"
    assert "CG421" in _codes(record)
    assert "is not attested from outside the developer" in _cg421(record)


def _audit_signed_for(w: World, digests: list[str] | None) -> None:
    """Halden's attestation of the audit as the case declares it, but over `digests` (None: the
    statement records no weights, as an audit's attestation did before CG421)."""
    loaded = w.load()
    assert loaded.case is not None
    ev = loaded.case.evidence["E-weights-audit"]
    env, _, _ = attest_artifact(w.dir / "reports" / "weights-audit.md", _lena(w), w.ring, "evaluator",
                                activity="ran", says="Weight-security audit.", evidence_id="E-weights-audit",
                                at=parse_instant("2026-10-01T12:00:00Z"), kind=ev.kind, tests=list(ev.tests),
                                declared=declared_values(ev), safeguards=_definitions(loaded.case, ev),
                                system_digests=digests)
    (w.dir / AUDIT_ENVELOPE).write_bytes(envelope_bytes(env))


def test_an_audit_of_other_weights_blocks(tmp_path: Path) -> None:
    """The lab's move: Halden's SL4 audit of the hosts when they held other weights."""
    w = _case(tmp_path, "SL4")
    _audit_signed_for(w, [OTHER_WEIGHTS])
    record = _gate(w)
    assert record.outcome == "NO-GO"
    assert "CG421" in _codes(record)
    assert "is not attested from outside the developer" in _cg421(record)


def test_an_audit_level_signed_for_no_weights_blocks(tmp_path: Path) -> None:
    """The lab's move: an SL4 attestation that names no weights (counts for whatever model)."""
    w = _case(tmp_path, "SL4")
    _audit_signed_for(w, None)
    record = _gate(w)
    assert record.outcome == "NO-GO"
    assert "CG421" in _codes(record)


def test_an_expired_audit_blocks(tmp_path: Path) -> None:
    """Already caught before CG421 (CG306): an SL4 audit past the policy's 180 days."""
    w = _case(tmp_path, "SL4")
    _edit(w.dir / "evidence.yaml", "    date: 2026-09-30\n    confidentiality: secret\n    result: {passed: true,",
          "    date: 2026-05-30\n    confidentiality: secret\n    result: {passed: true,")
    _attest_audit(w)
    record = _gate(w)
    assert record.outcome == "NO-GO"
    assert {"CG306", "CG421"} <= _codes(record)
    assert "has expired" in _cg421(record)


@pytest.mark.parametrize(("found", "required", "meets"), [
    ("SL4", "SL4", True), ("RAND SL-4", "SL4", True), ("sl 5", "RAND SL4", True), ("ＳＬ４", "SL4", True),
    ("SL3", "SL4", False), ("SL3", "RAND SL4", False),
    ("ЅL4", "SL4", None),  # a Cyrillic Ѕ: not a level casegate can compare
    ("hardened", "SL4", None), ("hardened", "Hardened", True),
])
def test_levels_are_compared_by_number_or_by_spelling(found: str, required: str, meets: bool | None) -> None:
    assert level_meets(found, required) is meets


# --- the level the policy requires, lowered in the version that needs it (CG328) --------------

ATLAS = EXAMPLE


def _version(d: Path, version: str, level: str | None) -> Path:
    shutil.copytree(ATLAS, d)
    case = d / "case.yaml"
    _edit(case, 'version: "1.0"', f'version: "{version}"')
    _edit(d / "policy.yaml", "    security_level: SL3\n", f"    security_level: {level}\n" if level else "")
    return case


def _loosened(tmp: Path, before: str, now: str | None) -> list[str]:
    import datetime as dt

    from casegate.gate import run_gate
    from casegate.load import load_case
    from casegate.sign import load_keyring, with_attestations

    ring = load_keyring(ATLAS / "keys" / "keyring.yaml")
    at = parse_instant("2026-11-27", end_of_day=True)
    prev = with_attestations(load_case(_version(tmp / "v1", "1.0", before)), ring, at)
    case = with_attestations(load_case(_version(tmp / "v2", "1.1", now)), ring, at)
    r = run_gate(case, previous=prev, today=dt.date(2026, 11, 27), try_narrower=False)
    return [f.message for f in r.findings if f.code == "CG328" and f.blocking]


@pytest.mark.parametrize(("now", "shown"), [("SL3", "SL3"), (None, "none"), ("hardened", "hardened")])
def test_a_lowered_security_level_in_the_next_policy_blocks(tmp_path: Path, now: str | None, shown: str) -> None:
    """The lab's move: the policy riding in the case's folder asks SL4 of bio-high in 1.0; 1.1
    asks SL3, nothing, or a level of its own naming."""
    (msg,) = _loosened(tmp_path, "SL4", now)
    assert f"`bio-high` now requires weight security {shown}, not SL4" in msg


@pytest.mark.parametrize("now", ["SL4", "RAND SL-4", "SL5"])
def test_the_same_or_a_higher_security_level_is_no_loosening(tmp_path: Path, now: str) -> None:
    assert _loosened(tmp_path, "SL4", now) == []
