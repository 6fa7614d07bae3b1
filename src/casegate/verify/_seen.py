"""The newest checkpoint a deploy verifier has accepted, kept in a file it names (`verify --seen
FILE`): a genuine state proof under an older checkpoint (taken before the case was reopened, or a
key revoked) is still within the trust root's `max_checkpoint_age`; held against the newest one
this verifier saw, it is refused."""

from __future__ import annotations

import base64
import json
import os
import tempfile
from pathlib import Path

from ..errors import InputError, VerificationError
from ..store import Checkpoint, parse_checkpoint

SEEN_VERSION = 1
"""The `--seen` file's format version."""

_KIND = "seen-checkpoint"


def _kept(path: Path) -> Checkpoint | None:
    """The checkpoint kept in `path`, or None when there is no file yet."""
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
        return parse_checkpoint(str(doc["checkpoint"]))
    except (KeyError, VerificationError):
        raise InputError("the --seen file's checkpoint cannot be read (the file is damaged)",
                         location=str(path), help=fix) from None


def _keep(path: Path, cp: Checkpoint) -> None:
    doc = {"casegate": SEEN_VERSION, "kind": _KIND, "origin": cp.origin, "tree_size": cp.tree_size,
           "root": base64.b64encode(cp.root).decode(), "checkpoint": cp.text()}
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(doc, f, indent=2, sort_keys=True)
            f.write("\n")
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def seen_checkpoint(path: Path, cp: Checkpoint, origin: str) -> list[str]:
    """Why the checkpoint `cp` of a proof that verified may not be trusted against the newest one
    kept in `path` (for the log `origin` the trust root pins): an older one (a smaller tree), or
    another root at the same size (the log showed two histories). A larger one is kept in its
    place; the file is written only then."""
    kept = _kept(path)
    if kept is not None and kept.origin != origin:
        return [f"the --seen file {path} keeps a checkpoint of log {kept.origin!r}, not of log {origin!r} the "
                "trust root pins: keep one file per log"]
    if kept is not None:
        if cp.tree_size < kept.tree_size:
            return [f"the state proof's checkpoint (size {cp.tree_size}) is older than the newest this verifier "
                    f"has seen (size {kept.tree_size}, kept in {path}): the proof was taken before entries the log "
                    "holds now (a reopening, a revocation); fetch a fresh proof"]
        if cp.tree_size == kept.tree_size:
            if cp.root == kept.root:
                return []  # the same tree: the state it proves is the one already seen
            return [f"the state proof's checkpoint has another root at size {cp.tree_size} than the checkpoint "
                    f"of that size this verifier has seen (kept in {path}): the log showed two histories; "
                    "report it to the log's operator"]
    _keep(path, cp)
    return []
