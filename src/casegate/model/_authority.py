"""Who holds authority, as a keyring shows it: which identities hold each role, and which of a
case's sign-off lines no keyring identity signed. Rules read this instead of trusting the names
the case types.

Records, not pydantic models: casegate builds them from values it already holds (the keyring's
names and organisations, the case's sign-off lines), never from input, so there is nothing to
validate, and a keyed `gate` builds no model class for them (about a million instructions each)."""

from __future__ import annotations

from .._record import FrozenRecord


class UnsignedSignoff(FrozenRecord):
    """A sign-off line whose signature did not verify against the keyring."""

    __slots__ = ("index", "person", "role", "why")
    _fields = __slots__
    index: int
    """Its position in the case's `decision.signoffs` (as written)."""
    person: str
    role: str
    why: str
    """Why it does not count: no keyring, no identity of that name, no key for the role, no
    envelope, or an envelope that does not verify."""

    def __init__(self, *, index: int, person: str, role: str, why: str) -> None:
        object.__setattr__(self, "index", index)
        object.__setattr__(self, "person", person)
        object.__setattr__(self, "role", role)
        object.__setattr__(self, "why", why)


class AuthorityCheck(FrozenRecord):
    """The case's authorities checked against one keyring (or against none)."""

    __slots__ = ("keyring", "holders", "unsigned", "organisations")
    _fields = __slots__
    keyring: str | None
    """The keyring's name; None when no keyring was given (then nothing can be verified)."""
    holders: dict[str, list[str]]
    """Role -> names of the keyring identities holding a key for it that is valid and not
    revoked at the decision time."""
    unsigned: list[UnsignedSignoff]
    """The sign-off lines no keyring identity signed."""
    organisations: dict[str, str]
    """Name of each keyring identity -> the organisation the keyring records for it (an identity
    with none is absent): whether a signer is outside the developer is read from it."""

    def __init__(self, *, keyring: str | None, holders: dict[str, list[str]] | None = None,
                 unsigned: list[UnsignedSignoff] | None = None,
                 organisations: dict[str, str] | None = None) -> None:
        object.__setattr__(self, "keyring", keyring)
        object.__setattr__(self, "holders", {} if holders is None else holders)
        object.__setattr__(self, "unsigned", [] if unsigned is None else unsigned)
        object.__setattr__(self, "organisations", {} if organisations is None else organisations)

    def roles_of(self, person: str) -> set[str]:
        """The roles the keyring gives `person`."""
        return {r for r, people in self.holders.items() if person in people}
