"""Evidence: importing evaluation logs, pinning artifacts by hash, and the statistics claims rest on.

`add_evidence` (the import behind `casegate evidence add`), model digests, pinning and the
evidence summary are loaded on first use, so commands that only re-hash artifacts (`check`,
`gate`) do not pay for them.
"""

from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._gc import gc_paused
from ._artifacts import ArtifactState, CompanionState, rehash_artifacts, sha256_file
from ._derive import Derivation, DerivedRun, derive_evidence
from ._facts import (
    DECLARED,
    DERIVED,
    NOT_DERIVED,
    EvidenceFacts,
    Independence,
    Mismatch,
    Problem,
    apply_facts,
    redefined,
    verifier_attestations,
)

if TYPE_CHECKING:
    from ._add import DEFAULT_FILE, AddReport, Change, add_evidence, add_include
    from ._modeldigest import (
        ModelDigest,
        manifest_digest,
        manifest_root,
        model_digest,
        oci_manifest_digest,
    )
    from ._outside import deciders, not_outside, not_outside_deciders
    from ._outward import outward_references
    from ._pin import Pinned, pin_artifact
    from ._runprints import SAME_RUN_SHARE, RunPrints, run_prints, same_run
    from ._show import describe_evidence
    from ._tensors import MIN_TENSOR_BYTES, tensor_fingerprints
    from ._weights import MIN_WEIGHTS_BYTES, WEIGHT_SUFFIXES, holds_weights
    from .importers import ImportedRun, LogReadError, ReadOptions, discover

__all__ = ["DECLARED", "DEFAULT_FILE", "DERIVED", "NOT_DERIVED", "AddReport", "ArtifactState", "Change", "CompanionState", "Derivation",
           "DerivedRun", "EvidenceFacts", "MIN_TENSOR_BYTES", "MIN_WEIGHTS_BYTES", "WEIGHT_SUFFIXES", "Independence", "ImportedRun", "LogReadError", "Mismatch", "ModelDigest",
           "Pinned", "Problem", "RunPrints", "SAME_RUN_SHARE",
           "ReadOptions", "add_evidence", "add_include", "apply_facts", "attested_verifiers", "derive_evidence", "describe_evidence",
           "deciders", "discover", "facts_for", "holds_weights", "manifest_digest", "manifest_root", "model_digest", "not_outside", "not_outside_deciders", "oci_manifest_digest", "outward_references", "pin_artifact", "redefined", "rehash_artifacts",
           "run_prints", "same_run", "sha256_file", "tensor_fingerprints", "verifier_attestations"]

_LAZY = {"DEFAULT_FILE": "_add", "AddReport": "_add", "Change": "_add", "add_evidence": "_add",
         "add_include": "_add", "ImportedRun": "importers", "LogReadError": "importers",
         "ReadOptions": "importers", "discover": "importers", "ModelDigest": "_modeldigest",
         "manifest_digest": "_modeldigest", "manifest_root": "_modeldigest", "model_digest": "_modeldigest", "oci_manifest_digest": "_modeldigest",
         "Pinned": "_pin", "pin_artifact": "_pin", "describe_evidence": "_show",
         "RunPrints": "_runprints", "SAME_RUN_SHARE": "_runprints", "run_prints": "_runprints",
         "same_run": "_runprints", "MIN_WEIGHTS_BYTES": "_weights", "WEIGHT_SUFFIXES": "_weights",
         "holds_weights": "_weights", "not_outside": "_outside", "deciders": "_outside", "not_outside_deciders": "_outside", "outward_references": "_outward", "MIN_TENSOR_BYTES": "_tensors", "tensor_fingerprints": "_tensors"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def facts_for(loaded: Any, artifacts: dict[str, ArtifactState], *, cache: Path | None | bool = True
              ) -> tuple[Any, EvidenceFacts | None]:
    """(effective case, facts) for a loaded case: its artifacts derived and applied. The case is
    `loaded.case` unchanged (and facts None) when the case or policy could not be built."""
    if loaded.case is None or loaded.policy is None:
        return loaded.case, None
    memo = getattr(loaded, "_facts_memo", None)
    # the same case and policy objects and the same artifact states give the same facts (a
    # copy of `loaded` with another case, as the gate makes for signed sign-offs, does not match)
    if (memo is not None and memo[0] is loaded.case and memo[1] is loaded.policy and memo[2] == cache
            and memo[3] == artifacts and memo[5] is getattr(loaded, "attestations", None)
            and memo[6] is getattr(loaded, "authority", None)):
        return memo[4]  # type: ignore[no-any-return]
    # Deriving and applying the facts allocates a few objects per evidence item next to the large,
    # long-lived case; with the cyclic collector running, its full collections walk the whole case
    # again (most of the cost on a case with thousands of items). Reference counting frees what
    # is dropped either way.
    with gc_paused():
        derived = derive_evidence(loaded, artifacts, cache=cache)
        digests = {eid: st.actual_sha256 for eid, st in artifacts.items() if st.matches and st.actual_sha256}
        got = apply_facts(loaded.case, loaded.policy, derived, attestations=getattr(loaded, "attestations", None),
                          digests=digests, authority=getattr(loaded, "authority", None))
    if hasattr(loaded, "_facts_memo"):
        loaded._facts_memo = (loaded.case, loaded.policy, cache, dict(artifacts), got,
                              getattr(loaded, "attestations", None), getattr(loaded, "authority", None))
    return got


def attested_verifiers(loaded: Any, artifacts: dict[str, ArtifactState]) -> dict[str, tuple[str, ...]]:
    """Safeguard id -> who attested it as its `verified_by` says, for the safeguards whose
    `verified_by` party signed an attestation, verified against the keyring the case was checked
    with (`loaded.attestations`), that covers one of its tests (`verifier_attestations`). Empty
    when the case or policy could not be built or no keyring was given: every `verified_by` is
    then the case's word alone."""
    atts = getattr(loaded, "attestations", None)
    if atts is None or loaded.case is None or loaded.policy is None:
        return {}
    effective, facts = facts_for(loaded, artifacts)
    if effective is None or facts is None:
        return {}
    return dict(facts.verifiers)
