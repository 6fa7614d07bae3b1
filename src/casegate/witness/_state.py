"""A witness's durable memory: for each log origin, the size and root of the latest checkpoint it
cosigned, and the refused checkpoints that contradicted it (evidence of a log showing two
histories).

One JSON file, replaced atomically (written beside it, flushed to disk, renamed over it), and
guarded by an exclusive `flock` on a lock file beside it for the whole check-and-update of a
submission, so two submissions never interleave: one process or several, one thread or many.

    {"casegate": 1, "kind": "witness-state",
     "logs": {"<origin>": {"size": n, "root": "<base64>", "checkpoint": "<note>", "cosigned_at": t}},
     "conflicts": {"<origin>": [{"at": t, "reason": "...", "request": "<request body>"}]}}
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError

STATE_VERSION = 1
MAX_CONFLICTS = 100
"""Refused submissions kept per log (the oldest are dropped first)."""


@dataclass(frozen=True)
class LogState:
    """The latest checkpoint a witness cosigned for one log."""

    size: int
    root: bytes
    checkpoint: str


class WitnessState:
    """The state file of one witness. Use `locked()` around every check-and-update."""

    def __init__(self, path: str | os.PathLike[str]):
        self.path = Path(path)
        self._lock_path = self.path.with_name(self.path.name + ".lock")
        self._thread_lock = threading.Lock()

    def init(self) -> None:
        """Create an empty state file; refuses to replace one (a witness that forgets what it
        cosigned could be made to cosign a second history)."""
        if self.path.exists():
            raise InputError("a witness state file already exists here; refusing to replace it",
                             location=str(self.path),
                             help="a witness keeps its state for life: reuse it, or retire the witness's key")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._write({"casegate": STATE_VERSION, "kind": "witness-state", "logs": {}, "conflicts": {}})

    def read(self) -> dict[str, Any]:
        """The whole state document; InputError when it is missing or not a witness state."""
        from ..limits import read_regular_file, strict_json

        if not os.path.lexists(self.path):
            raise InputError("the witness state file does not exist", location=str(self.path),
                             help="`casegate witness init` creates it (only once, for a new witness)")
        try:
            raw = read_regular_file(self.path, str(self.path), limit="json_bytes")
        except InputError as e:
            raise InputError(f"cannot read the witness state: {e.message}", location=str(self.path)) from None
        try:
            # nesting bounded before the parser recurses; no NaN, Infinity or key given twice
            doc = strict_json(raw, str(self.path))
        except InputError as e:
            raise InputError(f"the witness state is not JSON ({e.message})", location=str(self.path)) from None
        if not isinstance(doc, dict) or doc.get("kind") != "witness-state":
            raise InputError("not a casegate witness state file", location=str(self.path))
        if doc.get("casegate") != STATE_VERSION:
            raise InputError(f"unsupported witness state version {doc.get('casegate')!r}", location=str(self.path),
                             help=f"this casegate reads version {STATE_VERSION}")
        if not isinstance(doc.get("logs"), dict):
            raise InputError("the witness state has no 'logs' table", location=str(self.path))
        doc.setdefault("conflicts", {})
        return doc

    def log(self, origin: str, doc: dict[str, Any] | None = None) -> LogState | None:
        """The latest cosigned checkpoint of `origin`, or None when the witness never cosigned one."""
        entry = (doc if doc is not None else self.read())["logs"].get(origin)
        if entry is None:
            return None
        try:
            return LogState(int(entry["size"]), base64.b64decode(entry["root"], validate=True),
                            str(entry["checkpoint"]))
        except (KeyError, TypeError, ValueError):
            raise InputError(f"the witness state's entry for log {origin!r} is damaged",
                             location=str(self.path)) from None

    @contextmanager
    def locked(self) -> Iterator[dict[str, Any]]:
        """Hold the exclusive lock; yields the state document as read under it."""
        with self._thread_lock:
            self._lock_path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self._lock_path, os.O_RDWR | os.O_CREAT, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX)
                yield self.read()
            finally:
                fcntl.flock(fd, fcntl.LOCK_UN)
                os.close(fd)

    def record(self, doc: dict[str, Any], origin: str, size: int, root: bytes, checkpoint: str,
               at: int) -> None:
        """Write the new latest checkpoint of `origin` (call under `locked()`, before answering)."""
        doc["logs"][origin] = {"size": size, "root": base64.b64encode(root).decode(), "checkpoint": checkpoint,
                               "cosigned_at": at}
        self._write(doc)

    def record_conflict(self, doc: dict[str, Any], origin: str, reason: str, request: str, at: int) -> None:
        """Keep a refused submission as evidence (call under `locked()`)."""
        kept = doc["conflicts"].setdefault(origin, [])
        kept.append({"at": at, "reason": reason, "request": request})
        del kept[:-MAX_CONFLICTS]
        self._write(doc)

    def _write(self, doc: dict[str, Any]) -> None:
        data = json.dumps(doc, indent=2, sort_keys=True).encode() + b"\n"
        fd, tmp = tempfile.mkstemp(prefix=self.path.name + ".", suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        dfd = os.open(self.path.parent, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
