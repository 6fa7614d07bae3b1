"""GSN-style SVG of an argument graph: goals as rectangles, strategies as parallelograms,
solutions as circles, context as rounded rectangles, assumptions and justifications as ellipses
marked A / J, undeveloped goals with a diamond, defeaters as octagons. Findings outline a node in
red (blocking), amber (condition) or slate (advisory) with a badge naming the rule; open
defeaters are red and dashed with a dashed red link to their target; a redacted node shows only
its id, its kind and the commitment published in its place."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .._gc import gc_paused
from ..model import Case, Finding
from ..terminal import page_text
from ._graph import (
    AWAY,
    CONTEXT,
    DEFEATER,
    DEFEATS,
    GOAL,
    MISSING,
    MODULE,
    SOLUTION,
    STRATEGY,
    ArgumentGraph,
    Node,
    argument_graph,
    findings_by_element,
)
from ._layout import Layout, layout
from ._presentation import apply_styles
from ._text import CHAR_W, LINE_H, wrap

SKEW = 12.0
"""Horizontal slant of a strategy parallelogram (px)."""
BADGE_ROW = 15.0
UNDEVELOPED_ROW = 14.0
AWAY_BAND = 18.0
MODULE_TAB = 10.0
TOP_OFFSET = 58.0
"""Room above the diagram for the title, links and legend."""

KIND_LABEL = {
    GOAL: "Goal", STRATEGY: "Strategy", SOLUTION: "Solution", CONTEXT: "Context",
    "assumption": "Assumption", "justification": "Justification", DEFEATER: "Defeater",
    AWAY: "Away goal", MODULE: "Module", MISSING: "Missing",
}
_WRAP = {
    GOAL: 32, STRATEGY: 36, SOLUTION: 16, CONTEXT: 28, "assumption": 24, "justification": 24,
    DEFEATER: 30, AWAY: 28, MODULE: 30, MISSING: 24,
}
INSETS = {STRATEGY: SKEW / 2}
"""How far each kind's outline sits inside its box at mid-height."""

STYLE = """
.title{font-size:16px;font-weight:bold;fill:#1a1a1a}
.legend{font-size:11px;fill:#333}
.nav{font-size:12px;fill:#0b57d0;text-decoration:underline}
.n .s{fill:#fff;stroke:#37474f;stroke-width:1.4}
.n.context .s{fill:#f1f8e9}
.n.assumption .s,.n.justification .s{fill:#fffde7}
.n.solution .s{fill:#e3f2fd}
.n.strategy .s{fill:#f5f5f5}
.n.away .s,.n.module .s{fill:#ede7f6}
.n.missing .s{fill:#fafafa;stroke:#9e9e9e;stroke-dasharray:4 3}
.n.defeater .s{fill:#fff3e0;stroke:#8d6e63}
.n.defeater.open .s{fill:#ffebee;stroke:#c62828;stroke-width:2;stroke-dasharray:6 3}
.n.defeater.accepted .s{fill:#ffcdd2;stroke:#b71c1c;stroke-width:2.4}
.n.redacted .s{fill:url(#hatch);stroke:#616161;stroke-dasharray:3 2}
.n.f-blocking .s{stroke:#c62828;stroke-width:3.2}
.n.f-condition .s{stroke:#f59e0b;stroke-width:3.2}
.n.f-advisory .s{stroke:#607d8b;stroke-width:2.4}
.n text{font-size:12px;fill:#1a1a1a;text-anchor:middle}
.n text .id{font-weight:bold}
.n text .note{font-style:italic;fill:#555}
.n text .red{fill:#424242;font-family:monospace;font-size:10.5px}
.n .letter{font-weight:bold;font-size:13px;text-anchor:middle}
.n .diamond{fill:#fff;stroke:#37474f;stroke-width:1.4}
.badge rect{stroke:none}
.badge text{font-size:10px;font-weight:bold;fill:#fff;text-anchor:middle}
.badge.blocking rect{fill:#c62828}.badge.condition rect{fill:#b45309}.badge.advisory rect{fill:#607d8b}
.e{fill:none;stroke:#37474f;stroke-width:1.3}
.e.support{marker-end:url(#arrow)}
.e.context{marker-end:url(#harrow)}
.e.defeats{stroke:#8d6e63;stroke-dasharray:6 3;marker-end:url(#darrow)}
.e.defeats.open{stroke:#c62828;stroke-width:2}
.e.defeats.answered{marker-end:url(#barrow)}
.e.defeats.accepted{stroke:#b71c1c;stroke-width:2.2;stroke-dasharray:none}
.e.answers{stroke:#2e7d32;stroke-dasharray:2 3;marker-end:url(#aarrow)}
.e.cross{stroke-opacity:.55}
a .n .s{cursor:pointer}
"""

DEFS = (
    '<defs>'
    '<marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" '
    'orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#37474f"/></marker>'
    '<marker id="harrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" '
    'orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#fff" stroke="#37474f"/></marker>'
    '<marker id="darrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" '
    'orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#c62828"/></marker>'
    '<marker id="barrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" '
    'orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#8d6e63"/></marker>'
    '<marker id="aarrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" '
    'orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#2e7d32"/></marker>'
    '<pattern id="hatch" width="8" height="8" patternUnits="userSpaceOnUse" '
    'patternTransform="rotate(45)"><rect width="8" height="8" fill="#f5f5f5"/>'
    '<line x1="0" y1="0" x2="0" y2="8" stroke="#d6d6d6" stroke-width="3"/></pattern>'
    '</defs>'
)


def esc(s: str) -> str:
    """Escape text for XML content and attribute values (bidirectional overrides and invisible
    characters shown as escapes, `page_text`)."""
    return (page_text(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


@dataclass(slots=True)
class _Face:
    """What goes inside a node: its lines (text, css class) and the size of its box."""

    lines: list[tuple[str, str]]
    w: float
    h: float
    badge: str | None


def _commit_label(c: str) -> str:
    if not c:
        return "redacted"
    algo, _, hexd = c.partition(":")
    return f"redacted: {algo}:{hexd[:12]}" if hexd else f"redacted: {c[:19]}"


def face(node: Node) -> _Face:
    """The lines and box size of a node (text measured by estimated character width)."""
    kind = node.kind
    width = _WRAP.get(kind, 30)
    lines: list[tuple[str, str]]
    if node.redacted is not None:
        label = _commit_label(node.redacted)
        lines = [(node.id, "id"), (KIND_LABEL.get(kind, kind), "note")]
        if kind == SOLUTION and ": " in label:  # keep solution circles small
            head, _, tail = label.partition(": ")
            lines += [(head, "red"), (tail, "red")]
        else:
            lines.append((label, "red"))
    else:
        lines = [(node.id, "id")]
        lines.extend((t, "") for t in wrap(node.text, width))
    if node.note and kind != AWAY:
        lines.extend((t, "note") for t in wrap(node.note, width, 2))
    cw = max(len(t) for t, _ in lines) * CHAR_W + (CHAR_W if lines[0][1] == "id" else 0)
    if node.note and kind == AWAY:
        cw = max(cw, len(node.note) * CHAR_W)
    ch = len(lines) * LINE_H
    badge = None
    if node.marks:
        codes = [m.code for m in node.marks]
        badge = codes[0] + (f" +{len(codes) - 1}" if len(codes) > 1 else "")
        cw = max(cw, len(badge) * 6.5 + 24)
    if kind == GOAL or kind == MISSING:
        w, h = max(cw + 20, 90.0), ch + 16
    elif kind == STRATEGY:
        w, h = cw + 20 + 2 * SKEW, ch + 14
    elif kind == CONTEXT:
        w, h = cw + 28, ch + 14
    elif kind == SOLUTION:
        d = ((cw + 10) ** 2 + (ch + 6) ** 2) ** 0.5
        w = h = max(d, 64.0)
    elif kind in ("assumption", "justification"):
        w, h = (cw + 10) * 1.42, (ch + 6) * 1.42
    elif kind == DEFEATER:
        w, h = cw + 28, ch + 16
    elif kind == AWAY:
        w, h = max(cw + 20, 90.0), ch + 16 + AWAY_BAND
    elif kind == MODULE:
        w, h = max(cw + 20, 110.0), ch + 16 + MODULE_TAB
    else:
        w, h = cw + 20, ch + 16
    if badge:
        h += BADGE_ROW
    if node.undeveloped:
        h += UNDEVELOPED_ROW
    return _Face(lines, round(w, 1), round(h, 1), badge)


def _classes(node: Node) -> str:
    c = ["n", node.kind]
    if node.kind == DEFEATER:
        c.append(node.status or "open")
    if node.redacted is not None:
        c.append("redacted")
    worst = node.worst
    if worst:
        c.append("f-" + worst)
    return " ".join(c)


def _node_svg(node: Node, f: _Face, x: float, y: float, out: list[str]) -> None:
    w, h = f.w, f.h
    left, top = x - w / 2, y - h / 2
    sh = h - (UNDEVELOPED_ROW if node.undeveloped else 0.0)
    bottom = top + sh
    kind = node.kind
    if node.href:
        out.append(f'<a href="{esc(node.href)}">')
    out.append(f'<g class="{_classes(node)}" id="n-{esc(node.id)}">')
    if node.redacted is None:
        out.append(f"<title>{esc(node.id)}: {esc(node.text)}</title>")
    else:
        out.append(f"<title>{esc(node.id)} ({KIND_LABEL.get(kind, kind)}, redacted)</title>")
    cy = top + sh / 2
    if kind == GOAL or kind == MISSING:
        out.append(f'<rect class="s" x="{left:.1f}" y="{top:.1f}" width="{w:.1f}" height="{sh:.1f}"/>')
    elif kind == STRATEGY:
        r = left + w
        out.append(f'<polygon class="s" points="{left + SKEW:.1f},{top:.1f} {r:.1f},{top:.1f} '
                   f'{r - SKEW:.1f},{bottom:.1f} {left:.1f},{bottom:.1f}"/>')
    elif kind == CONTEXT:
        rx = min(18.0, sh / 2)
        out.append(f'<rect class="s" x="{left:.1f}" y="{top:.1f}" width="{w:.1f}" height="{sh:.1f}" '
                   f'rx="{rx:.1f}"/>')
    elif kind == SOLUTION:
        out.append(f'<circle class="s" cx="{x:.1f}" cy="{cy:.1f}" r="{min(w, sh) / 2:.1f}"/>')
    elif kind in ("assumption", "justification"):
        out.append(f'<ellipse class="s" cx="{x:.1f}" cy="{cy:.1f}" rx="{w / 2:.1f}" ry="{sh / 2:.1f}"/>')
        out.append(f'<text class="letter" x="{left + w - 9:.1f}" y="{bottom - 3:.1f}">'
                   f'{"A" if kind == "assumption" else "J"}</text>')
    elif kind == DEFEATER:
        c = 10.0
        r = left + w
        out.append(
            f'<polygon class="s" points="{left + c:.1f},{top:.1f} {r - c:.1f},{top:.1f} '
            f'{r:.1f},{top + c:.1f} {r:.1f},{bottom - c:.1f} {r - c:.1f},{bottom:.1f} '
            f'{left + c:.1f},{bottom:.1f} {left:.1f},{bottom - c:.1f} {left:.1f},{top + c:.1f}"/>')
    elif kind == AWAY:
        out.append(f'<rect class="s" x="{left:.1f}" y="{top:.1f}" width="{w:.1f}" height="{sh:.1f}"/>')
        yb = bottom - AWAY_BAND
        out.append(f'<path class="s" d="M{left:.1f},{yb:.1f}H{left + w:.1f}"/>')
    elif kind == MODULE:
        tw = min(50.0, w / 3)
        out.append(f'<path class="s" d="M{left:.1f},{top + MODULE_TAB:.1f}V{top:.1f}H{left + tw:.1f}'
                   f'V{top + MODULE_TAB:.1f}H{left + w:.1f}V{bottom:.1f}H{left:.1f}Z"/>')
    else:
        out.append(f'<rect class="s" x="{left:.1f}" y="{top:.1f}" width="{w:.1f}" height="{sh:.1f}"/>')
    if node.undeveloped:
        dy = bottom + UNDEVELOPED_ROW / 2
        out.append(f'<path class="diamond" d="M{x:.1f},{bottom:.1f}L{x + 7:.1f},{dy:.1f}'
                   f'L{x:.1f},{bottom + UNDEVELOPED_ROW:.1f}L{x - 7:.1f},{dy:.1f}Z"/>')
    # text block, centred in the shape (below the badge row, above the away band / under the tab)
    lines = f.lines
    t0 = top + (BADGE_ROW if f.badge else 0.0) + (MODULE_TAB if kind == MODULE else 0.0)
    t1 = bottom - (AWAY_BAND if kind == AWAY else 0.0)
    by = (t0 + t1) / 2 - len(lines) * LINE_H / 2 + 11.5
    # the text is clipped to the node's box: text measured too narrow (glyphs far wider than
    # CHAR_W, such as U+2031) is cut at the box's edge, never drawn over a neighbour and the
    # finding badge the gate put on it. The clip's id is its geometry, so two diagrams on one
    # page that share an id share the rectangle too.
    box = f"{left:.1f} {top:.1f} {w:.1f} {h:.1f}"
    clip = "clip-" + box.replace(" ", "_")
    out.append(f'<clipPath id="{clip}"><rect x="{left:.1f}" y="{top:.1f}" width="{w:.1f}" height="{h:.1f}"/>'
               '</clipPath>')
    out.append(f'<text x="{x:.1f}" y="{by:.1f}" clip-path="url(#{clip})">')
    for i, (t, cls) in enumerate(lines):
        attr = f' class="{cls}"' if cls else ""
        if i == 0:
            out.append(f"<tspan{attr}>{esc(t)}</tspan>")
        else:
            out.append(f'<tspan x="{x:.1f}" dy="{LINE_H:.0f}"{attr}>{esc(t)}</tspan>')
    out.append("</text>")
    if kind == AWAY and node.note:
        out.append(f'<text x="{x:.1f}" y="{bottom - 5:.1f}" clip-path="url(#{clip})"><tspan class="note">'
                   f'{esc(node.note)}</tspan></text>')
    if f.badge:
        bw = len(f.badge) * 6.5 + 10
        bx = left + w - bw - 3
        sev = node.worst or "blocking"
        out.append(f'<g class="badge {sev}"><rect x="{bx:.1f}" y="{top + 2:.1f}" width="{bw:.1f}" '
                   f'height="13" rx="6.5"/><text x="{bx + bw / 2:.1f}" y="{top + 12:.1f}">'
                   f'{esc(f.badge)}</text></g>')
    out.append("</g>")
    if node.href:
        out.append("</a>")


def measure(graph: ArgumentGraph) -> dict[str, _Face]:
    """The face (lines and size) of every node."""
    return {k: face(n) for k, n in graph.nodes.items()}


def arrange(graph: ArgumentGraph) -> tuple[dict[str, _Face], Layout]:
    """Measure and lay out a graph with casegate's engine."""
    faces = measure(graph)
    lay = layout(graph, {k: (f.w, f.h) for k, f in faces.items()}, insets=INSETS,
                 top_offset=TOP_OFFSET)
    return faces, lay


_LEGEND = (
    ("#c62828", "blocking finding"), ("#f59e0b", "condition"), ("#607d8b", "advisory"),
    ("#c62828", "- - open defeater"), ("#9e9e9e", "▨ redacted"),
)


def render_svg(
    graph: ArgumentGraph,
    *,
    title: str | None = None,
    links: list[tuple[str, str]] | None = None,
) -> str:
    """The SVG document of `graph`, laid out by casegate's engine.

    `links` are (label, href) pairs shown beside the title (navigation between split pages).
    """
    with gc_paused():  # layout allocates many small lists that hold no cycles
        faces, lay = arrange(graph)
        return svg_document(graph, faces, lay, title=title, links=links)


def svg_document(
    graph: ArgumentGraph,
    faces: dict[str, _Face],
    lay: Layout,
    *,
    title: str | None = None,
    links: list[tuple[str, str]] | None = None,
) -> str:
    """Write the SVG for an already laid-out graph."""
    title = graph.title if title is None else title
    W = max(lay.width, 620.0)
    H = lay.height
    out: list[str] = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{W:.0f}" height="{H:.0f}" '
        f'viewBox="0 0 {W:.0f} {H:.0f}" font-family="Helvetica, Arial, sans-serif" font-size="12">',
        DEFS,
        f'<rect width="{W:.0f}" height="{H:.0f}" fill="#fff"/>',
        f'<text class="title" x="20" y="26">{esc(title)}</text>',
    ]
    lx = 20.0
    if links:
        for label, href in links:
            out.append(f'<a href="{esc(href)}"><text class="nav" x="{lx:.0f}" y="46">{esc(label)}</text></a>')
            lx += len(label) * CHAR_W + 18
    lx += 10
    for color, label in _LEGEND:
        out.append(f'<rect x="{lx:.0f}" y="37" width="10" height="10" fill="none" stroke="{color}" '
                   f'stroke-width="2.5"/><text class="legend" x="{lx + 14:.0f}" y="46">{esc(label)}</text>')
        lx += len(label) * 6 + 34
    nodes = graph.nodes
    out.append('<g class="edges">')
    for r in lay.routes:
        cls = "e " + r.kind
        if r.kind == DEFEATS:
            src = nodes[r.src]
            cls += " " + (src.status or "open") if src.kind == DEFEATER else " open"
        if not r.laid_out:
            cls += " cross"
        pts = r.points
        d = "M" + "L".join(f"{px:.1f},{py:.1f}" for px, py in pts)
        out.append(f'<path class="{cls}" d="{d}"/>')
    out.append("</g>")
    out.append('<g class="nodes">')
    boxes = lay.boxes
    for k, node in nodes.items():
        b = boxes[k]
        _node_svg(node, faces[k], b.x, b.y, out)
    out.append("</g></svg>\n")
    # presentation attributes, not a <style> block: renderers other than browsers draw it alike
    return apply_styles("\n".join(out), STYLE)


def diagram_svg(
    case: Case,
    findings: Iterable[Finding] = (),
    redactions: Mapping[str, str] | None = None,
    public: bool = False,
    basis: Mapping[str, str] | None = None,
) -> str:
    """The SVG of a case's argument with its findings marked and `redactions` (id ->
    commitment) applied; `public` also redacts every element above public confidentiality;
    `basis` labels each evidence item derived or declared. Matches the diagram hook of the
    publication layer."""
    graph = argument_graph(case, findings=findings_by_element(findings), redactions=redactions,
                           public=public, basis=basis)
    return render_svg(graph)
