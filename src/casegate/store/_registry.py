"""The registry: case versions, case state, and the append-only Merkle log of every event.

Each concern lives in its own module, each class building on the one below it: `_log` (entries
and proofs), `_audit` (signed checkpoints and the auditor's full check), `_cases` (case versions
and state), `_lookups` (what the gate needs to remember: versions decided before, protocols and
policy changes logged before a run).
"""

from __future__ import annotations

from ._cases import CaseStore
from ._engine import default_database_url, make_engine, migrate, normalise_url, store_errors


def open_registry(url: str | None = None) -> Registry:
    """Open (and create or migrate) the registry at `url`, $CASEGATE_DATABASE_URL, or
    sqlite:///<cwd>/.casegate/registry.db. A plain path means a SQLite file.

    Raises StoreError when the database cannot be reached or created.
    """
    full = normalise_url(url or default_database_url())
    with store_errors(full, "opening"):
        engine = make_engine(full)
        migrate(engine)
    return Registry(engine, full)


class Registry(CaseStore):
    """A casegate registry on SQLite or PostgreSQL. Use `open_registry` to get one."""
