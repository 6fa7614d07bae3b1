"""casegate's layered layout engine for argument diagrams (Sugiyama-style, linear-ish).

1. Side nodes (context, assumption, justification, defeater) are attached to the element they
   qualify and drawn beside it, stacked in a column on its right, then its left.
2. Cycles are broken by a depth-first search from the top claim (back edges are drawn, not laid
   out); layers are the longest path from the top; links spanning several layers get dummy nodes.
3. Crossing reduction: a few barycenter sweeps, alternately over the layer above and below,
   each reordering the children of a node (siblings stay together, so the order of every layer
   is the preorder of a spanning forest).
4. Coordinates: subtrees of the spanning forest are packed left to right against each other's
   contours (one left/right extent per layer) and parents centred over their children, in time
   proportional to the number of nodes times the depth.
5. Links are routed orthogonally through a bus between layers; side links are short connectors.

Guarantees: boxes never overlap; every link starts and ends on the boundary of its nodes; along
every laid-out link the parent is above the child.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from operator import sub

from ._graph import ANSWERS, DEFEATS, IN_CONTEXT, SIDE_KINDS, SUPPORT, ArgumentGraph

HGAP = 28.0
"""Horizontal gap between neighbouring blocks (px)."""
VGAP = 56.0
"""Vertical gap between layers (px)."""
SIDE_GAP = 26.0
"""Gap between an element and the side nodes beside it (px)."""
SIDE_VGAP = 10.0
"""Vertical gap between stacked side nodes (px)."""
DUMMY_W = 8.0
LANE = 9.0
"""Offset of the lane that links from a node's second and further parents run on (px)."""
MARGIN = 20.0
SWEEPS = 4
WRAP_LEAVES = 6
"""Leaf children of one node beyond this many go to further rows."""


@dataclass(slots=True)
class Box:
    """A node's bounding box: centre and size."""

    x: float
    y: float
    w: float
    h: float

    @property
    def left(self) -> float:
        return self.x - self.w / 2

    @property
    def right(self) -> float:
        return self.x + self.w / 2

    @property
    def top(self) -> float:
        return self.y - self.h / 2

    @property
    def bottom(self) -> float:
        return self.y + self.h / 2


@dataclass(slots=True)
class Route:
    """A drawn link: its endpoints' ids, kind, and polyline from src to dst."""

    src: str
    dst: str
    kind: str
    points: list[tuple[float, float]]
    laid_out: bool = True
    """False for links drawn straight across the layout (cycle back edges, shared side nodes)."""


@dataclass
class Layout:
    """Where every node and link goes."""

    boxes: dict[str, Box]
    routes: list[Route]
    width: float
    height: float
    ranks: dict[str, int]


def _clip(b: Box, tx: float, ty: float) -> tuple[float, float]:
    """The point where the segment from b's centre towards (tx, ty) leaves b's box."""
    dx, dy = tx - b.x, ty - b.y
    if dx == 0 and dy == 0:
        return b.x, b.top
    hw, hh = b.w / 2, b.h / 2
    sx = hw / abs(dx) if dx else float("inf")
    sy = hh / abs(dy) if dy else float("inf")
    s = min(sx, sy)
    return b.x + dx * s, b.y + dy * s


def _straighten(pts: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Drop the middle point of every three in a vertical or horizontal line."""
    out = pts[:2]
    for p in pts[2:]:
        (x0, y0), (x1, y1) = out[-2], out[-1]
        if (x0 == x1 == p[0]) or (y0 == y1 == p[1]):
            out[-1] = p
        else:
            out.append(p)
    return out


def _path(tparent: list[int], d: int, u: int) -> list[int]:
    """The dummies from just below `u` down to `d` (empty when d is u)."""
    out: list[int] = []
    while d != u:
        out.append(d)
        d = tparent[d]
    out.reverse()
    return out


@dataclass
class _Work:
    """The layout's working state, indexed by node number (dummies follow the n real nodes)."""

    ids: list[str]
    kinds: list[str]
    W: list[float]
    H: list[float]
    hch: list[list[int]]
    """Hierarchical (support) children."""
    has_parent: list[bool]
    owner: list[int]
    """The element a side node is drawn beside (-1: none)."""
    anchor: list[int]
    """The element a parentless element qualifies, defeats or answers (-1: none)."""
    side: list[bool]
    side_of: list[list[int]]
    hier: list[int]
    """Real nodes laid out in layers (not side nodes)."""
    unique_edges: list[tuple[int, int, str]]
    top: int
    # filled by the phases below
    dfs_parent: list[int] = field(default_factory=list)
    roots: list[int] = field(default_factory=list)
    fch: list[list[int]] = field(default_factory=list)
    """Forward (non-back) hierarchical children."""
    rank: list[int] = field(default_factory=list)
    lrank: list[int] = field(default_factory=list)
    tparent: list[int] = field(default_factory=list)
    tch: list[list[int]] = field(default_factory=list)
    lup: list[list[int]] = field(default_factory=list)
    ldown: list[list[int]] = field(default_factory=list)
    chains: dict[tuple[int, int], list[int]] = field(default_factory=dict)

    @property
    def n(self) -> int:
        return len(self.ids)

    def new_dummy(self, parent: int, r: int) -> int:
        d = len(self.lrank)
        self.lrank.append(r)
        self.tparent.append(parent)
        self.tch.append([])
        self.lup.append([parent])
        self.ldown.append([])
        self.tch[parent].append(d)
        self.ldown[parent].append(d)
        return d


def layout(
    graph: ArgumentGraph,
    sizes: Mapping[str, tuple[float, float]],
    *,
    insets: Mapping[str, float] | None = None,
    top_offset: float = 0.0,
    wrap_leaves: int | None = WRAP_LEAVES,
) -> Layout:
    """Lay out `graph` with node sizes `sizes` (id -> (width, height)).

    `insets` maps a node kind to how far its outline sits inside its box at mid-height (e.g. a
    parallelogram's slant), so side links end on the outline. `top_offset` leaves room above.
    More than `wrap_leaves` leaf children of one node are drawn in several rows.
    """
    if not graph.nodes:
        return Layout({}, [], 2 * MARGIN, 2 * MARGIN + top_offset, {})
    w = _structure(graph, sizes)
    _spanning_forest(w)
    _ranks(w)
    _layered(w, wrap_leaves)
    order = _order(w)
    x = _pack(w, order)
    return _place_and_route(w, x, insets or {}, top_offset)


def _structure(graph: ArgumentGraph, sizes: Mapping[str, tuple[float, float]]) -> _Work:
    """Hierarchical links, side attachments and anchors."""
    ids = list(graph.nodes)
    n = len(ids)
    idx = {k: i for i, k in enumerate(ids)}
    kinds = [graph.nodes[k].kind for k in ids]
    hch: list[list[int]] = [[] for _ in range(n)]
    has_h = [False] * n
    has_parent = [False] * n
    owner = [-1] * n
    seen: set[tuple[int, int, str]] = set()
    unique_edges: list[tuple[int, int, str]] = []
    for e in graph.edges:
        u, v = idx[e.src], idx[e.dst]
        key = (u, v, e.kind)
        if key in seen:
            continue
        seen.add(key)
        unique_edges.append(key)
        if e.kind == SUPPORT:
            if u != v:
                hch[u].append(v)
                has_h[u] = has_h[v] = True
                has_parent[v] = True
        elif e.kind == IN_CONTEXT:
            if u != v and owner[v] < 0 and kinds[v] in SIDE_KINDS:
                owner[v] = u
        elif e.kind == DEFEATS:
            if u != v and owner[u] < 0 and kinds[u] in SIDE_KINDS:
                owner[u] = v
    # an element that qualifies, defeats or answers another one, and has no parent of its own,
    # is drawn beside it rather than as a separate tree at the far right
    anchor = [-1] * n
    for (u, v, kind) in unique_edges:
        if kind == IN_CONTEXT and anchor[v] < 0 and u != v:
            anchor[v] = u
        elif kind in (DEFEATS, ANSWERS) and anchor[u] < 0 and u != v:
            anchor[u] = v
    # a side node is a context, assumption, justification or defeater with an owner and no
    # support links of its own, whose owner is not itself a side node
    cand = [owner[i] >= 0 and not has_h[i] for i in range(n)]
    side = [cand[i] and not cand[owner[i]] for i in range(n)]
    side_of: list[list[int]] = [[] for _ in range(n)]
    for i in range(n):
        if side[i]:
            side_of[owner[i]].append(i)
    top = idx[graph.top] if graph.top is not None and graph.top in idx else -1
    return _Work(
        ids=ids, kinds=kinds, W=[float(sizes[k][0]) for k in ids],
        H=[float(sizes[k][1]) for k in ids], hch=hch, has_parent=has_parent, owner=owner,
        anchor=anchor, side=side, side_of=side_of, hier=[i for i in range(n) if not side[i]],
        unique_edges=unique_edges, top=top)


def _spanning_forest(w: _Work) -> None:
    """Depth-first search from the top claim, then from other roots: the spanning forest, and
    the back links that close cycles (dropped from the forward links)."""
    n, hch, side, anchor, has_parent = w.n, w.hch, w.side, w.anchor, w.has_parent
    top = w.top
    starts = ([top] if top >= 0 and not side[top] else []) + [
        i for i in w.hier if not has_parent[i] and i != top and anchor[i] < 0
    ]
    starts += [i for i in w.hier if not has_parent[i] and i != top and anchor[i] >= 0]
    state = [0] * n  # 0 new, 1 on stack, 2 done
    dfs_parent = [-1] * n
    back: set[tuple[int, int]] = set()
    roots: list[int] = []
    for s in [*starts, *w.hier]:
        if state[s] != 0:
            continue
        roots.append(s)
        state[s] = 1
        stack = [(s, iter(hch[s]))]
        while stack:
            u, it = stack[-1]
            for v in it:
                if state[v] == 0:
                    state[v] = 1
                    dfs_parent[v] = u
                    stack.append((v, iter(hch[v])))
                    break
                if state[v] == 1:
                    back.add((u, v))
            else:
                state[u] = 2
                stack.pop()
    w.dfs_parent = dfs_parent
    w.roots = roots
    w.fch = [[v for v in hch[u] if (u, v) not in back] for u in range(n)] if back else hch


def _ranks(w: _Work) -> None:
    """Longest path from the roots over forward links; anchored roots share their anchor's
    rank (unless that would close a cycle); side nodes share their owner's."""
    n, hier, fch, owner, side, anchor = w.n, w.hier, w.fch, w.owner, w.side, w.anchor
    rank = [0] * n

    def longest_path(attach: bool) -> bool:
        indeg = [0] * n
        extra: list[list[int]] = [[] for _ in range(n)] if attach else []
        for u in hier:
            for v in fch[u]:
                indeg[v] += 1
        if attach:
            for r in w.roots[1:]:
                o = anchor[r]
                if o >= 0:
                    o = owner[o] if side[o] else o
                    if o != r:
                        extra[o].append(r)
                        indeg[r] += 1
        for i in range(n):
            rank[i] = 0
        queue = [i for i in hier if indeg[i] == 0]
        done = 0
        while queue:
            u = queue.pop()
            done += 1
            ru = rank[u] + 1
            for v in fch[u]:
                if rank[v] < ru:
                    rank[v] = ru
                indeg[v] -= 1
                if indeg[v] == 0:
                    queue.append(v)
            if attach:
                for v in extra[u]:
                    if rank[v] < ru - 1:
                        rank[v] = ru - 1
                    indeg[v] -= 1
                    if indeg[v] == 0:
                        queue.append(v)
        return done == len(hier)

    if not longest_path(True):
        longest_path(False)
    for i in range(n):
        if side[i]:
            rank[i] = rank[owner[i]]
    w.rank = rank


def _layered(w: _Work, wrap_leaves: int | None) -> None:
    """The layered graph: dummies on links spanning several layers, wide fans of leaves wrapped
    into rows, and the spanning-forest children every later phase walks."""
    n, hier, fch, rank, dfs_parent, side_of = w.n, w.hier, w.fch, w.rank, w.dfs_parent, w.side_of
    w.lrank = lrank = list(rank)
    w.tparent = tparent = [-1] * n
    tch: list[list[int]] = [[] for _ in range(n)]
    lup: list[list[int]] = [[] for _ in range(n)]  # layered neighbours above (non-forest too)
    ldown: list[list[int]] = [[] for _ in range(n)]
    w.tch, w.lup, w.ldown = tch, lup, ldown
    chains = w.chains

    # many leaf children of one node are wrapped into rows of `wrap_leaves`, each further row
    # hanging from a shared dummy in the middle of the row above (keeps wide fans on one screen)
    if wrap_leaves and wrap_leaves > 0:
        indeg = [0] * n
        for u in hier:
            for v in fch[u]:
                indeg[v] += 1
        for u in hier:
            leaves = [v for v in fch[u] if dfs_parent[v] == u and indeg[v] == 1 and not fch[v]
                      and not side_of[v]]
            if len(leaves) <= wrap_leaves:
                continue
            # rows grow with the square root of the fan, so routes stay short on huge fans
            per_row = max(wrap_leaves, math.isqrt(len(leaves) - 1) + 1)
            rows = [leaves[i:i + per_row] for i in range(0, len(leaves), per_row)]
            holder = u
            for ri, row in enumerate(rows):
                r = rank[u] + 1 + ri
                for v in row:
                    rank[v] = lrank[v] = r
                    chains[(u, v)] = [u, *_path(tparent, holder, u), v]
                    tparent[v] = holder
                    tch[holder].append(v)
                    ldown[holder].append(v)
                    lup[v].append(holder)
                if ri + 1 < len(rows):
                    d = w.new_dummy(holder, r)
                    kids = tch[holder]
                    kids.remove(d)
                    kids.insert(kids.index(row[len(row) // 2]), d)
                    holder = d
    for u in hier:
        for v in fch[u]:
            if (u, v) in chains:
                continue
            chain = [u]
            prev = u
            for k in range(1, rank[v] - rank[u]):
                prev = w.new_dummy(prev, rank[u] + k)
                chain.append(prev)
            chain.append(v)
            chains[(u, v)] = chain
            ldown[prev].append(v)
            lup[v].append(prev)
            if dfs_parent[v] == u and tparent[v] < 0:
                tparent[v] = prev
                tch[prev].append(v)

    # anchored roots become siblings of their anchor's element, on the anchor's side
    owner, side, anchor = w.owner, w.side, w.anchor
    for r in list(w.roots[1:]):
        a = anchor[r]
        if a < 0:
            continue
        h = owner[a] if side[a] else a
        p = tparent[h]
        if p < 0 or lrank[r] != lrank[h] or h == r:
            continue
        kids = tch[p]
        pos_h = kids.index(h)
        right_side = side[a] and a in side_of[h][0::2]
        kids.insert(pos_h + 1 if right_side else pos_h, r)
        tparent[r] = p
        w.roots.remove(r)


def _preorder(roots: list[int], tch: list[list[int]]) -> list[int]:
    order: list[int] = []
    for r in roots:
        stack = [r]
        while stack:
            u = stack.pop()
            order.append(u)
            stack.extend(reversed(tch[u]))
    return order


def _order(w: _Work) -> list[int]:
    """Crossing reduction: barycenter sweeps, alternately over the layer above and below, that
    reorder each node's children. Returns the preorder of the spanning forest."""
    tch, lup, ldown, lrank = w.tch, w.lup, w.ldown, w.lrank
    N = len(lrank)
    order = _preorder(w.roots, tch)
    if not any(len(lup[v]) > 1 for v in range(N)):
        return order  # a forest: nothing can cross
    for sweep in range(SWEEPS):
        pos = [0] * N
        counters: dict[int, int] = {}
        for u in order:
            r = lrank[u]
            c = counters.get(r, 0)
            pos[u] = c
            counters[r] = c + 1
        nb = lup if sweep % 2 == 0 else ldown
        for u in range(N):
            kids = tch[u]
            if len(kids) > 1:
                # a child with no neighbours on that side keeps its place after its left sibling
                keys: dict[int, float] = {}
                last = -1.0
                for v in kids:
                    ns = nb[v]
                    if ns:
                        last = sum(pos[x] for x in ns) / len(ns)
                    keys[v] = last
                kids.sort(key=keys.__getitem__)
        order = _preorder(w.roots, tch)
    return order


def _pack(w: _Work, order: list[int]) -> list[float]:
    """Horizontal centres: each subtree packed against its left siblings' contours (one left and
    right extent per layer), each parent centred over its children, roots packed last."""
    W, side_of, tch, lrank, tparent = w.W, w.side_of, w.tch, w.lrank, w.tparent
    N = len(lrank)
    L = [-DUMMY_W / 2] * N
    R = [DUMMY_W / 2] * N
    for u in w.hier:
        hw = W[u] / 2
        right = side_of[u][0::2]
        left = side_of[u][1::2]
        R[u] = hw + (SIDE_GAP + max(W[s] for s in right) if right else 0.0)
        L[u] = -hw - (SIDE_GAP + max(W[s] for s in left) if left else 0.0)

    rel = [0.0] * N
    cl: dict[int, list[float]] = {}
    cr: dict[int, list[float]] = {}
    for u in reversed(order):
        kids = tch[u]
        if not kids:
            cl[u] = [L[u]]
            cr[u] = [R[u]]
            continue
        c0 = kids[0]
        accL = cl.pop(c0)
        accR = cr.pop(c0)
        offs = [0.0]
        for c in kids[1:]:
            Li = cl.pop(c)
            Ri = cr.pop(c)
            s = max(map(sub, accR, Li)) + HGAP
            m = min(len(accR), len(Ri))
            accR[:m] = [x + s for x in Ri[:m]]
            if len(Li) > m:
                accL.extend([x + s for x in Li[m:]])
                accR.extend([x + s for x in Ri[m:]])
            offs.append(s)
        mid = (offs[0] + offs[-1]) / 2
        for c, o in zip(kids, offs, strict=True):
            rel[c] = o - mid
        accL = [x - mid for x in accL]
        accL.insert(0, L[u])
        accR = [x - mid for x in accR]
        accR.insert(0, R[u])
        cl[u] = accL
        cr[u] = accR

    x = [0.0] * N
    grid_right: dict[int, float] = {}
    for r in w.roots:
        Lr, Rr = cl.pop(r), cr.pop(r)
        base = lrank[r]
        at = 0.0
        first = True
        for j, lv in enumerate(Lr):
            g = grid_right.get(base + j)
            if g is not None:
                need = g - lv + HGAP
                if first or need > at:
                    at = need
                    first = False
        x[r] = at
        for j, rv in enumerate(Rr):
            grid_right[base + j] = rv + at
    for u in order:
        p = tparent[u]
        if p >= 0:
            x[u] = x[p] + rel[u]
    return x


def _side_column(nodes: list[int], W: list[float], H: list[float]) -> float:
    return sum(H[s] for s in nodes) + SIDE_VGAP * max(0, len(nodes) - 1)


def _place_and_route(w: _Work, x: list[float], ins: Mapping[str, float],
                     top_offset: float) -> Layout:
    """Layer heights, boxes (side nodes stacked beside their owner), and link routes."""
    n, W, H, rank, lrank, side_of = w.n, w.W, w.H, w.rank, w.lrank, w.side_of
    ids, kinds, side, owner, tparent = w.ids, w.kinds, w.side, w.owner, w.tparent
    N = len(lrank)
    nranks = max(lrank) + 1
    layer_h = [0.0] * nranks
    for u in w.hier:
        bh = max(H[u], _side_column(side_of[u][0::2], W, H), _side_column(side_of[u][1::2], W, H))
        if bh > layer_h[rank[u]]:
            layer_h[rank[u]] = bh
    ytop = [0.0] * nranks
    y0 = MARGIN + top_offset
    for r in range(nranks):
        ytop[r] = y0
        y0 += layer_h[r] + VGAP
    height = y0 - VGAP + MARGIN

    boxes_i: list[Box | None] = [None] * n
    for u in w.hier:
        cy = ytop[rank[u]] + layer_h[rank[u]] / 2
        boxes_i[u] = Box(x[u], cy, W[u], H[u])
        right, left = side_of[u][0::2], side_of[u][1::2]
        yy = cy - _side_column(right, W, H) / 2
        xe = x[u] + W[u] / 2 + SIDE_GAP
        for s_ in right:
            boxes_i[s_] = Box(xe + W[s_] / 2, yy + H[s_] / 2, W[s_], H[s_])
            yy += H[s_] + SIDE_VGAP
        yy = cy - _side_column(left, W, H) / 2
        xe = x[u] - W[u] / 2 - SIDE_GAP
        for s_ in left:
            boxes_i[s_] = Box(xe - W[s_] / 2, yy + H[s_] / 2, W[s_], H[s_])
            yy += H[s_] + SIDE_VGAP

    # normalise so the leftmost extent sits at the margin
    minx = min(bx.left for bx in boxes_i if bx is not None)
    maxx = max(bx.right for bx in boxes_i if bx is not None)
    shift = MARGIN - minx
    for bx in boxes_i:
        if bx is not None:
            bx.x += shift
    for d in range(n, N):
        x[d] += shift
    boxes: dict[str, Box] = {}
    for i, bx in enumerate(boxes_i):
        assert bx is not None
        boxes[ids[i]] = bx

    routes: list[Route] = []
    for (u, v, kind) in w.unique_edges:
        bu, bv = boxes_i[u], boxes_i[v]
        assert bu is not None and bv is not None
        if u == v:
            continue
        if kind == SUPPORT and (u, v) in w.chains:
            chain = w.chains[(u, v)]
            pts = [(bu.x, bu.bottom)]
            for a, b in zip(chain, chain[1:], strict=False):
                ymid = ytop[lrank[b]] - VGAP / 2
                if b == v and tparent[v] != a:
                    ymid += LANE  # a second parent's link runs on its own lane, apart from the bus
                xa = bu.x if a == u else x[a]
                xb = bv.x if b == v else x[b]
                if pts[-1][0] != xa or pts[-1][1] != ymid:
                    pts.append((xa, ymid))
                if xb != xa:
                    pts.append((xb, ymid))
                if b != v:
                    pts.append((xb, ytop[lrank[b]] + layer_h[lrank[b]]))
            pts.append((bv.x, bv.top))
            routes.append(Route(ids[u], ids[v], kind, _straighten(pts)))
            continue
        s, o = (v, u) if kind == IN_CONTEXT else (u, v)  # s: the side node, o: its owner
        if kind in (IN_CONTEXT, DEFEATS) and side[s] and owner[s] == o:
            bs, bo = boxes_i[s], boxes_i[o]
            assert bs is not None and bo is not None
            if bs.x > bo.x:
                po = (bo.right - ins.get(kinds[o], 0.0), bo.y)
                ps = (bs.left + ins.get(kinds[s], 0.0), bs.y)
            else:
                po = (bo.left + ins.get(kinds[o], 0.0), bo.y)
                ps = (bs.right - ins.get(kinds[s], 0.0), bs.y)
            routes.append(Route(ids[u], ids[v], kind, [po, ps] if kind == IN_CONTEXT else [ps, po]))
            continue
        routes.append(Route(ids[u], ids[v], kind, [_clip(bu, bv.x, bv.y), _clip(bv, bu.x, bu.y)],
                            laid_out=False))

    return Layout(boxes=boxes, routes=routes, width=maxx - minx + 2 * MARGIN, height=height,
                  ranks={ids[i]: rank[i] for i in range(n)})
