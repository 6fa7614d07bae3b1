"""Which stored versions pin an artifact (`Registry.pinned_by`, asked by every gate against a
registry) is found through indexes on the evidence items' two digests, not by reading every stored
evidence item: a registry written before the indexes gains them when it is next opened to write,
and the schema Alembic migrates to declares the same indexes as casegate's table definitions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from casegate.load import load_case
from casegate.store import open_registry
from casegate.store._engine import MIGRATIONS
from casegate.store._schema import metadata

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "atlas-api"
INDEXES = {"ix_evidence_items_declared_sha256": ("declared_sha256",),
           "ix_evidence_items_artifact_sha256": ("artifact_sha256",)}


def _indexes(engine: sa.Engine, table: str) -> dict[str, tuple[str, ...]]:
    with engine.connect() as c:
        return {ix["name"]: tuple(ix["column_names"]) for ix in sa.inspect(c).get_indexes(table)
                if ix["name"] and not ix.get("duplicates_constraint")}  # (PostgreSQL: a unique constraint's own)


def _to_revision(engine: sa.Engine, rev: str) -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.connect().execution_options(casegate_write=True) as conn, conn.begin():
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, rev)


def test_the_migrated_schema_has_the_tables_declared_indexes(database_url: str) -> None:
    reg = open_registry(database_url)
    try:
        for table in metadata.sorted_tables:
            declared = {ix.name: tuple(c.name for c in ix.columns) for ix in table.indexes}
            assert _indexes(reg.engine, table.name) == declared, table.name
        assert INDEXES.items() <= _indexes(reg.engine, "evidence_items").items()
    finally:
        reg.close()


def test_a_registry_written_before_the_indexes_gains_them(database_url: str) -> None:
    reg = open_registry(database_url)
    v = reg.submit_case(load_case(EXAMPLE / "case.yaml"))
    digests = {e.declared_sha256 for e in v.evidence if e.declared_sha256}
    assert digests
    pinned = reg.pinned_by(digests)
    reg.close()
    # the registry as casegate wrote it before the indexes (revision 0004), its evidence stored
    old = sa.create_engine(database_url)
    _to_revision(old, "0004")
    assert not INDEXES.keys() & _indexes(old, "evidence_items").keys()
    old.dispose()
    reg = open_registry(database_url)  # opened to write: migrated
    try:
        assert INDEXES.items() <= _indexes(reg.engine, "evidence_items").items()
        assert reg.pinned_by(digests) == pinned
        assert set(pinned) == digests
        assert {(case, n) for hits in pinned.values() for case, n, _, _ in hits} == {("atlas-2-api", 1)}
    finally:
        reg.close()


def test_pinned_by_reads_through_the_indexes(tmp_path: Path) -> None:
    reg = open_registry(f"sqlite:///{tmp_path / 'r.db'}")
    v = reg.submit_case(load_case(EXAMPLE / "case.yaml"))
    digests = {e.declared_sha256 for e in v.evidence if e.declared_sha256}
    seen: list[tuple[str, Any]] = []

    def _keep(conn: Any, cursor: Any, statement: str, params: Any, context: Any, many: bool) -> None:
        if "evidence_items" in statement:
            seen.append((statement, params))

    sa.event.listen(reg.engine, "before_cursor_execute", _keep)
    try:
        assert set(reg.pinned_by(digests)) == digests
    finally:
        sa.event.remove(reg.engine, "before_cursor_execute", _keep)
    assert seen
    with reg.engine.connect() as c:
        for statement, params in seen:  # the very statement pinned_by sent, as SQLite plans it
            plan = " | ".join(str(r[-1]) for r in c.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params))
            assert "ix_evidence_items_declared_sha256" in plan and "ix_evidence_items_artifact_sha256" in plan, plan
            assert "SCAN evidence_items" not in plan, plan
    reg.close()
