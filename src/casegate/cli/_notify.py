"""`casegate notify send` and `casegate notify log`: webhooks for registry events."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Annotated

import typer

from ..errors import InputError
from . import app
from ._common import err, fail, out

notify_app = typer.Typer(help="Webhooks for trigger actions, decisions and objections.", no_args_is_help=True)
app.add_typer(notify_app, name="notify")

WEBHOOKS_ENV = "CASEGATE_WEBHOOKS"
DbOpt = Annotated[str | None, typer.Option("--db", help="Registry URL (default $CASEGATE_DATABASE_URL).")]


def _webhooks_path(path: Path | None) -> Path:
    if path is not None:
        return path
    env = os.environ.get(WEBHOOKS_ENV)
    if env:
        return Path(env)
    raise InputError("no webhooks file given", help=f"pass --webhooks FILE or set ${WEBHOOKS_ENV}")


@notify_app.command("send")
def notify_send(
    webhooks: Annotated[Path | None, typer.Option("--webhooks", help=f"Webhooks file (default ${WEBHOOKS_ENV}).")] = None,
    db: DbOpt = None,
) -> None:
    """Send every registry event the webhooks ask for and have not yet received, signed, with
    retries; every attempt goes to the delivery log. Exit 1 when a delivery failed."""
    from ..monitor import load_webhooks, send_events
    from ..store import open_registry

    cfg = load_webhooks(_webhooks_path(webhooks))
    with open_registry(db) as reg:
        rep = send_events(reg, cfg)
    for name, idx in rep.delivered:
        out(f"delivered log entry {idx} to {name}")
    for name, idx, why in rep.failed:
        err(f"FAILED log entry {idx} to {name}: {why} (tried again on the next run)")
    for s in rep.skipped:
        err(f"skipped {s}")
    out(f"{len(rep.delivered)} delivered, {len(rep.failed)} failed, {len(rep.skipped)} webhook(s) skipped")
    fail(1 if rep.failed or rep.skipped else 0)


@notify_app.command("log")
def notify_log(
    hook: Annotated[str | None, typer.Option("--hook", help="Only this webhook.")] = None,
    case: Annotated[str | None, typer.Option("--case", help="Only this case.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines.")] = False,
    db: DbOpt = None,
) -> None:
    """Show the delivery log: every attempt, with its status or error."""
    from ..store import deliveries, open_registry

    with open_registry(db) as reg:
        rows = deliveries(reg, hook=hook, case_id=case)
    for d in rows:
        if as_json:
            out(json.dumps(d.__dict__, sort_keys=True))
        else:
            outcome = "delivered" if d.delivered else (f"HTTP {d.status}" if d.status else d.error or "failed")
            out(f"{d.at}  {d.hook:<16} entry {d.event_index:<6} {d.event_kind:<16} attempt {d.attempt}  {outcome}")
