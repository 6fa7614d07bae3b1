"""The payloads of the registry's common events, in one place so every writer and reader agrees.

    decision     {"version": n, "record": <decision record JSON>, "record_sha256": hex,
                  "outcome": "GO"|..., "boundary": kind, "bundle": <signed bundle JSON> | null}
    signoff      {"version": n, "role", "person", "envelope": <DSSE JSON> | null, "via": "cli"|"web"}
    objection    {"version": n, "role", "person", "reason", "envelope": <DSSE JSON> | null,
                  "status": "open"|"answered"|..., "via": "cli"|"web"}
    publication  {"version": n, "summary": <public summary JSON>, "summary_sha256": hex}

`version` is the registry's version number of the case the event is about (null when unknown).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from ..model import DecisionRecord
from ._records import LogEntry
from ._registry import Registry


def json_sha256(obj: Any) -> str:
    """sha256 of the RFC 8785 JSON of `obj`: how decision records and summaries are identified in
    the log (verify recomputes it for the record inside a signed bundle)."""
    import rfc8785

    return hashlib.sha256(rfc8785.dumps(obj)).hexdigest()


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


def record_publication(reg: Registry, case_id: str, summary: dict[str, Any], *,
                       version: int | None = None) -> LogEntry:
    return reg.record("publication", case_id, {"version": version, "summary": summary,
                                               "summary_sha256": json_sha256(summary)})


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
