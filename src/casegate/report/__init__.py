"""Output formats for findings and decisions: text, JSON, SARIF 2.1.0, Markdown."""

from ._decision import format_decision_json, format_decision_markdown, format_decision_text
from ._findings import finding_dict, format_json, format_sarif, format_text, rule_doc, summary_line

__all__ = ["format_decision_json", "format_decision_markdown", "format_decision_text", "finding_dict", "format_json", "format_sarif", "format_text", "rule_doc", "summary_line"]
