"""An incident logged since the approval stops the deploy as the decision's own triggers say, offline
too.

The registry's state moves when a trigger run applies a firing (`casegate triggers run`, or
`incident report` without `--no-triggers`). An incident recorded with `--no-triggers` (or a severity
raised, a domain added, with `--no-triggers`) leaves the state approved until someone runs the
triggers, and a state proof made then (through the library, or from tiles, which hold no case
files) shows the case approved although the incident is among its entries. `verify --db` evaluates
the case's triggers itself (`casegate.monitor.triggers_owed`); a state proof carries no case files,
so the decision signs the approved version's incident triggers (`incident_triggers`, judged by the
registry against the stored version) and `verify` evaluates them against the incidents the proof
holds. A decision that does not sign them (made by an older casegate) cannot be evaluated so, and an
incident the proof holds that no trigger run applied is then not verified (fail closed)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..model import BoundaryKind, Case, Severity

SIGNED_TRIGGERS = "incident_triggers"
"""The decision predicate's field: the approved version's triggers on incidents."""

RATED = "incident-severity"
"""Log event: an incident's severity raised (`casegate.monitor._rated.RATED`)."""
DOMAIN_ADDED = "incident-domain"
"""Log event: a domain added to an incident (`casegate.monitor._rated.DOMAIN_ADDED`)."""

_APPROVING = ("approved", "approved-with-conditions")


def incident_triggers(case: Case) -> list[dict[str, Any]]:
    """The case's triggers on incidents as the decision signs them (by id): the domain and the
    least severity each fires on, and what it does (`to`: the boundary a restriction goes to)."""
    pd = case.post_deployment
    if pd is None:
        return []
    return [{"id": tid, "domain": t.domain, "min_severity": t.min_severity.value if t.min_severity else None,
             "action": t.action, "to": t.to.value if t.to is not None else None}
            for tid, t in sorted(pd.triggers.items()) if t.on == "incident"]


def _severity(raw: object) -> Severity | None:
    try:
        return Severity(str(raw))
    except ValueError:
        return None


def _follow_ups(log: Sequence[Any]) -> dict[tuple[str, int], list[Any]]:
    """The severity ratings and domains added in `log`, by (case, incident index), in log order."""
    out: dict[tuple[str, int], list[Any]] = {}
    for e in log:
        q = e.payload if isinstance(e.payload, dict) else {}
        if e.kind in (RATED, DOMAIN_ADDED) and e.case_id and type(q.get("incident")) is int:
            out.setdefault((e.case_id, q["incident"]), []).append(e)
    return out


def _judged(entry: Any, follow: dict[tuple[str, int], list[Any]]) -> tuple[list[str], Severity | None]:
    """The domains (recorded, and every one added since) and the severity (the highest of the
    recorded one and every rating since) of incident `entry`, from the entries the log holds of the
    case it was filed under (`follow`: `_follow_ups`)."""
    p = entry.payload if isinstance(entry.payload, dict) else {}
    domains = [str(p.get("domain"))] if p.get("domain") else []
    sev = _severity(p.get("severity"))
    for e in follow.get((entry.case_id, entry.index), []):
        q = e.payload
        if e.index <= entry.index:
            continue
        if e.kind == DOMAIN_ADDED and isinstance(q.get("domain"), str) and q["domain"].strip():
            domains.append(q["domain"].strip())
        elif e.kind == RATED:
            rated = _severity(q.get("severity"))
            if rated is not None and (sev is None or rated.rank > sev.rank):
                sev = rated
    return list(dict.fromkeys(domains)), sev


def _signed(pred: dict[str, Any]) -> list[dict[str, Any]] | None:
    """The incident triggers the decision signs, or None when it signs none it can be read by."""
    raw = pred.get(SIGNED_TRIGGERS)
    if not isinstance(raw, list) or not all(isinstance(t, dict) and isinstance(t.get("id"), str) for t in raw):
        return None
    return raw


def _fires(t: dict[str, Any], domains: list[str], sev: Severity | None) -> bool | None:
    """Whether signed trigger `t` fires on an incident in `domains` of severity `sev` (None: the
    trigger or the incident cannot be read)."""
    if t.get("domain") is not None and t["domain"] not in domains:
        return False
    if t.get("min_severity") is None:
        return True
    least = _severity(t["min_severity"])
    if least is None or sev is None:
        return None
    return sev.rank >= least.rank


def _leaves(t: dict[str, Any], requested: BoundaryKind) -> str | None:
    """What trigger `t`'s action, applied, leaves of a deploy across `requested`, in words; None
    when it still allows it (a restriction to that boundary or a wider one)."""
    action = t.get("action")
    if action == "restrict":
        try:
            to = BoundaryKind(str(t.get("to")))
        except ValueError:
            return "reopened (a restriction to no named boundary reopens the case)"
        return None if requested.rank <= to.rank else f"restricted to {to.value}, narrower than {requested.value}"
    return {"withdraw": "withdrawn", "reopen": "reopened"}.get(str(action), f"moved ({str(action)[:40]})")


def unapplied_incident_problems(proven: Any, pred: dict[str, Any], requested: BoundaryKind,
                                model_digest: str | None) -> list[str]:
    """Why the state `proven` shows (a `ProvenState`) does not allow a deploy across `requested`:
    an incident logged after the approval it stands on, against the case or another case about the
    same model (`_same_model_elsewhere`, failing closed), that one of the incident triggers the
    decision signs fires on (in its recorded domain or one added since, at its recorded severity or
    one raised since) with no `trigger-fired` entry of the case for it, whose action leaves nothing
    to deploy across `requested`. Without signed incident triggers, every such incident the proof
    holds, evaluated by no trigger run, is a reason: whether it fires cannot be established."""
    from ._newer import _same_model_elsewhere
    from ._reapproval import last_approval

    case_id = proven.case_id
    if proven.state not in (*_APPROVING, "restricted"):
        return []  # the proven state says no already
    approval = last_approval(proven.events(case_id, "state-change"))
    if approval is None:
        return []
    version = (approval.payload.get("cause") or {}).get("version")
    log = [*proven.earlier, *proven.tail]
    incidents = [e for e in log if e.kind == "incident" and e.index > approval.index and e.case_id]
    if not incidents:
        return []
    fired = {(str(e.payload.get("trigger")), str(e.payload.get("cause")))
             for e in proven.events(case_id, "trigger-fired") if isinstance(e.payload, dict)}
    signed = _signed(pred)
    views = [e for e in log if e.kind in ("case-version", "model-files")]
    follow = _follow_ups(log)
    out: list[str] = []
    for e in incidents:
        filed = ""
        if e.case_id != case_id:
            defeats = (e.payload.get("defeats") or {}) if isinstance(e.payload, dict) else {}
            if type(version) is not int:
                same, how = True, f"the approval (log entry {approval.index}) names no version"
            else:
                same, how = _same_model_elsewhere(views, case_id, version, e.case_id, defeats.get("version"),
                                                  None, model_digest, proven.log_from)
            if not same:
                continue
            filed = f", logged against case {e.case_id} (about the same model: {how})"
        domains, sev = _judged(e, follow)
        what = (f"incident #{e.index} ({', '.join(domains) or 'no domain'}, "
                f"{sev.value if sev is not None else 'severity unreadable'}){filed}")
        if signed is None:
            if not any(c == f"incident:{e.index}" for _t, c in fired):
                out.append(f"{what} was logged after the approval (log entry {approval.index}), and the decision does "
                           "not sign its incident triggers (it was made by an older casegate), so whether the "
                           "incident stops the deploy cannot be established from the state proof: verify with "
                           "--db, or decide again with `casegate decide` and approve that decision")
            continue
        for t in signed:
            if (str(t["id"]), f"incident:{e.index}") in fired:
                continue
            fires = _fires(t, domains, sev)
            if fires is False:
                continue
            if fires is None:
                out.append(f"{what} was logged after the approval (log entry {approval.index}), and whether the "
                           f"decision's trigger {t['id']} fires on it cannot be established (a severity that cannot "
                           "be read): not verified")
                continue
            left = _leaves(t, requested)
            if left is None:
                continue
            out.append(f"{what} was logged after the approval (log entry {approval.index}) and fires the decision's "
                       f"trigger {t['id']} ({t.get('action')}); no `casegate triggers run` has applied it, so the "
                       f"state the proof shows is not the case's: applied, it leaves the case {left} (run `casegate "
                       f"triggers run --case {case_id}`, then make a new state proof)")
    return out
