"""CG806 and CG803 against the record: the lab answers a defeater that stood unanswered with what
the record already held, or dates its own counter-evidence earlier so that something it already
had meets it. Nothing was learned; the record says so."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from casegate.evidence import EvidenceFacts, Independence
from casegate.model import RecordedVersion

from ._cases import base_doc, case, context, hits

D3 = "An outside spot check solved 9 of 20 held-out web challenges, far above the suite's rate."
REVIEW = {"kind": "expert-review", "producer": "outside-lab", "date": dt.date(2026, 10, 20), "domain": "cyber",
          "result": {"passed": True}}
"""A review about the cyber capability G2 asserts: it answers the spot check when it is new."""
SPOT = {"kind": "expert-review", "producer": "northbridge", "date": dt.date(2026, 11, 10), "domain": "cyber",
        "result": {"passed": False}}
"""The outside spot check itself, the counter-evidence's own evidence."""


def _doc(status: str, answered_by: list[str] | None = None, *, review: bool = True, spot: dt.date | None = None,
         review_id: str = "E-review") -> dict[str, Any]:
    doc = base_doc()
    els = doc["argument"]["elements"]
    d: dict[str, Any] = {"defeater": D3, "kind": "counter-evidence", "against": ["G2"], "status": status}
    if answered_by is not None:
        d["answered_by"] = answered_by
    if spot is not None:
        doc["evidence"]["E-spot"] = {**SPOT, "date": spot}
        d["evidence"] = ["E-spot"]
    els["D3"] = d
    els["G2"]["defeaters"] = ["D3"]
    if review:
        doc["evidence"][review_id] = dict(REVIEW)
    return doc


def _msgs(code: str, doc: dict[str, Any], **kw: Any) -> list[str]:
    return [h.message for h in hits(code, context(doc, **kw))]


# --------------------------------------------------------------------------- CG806: nothing learned since


def test_an_open_defeater_answered_by_what_the_version_compared_with_held_blocks() -> None:
    """Attack: the version compared with holds the review and the spot check open; this one marks
    the spot check answered by that review (directly, or through a new claim resting on it)."""
    prev = case(_doc("open"))
    (h,) = hits("CG806", context(_doc("answered", ["E-review"]), previous=prev))
    assert h.path == ("argument", "elements", "D3", "answered_by")
    assert h.message == ("`D3` was open in the previous version; it is now marked answered by `E-review`, but what "
                         "answers it rests only on evidence the record held while it stood unanswered (`E-review`, in "
                         "the previous version or an earlier version in which it stood): nothing new was learned since")
    doc = _doc("answered", ["G9"])
    doc["argument"]["elements"]["G9"] = {"claim": "The spot check ran with hints.", "evidence": ["E-review"]}
    doc["argument"]["elements"]["S1"]["supported_by"].append("G9")
    (m,) = _msgs("CG806", doc, previous=prev)
    assert "marked answered by `G9`" in m and "(`E-review`," in m
    # an item new since under the same claim that answers nothing itself (about another domain) is no news
    doc["evidence"]["E-junk"] = {**REVIEW, "producer": "another-lab", "domain": "ai-rnd"}
    doc["argument"]["elements"]["G9"]["evidence"].append("E-junk")
    (m,) = _msgs("CG806", doc, previous=prev)
    assert "(`E-review`," in m


def test_the_held_item_under_a_new_id_is_still_held() -> None:
    # an item pinning no artifact: the same kind, producer and date
    (m,) = _msgs("CG806", _doc("answered", ["E-review-2"], review_id="E-review-2"), previous=case(_doc("open")))
    assert "(`E-review-2`," in m
    # a pinned one: the same artifact
    prev_doc, doc = _doc("open"), _doc("answered", ["E-review-2"], review_id="E-review-2")
    prev_doc["evidence"]["E-review"]["sha256"] = "ab" * 32
    doc["evidence"]["E-review-2"].update(sha256="ab" * 32, date=dt.date(2026, 11, 1))
    (m,) = _msgs("CG806", doc, previous=case(prev_doc))
    assert "(`E-review-2`," in m


def test_hollow_answered_there_and_answered_from_what_it_held_blocks() -> None:
    (m,) = _msgs("CG806", _doc("answered", ["E-review"]), previous=case(_doc("answered", ["G2"])))
    assert m.startswith("`D3` was marked answered by nothing that answers it in the previous version; it is now "
                        "marked answered by `E-review`")


def test_an_answer_new_since_answers() -> None:
    assert _msgs("CG806", _doc("answered", ["E-review"]), previous=case(_doc("open", review=False))) == []
    # one new item among held ones is enough
    doc = _doc("answered", ["E-review", "E-new"])
    doc["evidence"]["E-new"] = {**REVIEW, "producer": "another-lab"}
    assert _msgs("CG806", doc, previous=case(_doc("open"))) == []
    # answered there already: CG803 judges it as it is now
    assert _msgs("CG806", _doc("answered", ["E-review"]), previous=case(_doc("answered", ["E-review"]))) == []


def test_an_earlier_version_in_which_it_stood_counts_too() -> None:
    """Attack: the review is taken out in the version compared with while the spot check stays
    open, and put back in this one as its answer."""
    prev = case(_doc("open", review=False))
    stood = case(_doc("open"))
    (m,) = _msgs("CG806", _doc("answered", ["E-review"]), previous=prev, history=[stood, prev])
    assert "(`E-review`," in m
    # an earlier version in which it was answered held the review as its answer, not while it stood
    answered = case(_doc("answered", ["E-review"]))
    assert _msgs("CG806", _doc("answered", ["E-review"]), previous=prev, history=[answered, prev]) == []


# --------------------------------------------------------------------------- CG803: the observation's date


def _with_recorded(doc: dict[str, Any], recorded: list[RecordedVersion], **kw: Any) -> list[str]:
    ctx = context(doc, **kw)
    ctx.recorded = recorded
    return [h.message for h in hits("CG803", ctx)]


def test_counter_evidence_dated_before_what_the_record_held_first_blocks() -> None:
    """Attack: the version recorded held the review and no spot check; this one adds the spot check
    dated before the review (the lab's word), marked answered by it."""
    now = _doc("answered", ["E-review"], spot=dt.date(2026, 10, 1))
    assert _msgs("CG803", now) == []  # a first version: the dates are the case's word
    (m,) = _msgs("CG803", now, previous=case(base_doc() | {"evidence": _doc("open")["evidence"]}))
    assert m.endswith("`E-review` was in the previous version already, which did not hold the evidence the "
                      "defeater rests on (`E-spot`): what the record held before the observation cannot answer it, "
                      "whatever date the observation is given")
    # the same from the registry's record of every version, without a version compared with
    held = RecordedVersion.of_case(case(_doc("open", review=True)), "version 1.0 (#1)")
    (m,) = _with_recorded(now, [held])
    assert "`E-review` was in version 1.0 (#1) already" in m
    # recorded together, the dates decide
    both = RecordedVersion.of_case(case(_doc("open", spot=dt.date(2026, 10, 1))), "version 1.0 (#1)")
    assert _with_recorded(now, [both]) == []


def test_counter_evidence_redated_earlier_keeps_the_date_it_was_recorded_with() -> None:
    """Attack: the version recorded dated the spot check 2026-11-10, after the review; this one
    dates it 2026-10-01 and marks it answered by the review."""
    prev = case(_doc("open", spot=dt.date(2026, 11, 10)))
    (m,) = _msgs("CG803", _doc("answered", ["E-review"], spot=dt.date(2026, 10, 1)), previous=prev)
    assert ("`E-review` (dated 2026-10-20) is older than `E-spot` (dated 2026-11-10, as the previous version dated "
            "it), the evidence the defeater rests on") in m


# --------------------------------------------------------------------------- CG806: every version recorded


def _with(doc: dict[str, Any], recorded: list[RecordedVersion], code: str = "CG806", **kw: Any) -> list[str]:
    ctx = context(doc, **kw)
    ctx.recorded = recorded
    return [h.message for h in hits(code, ctx)]


def test_an_answer_a_version_never_approved_held_blocks() -> None:
    """Attack: a version the registry recorded but no decision approved (a draft, or one judged
    NO-GO) held the review while the spot check stood open; the version compared with took the
    review out; this one puts it back as the spot check's answer."""
    prev = case(_doc("open", review=False))
    now = _doc("answered", ["E-review"])
    draft = RecordedVersion.of_case(case(_doc("open")), "version 1.0 (#1)")
    assert _msgs("CG806", now, previous=prev) == []  # the version compared with alone: the review is new
    (m,) = _with(now, [draft], previous=prev)
    assert "rests only on evidence the record held while it stood unanswered (`E-review`," in m
    # under a new id: the same kind, producer and date; or the same artifact
    (m,) = _with(_doc("answered", ["E-review-2"], review_id="E-review-2"), [draft], previous=prev)
    assert "(`E-review-2`," in m
    pinned_doc = _doc("open")
    pinned_doc["evidence"]["E-review"]["sha256"] = "cd" * 32
    pinned = RecordedVersion.of_case(case(pinned_doc), "version 1.0 (#1)")
    renamed = _doc("answered", ["E-review-2"], review_id="E-review-2")
    renamed["evidence"]["E-review-2"].update(sha256="cd" * 32, date=dt.date(2026, 11, 1))
    (m,) = _with(renamed, [pinned], previous=prev)
    assert "(`E-review-2`," in m
    # the defeater under another id there, in nearly the same words
    other = _doc("open")
    other["argument"]["elements"]["D9"] = other["argument"]["elements"].pop("D3")
    other["argument"]["elements"]["D9"]["defeater"] = D3.replace("far above", "well above")
    other["argument"]["elements"]["G2"]["defeaters"] = ["D9"]
    (m,) = _with(now, [RecordedVersion.of_case(case(other), "version 1.0 (#1)")], previous=prev)
    assert "(`E-review`," in m


def test_a_recorded_version_in_which_it_did_not_stand_holds_nothing_for_it() -> None:
    prev = case(_doc("open", review=False))
    now = _doc("answered", ["E-review"])
    # marked answered there by the review: the review was its answer, not held while it stood
    answered = RecordedVersion.of_case(case(_doc("answered", ["E-review"])), "version 1.0 (#1)")
    assert _with(now, [answered], previous=prev) == []
    # the review held before the spot check was raised at all
    before = _doc("open")
    del before["argument"]["elements"]["D3"]
    before["argument"]["elements"]["G2"]["defeaters"] = []
    assert _with(now, [RecordedVersion.of_case(case(before), "version 1.0 (#1)")], previous=prev) == []


@pytest.mark.parametrize("words", [D3, D3.replace("far above", "well above")])
def test_an_answer_an_earlier_built_version_held_under_the_defeaters_other_id_blocks(words: str) -> None:
    """Attack: an earlier version the registry holds built (approved) held the review while the spot
    check stood open there as D9, in the same or nearly the same words; the version compared with
    left the review out; this one puts it back as the answer. The defeater is the one in its words,
    whatever id it had there."""
    prev = case(_doc("open", review=False))
    now = _doc("answered", ["E-review"])
    first = _doc("open")
    els = first["argument"]["elements"]
    els["D9"] = {**els.pop("D3"), "defeater": words}
    els["G2"]["defeaters"] = ["D9"]
    (m,) = _msgs("CG806", now, previous=prev, history=[case(first), prev])
    assert "rests only on evidence the record held while it stood unanswered (`E-review`," in m
    els["D9"]["defeater"] = "The review's graders saw the answers."
    assert _msgs("CG806", now, previous=prev, history=[case(first), prev]) == []


@pytest.mark.parametrize(("hollow", "why"), [
    (["E-ctf"], "the run the claim it is against rests on"),
    (["G9"], "a claim resting only on that run"),
    ([], "nothing"),
    (["E-gone"], "an id the draft does not hold"),
    (["E-redteam"], "an item the version compared with held while it stood open"),
    (["E-early"], "an item older than the spot check it answers"),
])
def test_a_hollow_answer_in_a_version_never_approved_does_not_take_it_out_of_the_record(
        hollow: list[str], why: str) -> None:
    """Attack: as above, but the draft marks the spot check answered, by something that would not
    have counted as an answer there: read as answered, the draft would hold nothing for it,
    and the review it held would be new since. A status the lab writes in a version nobody approved
    answers nothing by itself: the draft held the review while the spot check stood unanswered."""
    prev = case(_doc("open", review=False))
    now = _doc("answered", ["E-review"])
    draft_doc = _doc("answered", hollow, spot=dt.date(2026, 10, 10))
    draft_doc["evidence"]["E-early"] = {**REVIEW, "producer": "acme", "date": dt.date(2026, 10, 5)}
    draft_doc["argument"]["elements"]["G9"] = {"claim": "The suite is representative.", "evidence": ["E-ctf"]}
    draft_doc["argument"]["elements"]["S1"]["supported_by"].append("G9")
    draft = RecordedVersion.of_case(case(draft_doc), "version 1.0 (#1)")
    (m,) = _with(now, [draft], previous=prev)
    assert "rests only on evidence the record held while it stood unanswered (`E-review`," in m, why


def test_an_answer_in_a_version_never_approved_that_would_have_counted_there_stands() -> None:
    """A draft that answered the spot check with an item new there (held by no version in which it
    stood unanswered, not the disputed run, not older than the spot check) answered it: the review it
    held beside that answer was not held while the spot check stood."""
    prev = case(_doc("open", review=False))
    now = _doc("answered", ["E-review"])
    draft_doc = _doc("answered", ["E-new"], spot=dt.date(2026, 10, 10))
    draft_doc["evidence"]["E-new"] = {**REVIEW, "producer": "outside-lab-2", "date": dt.date(2026, 10, 25)}
    assert _with(now, [RecordedVersion.of_case(case(draft_doc), "version 1.0 (#1)")], previous=prev) == []
    # the same answer, where another draft held that item while the spot check stood open, is hollow
    held_doc = _doc("open", review=False, spot=dt.date(2026, 10, 10))
    held_doc["evidence"]["E-new"] = dict(draft_doc["evidence"]["E-new"])
    held = RecordedVersion.of_case(case(held_doc), "version 0.9 (#0)")
    (m,) = _with(now, [held, RecordedVersion.of_case(case(draft_doc), "version 1.0 (#1)")], previous=prev)
    assert "(`E-review`," in m


# --------------------------------------------------------------------------- CG810: an order only the dates give


def test_a_first_versions_answer_to_counter_evidence_dated_by_the_case_is_reported() -> None:
    """Attack: a first version dates the outside spot check (made 2026-11-10) 2026-10-01 so that the
    review of 2026-10-20 answers it. Nothing recorded contradicts the date; the decision says the
    order is the case's word."""
    now = _doc("answered", ["E-review"], spot=dt.date(2026, 10, 1))
    assert _msgs("CG803", now) == []
    (h,) = hits("CG810", context(now))
    assert h.path == ("argument", "elements", "D3", "answered_by")
    assert h.message == ("counter-evidence `D3` is answered by `E-review` as made after `E-spot` (dated 2026-10-01), "
                         "the evidence it rests on, but only the case's dates say so: no attestation from outside the "
                         "developer signs `E-spot` (northbridge), and no version the registry recorded held it before "
                         "the answer")
    # the spot check attested from outside: its date is the attester's
    ctx = context(now)
    ctx.facts = EvidenceFacts(independence={"E-spot": Independence("E-spot", False, True)})
    assert [h.message for h in hits("CG810", ctx)] == []
    # a version the registry recorded held the spot check and not the review: the record orders them
    first = RecordedVersion.of_case(case(_doc("open", review=False, spot=dt.date(2026, 10, 1))), "version 1.0 (#1)")
    assert _with(now, [first], code="CG810") == []
    # recorded together: the dates alone still order them
    both = RecordedVersion.of_case(case(_doc("open", spot=dt.date(2026, 10, 1))), "version 1.0 (#1)")
    (m,) = _with(now, [both], code="CG810")
    assert "only the case's dates say so" in m
    # no own evidence, or no answer that counts: nothing for this rule
    assert _msgs("CG810", _doc("answered", ["E-review"])) == []
    assert _msgs("CG810", _doc("answered", ["G2"], spot=dt.date(2026, 10, 1))) == []
