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

from collections.abc import Mapping
from dataclasses import dataclass
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


def _path(tparent: list[int], d: int, u: int) -> list[int]:
    """The dummies from just below `u` down to `d` (empty when d is u)."""
    out: list[int] = []
    while d != u:
        out.append(d)
        d = tparent[d]
    out.reverse()
    return out


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
    ins = insets or {}
    ids = list(graph.nodes)
    n = len(ids)
    if n == 0:
        return Layout({}, [], 2 * MARGIN, 2 * MARGIN + top_offset, {})
    idx = {k: i for i, k in enumerate(ids)}
    kinds = [graph.nodes[k].kind for k in ids]
    W = [float(sizes[k][0]) for k in ids]
    Hh = [float(sizes[k][1]) for k in ids]

    # ---- hierarchical links and side attachments -------------------------------------------
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
    cand = [owner[i] >= 0 and not has_h[i] for i in range(n)]
    side = [cand[i] and not cand[owner[i]] for i in range(n)]
    side_of: list[list[int]] = [[] for _ in range(n)]
    for i in range(n):
        if side[i]:
            side_of[owner[i]].append(i)

    # ---- depth-first search: spanning forest, preorder, back edges --------------------------
    top = idx[graph.top] if graph.top is not None and graph.top in idx else -1
    hier = [i for i in range(n) if not side[i]]
    starts = ([top] if top >= 0 and not side[top] else []) + [
        i for i in hier if not has_parent[i] and i != top and anchor[i] < 0
    ]
    starts += [i for i in hier if not has_parent[i] and i != top and anchor[i] >= 0]
    state = [0] * n  # 0 new, 1 on stack, 2 done
    dfs_parent = [-1] * n
    back: set[tuple[int, int]] = set()
    roots: list[int] = []

    def dfs(s: int) -> None:
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

    for s in starts:
        if state[s] == 0:
            dfs(s)
    for s in hier:
        if state[s] == 0:
            dfs(s)

    # ---- ranks: longest path over forward links (attached roots share their owner's rank) -----
    fch: list[list[int]] = [[v for v in hch[u] if (u, v) not in back] for u in range(n)] if back else hch
    rank = [0] * n

    def longest_path(attach: bool) -> bool:
        indeg = [0] * n
        extra: list[list[int]] = [[] for _ in range(n)] if attach else []
        for u in hier:
            for v in fch[u]:
                indeg[v] += 1
        if attach:
            for r in roots[1:]:
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

    # ---- layered graph with dummies; spanning-forest children ---------------------------------
    N = n
    lrank = list(rank)
    tparent = [-1] * n
    tch: list[list[int]] = [[] for _ in range(n)]
    lup: list[list[int]] = [[] for _ in range(n)]  # layered neighbours above (non-forest too)
    ldown: list[list[int]] = [[] for _ in range(n)]
    chains: dict[tuple[int, int], list[int]] = {}

    def new_dummy(parent: int, r: int) -> int:
        nonlocal N
        d = N
        N += 1
        lrank.append(r)
        tparent.append(parent)
        tch.append([])
        lup.append([parent])
        ldown.append([])
        tch[parent].append(d)
        ldown[parent].append(d)
        return d

    # many leaf children of one node are wrapped into rows of `wrap_leaves`, each further row
    # hanging from a shared dummy at the end of the row above (keeps wide fans on one screen)
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
            rows = [leaves[i:i + wrap_leaves] for i in range(0, len(leaves), wrap_leaves)]
            holder = u
            for ri, row in enumerate(rows):
                r = rank[u] + 1 + ri
                for v in row:
                    rank[v] = lrank[v] = r
                    chain = [u, *_path(tparent, holder, u), v]
                    chains[(u, v)] = chain
                    tparent[v] = holder
                    tch[holder].append(v)
                    ldown[holder].append(v)
                    lup[v].append(holder)
                if ri + 1 < len(rows):
                    d = new_dummy(holder, r)
                    kids = tch[holder]  # the next row hangs from the middle of this one
                    kids.remove(d)
                    kids.insert(kids.index(row[len(row) // 2]), d)
                    holder = d
    for u in hier:
        for v in fch[u]:
            if (u, v) in chains:
                continue
            span = rank[v] - rank[u]
            chain = [u]
            prev = u
            for k in range(1, span):
                d = new_dummy(prev, rank[u] + k)
                chain.append(d)
                prev = d
            chain.append(v)
            chains[(u, v)] = chain
            ldown[prev].append(v)
            lup[v].append(prev)
            if dfs_parent[v] == u and tparent[v] < 0:
                tparent[v] = prev
                tch[prev].append(v)

    # attached roots become siblings of their anchor's element, on the anchor's side
    for r in list(roots[1:]):
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
        roots.remove(r)

    # ---- crossing reduction: barycenter sweeps over sibling order ------------------------------
    def preorder() -> list[int]:
        order: list[int] = []
        for r in roots:
            stack = [r]
            while stack:
                u = stack.pop()
                order.append(u)
                stack.extend(reversed(tch[u]))
        return order

    order = preorder()
    nontree = any(len(lup[v]) > 1 for v in range(N))
    if nontree:
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
            order = preorder()

    # ---- block extents --------------------------------------------------------------------------
    L = [-DUMMY_W / 2] * N
    R = [DUMMY_W / 2] * N
    BH = [0.0] * N
    cols: list[tuple[list[int], list[int], float, float, float, float]] = [([], [], 0.0, 0.0, 0.0, 0.0)] * n
    for u in hier:
        hw = W[u] / 2
        right = side_of[u][0::2]
        left = side_of[u][1::2]
        rw = max((W[s] for s in right), default=0.0)
        lw = max((W[s] for s in left), default=0.0)
        rh = sum(Hh[s] for s in right) + SIDE_VGAP * max(0, len(right) - 1)
        lh = sum(Hh[s] for s in left) + SIDE_VGAP * max(0, len(left) - 1)
        R[u] = hw + (SIDE_GAP + rw if right else 0.0)
        L[u] = -hw - (SIDE_GAP + lw if left else 0.0)
        BH[u] = max(Hh[u], rh, lh)
        if right or left:
            cols[u] = (right, left, rw, lw, rh, lh)

    # ---- contour packing, children before parents -------------------------------------------
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
    for r in roots:
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

    # ---- vertical positions ----------------------------------------------------------------------
    nranks = max(lrank) + 1
    layer_h = [0.0] * nranks
    for u in hier:
        r = rank[u]
        if BH[u] > layer_h[r]:
            layer_h[r] = BH[u]
    ytop = [0.0] * nranks
    y0 = MARGIN + top_offset
    for r in range(nranks):
        ytop[r] = y0
        y0 += layer_h[r] + VGAP
    height = y0 - VGAP + MARGIN

    boxes_i: list[Box | None] = [None] * n
    for u in hier:
        cy = ytop[rank[u]] + layer_h[rank[u]] / 2
        boxes_i[u] = Box(x[u], cy, W[u], Hh[u])
        col = cols[u]
        if col[0] or col[1]:
            right, left, rw, lw, rh, lh = col
            yy = cy - rh / 2
            xe = x[u] + W[u] / 2 + SIDE_GAP
            for s_ in right:
                boxes_i[s_] = Box(xe + W[s_] / 2, yy + Hh[s_] / 2, W[s_], Hh[s_])
                yy += Hh[s_] + SIDE_VGAP
            yy = cy - lh / 2
            xe = x[u] - W[u] / 2 - SIDE_GAP
            for s_ in left:
                boxes_i[s_] = Box(xe - W[s_] / 2, yy + Hh[s_] / 2, W[s_], Hh[s_])
                yy += Hh[s_] + SIDE_VGAP

    # normalise so the leftmost extent sits at the margin
    minx = min(bx.left for bx in boxes_i if bx is not None)
    maxx = max(bx.right for bx in boxes_i if bx is not None)
    shift = MARGIN - minx
    for bx in boxes_i:
        if bx is not None:
            bx.x += shift
    for d in range(n, N):
        x[d] += shift
    width = maxx - minx + 2 * MARGIN
    boxes: dict[str, Box] = {}
    for i, bx in enumerate(boxes_i):
        assert bx is not None
        boxes[ids[i]] = bx

    # ---- routes ------------------------------------------------------------------------------------
    routes: list[Route] = []
    for (u, v, kind) in unique_edges:
        bu, bv = boxes_i[u], boxes_i[v]
        assert bu is not None and bv is not None
        if u == v:
            continue
        if kind == SUPPORT and (u, v) in chains:
            chain = chains[(u, v)]
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
            routes.append(Route(ids[u], ids[v], kind, pts))
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
            pts = [po, ps] if kind == IN_CONTEXT else [ps, po]
            routes.append(Route(ids[u], ids[v], kind, pts))
            continue
        routes.append(Route(ids[u], ids[v], kind, [_clip(bu, bv.x, bv.y), _clip(bv, bu.x, bu.y)],
                            laid_out=False))

    return Layout(boxes=boxes, routes=routes, width=width, height=height,
                  ranks={ids[i]: rank[i] for i in range(n)})
