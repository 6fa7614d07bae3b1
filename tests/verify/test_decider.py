"""The decision's own signer: the policy says which roles may decide and whether the decider may
also sign off; decide refuses and verify rejects a decision signed by anyone else."""

from __future__ import annotations

import pytest

from casegate.model import BoundaryKind
from casegate.sign import parse_instant, sign_case
from casegate.verify import BundleVerificationError, check_bundle, collect, decide_case, make_bundle
from tests.sign.helpers import MODEL, make_world

AT = parse_instant("2026-11-25")
SIGNED = {"dana": "safety-lead", "sam": "rso", "priya": "external-evaluator"}


def _world(tmp_path, policy_extra: str = ""):  # type: ignore[no-untyped-def]
    w = make_world(tmp_path)
    if policy_extra:
        p = w.dir / "policy.yaml"
        p.write_text(p.read_text() + policy_extra)
    for name, role in SIGNED.items():
        sign_case(w.load(), role, w.signers[name], w.ring, at=AT)
    return w


def test_a_product_lead_cannot_decide(tmp_path) -> None:  # type: ignore[no-untyped-def]
    w = _world(tmp_path)
    with pytest.raises(BundleVerificationError) as e:
        decide_case(w.load(), w.signers["pat"], "product-lead", w.ring, at=AT)
    assert any("Pat Quinn as product-lead, a role the policy does not let decide" in r for r in e.value.reasons)
    # forged past decide: the bundle signed by the product lead does not verify
    record, good = decide_case(w.load(), w.signers["sam"], "rso", w.ring, at=AT)
    loaded = w.load()
    forged = make_bundle(loaded, record, collect(loaded, w.ring, AT), w.signers["pat"], "product-lead", w.ring, at=AT)
    v = check_bundle(forged, w.ring, model_digest=MODEL, boundary=BoundaryKind.api, at=AT)
    assert v.reasons == ["the decision is signed by Pat Quinn as product-lead, a role the policy does not "
                         "let decide (deciding roles: external-evaluator, rso, safety-lead)"]
    assert check_bundle(good, w.ring, model_digest=MODEL, boundary=BoundaryKind.api, at=AT).ok


def test_the_policy_names_the_deciding_roles_and_keeps_the_decider_apart(tmp_path) -> None:  # type: ignore[no-untyped-def]
    w = _world(tmp_path, "\ndecision:\n  deciding_roles: [rso]\n  decider_may_sign: false\n")
    with pytest.raises(BundleVerificationError) as e:
        decide_case(w.load(), w.signers["dana"], "safety-lead", w.ring, at=AT)
    assert any("(deciding roles: rso)" in r for r in e.value.reasons)
    with pytest.raises(BundleVerificationError) as e:
        decide_case(w.load(), w.signers["sam"], "rso", w.ring, at=AT)
    assert any("Sam Whitfield signed the decision and also signed it off" in r for r in e.value.reasons)
    loaded = w.load()
    # signed anyway (past decide): verify refuses the same way
    from casegate.gate import run_gate

    rec = run_gate(loaded)
    forged = make_bundle(loaded, rec, collect(loaded, w.ring, AT), w.signers["sam"], "rso", w.ring, at=AT)
    v = check_bundle(forged, w.ring, model_digest=MODEL, boundary=BoundaryKind.api, at=AT)
    assert "Sam Whitfield signed the decision and also signed it off; the policy keeps deciding and " \
           "signing off apart" in v.reasons


def test_decide_checks_the_risk_authorities_as_gate_does(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The signed decision makes the same authority check as `casegate gate`: a residual-risk
    owner's role that no keyring identity holds is CG417, blocking, in the decision decide signs."""
    from tests._evaluators import RISK_HOLDERS

    w = _world(tmp_path)
    record, _ = decide_case(w.load(), w.signers["sam"], "rso", w.ring, at=AT)
    assert "CG417" not in {f.code for f in record.findings}
    w.ring = w.ring.model_copy(update={"identities": [i for i in w.ring.identities if i.id not in RISK_HOLDERS]})
    record, _ = decide_case(w.load(), w.signers["sam"], "rso", w.ring, at=AT)
    held = [f for f in record.findings if f.code == "CG417"]
    assert held and all(f.blocking for f in held), [f.code for f in record.findings]
    assert record.outcome == "NO-GO"


def test_decide_names_an_unsigned_signoff_line_as_gate_does(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A sign-off line added by hand, with no envelope, is not believed by the decision decide
    signs: it is CG510, blocking, as in `casegate gate`."""
    from casegate._record import replace

    w = _world(tmp_path)
    loaded = w.load()
    assert loaded.case is not None
    extra = loaded.case.decision.signoffs[0].model_copy(update={"person": "Lee Park", "envelope": None})
    decision = loaded.case.decision.model_copy(update={"signoffs": [*loaded.case.decision.signoffs, extra]})
    forged = replace(loaded, case=loaded.case.model_copy(update={"decision": decision}))
    record, _ = decide_case(forged, w.signers["sam"], "rso", w.ring, at=AT)
    unsigned = [f for f in record.findings if f.code == "CG510"]
    assert unsigned and all(f.blocking for f in unsigned) and "Lee Park" in unsigned[0].message
    assert record.outcome == "NO-GO"


def test_a_decider_does_not_combine_roles_the_policy_keeps_separate(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Attack: Pat Quinn's key holds both the product lead's role and the rso's, which the policy
    keeps separate, and the policy lets either decide. Pat signs off as rso (Sam does not sign)
    and decides as product-lead: only the sign-off roles were held to `separate`, so one person
    combined the two roles on one decision."""
    w = make_world(tmp_path)
    p = w.dir / "policy.yaml"
    p.write_text(p.read_text() + "\ndecision:\n  deciding_roles: [rso, product-lead]\n")
    for name, role in {"dana": "safety-lead", "pat": "rso", "priya": "external-evaluator"}.items():
        sign_case(w.load(), role, w.signers[name], w.ring, at=AT)
    why = ("Pat Quinn decided as product-lead and signed off as rso, roles the policy keeps separate: one person "
           "may not combine them on one decision")
    with pytest.raises(BundleVerificationError) as e:
        decide_case(w.load(), w.signers["pat"], "product-lead", w.ring, at=AT)
    assert why in e.value.reasons
    # signed anyway (past decide): verify refuses the same way
    loaded = w.load()
    from casegate.gate import run_gate

    forged = make_bundle(loaded, run_gate(loaded), collect(loaded, w.ring, AT), w.signers["pat"], "product-lead",
                         w.ring, at=AT)
    assert why in check_bundle(forged, w.ring, model_digest=MODEL, boundary=BoundaryKind.api, at=AT).reasons
    # another person deciding in the rso's role is not held to Pat's roles, nor Pat deciding in the
    # role he signed off in
    from casegate.verify._authority import decider_problems

    policy = loaded.policy
    assert policy is not None
    signed = [("Dana Ortiz", "safety-lead"), ("Pat Quinn", "rso"), ("Priya Natarajan", "external-evaluator")]
    for person, role in (("Sam Whitfield", "rso"), ("Pat Quinn", "rso")):
        assert decider_problems(person, role, policy.decision, policy.signoff, BoundaryKind.api,
                                [p for p, _ in signed], signed_roles=signed) == []


def test_the_outside_evaluator_is_not_of_the_deciders_organisation(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Attack: the keyring records the lab's decider, Sam Whitfield, and its "outside" evaluator,
    Priya Natarajan, as of Helios AI, the lab's product arm, which the policy does not list under
    `evidence.organisations` and no author belongs to. Whoever decides does so for the developer:
    the evaluator's sign-off counted as independent of it."""
    w = _world(tmp_path)
    orgs = {"Sam Whitfield": "Helios AI", "Priya Natarajan": "Helios AI"}
    w.ring = w.ring.model_copy(update={"identities": [
        i.model_copy(update={"organisation": orgs.get(i.name, i.organisation)}) for i in w.ring.identities]})
    why = "role external-evaluator needs 1 distinct person from outside the developer's organisations; only 0 counted"
    with pytest.raises(BundleVerificationError) as e:
        decide_case(w.load(), w.signers["sam"], "rso", w.ring, at=AT)
    assert any(r.startswith(why) and "Helios AI" in r for r in e.value.reasons), e.value.reasons
    loaded = w.load()
    from casegate.gate import run_gate

    forged = make_bundle(loaded, run_gate(loaded), collect(loaded, w.ring, AT), w.signers["sam"], "rso", w.ring,
                         at=AT)
    v = check_bundle(forged, w.ring, model_digest=MODEL, boundary=BoundaryKind.api, at=AT)
    assert any(r.startswith(why) and "Helios AI" in r for r in v.reasons), v.reasons
    # decided by someone of another organisation, the gate still holds the evaluator to the
    # organisation of everyone who may decide (Sam Whitfield among them): NO-GO, not decided
    record, _ = decide_case(w.load(), w.signers["dana"], "safety-lead", w.ring, at=AT)
    assert record.outcome == "NO-GO"
    assert any(f.code == "CG501" and "the organisation of Sam Whitfield, who may sign the decision" in f.message
               for f in record.findings), [f.message for f in record.findings]
