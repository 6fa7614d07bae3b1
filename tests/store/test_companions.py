"""A submitted version keeps the further files its evidence pins (lm-eval's per-sample logs), so
the gate on the stored version reads what the gate on the working copy read: the same decision,
and no "artifact missing" for a file left behind (SQLite and PostgreSQL)."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from casegate.evidence import add_evidence
from casegate.gate import run_gate
from casegate.load import load_case
from casegate.store import Registry

ROOT = Path(__file__).resolve().parents[2]
LM = ROOT / "tests" / "fixtures" / "evidence" / "logs" / "lm-eval"


def _case_with_lm_eval(tmp_path: Path) -> Path:
    case = tmp_path / "case"
    shutil.copytree(ROOT / "examples" / "atlas-api", case)
    shutil.copytree(LM, case / "lm")
    add_evidence(case / "case.yaml", [case / "lm"], producer="Lab")
    return case / "case.yaml"


def test_submit_stores_the_samples_files_the_evidence_pins(registry: Registry, tmp_path: Path) -> None:
    main = _case_with_lm_eval(tmp_path)
    loaded = load_case(main)
    assert loaded.case is not None
    pinned = {name: sha for ev in loaded.case.evidence.values() if ev.source for name, sha in ev.source.files.items()}
    assert len(pinned) == 2 and all(n.startswith("samples_") for n in pinned), pinned
    v = registry.submit_case(loaded)
    stored = {Path(f.path).name: f for f in registry.case_version(v.case_id, v.number).files}
    for name, sha in pinned.items():
        assert stored[name].role == "companion" and stored[name].sha256 == sha
        assert hashlib.sha256((LM / name).read_bytes()).hexdigest() == sha
    # the gate on the stored version decides as the gate on the working copy, from the same numbers
    here = run_gate(loaded)
    back = run_gate(load_case(registry.materialise(v.case_id, v.number, tmp_path / "stored")))
    assert "CG330" not in {f.code for f in back.findings}, [f.message for f in back.findings if f.code == "CG330"]
    assert (back.outcome, sorted(f.code for f in back.findings)) == (here.outcome, sorted(f.code for f in here.findings))


def test_a_pinned_file_outside_the_case_root_is_not_stored(registry: Registry, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CASEGATE_ROOT", raising=False)  # the case's own folder is its root
    main = _case_with_lm_eval(tmp_path)
    imported = main.parent / "evidence-imported.yaml"
    outside = tmp_path / "secret.jsonl"
    outside.write_text("not the case's\n")
    imported.write_text(imported.read_text().replace("samples_arith_gen_2026-11-27T03-46-10.096901.jsonl",
                                                     "../../secret.jsonl"))
    loaded = load_case(main)
    v = registry.submit_case(loaded)
    paths = [f.path for f in registry.case_version(v.case_id, v.number).files]
    assert not any("secret" in p for p in paths), paths
