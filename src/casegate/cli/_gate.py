"""`casegate gate`: decide GO / GO WITH CONDITIONS / NO-GO for a case and print or record it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..model import BoundaryKind
from . import app
from ._common import ReportFormat, fail


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
        help="Another case for the same system (e.g. its internal-deployment case), shown beside this one; "
             "repeatable. A file is not a decision: only the registry (--db) shows an approved internal case.")] = None,
    format: Annotated[ReportFormat, typer.Option("--format", "-f", help="Output format.")] = ReportFormat.text,
    record: Annotated[Path | None, typer.Option(
        help="Write the decision record (canonical JSON, byte-reproducible) to this file.")] = None,
    keyring: Annotated[Path | None, typer.Option(
        envvar="CASEGATE_KEYRING",
        help="Keyring to verify the case's sign-off, waiver and evidence attestation envelopes against "
             "(default $CASEGATE_KEYRING); without one no sign-off counts and no evidence is independent.")] = None,
    preview: Annotated[bool, typer.Option(
        "--preview", help="Show what the decision would be once every declared sign-off is signed "
                          "(with --keyring, a line counts only if a keyring identity holding its role "
                          "could sign it, and an independent role only from outside the developer's "
                          "organisations; labelled PREVIEW; not a decision, and --record is refused).")] = False,
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
    from ._run import run_gate

    fail(run_gate(case, boundary=boundary, previous=previous, db=db, at=at, related=related, format=format,
                  record=record, keyring=keyring, preview=preview, fail_on_conditions=fail_on_conditions,
                  root=root))
