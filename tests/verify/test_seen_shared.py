"""The `verify --seen` file shared and tampered with: two pipelines keeping one file never write an
older checkpoint back over a newer one (the read-check-write runs under a lock), and a kept
checkpoint edited by hand is an error naming the file, not a reset or a refusal that blames the
log."""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from casegate.store import parse_checkpoint, sign_checkpoint
from casegate.store._merkle import (
    build_nodes,
    consistency_spec,
    fold,
    leaf_hash,
    range_nodes,
    resolve,
)
from casegate.verify._seen import seen_checkpoint, seen_lock
from tests.verify.test_replayed_proof import _base
from tests.verify.test_trust_attacks import Setup, setup  # noqa: F401
from tests.verify.trusted import CASE, DEMO_EXIT, cli_in_process

ORIGIN = "test.casegate.example/shared"
LEAVES = [leaf_hash(bytes([i])) for i in range(12)]
NODES = build_nodes(LEAVES)
KEY = Ed25519PrivateKey.generate()


def _cp(size: int):  # type: ignore[no-untyped-def]
    return sign_checkpoint(ORIGIN, size, fold([NODES[n] for n in range_nodes(0, size)]), KEY)


def _consistency(old: int, new: int) -> Sequence[bytes]:
    return resolve(consistency_spec(old, new), NODES)


def _kept(path: Path) -> int:
    return int(json.loads(path.read_text())["tree_size"])


def test_two_pipelines_sharing_a_file_never_keep_the_older_tree(tmp_path: Path) -> None:
    """Pipeline A checks a proof under size 8 and is slow; pipeline B, meanwhile, keeps size 10.
    Interleaved, A would write 8 back over 10, and the proof under size 9 (before a reopening
    logged at 9) would then pass again. Under the lock B waits, and reads A's 8 before keeping 10."""
    seen = tmp_path / "seen.json"
    with seen_lock(seen):
        assert seen_checkpoint(seen, _cp(6), ORIGIN, _consistency) == []
    a_checking, a_go = threading.Event(), threading.Event()
    results: dict[str, list[str]] = {}

    def slow(old: int, new: int) -> Sequence[bytes]:
        a_checking.set()
        assert a_go.wait(10)
        return _consistency(old, new)

    def pipeline(name: str, size: int, source) -> None:  # type: ignore[no-untyped-def]
        with seen_lock(seen):
            results[name] = seen_checkpoint(seen, _cp(size), ORIGIN, source)

    a = threading.Thread(target=pipeline, args=("a", 8, slow))
    a.start()
    assert a_checking.wait(10)
    b = threading.Thread(target=pipeline, args=("b", 10, _consistency))
    b.start()
    b.join(1.0)  # unlocked, B is done by now and A writes 8 over its 10
    a_go.set()
    a.join(10)
    b.join(10)
    assert results == {"a": [], "b": []}
    assert _kept(seen) == 10
    with seen_lock(seen):
        (why,) = seen_checkpoint(seen, _cp(9), ORIGIN, _consistency)
    assert "is older than the newest this verifier has seen (size 10" in why


def test_a_kept_checkpoint_edited_by_hand_is_an_error_naming_the_file(setup: Setup) -> None:  # noqa: F811
    seen, proof = setup.path / "seen.json", setup.path / "p.json"
    rc, text = cli_in_process(setup.path, "state-proof", CASE, "--out", str(proof), "--db", setup.db)
    assert rc == 0, text
    rc, text = cli_in_process(setup.path, *_base(setup), "--state-proof", str(proof), "--seen", str(seen))
    assert rc == DEMO_EXIT, text
    doc = json.loads(seen.read_text())
    cp = parse_checkpoint(doc["checkpoint"])
    # the body edited (another root), the log's signature line left as it was
    lines = doc["checkpoint"].split("\n")
    lines[2] = "A" * 43 + "="
    seen.write_text(json.dumps({**doc, "checkpoint": "\n".join(lines)}))
    assert parse_checkpoint(json.loads(seen.read_text())["checkpoint"]).tree_size == cp.tree_size
    rc, text = cli_in_process(setup.path, *_base(setup), "--state-proof", str(proof), "--seen", str(seen))
    assert rc == 2, text
    assert "seen.json" in text and "does not verify with the log key the trust root pins" in text, text
    assert "Traceback" not in text
    # a file that is not JSON at all is an error too, never a fresh start
    seen.write_text("{not json")
    rc, text = cli_in_process(setup.path, *_base(setup), "--state-proof", str(proof), "--seen", str(seen))
    assert rc == 2 and "seen.json" in text and "Traceback" not in text, text
    assert seen.read_text() == "{not json"


def test_a_checkpoint_kept_under_an_earlier_log_key_stays_kept(tmp_path: Path) -> None:
    """The root's log key rotated since the checkpoint was kept: it is taken as kept (its tree is
    the log's whatever key signed it), and a tree that does not extend it is still refused."""
    seen = tmp_path / "seen.json"
    with seen_lock(seen):
        assert seen_checkpoint(seen, _cp(6), ORIGIN, _consistency) == []
    rotated = Ed25519PrivateKey.generate().public_key()
    with seen_lock(seen):
        assert seen_checkpoint(seen, _cp(8), ORIGIN, _consistency, rotated) == []
    assert _kept(seen) == 8
    with seen_lock(seen):
        (why,) = seen_checkpoint(seen, _cp(10), ORIGIN, lambda _o, _n: [bytes(32)], rotated)
    assert "the log shows two histories" in why


def test_a_witness_cosignature_does_not_carry_over_to_another_tree() -> None:
    """A cosignature signs the checkpoint's body (origin, size, root): moved onto the log's
    checkpoint of another size it does not verify (no fix: checked)."""
    import pytest

    from casegate.errors import VerificationError
    from casegate.store import cosign_checkpoint, verify_cosignature

    witness = Ed25519PrivateKey.generate()
    six, eight = _cp(6), _cp(8)
    line = cosign_checkpoint(six, witness, "w.example", 1_700_000_000)
    assert verify_cosignature(six.with_signature(line), witness.public_key(), "w.example") == 1_700_000_000
    with pytest.raises(VerificationError):
        verify_cosignature(eight.with_signature(line), witness.public_key(), "w.example")
