"""The versions a decision is compared with: the previous submitted version and the last approved
one (fetched from the registry by the caller), or a file given with --previous, and the signed
policy changes logged in the registry. Every threshold-gaming rule runs against each of them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from ..checks import Context, run_checks
from ..model import Baseline, Case, Finding, IncidentDefeat, Policy, PolicyChange

GAMING = "fm-threshold-gaming"
"""The failure mode whose rules compare versions."""


@dataclass(frozen=True)
class Compared:
    """One earlier version, loaded."""

    baseline: Baseline
    case: Case
    policy: Policy | None


@dataclass(frozen=True)
class Comparison:
    """What the registry (or the caller) remembers for one decision."""

    versions: Sequence[Compared] = ()
    """Earlier versions to compare with, the previous submitted one first; the same version is
    listed once even when it is both."""
    policy_changes: Sequence[PolicyChange] = ()
    """Signed policy changes, each with its verification problems (none when trusted)."""
    incidents: Sequence[IncidentDefeat] = ()
    """Incidents that defeated claims of an earlier version: each must be answered (CG708)."""
    why_none: str | None = None
    """Why `versions` is empty (e.g. 'first version in the registry')."""
    notes: list[str] = field(default_factory=list)
    """What could not be fetched, in words (kept in the decision record)."""


NOT_CONFIGURED = "no registry configured and no --previous given"


def compared_with(comparison: Comparison | None) -> list[str]:
    """The decision record's `compared_with` lines."""
    if comparison is None:
        return [f"nothing: {NOT_CONFIGURED}"]
    if not comparison.versions:
        return [f"nothing: {comparison.why_none or 'no earlier version'}"] + comparison.notes
    return [f"{c.baseline.role}: {c.baseline.label}" for c in comparison.versions] + comparison.notes


def other_baselines(ctx: Context, comparison: Comparison, found: Sequence[Finding]) -> list[Finding]:
    """The threshold-gaming findings against each baseline after the first (the first is the
    context's own `previous`), keeping only those not already `found`."""
    out: list[Finding] = []
    seen: set[tuple[str, tuple[str | int, ...]]] = {(f.code, tuple(f.path)) for f in found}
    for c in comparison.versions[1:]:
        other = replace(ctx, previous=c.case, previous_policy=c.policy, baseline=c.baseline, memo={})
        for f in run_checks(other, select=lambda r: r.serves == GAMING):
            key = (f.code, tuple(f.path))
            if key in seen:
                continue
            seen.add(key)
            tail = "" if c.baseline.label in f.message else f" (compared with {c.baseline.label})"
            out.append(f.model_copy(update={"message": f.message + tail}))
    return out
