"""Semantic diffs of two versions of a case: what changed in the argument, boundary, thresholds
and their measurement, evidence and elicitation, safeguards, residual risk, sign-offs, objections
and conditions; as text, JSON or Markdown, whole or redacted for the public."""

from ._format import (
    commitments_in,
    format_diff_json,
    format_diff_markdown,
    format_diff_text,
    redacted,
    summary_line,
)
from ._semantic import SECTIONS, CaseDiff, Change, ConditionOutcome, diff_cases

__all__ = ["SECTIONS", "CaseDiff", "Change", "ConditionOutcome", "commitments_in", "diff_cases",
           "format_diff_json", "format_diff_markdown", "format_diff_text", "redacted", "summary_line"]
