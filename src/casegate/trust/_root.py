"""The trust root file: a TUF root role whose root keys and threshold sign it, with casegate's
pins kept in the role's own signed body (an `x-casegate-pins` field).

The other TUF roles (timestamp, snapshot, targets) are required by the format; casegate assigns
them the root keys and threshold and never uses them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError
from securesystemslib.signer import Key, Signer  # type: ignore[attr-defined]
from tuf.api.metadata import Metadata, Role, Root  # type: ignore[attr-defined]
from tuf.api.serialization import DeserializationError, SerializationError
from tuf.api.serialization.json import JSONSerializer

from .._published_keys import refuse_all
from .._weak_keys import refuse_weak
from ..errors import InputError, VerificationError
from ..model import EMPTY_LIST, Frozen

PINS_FIELD = "x-casegate-pins"
"""The field of the signed root body that holds casegate's pins."""
PINS_VERSION = 1
_ROLES = (Root.type, "timestamp", "snapshot", "targets")


class TrustRootError(VerificationError):
    """The trust root does not verify (signatures short of the threshold, broken chain, expired)."""


class PinnedPolicy(Frozen):
    """A policy file the root accepts decisions under."""

    id: str
    """The policy's id."""
    version: str
    """The policy's own version."""
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    """Hex SHA-256 of the policy file's bytes (what a decision bundle names)."""
    until: str | None = None
    """None for the current version of the policy id; for a replaced version, when a newer one
    was pinned: no decision signed after then counts, and from then on one signed before it
    counts only while `approvals_until` (the grace this root gives) has not passed."""
    approvals_until: str | None = None
    """For a replaced version: until when an approval decided under it before `until` still
    verifies (the grace the root key holders give for deciding again under the current
    version). None: it stops verifying at `until`. Never later than the version is replaced
    by, and never set for the current version."""


class PinnedKeyring(Frozen):
    """A keyring the root accepts signatures from."""

    digest: str = Field(pattern=r"^sha256:[0-9a-f]{64}$")
    """The keyring's fingerprint (sha256 over its canonical JSON)."""
    until: str | None = None
    """None for the current keyring; for a replaced one, when it was replaced: it still counts
    for decisions signed before then, never after."""


class WitnessPin(Frozen):
    """A witness whose cosignature on the log's checkpoints the root may require."""

    name: str
    """The witness's note key name."""
    key: str = Field(pattern=r"^[0-9a-f]{64}$")
    """Raw Ed25519 public key, hex."""


class LogPin(Frozen):
    """The log whose signed checkpoints prove a case's state."""

    origin: str = Field(min_length=1)
    """The checkpoint origin line."""
    key: str = Field(pattern=r"^[0-9a-f]{64}$")
    """The log's raw Ed25519 checkpoint public key, hex."""
    witnesses: list[WitnessPin] = EMPTY_LIST
    """Witnesses (may be empty)."""
    witness_threshold: int = Field(default=0, ge=0)
    """How many of the witnesses must cosign a checkpoint."""


class Pins(Frozen):
    """What the root keys vouch for."""

    casegate: int = PINS_VERSION
    """Format version of the pins."""
    policies: list[PinnedPolicy] = Field(min_length=1)
    """Policies a decision may be judged under: per policy id the current version (`until`
    unset) and the versions it replaced."""
    keyrings: list[PinnedKeyring] = Field(min_length=1)
    """The current keyring (`until` unset) and the ones it replaced."""
    log: LogPin
    """The log."""
    max_checkpoint_age_seconds: int = Field(gt=0)
    """The oldest a checkpoint may be for a state proof to count."""
    note: str | None = None
    """Free text, e.g. 'demo root: not for real use'."""
    unlogged: Literal[True] | None = None
    """Set by `casegate trust rotate --unlogged`: no registry's log recorded this version when it
    was written, so no log can show a verifier handed an older version that this one replaced.
    `verify` consulting a registry (`--db`, `--state-proof`, `--registry-url`) refuses it until the
    log records it (`casegate trust record`). Signed by the root keys like every pin."""


@dataclass(frozen=True)
class TrustRoot:
    """A verified trust root."""

    metadata: Metadata[Root]
    pins: Pins
    source: str
    chain: int
    """How many versions were verified in sequence to reach this one (1: a single file)."""

    @property
    def version(self) -> int:
        return int(self.metadata.signed.version)

    @property
    def expires(self) -> dt.datetime:
        return self.metadata.signed.expires

    @property
    def threshold(self) -> int:
        return int(self.metadata.signed.roles[Root.type].threshold)

    @property
    def root_keyids(self) -> list[str]:
        return list(self.metadata.signed.roles[Root.type].keyids)

    def digest(self) -> str:
        """sha256 of the signed root body (canonical JSON)."""
        return "sha256:" + hashlib.sha256(self.metadata.signed_bytes).hexdigest()

    def policy(self, sha256: str | None) -> PinnedPolicy | None:
        """The pinned policy with this file digest, if any."""
        return next((p for p in self.pins.policies if p.sha256 == sha256), None)

    def policy_problems(self, sha256: str | None, signed_at: dt.datetime | None,
                        at: dt.datetime | None = None) -> list[str]:
        """Why a decision judged under the policy file with `sha256` (made at `signed_at`) does
        not count as of `at` (None: only when it was made): the root does not pin it, a newer
        version of the policy replaced it before it was made (a replaced, looser version is never
        chosen for a new decision), or it was replaced by `at` and the grace the root gives
        approvals made under it (`approvals_until`, none unless stated) has passed: a stricter
        policy applies to the approvals already made, not only to new ones."""
        pin = self.policy(sha256)
        if pin is None:
            return [f"the policy (sha256 {str(sha256)[:16]}...) is not pinned by the trust root (version "
                    f"{self.version}); a policy the root does not pin is never trusted"]
        return replaced_policy_problems(self.pins.policies, pin, self.version, signed_at, at)

    def keyring_problems(self, digest: str, signed_at: dt.datetime | None) -> list[str]:
        """Why signatures checked against the keyring with `digest` do not count (made at
        `signed_at`): the root does not pin it, or it was replaced before then."""
        pin = next((k for k in self.pins.keyrings if k.digest == digest), None)
        if pin is None:
            return [f"the keyring {digest} is not pinned by the trust root (version {self.version}); "
                    "a keyring the root does not pin is never trusted"]
        if pin.until is not None:
            until = _instant(pin.until)
            if signed_at is None or signed_at >= until:
                return [f"the keyring {digest} was replaced on {pin.until} (trust root version "
                        f"{self.version}); it counts only for decisions signed before then"]
        return []


def replaced_policy_problems(policies: Sequence[PinnedPolicy], pin: PinnedPolicy, version: int,
                             signed_at: dt.datetime | None, at: dt.datetime | None) -> list[str]:
    """Why a decision under the pinned policy `pin` (made at `signed_at`) does not count as of `at`
    by the pins `policies` of root version `version` (see `TrustRoot.policy_problems`): it was
    replaced before the decision was made, or by `at` with no grace left. Empty for a current
    version."""
    if pin.until is None:
        return []
    until = _instant(pin.until)
    current = next((p for p in policies if p.id == pin.id and p.until is None), None)
    now = f"version {current.version} (sha256 {current.sha256[:16]}...)" if current else "no version"
    replaced = (f"the policy {pin.id} version {pin.version} (sha256 {pin.sha256[:16]}...) was replaced on "
                f"{pin.until} by {now} (trust root version {version})")
    if signed_at is None or signed_at >= until:
        return [f"{replaced}; it counts only for decisions signed before then: decide again under the "
                "current policy"]
    if at is None or at < until:
        return []
    grace = _instant(pin.approvals_until) if pin.approvals_until is not None else None
    if grace is None:
        return [f"{replaced}; a decision made under it stops verifying once it is replaced, and the trust root "
                "gives no grace for deciding again (`approvals_until`): decide again under the current policy"]
    if at >= grace:
        return [f"{replaced}; the grace the trust root gives decisions made under it ended on "
                f"{pin.approvals_until}: decide again under the current policy"]
    return []


def _instant(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))


def _key_dict(key: Key) -> dict[str, Any]:
    return {"keytype": key.keytype, "scheme": key.scheme, "keyval": dict(key.keyval)}


def _pinned_keys(keys: Sequence[Key], pins: Any) -> Iterator[tuple[Any, str]]:
    """Every key a root lets sign: its root keys, the log key it pins and each witness key it pins,
    with the words naming each. `pins` is the pins' data as signed."""
    for k in keys:
        yield k, f"root key {k.keyid}"
    log = pins.get("log") if isinstance(pins, dict) else None
    if isinstance(log, dict):
        yield log.get("key"), "the log key the root pins"
        witnesses = log.get("witnesses")
        for w in witnesses if isinstance(witnesses, list) else []:
            if isinstance(w, dict):
                yield w.get("key"), f"the key of witness {w.get('name')!r} the root pins"


def refuse_unusable_keys(keys: Sequence[Key], pins: Any, location: str | None = None) -> None:
    """Refuse (InputError, exit 2) a root whose root keys, log key or witness keys include a key
    anyone could sign the root, the log's checkpoints or a witness's cosignatures as:
    - an Ed25519 key of small order or not canonically encoded (`casegate._weak_keys`), demonstration
      or not;
    - a key whose private half casegate publishes (`casegate._published_keys`), let through with
      `CASEGATE_DEMO_KEYS=1` (a demonstration), said to be no release.
    Every key is first checked for weakness; then one error names every published key among them.
    `pins` is the pins' data as signed."""
    pinned = list(_pinned_keys(keys, pins))
    for key, label in pinned:
        refuse_weak(key, label, location=location)
    refuse_all(pinned, location=location)


def _root_body(keys: Sequence[Key], threshold: int, pins: Pins, version: int, expires: dt.datetime) -> Root:
    if not keys:
        raise InputError("a trust root needs at least one root key", help="pass --root-key PUB (repeatable)")
    refuse_unusable_keys(keys, pins.model_dump(mode="json"))
    if len({k.keyid for k in keys}) != len(keys):
        raise InputError("the same root key is given twice")
    if not 1 <= threshold <= len(keys):
        raise InputError(f"threshold {threshold} is not between 1 and the {len(keys)} root key(s)")
    root = Root(version=version, expires=expires.astimezone(dt.UTC).replace(microsecond=0),
                consistent_snapshot=False,
                unrecognized_fields={PINS_FIELD: pins.model_dump(mode="json", exclude_none=True)})
    for role in _ROLES:
        root.roles[role] = Role([], threshold)
        for k in keys:
            root.add_key(k, role)
    return root


def new_root(keys: Sequence[Key], threshold: int, pins: Pins, expires: dt.datetime) -> Metadata[Root]:
    """Version 1 of a trust root (unsigned: sign it with `Metadata.sign`)."""
    return Metadata(_root_body(keys, threshold, pins, 1, expires))


def rotated_root(previous: Metadata[Root], *, pins: Pins, expires: dt.datetime,
                 keys: Sequence[Key] | None = None, threshold: int | None = None) -> Metadata[Root]:
    """Version N+1 of `previous`, with new pins (and root keys or threshold when given); it must
    be signed by the threshold of `previous` and by its own."""
    old = previous.signed
    if keys is None:
        keys = [old.get_key(kid) for kid in old.roles[Root.type].keyids]
    return Metadata(_root_body(keys, threshold or old.roles[Root.type].threshold, pins,
                               int(old.version) + 1, expires))


def sign_root(md: Metadata[Root], signers: Sequence[Signer]) -> None:
    """Add each signer's signature to the root."""
    for s in signers:
        md.sign(s, append=True)


def _derived_keyid(key: Key) -> str | None:
    """The key's casegate id (hex SHA-256 of its DER SubjectPublicKeyInfo, as `casegate keys id`
    derives it), or None when its public value cannot be read."""
    from cryptography.hazmat.primitives.serialization import (
        Encoding,
        PublicFormat,
        load_pem_public_key,
    )

    public = key.keyval.get("public") if isinstance(key.keyval, dict) else None
    if not isinstance(public, str):
        return None
    try:
        if key.keytype == "ed25519":
            from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

            pub: Any = Ed25519PublicKey.from_public_bytes(bytes.fromhex(public))
        else:
            pub = load_pem_public_key(public.encode("utf-8"))
        der = pub.public_bytes(Encoding.DER, PublicFormat.SubjectPublicKeyInfo)
    except (ValueError, TypeError):
        return None
    return hashlib.sha256(der).hexdigest()


def key_id_problems(root: Root) -> list[str]:
    """Why a root key's id is not the one derived from the key: python-tuf counts a threshold by
    key id, so one key listed under two ids would count twice, and one holder would meet a
    threshold of two alone. Each id must be its key's SHA-256 of the DER public key, which makes
    two ids two keys."""
    out = []
    for keyid, key in root.keys.items():
        derived = _derived_keyid(key)
        if derived is None:
            out.append(f"root key {keyid[:16]}... cannot be read as a public key")
        elif derived != keyid:
            holder = next((k for k, other in root.keys.items() if k != keyid and _derived_keyid(other) == derived), None)
            out.append(f"root key listed as {keyid[:16]}... is the key {derived[:16]}..."
                       + (" listed again under its own id: one key counted twice would meet a threshold with one "
                          "holder" if holder is not None else "; a root key's id is the SHA-256 of its DER public "
                          "key") + f" (version {root.version})")
    return out


def root_problems(md: Metadata[Root], previous: Root | None = None) -> list[str]:
    """Why the root is not signed by the threshold of its own root keys (and of `previous`'s,
    for a rotation), or lists a root key under an id that is not derived from it (one key under
    two ids would count twice toward the threshold). Empty when it is signed and its ids are
    its keys'."""
    ids = key_id_problems(md.signed)
    if ids:
        return ids
    try:
        res = md.signed.get_root_verification_result(previous, md.signed_bytes, md.signatures)
    except ValueError as e:
        return [str(e)]
    out = []
    for which, r in (("its own", res.second), ("the previous version's", res.first)):
        if previous is None and which != "its own":
            continue
        if not r.verified:
            out.append(f"version {md.signed.version} carries {len(r.signed)} valid signature(s) of "
                       f"{which} root keys; the threshold is {r.threshold}")
    return out


def write_root(md: Metadata[Root], path: Path) -> None:
    """Write the root as indented JSON."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(md.to_bytes(JSONSerializer(compact=False)) + b"\n")


def _read(path: Path) -> Metadata[Root]:
    if not path.exists() and not path.is_symlink():
        raise InputError("trust root not found", location=str(path),
                         help="`casegate trust init` creates one; pass --trust-root FILE_OR_DIR")
    from ..limits import long_number, read_json_bytes

    raw = read_json_bytes(path, str(path))
    try:
        md = Metadata[Root].from_bytes(raw)
    except (DeserializationError, ValueError, KeyError, TypeError) as e:
        cause = e.__cause__ if isinstance(e, DeserializationError) else e
        too_long = long_number(cause, raw) if isinstance(cause, ValueError) else None
        raise InputError(f"not a trust root (TUF root metadata): {too_long or (str(e).splitlines()[0] if str(e) else e)}",
                         location=str(path)) from None
    if not isinstance(md.signed, Root):
        raise InputError("not a trust root: the metadata is not a TUF root role", location=str(path))
    refuse_unusable_keys(list(md.signed.keys.values()), (md.signed.unrecognized_fields or {}).get(PINS_FIELD),
                         location=str(path))
    try:
        md.signed_bytes  # noqa: B018  (what its signatures cover: canonical JSON of the signed part)
    except SerializationError as e:
        value = str(e.__cause__).rpartition("I cannot encode ")[2] or "a value"
        value = {"nan": "NaN", "inf": "Infinity", "-inf": "-Infinity"}.get(value, value)
        raise InputError(f"not a trust root: its signed part holds {value}, which canonical JSON (the form "
                         "its signatures cover) cannot encode", location=str(path),
                         help="a trust root holds no NaN, Infinity or fractional number: pass the root "
                              "`casegate trust` wrote, or have the root key holders sign a new one") from None
    return md


def load_draft(path: Path | str) -> Metadata[Root]:
    """A draft root version (signatures may be short of the threshold), for holders to sign."""
    return _read(Path(path))


def _pins(md: Metadata[Root], where: str) -> Pins:
    raw = (md.signed.unrecognized_fields or {}).get(PINS_FIELD)
    if not isinstance(raw, dict):
        raise InputError(f"the root carries no {PINS_FIELD!r}: it pins nothing casegate can use", location=where)
    if raw.get("casegate") != PINS_VERSION:
        raise InputError(f"unsupported pins version {raw.get('casegate')!r}", location=where,
                         help=f"this casegate reads pins version {PINS_VERSION}")
    try:
        pins = Pins.model_validate(raw)
    except ValidationError as e:
        err = e.errors()[0]
        raise InputError(f"{PINS_FIELD}.{'.'.join(map(str, err['loc']))}: {err['msg']}", location=where) from None
    if sum(1 for k in pins.keyrings if k.until is None) != 1:
        raise InputError("the root must pin exactly one current keyring (one without `until`)", location=where)
    untils = [*((f"policies.{i}.until", p.until) for i, p in enumerate(pins.policies)),
              *((f"policies.{i}.approvals_until", p.approvals_until) for i, p in enumerate(pins.policies)),
              *((f"keyrings.{i}.until", k.until) for i, k in enumerate(pins.keyrings))]
    for at, until in untils:
        try:
            if until is not None and _instant(until).tzinfo is None:
                raise ValueError(until)
        except ValueError:
            raise InputError(f"{PINS_FIELD}.{at}: {until!r} is not a date-time with its zone", location=where,
                             help="the root key holders sign a new version with `casegate trust rotate`") from None
    for i, p in enumerate(pins.policies):
        # a grace only makes sense for a replaced version, and ends no earlier than the replacement
        if p.approvals_until is not None and (p.until is None or _instant(p.approvals_until) < _instant(p.until)):
            raise InputError(f"{PINS_FIELD}.policies.{i}.approvals_until: {p.approvals_until!r} is set "
                             + ("on the current version of policy " + p.id if p.until is None
                                else f"earlier than the version was replaced ({p.until})"),
                             location=where, help="the grace is for approvals made under a replaced version: "
                                                  "`casegate trust rotate --policy FILE --grace 30d`")
    # two current versions of one policy id would let a new decision choose the looser one
    current = [p for p in pins.policies if p.until is None]
    for i, p in enumerate(current):
        other = next((q for q in current[:i] if q.id == p.id), None)
        if other is not None:
            raise InputError(f"the root pins two current versions of policy {p.id} ({other.version} and "
                             f"{p.version}, neither with `until`)", location=where,
                             help="a root pins one current version per policy id: the root key holders sign "
                                  "a new version with `casegate trust rotate --policy FILE`, which marks the "
                                  "version it replaces with `until`")
    return pins


def chain_files(directory: Path) -> list[Path]:
    """`1.root.json`, `2.root.json`, ... in the directory, in order (stopping at the first gap)."""
    out = []
    n = 1
    while (directory / f"{n}.root.json").exists():
        out.append(directory / f"{n}.root.json")
        n += 1
    return out


def _beyond_gap(directory: Path, reached: int) -> None:
    """Refuse a chain directory holding a root version past a missing one: the chain stops at the
    gap, and the version it reaches has been replaced by those beyond it."""
    import re

    beyond = sorted(int(m.group(1)) for f in directory.iterdir()
                    if (m := re.fullmatch(r"([1-9][0-9]{0,8})\.root\.json", f.name)) and int(m.group(1)) > reached)
    if beyond:
        raise TrustRootError(f"the trust root directory holds {beyond[0]}.root.json but no {reached + 1}.root.json: "
                             f"the chain stops at version {reached}, which the versions past the gap replaced",
                             location=str(directory),
                             help="restore the missing version (the chain the root key holders published), or "
                                  "pass a directory holding the whole chain")


def load_trust_root(path: Path | str, *, now: dt.datetime | None = None) -> TrustRoot:
    """Read and verify a trust root.

    A directory holds the chain `1.root.json`, `2.root.json`, ...: version 1 must be signed by
    the threshold of its own root keys, and every later version by the threshold of the one
    before and of its own; the newest is returned. A file is taken as the root the deployer
    holds and must be signed by the threshold of its own root keys. Either way it must not have
    expired at `now`. Raises TrustRootError (exit 1) when it does not verify, InputError when
    it cannot be read.
    """
    p = Path(path)
    now = now or dt.datetime.now(dt.UTC)
    files = chain_files(p) if p.is_dir() else [p]
    if not files:
        raise InputError("no 1.root.json in the trust root directory", location=str(p),
                         help="`casegate trust init DIR` creates one")
    if p.is_dir():
        _beyond_gap(p, len(files))
    previous: Root | None = None
    md: Metadata[Root] | None = None
    for n, f in enumerate(files, start=1):
        md = _read(f)
        problems = root_problems(md, previous)
        if previous is None and p.is_dir() and md.signed.version != 1:
            problems.append(f"the chain starts at version {md.signed.version}, not 1")
        elif p.is_dir() and md.signed.version != n:
            # python-tuf's rule: a new root is the trusted version plus one (a copy of an older
            # version, or versions out of order, would end the chain at a replaced root)
            problems.append(f"{f.name} holds version {md.signed.version}, not {n}: each version of a chain follows "
                            "the one before it")
        if problems:
            raise TrustRootError(f"the trust root does not verify: {'; '.join(problems)}", location=str(f),
                                 help="a root version counts only when signed by the threshold of the "
                                      "version before it and of its own root keys")
        previous = md.signed
    assert md is not None
    if md.signed.is_expired(now):
        raise TrustRootError(f"the trust root (version {md.signed.version}) expired on "
                             f"{md.signed.expires.isoformat()}", location=str(files[-1]),
                             help="the root key holders must sign a new version: `casegate trust rotate`")
    return TrustRoot(md, _pins(md, str(files[-1])), str(files[-1]), len(files))



def newer_root(held: TrustRoot, source: Path | str, *, now: dt.datetime | None = None) -> TrustRoot:
    """The root at `source` (the chain directory or file `held` was read from) when it is a newer
    version that chains from `held`, for a long-running holder (the review board) to take up a
    rotation: a directory must verify whole from `1.root.json` (`load_trust_root`) and hold
    `held` itself as its version `held.version`; a file must be the very next version, signed by
    the threshold of `held`'s root keys and of its own (a file shows no versions in between).
    Raises TrustRootError (or InputError when it cannot be read) saying why it cannot be had."""
    p = Path(source)
    now = now or dt.datetime.now(dt.UTC)
    if p.is_dir():
        new = load_trust_root(p, now=now)
        if new.version <= held.version:
            raise TrustRootError(f"the chain there ends at version {new.version}, not past version {held.version} held")
        mine = _read(p / f"{held.version}.root.json")
        if "sha256:" + hashlib.sha256(mine.signed_bytes).hexdigest() != held.digest():
            raise TrustRootError(f"the chain there holds another version {held.version} than the one held: it does "
                                 "not chain from the root held")
        return new
    md = _read(p)
    version = int(md.signed.version)
    if version <= held.version:
        raise TrustRootError(f"the file there holds version {version}, not past version {held.version} held")
    if version != held.version + 1:
        raise TrustRootError(f"the file there holds version {version}: one file cannot show that it chains from "
                             f"version {held.version} held through the versions between")
    problems = root_problems(md, held.metadata.signed)
    if problems:
        raise TrustRootError(f"version {version} there does not verify: {'; '.join(problems)}")
    if md.signed.is_expired(now):
        raise TrustRootError(f"version {version} there expired on {md.signed.expires.isoformat()}")
    return TrustRoot(md, _pins(md, str(p)), str(p), held.chain + 1)


TRUST_ROOT_EVENT = "trust-root"
"""The log entry kind `casegate trust init` and `trust rotate` record each root version as."""


def root_entry(root: TrustRoot, path: Path) -> dict[str, Any]:
    """What the registry's log records of a root version (`TRUST_ROOT_EVENT`): its version and
    digest (`verify` refuses a root older than, or other than, the newest the log shows), expiry,
    the keyrings and policies it pins with when each was replaced, the log it pins, and the sha256
    of the file it was written to."""
    return {"version": root.version, "digest": root.digest(), "expires": root.expires.isoformat(),
            "keyring": next(k.digest for k in root.pins.keyrings if k.until is None),
            "keyrings": [k.model_dump(exclude_none=True) for k in root.pins.keyrings],
            "policies": [p.model_dump(exclude_none=True) for p in root.pins.policies],
            "log": {"origin": root.pins.log.origin, "key": root.pins.log.key},
            "file_sha256": hashlib.sha256(path.read_bytes()).hexdigest()}


def describe(root: TrustRoot) -> dict[str, Any]:
    """The root as plain data, for `trust show`."""
    return {"version": root.version, "expires": root.expires.isoformat(), "digest": root.digest(),
            "threshold": root.threshold, "root_keys": root.root_keyids, "chain_verified": root.chain,
            "source": root.source, "pins": json.loads(root.pins.model_dump_json(exclude_none=True))}
