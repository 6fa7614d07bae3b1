"""Conditions where users download the weights: a condition is met after the decision, and its
only enforcement is that the deploy stops verifying once it falls due unmet. Weights already
downloaded are not recalled by that, so a condition that bounds the release's risk (a capability at
its alert level to monitor and re-evaluate, a doubt or objection to answer, a run to complete) would
have to be met before the weights are published: at such a boundary it blocks, saying how to meet it
now. Conditions about what the public or a regulator is told (the summary's redactions, a regime's
document) still do what they are for when met after release, and stay conditions."""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Finding, RuleSeverity
from ._derived import weights_access
from ._registry import Context

TOLD_AFTER = frozenset({"CG603", "CG605", "CG1001"})
"""Condition rules about what the public summary or a regime's document says: met after release,
the summary or the document still says it, so they stay conditions where the weights are downloaded."""

NOW: dict[str, str] = {
    "CG305": "show with a larger evaluation (of the checkpoint the policy names for reachable weights) that the "
             "bound is under the alert level; monitoring the domain and re-evaluating after release bound "
             "nothing once the weights are out",
    "CG204": "address the domain with pathways and safeguards that go with the weights, or show with a larger "
             "evaluation that the capability is under the alert level",
    "CG321": "evaluate against the previous definition as well, and record the policy change and its approval, "
             "before the decision",
    "CG324": "have the evaluation re-run independently (or on a held-out set) before the decision, and treat the "
             "threshold as reached if the re-run lands at or above it",
    "CG335": "run the whole dataset (re-run the samples that errored) before the decision",
    "CG707": "describe `post_deployment.incident_reporting`, or add a trigger `on: incident`, in this version",
}
"""How to meet, before the weights are published, the conditions of rules whose own fix is worded as
something done after the decision; the others' own fix is followed, before the decision."""


def downloaded(ctx: Context) -> str | None:
    """The boundary `ctx` evaluates, in words, where users across it download the weights (no
    waiver applies there: `casegate.gate._waivers.unrecallable`); None elsewhere."""
    if weights_access(ctx) != "download":
        return None
    return f"`{ctx.boundary.value}`" if ctx.boundary is not None else "this boundary"


def before_release(findings: Iterable[Finding], downloaded: str | None) -> list[Finding]:
    """`findings`, each condition that would be met after release made blocking where users across
    the boundary download the weights (`downloaded`: the boundary in words, `downloaded(ctx)`; None
    elsewhere, where nothing changes). The one place this is decided: the gate applies it to what
    it decides on, and `casegate check` (and whatever else shows a finding's severity before a
    decision: the diagram's marks, a regime's gaps) to what it shows, so neither says "condition"
    of a finding the other blocks on."""
    out = list(findings)
    if downloaded is None:
        return out
    for i, f in enumerate(out):
        if f.severity is not RuleSeverity.condition or f.waived is not None or f.code in TOLD_AFTER:
            continue
        own = (f.help or "").replace("before the condition's due date", "before the decision").rstrip(". ")
        how = NOW.get(f.code) or own or "meet it before the decision"
        out[i] = f.model_copy(update={
            "severity": RuleSeverity.blocking,
            "message": f"{f.message}; at {downloaded} the weights are downloaded: as a condition it would be met "
                       "after release, when every copy taken stays out, so it has to be met before the weights "
                       "are published",
            "help": f"before the weights are published: {how}; or gate a boundary where the weights stay with the "
                    "lab (hosted fine-tuning, an API), where a condition can still be enforced",
        })
    return out
