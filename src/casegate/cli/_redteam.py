"""`casegate redteam`: apply the gaming mutations to copies of a case and report which ones still
get GO or GO WITH CONDITIONS."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from . import app
from ._common import out, parse_date


class RedteamFormat(str, Enum):
    text = "text"
    json = "json"


@app.command()
def redteam(
    case: Annotated[Path, typer.Argument(help="The case's main YAML file.")],
    policy: Annotated[Path | None, typer.Option(
        help="Gate against this policy instead of the one the case names.")] = None,
    at: Annotated[str | None, typer.Option(
        help="Decide as of this date (YYYY-MM-DD); default the case's `date`, else today.")] = None,
    format: Annotated[RedteamFormat, typer.Option("--format", "-f", help="Output format.")] = RedteamFormat.text,
    keyring: Annotated[Path | None, typer.Option(
        "--keyring", envvar="CASEGATE_KEYRING",
        help="Keyring the sign-offs and evidence attestations are checked against (default "
             "$CASEGATE_KEYRING); without one no sign-off counts and no evidence is independent.")] = None,
) -> None:
    """Attack the case with every gaming mutation (relabelled boundary, hollow answers, dead
    monitors, ...) and report which ones the gate does not catch.

    Registry moves (a run replaced, the weights refiled under a new case id after a NO-GO, a regime
    dropped, a threshold relaxed, an incident ignored) are played on a copy of the case's folder
    against temporary SQLite registries made for the run, never the configured one, and marked
    [registry].

    Exit 0 when every applicable mutation is caught, 1 when one is not, 2 when an input cannot be
    read. The case's files are never changed: the mutations edit in-memory copies.
    """
    import os

    from ..load import load_case
    from ..redteam import format_redteam_json, format_redteam_text, run_redteam
    from ..sign import load_keyring, with_attestations

    ring_path = keyring or (Path(os.environ["CASEGATE_KEYRING"]) if os.environ.get("CASEGATE_KEYRING") else None)
    ring = load_keyring(ring_path) if ring_path is not None else None
    loaded = load_case(case, policy=policy)
    day = parse_date(at) or (loaded.case.date if loaded.case is not None else None)
    if ring is not None and day is not None:
        import datetime as dt

        loaded = with_attestations(loaded, ring, dt.datetime.combine(day, dt.time.max, dt.UTC))
    report = run_redteam(loaded, today=parse_date(at), keyring=ring)
    out(format_redteam_json(report) if format is RedteamFormat.json else format_redteam_text(report))
    raise typer.Exit(report.exit_code)
