"""Whether a signer stands outside the developer, as independent evidence is judged: by the
organisation the keyring records for them, against the developer's organisations (the policy's
`evidence.organisations` and the case's authors' own, `EvidenceFacts.developer_organisations`),
names compared as `casegate.model._names.within` compares them ('Acme Labs' is 'acme-labs',
'ACME Labs, Inc.', 'Аcme Labs' with a Cyrillic 'А', and 'Acme Labs UK' is Acme Labs')."""

from __future__ import annotations

from collections.abc import Iterable

from ..model._names import organisation_key, within


def not_outside(person: str, organisation: str | None, developer: Iterable[str]) -> str | None:
    """Why `person`, of `organisation` as the keyring records it (None: it records none), cannot
    be shown to be outside the developer's organisations `developer`; None when they are outside.
    Fails closed: no developer organisations known, no organisation on record, or one with no
    letter or digit to compare by, is a reason."""
    mine = {organisation_key(o): o for o in developer}
    mine.pop("", None)
    if not mine:
        return ("the developer's organisations are unknown (the policy names none under "
                "`evidence.organisations` and no author's identity has one)")
    if not organisation or not organisation_key(organisation):
        return f"the keyring records no organisation for {person}"
    dev = within(organisation, mine)
    if dev is not None:
        same = organisation_key(organisation) == dev
        return (f"{person} is from {organisation}, the developer's own organisation" if same else
                f"{person} is from {organisation}, whose name begins with that of the developer's "
                f"organisation {mine[dev]}")
    return None


__all__ = ["not_outside"]
