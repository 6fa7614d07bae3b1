"""`casegate registry ...` (case versions and their history) and `casegate log ...` (the
verifiable append-only log: checkpoints, proofs, the auditor's check)."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from . import app
from ._common import err, out

registry_app = typer.Typer(help="Case versions and their recorded history.", no_args_is_help=True)
log_app = typer.Typer(help="The append-only log: signed checkpoints, proofs, verification.",
                      no_args_is_help=True)
app.add_typer(registry_app, name="registry")
app.add_typer(log_app, name="log")

DbOption = Annotated[str | None, typer.Option(
    "--db", help="Registry URL or SQLite path (default: $CASEGATE_DATABASE_URL or ./.casegate/registry.db).")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON.")]

LOG_KEY_ENV = "CASEGATE_LOG_KEY"


def _open(db: str | None, *, existing: bool = False):  # type: ignore[no-untyped-def]
    """The registry (`existing`: one that is there already; a command that only reads never
    creates one at a mistyped path)."""
    from ..store import open_registry

    return open_registry(db, existing=existing)


def _default_key(db_url: str) -> Path:
    env = os.environ.get(LOG_KEY_ENV)
    if env:
        return Path(env)
    if db_url.startswith("sqlite:///"):
        return Path(db_url[len("sqlite:///"):]).parent / "log-key.pem"
    return Path.cwd() / ".casegate" / "log-key.pem"


@registry_app.command("submit")
def submit(
    case: Annotated[Path, typer.Argument(help="The case's main YAML file.")],
    model: Annotated[Path | None, typer.Option(
        "--model", help="The model the case is about (directory or weights file): its files are hashed and "
                        "logged, so `verify --model` can hold a deployed folder to them path for path, and a "
                        "later case about the same weights shares this one's history whatever its digest or "
                        "id. Past internal use the registry approves, and `verify` deploys, only a version "
                        "whose weights it hashed so.")] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Store an immutable version of a case (every file's bytes and digests) and log it."""
    from ..load import load_case

    loaded = load_case(case)
    md = None
    model_notes: list[str] = []
    if model is not None:
        from ..evidence import model_digest

        md = model_digest(model)
        if md.method == "model-signing-files":
            from ..evidence import outward_references

            # the same references `verify --model` refuses: a version logged with them could never deploy
            # judged on the bytes hashed: a file that reads otherwise now is a reason
            outward, model_notes = outward_references(model, md.resources)
            if outward:
                from ..errors import InputError

                raise InputError(f"the model at {model} sends its loader outside the folder, so its digest does not "
                                 "cover the model deployed: " + "; ".join(outward[:5])
                                 + (f" (and {len(outward) - 5} more)" if len(outward) > 5 else ""),
                                 location=str(model),
                                 help="ship what each file names inside the model folder and name it by its path "
                                      "there, then gate and decide on that folder's digest")
        if loaded.case is not None and md.digest not in loaded.case.system.digests:
            from ..errors import InputError

            raise InputError(f"the model at {model} has digest {md.digest}, which the case's system.digests do not "
                             "list", location=loaded.case_path,
                             help="point --model at the weights the case is about, or list its digest")
    with _open(db) as reg:
        from ..monitor import follow_shared_weights

        # the version, its model's files and the state changes they make owed are one transaction
        with reg.atomic("submitting a case"):
            v, new = reg.submit_case_once(loaded)
            weights = None
            if md is not None:
                from ..monitor import record_model_files

                weights = record_model_files(reg, v.case_id, v.number, md.digest, md.resources, weights=md.weights,
                                             tensors=md.tensors, content=md.content)
            # a new version may be about the same model as a deployed case, by its digests or name
            followed = follow_shared_weights(reg)
        state = reg.case_state(v.case_id)
    if as_json:
        out(json.dumps({**v.to_json(), "new": new, "state": state,
                        "model_files": weights.index if weights is not None else None, "model_notes": model_notes},
                       indent=2))
        return
    if new:
        out(f"recorded {v.ref} (digest {v.digest[:16]}, {len(v.files)} files, log entry {v.log_index})")
    else:
        out(f"unchanged: identical to {v.ref} (digest {v.digest[:16]}); nothing recorded")
    if weights is not None:
        out(f"recorded the files of model {md.digest if md else ''} (log entry {weights.index})")
    for n in model_notes:
        out(f"note: {n}")
    for e in followed:
        out(f"{e.case_id}: {e.payload['from']} -> {e.payload['to']}"
            + (f" ({e.payload['restricted_to']})" if e.payload.get("restricted_to") else "")
            + f" (log entry {e.index}): {e.payload['cause']['reason']}")
    if state == "draft":
        out(f"state: draft; next, to ask for review: casegate state set {v.case_id} under-review --by NAME")
    elif state:
        out(f"state: {state}")


@registry_app.command("history")
def history(
    case_id: Annotated[str, typer.Argument(help="A case id.")],
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Every version of a case and every event recorded about it, in log order."""
    from ..errors import InputError

    with _open(db) as reg:
        versions = reg.case_versions(case_id)
        events = reg.events(case_id=case_id)
        state = reg.case_state(case_id)
        restriction = reg.case_restriction(case_id)
    if state is None and not events:
        raise InputError(f"the registry has no case {case_id!r}", help="`casegate registry show` lists the cases")
    if as_json:
        out(json.dumps({"case_id": case_id, "state": state, "restricted_to": restriction,
                        "versions": [v.to_json() for v in versions],
                        "events": [e.to_json() for e in events]}, indent=2))
        return
    out(f"{case_id}: {state}" + (f" (restricted to {restriction})" if restriction else ""))
    for v in versions:
        out(f"  version {v.number}  {v.submitted_at}  {v.digest[:16]}  declared {v.declared_version!r}  {v.title}")
    out("events:")
    for e in events:
        out(f"  #{e.index:<6} {e.recorded_at}  {e.kind:<16} "
            + (_publication_brief(e.payload) if e.kind == "publication" else _brief(e.payload)))


def _publication_brief(payload: dict[str, object]) -> str:
    """A publication as the history lists it: the version, and the registry's judgement (its log
    entry) the summary was held to."""
    judgement = payload.get("judgement")
    held = (f"held to the registry's judgement at log entry {judgement}" if isinstance(judgement, int)
            and not isinstance(judgement, bool) else "held to a judgement the log does not name (recorded before "
            "publications named theirs)")
    return f"summary of version {payload.get('version')}, {held}"


def _brief(payload: dict[str, object]) -> str:
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False)
    return text if len(text) <= 100 else text[:97] + "..."


@registry_app.command("show")
def show(
    ref: Annotated[str | None, typer.Argument(help="A case id, CASE_ID@N, or a log entry index; none lists the cases.")] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
) -> None:
    """Show a case (its latest version), one version (CASE_ID@N) or one log entry (a number)."""
    with _open(db) as reg:
        if ref is None:
            ids = reg.case_ids()
            if as_json:
                out(json.dumps([{"case_id": i, "state": reg.case_state(i)} for i in ids], indent=2))
            else:
                for i in ids:
                    out(f"{i}  {reg.case_state(i)}")
            return
        if ref.isdigit():
            e = reg.entry(_stored_number(ref, "a log entry"))
            out(json.dumps(e.to_json(), indent=2, ensure_ascii=False))
            return
        case_id, _, n = ref.partition("@")
        v = reg.case_version(case_id, _stored_number(n, f"{ref!r}: the version after '@'") if n else None,
                             contents=False)
        state = reg.case_state(case_id)
        restriction = reg.case_restriction(case_id)
    if as_json:
        out(json.dumps({**v.to_json(), "state": state, "restricted_to": restriction}, indent=2))
        return
    out(f"{v.ref}  {v.title}")
    out(f"  state      {state}" + (f" (restricted to {restriction})" if restriction else ""))
    out(f"  digest     {v.digest}")
    out(f"  submitted  {v.submitted_at} (log entry {v.log_index})")
    out(f"  declared   version {v.declared_version!r}, policy {v.policy_ref}")
    out("  files:")
    for f in v.files:
        out(f"    {f.role:<9} {f.sha256[:16]}  {f.size:>8}  {f.path}")
    if v.evidence:
        out("  evidence:")
        for ev in v.evidence:
            pinned = ""
            if ev.declared_sha256 and ev.artifact_sha256 and ev.declared_sha256 != ev.artifact_sha256:
                pinned = "  (artifact does not match its pinned sha256)"
            elif ev.artifact and not ev.artifact_sha256:
                pinned = "  (artifact missing at submission)"
            out(f"    {ev.evidence_id:<24} {ev.kind:<12} {ev.producer}{pinned}")


@log_app.command("checkpoint")
def checkpoint(
    key: Annotated[Path | None, typer.Option("--key", help=f"Ed25519 private key (PEM). Default: ${LOG_KEY_ENV}, or log-key.pem beside the SQLite registry (created on first use).")] = None,
    origin: Annotated[str | None, typer.Option("--origin", help="Checkpoint origin line (default: this log's own origin).")] = None,
    db: DbOption = None,
) -> None:
    """Sign and store a checkpoint of the whole log; print the signed note."""
    from ..store import generate_key

    with _open(db) as reg:
        if key is None:
            key = _default_key(reg.url)
            if not key.exists():
                generate_key(key)
                err(f"note: generated a new log signing key at {key} (public key: {key}.pub); "
                    "keep the private key secret and publish the public key")
        out(reg.checkpoint(key, origin).rstrip("\n"))


@log_app.command("vkey")
def vkey(
    key: Annotated[Path | None, typer.Option("--key", help="A checkpoint key (private or .pub PEM): print its "
                                             "verifier key under this log's origin, instead of the one "
                                             "that signed the newest checkpoint.")] = None,
    db: DbOption = None,
) -> None:
    """Print the log's C2SP note verifier key (`name+keyid+base64`), which anyone needs to check
    its checkpoints."""
    from ..errors import InputError
    from ..store import load_public_key, verifier_key

    with _open(db) as reg:
        if key is not None:
            out(verifier_key(reg.origin(), load_public_key(key)))
            return
        vk = reg.log_verifier_key()
    if vk is None:
        raise InputError("no checkpoint has been signed yet, so the log has no verifier key",
                         help="run `casegate log checkpoint` first, or pass --key")
    out(vk)


@log_app.command("prove")
def prove(
    entry: Annotated[int, typer.Argument(help="The log entry index.")],
    size: Annotated[int | None, typer.Option("--size", help="Tree size to prove against (default: the whole log).")] = None,
    db: DbOption = None,
) -> None:
    """Print an RFC 9162 inclusion proof (JSON) for one entry, after checking it."""
    with _open(db) as reg:
        proof = reg.prove_inclusion(entry, size)
        e = reg.entry(entry)
    proof.verify()
    out(json.dumps({"entry": e.to_json(), "proof": proof.to_json()}, indent=2, ensure_ascii=False))


@log_app.command("consistency")
def consistency(
    old_size: Annotated[int, typer.Argument(help="The older tree size.")],
    size: Annotated[int | None, typer.Option("--size", help="The newer tree size (default: the whole log).")] = None,
    db: DbOption = None,
) -> None:
    """Print an RFC 9162 consistency proof (JSON) between two tree sizes, after checking it."""
    with _open(db) as reg:
        proof = reg.prove_consistency(old_size, size)
    proof.verify()
    out(json.dumps(proof.to_json(), indent=2))


@log_app.command("verify")
def verify(
    checkpoint: Annotated[Path | None, typer.Option("--checkpoint", help="A checkpoint you kept earlier: the log must be consistent with it.")] = None,
    key: Annotated[str | None, typer.Option("--key", help="The log's public key (PEM file, or a note verifier key). Without it the key stored in the registry is used (self-attested).")] = None,
    db: DbOption = None,
    as_json: JsonOption = False,
    rejudge: Annotated[list[Path] | None, typer.Option(
        "--rejudge", help="A keyring (repeatable): run again, on the stored version, every approving judgement "
                          "the registry logged with it (as of the time each records); one whose outcome the gate "
                          "does not give again, or logged with a keyring not given, does not verify.")] = None,
) -> None:
    """The auditor's full check: recompute every entry's leaf and the tree, check every signed
    checkpoint, and prove consistency with your own checkpoint; with --rejudge, run the registry's
    approving judgements again. Exit 0 when the log verifies, 1 with the reason when it does not."""
    from ..errors import InputError
    from ..limits import read_regular_file

    trusted = None
    if checkpoint is not None:
        try:
            trusted = read_regular_file(checkpoint, str(checkpoint)).decode("utf-8")
        except UnicodeDecodeError:
            raise InputError("the checkpoint is not UTF-8 text", location=str(checkpoint),
                             help="pass a checkpoint casegate wrote (`casegate log checkpoint`)") from None
    if key is not None:
        from ..store import load_public_key

        load_public_key(key)  # a key that cannot be read is refused before the registry is opened
    rings = []
    if rejudge:
        from ..sign import load_keyring

        rings = [load_keyring(k) for k in rejudge]  # a keyring that cannot be read is refused first
    with _open(db, existing=True) as reg:
        report = reg.verify_log(trusted, key)
        if rings:
            from ..approve import rejudge as run_again
            from ..errors import VerificationError

            count, problems = run_again(reg, rings)
            if problems:
                raise VerificationError("; ".join(problems),
                                        help="find out who logged the judgement; the registry's database "
                                             "credentials belong to its operators alone")
            report.notes.append(f"{count} approving judgement{'s' if count != 1 else ''} run again on the "
                                "stored versions: each gives the outcome logged")
    if as_json:
        out(report.to_json())
    else:
        out(report.summary())
        out("OK: the log verifies")
    if key is None:
        print("warning: checkpoint signatures were checked against the key stored in the registry; "
              "pass --key with the log's published public key to check against a key you trust",
              file=sys.stderr)


def _stored_number(text: str, what: str) -> int:
    """`text` as a log index or version number: ASCII digits, at most what the registry stores (a
    64-bit integer); InputError otherwise (`²` is a digit to str.isdigit, and 10**30 overflows SQLite)."""
    from ..errors import InputError

    if not (text.isascii() and text.isdigit()) or int(text) > 2**63 - 1:
        raise InputError(f"{what} must be a number from 0 to {2**63 - 1}, not {text[:40]!r}",
                         help="write CASE_ID@2 (a version) or a log entry's index")
    return int(text)
