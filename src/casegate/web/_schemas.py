"""The JSON bodies the API returns, as typed models: each endpoint's OpenAPI description names
one of these, so a client knows every field. Parts whose shape is owned elsewhere and versioned
on their own (a decision record, a log entry's payload, a published summary) are typed as JSON
objects; the models allow fields added later (a newer board's field is not an error)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class _Out(BaseModel):
    model_config = ConfigDict(extra="allow")


class CaseSummary(_Out):
    """A case in the list: its state and latest decision."""

    id: str
    title: str
    state: str | None
    restricted_to: str | None
    versions: int
    outcome: str | None


class WithheldOut(_Out):
    """Why part of a case is withheld from a token."""

    ceiling: str
    """The highest confidentiality level the token reads."""
    case_level: str | None
    """The highest level the case holds (None when a stored version does not load, so it cannot
    be established)."""
    reason: str
    """In words."""


class CaseDetail(_Out):
    """A case: its state, how many versions, the latest one, and the latest recorded decision."""

    id: str
    title: str
    state: str | None
    restricted_to: str | None
    versions: int
    latest_version: int | None
    decision: dict[str, Any] | None
    """The latest decision record (findings, conditions, the eight answers), as `gate` writes it;
    None when the case holds more than the token's ceiling (see `withheld`)."""
    withheld: WithheldOut | None = None
    """Why part of the case is withheld from this token (its ceiling is below what the case holds)."""
    summary: dict[str, Any] | None = None
    """When withheld: the case as `casegate publish` summarises it at the token's ceiling."""


class VersionFile(_Out):
    path: str
    role: str
    """case, include, policy, artifact, companion or attestation."""
    sha256: str
    size: int


class VersionEvidence(_Out):
    id: str
    kind: str | None
    producer: str | None
    date: str | None
    expires: str | None
    confidentiality: str | None
    artifact: str | None
    declared_sha256: str | None
    artifact_sha256: str | None


class CaseVersion(_Out):
    """An immutable version of a case, with every file's and evidence artifact's digest."""

    case_id: str
    version: int
    digest: str
    title: str
    declared_version: str | None
    main: str
    policy: str | None
    submitted_at: str
    log_index: int
    files: list[VersionFile]
    evidence: list[VersionEvidence]
    withheld: WithheldOut | None = None
    """Set (and files and evidence left out) when the case holds more than the token's ceiling."""


class Finding(_Out):
    """A finding of the latest recorded gate run, as the decision record holds it."""

    code: str
    severity: str
    message: str | None
    """None when it concerns content above the token's ceiling."""
    withheld_reason: str | None = None
    """Why the message is withheld."""


class EvidenceStatistics(_Out):
    """For counts: successes of trials with the interval and upper bound at the policy's confidence;
    for red-teaming: bypasses of attempts with the upper bound."""

    successes: int | None = None
    trials: int | None = None
    interval: list[float] | None = None
    bypasses: int | None = None
    attempts: int | None = None
    upper_bound: float
    """The one-sided upper bound at the policy's confidence and interval method: the number the gate
    decides on (pages show only this one)."""
    confidence: float | None = None
    """The policy's confidence level of `upper_bound`."""
    method: str | None = None
    """The policy's interval method of `upper_bound` (clopper-pearson, wilson, ...)."""


class EvidenceRow(_Out):
    """An evidence item of the latest version."""

    id: str
    kind: str
    title: str | None
    producer: str | None
    independent: bool | None
    date: str | None
    sha256: str | None
    confidentiality: str
    statistics: EvidenceStatistics | None
    basis: str | None
    """Where the item's numbers come from: derived from its artifact, or declared in the YAML."""
    withheld: str | None = None
    """Why the item is shown only by id, kind and level: it is above the token's ceiling (its
    other fields are then None)."""


class LogEvent(_Out):
    """A log entry about the case, with its RFC 9162 leaf hash."""

    index: int
    kind: str
    case_id: str | None
    payload: dict[str, Any]
    recorded_at: str
    leaf_hash: str
    withheld: str | None = None
    """Set when the payload holds only the public fields: the case holds more than the token's ceiling."""


class ProvedEntry(_Out):
    """A log entry with its inclusion path under the proof's checkpoint."""

    index: int
    kind: str
    case_id: str | None
    payload: dict[str, Any]
    recorded_at: str
    path: list[str]
    """Hex hashes of the inclusion path."""


class TailEntry(_Out):
    """A log entry, whole: its leaf hash is recomputed from these fields."""

    index: int
    kind: str
    case_id: str | None
    payload: dict[str, Any]
    recorded_at: str


class CarriedConsistency(_Out):
    """A consistency proof a state proof carries."""

    from_: int = Field(alias="from")
    """The size of the older tree."""
    path: list[str]
    """Hex hashes of the RFC 9162 consistency proof from it to the checkpoint's tree."""


class StateProof(_Out):
    """Every log entry from the case's first to the latest signed checkpoint's size, and the
    inclusion path of the first (`casegate verify` checks that they rebuild the checkpoint's
    root, so none of the case's entries is left out)."""

    casegate: int
    kind: str
    case_id: str
    checkpoint: str
    """The signed checkpoint note (C2SP signed-note text)."""
    first: int
    """The index of the case's first log entry (its version 1)."""
    path: list[str]
    """Hex hashes of the first entry's inclusion path."""
    entries: list[TailEntry]
    """Every log entry from `first` to the checkpoint's size, in order (other cases' too)."""
    freshness: str | None = None
    """Asked for with `?nonce=`: a note the log key signs binding the nonce to this case and the
    checkpoint (`casegate verify --registry-url` sends a fresh nonce and requires it)."""
    keyring_changes: list[ProvedEntry]
    """Every keyring change the log holds under the checkpoint, each with its inclusion path."""
    consistency: list[CarriedConsistency] | None = None
    """Asked for with `?since=SIZE`: the RFC 9162 consistency proof from the log's tree of each
    size to the checkpoint's (what `casegate verify --seen` needs when the tree it kept is older
    than the case's first entry)."""


class GateRun(_Out):
    """The decision the gate run recorded."""

    index: int
    """Its log entry."""
    outcome: str
    signoffs_declared_not_signed: list[str] = []
    """`person (role): why` of each sign-off line that did not count (no envelope, or one that
    does not verify against the board's keyring), as `casegate gate` reports them."""


class PublicCaseSummary(_Out):
    id: str
    state: str | None
    summary_sha256: str | None
    judgement: int | None = None
    """The log index of the registry's judgement the published summary was held to; null for a
    publication recorded before publications named theirs."""


class PublicCase(_Out):
    id: str
    state: str | None
    summary: dict[str, Any] | None
    """The published summary, redacted at publication."""
    judgement: int | None = None
    """The log index of the registry's judgement the published summary was held to; null for a
    publication recorded before publications named theirs."""


class CheckpointOut(_Out):
    size: int
    """The log's current tree size."""
    checkpoint: str | None
    """The latest signed checkpoint note, or none when no checkpoint was signed yet."""


class InclusionProofOut(_Out):
    index: int
    tree_size: int
    leaf_hash: str
    path: list[str]
    root: str


class ConsistencyProofOut(_Out):
    old_size: int
    new_size: int
    old_root: str
    new_root: str
    path: list[str]
