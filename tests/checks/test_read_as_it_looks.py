"""The case's words read as they look where a rule reads a number or a word in them: a rate per
year in Cyrillic letters or full-width digits, and words on two lines of a text that holds one
non-ASCII character."""

from __future__ import annotations

import pytest

from casegate.checks._derived import _plain_words
from casegate.checks._text import as_read, per_year_rates

_I = "\u0456"  # Cyrillic small i


@pytest.mark.parametrize("text", [
    "Upper bound 1\u0435-4 \u0440er y\u0435ar.",  # Cyrillic e, r, e
    "Upper bound \uff11e-4 per year.",  # full-width 1
    "Upper bound 1e-4 p\u0435r\u200b year.",  # a zero-width space after `per`
])
def test_a_rate_per_year_in_look_alike_letters_is_a_rate(text: str) -> None:
    assert per_year_rates(text) == [pytest.approx(1e-4)]
    assert per_year_rates("Upper bound 1e-4 per year.") == [pytest.approx(1e-4)]


def test_words_on_two_lines_stay_two_words_beside_one_non_ascii_character() -> None:
    """A boundary whose description breaks a line before `switching order tool` and holds one
    non-ASCII character (a dash) read as `aswitching`: the tool's words were not found (CG216)."""
    text = "Gives the model a\nswitching order tool \u2014 in the grid control room."
    assert "a switching order tool" in _plain_words(text)
    assert as_read(f"a\nsw{_I}tching\r\norder\ttool") == "a\nswitching\r\norder\ttool"


def test_plain_ascii_is_read_as_it_is() -> None:
    text = "Northgrid's two-operator check, 1e-4 per year\n"
    assert as_read(text) is text
