"""Connecting to the registry database: URL defaults, SQLite pragmas, migrations, and turning
driver errors into StoreError."""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event, exc

from ..errors import CasegateError, InputError, StoreError

HEAD_REVISION = "0006"
"""The migration revision this code reads and writes (a test checks it is Alembic's head)."""

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_PG_MIGRATION_LOCK = 0x63617365  # advisory lock key held while migrating ("case")


def default_database_url() -> str:
    """$CASEGATE_DATABASE_URL, else SQLite at ./.casegate/registry.db (absolute)."""
    env = os.environ.get("CASEGATE_DATABASE_URL")
    if env:
        return env
    return f"sqlite:///{Path.cwd() / '.casegate' / 'registry.db'}"


def normalise_url(url: str) -> str:
    """Accept a plain file path as a SQLite database; `postgresql://` uses psycopg 3."""
    if "://" not in url:
        try:
            path = Path(url).resolve()
        except RuntimeError:  # a symlink loop: left for opening the database to refuse, naming it
            path = Path(url).absolute()
        return f"sqlite:///{path}"
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


_PASSWORD = re.compile(r"(?P<head>://[^/@:]*:)[^@]*@")


def redact_password(text: str) -> str:
    """`text` with the password of any URL in it replaced by ***."""
    return _PASSWORD.sub(lambda m: m.group("head") + "***@", text)


def shown_url(url: str) -> str:
    """The URL without its password, for messages (also when the URL cannot be parsed)."""
    try:
        return sa.engine.make_url(url).render_as_string(hide_password=True)
    except Exception:
        return redact_password(url)


def describe(e: BaseException) -> str:
    """A one-line reason from a driver error."""
    orig = getattr(e, "orig", None) or e
    text = str(orig).strip().splitlines()
    return text[0] if text else type(orig).__name__


@contextlib.contextmanager
def store_errors(url: str, doing: str) -> Iterator[None]:
    """Turn database and file-system failures into StoreError with a plain reason."""
    try:
        yield
    except CasegateError:
        raise
    except OSError as e:
        raise StoreError(f"registry {shown_url(url)}: {doing} failed: {e.strerror or e}",
                         help="check the path and free space") from None
    except Exception as e:
        # driver errors arrive unwrapped from the hot paths that use driver cursors directly
        if not isinstance(e, exc.SQLAlchemyError) and not isinstance(e, _DRIVER_ERRORS):
            raise
        reason = describe(e)
        low = reason.lower()
        help = None
        if "disk is full" in low or "no space left" in low or "disk full" in low:
            help = "free disk space; nothing from the failed operation was recorded"
        elif "connect" in low or "connection" in low or "server closed" in low or "unable to open" in low:
            help = "check that the database is running and that --db / CASEGATE_DATABASE_URL is right"
        elif "locked" in low or "busy" in low:
            help = "another casegate process holds the registry; try again"
        raise StoreError(f"registry {shown_url(url)}: {doing} failed: {reason}", help=help) from None


def _driver_errors() -> tuple[type[BaseException], ...]:
    import sqlite3

    out: list[type[BaseException]] = [sqlite3.Error]
    try:
        import psycopg

        out.append(psycopg.Error)
    except ImportError:  # pragma: no cover - psycopg is a dependency
        pass
    return tuple(out)


_DRIVER_ERRORS = _driver_errors()


def make_engine(url: str, *, readonly: bool = False) -> sa.Engine:
    """An engine for `url` with the settings the log relies on.

    SQLite: WAL journal, synchronous=FULL (an acknowledged append survives a crash), foreign
    keys on, a 30 s busy timeout, and transactions begun by casegate itself so that writers can
    start with BEGIN IMMEDIATE (one writer at a time, never a fork of the tree).
    """
    try:
        u = sa.engine.make_url(url)
        u.get_dialect()
    except (ValueError, exc.ArgumentError, exc.NoSuchModuleError) as e:
        raise InputError(f"the database URL {shown_url(url)} cannot be used: {redact_password(str(e))}",
                         help="give --db as sqlite:///PATH, a file path, or postgresql://USER@HOST:PORT/NAME "
                              "(a port is a number)") from None
    if u.get_backend_name() not in ("sqlite", "postgresql"):
        raise InputError(f"the database URL {shown_url(url)} names {u.get_backend_name()!r}: a casegate registry "
                         "is SQLite or PostgreSQL",
                         help="give --db as sqlite:///PATH, a file path, or postgresql://USER@HOST:PORT/NAME")
    kwargs: dict[str, Any] = {}
    if readonly:
        try:
            return _readonly_engine(u)
        except (ImportError, ValueError, exc.ArgumentError) as e:
            raise InputError(f"the database URL {shown_url(url)} cannot be used: {redact_password(str(e))}",
                             help="casegate reaches PostgreSQL through psycopg 3 (postgresql+psycopg://)") from None
    if u.get_backend_name() == "sqlite":
        db = u.database
        if db and db != ":memory:":
            Path(db).parent.mkdir(parents=True, exist_ok=True)
        kwargs["connect_args"] = {"timeout": 30}
    elif u.get_backend_name() == "postgresql":
        kwargs["connect_args"] = {"connect_timeout": 10}
        # no pre-ping (a round trip per checkout): a dropped connection fails one operation with
        # a StoreError and SQLAlchemy replaces the pool's connections for the next one
        kwargs["pool_recycle"] = 1800
    try:
        engine = sa.create_engine(url, **kwargs)
    except (ImportError, ValueError, exc.ArgumentError) as e:
        raise InputError(f"the database URL {shown_url(url)} cannot be used: {redact_password(str(e))}",
                         help="casegate reaches PostgreSQL through psycopg 3 (postgresql+psycopg://)") from None
    if engine.dialect.name == "sqlite":
        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: Any, _rec: Any) -> None:
            dbapi_conn.isolation_level = None  # casegate issues BEGIN itself
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=FULL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            # proofs read scattered tree nodes: keep pages in memory rather than re-reading them
            cur.execute("PRAGMA cache_size=-65536")
            cur.execute("PRAGMA mmap_size=268435456")
            cur.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn: sa.Connection) -> None:
            write = conn.get_execution_options().get("casegate_write", False)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
    return engine


def missing_sqlite_file(url: str) -> str | None:
    """The path of the SQLite file `url` names when that file does not exist; None for any other
    database (or a file that exists)."""
    try:
        u = sa.make_url(url)
        backend = u.get_backend_name()
    except Exception:  # a malformed URL: opening it says what is wrong
        return None
    if backend != "sqlite" or not u.database or u.database == ":memory:":
        return None
    return None if Path(u.database).exists() else u.database


def _readonly_engine(u: sa.URL) -> sa.Engine:
    """An engine that cannot create or change the database: SQLite through a `mode=ro` URI
    (a missing file is an error, not a new database), PostgreSQL with read-only sessions."""
    if u.get_backend_name() == "sqlite":
        db = u.database
        if not db or db == ":memory:":
            raise StoreError("a read-only registry must be a SQLite file or a PostgreSQL database")
        if not Path(db).is_file():
            raise StoreError(f"no registry at {db}: the file does not exist (it is not created here)",
                             help="check --db / CASEGATE_DATABASE_URL")
        from urllib.parse import quote

        engine = sa.create_engine(f"sqlite:///file:{quote(str(Path(db).resolve()))}?mode=ro&uri=true",
                                  connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn: Any, _rec: Any) -> None:
            dbapi_conn.isolation_level = None
            dbapi_conn.execute("PRAGMA busy_timeout=30000")

        @event.listens_for(engine, "begin")
        def _on_begin(conn: sa.Connection) -> None:
            conn.exec_driver_sql("BEGIN")

        return engine
    if u.get_backend_name() == "postgresql":
        return sa.create_engine(u, connect_args={"connect_timeout": 10,
                                                 "options": "-c default_transaction_read_only=on"})
    raise StoreError(f"unsupported registry database {u.get_backend_name()!r}")


def current_revision(conn: sa.Connection) -> str | None:
    insp = sa.inspect(conn)
    if not insp.has_table("alembic_version"):
        return None
    row = conn.execute(sa.text("SELECT version_num FROM alembic_version")).first()
    return None if row is None else str(row[0])


def migrate(engine: sa.Engine) -> None:
    """Bring the schema to HEAD_REVISION with Alembic, one migrator at a time."""
    with engine.connect() as probe:
        rev = current_revision(probe)
        probe.rollback()
    if rev == HEAD_REVISION:
        return
    from alembic import command
    from alembic.config import Config
    from alembic.util import CommandError

    with engine.connect().execution_options(casegate_write=True) as conn, conn.begin():
        if conn.dialect.name == "postgresql":
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_MIGRATION_LOCK})
        rev = current_revision(conn)
        if rev == HEAD_REVISION:
            return
        if rev is not None and rev > HEAD_REVISION:
            raise StoreError(
                f"the registry was written by a newer casegate (schema revision {rev}, this casegate knows {HEAD_REVISION})",
                help="upgrade casegate to read this registry")
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        cfg.attributes["connection"] = conn
        try:
            command.upgrade(cfg, "head")
        except CommandError as e:
            raise StoreError(f"the registry is at an unknown schema revision {rev!r}: {e}",
                             help="it was not written by casegate, or was altered; check --db") from None
