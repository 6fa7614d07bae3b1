"""`casegate trust init | show | rotate` (the deployer's trust root) and `casegate state-proof`
(the proof of a case's current state that an offline `verify` checks)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ..errors import InputError
from . import app
from ._common import err, fail, out

if TYPE_CHECKING:
    from ..trust import LogPin, Pins

trust_app = typer.Typer(help="The trust root the deployer holds: root keys and what they pin.",
                        no_args_is_help=True)
app.add_typer(trust_app, name="trust")

TRUST_ROOT_ENV = "CASEGATE_TRUST_ROOT"

RootKeyOpt = Annotated[list[Path] | None, typer.Option(
    "--root-key", help="A root key holder's public key (.pub from `casegate keys generate`); repeat for each.")]
SignWithOpt = Annotated[list[str], typer.Option(
    "--sign-with", help="A root key holder's private key (or signer URI) to sign with; repeat up to the threshold.")]
PolicyOpt = Annotated[list[str] | None, typer.Option(
    "--policy", help="A policy file (or builtin:NAME) decisions may be judged under; repeat for several.")]
DbOpt = Annotated[str | None, typer.Option("--db", help="Record the new root version in this registry's log "
                                            "(default $CASEGATE_DATABASE_URL, else ./.casegate/registry.db when it exists).")]
UnloggedOpt = Annotated[bool, typer.Option(
    "--unlogged", help="Write the new version with no registry to record it in, and sign that into it: "
                       "no log can then show a verifier handed the version it replaces, and `verify` "
                       "consulting a registry refuses it until `casegate trust record` records it. "
                       "Without it a rotation with no registry configured is refused.")]
DraftOpt = Annotated[Path | None, typer.Option(
    "--draft", help="Write the proposed version to this file, signed only by the --sign-with keys given "
                    "(possibly none), for the root key holders to sign one at a time with `casegate trust "
                    "sign`; `casegate trust publish` adds it to the chain once the threshold signed.")]


def _duration(value: str, what: str) -> dt.timedelta:
    m = re.fullmatch(r"\s*(\d+)\s*([smhd])\s*", value)
    if not m:
        raise InputError(f"{what} {value!r} is not a duration", help="write e.g. 90m, 24h, 30d")
    n, unit = int(m.group(1)), m.group(2)
    if n <= 0:
        raise InputError(f"{what} must be positive")
    return dt.timedelta(seconds=n * {"s": 1, "m": 60, "h": 3600, "d": 86400}[unit])


def _expiry(value: str) -> dt.datetime:
    from ..sign import now_utc, parse_instant

    if re.fullmatch(r"\s*\d+\s*[smhd]\s*", value):
        return now_utc() + _duration(value, "--expires")
    return parse_instant(value, end_of_day=True)


def _policy_pin(ref: str) -> Any:
    from importlib import resources

    from ..load import parse_yaml
    from ..model import Policy
    from ..trust import PinnedPolicy

    if ref.startswith("builtin:"):
        path = resources.files("casegate.load") / "builtin" / f"{ref.split(':', 1)[1]}.yaml"
        try:
            raw = path.read_bytes()
        except OSError:
            raise InputError(f"no built-in policy {ref!r}") from None
    else:
        try:
            raw = Path(ref).read_bytes()
        except OSError as e:
            raise InputError(f"cannot read the policy: {e.strerror}", location=ref) from None
    try:
        pol = Policy.model_validate(parse_yaml(ref, raw).data)
    except ValueError as e:
        raise InputError(f"not a valid policy: {str(e).splitlines()[0]}", location=ref) from None
    return PinnedPolicy(id=pol.id, version=pol.version, sha256=hashlib.sha256(raw).hexdigest())


def _policy_pins(refs: list[str], previous: list[Any], grace: dt.timedelta | None = None) -> list[Any]:
    """The policies a root version pins when `refs` are named: per policy id the last one named is
    current, and every other version of that id (named before it, or pinned by the previous root
    version) stays pinned with `until` now, so no decision signed after now counts under it, and
    approvals made under it before now stop verifying now, or at the end of `grace` when given
    (`approvals_until`). A version replaced before keeps its dates. An id no longer named is no
    longer pinned."""
    from ..sign import iso, now_utc

    given = [_policy_pin(r) for r in refs]
    current = {p.id: p for p in given}
    moment = now_utc()
    replaced: list[Any] = []
    for p in [*previous, *given]:
        if p.id not in current or p.sha256 == current[p.id].sha256 or any(q.sha256 == p.sha256 for q in replaced):
            continue
        if p.until is not None:
            replaced.append(p)
            continue
        upd = {"until": iso(moment)}
        if grace is not None:
            upd["approvals_until"] = iso(moment + grace)
        replaced.append(p.model_copy(update=upd))
    return [*replaced, *current.values()]


def _raw_hex(path: Path) -> str:
    from cryptography.hazmat.primitives import serialization

    from ..store import load_public_key

    key = load_public_key(path)
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw).hex()


def _log_pin(log_key: Path, origin: str, witnesses: list[str], witness_threshold: int | None) -> LogPin:
    from ..trust import LogPin, WitnessPin

    pins = []
    for w in witnesses:
        name, sep, pub = w.partition("=")
        if not sep and "+" in w:  # a witness's verifier key carries its name
            from cryptography.hazmat.primitives import serialization

            from ..store import COSIGNATURE_V1, parse_verifier_key

            name, ktype, key = parse_verifier_key(w)
            if ktype != COSIGNATURE_V1:
                raise InputError(f"--witness {w!r} is a checkpoint signer's key, not a witness's (type 0x04)")
            raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
            pins.append(WitnessPin(name=name, key=raw.hex()))
            continue
        if not sep or not name or not pub:
            raise InputError(f"--witness {w!r} is neither NAME=PUBLIC_KEY_FILE nor a witness verifier key")
        pins.append(WitnessPin(name=name, key=_raw_hex(Path(pub))))
    for i, p in enumerate(pins):
        if any(q.key == p.key for q in pins[:i]):
            raise InputError(f"--witness {p.name!r}: its key is given for another witness already; a witness is its "
                             "key, and one key counted twice would meet a threshold with one cosigner")
    k = len(pins) if witness_threshold is None else witness_threshold
    if k > len(pins):
        raise InputError(f"--witness-threshold {k} is more than the {len(pins)} witness(es) given")
    return LogPin(origin=origin, key=_raw_hex(log_key), witnesses=pins, witness_threshold=k)


def _root_keys(paths: list[Path]) -> list[Any]:
    from ..sign import load_public_key, sslib_key

    return [sslib_key(load_public_key(p)) for p in paths]


def _sign(md: Any, sign_with: list[str]) -> None:
    from ..sign import load_signer
    from ..trust import sign_root

    sign_root(md, [load_signer(k) for k in sign_with])


def _record(db: str | None, root: Any, path: Path) -> None:
    """Record the new root version in the registry's log whenever a registry is in use (--db,
    $CASEGATE_DATABASE_URL or ./.casegate/registry.db): the keyrings it pins, with when each was
    replaced, are keyring changes the log must hold."""
    from ..trust import TRUST_ROOT_EVENT, root_entry
    from ._common import configured_registry

    reg = configured_registry(db)
    if reg is None:
        return
    with reg:
        e = reg.record(TRUST_ROOT_EVENT, None, root_entry(root, path))
    out(f"recorded trust root version {root.version} in the log (entry {e.index}); state proofs are refused "
        "until a checkpoint covers it: sign one with `casegate log checkpoint`")


_BOTH = ("--unlogged and --db together: the one writes a root version no log records, the other records it",
         "drop --unlogged to record the rotation in the registry")


def _rotation_registry(db: str | None, unlogged: bool, version: int, *, location: str | None = None,
                       help: str | None = None) -> bool:
    """Whether a registry is configured to record root version `version` (> 1) in. A rotation
    no log records lets a verifier be handed the version it replaced (signed, unexpired, pinning
    what the new one replaced) with nothing to tell it: refused, before anything is written,
    unless the new version is marked unlogged (`--unlogged`, signed into its pins)."""
    from ._common import configured_registry

    reg = configured_registry(db)
    if reg is not None:
        reg.close()
        return True
    if not unlogged:
        raise InputError(f"no registry is configured to record trust root version {version} in: a rotation no "
                         "log records lets a verifier be handed the version it replaces, still signed and "
                         "unexpired, with nothing to tell it; nothing was written", location=location,
                         help=help or "pass --db URL (or set $CASEGATE_DATABASE_URL) so the log records it, or "
                                      "--unlogged to write a version that says it was never logged (verify "
                                      "consulting a registry refuses it until `casegate trust record` records it)")
    return False


def _write_version(directory: Path, md: Any) -> Path:
    from ..trust import load_trust_root, write_root

    n = int(md.signed.version)
    dest = directory / f"{n}.root.json"
    if dest.exists():
        raise InputError(f"{dest} already exists", help="each root version is written once")
    write_root(md, dest)
    shutil.copyfile(dest, directory / "root.json")
    load_trust_root(directory)  # the chain as a verifier will read it
    return dest


@trust_app.command("init")
def trust_init(
    directory: Annotated[Path, typer.Argument(help="Directory for the root chain (1.root.json, root.json).")],
    root_key: RootKeyOpt = None,
    threshold: Annotated[int, typer.Option("--threshold", help="How many root keys must sign (k of n).")] = 1,
    sign_with: SignWithOpt = [],  # noqa: B006 - typer reads the default
    policy: PolicyOpt = None,
    keyring: Annotated[Path | None, typer.Option("--keyring", help="The keyring to pin.")] = None,
    log_key: Annotated[Path | None, typer.Option("--log-key", help="The log's checkpoint public key (PEM).")] = None,
    origin: Annotated[str | None, typer.Option("--origin", help="The log's checkpoint origin line.")] = None,
    witness: Annotated[list[str] | None, typer.Option("--witness", help="A witness: its verifier key (`casegate witness vkey`), or NAME=PUBLIC_KEY_FILE; repeat.")] = None,
    witness_threshold: Annotated[int | None, typer.Option("--witness-threshold", help="Cosignatures required (default: all witnesses).")] = None,
    max_age: Annotated[str, typer.Option("--max-checkpoint-age", help="Oldest checkpoint a state proof may rest on.")] = "24h",
    expires: Annotated[str, typer.Option("--expires", help="When this version expires: a duration (365d) or a date.")] = "365d",
    note: Annotated[str | None, typer.Option("--note", help="Free text, e.g. 'demo root: not for real use'.")] = None,
    db: DbOpt = None,
    draft: DraftOpt = None,
) -> None:
    """Create version 1 of a trust root, signed by the threshold of its root keys (or, with
    --draft, a proposal for the holders to sign one at a time)."""
    from ..sign import load_keyring
    from ..trust import PinnedKeyring, Pins, load_trust_root, new_root

    if (directory / "1.root.json").exists() and draft is None:
        raise InputError(f"{directory} already holds a trust root", help="use `casegate trust rotate`")
    for what, v in (("--root-key", root_key), ("--policy", policy), ("--keyring", keyring),
                    ("--log-key", log_key), ("--origin", origin)):
        if not v:
            raise InputError(f"{what} is required")
    assert root_key and policy and keyring and log_key and origin
    pins = Pins(policies=_policy_pins(policy, []),
                keyrings=[PinnedKeyring(digest=load_keyring(keyring).fingerprint())],
                log=_log_pin(log_key, origin, witness or [], witness_threshold),
                max_checkpoint_age_seconds=int(_duration(max_age, "--max-checkpoint-age").total_seconds()),
                note=note)
    md = new_root(_root_keys(root_key), threshold, pins, _expiry(expires))
    _sign(md, sign_with)
    if draft is not None:
        _write_draft(md, draft, None)
        return
    _check_signed(md, None)
    dest = _write_version(directory, md)
    root = load_trust_root(directory)
    out(f"wrote {dest} (trust root version 1, {root.threshold} of {len(root.root_keyids)} root keys, "
        f"expires {root.expires.date()})")
    _record(db, root, dest)


def _check_signed(md: Any, previous: Any) -> None:
    from ..errors import VerificationError
    from ..trust import root_problems

    problems = root_problems(md, previous)
    if problems:
        raise VerificationError("the new root version is not signed well enough: " + "; ".join(problems),
                                help="add --sign-with for more root key holders; nothing was written")


@trust_app.command("rotate")
def trust_rotate(
    directory: Annotated[Path, typer.Argument(help="The root chain directory.")],
    sign_with: SignWithOpt = [],  # noqa: B006 - typer reads the default
    root_key: RootKeyOpt = None,
    threshold: Annotated[int | None, typer.Option("--threshold", help="New threshold (default: unchanged).")] = None,
    policy: Annotated[list[str] | None, typer.Option(
        "--policy", help="The policy files (or builtin:NAME) to pin from now on; repeat for several. A "
                         "version of a policy id named here replaces the one pinned before, which stays "
                         "readable for decisions signed before now; approvals made under it stop "
                         "verifying now unless --grace is given.")] = None,
    grace: Annotated[str | None, typer.Option(
        "--grace", help="With --policy: how long approvals made under a version replaced now keep verifying "
                        "(e.g. 30d), for deciding again under the new one; default none.")] = None,
    keyring: Annotated[Path | None, typer.Option("--keyring", help="A new keyring to pin; the old one "
                                                 "stays readable for decisions signed before now.")] = None,
    log_key: Annotated[Path | None, typer.Option("--log-key", help="A new log checkpoint public key.")] = None,
    origin: Annotated[str | None, typer.Option("--origin", help="A new log origin.")] = None,
    max_age: Annotated[str | None, typer.Option("--max-checkpoint-age")] = None,
    expires: Annotated[str, typer.Option("--expires", help="When the new version expires.")] = "365d",
    note: Annotated[str | None, typer.Option("--note")] = None,
    db: DbOpt = None,
    draft: DraftOpt = None,
    unlogged: UnloggedOpt = False,
) -> None:
    """Write version N+1 of the trust root: changed pins (keyring, policies, log) or root keys,
    signed by the threshold of version N and of version N+1, and record it in the registry's log
    (refused with no registry configured, unless --unlogged)."""
    from ..sign import iso, load_keyring, now_utc
    from ..trust import PinnedKeyring, load_trust_root, rotated_root

    current = load_trust_root(directory)
    if unlogged and db:
        raise InputError(_BOTH[0], help=_BOTH[1])
    pins = current.pins
    # the mark is the new version's own: a version written with a registry at hand drops it
    upd: dict[str, Any] = {"unlogged": True if unlogged else None}
    if keyring is not None:
        fp = load_keyring(keyring).fingerprint()
        old = [k if k.until is not None else k.model_copy(update={"until": iso(now_utc())})
               for k in pins.keyrings if k.digest != fp]
        upd["keyrings"] = [*old, PinnedKeyring(digest=fp)]
    if grace is not None and not policy:
        raise InputError("--grace is the time approvals under a replaced policy keep verifying: give it with --policy")
    if policy:
        upd["policies"] = _policy_pins(policy, pins.policies,
                                       _duration(grace, "--grace") if grace is not None else None)
    if log_key is not None or origin is not None:
        upd["log"] = pins.log.model_copy(update={
            "key": _raw_hex(log_key) if log_key else pins.log.key, "origin": origin or pins.log.origin})
    if max_age is not None:
        upd["max_checkpoint_age_seconds"] = int(_duration(max_age, "--max-checkpoint-age").total_seconds())
    if note is not None:
        upd["note"] = note
    new_pins: Pins = pins.model_copy(update=upd)
    md = rotated_root(current.metadata, pins=type(pins).model_validate(new_pins.model_dump()),
                      expires=_expiry(expires), keys=_root_keys(root_key) if root_key else None,
                      threshold=threshold)
    _sign(md, sign_with)
    if draft is not None:
        _write_draft(md, draft, current.metadata.signed)
        return
    _check_signed(md, current.metadata.signed)
    _rotation_registry(db, unlogged, current.version + 1)
    dest = _write_version(directory, md)
    root = load_trust_root(directory)
    out(f"wrote {dest} (trust root version {root.version}, chain of {root.chain} verified)")
    if unlogged:
        _warn_unlogged(root.version)
        return
    _record(db, root, dest)


def _warn_unlogged(version: int) -> None:
    err(f"warning: trust root version {version} is recorded in no log (--unlogged): a verifier handed the "
        "version it replaces cannot tell, except one keeping `verify --seen FILE`; `verify` consulting a "
        f"registry refuses version {version} until `casegate trust record` records it")


def _status(md: Any, previous: Any) -> str:
    from ..trust import root_problems

    problems = root_problems(md, previous)
    have = len(md.signatures)
    if not problems:
        return f"{have} signature(s): the threshold is met"
    return f"{have} signature(s); still short: " + "; ".join(problems)


def _write_draft(md: Any, path: Path, previous: Any) -> None:
    from ..trust import write_root

    if path.exists():
        raise InputError(f"{path} already exists", help="a draft is written once; sign it with `casegate trust sign`")
    write_root(md, path)
    out(f"wrote the draft of trust root version {md.signed.version} to {path}: {_status(md, previous)}")
    out(f"next: each root key holder runs `casegate trust sign {path} --key THEIR_KEY`"
        + (" --chain DIR" if previous is not None else "") + ", then `casegate trust publish DIR "
        f"{path}`")


def _previous(md: Any, chain: Path | None) -> Any:
    """The version before `md` from the chain directory (None for version 1)."""
    from ..trust import load_trust_root

    if int(md.signed.version) == 1:
        return None
    if chain is None:
        raise InputError(f"version {md.signed.version} is a rotation: pass --chain DIR (the chain it extends)",
                         help="the holders of the previous version's root keys must sign it too")
    current = load_trust_root(chain)
    if current.version != int(md.signed.version) - 1:
        raise InputError(f"the chain in {chain} is at version {current.version}; the draft is version "
                         f"{md.signed.version}", help="a draft extends the newest version of the chain")
    return current.metadata.signed


@trust_app.command("sign")
def trust_sign(
    draft: Annotated[Path, typer.Argument(help="A draft root version (`trust init|rotate --draft FILE`).")],
    key: Annotated[str, typer.Option("--key", help="Your root key (private key file or signer URI).")],
    chain: Annotated[Path | None, typer.Option("--chain", help="The chain directory a rotation extends.")] = None,
) -> None:
    """Add one root key holder's signature to a draft root version (holders sign one at a time,
    each on their own machine). Refused: a key that is not a root key of this version (or, for a
    rotation, of the previous one), and a key that already signed."""
    from ..sign import load_signer
    from ..trust import load_draft, sign_root, write_root

    md = load_draft(draft)
    previous = _previous(md, chain)
    signer = load_signer(key)
    kid = signer.public_key.keyid
    allowed = set(md.signed.roles["root"].keyids) | (set(previous.roles["root"].keyids) if previous else set())
    if kid not in allowed:
        raise InputError(f"key {kid[:16]}... is not a root key of version {md.signed.version}"
                         + (" or of the version before it" if previous is not None else ""),
                         location=str(draft), help="only the root key holders sign a root version")
    if kid in md.signatures:
        raise InputError(f"key {kid[:16]}... has already signed this draft", location=str(draft))
    sign_root(md, [signer])
    write_root(md, draft)
    out(f"signed {draft} with root key {kid[:16]}...: {_status(md, previous)}")


@trust_app.command("publish")
def trust_publish(
    directory: Annotated[Path, typer.Argument(help="The root chain directory.")],
    draft: Annotated[Path, typer.Argument(help="The draft root version, signed by the holders.")],
    db: DbOpt = None,
) -> None:
    """Add a draft root version to the chain once it is signed by the threshold of its own root
    keys (and, for a rotation, of the version before it). Exit 1, writing nothing, when short."""
    from ..trust import PINS_FIELD, load_draft, load_trust_root

    md = load_draft(draft)
    previous = _previous(md, directory if int(md.signed.version) > 1 else None)
    if int(md.signed.version) == 1 and (directory / "1.root.json").exists():
        raise InputError(f"{directory} already holds a trust root", help="a rotation is version N+1")
    _check_signed(md, previous)
    pins = (md.signed.unrecognized_fields or {}).get(PINS_FIELD)
    marked = isinstance(pins, dict) and pins.get("unlogged") is True
    recorded = True
    if int(md.signed.version) > 1:
        recorded = _rotation_registry(
            db, marked, int(md.signed.version), location=str(draft),
            help="pass --db URL (or set $CASEGATE_DATABASE_URL) so the log records it; a version meant to be "
                 "written with no log is drafted with `casegate trust rotate --draft FILE --unlogged`, which "
                 "the root key holders sign")
    dest = _write_version(directory, md)
    root = load_trust_root(directory)
    out(f"wrote {dest} (trust root version {root.version}, chain of {root.chain} verified)")
    if int(md.signed.version) > 1 and not recorded:
        _warn_unlogged(root.version)
        return
    _record(db, root, dest)


@trust_app.command("record")
def trust_record(
    directory: Annotated[Path, typer.Argument(help="The root chain directory.")],
    db: DbOpt = None,
) -> None:
    """Record the chain's newest root version in the registry's log: for a version written with
    `trust rotate --unlogged` (or `trust init` with no registry at hand). Refused when the log
    already records it, a newer version, or another root under its number."""
    from ..trust import TRUST_ROOT_EVENT, load_trust_root
    from ._common import required_registry

    root = load_trust_root(directory)
    reg = required_registry(db, f"trust root version {root.version} cannot be recorded")
    with reg:
        logged = [e for e in reg.events(kind=TRUST_ROOT_EVENT) if type(e.payload.get("version")) is int]
    newer = [e for e in logged if e.payload["version"] > root.version]
    if newer:
        raise InputError(f"the log records trust root version {newer[-1].payload['version']} (entry "
                         f"{newer[-1].index}), newer than version {root.version} in {directory}",
                         help="record only the chain's newest version; use the current chain directory")
    for e in logged:
        if e.payload["version"] == root.version:
            if e.payload.get("digest") == root.digest():
                raise InputError(f"the log records trust root version {root.version} already (entry {e.index})")
            raise InputError(f"the log records another root as version {root.version} (entry {e.index}, "
                             f"{str(e.payload.get('digest'))[:80]}), not {root.digest()}",
                             help="a root under the same version number as the one the log records is never "
                                  "trusted: rotate to a new version instead")
    dest = directory / f"{root.version}.root.json" if directory.is_dir() else directory
    _record(db, root, dest)


@trust_app.command("show")
def trust_show(
    path: Annotated[Path, typer.Argument(help="The root chain directory or a root file.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Verify the trust root and print what it pins."""
    from ..trust import describe, load_trust_root

    root = load_trust_root(path)
    d = describe(root)
    if as_json:
        out(json.dumps(d, indent=2))
        return
    p = root.pins
    out(f"trust root version {root.version} ({d['digest']}), expires {d['expires']}")
    out(f"  root keys: {root.threshold} of {len(root.root_keyids)}: "
        + ", ".join(k[:16] + "..." for k in root.root_keyids))
    for pol in p.policies:
        out(f"  policy {pol.id} version {pol.version}  sha256 {pol.sha256[:16]}..."
            + (f"  (replaced {pol.until}: approvals under it verify "
               + (f"until {pol.approvals_until})" if pol.approvals_until else "no longer from then)")
               if pol.until else ""))
    for k in p.keyrings:
        out(f"  keyring {k.digest}" + (f"  (replaced {k.until}: old decisions only)" if k.until else "  (current)"))
    out(f"  log {p.log.origin}  key {p.log.key[:16]}...  witnesses {len(p.log.witnesses)} "
        f"(need {p.log.witness_threshold})")
    out(f"  checkpoints must be younger than {p.max_checkpoint_age_seconds} s")
    if p.note:
        out(f"  note: {p.note}")


@app.command("state-proof")
def state_proof(
    case_id: Annotated[str, typer.Argument(help="The case id.")],
    dest: Annotated[Path, typer.Option("--out", help="Where to write the proof (JSON).")],
    db: Annotated[str | None, typer.Option("--db", help="Registry URL (default $CASEGATE_DATABASE_URL).")] = None,
    tiles: Annotated[str | None, typer.Option("--tiles", help="Build the proof from the log's tiles alone (an http(s) prefix, s3://BUCKET/PREFIX or a directory) instead of the registry.")] = None,
    vkey: Annotated[str | None, typer.Option("--vkey", help="With --tiles: the log's key (note verifier key or PEM public key).")] = None,
    trust_root: Annotated[Path | None, typer.Option("--trust-root", help="With --tiles: take the log's origin and key from this trust root (default $CASEGATE_TRUST_ROOT).")] = None,
    endpoint_url: Annotated[str | None, typer.Option("--endpoint-url", help="S3-compatible endpoint for s3:// tiles.")] = None,
    token: Annotated[str | None, typer.Option("--token", envvar="CASEGATE_BOARD_TOKEN", help="With --tiles at a review board: a board token (default $CASEGATE_BOARD_TOKEN); the board serves the entry bundles only to its token holders.")] = None,
    keyring: Annotated[Path | None, typer.Option(
        "--keyring", envvar="CASEGATE_KEYRING",
        help="Keyring the case's triggers are evaluated with, as `triggers run` does (default "
             "$CASEGATE_KEYRING): signed confirmations of conditions and signed telemetry count only "
             "against it.")] = None,
    since: Annotated[list[int] | None, typer.Option(
        "--since", help="Also carry the RFC 9162 consistency proof from the log's tree of this size to the "
                        "proof's (repeatable): what `verify --seen` needs when the checkpoint it kept is older "
                        "than the case's first entry (its refusal names the size).")] = None,
) -> None:
    """Write the proof of the case's current state (every log entry from the case's first to the
    latest signed checkpoint, so none of the case's can be left out) for an offline
    `verify --state-proof`. Exit 1, writing nothing, when the registry
    cannot vouch for the state (no checkpoint, unknown case, entries newer than the checkpoint,
    a state column that differs from the log), or when one of the case's own triggers fires by
    the checkpoint and no `triggers run` has applied it. With --tiles the registry is not consulted: the
    checkpoint's signature is checked with the key you give, every entry bundle is read and must
    rebuild the checkpoint's root, and the proof's first entry is proven from the tiles (the
    entry bundles are not public: a board's with --token, or the copy `log tiles --entries-out`
    wrote). The proof carries the other cases' entries in that range whole: it discloses them."""
    from ..errors import InputError

    if tiles is not None:
        if db is not None:
            raise InputError("--tiles and --db are two sources of the same proof: give one")
        from ..ledger import open_tiles, state_proof_from_tiles
        from ._tiles import _trust, log_key

        root = None if vkey is not None and trust_root is None else _trust(trust_root)
        key, origin, _source = log_key(vkey, root)
        log = open_tiles(tiles, endpoint_url=endpoint_url, token=token)
        from ..monitor._logwatch import owed_in_log

        cp = log.checkpoint(key, origin)
        scanned = list(log.scan(cp))
        proof = state_proof_from_tiles(log, cp, case_id, scanned)
        if since:
            from ..store import carry_consistency, leaf_of, merkle

            nodes = merkle.build_nodes([leaf_of(e) for e in scanned])
            carry_consistency(proof, since, lambda old, new: merkle.resolve(merkle.consistency_spec(old, new), nodes))
        # the tiles are the whole log: a follow-up the registry owes the case is seen from them
        problems: list[str] = owed_in_log(scanned, case_id)
    else:
        from ..monitor import owed_reasons, proof_triggers_owed
        from ..store import open_registry

        ring = None
        if keyring is not None:
            from ..sign import load_keyring

            ring = load_keyring(keyring)
        with open_registry(db, readonly=True) as reg:
            got, problems = reg.state_proof(case_id)
            problems += owed_reasons(reg, case_id)
            if not problems and got is not None:
                # a move the case's own triggers owe it by the checkpoint is not in the state the proof shows
                problems += proof_triggers_owed(reg, case_id, got, ring)
                if since:
                    from ..store import carry_consistency

                    carry_consistency(got, since, lambda old, new: reg.prove_consistency(old, new).path)
        proof = got  # type: ignore[assignment]
    if problems or proof is None:
        err(f"no state proof for {case_id}: {len(problems)} reason{'s' if len(problems) != 1 else ''}")
        for r in problems:
            err(f"  - {r}")
        fail(1)
    assert proof is not None
    from ..limits import check_proof_bytes

    text = (json.dumps(proof, indent=1) + "\n").encode()
    # a proof `verify --state-proof` would refuse for its size is not written
    check_proof_bytes(len(text), location=f"the state proof of {case_id}")
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_bytes(text)
    mine = sum(1 for e in proof["entries"] if e["case_id"] == case_id)
    out(f"wrote {dest}: log entries {proof['first']}.. ({len(proof['entries'])}, {mine} of {case_id}) under "
        f"the checkpoint at size {proof['checkpoint'].splitlines()[1]}" + (f" (from the tiles at {tiles})" if tiles else ""))
