"""Mutations that rewrite an evaluation artifact, as a lab would once the gate reads counts,
elicitation and task sets from the artifacts instead of the records: a modified copy of the log
is written into the mutation's own temporary workspace and its digest re-pinned in the copy of
the case. The original files are never touched.

Rewriting is built for casegate-results JSON logs (the format the examples use); an Inspect AI or
lm-evaluation-harness log is reported as not applicable, with that reason."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from ..evidence import EvidenceFacts
from ..load import Loaded
from ..model import Case, Evidence, Policy

RESULTS_FORMAT = "casegate-results/"


@dataclass(frozen=True)
class Subject:
    """What a mutation that may rewrite artifacts sees."""

    loaded: Loaded
    case: Case
    """The case as written (the records)."""
    policy: Policy
    effective: Case
    """The case as its artifacts show it (derived counts, elicitation, metric, task set)."""
    facts: EvidenceFacts | None


@dataclass(frozen=True)
class ArtifactEdit:
    """An edited copy of the case and policy, with the artifacts rewritten for it."""

    case: Case
    """The edited case, each rewritten artifact's new sha256 pinned."""
    policy: Policy
    files: dict[str, bytes] = field(default_factory=dict)
    """Evidence id -> the rewritten artifact's bytes."""


def capability_evals(case: Case, policy: Policy) -> list[tuple[str, Evidence]]:
    """Evaluations of a policy threshold with counts (as `case` shows them)."""
    return [(eid, e) for eid, e in case.evidence.items()
            if e.kind == "eval" and e.threshold in policy.thresholds and e.result is not None
            and e.result.successes is not None and e.result.trials]


def worst_eval(case: Case, policy: Policy) -> tuple[str, Evidence] | None:
    """The capability evaluation whose rate is closest to (or past) its threshold."""
    evals = capability_evals(case, policy)
    if not evals:
        return None

    def ratio(item: tuple[str, Evidence]) -> float:
        r, th = item[1].result, policy.thresholds[item[1].threshold or ""]
        assert r is not None and r.successes is not None and r.trials
        return (r.successes / r.trials) / (th.value or 1.0)

    return max(evals, key=ratio)


def results_log(s: Subject, eid: str) -> dict[str, Any] | str:
    """The evidence item's artifact as a casegate-results document, or why it cannot be rewritten."""
    path = s.loaded.artifact_path(eid)
    if path is None:
        return f"`{eid}` has no artifact to rewrite"
    try:
        raw = path.read_bytes()
    except OSError:
        return f"`{eid}`'s artifact cannot be read"
    if RESULTS_FORMAT.encode() not in raw[:512]:
        return f"`{eid}`'s artifact is not a casegate-results log (rewriting Inspect and lm-eval logs is not built)"
    try:
        doc = json.loads(raw)
    except ValueError:
        return f"`{eid}`'s artifact is not JSON"
    return doc if isinstance(doc, dict) else f"`{eid}`'s artifact is not a results document"


def rewritten(s: Subject, eid: str, doc: dict[str, Any], *, case: Case | None = None,
              policy: Policy | None = None) -> ArtifactEdit:
    """The case (or `case`) with `eid`'s artifact replaced by `doc`, its new digest pinned."""
    data = json.dumps(doc, separators=(",", ":")).encode()
    base = case or s.case
    ev = base.evidence[eid].model_copy(update={"sha256": hashlib.sha256(data).hexdigest()})
    return ArtifactEdit(base.model_copy(update={"evidence": {**base.evidence, eid: ev}}), policy or s.policy,
                        {eid: data})


def successful_ids(doc: dict[str, Any]) -> list[str]:
    """Sample ids with a successful score in some epoch, in log order."""
    out: list[str] = []
    for smp in doc.get("samples") or []:
        if isinstance(smp, dict) and float(smp.get("score") or 0) >= 1 and smp.get("id") not in out:
            out.append(str(smp.get("id")))
    return out
