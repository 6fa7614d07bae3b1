"""Case versions (immutable stored files and evidence items) and case state."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from ..errors import InputError, StoreError
from ..limits import check_proof_entries
from . import _clock
from ._audit import AuditedLog
from ._canonical import normalise_payload, to_json_value
from ._checkpoint import TRUST_ROOT_ENTRY
from ._files import case_digest, collect_files, evidence_meta, version_digest
from ._records import (
    CASE_STATES,
    CaseFile,
    CaseVersionRecord,
    EvidenceRecord,
    LogEntry,
    VersionTexts,
)
from ._schema import (
    blobs,
    case_files,
    case_versions,
    cases,
    checkpoints,
    evidence_items,
    log_entries,
)

if TYPE_CHECKING:
    from ..load import Loaded


class CaseStore(AuditedLog):
    """The log with the case versions and states it records."""

    # --- cases --------------------------------------------------------------------------

    def submit_case(self, loaded: Loaded) -> CaseVersionRecord:
        """Store an immutable version of a loaded case (every file's bytes, evidence items and
        artifact digests) and log a 'case-version' event. Submitting bytes identical to an
        existing version returns that version and logs nothing."""
        return self.submit_case_once(loaded)[0]

    def submit_case_once(self, loaded: Loaded) -> tuple[CaseVersionRecord, bool]:
        """`submit_case`, and whether this call recorded the version (False: an identical
        version was already there, perhaps submitted a moment before by someone else)."""
        case = loaded.case
        if case is None:
            raise InputError("the case does not validate, so it cannot be submitted",
                             location=loaded.case_path, help="run `casegate check` and fix the CG900 findings")
        files, evidence = collect_files(loaded)
        main = files[0][0]
        digest = case_digest(main, {p: h for p, _r, h, _b in files})
        policy_ref = case.policy
        with self._write("submitting a case") as (conn, size):
            existing = conn.execute(sa.select(case_versions.c.number).where(
                case_versions.c.case_id == case.id, case_versions.c.digest == digest)).first()
            created = existing is None
            if existing is not None:
                number = int(existing.number)
            else:
                now = _clock._now()  # the log's clock, read through its module
                if conn.execute(sa.select(cases.c.case_id).where(cases.c.case_id == case.id)).first() is None:
                    conn.execute(cases.insert().values(case_id=case.id, state="draft", restricted_to=None,
                                                       created_at=now, updated_at=now))
                number = int(conn.execute(sa.select(sa.func.coalesce(sa.func.max(case_versions.c.number), 0))
                                          .where(case_versions.c.case_id == case.id)).scalar_one()) + 1
                payload = {
                    "version": number, "digest": digest, "title": case.title,
                    "declared_version": case.version, "main": main, "policy": policy_ref,
                    "system": {"name": case.system.name, "version": case.system.version,
                               "digests": list(case.system.digests)},
                    "boundary": case.boundary.kind.value if case.boundary is not None else None,
                    "files": {p: h for p, _role, h, _b in files},
                    "evidence": {e.evidence_id: {"artifact": e.artifact, "sha256": e.artifact_sha256}
                                 for e in evidence},
                    # logged so `log verify` can compare every stored field a page shows
                    "file_roles": {p: r for p, r, _h, _b in files},
                    "evidence_meta": {e.evidence_id: evidence_meta(e) for e in evidence},
                }
                entry = self._append(conn, size, [("case-version", case.id, *normalise_payload(payload))])[0]
                vid = conn.execute(case_versions.insert().values(
                    case_id=case.id, number=number, digest=digest, title=case.title,
                    declared_version=case.version, main_path=main, policy_ref=policy_ref,
                    submitted_at=entry.recorded_at, log_index=entry.index,
                ).returning(case_versions.c.id)).scalar_one()
                have = {r[0] for r in conn.execute(sa.select(blobs.c.sha256).where(
                    blobs.c.sha256.in_({h for _p, _r, h, _b in files})))}
                new_blobs = {h: b for _p, _r, h, b in files if h not in have}
                if new_blobs:
                    conn.execute(blobs.insert(), [{"sha256": h, "size": len(b), "content": b}
                                                  for h, b in new_blobs.items()])
                conn.execute(case_files.insert(), [{"version_id": vid, "path": p, "role": r, "sha256": h}
                                                   for p, r, h, _b in files])
                if evidence:
                    conn.execute(evidence_items.insert(), [{
                        "version_id": vid, "evidence_id": e.evidence_id, "kind": e.kind,
                        "producer": e.producer, "date": e.date, "expires": e.expires,
                        "confidentiality": e.confidentiality, "artifact": e.artifact,
                        "declared_sha256": e.declared_sha256, "artifact_sha256": e.artifact_sha256,
                    } for e in evidence])
        return self.case_version(case.id, number, contents=False), created

    def stored_version_of(self, loaded: Loaded) -> CaseVersionRecord | None:
        """The stored version whose files are exactly the loaded case's (the same digest over
        every file's path and sha256, as `submit_case` computes it), or None when no stored
        version of the case has these files."""
        case = loaded.case
        number = self.stored_number_of(loaded)
        return None if number is None or case is None else self.case_version(case.id, number, contents=False)

    def stored_number_of(self, loaded: Loaded, known: Mapping[Path, str] | None = None) -> int | None:
        """The number of the stored version whose files are exactly the loaded case's (as
        `stored_version_of` finds it), or None. `known`: absolute path -> sha256 of the bytes
        this run already read from that file (`version_digest`); other files are read and hashed."""
        case = loaded.case
        if case is None:
            return None
        digest = version_digest(loaded, known)
        with self._read("finding a case version") as conn:
            row = conn.execute(sa.select(case_versions.c.number).where(
                case_versions.c.case_id == case.id, case_versions.c.digest == digest)).first()
        return None if row is None else int(row.number)

    def first_stored(self, digests: Iterable[str]) -> dict[str, tuple[int, str]]:
        """For each of `digests` (sha256 of file bytes) that any stored version of any case
        holds as a file or pins for an evidence item, the log index and time of the first
        'case-version' entry that did. Digests the registry has never seen are absent."""
        wanted = sorted(set(digests))
        out: dict[str, tuple[int, str]] = {}
        with self._read("finding when artifacts were first logged") as conn:
            for i in range(0, len(wanted), 500):  # within every backend's bound on parameters
                part = wanted[i:i + 500]
                q_files = (sa.select(case_files.c.sha256.label("sha"), case_versions.c.log_index,
                                     case_versions.c.submitted_at)
                           .join(case_versions, case_versions.c.id == case_files.c.version_id)
                           .where(case_files.c.sha256.in_(part)))
                q_pins = (sa.select(evidence_items.c.declared_sha256.label("sha"), case_versions.c.log_index,
                                    case_versions.c.submitted_at)
                          .join(case_versions, case_versions.c.id == evidence_items.c.version_id)
                          .where(evidence_items.c.declared_sha256.in_(part)))
                for row in conn.execute(sa.union_all(q_files, q_pins)):
                    got = out.get(row.sha)
                    if got is None or int(row.log_index) < got[0]:
                        out[row.sha] = (int(row.log_index), str(row.submitted_at))
        return out

    def pinned_by(self, digests: Iterable[str]) -> dict[str, list[tuple[str, int, str, str]]]:
        """For each of `digests` (sha256 of an artifact's bytes), every stored version that pins it
        for an evidence item (as declared or as its artifact's bytes): (case id, version number,
        the version's declared `version:`, the item's kind), in log order. Digests no stored
        version pins are absent."""
        wanted = sorted(set(digests))
        out: dict[str, list[tuple[str, int, str, str]]] = {}
        with self._read("finding the cases that cite artifacts") as conn:
            for i in range(0, len(wanted), 250):  # two lists of parameters: within every backend's bound
                part = wanted[i:i + 250]
                q = (sa.select(evidence_items.c.declared_sha256, evidence_items.c.artifact_sha256,
                               evidence_items.c.kind, case_versions.c.case_id, case_versions.c.number,
                               case_versions.c.declared_version)
                     .join(case_versions, case_versions.c.id == evidence_items.c.version_id)
                     .where(sa.or_(evidence_items.c.declared_sha256.in_(part),
                                   evidence_items.c.artifact_sha256.in_(part)))
                     .order_by(case_versions.c.log_index))
                for row in conn.execute(q):
                    hit = (str(row.case_id), int(row.number), str(row.declared_version), str(row.kind))
                    for sha in {row.declared_sha256, row.artifact_sha256} & set(part):
                        if hit not in out.setdefault(sha, []):
                            out[sha].append(hit)
        return out

    def case_ids(self) -> list[str]:
        """Every case id in the registry, sorted."""
        with self._read("listing cases") as conn:
            return [r[0] for r in conn.execute(sa.select(cases.c.case_id).order_by(cases.c.case_id))]

    def case_versions(self, case_id: str) -> list[CaseVersionRecord]:
        """Every version of `case_id`, oldest first, with file digests (not contents)."""
        with self._read("reading case versions") as conn:
            rows = conn.execute(sa.select(case_versions).where(case_versions.c.case_id == case_id)
                                .order_by(case_versions.c.number)).all()
            return [self._version(conn, r, contents=False) for r in rows]

    def case_version(self, case_id: str, n: int | None = None, *, contents: bool = True) -> CaseVersionRecord:
        """Version `n` of `case_id` (the latest when None), with file contents unless
        `contents=False`. InputError when there is no such version."""
        with self._read("reading a case version") as conn:
            q = sa.select(case_versions).where(case_versions.c.case_id == case_id)
            q = q.where(case_versions.c.number == n) if n is not None else \
                q.order_by(case_versions.c.number.desc()).limit(1)
            row = conn.execute(q).first()
            if row is None:
                what = f"version {n} of case {case_id!r}" if n is not None else f"case {case_id!r}"
                raise InputError(f"the registry has no {what}",
                                 help="see `casegate registry history CASE_ID`; submit with `casegate registry submit`")
            return self._version(conn, row, contents=contents)

    def _version(self, conn: sa.Connection, row: Any, *, contents: bool) -> CaseVersionRecord:
        cols = [case_files.c.path, case_files.c.role, case_files.c.sha256, blobs.c.size]
        if contents:
            cols.append(blobs.c.content)
        frows = conn.execute(sa.select(*cols).join(blobs, blobs.c.sha256 == case_files.c.sha256)
                             .where(case_files.c.version_id == row.id).order_by(case_files.c.path)).all()
        order = {"case": 0, "include": 1, "policy": 2, "regime": 2, "artifact": 3, "companion": 4, "attestation": 5, "envelope": 6}
        files = sorted((CaseFile(f.path, f.role, f.sha256, int(f.size),
                                 bytes(f.content) if contents else None) for f in frows),
                       key=lambda f: (order.get(f.role, 9), f.path))
        erows = conn.execute(sa.select(evidence_items).where(evidence_items.c.version_id == row.id)
                             .order_by(evidence_items.c.evidence_id)).all()
        ev = tuple(EvidenceRecord(e.evidence_id, e.kind, e.producer, e.date, e.expires, e.confidentiality,
                                  e.artifact, e.declared_sha256, e.artifact_sha256) for e in erows)
        return CaseVersionRecord(row.case_id, int(row.number), row.digest, row.title, row.declared_version,
                                 row.main_path, row.policy_ref, row.submitted_at, int(row.log_index),
                                 tuple(files), ev)

    def version_texts(self, case_id: str, numbers: Iterable[int]) -> list[VersionTexts]:
        """The case and include files of each of versions `numbers` of `case_id` (in that order),
        with their bytes, read in a few queries (each distinct file's bytes once), without the
        policy, regimes or artifacts. Raises StoreError when a version is not stored, when a file's
        stored bytes no longer match their sha256, or when a version's case and include files are
        not those its 'case-version' log entry recorded (a file row pointed at other bytes)."""
        import json

        wanted = list(dict.fromkeys(numbers))
        if not wanted:
            return []
        # every version of the case is read, and the wanted ones kept: no query's parameters grow
        # with the history
        with self._read("reading stored case files") as conn:
            rows = conn.execute(sa.select(case_versions).where(case_versions.c.case_id == case_id)).all()
            by_number = {int(r.number): r for r in rows}
            missing = [n for n in wanted if n not in by_number]
            if missing:
                raise StoreError(f"the registry has no version {missing[0]} of case {case_id!r}, which it listed",
                                 help="the registry was altered; run `casegate log verify`")
            keep = {by_number[n].id: n for n in wanted}
            frows = [f for f in conn.execute(
                sa.select(case_files.c.version_id, case_files.c.path, case_files.c.sha256)
                .join(case_versions, case_versions.c.id == case_files.c.version_id)
                .where(case_versions.c.case_id == case_id, case_files.c.role.in_(("case", "include"))))
                if f.version_id in keep]
            shas = sorted({f.sha256 for f in frows})
            content: dict[str, bytes] = {}
            for i in range(0, len(shas), 500):  # within every backend's bound on parameters
                for b in conn.execute(sa.select(blobs.c.sha256, blobs.c.content)
                                      .where(blobs.c.sha256.in_(shas[i:i + 500]))):
                    content[b.sha256] = bytes(b.content)
            indexes = {int(by_number[n].log_index) for n in wanted}
            logged = {int(e.idx): e.payload for e in conn.execute(
                sa.select(log_entries.c.idx, log_entries.c.payload).where(
                    log_entries.c.kind == "case-version", log_entries.c.case_id == case_id))
                if int(e.idx) in indexes}
        files: dict[int, dict[str, str]] = {n: {} for n in wanted}
        for f in frows:
            files[keep[f.version_id]][f.path] = f.sha256
        out: list[VersionTexts] = []
        for n in wanted:
            row = by_number[n]
            texts: dict[str, bytes] = {}
            for path, sha in sorted(files[n].items()):
                data = content.get(sha)
                if data is None or hashlib.sha256(data).hexdigest() != sha:
                    raise StoreError(f"stored bytes of {path} no longer match their sha256 (version {n} of "
                                     f"case {case_id})", help="the registry was altered; run `casegate log verify`")
                texts[path] = data
            payload = logged.get(int(row.log_index))
            try:
                got = json.loads(payload) if payload is not None else None
            except ValueError:
                got = None
            entry: dict[str, Any] = got if isinstance(got, dict) else {}
            recorded, roles = entry.get("files"), entry.get("file_roles")
            # (a version logged before its entry carried the files' roles is checked file by file)
            listed = ({p for p, r in roles.items() if r in ("case", "include")} if isinstance(roles, dict)
                      else set(files[n]))
            if (not isinstance(recorded, dict) or entry.get("version") != n or entry.get("main") != row.main_path
                    or any(recorded.get(p) != sha for p, sha in files[n].items()) or listed != set(files[n])
                    or row.main_path not in texts):
                raise StoreError(f"case version {case_id}@{n}: its stored case files differ from those logged in "
                                 f"entry {row.log_index}", help="the registry was altered; run `casegate log verify`")
            out.append(VersionTexts(n, row.declared_version, str(row.submitted_at), row.main_path, texts))
        return out

    def materialise(self, case_id: str, n: int | None, dest_dir: str | os.PathLike[str]) -> Path:
        """Write version `n` (latest when None) of a case under `dest_dir`, byte for byte, and
        return the path of its main file (load it with `casegate.load.load_case`)."""
        v = self.case_version(case_id, n, contents=True)
        dest = Path(dest_dir)
        for f in v.files:
            if f.path.startswith("builtin:"):
                continue
            rel = PurePosixPath(f.path)
            if rel.is_absolute() or ".." in rel.parts:
                raise StoreError(f"stored path {f.path!r} would escape the destination folder",
                                 help="the registry was altered; run `casegate log verify`")
            target = dest.joinpath(*rel.parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            assert f.content is not None
            if hashlib.sha256(f.content).hexdigest() != f.sha256:
                raise StoreError(f"stored bytes of {f.path} no longer match their sha256",
                                 help="the registry was altered; run `casegate log verify`")
            target.write_bytes(f.content)
        return dest.joinpath(*PurePosixPath(v.main_path).parts)

    def case_state(self, case_id: str) -> str | None:
        """The case's current state, or None when the registry does not know the case."""
        with self._read("reading case state") as conn:
            row = conn.execute(sa.select(cases.c.state).where(cases.c.case_id == case_id)).first()
        return None if row is None else str(row.state)

    def case_restriction(self, case_id: str) -> str | None:
        """The boundary a restricted case is limited to, if any."""
        with self._read("reading case state") as conn:
            row = conn.execute(sa.select(cases.c.restricted_to).where(cases.c.case_id == case_id)).first()
        return None if row is None else row.restricted_to

    def set_case_state(self, case_id: str, state: str, cause: Mapping[str, Any],
                       restricted_to: str | None = None,
                       check: Callable[[str, str | None], None] | None = None) -> LogEntry:
        """Set the case's state (and restriction) and log a 'state-change' event, in one
        transaction. Whether the transition is allowed is the caller's decision, taken by
        `check(current state, current restriction)` while the write lock is held: it raises to
        refuse (nothing is written), so no other writer can move the case between the check
        and the write."""
        if state not in CASE_STATES:
            raise InputError(f"unknown case state {state!r}", help="use one of: " + ", ".join(CASE_STATES))
        cause_json = to_json_value(cause, "cause")
        with self._write("changing case state") as (conn, size):
            row = conn.execute(sa.select(cases.c.state, cases.c.restricted_to)
                               .where(cases.c.case_id == case_id)).first()
            if row is None:
                raise InputError(f"the registry has no case {case_id!r}",
                                 help="submit it first with `casegate registry submit`")
            if check is not None:
                check(str(row.state), row.restricted_to)
            payload = {"from": row.state, "to": state, "restricted_to": restricted_to, "cause": cause_json}
            entry = self._append(conn, size, [("state-change", case_id, *normalise_payload(payload))])[0]
            conn.execute(cases.update().where(cases.c.case_id == case_id).values(
                state=state, restricted_to=restricted_to, updated_at=entry.recorded_at))
            return entry

    # --- state proofs -------------------------------------------------------------------

    def state_proof(self, case_id: str) -> tuple[dict[str, Any] | None, list[str]]:
        """A state proof of the case under the newest stored checkpoint (see `_proof.py`: every
        log entry from the case's first to the checkpoint's size), and every reason the
        registry cannot vouch for the case's state: no checkpoint, a case the log does not know,
        entries of the case newer than the checkpoint, or a `cases` row that is missing or is
        not what the log replays to. The proof is None only when there is no checkpoint."""
        from ._proof import PROOF_KINDS, entry_json, replay, state_proof_doc

        problems: list[str] = []
        with self._read("making a state proof") as conn:
            cp_row = conn.execute(sa.select(checkpoints.c.note, checkpoints.c.tree_size)
                                  .order_by(checkpoints.c.id.desc()).limit(1)).first()
            rows = conn.execute(sa.select(log_entries).where(
                log_entries.c.case_id == case_id, log_entries.c.kind.in_(PROOF_KINDS)
            ).order_by(log_entries.c.idx)).all()
            first = conn.execute(sa.select(sa.func.min(log_entries.c.idx))
                                 .where(log_entries.c.case_id == case_id)).scalar()
            size = int(cp_row.tree_size) if cp_row is not None else 0
            # every keyring change (keys added and revoked): verify takes revocations from the
            # log, not from the keyring file a decision names
            krows = conn.execute(sa.select(log_entries).where(log_entries.c.kind == "keyring-change")
                                 .order_by(log_entries.c.idx)).all()
            # a proof `verify` would refuse for its size is not made: counted before it is read
            held = max(0, size - first) if first is not None and cp_row is not None else 0
            check_proof_entries(held, 0, sum(1 for r in krows if int(r.idx) < size), made=True,
                                location=f"the state proof of {case_id}")
            # every entry from the case's first on: the proof shows it left none of the case out
            tail_rows = conn.execute(sa.select(log_entries).where(
                log_entries.c.idx >= first, log_entries.c.idx < size
            ).order_by(log_entries.c.idx)).all() if first is not None else []
            row = conn.execute(sa.select(cases.c.state, cases.c.restricted_to)
                               .where(cases.c.case_id == case_id)).first()
            # a trust root version recorded after the checkpoint is neither among the proof's
            # entries nor named by the checkpoint: a root it replaced would still be accepted
            late_roots = [int(i) for (i,) in conn.execute(sa.select(log_entries.c.idx).where(
                log_entries.c.kind == TRUST_ROOT_ENTRY, log_entries.c.case_id.is_(None),
                log_entries.c.idx >= size).order_by(log_entries.c.idx))]
        entries = [self._entry(r) for r in rows]
        replayed = replay(entries)
        if replayed.state is None:
            problems.append(f"the log holds no version of case {case_id}: the registry does not know the case")
        elif row is None:
            problems.append(f"the registry's record of case {case_id} is missing, but the log holds "
                            f"{len(entries)} entries for it: the row was deleted")
        elif (row.state, row.restricted_to) != (replayed.state, replayed.restricted_to):
            problems.append(f"the registry's state column says case {case_id} is {row.state}, but the "
                            f"case's log entries replay to {replayed.state}: the column was altered")
        problems += replayed.problems
        if cp_row is None:
            problems.append("the registry has no signed checkpoint, so nothing proves the case's state "
                            "(sign one with `casegate log checkpoint`)")
            return None, problems
        late = [e.index for e in entries if e.index >= size]
        if late:
            problems.append(f"{len(late)} log entr{'y' if len(late) == 1 else 'ies'} of case {case_id} "
                            f"(from entry {late[0]}) are newer than the latest checkpoint (size {size}): "
                            "the log must sign a checkpoint that covers them (`casegate log checkpoint`)")
        # a keyring change the checkpoint does not cover is not in the proof: a key revoked since
        # would count for whoever verifies with it (`verify --db` and `--registry-url` too)
        kin = [int(r.idx) for r in krows]
        newer = [i for i in kin if i >= size]
        if newer:
            problems.append(f"{len(newer)} keyring change{'' if len(newer) == 1 else 's'} (from log entry {newer[0]}, "
                            f"a key added or revoked) {'is' if len(newer) == 1 else 'are'} newer than the latest "
                            f"checkpoint (size {size}), so the proof would leave {'it' if len(newer) == 1 else 'them'} "
                            f"out: the log must sign a checkpoint that covers {'it' if len(newer) == 1 else 'them'} "
                            "(`casegate log checkpoint`)")
        if late_roots:
            problems.append(f"a trust root version (log entry {late_roots[0]}) was recorded after the latest checkpoint "
                            f"(size {size}), so the proof would not show it: the log must sign a checkpoint that "
                            "covers it (`casegate log checkpoint`)")
        tail = [self._entry(r) for r in tail_rows]
        first_path = self.prove_inclusions([tail[0].index], size)[0].path if tail else []
        kcovered = [e for e in (self._entry(r) for r in krows) if e.index < size]
        kproofs = self.prove_inclusions([e.index for e in kcovered], size)
        changes = [entry_json(e, p.path) for e, p in zip(kcovered, kproofs, strict=True)]
        earlier, earlier_path = self._earlier_entries(case_id, tail, size, len(changes))
        return state_proof_doc(case_id, str(cp_row.note), tail, first_path, changes, earlier,
                               earlier_path), problems

    def _earlier_entries(self, case_id: str, tail: list[Any], size: int,
                         keyring_changes: int = 0) -> tuple[list[Any], list[bytes]]:
        """Every log entry from the earliest `case-version` entry, logged before the case's first,
        of a version of another case a NO-GO in `tail` judged (`earlier_start`) up to the case's
        first, and the inclusion path of that earliest entry; nothing when there is none. A
        LimitError, before they are read, when the proof would hold more entries than `verify`
        reads (`proof-entries`)."""
        from ._proof import earlier_start, judged_elsewhere

        judged = judged_elsewhere(tail, case_id)
        if not tail or not judged:
            return [], []
        first = tail[0].index
        with self._read("making a state proof") as conn:
            rows = conn.execute(sa.select(log_entries).where(
                log_entries.c.kind == "case-version", log_entries.c.idx < first,
                log_entries.c.case_id.in_(sorted({c for c, _ in judged}))).order_by(log_entries.c.idx)).all()
            start = earlier_start([self._entry(r) for r in rows], judged, first)
            if start is None:
                return [], []
            check_proof_entries(len(tail), first - start, keyring_changes, made=True,
                                location=f"the state proof of {case_id}")
            between = conn.execute(sa.select(log_entries).where(
                log_entries.c.idx >= start, log_entries.c.idx < first).order_by(log_entries.c.idx)).all()
        return [self._entry(r) for r in between], list(self.prove_inclusions([start], size)[0].path)

