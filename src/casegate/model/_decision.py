"""The gate's decision record: outcome, findings, conditions, the eight answers, and the digests
of every input, so the same inputs give a byte-identical record."""

from typing import Literal

from ._answers import Answer
from ._base import EMPTY_DICT, EMPTY_LIST, BoundaryKind, Frozen
from ._findings import Finding

Outcome = Literal["GO", "GO WITH CONDITIONS", "NO-GO"]

DECISION_RECORD_VERSION = 1
"""Version of the decision record format."""

class Condition(Frozen):
    """Something a GO WITH CONDITIONS decision requires, with its cause and due date."""

    id: str
    """Stable id within the decision, e.g. 'C1'."""
    text: str
    """What must be done (stronger control, monitoring, a re-evaluation)."""
    cause: str
    """Rule code of the finding that made it a condition."""
    path: tuple[str | int, ...] = ()
    """The case element it concerns."""
    due: str | None = None
    """ISO date by which it must be met."""
    finding: str = ""
    """What the gate found (the finding's message), shown apart from the fix ('' in records
    written before the two were kept apart: `text` then holds both)."""
    fix: str = ""
    """What to do about it (the rule's fix hint, or resolving a waived finding)."""


class BoundaryTrial(Frozen):
    """The gate's evaluation of one boundary."""

    boundary: BoundaryKind
    """The boundary tried."""
    outcome: Outcome
    """What the decision would be for it."""
    blocking: list[str] = EMPTY_LIST
    """Codes of the blocking findings that stand for it (for a narrower boundary that fails, the
    first one found: the gate stops there)."""
    dropped: list[str] = EMPTY_LIST
    """Boundary attributes removed for this trial ('tools', 'sensitive_domains'), or single grants
    ('tools.web-browsing') the evidence does not carry."""


class Digests(Frozen):
    """sha256 of every input the decision rests on."""

    case_files: dict[str, str] = EMPTY_DICT
    """Case file path -> sha256 of its bytes."""
    policy: str | None = None
    """sha256 of the policy file."""
    evidence: dict[str, str | None] = EMPTY_DICT
    """Evidence id -> sha256 of its artifact as hashed at decision time."""
    model: list[str] = EMPTY_LIST
    """The system's digests (what a deploy pipeline must match)."""
    case: str | None = None
    """sha256 over the canonical JSON of the case's file digests (the case's identity)."""


class ComparedVersion(Frozen):
    """A registry version a decision was compared with."""

    role: str
    """'previous', 'approved', 'earlier' or 'later' (see the gate's comparison), or 'deployed': the
    version another case about the same model stands approved on, weighed beside this one (CG107)."""
    case: str
    """The registry case it is a version of."""
    number: int
    """Its number in the registry."""
    digest: str
    """The registry's digest of the stored version."""


class DecisionRecord(Frozen):
    """A versioned, reproducible record of one gate run."""

    record_version: int = DECISION_RECORD_VERSION
    """Format version of this record."""
    casegate_version: str
    """casegate version that produced it."""
    case_id: str
    """Case id."""
    case_version: str
    """Case version."""
    system: str
    """System name and version."""
    boundary: BoundaryKind | None
    """The boundary requested."""
    decided_at: str
    """The date the gate evaluated as (ISO date; the --at date or the case's date)."""
    outcome: Outcome
    """GO, GO WITH CONDITIONS or NO-GO."""
    findings: list[Finding] = EMPTY_LIST
    """Every finding, waived ones included and marked."""
    conditions: list[Condition] = EMPTY_LIST
    """Conditions of a GO WITH CONDITIONS."""
    answers: list[Answer] = EMPTY_LIST
    """The eight answers."""
    narrower: BoundaryKind | None = None
    """On NO-GO: the widest narrower boundary the same evidence supports (None if none does)."""
    lacks: list[str] = EMPTY_LIST
    """On NO-GO: what the requested boundary lacks, in words."""
    trials: list[BoundaryTrial] = EMPTY_LIST
    """Every boundary tried."""
    narrower_dropped: list[str] = EMPTY_LIST
    """On NO-GO: boundary attributes ('tools', 'sensitive_domains') or single grants
    ('tools.web-browsing') the narrower boundary drops."""
    rejected_waivers: list[str] = EMPTY_LIST
    """Waivers offered but not applied, each with the reason (role not allowed, non-waivable, lapsed)."""
    digests: Digests = Digests.model_construct()
    """Digests of every input."""
    compared_with: list[str] = EMPTY_LIST
    """The earlier versions the threshold-gaming rules compared this one with, e.g. 'previous:
    version 1.0 (#1)'; or the one reason nothing was compared, 'nothing: ...'."""
    compared: list[ComparedVersion] = EMPTY_LIST
    """The registry versions compared with, each named by case, number and digest (empty when no
    registry was consulted): the registry refuses to approve on a decision that missed one."""
    incidents_compared: list[str] = EMPTY_LIST
    """The incidents from the registry ('incident-<log index>') whose defeats the gate weighed;
    the registry refuses to approve on a decision that missed one logged before it."""
