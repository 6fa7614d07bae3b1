"""What a client remembers between runs: the last checkpoint it accepted from each log, so that
a later checkpoint that is not an extension of it (a split view, a rollback) is refused.

The state file is JSON: {"casegate": 1, "kind": "log-client-state", "logs": {origin:
{"size", "root", "checkpoint"}}}. It is written to a temporary file and renamed; a run reads,
checks and writes it under an exclusive `flock` on a lock file beside it (`ClientState.locked`),
so two clients sharing it (two scheduled runs) never write an older checkpoint back over a newer
one, or one log's record over another's.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .._userdirs import state_dir
from ..errors import InputError
from ..limits import read_json_document
from ..store import Checkpoint, ConsistencyProof, parse_checkpoint
from ._client import SplitView, TileLog

STATE_VERSION = 1
STATE_ENV = "CASEGATE_LOG_STATE"
"""Path of the client's state file (default: `log-client-state.json` in the user's casegate state
folder, `CASEGATE_STATE_DIR`, else `$XDG_STATE_HOME/casegate`, else `~/.local/state/casegate`)."""
_NAME = "log-client-state.json"


def default_state_path() -> Path:
    """Where the client remembers the checkpoints it accepted: state, not a cache. Clearing caches
    (or restoring a cache folder from elsewhere) must not make it forget, and so trust the next
    checkpoint it is shown on first use again."""
    env = os.environ.get(STATE_ENV)
    if env:
        return Path(env)
    return state_dir() / _NAME


def _former_default_path() -> Path:
    """Where earlier casegate releases kept the state by default (the user cache folder)."""
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "casegate" / _NAME


@dataclass(frozen=True)
class Seen:
    """The last checkpoint a client accepted from one log."""

    size: int
    root: bytes
    checkpoint: str


@dataclass(frozen=True)
class Advance:
    """How a new checkpoint relates to the last one seen."""

    previous: Seen | None
    """None on first contact (nothing to compare with: the checkpoint is trusted on first use)."""
    proof: ConsistencyProof | None


class ClientState:
    """The state file: the last accepted checkpoint per log origin."""

    def __init__(self, path: str | os.PathLike[str] | None = None):
        self.path = Path(path) if path is not None else default_state_path()
        self.logs: dict[str, Seen] = {}
        # the record an earlier release kept in the cache folder is read until this one is saved
        # (a record found there can only pin checkpoints, never admit one a fresh client would not)
        former = _former_default_path() if path is None and STATE_ENV not in os.environ else None
        self._load(former if former is not None and not self.path.exists() and former.exists() else self.path)

    def _load(self, where: Path) -> None:
        if not os.path.lexists(where):
            return
        fix = ("it was damaged: move it away to start afresh (you lose the record of "
               "what the log showed you before)")
        try:
            # a regular file within the size and nesting limits, strict UTF-8 JSON
            doc = read_json_document(where, "the log client's state file")
        except InputError as e:
            raise InputError(f"the log client's state file cannot be read ({e.message})", location=str(where),
                             help=fix) from None
        try:
            if not isinstance(doc, dict) or doc.get("kind") != "log-client-state" or doc.get("casegate") != STATE_VERSION:
                raise ValueError("not a casegate log client state file (version 1)")
            for origin, s in doc["logs"].items():
                if type(s["size"]) is not int or s["size"] < 0:
                    raise ValueError(f"the size kept for {origin!r} is not a count of entries")
                self.logs[origin] = Seen(s["size"], base64.b64decode(s["root"], validate=True),
                                         str(s["checkpoint"]))
        except (ValueError, KeyError, TypeError, AttributeError) as e:
            raise InputError(f"the log client's state file cannot be read ({e})", location=str(where),
                             help=fix) from None

    @classmethod
    @contextmanager
    def locked(cls, path: str | os.PathLike[str] | None = None) -> Iterator[ClientState]:
        """The state as read under an exclusive lock held until the block ends: `advance` and
        `save` inside it, so another client sharing the file waits for this one's record."""
        from .._atomic import file_lock

        with file_lock(Path(path) if path is not None else default_state_path()):
            yield cls(path)

    def seen(self, origin: str) -> Seen | None:
        return self.logs.get(origin)

    def save(self) -> None:
        doc = {"casegate": STATE_VERSION, "kind": "log-client-state",
               "logs": {o: {"size": s.size, "root": base64.b64encode(s.root).decode(), "checkpoint": s.checkpoint}
                        for o, s in sorted(self.logs.items())}}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f".{self.path.name}.{secrets.token_hex(6)}.tmp")
        try:
            tmp.write_text(json.dumps(doc, indent=1) + "\n", encoding="utf-8")
            os.replace(tmp, self.path)
        except OSError as e:
            tmp.unlink(missing_ok=True)
            raise InputError(f"cannot write the log client's state: {e.strerror}", location=str(self.path)) from None

    def advance(self, log: TileLog, cp: Checkpoint) -> Advance:
        """Accept `cp` (already signature-checked) if it extends the last checkpoint seen from
        its log, proving so with a consistency proof from `log`'s tiles, and remember it (call
        `save` to keep it). Raises SplitView when it does not extend it (a fork, a rollback, or
        another root for the same size); the state is then left as it was."""
        prev = self.logs.get(cp.origin)
        if prev is None:
            self.logs[cp.origin] = Seen(cp.tree_size, cp.root, cp.text())
            return Advance(None, None)
        if cp.tree_size < prev.size:
            raise SplitView(f"log {cp.origin} now shows {cp.tree_size} entries, but it showed {prev.size} before: "
                            "a log never shrinks (a rollback, or a stale copy served as current)",
                            help=f"the checkpoint seen before is kept in {self.path}")
        proof = log.consistency_proof(prev.size, prev.root, cp)
        self.logs[cp.origin] = Seen(cp.tree_size, cp.root, cp.text())
        return Advance(prev, proof)


def previous_checkpoint(seen: Seen) -> Checkpoint:
    return parse_checkpoint(seen.checkpoint)
