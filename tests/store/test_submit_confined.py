"""A version is stored only when it can be read back from its own stored files: an artifact path
that leads outside them is refused at submission, naming the evidence item, its file and the
artifact (SQLite and PostgreSQL)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from casegate.errors import InputError
from casegate.load import load_case
from casegate.store import Registry

ROOT = Path(__file__).resolve().parents[2]


def _case(tmp_path: Path) -> Path:
    case = tmp_path / "w" / "case"
    shutil.copytree(ROOT / "examples" / "atlas-api", case)
    return case / "case.yaml"


def test_an_artifact_outside_the_stored_files_is_refused(registry: Registry, tmp_path: Path) -> None:
    main = _case(tmp_path)
    ev = main.parent / "evidence.yaml"
    ev.write_text(ev.read_text().replace("artifact: evals/cyber-ctf.json", "artifact: ../evals/cyber-ctf.json", 1))
    # a root wide enough to allow the path, but no file there to store
    loaded = load_case(main, root=tmp_path / "w")
    with pytest.raises(InputError) as e:
        registry.submit_case(loaded)
    assert "'E-cyber-ctf'" in e.value.message and "../evals/cyber-ctf.json" in e.value.message
    assert e.value.location is not None and e.value.location.endswith("evidence.yaml")
    assert registry.case_ids() == []  # nothing stored


def test_an_artifact_beside_the_case_folder_is_stored_and_reads_back(registry: Registry, tmp_path: Path) -> None:
    main = _case(tmp_path)
    (tmp_path / "w" / "evals").mkdir()
    shutil.copy(main.parent / "evals" / "cyber-ctf.json", tmp_path / "w" / "evals" / "cyber-ctf.json")
    ev = main.parent / "evidence.yaml"
    ev.write_text(ev.read_text().replace("artifact: evals/cyber-ctf.json", "artifact: ../evals/cyber-ctf.json", 1))
    v = registry.submit_case(load_case(main, root=tmp_path / "w"))
    out = tmp_path / "out"
    back = load_case(registry.materialise(v.case_id, v.number, out), root=out)
    assert back.case is not None


def test_the_case_s_own_regime_file_is_stored_and_reads_back(registry: Registry, tmp_path: Path) -> None:
    # the case names a regime file of its own (the docs allow it): the stored version must carry
    # it, or every command that reads the version back (state apply, incident report) fails
    main = _case(tmp_path)
    (main.parent / "regimes").mkdir()
    sb53 = (ROOT / "src" / "casegate" / "load" / "builtin" / "regimes" / "ca-sb53.yaml").read_text()
    (main.parent / "regimes" / "acme.yaml").write_text(sb53.replace("\nid: ca-sb53\n", "\nid: acme-reporting\n"))
    main.write_text(main.read_text().replace("regimes: [builtin:eu-gpai-cop-2025, builtin:ca-sb53]",
                                             "regimes: [builtin:eu-gpai-cop-2025, regimes/acme.yaml]"))
    loaded = load_case(main, root=tmp_path / "w")
    v = registry.submit_case(loaded)
    stored = {f.path: f.role for f in v.files}
    assert stored.get("regimes/acme.yaml") == "regime", stored
    out = tmp_path / "out"
    back = load_case(registry.materialise(v.case_id, v.number, out), root=out)
    assert [r.id for r in back.regimes] == ["eu-gpai-cop-2025", "acme-reporting"]
    # a changed regime file is a changed version
    (main.parent / "regimes" / "acme.yaml").write_text(sb53.replace("\nid: ca-sb53\n", "\nid: acme-reporting\n")
                                                       .replace("deadline: {days: 15}", "deadline: {days: 30}"))
    assert registry.submit_case(load_case(main, root=tmp_path / "w")).digest != v.digest
