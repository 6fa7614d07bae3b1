"""The per-item records deriving the facts builds through their slots are the records their
classes build."""

from __future__ import annotations

from dataclasses import FrozenInstanceError

import pytest

from casegate.evidence._derive import Derivation, _derivation
from casegate.evidence._facts import _NO_KEYRING_REASONS, Independence, _unchecked


@pytest.mark.parametrize("declared", [True, False])
def test_an_unchecked_verdict_is_the_one_its_class_builds(declared: bool) -> None:
    got = _unchecked("E-ctf", declared)
    want = Independence("E-ctf", declared, False, (), _NO_KEYRING_REASONS)
    assert type(got) is Independence
    assert got == want and hash(got) == hash(want) and repr(got) == repr(want)
    assert [getattr(got, n) for n in Independence._fields] == [getattr(want, n) for n in Independence._fields]
    with pytest.raises(FrozenInstanceError):
        got.independent = True  # type: ignore[misc]


@pytest.mark.parametrize(("problem", "cached", "tasks"), [(None, False, 1), ("no task `x`", True, 3)])
def test_a_derivation_is_the_one_its_class_builds(problem: str | None, cached: bool, tasks: int) -> None:
    got = _derivation("E-ctf", None, problem, "evals/ctf.json", cached, tasks)
    want = Derivation("E-ctf", None, False, problem, "evals/ctf.json", cached, tasks)
    assert type(got) is Derivation
    assert got == want and hash(got) == hash(want) and repr(got) == repr(want)
    assert [getattr(got, n) for n in Derivation._fields] == [getattr(want, n) for n in Derivation._fields]
    with pytest.raises(FrozenInstanceError):
        got.problem = None  # type: ignore[misc]
