"""Record classes written out by hand (casegate._record) behave as the dataclasses they replace."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from casegate._record import FrozenRecord, Record, replace


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


@dataclasses.dataclass
class _PartData:
    a: int
    hidden: int = dataclasses.field(default=0, repr=False)
    memo: Any = dataclasses.field(default=None, repr=False, compare=False)


class _PartRec(Record):
    _fields = ("a", "hidden", "memo")
    _shown = ("a",)
    _compared = ("a", "hidden")

    def __init__(self, a: int, hidden: int = 0, memo: Any = None) -> None:
        self.a = a
        self.hidden = hidden
        self.memo = memo


def test_fields_left_out_of_repr_and_comparison_as_in_a_dataclass() -> None:
    assert repr(_PartRec(1, 2, 3)) == repr(_PartData(1, 2, 3)).replace("_PartData", "_PartRec")
    assert (_PartRec(1, 2, 3) == _PartRec(1, 2, 4)) == (_PartData(1, 2, 3) == _PartData(1, 2, 4)) is True
    assert (_PartRec(1, 2) == _PartRec(1, 5)) == (_PartData(1, 2) == _PartData(1, 5)) is False


def test_replace_as_dataclasses_replace() -> None:
    shared = [2]
    rec, data = _Rec(1, shared), _Data(1, shared)
    got, want = replace(rec, a=5), dataclasses.replace(data, a=5)
    assert (got.a, got.b) == (want.a, want.b) == (5, [2])
    assert got.b is shared and want.b is shared  # fields not named are shared, as dataclasses does
    assert got is not rec and rec.a == 1
    assert replace(_PartRec(1, 2, "m"), a=3).memo == "m"  # every field is copied, compared or not
    with pytest.raises(TypeError):
        replace(rec, nonsense=1)
    with pytest.raises(TypeError):
        dataclasses.replace(data, nonsense=1)
    frozen = _FrozenRec(1, "x")
    assert replace(frozen, b="y") == _FrozenRec(1, "y") and frozen.b == "x"


def test_loaded_and_context_behave_as_the_dataclasses_they_were() -> None:
    """`Loaded` and `Context` were dataclasses: their repr leaves out the fields that had
    `repr=False`, their equality the ones that had `compare=False`, and `replace` copies every field."""
    import datetime as dt
    from pathlib import Path

    from casegate.checks import Context
    from casegate.load import load_case

    case = Path(__file__).resolve().parents[1] / "examples" / "atlas-api" / "case.yaml"
    loaded = load_case(case)
    assert loaded.case is not None and loaded.policy is not None
    text = repr(loaded)
    assert text.startswith("Loaded(case_path=") and "authority=None)" in text
    assert not any(f"{name}=" in text for name in ("_data", "_resolved", "_artifact_of", "_by_path", "_facts_memo"))
    again = replace(loaded)
    assert again == loaded and again is not loaded and again._resolved is loaded._resolved
    again._facts_memo = object()  # compare=False: not part of equality
    assert again == loaded
    assert replace(loaded, root=None) != loaded
    with pytest.raises(TypeError):
        hash(loaded)
    ctx = Context(case=loaded.case, policy=loaded.policy, today=dt.date(2026, 12, 1), boundary=None)
    assert ctx.artifacts == {} and ctx.memo == {} and ctx.waivers == [] and ctx.lineage is None
    assert ctx.memo is not Context(case=loaded.case, policy=loaded.policy, today=ctx.today, boundary=None).memo
    other = replace(ctx, previous=loaded.case, memo={})
    assert other.previous is loaded.case and other.case is ctx.case and other.memo is not ctx.memo
    assert repr(ctx).startswith("Context(case=") and other != ctx
