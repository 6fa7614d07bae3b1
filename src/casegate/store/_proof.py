"""State proofs: a case's state as the log proves it, not as a mutable column says.

A state proof holds a checkpoint the log signed, and every entry of the case that decides its
state (its versions, state changes, objections and their answers), the signed statements it
rests on (its decisions with their bundles, its sign-offs) and the files of the model each
version is about as the registry hashed them (`model-files`), each with an RFC 9162
inclusion proof under that checkpoint. Replaying the state changes in log order gives the
state; the registry's `cases` row is only a cache of it.

    {"casegate": 1, "kind": "state-proof", "case_id": ..., "checkpoint": "<signed note>",
     "entries": [{"index", "kind", "case_id", "payload", "recorded_at", "path": [hex, ...]}]}
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from . import _merkle as mk
from ._canonical import canonical, entry_bytes
from ._records import LogEntry

STATE_PROOF_VERSION = 1
MODEL_FILES_EVENT = "model-files"
"""Log entry kind of the files (path and sha256) of a stored version's model, as the registry
hashed them (`registry submit --model`)."""
PROOF_KINDS = ("case-version", "state-change", "objection", "objection-answer", "decision", "signoff",
               MODEL_FILES_EVENT)
"""The kinds of a case's entries a state proof carries (decisions and sign-offs for the time the
log recorded each signature; the model's files, which `verify --model` compares path for path)."""


@dataclass
class Replayed:
    """A case's state from replaying its log entries, and anything that does not add up."""

    state: str | None = None
    """None when the entries hold no version of the case (the log does not know it)."""
    restricted_to: str | None = None
    problems: list[str] = field(default_factory=list)
    last_change: LogEntry | None = None


def replay(entries: Sequence[LogEntry]) -> Replayed:
    """Replay a case's entries (in log order): the state starts as draft when the first version
    is logged and each state change must start from the state the one before left."""
    out = Replayed()
    if any(e.kind == "case-version" for e in entries):
        out.state = "draft"
    for e in entries:
        if e.kind != "state-change":
            continue
        if out.state is None:
            out.problems.append(f"log entry {e.index} changes the state of a case with no logged version")
            out.state = "draft"
        frm, to = e.payload.get("from"), e.payload.get("to")
        if frm != out.state:
            out.problems.append(f"log entry {e.index} moves the case from {frm}, but the entries before it "
                                f"leave it {out.state}: a state change is missing")
        out.state = str(to)
        out.restricted_to = e.payload.get("restricted_to")
        out.last_change = e
    return out


def leaf_of(e: LogEntry) -> bytes:
    """The RFC 9162 leaf hash of an entry, recomputed from its fields."""
    return mk.leaf_hash(entry_bytes(e.index, e.kind, e.case_id, canonical(e.payload), e.recorded_at))


def entry_json(e: LogEntry, path: Sequence[bytes]) -> dict[str, Any]:
    return {"index": e.index, "kind": e.kind, "case_id": e.case_id, "payload": e.payload,
            "recorded_at": e.recorded_at, "path": [h.hex() for h in path]}
