"""CG7xx: post-deployment review is part of the case (seed test 7): monitoring, triggers,
withdrawal, re-evaluation, model-change control and incident reporting."""

from __future__ import annotations

from collections.abc import Iterator

from .._registry import Context, Hit, rule

_PD = ("post_deployment",)


@rule(
    "CG700", "no-post-deployment-plan", severity="blocking", serves="test-7-post-deployment",
    summary="The case has no post-deployment plan at all.",
    rationale="A case that cannot be reopened after launch is a launch memo: frontier models change, "
              "attackers adapt and users find new affordances.",
    bad="# no post_deployment section",
    good="post_deployment:\n  monitors: {M1: {signal: classifier-flag-rate, threshold: 0.005, action: reopen}}\n"
         "  triggers: {T1: {on: incident, min_severity: high, action: reopen}}\n"
         "  reevaluate_by: 2027-04-01\n  model_change_control: New weights need a new case version.\n"
         "  withdrawal: [A severe incident linked to the model]",
    fix="Add a `post_deployment` section with monitors, triggers, withdrawal conditions, a "
        "re-evaluation date and model-change control.",
)
def no_plan(ctx: Context) -> Iterator[Hit]:
    if ctx.case.post_deployment is None:
        yield Hit(("id",), "the case has no `post_deployment` section")


@rule(
    "CG701", "no-monitors", severity="blocking", serves="test-7-post-deployment",
    summary="The post-deployment plan watches no signal.",
    rationale="Without monitoring nobody learns that the model behaves differently at scale until harm is reported.",
    bad="post_deployment:\n  monitors: {}",
    good="post_deployment:\n  monitors:\n    M1: {signal: classifier-flag-rate, op: '>', threshold: 0.005, window: 24h, action: reopen}",
    fix="Declare at least one monitor: the signal, its breach threshold and what a breach does.",
)
def no_monitors(ctx: Context) -> Iterator[Hit]:
    pd = ctx.case.post_deployment
    if pd is not None and not pd.monitors:
        yield Hit(_PD, "the post-deployment plan declares no monitors")


@rule(
    "CG702", "no-triggers", severity="blocking", serves="test-7-post-deployment",
    summary="No event reopens, restricts or withdraws the deployment.",
    rationale="Monitoring that cannot change the decision is observation, not review; triggers are "
              "what make the case reopen when the world changes.",
    bad="post_deployment:\n  triggers: {}",
    good="post_deployment:\n  triggers:\n    T1: {on: incident, domain: cyber, min_severity: high, action: reopen}",
    fix="Declare triggers (incidents, monitor breaches, new capability results, model changes) and their actions.",
)
def no_triggers(ctx: Context) -> Iterator[Hit]:
    pd = ctx.case.post_deployment
    if pd is not None and not pd.triggers:
        yield Hit(_PD, "the post-deployment plan declares no triggers")


@rule(
    "CG703", "no-withdrawal-condition", severity="blocking", serves="test-7-post-deployment",
    summary="Nothing would withdraw the deployment.",
    rationale="A gate that can only ever open is not a gate; the case must say what evidence would force retreat.",
    bad="post_deployment:\n  withdrawal: []",
    good="post_deployment:\n  withdrawal:\n    - A biological incident of moderate severity or worse linked to the model.",
    fix="State the withdrawal conditions (or a trigger whose action is `withdraw`).",
)
def no_withdrawal(ctx: Context) -> Iterator[Hit]:
    pd = ctx.case.post_deployment
    if pd is None:
        return
    if not pd.withdrawal and not any(t.action == "withdraw" for t in pd.triggers.values()):
        yield Hit(_PD, "the post-deployment plan names no withdrawal condition and no trigger withdraws")


@rule(
    "CG704", "no-reevaluation-date", severity="blocking", serves="test-7-post-deployment",
    summary="The case sets no date by which it must be re-evaluated.",
    rationale="Evidence ages and capabilities move; without a date the case never has to be looked at again.",
    bad="post_deployment:\n  monitors: {...}\n  # no reevaluate_by",
    good="post_deployment:\n  reevaluate_by: 2027-04-01",
    fix="Set `reevaluate_by` to the date the case must be gated again.",
)
def no_reevaluation(ctx: Context) -> Iterator[Hit]:
    pd = ctx.case.post_deployment
    if pd is not None and pd.reevaluate_by is None:
        yield Hit(_PD, "the post-deployment plan sets no `reevaluate_by` date")


@rule(
    "CG705", "reevaluation-overdue", severity="blocking", serves="test-7-post-deployment",
    summary="The re-evaluation date has already passed.",
    rationale="A case past its re-evaluation date is relying on a review that did not happen.",
    bad="post_deployment:\n  reevaluate_by: 2026-06-01   # gated on 2026-11-27",
    good="post_deployment:\n  reevaluate_by: 2027-04-01",
    fix="Re-evaluate the case (fresh evidence, new sign-offs) and set the next date.",
)
def reevaluation_overdue(ctx: Context) -> Iterator[Hit]:
    pd = ctx.case.post_deployment
    if pd is not None and pd.reevaluate_by is not None and pd.reevaluate_by < ctx.today:
        yield Hit(_PD + ("reevaluate_by",), f"the re-evaluation date {pd.reevaluate_by.isoformat()} "
                  f"is before the decision date {ctx.today.isoformat()}")


@rule(
    "CG706", "no-model-change-control", severity="blocking", serves="test-7-post-deployment",
    summary="Nothing controls changes to the model after the decision.",
    rationale="The decision binds to specific weights; a new checkpoint, fine-tune or tool that "
              "slips in without a new gate run is a different system with no case.",
    bad="post_deployment:\n  # no model_change_control, no model-change trigger",
    good="post_deployment:\n  model_change_control: Served weights are pinned by digest; any change needs a new gate run.",
    fix="Describe `model_change_control`, or add a trigger `on: model-change`.",
)
def no_model_change_control(ctx: Context) -> Iterator[Hit]:
    pd = ctx.case.post_deployment
    if pd is None:
        return
    has_text = bool(pd.model_change_control and pd.model_change_control.strip())
    if not has_text and not any(t.on == "model-change" for t in pd.triggers.values()):
        yield Hit(_PD, "the post-deployment plan has no `model_change_control` and no `model-change` trigger")


@rule(
    "CG707", "no-incident-reporting", severity="condition", serves="test-7-post-deployment",
    summary="The plan says neither how incidents are reported nor what an incident triggers.",
    rationale="Incidents are the most direct evidence that an argument failed; without a reporting "
              "route they never reach the case.",
    bad="post_deployment:\n  # no incident_reporting, no trigger on: incident",
    good="post_deployment:\n  incident_reporting: Incidents go to the safety on-call within one hour.",
    fix="Describe `incident_reporting`, or add a trigger `on: incident`.",
)
def no_incident_reporting(ctx: Context) -> Iterator[Hit]:
    pd = ctx.case.post_deployment
    if pd is None:
        return
    has_text = bool(pd.incident_reporting and pd.incident_reporting.strip())
    if not has_text and not any(t.on == "incident" for t in pd.triggers.values()):
        yield Hit(_PD, "the post-deployment plan has no `incident_reporting` and no `incident` trigger")
