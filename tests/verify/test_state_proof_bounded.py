"""A state proof is bounded before it is read: its log entries (those from the case's first on, its
`earlier` ones and its keyring changes together, the `proof-entries` limit), its bytes (the
`proof-bytes` limit) and its Merkle paths (at most 64 hashes).

`earlier` reaches back from the case's first entry to the earliest version another case's NO-GO
judged, with no bound of its own: whoever hands the deploy pipeline a proof (or stands between it
and the board) padded it with entries, which `verify` turned into log entries and hashed one by one
before finding they were not the log; a path of millions of hashes was decoded whole. Now the
proof is refused first (exit 2, naming the limit and its variable)."""

from __future__ import annotations

import json

import pytest

from casegate.limits import current_limits
from tests.verify.test_replayed_proof import _base
from tests.verify.test_trust_attacks import Setup, setup  # noqa: F401
from tests.verify.trusted import CASE, DEMO_EXIT, cli_in_process


def _proof(setup: Setup) -> dict:  # noqa: F811
    out = setup.path / "proof.json"
    rc, text = cli_in_process(setup.path, "state-proof", CASE, "--out", str(out), "--db", setup.db)
    assert rc == 0, text
    return json.loads(out.read_text())


def _verify(setup: Setup, doc: dict) -> tuple[int, str]:  # noqa: F811
    f = setup.path / "given.json"
    f.write_text(json.dumps(doc))
    return cli_in_process(setup.path, *_base(setup), "--state-proof", str(f))


def test_an_honest_proof_is_within_the_limits(setup: Setup) -> None:  # noqa: F811
    doc = _proof(setup)
    assert len(doc["entries"]) + len(doc["keyring_changes"]) < current_limits().proof_entries
    rc, text = _verify(setup, doc)
    assert rc == DEMO_EXIT, text


def test_an_earlier_range_padded_past_the_limit_is_refused_before_it_is_read(
        setup: Setup, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    doc = _proof(setup)
    held = len(doc["entries"]) + len(doc["keyring_changes"])
    monkeypatch.setenv("CASEGATE_LIMIT_PROOF_ENTRIES", str(held + 100))
    rc, text = _verify(setup, doc)
    assert rc == DEMO_EXIT, text  # the honest proof, under the lowered limit
    first = doc["first"]
    doc["earlier"] = {"first": first - 101 if first > 101 else 0, "path": [],
                      "entries": [{"index": i, "kind": "case-version", "case_id": "padding", "payload": {},
                                   "recorded_at": "2026-11-30T12:00:00Z"} for i in range(101)]}
    rc, text = _verify(setup, doc)
    assert rc == 2, text
    assert f"the state proof holds {held + 101:,} log entries (101 of them before the case's first, in `earlier`)" \
        in text, text
    assert "over the proof-entries" in text and "CASEGATE_LIMIT_PROOF_ENTRIES" in text, text
    assert "Traceback" not in text


def test_a_proof_past_its_bytes_is_refused(setup: Setup, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    doc = _proof(setup)
    size = len(json.dumps(doc).encode())
    monkeypatch.setenv("CASEGATE_LIMIT_PROOF_BYTES", str(size - 1))
    rc, text = _verify(setup, doc)
    assert rc == 2 and "over the proof-bytes" in text and "CASEGATE_LIMIT_PROOF_BYTES" in text, text


def test_a_path_longer_than_any_log_s_is_refused(setup: Setup) -> None:  # noqa: F811
    doc = _proof(setup)
    doc["path"] = doc["path"] + ["00" * 32] * 65
    rc, text = _verify(setup, doc)
    assert rc == 1, text
    assert f"holds {len(doc['path'])} hashes; a Merkle path holds at most 64" in text, text
