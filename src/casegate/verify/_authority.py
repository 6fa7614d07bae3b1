"""Separation of authority, from the policy: who must sign for a boundary, how many distinct
people of each role, which roles one person may not combine, the product role never alone, and
authors never signing their own case."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from ..evidence import not_outside, not_outside_deciders
from ..model import BoundaryKind, DecisionAuthority, RoleRequirement, SignoffPolicy
from ..sign import name_key

_OUTSIDE = "\0outside "
"""Marks a slot of a role the policy requires from outside the developer (no role name holds it)."""


def required_roles(policy: SignoffPolicy, boundary: BoundaryKind) -> list[RoleRequirement] | None:
    """The roles that must sign for `boundary` (`SignoffPolicy.required_for`); None when the
    policy names nobody for it (fail closed)."""
    return policy.required_for(boundary)[1] or None


def _match(slots: list[str], people: dict[str, set[str]]) -> dict[int, str]:
    """Assign distinct people to role slots (bipartite matching by augmenting paths)."""
    owner: dict[int, str] = {}

    def try_person(person: str, seen: set[int]) -> bool:
        for i, role in enumerate(slots):
            if role in people[person] and i not in seen:
                seen.add(i)
                if i not in owner or try_person(owner[i], seen):
                    owner[i] = person
                    return True
        return False

    for person in sorted(people):
        try_person(person, set())
    return owner


def authority_problems(signoffs: list[tuple[str, str, str]], policy: SignoffPolicy,
                       boundary: BoundaryKind, authors: list[str], *,
                       organisations: Mapping[str, str | None] | None = None,
                       developer: Sequence[str] = (),
                       deciders: tuple[dict[str, str], tuple[str, ...], str] | None = None) -> list[str]:
    """Every way the verified sign-offs fall short of the policy for `boundary`.

    `signoffs` holds (person, role, keyid) for each sign-off whose signature verified against a
    key that holds the role; the person is the keyring identity's name, and names are compared by
    `name_key` (case, width, invisible characters and look-alike letters do not make a second
    person). Each person fills at most one required slot, so one person can never make up two
    required roles, or two of the k in a k-of-n requirement. A slot of a role the policy marks
    `independent` is filled only by a person outside the `developer` organisations by the
    organisation of their verified key (`organisations`: person -> organisation; not given, or
    none on record, fills none), nor by anyone the keyring lets decide the boundary or of such a
    person's organisation (`deciders`: `casegate.verify.possible_deciders`' answer; whoever decides,
    decides for the developer; a possible decider with no organisation on record fills none).
    """
    out: list[str] = []
    req = required_roles(policy, boundary)
    if req is None:
        return [f"the policy names no roles that must sign for {boundary.value} or any narrower "
                "boundary; with no required signers nothing can be approved (fail closed)"]
    people: dict[str, set[str]] = defaultdict(set)
    keys: dict[tuple[str, str], set[str]] = defaultdict(set)
    shown: dict[str, str] = {}
    for raw, role, keyid in signoffs:
        person = shown.setdefault(name_key(raw), raw)
        people[person].add(role)
        keys[(person, role)].add(keyid)
    slots = [_OUTSIDE + r.role if r.independent else r.role for r in req for _ in range(r.min)]
    inside: dict[str, str] = {}  # person -> why they are not shown to be outside the developer
    eligible: dict[str, set[str]] = {}
    orgs = {name_key(n): o for n, o in (organisations or {}).items()}
    for person, roles in people.items():
        why = (not_outside(person, orgs.get(name_key(person)), developer) if organisations is not None
               else f"the organisation of {person} is not established")
        if why is None and deciders is not None:
            may, unknown, decided = deciders
            # the keyring's spelling of the person, as `deciders` names them
            shown_as = {name_key(n): n for n in [*may, *unknown]}.get(name_key(person), person)
            why = not_outside_deciders(shown_as, orgs.get(name_key(person)), may, unknown, decided)
        if why is not None:
            inside[person] = why
        eligible[person] = roles | ({_OUTSIDE + r for r in roles} if why is None else set())
    owner = _match(slots, eligible)
    for r in req:
        slot = _OUTSIDE + r.role if r.independent else r.role
        filled = [owner[i] for i, s in enumerate(slots) if s == slot and i in owner]
        if len(filled) >= r.min:
            continue
        signers = sorted(p for p, roles in people.items() if r.role in roles)
        need = f"role {r.role} needs {r.min} distinct {'person' if r.min == 1 else 'people'}"
        not_counted = list(dict.fromkeys(inside[p] for p in signers if p in inside)) if r.independent else []
        if not_counted:
            out.append(f"{need} from outside the developer's organisations; only {len(filled)} counted: "
                       f"{'; '.join(not_counted)}")
            continue
        if not signers:
            out.append(f"{need}; no valid sign-off in that role")
            continue
        twice = [f"{p} signed {len(keys[(p, r.role)])} times with different keys"
                 for p in signers if len(keys[(p, r.role)]) > 1]
        elsewhere = [f"{p} already counts for {next(slots[i] for i, o in owner.items() if o == p).removeprefix(_OUTSIDE)}"
                     for p in signers if p not in filled and p in owner.values()]
        detail = "; ".join(twice + elsewhere)
        out.append(f"{need}; only {len(filled)} counted ({', '.join(signers)})"
                   + (f": {detail}; one person counts once" if detail else ""))
    for person, roles in sorted(people.items()):
        for group in policy.separate:
            both = sorted(roles & set(group))
            if len(both) >= 2:
                out.append(f"{person} signed as {' and '.join(both)}, roles the policy keeps separate")
    all_roles = {role for roles in people.values() for role in roles}
    if all_roles == {policy.product_role}:
        out.append(f"only the product role ({policy.product_role}) signed; product leadership cannot approve alone")
    wrote = {name_key(a) for a in authors}
    for person in sorted(people):
        if name_key(person) in wrote:
            out.append(f"{person} wrote the case and cannot sign it off")
    return out


def decider_problems(person: str, role: str, authority: DecisionAuthority, signoff: SignoffPolicy,
                     boundary: BoundaryKind, signers: list[str],
                     waived: list[tuple[str, str]] | None = None, *,
                     signed_roles: Sequence[tuple[str, str]] = ()) -> list[str]:
    """Why the decision's signer may not decide for `boundary`: their role is not one the policy
    lets decide, they also signed off where the policy keeps the two apart, they signed off in a
    role the policy's `separate` keeps apart from the role they decide in (`signed_roles`: each
    valid sign-off's person and role; deciding in a role is acting in it), or they waived a
    finding the decision rests on (`waived`: each waiver's signer and code) where the policy keeps
    deciding and waiving apart. `role` is the role the decider's key holds (checked against the
    keyring by the caller)."""
    out = []
    own_roles = {r for who, r in signed_roles if name_key(who) == name_key(person)}
    if own_roles - {role}:
        for group in signoff.separate:
            combined = sorted((own_roles | {role}) & set(group))
            if role in group and len(combined) >= 2:
                out.append(f"{person} decided as {role} and signed off as "
                           f"{' and '.join(r for r in combined if r != role)}, roles the policy keeps separate: "
                           "one person may not combine them on one decision")
    allowed = authority.roles_for(signoff, boundary)
    if role not in allowed:
        out.append(f"the decision is signed by {person} as {role}, a role the policy does not let decide "
                   f"(deciding roles: {', '.join(allowed) or 'none'})")
    if not authority.decider_may_sign and name_key(person) in {name_key(x) for x in signers}:
        out.append(f"{person} signed the decision and also signed it off; the policy keeps deciding and "
                   "signing off apart")
    own = sorted({code for who, code in waived or [] if name_key(who) == name_key(person)})
    if own and not authority.decider_may_waive:
        out.append(f"{person} signed the decision and also waived {', '.join(own)}, which it rests on; the policy "
                   "keeps deciding and waiving apart (someone else in a waiver role must waive it, or the "
                   "finding stands)")
    return out
