"""Objections, answers and the authors list are signed statements; the YAML `decision:` section is
a view of them. Each attack below is refused with its reason, and nothing it writes counts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from casegate.errors import InputError
from casegate.model import BoundaryKind
from casegate.sign import answer, object_to_case, parse_instant, sign_authors, sign_case
from casegate.verify import (
    BundleVerificationError,
    check_bundle,
    collect,
    decide_case,
    make_bundle,
)
from tests.sign.helpers import MODEL, make_world

AT = parse_instant("2026-11-25")
LATER = parse_instant("2026-12-01")
SIGNED = {"dana": "safety-lead", "sam": "rso", "priya": "external-evaluator"}
OPEN = "objection O-2 by Priya Natarajan (external-evaluator) is open"


def _verify(bundle, ring):
    return check_bundle(bundle, ring, model_digest=MODEL, boundary=BoundaryKind.api, at=LATER)


def _world(tmp_path, policy_edit=None):
    w = make_world(tmp_path)
    if policy_edit:
        pol = w.dir / "policy.yaml"
        pol.write_text(policy_edit(pol.read_text()))
    return w  # make_world has Mira Chen sign the authors list


def _sign_all(w):
    for n, r in SIGNED.items():
        sign_case(w.load(), r, w.signers[n], w.ring, at=AT)


def _objected(tmp_path, policy_edit=None):
    w = _world(tmp_path, policy_edit)
    object_to_case(w.load(), "external-evaluator", w.signers["priya"], w.ring, "Web exploitation under-sampled",
                   at=AT)
    _sign_all(w)
    return w


def test_answered_and_accepted_objection_verifies(tmp_path):
    w = _objected(tmp_path)
    answer(w.load(), "O-2", "safety-lead", w.signers["dana"], w.ring, text="Forty web exploitation tasks were added to the suite and rerun", at=AT)
    # answered but not yet accepted: still open
    record, bundle = decide_case(w.load(), w.signers["sam"], "rso", w.ring, at=AT)
    assert any(r.startswith(OPEN) and "not yet accepted by the objector" in r for r in _verify(bundle, w.ring).reasons)
    answer(w.load(), "O-2", "external-evaluator", w.signers["priya"], w.ring, kind="accept", at=AT)
    assert "status: answered" in w.case.read_text()  # the view follows the envelopes
    record, bundle = decide_case(w.load(), w.signers["sam"], "rso", w.ring, at=AT)
    v = _verify(bundle, w.ring)
    assert v.ok, v.reasons
    assert len(bundle["objections"]) == 1 and len(bundle["answers"]) == 2 and len(bundle["authors"]) == 1


def test_objection_deleted_from_the_yaml_still_stands(tmp_path):
    """Reason: the YAML is a view; the signed objection is what counts."""
    w = _objected(tmp_path)
    text = w.case.read_text()
    lines = [ln for ln in text.splitlines(keepends=True) if not ln.lstrip().startswith("O-2:")]
    w.case.write_text("".join(lines))
    assert "O-2" not in w.case.read_text()
    record, bundle = decide_case(w.load(), w.signers["sam"], "rso", w.ring, at=AT)
    assert record.outcome == "NO-GO"
    assert any(r.startswith(OPEN) for r in _verify(bundle, w.ring).reasons)


def test_objection_marked_answered_in_the_yaml_still_stands(tmp_path):
    """Reason: only a signed answer, accepted as the policy says, closes an objection."""
    w = _objected(tmp_path)
    w.case.write_text(w.case.read_text().replace(
        "status: open", 'status: answered, answer: "fixed", answered_by: safety-lead'))
    assert w.load().case.decision.objections["O-2"].status == "answered"
    record, bundle = decide_case(w.load(), w.signers["sam"], "rso", w.ring, at=AT)
    assert record.outcome == "NO-GO"  # the gate judged the signed objection, not the YAML's status
    assert any(r.startswith(OPEN) for r in _verify(bundle, w.ring).reasons)


def test_answer_by_a_role_the_policy_does_not_allow(tmp_path):
    """Reason: the policy lets only safety-lead answer; an rso answer (even accepted) does not count."""
    w = _objected(tmp_path, lambda t: t.replace("  objections: block\n",
                                                "  objections: block\n  answer_roles: [safety-lead]\n"))
    with pytest.raises(InputError, match="the policy does not let 'rso' answer objections"):
        answer(w.load(), "O-2", "rso", w.signers["sam"], w.ring, text="Looks fine to me", at=AT)
    # forged past the command's own check: sign the answer statement directly
    from casegate.sign import ANSWER, envelope_sha256, gather, sign_statement, statement, subjects
    from casegate.sign._signoff import _base_predicate

    loaded = w.load()
    obj = gather(loaded, w.ring, AT).objections[0]
    pred = _base_predicate(loaded, w.ring.get(w.signers["sam"].public_key.keyid), "rso", AT)
    pred.update({"objection": "O-2", "objection_envelope": envelope_sha256(obj.envelope), "kind": "answer",
                 "answer": "Looks fine to me"})
    env = sign_statement(statement(subjects(loaded, pred["case"]["digest"]), ANSWER, pred), w.signers["sam"])
    (w.dir / "answers").mkdir(exist_ok=True)
    (w.dir / "answers" / "O-2-answer-sam.dsse.json").write_text(json.dumps(env))
    with pytest.raises(InputError, match="no signed answer to O-2 to accept"):
        answer(w.load(), "O-2", "external-evaluator", w.signers["priya"], w.ring, kind="accept", at=AT)
    _, bundle = decide_case(w.load(), w.signers["sam"], "rso", w.ring, at=AT)
    reasons = _verify(bundle, w.ring).reasons
    assert any(r.startswith(OPEN) and "the answer by Sam Whitfield as 'rso' does not count: the policy lets "
               "safety-lead answer objections" in r for r in reasons), reasons


def test_objector_cannot_answer_own_objection(tmp_path):
    w = _objected(tmp_path, lambda t: t.replace("  objections: block\n",
                                                "  objections: block\n  answer_roles: [external-evaluator]\n"))
    with pytest.raises(InputError, match="answered by someone other than its author"):
        answer(w.load(), "O-2", "external-evaluator", w.signers["priya"], w.ring, text="never mind", at=AT)


def test_escalation_role_decides(tmp_path):
    w = _objected(tmp_path, lambda t: t.replace(
        "  objections: block\n", "  objections: escalate\n  escalate_to: rso\n  answer_accepted_by: escalation\n"))
    _, bundle = decide_case(w.load(), w.signers["sam"], "rso", w.ring, at=AT)
    assert any(r.startswith(OPEN + " and must be answered by rso") for r in _verify(bundle, w.ring).reasons)
    answer(w.load(), "O-2", "safety-lead", w.signers["dana"], w.ring, text="Forty web exploitation tasks were added to the suite and rerun", at=AT)
    with pytest.raises(InputError, match="only the objector"):
        answer(w.load(), "O-2", "safety-lead", w.signers["lee"], w.ring, kind="accept", at=AT)
    answer(w.load(), "O-2", "rso", w.signers["sam"], w.ring, kind="accept", at=AT)
    _, bundle = decide_case(w.load(), w.signers["sam"], "rso", w.ring, at=AT)
    v = _verify(bundle, w.ring)
    assert not any("objection O-2" in r for r in v.reasons), v.reasons


def test_author_removing_own_name_still_cannot_sign(tmp_path):
    """Reason: the authors list is signed (by Mira, naming herself); deleting her name from the YAML
    changes nothing, and a colluding decider's bundle still does not verify."""
    w = _world(tmp_path)
    w.case.write_text(w.case.read_text().replace("authors: [Mira Chen, Tom Okafor]", "authors: [Tom Okafor]"))
    assert w.load().case.decision.authors == ["Tom Okafor"]
    sign_case(w.load(), "safety-lead", w.signers["mira"], w.ring, at=AT)
    for n in ("sam", "priya"):
        sign_case(w.load(), SIGNED[n], w.signers[n], w.ring, at=AT)
    with pytest.raises(BundleVerificationError) as e:
        decide_case(w.load(), w.signers["sam"], "rso", w.ring, at=AT)
    assert "Mira Chen wrote the case and cannot sign it off" in e.value.reasons
    # a decider who skips decide's checks: verify says the same from the signed list
    from casegate.gate import run_gate

    c = collect(w.load(), w.ring, AT)
    bundle = make_bundle(w.load(), run_gate(w.load()), c, w.signers["sam"], "rso", w.ring, at=AT)
    assert "Mira Chen wrote the case and cannot sign it off" in _verify(bundle, w.ring).reasons
    # nor can she sign a new list that leaves her out: whoever signs a list is an author
    sign_authors(w.load(), "safety-lead", w.signers["mira"], w.ring, authors=["Tom Okafor"], at=AT)
    assert "Mira Chen" in collect(w.load(), w.ring, AT).dissent.author_names()


def test_no_signed_authors_list_is_not_verified(tmp_path):
    """Reason: without a signed authors list, nobody can be shown not to sign their own case."""
    w = make_world(tmp_path, authors_list=False)
    _sign_all(w)
    with pytest.raises(BundleVerificationError) as e:
        decide_case(w.load(), w.signers["sam"], "rso", w.ring, at=AT)
    assert any(r.startswith("no signed authors list") for r in e.value.reasons)
    from casegate.gate import run_gate

    c = collect(w.load(), w.ring, AT)
    bundle = make_bundle(w.load(), run_gate(w.load()), c, w.signers["sam"], "rso", w.ring, at=AT)
    assert ("the bundle carries no signed authors list: who wrote the case cannot be established (fail closed)"
            in _verify(bundle, w.ring).reasons)


def test_objection_dropped_from_the_bundle(tmp_path):
    """Reason: a decider who leaves a signed objection out of the bundle is caught by the signed list."""
    w = _objected(tmp_path)
    _, bundle = decide_case(w.load(), w.signers["sam"], "rso", w.ring, at=AT)
    bundle["objections"] = []
    assert "objection O-2 by Priya Natarajan is missing from the bundle" in _verify(bundle, w.ring).reasons


def _cli(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, CASEGATE_KEYRING=str(cwd.parent / "keyring.yaml"))
    env.pop("CASEGATE_DATABASE_URL", None)
    return subprocess.run([sys.executable, "-m", "casegate", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=120)


def test_cli_object_answer_accept_and_attacks(tmp_path):
    """The commands end to end: each refusal has its reason and exit code, and writes nothing."""
    w = _world(tmp_path)
    k = {n: str(p) for n, p in w.key_paths.items()}
    d = w.dir
    r = _cli(["object", "case.yaml", "--role", "external-evaluator", "--key", k["priya"],
              "--reason", "Web exploitation under-sampled"], d)
    assert r.returncode == 0, r.stderr
    before = sorted(p.name for p in (d / "answers").glob("*")) if (d / "answers").exists() else []
    r = _cli(["answer", "case.yaml", "O-2", "--role", "product-lead", "--key", k["pat"], "--text", "ship it"], d)
    assert r.returncode == 2 and "the policy does not let 'product-lead' answer objections" in r.stderr
    after = sorted(p.name for p in (d / "answers").glob("*")) if (d / "answers").exists() else []
    assert before == after  # nothing recorded
    r = _cli(["answer", "case.yaml", "O-2", "--role", "safety-lead", "--key", k["dana"], "--text", "Web tasks added"], d)
    assert r.returncode == 0, r.stderr
    r = _cli(["answer", "case.yaml", "O-2", "--accept", "--role", "external-evaluator", "--key", k["priya"]], d)
    assert r.returncode == 0, r.stderr
    assert "accepted" in r.stdout


# ---------------------------------------------------------------- the gate reads the signed view too


def _gate(w, *, preview: bool = False):  # type: ignore[no-untyped-def]
    """The outcome and blocking codes `casegate gate` gives the world's case (as `gate` judges it)."""
    from casegate.gate import run_gate
    from casegate.verify import gate_inputs

    inputs = gate_inputs(w.load(), w.ring, LATER.date(), preview=preview)
    record = run_gate(inputs.loaded, today=LATER.date(), waivers=inputs.waivers,
                      waiver_problems=inputs.waiver_problems)
    return record.outcome, {f.code for f in record.findings if f.blocking}


@pytest.mark.parametrize("preview", [False, True])
def test_the_gate_judges_an_objection_marked_answered_in_the_yaml_as_open(tmp_path, preview):
    """Reason: `gate` must judge what `decide` judges; a YAML status is the author's word."""
    w = _objected(tmp_path)
    outcome, blocking = _gate(w, preview=preview)
    assert outcome == "NO-GO" and "CG504" in blocking
    w.case.write_text(w.case.read_text().replace(
        "status: open", 'status: answered, answer: "fixed", answered_by: safety-lead'))
    assert w.load().case.decision.objections["O-2"].status == "answered"
    outcome, blocking = _gate(w, preview=preview)
    assert outcome == "NO-GO" and "CG504" in blocking


def test_the_gate_judges_an_author_left_out_of_the_yaml_as_an_author(tmp_path):
    """Reason: the signed authors list names who wrote the case, whatever the YAML lists now."""
    w = _world(tmp_path)
    w.case.write_text(w.case.read_text().replace("authors: [Mira Chen, Tom Okafor]", "authors: [Tom Okafor]"))
    sign_case(w.load(), "safety-lead", w.signers["mira"], w.ring, at=AT)
    for n in ("sam", "priya"):
        sign_case(w.load(), SIGNED[n], w.signers[n], w.ring, at=AT)
    outcome, blocking = _gate(w)
    assert outcome == "NO-GO" and "CG507" in blocking
