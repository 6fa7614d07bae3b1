"""The case's words read as they look where a rule reads a number or a word in them: a rate per
year in Cyrillic letters or full-width digits, words on two lines of a text that holds one
non-ASCII character, a model name a log records and a monitored signal's name."""

from __future__ import annotations

import pytest

from casegate.checks._derived import _plain_words
from casegate.checks._text import as_read, per_year_rates

from ._cases import base_doc, context, hits

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


def _with_model(model: str, evaluated_as: list[str] | None = None) -> dict:  # type: ignore[type-arg]
    doc = base_doc()
    doc["system"]["name"] = "Atlas-2"
    if evaluated_as is not None:
        doc["system"]["evaluated_as"] = evaluated_as
    doc["evidence"]["E-ctf"].setdefault("source", {"tool": "inspect-ai"})["model"] = model
    return doc


@pytest.mark.parametrize("model", [f"acme/m{_I}ni-atlas-2", f"acme/atlas-2-m{_I}ni", "acme/atlas-2-\u0455mall"])
def test_a_smaller_model_named_in_look_alike_letters_is_not_this_one(model: str) -> None:
    """The lab's move: the log of a smaller model of the family names it `m\u0456ni` (Cyrillic i),
    so the word read as `m` and `ni`; before the system's name nothing was beyond it, and listed
    as one of the system's own names it admitted the run."""
    (h,) = hits("CG351", context(_with_model(model)))
    assert "beyond the system's name `Atlas-2`" in h.message or "another size or stage" in h.message
    (h,) = hits("CG351", context(_with_model(model, [model])))
    assert "names another size or stage of a model family" in h.message


def test_a_rate_named_in_look_alike_letters_is_still_a_rate() -> None:
    """The lab's move: a monitor of `classifier-flag-r\u0430te` (Cyrillic a) fires above 1.5, which
    no rate reaches; read as letters other than `rate`, the signal was taken as unbounded."""
    doc = base_doc()
    doc["post_deployment"] = {
        "monitors": {"M1": {"signal": "classifier-flag-r\u0430te", "threshold": 1.5, "window": "24h"}},
        "triggers": {"T1": {"on": "monitor", "monitor": "M1", "action": "reopen"}},
        "reevaluate_by": "2027-04-01",
    }
    (h,) = hits("CG715", context(doc))
    assert "can never be" in h.message
