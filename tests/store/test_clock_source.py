"""Every time the registry records is casegate's own clock, never the database server's: on
PostgreSQL as on SQLite, an entry, a case's row, a version, a checkpoint and a kept salt carry the
time casegate's process reads (which the suite's story clock moves, and `faketime` in
tests/test_calendar.py), so the two backends agree whatever date the server's clock shows."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import sqlalchemy as sa
import time_machine

from casegate.load import load_case
from casegate.store import Registry, RegistrySalts, SaltRecord, log_time

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "atlas-api" / "case.yaml"
STORE = Path(__file__).resolve().parents[2] / "src" / "casegate" / "store"
AWAY = dt.datetime(2031, 6, 1, 9, 0, tzinfo=dt.UTC)
"""Years from the real date and from the suite's story clock: a time the server never shows."""
TIME_COLUMNS = {"log_entries": ["recorded_at"], "cases": ["created_at", "updated_at"],
                "case_versions": ["submitted_at"], "checkpoints": ["created_at"], "commitment_salts": ["created_at"]}


def test_every_time_the_registry_records_is_casegates_clock(registry: Registry, log_key: Path) -> None:
    with time_machine.travel(AWAY, tick=False):
        assert log_time() == AWAY
        registry.submit_case(load_case(EXAMPLE))
        registry.set_case_state("atlas-2-api", "under-review", {"type": "manual", "role": "bench", "reason": "clock"})
        registry.record("notification", "atlas-2-api", {"roles": ["rso"]})
        RegistrySalts(registry).keep_commitment_salts(
            [SaltRecord("atlas-2-api", "1.0", "/evidence/E-bio", b"\1" * 32, "sha256:" + "a" * 64)])
        note = registry.checkpoint(log_key)
    assert f"casegate-time {int(AWAY.timestamp())}" in note
    seen = 0
    with registry.engine.connect() as conn:
        for table, columns in TIME_COLUMNS.items():
            for column in columns:
                values = [r[0] for r in conn.execute(sa.text(f"SELECT {column} FROM {table}"))]
                assert values, f"{table}.{column} holds nothing"
                assert all(str(v).startswith("2031-06-01T09:00:00") for v in values), (table, column, values)
                seen += len(values)
    assert seen >= 8


def test_the_store_never_asks_the_database_for_the_time() -> None:
    """No SQL of the store or its migrations reads the server's clock (a default, a function)."""
    server_time = re.compile(r"\bnow\(\)|func\.now|server_default|current_timestamp|current_date|localtimestamp|"
                             r"clock_timestamp|statement_timestamp|transaction_timestamp|datetime\('now'",
                             re.IGNORECASE)
    found = [f"{p.relative_to(STORE)}:{i}: {line.strip()}" for p in sorted(STORE.rglob("*.py"))
             for i, line in enumerate(p.read_text().splitlines(), 1) if server_time.search(line)]
    assert found == []
