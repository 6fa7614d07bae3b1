"""CG2xx: domains addressed or scoped out, pathways, misuse claims naming their domain."""

from __future__ import annotations

from casegate.model import RuleSeverity

from ._cases import base_doc, context, hits, policy, severity


def test_base_case_has_no_threat_findings() -> None:
    ctx = context(base_doc())
    assert all(hits(code, ctx) == [] for code in ("CG201", "CG202", "CG203", "CG204"))


def test_optional_domain_may_be_omitted() -> None:
    doc = base_doc()
    del doc["threat_model"]["persuasion"]
    domains = dict(policy().domains)
    domains["persuasion"] = domains["persuasion"].model_copy(update={"required": False})
    pol = policy().model_copy(update={"domains": domains})
    assert hits("CG201", context(doc, pol=pol)) == []
    assert [h.message for h in hits("CG201", context(doc))] == [
        "policy domain `persuasion` (Persuasion and manipulation) is neither addressed nor scoped out"]


def test_claim_inherits_domain_from_the_claim_it_supports() -> None:
    doc = base_doc()
    els = doc["argument"]["elements"]
    els["G2"]["supported_by"] = ["G2a"]
    els["G2a"] = {"claim": "The CTF runs were valid.", "evidence": ["E-ctf"]}
    assert hits("CG203", context(doc)) == []
    del els["G2"]["domain"]
    assert {h.path[-1] for h in hits("CG203", context(doc))} == {"G2", "G2a"}


def test_claim_domain_must_match_threshold_and_pathway() -> None:
    doc = base_doc()
    els = doc["argument"]["elements"]
    els["G2"]["domain"] = "cbrn"
    els["G3"]["pathway"] = "ransomware"
    els["G3"]["domain"] = "exfiltration"
    got = hits("CG203", context(doc))
    assert [h.path[-1] for h in got] == ["threshold", "pathway"]


def test_claim_citing_only_safeguard_tests_needs_no_domain() -> None:
    doc = base_doc()
    del doc["argument"]["elements"]["G3"]["domain"]
    assert hits("CG203", context(doc)) == []


def test_scoped_out_domain_between_alert_and_threshold_is_a_condition() -> None:
    doc = base_doc()
    doc["evidence"]["E-rnd"]["result"] = {"successes": 40, "trials": 120}
    (h,) = hits("CG204", context(doc))
    assert severity("CG204", h) is RuleSeverity.condition
    doc["evidence"]["E-rnd"]["result"] = {"successes": 70, "trials": 120}
    (h,) = hits("CG204", context(doc))
    assert severity("CG204", h) is RuleSeverity.blocking
