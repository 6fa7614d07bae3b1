"""A case's state proof built from tiles alone: the same document `casegate state-proof` makes
from the registry (see `store._proof`), so `verify --state-proof` checks it the same way.

The tiles carry no index by case, so every entry bundle of the checkpoint's tree is read, and
the leaves they make must rebuild the checkpoint's root: no entry of the case can be left out,
changed or added. The proof carries every entry from the case's first to the tree's end, and
the inclusion path of that first entry from the tiles."""

from __future__ import annotations

from typing import Any

from ..errors import VerificationError
from ..limits import check_proof_entries
from ..store import (
    PROOF_KINDS,
    Checkpoint,
    LogEntry,
    earlier_start,
    entry_json,
    first_entry,
    judged_elsewhere,
    replay,
    state_proof_doc,
)
from ._client import TileLog


def state_proof_from_tiles(log: TileLog, cp: Checkpoint, case_id: str,
                           scanned: list[LogEntry] | None = None) -> dict[str, Any]:
    """The state proof of `case_id` under `cp` (already signature-checked), from `log`'s tiles
    (`scanned`: every entry under `cp`, as `log.scan(cp)` reads them, when the caller has read
    them already); VerificationError when the tiles do not back the checkpoint or the log does
    not establish the case's state."""
    scanned = list(log.scan(cp)) if scanned is None else scanned
    entries = [e for e in scanned if e.case_id == case_id and e.kind in PROOF_KINDS]
    changes = [e for e in scanned if e.kind == "keyring-change" and e.case_id is None]
    replayed = replay(entries)
    problems = list(replayed.problems)
    if replayed.state is None:
        problems.insert(0, f"the log (size {cp.tree_size}) holds no version of case {case_id}")
    if problems:
        raise VerificationError(f"the tiles do not establish the state of {case_id}: " + "; ".join(problems))
    first = first_entry(scanned, case_id)
    assert first is not None  # the case has a version, so an entry
    tail = [e for e in scanned if e.index >= first.index]
    start = earlier_start(scanned, judged_elsewhere(tail, case_id), first.index)
    earlier = [e for e in scanned if start is not None and start <= e.index < first.index]
    # a proof `verify` would refuse for its size is not made
    check_proof_entries(len(tail), len(earlier), len(changes), made=True, location=f"the state proof of {case_id}")
    return state_proof_doc(case_id, cp.text(), tail, log.inclusion_proof(first.index, cp).path,
                           [entry_json(e, log.inclusion_proof(e.index, cp).path) for e in changes],
                           earlier, log.inclusion_proof(start, cp).path if start is not None else ())
