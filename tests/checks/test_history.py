"""CG325 measurement-changed: a threshold's metric, reduction or task set changed since the version
compared with blocks, unless a change signed by the policy's owners was logged before the run."""

from __future__ import annotations

from typing import Any

from casegate.checks.measurement import measurement_changes
from casegate.model import Baseline, BoundaryKind, Policy, PolicyChange, RuleSeverity, Severity

from ._cases import base_doc, case, context, hits, policy, severity


def _with_eval(doc: dict[str, Any], **result: Any) -> dict[str, Any]:
    for ev in doc["evidence"].values():
        if ev.get("threshold") == "cyber-high":
            ev["result"] = {**ev["result"], **result}
    return doc


def _with_source(doc: dict[str, Any], **source: Any) -> dict[str, Any]:
    for ev in doc["evidence"].values():
        if ev.get("threshold") == "cyber-high":
            ev["source"] = {"tool": "inspect-ai", **source}
    return doc


def _policy(**threshold: Any) -> Policy:
    p = policy()
    th = p.thresholds["cyber-high"].model_copy(update=threshold)
    return p.model_copy(update={"thresholds": {**p.thresholds, "cyber-high": th}, "owners": ["rso"]})


def _change(**kw: Any) -> PolicyChange:
    base: dict[str, Any] = dict(policy=policy().id, threshold="cyber-high", fields=["metric"], rationale="r",
                                role="rso", person="Sam", signed_at="2026-09-01T00:00:00Z",
                                logged_at="2026-09-01T00:00:01Z", log_index=3)
    return PolicyChange(**{**base, **kw})


def test_nothing_changed_nothing_found() -> None:
    assert hits("CG325", context(base_doc(), previous=case(base_doc()), previous_policy=policy())) == []


def test_metric_renamed_in_the_policy_blocks_and_names_both() -> None:
    pol = _policy(metric="success-rate, first attempt, hints disabled")
    (h,) = hits("CG325", context(base_doc(), pol=pol, previous=case(base_doc()), previous_policy=_policy()))
    assert h.path == ("@policy", "thresholds", "cyber-high", "metric")
    assert "first attempt, hints disabled" in h.message and "success-rate on the" in h.message
    assert "no policy change signed by the policy's owners records it" in h.message
    assert severity("CG325", h) is RuleSeverity.blocking


def test_reduction_and_swapped_suite_under_the_same_task_name() -> None:
    prev = _with_source(_with_eval(base_doc(), reduction="at-least-one"), task="ctf", task_version="2")
    now = _with_source(_with_eval(base_doc(), reduction="majority"), task="ctf", task_version="2-lite")
    got = {h.message.split(":")[0]: h for h in hits("CG325", context(now, previous=case(prev), previous_policy=policy()))}
    assert set(got) == {"`cyber-high` reduction", "`cyber-high` task set"}
    assert "at-least-one -> majority" in got["`cyber-high` reduction"].message
    assert "ctf: version 2 -> ctf: version 2-lite" in got["`cyber-high` task set"].message
    assert got["`cyber-high` task set"].path[-2:] == ("source", "task")


def test_a_new_task_name_is_not_a_swap() -> None:
    prev = _with_source(base_doc(), task="ctf", task_version="2")
    now = _with_source(base_doc(), task="ctf-v3", task_version="1")
    assert hits("CG325", context(now, previous=case(prev), previous_policy=policy())) == []


def test_an_owner_change_logged_before_the_run_accepts_it() -> None:
    pol = _policy(metric="renamed")
    ctx = context(base_doc(), pol=pol, previous=case(base_doc()), previous_policy=_policy())
    ctx.policy_changes = [_change()]  # the evaluations ran on 2026-10-01
    assert hits("CG325", ctx) == []


def test_a_change_that_does_not_count_says_why() -> None:
    pol = _policy(metric="renamed")
    cases = {
        "logged at 2026-10-05T00:00:00Z, not before": _change(logged_at="2026-10-05T00:00:00Z"),
        "not an owner of the policy (owners: rso)": _change(role="product-lead"),
        "is not verified: bad signature": _change(problems=["bad signature"]),
        "is not in the registry's log": _change(log_index=None),
    }
    for want, pc in cases.items():
        ctx = context(base_doc(), pol=pol, previous=case(base_doc()), previous_policy=_policy())
        ctx.policy_changes = [pc]
        (h,) = hits("CG325", ctx)
        assert want in h.message, (want, h.message)
    # a change of another field, threshold or policy is not about this one
    for pc in (_change(fields=["reduction"]), _change(threshold="ai-rnd-4"), _change(policy="other")):
        ctx = context(base_doc(), pol=pol, previous=case(base_doc()), previous_policy=_policy())
        ctx.policy_changes = [pc]
        (h,) = hits("CG325", ctx)
        assert "no policy change signed" in h.message


def test_owners_come_from_the_policy_before_the_change() -> None:
    # a new policy cannot make its own signer an owner
    pol = _policy(metric="renamed").model_copy(update={"owners": ["product-lead"]})
    ctx = context(base_doc(), pol=pol, previous=case(base_doc()), previous_policy=_policy())
    ctx.policy_changes = [_change(role="product-lead")]
    (h,) = hits("CG325", ctx)
    assert "not an owner" in h.message


def test_message_names_the_baseline() -> None:
    pol = _policy(metric="renamed")
    ctx = context(base_doc(), pol=pol, previous=case(base_doc()), previous_policy=_policy())
    ctx.baseline = Baseline(role="approved", label="version 1.0 (#1), the last approved")
    (h,) = hits("CG325", ctx)
    assert "since version 1.0 (#1), the last approved" in h.message


def test_measurement_changes_compare_policy_fields_the_policy_may_add() -> None:
    # policy fields appear as attributes where the policy format has them; absent ones count as unset
    chs = measurement_changes(None, _policy(), case(base_doc()), _policy(metric="x"))
    assert [(c.threshold, c.field) for c in chs] == [("cyber-high", "metric")]


def _incident(**kw: Any) -> Any:
    from casegate.model import IncidentDefeat

    base: dict[str, Any] = dict(id="incident-7", date="2026-10-20", domain="cyber", severity="high",
                                version="version 0.9 (#1)", claims={"G2": "Cyber capability is below the Cyber High threshold."},
                                safeguards=["SG-kyc", "SG-classifier"], boundary_rank=4, tools=[])
    return IncidentDefeat.model_validate({**base, **kw})


def _cg708(doc: dict[str, Any]) -> list[Any]:
    ctx = context(doc)
    ctx.incidents = [_incident()]
    return hits("CG708", ctx)


def test_an_unanswered_incident_blocks() -> None:
    (h,) = _cg708(base_doc())
    assert "incident-7 (cyber, high, 2026-10-20) defeated G2 of version 0.9 (#1); this version does not answer it" \
        == h.message
    assert severity("CG708", h) is RuleSeverity.blocking


def _facts(*, derived: tuple[str, ...] = (), attested: dict[str, str] | None = None) -> Any:
    """Evidence facts in which the items `derived` were read from their artifacts and those of
    `attested` were attested by an outside evaluator at the time given."""
    from casegate.evidence import EvidenceFacts, Independence
    from casegate.evidence._derive import Derivation

    run: Any = object()  # only its presence matters to where the item's date comes from
    return EvidenceFacts(
        derivations={eid: Derivation(eid, run=run) for eid in derived},
        independence={eid: Independence(eid, True, True, ("Jonas Berg (Northbridge Security) ran it",), (), (at,))
                      for eid, at in (attested or {}).items()})


def _cg708_with(doc: dict[str, Any], facts: Any, **incident: Any) -> list[Any]:
    ctx = context(doc)
    ctx.incidents, ctx.facts = [_incident(**incident)], facts
    return hits("CG708", ctx)


def test_each_kind_of_answer_and_why_a_link_does_not_hold() -> None:
    later = base_doc()
    later["evidence"]["E-ctf"]["date"] = "2026-11-01"
    later["incident_answers"] = {"incident-7": {"evidence": ["E-ctf"]}}
    assert _cg708_with(later, _facts(derived=("E-ctf",))) == []
    assert _cg708_with(later, _facts(attested={"E-ctf": "2026-11-02T09:00:00Z"})) == []
    # a changed claim answers when it rests on something new since the incident: a narrower
    # boundary, or evidence under it that answers it
    changed = base_doc()
    changed["argument"]["elements"]["G2"]["claim"] = "Cyber capability is below the Cyber High threshold without tools."
    changed["boundary"]["kind"] = "trusted-access"
    changed["incident_answers"] = {"incident-7": {"claims": ["G2"]}}
    assert _cg708(changed) == []
    reran = base_doc()
    reran["argument"]["elements"]["G2"]["claim"] = "Cyber capability is below the Cyber High threshold, re-run."
    reran["evidence"]["E-ctf"]["date"] = "2026-11-01"
    reran["incident_answers"] = {"incident-7": {"claims": ["G2"]}}
    assert _cg708_with(reran, _facts(derived=("E-ctf",))) == []
    # words alone: the same grounds as the claim the incident defeated
    (h,) = _cg708_with(reran, _facts())
    assert "claim G2 is reworded, but rests on nothing new since the incident" in h.message
    sg = base_doc()
    sg["safeguards"]["SG-exploit"] = {"layer": "classifier", "blocks": ["ransomware.exploit"]}
    sg["incident_answers"] = {"incident-7": {"safeguards": ["SG-exploit"]}}
    assert _cg708(sg) == []
    narrower = base_doc()
    narrower["boundary"]["kind"] = "trusted-access"
    narrower["incident_answers"] = {"incident-7": {"boundary": True}}
    assert _cg708(narrower) == []
    stale = base_doc()
    stale["incident_answers"] = {"incident-7": {"evidence": ["E-ctf"], "claims": ["G2"], "safeguards": ["SG-kyc"],
                                                "boundary": True}}
    (h,) = _cg708(stale)
    for why in ("evidence E-ctf is dated 2026-10-01, not after the incident (2026-10-20)",
                "claim G2 is unchanged since version 0.9 (#1)", "safeguard SG-kyc was already in version 0.9 (#1)",
                "the boundary is not narrower than in version 0.9 (#1)"):
        assert why in h.message
    assert h.path == ("incident_answers", "incident-7")


def test_an_evidence_date_only_the_case_states_does_not_answer_an_incident() -> None:
    later = base_doc()
    later["evidence"]["E-ctf"]["date"] = "2026-11-01"
    later["incident_answers"] = {"incident-7": {"evidence": ["E-ctf"]}}
    for facts in (None, _facts()):
        (h,) = _cg708_with(later, facts)
        assert "evidence E-ctf is dated 2026-11-01 only by the case" in h.message
    # attested, but before the incident: the attestation says nothing about what came after it
    (h,) = _cg708_with(later, _facts(attested={"E-ctf": "2026-10-02T09:00:00Z"}))
    assert "its attestation was signed before the incident (2026-10-20)" in h.message


def test_a_claim_the_incident_did_not_defeat_or_a_cosmetic_edit_answers_nothing() -> None:
    other = base_doc()
    other["incident_answers"] = {"incident-7": {"claims": ["G1"]}}
    (h,) = _cg708(other)
    assert "claim G1 is not one the incident defeated (G2)" in h.message
    recased = base_doc()
    recased["argument"]["elements"]["G2"]["claim"] = "cyber  capability is BELOW the Cyber High threshold"
    recased["incident_answers"] = {"incident-7": {"claims": ["G2"]}}
    (h,) = _cg708(recased)
    assert "claim G2 is unchanged since version 0.9 (#1) (but for case, spacing or punctuation)" in h.message


def test_a_defeated_claim_withdrawn_and_made_again_under_another_id_answers_nothing() -> None:
    moved = base_doc()
    els = moved["argument"]["elements"]
    els["G2b"] = els.pop("G2")
    for el in els.values():
        el["supported_by"] = ["G2b" if x == "G2" else x for x in el.get("supported_by", [])]
    moved["incident_answers"] = {"incident-7": {"claims": ["G2"]}}
    (h,) = _cg708(moved)
    assert "claim G2 was withdrawn, but G2b makes it again in the same words" in h.message


def test_a_defeated_claim_withdrawn_and_made_again_in_other_words_answers_nothing() -> None:
    """Attack: the claim the incident defeated is withdrawn and made again under a new id in other
    words, where it stood, on the same run and with the same capability tag; the answer lists the
    claim as withdrawn. Read against the version the incident defeated, the new claim stands in its
    place and rests on nothing new."""
    moved = base_doc()
    els = moved["argument"]["elements"]
    els["G2b"] = els.pop("G2")
    els["G2b"]["claim"] = "The model's offensive-security skill stays under the line the framework draws for it."
    for el in els.values():
        el["supported_by"] = ["G2b" if x == "G2" else x for x in el.get("supported_by", [])]
    moved["incident_answers"] = {"incident-7": {"claims": ["G2"]}}
    defeated = base_doc()
    defeated["argument"]["elements"]["G2"]["claim"] = "Cyber capability is below the Cyber High threshold."
    ctx = context(moved, previous=case(defeated))
    ctx.incidents = [_incident()]
    (h,) = hits("CG708", ctx)
    assert h.message.endswith("claim G2 was withdrawn, but G2b stands in its place (under `S1`, where it stood), "
                              "resting on nothing new since the incident")
    # the same found through a version the registry holds, not the one compared with
    ctx = context(moved, previous=case(base_doc()), history=[case(defeated)])
    ctx.incidents = [_incident()]
    (h,) = hits("CG708", ctx)
    assert "G2b stands in its place" in h.message
    # resting on evidence new since the incident, it answers
    moved["evidence"]["E-ctf"]["date"] = "2026-11-01"
    ctx = context(moved, previous=case(defeated))
    ctx.incidents, ctx.facts = [_incident()], _facts(derived=("E-ctf",))
    assert hits("CG708", ctx) == []
    # withdrawn with nothing in its place: withdrawn
    gone = base_doc()
    gone["argument"]["elements"].pop("G2")
    for el in gone["argument"]["elements"].values():
        el["supported_by"] = [x for x in el.get("supported_by", []) if x != "G2"]
    gone["incident_answers"] = {"incident-7": {"claims": ["G2"]}}
    ctx = context(gone, previous=case(defeated))
    ctx.incidents = [_incident()]
    assert [h.message for h in hits("CG708", ctx) if "G2" in h.message] == []


def test_a_safeguard_renamed_is_not_a_safeguard_added() -> None:
    doc = base_doc()
    doc["safeguards"]["SG-kyc2"] = doc["safeguards"].pop("SG-kyc")
    doc["safeguards"]["SG-kyc2"]["title"] = "Identity checks, version two"
    doc["incident_answers"] = {"incident-7": {"safeguards": ["SG-kyc2"]}}
    old = case(base_doc())
    kept = [sg.substance(old.evidence) for sg in old.safeguards.values()]
    (h,) = _cg708_with(doc, None, safeguard_substance=kept)
    assert "safeguard SG-kyc2 is a safeguard of version 0.9 (#1) under a new id" in h.message
    # a safeguard that blocks something the old ones did not is new
    doc["safeguards"]["SG-kyc2"]["blocks"] = [*doc["safeguards"]["SG-kyc2"]["blocks"], "ransomware.exploit"]
    assert _cg708_with(doc, None, safeguard_substance=kept) == []


# --------------------------------------------------------------------------- CG328 policy-loosened


def _loosened(**update: Any) -> list[Any]:
    before = policy()
    after = before.model_copy(update=update)
    return hits("CG328", context(base_doc(), pol=after, previous_policy=before))


def test_an_unchanged_policy_loosens_nothing() -> None:
    assert hits("CG328", context(base_doc(), previous_policy=policy())) == []
    assert hits("CG328", context(base_doc())) == []  # no previous version: nothing to compare


def test_each_way_a_policy_asks_less_is_named() -> None:
    pol = policy()
    (h,) = _loosened(confidence=pol.confidence - 0.05)
    assert "confidence of every bound was lowered" in h.message and severity("CG328", h) is RuleSeverity.blocking
    (h,) = _loosened(interval="wilson")
    assert "clopper-pearson (exact) to wilson" in h.message
    boundary = case(base_doc()).boundary
    assert boundary is not None
    kind, roles = pol.signoff.required_for(boundary.kind)
    assert kind is not None and len(roles) >= 2
    fewer = {**pol.signoff.required, kind: roles[:-1]}
    (h,) = _loosened(signoff=pol.signoff.model_copy(update={"required": fewer}))
    assert f"{roles[-1].role} (no longer required)" in h.message
    more_people = {**pol.signoff.required, kind: [roles[0].model_copy(update={"min": 2}), *roles[1:]]}
    stricter = pol.model_copy(update={"signoff": pol.signoff.model_copy(update={"required": more_people})})
    (h,) = hits("CG328", context(base_doc(), pol=pol, previous_policy=stricter))
    assert f"{roles[0].role} (2 -> 1 people)" in h.message
    if pol.signoff.separate:
        (h,) = _loosened(signoff=pol.signoff.model_copy(update={"separate": pol.signoff.separate[1:]}))
        assert " and ".join(pol.signoff.separate[0]) in h.message


def test_an_alias_taken_on_the_cases_word_again_is_loosening() -> None:
    pol = policy()
    attested = pol.model_copy(update={"evidence": pol.evidence.model_copy(update={"aliases": "attested"})})
    (h,) = hits("CG328", context(base_doc(), pol=pol, previous_policy=attested))
    assert "only `system.evaluated_as` names now counts on the case's word" in h.message
    assert hits("CG328", context(base_doc(), pol=attested, previous_policy=pol)) == []


def test_an_outside_run_asked_at_fewer_boundaries_is_loosening() -> None:
    """The lab's move: the next policy drops `external_from` from a threshold (or moves it to a wider
    boundary), so the lab's own runs meet the framework's external pre-deployment testing (CG434)."""
    from casegate.model import BoundaryKind

    pol = policy()
    tid, th = next(iter(pol.thresholds.items()))
    def asked(kind: BoundaryKind | None) -> Any:
        return pol.model_copy(update={"thresholds": {**pol.thresholds, tid: th.model_copy(update={"external_from": kind})}})
    (h,) = hits("CG328", context(base_doc(), pol=asked(None), previous_policy=asked(BoundaryKind.api)))
    assert f"`{tid}` now asks for an outside evaluator's run at no boundary, not from `api`" in h.message
    (h,) = hits("CG328", context(base_doc(), pol=asked(BoundaryKind("open-weights")), previous_policy=asked(BoundaryKind.api)))
    assert "only from `open-weights`" in h.message
    assert hits("CG328", context(base_doc(), pol=asked(BoundaryKind.api), previous_policy=asked(None))) == []


def test_a_layer_untied_from_its_deployed_model_is_loosening() -> None:
    pol = policy()
    tied = pol.model_copy(update={"evidence": pol.evidence.model_copy(update={"layer_roles": {"classifier": "classifier"}})})
    (h,) = hits("CG328", context(base_doc(), pol=pol, previous_policy=tied))
    assert "tests of `classifier` safeguards no longer need to record the deployed model" in h.message
    assert hits("CG328", context(base_doc(), pol=tied, previous_policy=pol)) == []


def test_a_model_newly_named_for_a_role_is_loosening() -> None:
    """The lab's move: the next policy names the weaker grader its run used (or the classifier it red-teamed
    through) for the role, so runs the previous version refused (CG359, CG427) count."""
    pol = policy()

    def roles(named: dict[str, list[str]], tied: dict[str, str] | None = None) -> Policy:
        update: dict[str, object] = {"model_roles": named}
        if tied is not None:
            update["layer_roles"] = tied
        return pol.model_copy(update={"evidence": pol.evidence.model_copy(update=update)})
    was = roles({"grader": ["openai/gpt-4o"], "classifier": ["acme/guard-1"]}, {"classifier": "classifier"})
    (h,) = hits("CG328", context(base_doc(), pol=roles({"grader": ["openai/gpt-4o", "acme/tiny-grader"],
                                                        "classifier": ["acme/guard-1"]}, {"classifier": "classifier"}),
                                 previous_policy=was))
    assert "a counted run may now give role `grader` to `acme/tiny-grader`" in h.message
    (h,) = hits("CG328", context(base_doc(), pol=roles({"grader": ["openai/gpt-4o"], "classifier": ["acme/guard-1"],
                                                        "attacker": ["acme/weak-attacker"]}, {"classifier": "classifier"}),
                                 previous_policy=was))
    assert "a role the previous version named no model for, `attacker` to `acme/weak-attacker`" in h.message
    (h,) = hits("CG328", context(base_doc(), pol=roles({"grader": ["openai/gpt-4o"],
                                                        "classifier": ["acme/guard-1", "acme/guard-0"]},
                                                       {"classifier": "classifier"}), previous_policy=was))
    assert "role `classifier` to `acme/guard-0`" in h.message
    # fewer models, or the same, ask no less
    assert hits("CG328", context(base_doc(), pol=roles({"grader": ["openai/gpt-4o"]}, {"classifier": "classifier"}),
                                 previous_policy=was)) == []
    assert hits("CG328", context(base_doc(), pol=was, previous_policy=was)) == []


def test_an_update_newly_let_carry_its_predecessors_runs_is_loosening() -> None:
    """The lab's move: the policy the refreshed model's case cites lets a threshold carry the
    predecessor's runs (`carry_over`), or raises the margin its indicator may rise by, or swaps the
    indicator for one pinned less, so runs the previous version would have to redo count."""
    from casegate.model import TaskRef
    from casegate.model._policy import CarryOver

    pol = policy()
    tid = next(iter(pol.thresholds))

    def carrying(margin: float | None, **indicator: Any) -> Policy:
        th = pol.thresholds[tid]
        co = None if margin is None else CarryOver(indicator=TaskRef(**{"name": "ctf-indicator", "version": "1",
                                                                       **indicator}), margin=margin)
        return pol.model_copy(update={"thresholds": {**pol.thresholds, tid: th.model_copy(update={"carry_over": co})}})

    (h,) = hits("CG328", context(base_doc(), pol=carrying(0.05), previous_policy=carrying(None)))
    assert f"`{tid}` may now carry a predecessor's runs" in h.message
    (h,) = hits("CG328", context(base_doc(), pol=carrying(0.5), previous_policy=carrying(0.05)))
    assert "rose up to 0.5, not 0.05" in h.message
    (h,) = hits("CG328", context(base_doc(), pol=carrying(0.05, version=None), previous_policy=carrying(0.05)))
    assert "keeps the pins of no task" in h.message
    for tighter, looser in [(None, 0.05), (0.02, 0.05), (0.05, 0.05)]:  # taken away, lowered, kept
        assert hits("CG328", context(base_doc(), pol=carrying(tighter), previous_policy=carrying(looser))) == []


def test_a_lowered_attempt_rate_floor_is_loosening() -> None:
    pol = policy()
    floored = pol.model_copy(update={"tolerance": pol.tolerance.model_copy(update={
        "min_attempts_per_year": {BoundaryKind.api: {"cyber": 1000, "*": 10}}})})
    lowered = pol.model_copy(update={"tolerance": pol.tolerance.model_copy(update={
        "min_attempts_per_year": {BoundaryKind.api: {"*": 10}}})})
    (h,) = hits("CG328", context(base_doc(), pol=lowered, previous_policy=floored))
    assert "attempts per year for cyber at api were lowered from 1000 to 10" in h.message
    assert hits("CG328", context(base_doc(), pol=floored, previous_policy=lowered)) == []


def test_an_open_defeater_kind_made_only_a_condition_is_loosening() -> None:
    """The lab's framework lets an open sandbagging defeater through as a condition: the probe
    that answered it can then be dropped."""
    pol = policy()
    softer = list(pol.condition_defeaters) + ["sandbagging"]
    (h,) = _loosened(condition_defeaters=softer)
    assert "an open defeater of kind sandbagging is now only a condition of the decision" in h.message
    assert hits("CG328", context(base_doc(), pol=pol, previous_policy=pol.model_copy(
        update={"condition_defeaters": softer}))) == []


def test_tightening_is_not_loosening() -> None:
    pol = policy()
    stricter = pol.model_copy(update={"confidence": min(pol.confidence + 0.02, 0.99)})
    assert hits("CG328", context(base_doc(), pol=stricter, previous_policy=pol)) == []


def test_independence_no_longer_required_blocks_only_where_the_case_relies_on_it() -> None:
    pol = policy()
    assert pol.evidence.independent_kinds
    dropped = pol.evidence.model_copy(update={"independent_kinds": []})
    (h,) = _loosened(evidence=dropped)
    relies = any(ev.kind in pol.evidence.independent_kinds and not ev.independent
                 for ev in case(base_doc()).evidence.values())
    assert severity("CG328", h) is (RuleSeverity.blocking if relies else RuleSeverity.advisory)


def test_the_other_ways_a_policy_asks_less_are_named() -> None:
    pol = policy()
    edits: list[tuple[dict[str, Any], str]] = [
        ({"waivers": pol.waivers.model_copy(update={"non_waivable": pol.waivers.non_waivable[1:]})},
         f"findings {pol.waivers.non_waivable[0]} may now be waived"),
        ({"waivers": pol.waivers.model_copy(update={"roles": {**pol.waivers.roles, "CG501": ["rso"]}})},
         "more roles may waive: CG501 by rso"),
        ({"waivers": pol.waivers.model_copy(update={"max_days": pol.waivers.max_days + 30})}, "may now last"),
        ({"tolerance": pol.tolerance.model_copy(update={"max_bypass_rate": pol.tolerance.max_bypass_rate * 2})},
         "tolerated bypass rate was raised"),
        ({"evidence": pol.evidence.model_copy(update={"max_age_days": pol.evidence.max_age_days + 100})},
         "evidence may now be"),
        ({"preregistration": pol.preregistration.model_copy(update={"required": False})}, None),
        # more time to meet a decision's conditions rides in with the case it helps
        ({"conditions": pol.conditions.model_copy(update={"due_days": pol.conditions.due_days + 60})},
         "conditions may now stay open"),
    ]
    if pol.evidence.organisations:
        edits.append(({"evidence": pol.evidence.model_copy(update={"organisations": []})},
                      "is no longer named as the developer's"))
    did, dom = next(iter(pol.domains.items()))
    edits.append(({"domains": {k: v for k, v in pol.domains.items() if k != did}}, f"risk domain `{did}` was removed"))
    if dom.required:
        edits.append(({"domains": {**pol.domains, did: dom.model_copy(update={"required": False})}},
                      f"risk domain `{did}` is no longer required"))
    tid, th = next((t, x) for t, x in pol.thresholds.items() if x.safeguards)
    edits.append(({"thresholds": {**pol.thresholds, tid: th.model_copy(update={"safeguards": []})}},
                  f"`{tid}` asks less of the safeguards"))
    for update, expected in edits:
        got = [h.message for h in _loosened(**update)]
        if expected is None:  # preregistration: only when the previous policy required it
            before = pol.model_copy(update={"preregistration": pol.preregistration.model_copy(update={"required": True})})
            got = [h.message for h in hits("CG328", context(base_doc(), pol=pol, previous_policy=before))]
            expected = "preregistered evaluation protocols are no longer required"
        assert len(got) == 1 and expected in got[0] and got[0].endswith("since the previous version"), (update, got)


# --------------------------------------------------------------------------- CG329 pathway-downgraded


def _cg329(edit: Any) -> list[Any]:
    doc = base_doc()
    edit(doc["threat_model"])
    return hits("CG329", context(doc, previous=case(base_doc())))


def test_a_pathway_rated_lower_than_before_blocks() -> None:
    def lower(tm: dict[str, Any]) -> None:
        tm["cyber"]["pathways"]["ransomware"].update(severity="high", attempts_per_year=1)
    got = _cg329(lower)
    assert [h.path[-1] for h in got] == ["severity", "attempts_per_year"]
    assert got[0].message == "pathway `ransomware` is rated lower than in the previous version: severity severe -> high"
    assert "attempts per year 10 -> 1" in got[1].message
    assert all(severity("CG329", h) is RuleSeverity.blocking for h in got)

    def unrated(tm: dict[str, Any]) -> None:
        del tm["cyber"]["pathways"]["ransomware"]["attempts_per_year"]
    (h,) = _cg329(unrated)
    assert "attempts per year 10 -> none" in h.message


def test_a_pathway_dropped_while_its_domain_stays_blocks_and_a_renamed_one_is_compared() -> None:
    def dropped(tm: dict[str, Any]) -> None:
        tm["cyber"]["pathways"] = {"phishing": {"severity": "low", "steps": ["lure"], "attempts_per_year": 10}}
    (h,) = _cg329(dropped)
    assert h.path == ("threat_model", "cyber", "pathways")
    assert "pathway `ransomware` (severe) of the previous version is gone, while domain `cyber` is still addressed" \
        == h.message

    def renamed(tm: dict[str, Any]) -> None:
        tm["cyber"]["pathways"] = {"ransomware-v2": {**tm["cyber"]["pathways"]["ransomware"], "severity": "moderate"}}
    (h,) = _cg329(renamed)
    assert h.path == ("threat_model", "cyber", "pathways", "ransomware-v2", "severity")
    assert "(`ransomware` in the previous version, the same steps)" in h.message

    def kept(tm: dict[str, Any]) -> None:
        tm["cyber"]["pathways"] = {"ransomware-v2": {**tm["cyber"]["pathways"]["ransomware"], "severity": "catastrophic"}}
    assert _cg329(kept) == []


def test_pathway_ratings_raised_are_not_cg329() -> None:
    def raised(tm: dict[str, Any]) -> None:
        tm["cyber"]["pathways"]["ransomware"].update(severity="catastrophic", attempts_per_year=100)
    assert _cg329(raised) == []
    assert hits("CG329", context(base_doc())) == []  # nothing to compare with


def test_a_domain_addressed_before_and_scoped_out_now_is_cg329() -> None:
    """The reason for scoping out is the lab's word, and every rule keyed on the pathway goes
    quiet with it: against a version that addressed the domain, its pathways are gone."""
    def scoped(tm: dict[str, Any]) -> None:
        tm["cyber"] = {"scoped_out": "no code execution at this boundary", "rests_on": ["tools"]}
    (h,) = _cg329(scoped)
    assert h.path == ("threat_model", "cyber")
    assert h.message.startswith("pathway `ransomware` (severe) of the previous version is gone: domain `cyber`, "
                                "addressed there, is scoped out")


# --------------------------------------------------------------------------- CG208 domain severity floor


def _with_floor(pol: Policy, domain: str, floor: str | None) -> Policy:
    doms = dict(pol.domains)
    doms[domain] = doms[domain].model_copy(update={"min_severity": None if floor is None else Severity(floor)})
    return pol.model_copy(update={"domains": doms})


def test_a_pathway_under_its_domains_severity_floor_blocks() -> None:
    doc = base_doc()
    doc["threat_model"]["cyber"]["pathways"]["ransomware"]["severity"] = "high"
    (h,) = hits("CG208", context(doc, pol=_with_floor(policy(), "cyber", "severe")))
    assert h.path == ("threat_model", "cyber", "pathways", "ransomware", "severity")
    assert h.message == ("pathway `ransomware` is rated high; the policy rates harm in domain `cyber` "
                         "(Cybersecurity) at least severe")
    assert severity("CG208", h) is RuleSeverity.blocking
    assert hits("CG208", context(doc, pol=_with_floor(policy(), "cyber", "high"))) == []
    assert hits("CG208", context(doc)) == []  # no floor, nothing to hold it to


def test_a_lowered_or_removed_severity_floor_is_a_loosened_policy() -> None:
    before = _with_floor(policy(), "cyber", "severe")
    for after, shown in ((_with_floor(policy(), "cyber", "high"), "high"), (policy(), "none")):
        got = [h for h in hits("CG328", context(base_doc(), pol=after, previous_policy=before))
               if h.path == ("@policy", "domains", "cyber", "min_severity")]
        assert [h.message for h in got] == [
            f"the least severity of a pathway in risk domain `cyber` was lowered from severe to {shown} since the "
            "previous version"]


def _breach(**kw: Any) -> Any:
    return _incident(**{"id": "breach-9", "date": "2026-11-10", "severity": "reopen", "cause": "monitor",
                        "monitor": "M-cyber-flags", "reason": "monitor M-cyber-flags: cyber-classifier-flag-rate "
                        "averaged 0.02 over the 24h to 2026-11-10T11:00:00Z (3 samples), > 0.005", **kw})


def _cg718(doc: dict[str, Any], facts: Any = None, **breach: Any) -> list[Any]:
    ctx = context(doc)
    ctx.incidents, ctx.facts = [_breach(**breach)], facts
    assert hits("CG708", ctx) == []  # a breach is not an incident: its own rule judges it
    return hits("CG718", ctx)


def test_an_unanswered_monitor_breach_blocks() -> None:
    (h,) = _cg718(base_doc())
    assert h.message == ("breach-9 (monitor M-cyber-flags: cyber-classifier-flag-rate averaged 0.02 over the 24h to "
                         "2026-11-10T11:00:00Z (3 samples), > 0.005; the trigger's action: reopen) defeated G2 of "
                         "version 0.9 (#1); this version does not answer it")
    assert severity("CG718", h) is RuleSeverity.blocking


def test_a_breach_is_answered_only_by_evidence_about_what_the_monitor_watched() -> None:
    doc = base_doc()
    doc["evidence"]["E-rnd"]["date"] = "2026-11-20"
    doc["evidence"]["E-filter"] = {"kind": "safeguard-test", "producer": "trust-and-safety", "date": "2026-11-20",
                                   "tests": ["SG-classifier"], "result": {"bypasses": 0, "attempts": 500}}
    doc["incident_answers"] = {"breach-9": {"evidence": ["E-rnd"]}}
    facts = _facts(derived=("E-rnd", "E-filter"))
    (h,) = _cg718(doc, facts)
    assert "evidence E-rnd is not about what monitor M-cyber-flags watches: not of domain cyber" in h.message
    # a monitor that names no domain watches the whole case: any new evidence bears on it
    assert _cg718(doc, facts, domain="") == []
    # new evidence testing a safeguard on a pathway of the watched domain answers it
    doc["incident_answers"] = {"breach-9": {"evidence": ["E-filter"]}}
    assert _cg718(doc, facts) == []
    # and is held to CG708's dates: a date only the case states is the lab's word
    (h,) = _cg718(doc, _facts())
    assert "evidence E-filter is dated 2026-11-20 only by the case" in h.message
    assert "after the breach" in h.message


def test_a_domain_let_be_scoped_out_at_more_boundaries_is_loosening() -> None:
    """The framework said weight exfiltration is argued short of an open-weights release; the
    policy riding in the case's folder drops that, or adds `api`: the scoping-out CG215 blocked
    would then stand."""
    from casegate.model import BoundaryKind

    pol = policy()
    domains = dict(pol.domains)
    held = domains["exfiltration"].model_copy(update={"scoped_out_at": [BoundaryKind.open_weights]})
    before = pol.model_copy(update={"domains": {**domains, "exfiltration": held}})
    for now, says in ((None, "any"), ([BoundaryKind.open_weights, BoundaryKind.api], "api")):
        after = before.model_copy(update={"domains": {**domains, "exfiltration": held.model_copy(
            update={"scoped_out_at": now})}})
        (h,) = hits("CG328", context(base_doc(), pol=after, previous_policy=before))
        assert f"risk domain `exfiltration` may now be scoped out at {says} boundaries" in h.message, h.message
    assert hits("CG328", context(base_doc(), pol=before.model_copy(update={"domains": {
        **domains, "exfiltration": held.model_copy(update={"scoped_out_at": []})}}), previous_policy=before)) == []
