"""After launch: the case lifecycle, incidents, monitors and triggers that reopen, restrict or
withdraw a case, conditions with due dates, and the record of what held up."""

from ..store import MODEL_FILES_EVENT
from ._compare import (
    EARLIER_MAX,
    POLICY_CHANGE_EVENT,
    PROTOCOL_EVENT,
    comparison_for,
    deployed_weights_problems,
    follow_shared_weights,
    last_approved_before,
    logged_files_of,
    policy_changes,
    public_commitments,
    record_model_files,
    registered_protocols,
    stored_number,
    version_diff,
)
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
from ._history import History, case_history, format_history
from ._incidents import Incident
from ._lifecycle import (
    CONDITION_OVERDUE,
    Applied,
    act,
    apply_decision,
    check_history,
    condition_met,
    condition_statuses,
    current_conditions,
    decide,
    find_version,
    interrupted_version,
    overdue_findings,
    read_decision,
    submit_for_review,
    supersede,
)
from ._logwatch import (
    LOG_RULES,
    LogRule,
    LogViolation,
    MonitorRun,
    MonitorState,
    check_entries,
    follow_log,
)
from ._reports import (
    CLASSIFIED,
    FILED,
    INCIDENT_REPORT_OVERDUE,
    ReportClock,
    classify,
    overdue_report_findings,
    record_classification,
    record_filing,
    report_clocks,
    suggested_classes,
)
from ._run import (
    CaseRun,
    Telemetry,
    incident_from_fields,
    ingest_samples,
    report_incident,
    run_triggers,
    standing_version,
    stored_samples,
    telemetry_rule,
)
from ._series import (
    Sample,
    Silence,
    first_breach,
    iso,
    parse_timestamp,
    parse_window,
    read_batch,
    read_samples,
    silences,
)
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
from ._versions import StoredVersion, VersionCache, current_approval, load_stored
from ._webhooks import (
    EVENT_KINDS,
    REPLAY_WINDOW_SECONDS,
    SIGNATURE_HEADER,
    SendReport,
    Webhook,
    WebhookConfig,
    event_payload,
    load_webhooks,
    send_events,
    sign_body,
    slack_payload,
    verify_signature,
)

__all__ = [
    "LOG_RULES", "LogRule", "LogViolation", "MonitorRun", "MonitorState", "check_entries", "follow_log",
    "StoredVersion", "VersionCache", "current_approval", "iso", "load_stored", "standing_version",
    "CLASSIFIED", "FILED", "INCIDENT_REPORT_OVERDUE", "record_classification", "ReportClock", "classify", "overdue_report_findings",
    "record_filing", "report_clocks", "suggested_classes",
    "EARLIER_MAX", "MODEL_FILES_EVENT", "POLICY_CHANGE_EVENT", "PROTOCOL_EVENT", "comparison_for", "deployed_weights_problems", "follow_shared_weights", "logged_files_of", "record_model_files", "registered_protocols", "last_approved_before", "policy_changes", "public_commitments", "stored_number",
    "version_diff",
    "CONDITION_OVERDUE", "Applied", "CaseRun", "History", "act", "apply_decision", "case_history",
    "condition_met", "condition_statuses", "current_conditions", "check_history", "decide", "find_version", "format_history",
    "incident_from_fields", "ingest_samples", "interrupted_version", "overdue_findings",
    "read_decision", "report_incident", "run_triggers", "stored_samples", "submit_for_review",
    "supersede",
    "DEPLOYABLE", "TRANSITIONS", "CaseState", "CauseType", "ConditionStatus", "Facts", "Firing",
    "IllegalTransitionError", "Incident", "LaterVersion", "RecordedIncident", "Sample",
    "Silence", "allowed_causes", "check_transition", "current_state", "domain_claims",
    "evaluate", "evidence_expiry", "first_breach", "next_states", "parse_timestamp",
    "parse_window", "read_batch", "read_samples", "Telemetry", "telemetry_rule", "strongest", "transition", "widening", "silences",
    "EVENT_KINDS", "REPLAY_WINDOW_SECONDS", "SIGNATURE_HEADER", "SendReport", "Webhook",
    "WebhookConfig", "event_payload", "load_webhooks", "send_events", "sign_body", "slack_payload",
    "verify_signature",
]
