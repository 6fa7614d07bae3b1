"""The log's clock, apart from the log: reading it needs no database layer (a publication judged
as of the registry's clock reads it before it knows whether a registry is configured)."""

from __future__ import annotations

import datetime as dt


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def log_time() -> dt.datetime:
    """The log's clock: the time an entry appended now is recorded at (UTC)."""
    # read back as written (to the microsecond); fromisoformat, not strptime, which imports
    # the locale machinery of `_strptime` for one date
    return dt.datetime.fromisoformat(_now())
