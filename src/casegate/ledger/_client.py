"""A client that trusts no one: it reads a log's tiles from anywhere (a directory, an object
store, a web server or CDN), checks the checkpoint's signature with a key it already holds, and
checks every hash it uses against that checkpoint's root before it answers.

    log = open_tiles("https://board.example/public/log")       # or a directory, or s3://...
    cp = log.checkpoint(key)                                    # fetched and signature-checked
    proof = log.inclusion_proof(7, cp)                          # verified against cp.root
    entry = log.entry(7, cp)                                    # rebuilt from its bundle, verified
    log.consistency_proof(old_size, old_root, cp)               # raises SplitView if not a prefix

Every method fetches only the tiles it needs (`fetches` counts them) and keeps them in memory:
a tile's path names its contents for good (full tiles never change; a partial tile's path
carries its width), so a fetched tile never needs fetching again.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from ..errors import InputError, VerificationError
from ..store import Checkpoint, ConsistencyProof, InclusionProof, LogEntry, parse_checkpoint
from ..store import merkle as mk
from ._layout import (
    CHECKPOINT_PATH,
    TILE_HEIGHT,
    TILE_WIDTH,
    bundle_path,
    decode_bundle,
    large_entry_path,
    level_count,
    parse_large_ref,
    split_hashes,
    subtree_hash,
    tile_path,
    tile_width,
)
from .storage import TileSource, open_source


class SplitView(VerificationError):
    """Two checkpoints of one log that cannot both be true: the log showed different histories."""


class MissingTile(VerificationError):
    """A tile the checkpoint requires is not served: the log cannot back its checkpoint."""


@dataclass(frozen=True)
class VerifiedEntry:
    """A log entry rebuilt from an entry bundle, with its inclusion proven under a checkpoint."""

    entry: LogEntry
    raw: bytes
    """The entry's bytes exactly as hashed (RFC 8785 JSON)."""
    proof: InclusionProof


def entry_from_bytes(index: int, raw: bytes) -> LogEntry:
    """Parse an entry's RFC 8785 JSON into a LogEntry; VerificationError if it is not one."""
    from ..limits import strict_json

    try:
        # the bytes come from whoever serves the tiles: their nesting is bounded before the parser
        # recurses (100,000 brackets would exhaust its stack), and a value JSON does not allow
        # (NaN, Infinity) or a key given twice is no entry casegate wrote
        doc = strict_json(raw, f"log entry {index}")
        e = LogEntry(int(doc["index"]), str(doc["kind"]), doc.get("case_id"), dict(doc["payload"]),
                     str(doc["recorded_at"]), mk.leaf_hash(raw))
    except (ValueError, KeyError, TypeError, OverflowError, InputError):
        raise VerificationError(f"log entry {index} is not a casegate log entry") from None
    if e.index != index:
        raise VerificationError(f"the entry at position {index} says it is entry {e.index}")
    return e


class TileLog:
    """A read-only view of a tiled log. Nothing it returns is trusted before it is checked
    against a checkpoint whose signature was checked."""

    def __init__(self, source: TileSource):
        self.source = source
        self.fetches = 0
        """How many objects were fetched from the source."""
        self.bytes_fetched = 0
        self._tiles: dict[str, bytes] = {}

    @property
    def location(self) -> str:
        return self.source.location

    def _get(self, path: str) -> bytes | None:
        got = self._tiles.get(path)
        if got is not None:
            return got
        data = self.source.read(path)
        self.fetches += 1
        if data is not None:
            self.bytes_fetched += len(data)
            if path != CHECKPOINT_PATH:
                self._tiles[path] = data
        return data

    # --- checkpoints ---------------------------------------------------------------------

    def fetch_checkpoint(self) -> Checkpoint:
        """The checkpoint as served, parsed but NOT verified (see `checkpoint`)."""
        raw = self.source.read(CHECKPOINT_PATH)
        self.fetches += 1
        if raw is None:
            raise VerificationError(f"{self.location} serves no checkpoint",
                                    help="check the URL: it is the prefix under which `checkpoint` and `tile/` live")
        self.bytes_fetched += len(raw)
        try:
            return parse_checkpoint(raw.decode("utf-8"))
        except UnicodeDecodeError:
            raise VerificationError(f"the checkpoint at {self.location} is not UTF-8 text") from None

    def checkpoint(self, key: Ed25519PublicKey, origin: str | None = None) -> Checkpoint:
        """Fetch the checkpoint and check it is signed by `key` (and for `origin`, when given);
        raises VerificationError otherwise."""
        cp = self.fetch_checkpoint()
        if origin is not None and cp.origin != origin:
            raise VerificationError(f"the checkpoint at {self.location} is for log {cp.origin!r}, not {origin!r}")
        cp.verify(key)
        return cp

    # --- hashes from tiles ----------------------------------------------------------------

    def tile(self, level: int, index: int, tree_size: int) -> list[bytes]:
        """The hashes of tile `index` at `level` as the tree of `tree_size` has it (full, or the
        partial tile of that width). A partial tile that is gone is read from its full tile."""
        width = tile_width(tree_size, level, index)
        if width == 0:
            raise VerificationError(f"a tree of {tree_size} entries has no tile {index} at level {level}")
        path = tile_path(level, index, width)
        data = self._get(path)
        if data is None and width < TILE_WIDTH:
            full = self._get(tile_path(level, index))
            data = None if full is None else full[:width * mk.HASH_SIZE]
        if data is None:
            raise MissingTile(f"{self.location} does not serve {path}, which its checkpoint of size "
                              f"{tree_size} requires")
        return split_hashes(data, width, f"{self.location}/{path}")

    def node(self, height: int, index: int, tree_size: int) -> bytes:
        """The hash of complete node (height, index) of the tree of `tree_size`, from the tiles
        (unchecked: callers check what they build from it against a signed root)."""
        lv, r = divmod(height, TILE_HEIGHT)
        first = index << r
        count = 1 << r
        if first + count > level_count(tree_size, lv):
            raise VerificationError(f"node ({height}, {index}) is not complete in a tree of {tree_size}")
        tile = self.tile(lv, first // TILE_WIDTH, tree_size)
        off = first % TILE_WIDTH
        return subtree_hash(tile[off:off + count])

    def _nodes(self, nodes: set[mk.Node], tree_size: int) -> dict[mk.Node, bytes]:
        return {nd: self.node(nd[0], nd[1], tree_size) for nd in sorted(nodes)}

    def root(self, tree_size: int, within: int) -> bytes:
        """The root of the first `tree_size` entries, from the tiles of the tree of `within`
        entries (unchecked)."""
        if tree_size == 0:
            return mk.EMPTY_ROOT
        fr = mk.frontier_nodes(tree_size)
        nodes = self._nodes(set(fr), within)
        return mk.fold([nodes[x] for x in fr])

    # --- proofs ---------------------------------------------------------------------------

    def inclusion_proof(self, index: int, cp: Checkpoint) -> InclusionProof:
        """The RFC 9162 inclusion proof of entry `index` under `cp`, built from tiles and
        verified against `cp.root` (VerificationError when the tiles do not lead there)."""
        n = cp.tree_size
        if not 0 <= index < n:
            raise VerificationError(f"entry {index} is not in the tree of size {n}")
        spec = mk.inclusion_spec(index, n)
        nodes = self._nodes(mk.needed(spec) | {(0, index)}, n)
        proof = InclusionProof(index, n, nodes[(0, index)], tuple(mk.resolve(spec, nodes)), cp.root)
        try:
            proof.verify()
        except VerificationError:
            raise VerificationError(f"the tiles at {self.location} do not prove entry {index} under the "
                                    f"checkpoint of size {n}: they were altered or do not match it") from None
        return proof

    def consistency_proof(self, old_size: int, old_root: bytes, cp: Checkpoint) -> ConsistencyProof:
        """The RFC 9162 consistency proof from the tree (`old_size`, `old_root`) a client saw
        before to `cp`, built from tiles and verified. Raises SplitView when the old tree is not a
        prefix of the new one (or the sizes say the log shrank)."""
        n = cp.tree_size
        if old_size > n:
            raise SplitView(f"the log showed {old_size} entries before and now shows {n}: it shrank")
        if old_size == n:
            if old_root != cp.root:
                raise SplitView(f"two different roots for the same tree size {n}: the log shows "
                                "different histories")
            return ConsistencyProof(n, n, old_root, cp.root, ())
        if old_size == 0:
            return ConsistencyProof(0, n, old_root, cp.root, ())
        spec = mk.consistency_spec(old_size, n)
        nodes = self._nodes(mk.needed(spec), n)
        proof = ConsistencyProof(old_size, n, old_root, cp.root, tuple(mk.resolve(spec, nodes)))
        try:
            proof.verify()
        except VerificationError as bad:
            raise SplitView(f"the tree of {n} entries at {self.location} does not extend the tree of "
                            f"{old_size} entries seen before ({bad.message}): the log shows different "
                            "histories") from None
        return proof

    # --- entries --------------------------------------------------------------------------

    def bundle(self, index: int, tree_size: int) -> list[bytes]:
        """The entries of bundle `index` as the tree of `tree_size` has it (unchecked)."""
        width = tile_width(tree_size, 0, index)
        if width == 0:
            raise VerificationError(f"a tree of {tree_size} entries has no entry bundle {index}")
        path = bundle_path(index, width)
        data = self._get(path)
        if data is None and width < TILE_WIDTH:
            full = self._get(bundle_path(index))
            if full is not None:
                return self._large(index, decode_bundle(full, TILE_WIDTH, f"{self.location}/{bundle_path(index)}")[:width])
        if data is None:
            raise MissingTile(f"{self.location} does not serve {path}, which reading entries under its "
                              f"checkpoint of size {tree_size} requires",
                              help="entry bundles are not public: read them from the copy `casegate log tiles "
                                   "--entries-out` wrote, or from a review board with a board token (--token)")
        return self._large(index, decode_bundle(data, width, f"{self.location}/{path}"))

    def _large(self, bundle: int, raws: list[bytes]) -> list[bytes]:
        """The bundle's entries with each reference to a large entry replaced by the entry's bytes
        (fetched from `tile/entries/large/<N>`, checked against the reference's sha256 and size;
        the caller checks them against the leaf as for any entry)."""
        for i, raw in enumerate(raws):
            ref = parse_large_ref(raw)
            if ref is None:
                continue
            index = bundle * TILE_WIDTH + i
            path = large_entry_path(index)
            data = self._get(path)
            if data is None:
                raise MissingTile(f"{self.location} does not serve {path}, where entry {index} "
                                  f"({ref[1]} bytes, too long for its bundle) lies")
            if len(data) != ref[1] or hashlib.sha256(data).hexdigest() != ref[0]:
                raise VerificationError(f"{self.location}/{path} is not the entry its bundle refers to "
                                        f"(sha256 {ref[0][:16]}..., {ref[1]} bytes)")
            raws[i] = data
        return raws

    def entry(self, index: int, cp: Checkpoint) -> VerifiedEntry:
        """Entry `index` rebuilt from its bundle: its bytes must hash to the leaf the level-0
        tile holds, and that leaf must be included under `cp`."""
        n = cp.tree_size
        if not 0 <= index < n:
            raise VerificationError(f"entry {index} is not in the tree of size {n}")
        raw = self.bundle(index // TILE_WIDTH, n)[index % TILE_WIDTH]
        proof = self.inclusion_proof(index, cp)
        if mk.leaf_hash(raw) != proof.leaf_hash:
            raise VerificationError(f"entry {index} in its bundle at {self.location} does not hash to its leaf: "
                                    "the bundle was altered")
        return VerifiedEntry(entry_from_bytes(index, raw), raw, proof)

    def entries(self, cp: Checkpoint, start: int = 0, end: int | None = None) -> Iterator[LogEntry]:
        """Entries [start, end) of the tree of `cp`, in order, each checked against its level-0
        tile hash. The level-0 tiles themselves are checked only when the caller checks what it
        built (see `scan`): use `scan` when every entry must be proven."""
        n = cp.tree_size
        end = n if end is None else end
        if not 0 <= start <= end <= n:
            raise VerificationError(f"entries [{start}, {end}) are outside the tree of size {n}")
        for b in range(start // TILE_WIDTH, (end + TILE_WIDTH - 1) // TILE_WIDTH):
            raws = self.bundle(b, n)
            leaves = self.tile(0, b, n)
            for i, raw in enumerate(raws):
                idx = b * TILE_WIDTH + i
                if not start <= idx < end:
                    continue
                if mk.leaf_hash(raw) != leaves[i]:
                    raise VerificationError(f"entry {idx} in its bundle at {self.location} does not hash to "
                                            "its leaf: the bundle was altered")
                yield entry_from_bytes(idx, raw)

    def scan(self, cp: Checkpoint) -> list[LogEntry]:
        """Every entry of `cp`'s tree, proven: all leaves are rebuilt from the bundles and the
        tree they make must have `cp.root` (so nothing was left out, changed or added)."""
        out: list[LogEntry] = []
        frontier: list[bytes] = []
        for e in self.entries(cp):
            mk.append_leaf(frontier, e.index, e.leaf_hash)
            out.append(e)
        if mk.fold(frontier) != cp.root:
            raise VerificationError(f"the entries at {self.location} do not make the tree its checkpoint of size "
                                    f"{cp.tree_size} signs: they were altered")
        return out


def open_tiles(source: str | Path | TileSource, *, endpoint_url: str | None = None,
               token: str | None = None) -> TileLog:
    """A tiled log at an http(s) URL prefix, `s3://bucket/prefix`, or a local directory.
    `token`: a review board token, for the entry bundles a board serves only to its token holders
    (the checkpoint and hash tiles, all that proofs need, are public)."""
    return TileLog(open_source(source, endpoint_url=endpoint_url, token=token))
