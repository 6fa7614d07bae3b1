"""The facts' copy-with-update of an evidence item is pydantic's `model_copy(update=...)`."""

from __future__ import annotations

from pathlib import Path

from casegate.evidence._facts import _FieldSets, _updated
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


def test_copies_share_equal_field_name_sets_and_stay_independent() -> None:
    """Copies made with one `field_sets` share a set of field names when theirs are equal; a
    later model_copy of one (which adds names) changes neither the others nor the shared set."""
    case = load_case(ATLAS).case
    assert case is not None
    items = list(case.evidence.values())
    shared = _FieldSets()
    copies = [_updated(ev, {"eval_set": ["t"]}, shared) for ev in items]
    by_names: dict[frozenset[str], set[int]] = {}
    for c in copies:
        by_names.setdefault(frozenset(c.model_fields_set), set()).add(id(c.model_fields_set))
    assert all(len(ids) == 1 for ids in by_names.values())  # one object per distinct set
    assert len(by_names) < len(copies)  # and some are shared
    for c, ev in zip(copies, items, strict=True):
        assert c.model_fields_set == ev.model_fields_set | {"eval_set"}
    first = copies[0]
    before = set(first.model_fields_set)
    unset = next(n for n in type(first).model_fields if n not in before)
    changed = first.model_copy(update={unset: getattr(first, unset)})
    assert unset in changed.model_fields_set and first.model_fields_set == before
    assert all(c.model_fields_set == ev.model_fields_set | {"eval_set"} for c, ev in zip(copies, items, strict=True))
    # another update of the same items, through the same sets, adds its own names
    others = [_updated(ev, {"threshold": None}, shared) for ev in items]
    assert all(o.model_fields_set == ev.model_fields_set | {"threshold"} for o, ev in zip(others, items, strict=True))
    assert all(c.model_fields_set == ev.model_fields_set | {"eval_set"} for c, ev in zip(copies, items, strict=True))
