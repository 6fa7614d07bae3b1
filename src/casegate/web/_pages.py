"""Server-rendered pages: the case list, a case page, the review page, and the public registry."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Depends, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse, PlainTextResponse, RedirectResponse, Response

from ..errors import CasegateError, InputError
from ._api import (
    board,
    evidence_rows,
    in_scope,
    record_objection,
    record_signoff,
    refuse_withheld_write,
    withheld,
)
from ._app import SESSION_COOKIE, client_address
from ._guards import (
    SESSION_SECONDS,
    csrf_ok,
    csrf_token,
    flash_sig,
    read_session,
    same_mac,
    same_origin_path,
    sign_session,
)
from ._tokens import Principal
from ._views import (
    argument_svg,
    case_file_standings,
    case_list,
    case_view,
    decision_charts,
    deploy_now,
    incident_domains_shown,
    incident_severities,
    load_version,
    objection_standings,
    published_condition_marks,
    readable_version,
    readings_not_counted,
    stored_findings,
    timeline_events,
)

router = APIRouter(include_in_schema=False, dependencies=[Depends(in_scope)])


def _render(request: Request, name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
    b = board(request)
    p: Principal = b.principal(request)
    sid = read_session(b.secret, request.cookies.get(SESSION_COOKIE))  # only a session the board signed
    ctx.update(request=request, who=p, csrf=csrf_token(b.secret, sid) if sid else "")
    resp: HTMLResponse = b.templates.TemplateResponse(request, name, ctx, status_code=status)
    return resp


def _login_required(request: Request) -> Principal | Response:
    p: Principal = board(request).principal(request)
    if p.is_public:
        from urllib.parse import quote

        return RedirectResponse(f"/login?next={quote(request.url.path)}", status_code=303)
    return p


def _check_csrf(request: Request, presented: str | None) -> None:
    secret = board(request).secret
    if not csrf_ok(secret, read_session(secret, request.cookies.get(SESSION_COOKIE)), presented):
        raise HTTPException(403, "the form's CSRF token is missing or wrong: reload the page and try again")


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> Response:
    p = _login_required(request)
    if isinstance(p, Response):
        return RedirectResponse("/public", status_code=303)
    b = board(request)
    cases = [c for c in case_list(b.registry) if p.may_see(c.case_id)]
    return _render(request, "cases.html", cases=cases,
                   states={c.case_id: deploy_now(b.registry, c.case_id, b.keyring, **b.trust_now()) for c in cases})


LOGIN_COOKIE = "casegate_login"


def _login_page(request: Request, next: str, status: int = 200, error: str | None = None) -> Response:
    """The sign-in form, bound to a fresh nonce cookie: a cross-site page cannot post the form
    (login CSRF), since the strict same-site cookie is not sent with its request."""
    import secrets

    b = board(request)
    nonce = secrets.token_urlsafe(24)
    resp = _render(request, "login.html", status=status, next=same_origin_path(next), error=error,
                   login_csrf=csrf_token(b.secret, nonce, "login"))
    resp.set_cookie(LOGIN_COOKIE, nonce, max_age=3600, httponly=True, samesite="strict",
                    secure=request.url.scheme == "https")
    return resp


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str = "/") -> Response:
    return _login_page(request, next)


@router.post("/login")
def login(request: Request, token: str = Form(...), next: str = Form("/"), csrf: str = Form("")) -> Response:
    b = board(request)
    nonce = request.cookies.get(LOGIN_COOKIE)
    if not csrf_ok(b.secret, nonce, csrf, "login"):
        return _login_page(request, next, status=403,
                           error="the sign-in form expired or came from another site: sign in again here")
    address = client_address(request)
    if b.sign_ins.blocked(address):  # a right token too: a guesser learns nothing past the limit
        return _login_page(request, next, status=429,
                           error="too many failed sign-ins from this address: wait a minute and try again")
    p = b.tokens.authenticate(token.strip())
    if p is None:
        b.sign_ins.failed(address)
        return _login_page(request, next, status=401, error="unknown or revoked token")
    old = read_session(b.secret, request.cookies.get(SESSION_COOKIE))
    b.sessions.end(old)  # a new session id at every sign-in (no session fixation)
    sid = b.sessions.start(p.token_id or "")
    resp = RedirectResponse(same_origin_path(next), status_code=303)
    resp.set_cookie(SESSION_COOKIE, sign_session(b.secret, sid), max_age=SESSION_SECONDS, httponly=True,
                    samesite="strict", secure=request.url.scheme == "https")
    resp.delete_cookie(LOGIN_COOKIE)
    return resp


@router.post("/logout")
def logout(request: Request, csrf: str = Form("")) -> Response:
    b = board(request)
    sid = read_session(b.secret, request.cookies.get(SESSION_COOKIE))
    if not csrf_ok(b.secret, sid, csrf):
        raise HTTPException(403, "the form's CSRF token is missing or wrong: reload the page and try again")
    b.sessions.end(sid)  # the cookie no longer signs anyone in
    resp = RedirectResponse("/public", status_code=303)
    resp.delete_cookie(SESSION_COOKIE, httponly=True, samesite="strict", secure=request.url.scheme == "https")
    return resp


@router.get("/cases/{case_id}", response_class=HTMLResponse)
def case_page(request: Request, case_id: str) -> Response:
    p = _login_required(request)
    if isinstance(p, Response):
        return p
    b = board(request)
    reg = b.registry
    v = case_view(reg, case_id)
    if v is None:
        raise HTTPException(404, f"no case {case_id!r}")
    w = withheld(request, p, case_id)
    if w is not None:
        return _withheld_case(request, v, w, p)
    loaded, _shown, note = readable_version(reg, case_id, v.latest_version)
    findings = _findings(v.decision)
    from ..regime import regime_overview
    from ..render import timeline_chart

    timeline = timeline_chart(timeline_events(v.events))
    diff = _diff_since_approved(reg, case_id, v.latest_version, keyring=b.keyring)
    standings = objection_standings(reg, case_id, v.events, b.keyring, b.trust_now()["trust"], b.keyring_digest())
    uncounted = readings_not_counted(reg, case_id, b.keyring)
    if loaded is None:  # no stored version loads: the state, decision and history only
        return _render(request, "case.html", v=v, d=v.decision or {}, evidence=[], now=deploy_now(reg, case_id, b.keyring, **b.trust_now()),
                       charts=[], timeline=timeline, svg="", loaded=None, diff=diff, protocols=[], regimes=[],
                       unreadable=note, standings=standings, uncounted=uncounted)
    return _render(request, "case.html", v=v, d=v.decision or {}, evidence=evidence_rows(loaded, b.keyring),
                   standings=standings, uncounted=uncounted,
                   now=deploy_now(reg, case_id, b.keyring, **b.trust_now()),
                   charts=decision_charts(loaded, v.decision, keyring=b.keyring), timeline=timeline,
                   svg=argument_svg(loaded, findings, public=False), loaded=loaded, diff=diff,
                   protocols=_protocols(reg, loaded, b.keyring),
                   regimes=regime_overview(loaded, reg, dt.datetime.now(dt.UTC), b.keyring), unreadable=note)


def _withheld_case(request: Request, v: Any, w: Any, p: Principal) -> Response:
    """The case page for a token whose ceiling is below what the case holds: the case as the
    public summary shows it, built at the token's ceiling, the deploy state's public causes, the
    public history, and what was withheld and why."""
    from ..publish import (
        diagram_findings,
        diagram_redactions,
        readable_case,
        summary_basis,
        withheld_ids,
    )
    from ..render import diagram_svg, timeline_chart
    from ._withheld import ceiling_view

    b = board(request)
    reg = b.registry
    view = ceiling_view(reg, v, p.ceiling)
    s = view.summary.model_dump(mode="json") if view is not None else {}
    charts: list[str] = []
    svg = ""
    if view is not None:
        charts = decision_charts(view.loaded, s.get("decision"), withheld_ids(view.summary), b.keyring)
        svg = diagram_svg(readable_case(view.loaded), diagram_findings(view.summary), diagram_redactions(view.summary),
                          True, summary_basis(view.summary))
    history = [e for e in v.events if e.kind in ("state-change", "incident", "trigger", "publication", "decision")]
    return _render(request, "withheld_case.html", v=v, w=w, s=s, public=True, history=history,
                   severities=incident_severities(v.events), domains=incident_domains_shown(v.events),
                   lead=_public_lead(s) if s else [], titled=_titler(s), charts=charts, svg=svg,
                   shown_version=view.version if view is not None else None,
                   timeline=timeline_chart(timeline_events([e for e in v.events if e.kind != "condition"])),
                   now=deploy_now(reg, v.case_id, b.keyring, **b.trust_now()),
                   diff=_diff_since_approved(reg, v.case_id, v.latest_version, public=True, keyring=b.keyring))


def _protocols(reg: Any, loaded: Any, keyring: Any) -> list[dict[str, Any]]:
    """The evaluation protocols registered (signed and logged) for the thresholds of the case's
    policy, oldest first, each verified against the board's keyring as the gate verifies it."""
    from ..monitor import registered_protocols
    from ..sign import Keyring

    if loaded.policy is None:
        return []
    ring = keyring if isinstance(keyring, Keyring) else None
    return [{"id": p.id, "threshold": p.threshold, "person": p.person, "role": p.role, "logged_at": p.logged_at,
             "log_index": p.log_index, "plan": "; ".join(f"{k}: {v}" for k, v in p.plan.items()),
             "problem": p.problems[0] if p.problems else None}
            for p in registered_protocols(reg, loaded.policy.id, ring)]


def _diff_since_approved(reg: Any, case_id: str, latest: int | None, *, public: bool = False,
                         keyring: Any = None) -> Any:
    """The diff of the latest version against the last version approved before it (redacted for
    the public page), or None when there is no such version. The older version's conditions are
    met only by signed confirmations that count against the board's keyring."""
    from ..diff import SECTIONS, redacted
    from ..monitor import last_approved_before, public_commitments, version_diff
    from ..sign import Keyring

    base = last_approved_before(reg, case_id, latest) if latest is not None else None
    if base is None or latest is None:
        return None
    try:
        d = version_diff(reg, case_id, base, latest, keyring=keyring if isinstance(keyring, Keyring) else None)
    except CasegateError as e:  # a stored version that does not load: the page shows the rest
        from ._views import unreadable_note

        return {"note": unreadable_note(latest, e) + f" What changed since version {base} cannot be shown."}
    if public:
        d = redacted(d, commitments=public_commitments(reg, case_id))
    titles = dict(SECTIONS)
    return {"old": d.old, "new": d.new, "groups": [(titles[k], d.section(k)) for k in titles if d.section(k)]}


def _findings(decision: dict[str, Any] | None) -> list[Any]:
    from ..model import Finding

    return stored_findings([Finding.model_validate(f) for f in (decision or {}).get("findings", [])])


@router.get("/cases/{case_id}/review", response_class=HTMLResponse)
def review_page(request: Request, case_id: str, msg: str | None = None, error: str | None = None,
                sig: str | None = None) -> Response:
    p = _login_required(request)
    if isinstance(p, Response):
        return p
    b = board(request)
    v = case_view(b.registry, case_id)
    if v is None:
        raise HTTPException(404, f"no case {case_id!r}")
    w = withheld(request, p, case_id)
    loaded, _shown, note = readable_version(b.registry, case_id, v.latest_version)
    roles = sorted(set(p.roles) & b.keyring_roles(p.person)) if w is None else []
    required = _required_roles(loaded)
    dec = loaded.case.decision if loaded is not None and loaded.case is not None else None
    msg, error = _signed_flash(request, "msg", msg, sig), _signed_flash(request, "error", error, sig)
    case_objections: Any = dec.objections if dec else {}
    # where the case file's objections stand as the gate judges them, never as the file says
    case_standings: Any = {}
    if w is None and dec is not None:
        case_objections, case_standings = case_file_standings(loaded, b.keyring, b.trust_now()["trust"],
                                                              b.keyring_digest())
    if w is not None:
        # the case file's objections as the summary at the token's ceiling shows them; the
        # registry's without their text (see the template)
        from ._withheld import ceiling_view

        view = ceiling_view(b.registry, v, p.ceiling)
        case_objections = {o.id: o for o in (view.summary.dissent.objections if view is not None else [])
                           if not o.id.startswith("log-")}
        note = "A stored version of this case does not load." if note else None
    return _render(request, "review.html", v=v, roles=roles, required=required, msg=msg, error=error,
                   unreadable=note, standings=objection_standings(b.registry, case_id, v.events, b.keyring,
                                                  b.trust_now()["trust"], b.keyring_digest()),
                   now=deploy_now(b.registry, case_id, b.keyring, **b.trust_now()), w=w, public=w is not None,
                   case_signoffs=dec.signoffs if dec else [], case_objections=case_objections,
                   case_standings=case_standings)


def _flash_sig(request: Request, kind: str, text: str) -> str:
    return flash_sig(board(request).secret, kind, text)


def _flash(request: Request, case_id: str, kind: str, text: str) -> Response:
    """Back to the review page with a message the board wrote: signed, so a link from anywhere
    else cannot make the board show text of its choosing as a success or an error."""
    from urllib.parse import quote, urlencode

    query = urlencode({kind: text, "sig": _flash_sig(request, kind, text)})
    return RedirectResponse(f"/cases/{quote(case_id)}/review?{query}", status_code=303)


def _signed_flash(request: Request, kind: str, text: str | None, sig: str | None) -> str | None:
    if text is None or not sig or not same_mac(_flash_sig(request, kind, text), sig):
        return None
    return text


def _required_roles(loaded: Any) -> list[str]:
    if loaded is None or loaded.policy is None or loaded.case is None or loaded.case.boundary is None:
        return []
    _, reqs = loaded.policy.signoff.required_for(loaded.case.boundary.kind)
    return [f"{r.role} x{r.min}" if r.min > 1 else r.role for r in reqs]


def _uploaded_object(raw: bytes) -> dict[str, Any]:
    """An uploaded envelope file read as a JSON object, its nesting checked before it is parsed;
    ValueError saying why it is not one."""
    from ..limits import strict_json

    try:
        env = strict_json(raw, "the uploaded file")
    except InputError as e:
        raise ValueError(e.message) from None
    if not isinstance(env, dict):
        raise ValueError("not a JSON object")
    return env


@router.post("/cases/{case_id}/review/objection")
async def review_object(request: Request, case_id: str, envelope: UploadFile, csrf: str = Form("")) -> Response:
    """Upload a signed objection (`casegate object` writes it); an unsigned one is never recorded."""
    p = _login_required(request)
    if isinstance(p, Response):
        return p
    _check_csrf(request, csrf)
    if not board(request).limiter.allow(p.token_id or "?"):
        raise HTTPException(429, "too many writes: slow down")
    try:
        refuse_withheld_write(request, p, case_id)
        env = _uploaded_object(await envelope.read(200_000))
        record_objection(request, p, case_id, env, "web")
    except HTTPException as e:
        return _flash(request, case_id, "error", str(e.detail))
    except ValueError as e:
        return _flash(request, case_id, "error", f"the file is not a signed objection: {e}"[:300])
    return _flash(request, case_id, "msg", "objection recorded")


@router.post("/cases/{case_id}/review/signoff")
async def review_signoff(request: Request, case_id: str, envelope: UploadFile, csrf: str = Form("")) -> Response:
    p = _login_required(request)
    if isinstance(p, Response):
        return p
    _check_csrf(request, csrf)
    if not board(request).limiter.allow(p.token_id or "?"):
        raise HTTPException(429, "too many writes: slow down")
    raw = await envelope.read(1 << 20)
    try:
        refuse_withheld_write(request, p, case_id)
        env = _uploaded_object(raw)
        record_signoff(request, p, case_id, env, "web")
    except HTTPException as e:
        return _flash(request, case_id, "error", str(e.detail))
    except ValueError as e:
        return _flash(request, case_id, "error", f"the file is not a sign-off envelope: {e}"[:300])
    return _flash(request, case_id, "msg", "sign-off recorded")


# ------------------------------------------------------------------------------------ public


@router.get("/public", response_class=HTMLResponse)
def public_list(request: Request) -> Response:
    b = board(request)
    cases = [v for v in case_list(b.registry) if v.published is not None]
    return _render(request, "public_list.html", cases=cases, public=True,
                   states={c.case_id: deploy_now(b.registry, c.case_id, b.keyring, **b.trust_now()) for c in cases})


@router.get("/public/cases/{case_id}", response_class=HTMLResponse)
def public_case(request: Request, case_id: str) -> Response:
    b = board(request)
    reg = b.registry
    v = case_view(reg, case_id)
    if v is None or v.published is None:
        raise HTTPException(404, "no published summary for this case")
    summary = v.published.get("summary") or {}
    history = [e for e in v.events if e.kind in ("state-change", "incident", "trigger", "publication", "decision")]
    from ..render import timeline_chart

    now = deploy_now(reg, case_id, b.keyring, **b.trust_now())
    from ..monitor import current_approval

    approval = current_approval(reg, case_id)
    return _render(request, "public_case.html", v=v, s=summary, history=history, public=True,
                   summary_of=v.published.get("version"), approved=approval.version if approval else None,
                   severities=incident_severities(v.events), domains=incident_domains_shown(v.events),
                   lead=_public_lead(summary), withheld_words=_withheld_words(summary), titled=_titler(summary), charts=_public_charts(reg, v, summary, b.keyring),
                   timeline=timeline_chart(timeline_events([e for e in v.events if e.kind != "condition"])),
                   now=now, marks=published_condition_marks(reg, case_id, v.published, b.keyring, now.at),
                   diff=_diff_since_approved(reg, case_id, v.latest_version, public=True, keyring=b.keyring))


@router.get("/public/cases/{case_id}/summary", response_class=HTMLResponse)
def public_summary(request: Request, case_id: str) -> Response:
    """The published summary exactly as `casegate publish` renders it (redacted at publication)."""
    from ..publish import PublicSummary, summary_html

    v = case_view(board(request).registry, case_id)
    if v is None or v.published is None:
        raise HTTPException(404, "no published summary for this case")
    summary = PublicSummary.model_validate(v.published.get("summary") or {})
    b = board(request)
    return HTMLResponse(summary_html(summary, _public_diagram(b.registry, v, summary),
                                     _public_charts(b.registry, v, v.published.get("summary") or {}, b.keyring)))


def _public_lead(summary: dict[str, Any]) -> list[str]:
    """The published summary's plain-language lead (none when the stored summary does not read
    as one: the page then shows the rest without it)."""
    from ..publish import PublicSummary, plain_lead

    try:
        return plain_lead(PublicSummary.model_validate(summary))
    except ValueError:
        return []


def _withheld_words(summary: dict[str, Any]) -> str | None:
    """How many findings' words the published summary withholds, by severity (None: none, or the
    stored summary does not read as one)."""
    from ..publish import PublicSummary, withheld_findings

    try:
        return withheld_findings(PublicSummary.model_validate(summary))
    except ValueError:
        return None


def _titler(summary: dict[str, Any]) -> Any:
    """Text -> the same text with each id the published summary titles followed by its title."""
    from ..publish import PublicSummary, Titler, glossary

    try:
        terms = glossary(PublicSummary.model_validate(summary))
    except ValueError:
        terms = {}
    return Titler(terms)  # its pattern compiled once for every text of the page


def _published_version(reg: Any, v: Any, summary: dict[str, Any]) -> Any:
    """The registry version the published summary was made from (the latest when not recorded)."""
    number = (v.published or {}).get("version") or v.latest_version
    return load_version(reg, v.case_id, number)


def _public_charts(reg: Any, v: Any, summary: dict[str, Any], keyring: Any = None) -> list[str]:
    """The charts of the published version, every number the publication redacted withheld."""
    from ..publish import PublicSummary, withheld_ids

    try:
        s = PublicSummary.model_validate(summary)
    except ValueError:
        return []
    try:
        loaded = _published_version(reg, v, summary)
    except InputError:
        return []  # the stored version does not load here (a policy outside its folder): no charts
    return decision_charts(loaded, s.decision.model_dump(mode="json"), withheld_ids(s), keyring)


def _public_diagram(reg: Any, v: Any, summary: Any) -> str | None:
    """The redacted argument diagram, as `casegate publish` draws it into summary.svg."""
    from ..publish import diagram_findings, diagram_redactions, evidence_basis, readable_case
    from ..render import diagram_svg

    try:
        loaded = _published_version(reg, v, summary)
    except InputError:
        return None  # the stored version does not load here: the summary is shown without its diagram
    if loaded.case is None:
        return None
    return diagram_svg(readable_case(loaded), diagram_findings(summary), diagram_redactions(summary), True,
                       evidence_basis(loaded))


@router.get("/public/log", response_class=HTMLResponse)
def public_log(request: Request) -> Response:
    reg = board(request).registry
    from ..store import parse_checkpoint

    note = reg.latest_checkpoint()
    signed = parse_checkpoint(note).tree_size if note else 0
    return _render(request, "public_log.html", size=signed, checkpoint=note, vkey=reg.log_verifier_key(),
                   entries=reg.size(), tile0_width=min(signed, 255))


@router.get("/public/log/checkpoint")
def public_log_checkpoint(request: Request) -> Response:
    """The newest signed checkpoint, exactly as signed (a C2SP signed note)."""
    note = board(request).registry.latest_checkpoint()
    if note is None:
        raise HTTPException(404, "no checkpoint has been signed yet")
    return PlainTextResponse(note, media_type="text/plain; charset=utf-8", headers={"Cache-Control": "no-cache"})


@router.get("/public/log/tile/{path:path}")
def public_log_tile(request: Request, path: str) -> Response:
    """The log as C2SP tlog-tiles under /public/log/: hash tiles `tile/<L>/<N>[.p/<W>]` of the
    latest signed checkpoint's tree, built from the registry, for anyone (they and the checkpoint
    are all inclusion and consistency proofs need). The entry bundles `tile/entries/...` hold
    every entry's full text, redacted content included: they are served only to board tokens whose
    ceiling is the top level, and marked private so no shared cache keeps them. Immutable, so cacheable for good
    (partial ones briefly)."""
    from ..ledger import cache_control, is_entry_path, read_tile
    from ..store import parse_checkpoint

    b = board(request)
    full = f"tile/{path}"
    who = b.principal(request)
    if is_entry_path(full) and who.is_public:
        raise HTTPException(401, "the entry bundles hold every log entry's full text and are served only to "
                                 "board token holders whose ceiling is the top level (Authorization: Bearer "
                                 "<token>); the checkpoint and the hash tiles, all that proofs need, are public",
                            headers={"WWW-Authenticate": "Bearer"})
    if is_entry_path(full) and who.cases is not None:
        raise HTTPException(403, "the entry bundles hold every log entry's full text, of every case; this token "
                                 "is for some cases only, and they are served only to tokens for every case that "
                                 "read everything; the checkpoint and the hash tiles, all that proofs need, are "
                                 "public")
    if is_entry_path(full) and not who.reads_everything:
        raise HTTPException(403, f"the entry bundles hold every log entry's full text, whatever its case holds; "
                                 f"this token reads up to {who.ceiling.value}, and they are served only to tokens "
                                 "that read everything (`casegate token create --ceiling secret`); the "
                                 "checkpoint and the hash tiles, all that proofs need, are public")
    reg = b.registry
    note = reg.latest_checkpoint()
    data = None if note is None else read_tile(reg, full, parse_checkpoint(note).tree_size)
    if data is None:
        raise HTTPException(404, "no such tile in the log's latest signed tree")
    return Response(data, media_type="application/octet-stream", headers={"Cache-Control": cache_control(full)})


@router.get("/public/log/vkey")
def public_log_vkey(request: Request) -> Response:
    """The C2SP note verifier key of the checkpoint signer."""
    vk = board(request).registry.log_verifier_key()
    if vk is None:
        raise HTTPException(404, "no checkpoint has been signed yet")
    return PlainTextResponse(vk + "\n", media_type="text/plain; charset=utf-8")


@router.get("/public/log/leaves")
def public_log_leaves(request: Request) -> Response:
    """Every leaf hash of the log, in order, one lowercase hex line each (RFC 9162 leaf hashes:
    SHA-256 of 0x00 and the entry's RFC 8785 JSON), so anyone can recompute the tree root."""
    reg = board(request).registry
    return PlainTextResponse("".join(e.leaf_hash.hex() + "\n" for e in reg.events()),
                             media_type="text/plain; charset=utf-8")
