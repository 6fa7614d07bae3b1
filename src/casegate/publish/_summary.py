"""The public summary: a case and its decision as an audience cleared to one level may see them.

Everything in the summary is built from the redacted view of the case (`Redaction`) and from
decision-record text that passed the `TextGuard`; the Markdown and HTML pages are rendered from
this model alone, so they can show nothing the JSON does not.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from ..model import (
    EIGHT_QUESTIONS,
    Case,
    Confidentiality,
    DecisionRecord,
    Element,
    Evidence,
    Frozen,
    Pathway,
    Policy,
    ResidualRisk,
    Result,
    Safeguard,
)
from ._answers import compose_answers
from ._commit import SCHEME
from ._guard import TextGuard
from ._redact import Redaction, Stub, pointer_of, redact

SUMMARY_VERSION = 1
"""Version of the public summary format."""


class Redacted(Frozen):
    """A redacted element: where it stood, what it was, and the commitment to its content."""

    pointer: str
    """RFC 6901 pointer of the element in the case document."""
    type: str
    """Element type."""
    id: str
    """Element id."""
    level: Confidentiality
    """Its confidentiality level."""
    commitment: str
    """`sha256:<hex>` salted commitment to its content (see `commitment_scheme`)."""


def _ref(stub: Stub | None) -> Redacted | None:
    if stub is None:
        return None
    return Redacted(pointer=stub.pointer, type=stub.type, id=stub.id, level=stub.level,
                    commitment=stub.commitment)


class Node(Frozen):
    """One element of the argument, in place, with its text or its redaction."""

    id: str
    """Element id."""
    type: str
    """claim, strategy, context, assumption, justification or defeater."""
    text: str | None = None
    """The element's text (None when redacted)."""
    redacted: Redacted | None = None
    """The redaction, when redacted."""
    supported_by: list[str] = Field(default_factory=list)
    """Elements that support it."""
    in_context_of: list[str] = Field(default_factory=list)
    """Context, assumptions and justifications."""
    evidence: list[str] = Field(default_factory=list)
    """Evidence it rests on."""
    defeaters: list[str] = Field(default_factory=list)
    """Defeaters raised against it."""
    supports: list[str] = Field(default_factory=list)
    """Elements it supports (derived from the others' links)."""
    undeveloped: bool = False
    """Marked as not yet developed."""
    kind: str | None = None
    """Defeater kind."""
    status: str | None = None
    """Defeater status."""
    against: list[str] = Field(default_factory=list)
    """What the defeater targets."""
    answered_by: list[str] = Field(default_factory=list)
    """What answers the defeater."""
    raised_by: str | None = None
    """Who raised the defeater."""


class OutlineRow(Frozen):
    """One line of the argument's outline."""

    id: str
    """Element id."""
    depth: int
    """Depth below the top claim."""
    repeat: bool = False
    """The element was already shown in full above (shared context, or several parents)."""


class ArgumentView(Frozen):
    """The argument's structure: the top claim and every element in place."""

    top: str
    """Top claim id."""
    nodes: dict[str, Node]
    """Elements by id, in the case's order."""
    outline: list[OutlineRow] = Field(default_factory=list)
    """The argument as an indented outline from the top claim (depth-first)."""
    unreachable: list[str] = Field(default_factory=list)
    """Elements not reachable from the top claim."""


class EvidenceItem(Frozen):
    """An evidence item and what it bears on."""

    id: str
    kind: str | None = None
    title: str | None = None
    producer: str | None = None
    independent: bool | None = None
    date: str | None = None
    expires: str | None = None
    result: str | None = None
    """The result in words, e.g. '33 of 200 successes'."""
    summary: str | None = None
    sha256: str | None = None
    """sha256 of the artifact (public evidence only)."""
    supports: list[str] = Field(default_factory=list)
    """Claims, safeguards and defeater answers that rest on it."""
    relied_on_by: list[str] = Field(default_factory=list)
    """Roles whose sign-off relied on it."""
    redacted: Redacted | None = None


class DomainItem(Frozen):
    """A risk domain of the threat model."""

    id: str
    actors: list[str] = Field(default_factory=list)
    scoped_out: str | None = None
    """Why it is out of scope (None when addressed)."""
    evidence: list[str] = Field(default_factory=list)
    pathways: list[str] = Field(default_factory=list)


class StepView(Frozen):
    """One step of a pathway and the safeguards that block it."""

    step: str
    """The step (its position, `#n`, when the pathway is redacted)."""
    blocked_by: list[str] = Field(default_factory=list)
    """Safeguards that block it."""


class PathwayItem(Frozen):
    """A harm pathway with the safeguards mapped to each step."""

    id: str
    domain: str
    title: str | None = None
    severity: str | None = None
    actors: list[str] = Field(default_factory=list)
    steps: list[StepView] = Field(default_factory=list)
    redacted: Redacted | None = None


class SafeguardItem(Frozen):
    """A safeguard and the pathway steps it blocks."""

    id: str
    layer: str | None = None
    title: str | None = None
    blocks: list[str] = Field(default_factory=list)
    evidence: list[str] = Field(default_factory=list)
    verified_by: str | None = None
    security: bool = False
    redacted: Redacted | None = None


class ResidualItem(Frozen):
    """Residual risk on one pathway."""

    pathway: str
    estimate: str | None = None
    exposed: list[str] = Field(default_factory=list)
    detection: str | None = None
    stop_authority: str | None = None
    owner: str | None = None
    accepted_by: str | None = None
    rationale: str | None = None
    redacted: Redacted | None = None


class AnswerItem(Frozen):
    """One of the eight questions, answered."""

    key: str
    question: str
    answer: str
    sources: list[str] = Field(default_factory=list)
    answerable: bool = True
    """Whether the gate found the case able to answer it."""
    origin: str = "gate"
    """'gate' when the gate's own answer is shown; 'summary' when it touched redacted content and
    the answer was composed from the public view instead."""


class ConditionItem(Frozen):
    """A condition of the decision."""

    id: str
    text: str | None = None
    """What must be done (None when withheld because it concerns redacted content)."""
    cause: str
    due: str | None = None
    withheld: bool = False


class FindingItem(Frozen):
    """A finding of the gate."""

    code: str
    name: str
    severity: str
    message: str | None = None
    """None when withheld because it concerns redacted content."""
    element: str | None = None
    """Pointer of the element it concerns (None when inside a redacted element)."""
    location: str | None = None
    """file:line of the element in the case's source (None when inside a redacted element)."""
    waived: bool = False
    withheld: bool = False


class DecisionView(Frozen):
    """The gate's decision."""

    outcome: str
    decided_at: str
    boundary: str | None = None
    narrower: str | None = None
    lacks: list[str] = Field(default_factory=list)
    conditions: list[ConditionItem] = Field(default_factory=list)
    findings: list[FindingItem] = Field(default_factory=list)
    counts: dict[str, int] = Field(default_factory=dict)
    """Findings by severity (blocking, condition, advisory) and waived."""
    digests: dict[str, Any] = Field(default_factory=dict)
    """Model digests and the case digest the decision is bound to."""


class SignoffItem(Frozen):
    role: str
    person: str
    date: str
    signed: bool = False
    """Whether a signed envelope is recorded."""
    relies_on: list[str] = Field(default_factory=list)


class ObjectionItem(Frozen):
    id: str
    role: str
    status: str
    person: str | None = None
    date: str | None = None
    reason: str | None = None
    """None when the objection is redacted."""
    answer: str | None = None
    answered_by: str | None = None
    redacted: Redacted | None = None


class DissentView(Frozen):
    """Objections and defeaters, with their status."""

    objections: list[ObjectionItem] = Field(default_factory=list)
    defeaters: list[Node] = Field(default_factory=list)


class TriggerItem(Frozen):
    id: str
    on: str
    action: str
    to: str | None = None
    description: str | None = None
    detail: str | None = None
    """The event's filter in words (domain, severity, monitor)."""


class MonitorItem(Frozen):
    id: str
    signal: str
    rule: str
    """e.g. '> 0.005 over 24h'."""
    action: str
    to: str | None = None


class PostDeploymentView(Frozen):
    monitors: list[MonitorItem] = Field(default_factory=list)
    triggers: list[TriggerItem] = Field(default_factory=list)
    reevaluate_by: str | None = None
    model_change_control: str | None = None
    withdrawal: list[str] = Field(default_factory=list)
    incident_reporting: str | None = None
    at_scale: str | None = None


class PublicSummary(Frozen):
    """The public summary document (JSON), from which the Markdown and HTML pages are rendered."""

    casegate_summary: int = SUMMARY_VERSION
    """Format version."""
    commitment_scheme: str = SCHEME
    """How commitments are computed (see docs/publication.md)."""
    level: Confidentiality
    """Audience level: elements above it are redacted."""
    case: dict[str, Any]
    """id, title, version, date."""
    system: dict[str, Any]
    """The system: name, version, digests, lineage."""
    boundary: dict[str, Any] | None
    """The boundary crossed."""
    decision: DecisionView
    questions: list[AnswerItem]
    threat_model: list[DomainItem]
    pathways: list[PathwayItem]
    safeguards: list[SafeguardItem]
    evidence: list[EvidenceItem]
    residual_risk: list[ResidualItem]
    post_deployment: PostDeploymentView
    required_roles: list[str]
    """Roles the policy requires to sign for this boundary."""
    signoffs: list[SignoffItem]
    dissent: DissentView
    argument: ArgumentView
    publication: dict[str, Any]
    """The case's publication plan (venue, audience, what is withheld and why)."""
    redactions: list[Redacted]
    """Every redacted element with its commitment."""
    case_document: dict[str, Any]
    """The whole case document with redacted elements replaced by their stubs."""


# --------------------------------------------------------------------------- building


def format_result(r: Result | None) -> str | None:
    """A result in words."""
    if r is None:
        return None
    parts = []
    if r.successes is not None and r.trials is not None:
        parts.append(f"{r.successes} of {r.trials} successes")
    if r.bypasses is not None and r.attempts is not None:
        parts.append(f"{r.bypasses} bypasses in {r.attempts} attempts")
    if r.metric is not None and r.value is not None:
        parts.append(f"{r.metric} = {r.value:g}" + (f" ± {r.stderr:g}" if r.stderr is not None else ""))
    if r.passed is not None:
        parts.append("passed" if r.passed else "failed")
    return "; ".join(parts) or None


def _node(eid: str, el: Element | Stub, supports: list[str]) -> Node:
    if isinstance(el, Stub):
        rv = el.revealed
        return Node(id=eid, type=el.type, redacted=_ref(el), supports=supports,
                    supported_by=rv.get("supported_by", []), in_context_of=rv.get("in_context_of", []),
                    evidence=rv.get("evidence", []), defeaters=rv.get("defeaters", []),
                    undeveloped=bool(rv.get("undeveloped", False)), kind=rv.get("kind"),
                    status=rv.get("status"), against=rv.get("against", []),
                    answered_by=rv.get("answered_by", []))
    return Node(id=eid, type=el.type, text=el.text, supports=supports, supported_by=list(el.supported_by),
                in_context_of=list(el.in_context_of), evidence=list(el.evidence),
                defeaters=list(el.defeaters), undeveloped=el.undeveloped, kind=el.kind,
                status=el.status, against=list(el.against), answered_by=list(el.answered_by),
                raised_by=el.raised_by)


def _argument(case: Case, rd: Redaction) -> ArgumentView:
    elements = case.argument.elements
    # links as the audience sees them: a redacted element's come from its stub
    shown: dict[str, Element | Stub] = {}
    links: dict[str, tuple[list[str], list[str], list[str]]] = {}
    for eid, el in elements.items():
        stub = rd.stubs.get(pointer_of(("argument", "elements", eid)))
        shown[eid] = stub if stub is not None else el
        if stub is not None:
            rv = stub.revealed
            links[eid] = ([*rv.get("supported_by", []), *rv.get("in_context_of", []), *rv.get("defeaters", [])],
                          rv.get("against", []), rv.get("defeaters", []))
        else:
            links[eid] = ([*el.supported_by, *el.in_context_of, *el.defeaters], el.against, el.defeaters)
    parents: dict[str, list[str]] = {k: [] for k in elements}
    attackers: dict[str, list[str]] = {k: [] for k in elements}
    for eid, (children_, against, _) in links.items():
        for child in dict.fromkeys(children_):
            if child in parents:
                parents[child].append(eid)
        for target in against:
            if target in elements:
                attackers[target].append(eid)
                if eid not in links[target][2] and target not in parents[eid]:
                    parents[eid].append(target)
    nodes = {eid: _node(eid, shown[eid], parents[eid]) for eid in elements}

    def children(n: Node) -> list[str]:
        kids = n.in_context_of + n.defeaters + [a for a in attackers[n.id] if a not in n.defeaters]
        return [k for k in dict.fromkeys(kids + n.supported_by) if k in nodes]

    # depth-first outline from the top claim: each element drawn once in full, later mentions
    # point back to it (iterative, so a deep argument cannot exhaust the stack)
    outline: list[OutlineRow] = []
    seen: set[str] = set()
    stack: list[tuple[str, int]] = [(case.argument.top, 0)] if case.argument.top in nodes else []
    while stack:
        x, depth = stack.pop()
        if x in seen:
            outline.append(OutlineRow(id=x, depth=depth, repeat=True))
            continue
        seen.add(x)
        outline.append(OutlineRow(id=x, depth=depth))
        stack.extend((k, depth + 1) for k in reversed(children(nodes[x])))
    return ArgumentView(top=case.argument.top, nodes=nodes, outline=outline,
                        unreachable=[k for k in nodes if k not in seen])


def _evidence(case: Case, rd: Redaction, argument: ArgumentView,
              safeguards: list[SafeguardItem]) -> list[EvidenceItem]:
    supports: dict[str, list[str]] = {e: [] for e in case.evidence}
    for n in argument.nodes.values():
        for e in n.evidence + n.answered_by:
            if e in supports and n.id not in supports[e]:
                supports[e].append(n.id)
    for sg in safeguards:
        for e in sg.evidence:
            if e in supports and sg.id not in supports[e]:
                supports[e].append(sg.id)
    for did, d in case.threat_model.items():
        for e in d.evidence:
            if e in supports and did not in supports[e]:
                supports[e].append(did)
    relied: dict[str, list[str]] = {e: [] for e in case.evidence}
    for so in case.decision.signoffs:
        for e in so.relies_on:
            if e in relied and so.role not in relied[e]:
                relied[e].append(so.role)
    out = []
    for eid, ev in case.evidence.items():
        stub = rd.stub_at(("evidence", eid))
        if stub is not None:
            out.append(EvidenceItem(id=eid, kind=stub.revealed.get("kind"), supports=supports[eid],
                                    relied_on_by=relied[eid], redacted=_ref(stub)))
            continue
        assert isinstance(ev, Evidence)
        out.append(EvidenceItem(
            id=eid, kind=ev.kind, title=ev.title, producer=ev.producer, independent=ev.independent,
            date=ev.date.isoformat(), expires=ev.expires.isoformat() if ev.expires else None,
            result=format_result(ev.result), summary=ev.summary, sha256=ev.sha256,
            supports=supports[eid], relied_on_by=relied[eid]))
    # what mattered first: the most-relied-on, then the most-used
    out.sort(key=lambda e: (-(len(e.relied_on_by) * 10 + len(e.supports)),))
    return out


def _safeguards(case: Case, rd: Redaction) -> list[SafeguardItem]:
    out = []
    for sid, sg in case.safeguards.items():
        stub = rd.stub_at(("safeguards", sid))
        if stub is not None:
            rv = stub.revealed
            out.append(SafeguardItem(id=sid, layer=rv.get("layer"), blocks=rv.get("blocks", []),
                                     evidence=rv.get("evidence", []), security=bool(rv.get("security")),
                                     redacted=_ref(stub)))
            continue
        assert isinstance(sg, Safeguard)
        out.append(SafeguardItem(id=sid, layer=sg.layer, title=sg.title,
                                 blocks=[rd.step(b) for b in sg.blocks], evidence=list(sg.evidence),
                                 verified_by=sg.verified_by, security=sg.security))
    return out


def _threats(case: Case, rd: Redaction, safeguards: list[SafeguardItem]) -> tuple[list[DomainItem], list[PathwayItem]]:
    blockers: dict[str, list[str]] = {}
    for sg in safeguards:
        for b in sg.blocks:
            blockers.setdefault(b, []).append(sg.id)
    domains, pathways = [], []
    for did, d in case.threat_model.items():
        domains.append(DomainItem(id=did, actors=list(d.actors), scoped_out=d.scoped_out,
                                  evidence=list(d.evidence), pathways=list(d.pathways)))
        for pid, p in d.pathways.items():
            stub = rd.stub_at(("threat_model", did, "pathways", pid))
            if stub is not None:
                steps = [StepView(step=s, blocked_by=blockers.get(s, [])) for s in stub.revealed["steps"]]
                pathways.append(PathwayItem(id=pid, domain=did, severity=stub.revealed.get("severity"),
                                            steps=steps, redacted=_ref(stub)))
                continue
            assert isinstance(p, Pathway)
            steps = [StepView(step=s, blocked_by=blockers.get(f"{pid}.{s}", [])) for s in p.steps]
            pathways.append(PathwayItem(id=pid, domain=did, title=p.title, severity=p.severity.value,
                                        actors=list(p.actors or d.actors), steps=steps))
    return domains, pathways


def _residual(case: Case, rd: Redaction) -> list[ResidualItem]:
    out = []
    for pid, r in case.residual_risk.items():
        stub = rd.stub_at(("residual_risk", pid))
        if stub is not None:
            out.append(ResidualItem(pathway=pid, redacted=_ref(stub)))
            continue
        assert isinstance(r, ResidualRisk)
        out.append(ResidualItem(pathway=pid, estimate=r.estimate, exposed=list(r.exposed),
                                detection=r.detection, stop_authority=r.stop_authority, owner=r.owner,
                                accepted_by=r.accepted_by, rationale=r.rationale))
    return out


def _post(case: Case) -> PostDeploymentView:
    pd = case.post_deployment
    if pd is None:
        return PostDeploymentView()
    monitors = [MonitorItem(id=mid, signal=m.signal, rule=f"{m.op} {m.threshold:g} over {m.window}",
                            action=m.action, to=m.to.value if m.to else None)
                for mid, m in pd.monitors.items()]
    triggers = []
    for tid, t in pd.triggers.items():
        detail = ", ".join(x for x in (
            f"domain {t.domain}" if t.domain else "",
            f"severity {t.min_severity.value} or worse" if t.min_severity else "",
            f"monitor {t.monitor}" if t.monitor else "") if x)
        triggers.append(TriggerItem(id=tid, on=t.on, action=t.action, to=t.to.value if t.to else None,
                                    description=t.description, detail=detail or None))
    return PostDeploymentView(
        monitors=monitors, triggers=triggers,
        reevaluate_by=pd.reevaluate_by.isoformat() if pd.reevaluate_by else None,
        model_change_control=pd.model_change_control, withdrawal=list(pd.withdrawal),
        incident_reporting=pd.incident_reporting, at_scale=pd.at_scale)


def required_roles(case: Case, policy: Policy | None) -> list[str]:
    """Roles the policy requires to sign for the case's boundary."""
    if policy is None or case.boundary is None:
        return []
    return [r.role for r in policy.signoff.required.get(case.boundary.kind, [])]


def _decision(record: DecisionRecord, guard: TextGuard) -> DecisionView:
    conditions = []
    for c in record.conditions:
        ok = guard.safe(c.text, paths=[c.path])
        conditions.append(ConditionItem(id=c.id, text=c.text if ok else None, cause=c.cause, due=c.due,
                                        withheld=not ok))
    findings = []
    counts = {"blocking": 0, "condition": 0, "advisory": 0, "waived": 0}
    for f in record.findings:
        if f.waived is not None:
            counts["waived"] += 1
        else:
            counts[f.severity.value] += 1
        inside = guard.redaction.is_redacted(f.path) if f.path else False
        ok = not inside and guard.safe(f.message, paths=[f.path])
        findings.append(FindingItem(code=f.code, name=f.name, severity=f.severity.value,
                                    message=f.message if ok else None,
                                    element=None if inside or not f.path else pointer_of(f.path),
                                    location=None if inside or f.location is None
                                    else f"{f.location.file}:{f.location.line}",
                                    waived=f.waived is not None, withheld=not ok))
    return DecisionView(
        outcome=record.outcome, decided_at=record.decided_at,
        boundary=record.boundary.value if record.boundary else None,
        narrower=record.narrower.value if record.narrower else None,
        lacks=[x if guard.safe(x) else "(withheld: concerns redacted content)" for x in record.lacks],
        conditions=conditions, findings=findings, counts=counts,
        digests={"model": list(record.digests.model), "case": record.digests.case},
    )


def build_summary(
    case: Case,
    record: DecisionRecord,
    *,
    key: bytes,
    level: Confidentiality = Confidentiality.public,
    policy: Policy | None = None,
) -> PublicSummary:
    """The summary of `case` and its decision for an audience cleared to `level`."""
    rd = redact(case, key, level)
    guard = TextGuard(rd, rd.sealed.values())
    argument = _argument(case, rd)
    safeguards = _safeguards(case, rd)
    domains, pathways = _threats(case, rd, safeguards)
    evidence = _evidence(case, rd, argument, safeguards)
    residual = _residual(case, rd)
    post = _post(case)
    roles = required_roles(case, policy)
    signoffs = [SignoffItem(role=s.role, person=s.person, date=s.date.isoformat(),
                            signed=s.envelope is not None, relies_on=list(s.relies_on))
                for s in case.decision.signoffs]
    objections = []
    for oid, o in case.decision.objections.items():
        stub = rd.stubs.get(pointer_of(("decision", "objections", oid)))
        if stub is not None:
            objections.append(ObjectionItem(id=oid, role=stub.revealed.get("role", ""),
                                            status=stub.revealed.get("status", "open"), redacted=_ref(stub)))
        else:
            objections.append(ObjectionItem(id=oid, role=o.role, person=o.person, date=o.date.isoformat(),
                                            reason=o.reason, status=o.status, answer=o.answer,
                                            answered_by=o.answered_by))
    dissent = DissentView(objections=objections,
                          defeaters=[n for n in argument.nodes.values() if n.type == "defeater"])
    composed = compose_answers(
        case=case, argument=argument, evidence=evidence, pathways=pathways, safeguards=safeguards,
        residual=residual, post=post, roles=roles, signoffs=signoffs, dissent=dissent)
    by_key = {a.key: a for a in record.answers}
    questions = []
    for key_, question in EIGHT_QUESTIONS:
        gate = by_key.get(key_)
        mine = composed[key_]
        if gate is not None and gate.answer and guard.safe(gate.answer, refs=gate.sources):
            questions.append(AnswerItem(key=key_, question=question, answer=gate.answer,
                                        sources=list(gate.sources), answerable=gate.answerable))
        else:
            questions.append(AnswerItem(key=key_, question=question, answer=mine[0], sources=mine[1],
                                        answerable=gate.answerable if gate is not None else bool(mine[0]),
                                        origin="summary"))
    doc = rd.document
    return PublicSummary(
        level=level,
        case={"id": case.id, "title": case.title, "version": case.version,
              "date": case.date.isoformat() if case.date else None},
        system=doc["system"],
        boundary=doc.get("boundary"),
        decision=_decision(record, guard),
        questions=questions,
        threat_model=domains, pathways=pathways, safeguards=safeguards, evidence=evidence,
        residual_risk=residual, post_deployment=post, required_roles=roles, signoffs=signoffs,
        dissent=dissent, argument=argument, publication=doc.get("publication", {}),
        redactions=[r for r in (_ref(s) for s in rd.stubs.values()) if r is not None],
        case_document=doc,
    )


def summary_json(summary: BaseModel) -> str:
    """The summary as JSON text (fields in model order, two-space indent, UTF-8)."""
    return summary.model_dump_json(indent=2) + "\n"
