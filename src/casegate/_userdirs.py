"""The user's casegate folders: the cache (what can be derived again) and the state (what must
be remembered)."""

from __future__ import annotations

import os
from pathlib import Path


def cache_root() -> Path:
    """The user's casegate cache folder: `CASEGATE_CACHE_DIR`, else `$XDG_CACHE_HOME/casegate`,
    else `~/.cache/casegate`. Anything in it can be lost, or brought from elsewhere, without
    changing what casegate decides."""
    env = os.environ.get("CASEGATE_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base else Path.home() / ".cache") / "casegate"


def state_dir() -> Path:
    """The user's casegate state folder: `CASEGATE_STATE_DIR`, else `$XDG_STATE_HOME/casegate`,
    else `~/.local/state/casegate` (the cache key, the log client's record of checkpoints)."""
    env = os.environ.get("CASEGATE_STATE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_STATE_HOME")
    return (Path(base) if base else Path.home() / ".local" / "state") / "casegate"
