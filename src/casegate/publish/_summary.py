"""The public summary: a case and its decision as an audience cleared to one level may see them.

Everything in the summary is built from the redacted view of the case (`Redaction`) and from
decision-record text that passed the `TextGuard`; the Markdown and HTML pages are rendered from
this model alone, so they can show nothing the JSON does not.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

from pydantic import BaseModel

from ..model import (
    EIGHT_QUESTIONS,
    Case,
    Confidentiality,
    DecisionRecord,
    Element,
    Evidence,
    Pathway,
    Policy,
    ResidualRisk,
    Result,
    Safeguard,
)
from ._answers import compose_answers
from ._commit import SCHEME, Salts
from ._guard import TextGuard
from ._redact import Redaction, Stub, pointer_of, redact
from ._registry import RegistryFacts
from ._views import (
    SUMMARY_VERSION,
    AnswerItem,
    ArgumentView,
    ConditionItem,
    DecisionView,
    DissentView,
    DomainItem,
    EvidenceItem,
    FindingItem,
    MonitorItem,
    Node,
    ObjectionItem,
    OutlineRow,
    PathwayItem,
    PostDeploymentView,
    PublicSummary,
    Redacted,
    ResidualItem,
    SafeguardItem,
    SignoffItem,
    StepView,
    TriggerItem,
    refs_of,
)

Refs = dict[str, Redacted]
"""Pointer -> the public reference to the element redacted there."""

__all__ = ["SUMMARY_VERSION", "PublicSummary", "build_summary", "format_result", "required_roles",
           "summary_json", "summary_json_bytes", "write_summary_json"]

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


def _node(eid: str, el: Element | Stub, supports: list[str], refs: Refs) -> Node:
    """The argument node `eid`. Its lists are the case's own (nodes are immutable, and nothing
    changes a loaded case). Its fields are given in `Node`'s order, by position: a large argument
    has thousands of nodes, and naming each field costs more than building the node."""
    if isinstance(el, Stub):
        rv = el.revealed
        return Node(eid, el.type, None, refs[el.pointer], rv.get("supported_by", []), rv.get("in_context_of", []),
                    rv.get("evidence", []), rv.get("defeaters", []), supports, bool(rv.get("undeveloped", False)),
                    rv.get("kind"), rv.get("status"), rv.get("against", []), rv.get("answered_by", []))
    kind = el.type  # the text is the field named by the type (`Element.text`, without asking twice)
    # the fields read from the model's `__dict__`: an attribute of a pydantic model is looked for
    # through its class first, a cost per field of every element
    d = el.__dict__
    return Node(eid, kind, str(d[kind]), None, d["supported_by"], d["in_context_of"], d["evidence"],
                d["defeaters"], supports, d["undeveloped"], d["kind"], d["status"], d["against"], d["answered_by"],
                d["raised_by"])


def _argument(case: Case, rd: Redaction, refs: Refs) -> ArgumentView:
    elements = case.argument.elements
    # the redacted elements of the argument by id (a stub's id is the last part of its pointer)
    stubbed = {st.id: st for p, st in rd.stubs.items()
               if p.startswith("/argument/elements/") and p == pointer_of(("argument", "elements", st.id))}

    def defeaters_of(eid: str) -> list[str]:
        stub = stubbed.get(eid)
        return elements[eid].defeaters if stub is None else stub.revealed.get("defeaters", [])

    # links as the audience sees them: a redacted element's come from its stub. An element
    # supports what links to it, and a defeater supports what it attacks unless that lists it
    # as a defeater already
    shown: dict[str, Element | Stub] = {}
    parents: dict[str, list[str]] = {k: [] for k in elements}
    attackers: dict[str, list[str]] = {}  # only the attacked elements: a few among thousands
    for eid, el in elements.items():
        stub = stubbed.get(eid) if stubbed else None
        if stub is None:
            shown[eid] = el
            d = el.__dict__  # as in `_node`
            linked = [*d["supported_by"], *d["in_context_of"], *d["defeaters"]]
            against = d["against"]
        else:
            shown[eid] = stub
            rv = stub.revealed
            linked = [*rv.get("supported_by", []), *rv.get("in_context_of", []), *rv.get("defeaters", [])]
            against = rv.get("against", [])
        for child in dict.fromkeys(linked) if len(linked) > 1 else linked:
            got = parents.get(child)
            if got is not None:
                got.append(eid)
        for target in against:
            if target in elements:
                attackers.setdefault(target, []).append(eid)
                if eid not in defeaters_of(target) and target not in parents[eid]:
                    parents[eid].append(target)
    nodes = {eid: _node(eid, el, parents[eid], refs) for eid, el in shown.items()}

    # depth-first outline from the top claim: each element drawn once in full, later mentions
    # point back to it (iterative, so a deep argument cannot exhaust the stack); an element's
    # children are its context, defeaters, other attackers, then what supports it
    outline: list[OutlineRow] = []
    seen: set[str] = set()
    stack: list[tuple[str, int]] = [(case.argument.top, 0)] if case.argument.top in nodes else []
    while stack:
        x, depth = stack.pop()
        if x in seen:
            outline.append(OutlineRow(x, depth, repeat=True))
            continue
        seen.add(x)
        outline.append(OutlineRow(x, depth))
        n = nodes[x]
        attacked_by = attackers.get(x)
        defeaters = n.defeaters
        kids = [*n.in_context_of, *defeaters, *(a for a in attacked_by if a not in defeaters),
                *n.supported_by] if attacked_by else [*n.in_context_of, *defeaters, *n.supported_by]
        if kids:
            below = depth + 1
            stack.extend([(k, below) for k in reversed(dict.fromkeys(kids) if len(kids) > 1 else kids) if k in nodes])
    return ArgumentView(top=case.argument.top, nodes=nodes, outline=outline,
                        unreachable=[k for k in nodes if k not in seen])


def _evidence(case: Case, rd: Redaction, refs: Refs, argument: ArgumentView,
              safeguards: list[SafeguardItem], basis: Mapping[str, str],
              max_age_days: int | None = None) -> list[EvidenceItem]:
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
    # the items built from values the case's models already validated (nothing to validate again)
    out: list[EvidenceItem] = []
    for eid, ev in case.evidence.items():
        stub = rd.stub_at(("evidence", eid))
        if stub is not None:
            # by position, in `EvidenceItem`'s order (thousands of items: see `_node`)
            out.append(EvidenceItem(eid, stub.revealed.get("kind"), None, None, None, None, None, None, None, None,
                                    supports[eid], relied[eid], refs[stub.pointer], basis.get(eid)))
            continue
        assert isinstance(ev, Evidence)
        out.append(EvidenceItem(
            eid, ev.kind, ev.title, ev.producer, ev.independent, ev.date.isoformat(),
            str(ev.expiry(max_age_days)) if ev.expires else None, format_result(ev.result), ev.summary, ev.sha256,
            supports[eid], relied[eid], None, basis.get(eid)))
    # what mattered first: the most-relied-on, then the most-used
    out.sort(key=lambda e: (-(len(e.relied_on_by) * 10 + len(e.supports)),))
    return out


def _safeguards(case: Case, rd: Redaction, refs: Refs, verifiers: Mapping[str, object]) -> list[SafeguardItem]:
    """The safeguards as the audience sees them; `verifiers`: the safeguards whose `verified_by`
    party signed an attestation covering one of their tests (any other `verified_by` is shown as
    the case's word)."""
    out = []
    for sid, sg in case.safeguards.items():
        stub = rd.stub_at(("safeguards", sid))
        if stub is not None:
            rv = stub.revealed
            out.append(SafeguardItem(id=sid, layer=rv.get("layer"), blocks=rv.get("blocks", []),
                                     evidence=rv.get("evidence", []), security=bool(rv.get("security")),
                                     redacted=refs[stub.pointer]))
            continue
        assert isinstance(sg, Safeguard)
        out.append(SafeguardItem(id=sid, layer=sg.layer, title=sg.title,
                                 blocks=[rd.step(b) for b in sg.blocks], evidence=list(sg.evidence),
                                 verified_by=sg.verified_by,
                                 verified_by_attested=bool(sg.verified_by) and sid in verifiers,
                                 security=sg.security))
    return out


def _threats(case: Case, rd: Redaction, refs: Refs, safeguards: list[SafeguardItem]) -> tuple[list[DomainItem], list[PathwayItem]]:
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
                                            steps=steps, redacted=refs[stub.pointer]))
                continue
            assert isinstance(p, Pathway)
            steps = [StepView(step=s, blocked_by=blockers.get(f"{pid}.{s}", [])) for s in p.steps]
            pathways.append(PathwayItem(id=pid, domain=did, title=p.title, severity=p.severity.value,
                                        actors=list(p.actors or d.actors), steps=steps))
    return domains, pathways


def _residual(case: Case, rd: Redaction, refs: Refs) -> list[ResidualItem]:
    out = []
    for pid, r in case.residual_risk.items():
        stub = rd.stub_at(("residual_risk", pid))
        if stub is not None:
            out.append(ResidualItem(pathway=pid, redacted=refs[stub.pointer]))
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
    return [r.role for r in policy.signoff.required_for(case.boundary.kind)[1]]


def _quotes(guard: TextGuard, texts: list[str | None], path: tuple[str | int, ...] | None = None) -> list[str]:
    """Pointers of the redacted elements whose content a withheld text quotes, when that alone
    withholds it (it lies in no redacted element and names none): the summary says which, so a
    text about public content is not shown as concerning redacted content unexplained (content
    written into a redacted element to match the gate's own words would withhold every text the
    gate writes in them)."""
    shown = [t for t in texts if t]
    if (path and guard.redaction.is_redacted(path)) or any(
            guard.mentions(x) for t in shown for x in guard.parts(t, composed=True)):
        return []
    found = {p for t in shown for p in guard.quoted(t, composed=True)}
    return [p for p in guard.redaction.sealed if p in found]  # in document order


def _lack(guard: TextGuard, text: str) -> str:
    """A lack as the audience sees it: its words, or why they are withheld."""
    if guard.safe(text, composed=True):
        return text
    quotes = _quotes(guard, [text])
    if quotes:
        return f"(withheld: quotes the content of redacted {', '.join(quotes)})"
    return "(withheld: concerns redacted content)"


def _shown_file(file: str, folder: Path | None) -> str:
    """A finding's file as the public reads it: relative to the case's folder, so a summary names
    no folder of the machine it was written on and reads the same wherever it was written."""
    if folder is None:
        return file
    try:
        return Path(os.path.relpath(Path(file).absolute(), folder.absolute())).as_posix()
    except ValueError:  # another drive (Windows): the file's name alone
        return Path(file).name


def shown_location(f: Any, folder: Path | None) -> str | None:
    """Where a summary says finding `f` is in the case's source (file:line, the file as
    `_shown_file` gives it; None when the record gives no location). A summary shows it unless the
    finding is inside a redacted element; the registry's judgement records it
    (`casegate.approve.judged_found`), and a recorded summary shows no other."""
    return None if f.location is None else f"{_shown_file(f.location.file, folder)}:{f.location.line}"


def _condition_shown(guard: TextGuard, c: Any) -> bool:
    """Whether a summary guarded by `guard` shows condition `c`'s words (otherwise it is withheld)."""
    return all(guard.safe(t, paths=[c.path], composed=True) for t in (c.text, c.finding, c.fix))


def _finding_shown(guard: TextGuard, f: Any) -> bool:
    """Whether a summary guarded by `guard` shows finding `f`'s message (otherwise it is withheld)."""
    inside = guard.redaction.is_redacted(f.path) if f.path else False
    return not inside and guard.safe(f.message, paths=[f.path], composed=True)


def _answer_shown(guard: TextGuard, gate: Any) -> bool:
    """Whether a summary guarded by `guard` shows the gate's answer `gate` to its question
    (otherwise the answer is composed from the public view: `origin: summary`)."""
    return gate is not None and bool(gate.answer) and guard.safe(gate.answer, refs=gate.sources, composed=True)


def withheld_marks(case: Case, record: DecisionRecord, *, policy: Policy | None = None,
                   basis: Mapping[str, str] | None = None, facts: RegistryFacts | None = None,
                   verifiers: Mapping[str, object] | None = None) -> dict[str, dict[str, Any]]:
    """For each audience level, what a summary of `record` for it withholds as `build_summary`
    decides it: the conditions (by id) and findings (each as [code, severity, waived], and by
    their place in the record's findings: `finding_at`) whose words it withholds, the questions
    (by key) whose gate's answer it replaces with one composed from the public view, and each such
    composed answer (`composed`: key -> `composed_sha256` of its words and sources, built from the
    public view as `build_summary` builds it from the same `policy`, `basis`, `facts` and
    `verifiers`). The registry's judgement records it, and a recorded summary may mark withheld, or
    answer from the public view, only what it lists, and only in those words."""
    return judged_by_level(case, record, policy=policy, basis=basis, facts=facts, verifiers=verifiers,
                           shown=False)[0]


def shown_by_level(case: Case, record: DecisionRecord, *, policy: Policy | None = None,
                   basis: Mapping[str, str] | None = None, facts: RegistryFacts | None = None,
                   folder: Path | None = None, verifiers: Mapping[str, object] | None = None) -> dict[str, dict[str, str]]:
    """For each audience level, what a summary of `record` for it shows beyond its decision's
    findings, conditions and answers (`casegate.store.shown_sections` of the summary `build_summary`
    builds from the same inputs: the case's head, the digests, the sign-offs, the redactions, the
    quotes, ...). The registry's judgement records it, and a recorded summary shows no other."""
    return judged_by_level(case, record, policy=policy, basis=basis, facts=facts, folder=folder,
                           verifiers=verifiers)[1]


def judged_by_level(case: Case, record: DecisionRecord, *, policy: Policy | None = None,
                    basis: Mapping[str, str] | None = None, facts: RegistryFacts | None = None,
                    folder: Path | None = None, verifiers: Mapping[str, object] | None = None,
                    shown: bool = True) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, str]]]:
    """`withheld_marks` and (with `shown`, else empty) `shown_by_level` of the same inputs, each
    audience level redacted, guarded and viewed once for both: the summary whose sections
    `shown_by_level` hashes is built from the very redaction, text guard and public view whose
    withheld words and composed answers `withheld_marks` records."""
    import json

    from ..store import MemorySaltStore, composed_sha256, shown_sections

    withheld: dict[str, dict[str, Any]] = {}
    sections: dict[str, dict[str, str]] = {}
    salts = Salts(MemorySaltStore())  # thrown away: nothing is published with these
    by_key = {a.key: a for a in record.answers}
    for level in Confidentiality:
        rd = redact(case, salts, level)
        guard = TextGuard(rd)
        hidden = [i for i, f in enumerate(record.findings) if not _finding_shown(guard, f)]
        questions = [k for k, _ in EIGHT_QUESTIONS if not _answer_shown(guard, by_key.get(k))]
        refs: Refs | None = None
        view: _PublicView | None = None
        if questions or shown:
            refs = dict(zip(rd.stubs, refs_of(rd.stubs.values()), strict=True))
            view = _public_view(case, rd, refs, level, policy=policy, basis=basis, facts=facts, verifiers=verifiers)
        composed = {k: composed_sha256(*view.composed[k]) for k in questions} if view is not None else {}
        withheld[level.value] = {
            "conditions": [c.id for c in record.conditions if not _condition_shown(guard, c)],
            "findings": [[record.findings[i].code, record.findings[i].severity.value,
                          record.findings[i].waived is not None] for i in hidden],
            "finding_at": hidden,
            "questions": questions,
            "composed": composed,
        }
        if shown:
            assert refs is not None and view is not None
            built = _summary_of(case, record, rd, guard, refs, view, level, facts=facts, folder=folder)
            sections[level.value] = shown_sections(json.loads(built.model_dump_json()))
    return withheld, sections


def _decision(record: DecisionRecord, guard: TextGuard, folder: Path | None = None,
              standings: Mapping[str, str] | None = None) -> DecisionView:
    conditions = []
    standings = standings or {}
    for c in record.conditions:
        ok = _condition_shown(guard, c)
        conditions.append(ConditionItem(id=c.id, text=c.text if ok else None, cause=c.cause, due=c.due,
                                        withheld=not ok, finding=(c.finding or None) if ok else None,
                                        fix=(c.fix or None) if ok else None,
                                        quotes=[] if ok else _quotes(guard, [c.text, c.finding, c.fix], c.path),
                                        standing=standings.get(c.id)))
    findings = []
    counts = {"blocking": 0, "condition": 0, "advisory": 0, "waived": 0}
    for f in record.findings:
        if f.waived is not None:
            counts["waived"] += 1
        else:
            counts[f.severity.value] += 1
        inside = guard.redaction.is_redacted(f.path) if f.path else False
        ok = _finding_shown(guard, f)
        findings.append(FindingItem(code=f.code, name=f.name, severity=f.severity.value,
                                    message=f.message if ok else None,
                                    element=None if inside or not f.path else pointer_of(f.path),
                                    location=None if inside else shown_location(f, folder),
                                    waived=f.waived is not None, withheld=not ok,
                                    quotes=[] if ok or inside else _quotes(guard, [f.message], f.path)))
    return DecisionView(
        outcome=record.outcome, decided_at=record.decided_at,
        boundary=record.boundary.value if record.boundary else None,
        narrower=record.narrower.value if record.narrower else None,
        lacks=[_lack(guard, x) for x in record.lacks],
        conditions=conditions, findings=findings, counts=counts,
        digests={"model": list(record.digests.model), "case": record.digests.case},
    )


def _contested(record: DecisionRecord, defeaters: set[str], objections: set[str]) -> dict[str, list[str]]:
    """Pointer of each defeater and objection of the case -> the unwaived blocking and condition
    findings the gate raised inside it (`CODE name`), for those with any: a status the case
    declares (`answered`) is shown beside what the gate found of it. The rule is shown for every
    finding anyway, withheld or not, so this says only where it lies."""
    out: dict[str, list[str]] = {}
    for f in record.findings:
        if f.waived is not None or f.severity.value not in ("blocking", "condition") or len(f.path) < 3:
            continue
        head, eid = tuple(f.path[:2]), str(f.path[2])
        if (head == ("argument", "elements") and eid in defeaters) or (head == ("decision", "objections")
                                                                       and eid in objections):
            said = out.setdefault(pointer_of((*head, eid)), [])
            if f"{f.code} {f.name}" not in said:
                said.append(f"{f.code} {f.name}")
    return out


def _case_head(case: Case, facts: RegistryFacts | None) -> dict[str, Any]:
    head: dict[str, Any] = {"id": case.id, "title": case.title, "version": case.version,
                            "date": case.date.isoformat() if case.date else None}
    lifecycle = facts.lifecycle() if facts is not None else None
    if lifecycle is not None:  # only then: a summary of an uninterrupted case reads as it always did
        head["lifecycle"] = lifecycle
    return head


def _with_logged(objections: list[ObjectionItem], case: Case, facts: RegistryFacts,
                 level: Confidentiality) -> list[ObjectionItem]:
    """The case's objections, each shown with the registry's status when the registry logged it
    too, then every objection logged in the registry that the case's files do not hold."""
    out = list(objections)
    for lo in facts.objections:
        mine = next((oid for oid, o in case.decision.objections.items() if lo.same_as(o.role, o.person, o.reason)),
                    None)
        if mine is None:
            out.append(lo.item(level))
            continue
        at = next(i for i, it in enumerate(out) if it.id == mine)
        # a redacted one too: its status is what its stub shows, and the files' word is not the record's
        if out[at].status != lo.status and lo.status in ("open", "upheld"):
            out[at] = out[at].model_copy(update={"status": lo.status})
    return out


# what an argument node and an evidence item carry of their element's document (format 2 leaves
# these out of `case_document`): an element's text field (named by its type), links and
# attributes; of a redacted element, its whole stub (its reference, and the attributes
# `REVEALED_FIELDS` lets out, all of them node or item fields)
_NODE_KEYS = frozenset(
    {"claim", "strategy", "context", "assumption", "justification", "defeater", "supported_by", "in_context_of",
     "evidence", "defeaters", "undeveloped", "kind", "status", "against", "answered_by", "raised_by"})
_ITEM_KEYS = frozenset({"kind", "title", "producer", "independent", "date", "summary", "sha256"})


def _rest(entries: Any, carried: frozenset[str]) -> dict[str, Any]:
    """Id -> the fields of each entry that `carried` does not name, for the unredacted entries
    with any (a stub is carried whole by its node or item)."""
    out: dict[str, Any] = {}
    if isinstance(entries, dict):
        for eid, entry in entries.items():
            if isinstance(entry, dict) and entry.get("redacted") is not True and not carried.issuperset(entry):
                out[eid] = {k: v for k, v in entry.items() if k not in carried}
    return out


def _document(doc: dict[str, Any], folder: Path | None) -> dict[str, Any]:
    """The redacted case document as format 2 writes it: the argument's elements and the evidence
    only by what their nodes and items do not carry; the included files named relative to the
    case's folder."""
    out = dict(doc)
    if isinstance(doc.get("include"), list):
        out["include"] = [_shown_file(f, folder) if isinstance(f, str) else f for f in doc["include"]]
    argument = doc.get("argument")
    if isinstance(argument, dict):
        out["argument"] = {**argument, "elements": _rest(argument.get("elements"), _NODE_KEYS)}
    if "evidence" in doc:
        out["evidence"] = _rest(doc["evidence"], _ITEM_KEYS)
    return out


class _PublicView(NamedTuple):
    """The sections of a summary built from the redacted case, and the eight answers composed from
    them (`compose_answers`): what `build_summary` shows, and what `withheld_marks` records of the
    answers it composes, from this one builder."""

    argument: ArgumentView
    safeguards: list[SafeguardItem]
    domains: list[DomainItem]
    pathways: list[PathwayItem]
    evidence: list[EvidenceItem]
    residual: list[ResidualItem]
    post: PostDeploymentView
    roles: list[str]
    signoffs: list[SignoffItem]
    dissent: DissentView
    composed: dict[str, tuple[str, list[str]]]


def _public_view(case: Case, rd: Redaction, refs: Refs, level: Confidentiality, *, policy: Policy | None,
                 basis: Mapping[str, str] | None, facts: RegistryFacts | None,
                 verifiers: Mapping[str, object] | None) -> _PublicView:
    """The public view of `case` redacted for `level` (`rd`, `refs`), as `build_summary` takes its
    arguments; the dissent's `contested` left empty (it reads the decision)."""
    argument = _argument(case, rd, refs)
    safeguards = _safeguards(case, rd, refs, verifiers or {})
    domains, pathways = _threats(case, rd, refs, safeguards)
    evidence = _evidence(case, rd, refs, argument, safeguards, basis or {},
                         policy.evidence.max_age_days if policy is not None else None)
    residual = _residual(case, rd, refs)
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
                                            status=stub.revealed.get("status", "open"), redacted=refs[stub.pointer]))
        else:
            objections.append(ObjectionItem(id=oid, role=o.role, person=o.person, date=o.date.isoformat(),
                                            reason=o.reason, status=o.status, answer=o.answer,
                                            answered_by=o.answered_by))
    if facts is not None:
        objections = _with_logged(objections, case, facts, level)
    defeaters = [n for n in argument.nodes.values() if n.type == "defeater"]
    dissent = DissentView(objections=objections, defeaters=defeaters, contested={})
    composed = compose_answers(
        case=case, argument=argument, evidence=evidence, pathways=pathways, safeguards=safeguards,
        residual=residual, post=post, roles=roles, signoffs=signoffs, dissent=dissent)
    return _PublicView(argument, safeguards, domains, pathways, evidence, residual, post, roles, signoffs,
                       dissent, composed)


def build_summary(
    case: Case,
    record: DecisionRecord,
    *,
    salts: Salts,
    level: Confidentiality = Confidentiality.public,
    policy: Policy | None = None,
    basis: Mapping[str, str] | None = None,
    facts: RegistryFacts | None = None,
    folder: Path | None = None,
    verifiers: Mapping[str, object] | None = None,
) -> PublicSummary:
    """The summary of `case` and its decision for an audience cleared to `level`. `basis` maps
    each evidence id to where its values come from ('derived', 'declared', 'not derived');
    without it the items carry no basis (the caller did not say, and a guess could be false).
    `facts`: what the registry holds about the case (its logged objections, whether its approval
    was interrupted), stated in the summary whatever the case's files say. `folder`: the case
    file's folder, which the findings' file names are given relative to. `verifiers`: the
    safeguards whose `verified_by` party signed an attestation covering one of their tests
    (`casegate.evidence.attested_verifiers`); without it every `verified_by` is shown as the
    case's word, not attested."""
    rd = redact(case, salts, level)
    salts.flush()  # kept before anything committed with them can be published
    guard = TextGuard(rd)
    # one public reference per redacted element, shared by its item and the list of redactions
    refs: Refs = dict(zip(rd.stubs, refs_of(rd.stubs.values()), strict=True))
    v = _public_view(case, rd, refs, level, policy=policy, basis=basis, facts=facts, verifiers=verifiers)
    return _summary_of(case, record, rd, guard, refs, v, level, facts=facts, folder=folder)


def _summary_of(case: Case, record: DecisionRecord, rd: Redaction, guard: TextGuard, refs: Refs, v: _PublicView,
                level: Confidentiality, *, facts: RegistryFacts | None, folder: Path | None) -> PublicSummary:
    """`build_summary`'s summary from the case redacted for `level` (`rd`), its text guard, its
    public references and its public view (as `build_summary` makes them)."""
    argument, safeguards, evidence, residual, post, roles, signoffs, dissent = (
        v.argument, v.safeguards, v.evidence, v.residual, v.post, v.roles, v.signoffs, v.dissent)
    domains, pathways, composed = v.domains, v.pathways, v.composed
    dissent = dissent.model_copy(update={"contested": _contested(record, {n.id for n in dissent.defeaters},
                                                                 set(case.decision.objections))})
    by_key = {a.key: a for a in record.answers}
    questions = []
    for key_, question in EIGHT_QUESTIONS:
        gate = by_key.get(key_)
        mine = composed[key_]
        if gate is not None and _answer_shown(guard, gate):
            questions.append(AnswerItem(key=key_, question=question, answer=gate.answer,
                                        sources=list(gate.sources), answerable=gate.answerable))
        else:
            questions.append(AnswerItem(key=key_, question=question, answer=mine[0], sources=mine[1],
                                        answerable=gate.answerable if gate is not None else bool(mine[0]),
                                        origin="summary"))
    doc = rd.document
    return PublicSummary(
        casegate_summary=SUMMARY_VERSION,
        commitment_scheme=SCHEME,
        level=level,
        case=_case_head(case, facts),
        system=doc["system"],
        boundary=doc.get("boundary"),
        decision=_decision(record, guard, folder, facts.conditions if facts is not None else None),
        questions=questions,
        threat_model=domains, pathways=pathways, safeguards=safeguards, evidence=evidence,
        residual_risk=residual, post_deployment=post, required_roles=roles, signoffs=signoffs,
        dissent=dissent, argument=argument, publication=doc.get("publication", {}),
        redactions=list(refs.values()),
        case_document=_document(doc, folder),
    )


def summary_json(summary: BaseModel) -> str:
    """The summary as JSON text (fields in model order, two-space indent, UTF-8)."""
    return summary.model_dump_json(indent=2) + "\n"


def summary_json_bytes(summary: BaseModel) -> bytes:
    """`summary_json` as the UTF-8 bytes a file of it holds (lines end in `os.linesep`, as text
    written to a file does), without decoding and encoding again text of several megabytes."""
    import os

    data = summary.__pydantic_serializer__.to_json(summary, indent=2) + b"\n"
    return data if os.linesep == "\n" else data.replace(b"\n", os.linesep.encode())


def write_summary_json(summary: BaseModel, path: Path) -> bytes:
    """Write `summary_json_bytes(summary)` to `path`: the serializer's bytes, then the final line
    end, without copying text of several megabytes once more to append one character. Returns
    the serializer's bytes (the summary as JSON, for a caller that records it too)."""
    import os

    json_text = data = summary.__pydantic_serializer__.to_json(summary, indent=2)
    end = os.linesep.encode()
    if end != b"\n":
        data = data.replace(b"\n", end)
    with path.open("wb") as fh:
        fh.write(data)
        fh.write(end)
    return json_text
