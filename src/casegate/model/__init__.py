"""casegate's data model: pydantic types for cases, policies, findings and decisions. No I/O."""

from typing import TYPE_CHECKING

from .._lazy import lazy_names

if TYPE_CHECKING:
    from ._answers import EIGHT_QUESTIONS, Answer
    from ._attestation import (
        AttestationSet,
        AttestedActivity,
        EvidenceAttestation,
        RejectedAttestation,
        declared_result,
    )
    from ._authority import AuthorityCheck, UnsignedSignoff
    from ._base import (
        BOUNDARY_LADDER,
        EMPTY_DICT,
        EMPTY_ITEMS,
        EMPTY_LIST,
        FORMAT_VERSION,
        NON_EMPTY,
        ONE_OR_MORE,
        OPTIONAL_0_TO_1,
        OPTIONAL_AT_LEAST_0,
        OPTIONAL_AT_LEAST_1,
        OPTIONAL_UNRECORDED,
        Access,
        BoundaryKind,
        Confidentiality,
        Frozen,
        Scaffold,
        Severity,
        Variant,
        new_dict,
        new_list,
        no_items,
        share_field_sets,
    )
    from ._case import (
        Argument,
        Boundary,
        CapabilityAssertion,
        Case,
        Configuration,
        DecisionSection,
        DomainThreats,
        Element,
        Elicitation,
        Evidence,
        IncidentAnswer,
        InternalScale,
        Lineage,
        Monitor,
        ObjectionRef,
        Pathway,
        PostDeployment,
        Publication,
        Release,
        ResidualRisk,
        Result,
        Safeguard,
        SampleScore,
        Scope,
        SignoffRef,
        SourceRecord,
        System,
        Trigger,
        build_case_validator,
    )
    from ._decision import (
        DECISION_RECORD_VERSION,
        BoundaryTrial,
        ComparedVersion,
        Condition,
        DecisionRecord,
        Digests,
        Outcome,
    )
    from ._docs import documented_schema
    from ._findings import (
        NEVER_WAIVABLE,
        SEVERITY_RANK,
        Finding,
        Location,
        Rule,
        RuleSeverity,
        Serves,
        Waiver,
        never_waivable,
    )
    from ._history import (
        MEASUREMENT_FIELDS,
        ArtifactDates,
        Baseline,
        EnvelopeLogged,
        FirstLogged,
        HeldBy,
        IncidentDefeat,
        LinkedCase,
        PolicyChange,
        RegisteredProtocol,
        SignoffDates,
    )
    from ._policy import (
        DEFAULT_HOLLOW,
        DEFAULT_KIND_TABLE,
        ArgumentPolicy,
        CarryOver,
        Citation,
        DecisionAuthority,
        Domain,
        ElicitationMinimum,
        EvidencePolicy,
        FineTuneEffort,
        Governance,
        InternalPolicy,
        KindProperties,
        Policy,
        PreregistrationPolicy,
        PublicationPolicy,
        RoleRequirement,
        SafeguardRequirement,
        SignoffPolicy,
        TaskRef,
        Threshold,
        Tolerance,
        WaiverPolicy,
    )
    from ._protocol import EvaluationProtocol, PlannedElicitation, protocol_plan
    from ._rate import (
        RATE_GRAMMAR,
        Rate,
        RateLimitUnreadable,
        looser,
        parse_rate_limit,
        rate_limit_wider,
        read_rate_limit,
    )
    from ._recorded import RecordedDefeater, RecordedItem, RecordedVersion
    from ._regime import (
        REGIME_SOURCES,
        Deadline,
        IncidentClass,
        Regime,
        RegimeCitation,
        RegimeDocument,
        RegimeSection,
    )
    from ._schemas import SECTIONS, case_file_schemas, modeline, schema_for_section_file

_SUBMODULES: dict[str, tuple[str, ...]] = {
    "_attestation": ("AttestationSet", "AttestedActivity", "EvidenceAttestation", "RejectedAttestation", "declared_result",),
    "_authority": ("AuthorityCheck", "UnsignedSignoff",),
    "_base": ("Access", "BOUNDARY_LADDER", "EMPTY_DICT", "EMPTY_ITEMS", "EMPTY_LIST", "NON_EMPTY", "ONE_OR_MORE", "OPTIONAL_0_TO_1", "OPTIONAL_AT_LEAST_0", "OPTIONAL_AT_LEAST_1", "OPTIONAL_UNRECORDED", "FORMAT_VERSION", "BoundaryKind", "Confidentiality", "Frozen", "Scaffold", "Severity", "Variant", "new_dict", "new_list", "no_items", "share_field_sets",),
    "_case": ("Argument", "Boundary", "CapabilityAssertion", "Case", "Configuration", "DecisionSection", "DomainThreats", "Element", "Elicitation", "Evidence", "IncidentAnswer", "InternalScale", "Lineage", "Monitor", "ObjectionRef", "Pathway", "PostDeployment", "Publication", "Release", "ResidualRisk", "Result", "Safeguard", "SampleScore", "Scope", "SignoffRef", "SourceRecord", "System", "Trigger", "build_case_validator",),
    "_answers": ("EIGHT_QUESTIONS", "Answer",),
    "_decision": ("DECISION_RECORD_VERSION", "BoundaryTrial", "ComparedVersion", "Condition", "DecisionRecord", "Digests", "Outcome",),
    "_docs": ("documented_schema",),
    "_findings": ("NEVER_WAIVABLE", "SEVERITY_RANK", "Finding", "Location", "Rule", "RuleSeverity", "Serves", "Waiver", "never_waivable",),
    "_history": ("MEASUREMENT_FIELDS", "ArtifactDates", "Baseline", "HeldBy", "EnvelopeLogged", "FirstLogged", "IncidentDefeat", "LinkedCase", "PolicyChange", "RegisteredProtocol", "SignoffDates",),
    "_policy": ("DEFAULT_HOLLOW", "DEFAULT_KIND_TABLE", "ArgumentPolicy", "CarryOver", "Citation", "DecisionAuthority", "Domain", "ElicitationMinimum", "EvidencePolicy", "FineTuneEffort", "Governance", "InternalPolicy", "KindProperties", "Policy", "PreregistrationPolicy", "PublicationPolicy", "RoleRequirement", "SafeguardRequirement", "SignoffPolicy", "TaskRef", "Threshold", "Tolerance", "WaiverPolicy",),
    "_recorded": ("RecordedDefeater", "RecordedItem", "RecordedVersion",),
    "_protocol": ("EvaluationProtocol", "PlannedElicitation", "protocol_plan",),
    "_rate": ("RATE_GRAMMAR", "Rate", "RateLimitUnreadable", "looser", "parse_rate_limit", "rate_limit_wider", "read_rate_limit",),
    "_regime": ("REGIME_SOURCES", "Deadline", "IncidentClass", "Regime", "RegimeCitation", "RegimeDocument", "RegimeSection",),
    "_schemas": ("SECTIONS", "case_file_schemas", "modeline", "schema_for_section_file",),
}
"""Which submodule defines each public name. A name is imported from its submodule on first use,
so a command builds only the model classes it reads (`check` never builds the registry's,
the protocols' or the attestations' models unless a rule reads them)."""

_WHERE = {name: module for module, names in _SUBMODULES.items() for name in names}


__getattr__ = lazy_names(__name__, {name: (module, name) for name, module in _WHERE.items()})
"""Each name is imported from its submodule when first used, then kept."""


def __dir__() -> list[str]:
    return sorted({*globals(), *_WHERE})


__all__ = [
    "AttestationSet", "AttestedActivity", "AuthorityCheck", "UnsignedSignoff", "EvidenceAttestation", "RejectedAttestation",
    "declared_result",
    "SEVERITY_RANK", "DEFAULT_HOLLOW", "DEFAULT_KIND_TABLE", "ArgumentPolicy", "KindProperties", "PublicationPolicy",
    "REGIME_SOURCES", "Deadline", "IncidentClass", "Regime", "RegimeCitation",
    "RegimeDocument", "RegimeSection", "Release", "Governance",
    "RATE_GRAMMAR", "Rate", "RateLimitUnreadable", "looser", "parse_rate_limit", "rate_limit_wider", "read_rate_limit",
    "MEASUREMENT_FIELDS", "EvaluationProtocol", "PlannedElicitation", "protocol_plan", "ArtifactDates", "Baseline", "EnvelopeLogged", "FirstLogged", "HeldBy", "IncidentDefeat", "LinkedCase", "PolicyChange", "RegisteredProtocol", "SignoffDates",
    "RecordedDefeater", "RecordedItem", "RecordedVersion",
    "documented_schema", "SECTIONS", "case_file_schemas", "modeline", "schema_for_section_file",
    "DECISION_RECORD_VERSION", "EIGHT_QUESTIONS", "Answer", "BoundaryTrial", "ComparedVersion", "Condition",
    "DecisionRecord", "Digests", "Outcome",
    "Access", "BOUNDARY_LADDER", "FORMAT_VERSION", "Argument", "Boundary", "BoundaryKind", "CapabilityAssertion",
    "Case", "CarryOver", "Citation", "Confidentiality", "Configuration", "DecisionSection", "Domain", "DomainThreats", "Elicitation",
    "DecisionAuthority", "ElicitationMinimum", "Element", "Evidence", "IncidentAnswer", "EvidencePolicy", "FineTuneEffort", "Finding",
    "Frozen", "Lineage",
    "Location", "Monitor", "ObjectionRef", "Pathway", "Policy", "PostDeployment", "Publication",
    "ResidualRisk", "Result", "RoleRequirement", "Rule", "RuleSeverity", "Safeguard",
    "SafeguardRequirement", "SampleScore", "Scaffold", "Scope", "InternalScale", "InternalPolicy", "PreregistrationPolicy", "Serves", "Severity", "SignoffPolicy",
    "SignoffRef", "SourceRecord", "System", "TaskRef", "Threshold", "Tolerance", "Trigger", "Variant", "Waiver",
    "WaiverPolicy", "build_case_validator", "NEVER_WAIVABLE", "never_waivable", "EMPTY_DICT", "EMPTY_ITEMS", "EMPTY_LIST", "NON_EMPTY", "ONE_OR_MORE", "OPTIONAL_0_TO_1", "OPTIONAL_AT_LEAST_0", "OPTIONAL_AT_LEAST_1", "OPTIONAL_UNRECORDED", "new_dict", "new_list", "no_items", "share_field_sets",
]
