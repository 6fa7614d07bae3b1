"""Where tiles live: a local directory, an S3-compatible object store, or (read-only) a web
server. `open_store` for writing, `open_source` for reading."""

from __future__ import annotations

from pathlib import Path

from ...errors import InputError
from .http import HttpTiles
from .interface import (
    CACHE_CHECKPOINT,
    CACHE_IMMUTABLE,
    CACHE_PARTIAL,
    ENTRIES_PREFIX,
    TOKEN_ENV,
    TileSource,
    TileStore,
    TileStoreError,
    cache_control,
    content_type,
    is_entry_path,
)
from .local import LocalTiles
from .s3 import ENDPOINT_ENV, S3Tiles

__all__ = [
    "CACHE_CHECKPOINT", "CACHE_IMMUTABLE", "CACHE_PARTIAL", "ENDPOINT_ENV", "ENTRIES_PREFIX", "HttpTiles", "LocalTiles",
    "S3Tiles", "TOKEN_ENV", "TileSource", "TileStore", "TileStoreError", "cache_control", "content_type",
    "is_entry_path", "open_source", "open_store",
]


def open_store(target: str | Path, *, endpoint_url: str | None = None) -> TileStore:
    """A writable tile store: `s3://bucket/prefix`, or a local directory."""
    t = str(target)
    if t.startswith("s3://"):
        return S3Tiles(t, endpoint_url=endpoint_url)
    if t.startswith(("http://", "https://")):
        raise InputError(f"{t} is a web address: tiles are written to a directory or an object store",
                         help="write to a directory (and serve it), or to s3://BUCKET/PREFIX")
    return LocalTiles(t)


def open_source(target: str | Path | TileSource, *, endpoint_url: str | None = None,
                token: str | None = None) -> TileSource:
    """A tile source: an http(s) URL prefix, `s3://bucket/prefix`, a local directory, or a
    source object (returned as it is). `token`: a review board token sent with every http(s)
    request (the board serves the entry bundles to its token holders only)."""
    if not isinstance(target, (str, Path)):
        return target
    t = str(target)
    if t.startswith(("http://", "https://")):
        return HttpTiles(t, token=token)
    if t.startswith("s3://"):
        return S3Tiles(t, endpoint_url=endpoint_url)
    if "://" in t:
        raise InputError(f"{t}: unsupported scheme", help="use http(s)://, s3:// or a directory")
    if not Path(t).is_dir():
        raise InputError(f"{t} is not a directory of tiles", location=t,
                         help="give the directory `casegate log tiles --out` wrote, or an http(s) URL")
    return LocalTiles(t)
