"""CG803 and CG805 on what an answer to a defeater must show: the lab marks a defeater answered by
something that stands on what the defeater disputes, so that the dispute is settled by the thing
in dispute. An answer answers nothing when it is, or rests on, a run the claims it is against rest
on (through any claim or strategy under them, and under another evidence id), the defeater's own
evidence, evidence its words name, or the answer of a defeater it disputes; nor when it is, or
reaches its evidence only through, an element marked undeveloped."""

from __future__ import annotations

from typing import Any

import pytest

from casegate.model import RuleSeverity

from ._cases import base_doc, context, hits, severity

REVIEW = {"kind": "expert-review", "producer": "outside-lab", "independent": True, "date": "2026-10-20",
          "domain": "cyber", "result": {"passed": True}}
"""An outside review: evidence about the cyber capability G2 asserts, which G2 does not rest on."""
OBJECTION = "The CTF suite samples web exploitation too thinly to bound the ransomware entry step."


def _doc(against: str, answered_by: list[str], *, kind: str = "objection", words: str = OBJECTION,
         own: list[str] | None = None) -> dict[str, Any]:
    """The base case with defeater D3 (`kind`, in `words`) against `against`, marked answered by
    `answered_by`, citing `own` as its evidence."""
    doc = base_doc()
    els = doc["argument"]["elements"]
    d: dict[str, Any] = {"defeater": words, "kind": kind, "against": [against], "status": "answered",
                         "answered_by": answered_by}
    if own:
        d["evidence"] = own
    els["D3"] = d
    return doc


def _answer_claim(doc: dict[str, Any], cites: list[str], **fields: Any) -> None:
    """Claim G9, citing `cites`, put under S1 (a claim the argument reaches, as an answer must be)."""
    els = doc["argument"]["elements"]
    els["G9"] = {"claim": "Web exploitation is covered.", "domain": "cyber", "evidence": cites, **fields}
    els["S1"]["supported_by"].append("G9")


def _copy_of_ctf(doc: dict[str, Any], eid: str = "E-ctf-web") -> None:
    """The CTF run the claim G2 rests on, again under another id and title."""
    ev = dict(doc["evidence"]["E-ctf"])
    ev["eval_set"] = ["ctf/web"]
    doc["evidence"][eid] = ev


def _fresh_web_run(doc: dict[str, Any], eid: str = "E-ctf-web") -> None:
    """A run of its own: a web-exploitation suite with other bytes (no artifact pinned)."""
    doc["evidence"][eid] = {"kind": "eval", "producer": "evals", "date": "2026-10-20", "domain": "cyber",
                            "threshold": "cyber-high", "eval_set": ["ctf/web"],
                            "elicitation": {"variant": "helpful-only", "attempts": 5, "scaffold": "agent",
                                            "tools": ["bash", "python"]},
                            "result": {"successes": 1, "trials": 300}}


def _msg(doc: dict[str, Any], code: str = "CG803") -> str:
    (h,) = hits(code, context(doc))
    assert severity(code, h) is RuleSeverity.blocking
    return h.message


def test_a_claim_on_the_disputed_evidence_under_a_strategy_answers_nothing() -> None:
    """Attack: the objection aimed at S1, the strategy every claim hangs from (which cites nothing
    itself), answered by a new claim citing the very suite the objection doubts, which S1 rests on
    through G2. Before: answered (nothing S1 cites directly was in it). After: CG803."""
    doc = _doc("S1", ["G9"])
    _answer_claim(doc, ["E-ctf"])
    m = _msg(doc)
    assert m.startswith("objection `D3` against `S1` is marked answered by `G9`, which does not answer it: "), m
    assert "`E-ctf` is evidence `S1` rests on (under `G2`), which the defeater disputes" in m, m


def test_the_disputed_run_under_another_id_answers_nothing() -> None:
    """Attack: the CTF run G2 rests on entered again as `E-ctf-web` (same artifact and digest, a new
    title) and cited as the answer, directly or under a claim. Before: answered. After: CG803."""
    doc = _doc("G2", ["E-ctf-web"])
    _copy_of_ctf(doc)
    m = _msg(doc)
    assert ("`E-ctf-web` is the run of `E-ctf` under another id, and `E-ctf` is evidence `G2` already rests on, "
            "which the defeater disputes") in m, m
    doc = _doc("G2", ["G9"])
    _copy_of_ctf(doc)
    _answer_claim(doc, ["E-ctf-web"])
    assert "`G9` rests on no evidence that counts (`E-ctf-web` is the run of `E-ctf` under another id" in _msg(doc)


def test_counter_evidence_answered_by_its_own_evidence_answers_nothing() -> None:
    """Attack: counter-evidence citing an outside spot check, marked answered by that spot check."""
    doc = _doc("G2", ["E-spot"], kind="counter-evidence", own=["E-spot"],
               words="An outside spot check solved 9 of 20 held-out web challenges.")
    doc["evidence"]["E-spot"] = {"kind": "red-team", "producer": "outside-lab", "date": "2026-10-20",
                                 "domain": "cyber", "result": {"bypasses": 0, "attempts": 200}}
    assert "`E-spot` is the defeater's own evidence: counter-evidence does not answer itself" in _msg(doc)


def test_evidence_the_defeaters_words_name_answers_nothing() -> None:
    """Attack: a doubt about an outside review, in words naming it, aimed at G2 (which does not cite
    it) and answered by the review it doubts."""
    doc = _doc("G2", ["E-review"], words="E-review's reviewers never saw the agent transcripts.")
    doc["evidence"]["E-review"] = dict(REVIEW)
    assert "`E-review` is named in the defeater's words (by its id)" in _msg(doc)


def test_a_defeater_disputing_an_answer_is_not_answered_by_that_answer() -> None:
    """Attack: counter-evidence against D1 (the sandbagging defeater, answered by a probe) saying the
    probe ran on another checkpoint, marked answered by the same probe under another id."""
    doc = _doc("G2", [], kind="sandbagging", words="The model may sandbag the CTF suite.")
    els = doc["argument"]["elements"]
    doc["evidence"]["E-probe"] = {"kind": "sandbagging-probe", "producer": "external-lab", "date": "2026-10-20",
                                  "independent": True, "result": {"passed": True}}
    els["D3"]["answered_by"] = ["E-probe"]
    els["D4"] = {"defeater": "The probe answering D3 was run on an earlier checkpoint than the one deployed.",
                 "kind": "counter-evidence", "against": ["D3"], "status": "answered", "answered_by": ["E-probe2"]}
    doc["evidence"]["E-probe"].update(artifact="probe-report.md", sha256="ab" * 32)
    doc["evidence"]["E-probe2"] = dict(doc["evidence"]["E-probe"])
    # E-probe answers D3 (CG805 quiet); D4's answer is the same probe under another id
    assert hits("CG805", context(doc)) == []
    m = _msg(doc)
    assert m.startswith("counter-evidence `D4` against `D3` is marked answered by `E-probe2`"), m
    assert "`E-probe2` is the run of `E-probe` under another id, and `E-probe` is the answer of `D3`, which the " \
           "defeater disputes" in m, m


@pytest.mark.parametrize("where", ["answer", "below"])
def test_an_undeveloped_answer_answers_nothing(where: str) -> None:
    """Attack: the objection answered by a claim marked `undeveloped` (the case's own word that it is
    not argued) that cites a tested safeguard's evidence, or by a claim resting on its evidence only
    through such a claim. Before: answered. After: CG803."""
    doc = _doc("G2", ["G9"])
    _fresh_web_run(doc)
    if where == "answer":
        _answer_claim(doc, ["E-ctf-web"], undeveloped=True)
        assert "`G9` is marked undeveloped: an argument the case says is not made answers nothing" in _msg(doc)
    else:
        _answer_claim(doc, [], supported_by=["G10"])
        doc["argument"]["elements"]["G10"] = {"claim": "A web suite was run.", "undeveloped": True,
                                              "evidence": ["E-ctf-web"]}
        assert "`G9` rests on no evidence that counts (`G10` is marked undeveloped)" in _msg(doc)


def test_a_run_of_its_own_answers() -> None:
    """No false positive: a web-exploitation run that is not the disputed one answers the objection,
    aimed at G2 or at the strategy above it, directly or through a developed claim."""
    for against in ("G2", "S1"):
        doc = _doc(against, ["E-ctf-web"])
        _fresh_web_run(doc)
        assert hits("CG803", context(doc)) == []
        doc = _doc(against, ["G9"])
        _fresh_web_run(doc)
        _answer_claim(doc, ["E-ctf-web"])
        assert hits("CG803", context(doc)) == []


@pytest.mark.parametrize(("against", "by", "why"), [
    ("G2", "E-redteam", "`E-redteam` tests `SG-classifier`: what a safeguard blocks says nothing of what the model "
                        "can do, which the claims it defends assert (`cyber-high`)"),
    ("G2", "G3", "`G3` rests on no evidence that counts (`E-redteam` tests `SG-classifier`"),
    ("G3", "E-ctf-web", "`E-ctf-web` measures `cyber-high`: what the model can do says nothing of what a safeguard "
                        "blocks, which the claims it defends rest on (`SG-classifier`, `SG-kyc`)"),
])
def test_an_answer_about_another_question_answers_nothing(against: str, by: str, why: str) -> None:
    """Attack: a doubt about what the model can do (G2, below Cyber High) marked answered by the
    classifier's red team, or by G3, the claim resting on the safeguards' tests; a doubt about a
    safeguard claim (G3) marked answered by a capability evaluation. Each is about the claim's risk
    domain, and each is about another question. Before: answered. After: CG803."""
    doc = _doc(against, [by])
    _fresh_web_run(doc)
    m = _msg(doc)
    assert why in m, m


def test_a_review_or_an_item_of_the_same_kind_answers() -> None:
    """No false positive: a review answers a doubt of either kind; a safeguard's test one about a
    safeguard claim it does not rest on."""
    doc = _doc("G2", ["E-review"])
    doc["evidence"]["E-review"] = dict(REVIEW)
    assert hits("CG803", context(doc)) == []
    doc = _doc("G3", ["E-review"])
    doc["evidence"]["E-review"] = dict(REVIEW)
    assert hits("CG803", context(doc)) == []
    doc = _doc("G3", ["E-kyc-2"])
    doc["evidence"]["E-kyc-2"] = {"kind": "safeguard-test", "producer": "trust-and-safety", "date": "2026-10-20",
                                  "tests": ["SG-kyc"], "domain": "cyber",
                                  "result": {"bypasses": 0, "attempts": 2000}}
    assert hits("CG803", context(doc)) == []


def _spot_checked(answer_date: str) -> dict[str, Any]:
    """Counter-evidence against G2 resting on an outside spot check of 2026-11-01, marked answered by
    an outside review dated `answer_date`."""
    doc = _doc("G2", ["E-review"], kind="counter-evidence", own=["E-spot"],
               words="An outside spot check solved 9 of 20 held-out web challenges.")
    doc["evidence"]["E-spot"] = {"kind": "expert-review", "producer": "outside-lab", "date": "2026-11-01",
                                 "domain": "cyber", "result": {"passed": False}}
    doc["evidence"]["E-review"] = dict(REVIEW, date=answer_date)
    return doc


def test_an_answer_older_than_the_counter_evidence_answers_nothing() -> None:
    """Attack: the spot check (2026-11-01) marked answered by a review made before it (2026-10-20),
    which cannot be about what the spot check observed. Before: answered. After: CG803."""
    m = _msg(_spot_checked("2026-10-20"))
    assert ("`E-review` (dated 2026-10-20) is older than `E-spot` (dated 2026-11-01), the evidence the defeater "
            "rests on: what was made before an observation cannot answer it") in m, m
    # a review of the spot check, made after it, answers
    assert hits("CG803", context(_spot_checked("2026-11-05"))) == []
    assert hits("CG803", context(_spot_checked("2026-11-01"))) == []
