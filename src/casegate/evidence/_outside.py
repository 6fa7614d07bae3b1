"""Whether a signer stands outside the developer, as independent evidence is judged: by the
organisation the keyring records for them, against the developer's organisations (the policy's
`evidence.organisations` and the case's authors' own, `EvidenceFacts.developer_organisations`),
names compared loosely ('Acme Labs' is 'acme-labs')."""

from __future__ import annotations

from collections.abc import Iterable

from ._facts import _org_key


def not_outside(person: str, organisation: str | None, developer: Iterable[str]) -> str | None:
    """Why `person`, of `organisation` as the keyring records it (None: it records none), cannot
    be shown to be outside the developer's organisations `developer`; None when they are outside.
    Fails closed: no developer organisations known, or no organisation on record, is a reason."""
    mine = {_org_key(o) for o in developer}
    if not mine:
        return ("the developer's organisations are unknown (the policy names none under "
                "`evidence.organisations` and no author's identity has one)")
    if not organisation:
        return f"the keyring records no organisation for {person}"
    if _org_key(organisation) in mine:
        return f"{person} is from {organisation}, the developer's own organisation"
    return None


__all__ = ["not_outside"]
