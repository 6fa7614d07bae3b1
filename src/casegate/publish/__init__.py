"""Publication: public summaries that keep the argument's structure, redaction with salted
commitments, disclosure openings and their verification, and the decision report."""

from ._api import (
    FORMATS,
    ChartsFn,
    DiagramFn,
    Published,
    SummaryInputs,
    decide,
    diagram_findings,
    diagram_redactions,
    disclose,
    evidence_basis,
    parse_formats,
    publish,
    readable_case,
    redactable_ids,
    summary_basis,
    summary_html,
    summary_inputs,
    verify_disclosure,
    withheld_ids,
)
from ._commit import (
    DEFAULT_KEY_PATH,
    SCHEME,
    KeyedSalts,
    NoSaltKept,
    Opening,
    Salts,
    canonical,
    commitment,
    content_of,
    derive_salt,
    key_is_private,
    load_key,
    verify_opening,
)
from ._glossary import Titler, glossary, with_titles
from ._guard import TextGuard
from ._lead import plain_lead, withheld_conditions, withheld_findings
from ._redact import (
    REVEALED_FIELDS,
    Redaction,
    iter_redactable,
    leaves_of,
    parse_level,
    pointer_of,
    redact,
)
from ._registry import INTERRUPTED, LoggedObjection, RegistryFacts, registry_facts
from ._render import inline_html, page_value
from ._report import Report, html_to_pdf, report_html, write_report
from ._summary import (
    build_summary,
    judged_by_level,
    shown_by_level,
    shown_location,
    summary_json,
    withheld_marks,
)
from ._views import PREVIEW_NOTE, SUMMARY_VERSION, PreviewMark, PublicSummary

__all__ = [
    "DEFAULT_KEY_PATH", "FORMATS", "KeyedSalts", "NoSaltKept", "Salts", "REVEALED_FIELDS", "ChartsFn", "SCHEME",
    "SUMMARY_VERSION", "DiagramFn", "TextGuard", "INTERRUPTED", "LoggedObjection", "RegistryFacts", "registry_facts",
    "Opening", "PREVIEW_NOTE", "PreviewMark", "PublicSummary", "Published", "SummaryInputs", "summary_inputs", "shown_by_level", "judged_by_level", "Redaction", "Report", "build_summary", "canonical",
    "commitment", "content_of", "decide", "derive_salt", "diagram_findings", "diagram_redactions", "disclose", "evidence_basis",
    "html_to_pdf", "inline_html", "page_value", "iter_redactable", "leaves_of", "key_is_private", "load_key", "parse_formats", "parse_level",
    "Titler", "glossary", "plain_lead", "pointer_of", "with_titles", "publish", "readable_case", "redact", "redactable_ids", "report_html", "shown_location", "summary_basis", "summary_html", "summary_json",
    "verify_disclosure", "verify_opening", "withheld_conditions", "withheld_findings", "withheld_ids", "withheld_marks", "write_report",
]
