"""CG4xx: safeguards on every severe step, layered for the evaluated boundary, tested, independent
where they are security controls; residual risk propagated, within tolerance and owned."""

from __future__ import annotations

from casegate.model import ArgumentPolicy, BoundaryKind, Policy, RuleSeverity

from ._cases import base_doc, context, hits, policy, severity

CODES = ("CG401", "CG402", "CG403", "CG404", "CG405", "CG406", "CG407",
         "CG410", "CG411", "CG412", "CG413")


def test_base_case_has_no_safeguard_findings() -> None:
    ctx = context(base_doc())
    assert {code: hits(code, ctx) for code in CODES} == {code: [] for code in CODES}


def _between() -> dict:  # type: ignore[type-arg]
    doc = base_doc()
    doc["evidence"]["E-ctf"]["result"] = {"successes": 50, "trials": 400}  # cyber-high between
    return doc


def test_alert_level_requirements_apply_at_api_not_at_trusted_access() -> None:
    doc = _between()
    assert hits("CG402", context(doc)) != [] and hits("CG403", context(doc)) != []
    narrow = context(doc, boundary=BoundaryKind.trusted_access)
    assert hits("CG402", narrow) == [] and hits("CG403", narrow) == []


def test_no_boundary_assumes_the_widest() -> None:
    assert hits("CG402", context(_between(), boundary=None)) != []


def test_two_safeguards_of_one_layer_are_one_layer() -> None:
    doc = base_doc()
    doc["safeguards"]["SG-kyc"]["layer"] = "classifier"
    (h,) = hits("CG402", context(doc))
    assert "1 distinct safeguard layer(s) (classifier)" in h.message


def test_low_severity_pathways_need_not_be_blocked() -> None:
    doc = base_doc()
    doc["threat_model"]["cyber"]["pathways"]["spam"] = {"severity": "moderate", "steps": ["send"], "attempts_per_year": 5}
    assert hits("CG401", context(doc)) == [] and hits("CG413", context(doc)) == []


def test_untested_safeguard_on_a_non_severe_pathway_is_a_condition() -> None:
    doc = base_doc()
    doc["threat_model"]["cyber"]["pathways"]["spam"] = {"severity": "moderate", "steps": ["send"], "attempts_per_year": 5}
    doc["safeguards"]["SG-filter"] = {"layer": "classifier", "blocks": ["spam.send"]}
    (h,) = hits("CG405", context(doc))
    assert severity("CG405", h) is RuleSeverity.condition


def test_passed_security_audit_counts_as_a_test_for_security_controls_only() -> None:
    doc = base_doc()
    doc["evidence"]["E-audit"] = {"kind": "security-audit", "producer": "auditor", "independent": True,
                                  "date": "2026-10-01", "result": {"passed": True}}
    doc["safeguards"]["SG-kyc"]["evidence"] = ["E-audit"]
    assert [h.path for h in hits("CG405", context(doc))] == [("safeguards", "SG-kyc")]
    doc["safeguards"]["SG-kyc"]["security"] = True
    assert hits("CG405", context(doc)) == []
    assert hits("CG407", context(doc)) == []


def test_independent_attestation_is_still_self_attestation() -> None:
    doc = base_doc()
    doc["evidence"]["E-att"] = {"kind": "attestation", "producer": "vendor", "independent": True, "date": "2026-10-01"}
    doc["safeguards"]["SG-kyc"].update(security=True, evidence=["E-att", "E-kyc-test"])
    (h,) = hits("CG407", context(doc))
    assert "trust-and-safety, vendor" in h.message


def test_bypass_bound_uses_the_policy_confidence() -> None:
    doc = base_doc()
    doc["evidence"]["E-redteam"]["result"] = {"bypasses": 1, "attempts": 60}  # 95% upper 0.077
    (h,) = hits("CG406", context(doc))
    assert "0.077" in h.message


def _controls_only() -> Policy:
    """The fixture policy, not accepting inability arguments: every pathway is argued by controls."""
    return policy().model_copy(update={"arguments": ArgumentPolicy(inability=False)})


def test_residual_risk_message_shows_the_arithmetic() -> None:
    doc = base_doc()
    doc["threat_model"]["cyber"]["pathways"]["ransomware"]["attempts_per_year"] = 100000
    (h,) = hits("CG410", context(doc, pol=_controls_only()))
    assert h.path == ("residual_risk", "ransomware")
    assert "100000/year x 0.00368 (SG-kyc: 0/1000) x 0.00368 (SG-classifier: 0/1000)" in h.message


def test_a_second_safeguard_of_a_layer_adds_no_factor() -> None:
    """Reason: the bound was over tolerance, and the lab added a second classifier on the same
    pathway with a test of its own: two classifiers are one layer, and their bypasses are not
    independent (one jailbreak gets past both), so the layer counts its lowest bound alone. Before,
    the second classifier's factor multiplied the bound under the tolerance."""
    doc = base_doc()
    doc["threat_model"]["cyber"]["pathways"]["ransomware"]["attempts_per_year"] = 1000
    pol = _controls_only()
    assert [h.path for h in hits("CG410", context(doc, pol=pol))] == [("residual_risk", "ransomware")]
    doc["evidence"]["E-redteam-2"] = {**doc["evidence"]["E-redteam"], "result": {"bypasses": 0, "attempts": 3000}}
    doc["safeguards"]["SG-output-classifier"] = {"layer": "classifier", "blocks": ["ransomware.exploit"],
                                                 "evidence": ["E-redteam-2"]}
    (h,) = hits("CG410", context(doc, pol=pol))
    assert "1000/year x 0.00409 (SG-kyc: 0/1000) x 0.00136 (SG-output-classifier: 0/3000); joint 95%" in h.message and "SG-classifier:" not in h.message
    # a safeguard of another layer is another barrier, and its factor counts
    doc["safeguards"]["SG-output-classifier"]["layer"] = "monitoring"
    assert hits("CG410", context(doc, pol=pol)) == []


def test_the_policy_floor_raises_an_attempt_rate_the_lab_set_low() -> None:
    """Reason: the lab put its ransomware pathway at 3 attempts a year across a public API, which
    kept the bound under tolerance; the framework assumes at least 100000 for cyber at api."""
    doc = base_doc()
    doc["threat_model"]["cyber"]["pathways"]["ransomware"]["attempts_per_year"] = 3
    pol = _controls_only()
    assert hits("CG410", context(doc, pol=pol)) == []
    floored = pol.model_copy(update={"tolerance": pol.tolerance.model_copy(update={
        "min_attempts_per_year": {BoundaryKind.api: {"cyber": 100000, "*": 1}}})})
    (h,) = hits("CG410", context(doc, pol=floored))
    assert "100000/year (the policy's floor; the case says 3) x 0.00368" in h.message
    # the floor is per boundary kind: at a narrower boundary the framework sets none for, the rate
    # (the case's across its own boundary) is held to the floor of the case's own
    (h,) = hits("CG410", context(doc, pol=floored, boundary=BoundaryKind.trusted_access))
    assert "100000/year (the policy's floor; the case says 3)" in h.message
    # with a floor of its own there, the narrower boundary is held to that one
    narrower = floored.model_copy(update={"tolerance": floored.tolerance.model_copy(update={
        "min_attempts_per_year": {BoundaryKind.api: {"cyber": 100000}, BoundaryKind.trusted_access: {"*": 1}}})})
    assert hits("CG410", context(doc, pol=narrower, boundary=BoundaryKind.trusted_access)) == []
    # a domain the floor does not name takes `*`; a rate above the floor is the case's own
    other = pol.model_copy(update={"tolerance": pol.tolerance.model_copy(update={
        "min_attempts_per_year": {BoundaryKind.api: {"bio": 100000, "*": 2}}})})
    assert hits("CG410", context(doc, pol=other)) == []


def test_pathway_without_tolerance_needs_no_attempt_rate() -> None:
    doc = base_doc()
    doc["threat_model"]["cyber"]["pathways"]["spam"] = {"severity": "moderate", "steps": ["send"]}
    assert hits("CG411", context(doc)) == []


def test_each_missing_ownership_field_is_a_finding() -> None:
    doc = base_doc()
    doc["residual_risk"]["ransomware"] = {"estimate": "risk remains, acknowledged", "owner": " "}
    fields = [h.message.rsplit("`", 2)[-2] for h in hits("CG412", context(doc))]
    assert fields == ["owner", "detection", "stop_authority", "accepted_by", "rationale"]


def test_weight_security_needed_only_when_the_level_is_reached_or_unmeasured_and_addressed() -> None:
    doc = base_doc()
    assert hits("CG408", context(doc)) == []  # bio-high unmeasured, but cbrn scoped out
    doc["threat_model"]["cbrn"] = {"pathways": {"bio": {"severity": "catastrophic", "steps": ["ask"], "attempts_per_year": 1}}}
    (h,) = hits("CG408", context(doc))
    assert h.path == ("threat_model", "cbrn") and "SL3" in h.message


def _open_step(doc: dict) -> dict:  # type: ignore[type-arg]
    doc["safeguards"]["SG-classifier"]["blocks"] = []
    return doc


def test_inability_shown_lifts_the_every_step_rule() -> None:
    # cyber measured at 2/400 (upper bound 0.016, below the 0.15 alert level): argued by inability
    doc = _open_step(base_doc())
    assert hits("CG401", context(doc)) == []
    (h,) = hits("CG401", context(doc, pol=_controls_only()))
    assert "inability is not shown: the policy does not accept inability arguments" in h.message


def test_inability_not_shown_between_alert_and_threshold() -> None:
    doc = _open_step(base_doc())
    doc["evidence"]["E-ctf"]["result"] = {"successes": 60, "trials": 400}  # upper bound above 0.15
    (h,) = hits("CG401", context(doc))
    assert "`cyber-high`" in h.message and "alert level" in h.message


def test_inability_at_weights_access_needs_fine_tuning_attacks() -> None:
    doc = _open_step(base_doc())
    doc["boundary"] = {"kind": "open-weights", "scope": {"users": "anyone", "access": "public", "weights": "download"}}
    # the open step, and the steps only the API's identity check and classifier block (CG422)
    hs = hits("CG401", context(doc))
    assert hs and all("`fine-tuned` variant" in h.message for h in hs)
    doc["evidence"]["E-ctf"]["elicitation"]["variant"] = "fine-tuned"
    assert hits("CG401", context(doc)) == []


def test_a_security_test_cited_by_another_safeguard_is_reported_against_the_citer_only() -> None:
    # E-egress tests SG-egress (a security control); SG-kyc cites it too: only SG-kyc is wrong
    doc = base_doc()
    doc["evidence"]["E-egress"] = {"kind": "safeguard-test", "producer": "security", "date": "2026-11-20",
                                   "tests": ["SG-egress"], "result": {"bypasses": 0, "attempts": 500}}
    doc["safeguards"]["SG-egress"] = {"layer": "access-control", "security": True, "blocks": ["ransomware.access"],
                                      "evidence": ["E-egress"]}
    doc["safeguards"]["SG-kyc"]["evidence"] = ["E-kyc-test", "E-egress"]
    (h,) = hits("CG416", context(doc))
    assert h.path == ("safeguards", "SG-kyc", "evidence", 1)
    assert "safeguard `SG-kyc` (user-vetting) cites `E-egress`, a test of `SG-egress` (access-control)" in h.message


def test_off_subject_evidence_hung_on_a_strategy_under_a_claim_is_refused() -> None:
    """The lab supports its cyber claim G3 only through a strategy that cites the AI R&D suite:
    the strategy stands under a cyber claim, so its evidence is held to that subject as a claim's is."""
    doc = base_doc()
    els = doc["argument"]["elements"]
    els["S3"] = {"strategy": "Argue from what the model could do unaided.", "evidence": ["E-rnd"]}
    els["G3"]["evidence"] = []
    els["G3"]["supported_by"] = ["S3"]
    (h,) = hits("CG416", context(doc))
    assert h.path == ("argument", "elements", "S3", "evidence", 0)
    assert h.message == "strategy `S3` is about domain `cyber` but cites `E-rnd`, which is about `ai-rnd`"
    assert severity("CG416", h) is RuleSeverity.blocking


def test_a_claim_that_names_no_domain_is_about_its_pathways_or_thresholds() -> None:
    """The lab leaves the domain tag off a claim about the ransomware pathway (CG203 asks for it)
    and cites an audit about another domain: the pathway says what the claim is about."""
    doc = base_doc()
    doc["evidence"]["E-bio-audit"] = {"kind": "expert-review", "producer": "security", "date": "2026-11-20", "domain": "cbrn"}
    els = doc["argument"]["elements"]
    els["G4"] = {"claim": "Nobody completes the ransomware pathway through this API.", "pathway": "ransomware",
                 "evidence": ["E-bio-audit"]}
    els["S1"]["supported_by"].append("G4")
    (h,) = hits("CG416", context(doc))
    assert h.path == ("argument", "elements", "G4", "evidence", 0)
    assert h.message == "claim `G4` is about domain `cyber` but cites `E-bio-audit`, which is about `cbrn`"
    # the same through the threshold a capability tag names
    del els["G4"]["pathway"]
    els["G4"]["capability"] = {"threshold": "cyber-high", "position": "above"}
    (h,) = hits("CG416", context(doc))
    assert h.message == "claim `G4` is about domain `cyber` but cites `E-bio-audit`, which is about `cbrn`"


def test_a_security_claim_resting_on_a_probe_that_names_no_domain_is_off_subject() -> None:
    """Attack: the lab backs a weight-security claim with a sandbagging probe that names no domain,
    so no subject can be read for it and nothing compared it. A probe measures the model's
    capability; it says nothing about a domain with no capability threshold. Under a claim of a
    domain with thresholds (capability, tagged or not) it stays; CG808 judges whether such a claim
    argues the safeguards."""
    doc = base_doc()
    doc["evidence"]["E-probe"] = {"kind": "sandbagging-probe", "producer": "evals", "date": "2026-10-20",
                                  "result": {"passed": True}}
    doc["argument"]["elements"]["S1"]["supported_by"].append("G6")
    doc["argument"]["elements"]["G6"] = {"claim": "The weights are protected.", "domain": "exfiltration",
                                         "evidence": ["E-probe"]}
    (h,) = hits("CG416", context(doc))
    assert h.path == ("argument", "elements", "G6", "evidence", 0)
    assert h.message == ("claim `G6` is about domain `exfiltration`, for which the policy sets no capability "
                         "threshold, but cites `E-probe`, a `sandbagging-probe` that measures the model's capability "
                         "and names no domain")
    doc["argument"]["elements"]["G3"]["evidence"] = ["E-probe"]
    assert [g.path for g in hits("CG416", context(doc))] == [h.path]
