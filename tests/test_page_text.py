"""`casegate.terminal.page_text` looks for any character it would change before rewriting a text,
since a page's own blocks run to megabytes. The search must find every such character: a text it
passes over unchanged is shown as written, bidirectional overrides and all."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from casegate.terminal import _PAGE_ESCAPES, _marks, page_text

_CHANGED = sorted(chr(c) for c in _PAGE_ESCAPES)
_ALPHABET = st.sampled_from([*_CHANGED, "a", "Z", " ", "\n", "\t", "\u2014", "\u00b7", "\u00e9", "\u0301", "\u0308",
                             "\u20d7", "\ufe20", "\u200d", "\u200c", "\U0001f600", "<", "&"])


def _rewritten(text: str) -> str:
    """What `page_text` gives without its search: every text rewritten."""
    return _marks().sub(r"\1", text.translate(_PAGE_ESCAPES))


@settings(derandomize=True, database=None, max_examples=400)
@given(st.text(_ALPHABET, max_size=40))
@example("Atlas-2 \u202e")
@example("a\u0301\u0301\u0301b")
def test_the_search_finds_every_character_page_text_changes(text: str) -> None:
    assert page_text(text) == _rewritten(text)


def test_each_escaped_character_alone_is_escaped() -> None:
    for c in _CHANGED:
        assert page_text(f"x{c}y") == f"x{_PAGE_ESCAPES[ord(c)]}y", hex(ord(c))
