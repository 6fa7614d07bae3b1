"""The commands: `casegate log tiles`, `casegate log client` and `casegate state-proof --tiles`,
run as a user runs them; a state proof built from tiles alone verifies exactly like one built
from the registry, and one built from tampered tiles is never made."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.verify.test_trust_attacks import CASE, Setup, setup  # noqa: F401 (the fixture)


def cg(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    e = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "casegate", *args], cwd=cwd, capture_output=True, text=True, env=e)


def _verify(s: Setup, doc: dict[str, object]):  # type: ignore[no-untyped-def]
    return s.verify(proof=lambda _case: (doc, []))


def test_tiles_client_and_state_proof_from_tiles(setup: Setup, tmp_path: Path) -> None:  # noqa: F811
    s = setup
    tiles, full = tmp_path / "tiles", tmp_path / "private"
    r = cg("log", "tiles", "--out", str(tiles), "--entries-out", str(full), "--db", s.db, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "tiles and bundles written" in r.stdout and (tiles / "checkpoint").exists()
    # the public tiles hold the checkpoint and the hash tiles, never an entry's text
    assert not (tiles / "tile/entries").exists() and (full / "tile/entries").is_dir()
    assert (tiles / "checkpoint").read_bytes() == (full / "checkpoint").read_bytes()
    again = cg("log", "tiles", "--out", str(tiles), "--entries-out", str(full), "--db", s.db, "--json", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["written"] == [] and json.loads(again.stdout)["entries_out"]["written"] == []

    state = tmp_path / "client-state.json"
    r = cg("log", "client", "--url", str(tiles), "--trust-root", str(s.trust.dir), "--state", str(state),
           cwd=tmp_path)
    assert r.returncode == 0, r.stderr  # the checkpoint and its consistency need no entry
    assert "first checkpoint seen from this log" in r.stdout
    r = cg("log", "client", "--url", str(tiles), "--trust-root", str(s.trust.dir), "--state", str(state),
           "--entry", "0", cwd=tmp_path)
    assert r.returncode == 1 and "entries-out" in r.stderr and "Traceback" not in r.stderr, r.stderr
    r = cg("log", "client", "--url", str(full), "--trust-root", str(s.trust.dir), "--state", str(state),
           "--entry", "0", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "entry 0: case-version" in r.stdout
    assert "objects fetched" in r.stderr
    r = cg("log", "client", "--url", str(tiles), "--trust-root", str(s.trust.dir), "--state", str(state),
           "--json", cwd=tmp_path)
    assert r.returncode == 0 and json.loads(r.stdout)["previous"]["tree_size"] == s.size()

    r = cg("state-proof", CASE, "--tiles", str(full), "--trust-root", str(s.trust.dir), "--out",
           str(tmp_path / "proof.json"), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    from_tiles = json.loads((tmp_path / "proof.json").read_text())
    r = cg("state-proof", CASE, "--db", s.db, "--out", str(tmp_path / "db-proof.json"), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert from_tiles == json.loads((tmp_path / "db-proof.json").read_text())  # the same document
    v = _verify(s, from_tiles)
    assert v.ok, v.reasons


def test_public_tiles_never_take_entry_bundles(setup: Setup, tmp_path: Path) -> None:  # noqa: F811
    """A folder written by an older casegate (entries beside the hash tiles) is refused as public
    tiles rather than kept up to date; the full copy must go apart from the public one."""
    s = setup
    tiles = tmp_path / "tiles"
    r = cg("log", "tiles", "--out", str(tiles), "--entries-out", str(tiles), "--db", s.db, cwd=tmp_path)
    assert r.returncode == 2 and "must not be --out" in r.stderr, r.stderr
    assert cg("log", "tiles", "--out", str(tmp_path / "full"), "--entries-out", str(tiles), "--db", s.db,
              cwd=tmp_path).returncode == 0
    r = cg("log", "tiles", "--out", str(tiles), "--db", s.db, cwd=tmp_path)
    assert r.returncode != 0 and "holds entry bundles" in r.stderr and "Traceback" not in r.stderr, r.stderr
    # a public folder cannot become the full copy either (its first entries' bundles are missing)
    r = cg("log", "tiles", "--out", str(tmp_path / "p2"), "--entries-out", str(tmp_path / "full"), "--db", s.db,
           cwd=tmp_path)
    assert r.returncode != 0 and "holds the public tiles" in r.stderr, r.stderr


def test_tampered_tiles_make_no_proof(setup: Setup, tmp_path: Path) -> None:  # noqa: F811
    s = setup
    tiles = tmp_path / "tiles"
    assert cg("log", "tiles", "--out", str(tmp_path / "public"), "--entries-out", str(tiles), "--db", s.db,
              cwd=tmp_path).returncode == 0
    bundle = next((tiles / "tile/entries").glob("*.p/*"))
    data = bundle.read_bytes()
    bundle.write_bytes(data.replace(b'"under-review"', b'"approved-xxx"', 1) if b'"under-review"' in data
                       else data[:-1] + bytes([data[-1] ^ 1]))
    r = cg("state-proof", CASE, "--tiles", str(tiles), "--trust-root", str(s.trust.dir), "--out",
           str(tmp_path / "proof.json"), cwd=tmp_path)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "does not hash to its leaf" in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "proof.json").exists()


def test_a_proof_from_tampered_tiles_does_not_verify(setup: Setup, tmp_path: Path) -> None:  # noqa: F811
    """Someone edits the proof the tiles gave (a state change made up): verify refuses it like
    any altered proof."""
    s = setup
    tiles = tmp_path / "tiles"
    assert cg("log", "tiles", "--out", str(tmp_path / "public"), "--entries-out", str(tiles), "--db", s.db,
              cwd=tmp_path).returncode == 0
    r = cg("state-proof", CASE, "--tiles", str(tiles), "--trust-root", str(s.trust.dir), "--out",
           str(tmp_path / "proof.json"), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    doc = json.loads((tmp_path / "proof.json").read_text())
    last = doc["entries"][-1]
    last["payload"]["to"] = "approved" if last["payload"].get("to") != "approved" else "withdrawn"
    v = _verify(s, doc)
    assert not v.ok and any("are not the log the checkpoint signs" in x for x in v.reasons), v.reasons


def test_a_tiles_proof_with_the_reopening_left_out_does_not_verify(setup: Setup, tmp_path: Path) -> None:  # noqa: F811
    """The case is reopened; the proof the tiles give is refused as it should be, and the lab
    that drops the reopening from it (every other entry still in the log) is refused too."""
    from casegate.monitor import act
    from casegate.monitor._states import CaseState
    from casegate.store import open_registry

    s = setup
    with open_registry(s.db) as reg:
        act(reg, CASE, CaseState.reopened, role="rso", reason="cyber incident")
    s.trust.checkpoint(s.db)
    tiles = tmp_path / "tiles"
    assert cg("log", "tiles", "--out", str(tmp_path / "public"), "--entries-out", str(tiles), "--db", s.db,
              cwd=tmp_path).returncode == 0
    r = cg("state-proof", CASE, "--tiles", str(tiles), "--trust-root", str(s.trust.dir), "--out",
           str(tmp_path / "proof.json"), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    doc = json.loads((tmp_path / "proof.json").read_text())
    v = _verify(s, doc)
    assert not v.ok and any("is reopened" in x for x in v.reasons), v.reasons
    doc["entries"] = [e for e in doc["entries"] if e["payload"].get("to") != "reopened"]
    v = _verify(s, doc)
    assert not v.ok and any("an entry was left out" in x for x in v.reasons), v.reasons


def test_client_refuses_a_split_view(setup: Setup, tmp_path: Path) -> None:  # noqa: F811
    """The operator shows this client one history, then another one with the same key."""
    s = setup
    a = tmp_path / "a"
    assert cg("log", "tiles", "--out", str(a), "--db", s.db, cwd=tmp_path).returncode == 0
    state = tmp_path / "state.json"
    ok = cg("log", "client", "--url", str(a), "--trust-root", str(s.trust.dir), "--state", str(state), cwd=tmp_path)
    assert ok.returncode == 0, ok.stderr
    from casegate.store import open_registry

    # a fork: a copy of the registry with one more, different entry at the same position
    fork_db = f"sqlite:///{tmp_path / 'fork.db'}"
    with open_registry(s.db) as reg, open_registry(fork_db) as fork:
        fork.record_many([(e.kind, e.case_id, {"forged": True}) for e in reg.events()])
    s.trust.checkpoint(fork_db)
    b = tmp_path / "b"
    assert cg("log", "tiles", "--out", str(b), "--db", fork_db, cwd=tmp_path).returncode == 0
    r = cg("log", "client", "--url", str(b), "--trust-root", str(s.trust.dir), "--state", str(state), cwd=tmp_path)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "different histories" in r.stderr and "Traceback" not in r.stderr
    assert json.loads(state.read_text())["logs"]  # the first checkpoint is still the one kept


@pytest.mark.parametrize(("args", "message"), [
    (["log", "client", "--url", "{tiles}"], "no log key to check the checkpoint with"),
    (["log", "client", "--url", "{tmp}/nowhere", "--vkey", "{vkey}"], "is not a directory of tiles"),
    (["log", "tiles", "--out", "https://example.org/x", "--db", "{db}"], "is a web address"),
    (["state-proof", CASE, "--tiles", "{tiles}", "--db", "{db}", "--out", "{tmp}/p.json"], "give one"),
])
def test_bad_input_is_a_clear_error(setup: Setup, tmp_path: Path, args: list[str], message: str) -> None:  # noqa: F811
    s = setup
    tiles = tmp_path / "tiles"
    assert cg("log", "tiles", "--out", str(tiles), "--db", s.db, cwd=tmp_path).returncode == 0
    vkey = str(s.trust.log_key) + ".pub"
    argv = [a.format(tiles=tiles, tmp=tmp_path, vkey=vkey, db=s.db) for a in args]
    r = cg(*argv, cwd=tmp_path, env={"CASEGATE_TRUST_ROOT": ""})
    assert r.returncode == 2, r.stdout + r.stderr
    assert message in r.stderr and "Traceback" not in r.stderr
