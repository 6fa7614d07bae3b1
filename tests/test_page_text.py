"""`casegate.terminal.page_text` looks for any character it would change before rewriting a text,
since a page's own blocks run to megabytes. The search must find every such character: a text it
passes over unchanged is shown as written, bidirectional overrides and all."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st
from markupsafe import Markup

from casegate.publish._render import page_value
from casegate.terminal import _PAGE_ESCAPES, _marks, _shown, page_text, page_text_may_change

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



_ROWS = {"ascii": "<tr><td>G1</td><td>Atlas-2 is within its threshold</td></tr>\n\t" * 2000,
         "beyond ascii": "<tr><td>G1</td><td>Atlas-2 \u2014 within its threshold \u00b7 \u00e9</td></tr>\n" * 2000}
"""Blocks of a page's own markup, long enough to be searched as bytes."""


def test_each_character_in_a_long_block_is_found_as_page_text_changes_it() -> None:
    """A long text is searched as its bytes, not by the pattern: each ASCII character, each one
    `page_text` changes and the others of the alphabet above (a lone surrogate too), inside a
    long block, is found exactly as the pattern finds it, and shown as `page_text` rewrites it."""
    chars = sorted({*map(chr, range(0x80)), *_CHANGED, "\u2014", "\u00e9", "\u0301", "\u20d7", "\ufe20",
                    "\u200d", "\U0001f600", "\ud800"})
    for name, row in _ROWS.items():
        assert not page_text_may_change(row)
        for c in chars:
            text = f"{row}{c}{row}"
            # as the pattern finds it over the whole text (a lone mark may change nothing)
            assert page_text_may_change(text) is (_shown().search(text) is not None), (name, hex(ord(c)))
            assert page_text_may_change(text) or _rewritten(text) == text
            assert page_text(text) == _rewritten(text), (name, hex(ord(c)))
            assert str(page_value(Markup(text))) == _rewritten(text), (name, hex(ord(c)))


@settings(derandomize=True, database=None, max_examples=200)
@given(st.text(_ALPHABET, max_size=40), st.sampled_from(sorted(_ROWS)))
@example("a\u0301\u0301\u0301b", "beyond ascii")
def test_a_long_block_is_shown_as_page_text_shows_it(text: str, row: str) -> None:
    block = f"{_ROWS[row][:600]}{text}{_ROWS[row][:600]}"
    assert page_text(block) == _rewritten(block)
    assert page_text_may_change(block) is (_shown().search(block) is not None)
