"""Faults: a writer killed with SIGKILL mid-batch loses nothing it acknowledged; two writers
at once never fork the tree; a full disk or a dropped connection gives a StoreError and leaves
the store consistent."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import sqlalchemy as sa

from casegate.errors import StoreError
from casegate.store import Registry, open_registry

WRITER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from sqlalchemy import event
    from casegate.store import open_registry

    url, tag, batches, batch_size, mode = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
    reg = open_registry(url)
    if mode == "stall":
        # hold the transaction open right after the entries were written (the head moves last),
        # so the kill lands between writing a batch and its COMMIT
        count = {"n": 0}
        @event.listens_for(reg.engine, "after_cursor_execute")
        def stall(conn, cursor, statement, params, context, executemany):
            if statement.lstrip().upper().startswith("UPDATE LOG_HEAD"):
                count["n"] += 1
                if count["n"] == 6:
                    print("inside", flush=True)
                    time.sleep(60)
    if mode == "barrier":
        barrier = Path(sys.argv[6])
        print("ready", tag, flush=True)  # the test opens the barrier once both writers are here
        while not barrier.exists():
            time.sleep(0.01)
    n = 0
    for b in range(batches):
        size = batch_size if batch_size > 0 else 1 + b % 7
        entries = reg.record_many([("trigger", None, {"writer": tag, "n": n + i, "pad": "x" * 300})
                                   for i in range(size)])
        n += size
        print("ack", tag, " ".join(str(e.index) for e in entries), flush=True)
        if mode == "barrier":
            if b == 0:
                # neither writer goes on past its first batch until the other has written one, so
                # the two really interleave however the machine schedules them
                barrier.with_name(barrier.name + "." + tag).touch()
                deadline = time.monotonic() + 60
                while len(list(barrier.parent.glob(barrier.name + ".*"))) < 2 and time.monotonic() < deadline:
                    time.sleep(0.005)
            time.sleep(0.003)  # let the other writer in (SQLite's busy handler backs off)
""")


def start_writer(url: str, tag: str, batches: int, batch_size: int, mode: str = "run",
                 barrier: Path | None = None) -> subprocess.Popen[str]:
    args = [sys.executable, "-c", WRITER, url, tag, str(batches), str(batch_size), mode]
    if barrier is not None:
        args.append(str(barrier))
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def acked(lines: list[str], tag: str) -> list[int]:
    out: list[int] = []
    for line in lines:
        parts = line.split()
        if len(parts) >= 3 and parts[0] == "ack" and parts[1] == tag:
            out.extend(int(x) for x in parts[2:])
    return out


def check_acknowledged(reg: Registry, tag: str, indices: list[int]) -> None:
    by_index = {e.index: e for e in reg.events(kind="trigger")}
    for n, i in enumerate(indices):
        assert i in by_index, f"acknowledged entry {i} was lost"
        assert by_index[i].payload["writer"] == tag and by_index[i].payload["n"] == n


@pytest.mark.parametrize("mode", ["run", "stall"])
def test_kill_9_mid_batch_loses_no_acknowledged_entry(database_url: str, log_key: Path, mode: str) -> None:
    reg = open_registry(database_url)
    reg.record("decision", None, {"before": True})
    reg.checkpoint(log_key)
    proc = start_writer(database_url, "w", 10_000, 40, mode)
    lines: list[str] = []
    assert proc.stdout is not None
    while True:
        line = proc.stdout.readline()
        assert line, f"the writer ended early: {proc.stderr.read() if proc.stderr else ''}"
        lines.append(line)
        if (mode == "run" and len(lines) >= 15) or line.startswith("inside"):
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    got = acked(lines, "w")
    assert got, "the writer acknowledged nothing"
    reg.close()
    reg = open_registry(database_url)  # 'restart'
    check_acknowledged(reg, "w", got)
    size = reg.size()
    assert size >= got[-1] + 1
    if mode == "stall":
        # the batch in flight was not committed: nothing of it is visible
        assert size == got[-1] + 1
    reg.verify_log(reg.checkpoints()[0], Path(str(log_key) + ".pub"))
    reg.record("decision", None, {"after": True})
    reg.checkpoint(log_key)
    reg.verify_log(reg.checkpoints()[0], Path(str(log_key) + ".pub"))
    reg.close()


def test_two_writers_never_fork_the_tree(database_url: str, tmp_path: Path, log_key: Path) -> None:
    reg = open_registry(database_url)
    reg.record("decision", None, {"start": True})
    barrier = tmp_path / "go"
    a = start_writer(database_url, "a", 60, 0, "barrier", barrier)
    b = start_writer(database_url, "b", 60, 0, "barrier", barrier)
    # both writers must be running before the barrier opens: under load, starting Python and
    # opening the registry can take seconds, and a writer still starting when the other has
    # finished all its batches would leave nothing to interleave (the flake this replaced: a
    # fixed half-second wait)
    for w in (a, b):
        assert w.stdout is not None
        line = w.stdout.readline()
        assert line.startswith("ready"), f"a writer ended before it was ready: {line!r} {w.stderr.read() if w.stderr else ''}"
    barrier.write_text("go")
    out_a, err_a = a.communicate(timeout=120)
    out_b, err_b = b.communicate(timeout=120)
    assert a.returncode == 0, err_a
    assert b.returncode == 0, err_b
    ia, ib = acked(out_a.splitlines(), "a"), acked(out_b.splitlines(), "b")
    assert len(ia) == len(ib) == sum(1 + i % 7 for i in range(60))
    assert not set(ia) & set(ib)
    assert sorted(ia + ib) == list(range(1, 1 + len(ia) + len(ib)))
    # the batches really interleaved (otherwise this test proves little)
    assert min(ib) < max(ia) and min(ia) < max(ib)
    check_acknowledged(reg, "a", ia)
    check_acknowledged(reg, "b", ib)
    reg.checkpoint(log_key)
    reg.verify_log(None, Path(str(log_key) + ".pub"))
    reg.close()


def test_full_disk_is_a_store_error_and_leaves_the_log_consistent(tmp_path: Path, log_key: Path) -> None:
    # Simulated portably: SQLite's max_page_count makes the database file unable to grow, which
    # SQLite reports exactly as it reports a full disk (SQLITE_FULL, "database or disk is full").
    url = f"sqlite:///{tmp_path / 'r.db'}"
    reg = open_registry(url)
    reg.record_many([("decision", None, {"i": i}) for i in range(10)])
    reg.checkpoint(log_key)
    with reg.engine.connect() as c:
        pages = int(c.exec_driver_sql("PRAGMA page_count").scalar_one())
    sa.event.listen(reg.engine, "connect",
                    lambda dbapi, _r: dbapi.execute(f"PRAGMA max_page_count = {pages + 40}"))
    reg.engine.dispose()
    ok = 10
    with pytest.raises(StoreError) as e:
        for _ in range(1000):
            reg.record_many([("publication", None, {"blob": "y" * 2000, "k": k}) for k in range(5)])
            ok += 5
    assert "disk is full" in e.value.message
    assert e.value.help and "nothing from the failed operation was recorded" in e.value.help
    reg.close()
    reg = open_registry(url)  # no size limit any more: "space was freed"
    assert reg.size() == ok
    reg.verify_log(reg.checkpoints()[0], Path(str(log_key) + ".pub"))
    reg.record("decision", None, {"after": True})
    reg.checkpoint(log_key)
    reg.verify_log(reg.checkpoints()[0], Path(str(log_key) + ".pub"))
    reg.close()


def test_dropped_connection_is_a_store_error_and_rolls_back(database_url: str, log_key: Path) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("a dropped server connection exists only on PostgreSQL (SQLite is covered by kill -9)")
    reg = open_registry(database_url)
    reg.record_many([("decision", None, {"i": i}) for i in range(5)])
    reg.checkpoint(log_key)
    admin = sa.create_engine(database_url, isolation_level="AUTOCOMMIT")

    def drop(conn: sa.Connection, cursor: object, statement: str, *_: object) -> None:
        if statement.lstrip().upper().startswith("UPDATE LOG_HEAD"):
            pid = conn.connection.dbapi_connection.info.backend_pid  # type: ignore[union-attr]
            with admin.connect() as a:
                a.execute(sa.text("SELECT pg_terminate_backend(:p)"), {"p": pid})

    sa.event.listen(reg.engine, "after_cursor_execute", drop)
    with pytest.raises(StoreError) as e:
        reg.record_many([("decision", None, {"lost": i}) for i in range(3)])
    # the drop is noticed at the commit: the registry cannot know whether the server committed,
    # and says so (the log below shows it did not)
    assert "recording events failed" in e.value.message or "reply was lost" in e.value.message
    sa.event.remove(reg.engine, "after_cursor_execute", drop)
    # the half-done batch was rolled back by the server; the pool reconnects
    assert reg.size() == 5
    assert not [x for x in reg.events() if "lost" in x.payload]
    reg.record("decision", None, {"after": True})
    reg.verify_log(reg.checkpoints()[0], Path(str(log_key) + ".pub"))
    admin.dispose()
    reg.close()


def test_database_going_away_is_a_store_error(database_url: str, tmp_path: Path) -> None:
    reg = open_registry(database_url)
    reg.record("decision", None, {})
    if database_url.startswith("sqlite"):
        # the registry file's folder becomes unreadable to a fresh connection
        reg.engine.dispose()
        db = Path(database_url.removeprefix("sqlite:///"))
        for p in db.parent.glob(db.name + "*"):
            p.unlink()
        db.parent.rmdir()
        with pytest.raises(StoreError, match="failed"):
            reg.record("decision", None, {})
    else:
        # the database is dropped under the registry's feet
        name = database_url.rsplit("/", 1)[1]
        reg.engine.dispose()
        admin = sa.create_engine(os.environ["CASEGATE_TEST_POSTGRES_URL"], isolation_level="AUTOCOMMIT")
        with admin.connect() as c:
            c.execute(sa.text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        admin.dispose()
        with pytest.raises(StoreError, match="failed"):
            reg.record("decision", None, {})


def test_server_closing_connections_between_reads(database_url: str) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("a server closing idle connections exists only on PostgreSQL")
    reg = open_registry(database_url)
    reg.record_many([("decision", None, {"i": i}) for i in range(40)])
    reg.prove_inclusion(3).verify()
    name = database_url.rsplit("/", 1)[1]
    admin = sa.create_engine(database_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:  # e.g. a server restart: every pooled connection is dead now
        c.execute(sa.text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                          "WHERE datname = :d AND pid <> pg_backend_pid()"), {"d": name})
    admin.dispose()
    try:
        reg.prove_inclusion(5).verify()  # may succeed if the pool noticed already
    except StoreError as e:
        assert "proving inclusion failed" in e.message
    # whatever happened to the first call, the registry recovers by itself
    reg.prove_inclusion(7).verify()
    reg.record("decision", None, {"after": True})
    reg.verify_log()
    reg.close()
