"""A bounded in-memory copy of the stored tree's complete nodes, so that inclusion proofs against
a tree size the registry has already seen need no database round trip.

The complete nodes of a committed tree never change and the log only grows, so what a registry
has read of them stays true. It keeps them a tile at a time: tile (k, t) holds the complete
nodes at levels 8k .. 8k+7 of the block of 2**(8k+8) leaves numbered t (510 hashes, 16 KiB once
complete). They are stored with the block's 256 rows ((t << 8) + s + 1) << 8k) - 1, s = 0..255
(row r stores the nodes its append completed), so a tile is read with one query, and a tile at
the log's right edge is read as far as the log goes and extended as it grows. A proof in a tree
of n entries touches at most ceil(log2(n) / 8) tiles.

`size` is the largest log size read from the database: every row below it is committed, so any
node complete in a tree of at most that size may be read into the cache. Sizes above it are
never answered from the cache: the caller reads the database's size first. A size smaller than
one seen before (the log shrank: it was altered or replaced) empties the cache.

Memory is bounded by `max_bytes` (hash bytes plus a per-tile allowance): past it, the tiles read
longest ago are dropped, and proofs needing them read them again. With `max_bytes` 0 nothing is
kept. Thread safe: lookups read immutable tiles without a lock; installing and dropping tiles
take one.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping

from ._merkle import HASH_SIZE, Node

TILE_HEIGHT = 8
TILE_WIDTH = 1 << TILE_HEIGHT
_TILE_OVERHEAD = 700
"""Bytes charged per tile beyond its hashes (the tuple, its 8 bytes objects and the dict slot)."""

Tile = tuple[bytes, ...]
"""A tile's nodes by level within the tile (0 .. 7), each level's hashes in index order."""


def tile_of(node: Node) -> tuple[int, int]:
    """The tile (k, t) holding `node`."""
    level, index = node
    return level >> 3, index >> (TILE_HEIGHT - (level & 7))


def tile_row(k: int, t: int, s: int) -> int:
    """The log row storing the nodes of tile (k, t) completed by its leaf `s` (0 .. 255)."""
    return (t << (TILE_HEIGHT * k + TILE_HEIGHT)) + ((s + 1) << (TILE_HEIGHT * k)) - 1


def _levels_at(s: int) -> int:
    """How many of the tile's levels tile leaf `s` completes (1 .. 8)."""
    s += 1
    return min(TILE_HEIGHT, (s & -s).bit_length())


_LEVELS_AT = [_levels_at(s) for s in range(TILE_WIDTH)]


class TileCache:
    """Complete tree nodes read from the database, by tile (see the module docstring)."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self.size = 0
        self._tiles: dict[tuple[int, int], Tile] = {}
        self._bytes = 0
        self._lock = threading.Lock()

    @property
    def nbytes(self) -> int:
        """The bytes held now (at most `max_bytes`)."""
        return self._bytes

    def __len__(self) -> int:
        return len(self._tiles)

    def clear(self) -> None:
        with self._lock:
            self._tiles.clear()
            self._bytes = 0

    def saw_size(self, size: int) -> None:
        """The database holds `size` entries now."""
        with self._lock:
            if size < self.size:  # the log shrank: nothing read before can be vouched for
                self._tiles.clear()
                self._bytes = 0
            self.size = size

    def get(self, node: Node) -> bytes | None:
        level, index = node
        sh = TILE_HEIGHT - (level & 7)
        tile = self._tiles.get((level >> 3, index >> sh))
        if tile is None:
            return None
        off = (index & ((1 << sh) - 1)) * HASH_SIZE
        h = tile[level & 7][off:off + HASH_SIZE]
        return h if len(h) == HASH_SIZE else None

    def leaf_and_siblings(self, m: int, h: int) -> tuple[bytes, list[bytes]] | None:
        """Leaf `m`'s hash and its siblings at levels 0 .. h-1 (the inclusion path inside the
        perfect subtree of height `h` holding it), read from at most ceil(h / 8) tiles; None when
        one of them is not cached. Equal to `get` of (0, m) and of (l, (m >> l) ^ 1), l < h."""
        tiles = self._tiles
        tile = tiles.get((0, m >> TILE_HEIGHT))
        if tile is None:
            return None
        off = (m & (TILE_WIDTH - 1)) * HASH_SIZE
        leaf = tile[0][off:off + HASH_SIZE]
        if len(leaf) != HASH_SIZE:
            return None
        path = []
        for level in range(h):
            rel = level & 7
            if rel == 0 and level:
                tile = tiles.get((level >> 3, m >> (level + TILE_HEIGHT)))
                if tile is None:
                    return None
            off = (((m >> level) ^ 1) & ((1 << (TILE_HEIGHT - rel)) - 1)) * HASH_SIZE
            x = tile[rel][off:off + HASH_SIZE]
            if len(x) != HASH_SIZE:
                return None
            path.append(x)
        return leaf, path

    def plan(self, nodes: Iterable[Node]) -> tuple[list[tuple[int, int, int, int]], list[int], list[tuple[int, int]]]:
        """What to read so that the tiles holding `nodes` are read as far as the log of `size`
        entries goes: [(k, t, first tile leaf to read, end)], the rows to read one by one, and
        the ranges of rows [start, end) to read (tiles of level 0 are contiguous rows)."""
        if self.max_bytes <= 0:
            return [], [], []
        limit = self.size
        plans = []
        rows: list[int] = []
        ranges: list[tuple[int, int]] = []
        seen = set()
        for node in nodes:
            key = tile_of(node)
            if key in seen:
                continue
            seen.add(key)
            k, t = key
            tile = self._tiles.get(key)
            have = len(tile[0]) // HASH_SIZE if tile else 0
            end = min(TILE_WIDTH, max(0, (limit - (t << (TILE_HEIGHT * k + TILE_HEIGHT))) >> (TILE_HEIGHT * k)))
            if end > have:
                plans.append((k, t, have, end))
                if k:
                    rows.extend(range(tile_row(k, t, have), tile_row(k, t, end - 1) + 1, 1 << (TILE_HEIGHT * k)))
                else:
                    ranges.append((tile_row(0, t, have), tile_row(0, t, end - 1) + 1))
        return plans, rows, ranges

    def install(self, plans: Iterable[tuple[int, int, int, int]], rows: Mapping[int, bytes]) -> None:
        """Extend the planned tiles with the rows read (idx -> stored hashes). A tile is
        extended up to its first missing or short row only: nothing damaged is kept."""
        hs = HASH_SIZE
        for k, t, have, end in plans:
            base = TILE_HEIGHT * k * hs
            first = tile_row(k, t, have)
            blobs = [rows.get(i) for i in range(first, first + ((end - have) << (TILE_HEIGHT * k)), 1 << (TILE_HEIGHT * k))]
            got = len(blobs)
            for j, blob in enumerate(blobs):
                if blob is None or len(blob) < base + _LEVELS_AT[have + j] * hs:
                    got = j
                    break
            if not got:
                continue
            parts = []
            for r in range(TILE_HEIGHT):
                step, o = 1 << r, base + r * hs
                s0 = ((have + step) >> r << r) - 1  # the first tile leaf >= have completing level r
                parts.append(b"".join([blobs[j][o:o + hs] for j in range(s0 - have, got, step)]))  # type: ignore[index]
            key = (k, t)
            with self._lock:
                old = self._tiles.get(key)
                if (len(old[0]) if old else 0) != have * HASH_SIZE:
                    continue  # another thread extended it meanwhile (with the same hashes)
                new = tuple((old[r] if old else b"") + parts[r] for r in range(TILE_HEIGHT))
                grown = sum(map(len, new)) - (sum(map(len, old)) if old else -_TILE_OVERHEAD)
                self._tiles[key] = new
                self._bytes += grown
                while self._bytes > self.max_bytes and self._tiles:
                    gone_key = next(iter(self._tiles))
                    gone = self._tiles.pop(gone_key)
                    self._bytes -= sum(map(len, gone)) + _TILE_OVERHEAD
