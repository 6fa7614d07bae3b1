"""Deciding whether text composed elsewhere (the gate's answers, conditions, finding messages)
may be shown to an audience: text that touches a redacted element is withheld."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ._redact import Redaction, Sealed, pointer_of

_MIN_SECRET = 4
_SHINGLE = 4
_WORD = re.compile(r"\w[\w\-]*")


def _shingles(text: str) -> set[tuple[str, ...]]:
    """Runs of four consecutive words (lower case): a partial quotation shares one."""
    words = _WORD.findall(text.lower())
    return {tuple(words[i:i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1)}


def _leaves(value: Any) -> Iterable[str]:
    if isinstance(value, dict):
        for k, v in value.items():
            yield str(k)
            yield from _leaves(v)
    elif isinstance(value, list):
        for v in value:
            yield from _leaves(v)
    elif isinstance(value, bool) or value is None:
        return
    else:
        yield str(value)


class TextGuard:
    """Withholds text that names a redacted element, points into one, or quotes their content
    (a whole value, or any run of four words of it) where the public document does not already
    show it. Derived values (a bound computed from redacted counts) are caught by the naming
    and path rules: the gate names the element its numbers come from."""

    def __init__(self, redaction: Redaction, sealed: Iterable[Sealed]):
        self.redaction = redaction
        public = set(_leaves(redaction.document))
        public_shingles: set[tuple[str, ...]] = set()
        for x in public:
            public_shingles |= _shingles(x)
        secrets: set[str] = set()
        shingles: set[tuple[str, ...]] = set()
        for s in sealed:
            if s.pointer in redaction.stubs:
                for x in _leaves(s.content):
                    if len(x) >= _MIN_SECRET and x not in public:
                        secrets.add(x)
                        shingles |= _shingles(x)
        self._secrets = sorted(secrets, key=len, reverse=True)
        self._shingles = shingles - public_shingles
        ids = sorted(redaction.ids, key=len, reverse=True)
        self._ids = (
            re.compile(r"(?<![A-Za-z0-9_\-])(" + "|".join(re.escape(i) for i in ids) + r")(?![A-Za-z0-9_\-])")
            if ids else None
        )

    def mentions(self, text: str) -> list[str]:
        """Redacted element ids named in `text`."""
        if self._ids is None:
            return []
        return sorted(set(self._ids.findall(text)))

    def safe(self, text: str, *, paths: Iterable[tuple[str | int, ...]] = (), refs: Iterable[str] = ()) -> bool:
        """Whether `text` may be shown: it names no redacted element, none of `paths` lies in one,
        none of `refs` (references such as 'evidence.E-ctf') names one, and it quotes no
        confidential content."""
        if any(self.redaction.is_redacted(pointer_of(p)) for p in paths):
            return False
        if any(self.mentions(r) for r in refs):
            return False
        if self.mentions(text):
            return False
        if self._shingles & _shingles(text):
            return False
        return not any(s in text for s in self._secrets)
