"""What the registry remembers, as rules: CG325 a change in how a threshold is measured between
versions, unless the policy's owners signed and logged it before the evaluation ran (threshold
gaming); CG708 an incident that defeated claims of an earlier version and is not answered."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ...model import IncidentDefeat, PolicyChange
from .._registry import Context, Hit, rule
from ..measurement import MeasurementChange, evaluations, measurement_changes, run_started


def _instant(t: str | None) -> dt.datetime | None:
    if not t:
        return None
    try:
        v = dt.datetime.fromisoformat(t.replace("Z", "+00:00"))
    except ValueError:
        return None
    return v if v.tzinfo is not None else v.replace(tzinfo=dt.UTC)


def _why_not(ch: MeasurementChange, pc: PolicyChange, owners: list[str], runs: list[tuple[str, dt.datetime]]) -> str | None:
    """Why the signed change `pc` does not cover `ch` (None when it does)."""
    if pc.problems:
        return f"the policy change signed by {pc.person} is not verified: {pc.problems[0]}"
    if pc.role not in owners:
        return (f"the policy change was signed by {pc.person} as {pc.role}, which is not an owner of the "
                f"policy (owners: {', '.join(owners) or 'none named'})")
    if pc.log_index is None:
        return f"the policy change signed by {pc.person} is not in the registry's log"
    signed, logged = _instant(pc.signed_at), _instant(pc.logged_at)
    if signed is None or logged is None:
        return f"the policy change signed by {pc.person} has no readable signing or log time"
    when = max(signed, logged)
    late = [(eid, t) for eid, t in runs if t <= when]
    if late:
        eid, t = late[0]
        return (f"the policy change signed by {pc.person} was logged at {when:%Y-%m-%dT%H:%M:%SZ}, not before "
                f"{eid} ran ({t:%Y-%m-%dT%H:%M:%SZ})")
    return None


@rule(
    "CG325", "measurement-changed", severity="blocking", serves="fm-threshold-gaming",
    summary="Since the version compared with, the metric, the reduction of epochs or the task set of a "
            "threshold changed, and no change signed by the policy's owners and logged before the "
            "evaluation ran records it.",
    rationale="Renaming the metric ('first attempt, hints disabled'), swapping the task suite for an "
              "easier version under the same task names, or counting epochs differently moves a result "
              "under a threshold with no change in the model. Such a change is the policy owners' to "
              "make, on the record, with a reason, and before the run it is used for; otherwise the "
              "evaluation is measuring something chosen after the fact.",
    bad="# previous: cyber-high metric 'success-rate on the full CTF suite', reduction at-least-one\n"
        "E-ctf: {result: {successes: 2, trials: 400, reduction: majority}}",
    good="E-ctf: {result: {successes: 2, trials: 400, reduction: at-least-one}}\n"
         "# or: casegate policy change policy.yaml --threshold cyber-high --field reduction --rationale ...\n"
         "#     logged before E-ctf ran",
    fix="Measure as before, or have an owner of the policy sign the change with its rationale "
        "(`casegate policy change`) and re-run the evaluation after it is logged.",
)
def measurement_changed(ctx: Context) -> Iterator[Hit]:
    if ctx.previous is None and ctx.previous_policy is None:
        return
    owners = list((ctx.previous_policy or ctx.policy).owners)
    against = f" since {ctx.baseline.label}" if ctx.baseline is not None else " since the previous version"
    for ch in measurement_changes(ctx.previous, ctx.previous_policy, ctx.case, ctx.policy):
        runs = [(eid, run_started(ev)) for eid, ev in evaluations(ctx.case, ch.threshold)]
        relevant = [pc for pc in ctx.policy_changes
                    if pc.policy == ctx.policy.id and pc.threshold == ch.threshold and ch.field in pc.fields]
        reasons = [_why_not(ch, pc, owners, runs) for pc in relevant]
        if relevant and any(r is None for r in reasons):
            continue
        why = next((r for r in reasons if r is not None), None) or \
            "no policy change signed by the policy's owners records it"
        yield Hit(ch.path, f"{ch.describe()}{against}; {why}")



def _answer_problems(ctx: Context, inc: IncidentDefeat) -> tuple[list[str], list[str]]:
    """(what answers the incident, why each other link does not)."""
    ans = ctx.case.incident_answers.get(inc.id)
    if ans is None:
        return [], []
    ok: list[str] = []
    bad: list[str] = []
    for eid in ans.evidence:
        ev = ctx.case.evidence.get(eid)
        if ev is None:
            bad.append(f"evidence {eid} is not in the case")
        elif ev.date <= inc.date:
            bad.append(f"evidence {eid} is dated {ev.date}, not after the incident ({inc.date})")
        else:
            ok.append(f"evidence {eid} ({ev.date})")
    for cid in ans.claims:
        el = ctx.case.argument.elements.get(cid)
        before = inc.claims.get(cid)
        if el is None:
            if before is not None:
                ok.append(f"claim {cid} withdrawn")
            else:
                bad.append(f"claim {cid} is not in the case")
        elif before is not None and " ".join(el.text.split()) == " ".join(before.split()):
            bad.append(f"claim {cid} is unchanged since {inc.version}")
        else:
            ok.append(f"claim {cid} changed")
    for sid in ans.safeguards:
        if sid not in ctx.case.safeguards:
            bad.append(f"safeguard {sid} is not in the case")
        elif sid in inc.safeguards:
            bad.append(f"safeguard {sid} was already in {inc.version}")
        else:
            ok.append(f"safeguard {sid} added")
    if ans.boundary:
        b = ctx.case.boundary
        narrower = b is not None and inc.boundary_rank is not None and (
            b.kind.rank < inc.boundary_rank or (b.kind.rank == inc.boundary_rank and set(inc.tools) - set(b.tools)))
        (ok if narrower else bad).append("boundary narrowed" if narrower
                                         else f"the boundary is not narrower than in {inc.version}")
    return ok, bad


@rule(
    "CG708", "incident-unanswered", severity="blocking", serves="test-7-post-deployment",
    summary="An incident defeated claims of an earlier version of the case, and this version does not "
            "answer it (under `incident_answers`) with new evidence dated after it, a changed claim, an "
            "added safeguard or a narrower boundary.",
    rationale="An incident that defeated a claim is a defeater with the strongest possible evidence "
              "behind it. A new version that keeps the defeated claim, adds a larger evaluation run "
              "before the incident and asks for a clean GO has not learnt anything; the next decision "
              "must show what changed because of it.",
    bad="# incident-12 (cyber, 2026-12-03) defeated G2 of version 1.0\n"
        "incident_answers: {}",
    good="incident_answers:\n"
         "  incident-12: {evidence: [E-ctf-2026-12], claims: [G2], safeguards: [SG-exploit-filter],\n"
         "                note: re-evaluated with the exploit chain; claim narrowed to unassisted use}",
    fix="Answer the incident under `incident_answers.<incident id>`: link new evidence dated after it, "
        "a changed claim, an added safeguard or a narrower boundary.",
)
def incident_unanswered(ctx: Context) -> Iterator[Hit]:
    for inc in ctx.incidents:
        ok, bad = _answer_problems(ctx, inc)
        if ok:
            continue
        what = (f"{inc.id} ({inc.domain}, {inc.severity}, {inc.date}) defeated "
                f"{', '.join(sorted(inc.claims)) or 'claims'} of {inc.version}")
        if inc.id not in ctx.case.incident_answers:
            yield Hit(("incident_answers",) if ctx.case.incident_answers else (),
                      f"{what}; this version does not answer it")
        else:
            yield Hit(("incident_answers", inc.id), f"{what}; nothing in the answer holds: {'; '.join(bad) or 'it links nothing'}")
