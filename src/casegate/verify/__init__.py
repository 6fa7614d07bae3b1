"""Deciding and verifying: the signed decision bundle, separation of authority as the policy
states it, and the offline check a deploy pipeline runs before shipping a model."""

from ._authority import authority_problems, required_roles
from ._bundle import (
    BUNDLE_VERSION,
    DEPLOYABLE_STATES,
    BundleVerificationError,
    Collected,
    RegistryView,
    Verdict,
    check_bundle,
    collect,
    make_bundle,
    read_bundle,
    signoff_shortfall,
    verify_bundle,
    write_bundle,
)
from ._decide import decide_case
from ._state import DeployState, deploy_state

__all__ = [
    "BUNDLE_VERSION", "DEPLOYABLE_STATES", "BundleVerificationError", "Collected", "DeployState", "RegistryView",
    "Verdict", "authority_problems", "check_bundle", "collect", "decide_case", "deploy_state", "make_bundle",
    "read_bundle", "required_roles", "signoff_shortfall", "verify_bundle", "write_bundle",
]
