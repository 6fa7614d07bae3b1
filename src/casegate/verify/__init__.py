"""Deciding and verifying: the signed decision bundle, separation of authority as the policy
states it, and the offline check a deploy pipeline runs before shipping a model."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_names

if TYPE_CHECKING:
    from ._authority import authority_problems, required_roles
    from ._bundle import (
        BUNDLE_VERSION,
        DEPLOYABLE_STATES,
        BundleVerificationError,
        RegistryView,
        Verdict,
        check_bundle,
        make_bundle,
        read_bundle,
        signed_record,
        signoff_shortfall,
        verify_bundle,
        write_bundle,
    )
    from ._collect import Collected, collect
    from ._decide import Judgement, binding_problems, decide_case, judge_case, judgement_problems
    from ._deploy import NO_STATE_PROOF, NO_TRUST_ROOT, ProofSource, verify_deploy
    from ._exposure import ACCESS_LEVELS, Deployment, boundary_attributes
    from ._modelfiles import (
        git_notes,
        hard_link_notes,
        left_out_problems,
        logged_model_files,
        model_files_problems,
    )
    from ._proven import ProvenState, check_state_proof, log_times
    from ._reapproval import (
        REOPENING_STATES,
        cause_text,
        last_approval,
        last_reopening,
        signature_time,
        signed_parts,
        stale_signatures,
        standing_taking_back,
    )
    from ._revocations import root_rollback, unlogged_root
    from ._signed import (
        GateInputs,
        SignoffCheck,
        gate_inputs,
        role_holders,
        signed_signoffs,
        with_authority,
    )
    from ._state import ROOT_REPLACED, DeployState, deploy_state

# The names are imported on first use: the gate needs only `signed_signoffs`, and the bundle,
# deploy and state-proof modules import the signing stack and the store.
_WHERE = {
    **dict.fromkeys(('authority_problems', 'required_roles'), '_authority'),
    **dict.fromkeys(('BUNDLE_VERSION', 'DEPLOYABLE_STATES', 'BundleVerificationError', 'RegistryView', 'Verdict', 'check_bundle', 'make_bundle', 'read_bundle', 'signed_record', 'signoff_shortfall', 'verify_bundle', 'write_bundle'), '_bundle'),
    **dict.fromkeys(('Collected', 'collect'), '_collect'),
    **dict.fromkeys(('Judgement', 'binding_problems', 'decide_case', 'judge_case', 'judgement_problems'), '_decide'),
    **dict.fromkeys(('NO_STATE_PROOF', 'NO_TRUST_ROOT', 'ProofSource', 'verify_deploy'), '_deploy'),
    **dict.fromkeys(('ACCESS_LEVELS', 'Deployment', 'boundary_attributes'), '_exposure'),
    **dict.fromkeys(('git_notes', 'hard_link_notes', 'left_out_problems', 'logged_model_files', 'model_files_problems'), '_modelfiles'),
    **dict.fromkeys(('ProvenState', 'check_state_proof', 'log_times'), '_proven'),
    **dict.fromkeys(('REOPENING_STATES', 'cause_text', 'last_approval', 'last_reopening', 'signature_time',
                     'signed_parts', 'stale_signatures', 'standing_taking_back'), '_reapproval'),
    'root_rollback': '_revocations',
    'unlogged_root': '_revocations',
    **dict.fromkeys(('GateInputs', 'SignoffCheck', 'gate_inputs', 'role_holders', 'signed_signoffs', 'with_authority'), '_signed'),
    **dict.fromkeys(('ROOT_REPLACED', 'DeployState', 'deploy_state'), '_state'),
}


__getattr__ = lazy_names(__name__, {name: (module, name) for name, module in _WHERE.items()})
"""Each name is imported from its submodule when first used, then kept."""

__all__ = [
    "NO_STATE_PROOF", "NO_TRUST_ROOT", "ProofSource", "ProvenState", "check_state_proof", "log_times", "verify_deploy",
    "REOPENING_STATES", "cause_text", "last_approval", "last_reopening", "signature_time", "signed_parts",
    "stale_signatures", "standing_taking_back",
    "ACCESS_LEVELS", "Deployment", "boundary_attributes", "git_notes", "hard_link_notes", "left_out_problems", "logged_model_files", "model_files_problems",
    "BUNDLE_VERSION", "DEPLOYABLE_STATES", "BundleVerificationError", "Collected", "DeployState", "RegistryView",
    "Verdict", "authority_problems", "check_bundle", "collect", "Judgement", "binding_problems", "decide_case", "judge_case", "judgement_problems", "deploy_state", "make_bundle",
    "GateInputs", "gate_inputs", "read_bundle", "required_roles", "role_holders", "SignoffCheck", "signed_record", "signed_signoffs",
    "ROOT_REPLACED", "root_rollback", "signoff_shortfall", "unlogged_root", "verify_bundle", "with_authority", "write_bundle",
]
