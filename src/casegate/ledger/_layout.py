"""The C2SP tlog-tiles layout: where each tile, entry bundle and the checkpoint live, and what
they hold.

- `checkpoint`: the signed checkpoint note (mutable).
- `tile/<L>/<N>`: a full tile, 256 consecutive hashes (8,192 bytes) at level L. Level 0 holds
  leaf hashes; a hash at level L >= 1 is the Merkle Tree Hash of a full tile at level L - 1, so
  the n-th tile at level L lists MTH(D[(n*256 + i) * 256**L : (n*256 + i + 1) * 256**L]).
- `tile/<L>/<N>.p/<W>`: the partial tile (1 <= W <= 255 hashes) at the right edge of a tree.
- `tile/entries/<N>[.p/<W>]`: the entries hashed into level-0 tile N, each as a big-endian
  uint16 length and the entry's bytes.

<N> is written as zero-padded 3-digit path elements, all but the last prefixed with `x`
(1234067 -> x001/x234/067). A tile of height 8 at level L holds complete tree nodes of tree
level 8*L: hash i of tile N at level L is node (8*L, N*256 + i) in `store`'s naming.
"""

from __future__ import annotations

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
"""An entry bundle prefixes each entry with a big-endian uint16 length."""


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


_INDEX = r"((?:x\d{3}/)*\d{3})"
_TILE_RE = re.compile(r"^tile/(0|[1-9]\d?)/" + _INDEX + r"(?:\.p/([1-9]\d{0,2}))?$")
_BUNDLE_RE = re.compile(r"^tile/entries/" + _INDEX + r"(?:\.p/([1-9]\d{0,2}))?$")


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
    """Entries as a bundle: each a big-endian uint16 length and its bytes."""
    out = bytearray()
    for e in entries:
        if len(e) > MAX_ENTRY_BYTES:
            raise ValueError(f"an entry of {len(e)} bytes does not fit a bundle's 16-bit length")
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
