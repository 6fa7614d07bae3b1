"""`casegate gate`: decide GO / GO WITH CONDITIONS / NO-GO for a case and print or record it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..model import BoundaryKind, Waiver
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
        help="Decide as of this date (YYYY-MM-DD); default the case's `date`, else today.")] = None,
    related: Annotated[list[Path] | None, typer.Option(
        help="Another case for the same system (e.g. its internal-deployment case); repeatable.")] = None,
    format: Annotated[ReportFormat, typer.Option("--format", "-f", help="Output format.")] = ReportFormat.text,
    record: Annotated[Path | None, typer.Option(
        help="Write the decision record (canonical JSON, byte-reproducible) to this file.")] = None,
    keyring: Annotated[Path | None, typer.Option(
        help="Keyring to verify the case's signed waivers against.")] = None,
    fail_on_conditions: Annotated[bool, typer.Option(
        "--fail-on-conditions", help="Exit 1 on GO WITH CONDITIONS too.")] = False,
    root: Annotated[Path | None, typer.Option(
        help="The folder every file of the case must lie inside (default: the enclosing git work "
             "tree, else the case's folder; or CASEGATE_ROOT).")] = None,
) -> None:
    """Decide whether the case's system may cross its boundary.

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

    loaded = load_case(case, root=root)
    prev = load_case(previous, root=root) if previous is not None else None
    rel = [load_case(p, root=root) for p in related or []]
    day = parse_date(at)
    waivers: list[Waiver] = []
    problems: list[str] = []
    ring = None
    if keyring is not None:
        from ..sign import load_keyring

        ring = load_keyring(keyring)
    comparison = fetch_comparison(loaded, db, ring)
    if loaded.case is not None and loaded.case.decision.waivers:
        if keyring is None:
            problems = [f"waiver {w}: not verified (pass --keyring to verify signed waivers)"
                        for w in loaded.case.decision.waivers]
        else:
            from ..sign import check_waivers, load_keyring

            as_of = day or loaded.case.date
            if as_of is None:
                import datetime as dt

                as_of = dt.date.today()
            waivers, problems = check_waivers(loaded, ring or load_keyring(keyring), as_of)
    decision = run_gate(loaded, boundary=boundary, previous=prev, today=day, waivers=waivers,
                        related=rel, waiver_problems=problems, comparison=comparison)
    if record is not None:
        try:
            record.write_bytes(record_bytes(decision))
        except OSError as e:
            raise InputError(f"cannot write the record: {e.strerror}", location=str(record)) from None
    if format is ReportFormat.json:
        out(format_decision_json(decision))
    elif format is ReportFormat.sarif:
        out(format_sarif(decision.findings, all_rules(), exit_code=exit_code(decision, fail_on_conditions),
                         command_line=command_line()))
    elif format is ReportFormat.github:
        out(format_decision_github(decision))
    elif format is ReportFormat.junit:
        out(format_decision_junit(decision))
    elif format is ReportFormat.markdown:
        out(format_decision_markdown(decision))
    else:
        out(format_decision_text(decision, loaded.source_line))
    fail(exit_code(decision, fail_on_conditions))
