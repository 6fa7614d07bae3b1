"""The registry: case versions, case state, and the append-only Merkle log of every event.

Every write goes through one transaction that first locks the log head (SQLite: BEGIN
IMMEDIATE; PostgreSQL: SELECT ... FOR UPDATE on the head row), assigns the next indices,
writes the entries with their leaf and completed-node hashes, and moves the head. Two writers
therefore never fork the tree, and an entry is either fully recorded or not at all.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

import rfc8785
import sqlalchemy as sa

from ..errors import InputError, StoreError, VerificationError, WriteOutcomeUnknown
from . import _merkle as mk
from ._canonical import canonical, entry_bytes, json_string, normalise_payload, to_json_value
from ._checkpoint import (
    TIME_EXTENSION,
    Checkpoint,
    load_private_key,
    load_public_key,
    parse_checkpoint,
    raw_public,
    sign_checkpoint,
)
from ._engine import (
    HEAD_REVISION,
    current_revision,
    default_database_url,
    describe,
    make_engine,
    migrate,
    normalise_url,
    shown_url,
    store_errors,
)
from ._records import (
    CASE_STATES,
    CaseFile,
    CaseVersionRecord,
    EvidenceRecord,
    LogEntry,
    LogReport,
)
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

    from ..load import Loaded

CACHE_MIN_LEVEL = 4
"""Complete nodes at this level or above (16+ leaves) are cached once read."""
CACHE_MAX_NODES = 1 << 18
"""The node cache is emptied when it reaches this many nodes (about 30 MB)."""

_KIND_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789-_.")


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


_KINDS_SEEN: set[str] = set()


def _check_kind(kind: str) -> None:
    if not kind or not isinstance(kind, str) or not set(kind) <= _KIND_CHARS or len(kind) > 64:
        raise InputError(f"event kind {kind!r} is not a short lowercase name",
                         help="use names like 'decision', 'signoff', 'incident'")
    if len(_KINDS_SEEN) < 1000:
        _KINDS_SEEN.add(kind)


def open_registry(url: str | None = None, *, readonly: bool = False) -> Registry:
    """Open (and create or migrate) the registry at `url`, $CASEGATE_DATABASE_URL, or
    sqlite:///<cwd>/.casegate/registry.db. A plain path means a SQLite file.

    `readonly`: never create, never migrate, never write (SQLite opened with `mode=ro`,
    PostgreSQL sessions read-only); a missing SQLite file or a schema at another revision is a
    StoreError. Raises StoreError when the database cannot be reached or created.
    """
    full = normalise_url(url or default_database_url())
    with store_errors(full, "opening"):
        if readonly:
            engine = make_engine(full, readonly=True)
            with engine.connect() as probe:
                rev = current_revision(probe)
                probe.rollback()
            if rev != HEAD_REVISION:
                engine.dispose()
                raise StoreError(f"registry {shown_url(full)} is not a casegate registry at schema revision "
                                 f"{HEAD_REVISION} (found {rev or 'no casegate schema'}); it is opened "
                                 "read-only and never migrated here",
                                 help="check --db; migrate it with a casegate command that writes to it")
            return Registry(engine, full, readonly=True)
        engine = make_engine(full)
        migrate(engine)
    return Registry(engine, full)


class Registry:
    """A casegate registry on SQLite or PostgreSQL. Use `open_registry` to get one."""

    def __init__(self, engine: sa.Engine, url: str, *, readonly: bool = False):
        self.engine = engine
        self.url = url
        self.readonly = readonly
        # hot paths use driver SQL: SQLite takes '?' placeholders, psycopg '%s'
        self._mark = "?" if engine.dialect.name == "sqlite" else "%s"
        self._pg = engine.dialect.name == "postgresql"
        db = engine.url.database
        if db and db.startswith("file:"):  # a read-only URI
            from urllib.parse import unquote

            db = unquote(db[len("file:"):])
        self._sqlite_path = db if engine.dialect.name == "sqlite" and db and db != ":memory:" else None
        self._readers = threading.local()
        self._reader_list: list[Any] = []
        self._node_cache: dict[mk.Node, bytes] = {}
        self._roots: dict[int, bytes] = {}
        self._last_size: int | None = None
        self._sql_insert = ("INSERT INTO log_entries (idx, kind, case_id, payload, recorded_at, hashes) "
                            f"VALUES ({', '.join([self._mark] * 6)})")

    # --- plumbing ------------------------------------------------------------------------

    def close(self) -> None:
        for r in self._reader_list:
            r.close()
        self._reader_list.clear()
        self._readers = threading.local()
        self.engine.dispose()

    def __enter__(self) -> Registry:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _read(self, doing: str) -> Iterator[sa.Connection]:
        with store_errors(self.url, doing):
            opts: dict[str, Any] = {}
            if self.engine.dialect.name == "postgresql":
                opts["isolation_level"] = "REPEATABLE READ"  # one snapshot for the whole read
            with self.engine.connect().execution_options(**opts) as conn, conn.begin():
                yield conn

    @contextmanager
    def _write(self, doing: str) -> Iterator[tuple[sa.Connection, int]]:
        """A write transaction holding the log head; yields (connection, current log size).

        A failure while committing is reported as an unknown outcome (the database may have
        committed before the reply was lost), never as a plain failure."""
        with store_errors(self.url, doing):
            with self.engine.connect().execution_options(casegate_write=True) as conn:
                trans = conn.begin()
                try:
                    size = conn.execute(
                        sa.select(log_head.c.size).where(log_head.c.id == 1).with_for_update()
                    ).scalar_one()
                    yield conn, int(size)
                except BaseException:
                    trans.rollback()
                    raise
                try:
                    trans.commit()
                except Exception as e:
                    raise WriteOutcomeUnknown(
                        f"registry {shown_url(self.url)}: {doing}: the commit was sent but its reply was "
                        f"lost ({describe(e)}); the write may or may not be recorded",
                        help="look before retrying: `casegate history CASE` or `casegate log verify` "
                             "shows whether it was recorded") from None

    def _append(self, conn: sa.Connection, size: int,
                items: Sequence[tuple[str, str | None, dict[str, Any], bytes]]) -> list[LogEntry]:
        """Append (kind, case_id, plain payload, its canonical bytes) items at `size` inside the
        caller's write transaction; returns the new entries."""
        if not items:
            return []
        fr = mk.frontier_nodes(size)
        have = self._nodes(conn, fr)
        frontier = [have[n] for n in fr]
        at = _now()
        rows: list[tuple[Any, ...]] = []
        out: list[LogEntry] = []
        # entry_bytes() inlined: the kind, case id and time are encoded once per batch
        tail = b',"recorded_at":' + json_string(at) + b"}"
        heads: dict[tuple[str, str | None], tuple[bytes, bytes]] = {}
        sha256, join = hashlib.sha256, b"".join
        idx = size
        for kind, case_id, plain, payload in items:
            h = heads.get((kind, case_id))
            if h is None:
                h = heads[(kind, case_id)] = (b'{"case_id":' + json_string(case_id) + b',"index":',
                                              b',"kind":' + json_string(kind) + b',"payload":')
            leaf = sha256(b"\x00" + h[0] + str(idx).encode() + h[1] + payload + tail).digest()
            # append_leaf() inlined: the nodes this leaf completes, level 0 upward
            done = [leaf]
            node = leaf
            j = idx
            while j & 1:
                node = sha256(b"\x01" + frontier.pop() + node).digest()
                done.append(node)
                j >>= 1
            frontier.append(node)
            rows.append((idx, kind, case_id, payload.decode(), at, join(done)))
            out.append(LogEntry(idx, kind, case_id, plain, at, leaf))
            idx += 1
        if self._pg and len(rows) > 16:
            # COPY is PostgreSQL's bulk path (many times faster than row-by-row INSERTs)
            raw = conn.connection.dbapi_connection
            assert raw is not None
            with raw.cursor() as cur, cur.copy(  # type: ignore[attr-defined]
                    "COPY log_entries (idx, kind, case_id, payload, recorded_at, hashes) FROM STDIN") as cp:
                for r in rows:
                    cp.write_row(r)
        else:
            conn.exec_driver_sql(self._sql_insert, rows)
        conn.execute(log_head.update().where(log_head.c.id == 1).values(size=size + len(items)))
        return out

    def _placeholders(self, n: int) -> str:
        return ", ".join([self._mark] * n)

    def _nodes(self, conn: sa.Connection | Any, nodes: Iterable[mk.Node], *, cached: bool = True) -> dict[mk.Node, bytes]:
        """The stored hash of each complete tree node (read straight from the entries'
        `hashes` column: node (level, i) is stored with leaf ((i + 1) << level) - 1).

        Nodes of level >= CACHE_MIN_LEVEL are kept in a per-registry cache once read: a
        complete node never changes, and `verify_log` never uses the cache."""
        out: dict[mk.Node, bytes] = {}
        cache = self._node_cache if cached else {}
        missing = []
        for n in set(nodes):
            h = cache.get(n)
            if h is None:
                missing.append(n)
            else:
                out[n] = h
        if not missing:
            return out
        ids = sorted({mk.owner_row(n) for n in missing})
        blobs_by_row: dict[int, bytes] = {}
        cur = _dbapi(conn).cursor()
        try:
            if self._pg:  # one statement text, so psycopg prepares it once
                cur.execute("SELECT idx, hashes FROM log_entries WHERE idx = ANY(%s)", (ids,))
                for idx, h in cur.fetchall():
                    blobs_by_row[int(idx)] = bytes(h)
            for chunk in range(0, len(ids) if not self._pg else 0, 500):
                part = ids[chunk:chunk + 500]
                cur.execute(f"SELECT idx, hashes FROM log_entries WHERE idx IN ({self._placeholders(len(part))})",
                            tuple(part))
                for idx, h in cur.fetchall():
                    blobs_by_row[int(idx)] = bytes(h)
        finally:
            cur.close()
        size = mk.HASH_SIZE
        for n in missing:
            level = n[0]
            blob = blobs_by_row.get(mk.owner_row(n))
            if blob is None or len(blob) < (level + 1) * size:
                raise StoreError(f"the stored tree is damaged: entry {mk.owner_row(n)} or its hashes are missing",
                                 help="run `casegate log verify` to see what was altered")
            h = blob[level * size:(level + 1) * size]
            out[n] = h
            if level >= CACHE_MIN_LEVEL:
                if len(cache) >= CACHE_MAX_NODES:
                    cache.clear()
                cache[n] = h
        return out

    def _raw_size(self, conn: sa.Connection | Any) -> int:
        self._last_size = None
        cur = _dbapi(conn).cursor()
        try:
            cur.execute("SELECT size FROM log_head WHERE id = 1")
            row = cur.fetchone()
            if row is None:
                raise StoreError("the registry has no log head row", help="the registry was altered")
            self._last_size = int(row[0])
            return self._last_size
        finally:
            cur.close()

    # --- the log ------------------------------------------------------------------------

    def record(self, kind: str, case_id: str | None, payload: Mapping[str, Any]) -> LogEntry:
        """Append one event to the log and return it (with its index and leaf hash)."""
        return self.record_many([(kind, case_id, payload)])[0]

    def record_many(self, events: Iterable[tuple[str, str | None, Mapping[str, Any]]]) -> list[LogEntry]:
        """Append a batch of (kind, case_id, payload) events in one transaction: all or none."""
        items = []
        for kind, case_id, payload in events:
            if kind not in _KINDS_SEEN:
                _check_kind(kind)
            if case_id is not None and not isinstance(case_id, str):
                raise InputError(f"a case id must be a string, not {type(case_id).__name__}")
            items.append((kind, case_id, *normalise_payload(payload)))
        with self._write("recording events") as (conn, size):
            return self._append(conn, size, items)

    def size(self) -> int:
        """Number of entries in the log."""
        with self._read("reading the log size") as conn:
            return int(conn.execute(sa.select(log_head.c.size)).scalar_one())

    def origin(self) -> str:
        """This log's checkpoint origin line."""
        with self._read("reading the log origin") as conn:
            return str(conn.execute(sa.select(log_meta.c.value).where(log_meta.c.key == "origin")).scalar_one())

    @staticmethod
    def _entry(row: Any) -> LogEntry:
        return LogEntry(int(row.idx), row.kind, row.case_id, json.loads(row.payload), row.recorded_at,
                        bytes(row.hashes[:mk.HASH_SIZE]))

    def entry(self, index: int) -> LogEntry:
        """The entry at `index`; InputError when there is none."""
        with self._read("reading an entry") as conn:
            row = conn.execute(sa.select(log_entries).where(log_entries.c.idx == index)).first()
        if row is None:
            raise InputError(f"the log has no entry {index}", help="see `casegate log verify` for its size")
        return self._entry(row)

    def events(self, case_id: str | None = None, kind: str | None = None) -> list[LogEntry]:
        """Entries in log order, optionally only those about `case_id` and/or of `kind`."""
        q = sa.select(log_entries).order_by(log_entries.c.idx)
        if case_id is not None:
            q = q.where(log_entries.c.case_id == case_id)
        if kind is not None:
            q = q.where(log_entries.c.kind == kind)
        with self._read("reading events") as conn:
            return [self._entry(r) for r in conn.execute(q)]

    def root(self, tree_size: int | None = None) -> bytes:
        """The RFC 9162 root hash of the first `tree_size` entries (default: all)."""
        with self._read("computing the root") as conn:
            size = self._size(conn)
            n = size if tree_size is None else tree_size
            self._check_size(n, size)
            return self._root(conn, n)

    def _size(self, conn: sa.Connection) -> int:
        return int(conn.execute(sa.select(log_head.c.size)).scalar_one())

    @staticmethod
    def _check_size(n: int, size: int) -> None:
        if not 0 <= n <= size:
            raise InputError(f"tree size {n} is out of range: the log has {size} entries")

    def _root(self, conn: sa.Connection, n: int) -> bytes:
        fr = mk.frontier_nodes(n)
        nodes = self._nodes(conn, fr)
        return mk.fold([nodes[x] for x in fr])

    @contextmanager
    def _plain(self, doing: str) -> Iterator[Any]:
        """A driver connection for reads that need no snapshot: the size only grows and the
        nodes of a committed size never change, so reading the size and then its nodes is
        consistent. SQLite: a reader connection kept per thread (no pool round trip per proof);
        PostgreSQL: a pooled connection in autocommit mode (no transaction to end)."""
        with store_errors(self.url, doing):
            if not self._pg and self._sqlite_path is not None:
                reader = getattr(self._readers, "conn", None)
                if reader is None:
                    import sqlite3

                    where = f"file:{self._sqlite_path}?mode=ro" if self.readonly else self._sqlite_path
                    reader = sqlite3.connect(where, timeout=30, isolation_level=None,
                                             check_same_thread=False, uri=self.readonly)
                    reader.execute("PRAGMA cache_size=-65536")
                    reader.execute("PRAGMA mmap_size=268435456")
                    self._readers.conn = reader
                    self._reader_list.append(reader)
                yield reader
                return
            with self.engine.connect() as conn:
                if self._pg:
                    conn = conn.execution_options(isolation_level="AUTOCOMMIT")
                yield conn

    def prove_inclusion(self, index: int, tree_size: int | None = None) -> mk.InclusionProof:
        """RFC 9162 inclusion proof of entry `index` in the tree of `tree_size` (default: all)."""
        with self._plain("proving inclusion") as conn:
            if self._pg:
                quick = self._pg_inclusion(conn, index, tree_size)
                if quick is not None:
                    return quick
            size = self._raw_size(conn)
            n = size if tree_size is None else tree_size
            self._check_size(n, size)
            if not 0 <= index < n:
                raise InputError(f"entry {index} is not in the tree of size {n}")
            spec = mk.inclusion_spec(index, n)
            root = self._roots.get(n)
            want = mk.needed(spec)
            want.add((0, index))
            if root is None:
                fr = mk.frontier_nodes(n)
                want.update(fr)
            nodes = self._nodes(conn, want)
            if root is None:
                root = mk.fold([nodes[x] for x in fr])
                if len(self._roots) > 1024:
                    self._roots.clear()
                self._roots[n] = root  # the root of a committed size never changes
        return mk.InclusionProof(index, n, nodes[(0, index)], tuple(mk.resolve(spec, nodes)), root)

    def _pg_inclusion(self, conn: Any, index: int, tree_size: int | None) -> mk.InclusionProof | None:
        """PostgreSQL in one round trip: guess the size (the one asked for, or the last one
        seen), read the log size and the guessed tree's nodes in one statement, and keep the
        result only if the guess was right. None means: take the ordinary path."""
        n = tree_size if tree_size is not None else self._last_size
        if n is None or not 0 <= index < n:
            return None
        spec = mk.inclusion_spec(index, n)
        fr = mk.frontier_nodes(n)
        want = mk.needed(spec) | set(fr) | {(0, index)}
        cache = self._node_cache
        nodes = {x: cache[x] for x in want if x in cache}
        ids = sorted({mk.owner_row(x) for x in want if x not in nodes})
        cur = _dbapi(conn).cursor()
        try:
            cur.execute("SELECT -1 - size, NULL FROM log_head WHERE id = 1 UNION ALL "
                        "SELECT idx, hashes FROM log_entries WHERE idx = ANY(%s)", (ids,))
            rows = cur.fetchall()
        finally:
            cur.close()
        size = next((-1 - int(r[0]) for r in rows if r[0] < 0), None)
        if size is None:
            return None
        self._last_size = size
        if n > size or (tree_size is None and n != size):
            return None
        blobs_by_row = {int(r[0]): bytes(r[1]) for r in rows if r[0] >= 0}
        for x in want:
            if x in nodes:
                continue
            blob = blobs_by_row.get(mk.owner_row(x), b"")
            if len(blob) < (x[0] + 1) * mk.HASH_SIZE:
                return None  # let the ordinary path report the damage
            nodes[x] = blob[x[0] * mk.HASH_SIZE:(x[0] + 1) * mk.HASH_SIZE]
            if x[0] >= CACHE_MIN_LEVEL and len(cache) < CACHE_MAX_NODES:
                cache[x] = nodes[x]
        return mk.InclusionProof(index, n, nodes[(0, index)], tuple(mk.resolve(spec, nodes)),
                                 mk.fold([nodes[x] for x in fr]))

    def prove_consistency(self, old_size: int, new_size: int | None = None) -> mk.ConsistencyProof:
        """RFC 9162 consistency proof from the tree of `old_size` to that of `new_size`."""
        with self._plain("proving consistency") as conn:
            size = self._raw_size(conn)
            n = size if new_size is None else new_size
            self._check_size(n, size)
            if not 0 < old_size <= n:
                raise InputError(f"no consistency proof from size {old_size} to size {n}",
                                 help="the old size must be between 1 and the new size")
            spec = mk.consistency_spec(old_size, n)
            fo, fn = mk.frontier_nodes(old_size), mk.frontier_nodes(n)
            nodes = self._nodes(conn, mk.needed(spec) | set(fo) | set(fn))
        return mk.ConsistencyProof(old_size, n, mk.fold([nodes[x] for x in fo]),
                                   mk.fold([nodes[x] for x in fn]), tuple(mk.resolve(spec, nodes)))

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
            when = int((at or dt.datetime.now(dt.UTC)).timestamp())
            cp = sign_checkpoint(org, size, root, key, extensions=(f"{TIME_EXTENSION}{when}",))
            text = cp.text()
            conn.execute(checkpoints.insert().values(
                tree_size=size, root=root, origin=org, key_name=cp.signatures[0].name,
                public_key=raw_public(key.public_key()), note=text, created_at=_now()))
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

    # --- cases --------------------------------------------------------------------------

    def submit_case(self, loaded: Loaded) -> CaseVersionRecord:
        """Store an immutable version of a loaded case (every file's bytes, evidence items and
        artifact digests) and log a 'case-version' event. Submitting bytes identical to an
        existing version returns that version and logs nothing."""
        case = loaded.case
        if case is None:
            raise InputError("the case does not validate, so it cannot be submitted",
                             location=loaded.case_path, help="run `casegate check` and fix the CG900 findings")
        files, evidence = _collect(loaded)
        main = files[0][0]
        digest = _case_digest(main, {p: h for p, _r, h, _b in files})
        policy_ref = case.policy
        with self._write("submitting a case") as (conn, size):
            existing = conn.execute(sa.select(case_versions.c.number).where(
                case_versions.c.case_id == case.id, case_versions.c.digest == digest)).first()
            if existing is not None:
                number = int(existing.number)
            else:
                now = _now()
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
        return self.case_version(case.id, number, contents=False)

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
        order = {"case": 0, "include": 1, "policy": 2, "artifact": 3}
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
        """A state proof of the case under the newest stored checkpoint (see `_proof.py`), and
        every reason the registry cannot vouch for the case's state: no checkpoint, a case the
        log does not know, entries of the case newer than the checkpoint, or a `cases` row that
        is missing or is not what the log replays to. The proof is None only when there is no
        checkpoint."""
        from ._proof import PROOF_KINDS, STATE_PROOF_VERSION, entry_json, replay

        problems: list[str] = []
        with self._read("making a state proof") as conn:
            cp_row = conn.execute(sa.select(checkpoints.c.note, checkpoints.c.tree_size)
                                  .order_by(checkpoints.c.id.desc()).limit(1)).first()
            rows = conn.execute(sa.select(log_entries).where(
                log_entries.c.case_id == case_id, log_entries.c.kind.in_(PROOF_KINDS)
            ).order_by(log_entries.c.idx)).all()
            row = conn.execute(sa.select(cases.c.state, cases.c.restricted_to)
                               .where(cases.c.case_id == case_id)).first()
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
        size = int(cp_row.tree_size)
        late = [e.index for e in entries if e.index >= size]
        if late:
            problems.append(f"{len(late)} log entr{'y' if len(late) == 1 else 'ies'} of case {case_id} "
                            f"(from entry {late[0]}) are newer than the latest checkpoint (size {size}): "
                            "the log must sign a checkpoint that covers them (`casegate log checkpoint`)")
        proved = [entry_json(e, self.prove_inclusion(e.index, size).path) for e in entries if e.index < size]
        proof = {"casegate": STATE_PROOF_VERSION, "kind": "state-proof", "case_id": case_id,
                 "checkpoint": str(cp_row.note), "entries": proved}
        return proof, problems

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
        with self._read("verifying the log") as conn:
            size = self._size(conn)
            origin = str(conn.execute(sa.select(log_meta.c.value).where(log_meta.c.key == "origin")).scalar_one())
            cps = conn.execute(sa.select(checkpoints).order_by(checkpoints.c.id)).all()
            want = {int(c.tree_size) for c in cps}
            if trusted is not None:
                want.add(trusted.tree_size)
            roots: dict[int, bytes] = {0: mk.EMPTY_ROOT} if 0 in want else {}
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
                if expected in want:
                    roots[expected] = mk.fold(frontier)
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
            for c in cps:
                _check_stored_checkpoint(c, roots, size, key, origin)
                report.checkpoints_checked += 1
            if cps:
                report.checkpoint_size = int(cps[-1].tree_size)
                report.notes.extend(_rollback_notes(cps))
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


def _dbapi(conn: sa.Connection | Any) -> Any:
    """The driver connection behind an SQLAlchemy connection (or the driver connection itself)."""
    return conn.connection.dbapi_connection if isinstance(conn, sa.Connection) else conn


def _check_stored_checkpoint(c: Any, roots: dict[int, bytes], size: int, key: Ed25519PublicKey | None,
                             origin: str) -> None:
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


def _check_records(conn: sa.Connection) -> str:
    """Check what the registry keeps beside the log against the log: every case version
    against the 'case-version' entry that recorded it, every stored file's bytes against their
    sha256, and every case's state against its last 'state-change' entry."""
    nv = 0
    for v in conn.execute(sa.select(case_versions).order_by(case_versions.c.id)).all():
        ref = f"{v.case_id}@{v.number}"
        e = conn.execute(sa.select(log_entries).where(log_entries.c.idx == v.log_index)).first()
        if e is None or e.kind != "case-version" or e.case_id != v.case_id:
            raise VerificationError(f"case version {ref} does not match log entry {v.log_index}, which should record it")
        logged = json.loads(e.payload)
        if logged.get("version") != v.number or logged.get("digest") != v.digest:
            raise VerificationError(f"case version {ref}: its number or digest differs from log entry {v.log_index}")
        files = {r.path: r.sha256 for r in conn.execute(
            sa.select(case_files.c.path, case_files.c.sha256).where(case_files.c.version_id == v.id))}
        if files != logged.get("files") or _case_digest(v.main_path, files) != v.digest:
            raise VerificationError(f"case version {ref}: its stored files differ from those logged in entry {v.log_index}")
        arts = {r.evidence_id: {"artifact": r.artifact, "sha256": r.artifact_sha256} for r in conn.execute(
            sa.select(evidence_items).where(evidence_items.c.version_id == v.id))}
        if arts != logged.get("evidence"):
            raise VerificationError(f"case version {ref}: its evidence items differ from those logged in entry {v.log_index}")
        nv += 1
    nb = 0
    for sha, content in conn.execution_options(yield_per=200).execute(sa.select(blobs.c.sha256, blobs.c.content)):
        if hashlib.sha256(bytes(content)).hexdigest() != sha:
            raise VerificationError(f"the stored bytes of a case file (sha256 {sha[:16]}...) were altered")
        nb += 1
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


def _rollback_notes(cps: Sequence[Any]) -> list[str]:
    sizes = [int(c.tree_size) for c in cps]
    return ["checkpoints were issued out of order (a later one is smaller)"] if sizes != sorted(sizes) else []


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


# --- submitting: files, digest, evidence ------------------------------------------------------


FileRow = tuple[str, str, str, bytes]
"""(path relative to the version root, role, sha256, bytes)."""


def _collect(loaded: Loaded) -> tuple[list[FileRow], list[EvidenceRecord]]:
    """Every file of the case (main file first) and its evidence items, with paths relative to
    the folder that holds them all."""
    case = loaded.case
    assert case is not None
    found: list[tuple[Path | str, str]] = []
    for i, f in enumerate(loaded.files):
        found.append((f.abspath, "case" if i == 0 else "include"))
    if loaded.policy_file is not None:
        pf = loaded.policy_file
        found.append((pf.path if pf.path.startswith("builtin:") else pf.abspath, "policy"))
    arts: dict[str, Path] = {}
    for eid in case.evidence:
        p = loaded.artifact_path(eid)
        if p is not None:
            arts[eid] = p
            if p.is_file():
                found.append((p, "artifact"))
    real = [p for p, _ in found if isinstance(p, Path)]
    root = Path(os.path.commonpath([str(p.parent) for p in real]))
    files: list[FileRow] = []
    seen: set[str] = set()
    for where, role in found:
        if isinstance(where, str):
            data, rel = _builtin_bytes(where), where
        else:
            try:
                data = where.read_bytes()
            except OSError as e:
                raise InputError(f"cannot read {where}: {e.strerror}") from None
            rel = where.relative_to(root).as_posix()
        if rel in seen:
            continue
        seen.add(rel)
        files.append((rel, role, hashlib.sha256(data).hexdigest(), data))
    digests = {p: h for p, _r, h, _b in files}
    for f in loaded.files:
        if digests.get(f.abspath.relative_to(root).as_posix()) != f.sha256:
            raise InputError("the file changed on disk after it was loaded", location=f.path,
                             help="submit again")
    evidence = []
    for eid, ev in case.evidence.items():
        ap = arts.get(eid)
        rel_art: str | None = None
        sha: str | None = None
        if ap is not None:
            rel_art = ap.relative_to(root).as_posix() if ap.is_file() else ev.artifact
            sha = digests.get(rel_art) if ap.is_file() and rel_art is not None else None
        evidence.append(EvidenceRecord(
            eid, str(getattr(ev.kind, "value", ev.kind)), ev.producer, ev.date.isoformat(),
            ev.expires.isoformat() if ev.expires else None,
            str(getattr(ev.confidentiality, "value", ev.confidentiality)), rel_art, ev.sha256, sha))
    return files, evidence


def _builtin_bytes(ref: str) -> bytes:
    from importlib import resources

    name = ref.split(":", 1)[1]
    return (resources.files("casegate.load") / "builtin" / f"{name}.yaml").read_bytes()


def _case_digest(main: str, files: Mapping[str, str]) -> str:
    """sha256 of the RFC 8785 JSON of {main, files: {path: sha256}}."""
    return hashlib.sha256(rfc8785.dumps({"main": main, "files": dict(files)})).hexdigest()
