"""How a judgement identifies what a summary shows (`shown_sections`: each section by the sha256
of its RFC 8785 JSON with the redacted elements' commitments blanked) is worked out in one walk
that blanks, sorts and writes (`_unsalted_sha256`): for every value, the same digest as blanking
with `_unsalted` and writing with `canonical_json`, which the registry's recorded judgements and
every summary checked against them were identified by."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import casegate.store._events as events
from casegate.store import json_sha256, shown_sections

keys = st.sampled_from(["commitment", "redacted", "pointer", "type", "id", "b", "a", "é", "\U0001f600", "\ue000"]) \
    | st.text(max_size=4)
scalars = st.none() | st.booleans() | st.integers() | st.sampled_from([2**53 - 1, 2**53, -(2**53)]) \
    | st.sampled_from([0.0, -0.0, 5.0, 200.0, 0.5, 1e-7, 1e16, 1e21, 9007199254740992.0, float("inf")]) \
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=5) | st.sampled_from(["sha256:ab", "x\ud800"])
values = st.recursive(scalars, lambda c: st.lists(c, max_size=4) | st.lists(c, max_size=3).map(tuple)
                      | st.dictionaries(keys, c, max_size=5) | st.dictionaries(st.integers(0, 3), c, max_size=2),
                      max_leaves=25)


def _old(value: Any) -> str | None:
    try:
        return json_sha256(events._unsalted(value))
    except Exception as e:  # what it raises, it raises alike
        return type(e).__name__


def _new(value: Any) -> str | None:
    try:
        return events._unsalted_sha256(value)
    except Exception as e:
        return type(e).__name__


@settings(max_examples=1500, deadline=None)
@given(value=values)
def test_one_walk_gives_the_digest_blanking_and_writing_apart_give(value: Any) -> None:
    assert _new(value) == _old(value)


@given(value=values)
@settings(max_examples=300, deadline=None)
def test_stubs_and_references_are_blanked_wherever_they_are(value: Any) -> None:
    stub = {"redacted": True, "type": "claim", "id": "G1", "level": "secret", "commitment": "sha256:1", "x": value}
    ref = {"pointer": "/argument/elements/G1", "type": "claim", "commitment": "sha256:2", "n": 200.0}
    other = {**stub, "commitment": "sha256:3"}
    section = {"nodes": [stub, {"inner": ref}], "n": 5.0}
    again = {"nodes": [other, {"inner": {**ref, "commitment": "sha256:4"}}], "n": 5}
    assert _new(section) == _old(section) == _new(again)


def test_a_stub_in_a_tuple_is_blanked_as_in_a_list() -> None:
    stub = {"redacted": True, "type": "claim", "id": "G1", "level": "secret", "commitment": "sha256:1", "n": 2.0}
    listed = json_sha256([{**stub, "commitment": ""}])
    assert _new((stub,)) == _old((stub,)) == _new([stub]) == listed


def test_a_summary_like_section_is_written_in_the_one_walk(monkeypatch: pytest.MonkeyPatch) -> None:
    summary = {
        "level": "public", "decision": {"digests": {"model": [], "case": "sha256:c"}},
        "argument": {"nodes": {f"G{i}": {"id": f"G{i}", "type": "claim", "text": "é" * i,
                                         "redacted": {"pointer": f"/argument/elements/G{i}", "type": "claim",
                                                      "id": f"G{i}", "level": "secret", "commitment": f"sha256:{i}"}}
                               for i in range(50)}},
        "case_document": {"threat_model": {"P-1": {"severity": "severe", "rate": 200.0, "share": 0.25}}},
    }
    want = {"argument": _old(summary["argument"]), "case_document": _old(summary["case_document"]),
            "decision.digests": json_sha256(summary["decision"]["digests"])}

    def refuse(*_: Any) -> Any:
        raise AssertionError("walked a second time")

    monkeypatch.setattr(events, "_unsalted", refuse)
    assert shown_sections(summary) == want
