"""The payloads of the registry's common events, in one place so every writer and reader agrees.

    decision     {"version": n, "record": <decision record JSON>, "record_sha256": hex,
                  "outcome": "GO"|..., "boundary": kind, "bundle": <signed bundle JSON> | null}
    signoff      {"version": n, "role", "person", "envelope": <DSSE JSON> | null, "via": "cli"|"web"}
    objection    {"version": n, "role", "person", "reason", "envelope": <DSSE JSON> | null,
                  "status": "open"|"answered"|..., "via": "cli"|"web"}
    publication  {"version": n, "summary": <public summary JSON>, "summary_sha256": hex,
                  "judged": {"keyring": fingerprint, "trust_root": n | null, "at": iso} | absent,
                  "judgement": log index of the judgement it was held to (absent: recorded before
                               publications named theirs)}
    judgement    {"version": n, "outcome": "GO"|..., "record_sha256": hex, "keyring": fingerprint,
                  "trust_root": n | null, "at": iso, "found": <found>, "via": "publish"}

A judgement (this event, or the one logged with a decision the registry approved on) carries
what it found, which a public summary of the version must show (`found_problems`):

    found        {"conditions": [{"id": "C1", "cause": code, "element": pointer | null, "due": iso | null,
                                  "sha256": words_sha256(text, finding, fix)}],
                  "blocking": [{"code": code, "element": pointer | null, "sealed": level | null}],
                  "findings": [[code, severity, waived, words_sha256(message), element, name]],
                                                                        (the record's order)
                  "locations": ["file:line" | null],  (each finding's, as a summary shows it)
                  "decided_at": iso,
                  "narrower": kind | null, "boundary": kind | null, "lacks": [text],
                  "withheld": {level: {"conditions": [id], "findings": [[code, severity, waived]],
                                       "finding_at": [index], "questions": [key],
                                       "composed": {key: composed_sha256(answer, sources)}}},
                  "shown": {level: shown_sections(summary for that level)},
                  "registry_facts": true (made with the registry's logged objections and state) | absent, ...}

A blocking finding's `sealed` is the most confidential level among the elements that hold its
element (itself included), as the stored version marks them (null: all public): a summary for an
audience below it withholds the element, above it shows it. A judgement logged before `sealed` was
recorded lacks the key.

`version` is the registry's version number of the case the event is about (null when unknown).
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from .._canonical_json import canonical_json, encode_sorted, exact_copy
from ..errors import VerificationError
from ..model import Confidentiality, DecisionRecord
from ._canonical import CanonicalJSON
from ._records import LogEntry
from ._registry import Registry


def composed_sha256(answer: Any, sources: Any) -> str:
    """How a judgement identifies an answer composed from the public view (`casegate.publish.
    withheld_marks`), and a summary's answer is matched to it: the sha256 of its words and sources
    as JSON."""
    return hashlib.sha256(json.dumps([answer, sources], separators=(",", ":"), ensure_ascii=False)
                          .encode()).hexdigest()


def words_sha256(*texts: Any) -> str:
    """How a judgement identifies the words of a finding (its message) or a condition (its text,
    finding and fix), and a summary's shown words are matched to them."""
    return hashlib.sha256(json.dumps(list(texts), separators=(",", ":"), ensure_ascii=False).encode()).hexdigest()


def json_sha256(obj: Any) -> str:
    """sha256 of the RFC 8785 JSON of `obj`: how decision records and summaries are identified in
    the log (verify recomputes it for the record inside a signed bundle)."""
    return hashlib.sha256(canonical_json(obj)).hexdigest()


_NOT_SHOWN_WHOLE = ("decision", "questions", "level", "preview")
"""A summary's top-level fields `shown_sections` does not hash whole: the decision and the answers
(held item by item, `found_problems`), the audience level (which selects the sections) and the
preview mark (refused outright)."""


def _unsalted(value: Any) -> Any:
    """`value` with the commitment of each redacted element blanked (a `Redacted` reference, or a
    stub in the case document): fresh salts make them differ in every publication, and `verify`
    holds them to the content; everything else stays as the summary states it (a tuple as a
    list, as JSON writes it)."""
    if isinstance(value, (list, tuple)):
        # text and numbers as they are, without a call each (a summary holds hundreds of thousands)
        return [x if type(x) in _LEAVES else _unsalted(x) for x in value]
    if not isinstance(value, dict):
        return value
    return {k: v if type(v) in _LEAVES else _unsalted(v) for k, v in _blanked(value).items()}


_LEAVES = frozenset({str, int, float, bool, type(None)})
"""The types `_unsalted` returns as they are (exactly these: a subclass goes through it)."""


def _blanked(obj: dict[Any, Any]) -> dict[Any, Any]:
    """`obj` with its commitment blanked when it is a redacted element's (see `_unsalted`)."""
    if "commitment" in obj and (obj.get("redacted") is True or ("pointer" in obj and "type" in obj)):
        return {**obj, "commitment": ""}
    return obj


def _unsalted_sha256(value: Any) -> str:
    """`json_sha256(_unsalted(value))`, in one walk where it can be: `exact_copy` blanks each
    redacted element's commitment (`_blanked`, asked only of an object holding one) and copies each object with its keys in sorted
    order and each integral float within ±(2**53 - 1) as its integer, as RFC 8785 writes them;
    pydantic-core's serializer writes the copy (`encode_sorted`), without a second walk to ask
    whether the C encoder writes it exactly, nor a sort per object in the encoder. A value holding
    anything else (a key beyond the BMP or not text, a float or integer RFC 8785 writes otherwise,
    a type that is not plain JSON, a subclass) is hashed as `json_sha256(_unsalted(value))` hashes
    it."""
    copy = exact_copy(value, sort_keys=True, on_object=_blanked, holding="commitment")
    if copy is not None or value is None:
        try:
            return hashlib.sha256(encode_sorted(copy)).hexdigest()
        except UnicodeEncodeError:
            pass  # a lone surrogate: as `canonical_json` says
    return json_sha256(_unsalted(value))


def shown_sections(summary: Any) -> dict[str, str]:
    """How a judgement identifies what a public summary shows beyond its decision's findings,
    conditions and answers (`found["shown"]`): each top-level section (the case's id, version and
    title, the system, the sign-offs, the dissent, the argument, the redactions, the case document,
    ...) and the decision's digests and quotes, each by the sha256 of its RFC 8785 JSON with the
    redacted elements' commitments blanked (`_unsalted`). A section the summary leaves out is
    absent."""
    if not isinstance(summary, dict):
        return {}
    out = {key: _unsalted_sha256(value) for key, value in summary.items() if key not in _NOT_SHOWN_WHOLE}
    decision = summary.get("decision")
    decision = decision if isinstance(decision, dict) else {}
    if "digests" in decision:
        out["decision.digests"] = json_sha256(decision["digests"])
    quoted = [[x.get("quotes") if isinstance(x, dict) else None for x in decision.get(key) or []]
              if isinstance(decision.get(key), list) else None for key in ("conditions", "findings")]
    if any(q for items in quoted for q in items or []):  # a summary quoting nothing claims none
        out["decision.quotes"] = json_sha256(quoted)
    return out


def shown_problems(found: dict[str, Any], summary: dict[str, Any]) -> list[str]:
    """What a summary shows, beyond its decision's findings, conditions and answers, other than
    the registry's judgement `found` shows its audience (`shown_sections` of the summary the
    registry builds for that level): another model or case digest, case title or version,
    sign-off, redaction, quote, safeguard, ... A judgement that does not record it (logged before
    judgements did) bears out none of it (fail closed)."""
    level = summary.get("level")
    shown = found.get("shown")
    want = shown.get(level) if isinstance(shown, dict) and isinstance(level, str) else None
    got = shown_sections(summary)
    if not isinstance(want, dict):
        # a summary that shows nothing beyond its decision and answers relies on nothing unrecorded
        return [f"it shows {', '.join(sorted(got))}, and the registry's judgement does not record what a summary "
                f"for the {level} audience shows beyond its decision (it was logged before judgements did), so "
                "none of it can be checked"] if got else []
    return [f"its {key} " + ("is left out" if key not in got else f"is not what the registry's judgement shows the "
                             f"{level} audience" + (" (it shows none)" if key not in want else ""))
            for key in sorted(set(want) | set(got)) if want.get(key) != got.get(key)]


_INTERRUPTED = ("reopened", "restricted", "withdrawn")
"""The states whose entering or leaving a summary states (`casegate.publish.INTERRUPTED`)."""


def dissent_index(reg: Registry, case_id: str) -> int | None:
    """The log index of the registry's latest entry about the case that a public summary states
    from the registry's own log rather than the case's files (`casegate.publish.registry_facts`):
    an objection, an answer to one, or a state change into or out of a reopened, restricted or
    withdrawn state; None when there is none. A summary is recorded only against a judgement made
    with the registry's facts (`found["registry_facts"]`) logged after it. Two reads through the
    log's index on (case, kind, index), whatever the log's length: the latest objection or answer
    (`Log.last_index`), then the latest state change into or out of an interruption after it
    (`Log.latest`, newest first)."""
    said = reg.last_index(case_id, ("objection", "objection-answer"))
    moved = reg.latest(case_id, ("state-change",),
                       lambda e: bool({e.payload.get("from"), e.payload.get("to")} & set(_INTERRUPTED)),
                       mentioning=_INTERRUPTED, after=said)
    return moved.index if moved is not None else said


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
                     judged: dict[str, Any], found: dict[str, Any], boundary: str | None = None,
                     models: list[str] | None = None) -> LogEntry:
    """Log the registry's own judgement of stored `version` where no approval logged one (or where
    the latest logged no `found`, or found otherwise with the same outcome): the gate run as the
    registry runs it (`casegate publish`: the keyring the trust root pins, the registry's history,
    its clock), its outcome, the decision record's hash and what it found (`found`, see the module
    docstring; `casegate.approve.judged_found`), with `judged`: the keyring, the trust root version
    and when. A summary recorded for the version is held to it. `boundary` and `models` (the
    boundary judged and the model digests the version names) let `verify` tell which deploys a
    NO-GO speaks for."""
    extra: dict[str, Any] = {}
    if boundary is not None:
        extra["boundary"] = boundary
    if models is not None:
        extra["models"] = list(models)
    return reg.record("judgement", case_id, {"version": version, "outcome": outcome, "record_sha256": record_sha256,
                                             **judged, "found": found, "via": "publish", **extra})


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


def _withheld(item: dict[str, Any]) -> bool:
    return item.get("withheld") is True


_RANK = {lv.value: i for i, lv in enumerate(Confidentiality)}
"""Confidentiality level -> rank (0: public), as publication redacts: above the audience's, withheld."""


def _sealed_for(entry: dict[str, Any], audience: Any) -> bool | None:
    """Whether the judged blocking finding `entry` concerns an element a summary for `audience`
    withholds (by the `sealed` level the judgement recorded); None when the judgement did not
    record it (logged before it did)."""
    if "sealed" not in entry:
        return None
    sealed = entry.get("sealed")
    return (isinstance(sealed, str) and sealed in _RANK and isinstance(audience, str) and audience in _RANK
            and _RANK[sealed] > _RANK[audience])


def found_problems(found: Any, summary: Any) -> list[str]:
    """What a public summary leaves out of, or adds to, what the registry's judgement `found` (its
    conditions, its blocking findings, the narrower boundary and what the requested one lacks);
    empty when it shows exactly that. A summary for a narrower audience withholds the words of a
    condition, a finding or a lack that concerns redacted content and the element a finding
    inside a redacted element concerns, but still lists each, marked withheld: each is counted."""
    decision = summary.get("decision") if isinstance(summary, dict) else None
    decision = decision if isinstance(decision, dict) else {}
    out: list[str] = []

    def items(key: str) -> list[dict[str, Any]]:
        got = decision.get(key)
        return [x for x in got if isinstance(x, dict)] if isinstance(got, list) else []

    # conditions: each by its id, the rule that made it one and its due date (shown withheld or not)
    want = [(c.get("id"), c.get("cause"), c.get("due")) for c in found.get("conditions") or []]
    said = [(c.get("id"), c.get("cause"), c.get("due")) for c in items("conditions")]
    out += [f"condition {i} ({cause}{f', due {due}' if due else ''})" + " is left out"
            for i, cause, due in want if (i, cause, due) not in said]
    out += [f"condition {i} ({cause}{f', due {due}' if due else ''})" + " is not one the registry found"
            for i, cause, due in said if (i, cause, due) not in want]
    # blocking findings (unwaived): by rule code and element; one marked withheld may hide its element
    # only where the judgement recorded that element as redacted for the summary's audience
    judged = [b for b in found.get("blocking") or [] if isinstance(b, dict)]
    left = [(b.get("code"), b.get("element")) for b in judged]
    shown = [f for f in items("findings") if f.get("severity") == "blocking" and not f.get("waived")]
    hidden: list[dict[str, Any]] = []
    for f in shown:
        key = (f.get("code"), f.get("element"))
        if key in left:
            left.remove(key)
        elif f.get("element") is None and _withheld(f):
            hidden.append(f)
        else:
            out.append(f"blocking finding {key[0]} at {key[1] or 'the case'} is not one the registry found")
    audience = summary.get("level") if isinstance(summary, dict) else None
    sealed = {(b.get("code"), b.get("element")): _sealed_for(b, audience) for b in judged}
    for f in hidden:
        same = [k for k in left if k[0] == f.get("code") and k[1] is not None]
        match = next((k for k in same if sealed.get(k)), None)
        if match is not None:
            left.remove(match)
        elif any(sealed.get(k) is None for k in same):
            out.append(f"blocking finding {f.get('code')} is marked withheld, and the registry's judgement does not "
                       "record which elements are redacted for which audience (it was logged before judgements "
                       "did), so whether its element may be withheld cannot be checked")
        elif same:
            out.append(f"blocking finding {f.get('code')} is marked withheld, but the element it concerns "
                       f"({', '.join(str(k[1]) for k in same)}) is not redacted for the {audience} audience")
        else:
            out.append(f"blocking finding {f.get('code')} (withheld) is not one the registry found")
    out += [f"blocking finding {code} at {element or 'the case'} is left out" for code, element in left]
    if "boundary" in decision and decision.get("boundary") != found.get("boundary"):
        # the page says "GO for BOUNDARY": the boundary the registry decided on, not a wider one
        out.append(f"the decision is stated for {decision.get('boundary') or 'no boundary'}, "
                   + (f"but the registry's judgement is for {found.get('boundary') or 'no boundary'}"
                      if "boundary" in found else "and the registry's judgement does not record which boundary it "
                      "decided on (it was logged before judgements did)"))
    narrower = found.get("narrower")
    if decision.get("narrower") != narrower:
        out.append(f"the narrower boundary the evidence supports is {narrower or 'none'}, not "
                   f"{decision.get('narrower') or 'none'}")
    lacks = [x for x in found.get("lacks") or [] if isinstance(x, str)]
    got = decision.get("lacks")
    stated: list[Any] = got if isinstance(got, list) else []
    # a lack stated in words the audience may not see is shown as "(withheld: ...)"
    if len(stated) != len(lacks) or any(s != x and not (isinstance(s, str) and s.startswith("(withheld"))
                                        for s, x in zip(stated, lacks, strict=True)):
        out.append(f"what the requested boundary lacks ({len(lacks)} item(s)) is not stated as found "
                   f"({len(stated)} stated)")
    out += _derived_problems(found, summary if isinstance(summary, dict) else {}, decision, items("findings"))
    return out


_SEVERITIES = ("blocking", "condition", "advisory", "waived")


def _withheld_problems(found: dict[str, Any], summary: dict[str, Any], decision: dict[str, Any],
                       findings: list[dict[str, Any]]) -> list[str]:
    """What a summary withholds, or answers from the public view, that the registry's judgement
    `found` does not find withheld for the summary's audience (`level`): a condition or finding
    marked `withheld` whose words concern nothing redacted for it, or a question answered other
    than in the gate's words (`origin` not `gate`) where the gate's answer is shown to it. A
    judgement that does not record what each audience is shown (logged before judgements did)
    bears out no such mark (fail closed)."""
    out: list[str] = []
    level = summary.get("level")
    marks = found.get("withheld")
    at = marks.get(level) if isinstance(marks, dict) and isinstance(level, str) else None
    why = (f"the registry's judgement does not record what it withholds from the {level} audience"
           + (" (it was logged before judgements did)" if not isinstance(marks, dict) else ""))
    if not isinstance(at, dict):
        at = None
    withheld_ids = at.get("conditions") if at is not None else None
    words = {c.get("id"): c.get("sha256") for c in found.get("conditions") or [] if isinstance(c, dict)}
    for c in items_of(decision, "conditions"):
        if c.get("withheld") is not True and c.get("id") in words and (
                words_sha256(c.get("text"), c.get("finding"), c.get("fix")) != words[c.get("id")]):
            out.append(f"condition {c.get('id')} is given in words other than the gate's"
                       + ("" if words[c.get("id")] is not None else " (the registry's judgement does not record "
                          "them: it was logged before judgements did)"))
        if c.get("withheld") is True and not (isinstance(withheld_ids, list) and c.get("id") in withheld_ids):
            out.append(f"condition {c.get('id')} is marked withheld, "
                       + (f"but its words concern nothing redacted for the {level} audience"
                          if at is not None else f"and {why}"))
    # each finding is the judged finding at its place in the record: its rule, severity and waiver,
    # and its words (when shown) or its withholding (when marked withheld) that finding's own
    judged = found.get("findings")
    hidden_at = at.get("finding_at") if at is not None else None
    # a summary that lists no findings (the key left out) lists none: held to the judged ones like
    # any other, so it cannot show a clean case where the gate found conditions or advisories
    if not isinstance(judged, list):
        out.append("the registry's judgement does not record the findings' words (it was logged before "
                   "judgements did), so which findings the summary shows, in which words, cannot be checked")
        judged = []
    elif len(findings) != len(judged):
        out.append(f"it lists {len(findings)} finding(s) where the registry's judgement found {len(judged)}")
    places = found.get("locations")
    for i, (f, want) in enumerate(zip(findings, judged, strict=False)):
        mark = (f.get("code"), f.get("severity"), f.get("waived") is True)
        said = f"finding {i + 1} ({mark[0]}, {mark[1]}{', waived' if mark[2] else ''})"
        if not (isinstance(want, list) and len(want) == 6) or tuple(want[:3]) != mark:
            got = (f"{want[0]}, {want[1]}{', waived' if want[2] else ''}"
                   if isinstance(want, list) and len(want) == 6 else "nothing readable")
            out.append(f"{said} is not the finding the registry's judgement found there ({got})")
            continue
        # the element it concerns (which the diagram marks) and its rule's name are the judged ones;
        # only a finding withheld where the judgement withholds it may leave its element out
        if f.get("name") != want[5]:
            out.append(f"{said} is named {f.get('name')!r}, not {want[5]!r} as its rule is")
        if f.get("element") != want[4] and not (
                f.get("element") is None and f.get("withheld") is True and isinstance(hidden_at, list)
                and i in hidden_at):
            out.append(f"{said} is shown at {f.get('element') or 'the case as a whole'}, where the registry's "
                       f"judgement found it at {want[4] or 'the case as a whole'}")
        # the place in the case's source (file:line) it shows is the judged one (a summary that shows
        # none claims none: a finding inside a redacted element shows none)
        where = f.get("location")
        if where is not None:
            if not isinstance(places, list) or len(places) != len(judged):
                out.append(f"{said} is shown at {where}, and the registry's judgement does not record where "
                           "its findings are in the case's source (it was logged before judgements did)")
            elif where != places[i]:
                out.append(f"{said} is shown at {where}, where the registry's judgement found it at "
                           f"{places[i] or 'no place in the source'}")
        if f.get("withheld") is True:
            if not (isinstance(hidden_at, list) and i in hidden_at):
                out.append(f"{said} is marked withheld, "
                           + (f"but its words concern nothing redacted for the {level} audience"
                              if isinstance(hidden_at, list) else f"and {why}"))
        elif words_sha256(f.get("message")) != want[3]:
            out.append(f"{said} is given in words other than the gate's")
    composed = at.get("questions") if at is not None else None
    questions = summary.get("questions")
    for q in questions if isinstance(questions, list) else []:
        if not isinstance(q, dict) or q.get("origin", "gate") == "gate":
            continue
        key = q.get("key")
        if q.get("origin") != "summary":
            out.append(f"the answer to {key!r} gives its origin as {q.get('origin')!r}, which is neither the gate's "
                       "answer ('gate') nor one composed from the public view ('summary')")
        elif not (isinstance(composed, list) and key in composed):
            out.append(f"the answer to {key!r} is given as composed from the public view, "
                       + (f"but the gate's own answer is shown to the {level} audience"
                          if at is not None else f"and {why}"))
        else:
            # the words publication composes from the public view, which the judgement records
            made = at.get("composed") if at is not None else None
            if not isinstance(made, dict):
                out.append(f"the answer to {key!r} is given as composed from the public view, and the registry's "
                           "judgement does not record the composed words (it was logged before judgements did)")
            elif composed_sha256(q.get("answer"), q.get("sources")) != made.get(key):
                out.append(f"the answer to {key!r} is given as composed from the public view, in words (or "
                           "sources) other than those publication composes from it")
    return out


def items_of(section: dict[str, Any], key: str) -> list[dict[str, Any]]:
    """The mappings listed under `key` of a summary's `section` (none when it lists none)."""
    got = section.get(key)
    return [x for x in got if isinstance(x, dict)] if isinstance(got, list) else []


def _derived_problems(found: dict[str, Any], summary: dict[str, Any], decision: dict[str, Any],
                      findings: list[dict[str, Any]]) -> list[str]:
    """What a summary states as casegate's own derivation that the registry's judgement `found`
    does not bear out: its counts of findings (which must also be those of the findings it lists),
    a question answered in the gate's words other than the gate's, and a safeguard's verifier
    marked attested that the judgement did not find attested. A judgement that does not record
    one of these (logged before judgements did) bears out none of it (fail closed)."""
    out: list[str] = []
    # the page heads the decision with its date: the judged decision's, not one the lab chose (e.g.
    # a date before an incident)
    if "decided_at" not in found:
        out.append(f"it states the decision as made on {decision.get('decided_at') or 'no date'}, and the "
                   "registry's judgement does not record when the decision it judged was made (it was logged "
                   "before judgements did)")
    elif decision.get("decided_at") != found["decided_at"]:
        out.append(f"it states the decision as made on {decision.get('decided_at') or 'no date'}, but the "
                   f"decision the registry judged was made on {found['decided_at']}")
    counts = decision.get("counts")
    if counts is not None:
        listed = dict.fromkeys(_SEVERITIES, 0)
        for f in findings:
            sev = "waived" if f.get("waived") is True else f.get("severity")
            listed[sev if sev in listed else "blocking"] += 1
        shown = {k: counts.get(k) for k in _SEVERITIES} if isinstance(counts, dict) else counts
        if shown != listed:
            out.append(f"its counts of findings ({shown}) are not those of the findings it lists ({listed})")
        elif "counts" not in found:
            out.append("the registry's judgement does not record how many findings it found (it was logged before "
                       "judgements did), so the summary's counts cannot be checked")
        elif shown != {k: found["counts"].get(k) for k in _SEVERITIES}:
            out.append(f"its counts of findings ({shown}) are not those the registry found ({found['counts']})")
    answers = found.get("answers")
    questions = summary.get("questions")
    for q in questions if isinstance(questions, list) else []:
        if not isinstance(q, dict):
            continue
        key = q.get("key")
        gate = answers.get(key) if isinstance(answers, dict) else None
        if not isinstance(gate, dict):
            out.append(f"the answer to {key!r} cannot be checked: the registry's judgement does not record the "
                       "gate's answers (it was logged before judgements did)" if answers is None
                       else f"the answer to {key!r} is not one of the gate's questions")
            continue
        if q.get("answerable", True) != gate.get("answerable"):
            out.append(f"the answer to {key!r} is marked {'answerable' if q.get('answerable', True) else 'not answered'}, "
                       f"which the registry's judgement does not find")
        text = q.get("answer")
        if q.get("origin", "gate") == "gate" and (
                not isinstance(text, str) or hashlib.sha256(text.encode()).hexdigest() != gate.get("sha256")):
            out.append(f"the answer to {key!r} is given as the gate's, in words other than the gate's")
    out += _withheld_problems(found, summary, decision, findings)
    out += shown_problems(found, summary)
    standings = found.get("standings")
    for c in items_of(decision, "conditions"):
        said = c.get("standing")
        want = standings.get(c.get("id")) if isinstance(standings, dict) else None
        if said != want:
            out.append(f"condition {c.get('id')} is stated as \"{said}\", which is not where the registry's judgement "
                       f"finds it ({want or 'nothing stated'})")
    signed = found.get("signed")
    signoffs = summary.get("signoffs")
    for so in signoffs if isinstance(signoffs, list) else []:
        if isinstance(so, dict) and so.get("signed") is True and (
                not isinstance(signed, list) or f"{so.get('person')} ({so.get('role')})" not in signed):
            out.append(f"the sign-off of {so.get('person')} ({so.get('role')}) is marked signed, which the registry's "
                       "judgement does not find (no envelope of it verified)")
    attested = found.get("attested")
    safeguards = summary.get("safeguards")
    for sg in safeguards if isinstance(safeguards, list) else []:
        if isinstance(sg, dict) and sg.get("verified_by_attested") is True and (
                not isinstance(attested, list) or sg.get("id") not in attested):
            out.append(f"safeguard {sg.get('id')}'s verifier ({sg.get('verified_by')}) is marked attested, which the "
                       "registry's judgement does not find" + ("" if isinstance(attested, list) else
                                                               " (it records no attested verifiers)"))
    return out


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


def record_publication(reg: Registry, case_id: str, summary: dict[str, Any] | CanonicalJSON, *,
                       version: int | None = None, judged: dict[str, Any] | None = None) -> LogEntry:
    """Log the public summary of stored `version` (`judged`: the keyring and trust root version
    it was judged under, and when). Refused (VerificationError, nothing logged) when the registry
    has logged no judgement of that version (`judgements`: none approved on it, and no `casegate
    publish` judged it), when the summary's outcome is not the one its latest judgement found, or
    when the summary leaves out or adds a condition, a blocking finding, the narrower boundary or
    what the requested one lacks, or shows anything else otherwise (`found_problems`, `shown_problems`;
    a judgement logged before judgements recorded what they found is refused, fail closed), or when
    the registry logged an objection, an answer to one or an interruption that its latest judgement
    predates or was not made with (`dissent_index`). The entry names the judgement it was held to
    (`judgement`: its log index). The public record of a version says what the
    registry decided on it, and a summary nobody judged says only what its writer chose.
    `summary` may come with its canonical bytes already written (`CanonicalJSON.of_text`)."""
    plain = summary.value if type(summary) is CanonicalJSON else summary
    if isinstance(plain, dict) and "preview" in plain:  # `casegate publish --no-record`'s files
        raise VerificationError(
            f"the summary of {case_id} is marked as an unrecorded preview (`casegate publish --no-record`): "
            "judged as its writer chose, it is not recorded as a public summary",
            help="publish without --no-record against this registry, which judges the stored version first")
    own = judged_outcome(reg, case_id, version)
    said = summary_outcome(plain)
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
    found = judgements(reg, case_id, version)[-1][0].get("found")
    if not isinstance(found, dict):
        raise VerificationError(
            f"the registry's judgement of version {version} of {case_id} (log entry {own[1]}) does not record the "
            "conditions and blocking findings it found (it was logged before judgements did), so whether the "
            "summary shows them all cannot be checked: the summary was not recorded",
            help=f"run `casegate publish CASE` against this registry (--db) again: it logs a fresh judgement of "
                 f"version {version} that records them, and records the summary it writes")
    dissent = dissent_index(reg, case_id)
    if dissent is not None and (dissent > own[1] or found.get("registry_facts") is not True):
        raise VerificationError(
            f"the registry logged an objection to {case_id}, an answer to one or an interruption of its approval "
            f"(log entry {dissent}), which its judgement of version {version} (log entry {own[1]}) "
            + ("predates" if dissent > own[1] else "was not made with") + ": a summary shows what the registry's "
            "log holds of the case's dissent and state, and whether it shows that cannot be checked against this "
            "judgement, so the summary was not recorded",
            help=f"run `casegate publish CASE` against this registry (--db) again: it logs a fresh judgement of "
                 f"version {version} made with the registry's log, and records the summary it writes")
    missing = found_problems(found, summary.value if type(summary) is CanonicalJSON else summary)
    if missing:
        raise VerificationError(
            f"the summary of version {version} of {case_id} does not show what the registry's judgement of it "
            f"(log entry {own[1]}) found: " + "; ".join(missing) + ". The registry records only a summary that "
            "shows every condition and blocking reason it found",
            help="write the summary with `casegate publish CASE` against this registry (--db), which shows them "
                 "all (a condition or finding that concerns redacted content is shown marked withheld)")
    # the summary written as canonical JSON once, for its sha256 and for the entry (megabytes
    # for a large case)
    body = summary if type(summary) is CanonicalJSON else CanonicalJSON(summary)
    payload: dict[str, Any] = {"version": version, "summary": body,
                               "summary_sha256": hashlib.sha256(body.json).hexdigest()}
    if judged is not None:
        payload["judged"] = judged
    # the log entry of the judgement it was held to: a version published on several days has several
    payload["judgement"] = own[1]
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
