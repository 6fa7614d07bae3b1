"""`state apply` applies only the record inside the bundle's own signed decision envelope, after
that exact envelope verifies and names the case: unsigned, altered, foreign or bare records are
refused with the reason and nothing is recorded (SQLite and PostgreSQL)."""

from __future__ import annotations

import base64
import json
import shutil
from pathlib import Path

import pytest

from casegate.store import open_registry
from tests.monitor.test_cli import _cg, signed  # noqa: F401 - the fixture is used by name

CASE = "atlas-2-api"


@pytest.fixture
def under_review(signed: Path, tmp_path: Path, database_url: str) -> tuple[Path, str]:  # noqa: F811
    for name in ("case", "keys"):
        shutil.copytree(signed / name, tmp_path / name)
    for name in ("keyring.yaml", "record.json"):
        shutil.copy2(signed / name, tmp_path / name)
    _cg(tmp_path, database_url, "registry", "submit", "case/case.yaml", "--model", "case/model")
    _cg(tmp_path, database_url, "state", "set", CASE, "under-review", "--by", "acme-safety-team")
    return tmp_path, database_url


def _size(db: str) -> int:
    with open_registry(db) as reg:
        return reg.size()


def _bundle(tmp: Path) -> dict:
    return json.loads((tmp / "case" / "decision.bundle.json").read_text())


def _statement(env: dict) -> dict:
    return json.loads(base64.b64decode(env["payload"]))


def _with_statement(env: dict, st: dict) -> dict:
    return dict(env, payload=base64.b64encode(json.dumps(st).encode()).decode())


def _apply(tmp: Path, db: str, bundle: dict | None, code: int, case: str = CASE, raw: str | None = None):  # type: ignore[no-untyped-def]
    (tmp / "attack.json").write_text(raw if raw is not None else json.dumps(bundle))
    before = _size(db)
    r = _cg(tmp, db, "state", "apply", "--unpinned", case, "--decision", "attack.json", code=code)
    assert _size(db) == before, "a refused apply recorded something"
    with open_registry(db) as reg:
        assert reg.case_state(CASE) == "under-review"
    return r


def test_unsigned_decision_envelope_is_refused(under_review) -> None:  # type: ignore[no-untyped-def]
    tmp, db = under_review
    b = _bundle(tmp)
    b["decision"]["signatures"] = []
    r = _apply(tmp, db, b, 1)
    assert "the decision bundle does not verify" in r.stderr and "decision:" in r.stderr


def test_conditions_dropped_from_the_signed_record_are_refused(under_review) -> None:  # type: ignore[no-untyped-def]
    tmp, db = under_review
    b = _bundle(tmp)
    st = _statement(b["decision"])
    st["predicate"]["record"]["conditions"] = []
    st["predicate"]["record"]["outcome"] = "GO"
    b["decision"] = _with_statement(b["decision"], st)  # the old signature no longer covers it
    r = _apply(tmp, db, b, 1)
    assert "signature" in r.stderr


def test_an_unsigned_record_placed_before_the_signed_one_is_never_read(under_review) -> None:  # type: ignore[no-untyped-def]
    tmp, db = under_review
    b = _bundle(tmp)
    st = _statement(b["decision"])
    st["predicate"]["record"]["conditions"] = []
    forged = {"payloadType": b["decision"]["payloadType"], "signatures": [],
              "payload": base64.b64encode(json.dumps(st).encode()).decode()}
    b = {"kind": "decision-bundle", "aaa": forged, **{k: v for k, v in b.items() if k != "kind"}}
    b["decision"]["signatures"] = []
    r = _apply(tmp, db, b, 1)
    assert "does not verify" in r.stderr


def test_a_record_signed_for_another_case_is_refused(under_review, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    tmp, db = under_review
    shutil.copytree(tmp / "case", tmp / "other")
    text = (tmp / "other" / "case.yaml").read_text().replace(f"id: {CASE}", "id: atlas-3-api", 1)
    (tmp / "other" / "case.yaml").write_text(text)
    _cg(tmp, db, "registry", "submit", "other/case.yaml", "--model", "other/model")
    _cg(tmp, db, "state", "set", "atlas-3-api", "under-review", "--by", "acme-safety-team")
    before = _size(db)
    (tmp / "attack.json").write_text(json.dumps(_bundle(tmp)))
    r = _cg(tmp, db, "state", "apply", "--unpinned", "atlas-3-api", "--decision", "attack.json", code=1)
    assert "signed for case 'atlas-2-api', not 'atlas-3-api'" in r.stderr
    assert _size(db) == before


def test_a_bare_record_is_refused(under_review) -> None:  # type: ignore[no-untyped-def]
    tmp, db = under_review
    r = _apply(tmp, db, None, 2, raw=(tmp / "record.json").read_text())
    assert "needs the signed decision bundle" in r.stderr


def test_the_signed_bundle_applies(under_review) -> None:  # type: ignore[no-untyped-def]
    tmp, db = under_review
    r = _cg(tmp, db, "state", "apply", "--unpinned", CASE, "--decision", "case/decision.bundle.json")
    assert "under-review -> approved" in r.stdout
