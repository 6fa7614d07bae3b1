"""The boundary's own words that say its users are the public using the developer's own product
(`casegate.checks._derived.consumer_in_words`): read by CG105 against an `api` label with open access."""

from __future__ import annotations

import pytest

from casegate.checks._derived import consumer_in_words
from casegate.model import Case


def _case(description: str, users: str = "anyone who signs up") -> Case:
    from casegate.model import Boundary, BoundaryKind, Scope

    return Case.model_construct(boundary=Boundary.model_construct(
        kind=BoundaryKind.api, description=description,
        scope=Scope.model_construct(users=users, access="self-serve", weights="none", vetting=None)))


@pytest.mark.parametrize("words", [
    "The Quill desktop app, with a sandboxed shell.",
    "Sold to consumers through quill.example.",
    "Open to the general public.",
    "Available to members of the public in 40 countries.",
    "Our mobile app and browser extension.",
    "A chatbot on the Acme website.",
    "Listed in the App Store and Google Play.",
    "A companion app for iOS.",
])
def test_words_of_a_consumer_product(words: str) -> None:
    assert consumer_in_words(_case(words)) is not None


@pytest.mark.parametrize("words", [
    "Paid API access with a sandboxed code-execution tool; no fine-tuning access.",
    "Developers building consumer apps call the model through the API.",
    "Programmatic access for enterprises that embed it in their mobile apps.",
    "Never sold to consumers; programmatic access only.",
    "Runs on consumer-grade GPUs in our data centres.",
    "Chat completions over HTTPS with a 60 requests/min limit.",
    "An SDK for Python and TypeScript; the web console shows usage.",
])
def test_words_of_an_api(words: str) -> None:
    assert consumer_in_words(_case(words, users="developers who sign up for an API key")) is None


def test_the_users_line_is_read_too() -> None:
    assert consumer_in_words(_case("A coding agent.", users="consumers aged 18 or over")) == "consumers aged 18 or over"


def test_a_full_width_comma_ends_a_clause_as_a_comma_does() -> None:
    """The lab's move: the public product and a denial of something else in one clause but for a
    full-width comma (U+FF0C), which reads as a comma to a person but did not split the words as
    written, so the denial (`never`) hid the consumers. The words are split as read too, and the
    clause is quoted as written."""
    said = "Sold to consumers through the Quill desktop app\uff0c never to resellers"
    assert consumer_in_words(_case(said, users="developers who sign up")) == said


def test_the_clauses_are_split_once_per_check() -> None:
    """The clauses are worked out once per check (its memo) and read there by each rule."""
    from casegate.checks._derived import boundary_clauses, third_party_in_words, weights_in_words

    case, memo = _case("A chatbot on the Acme website."), {}
    assert consumer_in_words(case, memo) == "A chatbot on the Acme website"
    assert memo["boundary_clauses"] == boundary_clauses(case)
    memo["boundary_clauses"] = (("held", "held"),)  # what the memo holds is what the rules read
    assert consumer_in_words(case, memo) is None and weights_in_words(case, memo) is None
    assert third_party_in_words(case, memo) is None and consumer_in_words(case) is not None
