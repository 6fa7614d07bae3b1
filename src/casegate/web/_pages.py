"""Server-rendered pages: the case list, a case page, the review page, and the public registry."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ._api import ObjectionIn, board, evidence_rows, record_objection, record_signoff
from ._app import SESSION_COOKIE
from ._guards import csrf_ok, csrf_token, sign_session
from ._tokens import Principal
from ._views import argument_svg, case_list, case_view, deploy_now, load_version

router = APIRouter(include_in_schema=False)


def _render(request: Request, name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
    b = board(request)
    p: Principal = b.principal(request)
    session = request.cookies.get(SESSION_COOKIE) or ""
    ctx.update(request=request, who=p, csrf=csrf_token(b.secret, session) if session else "")
    resp: HTMLResponse = b.templates.TemplateResponse(request, name, ctx, status_code=status)
    return resp


def _login_required(request: Request) -> Principal | Response:
    p: Principal = board(request).principal(request)
    if p.is_public:
        return RedirectResponse(f"/login?next={request.url.path}", status_code=303)
    return p


def _check_csrf(request: Request, presented: str | None) -> None:
    session = request.cookies.get(SESSION_COOKIE)
    if not csrf_ok(board(request).secret, session, presented):
        raise HTTPException(403, "the form's CSRF token is missing or wrong: reload the page and try again")


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> Response:
    p = _login_required(request)
    if isinstance(p, Response):
        return RedirectResponse("/public", status_code=303)
    b = board(request)
    cases = case_list(b.registry)
    return _render(request, "cases.html", cases=cases,
                   states={c.case_id: deploy_now(b.registry, c.case_id, b.keyring) for c in cases})


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str = "/") -> Response:
    return _render(request, "login.html", next=next if next.startswith("/") else "/")


@router.post("/login")
def login(request: Request, token: str = Form(...), next: str = Form("/")) -> Response:
    b = board(request)
    p = b.tokens.authenticate(token.strip())
    if p is None:
        return _render(request, "login.html", status=401, next=next, error="unknown or revoked token")
    resp = RedirectResponse(next if next.startswith("/") else "/", status_code=303)
    resp.set_cookie(SESSION_COOKIE, sign_session(b.secret, p.token_id or ""), httponly=True, samesite="strict")
    return resp


@router.post("/logout")
def logout() -> Response:
    resp = RedirectResponse("/public", status_code=303)
    resp.delete_cookie(SESSION_COOKIE)
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
    loaded = load_version(reg, case_id, v.latest_version)
    findings = _findings(v.decision)
    from ..regime import regime_overview

    return _render(request, "case.html", v=v, d=v.decision or {}, evidence=evidence_rows(loaded),
                   now=deploy_now(reg, case_id, b.keyring),
                   svg=argument_svg(loaded, findings, public=False), loaded=loaded,
                   diff=_diff_since_approved(reg, case_id, v.latest_version),
                   regimes=regime_overview(loaded, reg, dt.datetime.now(dt.UTC)))


def _diff_since_approved(reg: Any, case_id: str, latest: int | None, *, public: bool = False) -> Any:
    """The diff of the latest version against the last version approved before it (redacted for
    the public page), or None when there is no such version."""
    from ..diff import SECTIONS, redacted
    from ..monitor import last_approved_before, public_commitments, version_diff

    base = last_approved_before(reg, case_id, latest) if latest is not None else None
    if base is None or latest is None:
        return None
    d = version_diff(reg, case_id, base, latest)
    if public:
        d = redacted(d, commitments=public_commitments(reg, case_id))
    titles = dict(SECTIONS)
    return {"old": d.old, "new": d.new, "groups": [(titles[k], d.section(k)) for k in titles if d.section(k)]}


def _findings(decision: dict[str, Any] | None) -> list[Any]:
    from ..model import Finding

    return [Finding.model_validate(f) for f in (decision or {}).get("findings", [])]


@router.get("/cases/{case_id}/review", response_class=HTMLResponse)
def review_page(request: Request, case_id: str, msg: str | None = None, error: str | None = None) -> Response:
    p = _login_required(request)
    if isinstance(p, Response):
        return p
    b = board(request)
    v = case_view(b.registry, case_id)
    if v is None:
        raise HTTPException(404, f"no case {case_id!r}")
    loaded = load_version(b.registry, case_id, v.latest_version)
    roles = sorted(set(p.roles) & b.keyring_roles(p.person))
    required = _required_roles(loaded)
    dec = loaded.case.decision if loaded.case is not None else None
    return _render(request, "review.html", v=v, roles=roles, required=required, msg=msg, error=error,
                   now=deploy_now(b.registry, case_id, b.keyring),
                   case_signoffs=dec.signoffs if dec else [], case_objections=dec.objections if dec else {})


def _required_roles(loaded: Any) -> list[str]:
    if loaded.policy is None or loaded.case is None or loaded.case.boundary is None:
        return []
    _, reqs = loaded.policy.signoff.required_for(loaded.case.boundary.kind)
    return [f"{r.role} x{r.min}" if r.min > 1 else r.role for r in reqs]


@router.post("/cases/{case_id}/review/objection")
def review_object(request: Request, case_id: str, role: str = Form(...), reason: str = Form(...),
                  csrf: str = Form("")) -> Response:
    p = _login_required(request)
    if isinstance(p, Response):
        return p
    _check_csrf(request, csrf)
    if not board(request).limiter.allow(p.token_id or "?"):
        raise HTTPException(429, "too many writes: slow down")
    try:
        record_objection(request, p, case_id, ObjectionIn(role=role, reason=reason), "web")
    except HTTPException as e:
        return RedirectResponse(f"/cases/{case_id}/review?error={e.detail}", status_code=303)
    except ValueError as e:
        return RedirectResponse(f"/cases/{case_id}/review?error={str(e)[:200]}", status_code=303)
    return RedirectResponse(f"/cases/{case_id}/review?msg=objection recorded", status_code=303)


@router.post("/cases/{case_id}/review/signoff")
async def review_signoff(request: Request, case_id: str, envelope: UploadFile, csrf: str = Form("")) -> Response:
    import json

    p = _login_required(request)
    if isinstance(p, Response):
        return p
    _check_csrf(request, csrf)
    if not board(request).limiter.allow(p.token_id or "?"):
        raise HTTPException(429, "too many writes: slow down")
    raw = await envelope.read(1 << 20)
    try:
        env = json.loads(raw)
        if not isinstance(env, dict):
            raise ValueError("not a JSON object")
        record_signoff(request, p, case_id, env, "web")
    except HTTPException as e:
        return RedirectResponse(f"/cases/{case_id}/review?error={e.detail}", status_code=303)
    except ValueError as e:
        return RedirectResponse(f"/cases/{case_id}/review?error=the file is not a sign-off envelope: {e}", status_code=303)
    return RedirectResponse(f"/cases/{case_id}/review?msg=sign-off recorded", status_code=303)


# ------------------------------------------------------------------------------------ public


@router.get("/public", response_class=HTMLResponse)
def public_list(request: Request) -> Response:
    b = board(request)
    cases = [v for v in case_list(b.registry) if v.published is not None]
    return _render(request, "public_list.html", cases=cases, public=True,
                   states={c.case_id: deploy_now(b.registry, c.case_id, b.keyring) for c in cases})


@router.get("/public/cases/{case_id}", response_class=HTMLResponse)
def public_case(request: Request, case_id: str) -> Response:
    b = board(request)
    reg = b.registry
    v = case_view(reg, case_id)
    if v is None or v.published is None:
        raise HTTPException(404, "no published summary for this case")
    summary = v.published.get("summary") or {}
    history = [e for e in v.events if e.kind in ("state-change", "incident", "trigger", "publication", "decision")]
    return _render(request, "public_case.html", v=v, s=summary, history=history, public=True,
                   now=deploy_now(reg, case_id, b.keyring),
                   diff=_diff_since_approved(reg, case_id, v.latest_version, public=True))


@router.get("/public/cases/{case_id}/summary", response_class=HTMLResponse)
def public_summary(request: Request, case_id: str) -> Response:
    """The published summary exactly as `casegate publish` renders it (redacted at publication)."""
    from ..publish import PublicSummary, summary_html

    v = case_view(board(request).registry, case_id)
    if v is None or v.published is None:
        raise HTTPException(404, "no published summary for this case")
    summary = PublicSummary.model_validate(v.published.get("summary") or {})
    return HTMLResponse(summary_html(summary))


@router.get("/public/log", response_class=HTMLResponse)
def public_log(request: Request) -> Response:
    reg = board(request).registry
    return _render(request, "public_log.html", size=reg.size(), checkpoint=reg.latest_checkpoint())
