"""The JSON API (/api/v1): read the registry, submit signed sign-offs and objections, report
incidents, run the gate on a stored version. Writes need a token and are rate-limited."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field

from ..errors import CasegateError, InputError
from ..model import Confidentiality
from ._schemas import (
    CaseDetail,
    CaseSummary,
    CaseVersion,
    CheckpointOut,
    ConsistencyProofOut,
    EvidenceRow,
    Finding,
    GateRun,
    InclusionProofOut,
    LogEvent,
    PublicCase,
    PublicCaseSummary,
    StateProof,
)
from ._tokens import AUTHOR_ROLE, Principal
from ._views import (
    case_list,
    case_view,
    held_to_index,
    load_version,
    readable_version,
    stored_record,
    unreadable_note,
)


class ApiError(BaseModel):
    """Every error the API returns: what went wrong and what to do."""

    detail: str
    """What went wrong, in plain words."""
    help: str | None = None
    """What to do next, when there is something to do."""
    problems: list[dict[str, str]] | None = None
    """For 422: which field is wrong and how."""


ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ApiError, "description": "The input cannot be used (a casegate input error)."},
    401: {"model": ApiError, "description": "A token is needed: `Authorization: Bearer <token>`."},
    403: {"model": ApiError, "description": "The token's role may not do this, or a CSRF token is missing."},
    404: {"model": ApiError, "description": "No such case, version or entry."},
    413: {"model": ApiError, "description": "The request body or its JSON nesting is over the limit."},
    422: {"model": ApiError, "description": "The request is not valid (the problems name the fields)."},
    429: {"model": ApiError, "description": "Too many writes or gate runs: slow down."},
    503: {"model": ApiError, "description": "The registry is unavailable."},
}
"""The error responses documented on every endpoint."""

def in_scope(request: Request) -> None:
    """404, as for a case the registry does not hold, when the request is about a case its token
    is not for (`casegate token create --case`); the public pages are everyone's."""
    case_id = request.path_params.get("case_id")
    if not isinstance(case_id, str) or request.url.path.startswith(("/public/", "/api/v1/public/")):
        return
    p: Principal = request.app.state.board.principal(request)
    if not p.may_see(case_id):
        raise HTTPException(404, f"no case {case_id!r}")


router = APIRouter(prefix="/api/v1", responses=ERRORS, dependencies=[Depends(in_scope)])

bearer = HTTPBearer(auto_error=False, scheme_name="bearerAuth",
                    description="A board token from `casegate token create`; pages use the session cookie.")


def board(request: Request) -> Any:
    return request.app.state.board


def who(request: Request) -> Principal:
    return board(request).principal(request)  # type: ignore[no-any-return]


def reader(request: Request, _credentials: HTTPAuthorizationCredentials | None = Depends(bearer)) -> Principal:
    """Any token holder may read the internal API (the bearer dependency documents the scheme;
    the board itself checks the token or the session)."""
    p = who(request)
    if p.is_public:
        raise HTTPException(401, "a token is needed (Authorization: Bearer <token>)")
    return p


def writer(request: Request, _credentials: HTTPAuthorizationCredentials | None = Depends(bearer)) -> Principal:
    p = reader(request)
    _csrf_for_cookie_writes(request)
    refuse_withheld_write(request, p, request.path_params.get("case_id"))
    if not board(request).limiter.allow(p.token_id or (request.client.host if request.client else "?")):
        raise HTTPException(429, "too many writes: slow down")
    return p


def withheld(request: Request, p: Principal, case_id: str) -> Any:
    """What of the case is withheld from the token (`_withheld.Withheld`), or None."""
    from ._withheld import withheld_for

    return withheld_for(board(request).registry, case_id, p)


def refuse_withheld_write(request: Request, p: Principal, case_id: Any) -> None:
    """403 for a write about a case the token may not read whole: a sign-off, objection, answer,
    incident or gate run on content the writer cannot read is worth nothing (and its errors
    would quote what is withheld)."""
    if not isinstance(case_id, str) or p.reads_everything:
        return
    if case_id in board(request).registry.case_ids() and withheld(request, p, case_id) is not None:
        raise HTTPException(403, f"this token reads up to {p.ceiling.value} and this case holds more: "
                                 "it may not sign, object, answer, report or run the gate on it")


def _csrf_for_cookie_writes(request: Request) -> None:
    """A write authenticated by the session cookie (not a Bearer token) must carry the page's
    CSRF token in `X-CSRF-Token`: a cross-site page can make the browser send the cookie, never
    the token."""
    from ._app import SESSION_COOKIE
    from ._guards import csrf_ok, read_session

    if request.headers.get("authorization", "").lower().startswith("bearer "):
        return
    session = request.cookies.get(SESSION_COOKIE)
    sid = read_session(board(request).secret, session)
    if session and not csrf_ok(board(request).secret, sid, request.headers.get("x-csrf-token")):
        raise HTTPException(403, "a write signed in by the session cookie needs the page's CSRF token "
                                 "in the X-CSRF-Token header (or use a Bearer token)")


def _case_or_404(request: Request, case_id: str) -> Any:
    v = case_view(board(request).registry, case_id)
    if v is None:
        raise HTTPException(404, f"no case {case_id!r}")
    return v


def _require_case(request: Request, case_id: str) -> None:
    """404 unless the registry knows the case (cheap: no events read)."""
    if case_id not in board(request).registry.case_ids():
        raise HTTPException(404, f"no case {case_id!r}")


def _acting_role(request: Request, p: Principal, role: str, authors: list[str]) -> None:
    """The principal may act in `role` only if both its token and the keyring give it that role,
    and it is not one of `authors` (the authors a signed authors list names for the version in
    question: an unsigned YAML list never bars anyone)."""
    from ..sign import name_key

    if AUTHOR_ROLE in p.roles:
        raise HTTPException(403, "authors cannot sign or object")
    if role not in p.roles:
        raise HTTPException(403, f"this token does not act in the role {role!r}")
    if role not in board(request).keyring_roles(p.person):
        raise HTTPException(403, f"the keyring does not give {p.person} the role {role!r}")
    if name_key(p.person) in {name_key(a) for a in authors}:
        raise HTTPException(403, f"{p.person} is an author of this case and cannot sign or object")


def _reviewer_roles(request: Request, p: Principal, act: str) -> frozenset[str]:
    """The reviewer roles (any role but author and viewer) in which the principal may `act`: those
    both its token and the keyring give the person, as for a sign-off. A token cannot grant a role
    the keyring does not, so a board without a keyring lets nobody act (fail closed); a token
    naming the author role acts in none. 403 when none is left."""
    if AUTHOR_ROLE in p.roles:
        raise HTTPException(403, f"authors may not {act}")
    claimed = p.roles - {AUTHOR_ROLE, "viewer"}
    if not claimed:
        raise HTTPException(403, f"only reviewers may {act} (not authors or viewers)")
    given = frozenset(claimed & board(request).keyring_roles(p.person))
    if not given:
        raise HTTPException(403, f"the keyring does not give {p.person} any of the token's roles "
                                 f"({', '.join(sorted(claimed))}): they may not {act}")
    return given


def _signed_authors(request: Request, case_id: str, number: int | None) -> list[str]:
    """The authors named by the verified authors lists (`casegate authors sign`) stored with
    version `number`; none when the version does not load or the board has no keyring."""
    from ..sign import authors_of, gather

    b = board(request)
    if b.keyring is None or number is None:
        return []
    try:
        loaded = load_version(b.registry, case_id, number)
    except CasegateError:
        return []
    if loaded.case is None:
        return []
    return authors_of(gather(loaded, b.keyring, dt.datetime.now(dt.UTC)).authors)


def _standing(request: Request, case_id: str) -> int | None:
    """The version dissent is judged against: the approved one the case stands on, else the
    latest (a later, unapproved version cannot change who may object or answer, or how)."""
    from ..monitor import standing_version

    _require_case(request, case_id)
    return standing_version(board(request).registry, case_id)


# ------------------------------------------------------------------------------------- reads



@router.get("/cases", response_model=list[CaseSummary], tags=["cases"])
def list_cases(request: Request, _: Principal = Depends(reader)) -> list[CaseSummary]:
    """Every case with its state and latest decision."""
    p = who(request)
    return [CaseSummary(id=v.case_id, title=v.title, state=v.state, restricted_to=v.restriction,
                        versions=v.versions, outcome=(v.decision or {}).get("outcome"))
            for v in case_list(board(request).registry) if p.may_see(v.case_id)]


@router.get("/cases/{case_id}", response_model=CaseDetail, tags=["cases"])
def get_case(request: Request, case_id: str, p: Principal = Depends(reader)) -> dict[str, Any]:
    """A case: state, versions, latest decision (findings, conditions, eight answers). For a token
    whose ceiling is below what the case holds: no decision record, but `withheld` (why) and
    `summary` (the case as `casegate publish` summarises it at the token's ceiling)."""
    v = _case_or_404(request, case_id)
    out = {"id": v.case_id, "title": v.title, "state": v.state, "restricted_to": v.restriction,
           "versions": v.versions, "latest_version": v.latest_version, "decision": v.decision}
    w = withheld(request, p, case_id)
    if w is not None:  # the summary at the token's ceiling in place of the decision record
        from ._withheld import ceiling_view

        view = ceiling_view(board(request).registry, v, p.ceiling)
        out.update(decision=None, withheld=w.to_json(),
                   summary=view.summary.model_dump(mode="json") if view is not None else None)
    return out


@router.get("/cases/{case_id}/versions", response_model=list[CaseVersion], tags=["cases"])
def get_versions(request: Request, case_id: str, p: Principal = Depends(reader)) -> list[dict[str, Any]]:
    """Immutable versions of the case, with file and evidence digests (without the file and
    evidence lists, and with `withheld`, for a token whose ceiling is below what the case holds)."""
    _require_case(request, case_id)
    w = withheld(request, p, case_id)
    rows = [r.to_json() for r in board(request).registry.case_versions(case_id)]
    if w is not None:
        rows = [dict(r, files=[], evidence=[], withheld=w.to_json()) for r in rows]
    return rows


@router.get("/cases/{case_id}/findings", response_model=list[Finding], tags=["gate"])
def get_findings(request: Request, case_id: str, p: Principal = Depends(reader)) -> list[dict[str, Any]]:
    """Findings of the latest recorded gate run (as the summary at the token's ceiling states
    them, a message about redacted content withheld, when the case holds more than it reads)."""
    v = _case_or_404(request, case_id)
    w = withheld(request, p, case_id)
    if w is not None:
        from ._withheld import ceiling_view

        view = ceiling_view(board(request).registry, v, p.ceiling)
        findings = view.summary.decision.findings if view is not None else []
        return [dict(f.model_dump(mode="json"), withheld_reason=w.reason if f.withheld else None)
                for f in findings]
    return list((v.decision or {}).get("findings", []))


@router.get("/cases/{case_id}/evidence", response_model=list[EvidenceRow], tags=["evidence"])
def get_evidence(request: Request, case_id: str, p: Principal = Depends(reader)) -> list[dict[str, Any]]:
    """Evidence items of the latest version, with artifact digests and statistics; an item above
    the token's ceiling only by id, kind and level, with why the rest is withheld."""
    v = _case_or_404(request, case_id)
    b = board(request)
    loaded, _shown, _note = readable_version(b.registry, case_id, v.latest_version)
    if loaded is None:
        return []
    rows = evidence_rows(loaded, b.keyring)
    w = withheld(request, p, case_id)
    if w is None:
        return rows
    levels = [lv.value for lv in Confidentiality]
    top = levels.index(p.ceiling.value)
    return [r if levels.index(r["confidentiality"]) <= top else
            {"id": r["id"], "kind": r["kind"], "title": None, "producer": None, "independent": None, "date": None,
             "sha256": None, "confidentiality": r["confidentiality"], "statistics": None, "basis": None,
             "withheld": w.reason}
            for r in rows]


@router.get("/cases/{case_id}/events", response_model=list[LogEvent], tags=["log"])
def get_events(request: Request, case_id: str, kind: str | None = None,
               p: Principal = Depends(reader)) -> list[dict[str, Any]]:
    """Every logged event about the case (sign-offs, objections, incidents, state changes...);
    for a token whose ceiling is below what the case holds, only the kinds, dates, states and
    roles the public history shows (`PUBLIC_PAYLOAD`), with `withheld` saying why."""
    _require_case(request, case_id)
    events = board(request).registry.events(case_id=case_id, kind=kind)
    w = withheld(request, p, case_id)
    if w is not None:
        from ._withheld import public_event

        return [public_event(e, w) for e in events]
    return [e.to_json() for e in events]


@router.get("/cases/{case_id}/state-proof", response_model=StateProof, tags=["log"])
def get_state_proof(request: Request, case_id: str, p: Principal = Depends(reader),
                    nonce: str | None = Query(default=None, max_length=128),
                    since: list[int] | None = Query(default=None)) -> dict[str, Any]:
    """The proof of the case's current state (every log entry from the case's first to the latest
    signed checkpoint, so none of the case's can be left out) that `casegate verify --registry-url` checks against the deployer's trust root. 409 with
    every reason when the registry cannot vouch for the state (no checkpoint, entries newer than
    it, a state column that differs from the log, a trigger of the case that fires by the
    checkpoint and that no `triggers run` has applied). 403 for a token whose ceiling is below what
    the case holds: the proof carries the case's log entries whole. `?since=SIZE` (repeatable, 1
    to the checkpoint's size, as `casegate state-proof --since`): the proof also carries the
    consistency proof from the log's tree of that size (`consistency`), what `verify --seen`
    needs when the tree it kept is older than the case's first entry; 422 naming `since` for a
    size outside the tree."""
    _require_case(request, case_id)
    if since is not None and len(set(since)) > MAX_SINCE:
        raise HTTPException(422, f"since: at most {MAX_SINCE} sizes in one request")
    if withheld(request, p, case_id) is not None:
        raise HTTPException(403, f"the state proof carries this case's log entries whole (decision records, "
                                 f"objection reasons), and this token reads up to {p.ceiling.value} while the "
                                 "case holds more: fetch it with a token whose ceiling covers the case, or "
                                 "take the file `casegate state-proof` writes")
    import json

    from ..limits import LimitError, check_proof_bytes
    from ..monitor import owed_reasons, proof_triggers_owed

    reg = board(request).registry
    try:
        proof, problems = reg.state_proof(case_id)
    except LimitError as e:  # a proof `verify` would refuse for its size is not made
        raise HTTPException(413, f"{e.message}: {e.help}") from None
    problems += owed_reasons(reg, case_id)
    if not problems and proof is not None:
        # a move the case's own triggers owe it by the checkpoint is not in the state the proof shows
        problems += proof_triggers_owed(reg, case_id, proof, board(request).keyring)
    if problems or proof is None:
        raise HTTPException(409, {"reasons": problems})
    # the proof carries every log entry from the case's first on, other cases' ones whole
    for other in sorted({e["case_id"] for e in proof["entries"]} - {case_id, None}):
        if not p.may_see(other) or withheld(request, p, other) is not None:
            raise HTTPException(403, f"the state proof carries every log entry from the case's first on, "
                                     f"whole, among them entries of case {other}, which this token (up to "
                                     f"{p.ceiling.value}) may not read: fetch it with a token whose ceiling "
                                     "covers them, or take the file `casegate state-proof` writes")
    if since:
        from ..errors import InputError
        from ..store import carry_consistency

        try:
            carry_consistency(proof, since, lambda old, new: reg.prove_consistency(old, new).path, named="since")
        except InputError as e:
            raise HTTPException(422, f"{e.message}: {e.help}") from None
    if nonce is not None:
        proof = {**proof, "freshness": _fresh(request, proof, case_id, nonce)}
    try:
        # as the answer is sent (the response model's JSON, compact): `verify --registry-url` reads no more
        sent = StateProof.model_validate(proof).model_dump(mode="json", by_alias=True)
        check_proof_bytes(len(json.dumps(sent, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode()))
    except LimitError as e:
        raise HTTPException(413, f"{e.message}: {e.help}") from None
    return proof  # type: ignore[no-any-return]


MAX_SINCE = 32
"""The most distinct tree sizes one state proof request may ask consistency proofs from."""


def _fresh(request: Request, proof: dict[str, Any], case_id: str, nonce: str) -> str:
    """The log key's signature binding the verifier's nonce to the proof (`sign_fresh`); 409 when
    the board holds no log key, or one that did not sign the proof's checkpoint."""
    from ..errors import VerificationError
    from ..store import good_nonce, parse_checkpoint, sign_fresh

    if not good_nonce(nonce):
        raise HTTPException(400, "nonce: 16 to 128 letters, digits, '-' or '_'")
    key = board(request).log_key
    cp = parse_checkpoint(proof["checkpoint"])
    if key is None:
        raise HTTPException(409, {"reasons": [
            "this review board signs no fresh answers (it was started without `casegate serve --log-key`), "
            "so a state proof it serves could be an answer recorded earlier: start it with the log's "
            "checkpoint key, or verify with the file `casegate state-proof` writes (--state-proof)"]})
    try:
        cp.verify(key.public_key(), name=cp.origin)
    except VerificationError:
        raise HTTPException(409, {"reasons": [
            "the log key this review board holds (`casegate serve --log-key`) did not sign the log's latest "
            "checkpoint: start it with the key that signs the checkpoints"]}) from None
    return sign_fresh(cp, case_id, nonce, key)


# ------------------------------------------------------------------------------------ writes


class ObjectionIn(BaseModel):
    envelope: dict[str, Any]
    """The signed objection (DSSE envelope of an objection statement, as `casegate object` writes
    it); its role, person and reason are read from the verified statement."""


class AnswerIn(BaseModel):
    envelope: dict[str, Any]
    """The signed answer, acceptance or upholding (DSSE envelope of an objection-answer
    statement, as `casegate answer` writes it) of the signed objection at that log entry."""


class SignoffIn(BaseModel):
    envelope: dict[str, Any]


class IncidentIn(BaseModel):
    """An incident, with the fields `casegate incident report` takes (after the AI Incident
    Database); the board records who reported it."""

    date: dt.date
    description: str = Field(min_length=3, max_length=10000)
    severity: Literal["low", "moderate", "high", "severe", "catastrophic"]
    domain: str = Field(min_length=1, max_length=100)
    """A risk domain of the case (its threat model or policy names it)."""
    deployer: str = Field(min_length=1, max_length=300)
    developer: str = Field(min_length=1, max_length=300)
    harmed: list[str] = Field(min_length=1, max_length=50)
    title: str | None = Field(default=None, max_length=300)
    reports: list[str] = Field(default_factory=list, max_length=50)
    known: dt.datetime | None = None
    """When the developer became aware of it (regime deadlines count from here)."""
    classes: list[str] = Field(default_factory=list, max_length=20)
    """Regime incident classes, `REGIME:CLASS`."""
    not_reportable: str | None = Field(default=None, max_length=2000)
    """Why no incident class of the case's regimes applies."""
    attack: str | None = Field(default=None, max_length=100)
    """The attack it came through, as red teams name their samples of it (CG432)."""


class SeverityIn(BaseModel):
    """A higher severity for a recorded incident, as `casegate incident rate` takes it."""

    severity: Literal["moderate", "high", "severe", "catastrophic"]
    """Above the incident's current severity (a rating at or below it is refused)."""
    reason: str = Field(min_length=3, max_length=2000)


class DomainIn(BaseModel):
    """A risk domain to add to a recorded incident, as `casegate incident add-domain` takes it."""

    domain: str = Field(min_length=1, max_length=200)
    """One of the case's risk domains or one its regimes' incident classes hint at, not among the
    incident's domains already (one it is in is refused)."""
    reason: str = Field(min_length=3, max_length=2000)


class AttackIn(BaseModel):
    """The attack a recorded incident came through, or that it came through none, as `casegate
    incident attack` takes it."""

    attack: str | None = Field(default=None, min_length=1, max_length=100)
    """As red teams name their samples of it, not among the incident's attacks already; omitted
    with `none`."""
    none: bool = False
    """It came through no attack on the safeguards (refused once an attack is named)."""
    reason: str = Field(min_length=3, max_length=2000)


class Written(BaseModel):
    index: int
    kind: str
    leaf_hash: str


def _written(e: Any) -> Written:
    return Written(index=e.index, kind=e.kind, leaf_hash=e.leaf_hash.hex())


def _verified(request: Request, p: Principal, case_id: str, envelope: dict[str, Any], expect: str,
              what: str) -> Any:
    """The envelope verified against the board's keyring as it is now: signed by the token's
    person, in a role both the token and the keyring give them, for this case, by someone the
    signed authors list of the version the case stands on does not name."""
    from ..sign import check_envelope, decode_payload

    b = board(request)
    keyring = b.keyring
    if keyring is None:
        raise HTTPException(409, "this board has no keyring: start it with --keyring")
    statement = decode_payload(envelope) or {}
    pred = statement.get("predicate", {}) if isinstance(statement, dict) else {}
    pred = pred if isinstance(pred, dict) else {}
    _acting_role(request, p, str(pred.get("role", "")), _signed_authors(request, case_id, _standing(request, case_id)))
    signed, reasons = check_envelope(envelope, keyring, dt.datetime.now(dt.UTC), what, expect=expect)
    if signed is None or reasons:
        raise HTTPException(422, "; ".join(reasons) or f"the {what} does not verify")
    if signed.person != p.person:
        raise HTTPException(403, f"the {what} is signed by {signed.person}, not by {p.person}")
    case = signed.predicate.get("case")
    if not isinstance(case, dict) or case.get("id") != case_id:
        raise HTTPException(422, f"the {what} is about another case, not {case_id!r}")
    return signed


def record_objection(request: Request, p: Principal, case_id: str, envelope: dict[str, Any], via: str) -> Any:
    """Verify a signed objection against the live keyring, then log it (its statement is what counts)."""
    from ..sign import OBJECTION
    from ..store import record_objection as rec

    signed = _verified(request, p, case_id, envelope, OBJECTION, "objection")
    reason = str(signed.predicate.get("reason") or "").strip()
    if len(reason) < 3:
        raise HTTPException(422, "the objection gives no reason")
    number = _objected_version(request, case_id, signed.predicate.get("case"))
    return rec(board(request).registry, case_id, role=signed.role, person=signed.person, reason=reason,
               version=number, envelope=envelope, via=via)


def _objected_version(request: Request, case_id: str, case: Any) -> int | None:
    """The stored version an objection's `case` names by its digest: the newest version with that
    content (the digest leaves the decision section out, so versions that differ only in their
    sign-offs share it). The log must say which version was objected to, not whichever happened to
    be the latest when the objection arrived. None when no version that loads has that content but
    one that does not load may have it (the board cannot tell: the objection is logged all the
    same, as dissent is never refused for the lab's unreadable files); 422 when every version loads
    and none has it."""
    from ..sign import case_digest

    b = board(request)
    digest = case.get("digest") if isinstance(case, dict) else None
    unreadable = False
    for row in sorted(b.registry.case_versions(case_id), key=lambda r: r.number, reverse=True):
        try:
            loaded = load_version(b.registry, case_id, row.number)
        except CasegateError:
            unreadable = True
            continue
        if loaded.case is None or loaded.policy_file is None:
            unreadable = True
        elif digest == case_digest(loaded):
            return int(row.number)
    if unreadable:
        return None
    raise HTTPException(422, "the objection is about content no stored version of this case has (its case "
                             f"digest is {str(digest)[:80]!r}): sign it over a version the registry holds "
                             "(`casegate object` on that version's files)")


def record_signoff(request: Request, p: Principal, case_id: str, envelope: dict[str, Any], via: str) -> Any:
    """Verify an uploaded sign-off envelope against the keyring and the stored version it signs
    (the latest, or the approved one when the latest does not load), then log it."""
    from ..sign import SIGNOFF, check_envelope, decode_payload
    from ..store import record_signoff as rec

    b = board(request)
    if b.keyring is None:
        raise HTTPException(409, "this board has no keyring: start it with --keyring")
    statement = decode_payload(envelope)
    pred = statement.get("predicate") if isinstance(statement, dict) else None
    if not isinstance(pred, dict):
        raise HTTPException(422, "the envelope holds no sign-off statement (its predicate is not an object)")
    role = str(pred.get("role", ""))
    _require_case(request, case_id)
    number = _signed_version(request, case_id, pred.get("case"))
    _acting_role(request, p, role, _signed_authors(request, case_id, number))
    signed, reasons = check_envelope(envelope, b.keyring, dt.datetime.now(dt.UTC), "sign-off",
                                     expect=SIGNOFF)
    if signed is None or reasons:
        raise HTTPException(422, "; ".join(reasons) or "the envelope does not verify")
    if signed.predicate != pred:  # role, person and version were read above from the unverified decoding
        raise HTTPException(422, "the envelope's payload reads differently when verified: encode it as "
                                 "`casegate sign` does (standard base64)")
    signer = str(pred.get("person", ""))
    if signer != p.person:
        raise HTTPException(403, f"the envelope is signed by {signer}, not by {p.person}")
    return rec(b.registry, case_id, role=role, person=p.person, version=number, envelope=envelope, via=via)


def _signed_version(request: Request, case_id: str, case: Any) -> int:
    """The stored version a sign-off's `case` names by its digest: the latest, or the version the
    case stands on when the latest does not load; 422 when it names neither."""
    from ..sign import case_digest

    b = board(request)
    if not isinstance(case, dict) or case.get("id") != case_id:
        raise HTTPException(422, "the sign-off is for another case or another version of it")
    latest = _case_or_404(request, case_id).latest_version
    unreadable = None
    # the version under review is the latest; the one the case stands on only stands in for it
    # while the latest does not load (a sign-off of an older version that loads is refused: it
    # would be listed on the review page beside the latest version's required roles)
    for number in dict.fromkeys([latest, _standing(request, case_id)]):
        try:
            loaded = load_version(b.registry, case_id, number)
        except CasegateError as e:
            unreadable = unreadable_note(number, e)
            continue
        if loaded.case is not None and case.get("digest") == case_digest(loaded):
            return int(number) if number is not None else 0
        break  # this version loads: it is the one a sign-off must be for
    raise HTTPException(422, "the sign-off is for another case or another version of it"
                        + (f" ({unreadable})" if unreadable else
                           f": the version under review is version {latest}; sign it (`casegate sign`) and "
                           "upload that envelope"))


@router.post("/cases/{case_id}/objections", response_model=Written, status_code=201, tags=["review"])
def post_objection(request: Request, case_id: str, body: ObjectionIn,
                   p: Principal = Depends(writer)) -> Written:
    """Record a signed objection (`casegate object` writes the envelope): signed by the token's
    person in a role the token and the keyring give them. Unsigned objections are refused."""
    return _written(record_objection(request, p, case_id, body.envelope, "api"))


def record_answer(request: Request, p: Principal, case_id: str, index: int, envelope: dict[str, Any],
                  via: str) -> Any:
    """Verify a signed answer (or acceptance, or upholding) of the signed objection logged at
    `index`, against the live keyring and the case's policy, then log it. An answer is signed by
    someone other than the objector in a role the policy lets answer; an acceptance by the
    objector (or the escalation role when the policy says so); an upholding by the escalation role."""
    from ..sign import (
        ANSWER,
        OBJECTION,
        acceptance_refused,
        answer_refused,
        answer_roles,
        check_dissent,
        check_envelope,
        envelope_sha256,
        gather,
    )

    b = board(request)
    reg = b.registry
    target = next((e for e in reg.events(case_id=case_id, kind="objection") if e.index == index), None)
    if target is None:
        raise HTTPException(404, f"no objection at log entry {index} for {case_id!r}")
    signed = _verified(request, p, case_id, envelope, ANSWER, "answer")
    oenv = target.payload.get("envelope")
    if not isinstance(oenv, dict):
        raise HTTPException(409, "the objection at that log entry is not signed, so no signed answer can name it")
    if signed.predicate.get("objection_envelope") != envelope_sha256(oenv):
        raise HTTPException(422, "the answer is to another objection (its objection_envelope does not match)")
    objection, _ = check_envelope(oenv, b.keyring, dt.datetime.now(dt.UTC), "objection", expect=OBJECTION)
    if objection is None:
        raise HTTPException(409, "the objection's signature no longer verifies against the keyring")
    # judged under the policy of the version the case stands on (the approved one): a later,
    # unapproved version cannot change who may answer or accept
    number = _standing(request, case_id)
    try:
        loaded = load_version(reg, case_id, number)
    except CasegateError as e:
        raise HTTPException(409, unreadable_note(number, e) + " Its policy cannot say who may answer.") from None
    if loaded.policy is None or loaded.case is None:
        raise HTTPException(409, "the stored case does not load, so its policy cannot say who may answer")
    from ._views import unpinned_policy

    unpinned = unpinned_policy(loaded, b.trust_now()["trust"])
    if unpinned is not None:
        raise HTTPException(409, unpinned + ": approve a version under a policy the trust root pins, or "
                                 "pin this one (`casegate trust rotate`)")
    pol = loaded.policy.signoff
    boundary = loaded.case.boundary.kind if loaded.case.boundary else None
    esc = pol.escalate_to if pol.answer_accepted_by == "escalation" else None
    kind = str(signed.predicate.get("kind", "answer"))
    allowed = answer_roles(pol, boundary)
    # the gate's own rules (`answer_refused`, `acceptance_refused`, as `resolve` applies them): the
    # board logs no answer or acceptance the gate would not count, so none it shows as given is open
    if kind == "answer":
        why = answer_refused(objection, signed, allowed)
        if why is not None:
            raise HTTPException(403, why)
        if len(str(signed.predicate.get("answer") or "").strip()) < 3:
            raise HTTPException(422, "the answer has no text")
    elif kind == "accept":
        sha = envelope_sha256(oenv)
        logged = [e.payload.get("envelope") for e in reg.events(case_id=case_id, kind="objection-answer")
                  if e.payload.get("objection") == index and isinstance(e.payload.get("envelope"), dict)]
        answers, _ = check_dissent(logged, b.keyring, dt.datetime.now(dt.UTC), case_id, ANSWER, "answer")
        # and those signed into the version the case stands on (`casegate answer` writes them
        # beside the case): verify reads both
        answers += gather(loaded, b.keyring, dt.datetime.now(dt.UTC)).answers
        counting = {envelope_sha256(a.envelope): a for a in answers
                    if a.predicate.get("objection_envelope") == sha and a.predicate.get("kind", "answer") == "answer"
                    and answer_refused(objection, a, allowed) is None}
        target = counting.get(str(signed.predicate.get("accepts")))
        if target is None:
            raise HTTPException(422, "the acceptance names no answer to that objection that counts (logged on this "
                                     "board or signed into the version the case stands on): upload the answer "
                                     "first (`casegate answer`), then its acceptance")
        why = acceptance_refused(objection, signed, target, esc)
        if why is not None:
            raise HTTPException(403, why)
    elif kind == "uphold":
        if not esc or signed.role != esc:
            raise HTTPException(403, "only the policy's escalation role upholds an objection")
    else:
        raise HTTPException(422, f"unknown answer kind {kind!r}")
    return reg.record("objection-answer", case_id, {
        "objection": index, "role": signed.role, "person": signed.person, "kind": kind,
        "answer": signed.predicate.get("answer"), "envelope": envelope, "via": via})


@router.post("/cases/{case_id}/objections/{index}/answer", response_model=Written, status_code=201,
             tags=["review"])
def post_answer(request: Request, case_id: str, index: int, body: AnswerIn,
                p: Principal = Depends(writer)) -> Written:
    """Record a signed answer, acceptance or upholding (`casegate answer` writes the envelope) of
    the signed objection logged at `index`. Whether the objection still blocks is decided from the
    signed statements (an answer counts once the objector, or the policy's escalation role,
    accepts it). Unsigned answers are refused."""
    return _written(record_answer(request, p, case_id, index, body.envelope, "api"))


@router.post("/cases/{case_id}/signoffs", response_model=Written, status_code=201, tags=["review"])
def post_signoff(request: Request, case_id: str, body: SignoffIn, p: Principal = Depends(writer)) -> Written:
    """Record a signed sign-off (a DSSE envelope made with `casegate sign`)."""
    return _written(record_signoff(request, p, case_id, body.envelope, "api"))


@router.post("/cases/{case_id}/incidents", response_model=Written, status_code=201, tags=["incidents"])
def post_incident(request: Request, case_id: str, body: IncidentIn, p: Principal = Depends(writer)) -> Written:
    """Report an incident linked to the case, as `casegate incident report` does: its domain must
    be a risk domain of the version the case stands on, it records the claims it defeats there,
    and the regime reports it owes with their deadlines; then the case's triggers run at once
    (the command's default), so a trigger the incident matches reopens, restricts or withdraws
    the case now, not at the next `triggers run`. Only reviewer roles both the token
    and the keyring give the person may (not authors or viewers)."""
    from pydantic import ValidationError

    from ..monitor import Incident, report_incident, run_triggers

    _require_case(request, case_id)
    _reviewer_roles(request, p, "report incidents on the board")
    try:
        incident = Incident.model_validate(body.model_dump(mode="json") | {"case": case_id, "reported_by": p.person})
    except ValidationError as e:
        first = e.errors()[0]
        where = ".".join(str(x) for x in first.get("loc", ())) or "incident"
        raise HTTPException(422, f"{where}: {first.get('msg', 'invalid')}") from None
    reg = board(request).registry
    entry = report_incident(reg, incident)
    # until a trigger run judges it, the logged incident changes nothing `verify` reads: the
    # case would stay approved (and deploy) however grave the incident its own trigger names
    run_triggers(reg, case_id=case_id, keyring=board(request).keyring)
    return _written(entry)


@router.post("/cases/{case_id}/incidents/{index}/severity", response_model=Written, status_code=201,
             tags=["incidents"])
def post_incident_severity(request: Request, case_id: str, index: int, body: SeverityIn,
                           p: Principal = Depends(writer)) -> Written:
    """Raise the severity of a recorded incident, as `casegate incident rate` does: the board
    records who raised it; a severity at or below the incident's current one is refused (400:
    nobody lowers one), and the case's triggers run at once, reading the incident at its raised
    severity. Only reviewer roles both the token and the keyring give the person may."""
    from ..model import Severity
    from ..monitor import raise_severity, run_triggers

    _require_case(request, case_id)
    _reviewer_roles(request, p, "raise an incident's severity on the board")
    reg = board(request).registry
    entry = raise_severity(reg, case_id, index, Severity(body.severity), by=p.person, reason=body.reason)
    run_triggers(reg, case_id=case_id, keyring=board(request).keyring)
    return _written(entry)


@router.post("/cases/{case_id}/incidents/{index}/domains", response_model=Written, status_code=201,
             tags=["incidents"])
def post_incident_domain(request: Request, case_id: str, index: int, body: DomainIn,
                         p: Principal = Depends(writer)) -> Written:
    """Add a risk domain to a recorded incident, as `casegate incident add-domain` does: the board
    records who added it; a domain the incident is in already, or one neither the case nor its
    regimes name, is refused (400: nobody removes one), and the case's triggers run at once,
    reading the incident in every domain it is in. Only reviewer roles both the token and the
    keyring give the person may."""
    from ..monitor import add_domain, run_triggers

    _require_case(request, case_id)
    _reviewer_roles(request, p, "add a domain to an incident on the board")
    reg = board(request).registry
    entry = add_domain(reg, case_id, index, body.domain, by=p.person, reason=body.reason)
    run_triggers(reg, case_id=case_id, keyring=board(request).keyring)
    return _written(entry)


@router.post("/cases/{case_id}/incidents/{index}/attacks", response_model=Written, status_code=201,
             tags=["incidents"])
def post_incident_attack(request: Request, case_id: str, index: int, body: AttackIn,
                         p: Principal = Depends(writer)) -> Written:
    """Name the attack a recorded incident came through, or record that it came through none, as
    `casegate incident attack` does: the board records who named it; an attack the incident names
    already, or none for one that names an attack, is refused (400: nobody takes one away). Only
    reviewer roles both the token and the keyring give the person may."""
    from ..monitor import name_attack

    _require_case(request, case_id)
    _reviewer_roles(request, p, "name an incident's attack on the board")
    if (body.attack is None) == (not body.none):
        raise HTTPException(422, "give the attack or none: one of the two")
    entry = name_attack(board(request).registry, case_id, index, body.attack, by=p.person, reason=body.reason)
    return _written(entry)


@router.post("/cases/{case_id}/gate", response_model=GateRun, tags=["gate"], responses={
    403: {"model": ApiError,
          "description": "authors and viewers may not run the gate (its decision joins the public history)"},
    429: {"model": ApiError, "description": "over the gate-run limit of the token's role"}})
def post_gate(request: Request, case_id: str, p: Principal = Depends(writer)) -> dict[str, Any]:
    """Run the gate on the latest stored version, compared with the version submitted before it
    and the last approved one, and record the decision with who asked for the run.

    Only reviewer roles may: a recorded decision changes the board's latest decision and the
    public history. Runs are limited per token (`GATE_RUN_LIMITS`), more tightly for reviewers
    who do not decide."""
    from ..gate import run_gate
    from ..monitor import comparison_for
    from ..store import record_decision
    from ..verify import gate_inputs
    from ._guards import gate_run_allowed

    # the roles the limit and the logged actor name are those the keyring confirms, never the
    # token's word alone
    roles = _reviewer_roles(request, p, "run the gate (its decision joins the public history)")
    if not gate_run_allowed(p.token_id or p.person, roles):
        raise HTTPException(429, "too many gate runs for this token: try again later")
    v = _case_or_404(request, case_id)
    reg = board(request).registry
    loaded = load_version(reg, case_id, v.latest_version)
    keyring = board(request).keyring
    # exactly what `casegate gate` does: a sign-off line counts only when its envelope (stored
    # with the version) verifies against the board's keyring; evidence attestations and waivers
    # are verified against it too, all as of today
    day = dt.date.today()
    inputs = gate_inputs(loaded, keyring, day)
    loaded = inputs.loaded
    rec = run_gate(loaded, today=day, waivers=inputs.waivers, waiver_problems=inputs.waiver_problems,
                   comparison=comparison_for(reg, loaded, keyring=keyring) if loaded.case is not None else None)
    # the log names the stored version's files, not the folder the board wrote them to
    rec = stored_record(rec)
    e = record_decision(board(request).registry, rec, version=v.latest_version,
                        actor={"person": p.person, "roles": sorted(roles), "via": "board"})
    return {"index": e.index, "outcome": rec.outcome, "signoffs_declared_not_signed": inputs.declared}


# ------------------------------------------------------------------------------------ public


@router.get("/public/cases", response_model=list[PublicCaseSummary], tags=["public"])
def public_cases(request: Request) -> list[dict[str, Any]]:
    """Published summaries only (redacted; nothing unpublished or confidential)."""
    out = []
    for v in case_list(board(request).registry):
        if v.published is not None:
            out.append({"id": v.case_id, "state": v.state, "summary_sha256": v.published.get("summary_sha256"),
                        "judgement": held_to_index(v.published)})
    return out


@router.get("/public/cases/{case_id}", response_model=PublicCase, tags=["public"])
def public_case(request: Request, case_id: str) -> dict[str, Any]:
    """A published summary."""
    v = case_view(board(request).registry, case_id)
    if v is None or v.published is None:
        raise HTTPException(404, f"no published summary for {case_id!r}")
    return {"id": case_id, "state": v.state, "summary": v.published.get("summary"),
            "judgement": held_to_index(v.published)}


@router.get("/log/checkpoint", response_model=CheckpointOut, tags=["log"])
def checkpoint(request: Request) -> dict[str, Any]:
    """The latest signed checkpoint (C2SP signed note) and the current tree size."""
    reg = board(request).registry
    return {"size": reg.size(), "checkpoint": reg.latest_checkpoint()}


@router.get("/log/inclusion/{index}", response_model=InclusionProofOut, tags=["log"])
def inclusion(request: Request, index: int, size: int | None = Query(default=None, ge=1)) -> dict[str, Any]:
    """RFC 9162 inclusion proof of entry `index` in the tree of `size` (default: current)."""
    try:  # one call: a size the registry has seen is answered from its proof cache
        proof = board(request).registry.prove_inclusion(index, size)
    except InputError:
        raise HTTPException(404, "no such entry in a tree of that size") from None
    return dict(proof.to_json())


@router.get("/log/consistency", response_model=ConsistencyProofOut, tags=["log"])
def consistency(request: Request, old: int = Query(ge=1), new: int | None = Query(default=None, ge=1)) -> dict[str, Any]:
    """RFC 9162 consistency proof between two tree sizes."""
    try:
        proof = board(request).registry.prove_consistency(old, new)
    except InputError:
        raise HTTPException(404, "sizes out of range") from None
    return dict(proof.to_json())


def evidence_rows(loaded: Any, keyring: Any = None) -> list[dict[str, Any]]:
    """Evidence table rows: id, kind, producer, digest, basis and, for counts, the one-sided upper
    bound the gate decides on (the policy's confidence and interval method) beside the interval; the
    values as the version's stored artifacts show them (as the gate counts them), independence
    as the attestations verified against `keyring` now show it (none without a keyring)."""
    from ..evidence import facts_for, rehash_artifacts
    from ..evidence.stats import clopper_pearson, upper_bound
    from ..sign import with_attestations

    if loaded.case is None:
        return []
    loaded = with_attestations(loaded, keyring, dt.datetime.now(dt.UTC))
    case, facts = facts_for(loaded, rehash_artifacts(loaded))
    conf = loaded.policy.confidence if loaded.policy else 0.95
    method = loaded.policy.interval if loaded.policy else "clopper-pearson"
    rows = []
    for eid, e in case.evidence.items():
        r = e.result
        stat = None
        if r is not None and r.trials:
            lo, hi = clopper_pearson(r.successes or 0, r.trials, conf)
            stat = {"successes": r.successes, "trials": r.trials, "interval": [lo, hi],
                    "upper_bound": upper_bound(r.successes or 0, r.trials, conf, method),
                    "confidence": conf, "method": method}
        elif r is not None and r.attempts:
            stat = {"bypasses": r.bypasses, "attempts": r.attempts,
                    "upper_bound": upper_bound(r.bypasses or 0, r.attempts, conf, method),
                    "confidence": conf, "method": method}
        rows.append({"id": eid, "kind": e.kind, "title": e.title, "producer": e.producer,
                     "independent": e.independent, "date": e.date.isoformat(), "sha256": e.sha256,
                     "confidentiality": e.confidentiality.value, "statistics": stat,
                     "basis": facts.basis(eid) if facts is not None else "declared"})
    return rows
