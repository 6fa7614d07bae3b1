"""The public can check the log with the served files alone: the signed checkpoint (text/plain),
the verifier key, and the leaf hashes, using only hashlib and `cryptography`."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from casegate.store import generate_key, open_registry

from .conftest import BoardFixture, cli


def _root(leaves: list[bytes]) -> bytes:
    """RFC 9162 Merkle tree hash over leaf hashes."""
    if not leaves:
        return hashlib.sha256(b"").digest()
    if len(leaves) == 1:
        return leaves[0]
    k = 1
    while k * 2 < len(leaves):
        k *= 2
    return hashlib.sha256(b"\x01" + _root(leaves[:k]) + _root(leaves[k:])).digest()


def test_anyone_can_check_the_served_log(board: BoardFixture, tmp_path: Path) -> None:
    key = tmp_path / "log.key"
    generate_key(key)
    reg = open_registry(board.database_url)
    reg.checkpoint(key, "board.casegate.example/log")
    reg.close()
    c = board.client
    r = c.get("/public/log/checkpoint")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/plain")
    note = r.text
    vkey = c.get("/public/log/vkey").text.strip()
    printed = cli("log", "vkey", "--db", board.database_url, cwd=tmp_path)
    assert printed.returncode == 0, printed.stderr
    assert printed.stdout.strip() == vkey
    assert vkey in c.get("/public/log").text
    # the recipe in docs/ledger.md: parse the note, check the signature, recompute the root
    body, sigs = note.split("\n\n", 1)
    origin, size, root_b64 = body.split("\n")[:3]
    name, keyid_hex, key_b64 = vkey.split("+", 2)  # base64 may itself hold "+"
    assert name == origin == "board.casegate.example/log"
    raw = base64.b64decode(key_b64)
    assert raw[0] == 1 and hashlib.sha256(name.encode() + b"\n" + raw).digest()[:4].hex() == keyid_hex
    line = next(x for x in sigs.splitlines() if x.startswith(f"\u2014 {name} "))
    sig = base64.b64decode(line.split(" ")[2])
    assert sig[:4].hex() == keyid_hex
    Ed25519PublicKey.from_public_bytes(raw[1:]).verify(sig[4:], (body + "\n").encode())
    leaves = [bytes.fromhex(x) for x in c.get("/public/log/leaves").text.split()]
    assert len(leaves) == int(size)
    assert base64.b64encode(_root(leaves)).decode() == root_b64


def test_inclusion_and_consistency_proofs_over_the_api(board: BoardFixture) -> None:
    from casegate.store import _merkle as mk

    reg = open_registry(board.database_url)
    reg.record_many([("decision", None, {"i": i}) for i in range(40)])
    leaves = [e.leaf_hash for e in reg.events()]
    size = len(leaves)
    c = board.client
    for n in (None, size, size - 1, 1):
        want = size if n is None else n
        for m in {0, want // 2, want - 1}:
            r = c.get(f"/api/v1/log/inclusion/{m}" + ("" if n is None else f"?size={n}"))
            assert r.status_code == 200, r.text
            got = r.json()
            assert got == reg.prove_inclusion(m, want).to_json()
            mk.verify_inclusion(m, want, leaves[m], [bytes.fromhex(p) for p in got["path"]], mk.mth(leaves[:want]))
    for bad in (f"{size}?size={size}", f"0?size={size + 1}", "5?size=5", str(size)):
        assert c.get(f"/api/v1/log/inclusion/{bad}").status_code == 404, bad
    # another writer grows the log: the board's next proofs see it
    reg.record("decision", None, {"i": size})
    assert c.get(f"/api/v1/log/inclusion/{size}").json()["tree_size"] == size + 1
    assert c.get(f"/api/v1/log/inclusion/0?size={size + 1}").status_code == 200
    r = c.get(f"/api/v1/log/consistency?old=3&new={size}")
    assert r.status_code == 200 and r.json() == reg.prove_consistency(3, size).to_json()
    assert c.get("/api/v1/log/consistency?old=3").json()["new_size"] == size + 1
    for bad in (f"old={size + 2}", f"old=3&new={size + 2}", "old=9&new=5"):
        assert c.get(f"/api/v1/log/consistency?{bad}").status_code == 404, bad
    reg.close()


def test_entries_after_the_latest_checkpoint_are_said_to_be_uncovered(board: BoardFixture, tmp_path: Path) -> None:
    """The page said the log is a tree of N entries beside a checkpoint of fewer: entries logged
    after the last checkpoint (an incident, a reopening) read as vouched for. It says how many
    the checkpoint does not cover."""
    import re

    key = tmp_path / "log.key"
    generate_key(key)
    reg = open_registry(board.database_url)
    reg.checkpoint(key, "board.casegate.example/log")
    signed = reg.size()
    page = board.client.get("/public/log").text
    assert 'id="uncovered"' not in page
    # the move: entries are logged, and no checkpoint is signed after them
    reg.record("note", board.case_id, {"text": "logged after the checkpoint"})
    reg.record("note", board.case_id, {"text": "and another"})
    total = reg.size()
    reg.close()
    assert total == signed + 2
    page = board.client.get("/public/log").text
    m = re.search(r'<p class="sev-blocking" id="uncovered">([^<]*)</p>', page)
    assert m is not None, page
    assert m.group(1).startswith(f"This checkpoint covers the first {signed} of the {total} entries: the 2 logged "
                                 "since are covered by no signed checkpoint yet")
