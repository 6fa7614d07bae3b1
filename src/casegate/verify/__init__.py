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
    signed_record,
    signoff_shortfall,
    verify_bundle,
    write_bundle,
)
from ._decide import decide_case
from ._deploy import NO_STATE_PROOF, NO_TRUST_ROOT, ProofSource, verify_deploy
from ._proven import ProvenState, check_state_proof
from ._signed import SignoffCheck, signed_signoffs
from ._state import DeployState, deploy_state

__all__ = [
    "NO_STATE_PROOF", "NO_TRUST_ROOT", "ProofSource", "ProvenState", "check_state_proof", "verify_deploy",
    "BUNDLE_VERSION", "DEPLOYABLE_STATES", "BundleVerificationError", "Collected", "DeployState", "RegistryView",
    "Verdict", "authority_problems", "check_bundle", "collect", "decide_case", "deploy_state", "make_bundle",
    "read_bundle", "required_roles", "SignoffCheck", "signed_record", "signed_signoffs", "signoff_shortfall",
    "verify_bundle", "write_bundle",
]
