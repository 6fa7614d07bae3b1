"""RFC 9162 Merkle tree hashing, inclusion and consistency proofs, and their verification.

These are written by hand on purpose: no maintained Python library produces RFC 9162
consistency proofs (pymerkle's consistency proofs use their own layout, not RFC 9162's
SUBPROOF). The algorithms follow RFC 9162 section 2.1 literally:

- 2.1.1 Merkle Tree Hash: leaf = SHA-256(0x00 || entry), node = SHA-256(0x01 || left || right),
  the split point k is the largest power of two smaller than n.
- 2.1.3.1 / 2.1.3.2 inclusion path PATH(m, D[n]) and its verification.
- 2.1.4.1 / 2.1.4.2 consistency proof PROOF(m, D[n]) = SUBPROOF(m, D[n], true) and its
  verification.

Proof generation works on "perfect subtrees": a node is named by (level, index) and covers
leaves [index * 2**level, (index + 1) * 2**level). Every subtree the RFC recursion needs is
either such a node or a right-edge range that splits into them, so a store that keeps the hash
of every complete node answers any proof with O(log n) lookups.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from ..errors import VerificationError

HASH_SIZE = 32
Node = tuple[int, int]
"""A perfect subtree: (level, index); it covers leaves [index << level, (index + 1) << level)."""


def leaf_hash(entry: bytes) -> bytes:
    """RFC 9162 leaf hash: SHA-256(0x00 || entry)."""
    return hashlib.sha256(b"\x00" + entry).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    """RFC 9162 interior node hash: SHA-256(0x01 || left || right)."""
    return hashlib.sha256(b"\x01" + left + right).digest()


EMPTY_ROOT = hashlib.sha256(b"").digest()
"""MTH({}) = SHA-256() (RFC 9162 2.1.1)."""


def _split(n: int) -> int:
    """The largest power of two strictly smaller than n (n >= 2)."""
    return 1 << ((n - 1).bit_length() - 1)


def mth(leaves: Sequence[bytes]) -> bytes:
    """Merkle Tree Hash of a list of leaf hashes, by the RFC's recursive definition.

    Quadratic-free but recursive: the reference implementation tests compare against.
    """
    n = len(leaves)
    if n == 0:
        return EMPTY_ROOT
    if n == 1:
        return leaves[0]
    k = _split(n)
    return node_hash(mth(leaves[:k]), mth(leaves[k:]))


def range_nodes(start: int, end: int) -> list[Node]:
    """The perfect subtrees that make up leaves [start, end), largest (leftmost) first.

    `start` must be aligned to every power of two in the decomposition, which holds for every
    range that the RFC 9162 recursion produces (and for [0, n)).
    """
    out: list[Node] = []
    pos = start
    width = end - start
    for level in range(width.bit_length() - 1, -1, -1):
        if width >> level & 1:
            if pos % (1 << level):
                raise ValueError(f"range [{start}, {end}) is not aligned")
            out.append((level, pos >> level))
            pos += 1 << level
    return out


def fold(hashes: Sequence[bytes]) -> bytes:
    """Combine perfect-subtree hashes (largest first) into the MTH of their union."""
    if not hashes:
        return EMPTY_ROOT
    acc = hashes[-1]
    for h in reversed(hashes[:-1]):
        acc = node_hash(h, acc)
    return acc


Spec = list[Node]
"""A hash in a proof, described as the perfect subtrees whose fold gives it."""


def inclusion_spec(m: int, n: int) -> list[Spec]:
    """PATH(m, D[n]) (RFC 9162 2.1.3.1) as subtree specs, ordered from the leaf upward.

    Unrolled form of the RFC's recursion: the tree of size n is the frontier of perfect
    subtrees (largest first). Leaf m lies in one of them, say the j-th of height h. The
    recursion first descends through the frontier subtrees left of it (each contributes its
    own hash, outermost last), then through the fold of everything right of it, then through
    the perfect subtree itself (siblings at levels 0 .. h-1). Tests compare it with the
    recursion at every size."""
    if not 0 <= m < n:
        raise ValueError(f"leaf {m} is not in a tree of size {n}")
    fr = _frontier(n)
    pos = 0
    for j, (h, _i) in enumerate(fr):  # noqa: B007 (j and h are used after the break)
        if m < pos + (1 << h):
            break
        pos += 1 << h
    out: list[Spec] = [[(level, (m >> level) ^ 1)] for level in range(h)]
    if j + 1 < len(fr):
        out.append(list(fr[j + 1:]))
    out.extend([node] for node in reversed(fr[:j]))
    return out


def consistency_spec(m: int, n: int) -> list[Spec]:
    """PROOF(m, D[n]) = SUBPROOF(m, D[n], true) (RFC 9162 2.1.4.1) as subtree specs."""
    if not 0 < m <= n:
        raise ValueError(f"no consistency proof from size {m} to size {n}")
    out: list[Spec] = []
    offset = 0
    b = True
    while m != n:
        k = _split(n)
        if m <= k:
            out.append(range_nodes(offset + k, offset + n))
            n = k
        else:
            out.append(range_nodes(offset, offset + k))
            offset += k
            m -= k
            n -= k
            b = False
    if not b:
        out.append(range_nodes(offset, offset + n))
    out.reverse()
    return out


def resolve(specs: Iterable[Spec], nodes: Mapping[Node, bytes]) -> list[bytes]:
    """Turn subtree specs into hashes, given the hash of every node they name."""
    return [nodes[spec[0]] if len(spec) == 1 else fold([nodes[n] for n in spec]) for spec in specs]


def needed(specs: Iterable[Spec]) -> set[Node]:
    """Every node named by the specs."""
    return {n for spec in specs for n in spec}


# --- verification (RFC 9162 2.1.3.2 and 2.1.4.2, step by step) --------------------------------


def root_from_inclusion(index: int, tree_size: int, leaf: bytes, path: Sequence[bytes]) -> bytes:
    """RFC 9162 2.1.3.2: the root an inclusion path leads to; raises when the path is malformed."""
    if index >= tree_size:
        raise VerificationError(f"leaf index {index} is not below tree size {tree_size}")
    fn, sn = index, tree_size - 1
    r = leaf
    for p in path:
        if sn == 0:
            raise VerificationError("the inclusion path is longer than the tree allows")
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            if not fn & 1:
                while not fn & 1 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        raise VerificationError("the inclusion path is shorter than the tree requires")
    return r


def verify_inclusion(index: int, tree_size: int, leaf: bytes, path: Sequence[bytes], root: bytes) -> None:
    """RFC 9162 2.1.3.2: raise VerificationError unless `path` proves `leaf` at `index` under `root`."""
    got = root_from_inclusion(index, tree_size, leaf, path)
    if got != root:
        raise VerificationError(
            f"the inclusion proof for entry {index} does not lead to the root of the tree of size {tree_size}"
        )


def verify_tail(first: int, tree_size: int, leaves: Sequence[bytes], path: Sequence[bytes], root: bytes) -> None:
    """Raise VerificationError unless `leaves` are every leaf of the tree from `first` to its
    end (`tree_size`), none left out, added or moved, under `root`.

    `path` is PATH(first, D[tree_size]). Its hashes left of leaf `first` cover [0, first) and
    are taken as given; those right of it cover (first, tree_size) and are recomputed from
    `leaves` (their given value is ignored), so the path leads to `root` only if the leaves are
    exactly the tree's."""
    if not 0 <= first < tree_size or len(leaves) != tree_size - first:
        raise VerificationError(f"{len(leaves)} leaves from {first} do not end a tree of size {tree_size}")
    specs = inclusion_spec(first, tree_size)
    if len(path) != len(specs):
        raise VerificationError(f"the path of leaf {first} has {len(path)} hashes; a tree of size "
                                f"{tree_size} needs {len(specs)}")
    rebuilt: list[bytes] = []
    for spec, given in zip(specs, path, strict=True):
        level, index = spec[0]
        if index << level <= first:
            rebuilt.append(given)
            continue
        rebuilt.append(fold([mth(leaves[(i << lv) - first:((i + 1) << lv) - first]) for lv, i in spec]))
    verify_inclusion(first, tree_size, leaves[0], rebuilt, root)


def consistency_from_tail(first: int, tree_size: int, leaves: Sequence[bytes], path: Sequence[bytes],
                          old_size: int) -> list[bytes]:
    """PROOF(old_size, D[tree_size]) (RFC 9162 2.1.4.1) computed from what a state proof holds:
    `leaves`, every leaf from `first` to the tree's end, and `path`, PATH(first, D[tree_size]),
    as `verify_tail` checks them against the signed root. The hashes left of leaf `first` are
    the path's (they cover [0, first) whatever the tree's size); every other node is rebuilt
    from `leaves`. `first <= old_size <= tree_size`; VerificationError when the shapes do not
    fit or a node left of `first` the proof needs is not on the path.

    Checked with `verify_consistency` against a root kept earlier, it shows that the tree the
    path and leaves make (the signed one, once `verify_tail` passed) extends that earlier tree."""
    if not 0 <= first <= old_size <= tree_size or len(leaves) != tree_size - first or old_size == 0:
        raise VerificationError(f"no consistency proof from size {old_size} can be made from the leaves "
                                f"{first}..{tree_size - 1}")
    specs = inclusion_spec(first, tree_size) if first < tree_size else []
    if len(path) != len(specs):
        raise VerificationError(f"the path of leaf {first} has {len(path)} hashes; a tree of size {tree_size} "
                                f"needs {len(specs)}")
    known: dict[Node, bytes] = {}
    for spec, given in zip(specs, path, strict=True):
        level, index = spec[0]
        if len(spec) == 1 and index << level < first:
            known[spec[0]] = given

    def node(level: int, index: int) -> bytes:
        got = known.get((level, index))
        if got is not None:
            return got
        if level == 0:
            if index < first:
                raise VerificationError(f"leaf {index} is left of leaf {first} and not on its path")
            return leaves[index - first]
        h = node_hash(node(level - 1, 2 * index), node(level - 1, 2 * index + 1))
        known[(level, index)] = h
        return h

    return [node(*spec[0]) if len(spec) == 1 else fold([node(*n) for n in spec])
            for spec in consistency_spec(old_size, tree_size)] if old_size < tree_size else []


def verify_consistency(old_size: int, new_size: int, old_root: bytes, new_root: bytes,
                       path: Sequence[bytes]) -> None:
    """RFC 9162 2.1.4.2: raise VerificationError unless `path` proves the tree of `old_size`
    with `old_root` is a prefix of the tree of `new_size` with `new_root`."""
    if old_size > new_size:
        raise VerificationError(f"size {old_size} is larger than size {new_size}: the log shrank")
    if old_size == new_size:
        if path:
            raise VerificationError("a consistency proof between equal sizes must be empty")
        if old_root != new_root:
            raise VerificationError(f"two different roots for the same tree size {old_size}")
        return
    if old_size == 0:
        if path:
            raise VerificationError("a consistency proof from the empty tree must be empty")
        return
    if not path:
        raise VerificationError("the consistency proof is empty")
    proof = list(path)
    # 1. if old_size is an exact power of two, prepend first_hash
    if old_size & (old_size - 1) == 0:
        proof.insert(0, old_root)
    fn, sn = old_size - 1, new_size - 1
    # 3. right-shift both while LSB(fn) is set
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = proof[0]
    for c in proof[1:]:
        if sn == 0:
            raise VerificationError("the consistency proof is longer than the trees allow")
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            if not fn & 1:
                while not fn & 1 and fn != 0:
                    fn >>= 1
                    sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        raise VerificationError("the consistency proof is shorter than the trees require")
    if fr != old_root:
        raise VerificationError(f"the consistency proof does not reproduce the root of size {old_size}")
    if sr != new_root:
        raise VerificationError(f"the consistency proof does not reproduce the root of size {new_size}")


# --- incremental building ---------------------------------------------------------------------


def frontier_nodes(size: int) -> list[Node]:
    """The perfect subtrees covering [0, size), largest first (the 'compact range')."""
    return list(_frontier(size))


@functools.lru_cache(maxsize=256)
def _frontier(size: int) -> tuple[Node, ...]:
    return tuple(range_nodes(0, size))


def append_leaf(frontier: list[bytes], index: int, leaf: bytes) -> list[bytes]:
    """Append leaf number `index` to a frontier (hashes of `frontier_nodes(index)`, largest
    first), updating it in place. Returns the hashes of the nodes that this leaf completes,
    from level 0 upward: node (level l, index >> l) for l = 0 .. trailing ones of index."""
    done = [leaf]
    h = leaf
    i = index
    while i & 1:
        h = node_hash(frontier.pop(), h)
        done.append(h)
        i >>= 1
    frontier.append(h)
    return done


def completed_levels(index: int) -> int:
    """How many nodes leaf `index` completes (level 0 .. trailing ones of index)."""
    n = 0
    while index & 1:
        n += 1
        index >>= 1
    return n + 1


def owner_row(node: Node) -> int:
    """The index of the leaf whose append completed `node` (its last leaf)."""
    level, index = node
    return ((index + 1) << level) - 1


@dataclass(frozen=True)
class InclusionProof:
    """An RFC 9162 inclusion proof: `path` leads from `leaf_hash` at `index` to `root`."""

    index: int
    tree_size: int
    leaf_hash: bytes
    path: tuple[bytes, ...]
    root: bytes

    def verify(self, root: bytes | None = None) -> None:
        """Raise VerificationError unless the path leads to `root` (default: the proof's root)."""
        verify_inclusion(self.index, self.tree_size, self.leaf_hash, self.path,
                         self.root if root is None else root)

    def to_json(self) -> dict[str, object]:
        return {"index": self.index, "tree_size": self.tree_size, "leaf_hash": self.leaf_hash.hex(),
                "path": [p.hex() for p in self.path], "root": self.root.hex()}


@dataclass(frozen=True)
class ConsistencyProof:
    """An RFC 9162 consistency proof between the trees of `old_size` and `new_size`."""

    old_size: int
    new_size: int
    old_root: bytes
    new_root: bytes
    path: tuple[bytes, ...]

    def verify(self, old_root: bytes | None = None, new_root: bytes | None = None) -> None:
        """Raise VerificationError unless the path proves the old tree is a prefix of the new."""
        verify_consistency(self.old_size, self.new_size,
                           self.old_root if old_root is None else old_root,
                           self.new_root if new_root is None else new_root, self.path)

    def to_json(self) -> dict[str, object]:
        return {"old_size": self.old_size, "new_size": self.new_size, "old_root": self.old_root.hex(),
                "new_root": self.new_root.hex(), "path": [p.hex() for p in self.path]}


def build_nodes(leaves: Sequence[bytes]) -> dict[Node, bytes]:
    """Every complete node of the tree over `leaves` (used by auditors and tests)."""
    nodes: dict[Node, bytes] = {}
    level = list(leaves)
    lv = 0
    while level:
        for i, h in enumerate(level):
            nodes[(lv, i)] = h
        level = [node_hash(level[i], level[i + 1]) for i in range(0, len(level) - 1, 2)]
        lv += 1
    return nodes


def proof_from_leaves(leaves: Sequence[bytes], m: int) -> list[bytes]:
    """Inclusion path computed directly from all leaves (auditor's and tests' helper)."""
    return resolve(inclusion_spec(m, len(leaves)), build_nodes(leaves))


ResolveFn = Callable[[set[Node]], Mapping[Node, bytes]]
