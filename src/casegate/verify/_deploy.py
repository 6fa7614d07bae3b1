"""The deploy check that fails closed: the bundle's signatures and sign-offs (`check_bundle`),
judged only under what the deployer's trust root pins, and the case's current state proven by
the log the root pins. Nothing the bundle brings is trusted on its own word."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, cast

from ..model import BoundaryKind
from ..sign import Keyring, decode_payload, parse_instant
from ..trust import TrustRoot
from ._bundle import RegistryView, Verdict, _registry, check_bundle
from ._proven import check_state_proof

ProofSource = Callable[[str], tuple[Any, list[str]]]
"""Given a case id: (the state proof or None, the reasons the source could not vouch for it)."""

NO_TRUST_ROOT = ("no trust root: nothing the bundle brings (policy, keyring) can be trusted; pass "
                 "--trust-root FILE_OR_DIR or set CASEGATE_TRUST_ROOT")
NO_STATE_PROOF = ("no proof of the case's current state: pass --state-proof FILE (made with "
                  "`casegate state-proof`), --db URL or --registry-url URL")


def _decision_time(bundle: dict[str, Any]) -> dt.datetime | None:
    st = decode_payload(bundle.get("decision") or {})
    try:
        return parse_instant(str((st or {}).get("predicate", {}).get("signed_at")))
    except Exception:  # noqa: BLE001 - an unreadable time is reported by the keyring check
        return None


def verify_deploy(bundle: dict[str, Any], keyring: Keyring, *, trust: TrustRoot | None,
                  proof: ProofSource | None, model_digest: str, boundary: BoundaryKind,
                  at: dt.datetime, now: dt.datetime | None = None) -> Verdict:
    """Check a bundle for a deploy of `model_digest` across `boundary` at `at`, collecting
    every reason it does not allow it: every reason of `check_bundle`; no trust root; a keyring
    or policy the root does not pin (or a keyring replaced before the decision was signed); no
    proof of the case's state, or one that does not verify (see `check_state_proof`); or a
    proven state in which the decision no longer holds (reopened, withdrawn, restricted to a
    narrower boundary, approved on another decision, an open objection)."""
    v = check_bundle(bundle, keyring, model_digest=model_digest, boundary=boundary, at=at)
    if trust is None:
        v.reasons.insert(0, NO_TRUST_ROOT)
    else:
        fp = keyring.fingerprint()
        v.reasons += trust.keyring_problems(fp, _decision_time(bundle))
        named = (bundle.get("keyring") or {}).get("fingerprint")
        if named != fp:
            v.reasons.append(f"the bundle names keyring {named}, not the keyring {fp} it is checked against")
        sha = (bundle.get("policy") or {}).get("sha256")
        if trust.policy(sha) is None:
            v.reasons.append(f"the policy in the bundle (sha256 {str(sha)[:16]}...) is not pinned by the trust "
                             f"root (version {trust.version}); a policy the root does not pin is never trusted")
        v.notes = [n for n in v.notes if not n.startswith("the bundle was made with keyring")]
        v.notes.append(f"trust root version {trust.version} ({trust.digest()[:23]}...)")
    if not v.case_id:
        return v
    if proof is None:
        v.reasons.append(NO_STATE_PROOF)
        return v
    doc, problems = proof(v.case_id)
    v.reasons += problems
    if doc is None:
        if not problems:
            v.reasons.append(NO_STATE_PROOF)
        return v
    if trust is None:
        v.reasons.append("the state proof cannot be checked without a trust root (it pins the log's key)")
        return v
    proven, reasons = check_state_proof(doc, trust, v.case_id, now=now)
    v.reasons += reasons
    if proven is not None:
        st = decode_payload(bundle.get("decision") or {})
        record = ((st or {}).get("predicate") or {}).get("record")
        _registry(cast(RegistryView, proven), v.case_id, boundary, v, record)
        v.notes.append(f"state proven by the log at size {proven.tree_size}, checkpoint signed "
                       f"{proven.signed_at.isoformat()}")
    return v
