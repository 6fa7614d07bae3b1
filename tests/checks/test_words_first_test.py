"""The first test of the boundary's words readings (`casegate.checks._derived._may_say`): a clause
holding none of a reading's trigger words is not tried against its longer patterns, so every match
of those patterns must hold one of them, whatever the letter case (and `re`'s case folding beyond
ASCII), or a reading would miss words it reads today."""

from __future__ import annotations

import re

import pytest

from casegate.checks import _derived as d
from casegate.checks._derived import (
    open_sign_up_in_words,
    stated_weights,
    tuning_in_words,
    weights_in_words,
)
from casegate.model import Case

_TUNING = [
    "customers upload training data", "the fine-tuning API", "each tuning its own copy",
    "the tuned copy is served back", "customers fine-tune Atlas-2 on their own data",
    "custom models by fine-tuning", "LoRA adapters trained on customer data", "PEFT adapters fitted with user data",
    "users train LoRA adapters", "clients supply tuning examples", "tune private versions",
]
_WEIGHTS = [
    "downloads the weights", "weights published under a licence", "open weights", "GGUF files are released",
    "partners receive the parameters", "we share checkpoints", "the safetensors are posted",
]
_SIGN_UP = [
    "any researcher with an institutional email address", "anyone who signs up", "open sign-up",
    "self-registration", "self-serve onboarding", "anyone a member invites", "their guests", "invitees",
    "whoever asks gets access immediately", "everybody is granted keys automatically", "all who register",
]

_UNATTENDED = [
    "runs after 8pm are unattended", "the robots run lights-out", "routine protocols are automatically approved",
    "protocols run without a technician at night", "orders ship without human review", "no staff on site at weekends",
    "no-one reviews them", "the lab runs unsupervised", "an unstaffed night shift", "unreviewed runs",
]
_VETS_OWN = [
    "customers vet their own scientists", "each customer attests its scientists are qualified",
    "the customer's biosafety committee approves each scientist", "scientists cleared by their employer",
    "each member institution vets its researchers", "the partner's security office clears each analyst",
]
_SUPPLIER = [
    "the synthesis provider's screening", "screening by the synthesis provider", "the DNA vendor's screen",
    "the subcontractor's review", "the manufacturer's interlock", "checks by the supplier",
]


def _readings() -> list[tuple[re.Pattern[str], tuple[str, ...], list[str]]]:
    return [(d._TUNING_WORDS, d._TUNING_TRIGGER, _TUNING), (d._WEIGHTS_WORDS[0], d._WEIGHTS_TRIGGER, _WEIGHTS),
            (re.compile(d._OPEN_SIGN_UP, re.IGNORECASE), d._SIGN_UP_TRIGGER, _SIGN_UP),
            (d._UNATTENDED, d._UNATTENDED_WORDS, _UNATTENDED), (d._ROLE_VETS, d._ROLE_WORDS, _VETS_OWN),
            (d._SUPPLIER_RUNS, d._SUPPLIER_TRIGGER, _SUPPLIER),
            (d._PERSON_REVIEW, d._PERSON_REVIEW_TRIGGER, ["a technician's review of every protocol",
                                                          "check of every run by lab staff", "HUMAN REVIEW of each order",
                                                          "manual inspection", "sign-off by the biosafety officer"])]


@pytest.mark.parametrize("case_of", [str, str.upper, str.title, lambda s: s.replace("s", "\u017f").replace("k", "\u212a")])
def test_every_phrase_a_reading_matches_holds_one_of_its_trigger_words(case_of) -> None:  # type: ignore[no-untyped-def]
    for pattern, trigger, phrases in _readings():
        for phrase in map(case_of, phrases):
            assert pattern.search(phrase) is not None, phrase  # (the phrase is one the reading reads)
            assert d._may_say(phrase, trigger), f"{phrase!r} holds none of {trigger}"


def test_a_clause_without_trigger_words_is_not_tried() -> None:
    assert not d._may_say("Paid API access with a sandboxed code-execution tool", d._TUNING_TRIGGER)
    assert not d._may_say("Paid API access with a sandboxed code-execution tool", d._WEIGHTS_TRIGGER)
    assert not d._may_say("verified developers enrolled through the programme", d._SIGN_UP_TRIGGER)
    assert not d._may_say("développeurs vérifiés", d._WEIGHTS_TRIGGER)  # (not ASCII: by `re`)
    assert d._may_say("développeurs qui téléchargent les WEIGHTS", d._WEIGHTS_TRIGGER)


def _case(description: str, users: str, access: str = "self-serve", kind: str = "api") -> Case:
    from casegate.model import Boundary, BoundaryKind, Scope

    return Case.model_construct(boundary=Boundary.model_construct(
        kind=BoundaryKind(kind), description=description,
        scope=Scope.model_construct(users=users, access=access, weights="none", vetting=None)))


def test_the_readings_find_the_clause_among_others_and_keep_their_answer_for_the_check() -> None:
    case = _case("Served over HTTPS; no weights leave Acme. Customers upload training data for their own copy.",
                 users="verified developers")
    memo: dict[str, object] = {}
    assert tuning_in_words(case, memo) == "Customers upload training data for their own copy"
    assert weights_in_words(case, memo) is None  # denied in its clause
    assert stated_weights(case, memo) == "fine-tuning"
    assert memo["tuning_in_words"] == "Customers upload training data for their own copy"
    assert tuning_in_words(_case("Served over HTTPS.", users="verified developers")) is None
    vetted = _case("Served over HTTPS.", users="partners, and anyone who signs up", access="vetted-organisations",
                   kind="trusted-access")
    assert open_sign_up_in_words(vetted) == "and anyone who signs up"
    assert open_sign_up_in_words(_case("Served over HTTPS.", users="vetted partners", access="vetted-organisations",
                                       kind="trusted-access")) is None
