"""After launch: the case lifecycle, incidents, monitors and triggers that reopen, restrict or
withdraw a case, conditions with due dates, and the record of what held up."""

from ._evaluate import (
    ConditionStatus,
    Facts,
    Firing,
    LaterVersion,
    RecordedIncident,
    domain_claims,
    evaluate,
    evidence_expiry,
    strongest,
    widening,
)
from ._incidents import Incident
from ._series import Sample, WindowMean, first_breach, parse_timestamp, parse_window, read_samples, window_mean
from ._states import (
    DEPLOYABLE,
    TRANSITIONS,
    CaseState,
    CauseType,
    IllegalTransitionError,
    allowed_causes,
    check_transition,
    current_state,
    next_states,
    transition,
)

__all__ = [
    "DEPLOYABLE", "TRANSITIONS", "CaseState", "CauseType", "ConditionStatus", "Facts", "Firing",
    "IllegalTransitionError", "Incident", "LaterVersion", "RecordedIncident", "Sample",
    "WindowMean", "allowed_causes", "check_transition", "current_state", "domain_claims",
    "evaluate", "evidence_expiry", "first_breach", "next_states", "parse_timestamp",
    "parse_window", "read_samples", "strongest", "transition", "widening", "window_mean",
]
