"""The registry: case versions, case state, and the append-only Merkle log of every event.

Each concern lives in its own module, each class building on the one below it: `_log` (entries
and proofs), `_audit` (signed checkpoints and the auditor's full check), `_cases` (case versions
and state), `_runs` (the sample fingerprints of stored evaluation logs), `_lookups` (what the gate needs to remember: versions decided before, protocols and
policy changes logged before a run).
"""

from __future__ import annotations

from ..errors import StoreError
from ._engine import (
    HEAD_REVISION,
    current_revision,
    default_database_url,
    make_engine,
    migrate,
    normalise_url,
    shown_url,
    store_errors,
)
from ._runs import RunStore


def open_registry(url: str | None = None, *, readonly: bool = False, existing: bool = False) -> Registry:
    """Open (and create or migrate) the registry at `url`, $CASEGATE_DATABASE_URL, or
    sqlite:///<cwd>/.casegate/registry.db. A plain path means a SQLite file.

    `readonly`: never create, never migrate, never write (SQLite opened with `mode=ro`,
    PostgreSQL sessions read-only); a missing SQLite file or a schema at another revision is a
    StoreError. `existing`: a SQLite file that does not exist is a StoreError, not a new registry
    (commands that only read: a mistyped path must not leave an empty registry behind). Raises
    StoreError when the database cannot be reached or created.
    """
    full = normalise_url(url or default_database_url())
    if existing and not readonly:
        from ._engine import missing_sqlite_file

        missing = missing_sqlite_file(full)
        if missing is not None:
            raise StoreError(f"no registry at {missing}: the file does not exist (it is not created here)",
                             help="check --db / CASEGATE_DATABASE_URL; `casegate registry submit` creates one")
    with store_errors(full, "opening"):
        if readonly:
            engine = make_engine(full, readonly=True)
            with engine.connect() as probe:
                rev = current_revision(probe)
                probe.rollback()
            if rev != HEAD_REVISION:
                engine.dispose()
                raise StoreError(f"registry {shown_url(full)} is not a casegate registry at schema revision "
                                 f"{HEAD_REVISION} (found {rev or 'no casegate schema'}); it is opened "
                                 "read-only and never migrated here",
                                 help="check --db; migrate it with a casegate command that writes to it")
            return Registry(engine, full, readonly=True)
        engine = make_engine(full)
        migrate(engine)
    return Registry(engine, full)


class Registry(RunStore):
    """A casegate registry on SQLite or PostgreSQL. Use `open_registry` to get one."""
