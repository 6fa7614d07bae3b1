"""Which sign-off lines of a case are signed: a line counts only when its DSSE envelope verifies
against the keyring, for this case version, in the role and by the person the line names. Every
other line is "declared, not signed", and the role it stands for is missing."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..load import Loaded
from ..model import SignoffRef

if TYPE_CHECKING:
    from ..sign import Keyring


@dataclass
class SignoffCheck:
    """The case with only its signed sign-off lines, and why each other line does not count."""

    signed_case: Loaded
    """The loaded case whose `decision.signoffs` holds only the lines with a valid envelope."""
    signed: list[str] = field(default_factory=list)
    """`person (role)` of each line that counts."""
    declared: list[str] = field(default_factory=list)
    """`person (role): why` of each line that does not."""


def signed_signoffs(loaded: Loaded, keyring: Keyring | None, at: dt.datetime) -> SignoffCheck:
    """Split the case's sign-off lines into signed and declared-not-signed (fail closed: with no
    keyring no line counts, since no signature can be checked)."""
    if loaded.case is None:
        return SignoffCheck(loaded)
    lines = loaded.case.decision.signoffs
    if keyring is None:
        return _keep(loaded, [], [f"{s.person} ({s.role}): no keyring to check a signature against"
                                  for s in lines])
    from ._bundle import collect  # the signing stack, only when there is a signature to check

    collected = collect(loaded, keyring, at)
    valid = {(x.person, x.role) for x in collected.signoffs}
    keep: list[SignoffRef] = []
    declared: list[str] = []
    for s in lines:
        if s.envelope is not None and (s.person, s.role) in valid:
            keep.append(s)
            continue
        if s.envelope is None:
            why = "no envelope (sign it with `casegate sign`)"
        else:
            label = f"sign-off {s.envelope}"
            found = [p.removeprefix(label + ": ") for p in collected.problems if p.startswith(label)]
            why = "; ".join(found) or "its envelope does not verify"
        declared.append(f"{s.person} ({s.role}): {why}")
    return _keep(loaded, keep, declared)


def _keep(loaded: Loaded, keep: list[SignoffRef], declared: list[str]) -> SignoffCheck:
    assert loaded.case is not None
    decision = loaded.case.decision.model_copy(update={"signoffs": keep})
    case = loaded.case.model_copy(update={"decision": decision})
    return SignoffCheck(dataclasses.replace(loaded, case=case),
                        signed=[f"{s.person} ({s.role})" for s in keep],
                        declared=declared)
