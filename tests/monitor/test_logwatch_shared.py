"""Two log monitors sharing one state file: one slower to check size 8 must not write its state
back over the size 10 the other recorded meanwhile (a fork of the tree of 10 that extends 8 would
then pass the next run, and what the faster run found would be lost). `follow_log` runs under a
lock on the state file."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from casegate.ledger import open_store, open_tiles, write_tiles
from casegate.monitor import follow_log
from casegate.monitor._logwatch import MonitorState
from casegate.store import generate_key, load_public_key, open_registry

ORIGIN = "monitor.test.example/shared"


class _Slow:
    """A tile log whose consistency proof waits until the test lets it go."""

    def __init__(self, log: Any, started: threading.Event, go: threading.Event):
        self._log, self._started, self._go = log, started, go

    def __getattr__(self, name: str) -> Any:
        return getattr(self._log, name)

    def consistency_proof(self, *args: Any) -> Any:
        self._started.set()
        assert self._go.wait(10)
        return self._log.consistency_proof(*args)


def test_two_monitors_sharing_a_state_file_never_keep_the_older_tree(tmp_path: Path) -> None:
    key = tmp_path / "log.pem"
    generate_key(key)
    pub = load_public_key(key)
    with open_registry(f"sqlite:///{tmp_path / 'r.db'}") as reg:
        for size in (6, 8, 10):
            while reg.size() < size:
                reg.record("note", None, {"i": reg.size()})
            write_tiles(reg, open_store(str(tmp_path / str(size))), reg.checkpoint(key, ORIGIN), entries=True)
    state = tmp_path / "monitor.json"
    assert follow_log(open_tiles(tmp_path / "6"), pub, state, origin=ORIGIN).checked_to == 6
    started, go = threading.Event(), threading.Event()
    a = threading.Thread(target=follow_log, args=(_Slow(open_tiles(tmp_path / "8"), started, go), pub, state),
                         kwargs={"origin": ORIGIN})
    a.start()
    assert started.wait(10)
    b = threading.Thread(target=follow_log, args=(open_tiles(tmp_path / "10"), pub, state), kwargs={"origin": ORIGIN})
    b.start()
    b.join(1.0)  # unlocked, B has recorded 10 by now, and A writes 8 over it
    go.set()
    a.join(10)
    b.join(10)
    assert MonitorState.load(state).size == 10
