"""Mechanisms that must be able to work (CG715-CG717), boundary kinds that follow from described
properties (CG105), and hollow text (the shared detector behind CG205, CG414, CG508, CG713, CG714)."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from casegate.checks._text import hollow_reason
from casegate.model import BoundaryKind, KindProperties

from ._cases import base_doc, context, hits, policy


def _pd(doc: dict) -> dict:  # type: ignore[type-arg]
    doc["post_deployment"] = {
        "monitors": {"M1": {"signal": "classifier-flag-rate", "threshold": 0.005, "window": "24h"}},
        "triggers": {"T1": {"on": "monitor", "monitor": "M1", "action": "reopen"}},
        "reevaluate_by": "2027-04-01",
    }
    return doc


def test_working_monitor_passes() -> None:
    assert hits("CG715", context(_pd(base_doc()))) == []


@pytest.mark.parametrize("threshold", [float("nan"), float("inf"), -float("inf")])
def test_non_finite_threshold_can_never_fire(threshold: float) -> None:
    # a monitor threshold of NaN or infinity never fires: the case format refuses it outright
    # (every number in a case must be finite), and CG715 is the rule's record of why
    doc = _pd(base_doc())
    doc["post_deployment"]["monitors"]["M1"]["threshold"] = threshold
    with pytest.raises(ValidationError, match="finite number"):
        context(doc)


@pytest.mark.parametrize(("op", "threshold", "fires"), [(">", 1.0, False), (">=", 1.0, True), ("<", 0.0, False),
                                                        ("<=", 0.0, True), (">", 1.5, False), (">", 0.99, True)])
def test_threshold_inside_the_rate_range(op: str, threshold: float, fires: bool) -> None:
    doc = _pd(base_doc())
    doc["post_deployment"]["monitors"]["M1"].update(op=op, threshold=threshold)
    assert (hits("CG715", context(doc)) == []) is fires


def test_declared_range_replaces_the_default() -> None:
    doc = _pd(base_doc())
    doc["post_deployment"]["monitors"]["M1"].update(signal="abuse-reports", threshold=50, range=(0, 10))
    (h,) = hits("CG715", context(doc))
    assert "[0, 10]" in h.message
    doc["post_deployment"]["monitors"]["M1"]["range"] = None
    assert hits("CG715", context(doc)) == []  # a count with no declared range is unbounded


def test_window_must_be_shorter_than_the_reevaluation_interval() -> None:
    doc = _pd(base_doc())
    doc["post_deployment"]["monitors"]["M1"]["window"] = "30w"
    (h,) = hits("CG715", context(doc))
    assert "not shorter than the 125 day(s)" in h.message


@pytest.mark.parametrize(("max_silence", "message"), [
    ("a while", "has max_silence `a while`, not a duration"),
    ("30w", "may stay silent for 30w, not shorter than the 125 day(s)"),
    ("26h", None),
])
def test_max_silence_must_be_a_duration_shorter_than_the_reevaluation_interval(
        max_silence: str, message: str | None) -> None:
    """A monitor allowed to stay silent past the re-evaluation date (or for a duration that
    cannot be read) never reopens the case for going quiet."""
    doc = _pd(base_doc())
    doc["post_deployment"]["monitors"]["M1"]["max_silence"] = max_silence
    found = hits("CG715", context(doc))
    if message is None:
        assert found == []
    else:
        (h,) = found
        assert message in h.message


def test_reevaluation_within_the_policy_maximum() -> None:
    doc = _pd(base_doc())
    doc["post_deployment"]["reevaluate_by"] = "2027-11-27"
    assert hits("CG716", context(doc)) == []
    doc["post_deployment"]["reevaluate_by"] = "2027-11-28"
    (h,) = hits("CG716", context(doc))
    assert "366 days" in h.message and "at most 365" in h.message


def test_kind_follows_the_policy_table() -> None:
    doc = base_doc()
    doc["boundary"]["kind"] = "trusted-access"
    (h,) = hits("CG105", context(doc))
    assert "self-serve" in h.message and "built-in table" in h.message
    table = {BoundaryKind.trusted_access: KindProperties(access=["self-serve"])}
    pol = policy().model_copy(update={"boundary_kinds": table})
    assert hits("CG105", context(doc, pol=pol)) == []


def test_undescribed_access_fails_closed() -> None:
    doc = base_doc()
    del doc["boundary"]["scope"]["access"]
    (h,) = hits("CG105", context(doc))
    assert "does not record who can reach the model" in h.message


def test_open_weights_needs_download_declared() -> None:
    doc = base_doc()
    doc["boundary"] = {"kind": "open-weights", "scope": {"users": "anyone", "access": "public"}}
    (h,) = hits("CG105", context(doc))
    assert "weights access `none`" in h.message


@pytest.mark.parametrize("text", ["Noted.", "TBD", "n/a", "To be determined.", "We will keep an eye on it."])
def test_boilerplate_is_hollow(text: str) -> None:
    assert hollow_reason(text, policy()) is not None


def test_look_alike_letters_do_not_make_boilerplate_substance() -> None:
    """The lab's move: boilerplate the policy lists, typed with Cyrillic letters and a zero-width
    space that read as Latin ones, so its words no longer matched the list and its fragments counted
    as content words. It is read as it looks: still boilerplate."""
    text = "Per the usual pr\u043ecess descr\u0456bed else\u200bwhere."
    pol = policy().model_copy(update={"text": policy().text.model_copy(update={
        "extra_hollow": ["Per the usual process described elsewhere."]})})
    assert "boilerplate" in (hollow_reason(text, pol) or "")
    assert "boilerplate" in (hollow_reason("N\u043eted.", policy()) or "")


def test_policy_extends_the_boilerplate() -> None:
    text = "Per the usual process described elsewhere."
    assert hollow_reason(text, policy()) is None
    pol = policy().model_copy(update={"text": policy().text.model_copy(update={"extra_hollow": [text]})})
    assert "boilerplate" in (hollow_reason(text, pol) or "")
    assert hollow_reason(text, policy()) is None  # the wider list stays with the policy that has it


def test_a_policys_boilerplate_is_normalised_once_for_every_text() -> None:
    from casegate.checks._text import _normal_boilerplate

    pol = policy().model_copy(update={"text": policy().text.model_copy(update={"extra_hollow": ["Seen, thanks."]})})
    _normal_boilerplate.cache_clear()
    for text in ("Noted.", "Seen thanks", "A reason with enough content words in it", "TBD", None):
        hollow_reason(text, pol)
    info = _normal_boilerplate.cache_info()
    assert (info.misses, info.hits) == (1, 3)
    assert "boilerplate" in (hollow_reason("seen, THANKS!", pol) or "")


def test_estimate_needs_a_number_with_vague_words() -> None:
    assert "negligible" in (hollow_reason("Negligible risk overall for every user group", policy(), estimate=True) or "")
    assert hollow_reason("Negligible: upper bound 1e-6 per year", policy(), estimate=True) is None


def test_restating_the_question_is_hollow() -> None:
    q = "The CTF suite under-samples web exploitation."
    assert "restates" in (hollow_reason("The CTF suite under-samples web exploitation", policy(), question=q) or "")


def test_today_is_the_decision_date() -> None:
    # the window check reads the interval from the context's decision date
    doc = _pd(base_doc())
    doc["post_deployment"]["monitors"]["M1"]["window"] = "2w"
    assert hits("CG715", context(doc, today=dt.date(2027, 3, 20))) != []


def test_scoped_out_with_inability_must_cite_the_evaluations() -> None:
    doc = base_doc()
    # inside the lab, where AI R&D capability is argued in this case rather than left to CG104
    doc["boundary"]["kind"] = "internal-deployment"
    doc["threat_model"]["ai-rnd"] = {"scoped_out": "Measured below the AI R&D-4 alert level on the agentic suite."}
    (h,) = [h for h in hits("CG206", context(doc)) if h.path[1] == "ai-rnd"]
    assert "without citing the evaluations that show inability for `ai-rnd-4` (E-rnd)" in h.message
    doc["threat_model"]["ai-rnd"]["evidence"] = ["E-rnd"]
    assert [h for h in hits("CG206", context(doc)) if h.path[1] == "ai-rnd"] == []
