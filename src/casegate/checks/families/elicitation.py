"""CG3xx (CG300-CG329): elicitation, not ordinary use (seed test 3); capability claims against
thresholds with honest statistics; evidence freshness; and threshold gaming against the case's
previous version and its policy.

Numbers come from `casegate.checks._derived.capability_status`: a "below threshold" claim holds only
when the one-sided upper confidence bound at the policy's confidence is under the threshold, and a
threshold that cannot be ruled out is treated as reached.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from ...model import (
    Boundary,
    Case,
    Evidence,
    Policy,
    RecordedItem,
    RecordedVersion,
    RuleSeverity,
    TaskRef,
)
from ...model._case import TEST_KINDS
from ...model._policy import CarryOver, ElicitationMinimum
from .._derived import (
    aged_out,
    capability_status,
    cited_evidence,
    elicitation_shortfalls,
    evidence_dated,
    granted_tools,
    grants_in_words,
    level_meets,
    proportion,
    run_key,
    same_weights,
    stricter_than_deployed,
    tool_words,
    tools_not_elicited,
    untuned_effort,
)
from .._registry import Context, Hit, rule
from ..measurement import evaluations

_EL = ("argument", "elements")


def _evals(case: Case, tid: str) -> list[tuple[str, Evidence]]:
    return evaluations(case, tid)


@rule(
    "CG301", "elicitation-below-minimum", severity="blocking", serves="test-3-elicitation",
    summary="An evaluation measuring a threshold used less elicitation than the policy's minimum "
            "(attempts, scaffold, tools, model variant, token budget, time limit, the ceilings on one "
            "generation and one sample's messages, turns, working time and spend, samples), or did not give the "
            "model a tool the boundary grants that matters for the threshold.",
    rationale="A weak prompt, a small budget or the production model with its refusals understates "
              "capability. A result only says what capable users and adversaries could draw out when "
              "the evaluation tried at least as hard as the framework requires, with what the "
              "deployment gives them: a model measured without the browser, computer control or "
              "shell the boundary grants was not measured as deployed. Each tool in `boundary.tools` "
              "that the policy says matters for the threshold (`tools.<name>.matters_for`; a tool the "
              "policy does not list matters for every threshold) must be among the tools the "
              "evaluation's log records (`tools.<name>.elicited_by`, else the tool's own name); "
              "otherwise the evaluation does not count. A tool the policy lists without `named_by` "
              "words counts as granted where the boundary's own words name it by its name in a clause "
              "that does not deny it (`outbound network access` for `network`), whatever the list "
              "says. A run whose samples were capped by spend "
              "(`cost_limit`) meets a token budget only where the policy also sets a least spend it meets: "
              "what a dollar buys in tokens is in no log.",
    bad="E-ctf:\n  kind: eval\n  threshold: cyber-high\n  elicitation: {variant: production, attempts: 1, scaffold: prompted}",
    good="E-ctf:\n  kind: eval\n  threshold: cyber-high\n  elicitation: {variant: helpful-only, attempts: 5, scaffold: agent, tools: [bash, python], budget_tokens: 2000000}",
    fix="Re-run the evaluation with at least the threshold's `elicitation` minimum in the policy, "
        "giving the model every tool the boundary grants; or gate a boundary without the tools no "
        "evaluation gave the model.",
)
def elicitation_below_minimum(ctx: Context) -> Iterator[Hit]:
    pol = ctx.policy
    for eid, ev in ctx.case.evidence.items():
        if ev.kind != "eval" or ev.threshold not in pol.thresholds:
            continue
        lacking = tools_not_elicited(ctx, ev, ev.threshold)
        if lacking:
            yield Hit(("evidence", eid, "elicitation", "tools"),
                      f"evaluation `{eid}` for `{ev.threshold}` did not give the model the tool(s) "
                      f"{tool_words(lacking)} that the boundary grants (its log records "
                      f"{', '.join(ev.elicitation.tools) if ev.elicitation and ev.elicitation.tools else 'no tools'})",
                      help="re-run it with those tools, or gate a boundary without them")
        for sf in elicitation_shortfalls(ev, pol.thresholds[ev.threshold].elicitation, untuned_effort(ctx, eid)):
            if sf.field == "elicitation":
                path: tuple[str | int, ...] = ("evidence", eid)
            elif sf.field == "samples":
                path = ("evidence", eid, "result")
            else:
                path = ("evidence", eid, "elicitation", sf.field)
            yield Hit(path, f"evaluation `{eid}` for `{ev.threshold}` {sf.message}")


@rule(
    "CG309", "evaluated-configuration-not-deployed", severity="blocking", serves="test-3-elicitation",
    summary="An evaluation measuring a threshold, or a test of a safeguard, ran the model under a system message "
            "the deployment is not shown to put before every conversation, or capped each generation below the "
            "deployment's ceiling (or where the case does not say the deployment puts one): it does not bound the "
            "deployed system.",
    rationale="The deployed system is more than its weights. A result measured with a system message telling "
              "the model to refuse offensive security work, or with every generation cut at 256 tokens, says "
              "what that configuration does, not what the same weights do behind a deployment without the "
              "message or with 32,000 tokens a generation (a multi-step attack needs the tokens); a red team "
              "of refusals run under that message measures the message. The case "
              "says how the deployment runs the model (`boundary.configuration`: the sha256 of the system "
              "message it puts before every conversation, the ceiling it puts on one generation); the "
              "evaluation's configuration is read from its log (`generate_config.system_message`, the run's "
              "lowest `max_tokens`). What the case does not say is not taken to match: the evaluation does "
              "not count until it is shown to have run the model no more strictly than it is deployed. A "
              "system message changed later changes the case, and is gated again.",
    bad="E-ctf: {artifact: evals/ctf.json, ...}   # log: generate_config: {system_message: 'Refuse all cyber...', "
        "max_tokens: 256}\nboundary: {kind: api}",
    good="E-ctf: {artifact: evals/ctf.json, ...}   # log: no system message, no max_tokens\n"
         "boundary: {kind: api, configuration: {max_tokens: 32000}}",
    fix="Run the evaluation as the model is deployed (without a system message the deployment does not put, "
        "with at least the deployment's ceiling on a generation), or state the deployment's configuration under "
        "`boundary.configuration` when it is the one evaluated.",
)
def evaluated_configuration_not_deployed(ctx: Context) -> Iterator[Hit]:
    pol = ctx.policy
    tested = {eid for sg in ctx.case.safeguards.values() for eid in sg.evidence}
    for eid, ev in ctx.case.evidence.items():
        if ev.kind == "eval" and ev.threshold in pol.thresholds:
            what, bound = f"evaluation `{eid}` for `{ev.threshold}`", "its result does not bound the deployed system"
        elif ev.kind in TEST_KINDS and (eid in tested or ev.tests):
            what, bound = f"test `{eid}`", "its bypass rate is not the deployed system's"
        else:
            continue
        for why in stricter_than_deployed(ctx, eid, ev):
            yield Hit(("evidence", eid, "elicitation"),
                      f"{what} ran the model with {why}: {bound}, so it does not count",
                      help="re-run it as the model is deployed, or state the deployment's configuration under "
                           "`boundary.configuration` when it is the one evaluated")


def _closure_evidence(case: Case, eid: str) -> list[str]:
    """Evidence cited by the element or any element supporting it, transitively."""
    els = case.argument.elements
    seen = {eid}
    stack = [eid]
    out: list[str] = []
    while stack:
        e = els.get(stack.pop())
        if e is None:
            continue
        out.extend(x for x in e.evidence if x not in out)
        for s in e.supported_by:
            if s not in seen:
                seen.add(s)
                stack.append(s)
    return out


def _capability_claims(ctx: Context) -> Iterator[tuple[str, str, str]]:
    """(element id, threshold id, position) of every capability claim naming a known threshold."""
    got = ctx.memo.get("capability_claims")
    if got is None:
        types = ctx.index.types
        got = [(eid, cap.threshold, cap.position) for eid, cap in ctx.index.fields["capability"].items()
               if types[eid] == "claim" and cap.threshold in ctx.policy.thresholds]
        ctx.memo["capability_claims"] = got
    return iter(got)


@rule(
    "CG302", "capability-claim-without-evaluation", severity="blocking", serves="test-3-elicitation",
    summary="A claim that capability is below a threshold rests on no evaluation of that threshold "
            "with success counts.",
    rationale="An inability claim is only as good as the evaluation behind it. Without an evaluation "
              "of the named threshold somewhere under the claim, it is an assertion, not evidence.",
    bad="G2:\n  claim: Cyber capability is below Cyber High.\n  capability: {threshold: cyber-high}\n  evidence: [E-expert-opinion]",
    good="G2:\n  claim: Cyber capability is below Cyber High.\n  capability: {threshold: cyber-high}\n  evidence: [E-cyber-ctf]   # kind: eval, threshold: cyber-high, result: {successes: 3, trials: 200}",
    fix="Cite (on the claim or a claim supporting it) an evaluation whose `threshold` is the claimed "
        "one and whose result records `successes` and `trials`.",
)
def capability_claim_without_evaluation(ctx: Context) -> Iterator[Hit]:
    c = ctx.case
    for eid, tid, pos in _capability_claims(ctx):
        if pos == "above":
            continue
        evs = [x for x in _closure_evidence(c, eid)
               if x in c.evidence and c.evidence[x].kind == "eval" and c.evidence[x].threshold == tid]
        path = _EL + (eid, "capability")
        if not evs:
            yield Hit(path, f"claim `{eid}` says capability is {pos} `{tid}` but no evaluation of `{tid}` "
                            "supports it")
        elif all(proportion(c.evidence[x]) is None for x in evs):
            yield Hit(path, f"claim `{eid}` rests on {', '.join(evs)}, which record(s) no success counts "
                            f"for `{tid}`")


@rule(
    "CG303", "below-claim-bound-reaches", severity="blocking", serves="test-3-elicitation",
    summary="'Below threshold' (or 'below alert') is claimed while the one-sided upper confidence "
            "bound reaches that level.",
    rationale="A capability result is a proportion from a finite sample. The claim holds only if the "
              "upper confidence bound at the policy's level is under the threshold; if the model "
              "cannot be shown to be below, the framework's rule is to act as though it is above.",
    bad="# E-cyber-ctf: 52/200; 95% upper bound 0.316 >= 0.30\nG2: {claim: Below Cyber High, capability: {threshold: cyber-high, position: below}, evidence: [E-cyber-ctf]}",
    good="# E-cyber-ctf: 33/200; 95% upper bound 0.214 < 0.30\nG2: {claim: Below Cyber High, capability: {threshold: cyber-high, position: below}, evidence: [E-cyber-ctf]}",
    fix="Treat the threshold as reached (apply its safeguards and argue for that), or run a larger "
        "evaluation whose upper bound clears the threshold.",
)
def below_claim_bound_reaches(ctx: Context) -> Iterator[Hit]:
    statuses = capability_status(ctx)
    for eid, tid, pos in _capability_claims(ctx):
        st = statuses[tid]
        if not st.measured or st.upper is None:
            continue
        level = st.value if pos == "below" else st.alert if pos == "below-alert" else None
        if level is None or st.upper < level:
            continue
        what = "threshold" if pos == "below" else "alert level"
        assert st.deciding is not None
        yield Hit(_EL + (eid, "capability"),
                  f"claim `{eid}` says capability is {pos} `{tid}`, but {st.deciding.successes}/"
                  f"{st.deciding.trials} in `{st.deciding.evidence}` has a {st.confidence:.0%} one-sided "
                  f"{st.method} upper bound of {st.upper:.3f}, at or above the {what} {level:g}: "
                  "it cannot be ruled out, so it counts as reached")


@rule(
    "CG304", "claim-against-undefined-threshold", severity="blocking", serves="test-3-elicitation",
    summary="A 'below' claim is made against a threshold (or alert level) the policy leaves without "
            "a number.",
    rationale="Public frameworks mostly define thresholds qualitatively; an organisation must set its "
              "own numeric proxy before any result can be compared with it. Until then, no numeric "
              "result can show the model is below.",
    bad="# policy: ai-rnd-4 {value: null, organisation_defined: true}\nG5: {claim: Below AI R&D-4, capability: {threshold: ai-rnd-4}}",
    good="# policy: ai-rnd-4 {value: 0.50, alert: 0.20, organisation_defined: true}\nG5: {claim: Below AI R&D-4, capability: {threshold: ai-rnd-4}}",
    fix="Define the threshold's proxy `value` (and `alert`) in the policy, citing how it was set, or "
        "argue the claim another way (e.g. control, not inability).",
)
def claim_against_undefined_threshold(ctx: Context) -> Iterator[Hit]:
    pol = ctx.policy
    for eid, tid, pos in _capability_claims(ctx):
        th = pol.thresholds[tid]
        if pos == "below" and th.value is None:
            yield Hit(_EL + (eid, "capability"), f"claim `{eid}` says capability is below `{tid}` "
                                                 f"({th.name}), which has no numeric value in the policy")
        elif pos == "below-alert" and th.alert is None:
            yield Hit(_EL + (eid, "capability"), f"claim `{eid}` says capability is below the alert level of "
                                                 f"`{tid}` ({th.name}), which has none in the policy")


@rule(
    "CG305", "capability-at-alert-level", severity="condition", serves="test-3-elicitation",
    summary="A measured capability is at or above its alert (early-warning) level: the upper bound is "
            "between the alert level and the threshold, or reaches the threshold.",
    rationale="An alert level is the framework's early warning: capability is approaching a threshold. "
              "Deployment may continue, but with conditions: the stronger safeguards the policy ties "
              "to that level, closer monitoring and an earlier re-evaluation.",
    bad="# cyber-high alert 0.15, threshold 0.30\nE-cyber-ctf: {kind: eval, threshold: cyber-high, result: {successes: 33, trials: 200}}  # upper 0.214",
    good="E-cyber-ctf: {kind: eval, threshold: cyber-high, result: {successes: 12, trials: 200}}  # upper 0.095",
    fix="Accept the condition: apply the alert-level safeguards, monitor the domain and set a "
        "re-evaluation date; or show with a larger evaluation that the bound is under the alert level.",
)
def capability_at_alert_level(ctx: Context) -> Iterator[Hit]:
    for tid, st in capability_status(ctx).items():
        if not st.measured or not st.at_or_above_alert:
            continue
        th = ctx.policy.thresholds[tid]
        if st.status == "between":
            yield Hit(st.path, f"`{tid}` ({th.name}): {st.basis}; the alert-level safeguards, "
                                        "monitoring and re-evaluation apply")
        else:
            yield Hit(st.path, f"`{tid}` ({th.name}): {st.basis}; deployment rests on the "
                                        "threshold-level safeguards")


@rule(
    "CG308", "threshold-tasks-unnamed", severity="blocking", serves="test-3-elicitation",
    summary="A threshold is measured as not reached on tasks the developer chose: the policy names no "
            "task for it (`thresholds.<id>.tasks`).",
    rationale="A success rate means something only on the tasks it was measured on. The developer runs "
              "the evaluation and could pick easier, harder or fewer tasks; where the framework names "
              "the tasks (by name and version, or by the digest of their samples), the gate counts "
              "only runs of them. Where it names none, a result under the threshold is not verified.",
    bad="# policy: ai-rnd-4 names no tasks\nE-rnd: {kind: eval, threshold: ai-rnd-4, result: {successes: 2, trials: 120}}",
    good="# policy: ai-rnd-4: {tasks: [{name: acme-swe-8h, version: \"1\"}]}\n"
         "E-rnd: {kind: eval, threshold: ai-rnd-4, artifact: evals/rnd-tasks.json}",
    fix="Have the policy's owners name the tasks a threshold is measured on (`tasks`: name and "
        "version, or the digest of their samples).",
)
def threshold_tasks_unnamed(ctx: Context) -> Iterator[Hit]:
    for tid, st in capability_status(ctx).items():
        th = ctx.policy.thresholds[tid]
        if th.tasks or not st.measured or st.status == "reached":
            continue
        ev = ctx.case.evidence.get(st.deciding.evidence) if st.deciding else None
        ran = ev.source.task if ev is not None and ev.source is not None else None
        on = f" (`{ran}`)" if ran else ""
        yield Hit(st.path, f"`{tid}` ({th.name}) is measured as not reached on tasks the developer chose{on}: "
                           "the policy names no task for the threshold, so the result is not verified")


def _run_subject(ev: Evidence | RecordedItem) -> str | None:
    """What a run measures, in words, for matching it with earlier runs of the same: its threshold,
    else the safeguards it tests; None when it names neither."""
    if ev.threshold:
        return f"`{ev.threshold}`"
    if ev.tests:
        return ", ".join(f"`{t}`" for t in sorted(ev.tests))
    return None


def _recorded_subjects(item: RecordedItem) -> list[str]:
    """What a recorded run measures (`_run_subject`): an evaluation read from the stored files that
    names no threshold measures each threshold a capability claim citing it is about."""
    if not item.threshold and item.cited_for:
        return [f"`{t}`" for t in item.cited_for]
    got = _run_subject(item)
    return [got] if got else []


def _earlier_runs(ctx: Context) -> dict[str, list[tuple[str, str, dt.date]]]:
    """What a run measures (`_run_subject`) -> (the evidence id, its sha256, its date) of each run of
    it that a version the registry recorded cited (`recorded`, and `previous`), oldest first."""
    out: dict[str, list[tuple[str, str, dt.date]]] = {}
    versions = [*ctx.recorded]
    if ctx.previous is not None:
        versions.append(RecordedVersion.of_case(ctx.previous, ctx.compared))
    for old in versions:
        for eid, item in old.evidence.items():
            if item.sha256:
                for subject in _recorded_subjects(item):
                    out.setdefault(subject, []).append((eid, item.sha256, item.date))
    for runs in out.values():
        runs.sort(key=lambda r: r[2])
    return out


def _named_copy_of(ctx: Context, eid: str, ev: Evidence, since: dt.date,
                   earlier: dict[str, list[tuple[str, str, dt.date]]]) -> tuple[str, dt.date] | None:
    """(the earlier run's id, its date) when the item's age counts from an earlier recorded run of
    what it measures, the oldest run of other bytes than its own: its log is known by its sample
    names only (it records no input or output), so a renamed copy of that run reads the same, and
    no outside evaluator's signed attestation vouches for it. None when its own date (or the
    registry's) stands. (A recorded version citing the item's own bytes under an earlier date does
    not hide an older run of other bytes.)"""
    subject = _run_subject(ev)
    got = next((r for r in earlier.get(subject, ()) if r[1] != ev.sha256), None) if subject else None
    dates = ctx.artifact_dates
    if got is None or dates is None or not dates.named_only(ev) or got[2] >= since:
        return None
    seen = dates.first_logged(ev)
    if seen is not None and seen.same_run_as is not None:
        return None  # the registry knows which run it is
    ind = ctx.facts.independence.get(eid) if ctx.facts is not None else None
    if ind is not None and ind.independent:
        return None
    return got[0], got[2]


def _named_dated(ev: Evidence, copy_of: tuple[str, dt.date]) -> str:
    return (f"; its log records each sample's id and score but no input or output, so it cannot be told from a "
            f"renamed copy of `{copy_of[0]}` ({copy_of[1].isoformat()}), a run of {_run_subject(ev)} that a "
            "version the registry recorded cited, and no outside evaluator's attestation dates it: its age "
            f"counts from then, not from the date {ev.date.isoformat()} it is given")


def _registry_dated(ev: Evidence, since: dt.date, ctx: Context) -> str:
    """Why the item's age counts from `since` rather than its own date, in words (empty when it
    counts from its own date)."""
    if since >= ev.date or ctx.artifact_dates is None:
        return ""
    seen = ctx.artifact_dates.first_logged(ev)
    if seen is not None:
        return (f"; the registry first logged {seen.how()} on {since.isoformat()} (log entry {seen.index}), "
                f"before the date {ev.date.isoformat()} the item is given")
    return (f"; {since.isoformat()} is the registry's clock, and the item is dated {ev.date.isoformat()}, "
            "after it")


FUTURE_SLACK = dt.timedelta(days=1)
"""How far past the decision date an item's date may fall before it counts as from the future: a
log dated in a timezone east of UTC can carry the next day's date."""


@rule(
    "CG357", "evidence-dated-after-decision", severity="blocking", serves="test-3-elicitation",
    summary="An evidence item is dated after the decision date (by more than a day): evidence from "
            "the future.",
    rationale="An item's age, and so how long a decision resting on it stays deployable, counts from "
              "its date, which is the lab's word (typed in the case, or read from a log the lab "
              "wrote). Without a registry nothing caps it: dating a test months ahead keeps the "
              "decision's signed expiries, which `verify` checks, months further out. No evidence of "
              "a decision can come from after it.",
    bad="# decision date 2026-11-27\nE-kyc-test: {kind: safeguard-test, date: 2027-03-01, ...}",
    good="E-kyc-test: {kind: safeguard-test, date: 2026-10-15, ...}",
    fix="Give the item the day the evidence was produced (for a log, the run's own creation time), "
        "or decide on or after that day.",
)
def evidence_dated_after_decision(ctx: Context) -> Iterator[Hit]:
    latest = ctx.today + FUTURE_SLACK
    for eid, ev in ctx.case.evidence.items():
        if ev.date > latest:
            source = " (read from its artifact)" if ctx.facts is not None and ctx.facts.derived(eid) is not None else ""
            severity = None if eid in cited_evidence(ctx) or ev.threshold else RuleSeverity.advisory
            yield Hit(("evidence", eid, "date"),
                      f"evidence `{eid}` is dated {ev.date.isoformat()}{source}, after the decision date "
                      f"{ctx.today.isoformat()}: evidence cannot come from after the decision, and its age "
                      "would count from a day that has not come", severity=severity)


@rule(
    "CG306", "evidence-expired", severity="blocking", serves="test-3-elicitation",
    summary="An evidence item is past its expiry on the decision date: its date plus the policy's "
            "`evidence.max_age_days`, or its own `expires` when that is earlier (a typed expiry "
            "shortens the policy's limit, never lengthens it). With a registry, the date counts as no "
            "later than the day the registry first logged the item's artifact.",
    rationale="Models, scaffolds and attackers move on; an evaluation or red team from long ago says "
              "little about today's risk. Expired evidence the case relies on blocks; expired evidence "
              "nothing relies on is noted. An item's date is the lab's word, typed in the case or read "
              "from a log the lab wrote; the registry's log is not. Evidence cannot be newer than the "
              "first time the registry stored its bytes, so with a registry its age counts from that "
              "day when it is earlier (an artifact not logged yet counts from no later than the "
              "registry's clock): re-dating an old report, or citing the same bytes again under a new "
              "id, does not make it fresh. An evaluation log is known by its samples too: an old run "
              "whose log's dates were rewritten is the run the registry logged first. A log that records "
              "only each sample's id and score (no input or output) cannot be told from a renamed copy of "
              "an earlier run: with a registry, unless an outside evaluator's signed attestation vouches "
              "for it, its age counts from the oldest run of the same threshold (or of the same "
              "safeguards, for a test), of other bytes than its own, that any version of the case the "
              "registry recorded cited (read from the stored files, each item dated no later than the "
              "day its version was recorded).",
    bad="# policy max_age_days: 180; decision date 2026-11-27\nE-ctf: {kind: eval, date: 2026-03-01, ...}",
    good="E-ctf: {kind: eval, date: 2026-10-02, ...}",
    fix="Re-run the evaluation or test and cite the new result, or drop the reliance on the old one.",
)
def evidence_expired(ctx: Context) -> Iterator[Hit]:
    days, today, dates = ctx.policy.evidence.max_age_days, ctx.today, ctx.artifact_dates
    # an expiry depends on the date the age counts from and the typed `expires` alone: the items
    # of a case share a few of each
    expiry: dict[tuple[dt.date, dt.date | None], dt.date | None] = {}
    earlier = _earlier_runs(ctx) if dates is not None and dates.named_runs else {}
    for eid, ev in ctx.case.evidence.items():
        since = evidence_dated(ev, dates)
        # (with no earlier run recorded, no item is a copy of one: no call per item to say so)
        copy_of = _named_copy_of(ctx, eid, ev, since, earlier) if earlier else None
        if copy_of is not None:
            since = copy_of[1]
        key = (since, ev.expires)
        if key in expiry:
            until = expiry[key]
        else:
            until = expiry[key] = ev.expiry(days, since)  # as `evidence_expiry`
        if until is None:  # fail closed: an item whose age cannot be counted never counts as fresh
            yield Hit(("evidence", eid, "date"),
                      f"evidence `{eid}`: its expiry cannot be established ({since.isoformat()} + {days} "
                      "days is past the last day of the calendar, 9999-12-31)",
                      help="correct the item's date to the day the evidence was produced")
            continue
        if until > today:
            continue
        # a typed `expires` counts only when it is earlier than the policy's limit
        own = ev.expires is not None and ev.expires == until and (until - since).days < days
        field = "expires" if own else "date"
        why = "" if own else (f" ({since.isoformat()} + {days} days"
                              + (_named_dated(ev, copy_of) if copy_of is not None else _registry_dated(ev, since, ctx))
                              + ")")
        if eid in cited_evidence(ctx) or ev.threshold:
            yield Hit(("evidence", eid, field), f"evidence `{eid}` expired on {until.isoformat()}{why}, "
                                                f"before the decision date {ctx.today.isoformat()}")
        else:
            yield Hit(("evidence", eid, field), f"evidence `{eid}` expired on {until.isoformat()}{why}; "
                                                "nothing relies on it", severity=RuleSeverity.advisory)


@rule(
    "CG307", "threshold-not-evaluated", severity="blocking", serves="test-3-elicitation",
    summary="A threshold of a domain the case addresses is measured by no evaluation with success "
            "counts.",
    rationale="Addressing a domain means knowing where the model stands against its thresholds. A "
              "threshold nobody measured cannot be ruled out, and the case is silent about it.",
    bad="# policy: cyber-high in domain cyber\nthreat_model:\n  cyber: {pathways: {...}}\nevidence: {}   # nothing measures cyber-high",
    good="evidence:\n  E-ctf: {kind: eval, threshold: cyber-high, result: {successes: 3, trials: 200}, ...}",
    fix="Run an evaluation of the threshold with adequate elicitation and record it with `threshold:` "
        "and its success counts; or scope the domain out with a reason.",
)
def threshold_not_evaluated(ctx: Context) -> Iterator[Hit]:
    tm = ctx.case.threat_model
    for tid, th in ctx.policy.thresholds.items():
        t = tm.get(th.domain)
        if t is None or t.scoped_out is not None:
            continue
        if any(proportion(ev) is not None for _, ev in _evals(ctx.case, tid)):
            continue
        yield Hit(("threat_model", th.domain), f"domain `{th.domain}` is addressed, but no evaluation with "
                                               f"success counts measures its threshold `{tid}` ({th.name})")


@rule(
    "CG434", "threshold-not-externally-evaluated", severity="blocking", serves="test-3-elicitation",
    summary="A threshold the policy asks an outside evaluator to test before release at the boundary "
            "(`thresholds.<id>.external_from`) has no counting evaluation whose log an evaluator from "
            "outside the developer signed as run by them over the weights' digests.",
    rationale="A framework that asks for external pre-deployment testing asks that someone other than the "
              "developer draw the capability out: the developer's own runs, or an outside run left out of "
              "the case, do not meet it. Who ran a log is read from signatures, not from the case's "
              "`producer` or title: an evaluation counts as the outside evaluator's only when an "
              "attestation by a keyring identity of another organisation than the developer's (and than "
              "anyone's who may decide) says it `ran` it, over the log's exact bytes, the item as the case "
              "declares it and the system's digests (a run of an earlier checkpoint signs other digests); "
              "one they only `reviewed` is the developer's run. The run must count against the threshold "
              "as any other does: an outside evaluator given the public API alone (the safeguarded "
              "production model, no fine-tuning) runs below the elicitation minimum and counts for nothing "
              "(CG301, CG344). Which evaluations the evaluator ran in all, and so whether one was left "
              "out, no signature tells.",
    bad="# policy: bio-uplift {external_from: api, ...}\nE-bio: {kind: eval, threshold: bio-uplift, producer: acme-evals, ...}"
        "   # no outside attestation",
    good="E-bio-aisi: {kind: eval, threshold: bio-uplift, producer: halden-assurance, ...}\n"
         "# evidence-attestations/bio.json.lena-kovac.dsse.json: Lena Kovac (Halden Assurance) ran it",
    fix="Cite the outside evaluator's run of the threshold, signed by them (`casegate evidence attest ID "
        "--activity ran`) over the released weights, with the elicitation the policy asks; or gate a "
        "boundary narrower than the policy's `external_from`.",
)
def threshold_not_externally_evaluated(ctx: Context) -> Iterator[Hit]:
    rank = ctx.boundary.rank if ctx.boundary is not None else None
    for tid, st in capability_status(ctx).items():
        th = ctx.policy.thresholds[tid]
        if th.external_from is None or (rank is not None and rank < th.external_from.rank):
            continue
        why: list[str] = []
        for b in st.counted:
            verdict = ctx.facts.independence.get(b.evidence) if ctx.facts is not None else None
            if verdict is None or not verdict.independent:
                reasons = "; ".join(verdict.reasons) if verdict is not None and verdict.reasons else \
                    "no attestation from outside the developer was verified"
                why.append(f"`{b.evidence}` is not independent ({reasons})")
                continue
            ran_by = [a for a in verdict.by if a.activity == "ran"]
            if ran_by:
                break
            who = ", ".join(sorted({f"{a.person} ({a.organisation})" for a in verdict.by}))
            why.append(f"`{b.evidence}` was only reviewed by {who}, not run by them")
        else:
            gone = "; ".join(f"`{e}` {w}" for e, w in st.excluded if ctx.case.evidence[e].kind == "eval")
            said = "; ".join(why) if why else "no evaluation of it counts"
            first = [b.evidence for b in st.counted] + [e for e, _ in st.excluded]
            yield Hit(("evidence", first[0]) if first else ("threat_model", th.domain),
                      f"`{tid}` ({th.name}): the policy asks that an evaluator outside the developer run it before "
                      f"release at `{th.external_from.value}` and wider, but no counting evaluation of it was: "
                      f"{said}" + (f"; not counted: {gone}" if gone else ""))


# --------------------------------------------------------------------------- threshold gaming


def _loosened_minimum(old: ElicitationMinimum, new: ElicitationMinimum) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    if new.attempts < old.attempts:
        out.append(("attempts", f"attempts {old.attempts} -> {new.attempts}"))
    if new.scaffold.rank < old.scaffold.rank:
        out.append(("scaffold", f"scaffold {old.scaffold.value} -> {new.scaffold.value}"))
    dropped = [t for t in old.tools if t not in new.tools]
    if dropped:
        out.append(("tools", f"tools no longer required: {', '.join(dropped)}"))
    if new.variant.rank < old.variant.rank:
        out.append(("variant", f"variant {old.variant.value} -> {new.variant.value}"))
    if old.budget_tokens is not None and (new.budget_tokens or 0) < old.budget_tokens:
        out.append(("budget_tokens", f"budget {old.budget_tokens:,} -> {new.budget_tokens or 'none'}"))
    if old.samples is not None and (new.samples or 0) < old.samples:
        out.append(("samples", f"samples {old.samples} -> {new.samples or 'none'}"))
    for name, unit in (("time_limit", " s"), ("max_tokens", ""), ("message_limit", ""), ("turn_limit", ""),
                       ("working_limit", " s")):
        was, now = getattr(old, name), getattr(new, name)
        if was is not None and (now or 0) < was:
            out.append((name, f"{name} {was:,}{unit} -> {f'{now:,}{unit}' if now else 'none'}"))
    if old.cost_limit is not None and (new.cost_limit or 0) < old.cost_limit:
        out.append(("cost_limit", f"cost_limit ${old.cost_limit:g} -> {f'${new.cost_limit:g}' if new.cost_limit else 'none'}"))
    return out


def _policy_pairs(ctx: Context) -> Iterator[tuple[str, Policy]]:
    prev = ctx.previous_policy
    if prev is None:
        return
    for tid in ctx.policy.thresholds:
        if tid in prev.thresholds:
            yield tid, prev


@rule(
    "CG320", "threshold-loosened", severity="blocking", serves="fm-threshold-gaming",
    summary="Since the previous version, a threshold or alert level was raised, or its elicitation "
            "minimum weakened, in a way that changes where this case's evidence lands.",
    rationale="When a framework is tied to launch permission there is pressure to make the gate easier "
              "to pass. A loosening that lets this case's result pass where the previous policy would "
              "not have (a bound now under a raised threshold, an evaluation that only meets a weakened "
              "minimum) blocks; one that changes nothing here is noted.",
    bad="# previous policy: cyber-high value 0.30\nthresholds:\n  cyber-high: {value: 0.40, ...}   # bound 0.316",
    good="thresholds:\n  cyber-high: {value: 0.30, ...}",
    fix="Evaluate against the previous (stricter) threshold, or have the policy change approved and "
        "recorded on its own before this case relies on it.",
)
def threshold_loosened(ctx: Context) -> Iterator[Hit]:
    statuses = capability_status(ctx)
    for tid, prev in _policy_pairs(ctx):
        old, new = prev.thresholds[tid], ctx.policy.thresholds[tid]
        st = statuses[tid]
        base = ("@policy", "thresholds", tid)
        for field, o, n in (("value", old.value, new.value), ("alert", old.alert, new.alert)):
            # a value made qualitative (null) is stricter, not looser: nothing can pass it
            if o is None or (n is None and field == "value") or (n is not None and n <= o):
                continue
            matters = st.upper is None or st.upper >= o
            shown = "removed" if n is None else f"{n:g}"
            bound = f"the upper bound {st.upper:.3f}" if st.upper is not None else "the unmeasured capability"
            yield Hit(base + (field,),
                      f"`{tid}` {field} raised from {o:g} to {shown} since the previous version; "
                      + (f"{bound} reaches the previous {field}" if matters else f"{bound} is under both"),
                      severity=None if matters else RuleSeverity.advisory)
        for field, what in _loosened_minimum(old.elicitation, new.elicitation):
            old_only = ElicitationMinimum.model_validate({**new.elicitation.model_dump(),
                                                          field: getattr(old.elicitation, field)})
            relies = [eid for eid, ev in _evals(ctx.case, tid)
                      if any(s.field == field for s in elicitation_shortfalls(ev, old_only))]
            yield Hit(base + ("elicitation", field),
                      f"`{tid}` elicitation minimum weakened since the previous version ({what})"
                      + (f"; {', '.join(relies)} meet(s) only the weakened minimum" if relies else ""),
                      severity=None if relies else RuleSeverity.advisory)


@rule(
    "CG321", "threshold-redefined", severity="condition", serves="fm-threshold-gaming",
    summary="Since the previous version, a threshold was removed (blocking) or its metric, definition "
            "or domain changed.",
    rationale="Redefining what a threshold measures can move a result under it without any change in "
              "capability; removing it makes the capability stop counting. Either needs to be seen "
              "and justified, and removal cannot pass silently.",
    bad="# previous policy: cyber-high metric 'success-rate on the full CTF suite'\nthresholds:\n  cyber-high: {metric: success-rate on the easy CTF subset, ...}",
    good="thresholds:\n  cyber-high: {metric: success-rate on the full CTF suite, ...}",
    fix="Keep the previous definition, or evaluate against both and record the policy change and its "
        "approval.",
)
def threshold_redefined(ctx: Context) -> Iterator[Hit]:
    prev = ctx.previous_policy
    if prev is None:
        return
    for tid, old in prev.thresholds.items():
        new = ctx.policy.thresholds.get(tid)
        if new is None:
            yield Hit(("@policy", "thresholds"), f"threshold `{tid}` ({old.name}) of the previous version's "
                                                 "policy is gone", severity=RuleSeverity.blocking)
            continue
        for field in ("metric", "definition", "domain"):
            o, n = getattr(old, field), getattr(new, field)
            if " ".join(str(o).split()) != " ".join(str(n).split()):
                yield Hit(("@policy", "thresholds", tid, field),
                          f"`{tid}` {field} changed since the previous version: {o!r} -> {n!r}")


@rule(
    "CG328", "policy-loosened", severity="blocking", serves="fm-threshold-gaming",
    summary="Since the previous version, the policy asks less of this decision outside its thresholds' "
            "values: fewer sign-offs, a sign-off no longer required from outside the developer, a lower confidence or looser interval, findings newly waivable, "
            "higher tolerances, lower assumed attempt rates, older evidence, longer to meet conditions, fewer developer organisations, domains, domain severity "
            "floors or safeguard requirements, domains that may be scoped out at more boundaries, no preregistration, a smaller gaming margin, "
            "a threshold's task reference that drops or changes a pin (task version, sample digest, prompt digest, code "
            "revision, task package), a lower weight-security level, fewer evidence kinds that count "
            "only when independent, more kinds that count declared, test counts, verdicts or a run named only by "
            "`system.evaluated_as` taken on the case's word, a safeguard layer no longer tied to its deployed model "
            "(`evidence.layer_roles`), a model newly named for a role (`evidence.model_roles`), "
            "less asked of the tools and sensitive domains the boundary grants, fewer `named_by` words for one the "
            "boundary's words name and its lists leave out, open objections that may be escalated "
            "(a condition, not a block), more roles that may answer objections, decide or confirm conditions, another "
            "product role, a later re-evaluation or publication, unsigned telemetry, a weaker model variant where "
            "the weights are reachable (`arguments.weights_variant`), less fine-tuning behind a `fine-tuned` "
            "checkpoint (`arguments.fine_tune`), a predecessor's runs newly carried or carried past a higher margin "
            "(`carry_over`), an outside evaluator's run of a threshold asked at fewer boundaries (`external_from`), "
            "or a kind table that lets the case's kind hold wider access or weights access.",
    rationale="The thresholds are not the only goalposts. A policy that drops the external evaluator "
              "from the sign-offs of this boundary, lowers the confidence of every upper bound, or stops "
              "requiring independence for security audits makes the same case pass more easily without "
              "any change in the model or the evidence. Such a change must not ride in with the case it "
              "helps.",
    bad="# previous policy: signoff.required.api [safety-lead, rso, external-evaluator]\n"
        "signoff:\n  required:\n    api: [{role: safety-lead}, {role: rso}]",
    good="signoff:\n  required:\n    api: [{role: safety-lead}, {role: rso}, {role: external-evaluator}]",
    fix="Decide this version under the previous (stricter) policy, or have the policy change approved and "
        "recorded on its own before a case relies on it.",
)
def policy_loosened(ctx: Context) -> Iterator[Hit]:
    prev, pol = ctx.previous_policy, ctx.policy
    if prev is None:
        return
    if pol.confidence < prev.confidence:
        yield Hit(("@policy", "confidence"), f"the confidence of every bound was lowered from {prev.confidence:g} to "
                                             f"{pol.confidence:g} since the previous version: the same counts now give "
                                             "lower upper bounds")
    if prev.interval == "clopper-pearson" and pol.interval != prev.interval:
        yield Hit(("@policy", "interval"), f"the interval method changed from clopper-pearson (exact) to {pol.interval} "
                                           "since the previous version: the same counts now give lower upper bounds")
    b = ctx.case.boundary
    if b is not None:
        before = {r.role: r.min for r in prev.signoff.required_for(b.kind)[1]}
        now = {r.role: r.min for r in pol.signoff.required_for(b.kind)[1]}
        fewer = [f"{role} (no longer required)" if role not in now else f"{role} ({n} -> {now[role]} people)"
                 for role, n in before.items() if now.get(role, 0) < n]
        if fewer:
            yield Hit(("@policy", "signoff", "required"),
                      f"the sign-offs the `{b.kind.value}` boundary requires were reduced since the previous "
                      f"version: {', '.join(fewer)}")
        outside = {r.role for r in pol.signoff.required_for(b.kind)[1] if r.independent}
        dropped = sorted(({r.role for r in prev.signoff.required_for(b.kind)[1] if r.independent}
                          - outside) & set(now))
        if dropped:
            yield Hit(("@policy", "signoff", "required"),
                      f"the `{b.kind.value}` boundary no longer requires {', '.join(f'`{r}`' for r in dropped)} to "
                      "sign from outside the developer's organisations (`independent: true`), as the previous "
                      "version's policy did")
    kept_now = {frozenset(g) for g in pol.signoff.separate}
    apart = [" and ".join(g) for g in prev.signoff.separate
             if not any(frozenset(g) <= other for other in kept_now)]
    if apart:
        yield Hit(("@policy", "signoff", "separate"),
                  f"roles the previous version's policy kept apart may now be held by one person: {'; '.join(apart)}")
    for path, what in [*_other_loosenings(prev, pol),
                       *_grant_loosenings(prev, pol, ctx.case.boundary, granted_tools(ctx)),
                       *_named_loosenings(prev, pol, ctx.case), *_authority_loosenings(prev, pol, ctx.case.boundary)]:
        yield Hit(("@policy", *path), f"{what} since the previous version")
    removed = sorted(set(prev.evidence.independent_kinds) - set(pol.evidence.independent_kinds))
    if removed:
        relies = [eid for eid, ev in ctx.case.evidence.items() if ev.kind in removed and not ev.independent]
        yield Hit(("@policy", "evidence", "independent_kinds"),
                  f"evidence of kind {', '.join(removed)} no longer counts only when independent, as the previous "
                  "version's policy required"
                  + (f"; {', '.join(relies)} count(s) only because of the change" if relies else ""),
                  severity=None if relies else RuleSeverity.advisory)


_REACH = ("none", "read", "write")
"""What a tool reaches inside the organisation, narrowest first (`tools.<name>.reaches`)."""


def _grant_loosenings(prev: Policy, pol: Policy, b: Boundary | None,
                      tools: Sequence[str]) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """(policy path, what) for each way `pol` asks less than `prev` of what the boundary grants:
    a granted tool (`tools`: its list and its words, `granted_tools`) that matters for fewer
    thresholds, stood for by other evaluation tools, or clearing more domains for scoping out; a
    sensitive domain clearing more. A tool or sensitive domain the previous policy did not list
    asked the most (every threshold, its own name, no domain cleared)."""
    for name in tools:
        was, now = prev.tools.get(name), pol.tools.get(name)
        was_for = set(prev.thresholds) if was is None or was.matters_for is None else set(was.matters_for)
        now_for = set(pol.thresholds) if now is None or now.matters_for is None else set(now.matters_for)
        fewer = sorted((was_for & set(pol.thresholds)) - now_for)
        if fewer:
            yield ("tools", name, "matters_for"), f"the `{name}` tool no longer matters for {', '.join(fewer)}"
        was_by = set(was.elicited_by) if was is not None and was.elicited_by else {name}
        now_by = set(now.elicited_by) if now is not None and now.elicited_by else {name}
        if not was_by <= now_by:
            yield (("tools", name, "elicited_by"),
                   f"the `{name}` tool is stood for by {', '.join(sorted(now_by))}, not {', '.join(sorted(was_by))}")
        cleared = sorted(set(now.scopes_out if now is not None else ()) - set(was.scopes_out if was is not None else ()))
        if cleared:
            yield ("tools", name, "scopes_out"), f"the `{name}` tool now leaves {', '.join(cleared)} scoped out"
        for field in ("training_code", "weights"):  # unlisted, or no `reaches`: write (CG107)
            was_r = getattr(was.reaches, field) if was is not None and was.reaches is not None else "write"
            now_r = getattr(now.reaches, field) if now is not None and now.reaches is not None else "write"
            if _REACH.index(now_r) < _REACH.index(was_r):
                yield (("tools", name, "reaches", field),
                       f"the `{name}` tool now reaches {field.replace('_', ' ')} `{now_r}`, not `{was_r}`")
    for name in b.sensitive_domains if b is not None else ():
        old_d, new_d = prev.sensitive_domains.get(name), pol.sensitive_domains.get(name)
        cleared = sorted(set(new_d.scopes_out if new_d is not None else ())
                         - set(old_d.scopes_out if old_d is not None else ()))
        if cleared:
            yield (("sensitive_domains", name, "scopes_out"),
                   f"the sensitive domain `{name}` now leaves {', '.join(cleared)} scoped out")


def _named_loosenings(prev: Policy, pol: Policy, case: Case) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """(policy path, what) for each tool or sensitive domain the boundary's words name under the
    previous policy's `named_by` words, left off the boundary's list (CG216 under that policy), that
    the current policy no longer reads them as: a word dropped from `named_by`, or the entry gone."""
    now = {(attr, name) for attr, name, _, _ in grants_in_words(case, pol)}
    for attr, name, words, _ in grants_in_words(case, prev):
        if (attr, name) not in now:
            what = "tool" if attr == "tools" else "sensitive domain"
            yield ((attr, name, "named_by"),
                   f"the boundary's words \"{words}\" no longer name the {what} `{name}` (left off the boundary's "
                   "list, CG216)")


def _authority_loosenings(prev: Policy, pol: Policy, b: Boundary | None) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """(policy path, what) for each way `pol` asks less than `prev` of who may object, answer,
    decide and confirm, and of the plan after the decision: an open objection that may now be
    escalated (a condition, not a block), more roles that may answer objections, decide or confirm
    conditions, the escalation role accepting answers for the objector, another product role, a
    decider who may now sign or waive for the decision, a longer re-evaluation interval, unsigned
    telemetry, inability arguments, a weaker model variant where the weights are reachable, more
    access or weights access for the case's kind in the kind table, a summary no longer addressed to
    the public or published later, and more internal research instances."""
    ps, ns = prev.signoff, pol.signoff
    if ps.objections == "block" and ns.objections == "escalate":
        to = f" to `{ns.escalate_to}`" if ns.escalate_to else ""
        yield (("signoff", "objections"),
               f"an open objection may now be escalated{to}, a condition of the decision rather than a block,")
    if ps.answer_accepted_by == "objector" and ns.answer_accepted_by == "escalation":
        yield (("signoff", "answer_accepted_by"),
               "the escalation role may now accept an answer to an objection for the objector")
    if ns.product_role != ps.product_role:
        yield (("signoff", "product_role"),
               f"the product role is now `{ns.product_role}`, not `{ps.product_role}`: `{ps.product_role}` is no "
               "longer kept from approving alone or accepting residual risk")
    if b is not None:
        kind = b.kind
        more = sorted(set(ns.answerers(kind)) - set(ps.answerers(kind)))
        if more:
            yield ("signoff", "answer_roles"), f"more roles may answer an objection: {', '.join(more)}"
        required = sorted({r.role for r in ns.required_for(kind)[1]})
        was_required = sorted({r.role for r in ps.required_for(kind)[1]})
        confirm_was = ps.conditions_confirmed_by if ps.conditions_confirmed_by is not None else was_required
        confirm_now = ns.conditions_confirmed_by if ns.conditions_confirmed_by is not None else required
        more = sorted(set(confirm_now) - set(confirm_was))
        if more:
            yield (("signoff", "conditions_confirmed_by"),
                   f"more roles may confirm that a condition is met: {', '.join(more)}")
        more = sorted(set(pol.decision.roles_for(ns, kind)) - set(prev.decision.roles_for(ps, kind)))
        if more:
            yield ("decision", "deciding_roles"), f"more roles may sign the decision: {', '.join(more)}"
    if not prev.decision.decider_may_sign and pol.decision.decider_may_sign:
        yield ("decision", "decider_may_sign"), "the person who decides may now also count as one of the sign-offs"
    if not prev.decision.decider_may_waive and pol.decision.decider_may_waive:
        yield (("decision", "decider_may_waive"),
               "the person who decides may now also waive a finding the decision rests on")
    pp, np_ = prev.post_deployment, pol.post_deployment
    if np_.max_reevaluation_days > pp.max_reevaluation_days:
        yield (("post_deployment", "max_reevaluation_days"),
               f"the re-evaluation date may now be {np_.max_reevaluation_days} days away, not {pp.max_reevaluation_days}")
    if pp.signed_telemetry and not np_.signed_telemetry:
        yield (("post_deployment", "signed_telemetry"),
               "a monitor's readings now count toward its health unsigned")
    if not prev.arguments.inability and pol.arguments.inability:
        yield ("arguments", "inability"), "a domain's risk may now be argued by inability, with no safeguard on every step"
    if pol.arguments.weights_variant.rank < prev.arguments.weights_variant.rank:
        yield (("arguments", "weights_variant"),
               f"where users tune or download the weights, inability and tamper resistance may now rest on the "
               f"`{pol.arguments.weights_variant.value}` variant, not `{prev.arguments.weights_variant.value}` "
               "(no fine-tuning attack)")
    asked_was = prev.arguments.fine_tune.asked() if prev.arguments.fine_tune is not None else {}
    asked_now = pol.arguments.fine_tune.asked() if pol.arguments.fine_tune is not None else {}
    lower = [k.replace("gpu_hours", "GPU-hours") for k, v in asked_was.items() if asked_now.get(k, 0.0) < v]
    if lower:
        yield (("arguments", "fine_tune"),
               f"a checkpoint now counts as `fine-tuned` after a smaller fine-tuning attack (less asked of its "
               f"{', '.join(lower)})")
    if b is not None:
        was, now = prev.kind_properties(b.kind), pol.kind_properties(b.kind)
        wider = [f"access `{a}`" for a in now.access if a not in was.access] + [
            f"weights access `{w}`" for w in now.weights if w not in was.weights]
        if wider:
            yield (("boundary_kinds", b.kind.value),
                   f"a `{b.kind.value}` boundary may now have {', '.join(wider)} (the kind table CG105 holds the "
                   "boundary to)")
    if prev.publication.public_summary and not pol.publication.public_summary:
        yield ("publication", "public_summary"), "the summary need no longer be addressed to the public"
    if pol.publication.due_days > prev.publication.due_days:
        yield (("publication", "due_days"),
               f"the summary may now be published {pol.publication.due_days} days after the decision, not "
               f"{prev.publication.due_days}")
    if pol.internal.research_max_instances > prev.internal.research_max_instances:
        yield (("internal", "research_max_instances"),
               f"an internal-research boundary may now run {pol.internal.research_max_instances} instances at once, "
               f"not {prev.internal.research_max_instances}")


def _other_loosenings(prev: Policy, pol: Policy) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """(policy path, what) for each of the other ways `pol` asks less than `prev`: waivers,
    tolerance, evidence age and the developer's organisations, domains, preregistration, and each
    threshold's safeguard requirements and gaming margin."""
    pw, nw = prev.waivers, pol.waivers
    waivable = [c for c in pw.non_waivable if c not in nw.non_waivable]
    if waivable:
        yield ("waivers", "non_waivable"), f"findings {', '.join(waivable)} may now be waived"
    more = {code: sorted(set(roles) - set(pw.roles.get(code, []))) for code, roles in nw.roles.items()}
    more = {code: r for code, r in more.items() if r}
    if more:
        yield ("waivers", "roles"), "more roles may waive: " + "; ".join(f"{c} by {', '.join(r)}" for c, r in more.items())
    if nw.max_days > pw.max_days:
        yield ("waivers", "max_days"), f"a waiver may now last {nw.max_days} days, not {pw.max_days}"
    pt, nt = prev.tolerance, pol.tolerance
    if nt.max_bypass_rate > pt.max_bypass_rate:
        yield ("tolerance", "max_bypass_rate"), (f"the tolerated bypass rate was raised from {pt.max_bypass_rate:g} to "
                                                 f"{nt.max_bypass_rate:g}")
    for sev, old_rate in pt.harm_per_year.items():
        new_rate = nt.harm_per_year.get(sev)
        if new_rate is None or new_rate > old_rate:
            yield ("tolerance", "harm_per_year"), (f"the tolerated {sev.value} harm per year was raised from {old_rate:g} "
                                                   f"to {'no limit' if new_rate is None else f'{new_rate:g}'}")
    if nt.severe_from.rank > pt.severe_from.rank:
        yield ("tolerance", "severe_from"), f"harm counts as severe only from {nt.severe_from.value}, not {pt.severe_from.value}"
    for kind, floors in pt.min_attempts_per_year.items():
        for named, old_floor in floors.items():
            new_floor = nt.attempts_floor(kind, named)
            if new_floor is None or new_floor < old_floor:
                yield ("tolerance", "min_attempts_per_year"), (
                    f"the assumed attempts per year for {named} at {kind.value} were lowered from {old_floor:g} to "
                    f"{'none' if new_floor is None else f'{new_floor:g}'}")
    for layer, refs in prev.safeguard_tests.items():
        looser = _looser_tasks(refs, pol.safeguard_tests.get(layer, ()))
        if looser:
            yield ("safeguard_tests",), f"tests of `{layer}` safeguards may now run {looser}"
    pe, ne = prev.evidence, pol.evidence
    if pe.declared_counts == "independent" and ne.declared_counts == "any":
        yield ("evidence", "declared_counts"), ("a red team's or safeguard test's bypass counts with no log behind them "
                                                "now count on the case's word, not only when signed from outside")
    untied = [layer for layer, role in pe.layer_roles.items() if ne.layer_roles.get(layer) != role]
    if untied:
        yield ("evidence", "layer_roles"), ("tests of " + ", ".join(f"`{x}`" for x in untied) + " safeguards no "
                                            "longer need to record the deployed model of the role the previous "
                                            "version tied them to")
    newly = {role: [m for m in models if m not in pe.model_roles.get(role, ())] for role, models in ne.model_roles.items()}
    newly = {role: models for role, models in newly.items() if models}
    if newly:
        yield ("evidence", "model_roles"), (
            "a counted run may now give " + "; ".join(
                f"{'role' if role in pe.model_roles else 'a role the previous version named no model for,'} "
                f"`{role}` to {', '.join(f'`{m}`' for m in models)}" for role, models in newly.items())
            + " (CG359, and for a layer tied to the role, CG427): runs the previous version refused now count")
    if pe.aliases == "attested" and ne.aliases == "case":
        yield ("evidence", "aliases"), ("a run whose model only `system.evaluated_as` names now counts on the case's "
                                        "word, not only when signed from outside")
    if pe.declared_verdicts == "independent" and ne.declared_verdicts == "any":
        yield ("evidence", "declared_verdicts"), ("a sandbagging probe's, audit's or review's typed `passed: true` now "
                                                  "counts on the case's word, not only when signed from outside")
    if pe.declared_kinds is not None:
        wider = "every kind" if ne.declared_kinds is None else ", ".join(
            k for k in ne.declared_kinds if k not in pe.declared_kinds)
        if wider:
            yield ("evidence", "declared_kinds"), f"declared evidence (no log casegate reads) now counts for {wider}"
    softer = [k for k in pol.condition_defeaters if k not in prev.condition_defeaters]
    if softer:
        yield ("condition_defeaters",), (f"an open defeater of kind {', '.join(softer)} is now only a condition of "
                                         "the decision, not a reason it cannot pass")
    if pol.evidence.max_age_days > prev.evidence.max_age_days:
        yield ("evidence", "max_age_days"), (f"evidence may now be {pol.evidence.max_age_days} days old, not "
                                             f"{prev.evidence.max_age_days}")
    if pol.conditions.due_days > prev.conditions.due_days:
        yield ("conditions", "due_days"), (f"a decision's conditions may now stay open {pol.conditions.due_days} "
                                           f"days, not {prev.conditions.due_days}")
    gone = [o for o in prev.evidence.organisations if o not in pol.evidence.organisations]
    if gone:
        yield ("evidence", "organisations"), (f"{', '.join(gone)} is no longer named as the developer's, so its "
                                              "staff's attestations would count as independent")
    for did, old_dom in prev.domains.items():
        dom = pol.domains.get(did)
        if dom is None:
            yield ("domains",), f"risk domain `{did}` was removed from the policy"
            continue
        if old_dom.required and not dom.required:
            yield ("domains", did, "required"), f"risk domain `{did}` is no longer required"
        if old_dom.internal_relevant and not dom.internal_relevant:
            yield ("domains", did, "internal_relevant"), f"risk domain `{did}` no longer matters for internal deployment"
        if old_dom.min_severity is not None and (dom.min_severity is None or dom.min_severity.rank < old_dom.min_severity.rank):
            shown = "none" if dom.min_severity is None else dom.min_severity.value
            yield ("domains", did, "min_severity"), (f"the least severity of a pathway in risk domain `{did}` was lowered "
                                                     f"from {old_dom.min_severity.value} to {shown}")
        if old_dom.scoped_out_at is not None and (dom.scoped_out_at is None
                                                  or not set(dom.scoped_out_at) <= set(old_dom.scoped_out_at)):
            kinds = "any" if dom.scoped_out_at is None else ", ".join(
                k.value for k in dom.scoped_out_at if k not in old_dom.scoped_out_at)
            yield ("domains", did, "scoped_out_at"), f"risk domain `{did}` may now be scoped out at {kinds} boundaries"
    if prev.preregistration.required and not pol.preregistration.required:
        yield ("preregistration", "required"), "preregistered evaluation protocols are no longer required"
    for tid, old_th in prev.thresholds.items():
        th = pol.thresholds.get(tid)
        if th is None:
            continue  # CG321 blocks a removed threshold
        dropped = [r for r in old_th.safeguards if not any(
            n.boundary == r.boundary and n.level == r.level and n.min_layers >= r.min_layers
            and set(r.layers) <= set(n.layers) for n in th.safeguards)]
        if dropped:
            yield ("thresholds", tid, "safeguards"), (
                f"`{tid}` asks less of the safeguards: "
                + "; ".join(f"{r.boundary.value} at {r.level} ({r.min_layers} layer(s)"
                            + (f": {', '.join(r.layers)}" if r.layers else "") + ")" for r in dropped)
                + " no longer required as before")
        if old_th.gaming_margin is not None and (th.gaming_margin is None or th.gaming_margin < old_th.gaming_margin):
            shown = "removed" if th.gaming_margin is None else f"{th.gaming_margin:g}"
            yield ("thresholds", tid, "gaming_margin"), f"`{tid}` gaming margin lowered from {old_th.gaming_margin:g} to {shown}"
        looser = _looser_tasks(old_th.tasks, th.tasks)
        if looser:
            yield ("thresholds", tid, "tasks"), f"`{tid}` may now be measured on {looser}"
        if old_th.security_level is not None and (
                th.security_level is None or level_meets(th.security_level, old_th.security_level) is not True):
            shown = "none" if th.security_level is None else th.security_level
            yield ("thresholds", tid, "security_level"), (
                f"`{tid}` now requires weight security {shown}, not {old_th.security_level} (CG421 holds a reached "
                "threshold to the level an outside audit signed)")
        carried = _carry_loosening(old_th.carry_over, th.carry_over)
        if carried:
            yield ("thresholds", tid, "carry_over"), f"`{tid}` {carried}"
        if old_th.external_from is not None and (th.external_from is None
                                                 or th.external_from.rank > old_th.external_from.rank):
            now = "at no boundary" if th.external_from is None else f"only from `{th.external_from.value}`"
            yield ("thresholds", tid, "external_from"), (
                f"`{tid}` now asks for an outside evaluator's run {now}, not from `{old_th.external_from.value}` "
                "(CG434)")


def _carry_loosening(old: CarryOver | None, new: CarryOver | None) -> str | None:
    """How `new` lets an update carry a predecessor's runs where `old` did not, in words: carrying
    allowed at all, a higher margin, or an indicator that keeps none of the old one's pins; None
    when it asks as much."""
    if new is None:
        return None
    if old is None:
        return (f"may now carry a predecessor's runs (`carry_over`, indicator {_task_shown(new.indicator)}, margin "
                f"{new.margin:g}), which the previous version's policy did not allow")
    if new.margin > old.margin:
        return f"carries a predecessor's runs past an indicator that rose up to {new.margin:g}, not {old.margin:g}"
    looser = _looser_tasks([old.indicator], [new.indicator])
    return f"carries a predecessor's runs on the indicator {looser}" if looser else None


_TASK_PINS = ("name", "version", "digest", "prompt", "revision", "package")


def _pinned_as(new: TaskRef, old: TaskRef) -> bool:
    """Whether `new` asks at least what `old` asks of a run: every pin `old` sets, set to the same."""
    return all(getattr(old, f) is None or getattr(new, f) == getattr(old, f) for f in _TASK_PINS)


def _looser_tasks(before: Sequence[TaskRef], now: Sequence[TaskRef]) -> str | None:
    """How the task references `now` let a run count that `before` did not, in words: none left,
    or a reference that does not keep every pin (name, version, sample digest, prompt digest, code
    revision, package) of one before it; None when each keeps one's pins."""
    if not before:
        return None
    if not now:
        return "any task (the previous policy named " + ", ".join(_task_shown(r) for r in before) + ")"
    looser = [r for r in now if not any(_pinned_as(r, o) for o in before)]
    if not looser:
        return None
    return ("; ".join(_task_shown(r) for r in looser) + ", which keeps the pins of no task the previous policy "
            "named (" + "; ".join(_task_shown(r) for r in before) + ")")


def _task_shown(r: TaskRef) -> str:
    pins = [f"{f} {str(v)[:19] if f in ('digest', 'prompt') else v}" for f in _TASK_PINS
            if (v := getattr(r, f)) is not None]
    return "{" + ", ".join(pins) + "}"


def _eval_sets(case: Case, tid: str) -> set[str]:
    out: set[str] = set()
    for _, ev in _evals(case, tid):
        out.update(ev.eval_set)
    return out


@rule(
    "CG322", "eval-set-narrowed", severity="blocking", serves="fm-threshold-gaming",
    summary="The evaluations of a threshold cover fewer tasks or datasets than in the previous version.",
    rationale="Dropping the hard part of a suite is the quietest way to move a score under a threshold. "
              "The evaluation set of a threshold may grow between versions; it may not shrink.",
    bad="# previous: eval_set [ctf/web, ctf/pwn, ctf/crypto]\nE-ctf: {eval_set: [ctf/web, ctf/crypto], ...}",
    good="E-ctf: {eval_set: [ctf/web, ctf/pwn, ctf/crypto], ...}",
    fix="Restore the dropped tasks (or replace them with harder ones) and re-run the evaluation.",
)
def eval_set_narrowed(ctx: Context) -> Iterator[Hit]:
    prev = ctx.previous
    if prev is None:
        return
    for tid in ctx.policy.thresholds:
        before, now = _eval_sets(prev, tid), _eval_sets(ctx.case, tid)
        cur = _evals(ctx.case, tid)
        dropped = sorted(before - now)
        if not dropped or not cur:
            continue
        eid = next((e for e, ev in cur if ev.eval_set), cur[0][0])
        yield Hit(("evidence", eid, "eval_set"),
                  f"evaluations of `{tid}` no longer cover {', '.join(dropped)} "
                  f"({len(now)} of the previous {len(before)} task sets remain or were added)")


@rule(
    "CG350", "evaluation-run-dropped", severity="blocking", serves="fm-threshold-gaming",
    summary="An evaluation of a threshold in the version compared with is gone from this one (its "
            "artifact, with the further files its counts are read from, no longer cited as they were): of "
            "the same weights (a digest in common, or, with a registry, weights it hashed for both), at all; "
            "of other weights, with no run of that threshold dated after it in "
            "its place (with a registry, no later than the registry first logged that run, under any "
            "bytes, dates or names; a run that records no input or output cannot show it is newer).",
    rationale="A run that came out badly can simply be left out of the next version: the rules then "
              "judge the runs that remain. An evaluation, once submitted, is part of the record. Of the "
              "same weights, a newer run is another sample of the same capability, not a correction: "
              "it adds to the old one, and running again until the number falls and keeping only the "
              "last is how a threshold is gamed. For new weights, a newer run of the threshold takes "
              "the old one's place, and a copy of an earlier run whose log was re-dated is not newer: the "
              "registry dates a run by when it first logged it. A run past the policy's maximum age may go; "
              "an earlier `expires` the case typed over it does not let it go.",
    bad="# previous (same weights): E-ctf 33/200 measures cyber-high\n"
        "evidence: {E-ctf: {threshold: cyber-high, artifact: evals/ctf-rerun.json, ...}}  # 19/200",
    good="evidence: {E-ctf: {threshold: cyber-high, ...}, E-ctf-rerun: {threshold: cyber-high, ...}}",
    fix="Keep the run in the case (the gate counts the highest bound of all runs), or, for new "
        "weights, cite a newer run of the same threshold that replaces it.",
)
def evaluation_run_dropped(ctx: Context) -> Iterator[Hit]:
    prev = ctx.previous
    if prev is None:
        return
    same = same_weights(ctx)
    dates = ctx.artifact_dates
    for tid in ctx.policy.thresholds:
        cur = _evals(ctx.case, tid)
        have = {run_key(eid, ev) for eid, ev in cur}
        # a run is no newer than the registry's first logging of it (of its bytes, or of the same
        # run under other dates and names): a re-dated copy of an earlier run replaces nothing
        # a run known by its names only (no input or output recorded) may be a renamed copy of an
        # earlier one: its date cannot show it is newer
        named = [eid for eid, ev in cur if dates is not None and dates.named_only(ev)]
        newest = max((evidence_dated(ev, dates) for eid, ev in cur if eid not in named), default=None)
        capped = [f"`{eid}` is dated {ev.date.isoformat()}, but the registry first logged {seen.how()} on "
                  f"{seen.at.date().isoformat()}" for eid, ev in cur
                  if dates is not None and (seen := dates.first_logged(ev)) is not None
                  and seen.at.astimezone(dt.UTC).date() < ev.date]
        gone = [(eid, ev) for eid, ev in _evals(prev, tid)
                if run_key(eid, ev) not in have and not aged_out(ev, ctx)
                and (same or newest is None or newest <= ev.date)]
        if not gone:
            continue
        path: tuple[str | int, ...] = ("evidence", cur[0][0]) if cur else ("evidence",)
        cited = {ev.sha256 for _, ev in cur if ev.sha256}
        runs = ", ".join(f"`{eid}` ({ev.date.isoformat()}" + (f", {ev.sha256[:12]}" if ev.sha256 else "")
                         + ("; its artifact is still cited, but with other bytes in the files its counts are read "
                            "from" if ev.sha256 in cited else "") + ")"
                         for eid, ev in gone)
        if same:
            yield Hit(path, f"evaluations of `{tid}` no longer include {runs}, of the same weights: a newer run "
                            "adds to a run of the same model, it does not replace it")
        else:
            yield Hit(path, f"evaluations of `{tid}` no longer include {runs}, and no run of it dated later took "
                            + ("its" if len(gone) == 1 else "their") + " place"
                            + (f" ({'; '.join(capped)})" if capped else "")
                            + _named_note([e for e, ev in cur if e in named
                                           and any(evidence_dated(ev, dates) > g.date for _, g in gone)]))


def _named_note(named: list[str]) -> str:
    """Why runs that would have taken a dropped run's place do not: they record no input or output."""
    if not named:
        return ""
    one = len(named) == 1
    return (f"; {', '.join(f'`{e}`' for e in named)} record{'s' if one else ''} no input or output, so a renamed "
            f"copy of an earlier run cannot be told from {'it' if one else 'them'}: {'its' if one else 'their'} "
            "date is the lab's word")


def _strongest(case: Case, tid: str) -> dict[str, tuple[float, str, str]]:
    """Per elicitation dimension: (strength, shown value, evidence id) of the strongest evaluation."""
    best: dict[str, tuple[float, str, str]] = {}

    def put(k: str, v: float, shown: str, eid: str) -> None:
        if k not in best or v > best[k][0]:
            best[k] = (v, shown, eid)

    for eid, ev in _evals(case, tid):
        e = ev.elicitation
        if e is not None:
            put("attempts", e.attempts, str(e.attempts), eid)
            put("scaffold", e.scaffold.rank, e.scaffold.value, eid)
            put("variant", e.variant.rank, e.variant.value, eid)
            if e.budget_tokens is not None:
                put("budget_tokens", e.budget_tokens, f"{e.budget_tokens:,}", eid)
        counts = proportion(ev)
        if counts is not None:
            put("samples", counts[1], str(counts[1]), eid)
    return best


@rule(
    "CG323", "elicitation-weaker-than-before", severity="blocking", serves="fm-threshold-gaming",
    summary="A threshold's evaluations use fewer attempts, a weaker scaffold or model variant, a "
            "smaller budget or fewer samples than in the previous version.",
    rationale="Less elicitation than last time lowers measured capability without any change in the "
              "model. Meeting the policy minimum is not enough when the case itself once did more: the "
              "previous version is the floor.",
    bad="# previous: attempts 10, scaffold expert-agent\nE-ctf: {elicitation: {attempts: 5, scaffold: agent, ...}}",
    good="E-ctf: {elicitation: {attempts: 10, scaffold: expert-agent, ...}}",
    fix="Re-run with at least the previous version's elicitation.",
)
def elicitation_weaker_than_before(ctx: Context) -> Iterator[Hit]:
    prev = ctx.previous
    if prev is None:
        return
    for tid in ctx.policy.thresholds:
        before, now = _strongest(prev, tid), _strongest(ctx.case, tid)
        if not now:
            continue
        for dim, (bv, bshown, _) in before.items():
            cur = now.get(dim)
            if cur is not None and cur[0] >= bv:
                continue
            eid = cur[2] if cur else next(iter(now.values()))[2]
            if dim == "samples":
                path: tuple[str | int, ...] = ("evidence", eid, "result")
            elif cur is None:
                path = ("evidence", eid, "elicitation")
            else:
                path = ("evidence", eid, "elicitation", dim)
            shown = cur[1] if cur else "none recorded"
            yield Hit(path, f"evaluations of `{tid}`: {dim.replace('_', ' ')} {shown}, weaker than the "
                            f"previous version's {bshown}")


def _previous_estimate(ctx: Context, tid: str) -> float | None:
    prev = ctx.previous
    if prev is None:
        return None
    ests = [c[0] / c[1] for _, ev in _evals(prev, tid) if (c := proportion(ev)) is not None]
    return max(ests) if ests else None


@rule(
    "CG324", "score-parked-under-threshold", severity="condition", serves="fm-threshold-gaming",
    summary="A point estimate sits within the policy's gaming margin just under a threshold or its "
            "alert level (blocking when the previous version's estimate was at or above that level).",
    rationale="Scores that land just under the line, version after version, suggest the evaluation is "
              "being tuned to the gate rather than the gate measuring the model. A score that fell to "
              "just under the line since the last version is the clearest sign.",
    bad="# cyber-high value 0.30, gaming_margin 0.03\nE-ctf: {result: {successes: 580, trials: 2000}}   # estimate 0.29",
    good="E-ctf: {result: {successes: 400, trials: 2000}}   # 0.20, well under",
    fix="Have the evaluation re-run independently (or on a held-out set) and treat the threshold as "
        "reached if the re-run lands at or above it.",
)
def score_parked_under_threshold(ctx: Context) -> Iterator[Hit]:
    for tid, st in capability_status(ctx).items():
        th = ctx.policy.thresholds[tid]
        if th.gaming_margin is None:
            continue
        prev_est = _previous_estimate(ctx, tid)
        for b in st.counted:
            for what, level in (("threshold", th.value), ("alert level", th.alert)):
                if level is None or not level - th.gaming_margin <= b.estimate < level:
                    continue
                fell = prev_est is not None and prev_est >= level
                tail = f"; the previous version's estimate was {prev_est:.3f}" if prev_est is not None else ""
                yield Hit(("evidence", b.evidence, "result"),
                          f"`{b.evidence}` estimates {b.estimate:.3f} for `{tid}`, within {th.gaming_margin:g} "
                          f"under the {what} {level:g}{tail}",
                          severity=RuleSeverity.blocking if fell else None)
