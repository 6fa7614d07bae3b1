"""`casegate serve` (the review board) and `casegate token` (API tokens)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from . import app
from ._common import out

token_app = typer.Typer(help="API tokens for the review board (stored hashed).", no_args_is_help=True)
app.add_typer(token_app, name="token")

TokensOpt = Annotated[Path, typer.Option("--tokens", help="The token file.", envvar="CASEGATE_TOKENS")]


@app.command()
def serve(
    db: Annotated[str | None, typer.Option("--db", help="Registry URL (default: $CASEGATE_DATABASE_URL or ./.casegate/registry.db).", envvar="CASEGATE_DATABASE_URL")] = None,
    keyring: Annotated[Path | None, typer.Option(help="Keyring: who may act in which role.", envvar="CASEGATE_KEYRING")] = None,
    tokens: Annotated[Path | None, typer.Option("--tokens", help="API token file.", envvar="CASEGATE_TOKENS")] = None,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8750,
    write_rate: Annotated[float, typer.Option(help="Writes per second allowed per token (rate limit).")] = 5.0,
    write_burst: Annotated[int, typer.Option(help="Writes allowed at once per token.")] = 20,
) -> None:
    """Start the review board (HTTP API at /api/v1, OpenAPI at /docs, pages at /)."""
    import os

    import uvicorn

    from ..web import Settings, create_app

    secret = os.environ.get("CASEGATE_WEB_SECRET", "").encode()
    application = create_app(Settings(database_url=db, keyring=keyring, tokens=tokens, secret=secret,
                                      write_rate=write_rate, write_burst=write_burst))
    out(f"casegate review board on http://{host}:{port}/  (API docs: /docs)")
    uvicorn.run(application, host=host, port=port, log_level="warning")


@token_app.command("create")
def token_create(
    person: Annotated[str, typer.Option(help="The person the token acts for.")],
    role: Annotated[list[str], typer.Option("--role", help="A role the token may act in (repeat).")],
    tokens: TokensOpt = Path(".casegate/tokens.json"),
) -> None:
    """Create a token; it is printed once and only its hash is kept."""
    from ..web import TokenStore

    tid, token = TokenStore(tokens).create(person, role)
    out(f"token {tid} for {person} ({', '.join(role)}):\n{token}")


@token_app.command("list")
def token_list(tokens: TokensOpt = Path(".casegate/tokens.json")) -> None:
    """List tokens (ids, people, roles; never the tokens)."""
    from ..web import TokenStore

    for e in TokenStore(tokens).list():
        out(f"{e['id']}  {e['person']:<24} {','.join(e['roles']):<40} {'revoked' if e.get('revoked') else ''}")


@token_app.command("revoke")
def token_revoke(token_id: str, tokens: TokensOpt = Path(".casegate/tokens.json")) -> None:
    """Revoke a token by id."""
    from ..web import TokenStore

    TokenStore(tokens).revoke(token_id)
    out(f"revoked {token_id}")
