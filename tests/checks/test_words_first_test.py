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
    wider_release_in_words,
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
_WIDER = [
    "rolls out to all API customers", "general availability on 2027-01-15", "generally available on day 15",
    "public launch", "the program expands automatically", "automatic rollout to every customer",
    "access extends to the public", "opened to API customers", "1% of API traffic", "5 percent of existing API customers",
    "a rollout to 50%", "widening to everyone",
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
            (re.compile(d._WIDER_RELEASE, re.IGNORECASE), d._WIDER_TRIGGER, _WIDER),
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
    assert not d._may_say("named testers at vetted partner organisations", d._WIDER_TRIGGER)
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
    # `GA`, the one match holding no trigger word, is looked for as written, in capitals
    assert wider_release_in_words(_case("Early access; GA on 2027-01-15.", users="vetted partners",
                                        access="vetted-organisations", kind="trusted-access")) == "GA on 2027-01-15"
    assert wider_release_in_words(_case("Early access; a ga of partners.", users="vetted partners",
                                        access="vetted-organisations", kind="trusted-access")) is None


# ------------------------------------------------------------------ the readings added since (on-device, routing, confirmation,
# vetting, evaluators holding the weights, `named_by` inflections)

_ON_DEVICE = [
    "runs on the phone", "on-device", "device-side inference", "a local model", "edge inference", "an embedded LLM",
    "bundled weights", "offline checkpoints", "built-in model", "runs locally", "answers offline",
    "works on users' own laptops", "executes on the tablet", "generates text on your PCs", "operates on the watch",
    "runs on VR headsets", "runs on cars", "runs on their own hardware", "runs on desktops and computers",
    "downloaded with the app to every phone", "installed into the application", "shipped onto handsets",
    "the weights are stored on the smartphone", "checkpoints kept in the device", "quantised to 4 bits for phones",
    "to run on a laptop", "ships with Finch-1 built in", "comes with the model included", "ships with it inside",
    "comes with an embedded", "came with the assistant on-board", "no network needed",
    "no internet connection required", "no signal is necessary", "works without a connection",
    "runs without connectivity",
]
_ROUTING = [
    "routes complex tasks to Swift-1-pro", "re-routes them", "escalates to a larger model", "hands them off to",
    "hands requests over to", "goes to a second model", "went to", "forwards requests", "defers to", "falls back to",
    "fell back to", "a fallback model", "fails over to", "failover to", "sends the hard ones", "sent to", "dispatches",
    "delegates", "switches to", "cascades", "overflows to", "spills over", "a third-party model answers",
    "served by", "handled by", "responds", "takes over", "took over",
]
_CONFIRMATION = [
    "users can auto-approve purchases under $50", "pays without asking", "turn off confirmation",
    "approval is optional", "users may skip the confirmation step", "without the user's approval",
    "confirmations can be disabled", "autoconfirm for trusted sites",
]
_CASE_FORMS = [str, str.upper, str.title, lambda s: s.replace("s", "\u017f").replace("k", "\u212a")]


@pytest.mark.parametrize("case_of", _CASE_FORMS)
def test_every_phrase_a_later_reading_matches_holds_one_of_its_trigger_words(case_of) -> None:  # type: ignore[no-untyped-def]
    for pattern, trigger, phrases in [(d._ON_DEVICE_WORDS[0], d._ON_DEVICE_TRIGGER, _ON_DEVICE),
                                      (d._ROUTED_WORDS[0], d._ROUTES_TRIGGER, _ROUTING)]:
        for phrase in map(case_of, phrases):
            assert pattern.search(phrase) is not None, phrase
            assert d._may_say(phrase, trigger), f"{phrase!r} holds none of {trigger}"
    for phrase in map(case_of, _CONFIRMATION):  # an off word always, or one beside a confirmation
        assert d._OFF_ALWAYS.search(phrase) is not None or d._CONFIRMING.search(phrase) is not None, phrase
        assert d._may_say(phrase, d._CONFIRMATION_TRIGGER), f"{phrase!r} holds none of {d._CONFIRMATION_TRIGGER}"


@pytest.mark.parametrize(("words", "said"), [
    ("sign in", "the agent signs into sites"), ("log in", "logged in for you"), ("check out", "checking out"),
    ("purchase", "purchasing"), ("copy", "copied"), ("copy", "copies"), ("shop", "shopping"), ("pay", "pays"),
    ("stored password", "stored passwords"), ("file", "filed"), ("e", "es"),
])
def test_every_inflection_a_named_by_phrase_is_read_in_holds_its_stems(words: str, said: str) -> None:
    assert re.search(d._phrase_forms(words), said) is not None
    assert all(stem in said for stem in d._phrase_stems(words))


class _Counting:
    """A compiled pattern whose calls are counted."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern, self.calls = pattern, 0

    def __getattr__(self, name: str) -> object:
        f = getattr(self.pattern, name)

        def counted(*a: object, **k: object) -> object:
            self.calls += 1
            return f(*a, **k)
        return counted


_PLAIN = "Acme's general-purpose frontier model, second generation; verified developers through the programme"
"""Words naming a model that hold none of the later readings' trigger words (atlas-api's)."""


def test_a_clause_without_trigger_words_is_not_tried_by_the_later_readings(monkeypatch: pytest.MonkeyPatch) -> None:
    device, saved = _Counting(d._ON_DEVICE_WORDS[0]), _Counting(d._ON_DEVICE_WORDS[4])
    monkeypatch.setattr(d, "_ON_DEVICE_WORDS", (device, d._ON_DEVICE_WORDS[1], d._ON_DEVICE_WORDS[2],
                                                d._ON_DEVICE_WORDS[3], saved, d._ON_DEVICE_WORDS[5]))
    routes = _Counting(d._ROUTED_WORDS[0])
    monkeypatch.setattr(d, "_ROUTED_WORDS", (routes, *d._ROUTED_WORDS[1:]))
    off = _Counting(d._OFF_ALWAYS)
    monkeypatch.setattr(d, "_OFF_ALWAYS", off)
    gives = _Counting(d._WEIGHTS_WORDS[0])
    monkeypatch.setattr(d, "_WEIGHTS_WORDS", (gives, *d._WEIGHTS_WORDS[1:]))
    forms: list[str] = []
    monkeypatch.setattr(d, "_phrase_forms", lambda words: forms.append(words) or "x")  # type: ignore[func-returns-value]
    case = _case(_PLAIN, users="verified developers")
    assert d.on_device_in_words(case) is None and d.routed_models_in_words(case) == []
    assert d.confirmation_off_in_words(case) is None and d._handed_out(case, False) is None
    from casegate.model._policy import GrantedTool
    from tests.checks._cases import policy

    pol = policy().model_copy(update={"tools": {"payments": GrantedTool(named_by=["pay", "check out"])}})
    assert d.grants_in_words(case, pol) == []
    assert (device.calls, saved.calls, routes.calls, off.calls, gives.calls, forms) == (0, 0, 0, 0, 0, [])
    # the same readings still try a clause that holds a trigger word
    said = _case("Ships with the model built in; hard tasks are sent to Swift-2; users pay without asking",
                 users="verified developers")
    assert d.on_device_in_words(said) == "Ships with the model built in"
    assert d.confirmation_off_in_words(said) == "users pay without asking"
    assert [name for name, _ in d.routed_models_in_words(said)] == ["Swift-2"]
    assert device.calls and routes.calls and off.calls


def test_a_vetting_naming_no_organisation_is_not_read_part_by_part(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.checks._cases import base_doc, context

    check = _Counting(d._VETTING_WORDS[0])
    monkeypatch.setattr(d, "_VETTING_WORDS", (check, *d._VETTING_WORDS[1:]))
    doc = base_doc()
    doc["boundary"]["scope"].update(users="verified developers",
                                    vetting="identity verification and a use-case review before an API key is issued")
    assert d.vetting_operator(context(doc)) is None
    assert check.calls == 0
    doc["boundary"]["scope"]["vetting"] = "each analyst is cleared by the Directorate"
    assert d.vetting_operator(context(doc)) == ("Directorate", "each analyst is cleared by the Directorate")
    assert check.calls


# ------------------------------------------------------------------ the readings added for the audit's misses

_TIME_LIMITS = [
    "but not at weekends", "except overnight", "on weekdays only", "only during business hours",
    "excluding public holidays", "other than after 8pm", "save for the night shift", "only in the daytime",
]
_STATUSES = [
    "every clinician holds a medical licence", "holds a valid license", "all users are board-certified physicians",
    "registered nurses", "users must be licensed to practise", "licensed pharmacists", "chartered accountants",
    "has an active registration",
]
_BARE_SUPPLIERS = [
    "performed by synthesis providers", "run by cloud providers", "operated by DNA vendors",
    "provided by external contractors", "carried out by manufacturers",
]
_BRANDS = [
    "Amazon Web Services", "Amazon SageMaker", "Azure AI Foundry", "Microsoft Foundry", "IBM watsonx",
    "Snowflake Cortex", "Databricks", "Alibaba Cloud", "NVIDIA NIM", "AWS Marketplace", "OCI Marketplace",
]


@pytest.mark.parametrize("case_of", _CASE_FORMS)
def test_every_phrase_the_audits_readings_match_holds_one_of_their_trigger_words(case_of) -> None:  # type: ignore[no-untyped-def]
    for pattern, trigger, phrases in [(d._TIME_LIMITED, d._TIME_LIMIT_WORDS, _TIME_LIMITS),
                                      (d._HELD_STATUS, d._STATUS_WORDS, _STATUSES),
                                      (d._SUPPLIER_RUNS, d._SUPPLIER_TRIGGER, _BARE_SUPPLIERS),
                                      (d._HOSTS_WORDS[0], d._HOST_TRIGGER, _BRANDS)]:
        for phrase in map(case_of, phrases):
            assert pattern.search(phrase) is not None, phrase
            assert d._may_say(phrase, trigger), f"{phrase!r} holds none of {trigger}"


# ------------------------------------------------------------------ the readings added for the second audit's misses

_SPANS = ["Monday to Friday", "Mon-Fri", "9am to 5pm", "Tuesday through Thursday", "from 8 to 6pm"]
_CREDENTIALS = ["accredited laboratories only", "users must be board-certified", "board-certified users only",
                "chartered institutions"]
_SUPPLIERS_AFTER = ["handled by hosting providers", "maintained by hosting providers", "managed by vendors",
                    "by staff of the vendors", "by employees of contractors"]
_NAMED_REVIEWERS = ["an engineer reviews each commit", "a pharmacist checks each order", "check of each order by a nurse"]
_PHONES_HOME = ["the appliance phones home to Acme", "each appliance phoned home", "phoning home daily"]


@pytest.mark.parametrize("case_of", _CASE_FORMS)
def test_every_phrase_the_second_audits_readings_match_holds_one_of_their_trigger_words(case_of) -> None:  # type: ignore[no-untyped-def]
    for pattern, trigger, phrases in [(d._TIME_SPAN, d._TIME_WORDS, _SPANS),
                                      (d._HELD_STATUS, d._STATUS_WORDS, _CREDENTIALS),
                                      (d._SUPPLIER_RUNS, d._SUPPLIER_TRIGGER, _SUPPLIERS_AFTER),
                                      (d._PERSON_REVIEW, d._PERSON_REVIEW_TRIGGER, _NAMED_REVIEWERS),
                                      (d._TRAFFIC_REACHES, d._TRAFFIC_TRIGGER, _PHONES_HOME),
                                      (d._TRAFFIC_REACHES, d._TRAFFIC_VERBS, _PHONES_HOME)]:
        for phrase in map(case_of, phrases):
            assert pattern.search(phrase) is not None, phrase
            assert d._may_say(phrase, trigger), f"{phrase!r} holds none of {trigger}"
