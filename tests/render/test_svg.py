"""The SVG and Mermaid of a small argument (golden files), GSN shapes and marks, and the
redaction property: the text of a redacted element never reaches any diagram output."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casegate.render import (
    argument_graph,
    export_gsn2x,
    render_mermaid,
    render_split,
    render_svg,
    to_dot,
)

from ._cases import CANARY, COMMITMENTS, FINDINGS, case_from, small_case

GOLDEN = Path(__file__).resolve().parents[1] / "fixtures" / "render" / "golden"
UPDATE = os.environ.get("CASEGATE_UPDATE_GOLDEN") == "1"
NS = "{http://www.w3.org/2000/svg}"


def _golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"golden file {path} missing: run with CASEGATE_UPDATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8"), (
        f"{name} differs from its golden file; if the change is intended, refresh with "
        "CASEGATE_UPDATE_GOLDEN=1")


def _small_graph() -> Any:
    return argument_graph(small_case(), findings=FINDINGS, redactions=COMMITMENTS)


def test_svg_golden() -> None:
    _golden("small.svg", render_svg(_small_graph()))


def test_mermaid_golden() -> None:
    _golden("small.mmd", render_mermaid(_small_graph()))


def _nodes(svg: str) -> dict[str, ET.Element]:
    root = ET.fromstring(svg)
    return {g.get("id", "")[2:]: g for g in root.iter(f"{NS}g") if (g.get("id") or "").startswith("n-")}


def test_gsn_shapes_and_marks() -> None:
    svg = render_svg(_small_graph())
    nodes = _nodes(svg)
    shape = {k: [c.tag.replace(NS, "") for c in g if c.get("class") == "s"][0] for k, g in nodes.items()}
    assert shape["G1"] == "rect" and shape["C1"] == "rect"       # goal; context (rounded)
    assert nodes["C1"].find(f"{NS}rect").get("rx") is not None  # type: ignore[union-attr]
    assert shape["S1"] == "polygon"                               # strategy parallelogram
    assert shape["E1"] == "circle"                                # solution
    assert shape["A1"] == "ellipse" and shape["J1"] == "ellipse"
    letters = {k: [t.text for t in g.iter(f"{NS}text") if t.get("class") == "letter"] for k, g in nodes.items()}
    assert letters["A1"] == ["A"] and letters["J1"] == ["J"]
    assert any(c.get("class") == "diamond" for c in nodes["G3"])  # undeveloped
    assert not any(c.get("class") == "diamond" for c in nodes["G2"])
    # findings: outline class and a badge naming the rule
    assert "f-blocking" in nodes["G2"].get("class", "") and "CG301" in ET.tostring(nodes["G2"], "unicode")
    assert "f-condition" in nodes["G3"].get("class", "")
    assert "f-advisory" in nodes["E1"].get("class", "")
    assert "f-" not in nodes["G1"].get("class", "")
    # defeaters: open and answered are styled apart; the open one's link is red and dashed
    assert "open" in nodes["D1"].get("class", "").split()
    assert "answered" in nodes["D2"].get("class", "").split()
    root = ET.fromstring(svg)
    paths = [p.get("class", "") for p in root.iter(f"{NS}path") if "defeats" in p.get("class", "")]
    assert sorted(paths) == ["e defeats answered", "e defeats open"]
    # redaction: id, kind and commitment prefix only
    g4 = ET.tostring(nodes["G4"], "unicode")
    assert "redacted" in nodes["G4"].get("class", "")
    assert "redacted: sha256:ab12ab12ab12" in g4 and "Goal" in g4
    assert CANARY not in svg


def test_redacted_without_commitment_and_public_mode() -> None:
    svg = render_svg(argument_graph(small_case(), public=True))
    nodes = _nodes(svg)
    assert "redacted" in nodes["G4"].get("class", "") and "redacted" in nodes["E3"].get("class", "")
    assert "redacted" not in nodes["E1"].get("class", "")  # public evidence keeps its title
    assert CANARY not in svg


# --------------------------------------------------------------------------- the leak property

LEVELS = ["public", "internal", "restricted", "secret"]


@st.composite
def cases(draw: st.DrawFn) -> tuple[Any, set[str]]:
    n = draw(st.integers(1, 14))
    elements: dict[str, Any] = {}
    evidence: dict[str, Any] = {}
    secret_ids: set[str] = set()
    kinds = ["claim", "strategy", "context", "assumption", "justification", "defeater"]
    ids = [f"G{i}" for i in range(n)]
    for i, eid in enumerate(ids):
        kind = "claim" if i == 0 else draw(st.sampled_from(kinds))
        level = draw(st.sampled_from(LEVELS))
        word = draw(st.text(alphabet="abcdefgh <>&\"'", min_size=0, max_size=12))
        text = f"{word} {CANARY}-{eid} {word}" if level != "public" else f"{word} open text"
        el: dict[str, Any] = {kind: text, "confidentiality": level}
        if level != "public":
            secret_ids.add(eid)
        if i > 0:
            parent = ids[draw(st.integers(0, i - 1))]
            pe = elements[parent]
            if kind in ("context", "assumption", "justification"):
                pe.setdefault("in_context_of", []).append(eid)
            elif kind == "defeater":
                el["against"] = [parent]
                el["status"] = draw(st.sampled_from(["open", "answered", "accepted"]))
            else:
                pe.setdefault("supported_by", []).append(eid)
        elements[eid] = el
    for j in range(draw(st.integers(0, 4))):
        level = draw(st.sampled_from(LEVELS))
        evid = f"E{j}"
        evidence[evid] = {"kind": "eval", "producer": "p", "date": "2026-01-01", "confidentiality": level,
                          "title": f"{CANARY}-{evid}" if level != "public" else "public title"}
        elements[ids[draw(st.integers(0, n - 1))]].setdefault("evidence", []).append(evid)
    answers = list(evidence) + ids
    for el in elements.values():
        if "defeater" in el and draw(st.booleans()):  # answered by evidence or a claim
            el["answered_by"] = [draw(st.sampled_from(answers))]
    return case_from(elements, evidence, top="G0"), secret_ids


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cases(), st.booleans())
def test_redacted_text_never_in_any_diagram_output(c: tuple[Any, set[str]], with_commitments: bool) -> None:
    case, _ = c
    redactions = {k: "sha256:" + "cd" * 32 for k in case.argument.elements} if with_commitments else {}
    # only the public elements are shown; with commitments, every element is redacted
    graph = argument_graph(case, findings={k: [("CG900", "blocking")] for k in case.argument.elements},
                           redactions=redactions, public=True)
    outputs = [render_svg(graph), render_mermaid(graph), to_dot(graph),
               export_gsn2x(case, redactions=redactions, public=True)]
    outputs.extend(render_split(graph, max_elements=4).values())
    for text in outputs:
        assert CANARY not in text
    ET.fromstring(outputs[0])  # and the SVG stays well-formed XML whatever the text


def test_svg_is_valid_xml_with_hostile_text() -> None:
    case = case_from({"G1": {"claim": 'A <b>"bold"</b> & \'quoted\' ]]> claim\nwith a newline'}})
    svg = render_svg(argument_graph(case))
    root = ET.fromstring(svg)
    texts = "".join(t.text or "" for t in root.iter(f"{NS}tspan"))
    assert '<b>"bold"</b>' in texts


@pytest.mark.parametrize("kind", ["claim", "strategy", "context", "assumption", "justification", "defeater"])
def test_every_kind_renders(kind: str) -> None:
    el: dict[str, Any] = {kind: "x " * 80}
    case = case_from({"G1": {"claim": "top", "supported_by": ["X"] if kind in ("claim", "strategy") else [],
                             "in_context_of": ["X"] if kind in ("context", "assumption", "justification") else []},
                      "X": el | ({"against": ["G1"]} if kind == "defeater" else {})})
    svg = render_svg(argument_graph(case))
    assert 'id="n-X"' in svg


def test_wrap_breaks_long_words_after_hyphens_and_caps_lines() -> None:
    from casegate.render._text import wrap

    assert wrap("enrolment test of the verified-developer programme", 16) == [
        "enrolment test", "of the", "verified-", "developer", "programme"]
    assert all(len(ln) <= 10 for ln in wrap("x" * 35, 10))
    long = wrap("word " * 200, 20, max_lines=4)
    assert len(long) == 4 and long[-1].endswith("…")
    assert wrap("first\nsecond", 30) == ["first", "second"]


def test_the_diagram_carries_presentation_attributes_not_a_style_sheet() -> None:
    import re

    svg = render_svg(_small_graph())
    assert "<style" not in svg
    shapes = re.findall(r"<(?:rect|path|polygon|ellipse|circle)[^>]*class=\"s\"[^>]*>", svg)
    assert shapes
    for s in shapes:
        assert re.search(r' fill="[^"]+"', s) and re.search(r' stroke="[^"]+"', s), s
    for t in re.findall(r"<text[^>]*>", svg):
        assert " fill=" in t or "class=" not in t, t


def test_style_rules_become_attributes_as_css_would_apply_them() -> None:
    from casegate.render._presentation import apply_styles

    css = ".n .s{fill:#fff;stroke:#111}.n.open .s{stroke:#c00;stroke-dasharray:4 2}.n text{font-size:12px}a .n .s{cursor:pointer}"
    svg = ('<svg><g class="n"><rect class="s" fill="black"/><text x="1">a</text></g>'
           '<g class="n open"><rect class="s"/></g><rect class="s"/></svg>')
    out = apply_styles(svg, css)
    assert '<rect class="s" fill="#fff" stroke="#111"/>' in out  # the sheet overrides the attribute
    assert '<rect class="s" fill="#fff" stroke="#c00" stroke-dasharray="4 2"/>' in out  # more specific wins
    assert '<text x="1" font-size="12px">' in out
    assert out.endswith('<rect class="s"/></svg>')  # outside any .n: untouched
    assert "cursor" not in out
