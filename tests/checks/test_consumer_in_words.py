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
