"""The deploy check that fails closed: the bundle's signatures and sign-offs (`check_bundle`),
judged only under what the deployer's trust root pins, and the case's current state proven by
the log the root pins. Nothing the bundle brings is trusted on its own word."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from ..errors import InputError
from ..model import BoundaryKind
from ..sign import DECISION, Keyring, check_envelope, decode_payload, envelope_sha256, parse_instant
from ..trust import TrustRoot
from ._bundle import SHAPE_ERRORS, RegistryView, Verdict, check_bundle, malformed
from ._exposure import Deployment
from ._modelfiles import Files, model_files_problems
from ._proven import FUTURE_SKEW, check_state_proof, log_times
from ._revocations import revocation_gaps, root_rollback, unlogged_root, with_logged_revocations
from ._seen import ConsistencySource, proof_consistency, seen_checkpoint, seen_lock, seen_root

ProofSource = Callable[[str], tuple[Any, list[str]]]
"""Given a case id: (the state proof or None, the reasons the source could not vouch for it)."""

NO_TRUST_ROOT = ("no trust root: nothing the bundle brings (policy, keyring) can be trusted; pass "
                 "--trust-root FILE_OR_DIR or set CASEGATE_TRUST_ROOT")


def judged_before_proof(at: dt.datetime, signed_at: dt.datetime) -> str:
    """The reason given when a deploy is judged as of a time before the checkpoint that proves
    the case's state: the proof is of the state then, so every date the decision holds to (its
    conditions' due dates, the evidence's expiry, the re-evaluation date, the keys' validity, the
    public summary's due date) must be judged no earlier."""
    return (f"--at {at.isoformat()} is before the checkpoint that proves the case's state (signed "
            f"{signed_at.isoformat()}): a deploy is judged as of the state the log proves, so the conditions' due "
            "dates, the evidence's expiry, the re-evaluation date and the keys' validity are judged as of then "
            "or later (leave --at out to verify as of now, or give a time no earlier than the checkpoint)")


def as_of_now(reason: str, now: dt.datetime) -> str:
    """A reason found when a deploy given a past `--at` is judged again as of now."""
    return f"as of now ({now.isoformat()}): {reason}"


UNWITNESSED_TIME = ("the checkpoint's time is the log key holder's word: the trust root pins no witness whose "
                    "cosignature times it, so a checkpoint the log dated ahead is not told apart (pin witnesses: "
                    "`casegate trust init --witness VKEY --witness-threshold K`)")

NO_STATE_PROOF = ("no proof of the case's current state: pass --state-proof FILE (made with "
                  "`casegate state-proof`), --db URL or --registry-url URL")


def _decision_time(bundle: dict[str, Any]) -> dt.datetime | None:
    st = decode_payload(bundle.get("decision") or {})
    try:
        return parse_instant(str((st or {}).get("predicate", {}).get("signed_at")))
    except Exception:  # noqa: BLE001 - an unreadable time is reported by the keyring check
        return None


def _signed_predicate(bundle: dict[str, Any], keyring: Keyring, at: dt.datetime) -> dict[str, Any]:
    """The decision envelope's predicate once its signature is checked ({} when it is not).
    InputError when the bundle or its envelope has the wrong shape (never a crash)."""
    if not isinstance(bundle, dict):
        raise InputError("the decision bundle is not a JSON object", help="pass the bundle `casegate decide` wrote")
    try:
        d, _ = check_envelope(bundle.get("decision"), keyring, at, "decision", expect=DECISION)
    except SHAPE_ERRORS as e:
        raise malformed(e) from None
    return d.predicate if d is not None and isinstance(d.predicate, dict) else {}


def _case_id(pred: dict[str, Any]) -> str | None:
    """The case the decision envelope is signed for, if any."""
    case = pred.get("case")
    return str(case.get("id")) if isinstance(case, dict) and case.get("id") else None


def _signed_policy_sha(pred: dict[str, Any]) -> str | None:
    """The policy file digest the decision is signed under (never the bundle's unsigned copy)."""
    pol = pred.get("policy")
    sha = pol.get("sha256") if isinstance(pol, dict) else None
    return sha if isinstance(sha, str) else None


def verify_deploy(bundle: dict[str, Any], keyring: Keyring, *, trust: TrustRoot | None,
                  proof: ProofSource | None, model_digest: str, boundary: BoundaryKind,
                  at: dt.datetime, now: dt.datetime | None = None,
                  deployment: Deployment | None = None, model_files: Files | None = None,
                  nonce: str | None = None, seen: Path | None = None,
                  consistency: ConsistencySource | None = None, triggers_evaluated: bool = False) -> Verdict:
    """Check a bundle for a deploy of `model_digest` across `boundary` at `at`, giving the tools,
    sensitive domains and access `deployment` declares (default None: no deploy declared, see
    `check_bundle`; `casegate verify` always declares one), collecting every reason it does not allow it: every reason
    of `check_bundle` (a tool or sensitive domain the signed boundary does not list among them); no trust root; a keyring
    or policy the root does not pin (or a keyring replaced before the decision was logged); no
    proof of the case's state, or one that does not verify (see `check_state_proof`); or a
    proven state in which the decision no longer holds (reopened, withdrawn, restricted to a
    narrower boundary, approved on another decision, an open objection).

    `at` must not be earlier than the checkpoint the state is proven by (`judged_before_proof`):
    the proof is of the state then, and the decision's dates are judged no earlier.

    Every signature's time is when the proven log recorded it (`log_times`): one the log does
    not hold, one logged after `at`, after its key was retired, or not before its key's
    compromise does not count. Every revocation the proven log records for a key of the keyring
    applies, whatever the keyring file says; a keyring the root has replaced needs the logged
    changes that lead from it to the current one (`revocation_gaps`), or it is not verified.

    `model_files`: the files of the model deployed (path, sha256), hashed from the folder whose
    root digest is `model_digest`; they must be, path for path, those the proven log holds for
    the decided version (`model_files_problems`: the digest does not cover file names).

    `nonce`: the one sent with the request for the proof (`--registry-url`), which the proof must
    carry signed by the log key (a replayed answer fails). `seen`: a file keeping the newest
    checkpoint this verifier has accepted; a proof under an older one is refused, and a newer one
    is kept there, once `consistency` (the proof source's consistency proofs; None: those the
    proof itself gives, `proof_consistency`) proves it extends the kept one (`seen_checkpoint`).

    An incident the proven log holds since the approval that one of the decision's signed incident
    triggers fires on, and that no trigger run applied, is a reason (`unapplied_incident_problems`),
    unless `triggers_evaluated`: the caller evaluates the case's triggers from the registry itself
    (`verify --db`, `casegate.monitor.triggers_owed`).

    Every key of `keyring` and `trust` whose private half casegate publishes is listed in the
    verdict's `demonstration` (`published_keys_used`): such an answer is never `verified`, whatever
    else holds (a demonstration, `CASEGATE_DEMO_KEYS=1`, is the only way such a key is read)."""
    v = _verify_deploy(bundle, keyring, trust=trust, proof=proof, model_digest=model_digest, boundary=boundary,
                       at=at, now=now, deployment=deployment, model_files=model_files, nonce=nonce, seen=seen,
                       consistency=consistency, triggers_evaluated=triggers_evaluated)
    from ._demo import published_keys_used

    v.demonstration = published_keys_used(keyring, trust)
    return v


def _verify_deploy(bundle: dict[str, Any], keyring: Keyring, *, trust: TrustRoot | None,
                   proof: ProofSource | None, model_digest: str, boundary: BoundaryKind,
                   at: dt.datetime, now: dt.datetime | None, deployment: Deployment | None,
                   model_files: Files | None, nonce: str | None, seen: Path | None,
                   consistency: ConsistencySource | None, triggers_evaluated: bool = False) -> Verdict:
    """`verify_deploy` but for the published example keys it rests on."""
    pred = _signed_predicate(bundle, keyring, at)
    case_id = _case_id(pred)
    proof_reasons: list[str] = []
    proven = None
    checked = False
    if case_id and proof is not None:
        doc, problems = proof(case_id)
        proof_reasons += problems
        if doc is None:
            if not problems:
                proof_reasons.append(NO_STATE_PROOF)
        elif trust is None:
            proof_reasons.append("the state proof cannot be checked without a trust root (it pins the log's key)")
        else:
            proven, reasons = check_state_proof(doc, trust, case_id, now=now, nonce=nonce)
            proof_reasons += reasons
            if seen is not None and proven is not None and proven.checkpoint is not None:
                from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

                # a genuine older proof (from before a reopening) is still within the checkpoint's age;
                # a larger tree must be proven to extend the kept one (a proof file proves it itself)
                log_key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(trust.pins.log.key))
                with seen_lock(seen):
                    proof_reasons += seen_checkpoint(seen, proven.checkpoint, trust.pins.log.origin,
                                                     consistency or proof_consistency(proven), log_key)
                    # and the newest trust root it has used: a replaced root, still signed, is never taken back
                    proof_reasons += seen_root(seen, trust.version, trust.digest())
            # the proof shows the state as of its checkpoint; judging the decision's dates as of an
            # earlier time would let a deploy step pass `--at` its approval day for ever
            if proven is not None and at + FUTURE_SKEW < proven.signed_at:
                proof_reasons.append(judged_before_proof(at, proven.signed_at))
            checked = True
    logged = log_times(proven.entries) if proven is not None else None
    # revocations from the proven log too: the keyring file the decision names predates every
    # revocation made after it
    changes = proven.keyring_changes if proven is not None else ()
    ring, revoked = with_logged_revocations(keyring, changes)
    view = cast(RegistryView, proven) if proven is not None else None
    shared: dict[Any, Any] = {}
    v = check_bundle(bundle, ring, model_digest=model_digest, boundary=boundary, at=at, logged=logged,
                     registry=view, deployment=deployment,
                     not_before=proven.signed_at if proven is not None else None, shared=shared)
    # a deploy is judged as of now as well: an `--at` set back (up to the checkpoint's age, which a
    # stale-looking but accepted proof allows) must not bring back a condition, an evidence expiry,
    # a re-evaluation date, a key's validity or a summary's due date that has lapsed since
    real = now or dt.datetime.now(dt.UTC)
    if at < real:
        later = check_bundle(bundle, ring, model_digest=model_digest, boundary=boundary, at=real, logged=logged,
                             registry=view, deployment=deployment,
                             not_before=proven.signed_at if proven is not None else None, shared=shared)
        known = set(v.reasons)  # a set: a bundle may give a reason for each of many entries
        v.reasons += [as_of_now(r, real) for r in later.reasons if r not in known]
        v.notes.append(f"--at {at.isoformat()} is earlier than now ({real.isoformat()}): the deploy is judged as "
                       "of both, and verifies only if it verifies as of each")
    v.notes += revoked
    if trust is None:
        v.reasons.insert(0, NO_TRUST_ROOT)
    else:
        fp = keyring.fingerprint()
        d_sha = envelope_sha256(bundle["decision"]) if isinstance(bundle.get("decision"), dict) else None
        when = logged.get(d_sha) if logged is not None and d_sha is not None else None
        decided = when.time if when is not None else _decision_time(bundle)
        v.reasons += trust.keyring_problems(fp, decided)
        v.reasons += revocation_gaps(fp, trust, changes)
        # an older root, still signed and unexpired, pins what its successors replaced
        v.reasons += (root_rollback(trust, proven.trust_roots, proven.newest_root) if proven is not None
                      else root_rollback(trust, ()))
        # a root version written with `trust rotate --unlogged` is in no log: where the log is
        # consulted it must record it, else the version it replaced could be handed back unseen
        if proven is not None:
            v.reasons += unlogged_root(trust, proven.trust_roots, proven.newest_root)
        elif trust.pins.unlogged is True:
            v.notes.append(f"trust root version {trust.version} was written with `casegate trust rotate --unlogged`: "
                           "no log records it, so an older root handed to this verifier could not be told apart "
                           "(keep `--seen FILE`, or record it with `casegate trust record`)")
        # the keyring the decision was made with is read from the signed decision (the bundle's
        # own `keyring` field is not signed and is never read); a decision that does not sign
        # it is refused by `check_bundle`
        made_with = pred.get("keyring")
        named = made_with.get("fingerprint") if isinstance(made_with, dict) else None
        if "keyring" in pred and named != fp:
            v.reasons.append(f"the decision is signed as made with keyring {str(named)[:80]}, not the keyring {fp} "
                             "the trust root pins and it is checked against")
        # the pin is looked up by the digest the decision is signed under; `check_bundle` has
        # refused a policy text whose digest is another (the bundle's own `policy.sha256` is
        # not signed and is never read)
        sha = _signed_policy_sha(pred)
        if trust.policy(sha) is None:
            v.reasons.append(f"the policy in the bundle (sha256 {str(sha)[:16]}...) is not pinned by the trust "
                             f"root (version {trust.version}); a policy the root does not pin is never trusted")
        else:
            # a replaced (older, looser) version counts only for decisions made before it was
            # replaced, and those stop verifying once it is, after the grace the root gives; judged
            # at the later of `at` and now, as the rest of a past `--at` is
            v.reasons += trust.policy_problems(sha, decided, max(at, real))
        v.notes = [n for n in v.notes if not n.startswith("the decision was made with keyring")]
        v.notes.append(f"trust root version {trust.version} ({trust.digest()[:23]}...)")
    if not v.case_id:
        return v
    if proof is None:
        v.reasons.append(NO_STATE_PROOF)
        return v
    v.reasons += proof_reasons
    if proven is not None and not triggers_evaluated:
        # the proof's state waits for a trigger run; the decision's own incident triggers do not
        from ._incidents import unapplied_incident_problems

        v.reasons += unapplied_incident_problems(proven, pred, boundary, model_digest)
        # and its monitors, as of the later of `at` and now: a proof taken before a monitor went
        # quiet (or before a breach was applied) is no proof that it is heard
        from ..sign import telemetry_keys
        from ._monitors import monitor_problems

        policy = (shared.get(("policy", _signed_policy_sha(pred))) or (None,))[0]
        signed_telemetry = policy is None or policy.post_deployment.signed_telemetry or bool(telemetry_keys(ring))
        v.reasons += monitor_problems(proven, pred, boundary, max(at, real), signed_telemetry=signed_telemetry)
    if proven is not None and model_files is not None:
        reasons, notes = model_files_problems(proven, proven.case_id, pred.get("record"), model_digest, model_files)
        # (past internal use the lifecycle check already said the files were never logged)
        v.reasons += [r for r in reasons if r not in v.reasons]
        v.notes += notes
    if proven is not None:
        v.notes.append(f"state proven by the log at size {proven.tree_size}, checkpoint signed "
                       f"{proven.signed_at.isoformat()}; signature times are the log's")
        if trust is not None and not trust.pins.log.witness_threshold:
            v.notes.append(UNWITNESSED_TIME)
    elif not checked and not proof_reasons:
        v.reasons.append(NO_STATE_PROOF)
    return v
