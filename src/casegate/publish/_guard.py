"""Deciding whether text composed elsewhere (the gate's answers, conditions, finding messages)
may be shown to an audience: text that touches a redacted element is withheld."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ._redact import Redaction, Sealed, pointer_of

_MIN_SECRET = 4


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
    """Withholds text that names a redacted element, points into one, or contains any of their
    content that the public document does not already show."""

    def __init__(self, redaction: Redaction, sealed: Iterable[Sealed]):
        self.redaction = redaction
        public = set(_leaves(redaction.document))
        secrets: set[str] = set()
        for s in sealed:
            if s.pointer in redaction.stubs:
                secrets.update(x for x in _leaves(s.content) if len(x) >= _MIN_SECRET and x not in public)
        self._secrets = sorted(secrets, key=len, reverse=True)
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
        return not any(s in text for s in self._secrets)
