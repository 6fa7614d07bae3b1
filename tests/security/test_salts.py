"""Commitment salts: fresh and random per element per published version, kept privately (registry
or salt store), so a disclosed salt never helps guess another version's content, and disclosure
works from any machine that reaches the registry."""

from __future__ import annotations

import json
import stat
from pathlib import Path
from typing import Any

import pytest

from casegate.load import load_case
from casegate.model import Case, DecisionRecord
from casegate.publish import (
    KeyedSalts,
    NoSaltKept,
    Salts,
    build_summary,
    commitment,
    disclose,
    readable_case,
)
from casegate.store import FileSaltStore, MemorySaltStore, RegistrySalts, open_registry
from tests.security.conftest import run_cli

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "atlas-api" / "case.yaml"
ELEMENT = "/evidence/E-bio-uplift"


@pytest.fixture(scope="module")
def case() -> Case:
    loaded = load_case(EXAMPLE)
    return readable_case(loaded)


def _version(case: Case, version: str, successes: int) -> Case:
    ev = case.evidence["E-bio-uplift"]
    assert ev.result is not None
    changed = ev.model_copy(update={"result": ev.result.model_copy(update={"successes": successes})})
    return case.model_copy(update={"version": version, "evidence": {**case.evidence, "E-bio-uplift": changed}})


def _published(case: Case, salts: Salts) -> dict[str, str]:
    record = DecisionRecord(casegate_version="test", case_id=case.id, case_version=case.version,
                            system="Atlas-2 2.1.0", boundary=case.boundary.kind if case.boundary else None,
                            decided_at="2026-11-23", outcome="GO")
    s = build_summary(case, record, salts=salts)
    return {r.pointer: r.commitment for r in s.redactions}


def _guess(opened_salt: bytes, content: dict[str, Any], target: str) -> int | None:
    """The attack: reuse a salt disclosed for version 1 to try every small value of version 2."""
    for n in range(0, 301):
        trial = json.loads(json.dumps(content))
        trial["result"]["successes"] = n
        if commitment(opened_salt, trial) == target:
            return n
    return None


def test_a_disclosed_salt_does_not_recover_a_later_versions_small_value(case: Case) -> None:
    salts = Salts(MemorySaltStore())
    v1, v2 = _version(case, "1", 11), _version(case, "2", 17)
    _published(v1, salts)
    published_v2 = _published(v2, salts)
    opening = disclose(v1, "E-bio-uplift", salts=salts)  # version 1's element is disclosed
    assert _guess(bytes.fromhex(opening.salt), opening.content, published_v2[ELEMENT]) is None
    # with salts derived from the case id and pointer (the old construction) the same attack
    # recovers the value: the test can fail
    keyed = KeyedSalts(bytes(range(32)))
    old_v2 = _published(v2, keyed)
    old_opening = disclose(v1, "E-bio-uplift", salts=keyed)
    assert _guess(bytes.fromhex(old_opening.salt), old_opening.content, old_v2[ELEMENT]) == 17


def test_salts_are_random_per_version_and_reused_for_the_same_content(case: Case) -> None:
    store = MemorySaltStore()
    a = _published(_version(case, "1", 11), Salts(store))
    again = _published(_version(case, "1", 11), Salts(store))
    assert a == again  # re-publishing a version is reproducible
    other_store = _published(_version(case, "1", 11), Salts(MemorySaltStore()))
    assert set(other_store.values()).isdisjoint(a.values())  # random, not derivable
    same_content_next_version = _published(_version(case, "2", 11), Salts(store))
    assert set(same_content_next_version.values()).isdisjoint(a.values())
    changed_same_version = _published(_version(case, "1", 12), Salts(store))
    assert changed_same_version[ELEMENT] != a[ELEMENT]
    salts = [r.salt for r in store.records]
    assert len(set(salts)) == len(salts)  # every element of every publication: its own salt


def test_a_read_only_salt_source_never_invents_a_salt(case: Case) -> None:
    with pytest.raises(NoSaltKept, match="no salt is kept"):
        disclose(case, "E-bio-uplift", salts=Salts(MemorySaltStore(), fresh=False))


def test_salts_kept_in_the_registry_open_commitments_from_another_machine(
        database_url: str, tmp_path: Path) -> None:
    publisher, auditor = tmp_path / "publisher", tmp_path / "auditor"
    publisher.mkdir()
    auditor.mkdir()
    r = run_cli("publish", str(EXAMPLE), "--out", "out", "--format", "json", "--db", database_url, cwd=publisher)
    assert r.returncode == 0, r.stderr
    assert "kept the salts of the redacted elements in the registry" in r.stderr
    assert not (publisher / ".casegate").exists()  # no key or salt file left in the working directory
    # another machine: only the registry URL and the published summary
    (auditor / "summary.json").write_bytes((publisher / "out" / "summary.json").read_bytes())
    r = run_cli("disclose", str(EXAMPLE), "E-bio-uplift", "--db", database_url, "--out", "opening.json", cwd=auditor)
    assert r.returncode == 0, r.stderr
    r = run_cli("publish", "verify-disclosure", "summary.json", "opening.json", cwd=auditor)
    assert r.returncode == 0, r.stderr
    # escrow: the registry's salts exported to a private file open the same commitment
    r = run_cli("publish", "export-salts", "--db", database_url, "--out", "escrow.json", cwd=auditor)
    assert r.returncode == 0, r.stderr
    assert stat.S_IMODE((auditor / "escrow.json").stat().st_mode) == 0o600
    r = run_cli("disclose", str(EXAMPLE), "E-bio-uplift", "--salt-store", "escrow.json", "--out", "o2.json", cwd=auditor)
    assert r.returncode == 0, r.stderr
    assert json.loads((auditor / "o2.json").read_text())["salt"] == json.loads(
        (auditor / "opening.json").read_text())["salt"]
    # the salts never reach the published summary or the registry's log
    summary = (publisher / "out" / "summary.json").read_text()
    reg = open_registry(database_url)
    try:
        kept = RegistrySalts(reg).all_salts()
        log_text = json.dumps([e.payload for e in reg.events()])
    finally:
        reg.close()
    assert kept and log_text
    for k in kept:
        assert k.salt.hex() not in summary and k.salt.hex() not in log_text


def test_publishing_redacted_elements_without_a_salt_store_is_refused(tmp_path: Path) -> None:
    r = run_cli("publish", str(EXAMPLE), "--out", "out", cwd=tmp_path,
                env={"CASEGATE_DATABASE_URL": "", "CASEGATE_SALT_STORE": ""})
    assert r.returncode == 2, r.stderr
    assert "there is nowhere to keep it" in r.stderr and "--salt-store" in r.stderr
    assert "Traceback" not in r.stderr
    assert not (tmp_path / "out").exists() and not (tmp_path / ".casegate").exists()


@pytest.mark.parametrize("text,msg", [
    ('{"casegate_salts": 1, "salts": [], "salts": [{"case": "x"}]}', "appears twice"),
    ('{"casegate_salts": 2, "salts": []}', "not a casegate salt store of version 1"),
    ('{"casegate_salts": 1, "salts": [{"case": "atlas-api", "case_version": "1.0", "pointer": "/e",'
     ' "salt": "zz", "commitment": "sha256:00"}]}', "a kept salt is malformed"),
    ("[1, 2", "JSON"),
])
def test_a_hostile_salt_store_is_a_clear_error(tmp_path: Path, text: str, msg: str) -> None:
    (tmp_path / "salts.json").write_text(text)
    r = run_cli("disclose", str(EXAMPLE), "E-bio-uplift", "--salt-store", "salts.json", cwd=tmp_path)
    assert r.returncode == 2, r.stderr
    assert msg.lower() in r.stderr.lower() and "Traceback" not in r.stderr


def test_a_salt_store_with_two_salts_for_one_commitment_is_refused_naming_the_pointer(tmp_path: Path) -> None:
    from casegate.errors import InputError

    def rec(salt: str, commitment: str) -> dict[str, str]:
        return {"case": "c", "case_version": "1", "pointer": "/evidence/E-1", "salt": salt * 64,
                "commitment": "sha256:" + commitment * 64}

    path = tmp_path / "salts.json"
    # two salts for one pointer, each with its own commitment: the element changed within the version
    path.write_text(json.dumps({"casegate_salts": 1, "salts": [rec("a", "1"), rec("b", "2")]}))
    assert [r.salt for r in FileSaltStore(path).commitment_salts("c", "1")] == [b"\xaa" * 32, b"\xbb" * 32]
    path.write_text(json.dumps({"casegate_salts": 1, "salts": [rec("a", "1"), rec("b", "2"), rec("c", "1")]}))
    with pytest.raises(InputError) as e:
        FileSaltStore(path).commitment_salts("c", "1")
    assert e.value.message.startswith(f"{path}: salts[0] and salts[2] both keep a salt for the pointer "
                                      "/evidence/E-1 of case 'c' version '1'")
    r = run_cli("disclose", str(EXAMPLE), "E-bio-uplift", "--salt-store", "salts.json", cwd=tmp_path)
    assert r.returncode == 2 and "Traceback" not in r.stderr and "both keep a salt for the pointer" in r.stderr


@pytest.mark.parametrize("bad", [
    {"salt": "a" * 64 + "," + "b" * 64},  # two salts in one: joined with the others, it looks like two rows
    {"salt": "A" * 64},
    {"commitment": "sha256:" + "1" * 64 + ",sha256:" + "2" * 64},
    {"case": 7},
    {"pointer": None},
])
def test_a_malformed_salt_among_many_well_formed_ones_is_refused_by_its_index(tmp_path: Path,
                                                                              bad: dict[str, Any]) -> None:
    """A store's salts are checked all at once (a store holds thousands): one malformed salt among
    them is still refused, and named by its index, as when each is checked alone."""
    from casegate.errors import InputError

    rows: list[dict[str, Any]] = [{"case": "c", "case_version": "1", "pointer": f"/evidence/E-{i}",
                                   "salt": f"{i:x}" * 64, "commitment": "sha256:" + f"{i:x}" * 64} for i in range(8)]
    rows[5].update(bad)
    path = tmp_path / "salts.json"
    path.write_text(json.dumps({"casegate_salts": 1, "salts": rows}))
    with pytest.raises(InputError) as e:
        FileSaltStore(path).commitment_salts("c", "1")
    assert e.value.message.startswith(f"{path}: salts[5]: a kept salt is malformed")
    rows[5] = dict(rows[4], pointer="/evidence/E-5")
    path.write_text(json.dumps({"casegate_salts": 1, "salts": rows}))
    assert [r.salt for r in FileSaltStore(path).commitment_salts("c", "1")][4:6] == [b"\x44" * 32, b"\x44" * 32]


def test_the_salt_store_file_is_private_and_keeps_concurrent_writers(tmp_path: Path) -> None:
    import threading

    from casegate.store import SaltRecord

    store = FileSaltStore(tmp_path / "s" / "salts.json")

    def write(i: int) -> None:
        store.keep_commitment_salts([SaltRecord("c", "1", f"/e/{i}", bytes([i]) * 32, "sha256:" + f"{i:064x}")])

    threads = [threading.Thread(target=write, args=(i,)) for i in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(r.pointer for r in store.all_salts()) == sorted(f"/e/{i}" for i in range(12))
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
