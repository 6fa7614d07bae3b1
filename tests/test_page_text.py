"""`casegate.terminal.page_text` looks for any character it would change before rewriting a text,
since a page's own blocks run to megabytes. The search must find every such character: a text it
passes over unchanged is shown as written, bidirectional overrides and all."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st
from markupsafe import Markup

from casegate.publish._render import page_value
from casegate.terminal import _PAGE_ESCAPES, _marks, page_text, page_text_may_change

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


@settings(derandomize=True, database=None, max_examples=300)
@given(st.text(_ALPHABET, max_size=40))
@example("<span>Atlas-2 \u202e</span>")
@example("<b>GO</b>")
def test_a_page_block_is_shown_as_page_text_shows_it(text: str) -> None:
    """A block of the page's own markup (Markup) is left as it is only when `page_text` would not
    change it: a bidirectional override inside a block of rows is escaped as in any other text."""
    block = Markup(text)
    shown = page_value(block)
    assert type(shown) is Markup
    assert str(shown) == _rewritten(text)
    if _rewritten(text) != text:
        assert page_text_may_change(text)
    if not page_text_may_change(text):
        assert shown is block  # a block of megabytes is not copied


def test_every_ascii_character_in_a_long_ascii_block_is_found_as_page_text_changes_it() -> None:
    """ASCII text is searched apart (as its bytes, not by the pattern): each of the 128 ASCII
    characters inside a block of plain markup is found exactly when `page_text` rewrites it."""
    row = "<tr><td>G1</td><td>Atlas-2 is within its threshold</td></tr>\n\t" * 2000
    for c in map(chr, range(0x80)):
        text = f"{row}{c}{row}"
        assert text.isascii()
        changes = _rewritten(text) != text
        assert page_text_may_change(text) is changes, hex(ord(c))
        assert page_text(text) == _rewritten(text), hex(ord(c))
        shown = page_value(Markup(text))
        assert str(shown) == _rewritten(text), hex(ord(c))
    assert not page_text_may_change(row)
