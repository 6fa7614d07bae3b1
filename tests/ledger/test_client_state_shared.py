"""Two log clients sharing one state file (two scheduled `log client` runs, or the default file in
the user's state folder): one slower to check its checkpoint must not write an older tree back over
the newer one the other kept in the meantime, which would let a fork of the newer tree through
on the next run. The check and the write run under a lock on the file."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from casegate.ledger import ClientState, open_store, open_tiles, write_tiles
from casegate.store import sign_checkpoint, verifier_key

from .conftest import MemoryLog

KEY = Ed25519PrivateKey.generate()
ORIGIN = "example.org/shared-log"


def _tiles(log: MemoryLog, n: int, where: Path) -> Any:
    write_tiles(log, open_store(where), sign_checkpoint(ORIGIN, n, log.root(n), KEY).text(), entries=True)
    return open_tiles(where)


class _Slow:
    """A tile log whose consistency proof waits until the test lets it go."""

    def __init__(self, log: Any, started: threading.Event, go: threading.Event):
        self.log, self.started, self.go = log, started, go

    def consistency_proof(self, *args: Any) -> Any:
        self.started.set()
        assert self.go.wait(10)
        return self.log.consistency_proof(*args)


def test_two_clients_sharing_a_state_file_never_keep_the_older_tree(tmp_path: Path) -> None:
    log = MemoryLog(12)
    six, eight, ten = (_tiles(log, n, tmp_path / str(n)) for n in (6, 8, 10))
    state = tmp_path / "state.json"
    with ClientState.locked(state) as st:
        st.advance(six, six.checkpoint(KEY.public_key()))
        st.save()
    started, go = threading.Event(), threading.Event()

    def run(tl: Any, cp: Any) -> None:
        with ClientState.locked(state) as st:
            st.advance(tl, cp)
            st.save()

    a = threading.Thread(target=run, args=(_Slow(eight, started, go), eight.checkpoint(KEY.public_key())))
    a.start()
    assert started.wait(10)
    b = threading.Thread(target=run, args=(ten, ten.checkpoint(KEY.public_key())))
    b.start()
    b.join(1.0)  # unlocked, B has kept 10 by now, and A writes 8 over it
    go.set()
    a.join(10)
    b.join(10)
    seen = ClientState(state).seen(ORIGIN)
    assert seen is not None and seen.size == 10


def test_log_client_waits_for_another_client_holding_the_state(tmp_path: Path) -> None:
    log = MemoryLog(8)
    _tiles(log, 8, tmp_path / "tiles")
    state = tmp_path / "state.json"
    cmd = [sys.executable, "-m", "casegate", "log", "client", "--url", str(tmp_path / "tiles"),
           "--vkey", verifier_key(ORIGIN, KEY.public_key()), "--state", str(state)]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")}
    with ClientState.locked(state):
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(4)
        assert proc.poll() is None, proc.communicate()  # waiting for the lock this test holds
    out, errs = proc.communicate(timeout=60)
    assert proc.returncode == 0, out + errs
    assert ClientState(state).seen(ORIGIN) is not None
