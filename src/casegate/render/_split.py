"""Readable views of large arguments: the argument is cut into modules of bounded size (each
module a subtree rooted at a goal or strategy), drawn one page per module, with an overview page
of the modules; pages link to each other (SVG `<a href>`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain

from ..model import SEVERITY_RANK, Case
from ._graph import (
    ANSWERS,
    AWAY,
    DEFEATS,
    GOAL,
    IN_CONTEXT,
    MODULE,
    SIDE_KINDS,
    STRATEGY,
    SUPPORT,
    ArgumentGraph,
    Edge,
    Mark,
    Node,
    argument_links,
    graph_nodes,
)
from ._svg import render_svg

MAX_ELEMENTS = 30
"""Default module size bound: about what fits one screen at a readable size."""
INDEX = "index.svg"
OVERVIEW_MAX = 40
"""The overview shows module levels while they total at most this many modules (at least two
levels); deeper modules are reached through their parent module's page."""


@dataclass
class Module:
    """A part of the argument drawn on its own page."""

    id: str
    root: str
    members: list[str] = field(default_factory=list)
    parent: str | None = None
    children: list[str] = field(default_factory=list)

    @property
    def file(self) -> str:
        return f"module-{self.root}.svg"


def _owners(kinds: Mapping[str, str], edges: Sequence[Edge]) -> dict[str, str]:
    """Side node -> the element it is drawn beside (same rule as the layout)."""
    has_support = set()
    for e in edges:
        if e.kind == SUPPORT:
            has_support.add(e.src)
            has_support.add(e.dst)
    owner: dict[str, str] = {}
    for e in edges:
        if e.kind == IN_CONTEXT:
            s, o = e.dst, e.src
        elif e.kind == DEFEATS:
            s, o = e.src, e.dst
        else:
            continue
        if s != o and s not in owner and kinds[s] in SIDE_KINDS and s not in has_support:
            owner[s] = o
    # a side node whose owner is itself a side node stands on its own
    return {s: o for s, o in owner.items() if o not in owner}


def partition(graph: ArgumentGraph, max_elements: int = MAX_ELEMENTS) -> list[Module]:
    """Cut the argument into modules of at most about `max_elements` elements (a module grows
    past the bound only where the rest is leaves). The first module holds the top claim."""
    return partition_links({k: n.kind for k, n in graph.nodes.items()}, graph.edges, graph.top, max_elements)


def partition_links(kinds: Mapping[str, str], edges: Sequence[Edge], top: str | None,
                    max_elements: int = MAX_ELEMENTS) -> list[Module]:
    """`partition` of a graph given by its nodes' kinds (by key, in the graph's order), its
    links and its top node (as `argument_links` gives them)."""
    if max_elements < 2:
        raise ValueError("max_elements must be at least 2")
    owner = _owners(kinds, edges)
    sides: dict[str, list[str]] = {}
    for s, o in owner.items():
        sides.setdefault(o, []).append(s)
    children: dict[str, list[str]] = {k: [] for k in kinds}  # SUPPORT children, in link order
    for e in edges:
        if e.kind == SUPPORT:
            children[e.src].append(e.dst)
    # spanning forest by depth-first search from the top, then from any other root; each element's
    # tree parent noted as the search reaches it
    tch: dict[str, list[str]] = {}
    tparent: dict[str, str] = {}
    seen: set[str] = set()
    roots: list[str] = []
    has_parent = set(chain.from_iterable(children.values()))  # every SUPPORT edge's target
    starts = ([top] if top else []) + [k for k in kinds if k not in has_parent and k not in owner]
    starts += [k for k in kinds if k not in owner]
    order: list[str] = []
    for s in starts:
        if s in seen:
            continue
        roots.append(s)
        seen.add(s)
        stack = [s]
        while stack:
            u = stack.pop()
            order.append(u)
            kids = children[u]
            if kids:  # most nodes are leaves: their (empty, never changed) list is kept as it is
                # each child once (a link given twice is one link), its tree parent noted; a loop,
                # not a comprehension: no frame of its own, once per developed node
                fresh = []
                for v in kids:
                    if v not in seen and v not in owner:
                        seen.add(v)
                        fresh.append(v)
                        tparent[v] = u
                kids = fresh
                stack.extend(reversed(kids))
            tch[u] = kids
    acc: dict[str, int] = {}
    cut: set[str] = set()
    for u in reversed(order):
        a = 1 + len(sides.get(u, ()))
        kids = tch[u]
        for c in kids:
            a += acc[c]
        if a > max_elements:
            # cut the largest developed children first; leaves stay with their parent
            for c in sorted((c for c in kids if tch[c]), key=lambda c: -acc[c]):
                if a <= max_elements:
                    break
                cut.add(c)
                a -= acc[c]
        acc[u] = a
    module_roots = roots + [u for u in order if u in cut]
    mods: dict[str, Module] = {r: Module(id=f"M-{r}", root=r) for r in module_roots}
    members = {r: m.members for r, m in mods.items()}
    # each element's module, in the spanning forest's preorder (`order`): a root or a cut element
    # starts its own, any other element is in its tree parent's, already placed
    where: dict[str, str] = {}
    for u in order:
        mr = u if u in mods else where[tparent[u]]
        members[mr].append(u)
        where[u] = mr
        side = sides.get(u)
        if side is not None:
            members[mr].extend(side)
            for sn in side:
                where[sn] = mr
    # parent links: a cut root's module parent is the module of its tree parent
    first = roots[0] if roots else None
    for r in module_roots:
        if r in tparent:
            p = where[tparent[r]]
        elif r != first and first is not None:
            p = first
        else:
            continue
        mods[r].parent = mods[p].id
        mods[p].children.append(mods[r].id)
    order_index = {k: i for i, k in enumerate(kinds)}
    for mod in mods.values():
        mod.members.sort(key=order_index.__getitem__)
    return [mods[r] for r in module_roots]


def _stub(n: Node, kind: str, href: str, module_id: str) -> Node:
    return Node(n.id, kind, n.text, redacted=n.redacted, marks=list(n.marks), status=n.status,
                note=f"→ {module_id}", href=href)


def module_graph(graph: ArgumentGraph, modules: list[Module], module_id: str) -> ArgumentGraph:
    """The page of one module: its members, plus linked stubs for what lies in other modules."""
    by_id = {m.id: m for m in modules}
    mod = by_id[module_id]
    where = {k: m for m in modules for k in m.members}
    members = set(mod.members)
    nodes: dict[str, Node] = {k: graph.nodes[k] for k in mod.members}
    edges: list[Edge] = []
    for e in graph.edges:
        si, di = e.src in members, e.dst in members
        if si and di:
            edges.append(e)
            continue
        if si or (di and e.kind in (DEFEATS, ANSWERS)):
            other = e.dst if si else e.src
            if e.kind == SUPPORT and other == mod.root:
                continue
            om = where.get(other)
            if om is None:
                continue
            if other not in nodes:
                n = graph.nodes[other]
                kind = AWAY if e.kind == SUPPORT and n.kind in (GOAL, STRATEGY) else n.kind
                nodes[other] = _stub(n, kind, om.file, om.id)
            edges.append(e)
    return ArgumentGraph(nodes=nodes, edges=edges, top=mod.root,
                         title=f"{graph.title} · module {mod.id}")


def _overview_modules(modules: list[Module]) -> list[Module]:
    """The modules the overview shows: whole levels from the top, at least two, while they total
    at most `OVERVIEW_MAX`."""
    by_id = {m.id: m for m in modules}
    shown: list[Module] = []
    level = [m for m in modules if m.parent is None]
    depth = 0
    while level and (depth < 2 or len(shown) + len(level) <= OVERVIEW_MAX):
        shown.extend(level)
        level = [by_id[c] for m in level for c in m.children]
        depth += 1
    return shown


def overview_graph(graph: ArgumentGraph, modules: list[Module]) -> ArgumentGraph:
    """One node per module (its root's text, size, findings and open defeaters), linked."""
    nodes: dict[str, Node] = {}
    edges: list[Edge] = []
    shown = _overview_modules(modules)
    shown_ids = {m.id for m in shown}
    for m in shown:
        root = graph.nodes[m.root]
        marks: list[Mark] = []
        codes: set[str] = set()
        opened = 0
        for k in m.members:
            n = graph.nodes[k]
            for mk in n.marks:
                if mk.code not in codes:
                    codes.add(mk.code)
                    marks.append(mk)
            if n.open_defeater:
                opened += 1
        marks.sort(key=lambda mk: SEVERITY_RANK.get(mk.severity, 9))
        bits = [f"{len(m.members)} elements"]
        hidden = sum(1 for c in m.children if c not in shown_ids)
        if hidden:
            bits.append(f"{hidden} sub-module{'s' if hidden > 1 else ''} on its page")
        if opened:
            bits.append(f"{opened} open defeater{'s' if opened > 1 else ''}")
        text = root.text if len(root.text) <= 90 else root.text[:89] + "…"
        nodes[m.id] = Node(m.id, MODULE, f"{m.root}: {text}" if root.redacted is None else "",
                           redacted=root.redacted, marks=marks, note=" · ".join(bits), href=m.file)
        if m.parent and m.parent in shown_ids:
            edges.append(Edge(m.parent, m.id, SUPPORT))
    return ArgumentGraph(nodes=nodes, edges=edges, top=modules[0].id if modules else None,
                         title=f"{graph.title} · overview ({len(modules)} modules)")


def argument_overview(
    case: Case,
    *,
    findings: Mapping[str, Sequence[object]] | None = None,
    redactions: Mapping[str, str] | None = None,
    public: bool = False,
    basis: Mapping[str, str] | None = None,
) -> ArgumentGraph:
    """`overview_graph` of the case's `argument_graph` (same arguments) and its `partition`,
    with only the members of the modules it shows drawn as nodes: the other elements of a large
    argument are counted in their modules, never drawn."""
    kinds, edges, evidence_of = argument_links(case)
    top = case.argument.top if case.argument.top in kinds else None
    modules = partition_links(kinds, edges, top)
    shown = {k for m in _overview_modules(modules) for k in m.members}
    nodes = graph_nodes(case, kinds, evidence_of, [k for k in kinds if k in shown], findings=findings,
                        redactions=redactions, public=public, basis=basis)
    return overview_graph(ArgumentGraph(nodes=nodes, edges=[], top=top, title=case.title), modules)


def render_split(graph: ArgumentGraph, max_elements: int = MAX_ELEMENTS) -> dict[str, str]:
    """index.svg (the overview) and one page per module, file name -> SVG text."""
    modules = partition(graph, max_elements)
    by_id = {m.id: m for m in modules}
    pages = {INDEX: render_svg(overview_graph(graph, modules))}
    for m in modules:
        pages[m.file] = module_page(graph, modules, m.id, by_id)
    return pages


def module_page(graph: ArgumentGraph, modules: list[Module], module_id: str,
                by_id: dict[str, Module] | None = None) -> str:
    """The SVG page of one module, with links to the overview and to its parent module."""
    by_id = by_id or {m.id: m for m in modules}
    m = by_id[module_id]
    links = [("↑ overview", INDEX)]
    if m.parent:
        links.append((f"↑ parent {m.parent}", by_id[m.parent].file))
    return render_svg(module_graph(graph, modules, m.id), links=links)


def find_module(modules: list[Module], ref: str) -> Module | None:
    """The module named `ref` (module id 'M-G3' or its root element id 'G3') or containing `ref`."""
    for m in modules:
        if ref in (m.id, m.root):
            return m
    for m in modules:
        if ref in m.members:
            return m
    return None
