"""People's names as casegate compares them: one person, one name, however it is typed.

Two names are the same person's when their keys (`name_key`) are equal: Unicode NFKC, zero-width,
format and control characters removed, white space collapsed, case folded, and every character
that looks like a Latin letter or digit (white space dropped) (Unicode confusables, e.g. Cyrillic `а`) replaced by it.
"""

from __future__ import annotations

import functools
import unicodedata


def normalise_name(name: str) -> str:
    """NFKC, without zero-width / format / control characters, white space collapsed, case folded."""
    s = unicodedata.normalize("NFKC", name)
    s = "".join(ch for ch in s if unicodedata.category(ch) not in ("Cc", "Cf", "Zl", "Zp") or ch in " \t")
    return " ".join(s.split()).casefold()  # runs of white space (as `str.isspace` has it) made one space


@functools.lru_cache(maxsize=4096)
def _latin(ch: str) -> str:
    if ch.isascii():
        return ch
    # the confusables table takes a tenth of a second to load: only a non-ASCII name needs it
    from confusable_homoglyphs import confusables

    found = confusables.is_confusable(ch, preferred_aliases=["latin", "common"], greedy=True) or []
    for hit in found:
        for g in hit.get("homoglyphs", []):
            c = str(g.get("c", ""))
            if c and c.isascii() and c.strip():
                return c.casefold()
    return ch


def latin_form(name: str) -> str:
    """`normalise_name` with look-alike characters mapped to the Latin letter or digit they imitate."""
    return "".join(_latin(ch) for ch in normalise_name(name))


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
