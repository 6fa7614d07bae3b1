"""Whether a signer stands outside the developer, as independent evidence is judged: by the
organisation the keyring records for them, against the developer's organisations (the policy's
`evidence.organisations` and the case's authors' own, `EvidenceFacts.developer_organisations`),
names compared as `casegate.model._names.organisation_among` compares them ('Acme Labs' is 'acme-labs',
'ACME Labs, Inc.', 'Аcme Labs' with a Cyrillic 'А', and 'Acme Labs UK' is Acme Labs')."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..model._names import organisation_among, organisation_key

if TYPE_CHECKING:
    from ..model import AuthorityCheck, BoundaryKind, Policy


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


def deciders(policy: Policy, boundary: BoundaryKind | None, authority: AuthorityCheck | None
             ) -> tuple[dict[str, str], tuple[str, ...]]:
    """Who may sign the decision for `boundary`, as the keyring shows before anyone has: each
    identity holding a key for a role the policy lets decide it (`decision.deciding_roles`, else
    the roles that must sign it off), other than a role the policy marks `independent` for it (that
    role's holder is the outside party being judged), -> the organisation the keyring records for
    them; and the names of those it records none for. Whoever decides does so for the developer,
    so their organisation is the developer's. Without a keyring or a boundary: nobody."""
    if authority is None or boundary is None:
        return {}, ()
    outside = {r.role for r in policy.signoff.required_for(boundary)[1] if r.independent}
    orgs: dict[str, str] = {}
    unknown: list[str] = []
    for role in policy.decision.roles_for(policy.signoff, boundary):
        if role in outside:
            continue
        for name in authority.holders.get(role, []):
            org = authority.organisations.get(name)
            if org and organisation_key(org):
                orgs.setdefault(name, org)
            elif name not in unknown:
                unknown.append(name)
    return orgs, tuple(sorted(unknown))


def not_outside_deciders(person: str, organisation: str | None, orgs: dict[str, str], unknown: Iterable[str],
                         boundary: str) -> str | None:
    """Why `person` (of `organisation`) cannot be shown to be outside whoever may decide
    `boundary` (`deciders`' answer); None when they are. Fails closed: a possible decider with
    no organisation on record is a reason."""
    if person in orgs or person in unknown:
        return (f"{person} may sign the decision for `{boundary}` (the keyring gives them a role that may decide "
                "it), and whoever decides, decides for the developer")
    missing = [n for n in unknown if n != person]
    if missing:
        return (f"the keyring records no organisation for {', '.join(missing)}, who may sign the decision for "
                f"`{boundary}`, so whether {person} is of the decider's organisation cannot be established")
    if not organisation:
        return None  # `not_outside` says so
    for name, org in sorted(orgs.items()):
        if name != person and organisation_among(organisation, [org]) is not None:
            return (f"{person} is from {organisation}, the organisation of {name}, who may sign the decision for "
                    f"`{boundary}` (whoever decides, decides for the developer)")
    return None


__all__ = ["deciders", "not_outside", "not_outside_deciders"]
