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

# The suite runs on a story's clock, not the real one. Its examples and fixtures are set on fixed
# dates (the examples' evidence was gathered in November 2026 and expires in spring 2027, their
# decisions lapse then, their keys in 2028), and casegate judges every date against the clock and
# records the clock's time in signatures and in the registry's log. On the real calendar the
# suite would start to fail when they lapse. Every test, and every Python process a test starts
# (tests/clock/sitecustomize.py, on PYTHONPATH), reads one clock set to STORY_NOW when the run
# began and running forward from it (scripts/story_clock.py, which `make demo` runs on too).
# tests/test_calendar.py runs the tests that judge the examples years ahead to keep it so.
STORY_NOW = "2026-12-04T09:00:00Z"
"""The suite's story time: the day after the examples' story ends (release on 2026-12-01, an
incident on 2026-12-02), inside every example's evidence lifetime."""
# (not a CASEGATE_ variable: tests that clear those for a subprocess keep the suite's clock)
if not os.environ.get("TESTS_STORY_CLOCK"):
    import time as _time

    os.environ["TESTS_STORY_CLOCK"] = f"{STORY_NOW}@{_time.time()}"
_CLOCK_SITE = str(Path(__file__).resolve().parent / "clock")
if _CLOCK_SITE not in os.environ.get("PYTHONPATH", "").split(os.pathsep):
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (_CLOCK_SITE, os.environ.get("PYTHONPATH")) if p)
if "story_clock" not in __import__("sys").modules:
    import sys as _sys

    _sys.path.insert(0, str(ROOT / "scripts"))
    import story_clock

    del _sys.path[0]
    story_clock.start(os.environ["TESTS_STORY_CLOCK"])


def without_the_suites_clock(env: dict[str, str]) -> dict[str, str]:
    """`env` for a process that must keep time as a user's would (the README's first hour, the
    demo): without the suite's story clock, so it is tested on whatever clock it sets itself."""
    out = {k: v for k, v in env.items() if k not in ("TESTS_STORY_CLOCK", "CASEGATE_STORY_CLOCK")}
    path = [p for p in out.get("PYTHONPATH", "").split(os.pathsep) if p and p != _CLOCK_SITE]
    if path:
        out["PYTHONPATH"] = os.pathsep.join(path)
    else:
        out.pop("PYTHONPATH", None)
    return out


# The examples are signed with keys whose private halves the repository publishes, which casegate
# refuses outside a demonstration (casegate._published_keys); the suite is one, as `make demo` is.
# Tests of the refusal clear it (`monkeypatch.delenv`, or a subprocess's env without it).
os.environ["CASEGATE_DEMO_KEYS"] = "1"

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
