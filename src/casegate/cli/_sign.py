"""`casegate keys ...`, `casegate sign`, `casegate object`, `casegate waive`, `casegate decide`,
`casegate verify`."""

from __future__ import annotations

import getpass
import json
import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Literal

import typer

from ..errors import InputError
from . import app
from ._common import err, fail, log_keyring_change, out, parse_date

keys_app = typer.Typer(help="Signing keys and keyrings.", no_args_is_help=True)
app.add_typer(keys_app, name="keys")

KEYRING_ENV = "CASEGATE_KEYRING"
BOARD_TOKEN_ENV = "CASEGATE_BOARD_TOKEN"
DEMONSTRATION_EXIT = 5
"""`verify`'s exit code for a demonstration: not verified, because the answer rests on casegate's
published example keys, and nothing else stands against it (4 is an illegal state change)."""

KeyringOpt = Annotated[Path | None, typer.Option("--keyring", help=f"Keyring file (default ${KEYRING_ENV}).")]
KeyOpt = Annotated[str, typer.Option("--key", help="Private key file, or a securesystemslib signer URI (with --keyid).")]
KeyidOpt = Annotated[str | None, typer.Option("--keyid", help="Key id in the keyring, for a signer URI.")]
PassEnvOpt = Annotated[str | None, typer.Option("--passphrase-env",
                                                help="Environment variable holding the key's passphrase "
                                                     "(default $CASEGATE_KEY_PASSPHRASE, else a prompt).")]


LogDbOpt = Annotated[str | None, typer.Option(
    "--db", help="Registry whose log records the change (default $CASEGATE_DATABASE_URL, else "
                 "./.casegate/registry.db when it exists; the change is logged whenever a registry is in use).")]


class OutFormat(StrEnum):
    text = "text"
    json = "json"


def _keyring_path(path: Path | None) -> Path:
    if path is not None:
        return path
    env = os.environ.get(KEYRING_ENV)
    if env:
        return Path(env)
    raise InputError("no keyring given", help=f"pass --keyring FILE or set ${KEYRING_ENV}")


def _signer(key: str, keyid: str | None, keyring: object, passphrase_env: str | None):  # type: ignore[no-untyped-def]
    from ..sign import Keyring, load_signer

    assert isinstance(keyring, Keyring)
    pub = None
    if keyid:
        entry = next((k for k in keyring.keys if k.keyid.startswith(keyid)), None)
        if entry is None:
            raise InputError(f"no key {keyid!r} in the keyring")
        pub = entry.sslib_key()
    return load_signer(key, public_key=pub, passphrase_env=passphrase_env)


def keyring_signer(keyring: Path | None, key: str, keyid: str | None, passphrase_env: str | None):  # type: ignore[no-untyped-def]
    """The keyring (--keyring or $CASEGATE_KEYRING) and the signer for --key (--keyid picks its
    public key from that keyring)."""
    from ..sign import load_keyring

    ring = load_keyring(_keyring_path(keyring))
    return ring, _signer(key, keyid, ring, passphrase_env)


def _instant(value: str | None):  # type: ignore[no-untyped-def]
    from ..sign import now_utc, parse_instant

    if value is None:
        return now_utc()
    t = parse_instant(value)
    # a bare date means the end of that day: "is this valid on that day"
    return parse_instant(value, end_of_day=True) if len(value.strip()) <= 10 else t


# --------------------------------------------------------------------------- keys


@keys_app.command("generate")
def keys_generate(
    path: Annotated[Path, typer.Argument(help="Private key file to write (the public key goes to PATH.pub).")],
    passphrase_env: Annotated[str | None, typer.Option("--passphrase-env",
                              help="Encrypt with the passphrase in this environment variable.")] = None,
    prompt: Annotated[bool, typer.Option("--prompt", help="Encrypt with a passphrase typed twice.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing key file.")] = False,
) -> None:
    """Generate an Ed25519 signing key (private key file mode 0600) and print its key id."""
    from ..sign import generate_key

    passphrase = None
    if passphrase_env:
        passphrase = os.environ.get(passphrase_env)
        if not passphrase:
            raise InputError(f"${passphrase_env} is not set or empty")
    elif prompt:
        passphrase = getpass.getpass("passphrase: ")
        if passphrase != getpass.getpass("again: "):
            raise InputError("the passphrases differ")
        if not passphrase:
            raise InputError("empty passphrase", help="omit --prompt for an unencrypted key")
    g = generate_key(path, passphrase=passphrase, force=force)
    out(f"keyid {g.keyid}")
    out(f"wrote {g.private_path} (private, mode 0600{', encrypted' if g.encrypted else ''})")
    out(f"wrote {g.public_path} (public)")
    out(f"next: a keyring owner runs `casegate keys add KEYRING --public {g.public_path} --person NAME --role ROLE`")


@keys_app.command("id")
def keys_id(path: Annotated[Path, typer.Argument(help="A public (.pub) or private key file.")]) -> None:
    """Print the casegate key id of a key file (hex SHA-256 of its DER public key)."""
    from ..limits import read_regular_file
    from ..sign import key_id, load_private_key, load_public_key

    text = read_regular_file(path, str(path)) if path.exists() else b""
    pub = load_private_key(path).public_key() if b"PRIVATE KEY" in text else load_public_key(path)
    out(key_id(pub))


@keys_app.command("add")
def keys_add(
    keyring: Annotated[Path, typer.Argument(help="Keyring file (created when missing).")],
    public: Annotated[Path, typer.Option("--public", help="The key's .pub file.")],
    person: Annotated[str, typer.Option("--person", help="Who holds the key.")],
    role: Annotated[list[str], typer.Option("--role", help="A role the person signs in (repeat for several).")],
    valid_from: Annotated[str, typer.Option("--from", help="First day the key counts (YYYY-MM-DD).")],
    until: Annotated[str, typer.Option("--until", help="Last day the key counts (YYYY-MM-DD).")],
    name: Annotated[str, typer.Option("--name", help="Name of a new keyring.")] = "casegate keyring",
    note: Annotated[str | None, typer.Option("--note", help="Free text about the key.")] = None,
    identity: Annotated[str | None, typer.Option("--identity", help="Identity id to add the key to, or "
                                                 "to create (default: the identity with this name, or a new "
                                                 "one named after the person).")] = None,
    organisation: Annotated[str | None, typer.Option("--organisation", help="The person's organisation.")] = None,
    db: LogDbOpt = None,
) -> None:
    """Trust a public key for a person (an identity) and their roles over a validity period.

    A second key for the same person goes to their existing identity, under their exact name;
    a look-alike of another identity's name (case, width, invisible characters, homoglyphs) is
    refused. Under a trust root, the changed keyring counts only once the root threshold pins it.
    """
    from ..sign import add_key, load_keyring, load_public_key, new_keyring, save_keyring, sslib_key

    ring = load_keyring(keyring) if keyring.exists() else new_keyring(name)
    before = ring.fingerprint() if keyring.exists() else None
    k = sslib_key(load_public_key(public))
    ring = add_key(ring, k, person=person, roles=role, valid_from=valid_from, valid_until=until, note=note,
                   identity=identity, organisation=organisation)
    save_keyring(ring, keyring)
    entry = ring.get(k.keyid)
    assert entry is not None
    out(f"added {k.keyid} for {person} (identity {entry.identity}; {', '.join(role)}) to {keyring}")
    log_keyring_change(db, "add-key", keyring, before, ring, keyid=k.keyid, identity=entry.identity,
                       person=person, roles=sorted(role), valid_from=valid_from, valid_until=until)


@keys_app.command("migrate")
def keys_migrate(keyring: Annotated[Path, typer.Argument(help="Keyring file (version 1) to rewrite as version 2.")]) -> None:
    """Rewrite a version 1 keyring (keys naming their person) as version 2 (identities with keys).

    Each distinct name becomes one identity; names that are the same person's by casegate's
    comparison are refused, as they are whenever the keyring is read.
    """
    from ..load import parse_yaml
    from ..sign import KEYRING_VERSION, load_keyring, save_keyring

    ring = load_keyring(keyring)
    try:
        was = parse_yaml(str(keyring), keyring.read_bytes()).data.get("casegate")
    except AttributeError:
        was = None
    if was == KEYRING_VERSION:
        out(f"{keyring} is already keyring version {KEYRING_VERSION}")
        return
    save_keyring(ring, keyring)
    out(f"rewrote {keyring} as keyring version {KEYRING_VERSION}: {len(ring.identities)} identities, "
        f"{len(ring.keys)} keys; fingerprint {ring.fingerprint()}")


@keys_app.command("revoke")
def keys_revoke(
    keyring: Annotated[Path, typer.Argument(help="Keyring file.")],
    keyid: Annotated[str, typer.Argument(help="Key id (or a unique prefix).")],
    reason: Annotated[str, typer.Option("--reason", help="Why the key is revoked.")],
    at: Annotated[str | None, typer.Option("--at", help="Revoked from (date or date-time; default now).")] = None,
    retired: Annotated[bool, typer.Option("--retired", help="The key was retired in a rotation, not "
                                          "compromised: signatures logged while it was valid keep counting.")] = False,
    db: LogDbOpt = None,
) -> None:
    """Revoke a key. Compromised (the default): no signature by it counts unless the log shows it
    was recorded before the compromise date `--at`; without `--at` the date is unknown and every
    signature it ever made is refused. Retired (`--retired`, from `--at`, default now):
    signatures logged before then keep counting, later ones never do. The change is recorded in
    the registry's log whenever a registry is in use."""
    from ..sign import iso, load_keyring, now_utc, revoke_key, save_keyring

    ring = load_keyring(keyring)
    before = ring.fingerprint()
    match = [k for k in ring.keys if k.keyid.startswith(keyid)]
    when = at
    if when is None:
        # a compromise with no known date: from the key's first day, so nothing it signed counts
        when = match[0].valid_from if len(match) == 1 and not retired else iso(now_utc())
    ring = revoke_key(ring, keyid, at=when, reason=reason, kind="retired" if retired else "compromised")
    save_keyring(ring, keyring)
    what = "retired" if retired else "compromised"
    out(f"revoked {keyid} in {keyring} ({what} from {when})")
    if not retired and at is None:
        out("no compromise date given: every signature this key ever made is refused")
    target = next(k for k in ring.keys if k.keyid.startswith(keyid))
    log_keyring_change(db, "revoke-key", keyring, before, ring, keyid=target.keyid, identity=target.identity,
                       kind=what, at=when, reason=reason)


@keys_app.command("show")
def keys_show(
    keyring: Annotated[Path, typer.Argument(help="Keyring file.")],
    at: Annotated[str | None, typer.Option("--at", help="Show each key's status at this time.")] = None,
    format: Annotated[OutFormat, typer.Option("--format", "-f")] = OutFormat.text,
) -> None:
    """List the keyring's keys: who holds each, roles, validity, and status at a time."""
    from ..sign import load_keyring

    ring = load_keyring(keyring)
    t = _instant(at)
    rows = [{"keyid": k.keyid, "person": k.person, "identity": k.identity, "organisation": k.organisation,
             "roles": k.roles, "valid_from": k.valid_from,
             "valid_until": k.valid_until, "revoked": k.revoked.model_dump() if k.revoked else None,
             "status": "; ".join(k.problems_at(t)) or "valid"} for k in ring.keys]
    if format is OutFormat.json:
        out(json.dumps({"name": ring.name, "fingerprint": ring.fingerprint(), "keys": rows}, indent=2))
        return
    out(f"{ring.name}  {ring.fingerprint()}")
    for k in ring.keys:
        out(f"{k.keyid[:16]}  {k.identity:<18} {k.person:<20} {','.join(k.roles):<24} "
            f"{k.valid_from}..{k.valid_until}  {'; '.join(k.problems_at(t)) or 'valid'}")


# --------------------------------------------------------------------------- sign / object / waive


@app.command()
def sign(
    case: Annotated[Path, typer.Argument(help="The case's main YAML file.")],
    role: Annotated[str, typer.Option("--role", help="The role you sign in.")],
    key: KeyOpt,
    keyring: KeyringOpt = None,
    keyid: KeyidOpt = None,
    passphrase_env: PassEnvOpt = None,
    comment: Annotated[str | None, typer.Option("--comment", help="A note signed with the sign-off.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace your earlier sign-off in this role.")] = False,
) -> None:
    """Sign off the case in a role: write a DSSE envelope next to the case and reference it.
    Signing again in the same role needs --force (the earlier envelope is replaced)."""
    from ..load import load_case
    from ..sign import sign_case

    ring, signer = keyring_signer(keyring, key, keyid, passphrase_env)
    r = sign_case(load_case(case), role, signer, ring, comment=comment,
                  replace=force)
    out(f"signed off {case} as {role} ({r.key.person}, key {r.key.keyid[:16]}...)")
    out(f"wrote {r.path}; recorded as envelope: {r.ref}")


@app.command("object")
def object_(
    case: Annotated[Path, typer.Argument(help="The case's main YAML file.")],
    role: Annotated[str, typer.Option("--role", help="The role you object in.")],
    key: KeyOpt,
    reason: Annotated[str, typer.Option("--reason", help="The objection.")],
    keyring: KeyringOpt = None,
    keyid: KeyidOpt = None,
    passphrase_env: PassEnvOpt = None,
) -> None:
    """Record a signed objection; it stays open (and blocks or escalates) until answered."""
    from ..load import load_case
    from ..sign import object_to_case

    ring, signer = keyring_signer(keyring, key, keyid, passphrase_env)
    oid, r = object_to_case(load_case(case), role, signer, ring, reason)
    out(f"objection {oid} by {r.key.person} ({role}) recorded in {case}; wrote {r.path}")


@app.command()
def waive(
    case: Annotated[Path, typer.Argument(help="The case's main YAML file.")],
    finding: Annotated[str, typer.Argument(help="Rule code of the finding to waive, e.g. CG702.")],
    role: Annotated[str, typer.Option("--role", help="The role you waive in (the policy says which may).")],
    key: KeyOpt,
    reason: Annotated[str, typer.Option("--reason", help="Why.")],
    until: Annotated[str, typer.Option("--until", help="Last day the waiver holds (YYYY-MM-DD).")],
    path: Annotated[str | None, typer.Option("--path", help="Only the finding at this element, "
                                                            "e.g. post_deployment/reevaluate_by.")] = None,
    keyring: KeyringOpt = None,
    keyid: KeyidOpt = None,
    passphrase_env: PassEnvOpt = None,
) -> None:
    """Waive a finding with a signed, dated waiver. It stays visible everywhere and lapses on its date."""
    from ..load import load_case
    from ..sign import load_keyring, waive_finding

    ring = load_keyring(_keyring_path(keyring))
    d = parse_date(until, "--until")
    assert d is not None
    parts: tuple[str | int, ...] = tuple(int(p) if p.isdigit() else p for p in path.split("/")) if path else ()
    r = waive_finding(load_case(case), finding, role, _signer(key, keyid, ring, passphrase_env), ring, reason, d,
                      path=parts)
    out(f"waived {finding.upper()} until {d} as {role} ({r.key.person}); wrote {r.path}")


# --------------------------------------------------------------------------- decide / verify


@app.command()
def decide(
    case: Annotated[Path, typer.Argument(help="The case's main YAML file.")],
    key: KeyOpt,
    role: Annotated[str, typer.Option("--role", help="The role you sign the decision in.")],
    keyring: KeyringOpt = None,
    keyid: KeyidOpt = None,
    passphrase_env: PassEnvOpt = None,
    bundle: Annotated[Path | None, typer.Option("--out", help="Bundle file (default: decision.bundle.json next to the case).")] = None,
    at: Annotated[str | None, typer.Option("--at", help="Decide as of this date (YYYY-MM-DD); default today.")] = None,
    db: Annotated[str | None, typer.Option(
        "--db", help="Registry whose previous and last approved versions the gate compares with "
                     "(default: $CASEGATE_DATABASE_URL or ./.casegate/registry.db when it exists).")] = None,
) -> None:
    """Check the sign-offs, run the gate, and write the signed decision bundle.

    Exit 0 for GO or GO WITH CONDITIONS, 1 for NO-GO (the bundle is written either way) or when
    the required sign-offs are not all present and valid (nothing is written).
    """
    from ..load import load_case
    from ..sign import load_keyring
    from ..verify import decide_case, write_bundle

    ring = load_keyring(_keyring_path(keyring))
    loaded = load_case(case)
    today = parse_date(at)
    when = _instant(at) if at else None
    from ._common import fetch_comparison

    comparison = fetch_comparison(loaded, db, ring)
    record, b = decide_case(loaded, _signer(key, keyid, ring, passphrase_env), role, ring, today=today, at=when,
                            comparison=comparison)
    dest = bundle or case.parent / "decision.bundle.json"
    write_bundle(b, dest)
    out(f"{record.case_id} {record.case_version} -> {record.boundary.value if record.boundary else '?'}: "
        f"{record.outcome}")
    for c in record.conditions:
        due = f" (due {c.due})" if c.due else ""
        if c.finding:
            out(f"  condition {c.id}{due}: {c.finding}" + (f"\n    fix: {c.fix}" if c.fix else ""))
        else:
            out(f"  condition {c.id}: {c.text}{due}")
    if record.outcome == "NO-GO" and record.narrower:
        out(f"  the evidence supports {record.narrower.value}")
    out(f"wrote {dest}")
    boundary = loaded.case.boundary if loaded.case is not None else None
    scope = boundary.scope if boundary is not None else None
    out(f"next: casegate verify --bundle {dest} --model-digest {record.digests.model[0] if record.digests.model else 'sha256:...'} "
        f"--boundary {record.boundary.value if record.boundary else 'KIND'} --keyring KEYRING"
        + (f" --access {scope.access}" if scope is not None and scope.access else ""))
    fail(0 if record.outcome in ("GO", "GO WITH CONDITIONS") else 1)


def _proof_source(db: str | None, state_proof: Path | None, registry_url: str | None,  # type: ignore[no-untyped-def]
                  nonce: str | None = None):
    """Where the case's state proof comes from, and the registry to close afterwards: a proof
    file (offline), the review board's API, or the registry itself opened read-only. Only one may
    be given: with two, the one not read would look checked (a state proof taken before a
    reopening beside a --db that shows it)."""
    given = [flag for flag, v in (("--state-proof", state_proof), ("--registry-url", registry_url), ("--db", db))
             if v is not None]
    if len(given) > 1:
        raise InputError(f"{' and '.join(given)} are sources of the same thing, the case's state: give one",
                         help="--db (or --registry-url) for the registry's state now; --state-proof for an offline check")
    if state_proof is not None:
        from ..limits import proof_byte_limit, read_json_document

        doc = read_json_document(state_proof, "the state proof", limit=proof_byte_limit(),
                                 missing_help="`casegate state-proof CASE --out FILE` writes it")
        return (lambda _case: (doc, [])), None
    if registry_url is not None:
        return (lambda case: _fetch_proof(registry_url, case, nonce)), None
    url = db or os.environ.get("CASEGATE_DATABASE_URL")
    if url is None:
        default = Path.cwd() / ".casegate" / "registry.db"
        if not default.exists():
            return None, None
        url = f"sqlite:///{default}"
    from ..store import open_registry

    reg = open_registry(url, readonly=True)
    return reg.state_proof, reg


def _consistency_source(reg: Any, registry_url: str | None):  # type: ignore[no-untyped-def]
    """Where `verify --seen` gets the consistency proof from the checkpoint it kept to a newer
    one: the registry (--db) computes it, the review board serves it (`/api/v1/log/consistency`);
    a proof file has none (None)."""
    if reg is not None:
        return lambda old, new: reg.prove_consistency(old, new).path
    if registry_url is not None:
        return lambda old, new: _fetch_consistency(registry_url, old, new)
    return None


BOARD_DEADLINE = 60.0
"""Seconds `verify` waits for the review board's whole answer, headers and body (each read waits
at most `BOARD_READ_TIMEOUT` within it): a board that sends a byte now and then never holds a
deploy."""
BOARD_READ_TIMEOUT = 30.0


def _board_json(url: str, limit: str = "json_bytes") -> Any:
    """GET `url` from the review board (with the reader token in $CASEGATE_BOARD_TOKEN, if set) and
    read its JSON answer: all of it (headers included) within `BOARD_DEADLINE` seconds, no more
    bytes than the `json-bytes` limit (or `limit`: `proof-bytes` for a state proof), and as strict JSON (no key twice, no NaN, nesting within the
    `depth` limit), as a state proof file is read. urllib's errors pass to the caller; an answer
    past the deadline or the limit, or not strict JSON, is a StoreError naming the board."""
    import threading

    from ..errors import StoreError
    from ..limits import strict_json

    shown = url.split("?", 1)[0]
    done: list[Any] = []
    # the whole exchange runs in a thread the deadline abandons: a socket timeout bounds each read,
    # not a board that sends a byte of its headers or body now and then
    fetch = threading.Thread(target=_board_fetch, args=(url, shown, done, limit), daemon=True)
    fetch.start()
    fetch.join(BOARD_DEADLINE)
    if not done:
        raise StoreError(f"the review board at {shown} did not answer within {BOARD_DEADLINE:g} s",
                         help="verify never passes without the case's state: check the board, or pass "
                              "--state-proof FILE")
    if isinstance(done[0], BaseException):
        raise done[0]
    try:
        return strict_json(done[0], shown)
    except InputError as e:
        raise StoreError(f"the review board at {shown} answered something casegate does not read: {e.message}",
                         help="verify never passes without the case's state: check the board, or pass "
                              "--state-proof FILE") from None


def _board_fetch(url: str, shown: str, done: list[Any], limit_name: str = "json_bytes") -> None:
    """`_board_json`'s exchange: appends the answer's bytes (at most the `limit_name` limit) or the
    exception met to `done`."""
    import urllib.error
    import urllib.request

    from ..errors import StoreError
    from ..limits import current_limits

    req = urllib.request.Request(url)
    token = os.environ.get(BOARD_TOKEN_ENV)
    if token:
        req.add_header("Authorization", f"Bearer {token}")
    try:
        # a state proof is held to the smaller of its own limit and every JSON answer's
        lims = current_limits()
        limit_name = min({limit_name, "json_bytes"}, key=lambda n: (getattr(lims, n), n != "json_bytes"))
        limit = getattr(lims, limit_name)
        with urllib.request.urlopen(req, timeout=BOARD_READ_TIMEOUT) as r:  # noqa: S310 - the deployer names the board
            raw = r.read(limit + 1)
        if len(raw) > limit:
            named = limit_name.replace("_", "-")
            raise StoreError(f"the review board at {shown} answered more than the {named} limit ({limit:,} "
                             "bytes)", help="a state proof is far smaller: check the board (raise the limit with "
                                            f"CASEGATE_LIMIT_{limit_name.upper()}=N if it is trusted)")
        done.append(raw)
    except urllib.error.HTTPError as e:
        # what the caller reads of an error answer is bounded too
        body = e.read(64 * 1024) if e.fp is not None else b""
        e.read = lambda *_a, _b=body: _b  # type: ignore[method-assign]
        done.append(e)
    except BaseException as e:  # noqa: BLE001 - handed to the caller's thread, which raises it
        done.append(e)


def _fetch_consistency(base: str, old: int, new: int) -> list[bytes]:
    """GET <board>/api/v1/log/consistency?old=&new=: the proof's path (StoreError when the board
    cannot be reached or does not answer with one)."""
    import urllib.error
    import urllib.parse
    import urllib.request

    from ..errors import StoreError

    url = f"{base.rstrip('/')}/api/v1/log/consistency?" + urllib.parse.urlencode({"old": old, "new": new})
    try:
        doc = _board_json(url)
        return [bytes.fromhex(h) for h in doc["path"]]
    except urllib.error.HTTPError as e:
        raise StoreError(f"the review board at {base} answered {e.code} for a consistency proof from size {old} "
                         f"to size {new}") from None
    except (urllib.error.URLError, OSError, ValueError, KeyError, TypeError) as e:
        raise StoreError(f"cannot read a consistency proof from the review board at {base}: "
                         f"{getattr(e, 'reason', e)}") from None


def _fetch_proof(base: str, case_id: str, nonce: str | None = None):  # type: ignore[no-untyped-def]
    """GET <board>/api/v1/cases/<case>/state-proof (with `?nonce=`, which the board signs into its
    answer); StoreError (exit 3) when the board cannot be reached."""
    import urllib.error
    import urllib.parse
    import urllib.request

    from ..errors import StoreError

    url = f"{base.rstrip('/')}/api/v1/cases/{urllib.parse.quote(case_id, safe='')}/state-proof"
    if nonce is not None:
        url += "?" + urllib.parse.urlencode({"nonce": nonce})
    try:
        from ..limits import proof_byte_limit

        doc = _board_json(url, proof_byte_limit())
    except urllib.error.HTTPError as e:
        try:
            detail = json.loads(e.read()).get("detail")
        except Exception:  # noqa: BLE001
            detail = None
        if e.code == 404:
            return None, [f"the review board has no case {case_id}"]
        if e.code == 401:
            raise StoreError(f"the review board at {base} wants a token for the state proof",
                             help=f"set ${BOARD_TOKEN_ENV} to a reader token") from None
        if e.code == 403:
            raise StoreError(f"the review board at {base} refused the state proof: {str(detail)[:400]}",
                             help=f"set ${BOARD_TOKEN_ENV} to a token whose ceiling covers the case (the proof "
                                  "carries its log entries whole), or pass --state-proof FILE") from None
        if e.code == 409 and isinstance(detail, dict):
            return None, [str(x) for x in detail.get("reasons", [])] or [str(detail)]
        raise StoreError(f"the review board at {base} answered {e.code} for the state proof") from None
    except (urllib.error.URLError, OSError, ValueError) as e:
        raise StoreError(f"cannot reach the review board at {base}: {getattr(e, 'reason', e)}",
                         help="check --registry-url; verify never passes without the case's state") from None
    return doc, []


@app.command()
def verify(
    bundle: Annotated[Path, typer.Option("--bundle", help="The decision bundle.")],
    boundary: Annotated[str, typer.Option("--boundary", help="The boundary being crossed, e.g. api.")],
    model_digest: Annotated[str | None, typer.Option("--model-digest", help="The digest being deployed, sha256:<hex>.")] = None,
    model: Annotated[Path | None, typer.Option("--model", help="The model being deployed (directory, weights file, "
                                                             "OCI layout or manifest): its digest is computed "
                                                             "here, as `casegate digest` does, and a folder's "
                                                             "files must be, path for path, those the registry "
                                                             "logged (`registry submit --model`).")] = None,
    at: Annotated[str | None, typer.Option("--at", help="Verify as of this date or date-time (default now); never earlier "
                                                      "than the checkpoint the case's state is proven by. A time "
                                                      "earlier than now is judged as of now as well.")] = None,
    keyring: KeyringOpt = None,
    trust_root: Annotated[Path | None, typer.Option(
        "--trust-root", help="The trust root you hold (chain directory or root file; default $CASEGATE_TRUST_ROOT).")] = None,
    state_proof: Annotated[Path | None, typer.Option(
        "--state-proof", help="The case's state proof (`casegate state-proof`), for an offline check.")] = None,
    registry_url: Annotated[str | None, typer.Option(
        "--registry-url", help=f"A review board to fetch the case's state proof from (token: ${BOARD_TOKEN_ENV}); "
                               "it must sign the fresh nonce sent with the request into its answer "
                               "(`casegate serve --log-key`).")] = None,
    seen: Annotated[Path | None, typer.Option(
        "--seen", help="A file keeping the newest checkpoint this verifier has accepted (created on first use): "
                       "a state proof under an older one is refused, and a newer one is kept once it is proven to extend "
                       "the kept one (by --db, --registry-url, or the --state-proof file itself: see `state-proof "
                       "--since`); it keeps the newest "
                       "trust root version used too, and refuses an older one.")] = None,
    format: Annotated[OutFormat, typer.Option("--format", "-f")] = OutFormat.text,
    db: Annotated[str | None, typer.Option("--db", help="Registry URL to take the case's state proof from, opened "
                                                       "read-only (default $CASEGATE_DATABASE_URL, else "
                                                       "./.casegate/registry.db when it exists).")] = None,
    tool: Annotated[list[str] | None, typer.Option(
        "--tool", help="A tool or agent affordance the deployment gives the model (repeatable); each must be "
                       "one the signed boundary lists. None given: the deployment gives no tools.")] = None,
    sensitive_domain: Annotated[list[str] | None, typer.Option(
        "--sensitive-domain", help="A sensitive domain the deployment integrates the model into (repeatable); "
                                   "each must be one the signed boundary lists. None given: none.")] = None,
    access: Annotated[str | None, typer.Option(
        "--access", help="Who can reach the model (public, self-serve, vetted-organisations, named-partners, "
                         "employees); no wider than the signed boundary's. Required when that boundary limits "
                         "access (any level but public).")] = None,
    region: Annotated[list[str] | None, typer.Option(
        "--region", help="A region the deployment is offered in (repeatable); each must be one the signed "
                         "boundary lists. Required when that boundary names its regions.")] = None,
    rate_limit: Annotated[list[str] | None, typer.Option(
        "--rate-limit", help="A rate limit the deployment enforces, written as the case's scope.rate_limit is "
                             "(repeatable), e.g. '600/min per key', '10/s', '5M tokens/day per organisation' or "
                             "'unlimited'. Each limit the signed boundary names must be held by one of the same "
                             "quantity, for the same party or global, no looser after converting units. Required "
                             "when that boundary names a rate limit.")] = None,
    max_users: Annotated[int | None, typer.Option(
        "--max-users", help="The most users the deployment admits; no more than the signed boundary's cap. "
                            "Required when that boundary caps its users (scope.max_users).")] = None,
    system_message_sha256: Annotated[str | None, typer.Option(
        "--system-message-sha256", help="The sha256 of the system message the deployment puts before every "
                                        "conversation, or `none`; the one the signed boundary's configuration names. "
                                        "Required when that boundary states a configuration.")] = None,
    max_tokens: Annotated[int | None, typer.Option(
        "--max-tokens", help="The ceiling the deployment puts on one generation; no more than the signed "
                             "boundary's configuration allows. Required (or --no-max-tokens) when that "
                             "configuration caps a generation.")] = None,
    no_max_tokens: Annotated[bool, typer.Option(
        "--no-max-tokens", help="The deployment puts no ceiling on one generation.")] = False,
) -> None:
    """Verify that a signed decision allows deploying this model across this boundary: its
    signatures and sign-offs under the policy and keyring the trust root pins, and the case's
    current state proven by the log the root pins. Without a trust root or a state proof it is
    never verified. The deployment is held to the boundary the decision was signed for beyond
    its kind: every --tool and --sensitive-domain it gives must be listed there, and --access no
    wider (it must be declared wherever the signed boundary limits access), every --region
    one it lists (declared wherever it names regions), --rate-limit no looser than its rate limit
    and --max-users no more than its user cap (each declared wherever the boundary names one), and
    --system-message-sha256 and --max-tokens as its configuration states (declared wherever it
    states one);
    declaring no tool or domain verifies a deployment that gives no tools and no sensitive domain.

    An answer that rests on a key whose private half casegate publishes (the examples' keys,
    counted only with CASEGATE_DEMO_KEYS=1) is never verified: it is a demonstration, not a release.

    Exit 0: verified. 1: not verified (every reason is printed). 2: unreadable input or usage
    error. 3: the registry or review board named could not be read. 5: not verified, a
    demonstration: it rests on casegate's published example keys and nothing else stands against
    it (everything else verified).
    """
    import re

    from ..model import BoundaryKind
    from ..sign import load_keyring
    from ..verify import NO_TRUST_ROOT, Deployment, read_bundle, verify_deploy
    from ._common import trust_root_given

    if (model is None) == (model_digest is None):
        raise InputError("name the model being deployed: --model PATH or --model-digest sha256:<hex> (one of them)")
    computed = None
    if model is not None:
        from ..evidence import model_digest as compute_digest

        computed = compute_digest(model)
        model_digest = computed.digest
    assert model_digest is not None
    if not re.fullmatch(r"sha256:[0-9a-f]{64}", model_digest):
        raise InputError(f"--model-digest {model_digest!r} is not sha256:<64 lowercase hex>")
    try:
        kind = BoundaryKind(boundary)
    except ValueError:
        raise InputError(f"--boundary {boundary!r} is not a boundary kind",
                         help="one of: " + ", ".join(b.value for b in BoundaryKind)) from None
    given = Deployment(tools=tuple(tool or ()), sensitive_domains=tuple(sensitive_domain or ()), access=access,
                       regions=tuple(region or ()), rate_limits=tuple(rate_limit or ()), max_users=max_users,
                       system_message_sha256=system_message_sha256, max_tokens=max_tokens, no_max_tokens=no_max_tokens)
    ring = load_keyring(_keyring_path(keyring))
    data = read_bundle(bundle)
    root, root_problem = trust_root_given(trust_root)
    import secrets

    nonce = secrets.token_hex(16) if registry_url is not None else None
    source, reg = _proof_source(db, state_proof, registry_url, nonce)
    # a model folder's files, names included, are held to those the log holds for the decided
    # version: its root digest does not cover the names
    files = computed.resources if computed is not None and computed.method == "model-signing-files" else None
    from ..sign import now_utc

    now = now_utc()
    when = _instant(at) if at is not None else now
    try:
        v = verify_deploy(data, ring, trust=root, proof=source, model_digest=model_digest, boundary=kind,
                          at=when, now=now, deployment=given, model_files=files, nonce=nonce, seen=seen,
                          consistency=_consistency_source(reg, registry_url),
                          # with the registry at hand its triggers are evaluated whole below
                          triggers_evaluated=reg is not None)
        if reg is not None and v.case_id:
            from ..monitor import (
                deployed_weights_problems,
                logged_files_of,
                owed_reasons,
                triggers_owed,
            )

            v.reasons += owed_reasons(reg, v.case_id)
            if root is not None:
                # every root version the log records, those before the case's first entry too
                # (a state proof carries only those from there on)
                from ..trust import TRUST_ROOT_EVENT
                from ..verify import root_rollback, unlogged_root

                logged_roots = reg.events(kind=TRUST_ROOT_EVENT)
                v.reasons += [r for r in root_rollback(root, logged_roots) if r not in v.reasons]
                v.reasons += [r for r in unlogged_root(root, logged_roots) if r not in v.reasons]
            # the case's own triggers, as of the time judged: the state the registry shows waits for
            # a `triggers run`, which whoever runs the registry may never make
            v.reasons += triggers_owed(reg, v.case_id, when, ring, kind)
            if when < now:
                # an incident filed or a reading logged since a past --at acts now
                v.reasons += [r for r in triggers_owed(reg, v.case_id, now, ring, kind) if r not in v.reasons]

            # the files deployed: hashed here from the folder, or, for a digest, as the registry
            # logged them for that digest (under any case), so the weights are compared either way
            held = ((files, computed.weights, computed.tensors) if computed else (files, (), ())) if files \
                else logged_files_of(reg, model_digest)
            if held is not None:
                reasons, notes = deployed_weights_problems(reg, v.case_id, held[0], held[1], held[2], boundary=kind)
                v.reasons += reasons
                v.notes += notes
            else:
                v.notes.append(f"the registry logged no files of model {model_digest}, so its weights were not "
                               "compared with other cases'")
        elif reg is None:
            v.notes.append("the weights were not compared with other cases' here (no registry opened: pass --db); "
                           "the case's state proof carries any reopening, restriction or withdrawal the registry "
                           "logged on it because a case about the same weights was reopened, restricted or "
                           "withdrawn")
    finally:
        if reg is not None:
            reg.close()
    if root_problem is not None:
        v.reasons = [root_problem if r == NO_TRUST_ROOT else r for r in v.reasons]
    if model is not None:
        from ..verify import git_notes, hard_link_notes, left_out_problems

        v.reasons += left_out_problems(model)
        if files is not None:
            from ..evidence import outward_references

            # a file of the folder that sends the loader elsewhere: the digest covers the name, not what it names
            # (judged on the bytes hashed: a file that reads otherwise now is a reason)
            outward, outward_notes = outward_references(model, files)
            v.reasons += outward
            v.notes += outward_notes
        v.notes.insert(0, f"model digest {model_digest} computed from {model}")
        if files is not None:
            v.notes[1:1] = hard_link_notes(model, files) + git_notes(model)
    if format is OutFormat.json:
        out(json.dumps(v.to_json(), indent=2))
    else:
        if v.verified:
            out(f"verified: {v.case_id} {v.outcome} for {model_digest} across {kind.value}")
            for s in v.signers:
                out(f"  {s['as']}: {s['person']} ({s['role']}) key {s['keyid'][:16]}...")
        else:
            reasons = v.all_reasons()
            err(f"NOT verified: {len(reasons)} reason{'s' if len(reasons) != 1 else ''}")
            for r in reasons:
                err(f"  - {r}")
            if v.ok:  # a demonstration: what it shows is everything else verify checked
                err(f"  everything else verified (DEMONSTRATION): {v.case_id} {v.outcome} for {model_digest} "
                    f"across {kind.value}")
                for s in v.signers:
                    err(f"    {s['as']}: {s['person']} ({s['role']}) key {s['keyid'][:16]}...")
        for n in v.notes:
            err(f"  note: {n}")
    # 5: nothing but the published example keys stands against it (a demonstration), told apart from 1
    # so a demonstration shows that everything else verified; any code but 0 is "do not deploy"
    fail(0 if v.verified else 1 if v.reasons else DEMONSTRATION_EXIT)


@app.command("answer")
def answer_(
    case: Annotated[Path, typer.Argument(help="The case's main YAML file.")],
    objection: Annotated[str, typer.Argument(help="The objection's id, e.g. O-1.")],
    role: Annotated[str, typer.Option("--role", help="The role you sign in.")],
    key: KeyOpt,
    text: Annotated[str | None, typer.Option("--text", help="The answer.")] = None,
    accept: Annotated[bool, typer.Option("--accept", help="As the objector (or the policy's escalation "
                                         "role), accept the latest signed answer.")] = False,
    accepts: Annotated[str | None, typer.Option("--answer-sha", help="With --accept: the answer to accept "
                                                "(sha256 prefix of its envelope).")] = None,
    uphold: Annotated[bool, typer.Option("--uphold", help="As the policy's escalation role, uphold the "
                                         "objection: it stands.")] = False,
    keyring: KeyringOpt = None,
    keyid: KeyidOpt = None,
    passphrase_env: PassEnvOpt = None,
) -> None:
    """Answer a signed objection, accept an answer, or uphold an objection, as a signed statement.

    An answer counts only when signed by someone other than the objector in a role the policy
    lets answer (`signoff.answer_roles`, default: the roles that must sign); it closes the
    objection once the objector accepts it (`--accept`), or, when the policy says
    `answer_accepted_by: escalation`, once the `escalate_to` role does.
    """
    from ..load import load_case
    from ..sign import answer

    if accept and uphold:
        raise InputError("--accept and --uphold exclude each other")
    kind: Literal["answer", "accept", "uphold"] = "accept" if accept else "uphold" if uphold else "answer"
    ring, signer = keyring_signer(keyring, key, keyid, passphrase_env)
    w = answer(load_case(case), objection, role, signer, ring,
               text=text, kind=kind, accepts=accepts)
    verb = {"answer": "answered", "accept": "accepted the answer to", "uphold": "upheld"}[kind]
    out(f"{w.person} ({role}) {verb} {objection}; wrote {w.path}")


authors_app = typer.Typer(help="The case's signed authors list.", no_args_is_help=True)
app.add_typer(authors_app, name="authors")


@authors_app.command("sign")
def authors_sign(
    case: Annotated[Path, typer.Argument(help="The case's main YAML file.")],
    role: Annotated[str, typer.Option("--role", help="A role your key holds.")],
    key: KeyOpt,
    author: Annotated[list[str] | None, typer.Option("--author", help="An author (repeat); default: the "
                                                     "case's decision.authors.")] = None,
    keyring: KeyringOpt = None,
    keyid: KeyidOpt = None,
    passphrase_env: PassEnvOpt = None,
) -> None:
    """Sign the case's authors list (you are always on it). Authors cannot sign the case off, and
    `decide` and `verify` read authorship only from these signed lists, never from the YAML."""
    from ..load import load_case
    from ..sign import decode_payload, sign_authors

    ring, signer = keyring_signer(keyring, key, keyid, passphrase_env)
    w = sign_authors(load_case(case), role, signer, ring,
                     authors=list(author) if author else None)
    names = (decode_payload(w.envelope) or {}).get("predicate", {}).get("authors", [])
    out(f"{w.person} signed the authors list: {', '.join(names)}; wrote {w.path}")
