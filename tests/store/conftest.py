"""Fixtures for the registry tests: an open registry on each backend and a checkpoint key."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from casegate.store import Registry, generate_key, open_registry


@pytest.fixture
def registry(database_url: str) -> Iterator[Registry]:
    reg = open_registry(database_url)
    yield reg
    reg.close()


@pytest.fixture
def log_key(tmp_path: Path) -> Path:
    p = tmp_path / "keys" / "log.pem"
    generate_key(p)
    return p
