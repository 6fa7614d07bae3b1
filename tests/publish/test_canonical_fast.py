"""The commitments' canonical JSON: the fast path (shared with the store's log,
`casegate._canonical_json`) writes exactly the bytes of the RFC 8785 library."""

from __future__ import annotations

from typing import Any

import pytest
import rfc8785
from hypothesis import given, settings
from hypothesis import strategies as st

from casegate._canonical_json import plain_exact
from casegate.errors import InputError
from casegate.publish._commit import canonical

CASES: list[Any] = [
    None, True, False, 0, -1, 2**53 - 1, -(2**53) + 1, "", "plain",
    "quote \" backslash \\ slash / tab\t newline\n cr\r bs\b ff\f nul\x00 unit\x1f del\x7f",
    "non-ASCII: é ß 中文 \u2028 \u2029 emoji 😀",
    [], {}, [1, "a", None, [True, {}]],
    {"b": 1, "a": {"d": [1, 2], "c": "x"}, "A": None, "_": "", "a-b": 0, "a.b": 1, "10": 2, "9": 3},
    {"claim": "The model cannot uplift novices.", "domain": "bio", "evidence": ["E-1", "E-2"],
     "confidentiality": "restricted", "result": {"successes": 3, "trials": 200}},
    ("tuple", 1),
    1.5, {"x": 0.1}, {"é": 1, "中文": {"\uffff": -12.75}},  # fractions without an exponent, keys in the BMP
]
FALLBACK: list[Any] = [
    [1e21], 1e-05, 2**53, -(2**53), {"😀": 1, "\uffff": 2}, 1.0, {"x": 5.0},
]


@pytest.mark.parametrize("value", CASES)
def test_fast_path_writes_the_library_bytes(value: Any) -> None:
    assert plain_exact(value)
    assert canonical(value) == rfc8785.dumps(value)


@pytest.mark.parametrize("value", FALLBACK)
def test_other_values_go_to_the_library(value: Any) -> None:
    assert not plain_exact(value)
    try:
        want = rfc8785.dumps(value)
    except rfc8785.CanonicalizationError:
        with pytest.raises(InputError):
            canonical(value)
    else:
        assert canonical(value) == want


def test_lone_surrogate_is_refused_as_the_library_refuses_it() -> None:
    with pytest.raises(InputError):
        canonical({"text": "half \ud800 a pair"})
    with pytest.raises(InputError):
        canonical({"key \ud800": "text"})


contents = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | st.floats(-1e6, 1e6) | st.text(alphabet=st.characters(codec="utf-8"), max_size=8) | st.text(max_size=4),
    lambda c: st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=6), c, max_size=5), max_leaves=16)


@settings(max_examples=500, deadline=None)
@given(content=st.dictionaries(st.text(max_size=6), contents, max_size=6))
def test_every_commitment_body_is_the_library_bytes(content: dict[str, Any]) -> None:
    """Element content of any shape (numbers with fractions, keys in and beyond the BMP) is
    committed to over exactly rfc8785's bytes, or refused as the library refuses it."""
    try:
        want = rfc8785.dumps(content)
    except (rfc8785.CanonicalizationError, UnicodeEncodeError):
        with pytest.raises(InputError):
            canonical(content)
        return
    assert canonical(content) == want


@settings(max_examples=500, deadline=None)
@given(content=st.dictionaries(st.text(max_size=6), contents, max_size=6) | st.one_of(*(st.just(v) for v in CASES + FALLBACK)))
def test_sealing_collects_the_leaves_of_what_it_commits_to(content: Any) -> None:
    """`redact` collects a redacted element's leaves (the text guard's secrets) in the walk that
    writes its canonical JSON: the same bytes as `canonical`, the same leaves as `leaves_of`, for
    content of any shape (a tuple, a key that is not text: walked apart), so no secret is missed."""
    from casegate.publish import leaves_of
    from casegate.publish._redact import canonical_leaves

    got: set[str] = {"already there"}
    try:
        want = canonical(content)
    except InputError:
        with pytest.raises(InputError):
            canonical_leaves(content, got)
    else:
        assert canonical_leaves(content, got) == want
    assert got == leaves_of(content, {"already there"})
    # with the keys kept apart (as `redact` keeps them), the same leaves, split the same way
    values: set[str] = set()
    keys: set[str] = set()
    want_keys: set[str] = set()
    try:
        canonical_leaves(content, values, keys)
    except InputError:
        return
    assert values == leaves_of(content, set(), want_keys) and keys == want_keys


def test_sealing_walks_content_that_is_not_plain_json_apart() -> None:
    from casegate.publish import leaves_of
    from casegate.publish._redact import canonical_leaves

    for content in ({1: "int key", "t": ("a", 2)}, {"nested": {"x": [("tuple", 3.5)]}}, {"b": True, "n": None}):
        got: set[str] = set()
        try:
            want = canonical(content)
        except InputError:
            continue
        assert canonical_leaves(content, got) == want
        assert got == leaves_of(content)



@pytest.mark.parametrize("content", [{"n": 2**53}, {"n": -(2**53)}, [2**53], {"a": [1, -(2**60)]}, {"n": 2**53 - 1},
                                     [7, {"k": -(2**53) + 1}], {"b": True, "n": 0}])
def test_sealing_an_integer_inside_an_object_or_a_list_is_written_as_the_library_writes_it(content: Any) -> None:
    """An integer met inside an object or a list is taken where it stands (not by a call of its
    own): one beyond the safe range is still refused as the library refuses it (never written by
    the fast path), and every integer is a leaf as `leaves_of` gives it."""
    from casegate.publish import leaves_of
    from casegate.publish._redact import canonical_leaves

    got: set[str] = set()
    try:
        want = rfc8785.dumps(content)
    except rfc8785.IntegerDomainError:
        with pytest.raises(InputError):
            canonical_leaves(content, got)
    else:
        assert canonical_leaves(content, got) == canonical(content) == want
    assert got == leaves_of(content)
