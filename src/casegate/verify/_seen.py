"""The newest checkpoint a deploy verifier has accepted, kept in a file it names (`verify --seen
FILE`): a genuine state proof under an older checkpoint (taken before the case was reopened, or a
key revoked) is still within the trust root's `max_checkpoint_age`; held against the newest one
this verifier saw, it is refused. A larger tree is kept only once it is proven to extend the kept
one (RFC 9162 consistency), else the log key could lead the verifier onto a fork of the log.

The file is read, checked and written under an exclusive `flock` on a lock file beside it
(`seen_lock`), so pipelines sharing it never interleave: one never writes back an older checkpoint
over a newer one another kept in between."""

from __future__ import annotations

import base64
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from .._atomic import file_lock, write_json_atomic
from ..errors import CasegateError, InputError, VerificationError
from ..store import Checkpoint, checkpoint_order_problem, parse_checkpoint

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    from ._proven import ProvenState

SEEN_VERSION = 1
"""The `--seen` file's format version."""

_KIND = "seen-checkpoint"


@contextmanager
def seen_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on `path`'s lock file (`FILE.lock`, beside it) for a whole
    read-check-write of the --seen file: a second verifier sharing it waits."""
    with file_lock(path):
        yield


def _kept(path: Path, key: Ed25519PublicKey | None = None) -> Checkpoint | None:
    """The checkpoint kept in `path`, or None when there is no file yet. With `key` (the log key
    the trust root pins), a kept checkpoint carrying its signature must verify under it: one edited
    in the file is an error naming the file, never a reset (`_signed_by`)."""
    from ..limits import read_json_document

    if not os.path.lexists(path):
        return None
    doc = read_json_document(path, "the --seen file")
    fix = "it is written by `casegate verify --seen`; remove it only if you trust every proof it would refuse"
    if not isinstance(doc, dict) or doc.get("kind") != _KIND:
        raise InputError("the --seen file is not a file `casegate verify --seen` keeps", location=str(path), help=fix)
    if doc.get("casegate") != SEEN_VERSION:
        raise InputError(f"unsupported --seen file version {doc.get('casegate')!r}", location=str(path),
                         help=f"this casegate keeps version {SEEN_VERSION}")
    try:
        cp = parse_checkpoint(str(doc["checkpoint"]))
    except (KeyError, VerificationError):
        raise InputError("the --seen file's checkpoint cannot be read (the file is damaged)",
                         location=str(path), help=fix) from None
    if key is not None and _signed_by(cp, key):
        try:
            cp.verify(key)
        except VerificationError:
            raise InputError("the --seen file's checkpoint does not verify with the log key the trust root pins: "
                             "it was edited after it was kept", location=str(path), help=fix) from None
    return cp


def _signed_by(cp: Checkpoint, key: Ed25519PublicKey) -> bool:
    """Whether `cp` carries a signature line under `key`'s key id. One kept under an earlier log
    key (the root's log key rotated since) carries none and is taken as kept: it was checked when
    it was kept, and a tree's size and root do not depend on the key that signed them."""
    from ..store._checkpoint import key_id, raw_public

    pub = raw_public(key)
    return any(not s.is_cosignature and s.key_id == key_id(s.name, pub) for s in cp.signatures)


def _keep(path: Path, cp: Checkpoint) -> None:
    doc = {"casegate": SEEN_VERSION, "kind": _KIND, "origin": cp.origin, "tree_size": cp.tree_size,
           "root": base64.b64encode(cp.root).decode(), "checkpoint": cp.text()}
    from ..limits import read_json_document

    if os.path.lexists(path):  # the trust root kept beside the checkpoint stays
        old = read_json_document(path, "the --seen file")
        if isinstance(old, dict) and "trust_root" in old:
            doc["trust_root"] = old["trust_root"]
    write_json_atomic(path, doc)


ConsistencySource = Callable[[int, int], Sequence[bytes]]
"""The RFC 9162 consistency proof path from the tree of the first size to that of the second, as
the proof's source serves it (the registry, the review board); raises CasegateError when it
cannot give one."""


def proof_consistency(proven: ProvenState) -> ConsistencySource:
    """The consistency proofs a state proof file gives (`verify --state-proof`, where no source can
    be asked): from a tree of at least the first entry it holds, computed from its entries and the
    inclusion path of the first, both checked against the signed root
    (`merkle.consistency_from_tail`); from a smaller tree, the one it carries for that size
    (`state-proof --since SIZE`). Neither: CasegateError naming the command that makes one."""
    from ..store import leaf_of, merkle

    def source(old: int, new: int) -> Sequence[bytes]:
        if new != proven.tree_size:
            raise CasegateError(f"the state proof is of the tree of size {proven.tree_size}, not {new}")
        if proven.log_from <= old:
            try:
                return merkle.consistency_from_tail(proven.log_from, new,
                                                    [leaf_of(e) for e in (*proven.earlier, *proven.tail)],
                                                    proven.from_path, old)
            except VerificationError as e:
                raise CasegateError(e.message) from None
        for size, path in proven.carried:
            if size == old:
                return path
        raise CasegateError(
            f"the state proof holds the log from entry {proven.log_from} on and carries no consistency proof from "
            f"size {old}; make one that carries it: `casegate state-proof {proven.case_id} --since {old} --out FILE` "
            "(from the registry, or with --tiles)")

    return source


def seen_checkpoint(path: Path, cp: Checkpoint, origin: str, consistency: ConsistencySource | None = None,
                    key: Ed25519PublicKey | None = None) -> list[str]:
    """Why the checkpoint `cp` of a proof that verified may not be trusted against the newest one
    kept in `path` (for the log `origin` the trust root pins): an older one (a smaller tree), or
    another root at the same size (the log showed two histories); a larger one whose source
    (`consistency`) does not prove it extends the kept one, or cannot give the proof. A larger one
    is kept in its place; the file is written only then. With no `consistency` source a larger
    tree is not verified and not kept (a state proof file gives one: `proof_consistency`).

    `key`: the log key the trust root pins; a kept checkpoint with its signature must verify under
    it (one edited by hand is an input error). Call it under `seen_lock(path)`."""
    kept = _kept(path, key)
    if kept is not None and kept.origin != origin:
        return [f"the --seen file {path} keeps a checkpoint of log {kept.origin!r}, not of log {origin!r} the "
                "trust root pins: keep one file per log"]
    if kept is not None:
        if cp.tree_size < kept.tree_size:
            return [f"the state proof's checkpoint (size {cp.tree_size}) is older than the newest this verifier "
                    f"has seen (size {kept.tree_size}, kept in {path}): the proof was taken before entries the log "
                    "holds now (a reopening, a revocation); fetch a fresh proof"]
        problem = checkpoint_order_problem((kept.tree_size, kept.root), (cp.tree_size, cp.root))
        if problem is not None:
            return [f"the state proof's checkpoint does not follow the one this verifier has seen (kept in "
                    f"{path}): {problem}; report it to the log's operator"]
        if cp.tree_size == kept.tree_size:
            return []  # the same tree: the state it proves is the one already seen
        why = (_not_extended(kept, cp, consistency) if consistency is not None else
               "no consistency proof was given; not verified")
        if why is not None:
            return [f"the state proof's checkpoint (size {cp.tree_size}) is not proven to extend the one this "
                    f"verifier has seen (size {kept.tree_size}, kept in {path}): {why}"]
    _keep(path, cp)
    return []


def seen_root(path: Path, version: int, digest: str) -> list[str]:
    """Why the trust root held (`version`, `digest`) may not be trusted against the newest one this
    verifier has used, kept in `path` beside the checkpoint (python-tuf's rule: a client never
    goes back to a root older than one it trusted): an older version, or another root under the
    version kept. A newer one is kept in its place. Call it once `seen_checkpoint` has written
    the file (a proof verified); with no file yet it keeps nothing."""
    from ..limits import read_json_document

    if not os.path.lexists(path):
        return []
    doc = read_json_document(path, "the --seen file")
    if not isinstance(doc, dict):
        return []  # `_kept` has refused it
    kept = doc.get("trust_root")
    fix = "it is written by `casegate verify --seen`; remove it only if you trust every root it would refuse"
    if kept is not None:
        if not isinstance(kept, dict) or type(kept.get("version")) is not int or not isinstance(kept.get("digest"), str):
            raise InputError("the --seen file's trust root cannot be read (the file is damaged)", location=str(path),
                             help=fix)
        if kept["version"] > version:
            return [f"the trust root held (version {version}) is older than the newest this verifier has used "
                    f"(version {kept['version']}, kept in {path}): a replaced root still pins the keyrings and "
                    "policies its successors replaced (verify with the current root chain)"]
        if kept["version"] == version and kept["digest"] != digest:
            return [f"the trust root held (version {version}, {digest}) is not the version {version} this verifier "
                    f"has used ({kept['digest'][:80]}, kept in {path}): a root under the same version number that "
                    "is not the one used before is never trusted"]
        if kept["version"] == version:
            return []
    write_json_atomic(path, {**doc, "trust_root": {"version": version, "digest": digest}})
    return []


def _not_extended(kept: Checkpoint, cp: Checkpoint, consistency: ConsistencySource) -> str | None:
    from ..store import verify_consistency

    try:
        proof = consistency(kept.tree_size, cp.tree_size)
    except CasegateError as e:
        return f"no consistency proof could be had from the proof's source ({e.message}); not verified"
    try:
        verify_consistency(kept.tree_size, cp.tree_size, kept.root, cp.root, list(proof))
    except VerificationError as e:
        return f"{e.message}: the log shows two histories; report it to the log's operator"
    return None
