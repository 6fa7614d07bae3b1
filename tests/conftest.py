"""Shared fixtures: paths, the example case, and a database URL per backend (SQLite, PostgreSQL)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# facts derived from evidence artifacts and compiled templates are cached per user, with a key
# kept in the user's state folder; the tests keep theirs apart
for _var, _prefix in (("CASEGATE_CACHE_DIR", "casegate-test-cache-"), ("CASEGATE_STATE_DIR", "casegate-test-state-")):
    if _var not in os.environ:
        import atexit
        import shutil
        import tempfile

        os.environ[_var] = tempfile.mkdtemp(prefix=_prefix)
        atexit.register(shutil.rmtree, os.environ[_var], True)
EXAMPLES = ROOT / "examples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# The suite lays cases out the way a repository does: a case in one folder naming a policy,
# includes and artifacts shared from folders above it, copied into temporary folders that have
# no `.git` to mark the top. Those cases are trusted, so the suite names one root holding both
# the temporary folders and the source tree; tests/security unsets it to test confinement.
os.environ.setdefault("CASEGATE_ROOT", os.path.commonpath([
    str(Path(__import__("tempfile").gettempdir()).resolve()), str(ROOT)]))


@pytest.fixture
def example_case() -> Path:
    return EXAMPLES / "atlas-api" / "case.yaml"


def _backends() -> list[str]:
    out = ["sqlite"]
    if os.environ.get("CASEGATE_TEST_POSTGRES_URL"):
        out.append("postgres")
    elif os.environ.get("CI"):
        # in CI PostgreSQL must be there: a missing server is a failure, not a skip
        out.append("postgres")
    return out


@pytest.fixture(params=_backends())
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database on each backend the run has (SQLite always, PostgreSQL in CI)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'registry.db'}"
        return
    base = os.environ.get("CASEGATE_TEST_POSTGRES_URL")
    if not base:
        pytest.fail("CASEGATE_TEST_POSTGRES_URL is not set: run the tests through `make test`")
    import uuid

    import sqlalchemy as sa

    name = "t_" + uuid.uuid4().hex[:12]
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(sa.text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    url = base.rsplit("/", 1)[0] + "/" + name
    yield url  # type: ignore[misc]
    admin = sa.create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()
