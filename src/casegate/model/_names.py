"""Names as casegate compares them: one person or one organisation, however the name is typed.

A name's form is the writer's to choose, so two spellings that read as one name are one name:
Unicode NFKC (full-width `Ａｃｍｅ` is `Acme`), zero-width, format and control characters removed,
white space collapsed, case folded, and every character that looks like a Latin letter or digit
(Unicode confusables, e.g. Cyrillic `а`) replaced by it. People are compared by `name_key`;
organisations by `organisation_key`, which also drops accents, punctuation and a trailing legal
form (`Acme Labs, Inc.` is `acme-labs`), and `organisation_among` counts a name that begins with an
organisation's whole name (`Acme Labs UK`), or is its first words (`Acme`), as that organisation's. Other names a decision compares (a model's name and
version) are compared by `word_key`: their letters and digits alone.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from .._patterns import kept

_ASCII_CONTROLS = dict.fromkeys([*range(0x09), *range(0x0A, 0x20), 0x7F])
"""The ASCII characters `normalise_name` removes (category Cc, the tab kept): in an ASCII name
NFKC changes nothing and no other character is Cf, Zl or Zp, so such a name needs no Unicode
tables (and the process does not load them: most names are ASCII)."""


def normalise_name(name: str) -> str:
    """NFKC, without zero-width / format / control characters, white space collapsed, case folded."""
    if name.isascii():
        return " ".join(name.translate(_ASCII_CONTROLS).split()).casefold()
    import unicodedata

    s = unicodedata.normalize("NFKC", name)
    s = "".join(ch for ch in s if unicodedata.category(ch) not in ("Cc", "Cf", "Zl", "Zp") or ch in " \t")
    return " ".join(s.split()).casefold()  # runs of white space (as `str.isspace` has it) made one space


@functools.lru_cache(maxsize=4096)
def _glyph(ch: str) -> str:
    """The Latin letter or digit `ch` looks like, in the case it shows (Greek capital `Ν` is `N`,
    Cyrillic `а` is `a`); `ch` itself when it imitates none."""
    if ch.isascii():
        return ch
    # the confusables table takes a tenth of a second to load: only a non-ASCII name needs it
    from confusable_homoglyphs import confusables

    found = confusables.is_confusable(ch, preferred_aliases=["latin", "common"], greedy=True) or []
    for hit in found:
        for g in hit.get("homoglyphs", []):
            c = str(g.get("c", ""))
            if c and c.isascii() and c.strip():
                if ch.isupper() and c.isalpha() and c.islower():
                    # a capital the table reads as a small letter (Greek `Ι`, Cyrillic `І` as `l`):
                    # the capital of what its small letter imitates (`ι` is `i`, so `Ι` is `I`)
                    small = _glyph(ch.lower()) if ch.lower() != ch else ""
                    if small.isascii() and small.isalpha():
                        return small.upper()
                return c
    return ch


def _latin(ch: str) -> str:
    return ch if ch.isascii() else _glyph(ch).casefold()


def latin_text(text: str) -> str:
    """Text as it reads, its letter case and white space kept: where it is not plain ASCII, NFKC,
    without zero-width, format and control characters (white space stays, so words on two lines
    stay two words), and each character that looks like a Latin letter or digit replaced by it in
    the case it shows (`Νorthgrid's` with a Greek capital Nu is `Northgrid's`). Looked up before
    any case folding: folded first, the capital Nu would be a small nu, which looks like `v`."""
    if text.isascii():
        return text
    import unicodedata

    s = unicodedata.normalize("NFKC", text)
    return "".join(_glyph(ch) for ch in s
                   if ch.isspace() or unicodedata.category(ch) not in ("Cc", "Cf", "Zl", "Zp"))


def latin_form(name: str) -> str:
    """`normalise_name` with look-alike characters mapped to the Latin letter or digit they imitate
    (`latin_text`, then folded; a character that imitates one only once folded is mapped then)."""
    return "".join(_latin(ch) for ch in normalise_name(latin_text(name)))


@functools.lru_cache(maxsize=4096)
def name_key(name: str) -> str:
    """The comparison key of a person's name: `normalise_name`, white space dropped (so a
    zero-width character standing in for a space changes nothing), then look-alike characters
    mapped to the Latin letter or digit they imitate. Kept per name once made: a keyring lookup
    compares the name asked for with every identity's, and a gate asks about the same few people
    again and again."""
    return "".join(ch for ch in latin_form(name) if not ch.isspace())


def same_person(a: str, b: str) -> bool:
    """Whether two names are the same person's by casegate's comparison."""
    return name_key(a) == name_key(b)


LEGAL_FORMS = frozenset({
    "ab", "ag", "aps", "as", "asa", "bv", "co", "company", "corp", "corporation", "gmbh", "inc",
    "incorporated", "kg", "kk", "limited", "llc", "llp", "lp", "ltd", "nv", "oy", "pbc", "plc", "pte",
    "pty", "sa", "sarl", "sas", "se", "spa", "srl",
})
"""Words that say what kind of company an organisation is, not which one: dropped from the end of
its name (`Acme Labs Inc.`, `Acme Labs Pty Ltd` and `Acme Labs` are one organisation)."""

_NOT_WORD = kept(r"[\W_]+")  # letters of every script are kept: a name in kana is a name too


def _unaccented(s: str) -> str:
    if s.isascii():  # NFKD changes no ASCII character, and none is combining
        return s
    import unicodedata

    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if not unicodedata.combining(ch))


@functools.lru_cache(maxsize=4096)
def name_words(name: str) -> tuple[str, ...]:
    """The words of a name as compared: `latin_form` without accents, dots dropped (`L.L.C.` is
    `llc`), split at anything that is not a letter or digit."""
    s = _unaccented(latin_form(_unaccented(name))).replace(".", "")
    return tuple(w for w in _NOT_WORD.split(s) if w)


def word_key(name: str) -> str:
    """A name compared by its letters and digits alone (`name_words` run together): a model's
    `Atlas-2`, `ATLAS 2`, `Atlas2` and `Аtlas-2` with a Cyrillic `А` are one name."""
    return "".join(name_words(name))


@functools.lru_cache(maxsize=4096)
def organisation_words(name: str) -> tuple[str, ...]:
    """The words of an organisation's name as compared: `name_words` with any legal form at the
    end dropped (the first word is always kept)."""
    words = list(name_words(name))
    while len(words) > 1 and words[-1] in LEGAL_FORMS:
        words.pop()
    return tuple(words)


def organisation_key(name: str) -> str:
    """The comparison key of an organisation's (or a producer's) name: its `organisation_words`
    run together (`Acme Labs, Inc.`, `ACME-LABS`, `Аcme Labs` with a Cyrillic `А` and full-width
    `Ａｃｍｅ Labs` are all `acmelabs`)."""
    return "".join(organisation_words(name))


def _starts(words: tuple[str, ...]) -> set[str]:
    return {"".join(words[:k]) for k in range(1, len(words) + 1)}


def organisation_among(name: str, organisations: Iterable[str]) -> str | None:
    """Which of `organisations` `name` names: its key is the organisation's, or one name is the
    other's whole name followed by more words (`Acme Labs UK` and `Acme Labs Research` are Acme
    Labs; so is plain `Acme`, the start of Acme Labs's name; `Acme Security` is not). Failing
    closed where names decide who stands outside the developer: a name that is the start of the
    developer's, or starts as the developer's, is the developer's. None when it names none of them."""
    words = organisation_words(name)
    if not words:
        return None
    mine, whole = _starts(words), "".join(words)
    for o in organisations:
        theirs = organisation_words(o)
        if theirs and ("".join(theirs) in mine or whole in _starts(theirs)):
            return o
    return None


__all__ = ["LEGAL_FORMS", "latin_form", "name_key", "name_words", "normalise_name", "organisation_key",
           "organisation_words", "organisation_among", "same_person", "word_key"]
