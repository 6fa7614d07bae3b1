"""The tlog-tiles layout rules, as test vectors taken from the specification's text."""

from __future__ import annotations

import hashlib

import pytest

from casegate.errors import VerificationError
from casegate.ledger import (
    LARGE_ENTRY_PREFIX,
    TILE_WIDTH,
    TileRef,
    bundle_path,
    decode_bundle,
    encode_bundle,
    encode_index,
    parse_large_path,
    parse_large_ref,
    parse_path,
    tile_path,
    tiles_for_size,
)


@pytest.mark.parametrize(("index", "encoded"), [
    (0, "000"), (7, "007"), (999, "999"), (1000, "x001/000"), (1234067, "x001/x234/067"),
    (1000000, "x001/x000/000"), (2**40, "x001/x099/x511/x627/776"),
])
def test_index_encoding(index: int, encoded: str) -> None:
    # "index 1234067 will be encoded as x001/x234/067"
    assert encode_index(index) == encoded


def test_tile_and_bundle_paths() -> None:
    assert tile_path(0, 0) == "tile/0/000"
    assert tile_path(1, 1234067) == "tile/1/x001/x234/067"
    assert tile_path(0, 5, 112) == "tile/0/005.p/112"
    assert bundle_path(1234067) == "tile/entries/x001/x234/067"
    assert bundle_path(3, 1) == "tile/entries/003.p/1"
    with pytest.raises(ValueError):
        tile_path(64, 0)
    with pytest.raises(ValueError):
        tile_path(0, 0, 0)


@pytest.mark.parametrize("path", [
    "tile/0/000", "tile/63/x001/x234/067", "tile/2/000.p/1", "tile/0/001.p/255",
    "tile/entries/x001/000", "tile/entries/277.p/88",
])
def test_parse_round_trip(path: str) -> None:
    ref = parse_path(path)
    assert ref is not None and ref.path == path


@pytest.mark.parametrize("path", [
    "tile/00/000", "tile/64/000", "tile/0/0", "tile/0/x000/001", "tile/0/001.p/0", "tile/0/001.p/256",
    "tile/0/001.p/007", "tile/0/001/x002", "tile/entries/001.p/", "tile/-1/000", "checkpoint",
    "tile/0/../000", "tile/0/1234",
])
def test_non_canonical_paths_are_refused(path: str) -> None:
    # one tile, one path: leading zeros, empty or out-of-range widths name nothing
    assert parse_path(path) is None


def test_parse_values() -> None:
    assert parse_path("tile/1/x001/x234/067.p/9") == TileRef(1, 1234067, 9)
    assert parse_path("tile/entries/002") == TileRef(None, 2, TILE_WIDTH)


def _summary(size: int) -> list[tuple[int, int, int]]:
    """(level, full tiles, partial width) per level."""
    per: dict[int, list[int]] = {}
    for level, _index, width in tiles_for_size(size):
        per.setdefault(level, []).append(width)
    return [(lv, sum(1 for w in ws if w == TILE_WIDTH), next((w for w in ws if w < TILE_WIDTH), 0))
            for lv, ws in sorted(per.items())]


def test_tiles_for_size_spec_examples() -> None:
    # "a tree of size 70,000 will be represented by 273 full level 0 tiles, one partial level 0
    # tile of width 112, one full level 1 tile, one partial level 1 tile of width 17, and one
    # partial level 2 tile of width 1"
    assert _summary(70000) == [(0, 273, 112), (1, 1, 17), (2, 0, 1)]
    # "a tree of size 256 will be represented by a full level 0 tile and a partial level 1
    # tile of width 1"
    assert _summary(256) == [(0, 1, 0), (1, 0, 1)]
    assert _summary(0) == []
    assert _summary(1) == [(0, 0, 1)]


def test_bundle_encoding() -> None:
    entries = [b"", b"a", b"x" * 300, b"\x00\xff" * 10]
    data = encode_bundle(entries)
    assert data[:2] == b"\x00\x00" and data[2:5] == b"\x00\x01a" and data[5:7] == b"\x01\x2c"  # big-endian
    assert decode_bundle(data, 4, "b") == entries
    with pytest.raises(VerificationError, match="holds 4 entries; it should hold 5"):
        decode_bundle(data, 5, "b")
    with pytest.raises(VerificationError, match="runs past the end"):
        decode_bundle(data[:-1], 4, "b")
    with pytest.raises(VerificationError, match="inside an entry's length"):
        decode_bundle(data + b"\x00", 4, "b")
    # over the 16-bit length: a reference to tile/entries/large/<N> stands in its place
    (ref,) = decode_bundle(encode_bundle([b"x" * 65536]), 1, "b")
    assert parse_large_ref(ref) == (hashlib.sha256(b"x" * 65536).hexdigest(), 65536)
    assert parse_large_ref(b'{"case_id":null}') is None
    with pytest.raises(VerificationError, match="malformed"):
        parse_large_ref(LARGE_ENTRY_PREFIX + b"nothex\n1\n")
    assert decode_bundle(encode_bundle([b"y" * 65535]), 1, "b") == [b"y" * 65535]
    assert parse_large_path("tile/entries/large/x001/x234/067") == 1234067
    assert parse_large_path("tile/entries/large/x000/067") is None and parse_large_path("tile/entries/067") is None
