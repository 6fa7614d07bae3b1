"""What `casegate evidence show ID` prints: the facts derived from one item's artifact, where each
was read, how the gate counts it under the policy, and what in the record disagrees."""

from __future__ import annotations

from typing import Any

from ..errors import InputError
from ..load import Loaded
from ..model._policy import effort_words
from ._artifacts import rehash_artifacts
from ._derive import derive_evidence
from ._facts import apply_facts, artifact_field


def describe_evidence(loaded: Loaded, eid: str, *, cache: bool = True) -> dict[str, Any]:
    """A JSON-able account of evidence item `eid`: declared or derived, each derived fact with the
    artifact field it comes from, the counts under the policy's reduction, the mismatches with the
    record and the problems that stop it counting. Raises InputError for an unknown id."""
    case, policy = loaded.case, loaded.policy
    if case is None or policy is None:
        raise InputError("the case (or its policy) cannot be loaded", help="run `casegate check` for the findings")
    if eid not in case.evidence:
        raise InputError(f"no evidence item `{eid}` in the case",
                         help="use one of: " + (", ".join(case.evidence) or "(none)"))
    artifacts = rehash_artifacts(loaded)
    derived = derive_evidence(loaded, {eid: artifacts[eid]} if eid in artifacts else {}, cache=cache)
    st = artifacts.get(eid)
    digests = {eid: st.actual_sha256} if st is not None and st.matches and st.actual_sha256 else {}
    effective, facts = apply_facts(case, policy, derived, attestations=loaded.attestations, digests=digests,
                                   authority=getattr(loaded, "authority", None))
    d = derived[eid]
    ev = effective.evidence[eid]
    th = policy.thresholds.get(ev.threshold) if ev.threshold else None
    out: dict[str, Any] = {"id": eid, "kind": ev.kind, "artifact": d.artifact, "declared": d.declared,
                           "problem": d.problem, "threshold": ev.threshold}
    run = d.run
    if run is not None:
        el = run.elicitation

        def fact(name: str, value: Any) -> dict[str, Any]:
            return {"value": value, "from": artifact_field(name, run.tool)}

        r = ev.result
        out["tool"] = run.tool
        out["cached"] = d.cached
        out["derived"] = {
            "counts": fact("counts", {"bypasses": r.bypasses, "attempts": r.attempts}
                           if r is not None and r.attempts is not None else
                           None if r is None or r.successes is None else
                           {"successes": r.successes, "trials": r.trials,
                            "reduction": th.reduction if th else "any", "k": th.k if th else None}),
            "scored_samples": run.scored_samples or run.source.scored,
            "model": fact("model", run.source.model),
            "variant": {"value": run.variant, "from": run.variant_field or artifact_field("variant", run.tool)},
            "fine_tune": {"value": effort_words(run.fine_tune) or None,
                          "from": run.fine_tune_field or artifact_field("fine_tune", run.tool)},
            "attempts": fact("attempts", el.attempts),
            "epochs": fact("epochs", run.source.epochs),
            "tools": fact("tools", list(el.tools)),
            "scaffold": fact("scaffold", el.scaffold.value),
            "budget_tokens": fact("budget_tokens", el.budget_tokens),
            "time_limit": fact("time_limit", run.time_limit),
            "task": fact("task", run.task),
            "task_version": fact("task_version", run.source.task_version),
            "sample_digest": fact("sample_digest", run.sample_digest),
            "prompt_digest": fact("prompt_digest", run.source.prompt_digest),
            "cost_limit": fact("cost_limit", el.cost_limit),
            "model_roles": fact("model_roles", dict(run.source.model_roles)),
            "scorer": fact("scorer", run.source.scorer or run.result.metric),
            "status": fact("status", run.source.status + (" (invalidated)" if run.source.invalidated else "")
                           if run.source.status else None),
            "date": fact("date", run.date),
        }
    out["mismatches"] = [{"fact": m.fact, "recorded": m.recorded, "derived": m.derived, "from": m.artifact_field}
                         for m in facts.mismatches if m.evidence_id == eid]
    out["problems"] = [p.message for p in facts.problems if p.evidence_id == eid]
    ind = facts.independence.get(eid)
    if ind is not None:
        out["independence"] = {"declared": ind.declared, "independent": ind.independent,
                               "attested_by": list(ind.attested_by), "reasons": list(ind.reasons),
                               "developer_organisations": list(facts.developer_organisations)}
    if eid in facts.excluded:
        out["counts_for_nothing"] = facts.excluded[eid]
    return out


__all__ = ["describe_evidence"]
