"""Text from input files made safe to print on a terminal.

A YAML value, a log's task name or a file name can hold control characters: an escape sequence
that moves the cursor, clears the screen or recolours text; a carriage return that overwrites a
line (so a case could print a fake "all checks passed"); a bidirectional override that reorders
what the reader sees. Every line casegate prints passes through `escape_controls`, which shows
such characters as visible escapes (`\\x1b`, `\\r`, `\\u202e`) and keeps newlines and tabs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

_CONTROLS = (*range(0x00, 0x09), *range(0x0b, 0x20), *range(0x7f, 0xa0), 0x061c, 0x200e, 0x200f, 0x2028, 0x2029,
             *range(0x202a, 0x202f), *range(0x2066, 0x206a), 0xfeff)
"""The characters shown as escapes: C0 and C1 controls other than newline and tab, and the
bidirectional marks, embeddings, overrides and isolates, the line and paragraph separators and
the byte order mark."""
_NAMED = {"\r": "\\r", "\x0b": "\\v", "\x0c": "\\f", "\x1b": "\\x1b", "\x00": "\\0"}
_ESCAPES = {c: _NAMED.get(chr(c)) or (f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}") for c in _CONTROLS}
"""Each of `_CONTROLS` -> its escape (a table for `str.translate`: one pass in C, and nothing to
compile at start-up, as a regular expression over these ranges would be)."""


def escape_controls(text: str) -> str:
    """`text` with every control character other than newline and tab shown as an escape."""
    return text.translate(_ESCAPES)


_INVISIBLE = (0x00ad, 0x034f, 0x180e, 0x200b, *range(0x2060, 0x2065))
"""Characters a page draws as nothing (or nothing until a line breaks there): the soft hyphen, the
combining grapheme joiner, the Mongolian vowel separator, the zero-width space, the word joiner
and the invisible operators. The zero-width joiner and non-joiner are kept: scripts and emoji
need them, and they reorder nothing."""
_PAGE_ESCAPES = {**_ESCAPES, **{c: f"\\u{c:04x}" for c in _INVISIBLE}}
_MARK = "[\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"


@cache
def _marks() -> re.Pattern[str]:
    """A run of three or more combining marks (its first two kept); compiled on first use, so
    plain `check` compiles nothing at start-up."""
    return re.compile(f"({_MARK}{{2}}){_MARK}+")


def _ranges(codes: Iterable[int]) -> str:
    """A character class's body for `codes`, as runs (`a-z`)."""
    out: list[tuple[int, int]] = []
    for c in sorted(codes):
        if out and out[-1][1] == c - 1:
            out[-1] = (out[-1][0], c)
        else:
            out.append((c, c))
    return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in out)


@cache
def _shown() -> re.Pattern[str]:
    """Any character `page_text` changes: one of `_PAGE_ESCAPES`, or a combining mark. A page's
    own blocks (a diagram, a table of thousands of rows) run to megabytes and mostly hold none:
    searching them is a scan in C, where `str.translate` of text beyond ASCII builds a copy
    character by character (some 20 times slower)."""
    return re.compile(f"[{_ranges(_PAGE_ESCAPES)}{_MARK[1:-1]}]")


_ASCII_KEPT = bytes(c for c in range(0x80) if c not in _PAGE_ESCAPES)
"""The ASCII characters `page_text` keeps as they are (every one but the controls other than
newline and tab: no combining mark is ASCII)."""


_LONG = 256
"""Text at least this long is searched by `_changes` as its UTF-8 bytes."""


def _changes(text: str) -> bool:
    """Whether `text` holds a character `page_text` changes. A long text (a page's own blocks run
    to megabytes) is searched as its UTF-8 bytes with the ASCII characters kept deleted (two
    passes in C): what is left is its other characters in order, usually none or a few dashes,
    and only that is searched by `_shown`, whose class is tested against each character in turn
    (some three times slower over text beyond Latin-1, seven times over ASCII)."""
    if len(text) < _LONG:
        return _shown().search(text) is not None
    rest = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_KEPT)
    if not rest or text.isascii():
        return bool(rest)
    return _shown().search(rest.decode("utf-8", "surrogatepass")) is not None


def page_text_may_change(text: str) -> bool:
    """Whether `page_text` may change `text` (it holds a character shown as an escape, or a
    combining mark): a text for which this is False is shown as it is, and can be used without
    a copy."""
    return _changes(text)


def page_text(text: str) -> str:
    """`text` as a page (HTML or Markdown) shows text from a case: controls, bidirectional marks,
    overrides and isolates, and invisible characters as visible escapes (so no value reorders the
    words the page puts after it, nor hides a difference a reader would see), and at most two
    combining marks on one letter (a stack of them draws over the lines above and below)."""
    if not _changes(text):
        return text
    text = text.translate(_PAGE_ESCAPES)
    return _marks().sub(r"\1", text)
