"""`verify` holds a bundle's outside sign-offs and independent evidence to everyone the keyring lets
decide the boundary, as the gate does (`casegate.evidence.deciders`): the lab signs a GO decision
record of its own making, under the keyring the trust root pins, in which its RSO (who may
decide) is recorded of the outside evaluator's organisation, or of the auditing firm's, or of
none. The gate judges that case NO-GO; `verify` re-checked independence only against the
developer's organisations and the actual decider's, and passed the bundle."""

from __future__ import annotations

from pathlib import Path

from casegate.model import BoundaryKind
from casegate.sign import parse_instant
from casegate.verify import Verdict, check_bundle, judge_case, make_bundle
from tests.gate.test_independent_roles import _of, _signed_by_priya
from tests.sign.helpers import MODEL, World, make_world

AT = parse_instant("2026-11-25")


def _forged(tmp: Path, organisations: dict[str, str | None]) -> tuple[World, Verdict, str]:
    """Every role signs; the lab judges the case under the keyring as it was (its RSO of Acme
    Labs: GO WITH CONDITIONS) and has its safety lead, of Acme Labs, sign that record into a
    bundle under the keyring the deploy trusts, which records `organisations`. Returns the world,
    `verify`'s verdict on the bundle and the gate's own outcome under that keyring."""
    w = make_world(tmp)
    _signed_by_priya(w)
    before = judge_case(w.load(), w.ring, at=AT)
    assert before.record.outcome == "GO WITH CONDITIONS"
    _of(w, organisations)
    gate = judge_case(w.load(), w.ring, at=AT).record.outcome
    bundle = make_bundle(before.loaded, before.record, before.collected, w.signers["dana"], "safety-lead", w.ring,
                         at=AT, artifacts=before.artifacts)
    return w, check_bundle(bundle, w.ring, model_digest=MODEL, boundary=BoundaryKind.api, at=AT), gate


def test_an_outside_evaluator_of_a_possible_decider_s_organisation_does_not_verify(tmp_path: Path) -> None:
    """The RSO, Sam Whitfield, and the external evaluator are both of Helios AI; the safety lead
    (Acme Labs) decides. The evaluator's sign-off filled the independent role in `verify`."""
    _, v, gate = _forged(tmp_path, {"Sam Whitfield": "Helios AI", "Priya Natarajan": "Helios AI"})
    assert gate == "NO-GO"
    assert not v.ok
    assert any(r.startswith("role external-evaluator needs 1 distinct person from outside the developer's "
                            "organisations; only 0 counted")
               and "Priya Natarajan is from Helios AI, the organisation of Sam Whitfield, who may sign the decision "
                   "for `api`" in r for r in v.reasons), v.reasons


def test_evidence_attested_by_a_possible_decider_s_firm_does_not_verify(tmp_path: Path) -> None:
    """The RSO is recorded of Halden Assurance, whose auditor's attestations make the weight-security
    audit (and two more items) independent. `verify` counted them."""
    _, v, gate = _forged(tmp_path, {"Sam Whitfield": "Halden Assurance"})
    assert gate == "NO-GO"
    assert not v.ok
    audit = [r for r in v.reasons if r.startswith("evidence E-weights-audit was counted independent")]
    assert audit and ("Lena Kovac is from Halden Assurance, the organisation of Sam Whitfield, who may sign the "
                      "decision for `api`") in audit[0], v.reasons
    # the sign-offs themselves are not in question: Priya is of Northbridge Security
    assert not [r for r in v.reasons if r.startswith("role external-evaluator")], v.reasons


def test_a_possible_decider_with_no_organisation_on_record_fails_closed(tmp_path: Path) -> None:
    """With no organisation on record for the RSO, whether anyone is outside the decider's
    organisation cannot be established: neither the outside sign-off nor any attested evidence
    counts."""
    _, v, gate = _forged(tmp_path, {"Sam Whitfield": None})
    assert gate == "NO-GO"
    assert not v.ok
    why = "the keyring records no organisation for Sam Whitfield, who may sign the decision for `api`"
    assert any(r.startswith("role external-evaluator") and why in r for r in v.reasons), v.reasons
    assert any(r.startswith("evidence E-weights-audit") and why in r for r in v.reasons), v.reasons


def test_an_evaluator_of_an_organisation_no_decider_belongs_to_verifies(tmp_path: Path) -> None:
    """Only a possible decider's organisation is the developer's: the evaluator at Helios AI, with
    every possible decider at Acme Labs, still verifies (the gate says GO WITH CONDITIONS too)."""
    _, v, gate = _forged(tmp_path, {"Priya Natarajan": "Helios AI"})
    assert gate == "GO WITH CONDITIONS"
    assert v.ok, v.reasons


def test_an_outside_evaluator_who_may_also_decide_does_not_verify(tmp_path: Path) -> None:
    """The pinned keyring gives the external evaluator a second key, as `rso` (a role that may
    decide): she acts for the developer, whatever her organisation. Her sign-off filled the
    independent role in `verify`."""
    from casegate.sign import add_key, generate_key, load_signer, save_keyring

    w = make_world(tmp_path)
    _signed_by_priya(w)
    before = judge_case(w.load(), w.ring, at=AT)
    assert before.record.outcome == "GO WITH CONDITIONS"
    key = tmp_path / "keys" / "priya-rso.key"
    generate_key(key)
    w.ring = add_key(w.ring, load_signer(str(key)).public_key, person="Priya Natarajan", roles=["rso"],
                     valid_from="2026-01-01", valid_until="2028-12-31", organisation="Northbridge Security")
    save_keyring(w.ring, w.ring_path)
    assert judge_case(w.load(), w.ring, at=AT).record.outcome == "NO-GO"
    bundle = make_bundle(before.loaded, before.record, before.collected, w.signers["sam"], "rso", w.ring, at=AT,
                         artifacts=before.artifacts)
    v = check_bundle(bundle, w.ring, model_digest=MODEL, boundary=BoundaryKind.api, at=AT)
    assert any(r.startswith("role external-evaluator needs 1 distinct person from outside")
               and "Priya Natarajan may sign the decision for `api`" in r for r in v.reasons), v.reasons
