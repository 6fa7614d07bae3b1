"""The review board: a FastAPI application over the registry, with server-rendered pages.

`create_app()` builds it; `casegate serve` runs it under uvicorn. Reading public pages needs no
token; everything else needs an API token (Bearer header, or the session cookie set by the login
form). Every write is recorded in the registry's log.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from .. import __version__
from ..errors import CasegateError, InputError
from ._guards import (
    BodyLimit,
    RateLimiter,
    SecurityHeaders,
    SessionStore,
    SignInLimit,
    read_session,
)
from ._tokens import ANONYMOUS, Principal, TokenStore

SESSION_COOKIE = "casegate_session"


@dataclass
class Settings:
    """Where the review board reads and writes."""

    database_url: str | None = None
    keyring: Path | None = None
    tokens: Path | None = None
    secret: bytes = b""
    write_rate: float = 5.0
    write_burst: int = 20
    log_key: Path | None = None
    """The log's checkpoint signing key (PEM): with it the board signs a verifier's nonce into the
    state proof it serves (`verify --registry-url` asks for one, so a replayed answer fails)."""
    trust_root: Path | None = None
    """The trust root deploy pipelines hold: the pages' deployable answer is given under it (a root
    the log records as replaced, or one written `--unlogged` that no log records, is "not
    verified", as `verify --db` judges it)."""


class Board:
    """Shared state of one running board: registry, keyring, tokens, limiter, templates."""

    def __init__(self, settings: Settings):
        from ..store import open_registry

        self.settings = settings
        self.registry = open_registry(settings.database_url)
        self._tokens = TokenStore(settings.tokens)
        self._keyring = _Watched(settings.keyring, _read_keyring) if settings.keyring is not None else None
        if self._keyring is not None:
            self._keyring.get(strict=True)  # a keyring that cannot be read stops the board at start-up
        self._revoked: tuple[Any, int, Any] | None = None
        """(the keyring file as read, the log's size, it with the log's revocations applied)"""
        self.secret = settings.secret or secrets.token_bytes(32)
        self.log_key = None
        if settings.log_key is not None:
            from ..store import load_private_key

            self.log_key = load_private_key(settings.log_key)  # unreadable: the board does not start
        self._trust = None
        if settings.trust_root is not None:
            from ..trust import TrustRootError, load_trust_root

            try:
                self._trust = load_trust_root(settings.trust_root)
            except TrustRootError as e:  # the board does not start under a root that does not verify
                raise InputError(f"the trust root does not verify: {e.message}", location=str(settings.trust_root),
                                 help="give the current root chain (the directory `casegate trust rotate` keeps)") from None
        self._trust_seen: tuple[int, Any] | None = None
        """(the log's size, the root source's file stats) when the root was last held to the log"""
        self._trust_behind: list[str] = []
        self.limiter = RateLimiter(settings.write_rate, settings.write_burst)
        self.sessions = SessionStore()
        self.sign_ins = SignInLimit()
        """Failed sign-ins (form or Bearer token) per client address."""
        tdir = str(resources.files("casegate.web") / "templates")
        self.templates = Jinja2Templates(directory=tdir)
        self.templates.env.autoescape = True
        from ..publish import inline_html, page_value

        # No text from a case reorders or hides the page's words after it (bidi, invisible).
        self.templates.env.finalize = page_value

        # Texts the gate writes name things in `backticks`: shown as code, never as raw ticks.
        self.templates.env.filters["inline"] = inline_html
        self.templates.env.globals["demo_keys_note"] = self.demo_keys_note
        from ._views import held_to

        self.templates.env.globals["held_to"] = held_to

    def demo_keys_note(self) -> str:
        """What every page says when the board's keyring trusts casegate's published example keys
        (only a demonstration, `CASEGATE_DEMO_KEYS=1`, gets that far): empty otherwise."""
        from .._published_keys import DEMO_KEYS_ENV, NOT_A_RELEASE, any_published, demo_keys

        ring = self._keyring.get() if self._keyring is not None and demo_keys() else None
        if ring is None or not any_published(k.public for k in ring.keys):
            return ""
        return f"DEMONSTRATION ({DEMO_KEYS_ENV}=1): {NOT_A_RELEASE}."

    def keyring_digest(self) -> str | None:
        """The fingerprint of the keyring file as it is now (what a trust root pins), before the
        log's revocations are applied; None when there is none or it does not read."""
        ring = self._keyring.get() if self._keyring is not None else None
        return ring.fingerprint() if ring is not None else None

    @property
    def tokens(self) -> TokenStore:
        """The token file as it is now: re-read when it changed, so a revoked token is refused
        on the next request."""
        self._tokens.refresh()
        return self._tokens

    @property
    def keyring(self) -> Any:
        """The keyring as it is now: re-read when the file changed, with every revocation the
        registry's log records applied (`casegate keys revoke`), whatever the file says; a revoked
        key counts for nothing from the next request on. A keyring that no longer reads is no
        keyring: nobody may sign or object until it is fixed (fail closed)."""
        ring = self._keyring.get() if self._keyring is not None else None
        if ring is None:
            return None
        size = self.registry.size()
        if self._revoked is None or self._revoked[0] is not ring or self._revoked[1] != size:
            from ..sign import with_logged_revocations

            self._revoked = (ring, size, with_logged_revocations(ring, self.registry.events(kind="keyring-change"))[0])
        return self._revoked[2]

    @property
    def trust_root(self) -> Any:
        """The trust root the pages' deployable answer is given under (`serve --trust-root`), as it
        is now: when the log records a newer root version than the one held, it is taken up from
        the chain directory (or file) the board was started with if it verifies, chains from the
        one held (`trust.newer_root`) and is the version and digest the log records. Otherwise the
        board keeps the root it holds, which the log shows replaced (fail closed), and
        `trust_behind` says why and what to do."""
        return self.trust_now()["trust"]

    @property
    def trust_behind(self) -> list[str]:
        """Why the board holds a root older than the newest the log records (empty when it does not)."""
        return list(self.trust_now()["behind"])

    def trust_now(self) -> dict[str, Any]:
        """`{"trust": root, "behind": reasons}`, as `deploy_now` takes them (see `trust_root`);
        the log and the source are looked at again only when either changed."""
        held, where = self._trust, self.settings.trust_root
        if held is None or where is None:
            return {"trust": held, "behind": []}
        source = Path(where)
        seen = (self.registry.size(), _stats(source))
        if seen != self._trust_seen:
            self._trust_behind = self._take_up(held, source)
            self._trust_seen = seen
        return {"trust": self._trust, "behind": list(self._trust_behind)}

    def _take_up(self, held: Any, source: Path) -> list[str]:
        import logging

        from ..trust import TRUST_ROOT_EVENT, TrustRootError, newer_root

        logged = [e for e in self.registry.events(kind=TRUST_ROOT_EVENT) if type(e.payload.get("version")) is int]
        newest = max((e.payload["version"] for e in logged), default=None)
        if newest is None or newest <= held.version:
            return []
        try:
            new = newer_root(held, source)
            # the version the log records is its first entry of that number (a later one under the
            # same number is a fork `verify` refuses)
            first = min((e for e in logged if e.payload["version"] == new.version), key=lambda e: e.index, default=None)
            if first is None or first.payload.get("digest") != new.digest():
                raise TrustRootError(f"version {new.version} there is not a version the log records")
        except CasegateError as e:
            logging.getLogger("casegate.web").error("trust root version %s the log records not taken up from %s: %s",
                                                    newest, source, e.message)
            # named by its last part only: the board's answers never show server paths
            return [f"this review board holds trust root version {held.version} and could not take up version "
                    f"{newest}, which the log records, from its --trust-root ({source.name}): {e.message}. Put the "
                    "current chain in that directory (`casegate trust rotate` writes it) or restart the board "
                    "with `casegate serve --trust-root DIR` naming the current root chain"]
        logging.getLogger("casegate.web").info("took up trust root version %s from %s", new.version, source)
        self._trust = new
        if new.version < newest:  # a newer version still: the same again with it held
            return self._take_up(new, source)
        return []

    def principal(self, request: Request) -> Principal:
        auth = request.headers.get("authorization", "")
        if auth.lower().startswith("bearer "):
            known = getattr(request.state, "casegate_principal", None)  # judged once per request
            if isinstance(known, Principal):
                return known
            address = client_address(request)
            if self.sign_ins.blocked(address):
                from fastapi import HTTPException

                raise HTTPException(429, "too many failed sign-ins from this address: wait a minute and try "
                                         "again", headers={"Retry-After": "60"})
            p = self.tokens.authenticate(auth[7:].strip())
            if p is None:
                self.sign_ins.failed(address)
                p = ANONYMOUS
            request.state.casegate_principal = p
            return p
        tid = self.sessions.token_of(read_session(self.secret, request.cookies.get(SESSION_COOKIE)))
        if tid:
            p = self.tokens.by_id(tid)
            if p is not None:
                return p
        return ANONYMOUS

    def keyring_roles(self, person: str) -> set[str]:
        """Roles the keyring gives a person (empty without a keyring: nobody may sign or object)."""
        if self.keyring is None:
            return set()
        import datetime as dt

        now = dt.datetime.now(dt.UTC)
        roles: set[str] = set()
        for k in self.keyring.keys:
            if k.person == person and not k.problems_at(now):
                roles.update(k.roles)
        return roles


def client_address(request: Request) -> str:
    """The address a request came from, as the server saw it (the key of the sign-in limit)."""
    return request.client.host if request.client is not None else "?"


def _stats(path: Path) -> Any:
    """What changes when a root version is written to `path` (a chain directory or a file):
    each root file's name, size and modification time; None when it cannot be read."""
    def one(p: os.DirEntry[str] | Path) -> tuple[str, int, int]:
        st = p.stat()
        return (p.name, st.st_size, st.st_mtime_ns)

    try:
        if path.is_dir():
            with os.scandir(path) as it:
                return tuple(sorted(one(e) for e in it if e.name.endswith(".json")))
        return one(path)
    except OSError:
        return None


def _read_keyring(path: Path) -> Any:
    from ..sign import load_keyring

    return load_keyring(path)


class _Watched:
    """A file read again whenever its bytes change (checked on every use by hashing it: the files
    are small, and a modification time can miss two writes within one clock tick)."""

    def __init__(self, path: Path, load: Any):
        self.path = path
        self._load = load
        self._digest: bytes | None = None
        self._value: Any = None

    def get(self, *, strict: bool = False) -> Any:
        import hashlib
        import logging

        try:
            raw = self.path.read_bytes()
        except OSError as e:
            if strict:
                raise InputError(f"cannot read {self.path}: {e.strerror}", location=str(self.path)) from None
            logging.getLogger("casegate.web").error("cannot read %s (%s): treated as absent", self.path, e.strerror)
            self._digest, self._value = None, None
            return None
        digest = hashlib.sha256(raw).digest()
        if digest != self._digest:
            try:
                value = self._load(self.path)
            except CasegateError as e:
                if strict:
                    raise
                logging.getLogger("casegate.web").error("%s no longer reads (%s): treated as absent",
                                                        self.path, e.message)
                value = None
            self._digest, self._value = digest, value
        return self._value


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the review board application."""
    settings = settings or Settings(
        database_url=os.environ.get("CASEGATE_DATABASE_URL"),
        keyring=Path(os.environ["CASEGATE_KEYRING"]) if os.environ.get("CASEGATE_KEYRING") else None,
        tokens=Path(os.environ["CASEGATE_TOKENS"]) if os.environ.get("CASEGATE_TOKENS") else None,
        secret=os.environ.get("CASEGATE_WEB_SECRET", "").encode(),
    )
    board = Board(settings)
    app = FastAPI(
        docs_url=None,
        redoc_url=None,
        title="casegate review board",
        version=__version__,
        description="Cases, versions, gate runs, findings, evidence, sign-offs and objections, "
                    "incidents, state changes, the transparency log and published summaries.",
    )
    app.state.board = board
    _offline_docs(app)
    app.add_middleware(BodyLimit)
    app.add_middleware(SecurityHeaders)
    static = str(resources.files("casegate.web") / "static")
    app.mount("/static", StaticFiles(directory=static), name="static")

    @app.exception_handler(CasegateError)
    async def _casegate_error(request: Request, exc: CasegateError) -> JSONResponse:
        if exc.exit_code == 3:
            # the registry's address, user and database name are for the operator's log only
            import logging

            logging.getLogger("casegate.web").error("registry unavailable: %s", exc.message)
            return JSONResponse({"detail": "the registry is unavailable; try again later",
                                 "help": "the board's operator can see why in the server log"}, status_code=503)
        from ._views import scrub_paths

        if _about_withheld_case(request):
            return JSONResponse({"detail": "the request about this case cannot be completed; why is withheld "
                                           "from this token, since the case holds more than its ceiling"},
                                status_code=400)
        return JSONResponse({"detail": scrub_paths(exc.message), "help": scrub_paths(exc.help) if exc.help else None},
                            status_code=400)

    @app.exception_handler(RequestValidationError)
    async def _invalid_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        """Which field is wrong and how, in plain words: no parser internals, input echoes or
        links to the framework's documentation."""
        problems = []
        for e in exc.errors()[:20]:
            where = ".".join(str(p) for p in e.get("loc", ()) if isinstance(p, (str, int)))
            problems.append({"field": where, "problem": str(e.get("msg", "invalid"))[:200]})
        return JSONResponse({"detail": "the request is not valid", "problems": problems}, status_code=422)

    from ._api import router as api_router
    from ._pages import router as pages_router

    app.include_router(api_router)
    app.include_router(pages_router)
    return app


def _about_withheld_case(request: Request) -> bool:
    """Whether the request is about a case part of which is withheld from its token (an error's
    text may quote the case). True when that cannot be established (fail closed)."""
    case_id = request.path_params.get("case_id")
    if not isinstance(case_id, str):
        return False
    board: Board = request.app.state.board
    try:
        p = board.principal(request)
        if p.reads_everything:
            return False
        from ._withheld import withheld_for

        return case_id in board.registry.case_ids() and withheld_for(board.registry, case_id, p) is not None
    except Exception:  # noqa: BLE001 - whatever failed, the error's text stays withheld
        return True


def _offline_docs(app: FastAPI) -> None:
    """/docs (Swagger UI) and /redoc from the copies vendored under static/vendor: they work
    without network access and under the board's Content-Security-Policy (no inline script)."""
    from fastapi.responses import HTMLResponse

    swagger = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>casegate review board API</title>
<link rel="stylesheet" href="/static/vendor/swagger-ui/swagger-ui.css"></head>
<body><div id="swagger-ui"></div>
<script src="/static/vendor/swagger-ui/swagger-ui-bundle.js"></script>
<script src="/static/vendor/swagger-ui/casegate-init.js"></script></body></html>"""
    redoc = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>casegate review board API</title></head>
<body><redoc spec-url="/openapi.json"></redoc>
<script src="/static/vendor/redoc/redoc.standalone.js"></script></body></html>"""

    @app.get("/docs", include_in_schema=False)
    def swagger_ui() -> HTMLResponse:
        return HTMLResponse(swagger)

    @app.get("/redoc", include_in_schema=False)
    def redoc_ui() -> HTMLResponse:
        return HTMLResponse(redoc)

