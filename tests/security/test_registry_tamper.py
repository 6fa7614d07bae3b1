"""Registry tamper on SQLite and PostgreSQL: every stored field a page or a decision shows is
compared with the log, deleted or reordered rows are caught, a column of the wrong type is a
finding (never exit 70), passwords in database URLs are never printed, and concurrent identical
submits leave one version and a log that verifies."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from casegate.errors import VerificationError
from casegate.load import load_case
from casegate.store import Registry, generate_key, open_registry
from tests.security.conftest import run_cli

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "atlas-api"
CASE = "atlas-2-api"


@pytest.fixture
def two_versions(database_url: str, tmp_path: Path) -> Iterator[tuple[Registry, Path, str]]:
    """The example case submitted twice (version 2 with another title), a state change, and a
    signed checkpoint the auditor kept."""
    work = tmp_path / "case"
    shutil.copytree(EXAMPLE, work)
    reg = open_registry(database_url)
    key = tmp_path / "log.pem"
    generate_key(key)
    reg.submit_case(load_case(work / "case.yaml"))
    main = work / "case.yaml"
    text = main.read_text()
    main.write_text(text.replace("title:", "title: Revised", 1) if "title: " not in text
                    else text.replace("title: ", "title: Revised ", 1))
    v2 = reg.submit_case(load_case(main))
    assert v2.number == 2
    reg.set_case_state(CASE, "under-review", {"by": "test"})
    kept = reg.checkpoint(key)
    pub = Path(str(key) + ".pub")
    reg.verify_log(kept, pub)
    yield reg, pub, kept
    reg.close()


def sql(reg: Registry, *stmts: str) -> None:
    """What someone with write access to the database does, bypassing casegate (on SQLite with
    foreign keys off, as any other client may open the file)."""
    if reg.engine.dialect.name == "sqlite":
        import sqlite3

        conn = sqlite3.connect(str(reg.engine.url.database), isolation_level=None)
        try:
            conn.execute("PRAGMA foreign_keys = OFF")
            for s in stmts:
                conn.execute(s)
        finally:
            conn.close()
        return
    with reg.engine.begin() as c:
        for s in stmts:
            c.execute(sa.text(s))


def _delete_version(n: int) -> tuple[str, ...]:
    where = f"(SELECT id FROM case_versions WHERE case_id = '{CASE}' AND number = {n})"
    return (f"DELETE FROM evidence_items WHERE version_id = {where}",
            f"DELETE FROM case_files WHERE version_id = {where}",
            f"DELETE FROM case_versions WHERE case_id = '{CASE}' AND number = {n}")


TAMPERS: dict[str, tuple[tuple[str, ...], str]] = {
    "edit a version's title": (("UPDATE case_versions SET title = 'Approved by everyone' WHERE number = 2",),
                               r"atlas-2-api@2: its stored title 'Approved by everyone' differs"),
    "edit a declared version": (("UPDATE case_versions SET declared_version = '9.9' WHERE number = 1",),
                                r"@1: its stored declared version '9.9' differs"),
    "edit a policy reference": (("UPDATE case_versions SET policy_ref = 'lenient.yaml' WHERE number = 1",),
                                r"@1: its stored policy ref 'lenient.yaml' differs"),
    "edit a main file path": (("UPDATE case_versions SET main_path = 'other.yaml' WHERE number = 2",),
                              r"@2: its stored main path 'other.yaml' differs"),
    "edit a submission time": (("UPDATE case_versions SET submitted_at = '2020-01-01T00:00:00Z' WHERE number = 1",),
                               r"@1: its stored submission time '2020-01-01T00:00:00Z' differs"),
    "edit a file's role": (("UPDATE case_files SET role = 'artifact' WHERE path = 'case.yaml'",),
                           r"the stored roles of its files differ"),
    "edit a blob's size": (("UPDATE blobs SET size = size + 1",), r"the stored size of a case file .* is"),
    "edit evidence metadata": (("UPDATE evidence_items SET producer = 'Independent Lab'",),
                               r"the stored metadata of evidence .* differs"),
    "change a declared sha256": (("UPDATE evidence_items SET declared_sha256 = '" + "a" * 64 + "'",),
                                 r"the stored metadata of evidence .* differs"),
    "delete the latest version": (_delete_version(2),
                                  r"case version atlas-2-api@2, recorded in log entry 1, is missing from the registry"),
    "delete the whole case": (_delete_version(1) + _delete_version(2) + (f"DELETE FROM cases WHERE case_id = '{CASE}'",),
                              r"case version atlas-2-api@1, recorded in log entry 0, is missing"),
    "reorder two versions": (("UPDATE case_versions SET number = -1 WHERE number = 1",
                              "UPDATE case_versions SET number = 1 WHERE number = 2",
                              "UPDATE case_versions SET number = 2 WHERE number = -1"),
                             r"its number or digest differs from log entry"),
    "delete a stored file's bytes": (("DELETE FROM blobs WHERE sha256 = (SELECT sha256 FROM case_files "
                                      "WHERE path = 'case.yaml' LIMIT 1)",),
                                     r"are missing: they were deleted|the stored bytes"),
    "delete the log head": (("DELETE FROM log_head",), r"the log head row is missing"),
    "delete the log's origin": (("DELETE FROM log_meta WHERE key = 'origin'",), r"origin setting is missing"),
}


@pytest.mark.parametrize("name", list(TAMPERS))
def test_registry_tamper_is_caught(two_versions: tuple[Registry, Path, str], name: str) -> None:
    reg, pub, kept = two_versions
    stmts, reason = TAMPERS[name]
    if name == "delete a stored file's bytes" and reg.engine.dialect.name == "postgresql":
        stmts = ("ALTER TABLE case_files DROP CONSTRAINT IF EXISTS case_files_sha256_fkey", *stmts)
    sql(reg, *stmts)
    with pytest.raises(VerificationError, match=reason):
        reg.verify_log(kept, pub)


WRONG_TYPES: dict[str, str] = {
    "a version number that is text": "UPDATE case_versions SET number = 'two' WHERE number = 2",
    "a log index that is text": "UPDATE case_versions SET log_index = 'zero' WHERE number = 1",
    "a payload that is bytes": "UPDATE log_entries SET payload = X'00FF' WHERE idx = 0",
    "a log size that is text": "UPDATE log_head SET size = 'many'",
    "a blob size that is text": "UPDATE blobs SET size = 'big'",
    "a hash column that is text": "UPDATE log_entries SET hashes = 'abc' WHERE idx = 1",
    "a file row pointing at a number": "UPDATE case_files SET sha256 = 12 WHERE path = 'case.yaml'",
}


@pytest.mark.parametrize("name", list(WRONG_TYPES))
def test_columns_of_the_wrong_type_do_not_verify_and_never_crash(
        two_versions: tuple[Registry, Path, str], name: str, tmp_path: Path) -> None:
    reg, pub, kept = two_versions
    if reg.engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL enforces the column types: a value of another type cannot be stored")
    sql(reg, WRONG_TYPES[name])
    with pytest.raises(VerificationError):
        reg.verify_log(kept, pub)
    (tmp_path / "kept.txt").write_text(kept)
    r = run_cli("log", "verify", "--db", reg.url, "--checkpoint", str(tmp_path / "kept.txt"), "--key", str(pub))
    assert r.returncode == 1, r.stderr
    assert "Traceback" not in r.stderr


def test_cli_reports_a_deleted_log_head_as_not_verifying(two_versions: tuple[Registry, Path, str]) -> None:
    reg, pub, _kept = two_versions
    sql(reg, "DELETE FROM log_head")
    r = run_cli("log", "verify", "--db", reg.url, "--key", str(pub))
    assert r.returncode == 1, (r.returncode, r.stderr)
    assert "the log head row is missing" in r.stderr and "Traceback" not in r.stderr


BAD_URLS = [
    "mysql://casegate:Sup3rSecretPw@127.0.0.1/nowhere",
    "postgresql+psycopg2://casegate:Sup3rSecretPw@127.0.0.1/nowhere",
    "postgresql://casegate:Sup3rSecretPw@127.0.0.1:1/nowhere",
    "postgresql://casegate:Sup3rSecretPw@127.0.0.1:notaport/nowhere",
    "postgresql://casegate:Sup3rSecretPw@[::1/nowhere",
    "mysql+nosuchdriver://casegate:Sup3rSecretPw@127.0.0.1/nowhere",
    "nosuchdialect://casegate:Sup3rSecretPw@127.0.0.1/nowhere",
]


@pytest.mark.parametrize("url", BAD_URLS)
@pytest.mark.parametrize("command", [["log", "verify"], ["registry", "history", "x"],
                                     ["publish", "export-salts", "--out", "x.json"]])
def test_a_password_in_a_database_url_is_never_printed(url: str, command: list[str], tmp_path: Path) -> None:
    r = run_cli(*command, "--db", url, cwd=tmp_path, timeout=60)
    assert r.returncode in (1, 2, 3), (r.returncode, r.stderr)
    assert "Sup3rSecretPw" not in r.stderr + r.stdout
    assert "Traceback" not in r.stderr


def test_concurrent_identical_submits_record_one_version(database_url: str, tmp_path: Path) -> None:
    work = tmp_path / "case"
    shutil.copytree(EXAMPLE, work)
    open_registry(database_url).close()  # created and migrated once, as a deployment does
    procs = [subprocess.Popen([sys.executable, "-m", "casegate", "registry", "submit", str(work / "case.yaml"),
                               "--db", database_url], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(4)]
    outs = [p.communicate(timeout=240) for p in procs]
    assert all(p.returncode == 0 for p in procs), [o[1] for o in outs]
    recorded = [o[0] for o in outs if o[0].startswith("recorded")]
    assert len(recorded) == 1, [o[0] for o in outs]
    assert sum(o[0].startswith("unchanged") for o in outs) == 3
    with open_registry(database_url) as reg:
        assert [v.number for v in reg.case_versions(CASE)] == [1]
        assert reg.size() == 1
        reg.verify_log()


