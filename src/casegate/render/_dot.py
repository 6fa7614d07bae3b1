"""Graphviz DOT text of an argument graph, for `--engine dot` on small arguments (Graphviz's
layout does not scale to thousands of elements; casegate's own engine is the default)."""

from __future__ import annotations

import shutil
import subprocess

from ..errors import InputError
from ._graph import ANSWERS, DEFEATS, IN_CONTEXT, ArgumentGraph
from ._svg import KIND_LABEL, _commit_label
from ._text import wrap

DOT_LIMIT = 400
"""Largest argument (elements) `--engine dot` accepts."""

_SHAPE = {
    "goal": "box", "strategy": "parallelogram", "solution": "circle", "context": "box",
    "assumption": "ellipse", "justification": "ellipse", "defeater": "octagon", "away": "box",
    "module": "tab", "missing": "box",
}
_WRAP = {"solution": 16, "assumption": 24, "justification": 24}


def _q(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def to_dot(graph: ArgumentGraph) -> str:
    """DOT text with the same nodes, labels (wrapped the same way) and links as the SVG."""
    out = ["digraph argument {", "  rankdir=TB; node [fontname=Helvetica fontsize=10 style=filled fillcolor=white];",
           "  edge [arrowsize=0.7];"]
    for k, n in graph.nodes.items():
        if n.redacted is not None:
            lines = [k, KIND_LABEL.get(n.kind, n.kind), _commit_label(n.redacted)]
        else:
            lines = [k, *wrap(n.text, _WRAP.get(n.kind, 32))]
        if n.note:
            lines.append(n.note)
        attrs = [f"shape={_SHAPE.get(n.kind, 'box')}", f"label={_q(chr(10).join(lines))}"]
        if n.kind == "context":
            attrs.append('style="rounded,filled"')
        worst = n.worst
        if worst:
            attrs.append('color="#c62828" penwidth=3' if worst == "blocking" else 'color="#f59e0b" penwidth=3')
        if n.open_defeater:
            attrs.append('style="dashed,filled" color="#c62828" fillcolor="#ffebee"')
        if n.href:
            attrs.append(f"URL={_q(n.href)}")
        out.append(f"  {_q(k)} [{' '.join(attrs)}];")
    for e in graph.edges:
        if e.kind == IN_CONTEXT:
            out.append(f"  {_q(e.src)} -> {_q(e.dst)} [arrowhead=empty];")
        elif e.kind == DEFEATS:
            out.append(f'  {_q(e.src)} -> {_q(e.dst)} [style=dashed color="#c62828"];')
        elif e.kind == ANSWERS:
            out.append(f'  {_q(e.src)} -> {_q(e.dst)} [style=dotted color="#2e7d32"];')
        else:
            out.append(f"  {_q(e.src)} -> {_q(e.dst)};")
    out.append("}")
    return "\n".join(out) + "\n"


def dot_svg(graph: ArgumentGraph, *, limit: int = DOT_LIMIT) -> str:
    """Lay out and draw `graph` with Graphviz `dot` (small arguments only)."""
    if len(graph.nodes) > limit:
        raise InputError(
            f"the argument has {len(graph.nodes)} elements; `--engine dot` handles at most {limit}",
            help="use the default engine, or --split / --collapsed for a per-module view")
    exe = shutil.which("dot")
    if exe is None:
        raise InputError("Graphviz `dot` is not installed", help="install graphviz, or use the default engine")
    r = subprocess.run([exe, "-Tsvg"], input=to_dot(graph).encode(), capture_output=True, check=False)
    if r.returncode != 0:
        raise InputError(f"dot failed: {r.stderr.decode(errors='replace').strip()}")
    return r.stdout.decode()
