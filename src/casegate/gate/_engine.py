"""The gate: every rule over the case at the requested boundary, then GO / GO WITH CONDITIONS /
NO-GO, and on NO-GO the widest narrower boundary the same evidence and policy support."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import partial

from .. import __version__
from .._record import FrozenRecord
from ..checks import Context, RegisteredRule, locate_findings, registered, run_checks
from ..checks._derived import evidence_expiry, ungrounded_grants
from ..checks._release import before_release, downloaded
from ..checks.answers import compose_answers
from ..errors import InputError
from ..evidence import ArtifactState, facts_for, rehash_artifacts
from ..load import Loaded
from ..model import (
    BOUNDARY_LADDER,
    BoundaryKind,
    BoundaryTrial,
    Case,
    Condition,
    DecisionRecord,
    Finding,
    Outcome,
    Policy,
    RecordedVersion,
    RuleSeverity,
    Waiver,
)
from ._compare import (
    Compared,
    Comparison,
    LazyCases,
    LazyRecorded,
    compared_versions,
    compared_with,
    other_baselines,
)
from ._record import input_digests
from ._waivers import apply_waivers, covers, logged_waiver_spans, waiver_problem

CONDITION_DAYS = 90
"""Days to meet a condition when the policy sets none (the default of `conditions.due_days`)."""

_ATTRS = ("sensitive_domains", "tools")


class _Trial(FrozenRecord):
    _fields = ("kind", "dropped", "findings", "ctx")
    kind: BoundaryKind
    dropped: tuple[str, ...]
    findings: list[Finding]
    ctx: Context

    def __init__(self, kind: BoundaryKind, dropped: tuple[str, ...], findings: list[Finding], ctx: Context) -> None:
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "dropped", dropped)
        object.__setattr__(self, "findings", findings)
        object.__setattr__(self, "ctx", ctx)

    @property
    def blocking(self) -> list[Finding]:
        return [f for f in self.findings if f.blocking]

    @property
    def outcome(self) -> Outcome:
        if self.blocking:
            return "NO-GO"
        if any(f.severity is RuleSeverity.condition or f.waived is not None for f in self.findings):
            return "GO WITH CONDITIONS"
        return "GO"

    def record(self) -> BoundaryTrial:
        return BoundaryTrial.model_construct(boundary=self.kind, outcome=self.outcome,
                                             blocking=sorted({f.code for f in self.blocking}), dropped=list(self.dropped))


def _as_case(x: Loaded | Case, what: str) -> tuple[Case, Policy | None]:
    """The case of a compared version as its artifacts show it (derived like the case decided)."""
    if isinstance(x, Case):
        return x, None
    if x.case is None:
        first = next((f for f in x.diagnostics if f.blocking), None)
        where = f"{first.location.file}:{first.location.line}" if first and first.location else x.case_path
        raise InputError(f"{what} {x.case_path} is not a valid case"
                         + (f": {first.message}" if first else ""), location=where,
                         help=f"run `casegate check {x.case_path}`")
    effective, _ = facts_for(x, rehash_artifacts(x))
    return (effective if effective is not None else x.case), x.policy


def _candidates(case: Case, requested: BoundaryKind, ungrounded: Sequence[str] = ()) -> Iterator[tuple[BoundaryKind, tuple[str, ...]]]:
    """Narrower boundaries, widest first: the same kind without widening attributes, then each
    narrower kind with the attributes kept, then without them. `ungrounded` names single grants
    (`tools.<name>`, `sensitive_domains.<name>`) the evidence does not carry: dropping only them
    is tried before dropping every tool or sensitive domain."""
    b = case.boundary
    attrs = [a for a in _ATTRS if b is not None and getattr(b, a)]
    drops: list[tuple[str, ...]] = [()] + [(a,) for a in attrs] + ([tuple(attrs)] if len(attrs) > 1 else [])
    # the grants the evidence does not carry, each attribute they leave something of kept
    part = tuple(g for g in ungrounded if b is not None and g.split(".", 1)[0] in attrs)
    if part and any(set(getattr(b, a)) - {g.split(".", 1)[1] for g in part if g.startswith(a + ".")} for a in attrs):
        drops.insert(1, part)
    for kind in reversed(BOUNDARY_LADDER[: requested.rank + 1]):
        for d in drops:
            if kind is requested and not d:
                continue
            yield kind, d


def _variant(case: Case, dropped: tuple[str, ...]) -> Case:
    """The case with the boundary's attributes (`tools`) or single grants (`tools.<name>`) in
    `dropped` taken away."""
    if not dropped or case.boundary is None:
        return case
    b = case.boundary
    update: dict[str, list[str]] = {}
    for d in dropped:
        attr, _, name = d.partition(".")
        kept = update.get(attr, getattr(b, attr))
        update[attr] = [x for x in kept if x != name] if name else []
    return case.model_copy(update={"boundary": b.model_copy(update=update)})


def _condition_due(case: Case, policy: Policy, day: dt.date) -> dt.date:
    """The policy's `conditions.due_days` after the case version's date (the decision's, `day`,
    when the case states none or a later one), or the case's re-evaluation date when that comes
    first. Never the re-evaluation date alone: a condition due only when the decision would lapse
    anyway lets a GO WITH CONDITIONS deploy exactly as long as a GO. Counted from the version's
    date, the due date is the same whenever the gate runs on it before the version's date plus
    the days, so the registry judging the decision later sets the same date as the decider."""
    start = min(case.date, day) if case.date is not None else day
    due = start + dt.timedelta(days=policy.conditions.due_days)
    pd = case.post_deployment
    if pd is not None and pd.reevaluate_by is not None and day < pd.reevaluate_by < due:
        return pd.reevaluate_by
    return due


def _due_for(path: Sequence[str | int], ctx: Context, due: dt.date) -> str:
    """When a condition raised on `path` falls due: the policy's `conditions.due_days` after the
    case version's date or the decision (`_condition_due`), but no later than the day the evidence
    item it was raised on stops counting: a condition cannot outlast the run that set it."""
    if len(path) >= 2 and path[0] == "evidence" and (ev := ctx.case.evidence.get(str(path[1]))) is not None:
        until = evidence_expiry(ev, ctx.policy, ctx.artifact_dates)
        if until is not None and until < due:
            return until.isoformat()
    return due.isoformat()


Prefix = tuple[str, ...]
"""The start of a finding's path that names one thing: `("evidence", id)`, `("safeguards", id)` or
`("argument", "elements", id)`."""


def _standing_due(standing: Sequence[Condition], aliases: Mapping[Prefix, Sequence[Prefix]] | None = None,
                  ) -> dict[tuple[str, tuple[str, ...]], str]:
    """(cause, path) -> the earliest due date of an unmet condition of the decision the case stands
    on (a condition is the same when its rule and the thing it concerns are: as the registry
    judges a decision's conditions against its own gate run). A thing under a new id that is the
    same thing (`aliases`, see `_aliases`) is the same: renaming a defeater that stands open as a
    condition, or the run a condition was raised on, does not reschedule it."""
    out: dict[tuple[str, tuple[str, ...]], str] = {}
    for c in standing:
        if not c.due:
            continue
        path = tuple(str(p) for p in c.path)
        paths = [path]
        if aliases:
            for n in (3, 2):
                paths += [(*new, *path[n:]) for new in aliases.get(path[:n], ())]
        for p in paths:
            key = (c.cause, p)
            out[key] = min(out.get(key, c.due[:10]), c.due[:10])
    return out


def _aliases(versions: Sequence[Compared], case: Case) -> dict[Prefix, list[Prefix]]:
    """What the things of the compared versions are called in `case`, where the id changed but the
    thing did not: an argument element in the same words; an evidence item by its run (the same
    artifact) or by the threshold it measures (a condition raised on where the model stands against
    a threshold is about the threshold, whichever run shows it); a safeguard of the same substance
    (layer, steps blocked, evidence by digest); a regime at another place in the `regimes` list (its
    document gaps are found where the case names it)."""
    from ..checks._derived import run_key
    from ..checks._index import renamed_elements

    out: dict[Prefix, list[Prefix]] = {}

    def add(old: Prefix, new: Prefix) -> None:
        got = out.setdefault(old, [])
        if new != old and new not in got:
            got.append(new)

    by_run: dict[tuple[str, ...], list[str]] = {}
    by_threshold: dict[str, list[str]] = {}
    for eid, ev in case.evidence.items():
        if ev.sha256:
            by_run.setdefault(run_key(eid, ev), []).append(eid)
        if ev.threshold:
            by_threshold.setdefault(ev.threshold, []).append(eid)
    by_substance: dict[str, list[str]] = {}
    for sid, sg in case.safeguards.items():
        by_substance.setdefault(sg.substance(case.evidence), []).append(sid)
    by_regime: dict[str, list[int]] = {}
    for j, ref in enumerate(case.regimes):
        by_regime.setdefault(_regime_id(ref), []).append(j)
    for v in versions:
        for old, news in renamed_elements(v.case, case).items():
            for n in news:
                add(("argument", "elements", old), ("argument", "elements", n))
        for eid, ev in v.case.evidence.items():
            same = (by_run.get(run_key(eid, ev), []) if ev.sha256 else []) + (
                by_threshold.get(ev.threshold, []) if ev.threshold else [])
            for n in same:
                add(("evidence", eid), ("evidence", n))
        for sid, sg in v.case.safeguards.items():
            for n in by_substance.get(sg.substance(v.case.evidence), []):
                add(("safeguards", sid), ("safeguards", n))
        for i, ref in enumerate(v.case.regimes):
            for j in by_regime.get(_regime_id(ref), []):
                add(("regimes", str(i)), ("regimes", str(j)))
    return out


def _regime_id(ref: str) -> str:
    """The regime a case's `regimes` entry names (`builtin:ca-sb53` and `regimes/ca-sb53.yaml` name
    `ca-sb53`), as the regime rules find where a case names one."""
    return ref.rsplit(":", 1)[-1].removesuffix(".yaml").rsplit("/", 1)[-1]


def _conditions(findings: list[Finding], ctx: Context, standing: Sequence[Condition] = (),
                aliases: Mapping[Prefix, Sequence[Prefix]] | None = None) -> list[Condition]:
    """The decision's conditions. One the decision the case stands on set already and nothing shows
    met keeps its due date when that is sooner: a new version does not give a condition more time,
    nor does a new waiver of the finding (its `until` is the due date only when it is the sooner)."""
    out: list[Condition] = []
    seen: set[tuple[str, tuple[str | int, ...], str]] = set()
    due = _condition_due(ctx.case, ctx.policy, ctx.today)
    earlier = _standing_due(standing, aliases)
    for f in findings:
        key = (f.code, tuple(f.path), f.message)
        if key in seen:
            continue
        was = earlier.get((f.code, tuple(str(p) for p in f.path)))
        if f.waived is not None:
            w = f.waived
            text = (f"{f.message} (waived by {w.person}, {w.role}, until {w.until}: {w.reason}); "
                    "resolve it before the waiver lapses")
            until = w.until[:10]
            out.append(Condition.model_construct(id="", text=text, cause=f.code, path=tuple(f.path),
                                                 due=was if was is not None and was < until else until,
                                                 finding=f"{f.message} (waived by {w.person}, {w.role}, until "
                                                         f"{w.until}: {w.reason})",
                                                 fix="Resolve it before the waiver lapses."))
        elif f.severity is RuleSeverity.condition:
            text = f.message + (f"; {f.help}" if f.help else "")
            when = _due_for(f.path, ctx, due)
            out.append(Condition.model_construct(id="", text=text, cause=f.code, path=tuple(f.path),
                                                 due=was if was is not None and was < when else when,
                                                 finding=f.message, fix=f.help or ""))
        else:
            continue
        seen.add(key)
    return [c.model_copy(update={"id": f"C{i}"}) for i, c in enumerate(out, 1)]


CONDITION_OVERDUE = "CG750"
"""The code of a condition past its due date and not met (`casegate.monitor` reports it of the
registry's conditions; the gate of a decision that would set one again)."""


def registry_time(today: dt.date | None, comparison: Comparison | None) -> dt.datetime:
    """The time the registry's facts that run on a clock (a regime report's deadline, CG1003; a
    standing condition's due date, CG750) are read as of: the end of `today` (`--at`), else the
    registry's clock when it was read (the wall clock when the comparison holds none), and never
    earlier than the registry's last entry. Not the case's `date:`, which the lab writes: a case
    dated before a deadline would otherwise decide as if the report were not yet due. An `--at`
    before the last entry reproduces a past decision's other facts, but no clock read from a
    registry that has logged later: a deadline passed by the time of the registry's last entry
    has passed."""
    at = (dt.datetime.combine(today, dt.time.max, dt.UTC) if today is not None
          else (comparison.clock if comparison is not None and comparison.clock is not None
                else dt.datetime.now(dt.UTC)))
    last = comparison.last_logged if comparison is not None else None
    return max(at, last) if last is not None else at


def _overdue(conditions: Sequence[Condition], day: dt.date) -> list[Finding]:
    """A blocking CG750 condition-overdue finding for each condition a decision made on `day` would
    set that is due before `day`: one the decision the case stands on set, unmet, whose due date
    the new version keeps (`_conditions`). A GO WITH CONDITIONS whose condition is overdue the day
    it is decided is a GO for a developer who missed the date."""
    out = []
    for c in conditions:
        if c.due and c.due[:10] < day.isoformat():
            out.append(Finding(
                code=CONDITION_OVERDUE, name="condition-overdue", severity=RuleSeverity.blocking,
                message=f"the condition the decision the case stands on set ({c.cause} on "
                        f"{'.'.join(str(p) for p in c.path)}) was due on {c.due[:10]}, before this decision "
                        f"({day.isoformat()}), nothing shows it met, and this version raises it again: "
                        f"{c.finding or c.text}",
                path=tuple(c.path),
                help="meet it and record it (casegate condition met CASE ID --evidence ...) before the decision, or "
                     "show in this version that it no longer stands; submitting again gives a condition no "
                     "more time",
            ))
    return out


def _same(case: Case) -> Case:
    """`case` itself (a loader for a case already loaded)."""
    return case


def _recorded_of(case: Case, label: str) -> list[RecordedVersion]:
    """The version compared with, `case` (loaded already), as a recorded version."""
    return [RecordedVersion.of_case(case, label)]


def _fail_fast_order(blocking_codes: set[str]) -> list[RegisteredRule]:
    """Every registered rule, those that blocked at the requested boundary first: a narrower
    boundary most often fails for the same reason."""
    rules = registered()
    return [r for r in rules if r.rule.code in blocking_codes] + [r for r in rules if r.rule.code not in blocking_codes]


def _first_blocking(ctx: Context, order: list[RegisteredRule], waivers: list[Waiver],
                    comparison: Comparison | None = None) -> str | None:
    """The code of the first unwaived blocking finding at `ctx`'s boundary, or None when there is
    none. Stops at the first one: a failing narrower boundary needs no full report. The versions
    compared with after the first (`comparison`) are compared with too, as at the requested
    boundary: a narrower boundary is no escape from threshold gaming against the last approved
    version."""
    for reg in order:
        for hit in reg.check(ctx):
            sev = hit.severity or reg.rule.severity
            if sev is not RuleSeverity.blocking:
                continue
            if any(covers(w, reg.rule.code, hit.path) for w in waivers):
                continue
            return reg.rule.code
    if comparison is not None and len(comparison.versions) > 1:
        for f in other_baselines(ctx, comparison, ()):
            if f.severity is RuleSeverity.blocking and not any(covers(w, f.code, f.path) for w in waivers):
                return f.code
    return None


def run_gate(
    loaded: Loaded,
    *,
    boundary: BoundaryKind | None = None,
    previous: Loaded | Case | None = None,
    today: dt.date | None = None,
    artifacts: dict[str, ArtifactState] | None = None,
    waivers: Iterable[Waiver] = (),
    related: Sequence[Loaded | Case] = (),
    waiver_problems: Sequence[str] = (),
    comparison: Comparison | None = None,
    try_narrower: bool = True,
) -> DecisionRecord:
    """Decide whether the case's system may cross `boundary` (default: the case's own).

    NO-GO when any unwaived blocking finding stands; GO WITH CONDITIONS when condition findings or
    waived findings stand (each becomes a condition with its cause and due date); GO otherwise.
    On NO-GO the narrower boundaries are tried with the same evidence and policy, and the record
    names the widest that would pass and what the requested one lacks. The decision date is
    `today`, else the case's `date`, else the real date. Raises InputError when `previous` or a
    related case cannot be read as a case, or when `boundary` is wider than the case argues for.
    `waiver_problems` are reasons waiver envelopes were set aside before the gate (bad signature,
    another case version); they are kept in the record beside the gate's own rejections.

    `comparison` holds the earlier versions to compare with (the previous submitted version first,
    then the last approved one) and the signed policy changes, as the caller fetched them from
    the registry; `previous` (a file) replaces its versions. Every threshold-gaming rule runs
    against each version, and the record's `compared_with` says what was compared (or why nothing).
    `try_narrower` false skips the narrower boundaries (a caller that needs only the findings at
    the requested one, such as the red team).
    """
    if artifacts is None:
        artifacts = rehash_artifacts(loaded)
    waivers = list(waivers)
    case, policy = loaded.case, loaded.policy
    day = today or (case.date if case is not None and case.date else None) or dt.date.today()
    if case is None or policy is None:
        return _unreadable_record(loaded, day, artifacts)
    # every rule reads the case as its artifacts show it; the record's own values stay in `facts`
    case, facts = facts_for(loaded, artifacts)
    assert case is not None

    if previous is not None:
        from ..model import Baseline  # the registry's models are built only when compared with

        given, given_policy = _as_case(previous, "--previous")
        comparison = Comparison(versions=[Compared(Baseline(role="given", label="the --previous version"),
                                             given, given_policy)],
                          policy_changes=comparison.policy_changes if comparison is not None else (),
                          incidents=comparison.incidents if comparison is not None else (),
                          lineage=comparison.lineage if comparison is not None else None,
                          protocols=comparison.protocols if comparison is not None else None,
                          artifact_dates=comparison.artifact_dates if comparison is not None else None,
                          signoff_dates=comparison.signoff_dates if comparison is not None else None,
                          standing=comparison.standing if comparison is not None else (),
                          approved=comparison.approved if comparison is not None else (),
                          recorded=comparison.recorded if comparison is not None else (),
                          deployed=comparison.deployed if comparison is not None else None,
                          missed_reports=comparison.missed_reports if comparison is not None else None,
                          clock=comparison.clock if comparison is not None else None,
                          last_logged=comparison.last_logged if comparison is not None else None,
                          denied=comparison.denied if comparison is not None else ())
    first = comparison.versions[0] if comparison is not None and comparison.versions else None
    prev_case, prev_policy = (first.case, first.policy) if first is not None else (None, None)
    rel = [_as_case(r, "--related")[0] for r in related]
    requested = boundary or (case.boundary.kind if case.boundary else None)
    if boundary is not None and case.boundary is not None and boundary.rank > case.boundary.kind.rank:
        raise InputError(
            f"--boundary {boundary.value} is wider than the `{case.boundary.kind.value}` boundary the case argues for",
            help="widening a boundary reopens the case: write (or extend) the case for the wider boundary",
        )

    if comparison is not None and comparison.signoff_dates is not None and waivers:
        # a waiver's span counts from no later than the registry first logged it, whatever date it gives
        waivers, late = logged_waiver_spans(waivers, comparison.signoff_dates, policy.waivers.max_days)
        waiver_problems = [*waiver_problems, *late]
    accepted = [w for w in waivers if waiver_problem(w, policy, day) is None]
    sources = loaded.texts()
    # the registry's facts that run on a clock are read as of a day the case does not write
    on_clock = registry_time(today, comparison).date() if comparison is not None else day

    # the approved versions are loaded only when a rule reads them (CG806 following a dropped
    # defeater through them), each at most once
    history = (LazyCases([*(partial(comparison.approved.__getitem__, k) for k in range(len(comparison.approved))),
                          *(partial(_same, v.case) for v in reversed(comparison.versions))])
               if comparison is not None else LazyCases([]))
    # every recorded version, read from its stored files when a rule first reads them (CG306,
    # CG809), and the versions compared with, loaded already
    recorded = (LazyRecorded([partial(list, comparison.recorded),
                              *(partial(_recorded_of, v.case, v.baseline.label) for v in comparison.versions)])
                if comparison is not None else LazyRecorded([]))

    def context(kind: BoundaryKind | None, dropped: tuple[str, ...]) -> Context:
        return Context(case=_variant(case, dropped), policy=policy, today=day, boundary=kind, waivers=accepted, sources=sources,
                       artifacts=artifacts, previous=prev_case, previous_policy=prev_policy,
                       baseline=first.baseline if first is not None else None,
                       policy_changes=list(comparison.policy_changes) if comparison is not None else [],
                       incidents=list(comparison.incidents) if comparison is not None else [],
                       denied_incidents=list(comparison.denied) if comparison is not None else [],
                       registry_cases=rel, regimes=list(loaded.regimes), facts=facts, authority=loaded.authority,
                       lineage=list(comparison.lineage) if comparison is not None and comparison.lineage is not None else None,
                       protocols=list(comparison.protocols) if comparison is not None and comparison.protocols is not None else None,
                       artifact_dates=comparison.artifact_dates if comparison is not None else None,
                       signoff_dates=comparison.signoff_dates if comparison is not None else None,
                       history=history, recorded=recorded,
                       deployed=None if comparison is None or comparison.deployed is None
                       else [(d.baseline, d.case) for d in comparison.deployed])

    def full(kind: BoundaryKind, dropped: tuple[str, ...]) -> _Trial:
        ctx = context(kind, dropped)
        found = run_checks(ctx)
        if comparison is not None and len(comparison.versions) > 1:
            found += other_baselines(ctx, comparison, found)
        held = downloaded(ctx)
        found, _ = apply_waivers(list(loaded.diagnostics) + found, waivers, policy, day, held)
        found = before_release(found, held)
        if carried:  # a narrower boundary carries the same overdue condition
            found += _overdue(_conditions(found, ctx, carried, aliases), on_clock)
        return _Trial(kind, dropped, found, ctx)

    ctx0 = context(requested, ())
    own = run_checks(ctx0)
    if comparison is not None and len(comparison.versions) > 1:
        own += other_baselines(ctx0, comparison, own)
    held0 = downloaded(ctx0)
    raw, rejected = apply_waivers(list(loaded.diagnostics) + own, waivers, policy, day, held0)
    # where the weights are downloaded, a condition met after release bounds nothing: it blocks
    findings = locate_findings(loaded, before_release(raw, held0))
    standing = comparison.standing if comparison is not None else ()
    aliases = _aliases(comparison.versions, case) if standing and comparison is not None else {}
    carried = [c for c in standing if comparison is None or c not in comparison.settled]
    if carried:
        # a condition the decision the case stands on set, that nothing shows met and that this
        # version raises again, keeps its due date: past it, the decision cannot approve on it
        findings += locate_findings(loaded, _overdue(_conditions(findings, ctx0, carried, aliases), on_clock))
    # a regime report past its deadline and not filed (the registry's clocks, as of the registry's
    # time, `registry_time`) is owed by the deployment at every boundary: no narrower one answers it
    missed = (comparison.missed_reports(registry_time(today, comparison))
              if comparison is not None and comparison.missed_reports is not None else [])
    findings += missed
    main = _Trial(requested or BOUNDARY_LADDER[0], (), findings, ctx0)
    trials = [main.record()] if requested is not None else []
    narrower: _Trial | None = None
    lacks: list[str] = []
    if main.outcome == "NO-GO":
        # load findings stand at every boundary: no narrower one can pass
        if requested is not None and try_narrower and not missed and not any(f.blocking for f in loaded.diagnostics):
            order = _fail_fast_order({f.code for f in main.blocking})
            for kind, dropped in _candidates(case, requested, ungrounded_grants(ctx0)):
                ctx = context(kind, dropped)
                stop = _first_blocking(ctx, order, accepted, comparison)
                if stop is not None:
                    trials.append(BoundaryTrial.model_construct(boundary=kind, outcome="NO-GO", blocking=[stop],
                                                                dropped=list(dropped)))
                    continue
                narrower = full(kind, dropped)
                trials.append(narrower.record())
                if narrower.outcome != "NO-GO":
                    break
                narrower = None
        still = {(f.code, tuple(f.path)) for f in narrower.blocking} if narrower else set()
        lacks = [f"{f.code} {f.name}: {f.message}" for f in main.blocking
                 if (f.code, tuple(f.path)) not in still]
    conditions = _conditions(findings, ctx0, standing, aliases) if main.outcome != "NO-GO" else []
    # the record, its trials, conditions, answers and digests are built from values of their
    # declared types (the findings, the case's own validated fields, text the gate writes), so
    # they are not validated again: a gate builds none of their validators (about 5M instructions)
    return DecisionRecord.model_construct(
        casegate_version=__version__,
        case_id=case.id,
        case_version=case.version,
        system=f"{case.system.name} {case.system.version}",
        boundary=requested,
        decided_at=day.isoformat(),
        outcome=main.outcome,
        findings=findings,
        conditions=conditions,
        answers=compose_answers(main.ctx),
        narrower=narrower.kind if narrower else None,
        narrower_dropped=list(narrower.dropped) if narrower else [],
        lacks=lacks,
        trials=trials,
        digests=input_digests(loaded, artifacts),
        rejected_waivers=list(waiver_problems) + rejected,
        compared_with=compared_with(comparison, case),
        compared=compared_versions(comparison),
        incidents_compared=[i.id for i in comparison.incidents] if comparison is not None else [],
    )


def _unreadable_record(loaded: Loaded, day: dt.date, artifacts: dict[str, ArtifactState]) -> DecisionRecord:
    """A NO-GO for a case or policy that could not be built: the load findings are the reasons."""
    data = loaded.data
    raw = data.get("system")
    system: dict[str, object] = raw if isinstance(raw, dict) else {}
    return DecisionRecord(
        casegate_version=__version__,
        case_id=str(data.get("id") or loaded.case_path),
        case_version=str(data.get("version") or ""),
        system=f"{system.get('name', '')} {system.get('version', '')}".strip(),
        boundary=None,
        decided_at=day.isoformat(),
        outcome="NO-GO",
        findings=locate_findings(loaded, list(loaded.diagnostics)),
        lacks=[f"{f.code} {f.name}: {f.message}" for f in loaded.diagnostics if f.blocking],
        digests=input_digests(loaded, artifacts),
    )
