"""The client that trusts nobody: proofs and entries built from tiles alone, each checked
against a signed checkpoint; tampered, missing or forked tiles are caught; a split view is
refused against the last checkpoint seen."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from casegate.errors import InputError, VerificationError
from casegate.ledger import (
    ClientState,
    MissingTile,
    Seen,
    SplitView,
    open_store,
    open_tiles,
    write_tiles,
)
from casegate.store import Registry, load_public_key, parse_checkpoint, sign_checkpoint
from casegate.store import merkle as mk

from .conftest import MemoryLog

KEY = Ed25519PrivateKey.generate()
ORIGIN = "example.org/log"


def _publish(log: MemoryLog, n: int, root: Path, key: Ed25519PrivateKey = KEY) -> str:
    text = sign_checkpoint(ORIGIN, n, log.root(n), key).text()
    write_tiles(log, open_store(root), text, entries=True)
    return text


@pytest.mark.parametrize("n", [1, 2, 255, 256, 257, 1000, 65536, 65537])
def test_proofs_from_tiles_equal_the_reference(tmp_path: Path, n: int) -> None:
    log = MemoryLog(n)
    _publish(log, n, tmp_path)
    tiles = open_tiles(tmp_path)
    cp = tiles.checkpoint(KEY.public_key())
    for i in sorted({0, min(1, n - 1), n // 2, n - 1}):
        p = tiles.inclusion_proof(i, cp)
        assert list(p.path) == mk.proof_from_leaves(log.leaves, i)
        assert p.leaf_hash == log.leaves[i]
    for m in sorted({1, n // 3 or 1, n - 1 or 1, n}):
        c = tiles.consistency_proof(m, log.root(m), cp)
        assert list(c.path) == mk.resolve(mk.consistency_spec(m, n), log.nodes)
    e = tiles.entry(n - 1, cp)
    assert e.raw == log.entries[n - 1] and e.entry.index == n - 1 and e.entry.payload["n"] == n - 1


def test_fetches_only_what_a_proof_needs(tmp_path: Path) -> None:
    log = MemoryLog(70000)
    _publish(log, 70000, tmp_path)
    tiles = open_tiles(tmp_path)
    cp = tiles.checkpoint(KEY.public_key())
    tiles.inclusion_proof(12345, cp)
    # the checkpoint, the entry's level-0 tile, the level-1 tiles (full and partial) and the
    # level-2 partial tile: log256 of the tree size, not the tree
    assert tiles.fetches <= 6
    before = tiles.fetches
    tiles.inclusion_proof(12346, cp)
    assert tiles.fetches == before  # tiles are immutable: kept once fetched


def test_registry_tiles_agree_with_the_registry(registry: Registry, log_key: Path, tmp_path: Path) -> None:
    registry.record_many([("decision", f"case-{i % 3}", {"n": i}) for i in range(300)])
    cp_text = registry.checkpoint(log_key)
    write_tiles(registry, open_store(tmp_path), cp_text, entries=True)
    tiles = open_tiles(tmp_path)
    cp = tiles.checkpoint(load_public_key(str(log_key) + ".pub"), origin=registry.origin())
    assert cp.text() == cp_text
    assert tiles.inclusion_proof(17, cp).path == registry.prove_inclusion(17, 300).path
    assert tiles.consistency_proof(100, registry.root(100), cp).path == registry.prove_consistency(100, 300).path
    assert tiles.entry(299, cp).entry.payload == registry.entry(299).payload
    scanned = tiles.scan(cp)
    assert [e.leaf_hash for e in scanned] == [e.leaf_hash for e in registry.events()]


def test_wrong_key_or_origin_is_refused(tmp_path: Path) -> None:
    log = MemoryLog(10)
    _publish(log, 10, tmp_path)
    tiles = open_tiles(tmp_path)
    with pytest.raises(VerificationError, match="no signature by the given key"):
        tiles.checkpoint(Ed25519PrivateKey.generate().public_key())
    with pytest.raises(VerificationError, match="is for log 'example.org/log', not 'other'"):
        tiles.checkpoint(KEY.public_key(), origin="other")
    (tmp_path / "checkpoint").write_text((tmp_path / "checkpoint").read_text().replace("\n10\n", "\n11\n", 1))
    with pytest.raises(VerificationError, match="does not verify"):
        tiles.checkpoint(KEY.public_key())


def test_tampered_tiles_are_caught(tmp_path: Path) -> None:
    log = MemoryLog(600)
    _publish(log, 600, tmp_path)
    tile = tmp_path / "tile/0/001"
    data = bytearray(tile.read_bytes())
    data[40] ^= 1  # one bit of leaf 257
    tile.write_bytes(bytes(data))
    tiles = open_tiles(tmp_path)
    cp = tiles.checkpoint(KEY.public_key())
    with pytest.raises(VerificationError, match="do not prove entry 257"):
        tiles.inclusion_proof(257, cp)
    with pytest.raises(VerificationError, match="do not prove entry 300"):
        tiles.inclusion_proof(300, cp)  # its path passes through the altered tile's hash
    with pytest.raises(VerificationError):
        tiles.scan(cp)


def test_tampered_bundle_is_caught(tmp_path: Path) -> None:
    log = MemoryLog(300)
    _publish(log, 300, tmp_path)
    b = tmp_path / "tile/entries/000"
    b.write_bytes(b.read_bytes().replace(b'"n":7,', b'"n":8,'))
    tiles = open_tiles(tmp_path)
    cp = tiles.checkpoint(KEY.public_key())
    with pytest.raises(VerificationError, match="entry 7 in its bundle .* does not hash to its leaf"):
        tiles.entry(7, cp)
    with pytest.raises(VerificationError, match="does not hash to its leaf"):
        tiles.scan(cp)
    assert tiles.entry(8, cp).entry.payload["n"] == 8


def test_bundle_and_level0_tile_altered_together_are_caught(tmp_path: Path) -> None:
    log = MemoryLog(300)
    _publish(log, 300, tmp_path)
    b = tmp_path / "tile/entries/001.p/44"
    entries = [e.replace(b'"n":260', b'"n":999') for e in log.entries[256:300]]
    from casegate.ledger import encode_bundle

    b.write_bytes(encode_bundle(entries))
    t = tmp_path / "tile/0/001.p/44"
    t.write_bytes(b"".join(mk.leaf_hash(e) for e in entries))
    tiles = open_tiles(tmp_path)
    cp = tiles.checkpoint(KEY.public_key())
    with pytest.raises(VerificationError, match="do not prove entry 260"):
        tiles.entry(260, cp)
    with pytest.raises(VerificationError, match="do not make the tree its checkpoint"):
        tiles.scan(cp)


def test_missing_tile_is_reported(tmp_path: Path) -> None:
    log = MemoryLog(600)
    _publish(log, 600, tmp_path)
    (tmp_path / "tile/0/001").unlink()
    tiles = open_tiles(tmp_path)
    cp = tiles.checkpoint(KEY.public_key())
    with pytest.raises(MissingTile, match="does not serve tile/0/001"):
        tiles.inclusion_proof(300, cp)


def test_superseded_partial_tile_is_read_from_the_full_one(tmp_path: Path) -> None:
    log = MemoryLog(600)
    old = parse_checkpoint(_publish(log, 300, tmp_path))
    _publish(log, 600, tmp_path)  # 001.p/44 is now gone, 001 is full
    tiles = open_tiles(tmp_path)
    assert tiles.inclusion_proof(299, old).path == tuple(mk.proof_from_leaves(log.leaves[:300], 299))


def test_split_view_is_refused(tmp_path: Path) -> None:
    honest, forked = MemoryLog(500, tag="a"), MemoryLog(500, tag="b")
    forked.entries[:200] = honest.entries[:200]
    forked.leaves[:200] = honest.leaves[:200]
    forked.nodes = mk.build_nodes(forked.leaves)
    _publish(honest, 300, tmp_path / "a")
    _publish(forked, 400, tmp_path / "b")  # same origin and key, another history after entry 200
    state = ClientState(tmp_path / "state.json")
    a = open_tiles(tmp_path / "a")
    first = state.advance(a, a.checkpoint(KEY.public_key()))
    assert first.previous is None
    state.save()
    b = open_tiles(tmp_path / "b")
    state = ClientState(tmp_path / "state.json")
    with pytest.raises(SplitView, match="does not extend the tree of 300 entries"):
        state.advance(b, b.checkpoint(KEY.public_key()))
    assert state.seen(ORIGIN) is not None and state.seen(ORIGIN).size == 300  # type: ignore[union-attr]
    # the honest log growing is accepted, with a proof
    _publish(honest, 500, tmp_path / "a")
    a2 = open_tiles(tmp_path / "a")
    step = state.advance(a2, a2.checkpoint(KEY.public_key()))
    assert step.previous is not None and step.previous.size == 300 and step.proof is not None


def test_same_size_other_root_and_rollback_are_refused(tmp_path: Path) -> None:
    honest, forked = MemoryLog(300, tag="a"), MemoryLog(300, tag="b")
    _publish(honest, 300, tmp_path / "a")
    _publish(forked, 300, tmp_path / "b")
    _publish(honest, 200, tmp_path / "c")
    state = ClientState(tmp_path / "state.json")
    a = open_tiles(tmp_path / "a")
    state.advance(a, a.checkpoint(KEY.public_key()))
    b = open_tiles(tmp_path / "b")
    with pytest.raises(SplitView, match="two different roots for the same tree size 300"):
        state.advance(b, b.checkpoint(KEY.public_key()))
    c = open_tiles(tmp_path / "c")
    with pytest.raises(SplitView, match="showed 300 before: a log never shrinks"):
        state.advance(c, c.checkpoint(KEY.public_key()))


def test_damaged_state_file_is_an_input_error(tmp_path: Path) -> None:
    p = tmp_path / "state.json"
    p.write_text(json.dumps({"casegate": 1, "kind": "log-client-state", "logs": {"o": {"size": "x"}}}))
    with pytest.raises(InputError, match="cannot be read"):
        ClientState(p)
    p.write_text("{}")
    with pytest.raises(InputError, match="not a casegate log client state file"):
        ClientState(p)


_STATE_OK = b'{"casegate": 1, "kind": "log-client-state", "logs": {}}'


@pytest.mark.parametrize("raw", [
    _STATE_OK[:10] + b"\xff\xfe" + _STATE_OK[10:],            # not UTF-8
    b"[" * 200_000 + b"]" * 200_000,                          # nests past any parser's recursion
    _STATE_OK[:-1] + b', "logs": {}}',                         # a key given twice
    b'{"casegate": 1, "kind": "log-client-state", "logs": {"o": {"size": Infinity, "root": "", "checkpoint": ""}}}',
    b'{"casegate": 1, "kind": "log-client-state", "logs": {"o": {"size": 7.9, "root": "", "checkpoint": ""}}}',
], ids=["not-utf8", "deep", "duplicate-key", "infinity", "fraction"])
def test_hostile_state_file_is_refused_cleanly(tmp_path: Path, raw: bytes) -> None:
    """A state file someone else can write is read as strictly as any JSON casegate reads: never
    a crash (an undecodable byte, nesting that exhausts the parser), never read one way here and
    another way by the next reader (a key twice, an infinity)."""
    p = tmp_path / "state.json"
    p.write_bytes(raw)
    with pytest.raises(InputError, match="cannot be read") as e:
        ClientState(p)
    assert str(p) in e.value.diagnostics()


def test_state_path_that_is_a_directory_is_refused(tmp_path: Path) -> None:
    (tmp_path / "state.json").mkdir()
    with pytest.raises(InputError):
        ClientState(tmp_path / "state.json")


def test_default_state_path_is_in_the_state_folder_not_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from casegate.ledger import default_state_path

    monkeypatch.delenv("CASEGATE_LOG_STATE", raising=False)
    monkeypatch.delenv("CASEGATE_STATE_DIR", raising=False)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert default_state_path() == tmp_path / "state" / "casegate" / "log-client-state.json"
    monkeypatch.setenv("CASEGATE_STATE_DIR", str(tmp_path / "mine"))
    assert default_state_path() == tmp_path / "mine" / "log-client-state.json"
    monkeypatch.setenv("CASEGATE_LOG_STATE", str(tmp_path / "s.json"))
    assert default_state_path() == tmp_path / "s.json"


def test_a_record_kept_in_the_former_cache_location_is_still_honoured(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Clients that kept their record under the cache folder keep refusing what it refuses; the
    record moves to the state folder on the next save."""
    monkeypatch.delenv("CASEGATE_LOG_STATE", raising=False)
    monkeypatch.setenv("CASEGATE_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    former = tmp_path / "cache" / "casegate" / "log-client-state.json"
    old = ClientState(former)
    old.logs["example.org/log"] = Seen(7, b"\x01" * 32, "checkpoint text")
    old.save()
    state = ClientState()
    assert state.path == tmp_path / "state" / "log-client-state.json"
    assert state.seen("example.org/log") == Seen(7, b"\x01" * 32, "checkpoint text")
    state.save()
    assert ClientState(state.path).seen("example.org/log") is not None
    former.write_text("{}")  # once saved in the state folder, the former file is not read
    assert ClientState().seen("example.org/log") is not None


def test_no_checkpoint_served(tmp_path: Path) -> None:
    with pytest.raises(VerificationError, match="serves no checkpoint"):
        open_tiles(tmp_path).checkpoint(KEY.public_key())
    with pytest.raises(InputError, match="is not a directory of tiles"):
        open_tiles(tmp_path / "nowhere")
