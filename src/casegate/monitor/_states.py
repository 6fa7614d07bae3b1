"""The case lifecycle: eight states, an explicit table of legal transitions and the cause each
needs, and the one function that moves a case (checked here, recorded by the store).

A case is *deployable* only while it is approved or approved with conditions (at its own
boundary), or restricted (at the narrower boundary it was restricted to). Every other state makes
deploy verification fail. The store keeps the state; nothing is re-signed when it changes.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Any, Protocol

from ..errors import CasegateError
from ..model import BoundaryKind
from ..store import LogEntry


class CaseState(StrEnum):
    """Where a case is in its lifecycle."""

    draft = "draft"
    under_review = "under-review"
    approved = "approved"
    approved_with_conditions = "approved-with-conditions"
    reopened = "reopened"
    restricted = "restricted"
    withdrawn = "withdrawn"
    superseded = "superseded"

    @property
    def deployable(self) -> bool:
        """Whether a deploy may proceed in this state (restricted: only at the narrower boundary)."""
        return self in DEPLOYABLE


DEPLOYABLE = frozenset({CaseState.approved, CaseState.approved_with_conditions, CaseState.restricted})
"""States in which a signed GO still verifies (restricted: only for the narrower boundary)."""

WATCHED = DEPLOYABLE
"""States whose triggers `triggers run` evaluates: every state in which the system is deployed."""


class CauseType(StrEnum):
    """What kind of event may move a case."""

    submission = "submission"
    """The authors submit a version for review (a new version after a reopening or withdrawal)."""
    decision = "decision"
    """A gate decision with its sign-offs is recorded for the version under review."""
    conditions_met = "conditions-met"
    """Every condition of a GO WITH CONDITIONS decision has been met, with evidence."""
    trigger = "trigger"
    """A post-deployment trigger fired (incident, monitor breach, capability, change, expiry,
    overdue condition)."""
    manual = "manual"
    """A person with authority acts explicitly (returns a case to its authors, reopens,
    restricts or withdraws it), giving a role and a reason."""
    superseded_by = "superseded-by"
    """Another case replaces this one (the cause names it)."""
    shared_weights = "shared-weights"
    """A case about the same weights was reopened, restricted or withdrawn: the registry logs the
    same on this one (the cause names that case and its state change), so the weights deploy
    under no case id while it stands (`casegate.monitor.follow_shared_weights`)."""


S = CaseState
C = CauseType

TRANSITIONS: dict[tuple[CaseState, CaseState], frozenset[CauseType]] = {
    # authoring and review
    (S.draft, S.under_review): frozenset({C.submission}),
    (S.draft, S.withdrawn): frozenset({C.manual}),
    (S.draft, S.superseded): frozenset({C.superseded_by}),
    (S.under_review, S.draft): frozenset({C.decision, C.manual}),
    (S.under_review, S.approved): frozenset({C.decision}),
    (S.under_review, S.approved_with_conditions): frozenset({C.decision}),
    (S.under_review, S.withdrawn): frozenset({C.manual}),
    (S.under_review, S.superseded): frozenset({C.superseded_by}),
    # deployed
    (S.approved, S.approved): frozenset({C.decision}),
    (S.approved, S.approved_with_conditions): frozenset({C.decision}),
    (S.approved, S.reopened): frozenset({C.trigger, C.manual, C.shared_weights}),
    (S.approved, S.restricted): frozenset({C.trigger, C.manual, C.shared_weights}),
    (S.approved, S.withdrawn): frozenset({C.trigger, C.manual, C.shared_weights}),
    (S.approved, S.superseded): frozenset({C.superseded_by}),
    (S.approved_with_conditions, S.approved): frozenset({C.conditions_met, C.decision}),
    (S.approved_with_conditions, S.approved_with_conditions): frozenset({C.decision}),
    (S.approved_with_conditions, S.reopened): frozenset({C.trigger, C.manual, C.shared_weights}),
    (S.approved_with_conditions, S.restricted): frozenset({C.trigger, C.manual, C.shared_weights}),
    (S.approved_with_conditions, S.withdrawn): frozenset({C.trigger, C.manual, C.shared_weights}),
    (S.approved_with_conditions, S.superseded): frozenset({C.superseded_by}),
    # after launch something changed: only a new gate run with new sign-offs re-approves
    (S.reopened, S.under_review): frozenset({C.submission}),
    (S.reopened, S.approved): frozenset({C.decision}),
    (S.reopened, S.approved_with_conditions): frozenset({C.decision}),
    (S.reopened, S.withdrawn): frozenset({C.trigger, C.manual}),
    (S.reopened, S.superseded): frozenset({C.superseded_by}),
    (S.restricted, S.restricted): frozenset({C.trigger, C.manual, C.shared_weights}),
    (S.restricted, S.reopened): frozenset({C.trigger, C.manual, C.shared_weights}),
    (S.restricted, S.withdrawn): frozenset({C.trigger, C.manual, C.shared_weights}),
    (S.restricted, S.under_review): frozenset({C.submission}),
    (S.restricted, S.approved): frozenset({C.decision}),
    (S.restricted, S.approved_with_conditions): frozenset({C.decision}),
    (S.restricted, S.superseded): frozenset({C.superseded_by}),
    (S.withdrawn, S.under_review): frozenset({C.submission}),
    (S.withdrawn, S.superseded): frozenset({C.superseded_by}),
    # superseded is final
}
"""Every legal transition (from, to) and the cause types that may make it. Anything else is
refused. A restricted case may be restricted again, only to a narrower boundary. A deployed case
moves from approval to approval only by a decision on a newer version (checked where decisions
are applied)."""

INITIAL = CaseState.draft
"""The state of a case when its first version is submitted to the registry."""


class IllegalTransitionError(CasegateError):
    """A state change the lifecycle does not allow, or one made with the wrong kind of cause."""

    exit_code = 4


def allowed_causes(from_: CaseState, to: CaseState) -> frozenset[CauseType]:
    """The cause types that may move a case from `from_` to `to` (empty: illegal)."""
    return TRANSITIONS.get((from_, to), frozenset())


def next_states(from_: CaseState) -> list[CaseState]:
    """The states a case may move to from `from_`, in lifecycle order."""
    return [to for to in CaseState if (from_, to) in TRANSITIONS]


def check_transition(
    from_: CaseState,
    to: CaseState,
    cause: CauseType,
    *,
    restricted_to: BoundaryKind | None = None,
    current_restriction: BoundaryKind | None = None,
    boundary: BoundaryKind | None = None,
) -> None:
    """Raise `IllegalTransitionError` unless `from_ -> to` is legal for a cause of this type.

    A move to `restricted` needs the narrower boundary (`restricted_to`): narrower than the case's
    own `boundary`, and narrower than `current_restriction` when already restricted.
    """
    causes = allowed_causes(from_, to)
    if not causes:
        legal = ", ".join(s.value for s in next_states(from_)) or "none: it is final"
        raise IllegalTransitionError(
            f"a case that is {from_.value} cannot become {to.value}",
            help=f"from {from_.value} a case may become: {legal}",
        )
    if cause not in causes:
        raise IllegalTransitionError(
            f"{from_.value} -> {to.value} needs a cause of type "
            f"{' or '.join(sorted(c.value for c in causes))}, not {cause.value}",
            help=_CAUSE_HELP[next(iter(sorted(causes, key=lambda c: c.value)))],
        )
    if to is CaseState.restricted:
        if restricted_to is None:
            raise IllegalTransitionError(
                "restricting a case needs the narrower boundary it is restricted to",
                help="name it, e.g. --to trusted-access (a trigger's `to:`)",
            )
        for wider, what in ((current_restriction, "its current restriction"), (boundary, "its boundary")):
            if wider is not None and restricted_to.rank >= wider.rank:
                raise IllegalTransitionError(
                    f"cannot restrict to {restricted_to.value}: it is not narrower than "
                    f"{what} ({wider.value})",
                    help="restrict to a boundary lower on the exposure ladder, or withdraw",
                )
    elif restricted_to is not None:
        raise IllegalTransitionError(
            f"a narrower boundary only applies when restricting, not when becoming {to.value}"
        )


_CAUSE_HELP = {
    C.submission: "submit a version for review: casegate state set CASE under-review --cause submission",
    C.decision: "record a new gate decision with its sign-offs for a new version of the case",
    C.conditions_met: "mark every condition met: casegate condition met CASE C1 --evidence ...",
    C.trigger: "triggers move deployed cases: casegate triggers run",
    C.manual: "give the acting role and a reason: casegate state set CASE STATE --role R --reason TEXT",
    C.superseded_by: "name the replacing case: --cause superseded-by --by OTHER_CASE",
    C.shared_weights: "the registry logs it itself when a case about the same weights is reopened, restricted "
                      "or withdrawn",
}


CAUSE_FIELDS: dict[CauseType, tuple[str, ...]] = {
    C.submission: ("by",),
    C.decision: ("decision",),
    C.conditions_met: ("conditions",),
    C.trigger: ("trigger", "event"),
    C.manual: ("role", "reason"),
    C.superseded_by: ("by",),
    C.shared_weights: ("case", "entry", "reason"),
}
"""What each cause type must record besides its type, so every change says why."""


class StateStore(Protocol):
    """What the lifecycle needs from the registry."""

    def case_state(self, case_id: str) -> Any: ...

    def case_restriction(self, case_id: str) -> Any: ...

    def set_case_state(self, case_id: str, state: str, cause: Any,
                       restricted_to: str | None = None,
                       check: Callable[[str, str | None], None] | None = None) -> LogEntry: ...


def current_state(reg: StateStore, case_id: str) -> CaseState:
    """The case's state in the registry."""
    raw = reg.case_state(case_id)
    return CaseState(getattr(raw, "value", raw))


def current_restriction(reg: StateStore, case_id: str) -> BoundaryKind | None:
    """The boundary a restricted case is confined to, or None."""
    raw = reg.case_restriction(case_id)
    if raw is None:
        return None
    return BoundaryKind(getattr(raw, "value", raw))


def transition(
    reg: StateStore,
    case_id: str,
    to: CaseState,
    cause: dict[str, Any],
    *,
    restricted_to: BoundaryKind | None = None,
    boundary: BoundaryKind | None = None,
    follow: bool = True,
) -> LogEntry:
    """Move a case to `to` if the lifecycle allows it, and record the change with its cause.

    `cause` is the recorded cause: a dict with at least `type` (a `CauseType` value) and the
    details that justify it (trigger id and event, decision, role and reason, ...). Returns the
    store's log entry of the state change. Raises `IllegalTransitionError` and changes nothing
    when the move is not allowed.

    Then (`follow`, on a registry) every deployed case about the same weights as a case reopened,
    restricted or withdrawn for a cause of its own is moved the same way
    (`casegate.monitor.follow_shared_weights`), this one included when it was just approved, in
    the same transaction as this change: both are logged, or neither.
    """
    try:
        ctype = CauseType(str(cause.get("type")))
    except ValueError:
        raise IllegalTransitionError(
            f"unknown cause type {cause.get('type')!r}",
            help="one of: " + ", ".join(c.value for c in CauseType),
        ) from None
    missing = [k for k in CAUSE_FIELDS[ctype] if not cause.get(k)]
    if missing:
        raise IllegalTransitionError(
            f"a {ctype.value} cause must say {', '.join(missing)}",
            help=_CAUSE_HELP[ctype],
        )
    from_ = current_state(reg, case_id)
    check_transition(
        from_, to, ctype,
        restricted_to=restricted_to,
        current_restriction=current_restriction(reg, case_id) if from_ is CaseState.restricted else None,
        boundary=boundary,
    )

    def legal_now(state: str, restriction: str | None) -> None:
        # checked again under the registry's write lock: another writer may have moved the case
        now = CaseState(state)
        check_transition(
            now, to, ctype, restricted_to=restricted_to,
            current_restriction=BoundaryKind(restriction) if now is CaseState.restricted and restriction else None,
            boundary=boundary,
        )

    from ..store import Registry

    # a person's move (or one following another case) out of deployment: the breaches the plan
    # owes are logged first, as `triggers run` logs them; a case not deployed runs no triggers
    leaving = (isinstance(reg, Registry) and from_ in WATCHED and to not in WATCHED
               and ctype is not CauseType.trigger)
    if not (follow and isinstance(reg, Registry)) and not leaving:
        return reg.set_case_state(
            case_id, to.value, dict(cause), restricted_to=restricted_to.value if restricted_to else None,
            check=legal_now,
        )
    assert isinstance(reg, Registry)
    from ._compare import follow_shared_weights

    # the change and what comes with it are one transaction: a crash between them must not leave
    # a breach unlogged, or a case of the same weights deployable, in the log
    with reg.atomic("changing case state"):
        if leaving:
            from ..store import log_time
            from ._run import log_unapplied_breaches

            log_unapplied_breaches(reg, case_id, log_time())
        entry = reg.set_case_state(
            case_id, to.value, dict(cause), restricted_to=restricted_to.value if restricted_to else None,
            check=legal_now,
        )
        if follow:
            follow_shared_weights(reg)
    return entry
