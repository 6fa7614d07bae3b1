"""The published example keys an answer rests on (`casegate._published_keys`): outside a
demonstration they are refused where they are read; inside one (`CASEGATE_DEMO_KEYS=1`) they
count, and every answer that rests on one is a demonstration, never "verified" for a release nor
"deployable", so a pipeline that reads only the exit code never deploys on keys anyone holds."""

from __future__ import annotations

from typing import Any

from .._published_keys import DEMONSTRATION, published

__all__ = ["DEMONSTRATION", "demonstration_reason", "published_keys_used"]


def published_keys_used(keyring: Any, trust: Any = None) -> list[str]:
    """Each key of `keyring` (the keyring the signatures are checked with) and of `trust` (the
    trust root: its root keys, the log's key, its witnesses' keys) whose private half casegate
    publishes, named with the file that publishes it. Empty when none is."""
    found: list[str] = []
    for k in getattr(keyring, "keys", None) or ():
        where = published(k.public)
        if where is not None:
            found.append(f"the keyring's key {k.keyid[:16]}... of {k.person} ({where})")
    if trust is not None:
        for keyid, key in (trust.metadata.signed.keys or {}).items():
            where = published(key)
            if where is not None:
                found.append(f"the trust root's key {str(keyid)[:16]}... ({where})")
        log = trust.pins.log
        where = published(log.key)
        if where is not None:
            found.append(f"the log key the trust root pins ({where})")
        for w in log.witnesses or ():
            where = published(w.key)
            if where is not None:
                found.append(f"the witness key {getattr(w, 'name', '') or '?'} the trust root pins ({where})")
    return found


def demonstration_reason(found: list[str]) -> str:
    """The reason an answer resting on the published keys `found` is not verified."""
    if not found:
        return DEMONSTRATION
    more = f"; and {len(found) - 3} more" if len(found) > 3 else ""
    return f"{DEMONSTRATION} ({'; '.join(found[:3])}{more})"
