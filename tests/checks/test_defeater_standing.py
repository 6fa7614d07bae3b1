"""CG803 answered-without-answer, CG805 and CG806 defeater-dropped: the lab tries to make an open
defeater go away without answering it: by 'answering' it with the claim it attacks, a context, a
claim resting on the attacked one or the evidence already disputed; or, against the version
compared with, by deleting it, re-aiming it, relabelling its kind, turning a defeat it accepted
into an answer from the evidence it already had, or withdrawing the claim it targets and making
it again under a new id (reworded, copied under several ids, or in other words in the same place
or on the same evidence)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from casegate.model import RecordedVersion, RuleSeverity

from ._cases import base_doc, case, context, hits, severity

D3 = "An outside spot check solved 9 of 20 held-out web challenges, far above the suite's rate."


def _doc(status: str = "open", answered_by: list[str] | None = None, *, kind: str = "counter-evidence",
         against: tuple[str, ...] = ("G2",)) -> dict[str, Any]:
    doc = base_doc()
    els = doc["argument"]["elements"]
    d: dict[str, Any] = {"defeater": D3, "kind": kind, "against": list(against), "status": status}
    if answered_by is not None:
        d["answered_by"] = answered_by
    els["D3"] = d
    for t in against:
        els[t]["defeaters"] = ["D3"]
    return doc


def _msgs(code: str, doc: dict[str, Any], **kw: Any) -> list[str]:
    return [h.message for h in hits(code, context(doc, **kw))]


# --------------------------------------------------------------------------- CG803


@pytest.mark.parametrize(("by", "why"), [
    (["G2"], "`G2` is the claim it is against"),
    (["C1"], "`C1` is a context, not evidence or a claim"),
    (["S1"], "`S1` is a strategy, not evidence or a claim"),
    (["G1"], "`G1` rests on `G2`, the claim it is against"),
    (["E-ctf"], "`E-ctf` is evidence `G2` already rests on, which the defeater disputes"),
])
def test_an_answer_that_is_no_answer_blocks(by: list[str], why: str) -> None:
    (h,) = hits("CG803", context(_doc("answered", by)))
    assert h.path == ("argument", "elements", "D3", "answered_by")
    assert h.message.startswith(f"counter-evidence `D3` against `G2` is marked answered by `{by[0]}`, which does "
                                "not answer it: ")
    assert why in h.message
    assert severity("CG803", h) is RuleSeverity.blocking


def test_several_hollow_items_are_each_named() -> None:
    (m,) = _msgs("CG803", _doc("answered", ["G2", "C1"]))
    assert "none of which answers it" in m and "`G2` is the claim" in m and "`C1` is a context" in m


REVIEW = {"kind": "expert-review", "producer": "outside-lab", "independent": True, "date": dt.date(2026, 10, 20),
          "domain": "cyber", "result": {"passed": True}}
"""An outside review of the spot check: evidence about the cyber capability G2 asserts."""


def _reviewed(doc: dict[str, Any]) -> dict[str, Any]:
    doc["evidence"]["E-review"] = dict(REVIEW)
    return doc


def test_evidence_or_a_claim_resting_on_evidence_answers() -> None:
    assert _msgs("CG803", _reviewed(_doc("answered", ["E-review"]))) == []
    doc = _reviewed(_doc("answered", ["G9"]))
    doc["argument"]["elements"]["G9"] = {"claim": "The spot check ran with hints.", "evidence": ["E-review"]}
    doc["argument"]["elements"]["S1"]["supported_by"].append("G9")
    assert _msgs("CG803", doc) == []
    # one item that answers is enough
    assert _msgs("CG803", _reviewed(_doc("answered", ["G2", "E-review"]))) == []


def test_expired_or_failed_evidence_answers_nothing() -> None:
    doc = _doc("answered", ["E-redteam"])
    doc["evidence"]["E-redteam"]["expires"] = dt.date(2026, 11, 1)
    (m,) = _msgs("CG803", doc)
    assert "`E-redteam` expired on 2026-11-01" in m
    doc = _doc("answered", ["E-review"])
    doc["evidence"]["E-review"] = {"kind": "expert-review", "producer": "x", "date": dt.date(2026, 11, 2),
                                   "result": {"passed": False}}
    (m,) = _msgs("CG803", doc)
    assert "`E-review` (expert-review) failed" in m


def test_a_claim_resting_only_on_the_disputed_evidence_answers_nothing() -> None:
    doc = _doc("answered", ["G9"])
    els = doc["argument"]["elements"]
    els["G9"] = {"claim": "The suite covers web exploitation.", "evidence": ["E-ctf"]}
    els["S1"]["supported_by"].append("G9")
    (m,) = _msgs("CG803", doc)
    assert "`G9` rests on no evidence that counts (`E-ctf` is what `G2` rests on)" in m


def test_a_sandbagging_defeater_answered_by_its_own_claim_is_cg805s() -> None:
    doc = _doc("answered", ["G2"], kind="sandbagging")
    assert _msgs("CG803", doc) == []
    (m,) = _msgs("CG805", doc)
    assert "sandbagging defeater `D3` is answered by `G2`" in m and "`G2` is the claim it is against" in m


# --------------------------------------------------------------------------- CG806


def test_an_open_defeater_deleted_blocks() -> None:
    prev = case(_doc("open"))
    (h,) = hits("CG806", context(base_doc(), previous=prev))
    assert h.path == ("argument", "elements", "G2")
    assert h.message == ("counter-evidence `D3` against `G2` was open in the previous version; it is gone from "
                         "this version")
    assert severity("CG806", h) is RuleSeverity.blocking


def test_an_accepted_or_hollow_answered_defeater_deleted_blocks() -> None:
    (m,) = _msgs("CG806", base_doc(), previous=case(_doc("accepted")))
    assert "was accepted (the claim defeated)" in m
    # answered with the attacked claim in the version compared with, deleted in this one
    (m,) = _msgs("CG806", base_doc(), previous=case(_doc("answered", ["G2"])))
    assert "was marked answered by nothing that answers it" in m


def test_a_defeater_answered_there_may_go_and_nothing_else_changes_nothing() -> None:
    assert _msgs("CG806", base_doc(), previous=case(_reviewed(_doc("answered", ["E-review"])))) == []
    assert _msgs("CG806", _doc("open"), previous=case(_doc("open"))) == []
    assert _msgs("CG806", _reviewed(_doc("answered", ["E-review"])), previous=case(_doc("open"))) == []


def test_a_defeater_answered_there_by_no_answer_may_not_go() -> None:
    """Attack: the version compared with marked the spot check against G2 (a claim of capability)
    answered by the classifier's red team (what a safeguard blocks) or the AI R&D suite (another
    domain); this one deletes it. Read as CG803 reads an answer, it stood there unanswered."""
    for by in ("E-redteam", "E-rnd"):
        (m,) = _msgs("CG806", base_doc(), previous=case(_doc("answered", [by])))
        assert m.startswith("counter-evidence `D3` against `G2` was marked answered by nothing that answers it in "
                            "the previous version; it is gone from this version"), m


def test_renamed_or_retyped_it_is_still_followed() -> None:
    doc = _doc("open")
    els = doc["argument"]["elements"]
    els["D9"] = {**els.pop("D3"), "kind": "rebuttal"}
    els["G2"]["defeaters"] = ["D9"]
    (m,) = _msgs("CG806", doc, previous=case(_doc("open")))
    assert m == ("`D9` (`D3` in the previous version, in the same words) was counter-evidence in the previous "
                 "version, where it was open; it is rebuttal now")
    doc = base_doc()
    doc["argument"]["elements"]["D3"] = {"context": D3}
    doc["argument"]["elements"]["G1"]["in_context_of"].append("D3")
    (m,) = _msgs("CG806", doc, previous=case(_doc("open")))
    assert "`D3` is a context now, no longer a defeater" in m


def test_re_aimed_at_a_claim_nothing_rests_on_blocks() -> None:
    doc = _doc("open", against=("C1",))
    (m,) = _msgs("CG806", doc, previous=case(_doc("open")))
    assert m == ("`D3` was aimed at `G2` in the previous version, where it was open; it no longer is, and that "
                 "claim is still in the argument")


def test_the_attacked_claim_reworded_with_the_same_capability_is_followed() -> None:
    doc = base_doc()
    els = doc["argument"]["elements"]
    els["G2b"] = {**els.pop("G2"), "claim": "The model stays under Cyber High with full elicitation."}
    els["S1"]["supported_by"] = ["G2b", "G3"]
    (m,) = _msgs("CG806", doc, previous=case(_doc("open")))
    assert m == ("counter-evidence `D3` against `G2` was open in the previous version; it is gone from this version, "
                 "and `G2b` (under `S1`, where it stood) stands in the place of `G2`")
    # elsewhere in the argument, resting on another run, it is still the same capability assertion
    els["S1"]["supported_by"] = ["G3"]
    els["G1"]["supported_by"] = ["S1", "G2b"]
    els["G2b"]["evidence"] = ["E-redteam"]
    (m,) = _msgs("CG806", doc, previous=case(_doc("open")))
    assert m.endswith("and `G2b` (making the same capability assertion) stands in the place of `G2`")


def test_it_may_go_with_every_claim_it_was_against() -> None:
    doc = base_doc()
    els = doc["argument"]["elements"]
    del els["G3"]
    els["S1"]["supported_by"] = ["G2"]
    assert _msgs("CG806", doc, previous=case(_doc("open", against=("G3",)))) == []


def test_an_accepted_defeat_answered_from_old_evidence_blocks() -> None:
    prev = case(_doc("accepted"))
    (m,) = _msgs("CG806", _doc("answered", ["E-redteam"]), previous=prev)
    assert m == ("`D3` was accepted in the previous version (the claim defeated); it is now marked answered, but by "
                 "no evidence new since that version (dated after 2026-11-20, and not cited there)")
    doc = _doc("answered", ["E-web"])
    doc["evidence"]["E-web"] = {"kind": "eval", "producer": "evals", "date": dt.date(2026, 11, 24),
                                "domain": "cyber", "result": {"successes": 1, "trials": 200},
                                "elicitation": doc["evidence"]["E-ctf"]["elicitation"]}
    assert _msgs("CG806", doc, previous=prev) == []
    # the same item redated is still the one that version cited
    doc["evidence"]["E-web"]["date"] = dt.date(2026, 11, 10)
    assert len(_msgs("CG806", doc, previous=prev)) == 1


def test_first_version_nothing_to_compare() -> None:
    assert _msgs("CG806", base_doc()) == []


def _restated(*ids: str, words: str | None = None, parent: str = "S1", evidence: list[str] | None = None) -> dict[str, Any]:
    """This version: D3 deleted and G3 (which it was against) withdrawn, the claim made again under
    each of `ids` (in `words`, else its own), standing under `parent`, citing `evidence`."""
    doc = base_doc()
    els = doc["argument"]["elements"]
    g3 = els.pop("G3")
    els["S1"]["supported_by"] = ["G2"]
    for x in ids:
        els[x] = {**g3, "claim": words or g3["claim"], "evidence": evidence if evidence is not None else g3["evidence"]}
        els[parent]["supported_by"] = [*els[parent].get("supported_by", []), x]
    return doc


_G3 = "Every step of the ransomware pathway is blocked by a tested safeguard."


@pytest.mark.parametrize(("ids", "kw", "how"), [
    (("G3b",), {"words": "Each step of the ransomware pathway is blocked by a tested safeguard."},
     "`G3b` (in nearly the same words)"),
    (("G3b", "G3c"), {}, "`G3b` (in the same words) and `G3c` (in the same words)"),
    (("G3b",), {"words": "Misuse of the API for ransomware is prevented.", "evidence": ["E-redteam-2"]},
     "`G3b` (under `S1`, where it stood)"),
    (("G3b",), {"words": "Misuse of the API for ransomware is prevented.", "parent": "G1"},
     "`G3b` (citing `E-redteam`, a run it cited)"),
])
def test_the_claim_it_was_against_made_again_under_a_new_id_keeps_it(ids: tuple[str, ...], kw: dict[str, Any],
                                                                      how: str) -> None:
    """The lab deletes the open defeater and 'withdraws' the claim it was against, making the claim
    again under a new id: a word changed, copied word for word under two ids, other words in the
    same place, or other words elsewhere on the same run. Whatever stands in its place carries it."""
    prev = case(_doc("open", against=("G3",)))
    doc = _restated(*ids, **kw)
    doc["evidence"]["E-redteam-2"] = {**doc["evidence"]["E-redteam"], "date": dt.date(2026, 11, 1)}
    (h,) = hits("CG806", context(doc, previous=prev))
    assert h.message == (f"counter-evidence `D3` against `G3` was open in the previous version; it is gone from this "
                         f"version, and {how} stand{'s' if len(ids) == 1 else ''} in the place of `G3`")
    assert h.path == ("argument", "elements", ids[0])
    assert severity("CG806", h) is RuleSeverity.blocking


def test_kept_against_one_copy_of_the_claim_and_not_the_other_blocks() -> None:
    """Copied under two ids, the claim is followed to both: the defeater kept against one only
    leaves the other standing free of it (fail closed: an ambiguous successor needs it on each)."""
    prev = case(_doc("open", against=("G3",)))
    doc = _restated("G3b", "G3c")
    els = doc["argument"]["elements"]
    els["D3"] = {"defeater": D3, "kind": "counter-evidence", "against": ["G3b"], "status": "open"}
    (m,) = _msgs("CG806", doc, previous=prev)
    assert m == ("`D3` was aimed at `G3` in the previous version, where it was open; it is not aimed at `G3c`, and "
                 "`G3c` (in the same words) stands in the place of `G3`")
    els["D3"]["against"] = ["G3b", "G3c"]
    assert _msgs("CG806", doc, previous=prev) == []


def test_a_claim_withdrawn_with_nothing_in_its_place_takes_the_defeater_with_it() -> None:
    """G3 withdrawn and a new, unrelated claim added elsewhere (under the top claim, in other words,
    on other evidence): nothing stands in G3's place, so D3 may go with it."""
    prev = case(_doc("open", against=("G3",)))
    doc = _restated("G8", words="Post-deployment monitoring reopens the case on a flag spike.", parent="G1",
                    evidence=["E-redteam-2"])
    doc["evidence"]["E-redteam-2"] = {**doc["evidence"]["E-redteam"], "date": dt.date(2026, 11, 1)}
    assert _msgs("CG806", doc, previous=prev) == []


def test_the_withdrawn_claims_evidence_moved_into_a_claim_that_stays_carries_the_defeater() -> None:
    """The lab deletes the open defeater against G3, withdraws G3 and moves the run G3 cited into G2,
    a claim already in the argument: G2 now stands on what the defeater disputed, so it carries it."""
    prev = case(_doc("open", against=("G3",)))
    doc = _restated()
    doc["argument"]["elements"]["G2"]["evidence"] = ["E-ctf", "E-redteam"]
    (h,) = hits("CG806", context(doc, previous=prev))
    assert h.message == ("counter-evidence `D3` against `G3` was open in the previous version; it is gone from this "
                         "version, and `G2` (citing `E-redteam`, a run it cited) stands in the place of `G3`")
    assert h.path == ("argument", "elements", "G2")
    # the same run (its artifact's digest) under a new evidence id is the same run
    pinned = {"artifact": "redteam/report.md", "sha256": "ab" * 32}
    was = _doc("open", against=("G3",))
    was["evidence"]["E-redteam"].update(pinned)
    prev = case(was)
    doc["evidence"]["E-rt"] = {**doc["evidence"].pop("E-redteam"), **pinned}
    doc["argument"]["elements"]["G2"]["evidence"] = ["E-ctf", "E-rt"]
    for sg in doc["safeguards"].values():
        sg["evidence"] = ["E-rt" if e == "E-redteam" else e for e in sg["evidence"]]
    (m,) = _msgs("CG806", doc, previous=prev)
    assert "`G2` (citing `E-rt`, a run it cited)" in m
    # kept against G2, it stands
    doc["argument"]["elements"]["D3"] = {"defeater": D3, "kind": "counter-evidence", "against": ["G2"], "status": "open"}
    doc["argument"]["elements"]["G2"]["defeaters"] = ["D3"]
    assert _msgs("CG806", doc, previous=prev) == []


def test_a_claim_that_stays_reworded_into_the_withdrawn_claims_words_carries_the_defeater() -> None:
    prev = case(_doc("open", against=("G3",)))
    doc = _restated()
    doc["argument"]["elements"]["G2"]["claim"] = "Each step of the ransomware pathway is blocked by a tested safeguard."
    (m,) = _msgs("CG806", doc, previous=prev)
    assert m.endswith("and `G2` (reworded into nearly its words) stands in the place of `G3`")


def test_a_claim_that_shared_the_run_all_along_does_not_take_the_defeater() -> None:
    """G2 cited E-redteam beside G3 in the version compared with too: it made its own claim on the
    run, so G3 withdrawn with nothing new in its place takes D3 with it."""
    was = _doc("open", against=("G3",))
    was["argument"]["elements"]["G2"]["evidence"] = ["E-ctf", "E-redteam"]
    doc = _restated()
    doc["argument"]["elements"]["G2"]["evidence"] = ["E-ctf", "E-redteam"]
    assert _msgs("CG806", doc, previous=case(was)) == []


def test_the_withdrawn_claims_evidence_moved_onto_a_strategy_carries_the_defeater() -> None:
    """The lab withdraws G3 and cites its run on the strategy S1 instead: S1 stands on what the
    defeater disputed, so the defeater must face it."""
    prev = case(_doc("open", against=("G3",)))
    doc = _restated()
    doc["argument"]["elements"]["S1"]["evidence"] = ["E-redteam"]
    (m,) = _msgs("CG806", doc, previous=prev)
    assert m.endswith("and `S1` (citing `E-redteam`, a run it cited) stands in the place of `G3`")


def test_an_answer_about_another_domain_answers_nothing() -> None:
    """The lab marks the outside spot check against the cyber claim answered by the AI R&D suite:
    evidence that counts, but about another risk domain. It answers nothing; a claim resting only
    on it answers nothing either."""
    (m,) = _msgs("CG803", _doc("answered", ["E-rnd"]))
    assert m == ("counter-evidence `D3` against `G2` is marked answered by `E-rnd`, which does not answer it: `E-rnd` "
                 "is about `ai-rnd`, not `cyber`, what the claims it defends are about")
    doc = _doc("answered", ["G9"])
    doc["argument"]["elements"]["G9"] = {"claim": "AI R&D tasks stay below the alert level.", "evidence": ["E-rnd"]}
    (m,) = _msgs("CG803", doc)
    assert "`G9` rests on no evidence that counts (`E-rnd` is about `ai-rnd`, not `cyber`" in m
    # evidence about the claim's domain still answers
    assert _msgs("CG803", _reviewed(_doc("answered", ["E-review"]))) == []


def test_an_untagged_claim_is_about_what_it_rests_on() -> None:
    """The lab drops the domain tag from the claim the outside spot check is aimed at, so that the
    AI R&D suite might answer it. The claim names no domain, but the evidence it rests on is about
    cyber: that is what it is about, and the AI R&D suite answers nothing."""
    doc = _doc("answered", ["E-rnd"], against=("G3",))
    del doc["argument"]["elements"]["G3"]["domain"]
    (m,) = _msgs("CG803", doc)
    assert m.endswith("`E-rnd` is about `ai-rnd`, not `cyber`, what the claims it defends are about")


def test_an_untagged_claim_whose_domain_cannot_be_read_is_not_answered_by_a_domains_evidence() -> None:
    """The claim names no domain and rests on nothing of its own; the claim below it names none
    either and cites the AI R&D suite. What the claim is about cannot be established, so evidence
    about a domain answers nothing (fail closed), the suite hung below it included."""
    doc = _doc("answered", ["E-rnd"], against=("G3",))
    els = doc["argument"]["elements"]
    g3 = els["G3"]
    del g3["domain"]
    g3["evidence"] = []
    g3["supported_by"] = ["G3a"]
    els["G3a"] = {"claim": "The red team found the pathway blocked.", "evidence": ["E-redteam", "E-kyc-test", "E-rnd"]}
    (m,) = _msgs("CG803", doc)
    assert ("whether `E-rnd` (about `ai-rnd`) is about `G3` cannot be established: it names no risk domain "
            "(`domain:`), and rests on nothing whose domain is known") in m
    # a claim below it that names its domain says what it is about
    els["G3a"]["domain"] = "cyber"
    (m,) = _msgs("CG803", doc)
    assert m.endswith("`E-rnd` is about `ai-rnd`, not `cyber`, what the claims it defends are about")


def test_a_run_moved_into_a_claim_that_stays_in_an_earlier_version_still_carries_the_defeater() -> None:
    """The two-step move: in one approved version the lab has G2 cite the run G3 rests on while D3
    stands open against G3 (nothing is withdrawn, so nothing blocks); in the next it withdraws G3
    and deletes D3. Against the version just before, G2 cited the run already; but in the earlier
    version the registry holds, where D3 stood, it did not: it began citing it while the defeater
    stood, so it stands in G3's place."""
    first = case(_doc("open", against=("G3",)))
    moved = _doc("open", against=("G3",))
    moved["argument"]["elements"]["G2"]["evidence"] = ["E-ctf", "E-redteam"]
    second = case(moved)
    doc = _restated()
    doc["argument"]["elements"]["G2"]["evidence"] = ["E-ctf", "E-redteam"]
    # without the earlier version, the move is not seen
    assert _msgs("CG806", doc, previous=second) == []
    (m,) = _msgs("CG806", doc, previous=second, history=[first, second])
    assert m.endswith("and `G2` (citing `E-redteam`, a run it cited) stands in the place of `G3`")
    # a claim that cited the run in every version the defeater stood in made its own claim on it
    assert _msgs("CG806", doc, previous=second, history=[second]) == []
    # and a defeater answered in between is not followed back to the version where it stood
    answered = _doc("answered", ["E-redteam-2"], against=("G3",))
    answered["argument"]["elements"]["G2"]["evidence"] = ["E-ctf", "E-redteam"]
    answered["evidence"]["E-redteam-2"] = {**answered["evidence"]["E-redteam"], "date": dt.date(2026, 11, 1),
                                           "domain": "cyber"}
    assert _msgs("CG806", doc, previous=case(answered), history=[first, case(answered)]) == []


def _renamed_d3(doc: dict[str, Any], words: str = D3) -> dict[str, Any]:
    """`doc` with defeater D3 under the id D7, in `words`."""
    els = doc["argument"]["elements"]
    els["D7"] = {**els.pop("D3"), "defeater": words}
    for el in els.values():
        if "D3" in el.get("defeaters", []):
            el["defeaters"] = ["D7" if d == "D3" else d for d in el["defeaters"]]
    return doc


@pytest.mark.parametrize("words", [D3, D3.replace("far above", "well above")])
def test_a_run_moved_while_the_defeater_stood_under_another_id_in_an_earlier_version_still_carries_it(
        words: str) -> None:
    """The two-step move with the defeater renamed in the earlier version the registry holds built:
    there it stood open against G3 as D7, in the same or nearly the same words, while G2 did not cite
    G3's run. The defeater is the one in its words, whatever id it had there."""
    first = case(_renamed_d3(_doc("open", against=("G3",)), words))
    moved = _doc("open", against=("G3",))
    moved["argument"]["elements"]["G2"]["evidence"] = ["E-ctf", "E-redteam"]
    second = case(moved)
    doc = _restated()
    doc["argument"]["elements"]["G2"]["evidence"] = ["E-ctf", "E-redteam"]
    (m,) = _msgs("CG806", doc, previous=second, history=[first, second])
    assert m.endswith("and `G2` (citing `E-redteam`, a run it cited) stands in the place of `G3`")
    # another defeater there, in other words, is not it
    other = case(_renamed_d3(_doc("open", against=("G3",)), "The ransomware red team used an old exploit kit."))
    assert _msgs("CG806", doc, previous=second, history=[other, second]) == []


def _renamed_g3(doc: dict[str, Any], words: str | None = None) -> dict[str, Any]:
    """`doc` with claim G3 under the id G3x (in `words`, else its own), D3 aimed at it."""
    els = doc["argument"]["elements"]
    els["G3x"] = els.pop("G3")
    if words is not None:
        els["G3x"]["claim"] = words
    els["S1"]["supported_by"] = ["G3x" if x == "G3" else x for x in els["S1"]["supported_by"]]
    for el in els.values():
        if "G3" in el.get("against", []):
            el["against"] = ["G3x" if x == "G3" else x for x in el["against"]]
    return doc


@pytest.mark.parametrize("built", [True, False])
@pytest.mark.parametrize("words", [None, _G3.replace("Every step", "Each step")])
def test_a_run_moved_while_the_claim_stood_under_another_id_in_an_earlier_version_still_carries_it(
        built: bool, words: str | None) -> None:
    """The two-step move with the claim renamed: in an earlier version (approved and built, or a
    draft the registry recorded) D3 stood open against G3 under the id G3x, in the same or nearly
    the same words, while G2 did not cite its run; the version compared with renamed it G3 and moved
    the run into G2; this one withdraws G3 and deletes D3. The claim is the one in its words,
    whatever id it had there."""
    first = case(_renamed_g3(_doc("open", against=("G3",)), words))
    moved = _doc("open", against=("G3",))
    moved["argument"]["elements"]["G2"]["evidence"] = ["E-ctf", "E-redteam"]
    second = case(moved)
    doc = _restated()
    doc["argument"]["elements"]["G2"]["evidence"] = ["E-ctf", "E-redteam"]
    ctx = context(doc, previous=second, history=[first, second] if built else [second])
    if not built:
        ctx.recorded = [RecordedVersion.of_case(first, "version 1.0 (#1)")]
    (h,) = hits("CG806", ctx)
    assert h.message.endswith("and `G2` (citing `E-redteam`, a run it cited) stands in the place of `G3`")


def test_a_run_moved_into_a_claim_that_stays_in_a_draft_still_carries_the_defeater() -> None:
    """The two-step move through a version no decision approved: the lab records a draft in which G2
    cites nothing of G3's while D3 stands open against G3, then moves the run into G2 in the version
    compared with, and in this one withdraws G3 and deletes D3. The draft is not built as a case
    (`Context.history` holds the approved and compared versions only), but the registry recorded
    it: G2 began citing the run while the defeater stood, so it stands in G3's place."""
    moved = _doc("open", against=("G3",))
    moved["argument"]["elements"]["G2"]["evidence"] = ["E-ctf", "E-redteam"]
    second = case(moved)
    draft = RecordedVersion.of_case(case(_doc("open", against=("G3",))), "version 1.1 (#2)")
    doc = _restated()
    doc["argument"]["elements"]["G2"]["evidence"] = ["E-ctf", "E-redteam"]

    def cg806(recorded: list[RecordedVersion]) -> list[str]:
        ctx = context(doc, previous=second, history=[second])
        ctx.recorded = recorded
        return [h.message for h in hits("CG806", ctx)]

    (m,) = cg806([draft, RecordedVersion.of_case(second, "version 1.2 (#3)")])
    assert m.endswith("and `G2` (citing `E-redteam`, a run it cited) stands in the place of `G3`")
    # a draft in which G2 cited the run too, or in which D3 was marked answered, moves nothing
    assert cg806([RecordedVersion.of_case(second, "version 1.1 (#2)")]) == []
    answered = _doc("answered", ["E-redteam-2"], against=("G3",))
    answered["evidence"]["E-redteam-2"] = {**answered["evidence"]["E-redteam"], "date": dt.date(2026, 11, 1),
                                           "domain": "cyber"}
    assert cg806([RecordedVersion.of_case(case(answered), "version 1.1 (#2)")]) == []
    # a draft in which D3 was aimed at another claim says nothing of G3
    elsewhere = RecordedVersion.of_case(case(_doc("open", against=("G2",))), "version 1.1 (#2)")
    assert cg806([elsewhere]) == []


def test_an_answer_whose_subject_cannot_be_read_does_not_answer_a_claim_whose_can() -> None:
    """The lab answers the outside spot check against the cyber claim with an in-house red team it
    types with no domain, threshold or safeguard: what it is about cannot be established, so it
    answers nothing. Naming its domain puts that on the record; a sandbagging probe answers for
    the model in every domain it was run in."""
    doc = _doc("answered", ["E-note"])
    doc["evidence"]["E-note"] = {"kind": "red-team", "producer": "safety", "date": dt.date(2026, 11, 1),
                                 "summary": "The challenges the spot check used were not representative."}
    (m,) = _msgs("CG803", doc)
    assert m.endswith("what `E-note` is about cannot be established (it names no `domain` or `threshold`, and no "
                      "safeguard cites it), so it cannot be shown to be about `cyber`, what the claims it "
                      "defends are about")
    doc["evidence"]["E-note"]["domain"] = "cyber"
    assert _msgs("CG803", doc) == []


@pytest.mark.parametrize("renamed", [False, True])
def test_one_retyping_to_a_condition_kind_is_reported_once(renamed: bool) -> None:
    """Attack: counter-evidence open in the version compared with is open now as an undercutter, a
    kind the policy lets stand as a condition (under its id, or renamed in the same words). It still
    blocks, and once: CG809 names the kind it was recorded with; CG806 leaves the retyping to it
    (before, both reported the one move)."""
    doc = _doc("open", kind="undercutter")
    did = "D3"
    if renamed:
        els = doc["argument"]["elements"]
        els["D9"] = els.pop("D3")
        els["G2"]["defeaters"] = ["D9"]
        did = "D9"
    ctx = context(doc, previous=case(_doc("open")))
    assert hits("CG806", ctx) == []
    (h,) = hits("CG809", ctx)
    assert h.path == ("argument", "elements", did, "kind")
    assert severity("CG809", h) is RuleSeverity.blocking
    assert h.message.startswith(f"undercutter `{did}` against `G2` is open; the previous version recorded it"), h.message
    assert "as `counter-evidence`, a kind that blocks while open" in h.message
    # retyped to another kind that blocks, or open as a condition kind but answered: CG806's alone
    ctx = context(_doc("open", kind="rebuttal"), previous=case(_doc("open")))
    assert hits("CG809", ctx) == [] and len(hits("CG806", ctx)) == 1
