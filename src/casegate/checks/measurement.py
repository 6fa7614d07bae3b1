"""How a threshold is measured, in one version of a case and its policy, and what changed in it
between two versions: the metric (and scorer), the reduction of epochs, and the task set.

Policy-side values come from the threshold (its `metric`, and `scorer`, `reduction`, `k` and
`tasks` where the policy sets them); evidence-side values from the evaluations measuring the
threshold (their result's metric and reduction, the task and task version their run recorded,
and the digest of the samples where the artifact gives one). Both sides are compared, so a change
made in the policy and one made only in how the evaluation was run are each seen.
"""


import datetime as dt
from collections.abc import Iterable

from .._record import FrozenRecord
from ..model import Case, Evidence, Policy, Threshold

_POLICY_FIELDS: dict[str, tuple[str, ...]] = {
    "metric": ("metric", "scorer"),
    "reduction": ("reduction", "k"),
    "tasks": ("tasks",),
}


class MeasurementChange(FrozenRecord):
    """One change in how a threshold is measured between two versions."""

    _fields = ("threshold", "field", "before", "after", "path")
    threshold: str
    field: str
    """'metric', 'reduction' or 'tasks' (see `casegate.model.MEASUREMENT_FIELDS`)."""
    before: str
    after: str
    path: tuple[str | int, ...]
    """Where the new value is: a policy threshold field, or an evidence item."""

    def __init__(self, threshold: str, field: str, before: str, after: str, path: tuple[str | int, ...]) -> None:
        object.__setattr__(self, "threshold", threshold)
        object.__setattr__(self, "field", field)
        object.__setattr__(self, "before", before)
        object.__setattr__(self, "after", after)
        object.__setattr__(self, "path", path)

    def describe(self) -> str:
        what = {"metric": "metric", "reduction": "reduction", "tasks": "task set"}[self.field]
        return f"`{self.threshold}` {what}: {self.before} -> {self.after}"


_BY_THRESHOLD: dict[int, tuple[dict[str, Evidence], dict[str, list[tuple[str, Evidence]]]]] = {}
"""id(evidence) -> a case's evidence, and that evidence by threshold, for the last few asked about."""


def evidence_by_threshold_of(case: Case) -> dict[str, list[tuple[str, Evidence]]]:
    """Threshold id -> the evidence items of `case` that measure it, in case order: read them,
    never change them.

    Many rules ask for the evaluations of every threshold, of the case and of its previous
    version: the evidence is grouped once per evidence section (a case is never changed in place,
    and the copies the gate's boundary trials make share their case's section) and kept for the
    last few sections asked about."""
    evidence = case.evidence
    got = _BY_THRESHOLD.get(id(evidence))
    if got is None or got[0] is not evidence:
        by_threshold: dict[str, list[tuple[str, Evidence]]] = {}
        for eid, ev in evidence.items():
            if ev.threshold is not None:
                by_threshold.setdefault(ev.threshold, []).append((eid, ev))
        if len(_BY_THRESHOLD) >= 4:
            del _BY_THRESHOLD[next(iter(_BY_THRESHOLD))]
        got = _BY_THRESHOLD[id(evidence)] = (evidence, by_threshold)
    return got[1]


def evaluations(case: Case, tid: str) -> list[tuple[str, Evidence]]:
    """The evaluations of `case` that measure threshold `tid`, in case order."""
    return [(eid, ev) for eid, ev in evidence_by_threshold_of(case).get(tid, ()) if ev.kind == "eval"]


def _shown(v: object) -> str:
    if v is None or v == [] or v == ():
        return "unset"
    if isinstance(v, list | tuple):
        return "[" + ", ".join(_shown(x) for x in v) + "]"
    dump = getattr(v, "model_dump", None)
    if dump is not None:
        return ", ".join(f"{k}={x}" for k, x in dump(exclude_none=True).items()) or "{}"
    return " ".join(str(v).split())


def _policy_value(th: Threshold, field: str) -> str:
    parts = [(name, getattr(th, name, None)) for name in _POLICY_FIELDS[field]]
    shown = [(n, _shown(v)) for n, v in parts if v is not None and v != []]
    if not shown:
        return "unset"
    if len(shown) == 1 and shown[0][0] == _POLICY_FIELDS[field][0]:
        return repr(shown[0][1]) if field == "metric" else shown[0][1]
    return ", ".join(f"{n} {v!r}" if n == "metric" else f"{n} {v}" for n, v in shown)


def _values(evs: Iterable[tuple[str, Evidence]], field: str) -> dict[str, set[str]]:
    """Evidence-side values of `field`: a key (the task name for 'tasks', '' otherwise) -> the
    values recorded under it."""
    out: dict[str, set[str]] = {}
    for _eid, ev in evs:
        r, s = ev.result, ev.source
        if field == "metric":
            vals = {x for x in (r.metric if r else None, s.scorer if s else None) if x}
            if vals:
                out.setdefault("", set()).update(vals)
        elif field == "reduction":
            if r is not None and r.reduction is not None:
                out.setdefault("", set()).add(r.reduction)
        elif s is not None and s.task:
            ident = [f"version {s.task_version}" if s.task_version else None]
            digest = getattr(s, "sample_digest", None) or getattr(s, "task_digest", None)
            ident.append(f"samples {str(digest)[:19]}" if digest else None)
            shown = ", ".join(x for x in ident if x)
            if shown:
                out.setdefault(s.task, set()).add(shown)
    return out


def _first_with(evs: list[tuple[str, Evidence]], field: str, key: str) -> str | None:
    for eid, ev in evs:
        if _values([(eid, ev)], field).get(key):
            return eid
    return None


def measurement_changes(old_case: Case | None, old_policy: Policy | None,
                        case: Case, policy: Policy) -> list[MeasurementChange]:
    """Every change in how a threshold present in both versions is measured, policy side first."""
    out: list[MeasurementChange] = []
    if old_policy is not None:
        for tid, new in policy.thresholds.items():
            old = old_policy.thresholds.get(tid)
            if old is None:
                continue
            for field in _POLICY_FIELDS:
                b, a = _policy_value(old, field), _policy_value(new, field)
                if b != a:
                    attr = _POLICY_FIELDS[field][0]
                    out.append(MeasurementChange(tid, field, b, a, ("@policy", "thresholds", tid, attr)))
    if old_case is None:
        return out
    # a derived evaluation is counted under the policy's reduction, so its result's reduction
    # echoes the policy's: a reduction change the policy side names is not reported twice
    named = {(c.threshold, c.field) for c in out if c.field == "reduction"}
    for tid in policy.thresholds:
        before_evs, now_evs = evaluations(old_case, tid), evaluations(case, tid)
        if not before_evs or not now_evs:
            continue
        for field in _POLICY_FIELDS:
            if (tid, field) in named:
                continue
            before, now = _values(before_evs, field), _values(now_evs, field)
            for key in sorted(before.keys() & now.keys()):
                if before[key] == now[key]:
                    continue
                eid = _first_with(now_evs, field, key) or now_evs[0][0]
                ev = case.evidence[eid]
                path: tuple[str | int, ...]
                if field == "tasks":
                    path = ("evidence", eid, "source", "task")
                elif field == "metric" and not (ev.result is not None and ev.result.metric):
                    path = ("evidence", eid, "source", "scorer")
                else:
                    path = ("evidence", eid, "result", field)
                label = f"{key}: " if key else ""
                out.append(MeasurementChange(tid, field, label + ", ".join(sorted(before[key])),
                                             label + ", ".join(sorted(now[key])), path))
    return out


def run_started(ev: Evidence) -> dt.datetime:
    """When the evaluation ran: the run's own timestamp where its tool recorded one, else the
    start of its date (UTC)."""
    created = ev.source.created if ev.source is not None else None
    if created:
        try:
            t = dt.datetime.fromisoformat(created.replace("Z", "+00:00"))
            return t if t.tzinfo is not None else t.replace(tzinfo=dt.UTC)
        except ValueError:
            pass
    return dt.datetime.combine(ev.date, dt.time(), tzinfo=dt.UTC)
