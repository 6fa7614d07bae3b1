"""CG806 across every version the registry recorded: the lab withdraws a claim that faces
counter-evidence (its defeater goes with it), or leaves the defeater out of a draft, and makes the
same claim again in a later version. The defeater stood and was never answered: it comes back with
the claim."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from casegate.model import RecordedVersion

from ._cases import case, context, hits
from .test_answer_since import D3, REVIEW, _doc

LABELS = ("version 1.0 (#1)", "version 1.1 (#2)", "version 1.2 (#3)")


def _withdrawn() -> dict[str, Any]:
    """G2 withdrawn, and D3 with it: S1 rests on G3 alone."""
    doc = _doc("open")
    els = doc["argument"]["elements"]
    del els["D3"], els["G2"]
    els["S1"]["supported_by"] = ["G3"]
    return doc


def _restored(claim: str | None = None, cid: str = "G2") -> dict[str, Any]:
    """G2 made again (under `cid`, in `claim` or its own words), D3 not raised."""
    doc = _doc("open")
    els = doc["argument"]["elements"]
    del els["D3"]
    g2 = els.pop("G2")
    els[cid] = {**g2, "defeaters": [], **({"claim": claim} if claim is not None else {})}
    els["S1"]["supported_by"] = [cid, "G3"]
    return doc


def _cg806(doc: dict[str, Any], *versions: dict[str, Any]) -> list[str]:
    ctx = context(doc, previous=case(versions[-1]))
    ctx.recorded = [RecordedVersion.of_case(case(v), label) for v, label in zip(versions, LABELS, strict=False)]
    return [h.message for h in hits("CG806", ctx)]


@pytest.mark.parametrize(("status", "by", "state"), [
    ("open", None, "open"),
    ("accepted", None, "accepted (the claim defeated)"),
    ("answered", ["E-ctf"], "marked answered by nothing that would have counted there"),
])
def test_a_claim_withdrawn_with_its_defeater_and_made_again_brings_it_back(
        status: str, by: list[str] | None, state: str) -> None:
    """Attack: version 1.0 holds D3 against G2 (open, accepted, or 'answered' by the run G2 rests on);
    version 1.1 withdraws G2 and D3 with it; this version makes G2 again, without D3."""
    assert [h.message for h in hits("CG806", context(_restored(), previous=case(_withdrawn())))] == []
    (m,) = _cg806(_restored(), _doc(status, by), _withdrawn())
    assert m == (f"counter-evidence `D3` stood {state} against `G2` in version 1.0 (#1); `G2` is made here "
                 "without it, and no recorded version answered it")


@pytest.mark.parametrize(("claim", "how"), [
    ("Cyber capability is below the Cyber High threshold.", "the same"),
    ("Cyber capability stays below the Cyber High threshold.", "nearly the same"),
])
def test_made_again_under_a_new_id_it_is_the_same_claim(claim: str, how: str) -> None:
    (m,) = _cg806(_restored(claim, "G2b"), _doc("open"), _withdrawn())
    assert m.startswith(f"counter-evidence `D3` stood open against `G2b` (as `G2`, in {how} words) in version 1.0 (#1)")


def test_left_out_of_a_draft_and_the_claim_kept_blocks() -> None:
    """Attack: a draft holds D3 open against G2; the next version (compared with) already leaves D3
    out while G2 stays; this one keeps G2. Against the version compared with nothing was dropped."""
    (m,) = _cg806(_restored(), _doc("open"), _restored())
    assert "`D3` stood open against `G2` in version 1.0 (#1)" in m


def test_a_defeater_answered_in_a_recorded_version_or_raised_again_is_not_left_behind() -> None:
    # answered in a recorded version by evidence that would have counted there
    answered = _doc("answered", ["E-review"])
    ctx = context(_restored(), previous=case(_withdrawn()))
    ctx.recorded = [RecordedVersion.of_case(case(_doc("open")), "version 1.0 (#1)"),
                    RecordedVersion.of_case(case(answered), "version 1.1 (#2)"),
                    RecordedVersion.of_case(case(_withdrawn()), "version 1.2 (#3)")]
    assert [h.message for h in hits("CG806", ctx)] == []
    # raised again here: CG801 and CG803 judge it (open here: CG801 blocks)
    again = _doc("open")
    assert _cg806(again, _doc("open"), _withdrawn()) == []
    assert [h.message for h in hits("CG801", context(again))]
    # raised again in other words that are nearly its own
    again["argument"]["elements"]["D3"]["defeater"] = D3.replace("far above", "well above")
    assert _cg806(again, _doc("open"), _withdrawn()) == []


def test_a_claim_nothing_depends_on_or_another_claim_is_not_followed() -> None:
    other = _restored("Cyber uplift to novices is negligible.")
    assert _cg806(other, _doc("open"), _withdrawn()) == []
    # the restored claim left out of the argument's tree: CG905 reports it, not this
    loose = _restored()
    loose["argument"]["elements"]["S1"]["supported_by"] = ["G3"]
    assert _cg806(loose, _doc("open"), _withdrawn()) == []


def test_a_defeater_the_version_compared_with_lists_is_reported_once() -> None:
    """D3 open in the version compared with too, and deleted now: CG806's comparison with that
    version reports it; the recorded versions add nothing."""
    msgs = _cg806(_restored(), _doc("open"), _doc("open"))
    assert len(msgs) == 1 and msgs[0].startswith("counter-evidence `D3` against `G2` was open in the previous version")


def test_an_answer_new_there_counts() -> None:
    """Version 1.0 answered D3 with a review new there; the claim withdrawn and made again later
    without D3 brings nothing back."""
    answered = _doc("answered", ["E-review"])
    answered["evidence"]["E-review"] = {**REVIEW, "date": dt.date(2026, 10, 20)}
    assert _cg806(_restored(), answered, _withdrawn()) == []
