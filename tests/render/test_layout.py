"""Layout invariants on random trees and DAGs (with cycles, shared side nodes, several roots):
no two boxes overlap, every link starts and ends on its nodes' outlines, parents sit above their
children along every laid-out link, and bus links are orthogonal."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casegate.render import ArgumentGraph, Box, Edge, Node, argument_graph, layout
from casegate.render._graph import ANSWERS, DEFEATS, IN_CONTEXT, SUPPORT
from casegate.render._svg import INSETS, arrange

from ._cases import FINDINGS, case_from, small_case

EPS = 0.01


@st.composite
def graphs(draw: st.DrawFn) -> tuple[ArgumentGraph, dict[str, tuple[float, float]]]:
    n = draw(st.integers(1, 28))
    kinds = ["goal", "strategy", "solution"]
    nodes: dict[str, Node] = {}
    edges: list[Edge] = []
    for i in range(n):
        nodes[f"H{i}"] = Node(f"H{i}", draw(st.sampled_from(kinds)), "")
    for i in range(1, n):
        if draw(st.integers(0, 9)) > 0:  # mostly a tree, sometimes another root
            edges.append(Edge(f"H{draw(st.integers(0, i - 1))}", f"H{i}", SUPPORT))
    for _ in range(draw(st.integers(0, 6))):  # extra parents (DAG) and back edges (cycles)
        a, b = draw(st.integers(0, n - 1)), draw(st.integers(0, n - 1))
        edges.append(Edge(f"H{a}", f"H{b}", SUPPORT))
    for j in range(draw(st.integers(0, 10))):
        kind = draw(st.sampled_from(["context", "assumption", "justification", "defeater"]))
        sid = f"X{j}"
        nodes[sid] = Node(sid, kind, "", status="open" if kind == "defeater" else None)
        owner = f"H{draw(st.integers(0, n - 1))}"
        edges.append(Edge(sid, owner, DEFEATS) if kind == "defeater" else Edge(owner, sid, IN_CONTEXT))
        if draw(st.booleans()) and n > 1:  # a second element reads the same side node
            other = f"H{draw(st.integers(0, n - 1))}"
            edges.append(Edge(sid, other, DEFEATS) if kind == "defeater" else Edge(other, sid, IN_CONTEXT))
    xs = [k for k in nodes if k.startswith("X")]
    if xs:
        for _ in range(draw(st.integers(0, 3))):
            # a defeater or context with support of its own (a counter-argument), and answers
            x = draw(st.sampled_from(xs))
            h = f"H{draw(st.integers(0, n - 1))}"
            if draw(st.booleans()):
                edges.append(Edge(x, h, SUPPORT))
            else:
                edges.append(Edge(h, x, ANSWERS))
    sizes = {k: (draw(st.floats(20, 260)), draw(st.floats(16, 140))) for k in nodes}
    top = "H0" if draw(st.booleans()) else None
    return ArgumentGraph(nodes=nodes, edges=edges, top=top), sizes


def _overlap(a: Box, b: Box) -> bool:
    return (a.left < b.right - EPS and b.left < a.right - EPS
            and a.top < b.bottom - EPS and b.top < a.bottom - EPS)


def _on_outline(b: Box, p: tuple[float, float], inset: float) -> bool:
    x, y = p
    inside = b.left - EPS <= x <= b.right + EPS and b.top - EPS <= y <= b.bottom + EPS
    dist = min(abs(x - b.left), abs(x - b.right), abs(y - b.top), abs(y - b.bottom))
    return inside and dist <= inset + EPS


def check_invariants(graph: ArgumentGraph, lay_boxes: dict[str, Box], routes: list, width: float,
                     height: float) -> None:
    assert set(lay_boxes) == set(graph.nodes)
    boxes = list(lay_boxes.items())
    for i, (ka, a) in enumerate(boxes):
        assert a.left >= -EPS and a.right <= width + EPS and a.top >= -EPS and a.bottom <= height + EPS, ka
        for kb, b in boxes[i + 1:]:
            assert not _overlap(a, b), f"{ka} overlaps {kb}"
    for r in routes:
        bs, bd = lay_boxes[r.src], lay_boxes[r.dst]
        ins_s = INSETS.get(graph.nodes[r.src].kind, 0.0)
        ins_d = INSETS.get(graph.nodes[r.dst].kind, 0.0)
        assert len(r.points) >= 2
        assert _on_outline(bs, r.points[0], ins_s), (r.src, r.dst, r.kind, r.points[0], bs)
        assert _on_outline(bd, r.points[-1], ins_d), (r.src, r.dst, r.kind, r.points[-1], bd)
        if r.kind == SUPPORT and r.laid_out:
            assert bs.bottom <= bd.top + EPS, f"{r.src} is not above {r.dst}"
            for (x1, y1), (x2, y2) in zip(r.points, r.points[1:], strict=False):
                assert abs(x1 - x2) < EPS or abs(y1 - y2) < EPS, f"diagonal segment in {r.src}->{r.dst}"
                assert y2 >= y1 - EPS, f"{r.src}->{r.dst} goes up"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(graphs())
def test_layout_invariants_on_random_graphs(g: tuple[ArgumentGraph, dict[str, tuple[float, float]]]) -> None:
    graph, sizes = g
    lay = layout(graph, sizes, insets=INSETS)
    check_invariants(graph, lay.boxes, lay.routes, lay.width, lay.height)
    # every distinct link is drawn once
    distinct = {(e.src, e.dst, e.kind) for e in graph.edges if e.src != e.dst}
    assert {(r.src, r.dst, r.kind) for r in lay.routes} == distinct


def test_small_case_layout_invariants_and_gsn_placement() -> None:
    graph = argument_graph(small_case(), findings=FINDINGS)
    faces, lay = arrange(graph)
    check_invariants(graph, lay.boxes, lay.routes, lay.width, lay.height)
    b = lay.boxes
    # context and assumption beside their goal, on its layer; solutions below their claims
    assert lay.ranks["C1"] == lay.ranks["G1"] == lay.ranks["A1"]
    assert lay.ranks["S1"] == lay.ranks["G1"] + 1
    assert b["E1"].top > b["G2"].bottom and b["E2"].top > b["G4"].bottom
    assert abs(b["C1"].y - b["G1"].y) < b["G1"].h  # same band
    # the open defeater sits beside its target with a link pointing at it
    assert lay.ranks["D1"] == lay.ranks["G2"]
    r = next(r for r in lay.routes if r.src == "D1")
    assert r.dst == "G2" and r.kind == DEFEATS


def test_layout_is_deterministic() -> None:
    graph = argument_graph(small_case())
    a = arrange(graph)[1]
    b = arrange(graph)[1]
    assert {k: (v.x, v.y) for k, v in a.boxes.items()} == {k: (v.x, v.y) for k, v in b.boxes.items()}


def test_long_links_get_bends_not_overlaps() -> None:
    # G1 -> G2 -> G3 -> G4 and G1 -> G4: the long link passes layers 1 and 2 through dummies
    case = case_from({
        "G1": {"claim": "a", "supported_by": ["G2", "G4"]},
        "G2": {"claim": "b", "supported_by": ["G3"]},
        "G3": {"claim": "c", "supported_by": ["G4"]},
        "G4": {"claim": "d"},
    })
    graph = argument_graph(case)
    _, lay = arrange(graph)
    check_invariants(graph, lay.boxes, lay.routes, lay.width, lay.height)
    assert lay.ranks["G4"] == 3
    long = next(r for r in lay.routes if (r.src, r.dst) == ("G1", "G4"))
    assert long.laid_out and len(long.points) > 4
    for k in ("G2", "G3"):  # the long link does not run through the boxes it passes
        bx = lay.boxes[k]
        for (x1, y1), (x2, y2) in zip(long.points, long.points[1:], strict=False):
            if abs(x1 - x2) < EPS and bx.left < x1 < bx.right:
                assert max(y1, y2) <= bx.top or min(y1, y2) >= bx.bottom


def test_cycle_is_drawn_not_laid_out() -> None:
    case = case_from({
        "G1": {"claim": "a", "supported_by": ["G2"]},
        "G2": {"claim": "b", "supported_by": ["G1"]},
    })
    graph = argument_graph(case)
    _, lay = arrange(graph)
    check_invariants(graph, lay.boxes, lay.routes, lay.width, lay.height)
    back = next(r for r in lay.routes if (r.src, r.dst) == ("G2", "G1"))
    assert not back.laid_out


def test_many_leaves_wrap_into_rows() -> None:
    kids = [f"G{i}" for i in range(2, 16)]
    elements = {"G1": {"claim": "top", "supported_by": kids}}
    elements.update({k: {"claim": f"leaf {k}"} for k in kids})
    graph = argument_graph(case_from(elements))
    _, lay = arrange(graph)
    check_invariants(graph, lay.boxes, lay.routes, lay.width, lay.height)
    rows = sorted({lay.ranks[k] for k in kids})
    assert rows == [1, 2, 3]  # 14 leaves in rows of 6
    assert max(sum(1 for k in kids if lay.ranks[k] == r) for r in rows) == 6
    assert lay.width < 6 * 260


def test_counter_argument_is_drawn_beside_its_target() -> None:
    from pathlib import Path

    from casegate.model import Case
    from casegate.render import import_gsn2x

    from ._cases import DIGEST

    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "render" / "model-release.gsn.yaml"
    imp = import_gsn2x(fixture)
    case = Case.model_validate({"casegate": 1, "id": "x", "title": "t", "policy": "p",
                                "system": {"name": "m", "version": "1", "digests": [DIGEST]},
                                "argument": imp.argument, "evidence": imp.evidence})
    graph = argument_graph(case)
    _, lay = arrange(graph)
    check_invariants(graph, lay.boxes, lay.routes, lay.width, lay.height)
    # CG1 (with support of its own) defeats G2 and G5 answers CG1: all three on G2's layer,
    # next to each other, with nothing between them
    assert lay.ranks["CG1"] == lay.ranks["G2"] == lay.ranks["G5"]
    row = sorted((b.x, k) for k, b in lay.boxes.items() if abs(b.y - lay.boxes["G2"].y) < 1)
    names = [k for _, k in row]
    i = names.index("G2")
    assert names[i - 2:i] == ["G5", "CG1"]
    assert any(r.kind == "answers" and (r.src, r.dst) == ("G5", "CG1") for r in lay.routes)


def test_huge_fan_rows_grow_with_the_square_root() -> None:
    kids = [f"G{i}" for i in range(2, 402)]  # 400 leaves: rows of 20
    elements = {"G1": {"claim": "top", "supported_by": kids}}
    elements.update({k: {"claim": k} for k in kids})
    graph = argument_graph(case_from(elements))
    _, lay = arrange(graph)
    check_invariants(graph, lay.boxes, lay.routes, lay.width, lay.height)
    assert len({lay.ranks[k] for k in kids}) == 20
    assert max(len(r.points) for r in lay.routes) < 3 * 20 + 4
