"""The lifecycle table: every pair of states, legal and illegal, with every cause type."""

from __future__ import annotations

import itertools

import pytest

from casegate.errors import CasegateError
from casegate.model import BoundaryKind
from casegate.monitor import (
    TRANSITIONS,
    CaseState,
    CauseType,
    IllegalTransitionError,
    allowed_causes,
    check_transition,
    next_states,
)

S = CaseState
PAIRS = list(itertools.product(CaseState, CaseState))

EXPECTED_LEGAL = {
    (S.draft, S.under_review), (S.draft, S.withdrawn), (S.draft, S.superseded),
    (S.under_review, S.draft), (S.under_review, S.approved),
    (S.under_review, S.approved_with_conditions), (S.under_review, S.withdrawn),
    (S.under_review, S.superseded),
    (S.approved, S.approved), (S.approved, S.approved_with_conditions),
    (S.approved_with_conditions, S.approved_with_conditions),
    (S.approved, S.reopened), (S.approved, S.restricted), (S.approved, S.withdrawn),
    (S.approved, S.superseded),
    (S.approved_with_conditions, S.approved), (S.approved_with_conditions, S.reopened),
    (S.approved_with_conditions, S.restricted), (S.approved_with_conditions, S.withdrawn),
    (S.approved_with_conditions, S.superseded),
    (S.reopened, S.under_review), (S.reopened, S.approved),
    (S.reopened, S.approved_with_conditions), (S.reopened, S.withdrawn),
    (S.reopened, S.superseded),
    (S.restricted, S.restricted), (S.restricted, S.reopened), (S.restricted, S.withdrawn),
    (S.restricted, S.under_review), (S.restricted, S.approved),
    (S.restricted, S.approved_with_conditions), (S.restricted, S.superseded),
    (S.withdrawn, S.under_review), (S.withdrawn, S.superseded),
}


def test_the_table_is_exactly_the_documented_one() -> None:
    assert set(TRANSITIONS) == EXPECTED_LEGAL
    assert len(PAIRS) == 64


def _kwargs(to: CaseState, from_: CaseState) -> dict[str, BoundaryKind]:
    if to is S.restricted:
        # the case's boundary is api; an existing restriction is to trusted-access
        kw = {"restricted_to": BoundaryKind.internal_deployment, "boundary": BoundaryKind.api}
        if from_ is S.restricted:
            kw["current_restriction"] = BoundaryKind.trusted_access
        return kw
    return {}


@pytest.mark.parametrize(("from_", "to", "cause"), [
    (f, t, c) for (f, t) in PAIRS for c in CauseType
], ids=lambda x: getattr(x, "value", str(x)))
def test_every_pair_with_every_cause(from_: CaseState, to: CaseState, cause: CauseType) -> None:
    legal = (from_, to) in EXPECTED_LEGAL and cause in allowed_causes(from_, to)
    if legal:
        check_transition(from_, to, cause, **_kwargs(to, from_))
        return
    with pytest.raises(IllegalTransitionError) as e:
        check_transition(from_, to, cause, **_kwargs(to, from_))
    assert e.value.exit_code == 4
    assert isinstance(e.value, CasegateError)
    msg = e.value.diagnostics()
    assert from_.value in msg and to.value in msg
    if (from_, to) not in EXPECTED_LEGAL:
        assert "cannot become" in msg
    else:
        assert "needs a cause of type" in msg


def test_every_legal_transition_has_a_cause() -> None:
    for pair, causes in TRANSITIONS.items():
        assert causes, pair


def test_superseded_is_final() -> None:
    assert next_states(S.superseded) == []
    with pytest.raises(IllegalTransitionError) as e:
        check_transition(S.superseded, S.approved, CauseType.decision)
    assert "none: it is final" in e.value.diagnostics()


def test_only_a_decision_approves() -> None:
    for (f, t), causes in TRANSITIONS.items():
        if t in (S.approved_with_conditions,) or (t is S.approved and f is not S.approved_with_conditions):
            assert causes == {CauseType.decision}, (f, t)
    assert allowed_causes(S.approved_with_conditions, S.approved) == {
        CauseType.conditions_met, CauseType.decision}


def test_restriction_must_narrow() -> None:
    with pytest.raises(IllegalTransitionError, match="needs the narrower boundary"):
        check_transition(S.approved, S.restricted, CauseType.trigger)
    with pytest.raises(IllegalTransitionError, match="not narrower than its boundary"):
        check_transition(S.approved, S.restricted, CauseType.trigger,
                         restricted_to=BoundaryKind.consumer, boundary=BoundaryKind.api)
    with pytest.raises(IllegalTransitionError, match="not narrower than its current restriction"):
        check_transition(S.restricted, S.restricted, CauseType.manual,
                         restricted_to=BoundaryKind.trusted_access,
                         current_restriction=BoundaryKind.trusted_access, boundary=BoundaryKind.api)
    with pytest.raises(IllegalTransitionError, match="only applies when restricting"):
        check_transition(S.approved, S.reopened, CauseType.trigger,
                         restricted_to=BoundaryKind.trusted_access)


def test_deployable_states() -> None:
    assert {s for s in CaseState if s.deployable} == {
        S.approved, S.approved_with_conditions, S.restricted}
