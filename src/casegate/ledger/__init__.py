"""The log as static tiles (C2SP tlog-tiles): writing them from the registry to a directory or
an object store, and a client that reads them from anywhere and checks everything it reads
against a signed checkpoint and the last checkpoint it saw.

Writing: `write_tiles(registry, open_store(target), checkpoint_note)` writes the checkpoint and
the hash tiles, all a witness, monitor or auditor needs for inclusion and consistency proofs;
the entry bundles hold every entry's full text (redacted content included) and are written only
with `entries=True`, to a store kept apart from the public one.
Reading: `open_tiles(source)` -> `TileLog` (`checkpoint`, `inclusion_proof`,
`consistency_proof`, `entry`, `scan`), and `ClientState` to refuse split views.
"""

from ._client import MissingTile, SplitView, TileLog, VerifiedEntry, entry_from_bytes, open_tiles
from ._layout import (
    CHECKPOINT_PATH,
    LARGE_ENTRY_PREFIX,
    MAX_ENTRY_BYTES,
    TILE_HEIGHT,
    TILE_WIDTH,
    TileRef,
    bundle_path,
    decode_bundle,
    encode_bundle,
    encode_index,
    large_entry_path,
    level_count,
    parse_large_path,
    parse_large_ref,
    parse_path,
    subtree_hash,
    tile_path,
    tile_width,
    tiles_for_size,
)
from ._serve import read_tile
from ._state import STATE_ENV, Advance, ClientState, Seen, default_state_path
from ._stateproof import state_proof_from_tiles
from ._write import LogSource, TilesReport, write_tiles
from .storage import (
    ENTRIES_PREFIX,
    TOKEN_ENV,
    LocalTiles,
    S3Tiles,
    TileSource,
    TileStore,
    TileStoreError,
    cache_control,
    is_entry_path,
    open_source,
    open_store,
)

__all__ = [
    "CHECKPOINT_PATH", "ENTRIES_PREFIX", "TOKEN_ENV", "LARGE_ENTRY_PREFIX", "MAX_ENTRY_BYTES", "STATE_ENV", "TILE_HEIGHT", "TILE_WIDTH", "Advance", "ClientState",
    "LocalTiles", "LogSource", "MissingTile", "S3Tiles", "Seen", "SplitView", "TileLog", "TileRef",
    "TileSource", "TileStore", "TileStoreError", "TilesReport", "VerifiedEntry", "bundle_path",
    "cache_control", "decode_bundle", "default_state_path", "encode_bundle", "encode_index",
    "entry_from_bytes", "is_entry_path", "large_entry_path", "level_count", "parse_large_path", "parse_large_ref", "open_source", "open_store", "open_tiles", "parse_path", "read_tile", "state_proof_from_tiles",
    "subtree_hash", "tile_path", "tile_width", "tiles_for_size", "write_tiles",
]
