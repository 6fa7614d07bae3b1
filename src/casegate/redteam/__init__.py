"""`casegate redteam`: gaming mutations applied to in-memory copies of a case, and registry moves
played against temporary registries, each run through the gate, to show which moves a lab under
pressure could make and still get GO."""

from ._mutations import ATTACK_TARGETS, MUTATIONS, Mutation, get_mutation
from ._registry import REGISTRY_MUTATIONS, RegistryMutation
from ._run import (
    MutationResult,
    RedteamReport,
    format_redteam_json,
    format_redteam_text,
    run_redteam,
)

__all__ = [
    "ATTACK_TARGETS", "MUTATIONS", "REGISTRY_MUTATIONS", "Mutation", "MutationResult", "RedteamReport",
    "RegistryMutation", "format_redteam_json", "format_redteam_text", "get_mutation", "run_redteam",
]
