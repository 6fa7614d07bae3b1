"""Revocations from the log, not from a keyring file alone.

`casegate keys revoke` logs every revocation (a `keyring-change` entry naming the key, the
kind and from when). A keyring file is a snapshot: the one a decision was made under predates
every revocation that came after it, and `verify` must check a decision against the keyring it
names. So a key revoked since (a compromise discovered after the decision) would still count if
revocations came only from that file. `verify` therefore applies every revocation the proven log
holds for a key of the keyring, whatever the file says; and when the keyring it checks against
has been replaced in the trust root, it requires the logged keyring changes that lead from it to
the keyring the root now pins, failing closed when they are not there (a revocation among them
could have been left out)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..sign import Keyring, Revocation, parse_instant, revoke_key

if TYPE_CHECKING:
    from ..store import LogEntry
    from ..trust import TrustRoot

REVOKE = "revoke-key"


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


def with_logged_revocations(keyring: Keyring, changes: Sequence[LogEntry]) -> tuple[Keyring, list[str]]:
    """The keyring with every revocation the log's `keyring-change` entries record for one of its
    keys (the stronger one wins where the file also revokes it), and a note per applied one."""
    notes: list[str] = []
    ring = keyring
    for e in sorted(changes, key=lambda x: x.index):
        p: dict[str, Any] = e.payload
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


def revocation_gaps(fingerprint: str, trust: TrustRoot, changes: Sequence[LogEntry]) -> list[str]:
    """Why the revocations made since the keyring `fingerprint` cannot be established: it is
    replaced in the trust root, and the logged keyring changes do not lead, unbroken, from it to
    the keyring the root now pins."""
    pin = next((k for k in trust.pins.keyrings if k.digest == fingerprint), None)
    current = next((k.digest for k in trust.pins.keyrings if k.until is None), None)
    if pin is None or pin.until is None or current is None or current == fingerprint:
        return []  # not pinned (reported elsewhere), or the current keyring: its own revocations
    cur = fingerprint
    for e in sorted(changes, key=lambda x: x.index):
        if e.kind == "keyring-change" and e.payload.get("fingerprint_before") == cur:
            cur = str(e.payload.get("fingerprint"))
            if cur == current:
                return []
    return [f"the keyring {fingerprint} was replaced on {pin.until} by {current} (trust root version "
            f"{trust.version}), and the state proof does not carry the logged keyring changes from one to "
            "the other: whether a key was revoked since cannot be established (make a fresh state proof "
            "from the registry that logged the changes)"]
