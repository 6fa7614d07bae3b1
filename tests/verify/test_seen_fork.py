"""`verify --seen FILE` with a state proof file under a larger tree than the one kept: the tree
must be proven to extend the kept one, or a log key holder leads an offline pipeline onto a fork
of the log (a split view: one history for the pipeline, another for the public).

The proof proves it itself from a kept tree of at least the case's first entry (its entries and
the inclusion path of the first, both checked against the signed root, give the RFC 9162
consistency proof); from an older kept tree it carries one only when made with `state-proof
--since SIZE`, which the refusal names. SQLite: the fork is a copy of the registry file."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from casegate.monitor import act
from casegate.monitor._states import CaseState
from casegate.store import load_private_key, open_registry, parse_checkpoint, sign_checkpoint
from casegate.verify._seen import seen_checkpoint
from tests.verify.test_replayed_proof import _base
from tests.verify.test_trust_attacks import Setup, setup  # noqa: F401
from tests.verify.trusted import CASE, DEMO_EXIT, ORIGIN, approved_world, cli_in_process, make_trust


def _sqlite(db: str) -> Path:
    if not db.startswith("sqlite:///"):
        pytest.skip("the fork is made by copying the SQLite registry file")
    return Path(db.removeprefix("sqlite:///"))


def _kept_size(seen: Path) -> int:
    return parse_checkpoint(json.loads(seen.read_text())["checkpoint"]).tree_size


def test_a_forked_log_shown_to_an_offline_pipeline_is_refused(setup: Setup) -> None:  # noqa: F811
    """The lab holds the log key. The pipeline has seen the public log with the case reopened; the
    lab copies the registry from before the reopening, grows the copy past the public size with
    entries of another case, signs its checkpoint and hands the pipeline the copy's proof, in
    which the case is still approved and the tree is larger than the one the pipeline kept."""
    seen, fork_db = setup.path / "seen.json", setup.path / "fork.db"
    shutil.copyfile(_sqlite(setup.db), fork_db)  # the log as it stood before the reopening
    with open_registry(setup.db) as reg:
        act(reg, CASE, CaseState.reopened, role="rso", reason="bio incident")
    setup.trust.checkpoint(setup.db)
    public = setup.path / "public.json"
    rc, text = cli_in_process(setup.path, "state-proof", CASE, "--out", str(public), "--db", setup.db)
    assert rc == 0, text
    rc, text = cli_in_process(setup.path, *_base(setup), "--state-proof", str(public), "--seen", str(seen))
    assert rc == 1 and "is reopened" in text, text
    seen_size = _kept_size(seen)
    # the fork: the copy grown past the public size, its checkpoint signed with the log key
    fork = f"sqlite:///{fork_db}"
    with open_registry(fork) as reg:
        while reg.size() <= seen_size:
            reg.record("decision", "another-case", {"note": "an entry of another case"})
    setup.trust.checkpoint(fork)
    forked = setup.path / "forked.json"
    rc, text = cli_in_process(setup.path, "state-proof", CASE, "--out", str(forked), "--db", fork)
    assert rc == 0, text
    assert parse_checkpoint(json.loads(forked.read_text())["checkpoint"]).tree_size > seen_size
    rc, text = cli_in_process(setup.path, *_base(setup), "--state-proof", str(forked), "--seen", str(seen))
    assert rc == 1, text
    assert f"is not proven to extend the one this verifier has seen (size {seen_size}" in text, text
    assert "the log shows two histories" in text, text
    assert _kept_size(seen) == seen_size  # the pipeline does not follow the fork
    # a pipeline that keeps no file cannot tell (what remains)
    rc, text = cli_in_process(setup.path, *_base(setup), "--state-proof", str(forked))
    assert rc == DEMO_EXIT, text


def test_a_larger_tree_that_extends_the_kept_one_is_kept_from_a_proof_file(setup: Setup) -> None:  # noqa: F811
    seen, proof = setup.path / "seen.json", setup.path / "p.json"
    rc, text = cli_in_process(setup.path, "state-proof", CASE, "--out", str(proof), "--db", setup.db)
    assert rc == 0, text
    rc, text = cli_in_process(setup.path, *_base(setup), "--state-proof", str(proof), "--seen", str(seen))
    assert rc == DEMO_EXIT, text
    before = _kept_size(seen)
    with open_registry(setup.db) as reg:
        reg.record("decision", "another-case", {"note": "an entry of another case"})
    setup.trust.checkpoint(setup.db)
    rc, text = cli_in_process(setup.path, "state-proof", CASE, "--out", str(proof), "--db", setup.db)
    assert rc == 0, text
    rc, text = cli_in_process(setup.path, *_base(setup), "--state-proof", str(proof), "--seen", str(seen))
    assert rc == DEMO_EXIT, text
    assert _kept_size(seen) == before + 1


@pytest.fixture
def late(tmp_path: Path, database_url: str) -> Setup:
    """A log whose first three entries are another case's, then the approved case: a pipeline that
    verified the other case kept the tree of size 2, older than this case's first entry (3)."""
    with open_registry(database_url) as reg:
        reg.record("decision", "another-case", {"note": "first"})
        reg.record("decision", "another-case", {"note": "second"})
        reg.record("decision", "another-case", {"note": "third"})
        w, bundle, _applied = approved_world(tmp_path / "w", reg)
    trust = make_trust(tmp_path / "root", policy=w.dir / "policy.yaml", keyring=w.ring_path,
                       max_age=dt.timedelta(hours=24))
    trust.checkpoint(database_url)
    (tmp_path / "bundle.json").write_text(json.dumps(bundle))
    return Setup(w, database_url, trust, bundle, tmp_path)


def _keep_size_2(s: Setup, seen: Path, *, root: bytes | None = None) -> None:
    with open_registry(s.db, readonly=True) as reg:
        genuine = reg.prove_consistency(2).old_root
    kept = sign_checkpoint(ORIGIN, 2, genuine if root is None else root, load_private_key(s.trust.log_key))
    assert seen_checkpoint(seen, kept, ORIGIN) == []


def test_a_kept_tree_older_than_the_case_needs_a_proof_made_with_since(late: Setup) -> None:
    seen, proof = late.path / "seen.json", late.path / "p.json"
    _keep_size_2(late, seen)
    rc, text = cli_in_process(late.path, "state-proof", CASE, "--out", str(proof), "--db", late.db)
    assert rc == 0, text
    rc, text = cli_in_process(late.path, *_base(late), "--state-proof", str(proof), "--seen", str(seen))
    assert rc == 1, text
    assert "is not proven to extend the one this verifier has seen (size 2" in text, text
    assert f"`casegate state-proof {CASE} --since 2 --out FILE`" in text and "not verified" in text, text
    assert _kept_size(seen) == 2
    rc, text = cli_in_process(late.path, "state-proof", CASE, "--out", str(proof), "--db", late.db, "--since", "2")
    assert rc == 0, text
    assert [c["from"] for c in json.loads(proof.read_text())["consistency"]] == [2]
    rc, text = cli_in_process(late.path, *_base(late), "--state-proof", str(proof), "--seen", str(seen))
    assert rc == DEMO_EXIT, text
    assert _kept_size(seen) > 2


def test_a_forked_tree_older_than_the_case_is_refused_with_the_carried_proof(late: Setup) -> None:
    seen, proof = late.path / "seen.json", late.path / "p.json"
    _keep_size_2(late, seen, root=bytes(32))  # the log key showed this verifier another tree of size 2
    rc, text = cli_in_process(late.path, "state-proof", CASE, "--out", str(proof), "--db", late.db, "--since", "2")
    assert rc == 0, text
    rc, text = cli_in_process(late.path, *_base(late), "--state-proof", str(proof), "--seen", str(seen))
    assert rc == 1 and "the log shows two histories" in text, text
    assert _kept_size(seen) == 2


def test_since_and_carried_proofs_that_cannot_be_read(late: Setup) -> None:
    proof = late.path / "p.json"
    rc, text = cli_in_process(late.path, "state-proof", CASE, "--out", str(proof), "--db", late.db, "--since", "999")
    assert rc == 2 and "--since 999" in text and "Traceback" not in text, text
    assert not proof.exists()
    rc, text = cli_in_process(late.path, "state-proof", CASE, "--out", str(proof), "--db", late.db, "--since", "2")
    assert rc == 0, text
    doc = json.loads(proof.read_text())
    proof.write_text(json.dumps({**doc, "consistency": [{"from": "2", "path": []}]}))
    rc, text = cli_in_process(late.path, *_base(late), "--state-proof", str(proof))
    assert rc == 1 and "consistency proofs (`consistency`) cannot be read" in text, text


def test_since_from_the_tiles(late: Setup) -> None:
    """The same carried proof, made from the log's tiles alone."""
    seen, proof, tiles = late.path / "seen.json", late.path / "p.json", late.path / "tiles"
    _keep_size_2(late, seen)
    rc, text = cli_in_process(late.path, "log", "tiles", "--out", str(late.path / "public"), "--db", late.db,
                              "--entries-out", str(tiles))
    assert rc == 0, text
    rc, text = cli_in_process(late.path, "state-proof", CASE, "--out", str(proof), "--tiles", str(tiles),
                              "--trust-root", str(late.trust.dir), "--since", "2")
    assert rc == 0, text
    rc, text = cli_in_process(late.path, *_base(late), "--state-proof", str(proof), "--seen", str(seen))
    assert rc == DEMO_EXIT, text
    assert _kept_size(seen) > 2
