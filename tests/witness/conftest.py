"""A signed log to witness: a registry (SQLite and PostgreSQL) with entries and a checkpoint key."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from casegate.store import Registry, generate_key, load_public_key, open_registry, verifier_key

ORIGIN = "witness-test.casegate.example/log"


@dataclass
class SignedLog:
    reg: Registry
    key: Path
    url: str

    @property
    def vkey(self) -> str:
        return verifier_key(ORIGIN, load_public_key(self.key))

    def grow(self, n: int, tag: str = "a") -> str:
        """Append `n` entries and sign a checkpoint; returns its note."""
        self.reg.record_many([("note", None, {"fork": tag, "i": i}) for i in range(n)])
        return self.reg.checkpoint(self.key, ORIGIN)


@pytest.fixture
def signed_log(database_url: str, tmp_path: Path) -> Iterator[SignedLog]:
    key = tmp_path / "log.pem"
    generate_key(key)
    reg = open_registry(database_url)
    yield SignedLog(reg, key, database_url)
    reg.close()
