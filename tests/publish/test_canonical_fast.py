"""The commitments' canonical JSON: the fast path writes exactly the bytes of the RFC 8785 library."""

from __future__ import annotations

from typing import Any

import pytest
import rfc8785

from casegate.errors import InputError
from casegate.publish._commit import _plain, canonical

CASES: list[Any] = [
    None, True, False, 0, -1, 2**53 - 1, -(2**53) + 1, "", "plain",
    "quote \" backslash \\ slash / tab\t newline\n cr\r bs\b ff\f nul\x00 unit\x1f del\x7f",
    "non-ASCII: é ß 中文 \u2028 \u2029 emoji 😀",
    [], {}, [1, "a", None, [True, {}]],
    {"b": 1, "a": {"d": [1, 2], "c": "x"}, "A": None, "_": "", "a-b": 0, "a.b": 1, "10": 2, "9": 3},
    {"claim": "The model cannot uplift novices.", "domain": "bio", "evidence": ["E-1", "E-2"],
     "confidentiality": "restricted", "result": {"successes": 3, "trials": 200}},
    ("tuple", 1),
]
FALLBACK: list[Any] = [
    1.5, {"x": 0.1}, [1e21], 2**53, -(2**53), {"é": 1}, {"😀": 1, "\uffff": 2}, 1.0,
]


@pytest.mark.parametrize("value", CASES)
def test_fast_path_writes_the_library_bytes(value: Any) -> None:
    assert _plain(value)
    assert canonical(value) == rfc8785.dumps(value)


@pytest.mark.parametrize("value", FALLBACK)
def test_other_values_go_to_the_library(value: Any) -> None:
    assert not _plain(value)
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
