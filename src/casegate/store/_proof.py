"""State proofs: a case's state as the log proves it, not as a mutable column says.

A state proof holds a checkpoint the log signed and EVERY log entry from the case's first one
(the entry of its version 1) to the end of the checkpoint's tree, in full, with the inclusion
path of that first entry. The verifier recomputes each entry's leaf hash and rebuilds the
path's right-hand side from them (`merkle.verify_tail`): the path leads to the checkpoint's
root only if the entries are exactly the log's from that index on, so no entry of the case
(a reopening, an objection) can be left out, and the entries of other cases in that range show
by their `case_id` that they are not about this one. Replaying the case's state changes in log
order gives the state; the registry's `cases` row is only a cache of it.

A leaf commits to the entry's whole text (its payload in clear), so the other cases' entries
in the range are carried whole: a state proof discloses them to whoever holds it.

    {"casegate": 2, "kind": "state-proof", "case_id": ..., "checkpoint": "<signed note>",
     "first": i, "path": [hex, ...],                 # PATH(i, D[tree_size])
     "entries": [{"index", "kind", "case_id", "payload", "recorded_at"}, ...],  # i .. size-1
     "keyring_changes": [{..., "path": [hex, ...]}, ...],   # every keyring change, each proven
     "earlier": {"first": j, "path": [hex, ...],       # optional: PATH(j, D[tree_size])
                 "entries": [...]}}                   # j .. i-1

`earlier` is there when a NO-GO among the entries, of another case, judged a version whose
`case-version` entry is before the case's first (`earlier_start`): it carries every entry from the
earliest such version's entry `j` up to the case's first, and with the main entries they must
rebuild the checkpoint's root from `j` on (`merkle.verify_tail`), so the judged version's system
and the model files the registry hashed for it after it are in view, none left out. Without it
(an older proof), `verify` cannot tell which model such a NO-GO is about and fails closed.

Version 1 proofs carried only the case's own entries, each with its inclusion path; they
cannot show that none was left out and are refused.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from . import _merkle as mk
from ._canonical import canonical, entry_bytes
from ._records import LogEntry

STATE_PROOF_VERSION = 2
OLD_STATE_PROOF = ("this state proof was made by an older casegate (format 1), which carries only the "
                   "case's own entries and so cannot show that none was left out: make a new proof with "
                   "this casegate (`casegate state-proof CASE_ID`)")
MODEL_FILES_EVENT = "model-files"
"""Log entry kind of the files (path and sha256) of a stored version's model, as the registry
hashed them (`registry submit --model`)."""


def model_files_listed(payload: Any) -> dict[str, str] | None:
    """The files a `model-files` entry's payload lists, path -> sha256 hex, when it shows the
    registry hashed the model's weights: every file, readably (each path once), with at least one
    weights file among them, path for path. None otherwise (an entry logged before the registry
    logged every file lists only the weights)."""
    import re

    raw = payload.get("files") if isinstance(payload, dict) else None
    weights = payload.get("weights") if isinstance(payload, dict) else None
    if not isinstance(raw, list) or not isinstance(weights, list) or not weights:
        return None
    out: dict[str, str] = {}
    for f in raw:
        if not (isinstance(f, list) and len(f) == 2 and isinstance(f[0], str) and isinstance(f[1], str)
                and re.fullmatch(r"[0-9a-f]{64}", f[1]) and f[0] not in out):
            return None
        out[f[0]] = f[1]
    if not all(isinstance(w, list) and len(w) == 2 and out.get(w[0]) == w[1] for w in weights):
        return None
    return out
KEYRING_CHANGE = "keyring-change"
"""Log entry kind of a keyring change (a key added or revoked), logged with no case."""
PROOF_KINDS = ("case-version", "state-change", "objection", "objection-answer", "decision", "signoff",
               MODEL_FILES_EVENT, "publication", "condition-met", "judgement")
"""The kinds of a case's entries a state proof carries (decisions and sign-offs for the time the
log recorded each signature; the model's files, which `verify --model` compares path for path;
publications, whose absence past the policy's days stops a deploy verifying; the signed
confirmations that a condition was met, without which a condition past its due date stops it;
the registry's judgements, whose NO-GO of a newer version stops an older approval).
The proof holds every entry of the case up to its checkpoint whatever its kind (see above), so
none of these can be left out; this list is what `verify` reads of them."""


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


def entry_json(e: LogEntry, path: Sequence[bytes] | None = None) -> dict[str, Any]:
    """An entry as a state proof carries it (with its inclusion path, when given)."""
    out: dict[str, Any] = {"index": e.index, "kind": e.kind, "case_id": e.case_id, "payload": e.payload,
                           "recorded_at": e.recorded_at}
    if path is not None:
        out["path"] = [h.hex() for h in path]
    return out


def first_entry(entries: Sequence[LogEntry], case_id: str) -> LogEntry | None:
    """The case's first entry, where its state proof starts: the entry of its version 1 (the
    registry logs it when the case is first submitted, before anything else about it)."""
    return next((e for e in entries if e.case_id == case_id), None)


def judged_elsewhere(tail: Sequence[LogEntry], case_id: str) -> list[tuple[str, int | None]]:
    """(case id, version; None: the entry does not number it) of each version of another case
    that a NO-GO among `tail` (a `decision` or `judgement` entry) judged: what `verify` must see
    the `case-version` entry of to tell whether that NO-GO is about the deployed case's model."""
    out: list[tuple[str, int | None]] = []
    for e in tail:
        p = e.payload if isinstance(e.payload, dict) else {}
        if e.kind in ("decision", "judgement") and e.case_id and e.case_id != case_id \
                and p.get("outcome") == "NO-GO":
            v = p.get("version")
            key = (str(e.case_id), v if type(v) is int else None)
            if key not in out:
                out.append(key)
    return out


def earlier_start(version_entries: Sequence[LogEntry], judged: Sequence[tuple[str, int | None]],
                  first: int) -> int | None:
    """The earliest log index, before `first` (the case's first entry), of a `case-version` entry
    among `version_entries` of a version in `judged` (`judged_elsewhere`; a version not numbered:
    every version of its case), or None when there is none: where a proof's `earlier` starts."""
    wanted = {k for k in judged}
    cases = {c for c, v in judged if v is None}
    found = [e.index for e in version_entries if e.kind == "case-version" and e.index < first
             and isinstance(e.payload, dict)
             and (e.case_id in cases or (e.case_id, e.payload.get("version")) in wanted)]
    return min(found) if found else None


def state_proof_doc(case_id: str, checkpoint: str, tail: Sequence[LogEntry], first_path: Sequence[bytes],
                    keyring_changes: Sequence[dict[str, Any]], earlier: Sequence[LogEntry] = (),
                    earlier_path: Sequence[bytes] = ()) -> dict[str, Any]:
    """The state proof document: `tail` is every log entry from the case's first to the end of
    the checkpoint's tree, `first_path` the inclusion path of the first; `earlier`, when given,
    every entry from `earlier_start` to the case's first, `earlier_path` the inclusion path of
    its first."""
    doc = {"casegate": STATE_PROOF_VERSION, "kind": "state-proof", "case_id": case_id,
           "checkpoint": checkpoint, "first": tail[0].index if tail else None,
           "path": [h.hex() for h in first_path], "entries": [entry_json(e) for e in tail],
           "keyring_changes": list(keyring_changes)}
    if earlier:
        doc["earlier"] = {"first": earlier[0].index, "path": [h.hex() for h in earlier_path],
                          "entries": [entry_json(e) for e in earlier]}
    return doc


def carry_consistency(proof: dict[str, Any], sizes: Sequence[int],
                      prove: Callable[[int, int], Sequence[bytes]], *, named: str = "--since") -> None:
    """Add to `proof` the RFC 9162 consistency proof from the tree of each of `sizes` to the
    proof's checkpoint (`prove(old, new)` gives its path), as `verify --seen` reads them
    (`consistency: [{from, path}]`): what a verifier that kept a tree older than the case's first
    entry needs. `state-proof --since` and the board's `?since=` both carry them here. A size
    outside 1..the checkpoint's is an InputError naming it as `named`."""
    from ..errors import InputError

    size = int(str(proof["checkpoint"]).splitlines()[1])
    carried = []
    for old in dict.fromkeys(sizes):
        if not 0 < old <= size:
            raise InputError(f"{named} {old}: the proof's checkpoint is of the tree of size {size}",
                             help="give the size of the checkpoint `verify --seen` kept (1 to the proof's size)")
        carried.append({"from": old, "path": [h.hex() for h in prove(old, size)] if old < size else []})
    proof["consistency"] = carried
