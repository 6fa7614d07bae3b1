"""Every evidence item's artifact path found in one pass is the one asked for item by item."""

from __future__ import annotations

from pathlib import Path

import pytest

from casegate.load import load_case

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("example", ["atlas-api", "open-weights"])
def test_the_paths_found_together_are_those_found_one_by_one(example: Path) -> None:
    one_by_one = load_case(ROOT / "examples" / example / "case.yaml")
    assert one_by_one.case is not None
    want = {eid: one_by_one.artifact_path(eid) for eid in one_by_one.case.evidence}
    assert all(want.values())
    together = load_case(ROOT / "examples" / example / "case.yaml")
    assert together.artifact_paths() == want
    assert list(together.artifact_paths()) == list(want)  # (in the case's order)
    assert {eid: together.artifact_path(eid) for eid in want} == want


def test_the_paths_follow_the_case_they_are_asked_of() -> None:
    loaded = load_case(ROOT / "examples" / "atlas-api" / "case.yaml")
    assert loaded.case is not None
    before = dict(loaded.artifact_paths())
    eid = next(e for e, p in before.items() if p is not None)
    loaded.case = loaded.case.model_copy(update={"evidence": {
        **loaded.case.evidence, eid: loaded.case.evidence[eid].model_copy(update={"artifact": None})}})
    assert loaded.artifact_paths()[eid] is None
    assert {e: p for e, p in loaded.artifact_paths().items() if e != eid} == {
        e: p for e, p in before.items() if e != eid}
