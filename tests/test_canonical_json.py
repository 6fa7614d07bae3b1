"""The shared fast path for RFC 8785: whatever `plain_exact` accepts, the C encoder writes exactly
the bytes of the `rfc8785` package (the store's log and publishing's commitments both rely on it)."""

from __future__ import annotations

from typing import Any

import pytest
import rfc8785
from hypothesis import given, settings
from hypothesis import strategies as st

from casegate._canonical_json import (
    canonical_json,
    encode_exact,
    encode_sorted,
    exact_copy,
    float_exact,
    integral_as_int,
    plain_exact,
)

texts = st.text(alphabet=st.characters(codec="utf-8"), max_size=10) | st.text(max_size=6) | st.sampled_from(
    ["\u0000\u001f\u007f", "\b\f\n\r\t\"\\/", "\u2028\u2029", "\ue000\U0001f600", "\uffff\U00010000", "é€𝄞",
     "half \ud800 pair", "\udfff"])
floats = st.sampled_from([0.0, -0.0, 5.0, -5.0, 0.5, 0.005, 1e-4, 9.999e-5, 1e-7, 1e-6, 123.456, 1e15 + 0.5,
                          9007199254740991.0, 9007199254740992.0, 9999999999999998.0, 1e16, 1e21, 1e22, 2.5e-8,
                          1.7976931348623157e308, 5e-324, 0.1 + 0.2, -1234.5678]) | \
    st.floats(allow_nan=False, allow_infinity=False) | st.floats(-1e17, 1e17) | st.floats(-1e-3, 1e-3)
integers = st.integers(-(2**53) + 1, 2**53 - 1) | st.integers() | st.sampled_from([2**53 - 1, 2**53, -(2**53)])
scalars = st.none() | st.booleans() | integers | floats | texts
values = st.recursive(scalars, lambda c: st.lists(c, max_size=4) | st.lists(c, max_size=3).map(tuple)
                      | st.dictionaries(texts, c, max_size=5), max_leaves=20)


REFUSED = (rfc8785.CanonicalizationError, UnicodeEncodeError)
"""What `rfc8785.dumps` raises for a value it cannot write (a lone surrogate in a key: the
encoding error)."""


def _rfc8785(value: Any) -> bytes | None:
    try:
        return rfc8785.dumps(value)
    except REFUSED:
        return None


@settings(max_examples=1500, deadline=None)
@given(value=values)
def test_what_the_walker_accepts_the_c_encoder_writes_as_rfc8785(value: Any) -> None:
    want = _rfc8785(value)
    if plain_exact(value):
        try:
            got = encode_exact(value)
        except UnicodeEncodeError:
            assert want is None  # a lone surrogate: the library refuses it too
        else:
            assert got == want
    if want is None:
        with pytest.raises(REFUSED):
            canonical_json(value)
    else:
        assert canonical_json(value) == want


@pytest.mark.parametrize("value", [
    {"é": 1, "中文": [0.5, -12.75], "\uffff": "x", "a": 2**53 - 1},  # keys within the BMP, fractions
    ("tuple", 1, [True, None]),
    {"b": {"d": [1, 2], "c": "tab\t nul\x00 del\x7f \u2028"}, "A": None, "10": 2, "9": 3},
    [0.005, 123.456, 1e-4, -0.1, 1e15 + 0.5],
])
def test_the_walker_takes_bmp_keys_fractions_and_tuples(value: Any) -> None:
    assert plain_exact(value)
    assert encode_exact(value) == rfc8785.dumps(value)


@pytest.mark.parametrize("value", [
    5.0, -0.0, 1e16, 9.999e-5, 1e21, [2**53], {"x": -(2**53)}, {"\U0001f600": 1, "\ue000": 2},
    {1: "x"}, {"x": b"bytes"}, {"x": {1, 2}},
])
def test_the_walker_leaves_the_rest_to_rfc8785(value: Any) -> None:
    assert not plain_exact(value)
    want = _rfc8785(value)
    if want is None:
        with pytest.raises(REFUSED):
            canonical_json(value)
    else:
        assert canonical_json(value) == want


def test_float_exact_is_repr_with_a_fraction_and_no_exponent() -> None:
    assert all(float_exact(v) for v in (0.5, -12.75, 1e-4, 1e15 + 0.5, 0.1 + 0.2))
    assert not any(float_exact(v) for v in (5.0, -0.0, 0.0, 9.999e-5, 1e16, float("inf"), float("nan")))


@pytest.mark.parametrize("value", [
    {"threat_model": {"P-1": {"severity": 200.0, "steps": ["a", "b"]}}, "text": "x" * 3, "n": [1, -0.0, 0.5]},
    [5.0, (2.0, "x", {"y": 9007199254740991.0}), {"z": -9007199254740991.0}],
    {"deep": [[[[[{"v": 1e15}]]]]], "kept": "5.0"},
])
def test_integral_floats_are_written_by_the_c_encoder(value: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    # a public summary's case document holds a few integral floats (`200.0`): each is written as
    # RFC 8785 writes it, its integer, without sending the whole document through the package
    want = rfc8785.dumps(value)
    assert not plain_exact(value)
    fixed = integral_as_int(value)
    assert fixed is not None and plain_exact(fixed)

    def refuse(_: Any) -> bytes:
        raise AssertionError("written by the rfc8785 package")

    monkeypatch.setattr(rfc8785, "dumps", refuse)
    assert canonical_json(value) == want


def test_integral_as_int_copies_only_what_holds_one() -> None:
    inner = {"a": ["x", 1, 0.5]}
    value = {"keep": inner, "fix": [1.0]}
    fixed = integral_as_int(value)
    assert fixed == {"keep": inner, "fix": [1]} and type(fixed["fix"][0]) is int
    assert fixed["keep"] is inner and value["fix"][0] == 1.0 and type(value["fix"][0]) is float  # not changed
    assert integral_as_int(inner) is inner


@pytest.mark.parametrize("value", [
    9007199254740992.0, [1e16], {"x": 2.5e-8}, {"\U0001f600": 1.0}, [float("inf")], [2**53, 1.0], {1: 1.0}, {"b": b"x"},
])
def test_integral_as_int_refuses_the_rest(value: Any) -> None:
    assert integral_as_int(value) is None
    want = _rfc8785(value)
    if want is None:
        with pytest.raises(REFUSED):
            canonical_json(value)
    else:
        assert canonical_json(value) == want


@settings(max_examples=1000, deadline=None)
@given(value=values)
def test_the_sorted_copy_is_written_by_pydantic_as_rfc8785_writes_the_value(value: Any) -> None:
    # the store's digest of a summary's sections writes `exact_copy(..., sort_keys=True)` with
    # `encode_sorted`: it refuses what `integral_as_int` refuses, and the bytes are RFC 8785's
    copy = exact_copy(value, sort_keys=True)
    assert (copy is None) == (integral_as_int(value) is None)
    if copy is not None:
        try:
            got = encode_sorted(copy)
        except UnicodeEncodeError:
            assert _rfc8785(value) is None
        else:
            assert got == rfc8785.dumps(value)


def test_exact_copy_sorts_and_asks_the_hook_only_of_objects_holding_its_key() -> None:
    salted = {"y": 5.0, "commitment": "sha256:1"}
    value = {"b": [{"z": 1.0, "a": "x"}, ("k", 2.0)], "a": salted}
    asked: list[Any] = []

    def blank(obj: dict[Any, Any]) -> dict[Any, Any]:
        asked.append(obj)
        return {**obj, "commitment": ""}

    out = exact_copy(value, sort_keys=True, on_object=blank, holding="commitment")
    assert out == {"a": {"commitment": "", "y": 5}, "b": [{"a": "x", "z": 1}, ["k", 2]]}
    assert list(out) == ["a", "b"] and list(out["a"]) == ["commitment", "y"] and list(out["b"][0]) == ["a", "z"]
    assert asked == [salted] and salted["commitment"] == "sha256:1"  # the value is not changed
    assert exact_copy(value, on_object=lambda obj: [obj]) is None  # a hook's non-object is not JSON it walks
