"""Serving tiles straight from the log (what the review board does): any tile or entry bundle
the latest checkpoint's tree holds, built on request from the stored hashes and entries."""

from __future__ import annotations

from ._layout import (
    MAX_ENTRY_BYTES,
    TILE_HEIGHT,
    TILE_WIDTH,
    encode_bundle,
    parse_large_path,
    parse_path,
    tile_width,
)
from ._write import LogSource


def read_tile(log: LogSource, path: str, tree_size: int) -> bytes | None:
    """The bytes at `path` (`tile/<L>/<N>[.p/<W>]`, `tile/entries/<N>[.p/<W>]` or
    `tile/entries/large/<N>`) for the tree
    of `tree_size`, or None when that tree has no such object. A partial tile is served for any
    width the tree has completed (a client holding an older checkpoint asks for a narrower one)."""
    ref = parse_path(path)
    if ref is None:
        large = parse_large_path(path)
        if large is None or large >= tree_size:
            return None
        entry = next((e for _i, e, _leaf in log.entry_range(large, large + 1)), None)
        return entry if entry is not None and len(entry) > MAX_ENTRY_BYTES else None
    have = tile_width(tree_size, ref.level or 0, ref.index)
    if have == 0 or ref.width > have:
        return None  # not (yet) complete in this tree
    start = ref.index * TILE_WIDTH
    if ref.level is None:
        entries = [e for _i, e, _leaf in log.entry_range(start, start + ref.width)]
        return encode_bundle(entries)
    return b"".join(log.node_range(TILE_HEIGHT * ref.level, start, start + ref.width))
