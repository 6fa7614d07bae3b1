"""Record classes written out by hand (casegate._record) behave as the dataclasses they replace."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from casegate._record import FrozenRecord, Record


@dataclasses.dataclass
class _Data:
    a: int
    b: list[int] = dataclasses.field(default_factory=list)


class _Rec(Record):
    _fields = ("a", "b")

    def __init__(self, a: int, b: list[int] | None = None) -> None:
        self.a = a
        self.b = [] if b is None else b


@dataclasses.dataclass(frozen=True)
class _FrozenData:
    a: int
    b: Any = None


class _FrozenRec(FrozenRecord):
    _fields = ("a", "b")

    def __init__(self, a: int, b: Any = None) -> None:
        object.__setattr__(self, "a", a)
        object.__setattr__(self, "b", b)


def test_record_repr_and_equality_as_a_dataclass() -> None:
    assert repr(_Rec(1, [2])) == repr(_Data(1, [2])).replace("_Data", "_Rec")
    assert _Rec(1, [2]) == _Rec(1, [2]) and _Rec(1) != _Rec(2) and _Rec(1) != _Data(1)
    assert _Rec(1).b == [] and _Rec(1).b is not _Rec(1).b
    with pytest.raises(TypeError):
        hash(_Rec(1))
    r = _Rec(1)
    r.a = 3
    assert r.a == 3


def test_frozen_record_as_a_frozen_dataclass() -> None:
    assert repr(_FrozenRec(1, "x")) == repr(_FrozenData(1, "x")).replace("_FrozenData", "_FrozenRec")
    assert hash(_FrozenRec(1, "x")) == hash(_FrozenData(1, "x"))
    assert _FrozenRec(1) == _FrozenRec(1) and {_FrozenRec(1): 1}[_FrozenRec(1)] == 1
    r = _FrozenRec(1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.a = 2  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del r.a
    with pytest.raises(TypeError):
        hash(_FrozenRec(1, [1]))  # unhashable field, as in a frozen dataclass
