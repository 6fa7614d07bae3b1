"""Deploy-time verification: the good bundle verifies; every bad input is rejected with its own
plainly stated reason."""

from __future__ import annotations

import base64
import copy
import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest
import rfc8785

from casegate.errors import InputError
from casegate.model import BoundaryKind
from casegate.sign import (
    Signed,
    add_key,
    parse_instant,
    revoke_key,
    sign_case,
    sign_statement,
)
from casegate.verify import (
    BundleVerificationError,
    Collected,
    check_bundle,
    collect,
    decide_case,
    make_bundle,
    verify_bundle,
)
from tests._weights import submit_hashed
from tests.sign.helpers import MODEL, PEOPLE, World, make_world

AT = parse_instant("2026-11-25")
LATER = parse_instant("2026-12-01")
SIGNED = {"dana": "safety-lead", "sam": "rso", "priya": "external-evaluator"}


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> World:
    w = make_world(tmp_path_factory.mktemp("verify"))
    for name, role in SIGNED.items():
        sign_case(w.load(), role, w.signers[name], w.ring, at=AT)
    return w


@pytest.fixture(scope="module")
def decided(world):
    record, bundle = decide_case(world.load(), world.signers["sam"], "rso", world.ring, at=AT)
    return record, bundle


def _verify(bundle, ring, *, model=MODEL, boundary=BoundaryKind.api, at=LATER, registry=None, deployment=None):
    return check_bundle(bundle, ring, model_digest=model, boundary=boundary, at=at, registry=registry,
                        deployment=deployment)


def _signed(env: dict, ring) -> Signed:
    st = json.loads(base64.b64decode(env["payload"]))
    keyid = env["signatures"][0]["keyid"]
    return Signed("x", env, st, ring.get(keyid))


def _rebundle(world, decided, signoffs: list[dict], ring=None):
    """A decision bundle over exactly these sign-off envelopes (the decider signs what it is given)."""
    record, _ = decided
    ring = ring or world.ring
    c = Collected(signoffs=[_signed(e, ring) for e in signoffs])
    return make_bundle(world.load(), record, c, world.signers["sam"], "rso", ring, at=AT)


def _envs(bundle) -> list[dict]:
    return [copy.deepcopy(e) for e in bundle["signoffs"]]


def _forge(env: dict, signer, **pred) -> dict:
    """The same statement with predicate fields changed, signed by `signer`."""
    st = json.loads(base64.b64decode(env["payload"]))
    st["predicate"].update(pred)
    return sign_statement(st, signer)


def test_good_bundle_verifies(world, decided):
    record, bundle = decided
    assert record.outcome in ("GO", "GO WITH CONDITIONS")
    v = verify_bundle(bundle, world.ring, model_digest=MODEL, boundary=BoundaryKind.api, at=LATER)
    assert v.ok and v.outcome == record.outcome
    assert {(s["person"], s["role"]) for s in v.signers if s["as"] == "sign-off"} == {
        ("Dana Ortiz", "safety-lead"), ("Sam Whitfield", "rso"), ("Priya Natarajan", "external-evaluator")}
    # a narrower boundary the gate also passes verifies; one it does not, does not
    assert _verify(bundle, world.ring, boundary=BoundaryKind.trusted_access).ok
    assert "the decision for training is NO-GO" in _verify(bundle, world.ring, boundary=BoundaryKind.training).reasons


def test_verify_raises_with_every_reason(world, decided):
    _, bundle = decided
    with pytest.raises(BundleVerificationError) as e:
        verify_bundle(bundle, world.ring, model_digest="sha256:" + "0" * 64, boundary=BoundaryKind.consumer,
                      at=LATER)
    assert len(e.value.reasons) >= 2
    text = e.value.diagnostics()
    assert "not sha256:" + "0" * 64 in text and "consumer is wider" in text
    assert e.value.exit_code == 1


def test_tampered_payload(world, decided):
    _, bundle = decided
    b = copy.deepcopy(bundle)
    st = json.loads(base64.b64decode(b["signoffs"][0]["payload"]))
    st["predicate"]["relies_on"] = []
    b["signoffs"][0]["payload"] = base64.b64encode(rfc8785.dumps(st)).decode()
    reasons = _verify(b, world.ring).reasons
    assert "sign-off #1: the signature does not verify against Dana Ortiz's key" in reasons[0]
    assert "(the payload was changed after signing, or another key signed it)" in reasons[0]


def test_tampered_decision(world, decided):
    _, bundle = decided
    b = copy.deepcopy(bundle)
    st = json.loads(base64.b64decode(b["decision"]["payload"]))
    st["predicate"]["record"]["outcome"] = "GO"
    st["predicate"]["boundary"] = "consumer"
    b["decision"]["payload"] = base64.b64encode(rfc8785.dumps(st)).decode()
    reasons = _verify(b, world.ring, boundary=BoundaryKind.consumer).reasons
    assert reasons[0].startswith("decision: the signature does not verify against Sam Whitfield's key")


def test_signature_by_the_wrong_key(world, decided):
    """Dana's key id on the signature, but another key made it."""
    _, bundle = decided
    envs = _envs(bundle)
    other = _forge(envs[0], world.stranger)
    envs[0]["signatures"][0]["sig"] = other["signatures"][0]["sig"]
    reasons = _verify(bundle | {"signoffs": envs}, world.ring).reasons
    assert "sign-off #1: the signature does not verify against Dana Ortiz's key" in reasons[0]


def test_key_not_in_keyring(world, decided):
    _, bundle = decided
    envs = _envs(bundle)
    envs[0] = _forge(envs[0], world.stranger)
    reasons = _verify(bundle | {"signoffs": envs}, world.ring).reasons
    assert any("sign-off #1: signed by key" in r and "which is not in the keyring" in r for r in reasons)


def test_revoked_key(world, decided):
    _, bundle = decided
    dana = world.signers["dana"].public_key.keyid
    ring = revoke_key(world.ring, dana, at="2026-11-28", reason="laptop stolen")
    assert _verify(bundle, ring, at=parse_instant("2026-11-27")).ok  # before the revocation
    reasons = _verify(bundle, ring).reasons
    assert reasons[0] == (f"sign-off by Dana Ortiz as 'safety-lead': Dana Ortiz's key {dana[:16]}... "
                          "was revoked on 2026-11-28 (laptop stolen)")
    assert "role safety-lead needs 1 distinct person; no valid sign-off in that role" in reasons


def test_expired_key(world, decided, tmp_path):
    _, bundle = decided
    dana = world.signers["dana"].public_key.keyid
    ring = world.ring.with_key(dana, valid_until="2026-11-30")
    assert _verify(bundle, ring, at=parse_instant("2026-11-30")).ok
    reasons = _verify(bundle, ring, at=parse_instant("2026-12-01")).reasons
    assert reasons[0] == (f"sign-off by Dana Ortiz as 'safety-lead': Dana Ortiz's key {dana[:16]}... "
                          "expired on 2026-11-30")


def test_same_person_signing_twice_to_reach_a_count(tmp_path):
    w = make_world(tmp_path)
    pol = w.dir / "policy.yaml"
    pol.write_text(pol.read_text().replace("    api:\n      - {role: safety-lead}",
                                           "    api:\n      - {role: safety-lead, min: 2}"))
    envs = [sign_case(w.load(), r, w.signers[n], w.ring, at=AT).envelope for n, r in SIGNED.items()]
    second = sign_case(w.load(), "safety-lead", w.signers["dana2"], w.ring, at=AT).envelope
    loaded = w.load()
    record, _ = _gate(loaded, w.ring)
    c = Collected(signoffs=[_signed(e, w.ring) for e in [*envs, second]])
    bundle = make_bundle(loaded, record, c, w.signers["sam"], "rso", w.ring, at=AT)
    reasons = _verify(bundle, w.ring).reasons
    assert ("role safety-lead needs 2 distinct people; only 1 counted (Dana Ortiz): Dana Ortiz "
            "signed 2 times with different keys; one person counts once") in reasons
    # a second, different person fills it
    third = sign_case(w.load(), "safety-lead", w.signers["lee"], w.ring, at=AT).envelope
    c = Collected(signoffs=[_signed(e, w.ring) for e in [*envs, third]], dissent=collect(w.load(), w.ring, AT).dissent)
    record, _ = _gate(w.load(), w.ring)
    assert _verify(make_bundle(w.load(), record, c, w.signers["sam"], "rso", w.ring, at=AT), w.ring).ok


def _gate(loaded, ring):
    from casegate.gate import run_gate
    from casegate.sign import with_attestations

    # as `decide_case` does: independence is what the evaluators signed, checked against the keyring
    return run_gate(with_attestations(loaded, ring, AT)), None


def test_key_claiming_a_role_it_does_not_hold(world, decided):
    _, bundle = decided
    envs = _envs(bundle)
    # Dana's key, signing as rso in place of Sam
    envs[1] = _forge(envs[1], world.signers["dana"], person="Dana Ortiz",
                     keyid=world.signers["dana"].public_key.keyid)
    reasons = _verify(_rebundle(world, decided, envs), world.ring).reasons
    assert reasons[0] == ("sign-off by Dana Ortiz as 'rso': claims role 'rso', which Dana Ortiz's key "
                          "does not hold (it holds: safety-lead)")


def test_envelope_naming_another_person(world, decided):
    _, bundle = decided
    envs = _envs(bundle)
    envs[0] = _forge(envs[0], world.signers["dana"], person="Sam Whitfield")
    reasons = _verify(_rebundle(world, decided, envs), world.ring).reasons
    assert reasons[0] == ("sign-off by Dana Ortiz as 'safety-lead': names 'Sam Whitfield' as signer, "
                          "but the key belongs to 'Dana Ortiz'")


def test_bundle_for_another_model_digest(world, decided):
    _, bundle = decided
    other = "sha256:" + "1" * 64
    assert _verify(bundle, world.ring, model=other).reasons == [
        f"the bundle is for model digest {MODEL}, not {other}"]


def test_bundle_for_a_wider_boundary(world, decided):
    """An api decision never verifies for consumer (or anything wider)."""
    _, bundle = decided
    for wider in (BoundaryKind.consumer, BoundaryKind.open_weights):
        reasons = _verify(bundle, world.ring, boundary=wider).reasons
        assert reasons[0] == (f"the bundle is for boundary api; {wider.value} is wider and needs its own "
                              "case and decision")


def test_signoff_for_another_case_version(world, decided, tmp_path):
    w2 = make_world(tmp_path)
    w2.case.write_text(w2.case.read_text().replace('version: "1.0"', 'version: "1.1"'))
    ring = world.ring
    for k in w2.ring.keys:  # trust w2's keys too
        if not ring.get(k.keyid):
            ring = add_key(ring, k.sslib_key(), person=k.person.split()[0] + " Second", roles=k.roles,
                           valid_from=k.valid_from, valid_until=k.valid_until)
    _, bundle = decided
    envs = _envs(bundle)
    w2.ring = ring
    foreign = sign_case(w2.load(), "safety-lead", w2.signers["dana"], ring, at=AT).envelope
    b = _rebundle(world, decided, [foreign, *envs[1:]], ring)
    reasons = _verify(b, ring).reasons
    assert any("was signed for another version of the case" in r for r in reasons)


def test_signoff_missing_from_bundle(world, decided):
    _, bundle = decided
    b = copy.deepcopy(bundle)
    b["signoffs"] = b["signoffs"][1:]
    reasons = _verify(b, world.ring).reasons
    assert "the sign-off by Dana Ortiz as 'safety-lead' that the decision rests on is missing from the bundle" in reasons
    assert "role safety-lead needs 1 distinct person; no valid sign-off in that role" in reasons


def test_evidence_expired_at_verify_time(world, decided):
    _, bundle = decided
    reasons = _verify(bundle, world.ring, at=parse_instant("2027-03-30")).reasons
    # the condition C1 fell due on 2027-02-18 (90 days after the case's date) and, with no
    # registry to show it met, stops the deploy too
    assert reasons[0] == "evidence E-weights-audit expired on 2027-03-29"
    assert len(reasons) == 2 and reasons[1].startswith("condition C1 ") and "was due on 2027-02-18" in reasons[1]


def test_policy_swapped_in_bundle(world, decided):
    _, bundle = decided
    b = copy.deepcopy(bundle)
    b["policy"]["text"] = b["policy"]["text"].replace("min: 1", "min: 1 ").replace("rso}", "rso}  ")
    reasons = _verify(b, world.ring).reasons
    assert reasons == ["the policy in the bundle is not the one the decision was signed under (sha256 differs)"]


def test_open_objection_blocks_decide_and_verify(tmp_path):
    w = make_world(tmp_path)
    for n, r in SIGNED.items():
        sign_case(w.load(), r, w.signers[n], w.ring, at=AT)
    from casegate.sign import object_to_case

    object_to_case(w.load(), "external-evaluator", w.signers["priya"], w.ring, "Web exploitation under-sampled", at=AT)
    record, bundle = decide_case(w.load(), w.signers["sam"], "rso", w.ring, at=AT)
    assert record.outcome == "NO-GO"
    reasons = _verify(bundle, w.ring).reasons
    assert ("objection O-2 by Priya Natarajan (external-evaluator) is open: Web exploitation under-sampled"
            in reasons)
    assert any(r.startswith("the decision for api is NO-GO") for r in reasons)


def test_decide_refuses_without_required_signoffs(tmp_path):
    w = make_world(tmp_path)
    sign_case(w.load(), "safety-lead", w.signers["dana"], w.ring, at=AT)
    with pytest.raises(BundleVerificationError) as e:
        decide_case(w.load(), w.signers["sam"], "rso", w.ring, at=AT)
    assert "role rso needs 1 distinct person; no valid sign-off in that role" in e.value.reasons
    assert "role external-evaluator needs 1 distinct person; no valid sign-off in that role" in e.value.reasons


def test_collect_reports_bad_envelope_files(tmp_path):
    w = make_world(tmp_path)
    r = sign_case(w.load(), "safety-lead", w.signers["dana"], w.ring, at=AT)
    r.path.write_text("{not json")
    c = collect(w.load(), w.ring, AT)
    assert c.signoffs == [] and "cannot read the envelope" in c.problems[0]
    r.path.unlink()
    assert "envelope file not found" in collect(w.load(), w.ring, AT).problems[0]


@pytest.mark.parametrize("state,restricted,boundary,expect", [
    ("approved", None, BoundaryKind.api, None),
    ("reopened", None, BoundaryKind.api, "the registry says case atlas-2-api is reopened"),
    ("withdrawn", None, BoundaryKind.api, "the registry says case atlas-2-api is withdrawn"),
    ("restricted", "trusted-access", BoundaryKind.api,
     "the registry says case atlas-2-api is restricted to trusted-access; api is wider"),
    ("restricted", "trusted-access", BoundaryKind.trusted_access, None),
])
def test_registry_lifecycle(world, decided, database_url, state, restricted, boundary, expect):
    from casegate.store import open_registry

    _, bundle = decided
    reg = open_registry(database_url)
    try:
        assert _verify(bundle, world.ring, registry=reg).notes[-1].startswith("the registry has no record")
        submit_hashed(reg, world.load())
        reg.set_case_state("atlas-2-api", state, {"type": "manual", "role": "rso", "reason": "test"},
                           restricted_to=restricted)
        reasons = _verify(bundle, world.ring, boundary=boundary, registry=reg).reasons
    finally:
        reg.close()
    # the state was set by hand, not by an approval on this decision: past internal use whether the
    # registry hashed the approved version's weights before approving it cannot be established
    anchor = [r for r in reasons if r.startswith("the log holds no approval of case atlas-2-api on this decision")]
    assert len(anchor) == (1 if state in ("approved", "restricted") else 0), reasons
    reasons = [r for r in reasons if r not in anchor]
    assert len(reasons) == (1 if expect else 0)
    assert not expect or reasons[0].startswith(expect)


@pytest.mark.parametrize("access,expect", [
    ("self-serve", "the registry restricted case atlas-2-api to trusted-access, which allows access no wider than "
                   "vetted-organisations; the deployment gives self-serve access"),
    (None, "the registry restricted case atlas-2-api to trusted-access, which allows access no wider than "
           "vetted-organisations, and the deployment does not declare who can reach the model"),
    ("vetted-organisations", None),
    ("employees", None),
])
def test_a_restriction_narrows_who_can_reach_the_model(world, decided, database_url, access, expect):
    """Restricted to trusted access, the deployer names the narrower kind but keeps self-serve
    sign-up open: the kind alone would verify, the access does not."""
    from casegate.store import open_registry
    from casegate.verify import Deployment

    _, bundle = decided
    reg = open_registry(database_url)
    try:
        submit_hashed(reg, world.load())
        reg.set_case_state("atlas-2-api", "restricted", {"type": "manual", "role": "rso", "reason": "test"},
                           restricted_to="trusted-access")
        reasons = _verify(bundle, world.ring, boundary=BoundaryKind.trusted_access, registry=reg,
                          deployment=Deployment(access=access)).reasons
    finally:
        reg.close()
    assert [r for r in reasons if "restricted case" in r] == ([] if expect is None else [reasons[-1]])
    assert expect is None or reasons[-1].startswith(expect)


def test_demo_keyring_is_labelled(world):
    assert Path(__file__).exists() and PEOPLE["dana"][0] == "Dana Ortiz"
    assert dt.date.today().year >= 2024


def test_waiver_carries_the_decision_until_it_lapses(tmp_path):
    w = make_world(tmp_path)
    # CG704: no re-evaluation date
    w.case.write_text(w.case.read_text().replace("  reevaluate_by: 2027-04-01\n", ""))
    for n, r in SIGNED.items():
        sign_case(w.load(), r, w.signers[n], w.ring, at=AT)
    record, _ = decide_case(w.load(), w.signers["sam"], "rso", w.ring, at=AT)
    assert record.outcome == "NO-GO" and any(f.code == "CG704" and f.blocking for f in record.findings)
    from casegate.sign import generate_key, load_signer, waive_finding

    # a second RSO waives: the one who decides may not rest the decision on a waiver of their own
    generate_key(tmp_path / "ria.key")
    ria = load_signer(str(tmp_path / "ria.key"))
    ring = add_key(w.ring, ria.public_key, person="Ria Okafor", roles=["rso"], valid_from="2026-01-01",
                   valid_until="2028-12-31", organisation="Acme Labs")  # an RSO may decide: of the lab
    waive_finding(w.load(), "CG704", "rso", ria, ring, "change board charter signed next week",
                  dt.date(2026, 12, 10), at=AT)
    # the waiver changes only the decision section: the sign-offs still bind
    record, bundle = decide_case(w.load(), w.signers["sam"], "rso", ring, at=AT)
    waived = [f for f in record.findings if f.code == "CG704"]
    assert record.outcome == "GO WITH CONDITIONS" and waived and waived[0].waived is not None
    assert waived[0].waived.person == "Ria Okafor"
    assert len(bundle["waivers"]) == 1
    assert _verify(bundle, ring, at=parse_instant("2026-12-10")).ok
    reasons = _verify(bundle, ring, at=parse_instant("2026-12-11")).reasons
    assert any(r.startswith("the waiver of CG704 by Ria Okafor lapsed on 2026-12-10; the blocking finding "
                            "returns") for r in reasons)
    # a bundle whose waiver envelope was dropped does not verify
    stripped = copy.deepcopy(bundle) | {"waivers": []}
    assert any("marked waived by Ria Okafor, but no valid waiver envelope" in r
               for r in _verify(stripped, ring).reasons)


def test_the_decider_may_not_waive_with_another_key_or_another_spelling(tmp_path):
    """Reason: the RSO held a second key, waived the blocking finding with it, then decided past
    the waiver with the first key; or tried to register the second key under the same name spelt
    another way (capitals, a zero-width space, a Cyrillic letter) to look like someone else."""
    lookalike = dict(PEOPLE) | {"sam2": ("S\u0410M\u200b WHITFIELD", ["rso"], "2026-01-01", "2028-12-31")}
    with pytest.raises(InputError, match="is not the name of identity 'sam-whitfield'"):
        make_world(tmp_path / "a", people=lookalike)
    people = dict(PEOPLE) | {"sam2": ("Sam Whitfield", ["rso"], "2026-01-01", "2028-12-31")}
    w = make_world(tmp_path / "b", people=people)
    w.case.write_text(w.case.read_text().replace("  reevaluate_by: 2027-04-01\n", ""))
    for n, r in SIGNED.items():
        sign_case(w.load(), r, w.signers[n], w.ring, at=AT)
    from casegate.sign import waive_finding

    waive_finding(w.load(), "CG704", "rso", w.signers["sam2"], w.ring, "change board charter signed next week",
                  dt.date(2026, 12, 10), at=AT)
    with pytest.raises(BundleVerificationError) as e:
        decide_case(w.load(), w.signers["sam"], "rso", w.ring, at=AT)
    assert "Sam Whitfield signed the decision and also waived CG704, which it rests on" in " ".join(e.value.reasons)


def test_the_decider_may_not_rest_the_decision_on_their_own_waiver(tmp_path):
    """Reason: the lab's RSO waived the failed safeguard test that blocked the decision (CG406),
    then decided GO WITH CONDITIONS on it; the policy's waiver role was the deciding role, and one
    person both waived the finding and decided past it."""
    w = make_world(tmp_path)
    w.case.write_text(w.case.read_text().replace("  reevaluate_by: 2027-04-01\n", ""))
    for n, r in SIGNED.items():
        sign_case(w.load(), r, w.signers[n], w.ring, at=AT)
    from casegate.sign import decode_payload, waive_finding

    waive_finding(w.load(), "CG704", "rso", w.signers["sam"], w.ring, "change board charter signed next week",
                  dt.date(2026, 12, 10), at=AT)
    with pytest.raises(BundleVerificationError) as e:
        decide_case(w.load(), w.signers["sam"], "rso", w.ring, at=AT)
    said = " ".join(e.value.reasons)
    assert "Sam Whitfield signed the decision and also waived CG704, which it rests on" in said
    # a policy that lets the decider waive (said so, and pinned like the rest of it) allows it
    b = make_world(tmp_path / "b")
    b.case.write_text(b.case.read_text().replace("  reevaluate_by: 2027-04-01\n", ""))
    pol = b.dir / "policy.yaml"
    strict = pol.read_text()
    assert "\ndecision:" not in strict
    pol.write_text(strict + "decision:\n  decider_may_waive: true\n")
    for n, r in SIGNED.items():
        sign_case(b.load(), r, b.signers[n], b.ring, at=AT)
    waive_finding(b.load(), "CG704", "rso", b.signers["sam"], b.ring, "change board charter signed next week",
                  dt.date(2026, 12, 10), at=AT)
    record, bundle = decide_case(b.load(), b.signers["sam"], "rso", b.ring, at=AT)
    assert record.outcome == "GO WITH CONDITIONS"
    assert _verify(bundle, b.ring, at=parse_instant("2026-12-05")).ok
    # the same bundle re-signed by the decider as if under the stricter policy does not verify
    st = decode_payload(bundle["decision"])
    assert isinstance(st, dict)
    forged = copy.deepcopy(bundle)
    forged["policy"]["text"] = strict
    st["predicate"]["policy"]["sha256"] = hashlib.sha256(strict.encode()).hexdigest()
    forged["decision"] = sign_statement(st, b.signers["sam"])
    assert any("also waived CG704, which it rests on" in r
               for r in _verify(forged, b.ring, at=parse_instant("2026-12-05")).reasons)


def test_escalated_objection_needs_the_escalation_role(tmp_path):
    w = make_world(tmp_path)
    pol = w.dir / "policy.yaml"
    pol.write_text(pol.read_text().replace("  objections: block\n", "  objections: escalate\n  escalate_to: rso\n"
                                                                   "  answer_accepted_by: escalation\n"))
    from casegate.sign import answer, object_to_case

    object_to_case(w.load(), "external-evaluator", w.signers["priya"], w.ring, "Sample too small", at=AT)
    for n, r in SIGNED.items():
        sign_case(w.load(), r, w.signers[n], w.ring, at=AT)
    _, bundle = decide_case(w.load(), w.signers["sam"], "rso", w.ring, at=AT)
    assert ("objection O-2 by Priya Natarajan (external-evaluator) is open and must be answered by rso: "
            "Sample too small") in _verify(bundle, w.ring).reasons
    # marking it escalated in the YAML changes nothing: the YAML is a view of the signed statements
    w.case.write_text(w.case.read_text().replace("status: open", "status: escalated"))
    _, bundle = decide_case(w.load(), w.signers["sam"], "rso", w.ring, at=AT)
    assert any(r.startswith("objection O-2 by Priya Natarajan (external-evaluator) is open and must be answered "
                            "by rso") for r in _verify(bundle, w.ring).reasons)
    # a signed answer, accepted by the escalation role, closes it
    answer(w.load(), "O-2", "safety-lead", w.signers["dana"], w.ring, text="Four hundred more samples were run on the full suite", at=AT)
    answer(w.load(), "O-2", "rso", w.signers["sam"], w.ring, kind="accept", at=AT)
    record, bundle = decide_case(w.load(), w.signers["sam"], "rso", w.ring, at=AT)
    v = _verify(bundle, w.ring)
    assert not any("objection O-2" in r for r in v.reasons)


def test_decide_refuses_signoffs_for_an_earlier_version(tmp_path):
    w = make_world(tmp_path)
    for n, r in SIGNED.items():
        sign_case(w.load(), r, w.signers[n], w.ring, at=AT)
    art = w.dir / "reports" / "redteam-classifier.md"
    art.write_text(art.read_text() + "\nA late edit to the red-team report.\n")
    with pytest.raises(BundleVerificationError) as e:
        decide_case(w.load(), w.signers["sam"], "rso", w.ring, at=AT)
    stale = [r for r in e.value.reasons if "was signed for another version of the case" in r]
    assert len(stale) == 3


def test_objection_answer_must_come_from_a_signing_role(tmp_path):
    """An answer counts only from a role the policy lets answer (by default the roles that must
    sign); the YAML's `answered_by` is a view and counts for nothing."""
    from casegate.sign import answer, object_to_case

    w = make_world(tmp_path)
    object_to_case(w.load(), "external-evaluator", w.signers["priya"], w.ring, "Sample too small", at=AT)
    for n, r in SIGNED.items():
        sign_case(w.load(), r, w.signers[n], w.ring, at=AT)
    with pytest.raises(InputError, match="the policy does not let 'product-lead' answer objections"):
        answer(w.load(), "O-2", "product-lead", w.signers["pat"], w.ring, text="Ship it", at=AT)
    answer(w.load(), "O-2", "safety-lead", w.signers["dana"], w.ring, text="Four hundred more samples were run on the full suite", at=AT)
    answer(w.load(), "O-2", "external-evaluator", w.signers["priya"], w.ring, kind="accept", at=AT)
    _, bundle = decide_case(w.load(), w.signers["sam"], "rso", w.ring, at=AT)
    assert _verify(bundle, w.ring).ok


def test_an_expiry_that_cannot_be_established_is_signed_as_no_date(world):
    from casegate.verify._bundle import _evidence_expiry
    from casegate.verify._state import _DAY

    loaded = world.load()
    assert loaded.case is not None
    eid = sorted(loaded.case.evidence)[0]
    late = loaded.case.evidence[eid].model_copy(update={"date": dt.date(9999, 12, 31), "expires": None})
    loaded.case = loaded.case.model_copy(update={"evidence": {**loaded.case.evidence, eid: late}})
    (row,) = [e for e in _evidence_expiry(loaded) if e["id"] == eid]
    assert row["expires"] == "not established" and not _DAY.fullmatch(row["expires"])


def test_decide_judges_as_of_its_own_time_not_the_date_the_case_gives_itself(tmp_path):
    """Reason: without --at, `decide` ran the gate as of the case's own `date` (the lab's word):
    evidence expired by the day of the decision still counted, while the waivers were judged as
    of that day."""
    w = make_world(tmp_path)
    later = parse_instant("2027-06-15")
    for n, r in SIGNED.items():
        sign_case(w.load(), r, w.signers[n], w.ring, at=later)
    record, _ = decide_case(w.load(), w.signers["sam"], "rso", w.ring, at=later)
    assert record.outcome == "NO-GO"
    assert any(f.code == "CG306" and f.blocking for f in record.findings), [f.code for f in record.findings]
