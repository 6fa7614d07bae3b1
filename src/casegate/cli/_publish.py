"""`casegate publish`, `casegate publish verify-disclosure`, `casegate disclose`, `casegate report`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from . import app
from ._app import AttestKeyring, DecideKeyring
from ._common import attested, decided, err, out, parse_date
from ._publishing import (
    _DIAGRAM_MAX_NODES,
    _charts,
    _default_out,
    _diagram,
    run_publish,
    salt_source,
)

__all__ = ["_DIAGRAM_MAX_NODES", "_charts", "_diagram", "publish_app", "salt_source"]

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

SaltStoreOpt = Annotated[Path | None, typer.Option(
    "--salt-store", envvar="CASEGATE_SALT_STORE",
    help="Private file that keeps the salts of redacted elements (created with mode 0600), for "
         "publishing without a registry; default: the registry (--db / $CASEGATE_DATABASE_URL). "
         "Never publish it: a salt opens its commitment.")]


@publish_app.command(_DEFAULT)
def publish_case(
    case: Annotated[Path, typer.Argument(help="The case's main YAML file.")],
    out_dir: Annotated[Path | None, typer.Option("--out", help="Directory to write to (default out/<case id>).")] = None,
    at: Annotated[str | None, typer.Option(help="Decide as of this date (YYYY-MM-DD); default the case's date (signatures and waivers are checked as of the end of it, or of today). Not with a summary the registry records: it is judged as of the registry's clock.")] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="Comma-separated: md, html, json, svg.")] = "md,html,json,svg",
    level: Annotated[str, typer.Option(
        help="Audience level: elements above it are redacted (public, internal, restricted, secret).")] = "public",
    salt_store: SaltStoreOpt = None,
    db: Annotated[str | None, typer.Option("--db", help="Also record the summary in this registry "
                                           "(default: $CASEGATE_DATABASE_URL, or ./.casegate/registry.db "
                                           "when it exists), where the review board's public pages show "
                                           "it; redacted elements' salts are kept there unless "
                                           "--salt-store is given.")] = None,
    keyring: DecideKeyring = None,
    trust_root: Annotated[Path | None, typer.Option(
        "--trust-root", envvar="CASEGATE_TRUST_ROOT",
        help="The trust root whose pinned keyring a summary recorded in the registry is judged with "
             "(required to record, unless --unpinned).")] = None,
    unpinned: Annotated[bool, typer.Option(
        "--unpinned", help="Tests and demos only: record the summary judged with the given keyring although "
                           "no trust root pins it (`verify` still holds the approval to the trust root); "
                           "refused by a registry whose log records a trust root.")] = False,
    no_record: Annotated[bool, typer.Option(
        "--no-record", help="Write a local preview (any keyring, --at allowed) and record nothing in the "
                            "registry.")] = False,
) -> None:
    """Run the gate and write the public summary (summary.md, summary.html, summary.json, and the
    redacted argument as summary.svg). Each redacted element gets a fresh random salt for this
    version, kept privately (registry or --salt-store) before anything is written. When the
    registry holds the case the summary is recorded there as the version's public summary, judged
    as the registry judges: under the keyring the trust root pins, compared with the registry's
    earlier versions, as of the registry's clock; anything else is refused before a file is
    written (--no-record: a local preview, not recorded)."""
    run_publish(case, out_dir, at, format, level, salt_store, db, keyring, trust_root, unpinned, no_record)


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


@publish_app.command("export-salts")
def export_salts_cmd(
    out_file: Annotated[Path, typer.Option("--out", help="Salt-store file to write (mode 0600); "
                                                         "salts already in it are kept.")],
    db: Annotated[str | None, typer.Option(
        "--db", help="Registry whose salts to export (default $CASEGATE_DATABASE_URL).")] = None,
    case_id: Annotated[str | None, typer.Option("--case", help="Only this case's salts.")] = None,
) -> None:
    """Export the registry's commitment salts to a private salt-store file, for escrow: anyone
    holding it can open the commitments, so keep it as secret as the registry.
    `casegate disclose --salt-store FILE` opens commitments from it."""
    from ..store import FileSaltStore, RegistrySalts, open_registry

    with open_registry(db, readonly=True) as reg:
        records = [r for r in RegistrySalts(reg).all_salts() if case_id is None or r.case_id == case_id]
    FileSaltStore(out_file).keep_commitment_salts(records)
    out(f"exported {len(records)} salt(s) to {out_file} (mode 0600): keep it secret")


@app.command()
def disclose(
    case: Annotated[Path, typer.Argument(help="The case's main YAML file.")],
    element: Annotated[str, typer.Argument(help="Element id (E-bio-uplift) or pointer (/evidence/E-bio-uplift).")],
    out_file: Annotated[Path | None, typer.Option("--out", help="Write the opening here (default: stdout).")] = None,
    salt_store: SaltStoreOpt = None,
    db: Annotated[str | None, typer.Option(
        "--db", help="Registry the summary was published with (default $CASEGATE_DATABASE_URL): "
                     "its salts open the commitment.")] = None,
    salt_key: Annotated[Path | None, typer.Option(
        "--salt-key", help="Publisher key of a summary published before salts were random "
                           "(earlier casegate versions derived them from this key).")] = None,
    keyring: AttestKeyring = None,
) -> None:
    """Write the opening of a redacted element: its pointer, salt and content, which anyone can
    check against the published summary with `casegate publish verify-disclosure`. The salt is
    the one kept when the element was published (registry or --salt-store)."""
    import json

    from ..load import load_case
    from ..publish import KeyedSalts, load_key, readable_case
    from ..publish import disclose as open_element

    loaded = attested(load_case(case), keyring, None)
    readable = readable_case(loaded)
    if salt_key is not None:
        opening = open_element(readable, element, salts=KeyedSalts(load_key(salt_key)))
    else:
        with salt_source(salt_store, db, fresh=False) as salts:
            opening = open_element(readable, element, salts=salts)
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
    at: Annotated[str | None, typer.Option(help="Decide as of this date (YYYY-MM-DD); default the case's date (signatures and waivers are checked as of the end of it, or of today).")] = None,
    level: Annotated[str | None, typer.Option(
        help="Audience level (default secret for the decision report: the decision body sees "
             "everything; for a regime document, the highest level its audience may see).")] = None,
    salt_store: SaltStoreOpt = None,
    regime: Annotated[str | None, typer.Option(
        "--regime", help="Write a document of this regulatory regime instead (e.g. eu-gpai-cop-2025, "
                         "ca-sb53; the case or its policy must name the regime).")] = None,
    document: Annotated[str | None, typer.Option(
        "--document", help="Which document of the regime (e.g. model-report, transparency-report, "
                           "framework); default every document it asks for.")] = None,
    db: Annotated[str | None, typer.Option(
        "--db", help="Registry to read the case's history and incidents from (regime documents); "
                     "default $CASEGATE_DATABASE_URL when set. Without one, facts only the registry "
                     "knows are reported as gaps. Salts of redacted elements are kept there unless "
                     "--salt-store is given.")] = None,
    keyring: DecideKeyring = None,
    key: Annotated[str | None, typer.Option(
        "--key", help="With --regime: private key that signs each document's manifest (the sha256 of "
                      "every file written, bound to the case version, the regime and the document); it "
                      "must be in the keyring (--keyring). Without it the manifest is written unsigned "
                      "and the document never verifies (`casegate regime verify`).")] = None,
    role: Annotated[str | None, typer.Option(
        "--role", help="With --key: the role the manifest is signed in (one the key holds).")] = None,
) -> None:
    """Write the decision report for the people who decide: the decision, its conditions, the
    eight answers, the argument diagram and the findings (report.html, and report.pdf). With
    --regime, write the regime's documents from the case instead (HTML, Markdown, PDF), each with
    its gap list and a manifest (REGIME.DOCUMENT.manifest.json) binding every file's sha256 to the
    case version, signed with --key; with a registry (--db) the document is recorded in its log.
    `casegate regime verify` checks a filed document against it. Exit 1 when a required section
    cannot be filled."""
    from ..load import load_case
    from ..publish import parse_level, readable_case, write_report

    raw = load_case(case)
    loaded, record = decided(raw, keyring, at)
    readable_case(loaded)
    if regime is None and document is not None:
        fail_usage("--document needs --regime")
    if regime is None and (key is not None or role is not None):
        fail_usage("--key and --role sign a regime document's manifest: they need --regime")
    if (key is None) != (role is None):
        fail_usage("--key and --role go together: the manifest is signed by a key in a role it holds")
    signing = None
    if key is not None:
        if keyring is None:
            fail_usage("--key needs the keyring it is in (--keyring or $CASEGATE_KEYRING): the manifest is "
                       "checked against it before anything is written")
        from ..sign import load_keyring, load_signer

        assert keyring is not None and role is not None
        signing = (load_signer(key), role, load_keyring(keyring))
    with salt_source(salt_store, db, fresh=True) as salts:
        if regime is not None:
            _regime_documents(loaded, regime, document, out_dir or _default_out(loaded), salts=salts,
                              level=parse_level(level) if level else None, at=at, pdf=pdf, db=db, record=record,
                              signing=signing, files_of=raw)
            return
        lv = parse_level(level or "secret")
        result = write_report(loaded, out_dir or _default_out(loaded), salts=salts, level=lv,
                              today=parse_date(at), pdf=pdf, record=record, diagram=_diagram, charts=_charts)
    for path in result.files.values():
        out(f"wrote {path}")
    out(f"{result.summary.case['id']}: {result.record.outcome}")


def fail_usage(message: str) -> None:
    from ..errors import InputError

    raise InputError(message, help="see `casegate report --help`")


def _regime_documents(loaded: Any, regime: str, document: str | None, out_dir: Path, *, salts: Any,
                      level: Any, at: str | None, pdf: bool, db: str | None, record: Any,
                      signing: tuple[Any, str, Any] | None = None, files_of: Any = None) -> None:
    """Write each document with its manifest. `files_of`: the case as loaded from its files (the
    registry finds its stored version by them; `loaded`, as the gate reads it, may set aside
    envelopes that do not count)."""
    import contextlib
    import os

    from ..regime import find_document, registry_facts

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
    facts = None
    url = db or os.environ.get("CASEGATE_DATABASE_URL")
    with contextlib.ExitStack() as stack:
        reg = None
        if url:
            from ..store import open_registry

            reg = stack.enter_context(open_registry(url))
            facts = registry_facts(reg, case, loaded.policy)
        gaps = _write_regime_documents(loaded, rid, docs, out_dir, salts=salts, level=level, today=today,
                                       pdf=pdf, record=record, facts=facts, reg=reg, signing=signing,
                                       files_of=files_of or loaded)
    if gaps:
        raise typer.Exit(1)


def _write_regime_documents(loaded: Any, rid: str, docs: list[str], out_dir: Path, *, salts: Any, level: Any,
                            today: Any, pdf: bool, record: Any, facts: Any, reg: Any,
                            signing: tuple[Any, str, Any] | None, files_of: Any) -> int:
    from ..regime import build_document, write_document
    from ..regime._manifest import (
        document_statement,
        manifest_path,
        record_document,
        sign_manifest,
        stored_version,
        write_manifest,
    )

    case = loaded.case
    stored = stored_version(reg, files_of) if reg is not None else None
    gaps = 0
    for d in docs:
        # dated as the log dates what it records (UTC), so `regime verify` can hold the date to the log's
        doc = build_document(loaded, rid, d, salts=salts, record=record, today=today, registry=facts, level=level,
                             generated=today or _utc_today())
        files = write_document(doc, out_dir, pdf=pdf)
        for path in files.values():
            out(f"wrote {path}")
        if doc.level != doc.spec.level:
            out(f"note: written at level {doc.level.value}, below the {doc.spec.level.value} {rid} asks of {d} for its "
                f"{doc.spec.audience} audience: `casegate regime verify` does not verify it")
        who, now = None, None
        if signing is not None:
            from ..sign import iso, now_utc

            signer, role, ring = signing
            trusted = ring.get(signer.public_key.keyid)
            if trusted is None:
                from ..errors import InputError

                raise InputError(f"the signing key {signer.public_key.keyid[:16]}... is not in the keyring",
                                 help="sign with a key the keyring holds (`casegate keys add`)")
            now = now_utc()
            who = {"person": trusted.person, "role": role, "keyid": trusted.keyid, "identity": trusted.identity,
                   "signed_at": iso(now)}
        if signing is not None:
            from ..verify._demo import demonstration_mark

            demo = demonstration_mark(signing[2])
            if demo is not None:
                out(f"DEMONSTRATION, not a release: {rid} {d} is signed against a keyring holding published example "
                    f"keys, and `casegate regime verify` never verifies it: {demo}")
        stmt = document_statement(loaded, doc, files, record=record, stored=stored, signer=who, at=today)
        env = sign_manifest(stmt, signing[0], signing[2], now) if signing is not None and now is not None else None
        mpath = manifest_path(out_dir, doc)
        write_manifest(mpath, stmt, env)
        out(f"wrote {mpath}" + ("" if env is not None else
                                " (unsigned: give --key and --role to sign it; an unsigned manifest never verifies)"))
        if reg is not None:
            if stored is None:
                out(f"not recorded: the registry holds no version of case {case.id} with these files "
                    "(submit it with `casegate registry submit`), so the document cannot be verified against it")
            else:
                entry = record_document(reg, case.id, stored, stmt, env)
                out(f"recorded {rid} {d} of version {stored.number} of case {case.id} in the registry's log, "
                    f"entry {entry.index}" + ("" if stored.approved else " (the version is not the approved one)"))
        out(f"{rid} {d}: {len(doc.sections) - len({g.section for g in doc.gaps})} of {len(doc.sections)} "
            f"sections filled" + (f"; {len(doc.gaps)} gap(s):" if doc.gaps else "; no gaps"))
        for g in doc.gaps:
            out(f"  gap: {g.title} ({g.cite}): {g.reason}")
        gaps += len(doc.gaps)
    return gaps


def _utc_today() -> Any:
    import datetime as dt

    return dt.datetime.now(dt.UTC).date()
