"""CG211 boundary-scope-widened: the boundary's scope widened since the version compared with
while a safeguard on who reaches the model (or how much) rests only on tests made before it."""

from __future__ import annotations

from typing import Any

import pytest

from casegate.checks.families.threat import wider

from ._cases import base_doc, case, context, hits

SCOPE = {"users": "verified developers", "access": "self-serve", "rate_limit": "100/min per key",
         "vetting": "identity verification and a use-case review", "regions": ["US", "EU"], "max_users": 1000}


def _doc(**scope: Any) -> dict[str, Any]:
    """The base case (SG-kyc, user-vetting, tested by E-kyc-test of 2026-10-15) with its scope
    edited: a key set to None is dropped."""
    doc = base_doc()
    doc["boundary"]["scope"] = {k: v for k, v in {**SCOPE, **scope}.items() if v is not None}
    return doc


def _prev(**scope: Any) -> Any:
    doc = _doc(**scope)
    doc["date"] = "2026-11-01"
    return case(doc)


def _cg211(doc: dict[str, Any], **prev_scope: Any) -> list[str]:
    return [h.message for h in hits("CG211", context(doc, previous=_prev(**prev_scope)))]


def test_an_unchanged_scope_does_not_fire() -> None:
    assert _cg211(_doc()) == []


def test_a_first_version_has_nothing_to_compare_with() -> None:
    assert hits("CG211", context(_doc(vetting="none"))) == []


@pytest.mark.parametrize(("field", "was", "now"), [
    ("access", "self-serve", "vetted-organisations"),
    ("max_users", 1000, 100),
    ("max_users", None, 1000),  # a cap where there was none
    ("regions", ["US", "EU"], ["US"]),
    ("regions", [], ["US"]),  # a region limit where there was none
])
def test_a_ranked_narrowing_does_not_fire(field: str, was: object, now: object) -> None:
    assert _cg211(_doc(**{field: now}), **{field: was}) == []


def test_weights_narrowed_do_not_fire() -> None:
    assert _cg211(_doc(weights="none"), weights="fine-tuning") == []


def test_spacing_and_capitals_are_not_a_change() -> None:
    assert _cg211(_doc(users="Verified  Developers")) == []


def test_vetting_and_rate_limit_reworded_name_field_values_and_safeguard() -> None:
    msgs = sorted(_cg211(_doc(vetting="none", rate_limit="unlimited")))
    assert msgs == [
        "`boundary.scope.rate_limit` widened since the previous version (100/min per key -> unlimited), and "
        "`SG-kyc` (user-vetting) rests only on tests dated no later than that version (2026-11-01): its credit "
        "was earned under the old scope",
        "`boundary.scope.vetting` widened since the previous version (identity verification and a use-case "
        "review -> none), and `SG-kyc` (user-vetting) rests only on tests dated no later than that version "
        "(2026-11-01): its credit was earned under the old scope",
    ]


def test_words_the_gate_cannot_rank_count_as_wider() -> None:
    """Users in other words, or a rate limit the gate cannot read as numbers: fail closed."""
    assert [m.split("`")[1] for m in _cg211(_doc(users="developers"))] == ["boundary.scope.users"]
    assert [m.split("`")[1] for m in _cg211(_doc(rate_limit="50 a min for each key, roughly"))] == [
        "boundary.scope.rate_limit"]
    assert [m.split("`")[1] for m in _cg211(_doc(rate_limit="100/min per key"), rate_limit="fair use")] == [
        "boundary.scope.rate_limit"]


@pytest.mark.parametrize("now", ["50/min per key", "100 requests per minute per API key", "1/s per key",
                                 "100/hour per key", "100/min per key, 1M tokens/day per organisation",
                                 "100/min globally"])
def test_a_rate_limit_read_as_numbers_no_looser_does_not_fire(now: str) -> None:
    """The same or a tighter rate in other units or words is not a widening (before, any change of
    the words counted)."""
    assert _cg211(_doc(rate_limit=now)) == []


@pytest.mark.parametrize(("was", "now"), [
    ("100/min per key", "2/s per key"),  # 120/min
    ("100/min per key", "6000/hour per key"),  # 100/min on average, but all 6000 may come in a minute
    ("100/min per key", "10000/day per key, 5M tokens/day per organisation"),  # 6.9/min, but per day
    ("100/min per key", "100/min per organisation"),  # another party: not comparable
    ("100/min per key, 1M tokens/day per organisation", "100/min per key"),  # the token limit dropped
    ("100/min per key", None),  # no limit stated
])
def test_a_rate_limit_read_as_numbers_that_allows_more_fires(was: str, now: str | None) -> None:
    msgs = _cg211(_doc(rate_limit=now), rate_limit=was)
    assert [m.split("`")[1] for m in msgs] == ["boundary.scope.rate_limit"], msgs


def test_a_rate_limit_where_there_was_none_narrows() -> None:
    assert _cg211(_doc(rate_limit="100/min per key"), rate_limit=None) == []
    assert wider("scope.rate_limit", "unlimited", "600/min") is False
    assert wider("scope.rate_limit", "600/min", "unlimited") is True


@pytest.mark.parametrize(("field", "was", "now", "shown"), [
    ("regions", ["US", "EU"], ["US", "EU", "worldwide"], "[US, EU] -> [US, EU, worldwide]"),
    ("regions", ["US", "EU"], [], "[US, EU] -> []"),  # no region limit
    ("max_users", 1000, 1000000, "1000 -> 1000000"),
    ("max_users", 1000, None, "1000 -> none"),  # the cap removed
    ("access", "vetted-organisations", "self-serve", "vetted-organisations -> self-serve"),
    ("vetting", "identity verification", None, "identity verification -> none"),  # vetting no longer stated
])
def test_a_widened_field_fires(field: str, was: object, now: object, shown: str) -> None:
    msgs = _cg211(_doc(**{field: now}), **{field: was})
    assert len(msgs) == 1 and f"`boundary.scope.{field}` widened" in msgs[0] and f"({shown})" in msgs[0], msgs


def _retested(doc: dict[str, Any], date: str, *, names: bool = True) -> dict[str, Any]:
    doc["evidence"]["E-kyc-2"] = {"kind": "safeguard-test", "producer": "trust-and-safety", "date": date,
                                  "result": {"bypasses": 0, "attempts": 1000}, **({"tests": ["SG-kyc"]} if names else {})}
    doc["safeguards"]["SG-kyc"]["evidence"] = ["E-kyc-test", "E-kyc-2"]
    return doc


def test_a_test_of_the_safeguard_after_the_compared_version_answers_it() -> None:
    assert _cg211(_retested(_doc(vetting="none"), "2026-11-10")) == []


def test_a_test_dated_no_later_than_the_compared_version_does_not() -> None:
    assert len(_cg211(_retested(_doc(vetting="none"), "2026-11-01"))) == 1


def test_a_new_test_that_does_not_name_the_safeguard_does_not() -> None:
    assert len(_cg211(_retested(_doc(vetting="none"), "2026-11-10", names=False))) == 1


def test_no_safeguard_on_who_reaches_the_model_no_finding() -> None:
    """Classifiers and monitoring do not act on who reaches the model: a widened scope with none of
    the access layers is not CG211's (CG210 holds scoping-outs on the scope to it)."""
    doc = _doc(vetting="none")
    doc["safeguards"]["SG-kyc"]["layer"] = "classifier"
    assert _cg211(doc) == []


def test_a_security_control_is_not_the_deployments_access() -> None:
    doc = _doc(vetting="none")
    doc["safeguards"]["SG-kyc"] = {**doc["safeguards"]["SG-kyc"], "layer": "access-control", "security": True}
    assert _cg211(doc) == []


@pytest.mark.parametrize("layer", ["access-control", "rate-limit", "staged-rollout"])
def test_each_access_layer_counts(layer: str) -> None:
    doc = _doc(rate_limit="unlimited")
    doc["safeguards"]["SG-kyc"]["layer"] = layer
    assert [m.split("`")[3] for m in _cg211(doc)] == ["SG-kyc"]


def test_the_compared_version_states_no_date() -> None:
    """With no date to be after, a test counts when the compared version did not cite it."""
    prev = _prev(vetting="identity verification").model_copy(update={"date": None})
    doc = _doc(vetting="none")
    msgs = [h.message for h in hits("CG211", context(doc, previous=prev))]
    assert msgs and "rests only on tests that version already cited" in msgs[0], msgs
    assert hits("CG211", context(_retested(doc, "2026-10-20"), previous=prev)) == []


def test_wider_reads_a_dropped_region_list_and_cap_as_wider() -> None:
    """The comparison CG210 and CG211 share."""
    assert wider("scope.regions", ["US"], []) and not wider("tools", ["code-execution"], [])
    assert not wider("scope.regions", [], ["US"]) and wider("tools", [], ["code-execution"])
    assert wider("scope.max_users", 10, None) and not wider("scope.max_users", None, 10)
    assert not wider("scope.users", "verified developers", "Verified developers ")
