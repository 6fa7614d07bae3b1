"""Writing a log as static tiles, incrementally.

A run publishes the tree of one signed checkpoint. It reads from the log only what the tiles
already in the store do not hold: the entries from the start of the last (partial) level-0
tile on, and the hashes to the left of the new ones in each level's partial tile. It hashes
every entry it writes, checks each against the leaf hash the log stored, builds each level's
hashes from the full tiles below, and checks the tree's root against the checkpoint before the
checkpoint is written. Full tiles are created once and never replaced; partial tiles are
written under their width, and removed once their full tile exists (after the new checkpoint
is in place), as tlog-tiles allows: a client with an older checkpoint reads the full tile.
The checkpoint goes last, so a reader that sees it finds every tile it names.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from ..errors import StoreError, VerificationError
from ..store import Checkpoint, parse_checkpoint
from ..store import merkle as mk
from ._layout import (
    CHECKPOINT_PATH,
    MAX_ENTRY_BYTES,
    TILE_HEIGHT,
    TILE_WIDTH,
    bundle_path,
    encode_bundle,
    large_entry_path,
    level_count,
    subtree_hash,
    tile_path,
)
from .storage import ENTRIES_PREFIX, TileStore


class LogSource(Protocol):
    """What tiles are written from: the registry's log (`store.Registry`) or a generated one."""

    def entry_range(self, start: int, end: int) -> Iterable[tuple[int, bytes, bytes | None]]:
        """(index, entry bytes, stored leaf hash or None) for entries [start, end), in order."""
        ...

    def node_range(self, level: int, start: int, end: int) -> list[bytes]:
        """The hashes of complete tree nodes (level, i), i in [start, end)."""
        ...


@dataclass
class TilesReport:
    """What one `write_tiles` run did."""

    old_size: int
    tree_size: int
    written: list[str] = field(default_factory=list)
    """Tiles and bundles written (full ones created, partial ones replaced)."""
    kept: int = 0
    """Full tiles that were already in the store with the same bytes."""
    removed: list[str] = field(default_factory=list)
    """Partial tiles removed because their full tile now exists."""
    bytes_written: int = 0
    checkpoint_written: bool = False
    seconds: float = 0.0

    def summary(self) -> str:
        if self.old_size == self.tree_size and not self.written:
            what = "already up to date" + ("; checkpoint refreshed" if self.checkpoint_written else "")
            return f"tiles for {self.tree_size} entries: {what}"
        gone = f", {len(self.removed)} partial tiles removed (their full tiles now exist)" if self.removed else ""
        return (f"tiles for {self.tree_size} entries (was {self.old_size}): {len(self.written)} tiles and bundles "
                f"written ({self.bytes_written} bytes) and the checkpoint{gone}")


def _stored_checkpoint(store: TileStore, cp: Checkpoint) -> Checkpoint | None:
    raw = store.read(CHECKPOINT_PATH)
    if raw is None:
        return None
    try:
        old = parse_checkpoint(raw.decode("utf-8"))
    except (VerificationError, UnicodeDecodeError):
        raise StoreError(f"{store.location} holds a checkpoint that cannot be read",
                         location=store.location,
                         help="write the tiles to an empty place, or remove the damaged checkpoint") from None
    if old.origin != cp.origin:
        raise StoreError(f"{store.location} holds tiles of log {old.origin!r}, not {cp.origin!r}",
                         location=store.location, help="give each log its own directory or prefix")
    if old.tree_size > cp.tree_size:
        raise StoreError(f"{store.location} already holds a tree of {old.tree_size} entries, newer than the "
                         f"checkpoint being published ({cp.tree_size})", location=store.location,
                         help="sign a new checkpoint (`casegate log checkpoint`) and publish that")
    return old


def _root_at(log: LogSource, size: int) -> bytes:
    nodes = mk.frontier_nodes(size)
    return mk.fold([log.node_range(lv, i, i + 1)[0] for lv, i in nodes])


class _Level:
    """One tile level being filled: the hashes of its rightmost tile so far."""

    def __init__(self, level: int, index: int, hashes: list[bytes]):
        self.level = level
        self.index = index
        self.hashes = hashes


def write_tiles(log: LogSource, store: TileStore, checkpoint: str, *, entries: bool = False) -> TilesReport:
    """Publish the tree the signed `checkpoint` commits to, from `log`, into `store`: the
    checkpoint and the hash tiles, and with `entries` the entry bundles too.

    The entry bundles hold every entry's full text (decision records, findings, objections,
    incidents, redacted content): a store written without them can be public; one written with
    them must not be. A store written without them that already holds some is refused (it was
    written as a full copy, or by an older casegate): nothing there is changed.

    Raises StoreError when the store holds another log or a newer tree, or when a full tile in
    it differs from the log's; VerificationError when the log's entries do not hash to the
    checkpoint's root (the registry was altered)."""
    t0 = time.perf_counter()
    cp = parse_checkpoint(checkpoint)
    n = cp.tree_size
    if not entries and store.listdir(ENTRIES_PREFIX.rstrip("/")):
        raise StoreError(f"{store.location} holds entry bundles ({ENTRIES_PREFIX}...), every log entry's full text: "
                         "the tiles written there are public and must not hold them", location=store.location,
                         help=f"move {ENTRIES_PREFIX.rstrip('/')} out of it to a private place (or write the full "
                              "copy there with --entries-out, and the public tiles to another place)")
    old = _stored_checkpoint(store, cp)
    m = old.tree_size if old is not None else 0
    if entries and m > 0 and not store.listdir(ENTRIES_PREFIX.rstrip("/")):
        raise StoreError(f"{store.location} holds the public tiles of {m} entries, without their entry bundles",
                         location=store.location,
                         help="write the full copy (with the entry bundles) to an empty, private place")
    report = TilesReport(m, n)
    if old is not None and m > 0 and _root_at(log, m) != old.root:
        raise StoreError(f"{store.location} holds a tree of {m} entries whose root is not the log's at that "
                         "size: the tiles there are of another history", location=store.location,
                         help="publish to an empty place; keep the old tiles as evidence")
    if old is not None and m == n:
        if old.root != cp.root:
            raise VerificationError(f"the checkpoint for size {n} has a root other than the tiles already "
                                    "published for that size")
        if old.text() != cp.text():  # e.g. new witness cosignatures
            store.write(CHECKPOINT_PATH, cp.text().encode())
            report.checkpoint_written = True
        report.seconds = time.perf_counter() - t0
        return report
    if n == 0:
        store.write(CHECKPOINT_PATH, cp.text().encode())
        report.checkpoint_written = True
        return report

    levels: list[_Level] = []
    top = 0
    while level_count(n, top + 1) > 0:
        top += 1
    for lv in range(top + 1):
        first = level_count(m, lv) // TILE_WIDTH  # the tile that was partial (or did not exist) at m
        have = level_count(m, lv)
        left = log.node_range(TILE_HEIGHT * lv, first * TILE_WIDTH, have) if lv and have > first * TILE_WIDTH else []
        levels.append(_Level(lv, first, left))

    def put(path: str, data: bytes, full: bool) -> None:
        if full:
            if store.write_new(path, data):
                report.written.append(path)
                report.bytes_written += len(data)
                return
            if store.read(path) != data:
                raise StoreError(f"{store.location} already holds {path} with other contents; full tiles are "
                                 "never rewritten", location=store.location,
                                 help="the tiles there are of another history: publish to an empty place")
            report.kept += 1
            return
        store.write(path, data)
        report.written.append(path)
        report.bytes_written += len(data)

    def push(lv: int, h: bytes) -> None:
        level = levels[lv]
        level.hashes.append(h)
        if len(level.hashes) == TILE_WIDTH:
            put(tile_path(lv, level.index), b"".join(level.hashes), True)
            up = subtree_hash(level.hashes)
            level.index += 1
            level.hashes = []
            push(lv + 1, up)

    bundle: list[bytes] = []
    start = levels[0].index * TILE_WIDTH
    for idx, entry, stored in log.entry_range(start, n):
        leaf = mk.leaf_hash(entry)
        if stored is not None and stored != leaf:
            raise VerificationError(f"log entry {idx} does not hash to the leaf the log stored for it: "
                                    "the registry was altered", help="run `casegate log verify`")
        if entries:
            if len(entry) > MAX_ENTRY_BYTES:  # too long for a bundle's 16-bit length: published on its own
                put(large_entry_path(idx), entry, True)
            bundle.append(entry)
            if len(bundle) == TILE_WIDTH:
                put(bundle_path(idx // TILE_WIDTH), encode_bundle(bundle), True)
                bundle = []
        push(0, leaf)
    if bundle:
        put(bundle_path(levels[0].index, len(bundle)), encode_bundle(bundle), False)
    for level in levels:
        if level.hashes:
            put(tile_path(level.level, level.index, len(level.hashes)), b"".join(level.hashes), False)

    root = _root_from_levels(n, levels)
    if root != cp.root:
        raise VerificationError(f"the log's first {n} entries do not hash to the root its checkpoint signs: "
                                "the registry was altered", help="run `casegate log verify`")
    store.write(CHECKPOINT_PATH, cp.text().encode())
    report.checkpoint_written = True
    for lv in range(top + 1):
        # a tile that was partial at m and is full now: its partial versions may go (a client
        # holding an older checkpoint reads the full tile's first hashes instead)
        first = level_count(m, lv) // TILE_WIDTH
        if level_count(m, lv) % TILE_WIDTH and level_count(n, lv) >= (first + 1) * TILE_WIDTH:
            folders = [tile_path(lv, first) + ".p"] + ([bundle_path(first) + ".p"] if lv == 0 and entries else [])
            for folder in folders:
                for path in store.listdir(folder):
                    store.delete(path)
                    report.removed.append(path)
    report.seconds = time.perf_counter() - t0
    return report


def _root_from_levels(n: int, levels: list[_Level]) -> bytes:
    """The root of the tree of size n from each level's rightmost (partial) tile: every node of
    the tree's frontier lies inside one of them."""
    parts = []
    for height, index in mk.frontier_nodes(n):
        lv, r = divmod(height, TILE_HEIGHT)
        level = levels[lv]
        first = (index << r) - level.index * TILE_WIDTH
        run = level.hashes[first:first + (1 << r)]
        if len(run) != 1 << r:
            raise StoreError(f"internal: frontier node ({height}, {index}) is outside the last tile of level {lv}")
        parts.append(subtree_hash(run))
    return mk.fold(parts)
