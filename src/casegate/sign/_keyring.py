"""The keyring: the people casegate trusts (identities), the keys each holds, their roles, when,
and revocations.

A keyring is a versioned YAML (or JSON) file. Version 2 lists identities, each with a stable id,
a name, an optional organisation and one or more keys; a person counts once toward any
requirement however many keys they hold. Version 1 files (a flat list of keys, each naming its
person) are still read, as one identity per distinct name, so old decisions stay checkable;
`casegate keys migrate` rewrites them as version 2.

When the file is read: each key's id is re-derived from its public key (a keyring cannot pin a
key under someone else's id), a key may belong to one identity only, and two identities whose
names are the same person's by `name_key` (NFKC, zero-width and control characters removed, case
folded, look-alike letters mapped) are refused.
"""

# No `from __future__ import annotations` here: pydantic would evaluate each field's annotation
# from its text when the models are defined, a sixth of what defining them costs a keyed `gate`.

import datetime as dt
import hashlib
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import Field, ValidationError

from .._record import FrozenRecord
from .._weak_keys import WEAK_HELP, key_weakness
from ..errors import InputError
from ..load import parse_yaml
from ..model import EMPTY_LIST, NON_EMPTY, Frozen
from ._dsse import public_key_id
from ._names import latin_form, name_key, name_words, normalise_name

if TYPE_CHECKING:
    from securesystemslib.signer import SSlibKey  # type: ignore[attr-defined]

    from ._keyring_v1 import _KeyringV1

KEYRING_VERSION = 2
"""The keyring file format version written (version 1 is still read)."""
READABLE_VERSIONS = (1, 2)

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
                # one clock for every comparison; an offset that moves it past year 1 or 9999 is refused
                return (t if t.tzinfo else t.replace(tzinfo=UTC)).astimezone(UTC)
            except ValueError:
                raise InputError(f"{value!r} is not a date or date-time",
                                 help="write YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ") from None
            except OverflowError:
                raise InputError(f"{value!r} is out of range once converted to UTC",
                                 help="write a date-time between the years 1 and 9999 in UTC") from None
        try:
            d = dt.date.fromisoformat(s)
        except ValueError:
            raise InputError(f"{value!r} is not a date or date-time",
                             help="write YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ") from None
    t = dt.datetime(d.year, d.month, d.day, tzinfo=UTC)
    return t + dt.timedelta(days=1, microseconds=-1) if end_of_day else t


class Revocation(Frozen):
    """The revocation of a key: from when it no longer counts, why, and what that means for the
    signatures it made before."""

    at: str
    """ISO date or date-time from which the key no longer counts."""
    reason: str
    """Why the key was revoked."""
    kind: Literal["compromised", "retired"] = "compromised"
    """`compromised`: every signature by the key not logged before `at` is rejected (its holder
    may backdate). `retired`: taken out of use in a rotation; signatures logged while it was
    valid keep counting."""


class KeyEntry(Frozen):
    """One key of an identity, as the keyring file lists it."""

    keyid: str = Field(pattern=r"^[0-9a-f]{64}$")
    """Key id: hex SHA-256 of the DER SubjectPublicKeyInfo (checked against `public`)."""
    roles: list[str] = NON_EMPTY
    """Roles the identity may sign in with this key."""
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


class Identity(Frozen):
    """One person: a stable id, their name, and the keys they hold."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9._-]*$")
    """Stable id of the person (kept when their name or keys change)."""
    name: str = NON_EMPTY
    """The person's name as shown; no other identity may have the same name by `name_key`."""
    organisation: str | None = None
    """The organisation the person belongs to (for judging independence)."""
    keys: list[KeyEntry] = NON_EMPTY
    """The person's keys."""


class TrustedKey(FrozenRecord):
    """One trusted key with the identity that holds it (a flattened view of the keyring).

    A plain record, not a model: it is made only from an identity and a key entry the keyring has
    already validated, so nothing is checked again (a `gate` with a keyring makes one per key and
    per signature it looks up)."""

    __slots__ = ("keyid", "person", "identity", "organisation", "roles", "keytype", "scheme", "public",
                 "valid_from", "valid_until", "revoked", "note")
    _fields = __slots__
    keyid: str
    """Key id: hex SHA-256 of the DER SubjectPublicKeyInfo (checked against `public`)."""
    person: str
    """The name of the person who holds the key."""
    identity: str
    """Stable id of the holder's identity; each identity counts once toward any requirement."""
    organisation: str | None
    """The holder's organisation."""
    roles: list[str]
    """Roles the person may sign in with this key."""
    keytype: str
    """securesystemslib key type."""
    scheme: str
    """securesystemslib signature scheme."""
    public: str
    """Public key value as securesystemslib stores it (hex for Ed25519, PEM otherwise)."""
    valid_from: str
    """ISO date or date-time the key starts to count."""
    valid_until: str
    """ISO date (inclusive) or date-time after which the key no longer counts."""
    revoked: Revocation | None
    """Set when the key is revoked."""
    note: str | None
    """Free text, e.g. 'demo key, not for real use'."""

    def __init__(self, *, keyid: str, person: str, identity: str = "", organisation: str | None = None,
                 roles: list[str], keytype: str = "ed25519", scheme: str = "ed25519", public: str,
                 valid_from: str, valid_until: str, revoked: Revocation | None = None,
                 note: str | None = None) -> None:
        for name, value in (("keyid", keyid), ("person", person), ("identity", identity),
                            ("organisation", organisation), ("roles", roles), ("keytype", keytype),
                            ("scheme", scheme), ("public", public), ("valid_from", valid_from),
                            ("valid_until", valid_until), ("revoked", revoked), ("note", note)):
            object.__setattr__(self, name, value)

    @classmethod
    def of(cls, ident: Identity, key: KeyEntry) -> "TrustedKey":
        """`key` of the identity `ident` (both validated with the keyring)."""
        return cls(keyid=key.keyid, person=ident.name, identity=ident.id, organisation=ident.organisation,
                   roles=list(key.roles), keytype=key.keytype, scheme=key.scheme, public=key.public,
                   valid_from=key.valid_from, valid_until=key.valid_until, revoked=key.revoked, note=key.note)

    def sslib_key(self) -> "SSlibKey":
        """The key as a securesystemslib key, with its casegate key id."""
        from securesystemslib.signer import SSlibKey  # type: ignore[attr-defined]

        return SSlibKey(self.keyid, self.keytype, self.scheme, {"public": self.public})

    def problems_at(self, at: dt.datetime, *, revocation: bool = True) -> list[str]:
        """Why the key does not count at `at` (empty when it does); with `revocation` false, a
        revocation is left to the caller (judged by when the log recorded each signature)."""
        out = []
        if revocation and self.revoked is not None and parse_instant(self.revoked.at) <= at:
            out.append(f"was revoked on {self.revoked.at} ({self.revoked.reason})")
        if at < parse_instant(self.valid_from):
            out.append(f"is not valid before {self.valid_from}")
        if at > parse_instant(self.valid_until, end_of_day=True):
            out.append(f"expired on {self.valid_until}")
        return out

    def entry(self) -> KeyEntry:
        """The key as its identity lists it."""
        return KeyEntry(keyid=self.keyid, roles=list(self.roles), keytype=self.keytype, scheme=self.scheme,
                        public=self.public, valid_from=self.valid_from, valid_until=self.valid_until,
                        revoked=self.revoked, note=self.note)


class Keyring(Frozen):
    """A keyring file."""

    casegate: Literal[2]
    """Format version of this file (2)."""
    kind: Literal["keyring"] = "keyring"
    """Document kind."""
    name: str
    """Readable name of the keyring."""
    note: str | None = None
    """Free text about the keyring."""
    identities: list[Identity] = EMPTY_LIST
    """The people the keyring trusts, each with their keys."""

    @property
    def keys(self) -> list[TrustedKey]:
        """Every key, with the identity that holds it."""
        return [TrustedKey.of(i, k) for i in self.identities for k in i.keys]

    def get(self, keyid: str) -> TrustedKey | None:
        """The key with this id, if trusted."""
        for i in self.identities:
            for k in i.keys:
                if k.keyid == keyid:
                    return TrustedKey.of(i, k)
        return None

    def identity(self, ref: str) -> Identity | None:
        """The identity with this id, or whose name is the same person's as `ref`."""
        return next((i for i in self.identities if i.id == ref), None) or \
            next((i for i in self.identities if name_key(i.name) == name_key(ref)), None)

    def with_key(self, keyid: str, **changes: Any) -> "Keyring":
        """The keyring with the fields `changes` set on the key `keyid`."""
        idents = [i.model_copy(update={"keys": [k.model_copy(update=changes) if k.keyid == keyid else k
                                                for k in i.keys]}) for i in self.identities]
        return self.model_copy(update={"identities": idents})

    def fingerprint(self) -> str:
        """sha256:<hex> over the keyring's RFC 8785 canonical JSON."""
        import rfc8785

        body = rfc8785.dumps(self.model_dump(mode="json", exclude_none=True))
        return "sha256:" + hashlib.sha256(body).hexdigest()


def identity_id(name: str) -> str:
    """A stable id made from a person's name (ASCII letters and digits, dashes)."""
    return re.sub(r"[^a-z0-9]+", "-", latin_form(name).encode("ascii", "ignore").decode()).strip("-") or "person"


def _from_v1(old: "_KeyringV1") -> dict[str, Any]:
    """A version 1 keyring as version 2 data: one identity per distinct name (exact spelling;
    look-alike spellings then collide and are refused)."""
    people: dict[str, dict[str, Any]] = {}
    for k in old.keys:
        entry = k.model_dump(exclude={"person"}, exclude_none=True)
        if k.person not in people:
            base = identity_id(k.person)
            ident, n = base, 2
            while any(p["id"] == ident for p in people.values()):
                ident, n = f"{base}-{n}", n + 1
            people[k.person] = {"id": ident, "name": k.person, "keys": []}
        people[k.person]["keys"].append(entry)
    return {"casegate": KEYRING_VERSION, "kind": "keyring", "name": old.name, "note": old.note,
            "identities": list(people.values())}


def _ends(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The runs of words at the start or end of a name, shorter than it."""
    return [*(words[:k] for k in range(1, len(words))), *(words[k:] for k in range(1, len(words)))]


def _mistaken(words: tuple[str, ...], seen: dict[Any, Identity]) -> tuple[Identity, str] | None:
    """Which identity seen before a name (its `name_words`) reads as, and how, or None: the same
    letters and digits once accents, punctuation and spacing are set aside (`Dana Ortíz`,
    `Dana Ortiz.`, `Dana-Ortiz`), or one name's words at the start or end of the other's (`Dana
    Ortiz PhD`, `Dr Dana Ortiz`). Two identities whose names read so could be one person counted
    twice, so the keyring refuses the second (fail closed: two people so named are told apart by
    their full names). `seen` holds, for each earlier name, its letters run together
    (`("letters", ...)`), its words (`("whole", ...)`) and the runs of words at its ends
    (`("end", ...)`)."""
    if not words:
        return None
    hit = seen.get(("letters", "".join(words)))
    if hit is not None:
        return hit, "the same letters once accents, punctuation and spacing are set aside"
    hit = seen.get(("end", words)) or next((seen[("whole", e)] for e in _ends(words) if ("whole", e) in seen), None)
    if hit is not None:
        return hit, "one name is the other's with more words"
    return None


def _remember(words: tuple[str, ...], ident: Identity, seen: dict[Any, Identity]) -> None:
    seen.setdefault(("letters", "".join(words)), ident)
    seen.setdefault(("whole", words), ident)
    for e in _ends(words):
        seen.setdefault(("end", e), ident)


def _check(ring: Keyring, where: Any) -> None:
    """Refuse what would let one person count twice or a key be claimed by two people."""
    seen_keys: dict[str, str] = {}
    published: list[tuple[KeyEntry, Identity, tuple[Any, ...]]] = []
    seen_ids: set[str] = set()
    names: dict[str, Identity] = {}
    worded: dict[Any, Identity] = {}
    # a position is looked up only for a message: finding one in the file costs more than the checks
    for i, ident in enumerate(ring.identities):
        if ident.id in seen_ids:
            raise InputError(f"identity id {ident.id!r} is listed twice", location=where(("identities", i)))
        seen_ids.add(ident.id)
        if not normalise_name(ident.name):
            raise InputError(f"identity {ident.id!r} has an empty name once invisible characters are removed",
                             location=where(("identities", i)))
        nk = name_key(ident.name)
        other = names.get(nk)
        if other is not None:
            raise InputError(f"identity {ident.id!r} ({ident.name!r}) has the same name as identity "
                             f"{other.id!r} ({other.name!r}) once case, width, invisible characters and "
                             "look-alike letters are normalised", location=where(("identities", i)),
                             help="one person is one identity: add the key to the existing identity, "
                                  "or give the other person a name that cannot be mistaken for it")
        names[nk] = ident
        words = name_words(ident.name)
        mistaken = _mistaken(words, worded)
        if mistaken is not None:
            prev, how = mistaken
            raise InputError(f"identity {ident.id!r} ({ident.name!r}) can be mistaken for identity "
                             f"{prev.id!r} ({prev.name!r}): {how}", location=where(("identities", i)),
                             help="one person is one identity: add the key to the existing identity, "
                                  "or give the other person a name that cannot be mistaken for it "
                                  "(their full name)")
        _remember(words, ident, worded)
        for j, k in enumerate(ident.keys):
            kloc = ("identities", i, "keys", j)
            try:
                derived = public_key_id(k.keytype, k.public)
            except Exception:
                raise InputError("the public key cannot be read", location=where(kloc)) from None
            if derived != k.keyid:
                raise InputError(f"keyid {k.keyid[:16]}... does not match its public key (derived {derived})",
                                 location=where(kloc), help="key ids are the SHA-256 of the DER public key")
            weak = key_weakness(k.public)
            if weak is not None:
                raise InputError(f"the keyring's key {k.keyid} of {ident.name} ({', '.join(k.roles)}) {weak}",
                                 location=where(kloc), help=WEAK_HELP)
            if k.keyid in seen_keys:
                holder = seen_keys[k.keyid]
                raise InputError(f"key {k.keyid[:16]}... is listed twice"
                                 + (f" (also under identity {holder!r}): a key belongs to one person"
                                    if holder != ident.id else ""), location=where(kloc))
            seen_keys[k.keyid] = ident.id
            published.append((k, ident, kloc))
            instants: list[tuple[tuple[str, ...], Any]] = [(("valid_from",), k.valid_from),
                                                            (("valid_until",), k.valid_until)]
            if k.revoked is not None:
                instants.append((("revoked", "at"), k.revoked.at))
            for field, value in instants:
                try:
                    parse_instant(value)
                except InputError as e:  # located at the key's field, in this keyring's file
                    raise InputError(e.message, location=where((*kloc, *field)), help=e.help) from None
    _refuse_published(published, where)


def _refuse_published(keys: list[tuple[KeyEntry, Identity, tuple[Any, ...]]], where: Any) -> None:
    """Refuse keys whose private halves casegate publishes: anyone can sign as their holders
    (`casegate._published_keys`; a demonstration lets them count and says so)."""
    from .._published_keys_data import PUBLISHED

    # a key in hex is looked up as it is; any other form is read by the full rule
    hits = [(k, ident, loc) for k, ident, loc in keys
            if len(k.public) != 64 or k.public.lower() in PUBLISHED]
    if not hits:
        return
    from .._published_keys import demo_keys, published, refuse_found

    found = [(k, ident, loc, shipped) for k, ident, loc in hits
             if (shipped := PUBLISHED.get(k.public.lower()) or published(k.public)) is not None]
    if found:  # the file is searched for a position only for the error
        refuse_found([(f"the keyring's key {k.keyid[:16]}... of {ident.name} ({', '.join(k.roles)})", shipped)
                      for k, ident, _, shipped in found], location=None if demo_keys() else where(found[0][2]))


def load_keyring(path: Path | str) -> Keyring:
    """Read and validate a keyring file (version 2, or version 1 read as version 2); every key id
    is re-derived and must match, and look-alike names of two identities are refused."""
    path = Path(path)
    if not path.exists() and not path.is_symlink():
        raise InputError("keyring not found", location=str(path),
                         help="create one with `casegate keys add`, or pass --keyring")
    from ..limits import read_regular_file

    raw = read_regular_file(path, str(path))
    doc = parse_yaml(str(path), raw)
    data = doc.data
    if not isinstance(data, dict) or data.get("kind") != "keyring":
        raise InputError("not a casegate keyring (no `kind: keyring`)", location=str(path))
    if data.get("casegate") not in READABLE_VERSIONS:
        raise InputError(f"unsupported keyring version {data.get('casegate')!r}", location=str(path),
                         help=f"this casegate reads keyring versions {', '.join(map(str, READABLE_VERSIONS))}")
    if doc.duplicates:
        d = doc.duplicates[0]
        line, col = doc.locate(d.path)
        raise InputError(f"duplicate key {d.key!r}", location=f"{path}:{line}:{col}")

    def where(loc: tuple[Any, ...]) -> str:
        line, col = doc.locate(loc)
        return f"{path}:{line}:{col}"

    def invalid(e: ValidationError) -> InputError:
        err = e.errors()[0]
        loc = tuple(err["loc"])
        return InputError(f"{'.'.join(map(str, loc))}: {err['msg']}", location=where(loc))

    legacy = data.get("casegate") == 1
    if legacy:
        from ._keyring_v1 import _KeyringV1  # its models are built only for a version 1 file

        try:
            old = _KeyringV1.model_validate(data)
        except ValidationError as e:
            raise invalid(e) from None
        data = _from_v1(old)
        # messages point at the v1 key's own position, ("keys", n)
        order = [k.keyid for k in old.keys]

        def where(loc: tuple[Any, ...]) -> str:  # noqa: F811 - v1 positions
            if len(loc) >= 4 and loc[0] == "identities":
                keyid = data["identities"][loc[1]]["keys"][loc[3]]["keyid"]
                line, col = doc.locate(("keys", order.index(keyid)))
            elif len(loc) >= 2 and loc[0] == "identities":
                first = data["identities"][loc[1]]["keys"][0]["keyid"]
                line, col = doc.locate(("keys", order.index(first)))
            else:
                line, col = doc.locate(loc)
            return f"{path}:{line}:{col}"
    try:
        ring = Keyring.model_validate(data)
    except ValidationError as e:
        raise invalid(e) from None
    _check(ring, where)
    return ring


def _q(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


def keyring_schema() -> dict[str, Any]:
    """The keyring file's JSON Schema (draft 2020-12), for editors."""
    from ..model import documented_schema

    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "https://casegate.dev/schemas/keyring.schema.json",
            **documented_schema(Keyring), "title": "casegate keyring"}


_MODELINE = "# yaml-language-server: $schema="


def dump_keyring(ring: Keyring, schema_line: str | None = None) -> str:
    """The keyring as YAML text (every scalar quoted, so it reads back exactly), with
    `schema_line` (an editor's schema modeline) under the header comment when given."""
    lines = [
        "# casegate keyring: the people casegate trusts, the keys each holds, their roles, and when.",
        *([schema_line] if schema_line else []),
        f"casegate: {ring.casegate}",
        "kind: keyring",
        f"name: {_q(ring.name)}",
    ]
    if ring.note:
        lines.append(f"note: {_q(ring.note)}")
    lines.append("identities:" if ring.identities else "identities: []")
    for i in ring.identities:
        lines.append(f"  - id: {_q(i.id)}")
        lines.append(f"    name: {_q(i.name)}")
        if i.organisation:
            lines.append(f"    organisation: {_q(i.organisation)}")
        lines.append("    keys:")
        for k in i.keys:
            lines.append(f"      - keyid: {_q(k.keyid)}")
            lines.append(f"        roles: [{', '.join(_q(r) for r in k.roles)}]")
            lines.append(f"        keytype: {_q(k.keytype)}")
            lines.append(f"        scheme: {_q(k.scheme)}")
            lines.append(f"        public: {_q(k.public)}")
            lines.append(f"        valid_from: {_q(k.valid_from)}")
            lines.append(f"        valid_until: {_q(k.valid_until)}")
            if k.revoked:
                lines.append(f"        revoked: {{at: {_q(k.revoked.at)}, reason: {_q(k.revoked.reason)}, "
                             f"kind: {_q(k.revoked.kind)}}}")
            if k.note:
                lines.append(f"        note: {_q(k.note)}")
    return "\n".join(lines) + "\n"


def save_keyring(ring: Keyring, path: Path | str) -> None:
    """Write the keyring file (an editor's schema modeline it already has is kept)."""
    p = Path(path)
    kept = None
    if p.is_file():
        kept = next((ln for ln in p.read_text(errors="replace").splitlines() if ln.startswith(_MODELINE)), None)
    p.write_text(dump_keyring(ring, kept))


def new_keyring(name: str) -> Keyring:
    """An empty keyring."""
    return Keyring(casegate=KEYRING_VERSION, name=name)


def add_key(ring: Keyring, public_key: "SSlibKey", *, person: str, roles: list[str], valid_from: str,
            valid_until: str, note: str | None = None, identity: str | None = None,
            organisation: str | None = None) -> Keyring:
    """The keyring with one more key.

    The key goes to the identity `identity` names (its id), or to the identity whose name is the
    same person's as `person`, or to a new identity for `person`. Refused: a key already in the
    keyring (whoever holds it), an `identity` whose name is not `person`, and a name that is a
    look-alike (not the exact spelling) of an existing identity's name.
    """
    if ring.get(public_key.keyid):
        raise InputError(f"key {public_key.keyid} is already in the keyring",
                         help="revoke it and add a new key to change who holds it")
    if parse_instant(valid_until, end_of_day=True) < parse_instant(valid_from):
        raise InputError("--until is before --from")
    k = KeyEntry(keyid=public_key.keyid, roles=roles, keytype=public_key.keytype, scheme=public_key.scheme,
                 public=public_key.keyval["public"], valid_from=valid_from, valid_until=valid_until, note=note)
    existing = next((i for i in ring.identities if i.id == identity), None) if identity else \
        next((i for i in ring.identities if name_key(i.name) == name_key(person)), None)
    if identity and existing is None and ring.identity(person) is not None:
        raise InputError(f"{person!r} is already identity {ring.identity(person).id!r}",  # type: ignore[union-attr]
                         help="add the key to that identity, or name another person")
    if existing is not None:
        if existing.name != person:
            raise InputError(f"{person!r} is not the name of identity {existing.id!r} ({existing.name!r})",
                             help="a key is added under the identity's exact name; a look-alike name "
                                  "is refused so no one can claim another person's identity")
        if organisation and existing.organisation and organisation != existing.organisation:
            raise InputError(f"identity {existing.id!r} belongs to {existing.organisation!r}, not {organisation!r}")
        updated = existing.model_copy(update={"keys": [*existing.keys, k],
                                              "organisation": existing.organisation or organisation})
        idents = [updated if i is existing else i for i in ring.identities]
    else:
        new_id = identity or identity_id(person)
        if any(i.id == new_id for i in ring.identities):
            raise InputError(f"identity id {new_id!r} is taken", help="pass --identity with another id")
        idents = [*ring.identities, Identity(id=new_id, name=person, organisation=organisation, keys=[k])]
    out = ring.model_copy(update={"identities": idents})
    _check(Keyring.model_validate(out.model_dump()), lambda loc: "keyring")
    return out


def revoke_key(ring: Keyring, keyid: str, *, at: str, reason: str,
               kind: Literal["compromised", "retired"] = "compromised") -> Keyring:
    """The keyring with the key (id or unique id prefix) revoked from `at`."""
    matches = [k for k in ring.keys if k.keyid.startswith(keyid)]
    if len(matches) != 1:
        raise InputError(f"{'no' if not matches else 'more than one'} key matches {keyid!r}",
                         help="`casegate keys show KEYRING` lists the key ids")
    parse_instant(at)
    target = matches[0].keyid
    idents = [i.model_copy(update={"keys": [
        k.model_copy(update={"revoked": Revocation(at=at, reason=reason, kind=kind)}) if k.keyid == target else k
        for k in i.keys]}) for i in ring.identities]
    return ring.model_copy(update={"identities": idents})
