"""The webhook delivery log: every attempt to deliver a registry event to a webhook, with its
outcome, so a delivery can be audited and a delivered event is never sent twice."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from ._engine import store_errors
from ._registry import Registry
from ._schema import webhook_deliveries


@dataclass(frozen=True)
class Delivery:
    """One attempt to deliver one event to one webhook."""

    hook: str
    url: str
    event_index: int
    event_kind: str
    case_id: str | None
    attempt: int
    status: int | None
    error: str | None
    delivered: bool
    payload_sha256: str
    at: str


def record_delivery(reg: Registry, d: Delivery) -> None:
    """Append one attempt to the delivery log."""
    with store_errors(reg.url, "recording a webhook delivery"):
        with reg.engine.begin() as conn:
            conn.execute(sa.insert(webhook_deliveries).values(**d.__dict__))


def deliveries(reg: Registry, *, hook: str | None = None, case_id: str | None = None) -> list[Delivery]:
    """Every attempt, oldest first, optionally for one webhook and/or one case."""
    q = sa.select(webhook_deliveries).order_by(webhook_deliveries.c.id)
    if hook is not None:
        q = q.where(webhook_deliveries.c.hook == hook)
    if case_id is not None:
        q = q.where(webhook_deliveries.c.case_id == case_id)
    with store_errors(reg.url, "reading webhook deliveries"):
        with reg.engine.connect() as conn:
            rows: list[Any] = list(conn.execute(q))
    return [Delivery(r.hook, r.url, int(r.event_index), r.event_kind, r.case_id, int(r.attempt),
                     None if r.status is None else int(r.status), r.error, bool(r.delivered),
                     r.payload_sha256, r.at) for r in rows]


def delivered_events(reg: Registry, hook: str) -> set[int]:
    """Log indexes of the events already delivered to `hook`."""
    q = sa.select(webhook_deliveries.c.event_index).where(
        webhook_deliveries.c.hook == hook, webhook_deliveries.c.delivered.is_(True))
    with store_errors(reg.url, "reading webhook deliveries"):
        with reg.engine.connect() as conn:
            return {int(r[0]) for r in conn.execute(q)}
