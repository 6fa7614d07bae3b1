"""Evidence attestations: statements an evaluator signed over an evidence artifact's digest,
as verified against a keyring. Independence is derived from these, never from the case's own
`independent: true`."""

import json
from typing import Any, Literal

from pydantic import Field

from ._base import Frozen, Sha256, new_list
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


class EvidenceAttestation(Frozen):
    """A signed statement over one artifact's sha256 whose signature verified against a keyring
    key valid when it was signed (the signer's organisation comes from the keyring, not from the
    statement)."""

    label: str
    """The envelope as messages name it (its file)."""
    sha256: Sha256
    """The artifact digest the statement covers (its subject)."""
    person: str
    """The signer's name in the keyring."""
    identity: str
    """The signer's identity id in the keyring."""
    organisation: str | None = None
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
    evidence: str | None = None
    """The evidence item the signer attested: the attestation counts only for an item of that id
    (the digest binds the bytes, the id what the case calls them)."""
    kind: str | None = None
    """The item's kind as the signer attested it; an item of another kind does not count."""
    tests: tuple[str, ...] | None = None
    """The safeguards the item tests, as the signer attested them; an item that claims to test
    any other does not count."""
    result: dict[str, Any] | None = None
    """The item's declared result as the signer attested it (canonical form: the fields that
    differ from their defaults); an item that now declares another does not count."""
    date: str | None = None
    """The item's declared date (ISO) as the signer attested it; an item dated otherwise does not
    count. None only for a statement that records no date, which never counts."""
    safeguards: dict[str, dict[str, Any] | None] | None = None
    """What each safeguard the item tests was when signed (`Safeguard.definition`: its layer,
    title, the steps it blocks, whether it is a security control; None for an id the case did
    not define): the test is evidence about that safeguard, so a safeguard the case now defines
    otherwise under the same id is not what was tested. None: the statement records none, which
    never counts for an item that tests a safeguard."""
    system_digests: tuple[str, ...] | None = None
    """The system's digests (`system.digests`) the case named when signed, for an item that
    measures the weights (`Case.measuring_weights`): it counts only while one of them is still
    the system's. None: the statement records none, which never counts for such an item."""
    envelope: str | None = None
    """sha256 of the envelope's canonical JSON (how a decision refers to the attestations it
    counted)."""


class RejectedAttestation(Frozen):
    """An evidence attestation envelope set aside, and why."""

    reason: str
    """Why it does not count (unknown key, bad signature, expired key, ...)."""
    sha256: Sha256 | None = None
    """The artifact digest its (unverified) subject names, when it can be read."""


class AttestationSet(Frozen):
    """Every evidence attestation found for a case, checked against one keyring."""

    keyring: str
    """The keyring's name (what the signatures were checked against)."""
    attestations: list[EvidenceAttestation] = Field(default_factory=new_list)
    """The statements whose signatures verified."""
    rejected: list[RejectedAttestation] = Field(default_factory=new_list)
    """Envelopes set aside, each with why (unknown key, bad signature, expired key, ...)."""
    author_organisations: list[str] = Field(default_factory=new_list)
    """Organisations of the case's authors, as the keyring records them: developer organisations
    beside the ones the policy names."""
