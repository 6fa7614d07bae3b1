"""The published example keys an answer rests on (`casegate._published_keys`): outside a
demonstration they are refused where they are read; inside one (`CASEGATE_DEMO_KEYS=1`) they
count, and every answer that rests on one is a demonstration, never "verified" for a release nor
"deployable", so a pipeline that reads only the exit code never deploys on keys anyone holds."""

from __future__ import annotations

from typing import Any

from .._published_keys import DEMONSTRATION, published

__all__ = ["DEMONSTRATION", "demonstration_reason", "published_keys_used"]


REASON_CHARS = 2000
"""The most characters `demonstration_reason` spends naming keys: each published key is named (key
id and role) until then, and the rest counted, so a keyring of thousands of entries cannot make
the answer unreadable."""


def _clip(text: str, n: int = 40) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[:n - 3] + "..."


def _roles(roles: Any) -> str:
    names = [_clip(r, 30) for r in (roles or ())]
    if not names:
        return "no role"
    more = f" +{len(names) - 4} more" if len(names) > 4 else ""
    return ("role " if len(names) == 1 else "roles ") + ", ".join(names[:4]) + more


def published_keys_used(keyring: Any, trust: Any = None) -> list[str]:
    """Each key of `keyring` (the keyring the signatures are checked with) and of `trust` (the
    trust root: its root keys, the log's key, its witnesses' keys) whose private half casegate
    publishes, named by key id and role (what the key stands for) with the file that publishes
    it. Empty when none is."""
    found: list[str] = []
    for k in getattr(keyring, "keys", None) or ():
        where = published(k.public)
        if where is not None:
            found.append(f"keyring key {k.keyid[:16]} of {_clip(k.person)}, {_roles(getattr(k, 'roles', ()))} "
                         f"({where})")
    if trust is not None:
        signed = trust.metadata.signed
        roles = getattr(signed, "roles", None) or {}
        for keyid, key in (signed.keys or {}).items():
            where = published(key)
            if where is not None:
                held = [str(name) for name, r in roles.items() if keyid in (getattr(r, "keyids", None) or ())]
                found.append(f"trust root key {str(keyid)[:16]}, {_roles(held or ['root'])} ({where})")
        log = trust.pins.log
        where = published(log.key)
        if where is not None:
            found.append(f"log key {str(log.key)[:16]}, role log checkpoint signer ({where})")
        for w in log.witnesses or ():
            where = published(w.key)
            if where is not None:
                found.append(f"witness key {str(w.key)[:16]} of {_clip(getattr(w, 'name', '') or '?')}, role witness "
                             f"({where})")
    return found


def demonstration_reason(found: list[str]) -> str:
    """The reason an answer resting on the published keys `found` is not verified: every one named
    (key id and role), up to `REASON_CHARS` characters, the rest counted."""
    if not found:
        return DEMONSTRATION
    shown: list[str] = []
    used = 0
    for i, item in enumerate(found):
        if used + len(item) > REASON_CHARS and shown:
            rest = len(found) - i
            shown.append(f"and {rest} more published key{'s' if rest != 1 else ''}")
            break
        shown.append(item)
        used += len(item) + 2
    return f"{DEMONSTRATION}: {len(found)} published key{'s' if len(found) != 1 else ''} ({'; '.join(shown)})"


def demonstration_mark(keyring: Any, trust: Any = None) -> str | None:
    """What an approval, a publication or a regime document made while `keyring` (or the trust
    root `trust`) holds a published example key records and prints, so that every later reader of
    the log, and whoever reads the command's output, sees it is a demonstration: the reason
    (`demonstration_reason`), or None when no published key is used."""
    found = published_keys_used(keyring, trust)
    return demonstration_reason(found) if found else None
