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


@regime_app.command("verify")
def regime_verify(
    documents: Annotated[list[Path], typer.Argument(help="The document file(s) as filed (HTML, Markdown, PDF).")],
    manifest: Annotated[Path, typer.Option(
        "--manifest", help="The manifest `casegate report --regime` wrote beside them (REGIME.DOCUMENT.manifest.json).")],
    keyring: Annotated[Path | None, typer.Option(
        "--keyring", help="Keyring the manifest's signature is checked against (default $CASEGATE_KEYRING); the "
                          "trust root must pin it.")] = None,
    trust_root: Annotated[Path | None, typer.Option(
        "--trust-root", help="The trust root you hold (chain directory or root file; default $CASEGATE_TRUST_ROOT).")] = None,
    db: Annotated[str | None, typer.Option(
        "--db", help="Registry whose log must hold the document and whose approval must stand on the case version "
                     "it was made from, opened read-only (default $CASEGATE_DATABASE_URL); the document is "
                     "written again from the version's stored files and compared byte for byte.")] = None,
    state_proof: Annotated[Path | None, typer.Option(
        "--state-proof", help="The case's state proof (`casegate state-proof`), checked against the trust root, "
                              "instead of a registry: offline, its log entries must hold the document; without "
                              "the stored files the content is checked against the signer's manifest only, "
                              "which is not verified.")] = None,
    at: Annotated[str | None, typer.Option("--at", help="Check the signer's key as of this date or date-time "
                                                      "(default now).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Check a filed regime document against its signed manifest: every file is, byte for byte,
    one the manifest signs; the manifest is signed by a key of the keyring the trust root pins;
    the registry's log recorded this very manifest, no later document of the same version
    replaced it, and the case version it was made from is the one the registry approved; and,
    since a manifest is only its signer's word, casegate writes the document again from the
    registry's stored files of that version (as the log stood when it was recorded) and the
    Markdown, HTML and PDF must be the very bytes the manifest signs. An edited document (even
    under a new manifest a genuine key signed and logged), a manifest of another document or
    version, an unsigned manifest, a key outside the keyring, or no registry or trust root to
    check against: not verified. Offline (--state-proof) the content cannot be written again:
    "content not re-derived", not verified.

    A manifest checked with casegate's published example keys (a demonstration,
    `CASEGATE_DEMO_KEYS=1`) is never verified.

    Exit 0: verified. 1: not verified (every reason is printed). 2: unreadable input.
    3: the registry could not be read. 5: a demonstration: everything else verified, but the
    published example keys vouch for it.
    """
    import os

    from ..errors import InputError
    from ..regime._manifest import read_manifest, verify_document
    from ..sign import load_keyring
    from ._common import trust_root_given
    from ._sign import _instant, _keyring_path

    ring = load_keyring(_keyring_path(keyring))
    data = read_manifest(manifest)
    root, root_problem = trust_root_given(trust_root)
    when = _instant(at)
    if state_proof is not None:
        if db is not None:
            raise InputError("give the case's state from one source: --db or --state-proof, not both")
        proven, problems = _proven(state_proof, data, root)
        v = verify_document(documents, data, ring, trust=root, trust_problem=root_problem, reg=proven, at=when,
                            source_problems=problems)
        _show(v, as_json)
        return
    url = db or os.environ.get("CASEGATE_DATABASE_URL")
    if url:
        from ..store import open_registry

        with open_registry(url, readonly=True) as reg:
            v = verify_document(documents, data, ring, trust=root, trust_problem=root_problem, reg=reg, at=when)
    else:
        v = verify_document(documents, data, ring, trust=root, trust_problem=root_problem, reg=None, at=when)
    _show(v, as_json)


def _proven(path: Path, manifest: object, root: object) -> tuple[object, list[str]]:
    """The case's state as the state proof at `path` proves it under the trust root (None and why not)."""
    from ..regime._manifest import read_manifest
    from ..sign import decode_payload

    if root is None:
        return None, ["no trust root: the state proof cannot be checked (pass --trust-root DIR)"]
    from ..limits import proof_byte_limit

    proof = read_manifest(path, "the state proof", "give the file `casegate state-proof CASE --out FILE` wrote",
                          limit=proof_byte_limit())
    stmt = decode_payload(manifest) if isinstance(manifest, dict) else None
    case_id = ((stmt or {}).get("predicate") or {}).get("case")
    if not isinstance(case_id, str):
        return None, ["the manifest names no case, so the state proof cannot be read for it"]
    from ..regime._manifest import ProvenLog
    from ..verify import check_state_proof

    proven, problems = check_state_proof(proof, root, case_id)  # type: ignore[arg-type]
    return (ProvenLog(proven) if proven is not None else None), problems


def _show(v: object, as_json: bool) -> None:
    from ..regime._manifest import DocumentVerdict

    assert isinstance(v, DocumentVerdict)
    if as_json:
        out(json.dumps(v.to_json(), indent=2))
    else:
        for n in v.notes:
            out(f"note: {n}")
        if v.verified:
            out(f"verified: {v.regime} {v.document} of case {v.case} version {v.case_version}, log entry {v.logged}")
        elif v.demonstration:
            out(f"NOT VERIFIED: {v.reasons[-1]}")
            out(f"everything else verified (DEMONSTRATION): {v.regime} {v.document} of case {v.case} version "
                f"{v.case_version}, log entry {v.logged}")
        else:
            out("NOT VERIFIED:")
            for r in v.reasons:
                out(f"  {r}")
    if not v.verified:
        raise typer.Exit(5 if v.demonstration else 1)
