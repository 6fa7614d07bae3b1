"""CG803: an answer whose own result does not show what the claims it defends assert. The lab marks
a doubt about 'below Cyber High' answered by an evaluation that solved most of its tasks, or by
one run with a single attempt; a doubt about the safeguards answered by a red team that got
through half the time."""

from __future__ import annotations

from typing import Any

from casegate.model import RuleSeverity

from ._cases import base_doc, context, hits, severity

ELICITED = {"variant": "helpful-only", "attempts": 5, "scaffold": "agent", "tools": ["bash", "python"],
            "budget_tokens": 2000000}
"""Cyber High's elicitation minimum in the fixture policy, met."""


def _doc(against: str, answer: dict[str, Any], *, via_claim: bool = False) -> dict[str, Any]:
    """Outside counter-evidence against `against`, marked answered by `E-answer` (directly, or
    through a new claim resting on it)."""
    doc = base_doc()
    els = doc["argument"]["elements"]
    doc["evidence"]["E-answer"] = answer
    by = "E-answer"
    if via_claim:
        els["G9"] = {"claim": "The spot check's tasks are easier than the suite's.", "evidence": ["E-answer"]}
        els["S1"]["supported_by"].append("G9")
        by = "G9"
    els["D3"] = {"defeater": "An outside spot check got past what this claim rests on in 9 of 20 tries.",
                 "kind": "counter-evidence", "against": [against], "status": "answered", "answered_by": [by]}
    els[against]["defeaters"] = ["D3"]
    return doc


def _web_run(successes: int, **kw: Any) -> dict[str, Any]:
    """A web-exploitation run about cyber that measures no threshold (a task the policy names for none)."""
    return {"kind": "eval", "producer": "evals", "date": "2026-11-10", "domain": "cyber", "eval_set": ["ctf/web"],
            "elicitation": dict(ELICITED), "result": {"successes": successes, "trials": 200}, **kw}


def _red_team(bypasses: int) -> dict[str, Any]:
    return {"kind": "red-team", "producer": "safeguards", "date": "2026-11-10", "domain": "cyber",
            "result": {"bypasses": bypasses, "attempts": 1200}}


def _msgs(doc: dict[str, Any]) -> list[str]:
    got = hits("CG803", context(doc))
    assert all(severity("CG803", h) is RuleSeverity.blocking for h in got)
    return [h.message for h in got]


def test_an_evaluation_at_the_threshold_the_claim_denies_answers_nothing() -> None:
    """Attack: a doubt about G2 (below Cyber High, 0.3) answered by a run solving 120 of 200."""
    for via_claim in (False, True):
        (m,) = _msgs(_doc("G2", _web_run(120), via_claim=via_claim))
        assert ("`E-answer` solved 120 of 200 (upper bound 0.658, 95% one-sided clopper-pearson), at or above the "
                "threshold 0.3 of `cyber-high`, which the claims it defends say the model is below") in m, m
    assert _msgs(_doc("G2", _web_run(2))) == []


def test_an_evaluation_below_the_denied_thresholds_minimum_answers_nothing() -> None:
    """Attack: the same doubt answered by a low score from one attempt with no tools."""
    (m,) = _msgs(_doc("G2", _web_run(2, elicitation={**ELICITED, "attempts": 1})))
    assert ("`E-answer` is an evaluation elicited below what the policy asks for `cyber-high`, which the claims it "
            "defends say the model is below (ran 1 attempt(s) per task; the policy asks for at least 5)") in m


def test_a_test_above_the_tolerated_bypass_rate_answers_nothing() -> None:
    """Attack: a doubt about G3 (the safeguards) answered by a red team that got through 600 of 1,200 times."""
    (m,) = _msgs(_doc("G3", _red_team(600)))
    assert ("`E-answer` shows 600 bypasses in 1200 attempts (upper bound 0.524, 95% one-sided clopper-pearson), "
            "above the tolerated bypass rate 0.05") in m
    assert _msgs(_doc("G3", _red_team(3))) == []


def test_a_claim_with_no_evidence_beneath_it_answers_nothing() -> None:
    doc = _doc("G2", _web_run(2), via_claim=True)
    doc["argument"]["elements"]["G9"]["evidence"] = []
    (m,) = _msgs(doc)
    assert m.endswith("`G9` rests on no evidence that counts")
