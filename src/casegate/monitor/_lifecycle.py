"""Moving cases through the lifecycle in the registry: submission for review, decisions (and the
conditions they set), explicit acts by a role, and conditions met with evidence.

Every move goes through the transition table (`_states.py`) and is logged by the store as a
'state-change' event with its cause. Conditions are logged as 'condition' events when the decision
that sets them is applied, and 'condition-met' events when someone other than the party that
decided confirms, as a signed statement with the evidence's digests, that one is met.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..gate import CONDITION_OVERDUE
from ..model import BoundaryKind, DecisionRecord, Finding, RuleSeverity
from ..store import LogEntry, Registry
from ._evaluate import ConditionStatus
from ._states import CaseState, CauseType, IllegalTransitionError, transition
from ._versions import Approval, current_approval, require_case

if TYPE_CHECKING:
    from securesystemslib.signer import Signer  # type: ignore[attr-defined]

    from ..sign import Keyring

OUTCOME_STATE = {"GO": CaseState.approved, "GO WITH CONDITIONS": CaseState.approved_with_conditions}
"""The state a recorded decision moves a case under review (or reopened, or restricted) to."""

@dataclass(frozen=True)
class Applied:
    """What applying a decision did."""

    decision: LogEntry
    conditions: list[LogEntry]
    state_change: LogEntry | None
    version: int


def submit_for_review(reg: Registry, case_id: str, *, by: str) -> LogEntry:
    """Move a draft (or reopened, restricted, withdrawn) case to under-review."""
    require_case(reg, case_id)
    latest = reg.case_version(case_id, contents=False)
    stale = interrupted_version(reg, case_id)
    if stale is not None and latest.number <= stale:
        raise IllegalTransitionError(
            f"version {latest.number} of {case_id} was approved and then reopened, restricted or "
            "withdrawn: only a new version can be reviewed",
            help="change the case to answer the cause, then: casegate registry submit CASE.yaml",
        )
    return transition(reg, case_id, CaseState.under_review,
                      {"type": CauseType.submission.value, "by": by, "version": latest.number})


def act(reg: Registry, case_id: str, to: CaseState, *, role: str, reason: str,
        restricted_to: BoundaryKind | None = None) -> LogEntry:
    """An explicit act by someone with authority: return to draft, reopen, restrict, withdraw."""
    require_case(reg, case_id)
    boundary = _approved_boundary(reg, case_id)
    return transition(reg, case_id, to, {"type": CauseType.manual.value, "role": role, "reason": reason},
                      restricted_to=restricted_to, boundary=boundary)


def supersede(reg: Registry, case_id: str, *, by_case: str, reason: str | None = None) -> LogEntry:
    """Mark a case as replaced by another case (final)."""
    require_case(reg, case_id)
    require_case(reg, by_case)
    if by_case == case_id:
        raise IllegalTransitionError("a case cannot supersede itself",
                                     help="submit a new version of it instead")
    return transition(reg, case_id, CaseState.superseded,
                      {"type": CauseType.superseded_by.value, "by": by_case, "reason": reason})


def interrupted_version(reg: Registry, case_id: str) -> int | None:
    """The newest version whose approval was later reopened, restricted or withdrawn (None when
    no approval was ever interrupted). Only a newer version can be approved again."""
    approved: int | None = None
    stale: int | None = None
    for e in reg.events(case_id, "state-change"):
        cause = e.payload.get("cause") or {}
        to = e.payload.get("to")
        if to in (CaseState.approved.value, CaseState.approved_with_conditions.value) \
                and cause.get("type") == CauseType.decision.value and isinstance(cause.get("version"), int):
            approved = cause["version"]
        elif to in (CaseState.reopened.value, CaseState.restricted.value, CaseState.withdrawn.value) \
                and approved is not None:
            stale = max(stale or 0, approved)
    return stale


def _approved_boundary(reg: Registry, case_id: str) -> BoundaryKind | None:
    appr = current_approval(reg, case_id)
    if appr is None:
        return None
    payload = reg.entry(appr.decision).payload if appr.decision is not None else {}
    raw = payload.get("boundary")
    return BoundaryKind(raw) if raw else None


def find_version(reg: Registry, record: DecisionRecord, version: int | None) -> int:
    """The registry version the decision was made on: the one whose case files are exactly the
    files the decision record names. InputError when none is."""
    wanted = frozenset(record.digests.case_files.values())
    if not wanted:
        raise InputError(f"the decision names no case files, so no version of {record.case_id} can be "
                         "matched to it", help="give the record or bundle `casegate decide` wrote")
    candidates = ([reg.case_version(record.case_id, version, contents=False)] if version is not None
                  else list(reversed(reg.case_versions(record.case_id))))
    for rec in candidates:
        have = frozenset(f.sha256 for f in rec.files if f.role in ("case", "include"))
        if have == wanted:
            return rec.number
    if version is not None:
        raise InputError(f"the decision was not made on version {version} of {record.case_id}: "
                         "its case files differ",
                         help="run the gate on that version's files, or name the right --version")
    raise InputError(f"the decision's case files match no submitted version of {record.case_id}",
                     help="submit the case first: casegate registry submit CASE.yaml")


def apply_decision(reg: Registry, entry: LogEntry) -> Applied:
    """Move the case according to a logged 'decision' event, and log its conditions.

    GO approves, GO WITH CONDITIONS approves with conditions (each logged as a 'condition' event
    with its due date), NO-GO returns a case under review to its authors and leaves any other
    state as it is (a NO-GO of a later version on the case's substance stops an older approval
    verifying: `casegate.verify._newer`). A case that was reopened, restricted or withdrawn is approved again only by a
    decision on a newer version than the one it was approved at (a new gate run, new sign-offs).
    Raises IllegalTransitionError (and logs nothing more) when the move is not allowed.
    """
    if entry.kind != "decision" or entry.case_id is None:
        raise InputError(f"log entry {entry.index} is not a decision")
    case_id = entry.case_id
    state = require_case(reg, case_id)
    record = DecisionRecord.model_validate(entry.payload["record"])
    version = entry.payload.get("version")
    if not isinstance(version, int):
        version = find_version(reg, record, None)
    used = {e.payload.get("cause", {}).get("decision") for e in reg.events(case_id, "state-change")}
    if entry.index in used:
        raise IllegalTransitionError(f"decision {entry.index} has already been applied",
                                     help="a new approval needs a new gate run and new sign-offs")
    check_approval(reg, case_id, state, record.outcome, version)
    check_history(reg, record, version)
    check_linked(reg, case_id, record.outcome, version)
    cause = {"type": CauseType.decision.value, "decision": entry.index, "version": version,
             "outcome": record.outcome, "case_digest": record.digests.case,
             "version_digest": reg.case_version(case_id, version, contents=False).digest,
             "record_sha256": entry.payload.get("record_sha256")}
    if record.outcome == "NO-GO":
        change = None
        if state is CaseState.under_review:
            change = transition(reg, case_id, CaseState.draft, cause)
        return Applied(entry, [], change, version)
    to = OUTCOME_STATE[record.outcome]
    from ._states import check_transition

    check_transition(state, to, CauseType.decision)  # refuse before logging conditions
    with reg.atomic("applying a decision"):  # the conditions, the approval and what follows it, or none
        conds = reg.record_many([
            ("condition", case_id, {"decision": entry.index, "version": version, "id": c.id,
                                    "text": c.text, "cause": c.cause, "due": c.due,
                                    "path": [str(p) for p in c.path]})
            for c in record.conditions
        ]) if record.outcome == "GO WITH CONDITIONS" and record.conditions else []
        change = transition(reg, case_id, to, cause)
    return Applied(entry, conds, change, version)


def check_approval(reg: Registry, case_id: str, state: CaseState, outcome: str, version: int) -> None:
    """Raise IllegalTransitionError unless a decision with `outcome` on `version` may move the
    case from `state`: the lifecycle table allows it, and an approval is on a version newer than
    any approval that was interrupted and than the approval the case stands on."""
    if outcome not in OUTCOME_STATE:
        return
    from ._states import check_transition

    check_transition(state, OUTCOME_STATE[outcome], CauseType.decision)
    stale = interrupted_version(reg, case_id)
    if stale is not None and version <= stale:
        raise IllegalTransitionError(
            f"a decision on version {version} of {case_id} cannot approve it: version {stale} was "
            "approved before and then reopened, restricted or withdrawn",
            help="submit a new version that answers the cause, run the gate, collect new sign-offs",
        )
    current = current_approval(reg, case_id)
    if state in (CaseState.approved, CaseState.approved_with_conditions) and current is not None \
            and version <= current.version:
        raise IllegalTransitionError(
            f"case {case_id} is already {state.value} at version {current.version}: a decision on "
            f"version {version} cannot replace that approval",
            help="a deployed case is approved again only by a decision on a newer version",
        )
    check_breaches_applied(reg, case_id)


def check_breaches_applied(reg: Registry, case_id: str) -> None:
    """Raise IllegalTransitionError while a breaching reading or a silence (`monitor-silent`) of
    the deployed case's monitors, as of the log's clock, has been applied by no trigger run (`breaches_unapplied`): the approval is
    refused rather than the triggers run for it, so that the breach is logged, moves the case as
    its plan says, and the new version's gate run weighs it (CG718) before anything is approved.
    A decision on a newer version would otherwise approve the case over a breach older than its
    monitor's reach, which then never fires."""
    from ..store import log_time
    from ._run import breaches_unapplied

    owed = breaches_unapplied(reg, case_id, log_time())
    if owed:
        raise IllegalTransitionError(
            f"case {case_id} cannot be approved: a breaching reading or silence of a monitor of its deployed "
            f"version was applied by no trigger run, and a new approval would leave it behind: {'; '.join(owed)}",
            help=f"run `casegate triggers run --case {case_id}`, then decide against the registry again "
                 "(the new version must answer the breach or silence)",
        )


def check_weights_hashed(reg: Registry, record: DecisionRecord, version: int) -> None:
    """Raise IllegalTransitionError when a decision would approve `version` for a boundary past
    internal use (or one it does not name) and the registry has not hashed the weights of that
    version itself (`registry submit --model` logs a `model-files` entry listing every file of a
    model whose digest the decision is bound to, the weights among them, for every such digest:
    `casegate.store.model_files_listed`). Those hashes, not the case id, name, version or
    digests the lab declares, tie the version to every other case about the same weights, whose
    history the decision must then have been compared with (`check_history`)."""
    if record.outcome not in OUTCOME_STATE or (record.boundary is not None and record.boundary.internal):
        return
    from ..store import MODEL_FILES_EVENT, model_files_listed

    digests = set(record.digests.model)
    listed = [e for e in reg.events(record.case_id, MODEL_FILES_EVENT)
              if e.payload.get("version") == version and model_files_listed(e.payload) is not None]
    hashed = {e.payload.get("digest") for e in listed}
    unhashed = sorted(digests - hashed) if digests else ["any model digest"]
    if not unhashed:
        _one_model(record, version, [e for e in listed if e.payload.get("digest") in digests])
        return
    where = record.boundary.value if record.boundary is not None else "a boundary it does not name"
    raise IllegalTransitionError(
        f"the registry does not approve version {version} of {record.case_id} for {where}: it never hashed "
        f"the weights of that version (no file list logged for {', '.join(unhashed)}); past internal use a "
        "decision is approved only on weights the registry hashed itself, every model the decision is for, which "
        "tie the case to every other case about the same weights whatever its id, name, version or digests",
        help="casegate registry submit CASE --model PATH (the model folder whose digest the case lists), then "
             "decide against the registry (casegate decide CASE --db URL ...) and apply that decision")


def _one_model(record: DecisionRecord, version: int, listed: list[Any]) -> None:
    """Raise IllegalTransitionError when the digests a decision past internal use is bound to are
    not all one model, by what the registry hashed: the same content (`content` of each digest's
    `model-files` entry, `casegate.evidence.model_content`: every tensor, small ones included,
    whatever file holds it, and the bytes of every other file but documentation). A further digest
    is the same model stored another way; a second model beside the evaluated one (a fine-tune
    nobody evaluated, an adapter beside the weights, a changed layer norm) would otherwise deploy
    under the one decision wherever the policy takes the developer's own evaluations, which sign
    no digest. A digest logged without its content (by an older registry) cannot be shown to be
    the same model, and is refused."""
    by_digest: dict[str, set[str]] = {}
    for e in listed:
        got = e.payload.get("content")
        by_digest.setdefault(str(e.payload.get("digest")), set()).update([got] if isinstance(got, str) else [])
    if len(by_digest) <= 1:
        return
    unknown = sorted(d for d, c in by_digest.items() if not c)
    contents = {c for cs in by_digest.values() for c in cs}
    if not unknown and len(contents) == 1:
        return
    why = (f"the registry logged no content for {', '.join(unknown)} (its files were logged by an older casegate)"
           if unknown else "their content differs")
    raise IllegalTransitionError(
        f"the registry does not approve version {version} of {record.case_id}: the models it lists "
        f"({', '.join(sorted(by_digest))}) are not the same model by what the registry hashed: {why}. A model's "
        "content is every tensor (small ones included, whatever file holds it) and the bytes of every other file "
        "but documentation; one decision approves one model, and a further digest may only name the same model "
        "stored another way",
        help="list one model per case (argue a second model, such as a fine-tune or an adapter, in a case of its "
             "own), or submit each digest's folder with `casegate registry submit CASE --model PATH` so the "
             "registry logs its content")


def check_history(reg: Registry, record: DecisionRecord, version: int) -> None:
    """Raise IllegalTransitionError when an approving decision on `version` was not compared with
    everything the registry remembers for it: each version the gate compares with (the previous
    and last approved ones, those submitted since, or those of another case about the same
    model), named by its digest, and each incident that defeated its claims. A gate run without
    the registry, or against another one, cannot approve the case."""
    if record.outcome not in OUTCOME_STATE:
        return
    from ._compare import required_deployed, required_history

    versions, incidents = required_history(reg, record.case_id, version)
    have = {(c.case, c.number, c.digest) for c in record.compared}
    missing = [label for case, number, digest, label in versions if (case, number, digest) not in have]
    # each other case about the same model that stands approved, weighed as deployed beside this one
    # (CG107 sums them): a decision made while it was a draft, or under review, did not weigh it
    deployed = {(c.case, c.number, c.digest) for c in record.compared if c.role == "deployed"}
    missing += [label for case, number, digest, label in required_deployed(reg, record.case_id, version)
                if (case, number, digest) not in deployed]
    seen = set(record.incidents_compared)
    missing += [i for i in incidents if i not in seen]
    if missing:
        raise IllegalTransitionError(
            f"the decision on version {version} of {record.case_id} was not compared with what this "
            "registry remembers: " + "; ".join(missing),
            help="run the gate against this registry (`casegate decide CASE --db URL ...`, or the board) "
                 "and record that decision")


def check_linked(reg: Registry, case_id: str, outcome: str, version: int) -> None:
    """Raise IllegalTransitionError when an approval (`outcome` GO or GO WITH CONDITIONS) of
    stored version `version` of `case_id` would deploy weights whose other case's own reopening or
    withdrawal stands (`casegate.monitor.linked_standing`): the same weights under another case
    id. A standing restriction only caps the approval (`follow_shared_weights` restricts it)."""
    if outcome not in OUTCOME_STATE:
        return
    from ._compare import linked_standing

    held = [s for s in linked_standing(reg, case_id, version) if s.state != CaseState.restricted.value]
    if held:
        raise IllegalTransitionError(
            f"a decision on version {version} of {case_id} cannot approve it: {held[0].words()}, and is about "
            "the same model (a digest, its name and version, or weights the registry hashed for both): the "
            "weights deploy under no case id while that stands",
            help=f"answer its cause in a new version of {held[0].case_id} and approve that; or, when this case "
                 f"replaces it, mark it superseded: casegate state set {held[0].case_id} superseded "
                 f"--superseded-by {case_id}, and approve this case on sign-offs and a decision made since",
        )


def decide(reg: Registry, record: DecisionRecord, *, version: int | None = None,
           bundle: dict[str, Any] | None = None,
           judge: Callable[[int], dict[str, Any] | None] | None = None) -> Applied:
    """Log a gate decision for the registry version it was made on, then apply it. `judge`, given
    the version's number, raises when the registry's own judgement of that version does not
    support the decision (the CLI runs the gate again on the stored version), and returns what to
    log of that judgement with the decision (the keyring it judged with, for `verify`)."""
    from ..store import record_decision

    state = require_case(reg, record.case_id)
    n = find_version(reg, record, version)
    # refuse an illegal move before anything is logged
    check_approval(reg, record.case_id, state, record.outcome, n)
    check_weights_hashed(reg, record, n)
    check_history(reg, record, n)
    check_linked(reg, record.case_id, record.outcome, n)
    judgement = judge(n) if judge is not None and record.outcome in OUTCOME_STATE else None
    entry = record_decision(reg, record, version=n, bundle=bundle, judgement=judgement)
    return apply_decision(reg, entry)


def read_decision(text: str, where: str) -> tuple[DecisionRecord, dict[str, Any] | None]:
    """A decision record from JSON: the record itself (`casegate gate --record`), or a signed
    bundle holding it (a DSSE envelope whose statement's predicate carries the record).
    Returns the record and the bundle (None for a bare record)."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(f"not valid JSON: {e.msg}", location=f"{where}:{e.lineno}:{e.colno}") from None
    bundle = None
    found = _find_record(doc)
    if found is None and isinstance(doc, dict):
        from ..sign import decode_payload

        for env in _envelopes(doc):
            payload = decode_payload(env)
            if payload is not None:
                found = _find_record(payload)
                if found is not None:
                    bundle = doc
                    break
    if found is None:
        raise InputError("no decision record found", location=where,
                         help="give the record written by `casegate gate --record FILE`, or a decision bundle")
    try:
        return DecisionRecord.model_validate(found), bundle
    except ValueError as e:
        raise InputError(f"not a valid decision record: {e}", location=where) from None


def _find_record(doc: Any, depth: int = 0) -> dict[str, Any] | None:
    if not isinstance(doc, dict) or depth > 4:
        return None
    if "outcome" in doc and "case_id" in doc and "record_version" in doc:
        return doc
    for v in doc.values():
        got = _find_record(v, depth + 1)
        if got is not None:
            return got
    return None


def _envelopes(doc: Any, depth: int = 0) -> list[dict[str, Any]]:
    if depth > 3:
        return []
    if isinstance(doc, dict):
        if "payload" in doc and "payloadType" in doc:
            return [doc]
        return [e for v in doc.values() for e in _envelopes(v, depth + 1)]
    if isinstance(doc, list):
        return [e for v in doc for e in _envelopes(v, depth + 1)]
    return []


# --------------------------------------------------------------------------- conditions


def condition_statuses(reg: Registry, case_id: str, decision: int | None = None, *,
                       keyring: Keyring | None = None) -> list[ConditionStatus]:
    """Conditions set by `decision` (every decision when None), with whether each was met.

    A condition is met only by a logged confirmation that counts (`casegate.sign.check_confirmation`):
    signed by a key of `keyring` in a role the decision's policy lets confirm conditions, not by
    whoever signed the decision. Without a keyring nothing can be checked, so no condition is met.
    When it was met is when the log recorded that confirmation; every entry that does not count is
    listed in `not_counted` with the reason. Confirmations are judged against the keyring with
    every revocation the log records applied (as `verify` judges them): a key revoked only in the
    log confirms nothing it signed after the revocation."""
    from ..sign import check_confirmation, decider_of, evidence_label, with_logged_revocations

    judging = with_logged_revocations(keyring, reg.events(kind="keyring-change"))[0] if keyring is not None else None

    met: dict[tuple[int, str], list[LogEntry]] = {}
    for e in reg.events(case_id, "condition-met"):
        try:
            met.setdefault((int(e.payload["decision"]), str(e.payload["id"])), []).append(e)
        except (KeyError, TypeError, ValueError):
            continue  # names no condition: it confirms nothing
    deciders: dict[int, Any] = {}
    out = []
    for e in reg.events(case_id, "condition"):
        d = int(e.payload["decision"])
        if decision is not None and d != decision:
            continue
        cid, text = str(e.payload["id"]), str(e.payload.get("text", ""))
        due_raw = e.payload.get("due")
        due = dt.date.fromisoformat(due_raw[:10]) if due_raw else None
        counted: LogEntry | None = None
        signer = None
        refused: list[str] = []
        for m in met.get((d, cid), []):
            if d not in deciders:
                de = reg.entry(d)
                deciders[d] = decider_of(de.payload.get("bundle"), keyring, logged_at=de.recorded_at,
                                         label=f"decision #{d}")
            signed, problems = check_confirmation(
                m.payload.get("envelope"), judging, logged_at=m.recorded_at, label=f"log entry {m.index}",
                case_id=case_id, decision=d, condition_id=cid, condition_text=text, decider=deciders[d])
            if signed is not None and not problems and counted is None:
                counted, signer = m, signed
            elif problems:
                refused += problems
        evidence: tuple[str, ...] = ()
        if signer is not None:
            evidence = tuple(evidence_label(x) for x in signer.predicate.get("evidence") or [])
        met_on = counted.recorded_at[:10] if counted is not None else None
        out.append(ConditionStatus(
            decision=d, id=cid, text=text, due=due, met=counted is not None, met_on=met_on,
            evidence=evidence, path=tuple(str(x) for x in e.payload.get("path") or ()),
            met_by=f"{signer.person} ({signer.role})" if signer is not None else None,
            late=bool(met_on is not None and due is not None and met_on > due.isoformat()),
            not_counted=tuple(refused), cause=str(e.payload.get("cause") or ""),
        ))
    return out


def current_conditions(reg: Registry, case_id: str, *,
                       keyring: Keyring | None = None) -> tuple[Approval | None, list[ConditionStatus]]:
    """The conditions of the decision the case currently stands on (see `condition_statuses`)."""
    appr = current_approval(reg, case_id)
    if appr is None or appr.decision is None:
        return appr, []
    return appr, condition_statuses(reg, case_id, appr.decision, keyring=keyring)


def stored_evidence(reg: Registry, case_id: str, evidence_id: str) -> dict[str, Any] | None:
    """An evidence item of the case's newest stored version that has it, as a confirmation names
    it: {"evidence": id, "version": n, "artifact": path, "sha256": digest of its stored artifact}
    (sha256 None when the item has no artifact). None when no stored version has it."""
    for v in reversed(reg.events(case_id, "case-version")):
        items = v.payload.get("evidence") or {}
        if isinstance(items, dict) and evidence_id in items:
            item = items[evidence_id] or {}
            return {"evidence": evidence_id, "version": v.payload.get("version"),
                    "artifact": item.get("artifact"), "sha256": item.get("sha256")}
    return None


def resolve_evidence(reg: Registry, case_id: str, refs: list[str]) -> list[dict[str, Any]]:
    """What each `--evidence` names, with its digest: the id of an evidence item of a stored
    version of the case (the digest of its artifact), else a file (hashed, named by its file
    name). InputError for anything else: free text is not evidence."""
    if not refs:
        raise InputError("a condition is met only with evidence",
                         help="pass --evidence FILE or --evidence EVIDENCE_ID (repeatable)")
    out: list[dict[str, Any]] = []
    for ref in refs:
        item = stored_evidence(reg, case_id, ref)
        if item is not None:
            if not item["sha256"]:
                raise InputError(f"evidence {ref} (version {item['version']} of {case_id}) has no artifact, "
                                 "so there is no digest to confirm a condition with",
                                 help="give the file that shows the condition met, or an evidence item with an artifact")
            out.append(item)
            continue
        path = Path(ref)
        if path.is_file():
            try:
                with path.open("rb") as f:
                    digest = hashlib.file_digest(f, "sha256").hexdigest()
            except OSError as e:
                raise InputError(f"cannot read the evidence file: {e.strerror}", location=ref) from None
            out.append({"file": path.name, "sha256": digest})
            continue
        raise InputError(f"--evidence {ref!r} is neither a file nor an evidence item of a stored version of {case_id}",
                         help="name a file that shows the condition met (it is hashed), or the id of an evidence "
                              "item of the submitted case; free text is not evidence (say it with --note)")
    return out


def condition_met(reg: Registry, case_id: str, condition: str, *, evidence: list[str], by: str,
                  signer: Signer, keyring: Keyring, note: str | None = None,
                  on: dt.date | None = None) -> tuple[LogEntry, LogEntry | None]:
    """Confirm, as a signed statement, that a condition of the current decision is met, with the
    evidence that shows it (see `resolve_evidence`). `by` is the role confirming it: one the
    signer's key holds, that the decision's policy lets confirm conditions, and never held by
    whoever signed the decision, whose key may not confirm either. When it was met is the log's
    clock; `on` is only a stated date, never later than that clock, and lateness is decided by
    the log. The confirmation is checked against the keyring with the log's revocations applied.
    When every condition is then met, a case approved with conditions becomes approved.
    Returns the 'condition-met' entry and the state change (None when the state stays)."""
    from ..sign import (
        check_confirmation,
        decider_of,
        sign_confirmation,
        signer_entry,
        who_may_confirm,
        with_logged_revocations,
    )
    from ..store import log_time

    state = require_case(reg, case_id)
    appr, conds = current_conditions(reg, case_id, keyring=keyring)
    if appr is None or appr.decision is None or not conds:
        raise InputError(f"case {case_id} has no conditions to meet",
                         help="conditions come from a GO WITH CONDITIONS decision applied to the registry")
    by_id = {c.id: c for c in conds}
    if condition not in by_id:
        raise InputError(f"the current decision of {case_id} has no condition {condition!r}",
                         help="its conditions: " + ", ".join(sorted(by_id)))
    c = by_id[condition]
    if c.met:
        raise InputError(f"condition {condition} is already met (on {c.met_on}, by {c.met_by})")
    d = reg.entry(appr.decision)
    decider = decider_of(d.payload.get("bundle"), keyring, logged_at=d.recorded_at, label=f"decision #{appr.decision}")
    allowed, nobody = who_may_confirm(decider)
    if nobody:
        raise InputError(f"nobody can confirm the conditions of decision #{appr.decision}: " + "; ".join(nobody),
                         help="a condition is confirmed under the policy the decision was signed under, "
                              "by someone other than who signed it")
    if by not in allowed:
        raise InputError(f"the role {by!r} may not confirm conditions of decision #{appr.decision} "
                         f"(decided by {decider.who}); roles that may: {', '.join(allowed)}",
                         help="a condition is confirmed by someone other than the party that decided "
                              "(policy `signoff.conditions_confirmed_by`)")
    now = log_time()
    key = signer_entry(signer, keyring, by, now)
    if key.identity == decider.identity:
        raise InputError(f"{key.person} signed decision #{appr.decision}, so may not confirm its conditions",
                         help=f"ask someone else holding one of: {', '.join(allowed)}")
    if on is not None and on > now.date():
        raise InputError(f"--on {on.isoformat()} is after the log's clock ({now.date().isoformat()})",
                         help="a condition is met when the log records its confirmation; --on may only state "
                              "an earlier date")
    items = resolve_evidence(reg, case_id, evidence)
    env = sign_confirmation(case_id=case_id, version=appr.version, decision=appr.decision,
                            condition={"id": c.id, "text": c.text, "due": c.due.isoformat() if c.due else None},
                            evidence=items, role=by, signer=signer, keyring=keyring, at=now.replace(microsecond=0),
                            stated_on=on, note=note)
    # judged as every later reading of the log judges it: with the log's revocations applied
    judging = with_logged_revocations(keyring, reg.events(kind="keyring-change"))[0]
    signed, problems = check_confirmation(env, judging, logged_at=now.isoformat(), label="the confirmation",
                                          case_id=case_id, decision=appr.decision, condition_id=c.id,
                                          condition_text=c.text, decider=decider)
    if signed is None or problems:
        raise InputError("the confirmation would not count: " + "; ".join(problems),
                         help="confirm with a current key in the keyring, in a role it holds")
    entry = reg.record("condition-met", case_id, {
        "decision": appr.decision, "id": condition, "evidence": items, "by": by, "person": signed.person,
        "note": note, "stated_on": on.isoformat() if on is not None else None,
        "met_on": now.date().isoformat(), "late": bool(c.due is not None and now.date() > c.due),
        "envelope": env,
    })
    change = None
    # every other condition met: told apart by id and text, so a condition logged under the same id
    # as this one is not met by this confirmation
    if state is CaseState.approved_with_conditions and all(x.met or x is c for x in conds) \
            and [x.id for x in conds].count(condition) == 1:
        change = transition(reg, case_id, CaseState.approved, {
            "type": CauseType.conditions_met.value, "conditions": sorted(by_id),
            "decision": appr.decision, "version": appr.version})
    return entry, change


def overdue_findings(conds: list[ConditionStatus], today: dt.date) -> list[Finding]:
    """A CG750 condition-overdue finding for each unmet condition past its due date."""
    out = []
    for c in conds:
        if c.overdue(today):
            assert c.due is not None
            out.append(Finding(
                code=CONDITION_OVERDUE, name="condition-overdue", severity=RuleSeverity.blocking,
                message=f"condition {c.id} of decision {c.decision} was due on {c.due.isoformat()} "
                        f"and is not met: {c.text}",
                path=("conditions", c.id),
                help=f"meet it and record it: casegate condition met CASE {c.id} --evidence ...; "
                     "an unmet condition takes away the ground of a conditional approval",
            ))
    return out
