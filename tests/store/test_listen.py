"""Current-size proofs on PostgreSQL: a registry that keeps answering them listens for appends
(LISTEN/NOTIFY) instead of reading the size each time; what it heard is confirmed by a real read
at least every CONFIRM_S seconds; a broken listening connection falls back to reading; its own
appends are seen at once. SQLite registries never listen (their size read is local)."""

from __future__ import annotations

import time
from typing import Any

import pytest
import sqlalchemy as sa

from casegate.store import Registry, _listen, open_registry
from casegate.store import _merkle as mk


def _append(reg: Registry, n: int) -> list[bytes]:
    return [e.leaf_hash for e in reg.record_many([("decision", None, {"i": i}) for i in range(n)])]


def _warm(reg: Registry) -> None:
    """Enough current-size proofs for the registry to start listening."""
    for i in range(_listen.LISTEN_AFTER):
        reg.prove_inclusion(i)


def _until_heard(reg: Registry, size: int) -> None:
    assert reg._listener is not None
    deadline = time.monotonic() + 60
    while reg._listener.heard() != size:
        assert time.monotonic() < deadline, f"no notification of size {size}"
        time.sleep(0.005)


def _count_reads(reg: Registry) -> list[int]:
    reads = [0]
    real = reg._raw_size

    def counting(conn: Any) -> int:
        reads[0] += 1
        return real(conn)

    reg._raw_size = counting  # type: ignore[method-assign]
    return reads


def _sqlite_is_always_current(a: Registry, b: Registry) -> None:
    """On SQLite every current-size proof reads the size (a local page read): never behind."""
    leaves = _append(b, 40)
    _warm(a)
    for k in (1, 3):
        leaves += _append(b, k)
        got = a.prove_inclusion(0)
        assert got.tree_size == len(leaves) and got.root == mk.mth(leaves)
    assert a._listener is None


def _listening(pair: Any, n: int, monkeypatch: pytest.MonkeyPatch) -> tuple[Registry, Registry, list[bytes]] | None:
    """On PostgreSQL: `n` entries appended by the writer and the reader listening, its confirm
    window an hour; (reader, writer, leaves). On SQLite: checks that every current-size proof is
    current; None."""
    a, b = pair
    if not a._pg:
        _sqlite_is_always_current(a, b)
        return None
    leaves = _append(b, n)
    _warm(a)
    assert a._listener is not None
    monkeypatch.setattr(_listen, "CONFIRM_S", 3600.0)
    return a, b, leaves


@pytest.fixture
def pair(database_url: str) -> Any:
    a, b = open_registry(database_url), open_registry(database_url)
    yield a, b
    a.close()
    b.close()


def test_only_a_registry_on_postgresql_that_keeps_proving_listens(pair: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = pair
    leaves = _append(b, 300)
    a.prove_inclusion(0)
    assert a._listener is None  # one proof: no listening connection
    _warm(a)
    if not a._pg:
        assert a._listener is None
        return
    assert a._listener is not None
    monkeypatch.setattr(_listen, "CONFIRM_S", 3600.0)
    reads = _count_reads(a)
    for m in range(0, 300, 7):
        got = a.prove_inclusion(m)
        assert got.tree_size == 300 and got.root == mk.mth(leaves)
    assert reads[0] == 0  # answered as of the size heard, with no read of the size
    leaves += _append(b, 25)
    _until_heard(a, 325)  # another writer's append is pushed to the listener
    got = a.prove_inclusion(5)
    assert got.tree_size == 325 and got.root == mk.mth(leaves)
    got.verify()


def test_a_lost_notification_delays_a_newer_size_by_at_most_the_confirm_window(
        pair: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    got = _listening(pair, 200, monkeypatch)
    if got is None:
        return
    a, b, leaves = got
    assert a._listener is not None
    a._listener._conn.execute(f"UNLISTEN {_listen.CHANNEL}")  # notifications are lost from now on
    leaves += _append(b, 10)
    # within the window it answers as of the size it knows: a valid proof of that committed size
    got = a.prove_inclusion(4)
    assert got.tree_size == 200 and got.root == mk.mth(leaves[:200])
    got.verify()
    # an entry beyond what it heard of is not refused: it reads the size
    assert a.prove_inclusion(205).tree_size == 210
    monkeypatch.setattr(_listen, "CONFIRM_S", 0.0)  # the window is over: the size is read again
    leaves += _append(b, 3)
    got = a.prove_inclusion(4)
    assert got.tree_size == 213 and got.root == mk.mth(leaves)


def test_a_broken_listening_connection_falls_back_to_reading(pair: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    got = _listening(pair, 100, monkeypatch)
    if got is None:
        return
    a, b, leaves = got
    listener = a._listener
    assert listener is not None
    with b.engine.connect() as c:
        c.execute(sa.text("SELECT pg_terminate_backend(:p)"), {"p": listener._conn.info.backend_pid})
    leaves += _append(b, 7)
    deadline = time.monotonic() + 60
    while not listener.broken:  # the terminated connection is noticed on the next look
        assert time.monotonic() < deadline
        assert listener.heard() in (None, 100)
        time.sleep(0.005)
    reads = _count_reads(a)
    got = a.prove_inclusion(3)
    assert got.tree_size == 107 and got.root == mk.mth(leaves) and reads[0] == 1
    _warm(a)  # a new listening connection after as many reads again
    assert a._listener is not None and a._listener is not listener and not a._listener.broken
    leaves += _append(b, 2)
    _until_heard(a, 109)
    assert a.prove_inclusion(3).tree_size == 109


def test_its_own_appends_are_seen_at_once(pair: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = pair
    leaves = _append(b, 50)
    _warm(a)
    monkeypatch.setattr(_listen, "CONFIRM_S", 3600.0)
    for k in range(1, 6):
        leaves += _append(a, k)
        got = a.prove_inclusion(0)
        assert got.tree_size == len(leaves) and got.root == mk.mth(leaves)


def test_an_idle_listener_drains_its_socket_then_closes(pair: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_listen, "DRAIN_S", 0.01)  # before the listener's thread starts
    got = _listening(pair, 20, monkeypatch)
    if got is None:
        return
    a, b, _ = got
    listener = a._listener
    assert listener is not None
    _append(b, 5)
    deadline = time.monotonic() + 60
    while listener._size != 25:  # taken in by the background thread, nobody asking
        assert time.monotonic() < deadline, "the background thread read nothing"
        time.sleep(0.005)
    monkeypatch.setattr(_listen, "IDLE_S", 0.0)
    while not listener.broken or not listener._conn.closed:
        assert time.monotonic() < deadline, "an idle listener stayed open"
        time.sleep(0.005)
    assert a.prove_inclusion(3).tree_size == 25  # the registry reads the size again


def test_a_forged_notification_cannot_move_the_size(pair: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Anyone who can reach the database can notify the channel: a size beyond what the registry
    has read is checked against the database, a smaller one or a text is no size at all."""
    got = _listening(pair, 64, monkeypatch)
    if got is None:
        return
    a, b, leaves = got
    assert a._listener is not None
    with b.engine.connect() as c:
        for forged in ("1000000", "not a size", "10"):
            c.execute(sa.text("SELECT pg_notify(:ch, :p)"), {"ch": _listen.CHANNEL, "p": forged})
        c.commit()
    leaves += _append(b, 1)
    deadline = time.monotonic() + 60
    while a._listener._size != 1_000_000:  # every forged notification has been taken in
        assert time.monotonic() < deadline, "the forged notifications never arrived"
        a._listener.heard()
        time.sleep(0.005)
    got_proof = a.prove_inclusion(5)
    assert got_proof.tree_size == 65 and got_proof.root == mk.mth(leaves)
    got_proof.verify()
    for m in (0, 30, 64):  # the size the database gave stands until the next real append
        assert a.prove_inclusion(m).tree_size == 65
