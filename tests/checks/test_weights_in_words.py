"""The boundary's own words that give the weights out (`casegate.checks._derived.weights_in_words`):
read by CG105 against the kind, and by the rules that hold a boundary with reachable weights."""

from __future__ import annotations

import pytest

from casegate.checks._derived import stated_weights, weights_in_words
from casegate.model import Case


def _case(description: str, users: str = "developers who sign up", weights: str = "none") -> Case:
    return Case.model_construct(boundary=_boundary(description, users, weights))


def _boundary(description: str, users: str, weights: str):  # type: ignore[no-untyped-def]
    from casegate.model import Boundary, BoundaryKind, Scope

    return Boundary.model_construct(kind=BoundaryKind.api, description=description,
                                    scope=Scope.model_construct(users=users, access="self-serve", weights=weights,
                                                                vetting=None))


@pytest.mark.parametrize("words", [
    "Weights published under a responsible-use licence.",
    "Partners receive the model weights under a signed agreement.",
    "An open-weights release with a hosted demo.",
    "The checkpoint is downloadable from the hub.",
    "We distribute the safetensors to research partners.",
])
def test_words_that_give_the_weights_out(words: str) -> None:
    case = _case(words)
    assert weights_in_words(case) is not None and stated_weights(case) == "download"


@pytest.mark.parametrize("words", [
    "Served through the Acme API; the weights are never shared or published.",
    "Partners never receive the weights.",
    "Chat completions over HTTPS with a 60 requests/min limit.",
    "Users download their conversation history as JSON.",
    "A model fine-tuned for coding, served by Acme.",
])
def test_words_that_keep_the_weights(words: str) -> None:
    case = _case(words)
    assert weights_in_words(case) is None and stated_weights(case) == "none"


def test_the_users_line_is_read_too() -> None:
    assert stated_weights(_case("Served by Acme.", users="anyone who downloads the weights")) == "download"
    assert stated_weights(_case("Served by Acme.", weights="fine-tuning")) == "fine-tuning"
