"""The registry on SQLite and PostgreSQL: case versions, events, state, proofs, checkpoints."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.config import Config
from alembic.script import ScriptDirectory

from casegate.errors import InputError, StoreError, VerificationError
from casegate.load import load_case
from casegate.store import Registry, open_registry, parse_checkpoint
from casegate.store import _merkle as mk
from casegate.store._engine import HEAD_REVISION, MIGRATIONS

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "atlas-api"


def test_head_revision_is_alembics_head() -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(cfg).get_current_head() == HEAD_REVISION


def test_sqlite_is_in_wal_mode(tmp_path: Path) -> None:
    reg = open_registry(f"sqlite:///{tmp_path / 'deep' / 'dir' / 'r.db'}")
    with reg.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    reg.close()
    # reopening an existing registry migrates nothing and keeps its origin
    assert open_registry(str(tmp_path / "deep" / "dir" / "r.db")).origin() == reg.origin()


def test_default_url(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from casegate.store import default_database_url

    monkeypatch.delenv("CASEGATE_DATABASE_URL", raising=False)
    monkeypatch.chdir(tmp_path)
    assert default_database_url() == f"sqlite:///{tmp_path / '.casegate' / 'registry.db'}"
    monkeypatch.setenv("CASEGATE_DATABASE_URL", "postgresql://x@h/db")
    assert default_database_url() == "postgresql://x@h/db"


def test_submit_versions_and_materialise(registry: Registry, tmp_path: Path) -> None:
    v1 = registry.submit_case(load_case(EXAMPLE / "case.yaml"))
    assert (v1.case_id, v1.number, v1.log_index) == ("atlas-2-api", 1, 0)
    roles = {f.path: f.role for f in v1.files}
    assert roles["case.yaml"] == "case" and roles["policy.yaml"] == "policy"
    assert roles["evidence.yaml"] == "include" and roles["evals/cyber-ctf.json"] == "artifact"
    ev = {e.evidence_id: e for e in v1.evidence}
    assert ev["E-cyber-ctf"].artifact == "evals/cyber-ctf.json"
    assert ev["E-cyber-ctf"].artifact_sha256 == ev["E-cyber-ctf"].declared_sha256
    # identical bytes: the same version, no new event
    again = registry.submit_case(load_case(EXAMPLE / "case.yaml"))
    assert again.number == 1 and registry.size() == 1
    # a changed copy becomes version 2
    work = tmp_path / "work"
    shutil.copytree(EXAMPLE, work)
    text = (work / "case.yaml").read_text().replace('version: "1.0"', 'version: "1.1"')
    (work / "case.yaml").write_text(text)
    v2 = registry.submit_case(load_case(work / "case.yaml"))
    assert v2.number == 2 and v2.digest != v1.digest and v2.declared_version == "1.1"
    assert [v.number for v in registry.case_versions("atlas-2-api")] == [1, 2]
    assert registry.case_ids() == ["atlas-2-api"]
    assert registry.case_version("atlas-2-api").number == 2
    # re-materialise version 1 byte for byte and load it again
    main = registry.materialise("atlas-2-api", 1, tmp_path / "v1")
    for f in v1.files:
        assert (tmp_path / "v1" / f.path).read_bytes() == (EXAMPLE / f.path).read_bytes()
    again_loaded = load_case(main)
    assert again_loaded.case is not None and again_loaded.case.version == "1.0"
    events = registry.events(case_id="atlas-2-api", kind="case-version")
    assert [e.payload["version"] for e in events] == [1, 2]
    assert events[0].payload["files"]["case.yaml"] == next(f.sha256 for f in v1.files if f.path == "case.yaml")
    with pytest.raises(InputError, match="no version 9"):
        registry.case_version("atlas-2-api", 9)


def test_events_state_and_restriction(registry: Registry) -> None:
    registry.submit_case(load_case(EXAMPLE / "case.yaml"))
    assert registry.case_state("atlas-2-api") == "draft"
    assert registry.case_state("nope") is None
    d = registry.record("decision", "atlas-2-api", {"outcome": "GO", "conditions": []})
    registry.record("incident", None, {"severity": "high"})
    e = registry.set_case_state("atlas-2-api", "restricted", {"trigger": "T1", "entry": d.index},
                                restricted_to="trusted-users")
    assert e.kind == "state-change" and e.payload["from"] == "draft" and e.payload["to"] == "restricted"
    assert registry.case_state("atlas-2-api") == "restricted"
    assert registry.case_restriction("atlas-2-api") == "trusted-users"
    assert [x.kind for x in registry.events("atlas-2-api")] == ["case-version", "decision", "state-change"]
    assert [x.index for x in registry.events(kind="incident")] == [2]
    assert registry.entry(1) == d
    with pytest.raises(InputError, match="unknown case state"):
        registry.set_case_state("atlas-2-api", "shipped", {})
    with pytest.raises(InputError, match="no case"):
        registry.set_case_state("nope", "approved", {})
    with pytest.raises(InputError, match="kind"):
        registry.record("Bad Kind", None, {})
    with pytest.raises(InputError, match="no entry 99"):
        registry.entry(99)


def test_leaf_is_rfc9162_over_rfc8785_entry(registry: Registry) -> None:
    import rfc8785

    e = registry.record("signoff", "c1", {"role": "rso", "n": 1.5, "ok": True, "ü": "naïve"})
    expect = mk.leaf_hash(rfc8785.dumps({"index": 0, "kind": "signoff", "case_id": "c1",
                                         "payload": e.payload, "recorded_at": e.recorded_at}))
    assert e.leaf_hash == expect == registry.entry(0).leaf_hash


def test_proofs_from_the_store(registry: Registry) -> None:
    entries = []
    for batch in range(7):
        entries += registry.record_many([("trigger", f"c{i % 3}", {"b": batch, "i": i}) for i in range(batch * 5 + 1)])
    leaves = [e.leaf_hash for e in entries]
    n = len(leaves)
    assert [e.index for e in entries] == list(range(n))
    assert registry.root() == mk.mth(leaves)
    for size in (1, 2, 3, 8, 17, n):
        assert registry.root(size) == mk.mth(leaves[:size])
        for m in {0, size // 2, size - 1}:
            p = registry.prove_inclusion(m, size)
            assert p.leaf_hash == leaves[m] and p.root == mk.mth(leaves[:size])
            assert list(p.path) == mk.proof_from_leaves(leaves[:size], m)
            p.verify()
        for old in {1, size // 2 or 1, size}:
            c = registry.prove_consistency(old, size)
            c.verify(mk.mth(leaves[:old]), mk.mth(leaves[:size]))
    with pytest.raises(InputError):
        registry.prove_inclusion(n)
    with pytest.raises(InputError):
        registry.prove_consistency(0)
    with pytest.raises(InputError):
        registry.root(n + 1)


def test_checkpoint_and_verify(registry: Registry, log_key: Path) -> None:
    registry.record_many([("decision", "c", {"i": i}) for i in range(10)])
    first = registry.checkpoint(log_key)
    cp = parse_checkpoint(first)
    assert cp.origin == registry.origin() and cp.tree_size == 10 and cp.root == registry.root()
    registry.record_many([("decision", "c", {"i": i}) for i in range(10, 25)])
    second = registry.checkpoint(log_key, origin=registry.origin())
    assert registry.checkpoints() == [first, second] and registry.latest_checkpoint() == second
    report = registry.verify_log(first, Path(str(log_key) + ".pub"))
    assert (report.size, report.checkpoint_size, report.trusted_size, report.checkpoints_checked) == (25, 25, 10, 2)
    assert report.key_source == "given"
    assert registry.verify_log().key_source.startswith("stored")
    # a checkpoint signed by someone else is refused
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    with pytest.raises(VerificationError, match="no signature by the given key"):
        registry.verify_log(first, Ed25519PrivateKey.generate().public_key())
    # a checkpoint from another log is refused
    other = first.replace(registry.origin(), "elsewhere.example/log", 1)
    with pytest.raises(VerificationError, match="another|other|for log"):
        registry.verify_log(other, None)


def test_log_verify_checks_each_checkpoints_count_of_keyring_changes(registry: Registry, log_key: Path) -> None:
    """A checkpoint signs how many keyring changes its tree holds (state proofs rely on it to show
    none was left out); `log verify` refuses a stored one whose count the entries do not make."""
    from casegate.store import KEYRING_CHANGES_EXTENSION, load_private_key, sign_checkpoint
    from casegate.store._schema import checkpoints

    registry.record("keyring-change", None, {"change": "revoke-key", "keyid": "ab" * 32})
    registry.record("decision", "c", {"i": 1})
    cp = parse_checkpoint(registry.checkpoint(log_key))
    assert f"{KEYRING_CHANGES_EXTENSION}1" in cp.extensions
    registry.verify_log()
    wrong = sign_checkpoint(cp.origin, cp.tree_size, cp.root, load_private_key(log_key), extensions=tuple(
        f"{KEYRING_CHANGES_EXTENSION}0" if x.startswith(KEYRING_CHANGES_EXTENSION) else x for x in cp.extensions))
    row = {"tree_size": cp.tree_size, "root": cp.root, "origin": cp.origin, "key_name": cp.signatures[0].name,
           "public_key": load_private_key(log_key).public_key().public_bytes_raw(), "note": wrong.text(),
           "created_at": "2026-12-01T00:00:00Z"}
    with registry.engine.begin() as conn:
        conn.execute(checkpoints.insert().values(**row))
    with pytest.raises(VerificationError, match="says the log holds 0 keyring changes, but its entries hold 1"):
        registry.verify_log()


def test_cosignatures_are_stored(registry: Registry, log_key: Path) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from casegate.store import cosign_checkpoint, verify_cosignature

    registry.record("decision", None, {})
    cp = parse_checkpoint(registry.checkpoint(log_key))
    w = Ed25519PrivateKey.generate()
    merged = registry.add_cosignatures(cp.with_signature(cosign_checkpoint(cp, w, "w.example", 5)).text())
    assert registry.latest_checkpoint() == merged
    verify_cosignature(parse_checkpoint(merged), w.public_key(), "w.example")
    registry.verify_log(None, Path(str(log_key) + ".pub"))


def test_unreachable_database_is_a_store_error() -> None:
    with pytest.raises(StoreError, match="opening failed") as e:
        open_registry("postgresql://nobody@127.0.0.1:1/none")
    assert "check that the database is running" in (e.value.help or "")
    assert e.value.exit_code == 3


def test_unusable_sqlite_path_is_a_store_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreError):
        open_registry(f"sqlite:///{tmp_path / 'file' / 'sub' / 'r.db'}")
    (tmp_path / "notadb.db").write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="not a database"):
        open_registry(str(tmp_path / "notadb.db"))


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'r.db'}"
    open_registry(url).close()
    eng = sa.create_engine(url)
    with eng.begin() as c:
        c.execute(sa.text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(StoreError, match="newer casegate"):
        open_registry(url)


def test_a_log_keeps_one_origin(registry: Registry, log_key: Path) -> None:
    registry.record("decision", None, {})
    first = registry.checkpoint(log_key, origin="registry.example.org/cases")
    assert registry.origin() == "registry.example.org/cases"
    registry.record("decision", None, {})
    second = registry.checkpoint(log_key)
    assert parse_checkpoint(second).origin == "registry.example.org/cases"
    with pytest.raises(InputError, match="cannot change it"):
        registry.checkpoint(log_key, origin="elsewhere.example/log")
    report = registry.verify_log(first, Path(str(log_key) + ".pub"))
    assert report.origin == "registry.example.org/cases" and report.trusted_size == 1


def test_proofs_follow_appends_by_other_writers(database_url: str) -> None:
    a, b = open_registry(database_url), open_registry(database_url)
    a.record_many([("decision", None, {"i": i}) for i in range(10)])
    assert a.prove_inclusion(3).tree_size == 10
    b.record_many([("decision", None, {"i": i}) for i in range(10, 25)])
    p = a.prove_inclusion(3)
    assert p.tree_size == 25 and p.root == b.root()
    p.verify()
    assert a.prove_inclusion(3, 10).root == mk.mth([e.leaf_hash for e in b.events()][:10])
    with pytest.raises(InputError, match="out of range"):
        a.prove_inclusion(0, 26)
    a.close()
    b.close()


def test_stored_proofs_at_every_size(database_url: str) -> None:
    """Hypothesis over the stored tree: any entry in any tree size up to 300, and any pair of
    sizes, gives proofs equal to the RFC definition's and that verify."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    reg = open_registry(database_url)
    entries = reg.record_many([("trigger", None, {"i": i}) for i in range(300)])
    leaves = [e.leaf_hash for e in entries]
    nodes = mk.build_nodes(leaves)

    @settings(max_examples=150, deadline=None)
    @given(st.data())
    def check(data: st.DataObject) -> None:
        n = data.draw(st.integers(1, 300), label="size")
        m = data.draw(st.integers(0, n - 1), label="entry")
        old = data.draw(st.integers(1, n), label="old size")
        p = reg.prove_inclusion(m, n)
        assert list(p.path) == mk.resolve(mk.inclusion_spec(m, n), nodes) == mk.proof_from_leaves(leaves[:n], m)
        mk.verify_inclusion(m, n, leaves[m], p.path, mk.mth(leaves[:n]))
        c = reg.prove_consistency(old, n)
        mk.verify_consistency(old, n, mk.mth(leaves[:old]), mk.mth(leaves[:n]), c.path)

    check()
    reg.close()


def test_many_inclusion_proofs_at_once_equal_one_at_a_time(database_url: str) -> None:
    reg = open_registry(database_url)
    entries = reg.record_many([("decision", None, {"i": i}) for i in range(70)])
    leaves = [e.leaf_hash for e in entries]
    for size in (1, 17, 64, 70):
        want = [i for i in (0, 3, 15, 16, 33, 63, 69) if i < size]
        many = reg.prove_inclusions(want, size)
        assert many == [reg.prove_inclusion(i, size) for i in want]
        for p in many:
            mk.verify_inclusion(p.index, size, leaves[p.index], p.path, mk.mth(leaves[:size]))
    assert reg.prove_inclusions([], 70) == []
    with pytest.raises(InputError, match="out of range"):
        reg.prove_inclusions([0], 71)
    with pytest.raises(InputError, match="not in the tree"):
        reg.prove_inclusions([0, 40], 40)
    reg.close()
