"""Text from input files made safe to print on a terminal.

A YAML value, a log's task name or a file name can hold control characters: an escape sequence
that moves the cursor, clears the screen or recolours text; a carriage return that overwrites a
line (so a case could print a fake "all checks passed"); a bidirectional override that reorders
what the reader sees. Every line casegate prints passes through `escape_controls`, which shows
such characters as visible escapes (`\\x1b`, `\\r`, `\\u202e`) and keeps newlines and tabs.
"""

from __future__ import annotations

import re

_CONTROLS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]")
_NAMED = {"\r": "\\r", "\x0b": "\\v", "\x0c": "\\f", "\x1b": "\\x1b", "\x00": "\\0"}


def _show(m: re.Match[str]) -> str:
    c = m.group(0)
    named = _NAMED.get(c)
    if named is not None:
        return named
    return f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}"


def escape_controls(text: str) -> str:
    """`text` with every control character other than newline and tab shown as an escape."""
    return _CONTROLS.sub(_show, text) if _CONTROLS.search(text) else text
