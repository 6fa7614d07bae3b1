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


class SizeListener:
    """A listening connection and the newest log size it has heard of (thread-safe)."""

    def __init__(self, connection: Any):
        self._conn = connection  # a psycopg connection in autocommit mode, LISTENing on CHANNEL
        self._lock = threading.Lock()
        self._size = -1
        self._confirmed = -CONFIRM_S  # monotonic time of the last real read (none yet)
        self.broken = False

    def heard(self) -> int | None:
        """The current log size as heard, or None when a real read is due (none for
        `CONFIRM_S` seconds) or the connection is broken."""
        with self._lock:
            if self.broken:
                return None
            try:
                pg = self._conn.pgconn
                pg.consume_input()  # non-blocking: whatever the socket holds
                size = self._size
                while (note := pg.notifies()) is not None:
                    if note.relname == CHANNEL.encode():
                        with contextlib.suppress(ValueError):
                            size = max(size, int(note.extra))
                self._size = size
            except Exception:  # a broken connection: the caller reads the size itself
                self.broken = True
                return None
            if size < 0 or time.monotonic() - self._confirmed > CONFIRM_S:
                return None
            return size

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
        with self._lock:
            self.broken = True
            with contextlib.suppress(Exception):
                self._conn.close()
