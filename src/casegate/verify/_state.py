"""What a deploy pipeline would get now: the case's current deployable state, computed from the
registry and the signed decision bundle it recorded, by the same `check_bundle` that
`casegate verify` runs. `state show`, the review board's pages and the report lead with it; the
decision that was made is history beneath it."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..model import BoundaryKind, DecisionRecord
from ..sign import Keyring
from ._bundle import (
    CONDITION_OVERDUE,
    DEPLOYABLE_STATES,
    PASSING,
    PUBLICATION_OVERDUE,
    Verdict,
    _registry,
    check_bundle,
)
from ._newer import NEWER_NO_GO, OTHER_CASE, SAME_VERSION_AGAIN

if TYPE_CHECKING:
    from ..trust import TrustRoot

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")

DEPLOYABLE = "deployable"
NOT_DEPLOYABLE = "not-deployable"
NOT_VERIFIED = "not-verified"
ELSE_VERIFIED = "everything else verified (DEMONSTRATION): "
"""The note a demonstration's answer carries: what everything else verified."""


@dataclass
class DeployState:
    """The answer `verify` would give now for the case's own model digest and the boundary it
    stands on (the restricted boundary when the registry restricted it)."""

    case_id: str
    status: str
    """`deployable`, `not-deployable` (a fact stands against it) or `not-verified` (a fact the
    answer needs could not be established: it is not deployable either)."""
    lifecycle: str | None
    """The registry's lifecycle state (draft, under-review, approved, reopened, ...)."""
    outcome: str | None = None
    """The outcome that verifies (GO or GO WITH CONDITIONS), when deployable."""
    boundary: str | None = None
    """The boundary the answer is for."""
    decided_boundary: str | None = None
    """The boundary the recorded decision was made for."""
    model_digest: str | None = None
    reasons: list[str] = field(default_factory=list)
    """Why it is not deployable (each reason on its own), empty when deployable."""
    causes: list[str] = field(default_factory=list)
    """The reasons in words safe for the public page: the kind of each cause (reopened, restricted,
    open objection, expired evidence, overdue condition), never a confidential detail."""
    notes: list[str] = field(default_factory=list)
    demonstration: str | None = None
    """What everything else verified (e.g. "GO for api") when the answer rests on casegate's
    published example keys (the keyring's or the trust root's): "not verified", a demonstration,
    never deployable. None otherwise."""
    last_decision: dict[str, Any] | None = None
    """The last decision recorded: outcome, boundary, date, log entry (history, not the answer)."""
    at: str = ""

    @property
    def deployable(self) -> bool:
        return self.status == DEPLOYABLE

    def hold(self, reasons: list[str], cause: str) -> None:
        """Fail closed on facts the answer needs that could not be established (`reasons`, put
        first; `cause` their public words): a deployable answer becomes "not verified", one a
        fact already stands against stays as it is. Nothing changes without reasons."""
        if not reasons:
            return
        if self.deployable:
            self.status = NOT_VERIFIED
        if self.demonstration is not None:  # something besides the published keys now stands against it
            self.demonstration = None
            self.notes = [n for n in self.notes if not n.startswith(ELSE_VERIFIED)]
        self.reasons[:0] = reasons
        self.causes.append(cause)

    @property
    def headline(self) -> str:
        """One line: what a deploy pipeline gets now."""
        if self.deployable:
            narrowed = (f" only (restricted from {self.decided_boundary})"
                        if self.boundary != self.decided_boundary else "")
            return f"DEPLOYABLE: {self.outcome} for {self.boundary}{narrowed}"
        word = "NOT VERIFIED" if self.status == NOT_VERIFIED else "NOT DEPLOYABLE"
        return f"{word}: {self.reasons[0]}" if self.reasons else word

    @property
    def label(self) -> str:
        """The headline's first words, for a badge."""
        if self.deployable:
            return f"DEPLOYABLE: {self.outcome} · {self.boundary}"
        if self.demonstration is not None:
            return f"NOT VERIFIED (DEMONSTRATION: {self.outcome} · {self.boundary})"
        return "NOT VERIFIED" if self.status == NOT_VERIFIED else "NOT DEPLOYABLE"

    def to_json(self) -> dict[str, Any]:
        return {"case": self.case_id, "status": self.status, "deployable": self.deployable,
                "headline": self.headline, "lifecycle": self.lifecycle, "outcome": self.outcome,
                "boundary": self.boundary, "decided_boundary": self.decided_boundary,
                "model_digest": self.model_digest, "reasons": self.reasons, "causes": self.causes, "notes": self.notes,
                "demonstration": self.demonstration, "last_decision": self.last_decision, "at": self.at}


def _events(reg: Any, case_id: str, kind: str) -> list[Any]:
    return list(reg.events(case_id=case_id, kind=kind))


def _approved_bundle(reg: Any, case_id: str) -> tuple[Any, Any]:
    """The last decision event, and the last one that carried a signed bundle with a passing outcome."""
    decisions = _events(reg, case_id, "decision")
    last = decisions[-1] if decisions else None
    signed = [e for e in decisions if isinstance(e.payload.get("bundle"), dict)
              and e.payload.get("outcome") in PASSING]
    return last, (signed[-1] if signed else None)


ROOT_REPLACED = "trust root replaced"
ROOT_NEVER_LOGGED = "trust root never logged"
"""The public words for a trust root held that the registry's log shows is not the current one."""


def deploy_state(reg: Any, case_id: str, keyring: Keyring | None, *,
                 at: dt.datetime | None = None, trust: TrustRoot | None = None) -> DeployState:
    """The case's current deployable state (see `_deploy_state`), with its public causes.

    `trust`: the trust root the answer is given under (`state show --trust-root`, `serve
    --trust-root`), held to the registry's record of root versions as `verify --db` holds it
    (`root_rollback`, `unlogged_root`): one the log records a newer version of, another root under
    its version, or one written `--unlogged` that no log records makes the answer "not verified"."""
    at = at or dt.datetime.now(dt.UTC)
    st, bundle, verdict = _deploy_state(reg, case_id, keyring, at)
    if not st.deployable:
        st.causes = _causes(reg, st, bundle, at, verdict)
    else:
        # as `verify` answers it: never deployable on keys anyone holds, even in a demonstration
        from ._demo import DEMONSTRATION, demonstration_reason, published_keys_used

        found = published_keys_used(keyring, trust)
        if found:
            narrowed = f" only (restricted from {st.decided_boundary})" if st.boundary != st.decided_boundary else ""
            st.hold([demonstration_reason(found)], DEMONSTRATION)
            st.demonstration = f"{st.outcome} for {st.boundary}{narrowed}"
            st.notes.insert(0, f"{ELSE_VERIFIED}{st.demonstration}")
    if trust is not None:
        from ..trust import TRUST_ROOT_EVENT
        from ._revocations import root_rollback, unlogged_root

        logged = list(reg.events(kind=TRUST_ROOT_EVENT))
        st.hold(root_rollback(trust, logged), ROOT_REPLACED)
        st.hold(unlogged_root(trust, logged), ROOT_NEVER_LOGGED)
        st.notes.append(f"trust root version {trust.version} ({trust.digest()[:23]}...)")
    return st


def _deploy_state(reg: Any, case_id: str, keyring: Keyring | None,
                  at: dt.datetime) -> tuple[DeployState, dict[str, Any] | None, Verdict | None]:
    """The case's current deployable state, as `casegate verify` would answer it at `at` (default
    now) for the model digest and boundary of the decision the registry recorded.

    Fails closed: no recorded signed decision, a registry state that is not deployable, or no
    keyring to check the signatures with each makes the answer "not deployable" or "not
    verified", with the reason.
    """
    try:
        raw = reg.case_state(case_id)
    except LookupError:
        raw = None
    lifecycle = None if raw is None else str(getattr(raw, "value", raw))
    restricted = reg.case_restriction(case_id) if lifecycle == "restricted" else None
    restricted = None if restricted is None else str(getattr(restricted, "value", restricted))
    st = DeployState(case_id=case_id, status=NOT_DEPLOYABLE, lifecycle=lifecycle, at=at.isoformat())
    last, approved = _approved_bundle(reg, case_id)
    if last is not None:
        st.last_decision = {"outcome": last.payload.get("outcome"), "boundary": last.payload.get("boundary"),
                            "date": last.recorded_at[:10], "log_entry": last.index,
                            "version": last.payload.get("version")}
    if approved is None:
        if lifecycle is None:
            st.reasons.append(f"the registry has no record of case {case_id}")
        elif last is None:
            st.reasons.append(f"no decision has been recorded (the case is {lifecycle})")
        elif last.payload.get("outcome") not in PASSING:
            st.reasons.append(f"the last decision was {last.payload.get('outcome')} (the case is {lifecycle})")
        else:
            st.reasons.append(f"the decision recorded is not a signed decision bundle (the case is {lifecycle})")
        return st, None, None
    try:
        record = DecisionRecord.model_validate(approved.payload.get("record"))
    except ValueError:
        st.status = NOT_VERIFIED
        st.reasons.append(f"the decision recorded in log entry {approved.index} cannot be read")
        return st, None, None
    st.decided_boundary = record.boundary.value if record.boundary else None
    st.model_digest = record.digests.model[0] if record.digests.model else None
    boundary = restricted or st.decided_boundary
    st.boundary = boundary
    if boundary is None or st.model_digest is None:
        st.status = NOT_VERIFIED
        st.reasons.append("the recorded decision names no boundary or model digest")
        return st, None, None
    if keyring is None:
        # the registry alone can still say no (the same lifecycle check verify makes); a yes
        # needs the signatures checked
        lv = Verdict(boundary=boundary)
        _registry(reg, case_id, BoundaryKind(boundary), lv, approved.payload.get("record"), model_digest=st.model_digest,
                  at=at)
        lv.reasons += replaced_policy(reg, approved, at)
        st.reasons = lv.reasons + ["signatures not checked: no keyring was given to check them against"]
        st.status = NOT_DEPLOYABLE if lv.reasons else NOT_VERIFIED
        return st, approved.payload["bundle"], None
    # as `verify` checks it: every signature's time is when the log recorded it (a key retired
    # since keeps what was logged before; a compromised one only what was logged before the
    # compromise), never the time of this check
    # and every revocation the log records applies, whatever the keyring file says
    from ._proven import log_times
    from ._revocations import with_logged_revocations

    ring, revoked = with_logged_revocations(keyring, list(reg.events(kind="keyring-change")))
    v = check_bundle(approved.payload["bundle"], ring, model_digest=st.model_digest,
                     boundary=BoundaryKind(boundary), at=at, registry=reg,
                     logged=log_times(list(reg.events(case_id=case_id))))
    v.reasons += replaced_policy(reg, approved, at)
    # (the keyring with the logged revocations applied is not the file's: that is no news)
    st.notes = [n for n in v.notes if not (revoked and n.startswith("the decision was made with keyring"))] + revoked
    if v.ok:
        st.status = DEPLOYABLE
        st.outcome = v.outcome
    else:
        st.reasons = list(v.reasons)
    return st, approved.payload["bundle"], v


POLICY_REPLACED = "was replaced on"
"""The words of the reason for a decision under a policy version the trust root replaced."""


def replaced_policy(reg: Any, approved: Any, at: dt.datetime) -> list[str]:
    """Why the approved decision (the log entry `approved`, carrying its bundle) no longer counts
    by the newest trust root version the registry's log records (`trust init` and `trust rotate`
    record each, with the policies it pins): its signed policy was replaced there and the grace
    that root gives approvals under it has passed by `at` (as `verify` judges it with the root).
    Empty when the log records no root, or the root does not pin the policy (`verify` says so
    with the root itself)."""
    from ..sign import decode_payload
    from ..trust import TRUST_ROOT_EVENT, PinnedPolicy, replaced_policy_problems

    roots = [e for e in reg.events(kind=TRUST_ROOT_EVENT) if type(e.payload.get("version")) is int]
    if not roots:
        return []
    newest = max(roots, key=lambda e: (e.payload["version"], e.index))
    try:
        pins = [PinnedPolicy.model_validate(p) for p in newest.payload.get("policies") or []]
    except ValueError:
        return [f"the trust root version {newest.payload['version']} the log records (entry {newest.index}) pins "
                "policies that cannot be read, so whether the decision's policy was replaced cannot be established"]
    env = (approved.payload.get("bundle") or {}).get("decision")
    pred = ((decode_payload(env) if isinstance(env, dict) else None) or {}).get("predicate") or {}
    sha = (pred.get("policy") or {}).get("sha256") if isinstance(pred.get("policy"), dict) else None
    pin = next((p for p in pins if p.sha256 == sha), None)
    if pin is None:
        return []
    decided = dt.datetime.fromisoformat(approved.recorded_at.replace("Z", "+00:00"))
    return replaced_policy_problems(pins, pin, newest.payload["version"], decided, at)


def _causes(reg: Any, st: DeployState, bundle: dict[str, Any] | None, at: dt.datetime,
            verdict: Verdict | None) -> list[str]:
    """Each kind of reason, read from the same facts verify read (the registry, the signed
    decision, and `verdict`, what `check_bundle` found), in words that name no confidential
    detail."""
    from ..sign import decode_payload

    out: list[str] = []
    if st.lifecycle is None:
        return ["not in the registry"]
    if st.lifecycle == "restricted":
        out.append(f"restricted to {st.boundary} (decided for {st.decided_boundary})")
    elif st.lifecycle not in DEPLOYABLE_STATES:
        out.append(st.lifecycle)
    if bundle is None:
        last = st.last_decision
        if last is None:
            out.append("no decision recorded")
        elif last["outcome"] not in PASSING:
            out.append(f"decision {last['outcome']}")
        else:
            out.append("no signed decision")
        return out
    env = bundle.get("decision")
    pred = ((decode_payload(env) if isinstance(env, dict) else None) or {}).get("predicate") or {}
    out += _objection_causes(reg, st.case_id, bundle, verdict)
    day = at.date()
    # an expiry that is not a date (one that could not be established) counts as expired
    expired = sum(1 for e in pred.get("evidence", [])
                  if not _DAY.fullmatch(str(e.get("expires", ""))[:10]) or str(e["expires"])[:10] < day.isoformat())
    if expired:
        out.append(f"{expired} evidence item{'s' if expired != 1 else ''} expired")
    record = pred.get("record") or {}
    # as verify counts them: past due and not confirmed met in the log (without a verdict, every
    # condition past due)
    overdue = (sum(1 for r in verdict.reasons if CONDITION_OVERDUE in r) if verdict is not None else
               sum(1 for c in record.get("conditions", []) if c.get("due") and str(c["due"])[:10] < day.isoformat()))
    if overdue:
        out.append(f"{overdue} condition{'s' if overdue != 1 else ''} overdue")
    if verdict is not None and any(PUBLICATION_OVERDUE in r for r in verdict.reasons):
        out.append("public summary overdue")
    if verdict is not None and any(NEWER_NO_GO in r and SAME_VERSION_AGAIN not in r and OTHER_CASE not in r
                                   for r in verdict.reasons):
        out.append("newer version judged NO-GO")
    if verdict is not None and any(OTHER_CASE in r for r in verdict.reasons):
        out.append("another case about the same weights judged NO-GO")
    if verdict is not None and any(SAME_VERSION_AGAIN in r for r in verdict.reasons):
        out.append("approved version judged NO-GO again")
    if any(POLICY_REPLACED in r for r in (verdict.reasons if verdict is not None else st.reasons)):
        out.append("policy replaced")
    if not out and st.status == NOT_VERIFIED:
        out.append("signatures not checked")
    elif not out:
        out.append("the signed decision does not verify")
    return out


def _objection_causes(reg: Any, case_id: str, bundle: dict[str, Any], verdict: Verdict | None) -> list[str]:
    """How many objections stand, counted as the gate counts them: signed ones as `resolve`
    judged them under the decision's policy (its escalation role included) when `check_bundle`
    ran, unsigned ones logged in the registry until any answer closes them. Signed objections
    that could not be judged (no keyring, or a decision that does not verify) are counted as
    such, never as closed."""
    from ..sign import envelope_sha256
    from ..store import open_objections

    unsigned = sum(1 for e in open_objections(reg, case_id) if e.payload.get("envelope") is None)
    out: list[str] = []
    if verdict is not None and verdict.judged_objections:
        n = unsigned + len(verdict.standing)
        if n:
            out.append(f"{n} open objection{'s' if n != 1 else ''}")
        return out
    if unsigned:
        out.append(f"{unsigned} open objection{'s' if unsigned != 1 else ''}")
    signed = {envelope_sha256(o) for o in (bundle.get("objections") or []) if isinstance(o, dict)}
    signed |= {envelope_sha256(e.payload["envelope"]) for e in reg.events(case_id=case_id, kind="objection")
               if isinstance(e.payload.get("envelope"), dict)}
    if signed:
        why = "signatures not checked" if verdict is None else "the signed decision or its policy does not verify"
        out.append(f"{len(signed)} signed objection{'s' if len(signed) != 1 else ''} not judged ({why})")
    return out
