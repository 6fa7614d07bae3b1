"""`casegate publish`, `casegate publish verify-disclosure`, `casegate disclose`, `casegate report`."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from . import app
from ._common import configured_registry, err, out, parse_date, publisher_key_path

_DEFAULT = "case"


class _DefaultCommandGroup(TyperGroup):
    """A group whose first argument, when it is not one of its commands, goes to a default
    command: `casegate publish CASE` runs `casegate publish case CASE`."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h"):
            args = [_DEFAULT, *args]
        return super().parse_args(ctx, args)


publish_app = typer.Typer(
    cls=_DefaultCommandGroup,
    help="Write the public summary of a case (`casegate publish CASE`), or check a disclosure "
         "against one (`casegate publish verify-disclosure SUMMARY.json OPENING.json`).",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)
app.add_typer(publish_app, name="publish")

SaltKey = Annotated[Path | None, typer.Option(
    "--salt-key", help="The publisher's secret salt key (default: publish.key beside the registry, "
                       "./.casegate/publish.key for the default one; created with mode 0600 on first "
                       "publication, and announced). Keep it out of the published output.")]


def _key(path: Path | None, *, create: bool, db: str | None = None) -> bytes:
    from ..publish import key_is_private, load_key

    p = publisher_key_path(path, db)
    existed = p.exists()
    key = load_key(p, create=create)
    if not existed:
        err(f"created the publisher key {p.resolve()} (mode 0600), beside the registry: keep it "
            "secret and keep it; disclosures need it")
    elif not key_is_private(p):
        err(f"warning: {p} is readable by other users; `chmod 600 {p}`")
    return key


_DIAGRAM_MAX_NODES = 150
"""Above this many nodes the diagram shows the module overview (one node per part of the
argument) instead of every element: a page must stay readable."""


def _diagram(case: Any, findings: Iterable[Any], redactions: Mapping[str, str], public: bool) -> str:
    """The argument diagram from the diagram layer, findings and redactions marked."""
    from ..render import (
        argument_graph,
        diagram_svg,
        findings_by_element,
        overview_graph,
        partition,
        render_svg,
    )

    if len(case.argument.elements) + len(case.evidence) <= _DIAGRAM_MAX_NODES:
        return diagram_svg(case, findings, redactions, public)
    graph = argument_graph(case, findings=findings_by_element(findings), redactions=dict(redactions),
                           public=public)
    return render_svg(overview_graph(graph, partition(graph)),
                      title=f"{case.title}: overview of the argument's parts")


def _charts(loaded: Any, day: Any, withheld: frozenset[str]) -> list[str]:
    """The decision's charts from the gate's own numbers: thresholds, then residual risk."""
    from ..gate import measures
    from ..render import risk_chart, threshold_chart

    m = measures(loaded, day)
    if m is None:
        return []
    return [threshold_chart(m.thresholds, withheld=withheld), risk_chart(m.pathways, withheld=withheld)]


def _default_out(loaded: Any) -> Path:
    case_id = loaded.case.id if loaded.case is not None else Path(loaded.case_path).stem
    return Path("out") / case_id


@publish_app.command(_DEFAULT)
def publish_case(
    case: Annotated[Path, typer.Argument(help="The case's main YAML file.")],
    out_dir: Annotated[Path | None, typer.Option("--out", help="Directory to write to (default out/<case id>).")] = None,
    at: Annotated[str | None, typer.Option(help="Decide as of this date (YYYY-MM-DD); default the case's date.")] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="Comma-separated: md, html, json, svg.")] = "md,html,json,svg",
    level: Annotated[str, typer.Option(
        help="Audience level: elements above it are redacted (public, internal, restricted, secret).")] = "public",
    salt_key: SaltKey = None,
    db: Annotated[str | None, typer.Option("--db", help="Also record the summary in this registry "
                                           "(default: $CASEGATE_DATABASE_URL, or ./.casegate/registry.db "
                                           "when it exists), where the review board's public pages show it.")] = None,
) -> None:
    """Run the gate and write the public summary (summary.md, summary.html, summary.json, and the
    redacted argument as summary.svg)."""
    from ..load import load_case
    from ..publish import parse_formats, parse_level, publish, readable_case

    formats = parse_formats(format)
    lv = parse_level(level)
    loaded = load_case(case)
    pub_plan = readable_case(loaded).publication
    if pub_plan is not None and not pub_plan.summary:
        err("warning: the case's publication plan says no public summary (publication.summary: false)")
    key = _key(salt_key, create=True, db=db)
    result = publish(loaded, out_dir or _default_out(loaded), key=key, formats=formats, level=lv,
                     today=parse_date(at), diagram=_diagram, charts=_charts)
    s = result.summary
    for path in result.files.values():
        out(f"wrote {path}")
    out(f"{s.case['id']} {s.case['version']}: {s.decision.outcome}; published for the {lv.value} "
        f"audience with {len(s.redactions)} element(s) redacted")
    from ..publish import withheld_conditions

    hidden = withheld_conditions(s)
    if hidden:
        err(f"warning: {hidden} of the decision's {len(s.decision.conditions)} condition(s) are withheld from the "
            f"{lv.value} audience because they concern redacted content; the summary says so, but not what "
            "they are (publish at a wider level, or state the conditions in words the audience may see)")
    reg = configured_registry(db)
    if reg is None:
        err("note: no registry (no --db, no $CASEGATE_DATABASE_URL, no ./.casegate/registry.db): the "
            "summary is written to files only, and no review board shows it")
        return
    import json

    from ..store import record_publication

    try:
        if s.case["id"] not in reg.case_ids():
            err(f"note: the registry has no case {s.case['id']}: the summary was not recorded there "
                f"(`casegate registry submit {case}` first)")
            return
        entry = record_publication(reg, s.case["id"], json.loads(s.model_dump_json()),
                                   version=reg.case_version(s.case["id"], contents=False).number)
        out(f"recorded the publication in the registry (log entry {entry.index}); "
            f"`casegate serve` shows it at /public/cases/{s.case['id']}")
    finally:
        reg.close()


@publish_app.command("verify-disclosure")
def verify_disclosure_cmd(
    summary: Annotated[Path, typer.Argument(help="The published summary.json.")],
    opening: Annotated[Path, typer.Argument(help="The opening written by `casegate disclose`.")],
) -> None:
    """Check that a disclosed element is what the summary committed to.

    Exit 0 when it verifies, 1 when it does not, 2 when a file cannot be read.
    """
    from ..publish import verify_disclosure

    o = verify_disclosure(summary, opening)
    out(f"verified: {o.element} ({o.type}) of case {o.case} {o.case_version} matches the published commitment {o.commitment}")


@app.command()
def disclose(
    case: Annotated[Path, typer.Argument(help="The case's main YAML file.")],
    element: Annotated[str, typer.Argument(help="Element id (E-bio-uplift) or pointer (/evidence/E-bio-uplift).")],
    out_file: Annotated[Path | None, typer.Option("--out", help="Write the opening here (default: stdout).")] = None,
    salt_key: SaltKey = None,
) -> None:
    """Write the opening of a redacted element: its pointer, salt and content, which anyone can
    check against the published summary with `casegate publish verify-disclosure`."""
    import json

    from ..load import load_case
    from ..publish import disclose as open_element
    from ..publish import readable_case

    loaded = load_case(case)
    key = _key(salt_key, create=False)
    opening = open_element(readable_case(loaded), element, key=key)
    text = json.dumps(opening.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
    if out_file is None:
        out(text)
    else:
        out_file.parent.mkdir(parents=True, exist_ok=True)
        out_file.write_text(text, encoding="utf-8")
        err(f"wrote {out_file}: the opening of {opening.element}")


@app.command()
def report(
    case: Annotated[Path, typer.Argument(help="The case's main YAML file.")],
    out_dir: Annotated[Path | None, typer.Option("--out", help="Directory to write to (default out/<case id>).")] = None,
    pdf: Annotated[bool, typer.Option("--pdf", help="Also write report.pdf (needs casegate[pdf]).")] = False,
    at: Annotated[str | None, typer.Option(help="Decide as of this date (YYYY-MM-DD); default the case's date.")] = None,
    level: Annotated[str | None, typer.Option(
        help="Audience level (default secret for the decision report: the decision body sees "
             "everything; for a regime document, the highest level its audience may see).")] = None,
    salt_key: SaltKey = None,
    regime: Annotated[str | None, typer.Option(
        "--regime", help="Write a document of this regulatory regime instead (e.g. eu-gpai-cop-2025, "
                         "ca-sb53; the case or its policy must name the regime).")] = None,
    document: Annotated[str | None, typer.Option(
        "--document", help="Which document of the regime (e.g. model-report, transparency-report, "
                           "framework); default every document it asks for.")] = None,
    db: Annotated[str | None, typer.Option(
        "--db", help="Registry to read the case's history and incidents from (regime documents); "
                     "default $CASEGATE_DATABASE_URL when set. Without one, facts only the registry "
                     "knows are reported as gaps.")] = None,
) -> None:
    """Write the decision report for the people who decide: the decision, its conditions, the
    eight answers, the argument diagram and the findings (report.html, and report.pdf). With
    --regime, write the regime's documents from the case instead (HTML, Markdown, PDF), each with
    its gap list; exit 1 when a required section cannot be filled."""
    from ..load import load_case
    from ..publish import parse_level, readable_case, write_report

    loaded = load_case(case)
    readable_case(loaded)
    key = _key(salt_key, create=True, db=db)
    if regime is not None:
        _regime_documents(loaded, regime, document, out_dir or _default_out(loaded), key=key,
                          level=parse_level(level) if level else None, at=at, pdf=pdf, db=db)
        return
    if document is not None:
        fail_usage("--document needs --regime")
    lv = parse_level(level or "secret")
    result = write_report(loaded, out_dir or _default_out(loaded), key=key, level=lv,
                          today=parse_date(at), pdf=pdf, diagram=_diagram, charts=_charts)
    for path in result.files.values():
        out(f"wrote {path}")
    out(f"{result.summary.case['id']}: {result.record.outcome}")


def fail_usage(message: str) -> None:
    from ..errors import InputError

    raise InputError(message, help="see `casegate report --help`")


def _regime_documents(loaded: Any, regime: str, document: str | None, out_dir: Path, *, key: bytes,
                      level: Any, at: str | None, pdf: bool, db: str | None) -> None:
    import os

    from ..publish import decide
    from ..regime import build_document, find_document, registry_facts, write_document

    case = loaded.case
    rid = regime.removeprefix("builtin:")
    if document is None:
        found = next((r for r in loaded.regimes if r.id == rid), None)
        docs = list(found.documents) if found is not None else [""]
    else:
        docs = [document]
    for d in docs:
        find_document(loaded.regimes, rid, d)
    today = parse_date(at)
    record = decide(loaded, today)
    facts = None
    url = db or os.environ.get("CASEGATE_DATABASE_URL")
    if url:
        from ..store import open_registry

        with open_registry(url) as reg:
            facts = registry_facts(reg, case)
    gaps = 0
    for d in docs:
        doc = build_document(loaded, rid, d, key=key, record=record, today=today, registry=facts, level=level)
        files = write_document(doc, out_dir, pdf=pdf)
        for path in files.values():
            out(f"wrote {path}")
        out(f"{rid} {d}: {len(doc.sections) - len({g.section for g in doc.gaps})} of {len(doc.sections)} "
            f"sections filled" + (f"; {len(doc.gaps)} gap(s):" if doc.gaps else "; no gaps"))
        for g in doc.gaps:
            out(f"  gap: {g.title} ({g.cite}): {g.reason}")
        gaps += len(doc.gaps)
    if gaps:
        raise typer.Exit(1)
