"""The log size a PostgreSQL registry hears of: LISTEN/NOTIFY instead of a round trip per proof.

Every append on PostgreSQL moves the log head and, in the same statement, notifies the
`casegate_log` channel of the new size (delivered when the transaction commits). A registry that
keeps answering inclusion proofs against the current size (a server) listens on that channel on
a connection of its own, so it learns of other writers' appends as the server pushes them,
without asking: reading what has arrived is a non-blocking read of that connection's socket.

What that size is worth: it was the log's size at a moment at most the notification's delivery
time before the call (the server sends the notification right after the commit), and it is
confirmed by a real read at least every `CONFIRM_S` seconds, so a notification lost with a broken
connection delays a newer size by no more than that. A proof against it is a proof against a
committed size, with that size and its root in the proof. An entry the registry has not heard of
(an index at or beyond the size) is never refused on that account: the caller reads the size.
A one-off command never listens: the listener starts after `LISTEN_AFTER` current-size reads.
While it listens, a background thread reads what has arrived every `DRAIN_S` seconds, so
notifications never pile up in a socket nobody reads (PostgreSQL would keep them queued, and a
full queue makes appends fail); a listener unused for `IDLE_S` seconds closes itself (the
registry reads the size again, and listens anew once it keeps answering).
"""

from __future__ import annotations

import contextlib
import threading
import time
from typing import Any

CHANNEL = "casegate_log"
"""The notification channel appends announce the new log size on."""
CONFIRM_S = 1.0
"""The longest a heard size is used without a real read of the log head."""
LISTEN_AFTER = 16
"""Current-size reads a registry makes before it starts listening."""
DRAIN_S = 5.0
"""How often a listener's background thread reads the notifications that have arrived."""
IDLE_S = 600.0
"""A listener not asked for the size for this long closes itself."""


class SizeListener:
    """A listening connection and the newest log size it has heard of (thread-safe)."""

    def __init__(self, connection: Any):
        self._conn = connection  # a psycopg connection in autocommit mode, LISTENing on CHANNEL
        self._lock = threading.Lock()
        self._size = -1
        self._confirmed = -CONFIRM_S  # monotonic time of the last real read (none yet)
        self._asked = time.monotonic()
        self.broken = False
        self._stop = threading.Event()
        threading.Thread(target=self._drain_while_open, name="casegate-log-listener", daemon=True).start()

    def heard(self) -> int | None:
        """The current log size as heard, or None when a real read is due (none for
        `CONFIRM_S` seconds) or the connection is broken."""
        with self._lock:
            if self.broken or not self._drain():
                return None
            self._asked = now = time.monotonic()
            if self._size < 0 or now - self._confirmed > CONFIRM_S:
                return None
            return self._size

    def _drain(self) -> bool:
        """Take in the notifications that have arrived (under the lock); False once broken."""
        try:
            pg = self._conn.pgconn
            pg.consume_input()  # non-blocking: whatever the socket holds
            size = self._size
            while (note := pg.notifies()) is not None:
                if note.relname == CHANNEL.encode():
                    with contextlib.suppress(ValueError):
                        size = max(size, int(note.extra))
            self._size = size
            return True
        except Exception:  # a broken connection: the registry reads the size itself
            self.broken = True
            return False

    def _drain_while_open(self) -> None:
        while not self._stop.wait(DRAIN_S):
            with self._lock:
                if self.broken or not self._drain():
                    break
                if time.monotonic() - self._asked > IDLE_S:
                    self.broken = True
                    break
        with contextlib.suppress(Exception):
            self._conn.close()

    def confirm(self, size: int) -> None:
        """A real read of the log head found `size` (it replaces what was heard: the log may
        have been replaced by a shorter one)."""
        with self._lock:
            self._size = size
            self._confirmed = time.monotonic()

    def advance(self, size: int) -> None:
        """This registry's own append moved the head to `size` (committed)."""
        with self._lock:
            if self._size >= 0:
                self._size = max(self._size, size)

    def close(self) -> None:
        self._stop.set()
        with self._lock:
            self.broken = True
            with contextlib.suppress(Exception):
                self._conn.close()
