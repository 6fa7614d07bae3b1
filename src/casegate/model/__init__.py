"""casegate's data model: pydantic types for cases, policies, findings and decisions. No I/O."""

from ._base import (
    BOUNDARY_LADDER,
    FORMAT_VERSION,
    BoundaryKind,
    Confidentiality,
    Frozen,
    Scaffold,
    Severity,
    Variant,
)
from ._case import (
    Argument,
    Boundary,
    CapabilityAssertion,
    Case,
    DecisionSection,
    DomainThreats,
    Element,
    Elicitation,
    Evidence,
    IncidentAnswer,
    Lineage,
    Monitor,
    ObjectionRef,
    Pathway,
    PostDeployment,
    Publication,
    ResidualRisk,
    Result,
    Safeguard,
    SampleScore,
    Scope,
    SignoffRef,
    SourceRecord,
    System,
    Trigger,
)
from ._decision import (
    DECISION_RECORD_VERSION,
    EIGHT_QUESTIONS,
    Answer,
    BoundaryTrial,
    Condition,
    DecisionRecord,
    Digests,
    Outcome,
)
from ._docs import documented_schema
from ._findings import SEVERITY_RANK, Finding, Location, Rule, RuleSeverity, Serves, Waiver
from ._history import MEASUREMENT_FIELDS, Baseline, IncidentDefeat, PolicyChange
from ._policy import (
    Citation,
    Domain,
    ElicitationMinimum,
    EvidencePolicy,
    Policy,
    RoleRequirement,
    SafeguardRequirement,
    SignoffPolicy,
    TaskRef,
    Threshold,
    Tolerance,
    WaiverPolicy,
)

__all__ = [
    "SEVERITY_RANK", "MEASUREMENT_FIELDS", "Baseline", "IncidentDefeat", "PolicyChange",
    "documented_schema",
    "DECISION_RECORD_VERSION", "EIGHT_QUESTIONS", "Answer", "BoundaryTrial", "Condition",
    "DecisionRecord", "Digests", "Outcome",
    "BOUNDARY_LADDER", "FORMAT_VERSION", "Argument", "Boundary", "BoundaryKind", "CapabilityAssertion",
    "Case", "Citation", "Confidentiality", "DecisionSection", "Domain", "DomainThreats", "Elicitation",
    "ElicitationMinimum", "Element", "Evidence", "IncidentAnswer", "EvidencePolicy", "Finding", "Frozen", "Lineage",
    "Location", "Monitor", "ObjectionRef", "Pathway", "Policy", "PostDeployment", "Publication",
    "ResidualRisk", "Result", "RoleRequirement", "Rule", "RuleSeverity", "Safeguard",
    "SafeguardRequirement", "SampleScore", "Scaffold", "Scope", "Serves", "Severity", "SignoffPolicy",
    "SignoffRef", "SourceRecord", "System", "TaskRef", "Threshold", "Tolerance", "Trigger", "Variant", "Waiver",
    "WaiverPolicy",
]
