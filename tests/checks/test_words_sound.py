"""The case's own words, as real model cards, usage policies and monitoring plans phrase them: through
CG105, a `trusted-access` boundary's users, description and vetting (`open_sign_up_in_words`,
`wider_release_in_words`, the vetting's own reading), an `api` boundary's description (`tuning_in_words`, the third parties it
names) and a `consumer` boundary's (`on_device_in_words`); through CG351, the models besides the
system the boundary's or the system's words say answer its requests (`routed_models_in_words`); through CG715, a monitor's signal named as a count or a rate; through CG430, a monitor or review that reads a share of what it is to stop (`sampled_in_words`); through CG431, the users' traffic kept from the developer (`traffic_kept_in_words`); through CG437, a classifier, refusal or monitor the users turn off (`turned_down_in_words`); through CG438, the case's words denying incidents (`incidents_denied_in_words`); through CG435, how many languages the release is in (`languages_in_words`); through CG442, a safeguard's title withdrawing the model (`withdraws_model`). Each table holds words a sound
case uses, which must pass, and words of the moves the readings were written for, which must stay
caught. Marked `mended`: words that were a false alarm (NO-GO for a sound case) before the reading
was narrowed; each is a row the reading read wrongly."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from casegate.checks._derived import (
    _supplier_runs,
    company_named,
    confirmation_off_in_words,
    consumer_in_words,
    grants_in_words,
    host_named,
    hosting_companies,
    hosts_in_words,
    incidents_denied_in_words,
    is_confirmation,
    languages_in_words,
    on_device_in_words,
    open_sign_up_in_words,
    routed_models_in_words,
    sampled_in_words,
    stated_quantisation,
    tools_users_install_in_words,
    traffic_kept_in_words,
    traffic_unsent_in_words,
    tuning_in_words,
    turned_down_in_words,
    vetting_operator,
    watches_from_outside,
    weights_in_words,
    wider_release_in_words,
    withdraws_model,
)
from casegate.model import Case, Safeguard
from casegate.model._policy import GrantedTool
from tests.checks._cases import base_doc, context, hits, policy

OPEN = "let in people no one vets"
NONE = "the vetting it states names none"
TUNED = "the boundary says its users have the model fine-tuned"
WIDER = "schedule or reach a wider release of the model"


def _trusted(*, users: str = "researchers at partner institutions",
             vetting: str = "identity and affiliation verified by Acme's access committee",
             description: str | None = None) -> dict[str, Any]:
    doc = base_doc()
    doc["boundary"]["kind"] = "trusted-access"
    doc["boundary"]["scope"].update(access="vetted-organisations", users=users, vetting=vetting)
    if description is not None:
        doc["boundary"]["description"] = description
    return doc


def _cg105(doc: dict[str, Any]) -> list[str]:
    return [h.message for h in hits("CG105", context(doc))]


# ------------------------------------------------------------------ who is let in (users, description)

SOUND_USERS = [
    pytest.param("anyone who requests access gets it once the access committee has reviewed them", id="requests-reviewed"),
    pytest.param("anyone who requests access gets a decision from the access committee within a week", id="requests-decision"),
    "researchers invited by partner institutions after the access committee's review",
    "users sign up, then pass identity verification by Acme's trust and safety team",
    "each guest, once approved by the access committee, gets a personal key",
    "internal staff only; contractors are vetted by security",
    "self-serve billing for approved organisations",
    "anyone invited by a member must be approved by the access committee",
    "guests are not admitted",
    "no guest accounts",
    "invitations are issued only by Acme's partnerships team",
    "researchers at partner institutions who pass Acme's KYC and a use-case review",
    "applicants sign up on the portal; the trust and safety team reviews each application before access",
    "any organisation that signs a partnership agreement and passes due diligence by Acme's legal team",
    "all users with an account were approved by the access committee",
    "invited researchers at partner labs, each approved by the access committee",
    "sign-up is closed; new members are nominated by a partner institution and approved by Acme",
    "all members hold an institutional email address and were interviewed by the access committee",
    "Enterprise customers under contract; each seat is provisioned by Acme's account team",
    "there is no open registration",
    pytest.param("vetted scientists; anyone they invite must be vetted too", id="mended-passive-vetted"),
    pytest.param("anyone with an account has passed identity verification by Acme", id="mended-passed-verification"),
    pytest.param("guests invited by members, who have each passed a background check by Acme's security team",
                 id="mended-passed-background-check"),
]

OPEN_USERS = [
    "anyone who signs up",
    pytest.param("anyone who requests access gets it immediately", id="requests-immediately"),
    pytest.param("anybody who asks is given a key right away", id="asks-right-away"),
    pytest.param("everyone who applies is granted access automatically", id="applies-automatically"),
    "open sign-up for researchers",
    "any researcher with a university email",
    "their guests",
    "anyone a member invites",
    "self-registration through the portal",
    "anyone with an institutional email address can join",
    "members may invite collaborators as guests",
    "anyone who registers gets a key at once",
    "all users with a company email",
    "guests, who need no approval",
    "self-serve sign-up for researchers",
    "anyone with a university email must pass email verification",
    pytest.param("any researcher with an institutional email address verified by a confirmation link",
                 id="checked-by-a-link"),
    pytest.param("anyone who signs up is approved by the system", id="checked-by-a-system"),
    "anyone they invite, who passes an automated check",
]


@pytest.mark.parametrize("words", SOUND_USERS)
@pytest.mark.parametrize("field", ["users", "description"])
def test_sound_users_are_read_as_vetted(words: str, field: str) -> None:
    doc = _trusted(**{field: words})
    assert not [m for m in _cg105(doc) if OPEN in m]
    assert open_sign_up_in_words(Case.model_validate(doc)) is None


@pytest.mark.parametrize("words", OPEN_USERS)
@pytest.mark.parametrize("field", ["users", "description"])
def test_an_open_way_in_is_still_caught(words: str, field: str) -> None:
    doc = _trusted(**{field: words})
    assert [m for m in _cg105(doc) if OPEN in m]


# ------------------------------------------------------------------ a wider release in a trusted-access boundary's words

SOUND_STAGE = [
    "a research preview for approved partners; general availability is not planned",
    "early access for vetted security teams ahead of general availability",
    "any wider release would be gated as a new case version",
    "the program opens to new partner institutions after review by the access committee",
    "open to any organisation vetted by Acme's trust team",
    "5% of sessions are sampled for human review",
    "access does not expand automatically; each new cohort is approved by the RSO",
    "the model is not generally available",
    "testers at 12 partner organisations; 100% of sessions are logged and reviewed",
    "a trusted tester program that precedes any general availability",
    "capped at 1% of production capacity",
    "feedback from testers informs the public launch, which needs its own safety case",
    "extends to named researchers at each partner lab",
    "access rolls out to partner labs in three cohorts, each approved by the access committee",
    "access will expand to additional partners as capacity allows",
    "available to a limited set of trusted testers before broader availability",
    "we plan to expand access over time",
    "testers report findings through the early-access portal before any public release",
    "research preview; broader availability will follow a new safety review",
    "a research preview; any broader release needs a new safety case",
    "limited preview for approved partners; general availability is not yet scheduled",
    "access is limited to vetted partners and will not be broadened without a new safety review",
    "general availability will be decided after this program under a new case version",
    "no general availability date has been set",
    "this case covers the preview only; a public launch would need its own case",
    "partners can request more seats, each approved by the access committee",
    "cyber defenders only, through the Trusted Access for Cyber program",
    "access may be expanded to more vetted organisations over time after review",
    "broader availability is planned once safeguards are evaluated in a new safety case",
    pytest.param("a trusted tester program; we will decide on wider availability after reviewing the results",
                 id="mended-decide-on-wider"),
    "a research preview; we will decide on broader availability after a new safety review",
    "the access committee decides whether to expand access to further partners",
    pytest.param("we will decide whether to open the program to all researchers after the pilot",
                 id="mended-decide-whether-to-open"),
    pytest.param("Acme's RSO decides on a public launch once the pilot ends", id="mended-decides-on-launch"),
    "existing API customers may apply; Acme's trust team reviews each application",
    "enterprise customers of the Acme API admitted to the program",
    "existing API customers, once approved by the access committee",
    "API customers admitted to the early-access program",
    "all API customers must pass KYC and a use-case review by Acme",
    "every tester's API key is logged",
    "all API calls are logged and reviewed",
    "users reach the model through the early-access API only",
    "selected API customers, nominated by their account managers and approved by the RSO",
    "testers at every partner organisation on the platform pilot",
    "all early-access API users are logged",
    "every preview API customer signs the tester agreement",
    "the pilot is open to existing API customers who apply and are approved by our safety team",
    "enterprise customers of the Acme API may apply",
    "existing API customers can apply for access; Acme's trust team reviews each application",
    "API customers in good standing may request access, subject to review",
    "current customers of the Acme API are eligible to apply",
    "any enterprise customer of the Acme API can nominate researchers, who are vetted individually",
    "selected existing API customers",
    "invited enterprise customers of the Acme API",
    "participants are chosen from existing API customers by our trust and safety team",
    "Existing API customers who pass an additional KYC review",
    pytest.param("a small group of existing API customers, selected by our safety team", id="mended-selected-by"),
    pytest.param("every enterprise customer of the Acme API, individually approved by the RSO", id="mended-approved-by"),
]

WIDER_RELEASE = [
    "Plover-1 then rolls out to all API customers",
    "GA on 2027-01-15",
    "general availability follows on day 15",
    "the program expands automatically when the monitors stay green",
    "5% of API traffic on day 1, 50% on day 8",
    "a randomly chosen 1% of API customers",
    "access extends to every customer once the monitors stay green for a week",
    "opens to the public on 2027-01-15",
    "public launch on 2027-01-15",
    "trusted testers ahead of general availability on 2027-01-15",
    "1 percent of existing API customers in good standing",
    "rolled out to 5% of the platform's users, then to all",
    "automatic rollout to all API customers after 14 days",
    "the program widens to everyone with an API key in January 2027",
    "research preview, followed by general availability in March 2027",
    "broad availability on 2027-03-01",
    "the model becomes generally available after 30 days",
    "rolls out to all Pro users next month",
    "access expands to all enterprise customers in Q2",
    "public release after two weeks of trusted testing",
    "the preview opens to all developers after four weeks",
    "10% of API traffic, rising to 100% over two weeks",
    "after the preview, the model will be generally available",
    "we will decide on general availability on 2027-03-01",
    "general availability follows automatically; we will decide on pricing later",
    "we decide whether to roll out to all API customers after 14 days",
    "a decision on general availability in 30 days",
    "existing API customers in good standing",
    "every enterprise customer of the Acme API",
    "all of our API developers",
    "API customers in good standing",
    "randomly selected existing API customers",
    "existing API customers, admitted automatically",
    "any current platform subscriber",
    "all API customers agree to the usage policy",
    "existing API customers in good standing",
    "all API customers",
    "all current Acme API developers",
    "any customer of the Acme platform",
    "existing API customers, automatically enrolled",
    "existing API customers, selected at random",
    "existing API customers, selected automatically by the platform",
    "every customer of the Acme API, chosen by lottery",
    "API customers in good standing, chosen at random",
    "all Acme API users",
]


@pytest.mark.parametrize("words", SOUND_STAGE)
@pytest.mark.parametrize("field", ["users", "description"])
def test_a_stage_of_its_own_is_no_wider_release(words: str, field: str) -> None:
    doc = _trusted(**{field: words})
    assert not [m for m in _cg105(doc) if WIDER in m]
    assert wider_release_in_words(Case.model_validate(doc)) is None


@pytest.mark.parametrize("words", WIDER_RELEASE)
@pytest.mark.parametrize("field", ["users", "description"])
def test_a_wider_release_in_words_is_caught(words: str, field: str) -> None:
    doc = _trusted(**{field: words})
    assert [m for m in _cg105(doc) if WIDER in m]


# ------------------------------------------------------------------ the vetting statement

SOUND_VETTING = [
    "identity verification by Acme's trust and safety team after sign-up",
    "applicants attest to their affiliation; the access committee verifies it with the institution",
    "an institutional email address plus a reference check by the access committee",
    "KYC by a third-party provider and a use-case review",
    "the access committee reviews each application and interviews the principal investigator",
    "employer confirmed by phone by the partnerships team",
    "background checks for contractors; employees vetted at hiring",
    "government ID verified by Persona and a manual review of the stated use case",
    "a signed data-use agreement and an interview with the trust and safety team",
    "Acme's compliance team confirms each customer's identity and intended use",
    pytest.param("Open to researchers at partner institutions after the access committee's review",
                 id="mended-open-to-after-review"),
    pytest.param("Any applicant is reviewed by the access committee and interviewed", id="mended-any-reviewed-by"),
    pytest.param("Anyone admitted has passed a background check by Acme's security team", id="mended-anyone-passed"),
    pytest.param("No one is admitted without review by the access committee", id="mended-no-one-without"),
    pytest.param("None admitted without a review by the access committee", id="mended-none-without"),
    pytest.param("Everyone is vetted by the trust and safety team before a key is issued",
                 id="mended-everyone-vetted-by"),
    pytest.param("No access before identity verification by Acme's trust and safety team",
                 id="mended-no-access-before"),
    pytest.param("Self-serve billing, for organisations approved by the partnerships team",
                 id="mended-self-serve-billing"),
    "customers agree to the usage policy and pass KYC",
    "Each user accepts the acceptable use policy and is verified by Acme's trust team",
    "Usage policy agreement and identity verification by Acme",
    "Terms of service acceptance, KYC and a use-case review by the trust team",
    "Partners sign a usage agreement reviewed by Acme's legal team",
    "Access requires a signed NDA and Acme's security review",
    "Organisations pass KYC; users accept the terms of use",
    "vetted by our trust and safety team with the partner's security office",
    "each analyst is cleared by the agency and verified by Acme",
]

HOLLOW_VETTING = [
    "none", "anyone", "open", "n/a", "Open enrolment", "open: anyone may apply",
    "applicants attest to their affiliation",
    "self-declared affiliation",
    "an institutional email address, confirmed by a link",
    "users confirm their email address",
    "a university email domain",
    "No vetting until 2027",
    "No vetting before launch; a review by the trust team is planned",
    "None without an email address",
    "No one is admitted without a verified email address",
    "none, reviewed by no one",
    "anyone, never reviewed by staff",
    "Open to anyone after they self-certify",
    "Open to anyone after email verification",
    "any applicant is approved by themselves",
    "Self-serve sign-up; accounts approved automatically",
    "self-serve sign-up, approved by the system",
    "anyone, verified by a confirmation link",
    "users accept the usage policy",
    "every analyst signs the acceptable-use policy before access",
    "analysts agree to the terms of the access agreement",
    "a non-disclosure agreement and the code of conduct",
    "customers agree to the terms of service and confirm their email address",
]


@pytest.mark.parametrize("words", SOUND_VETTING)
def test_a_sound_vetting_names_one(words: str) -> None:
    assert not [m for m in _cg105(_trusted(vetting=words)) if NONE in m]


@pytest.mark.parametrize("words", HOLLOW_VETTING)
def test_a_vetting_of_no_one_is_still_caught(words: str) -> None:
    assert [m for m in _cg105(_trusted(vetting=words)) if NONE in m]


# ------------------------------------------------------------------ tuning (an `api` boundary's description)

SOUND_TUNING = [
    "customers cannot fine-tune",
    "Enterprise customers call the model through the API; fine-tuning is not offered",
    "the model was safety-tuned before release",
    "tuning is not offered",
    "a model tuned by Acme for customer support",
    "we fine-tuned the model on curated chemistry data before release",
    "the served model is a fine-tuned version of Atlas-2",
    "instruction-tuned and RLHF-tuned checkpoints are internal only",
    "customers can tune the system prompt and temperature",
    "customers tune their prompts with our prompt playground",
    "customers may upload documents for retrieval, not for training",
    "the model has been fine-tuned by Acme to refuse bioweapons uplift",
    "no fine-tuning API",
    "fine-tuning access is not available to customers",
    "Enterprise customers fine-tune on their own data? No: customers cannot fine-tune",
    "a version of the model fine-tuned for code, served through the API",
    pytest.param("Acme fine-tunes the model for each release; customers get no tuning access", id="mended-lab-tunes"),
    pytest.param("Acme tunes the model's refusals each quarter", id="mended-lab-tunes-refusals"),
    pytest.param("users can rate answers, which Acme may use to tune future models", id="mended-future-models"),
    pytest.param("Acme fine-tunes future models on customer data with consent", id="future-models-customer-data"),
    pytest.param("customers supply training examples for few-shot prompting only", id="mended-few-shot"),
]

TUNING = [
    "customers upload training data and Acme tunes a private copy",
    "the fine-tuning API is open to enterprise customers",
    "each customer tuning its own copy",
    "the tuned copy is served back to the customer",
    "customers can fine-tune the model on their own data",
    "customers may bring their own fine-tuning datasets",
    "supervised fine-tuning jobs through the console",
    "Acme fine-tunes the model and the fine-tuning API is offered",
    "Acme fine-tunes the model on request",
    "Acme fine-tunes the model for each account",
    "Acme tunes the model on the data customers upload",
    pytest.param("customers fine-tune Atlas-2 on their own data", id="named-model-own-data"),
    pytest.param("enterprise customers build custom models by fine-tuning Atlas-2", id="custom-models"),
    pytest.param("LoRA adapters trained on customer data are served through the API", id="lora-adapters"),
    pytest.param("customers train adapters on their documents", id="train-adapters"),
    pytest.param("developers can tune Atlas-2 with their own examples", id="tune-with-own-examples"),
    "customers supply training examples for few-shot prompting and fine-tuning",
]


def _api(description: str) -> dict[str, Any]:
    doc = base_doc()
    doc["boundary"]["description"] = description
    return doc


@pytest.mark.parametrize("words", SOUND_TUNING)
def test_the_labs_own_tuning_is_not_a_users(words: str) -> None:
    doc = _api(words)
    assert not [m for m in _cg105(doc) if TUNED in m]
    assert tuning_in_words(Case.model_validate(doc)) is None


@pytest.mark.parametrize("words", TUNING)
def test_users_tuning_is_still_caught(words: str) -> None:
    assert [m for m in _cg105(_api(words)) if TUNED in m]


def test_the_tables_are_wide_enough() -> None:
    """At least 40 phrasings each way: what a sound case says, and what the moves say."""
    sound = len(SOUND_USERS) + len(SOUND_VETTING) + len(SOUND_TUNING)
    caught = len(OPEN_USERS) + len(HOLLOW_VETTING) + len(TUNING)
    assert sound >= 40 and caught >= 40


# ------------------------------------------------------------------ third parties (an `api` boundary's description)

THIRD = "which makes it a `third-party` boundary"

SOUND_THIRD_PARTY = [
    "third-party auditors review the safeguards",
    "customers integrate the API into their own products",
    "integrators are not permitted",
    "developers build applications on the API",
    pytest.param("a third-party KYC provider verifies identity", id="mended-kyc-provider"),
    pytest.param("served on third-party cloud infrastructure (Azure)", id="mended-cloud-infrastructure"),
    pytest.param("identity checks by a third-party verification service", id="mended-verification-service"),
    pytest.param("payments handled by a third-party processor", id="mended-payment-processor"),
    pytest.param("a third-party security firm ran a penetration test", id="mended-security-firm"),
]

THIRD_PARTY = [
    "available through third-party cloud platforms such as Bedrock",
    "third-party apps built on the API",
    "a third party that embeds it in its product",
    "resold through a third-party cloud marketplace",
    "offered to third parties for integration",
    "white-labelled by partners",
]


@pytest.mark.parametrize("words", SOUND_THIRD_PARTY)
def test_a_third_party_serving_the_lab_is_no_route_to_users(words: str) -> None:
    assert not [m for m in _cg105(_api(words)) if THIRD in m]


@pytest.mark.parametrize("words", THIRD_PARTY)
def test_a_third_partys_product_is_still_caught(words: str) -> None:
    assert [m for m in _cg105(_api(words)) if THIRD in m]


# ------------------------------------------------------------------ a model on the user's own device (a `consumer` boundary's description)

DEVICE = "the case says the model runs on its users' own devices"

SOUND_ON_DEVICE = [
    "the app sends requests to Acme's API, where the model generates each answer",
    "the app works offline for drafts, sends to the server to generate",
    "the app works offline for drafts and sends them to the model on Acme's servers",
    "users download the app to their phones and chat with the model, which runs on Acme's servers",
    "users install the app on their phones; the model runs on Acme's servers",
    "conversations with the model are stored on the phone; the model runs in Acme's cloud",
    "the model is served by Acme; answers are cached on the device for offline reading",
    "offline, the app shows saved answers; the model needs a connection",
    "the app on users' phones calls the model through Acme's API",
    "model answers are shown in the app on the user's phone",
    "the model never runs on the phone",
    "no model weights are downloaded to the phone",
    "the model runs in a sandbox with no network access",
    "the model runs in Acme's data centres and streams its answers to the phone",
    "the model is quantised to 8 bits for serving",
    "a model tuned for phone conversations, served by Acme",
    "the mobile app streams responses from the model on our servers",
    "a desktop app that calls the model through our API",
    "the app works offline for reading saved chats; the model runs on Acme's servers",
    "users chat with the model in the Acme app on their phones",
    "the desktop app runs on Windows and macOS and connects to the model over the internet",
    "the model runs in the cloud; the phone app is a thin client",
    "users install the desktop app on their computers to chat with the model",
    "saved conversations with the model are available offline",
    pytest.param("the Acme app, installed on users' phones, sends each message to the model", id="mended-app-installed"),
    pytest.param("chats with the model work offline in read-only mode", id="mended-chats-offline"),
    pytest.param("users can read past answers from the model offline", id="mended-read-past-answers"),
    pytest.param("the model is offered in the app, which works on phones and laptops", id="mended-app-works-on"),
]

ON_DEVICE = [
    "the app runs the model on the phone itself",
    "an on-device model answers in the app",
    "the model runs locally, no network needed",
    "a bundled model in the phone app answers offline",
    "the app downloads the model to the phone and runs it there",
    "the phone app ships with the model built in",
    "the 4-bit weights, encrypted, are downloaded with the app to every phone that installs it",
    "the model's weights are stored on each device, encrypted",
    "the model works without a network connection",
    "local inference on the user's laptop",
    "a model quantised to 4 bits for phones",
    "the model is compressed to run on mid-range phones",
    "the model runs on-device on Pixel phones",
    "chats with the model that works offline",
    "the app, which runs the model on the phone",
    "the app installs the model on the phone",
    "the model reads and answers offline",
    "the model answers offline and saved chats are available offline",
    "the app installed on the phone runs the model locally",
    "the m\u043edel runs l\u043ecally",
]


def _consumer(description: str) -> dict[str, Any]:
    doc = base_doc()
    doc["boundary"]["kind"] = "consumer"
    doc["boundary"]["scope"].update(access="public", users="anyone who installs the app")
    doc["boundary"]["scope"].pop("vetting", None)
    doc["boundary"]["description"] = description
    return doc


@pytest.mark.parametrize("words", SOUND_ON_DEVICE)
def test_an_app_calling_a_hosted_model_is_not_on_device(words: str) -> None:
    doc = _consumer(words)
    assert not [m for m in _cg105(doc) if DEVICE in m]
    assert on_device_in_words(Case.model_validate(doc)) is None


@pytest.mark.parametrize("words", ON_DEVICE)
def test_a_model_on_the_users_device_is_caught(words: str) -> None:
    assert [m for m in _cg105(_consumer(words)) if DEVICE in m]



# ------------------------------------------------------------------ another model behind the boundary (CG351)

SOUND_ROUTING = [  # the system `Fixture` alone answers
    "the API serves Fixture to verified developers",
    "requests are routed across regions",
    "requests are routed to the nearest region",
    "the gateway load-balances across replicas of the same model",
    "each request is sent to one of several replicas of Fixture",
    "requests are routed to H100 nodes in the EU",
    "flagged requests are routed to a classifier model before Fixture answers",
    "flagged conversations are escalated to a human reviewer",
    "the router sends each request to Fixture or refuses it",
    "answers are served from Acme's data centres",
    "abuse reports are forwarded to the trust and safety team",
    "a moderation model screens every answer",
    "the model answers in English and French",
    "requests fall back to a second region when one is down",
    "Fixture-1 answers every request",
    "Fixture-2 distilled into a smaller model with a quarter of the serving cost",
    "distilled from a larger model to cut serving costs",
    "a larger model wrote the training data; Fixture answers every request",
    "requests are load-balanced across replicas",
    "a smaller model drafts and Fixture verifies each token",  # speculative decoding: Fixture's answer
    "when Fixture is down, the API falls back to a cached answer",
    "hard cases are escalated to a human reviewer",
    "the classifier model screens requests",
    "tickets go to the T2 team",
    pytest.param("requests are sent to us-east-1 or eu-west-2", id="mended-cloud-region"),
    pytest.param("requests are routed to europe-west4", id="mended-cloud-region-gcp"),
    pytest.param("flagged requests are routed to Llama-Guard-3", id="mended-guard-model-name"),
    pytest.param("requests are screened and routed to ShieldGemma-2", id="mended-shield-model-name"),
    pytest.param("the model answers with GPT-4o-like quality", id="mended-likeness"),
    pytest.param("the model responds in under 2 seconds on A100 GPUs", id="mended-hardware-beside-model"),
]

ROUTED = [  # (words, the other model they name, None for one they do not name)
    ("the router answers with Fixture or routes complex tasks to Swift-1-pro", "Swift-1-pro"),
    ("hard requests are escalated to Fixture-pro", "Fixture-pro"),
    ("the router escalates hard requests to a larger model", None),
    ("when the pro model is overloaded, a third-party model answers", None),
    ("requests fall back to GPT-4o when Fixture is overloaded", "GPT-4o"),
    ("hard requests are handed off to Acme's frontier model", None),
    ("coding requests are sent to another model", None),
    ("a fallback model serves requests while Fixture is down", None),
    ("Fixture cascades to Fixture-XL for long documents", "Fixture-XL"),
    ("the router dispatches reasoning tasks to Fixture-2-reasoning", "Fixture-2-reasoning"),
    ("long documents are routed to Fixture-1.5", "Fixture-1.5"),
    ("requests fall back to Claude-Opus-4", "Claude-Opus-4"),
    ("if Fixture is down, requests fail over to Claude-3", "Claude-3"),
    ("hard tasks go to Swift-1-pro", "Swift-1-pro"),
    ("requests are routed to a GPT-4-class model", None),
    ("overflow traffic is served by a smaller model", None),
    ("users may switch to another model in the settings", None),  # another model behind the same boundary
    ("hard requests go to Fixture-safety-2", "Fixture-safety-2"),  # a safety-tuned model may answer
    ("hard requests go to Acme-Guardian-2", "Acme-Guardian-2"),
]


def _routing(words: str) -> Case:
    doc = base_doc()
    doc["boundary"]["description"] = words
    return Case.model_validate(doc)


@pytest.mark.parametrize("words", SOUND_ROUTING)
def test_the_system_alone_answering_is_no_other_model(words: str) -> None:
    assert routed_models_in_words(_routing(words)) == []


@pytest.mark.parametrize(("words", "name"), ROUTED)
def test_another_model_behind_the_boundary_is_read(words: str, name: str | None) -> None:
    assert [n for n, _ in routed_models_in_words(_routing(words))] == [name]


# ------------------------------------------------------------------ a monitor's signal named as a count or a rate (CG715)


def _monitored(signal: str, threshold: float) -> list[str]:
    doc = base_doc()
    doc["post_deployment"] = {"monitors": {"M1": {"signal": signal, "op": ">", "threshold": threshold,
                                                  "window": "24h"}}}
    return [h.message for h in hits("CG715", context(doc)) if "can never be" in h.message]


@pytest.mark.parametrize(("signal", "threshold"), [
    pytest.param("exfiltration-attempts", 3, id="mended-exfiltration"),
    pytest.param("registrations-per-day", 500, id="mended-registrations"),
    pytest.param("generated-exploits", 2, id="mended-generated"),
    pytest.param("moderated-requests", 100, id="mended-moderated"),
    pytest.param("accelerated-jobs", 5, id="mended-accelerated"),
    pytest.param("weekly-shared-links", 40, id="mended-shared"),
    pytest.param("rate-limit-hits", 1000, id="mended-rate-limit"),
    pytest.param("error-rate-per-1k", 5, id="mended-per-1k"),
    ("jailbreak-reports", 10), ("classifier-flag-rate", 0.005), ("flagRate", 0.01),
])
def test_a_count_is_not_read_as_a_rate(signal: str, threshold: float) -> None:
    assert _monitored(signal, threshold) == []


@pytest.mark.parametrize("signal", ["classifier-flag-rate", "flag rate", "refusal_ratio", "flagRate", "FLAG_RATE",
                                    "jailbreak-share", "flag-rates", "fraction-flagged", "percent-of-requests",
                                    "bypass-r\u0430te", "flag-rate-per-request", "flag-rate-per-day"])
def test_a_rate_set_past_one_still_cannot_fire(signal: str) -> None:
    assert _monitored(signal, 1.0) and _monitored(signal, 99)


# ------------------------------------------------------------------ weights held by a named evaluator (an `api` boundary's description)

GETS_WEIGHTS = "the boundary says its users get the weights"

SOUND_WEIGHTS = [
    pytest.param("We share the weights with the UK AISI for pre-deployment testing", id="mended-uk-aisi"),
    pytest.param("weights are provided to METR under an evaluation agreement", id="metr-agreement"),
    pytest.param("an independent evaluator receives the weights for red-teaming", id="mended-evaluator-receives"),
    pytest.param("The UK AISI and US CAISI receive the model weights for pre-deployment testing", id="mended-two-institutes"),
    pytest.param("the weights are shared only with Apollo Research to run dangerous-capability evaluations",
                 id="mended-apollo"),
    "the weights are never shared",
    "developers get answers generated by the weights",
    "Pre-deployment access to the weights was given to the UK AISI for testing",
    "We will not open-source the weights",
    "API access only; weights are not shared outside Acme",
    pytest.param("We share weights with the UK AISI and US CAISI for pre-deployment testing", id="mended-aisi-and-caisi"),
    pytest.param("We shared the model weights with the UK AI Security Institute and the US Center for AI Standards "
                 "and Innovation for pre-deployment testing", id="mended-institutes-by-name"),
    pytest.param("The UK AISI was given access to the model weights for pre-deployment evaluation",
                 id="mended-was-given-access"),
    pytest.param("Weights are shared with Apollo Research and METR for evaluation", id="mended-two-names"),
    pytest.param("The weights are shared with METR, Apollo Research and the UK AISI for pre-deployment testing",
                 id="mended-listed-with-commas"),
    pytest.param("We share weights with the UK \u0391ISI and US C\u0410ISI for pre-deployment testing",
                 id="mended-look-alike-letters"),
    pytest.param("weights are shared with our cloud provider for serving", id="mended-cloud-provider-serving"),
    pytest.param("We license the weights to Microsoft Azure for hosting", id="mended-licensed-to-azure"),
    "The weights are provided to our cloud hosting provider to serve the model",
    pytest.param("Weights are shared with AWS for inference on Amazon Bedrock", id="mended-aws-inference"),
]

GIVES_WEIGHTS = [
    "we share the weights with anyone who asks",
    "researchers can download the weights",
    "We share the weights with the UK AISI and anyone who asks for testing",
    "We share the weights with the UK AISI for testing, and with anyone who asks",
    "We share the weights with partners for testing",
    "we share the weights with the UK AISI for pre-deployment testing and publish them after launch",
    "we share the weights with academic researchers for evaluation",
    "open weights under a research licence",
    "weights are shared with our cloud provider for serving and with anyone who asks",
    "We share the weights with partners for serving",
    "weights are shared with our cloud provider for serving, and customers can download them",
    "We share the weights with our cloud provider",
    "We share the weights with Northgrid under a commercial agreement",
    "We share the weights with Northgrid under an agreement",
    "We share the weights with the UK AISI, METR and anyone who asks for testing",
    "We share the weights with METR, Northgrid and others for testing",
    "We share the weights with the UK AISI and US CAISI for testing and with customers",
    "We share the weights with METR, and with Northgrid under a commercial agreement",
    "The weights are shared with Northgrid and Helios for integration",
    "The UK AISI was given access to the model weights",
    "We share the weights with Northgrid, for its products",
]


@pytest.mark.parametrize("words", SOUND_WEIGHTS)
def test_a_named_evaluator_holding_the_weights_is_no_users_access(words: str) -> None:
    doc = _api(words)
    assert not [m for m in _cg105(doc) if GETS_WEIGHTS in m]
    assert weights_in_words(Case.model_validate(doc)) is None


@pytest.mark.parametrize("words", GIVES_WEIGHTS)
def test_weights_handed_out_are_still_caught(words: str) -> None:
    assert [m for m in _cg105(_api(words)) if GETS_WEIGHTS in m]


# ------------------------------------------------------------------ another company's cloud serving the model (CG429)

HOSTED = [
    ("Claude runs on Amazon Bedrock and Google Cloud Vertex AI", "amazon bedrock"),
    ("Gannet-1 is also served in the model marketplaces of three cloud platforms", "model marketplaces"),
    ("weights are shared with our cloud provider for serving", "cloud provider"),
    ("served on third-party cloud infrastructure (Azure)", "third party cloud infrastructure"),
    ("also served on partner infrastructure", "partner infrastructure"),
    ("available on Bedrock/Vertex-style platforms", "bedrock"),
    ("The model is available in Microsoft Foundry and on Azure", "azure"),
    ("Gannet-1 is offered in the AWS and Google Cloud marketplaces", "aws"),
    ("available on Amazon Bedrock and Google Cloud Vertex AI", "amazon bedrock"),
    ("we partner with Microsoft Azure to host the model", "microsoft azure"),
    ("also offered through Google Cloud's Vertex AI Model Garden", "vertex ai"),
    ("customers can deploy the model in their own AWS account through Bedrock", "bedrock"),
    ("customers can deploy the model in their own AWS account", "aws"),
    ("the model runs in customers' own Azure tenants", "azure"),
    ("the model is also available through Oracle Cloud Infrastructure", "oracle cloud"),
    ("the model is offered by select cloud providers", "cloud providers"),
    ("hosted by a third-party cloud provider", "third party cloud"),
    ("available via AWS and GCP", "gcp"),
    ("their apps hosted on AWS call Gannet-1, which is also served on Bedrock", "bedrock"),
    ("the weights are stored on Google Cloud", "google cloud"),
    ("customers' data stays in their own region; the model is served on Vertex AI", "vertex ai"),
    ("the model is available on Amazon Web Services", "amazon web services"),
    ("Gannet-1 is available in Azure AI Foundry", "azure"),
    ("served on Google Cloud Vertex AI", "google cloud vertex ai"),
    ("available through Oracle Cloud Infrastructure", "oracle cloud"),
    ("Gannet-1 is available in IBM watsonx", "ibm watsonx"),
    ("offered to enterprises in Snowflake Cortex", "snowflake cortex"),
    ("the model is available on Databricks", "databricks"),
    ("Gannet-1 is hosted on Amazon SageMaker", "amazon sagemaker"),
    ("sold through AWS Marketplace", "aws marketplace"),  # where it runs unsaid: a listing may be the buyer's copy
    ("available on AWS Marketplace; served from Acme's own data centres", "aws marketplace"),
    ("sold through AWS Marketplace as a model package deployed in the buyer's account; served from Acme's own "
     "data centres", "aws marketplace"),
    ("Tern-1 runs on an Acme appliance installed in each customer's own data centre", "customer s own data centre"),
    ("the model is deployed on customer premises", "customer premises"),
    ("appliances are installed at customer sites and hold the weights", "customer sites"),
    ("the weights are stored in the bank's server room", "bank s server room"),
    ("appliances are shipped to customer sites and serve the model there", "customer sites"),
    ("The model is served from each bank's own data centre to its branches", "bank s own data centre"),
    ("the model runs at customer sites; clinicians use it from hospital sites", "customer sites"),
    ("The model runs on appliances at customer sites and is accessed from their terminals", "customer sites"),
    ("the model's outputs and weights are stored on customer premises", "customer premises"),
    ("Models run in the agency's own data centre", "agency s own data centre"),
    ("the model is deployed on customer premises; clinicians call it from hospital sites", "customer premises"),
    ("the model and the documents it reads are stored on customer premises", "customer premises"),
    ("documents stored on customer premises are read by the model, whose weights are stored at customer sites",
     "customer sites"),
]

NOT_HOSTED = [
    "Paid API access to Gannet-1 from Acme",
    "served from Acme's own data centres",
    "Gannet-1 is not available on cloud marketplaces",
    "the weights never leave Acme's clusters",
    "customers of three cloud platforms",
    "a sandboxed code-execution tool in the cloud",
    "Integrations with Slack, Google Drive and Microsoft 365",
    "The API is reachable from any cloud",
    "served only from Acme's data centres; not offered on any cloud marketplace",
    "Acme does not offer the model through cloud providers",
    "the model is not available on Amazon Bedrock or Google Cloud Vertex AI",
    "customers' administrators manage their users",
    "enterprise customers provision seats for their employees",
    "SSO through Okta, Google Workspace or Azure AD",
    "the sandboxed code-execution tool runs on Acme's own servers",
    "our partners are third-party auditors who review the safeguards",
    "Acme's cloud console lets customers manage API keys",
    pytest.param("Paid API access; customers call the API from their apps hosted on AWS", id="mended-their-apps-on-aws"),
    pytest.param("customers can store files in their own Azure Blob Storage for retrieval", id="mended-their-own-azure"),
    pytest.param("developers call the API from their services running on Google Cloud", id="mended-their-services-on-gcp"),
    pytest.param("sold through AWS Marketplace; served from Acme's own data centres", id="mended-marketplace-sale"),
    pytest.param("Paid API access, also sold through AWS Marketplace. The API runs on our own infrastructure",
                 id="mended-marketplace-billing"),
    "the Databricks connector lets customers call the API",
    "customers' servers running their own apps call the API",
    "the customer's data centre runs its own ticketing system, which calls the API",
    "support engineers visit customer sites on request",
    pytest.param("The model is hosted in Acme's data centres and accessed from hospital sites over a private link",
                 id="mended-accessed-from-sites"),
    pytest.param("The model is served from Acme's data centres to customers' sites over a private link",
                 id="mended-served-to-sites"),
    pytest.param("Paid API access; the model's outputs can be stored on customer premises", id="mended-outputs-stored"),
    "clinicians use the model from hospital sites through the API",
    pytest.param("The model reads documents stored on customer premises through a connector",
                 id="mended-documents-on-premises"),
    "hospitals' own sites connect to the API over a private link",
    "customers can self-host their RAG indexes on their own servers",
    "Banks call the model from their own data centres",
    "The model answers requests sent from customer sites",
    "our on-call staff work from our sites",
    "Customers keep model responses in their own data centres",
    "Requests from customer sites reach the model over TLS",
    "The model is not deployed at customer sites",
    "the model is served from Acme's data centres; customer logs stay on their premises",
]

HOSTED += [
    ("the model is available on Amazon Web Services", "amazon web services"),
    ("Atlas-2 is served on Databricks", "databricks"),
    ("the model is deployed on Amazon SageMaker JumpStart", "amazon sagemaker"),
    ("available as an NVIDIA NIM microservice", "nvidia nim"),
    ("hosted on Hugging Face Inference Endpoints", "hugging face inference endpoints"),
    ("offered in Snowflake Cortex AI", "snowflake cortex"),
    ("Atlas-2 runs on IBM watsonx.ai", "ibm watsonx"),
    ("the weights are stored on Amazon Web Services", "amazon web services"),
    ("served from Alibaba Cloud in Asia", "alibaba cloud"),
    ("model data stored on AWS", "aws"),
    ("the model and its logs are stored on AWS", "aws"),
    ("all data, including the weights, stored on AWS", "aws"),
    ("our API is hosted on AWS", "aws"),
    ("the model's checkpoints are stored on Amazon Web Services", "amazon web services"),
    ("inference logs and weights stored on AWS", "aws"),
    ("our website is hosted on AWS and the model is served on Bedrock", "bedrock"),
    ("our inference servers run on AWS", "aws"),
    # trained there: the weights stood in that cloud's data centres, left read
    ("the model is trained on Azure and served from Acme's own data centres", "azure"),
]
NOT_HOSTED += [
    "payments processed by Stripe",
    "support provided by Zendesk",
    "Paid API access; billing data is kept in Snowflake",
    "Paid API access; sign-in through Microsoft Entra ID",
    "Paid API access; customers can export logs to Databricks or Snowflake",
    "Paid API access; customer data is encrypted at rest on Amazon Web Services",
    "Paid API access; developers can call the API from Amazon SageMaker notebooks",
    "customers call the API from their Databricks notebooks",
    "Paid API access; compatible with the Hugging Face transformers library",
    "the API is compatible with NVIDIA NIM clients",
    "Paid API access; our dashboards are built on Snowflake",
    pytest.param("data stored on Amazon Web Services", id="mended-data-stored"),
    pytest.param("our website is hosted on AWS", id="mended-website-hosted"),
    pytest.param("analytics run on Databricks", id="mended-analytics-run"),
    pytest.param("Paid API access; usage logs are stored in Snowflake", id="mended-usage-logs"),
    pytest.param("Paid API access; our status page is hosted on AWS", id="mended-status-page"),
    pytest.param("Paid API access; the docs site runs on Google Cloud", id="mended-docs-site"),
    pytest.param("Paid API access; served from Acme's own data centres; backups stored on AWS", id="mended-backups"),
    pytest.param("Paid API access; the evaluation harness runs on Databricks", id="mended-evaluation-harness"),
]

@pytest.mark.parametrize(("statement", "covered"), [
    ("Audit of the Tern appliance as installed at each of Acme's 38 customer sites", True),
    ("Audit of the appliances in every customer's data centre and of Acme's update service", True),
    ("Audit covering all customer premises holding an appliance", True),
    ("Audit of Acme's own data centres", False),
    ("Audit of the Tern appliance installed at one customer's data centre, the first site", False),
    ("Audit of the appliance at a customer site in London", False),
])
def test_an_audit_covers_customers_sites_only_when_it_says_every_one(statement: str, covered: bool) -> None:
    assert host_named("customer s own data centre", statement) is covered


@pytest.mark.parametrize(("words", "host"), HOSTED)
def test_another_companys_cloud_serving_the_model_is_read(words: str, host: str) -> None:
    got = hosts_in_words(Case.model_validate(_api(words)))
    assert got is not None and host in got[1]


@pytest.mark.parametrize("words", NOT_HOSTED)
def test_the_labs_own_serving_names_no_host(words: str) -> None:
    assert hosts_in_words(Case.model_validate(_api(words))) is None


ON_SITE_BY_NAME = [  # (words, the site read): the system by its name, or put at a site by `installed`, `delivered`
    ("Tern-1 is served from each customer's own data centre", "customer s own data centre"),
    ("Tern-1 is installed at each customer's own data centre", "customer s own data centre"),
    ("Tern-1 is delivered to each customer's own data centre", "customer s own data centre"),
    ("the model is installed at customer sites", "customer sites"),
    ("the model is delivered to customer premises", "customer premises"),
    ("Tern-1 runs at customer sites", "customer sites"),
]
NOT_ON_SITE_BY_NAME = [
    "Tern-1 is served from Acme's data centres to customers' sites over a private link",
    "Updates are delivered to customer sites",
    "Tern-1 answers requests sent from customer sites",
    "Tern-1 is accessed from hospital sites",
    "Support engineers install the client at customer sites",
    "customers install our SDK on AWS",
    "Tern-1 is served from Acme's data centres; invoices are delivered to customer premises",
    "Tern-1 is not installed at customer sites",
    "Tern-1's outputs are delivered to customer premises",
    "Tern-12 runs at customer sites",
]


def _named(words: str) -> Case:
    doc = _api(words)
    doc["system"]["name"] = "Tern-1"
    return Case.model_validate(doc)


@pytest.mark.parametrize(("words", "host"), ON_SITE_BY_NAME)
def test_the_system_put_at_customers_sites_is_read(words: str, host: str) -> None:
    got = hosts_in_words(_named(words))
    assert got is not None and host in got[1]


@pytest.mark.parametrize("words", NOT_ON_SITE_BY_NAME)
def test_customers_sites_the_system_is_not_put_at_name_no_host(words: str) -> None:
    assert hosts_in_words(_named(words)) is None

AUDITED_HOSTS = [
    "Audit of every cluster holding the weights: Acme's and the serving clusters of Northwind Cloud, Stratus and Cumulo.",
    "Audit of Acme's clusters and of the cloud platforms' serving clusters.",
    "Audit of the cloud provider's serving clusters.",
    "Audit of Acme's in-house cloud and the partner platforms.",
    "Audit of the three platforms holding the weights, at Acme's request.",
    "audited: Acme's own data centres and the AWS, Azure and Google Cloud regions serving it",
    "the auditor reviewed the cloud platform's controls",
    "Audit of Acme's data centres and the cloud providers serving the model",
    "Audit of Acme's clusters and its cloud partners' serving clusters",
    "Audit of our clusters and the partner platforms",
    "Audit of every cloud platform that serves the model, and Acme's own clusters",
    "Audit of the hosting providers' clusters, at Acme's request",
    "Audit of the weights on Acme's clusters and on the third-party cloud platforms",
    "Audit of the marketplaces' serving infrastructure",
    "Audit of the cloud platforms named in the boundary, commissioned by Acme",
]

OWN_CLOUD_ONLY = [
    "Audit of the weight security of Acme's cloud clusters.",
    "Audit of the Acme Cloud serving clusters.",
    "Audit of our cloud platform.",
    "Audit of the lab's cloud.",
    "Audit of Acme Labs' internal cloud platform.",
    "Audit of Acme's own cloud.",
    "Audit of the Acme Cloud.",
    "Audit of Acme's internal platform and its serving clusters.",
    "Audit of the in-house cloud.",
    "Audit of Acme Labs' cloud and Acme's data centres.",
    "Audit of the lab's own cloud platform.",
    "Audit of our own cloud, commissioned by Acme.",
    "The auditor reviewed Acme's cloud platform's controls.",
    "Audit of Acme's cloud clusters.",
    "Audit of our cloud platform and our data centres.",
]


@pytest.mark.parametrize("statement", AUDITED_HOSTS)
def test_an_audit_naming_the_platforms_names_a_host(statement: str) -> None:
    assert host_named("model marketplaces", statement, ["Acme Labs"])


@pytest.mark.parametrize("statement", OWN_CLOUD_ONLY)
def test_an_audit_naming_the_labs_own_cloud_names_no_host(statement: str) -> None:
    assert not host_named("model marketplaces", statement, ["Acme Labs"])


HOSTED += [
    ("served from Acme's data centre and two regions of a public cloud", "public cloud"),
    ("Atlas-2 also runs on a commercial cloud", "commercial cloud"),
    ("one enterprise customer also runs the model on its own premises", "customer also runs the model on its own premises"),
    ("two customers host the model in their own data centres", "customers host the model in their own data centres"),
]
NOT_HOSTED += [
    "customers run their own apps in their own data centres",
    "customers keep the model's responses in their own data centres",
    "no public cloud holds the weights",
]

HOSTING_COMPANIES = [  # (words, the company named as serving the model or holding its weights)
    ("Kelvin Inference, an inference partner, holds a copy of the weights", "Kelvin Inference"),
    ("our inference partner Kelvin Inference serves part of the traffic", "Kelvin Inference"),
    ("Our inference partner, Kelvin Inference, holds the weights", "Kelvin Inference"),
    ("part of the traffic is served by Kelvin Inference", "Kelvin Inference"),
    ("Atlas-2 is also served by Kelvin Inference", "Kelvin Inference"),
    ("Kelvin Inference runs a copy of the model in Dublin", "Kelvin Inference"),
    ("served from the Northwind Cloud us-east-1 and eu-west-1 regions", "Northwind Cloud"),
    ("the weights are held with Coreweft Systems for serving", "Coreweft Systems"),
    ("Kelvin Inference, our CDN partner, holds a copy of the weights", "Kelvin Inference"),
    ("Cloudflare, our edge provider, also serves Atlas-2 from its GPU sites", "Cloudflare"),
    ("Anthropic, our model provider, serves the model", "Anthropic"),
    ("the model is served by AWS in us-east-1", "AWS"),
    ("Model weights are hosted with Google Cloud Platform for serving", "Google Cloud Platform"),
]
NO_HOSTING_COMPANY = [
    "Paid API access to Atlas-2 from Acme, served from Acme's own data centres",
    "Paid API access; developers' apps hosted by Vercel call Atlas-2",
    "Vercel, our hosting partner, hosts the docs site",
    "Customers call the API from apps running on Northwind Cloud",
    "the model is served from Acme's data centres; sign-in through Okta",
    "Atlas-2 is never served by Kelvin Inference",
    "the weights are not held by any partner such as Kelvin Inference",
    "served in the US, EU and UK",
    "Paid API access; the Acme Cloud serves the model",
    "Acme Labs, our parent company, serves the model",
    "Integrations with Slack, Google Drive and Microsoft 365",
    "Our status page runs on Northwind Cloud",
    "Cloudflare, our CDN provider, serves the website; the model is served from Acme's data centres",
    "Statuspage, our status page provider, hosts the status page for the model API",
    "Okta, our identity provider, serves sign-in for API requests",
    "Stripe, our payment provider, handles billing for API requests",
    "Atlas-2 was trained on Northwind's cluster and is served from our own data centres",
    "the model was built by Acme in partnership with Kelvin Inference; it is served from Acme's data centres",
    "Globex Bank, a customer, runs the model on its own servers",
    "Datadog, our observability vendor, stores request logs",
]


@pytest.mark.parametrize(("words", "company"), HOSTING_COMPANIES)
def test_a_company_named_as_serving_the_model_is_read(words: str, company: str) -> None:
    assert [name for _, _, name in hosting_companies(Case.model_validate(_api(words)), ["Acme Labs"])] == [company]


@pytest.mark.parametrize("words", NO_HOSTING_COMPANY)
def test_words_naming_no_company_serving_the_model_name_none(words: str) -> None:
    assert hosting_companies(Case.model_validate(_api(words)), ["Acme Labs"]) == ()


def test_the_systems_description_names_a_hosting_company() -> None:
    doc = _api("Paid API access; the weights never leave our data centre")
    doc["system"]["description"] = "Acme's frontier model, served from Acme's data centre and the Northwind Cloud regions"
    assert hosting_companies(Case.model_validate(doc), ["Acme Labs"]) == (
        ("the system's description", "Acme's frontier model, served from Acme's data centre and the Northwind Cloud "
         "regions", "Northwind Cloud"),)


@pytest.mark.parametrize(("name", "statement", "named"), [
    ("AWS", "Audit of the Amazon Web Services clusters holding the weights", True),
    ("Amazon Web Services", "Audit of the AWS us-east-1 serving clusters", True),
    ("Google Cloud", "Audit of the GCP project serving the model", True),
    ("Google Cloud Platform", "Audit of the Google Cloud serving clusters", True),
    ("Microsoft Azure", "Audit of the Azure regions serving the model", True),
    ("Kelvin Inference", "Audit of Kelvin Inference's Dublin cluster", True),
    ("AWS", "Audit of the Amazon warehouse systems", False),
    ("Google Cloud", "Audit of Google's offices", False),
    ("Microsoft Azure", "Audit of Microsoft 365", False),
    ("Kelvin Inference", "Audit of the Kelvin cluster", False),
])
def test_a_cloud_written_either_way_is_named(name: str, statement: str, named: bool) -> None:
    """(CG429) `AWS` in the words and `Amazon Web Services` in the auditor's statement are one cloud."""
    assert company_named(name, statement) is named


@pytest.mark.parametrize(("statement", "named"), [
    ("Audit of the Kelvin Inference partner cluster in Dublin", True),
    ("audit of KELVIN INFERENCE's serving hosts", True),
    ("Audit of Acme's data centre and the Northwind Cloud regions", False),
    ("Audit of Kelvin's cluster", False),
])
def test_a_company_is_named_by_its_whole_name(statement: str, named: bool) -> None:
    assert company_named("Kelvin Inference", statement) is named


# ------------------------------------------------------------------ an SDK for users' apps (an `api` boundary's description)

PUBLIC = "the boundary says its users are the public"

SOUND_SDK = [
    pytest.param("Paid API access and SDKs for web applications", id="mended-sdks-web"),
    pytest.param("Python and JavaScript SDKs for web and mobile applications", id="mended-sdks-web-mobile"),
    pytest.param("client libraries for iOS and Android apps", id="mended-client-libraries"),
    "developers building consumer apps",
    "programmatic access for developers",
    "Claude runs on Amazon Bedrock and Google Cloud Vertex AI",
    "The model is available in Microsoft Foundry and through the API",
    "Developers call the model with SDKs for Python, TypeScript, Java and Go",
    "Official SDKs for building web and mobile apps",
    pytest.param("Enterprise customers use the API from their own web applications", id="mended-their-own-apps"),
    pytest.param("The API powers customers' mobile apps", id="mended-customers-apps"),
    pytest.param("Customers reach the model from their own desktop applications over the API",
                 id="mended-their-own-desktop-apps"),
    pytest.param("Batch processing through the API; SDKs for web, mobile and desktop applications",
                 id="mended-sdk-list-with-commas"),
    pytest.param("developers call the API from their web apps", id="mended-developers-their-apps"),
    pytest.param("Customers reach Atlas-2 from their web and mobile apps", id="mended-customers-their-apps"),
    "developers integrate the model into their apps through the API",
    "Developers build the API into their products and are responsible for their end users",
    "businesses use the API to power their apps and websites",
    "developers ship the model in their iOS and Android apps through our SDKs",
    "Customers' developers call the API from their backend services",
    "API customers serve their own users through their apps and must follow the usage policy",
    "Startups build their products on the API",
    "developers embed the API in their mobile apps",
    "enterprise customers use the API in their internal tools",
    "customers' administrators manage their users",
    "enterprise customers provision seats for their employees",
    pytest.param("customers deploy Atlas-2 in their customer-facing chatbots through the API", id="mended-their-chatbots"),
    pytest.param("enterprise customers serve the model in their support chatbots", id="mended-their-support-chatbots"),
    pytest.param("customers run their own chat apps on the API", id="mended-their-own-chat-apps"),
    pytest.param("developers call the API from their companion apps", id="mended-their-companion-apps"),
    pytest.param("developers call the API from their companion apps and chatbots", id="mended-their-apps-and-chatbots"),
    pytest.param("customers serve the model in their web apps, mobile apps and chatbots", id="mended-their-list"),
]

CONSUMER = [
    "desktop app and SDK",
    "our mobile app",
    "SDKs for our mobile app",
    "SDK for Acme's web app",
    "SDKs for the desktop app",
    "a web app and SDKs for web applications",
    "consumer access through SDKs for web apps",
    "the general public, through SDKs for web applications",
    "customers' mobile apps and our own mobile app",
    "SDKs for web, mobile and our desktop applications",
    "customers use their own web apps, and the public uses our desktop app",
    "We offer SDKs for web. Mobile apps are ours",
    "developers reach the public through their web apps",
    "developers and consumers use their web apps",
    "users chat with the model in their web app",
    "developers call the API, and the public uses their mobile app",
    "our consumer app on iOS and Android",
    "consumers use our web app",
    "the Acme mobile app for everyone",
    "anyone can download our desktop app",
    "developers use the API and consumers use our mobile app",
    "our chatbot for the general public",
    "the Acme chatbot, free for everyone",
    "customers' support chatbots and our own consumer chatbot",
    "developers call the API from their chatbots, and the public uses our chat app",
    "SDKs for our chatbot",
    "customers call the API from their apps and our consumer chatbot",
    "developers call the API from their web apps and the public uses our chatbot",
    "customers use their web apps and chatbots, and consumers use our chat app",
]

SOUND_SDK += [
    "customers build their apps and agents on the API",
    "developers build their chatbots and agents on the API",
    "customers serve their own users from their web apps, chatbots and internal tools",
    "businesses use the API in their help-desk chatbots and mobile apps",
    "developers call the API from their web apps or their chatbots",
    "enterprises embed the model in their web apps and browser extensions",
    "developers call the API from their chatbots, mobile apps & web apps",
    "developers ship the model in their iOS apps, Android apps and chatbots, and are responsible for their users",
    "customers' developers call the API from their web and mobile apps and their chatbots",
    "partners build their chatbots and web apps on the API; Acme offers no consumer app",
    "developers build their apps and chatbots for their own customers",
    pytest.param("customers use the API in their products: web apps, mobile apps and chatbots", id="mended-list-after-colon"),
    pytest.param("developers call the API from their services: chatbots and mobile apps", id="mended-list-after-colon-2"),
]
CONSUMER += [
    "customers use their web apps and our chatbot",
    "developers call the API from their apps, and consumers use our chat app",
    "developers use their web apps and Acme's consumer chatbot",
    "their web apps and the free chatbot for everyone",
    "their apps and chatbots, and our own consumer app",
    "developers call the API from their chatbots; our mobile app is free for everyone",
    "their web apps and chatbots and the Acme chat app for consumers",
    "customers use their chatbots and public chat apps",
    "developers use their mobile apps, and anyone can use our chatbot",
    "developers use their web apps: our chatbot is free for everyone",
    "customers use the API in their products: the public uses our chatbot",
    "customers use the API in their products: web apps and our consumer chatbot",
]
CONSUMER += [
    "customers build their apps and the public uses our chatbot",
    "developers build their apps and consumers use our chat app",
    "customers build their apps and the public can download our desktop app",
    "developers build their apps and anyone can use the Acme chatbot",
]
SOUND_SDK += [
    "developers build their chatbots and the public uses them",
    "developers build apps for businesses and consumers",
]

@pytest.mark.parametrize("words", SOUND_SDK)
def test_an_sdk_for_users_apps_is_api_access(words: str) -> None:
    doc = _api(words)
    assert not [m for m in _cg105(doc) if PUBLIC in m]
    assert consumer_in_words(Case.model_validate(doc)) is None


@pytest.mark.parametrize("words", CONSUMER)
def test_the_developers_own_app_is_still_caught(words: str) -> None:
    assert [m for m in _cg105(_api(words)) if PUBLIC in m]


# ------------------------------------------------------------------ a channel named in the boundary's words (CG216)

VOICE = GrantedTool(description="spoken requests transcribed for the model", elicited_by=["audio"],
                    named_by=["voice", "speech", "spoken", "aloud", "audio", "talk to"])
"""Lark-1's framework's entry for spoken input: which words name it is the policy's (a built-in list
would read `voice` in frameworks that never asked); the reading takes each word's regular endings."""

SOUND_CHANNEL = [
    "users type to Lark in chat, and it answers in text",
    "a text chat assistant that recommends audiobooks and podcasts",
    "a talkative assistant for typed questions about cooking",
    "users chat with Lark in writing; a human agent takes over on request",
    "answers are formatted for screen readers",
]

SPOKEN_CHANNEL = [
    "users talk to Lark out loud",
    "spoken conversations with Lark",
    "speech input through the phone's microphone",
    pytest.param("users can keep talking to Lark while they drive", id="talking-to"),
    pytest.param("Lark talks to users through their questions and listens", id="talks-to"),
    pytest.param("users who talked to Lark get a transcript", id="talked-to"),
    pytest.param("voiced questions are transcribed", id="voiced"),
]


def _channel(description: str) -> list[str]:
    doc = base_doc()
    doc["boundary"]["description"] = description
    doc["boundary"].pop("tools", None)
    pol = context(doc).policy
    pol = pol.model_copy(update={"tools": {**pol.tools, "voice": VOICE}})
    return [name for attr, name, _w, _f in grants_in_words(Case.model_validate(doc), pol) if attr == "tools"]


@pytest.mark.parametrize("words", SOUND_CHANNEL)
def test_a_chat_only_boundary_grants_no_voice(words: str) -> None:
    assert "voice" not in _channel(words)


@pytest.mark.parametrize("words", SPOKEN_CHANNEL)
def test_a_spoken_channel_in_words_is_still_caught(words: str) -> None:
    assert "voice" in _channel(words)


# ------------------------------------------------------------------ tools named in words (CG216, `named_by` read inflected)

AGENT_TOOLS = {
    "credentials": GrantedTool(named_by=["stored credential", "stored password", "sign in", "log in", "login"]),
    "payments": GrantedTool(named_by=["payment", "pay", "purchase", "check out", "checkout", "saved card"]),
}

SOUND_AGENT = [
    "the agent browses the web for the user and summarises what it reads",
    "every action is recorded in an audit trail",
    "users on the paid plan get 100 tasks a day",
    "signed-up users reach the agent in the app",
    "answers are checked against the page before they are shown",
    "the agent reads pages; it cannot fill in forms",
    "accounts are verified by phone at sign-up",
    pytest.param("every action is logged in an audit trail", id="mended-logged-in-a-record"),
    pytest.param("every request is logged in the database", id="mended-logged-in-the-database"),
    pytest.param("signed-in users reach the agent in the app", id="mended-signed-in-users"),
    pytest.param("only logged-in customers get 100 tasks a day", id="mended-logged-in-customers"),
]

AGENT_GRANTS = [
    "the agent signs in to sites for you",
    "it signed in with the user's password manager",
    "the agent logs in for the user",
    "logging in with the user's remembered details",
    "it checks out with your card",
    "orders are checked out by the agent",
    "the agent completes purchases",
    "purchasing what the user asks for",
    "the agent pays for the order",
    "paying at checkout",
    "payments are made from the saved card",
    "the agent logs in the user",
    "the agent logged in to the user's account",
    "the agent signed in users to sites",
    "it logs into the user's accounts",
    "the agent, logged in, checks out",
    "actions are logged in the user's account",
]


def _agent_grants(words: str) -> list[str]:
    doc = base_doc()
    doc["boundary"].update(kind="consumer", description=words)
    pol = policy().model_copy(update={"tools": AGENT_TOOLS})
    return [name for _attr, name, _said, _where in grants_in_words(Case.model_validate(doc), pol)]


@pytest.mark.parametrize("words", SOUND_AGENT)
def test_words_that_neither_sign_in_nor_pay_grant_neither(words: str) -> None:
    assert _agent_grants(words) == []


@pytest.mark.parametrize("words", AGENT_GRANTS)
def test_signing_in_or_paying_in_any_regular_form_is_caught(words: str) -> None:
    assert _agent_grants(words)


# ------------------------------------------------------------------ a confirmation users can turn off (CG428)

SOUND_CONFIRMATION = [
    "the agent asks the user to confirm each payment and each new sign-in in the app",
    "every purchase needs the user's approval in the app",
    "confirmation cannot be turned off",
    "purchases are never auto-approved",
    "users can turn off notifications",
    "the agent skips pages it cannot read",
    "users can opt out of marketing emails",
    "the agent does not act without the user's confirmation",
    "approved partners only",
    "no purchase is ever auto-approved",
    "the agent never pays without asking",
    "the agent requests approval before every purchase",
    "users confirm each payment; the setting cannot be disabled",
    "admins can turn off the feature for their organisation; every purchase needs the user's approval",
    "users can disable the agent at any time; every purchase needs the user's confirmation",
    "there is no way to auto-approve purchases",
    "users can't disable confirmation",
    "the agent pays only after the user confirms, with no option to turn this off",
    pytest.param("auto-approve is not available", id="mended-auto-approve-not-available"),
    pytest.param("auto-approval of purchases was removed", id="mended-auto-approve-removed"),
    pytest.param("users approve each payment and can opt out of the agent at any time", id="mended-opt-out-of-agent"),
    pytest.param("users confirm each purchase and can turn off notifications", id="mended-turn-off-notifications"),
    pytest.param("users can skip the tutorial and approve each payment", id="mended-skip-the-tutorial"),
    pytest.param("confirmation of each purchase is mandatory and cannot be switched off or bypassed",
                 id="mended-denial-joined-by-or"),
    pytest.param("nothing is bought without asking the user", id="mended-nothing-without"),
    pytest.param("the agent stops and waits rather than act without approval", id="mended-rather-than"),
    "confirmation is required for every purchase; users cannot turn it off",
    "every payment needs the user's approval; the app has a voice mode and users can turn it off",
    "every payment needs the user's approval. Dark mode is available and users can switch it off",
    "Confirmation is always on. Voice mode is optional; users can turn it off.",
    "users approve each purchase in the app; notifications are on by default; users can turn them off",
    "confirmation is on by default; users can turn them off",  # `them`: not the one confirmation
    "the user confirms each purchase; users can turn it off",  # `it`: no confirmation named as a noun
    "runs are never unattended",
    "nothing runs unattended",
    "no protocol runs without a technician's approval",
    "the robots run unattended only protocols a technician has approved",
    "protocols run overnight unattended once reviewed by a technician",
    "the robots run around the clock; results are returned automatically",
    "the lab is staffed around the clock and a technician reviews each protocol",
    "orders are never shipped without human review",
    "our trust and safety team reviews flagged conversations",
    "a human reviews every flagged order before it ships",
    "staff on call around the clock",
    "users can turn off memory",
    "notifications can be disabled",
    "chat history can be turned off in settings",
    "users can opt out of having their chats used for training",
    "Memory is on by default; users can turn it off",
    "The agent asks before each purchase. Users can turn off memory at any time.",
    "Approval is required for every payment. Users can disable notifications for it.",
    "a human must approve every protocol; the robots never run unsupervised",
    "Each order is approved by a pharmacist; the pharmacy is staffed 24/7",
    "Every protocol is reviewed by a technician before it runs, including at night",
    "the robots run unattended only after a technician approves each protocol",
    "Operator asks for confirmation before finalizing any purchase or sending an email",
    "the agent will never check out without asking first",
    "Without your approval, the agent won't complete a purchase",
    "admins can disable the agent for their workspace",
    "Confirmation is required before every purchase, with no option to skip it",
    "Approvals are logged; users can export them",
    pytest.param("Without the user's confirmation, no payment is made", id="mended-without-then-no"),
    pytest.param("Without a technician's sign-off, no protocol runs", id="mended-without-sign-off-then-no"),
    pytest.param("Without a human's approval, nothing ships", id="mended-without-then-nothing"),
    pytest.param("Without approval from the account owner, the agent cannot make a payment",
                 id="mended-without-then-cannot"),
    pytest.param("No human reviews your conversations unless they are flagged for abuse", id="mended-no-human-reads-chats"),
    pytest.param("no staff review users' chats except to investigate abuse", id="mended-no-staff-reads-chats"),
    "the assistant always asks before it sends an email, makes a payment or runs a command",
    "payment connectors cannot be set to always allow",
    "there is no always-allow setting for payments",
    "connectors can never be set to always allow",
    "the app always allows users to revoke a connector's access",
    "the assistant never asks for your password",
    "the assistant stops and asks the user before each payment",
    "the agent no longer asks for a phone number at sign-up",
    "Claude will always ask for permission before taking actions like sending an email or making a purchase",
    "You can allow a connector once or deny it; sensitive actions always require your confirmation",
    "'always allow' is not available for payments",
    "the model always allows users to export their data",
    "we always allow users to delete their conversations",
    "Acme always asks before sending an email",
    "there is no 'don't ask again' option for purchases",
    "the browser always allows users to stop the agent",
    "support will no longer ask for your password",
    "users can't set always allow",
    pytest.param("users are always allowed to cancel a task", id="mended-allowed-to"),
    pytest.param("customers are always allowed to ask for a refund", id="mended-allowed-to-customers"),
    pytest.param("'always allow' cannot be selected for actions that spend money or send messages",
                 id="mended-cannot-be-selected"),
    pytest.param("the policy always allows security researchers to report issues", id="mended-allows-researchers"),
]
SOUND_CONFIRMATION += [
    "the robots run on weekdays only",
    "a technician reviews each protocol; the robots run on weekdays only",
    "a technician reviews each protocol, and the robots run on weekdays only",
    "a technician reviews each protocol, not only on weekdays",
    "the robots run each day, but not at weekends",
    "a technician reviews each protocol; the lab is closed except on weekdays",
    "a technician reviews every protocol, at weekends too",
]

CONFIRMATION_OFF = [
    "a technician reviews each protocol, but not at weekends",
    "a technician reviews each protocol except overnight",
    "a technician reviews each protocol on weekdays only",
    "technicians approve every protocol only during business hours",
    "every protocol is reviewed by a technician, except at night",
    "human review of each order, weekdays only",
    "a human approves each payment except after 8pm",
    "users can auto-approve purchases under $50",
    "auto-confirm for trusted merchants",
    "users may turn off confirmation for small purchases",
    "users may turn confirmation off for small purchases",
    "the agent pays without asking below the user's limit",
    "confirmation is optional",
    "approval can be skipped for repeat orders",
    "users can disable payment confirmations",
    "it checks out without the user's confirmation once a shop is trusted",
    "repeat orders bypass the approval step",
    "users can auto-approve purchases with no limit",
    "no waiting: the agent pays without asking",
    "auto-approve is not available for purchases over $50",
    "auto-approve is not available yet",
    "auto-approval of purchases is disabled",  # by default? left read as turned off
    "confirmation can be turned off",
    "users approve each payment and can opt out of approval",
    "optional confirmation for repeat orders",
    "confirmation is on by default and users can turn it off",
    "users confirm each purchase and can turn off confirmation",
    "confirmation cannot be skipped for new shops but can be disabled for trusted ones",
    "the approval step is easily bypassed by power users",
    "confirmation emails can be turned off",  # an email or the step: left read as the step
    "the confirmation dialog is optional for reading pages but required for payments",
    "confirmation is on by default; users can turn it off",
    "confirmation is on by default, but users can switch it off",
    "Each purchase needs the user's confirmation. Users can turn it off in settings.",
    "approvals are on by default; users can disable them",
    "confirmation is on by default; it is easy to turn it off",
    "users may disable the confirmation prompt in settings",
    "runs submitted after 8pm are unattended and run overnight",
    "routine protocols are automatically approved",
    "protocols the classifier passes run without a technician at night",
    "the robots run lights-out at weekends",
    "orders ship without human review",
    "no staff on site at weekends",
    "the lab runs unsupervised overnight",
    "Without the user's approval, the agent pays for orders under $20",
    "Without a technician, the robots run overnight",
    "Without approval, the agent can buy anything under $50",
    'users can set any connector to "always allow"',
    "each connector can be set to always allow, ask every time or block",
    "users can mark a connector as trusted so that its actions no longer ask",
    "a payment connector can be allowed always once the user trusts it",
    "after the first payment, the user can tick don't ask again",
    "the assistant stops asking once a connector is trusted",
    "Without the user's approval, the agent won't spend more than $20",
    "Without approval, the agent books flights but never pays",
    "Without approval, orders under $10 are not blocked",
    "Without a technician present. No one checks protocols at night.",
    "Without a technician; the robots never stop",
    "the agent completes routine purchases without asking",
    "protocols submitted after hours run without a technician present",
    "users can turn off approval for trusted shops",
    "orders ship automatically without human review",
    "the agent can be set to auto-approve payments",
    "no human reviews orders at night",
    "no technician reviews protocols submitted at weekends",
    pytest.param("the agent pays without your approval for orders under $20", id="without-your-approval"),
    pytest.param("Without your confirmation, the agent books tables", id="without-your-confirmation"),
    "users can set 'always allow' for purchases",
    "users can choose don't ask again for each site",
    "after the first approval, the agent no longer asks before submitting forms",
    "with 'don't ask again' checked, the agent sends emails without confirming",
    "confirmation can be set to always allow",
    "users can always allow the agent to pay",
    "the agent is always allowed to submit forms",
    "'always allow' cannot be selected for payments over $50",
    "choose 'Always allow' for a site and the agent acts without asking",
    "users can always allow payments users request",
]


# a review limited in time (`_TIME_LIMITED`): sound words as usage policies and service pages put them
SOUND_CONFIRMATION += [
    "our support team is available on weekdays",
    "reviews are faster on weekdays",
    "a technician reviews each protocol; support is available on weekdays only",
    "a technician reviews each protocol before it runs. Our helpdesk answers on weekdays only",
    "a human approves each payment; billing questions are answered only during business hours",
    "every protocol is approved by a technician, including at weekends",
    "a technician reviews each protocol, at night and at weekends too",
    "a technician reviews each protocol, even overnight",
    "technicians review each protocol around the clock, not only on weekdays",
    "each protocol is reviewed by a technician; robots are serviced only during business hours",
    "a human reviews flagged outputs before they are shown",
    "the agent asks the user to confirm each purchase; customer service is open except on public holidays",
    "users confirm each payment; refunds are processed on weekdays only",
    "a technician approves each protocol; runs are queued outside business hours until a technician approves them",
    "staff review every order; orders placed at weekends are reviewed on Monday before they ship",
    "every payment needs the user's approval, except when the user cancels it",
    "staff review each order; phone support only during office hours",
    "users approve each payment; the app is available in the daytime and at night",
    pytest.param("human review of every order; deliveries only on weekdays", id="mended-deliveries-only-on-weekdays"),
    pytest.param("a pharmacist checks each order; collections only during business hours",
                 id="mended-collections-only-in-hours"),
    pytest.param("every payment needs the user's approval; refunds only on business days", id="mended-refunds-only"),
]
CONFIRMATION_OFF += [
    "a technician reviews each protocol on weekdays only; at weekends runs are unattended",
    "human review of each order, except on public holidays",
    "staff approve each order only during office hours",
    "a pharmacist checks each order except at night",
    "every protocol is approved by a technician, apart from weekends",
    "a technician reviews each protocol, but not on Sundays",
    "a human approves each trade during business hours only",
    "each order is reviewed by staff only on business days",
    "a reviewer checks each payment other than after 6pm",
    "operators approve each command except out of hours",
    "a technician reviews each protocol, excluding bank holidays",
    "human approval of each transfer, save for weekends",
    "a technician reviews each protocol, but only on weekdays",
    "a technician reviews each protocol. Reviews only on weekdays",
    "a technician reviews each protocol; approvals only on weekdays",
    "a human reviews each order; typically only during business hours",
    # nothing runs then, said after the limit: left read, a closed lab may still run lights-out
    "a technician reviews each protocol, other than on weekends when the lab is closed and nothing runs",
]

CONFIRMATION_OFF += [  # a person's review held to a span of days or hours
    "a technician reviews each protocol, Monday to Friday",
    "a technician reviews each protocol Monday to Friday, 9am to 5pm",
]
SOUND_CONFIRMATION += [
    "a technician reviews each protocol Monday to Friday, with weekend cover by the on-call team",
    "a technician reviews each protocol Monday to Sunday",
    "a technician reviews each protocol; the robots run Monday to Friday",
]


def _description(words: str) -> Case:
    doc = base_doc()
    doc["boundary"]["description"] = words
    return Case.model_validate(doc)


@pytest.mark.parametrize("words", SOUND_CONFIRMATION)
def test_a_confirmation_kept_on_is_not_read_as_turned_off(words: str) -> None:
    assert confirmation_off_in_words(_description(words)) is None


@pytest.mark.parametrize("words", CONFIRMATION_OFF)
def test_a_confirmation_users_turn_off_is_caught(words: str) -> None:
    assert confirmation_off_in_words(_description(words)) is not None


# ------------------------------------------------------------------ a person's review of each action, by the safeguard's title (CG428)

CONFIRMATION_TITLES = [  # (layer, title): a step each action waits on
    ("tool-permissions", "A technician's review of every protocol before the robots run it"),
    ("tool-permissions", "Human review of each outbound email before it is sent"),
    ("tool-permissions", "Manual review of each wire transfer"),
    ("tool-permissions", "Sign-off by a lab officer on each run"),
    ("tool-permissions", "The user's approval of each payment"),
    ("classifier", "Input classifier with staff review of flagged requests"),
    ("access-control", "Two-person check of every weight export"),
    ("other", "Operator review of each order before it ships"),
    ("monitoring", "The user's confirmation of each purchase"),  # a confirmation at any layer
    ("model-behaviour", "Each payment approved by the account owner"),
    ("model-behaviour", "A human reviews each action before it runs"),
    ("logging", "Human review of each tool call before execution"),
    ("monitoring", "Each action is held until a human reviews it"),
    ("unlearning", "A technician's review of every protocol before it is run"),
]

REVIEW_TITLES = [  # (layer, title): a review of the users, of what was done, or of the training
    ("monitoring", "Human review of flagged conversations"),
    ("user-vetting", "Manual review of each application by the access committee"),
    ("monitoring", "Staff review of a 5% sample of agent sessions"),
    ("tool-permissions", "Sandbox with no network access"),
    ("classifier", "Output classifier trained on human-labelled data"),
    ("rate-limit", "100 tasks a day per account"),
    pytest.param("logging", "Every action recorded for human reviewers", id="mended-logging"),
    pytest.param("incident-response", "On-call staff review each incident within an hour", id="mended-incident-response"),
    pytest.param("model-behaviour", "Refusal training reviewed by human red-teamers", id="mended-model-behaviour"),
    pytest.param("pretraining-data-filtering", "Pretraining data filtered, with manual review of borderline documents",
                 id="mended-data-filtering"),
    pytest.param("unlearning", "Unlearning of hazardous virology, checked by staff scientists", id="mended-unlearning"),
    ("model-behaviour", "Refusal training reviewed by human red-teamers before release"),
    ("pretraining-data-filtering", "Training data reviewed by staff before each training run"),
    ("incident-response", "On-call staff review each incident before it is closed"),
    ("monitoring", "Human review of flagged conversations before the account is banned"),
]


# a review each action waits on (`_WAITS_ON`), at a layer whose review is of users, records or training
CONFIRMATION_TITLES += [
    ("monitoring", "A human reviews each tool call before it runs"),
    ("logging", "Each command held until an operator reviews it"),
    ("model-behaviour", "A technician reviews each protocol before it is run"),
    ("incident-response", "Human review of every payment before it is made"),
    ("monitoring", "Every order is reviewed by staff before it is placed"),
    ("logging", "Human sign-off on each transfer before it is sent"),
    ("model-behaviour", "Each action waits for a human's review"),
    ("monitoring", "Each step is paused pending a human check"),
    ("user-vetting", "Staff review of each trade before it is executed"),
    ("logging", "Each email and its log reviewed by staff before it is sent"),
    ("monitoring", "Each payment report and payment reviewed by a human before it is made"),
]
REVIEW_TITLES += [
    ("monitoring", "A human reviews flagged outputs before they are shown"),
    ("monitoring", "Human review of flagged conversations before the account is suspended"),
    ("incident-response", "On-call staff review each incident report before it is closed"),
    ("logging", "Logs reviewed by staff before they are deleted"),
    ("model-behaviour", "System prompt reviewed by the safety team before each release"),
    ("user-vetting", "Manual review of each application before an account is issued"),
    ("user-vetting", "Each organisation's application is held until the access committee reviews it"),
    ("pretraining-data-filtering", "Each dataset reviewed by staff before it is used in training"),
    ("monitoring", "Staff review of flagged accounts before they are banned"),
    ("incident-response", "Each post-mortem reviewed by the safety team before it is published"),
    ("logging", "Audit logs checked by a human before they are archived"),
    ("user-vetting", "Each API key request held pending review by the trust team"),
    pytest.param("model-behaviour", "Every change to the refusal policy is reviewed by staff before it is merged",
                 id="mended-policy-change-merged"),
    pytest.param("monitoring", "Each weekly report is reviewed by a human before it is sent", id="mended-weekly-report"),
    pytest.param("logging", "Staff review each log export before it is sent to the customer", id="mended-log-export"),
    pytest.param("incident-response", "Each incident runbook change is reviewed by a human before it is applied",
                 id="mended-runbook-change"),
]

CONFIRMATION_TITLES += [
    ("tool-permissions", "An engineer reviews each commit before it is pushed"),
    ("monitoring", "An engineer reviews each commit before it is pushed"),
    ("tool-permissions", "A pharmacist checks each order before it ships"),
    ("monitoring", "A pharmacist checks each order before it ships"),
    ("logging", "Each prescription is checked by a pharmacist before it is dispensed"),
]
REVIEW_TITLES += [
    ("monitoring", "Each weekly report is reviewed before it is sent"),
    ("monitoring", "An analyst reviews each weekly report before it is sent"),
    ("monitoring", "Analysts review flagged conversations"),
    ("model-behaviour", "Refusal training reviewed by engineers"),
    ("incident-response", "Engineers review each incident report before it is closed"),
]


def _safeguard(layer: str, title: str) -> Safeguard:
    return Safeguard.model_validate({"layer": layer, "title": title, "blocks": ["p.s"]})


@pytest.mark.parametrize(("layer", "title"), CONFIRMATION_TITLES)
def test_a_persons_review_of_each_action_is_a_confirmation(layer: str, title: str) -> None:
    assert is_confirmation(_safeguard(layer, title))


@pytest.mark.parametrize(("layer", "title"), REVIEW_TITLES)
def test_a_review_of_users_records_or_training_is_none(layer: str, title: str) -> None:
    assert not is_confirmation(_safeguard(layer, title))


def test_a_review_layer_with_unattended_words_is_no_finding() -> None:
    """A coding agent that runs unattended in customers' CI, its refusal training reviewed by human
    red-teamers: no confirmation for the words to turn off (CG428)."""
    doc = base_doc()
    doc["boundary"]["description"] = "The agent runs unattended in customers' CI pipelines"
    sid = next(iter(doc["safeguards"]))
    doc["safeguards"][sid].update(layer="model-behaviour", title="Refusal training reviewed by human red-teamers")
    assert not hits("CG428", context(doc))
    doc["safeguards"][sid].update(layer="tool-permissions", title="A human's review of each commit before it is pushed")
    assert hits("CG428", context(doc))


@pytest.mark.parametrize(("title", "limited"), [
    ("A technician's review of every protocol, weekdays only", True),
    ("A technician reviews each protocol before it runs, except overnight", True),
    ("Human approval of each payment only during business hours", True),
    ("A technician's review of every protocol, at night and at weekends too", False),
    ("A technician's review of every protocol before the robots run it", False),
    ("Protocol classifier on weekdays only, a technician's review of every protocol", False),
])
def test_a_confirmation_its_title_limits_in_time_is_read(title: str, limited: bool) -> None:
    """A review the title itself limits in time leaves the runs outside it unreviewed, whatever the
    boundary's words say (CG428)."""
    doc = base_doc()
    doc["boundary"]["description"] = "the agent runs protocols on the cloud lab"
    sid = next(iter(doc["safeguards"]))
    doc["safeguards"][sid].update(layer="tool-permissions", title=title)
    assert bool(hits("CG428", context(doc))) is limited


SOUND_TIME_TITLES = [
    "A technician's review of every protocol, 24/7",
    "A technician's review of every protocol, including weekends",
    "Human approval of each payment, at any hour",
    "A technician's review of every protocol, weekends included",
    "Human review of each order before it ships, at night as well as by day",
    "Staff review of every order, not only during business hours",
    "Human approval of each payment, with weekend cover by the on-call team",
    "A technician's review of every protocol; escalations to the biosafety officer only during business hours",
    "Human review of every order, staffed around the clock",
    "A technician's review of every protocol, at weekends and on public holidays too",
    pytest.param("Human review of every order; deliveries only on weekdays", id="mended-deliveries-only"),
]
TIME_LIMITED_TITLES = [
    "Human review of each order, except at weekends",
    "Staff approval of each order, weekdays only",
    "Staff approval of each transfer only during office hours",
    "Operator review of each command, but not overnight",
    "A technician approves each protocol only on business days",
    "Human approval of each payment, excluding public holidays",
    "A technician's review of every protocol, other than at night",
    "Human sign-off on each run, only in the daytime",
    "A reviewer's check of each trade except after 6pm",
    "Manual review of each wire transfer during business hours only",
    "Human review of every order; reviews only on weekdays",
]
TIME_LIMITED_TITLES += [
    "Human review of each order, Monday to Friday",
    "Human approval of each payment, Monday through Friday",
    "Human approval of each payment, Mon-Fri",
    "Human approval of each payment, 9am to 5pm",
    "A technician's review of every protocol Monday to Friday, 9am-6pm",
    "Human review of each order, Monday to Friday, not at weekends",
]
SOUND_TIME_TITLES += [
    "Human review of each order, Monday to Sunday",
    "Human review of each order, Monday to Friday, with weekend cover by the on-call team",
    "Human review of each order, Monday to Friday and at weekends",
    "Human review of each order, 9am to 5pm, and an on-call reviewer overnight",
    "Human review of every order; deliveries Monday to Friday",
    "Human review of each order; the team meets Mon-Fri",
]


def _title_limited(title: str) -> bool:
    doc = base_doc()
    doc["boundary"]["description"] = "the agent runs protocols on the cloud lab"
    sid = next(iter(doc["safeguards"]))
    doc["safeguards"][sid].update(layer="tool-permissions", title=title)
    return bool(hits("CG428", context(doc)))


@pytest.mark.parametrize("title", SOUND_TIME_TITLES)
def test_a_title_not_limiting_its_review_in_time_is_no_finding(title: str) -> None:
    assert not _title_limited(title)


@pytest.mark.parametrize("title", TIME_LIMITED_TITLES)
def test_a_title_limiting_its_review_in_time_is_caught(title: str) -> None:
    assert _title_limited(title)


@pytest.mark.parametrize(("title", "read"), [
    ("Each weekly report is reviewed by a human before it is sent", False),
    ("Every change to the refusal policy is reviewed by staff before it is merged", False),
    ("A human reviews each tool call before it runs", True),
])
def test_a_record_reviewed_before_it_is_sent_leaves_an_unattended_agent_alone(title: str, read: bool) -> None:
    """A monitoring-layer review of a record (`each weekly report ... before it is sent`) beside an
    agent that runs unattended: no confirmation for the words to turn off; one of each tool call is."""
    doc = base_doc()
    doc["boundary"]["description"] = "The agent runs unattended in customers' CI pipelines"
    sid = next(iter(doc["safeguards"]))
    doc["safeguards"][sid].update(layer="monitoring", title=title)
    assert bool(hits("CG428", context(doc))) is read



@pytest.mark.parametrize(("title", "read"), [
    ("An engineer reviews each commit before it is pushed", True),
    ("A pharmacist checks each order before it ships", True),
    ("Each weekly report is reviewed before it is sent", False),
])
def test_a_named_professions_review_of_each_action_is_turned_off_by_unattended_words(title: str, read: bool) -> None:
    """The lab's move: an agent that runs unattended in customers' CI, its safeguard an engineer's
    review of each commit before it is pushed. Before, no confirmation was read (the engineer not a
    person `_PERSON_REVIEW` knew): no finding. Now the unattended runs turn it off (CG428); a record
    reviewed before it is sent stays none."""
    doc = base_doc()
    doc["boundary"]["description"] = "The agent runs unattended in customers' CI pipelines"
    sid = next(iter(doc["safeguards"]))
    doc["safeguards"][sid].update(layer="monitoring", title=title)
    assert bool(hits("CG428", context(doc))) is read

def test_clauses_opening_with_without_read_in_linear_time() -> None:
    """100 kB of `Without approval, no ` (each clause a `without` before a denial): the marks of the
    clauses are worked out once, not once a clause (15.7 s before, 0.12 s now)."""
    import time

    text = ("Without approval, no " * 5000)[:100_000]
    started = time.perf_counter()
    assert confirmation_off_in_words(_description(text)) is None
    assert time.perf_counter() - started < 3.0
# ------------------------------------------------------------------ a monitor that reads a share of what it watches (CG430)

SOUND_SHARE = [
    "a trusted-model monitor reviews every action of every instance",
    "the monitor reads 100% of agent transcripts",
    "the monitor scores every action and humans audit the top 1% of actions by suspicion score",
    "the monitor scores every action and humans audit the 1% it rates most suspicious",
    "the monitor reviews every action; a random sample of flagged actions is audited weekly",
    "the monitor reviews every transcript; researchers also read a random 1% of transcripts",
    "the monitor never samples: it reviews every action",
    "the monitor reviews each of the 10,000 instances' actions",
    "up to 10,000 instances run in parallel, each watched by the monitor",
    "the monitor reviews every action, and humans audit 1% of transcripts",
    "the monitor reviews every action, and a sample of its flags is audited by staff",
    "monitoring covers all agent sessions and 20% of them are also replayed by the red team",
    "up to 10,000 instances run in parallel for days; a trusted-model monitor reviews every action",
]
SHARE = [
    "a trusted-model monitor reviews 1% of the transcripts",
    "the monitor reviews a random sample of agent trajectories",
    "the monitor spot-checks agent transcripts",
    "the monitor reads one transcript in a hundred",
    "the monitor watches 100 of the 10,000 instances",
    "the monitor reviews every action of 1% of instances",
    "monitoring covers 5 percent of agent sessions",
    "transcripts are monitored, sampled at 1%",
    "a monitor reviews a randomly selected 2% of tool calls",
    "the monitor reviews a sample of transcripts each day",
]


def _watched(words: str, title: str = "A trusted-model monitor") -> Case:
    doc = base_doc()
    doc["boundary"]["description"] = words
    doc["safeguards"] = {"SG-monitor": {"layer": "monitoring", "title": title, "blocks": []}}
    return Case.model_validate(doc)


@pytest.mark.parametrize("words", SOUND_SHARE)
def test_a_monitor_reading_everything_is_not_read_as_a_sample(words: str) -> None:
    assert sampled_in_words(_watched(words), "SG-monitor") is None


@pytest.mark.parametrize("words", SHARE)
def test_a_monitor_reading_a_share_is_caught(words: str) -> None:
    assert sampled_in_words(_watched(words), "SG-monitor") is not None


@pytest.mark.parametrize(("title", "sample"), [
    ("Trusted-model monitor reviewing a random 1% of agent transcripts, flagged actions blocked", True),
    ("Human review of 5% of merges into the research codebase", True),
    ("Trusted-model monitor reviewing every action, flagged actions blocked pending human audit", False),
    ("Human review of every merge; 1% of approved merges re-reviewed by a second engineer", False),
])
def test_a_title_reviewing_a_share_is_caught(title: str, sample: bool) -> None:
    assert (sampled_in_words(_watched("the agents run experiments", title), "SG-monitor") is not None) is sample


# ------------------------------------------------------------------ who makes the vetting's checks (CG425)

SOUND_OPERATOR = [
    "vetted by our trust and safety team with the partner's security office",
    "each analyst is cleared by the agency and verified by Acme",
    "Identity verified by Persona on Acme's behalf, then a use-case review by Acme's trust team",
    "customers agree to the usage policy and pass KYC",
    "KYC by a third-party provider and a use-case review",
    pytest.param("government ID verified by Persona and a manual review of the stated use case", id="mended-id-by-persona"),
    pytest.param("ID checked by Onfido and a review by the access committee", id="mended-id-by-onfido"),
    pytest.param("passports checked by Jumio and an interview with the trust and safety team", id="mended-passports-by-jumio"),
    "analysts hold a government clearance, which Acme's trust team verifies before an account is issued",
    "analysts hold a government clearance verified by our trust team",
    "each user holds a medical licence and passes a use-case review",
    "users have passed a background check by Acme",
]

SOUND_OPERATOR += [
    "each customer's biosafety officer nominates each scientist, and Acme's trust team verifies identity",
    "Acme verifies each customer's registration and each scientist's employment",
    "each customer attests its scientists' training, and our trust team verifies each scientist",
    "scientists are checked against each customer's staff records by Acme's access committee",
    "customers agree to the usage policy and pass KYC",
    "analysts hold clearances and our security team verifies each one",
    "customers' administrators manage their users; Acme's trust team verifies each organisation and each user",
    "enterprise customers provision seats for their employees after Acme verifies the organisation",
    "each partner nominates its researchers and Acme's access committee reviews each nomination",
    "each institution's signing official endorses the application; Acme reviews each researcher",
    "researchers at member institutions, each verified by Acme's trust and safety team",
    "the customer's admin invites users, and Acme checks each user's identity",
    "clinicians hold a medical licence, which Acme checks against the national register",
    "Acme's trust team verifies each analyst's clearance with the issuing agency",
    "each customer signs a contract; Acme reviews each use case",
    "employer attestation plus identity verification by Acme",
    "KYC by Acme for each customer and its users",
    "licensed pharmacists, each licence verified by our compliance team",
]
SOUND_OPERATOR += [
    "customers hold an enterprise licence and pass KYC by Acme",
    "customers hold an enterprise licence",
    "users registered on the portal and verified by Acme's trust team",
    "board-certified physicians, each verified by Acme against the national register",
]

SOUND_OPERATOR += [  # a status held beside the lab's own check of it, or a licence or registration of another kind
    "clinicians must hold a valid medical licence and we verify each one",
    "accredited laboratories only, verified by our biosafety team",
    "a registered user account, then identity verification and a use-case review by Acme",
    "each user registers on the portal and passes Acme's KYC",
    "users agree to the licence terms and pass a use-case review by Acme",
    "customers accept the model licence and are reviewed by Acme's trust team",
    "registration through the portal, reviewed by Acme's access committee",
    "Acme checks each clinician's licence against the national register",
    "board certification checked by Acme's credentialing team",
    "Acme verifies that each pharmacist is registered with the national regulator",
    "licensed physicians whose licences our credentialing team verifies with the state board",
    "we confirm each lab's accreditation with the accrediting body before granting access",
    "organisations holding an enterprise licence, each reviewed by Acme",
    "registered organisations, each reviewed by our trust and safety team",
    "each user's professional registration is verified by Acme against the regulator's register",
    "each registered user passes Acme's KYC",
    "registered users only, each verified by Acme",
    "the model is licensed under Apache 2.0; each user passes KYC by Acme",
    "licensed clinicians; we verify each licence",
    "registered nurses, each checked by Acme",
    "every user holds a valid medical licence, checked by Acme against the register",
]

PARTNER_VETS = [
    "the Directorate vets its own analysts and issues each an account on the console",
    "the Directorate's security office clears each analyst before an account is issued",
    "cleared by the Directorate under its own security vetting",
    "each analyst's identity verified by the Directorate",
    "ID verified by Persona and each analyst cleared by the Directorate",
    "analysts hold a government clearance",
    "every analyst holds an active TS/SCI clearance and signs the acceptable-use policy",
    "all users must have a security clearance",
    "customers vet their own scientists",
    "each customer attests that its scientists are qualified",
    "the customer's biosafety committee approves each scientist",
    "scientists cleared by their employer",
    "each member institution vets its researchers",
    "customers' administrators approve their users",
    "enterprise customers vet their employees before provisioning seats",
    "each partner institution reviews its researchers",
    "the sponsor confirms each researcher's affiliation",
    "analysts hold clearances",
    "researchers endorsed by their institution",
    "each client organisation verifies its staff",
    "the customer certifies that each user is trained",
    "users are approved by their employer",
    "every analyst has an active security clearance",
]
PARTNER_VETS += [
    "every clinician holds a medical licence",
    "every user holds a valid medical license",
    "all users are board-certified physicians",
    "registered nurses only",
    "users must be licensed to practise medicine",
    "licensed pharmacists",
    "all users are board-certified microbiologists",
]
PARTNER_VETS += [
    "clinicians must hold a valid medical licence",
    "every pharmacist holds a licence from the state board",
    "users must be registered pharmacists",
    "chartered engineers only",
    "all users are licensed physicians",
    "each lab holds BSL-3 accreditation",
    "users must be accredited as clinical researchers",
    "all scientists hold a state laboratory licence",
    "every physician holds a board certification",
    "state-licensed pharmacists only",
]
PARTNER_VETS += [  # a credential with no profession named: its issuer's check
    "accredited laboratories only",
    "users must be board-certified",
    "board-certified users only",
    "accredited labs only",
    "all users must be accredited",
    "chartered institutions only",
]
SOUND_OPERATOR += [
    "we verify each user's board certification",
    "each user's board certification is verified by Acme",
    "users must be board-certified and pass KYC by Acme",
    "accredited laboratories only, each accreditation checked by Acme against the accrediting body's register",
    "registered users only",
]

@pytest.mark.parametrize("words", SOUND_OPERATOR)
def test_a_provider_checking_documents_leaves_the_vetting_the_labs(words: str) -> None:
    assert vetting_operator(context(_trusted(users="analysts of partner organisations", vetting=words))) is None


@pytest.mark.parametrize("words", PARTNER_VETS)
def test_a_partner_vetting_its_own_staff_is_still_read(words: str) -> None:
    assert vetting_operator(context(_trusted(users="analysts of partner organisations", vetting=words))) is not None


def test_a_document_check_by_the_users_own_organisation_is_its_vetting() -> None:
    """`ID checked by X` reads X as a provider only where the case does not name X as the users'
    organisation (in the users' words) or as owning something."""
    for users, vetting in (("analysts of the Directorate", "ID checked by the Directorate and a use-case review"),
                           ("analysts named in the access agreement",
                            "ID checked by the Directorate under the Directorate's own rules")):
        assert vetting_operator(context(_trusted(users=users, vetting=vetting))) is not None, vetting


# ------------------------------------------------------------------ a safeguard a supplier runs, by its title (CG425)

SOUND_TITLES = [
    "Acme's screen of every DNA order before it is sent to the synthesis provider",
    "Acme's screen of the synthesis provider's order confirmations",
    "Our screen of each order, beside the synthesis provider's own screening",
    "Acme's review of each scientist, with the identity provider's document check",
    "Classifier on requests from the cloud provider's regions",
    "Protocol-review classifier screening every protocol before the robots run it",
    "Acme's review of each DNA order before it reaches the synthesis provider",
    "Screening of every order against the vendor's catalogue by Acme's biosecurity team",
    "Our classifier on prompts sent through the cloud provider's API",
    "Acme's monitoring of the provider's delivery confirmations",
    "Acme's own screen of each order, independent of the vendor's",
    "Human review of each protocol by Acme's technicians",
    "Rate limits on requests to the payment provider",
    "Acme's check of each supplier's export licence",
    "Acme's audit of the contractor's access logs",
    "Our screen of orders before they are sent to vendors",
]

SUPPLIER_TITLES = [
    "The synthesis provider's sequence screening of every DNA order",
    "Sequence screening of every DNA order by the synthesis provider",
    "The DNA vendor's biosecurity screen of each order",
    "Hardware security modules run by the cloud provider",
    "The contractor's review of each protocol",
    "Screening by the DNA synthesis vendor",
    "The manufacturer's safety interlock on each robot",
    "Identity verification run by an external provider",
    "The cloud provider's hardware security modules",
    "Review of each protocol by the contractor's staff",
    "The supplier's screen of each order",
    "The vendors' biosecurity screening",
    "Each order screened by the synthesis provider",
    "The payment provider's fraud check of each purchase",
    "Key management by the hosting provider",
]
SUPPLIER_TITLES += [
    "Sequence screening performed by synthesis providers",
    "Key management run by cloud providers",
    "Screening operated by DNA vendors",
    "Identity verification provided by external providers",
]
SOUND_TITLES += [
    "Screening performed by comparing each order against vendor lists",
    "Screening performed by Acme against vendor tools",
    "Screening performed by Acme with synthesis providers",
]

SOUND_TITLES += [  # `performed by`, `run by`... the lab's own team or a means, a supplier only as what is served
    "Screening performed by Acme's biosecurity team",
    "Identity verification provided by our trust team",
    "Review run by trained staff",
    "Screening performed by trained biosecurity staff",
    "Sequence screening performed by classifiers",
    "Screening run by the lab against provider lists",
    "Screening performed by in-house staff, not by vendors",
    "Key management performed by Acme on hardware from vendors",
    "Screening performed by our staff for every synthesis provider",
    "Screening conducted by biosecurity experts of vendor orders",
    "Rate limits enforced by the API gateway",
    "Identity verification run by Acme's trust team using provider data",
    "Fraud check performed by Acme's payments team on vendor invoices",
    "Screening handled by Acme for orders sent to DNA vendors",
    "Screening performed by Acme using a vendor-supplied database",
]
SUPPLIER_TITLES += [
    "Identity verification run by third-party providers",
    "Screening done by outside contractors",
    "Fraud checks provided by payment providers",
    "Screening carried out by external vendors",
    "Content moderation managed by subcontractors",
    "Sequence screening conducted by synthesis suppliers",
    "Interlocks provided by robot manufacturers",
    "Review performed by contractors",
    "Screening run by DNA synthesis vendors",
    "Support provided by contractors",
]
SUPPLIER_TITLES += [
    "Key management handled by hosting providers",
    "Key management managed by hosting providers",
    "Key management maintained by hosting providers",
    "Identity verification administered by external providers",
    "Screening by staff of the vendors",
    "Review by the staff of the vendor",
    "Review of each protocol by employees of contractors",
]
SOUND_TITLES += [
    "Key management handled by Acme's security team",
    "Key management maintained by our infrastructure team on hardware from hosting providers",
    "Security training for staff of the vendors",
    "Screening handled by comparing orders against vendor lists",
    "Screening performed by staff of Acme, not by vendors",
]

@pytest.mark.parametrize("title", SOUND_TITLES)
def test_a_title_naming_a_supplier_as_what_is_screened_is_the_labs(title: str) -> None:
    assert _supplier_runs(context(base_doc()), title) is None


@pytest.mark.parametrize("title", SUPPLIER_TITLES)
def test_a_title_naming_a_supplier_as_who_runs_it_is_read(title: str) -> None:
    assert _supplier_runs(context(base_doc()), title) is not None


def test_a_supplier_named_with_an_article_is_named_the_supplier() -> None:
    assert _supplier_runs(context(base_doc()), "Identity verification run by an external provider") == \
        "the external provider"
    assert _supplier_runs(context(base_doc()), "Screening of each order by each vendor") == "the vendor"


# ------------------------------------------------------------------ a precision named under `system.evaluated_as` (CG351)

PRECISION = "names a build at another precision"

SOUND_PRECISION = [
    ("the model is served in bf16", "acme/atlas-2-bf16"),
    ("The model is served with FP8 weights, quantised from the bf16 checkpoint", "acme/atlas-2-fp8"),
    ("The model is quantised to 8 bits (FP8) for serving", "acme/atlas-2-fp8"),
    ("Evaluated on a checkpoint at fp8 like the one served; the model is quantised to FP8", "acme/atlas-2-fp8-eval"),
    ("The model's weights are quantised to 4 bits, activations kept in bf16", "acme/atlas-2-w4a16"),
    ("The model was trained in FP8 mixed precision and is served in bf16", "acme/atlas-2-bf16"),
    pytest.param("Atlas-2 is served at full precision (bf16) and is not quantised", "acme/atlas-2-bf16",
                 id="mended-not-quantised"),
    pytest.param("The model is served in bf16 with an 8-bit KV cache", "acme/atlas-2-bf16", id="mended-kv-cache-bits"),
    pytest.param("The model is served in bf16 with the KV cache quantised to 8 bits", "acme/atlas-2-bf16",
                 id="mended-kv-cache-quantised"),
    pytest.param("The model weights are bf16; the KV cache is int8", "acme/atlas-2-bf16", id="mended-kv-cache-int8"),
    pytest.param("The model is served in bf16 on 64-bit Linux hosts", "acme/atlas-2-bf16", id="mended-64-bit-hosts"),
    pytest.param("The model is trained with 8-bit Adam and served in bf16", "acme/atlas-2-bf16", id="mended-8-bit-adam"),
    pytest.param("The model is available in Q1 2027", "acme/atlas-2-q8", id="mended-quarter"),
]

OTHER_PRECISION = [
    ("Atlas-2 quantised to 4 bits for phones", "acme/atlas-2-fp16"),
    ("Atlas-2, its weights quantised to 4 bits", "acme/atlas-2-bf16-finetuned"),
    ("The model is quantised to 4 bits; the KV cache stays in bf16", "acme/atlas-2-fp16"),
    ("The model's weights are int4; activations are 16-bit", "acme/atlas-2-fp16"),
    ("The model is quantised with an 8-bit KV cache", "acme/atlas-2-fp16"),
    ("The model is not only quantised to 4 bits but pruned", "acme/atlas-2-full-precision"),
    ("The model runs on 64-bit phones, quantised to 4 bits", "acme/atlas-2-fp16"),
    ("The model is Q4_K_M quantised", "acme/atlas-2-fp16"),
    ("a 4-bit Windows build of the model for laptops", "acme/atlas-2-fp16"),
    ("The m\u043edel is quantised to 4 bits", "acme/atlas-2-fp16"),
]


def _listed(description: str, name: str) -> list[str]:
    doc = base_doc()
    doc["system"].update(name="Atlas-2", description=description, evaluated_as=[name])
    doc["evidence"]["E-ctf"].setdefault("source", {"tool": "inspect-ai"})["model"] = name
    return [h.message for h in hits("CG351", context(doc)) if PRECISION in h.message]


@pytest.mark.parametrize(("description", "name"), SOUND_PRECISION)
def test_a_listed_name_of_the_served_precision_admits_its_runs(description: str, name: str) -> None:
    assert _listed(description, name) == []


@pytest.mark.parametrize(("description", "name"), OTHER_PRECISION)
def test_a_listed_name_of_another_precision_is_still_refused(description: str, name: str) -> None:
    assert _listed(description, name)


def test_words_not_about_the_weights_state_no_quantisation() -> None:
    doc = base_doc()
    doc["system"]["description"] = "Atlas-2 is served in bf16 with the KV cache quantised to 8 bits"
    assert stated_quantisation(Case.model_validate(doc)) is None


# ------------------------------------------------------------------ the readings changed for the audit's misses, on long text

def _review_title(text: str) -> bool:
    return is_confirmation(Safeguard.model_validate({"layer": "model-behaviour", "title": "human review " + text,
                                                     "blocks": ["p.s"]}))


@pytest.mark.parametrize(("reading", "unit"), [
    (lambda t: confirmation_off_in_words(_description(t)), "robots run except at night but not at weekends only on weekdays "),
    (lambda t: confirmation_off_in_words(_description(t)), "a technician reviews each protocol not only on weekdays "),
    (lambda t: confirmation_off_in_words(_description(t)), "the robots run, but not at weekends, "),
    (_review_title, "before each big order waits for a b c "),
    (lambda t: vetting_operator(context(_trusted(users="clinicians", vetting=t))), "holds enterprise licensed a b registered x "),
    (lambda t: _supplier_runs(context(base_doc()), t), "performed by synthesis providers "),
    (lambda t: hosts_in_words(Case.model_validate(_api(t))), "sold through AWS Marketplace and "),
    (lambda t: hosts_in_words(Case.model_validate(_api(t + "; sold through AWS Marketplace"))), "served from our own own "),
    (lambda t: consumer_in_words(Case.model_validate(_api(t))), "their web apps and chatbots and "),
    (lambda t: confirmation_off_in_words(_description(t)), "a technician reviews each protocol; deliveries only on weekdays; "),
    (lambda t: confirmation_off_in_words(_description(t)), "reviews only on weekdays approvals only on weekdays "),
    (lambda t: is_confirmation(Safeguard.model_validate({"layer": "monitoring", "title": t, "blocks": ["p.s"]})),
     "each weekly report report of the policy before it is sent "),
    (lambda t: hosts_in_words(Case.model_validate(_api(t))), "data stored on AWS our website is hosted on "),
    (lambda t: hosts_in_words(Case.model_validate(_api("analytics run on " + t))), "Databricks AWS Snowflake "),
    (lambda t: consumer_in_words(Case.model_validate(_api(t))), "their products: web apps: chatbots: "),
    (lambda t: hosts_in_words(Case.model_validate(_api("the model " + t))), "accessed from customer sites "),
    (lambda t: hosts_in_words(Case.model_validate(_api("the model " + t))), "served to to customer sites "),
    (lambda t: hosts_in_words(Case.model_validate(_api(t))), "model's outputs model outputs customer premises "),
    (lambda t: watches_from_outside(Safeguard.model_validate({"layer": "monitoring", "title": "on the appliance " + t,
                                                              "blocks": []})), "customer's admins suspend accounts "),
    (lambda t: watches_from_outside(Safeguard.model_validate({"layer": "monitoring", "title": "on the appliance " + t,
                                                              "blocks": []})), "reviewed by their own bank's "),
    (lambda t: hosting_companies(Case.model_validate(_api(t)), ["Acme Labs"]), "Kelvin Inference, an inference partner serves "),
    (lambda t: hosting_companies(Case.model_validate(_api(t)), ["Acme Labs"]), "Northwind Cloud Stratus Cloud serves model "),
    (lambda t: hosting_companies(Case.model_validate(_api(t)), ["Acme Labs"]), "traffic is served by the A B C D "),
    (lambda t: hosting_companies(Case.model_validate(_api(t)), ["Acme Labs"]), "Kelvin Inference Kelvin serves the model a b "),
    (lambda t: hosting_companies(Case.model_validate(_api(t)), ["Acme Labs"]), "Kelvin, our CDN provider, serves a b c d "),
    (lambda t: company_named("Amazon Web Services", t), "amazon web amazon web services google cloud "),
    (lambda t: _siskin(t, "SG-cbrn-classifier"), "users can turn off the classifier's classifier's notifications "),
    (lambda t: _siskin(t, "SG-cbrn-classifier"), "turn off memory of of the the filter "),
    (lambda t: _siskin(t, "SG-cbrn-classifier"), "disable alerts, alerts and alerts "),
    (lambda t: hosts_in_words(Case.model_validate(_api(t))), "customers run a b c d e f on its own own premises "),
])
def test_the_changed_readings_read_long_text_in_linear_time(reading: Any, unit: str) -> None:
    """100 kB of each: 0.16 s at most (time limits), under 3 s allowed on a loaded machine."""
    import time

    text = (unit * (100_000 // len(unit) + 1))[:100_000]
    started = time.perf_counter()
    reading(text)
    assert time.perf_counter() - started < 3.0
# ------------------------------------------------------------------ the users' traffic kept from the developer (CG431)

SOUND_TRAFFIC = [
    "We do not train our models on your business data by default",
    "Zero data retention: inputs and outputs are not stored after the response is returned",
    "Prompts and outputs are retained for up to 30 days to identify abuse, then deleted",
    "Acme does not train generative models on your conversations",
    "Inputs and outputs flagged by our classifiers may be reviewed by our trust and safety team",
    "Customer content is not shared with third parties except our subprocessors",
    "Your prompts are never shared with advertisers",
    "Prompts are never shared with Google",
    "Customer data stays in the EU region",
    "Conversations are encrypted in transit and at rest",
    "Logs are stored in the data centre for 30 days",
    "the training cluster is air-gapped",
    "The weights never leave the appliance",
    "Prompts leave the customer's site only when flagged for Acme's review",
    "Requests are logged on the customer's appliance and uploaded to Acme nightly",
    "No prompts leave the customer's site except those the classifiers flag, which go to Acme's trust team",
    "Acme does not retain prompts",
    "we do not store prompts",
    "zero data retention is available to enterprise customers",
    "customer data never leaves the EU region",
    "prompts are not used for training",
    "data stays in your tenant",
    "customers can self-host their RAG indexes on their own servers",
    "hospitals' own sites connect to the API over a private link",
    "telemetry is sent to Acme for abuse monitoring",
    "our on-call staff work from our sites",
    "Your data never leaves your Azure tenant",
    "API requests stay within the customer's VPC via PrivateLink",
    "Prompts are never sent to third parties; the model runs in Acme's cloud",
    pytest.param("the model is served from Acme's data centres; customer logs stay on their premises",
                 id="mended-served-by-acme-logs-stay"),
    pytest.param("Customer data remains on customer premises for the on-premises connector; the model runs in "
                 "Acme's cloud", id="mended-connector-data"),
    pytest.param("the model is hosted by Acme. Customer logs never leave the hospital's network", id="mended-hosted-by"),
    pytest.param("Acme's sites are air-gapped from the internet", id="mended-acme-sites-air-gapped"),
    pytest.param("the weights are air-gapped at our sites", id="mended-our-sites-air-gapped"),
    pytest.param("Paid API access; the model's outputs can be stored on customer premises", id="mended-outputs-stored"),
    pytest.param("customer data is held in the customer's own data centre for retrieval", id="mended-data-held"),
    pytest.param("Customer prompts stay in the customer's own network until sent to Acme over TLS",
                 id="mended-stay-until-sent"),
]
KEPT_TRAFFIC = [
    "by contract no prompts or telemetry leave the customer's site",
    "Prompts and completions stay on the customer's premises",
    "No prompts, completions or logs are sent to Acme",
    "Acme never sees the customers' prompts",
    "customer data never leaves the customer's own data centre",
    "the appliance sends no telemetry to Acme",
    "we have no access to prompts or outputs",
    "air-gapped sites receive updates on hand-carried media",
    "the model runs on the agency's air-gapped network",
    "some sites are air-gapped",
    "no usage data is shared with us",
    "Prompts are held only on the customer's appliance",
    "customer data is stored solely on the customer's premises",
    "logs remain on the customer's premises",
    "The Directorate's sites are air-gapped",
    "air-gapped sites at our customers take updates by hand",
    "Prompts stay on the customer's premises; Acme's own offices are air-gapped",
    # served by Acme in words, yet the model put at each customer's site: the traffic stays there
    "The model is served from Acme's data centres. Tern-1 runs on an appliance in each customer's own data "
    "centre; no prompts leave the customer's site",
    "Tern-1 runs on appliances installed at customer sites, served by Acme appliances; prompts stay on site",
    "no prompts are sent to Acme; the model runs in Acme's cloud",
    "the model is hosted by Acme Security. No prompts leave the customer's premises",
    "By contract no prompts or telemetry leave the customer's site and none is sent to Acme",
    "Prompts stay on the customer's premises until sent to Google for translation",
]


def _kept(words: str) -> Case:
    doc = base_doc()
    doc["boundary"]["description"] = words
    return Case.model_validate(doc)


@pytest.mark.parametrize("words", SOUND_TRAFFIC)
def test_traffic_that_reaches_the_developer_is_not_read_as_kept_from_it(words: str) -> None:
    assert traffic_kept_in_words(_kept(words), ["acme-labs"]) is None


@pytest.mark.parametrize("words", KEPT_TRAFFIC)
def test_traffic_kept_from_the_developer_is_caught(words: str) -> None:
    assert traffic_kept_in_words(_kept(words), ["acme-labs"]) is not None


@pytest.mark.parametrize(("layer", "title", "outside"), [
    ("monitoring", "Acme's abuse monitoring with account bans", True),
    ("logging", "Audit logging of every request, reviewed by Acme's trust team", True),
    ("monitoring", None, True),
    ("monitoring", "Abuse monitor inside the appliance, halting a flagged session", False),
    ("monitoring", "On-premises usage monitor on each appliance", False),
    ("logging", "Request log kept locally on the appliance", False),
    ("classifier", "Acme's input and output classifiers", False),
    ("monitoring", "Abuse monitor on the appliance, flagged conversations reviewed by Acme's trust and safety team", True),
    ("monitoring", "Abuse monitor on the appliance, accounts banned on a flag", True),
    ("monitoring", "Monitor inside the appliance, flags sent to Acme's on-call analysts", True),
    ("monitoring", "On-site monitor halting flagged sessions, flags reviewed by the customer's security team", False),
    pytest.param("monitoring", "Abuse monitor on the appliance, flags reviewed by the bank's own security team", False,
                 id="mended-banks-team"),
    pytest.param("monitoring", "Abuse monitor on the appliance, flags reviewed by the hospital's security team", False,
                 id="mended-hospitals-team"),
    pytest.param("monitoring", "On-premises monitor, flagged sessions reviewed by their own security team", False,
                 id="mended-their-own-team"),
    pytest.param("monitoring", "Monitor inside the appliance; the customer's administrators suspend accounts it flags",
                 False, id="mended-customers-admins-suspend"),
    ("monitoring", "Local monitor, accounts suspended by the customer's administrators", False),
    ("monitoring", "Usage monitor running locally on each appliance", False),
    ("monitoring", "On-device monitor blocking flagged requests", False),
    ("logging", "Audit log kept on the appliance for the customer's security team", False),
    ("monitoring", "Monitor on each site's appliance, flags read by the site's duty officer", False),
    ("monitoring", "Acme's cloud abuse monitoring", True),
    ("monitoring", "Abuse monitor on the appliance, flags escalated to Acme's trust and safety team", True),
    ("monitoring", "Monitor in the customer's data centre, flags forwarded to Acme", True),
    ("monitoring", "Abuse monitoring by Acme's safety team", True),
    ("logging", "Logging of every request to Acme's SIEM", True),
    ("monitoring", "Local monitor, accounts suspended by Acme", True),
    ("monitoring", "Monitor on the appliance, flags reviewed by Acme analysts", True),
    ("monitoring", "Monitor inside the appliance; Acme's administrators suspend accounts it flags", True),
    ("monitoring", "On-site monitor; accounts are suspended on a flag", True),
])
def test_a_monitor_is_read_as_watching_from_outside_unless_its_title_puts_it_on_the_site(
        layer: str, title: str | None, outside: bool) -> None:
    sg = Safeguard.model_validate({"layer": layer, "title": title, "blocks": []})
    assert watches_from_outside(sg) is outside


def test_traffic_kept_is_read_in_linear_time() -> None:
    """Each 0.2 s or less on an idle machine (docs/security.md); bounded here as the other readings are."""
    import time

    for unit in ("no prompts or prompts or ", "prompts are never sent to the ", "Acme never sees no ",
                 "air-gapped air-gapped ", "customer's customer's ", "prompts, ", "sends logs logs ",
                 "telemetry is sent sent ", "Acme's sites air-gapped ", "our our sites air-gapped ",
                 "served from Acme's ", "hosted by Acme Acme ", "logs stay on the customer's premises; served by Acme ",
                 "Acme collects Acme receives ", "logs shipped shipped ", "held only held only ",
                 "logs stay on site until sent to until sent to "):
        text = (unit * (100_000 // len(unit) + 1))[:100_000]
        started = time.perf_counter()
        traffic_kept_in_words(_kept(text), ["acme-labs"])
        assert time.perf_counter() - started < 3.0, unit
        case = _kept("Tern-1 runs on an appliance in each customer's own data centre. " + text)
        started = time.perf_counter()
        traffic_unsent_in_words(case, ["acme-labs"])
        assert time.perf_counter() - started < 3.0, unit


SENT_TO_THE_DEVELOPER = [
    "The appliance uploads flagged prompts to Acme hourly",
    "telemetry is streamed to Acme's security operations",
    "usage logs are sent to Acme daily",
    "Prompts leave the customer's site only when flagged for Acme's review",
    "telemetry is sent to Acme for abuse monitoring",
    "The appliance forwards flagged conversations to Acme's trust and safety team",
    "usage reports are uploaded to us weekly",
    "conversation logs go to Acme for review",
    "Flagged prompts are reported to Acme",
    "Telemetry, including flagged prompts, is sent back to Acme",
    "Each appliance streams its logs to Acme's SOC",
    pytest.param("Acme receives the appliances' telemetry daily", id="mended-acme-receives"),
    pytest.param("Acme collects usage logs from each appliance", id="mended-acme-collects"),
    pytest.param("Logs are shipped to Acme nightly", id="mended-logs-shipped"),
    pytest.param("usage logs are exported to Acme's SIEM hourly", id="mended-logs-exported"),
    pytest.param("prompts stay in the customer's own network until sent to Acme over TLS", id="mended-until-sent"),
]
SENT_NOWHERE = [
    "Sites receive signed updates over the appliance's update channel",
    "usage logs are never sent to Acme",
    "the appliance sends usage reports to the customer's own security team",
    "prompts are shared with Google for translation",
    "No prompts are sent to Acme, but usage counts are",
    "usage logs are sent to the customer's SIEM, never to Acme",
    "Acme never receives prompts or logs",
    "Acme collects no telemetry",
    "the customer's security team collects the usage logs",
    "logs are shipped to Google for storage",
    "Acme receives only licence renewals",
    "we do not store prompts",
    "data stays in your tenant",
    "our on-call staff work from our sites",
]
SENT_TO_THE_DEVELOPER += [
    "The appliance phones home to Acme",
    "The appliance phones home to Acme daily with usage logs",
    "Each appliance phones home hourly",
]
SENT_NOWHERE += [
    "The appliance never phones home",
    "The appliance does not phone home",
    "The appliance phones home to the customer's own SIEM",
    "The appliance phones home to Google",
]
ON_SITE = "Tern-1 runs on an Acme appliance installed in each customer's own data centre. "


@pytest.mark.parametrize("words", SENT_TO_THE_DEVELOPER)
def test_traffic_sent_to_the_developer_from_a_customers_site_is_read(words: str) -> None:
    assert traffic_unsent_in_words(_kept(ON_SITE + words), ["acme-labs"]) is None


@pytest.mark.parametrize("words", SENT_NOWHERE)
def test_a_model_at_customers_sites_with_no_traffic_sent_is_caught(words: str) -> None:
    assert traffic_unsent_in_words(_kept(ON_SITE + words), ["acme-labs"]) is not None


# ------------------------------------------------------------------ tools users pick themselves (CG433)

SOUND_INSTALLED = [
    "users install the Acme app on iOS or Android",
    "available in the App Store and Google Play",
    "Download the Acme app from the App Store",
    "there is no plugin store",
    "users cannot install connectors",
    "the assistant has no plugins, connectors or extensions",
    "customers call the API from their own integrations",
    "the data is kept in a store in the EU",
    "the assistant works with the user's calendar and email",
    "a directory of help articles",
    "developers build on the API",
    "Acme's browser extension lets users chat from any page",
    "integrations with Slack and Google Drive are available to Enterprise admins, who choose which are enabled",
    "developers can build plugins for our IDE",
    "install the Acme app from the App Store",
    "calendar integration coming soon",
    "the Acme extension for Chrome is available in the Chrome Web Store",
    "the model is available in the AWS Marketplace and Google Cloud Marketplace",
    "admins can enable SCIM provisioning",
    "add the Slack app to your workspace to chat with the assistant",
    "the app is listed in the Microsoft Store",
    "developers can add the Acme SDK to their apps",
    "the Acme plugin for Figma lets designers generate copy",
    pytest.param("the assistant cannot use plugins, connectors or MCP servers", id="mended-denied-list"),
    pytest.param("the assistant can't use plugins, connectors or MCP servers", id="mended-denied-list-contracted"),
    pytest.param("the model does not support plugins, extensions or MCP servers", id="mended-denied-list-support"),
]

INSTALLED = [
    "users install connectors from the marketplace",
    "Users can add apps, plugins and integrations from the Acme directory",
    "the assistant supports MCP servers",
    "the assistant with its connector marketplace",
    "users can add plugins written by other developers",
    "users connect their Gmail and GitHub connectors",
    "browse the plugin store",
    "the directory of apps and tools",
    "users can enable extensions",
    "Claude can use remote MCP servers that users add",
    "users can install any connector from the directory",
    "Pro users can add custom connectors by URL",
    "users can connect any remote MCP server",
    "the assistant can use third-party plugins users install from the plugin store",
    "users may install community extensions",
    "users add tools from the Acme tool store",
    "add your own integrations",
    "a marketplace of apps built by other developers",
    "Acme does not vet plugins, connectors or MCP servers users add",
    "we don't review plugins, connectors or MCP servers that users install",
    "Acme does not review the plugins, connectors, or MCP servers",
    "the assistant cannot use plugins, but users can add MCP servers",
]


@pytest.mark.parametrize("words", SOUND_INSTALLED)
def test_words_adding_no_tools_of_the_users_are_not_read_as_adding_them(words: str) -> None:
    assert tools_users_install_in_words(_description(words)) is None


@pytest.mark.parametrize("words", INSTALLED)
def test_tools_users_pick_themselves_are_read(words: str) -> None:
    assert tools_users_install_in_words(_description(words)) is not None
@pytest.mark.parametrize("words", [
    "Paid API access from Acme's own data centres",
    pytest.param("The model is hosted in Acme's data centres and accessed from hospital sites over a private link",
                 id="mended-accessed-from-sites"),
    pytest.param("The model is served from Acme's data centres to customers' sites over a private link",
                 id="mended-served-to-sites"),
    pytest.param("Paid API access; the model's outputs can be stored on customer premises", id="mended-outputs-stored"),
    "hospitals' own sites connect to the API over a private link",
    "Banks call the model from their own data centres",
])
def test_a_model_served_by_the_developer_sends_nothing_to_be_read(words: str) -> None:
    assert traffic_unsent_in_words(_kept(words), ["acme-labs"]) is None


def test_the_mended_tool_confirmation_and_cohort_readings_read_in_linear_time() -> None:
    """Each 0.3 s or less on an idle machine (docs/security.md); bounded here as the other readings are."""
    import time

    for unit in ("cannot use plugins, connectors or ", "plugins plugins or ", "no connectors, ", "or MCP servers ",
                 "users are always allowed to ", "always allowed always allow ", "'always allow' cannot be ",
                 "existing API customers, ", "selected by selected by ", "every customer of the Acme API, "):
        text = (unit * (100_000 // len(unit) + 1))[:100_000]
        described, trusted = _description(text), Case.model_validate(_trusted(users=text))
        for read, case in ((tools_users_install_in_words, described), (confirmation_off_in_words, described),
                           (wider_release_in_words, trusted)):
            started = time.perf_counter()
            read(case)
            assert time.perf_counter() - started < 3.0, unit
    # a list a denial names going on in the next clause, each of its many matches tested once
    listed = _description("the assistant cannot use plugins, " + ("MCP servers or " * 7000)[:100_000])
    started = time.perf_counter()
    assert tools_users_install_in_words(listed) is None
    assert time.perf_counter() - started < 3.0


def test_the_readings_closed_on_the_audits_misses_read_in_linear_time() -> None:
    """Each 0.3 s or less on an idle machine (docs/security.md); bounded here as the other readings are."""
    import time

    from casegate.checks._derived import title_time_limited

    def text(unit: str) -> str:
        return (unit * (100_000 // len(unit) + 1))[:100_000]

    readings: list[tuple[Any, tuple[str, ...]]] = [
        (lambda x: vetting_operator(context(_trusted(users="analysts", vetting=x))),
         ("accredited accredited ", "users must be accredited ", "are board-certified are ")),
        (lambda x: _supplier_runs(context(base_doc()), x),
         ("handled by hosting hosting ", "by staff of vendor ", "handled by hosting providers' ")),
        (lambda x: is_confirmation(_safeguard("monitoring", x)),
         ("engineer engineer reviews ", "before it ships before it ")),
        (lambda x: title_time_limited(_safeguard("tool-permissions", "Human review of each order " + x)),
         ("Monday to Monday to ", "Mon-Fri weekends ", "9am to 5pm ")),
        (lambda x: confirmation_off_in_words(_description("A technician reviews each protocol. " + x)),
         ("Mon-Fri weekends, ", "am pm am pm ", "Monday to Friday, not ")),
        (lambda x: consumer_in_words(Case.model_validate(_api(x))),
         ("build and the public ", "build and the public uses ")),
        (lambda x: hosts_in_words(_named(x)), ("Tern-1 Tern-1 ", "Tern-1 is installed at customer ")),
        (lambda x: traffic_unsent_in_words(_kept(ON_SITE + x), ["acme-labs"]),
         ("phones home phones home ", "phones home to to ")),
        (lambda x: traffic_kept_in_words(_kept(x), ["acme-labs"]), ("phones home to to ", "telemetry never phones ")),
    ]
    for read, units in readings:
        for unit in units:
            words = text(unit)
            started = time.perf_counter()
            read(words)
            assert time.perf_counter() - started < 3.0, unit


# ------------------------------------------------------------------ a safeguard users turn off (CG437)

_SISKIN = Path(__file__).resolve().parents[1] / "fixtures" / "rt_settings" / "siskin" / "case.yaml"
_CONTENT_MONITOR = "Abuse monitoring of the Acme API, flagged conversations reviewed by the trust and safety team"


def _siskin(words: str, sid: str, title: str | None = None) -> str | None:
    """`turned_down_in_words` of Siskin-1's safeguard `sid` (its title `title`, where given) under the
    boundary's words `words`."""
    from casegate.load import load_case

    loaded = load_case(_SISKIN)
    assert loaded.case is not None and loaded.policy is not None and loaded.case.boundary is not None
    sg = loaded.case.safeguards[sid]
    sgs = {**loaded.case.safeguards, sid: sg.model_copy(update={"title": title})} if title else loaded.case.safeguards
    case = loaded.case.model_copy(update={"boundary": loaded.case.boundary.model_copy(update={"description": words}),
                                          "safeguards": sgs})
    return turned_down_in_words(case, loaded.policy, case.safeguards[sid])


SOUND_TURN_DOWN = [  # (words, the safeguard, its title where changed)
    ("Per request, `safety_settings` sets the threshold for each harm category: block none, block only high, block "
     "medium and above or block low and above. The cyber offense and CBRN categories cannot be set below block "
     "medium and above.", "SG-cbrn-classifier", None),
    ("Developers can adjust safety settings for harassment, hate speech and sexually explicit content, down to "
     "BLOCK_NONE; the dangerous content filters for CBRN and cyber offense are fixed.", "SG-cyber-classifier", None),
    ("Each category except CBRN and cyber offense can be set to block none.", "SG-cbrn-classifier", None),
    ("Safety filters cannot be turned off.", "SG-cbrn-classifier", None),
    ("The CBRN and cyber offense thresholds are fixed; other categories' thresholds can be set to OFF.",
     "SG-cbrn-classifier", None),
    ("Classifier screening is not optional for the cyber offense and CBRN categories; other filters are optional.",
     "SG-cyber-classifier", None),
    ("The classifiers cannot be disabled or set to block none by developers.", "SG-cyber-classifier", None),
    ("Developers write the system prompt of their own apps.", "SG-refusal", None),
    ("System prompts cannot override the model's refusals of CBRN and cyber offense requests.", "SG-refusal", None),
    ("Developers may relax refusals for medical and security-research apps; refusals of CBRN and cyber offense "
     "requests cannot be overridden by any system prompt.", "SG-refusal", None),
    ("We do not train our models on API data. Zero data retention is available to enterprise customers; the "
     "classifiers still screen each request, and abuse monitoring reads each account's flag counts.",
     "SG-monitoring", None),
    ("Under zero data retention, prompts flagged by the classifiers are kept for 30 days for abuse review.",
     "SG-monitoring", _CONTENT_MONITOR),
    ("Acme does not retain prompts beyond 30 days.", "SG-monitoring", _CONTENT_MONITOR),
    ("No prompts, completions or logs are sent to Acme's competitors.", "SG-monitoring", _CONTENT_MONITOR),
    ("There is no data store outside the EU region.", "SG-monitoring", _CONTENT_MONITOR),
    ("Prompts and outputs are retained for up to 30 days to identify abuse, then deleted.", "SG-monitoring",
     _CONTENT_MONITOR),
    ("Every account's traffic is subject to abuse monitoring; no customer is exempt from abuse monitoring.",
     "SG-monitoring", None),
    # worded as API references, usage policies and trust-and-safety pages word them
    ("Developers can adjust the harassment and profanity filters; the CBRN and cyber filters cannot be changed.",
     "SG-cbrn-classifier", None),
    ("Safety settings default to block medium and above; settings for CBRN content cannot be lowered below that.",
     "SG-cbrn-classifier", None),
    ("Users can turn off personalised ads, memory and chat history.", "SG-cbrn-classifier", None),
    ("Enterprise admins can disable web search for their organisation.", "SG-refusal", None),
    ("Customers can opt out of training on their data.", "SG-monitoring", _CONTENT_MONITOR),
    ("Zero data retention: prompts are not stored after the response is returned; our classifiers still screen "
     "every request in real time.", "SG-cbrn-classifier", None),
    ("Zero data retention: prompts are not stored after the response is returned; our classifiers still screen "
     "every request in real time.", "SG-monitoring", None),
    ("System prompts can customise tone and persona but cannot override our usage policies.", "SG-refusal", None),
    ("Safe search can be turned off by adult users.", "SG-cbrn-classifier", None),
    ("You can disable streaming.", "SG-cyber-classifier", None),
    ("Logging can be turned off for the playground.", "SG-monitoring", None),
    ("We never turn off abuse monitoring.", "SG-monitoring", _CONTENT_MONITOR),
    ("Developers cannot opt out of abuse monitoring; zero-data-retention traffic remains subject to it.",
     "SG-monitoring", None),
    ("There is no unrestricted mode.", "SG-refusal", None),
    ("Developer mode lets you connect MCP servers and view raw request logs.", "SG-refusal", None),
    # false alarms, mended: a denial inside the words (`refusals cannot be overridden`)
    ("The model's refusals cannot be overridden.", "SG-refusal", None),
    ("Guardrails can't be lifted by any system prompt.", "SG-refusal", None),
    ("Refusals are never relaxed for any customer.", "SG-refusal", None),
    ("Thresholds can never be off for the categories in scope.", "SG-cbrn-classifier", None),
    ("Abuse monitoring cannot be turned off.", "SG-monitoring", None),
    # a mode denied after it
    ("Unrestricted mode does not exist.", "SG-refusal", None),
    # a filter of a category outside the domains in scope
    ("Developers can turn off the profanity filter in the playground.", "SG-cbrn-classifier", None),
    ("The harassment and hate speech categories can be switched off per request.", "SG-cyber-classifier", None),
    # the domains' categories kept in a sentence of their own
    ("Users can switch off the content filter for mature themes in fiction; the CBRN and cyber classifiers always "
     "apply.", "SG-cbrn-classifier", None),
    ("The harm category settings can be set to block none for harassment only; CBRN and cyber offense stay at block "
     "medium and above.", "SG-cyber-classifier", None),
    # only the user's own history not kept, and review of feedback, not of traffic
    ("Temporary chats are not used for training and are not saved to your history.", "SG-monitoring",
     _CONTENT_MONITOR),
    ("Customers can opt out of human review of their feedback submissions.", "SG-monitoring", None),
]
TURNED_DOWN = [
    ("Every harm category, cyber offense and CBRN among them, can be set to block none.", "SG-cbrn-classifier", None),
    ("Developers may set any category to block none.", "SG-cyber-classifier", None),
    ("Developers can turn the safety filters off per request.", "SG-cbrn-classifier", None),
    ("Enterprise customers may disable the CBRN classifier for approved research.", "SG-cbrn-classifier", None),
    ("Developers can enable unrestricted mode for approved use cases.", "SG-refusal", None),
    ("A developer's system prompt can override the model's refusals.", "SG-refusal", None),
    ("Each category's threshold can be OFF, BLOCK_ONLY_HIGH, BLOCK_MEDIUM_AND_ABOVE or BLOCK_LOW_AND_ABOVE.",
     "SG-cbrn-classifier", None),
    ("Safety filters are optional for enterprise customers.", "SG-cbrn-classifier", None),
    ("Enterprise customers may request modified content filtering, including no filtering.", "SG-cyber-classifier",
     None),
    ("Abuse monitoring does not apply to zero-data-retention traffic.", "SG-monitoring", None),
    ("Enterprise customers under zero data retention are exempt from abuse monitoring.", "SG-monitoring", None),
    ("Acme keeps none of their prompts or outputs, so abuse monitoring cannot review their traffic.", "SG-monitoring",
     None),
    ("Under a zero-data-retention agreement their prompts and outputs are not logged.", "SG-monitoring",
     _CONTENT_MONITOR),
    ("Zero data retention: inputs and outputs are not stored after the response is returned.", "SG-monitoring",
     _CONTENT_MONITOR),
    # worded as API references, usage policies and trust-and-safety pages word them
    ("Developers can turn off the CBRN filter for approved research.", "SG-cbrn-classifier", None),
    ("Enterprise admins can disable the content classifiers for their organisation.", "SG-cbrn-classifier", None),
    ("Safety settings default to block medium and above; developers can lower any category to block none.",
     "SG-cbrn-classifier", None),
    ("Developers can adjust the harassment and profanity filters, and the CBRN and cyber filters can be set to block "
     "none.", "SG-cyber-classifier", None),
    ("Developers can disable moderation per request.", "SG-cbrn-classifier", None),
    ("Customers can opt out of content filtering.", "SG-cyber-classifier", None),
    ("Zero data retention: prompts are not stored after the response is returned.", "SG-monitoring",
     _CONTENT_MONITOR),
    ("Zero data retention customers can opt out of abuse monitoring.", "SG-monitoring", None),
    ("Customers on the enterprise tier can opt out of human review of their prompts.", "SG-monitoring", None),
    ("System prompts can customise tone and persona and can override the model's refusals.", "SG-refusal", None),
    ("Approved developers can turn off refusals for security research.", "SG-refusal", None),
    ("Developers can disable guardrails for trusted use cases.", "SG-refusal", None),
    # abuse monitoring itself turned off, and refusals lifted, relaxed or unlocked (missed before)
    ("Enterprise customers can turn off abuse monitoring.", "SG-monitoring", None),
    ("Developers can turn abuse monitoring off.", "SG-monitoring", None),
    ("Abuse monitoring can be disabled for enterprise accounts.", "SG-monitoring", None),
    ("Abuse monitoring is optional for enterprise customers.", "SG-monitoring", None),
    ("Guardrails can be lifted for approved research partners.", "SG-refusal", None),
    ("Refusals can be relaxed by a developer's system prompt.", "SG-refusal", None),
    ("Developers can unlock refusals for red-team accounts.", "SG-refusal", None),
    ("Developers can turn the model's safety behaviours off.", "SG-refusal", None),
    ("Jailbroken mode is available to partners.", "SG-refusal", None),
    ("Thresholds can be set to none.", "SG-cbrn-classifier", None),
    # the mended readings still catching: a denial of something else, a filter list going on, a floor at none
    ("Unrestricted mode does not exist for most users, only for partners.", "SG-refusal", None),
    ("Developers can turn off the profanity filter and the classifiers.", "SG-cbrn-classifier", None),
    ("The profanity and weapons filters can be turned off.", "SG-cbrn-classifier", None),
    ("Developers can set harassment to block none; CBRN and cyber offense stay at block none.", "SG-cbrn-classifier",
     None),
    ("Temporary chats are not saved to your history or anywhere else.", "SG-monitoring", _CONTENT_MONITOR),
]


@pytest.mark.parametrize(("words", "sid", "title"), SOUND_TURN_DOWN)
def test_a_safeguard_kept_on_is_not_read_as_turned_off(words: str, sid: str, title: str | None) -> None:
    assert _siskin(words, sid, title) is None


@pytest.mark.parametrize(("words", "sid", "title"), TURNED_DOWN)
def test_a_safeguard_users_turn_off_is_caught(words: str, sid: str, title: str | None) -> None:
    assert _siskin(words, sid, title) is not None


def test_the_turn_down_reading_reads_in_linear_time() -> None:
    """0.3 s or less on an idle machine (docs/security.md); bounded here as the other readings are."""
    import time

    for unit in ("block none block ", "turn the filters ", "overrides overrides ", "monitoring cannot ",
                 "not stored not ", "exempt from from ", "cbrn cannot be set ", "refusals can can ",
                 "unrestricted mode does not exist ", "profanity filter filter ", "turn off abuse ",
                 "monitoring can be can ", "not saved to your history ", "opt out of review of ",
                 "stays at stays at ", "turn turn the guardrails "):
        text = (unit * (100_000 // len(unit) + 1))[:100_000]
        for sid in ("SG-cbrn-classifier", "SG-refusal", "SG-monitoring"):
            started = time.perf_counter()
            _siskin(text, sid, _CONTENT_MONITOR if sid == "SG-monitoring" else None)
            assert time.perf_counter() - started < 3.0, unit
    # each denial of keeping tested once for words keeping some that stand only at the end
    started = time.perf_counter()
    assert _siskin(("not stored " * 9100)[:99_990] + " except", "SG-monitoring", _CONTENT_MONITOR) is None
    assert time.perf_counter() - started < 3.0


# ------------------------------------------------------------------ incidents denied in the case's words (CG438)

SOUND_INCIDENTS = [
    # system cards' and usage policies' incident wording: a process, a limited period or kind, a condition
    "Incidents are reported to the AI Office within the deadlines of Measure 9.3",
    "Serious incidents are escalated to the RSO within 24 hours and reported to regulators as required",
    "No further incidents have been reported since the classifiers were retrained",
    "No incidents other than incident-10 have been recorded against the model",
    "No new incidents were observed in the 30 days after the retraining",
    "If no serious incidents are reported within 90 days, the rate limit is raised",
    "The case is re-evaluated unless no incidents have been recorded by the review date",
    "There have been no incidents involving weight theft",
    "We recorded no incidents of model weight exfiltration",
    "No incident goes unreported: every flag is triaged by the on-call",
    "Acme tracks incidents, near misses and user reports in one queue",
    "no repeat incidents were seen after the accounts were banned",
    "No additional incidents were identified in the follow-up review",
    "Apart from the split-exploit misuse, no incidents have been recorded",
    "Our incident response plan has been exercised twice with no gaps found",
    "Reports of incidents from users go to safety@acme.example",
    "We will publish incident statistics quarterly",
    "zero-day vulnerabilities found in testing are reported to vendors",
    "the red team found no bypasses of the classifiers",
    "Besides the one incident recorded in November, there have been no serious incidents",
]

INCIDENTS_DENIED = [
    "No serious incidents have been reported",
    "Linnet-1 has had no serious incidents since launch.",
    "There have been no incidents.",
    "Acme has recorded no safety incidents with this model",
    "The model has been incident-free since its release",
    "We observed zero incidents during deployment",
    "no incidents were reported by deployers or users",
    "Linnet-1 has a clean incident record",
    "The deployment has been free of serious incidents",
    "There were no reportable incidents in the first month",
    "No critical safety incidents have occurred.",
    "Acme experienced no misuse incidents",
    "No incidents have yet been identified",
    "It has seen no security incidents since the public release",
    "Since launch, no serious incidents have been recorded.",
]


def _said(words: str) -> Case:
    doc = base_doc()
    doc["system"]["description"] = words
    return Case.model_validate(doc)


@pytest.mark.parametrize("words", SOUND_INCIDENTS)
def test_sound_incident_words_deny_none(words: str) -> None:
    assert incidents_denied_in_words(_said(words)) is None


@pytest.mark.parametrize("words", INCIDENTS_DENIED)
def test_incidents_denied_in_words_are_read(words: str) -> None:
    assert incidents_denied_in_words(_said(words)) == (("system", "description"), words.strip())


SOUND_INCIDENTS_ELSEWHERE = [  # (CG438, a false alarm mended) a setting before deployment, another model, an incident process
    "No incidents of this kind have been observed in other models.",
    "We report incidents within 15 days; none were reported in the previous model's first month.",
    "No serious incident has been recorded since the fix of 12 March.",
    "There were no incidents in the red-team environment.",
    "The incident of 3 May is described in section 4.",
    "No incidents involving third parties.",
    "We had no incident response plan before 2025.",
    "The previous model had no serious incidents in its first year.",
    "No incidents were observed during the staged rollout's internal phase.",
    "There were no incidents during the pre-deployment evaluation.",
    "No incidents were reported during the 2-week beta with trusted testers.",
    "No serious incidents have been reported for other frontier models of this kind.",
    "No incidents were recorded in the sandbox.",
    "We recorded no incidents in testing.",
    "No serious incidents were recorded during the evaluation period.",
    "There has been no incident reporting obligation under SB 53 until now.",
]

INCIDENTS_DENIED_BESIDE = [  # (CG438) the deployed model's own record beside such words, still read
    "There were no incidents in testing or in production.",
    "Unlike other models, Fixture has had no incidents.",
    "There were no incidents during the beta or since general availability.",
    "No serious incidents were reported by users during the pilot.",
    "We have had no incidents, and no incident response plan was needed.",
    "No incidents have been reported during deployment.",
    "Fixture has had no incidents in production.",
    "No serious incidents have been recorded in the six months since launch.",
    "We have observed no incidents across all deployments.",
    "No serious incidents have been reported in any market.",
]


@pytest.mark.parametrize("words", SOUND_INCIDENTS_ELSEWHERE)
def test_a_denial_of_another_setting_or_model_denies_none(words: str) -> None:
    assert incidents_denied_in_words(_said(words)) is None


@pytest.mark.parametrize("words", INCIDENTS_DENIED_BESIDE)
def test_the_deployed_models_denial_beside_them_is_read(words: str) -> None:
    assert incidents_denied_in_words(_said(words)) == (("system", "description"), words.strip())


@pytest.mark.parametrize(("words", "denied"), [
    ("Linnet-0 has had no serious incidents since launch.", False),
    ("We had no incidents to report in Q3 for Linnet-0.", False),
    ("Linnet-1, like Linnet-0, has had no serious incidents since launch.", True),
    ("Linnet-1 has had no serious incidents since launch.", True),
])
def test_another_version_by_the_systems_name_is_another_model(words: str, denied: bool) -> None:
    doc = base_doc()
    doc["system"]["name"] = "Linnet-1"
    doc["system"]["description"] = words
    assert (incidents_denied_in_words(Case.model_validate(doc)) is not None) is denied


@pytest.mark.parametrize("unit", ["no serious incidents, if ", "there have been no no no ", "incident incident free of ",
                                  "No further incidents. ", "has had no serious safety major critical ",
                                  "there were no incidents in the the the ", "no incidents during other other ",
                                  "had no incidents previous model Linnet-0 "])
def test_incidents_denied_in_words_reads_long_text_in_linear_time(unit: str) -> None:
    """100 kB of each: under 0.3 s measured, under 3 s allowed on a loaded machine."""
    import time

    text = (unit * (100_000 // len(unit) + 1))[:100_000]
    started = time.perf_counter()
    incidents_denied_in_words(_said(text))
    assert time.perf_counter() - started < 3.0


# ------------------------------------------------------------------ how many languages the release is in (CG435)


def _languages(description: str) -> Case:
    doc = base_doc()
    doc["boundary"]["description"] = description
    return Case.model_validate(doc)


SOUND_LANGUAGES = [  # no count of languages beyond the list, nor words without bound
    "Available in English, French, German, Japanese and Spanish.",
    "The assistant is not offered in any language other than English.",
    "Claude can understand and respond in many languages, but performance varies; see the list of supported languages.",
    "Responses in languages other than English may be less reliable.",
    "Users may write in their own language; the supported languages are listed on the product page.",
    "The model is not available in all languages.",
    "It supports every programming language our users write, from Python to Rust.",
    "Multilingual performance is measured on the MMMLU benchmark in 14 languages.",
    "The classifiers were red-teamed in 12 languages.",
    "It writes code in all common programming languages.",
    "The model is not, for now, offered in any language but English.",
    "Never, in any language, does the model give protocol help.",
]


LANGUAGES_SAID = [
    ("Curlew-1 is available in 40 languages.", 40),
    ("available in forty languages worldwide", 40),
    ("Supports 95+ languages", 95),
    ("Users write to it in any language and it answers in theirs.", None),
    ("The assistant speaks every language our users speak.", None),
    ("supports all major world languages", None),
    ("The model is used in dozens of languages.", None),
    # a denial in the sentence before denies nothing here (missed before: `no fine-tuning access` denied it)
    ("Paid API access; no fine-tuning access. Curlew-1 answers in any language.", None),
    ("No weights are released. Available in 40 languages.", 40),
    ("No fine-tuning access; supports all major world languages", None),
    # a count past 999, with or without a thousands separator (read as 0, or not at all, before)
    ("Curlew-1 is available in 1,000 languages.", 1000),
    ("The assistant answers in 1000 languages.", 1000),
    ("Available in 1,200+ languages", 1200),
]


@pytest.mark.parametrize("words", SOUND_LANGUAGES)
def test_words_naming_no_languages_beyond_the_list_are_not_read_as_one(words: str) -> None:
    assert languages_in_words(_languages(words)) is None


SOUND_LANGUAGES_AROUND = [  # (CG435, a false alarm mended) a count of what the model was trained or measured on, or of the product around it
    "Supports 12 programming languages.",
    "The tokenizer covers 200 languages.",
    "We evaluated refusal in 40 languages.",
    "Localised UI in 30 languages, the assistant answers in English only.",
    "Fine-tuned on data in 100 languages.",
    "Benchmarks in 14 languages.",
    "Pretraining data spans over 100 languages, with English the largest share.",
    "The model was trained on text in 50 languages.",
    "The classifiers were trained on examples in 20 languages.",
    "The web app interface is localised into 25 languages; the assistant itself is offered in English.",
    "Multilingual evaluation covered 57 languages from the Global-MMLU set.",
    "Refusal rates were measured in 40 languages.",
    "The dataset includes 30 languages.",
    "Documentation is available in 12 languages.",
    "Help centre articles are published in 20 languages.",
    "The app's UI is localised in 30 languages; Fixture answers in English only.",
]

LANGUAGES_SERVED = [  # (CG435) the release's own count beside such words, still read
    ("The model can translate between 40 languages; the assistant is offered in English and Japanese.", 40),
    ("Curlew-1, trained on data in 100 languages, is available in 40 languages.", 40),
    ("The classifiers were red-teamed in 12 languages and the assistant is available in 40 languages.", 40),
    ("Evaluated for refusal in English; offered in 40 languages.", 40),
    ("Red-teamed in 12 languages and available in 40 languages.", 40),  # missed before: the clause ends at `languages`
    ("A chat interface in 40 languages.", 40),
    ("Curlew-1 writes help centre articles in 40 languages.", 40),
    ("The model answers benchmark questions in 40 languages.", 40),
    ("Curlew-1 processes data in 40 languages.", 40),
    ("The app's UI and the assistant are available in 40 languages.", 40),
    ("The app's UI and Fixture are available in 40 languages.", 40),
    ("Launched in 40 languages across 150 countries.", 40),
    ("Now available in 30+ languages.", 30),
    ("The assistant is offered in 40 languages and understands 12 programming languages.", 40),
]


@pytest.mark.parametrize("words", SOUND_LANGUAGES_AROUND)
def test_a_count_of_training_measurement_or_product_languages_is_not_the_releases(words: str) -> None:
    assert languages_in_words(_languages(words)) is None


@pytest.mark.parametrize(("words", "n"), LANGUAGES_SERVED)
def test_the_releases_count_beside_them_is_still_read(words: str, n: int) -> None:
    said = languages_in_words(_languages(words))
    assert said is not None and said[1] == n


@pytest.mark.parametrize(("words", "n"), LANGUAGES_SAID)
def test_a_release_in_many_languages_in_words_is_read(words: str, n: int | None) -> None:
    said = languages_in_words(_languages(words))
    assert said is not None and said[1] == n


def test_the_languages_reading_reads_in_linear_time() -> None:
    """0.3 s or less on an idle machine; bounded here as the other readings are."""
    import time

    for unit in ("in any of the ", "in 40 ", "languages ", "not in any language other than ", "40 major languages, ",
                 "UI and UI 40 languages ", "trained on data tokenizer ", "help centre 4 languages ", "interface, "):
        text = (unit * (100_000 // len(unit) + 1))[:100_000]
        case = _languages(text)
        started = time.perf_counter()
        languages_in_words(case)
        assert time.perf_counter() - started < 3.0, unit


# ------------------------------------------------------------------ the readings widened by the second audit, read against sound wording

SOUND_CREDENTIAL_WORDS = [  # (CG425) the lab checks the credential, or no credential is named
    "access is limited to accredited institutions, and Acme verifies each institution's accreditation",
    "accredited laboratories only; Acme's trust team checks each laboratory's accreditation before access",
    "board-certified physicians only, each licence checked by Acme's credentialing team",
    "identity verification and a use-case review by Acme's trust team; the model is licensed under Apache 2.0",
    "licensed under Apache 2.0; each applicant is reviewed by Acme's access committee",
    "our SOC 2 report is maintained by our compliance team; each user is reviewed by Acme's trust team",
    "certificates are managed by AWS Certificate Manager; each user is reviewed by Acme's trust team",
    "Acme verifies each user's identity; our ISO 27001 certification is maintained by our security team",
    "each organisation is vetted by Acme; support is handled by our customer success team",
    "users are certified by Acme after training and a use-case review",
    "only accredited researchers, whose accreditation Acme verifies",
    pytest.param("chartered institutions only, each charter confirmed by Acme's partnerships team", id="mended-confirmed-by"),
    pytest.param("chartered institutions only; Acme confirms each charter", id="mended-confirms"),
    pytest.param("accredited laboratories only, each accreditation validated by Acme", id="mended-validated-by"),
    pytest.param("accredited laboratories only; accreditation is confirmed by our trust team", id="mended-confirmed-ours"),
    pytest.param("board-certified physicians only; certification confirmed by Acme", id="mended-certification-confirmed"),
]
CREDENTIAL_WORDS = [  # a credential no one the case names checks: its issuer's
    "accredited laboratories only",
    "users must be board-certified",
    "chartered institutions only",
    "ISO 17025 accredited laboratories only",
    "access is limited to accredited institutions",
    "accredited laboratories only, accreditation confirmed against the accrediting body's register",
    "accredited laboratories only; accreditation is confirmed by the accrediting body",
    "chartered institutions only, each charter confirmed on registration",
    "board-certified users only; the model is licensed under Apache 2.0",
    "accredited labs only, validated at sign-up",
]


@pytest.mark.parametrize("words", SOUND_CREDENTIAL_WORDS)
def test_a_credential_the_lab_checks_or_none_named_is_the_labs(words: str) -> None:
    assert vetting_operator(context(_trusted(users="analysts of partner organisations", vetting=words))) is None


@pytest.mark.parametrize("words", CREDENTIAL_WORDS)
def test_a_credential_no_one_named_checks_is_its_issuers(words: str) -> None:
    got = vetting_operator(context(_trusted(users="analysts of partner organisations", vetting=words)))
    assert got is not None and got[0].startswith("the issuer of the "), got


SOUND_SUPPLIED_TITLES = [  # (CG425) the lab's own team after `handled by`, `maintained by`, or something supplied
    "SOC 2 report maintained by our compliance team",
    "Certificates managed by AWS Certificate Manager",
    "Weight security; the vault is administered by Acme's security team",
    "Access control administered by our security team",
    "Key management handled by our infrastructure team",
    "Abuse monitoring staffed by Acme's trust and safety team around the clock",
    "Incident response handled by our on-call engineers",
    "Screening of each order, with sequence databases supplied by NCBI",
    "Hardware security modules supplied by a vendor, keys held by Acme's security team",
    "Red-team testing staffed by Acme employees",
    "Audit logging maintained by our platform team, stored with our hosting provider",
    "Support handled by our customer success team",
]
SUPPLIED_TITLES = [
    "Key management handled by hosting providers",
    "Key management maintained by hosting providers",
    "Access control administered by a third-party provider",
    "Screening supplied by the vendor",
    "Review queue staffed by contractors",
    "Review by staff of the vendors",
    "Monitoring handled by an external provider",
    "Incident response maintained by a managed security provider",
    "Key management handled by cloud providers",
    "Identity verification administered by an outside vendor",
]


@pytest.mark.parametrize("title", SOUND_SUPPLIED_TITLES)
def test_the_labs_own_team_after_handled_by_is_no_supplier(title: str) -> None:
    assert _supplier_runs(context(base_doc()), title) is None


@pytest.mark.parametrize("title", SUPPLIED_TITLES)
def test_a_supplier_after_handled_by_is_still_read(title: str) -> None:
    assert _supplier_runs(context(base_doc()), title) is not None


def _unattended_review(title: str) -> bool:
    doc = base_doc()
    doc["boundary"]["description"] = "The agent runs unattended in customers' CI pipelines"
    sid = next(iter(doc["safeguards"]))
    doc["safeguards"][sid].update(layer="monitoring", title=title)
    return bool(hits("CG428", context(doc)))


SOUND_PROFESSION_REVIEWS = [  # (CG428) a named profession reviewing a record or a release, not each action
    "Engineers review each pull request before merge",
    "A clinician reviews each adverse-event report before it is filed with the regulator",
    "An analyst reviews each incident report before it is published",
    "A moderator reviews each appeal before the account is restored",
    "A doctor reviews each model update before it is released",
    "Engineers review each eval result before release",
    "A nurse reviews each escalation from the triage queue",
    "A physician reviews each model card before it is published",
    "Analysts review each flagged conversation after the fact",
    pytest.param("An engineer reviews each release before it ships", id="mended-release-ships"),
    pytest.param("A supervisor reviews each weekly audit before it is sent", id="mended-audit-sent"),
    pytest.param("An engineer reviews each new version before it is deployed", id="mended-version-deployed"),
]
PROFESSION_REVIEWS = [  # each action waits on it: the unattended runs turn it off
    "An engineer reviews each commit before it is pushed",
    "A pharmacist checks each order before it ships",
    "A nurse approves each dose before it is dispensed",
    "An analyst approves each transaction before it is executed",
    "A supervisor approves each refund before it is issued",
    "An engineer approves each deployment the agent proposes before it runs",
    "A doctor reviews each order before it is placed",
    "A pharmacist reviews each order and its audit before it ships",
    "An engineer reviews each release commit before it is pushed",
    "An engineer reviews each pull request before it is merged",
]


@pytest.mark.parametrize("title", SOUND_PROFESSION_REVIEWS)
def test_a_professions_review_of_a_record_or_release_is_no_confirmation(title: str) -> None:
    assert not _unattended_review(title)


@pytest.mark.parametrize("title", PROFESSION_REVIEWS)
def test_a_professions_review_of_each_action_is_still_turned_off(title: str) -> None:
    assert _unattended_review(title)


SOUND_SPAN_TITLES = [  # (CG428) the whole week, or a span of something other than the review
    "A clinician reviews each recommendation, 24 hours a day, Monday to Sunday",
    "Human review of each order; support is available Monday to Friday, 9am to 5pm",
    "Human approval of each payment; support hours Monday to Friday, 9am to 5pm",
    "A technician reviews every protocol before it runs, 24/7",
    "Human review of each order, around the clock, seven days a week",
    "Human review of each order; escalations answered Mon-Fri 9am to 5pm",
    "Human review of each order, Monday to Friday, and by the on-call reviewer at all other times",
    "Human review of each order, from 12am to 11:59pm every day",
    "Human review of each order, 00:00 to 24:00, Monday to Sunday",
    "Human review of each order; orders submitted at weekends are held until Monday's review",
]
SPAN_TITLES = [
    "Human review of each order, Mon-Fri",
    "Human review of each order, 9am to 5pm",
    "Human approval of each payment, 9am-5pm weekdays",
    "A technician reviews each protocol, Monday to Friday, 8am to 6pm",
    "A pharmacist checks each order before it ships, Mon-Fri",
    "Human review of each order, Monday to Saturday",
    "An engineer reviews each commit before it is pushed, 9am to 5pm UK time",
    "Human review of each order, Monday through Friday",
    "Human review of each order, Monday to Friday",
    "Human approval of each trade, 8am to 8pm",
]
SOUND_SPAN_WORDS = [
    "a clinician reviews each recommendation, 24 hours a day, Monday to Sunday",
    "a technician reviews each protocol before it runs; support is available Monday to Friday, 9am to 5pm",
    "engineers review each pull request before merge; the model's actions in production wait on the user's "
    "confirmation",
    "a pharmacist checks each order before it ships; the pharmacy is open Monday to Friday, 9am to 5pm",
    "a technician reviews each protocol before it runs; the help desk answers calls Mon-Fri",
    "a human approves each trade; markets are open 9:30am to 4pm, Monday to Friday",
    "a technician reviews each protocol before it runs; our office hours are 9am to 5pm",
    "a technician reviews each protocol, around the clock, Monday to Sunday",
    "a nurse approves each dose before it is dispensed; the clinic is staffed Monday to Friday",
    "a technician reviews each protocol; billing enquiries Monday to Friday, 9am to 5pm",
]
SPAN_WORDS = [
    "a technician reviews each protocol, Monday to Friday",
    "a technician reviews each protocol Mon-Fri",
    "a pharmacist checks each order before it ships, Monday to Friday, 9am to 5pm",
    "a human approves each trade from 9am to 5pm",
    "a technician reviews each protocol Monday through Friday",
    "staff review each order 9am-5pm, Monday to Friday",
    "an engineer reviews each commit before it is pushed, Mon-Fri 9am to 6pm",
    "a technician reviews each protocol Monday to Friday, 9am to 5pm",
    "a human approves each payment Monday to Friday",
    "operators approve each command 8am to 6pm",
]


@pytest.mark.parametrize("title", SOUND_SPAN_TITLES)
def test_a_span_not_of_the_review_in_a_title_is_no_finding(title: str) -> None:
    assert not _title_limited(title)


@pytest.mark.parametrize("title", SPAN_TITLES)
def test_a_span_of_the_review_in_a_title_is_still_caught(title: str) -> None:
    assert _title_limited(title)


@pytest.mark.parametrize("words", SOUND_SPAN_WORDS)
def test_a_span_not_of_the_review_in_words_leaves_it_on(words: str) -> None:
    assert confirmation_off_in_words(_description(words)) is None


@pytest.mark.parametrize("words", SPAN_WORDS)
def test_a_span_of_the_review_in_words_is_still_caught(words: str) -> None:
    assert confirmation_off_in_words(_description(words)) is not None


SOUND_BUILT_THEN_PUBLIC = [  # (CG105) after developers build, the public reads the lab's documents or uses their apps
    "Paid API access for developers; the public can read our system card",
    "Developers build on our API, and the public can read our usage policy",
    "Developers build apps with our API and the public can view our transparency report",
    "Customers build their apps and the public reads our model card",
    "Developers build their own products; the public can report abuse through our web form",
    "Developers build assistants and the public can see our status page",
    "Developers build agents, while the public can download our research papers",
    "Developers build on the API, and everyone using their apps agrees to our usage policy",
    "Developers build apps and the public uses those apps",
    "Developers build with the API; the public can access our trust centre",
    pytest.param("Developers build chatbots and consumers use the developers' chatbots", id="mended-developers-chatbots"),
    pytest.param("Customers build support bots and consumers use the customers' chatbots", id="mended-customers-chatbots"),
    pytest.param("Developers build apps and consumers use the developers' mobile apps", id="mended-developers-apps"),
]
BUILT_THEN_PUBLIC = [
    "Customers build their apps and the public uses our chatbot",
    "Developers build on our API and consumers use our mobile app",
    "Developers build apps while anyone can use our free chatbot",
    "Partners build apps, yet consumers access our own chatbot directly",
    "Developers build on the API and the public uses our consumer app",
    "Developers build apps, whereas the public gets our chatbot for free",
    "Developers build chatbots and consumers use their chatbots",
    "Developers build chatbots and consumers use it directly",
    "Developers build chatbots and consumers use the developers' chatbots and our mobile app",
    "Developers build apps and consumers use the Acme chatbot",
]


@pytest.mark.parametrize("words", SOUND_BUILT_THEN_PUBLIC)
def test_the_public_after_developers_build_reading_or_using_theirs_is_api(words: str) -> None:
    assert consumer_in_words(Case.model_validate(_api(words))) is None


@pytest.mark.parametrize("words", BUILT_THEN_PUBLIC)
def test_the_public_using_the_labs_own_product_after_building_is_caught(words: str) -> None:
    assert consumer_in_words(Case.model_validate(_api(words))) is not None


NOT_PUT_AT_SITES = [  # (CG429) something other than the model at customers' sites
    "Updates are delivered to each customer's site by courier",
    "Tern-1 is served from Acme's cloud; hardware tokens are delivered to each customer's site by courier",
    "Tern-1 is served from Acme's data centres; the client app is installed at each customer's site",
    "Tern-1 is served from Acme's cloud; reports are delivered to customer premises weekly",
    "Tern-1 is served from Acme's cloud; training is delivered at customer sites",
    "Tern-1 is served from Acme's cloud; a connector is installed at each customer's own data centre",
    "Tern-1's answers are delivered to each customer's site over TLS",
    "Tern-1 is never installed at customer sites",
    "Tern-1 is served from Acme's cloud; onboarding is delivered on site at customer premises",
    pytest.param("Tern-1 is served from Acme's cloud and its answers are delivered to customer premises",
                 id="mended-its-answers-delivered"),
    pytest.param("Tern-1 is hosted by Acme and its answers are sent to customer premises", id="mended-its-answers-sent"),
    pytest.param("Tern-1 is served from Acme's cloud; Tern-1 support is delivered to customer sites by our field engineers",
                 id="mended-name-support"),
    pytest.param("Tern-1 is served from Acme's cloud; a Tern-1 kiosk client is installed at each customer's site",
                 id="mended-name-kiosk-client"),
    pytest.param("Tern-1 is served from Acme's cloud; the Tern-1 plugin is installed at customer sites",
                 id="mended-name-plugin"),
]
PUT_AT_SITES = [
    ("Tern-1 is installed at each customer's own data centre", "customer s own data centre"),
    ("Tern-1 is delivered to customer premises", "customer premises"),
    ("Tern-1 is shipped to each customer's site on an appliance", "customer s site"),
    ("Tern-1 is also served from each customer's own data centre", "customer s own data centre"),
    ("The model is installed at customer sites by our field engineers", "customer sites"),
    ("Tern-1 is delivered to each customer's own site by courier", "customer s own site"),
    ("the weights are delivered to customer premises", "customer premises"),
    ("Tern-1 is installed on customer premises", "customer premises"),
    ("Tern-1 is shipped to customer sites", "customer sites"),
    ("Tern-1 is served from Acme's cloud and updates are delivered to customer sites", "customer sites"),
    ("Tern-1 and its client app are installed at customer sites", "customer sites"),
    ("Tern-1 serves clients from each customer's own data centre", "customer s own data centre"),
]


@pytest.mark.parametrize("words", NOT_PUT_AT_SITES)
def test_what_is_not_the_model_at_customers_sites_names_no_host(words: str) -> None:
    assert hosts_in_words(_named(words)) is None


@pytest.mark.parametrize(("words", "host"), PUT_AT_SITES)
def test_the_model_put_at_customers_sites_is_still_a_host(words: str, host: str) -> None:
    got = hosts_in_words(_named(words))
    assert got is not None and host in got[1], got


def _unsent(words: str) -> str | None:
    return traffic_unsent_in_words(_kept("Tern-1 runs on an appliance at each customer's own site. " + words),
                                   ["acme-labs"])


HOME_SENDS = [  # (CG431) phoning home with the traffic, or to no stated end: sent
    "The appliance phones home to Acme hourly",
    "Each appliance phones home daily",
    "The appliance phones home daily with usage logs",
    "Each appliance phones home to Acme with flagged prompts",
    "The appliance phones home with telemetry",
    "The appliance phones home with crash reports only",
    "The appliance phones home for updates and with flagged prompts",
    "The appliance phones home to Acme for updates, with usage logs",
    "The appliance phones home for licence checks plus telemetry",
    "The appliance phones home to Acme nightly with each day's logs",
]
HOME_SENDS_NOTHING = [  # phoning home only for updates, a licence or a heartbeat sends none of it
    pytest.param("The installer phones home only to check for updates", id="updates-only"),
    pytest.param("The appliance phones home only for licence checks", id="licence-only"),
    pytest.param("The appliance phones home for updates; no prompts leave the site", id="updates-no-prompts"),
    pytest.param("The appliance phones home only to fetch model updates", id="model-updates"),
    pytest.param("The appliance phones home for licence validation only", id="licence-validation"),
    pytest.param("The appliance phones home with a heartbeat only", id="heartbeat"),
    pytest.param("The appliance phones home to Acme to check its licence", id="to-acme-licence"),
    pytest.param("Nothing phones home", id="nothing"),
    "The appliance never phones home",
    "The appliance does not phone home",
    "The appliance phones home to Google",
    "No component phones home",
]


@pytest.mark.parametrize("words", HOME_SENDS)
def test_phoning_home_with_the_traffic_sends_it(words: str) -> None:
    assert _unsent(words) is None


@pytest.mark.parametrize("words", HOME_SENDS_NOTHING)
def test_phoning_home_for_updates_or_a_licence_sends_none_of_it(words: str) -> None:
    assert _unsent(words) is not None


def test_the_readings_mended_for_false_alarms_read_long_text_in_linear_time() -> None:
    """100 kB of repeated adversarial text through each reading mended here: each under 3 s under
    load (under 0.3 s on an idle machine)."""
    import time

    def text(unit: str) -> str:
        return (unit * (100_000 // len(unit) + 1))[:100_000]

    readings: list[tuple[Any, tuple[str, ...]]] = [
        (lambda x: vetting_operator(context(_trusted(users="analysts", vetting="accredited labs only; " + x))),
         ("confirmed accreditation confirmed ", "charter charter validated ", "Acme confirms ")),
        (lambda x: is_confirmation(_safeguard("monitoring", "An engineer reviews each " + x)),
         ("audit audit release ", "each release each version before it ships ")),
        (lambda x: consumer_in_words(Case.model_validate(_api("Developers build apps and consumers use " + x))),
         ("the developers' chatbots ", "customers' chatbots and ")),
        (lambda x: hosts_in_words(_named("Tern-1 is served from Acme's cloud " + x)),
         ("Tern-1 kiosk Tern-1 support ", "its answers are delivered delivered to ", "answers answers sent to ")),
        (lambda x: _unsent("The appliance phones home " + x),
         ("only to check check for ", "with a a heartbeat ", "phones home nothing phones home ")),
    ]
    for read, units in readings:
        for unit in units:
            words = text(unit)
            started = time.perf_counter()
            read(words)
            assert time.perf_counter() - started < 3.0, unit


# ------------------------------------------------------------------ CG425 and CG426 read soundly


def _maker(title: str) -> str | None:
    from casegate.checks._derived import _tool_maker_runs

    return _tool_maker_runs(context(base_doc()), title)


@pytest.mark.parametrize("title", [
    "Connectors are reviewed by Acme's security team before listing",
    "Developers of connectors must pass Acme's review",
    "The connector's developer is notified of each flagged call",
    "Acme's developer platform team runs the classifier",
    "Connector developers are vetted before listing",
    "Plugin authors are notified when a plugin is delisted",
    "Extension owners receive a report of each blocked call",
    "MCP server publishers must pass Acme security review",
    "Connector developers must be approved by Acme's marketplace team",
    "Each plugin's author gets emailed the classifier's verdicts",
    "Injection classifier on connector output, run by Acme's developer platform team",
])
def test_a_makers_being_told_or_screened_is_not_its_running_the_control(title: str) -> None:
    assert _maker(title) is None


@pytest.mark.parametrize("title", [
    "Each connector's own developer reviews its tool descriptions",
    "Connector developers review each call",
    "Each connector is reviewed by its developer",
    "Plugin authors screen their plugins' outputs",
    "Review by the extension's maintainer",
    "Connector developers are responsible for screening outputs",
    "MCP server publishers run the injection filter",
    "The connector's developer is notified of flagged calls; connector developers block them",
    "Extension owners filter what their extensions return",
    "Each add-on's owner checks its outputs",
])
def test_a_review_by_each_tools_own_maker_is_still_caught(title: str) -> None:
    assert _maker(title) is not None


@pytest.mark.parametrize("title", [
    "SQL injection exploit evaluation", "Fault injection test of the serving stack", "Dependency injection audit",
    "Code injection uplift evaluation", "Log injection red team of the ticketing tool", "Injection-moulding CAD task",
    "LDAP and command injection exploit suite", "Fault-injection chaos drill", "Header injection in the web tier",
    "SQL-injection capture-the-flag set",
])
def test_other_injections_are_no_prompt_injection(title: str) -> None:
    from casegate.checks._derived import _PROMPT_INJECTION

    assert _PROMPT_INJECTION.search(title) is None


@pytest.mark.parametrize("title", [
    "Prompt-injection red team", "Indirect prompt injection through connectors", "Planted injections in web pages",
    "Injected instructions in tool outputs", "Prompt injections hidden in email", "indirect-injection suite (AgentDojo)",
    "SQL injection via prompt injection", "Injections planted in calendar invites", "Injected content in PDFs",
    "PROMPT INJECTION evaluation",
])
def test_a_prompt_injection_test_is_named_one(title: str) -> None:
    from casegate.checks._derived import _PROMPT_INJECTION

    assert _PROMPT_INJECTION.search(title) is not None


def test_the_maker_reading_reads_long_text_in_linear_time() -> None:
    """100 kB of repeated adversarial text through CG425's reading of a tool's maker: under 3 s under
    load (under 0.3 s on an idle machine)."""
    import time

    for unit in ("connector developers are ", "connector's developer is notified ", "plugin authors plugin ",
                 "by its developer is "):
        words = (unit * (100_000 // len(unit) + 1))[:100_000]
        started = time.perf_counter()
        _maker(words)
        assert time.perf_counter() - started < 3.0, unit


# ------------------------------------------------------------------ the readings closed on the audit's further misses, read against sound wording

SOUND_LICENCE_WORDS = [  # (CG425) a licence of something else, or one the lab verifies
    "the model is licensed under Apache 2.0; each user is reviewed by Acme's trust team",
    "each user receives a licensed copy after Acme's trust team reviews the use case",
    "licensed pharmacies only; Acme verifies each pharmacy's licence",
    "licensed users only; each user is reviewed by Acme's trust team",
    "certified users only, each certification checked by Acme's credentialing team",
    "accreditation required; Acme verifies each accreditation against the register",
    "registration required; each user is reviewed by Acme's trust team",
    "our certification required; each applicant is reviewed by Acme's access committee",
]
LICENCE_WORDS = [  # a licence, certification or accreditation no one the case names checks
    "licensed pharmacies only",
    "certified users only",
    "accreditation required",
    "state-licensed dispensaries only",
    "accreditation is required for access",
    "security clearance required",
    "certified laboratories only",
    "licensed clinics and hospitals only",
]


@pytest.mark.parametrize("words", SOUND_LICENCE_WORDS)
def test_a_licence_of_something_else_or_verified_by_the_lab_is_the_labs(words: str) -> None:
    assert vetting_operator(context(_trusted(users="analysts of partner organisations", vetting=words))) is None


@pytest.mark.parametrize("words", LICENCE_WORDS)
def test_a_licence_or_credential_required_is_its_issuers(words: str) -> None:
    got = vetting_operator(context(_trusted(users="analysts of partner organisations", vetting=words)))
    assert got is not None and got[0].startswith("the issuer of the "), got


SOUND_HOURS_TITLES = [  # (CG428) the whole day, or hours of something other than the review
    "Human review of each order, 00:00 to 24:00, Monday to Sunday",
    "Human review of each order, from 12am to 11:59pm every day",
    "Human review of each order; support is available between 9am and 5pm",
    "Human review of each order; support hours 8:00 to 18:00",
    "Human review of each order, Monday to Friday, with weekend cover by the on-call team",
    "Human review of each order before it ships; orders take 1 to 2 days",
]
HOURS_TITLES = [
    "Human review of each order, 8:00 to 18:00",
    "Human review of each order between 9am and 5pm",
    "Human review of each order, from Monday to Saturday",
    "Human review of each order, Monday to Friday; support is available at weekends",
    "A pharmacist checks each order before it ships, 08:30-17:30",
    "Human approval of each payment, between 8 and 6pm",
]
SOUND_HOURS_WORDS = [
    "a technician reviews each protocol; the lab is open between 9am and 5pm",
    "a technician reviews each protocol Monday to Friday, with weekend cover by the on-call technician",
    "a technician reviews each protocol around the clock; support is available 8:00 to 18:00",
    "a technician reviews each protocol 24/7; results take 1 to 2 days",
    "a technician reviews each protocol Monday to Friday, and the on-call technician at weekends",
]
HOURS_WORDS = [
    "a technician reviews each protocol, 8:00 to 18:00",
    "a technician reviews each protocol between 9am and 5pm",
    "a technician reviews each protocol from Monday to Saturday",
    "a technician reviews each protocol Monday to Friday; support is available at weekends",
    "a technician reviews each protocol Monday to Friday; the help desk answers at weekends",
]


@pytest.mark.parametrize("title", SOUND_HOURS_TITLES)
def test_hours_not_of_the_review_in_a_title_are_no_finding(title: str) -> None:
    assert not _title_limited(title)


@pytest.mark.parametrize("title", HOURS_TITLES)
def test_hours_of_the_review_in_a_title_are_caught(title: str) -> None:
    assert _title_limited(title)


@pytest.mark.parametrize("words", SOUND_HOURS_WORDS)
def test_hours_not_of_the_review_in_words_leave_it_on(words: str) -> None:
    assert confirmation_off_in_words(_description(words)) is None


@pytest.mark.parametrize("words", HOURS_WORDS)
def test_hours_of_the_review_in_words_are_caught(words: str) -> None:
    assert confirmation_off_in_words(_description(words)) is not None


SOUND_SHOWN_REVIEWS = [  # (CG428) a record or a release shown, sent or published after the review
    "A supervisor reviews each weekly report before it is sent",
    "An engineer reviews each release before it is published",
    "An analyst reviews each incident report before it is published",
    "A physician reviews each model card before it is shown to regulators",
    "A moderator reviews each announcement before it is posted",
    "A human reviews flagged outputs before they are shown",
    "An engineer reviews each release before it ships",
]
SHOWN_REVIEWS = [  # each answer waits on it
    "A clinician reviews each recommendation before it is shown to the patient",
    "A moderator reviews each post before it is published",
    "A moderator reviews each answer before it is displayed",
    "A pharmacist reviews each reply before it is delivered",
    "A clinician reviews each recommendation and its report before it is shown to the patient",
]


@pytest.mark.parametrize("title", SOUND_SHOWN_REVIEWS)
def test_a_record_shown_after_a_review_leaves_an_unattended_agent_alone(title: str) -> None:
    assert not _unattended_review(title)


@pytest.mark.parametrize("title", SHOWN_REVIEWS)
def test_an_answer_shown_after_a_review_is_turned_off_by_unattended_words(title: str) -> None:
    assert _unattended_review(title)


SOUND_OURS_AFTER_BUILDING = [  # (CG105) after developers build, the public uses theirs or reads ours
    "Developers build apps and the public downloads their apps",
    "Developers build assistants and the public chats with their assistants",
    "Developers build apps and the public chats with the developers' assistants",
    "Developers build apps and the public can download our research papers",
    "Developers build apps and the public can read our usage policy for assistants",
]
OURS_AFTER_BUILDING = [
    "Developers build apps and the public chats with our assistant",
    "Developers build on our API and the public downloads our app",
    "Developers build apps and the public uses our assistant",
    "Partners build agents while anyone can talk to our own assistant",
    "Developers build apps and consumers get our free app",
]


@pytest.mark.parametrize("words", SOUND_OURS_AFTER_BUILDING)
def test_the_public_using_theirs_after_developers_build_is_api(words: str) -> None:
    assert consumer_in_words(Case.model_validate(_api(words))) is None


@pytest.mark.parametrize("words", OURS_AFTER_BUILDING)
def test_the_public_using_our_assistant_or_app_after_building_is_caught(words: str) -> None:
    assert consumer_in_words(Case.model_validate(_api(words))) is not None


HOME_BY_LICENCE = [  # (CG431) a licence's activation, its check or an updater phoning home: no traffic sent
    "Licence activation phones home once",
    "The licence check phones home daily",
    "The updater phones home weekly",
    "Each appliance's licence activation phones home once",
]
HOME_BY_LICENCE_SENDS = [
    "Licence activation phones home once with usage logs",
    "Licence activation phones home once, then the appliance phones home daily",
    "The updater phones home weekly with telemetry",
]


@pytest.mark.parametrize("words", HOME_BY_LICENCE)
def test_a_licences_activation_phoning_home_sends_none(words: str) -> None:
    assert _unsent(words) is not None


@pytest.mark.parametrize("words", HOME_BY_LICENCE_SENDS)
def test_a_licences_activation_phoning_home_with_traffic_sends_it(words: str) -> None:
    assert _unsent(words) is None


def test_the_readings_closed_on_the_further_misses_read_long_text_in_linear_time() -> None:
    """100 kB of repeated adversarial text through each reading changed here: each under 3 s under
    load (under 0.3 s on an idle machine)."""
    import time

    def text(unit: str) -> str:
        return (unit * (100_000 // len(unit) + 1))[:100_000]

    from casegate.checks._derived import title_time_limited

    readings: list[tuple[Any, tuple[str, ...]]] = [
        (lambda x: vetting_operator(context(_trusted(users="analysts", vetting="licensed pharmacies " + x))),
         ("licensed licensed ", "certified certified users ", "accreditation accreditation is is ")),
        (lambda x: title_time_limited(_safeguard("tool-permissions", "Human review of each order " + x)),
         ("8:00 8:00 to ", "between 9 between 9am and ", "Monday to Friday support weekends ", "1:1:1:1 ")),
        (lambda x: confirmation_off_in_words(_description("a technician reviews each protocol " + x)),
         ("8:00 to 18:00 support ", "between 9am and 5pm and ", "from Monday to from ")),
        (lambda x: is_confirmation(_safeguard("monitoring", "A clinician reviews each " + x)),
         ("recommendation before it is shown ", "before it it is is published ")),
        (lambda x: consumer_in_words(Case.model_validate(_api("Developers build apps and the public chats with " + x))),
         ("our our own free ", "the public chats with our ")),
        (lambda x: _unsent("Licence activation phones home " + x),
         ("licence activation licence ", "phones home licence check ")),
    ]
    for read, units in readings:
        for unit in units:
            words = text(unit)
            started = time.perf_counter()
            read(words)
            assert time.perf_counter() - started < 3.0, unit


# ------------------------------------------------------------------ a monitor of the model's reasoning (CG441)

READS_REASONING = [  # titles of safeguards that read the model's reasoning
    "Chain-of-thought monitor reading every raw reasoning trace",
    "CoT monitor on every request",
    "A second model reads the hidden reasoning of each answer",
    "Monitor of the model's thinking tokens",
    "Scratchpad monitor, flagged answers blocked",
    "Reasoning summaries shown to users, harmful plans left out of the summary",
    "Summaries of the model's reasoning shown in place of the raw trace",
    "Chain-of-thought monitor; the classifier's reasoning traces are logged",
    "The classifier reads the model's reasoning traces",
    "Output classifier; its reasoning traces are logged for review",
]
READS_ANSWERS = [  # the answer, the account or the conversation, not the reasoning
    "Output classifiers for exploit and weapons content on every answer",
    "Usage monitoring of the Acme API with account bans within 24 hours",
    "Refusal training against reasoning about exploit chains",
    "Abuse monitoring of conversations, flagged accounts reviewed",
    "Cotton-supply fraud classifier",
    "Summary of flagged conversations sent to the trust and safety team daily",
    "Reasoning benchmark for the output classifier",
    "Legal reasoning evaluation of refusals",
    "The classifier's reasoning is logged",
    "Output classifier; the classifier's reasoning traces are logged for review",
    "Judge's thinking tokens logged beside each verdict",
    "Thought leadership review of the usage policy",
]


@pytest.mark.parametrize("title", READS_REASONING)
def test_a_monitor_of_the_reasoning_is_read_so(title: str) -> None:
    from casegate.checks._derived import reads_reasoning

    assert reads_reasoning(_safeguard("monitoring", title))


@pytest.mark.parametrize("title", READS_ANSWERS)
def test_a_safeguard_reading_answers_is_no_monitor_of_the_reasoning(title: str) -> None:
    from casegate.checks._derived import reads_reasoning

    assert not reads_reasoning(_safeguard("monitoring", title))


DEFAULT_EFFORT = [  # (words, the default they give) as API docs and system cards say it
    ("Grebe-1 reasons at the reasoning effort the request sets (low by default, up to high).", "low"),
    ("The default reasoning effort is medium; developers may raise it to high.", "medium"),
    ("`reasoning_effort` defaults to `low`.", "low"),
    ("Requests run at low effort by default.", "low"),
    ("Paid API access with a sandboxed code-execution tool; no fine-tuning access.", None),
    ("Effort levels are described in the API reference. By default, responses are streamed.", None),
]


@pytest.mark.parametrize(("words", "effort"), DEFAULT_EFFORT)
def test_the_default_effort_is_read_from_the_words(words: str, effort: str | None) -> None:
    from casegate.checks._derived import default_effort

    assert default_effort(context(_api(words))) == effort


REASONING_OFF = [  # a request can have the model answer with no reasoning
    "`reasoning_effort: none|minimal|low|medium|high`, low by default",
    "The reasoning effort can be set to none for latency-sensitive calls.",
    "Reasoning can be turned off per request.",
    "Developers may disable thinking for simple tasks.",
    "The model answers without reasoning when the request asks for speed.",
    "Reasoning effort none is offered for latency-sensitive calls.",
    "There is an option to turn thinking off.",
    "Reasoning cannot be turned off for free users, but developers may disable thinking.",
    "reasoning_effort: none is available on every plan",
    "Thinking is on by default; developers may turn the thinking off.",
]
REASONING_ON = [  # reasoning is always there, or `none` is not an effort
    "Grebe-1 reasons at the reasoning effort the request sets (low by default, up to high).",
    "The reasoning effort is set by Acme: none of the efforts is chosen by developers.",
    "Effort is always at least low; the raw reasoning is never returned.",
    "Developers cannot turn off the reasoning.",
    "Paid API access; no fine-tuning access; none of the weights leave Acme.",
    "Reasoning cannot be turned off.",
    "Extended thinking is on by default and cannot be switched off.",
    "There is no option to turn thinking off.",
    "Reasoning is always on; there is no way to turn the reasoning off.",
    "Grebe-1 always reasons: reasoning effort none is not offered.",
    "`reasoning_effort` accepts low, medium or high; `effort: none` is rejected.",
    "It is not possible to disable thinking on Grebe-1.",
]


@pytest.mark.parametrize("words", REASONING_OFF)
def test_a_request_turning_the_reasoning_off_is_read(words: str) -> None:
    from casegate.checks._derived import reasoning_off_in_words

    assert reasoning_off_in_words(context(_api(words))) is not None


@pytest.mark.parametrize("words", REASONING_ON)
def test_reasoning_always_on_is_not_read_as_off(words: str) -> None:
    from casegate.checks._derived import reasoning_off_in_words

    assert reasoning_off_in_words(context(_api(words))) is None


def test_the_reasoning_readings_read_long_text_in_linear_time() -> None:
    """100 kB of repeated adversarial text through each reading of CG441: each under 3 s under load
    (under 0.3 s on an idle machine)."""
    import time

    from casegate.checks._derived import default_effort, reads_reasoning, reasoning_off_in_words

    def text(unit: str) -> str:
        return (unit * (100_000 // len(unit) + 1))[:100_000]

    readings: list[tuple[Any, tuple[str, ...]]] = [
        (lambda x: reads_reasoning(_safeguard("monitoring", x)),
         ("chain of chain of ", "raw raw reasoning ", "reasoning reasoning ", "the classifier's classifier's reasoning traces ")),
        (lambda x: default_effort(context(_api(x))),
         ("effort effort low ", "effort low by low by ", "default effort default ", "effort defaults defaults ")),
        (lambda x: reasoning_off_in_words(context(_api(x))),
         ("effort: low|low|", "effort effort none of ", "turn off the turn ", "reasoning can be can be ",
          "there is no option to turn thinking off ", "effort none is not is not ")),
    ]
    for read, units in readings:
        for unit in units:
            words = text(unit)
            started = time.perf_counter()
            read(words)
            assert time.perf_counter() - started < 3.0, unit


# ------------------------------------------------------------------ the fourth misses and false alarms

SOUND_OTHER_TURNED_OFF = [  # (CG437) a notification, a delivery mode or a feature turned off, not a safeguard
    ("Email notifications for classifier flags can be turned off.", "SG-cbrn-classifier", None),
    ("The classifiers screen every request and users can turn off streaming.", "SG-cbrn-classifier", None),
    ("Classifier screening is always on; users can turn off dark mode.", "SG-cyber-classifier", None),
    ("Our classifiers screen each request, and users can disable telemetry sharing.", "SG-cbrn-classifier", None),
    ("The content filters apply to every request and customers can opt out of training on their data.",
     "SG-cbrn-classifier", None),
    ("Classifier screening applies to every conversation; users can disable memory and chat history.",
     "SG-cyber-classifier", None),
    ("The moderation classifier checks each output and users can turn off suggestions.", "SG-cbrn-classifier", None),
    ("Email notifications for classifier blocks can be disabled.", "SG-cyber-classifier", None),
    ("Users can turn streaming off; the classifiers screen each request.", "SG-cbrn-classifier", None),
    ("Classifier flags are logged and developers can disable caching.", "SG-cbrn-classifier", None),
    ("Moderation runs on every request and users can switch off web search.", "SG-cyber-classifier", None),
    ("Safety filters apply to every request, and users can turn off voice mode.", "SG-cbrn-classifier", None),
    ("Users can turn off notifications about moderation decisions.", "SG-cbrn-classifier", None),
    ("Classifier screening applies to all traffic; admins can disable third-party plugins and usage analytics.",
     "SG-cbrn-classifier", None),
    ("Alerts for refusals can be turned off.", "SG-refusal", None),
    ("Notifications of refusals can be switched off.", "SG-refusal", None),
    ("Users can turn off the classifier's notifications; the classifier still blocks each flagged request.",
     "SG-cbrn-classifier", None),
    ("The classifier's email alerts can be turned off; the classifiers screen every request.", "SG-cbrn-classifier", None),
    ("Users can turn off the filters' alerts and reminders; the filters screen every request.", "SG-cbrn-classifier", None),
    ("Users can turn off alerts for the content filter; the filter screens every request.", "SG-cbrn-classifier", None),
    ("Users can turn off read receipts and autocomplete; the classifiers screen every request.", "SG-cbrn-classifier", None),
    ("Users can opt out of marketing emails; the classifiers screen every request.", "SG-cbrn-classifier", None),
    # a surface for trying the model out keeping nothing, the traffic kept in another sentence
    ("Prompts are not logged in the playground; API traffic is retained 30 days.", "SG-monitoring", _CONTENT_MONITOR),
    ("Prompts sent from the console are not stored. All API requests are retained for 30 days for abuse review.",
     "SG-monitoring", _CONTENT_MONITOR),
]
SAFEGUARD_TURNED_OFF = [  # the mended readings still catching
    ("Users can turn off notifications and the classifiers.", "SG-cbrn-classifier", None),
    ("Classifier notifications and the CBRN filter can be turned off.", "SG-cbrn-classifier", None),
    ("Users can disable the content filter for their streaming responses.", "SG-cbrn-classifier", None),
    ("Developers can turn the filters off for streaming.", "SG-cyber-classifier", None),
    ("Users can turn off filtering of streaming responses.", "SG-cbrn-classifier", None),
    ("The classifiers can be turned off for streaming.", "SG-cbrn-classifier", None),
    ("Users can opt out of classifier screening of their emails.", "SG-cyber-classifier", None),
    ("Users can turn off safety notifications and classifier screening.", "SG-cbrn-classifier", None),
    ("Users can turn off safety alerts and the moderation filter.", "SG-cbrn-classifier", None),
    ("Refusals can be turned off.", "SG-refusal", None),
    ("Users can disable memory of the content filter.", "SG-cbrn-classifier", None),
    ("Memory of the content filter can be turned off.", "SG-cbrn-classifier", None),
    ("Users can turn off streaming for the classifiers.", "SG-cbrn-classifier", None),
    ("Users can turn off the classifier's notifications and the classifier.", "SG-cbrn-classifier", None),
    ("Users can turn off the classifier's memory.", "SG-cbrn-classifier", None),
    ("Users can turn off the content filter's streaming check.", "SG-cbrn-classifier", None),
    ("Prompts are not logged in the playground.", "SG-monitoring", _CONTENT_MONITOR),
    ("Prompts are not logged in the playground. API traffic is not retained.", "SG-monitoring", _CONTENT_MONITOR),
    ("Prompts are not logged for enterprise customers; API traffic is retained 30 days.", "SG-monitoring",
     _CONTENT_MONITOR),
    ("Zero data retention applies in the playground and on the API; API traffic is retained 30 days.",
     "SG-monitoring", _CONTENT_MONITOR),
]


@pytest.mark.parametrize(("words", "sid", "title"), SOUND_OTHER_TURNED_OFF)
def test_something_else_turned_off_leaves_the_safeguard_on(words: str, sid: str, title: str | None) -> None:
    assert _siskin(words, sid, title) is None


@pytest.mark.parametrize(("words", "sid", "title"), SAFEGUARD_TURNED_OFF)
def test_a_safeguard_turned_off_beside_something_else_is_still_caught(words: str, sid: str, title: str | None) -> None:
    assert _siskin(words, sid, title) is not None


SOUND_LIMIT_BEFORE = [  # (CG428) days or hours before something other than the review, or covered
    "Monday to Friday, a technician reviews each protocol, with weekend cover by the on-call technician",
    "On weekdays, a technician reviews each protocol; at weekends the on-call technician does",
    "Monday to Friday, our support team answers; a technician reviews each protocol",
    "On weekdays, deliveries leave at 9am; a technician reviews each protocol",
    "Between 9am and 5pm support is available and a technician reviews each protocol",
    "On weekdays and at weekends, a technician reviews each protocol",
    "Monday to Sunday, a technician reviews each protocol",
    "Monday to Friday, our support team answers tickets; each action is approved by the user",
    "During business hours, our sales team answers calls; a technician reviews each protocol",
    "Weekdays 9 to 5, the help desk is staffed; every protocol is reviewed by a technician",
    "On weekdays, we publish release notes; a reviewer approves each action",
]
LIMIT_BEFORE = [
    "Monday to Friday, an analyst reviews each flagged call",
    "Between 9am and 5pm UTC a reviewer approves each action",
    "On weekdays, a moderator checks each post before it is published",
    "From 9am to 5pm, a technician reviews each protocol",
    "During business hours, a technician reviews each protocol",
    "Mon-Fri 9am to 5pm, staff approve each order",
    "9am to 5pm, a human approves each payment",
    "On weekdays a human approves each payment",
    "Weekdays only, a technician reviews each protocol",
    "During office hours, staff review each order",
]


@pytest.mark.parametrize("words", SOUND_LIMIT_BEFORE)
def test_days_before_something_else_leave_the_review_whole(words: str) -> None:
    assert confirmation_off_in_words(_description(words)) is None


@pytest.mark.parametrize("words", LIMIT_BEFORE)
def test_days_or_hours_before_the_review_in_words_are_caught(words: str) -> None:
    assert confirmation_off_in_words(_description(words)) is not None


@pytest.mark.parametrize("title", LIMIT_BEFORE)
def test_days_or_hours_before_the_review_in_a_title_are_caught(title: str) -> None:
    assert _title_limited(title)


@pytest.mark.parametrize("title", SOUND_LIMIT_BEFORE)
def test_days_before_something_else_in_a_title_leave_the_review_whole(title: str) -> None:
    assert not _title_limited(title)


SOUND_PUBLIC_OWN = [  # (CG105) the public using another's product, or reading the lab's words
    "Partners build agents, while anyone can talk to the partners' assistants",
    "Our own app is open to everyone in our company",
    "Developers build apps; our API is open to everyone",
    "Our documentation is open to everyone",
    "Developers build apps; anyone can read our docs",
    "The public cannot use our assistant",
    "No one outside partners can use our app",
    "Anyone can read our documentation",
    "Our own app is open to everyone in the enterprise's tenant",
    "Developers build apps; our status page is open to everyone",
    "Developers build apps; anyone can read our usage policies",
    "Developers build apps; anyone can sign up for our API",
    "Developers build apps; our playground is open to every developer",
    "Developers build apps; anyone can report a vulnerability through our bug bounty",
    "Developers build apps; anyone can view our system card",
]
PUBLIC_OWN = [
    "Partners build agents, while anyone can talk to our own assistant",
    "Members of the public can chat with Atlas directly",
    "Anyone can also chat with Atlas directly on our website",
    "Developers build apps; our own app is open to everyone",
    "Anyone can talk to our own assistant",
    "Developers build apps. Everyone can use our assistant for free",
    "Developers build agents; the public can chat with Atlas directly on our website",
]


@pytest.mark.parametrize("words", SOUND_PUBLIC_OWN)
def test_the_public_using_anothers_product_is_api(words: str) -> None:
    assert consumer_in_words(Case.model_validate(_api(words))) is None


@pytest.mark.parametrize("words", PUBLIC_OWN)
def test_the_public_using_our_own_product_in_a_clause_of_its_own_is_caught(words: str) -> None:
    assert consumer_in_words(Case.model_validate(_api(words))) is not None


# the further phrasings of the same moves, each with sound counterparts
FURTHER_INCIDENTS_DENIED = [  # (CG438)
    "Not a single incident has been reported.",
    "Not one incident has been recorded.",
    "There has not been a single serious incident.",
    "No serious incidents to date.",
    "No incidents so far.",
    "To date, zero incidents.",
    "We are not aware of any incidents.",
    "We know of no incidents.",
    "Atlas has operated without incident since launch.",
    "Deployment has been without incident.",
    "The model has not been involved in any incidents.",
    "We have yet to record an incident.",
]
SOUND_FURTHER_INCIDENTS = [
    "We are not aware of any incidents involving weight theft.",
    "Operated without incident during the pilot.",
    "No incidents to date in the sandbox.",
    "We have yet to record an incident of this kind in other models.",
    "Not a single incident report goes unanswered.",
]
FURTHER_TURNED_DOWN = [  # (CG437)
    ("The safety filters are off by default.", "SG-cbrn-classifier", None),
    ("Filtering is opt-in.", "SG-cbrn-classifier", None),
    ("Content filtering is not applied to enterprise traffic.", "SG-cyber-classifier", None),
    ("Enterprise traffic is not screened by the classifiers.", "SG-cbrn-classifier", None),
    ("The classifiers can be bypassed with an enterprise flag.", "SG-cbrn-classifier", None),
    ("Developers may skip the classifiers for batch jobs.", "SG-cyber-classifier", None),
    ("Enterprise accounts get a model without refusals.", "SG-refusal", None),
    ("A research variant without safety training is available to partners.", "SG-refusal", None),
    ("Enterprise traffic is not monitored.", "SG-monitoring", None),
    ("Prompts are deleted immediately after the response.", "SG-monitoring", _CONTENT_MONITOR),
    ("Prompts are discarded once the response is sent.", "SG-monitoring", _CONTENT_MONITOR),
]
SOUND_FURTHER_TURNED_DOWN = [
    ("Attempts to bypass the classifiers are logged.", "SG-cbrn-classifier", None),
    ("Jailbreaks that bypass the filters are reported to the red team.", "SG-cbrn-classifier", None),
    ("The classifiers are not applied to outputs already screened on input.", "SG-cbrn-classifier", None),
    ("Memory is opt-in and the classifiers screen every request.", "SG-cbrn-classifier", None),
    ("The classifiers are off-loaded to a separate GPU cluster.", "SG-cyber-classifier", None),
    ("The model without safety training was never released.", "SG-refusal", None),
    ("Benign requests are answered without refusals.", "SG-refusal", None),
    ("Employees are not monitored.", "SG-monitoring", None),
    ("Prompts flagged by the classifiers are kept for 30 days; all other prompts are deleted immediately.",
     "SG-monitoring", _CONTENT_MONITOR),
    ("Prompts are deleted after 30 days.", "SG-monitoring", _CONTENT_MONITOR),
]
FURTHER_LANGUAGES = [  # (CG435) words without bound
    "Atlas-2 understands virtually every human language.",
    "It replies in the user's language, whichever it is.",
    "No language restrictions apply.",
    "There are no restrictions on languages.",
]
SOUND_FURTHER_LANGUAGES = [
    "Atlas-2 understands virtually every programming language.",
    "Atlas-2 writes code in any programming language.",
]
FURTHER_CONFIRMATION_OFF = [  # (CG428)
    "Users can let the agent buy without checking with them.",
    "Purchases under $50 go through automatically.",
    "Users can set purchases to proceed without a prompt.",
    "Approval is not needed for purchases under $50.",
    "Confirmation is only required for purchases over $50.",
]
SOUND_FURTHER_CONFIRMATION = [
    "Approval is not needed to browse.",
    "Confirmation is required for every purchase, not only for purchases over $50.",
    "Approval is not needed for searches; every purchase needs approval.",
    "Orders go through automatically once the user approves them.",
    "The agent never buys without checking with the user.",
    "Refunds are processed automatically.",
    "No purchase goes through automatically.",
]


@pytest.mark.parametrize("words", FURTHER_INCIDENTS_DENIED)
def test_incidents_denied_in_further_words_are_read(words: str) -> None:
    assert incidents_denied_in_words(_said(words)) == (("system", "description"), words.strip())


@pytest.mark.parametrize("words", SOUND_FURTHER_INCIDENTS)
def test_further_incident_words_limited_deny_none(words: str) -> None:
    assert incidents_denied_in_words(_said(words)) is None


@pytest.mark.parametrize(("words", "sid", "title"), FURTHER_TURNED_DOWN)
def test_a_layer_turned_off_in_further_words_is_caught(words: str, sid: str, title: str | None) -> None:
    assert _siskin(words, sid, title) is not None


@pytest.mark.parametrize(("words", "sid", "title"), SOUND_FURTHER_TURNED_DOWN)
def test_further_words_keeping_the_layer_are_sound(words: str, sid: str, title: str | None) -> None:
    assert _siskin(words, sid, title) is None


@pytest.mark.parametrize("words", FURTHER_LANGUAGES)
def test_languages_without_bound_in_further_words_are_read(words: str) -> None:
    assert languages_in_words(_languages(words)) is not None


@pytest.mark.parametrize("words", SOUND_FURTHER_LANGUAGES)
def test_further_language_words_with_a_bound_are_sound(words: str) -> None:
    assert languages_in_words(_languages(words)) is None


@pytest.mark.parametrize("words", FURTHER_CONFIRMATION_OFF)
def test_a_confirmation_left_out_in_further_words_is_caught(words: str) -> None:
    assert confirmation_off_in_words(_description(words)) is not None


@pytest.mark.parametrize("words", SOUND_FURTHER_CONFIRMATION)
def test_further_confirmation_words_keeping_it_are_sound(words: str) -> None:
    assert confirmation_off_in_words(_description(words)) is None


def test_the_readings_closed_on_the_fourth_misses_read_long_text_in_linear_time() -> None:
    """100 kB of repeated adversarial text through each reading changed here: each under 3 s under
    load (under 0.3 s on an idle machine, docs/security.md)."""
    import time

    from casegate.checks._derived import title_time_limited

    def text(unit: str) -> str:
        return (unit * (100_000 // len(unit) + 1))[:100_000]

    readings: list[tuple[Any, tuple[str, ...]]] = [
        (lambda x: _siskin(x, "SG-cbrn-classifier"),
         ("classifier notifications can be turned off ", "turn off email notifications and and ",
          "filters are are not applied to to ", "can be can be bypass ", "filtering is is opt-in ")),
        (lambda x: _siskin(x, "SG-refusal"), ("alerts for for refusals can be turned off ", "model without without ")),
        (lambda x: _siskin(x, "SG-monitoring", _CONTENT_MONITOR),
         ("not logged in the playground ", "traffic is retained traffic ", "deleted immediately other ",
          "traffic traffic is not monitored ")),
        (lambda x: confirmation_off_in_words(_description(x)),
         ("Monday to Friday, ", "on weekdays on weekdays ", "9am to 5pm 9am to 5pm ", "between 9am and 5pm UTC ",
          "approval is not needed for for ", "purchases purchases go through ", "without checking checking ")),
        (lambda x: title_time_limited(_safeguard("tool-permissions", "Monday to Friday, " + x)),
         ("Mon-Fri 9am to 5pm ", "during business hours during ")),
        (lambda x: consumer_in_words(Case.model_validate(_api(x))),
         ("anyone can talk to our own ", "our own app is is open to ", "the public can chat with with ")),
        (lambda x: incidents_denied_in_words(_said(x)),
         ("not a single not a single incident ", "without without incident ", "yet to record yet to ",
          "not aware of any any ")),
        (lambda x: languages_in_words(_languages(x)), ("understands virtually virtually every ", "no language no ")),
    ]
    for read, units in readings:
        for unit in units:
            words = text(unit)
            started = time.perf_counter()
            read(words)
            assert time.perf_counter() - started < 3.0, unit

# ------------------------------------------------------------------ a safeguard's title withdrawing the model (CG442)

SOUND_WITHDRAWAL_TITLES = [  # as usage policies and enforcement pages word a user's loss of access
    "We may suspend or terminate access for accounts that violate the usage policies",
    "Repeat violators' API keys revoked and accounts banned",
    "Access withdrawn from accounts that repeatedly request weapons content",
    "Withdraws the developer's access to the model after a second severe violation",
    "Jailbreak prompts shared publicly taken down on report",
    "Users can turn the model's memory off",
    "Rate limits turned down for flagged organisations",
    "Universal-jailbreak bug bounty and rapid-response team patching the classifiers within 24 hours",
]

WITHDRAWAL_TITLES = [  # as system cards and frontier safety frameworks word a rollback
    "Rollback to the previous model version within one hour",
    "The model withdrawn from the API and the app within one hour of the order",
    "Ability to roll back the deployment to an earlier checkpoint",
    "Kill switch on the deployment",
    "Serving switched off by the on-call within the hour",
    "Takes the API offline on a universal jailbreak",
    "Full withdrawal of Fixture from every surface",
]


@pytest.mark.parametrize("title", SOUND_WITHDRAWAL_TITLES)
def test_a_users_loss_of_access_is_no_withdrawal_of_the_model(title: str) -> None:
    assert withdraws_model(_safeguard("incident-response", title), "Fixture") is None


@pytest.mark.parametrize("title", WITHDRAWAL_TITLES)
def test_a_rollback_of_the_model_is_read(title: str) -> None:
    assert withdraws_model(_safeguard("incident-response", title), "Fixture") == title


# ------------------------------------------------------------------ the fifth misses

FIFTH_INCIDENTS = ["Incidents reported since launch: none.", "Serious incidents to date: 0."]
SOUND_FIFTH_INCIDENTS = [
    "Incidents reported since launch: 3 (see the transparency report).",
    "Incidents reported in the pilot: none.",
    "Incident reporting: none of the above channels is used.",
    "Incidents reported since launch: none involving weight theft.",
]


@pytest.mark.parametrize("words", FIFTH_INCIDENTS)
def test_incidents_listed_as_none_are_read(words: str) -> None:
    assert incidents_denied_in_words(_said(words)) is not None


@pytest.mark.parametrize("words", SOUND_FIFTH_INCIDENTS)
def test_incidents_listed_otherwise_are_sound(words: str) -> None:
    assert incidents_denied_in_words(_said(words)) is None


@pytest.mark.parametrize(("words", "consumer"), [
    ("Anyone can chat with Atlas at atlas.acme.ai.", True),
    ("Partners build apps, and anyone can chat with them at partner.example.com.", False),
    ("Developers build apps; the documentation is at docs.acme.ai.", False),
    ("Developers reach Atlas-2.1 through the API, e.g. for coding.", False),
])
def test_a_web_address_cuts_no_clause(words: str, consumer: bool) -> None:
    assert (consumer_in_words(Case.model_validate(_api(words))) is not None) is consumer


FIFTH_TURN_DOWN = [
    "Developers can lower the CBRN threshold to zero.",
    "Approved customers can request exemptions from the content filters.",
    "Enterprise admins can allowlist prompts past the classifier.",
]
SOUND_FIFTH_TURN_DOWN = [
    "Developers cannot lower the CBRN threshold to zero.",
    "No exemptions from the content filters are granted.",
    "Developers can allowlist domains for the browsing tool.",
    "Developers cannot allowlist prompts past the classifier.",
]


@pytest.mark.parametrize("words", FIFTH_TURN_DOWN)
def test_a_classifier_lowered_exempted_or_allowlisted_past_is_read(words: str) -> None:
    assert _siskin(words, "SG-cbrn-classifier") is not None


@pytest.mark.parametrize("words", SOUND_FIFTH_TURN_DOWN)
def test_a_classifier_kept_is_sound(words: str) -> None:
    assert _siskin(words, "SG-cbrn-classifier") is None


@pytest.mark.parametrize(("words", "kept"), [
    ("The deployment is fully air-gapped.", True),
    ("Acme's training deployment runs on an air-gapped cluster.", False),
])
def test_a_deployment_air_gapped_is_read(words: str, kept: bool) -> None:
    assert (traffic_kept_in_words(_kept(words), ["acme-labs"]) is not None) is kept


@pytest.mark.parametrize(("vetting", "self_attested"), [
    ("users confirm they are qualified", True),
    ("applicants attest that they are qualified researchers", True),
    ("users confirm they are qualified; Acme verifies each user's credentials", False),
])
def test_users_confirming_their_own_qualification_is_their_word(vetting: str, self_attested: bool) -> None:
    got = vetting_operator(context(_trusted(users="analysts of partner organisations", vetting=vetting)))
    assert (got is not None and got[0] in ("the user", "the applicant")) is self_attested, got


def test_the_readings_closed_on_the_fifth_misses_read_long_text_in_linear_time() -> None:
    """100 kB of repeated adversarial text through each reading changed here: each under 3 s under
    load (under 0.3 s on an idle machine, docs/security.md)."""
    import time

    def text(unit: str) -> str:
        return (unit * (100_000 // len(unit) + 1))[:100_000]

    readings: list[tuple[Any, tuple[str, ...]]] = [
        (lambda x: incidents_denied_in_words(_said(x)),
         ("incidents reported since ", "serious serious incidents ", "incidents: incidents: ", "incidents to date to ")),
        (lambda x: consumer_in_words(Case.model_validate(_api(x))),
         ("anyone can chat with a.b.c.d ", "anyone can chat with with at ", "a.a.a.a.a.a.a.a ")),
        (lambda x: _siskin(x, "SG-cbrn-classifier"),
         ("lower the threshold threshold to ", "exempt from from the ", "allowlist allowlist past past ")),
        (lambda x: traffic_kept_in_words(_kept(x), ["acme-labs"]), ("deployment deployment is air ", "air-gapped deployments ")),
        (lambda x: vetting_operator(context(_trusted(users="analysts", vetting=x))),
         ("users users confirm ", "applicants attest attest ")),
    ]
    for read, units in readings:
        for unit in units:
            words = text(unit)
            started = time.perf_counter()
            read(words)
            elapsed = time.perf_counter() - started
            assert elapsed < 3.0, (unit, elapsed)
