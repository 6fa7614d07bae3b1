"""CG1xx: one boundary with its scope; internal-deployment blindness against the evaluated boundary."""

from __future__ import annotations

from casegate.model import BoundaryKind, RuleSeverity

from ._cases import base_doc, case, context, hits, severity


def test_base_case_has_no_boundary_findings() -> None:
    ctx = context(base_doc())
    assert all(hits(code, ctx) == [] for code in ("CG101", "CG102", "CG103", "CG104"))


def test_single_entry_under_boundaries_is_told_to_move() -> None:
    doc = base_doc()
    doc["boundaries"] = [doc.pop("boundary")]
    (h,) = hits("CG101", context(doc))
    assert h.path == ("boundaries",) and "under `boundary`" in h.message
    assert hits("CG102", context(doc)) == []


def test_several_boundaries_lists_their_kinds() -> None:
    doc = base_doc()
    doc["boundaries"] = [{"kind": "trusted-access"}, {"kind": "consumer"}]
    (h,) = hits("CG102", context(doc))
    assert "3 boundaries (api, trusted-access, consumer)" in h.message


def test_scope_without_users_blocks_and_missing_rate_limit_is_advisory() -> None:
    doc = base_doc()
    doc["boundary"]["scope"] = {"regions": ["EU"]}
    got = hits("CG103", context(doc))
    assert [severity("CG103", h) for h in got] == [RuleSeverity.blocking, RuleSeverity.advisory]
    doc["boundary"]["kind"] = "internal-research"
    assert [severity("CG103", h) for h in hits("CG103", context(doc))] == [RuleSeverity.blocking]


def _rnd_at_alert() -> dict:  # type: ignore[type-arg]
    doc = base_doc()
    doc["evidence"]["E-rnd"]["result"] = {"successes": 40, "trials": 120}
    return doc


def test_blindness_fires_when_alert_reached_and_nothing_internal() -> None:
    (h,) = hits("CG104", context(_rnd_at_alert()))
    assert h.path == ("evidence", "E-rnd", "result") and "ai-rnd-4" in h.message


def test_unmeasured_internal_relevant_threshold_cannot_be_ruled_out() -> None:
    doc = base_doc()
    del doc["evidence"]["E-rnd"]
    doc["threat_model"]["ai-rnd"].pop("evidence")
    (h,) = hits("CG104", context(doc))
    assert h.path == ("threat_model", "ai-rnd") and "cannot be ruled out" in h.message


def test_evaluating_a_narrower_internal_boundary_covers_it() -> None:
    assert hits("CG104", context(_rnd_at_alert(), boundary=BoundaryKind.internal_deployment)) == []


def test_a_related_internal_case_file_of_the_same_system_does_not_cover_it() -> None:
    """Reason: a file given on the command line is not a decision; only the registry shows one."""
    other = base_doc()
    other.update(id="fixture-internal", boundary={"kind": "internal-deployment", "scope": {"users": "staff"}})
    assert hits("CG104", context(_rnd_at_alert(), related=[case(other)])) != []


def test_a_lineage_case_id_or_a_related_case_file_alone_covers_nothing() -> None:
    doc = _rnd_at_alert()
    doc["system"]["lineage"] = [{"relation": "checkpoint-of", "name": "base", "case": "parent-case"}]
    (h,) = hits("CG104", context(doc))  # no registry: the link is the author's word, not verified
    assert "the lineage names case `parent-case`, but no registry was consulted" in h.message
    # a case file given with the decision is the author's word too, whatever its boundary says
    for kind in ("api", "internal-deployment"):
        other = base_doc()
        other.update(id="parent-case")
        other["boundary"] = {"kind": kind, "scope": {"users": "staff"}}
        assert hits("CG104", context(doc, related=[case(other)])) != []
