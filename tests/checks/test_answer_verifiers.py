"""The gate's own answer to "who checked the evidence?" names a safeguard's verifier as a finding
only where that party signed an attestation (verified against the keyring the gate used) covering
one of the safeguard's tests, as the pages do; otherwise the line says it is the case's word."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from casegate.gate import run_gate
from casegate.load import load_case

from ..evidence.atlas_copy import TODAY, edit, signed

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def atlas(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "examples" / "atlas-api", tmp_path / "atlas")
    return tmp_path / "atlas"


def _checked_by(loaded) -> list[str]:  # type: ignore[no-untyped-def]
    answer = next(a for a in run_gate(loaded, today=TODAY).answers if a.key == "checked-by")
    return answer.answer.splitlines()


def test_the_lab_typing_an_outside_verifier_is_the_cases_word_in_the_gates_answer(atlas: Path) -> None:
    # the move: the lab names the external red team as the verifier of its own refusal training
    edit(atlas / "case.yaml", "    verified_by: acme-safeguards", "    verified_by: northbridge-security")
    lines = _checked_by(signed(atlas))
    assert "northbridge-security verified SG-refusal [declared]" not in lines
    assert not any(ln.startswith("northbridge-security verified SG-refusal") for ln in lines)
    assert ("the case says northbridge-security verified SG-refusal [declared: no attestation by that party "
            "covers its tests]") in lines
    # control: the classifier Jonas Berg (Northbridge) signed a test of is named as the gate's finding
    assert ("northbridge-security verified SG-classifier [derived: signed attestation by Jonas Berg "
            "(Northbridge Security) ran it]") in lines


def test_an_attestation_by_another_party_does_not_make_the_typed_verifier_the_gates_finding(atlas: Path) -> None:
    text = (atlas / "case.yaml").read_text()
    i = text.index("  SG-classifier:")
    j = text.index("verified_by: northbridge-security", i)
    (atlas / "case.yaml").write_text(text[:j] + "verified_by: halden-assurance"
                                     + text[j + len("verified_by: northbridge-security"):])
    lines = _checked_by(signed(atlas))
    assert not any(ln.startswith("halden-assurance verified SG-classifier") for ln in lines)
    assert any(ln.startswith("the case says halden-assurance verified SG-classifier [declared") for ln in lines)


def test_without_a_keyring_no_verifier_is_the_gates_finding(atlas: Path) -> None:
    lines = _checked_by(load_case(atlas / "case.yaml"))
    verified = [ln for ln in lines if " verified SG-" in ln]
    assert verified and all(ln.startswith("the case says ") for ln in verified)


def test_a_sign_off_envelope_nobody_checked_is_not_the_gates_finding(atlas: Path) -> None:
    # the move: a sign-off line pointing at an envelope file, gated without a keyring (nothing
    # verifies it): the line no longer reads as signed, as one without an envelope never did
    (atlas / "signoffs").mkdir(exist_ok=True)
    (atlas / "signoffs" / "dana.json").write_text('{"payloadType": "x", "payload": "", "signatures": []}')
    edit(atlas / "case.yaml", "relies_on: [E-cyber-ctf, E-bio-uplift, E-redteam-classifier]}",
         "relies_on: [E-cyber-ctf, E-bio-uplift, E-redteam-classifier], envelope: signoffs/dana.json}")
    lines = _checked_by(load_case(atlas / "case.yaml"))
    (dana,) = [ln for ln in lines if ln.startswith("Dana Ortiz (safety-lead) signed on")]
    assert dana.endswith("[declared: its envelope was not checked against a keyring]")
    (sam,) = [ln for ln in lines if ln.startswith("Sam Whitfield (rso) signed on")]  # control
    assert sam.endswith("[declared: no signed envelope]")


def test_an_objections_typed_status_is_the_cases_word_in_the_gates_answer(atlas: Path) -> None:
    # the move: the lab's file types its outside evaluator's unsigned objection and a defeater as
    # answered; the gate's answer to "who could object?" repeated "[O-1, answered]" as its own
    answer = next(a for a in run_gate(signed(atlas), today=TODAY).answers if a.key == "objectors")
    lines = answer.answer.splitlines()
    (o1,) = [ln for ln in lines if "objected on" in ln]
    assert "[O-1, answered as the case records it]" in o1 and "[O-1, answered]" not in o1
    assert o1.startswith("Priya Natarajan (external-evaluator) objected on 2026-11-21")  # still named
    (d1,) = [ln for ln in lines if "raised defeater D1" in ln]
    assert d1.endswith("(answered as the case records it)")
