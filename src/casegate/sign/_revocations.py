"""Revocations the registry's log records (`keyring-change` entries that `casegate keys revoke`
writes), applied to a keyring whatever its file says.

A keyring file is a snapshot: one written before a key was revoked still lists the key as good.
Whoever judges a signature against it (`verify` for decisions, `triggers run` for telemetry
readings) applies every revocation the log records for one of its keys, so a key revoked in the
log stops counting everywhere, not only where the file was updated."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from ._keyring import Keyring, Revocation, parse_instant, revoke_key

REVOKE = "revoke-key"
"""The `change` of a `keyring-change` entry that revokes a key."""


class LoggedChange(Protocol):
    """What is read of a log entry (the store's LogEntry has these)."""

    @property
    def index(self) -> int: ...

    @property
    def kind(self) -> str: ...

    @property
    def payload(self) -> Mapping[str, Any]: ...


def _stronger(a: Revocation | None, b: Revocation) -> bool:
    """Whether revocation `b` refuses more than `a`: a compromise over a retirement, else the
    earlier date."""
    if a is None:
        return True
    if a.kind != b.kind:
        return b.kind == "compromised"
    try:
        return parse_instant(b.at) < parse_instant(a.at)
    except Exception:  # noqa: BLE001 - an unreadable date is judged where the revocation is read
        return False


def with_logged_revocations(keyring: Keyring, changes: Sequence[LoggedChange]) -> tuple[Keyring, list[str]]:
    """The keyring with every revocation the log's `keyring-change` entries record for one of its
    keys (the stronger one wins where the file also revokes it), and a note per applied one."""
    notes: list[str] = []
    ring = keyring
    for e in sorted(changes, key=lambda x: x.index):
        p = e.payload
        if e.kind != "keyring-change" or p.get("change") != REVOKE:
            continue
        keyid, at, kind = p.get("keyid"), p.get("at"), p.get("kind")
        key = ring.get(str(keyid)) if isinstance(keyid, str) else None
        if key is None or kind not in ("compromised", "retired") or not isinstance(at, str):
            continue
        try:
            parse_instant(at)
        except Exception:  # noqa: BLE001 - a revocation with no readable date refuses from the key's first day
            at = key.valid_from
        rev = Revocation(at=at, reason=str(p.get("reason") or "revoked"), kind=kind)
        if _stronger(key.revoked, rev):
            ring = revoke_key(ring, key.keyid, at=rev.at, reason=rev.reason, kind=rev.kind)
            notes.append(f"{key.person}'s key {key.keyid[:16]}... is {kind} from {at} as log entry {e.index} "
                         "records (the keyring file does not say so)")
    return ring, notes
