"""An evaluation protocol: what an evaluation of one threshold will measure and how, fixed and
registered in the log before the run (pre-registration)."""

import json
from typing import Literal

from ._base import (
    EMPTY_LIST,
    OPTIONAL_AT_LEAST_0,
    OPTIONAL_AT_LEAST_1,
    Digest,
    Frozen,
    Id,
    Scaffold,
    Variant,
)
from ._policy import TaskRef


class PlannedElicitation(Frozen):
    """How hard the run will try to draw out the capability (each field only when planned)."""

    variant: Variant | None = None
    """Model variant to evaluate."""
    attempts: int | None = OPTIONAL_AT_LEAST_1
    """Attempts (epochs) per task."""
    scaffold: Scaffold | None = None
    """Scaffolding given to the model."""
    tools: list[str] | None = None
    """Tools available to the model."""
    budget_tokens: int | None = OPTIONAL_AT_LEAST_0
    """Token budget per task."""


class EvaluationProtocol(Frozen):
    """A protocol file (`kind: protocol`), registered with `casegate protocol register`."""

    casegate: int
    """Format version (1)."""
    kind: Literal["protocol"] = "protocol"
    """Always 'protocol'."""
    id: Id
    """The protocol's id; registering it again records a changed protocol."""
    policy: Id
    """Id of the policy whose threshold the evaluation tests."""
    threshold: Id
    """Threshold id the evaluation tests."""
    metric: str | None = None
    """Metric (or scorer) the result will be read from."""
    reduction: Literal["at-least-one", "majority", "mean"] | None = None
    """How epochs of one sample will be reduced to a count."""
    tasks: list[TaskRef] = EMPTY_LIST
    """The task set: by name (and version) or by the digest of its sample ids."""
    elicitation: PlannedElicitation = PlannedElicitation.model_construct()
    """The elicitation plan."""
    model: Digest | None = None
    """Digest of the model to be evaluated (one of the case's `system.digests`)."""
    samples: int | None = OPTIONAL_AT_LEAST_1
    """Planned sample size (scored trials)."""
    notes: str | None = None
    """Anything else the evaluators fix in advance."""


def protocol_plan(p: EvaluationProtocol) -> dict[str, str]:
    """What the protocol fixes, as comparable text (only the keys it sets)."""
    out: dict[str, str] = {}
    if p.metric:
        out["metric"] = p.metric
    if p.reduction:
        out["reduction"] = p.reduction
    if p.tasks:
        # JSON, so the gate can match a run against each entry's fields
        out["tasks"] = json.dumps([t.model_dump(mode="json", exclude_none=True) for t in p.tasks],
                                  sort_keys=True, separators=(",", ":"))
    e = p.elicitation
    if e.variant is not None:
        out["variant"] = e.variant.value
    if e.attempts is not None:
        out["attempts"] = str(e.attempts)
    if e.scaffold is not None:
        out["scaffold"] = e.scaffold.value
    if e.tools is not None:
        out["tools"] = ", ".join(sorted(e.tools)) or "none"
    if e.budget_tokens is not None:
        out["budget_tokens"] = str(e.budget_tokens)
    if p.model:
        out["model"] = p.model
    if p.samples is not None:
        out["samples"] = str(p.samples)
    return out
