"""The facts' copy-with-update of an evidence item is pydantic's `model_copy(update=...)`."""

from __future__ import annotations

from pathlib import Path

from casegate.evidence._facts import _updated
from casegate.load import load_case

ATLAS = Path(__file__).resolve().parents[2] / "examples" / "atlas-api" / "case.yaml"


def test_updated_copy_equals_pydantic_model_copy() -> None:
    case = load_case(ATLAS).case
    assert case is not None and case.evidence
    for ev in case.evidence.values():
        update = {"independent": not ev.independent, "eval_set": ["t"], "threshold": None}
        want = ev.model_copy(update=update)
        got = _updated(ev, update)
        assert type(got) is type(want)
        assert got == want
        assert got.model_fields_set == want.model_fields_set
        assert got.model_dump(mode="json") == want.model_dump(mode="json")
        assert got is not ev and ev.eval_set != ["t"]  # the original is untouched
