"""Mermaid flowchart of an argument graph, with the same marks as classes (finding severity,
open / answered / accepted defeaters, redacted, undeveloped)."""

from __future__ import annotations

import re

from ._graph import ANSWERS, DEFEATER, DEFEATS, IN_CONTEXT, ArgumentGraph, Node
from ._svg import KIND_LABEL, _commit_label

_SAFE = re.compile(r"[^A-Za-z0-9_]")

CLASS_DEFS = (
    "classDef goal fill:#fff,stroke:#37474f",
    "classDef strategy fill:#f5f5f5,stroke:#37474f",
    "classDef solution fill:#e3f2fd,stroke:#37474f",
    "classDef context fill:#f1f8e9,stroke:#37474f",
    "classDef assumption fill:#fffde7,stroke:#37474f",
    "classDef justification fill:#fffde7,stroke:#37474f",
    "classDef defeater fill:#fff3e0,stroke:#8d6e63",
    "classDef away fill:#ede7f6,stroke:#37474f",
    "classDef module fill:#ede7f6,stroke:#37474f",
    "classDef missing fill:#fafafa,stroke:#9e9e9e,stroke-dasharray:4 3",
    "classDef openDefeater fill:#ffebee,stroke:#c62828,stroke-width:2px,stroke-dasharray:6 3",
    "classDef acceptedDefeater fill:#ffcdd2,stroke:#b71c1c,stroke-width:2px",
    "classDef redacted fill:#eeeeee,stroke:#616161,stroke-dasharray:3 2",
    "classDef undeveloped stroke-dasharray:2 2",
    "classDef findingBlocking stroke:#c62828,stroke-width:3px",
    "classDef findingCondition stroke:#f59e0b,stroke-width:3px",
    "classDef findingAdvisory stroke:#607d8b,stroke-width:2px",
)


def _text(s: str) -> str:
    # Mermaid's entity codes keep quotes and markup characters literal inside a quoted label
    return (s.replace("&", "#amp;").replace('"', "#quot;").replace("<", "#lt;").replace(">", "#gt;")
            .replace("\n", "<br/>"))


def _label(n: Node) -> str:
    if n.redacted is not None:
        body = f"{KIND_LABEL.get(n.kind, n.kind)}<br/>{_text(_commit_label(n.redacted))}"
    else:
        body = _text(n.text)
    head = f"<b>{_text(n.id)}</b>"
    badge = " [" + ", ".join(m.code for m in n.marks) + "]" if n.marks else ""
    note = f"<br/><i>{_text(n.note)}</i>" if n.note else ""
    letter = {"assumption": " A", "justification": " J"}.get(n.kind, "")
    return f'"{head}{_text(badge)}<br/>{body}{note}{letter}"'


def _shape(n: Node, label: str) -> str:
    k = n.kind
    if k == "strategy":
        return f"[/{label}/]"
    if k == "solution":
        return f"(({label}))"
    if k == "context":
        return f"({label})"
    if k in ("assumption", "justification"):
        return f"([{label}])"
    if k == DEFEATER:
        return "{{" + label + "}}"
    if k in ("away", "module"):
        return f"[[{label}]]"
    return f"[{label}]"


def _classes(n: Node) -> list[str]:
    c = [n.kind]
    if n.open_defeater:
        c.append("openDefeater")
    elif n.kind == DEFEATER and n.status == "accepted":
            c.append("acceptedDefeater")
    if n.redacted is not None:
        c.append("redacted")
    if n.undeveloped:
        c.append("undeveloped")
    w = n.worst
    if w:
        c.append("finding" + w.capitalize())
    return c


def render_mermaid(graph: ArgumentGraph) -> str:
    """A Mermaid `flowchart TB` of the graph. Node ids are made Mermaid-safe (n_<id>)."""
    names: dict[str, str] = {}
    used: set[str] = set()
    for k in graph.nodes:
        base = "n_" + _SAFE.sub("_", k)
        name, i = base, 1
        while name in used:
            i += 1
            name = f"{base}_{i}"
        used.add(name)
        names[k] = name
    out = ["flowchart TB"]
    if graph.title:
        out.insert(0, f"---\ntitle: {_text(graph.title)}\n---")
    for k, n in graph.nodes.items():
        out.append(f"  {names[k]}{_shape(n, _label(n))}")
    link_styles: list[str] = []
    for i, e in enumerate(graph.edges):
        a, b = names[e.src], names[e.dst]
        if e.kind == IN_CONTEXT:
            out.append(f"  {a} -.-> {b}")
        elif e.kind == DEFEATS:
            out.append(f"  {a} -. defeats .-> {b}")
            src = graph.nodes[e.src]
            color = "#c62828" if src.status in (None, "open", "accepted") else "#8d6e63"
            link_styles.append(f"  linkStyle {i} stroke:{color},stroke-width:2px,stroke-dasharray:6 3")
        elif e.kind == ANSWERS:
            out.append(f"  {a} -. answers .-> {b}")
            link_styles.append(f"  linkStyle {i} stroke:#2e7d32,stroke-dasharray:2 3")
        else:
            out.append(f"  {a} --> {b}")
    for k, n in graph.nodes.items():
        if n.href:
            out.append(f'  click {names[k]} href "{_text(n.href)}"')
    out.extend("  " + d for d in CLASS_DEFS)
    by_class: dict[str, list[str]] = {}
    for k, n in graph.nodes.items():
        for c in _classes(n):
            by_class.setdefault(c, []).append(names[k])
    for c, ns in by_class.items():
        out.append(f"  class {','.join(ns)} {c}")
    out.extend(link_styles)
    return "\n".join(out) + "\n"
