"""`casegate redteam`: gaming mutations applied to in-memory copies of a case, each run through the
gate, to show which moves a lab under pressure could make and still get GO."""

from ._mutations import ATTACK_TARGETS, MUTATIONS, Mutation, get_mutation
from ._run import (
    MutationResult,
    RedteamReport,
    format_redteam_json,
    format_redteam_text,
    run_redteam,
)

__all__ = [
    "ATTACK_TARGETS", "MUTATIONS", "Mutation", "MutationResult", "RedteamReport", "format_redteam_json",
    "format_redteam_text", "get_mutation", "run_redteam",
]
