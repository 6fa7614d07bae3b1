"""What the registry hands back: log entries, case versions, their files and evidence items,
and the auditor's report."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from ._canonical import entry_bytes

CASE_STATES = ("draft", "under-review", "approved", "approved-with-conditions", "reopened",
               "restricted", "withdrawn", "superseded")
"""The states a case can be in (the monitor layer decides which transitions are legal)."""


@dataclass(slots=True)
class LogEntry:
    """One event in the append-only log; its leaf hash commits to all of it. Treat it as
    read-only (it is not frozen only because appends create very many of them)."""

    index: int
    """Position in the log, from 0."""
    kind: str
    """What happened: 'case-version', 'decision', 'signoff', 'objection', 'state-change', ..."""
    case_id: str | None
    """The case the event is about, if any."""
    payload: dict[str, Any]
    """The event's JSON payload."""
    recorded_at: str
    """UTC time of recording, ISO 8601 with microseconds and a 'Z'."""
    leaf_hash: bytes
    """RFC 9162 leaf hash of the entry's RFC 8785 JSON, as stored in the tree."""

    def entry(self) -> dict[str, Any]:
        """The JSON object the leaf hash is computed over."""
        return {"index": self.index, "kind": self.kind, "case_id": self.case_id,
                "payload": self.payload, "recorded_at": self.recorded_at}

    def canonical(self) -> bytes:
        """RFC 8785 bytes of `entry()`: what an auditor hashes (with a 0x00 prefix)."""
        import rfc8785

        return entry_bytes(self.index, self.kind, self.case_id, rfc8785.dumps(self.payload), self.recorded_at)

    def to_json(self) -> dict[str, Any]:
        return {**self.entry(), "leaf_hash": self.leaf_hash.hex()}


@dataclass(frozen=True)
class CaseFile:
    """One file of a case version: a case or include file, the policy, or an evidence artifact."""

    path: str
    """Path relative to the version's root folder (POSIX separators), or 'builtin:<name>'."""
    role: str
    """'case', 'include', 'policy', 'artifact', 'companion' (a further file pinned with an artifact,
    e.g. lm-eval's per-sample log) or 'attestation' (an evidence attestation envelope)."""
    sha256: str
    size: int
    content: bytes | None = None
    """The file's bytes (present when the version was read with its contents)."""


@dataclass(frozen=True)
class EvidenceRecord:
    """An evidence item as it stood in a case version, with its artifact's digest."""

    evidence_id: str
    kind: str
    producer: str
    date: str
    expires: str | None
    confidentiality: str
    artifact: str | None
    """The artifact's stored path (relative to the version root), if it names one."""
    declared_sha256: str | None
    """The sha256 the case pins for the artifact."""
    artifact_sha256: str | None
    """The sha256 of the artifact bytes found at submission (None when the file was missing)."""


@dataclass(frozen=True)
class CaseVersionRecord:
    """An immutable version of a case in the registry."""

    case_id: str
    number: int
    """1, 2, ... in order of submission."""
    digest: str
    """sha256 over the RFC 8785 JSON of the main path and every file's path and sha256."""
    title: str
    declared_version: str
    """The `version:` the case file itself declares."""
    main_path: str
    policy_ref: str
    submitted_at: str
    log_index: int
    """Index of the 'case-version' log entry that recorded it."""
    files: tuple[CaseFile, ...] = ()
    evidence: tuple[EvidenceRecord, ...] = ()

    @property
    def ref(self) -> str:
        return f"{self.case_id}@{self.number}"

    def to_json(self) -> dict[str, Any]:
        return {
            "case_id": self.case_id, "version": self.number, "digest": self.digest, "title": self.title,
            "declared_version": self.declared_version, "main": self.main_path, "policy": self.policy_ref,
            "submitted_at": self.submitted_at, "log_index": self.log_index,
            "files": [{"path": f.path, "role": f.role, "sha256": f.sha256, "size": f.size} for f in self.files],
            "evidence": [
                {"id": e.evidence_id, "kind": e.kind, "producer": e.producer, "date": e.date,
                 "expires": e.expires, "confidentiality": e.confidentiality, "artifact": e.artifact,
                 "declared_sha256": e.declared_sha256, "artifact_sha256": e.artifact_sha256}
                for e in self.evidence],
        }


@dataclass(frozen=True)
class VersionTexts:
    """The case and include files of a stored version, with their bytes (`CaseStore.version_texts`)."""

    number: int
    declared_version: str
    """The `version:` the case file itself declares."""
    submitted_at: str
    """When the registry recorded the version (its log's clock)."""
    main_path: str
    """The main case file's path, among `files`."""
    files: dict[str, bytes]
    """Path (relative to the version's root) -> bytes of each case and include file."""


@dataclass
class LogReport:
    """What `verify_log` checked, for the auditor to read (it raises instead of failing)."""

    size: int
    """Entries in the log."""
    root: str
    """Recomputed root hash (hex) of the whole log."""
    origin: str
    checkpoint_size: int | None = None
    """Size of the latest stored checkpoint, if any."""
    checkpoints_checked: int = 0
    key_source: str = ""
    """Where the public key came from: 'given' or 'stored in the registry' (self-attested)."""
    trusted_size: int | None = None
    """Size of the auditor's own checkpoint, when one was given."""
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        lines = [f"log {self.origin}: {self.size} entries, every leaf and tree hash recomputed",
                 f"root {self.root}"]
        if self.checkpoint_size is None:
            lines.append("no signed checkpoint yet: nothing signed vouches for this root")
        else:
            lines.append(f"latest checkpoint (size {self.checkpoint_size}) matches; "
                         f"{self.checkpoints_checked} checkpoint(s) checked, key {self.key_source}")
        if self.trusted_size is not None:
            lines.append(f"consistent with your checkpoint at size {self.trusted_size} (RFC 9162 proof verified)")
        lines.extend(self.notes)
        return "\n".join(lines)

    def to_json(self) -> str:
        return json.dumps(self.__dict__, indent=2)
