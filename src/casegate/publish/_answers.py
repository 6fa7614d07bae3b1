"""The eight questions answered from the public view of a case.

Used when the gate's own answer touches redacted content: the answer is rebuilt from what the
audience may see, naming redacted elements only by id."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Case

if TYPE_CHECKING:
    from ._views import (
        ArgumentView,
        DissentView,
        EvidenceItem,
        PathwayItem,
        PostDeploymentView,
        ResidualItem,
        SafeguardItem,
        SignoffItem,
    )

Answers = dict[str, tuple[str, list[str]]]


def _join(parts: list[str]) -> str:
    return "\n".join(p for p in parts if p)


def compose_answers(
    *,
    case: Case,
    argument: ArgumentView,
    evidence: list[EvidenceItem],
    pathways: list[PathwayItem],
    safeguards: list[SafeguardItem],
    residual: list[ResidualItem],
    post: PostDeploymentView,
    roles: list[str],
    signoffs: list[SignoffItem],
    dissent: DissentView,
) -> Answers:
    """key -> (answer, sources) for each of the eight questions; '' when nothing public answers it."""
    ev = {e.id: e for e in evidence}

    def ev_words(eid: str) -> str:
        e = ev.get(eid)
        if e is None:
            return eid
        how = f", {e.basis}" if e.basis else ""
        if e.redacted is not None:
            return f"{eid} (redacted {e.kind or 'evidence'}{how})"
        label = f"{eid} ({e.basis})" if e.basis else eid
        return f"{label}: {e.result}" if e.result else label

    out: Answers = {}

    # 1. capability
    parts, src = [], []
    for n in argument.nodes.values():
        if n.type != "claim" or not n.evidence:
            continue
        if n.redacted is not None:
            parts.append(f"{n.id} (redacted claim) rests on " + ", ".join(ev_words(e) for e in n.evidence))
        elif case.argument.elements[n.id].capability is not None:
            parts.append(f"{n.id}: {n.text} Evidence: " + ", ".join(ev_words(e) for e in n.evidence))
        else:
            continue
        src.append(f"argument.{n.id}")
        src.extend(f"evidence.{e}" for e in n.evidence)
    out["capability"] = (_join(parts), src)

    # 2. pathways
    parts, src = [], []
    for p in pathways:
        steps = " → ".join(s.step for s in p.steps)
        if p.redacted is not None:
            parts.append(f"{p.id} ({p.domain}, redacted pathway, severity {p.severity}, {len(p.steps)} steps)")
        else:
            parts.append(f"{p.id} ({p.domain}, {p.severity}): {p.title or ''} [{steps}]".replace(":  [", ": ["))
        src.append(f"threat_model.{p.domain}.pathways.{p.id}")
    out["pathway"] = (_join(parts), src)

    # 3. safeguards
    parts, src = [], []
    for p in pathways:
        def short(step: str, pid: str = p.id) -> str:
            return step[len(pid) + 1:] if step.startswith(pid + ".") else step

        blocked = [f"{short(s.step)} ← {', '.join(s.blocked_by)}" for s in p.steps if s.blocked_by]
        open_ = [short(s.step) for s in p.steps if not s.blocked_by]
        text = f"{p.id}: " + (", ".join(blocked) or "no step blocked")
        if open_:
            text += f" (unblocked: {', '.join(open_)})"
        parts.append(text)
    for sg in safeguards:
        src.append(f"safeguards.{sg.id}")
    out["safeguards"] = (_join(parts), src)

    # 4. checked by
    parts, src = [], []
    producers = sorted({(e.producer, bool(e.independent)) for e in evidence if e.producer})
    if producers:
        parts.append("evidence produced by " + ", ".join(
            p + (" (independent)" if ind else "") for p, ind in producers))
    hidden = sum(1 for e in evidence if e.redacted is not None)
    if hidden:
        parts.append(f"{hidden} redacted evidence item{'s' if hidden != 1 else ''}")
    # a safeguard's verifier is named as a fact only where that party signed an attestation that
    # covers one of its tests; otherwise it is the case's word
    verifiers = sorted({s.verified_by for s in safeguards if s.verified_by and s.verified_by_attested})
    if verifiers:
        parts.append("safeguards verified by " + ", ".join(verifiers) + " (attested)")
    said = sorted({s.verified_by for s in safeguards if s.verified_by and not s.verified_by_attested})
    if said:
        parts.append("the case says: safeguards verified by " + ", ".join(said) + " (not attested)")
    if signoffs:
        parts.append("signed off by " + ", ".join(f"{s.role} ({s.person})" for s in signoffs))
        src.append("decision.signoffs")
    out["checked-by"] = (_join(parts), src)

    # 5. objectors
    parts, src = [], []
    if roles:
        parts.append("roles that must sign: " + ", ".join(roles))
    for o in dissent.objections:
        parts.append(f"objection {o.id} by {o.role} ({o.status})")
        src.append(f"decision.objections.{o.id}")
    raised = sorted({d.raised_by for d in dissent.defeaters if d.raised_by})
    if raised:
        parts.append("defeaters raised by " + ", ".join(raised))
    out["objectors"] = (_join(parts), src)

    # 6. uncertainty
    parts, src = [], []
    for r in residual:
        if r.redacted is not None:
            parts.append(f"{r.pathway}: residual risk redacted")
        elif r.estimate:
            parts.append(f"{r.pathway}: {r.estimate}")
        src.append(f"residual_risk.{r.pathway}")
    open_d = [d.id for d in dissent.defeaters if d.status == "open"]
    if open_d:
        parts.append("open defeaters: " + ", ".join(open_d))
    undeveloped = [n.id for n in argument.nodes.values() if n.undeveloped]
    if undeveloped:
        parts.append("undeveloped claims: " + ", ".join(undeveloped))
    assumptions = [n.id for n in argument.nodes.values() if n.type == "assumption"]
    if assumptions:
        parts.append("assumptions: " + ", ".join(assumptions))
    out["uncertainty"] = (_join(parts), src)

    # 7. at scale
    parts, src = [], []
    if post.at_scale:
        parts.append(post.at_scale)
        src.append("post_deployment.at_scale")
    if post.monitors:
        parts.append("monitors: " + ", ".join(f"{m.signal} {m.rule} → {m.action}" for m in post.monitors))
        src.append("post_deployment.monitors")
    out["at-scale"] = (_join(parts), src)

    # 8. retreat
    parts, src = [], []
    for t in post.triggers:
        if t.action in ("restrict", "withdraw") or t.on in ("incident", "capability"):
            parts.append(t.description or f"{t.on} → {t.action}")
            src.append(f"post_deployment.triggers.{t.id}")
    if post.withdrawal:
        parts.append("withdrawal: " + " / ".join(post.withdrawal))
        src.append("post_deployment.withdrawal")
    if post.reevaluate_by:
        parts.append(f"re-evaluation by {post.reevaluate_by}")
    out["retreat"] = (_join(parts), src)
    return out
