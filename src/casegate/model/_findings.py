"""Rules, findings and decision records: the data the checks and the gate produce."""

from collections.abc import Sequence
from enum import Enum
from typing import Literal

from pydantic import Field

from ._base import OPTIONAL_UNRECORDED, Frozen

Serves = Literal[
    # the seven tests
    "test-1-boundary",
    "test-2-threat-model",
    "test-3-elicitation",
    "test-4-safeguards",
    "test-5-authority",
    "test-6-publication",
    "test-7-post-deployment",
    # the six failure modes
    "fm-argument-theater",
    "fm-threshold-gaming",
    "fm-residual-risk-laundering",
    "fm-internal-deployment-blindness",
    "fm-security-opacity",
    "fm-no-public-memory",
    # structure
    "structure",
]


class RuleSeverity(str, Enum):
    """What a finding of the rule does to the decision."""

    blocking = "blocking"
    condition = "condition"
    advisory = "advisory"


SEVERITY_RANK: dict[str, int] = {s.value: i for i, s in enumerate(RuleSeverity)}
"""Severity value -> rank, most serious first (blocking 0, condition 1, advisory 2)."""


class Rule(Frozen):
    """A declared rule: its code, name, what it serves, and its documentation."""

    code: str = Field(pattern=r"^CG(?:[1-9][0-9]{2}|1[0-9]{3})$")
    """Stable code, e.g. CG301."""
    name: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    """Readable kebab-case name, e.g. 'elicitation-below-minimum'."""
    severity: RuleSeverity
    """Default severity of its findings."""
    serves: Serves
    """The seed test or failure mode the rule serves."""
    summary: str
    """One line: what the rule finds."""
    rationale: str
    """Why it matters."""
    bad: str
    """A YAML fragment that triggers the rule."""
    good: str
    """The same fragment, fixed."""
    fix: str
    """How to fix a finding."""
    since: str = "0.1.0"
    """casegate version that introduced the rule."""


class Location(Frozen):
    """Where in the source a finding points."""

    file: str
    """File path as given."""
    line: int
    """1-based line."""
    column: int
    """1-based column."""


class Finding(Frozen):
    """One violation of a rule, pointing at a case element."""

    code: str
    """Rule code."""
    name: str
    """Rule name."""
    severity: RuleSeverity
    """Severity of this finding (may differ from the rule's default)."""
    message: str
    """What is wrong, in terms of this case."""
    path: tuple[str | int, ...] = ()
    """Path of the offending element in the merged document."""
    location: Location | None = None
    """Source location, resolved from `path`."""
    help: str | None = None
    """How to fix it."""
    waived: "Waiver | None" = None
    """The waiver covering this finding, when waived."""

    @property
    def blocking(self) -> bool:
        return self.severity is RuleSeverity.blocking and self.waived is None


NEVER_WAIVABLE: dict[str, str] = {
    "CG708": "an incident that defeated claims of an earlier version",
    "CG718": "a monitor breach that fired a trigger against an earlier version",
    "CG432": "an incident's attack, left out of the tests of this version or still getting through",
    "CG440": "an incident of high severity or graver naming no attack its relaunch's red team must hold",
}
"""Rules no waiver ever covers, whatever the policy says, and what each finding stands for: the
deployment itself defeated the claims, and only an answer in substance (`incident_answers`) lets
the case be approved again."""


def never_waivable(code: str) -> str | None:
    """Why a waiver of `code` is refused whatever the policy says (None: the policy decides)."""
    what = NEVER_WAIVABLE.get(code.upper())
    if what is None:
        return None
    return (f"{code.upper()} can never be waived, whatever the policy says: {what} must be answered in "
            "substance under `incident_answers` (new evidence, a changed or withdrawn claim, a new "
            "safeguard or a narrower boundary)")


class Waiver(Frozen):
    """A signed waiver of one finding."""

    code: str
    """Rule code waived."""
    path: tuple[str | int, ...] = ()
    """Finding path waived (empty: every finding of the code)."""
    role: str
    """Role that waived it."""
    person: str
    """Who waived it."""
    reason: str
    """Why."""
    until: str
    """ISO date the waiver lapses."""
    envelope: str | None = OPTIONAL_UNRECORDED
    """The case's reference to the waiver's envelope (not part of any record)."""
    signed_at: str | None = OPTIONAL_UNRECORDED
    """When its signer says it was signed (not part of any record): the gate counts its span from
    the earliest of this and when the registry first logged the envelope."""

    def covers(self, code: str, path: Sequence[str | int]) -> bool:
        """Whether this waiver applies to a finding with this code and path (an empty `path` on
        the waiver: every finding of the code)."""
        return self.code == code and (not self.path or tuple(self.path) == tuple(path))


# No Finding.model_rebuild() here: validators are built on first use (`Frozen`'s defer_build),
# when `Waiver` above is defined; building it at import cost every command a tenth of a second.
