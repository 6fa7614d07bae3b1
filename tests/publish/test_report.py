"""The decision report: decision first, the eight answers, the diagram, the findings; PDF optional."""

from __future__ import annotations

import builtins
import re
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


def _svg(case: Any, findings: Any, redactions: Any, public: bool, basis: Any) -> str:
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


def _charts(loaded: Any, day: Any, withheld: frozenset[str]) -> list[str]:
    from casegate.gate import measures
    from casegate.render import risk_chart, threshold_chart

    m = measures(loaded, day)
    assert m is not None
    return [threshold_chart(m.thresholds, withheld=withheld), risk_chart(m.pathways, withheld=withheld)]


def test_the_pdf_report_is_tagged_and_marked_on_every_page(tmp_path: Path) -> None:
    import shutil
    import subprocess

    if not (shutil.which("pdfinfo") and shutil.which("pdftotext")):
        pytest.fail("poppler-utils (pdfinfo, pdftotext) missing: scripts/system-deps.sh installs them")
    rep = write_report(load_case(EXAMPLE), tmp_path, salts=SALTS, pdf=True, diagram=_svg, charts=_charts)
    info = subprocess.run(["pdfinfo", str(rep.files["pdf"])], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Tagged:\s+yes$", info, re.M), info
    pages = int(re.search(r"^Pages:\s+(\d+)$", info, re.M).group(1))  # type: ignore[union-attr]
    assert pages > 1
    for n in range(1, pages + 1):
        text = subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(rep.files["pdf"]), "-"],
                              capture_output=True, text=True, check=True).stdout
        assert "SECRET · atlas-2-api v1.0" in text, f"page {n} carries no classification marking"
    public = write_report(load_case(EXAMPLE), tmp_path / "pub", salts=SALTS, pdf=True, level=Confidentiality.public)
    text = subprocess.run(["pdftotext", str(public.files["pdf"]), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "PUBLIC · atlas-2-api" in text and "SECRET" not in text


def test_the_report_charts_the_numbers_the_gate_decided_on(tmp_path: Path) -> None:
    import datetime as dt

    from casegate.sign import load_keyring, parse_instant, with_attestations

    # the example's evaluators signed their evidence: it is independent only with the example keyring
    loaded = with_attestations(load_case(EXAMPLE), load_keyring(EXAMPLE.parent / "keys" / "keyring.yaml"),
                               parse_instant("2026-11-27", end_of_day=True))
    rep = write_report(loaded, tmp_path, salts=SALTS, today=dt.date(2026, 11, 27), charts=_charts)
    html = rep.files["html"].read_text()
    assert html.index("Where the numbers stand") < html.index("2. The eight questions")
    # the bound the gate's condition names is the one the chart labels; no two-sided interval
    cond = next(c for c in rep.record.conditions if c.cause == "CG305")
    assert "upper bound 0.214" in cond.finding and "upper bound 0.214 (95% one-sided)" in html
    assert "<style" not in html.split("Where the numbers stand", 1)[1].split("2. The eight questions", 1)[0]
    assert "5.5e-05/year within tolerance 1e-03" in html


def test_public_charts_withhold_redacted_numbers(tmp_path: Path) -> None:
    import datetime as dt

    from casegate.publish import publish
    from casegate.sign import load_keyring, parse_instant, with_attestations

    # the outside red teams' counts count only with their signed attestations
    loaded = with_attestations(load_case(EXAMPLE), load_keyring(EXAMPLE.parent / "keys" / "keyring.yaml"),
                               parse_instant("2026-11-27", end_of_day=True))
    res = publish(loaded, tmp_path, salts=SALTS, today=dt.date(2026, 11, 27), charts=_charts)
    charts = [res.files["chart-1"].read_text(), res.files["chart-2"].read_text()]
    # E-cyber-ctf is internal: its 33/200 and bound are not in the public chart
    assert "33/200" not in charts[0] and "0.214" not in charts[0]
    assert "withheld: the evaluation is redacted for this audience" in charts[0]
    assert "withheld: the pathway or the tests its bound rests on are redacted" in charts[1]
    # cyber-ransomware is public, but its bound rests on internal safeguard tests
    assert "5.5e-05" not in charts[1] and "1e-03" not in charts[1]
    restricted = publish(loaded, tmp_path / "restricted", salts=SALTS, today=dt.date(2026, 11, 27),
                         charts=_charts, level=Confidentiality.restricted)
    shown = restricted.files["chart-2"].read_text()
    assert "5.5e-05/year within tolerance 1e-03" in shown  # its tests are restricted at most: shown
    assert "8.8e-05" not in shown  # weight-theft rests on secret audits
    md = res.files["md"].read_text()
    assert "![chart 1](summary.chart-1.svg)" in md
    html = res.files["html"].read_text()
    assert html.count('<figure class="chart">') == 2
