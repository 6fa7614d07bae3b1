"""Output formats for findings and decisions: text, JSON, SARIF 2.1.0, Markdown, GitHub Actions
workflow commands and JUnit XML."""

from ._ci import (
    finding_annotation,
    format_decision_github,
    format_decision_junit,
    format_github,
    format_junit,
)
from ._decision import format_decision_json, format_decision_markdown, format_decision_text
from ._findings import (
    RULES_DOCS,
    finding_dict,
    format_json,
    format_sarif,
    format_text,
    rule_doc,
    rule_help_uri,
    summary_line,
)

__all__ = ["RULES_DOCS", "finding_annotation", "finding_dict", "format_decision_github",
           "format_decision_json", "format_decision_junit", "format_decision_markdown",
           "format_decision_text", "format_github", "format_json", "format_junit", "format_sarif",
           "format_text", "rule_doc", "rule_help_uri", "summary_line"]
