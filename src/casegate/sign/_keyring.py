"""The keyring: which keys casegate trusts, who holds each, which roles, when, and revocations.

A keyring is a versioned YAML (or JSON) file. Each key's id is re-derived from its public key
when the file is read, so a keyring cannot pin a key under someone else's id.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Literal

import rfc8785
from pydantic import Field, ValidationError
from securesystemslib.signer import SSlibKey  # type: ignore[attr-defined]

from ..errors import InputError
from ..load import parse_yaml
from ..model import Frozen
from ._keys import key_id

KEYRING_VERSION = 1
"""The keyring file format version."""

UTC = dt.UTC


def parse_instant(value: str | dt.date | dt.datetime, *, end_of_day: bool = False) -> dt.datetime:
    """An ISO date or date-time as an aware UTC datetime (a bare date is its start, or its last
    second when `end_of_day`)."""
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, dt.date):
        d = value
    else:
        s = value.strip()
        if len(s) > 10:
            try:
                t = dt.datetime.fromisoformat(s.replace("Z", "+00:00"))
            except ValueError:
                raise InputError(f"{value!r} is not a date or date-time",
                                 help="write YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ") from None
            return t if t.tzinfo else t.replace(tzinfo=UTC)
        try:
            d = dt.date.fromisoformat(s)
        except ValueError:
            raise InputError(f"{value!r} is not a date or date-time",
                             help="write YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ") from None
    t = dt.datetime(d.year, d.month, d.day, tzinfo=UTC)
    return t + dt.timedelta(days=1, microseconds=-1) if end_of_day else t


class Revocation(Frozen):
    """The revocation of a key: from when it no longer counts, and why."""

    at: str
    """ISO date or date-time from which every signature by the key is rejected (also ones made
    earlier: a compromised key can backdate)."""
    reason: str
    """Why the key was revoked."""


class TrustedKey(Frozen):
    """One trusted key and the person who holds it."""

    keyid: str = Field(pattern=r"^[0-9a-f]{64}$")
    """Key id: hex SHA-256 of the DER SubjectPublicKeyInfo (checked against `public`)."""
    person: str = Field(min_length=1)
    """The person who holds the key; each person counts once toward any sign-off requirement."""
    roles: list[str] = Field(min_length=1)
    """Roles the person may sign in with this key."""
    keytype: str = "ed25519"
    """securesystemslib key type."""
    scheme: str = "ed25519"
    """securesystemslib signature scheme."""
    public: str
    """Public key value as securesystemslib stores it (hex for Ed25519, PEM otherwise)."""
    valid_from: str
    """ISO date or date-time the key starts to count."""
    valid_until: str
    """ISO date (inclusive) or date-time after which the key no longer counts."""
    revoked: Revocation | None = None
    """Set when the key is revoked."""
    note: str | None = None
    """Free text, e.g. 'demo key, not for real use'."""

    def sslib_key(self) -> SSlibKey:
        """The key as a securesystemslib key, with its casegate key id."""
        return SSlibKey(self.keyid, self.keytype, self.scheme, {"public": self.public})

    def problems_at(self, at: dt.datetime) -> list[str]:
        """Why the key does not count at `at` (empty when it does)."""
        out = []
        if self.revoked is not None and parse_instant(self.revoked.at) <= at:
            out.append(f"was revoked on {self.revoked.at} ({self.revoked.reason})")
        if at < parse_instant(self.valid_from):
            out.append(f"is not valid before {self.valid_from}")
        if at > parse_instant(self.valid_until, end_of_day=True):
            out.append(f"expired on {self.valid_until}")
        return out


class Keyring(Frozen):
    """A keyring file."""

    casegate: Literal[1]
    """Format version of this file (1)."""
    kind: Literal["keyring"] = "keyring"
    """Document kind."""
    name: str
    """Readable name of the keyring."""
    note: str | None = None
    """Free text about the keyring."""
    keys: list[TrustedKey] = Field(default_factory=list)
    """Trusted keys."""

    def get(self, keyid: str) -> TrustedKey | None:
        """The key with this id, if trusted."""
        return next((k for k in self.keys if k.keyid == keyid), None)

    def fingerprint(self) -> str:
        """sha256:<hex> over the keyring's RFC 8785 canonical JSON."""
        body = rfc8785.dumps(self.model_dump(mode="json", exclude_none=True))
        return "sha256:" + hashlib.sha256(body).hexdigest()


def load_keyring(path: Path | str) -> Keyring:
    """Read and validate a keyring file; every key id is re-derived and must match."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError("keyring not found", location=str(path),
                         help="create one with `casegate keys add`, or pass --keyring") from None
    except OSError as e:
        raise InputError(f"cannot read the keyring: {e.strerror}", location=str(path)) from None
    doc = parse_yaml(str(path), raw)
    data = doc.data
    if not isinstance(data, dict) or data.get("kind") != "keyring":
        raise InputError("not a casegate keyring (no `kind: keyring`)", location=str(path))
    if data.get("casegate") != KEYRING_VERSION:
        raise InputError(f"unsupported keyring version {data.get('casegate')!r}", location=str(path),
                         help=f"this casegate reads keyring version {KEYRING_VERSION}")
    if doc.duplicates:
        d = doc.duplicates[0]
        line, col = doc.locate(d.path)
        raise InputError(f"duplicate key {d.key!r}", location=f"{path}:{line}:{col}")
    try:
        ring = Keyring.model_validate(data)
    except ValidationError as e:
        err = e.errors()[0]
        loc = tuple(err["loc"])
        line, col = doc.locate(loc)
        raise InputError(f"{'.'.join(map(str, loc))}: {err['msg']}", location=f"{path}:{line}:{col}") from None
    seen: set[str] = set()
    for i, k in enumerate(ring.keys):
        line, col = doc.locate(("keys", i))
        where = f"{path}:{line}:{col}"
        try:
            derived = key_id(k.sslib_key()._crypto_key())
        except Exception:
            raise InputError("the public key cannot be read", location=where) from None
        if derived != k.keyid:
            raise InputError(f"keyid {k.keyid[:16]}... does not match its public key (derived {derived})",
                             location=where, help="key ids are the SHA-256 of the DER public key")
        if k.keyid in seen:
            raise InputError(f"key {k.keyid[:16]}... is listed twice", location=where)
        seen.add(k.keyid)
        parse_instant(k.valid_from)
        parse_instant(k.valid_until)
    return ring


def _q(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


def dump_keyring(ring: Keyring) -> str:
    """The keyring as YAML text (every scalar quoted, so it reads back exactly)."""
    lines = [
        "# casegate keyring: the keys casegate trusts, who holds each, which roles, and when.",
        f"casegate: {ring.casegate}",
        "kind: keyring",
        f"name: {_q(ring.name)}",
    ]
    if ring.note:
        lines.append(f"note: {_q(ring.note)}")
    lines.append("keys:" if ring.keys else "keys: []")
    for k in ring.keys:
        lines.append(f"  - keyid: {_q(k.keyid)}")
        lines.append(f"    person: {_q(k.person)}")
        lines.append(f"    roles: [{', '.join(_q(r) for r in k.roles)}]")
        lines.append(f"    keytype: {_q(k.keytype)}")
        lines.append(f"    scheme: {_q(k.scheme)}")
        lines.append(f"    public: {_q(k.public)}")
        lines.append(f"    valid_from: {_q(k.valid_from)}")
        lines.append(f"    valid_until: {_q(k.valid_until)}")
        if k.revoked:
            lines.append(f"    revoked: {{at: {_q(k.revoked.at)}, reason: {_q(k.revoked.reason)}}}")
        if k.note:
            lines.append(f"    note: {_q(k.note)}")
    return "\n".join(lines) + "\n"


def save_keyring(ring: Keyring, path: Path | str) -> None:
    """Write the keyring file."""
    Path(path).write_text(dump_keyring(ring))


def new_keyring(name: str) -> Keyring:
    """An empty keyring."""
    return Keyring(casegate=KEYRING_VERSION, name=name)


def add_key(ring: Keyring, public_key: SSlibKey, *, person: str, roles: list[str], valid_from: str,
            valid_until: str, note: str | None = None) -> Keyring:
    """The keyring with one more key (an existing key with the same id is an error)."""
    if ring.get(public_key.keyid):
        raise InputError(f"key {public_key.keyid} is already in the keyring",
                         help="revoke it and add a new key to change who holds it")
    if parse_instant(valid_until, end_of_day=True) < parse_instant(valid_from):
        raise InputError("--until is before --from")
    k = TrustedKey(keyid=public_key.keyid, person=person, roles=roles, keytype=public_key.keytype,
                   scheme=public_key.scheme, public=public_key.keyval["public"],
                   valid_from=valid_from, valid_until=valid_until, note=note)
    return ring.model_copy(update={"keys": [*ring.keys, k]})


def revoke_key(ring: Keyring, keyid: str, *, at: str, reason: str) -> Keyring:
    """The keyring with the key (id or unique id prefix) revoked from `at`."""
    matches = [k for k in ring.keys if k.keyid.startswith(keyid)]
    if len(matches) != 1:
        raise InputError(f"{'no' if not matches else 'more than one'} key matches {keyid!r}",
                         help="`casegate keys show KEYRING` lists the key ids")
    parse_instant(at)
    target = matches[0]
    keys = [k.model_copy(update={"revoked": Revocation(at=at, reason=reason)}) if k is target else k
            for k in ring.keys]
    return ring.model_copy(update={"keys": keys})
