"""The models share one `Field(...)` per kind of default (`EMPTY_LIST`, `EMPTY_DICT`,
`EMPTY_ITEMS`) instead of calling `Field` for every field. That is sound only while pydantic copies
the `FieldInfo` assigned to a field and leaves the assigned one as it was; these tests fail if a
pydantic version changes the shared ones, or lets one field's constraints reach another."""

from __future__ import annotations

from typing import Annotated

import pytest
from annotated_types import MaxLen
from pydantic import Field, ValidationError

from casegate.model import EMPTY_DICT, EMPTY_ITEMS, EMPTY_LIST, Frozen, new_dict, new_list, no_items

from .test_field_names import _models

SHARED = {"EMPTY_LIST": (EMPTY_LIST, new_list), "EMPTY_DICT": (EMPTY_DICT, new_dict),
          "EMPTY_ITEMS": (EMPTY_ITEMS, no_items)}


@pytest.mark.parametrize("name", sorted(SHARED))
def test_building_every_model_leaves_the_shared_fields_as_they_were(name: str) -> None:
    shared, factory = SHARED[name]
    fresh = Field(default_factory=factory)
    models = _models()  # every model class of casegate, defined
    for m in models:
        m.model_rebuild()
    assert len(models) > 100
    assert repr(shared) == repr(fresh)
    assert shared.metadata == [] and shared.annotation is None and shared.default_factory is factory
    assert shared._attributes_set == fresh._attributes_set


def test_no_two_fields_hold_one_field_info() -> None:
    infos = [(f"{m.__qualname__}.{n}", f) for m in _models() for n, f in m.__pydantic_fields__.items()]
    assert len({id(f) for _, f in infos}) == len(infos)
    assert not any(f in (EMPTY_LIST, EMPTY_DICT, EMPTY_ITEMS) for _, f in infos if f is not None)


def test_one_fields_constraint_does_not_reach_another_sharing_the_default() -> None:
    class Short(Frozen):
        few: Annotated[list[str], MaxLen(2)] = EMPTY_LIST
        many: list[str] = EMPTY_LIST
        pairs: Annotated[dict[str, str], MaxLen(1)] = EMPTY_DICT
        more: dict[str, str] = EMPTY_DICT

    class Later(Frozen):
        items: list[str] = EMPTY_LIST

    ok = Short(many=["a", "b", "c"], more={"a": "1", "b": "2"})
    assert ok.many == ["a", "b", "c"] and ok.few == [] and ok.pairs == {}
    with pytest.raises(ValidationError):
        Short(few=["a", "b", "c"])
    with pytest.raises(ValidationError):
        Short(pairs={"a": "1", "b": "2"})
    assert Later(items=["a", "b", "c"]).items == ["a", "b", "c"]
    # each model gets a list of its own
    first, second = Later(), Later()
    assert first.items == [] and first.items is not second.items
    assert EMPTY_LIST.metadata == [] and EMPTY_DICT.metadata == []
