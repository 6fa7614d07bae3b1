"""`casegate regime list | show | gaps`: the regulatory regimes casegate knows, what each asks
for, and which of a case's regime documents it cannot fill.

Exit codes: 0 done (for `gaps`: nothing required is missing); 1 `gaps` found a required section
the case cannot fill; 2 bad input.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from . import app
from ._app import AttestKeyring
from ._common import attested, out, parse_date

regime_app = typer.Typer(help="Regulatory regimes: the documents they ask for and incident deadlines.",
                         no_args_is_help=True)
app.add_typer(regime_app, name="regime")


@regime_app.command("list")
def regime_list() -> None:
    """The built-in regimes."""
    from ..load import builtin_regimes, load_builtin_regime

    for name in builtin_regimes():
        r = load_builtin_regime(name)
        out(f"builtin:{name}  {r.title} ({r.source.document}, {r.source.version}, {r.source.date})")


@regime_app.command("show")
def regime_show(
    name: Annotated[str, typer.Argument(help="A built-in regime (e.g. ca-sb53) or a regime file.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the regime as JSON.")] = False,
) -> None:
    """Every document the regime asks for, each section with its citation and the case facts
    that fill it, and the incident classes with their reporting deadlines."""
    from ..errors import InputError
    from ..load import load_builtin_regime, load_regime
    from ..model import REGIME_SOURCES

    p = Path(name)
    if p.suffix in (".yaml", ".yml") and p.exists():
        regime, diags = load_regime(p)
        if regime is None:
            raise InputError(f"{name} is not a valid regime file: " + "; ".join(d.message for d in diags[:3]))
    else:
        regime = load_builtin_regime(name.removeprefix("builtin:"))
    if as_json:
        out(regime.model_dump_json(indent=2))
        return
    out(f"{regime.title} [{regime.id}]\n  {regime.jurisdiction}; in force {regime.in_force or 'n/a'}\n"
        f"  source: {regime.source.document}, {regime.source.version} ({regime.source.date}) {regime.source.url or ''}\n"
        f"  {regime.notice}")
    for did, d in regime.documents.items():
        out(f"\ndocument {did}: {d.title} ({d.cite.section}; for {d.audience}, shows up to {d.level.value}; "
            f"from the {d.basis})")
        for sid, s in d.sections.items():
            req = "" if s.required else " (optional)"
            out(f"  {sid}: {s.title}{req} [{s.cite.section}]")
            out("      filled from: " + "; ".join(f"{src} ({REGIME_SOURCES[src]})" for src in s.sources))
    if regime.incident_classes:
        out("\nincident classes (deadline from when the incident became known):")
        for cid, c in regime.incident_classes.items():
            out(f"  {regime.id}:{cid}: {c.title}: {c.deadline.describe()} to {c.report_to} [{c.cite.section}]")


@regime_app.command("gaps")
def regime_gaps(
    case: Annotated[Path, typer.Argument(help="The case's main YAML file.")],
    at: Annotated[str | None, typer.Option(help="As of this date (YYYY-MM-DD).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    keyring: AttestKeyring = None,
) -> None:
    """The sections of the case's regime documents that the case (or its policy) cannot fill:
    the CG1001 and CG1002 findings, one per missing fact. The case is read as the gate reads it:
    its evidence as its artifacts show it, and an item independent only where an outside
    evaluator's attestation verifies against the keyring (without one, none is)."""
    from ..checks import check_case
    from ..evidence import rehash_artifacts
    from ..load import load_case

    loaded = attested(load_case(case), keyring, at)
    report = check_case(loaded, today=parse_date(at), artifacts=rehash_artifacts(loaded),
                        select=lambda r: r.code in ("CG1001", "CG1002"))
    found = [f for f in report.findings if f.code in ("CG1001", "CG1002")]
    if as_json:
        out(json.dumps({"regimes": [r.id for r in loaded.regimes],
                        "gaps": [json.loads(f.model_dump_json()) for f in found]}, indent=2))
    else:
        if not loaded.regimes:
            out(f"{case}: the case and its policy name no regime (add `regimes: [builtin:NAME]`)")
        for f in found:
            out(f"{f.code} [{f.severity.value}] {f.message}")
        if loaded.regimes and not found:
            out(f"{case}: every section of {', '.join(r.id for r in loaded.regimes)} is filled from the case and policy")
    if any(f.code == "CG1001" for f in found):
        raise typer.Exit(1)
