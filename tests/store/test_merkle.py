"""RFC 9162 tree hashing and proofs: the RFC's own definitions, known answers, pymerkle as an
oracle for roots and inclusion paths, and hypothesis over every tree size up to a few hundred."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pymerkle import InmemoryTree

from casegate.errors import VerificationError
from casegate.store import _merkle as mk


def leaves(n: int) -> list[bytes]:
    return [mk.leaf_hash(f"entry {i}".encode()) for i in range(n)]


# --- the RFC's definitions, written recursively, as a second opinion ---------------------------


def rfc_path(m: int, d: list[bytes]) -> list[bytes]:
    """PATH(m, D[n]) exactly as RFC 9162 2.1.3.1 writes it."""
    n = len(d)
    if n == 1:
        return []
    k = mk._split(n)
    if m < k:
        return rfc_path(m, d[:k]) + [mk.mth(d[k:])]
    return rfc_path(m - k, d[k:]) + [mk.mth(d[:k])]


def rfc_subproof(m: int, d: list[bytes], b: bool) -> list[bytes]:
    """SUBPROOF(m, D[n], b) exactly as RFC 9162 2.1.4.1 writes it."""
    n = len(d)
    if m == n:
        return [] if b else [mk.mth(d)]
    k = mk._split(n)
    if m <= k:
        return rfc_subproof(m, d[:k], b) + [mk.mth(d[k:])]
    return rfc_subproof(m - k, d[k:], False) + [mk.mth(d[:k])]


def test_known_answer_roots() -> None:
    # the RFC 6962 / certificate-transparency test vector: eight leaves, known root
    data = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f"]
    hs = [mk.leaf_hash(bytes.fromhex(x)) for x in data]
    assert mk.mth(hs).hex() == "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"
    assert mk.mth([]).hex() == hashlib.sha256(b"").hexdigest()
    assert mk.fold([mk.build_nodes(hs)[n] for n in mk.frontier_nodes(8)]) == mk.mth(hs)


@pytest.mark.parametrize("n", range(1, 70))
def test_paths_and_proofs_match_the_rfc_recursion(n: int) -> None:
    d = leaves(n)
    nodes = mk.build_nodes(d)
    root = mk.mth(d)
    for m in range(n):
        path = mk.resolve(mk.inclusion_spec(m, n), nodes)
        assert path == rfc_path(m, d)
        mk.verify_inclusion(m, n, d[m], path, root)
    for m in range(1, n + 1):
        proof = mk.resolve(mk.consistency_spec(m, n), nodes)
        assert proof == rfc_subproof(m, d, True)
        mk.verify_consistency(m, n, mk.mth(d[:m]), root, proof)


def test_roots_and_inclusion_paths_match_pymerkle() -> None:
    # pymerkle 7: 1-based leaf index, and its path[0] is the leaf hash itself
    tree = InmemoryTree()
    d: list[bytes] = []
    for n in range(1, 300):
        data = f"entry {n - 1}".encode()
        tree.append_entry(data)
        d.append(mk.leaf_hash(data))
        assert tree.get_leaf(n) == d[-1]
        frontier = [mk.build_nodes(d)[x] for x in mk.frontier_nodes(n)] if n < 40 else None
        assert tree.get_root() == mk.mth(d)
        if frontier is not None:
            assert mk.fold(frontier) == tree.get_root()
        for m in {0, n // 3, n // 2, n - 1}:
            oracle = tree.prove_inclusion(m + 1).path
            assert oracle[0] == d[m]
            assert list(oracle[1:]) == mk.proof_from_leaves(d, m), (n, m)


def test_incremental_append_gives_every_node() -> None:
    d = leaves(200)
    frontier: list[bytes] = []
    nodes = mk.build_nodes(d)
    for i, h in enumerate(d):
        done = mk.append_leaf(frontier, i, h)
        assert len(done) == mk.completed_levels(i)
        for level, got in enumerate(done):
            assert got == nodes[(level, i >> level)]
            assert mk.owner_row((level, i >> level)) == i
        assert mk.fold(frontier) == mk.mth(d[: i + 1])


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_proofs_verify_at_every_size(data: st.DataObject) -> None:
    n = data.draw(st.integers(1, 400), label="size")
    m = data.draw(st.integers(0, n - 1), label="leaf")
    old = data.draw(st.integers(1, n), label="old size")
    d = leaves(n)
    nodes = mk.build_nodes(d)
    root = mk.mth(d)
    path = mk.resolve(mk.inclusion_spec(m, n), nodes)
    mk.verify_inclusion(m, n, d[m], path, root)
    proof = mk.resolve(mk.consistency_spec(old, n), nodes)
    mk.verify_consistency(old, n, mk.mth(d[:old]), root, proof)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_tampered_proofs_always_fail(data: st.DataObject) -> None:
    n = data.draw(st.integers(2, 300), label="size")
    m = data.draw(st.integers(0, n - 1), label="leaf")
    d = leaves(n)
    nodes = mk.build_nodes(d)
    root = mk.mth(d)
    path = mk.resolve(mk.inclusion_spec(m, n), nodes)
    # (a wrong tree size alone can still verify when the path has the same shape: the size is
    # bound to the root by the signed checkpoint, not by the path)
    how = data.draw(st.sampled_from(["flip", "drop", "extra", "index", "leaf"]), label="tamper")
    idx, leaf = m, d[m]
    if how == "flip":
        i = data.draw(st.integers(0, len(path) - 1))
        path[i] = bytes([path[i][0] ^ 1]) + path[i][1:]
    elif how == "drop":
        path.pop(data.draw(st.integers(0, len(path) - 1)))
    elif how == "extra":
        path.append(b"\x00" * 32)
    elif how == "index":
        idx = data.draw(st.integers(0, n - 1).filter(lambda x: x != m))
    else:
        leaf = mk.leaf_hash(b"forged")
    with pytest.raises(VerificationError):
        mk.verify_inclusion(idx, n, leaf, path, root)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_a_tail_verifies_whole_and_fails_with_any_leaf_left_out_or_changed(data: st.DataObject) -> None:
    """`verify_tail`: the leaves from `first` to the end, with the path of `first`, verify at every
    size; leaving one out (shifting the rest), changing one, adding one, or a forged hash left
    of `first` in the path always fails (those right of it are rebuilt from the leaves, never read)."""
    n = data.draw(st.integers(1, 300), label="size")
    first = data.draw(st.integers(0, n - 1), label="first")
    d = leaves(n)
    nodes = mk.build_nodes(d)
    root = mk.mth(d)
    path = mk.resolve(mk.inclusion_spec(first, n), nodes)
    mk.verify_tail(first, n, d[first:], path, root)
    tail = list(d[first:])
    how = data.draw(st.sampled_from(["drop", "change", "add", "path"]), label="tamper")
    if how == "drop" and len(tail) > 1:
        tail.pop(data.draw(st.integers(1, len(tail) - 1)))
        tail.append(mk.leaf_hash(b"padding"))  # keep the count: the left-out leaf must still show
    elif how == "change":
        i = data.draw(st.integers(0, len(tail) - 1))
        tail[i] = mk.leaf_hash(b"forged")
    elif how == "add":
        tail.append(mk.leaf_hash(b"extra"))
    elif how == "path" and path:
        i = data.draw(st.integers(0, len(path) - 1))
        path[i] = bytes([path[i][0] ^ 1]) + path[i][1:]
        level, index = mk.inclusion_spec(first, n)[i][0]
        if index << level > first:  # right of `first`: rebuilt from the leaves, the given hash unread
            mk.verify_tail(first, n, tail, path, root)
            return
    else:
        return
    with pytest.raises(VerificationError):
        mk.verify_tail(first, n, tail, path, root)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_tampered_consistency_proofs_always_fail(data: st.DataObject) -> None:
    n = data.draw(st.integers(2, 300), label="size")
    old = data.draw(st.integers(1, n - 1), label="old size")
    d = leaves(n)
    nodes = mk.build_nodes(d)
    proof = mk.resolve(mk.consistency_spec(old, n), nodes)
    old_root, root = mk.mth(d[:old]), mk.mth(d)
    how = data.draw(st.sampled_from(["flip", "drop", "extra", "old-root", "new-root", "rewrite"]))
    if how == "flip":
        i = data.draw(st.integers(0, len(proof) - 1))
        proof[i] = bytes([proof[i][0] ^ 1]) + proof[i][1:]
    elif how == "drop":
        proof.pop(data.draw(st.integers(0, len(proof) - 1)))
    elif how == "extra":
        proof.append(b"\x00" * 32)
    elif how == "old-root":
        old_root = mk.leaf_hash(b"other")
    elif how == "new-root":
        root = mk.leaf_hash(b"other")
    else:
        # a log that rewrote one of the old entries cannot prove consistency with the old root
        j = data.draw(st.integers(0, old - 1))
        d2 = list(d)
        d2[j] = mk.leaf_hash(b"rewritten")
        proof = mk.resolve(mk.consistency_spec(old, n), mk.build_nodes(d2))
        root = mk.mth(d2)
    with pytest.raises(VerificationError):
        mk.verify_consistency(old, n, old_root, root, proof)


def test_edge_cases() -> None:
    d = leaves(5)
    with pytest.raises(VerificationError, match="shrank"):
        mk.verify_consistency(5, 4, mk.mth(d), mk.mth(d[:4]), [])
    with pytest.raises(VerificationError, match="same tree size"):
        mk.verify_consistency(5, 5, mk.mth(d), mk.mth(d[:4]), [])
    mk.verify_consistency(5, 5, mk.mth(d), mk.mth(d), [])
    with pytest.raises(VerificationError, match="empty"):
        mk.verify_consistency(3, 5, mk.mth(d[:3]), mk.mth(d), [])
    with pytest.raises(VerificationError, match="not below"):
        mk.verify_inclusion(5, 5, d[0], [], mk.mth(d))
    with pytest.raises(ValueError):
        mk.inclusion_spec(5, 5)
    with pytest.raises(ValueError):
        mk.consistency_spec(0, 5)
    with pytest.raises(ValueError, match="aligned"):
        mk.range_nodes(1, 3)


def test_consistency_from_a_state_proofs_tail_at_every_small_size() -> None:
    """`consistency_from_tail`: the RFC 9162 consistency proof from every tree of at least `first`
    leaves, made from the leaves from `first` on and PATH(first, n) alone, verifies against the
    true roots; a changed hash left of `first` or a changed leaf does not."""
    from casegate.store._merkle import (
        build_nodes,
        consistency_from_tail,
        inclusion_spec,
        leaf_hash,
        mth,
        resolve,
        verify_consistency,
    )

    for n in range(1, 34):
        leaves = [leaf_hash(bytes([i])) for i in range(n)]
        nodes = build_nodes(leaves)
        for first in range(n):
            path = resolve(inclusion_spec(first, n), nodes)
            for m in range(max(first, 1), n):
                proof = consistency_from_tail(first, n, leaves[first:], path, m)
                verify_consistency(m, n, mth(leaves[:m]), mth(leaves), proof)
                if first:  # a hash left of `first` (taken from the path, not rebuilt) changed
                    left = next(i for i, spec in enumerate(inclusion_spec(first, n))
                                if spec[0][1] << spec[0][0] < first)
                    bad = [bytes(32) if i == left else h for i, h in enumerate(path)]
                    forged = consistency_from_tail(first, n, leaves[first:], bad, m)
                    if forged != proof:  # (a proof from a power of two needs no hash left of it)
                        with pytest.raises(VerificationError):
                            verify_consistency(m, n, mth(leaves[:m]), mth(leaves), forged)
    with pytest.raises(VerificationError):
        consistency_from_tail(3, 8, [bytes(32)] * 5, [bytes(32)] * 3, 2)  # older than the first leaf
