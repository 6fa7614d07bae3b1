"""gsn2x interchange: a gsn2x file round-trips through import and export with the same elements
and links; a casegate argument round-trips through export and import; bad files are refused
with the file, line and what to do."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from casegate.errors import InputError
from casegate.load import load_case, parse_yaml
from casegate.model import Case
from casegate.render import export_gsn2x, import_gsn2x, type_from_id

from ._cases import DIGEST

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "render" / "model-release.gsn.yaml"
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "atlas-api" / "case.yaml"


def _ids(v: Any) -> list[str]:
    return [] if v is None else [v] if isinstance(v, str) else list(v)


def gsn2x_structure(text: str) -> dict[str, tuple[Any, ...]]:
    """Element id -> (type, text, supportedBy, inContextOf, challenges, undeveloped, defeated)."""
    data = parse_yaml("doc.yaml", text.encode()).data
    out: dict[str, tuple[Any, ...]] = {}
    for k, v in data.items():
        if k == "module":
            continue
        v = v or {}
        out[k] = (v.get("nodeType") or type_from_id(k), str(v.get("text", "")).strip(),
                  tuple(_ids(v.get("supportedBy"))), tuple(_ids(v.get("inContextOf"))),
                  v.get("challenges"), bool(v.get("undeveloped")), bool(v.get("defeated")))
    return out


def _case(imp: Any) -> Case:
    return Case.model_validate({"casegate": 1, "id": "imported", "title": "t", "policy": "p",
                                "system": {"name": "m", "version": "1", "digests": [DIGEST]},
                                "argument": imp.argument, "evidence": imp.evidence})


def test_gsn2x_file_round_trips_with_the_same_elements_and_links() -> None:
    original = gsn2x_structure(FIXTURE.read_text())
    imp = import_gsn2x(FIXTURE)
    exported = export_gsn2x(_case(imp))
    again = gsn2x_structure(exported)
    assert again == original
    # and a second pass is stable
    assert gsn2x_structure(export_gsn2x(_case(import_gsn2x_text(exported)))) == original


def import_gsn2x_text(text: str, tmp: Path | None = None) -> Any:
    import tempfile

    d = Path(tempfile.mkdtemp()) if tmp is None else tmp
    p = d / "x.gsn.yaml"
    p.write_text(text)
    return import_gsn2x(p)


def test_import_maps_kinds_and_dialectic() -> None:
    imp = import_gsn2x(FIXTURE)
    els = imp.argument.elements
    assert imp.argument.top == "G1"
    assert els["G1"].type == "claim" and els["S1"].type == "strategy" and els["C1"].type == "context"
    assert els["A1"].type == "assumption" and els["J1"].type == "justification"
    assert els["G2"].evidence == ["Sn1", "Sn2"] and els["G2"].supported_by == []
    assert els["G4"].undeveloped
    # solutions are evidence items of kind other, with a note saying what to complete
    assert set(imp.evidence) == {"Sn1", "Sn2", "Sn3", "Sn4", "Sn5", "CSn1"}
    sn1 = imp.evidence["Sn1"]
    assert sn1.kind == "other" and "gsn2x" in (sn1.summary or "") and "example.org" in (sn1.summary or "")
    # counter-goal rebutted by G5 (challenges + defeated) -> answered defeater
    cg1 = els["CG1"]
    assert cg1.type == "defeater" and cg1.against == ["G2"] and cg1.status == "answered"
    assert cg1.answered_by == ["G5"] and cg1.evidence == ["CSn1"]
    # a counter-solution supporting a counter-goal is evidence; one challenging a claim a defeater
    assert "CSn1" in imp.evidence and "counter-solution" in (imp.evidence["CSn1"].summary or "")
    # an unanswered counter-solution -> open counter-evidence defeater
    assert els["CSn2"].kind == "counter-evidence" and els["CSn2"].status == "open"
    assert els["CSn2"].against == ["G7"]
    # layout keys and layers are reported, not silently dropped
    joined = " ".join(imp.ignored)
    for key in ("horizontalIndex", "rankIncrement", "classes", "layer1"):
        assert key in joined
    assert imp.name == "model-release-pilot"


def test_casegate_argument_round_trips_through_gsn2x() -> None:
    loaded = load_case(EXAMPLE)
    case = loaded.case
    assert case is not None
    imp = import_gsn2x_text(export_gsn2x(case))
    assert imp.argument.top == case.argument.top
    assert list(imp.argument.elements) == list(case.argument.elements)
    for k, el in case.argument.elements.items():
        got = imp.argument.elements[k]
        assert (got.type, got.text, got.supported_by, got.in_context_of, got.evidence, got.undeveloped) == (
            el.type, el.text, el.supported_by, el.in_context_of, el.evidence, el.undeveloped), k
        if el.type == "defeater":
            assert got.against == el.against and got.status == el.status, k
    cited = {e for el in case.argument.elements.values() for e in el.evidence}
    assert cited <= set(imp.evidence)


def test_export_sets_node_type_when_the_id_does_not_say_it() -> None:
    case = load_case(EXAMPLE).case
    assert case is not None
    data = parse_yaml("x", export_gsn2x(case).encode()).data
    assert data["E-cyber-ctf"]["nodeType"] == "Solution"
    assert data["D1"]["nodeType"] == "CounterGoal" and data["D1"]["challenges"] == "G2"
    assert "nodeType" not in data["G1"] and "nodeType" not in data["S1"]
    assert data["module"]["name"] == case.id


def test_public_export_redacts() -> None:
    case = load_case(EXAMPLE).case
    assert case is not None
    g3 = case.argument.elements["G3"].text
    text = export_gsn2x(case, redactions={"G3": "sha256:" + "9" * 64}, public=True)
    assert g3 not in text and "[redacted: sha256:9999" in text


BAD = [
    ("X1:\n  text: what am I\n", "X1: its type cannot be told from its id", 1),
    ("G1:\n  text: top\n  supportedBy: [G9]\n", "refers to 'G9'", 3),
    ("- G1\n- G2\n", "a gsn2x file is a mapping", 1),
    ("G1:\n  nodeType: Gaol\n", "unknown nodeType 'Gaol'", 2),
    ("G1:\n  text: a\nCG1:\n  challenges: [G1]\n", "`challenges` must be one element id", 4),
    ("C1:\n  text: only context\n", "has no goal", 1),
    ("G1:\n  text: a\n  undeveloped: perhaps\n", "`undeveloped` must be true or false", 3),
    ("G1:\n  text: a\nG1:\n  text: b\n", "duplicate key 'G1'", 3),
    ("G1: [oops\n", "YAML syntax error", 2),
]


@pytest.mark.parametrize("text,message,line", BAD, ids=[b[1][:30] for b in BAD])
def test_bad_gsn2x_files_are_refused_with_a_location(tmp_path: Path, text: str, message: str, line: int) -> None:
    p = tmp_path / "bad.gsn.yaml"
    p.write_text(text)
    with pytest.raises(InputError) as ei:
        import_gsn2x(p)
    diag = ei.value.diagnostics()
    assert message in diag
    assert f"bad.gsn.yaml:{line}" in diag


# ------------------------------------------------------------------ gsn2x's own validation rules

DIALECTIC = FIXTURE.parent / "dialectic.gsn.yaml"


def valid_export(case: Case, **kw: Any) -> str:
    """Export and check the result with gsn2x's rules (tests/render/gsn2x_rules.py)."""
    from .gsn2x_rules import errors

    text = export_gsn2x(case, **kw)
    assert errors(text) == [], "\n".join(errors(text))
    return text


@pytest.mark.parametrize("example", sorted(p.parent.name for p in EXAMPLE.parents[1].glob("*/case.yaml")))
def test_every_example_exports_what_gsn2x_accepts(example: str) -> None:
    case = load_case(EXAMPLE.parents[1] / example / "case.yaml").case
    assert case is not None
    valid_export(case)
    valid_export(case, redactions={"G1": "sha256:" + "1" * 64}, public=True)


@pytest.mark.parametrize("fixture", [FIXTURE, DIALECTIC], ids=["model-release", "dialectic"])
def test_fixtures_pass_gsn2x_rules_and_round_trip(fixture: Path) -> None:
    from .gsn2x_rules import errors

    assert errors(fixture.read_text()) == []
    exported = valid_export(_case(import_gsn2x(fixture)))
    assert gsn2x_structure(exported) == gsn2x_structure(fixture.read_text())


def test_dialectic_import_reads_counter_counter_elements() -> None:
    imp = import_gsn2x(DIALECTIC)
    els = imp.argument.elements
    assert els["CSn2"].against == ["G5"] and els["CSn2"].status == "answered"
    assert els["CSn2"].answered_by == ["CCG1"] and els["CCG1"].type == "claim"
    assert els["CCG1"].evidence == ["CCSn2"] and "CCSn2" in imp.evidence
    assert els["CG3"].against == ["Sn3"] and els["CG4"].against == ["S2"]
    assert els["CG1"].status == "accepted" and els["CG1"].supported_by == ["CG2"]


def test_rules_catch_what_gsn2x_refuses() -> None:
    """The ported rules are not vacuous: the export casegate used to write is refused."""
    from .gsn2x_rules import validate

    old = ("G1:\n  text: a\n  supportedBy: [Sn1]\nSn1:\n  text: s\n  challenges: CG1\n"
           "CG1:\n  text: c\n  challenges: G1\n  defeated: true\nG9:\n  text: x\n  defeated: true\n")
    codes = {d.code for d in validate(old) if d.level == "error"}
    assert {"V12", "V10", "C01"} <= codes
    assert {d.code for d in validate("G1:\n  supportedBy: [C1]\nC1: {}\n")} == {"V04"}
    assert {d.code for d in validate("G1:\n  supportedBy: [G2]\nG2:\n  supportedBy: [G1]\n")} >= {"C04", "C01"}
    assert {d.code for d in validate("G1:\n  undeveloped: true\n  supportedBy: [Sn1]\nSn1: {}\n")} == {"V03"}


def _multi_case() -> Case:
    """A defeater against two claims, answered by two items; an item answering two defeaters."""
    doc = {
        "casegate": 1, "id": "multi", "title": "t", "policy": "p",
        "system": {"name": "m", "version": "1", "digests": [DIGEST]},
        "argument": {"top": "G1", "elements": {
            "G1": {"claim": "top", "supported_by": ["G2", "G3"]},
            "G2": {"claim": "two", "evidence": ["E-a"]},
            "G3": {"claim": "three", "evidence": ["E-a"]},
            "G4": {"claim": "a rebuttal nobody builds on", "evidence": ["E-b"]},
            "D1": {"defeater": "both may be wrong", "against": ["G2", "G3"], "status": "answered",
                   "answered_by": ["E-probe", "G4"], "evidence": ["E-a"]},
            "D2": {"defeater": "and another", "against": ["G3"], "status": "answered",
                   "answered_by": ["E-probe"]},
        }},
        "evidence": {k: {"kind": "other", "title": k, "producer": "p", "date": "2026-11-01"}
                     for k in ("E-a", "E-b", "E-probe")},
    }
    return Case.model_validate(doc)


def test_every_challenge_and_answer_survives_the_round_trip() -> None:
    case = _multi_case()
    text = valid_export(case)
    imp = import_gsn2x_text(text)
    els = imp.argument.elements
    assert els["D1"].against == ["G2", "G3"] and els["D1"].status == "answered"
    assert sorted(els["D1"].answered_by) == ["E-probe", "G4"]  # gsn2x keeps no order among challengers
    assert els["D2"].against == ["G3"] and els["D2"].answered_by == ["E-probe"]
    assert els["D1"].evidence == ["E-a"] and els["G2"].evidence == ["E-a"]
    assert els["G4"].type == "claim" and els["G4"].evidence == ["E-b"]
    assert set(imp.evidence) == {"E-a", "E-b", "E-probe"}
    assert set(els) == set(case.argument.elements)
    # and again: the second export is the first
    assert export_gsn2x(_case(imp)) == export_gsn2x(_case(import_gsn2x_text(export_gsn2x(_case(imp)))))


def test_atlas_answers_of_both_defeaters_survive() -> None:
    case = load_case(EXAMPLE).case
    assert case is not None
    imp = import_gsn2x_text(valid_export(case))
    for d in ("D1", "D2"):
        assert imp.argument.elements[d].answered_by == case.argument.elements[d].answered_by == ["E-sandbag"]


# ------------------------------------------------------------------ modular arguments

MODULAR = FIXTURE.parent / "modular" / "index.gsn.yaml"


def _module_structures(texts: dict[str, str]) -> dict[str, dict[str, tuple[Any, ...]]]:
    out = {}
    for text in texts.values():
        name = parse_yaml("m", text.encode()).data["module"]["name"]
        out[name] = gsn2x_structure(text)
    return out


def _fixture_modules() -> dict[str, str]:
    d = MODULAR.parent
    return {p.name: p.read_text() for p in (d / "index.gsn.yaml", d / "teams" / "evaluation.gsn.yaml",
                                            d / "shared.gsn.yaml")}


def test_modular_fixture_passes_gsn2x_rules_as_a_set() -> None:
    from .gsn2x_rules import validate_modules

    errs = [d for d in validate_modules(list(_fixture_modules().values())) if d.level == "error"]
    assert errs == []


def test_modular_import_follows_uses_across_files() -> None:
    imp = import_gsn2x(MODULAR)
    assert [m.name for m in imp.modules] == ["Release", "Evaluation", "Shared"]
    assert imp.modules[2].elements == ["C2", "Sn1"]  # a module without a goal
    els = imp.argument.elements
    assert imp.argument.top == "G1"
    assert els["S1"].supported_by == ["G2", "G3"]      # G3 is defined in another module (away goal)
    assert els["G1"].in_context_of == ["A1"] and els["G3"].evidence == ["Sn1"]
    assert els["G3"].in_context_of == ["J1", "C2"]
    assert els["CG1"].status == "answered" and els["CG1"].answered_by == ["CSn1"]


def test_modular_import_writes_a_multi_file_case_and_exports_the_modules_back(tmp_path: Path) -> None:
    from casegate.render import export_gsn2x_modules, modules_of, write_case_skeleton

    from .gsn2x_rules import validate_modules

    imp = import_gsn2x(MODULAR)
    written = write_case_skeleton(imp, tmp_path / "case", source="index.gsn.yaml", policy="builtin:anthropic-rsp")
    assert sorted(p.name for p in written) == ["argument.yaml", "case.yaml", "evidence.yaml",
                                                "module-Evaluation.yaml", "module-Shared.yaml"]
    loaded = load_case(tmp_path / "case" / "case.yaml")
    assert loaded.case is not None, [f.message for f in loaded.diagnostics]
    assert set(loaded.case.argument.elements) == set(imp.argument.elements)
    mods = modules_of(loaded)
    assert mods["G3"] == "Evaluation" and mods["C2"] == "Shared" and "G1" not in mods
    docs = export_gsn2x_modules(loaded.case, mods)
    assert list(docs) == [loaded.case.id, "Evaluation", "Shared"]
    index = parse_yaml("i", docs[loaded.case.id].encode()).data
    assert index["module"]["uses"] == ["Evaluation.gsn.yaml", "Shared.gsn.yaml"]
    assert [d for d in validate_modules(list(docs.values())) if d.level == "error"] == []
    # same elements in the same modules, same links
    original = _module_structures(_fixture_modules())
    exported = _module_structures(docs)
    assert exported["Evaluation"] == original["Evaluation"] and exported["Shared"] == original["Shared"]
    assert exported[loaded.case.id] == original["Release"]
    # and the written modules import again
    out = tmp_path / "gsn2x"
    out.mkdir()
    for name, text in docs.items():
        (out / f"{name}.gsn.yaml").write_text(text)
    again = import_gsn2x(out / f"{loaded.case.id}.gsn.yaml")
    assert set(again.argument.elements) == set(imp.argument.elements)


MODULAR_BAD = [
    ({"index.gsn.yaml": "module:\n  name: M\n  uses: [missing.gsn.yaml]\nG1:\n  text: a\n"},
     "cannot read", "missing.gsn.yaml"),
    ({"index.gsn.yaml": "module:\n  name: M\n  uses: [b.gsn.yaml]\nG1:\n  text: a\n  supportedBy: [G9]\n",
      "b.gsn.yaml": "module:\n  name: B\nG2:\n  text: b\n"}, "which no module defines", "index.gsn.yaml:6:3"),
    ({"index.gsn.yaml": "module:\n  name: M\n  uses: [b.gsn.yaml]\nG1:\n  text: a\n",
      "b.gsn.yaml": "module:\n  name: B\nG1:\n  text: again\n"}, "defined in two modules", "b.gsn.yaml:3"),
    ({"index.gsn.yaml": "module:\n  name: M\n  uses: [b.gsn.yaml]\nG1:\n  text: a\n",
      "b.gsn.yaml": "module:\n  name: M\nG2:\n  text: b\n"}, "two modules are named 'M'", "b.gsn.yaml:1"),
]


@pytest.mark.parametrize("files,message,where", MODULAR_BAD, ids=[b[1] for b in MODULAR_BAD])
def test_bad_modular_files_are_refused(tmp_path: Path, files: dict[str, str], message: str, where: str) -> None:
    for n, t in files.items():
        (tmp_path / n).write_text(t)
    with pytest.raises(InputError) as ei:
        import_gsn2x(tmp_path / "index.gsn.yaml")
    diag = ei.value.diagnostics()
    assert message in diag and where in diag


def test_cli_imports_and_exports_modules(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root / "src")}

    def cg(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "casegate", *args], capture_output=True, text=True, env=env)

    r = cg("gsn2x", "import", str(MODULAR), "--out", str(tmp_path / "c"), "--policy", "builtin:anthropic-rsp")
    assert r.returncode == 0, r.stderr
    assert "module-Evaluation.yaml" in r.stderr and "module-Shared.yaml" in r.stderr
    r = cg("gsn2x", "export", str(tmp_path / "c" / "case.yaml"), "--out", str(tmp_path / "x.gsn.yaml"))
    assert r.returncode == 2 and "--out must name a directory" in r.stderr
    r = cg("gsn2x", "export", str(tmp_path / "c" / "case.yaml"), "--out", str(tmp_path / "g"))
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in (tmp_path / "g").iterdir()) == ["Evaluation.gsn.yaml", "Release.gsn.yaml",
                                                                   "Shared.gsn.yaml"]
