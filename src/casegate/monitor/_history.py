"""The record of what held up: across a case's versions, which claims incidents or new evidence
defeated and which held, which conditions were met or missed, which triggers fired, and every
state change with its cause."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..diff import redacted
from ..store import Registry
from ._compare import public_commitments, version_diff
from ._evaluate import domain_claims, monitor_claims
from ._lifecycle import condition_statuses, overdue_findings
from ._rated import (
    added_domains,
    domains_shown,
    incident_domains,
    judged_severity,
    rated_severities,
    severity_shown,
)
from ._states import CaseState, CauseType
from ._versions import VersionCache, require_case

if TYPE_CHECKING:
    from ..sign import Keyring


@dataclass
class ClaimRecord:
    id: str
    text: str
    domain: str | None
    status: str = "held"
    """'held' (deployed and not defeated), 'defeated' (by an incident or new evidence),
    'undermined' (a claim it rests on was defeated), or 'not deployed' (never approved)."""
    defeated_by: list[str] = field(default_factory=list)


@dataclass
class VersionRecord:
    number: int
    label: str
    submitted_at: str
    digest: str
    decisions: list[dict[str, Any]] = field(default_factory=list)
    deployed: bool = False
    claims: list[ClaimRecord] = field(default_factory=list)
    changes: list[dict[str, Any]] = field(default_factory=list)
    """What changed since the version before it, redacted for the public (a confidential
    element's change shows its published commitment, never its content)."""


@dataclass
class History:
    case_id: str
    state: str
    restricted_to: str | None
    at: str
    versions: list[VersionRecord] = field(default_factory=list)
    conditions: list[dict[str, Any]] = field(default_factory=list)
    triggers: list[dict[str, Any]] = field(default_factory=list)
    incidents: list[dict[str, Any]] = field(default_factory=list)
    transitions: list[dict[str, Any]] = field(default_factory=list)
    findings: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "case": self.case_id, "state": self.state, "restricted_to": self.restricted_to, "as_of": self.at,
            "versions": [{
                "version": v.number, "label": v.label, "submitted_at": v.submitted_at, "digest": v.digest,
                "decisions": v.decisions, "deployed": v.deployed,
                "claims": [{"id": c.id, "text": c.text, "domain": c.domain, "status": c.status,
                            "defeated_by": c.defeated_by} for c in v.claims],
                "changes": v.changes,
            } for v in self.versions],
            "conditions": self.conditions, "triggers_fired": self.triggers, "incidents": self.incidents,
            "transitions": self.transitions, "findings": self.findings,
        }


def case_history(reg: Registry, case_id: str, *, today: dt.date | None = None,
                 keyring: Keyring | None = None) -> History:
    """Compose the case's history from the registry's log. A condition is met only by a signed
    confirmation that counts against `keyring` (see `condition_statuses`); without one, none is."""
    state = require_case(reg, case_id)
    day = today or dt.date.today()
    hist = History(case_id, state.value, reg.case_restriction(case_id), day.isoformat())
    cache = VersionCache(reg)
    stored = reg.case_versions(case_id)
    commitments = public_commitments(reg, case_id) if len(stored) > 1 else {}

    defeats: dict[int, dict[str, list[str]]] = {}
    changes = reg.events(case_id, "state-change")
    rated = rated_severities(reg, case_id)
    added = added_domains(reg, case_id)
    for e in reg.events(case_id, "incident"):
        p = e.payload
        d = p.get("defeats") or _defeats_at(changes, e.index, p.get("domain"), cache, case_id)
        domains = incident_domains(p.get("domain"), added.get(e.index, ()))
        if isinstance(d.get("version"), int) and domains != incident_domains(p.get("domain")):
            # a domain added since defeats that domain's claims in the version it was logged against
            extra = [c for dom in domains for c in domain_claims(cache.get(case_id, d["version"]).case, dom)]
            d = {**d, "claims": list(dict.fromkeys([*d.get("claims", []), *extra]))}
        judged = judged_severity(p.get("severity"), rated.get(e.index))
        shown = severity_shown(p.get("severity"), rated.get(e.index))
        hist.incidents.append({"entry": e.index, "date": p.get("date"), "domain": p.get("domain"),
                               "domains": list(domains),
                               "domain_shown": domains_shown(p.get("domain"), added.get(e.index, ())),
                               "severity": judged.value if judged is not None else p.get("severity"),
                               "severity_recorded": p.get("severity"), "severity_shown": shown,
                               "description": p.get("description"),
                               "deployer": p.get("deployer"), "developer": p.get("developer"),
                               "harmed": p.get("harmed"), "defeats": d.get("claims", []),
                               "version": d.get("version")})
        if isinstance(d.get("version"), int):
            for cid in d.get("claims", []):
                defeats.setdefault(d["version"], {}).setdefault(cid, []).append(
                    f"incident #{e.index} ({', '.join(domains) or p.get('domain')}, {shown}, {p.get('date')})")
    for e in reg.events(case_id, "trigger-fired"):
        p = e.payload
        hist.triggers.append({"entry": e.index, "trigger": p.get("trigger"), "event": p.get("event"),
                              "action": p.get("action"), "to": p.get("to"), "reason": p.get("reason"),
                              "notify": p.get("notify"), "version": p.get("version"),
                              "at": p.get("at"), "recorded_at": e.recorded_at})
        if p.get("event") == "capability" and isinstance(p.get("version"), int):
            for cid in p.get("defeats", []):
                defeats.setdefault(p["version"], {}).setdefault(cid, []).append(
                    f"new evidence {p.get('details', {}).get('evidence')} (trigger {p.get('trigger')})")
        elif p.get("event") == "monitor" and isinstance(p.get("version"), int):
            # the claims the next version must answer it for (CG718), as the gate reads them
            mid = (p.get("details") or {}).get("monitor")
            for cid in monitor_claims(cache.get(case_id, p["version"]).case, str(mid) if mid else None):
                defeats.setdefault(p["version"], {}).setdefault(cid, []).append(
                    f"breach-{e.index}: monitor {mid} (trigger {p.get('trigger')})")

    approved_versions: set[int] = set()
    decisions_by_version: dict[int, list[dict[str, Any]]] = {}
    for e in changes:
        p = e.payload
        cause = p.get("cause") or {}
        hist.transitions.append({"entry": e.index, "at": e.recorded_at, "from": p.get("from"),
                                 "to": p.get("to"), "restricted_to": p.get("restricted_to"),
                                 "cause": cause.get("type"), "why": _why(cause)})
        if p.get("to") in (CaseState.approved.value, CaseState.approved_with_conditions.value) \
                and cause.get("type") == CauseType.decision.value and isinstance(cause.get("version"), int):
            approved_versions.add(cause["version"])
    for e in reg.events(case_id, "decision"):
        v = e.payload.get("version")
        if isinstance(v, int):
            decisions_by_version.setdefault(v, []).append(
                {"entry": e.index, "outcome": e.payload.get("outcome"), "at": e.recorded_at})

    for rec in stored:
        sv = cache.get(case_id, rec.number)
        vr = VersionRecord(rec.number, sv.label, rec.submitted_at, rec.digest,
                           decisions_by_version.get(rec.number, []), rec.number in approved_versions)
        against = defeats.get(rec.number, {})
        elements = sv.case.argument.elements
        for eid, el in sorted(elements.items()):
            if el.claim is None:
                continue
            cr = ClaimRecord(eid, el.claim, el.domain)
            below = _supporting_claims(elements, eid) & set(against)
            if eid in against:
                cr.status, cr.defeated_by = "defeated", against[eid]
            elif below:
                cr.status = "undermined"
                cr.defeated_by = [f"defeated sub-claim {c}" for c in sorted(below)]
            elif not vr.deployed:
                cr.status = "not deployed"
            vr.claims.append(cr)
        if hist.versions:
            d = version_diff(reg, case_id, hist.versions[-1].number, rec.number, today=day, cache=cache,
                             keyring=keyring)
            vr.changes = [c.to_json() for c in redacted(d, commitments=commitments).changes]
        hist.versions.append(vr)

    conds = condition_statuses(reg, case_id, keyring=keyring)
    for c in conds:
        if c.met:
            status = "met late" if c.late else "met"
        elif c.overdue(day):
            status = "missed"
        else:
            status = "open"
        hist.conditions.append({"decision": c.decision, "id": c.id, "text": c.text,
                                "due": c.due.isoformat() if c.due else None, "status": status,
                                "met_on": c.met_on, "met_by": c.met_by, "evidence": list(c.evidence),
                                "not_counted": list(c.not_counted)})
    hist.findings = [f.model_dump(mode="json", exclude_none=True) for f in overdue_findings(conds, day)]
    return hist


def _defeats_at(changes: list[Any], index: int, domain: Any, cache: VersionCache,
                case_id: str) -> dict[str, Any]:
    """For an incident logged without its defeated claims (by another writer): the claims of its
    domain in the version approved when it was logged (none when it records no domain: the
    domains added to it since still defeat theirs in that version)."""
    version = None
    for e in changes:
        cause = e.payload.get("cause") or {}
        if e.index < index and cause.get("type") == CauseType.decision.value \
                and isinstance(cause.get("version"), int):
            version = cause["version"]
    if version is None:
        return {}
    return {"version": version,
            "claims": domain_claims(cache.get(case_id, version).case, domain) if isinstance(domain, str) else []}


def _supporting_claims(elements: dict[str, Any], top: str) -> set[str]:
    """Every claim that supports `top`, through strategies and sub-claims (not `top` itself)."""
    seen: set[str] = set()
    stack = list(elements[top].supported_by)
    while stack:
        eid = stack.pop()
        if eid in seen or eid not in elements:
            continue
        seen.add(eid)
        stack.extend(elements[eid].supported_by)
    return {e for e in seen if elements[e].claim is not None}


def _why(cause: dict[str, Any]) -> str:
    t = cause.get("type")
    if t == CauseType.trigger.value:
        return f"trigger {cause.get('trigger')}: {cause.get('reason')}"
    if t == CauseType.decision.value:
        return f"decision #{cause.get('decision')} ({cause.get('outcome')}) on version {cause.get('version')}"
    if t == CauseType.manual.value:
        return f"{cause.get('role')}: {cause.get('reason')}"
    if t == CauseType.submission.value:
        return f"submitted by {cause.get('by')} (version {cause.get('version')})"
    if t == CauseType.conditions_met.value:
        return f"conditions met: {', '.join(cause.get('conditions', []))}"
    if t == CauseType.superseded_by.value:
        return f"superseded by {cause.get('by')}"
    return str(t)


def format_history(h: History) -> str:
    """The history as text, newest facts last."""
    lines = [f"case {h.case_id}: {h.state}" + (f" (restricted to {h.restricted_to})" if h.restricted_to else "")
             + f", as of {h.at}"]
    for v in h.versions:
        decided = ", ".join(f"{d['outcome']} (#{d['entry']})" for d in v.decisions) or "no decision"
        lines.append(f"\nversion {v.label}  submitted {v.submitted_at}  {decided}"
                     + ("  [deployed]" if v.deployed else ""))
        for c in v.claims:
            mark = {"held": "held      ", "defeated": "DEFEATED  ", "undermined": "UNDERMINED",
                    "not deployed": "untested  "}[c.status]
            lines.append(f"  {mark} {c.id}: {c.text}")
            for why in c.defeated_by:
                lines.append(f"             by {why}")
        if v.changes:
            lines.append(f"  changes since the version before (redacted for the public): {len(v.changes)}")
            lines += [f"    {c['kind']:<12} {c['section']} {c['subject']}: {c['detail']}" for c in v.changes]
    if h.conditions:
        lines.append("\nconditions")
        for cond in h.conditions:
            extra = (f", met {cond['met_on']} by {cond['met_by']} ({', '.join(cond['evidence'])})"
                     if cond["met_on"] else "")
            lines.append(f"  {cond['status']:<8} {cond['id']} (decision #{cond['decision']}, "
                         f"due {cond['due']}{extra}): {cond['text']}")
            lines += [f"           not counted: {why}" for why in cond.get("not_counted", [])]
    if h.incidents:
        lines.append("\nincidents")
        for i in h.incidents:
            lines.append(f"  #{i['entry']} {i['date']} {i['domain_shown']}/{i['severity_shown']}: {i['description']}"
                         + (f" (defeats {', '.join(i['defeats'])})" if i["defeats"] else ""))
    lines.append("\ntriggers fired" if h.triggers else "\ntriggers fired: none")
    for t in h.triggers:
        to = f" to {t['to']}" if t.get("to") else ""
        event = f"monitor, breach-{t['entry']}" if t["event"] == "monitor" else t["event"]
        lines.append(f"  #{t['entry']} {t['trigger']} ({event}) -> {t['action']}{to}: {t['reason']}"
                     + (f"; notified {', '.join(t['notify'])}" if t.get("notify") else ""))
    lines.append("\nstate changes")
    for s in h.transitions:
        to = s["to"] + (f" ({s['restricted_to']})" if s.get("restricted_to") else "")
        lines.append(f"  #{s['entry']} {s['at'][:19]}Z {s['from']} -> {to}: {s['why']}")
    for f in h.findings:
        lines.append(f"\n{f['code']} {f['name']}: {f['message']}\n  help: {f.get('help', '')}")
    return "\n".join(lines)
