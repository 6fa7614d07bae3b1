"""`casegate log verify` holds each stored checkpoint's signed `casegate-trust-root` line to the
entries of the tree it covers, as a log monitor does (`check_trust_root_line`): the log key that
signs an older root version as the newest, after a newer one was recorded, is caught."""

from __future__ import annotations

from pathlib import Path

import pytest

from casegate.errors import VerificationError
from casegate.store import (
    KEYRING_CHANGES_EXTENSION,
    TIME_EXTENSION,
    Registry,
    load_private_key,
    parse_checkpoint,
    sign_checkpoint,
)
from casegate.store._checkpoint import trust_root_line
from casegate.store._schema import checkpoints

V1, V2 = "sha256:" + "1" * 64, "sha256:" + "2" * 64


def _store(registry: Registry, log_key: Path, note: str) -> None:
    cp = parse_checkpoint(note)
    with registry.engine.begin() as conn:
        conn.execute(checkpoints.insert().values(
            tree_size=cp.tree_size, root=cp.root, origin=cp.origin, key_name=cp.signatures[0].name,
            public_key=load_private_key(log_key).public_key().public_bytes_raw(), note=note,
            created_at="2026-12-01T00:00:00Z"))


def _forged(registry: Registry, log_key: Path, *lines: str) -> str:
    honest = parse_checkpoint(registry.checkpoint(log_key))
    return sign_checkpoint(honest.origin, honest.tree_size, honest.root, load_private_key(log_key),
                           extensions=(f"{TIME_EXTENSION}1796000000", f"{KEYRING_CHANGES_EXTENSION}0",
                                       *lines)).text()


@pytest.mark.parametrize(("line", "said"), [
    (trust_root_line((1, V1)), f"is trust root version 1 ({V1}), but its entries' newest is trust root version 2"),
    (trust_root_line((2, V1)), f"is trust root version 2 ({V1}), but its entries' newest is trust root version 2 ({V2})"),
    (trust_root_line(None), "is no trust root version, but its entries' newest is trust root version 2"),
    ("casegate-trust-root 2", "carries a trust root line that cannot be read"),
])
def test_a_checkpoint_naming_an_older_root_is_refused(registry: Registry, log_key: Path, line: str,
                                                       said: str) -> None:
    registry.record("trust-root", None, {"version": 1, "digest": V1})
    registry.record("trust-root", None, {"version": 2, "digest": V2})
    registry.record("decision", "c", {"i": 1})
    honest = parse_checkpoint(registry.checkpoint(log_key))
    assert trust_root_line((2, V2)) in honest.extensions
    registry.verify_log()
    # the log key signs version 1 (or another digest, or none) as the newest the tree records
    _store(registry, log_key, _forged(registry, log_key, line))
    with pytest.raises(VerificationError, match="signed a wrong trust root line|signed a malformed one") as e:
        registry.verify_log()
    assert said in e.value.message


def test_a_checkpoint_leaving_the_line_out_after_one_carrying_it_is_refused(registry: Registry,
                                                                          log_key: Path) -> None:
    registry.record("trust-root", None, {"version": 1, "digest": V1})
    registry.checkpoint(log_key)
    registry.record("trust-root", None, {"version": 2, "digest": V2})
    _store(registry, log_key, _forged(registry, log_key))
    with pytest.raises(VerificationError, match="carries no trust root line, though the checkpoint checked "
                                                "before it did"):
        registry.verify_log()


def test_checkpoints_from_before_the_line_and_honest_ones_verify(registry: Registry, log_key: Path) -> None:
    registry.record("decision", "c", {"i": 1})
    old = _forged(registry, log_key)  # as signed before checkpoints carried the line
    with registry.engine.begin() as conn:
        conn.execute(checkpoints.delete())
    _store(registry, log_key, old)
    registry.record("trust-root", None, {"version": 1, "digest": V1})
    registry.checkpoint(log_key)
    registry.record("trust-root", None, {"version": 2, "digest": V2})
    registry.record("trust-root", None, {"version": 1, "digest": V1})  # a lower version later counts for nothing
    registry.checkpoint(log_key)
    assert registry.verify_log().checkpoints_checked == 3
