"""People's names as casegate compares them: one person, one name, however it is typed.

Two names are the same person's when their keys (`name_key`) are equal: Unicode NFKC, zero-width,
format and control characters removed, white space collapsed, case folded, and every character
that looks like a Latin letter or digit (white space dropped) (Unicode confusables, e.g. Cyrillic `а`) replaced by it.
The comparison lives in `casegate.model._names`, beside the organisations' (one normalisation
wherever names are compared); this module keeps the signing layer's names for it.
"""

from __future__ import annotations

from ..model._names import latin_form, name_key, name_words, normalise_name, same_person

__all__ = ["latin_form", "name_key", "name_words", "normalise_name", "same_person"]
