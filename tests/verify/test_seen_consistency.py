"""`verify --seen FILE` with a larger tree than the one kept: the registry (--db) proves the new
checkpoint extends the kept one (RFC 9162), and a log that showed this verifier another history
is refused though the new tree is larger; a source that cannot give the proof fails closed; a
state proof file gives it itself (SQLite and PostgreSQL)."""

from __future__ import annotations

import json

from casegate.errors import StoreError
from casegate.store import load_private_key, open_registry, parse_checkpoint, sign_checkpoint
from casegate.verify._seen import seen_checkpoint
from tests.verify.test_replayed_proof import _base
from tests.verify.test_trust_attacks import Setup, setup  # noqa: F401
from tests.verify.trusted import CASE, DEMO_EXIT, cli_in_process


def _latest(setup: Setup) -> str:  # noqa: F811
    with open_registry(setup.db) as reg:
        return reg.latest_checkpoint() or ""


def _grow(setup: Setup) -> None:  # noqa: F811
    with open_registry(setup.db) as reg:
        reg.record("decision", "another-case", {"note": "an entry of another case"})
    setup.trust.checkpoint(setup.db)


def test_a_larger_tree_of_another_history_is_refused_under_db(setup: Setup) -> None:  # noqa: F811
    seen = setup.path / "seen.json"
    cp = parse_checkpoint(_latest(setup))
    # the log key showed this verifier a tree of this size with another history
    forked = sign_checkpoint(cp.origin, cp.tree_size, bytes(32), load_private_key(setup.trust.log_key),
                             extensions=cp.extensions)
    assert seen_checkpoint(seen, forked, cp.origin) == []
    _grow(setup)
    rc, text = cli_in_process(setup.path, *_base(setup), "--db", setup.db, "--seen", str(seen))
    assert rc == 1, text
    assert f"is not proven to extend the one this verifier has seen (size {cp.tree_size}" in text, text
    assert "the log shows two histories" in text, text
    assert parse_checkpoint(json.loads(seen.read_text())["checkpoint"]).root == bytes(32)  # not replaced


def test_a_larger_tree_that_extends_the_kept_one_is_kept(setup: Setup) -> None:  # noqa: F811
    seen = setup.path / "seen.json"
    rc, text = cli_in_process(setup.path, *_base(setup), "--db", setup.db, "--seen", str(seen))
    assert rc == DEMO_EXIT, text
    _grow(setup)
    rc, text = cli_in_process(setup.path, *_base(setup), "--db", setup.db, "--seen", str(seen))
    assert rc == DEMO_EXIT, text
    assert json.loads(seen.read_text())["tree_size"] == parse_checkpoint(_latest(setup)).tree_size


def test_a_source_that_cannot_prove_consistency_fails_closed(setup: Setup) -> None:  # noqa: F811
    seen = setup.path / "seen.json"
    old = parse_checkpoint(_latest(setup))
    assert seen_checkpoint(seen, old, old.origin) == []
    _grow(setup)
    new = parse_checkpoint(_latest(setup))

    def unreachable(_old: int, _new: int) -> list[bytes]:
        raise StoreError("the review board answered 404")

    (why,) = seen_checkpoint(seen, new, new.origin, unreachable)
    assert "no consistency proof could be had" in why and "not verified" in why, why
    # a proof whose path is not the one the trees need is refused the same way
    (why,) = seen_checkpoint(seen, new, new.origin, lambda _o, _n: [bytes(32)])
    assert "is not proven to extend" in why, why
    assert json.loads(seen.read_text())["tree_size"] == old.tree_size
    with open_registry(setup.db, readonly=True) as reg:
        assert seen_checkpoint(seen, new, new.origin, lambda o, n: reg.prove_consistency(o, n).path) == []
    assert json.loads(seen.read_text())["tree_size"] == new.tree_size


def test_a_state_proof_file_proves_its_larger_tree_itself(setup: Setup) -> None:  # noqa: F811
    """A file is asked nothing: its entries and the path of the first give the consistency proof
    (tests/verify/test_seen_fork.py), so another history under a larger tree is refused offline
    too, and the file keeps the old checkpoint."""
    seen, proof = setup.path / "seen.json", setup.path / "p.json"
    cp = parse_checkpoint(_latest(setup))
    forked = sign_checkpoint(cp.origin, cp.tree_size, bytes(32), load_private_key(setup.trust.log_key),
                             extensions=cp.extensions)
    assert seen_checkpoint(seen, forked, cp.origin) == []
    _grow(setup)
    rc, text = cli_in_process(setup.path, "state-proof", CASE, "--out", str(proof), "--db", setup.db)
    assert rc == 0, text
    rc, text = cli_in_process(setup.path, *_base(setup), "--state-proof", str(proof), "--seen", str(seen))
    assert rc == 1 and "the log shows two histories" in text, text
    assert parse_checkpoint(json.loads(seen.read_text())["checkpoint"]).root == bytes(32)
