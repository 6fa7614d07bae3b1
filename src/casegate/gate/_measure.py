"""The numbers behind a decision, as the gate computes them, for charts: per threshold the
estimate, the one-sided upper bound the gate uses, the alert level and the threshold; per pathway
the propagated residual-risk bound and the tolerance."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from ..checks import Context
from ..checks._derived import capability_status, pathway_risk
from ..evidence import ArtifactState, facts_for, rehash_artifacts
from ..load import Loaded


class ThresholdMeasure(NamedTuple):
    """One policy threshold and the evaluation its status rests on."""

    threshold: str
    title: str
    domain: str
    value: float | None
    alert: float | None
    status: str
    """below-alert, between or reached (as the gate decides)."""
    evidence: str | None
    """The deciding evaluation (None: nothing counts, so the threshold cannot be ruled out)."""
    successes: int | None
    trials: int | None
    estimate: float | None
    """successes / trials of the deciding evaluation."""
    upper: float | None
    """The one-sided upper confidence bound the gate compares with the alert level and threshold."""
    confidence: float
    method: str


class PathwayMeasure(NamedTuple):
    """One harm pathway's residual-risk bound against the policy's tolerance."""

    pathway: str
    title: str
    domain: str
    severity: str
    bound: float | None
    """Upper bound on successful harms per year (None without attempts_per_year)."""
    tolerance: float | None
    confidence: float
    factors: int
    """How many quantified safeguards the bound multiplies."""
    rests_on: tuple[str, ...] = ()
    """The safeguards and test evidence the bound is computed from (a chart withholds the bound
    from an audience that may not see any of them)."""


class Measures(NamedTuple):
    """Everything a chart of the decision shows, computed by the gate's own code."""

    thresholds: tuple[ThresholdMeasure, ...]
    pathways: tuple[PathwayMeasure, ...]
    decided_at: str


def measures(loaded: Loaded, today: dt.date | None = None,
             artifacts: dict[str, ArtifactState] | None = None) -> Measures | None:
    """The decision's numbers for `loaded` as of `today` (the gate's default date rule), read as
    its artifacts show it, exactly as `run_gate` reads them. None when the case does not load."""
    if loaded.case is None or loaded.policy is None:
        return None
    if artifacts is None:
        artifacts = rehash_artifacts(loaded)
    case, facts = facts_for(loaded, artifacts)
    if case is None:
        return None
    day = today or case.date or dt.date.today()
    ctx = Context(case=case, policy=loaded.policy, today=day,
                  boundary=case.boundary.kind if case.boundary else None, artifacts=artifacts,
                  regimes=list(loaded.regimes), facts=facts)
    ths = []
    for tid, st in capability_status(ctx).items():
        th = loaded.policy.thresholds[tid]
        d = st.deciding
        ths.append(ThresholdMeasure(
            threshold=tid, title=th.name or tid, domain=st.domain, value=st.value, alert=st.alert,
            status=st.status, evidence=d.evidence if d else None, successes=d.successes if d else None,
            trials=d.trials if d else None, estimate=d.estimate if d else None, upper=d.upper if d else None,
            confidence=st.confidence, method=st.method))
    pws = []
    paths = case.pathways()
    for pid, r in pathway_risk(ctx).items():
        p = paths[pid][1]
        pws.append(PathwayMeasure(pathway=pid, title=p.title or pid, domain=r.domain, severity=r.severity.value,
                                  bound=r.bound, tolerance=r.tolerance, confidence=r.confidence,
                                  factors=len(r.factors),
                                  rests_on=tuple(dict.fromkeys(x for f in r.factors for x in (f.safeguard, f.evidence)))))
    return Measures(thresholds=tuple(ths), pathways=tuple(pws), decided_at=day.isoformat())
