"""Tamper evidence: changing, deleting, inserting or reordering anything the registry stores is
caught by `verify_log` and by `casegate log verify`, with the reason."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import rfc8785
import sqlalchemy as sa

from casegate.errors import VerificationError
from casegate.load import load_case
from casegate.store import Registry
from casegate.store import _merkle as mk
from casegate.store._canonical import entry_bytes

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "atlas-api"


@pytest.fixture
def demo(registry: Registry, log_key: Path) -> tuple[Registry, Path, str]:
    """A registry holding the example case, a decision, sign-offs, an incident and a state
    change (12 entries), with a signed checkpoint the auditor kept."""
    registry.submit_case(load_case(EXAMPLE / "case.yaml"))
    registry.record("decision", "atlas-2-api", {"outcome": "GO WITH CONDITIONS", "conditions": ["C1"]})
    registry.record_many([("signoff", "atlas-2-api", {"role": r, "person": p})
                          for r, p in [("safety-lead", "ana"), ("rso", "ben"), ("external-evaluator", "eve")]])
    registry.record("objection", "atlas-2-api", {"by": "dan", "reason": "sandbagging not ruled out"})
    registry.set_case_state("atlas-2-api", "approved-with-conditions", {"decision": 1})
    registry.record_many([("publication", "atlas-2-api", {"n": i}) for i in range(5)])
    kept = registry.checkpoint(log_key)
    assert registry.size() == 12
    registry.verify_log(kept, Path(str(log_key) + ".pub"))
    return registry, Path(str(log_key) + ".pub"), kept


def sql(reg: Registry, *stmts: str, **params: object) -> None:
    with reg.engine.begin() as c:
        for s in stmts:
            c.execute(sa.text(s), params)


def rehash_everything(reg: Registry) -> None:
    """What a forger with write access does: recompute every leaf and node hash so that the
    stored tree is self-consistent again."""
    with reg.engine.begin() as c:
        rows = c.execute(sa.text("SELECT idx, kind, case_id, payload, recorded_at FROM log_entries ORDER BY idx")).all()
        frontier: list[bytes] = []
        for r in rows:
            leaf = mk.leaf_hash(entry_bytes(r.idx, r.kind, r.case_id, r.payload.encode(), r.recorded_at))
            done = mk.append_leaf(frontier, r.idx, leaf)
            c.execute(sa.text("UPDATE log_entries SET hashes = :h WHERE idx = :i"), {"h": b"".join(done), "i": r.idx})
        c.execute(sa.text("UPDATE log_head SET size = :n"), {"n": len(rows)})


def payload_of(reg: Registry, idx: int) -> dict:
    with reg.engine.connect() as c:
        return json.loads(c.execute(sa.text("SELECT payload FROM log_entries WHERE idx = :i"), {"i": idx}).scalar_one())


def set_payload(reg: Registry, idx: int, payload: dict) -> None:
    sql(reg, "UPDATE log_entries SET payload = :p WHERE idx = :i", p=rfc8785.dumps(payload).decode(), i=idx)


def swap_rows(reg: Registry, a: int, b: int) -> None:
    sql(reg, "UPDATE log_entries SET idx = -1 WHERE idx = :a", "UPDATE log_entries SET idx = :a WHERE idx = :b",
        "UPDATE log_entries SET idx = :b WHERE idx = -1", a=a, b=b)


def insert_in_middle(reg: Registry, at: int) -> None:
    """Shift entries at >= `at` up by one and put a well-formed entry in the gap."""
    sql(reg, "UPDATE log_entries SET idx = idx + 1000 WHERE idx >= :at",
        "UPDATE log_entries SET idx = idx - 999 WHERE idx >= 1000", at=at)
    forged = rfc8785.dumps({"outcome": "GO"})
    leaf = mk.leaf_hash(entry_bytes(at, "decision", "atlas-2-api", forged, "2026-01-01T00:00:00.000000Z"))
    frontier: list[bytes] = []
    for i in range(at):  # the forged row carries correct tree hashes for its position
        mk.append_leaf(frontier, i, _hashes(reg, i)[:32])
    leaf = b"".join(mk.append_leaf(frontier, at, leaf))
    sql(reg, "INSERT INTO log_entries (idx, kind, case_id, payload, recorded_at, hashes) "
             "VALUES (:i, 'decision', 'atlas-2-api', :p, '2026-01-01T00:00:00.000000Z', :h)",
        "UPDATE log_head SET size = size + 1", i=at, p=forged.decode(), h=leaf)


Tamper = Callable[[Registry], None]

TAMPERS: dict[str, tuple[Tamper, str]] = {
    "change a payload": (lambda r: set_payload(r, 1, {**payload_of(r, 1), "outcome": "GO"}),
                         r"entry 1 \(decision\) was changed after it was logged"),
    "change a payload's formatting": (
        lambda r: sql(r, "UPDATE log_entries SET payload = :p WHERE idx = 4", p=json.dumps(payload_of(r, 4), indent=1)),
        r"entry 4: its payload is not in canonical form"),
    "change a kind": (lambda r: sql(r, "UPDATE log_entries SET kind = 'signoff' WHERE idx = 5"),
                      r"entry 5 \(signoff\) was changed"),
    "change a time": (lambda r: sql(r, "UPDATE log_entries SET recorded_at = '2020-01-01T00:00:00.000000Z' WHERE idx = 3"),
                      r"entry 3 \(signoff\) was changed"),
    "move an entry to another case": (lambda r: sql(r, "UPDATE log_entries SET case_id = 'other' WHERE idx = 2"),
                                      r"entry 2 \(signoff\) was changed"),
    "delete an entry": (lambda r: sql(r, "DELETE FROM log_entries WHERE idx = 5"),
                        r"entry 5 is missing: the stored log jumps from entry 4 to 6"),
    "delete the last entry": (lambda r: sql(r, "DELETE FROM log_entries WHERE idx = 11"),
                              r"entries 11\.\.11 are missing: the log head says 12 entries"),
    "delete the last entries and the head": (
        lambda r: sql(r, "DELETE FROM log_entries WHERE idx >= 10", "UPDATE log_head SET size = 10"),
        r"a signed checkpoint covers 12: entries were removed"),
    "insert an entry in the middle": (lambda r: insert_in_middle(r, 3), r"entry 4 \(signoff\) was changed"),
    "insert an entry at the end, bypassing the head": (
        lambda r: sql(r, "INSERT INTO log_entries (idx, kind, case_id, payload, recorded_at, hashes) "
                         "SELECT 12, kind, case_id, payload, recorded_at, hashes FROM log_entries WHERE idx = 11"),
        r"entries 12\.\.12 were inserted outside the log"),
    "reorder two entries": (lambda r: swap_rows(r, 2, 6), r"entry 2 \(.*\) was changed"),
    "reorder two payloads": (
        lambda r: (lambda a, b: (set_payload(r, 2, b), set_payload(r, 3, a)))(payload_of(r, 2), payload_of(r, 3)),
        r"entry 2 \(signoff\) was changed"),
    "alter a stored tree hash": (
        lambda r: sql(r, "UPDATE log_entries SET hashes = :h WHERE idx = 7",
                      h=bytes(_hashes(r, 7)[:32]) + b"\x00" * 32 * (len(_hashes(r, 7)) // 32 - 1)),
        r"the tree hashes stored with entry 7 were altered"),
    "rewrite history and rehash the tree": (
        lambda r: (set_payload(r, 1, {**payload_of(r, 1), "outcome": "GO"}), rehash_everything(r)),
        r"no longer produce the root signed in the checkpoint at size 12: history was rewritten"),
    "alter a checkpoint's root": (
        lambda r: sql(r, "UPDATE checkpoints SET root = :x", x=b"\x01" * 32),
        r"its note and its recorded size/root disagree"),
    "forge a checkpoint note": (
        lambda r: sql(r, "UPDATE checkpoints SET note = :n",
                      n=_first_note(r).replace("\n12\n", "\n11\n")),
        r"note and its recorded size/root disagree|does not verify"),
    "alter a stored case file": (
        lambda r: sql(r, "UPDATE blobs SET content = :c WHERE sha256 = "
                         "(SELECT sha256 FROM case_files WHERE path = 'case.yaml')", c=b"casegate: 1\n"),
        r"the stored bytes of a case file .* were altered"),
    "swap a version's file for another": (
        lambda r: sql(r, "UPDATE case_files SET sha256 = (SELECT sha256 FROM case_files WHERE path = 'policy.yaml') "
                         "WHERE path = 'case.yaml'"),
        r"case version atlas-2-api@1: its stored files differ from those logged in entry 0"),
    "un-withdraw a case": (
        lambda r: sql(r, "UPDATE cases SET state = 'approved'"),
        r"case atlas-2-api: its state 'approved' is not the one the log recorded \('approved-with-conditions'\)"),
}


def _hashes(r: Registry, idx: int) -> bytes:
    with r.engine.connect() as c:
        return bytes(c.execute(sa.text("SELECT hashes FROM log_entries WHERE idx = :i"), {"i": idx}).scalar_one())


def _first_note(r: Registry) -> str:
    return r.checkpoints()[0]


@pytest.mark.parametrize("name", list(TAMPERS))
def test_tampering_is_caught(demo: tuple[Registry, Path, str], name: str) -> None:
    reg, pub, kept = demo
    tamper, reason = TAMPERS[name]
    tamper(reg)
    with pytest.raises(VerificationError, match=reason):
        reg.verify_log(kept, pub)


def test_rewritten_history_with_checkpoints_removed_is_caught_by_the_auditors_checkpoint(
        demo: tuple[Registry, Path, str]) -> None:
    reg, pub, kept = demo
    set_payload(reg, 1, {**payload_of(reg, 1), "outcome": "GO"})
    rehash_everything(reg)
    sql(reg, "DELETE FROM checkpoints")
    report = reg.verify_log(None, pub)  # internally consistent now: only an outside copy can tell
    assert report.checkpoint_size is None
    with pytest.raises(VerificationError, match="not consistent with your checkpoint at size 12"):
        reg.verify_log(kept, pub)


def test_rollback_is_caught_by_the_auditors_checkpoint(demo: tuple[Registry, Path, str]) -> None:
    reg, pub, kept = demo
    sql(reg, "DELETE FROM log_entries WHERE idx >= 9", "UPDATE log_head SET size = 9", "DELETE FROM checkpoints")
    with pytest.raises(VerificationError, match="covers 12 entries but the log now has only 9: it was rolled back"):
        reg.verify_log(kept, pub)


def test_cli_log_verify_exit_codes(demo: tuple[Registry, Path, str], tmp_path: Path) -> None:
    reg, pub, kept = demo
    (tmp_path / "kept.txt").write_text(kept)
    args = [sys.executable, "-m", "casegate", "log", "verify", "--db", reg.url,
            "--checkpoint", str(tmp_path / "kept.txt"), "--key", str(pub)]
    ok = subprocess.run(args, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    assert "OK: the log verifies" in ok.stdout
    sql(reg, "DELETE FROM log_entries WHERE idx = 5")
    bad = subprocess.run(args, capture_output=True, text=True)
    assert bad.returncode == 1
    assert "entry 5 is missing" in bad.stderr and "Traceback" not in bad.stderr


def test_a_small_order_key_written_into_the_stored_checkpoint_is_not_handed_out_to_pin(
        demo: tuple[Registry, Path, str]) -> None:
    """The operator overwrites the newest checkpoint's stored signer with the neutral point (a key
    of small order, which one fixed forged signature verifies under). The registry does not offer it
    as the log's verifier key to pin, and its own audit refuses the checkpoint."""
    reg, _pub, _kept = demo
    assert reg.log_verifier_key() is not None
    neutral = bytes([1]) + bytes(31)
    with reg.engine.begin() as c:
        c.execute(sa.text("UPDATE checkpoints SET public_key = :k"), {"k": neutral})
    with pytest.raises(VerificationError, match="small order") as e:
        reg.log_verifier_key()
    assert "newest stored checkpoint" in str(e.value)
    with pytest.raises(VerificationError, match="small order"):
        reg.verify_log()
