"""The append-only Merkle log: writing entries under the locked head, reading them back, and
RFC 9162 inclusion and consistency proofs.

Every write goes through one transaction that first locks the log head (SQLite: BEGIN
IMMEDIATE; PostgreSQL: SELECT ... FOR UPDATE on the head row), assigns the next indices,
writes the entries with their leaf and completed-node hashes, and moves the head. Two writers
therefore never fork the tree, and an entry is either fully recorded or not at all.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, Self

import sqlalchemy as sa

from ..errors import InputError, StoreError, WriteOutcomeUnknown
from . import _clock
from . import _merkle as mk
from ._canonical import json_string, normalise_payload
from ._engine import describe, shown_url, store_errors
from ._listen import CHANNEL, LISTEN_AFTER, SizeListener
from ._records import LogEntry
from ._schema import (
    log_entries,
    log_head,
    log_meta,
)
from ._tiles import TileCache

CACHE_MIN_LEVEL = 4
"""Complete nodes at this level or above (16+ leaves) are cached once read."""
CACHE_MAX_NODES = 1 << 18
"""The node cache is emptied when it reaches this many nodes (about 30 MB)."""
PROOF_CACHE_BYTES = 64 << 20
"""The bound of each registry's tile cache for inclusion proofs (see `_tiles`): 64 MiB keeps
every node of a log of about a million entries (a full tile is 16 KiB for 256 entries)."""

_PG_SIZE = (b"casegate_log_size", b"SELECT size::int8 FROM log_head WHERE id = 1")
_PG_ROWS = (b"casegate_log_rows",
            b"SELECT idx::int8, hashes FROM log_entries WHERE idx = ANY($1::int8[]) UNION ALL "
            b"SELECT idx::int8, hashes FROM log_entries WHERE idx >= $2::int8 AND idx < $3::int8 UNION ALL "
            b"SELECT idx::int8, hashes FROM log_entries WHERE idx >= $4::int8 AND idx < $5::int8")
"""Prepared statements of the proof paths (binary results: int8, bytea)."""

_KIND_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789-_.")


_KINDS_SEEN: set[str] = set()


def _check_kind(kind: str) -> None:
    if not kind or not isinstance(kind, str) or not set(kind) <= _KIND_CHARS or len(kind) > 64:
        raise InputError(f"event kind {kind!r} is not a short lowercase name",
                         help="use names like 'decision', 'signoff', 'incident'")
    if len(_KINDS_SEEN) < 1000:
        _KINDS_SEEN.add(kind)


class Log:
    """The log half of a registry: entries, proofs and the connections they use."""

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
        self._proof_cache = TileCache(PROOF_CACHE_BYTES)
        self._tails: dict[tuple[int, int], tuple[bytes, ...]] = {}
        """(tree size, frontier subtree) -> the part of an inclusion path above that subtree
        (the same for every leaf in it): the fold of the subtrees right of it, then those left."""
        self._listener: SizeListener | None = None
        self._current_reads = 0
        self._appended = threading.local()
        """`size`: the log size this thread's write transaction appended up to (None: none yet)."""
        self._listen_lock = threading.Lock()
        self._tx = threading.local()
        """`conn`: the connection of this thread's `atomic` block (None: none open)."""
        # SQLite takes a payload as its UTF-8 bytes and stores them as text (CAST), as it would
        # store the decoded string: a payload of megabytes is not decoded only to be encoded again
        self._payload_bytes = engine.dialect.name == "sqlite"
        payload_mark = "CAST(? AS TEXT)" if self._payload_bytes else self._mark
        self._sql_insert = ("INSERT INTO log_entries (idx, kind, case_id, payload, recorded_at, hashes) "
                            f"VALUES ({self._mark}, {self._mark}, {self._mark}, {payload_mark}, {self._mark}, "
                            f"{self._mark})")

    # --- plumbing ------------------------------------------------------------------------

    def close(self) -> None:
        if self._listener is not None:
            self._listener.close()
            self._listener = None
        for r in self._reader_list:
            r.close()
        self._reader_list.clear()
        self._readers = threading.local()
        self.engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def atomic(self, doing: str) -> Iterator[None]:
        """One write transaction for everything recorded inside the block (on this thread): every
        write and read in it goes through the same connection, holding the log head, so what is
        read is what the block wrote so far and no other writer appends in between; it commits
        at the end, or records nothing when the block raises. Nested blocks join the outer one."""
        if getattr(self._tx, "conn", None) is not None:
            yield
            return
        try:
            with self._write(doing) as (conn, _size):
                self._tx.conn = conn
                try:
                    yield
                finally:
                    self._tx.conn = None
        except BaseException:
            # nodes read inside the block may be of entries that were never committed
            self._node_cache.clear()
            self._drop_proof_cache()
            raise

    @contextmanager
    def _read(self, doing: str) -> Iterator[sa.Connection]:
        joined = getattr(self._tx, "conn", None)
        if joined is not None:  # inside `atomic`: read what the block wrote
            yield joined
            return
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
        joined = getattr(self._tx, "conn", None)
        if joined is not None:  # inside `atomic`: the block's transaction holds the head already
            with store_errors(self.url, doing):
                # a savepoint: a write refused part way (and caught) leaves nothing in the block
                point = joined.begin_nested()
                was = getattr(self._appended, "size", None)
                try:
                    yield joined, int(joined.execute(sa.select(log_head.c.size)
                                                     .where(log_head.c.id == 1)).scalar_one())
                except BaseException:
                    point.rollback()
                    self._appended.size = was
                    self._node_cache.clear()
                    self._drop_proof_cache()
                    raise
                point.commit()
            return
        with store_errors(self.url, doing):
            with self.engine.connect().execution_options(casegate_write=True) as conn:
                trans = conn.begin()
                self._appended.size = None
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
                new_size = self._appended.size
                if new_size is not None and self._listener is not None:
                    self._listener.advance(new_size)  # read-your-writes before our notification

    def _append(self, conn: sa.Connection, size: int,
                items: Sequence[tuple[str, str | None, dict[str, Any], bytes]]) -> list[LogEntry]:
        """Append (kind, case_id, plain payload, its canonical bytes) items at `size` inside the
        caller's write transaction; returns the new entries."""
        if not items:
            return []
        fr = mk.frontier_nodes(size)
        have = self._nodes(conn, fr)
        frontier = [have[n] for n in fr]
        at = _clock._now()  # one clock, read through its module (tests set it there)
        rows: list[tuple[Any, ...]] = []
        out: list[LogEntry] = []
        # entry_bytes() inlined: the kind, case id and time are encoded once per batch
        tail = b',"recorded_at":' + json_string(at) + b"}"
        heads: dict[tuple[str, str | None], tuple[bytes, bytes]] = {}
        sha256, join = hashlib.sha256, b"".join
        as_bytes = self._payload_bytes
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
            rows.append((idx, kind, case_id, payload if as_bytes else payload.decode(), at, join(done)))
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
        if self._pg:  # the new size is announced to listening registries when this commits
            conn.exec_driver_sql(f"UPDATE log_head SET size = %(size)s WHERE id = 1 "
                                 f"RETURNING pg_notify('{CHANNEL}', size::text)", {"size": size + len(items)})
        else:
            conn.execute(log_head.update().where(log_head.c.id == 1).values(size=size + len(items)))
        self._appended.size = size + len(items)
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
        """The log size the database holds now (and the proof cache learns it)."""
        if self._pg and not isinstance(conn, sa.Connection):
            rows = self._pg_query(conn, _PG_SIZE, [])
            size = int.from_bytes(rows[0][0], "big", signed=True) if rows and rows[0][0] is not None else None
        else:
            cur = _dbapi(conn).cursor()
            try:
                cur.execute("SELECT size FROM log_head WHERE id = 1")
                row = cur.fetchone()
            finally:
                cur.close()
            size = None if row is None else int(row[0])
        if size is None:
            raise StoreError("the registry has no log head row", help="the registry was altered")
        if size < self._proof_cache.size:  # the log shrank (altered or replaced): forget its roots
            self._roots.clear()
            self._tails.clear()
            self._node_cache.clear()
        self._proof_cache.saw_size(size)
        return size

    def _rows(self, conn: Any, ids: Sequence[int], ranges: Sequence[tuple[int, int]] = ()) -> dict[int, bytes]:
        """The stored `hashes` of each row that exists among `ids` and in the ranges [start, end)
        (one round trip on PostgreSQL)."""
        out: dict[int, bytes] = {}
        if self._pg:
            def array(xs: Iterable[int]) -> bytes:
                return ("{" + ",".join(map(str, xs)) + "}").encode()

            # two ranges per statement (a proof needs at most two); plain range scans on the key
            # whatever the planner knows of the table
            spans = [str(x).encode() for r in ranges for x in r]
            while not spans or len(spans) % 4:
                spans.append(b"0")  # an empty range
            for at in range(0, len(spans), 4):
                for idx, h in self._pg_query(conn, _PG_ROWS, [array(ids if not at else ()), *spans[at:at + 4]]):
                    if idx is not None and h is not None:
                        out[int.from_bytes(idx, "big", signed=True)] = h
            return out
        cur = _dbapi(conn).cursor()
        width = 64 if len(ids) <= 64 else 256
        sql = f"SELECT idx, hashes FROM log_entries WHERE idx IN ({self._placeholders(width)})"
        calls: list[tuple[str, Sequence[int]]] = [
            ("SELECT idx, hashes FROM log_entries WHERE idx >= ? AND idx < ?", r) for r in ranges]
        for chunk in range(0, len(ids), width):
            part = list(ids[chunk:chunk + width])
            part += part[-1:] * (width - len(part))  # one statement text: prepared once
            calls.append((sql, part))
        try:
            for text, args in calls:
                cur.execute(text, args)
                for idx, h in cur.fetchall():
                    if type(h) is bytes:
                        out[idx] = h
                    elif isinstance(h, bytearray | memoryview):
                        out[int(idx)] = bytes(h)
        finally:
            cur.close()
        return out

    def _pg_query(self, conn: Any, stmt: tuple[bytes, bytes], params: Sequence[bytes]) -> list[tuple[Any, ...]]:
        """Run one of the proof paths' statements straight through libpq: prepared once per
        reader connection, parameters as text, results in binary, with none of the driver's
        per-query Python work (which costs more than the round trip itself)."""
        import psycopg
        from psycopg import pq

        pgconn = conn.pgconn
        prepared: tuple[Any, set[bytes]] | None = getattr(self._readers, "pg_prepared", None)
        if prepared is None or prepared[0] is not conn:
            prepared = self._readers.pg_prepared = (conn, set())
        if stmt[0] not in prepared[1]:
            res = pgconn.prepare(stmt[0], stmt[1])
            if res.status != pq.ExecStatus.COMMAND_OK:
                raise psycopg.errors.error_from_result(res, encoding=conn.info.encoding)
            prepared[1].add(stmt[0])
        res = pgconn.exec_prepared(stmt[0], list(params), result_format=pq.Format.BINARY)
        if res.status != pq.ExecStatus.TUPLES_OK:
            raise psycopg.errors.error_from_result(res, encoding=conn.info.encoding)
        get, width = res.get_value, res.nfields
        out = [tuple(get(i, j) for j in range(width)) for i in range(res.ntuples)]
        res.clear()
        return out

    def _drop_proof_cache(self) -> None:
        """Forget every node and root read for proofs (the next proofs read them again)."""
        self._proof_cache.clear()
        self._roots.clear()
        self._tails.clear()

    def _proof_nodes(self, conn: Any, want: Iterable[mk.Node], *, tiles: bool = True) -> dict[mk.Node, bytes]:
        """The stored hash of each node in `want` (all complete in a tree of at most the proof
        cache's size): from the proof cache, the rest in one read, which with `tiles` also reads
        (or extends) the whole tiles holding them into the cache."""
        cache = self._proof_cache
        get = cache.get
        out: dict[mk.Node, bytes] = {}
        missing = []
        for x in want:
            h = get(x)
            if h is None:
                missing.append(x)
            else:
                out[x] = h
        if not missing:
            return out
        plans, ids, ranges = cache.plan(missing) if tiles else ([], [], [])
        more = {r for r in map(mk.owner_row, missing) if not any(a <= r < b for a, b in ranges)}
        rows = self._rows(conn, sorted(more.union(ids)), ranges)
        cache.install(plans, rows)
        hs = mk.HASH_SIZE
        for x in missing:
            level = x[0]
            blob = rows.get(mk.owner_row(x))
            if blob is None or len(blob) < (level + 1) * hs:
                raise StoreError(f"the stored tree is damaged: entry {mk.owner_row(x)} or its hashes are missing",
                                 help="run `casegate log verify` to see what was altered")
            out[x] = blob[level * hs:(level + 1) * hs]
        return out

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

    def last_index(self, case_id: str, kinds: Sequence[str]) -> int | None:
        """The log index of the latest entry about `case_id` of one of `kinds`, None when there is
        none: read from the index on (case, kind, index) alone, whatever the log's length."""
        c = log_entries.c
        q = sa.select(sa.func.max(c.idx)).where(c.case_id == case_id, c.kind.in_(list(kinds)))
        with self._read("reading events") as conn:
            got = conn.execute(q).scalar()
        return int(got) if got is not None else None

    def latest(self, case_id: str, kinds: Sequence[str], keep: Callable[[LogEntry], bool] | None = None, *,
               mentioning: Sequence[str] = (), after: int | None = None) -> LogEntry | None:
        """The latest entry about `case_id` of one of `kinds`, after index `after`, that `keep`
        keeps (every one without `keep`); None when there is none. One query, read newest first
        through the index on (case, kind, index), each entry decoded only until one is kept.
        `mentioning`: strings of which the payload of any entry `keep` may keep holds one as a
        JSON string value; the database passes over the others undecoded (a payload is RFC 8785
        JSON, which writes an ASCII string as it is, between quotes)."""
        c = log_entries.c
        q = sa.select(log_entries).where(c.case_id == case_id, c.kind.in_(list(kinds))).order_by(c.idx.desc())
        if after is not None:
            q = q.where(c.idx > after)
        if mentioning:
            q = q.where(sa.or_(*(c.payload.contains(json.dumps(m), autoescape=True) for m in mentioning)))
        with self._read("reading events") as conn:
            for r in conn.execute(q):
                e = self._entry(r)
                if keep is None or keep(e):
                    return e
        return None

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
        consistent. A reader connection is kept per thread (no pool checkout, no transaction to
        begin or end per proof): SQLite's opened on the file, PostgreSQL's taken out of the pool
        in autocommit mode."""
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
            if self._pg:
                reader = getattr(self._readers, "pg", None)
                if reader is None or reader.closed:
                    reader = self._own_connection()  # for this thread; close() closes it
                    self._readers.pg = reader
                    self._reader_list.append(reader)
                try:
                    yield reader
                except BaseException:
                    # a failed read may leave the connection unusable: the next read reconnects
                    self._readers.pg = None
                    with contextlib.suppress(Exception):
                        reader.close()
                    raise
                return
            with self.engine.connect() as conn:
                yield conn

    def entry_range(self, start: int, end: int, *, chunk: int = 4096) -> Iterator[tuple[int, bytes, bytes]]:
        """(index, the entry's RFC 8785 bytes, its stored leaf hash) for entries [start, end), in
        log order, read in chunks (what static tiles are written from). The bytes are rebuilt
        from the stored columns exactly as they were hashed on append; InputError when the log
        has fewer than `end` entries."""
        from ._canonical import entry_bytes

        with self._plain("reading entries") as conn:
            size = self._raw_size(conn)
            if not 0 <= start <= end <= size:
                raise InputError(f"entries [{start}, {end}) are out of range: the log has {size} entries")
            q = ("SELECT idx, kind, case_id, payload, recorded_at, hashes FROM log_entries "
                 f"WHERE idx >= {self._mark} AND idx < {self._mark} ORDER BY idx")
            pos = start
            while pos < end:
                stop = min(end, pos + chunk)
                cur = _dbapi(conn).cursor()
                try:
                    cur.execute(q, (pos, stop))
                    rows = cur.fetchall()
                finally:
                    cur.close()
                for want, (idx, kind, case_id, payload, at, hashes) in enumerate(rows, pos):
                    if int(idx) != want:
                        raise StoreError(f"the stored log is damaged: entry {want} is missing",
                                         help="run `casegate log verify` to see what was altered")
                    yield want, entry_bytes(want, kind, case_id, str(payload).encode(), at), bytes(hashes[:mk.HASH_SIZE])
                if len(rows) != stop - pos:
                    raise StoreError(f"the stored log is damaged: entries {pos}..{stop - 1} are incomplete",
                                     help="run `casegate log verify` to see what was altered")
                pos = stop

    def node_range(self, level: int, start: int, end: int) -> list[bytes]:
        """The stored hashes of the complete tree nodes (level, i) for i in [start, end): node
        (level, i) covers leaves [i << level, (i + 1) << level)."""
        if start >= end:
            return []
        with self._plain("reading tree nodes") as conn:
            size = self._raw_size(conn)
            if start < 0 or end << level > size:
                raise InputError(f"nodes {start}..{end - 1} at level {level} are not complete in a log of {size} entries")
            want = [(level, i) for i in range(start, end)]
            nodes = self._nodes(conn, want)
        return [nodes[n] for n in want]

    def prove_inclusion(self, index: int, tree_size: int | None = None) -> mk.InclusionProof:
        """RFC 9162 inclusion proof of entry `index` in the tree of `tree_size` (default: all).

        A tree size at most the largest this registry has read from the database is answered
        from its proof cache with no round trip once the tiles it needs are read. The current
        size (the default) takes one round trip to learn it; on PostgreSQL a registry that keeps
        answering such proofs listens for appends instead (see `_listen`)."""
        if tree_size is None and self._listener is not None:
            heard = self._listener.heard()
            if heard is not None and 0 <= index < heard <= self._proof_cache.size:
                tree_size = heard
        if tree_size is not None and 0 <= tree_size <= self._proof_cache.size:
            if not 0 <= index < tree_size:
                raise InputError(f"entry {index} is not in the tree of size {tree_size}")
            quick = self._cached_inclusion(index, tree_size)
            if quick is not None:
                return quick
            with self._plain("proving inclusion") as conn:
                return self._inclusion(conn, index, tree_size)
        with self._plain("proving inclusion") as conn:
            size = self._raw_size(conn)  # the proof cache now knows this size
            if tree_size is None and self._pg:
                self._heard_current(conn, size)
            n = size if tree_size is None else tree_size
            self._check_size(n, size)
            if not 0 <= index < n:
                raise InputError(f"entry {index} is not in the tree of size {n}")
            return self._cached_inclusion(index, n) or self._inclusion(conn, index, n)

    def _heard_current(self, conn: Any, size: int) -> None:
        """A current-size proof read the log size `size` through `conn`: confirm it to the
        listener, or start listening once this registry has made `LISTEN_AFTER` such reads."""
        listener = self._listener
        if listener is None or listener.broken:
            self._current_reads += 1
            if self._current_reads < LISTEN_AFTER:
                return
            self._current_reads = 0
            with self._listen_lock:
                if self._listener is not None:
                    self._listener.close()
                listener = self._listener = self._listen()
            if listener is None:
                return
            size = self._raw_size(conn)  # a size read before LISTEN took effect may miss an append
        listener.confirm(size)

    def _listen(self) -> SizeListener | None:
        """A connection of its own LISTENing for appends (None if it cannot be had: proofs
        then keep reading the size)."""
        try:
            raw = self._own_connection()
            raw.execute(f"LISTEN {CHANNEL}")
            return SizeListener(raw)
        except Exception:
            return None

    def _own_connection(self) -> Any:
        """A driver connection taken out of the pool for good (its taker closes it), in
        autocommit mode."""
        pooled = self.engine.raw_connection()
        pooled.detach()
        raw = pooled.dbapi_connection
        if raw is None:
            raise StoreError("registry: no database connection")
        raw.autocommit = True
        return raw

    def _cached_inclusion(self, index: int, n: int) -> mk.InclusionProof | None:
        """The proof of `index` in the tree of `n` (0 <= index < n <= the proof cache's size)
        from the proof cache alone, None when a node is not there: the siblings inside the
        perfect subtree holding the leaf from its tiles, the rest of the path (the same for every
        leaf of that subtree) computed once per size. Equal to `_inclusion`."""
        fr = mk.frontier_nodes(n)
        pos = 0
        for j, (h, _i) in enumerate(fr):  # noqa: B007 (j and h are used after the break)
            if index < pos + (1 << h):
                break
            pos += 1 << h
        got = self._proof_cache.leaf_and_siblings(index, h)
        if got is None:
            return None
        tail = self._tails.get((n, j))
        root = self._roots.get(n)
        if tail is None or root is None:
            get = self._proof_cache.get
            hashes = [get(x) for x in fr]
            if any(x is None for x in hashes):
                return None
            hs: list[bytes] = hashes  # type: ignore[assignment]  # none is None (checked above)
            tail = ((mk.fold(hs[j + 1:]),) if j + 1 < len(hs) else ()) + tuple(reversed(hs[:j]))
            root = self._remember_root(n, mk.fold(hs))
            if len(self._tails) > 4096:
                self._tails.clear()
            self._tails[n, j] = tail
        leaf, path = got
        return mk.InclusionProof(index, n, leaf, (*path, *tail), root)

    def _remember_root(self, n: int, root: bytes) -> bytes:
        """Keep the root of the tree of `n` (the root of a committed size never changes)."""
        if len(self._roots) > 1024:
            self._roots.clear()
        self._roots[n] = root
        return root

    def _inclusion(self, conn: Any, index: int, n: int) -> mk.InclusionProof:
        """The proof of `index` in the tree of `n` (0 <= index < n <= the proof cache's size),
        reading what the proof cache lacks (and the tiles holding it) through `conn`."""
        spec = mk.inclusion_spec(index, n)
        root = self._roots.get(n)
        want = mk.needed(spec)
        want.add((0, index))
        if root is None:
            fr = mk.frontier_nodes(n)
            want.update(fr)
        nodes = self._proof_nodes(conn, want)
        if root is None:
            root = self._remember_root(n, mk.fold([nodes[x] for x in fr]))
        return mk.InclusionProof(index, n, nodes[(0, index)], tuple(mk.resolve(spec, nodes)), root)

    def prove_inclusions(self, indices: Sequence[int], tree_size: int) -> list[mk.InclusionProof]:
        """RFC 9162 inclusion proofs of several entries in the tree of `tree_size`, equal to
        `prove_inclusion` of each, with every stored node they need that the proof cache lacks
        read at once (at most one round trip for the size, one for the nodes, however many
        entries)."""
        if not indices:
            return []
        with self._plain("proving inclusion") as conn:
            if not 0 <= tree_size <= self._proof_cache.size:
                self._check_size(tree_size, self._raw_size(conn))
            for index in indices:
                if not 0 <= index < tree_size:
                    raise InputError(f"entry {index} is not in the tree of size {tree_size}")
            specs = [mk.inclusion_spec(index, tree_size) for index in indices]
            fr = mk.frontier_nodes(tree_size)
            want: set[mk.Node] = set(fr)
            for index, spec in zip(indices, specs, strict=True):
                want |= mk.needed(spec)
                want.add((0, index))
            nodes = self._proof_nodes(conn, want, tiles=False)
        root = mk.fold([nodes[x] for x in fr])
        return [mk.InclusionProof(index, tree_size, nodes[(0, index)], tuple(mk.resolve(spec, nodes)), root)
                for index, spec in zip(indices, specs, strict=True)]

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


def _dbapi(conn: sa.Connection | Any) -> Any:
    """The driver connection behind an SQLAlchemy connection (or the driver connection itself)."""
    return conn.connection.dbapi_connection if isinstance(conn, sa.Connection) else conn

