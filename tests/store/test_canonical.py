"""Entries are hashed over RFC 8785 JSON: the composed form equals rfc8785 on the whole entry."""

from __future__ import annotations

import datetime as dt
import enum

import pytest
import rfc8785
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from casegate.errors import InputError
from casegate.store._canonical import canonical_payload, entry_bytes, to_json_value

json_scalars = st.none() | st.booleans() | st.integers(-(2**53) + 1, 2**53 - 1) | \
    st.floats(allow_nan=False, allow_infinity=False) | st.text()
json_values = st.recursive(json_scalars, lambda c: st.lists(c, max_size=4) |
                           st.dictionaries(st.text(max_size=8), c, max_size=4), max_leaves=12)


@settings(max_examples=300, deadline=None)
@given(index=st.integers(0, 2**40), kind=st.text(min_size=1, max_size=12),
       case_id=st.none() | st.text(max_size=12), payload=st.dictionaries(st.text(max_size=8), json_values, max_size=5),
       at=st.text(max_size=30))
def test_composed_entry_is_rfc8785(index: int, kind: str, case_id: str | None, payload: dict, at: str) -> None:
    try:
        pj = canonical_payload(payload)
    except InputError:
        return  # lone surrogates: refused, never hashed
    try:
        whole = rfc8785.dumps({"index": index, "kind": kind, "case_id": case_id, "payload": payload,
                               "recorded_at": at})
    except rfc8785.CanonicalizationError:
        return
    assert entry_bytes(index, kind, case_id, pj, at) == whole


class Color(enum.Enum):
    red = "red"


def test_payload_values_are_normalised() -> None:
    v = to_json_value({"d": dt.date(2026, 1, 2), "e": Color.red, "s": {3, 1}, "t": (1, 2), 4: "x"})
    assert v == {"d": "2026-01-02", "e": "red", "s": [1, 3], "t": [1, 2], "4": "x"}


@pytest.mark.parametrize("bad, msg", [
    ({"x": float("nan")}, "cannot be written as JSON"),
    ({"x": object()}, "cannot be recorded"),
    ({"x": 2**60}, "canonical JSON"),
    ({(1, 2): 1}, "not a string"),
])
def test_bad_payloads_are_refused_with_a_reason(bad: dict, msg: str) -> None:
    with pytest.raises(InputError, match=msg):
        canonical_payload(bad)


any_text = st.text(alphabet=st.characters(codec="utf-8"), max_size=10) | st.sampled_from(
    ["\u0000\u001f\u007f", "\b\f\n\r\t\"\\/", "\u2028\u2029", "\ue000\U0001f600", "\uffff\U00010000", "é€𝄞"])
exact_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53) + 1, 2**53 - 1) | any_text,
    lambda c: st.lists(c, max_size=4) | st.dictionaries(any_text, c, max_size=5), max_leaves=20)


@settings(max_examples=500, deadline=None)
@given(value=exact_values | json_values)
def test_fast_encoder_is_rfc8785_exactly(value: object) -> None:
    from casegate.store._canonical import canonical

    try:
        want = rfc8785.dumps(value)
    except rfc8785.CanonicalizationError:
        with pytest.raises(InputError):
            canonical(value)
        return
    assert canonical(value) == want


def test_utf16_key_order_goes_through_rfc8785() -> None:
    from casegate.store._canonical import canonical

    # U+E000 sorts after U+1F600 by code point but before it by UTF-16 code units
    value = {"\ue000": 1, "\U0001f600": 2}
    assert canonical(value) == rfc8785.dumps(value)
    assert canonical(value).index("\U0001f600".encode()) < canonical(value).index("\ue000".encode())


@settings(max_examples=300, deadline=None)
@given(value=st.dictionaries(any_text, exact_values | json_values, max_size=5))
def test_payload_fast_path_is_rfc8785_exactly(value: dict) -> None:
    from casegate.store._canonical import normalise_payload

    try:
        want = rfc8785.dumps(value)
    except rfc8785.CanonicalizationError:
        with pytest.raises(InputError):
            normalise_payload(value)
        return
    plain, got = normalise_payload(value)
    assert got == want and plain == value


edge_floats = st.sampled_from([0.0, -0.0, 5.0, -5.0, 0.5, 0.005, 1e-4, 9.999e-5, 1e-7, 1e-6, 123.456, 1e15 + 0.5,
                               9007199254740991.0, 9007199254740992.0, 9999999999999998.0, 1e16, 1e21, 1e22,
                               2.5e-8, 1.7976931348623157e308, 5e-324, 0.1 + 0.2, -1234.5678])
any_floats = edge_floats | st.floats(allow_nan=False, allow_infinity=False) | \
    st.floats(-1e17, 1e17, allow_nan=False) | st.floats(-1e-3, 1e-3, allow_nan=False)
float_values = st.recursive(any_floats | any_text | st.integers(-(2**53) + 1, 2**53 - 1),
                            lambda c: st.lists(c, max_size=4) | st.dictionaries(any_text, c, max_size=4),
                            max_leaves=16)


@settings(max_examples=600, deadline=None)
@given(value=float_values)
def test_numbers_with_a_fraction_are_written_as_rfc8785_writes_them(value: object) -> None:
    """The fast encoder takes floats `repr` writes without an exponent; every float, taken or
    not, comes out as rfc8785 writes it (summaries and decision records are full of them)."""
    from casegate.store._canonical import canonical, canonical_json, normalise_payload

    try:
        want = rfc8785.dumps(value)
    except rfc8785.CanonicalizationError:
        with pytest.raises(rfc8785.CanonicalizationError):
            canonical_json(value)
        return
    assert canonical_json(value) == want
    assert canonical(value) == want
    assert normalise_payload({"v": value})[1] == rfc8785.dumps({"v": value})


@settings(max_examples=300, deadline=None)
@given(value=float_values)
def test_json_value_reads_what_rfc8785_writes_alike(value: object) -> None:
    """Read back with integral numbers as integers, a value canonicalises to the same bytes."""
    import json

    from casegate.store._canonical import canonical_json, json_value

    try:
        want = rfc8785.dumps(value)
    except rfc8785.CanonicalizationError:
        return
    again = json_value(json.dumps(value, ensure_ascii=False))
    assert again == value
    assert canonical_json(again) == want


def test_the_fast_path_takes_fractions_but_not_integral_floats_or_exponents() -> None:
    from casegate._canonical_json import plain_exact

    assert plain_exact({"a": [0.005, -12.75, 123.456, 1e-4]})
    for v in (5.0, -0.0, 1e16, 9.999e-5, 1e21):
        assert not plain_exact({"a": v})


@settings(max_examples=300, deadline=None)
@given(member=float_values | json_values, others=st.dictionaries(any_text, float_values, max_size=4),
       key=any_text)
def test_a_member_written_once_composes_as_rfc8785_writes_the_whole(member: object, others: dict,
                                                                    key: str) -> None:
    """A summary canonicalised once for its sha256 is composed into the entry's payload as it
    is: the payload's bytes are rfc8785's of the whole, whatever the keys."""
    from casegate.store._canonical import CanonicalJSON, normalise_payload

    payload = {**others, key: member}
    try:
        want = rfc8785.dumps(payload)
    except rfc8785.CanonicalizationError:
        return
    plain, got = normalise_payload({**others, key: CanonicalJSON(member)})
    assert got == want and plain == payload


def test_a_recorded_summary_hashes_and_logs_as_rfc8785_writes_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import hashlib

    from casegate.store import open_registry, record_judgement, record_publication, shown_sections

    summary = {"level": "public", "decision": {"outcome": "GO", "decided_at": "2026-01-01", "findings": []},
               "n": [5.0, 0.005, 1e-7, -0.0, 123.25], "text": "é\u2028\n"}
    with open_registry(f"sqlite:///{tmp_path / 'r.db'}") as reg:
        # the registry records a summary only of a version it has judged
        record_judgement(reg, "c", version=1, outcome="GO", record_sha256="0" * 64,
                         judged={"at": "2026-01-01T00:00:00Z"},
                         found={"conditions": [], "blocking": [], "narrower": None, "lacks": [], "findings": [],
                                "decided_at": "2026-01-01", "shown": {"public": shown_sections(summary)}})
        entry = record_publication(reg, "c", summary, version=1, judged={"at": "2026-01-01T00:00:00Z"})
        stored = reg.entry(entry.index)
    want = {"version": 1, "summary": summary, "summary_sha256": hashlib.sha256(rfc8785.dumps(summary)).hexdigest(),
            "judged": {"at": "2026-01-01T00:00:00Z"}, "judgement": 0}
    assert entry.payload == want and stored.payload == want
    from casegate.store._canonical import canonical_payload

    assert canonical_payload(stored.payload) == rfc8785.dumps(want)


big_numbers = st.recursive(
    st.integers() | any_floats | any_text | st.sampled_from([2**53 - 1, 2**53, -(2**53), 10**30]),
    lambda c: st.lists(c, max_size=4) | st.dictionaries(any_text, c, max_size=4), max_leaves=16)


@settings(max_examples=600, deadline=None)
@given(value=float_values | exact_values | json_values | big_numbers, ascii_only=st.booleans(),
       indent=st.sampled_from([None, 2]), as_bytes=st.booleans())
def test_a_json_text_read_with_its_canonical_bytes_is_rfc8785s(value: object, ascii_only: bool, indent: int | None,
                                                               as_bytes: bool) -> None:
    """`CanonicalJSON.of_text` notes while reading whether the C encoder is exact (numbers through
    the reader's hooks, characters beyond U+FFFF by their bytes or escapes): whatever the text, its
    value is `json_value`'s and its bytes rfc8785's, or it is refused as rfc8785 refuses it."""
    import json

    from casegate.store._canonical import CanonicalJSON, json_value

    text = json.dumps(value, ensure_ascii=ascii_only, indent=indent)
    data: str | bytes = text.encode("utf-8", "surrogatepass") if as_bytes else text
    want_value = json_value(data)
    try:
        want = rfc8785.dumps(want_value)
    except (rfc8785.CanonicalizationError, UnicodeEncodeError):
        with pytest.raises((rfc8785.CanonicalizationError, UnicodeEncodeError)):
            CanonicalJSON.of_text(data)
        return
    got = CanonicalJSON.of_text(data)
    assert got.json == want
    assert got.value == want_value


@pytest.mark.parametrize("text", [
    b'{"\\ue000": 1, "\\U0001f600": 2}'.decode("unicode_escape"),  # keys beyond the BMP, raw
    '{"\\ue000": 1, "\\ud83d\\ude00": 2}',  # the same, escaped
    '{"a": 9007199254740992, "b": [1e16, 5.0, 1e-05]}',  # an unsafe integer; exponents
    '{"a": NaN}', '{"a": [Infinity]}', '{"k\\ud800": 1}',  # refused as rfc8785 refuses them
])
def test_text_the_reader_cannot_vouch_for_is_walked(text: str) -> None:
    from casegate.store._canonical import CanonicalJSON, json_value

    for data in (text, text.encode("utf-8", "surrogatepass"), text.encode("utf-16")):
        try:
            want = rfc8785.dumps(json_value(data))
        except (rfc8785.CanonicalizationError, UnicodeEncodeError, ValueError):
            with pytest.raises((rfc8785.CanonicalizationError, UnicodeEncodeError, ValueError)):
                CanonicalJSON.of_text(data)
            continue
        assert CanonicalJSON.of_text(data).json == want


def _sorted(value: object) -> object:
    if isinstance(value, dict):
        return {k: _sorted(value[k]) for k in sorted(value)}
    if isinstance(value, list | tuple):
        return [_sorted(v) for v in value]
    return value


@settings(max_examples=600, deadline=None)
@given(value=float_values | exact_values | json_values | big_numbers)
def test_a_value_with_sorted_keys_is_written_as_the_c_encoder_writes_it(value: object) -> None:
    """pydantic-core's serializer (`encode_sorted`) writes a plain value whose objects hold their
    keys sorted byte for byte as the sorting C encoder does, wherever that is exact; a lone
    surrogate fails as it fails there."""
    from casegate._canonical_json import encode_exact, encode_sorted, plain_exact

    value = _sorted(value)
    assume(plain_exact(value))  # hypothesis fails the test when too few values are left to compare
    try:
        want = encode_exact(value)
    except UnicodeEncodeError:
        with pytest.raises(UnicodeEncodeError):
            encode_sorted(value)
        return
    assert encode_sorted(value) == want == rfc8785.dumps(value)


def test_objects_read_with_sorted_keys_keep_the_last_of_a_repeated_key() -> None:
    import json

    from casegate._canonical_json import sorted_object

    text = '{"b": 1, "a": {"d": 2, "c": 3}, "b": 4}'
    got = json.loads(text, object_pairs_hook=sorted_object)
    assert got == json.loads(text) and list(got) == ["a", "b"] and list(got["a"]) == ["c", "d"]


def test_a_lone_surrogate_fails_as_the_c_encoder_fails() -> None:
    from casegate._canonical_json import encode_sorted

    for value in ({"a": "half \ud800 a pair"}, ["\udfff"]):
        with pytest.raises(UnicodeEncodeError):
            encode_sorted(value)


@settings(max_examples=400, deadline=None)
@given(parts=st.lists(st.sampled_from([b"\\", b"\\\\", b"\\u", b"\\ud8", b"\\uDBff", b"\\u00e9", b"u", b"d8", b"x",
                                       b"\\n" * 300, b"\xf0\x9f\x98\x80"]), max_size=40))
def test_an_escaped_surrogate_is_found_wherever_it_is(parts: list[bytes]) -> None:
    """The reader's look for a surrogate's escape, backslash by backslash up to a point and then
    by the pattern, finds one exactly where a search for the pattern over the whole text does."""
    from casegate.store._canonical import _ESCAPED_SURROGATE, _escapes_a_surrogate

    data = b"".join(parts)
    assert _escapes_a_surrogate(data) == (_ESCAPED_SURROGATE.search(data) is not None)
