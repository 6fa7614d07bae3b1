"""Whether a signer stands outside the developer, as independent evidence is judged: by the
organisation the keyring records for them, against the developer's organisations (the policy's
`evidence.organisations` and the case's authors' own, `EvidenceFacts.developer_organisations`),
names compared as `casegate.model._names.organisation_among` compares them ('Acme Labs' is 'acme-labs',
'ACME Labs, Inc.', 'Аcme Labs' with a Cyrillic 'А', and 'Acme Labs UK' is Acme Labs')."""

from __future__ import annotations

from collections.abc import Iterable

from ..model._names import organisation_among, organisation_key


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
    dev = organisation_among(organisation, mine.values())
    if dev is not None:
        if organisation_key(organisation) == organisation_key(dev):
            return f"{person} is from {organisation}, the developer's own organisation"
        return (f"{person} is from {organisation}, by its name the developer's organisation {dev} (one name is "
                "the other's first words)")
    return None


__all__ = ["not_outside"]
