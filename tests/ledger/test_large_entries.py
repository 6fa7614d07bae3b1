"""Log entries over 65,535 bytes (a large case's version, a decision with many findings): an
entry bundle's 16-bit length cannot hold them, so the bundle refers to `tile/entries/large/<N>`
and the entry's bytes lie there. The tree is the registry's own; a client checks the fetched
bytes against the reference and the level-0 leaf, on SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from casegate.errors import VerificationError
from casegate.ledger import (
    LARGE_ENTRY_PREFIX,
    MAX_ENTRY_BYTES,
    MissingTile,
    decode_bundle,
    large_entry_path,
    open_store,
    open_tiles,
    parse_large_ref,
    read_tile,
    write_tiles,
)
from casegate.store import Registry, load_public_key

BIG = {"blob": "x" * 100_000}


def _published(registry: Registry, log_key: Path, out: Path) -> tuple[str, int]:
    registry.record_many([("note", None, {"n": i}) for i in range(3)])
    big = registry.record("case-version", "big-case", BIG).index
    registry.record_many([("note", None, {"n": i}) for i in range(3, 5)])
    cp = registry.checkpoint(log_key)
    write_tiles(registry, open_store(out), cp, entries=True)
    return cp, big


def test_a_large_entry_is_published_beside_its_bundle_and_proven(registry: Registry, log_key: Path,
                                                                  tmp_path: Path) -> None:
    out = tmp_path / "tiles"
    cp_text, big = _published(registry, log_key, out)
    raw = (out / large_entry_path(big)).read_bytes()
    assert len(raw) > MAX_ENTRY_BYTES
    bundle = decode_bundle((out / "tile/entries/000.p/6").read_bytes(), 6, "bundle")
    assert bundle[big].startswith(LARGE_ENTRY_PREFIX)
    assert parse_large_ref(bundle[big]) == (hashlib.sha256(raw).hexdigest(), len(raw))
    assert [b.startswith(b"{") for i, b in enumerate(bundle) if i != big] == [True] * 5
    tiles = open_tiles(out)
    cp = tiles.checkpoint(load_public_key(str(log_key) + ".pub"), origin=registry.origin())
    e = tiles.entry(big, cp)
    assert e.entry.payload == BIG and e.entry.kind == "case-version"
    assert [x.leaf_hash for x in tiles.scan(cp)] == [x.leaf_hash for x in registry.events()]
    # the board builds the same object from the registry; nothing for an entry that fits its bundle
    assert read_tile(registry, large_entry_path(big), registry.size()) == raw
    assert read_tile(registry, large_entry_path(0), registry.size()) is None
    assert read_tile(registry, large_entry_path(registry.size()), registry.size()) is None
    # publishing again keeps the (immutable) large entry
    again = write_tiles(registry, open_store(out), cp_text, entries=True)
    assert large_entry_path(big) not in again.written


def test_a_changed_or_missing_large_entry_is_caught(registry: Registry, log_key: Path, tmp_path: Path) -> None:
    out = tmp_path / "tiles"
    _cp, big = _published(registry, log_key, out)
    key = load_public_key(str(log_key) + ".pub")
    path = out / large_entry_path(big)
    good = path.read_bytes()
    path.write_bytes(good.replace(b"xxxx", b"yyyy", 1))
    tiles = open_tiles(out)
    with pytest.raises(VerificationError, match="is not the entry its bundle refers to"):
        tiles.entry(big, tiles.checkpoint(key, origin=registry.origin()))
    path.unlink()
    tiles = open_tiles(out)
    with pytest.raises(MissingTile, match="too long for its bundle"):
        tiles.entry(big, tiles.checkpoint(key, origin=registry.origin()))
