"""The argument as a diagram graph: GSN node kinds, links, and the marks drawn on them
(findings, open defeaters, redactions). Every renderer (SVG, Mermaid, DOT) reads this graph."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from ..model import SEVERITY_RANK, Case, Confidentiality, Finding

GOAL = "goal"
STRATEGY = "strategy"
SOLUTION = "solution"
CONTEXT = "context"
ASSUMPTION = "assumption"
JUSTIFICATION = "justification"
DEFEATER = "defeater"
AWAY = "away"
"""A reference to an element drawn on another page (split view)."""
MODULE = "module"
"""A whole module, in the overview of a split diagram."""
MISSING = "missing"
"""An id the argument refers to but does not define."""

SIDE_KINDS = frozenset({CONTEXT, ASSUMPTION, JUSTIFICATION, DEFEATER})
"""Kinds drawn beside the element they qualify rather than below it."""

SUPPORT = "support"
"""supported_by (goal/strategy to goal/strategy) and evidence (claim to solution)."""
IN_CONTEXT = "context"
"""in_context_of."""
DEFEATS = "defeats"
"""A defeater aimed at an element (drawn from the defeater to its target)."""
ANSWERS = "answers"
"""A claim or evidence that answers a defeater (drawn from the answer to the defeater)."""

_TYPE_TO_KIND = {
    "claim": GOAL,
    "strategy": STRATEGY,
    "context": CONTEXT,
    "assumption": ASSUMPTION,
    "justification": JUSTIFICATION,
    "defeater": DEFEATER,
}
_KIND_TO_TYPE = {kind: typ for typ, kind in _TYPE_TO_KIND.items()}



@dataclass(slots=True)
class Mark:
    """A finding drawn on a node: its rule code and severity."""

    code: str
    severity: str


@dataclass(slots=True)
class Node:
    """One diagram node."""

    id: str
    kind: str
    text: str
    """The element's text; empty when redacted."""
    undeveloped: bool = False
    redacted: str | None = None
    """None when shown; otherwise the commitment ('sha256:...'), or '' when redacted without one."""
    marks: list[Mark] = field(default_factory=list)
    status: str | None = None
    """Defeater status: open, answered, accepted."""
    note: str | None = None
    """A short extra line (e.g. 'answered by E-x', '12 elements')."""
    href: str | None = None
    """Link target (split view)."""

    @property
    def worst(self) -> str | None:
        """Worst finding severity on the node, or None."""
        if not self.marks:
            return None
        return min((m.severity for m in self.marks), key=lambda s: SEVERITY_RANK.get(s, 9))

    @property
    def open_defeater(self) -> bool:
        return self.kind == DEFEATER and self.status in (None, "open")


@dataclass(slots=True)
class Edge:
    """A directed link. SUPPORT and IN_CONTEXT point from the element to what supports or frames
    it; DEFEATS points from the defeater to its target; ANSWERS from an answer to the defeater."""

    src: str
    dst: str
    kind: str


@dataclass
class ArgumentGraph:
    """Nodes in declaration order, links, and the top claim."""

    nodes: dict[str, Node]
    edges: list[Edge]
    top: str | None
    title: str = ""

    def children(self) -> dict[str, list[str]]:
        """Hierarchical (SUPPORT) children of each node, in declaration order."""
        out: dict[str, list[str]] = {k: [] for k in self.nodes}
        for e in self.edges:
            if e.kind == SUPPORT:
                out[e.src].append(e.dst)
        return out


def findings_by_element(findings: Iterable[Finding]) -> dict[str, list[Mark]]:
    """Map each argument element or evidence id to the findings pointing at it (waived findings
    are left out: they do not stand)."""
    out: dict[str, list[Mark]] = {}
    for f in findings:
        if f.waived is not None:
            continue
        p = f.path
        key: str | None = None
        if len(p) >= 3 and p[0] == "argument" and p[1] == "elements":
            key = str(p[2])
        elif len(p) >= 2 and p[0] == "evidence":
            key = str(p[1])
        if key is not None:
            sev = f.severity.value
            marks = out.setdefault(key, [])
            if not any(m.code == f.code for m in marks):
                marks.append(Mark(f.code, sev))
    return out


def _normalise_marks(findings: Mapping[str, Sequence[object]] | None) -> dict[str, list[Mark]]:
    out: dict[str, list[Mark]] = {}
    for k, vs in (findings or {}).items():
        ms: list[Mark] = []
        for v in vs:
            if isinstance(v, Mark):
                ms.append(v)
            elif isinstance(v, tuple) and len(v) == 2:
                ms.append(Mark(str(v[0]), str(v[1])))
            elif isinstance(v, str):
                ms.append(Mark(v, "blocking"))
            else:
                raise TypeError(f"finding mark for {k!r} must be a Mark, (code, severity) or a code")
        out[k] = ms
    return out


def argument_links(case: Case) -> tuple[dict[str, str], list[Edge], dict[str, str]]:
    """The diagram graph of a case's argument without its texts and marks: each node's key and
    kind, in the order `argument_graph` draws them, the links between them, and the evidence id
    of each evidence node (by key). What dividing the argument into modules needs."""
    arg = case.argument
    elements = arg.elements
    kinds: dict[str, str] = {}
    edges: list[Edge] = []
    defeaters: set[str] = set()
    for eid, el in elements.items():
        kind = _TYPE_TO_KIND[el.type]
        kinds[eid] = kind
        if kind == DEFEATER:
            defeaters.add(eid)

    ev_key: dict[str, str] = {}

    def solution(evid: str) -> str:
        if evid in ev_key:
            return ev_key[evid]
        key = evid if evid not in elements else f"{evid} (evidence)"
        ev_key[evid] = key
        kinds[key] = SOLUTION if evid in case.evidence else MISSING
        return key

    def ref(target: str) -> str:
        if target not in kinds:
            kinds[target] = MISSING
        return target

    seen_defeats: set[tuple[str, str]] = set()
    for eid, el in elements.items():
        for t in el.supported_by:
            edges.append(Edge(eid, ref(t), SUPPORT))
        for evid in el.evidence:
            edges.append(Edge(eid, solution(evid), SUPPORT))
        for t in el.in_context_of:
            edges.append(Edge(eid, ref(t), IN_CONTEXT))
        for d in el.defeaters:
            if (d, eid) not in seen_defeats:
                seen_defeats.add((d, eid))
                edges.append(Edge(ref(d), eid, DEFEATS))
        if eid in defeaters:
            for t in el.against:
                if (eid, t) not in seen_defeats:
                    seen_defeats.add((eid, t))
                    edges.append(Edge(eid, ref(t), DEFEATS))
            for a in el.answered_by:
                src = a if a in elements else solution(a)
                edges.append(Edge(src, eid, ANSWERS))
    return kinds, edges, {key: evid for evid, key in ev_key.items()}


def graph_nodes(
    case: Case,
    kinds: Mapping[str, str],
    evidence_of: Mapping[str, str],
    keys: Iterable[str],
    *,
    findings: Mapping[str, Sequence[object]] | None = None,
    redactions: Mapping[str, str] | None = None,
    public: bool = False,
    basis: Mapping[str, str] | None = None,
) -> dict[str, Node]:
    """The diagram nodes of the given keys (from `argument_links`: `kinds`, `evidence_of`), with
    their texts, marks and redactions as `argument_graph` draws them."""
    marks = _normalise_marks(findings)
    red = dict(redactions or {})
    elements = case.argument.elements

    def redaction(key: str, conf: Confidentiality) -> str | None:
        if key in red:
            c = red[key]
            return c if c.startswith("sha256:") or not c else f"sha256:{c}"
        if public and conf is not Confidentiality.public:
            return ""
        return None

    nodes: dict[str, Node] = {}
    for key in keys:
        evid = evidence_of.get(key)
        if evid is not None:
            item = case.evidence.get(evid)
            if item is None:
                nodes[key] = Node(key, MISSING, "evidence not in the case")
                continue
            r = redaction(evid, item.confidentiality)
            nodes[key] = Node(key, SOLUTION, "" if r is not None else (item.title or item.kind),
                              redacted=r, marks=marks.get(evid, []), note=(basis or {}).get(evid))
            continue
        kind = kinds[key]
        if kind == MISSING:
            nodes[key] = Node(key, MISSING, "not in the argument")
            continue
        el = elements[key]
        # `redaction`, spelled out: this runs once per element of the argument
        if key in red:
            r = red[key]
            if r and not r.startswith("sha256:"):
                r = f"sha256:{r}"
        elif public and el.confidentiality is not Confidentiality.public:
            r = ""
        else:
            r = None
        # the text is the field named by the type (`Element.text`), read only when shown
        text = "" if r is not None else str(getattr(el, _KIND_TO_TYPE[kind]))
        if kind == DEFEATER:
            st = el.status or "open"
            note = st + (f" by {', '.join(el.answered_by)}" if el.answered_by and st == "answered" else "")
            nodes[key] = Node(key, kind, text, el.undeveloped, r, marks.get(key, []), st, note)
        else:
            nodes[key] = Node(key, kind, text, el.undeveloped, r, marks.get(key, []))
    return nodes


def argument_graph(
    case: Case,
    *,
    findings: Mapping[str, Sequence[object]] | None = None,
    redactions: Mapping[str, str] | None = None,
    public: bool = False,
    basis: Mapping[str, str] | None = None,
) -> ArgumentGraph:
    """Build the diagram graph of a case's argument.

    `findings` maps an element or evidence id to its findings (Mark, (code, severity) or code);
    `redactions` maps an id to the commitment published in place of its content. With
    `public=True`, every element and evidence item above `public` confidentiality is redacted
    too (with its commitment when `redactions` has one). A redacted node keeps its id, kind and
    links; its text is never copied into the graph. `basis` maps an evidence id to where its
    values come from ('derived', 'declared', 'not derived'), drawn under its solution node.
    """
    kinds, edges, evidence_of = argument_links(case)
    nodes = graph_nodes(case, kinds, evidence_of, kinds, findings=findings, redactions=redactions,
                        public=public, basis=basis)
    top = case.argument.top if case.argument.top in nodes else None
    return ArgumentGraph(nodes=nodes, edges=edges, top=top, title=case.title)
