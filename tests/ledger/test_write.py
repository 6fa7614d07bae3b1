"""Writing tiles: they carry exactly the log's leaves and tree hashes, runs are incremental,
full tiles are never rewritten, and a store holding another history is refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casegate.errors import StoreError, VerificationError
from casegate.ledger import (
    TILE_WIDTH,
    LocalTiles,
    decode_bundle,
    open_store,
    parse_path,
    tile_path,
    tile_width,
    tiles_for_size,
    write_tiles,
)
from casegate.store import Registry, generate_key, sign_checkpoint
from casegate.store import merkle as mk

from .conftest import MemoryLog

KEY = None


def _key(tmp: Path):  # type: ignore[no-untyped-def]
    global KEY
    if KEY is None:
        KEY = generate_key(tmp / "mem.pem")
    return KEY


def _cp(log: MemoryLog, n: int, tmp: Path, origin: str = "example.org/log") -> str:
    return sign_checkpoint(origin, n, log.root(n), _key(tmp)).text()


def _files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def _expected(log: MemoryLog, n: int) -> set[str]:
    out = {"checkpoint"}
    for level, index, width in tiles_for_size(n):
        out.add(tile_path(level, index, width))
        if level == 0:
            out.add(tile_path(0, index, width).replace("tile/0/", "tile/entries/"))
    return out


def _check_tiles(root: Path, log: MemoryLog, n: int) -> None:
    files, expected = _files(root), _expected(log, n)
    assert expected <= files
    for extra in files - expected:  # older partial versions of tiles that are still partial
        ref = parse_path(extra)
        assert ref is not None and ref.width < TILE_WIDTH, extra
        current = tile_width(n, ref.level or 0, ref.index)
        assert ref.width < current < TILE_WIDTH, extra
        if ref.level is not None:
            data = (root / extra).read_bytes()
            assert data == b"".join(log.nodes[(8 * ref.level, ref.index * TILE_WIDTH + i)] for i in range(ref.width))
    for level, index, width in tiles_for_size(n):
        data = (root / tile_path(level, index, width)).read_bytes()
        want = [log.nodes[(8 * level, index * TILE_WIDTH + i)] for i in range(width)]
        assert data == b"".join(want), (level, index, width)
        if level == 0:
            bundle = (root / tile_path(0, index, width).replace("tile/0/", "tile/entries/")).read_bytes()
            assert decode_bundle(bundle, width, "b") == log.entries[index * TILE_WIDTH:index * TILE_WIDTH + width]


@pytest.mark.parametrize("n", [0, 1, 255, 256, 257, 511, 512, 65535, 65536, 65537, 70000])
def test_tiles_hold_every_node_of_the_tree(tmp_path: Path, n: int) -> None:
    log = MemoryLog(n)
    report = write_tiles(log, open_store(tmp_path / "t"), _cp(log, n, tmp_path), entries=True)
    assert report.tree_size == n and report.checkpoint_written
    _check_tiles(tmp_path / "t", log, n)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(1, 700), min_size=1, max_size=5))
def test_incremental_runs_equal_one_run(tmp_path_factory: pytest.TempPathFactory, steps: list[int]) -> None:
    tmp = tmp_path_factory.mktemp("inc")
    total = sum(steps)
    log = MemoryLog(total)
    n = 0
    for step in steps:
        n += step
        write_tiles(log, open_store(tmp / "t"), _cp(log, n, tmp), entries=True)
        _check_tiles(tmp / "t", log, n)


def test_registry_tiles_are_the_logs_own_hashes(registry: Registry, log_key: Path, tmp_path: Path) -> None:
    registry.record_many([("decision", f"case-{i % 3}", {"n": i, "text": "é" * (i % 5)}) for i in range(600)])
    cp = registry.checkpoint(log_key)
    write_tiles(registry, open_store(tmp_path / "t"), cp, entries=True)
    events = registry.events()
    leaves = b"".join(e.leaf_hash for e in events)
    level0 = b"".join((tmp_path / "t" / p).read_bytes() for p in ("tile/0/000", "tile/0/001", "tile/0/002.p/88"))
    assert level0 == leaves
    assert (tmp_path / "t/tile/1/000.p/2").read_bytes() == b"".join(registry.node_range(8, 0, 2))
    bundle = decode_bundle((tmp_path / "t/tile/entries/001").read_bytes(), 256, "b")
    assert [mk.leaf_hash(b) for b in bundle] == [e.leaf_hash for e in events[256:512]]
    assert bundle[0] == events[256].canonical()
    assert (tmp_path / "t/checkpoint").read_text() == cp


def test_incremental_run_writes_only_new_tiles(registry: Registry, log_key: Path, tmp_path: Path) -> None:
    registry.record_many([("decision", "c", {"n": i}) for i in range(300)])
    store = open_store(tmp_path / "t")
    write_tiles(registry, store, registry.checkpoint(log_key), entries=True)
    full = tmp_path / "t/tile/0/000"
    before = full.stat()
    registry.record_many([("decision", "c", {"n": i}) for i in range(300, 520)])
    report = write_tiles(registry, store, registry.checkpoint(log_key), entries=True)
    assert report.old_size == 300 and report.tree_size == 520
    assert sorted(report.written) == ["tile/0/001", "tile/0/002.p/8", "tile/1/000.p/2",
                                      "tile/entries/001", "tile/entries/002.p/8"]
    assert sorted(report.removed) == ["tile/0/001.p/44", "tile/entries/001.p/44"]  # 001 is full now
    assert (tmp_path / "t/tile/1/000.p/1").exists()  # still needed by readers of the old checkpoint
    after = full.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)  # never rewritten
    again = write_tiles(registry, store, registry.latest_checkpoint() or "", entries=True)
    assert again.written == [] and not again.checkpoint_written
    assert "up to date" in again.summary()


def test_new_cosignatures_refresh_the_checkpoint(tmp_path: Path) -> None:
    from casegate.store import cosign_checkpoint, parse_checkpoint

    log = MemoryLog(10)
    text = _cp(log, 10, tmp_path)
    store = open_store(tmp_path / "t")
    write_tiles(log, store, text, entries=True)
    witness = generate_key(tmp_path / "w.pem")
    cp = parse_checkpoint(text)
    cosigned = cp.with_signature(cosign_checkpoint(cp, witness, "witness.example", 1700000000)).text()
    report = write_tiles(log, store, cosigned, entries=True)
    assert report.checkpoint_written and report.written == []
    assert (tmp_path / "t/checkpoint").read_text() == cosigned


def test_an_older_checkpoint_is_refused(tmp_path: Path) -> None:
    log = MemoryLog(300)
    store = open_store(tmp_path / "t")
    write_tiles(log, store, _cp(log, 300, tmp_path), entries=True)
    with pytest.raises(StoreError, match="already holds a tree of 300 entries"):
        write_tiles(log, store, _cp(log, 200, tmp_path), entries=True)


def test_another_log_or_history_is_refused(tmp_path: Path) -> None:
    log = MemoryLog(300)
    store = open_store(tmp_path / "t")
    write_tiles(log, store, _cp(log, 300, tmp_path), entries=True)
    with pytest.raises(StoreError, match="holds tiles of log 'example.org/log', not 'other.example/log'"):
        write_tiles(log, store, _cp(log, 300, tmp_path, origin="other.example/log"), entries=True)
    forked = MemoryLog(400, tag="b")  # same origin, other entries
    with pytest.raises(StoreError, match="of another history"):
        write_tiles(forked, store, _cp(forked, 400, tmp_path), entries=True)


def test_a_full_tile_with_other_contents_is_never_overwritten(tmp_path: Path) -> None:
    log = MemoryLog(600)
    store = open_store(tmp_path / "t")
    (tmp_path / "t/tile/0").mkdir(parents=True)
    (tmp_path / "t/tile/0/001").write_bytes(b"\x00" * 8192)  # left by someone else
    with pytest.raises(StoreError, match="already holds tile/0/001 with other contents"):
        write_tiles(log, store, _cp(log, 600, tmp_path), entries=True)
    assert (tmp_path / "t/tile/0/001").read_bytes() == b"\x00" * 8192
    assert not (tmp_path / "t/checkpoint").exists()  # no checkpoint names a broken tree


def test_same_bytes_left_by_a_crashed_run_are_kept(tmp_path: Path) -> None:
    log = MemoryLog(600)
    store = open_store(tmp_path / "t")
    (tmp_path / "t/tile/0").mkdir(parents=True)
    (tmp_path / "t/tile/0/001").write_bytes(b"".join(log.leaves[256:512]))
    report = write_tiles(log, store, _cp(log, 600, tmp_path), entries=True)
    assert report.kept == 1 and "tile/0/001" not in report.written


def test_entries_that_do_not_match_the_checkpoint_are_not_published(tmp_path: Path) -> None:
    log = MemoryLog(300)
    text = _cp(log, 300, tmp_path)
    log.entries[5] = log.entries[5].replace(b'"n":5', b'"n":6')  # stored leaf kept: caught per entry
    with pytest.raises(VerificationError, match="entry 5 does not hash to the leaf"):
        write_tiles(log, open_store(tmp_path / "t"), text, entries=True)
    log.leaves[5] = mk.leaf_hash(log.entries[5])  # leaf rewritten too: caught by the root
    with pytest.raises(VerificationError, match="do not hash to the root its checkpoint signs"):
        write_tiles(log, open_store(tmp_path / "u"), text, entries=True)
    assert not (tmp_path / "u/checkpoint").exists()


def test_tampered_registry_is_not_published(registry: Registry, log_key: Path, tmp_path: Path) -> None:
    import sqlalchemy as sa

    registry.record_many([("decision", "c", {"n": i}) for i in range(20)])
    cp = registry.checkpoint(log_key)
    with registry.engine.begin() as conn:
        conn.execute(sa.text("UPDATE log_entries SET payload = :p WHERE idx = 3"), {"p": '{"n":99}'})
    with pytest.raises(VerificationError, match="entry 3 does not hash"):
        write_tiles(registry, open_store(tmp_path / "t"), cp, entries=True)


def test_oversized_entry_is_published_on_its_own(tmp_path: Path) -> None:
    """An entry over 65,535 bytes does not fit its bundle's 16-bit length: the bundle refers to it
    and its bytes lie at tile/entries/large/<N> (see test_large_entries)."""
    log = MemoryLog(3)
    log.entries[1] = b"x" * 70000
    log.leaves[1] = mk.leaf_hash(log.entries[1])
    log.nodes = mk.build_nodes(log.leaves)
    write_tiles(log, open_store(tmp_path / "t"), _cp(log, 3, tmp_path), entries=True)
    assert (tmp_path / "t" / "tile/entries/large/001").read_bytes() == log.entries[1]
    assert decode_bundle((tmp_path / "t" / "tile/entries/000.p/3").read_bytes(), 3, "b")[1].startswith(b"\x00")


def test_local_store_writes_atomically(tmp_path: Path) -> None:
    store = LocalTiles(tmp_path)
    store.write("tile/0/000", b"a")
    store.write("tile/0/000", b"b")
    assert store.read("tile/0/000") == b"b"
    assert store.write_new("tile/0/001", b"c") and not store.write_new("tile/0/001", b"d")
    assert store.read("tile/0/001") == b"c"
    assert [p.name for p in (tmp_path / "tile/0").iterdir() if p.name.endswith(".tmp")] == []
    assert store.read("tile/0/404") is None
    with pytest.raises(StoreError):
        store.read("../x")


@pytest.mark.parametrize("steps", [[300], [3, 300, 253]])
def test_public_tiles_hold_no_entry(tmp_path: Path, steps: list[int]) -> None:
    """By default only the checkpoint and the hash tiles are written, incrementally as ever: an
    entry's text (a decision record, an objection, an incident, redacted content) never lands in
    the public tiles, and the hash tiles are exactly those of a full copy."""
    log = MemoryLog(sum(steps))
    log.entries[1] = b"x" * 70000  # a large entry is not published on its own either
    log.leaves[1] = mk.leaf_hash(log.entries[1])
    log.nodes = mk.build_nodes(log.leaves)
    n = 0
    for step in steps:
        n += step
        write_tiles(log, open_store(tmp_path / "public"), _cp(log, n, tmp_path))
        write_tiles(log, open_store(tmp_path / "full"), _cp(log, n, tmp_path), entries=True)
    public, full = _files(tmp_path / "public"), _files(tmp_path / "full")
    assert public == {p for p in full if not p.startswith("tile/entries/")}
    assert {p for p in _expected(log, n) if not p.startswith("tile/entries/")} <= public
    assert "tile/entries/large/001" in full
    assert all((tmp_path / "public" / p).read_bytes() == (tmp_path / "full" / p).read_bytes() for p in public)
    assert not any(b"x" * 100 in (tmp_path / "public" / p).read_bytes() for p in public)


def test_public_tiles_beside_entry_bundles_are_refused(tmp_path: Path) -> None:
    log = MemoryLog(300)
    write_tiles(log, open_store(tmp_path / "t"), _cp(log, 200, tmp_path), entries=True)
    with pytest.raises(StoreError, match="holds entry bundles"):
        write_tiles(log, open_store(tmp_path / "t"), _cp(log, 300, tmp_path))
    write_tiles(log, open_store(tmp_path / "p"), _cp(log, 200, tmp_path))
    with pytest.raises(StoreError, match="without their entry bundles"):
        write_tiles(log, open_store(tmp_path / "p"), _cp(log, 300, tmp_path), entries=True)
