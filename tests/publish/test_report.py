"""The decision report: decision first, the eight answers, the diagram, the findings; PDF optional."""

from __future__ import annotations

import builtins
from pathlib import Path
from typing import Any

import pytest

from casegate.errors import MissingExtraError
from casegate.load import load_case
from casegate.model import Confidentiality
from casegate.publish import Salts, html_to_pdf, write_report
from casegate.store import MemorySaltStore

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "atlas-api" / "case.yaml"
KEY = bytes(range(32))
SALTS = Salts(MemorySaltStore())


def _svg(case: Any, findings: Any, redactions: Any, public: bool) -> str:
    return '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>the diagram</text></svg>'


def test_report_puts_the_decision_first_then_answers_diagram_findings(tmp_path: Path) -> None:
    rep = write_report(load_case(EXAMPLE), tmp_path, salts=SALTS, diagram=_svg)
    html = rep.files["html"].read_text()
    order = [html.index(x) for x in ("1. The decision", "2. The eight questions", "4. Findings",
                                     "5. The argument", "the diagram")]
    assert order == sorted(order)
    assert rep.record.outcome in html
    for a in rep.summary.questions:
        assert a.question in html
    for f in rep.record.findings:
        assert f.code in html
    assert rep.summary.redactions == []  # the decision body sees everything by default


def test_without_a_diagram_the_slot_says_so(tmp_path: Path) -> None:
    rep = write_report(load_case(EXAMPLE), tmp_path, salts=SALTS)
    assert "Diagram not rendered." in rep.files["html"].read_text()


def test_a_report_for_a_public_audience_is_redacted(tmp_path: Path) -> None:
    rep = write_report(load_case(EXAMPLE), tmp_path, salts=SALTS, level=Confidentiality.public)
    html = rep.files["html"].read_text()
    assert "redacted claim" in html
    assert "biological uplift is below" not in html  # G3, restricted


def test_pdf_needs_the_pdf_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_weasyprint(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "weasyprint":
            raise ImportError("no weasyprint")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_weasyprint)
    with pytest.raises(MissingExtraError) as e:
        html_to_pdf("<p>x</p>", tmp_path / "r.pdf")
    assert "pip install 'casegate[pdf]'" in e.value.diagnostics()


def test_pdf_is_written(tmp_path: Path) -> None:
    html_to_pdf("<h1>Decision</h1>", tmp_path / "r.pdf")
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")


def test_a_large_argument_is_drawn_as_an_overview_without_leaks() -> None:
    from casegate.cli._publish import _DIAGRAM_MAX_NODES, _diagram
    from casegate.model import Element

    case = load_case(EXAMPLE).case
    assert case is not None
    els = dict(case.argument.elements)
    new = [f"G-big{i}" for i in range(_DIAGRAM_MAX_NODES + 10)]
    for i, eid in enumerate(new):
        els[eid] = Element(claim=f"CANARY-big-{i} restricted claim", confidentiality=Confidentiality.restricted)
    els["S1"] = els["S1"].model_copy(update={"supported_by": [*els["S1"].supported_by, *new]})
    big = case.model_copy(update={"argument": case.argument.model_copy(update={"elements": els})})
    svg = _diagram(big, [], {eid: "sha256:" + "0" * 64 for eid in new}, True)
    assert svg.lstrip().startswith("<svg") and "overview" in svg
    assert "CANARY-big" not in svg
