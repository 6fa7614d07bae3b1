"""A case whose `policy:` names its policy by an absolute path, outside the case's folder, is
stored with that policy file; read back from the registry (by the board, by the comparison with
earlier versions) it loads with the stored policy, never by following the absolute path, and the
public pages show its charts and diagram."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from fastapi.testclient import TestClient

from casegate.approve import judged_found
from casegate.gate import run_gate
from casegate.load import load_case
from casegate.monitor import VersionCache, load_stored
from casegate.publish import Salts, build_summary
from casegate.store import (
    MemorySaltStore,
    json_sha256,
    open_registry,
    record_decision,
    record_judgement,
    record_publication,
)
from casegate.web import Settings, create_app

from .conftest import EXAMPLE

CASE = "atlas-2-api"


def _absolute_policy_case(tmp: Path) -> Path:
    """The example with its policy moved to another folder and named by its absolute path."""
    case_dir = tmp / "cases" / "atlas-api"
    shutil.copytree(EXAMPLE, case_dir)
    elsewhere = tmp / "policies" / "frontier.yaml"
    elsewhere.parent.mkdir()
    shutil.move(case_dir / "policy.yaml", elsewhere)
    main = case_dir / "case.yaml"
    text = main.read_text(encoding="utf-8")
    assert "\npolicy: policy.yaml\n" in text
    main.write_text(text.replace("\npolicy: policy.yaml\n", f"\npolicy: {elsewhere.resolve()}\n"), encoding="utf-8")
    return main


def _submitted(tmp: Path, database_url: str) -> tuple[str, bytes]:
    main = _absolute_policy_case(tmp)
    loaded = load_case(main, root=tmp)
    assert loaded.case is not None and loaded.policy is not None
    assert loaded.policy_file is not None
    reg = open_registry(database_url)
    v = reg.submit_case(loaded)
    record = run_gate(loaded)
    record_decision(reg, record, version=v.number)
    s = build_summary(loaded.case, record, salts=Salts(MemorySaltStore()), policy=loaded.policy)
    # judged as `casegate publish` judges a version nobody approved: the judgement is logged first
    record_judgement(reg, CASE, version=v.number, outcome=record.outcome,
                     record_sha256=json_sha256(json.loads(record.model_dump_json())),
                     judged={"keyring": "sha256:" + "0" * 64, "trust_root": None, "at": "2026-11-27T00:00:00Z"},
                     found=judged_found(record, loaded.case, policy=loaded.policy))
    record_publication(reg, CASE, json.loads(s.model_dump_json()), version=v.number)
    reg.close()
    # the policy moves on after submission: the stored version must not follow the path
    policy_bytes = loaded.policy_file.abspath.read_bytes()
    loaded.policy_file.abspath.write_text("not: a policy any more\n", encoding="utf-8")
    return loaded.policy.id, policy_bytes


def test_a_stored_version_loads_with_its_stored_policy(tmp_path: Path, database_url: str) -> None:
    policy_id, policy_bytes = _submitted(tmp_path / "work", database_url)
    reg = open_registry(database_url)
    try:
        out = tmp_path / "out"
        loaded = load_stored(reg, CASE, None, out)
        assert loaded.policy is not None and loaded.policy.id == policy_id
        assert loaded.policy_file is not None and loaded.policy_file.abspath.read_bytes() == policy_bytes
        assert loaded.policy_file.abspath.is_relative_to(out.resolve())
        sv = VersionCache(reg).get(CASE, 1)  # what `gate`/`decide` compare with
        assert sv.policy is not None and sv.policy.id == policy_id
    finally:
        reg.close()


def test_the_public_pages_of_such_a_version_answer(tmp_path: Path, database_url: str) -> None:
    """The board's public pages answer for such a version (they load stored versions confined to
    their folder, so this one shows no charts or diagram there, rather than failing)."""
    _submitted(tmp_path / "work", database_url)
    client = TestClient(create_app(Settings(database_url=database_url, secret=b"s")))
    page = client.get(f"/public/cases/{CASE}")
    assert page.status_code == 200, page.text[:600]
    summary = client.get(f"/public/cases/{CASE}/summary")
    assert summary.status_code == 200, summary.text[:600]
