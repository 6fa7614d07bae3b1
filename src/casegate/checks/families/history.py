"""CG325-CG329: what the registry remembers. A change in how a threshold is measured between
versions, unless the policy's owners signed and logged it before the evaluation ran (threshold
gaming)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ...model import PolicyChange
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

