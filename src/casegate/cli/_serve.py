"""`casegate serve` (the review board) and `casegate token` (API tokens)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from . import app
from ._common import DEFAULT_TOKENS, err, out, tokens_path

token_app = typer.Typer(help="API tokens for the review board (stored hashed).", no_args_is_help=True)
app.add_typer(token_app, name="token")

TokensOpt = Annotated[Path | None, typer.Option(
    "--tokens", help=f"The token file (default: $CASEGATE_TOKENS or {DEFAULT_TOKENS}, shared with `casegate serve`).")]


@app.command()
def serve(
    db: Annotated[str | None, typer.Option("--db", help="Registry URL (default: $CASEGATE_DATABASE_URL or ./.casegate/registry.db).", envvar="CASEGATE_DATABASE_URL")] = None,
    keyring: Annotated[Path | None, typer.Option(help="Keyring: who may act in which role.", envvar="CASEGATE_KEYRING")] = None,
    tokens: Annotated[Path | None, typer.Option(
        "--tokens", help=f"API token file (default: $CASEGATE_TOKENS or {DEFAULT_TOKENS}, where `casegate token create` writes).")] = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8750,
    write_rate: Annotated[float, typer.Option(help="Writes per second allowed per token (rate limit).")] = 5.0,
    write_burst: Annotated[int, typer.Option(help="Writes allowed at once per token.")] = 20,
    header_timeout: Annotated[float, typer.Option(
        help="Seconds a client may take to send a request's headers before the connection is closed.",
        min=0.1)] = 10.0,
    log_key: Annotated[Path | None, typer.Option(
        "--log-key", envvar="CASEGATE_LOG_KEY",
        help="The log's checkpoint signing key (PEM). With it the board signs the nonce `verify --registry-url` "
             "sends into the state proof it serves, as that verify requires (a replayed answer fails).")] = None,
    trust_root: Annotated[Path | None, typer.Option(
        "--trust-root", envvar="CASEGATE_TRUST_ROOT",
        help="The trust root deploy pipelines hold (chain directory or root file): the pages' deployable answer is "
             "given under it, held to the root versions the registry's log records as `verify --db` holds it "
             "(replaced, or written --unlogged and never logged: not verified). A newer version the log records "
             "is taken up from the same directory (or file) when it verifies and chains from the one held; "
             "otherwise the board says its root is replaced and to restart it with the current chain.")] = None,
) -> None:
    """Start the review board (HTTP API at /api/v1, OpenAPI at /docs, pages at /)."""
    import os

    from ..web import Settings, create_app, run_server, server_config

    secret = os.environ.get("CASEGATE_WEB_SECRET", "").encode()
    token_file = tokens_path(tokens)
    if not token_file.exists():
        err(f"note: no token file at {token_file}: only the public pages can be used "
            "(`casegate token create --person NAME --role ROLE` writes one)")
        token_file_arg = None
    else:
        token_file_arg = token_file
    application = create_app(Settings(database_url=db, keyring=keyring, tokens=token_file_arg, secret=secret,
                                      write_rate=write_rate, write_burst=write_burst, log_key=log_key,
                                      trust_root=trust_root))
    out(f"casegate review board on http://{host}:{port}/  (API docs: /docs)")
    run_server(server_config(application, host, port, header_timeout=header_timeout))


@token_app.command("create")
def token_create(
    person: Annotated[str, typer.Option(help="The person the token acts for.")],
    role: Annotated[list[str], typer.Option("--role", help="A role the token may act in (repeat).")],
    ceiling: Annotated[str | None, typer.Option(
        help="The highest confidentiality level the token reads (public, internal, restricted, secret); "
             "default: viewer and author read up to internal, every other role reads everything.")] = None,
    case: Annotated[list[str] | None, typer.Option(
        "--case", help="A case the token is for (repeat); any other case is to it as one the registry does "
                       "not hold. Default: every case.")] = None,
    expires: Annotated[str | None, typer.Option(
        help="When the token stops working: a date or date-time (UTC), or a duration from now (90d, 12h). "
             "Default: until revoked.")] = None,
    tokens: TokensOpt = None,
) -> None:
    """Create a token; it is printed once and only its hash is kept."""
    from ..publish import parse_level
    from ..web import TokenStore, default_ceiling
    from ._trust import _expiry

    level = parse_level(ceiling) if ceiling is not None else None
    until = _expiry(expires) if expires is not None else None
    tid, token = TokenStore(tokens_path(tokens)).create(person, role, level, cases=case or None, expires=until)
    reads = (level or default_ceiling(role)).value
    scope = f"; for {', '.join(sorted(set(case)))} only" if case else ""
    scope += f"; until {until.isoformat(timespec='seconds')}" if until is not None else ""
    out(f"token {tid} for {person} ({', '.join(role)}; reads up to {reads}{scope}):\n{token}")


@token_app.command("list")
def token_list(tokens: TokensOpt = None) -> None:
    """List tokens (ids, people, roles; never the tokens)."""
    from ..web import TokenStore

    for e in TokenStore(tokens_path(tokens)).list():
        scope = "cases " + ",".join(e["cases"]) if e.get("cases") else "every case"
        out(f"{e['id']}  {e['person']:<24} {','.join(e['roles']):<40} {e['ceiling']:<11} {scope:<24} "
            f"{'revoked' if e.get('revoked') else ''}{' until ' + str(e['expires']) if e.get('expires') else ''}")


@token_app.command("revoke")
def token_revoke(token_id: str, tokens: TokensOpt = None) -> None:
    """Revoke a token by id."""
    from ..web import TokenStore

    TokenStore(tokens_path(tokens)).revoke(token_id)
    out(f"revoked {token_id}")
