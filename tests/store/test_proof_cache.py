"""The proof cache: inclusion proofs answered from the tiles a registry has read equal the ones
read straight from the database, at every size and entry; sizes beyond what the database holds
are refused; the cache follows appends by other writers; a damaged row is still reported."""

from __future__ import annotations

import hashlib
import threading
from typing import Any

import pytest
import sqlalchemy as sa

from casegate.errors import InputError, StoreError, VerificationError
from casegate.store import Registry, open_registry
from casegate.store import _merkle as mk
from casegate.store._tiles import TILE_WIDTH, TileCache, tile_of


def _uncached(url: str) -> Registry:
    """A registry that keeps nothing: every proof reads just the rows it needs."""
    reg = open_registry(url)
    reg._proof_cache.max_bytes = 0
    return reg


def _expected(leaves: list[bytes], m: int, n: int) -> mk.InclusionProof:
    nodes = mk.build_nodes(leaves[:n])
    return mk.InclusionProof(m, n, leaves[m], tuple(mk.resolve(mk.inclusion_spec(m, n), nodes)), mk.mth(leaves[:n]))


def _no_database(reg: Registry) -> None:
    """Make every database read of `reg`'s proof paths fail loudly."""
    def refuse(*_a: Any, **_k: Any) -> Any:
        raise AssertionError("the database was read")

    reg._rows = refuse  # type: ignore[method-assign]
    reg._raw_size = refuse  # type: ignore[method-assign]


def test_cached_proofs_equal_uncached_while_the_log_grows(database_url: str) -> None:
    """Hypothesis: another registry appends in batches of any length; proofs of any entry
    against any size up to the current one (given, or the current by default) from the caching
    registry equal those of a registry that caches nothing and the RFC definition's."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    writer, cached, plain = open_registry(database_url), open_registry(database_url), _uncached(database_url)
    leaves: list[bytes] = []

    @settings(max_examples=60, deadline=None)
    @given(st.data())
    def check(data: st.DataObject) -> None:
        grow = data.draw(st.integers(0, 300), label="appended")
        if grow or not leaves:
            leaves.extend(e.leaf_hash for e in writer.record_many(
                [("decision", None, {"i": len(leaves) + i}) for i in range(max(grow, 1))]))
        total = len(leaves)
        for _ in range(8):
            # drawn independently of the log's length (hypothesis replays draws), then fitted to it
            pick = data.draw(st.one_of(st.none(), st.integers(0, 1 << 20)), label="size")
            n = None if pick is None else 1 + pick % total
            size = total if n is None else n
            m = data.draw(st.integers(0, 1 << 20), label="entry") % size
            got = cached.prove_inclusion(m, n)
            if n is None:  # on PostgreSQL a listening registry may answer as of a size just heard of
                assert m < got.tree_size <= total
                size = got.tree_size
            else:
                assert got.tree_size == n
            assert got == plain.prove_inclusion(m, size)
            assert got.leaf_hash == leaves[m]
            assert list(got.path) == mk.resolve(mk.inclusion_spec(m, size), mk.build_nodes(leaves[:size]))
            assert got.root == mk.mth(leaves[:size])
            got.verify()

    check()
    assert plain._proof_cache.nbytes == 0 and cached._proof_cache.nbytes > 0
    for r in (writer, cached, plain):
        r.close()


def test_warm_proofs_need_no_database(registry: Registry) -> None:
    leaves = [e.leaf_hash for e in registry.record_many([("decision", None, {"i": i}) for i in range(600)])]
    for m in range(0, 600, 7):
        registry.prove_inclusion(m, 600)
    _no_database(registry)
    for n in (1, 255, 256, 257, 511, 599, 600):
        for m in {0, n // 3, n - 1}:
            assert registry.prove_inclusion(m, n) == _expected(leaves, m, n)
    with pytest.raises(AssertionError, match="database was read"):
        registry.prove_inclusion(3)  # the current size is the database's to say


def test_a_size_beyond_the_database_is_refused_even_when_cached(database_url: str) -> None:
    a, b = open_registry(database_url), open_registry(database_url)
    leaves = [e.leaf_hash for e in b.record_many([("decision", None, {"i": i}) for i in range(300)])]
    for m in range(0, 300, 5):
        a.prove_inclusion(m, 300)
    with pytest.raises(InputError, match="tree size 301 is out of range: the log has 300 entries"):
        a.prove_inclusion(0, 301)
    with pytest.raises(InputError, match="not in the tree of size 300"):
        a.prove_inclusion(300, 300)
    with pytest.raises(InputError, match="out of range"):
        a.prove_inclusions([0], 301)
    # the log shrank under the registry (it was altered): once it reads the size, it forgets
    with b.engine.begin() as c:
        c.execute(sa.text("DELETE FROM log_entries WHERE idx >= 200"))
        c.execute(sa.text("UPDATE log_head SET size = 200 WHERE id = 1"))
    assert a.prove_inclusion(5).tree_size == 200
    assert a._proof_cache.size == 200
    with pytest.raises(InputError, match="tree size 250 is out of range: the log has 200 entries"):
        a.prove_inclusion(5, 250)
    assert a.prove_inclusion(5, 200) == _expected(leaves, 5, 200)
    a.close()
    b.close()


def test_the_cache_follows_appends_by_another_registry(database_url: str) -> None:
    a, b = open_registry(database_url), open_registry(database_url)
    leaves = [e.leaf_hash for e in b.record_many([("decision", None, {"i": i}) for i in range(100)])]
    assert a.prove_inclusion(40, 100) == _expected(leaves, 40, 100)
    held = a._proof_cache.nbytes
    leaves += [e.leaf_hash for e in b.record_many([("decision", None, {"i": i}) for i in range(100, 700)])]
    # a size it has not seen: it reads the database's size, then the rows it lacks
    assert a.prove_inclusion(40, 650) == _expected(leaves, 40, 650)
    assert a._proof_cache.size == 700 and a._proof_cache.nbytes > held
    assert a.prove_inclusion(699) == _expected(leaves, 699, 700)
    for m in range(0, 700, 3):
        a.prove_inclusion(m, 700)
    _no_database(a)
    for n in (100, 101, 256, 512, 650, 700):
        for m in {0, 99, n - 1}:
            assert a.prove_inclusion(m, n) == _expected(leaves, m, n)
    a.close()
    b.close()


def _damage(reg: Registry, idx: int) -> None:
    with reg.engine.begin() as c:
        c.execute(sa.text("UPDATE log_entries SET hashes = :h WHERE idx = :i"), {"h": b"\x01" * 16, "i": idx})


def test_a_damaged_row_is_reported_on_the_cold_path(database_url: str) -> None:
    writer = open_registry(database_url)
    leaves = [e.leaf_hash for e in writer.record_many([("decision", None, {"i": i}) for i in range(300)])]
    warm = open_registry(database_url)
    warm.prove_inclusion(6, 300)
    _damage(writer, 7)
    cold = open_registry(database_url)
    with pytest.raises(StoreError, match="the stored tree is damaged: entry 7 or its hashes are missing"):
        cold.prove_inclusion(6, 300)
    with pytest.raises(StoreError, match="entry 7"):
        cold.prove_inclusions([6], 300)
    # entries whose proofs do not need the damaged row are still proved, in the same tile too
    for m in (100, 200, 299):
        assert cold.prove_inclusion(m, 300) == _expected(leaves, m, 300)
    assert cold.prove_inclusion(100, 300) == _expected(leaves, 100, 300)
    with pytest.raises(StoreError, match="entry 7"):
        cold.prove_inclusion(6, 300)
    # the auditor's check reads the database, never a cache, however warm
    with pytest.raises(VerificationError, match="entry 7"):
        warm.verify_log()
    for r in (writer, warm, cold):
        r.close()


def test_memory_stays_under_the_bound(database_url: str) -> None:
    reg = open_registry(database_url)
    leaves = [e.leaf_hash for e in reg.record_many([("decision", None, {"i": i}) for i in range(1200)])]
    reg._proof_cache.max_bytes = 40_000  # about two full tiles
    for m in range(0, 1200, 11):
        assert reg.prove_inclusion(m, 1200) == _expected(leaves, m, 1200)
        assert 0 < reg._proof_cache.nbytes <= 40_000
    reg.close()


def test_threads_share_one_cache(database_url: str) -> None:
    writer = open_registry(database_url)
    leaves = [e.leaf_hash for e in writer.record_many([("decision", None, {"i": i}) for i in range(900)])]
    reg = open_registry(database_url)
    reg._proof_cache.max_bytes = 60_000  # tiles come and go while the threads read
    wrong: list[str] = []

    def work(seed: int) -> None:
        try:
            for j in range(150):
                n = 1 + (seed * 7919 + j * 104729) % 900
                m = (seed * 31 + j * 17) % n
                if reg.prove_inclusion(m, n) != _expected(leaves, m, n):
                    wrong.append(f"{m} in {n}")
        except Exception as e:  # noqa: BLE001 (reported below)
            wrong.append(repr(e))

    threads = [threading.Thread(target=work, args=(s,)) for s in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not wrong
    reg.close()
    writer.close()


def test_tiles_above_the_first_two_levels() -> None:
    """The tile arithmetic at tile level 2 (trees over 65,536 entries), against the nodes
    built from the leaves, read in two steps as the log grows."""
    size = (1 << 16) + 3 * TILE_WIDTH + 5
    leaves = [hashlib.sha256(i.to_bytes(4, "big")).digest() for i in range(size)]
    nodes = mk.build_nodes(leaves)
    rows = {}
    frontier: list[bytes] = []
    for i, leaf in enumerate(leaves):
        rows[i] = b"".join(mk.append_leaf(frontier, i, leaf))
    cache = TileCache(1 << 30)
    for seen in (40_000, size):
        cache.saw_size(seen)
        want = [(lv, i) for lv in range(17) for i in range(0, seen >> lv, max(1, (seen >> lv) // 50))]
        plans, ids, ranges = cache.plan(want)
        assert all(i < seen for i in ids) and all(b <= seen for _, b in ranges)
        cache.install(plans, {i: rows[i] for i in [*ids, *(j for a, b in ranges for j in range(a, b))]})
        for x in want:
            assert cache.get(x) == nodes[x], x
        # a leaf and its siblings inside a perfect subtree of height h, read tile by tile: what
        # `get` of each node gives, None when one of them is not cached
        answered = 0
        for m in range(0, seen, 97):
            for h in range(0, 17):
                if (m >> h | 1) << h > seen:  # the subtree of height h holding m is not complete
                    continue
                each = [cache.get((0, m)), *(cache.get((lv, (m >> lv) ^ 1)) for lv in range(h))]
                got = cache.leaf_and_siblings(m, h)
                if None in each:
                    assert got is None, (m, h)
                    continue
                assert got == (nodes[0, m], [nodes[lv, (m >> lv) ^ 1] for lv in range(h)]), (m, h)
                answered += 1
        assert answered > 100
        assert tile_of((16, 0)) == (2, 0)
    assert cache.get((17, 0)) is None  # not complete in any size seen
    assert TileCache(1 << 30).leaf_and_siblings(5, 3) is None  # nothing read: not answered
