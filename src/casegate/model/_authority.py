"""Who holds authority, as a keyring shows it: which identities hold each role, and which of a
case's sign-off lines no keyring identity signed. Rules read this instead of trusting the names
the case types."""

from ._base import EMPTY_DICT, EMPTY_LIST, Frozen


class UnsignedSignoff(Frozen):
    """A sign-off line whose signature did not verify against the keyring."""

    index: int
    """Its position in the case's `decision.signoffs` (as written)."""
    person: str
    role: str
    why: str
    """Why it does not count: no keyring, no identity of that name, no key for the role, no
    envelope, or an envelope that does not verify."""


class AuthorityCheck(Frozen):
    """The case's authorities checked against one keyring (or against none)."""

    keyring: str | None
    """The keyring's name; None when no keyring was given (then nothing can be verified)."""
    holders: dict[str, list[str]] = EMPTY_DICT
    """Role -> names of the keyring identities holding a key for it that is valid and not
    revoked at the decision time."""
    unsigned: list[UnsignedSignoff] = EMPTY_LIST
    """The sign-off lines no keyring identity signed."""
    organisations: dict[str, str] = EMPTY_DICT
    """Name of each keyring identity -> the organisation the keyring records for it (an identity
    with none is absent): whether a signer is outside the developer is read from it."""

    def roles_of(self, person: str) -> set[str]:
        """The roles the keyring gives `person`."""
        return {r for r, people in self.holders.items() if person in people}
