"""Fixtures the monitor tests share."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from casegate.store import Registry, open_registry


@pytest.fixture
def reg(database_url: str) -> Iterator[Registry]:
    """A registry at `database_url` (SQLite and PostgreSQL), closed after the test."""
    r = open_registry(database_url)
    yield r
    r.close()
