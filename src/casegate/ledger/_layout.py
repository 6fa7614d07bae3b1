"""The C2SP tlog-tiles layout: where each tile, entry bundle and the checkpoint live, and what
they hold.

- `checkpoint`: the signed checkpoint note (mutable).
- `tile/<L>/<N>`: a full tile, 256 consecutive hashes (8,192 bytes) at level L. Level 0 holds
  leaf hashes; a hash at level L >= 1 is the Merkle Tree Hash of a full tile at level L - 1, so
  the n-th tile at level L lists MTH(D[(n*256 + i) * 256**L : (n*256 + i + 1) * 256**L]).
- `tile/<L>/<N>.p/<W>`: the partial tile (1 <= W <= 255 hashes) at the right edge of a tree.
- `tile/entries/<N>[.p/<W>]`: the entries hashed into level-0 tile N, each as a big-endian
  uint16 length and the entry's bytes.
- `tile/entries/large/<N>`: casegate's extension for an entry over 65,535 bytes (a bundle's
  16-bit length cannot hold it): the bundle holds a reference (`LARGE_ENTRY_PREFIX`, then the
  entry's sha256 in hex and its size) and the entry's bytes lie here, N being the entry's index.
  The tree is unchanged: the leaf is still the hash of the whole entry, so a client checks the
  bytes it fetched against the level-0 tile as for any other entry.

<N> is written as zero-padded 3-digit path elements, all but the last prefixed with `x`
(1234067 -> x001/x234/067). A tile of height 8 at level L holds complete tree nodes of tree
level 8*L: hash i of tile N at level L is node (8*L, N*256 + i) in `store`'s naming.
"""

from __future__ import annotations

import hashlib
import re
import struct
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..errors import VerificationError
from ..store import merkle as mk

TILE_HEIGHT = 8
TILE_WIDTH = 1 << TILE_HEIGHT
HASH_SIZE = 32
CHECKPOINT_PATH = "checkpoint"
MAX_ENTRY_BYTES = 0xFFFF
"""An entry bundle prefixes each entry with a big-endian uint16 length; a longer entry stands in
its bundle as a reference to `tile/entries/large/<N>` (see `large_entry_ref`)."""
LARGE_ENTRY_PREFIX = b"\x00casegate-large-entry/v1\n"
"""How a reference to a large entry starts in a bundle (no log entry starts with a NUL byte: they
are JSON objects)."""


def encode_index(n: int) -> str:
    """<N> as 3-digit path elements, all but the last prefixed with `x` (1234067 -> x001/x234/067)."""
    if n < 0:
        raise ValueError(f"a tile index cannot be negative ({n})")
    parts = [f"{n % 1000:03d}"]
    n //= 1000
    while n:
        parts.append(f"x{n % 1000:03d}")
        n //= 1000
    return "/".join(reversed(parts))


def _suffix(width: int) -> str:
    if not 1 <= width <= TILE_WIDTH:
        raise ValueError(f"a tile width must be 1..{TILE_WIDTH}, not {width}")
    return "" if width == TILE_WIDTH else f".p/{width}"


def tile_path(level: int, index: int, width: int = TILE_WIDTH) -> str:
    """`tile/<L>/<N>[.p/<W>]`."""
    if not 0 <= level <= 63:
        raise ValueError(f"a tile level must be 0..63, not {level}")
    return f"tile/{level}/{encode_index(index)}{_suffix(width)}"


def bundle_path(index: int, width: int = TILE_WIDTH) -> str:
    """`tile/entries/<N>[.p/<W>]`."""
    return f"tile/entries/{encode_index(index)}{_suffix(width)}"


def large_entry_path(index: int) -> str:
    """`tile/entries/large/<N>`: where the bytes of entry N, over MAX_ENTRY_BYTES, lie."""
    return f"tile/entries/large/{encode_index(index)}"


def large_entry_ref(entry: bytes) -> bytes:
    """What a bundle holds in place of an entry over MAX_ENTRY_BYTES: the prefix, the entry's
    sha256 (hex) and its size in bytes, each on its own line."""
    return LARGE_ENTRY_PREFIX + hashlib.sha256(entry).hexdigest().encode() + b"\n" + str(len(entry)).encode() + b"\n"


def parse_large_ref(raw: bytes) -> tuple[str, int] | None:
    """(sha256 hex, size) when `raw` is a reference to a large entry, else None."""
    if not raw.startswith(LARGE_ENTRY_PREFIX):
        return None
    m = _LARGE_REF_RE.match(raw[len(LARGE_ENTRY_PREFIX):])
    if m is None:
        raise VerificationError("a reference to a large log entry is malformed")
    return m.group(1).decode(), int(m.group(2))


_LARGE_REF_RE = re.compile(rb"([0-9a-f]{64})\n([1-9]\d{0,12})\n\Z")
_INDEX = r"((?:x\d{3}/)*\d{3})"
_TILE_RE = re.compile(r"^tile/(0|[1-9]\d?)/" + _INDEX + r"(?:\.p/([1-9]\d{0,2}))?\Z")
_BUNDLE_RE = re.compile(r"^tile/entries/" + _INDEX + r"(?:\.p/([1-9]\d{0,2}))?\Z")
_LARGE_RE = re.compile(r"^tile/entries/large/" + _INDEX + r"\Z")


def parse_large_path(path: str) -> int | None:
    """The entry index a `tile/entries/large/<N>` path names, or None (not such a path, or not canonical)."""
    m = _LARGE_RE.match(path)
    if m is None:
        return None
    index = _decode_index(m.group(1))
    return index if index is not None and large_entry_path(index) == path else None


@dataclass(frozen=True)
class TileRef:
    """A parsed tile or entry-bundle path; `level` is None for an entry bundle."""

    level: int | None
    index: int
    width: int

    @property
    def path(self) -> str:
        return bundle_path(self.index, self.width) if self.level is None else tile_path(self.level, self.index, self.width)


def _decode_index(s: str) -> int | None:
    parts = s.split("/")
    if len(parts) > 1 and parts[0] == "x000":
        return None  # no leading zero elements: one index has one path
    return int("".join(p.lstrip("x") for p in parts))


def parse_path(path: str) -> TileRef | None:
    """The tile or bundle a path names, or None when it names neither (or is not canonical)."""
    for rx, is_bundle in ((_BUNDLE_RE, True), (_TILE_RE, False)):
        m = rx.match(path)
        if m is None:
            continue
        groups = m.groups()
        level = None if is_bundle else int(groups[0])
        idx_s, width_s = groups[-2], groups[-1]
        index = _decode_index(idx_s)
        width = TILE_WIDTH if width_s is None else int(width_s)
        if index is None or (width_s is not None and width >= TILE_WIDTH) or (level or 0) > 63:
            return None
        ref = TileRef(level, index, width)
        return ref if ref.path == path else None
    return None


def level_count(tree_size: int, level: int) -> int:
    """How many hashes tile level `level` holds for a tree of `tree_size` entries."""
    return tree_size >> (TILE_HEIGHT * level)


def tile_width(tree_size: int, level: int, index: int) -> int:
    """The width of tile `index` at `level` in a tree of `tree_size` (256 when full; 0 when the
    tree has no such tile)."""
    return max(0, min(TILE_WIDTH, level_count(tree_size, level) - index * TILE_WIDTH))


def tiles_for_size(tree_size: int) -> Iterator[tuple[int, int, int]]:
    """Every (level, index, width) tile of a tree of `tree_size` entries."""
    level = 0
    while (count := level_count(tree_size, level)) > 0:
        for index in range((count + TILE_WIDTH - 1) // TILE_WIDTH):
            yield level, index, min(TILE_WIDTH, count - index * TILE_WIDTH)
        level += 1


def split_hashes(data: bytes, width: int, where: str) -> list[bytes]:
    """A tile's bytes as its `width` hashes; VerificationError when the size is wrong."""
    if len(data) != width * HASH_SIZE:
        raise VerificationError(f"{where} is {len(data)} bytes; a tile of width {width} is {width * HASH_SIZE}")
    return [data[i:i + HASH_SIZE] for i in range(0, len(data), HASH_SIZE)]


def encode_bundle(entries: Sequence[bytes]) -> bytes:
    """Entries as a bundle: each a big-endian uint16 length and its bytes; an entry over
    MAX_ENTRY_BYTES as a reference to its `large_entry_path` (the caller publishes it there)."""
    out = bytearray()
    for e in entries:
        if len(e) > MAX_ENTRY_BYTES:
            e = large_entry_ref(e)
        out += struct.pack(">H", len(e))
        out += e
    return bytes(out)


def decode_bundle(data: bytes, width: int, where: str) -> list[bytes]:
    """A bundle's `width` entries; VerificationError when it does not hold exactly that many."""
    out: list[bytes] = []
    pos = 0
    while pos < len(data):
        if pos + 2 > len(data):
            raise VerificationError(f"{where} ends inside an entry's length")
        (n,) = struct.unpack_from(">H", data, pos)
        if pos + 2 + n > len(data):
            raise VerificationError(f"{where}: entry {len(out)} runs past the end of the bundle")
        out.append(data[pos + 2:pos + 2 + n])
        pos += 2 + n
    if len(out) != width:
        raise VerificationError(f"{where} holds {len(out)} entries; it should hold {width}")
    return out


def subtree_hash(hashes: Sequence[bytes]) -> bytes:
    """The Merkle Tree Hash over a power-of-two run of same-level hashes (e.g. a full tile)."""
    level = list(hashes)
    if not level or len(level) & (len(level) - 1):
        raise ValueError(f"{len(level)} hashes are not a power of two")
    while len(level) > 1:
        level = [mk.node_hash(level[i], level[i + 1]) for i in range(0, len(level), 2)]
    return level[0]
