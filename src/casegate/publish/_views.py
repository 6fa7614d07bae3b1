"""The public summary document: the types of `summary.json` (format `casegate_summary: 2`, and
summaries recorded in format 1, which read as they always did).

Every field holds only what the audience may see: a redacted element appears as its `Redacted`
reference and the few attributes `REVEALED_FIELDS` allows.

Format 2 writes each argument node, outline row and evidence item without its fields at their
defaults (null, false, an empty list): reading a summary through `PublicSummary` fills them back
in, so both formats read as the same model. Its `case_document` holds, for the argument's
elements and the evidence, only what the nodes and items do not carry (see
`PublicSummary.case_document`).
"""

from __future__ import annotations

import operator
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial
from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field

from ..model import Confidentiality, Frozen, new_dict, new_list
from ._redact import Stub

SUMMARY_VERSION = 2
"""Version of the public summary format `publish` writes."""



# fields left out of the JSON at their default (format 2: a reader's model fills them back in),
# each tested by a C function (called for every such field of thousands of nodes and items: a
# Python function's frame would cost more than the test)
_none = partial(operator.is_, None)
_empty = operator.not_  # an empty list, or false
_Text = Annotated[str | None, Field(exclude_if=_none)]
_Flag = Annotated[bool, Field(exclude_if=_empty)]
_Ids = Annotated[list[str], Field(exclude_if=_empty)]


@dataclass(slots=True)
class Redacted:
    """A redacted element: where it stood, what it was, and the commitment to its content.

    A plain dataclass, as `Node` is (and like it never changed once built): a large case redacts
    thousands of elements, each referred to from its item and from the list of redactions."""

    __pydantic_config__ = ConfigDict(extra="forbid")

    pointer: str
    """RFC 6901 pointer of the element in the case document."""
    type: str
    """Element type."""
    id: str
    """Element id."""
    level: Confidentiality
    """Its confidentiality level."""
    commitment: str
    """`sha256:<hex>` salted commitment to its content (see `commitment_scheme`)."""


def not_any(value: list[str] | dict[str, list[str]]) -> bool:
    """Whether a list is empty (a field left out of the JSON then)."""
    return not value


def ref(stub: Stub) -> Redacted:
    """The public reference to a redacted element."""
    return Redacted(pointer=stub.pointer, type=stub.type, id=stub.id, level=stub.level,
                    commitment=stub.commitment)


def refs_of(stubs: Iterable[Stub]) -> list[Redacted]:
    """`ref` of each stub, in order (the stubs' values are the redaction's own: nothing to
    validate)."""
    return [Redacted(s.pointer, s.type, s.id, s.level, s.commitment) for s in stubs]


@dataclass(slots=True)
class Node:
    """One element of the argument, in place, with its text or its redaction.

    A plain dataclass, not a model: a large argument has thousands of nodes, which `_argument`
    builds straight from the case (a model would validate each one again); pydantic still
    validates and serialises them as the fields below, in this order, inside `ArgumentView`.
    Never changed once built, though not declared frozen: a frozen dataclass sets each field
    through `object.__setattr__`, which makes building (and pydantic serialising) thousands of
    them several times slower."""

    __pydantic_config__ = ConfigDict(extra="forbid")

    id: str
    """Element id."""
    type: str
    """claim, strategy, context, assumption, justification or defeater."""
    text: _Text = None
    """The element's text (None when redacted)."""
    redacted: Annotated[Redacted | None, Field(exclude_if=_none)] = None
    """The redaction, when redacted."""
    supported_by: _Ids = field(default_factory=new_list)
    """Elements that support it."""
    in_context_of: _Ids = field(default_factory=new_list)
    """Context, assumptions and justifications."""
    evidence: _Ids = field(default_factory=new_list)
    """Evidence it rests on."""
    defeaters: _Ids = field(default_factory=new_list)
    """Defeaters raised against it."""
    supports: _Ids = field(default_factory=new_list)
    """Elements it supports (derived from the others' links)."""
    undeveloped: _Flag = False
    """Marked as not yet developed."""
    kind: _Text = None
    """Defeater kind."""
    status: _Text = None
    """Defeater status."""
    against: _Ids = field(default_factory=new_list)
    """What the defeater targets."""
    answered_by: _Ids = field(default_factory=new_list)
    """What answers the defeater."""
    raised_by: _Text = None
    """Who raised the defeater."""


@dataclass(slots=True)
class OutlineRow:
    """One line of the argument's outline (a plain dataclass, as `Node` is, and like it never
    changed once built)."""

    __pydantic_config__ = ConfigDict(extra="forbid")

    id: str
    """Element id."""
    depth: int
    """Depth below the top claim."""
    repeat: _Flag = False
    """The element was already shown in full above (shared context, or several parents)."""


class ArgumentView(Frozen):
    """The argument's structure: the top claim and every element in place."""

    top: str
    """Top claim id."""
    nodes: dict[str, Node]
    """Elements by id, in the case's order."""
    outline: list[OutlineRow] = Field(default_factory=new_list)
    """The argument as an indented outline from the top claim (depth-first)."""
    unreachable: list[str] = Field(default_factory=new_list)
    """Elements not reachable from the top claim."""


@dataclass(slots=True)
class EvidenceItem:
    """An evidence item and what it bears on.

    A plain dataclass, as `Node` is (and like it never changed once built): a large case has
    thousands of items, which `_evidence` builds from values the case's models already hold."""

    __pydantic_config__ = ConfigDict(extra="forbid")

    id: str
    kind: _Text = None
    title: _Text = None
    producer: _Text = None
    independent: Annotated[bool | None, Field(exclude_if=_none)] = None
    date: _Text = None
    expires: _Text = None
    result: _Text = None
    """The result in words, e.g. '33 of 200 successes'."""
    summary: _Text = None
    sha256: _Text = None
    """sha256 of the artifact (public evidence only)."""
    supports: _Ids = field(default_factory=new_list)
    """Claims, safeguards and defeater answers that rest on it."""
    relied_on_by: _Ids = field(default_factory=new_list)
    """Roles whose sign-off relied on it."""
    redacted: Annotated[Redacted | None, Field(exclude_if=_none)] = None
    basis: _Text = None
    """Where its values come from: 'derived' (read from its artifact by casegate), 'declared' (no
    artifact casegate reads: the author's word) or 'not derived' (its artifact gave nothing)."""


class DomainItem(Frozen):
    """A risk domain of the threat model."""

    id: str
    actors: list[str] = Field(default_factory=new_list)
    scoped_out: str | None = None
    """Why it is out of scope (None when addressed)."""
    evidence: list[str] = Field(default_factory=new_list)
    pathways: list[str] = Field(default_factory=new_list)


class StepView(Frozen):
    """One step of a pathway and the safeguards that block it."""

    step: str
    """The step (its position, `#n`, when the pathway is redacted)."""
    blocked_by: list[str] = Field(default_factory=new_list)
    """Safeguards that block it."""


class PathwayItem(Frozen):
    """A harm pathway with the safeguards mapped to each step."""

    id: str
    domain: str
    title: str | None = None
    severity: str | None = None
    actors: list[str] = Field(default_factory=new_list)
    steps: list[StepView] = Field(default_factory=new_list)
    redacted: Redacted | None = None


class SafeguardItem(Frozen):
    """A safeguard and the pathway steps it blocks."""

    id: str
    layer: str | None = None
    title: str | None = None
    blocks: list[str] = Field(default_factory=new_list)
    evidence: list[str] = Field(default_factory=new_list)
    verified_by: str | None = None
    """Who the case says verified it (its `verified_by`, as typed)."""
    verified_by_attested: _Flag = False
    """Whether that party signed an attestation, verified against the keyring the gate used, that
    covers one of the safeguard's tests; the pages name the party only then, and otherwise show
    `verified_by` as the case's word, not attested."""
    security: bool = False
    redacted: Redacted | None = None


class ResidualItem(Frozen):
    """Residual risk on one pathway."""

    pathway: str
    estimate: str | None = None
    exposed: list[str] = Field(default_factory=new_list)
    detection: str | None = None
    stop_authority: str | None = None
    owner: str | None = None
    accepted_by: str | None = None
    rationale: str | None = None
    redacted: Redacted | None = None


class AnswerItem(Frozen):
    """One of the eight questions, answered."""

    key: str
    question: str
    answer: str
    sources: list[str] = Field(default_factory=new_list)
    answerable: bool = True
    """Whether the gate found the case able to answer it."""
    origin: str = "gate"
    """'gate' when the gate's own answer is shown; 'summary' when it touched redacted content and
    the answer was composed from the public view instead."""


class ConditionItem(Frozen):
    """A condition of the decision."""

    id: str
    text: str | None = None
    """What must be done (None when withheld because it concerns redacted content)."""
    cause: str
    due: str | None = None
    withheld: bool = False
    quotes: list[str] = Field(default_factory=new_list, exclude_if=not_any)
    """When it is withheld only because its words quote the content of redacted elements (it
    names none and lies in none): their pointers. Left out of the JSON when empty."""
    finding: str | None = None
    """What the gate found (None when withheld, or in a record that kept finding and fix together)."""
    fix: str | None = None
    """What to do about it (None when withheld or not recorded apart)."""
    standing: _Text = None
    """Where the registry's log finds it when the summary was written: "overdue: ..." (past its
    due date, nothing that counts shows it met), "met on ..." (late or not). Left out of the
    JSON when the summary was written without a registry, or before its due date with nothing met."""


class FindingItem(Frozen):
    """A finding of the gate."""

    code: str
    name: str
    severity: str
    message: str | None = None
    """None when withheld because it concerns redacted content."""
    element: str | None = None
    """Pointer of the element it concerns (None when inside a redacted element)."""
    location: str | None = None
    """file:line of the element in the case's source (None when inside a redacted element)."""
    waived: bool = False
    withheld: bool = False
    quotes: list[str] = Field(default_factory=new_list, exclude_if=not_any)
    """As `ConditionItem.quotes`."""


class DecisionView(Frozen):
    """The gate's decision."""

    outcome: str
    decided_at: str
    boundary: str | None = None
    narrower: str | None = None
    lacks: list[str] = Field(default_factory=new_list)
    conditions: list[ConditionItem] = Field(default_factory=new_list)
    findings: list[FindingItem] = Field(default_factory=new_list)
    counts: dict[str, int] = Field(default_factory=new_dict)
    """Findings by severity (blocking, condition, advisory) and waived."""
    digests: dict[str, Any] = Field(default_factory=new_dict)
    """Model digests and the case digest the decision is bound to."""


class SignoffItem(Frozen):
    """A sign-off recorded in the case."""

    role: str
    person: str
    date: str
    signed: bool = False
    """Whether a signed envelope is recorded."""
    relies_on: list[str] = Field(default_factory=new_list)


class ObjectionItem(Frozen):
    """An objection and its answer (only role and status when redacted)."""

    id: str
    role: str
    status: str
    person: str | None = None
    date: str | None = None
    reason: str | None = None
    """None when the objection is redacted."""
    answer: str | None = None
    answered_by: str | None = None
    redacted: Redacted | None = None


class DissentView(Frozen):
    """Objections and defeaters, with their status."""

    objections: list[ObjectionItem] = Field(default_factory=new_list)
    defeaters: list[Node] = Field(default_factory=new_list)
    contested: dict[str, list[str]] = Field(default_factory=new_dict, exclude_if=not_any)
    """Pointer of a defeater or objection (`/argument/elements/D1`, `/decision/objections/O-1`) ->
    the unwaived blocking and condition findings the gate raised on it (`CG805
    sandbagging-answer-without-evidence`): its status is the case's word, and the gate does not
    take it as it stands. Left out of the JSON when there are none."""


class TriggerItem(Frozen):
    """An event that reopens, restricts or withdraws the case."""

    id: str
    on: str
    action: str
    to: str | None = None
    description: str | None = None
    detail: str | None = None
    """The event's filter in words (domain, severity, monitor)."""


class MonitorItem(Frozen):
    """A signal watched after launch."""

    id: str
    signal: str
    rule: str
    """e.g. '> 0.005 over 24h'."""
    action: str
    to: str | None = None


class PostDeploymentView(Frozen):
    """The post-deployment plan: what is watched and what reopens the case."""

    monitors: list[MonitorItem] = Field(default_factory=new_list)
    triggers: list[TriggerItem] = Field(default_factory=new_list)
    reevaluate_by: str | None = None
    model_change_control: str | None = None
    withdrawal: list[str] = Field(default_factory=new_list)
    incident_reporting: str | None = None
    at_scale: str | None = None


PREVIEW_NOTE = ("Unrecorded preview, not a publication: written by `casegate publish --no-record`, "
                "judged under a keyring (or none) and as of a date the publisher chose; no registry recorded or "
                "judged it, and it is not the public summary of this version.")
"""The words every output of a preview carries."""


class PreviewMark(Frozen):
    """What marks a summary written as a local preview (`casegate publish --no-record`): the
    verifier refuses it as a publication, and the registry refuses to record it."""

    recorded: Literal[False] = False
    """Always false: no registry recorded this summary."""
    note: str = PREVIEW_NOTE
    """The same words the Markdown, HTML and diagrams show."""
    judged_as_of: str
    """The date the gate decided as of (the publisher's choice: `--at`, or the case's date)."""
    keyring: bool
    """Whether a keyring was given (any keyring: no trust root pinned it)."""


class PublicSummary(Frozen):
    """The public summary document (JSON), from which the Markdown and HTML pages are rendered."""

    casegate_summary: Literal[1, 2]
    """Format version (`SUMMARY_VERSION` for a summary written now; `_commit.SUMMARY_VERSIONS`)."""
    preview: Annotated[PreviewMark | None, Field(exclude_if=_none)] = None
    """Set on a local preview only (left out of a summary meant for the registry)."""
    commitment_scheme: str
    """How commitments are computed (see docs/publication.md)."""
    level: Confidentiality
    """Audience level: elements above it are redacted."""
    case: dict[str, Any]
    """id, title, version, date."""
    system: dict[str, Any]
    """The system: name, version, digests, lineage."""
    boundary: dict[str, Any] | None
    """The boundary crossed."""
    decision: DecisionView
    questions: list[AnswerItem]
    threat_model: list[DomainItem]
    pathways: list[PathwayItem]
    safeguards: list[SafeguardItem]
    evidence: list[EvidenceItem]
    residual_risk: list[ResidualItem]
    post_deployment: PostDeploymentView
    required_roles: list[str]
    """Roles the policy requires to sign for this boundary."""
    signoffs: list[SignoffItem]
    dissent: DissentView
    argument: ArgumentView
    publication: dict[str, Any]
    """The case's publication plan (venue, audience, what is withheld and why)."""
    redactions: list[Redacted]
    """Every redacted element with its commitment."""
    case_document: dict[str, Any]
    """The whole case document with redacted elements replaced by their stubs. In format 2, the
    argument's `elements` and the `evidence` hold, by id, only the fields `argument.nodes` and
    `evidence` do not carry (an element's `domain`, an evidence item's artifact, result and
    elicitation, ...), and only the ids with such fields: each element and item is written once."""

