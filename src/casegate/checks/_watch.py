"""What `casegate check --watch` watches: every file a check read (the case's files, its policy,
the evidence artifacts), and whether any of them changed since it was last seen.

The process stays up between checks, so a re-check costs only reading and checking the case: the
interpreter, the libraries and the model validators are already loaded.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from ..load import Loaded

FileState = tuple[int, int] | None
"""(modification time in ns, size) of a file, or None when it cannot be read."""


def watched_files(loaded: Loaded | None, case: Path) -> list[Path]:
    """The files a check of `case` read: its own files, its policy and its evidence artifacts
    (just the case file when it could not be loaded)."""
    out: dict[Path, None] = {case.resolve(): None}
    if loaded is None:
        return list(out)
    for f in loaded.files:
        out[f.abspath] = None
    if loaded.policy_file is not None:
        out[loaded.policy_file.abspath] = None
    if loaded.case is not None:
        for eid in loaded.case.evidence:
            try:
                art = loaded.artifact_path(eid)
            except Exception:  # an artifact outside the root is a finding of the check itself
                continue
            if art is not None:
                out[art] = None
    return list(out)


def file_states(paths: Iterable[Path]) -> dict[Path, FileState]:
    """The current state of each path."""
    got: dict[Path, FileState] = {}
    for p in paths:
        try:
            st = os.stat(p)
            got[p] = (st.st_mtime_ns, st.st_size)
        except OSError:
            got[p] = None
    return got


def wait_for_change(states: dict[Path, FileState], *, interval: float = 0.02,
                    stop: Callable[[], bool] | None = None) -> list[Path]:
    """Block until one of the files in `states` differs from its recorded state; return those
    that changed (empty when `stop()` said to stop first)."""
    while stop is None or not stop():
        time.sleep(interval)
        now = file_states(states)
        changed = [p for p, s in now.items() if s != states[p]]
        if changed:
            return changed
    return []


__all__ = ["FileState", "file_states", "wait_for_change", "watched_files"]
