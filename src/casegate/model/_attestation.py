"""Evidence attestations: statements an evaluator signed over an evidence artifact's digest,
as verified against a keyring. Independence is derived from these, never from the case's own
`independent: true`.

They are plain records, not models: nothing is read into them from a file, only what
`casegate.sign.check_attestations` has verified (a digest it matched, a key from the keyring), so
a `gate` with a keyring builds no validator for them.
"""

import json
from typing import Any, Literal

from .._record import FrozenRecord
from ._case import Result

AttestedActivity = Literal["ran", "reviewed"]
"""What the attester did: ran the evaluation or test themselves, or reviewed its run and result."""


def declared_result(result: Result | None) -> dict[str, Any] | None:
    """An item's declared `result` in the canonical form an evidence attestation signs and is
    compared by: its fields that differ from their defaults, as JSON values (None: no result)."""
    if result is None:
        return None
    out: dict[str, Any] = json.loads(result.model_dump_json(exclude_defaults=True))
    return out


class EvidenceAttestation(FrozenRecord):
    """A signed statement over one artifact's sha256 whose signature verified against a keyring
    key valid when it was signed (the signer's organisation comes from the keyring, not from the
    statement)."""

    __slots__ = ("label", "sha256", "person", "identity", "organisation", "keyid", "role", "activity",
                 "statement", "signed_at", "evidence", "kind", "tests", "result", "date", "safeguards",
                 "system_digests", "files", "envelope")
    _fields = __slots__
    label: str
    """The envelope as messages name it (its file)."""
    sha256: str
    """The artifact digest the statement covers (its subject): 64 lowercase hex characters."""
    person: str
    """The signer's name in the keyring."""
    identity: str
    """The signer's identity id in the keyring."""
    organisation: str | None
    """The signer's organisation as the keyring records it (None: the keyring records none)."""
    keyid: str
    """The key that signed."""
    role: str
    """The role the statement was signed in."""
    activity: AttestedActivity
    """Whether the signer ran the evaluation or reviewed it."""
    statement: str
    """What the signer says they ran or reviewed."""
    signed_at: str
    """When it was signed (ISO date-time)."""
    evidence: str | None
    """The evidence item the signer attested: the attestation counts only for an item of that id
    (the digest binds the bytes, the id what the case calls them)."""
    kind: str | None
    """The item's kind as the signer attested it; an item of another kind does not count."""
    tests: tuple[str, ...] | None
    """The safeguards the item tests, as the signer attested them; an item that claims to test
    any other does not count."""
    result: dict[str, Any] | None
    """The item's declared result as the signer attested it (canonical form: the fields that
    differ from their defaults); an item that now declares another does not count."""
    date: str | None
    """The item's declared date (ISO) as the signer attested it; an item dated otherwise does not
    count. None only for a statement that records no date, which never counts."""
    safeguards: dict[str, dict[str, Any] | None] | None
    """What each safeguard the item tests was when signed (`Safeguard.definition`: its layer,
    title, the steps it blocks, whether it is a security control; None for an id the case did
    not define): the test is evidence about that safeguard, so a safeguard the case now defines
    otherwise under the same id is not what was tested. None: the statement records none, which
    never counts for an item that tests a safeguard."""
    system_digests: tuple[str, ...] | None
    """The system's digests (`system.digests`) the case named when signed, for an item that
    measures the weights (`Case.measuring_weights`): it counts only while one of them is still
    the system's. None: the statement records none, which never counts for such an item."""
    files: tuple[str, ...] | None
    """The sha256 of each further file the item's counts are read from (`source.files`, e.g.
    lm-eval's per-sample file), sorted, as the case pinned them when signed: the artifact alone
    does not fix the counts, so an item whose further files are other bytes does not count. None:
    the statement records none, which never counts for an item that has further files."""
    envelope: str | None
    """sha256 of the envelope's canonical JSON (how a decision refers to the attestations it
    counted)."""

    def __init__(self, *, label: str, sha256: str, person: str, identity: str, organisation: str | None = None,
                 keyid: str, role: str, activity: AttestedActivity, statement: str, signed_at: str,
                 evidence: str | None = None, kind: str | None = None, tests: tuple[str, ...] | None = None,
                 result: dict[str, Any] | None = None, date: str | None = None,
                 safeguards: dict[str, dict[str, Any] | None] | None = None,
                 system_digests: tuple[str, ...] | None = None, files: tuple[str, ...] | None = None,
                 envelope: str | None = None) -> None:
        for name, value in (("label", label), ("sha256", sha256), ("person", person), ("identity", identity),
                            ("organisation", organisation), ("keyid", keyid), ("role", role),
                            ("activity", activity), ("statement", statement), ("signed_at", signed_at),
                            ("evidence", evidence), ("kind", kind), ("tests", tests), ("result", result),
                            ("date", date), ("safeguards", safeguards), ("system_digests", system_digests),
                            ("files", files), ("envelope", envelope)):
            object.__setattr__(self, name, value)


class RejectedAttestation(FrozenRecord):
    """An evidence attestation envelope set aside, and why."""

    __slots__ = ("reason", "sha256")
    _fields = __slots__
    reason: str
    """Why it does not count (unknown key, bad signature, expired key, ...)."""
    sha256: str | None
    """The artifact digest its (unverified) subject names, when it can be read."""

    def __init__(self, *, reason: str, sha256: str | None = None) -> None:
        object.__setattr__(self, "reason", reason)
        object.__setattr__(self, "sha256", sha256)


class AttestationSet(FrozenRecord):
    """Every evidence attestation found for a case, checked against one keyring."""

    __slots__ = ("keyring", "attestations", "rejected", "author_organisations")
    _fields = __slots__
    keyring: str
    """The keyring's name (what the signatures were checked against)."""
    attestations: list[EvidenceAttestation]
    """The statements whose signatures verified."""
    rejected: list[RejectedAttestation]
    """Envelopes set aside, each with why (unknown key, bad signature, expired key, ...)."""
    author_organisations: list[str]
    """Organisations of the case's authors, as the keyring records them: developer organisations
    beside the ones the policy names."""

    def __init__(self, *, keyring: str, attestations: list[EvidenceAttestation] | None = None,
                 rejected: list[RejectedAttestation] | None = None,
                 author_organisations: list[str] | None = None) -> None:
        object.__setattr__(self, "keyring", keyring)
        object.__setattr__(self, "attestations", [] if attestations is None else attestations)
        object.__setattr__(self, "rejected", [] if rejected is None else rejected)
        object.__setattr__(self, "author_organisations", [] if author_organisations is None else author_organisations)
