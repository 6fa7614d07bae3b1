"""CG807 undeveloped-risk-claim: the lab marks the claim about a risk `undeveloped: true` and drops
what it rested on, hoping the gap costs it only a line among the uncertainties."""

from __future__ import annotations

from typing import Any

from casegate.model import RuleSeverity

from ._cases import base_doc, context, hits, severity


def _undeveloped(doc: dict[str, Any], eid: str, **keep: Any) -> dict[str, Any]:
    el = doc["argument"]["elements"][eid]
    for k in ("capability", "evidence", "supported_by", "defeaters", "domain", "pathway"):
        el.pop(k, None)
    el.update(keep, undeveloped=True)
    return doc


def test_a_capability_claim_left_undeveloped_in_its_domain_blocks() -> None:
    doc = _undeveloped(base_doc(), "G2", domain="cyber")
    (h,) = hits("CG807", context(doc))
    assert h.path == ("argument", "elements", "G2", "undeveloped")
    assert h.message == ("claim `G2` is about `cyber` but is marked undeveloped: the decision would rest on an "
                         "argument about that risk that is not made")
    assert severity("CG807", h) is RuleSeverity.blocking


def test_a_pathway_threshold_or_domain_above_makes_it_about_a_risk() -> None:
    assert [h.message for h in hits("CG807", context(_undeveloped(base_doc(), "G3", pathway="ransomware")))]
    doc = _undeveloped(base_doc(), "G2", capability={"threshold": "cyber-high", "position": "below"})
    assert [h.message for h in hits("CG807", context(doc))]
    # no tag of its own, under a claim that names the domain
    doc = base_doc()
    els = doc["argument"]["elements"]
    els["G3"]["supported_by"] = ["G3a"]
    els["G3a"] = {"claim": "Monitoring catches the deploy step.", "undeveloped": True}
    (h,) = hits("CG807", context(doc))
    assert h.path == ("argument", "elements", "G3a", "undeveloped")


def test_a_gap_about_no_risk_or_outside_the_argument_is_only_told() -> None:
    doc = base_doc()
    els = doc["argument"]["elements"]
    els["S1"]["supported_by"].append("G9")
    els["G9"] = {"claim": "Operators can pause the deployment within an hour.", "undeveloped": True}
    assert hits("CG807", context(doc)) == []


def test_an_untagged_gap_where_the_developed_argument_leaves_safeguards_unargued_blocks() -> None:
    """The lab drops the safeguard claim's domain along with its evidence: CG807 cannot read what it
    is about, but no developed claim argues the safeguards (CG808), and the message names the
    undeveloped claim. The capability claim naming the same domain does not argue them."""
    doc = _undeveloped(base_doc(), "G3")
    assert hits("CG807", context(doc)) == []
    got = hits("CG808", context(doc))
    assert [h.path for h in got] == [("safeguards", "SG-kyc"), ("safeguards", "SG-classifier")]
    assert got[0].message == ("safeguard `SG-kyc` is argued by no developed claim the top claim depends on; `G3` is "
                              "marked undeveloped and names no risk: an argument not made is not one")
    assert severity("CG808", got[0]) is RuleSeverity.blocking


def test_a_claim_deleted_leaves_what_it_argued_unargued() -> None:
    """Deleting the safeguard claim rather than marking it undeveloped costs the same."""
    doc = base_doc()
    els = doc["argument"]["elements"]
    del els["G3"]
    els["S1"]["supported_by"] = ["G2"]
    assert [h.message for h in hits("CG808", context(doc))] == [
        "safeguard `SG-kyc` is argued by no developed claim the top claim depends on",
        "safeguard `SG-classifier` is argued by no developed claim the top claim depends on"]
    # the capability claim deleted instead: its threshold is argued by nothing
    doc = _undeveloped(base_doc(), "G2")
    assert [h.path for h in hits("CG808", context(doc))] == [("threat_model", "cyber")]
    assert "threshold `cyber-high` (of `cyber`)" in hits("CG808", context(doc))[0].message


def test_a_claim_resting_on_evaluations_alone_argues_no_safeguard() -> None:
    """A residual-risk claim naming the domain and citing only the capability run argues no
    safeguard; one citing the safeguards' tests does."""
    doc = _undeveloped(base_doc(), "G3")
    els = doc["argument"]["elements"]
    els["S1"]["supported_by"].append("G4")
    els["G4"] = {"claim": "Residual risk is owned.", "domain": "cyber", "evidence": ["E-ctf"]}
    assert [h.path for h in hits("CG808", context(doc))] == [("safeguards", "SG-kyc"), ("safeguards", "SG-classifier")]
    # one naming the domain and resting on one safeguard's test argues that safeguard, not the other
    els["G4"] = {"claim": "The classifier and vetting hold.", "domain": "cyber", "evidence": ["E-redteam"]}
    assert [h.path for h in hits("CG808", context(doc))] == [("safeguards", "SG-kyc")]
    els["G4"]["evidence"] = ["E-redteam", "E-kyc-test"]
    assert hits("CG808", context(doc)) == []


def test_a_security_audit_argues_the_domains_security_controls_together() -> None:
    """An audit covers a domain's security controls as one regime: a weights claim resting on it
    argues the egress control too; it does not argue a control that is not a security one."""
    doc = base_doc()
    doc["threat_model"]["exfiltration"] = {"actors": ["insider"], "pathways": {
        "weight-theft": {"severity": "severe", "steps": ["access", "exfiltrate"], "attempts_per_year": 2}}}
    doc["evidence"]["E-audit"] = {"kind": "security-audit", "producer": "auditors", "date": "2026-10-15",
                                  "result": {"passed": True}}
    doc["evidence"]["E-egress"] = {"kind": "safeguard-test", "producer": "security", "date": "2026-10-15",
                                   "result": {"bypasses": 0, "attempts": 50}}
    doc["safeguards"]["SG-weights"] = {"layer": "weight-security", "blocks": ["weight-theft.access"],
                                       "evidence": ["E-audit"], "security": True}
    doc["safeguards"]["SG-egress"] = {"layer": "access-control", "blocks": ["weight-theft.exfiltrate"],
                                      "evidence": ["E-egress"], "security": True}
    els = doc["argument"]["elements"]
    els["S1"]["supported_by"].append("G6")
    els["G6"] = {"claim": "The weights are protected.", "domain": "exfiltration", "evidence": ["E-audit"]}
    assert hits("CG808", context(doc)) == []
    doc["safeguards"]["SG-egress"]["security"] = False
    assert [h.path for h in hits("CG808", context(doc))] == [("safeguards", "SG-egress")]


def test_an_honest_gap_beside_an_argument_that_covers_everything_is_only_told() -> None:
    doc = base_doc()
    els = doc["argument"]["elements"]
    els["S1"]["supported_by"].append("G9")
    els["G9"] = {"claim": "Operators can pause the deployment within an hour.", "undeveloped": True}
    assert hits("CG808", context(doc)) == [] and hits("CG807", context(doc)) == []


def test_a_claim_resting_only_on_an_undeveloped_strategy_argues_nothing() -> None:
    """Attack: the safeguard claim keeps its domain but rests on an undeveloped strategy, not on
    evidence: CG807 names the strategy (it inherits the domain) and CG808 the safeguards."""
    doc = base_doc()
    els = doc["argument"]["elements"]
    els["G3"].pop("evidence")
    els["G3"]["supported_by"] = ["S3"]
    els["S3"] = {"strategy": "Argue over each layer.", "undeveloped": True}
    (h,) = hits("CG807", context(doc))
    assert h.message == ("strategy `S3` is about `cyber` but is marked undeveloped: the decision would rest on an "
                         "argument about that risk that is not made")
    assert [g.path for g in hits("CG808", context(doc))] == [("safeguards", "SG-kyc"), ("safeguards", "SG-classifier")]
