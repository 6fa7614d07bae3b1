"""What a tile store offers: whole-object reads and atomic whole-object writes by path."""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from ...errors import StoreError


class TileStoreError(StoreError):
    """The tile store cannot be read or written (unreachable, refused, out of space)."""


@runtime_checkable
class TileSource(Protocol):
    """Somewhere tiles can be read from: a directory, an object store, a web server."""

    location: str
    """Where it is, for messages (a path or a URL)."""

    def read(self, path: str) -> bytes | None:
        """The object at `path` (relative, e.g. `tile/0/000`), or None when there is none."""
        ...


@runtime_checkable
class TileStore(TileSource, Protocol):
    """A tile source that can also be written."""

    def write(self, path: str, data: bytes) -> None:
        """Put `data` at `path`, replacing what was there; a reader sees the old object or the
        new one, never a part."""
        ...

    def write_new(self, path: str, data: bytes) -> bool:
        """Put `data` at `path` only if nothing is there yet; False (leaving the old object) when
        something was."""
        ...

    def delete(self, path: str) -> None:
        """Remove the object at `path` if there is one."""
        ...

    def listdir(self, prefix: str) -> list[str]:
        """The paths of the objects under the folder `prefix` (e.g. `tile/0/005.p`)."""
        ...


CACHE_IMMUTABLE = "public, max-age=31536000, immutable"
"""Cache-Control for full tiles and full entry bundles: they never change."""
CACHE_PARTIAL = "public, max-age=60"
"""Partial tiles never change either, but are deleted once their full tile exists."""
CACHE_CHECKPOINT = "no-cache"
"""The checkpoint changes whenever the log grows."""


ENTRIES_PREFIX = "tile/entries/"
"""Where the entry bundles (and large entries) lie: every log entry's full text, redacted
content included. They are never public: a board serves them to its token holders only, and
`casegate log tiles` writes them only to a store given for them (`--entries-out`)."""
TOKEN_ENV = "CASEGATE_BOARD_TOKEN"
"""A review board token for reading the entry bundles a board serves."""


def is_entry_path(path: str) -> bool:
    """Whether `path` is under `tile/entries/` (an entry bundle or a large entry)."""
    return path.startswith(ENTRIES_PREFIX)


def cache_control(path: str) -> str:
    """The Cache-Control a path should be served with. Entry bundles are `private`: a shared
    cache must never keep a copy served to one token holder for the next reader."""
    if path == "checkpoint":
        return CACHE_CHECKPOINT
    kind = CACHE_PARTIAL if ".p/" in path else CACHE_IMMUTABLE
    return kind.replace("public", "private", 1) if is_entry_path(path) else kind


def content_type(path: str) -> str:
    return "text/plain; charset=utf-8" if path == "checkpoint" else "application/octet-stream"
