"""The eight questions every decision must answer, answered from the case's own data.

Each answer names the elements it came from (`evidence.E-ctf`, `safeguards.SG-kyc`, ...). A
question the case holds nothing for is unanswerable: rule CG602 turns that into a blocking finding
and the gate prints the answers in its decision record.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Callable

from ..model import EIGHT_QUESTIONS, Answer
from ._derived import (
    capability_status,
    elements_of_type,
    inability,
    independent_evidence,
    pathway_risk,
)
from ._registry import Context

__all__ = ["QUESTION_SECTIONS", "compose_answers", "provenance"]

QUESTION_SECTIONS: dict[str, tuple[str, ...]] = {
    "capability": ("evidence",),
    "pathway": ("threat_model",),
    "safeguards": ("safeguards",),
    "checked-by": ("decision",),
    "objectors": ("decision",),
    "uncertainty": ("residual_risk",),
    "at-scale": ("post_deployment",),
    "retreat": ("post_deployment",),
}
"""Question key -> the case section a missing answer points at."""

_Parts = tuple[list[str], list[str]]


_STATUS_WORDS = {
    "below-alert": "below the alert level",
    "between": "between the alert level and the threshold",
    "reached": "reached or cannot be ruled out",
}


def provenance(ctx: Context, eid: str) -> str:
    """Where an evidence item's values come from: 'derived from <artifact>', 'declared' (no
    artifact casegate reads: the author's word) or 'not derived: ...' (nothing could be read)."""
    facts = ctx.facts
    if facts is None:
        return "not derived: the case or policy could not be built"
    basis = facts.basis(eid)
    d = facts.derivations.get(eid)
    if basis == "derived" and d is not None:
        return f"derived from {d.artifact}"
    if basis == "not derived":
        why = d.problem if d is not None and d.problem else "nothing could be read"
        return f"not derived: {why}"
    return basis


def _labelled(ctx: Context, eids: list[str]) -> str:
    return ", ".join(f"{e} ({provenance(ctx, e)})" for e in eids)


def _capability(ctx: Context) -> _Parts:
    lines: list[str] = []
    src: list[str] = []
    pol = ctx.policy
    for tid, st in capability_status(ctx).items():
        if not st.evidence:
            continue
        name = pol.thresholds[tid].name
        lines.append(f"{name} [{tid}]: {_STATUS_WORDS[st.status]}: {st.basis}; evidence: {_labelled(ctx, list(st.evidence))}")
        src.extend(f"evidence.{e}" for e in st.evidence)
    types = ctx.index.types
    for eid, cap in ctx.index.fields["capability"].items():
        if types[eid] == "claim":
            th = pol.thresholds.get(cap.threshold)
            name = th.name if th else cap.threshold
            lines.append(f"claim {eid}: {cap.position} {name}")
            src.append(f"argument.elements.{eid}")
    return lines, src


def _pathway(ctx: Context) -> _Parts:
    case = ctx.case
    lines: list[str] = []
    src: list[str] = []
    for dom, t in case.threat_model.items():
        for pid, p in t.pathways.items():
            title = f"{p.title} " if p.title else ""
            lines.append(f"{title}[{pid}] ({dom}, {p.severity.value}): " + " -> ".join(p.steps))
            src.append(f"threat_model.{dom}.pathways.{pid}")
    for dom, t in case.threat_model.items():
        if t.scoped_out:
            rests = [f"boundary.{p}" for p in t.rests_on] + list(t.evidence)
            on = f" (rests on {', '.join(rests)})" if rests else ""
            lines.append(f"{dom} scoped out: {t.scoped_out.strip()}{on}")
            src.append(f"threat_model.{dom}")
    return lines, src


def _safeguards(ctx: Context) -> _Parts:
    case = ctx.case
    lines: list[str] = []
    src: list[str] = []
    for sid, s in case.safeguards.items():
        if not s.blocks:
            continue
        tested = f"; evidence {_labelled(ctx, list(s.evidence))}" if s.evidence else "; no test evidence"
        lines.append(f"{s.title or sid} [{sid}] ({s.layer}) blocks {', '.join(s.blocks)}{tested}")
        src.append(f"safeguards.{sid}")
    return lines, src


def _checked_by(ctx: Context) -> _Parts:
    case = ctx.case
    lines: list[str] = []
    src: list[str] = []
    # With a keyring the gate judges only the lines whose envelope verified (`AuthorityCheck`:
    # the others are out of `case`); without one (a preview) an envelope is not checked, and the
    # line is the case's word
    authority = ctx.authority
    checked = authority is not None and authority.keyring is not None
    for i, s in enumerate(case.decision.signoffs):
        on = f", relying on {', '.join(s.relies_on)}" if s.relies_on else ""
        if s.envelope is None:
            how = " [declared: no signed envelope]"
        elif not checked:
            how = " [declared: its envelope was not checked against a keyring]"
        else:
            how = ""
        lines.append(f"{s.person} ({s.role}) signed on {s.date.isoformat()}{on}{how}")
        src.append(f"decision.signoffs.{i}")
    facts = ctx.facts
    # the items marked independent, and those the case declared independent (the artifacts may
    # show otherwise)
    told = set(independent_evidence(ctx))
    if facts is not None:
        declared = map(operator.attrgetter("declared"), facts.independence.values())
        told.update(itertools.compress(facts.independence, declared))
    for eid in filter(told.__contains__, case.evidence):
        e = case.evidence[eid]
        ind = facts.independence.get(eid) if facts is not None else None
        if e.independent:
            by = "; ".join(ind.attested_by) if ind is not None else ""
            lines.append(f"{e.producer} (independent) produced {eid} [derived: signed attestation" +
                         (f" by {by}" if by else "") + "]")
            src.append(f"evidence.{eid}")
        elif ind is not None and ind.declared:
            lines.append(f"{e.producer} produced {eid} [declared independent, not attested: not counted as independent]")
            src.append(f"evidence.{eid}")
    # a verifier is the gate's finding only where that party signed a test of the safeguard
    # (`EvidenceFacts.verifiers`); otherwise it is the case's word, and the line says so
    verifiers = facts.verifiers if facts is not None else {}
    for sid, sg in case.safeguards.items():
        if sg.verified_by:
            attested = verifiers.get(sid)
            lines.append(f"{sg.verified_by} verified {sid} [derived: signed attestation by {'; '.join(attested)}]"
                         if attested
                         else f"the case says {sg.verified_by} verified {sid} [declared: no attestation by that "
                              "party covers its tests]")
            src.append(f"safeguards.{sid}")
    return lines, src


def _objectors(ctx: Context) -> _Parts:
    case, pol, boundary = ctx.case, ctx.policy, ctx.boundary

    lines: list[str] = []
    src: list[str] = []
    if boundary is not None:
        listed, reqs = pol.signoff.required_for(boundary)
        if listed is not None and reqs:
            lines.append(f"every role that must sign for {boundary.value} can withhold its sign-off: "
                         + ", ".join(r.role if r.min == 1 else f"{r.role} ({r.min} people)" for r in reqs))
            src.append(f"@policy.signoff.required.{listed.value}")
    # a signed objection's status is the gate's where the signed statements were judged against a
    # keyring (`verify.signed_view` resolves it); any other status, and a defeater's, is the case's
    authority = ctx.authority
    judged = authority is not None and authority.keyring is not None
    for oid, o in case.decision.objections.items():
        ans = f"; answer: {o.answer.strip()}" if o.answer else ""
        status = o.status if judged and o.envelope is not None else f"{o.status} as the case records it"
        lines.append(f"{o.person} ({o.role}) objected on {o.date.isoformat()} [{oid}, {status}]: {o.reason.strip()}{ans}")
        src.append(f"decision.objections.{oid}")
    for eid, el in elements_of_type(ctx, "defeater"):
        if el.raised_by:
            lines.append(f"{el.raised_by} raised defeater {eid} ({el.status or 'open'} as the case records it)")
            src.append(f"argument.elements.{eid}")
    return lines, src


def _uncertainty(ctx: Context) -> _Parts:
    case = ctx.case
    lines: list[str] = []
    src: list[str] = []
    for pid, r in case.residual_risk.items():
        if r.estimate:
            lines.append(f"residual risk on {pid}: {r.estimate.strip()}")
            src.append(f"residual_risk.{pid}")
    for pid, risk in pathway_risk(ctx).items():
        inab = inability(ctx, risk.domain)
        if inab.shown:
            extra = (f"; the safeguards' propagated bound, {risk.bound:.2g} per year, is defence in depth"
                     if risk.bound is not None else "")
            lines.append(f"{pid} is argued by inability: {inab.reason}{extra}")
            src.append(f"threat_model.{risk.domain}.pathways.{pid}")
        elif risk.bound is not None:
            tol = f" (tolerance {risk.tolerance:g})" if risk.tolerance is not None else ""
            lines.append(f"propagated upper bound on {pid}: {risk.bound:.2g} successful harms per year "
                         f"at {risk.confidence:.0%} confidence{tol}")
            src.append(f"threat_model.{risk.domain}.pathways.{pid}")
    # one lookup per element in the index, not a walk of every element's fields
    els, types, undeveloped = case.argument.elements, ctx.index.types, ctx.index.fields["undeveloped"]
    by_type = ctx.index.by_type
    told = {eid for t in ("assumption", "defeater") for eid in by_type.get(t, ())}.union(undeveloped)
    for eid, t in ((eid, types[eid]) for eid in filter(told.__contains__, types)):  # in the argument's order
        if t == "assumption":
            lines.append(f"assumed [{eid}]: {str(els[eid].assumption).strip()}")
            src.append(f"argument.elements.{eid}")
        elif t == "defeater" and (el := els[eid]).status in (None, "open", "accepted"):
            lines.append(f"{el.status or 'open'} defeater [{eid}]: {str(el.defeater).strip()}")
            src.append(f"argument.elements.{eid}")
        elif t == "claim" and eid in undeveloped:
            lines.append(f"undeveloped claim [{eid}]: {str(els[eid].claim).strip()}")
            src.append(f"argument.elements.{eid}")
    return lines, src


def _at_scale(ctx: Context) -> _Parts:
    case = ctx.case
    lines: list[str] = []
    src: list[str] = []
    pd = case.post_deployment
    if pd is None:
        return lines, src
    if pd.at_scale:
        lines.append(pd.at_scale.strip())
        src.append("post_deployment.at_scale")
    for mid, m in pd.monitors.items():
        to = f" to {m.to.value}" if m.to else ""
        lines.append(f"monitor {mid}: {m.signal} {m.op} {m.threshold:g} over {m.window} -> {m.action}{to}")
        src.append(f"post_deployment.monitors.{mid}")
    return lines, src


def _retreat(ctx: Context) -> _Parts:
    case = ctx.case
    lines: list[str] = []
    src: list[str] = []
    pd = case.post_deployment
    if pd is None:
        return lines, src
    for i, w in enumerate(pd.withdrawal):
        lines.append(f"withdraw if: {w.strip()}")
        src.append(f"post_deployment.withdrawal.{i}")
    for tid, t in pd.triggers.items():
        what = t.description.strip() if t.description else _trigger_words(t.on, t.domain, t.min_severity)
        to = f" to {t.to.value}" if t.to else ""
        lines.append(f"{t.action}{to} on {t.on} [{tid}]: {what}")
        src.append(f"post_deployment.triggers.{tid}")
    return lines, src


def _trigger_words(on: str, domain: str | None, sev: object) -> str:
    parts = [on]
    if domain:
        parts.append(f"in {domain}")
    if sev is not None:
        parts.append(f"at {getattr(sev, 'value', sev)} severity or worse")
    return " ".join(parts)


_COMPOSERS: dict[str, Callable[[Context], _Parts]] = {
    "capability": _capability,
    "pathway": _pathway,
    "safeguards": _safeguards,
    "checked-by": _checked_by,
    "objectors": _objectors,
    "uncertainty": _uncertainty,
    "at-scale": _at_scale,
    "retreat": _retreat,
}


def compose_answers(ctx: Context) -> list[Answer]:
    """The eight answers for the case at `ctx.boundary`, in the order of EIGHT_QUESTIONS."""
    key = f"answers:{ctx.boundary.value if ctx.boundary else ''}"
    got = ctx.memo.get(key)
    if got is not None:
        return got  # type: ignore[no-any-return]
    out = []
    for qkey, question in EIGHT_QUESTIONS:
        lines, src = _COMPOSERS[qkey](ctx)
        # text and element references composed here: not validated again (see gate._engine)
        out.append(Answer.model_construct(key=qkey, question=question, answer="\n".join(lines), sources=src,
                                          answerable=bool(lines)))
    ctx.memo[key] = out
    return out
