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
