"""The models share one `Field(...)` per kind of field (`EMPTY_LIST`, `EMPTY_DICT`, `EMPTY_ITEMS`,
`OPTIONAL_AT_LEAST_0`, `NON_EMPTY`, ...) instead of calling `Field` for every field. That is sound only while pydantic copies
the `FieldInfo` assigned to a field and leaves the assigned one as it was; these tests fail if a
pydantic version changes the shared ones, or lets one field's constraints reach another."""

from __future__ import annotations

from typing import Annotated

import pytest
from annotated_types import MaxLen
from pydantic import Field, ValidationError

from casegate.model import (
    EMPTY_DICT,
    EMPTY_ITEMS,
    EMPTY_LIST,
    NON_EMPTY,
    ONE_OR_MORE,
    OPTIONAL_0_TO_1,
    OPTIONAL_AT_LEAST_0,
    OPTIONAL_AT_LEAST_1,
    OPTIONAL_UNRECORDED,
    Frozen,
    new_dict,
    new_list,
    no_items,
)

from .test_field_names import _models

SHARED = {
    "EMPTY_LIST": (EMPTY_LIST, lambda: Field(default_factory=new_list)),
    "EMPTY_DICT": (EMPTY_DICT, lambda: Field(default_factory=new_dict)),
    "EMPTY_ITEMS": (EMPTY_ITEMS, lambda: Field(default_factory=no_items)),
    "OPTIONAL_AT_LEAST_0": (OPTIONAL_AT_LEAST_0, lambda: Field(default=None, ge=0)),
    "OPTIONAL_AT_LEAST_1": (OPTIONAL_AT_LEAST_1, lambda: Field(default=None, ge=1)),
    "OPTIONAL_0_TO_1": (OPTIONAL_0_TO_1, lambda: Field(default=None, ge=0, le=1)),
    "NON_EMPTY": (NON_EMPTY, lambda: Field(min_length=1)),
    "ONE_OR_MORE": (ONE_OR_MORE, lambda: Field(default=1, ge=1)),
    "OPTIONAL_UNRECORDED": (OPTIONAL_UNRECORDED, lambda: Field(default=None, exclude=True)),
}


@pytest.mark.parametrize("name", sorted(SHARED))
def test_building_every_model_leaves_the_shared_fields_as_they_were(name: str) -> None:
    shared, fresh_one = SHARED[name]
    fresh = fresh_one()
    models = _models()  # every model class of casegate, defined
    for m in models:
        m.model_rebuild()
    assert len(models) > 100
    assert repr(shared) == repr(fresh)
    assert shared.metadata == fresh.metadata and shared.annotation is None is fresh.annotation
    assert shared._attributes_set == fresh._attributes_set


def test_no_two_fields_hold_one_field_info() -> None:
    infos = [(f"{m.__qualname__}.{n}", f) for m in _models() for n, f in m.__pydantic_fields__.items()]
    assert len({id(f) for _, f in infos}) == len(infos)
    shared = {id(f) for f, _ in SHARED.values()}
    assert not any(id(f) in shared for _, f in infos)


def test_one_fields_constraint_does_not_reach_another_sharing_the_default() -> None:
    class Short(Frozen):
        few: Annotated[list[str], MaxLen(2)] = EMPTY_LIST
        many: list[str] = EMPTY_LIST
        pairs: Annotated[dict[str, str], MaxLen(1)] = EMPTY_DICT
        more: dict[str, str] = EMPTY_DICT
        name: Annotated[str, MaxLen(3)] = NON_EMPTY
        title: str = NON_EMPTY

    class Later(Frozen):
        items: list[str] = EMPTY_LIST

    ok = Short(many=["a", "b", "c"], more={"a": "1", "b": "2"}, name="abc", title="a longer title")
    assert ok.many == ["a", "b", "c"] and ok.few == [] and ok.pairs == {}
    with pytest.raises(ValidationError):
        Short(few=["a", "b", "c"], name="a", title="t")
    with pytest.raises(ValidationError):
        Short(pairs={"a": "1", "b": "2"}, name="a", title="t")
    with pytest.raises(ValidationError):
        Short(name="", title="t")
    assert Later(items=["a", "b", "c"]).items == ["a", "b", "c"]
    # each model gets a list of its own
    first, second = Later(), Later()
    assert first.items == [] and first.items is not second.items
    assert EMPTY_LIST.metadata == [] and EMPTY_DICT.metadata == [] and repr(NON_EMPTY) == repr(Field(min_length=1))
