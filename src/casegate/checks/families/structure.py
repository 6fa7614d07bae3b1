"""CG9xx: structure of the case and its argument (references, duplicates, cycles, reachability)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from collections.abc import Set as AbstractSet
from typing import Any

from .._derived import cited_evidence
from .._registry import Context, Hit, load_rule, rule

load_rule(
    "CG900", "invalid-format", serves="structure",
    summary="A field is missing, unknown, or of the wrong type for the casegate format.",
    rationale="A case the gate cannot read as data cannot be checked; guessing would let errors pass.",
    bad="evidence:\n  E1: {kind: eval, producer: evals, date: 2026-13-01}",
    good="evidence:\n  E1: {kind: eval, producer: evals, date: 2026-12-01}",
    fix="Correct the field as the message says; `casegate schema case` prints the full format.",
)
load_rule(
    "CG901", "duplicate-key", serves="structure",
    summary="A key appears twice in one YAML mapping.",
    rationale="YAML parsers silently keep one of the two values; the reviewer and the gate may read different cases.",
    bad="evidence:\n  E1: {kind: eval, producer: a, date: 2026-10-01}\n  E1: {kind: eval, producer: b, date: 2026-10-02}",
    good="evidence:\n  E1: {kind: eval, producer: a, date: 2026-10-01}\n  E2: {kind: eval, producer: b, date: 2026-10-02}",
    fix="Remove or rename one of the keys.",
)
load_rule(
    "CG902", "duplicate-id", serves="structure",
    summary="An element id is declared in two of the case's files.",
    rationale="Ids are how claims, evidence and safeguards link; two elements with one id make links ambiguous.",
    bad="# case.yaml and evidence.yaml both declare\nevidence:\n  E1: {kind: eval, producer: a, date: 2026-10-01}",
    good="# declare E1 in one file only\nevidence:\n  E1: {kind: eval, producer: a, date: 2026-10-01}",
    fix="Give each element one id, declared in one file.",
)

_EL = ("argument", "elements")


def _graph(ctx: Context) -> dict[str, Sequence[str]]:
    """Support edges among argument elements, known targets only: the elements that list support
    -> what they list."""
    return ctx.index.support


def _element_links_known(ctx: Context, pathways: dict[str, Any]) -> bool:
    """Whether every link of every argument element names something that exists, with the right
    type: decided over whole columns of links (the index keeps each field's values) with set
    operations, so that the element-by-element search below runs only when it will find something."""
    c, pol = ctx.case, ctx.policy
    els, ev = c.argument.elements, c.evidence
    types, fields = ctx.index.types, ctx.index.fields

    def column(name: str) -> set[Any]:
        return set(itertools.chain.from_iterable(fields[name].values()))

    sb = column("supported_by")
    # only claims and strategies support: the elements of the other types (the fewer) are looked for
    others = (eid for t, got in ctx.index.by_type.items() if t not in ("claim", "strategy") for eid in got)
    if not sb <= els.keys() or not sb.isdisjoint(others):
        return False
    if not column("in_context_of") <= els.keys() or not column("evidence") <= ev.keys():
        return False
    df = column("defeaters")
    if not df <= els.keys() or not set(map(types.__getitem__, df)) <= {"defeater"}:
        return False
    if not column("against") <= els.keys() or not column("answered_by") <= (els.keys() | ev.keys()):
        return False
    if not set(fields["domain"].values()) <= pol.domains.keys() or not set(fields["pathway"].values()) <= pathways.keys():
        return False
    return {cap.threshold for cap in fields["capability"].values()} <= pol.thresholds.keys()


@rule(
    "CG903", "unknown-reference", severity="blocking", serves="structure", pass_=1,
    summary="A link names an element, evidence item, pathway step, domain or threshold that does not exist.",
    rationale="A claim resting on evidence that is not there is not supported at all.",
    bad="argument:\n  top: G1\n  elements:\n    G1: {claim: Safe enough, evidence: [E-missing]}",
    good="argument:\n  top: G1\n  elements:\n    G1: {claim: Safe enough, evidence: [E-ctf]}",
    fix="Fix the id's spelling, or declare the element it names.",
)
def unknown_reference(ctx: Context) -> Iterator[Hit]:
    c, pol = ctx.case, ctx.policy
    els = c.argument.elements
    ev = c.evidence
    pathways = c.pathways()
    types = ctx.index.types
    if c.argument.top not in els:
        yield Hit(("argument", "top"), f"top claim `{c.argument.top}` is not an argument element")
    elif types[c.argument.top] != "claim":
        yield Hit(("argument", "top"), f"top element `{c.argument.top}` is a {types[c.argument.top]}, not a claim")
    for eid, e in els.items() if not _element_links_known(ctx, pathways) else ():
        base = _EL + (eid,)
        for i, t in enumerate(e.supported_by):
            if t not in els:
                yield Hit(base + ("supported_by", i), f"`{eid}` is supported by `{t}`, which is not an argument element")
            elif types[t] not in ("claim", "strategy"):
                yield Hit(base + ("supported_by", i), f"`{eid}` is supported by `{t}`, a {types[t]}; only claims and strategies support",
                          help=f"list `{t}` under in_context_of instead")
        for i, t in enumerate(e.in_context_of):
            if t not in els:
                yield Hit(base + ("in_context_of", i), f"`{eid}` is read in the context of `{t}`, which is not an argument element")
        for i, t in enumerate(e.evidence):
            if t not in ev:
                yield Hit(base + ("evidence", i), f"`{eid}` cites evidence `{t}`, which is not declared")
        for i, t in enumerate(e.defeaters):
            if t not in els:
                yield Hit(base + ("defeaters", i), f"`{eid}` lists defeater `{t}`, which is not an argument element")
            elif types[t] != "defeater":
                yield Hit(base + ("defeaters", i), f"`{eid}` lists `{t}` as a defeater, but it is a {types[t]}")
        for i, t in enumerate(e.against):
            if t not in els:
                yield Hit(base + ("against", i), f"defeater `{eid}` is aimed at `{t}`, which is not an argument element")
        for i, t in enumerate(e.answered_by):
            if t not in els and t not in ev:
                yield Hit(base + ("answered_by", i), f"`{eid}` is answered by `{t}`, which is neither evidence nor an argument element")
        if e.domain and e.domain not in pol.domains:
            yield Hit(base + ("domain",), f"`{eid}` names domain `{e.domain}`, which the policy does not define",
                      help="use one of: " + ", ".join(pol.domains))
        if e.capability and e.capability.threshold not in pol.thresholds:
            yield Hit(base + ("capability", "threshold"),
                      f"`{eid}` is about threshold `{e.capability.threshold}`, which the policy does not define",
                      help="use one of: " + ", ".join(pol.thresholds) if pol.thresholds else "define the threshold in the policy")
        if e.pathway and e.pathway not in pathways:
            yield Hit(base + ("pathway",), f"`{eid}` names pathway `{e.pathway}`, which the threat model does not define")
    for dom, threats in c.threat_model.items():
        if dom not in pol.domains:
            yield Hit(("threat_model", dom), f"threat model domain `{dom}` is not a domain of policy `{pol.id}`",
                      help="use one of: " + ", ".join(pol.domains))
        for i, x in enumerate(threats.evidence):
            if x not in ev:
                yield Hit(("threat_model", dom, "evidence", i), f"`{dom}` cites evidence `{x}`, which is not declared")
    for sid, s in c.safeguards.items():
        for i, step in enumerate(s.blocks):
            pid, _, st = step.partition(".")
            if pid not in pathways:
                yield Hit(("safeguards", sid, "blocks", i), f"`{sid}` blocks `{step}`, but there is no pathway `{pid}`",
                          help="write blocked steps as `pathway.step`")
            elif st not in pathways[pid][1].steps:
                yield Hit(("safeguards", sid, "blocks", i), f"`{sid}` blocks `{step}`, but pathway `{pid}` has no step `{st}`",
                          help="steps of `" + pid + "`: " + ", ".join(pathways[pid][1].steps))
        for i, x in enumerate(s.evidence):
            if x not in ev:
                yield Hit(("safeguards", sid, "evidence", i), f"`{sid}` cites evidence `{x}`, which is not declared")
    for pid in c.residual_risk:
        if pid not in pathways:
            yield Hit(("residual_risk", pid), f"residual risk is stated for `{pid}`, which is not a pathway of the threat model")
    for eid, item in ev.items():
        if item.threshold and item.threshold not in pol.thresholds:
            yield Hit(("evidence", eid, "threshold"), f"evidence `{eid}` measures threshold `{item.threshold}`, which the policy does not define")
        if item.domain and item.domain not in pol.domains:
            yield Hit(("evidence", eid, "domain"), f"evidence `{eid}` names domain `{item.domain}`, which the policy does not define")
    if c.post_deployment:
        for tid, trig in c.post_deployment.triggers.items():
            if trig.monitor and trig.monitor not in c.post_deployment.monitors:
                yield Hit(("post_deployment", "triggers", tid, "monitor"), f"trigger `{tid}` watches monitor `{trig.monitor}`, which is not declared")
    for i, so in enumerate(c.decision.signoffs):
        for j, x in enumerate(so.relies_on):
            if x not in ev:
                yield Hit(("decision", "signoffs", i, "relies_on", j), f"the {so.role} sign-off relies on `{x}`, which is not declared evidence")


@rule(
    "CG904", "argument-cycle", severity="blocking", serves="structure", pass_=1,
    summary="Claims support each other in a circle.",
    rationale="A circular argument supports nothing: each claim assumes what it is meant to show.",
    bad="G1: {claim: A, supported_by: [G2]}\nG2: {claim: B, supported_by: [G1]}",
    good="G1: {claim: A, supported_by: [G2]}\nG2: {claim: B, evidence: [E1]}",
    fix="Break the circle: support one of the claims with evidence or a sub-claim outside it.",
)
def argument_cycle(ctx: Context) -> Iterator[Hit]:
    g = _graph(ctx)
    # when Kahn's order (the index's) holds every element there is no circle, and the
    # depth-first search below (which names each circle) is not needed
    if len(ctx.index.order) == len(ctx.index.types):
        return
    color: dict[str, int] = {}
    reported: set[frozenset[str]] = set()
    for root in g:
        if color.get(root):
            continue
        stack: list[tuple[str, int]] = [(root, 0)]
        path: list[str] = []
        while stack:
            node, i = stack.pop()
            if i == 0:
                color[node] = 1
                path.append(node)
            kids = g.get(node, ())
            if i < len(kids):
                stack.append((node, i + 1))
                k = kids[i]
                if color.get(k) == 1:
                    cyc = path[path.index(k):]
                    key = frozenset(cyc)
                    if key not in reported:
                        reported.add(key)
                        ring = " -> ".join(cyc + [k])
                        idx = ctx.case.argument.elements[cyc[-1]].supported_by.index(k)
                        yield Hit(_EL + (cyc[-1], "supported_by", idx), f"circular support: {ring}")
                elif not color.get(k):
                    stack.append((k, 0))
            else:
                color[node] = 2
                path.pop()


def reachable(ctx: Context) -> AbstractSet[str]:
    """Element ids reachable from the top claim through support, context and defeater links."""
    return ctx.index.reachable


@rule(
    "CG905", "unreachable-element", severity="blocking", serves="structure", pass_=2,
    summary="A claim or strategy cannot be reached from the top claim.",
    rationale="A claim outside the argument supports nothing the decision relies on, and hides what is left out.",
    bad="top: G1\nelements:\n  G1: {claim: A, evidence: [E1]}\n  G9: {claim: Orphan, evidence: [E2]}",
    good="top: G1\nelements:\n  G1: {claim: A, supported_by: [G9]}\n  G9: {claim: B, evidence: [E2]}",
    fix="Link the element into the argument (supported_by / in_context_of), or delete it.",
)
def unreachable(ctx: Context) -> Iterator[Hit]:
    seen = reachable(ctx)
    for eid, t in ctx.index.types.items():
        if eid in seen:
            continue
        if t in ("claim", "strategy"):
            yield Hit(_EL + (eid,), f"{t} `{eid}` is not reachable from the top claim `{ctx.case.argument.top}`")
        elif t in ("context", "assumption", "justification"):
            yield Hit(_EL + (eid,), f"{t} `{eid}` is not used by any element of the argument",
                      severity=None)


@rule(
    "CG906", "unsupported-claim", severity="blocking", serves="structure", pass_=2,
    summary="A claim has neither support (sub-claims, strategies, evidence) nor an explicit undeveloped mark.",
    rationale="A bare assertion looks like part of the argument but carries no weight; mark gaps as gaps.",
    bad="G2: {claim: Classifiers work}",
    good="G2: {claim: Classifiers work, evidence: [E-redteam]}\n# or, honestly:\nG2: {claim: Classifiers work, undeveloped: true}",
    fix="Support the claim with evidence or sub-claims, or mark it `undeveloped: true`.",
)
def unsupported(ctx: Context) -> Iterator[Hit]:
    by_type, fields = ctx.index.by_type, ctx.index.fields
    sb, ev, undeveloped = fields["supported_by"], fields["evidence"], fields["undeveloped"]
    for t in ("claim", "strategy"):
        for eid in by_type.get(t, ()):
            if eid not in sb and eid not in ev and eid not in undeveloped:
                yield Hit(_EL + (eid,), f"{t} `{eid}` has no support and is not marked undeveloped")


@rule(
    "CG907", "uncited-evidence", severity="advisory", serves="structure", pass_=2,
    summary="An evidence item is cited by no claim, safeguard, defeater answer, scoping or sign-off.",
    rationale="Evidence nobody relies on is either missing a link or padding the case.",
    bad="evidence:\n  E-old: {kind: eval, producer: evals, date: 2026-01-01}",
    good="G2: {claim: Below threshold, evidence: [E-old]}",
    fix="Cite the evidence where it supports the argument, or remove it.",
)
def uncited(ctx: Context) -> Iterator[Hit]:
    cited = cited_evidence(ctx)
    for eid in ctx.case.evidence:
        if eid not in cited:
            yield Hit(("evidence", eid), f"evidence `{eid}` is cited by nothing")


@rule(
    "CG908", "defeater-without-target", severity="blocking", serves="structure", pass_=2,
    summary="A defeater is aimed at no element of the argument.",
    rationale="An objection with no target can be neither answered nor weighed; it silently drops out.",
    bad="D1: {defeater: The suite may be contaminated, kind: objection, status: open}",
    good="D1: {defeater: The suite may be contaminated, kind: objection, status: open, against: [G2]}",
    fix="Say which claims the defeater challenges with `against:` (and list it under the claim's `defeaters:`).",
)
def defeater_without_target(ctx: Context) -> Iterator[Hit]:
    types, fields = ctx.index.types, ctx.index.fields
    listed = set(itertools.chain.from_iterable(fields["defeaters"].values()))
    against = fields["against"]
    fielded = fields["kind"].keys() | against.keys() | fields["status"].keys() | fields["answered_by"].keys()
    for eid, t in types.items():
        if t != "defeater":
            if eid in fielded:
                yield Hit(_EL + (eid,), f"{t} `{eid}` has defeater fields (kind/against/status/answered_by)",
                          help="only defeaters carry kind, against, status and answered_by")
        elif eid not in against and eid not in listed:
            yield Hit(_EL + (eid,), f"defeater `{eid}` is aimed at nothing")
