"""Pure trigger evaluation: given the approved case and what happened since, which triggers fire.

Nothing here touches the registry; `_run.py` gathers the facts and applies the firings. Each
firing carries a cause key that is stable across runs, so a trigger fires at most once per cause.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, get_args

from ..evidence.stats import upper_bound
from ..model import BoundaryKind, Case, Policy, Severity, rate_limit_wider
from ..model._base import Access, WeightsAccess, name_key
from ..model._case import Action, Boundary, Monitor, Trigger
from ._incidents import Incident
from ._reports import ReportClock
from ._series import Sample, Withheld, first_breach, heard_at, iso, parse_window, silences

if TYPE_CHECKING:
    from ..model import ArtifactDates


@dataclass(frozen=True)
class RecordedIncident:
    """What triggers need of an incident the registry holds: its log index, date, domains,
    severity and description (incidents recorded by other writers may lack the other fields)."""

    index: int
    date: dt.date
    domains: tuple[str, ...]
    """The reporter's domain and every domain added since (`casegate.monitor.incident_domains`)."""
    severity: Severity
    description: str = ""
    filed_under: str | None = None
    """The id of the other case about the same model it was logged against (None: this case)."""

    @classmethod
    def of(cls, index: int, incident: Incident) -> RecordedIncident:
        return cls(index, incident.date, (incident.domain,), incident.severity, incident.description)

    @classmethod
    def from_payload(cls, index: int, payload: dict[str, Any], added: Iterable[str] = ()) -> RecordedIncident:
        """Read a logged incident, with the domains `added` to it since; ValueError naming what is
        missing or malformed."""
        from ._rated import incident_domains

        try:
            return cls(index, dt.date.fromisoformat(str(payload["date"])[:10]),
                       incident_domains(str(payload["domain"]), added),
                       Severity(payload["severity"]), str(payload.get("description") or ""))
        except (KeyError, ValueError) as e:
            raise ValueError(f"incident #{index} cannot be read ({e!s})") from None


@dataclass(frozen=True)
class LaterVersion:
    """A version of the case submitted after the approved one."""

    index: int
    """Log index of its submission."""
    label: str
    """How to name it (declared version and number)."""
    case: Case
    policy: Policy | None


@dataclass(frozen=True)
class ConditionStatus:
    """A condition of a GO WITH CONDITIONS decision and whether it has been met."""

    decision: int
    """Log index of the decision that set it."""
    id: str
    text: str
    due: dt.date | None
    met: bool = False
    """Confirmed by a signed statement that counts (see `casegate.sign.check_confirmation`)."""
    met_on: str | None = None
    """The date the log recorded the confirmation that counts (the log's clock, never a typed date)."""
    evidence: tuple[str, ...] = ()
    path: tuple[str, ...] = ()
    """The case element the condition concerns."""
    met_by: str | None = None
    """Who confirmed it, and in which role."""
    late: bool = False
    """Confirmed after its due date, by the log's clock."""
    not_counted: tuple[str, ...] = ()
    """Why each recorded confirmation that does not count was set aside (unsigned, a bad
    signature, a role the policy does not allow, the decider's own key, ...)."""
    cause: str = ""
    """The rule code of the finding that made it a condition, as the registry logged it."""

    def overdue(self, today: dt.date) -> bool:
        return not self.met and self.due is not None and today > self.due


@dataclass
class Facts:
    """What a trigger run knows about one approved case."""

    case: Case
    """The approved version."""
    policy: Policy | None
    """Its policy (needed for evidence expiry and capability alert levels)."""
    approved_at: dt.datetime
    """When the case entered its current approval (only events after this count)."""
    incidents: list[RecordedIncident] = field(default_factory=list)
    samples: dict[str, list[Sample]] = field(default_factory=dict)
    withheld: list[Withheld] = field(default_factory=list)
    """Signed batches of readings the log never recorded, though a later batch of the same key for
    the case was (`casegate.monitor._run.samples_and_gaps`)."""
    later_versions: list[LaterVersion] = field(default_factory=list)
    conditions: list[ConditionStatus] = field(default_factory=list)
    report_clocks: list[ReportClock] = field(default_factory=list)
    """Regime incident reports the case's incidents owe."""
    artifact_dates: ArtifactDates | None = None
    """When the registry first logged each artifact of the approved version: an item's age counts
    from no later than that (None: the items' own dates)."""
    telemetry_required: bool = False
    """Whether only readings signed by a telemetry key the registry trusts count toward a
    monitor's health (each sample says whether it counts)."""
    telemetry: str = ""
    """Why signed telemetry is required, or why not."""


@dataclass(frozen=True)
class Firing:
    """One trigger that fires for one cause."""

    trigger: str
    """Trigger id (a monitor's id when the monitor acts on its own)."""
    event: str
    """What fired it: incident, monitor (a breaching reading), monitor-silent (no reading for
    longer than the monitor allows), capability, model-change, scope-change, evidence-expiry,
    condition-overdue, report-overdue, reevaluation-due."""
    cause: str
    """Stable key of the cause; a trigger fires at most once per cause."""
    action: Action
    to: BoundaryKind | None
    notify: tuple[str, ...]
    reason: str
    """In words, for the log, the notification and `casegate verify`."""
    defeats: tuple[str, ...] = ()
    """Claim ids this cause defeats."""
    details: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"trigger": self.trigger, "event": self.event, "cause": self.cause,
                "action": self.action, "to": self.to.value if self.to else None,
                "notify": list(self.notify), "reason": self.reason,
                "defeats": list(self.defeats), "details": self.details}


def domain_claims(case: Case, domain: str) -> list[str]:
    """Claims of the argument that are about `domain` (directly, or through one of its pathways)."""
    pathways = case.threat_model.get(domain)
    pids = set(pathways.pathways) if pathways else set()
    out = []
    for eid, el in case.argument.elements.items():
        if el.claim is None:
            continue
        if el.domain == domain or (el.pathway is not None and el.pathway in pids):
            out.append(eid)
        elif el.capability is not None and case_threshold_domain(case, el.capability.threshold) == domain:
            out.append(eid)
    return sorted(out)


def monitor_claims(case: Case, monitor: str | None) -> list[str]:
    """Claims a breach of monitor `monitor` defeats: those of the domain it watches
    (`domain_claims`); every claim of the argument when it names no domain, when its domain has no
    claim, or when the case has no such monitor: a breach bears on what the plan watched, and
    when that cannot be narrowed, on the whole case."""
    pd = case.post_deployment
    m = pd.monitors.get(monitor) if pd is not None and monitor is not None else None
    claims = domain_claims(case, m.domain) if m is not None and m.domain else []
    return claims or sorted(eid for eid, el in case.argument.elements.items() if el.claim is not None)


def case_threshold_domain(case: Case, threshold: str) -> str | None:
    for ev in case.evidence.values():
        if ev.threshold == threshold and ev.domain:
            return ev.domain
    return None


def evidence_expiry(case: Case, policy: Policy | None,
                    dates: ArtifactDates | None = None) -> dict[str, dt.date | None]:
    """Each evidence item's expiry: its date plus the policy's maximum age, or its own `expires`
    when that is earlier (`Evidence.expiry`); with no policy, its own `expires` alone. None when
    the date plus the maximum age falls past the calendar's last day (the expiry cannot be
    established). `dates`: when the registry first logged each artifact; an item's age then
    counts from no later than that day (`ArtifactDates.date_of`), as the gate counts it."""
    max_age = policy.evidence.max_age_days if policy is not None else None
    out: dict[str, dt.date | None] = {}
    for eid, ev in case.evidence.items():
        if ev.expires is not None or max_age is not None:
            out[eid] = ev.expiry(max_age, dates.date_of(ev) if dates is not None else None)
    return out


def _logged_first(case: Case, eid: str, dates: ArtifactDates | None) -> str:
    """Why the item's age counts from before its own date, in words (empty when it does not)."""
    ev = case.evidence[eid]
    since = dates.date_of(ev) if dates is not None else ev.date
    if since >= ev.date:
        return ""
    seen = dates.first_logged(ev) if dates is not None else None
    how = seen.how() if seen is not None else "its artifact"
    return (f" (its age counts from {since.isoformat()}, when the registry first logged {how}; "
            f"the case dates it {ev.date.isoformat()})")


_ACCESS_WIDEST_FIRST: tuple[str, ...] = get_args(Access)
_WEIGHTS_WIDEST_FIRST: tuple[str, ...] = tuple(reversed(get_args(WeightsAccess)))


def widening(approved: Boundary | None, later: Boundary | None) -> list[str]:
    """How `later` is wider than `approved`, in words (empty: not wider): a wider boundary kind,
    access or weights access (ranked; one the approved version stated and the later one drops is
    wider too), a tool or sensitive domain added (names compared as verify compares them), a
    region added or the region list dropped, a looser rate limit, a larger user cap or none, and
    where the approved version stated its configuration, another system message, a higher ceiling
    on a generation, or none stated."""
    if approved is None or later is None:
        return []
    out = []
    if later.kind.rank > approved.kind.rank:
        out.append(f"boundary {approved.kind.value} -> {later.kind.value}")
    # names as verify reads a deploy's: `Code_Execution` is `code-execution`
    had_tools = {name_key(t) for t in approved.tools}
    new_tools = sorted({t for t in later.tools if name_key(t) not in had_tools})
    if new_tools:
        out.append("tools added: " + ", ".join(new_tools))
    had_domains = {name_key(d) for d in approved.sensitive_domains}
    new_domains = sorted({d for d in later.sensitive_domains if name_key(d) not in had_domains})
    if new_domains:
        out.append("sensitive domains added: " + ", ".join(new_domains))
    for what, field_, order in (("access", "access", _ACCESS_WIDEST_FIRST), ("weights", "weights", _WEIGHTS_WIDEST_FIRST)):
        was = getattr(approved.scope, field_, None) if approved.scope else None
        now = getattr(later.scope, field_, None) if later.scope else None
        if was is not None and (now is None or (now in order and was in order and order.index(now) < order.index(was))):
            out.append(f"{what} {was} -> {now or 'not stated'}")
    a_regions = set(approved.scope.regions) if approved.scope else set()
    l_regions = set(later.scope.regions) if later.scope else set()
    if a_regions and (l_regions - a_regions or not l_regions):
        added = sorted(l_regions - a_regions)
        out.append("regions added: " + ", ".join(added) if added else "region limit removed")
    a_rate = approved.scope.rate_limit if approved.scope else None
    l_rate = later.scope.rate_limit if later.scope else None
    ranked = rate_limit_wider(a_rate, l_rate)
    if ranked or (ranked is None and " ".join((a_rate or "").split()).casefold()
                  != " ".join((l_rate or "").split()).casefold()):  # words it cannot read: any change counts
        out.append(f"rate limit {a_rate or 'none'} -> {l_rate or 'none'}")
    a_max = approved.scope.max_users if approved.scope else None
    l_max = later.scope.max_users if later.scope else None
    if a_max is not None and (l_max is None or l_max > a_max):
        out.append(f"max users {a_max} -> {l_max if l_max is not None else 'unlimited'}")
    # the configuration the approved version's evaluations were held to (CG309): another system
    # message (or none), a higher ceiling (or none) is another system behind the same weights
    a_conf, l_conf = approved.configuration, later.configuration
    if a_conf is not None:
        if l_conf is None:
            out.append("configuration no longer stated")
        else:
            if l_conf.system_message_sha256 != a_conf.system_message_sha256:
                def said(h: str | None) -> str:
                    return f"sha256 {h[:12]}..." if h else "none"
                out.append(f"system message {said(a_conf.system_message_sha256)} -> {said(l_conf.system_message_sha256)}")
            if a_conf.max_tokens is not None and (l_conf.max_tokens is None or l_conf.max_tokens > a_conf.max_tokens):
                out.append(f"max tokens {a_conf.max_tokens} -> "
                           f"{l_conf.max_tokens if l_conf.max_tokens is not None else 'no ceiling'}")
    return out


def _notify(trig_notify: Iterable[str], case: Case, extra: Iterable[str] = ()) -> tuple[str, ...]:
    roles = list(dict.fromkeys([*trig_notify, *extra]))
    if not roles:
        # nobody named: tell whoever can stop the deployment
        roles = sorted({r.stop_authority for r in case.residual_risk.values() if r.stop_authority})
    return tuple(roles)


def _monitor_triggers(case: Case) -> dict[str, tuple[Trigger | None, Monitor]]:
    """Every (trigger, monitor) pair that acts on a monitor breach. A monitor no trigger names
    acts on its own with its own action."""
    pd = case.post_deployment
    if pd is None:
        return {}
    out: dict[str, tuple[Trigger | None, Monitor]] = {}
    named: set[str] = set()
    for tid, t in pd.triggers.items():
        if t.on != "monitor":
            continue
        mids = [t.monitor] if t.monitor else list(pd.monitors)
        for mid in mids:
            if mid in pd.monitors:
                out[f"{tid}\0{mid}"] = (t, pd.monitors[mid])
                named.add(mid)
    for mid, m in pd.monitors.items():
        if mid not in named:
            out[f"{mid}\0{mid}"] = (None, m)
    return out


def evaluate(facts: Facts, at: dt.datetime) -> list[Firing]:
    """Every firing of the approved case's triggers as of `at` (already-fired causes included;
    the caller drops those)."""
    case = facts.case
    pd = case.post_deployment
    if pd is None:
        return []
    firings: list[Firing] = []
    today = at.date()
    late_named = any(t.on == "report-overdue" for t in pd.triggers.values())
    for tid, t in pd.triggers.items():
        if t.on == "incident":
            for inc in facts.incidents:
                if t.domain is not None and t.domain not in inc.domains:
                    continue
                if t.min_severity is not None and inc.severity.rank < t.min_severity.rank:
                    continue
                firings.append(Firing(
                    tid, "incident", f"incident:{inc.index}", t.action, t.to,
                    _notify(t.notify, case),
                    f"incident #{inc.index} on {inc.date.isoformat()} ({', '.join(inc.domains)}, {inc.severity.value})"
                    + (f", logged against case {inc.filed_under} about the same model" if inc.filed_under else "")
                    + f": {inc.description}",
                    defeats=tuple(dict.fromkeys(c for d in inc.domains for c in domain_claims(case, d))),
                    details={"incident": inc.index, "domain": inc.domains[0], "severity": inc.severity.value}
                    | ({"domains": list(inc.domains)} if len(inc.domains) > 1 else {})
                    | ({"case": inc.filed_under} if inc.filed_under else {}),
                ))
        elif t.on == "capability":
            firings.extend(_capability(tid, t, facts))
        elif t.on == "model-change":
            approved = set(case.system.digests)
            for v in facts.later_versions:
                new = set(v.case.system.digests)
                if new != approved:
                    firings.append(Firing(
                        tid, "model-change", "model-change:" + ",".join(sorted(new)), t.action, t.to,
                        _notify(t.notify, case),
                        f"version {v.label} changes the model digests "
                        f"({', '.join(sorted(new - approved)) or 'digests removed'})",
                        details={"version": v.label, "digests": sorted(new)},
                    ))
        elif t.on == "scope-change":
            for v in facts.later_versions:
                wider = widening(case.boundary, v.case.boundary)
                if wider:
                    firings.append(Firing(
                        tid, "scope-change", f"scope-change:{v.index}", t.action, t.to,
                        _notify(t.notify, case),
                        f"version {v.label} widens the deployment: {'; '.join(wider)}",
                        details={"version": v.label, "widened": wider},
                    ))
        elif t.on == "evidence-expiry":
            for eid, exp in sorted(evidence_expiry(case, facts.policy, facts.artifact_dates).items()):
                if t.domain is not None and case.evidence[eid].domain != t.domain:
                    continue
                if exp is None:  # fail closed: an age that cannot be counted is treated as expired
                    firings.append(Firing(
                        tid, "evidence-expiry", f"evidence-expiry:{eid}:not-established", t.action,
                        t.to, _notify(t.notify, case),
                        f"evidence {eid}: its expiry cannot be established (its date "
                        f"{case.evidence[eid].date.isoformat()} plus the policy's maximum age is past 9999-12-31)",
                        details={"evidence": eid, "expired": None},
                    ))
                elif today > exp:
                    firings.append(Firing(
                        tid, "evidence-expiry", f"evidence-expiry:{eid}:{exp.isoformat()}", t.action,
                        t.to, _notify(t.notify, case),
                        f"evidence {eid} expired on {exp.isoformat()}{_logged_first(case, eid, facts.artifact_dates)}",
                        details={"evidence": eid, "expired": exp.isoformat()},
                    ))
        elif t.on == "reevaluation-due":
            pd = case.post_deployment
            due = pd.reevaluate_by if pd is not None else None
            if due is not None and today > due:
                firings.append(Firing(
                    tid, "reevaluation-due", f"reevaluation-due:{due.isoformat()}", t.action,
                    t.to, _notify(t.notify, case),
                    f"the case was to be re-evaluated by {due.isoformat()} and was not",
                    details={"reevaluate_by": due.isoformat()},
                ))
        elif t.on == "condition-overdue":
            for c in facts.conditions:
                if c.overdue(today):
                    assert c.due is not None
                    firings.append(Firing(
                        tid, "condition-overdue", f"condition-overdue:{c.decision}:{c.id}", t.action,
                        t.to, _notify(t.notify, case),
                        f"condition {c.id} was due on {c.due.isoformat()} and is not met: {c.text}",
                        details={"condition": c.id, "decision": c.decision, "due": c.due.isoformat()},
                    ))
        elif t.on == "report-overdue":
            for rc in facts.report_clocks:
                # a report not filed by its deadline: one the log records as filed later
                # (whatever time the filing states) has still missed it
                if rc.missed(at):
                    firings.append(Firing(
                        tid, "report-overdue", f"report-overdue:{rc.incident}:{rc.cls}", t.action,
                        t.to, _notify(t.notify, case),
                        _missed_text(rc),
                        details={"incident": rc.incident, "class": rc.cls, "due": iso(rc.due)},
                    ))
    if not late_named:
        firings.extend(_missed_reports(facts, at))
    for key, (mt, m) in _monitor_triggers(case).items():
        tid, mid = key.split("\0")
        firings.extend(_monitor_firings(tid, mid, mt, m, facts, at))
    return firings


MISSED_REPORT = "CG1003"
"""The trigger id of a missed regime report acting on its own (the finding it is)."""


def _missed_reports(facts: Facts, at: dt.datetime) -> list[Firing]:
    """A regime report not filed by its deadline, where no trigger of the plan names the event,
    acts on its own: it reopens the case (notifying the stop authorities of its residual risks).
    A missed report is a fact about the deployment (finding CG1003, blocking), and a plan that
    leaves out a `report-overdue` trigger does not make it change nothing."""
    return [Firing(
        MISSED_REPORT, "report-overdue", f"report-overdue:{rc.incident}:{rc.cls}", "reopen", None,
        _notify((), facts.case),
        _missed_text(rc) + " (CG1003; the plan names no report-overdue trigger, so the case reopens)",
        details={"incident": rc.incident, "class": rc.cls, "due": iso(rc.due)},
    ) for rc in facts.report_clocks if rc.missed(at)]


def _missed_text(rc: ReportClock) -> str:
    """What a report not filed by its deadline says (and when the log recorded a later filing)."""
    return (f"the {rc.title} report of incident #{rc.incident} ({rc.cls}) was due to {rc.report_to} by "
            f"{iso(rc.due)} and was not filed by then"
            + (f" (the log recorded its filing at {iso(rc.filed_logged)})" if rc.filed_logged else "")
            + (f" (logged filings not counted: {'; '.join(rc.not_counted)})" if rc.not_counted else ""))


def _monitor_firings(tid: str, mid: str, mt: Trigger | None, m: Monitor, facts: Facts,
                     at: dt.datetime) -> list[Firing]:
    """A monitor's breach (its first breaching reading since the approval) and every stretch
    since the approval longer than its `max_silence` (default its window) with no reading."""
    case = facts.case
    where = f"post_deployment.monitors.{mid}"
    window = parse_window(m.window, f"{where}.window")
    limit = parse_window(m.max_silence, f"{where}.max_silence") if m.max_silence else window
    samples = facts.samples.get(m.signal, [])
    action = mt.action if mt is not None else m.action
    to = mt.to if mt is not None else m.to
    notify = _notify(mt.notify if mt is not None else (), case, m.notify)
    out: list[Firing] = []
    if facts.approved_at > at:
        return out
    # approved while in breach: a breaching reading within one window before the approval counts
    # too, so a new version approved over a breach that has not ended is caught at once. The
    # monitor's last reading before the approval may be as old as its silence allows, so the
    # longer of the two: a version that shortens its window (keeping its silence) does not
    # shorten how far back a breach reaches the approval
    reach = max(window, limit)
    at_approval = first_breach(samples, op=m.op, threshold=m.threshold,
                               since=facts.approved_at - reach, until=facts.approved_at)
    reading = at_approval or first_breach(samples, op=m.op, threshold=m.threshold,
                                          since=facts.approved_at, until=at)
    if reading is not None:
        key = f"monitor:{mid}:{iso(reading.timestamp)}" if at_approval is None else \
            f"monitor:{mid}:at-approval:{iso(facts.approved_at)}"
        when = "" if at_approval is None else \
            f", within {m.window if reach == window else m.max_silence} before the approval"
        out.append(Firing(
            tid, "monitor", key, action, to, notify,
            f"monitor {mid}: {m.signal} read {reading.value:.6g} at {iso(reading.timestamp)}{when}, "
            f"{m.op} {m.threshold:g}",
            defeats=tuple(monitor_claims(case, mid)),
            details={"monitor": mid, "signal": m.signal, "value": reading.value,
                     "reading_at": iso(reading.timestamp), "window_end": iso(reading.timestamp),
                     "window": m.window},
        ))
    # a silent monitor cannot show a breach: not knowing is no reason to stay deployed. Silence
    # defeats no claim (nothing was observed), so it reopens, or withdraws when a breach would.
    # only a reading that counts (signed by a telemetry key the registry trusts, where that is
    # required) ends a silence; one that does not is named, never a reason to stay deployed
    heard = [s for s in samples if s.counted]
    for gap in silences(heard, since=facts.approved_at, until=at, limit=limit):
        since = "the approval" if gap.since == facts.approved_at else "its last reading"
        upto = f" until {iso(gap.until)}" if gap.until is not None else ""
        end = gap.until or at
        ignored = [s for s in samples if not s.counted and gap.since < heard_at(s) <= end]
        unsigned = (f"; {len(ignored)} reading(s) in that stretch do not count: {ignored[0].why_not}"
                    if ignored else "")
        out.append(Firing(
            tid, "monitor-silent", f"monitor-silent:{mid}:{iso(gap.since)}",
            "withdraw" if action == "withdraw" else "reopen", None, notify,
            f"monitor {mid}: no reading of {m.signal} since {iso(gap.since)} ({since}){upto}, "
            f"longer than its {m.max_silence or m.window} allows: a silent monitor cannot show a breach"
            + unsigned,
            details={"monitor": mid, "signal": m.signal, "since": iso(gap.since),
                     "until": iso(gap.until) if gap.until is not None else None,
                     "max_silence": m.max_silence or m.window},
        ))
    # a batch withheld between two that were logged is silence the stretch between readings does
    # not show: what it held is unknown, and could be the breach. Only signed telemetry numbers
    # its batches; the readings of a batch signed for the watch before the approval do not count
    for w in facts.withheld if facts.telemetry_required else []:
        if w.next_logged <= facts.approved_at:
            continue
        cause = (f"monitor-v1:{mid}:{w.keyid[:16]}" if w.first_format is not None else
                 f"monitor-renumbered:{mid}:{w.keyid[:16]}" if w.reused is not None else
                 f"monitor-handover:{mid}:{w.keyid[:16]}" if w.follows is not None else
                 f"monitor-withheld:{mid}:{w.keyid[:16]}:{w.number}")
        out.append(Firing(
            tid, "monitor-silent", cause,
            "withdraw" if action == "withdraw" else "reopen", None, notify,
            f"monitor {mid}: {w.words()}; a monitor whose "
            f"{'batches cannot be counted' if w.uncountable else 'readings are withheld'} cannot show no breach",
            details={"monitor": mid, "signal": m.signal, "withheld_batch": w.number, "signer": w.signer,
                     "next_batch": w.next_number, "next_entry": w.next_entry},
        ))
    return out


def _capability(tid: str, t: Trigger, facts: Facts) -> list[Firing]:
    case = facts.case
    known = {(eid, ev.sha256, _counts(ev)) for eid, ev in case.evidence.items()}
    out = []
    seen: set[str] = set()
    for v in facts.later_versions:
        policy = v.policy or facts.policy
        if policy is None:
            continue
        for eid, ev in sorted(v.case.evidence.items()):
            counts = _counts(ev)
            if ev.threshold is None or counts is None or (eid, ev.sha256, counts) in known:
                continue
            th = policy.thresholds.get(ev.threshold)
            if th is None:
                continue
            if t.domain is not None and th.domain != t.domain:
                continue
            level = th.alert if th.alert is not None else th.value
            if level is None:
                continue
            s, n = counts
            ub = upper_bound(s, n, policy.confidence, policy.interval)
            key = f"capability:{eid}:{ev.sha256 or f'{s}/{n}'}"
            if ub < level or key in seen:
                continue
            seen.add(key)
            point = s / n if n else 0.0
            defeated = []
            for cid, el in case.argument.elements.items():
                cap = el.capability
                if el.claim is None or cap is None or cap.threshold != ev.threshold:
                    continue
                if cap.position == "below-alert" or (
                        cap.position == "below" and th.value is not None and ub >= th.value):
                    defeated.append(cid)
            out.append(Firing(
                tid, "capability", key, t.action, t.to, _notify(t.notify, case),
                f"new result {eid} in version {v.label}: {s}/{n} on {ev.threshold} "
                f"(upper bound {ub:.3f} at {policy.confidence:.0%}) reaches the alert level {level:g}",
                defeats=tuple(sorted(defeated)),
                details={"evidence": eid, "version": v.label, "threshold": ev.threshold,
                         "successes": s, "trials": n, "point": point, "upper_bound": ub,
                         "alert": level},
            ))
    return out


def _counts(ev: Any) -> tuple[int, int] | None:
    r = ev.result
    if r is None or r.successes is None or r.trials is None:
        return None
    return (r.successes, r.trials)


ACTION_STRENGTH = {"withdraw": 3, "reopen": 2, "restrict": 1}
"""When several triggers fire in one run, the strongest action is applied."""


def strongest(firings: list[Firing], boundary: BoundaryKind | None,
              restriction: BoundaryKind | None) -> tuple[Action, BoundaryKind | None] | None:
    """The one action to apply for a batch of firings, failing closed: a restriction with no
    narrower boundary to go to becomes a reopening. None when nothing needs to change (every
    firing restricts to a boundary the case is already confined within)."""
    if not firings:
        return None
    best = max(ACTION_STRENGTH[f.action] for f in firings)
    if best > 1:
        return ("withdraw" if best == 3 else "reopen"), None
    ceiling = restriction or boundary
    targets = [f.to for f in firings]
    if any(to is None for to in targets) or (
            boundary is not None and any(to.rank >= boundary.rank for to in targets if to)):
        return "reopen", None
    narrowest = min((to for to in targets if to is not None), key=lambda b: b.rank)
    if ceiling is not None and narrowest.rank >= ceiling.rank:
        return None
    return "restrict", narrowest
