"""A trust root rolled back: the release engineer verifies with an older version of the root
(its file, or a chain directory cut short), one that was still signed by the root keys and not
yet expired, under which a replaced policy or keyring is still current. The registry's log records
every root version `casegate trust rotate` makes; a state proof carries those logged after the
case's first entry, and `verify` refuses a root older than (or other than) the newest it shows."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from casegate.store import open_registry
from casegate.trust import load_trust_root, root_entry
from tests._deploy import RATE_LIMITS
from tests.sign.helpers import World
from tests.verify.test_trust_attacks import MODEL, Setup, _replace_policy, setup  # noqa: F401 - the fixture
from tests.verify.trusted import Trust, approved_world, cli_in_process, make_trust

__all__ = ["setup"]


def _rotate_and_log(s: Setup) -> None:
    """Version 2 of the root replaces acme-frontier 3.1 (the decision's policy) an hour ago by a
    stricter 3.2, and is recorded in the registry's log as `casegate trust rotate` records it."""
    _replace_policy(s.trust, s.w.dir / "policy.yaml", s.path, dt.datetime.now(dt.UTC) - dt.timedelta(hours=1))
    v2 = s.trust.dir / "2.root.json"
    with open_registry(s.db) as reg:
        reg.record("trust-root", None, root_entry(load_trust_root(s.trust.dir), v2))
    s.trust.checkpoint(s.db)


def test_an_older_root_file_does_not_bring_back_a_replaced_policy(setup: Setup,  # noqa: F811
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Attack: root version 2 replaced the policy the decision was made under before the decision
    was logged; the release engineer passes version 1 (its file, or a directory holding only it),
    which pins that policy as current. Before, `verify` judged under version 1 and verified."""
    _rotate_and_log(setup)
    assert not setup.verify().ok  # the current root refuses the decision
    old_dir = setup.path / "root-v1"
    old_dir.mkdir()
    shutil.copyfile(setup.trust.dir / "1.root.json", old_dir / "1.root.json")
    for held in (setup.trust.dir / "1.root.json", old_dir):
        v = setup.verify(trust=load_trust_root(held))
        assert not v.ok, held
        assert any("the log records trust root version 2" in r and "newer than version 1" in r
                   for r in v.reasons), v.reasons
    # the deploy step as it runs: `casegate verify` with the old root file, against the registry
    # and against a state proof taken from it
    monkeypatch.delenv("CASEGATE_DATABASE_URL", raising=False)
    monkeypatch.delenv("CASEGATE_TRUST_ROOT", raising=False)
    base = ["verify", "--bundle", str(setup.path / "bundle.json"), "--model-digest", MODEL, "--boundary", "api",
            "--access", "self-serve", "--region", "US", *RATE_LIMITS, "--keyring", str(setup.w.ring_path),
            "--trust-root", str(setup.trust.dir / "1.root.json")]
    rc, text = cli_in_process(setup.path, "state-proof", "atlas-2-api", "--out", str(setup.path / "p.json"),
                              "--db", setup.db)
    assert rc == 0, text
    for source in (("--db", setup.db), ("--state-proof", str(setup.path / "p.json"))):
        rc, text = cli_in_process(setup.path, *base, *source)
        assert rc == 1 and "the log records trust root version 2 (log entry" in text, (source, text)


def test_a_root_the_log_records_other_bytes_for_is_refused(setup: Setup) -> None:  # noqa: F811
    """A root version 2 other than the one the log records (a fork signed by the same keys) is not
    the organisation's root."""
    _rotate_and_log(setup)
    held = load_trust_root(setup.trust.dir)
    with open_registry(setup.db) as reg:
        entry = reg.events(kind="trust-root")[-1].payload
    assert entry["digest"] == held.digest()
    with open_registry(setup.db) as reg:
        reg.record("trust-root", None, {**entry, "digest": "sha256:" + "0" * 64})
    setup.trust.checkpoint(setup.db)
    v = setup.verify(trust=held)
    assert any("the log records trust root version 2 as sha256:0000" in r for r in v.reasons), v.reasons


def test_the_current_root_recorded_in_the_log_verifies(setup: Setup) -> None:  # noqa: F811
    """The root the log records as newest, held as a chain, verifies a decision it allows."""
    _replace_policy(setup.trust, setup.w.dir / "policy.yaml", setup.path, dt.datetime.now(dt.UTC) + dt.timedelta(hours=1))
    with open_registry(setup.db) as reg:
        reg.record("trust-root", None, root_entry(load_trust_root(setup.trust.dir), setup.trust.dir / "2.root.json"))
    setup.trust.checkpoint(setup.db)
    v = setup.verify()
    assert v.ok, v.reasons


def _root_logged_before_the_case(tmp_path: Path, database_url: str,
                                 monkeypatch: pytest.MonkeyPatch) -> tuple[World, Trust]:
    """(the world, its trust root at version 1) of a case approved after the registry's log
    recorded root version 2; the bundle at `tmp_path/bundle.json`, no database or root in the
    environment."""
    with open_registry(database_url) as reg:
        reg.record("trust-root", None, {"version": 2, "digest": "sha256:" + "1" * 64})
        w, bundle, _ = approved_world(tmp_path / "w", reg)
    trust = make_trust(tmp_path / "root", policy=w.dir / "policy.yaml", keyring=w.ring_path)
    trust.checkpoint(database_url)
    (tmp_path / "bundle.json").write_text(json.dumps(bundle))
    monkeypatch.delenv("CASEGATE_DATABASE_URL", raising=False)
    monkeypatch.delenv("CASEGATE_TRUST_ROOT", raising=False)
    return w, trust


def test_a_root_version_logged_before_the_case_is_compared_against_the_registry(
        tmp_path: Path, database_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A root version recorded before the case's first entry is not in the case's state proof;
    `verify --db` reads every root version the registry's log records. Attack: the log recorded
    version 2 before the case was submitted; the release engineer verifies with version 1."""
    w, trust = _root_logged_before_the_case(tmp_path, database_url, monkeypatch)
    rc, text = cli_in_process(tmp_path, "verify", "--bundle", str(tmp_path / "bundle.json"), "--model-digest", MODEL,
                              "--boundary", "api", "--access", "self-serve", "--region", "US", *RATE_LIMITS,
                              "--keyring", str(w.ring_path), "--trust-root", str(trust.dir), "--db", database_url)
    assert rc == 1 and "the log records trust root version 2 (log entry 0), newer than version 1 held" in text, text


def test_a_root_version_logged_before_the_case_is_signed_into_the_checkpoint(
        tmp_path: Path, database_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same move with a state proof: the proof carries the log's entries from the case's first
    on, so version 2, recorded before the case was submitted, was not among them, and `verify
    --state-proof` (and `--registry-url`, which fetches one) accepted version 1. The checkpoint now
    signs the newest root version its tree records; a root older than that, or another root under
    that version number, is refused."""
    w, trust = _root_logged_before_the_case(tmp_path, database_url, monkeypatch)
    rc, text = cli_in_process(tmp_path, "state-proof", "atlas-2-api", "--out", str(tmp_path / "p.json"),
                              "--db", database_url)
    assert rc == 0, text
    proof = json.loads((tmp_path / "p.json").read_text())
    assert proof["first"] > 0 and "casegate-trust-root 2 sha256:1111" in proof["checkpoint"], proof["checkpoint"]
    base = ["verify", "--bundle", str(tmp_path / "bundle.json"), "--model-digest", MODEL, "--boundary", "api",
            "--access", "self-serve", "--region", "US", *RATE_LIMITS, "--keyring", str(w.ring_path),
            "--trust-root", str(trust.dir)]
    rc, text = cli_in_process(tmp_path, *base, "--state-proof", str(tmp_path / "p.json"))
    assert rc == 1 and "the log records trust root version 2 (as its checkpoint signs), newer than version 1 held" \
        in text, text


def test_a_checkpoint_that_does_not_name_the_newest_root_fails_closed(setup: Setup) -> None:  # noqa: F811
    """A checkpoint signed before checkpoints named the newest root, on a proof that starts after the
    log's first entry, cannot rule out a newer root recorded before the case; one that names the
    root held, or none, says nothing against it."""
    from casegate.verify._revocations import root_rollback

    root = setup.root()
    assert any("does not say which trust root version" in r for r in root_rollback(root, (), False))
    assert root_rollback(root, (), None) == []
    assert root_rollback(root, (), (root.version, root.digest())) == []
    assert any("not the root" in r for r in root_rollback(root, (), (root.version, "sha256:" + "f" * 64)))
    assert any("newer than version 1" in r for r in root_rollback(root, (), (2, "sha256:" + "f" * 64)))


def test_a_root_version_recorded_after_the_checkpoint_stops_the_proof(setup: Setup) -> None:  # noqa: F811
    """Version 2 is recorded after the registry's latest checkpoint: no proof the registry makes
    would show it (not among the entries, not named by the checkpoint), so the registry makes none
    until a checkpoint covers it, as for a keyring change; before, `--registry-url` and a fresh
    `state-proof` accepted version 1."""
    _replace_policy(setup.trust, setup.w.dir / "policy.yaml", setup.path, dt.datetime.now(dt.UTC) - dt.timedelta(hours=1))
    with open_registry(setup.db) as reg:
        e = reg.record("trust-root", None, root_entry(load_trust_root(setup.trust.dir), setup.trust.dir / "2.root.json"))
    old_dir = setup.path / "root-v1"
    old_dir.mkdir()
    shutil.copyfile(setup.trust.dir / "1.root.json", old_dir / "1.root.json")
    with open_registry(setup.db, readonly=True) as reg:
        _, problems = reg.state_proof("atlas-2-api")
    assert any(f"a trust root version (log entry {e.index}) was recorded after the latest checkpoint" in p
               for p in problems), problems
    v = setup.verify(trust=load_trust_root(old_dir))
    assert not v.ok and any("recorded after the latest checkpoint" in r for r in v.reasons), v.reasons
    setup.trust.checkpoint(setup.db)
    v = setup.verify(trust=load_trust_root(old_dir))
    assert not v.ok and any("newer than version 1 held" in r for r in v.reasons), v.reasons
