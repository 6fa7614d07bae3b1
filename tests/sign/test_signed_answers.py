"""The policy's `signoff.signed_answers_from`: at and past the boundary it names, an objection is
answered only by signed statements (an answer from a role that may answer, accepted by the
objector); an objection the case records unsigned and marks answered stands open (CG504)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from casegate.sign import answer, object_to_case, parse_instant, sign_case
from tests.sign.helpers import make_world

AT = parse_instant("2026-11-25")
LATER = parse_instant("2026-12-01")
SIGNED = {"dana": "safety-lead", "sam": "rso", "priya": "external-evaluator"}
TYPED = ("  objections:\n    O-1:\n", "      answered_by: safety-lead\n")
"""Where the example's typed objection O-1 (answered by the safety lead) starts and ends."""


def _world(tmp_path: Path, boundary: str | None) -> Any:
    w = make_world(tmp_path)
    if boundary is not None:
        pol = w.dir / "policy.yaml"
        text = pol.read_text()
        assert text.count("  product_role: product-lead\n") == 1
        pol.write_text(text.replace("  product_role: product-lead\n",
                                    f"  product_role: product-lead\n  signed_answers_from: {boundary}\n"))
    return w


def _gate(w: Any) -> tuple[str, list[str]]:
    """The outcome and the CG504 messages `casegate gate` gives the world's case."""
    from casegate.gate import run_gate
    from casegate.verify import gate_inputs

    inputs = gate_inputs(w.load(), w.ring, LATER.date())
    record = run_gate(inputs.loaded, today=LATER.date(), waivers=inputs.waivers,
                      waiver_problems=inputs.waiver_problems)
    return record.outcome, [f.message for f in record.findings if f.code == "CG504"]


def _signed_and_answered(w: Any, *, accept: bool, oid: str = "O-2") -> None:
    """Priya Natarajan's signed objection `oid` (the case's next number), every required role's
    sign-off, the safety lead's signed answer, and (`accept`) her signed acceptance of it."""
    object_to_case(w.load(), "external-evaluator", w.signers["priya"], w.ring, "Web exploitation under-sampled",
                   at=AT)
    for n, r in SIGNED.items():
        sign_case(w.load(), r, w.signers[n], w.ring, at=AT)
    answer(w.load(), oid, "safety-lead", w.signers["dana"], w.ring,
           text="Forty web exploitation tasks were added to the suite and rerun", at=AT)
    if accept:
        answer(w.load(), oid, "external-evaluator", w.signers["priya"], w.ring, kind="accept", at=AT)


def _without_typed_objection(w: Any) -> None:
    text = w.case.read_text()
    start = text.index(TYPED[0])
    end = text.index(TYPED[1], start) + len(TYPED[1])
    w.case.write_text(text[:start] + text[end:])


def test_the_gate_holds_a_typed_answer_open_past_the_boundary(tmp_path: Path) -> None:
    """Attack: the objector's objection answered and accepted by signature (O-2) stands closed, but
    the one the lab records unsigned (O-1, `status: answered` by the safety lead) is the lab's word
    for who answered it and that the objector was satisfied: under `signed_answers_from: api` it
    blocks the api decision. Without the setting the same case is decided as before."""
    w = _world(tmp_path, "api")
    _signed_and_answered(w, accept=True)
    outcome, cg504 = _gate(w)
    assert outcome == "NO-GO"
    assert cg504 == ["objection `O-1` by Priya Natarajan (external-evaluator) is marked answered in the case, with no "
                     "signed objection it refers to (`envelope`), but at `api` the policy counts only a signed answer "
                     "the objector accepted (`signoff.signed_answers_from: api`): the objection stands open"], cg504
    control = _world(tmp_path / "control", None)
    _signed_and_answered(control, accept=True)
    outcome, cg504 = _gate(control)
    assert cg504 == [] and outcome != "NO-GO", (outcome, cg504)


def test_past_the_boundary_only_an_accepted_signed_answer_closes_an_objection(tmp_path: Path) -> None:
    """With the typed objection gone, the signed one closes only once the objector accepts the
    signed answer."""
    w = _world(tmp_path, "api")
    _without_typed_objection(w)
    _signed_and_answered(w, accept=False, oid="O-1")
    outcome, cg504 = _gate(w)
    assert outcome == "NO-GO" and len(cg504) == 1 and cg504[0].startswith(
        "objection `O-1` by Priya Natarajan (external-evaluator) is open with no answer"), cg504
    answer(w.load(), "O-1", "external-evaluator", w.signers["priya"], w.ring, kind="accept", at=AT)
    outcome, cg504 = _gate(w)
    assert cg504 == [] and outcome != "NO-GO", (outcome, cg504)


def test_a_signed_objection_left_out_of_the_yaml_still_counts_as_signed(tmp_path: Path) -> None:
    """The YAML is a view: with the entry of a signed, answered and accepted objection deleted,
    the gate reads the objection from its envelope and knows it as signed, so the accepted signed
    answer closes it; a typed answer with the envelope reference removed is still held open."""
    import re

    w = _world(tmp_path, "api")
    _without_typed_objection(w)
    _signed_and_answered(w, accept=True, oid="O-1")
    assert _gate(w)[1] == []
    text = w.case.read_text()
    entry = re.search(r"  objections:\n    O-1: \{[^\n]*\}\n", text)
    assert entry is not None
    w.case.write_text(text.replace(entry.group(0), "  objections: {}\n"))
    outcome, cg504 = _gate(w)
    assert cg504 == [] and outcome != "NO-GO", (outcome, cg504)
    unsigned = re.sub(r",? ?envelope: [^,}]*", "", entry.group(0)).replace("status: open", "status: answered")
    assert "envelope" not in unsigned
    w.case.write_text(text.replace(entry.group(0), unsigned))
    for f in (w.dir / "objections").glob("*.dsse.json"):
        f.unlink()
    outcome, cg504 = _gate(w)
    assert outcome == "NO-GO" and len(cg504) == 1 and "with no signed objection it refers to (`envelope`)" in cg504[0]
