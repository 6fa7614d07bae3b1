"""A state proof `verify` would refuse for its size is not made: `casegate state-proof` (from the
registry or from tiles) and the board's `GET .../state-proof` hold it to the same `proof-entries`
and `proof-bytes` limits the verifier reads it under (`casegate.limits.check_proof_entries`,
`check_proof_bytes`), before the entries are read where they can be counted first.

Before, only the verifier refused: a registry whose log had grown past the limits wrote (and the
board served) a proof of hundreds of MiB, which every deploy pipeline then downloaded and refused,
with nothing at the producer saying why. Now the producer stops with exit 2 (the board: 413),
naming the limit and the variable that raises it, and writes nothing; at the limit exactly, the
proof is made and verifies."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casegate.limits import LimitError
from casegate.store import open_registry
from tests.verify.test_proof_earlier_no_go import _story
from tests.verify.test_replayed_proof import _base
from tests.verify.test_trust_attacks import Setup, setup  # noqa: F401
from tests.verify.trusted import CASE, DEMO_EXIT, cli_in_process
from tests.web.test_state_proof_since import _board


def _make(setup: Setup, out: Path) -> tuple[int, str]:  # noqa: F811
    return cli_in_process(setup.path, "state-proof", CASE, "--out", str(out), "--db", setup.db)


def _honest(setup: Setup) -> tuple[dict, int]:  # type: ignore[type-arg]  # noqa: F811
    """The proof as made within the limits, and its size in bytes as written."""
    out = setup.path / "honest.json"
    rc, text = _make(setup, out)
    assert rc == 0, text
    return json.loads(out.read_text()), len(out.read_bytes())


def test_state_proof_refuses_a_proof_over_proof_entries(setup: Setup, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    doc, _ = _honest(setup)
    held = len(doc["entries"]) + len(doc["keyring_changes"])
    out = setup.path / "proof.json"
    monkeypatch.setenv("CASEGATE_LIMIT_PROOF_ENTRIES", str(held - 1))
    rc, text = _make(setup, out)
    assert rc == 2, text
    assert f"the state proof of {CASE}: the state proof would hold {held:,} log entries" in text, text
    assert "over the proof-entries" in text and "CASEGATE_LIMIT_PROOF_ENTRIES" in text, text
    assert "Traceback" not in text and not out.exists()
    # at the limit exactly: made, and the verifier takes it under the same limit
    monkeypatch.setenv("CASEGATE_LIMIT_PROOF_ENTRIES", str(held))
    rc, text = _make(setup, out)
    assert rc == 0, text
    rc, text = cli_in_process(setup.path, *_base(setup), "--state-proof", str(out))
    assert rc == DEMO_EXIT, text


def test_state_proof_refuses_a_proof_over_proof_bytes(setup: Setup, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    _, size = _honest(setup)
    out = setup.path / "proof.json"
    monkeypatch.setenv("CASEGATE_LIMIT_PROOF_BYTES", str(size - 1))
    rc, text = _make(setup, out)
    assert rc == 2, text
    assert f"the state proof would be {size:,} bytes" in text, text
    assert "over the proof-bytes" in text and "CASEGATE_LIMIT_PROOF_BYTES" in text, text
    assert "Traceback" not in text and not out.exists()
    monkeypatch.setenv("CASEGATE_LIMIT_PROOF_BYTES", str(size))
    rc, text = _make(setup, out)
    assert rc == 0, text
    rc, text = cli_in_process(setup.path, *_base(setup), "--state-proof", str(out))
    assert rc == DEMO_EXIT, text


def test_the_board_refuses_a_proof_over_the_limits(setup: Setup, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    monkeypatch.delenv("CASEGATE_TRUST_ROOT", raising=False)
    monkeypatch.delenv("CASEGATE_DATABASE_URL", raising=False)
    client, auth = _board(setup)
    r = client.get(f"/api/v1/cases/{CASE}/state-proof", headers=auth)
    assert r.status_code == 200, r.text
    doc = r.json()
    held = len(doc["entries"]) + len(doc["keyring_changes"])
    size = len(r.content)
    monkeypatch.setenv("CASEGATE_LIMIT_PROOF_ENTRIES", str(held - 1))
    r = client.get(f"/api/v1/cases/{CASE}/state-proof", headers=auth)
    assert r.status_code == 413, r.text
    assert f"would hold {held:,} log entries" in r.text and "CASEGATE_LIMIT_PROOF_ENTRIES" in r.text, r.text
    monkeypatch.delenv("CASEGATE_LIMIT_PROOF_ENTRIES")
    monkeypatch.setenv("CASEGATE_LIMIT_PROOF_BYTES", str(size - 1))
    r = client.get(f"/api/v1/cases/{CASE}/state-proof", headers=auth)
    assert r.status_code == 413, r.text
    assert "over the proof-bytes" in r.text and "CASEGATE_LIMIT_PROOF_BYTES" in r.text, r.text
    monkeypatch.setenv("CASEGATE_LIMIT_PROOF_BYTES", str(size))
    assert client.get(f"/api/v1/cases/{CASE}/state-proof", headers=auth).status_code == 200


def test_the_earlier_range_counts_before_it_is_read(tmp_path: Path, database_url: str,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """A proof reaching back (`earlier`) to another case's NO-GO'd version: its earlier entries
    count towards `proof-entries` as the verifier counts them, refused before they are read."""
    _story(tmp_path, database_url, "other", "Atlas-3")
    with open_registry(database_url, readonly=True) as reg:
        doc, problems = reg.state_proof(CASE)
        assert doc is not None and problems == [], problems
        mine = len(doc["entries"]) + len(doc["keyring_changes"])
        earlier = len(doc["earlier"]["entries"])
        assert earlier > 0
        monkeypatch.setenv("CASEGATE_LIMIT_PROOF_ENTRIES", str(mine + earlier - 1))
        with pytest.raises(LimitError) as e:
            reg.state_proof(CASE)
        assert f"would hold {mine + earlier:,} log entries ({earlier:,} of them before the case's first" \
               in str(e.value), str(e.value)
        monkeypatch.setenv("CASEGATE_LIMIT_PROOF_ENTRIES", str(mine + earlier))
        assert reg.state_proof(CASE)[0] == doc


def test_state_proof_from_tiles_refuses_a_proof_over_proof_entries(setup: Setup, tmp_path: Path) -> None:  # noqa: F811
    from tests.ledger.test_cli import cg

    doc, _ = _honest(setup)
    held = len(doc["entries"]) + len(doc["keyring_changes"])
    full = tmp_path / "private"
    r = cg("log", "tiles", "--out", str(tmp_path / "tiles"), "--entries-out", str(full), "--db", setup.db, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    out = tmp_path / "proof.json"
    args = ("state-proof", CASE, "--tiles", str(full), "--trust-root", str(setup.trust.dir), "--out", str(out))
    r = cg(*args, cwd=tmp_path, env={"CASEGATE_LIMIT_PROOF_ENTRIES": str(held - 1)})
    assert r.returncode == 2, r.stdout + r.stderr
    assert f"would hold {held:,} log entries" in r.stderr and "CASEGATE_LIMIT_PROOF_ENTRIES" in r.stderr, r.stderr
    assert "Traceback" not in r.stderr and not out.exists()
    r = cg(*args, cwd=tmp_path, env={"CASEGATE_LIMIT_PROOF_ENTRIES": str(held)})
    assert r.returncode == 0, r.stderr


def test_verify_with_db_refuses_a_proof_over_proof_entries(setup: Setup, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    """`verify --db` makes the proof from the registry as `state-proof` does: over the limit, exit 2
    naming it, not a proof read whole and then refused."""
    doc, _ = _honest(setup)
    held = len(doc["entries"]) + len(doc["keyring_changes"])
    rc, text = cli_in_process(setup.path, *_base(setup), "--db", setup.db)
    assert rc == DEMO_EXIT, text
    monkeypatch.setenv("CASEGATE_LIMIT_PROOF_ENTRIES", str(held - 1))
    rc, text = cli_in_process(setup.path, *_base(setup), "--db", setup.db)
    assert rc == 2, text
    assert f"would hold {held:,} log entries" in text and "CASEGATE_LIMIT_PROOF_ENTRIES" in text, text
    assert "Traceback" not in text
