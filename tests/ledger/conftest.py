"""Fixtures for the tile tests: a registry on each backend, a checkpoint key, and a log held in
memory for trees of any size."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from casegate.store import Registry, entry_bytes, generate_key, open_registry
from casegate.store import merkle as mk


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


class MemoryLog:
    """A log of generated entries in the registry's entry format, with every node computed the
    slow, obvious way (`mk.build_nodes`): the reference the tiles are compared with."""

    def __init__(self, n: int, tag: str = "a"):
        self.entries = [entry_bytes(i, "decision", f"case-{i % 7}", b'{"n":%d,"tag":"%s"}' % (i, tag.encode()),
                                    "2026-01-01T00:00:00.000000Z") for i in range(n)]
        self.leaves = [mk.leaf_hash(e) for e in self.entries]
        self.nodes = mk.build_nodes(self.leaves)

    def entry_range(self, start: int, end: int) -> Iterator[tuple[int, bytes, bytes | None]]:
        for i in range(start, end):
            yield i, self.entries[i], self.leaves[i]

    def node_range(self, level: int, start: int, end: int) -> list[bytes]:
        return [self.nodes[(level, i)] for i in range(start, end)]

    def root(self, n: int) -> bytes:
        return mk.mth(self.leaves[:n])
