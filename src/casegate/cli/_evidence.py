"""`casegate evidence add`: import evaluation logs into a case as pinned evidence items."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ..model import Variant
from . import app
from ._common import err, out

evidence_app = typer.Typer(help="Import evaluation logs as evidence; pin any artifact by its hash.", no_args_is_help=True)
app.add_typer(evidence_app, name="evidence")


class ReduceOpt(StrEnum):
    at_least_one = "at-least-one"
    majority = "majority"
    mean = "mean"


VariantOpt = StrEnum("VariantOpt", {v.name: v.value for v in Variant})  # type: ignore[misc]


class ScaleOpt(StrEnum):
    binary = "binary"
    proportion = "proportion"


@evidence_app.command("add")
def add(
    case: Annotated[Path, typer.Argument(help="The case's main YAML file.")],
    paths: Annotated[list[Path], typer.Argument(help="Log files or folders (scanned for Inspect AI, lm-eval and casegate-results logs).")],
    id_prefix: Annotated[str, typer.Option("--id-prefix", help="Prefix of new evidence ids (the rest is the task name).")] = "E-",
    domain: Annotated[str | None, typer.Option(help="Risk domain the evidence bears on.")] = None,
    threshold: Annotated[str | None, typer.Option(help="Capability threshold the evaluations measure against.")] = None,
    producer: Annotated[str | None, typer.Option(help="Who ran the evaluations (needed for new items).")] = None,
    variant: Annotated[VariantOpt | None, typer.Option(help="Model variant evaluated (logs do not record it).")] = None,
    into: Annotated[Path | None, typer.Option(help="Evidence file to write (default: evidence-imported.yaml beside the case).")] = None,
    reduce: Annotated[ReduceOpt, typer.Option("--reduce", help="How a sample's epochs become one success count.")] = ReduceOpt.at_least_one,
    scale: Annotated[ScaleOpt | None, typer.Option(help="Scale of numeric scores whose scorer documents none.")] = None,
    root: Annotated[Path | None, typer.Option(
        help="The folder every file of the case, the logs among them, must lie inside (default: the "
             "enclosing git work tree, else the case's folder; or CASEGATE_ROOT).")] = None,
) -> None:
    """Import evaluation logs as evidence items, each pinned by the sha256 of the log's bytes.

    Re-running is idempotent: the same bytes give the same item; changed bytes update the item
    and the change is reported.
    """
    from ..evidence import ReadOptions, add_evidence

    options = ReadOptions(reduction=reduce.value, scale=scale.value if scale else None)
    progress = None
    task = None
    if sys.stderr.isatty():
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        progress = Progress(TextColumn("importing"), BarColumn(), MofNCompleteColumn(),
                            TextColumn("{task.description}"), console=Console(stderr=True), transient=True)

    def found(n: int) -> None:
        nonlocal task
        if progress is not None and n > 1:
            progress.start()
            task = progress.add_task("", total=n)

    def done(p: Path) -> None:
        if progress is not None and task is not None:
            progress.update(task, advance=1, description=p.name)

    try:
        report = add_evidence(case, paths, id_prefix=id_prefix, producer=producer, domain=domain,
                              threshold=threshold, variant=variant.value if variant else None, into=into, options=options, on_found=found, on_log=done,
                              root=root)
    finally:
        if progress is not None:
            progress.stop()
    for c in report.changes:
        line = f"{c.action:<9} {c.id}  {c.artifact}"
        out(line + (f"  ({c.detail})" if c.detail else ""))
    for n in report.notes:
        err(f"note: {n}")
    for p in report.skipped:
        err(f"skipped: {p} (no importer reads it)")
    what = "created" if report.created else "wrote"
    out(f"{what} {report.into}: {report.count('added')} added, {report.count('updated')} updated, "
        f"{report.count('unchanged')} unchanged")
    if report.include_added:
        out(f"added {report.into.name} to the include list of {case}")
    if report.schema_written:
        out(f"wrote {report.schema_written} (the JSON Schema an editor checks {report.into.name} against)")


@evidence_app.command("pin")
def pin(
    artifact: Annotated[Path, typer.Argument(metavar="FILE", help="The artifact (report, log, data file) to pin.")],
    case: Annotated[Path | None, typer.Option("--case", "-c", help="The case's main YAML file.")] = None,
    evidence_id: Annotated[str | None, typer.Option("--id", help="The evidence item the artifact backs.")] = None,
) -> None:
    """Pin any artifact by the sha256 of its bytes. With --case and --id, write the digest and
    the artifact's path into that evidence item (only those lines change); without them, print
    the lines to write."""
    from ..errors import InputError
    from ..evidence import pin_artifact

    if (case is None) != (evidence_id is None):
        raise InputError("--case and --id go together", help="pass both to write the pin into an evidence item")
    p = pin_artifact(artifact, case, evidence_id)
    if p.file is None:
        out(f"artifact: {p.artifact}\nsha256: {p.sha256}")
    elif p.changed:
        out(f"pinned {evidence_id} to {p.artifact} (sha256 {p.sha256}): wrote {', '.join(p.changed)} in {p.file}")
    else:
        out(f"unchanged: {evidence_id} already pins {p.artifact} (sha256 {p.sha256})")


@evidence_app.command("show")
def show(
    evidence_id: Annotated[str, typer.Argument(metavar="ID", help="The evidence item's id.")],
    case: Annotated[Path, typer.Option("--case", "-c", help="The case's main YAML file.")] = Path("case.yaml"),
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    keyring: Annotated[Path | None, typer.Option(
        "--keyring", envvar="CASEGATE_KEYRING",
        help="Keyring to check evidence attestations against (default $CASEGATE_KEYRING); without one "
             "no evidence is independent.")] = None,
    at: Annotated[str | None, typer.Option(help="Check attestations as of this date (YYYY-MM-DD); default now.")] = None,
) -> None:
    """Print what was derived from an evidence item's artifact, where each fact was read, how the
    policy counts it, whether signed attestations make it independent, and every recorded value
    the artifact contradicts."""
    import json

    from ..evidence import describe_evidence
    from ..load import load_case
    from ._common import attested

    view = describe_evidence(attested(load_case(case), keyring, at), evidence_id)
    if as_json:
        out(json.dumps(view, indent=2))
        return
    head = f"{view['id']} ({view['kind']})"
    if view["declared"]:
        what = f"artifact {view['artifact']} is not a log casegate reads" if view["artifact"] else "no artifact"
        out(f"{head}: declared ({what}); its values are the author's word")
    elif view.get("derived") is None:
        out(f"{head}: nothing derived from {view['artifact']}: {view['problem']}")
    else:
        src = "cache" if view.get("cached") else "artifact"
        out(f"{head}: derived from {view['artifact']} ({view['tool']}, read from the {src})")
        for name, f in view["derived"].items():
            if not isinstance(f, dict):
                out(f"  {name:<14} {f}")
                continue
            v = f["value"]
            if name == "counts" and v is not None and "attempts" in v:
                v = f"{v['bypasses']} bypass(es) in {v['attempts']} attempt(s) (one per scored sample and epoch)"
            elif name == "counts" and v is not None:
                k = f" k={v['k']}" if v.get("k") else ""
                v = f"{v['successes']}/{v['trials']} under `{v['reduction']}`{k}"
            shown = "none recorded" if v is None else (", ".join(v) or "none") if isinstance(v, list) else v
            out(f"  {name:<14} {shown}  <- {f['from']}")
    ind = view.get("independence")
    if ind is not None:
        if ind["independent"]:
            out(f"  independent    yes  <- signed attestation: {'; '.join(ind['attested_by'])}")
        else:
            typed = " (the case declares it independent: not counted)" if ind["declared"] else ""
            out(f"  independent    no{typed}  <- {'; '.join(ind['reasons'])}")
    for m in view["mismatches"]:
        out(f"  mismatch: {m['fact']}: recorded {m['recorded']}, artifact {m['derived']} ({m['from']})")
    for p in view["problems"]:
        out(f"  problem: {p}")
    if view.get("counts_for_nothing"):
        out(f"  counts for nothing: {view['counts_for_nothing']}")


class ActivityOpt(StrEnum):
    ran = "ran"
    reviewed = "reviewed"


@evidence_app.command("attest")
def attest(
    evidence_id: Annotated[str, typer.Argument(metavar="ID", help="The evidence item's id.")],
    key: Annotated[str, typer.Option("--key", help="Your private key file, or a securesystemslib signer URI (with --keyid).")],
    role: Annotated[str, typer.Option("--role", help="The role you attest in (one your key holds, e.g. external-evaluator).")],
    statement: Annotated[str, typer.Option("--statement", help="What you ran or reviewed, in your words "
                                                              "(e.g. '1,200 jailbreak attempts against the classifiers, 14 red-teamers').")],
    activity: Annotated[ActivityOpt, typer.Option("--activity", help="Whether you ran it or reviewed it.")] = ActivityOpt.ran,
    case: Annotated[Path, typer.Option("--case", "-c", help="The case's main YAML file.")] = Path("case.yaml"),
    keyring: Annotated[Path | None, typer.Option("--keyring", help="Keyring file (default $CASEGATE_KEYRING).")] = None,
    keyid: Annotated[str | None, typer.Option("--keyid", help="Key id in the keyring, for a signer URI.")] = None,
    passphrase_env: Annotated[str | None, typer.Option("--passphrase-env", help="Environment variable holding "
                                                       "the key's passphrase (default $CASEGATE_KEY_PASSPHRASE, else a prompt).")] = None,
    out_file: Annotated[Path | None, typer.Option("--out", help="Envelope file to write (default: "
                                                  "evidence-attestations/ARTIFACT.IDENTITY.dsse.json beside the artifact).")] = None,
) -> None:
    """As an evaluator, sign with your own key that you ran or reviewed the evidence whose artifact
    has the pinned sha256.

    Evidence counts as independent only through such a statement: the signer's organisation (from
    the keyring) must not be one of the developer's, and the item's producer must be the signer or
    their organisation. `independent: true` typed in the case counts for nothing by itself.
    """
    from ..load import load_case
    from ..sign import attest_evidence
    from ._sign import keyring_signer

    ring, signer = keyring_signer(keyring, key, keyid, passphrase_env)
    path, k, digest = attest_evidence(load_case(case), evidence_id, signer, ring,
                                      role, activity=activity.value, says=statement, out=out_file)
    org = k.organisation or "no organisation"
    out(f"attested {evidence_id} (artifact sha256 {digest}) as {role}: {k.person}, {org}, key {k.keyid[:16]}...")
    out(f"wrote {path}")
    if k.organisation is None:
        err(f"note: the keyring records no organisation for {k.person}, so this attestation makes nothing "
            "independent (`casegate keys add --organisation`)")
