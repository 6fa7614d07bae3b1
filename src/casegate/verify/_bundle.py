"""The decision bundle: the signed decision with every sign-off, objection and waiver it rests
on, the policy it was judged under, and the keyring fingerprint; written by `decide`, checked
offline by `verify_bundle` at deploy time."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError
from securesystemslib.signer import Signer  # type: ignore[attr-defined]

from ..errors import InputError, VerificationError
from ..load import Loaded, parse_yaml
from ..model import BoundaryKind, DecisionRecord, Policy, PublicationPolicy, never_waivable

if TYPE_CHECKING:
    from ..evidence import ArtifactState
    from ..model import ArtifactDates
from ..sign import (
    ANSWER,
    AUTHORS,
    DECISION,
    OBJECTION,
    SIGNOFF,
    WAIVER,
    Keyring,
    LogTimes,
    Signed,
    authors_of,
    case_digest,
    check_dissent,
    check_envelope,
    envelope_sha256,
    iso,
    now_utc,
    parse_instant,
    resolve,
    sign_statement,
    signer_entry,
    standing_problems,
    statement,
    subjects,
)
from ._authority import authority_problems, decider_problems
from ._collect import Collected, binding_reasons
from ._exposure import (
    SIGNED_KEY,
    Deployment,
    boundary_attributes,
    exposure_problems,
    restricted_access_problems,
)
from ._incidents import SIGNED_TRIGGERS, incident_triggers
from ._monitors import SIGNED_MONITORS, signed_monitors
from ._reapproval import cause_text, last_approval, last_reopening, signed_parts, stale_signatures

BUNDLE_VERSION = 1
"""Version of the decision bundle format."""
PASSING = ("GO", "GO WITH CONDITIONS")


class BundleVerificationError(VerificationError):
    """The bundle does not allow this deploy; `reasons` lists every reason, each on its own."""

    def __init__(self, reasons: list[str], *, subject: str = "verification failed"):
        super().__init__(f"{subject}: {len(reasons)} reason{'s' if len(reasons) != 1 else ''}")
        self.reasons = reasons

    def diagnostics(self) -> str:
        return "\n".join([f"error: {self.message}", *(f"  - {r}" for r in self.reasons)])


# --------------------------------------------------------------------------- decide


def signoff_shortfall(loaded: Loaded, collected: Collected, *, decider_organisation: str | None = None) -> list[str]:
    """Why the verified sign-offs do not yet meet the policy for the case's boundary
    (`decider_organisation`: the organisation the keyring records for whoever signs the decision,
    which is the developer's too)."""
    assert loaded.case is not None and loaded.policy is not None
    if loaded.case.boundary is None:
        return ["the case names no boundary"]
    authors = [*loaded.case.decision.authors, *collected.dissent.author_names()]
    # the developer's organisations as the evidence attestations were judged against
    atts = loaded.attestations
    developer = [*loaded.policy.evidence.organisations, *(atts.author_organisations if atts is not None else []),
                 *([decider_organisation] if decider_organisation else [])]
    out = authority_problems([(s.person, s.role, s.key.keyid) for s in collected.signoffs],
                             loaded.policy.signoff, loaded.case.boundary.kind, authors,
                             organisations={s.person: s.key.organisation for s in collected.signoffs},
                             developer=developer)
    if not collected.dissent.authors:
        out.append("no signed authors list: who wrote the case cannot be established, so no one can be "
                   "shown not to be signing their own case (an author runs `casegate authors sign`)")
    return out


def _evidence_expiry(loaded: Loaded, dates: ArtifactDates | None = None) -> list[dict[str, str]]:
    """Each evidence item's id, the date its age counts from and its expiry, as the bundle signs
    them. `dates`: when the registry first logged each artifact (an item's age then counts from no
    later than that day); None without a registry (the items' own dates)."""
    assert loaded.case is not None and loaded.policy is not None
    days = loaded.policy.evidence.max_age_days
    out = []
    for eid, e in sorted(loaded.case.evidence.items()):
        since = dates.date_of(e) if dates is not None else e.date
        until = e.expiry(days, since)
        # an expiry that cannot be established is no date: `verify` reports it as unreadable
        out.append({"id": eid, "date": since.isoformat(),
                    "expires": until.isoformat() if until else "not established"})
    return out


def _counted_independent(loaded: Loaded, artifacts: dict[str, ArtifactState] | None = None,
                         ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The evidence items the gate counted independent of the developer, each with its producer,
    its artifact's digest, what each safeguard it tests is (`Safeguard.definition`, as the case
    defines it) and the attestations that made it so (their envelopes' sha256), and those
    envelopes: `verify` checks each again against the keyring it trusts. `artifacts`: the
    artifacts as the gate hashed them (hashed again when not given)."""
    from ..evidence import facts_for, rehash_artifacts
    from ..sign import attestation_envelopes, declared_values, tested_definitions

    assert loaded.case is not None
    if loaded.attestations is None:
        return [], []
    _, facts = facts_for(loaded, artifacts if artifacts is not None else rehash_artifacts(loaded))
    items: list[dict[str, Any]] = []
    if facts is not None:
        for eid, ind in sorted(facts.independence.items()):
            shas = sorted({a.envelope for a in ind.by if a.envelope})
            if not ind.independent or not shas:
                continue
            ev = loaded.case.evidence[eid]
            # the item as the gate counted it: what each attestation must cover, checked again by verify
            items.append({"id": eid, "producer": ev.producer, "sha256": ind.by[0].sha256,
                          "kind": ev.kind, "tests": list(ev.tests), **declared_values(ev),
                          "safeguards": tested_definitions(loaded.case, ev), "attestations": shas})
    wanted = {sha for x in items for sha in x["attestations"]}
    found = attestation_envelopes(loaded, wanted)
    return items, [found[sha] for sha in sorted(found)]


def make_bundle(loaded: Loaded, record: DecisionRecord, collected: Collected, signer: Signer, role: str,
                keyring: Keyring, *, at: dt.datetime | None = None,
                narrower: list[dict[str, Any]] | None = None,
                artifacts: dict[str, ArtifactState] | None = None,
                artifact_dates: ArtifactDates | None = None) -> dict[str, Any]:
    """Sign the gate's decision record (as `role`) together with the envelopes it rests on, and
    return the bundle. The caller has checked that the sign-offs meet the policy. `artifacts`: the
    artifacts as the gate hashed them (hashed again when not given). `artifact_dates`: when the
    registry the gate compared with first logged each artifact (the evidence expiries signed
    count from no later than that)."""
    assert loaded.case is not None and loaded.policy is not None and loaded.policy_file is not None
    at = at or now_utc()
    key = signer_entry(signer, keyring, role, at)
    c = loaded.case
    digest = case_digest(loaded)
    independent, attestations = _counted_independent(loaded, artifacts)
    pred: dict[str, Any] = {
        "case": {"id": c.id, "version": c.version, "digest": digest},
        "policy": {"id": loaded.policy.id, "version": loaded.policy.version, "sha256": loaded.policy_file.sha256},
        "system": {"name": c.system.name, "version": c.system.version, "digests": list(c.system.digests)},
        "boundary": c.boundary.kind.value if c.boundary else None,
        # what the deploy may give beyond the kind (tools, sensitive domains, access): `verify`
        # refuses a deployment that gives more
        SIGNED_KEY: boundary_attributes(c.boundary),
        "role": role, "person": key.person, "identity": key.identity, "keyid": key.keyid,
        "signed_at": iso(at),
        "record": json.loads(record.model_dump_json()),
        "signoffs": [{"role": s.role, "person": s.person, "keyid": s.key.keyid,
                      "envelope": envelope_sha256(s.envelope)} for s in collected.signoffs],
        "objections": [],
        "answers": [envelope_sha256(a.envelope) for a in collected.dissent.answers],
        "authors_lists": [envelope_sha256(a.envelope) for a in collected.dissent.authors],
        "waivers": [{"code": w.predicate["code"], "role": w.role, "person": w.person,
                     "until": w.predicate["until"], "envelope": envelope_sha256(w.envelope)}
                    for w in collected.waivers],
        "evidence": _evidence_expiry(loaded, artifact_dates),
        "authors": collected.dissent.author_names(),
        "narrower": list(narrower or []),
        # what `verify` must not take on the bundle's word: the keyring the decision was made
        # with, the evidence it counted independent (and the attestations that made it so),
        # and the date by which the case must be re-evaluated
        "keyring": {"name": keyring.name, "fingerprint": keyring.fingerprint()},
        "independent": independent,
        "reevaluate_by": (c.post_deployment.reevaluate_by.isoformat()
                          if c.post_deployment is not None and c.post_deployment.reevaluate_by is not None
                          else None),
        # the approved version's triggers on incidents: a state proof carries no case files, so
        # `verify` evaluates the incidents it holds against these (`unapplied_incident_problems`)
        SIGNED_TRIGGERS: incident_triggers(c),
        # and its monitors: `verify` judges their silence and the readings a state proof holds
        # against these (`monitor_problems`)
        SIGNED_MONITORS: signed_monitors(c),
    }
    states = resolve(collected.dissent.objections, collected.dissent.answers, loaded.policy.signoff,
                     c.boundary.kind if c.boundary else None)
    for st in states:
        pred["objections"].append({"id": st.id, "role": st.role, "person": st.person, "status": st.status,
                                   "reason": st.reason, "answer": st.answer, "answered_by": st.answered_by,
                                   "envelope": st.envelope})
    env = sign_statement(statement(subjects(loaded, digest), DECISION, pred), signer)
    ptext = loaded.policy_file.abspath.read_bytes() if loaded.policy_file.abspath.exists() else None
    if ptext is None:
        raise InputError("cannot read the policy file to put it in the bundle", location=loaded.policy_file.path)
    return {
        "casegate": BUNDLE_VERSION,
        "kind": "decision-bundle",
        "case": {"id": c.id, "version": c.version, "digest": digest},
        "decision": env,
        "signoffs": [s.envelope for s in collected.signoffs],
        "objections": [o.envelope for o in collected.dissent.objections],
        "answers": [a.envelope for a in collected.dissent.answers],
        "authors": [a.envelope for a in collected.dissent.authors],
        "waivers": [w.envelope for w in collected.waivers],
        "attestations": attestations,
        "policy": {"path": loaded.policy_file.path, "sha256": loaded.policy_file.sha256,
                   "text": ptext.decode()},
        "keyring": {"name": keyring.name, "fingerprint": keyring.fingerprint()},
    }


def write_bundle(bundle: dict[str, Any], path: Path) -> None:
    """Write a bundle as indented JSON."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(bundle, indent=2) + "\n")


def _is_version(value: Any) -> bool:
    """The bundle's format version is this casegate's (an int: `true` and `1.0` are not 1)."""
    return type(value) is int and value == BUNDLE_VERSION


def read_bundle(path: Path) -> dict[str, Any]:
    """Read a bundle file; InputError when it is not a casegate decision bundle of a known version."""
    from ..limits import read_json_document

    data = read_json_document(Path(path), "bundle", missing_help="`casegate decide` writes it")
    if not isinstance(data, dict) or data.get("kind") != "decision-bundle":
        raise InputError("not a casegate decision bundle", location=str(path))
    if not _is_version(data.get("casegate")):
        raise InputError(f"unsupported bundle version {str(data.get('casegate'))[:40]!r}", location=str(path),
                         help=f"this casegate reads bundle version {BUNDLE_VERSION}")
    for key in BUNDLE_LISTS:  # a string here would be read one character (one "envelope") at a time
        if data.get(key) is not None and not isinstance(data[key], list):
            raise InputError(f"the bundle's `{key}` is {_json_type(data[key])}, not a list of envelopes",
                             location=str(path), help="use the bundle `casegate decide` wrote, unedited")
    big = _unsafe_integer(data)
    if big is not None:
        raise InputError(f"the bundle holds the number {_short_number(big)}, outside the integers canonical JSON "
                         f"writes (at most 2^53 - 1 either side of zero)", location=str(path),
                         help="use the bundle `casegate decide` wrote, unedited: casegate never writes such a number")
    return data


def _unsafe_integer(value: Any) -> int | None:
    """The first integer in `value` that RFC 8785 canonical JSON cannot write (past 2^53 - 1 either
    side of zero), or None. A bundle's parts are hashed and compared as canonical JSON, so such a
    number would stop verification midway, far from the file it came from."""
    from .._canonical_json import SAFE_INT

    stack = [value]
    while stack:
        v = stack.pop()
        if type(v) is dict:
            stack.extend(v.values())
        elif type(v) is list:
            stack.extend(v)
        elif type(v) is int and not -SAFE_INT <= v <= SAFE_INT:
            return v
    return None


def _short_number(n: int) -> str:
    text = str(n)
    return text if len(text) <= 24 else f"{text[:12]}...{text[-6:]} ({len(text.lstrip('-')):,} digits)"


BUNDLE_LISTS = ("signoffs", "objections", "answers", "authors", "waivers", "attestations")
"""The bundle's fields that are lists of envelopes."""


def _json_type(value: Any) -> str:
    return {dict: "an object", str: "a string", bool: "a boolean", int: "a number", float: "a number"}.get(
        type(value), type(value).__name__)


# --------------------------------------------------------------------------- verify


@dataclass
class Verdict:
    """What verification found: every failing reason and every note (informational)."""

    case_id: str | None = None
    boundary: str | None = None
    outcome: str | None = None
    reasons: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    signers: list[dict[str, str]] = field(default_factory=list)
    standing: list[str] = field(default_factory=list)
    """Each signed objection that stands (open or upheld) as `resolve` judges it under the
    decision's policy, in the bundle or logged in the registry (`ObjectionState.who`)."""
    judged_objections: bool = False
    """Whether the signed objections were judged (the decision verified and its policy reads)."""
    deployment: dict[str, Any] | None = None
    """What the deployment was declared to give beyond the kind and what the decision signs of its
    boundary (`exposure_problems`); None when the decision could not be read."""

    demonstration: list[str] = field(default_factory=list)
    """The published example keys the answer rests on (`verify_deploy` fills it: each key of the
    keyring or the trust root whose private half casegate publishes). Non-empty: a demonstration,
    never verified for a release (`verified`), whatever `CASEGATE_DEMO_KEYS` says."""

    @property
    def ok(self) -> bool:
        """No reason was found against it (everything checked holds). Whether a release may rest on
        it is `verified`: never on published example keys."""
        return not self.reasons

    @property
    def verified(self) -> bool:
        """The answer for a release: everything checked holds and no published example key is
        among the keys it rests on (`demonstration`)."""
        return not self.reasons and not self.demonstration

    def all_reasons(self) -> list[str]:
        """Every reason it is not verified, the demonstration's last (`demonstration_reason`)."""
        if not self.demonstration:
            return list(self.reasons)
        from ._demo import demonstration_reason

        return [*self.reasons, demonstration_reason(self.demonstration)]

    def to_json(self) -> dict[str, Any]:
        return {"verified": self.verified, "case": self.case_id, "boundary": self.boundary,
                "outcome": self.outcome, "reasons": self.all_reasons(), "notes": self.notes,
                "signers": self.signers, "deployment": self.deployment,
                "demonstration": bool(self.demonstration), "everything_else_verified": self.ok}


class RegistryView:
    """What verification asks the registry: the case's lifecycle state and any restriction."""

    def case_state(self, case_id: str) -> Any: ...  # pragma: no cover - protocol

    def case_restriction(self, case_id: str) -> Any: ...  # pragma: no cover - protocol


DEPLOYABLE_STATES = ("approved", "approved-with-conditions", "restricted")

STANDING = ("open", "upheld")
"""Statuses of an objection that stops a decision (`standing_problems` names each)."""


def _policy_from_bundle(bundle: dict[str, Any], verdict: Verdict, expected_sha: str | None) -> Policy | None:
    p = bundle.get("policy")
    if not isinstance(p, dict) or not isinstance(p.get("text"), str):
        verdict.reasons.append("the bundle carries no policy text")
        return None
    raw = p["text"].encode()
    sha = hashlib.sha256(raw).hexdigest()
    if expected_sha is not None and sha != expected_sha:
        verdict.reasons.append("the policy in the bundle is not the one the decision was signed under (sha256 differs)")
        return None
    try:
        return Policy.model_validate(parse_yaml(str(p.get("path", "policy")), raw).data)
    except (ValidationError, InputError) as e:
        verdict.reasons.append(f"the policy in the bundle cannot be read: {str(e).splitlines()[0]}")
        return None


def _state_changes(reg: RegistryView, case_id: str) -> list[Any]:
    if not hasattr(reg, "events"):
        return []
    return list(reg.events(case_id=case_id, kind="state-change"))


def _registry(reg: RegistryView, case_id: str, requested: BoundaryKind, verdict: Verdict,
              record_json: Any = None, keyring_fp: str | None = None,
              parts: Sequence[tuple[str, Signed]] = (), logged: LogTimes | None = None,
              policy: Policy | None = None, deployment: Deployment | None = None,
              model_digest: str | None = None, at: dt.datetime | None = None) -> None:
    try:
        raw = reg.case_state(case_id)
    except LookupError:
        raw = None
    state = getattr(raw, "value", raw)
    if state is None:
        verdict.notes.append(f"the registry has no record of case {case_id}; lifecycle not checked")
        return
    state = str(state)
    changes = _state_changes(reg, case_id)
    if state not in DEPLOYABLE_STATES:
        why = f"; cause: {cause_text(changes[-1])}" if changes else ""
        verdict.reasons.append(f"the registry says case {case_id} is {state}: a signed GO no longer verifies{why}")
        return
    _approved_decision(case_id, changes, record_json, verdict)
    _newer_no_go(reg, case_id, changes, requested, model_digest, verdict)
    _hashed_weights(reg, case_id, requested, record_json, model_digest, verdict)
    _judged_with(reg, case_id, changes, keyring_fp, verdict)
    _signed_since_reopening(changes, parts, logged, verdict)
    _published(reg, case_id, changes, requested, policy, at or dt.datetime.now(dt.UTC), verdict)
    if state == "restricted":
        r = reg.case_restriction(case_id)
        r = getattr(r, "value", r)
        if r is None:
            verdict.reasons.append(f"the registry says case {case_id} is restricted, to no named boundary")
            return
        to = BoundaryKind(str(r))
        if requested.rank > to.rank:
            verdict.reasons.append(f"the registry says case {case_id} is restricted to {to.value}; "
                                   f"{requested.value} is wider")
        else:
            verdict.notes.append(f"case {case_id} is restricted to {to.value}")
        if policy is not None and deployment is not None:
            verdict.reasons += restricted_access_problems(case_id, to, policy.kind_properties(to).access, deployment)
    else:
        verdict.notes.append(f"registry: case {case_id} is {state}")
    _registry_objections(reg, case_id, verdict)


def _approved_decision(case_id: str, changes: list[Any], record_json: Any, verdict: Verdict) -> None:
    """The registry approved the case on one decision; an older bundle (say, of a version that was
    reopened and then replaced) must not verify just because the case is approved again."""
    from ..store import json_sha256

    approvals = [c for c in changes if (c.payload.get("cause") or {}).get("type") == "decision"
                 and c.payload.get("to") in ("approved", "approved-with-conditions")]
    if not approvals or not isinstance(record_json, dict):
        return
    expected = (approvals[-1].payload.get("cause") or {}).get("record_sha256")
    if not expected:
        return
    actual = json_sha256(record_json)
    if actual != expected:
        version = (approvals[-1].payload.get("cause") or {}).get("version")
        verdict.reasons.append(
            f"the registry approved case {case_id} on another decision (version {version}, log entry "
            f"{approvals[-1].index}): this bundle is not the approved one")


def _newer_no_go(reg: RegistryView, case_id: str, changes: list[Any], requested: BoundaryKind,
                 model_digest: str | None, verdict: Verdict) -> None:
    """A later version of the case, or the approved one gated again after its approval, judged NO-GO
    on its substance, for these weights and a boundary no wider than the deploy's, stops the
    approval (`newer_no_go_problems`)."""
    approval = last_approval(changes)
    version = (approval.payload.get("cause") or {}).get("version") if approval is not None else None
    if approval is None or type(version) is not int:
        return
    if not hasattr(reg, "events"):
        verdict.reasons.append(f"the registry's log entries of case {case_id} cannot be read, so whether a newer "
                               "version was judged NO-GO cannot be established")
        return
    from ..store import MODEL_FILES_EVENT
    from ._newer import newer_no_go_problems

    events = [*reg.events(case_id=case_id, kind="decision"), *reg.events(case_id=case_id, kind="judgement")]
    # what tells whether a NO-GO for other model digests is about the same model: each version's
    # logged system, and the weights the registry hashed (for any case: the same weights re-saved)
    # (read only when the case has a NO-GO at all: most have none)
    nogo = any(isinstance(e.payload, dict) and e.payload.get("outcome") == "NO-GO" for e in events)
    log = [*reg.events(case_id=case_id, kind="case-version"), *reg.events(kind=MODEL_FILES_EVENT)] if nogo else []
    verdict.reasons += newer_no_go_problems(events, version, case_id, requested, model_digest,
                                            approved_at=approval.index, log=log)
    # a NO-GO logged since under another case id about the same weights says no for them too
    from ._newer import other_case_no_go_problems

    tail, log_from = _whole_log(reg)
    others = [e for kind in ("decision", "judgement") for e in tail(kind)
              if e.case_id != case_id and e.index > approval.index and isinstance(e.payload, dict)
              and e.payload.get("outcome") == "NO-GO"]
    if others:
        verdict.reasons += other_case_no_go_problems(
            others, version, case_id, requested, model_digest, approved_at=approval.index,
            log=[*tail("case-version"), *tail(MODEL_FILES_EVENT)], log_from=log_from)


def _whole_log(reg: RegistryView) -> tuple[Any, int]:
    """(kind -> the entries of that kind, of every case, that `reg` holds; the first log entry it
    holds): a registry holds the whole log (0), a proven state the entries of its proof, which
    start at the case's first (`ProvenState.log_events`)."""
    proven = getattr(reg, "log_events", None)
    if proven is not None:
        return proven, int(getattr(reg, "log_from", 0))
    return (lambda kind: list(reg.events(kind=kind))), 0  # type: ignore[attr-defined]


def _hashed_weights(reg: RegistryView, case_id: str, requested: BoundaryKind, record_json: Any,
                    model_digest: str | None, verdict: Verdict) -> None:
    """Past internal use a decision deploys only weights the registry hashed itself for the
    approved version before approving it (`weights_anchor_problems`): what the lab declares (case
    id, system name and version, digests) is its own to change, the weights' bytes are not."""
    if requested.internal:
        return
    if not hasattr(reg, "events"):
        verdict.reasons.append(f"the registry's log entries of case {case_id} cannot be read, so whether it hashed "
                               "the approved version's weights cannot be established")
        return
    if model_digest is None:
        verdict.reasons.append("no model digest to hold to the weights the registry hashed")
        return
    from ._modelfiles import weights_anchor_problems

    verdict.reasons += weights_anchor_problems(reg, case_id, record_json, model_digest)


def _signed_since_reopening(changes: list[Any], parts: Sequence[tuple[str, Signed]], logged: LogTimes | None,
                            verdict: Verdict) -> None:
    """An approval that followed a reopening, restriction or withdrawal rests only on signatures
    made after it (`stale_signatures`): the decision's own sign-offs, checked by their log time."""
    approval = last_approval(changes)
    reopening = last_reopening(changes, before=approval.index) if approval is not None else None
    if reopening is not None:
        verdict.reasons += stale_signatures(reopening, parts, logged)


PUBLICATION_OVERDUE = "has logged no public summary of it; the policy wants it published within"
"""The words of `verify`'s reason for a public summary past its due date (a cause in `state show`)."""


def _published(reg: RegistryView, case_id: str, changes: list[Any], requested: BoundaryKind,
               policy: Policy | None, at: dt.datetime, verdict: Verdict) -> None:
    """Past internal use, the version the registry approved has its public summary logged
    (`casegate publish` against the registry) within the policy's `publication.due_days` of the
    approval; after that, until it is, a deploy does not verify. Every approved case promised a
    summary (CG601 blocks a plan that publishes none); this holds the promise to the log."""
    approval = last_approval(changes)
    if requested.internal or approval is None or not hasattr(reg, "events"):
        return
    version = (approval.payload.get("cause") or {}).get("version")
    from ..store import summary_outcome

    # only a summary that says what the registry approved counts: one that states another outcome
    # (judged under another keyring, or without the registry's history) is not the version's summary
    approved_outcome = {"approved": "GO", "approved-with-conditions": "GO WITH CONDITIONS"}.get(
        str(approval.payload.get("to")))
    published = [e for e in reg.events(case_id=case_id, kind="publication") if e.payload.get("version") == version]
    # ... and one marked as a local preview (`publish --no-record`) is no publication at all
    if any(summary_outcome(e.payload.get("summary")) == approved_outcome
           and not (isinstance(e.payload.get("summary"), dict) and "preview" in e.payload["summary"])
           for e in published):
        return
    if published:
        verdict.notes.append(
            f"the registry logged {len(published)} public summary(ies) of version {version} of case {case_id} "
            f"(log entry {', '.join(str(e.index) for e in published)}), but none says {approved_outcome}, the "
            "outcome it approved: they do not count as its public summary")
    days = policy.publication.due_days if policy is not None else PublicationPolicy().due_days
    try:
        approved = parse_instant(str(approval.recorded_at))
    except (InputError, ValueError):
        verdict.reasons.append(f"the registry's approval of case {case_id} (log entry {approval.index}) has no "
                               "readable time, so whether its public summary is overdue cannot be told")
        return
    due = approved + dt.timedelta(days=days)
    said = (f"the registry approved version {version} of case {case_id} on {approved.date().isoformat()} and has "
            f"logged no public summary of it")
    if at > due:
        verdict.reasons.append(f"{said}; the policy wants it published within {days} days (by "
                               f"{due.date().isoformat()}): a deploy past internal use verifies again once "
                               f"`casegate publish` has recorded it in the registry")
    else:
        verdict.notes.append(f"{said} yet: it is due by {due.date().isoformat()} (`casegate publish`)")


def _judged_with(reg: RegistryView, case_id: str, changes: list[Any], keyring_fp: str | None,
                 verdict: Verdict) -> None:
    """The registry judged the decision it approved on again before approving, with a keyring it
    logged beside the decision: an approval judged with another keyring than the one the decision
    signs it was made with (which `verify` holds to the trust root's pins) does not verify."""
    if keyring_fp is None or not hasattr(reg, "events"):
        return
    approvals = [c for c in changes if (c.payload.get("cause") or {}).get("type") == "decision"
                 and c.payload.get("to") in ("approved", "approved-with-conditions")]
    if not approvals:
        return
    index = (approvals[-1].payload.get("cause") or {}).get("decision")
    entry = next((e for e in reg.events(case_id=case_id, kind="decision") if e.index == index), None)
    judgement = entry.payload.get("judgement") if entry is not None else None
    if not isinstance(judgement, dict):
        # an approval logged without the registry's own gate run (by code that wrote to the
        # registry directly, or by an older casegate) rests on the lab's decider alone
        verdict.reasons.append(f"the registry logged no judgement of its own with the approving decision "
                               f"(log entry {index}): nothing shows it ran the gate again before approving; "
                               "apply the decision again with `casegate state apply`")
        return
    if judgement.get("keyring") != keyring_fp:
        verdict.reasons.append(
            f"the registry judged the approving decision (log entry {index}) with keyring "
            f"{str(judgement.get('keyring'))[:80]}, not the keyring {keyring_fp} the decision was made with")
    if "trust_root" in judgement and judgement["trust_root"] is None:
        verdict.notes.append(f"the registry approved the decision (log entry {index}) unpinned, with no trust root "
                             "(`state apply --unpinned`, for tests and walkthroughs): this check holds it to yours")


def _registry_objections(reg: RegistryView, case_id: str, verdict: Verdict) -> None:
    """Unsigned objections recorded in the registry (before the board took only signed ones)
    that no answer closed block deployment just like objections inside the case."""
    if not hasattr(reg, "events"):
        return
    from ..store import open_objections

    for e in open_objections(reg, case_id):  # type: ignore[arg-type]
        p = e.payload
        if p.get("envelope") is not None:
            continue  # signed: judged with the signed answers (`_registry_dissent`)
        verdict.reasons.append(
            f"an objection by {p.get('person')} ({p.get('role')}) recorded in the registry "
            f"(log entry {e.index}, {e.recorded_at[:10]}) is open: {p.get('reason')}")


def _registry_dissent(reg: RegistryView, case_id: str, keyring: Keyring, at: dt.datetime, objs: list[Signed],
                      answers: list[Signed], policy: Policy | None, decided: BoundaryKind | None,
                      verdict: Verdict, logged: LogTimes | None = None) -> None:
    """Signed objections logged in the registry (e.g. from the review board) that the bundle does
    not carry stand unless signed answers, logged or in the bundle, close them."""
    if not hasattr(reg, "events") or policy is None:
        return
    logged_o = [e.payload.get("envelope") for e in reg.events(case_id=case_id, kind="objection")
                if e.payload.get("envelope") is not None]
    logged_a = [e.payload.get("envelope") for e in reg.events(case_id=case_id, kind="objection-answer")
                if e.payload.get("envelope") is not None]
    extra_o, problems = check_dissent(logged_o, keyring, at, case_id, OBJECTION, "objection in the registry", logged)
    extra_a, aproblems = check_dissent(logged_a, keyring, at, case_id, ANSWER, "answer in the registry", logged)
    verdict.reasons += problems + aproblems
    known = {envelope_sha256(o.envelope) for o in objs}
    new = [o for o in extra_o if envelope_sha256(o.envelope) not in known]
    if not new:
        return
    seen = {envelope_sha256(a.envelope) for a in answers}
    all_answers = answers + [a for a in extra_a if envelope_sha256(a.envelope) not in seen]
    states = resolve(new, all_answers, policy.signoff, decided)
    verdict.standing += [st.who for st in states if st.status in STANDING]
    for r in standing_problems(states, policy.signoff):
        verdict.reasons.append(f"{r} (recorded in the registry, not in the bundle)")


SIGNED_BINDINGS = (
    ("keyring", "the keyring it was made with"),
    ("independent", "the evidence it counted independent and the attestations that made it so"),
    ("reevaluate_by", "the date by which the case must be re-evaluated"),
)
"""What a decision signs that `verify` checks again (predicate key, in words): a decision that
lacks any of them does not verify."""


def _decided_at(pred: dict[str, Any], at: dt.datetime) -> dt.datetime:
    """When the decision was signed, as it says (else `at`): what its evidence attestations were
    judged as of."""
    try:
        return parse_instant(str(pred.get("signed_at")))
    except (InputError, ValueError):
        return at


def _reevaluation_problems(pred: dict[str, Any], policy: Policy | None, day: dt.date) -> list[str]:
    """A decision stops counting after the date by which its case was to be re-evaluated (the
    case's `reevaluate_by` as signed; for a case that set none, the decision date plus the
    policy's longest interval)."""
    raw = pred.get("reevaluate_by")
    if raw is None:
        if policy is None:
            return []  # the unreadable policy is a reason already
        decided = _decided_at(pred, dt.datetime.combine(day, dt.time(), dt.UTC)).date()
        due = decided + dt.timedelta(days=policy.post_deployment.max_reevaluation_days)
        why = (f"the case set no re-evaluation date, so the decision of {decided.isoformat()} counts for the "
               f"policy's longest interval ({policy.post_deployment.max_reevaluation_days} days)")
    else:
        try:
            due = dt.date.fromisoformat(str(raw))
        except ValueError:
            return [f"decision: unreadable re-evaluation date {str(raw)[:40]!r}"]
        why = "the case was to be re-evaluated by then"
    if day > due:
        return [f"the decision expired on {due.isoformat()}: {why}; gate the case again and decide anew "
                "(CG705 blocks a new decision on the old date)"]
    return []


def _attested_otherwise(att: Any, item: dict[str, Any]) -> str | None:
    """How an attestation differs from the item as the decision counted it (its kind, the
    safeguards it tests, its declared result and date, the further files its counts are read
    from, what each safeguard it tests is), or None
    when it covers it. A decision that does not say these cannot be checked, so it differs (made
    before they were signed)."""
    if not all(k in item for k in ("kind", "tests", "result", "date", "files")):
        return ("but the decision does not say the kind, tests, result, date and further files it counted for "
                "the item, so they cannot be checked against the attestation (decide again)")
    tests = item["tests"] if isinstance(item["tests"], list) else None
    if att.kind != item["kind"]:
        return f"as a {att.kind}, but the decision counted it as a {item['kind']}"
    if tests is None or not set(map(str, tests)) <= set(att.tests):
        return f"as a test of {', '.join(att.tests) or 'no safeguard'}, but the decision counted it as a test of " \
               f"{', '.join(map(str, tests or [])) or 'nothing readable'}"
    if att.result != item["result"]:
        return "with another result than the decision counted"
    if att.date != item["date"]:
        return f"as dated {att.date}, but the decision counted it as dated {item['date']}"
    files = item["files"]
    if not isinstance(files, list) or list(att.files or ()) != files:
        return "with other further files than the decision counted (the files its counts are read from)"
    return _defined_otherwise(att, item, [str(t) for t in tests])


def _defined_otherwise(att: Any, item: dict[str, Any], tests: list[str]) -> str | None:
    """How the safeguards the item tests, as the attestation signed them, differ from what the
    decision signs the case defines them as (the registry approves a decision only when these are
    the stored version's own), or None when each is the same safeguard. A decision that does not
    say them, or an attestation that does not, cannot be checked, so it differs."""
    from ..evidence import redefined
    from ..sign import readable_definitions

    if not tests:
        return None
    eid = item.get("id")
    listed = ", ".join(f"`{t}`" for t in tests)
    if "safeguards" not in item:
        return (f"as a test of {listed}, but the decision does not say what the case defines "
                f"{'that safeguard' if len(tests) == 1 else 'those safeguards'} as (it was made by an older "
                "casegate), so whether the evaluator tested the safeguards the case now defines cannot be "
                "established: decide again with `casegate decide`")
    defined = item["safeguards"]
    if not readable_definitions(defined):
        return "but the decision's definitions of the safeguards it tests cannot be read"
    if att.safeguards is None:
        return (f"without recording what {listed} {'was' if len(tests) == 1 else 'were'} when it was signed, so "
                f"it would count for whatever the case defines under those ids (the evaluator signs it again "
                f"with `casegate evidence attest {eid}`)")
    for sid in tests:
        if changes := redefined(att.safeguards.get(sid), defined.get(sid)):
            return (f"as a test of `{sid}` as the case defined it then, but the case the decision is for defines "
                    f"`{sid}` otherwise ({'; '.join(changes)}): the test is evidence about the safeguard that was "
                    f"tested, not this one; have the evaluator test `{sid}` as it now is and sign `{eid}` again "
                    f"(`casegate evidence attest {eid}`)")
    return None


def developer_organisations(policy: Policy, keyring: Keyring, authors: list[str]) -> list[str]:
    """The developer's organisations: the policy's `evidence.organisations` and those the keyring
    records for the case's authors."""
    out = list(policy.evidence.organisations)
    for name in authors:
        ident = keyring.identity(name)
        if ident is not None and ident.organisation:
            out.append(ident.organisation)
    return out


Deciders = tuple[dict[str, str], tuple[str, ...], str]
"""Who may sign a decision, as `casegate.evidence.deciders` answers (each possible decider ->
their organisation; those with none on record), and the boundary it is for (in messages)."""


def possible_deciders(policy: Policy, keyring: Keyring, boundaries: Sequence[BoundaryKind],
                      when: dt.datetime) -> Deciders:
    """Everyone `keyring` lets sign the decision for any of `boundaries` with a key that counts at
    `when` (the decision's time), as the gate counts them: whoever may decide, decides for the
    developer, so an outside sign-off or independent evidence is held to their organisations too.
    The boundary named is the first of `boundaries`."""
    from ..evidence import deciders
    from ..model import AuthorityCheck
    from ._signed import role_holders

    check = AuthorityCheck(keyring=keyring.name, holders=role_holders(keyring, when),
                           organisations={i.name: i.organisation for i in keyring.identities if i.organisation})
    orgs: dict[str, str] = {}
    unknown: list[str] = []
    for b in boundaries:
        o, u = deciders(policy, b, check)
        for name, org in o.items():
            orgs.setdefault(name, org)
        unknown += [n for n in u if n not in unknown]
    return orgs, tuple(sorted(unknown)), boundaries[0].value if boundaries else "?"


def _independence_problems(bundle: dict[str, Any], pred: dict[str, Any], keyring: Keyring,
                           policy: Policy | None, authors: list[str], when: dt.datetime,
                           may_decide: Deciders | None = None) -> list[str]:
    """Every evidence item the decision counted independent, checked again against the keyring
    `verify` trusts: one of the attestations it names is in the bundle, verifies with a key of
    this keyring (as of `when`, the decision's time), attests this item's artifact (and, where it
    signed the weights it ran against, one of the system digests the decision is for), and its
    signer's organisation (as this keyring records it) is known, not the developer's, not that of
    anyone who may decide (`may_decide`, `possible_deciders`' answer; None: the decided boundary
    cannot be read, so nobody can be shown outside its deciders), and the item's producer."""
    from ..evidence import not_outside_deciders
    from ..evidence._facts import _org_key
    from ..model._names import organisation_among
    from ..sign import check_attestation

    if policy is None:
        return []  # the policy in the bundle cannot be used: that is a reason already
    items = pred.get("independent")
    if not isinstance(items, list):
        return ["decision: its list of independent evidence cannot be read"]
    envelopes = {envelope_sha256(e): e for e in bundle.get("attestations") or [] if isinstance(e, dict)}
    system = pred.get("system")
    signed_weights = system.get("digests") if isinstance(system, dict) else None
    weights = {d for d in signed_weights if isinstance(d, str)} if isinstance(signed_weights, list) else set()
    developer = list(developer_organisations(policy, keyring, authors))
    out: list[str] = []
    for x in items:
        eid = str(x.get("id")) if isinstance(x, dict) else "?"
        shas = x.get("attestations") if isinstance(x, dict) else None
        why: list[str] = []
        ok = False
        for sha in shas if isinstance(shas, list) else []:
            env = envelopes.get(sha)
            if env is None:
                why.append(f"its attestation {str(sha)[:16]}... is missing from the bundle")
                continue
            att, reasons = check_attestation(env, keyring, when, f"its attestation {str(sha)[:16]}...")
            if att is None:
                why += reasons
            elif att.evidence != eid or att.sha256 != x.get("sha256"):
                why.append(f"{att.label} by {att.person} attests `{att.evidence}` (sha256 {att.sha256[:16]}...), "
                           "not this item's artifact")
            elif (differs := _attested_otherwise(att, x)) is not None:
                why.append(f"{att.label} by {att.person} attests `{eid}` {differs}")
            elif att.system_digests is not None and not set(att.system_digests) & weights:
                why.append(f"{att.label} by {att.person} attests `{eid}` for the weights with digest "
                           f"{', '.join(d[:19] + '...' for d in att.system_digests)}, none of which the decision "
                           "is for")
            elif att.system_digests is not None and (unattested := sorted(weights - set(att.system_digests))):
                why.append(f"{att.label} by {att.person} attests `{eid}` for the weights with digest "
                           f"{', '.join(d[:19] + '...' for d in att.system_digests)}, but the decision is also for "
                           f"{', '.join(d[:19] + '...' for d in unattested)}, which it never measured")
            elif not att.organisation:
                why.append(f"{att.label} is by {att.person}, for whom the keyring records no organisation")
            elif not developer:
                why.append("the developer's organisations are unknown (the policy names none and no author's "
                           "identity has one)")
            elif organisation_among(att.organisation, developer) is not None:
                why.append(f"{att.label} is by {att.person} of {att.organisation}, the developer's own organisation")
            elif may_decide is None:
                why.append(f"{att.label} is by {att.person} of {att.organisation}, but the boundary the decision is "
                           "for cannot be read, so who may decide it, and whether they are outside, cannot be "
                           "established")
            elif (decides := not_outside_deciders(att.person, att.organisation, *may_decide)) is not None:
                why.append(f"{att.label} is by {att.person}, but {decides}")
            elif _org_key(str(x.get("producer"))) not in {_org_key(att.organisation), _org_key(att.person),
                                                          _org_key(att.identity)}:
                why.append(f"{att.label} is by {att.person} ({att.organisation}), but the item's producer is "
                           f"`{x.get('producer')}`")
            else:
                ok = True
        if not ok:
            out.append(f"evidence {eid} was counted independent of the developer, but no attestation of it "
                       f"holds against this keyring: {'; '.join(why) or 'the decision names none'}")
    return out


def check_bundle(bundle: dict[str, Any], keyring: Keyring, *, model_digest: str, boundary: BoundaryKind,
                 at: dt.datetime, registry: RegistryView | None = None,
                 logged: LogTimes | None = None, deployment: Deployment | None = None,
                 not_before: dt.datetime | None = None, shared: dict[Any, Any] | None = None) -> Verdict:
    """Check a decision bundle for a deploy of `model_digest` across `boundary` at `at`, giving
    what `deployment` declares (default None, the registry's judgement with no deploy: no tools,
    no sensitive domain, access not asked for; `casegate verify` always declares one), and
    collect every failing reason (see `verify_bundle`). With `logged` (when the log the trust
    root pins recorded each envelope), every signature's time is its log time. A bundle whose
    parts have the wrong shape (a number where an envelope's payload belongs, a list for the
    keyring, ...) is an InputError naming what is wrong, never a crash. `not_before`: what lapses
    with time (evidence expiry, conditions and re-evaluation falling due, waivers, the public
    summary's due date) is judged no earlier than this instant (the time of the checkpoint the
    state proof rests on), however early `at` is: the state proven is that of now, not of `at`.
    `shared`: what a check of the same bundle against the same keyring worked out that does not
    depend on `at` (the decision record, the policy, the keyring's fingerprint, the independence
    of the evidence, judged as of the decision), kept for another check of it at another time."""
    if not isinstance(bundle, dict):
        raise InputError("the decision bundle is not a JSON object", help="pass the bundle `casegate decide` wrote")
    # the format markers are not signed: a bundle that does not say it is this format is refused
    # rather than read as one (fail closed), as `read_bundle` refuses the file
    if bundle.get("kind") != "decision-bundle":
        raise InputError("not a casegate decision bundle (its `kind` is not decision-bundle)",
                         help="pass the bundle `casegate decide` wrote")
    if not _is_version(bundle.get("casegate")):
        raise InputError(f"unsupported bundle version {str(bundle.get('casegate'))[:40]!r}",
                         help=f"this casegate reads bundle version {BUNDLE_VERSION}")
    try:
        return _check_bundle(bundle, keyring, model_digest=model_digest, boundary=boundary, at=at,
                             registry=registry, logged=logged, deployment=deployment, not_before=not_before,
                             shared=shared)
    except SHAPE_ERRORS as e:
        raise malformed(e) from None


SHAPE_ERRORS = (TypeError, AttributeError, KeyError, IndexError, ValueError)
"""What reading a part of the wrong shape raises (a number where an envelope's payload belongs)."""


def malformed(e: Exception) -> InputError:
    """The error for a bundle a part of which has the wrong shape (`SHAPE_ERRORS`)."""
    return InputError(f"the decision bundle is malformed: a part has the wrong shape ({type(e).__name__}: "
                      f"{str(e)[:160]})", help="it was altered or truncated; ask for the bundle again")


def _check_bundle(bundle: dict[str, Any], keyring: Keyring, *, model_digest: str, boundary: BoundaryKind,
                  at: dt.datetime, deployment: Deployment | None, registry: RegistryView | None = None,
                  logged: LogTimes | None = None, not_before: dt.datetime | None = None,
                  shared: dict[Any, Any] | None = None) -> Verdict:
    v = Verdict(boundary=boundary.value)
    shared = {} if shared is None else shared
    # signatures count as of `at`; what lapses is judged no earlier than the proven state's time
    lapse = max(at, not_before) if not_before is not None else at
    if lapse > at:
        v.notes.append(f"expiry and due dates are judged as of {lapse.isoformat()}, when the state proof's checkpoint "
                       f"was signed, not the earlier --at {at.isoformat()}: the state proven is that of then")
    d, reasons = check_envelope(bundle.get("decision"), keyring, at, "decision", expect=DECISION, logged=logged)
    v.reasons += reasons
    pred: dict[str, Any] | None = d.predicate if d is not None else None
    record: DecisionRecord | None = None
    if pred is not None:
        if "record" not in shared:
            try:
                shared["record"] = DecisionRecord.model_validate(pred.get("record"))
            except ValidationError:
                shared["record"] = None
        record = shared["record"]
        if record is None:
            v.reasons.append("decision: the decision record in it cannot be read")
        for k in ("case", "system", "policy", "boundary"):
            if k not in pred:
                v.reasons.append(f"decision: the statement lacks {k!r}")
                pred = None
                break
    if pred is not None:
        v.case_id = str(pred["case"].get("id"))
        v.signers.append({"as": "decider", "role": d.role, "person": d.person, "keyid": d.key.keyid})  # type: ignore[union-attr]
        subj = d.subject_digests()  # type: ignore[union-attr]
        if pred["case"].get("digest") not in subj.values():
            v.reasons.append("decision: its subject does not carry the case digest it names")
    if pred is not None:
        unsigned = [what for k, what in SIGNED_BINDINGS if k not in pred]
        if unsigned:
            v.reasons.append("decision: it does not sign " + "; nor ".join(unsigned) + " (it was made by an older "
                             "casegate, so they cannot be checked): decide again with `casegate decide`")
        made_with = pred.get("keyring")
        fp = made_with.get("fingerprint") if isinstance(made_with, dict) else None
        ring_fp = shared.get("fingerprint") or shared.setdefault("fingerprint", keyring.fingerprint())
        if "keyring" in pred and fp != ring_fp:
            v.notes.append(f"the decision was made with keyring {str(fp)[:80]}; verifying with {ring_fp}")
    expected_sha = pred["policy"].get("sha256") if pred else None
    if ("policy", expected_sha) not in shared:
        read = Verdict(boundary=v.boundary)
        shared["policy", expected_sha] = (_policy_from_bundle(bundle, read, expected_sha), read.reasons)
    policy, policy_reasons = shared["policy", expected_sha]
    v.reasons += policy_reasons

    # model digest and boundary
    if pred is not None:
        digests = list(pred["system"].get("digests", []))
        if model_digest not in digests or model_digest not in d.subject_digests().values():  # type: ignore[union-attr]
            v.reasons.append(f"the bundle is for model digest {', '.join(digests)}, not {model_digest}")
    decided = None
    if pred is not None:
        try:
            decided = BoundaryKind(pred["boundary"])
        except ValueError:
            v.reasons.append(f"decision: unknown boundary {pred['boundary']!r}")
        # the signed attributes hold at every narrower kind too: the gate judged each with them
        reasons, notes, v.deployment = exposure_problems(pred, deployment)
        v.reasons += reasons
        v.notes += notes
    overdue: list[Any] = []
    if decided is not None and record is not None:
        if boundary.rank > decided.rank:
            v.reasons.append(f"the bundle is for boundary {decided.value}; {boundary.value} is wider "
                             "and needs its own case and decision")
            v.outcome = record.outcome
        elif boundary == decided:
            v.outcome = record.outcome
        else:
            trial: str | None = next((t.outcome for t in record.trials if t.boundary == boundary), None)
            trial = trial or next((str(x.get("outcome")) for x in (pred or {}).get("narrower", [])
                                   if x.get("boundary") == boundary.value), None)
            if trial is None:
                v.reasons.append(f"the decision did not evaluate the narrower boundary {boundary.value}")
            else:
                v.outcome = trial
                v.notes.append(f"verifying for {boundary.value}, narrower than the decided {decided.value}")
        if v.outcome is not None and v.outcome not in PASSING:
            lacks = f" ({'; '.join(record.lacks)})" if record.lacks and boundary == decided else ""
            v.reasons.append(f"the decision for {boundary.value} is {v.outcome}{lacks}")
        # conditions (a condition past due counts against the deploy unless the log shows it met:
        # judged below, with the registry)
        day = lapse.date()
        # conditions are met and counted by id: two under one id let one confirmation stand for both
        v.reasons += condition_id_problems(record.conditions)
        # a condition with no due date (none, or empty) is held to as due already: a decision
        # that leaves its date out does not give it for ever
        overdue = [cnd for cnd in record.conditions if not cnd.due or dt.date.fromisoformat(cnd.due[:10]) < day]
        if pred is not None and "reevaluate_by" in pred:
            v.reasons += _reevaluation_problems(pred, policy, day)
    # evidence expiry
    if pred is not None:
        for e in pred.get("evidence", []):
            try:
                exp = dt.date.fromisoformat(str(e.get("expires"))[:10])
            except ValueError:
                v.reasons.append(f"evidence {e.get('id')}: unreadable expiry {e.get('expires')!r}")
                continue
            if exp < lapse.date():
                v.reasons.append(f"evidence {e.get('id')} expired on {exp.isoformat()}")

    # sign-offs
    listed = {x.get("envelope"): x for x in (pred or {}).get("signoffs", [])}
    seen: set[str] = set()
    valid: list[tuple[str, str, str]] = []
    valid_signed: list[Signed] = []
    for i, env in enumerate(bundle.get("signoffs") or []):
        label = f"sign-off #{i + 1}"
        s, reasons = check_envelope(env, keyring, at, label, expect=SIGNOFF, logged=logged)
        if s is not None:
            label = f"sign-off by {s.person} as {s.role!r}"
            reasons = [r.replace(f"sign-off #{i + 1}", label, 1) for r in reasons]
            if pred is not None:
                sha = envelope_sha256(env)
                if sha in seen:
                    continue  # the same envelope twice counts once (the list is not signed)
                reasons += binding_reasons(s, pred, label)
                if sha not in listed:
                    reasons.append(f"{label}: is not one of the sign-offs the decision rests on")
                seen.add(sha)
        v.reasons += reasons
        if s is not None and not reasons:
            valid.append((s.person, s.role, s.key.keyid))
            valid_signed.append(s)
            v.signers.append({"as": "sign-off", "role": s.role, "person": s.person, "keyid": s.key.keyid})
    for sha, x in listed.items():
        if sha not in seen:
            v.reasons.append(f"the sign-off by {x.get('person')} as {x.get('role')!r} that the decision "
                             "rests on is missing from the bundle")
    # authors: only signed authors lists count (the signed record's own list is not trusted)
    author_lists: list[Signed] = []
    if pred is not None:
        author_lists, problems = check_dissent(list(bundle.get("authors") or []), keyring, at, v.case_id or "",
                                               AUTHORS, "authors list", logged)
        v.reasons += problems
        have = {envelope_sha256(a.envelope) for a in author_lists}
        for sha in pred.get("authors_lists", []):
            if sha not in have:
                v.reasons.append("an authors list the decision rests on is missing from the bundle")
        if not author_lists:
            v.reasons.append("the bundle carries no signed authors list: who wrote the case cannot be "
                             "established (fail closed)")
    may_decide: Deciders | None = None
    if pred is not None and policy is not None and decided is not None:
        # judged as of the decision: when the log recorded it, else when it says it was signed
        d_logged = logged.get(envelope_sha256(bundle["decision"])) if logged is not None else None
        when = d_logged.time if d_logged is not None else _decided_at(pred, at)
        # whoever the keyring let decide the decided boundary (or the deployed one) then, as the
        # gate counts them: their organisations are the developer's
        key_d = ("deciders", when, id(policy), decided, boundary)
        if key_d not in shared:
            shared[key_d] = possible_deciders(policy, keyring, [decided, boundary], when)
        may_decide = shared[key_d]
    if pred is not None and "independent" in pred:
        # judged as of the decision: when the log recorded it, else when it says it was signed
        d_logged = logged.get(envelope_sha256(bundle["decision"])) if logged is not None else None
        authors = [*authors_of(author_lists), *map(str, pred.get("authors") or [])]
        when = d_logged.time if d_logged is not None else _decided_at(pred, at)
        # judged as of the decision, so a second check of the same bundle at another time
        # (a past `--at` is judged as of now too) gives the same answer for the same authors
        key = ("independence", tuple(authors), when, id(policy), decided, boundary)
        if key not in shared:
            shared[key] = _independence_problems(bundle, pred, keyring, policy, authors, when, may_decide)
        v.reasons += shared[key]
    if policy is not None and record is not None and decided is not None and boundary.rank <= decided.rank:
        v.reasons += authority_problems(valid, policy.signoff, boundary, authors_of(author_lists),
                                        organisations={s.person: s.key.organisation for s in valid_signed},
                                        # whoever signs the decision decides for the developer: their
                                        # organisation is the developer's as the authors' are
                                        developer=developer_organisations(policy, keyring,
                                                                          [*authors_of(author_lists),
                                                                           *([d.person] if d is not None else [])]),
                                        deciders=may_decide)
    if policy is not None and d is not None and decided is not None:
        v.reasons += decider_problems(d.person, d.role, policy.decision, policy.signoff, decided,
                                      [p for p, _, _ in valid],
                                      [(f.waived.person, f.code) for f in record.findings if f.waived is not None]
                                      if record is not None else [],
                                      signed_roles=[(p, r) for p, r, _ in valid])

    # objections: from the signed objections and answers in the bundle alone
    if pred is not None:
        objs, problems = check_dissent(list(bundle.get("objections") or []), keyring, at, v.case_id or "",
                                       OBJECTION, "objection", logged)
        answers, aproblems = check_dissent(list(bundle.get("answers") or []), keyring, at, v.case_id or "",
                                           ANSWER, "answer", logged)
        v.reasons += problems + aproblems
        have = {envelope_sha256(o.envelope) for o in objs}
        for x in pred.get("objections", []):
            if x.get("envelope") and x.get("envelope") not in have:
                v.reasons.append(f"objection {x.get('id')} by {x.get('person')} is missing from the bundle")
        ahave = {envelope_sha256(a.envelope) for a in answers}
        if any(sha not in ahave for sha in pred.get("answers", [])):
            v.reasons.append("an answer to an objection that the decision rests on is missing from the bundle")
        if policy is not None:
            states = resolve(objs, answers, policy.signoff, decided)
            v.reasons += standing_problems(states, policy.signoff)
            v.standing += [st.who for st in states if st.status in STANDING]
            v.judged_objections = True
        if registry is not None and v.case_id:
            _registry_dissent(registry, v.case_id, keyring, at, objs, answers, policy, decided, v, logged)

    # waivers
    if pred is not None and record is not None:
        wvalid: list[dict[str, Any]] = []
        wlisted = {x.get("envelope") for x in pred.get("waivers", [])}
        for i, env in enumerate(bundle.get("waivers") or []):
            s, reasons = check_envelope(env, keyring, at, f"waiver #{i + 1}", expect=WAIVER, logged=logged)
            if s is not None and envelope_sha256(env) not in wlisted:
                reasons.append(f"waiver of {s.predicate.get('code')}: not one the decision rests on")
            if s is not None and not reasons:
                wvalid.append(s.predicate)
            v.reasons += reasons
        for f in record.findings:
            if f.waived is None:
                continue
            w = f.waived
            always = never_waivable(f.code)
            if always is not None:
                v.reasons.append(f"finding {f.code} is marked waived by {w.person}: {always}")
                continue
            ok = any(p.get("code") == w.code and p.get("person") == w.person and p.get("until") == w.until
                     for p in wvalid)
            if not ok:
                v.reasons.append(f"finding {f.code} is marked waived by {w.person}, but no valid waiver "
                                 "envelope for it is in the bundle")
            elif dt.date.fromisoformat(w.until[:10]) < lapse.date() and f.severity.value == "blocking":
                v.reasons.append(f"the waiver of {f.code} by {w.person} lapsed on {w.until}; the blocking "
                                 f"finding returns: {f.message}")

    # lifecycle
    if registry is not None and v.case_id:
        made_with = pred.get("keyring") if pred else None
        _registry(registry, v.case_id, boundary, v, pred.get("record") if pred else None,
                  keyring_fp=made_with.get("fingerprint") if isinstance(made_with, dict) else None,
                  parts=signed_parts(d, valid_signed), logged=logged, policy=policy, deployment=deployment,
                  model_digest=model_digest, at=lapse)
    if overdue:
        _overdue_conditions(registry, v.case_id, keyring, overdue, lapse, v)
    return v


CONDITION_OVERDUE = "and nothing shows it met"
"""The words of `verify`'s reason for a condition past its due date that no counted confirmation
shows met (a cause in `state show`)."""


def _overdue_conditions(reg: RegistryView | None, case_id: str | None, keyring: Keyring,
                        overdue: list[Any], at: dt.datetime, verdict: Verdict) -> None:
    """Each condition past its due date stops the deploy unless the log shows it met by `at`: a
    confirmation logged for the decision the registry approved, that counts (`check_confirmation`:
    signed in a role the decision's policy lets confirm, by someone other than the decider).
    Without the registry's entries (no --db, no state proof) nothing can show it, and it stops
    the deploy."""
    found = _confirmed(reg, case_id, keyring, overdue, at) if reg is not None and case_id else None
    for cnd in overdue:
        how = found.met.get(cnd.id) if found is not None else None
        if how is not None:
            verdict.notes.append(f"condition {cnd.id} {_due_words(cnd.due)}; {how}")
            continue
        where = ("the registry logs no confirmation of it that counts" if found is not None else
                 "verify against the registry (--db) or with a state proof, which show the conditions met")
        refused = found.refused.get(cnd.id) if found is not None else None
        if refused:
            where += f" ({'; '.join(refused)})"
        verdict.reasons.append(f"condition {cnd.id} ({cnd.text}) {_due_words(cnd.due)} {CONDITION_OVERDUE}: {where}")


def condition_id_problems(conditions: list[Any]) -> list[str]:
    """Why the conditions of a decision record cannot be told apart by id: an id that is empty or
    given to more than one condition (each is confirmed, and counted met, by its id)."""
    ids = [str(c.id) for c in conditions]
    out = [f"the decision gives condition id {i!r} to {ids.count(i)} conditions: each condition is confirmed "
           "and counted met by its own id" for i in sorted(set(ids)) if ids.count(i) > 1]
    if any(not i.strip() for i in ids):
        out.append("the decision gives a condition an empty condition id: it could be confirmed by no id")
    return out


def _due_words(due: str | None) -> str:
    """When a condition fell due, in words; one the decision gives no date is held to as due."""
    return f"was due on {due}" if due else "has no due date (held to as due)"


@dataclass
class Confirmations:
    """What the log shows of some conditions: how each met one was confirmed, and why each logged
    confirmation of the others does not count."""

    met: dict[str, str] = field(default_factory=dict)
    refused: dict[str, list[str]] = field(default_factory=dict)


def _confirmed(reg: RegistryView, case_id: str, keyring: Keyring, conditions: list[Any],
               at: dt.datetime) -> Confirmations | None:
    """Which of `conditions` (of the decision the registry approved) the log shows met by `at`,
    each with how, and why each other confirmation logged for one of them does not count (it is
    for an earlier decision, logged after `at`, unsigned, signed for another case or condition,
    by the decider, in a role that may not confirm, or with a key revoked by then); None when the
    registry's entries cannot be read."""
    from ..sign import check_confirmation, decider_of

    if not hasattr(reg, "events"):
        return None
    approval = last_approval(_state_changes(reg, case_id))
    index = (approval.payload.get("cause") or {}).get("decision") if approval is not None else None
    entry = next((e for e in reg.events(case_id=case_id, kind="decision") if e.index == index), None)
    out = Confirmations()
    if entry is None:
        return out
    decider = decider_of(entry.payload.get("bundle"), keyring, logged_at=entry.recorded_at, label=f"decision #{index}")
    texts = {c.id: c.text for c in conditions}
    for m in reg.events(case_id=case_id, kind="condition-met"):
        cid = str(m.payload.get("id"))
        if cid not in texts or cid in out.met:
            continue
        why = out.refused.setdefault(cid, [])
        if m.payload.get("decision") != index:
            why.append(f"log entry {m.index} confirms it for decision #{m.payload.get('decision')}, not #{index}, "
                       "the decision the registry approved")
            continue
        try:
            logged = parse_instant(str(m.recorded_at))
        except (InputError, ValueError):
            why.append(f"log entry {m.index} has no readable time")
            continue
        if logged > at:
            why.append(f"log entry {m.index} was logged on {logged.isoformat()}, after {at.isoformat()}")
            continue
        signed, problems = check_confirmation(
            m.payload.get("envelope"), keyring, logged_at=m.recorded_at, label=f"log entry {m.index}",
            case_id=case_id, decision=index, condition_id=cid, condition_text=texts[cid], decider=decider)
        if signed is not None and not problems:
            out.met[cid] = (f"confirmed met by {signed.person} ({signed.role}) in log entry {m.index}, "
                            f"on {logged.date().isoformat()}")
            out.refused.pop(cid, None)
        else:
            why += problems or [f"log entry {m.index}: its confirmation does not verify"]
    return out


def signed_record(bundle: Any, keyring: Keyring, *, case_id: str, at: dt.datetime) -> DecisionRecord:
    """The decision record carried inside the bundle's own decision envelope, once that exact
    envelope verifies against the keyring and is for `case_id`; for an approval, every sign-off,
    objection and waiver of the bundle must verify too. Nothing outside the signed envelope is
    read. Raises BundleVerificationError listing every reason."""
    if not isinstance(bundle, dict) or bundle.get("kind") != "decision-bundle":
        raise BundleVerificationError(["not a signed decision bundle (a bare or unsigned record cannot be applied)"],
                                      subject="the decision cannot be applied")
    d, reasons = check_envelope(bundle.get("decision"), keyring, at, "decision", expect=DECISION)
    record: DecisionRecord | None = None
    if d is not None and not reasons:
        try:
            record = DecisionRecord.model_validate(d.predicate.get("record"))
        except ValidationError:
            reasons.append("decision: the decision record in it cannot be read")
        pid = (d.predicate.get("case") or {}).get("id")
        if record is not None and (record.case_id != case_id or pid != case_id):
            reasons.append(f"decision: it is signed for case {pid or record.case_id!r}, not {case_id!r}")
    if record is not None and not reasons and record.outcome in PASSING:
        if not record.digests.model or record.boundary is None:
            reasons.append("decision: the record names no model digest or boundary")
        else:
            v = check_bundle(bundle, keyring, model_digest=record.digests.model[0],
                             boundary=BoundaryKind(record.boundary), at=at)
            reasons += v.reasons
    if reasons or record is None:
        raise BundleVerificationError(reasons or ["decision: no signed record"],
                                      subject="the decision cannot be applied")
    return record


def verify_bundle(bundle: dict[str, Any], keyring: Keyring, *, model_digest: str, boundary: BoundaryKind,
                  at: dt.datetime, registry: RegistryView | None = None,
                  deployment: Deployment | None = None) -> Verdict:
    """Verify that the bundle allows deploying `model_digest` across `boundary` at `at`, giving
    the tools, sensitive domains and access `deployment` declares (default None: no deploy
    declared, see `check_bundle`).

    Raises BundleVerificationError listing every reason when: a signature does not verify
    against the keyring, or its key is unknown, expired, not yet valid or revoked at `at`, or
    claims a person or role the keyring does not give it; the required roles are not held by
    enough distinct people, roles the policy separates are combined, only the product role
    signed, or an author signed; a sign-off is for another case version, model, policy or
    boundary; the model digest is not the bundle's; the deployment gives a tool or sensitive
    domain the signed boundary does not list or wider access than it (or declares any of them
    to a decision made before they were signed); the boundary is wider than the decided one
    (a narrower one needs a passing trial in the record); the decision is not GO or GO WITH
    CONDITIONS; evidence has expired or a condition is overdue at `at` and the registry (when
    given) logs no confirmation of it that counts; an objection is open or
    upheld; a waiver a blocking finding relied on is missing or lapsed; or the registry says the
    case was reopened, withdrawn or restricted to a narrower boundary. Returns the verdict
    (notes only) on success.
    """
    v = check_bundle(bundle, keyring, model_digest=model_digest, boundary=boundary, at=at, registry=registry,
                     deployment=deployment)
    if v.reasons:
        raise BundleVerificationError(v.reasons)
    return v
