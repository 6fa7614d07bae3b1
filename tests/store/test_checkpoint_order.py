"""`casegate log verify` fails on stored checkpoints out of order: the log key that signs a smaller
tree after a larger one (a rolled-back log shown to someone), or another root at a size already
signed (a forked log), is caught and both checkpoints are named (SQLite and PostgreSQL)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa

from casegate.errors import VerificationError
from casegate.store import (
    Registry,
    checkpoint_order_problem,
    load_private_key,
    parse_checkpoint,
    sign_checkpoint,
)
from casegate.store import _merkle as mk
from casegate.store._schema import checkpoints
from tests.store.test_log_verify_trust_root import _store


def _ids(registry: Registry) -> list[int]:
    with registry.engine.connect() as conn:
        return [int(i) for i in conn.execute(sa.select(checkpoints.c.id).order_by(checkpoints.c.id)).scalars()]


def _grow(registry: Registry, log_key: Path) -> tuple[str, str]:
    for i in range(3):
        registry.record("decision", "c", {"i": i})
    small = registry.checkpoint(log_key)
    for i in range(3, 6):
        registry.record("decision", "c", {"i": i})
    large = registry.checkpoint(log_key)
    registry.verify_log()
    return small, large


def test_a_smaller_tree_signed_after_a_larger_one_fails(registry: Registry, log_key: Path) -> None:
    small, _ = _grow(registry, log_key)
    # the log key signs the 3-entry tree again after the 6-entry one: a rolled-back log shown to a
    # verifier; every root still matches the entries, so only the order shows it
    cp = parse_checkpoint(small)
    again = sign_checkpoint(cp.origin, cp.tree_size, cp.root, load_private_key(log_key), extensions=cp.extensions)
    _store(registry, log_key, again.text())
    first, second, third = _ids(registry)
    with pytest.raises(VerificationError) as e:
        registry.verify_log()
    assert (f"stored checkpoint {third} (size 3) was issued after stored checkpoint {second} (size 6)"
            in e.value.message), e.value.message
    assert "the log was rolled back" in e.value.message


def test_another_root_at_a_signed_size_fails_naming_both(registry: Registry, log_key: Path) -> None:
    _, large = _grow(registry, log_key)
    cp = parse_checkpoint(large)
    forked = sign_checkpoint(cp.origin, cp.tree_size, mk.leaf_hash(b"another history"), load_private_key(log_key),
                             extensions=cp.extensions)
    _store(registry, log_key, forked.text())
    _, second, third = _ids(registry)
    with pytest.raises(VerificationError) as e:
        registry.verify_log()
    assert (f"stored checkpoint {third} (size 6) was issued after stored checkpoint {second} (size 6), but both "
            "cover 6 entries but their roots differ: the log shows two histories") in e.value.message, e.value.message


def test_log_verify_exits_1_on_a_rolled_back_checkpoint(registry: Registry, log_key: Path, database_url: str,
                                                         tmp_path: Path) -> None:
    small, _ = _grow(registry, log_key)
    cp = parse_checkpoint(small)
    _store(registry, log_key, sign_checkpoint(cp.origin, cp.tree_size, cp.root, load_private_key(log_key),
                                              extensions=cp.extensions).text())
    r = subprocess.run([sys.executable, "-m", "casegate", "log", "verify", "--db", database_url],
                       capture_output=True, text=True, cwd=tmp_path, check=False)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "the log was rolled back" in r.stdout + r.stderr and "Traceback" not in r.stderr


def test_the_order_check_itself() -> None:
    a, b = b"a" * 32, b"b" * 32
    assert checkpoint_order_problem((3, a), (3, a)) is None
    assert checkpoint_order_problem((3, a), (4, b)) is None  # a larger tree: a consistency proof decides
    assert "rolled back" in (checkpoint_order_problem((4, a), (3, a)) or "")
    assert "two histories" in (checkpoint_order_problem((3, a), (3, b)) or "")
