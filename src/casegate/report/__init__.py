"""Output formats for findings and decisions: text, JSON, SARIF 2.1.0, Markdown."""

from ._findings import finding_dict, format_json, format_sarif, format_text, rule_doc, summary_line

__all__ = ["finding_dict", "format_json", "format_sarif", "format_text", "rule_doc", "summary_line"]
