"""`casegate gate`: decide GO / GO WITH CONDITIONS / NO-GO for a case and print or record it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from ..model import BoundaryKind
from . import app
from ._common import ReportFormat, command_line, fail, out, parse_date


@app.command()
def gate(
    case: Annotated[Path, typer.Argument(help="The case's main YAML file.")],
    boundary: Annotated[BoundaryKind | None, typer.Option(
        help="Decide for this boundary (default: the case's own; narrower ones only).")] = None,
    previous: Annotated[Path | None, typer.Option(
        help="Compare with this file instead of the registry's previous and last approved versions.")] = None,
    db: Annotated[str | None, typer.Option(
        "--db", help="Registry to compare with (default: $CASEGATE_DATABASE_URL or ./.casegate/registry.db "
                     "when it exists).")] = None,
    at: Annotated[str | None, typer.Option(
        help="Decide as of this date (YYYY-MM-DD); default today.")] = None,
    related: Annotated[list[Path] | None, typer.Option(
        help="Another case for the same system (e.g. its internal-deployment case); repeatable.")] = None,
    format: Annotated[ReportFormat, typer.Option("--format", "-f", help="Output format.")] = ReportFormat.text,
    record: Annotated[Path | None, typer.Option(
        help="Write the decision record (canonical JSON, byte-reproducible) to this file.")] = None,
    keyring: Annotated[Path | None, typer.Option(
        envvar="CASEGATE_KEYRING",
        help="Keyring to verify the case's sign-off, waiver and evidence attestation envelopes against "
             "(default $CASEGATE_KEYRING); without one no sign-off counts and no evidence is independent.")] = None,
    preview: Annotated[bool, typer.Option(
        "--preview", help="Show what the decision would be once every declared sign-off is signed "
                          "(labelled PREVIEW; not a decision, and --record is refused).")] = False,
    fail_on_conditions: Annotated[bool, typer.Option(
        "--fail-on-conditions", help="Exit 1 on GO WITH CONDITIONS too.")] = False,
    root: Annotated[Path | None, typer.Option(
        help="The folder every file of the case must lie inside (default: the enclosing git work "
             "tree, else the case's folder; or CASEGATE_ROOT).")] = None,
) -> None:
    """Decide whether the case's system may cross its boundary.

    A sign-off line counts only when its envelope verifies against the keyring; every other line
    is "declared, not signed" and the role it stands for is missing.

    Formats: text, json, sarif, markdown, github (workflow commands: annotations on the case's
    files and the outcome), junit (JUnit XML with a `decision` testcase).
    Exit 0 for GO and GO WITH CONDITIONS, 1 for NO-GO (and for conditions with
    --fail-on-conditions), 2 when an input cannot be read.
    """
    from ..checks import all_rules
    from ..errors import InputError
    from ..gate import exit_code, record_bytes, run_gate
    from ..load import load_case
    from ..report import (
        format_decision_github,
        format_decision_json,
        format_decision_junit,
        format_decision_markdown,
        format_decision_text,
        format_sarif,
    )
    from ._common import fetch_comparison

    if preview and format in (ReportFormat.sarif, ReportFormat.github, ReportFormat.junit):
        raise InputError(f"--preview is not for CI formats ({format.value}): a pipeline must see the decision",
                         help="use --preview with text, markdown or json")
    if preview and record is not None:
        raise InputError("--record writes a decision; a preview is not one",
                         help="drop --preview to record what the signed sign-offs decide")
    loaded = load_case(case, root=root)
    prev = load_case(previous, root=root) if previous is not None else None
    rel = [load_case(p, root=root) for p in related or []]
    day = parse_date(at) or dt.date.today()
    ring = None
    if keyring is not None:
        from ..sign import load_keyring

        ring = load_keyring(keyring)
    from ..verify import gate_inputs

    inputs = gate_inputs(loaded, ring, day, preview=preview)
    loaded, declared = inputs.loaded, inputs.declared
    waivers, problems = inputs.waivers, inputs.waiver_problems
    comparison = fetch_comparison(loaded, db, ring)
    decision = run_gate(loaded, boundary=boundary, previous=prev, today=day, waivers=waivers,
                        related=rel, waiver_problems=problems, comparison=comparison)
    if record is not None:
        try:
            record.write_bytes(record_bytes(decision))
        except OSError as e:
            raise InputError(f"cannot write the record: {e.strerror}", location=str(record)) from None
    banner = ("PREVIEW: as if every declared sign-off were signed; this is not a decision "
              "(drop --preview for the decision the signed sign-offs make)")
    if format is ReportFormat.json:
        import json

        doc = json.loads(format_decision_json(decision))
        doc["signoffs_declared_not_signed"] = declared
        if preview:
            doc["preview"] = True
        out(json.dumps(doc, indent=2))
    elif format is ReportFormat.sarif:
        out(format_sarif(decision.findings, all_rules(), exit_code=exit_code(decision, fail_on_conditions),
                         command_line=command_line()))
    elif format is ReportFormat.github:
        out(format_decision_github(decision))
    elif format is ReportFormat.junit:
        out(format_decision_junit(decision))
    elif format is ReportFormat.markdown:
        text = format_decision_markdown(decision)
        if preview:
            text = f"> **{banner}**\n\n{text}"
        if declared:
            text += "\n\n## Declared, not signed (not counted)\n\n" + "\n".join(f"- {d}" for d in declared)
        out(text)
    else:
        lines = format_decision_text(decision, loaded.source_line).rstrip("\n").split("\n")
        if declared:
            lines[-1:-1] = ["Declared, not signed (not counted; the roles they stand for are missing):",
                            *(f"  - {d}" for d in declared), ""]
        if preview:
            lines = [banner, *lines[:-1], "PREVIEW " + lines[-1]]
        out("\n".join(lines))
    fail(exit_code(decision, fail_on_conditions))
