"""Deciding whether text composed elsewhere (the gate's answers, conditions, finding messages)
may be shown to an audience: text that touches a redacted element is withheld."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any, get_args

from pydantic import BaseModel

from .._patterns import kept
from ..model import Case
from ._redact import Redaction, leaves_of, pointer_of

_MIN_SECRET = 4
_SHINGLE = 4
_FEW_SECRETS = 200
"""Up to this many secrets a text is searched for each in turn (quicker than a look-up at each
of its characters)."""
_WORD = kept(r"\w[\w\-]*")


def _shingles(text: str) -> set[tuple[str, ...]]:
    """Runs of four consecutive words (lower case): a partial quotation shares one."""
    words = _WORD.findall(text.lower())
    return {tuple(words[i:i + _SHINGLE]) for i in range(len(words) - _SHINGLE + 1)}


_TOKEN = kept(r"[A-Za-z0-9_\-]+(?:\.[A-Za-z0-9_\-]+)*")


def _models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    """The model classes an annotation names (inside lists, dicts, unions, Annotated)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in get_args(annotation):
        yield from _models_in(arg)


@cache
def _field_names() -> frozenset[str]:
    """The names of the case format's fields (`source`, `model`, `summary`, ...): the published
    schema shows them, so a redacted element whose content holds one as a key keeps no secret in
    it, and a public document showing one as a key shows no value. The same word as a value of a
    redacted element (a title "source") is a secret like any other."""
    names: set[str] = set()
    seen: set[type[BaseModel]] = {Case}
    todo: list[type[BaseModel]] = [Case]
    while todo:
        for name, info in todo.pop().model_fields.items():
            names.add(name)
            if info.alias:
                names.add(info.alias)
            for model in _models_in(info.annotation):
                if model not in seen:
                    seen.add(model)
                    todo.append(model)
    return frozenset(names)


def _content(values: set[str], keys: set[str]) -> set[str]:
    """What a document's leaves say: its values, and its keys other than the case format's field
    names (the keys of a free-form mapping are the lab's words; a field name is the format's)."""
    return values | (keys - _field_names())


def _content_of(value: Any) -> set[str]:
    """`_content` of a JSON-like value's leaves."""
    keys: set[str] = set()
    return _content(leaves_of(value, set(), keys), keys)


class TextGuard:
    """Withholds text that names a redacted element, points into one, or quotes their content
    (a whole value, or any run of four words of it) where the public document does not already
    show it. The content is what the elements' values (ids, titles, numbers, free text) and the
    keys of their free-form mappings say; the case format's field names, keys of every element,
    are no secret. Derived values (a bound computed from redacted counts) are caught by the naming
    and path rules: the gate names the element its numbers come from."""

    def __init__(self, redaction: Redaction):
        self.redaction = redaction
        # the public document's content, from the leaves `redact` collected while building it
        if redaction.leaves is not None and redaction.keys is not None:
            public = _content(redaction.leaves, redaction.keys)
        else:
            public = _content_of(redaction.document)
        # every redacted element's content (from the leaves `redact` collected while sealing, else
        # in one walk); a text the public document shows is no secret
        if redaction.sealed_leaves is not None and redaction.sealed_keys is not None:
            sealed = _content(redaction.sealed_leaves, redaction.sealed_keys)
        else:
            sealed = _content_of([s.content for s in redaction.sealed.values()])
        secrets = {x for x in sealed if len(x) >= _MIN_SECRET and x not in public}
        self._public = public
        self._public_words: str | None = None
        self._shingles: set[tuple[str, ...]] = set().union(*map(_shingles, secrets))
        # secrets by their first characters: a text is searched once, not once per secret
        by_start: dict[str, list[str]] = {}
        for x in secrets:
            by_start.setdefault(x[:_MIN_SECRET], []).append(x)
        self._by_start = by_start
        self._secrets = list(secrets)
        self._ids = redaction.ids

    def _shown(self, shingle: tuple[str, ...]) -> bool:
        """Whether the public document itself shows this run of words (then quoting it leaks
        nothing). The public words are joined once, on first need."""
        if self._public_words is None:
            self._public_words = "\n".join(" ".join(_WORD.findall(x.lower())) for x in self._public)
        run = " ".join(shingle)
        i = self._public_words.find(run)
        while i >= 0:
            before = self._public_words[i - 1] if i > 0 else " "
            end = i + len(run)
            after = self._public_words[end] if end < len(self._public_words) else " "
            if before in " \n" and after in " \n":
                return True
            i = self._public_words.find(run, i + 1)
        return False

    def mentions(self, text: str) -> list[str]:
        """Redacted element ids named in `text`."""
        if not self._ids:
            return []
        found: set[str] = set()
        for token in _TOKEN.findall(text):
            parts = token.split(".")
            for i in range(len(parts)):
                for j in range(i + 1, len(parts) + 1):
                    candidate = ".".join(parts[i:j])
                    if candidate in self._ids:
                        found.add(candidate)
        return sorted(found)

    def safe(self, text: str, *, paths: Iterable[tuple[str | int, ...]] = (), refs: Iterable[str] = (),
             composed: bool = False) -> bool:
        """Whether `text` may be shown: it names no redacted element, none of `paths` lies in one,
        none of `refs` (references such as 'evidence.E-ctf') names one, and it quotes no
        confidential content. A `composed` text (one casegate wrote: a finding's message, a
        condition, a lack, an answer) is searched only in what it puts into casegate's fixed
        wording (`variable_parts`): content a lab wrote into a redacted element to repeat that
        wording withholds nothing."""
        if any(self.redaction.is_redacted(pointer_of(p)) for p in paths):
            return False
        if any(self.mentions(r) for r in refs):
            return False
        found = self._offences(text)
        if not found:
            return True
        if not composed:
            return False
        from ._fixed import may_be_fixed

        # what the text quotes or names can lie in casegate's wording only if its words are in
        # casegate's sources (known without parsing them)
        if not all(may_be_fixed(_WORD.findall(x)) for x in found):
            return False
        return all(self._text_safe(x) for x in self.parts(text, composed=True))

    def parts(self, text: str, *, composed: bool = False) -> list[str]:
        """What of `text` is searched for redacted content: the text whole, or, `composed`, its
        parts that are not casegate's fixed wording."""
        if not composed:
            return [text]
        from ._fixed import variable_parts

        return variable_parts(text)

    def _text_safe(self, text: str) -> bool:
        if self.mentions(text):
            return False
        for sh in self._shingles & _shingles(text):
            if not self._shown(sh):
                return False
        return not self._quotes_secret(text)

    def _offences(self, text: str) -> list[str]:
        """What makes `text` unsafe: the redacted ids it names, the runs of words and the values
        of redacted content it quotes (none: it may be shown)."""
        if self._text_safe(text):
            return []
        return [*self.mentions(text), *(" ".join(sh) for sh in self._shingles & _shingles(text) if not self._shown(sh)),
                *self._quoted_values(text)]

    def quoted(self, text: str, *, composed: bool = False) -> list[str]:
        """Pointers of the redacted elements whose content `text` quotes (a value, or a run of
        four words, that the public document does not show), in document order: why a text that
        names no redacted element and lies in none is withheld. What it quotes is found first, as
        `safe` finds it; the elements are walked only when it quotes anything. `composed`: only
        what the text puts into casegate's fixed wording counts (as in `safe`)."""
        pieces = self.parts(text, composed=composed)
        values = set().union(*map(self._quoted_values, pieces)) if pieces else set()
        runs = {sh for piece in pieces for sh in self._shingles & _shingles(piece) if not self._shown(sh)}
        if not values and not runs:
            return []
        found = []
        for pointer, sealed in self.redaction.sealed.items():
            held = _content_of(sealed.content)
            if not values.isdisjoint(held) or (runs and not runs.isdisjoint(
                    set().union(*map(_shingles, (x for x in held if len(x) >= _MIN_SECRET))))):
                found.append(pointer)
        return found

    def _quoted_values(self, text: str) -> set[str]:
        """The confidential values that occur in `text` (as `_quotes_secret` looks for them)."""
        if len(self._secrets) <= _FEW_SECRETS:
            return {x for x in self._secrets if x in text}
        out: set[str] = set()
        by_start = self._by_start
        for i in range(len(text) - _MIN_SECRET + 1):
            got = by_start.get(text[i:i + _MIN_SECRET])
            if got is not None:
                out.update(x for x in got if text.startswith(x, i))
        return out

    def _quotes_secret(self, text: str) -> bool:
        """Whether a confidential value occurs in `text` (each is at least `_MIN_SECRET`
        characters long, so it starts where its first characters do). A few secrets are each
        searched for; many are looked up by the characters at each place in the text."""
        if len(self._secrets) <= _FEW_SECRETS:
            return any(x in text for x in self._secrets)
        by_start = self._by_start
        for i in range(len(text) - _MIN_SECRET + 1):
            found = by_start.get(text[i:i + _MIN_SECRET])
            if found is not None and any(text.startswith(x, i) for x in found):
                return True
        return False
