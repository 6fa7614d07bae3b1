"""A parsed file's JSON, emitted once into a buffer sized from its text, is rapidyaml's own; the
data read from it is what `json.loads` builds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import ryml
from hypothesis import given, settings
from hypothesis import strategies as st

from casegate.load._yaml import _emit_json, _json_data, parse_yaml

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*/*.yaml"))


def _tree(raw: bytes) -> tuple[bytearray, ryml.Tree]:
    buf = bytearray(raw)
    tree = ryml.Tree()
    ryml.parse_in_place(buf, tree)
    return buf, tree


@pytest.mark.parametrize("path", EXAMPLES[:6], ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_json_is_what_the_emitter_gives(path: Path) -> None:
    raw = path.read_bytes()
    _buf, tree = _tree(raw)
    want = ryml.emit_json_malloc(tree, tree.root_id())
    assert _emit_json(tree, tree.root_id(), len(raw)).decode() == want


def test_a_json_longer_than_the_buffer_guessed_is_emitted_again_whole() -> None:
    # flow mappings of one-letter keys and values: the JSON (quotes, spaces) is over twice the text
    raw = b"".join(b"k%d: {a: b, c: d, e: f}\n" % i for i in range(200))
    _buf, tree = _tree(raw)
    want = ryml.emit_json_malloc(tree, tree.root_id())
    assert len(want) > len(raw) * 3 // 2 + 256  # past the first buffer
    got = _emit_json(tree, tree.root_id(), len(raw))
    assert got.decode() == want and len(got) == len(want.encode())


_SCALARS = (st.none() | st.booleans() | st.integers() | st.integers(min_value=-(10**40), max_value=10**40)
            | st.floats(allow_nan=True, allow_infinity=True) | st.text())
_JSON = st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=4)
                     | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=30)


def _typed(x: object) -> object:
    """`x` with every scalar's type beside it (1 is not 1.0 nor True; a NaN equals itself here)."""
    if isinstance(x, dict):
        return {k: _typed(v) for k, v in x.items()}
    if isinstance(x, list):
        return [_typed(v) for v in x]
    return (type(x).__name__, repr(x))


@settings(max_examples=300, deadline=None)
@given(_JSON)
def test_the_data_read_from_the_json_is_what_json_loads_builds(value: object) -> None:
    text = json.dumps(value, ensure_ascii=False)
    try:
        out = bytearray(text.encode())
    except UnicodeEncodeError:  # a lone surrogate: no UTF-8 text holds it (nor does the emitter's)
        return
    assert _typed(_json_data(out)) == _typed(json.loads(text))


@pytest.mark.parametrize("text", [b"01", b"[1,2,]", b'"a\tb"', b"9" * 4400, b'"\xed\xa0\x80"', b"{", b""])
def test_a_json_text_json_loads_refuses_is_refused(text: bytes) -> None:
    with pytest.raises(ValueError):
        json.loads(text.decode())
    with pytest.raises(ValueError):
        _json_data(bytearray(text))


def test_equal_short_strings_are_one_object() -> None:
    # (the load shares them again itself; here the reader already did)
    raw = b"a: [same-id, same-id]\nb: {x: same-id}\n"
    data = parse_yaml("t.yaml", raw).data
    assert data["a"][0] is data["a"][1] is data["b"]["x"]
