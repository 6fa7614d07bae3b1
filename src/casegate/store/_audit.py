"""Signed checkpoints of the log and the auditor's full check of the registry against it."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from .._weak_keys import ed25519_weakness
from ..errors import InputError, VerificationError
from . import _clock
from . import _merkle as mk
from ._canonical import canonical, entry_bytes
from ._checkpoint import (
    KEYRING_CHANGES_EXTENSION,
    TIME_EXTENSION,
    TRUST_ROOT_ENTRY,
    TRUST_ROOT_EXTENSION,
    Checkpoint,
    check_trust_root_line,
    checkpoint_keyring_changes,
    checkpoint_order_problem,
    load_private_key,
    load_public_key,
    newer_trust_root,
    parse_checkpoint,
    raw_public,
    sign_checkpoint,
    trust_root_line,
    verifier_key,
)
from ._files import case_digest, evidence_meta
from ._log import Log
from ._proof import KEYRING_CHANGE
from ._records import LogReport
from ._schema import (
    blobs,
    case_files,
    case_versions,
    cases,
    checkpoints,
    evidence_items,
    log_entries,
    log_head,
    log_meta,
)

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey


class AuditedLog(Log):
    """The log with its signed checkpoints and `verify_log`."""

    # --- checkpoints --------------------------------------------------------------------

    def checkpoint(self, key_path: str | os.PathLike[str], origin: str | None = None, *,
                   at: dt.datetime | None = None) -> str:
        """Sign a C2SP checkpoint of the whole log with the Ed25519 key in `key_path` (PEM),
        store it, and return the signed note text. The note key name is the origin. The signed
        body carries the signing time (`at`, default now) so a verifier can tell how fresh it is.

        A log has one origin: `origin` may set it before the first checkpoint (the default is
        the random one chosen at creation); afterwards it must be the same."""
        key = load_private_key(Path(key_path))
        with self._write("writing a checkpoint") as (conn, size):
            org = str(conn.execute(
                sa.select(log_meta.c.value).where(log_meta.c.key == "origin")).scalar_one())
            if origin is not None and origin != org:
                if conn.execute(sa.select(checkpoints.c.id).limit(1)).first() is not None:
                    raise InputError(f"this log's origin is {org!r}; its checkpoints cannot change it to {origin!r}",
                                     help="leave out --origin, or pass the log's own origin")
                if not origin.strip() or "\n" in origin:
                    raise InputError("a checkpoint origin must be one non-empty line")
                conn.execute(log_meta.update().where(log_meta.c.key == "origin").values(value=origin))
                org = origin
            root = self._root(conn, size)
            when = int((at or _clock.log_time()).timestamp())
            # signed with the root, so a state proof that leaves out a keyring change logged
            # before its case's first entry shows it (`verify` counts what the proof carries)
            changes = int(conn.execute(sa.select(sa.func.count()).select_from(log_entries).where(
                log_entries.c.kind == KEYRING_CHANGE, log_entries.c.case_id.is_(None),
                log_entries.c.idx < size)).scalar_one())
            # likewise the newest trust root version recorded: a proof from a case's first entry on
            # does not show one recorded before it, and an older root pins what it replaced
            newest: tuple[int, str] | None = None
            for (raw,) in conn.execute(sa.select(log_entries.c.payload).where(
                    log_entries.c.kind == TRUST_ROOT_ENTRY, log_entries.c.case_id.is_(None),
                    log_entries.c.idx < size).order_by(log_entries.c.idx)):
                newest = newer_trust_root(newest, json.loads(raw))
            cp = sign_checkpoint(org, size, root, key, extensions=(f"{TIME_EXTENSION}{when}",
                                                                   f"{KEYRING_CHANGES_EXTENSION}{changes}",
                                                                   trust_root_line(newest)))
            text = cp.text()
            conn.execute(checkpoints.insert().values(
                tree_size=size, root=root, origin=org, key_name=cp.signatures[0].name,
                public_key=raw_public(key.public_key()), note=text, created_at=_clock._now()))
        return text

    def checkpoints(self) -> list[str]:
        """Every stored checkpoint note, oldest first."""
        with self._read("reading checkpoints") as conn:
            return [r.note for r in conn.execute(sa.select(checkpoints.c.note).order_by(checkpoints.c.id))]

    def latest_checkpoint(self) -> str | None:
        """The newest stored checkpoint note, or None."""
        with self._read("reading checkpoints") as conn:
            row = conn.execute(sa.select(checkpoints.c.note).order_by(checkpoints.c.id.desc()).limit(1)).first()
        return None if row is None else str(row.note)

    def log_verifier_key(self) -> str | None:
        """The C2SP note verifier key (`name+keyid+base64`) of the key that signed the newest
        checkpoint, or None before the first checkpoint."""
        with self._read("reading checkpoints") as conn:
            row = conn.execute(sa.select(checkpoints.c.key_name, checkpoints.c.public_key)
                               .order_by(checkpoints.c.id.desc()).limit(1)).first()
        if row is None:
            return None
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey as _Pub

        _refuse_weak_stored(bytes(row.public_key), "the newest stored checkpoint")
        return verifier_key(str(row.key_name), _Pub.from_public_bytes(bytes(row.public_key)))

    def add_cosignatures(self, note_text: str) -> str:
        """Merge the signature lines of `note_text` (e.g. witness cosignatures) into the stored
        checkpoint with the same body; returns the merged note."""
        cp = parse_checkpoint(note_text)
        with self._write("storing cosignatures") as (conn, _size):
            rows = conn.execute(sa.select(checkpoints).where(checkpoints.c.tree_size == cp.tree_size)).all()
            for r in rows:
                stored = parse_checkpoint(r.note)
                if stored.body == cp.body:
                    for s in cp.signatures:
                        stored = stored.with_signature(s)
                    text = stored.text()
                    conn.execute(checkpoints.update().where(checkpoints.c.id == r.id).values(note=text))
                    return text
        raise InputError("no stored checkpoint has this body", help="cosign a checkpoint this log issued")

    # --- the auditor's check ------------------------------------------------------------

    def verify_log(self, trusted_checkpoint_text: str | None = None,
                   public_key: str | os.PathLike[str] | bytes | Ed25519PublicKey | None = None) -> LogReport:
        """Recompute every leaf and tree hash from the stored entries, check every stored
        checkpoint's signature and root (the latest must match the log), and, when the auditor
        gives a checkpoint they kept, prove the log consistent with it (RFC 9162).

        Raises VerificationError naming the first problem (a changed, missing, inserted or
        reordered entry; an altered tree hash; a bad signature; a rewritten history).
        """
        key = load_public_key(public_key if not isinstance(public_key, os.PathLike) else Path(public_key)) \
            if public_key is not None else None
        trusted = parse_checkpoint(trusted_checkpoint_text) if trusted_checkpoint_text else None
        try:
            return self._verify_log(trusted, key)
        except (TypeError, ValueError, AttributeError, KeyError, IndexError, OverflowError) as e:
            # a column edited to a value of another type: the registry was altered, not a crash
            raise VerificationError(
                f"the registry holds a value of the wrong type ({type(e).__name__}: {str(e)[:200]}): "
                "it was altered outside casegate",
                help="restore the registry from a copy you trust") from None

    def _verify_log(self, trusted: Checkpoint | None, key: Ed25519PublicKey | None) -> LogReport:
        with self._read("verifying the log") as conn:
            head = conn.execute(sa.select(log_head.c.size).where(log_head.c.id == 1)).scalar_one_or_none()
            if head is None:
                raise VerificationError("the log head row is missing: the registry was altered",
                                        help="restore the registry from a copy you trust")
            size = int(head)
            origin_value = conn.execute(sa.select(log_meta.c.value).where(log_meta.c.key == "origin")).scalar_one_or_none()
            if origin_value is None:
                raise VerificationError("the log's origin setting is missing: the registry was altered")
            origin = str(origin_value)
            cps = conn.execute(sa.select(checkpoints).order_by(checkpoints.c.id)).all()
            want = {int(c.tree_size) for c in cps}
            if trusted is not None:
                want.add(trusted.tree_size)
            roots: dict[int, bytes] = {0: mk.EMPTY_ROOT} if 0 in want else {}
            changes: dict[int, int] = {0: 0}
            seen_changes = 0
            # the newest trust root version each checkpoint's tree records, as the registry counts it
            # when it signs one (`newer_trust_root`)
            newest_roots: dict[int, tuple[int, str] | None] = {0: None}
            newest_root: tuple[int, str] | None = None
            frontier: list[bytes] = []
            expected = 0
            result = conn.execution_options(yield_per=5000).execute(
                sa.select(log_entries).order_by(log_entries.c.idx))
            for row in result:
                idx = int(row.idx)
                if idx != expected:
                    if idx > expected:
                        raise VerificationError(
                            f"entry {expected} is missing: the stored log jumps from entry {expected - 1} to {idx}",
                            help="an entry was deleted; restore the registry from a copy you trust")
                    raise VerificationError(f"entry {idx} appears twice")
                if idx >= size:
                    raise VerificationError(
                        f"entries {size}..{idx} were inserted outside the log: the log head says {size} entries",
                        help="rows were added to the registry without going through casegate")
                payload = row.payload
                try:
                    parsed = json.loads(payload)
                except ValueError:
                    raise VerificationError(f"entry {idx}: its payload is not JSON any more (it was edited)") from None
                pj = payload.encode()
                if canonical(parsed) != pj:
                    raise VerificationError(f"entry {idx}: its payload is not in canonical form (it was edited)")
                leaf = mk.leaf_hash(entry_bytes(idx, row.kind, row.case_id, pj, row.recorded_at))
                hashes = bytes(row.hashes)
                if hashes[:mk.HASH_SIZE] != leaf:
                    raise VerificationError(
                        f"entry {idx} ({row.kind}) was changed after it was logged: "
                        "its content no longer matches its leaf hash",
                        help="the registry was altered; restore it from a copy you trust")
                done = mk.append_leaf(frontier, idx, leaf)
                if hashes != b"".join(done):
                    raise VerificationError(f"the tree hashes stored with entry {idx} were altered")
                expected += 1
                if row.kind == KEYRING_CHANGE and row.case_id is None:
                    seen_changes += 1
                if row.kind == TRUST_ROOT_ENTRY and row.case_id is None:
                    newest_root = newer_trust_root(newest_root, parsed)
                if expected in want:
                    roots[expected] = mk.fold(frontier)
                    changes[expected] = seen_changes
                    newest_roots[expected] = newest_root
            if expected != size:
                if expected > size:
                    raise VerificationError(
                        f"entries {size}..{expected - 1} were inserted outside the log: the log head says {size} entries")
                raise VerificationError(
                    f"entries {expected}..{size - 1} are missing: the log head says {size} entries",
                    help="entries were deleted; restore the registry from a copy you trust")
            root = mk.fold(frontier)
            report = LogReport(size=size, root=root.hex(), origin=origin,
                               key_source="given" if key is not None else "stored in the registry (self-attested)")
            line_before = False
            _check_order(cps)
            for c in cps:
                _check_stored_checkpoint(c, roots, changes, newest_roots, line_before, size, key, origin)
                line_before = line_before or any(line.startswith(TRUST_ROOT_EXTENSION)
                                                 for line in parse_checkpoint(c.note).extensions)
                report.checkpoints_checked += 1
            if cps:
                report.checkpoint_size = int(cps[-1].tree_size)
                if size > report.checkpoint_size:
                    report.notes.append(f"{size - report.checkpoint_size} entries are newer than the latest "
                                        "checkpoint (sign one with `casegate log checkpoint`)")
            if trusted is not None:
                _check_trusted(trusted, roots, size, key, origin)
                report.trusted_size = trusted.tree_size
                if key is None:
                    report.notes.append("your checkpoint's signature was not checked (no public key given); "
                                        "its root was compared with the log's")
                if cps and 0 < trusted.tree_size <= int(cps[-1].tree_size):
                    # the same proof a client would ask the log for
                    new = int(cps[-1].tree_size)
                    spec = mk.consistency_spec(trusted.tree_size, new)
                    path = mk.resolve(spec, self._nodes(conn, mk.needed(spec), cached=False))
                    mk.verify_consistency(trusted.tree_size, new, trusted.root, roots[new], path)
            report.notes.append(_check_records(conn))
        return report


def _refuse_weak_stored(public_key: bytes, what: str) -> None:
    """A checkpoint key stored in the registry that anyone can sign as (an Ed25519 key of small
    order or not canonically encoded, `casegate._weak_keys`) proves nothing. No key made from a
    private key is weak, so one in the registry was written there by hand."""
    why = ed25519_weakness(public_key)
    if why is not None:
        raise VerificationError(f"{what} names as its signer a key that {why.removeprefix('is ')}",
                                help="the registry was altered: restore it from a copy you trust, and "
                                     "verify the log against the log key you pinned (--key)")


def _check_stored_checkpoint(c: Any, roots: dict[int, bytes], changes: dict[int, int],
                             newest_roots: dict[int, tuple[int, str] | None], line_before: bool, size: int,
                             key: Ed25519PublicKey | None, origin: str) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    n = int(c.tree_size)
    if c.origin != origin:
        raise VerificationError(f"stored checkpoint {c.id} names log {c.origin!r}, but this log is {origin!r}")
    try:
        cp = parse_checkpoint(c.note)
    except VerificationError as e:
        raise VerificationError(f"stored checkpoint {c.id} (size {n}) is malformed: {e.message}") from None
    if cp.tree_size != n or cp.root != bytes(c.root) or cp.origin != c.origin:
        raise VerificationError(f"stored checkpoint {c.id}: its note and its recorded size/root disagree (altered)")
    k = key if key is not None else Ed25519PublicKey.from_public_bytes(bytes(c.public_key))
    try:
        cp.verify(k)
    except VerificationError as e:
        raise VerificationError(f"checkpoint at size {n}: {e.message}") from None
    if n > size:
        raise VerificationError(
            f"the log has {size} entries but a signed checkpoint covers {n}: entries were removed",
            help="restore the registry from a copy you trust")
    if roots.get(n) != cp.root:
        raise VerificationError(
            f"the log's entries no longer produce the root signed in the checkpoint at size {n}: "
            "history was rewritten", help="restore the registry from a copy you trust")
    counted = checkpoint_keyring_changes(cp)
    if counted is not None and counted != changes.get(n):
        raise VerificationError(
            f"the checkpoint at size {n} says the log holds {counted} keyring changes, but its entries hold "
            f"{changes.get(n)}: a state proof judged by it would miss or invent a revocation",
            help="sign a new checkpoint (`casegate log checkpoint`) and find out how the log key signed a wrong count")
    # a state proof takes this line for the root versions recorded before its case's first entry
    check_trust_root_line(cp, newest_roots.get(n), line_before=line_before,
                          help="sign a new checkpoint (`casegate log checkpoint`) and find out how the log key "
                               "signed a wrong trust root line; state proofs under it are not to be trusted for "
                               "which trust root is current")


_VERSION_FIELDS = (("title", "title"), ("declared_version", "declared_version"), ("main_path", "main"),
                   ("policy_ref", "policy"))
"""Stored case-version column -> the logged field it must equal."""


def _check_records(conn: sa.Connection) -> str:
    """Check what the registry keeps beside the log against the log: every 'case-version' entry
    against its stored version (none deleted), every stored field a page or a decision shows
    (title, declared version, main file, policy reference, submission time, files and their
    roles, evidence items and their metadata) against the entry that recorded it, every stored
    file's bytes against their sha256 and size, and every case's state against its last
    'state-change' entry."""
    logged_versions: dict[tuple[str, int], int] = {}
    for le in conn.execute(sa.select(log_entries.c.idx, log_entries.c.case_id, log_entries.c.payload)
                           .where(log_entries.c.kind == "case-version").order_by(log_entries.c.idx)):
        p = json.loads(le.payload)
        logged_versions[(str(le.case_id), int(p.get("version")))] = int(le.idx)
    stored: set[tuple[str, int]] = set()
    nv = 0
    for v in conn.execute(sa.select(case_versions).order_by(case_versions.c.id)).all():
        ref = f"{v.case_id}@{v.number}"
        stored.add((str(v.case_id), int(v.number)))
        e = conn.execute(sa.select(log_entries).where(log_entries.c.idx == v.log_index)).first()
        if e is None or e.kind != "case-version" or e.case_id != v.case_id:
            raise VerificationError(f"case version {ref} does not match log entry {v.log_index}, which should record it")
        logged = json.loads(e.payload)
        if logged.get("version") != v.number or logged.get("digest") != v.digest:
            raise VerificationError(f"case version {ref}: its number or digest differs from log entry {v.log_index}")
        for column, field in _VERSION_FIELDS:
            if getattr(v, column) != logged.get(field):
                raise VerificationError(
                    f"case version {ref}: its stored {column.replace('_', ' ')} {getattr(v, column)!r} differs "
                    f"from the {logged.get(field)!r} logged in entry {v.log_index}",
                    help="the registry was altered; the log is authoritative")
        if v.submitted_at != e.recorded_at:
            raise VerificationError(
                f"case version {ref}: its stored submission time {v.submitted_at!r} differs from the time "
                f"{e.recorded_at!r} logged in entry {v.log_index}")
        frows = conn.execute(sa.select(case_files.c.path, case_files.c.role, case_files.c.sha256)
                             .where(case_files.c.version_id == v.id)).all()
        files = {r.path: r.sha256 for r in frows}
        if files != logged.get("files") or case_digest(v.main_path, files) != v.digest:
            raise VerificationError(f"case version {ref}: its stored files differ from those logged in entry {v.log_index}")
        roles = logged.get("file_roles")
        if roles is not None and {r.path: r.role for r in frows} != roles:
            raise VerificationError(f"case version {ref}: the stored roles of its files differ from those "
                                    f"logged in entry {v.log_index}")
        erows = conn.execute(sa.select(evidence_items).where(evidence_items.c.version_id == v.id)).all()
        arts = {r.evidence_id: {"artifact": r.artifact, "sha256": r.artifact_sha256} for r in erows}
        if arts != logged.get("evidence"):
            raise VerificationError(f"case version {ref}: its evidence items differ from those logged in entry {v.log_index}")
        meta = logged.get("evidence_meta")
        if meta is not None:
            for r in erows:
                if evidence_meta(r) != meta.get(r.evidence_id):
                    raise VerificationError(
                        f"case version {ref}: the stored metadata of evidence {r.evidence_id} (kind, producer, "
                        f"dates, confidentiality, declared sha256) differs from entry {v.log_index}")
        nv += 1
    missing = sorted(set(logged_versions) - stored, key=lambda k: logged_versions[k])
    if missing:
        cid, num = missing[0]
        raise VerificationError(
            f"case version {cid}@{num}, recorded in log entry {logged_versions[(cid, num)]}, is missing from "
            f"the registry ({len(missing)} logged version(s) missing): it was deleted",
            help="restore the registry from a copy you trust")
    known_blobs: set[str] = set()
    nb = 0
    for sha, size, content in conn.execution_options(yield_per=200).execute(
            sa.select(blobs.c.sha256, blobs.c.size, blobs.c.content)):
        data = bytes(content)
        if hashlib.sha256(data).hexdigest() != sha:
            raise VerificationError(f"the stored bytes of a case file (sha256 {sha[:16]}...) were altered")
        if int(size) != len(data):
            raise VerificationError(f"the stored size of a case file (sha256 {sha[:16]}...) is {size}, "
                                    f"its bytes are {len(data)}: the registry was altered")
        known_blobs.add(sha)
        nb += 1
    for (sha,) in conn.execute(sa.select(case_files.c.sha256).distinct()):
        if sha not in known_blobs:
            raise VerificationError(f"the bytes of a stored case file (sha256 {str(sha)[:16]}...) are missing: "
                                    "they were deleted")
    for c in conn.execute(sa.select(cases)).all():
        last = conn.execute(sa.select(log_entries.c.payload).where(
            log_entries.c.case_id == c.case_id, log_entries.c.kind == "state-change"
        ).order_by(log_entries.c.idx.desc()).limit(1)).first()
        state, restricted = ("draft", None)
        if last is not None:
            p = json.loads(last.payload)
            state, restricted = p.get("to"), p.get("restricted_to")
        if (c.state, c.restricted_to) != (state, restricted):
            raise VerificationError(
                f"case {c.case_id}: its state {c.state!r} is not the one the log recorded ({state!r})",
                help="the state column was altered; the log's last state-change entry is authoritative")
    return f"{nv} case version(s), {nb} stored file(s) and every case state match the log"


def _check_order(cps: Sequence[Any]) -> None:
    """Each stored checkpoint against the largest stored before it and the one of its own size
    (`checkpoint_order_problem`): a log key that signed a smaller tree after a larger one showed
    someone a rolled-back log, and two roots at one size are two histories; either fails."""
    newest: Any = None
    by_size: dict[int, Any] = {}
    for c in cps:
        n = int(c.tree_size)
        for earlier in (newest, by_size.get(n)):
            if earlier is None:
                continue
            problem = checkpoint_order_problem((int(earlier.tree_size), bytes(earlier.root)), (n, bytes(c.root)))
            if problem is not None:
                raise VerificationError(
                    f"stored checkpoint {c.id} (size {n}) was issued after stored checkpoint {earlier.id} "
                    f"(size {int(earlier.tree_size)}), but {problem}",
                    help="the log key signed a checkpoint of another tree than the log's: anyone shown the "
                         "later one saw another log; restore the registry from a copy you trust and find out "
                         "who signed it")
        by_size.setdefault(n, c)
        if newest is None or n > int(newest.tree_size):
            newest = c


def _check_trusted(cp: Checkpoint, roots: dict[int, bytes], size: int, key: Ed25519PublicKey | None,
                   origin: str) -> None:
    if key is not None:
        cp.verify(key)
    if cp.origin != origin:
        raise VerificationError(f"your checkpoint is for log {cp.origin!r}, this log is {origin!r}")
    if cp.tree_size > size:
        raise VerificationError(
            f"your checkpoint covers {cp.tree_size} entries but the log now has only {size}: it was rolled back")
    if roots.get(cp.tree_size) != cp.root:
        raise VerificationError(
            f"the log is not consistent with your checkpoint at size {cp.tree_size}: "
            "its first entries no longer produce the root you kept (history was rewritten)")

