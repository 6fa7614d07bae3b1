"""A payload is stored as the text of its RFC 8785 bytes on each backend (SQLite takes the bytes
and stores them as text): it reads back as written, and the log verifies."""

from __future__ import annotations

import sqlalchemy as sa

from casegate.store import Registry
from casegate.store._canonical import canonical_payload

PAYLOAD = {"note": "non-ASCII text: é — 中文 😀 \u2028", "n": [1, 0.5, None, True], "nested": {"b": 1, "a": "x"}}


def test_a_payload_is_stored_as_its_canonical_text(registry: Registry) -> None:
    e = registry.record("note", None, PAYLOAD)
    with registry.engine.connect() as conn:
        row = conn.execute(sa.text("SELECT payload FROM log_entries WHERE idx = :i"), {"i": e.index}).one()
        if registry.engine.dialect.name == "sqlite":
            kind = conn.execute(sa.text("SELECT typeof(payload) FROM log_entries WHERE idx = :i"),
                                {"i": e.index}).scalar_one()
            assert kind == "text"
    assert isinstance(row.payload, str) and row.payload == canonical_payload(PAYLOAD).decode()
    assert registry.events(kind="note")[-1].payload == PAYLOAD
    registry.verify_log()
