"""A decision signed, approved, published and filed while casegate's published example keys count
(a demonstration, `CASEGATE_DEMO_KEYS=1`, which the test suite sets; the tests' keyrings hold the
example's outside evaluators' published keys). `verify`, `state show` and the board never call it
deployable; the paths that record it (`state apply`, `publish --db`) and `report --regime` now say
on their standard output that it is a demonstration, not a release, naming the published keys, and
the log records that beside the approval and the publication, for every later reader. The same
steps under keys nobody published (the published list emptied) say nothing of the kind."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from casegate.store import open_registry
from tests.monitor.test_cli import _cg, signed  # noqa: F401
from tests.verify.trusted import DEMONSTRATION

CASE = "atlas-2-api"
MARK = "DEMONSTRATION, not a release"


def _apply(signed_dir: Path, tmp: Path, db: str) -> str:  # the `approved` fixture's steps, output kept
    for name in ("case", "keys"):
        shutil.copytree(signed_dir / name, tmp / name)
    for name in ("keyring.yaml", "record.json"):
        shutil.copy2(signed_dir / name, tmp / name)
    _cg(tmp, db, "registry", "submit", "case/case.yaml", "--model", "case/model")
    _cg(tmp, db, "state", "set", CASE, "under-review", "--by", "acme-safety-team")
    return _cg(tmp, db, "state", "apply", "--unpinned", CASE, "--decision", "case/decision.bundle.json").stdout


def _logged(db: str, kind: str) -> dict[str, object]:
    with open_registry(db) as reg:
        (entry,) = reg.events(CASE, kind)[-1:]
        return entry.payload  # type: ignore[no-any-return]


def test_approval_publication_and_filing_on_published_keys_say_so_and_the_log_records_it(
        signed: Path, tmp_path: Path) -> None:  # noqa: F811
    """Move: the lab approves, publishes and files a regime document in a registry where the
    published example keys count (copied into its keyring): each says on stdout it is not a
    release, and the log's decision and publication entries record why."""
    db = f"sqlite:///{tmp_path / 'demo.db'}"
    out = _apply(signed, tmp_path, db)
    assert f"{MARK}: the log records it beside decision #" in out and DEMONSTRATION in out, out
    assert "keyring key " in out and ", role " in out and "examples/atlas-api/keys/" in out, out
    judged = _logged(db, "decision")["judgement"]
    assert isinstance(judged, dict) and str(judged["demonstration"]).startswith(DEMONSTRATION), judged
    ran = _cg(tmp_path, db, "publish", "case/case.yaml", "--out", "public", "--db", db, "--unpinned", code=None)
    assert ran.returncode == 0, ran.stderr
    assert f"{MARK}: the log records it beside the publication: {DEMONSTRATION}" in ran.stdout, ran.stdout
    pub = _logged(db, "publication")
    assert str(json.dumps(pub)).count(DEMONSTRATION) >= 1, pub
    ran = _cg(tmp_path, db, "report", "case/case.yaml", "--regime", "ca-sb53", "--document", "transparency-report",
              "--out", "filed", "--db", db, "--key", "keys/rso.pem", "--role", "rso", code=None)
    assert ran.returncode in (0, 1), ran.stderr
    assert f"{MARK}: ca-sb53 transparency-report is signed against a keyring holding published example keys" \
        in ran.stdout, ran.stdout


def test_the_same_steps_on_keys_nobody_published_say_nothing_of_it(
        signed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    import casegate.verify._demo as demo

    monkeypatch.setattr(demo, "published", lambda _key: None)
    db = f"sqlite:///{tmp_path / 'real.db'}"
    out = _apply(signed, tmp_path, db)
    assert MARK not in out, out
    judged = _logged(db, "decision")["judgement"]
    assert isinstance(judged, dict) and "demonstration" not in judged, judged
    ran = _cg(tmp_path, db, "publish", "case/case.yaml", "--out", "public", "--db", db, "--unpinned", code=None)
    assert ran.returncode == 0 and MARK not in ran.stdout, ran.stdout + ran.stderr
    assert "demonstration" not in json.dumps(_logged(db, "publication")), _logged(db, "publication")
