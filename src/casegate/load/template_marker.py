"""The marker a `casegate init` template puts in every value the user must replace."""

from __future__ import annotations

PLACEHOLDER = "PLACEHOLDER"
"""The marker a template puts in every value the user must replace (a whole word, in capitals)."""
