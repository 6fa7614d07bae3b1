"""Writing a small JSON state file so a reader sees the old file or the new one, never half of
either (a verifier's `--seen` file, the log monitor's state), and locking it for a whole
read-check-write so two processes sharing it never interleave (`file_lock`)."""

from __future__ import annotations

import fcntl
import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any


@contextmanager
def file_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive `flock` on `path`'s lock file (`NAME.lock`, beside it) for the block: a
    second process (or thread) locking the same file waits. InputError naming the lock file when
    it cannot be created."""
    from .errors import InputError

    lock = path.with_name(path.name + ".lock")
    try:
        lock.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as e:
        raise InputError(f"cannot lock {path.name}: {e.strerror}", location=str(lock),
                         help="give a path in a directory this process may write") from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def write_json_atomic(path: Path, doc: Any) -> None:
    """Write `doc` to `path` as indented JSON with sorted keys: to a temporary file beside it,
    flushed to disk, then renamed over it. The temporary file is removed if anything fails."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(doc, f, indent=2, sort_keys=True)
            f.write("\n")
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
