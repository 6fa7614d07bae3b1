"""The payloads of the registry's common events, in one place so every writer and reader agrees.

    decision     {"version": n, "record": <decision record JSON>, "record_sha256": hex,
                  "outcome": "GO"|..., "boundary": kind, "bundle": <signed bundle JSON> | null}
    signoff      {"version": n, "role", "person", "envelope": <DSSE JSON> | null, "via": "cli"|"web"}
    objection    {"version": n, "role", "person", "reason", "envelope": <DSSE JSON> | null,
                  "status": "open"|"answered"|..., "via": "cli"|"web"}
    publication  {"version": n, "summary": <public summary JSON>, "summary_sha256": hex,
                  "judged": {"keyring": fingerprint, "trust_root": n | null, "at": iso} | absent}
    judgement    {"version": n, "outcome": "GO"|..., "record_sha256": hex, "keyring": fingerprint,
                  "trust_root": n | null, "at": iso, "via": "publish"}

`version` is the registry's version number of the case the event is about (null when unknown).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from .._canonjson import canonical_json
from ..errors import VerificationError
from ..model import DecisionRecord
from ._canonical import CanonicalJSON
from ._records import LogEntry
from ._registry import Registry


def json_sha256(obj: Any) -> str:
    """sha256 of the RFC 8785 JSON of `obj`: how decision records and summaries are identified in
    the log (verify recomputes it for the record inside a signed bundle)."""
    return hashlib.sha256(canonical_json(obj)).hexdigest()


def record_decision(reg: Registry, record: DecisionRecord, *, version: int | None = None,
                    bundle: dict[str, Any] | None = None, actor: dict[str, Any] | None = None,
                    judgement: dict[str, Any] | None = None) -> LogEntry:
    """Log a gate decision (and its signed bundle, when there is one; who asked for the run,
    when it was run for someone, e.g. on the board; and how the registry judged it again before
    approving on it: the keyring it judged with, when, and its outcome)."""
    rec = json.loads(record.model_dump_json())
    payload = {
        "version": version, "record": rec, "record_sha256": json_sha256(rec), "outcome": record.outcome,
        "boundary": record.boundary.value if record.boundary else None, "bundle": bundle,
    }
    if actor is not None:
        payload["actor"] = actor
    if judgement is not None:
        payload["judgement"] = judgement
    return reg.record("decision", record.case_id, payload)


def record_signoff(reg: Registry, case_id: str, *, role: str, person: str, version: int | None = None,
                   envelope: dict[str, Any] | None = None, via: str = "cli") -> LogEntry:
    return reg.record("signoff", case_id, {"version": version, "role": role, "person": person,
                                           "envelope": envelope, "via": via})


def record_objection(reg: Registry, case_id: str, *, role: str, person: str, reason: str,
                     version: int | None = None, envelope: dict[str, Any] | None = None,
                     status: str = "open", via: str = "cli") -> LogEntry:
    return reg.record("objection", case_id, {"version": version, "role": role, "person": person,
                                             "reason": reason, "envelope": envelope, "status": status,
                                             "via": via})


def record_judgement(reg: Registry, case_id: str, *, version: int, outcome: str, record_sha256: str,
                     judged: dict[str, Any]) -> LogEntry:
    """Log the registry's own judgement of stored `version` where no approval logged one: the gate
    run as the registry runs it (`casegate publish`: the keyring the trust root pins, the
    registry's history, its clock), its outcome and the decision record's hash (`judged`: the
    keyring, the trust root version and when). A summary recorded for the version is held to it."""
    return reg.record("judgement", case_id, {"version": version, "outcome": outcome, "record_sha256": record_sha256,
                                             **judged, "via": "publish"})


def judgements(reg: Registry, case_id: str, version: int | None) -> list[tuple[dict[str, Any], int]]:
    """The registry's own judgements of stored `version`, oldest first, each with its log index:
    the one logged with a decision it approved on (`casegate.approve.registry_judge`) and the one
    `casegate publish` logs where none was (`record_judgement`)."""
    if version is None:
        return []
    found: list[tuple[dict[str, Any], int]] = []
    for e in reg.events(case_id=case_id, kind="decision"):
        judgement = e.payload.get("judgement")
        if e.payload.get("version") == version and isinstance(judgement, dict):
            found.append((judgement, e.index))
    found += [(e.payload, e.index) for e in reg.events(case_id=case_id, kind="judgement")
              if e.payload.get("version") == version]
    return sorted((j for j in found if j[0].get("outcome")), key=lambda j: j[1])


def judged_outcome(reg: Registry, case_id: str, version: int | None) -> tuple[str, int] | None:
    """The outcome of the registry's own latest judgement of stored `version` (`judgements`) and
    the log index it was logged at; None when it logged none."""
    found = judgements(reg, case_id, version)
    return (str(found[-1][0]["outcome"]), found[-1][1]) if found else None


def summary_outcome(summary: Any) -> str | None:
    """The outcome a public summary states (None when it states none)."""
    decision = summary.get("decision") if isinstance(summary, dict) else None
    outcome = decision.get("outcome") if isinstance(decision, dict) else None
    return outcome if isinstance(outcome, str) else None


def record_publication(reg: Registry, case_id: str, summary: dict[str, Any], *,
                       version: int | None = None, judged: dict[str, Any] | None = None) -> LogEntry:
    """Log the public summary of stored `version` (`judged`: the keyring and trust root version
    it was judged under, and when). Refused (VerificationError, nothing logged) when the registry
    has logged no judgement of that version (`judgements`: none approved on it, and no `casegate
    publish` judged it), or when the summary's outcome is not the one its latest judgement found:
    the public record of a version says what the registry decided on it, and a summary nobody
    judged says only what its writer chose."""
    own = judged_outcome(reg, case_id, version)
    said = summary_outcome(summary)
    if own is None:
        which = f"version {version} of {case_id}" if version is not None else f"an unnamed version of {case_id}"
        raise VerificationError(
            f"the registry has logged no judgement of {which}: it records a summary only of a version it has "
            f"judged, so the summary (which says {said or 'no outcome'}) was not recorded",
            help="record it with `casegate publish CASE` against this registry, which judges the stored version "
                 "first; or approve the version (`casegate state apply`), which logs the registry's judgement")
    if said != own[0]:
        raise VerificationError(
            f"the summary says {said or 'no outcome'} for version {version} of {case_id}, but the registry's own "
            f"judgement of that version (log entry {own[1]}) is {own[0]}: the registry records only a summary that "
            "says what it decided",
            help="publish again with the keyring the trust root pins, against this registry (--db), today")
    # the summary written as canonical JSON once, for its sha256 and for the entry (megabytes
    # for a large case)
    body = CanonicalJSON(summary)
    payload: dict[str, Any] = {"version": version, "summary": body,
                               "summary_sha256": hashlib.sha256(body.json).hexdigest()}
    if judged is not None:
        payload["judged"] = judged
    return reg.record("publication", case_id, payload)


def latest(reg: Registry, case_id: str, kind: str) -> LogEntry | None:
    """The most recent event of `kind` for the case."""
    found = reg.events(case_id=case_id, kind=kind)
    return found[-1] if found else None


def open_objections(reg: Registry, case_id: str, *, escalate_to: str | None = None) -> list[LogEntry]:
    """Objections recorded for the case that no later 'objection-answer' event closed. A signed
    objection is closed only by a signed acceptance of an answer (an answer alone, or an
    upholding, leaves it standing) that the governing policy allows: by the objector, or by
    `escalate_to` when that policy lets its escalation role accept answers (pass its role only
    then; an acceptance by anyone else is not trusted, whoever logged it). An unsigned objection
    (recorded before the board took only signed statements) is closed by any answer."""
    objections = reg.events(case_id=case_id, kind="objection")
    by_index = {e.index: e.payload for e in objections}
    answers = reg.events(case_id=case_id, kind="objection-answer")

    def allowed(a: dict[str, Any]) -> bool:
        index = a.get("objection")
        target = by_index.get(index) if isinstance(index, int) else None
        if target is None:
            return False
        if a.get("person") == target.get("person"):
            return True
        return escalate_to is not None and a.get("role") == escalate_to

    accepted = {e.payload.get("objection") for e in answers
                if e.payload.get("envelope") is not None and e.payload.get("kind") == "accept" and allowed(e.payload)}
    answered = accepted | {e.payload.get("objection") for e in answers if e.payload.get("envelope") is None}
    return [e for e in objections
            if e.payload.get("status", "open") == "open"
            and e.index not in (accepted if e.payload.get("envelope") is not None else answered)]
