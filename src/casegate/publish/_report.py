"""The decision report: one document a board member can read in ten minutes (HTML, and PDF
through WeasyPrint when the `pdf` extra is installed)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from .. import __version__
from ..errors import MissingExtraError
from ..load import Loaded
from ..model import SEVERITY_RANK, Confidentiality, DecisionRecord
from ._api import (
    ChartsFn,
    DiagramFn,
    decide,
    decision_day,
    diagram_redactions,
    evidence_basis,
    readable_case,
    summary_basis,
    withheld_ids,
)
from ._commit import Salts
from ._render import render
from ._summary import PublicSummary, build_summary

_HEADLINES = {
    "GO": "Nothing stands against crossing this boundary. The decision is bound to the model digest and boundary, and stops verifying when a trigger fires or evidence expires.",
    "GO WITH CONDITIONS": "The boundary may be crossed on the conditions listed; each is checked when due, and a missed condition fires the case's triggers.",
    "NO-GO": "A blocking finding stands for the requested boundary: the system may not cross it on this evidence.",
}


@dataclass
class Report:
    """What `write_report` wrote."""

    summary: PublicSummary
    record: DecisionRecord
    files: dict[str, Path] = field(default_factory=dict)


def report_html(summary: PublicSummary, svg: str | None = None, charts: list[str] | None = None) -> str:
    """The decision report as a standalone HTML page."""
    findings = sorted(summary.decision.findings,
                      key=lambda f: (f.waived, SEVERITY_RANK.get(f.severity, 9), f.code))
    return render("report.html.j2", s=summary, svg=svg, charts=charts or [], findings_sorted=findings,
                  headline=_HEADLINES.get(summary.decision.outcome, ""), version=__version__)


def html_to_pdf(html: str, path: Path, base_url: Path | None = None) -> None:
    """Write `html` as PDF with WeasyPrint (the `pdf` extra)."""
    try:
        import weasyprint
    except ImportError:
        raise MissingExtraError("weasyprint", "pdf") from None
    # tagged (structure tree, for screen readers and reflow) and with the document language
    weasyprint.HTML(string=html, base_url=str(base_url) if base_url else None).write_pdf(
        str(path), pdf_tags=True, lang="en")


def write_report(
    loaded: Loaded,
    out_dir: Path,
    *,
    salts: Salts,
    level: Confidentiality = Confidentiality.secret,
    today: dt.date | None = None,
    pdf: bool = False,
    record: DecisionRecord | None = None,
    diagram: DiagramFn | None = None,
    charts: ChartsFn | None = None,
) -> Report:
    """Run the gate (unless `record` is given) and write `report.html` (and `report.pdf`) to
    `out_dir`. The default level shows everything: the report is for the decision body."""
    from ..evidence import attested_verifiers, rehash_artifacts

    artifacts = rehash_artifacts(loaded)  # once: the case and the basis read the same hashes
    case = readable_case(loaded, artifacts)
    if record is None:
        record = decide(loaded, today)
    summary = build_summary(case, record, salts=salts, level=level, policy=loaded.policy,
                            basis=evidence_basis(loaded, artifacts), folder=Path(loaded.case_path).parent,
                            verifiers=attested_verifiers(loaded, artifacts))
    svg = None
    if diagram is not None:
        svg = diagram(case, record.findings, diagram_redactions(summary), level is Confidentiality.public,
                      summary_basis(summary))
    chart_svgs = charts(loaded, decision_day(record), withheld_ids(summary)) if charts is not None else []
    html = report_html(summary, svg, chart_svgs)
    out_dir.mkdir(parents=True, exist_ok=True)
    result = Report(summary=summary, record=record)
    path = out_dir / "report.html"
    path.write_text(html, encoding="utf-8")
    result.files["html"] = path
    if pdf:
        pdf_path = out_dir / "report.pdf"
        html_to_pdf(html, pdf_path, base_url=out_dir)
        result.files["pdf"] = pdf_path
    return result
