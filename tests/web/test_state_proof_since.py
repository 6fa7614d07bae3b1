"""The board's `GET /api/v1/cases/{id}/state-proof?since=SIZE`: a proof file taken from the board
carries the RFC 9162 consistency proof from the tree a pipeline's `verify --seen` kept, as the
file `casegate state-proof --since` writes does (the same code makes both). Without it, a kept
tree older than the case's first entry cannot be shown to extend to the proof's, and the proof
is refused. SQLite and PostgreSQL (the fork-free cases need no file copy)."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from casegate.store import parse_checkpoint
from tests.verify.test_replayed_proof import _base
from tests.verify.test_seen_fork import _keep_size_2, _kept_size, late  # noqa: F401 - the fixture
from tests.verify.test_trust_attacks import Setup
from tests.verify.trusted import CASE, DEMO_EXIT, cli_in_process


@pytest.fixture(autouse=True)
def _no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CASEGATE_TRUST_ROOT", raising=False)
    monkeypatch.delenv("CASEGATE_DATABASE_URL", raising=False)


def _board(s: Setup) -> tuple[TestClient, dict[str, str]]:
    from casegate.web import Settings, TokenStore, create_app

    store = TokenStore(s.path / "tokens.json")
    token = store.create("Sam Whitfield", ["rso"])[1]
    app = create_app(Settings(database_url=s.db, keyring=s.w.ring_path, tokens=s.path / "tokens.json", secret=b"s"))
    return TestClient(app), {"Authorization": f"Bearer {token}"}


def _fetch(s: Setup, query: str = "") -> dict:  # type: ignore[type-arg]
    client, auth = _board(s)
    r = client.get(f"/api/v1/cases/{CASE}/state-proof{query}", headers=auth)
    assert r.status_code == 200, r.text
    return r.json()  # type: ignore[no-any-return]


def test_a_board_proof_fetched_with_since_verifies_under_a_kept_older_tree(late: Setup) -> None:  # noqa: F811
    """A pipeline kept the tree of size 2 (it verified another case); the case's first entry is 3.
    The proof the board serves plainly is refused; fetched with ?since=2, it verifies and the
    kept tree moves on."""
    seen, proof = late.path / "seen.json", late.path / "board-proof.json"
    _keep_size_2(late, seen)
    plain = _fetch(late)
    assert plain.get("consistency") is None
    proof.write_text(json.dumps(plain))
    rc, text = cli_in_process(late.path, *_base(late), "--state-proof", str(proof), "--seen", str(seen))
    assert rc == 1, text
    assert "is not proven to extend the one this verifier has seen (size 2" in text, text
    assert _kept_size(seen) == 2
    carried = _fetch(late, "?since=2")
    assert [c["from"] for c in carried["consistency"]] == [2]
    # the same consistency proof as the file `casegate state-proof --since 2` writes
    cli_file = late.path / "cli-proof.json"
    rc, text = cli_in_process(late.path, "state-proof", CASE, "--out", str(cli_file), "--db", late.db, "--since", "2")
    assert rc == 0, text
    assert json.loads(cli_file.read_text())["consistency"] == carried["consistency"]
    proof.write_text(json.dumps(carried))
    rc, text = cli_in_process(late.path, *_base(late), "--state-proof", str(proof), "--seen", str(seen))
    assert rc == DEMO_EXIT, text
    assert _kept_size(seen) == parse_checkpoint(carried["checkpoint"]).tree_size > 2


def test_since_repeated_and_at_the_proof_size(late: Setup) -> None:  # noqa: F811
    size = parse_checkpoint(_fetch(late)["checkpoint"]).tree_size
    doc = _fetch(late, f"?since=1&since=2&since=2&since={size}")
    assert [c["from"] for c in doc["consistency"]] == [1, 2, size]
    assert doc["consistency"][-1]["path"] == []


@pytest.mark.parametrize("query", ["?since=0", "?since=-3", "?since=999", "?since=two", "?since=2.5", "?since=",
                                   "?since=2&since=999"])
def test_a_since_the_board_cannot_prove_from_is_refused_naming_it(late: Setup, query: str) -> None:  # noqa: F811
    client, auth = _board(late)
    r = client.get(f"/api/v1/cases/{CASE}/state-proof{query}", headers=auth)
    assert r.status_code == 422, r.text
    assert "since" in r.text, r.text
    assert "Traceback" not in r.text


def test_too_many_sizes_in_one_request(late: Setup) -> None:  # noqa: F811
    client, auth = _board(late)
    q = "&".join(f"since={n}" for n in range(1, 40))
    r = client.get(f"/api/v1/cases/{CASE}/state-proof?{q}", headers=auth)
    assert r.status_code == 422 and "since: at most 32" in r.text, r.text


def test_the_openapi_description_names_since(late: Setup) -> None:  # noqa: F811
    client, _auth = _board(late)
    op = client.get("/openapi.json").json()["paths"]["/api/v1/cases/{case_id}/state-proof"]["get"]
    assert {p["name"] for p in op["parameters"]} >= {"since", "nonce"}
