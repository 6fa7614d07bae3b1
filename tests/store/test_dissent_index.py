"""The registry's latest dissent about a case (`dissent_index`: an objection, an answer to one, or
a state change into or out of a reopened, restricted or withdrawn state), asked twice by every
`casegate publish` against a registry, is read through the log's index on (case, kind, index):
not by reading every entry of a kind across all cases, however long the log; a registry written
before the index gains it when next opened to write; and it names the same entry as reading the
case's whole history would (bench/bench_dissent_index.py measures it)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from casegate.store import dissent_index, open_registry
from casegate.store._engine import MIGRATIONS

INDEX = "ix_log_entries_case_kind"
_INTERRUPTED = {"reopened", "restricted", "withdrawn"}


def _whole_history(reg: Any, case_id: str) -> int | None:
    """The latest dissent read from every entry of the case, in log order."""
    found = [e.index for e in reg.events(case_id=case_id)
             if e.kind in ("objection", "objection-answer")
             or (e.kind == "state-change" and {e.payload.get("from"), e.payload.get("to")} & _INTERRUPTED)]
    return found[-1] if found else None


STORY: list[tuple[str, str, dict[str, Any]]] = [
    ("state-change", "a", {"from": "draft", "to": "in-review"}),
    ("state-change", "b", {"from": "approved", "to": "reopened"}),  # another case's
    ("state-change", "a", {"from": "in-review", "to": "approved"}),
    ("objection", "a", {"role": "rso", "person": "Ana", "reason": "the case should be \"reopened\"", "status": "open"}),
    ("state-change", "a", {"from": "approved", "to": "in-review", "note": "\"withdrawn\" is not what happened"}),
    ("objection-answer", "a", {"objection": 3, "answer": "done"}),
    ("state-change", "a", {"from": "in-review", "to": "approved"}),
    ("state-change", "a", {"from": "approved", "to": "restricted", "restricted_to": "internal-research"}),
    ("state-change", "a", {"from": "restricted", "to": "approved"}),
    ("state-change", "a", {"from": "approved", "to": "in-review"}),
    ("objection", "b", {"role": "rso", "person": "Bo", "reason": "x", "status": "open"}),
    ("state-change", "a", {"from": "in-review", "to": "withdrawn"}),
]


def test_the_latest_dissent_is_the_one_the_whole_history_names(database_url: str) -> None:
    """Step by step through a story of two cases: routine state changes, an objection quoting the
    word "reopened", a routine change whose note quotes "withdrawn" (neither is an interruption),
    an answer, a restriction and its lifting, the other case's dissent, a withdrawal."""
    reg = open_registry(database_url)
    try:
        assert dissent_index(reg, "a") is None
        for kind, case, payload in STORY:
            reg.record(kind, case, payload)
            for c in ("a", "b", "nobody"):
                assert dissent_index(reg, c) == _whole_history(reg, c), (kind, case, payload, c)
        assert dissent_index(reg, "a") == len(STORY) - 1
        assert dissent_index(reg, "b") == 10
    finally:
        reg.close()


def _statements(reg: Any, case_id: str) -> list[tuple[str, Any]]:
    seen: list[tuple[str, Any]] = []

    def _keep(conn: Any, cursor: Any, statement: str, params: Any, context: Any, many: bool) -> None:
        if "log_entries" in statement:
            seen.append((statement, params))

    sa.event.listen(reg.engine, "before_cursor_execute", _keep)
    try:
        dissent_index(reg, case_id)
    finally:
        sa.event.remove(reg.engine, "before_cursor_execute", _keep)
    return seen


def test_it_reads_through_the_case_and_kind_index(tmp_path: Path) -> None:
    reg = open_registry(f"sqlite:///{tmp_path / 'r.db'}")
    try:
        for kind, case, payload in STORY:
            reg.record(kind, case, payload)
        seen = _statements(reg, "a")
        assert len(seen) == 2, seen  # the latest dissent, then what followed it
        with reg.engine.connect() as c:
            for statement, params in seen:  # the very statements sent, as SQLite plans them
                plan = " | ".join(str(r[-1]) for r in c.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params))
                assert f"INDEX {INDEX} (case_id=? AND kind=?" in plan, plan
                assert "SCAN log_entries" not in plan, plan
    finally:
        reg.close()


def _indexes(engine: sa.Engine) -> set[str]:
    with engine.connect() as c:
        return {ix["name"] for ix in sa.inspect(c).get_indexes("log_entries") if ix["name"]}


def test_a_registry_written_before_the_index_gains_it(database_url: str) -> None:
    reg = open_registry(database_url)
    for kind, case, payload in STORY:
        reg.record(kind, case, payload)
    want = dissent_index(reg, "a")
    reg.close()
    old = sa.create_engine(database_url)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with old.connect().execution_options(casegate_write=True) as conn, conn.begin():
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0005")
    assert INDEX not in _indexes(old)
    old.dispose()
    reg = open_registry(database_url)  # opened to write: migrated
    try:
        assert INDEX in _indexes(reg.engine)
        assert dissent_index(reg, "a") == want == len(STORY) - 1
    finally:
        reg.close()
