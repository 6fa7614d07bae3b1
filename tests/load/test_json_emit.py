"""A parsed file's JSON, emitted once into a buffer sized from its text, is rapidyaml's own."""

from __future__ import annotations

from pathlib import Path

import pytest
import ryml

from casegate.load._yaml import _emit_json

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
