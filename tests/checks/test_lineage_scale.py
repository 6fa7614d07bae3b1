"""Lineage resolved against the registry (CG106, and CG104 counting only a case that stands) and
the scale of an internal deployment (CG107)."""

from __future__ import annotations

from typing import Any

from casegate._record import replace
from casegate.model import BoundaryKind, LinkedCase, RuleSeverity

from ._cases import base_doc, context, hits, severity

OWN = "sha256:" + "1" * 64
PARENT = "sha256:" + "2" * 64


def _rnd_at_alert_linked() -> dict[str, Any]:
    doc = base_doc()
    doc["evidence"]["E-rnd"]["result"] = {"successes": 40, "trials": 120}
    doc["system"]["digests"] = [OWN]
    doc["system"]["lineage"] = [{"relation": "checkpoint-of", "name": f"{doc['system']['name']} internal",
                                 "case": "internal-case"}]
    return doc


def _linked(**kw: Any) -> LinkedCase:
    base: dict[str, Any] = {"id": "internal-case", "state": "approved", "version": "version 1.0 (#1)",
                            "system": "Fixture 1.0", "digests": [OWN], "boundary": "internal-deployment",
                            "internal_scale": True}
    base.update(kw)
    return LinkedCase.model_validate(base)


def _ctx(doc: dict[str, Any], lineage: list[LinkedCase] | None, **kw: Any) -> Any:
    c = context(doc, **kw)
    return replace(c, lineage=lineage)


def test_a_standing_internal_case_in_the_registry_covers_internal_deployment() -> None:
    doc = _rnd_at_alert_linked()
    doc["system"]["name"] = "Fixture"
    assert hits("CG104", _ctx(doc, [_linked()])) == []
    assert hits("CG106", _ctx(doc, [_linked()])) == []


def test_an_unknown_lineage_case_covers_nothing_once_the_registry_is_consulted() -> None:
    doc = _rnd_at_alert_linked()
    # without a registry the link cannot be verified, so it covers nothing (fail closed)
    (h,) = hits("CG104", _ctx(doc, None))
    assert "no registry was consulted" in h.message
    (h,) = hits("CG104", _ctx(doc, [LinkedCase(id="internal-case")]))
    assert "is not in the registry" in h.message
    (a,) = hits("CG106", _ctx(doc, [LinkedCase(id="internal-case")]))
    assert a.path == ("system", "lineage", 0) and "not in the registry" in a.message


def test_withdrawn_superseded_and_external_cases_do_not_cover() -> None:
    doc = _rnd_at_alert_linked()
    doc["system"]["name"] = "Fixture"
    for state in ("withdrawn", "superseded", "draft", "under-review", "reopened"):
        (h,) = hits("CG104", _ctx(doc, [_linked(state=state)]))
        assert f"is {state}" in h.message
        assert f"is {state}" in hits("CG106", _ctx(doc, [_linked(state=state)]))[0].message
    (h,) = hits("CG104", _ctx(doc, [_linked(boundary="api")]))
    assert "external boundary `api`" in h.message
    (h,) = hits("CG104", _ctx(doc, [_linked(internal_scale=False)]))
    assert "does not record the scale" in h.message


def test_a_case_about_another_model_is_a_finding() -> None:
    doc = _rnd_at_alert_linked()
    doc["system"]["lineage"][0]["digest"] = PARENT
    other = _linked(system="Other 2.0", digests=["sha256:" + "3" * 64])
    (h,) = hits("CG106", _ctx(doc, [other]))
    assert "is about Other 2.0" in h.message and "sha256:222" in h.message
    assert hits("CG104", _ctx(doc, [other])) != []
    # the parent the lineage names, by digest, is the case's model
    assert hits("CG106", _ctx(doc, [_linked(system="Parent 0.9", digests=[PARENT])])) == []


def test_a_parents_internal_case_does_not_cover_this_models_internal_use() -> None:
    """The lab names any approved internal case of another model as the parent it was fine-tuned
    from: the link stands (CG106 checks the case is about the model the lineage names), but that
    decision never judged these weights, so it covers nothing for this model (CG104)."""
    doc = _rnd_at_alert_linked()
    doc["system"]["lineage"] = [{"relation": "fine-tuned-from", "name": "Atlas-1 1.0.0", "digest": PARENT,
                                 "case": "internal-case"}]
    parent = _linked(system="Atlas-1 1.0.0", digests=[PARENT])
    assert hits("CG106", _ctx(doc, [parent])) == []
    (h,) = hits("CG104", _ctx(doc, [parent]))
    assert ("case `internal-case` named in the lineage does not cover this model's internal use: it was decided "
            "for sha256:222222222222..., not this system's sha256:111111111111...") in h.message, h.message
    # a version of the internal case decided for these weights too covers them
    assert hits("CG104", _ctx(doc, [_linked(system="Atlas-1 1.0.0", digests=[PARENT, OWN])])) == []


def _internal(kind: str, scale: dict[str, Any] | None, at_alert: bool = True) -> dict[str, Any]:
    doc = base_doc()
    if at_alert:
        doc["evidence"]["E-rnd"]["result"] = {"successes": 40, "trials": 120}
    doc["boundary"] = {"kind": kind, "scope": {"users": "research staff", "access": "employees"}}
    if scale is not None:
        doc["boundary"]["internal"] = scale
    return doc


WIDE = {"instances": 2000, "training_code": "write", "weights": "read", "autonomy": "autonomous"}
NARROW = {"instances": 20, "training_code": "read", "weights": "none", "autonomy": "human-in-the-loop"}


def test_unrecorded_scale_blocks_where_internal_capability_is_at_alert() -> None:
    (h,) = hits("CG107", context(_internal("internal-deployment", None)))
    assert severity("CG107", h) is RuleSeverity.blocking and "cannot be weighed" in h.message
    (h,) = hits("CG107", context(_internal("internal-deployment", {"instances": 5})))
    assert "training_code, weights, autonomy" in h.message
    (h,) = hits("CG107", context(_internal("internal-deployment", None, at_alert=False)))
    assert severity("CG107", h) is RuleSeverity.advisory


def test_research_kind_at_deployment_scale_is_an_internal_deployment() -> None:
    got = hits("CG107", context(_internal("internal-research", {**NARROW, "instances": 500}, at_alert=False)))
    assert len(got) == 1 and "500 instances" in got[0].message and "is an internal deployment" in got[0].message
    assert hits("CG107", context(_internal("internal-research", NARROW))) == []


def test_a_wide_deployment_at_alert_needs_the_policys_layers() -> None:
    doc = _internal("internal-deployment", WIDE)
    (h,) = hits("CG107", context(doc))
    assert "no monitoring, access-control safeguard" in h.message
    doc["safeguards"]["SG-mon"] = {"layer": "monitoring", "blocks": [], "evidence": []}
    doc["safeguards"]["SG-acl"] = {"layer": "access-control", "blocks": [], "evidence": []}
    assert hits("CG107", context(doc)) == []
    # the same wide deployment below every alert level is not weighed against the layers
    assert hits("CG107", context(_internal("internal-deployment", WIDE, at_alert=False))) == []


def test_only_boundaries_inside_the_organisation_are_weighed() -> None:
    """A deployment outside the organisation is not weighed; one whose access is the organisation's
    own people is, whatever its kind (tests/gate/test_internal_labelled_trusted_access.py)."""
    doc = _internal("trusted-access", None)
    doc["boundary"]["scope"]["access"] = "named-partners"
    assert hits("CG107", context(doc, boundary=BoundaryKind.trusted_access)) == []
    doc["boundary"]["scope"]["access"] = "employees"
    (h,) = hits("CG107", context(doc, boundary=BoundaryKind.trusted_access))
    assert h.message.startswith("the `trusted-access` boundary (its access is `employees`: it runs inside the "
                                "organisation) does not record instances"), h.message


def test_training_is_held_to_internal_researchs_limits() -> None:
    """`training` is narrower than internal research: a deployment labelled training is weighed as
    one (unrecorded scale at alert blocks; a scale past internal research is an internal deployment)."""
    (h,) = hits("CG107", context(_internal("internal-deployment", None), boundary=BoundaryKind.training))
    assert severity("CG107", h) is RuleSeverity.blocking and "the `training` boundary does not record" in h.message
    got = hits("CG107", context(_internal("training", {**NARROW, "instances": 500}, at_alert=False)))
    assert [h.message for h in got] == ["a `training` boundary with 500 instances (the policy allows 100 for internal "
                                        "research) is an internal deployment"]
    assert hits("CG107", context(_internal("training", NARROW))) == []
