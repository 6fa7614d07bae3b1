"""Sound cases, worded as model cards and usage policies word them, through the whole gate: the
readings of the boundary's words must not turn them NO-GO (`tests/checks/test_words_sound.py`
holds the tables). Atlas-api relabelled `trusted-access` (access `vetted-organisations`, its
identity-verification safeguard and test kept, the external evaluator's sign-off dropped, which
`trusted-access` does not ask for), and atlas-api itself with the lab's own tuning in its
description."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.gate.blind_helpers import blocking, copy_fixture, edit
from tests.gate.blind_helpers import preview as puffin_preview
from tests.gate.test_blind_puffin import DAY as PUFFIN_DAY
from tests.gate.test_blind_puffin import DESCRIPTION, PUFFIN, TOOLS, _rerun
from tests.gate.test_trusted_access_anyone import ATLAS, TODAY, _case, _cg105, _keyed

from casegate.gate import run_gate


@pytest.fixture(autouse=True)
def _demo_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASEGATE_DEMO_KEYS", "1")  # the examples' keyring: published keys, a demonstration


@pytest.mark.parametrize(("users", "vetting"), [
    ("developers at partner organisations; anyone they invite must be vetted too",
     "No one is admitted without identity verification and a use-case review by Acme's trust team"),
    ("developers at partner organisations who have passed identity verification by Acme",
     "Any applicant is reviewed by Acme's trust team before an API key is issued"),
    ("developers admitted to the programme",
     "Open to developers at partner organisations after identity verification and a use-case review by Acme"),
    ("developers admitted to the programme",
     "Self-serve billing, for organisations approved by Acme's partnerships team after identity verification"),
    ("developers admitted to the programme",
     "government ID verified by Persona and a manual review of the stated use case"),
])
def test_a_sound_trusted_access_case_keeps_its_kind(tmp_path: Path, users: str, vetting: str) -> None:
    """Before: NO-GO (CG105: an open way in, or a vetting that names none; CG425: the provider that
    checks the ID documents read as running the vetting). Now CG105 and CG425 say nothing."""
    record = run_gate(_keyed(_case(tmp_path, vetting=vetting, users=users)), today=TODAY)
    assert _cg105(record) == []
    assert not [f for f in record.findings if f.code == "CG425"]
    assert record.outcome == "GO WITH CONDITIONS", [f.message for f in record.findings if f.blocking]


@pytest.mark.parametrize("description", [
    "Paid API access with a sandboxed code-execution tool; Acme fine-tunes the model for each release, "
    "and customers get no tuning access.",
    "Paid API access with a sandboxed code-execution tool; users can rate answers, which Acme may use to tune "
    "future models.",
])
def test_the_labs_own_tuning_in_an_api_description_is_not_hosted_fine_tuning(tmp_path: Path, description: str) -> None:
    """Before: NO-GO (CG105 read the weights access as `fine-tuning`). Now as atlas-api is."""
    d = tmp_path / "case"
    shutil.copytree(ATLAS, d)
    p = d / "case.yaml"
    said = "  description: Paid API access with a sandboxed code-execution tool; no fine-tuning access.\n"
    text = p.read_text()
    assert text.count(said) == 1
    p.write_text(text.replace(said, f"  description: {description}\n"))
    record = run_gate(_keyed(p), today=TODAY)
    assert _cg105(record) == []
    assert record.outcome == "GO WITH CONDITIONS", [f.message for f in record.findings if f.blocking]


@pytest.mark.parametrize("description", [
    "Paid API access with a sandboxed code-execution tool; no fine-tuning access. Requests are routed to us-east-1 "
    "or eu-west-2; flagged ones are routed to Llama-Guard-3.",
    "Paid API access with a sandboxed code-execution tool; no fine-tuning access. The model answers with "
    "GPT-4o-like quality and responds in under 2 seconds on H100 GPUs.",
])
def test_regions_guard_models_and_hardware_are_no_second_model(tmp_path: Path, description: str) -> None:
    """Before: NO-GO (CG351 read the region, the guard model, the likeness or the GPU as a second
    model answering requests, which no run names). Now as atlas-api is."""
    d = tmp_path / "case"
    shutil.copytree(ATLAS, d)
    p = d / "case.yaml"
    said = "  description: Paid API access with a sandboxed code-execution tool; no fine-tuning access.\n"
    text = p.read_text()
    assert text.count(said) == 1
    p.write_text(text.replace(said, f"  description: {description}\n"))
    record = run_gate(_keyed(p), today=TODAY)
    assert not [f for f in record.findings if f.code == "CG351"]
    assert record.outcome == "GO WITH CONDITIONS", [f.message for f in record.findings if f.blocking]


@pytest.mark.parametrize("description", [
    "Paid API access with a sandboxed code-execution tool; no fine-tuning access. We share the weights with the "
    "UK AISI for pre-deployment testing.",
    "Paid API access with a sandboxed code-execution tool and SDKs for web applications; no fine-tuning access.",
    "Paid API access with a sandboxed code-execution tool; no fine-tuning access. We share weights with the UK AISI "
    "and US CAISI for pre-deployment testing.",
    "Paid API access with a sandboxed code-execution tool; no fine-tuning access. The weights are shared with METR, "
    "Apollo Research and the UK AISI for pre-deployment testing.",
    "Paid API access with a sandboxed code-execution tool, which enterprise customers call from their own web "
    "applications; no fine-tuning access.",
    "Paid API access with a sandboxed code-execution tool; developers call the API from their web apps; no "
    "fine-tuning access.",
])
def test_an_evaluator_holding_the_weights_or_an_sdk_is_api_access(tmp_path: Path, description: str) -> None:
    """Before: NO-GO (CG105 read the weights access as `download`, or the kind as `consumer`). Now as
    atlas-api is."""
    d = tmp_path / "case"
    shutil.copytree(ATLAS, d)
    p = d / "case.yaml"
    said = "  description: Paid API access with a sandboxed code-execution tool; no fine-tuning access.\n"
    text = p.read_text()
    assert text.count(said) == 1
    p.write_text(text.replace(said, f"  description: {description}\n"))
    record = run_gate(_keyed(p), today=TODAY)
    assert _cg105(record) == []
    assert record.outcome == "GO WITH CONDITIONS", [f.message for f in record.findings if f.blocking]


@pytest.mark.parametrize(("description", "code"), [
    ("Paid API access with a sandboxed code-execution tool; no fine-tuning access. Customers call the API from "
     "their apps hosted on AWS.", "CG429"),
    ("Paid API access with a sandboxed code-execution tool; no fine-tuning access. Enterprise customers serve the "
     "model in their support chatbots.", "CG105"),
    ("Paid API access with a sandboxed code-execution tool; no fine-tuning access. Our website is hosted on AWS; "
     "usage logs are stored in Snowflake.", "CG429"),
    ("Paid API access with a sandboxed code-execution tool; no fine-tuning access. Customers use the API in their "
     "products: web apps, mobile apps and chatbots.", "CG105"),
])
def test_customers_own_apps_on_a_cloud_or_chatbots_are_api_access(tmp_path: Path, description: str, code: str) -> None:
    """Before: NO-GO (CG429 read AWS, or Snowflake holding the lab's logs, as a cloud serving the
    model; CG105 read the customers' chatbots, listed after a colon too, as the lab's own product for
    the public). Now as atlas-api is."""
    d = tmp_path / "case"
    shutil.copytree(ATLAS, d)
    p = d / "case.yaml"
    said = "  description: Paid API access with a sandboxed code-execution tool; no fine-tuning access.\n"
    text = p.read_text()
    assert text.count(said) == 1
    p.write_text(text.replace(said, f"  description: \"{description}\"\n"))  # (quoted: a colon inside)
    record = run_gate(_keyed(p), today=TODAY)
    assert not [f for f in record.findings if f.code == code and f.blocking]
    assert record.outcome == "GO WITH CONDITIONS", [f.message for f in record.findings if f.blocking]


@pytest.mark.parametrize("sentence", [
    "The model is served from Acme's data centres; customer logs stay on their premises.",
    "The model is hosted in Acme's data centres and accessed from hospital sites over a private link.",
    "Acme's sites are air-gapped from the internet.",
    "The model's outputs can be stored on customer premises.",
    "The model reads documents stored on customer premises through a connector.",
    "Customer prompts stay in the customer's own network until sent to Acme over TLS.",
])
def test_the_labs_own_serving_with_customers_sites_named_keeps_its_monitoring(tmp_path: Path, sentence: str) -> None:
    """Before: NO-GO (CG431 read the customers' own logs, Acme's air-gapped sites or outputs stored at the
    customer as the traffic kept from Acme, prompts kept on the site until sent to Acme as never sent,
    or the sites the model is reached from or its documents are kept at as where it runs, and struck
    the monitoring; CG429 read those sites as hosts an audit must cover). Now as atlas-api is."""
    d = tmp_path / "case"
    shutil.copytree(ATLAS, d)
    p = d / "case.yaml"
    said = "  description: Paid API access with a sandboxed code-execution tool; no fine-tuning access.\n"
    text = p.read_text()
    assert text.count(said) == 1
    p.write_text(text.replace(said, f"  description: {said.split(': ', 1)[1].rstrip()} {sentence}\n"))
    record = run_gate(_keyed(p), today=TODAY)
    assert not [f for f in record.findings if f.code in ("CG429", "CG431")], \
        [f.message for f in record.findings if f.code in ("CG429", "CG431")]

@pytest.fixture(scope="module")
def _puffin_held(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Puffin-1 (`tests/gate/test_blind_puffin.py`) with its red team rerun against a classifier and a
    confirmation that hold (6 of 400): GO WITH CONDITIONS."""
    d = copy_fixture(PUFFIN, tmp_path_factory.mktemp("puffin"))
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("INSPECT_LOG_LEVEL", "error")
        _rerun(d)
    return d


@pytest.mark.parametrize(("tools", "words"), [
    (TOOLS, DESCRIPTION.rstrip("\n") + " Users are always allowed to cancel a task.\n"),
    (TOOLS, DESCRIPTION.rstrip("\n") + " The policy always allows security researchers to report issues.\n"),
    ("  tools: [browser]\n",
     "    The Acme assistant, which browses the web for the user. It cannot use plugins, connectors or MCP\n"
     "    servers. The assistant asks the user to confirm each action.\n"),
], ids=["allowed-to", "allows-researchers", "denied-list"])
def test_a_users_permission_or_tools_denied_in_a_list_leave_puffin_go_with_conditions(
        _puffin_held: Path, tmp_path: Path, tools: str, words: str) -> None:
    """Before: NO-GO (CG428 read `always allowed to` of the users, or `always allows` researchers, as
    a connector set to `always allow`; CG433 read MCP servers listed after `cannot use plugins` as tools
    users add). Now as the held case is."""
    d = copy_fixture(_puffin_held, tmp_path)
    edit(d / "case.yaml", TOOLS, tools)
    edit(d / "case.yaml", DESCRIPTION, words)
    record = puffin_preview(d, PUFFIN_DAY)
    assert record.outcome == "GO WITH CONDITIONS" and blocking(record) == []

def test_a_cohort_of_api_customers_chosen_after_a_comma_keeps_its_kind(tmp_path: Path) -> None:
    """Before: NO-GO (CG105 read `existing API customers` as a wider release, the choice after the
    comma unread). Now as a trusted-access case is."""
    case = _case(tmp_path, users="a small group of existing API customers, selected by our safety team",
                 vetting="Identity and use-case review by Acme's trust team before an API key is issued")
    record = run_gate(_keyed(case), today=TODAY)
    assert _cg105(record) == []
    assert record.outcome == "GO WITH CONDITIONS", [f.message for f in record.findings if f.blocking]


SAID = "  description: Paid API access with a sandboxed code-execution tool; no fine-tuning access.\n"


@pytest.mark.parametrize("sentence", [
    "Developers build chatbots and consumers use the developers' chatbots.",
    "Atlas-2 is served from Acme's cloud and its answers are delivered to customer premises.",
    "Atlas-2 is served from Acme's cloud; the Atlas-2 plugin is installed at customer sites.",
])
def test_the_builders_chatbots_or_the_models_answers_at_customers_sites_keep_atlas_api(
        tmp_path: Path, sentence: str) -> None:
    """Before: NO-GO (CG105 read the public using the developers' own chatbots as the lab's
    `consumer` product; CG429 read the model's answers, or a plugin by the system's name, delivered
    to customers' sites as the model put there). Now as atlas-api is."""
    d = tmp_path / "case"
    shutil.copytree(ATLAS, d)
    p = d / "case.yaml"
    text = p.read_text()
    assert text.count(SAID) == 1
    p.write_text(text.replace(SAID, f"{SAID.rstrip()} {sentence}\n"))
    record = run_gate(_keyed(p), today=TODAY)
    assert record.outcome == "GO WITH CONDITIONS", [f.message for f in record.findings if f.blocking]


def test_a_credential_acme_confirms_keeps_its_kind(tmp_path: Path) -> None:
    """Before: NO-GO (CG425: `each charter confirmed by Acme` not read as Acme's check, the charter
    left its issuer's). Now as a sound trusted-access case is."""
    record = run_gate(_keyed(_case(tmp_path, vetting="chartered institutions only, each charter confirmed by Acme's "
                                   "partnerships team",
                                   users="developers admitted to the programme")), today=TODAY)
    assert not [f for f in record.findings if f.code == "CG425"]
    assert record.outcome == "GO WITH CONDITIONS", [f.message for f in record.findings if f.blocking]


def test_an_appliance_phoning_home_only_for_updates_sends_no_traffic(tmp_path: Path) -> None:
    """Tern with Acme's abuse monitoring for its classifiers, the appliance phoning home only to check
    for updates: no users' traffic reaches Acme, so the monitor sees none (CG431: NO-GO), as with
    `never phones home`; `phones home to Acme hourly` stays GO WITH CONDITIONS."""
    from tests.gate.test_blind_tern import KEPT, TERN, UPDATES, _monitor_for_classifier

    d = copy_fixture(TERN, tmp_path)
    _monitor_for_classifier(d)
    edit(d / "case.yaml", KEPT, "The appliance phones home only to check for updates." + UPDATES)
    from tests.gate.blind_helpers import preview
    record = preview(d)
    assert record.outcome == "NO-GO", blocking(record)
    assert blocking(record) == ["CG431"]


@pytest.mark.parametrize("sentence", [
    "Developers can adjust the harassment and profanity filters; the CBRN and cyber filters cannot be changed.",
    "The model's refusals cannot be overridden. Developers can turn off the profanity filter in the playground.",
    "Under zero data retention prompts are not stored after the response is returned; our classifiers still screen "
    "every request in real time. Temporary chats are not saved to your history.",
    "Customers can opt out of training on their data. They can opt out of human review of their feedback "
    "submissions; we never turn off abuse monitoring.",
])
def test_settings_users_change_that_keep_the_safeguards_leave_atlas_api_go_with_conditions(
        tmp_path: Path, sentence: str) -> None:
    """Before: NO-GO (CG437 read `refusals cannot be overridden` as refusals overridden, the profanity
    filter turned off as every classifier, opting out of review of feedback as of abuse review; the
    others were read as atlas-api already). Now as atlas-api is."""
    d = tmp_path / "case"
    shutil.copytree(ATLAS, d)
    p = d / "case.yaml"
    said = "  description: Paid API access with a sandboxed code-execution tool; no fine-tuning access.\n"
    text = p.read_text()
    assert text.count(said) == 1
    p.write_text(text.replace(said, f"  description: {said.split(': ', 1)[1].rstrip()} {sentence}\n"))
    record = run_gate(_keyed(p), today=TODAY)
    assert not [f for f in record.findings if f.code == "CG437"], [f.message for f in record.findings if f.code == "CG437"]
    assert record.outcome == "GO WITH CONDITIONS", [f.message for f in record.findings if f.blocking]


@pytest.mark.parametrize("sentence", [
    "The tokenizer covers 200 languages.",
    "Localised UI in 30 languages; benchmarks in 14 languages.",
])
def test_training_or_product_languages_in_words_keep_atlas_api(tmp_path: Path, sentence: str) -> None:
    """Before: NO-GO (CG435 read the tokenizer's or the UI's count of languages as the release's,
    over the five atlas-api lists). Now as atlas-api is."""
    d = tmp_path / "case"
    shutil.copytree(ATLAS, d)
    p = d / "case.yaml"
    text = p.read_text()
    assert text.count(SAID) == 1
    p.write_text(text.replace(SAID, f"{SAID.rstrip()} {sentence}\n"))
    record = run_gate(_keyed(p), today=TODAY)
    assert not [f for f in record.findings if f.code == "CG435"]
    assert record.outcome == "GO WITH CONDITIONS", [f.message for f in record.findings if f.blocking]


@pytest.mark.parametrize(("sentence", "outcome"), [
    ("There were no incidents during the pre-deployment evaluation.", "GO WITH CONDITIONS"),
    ("We had no incident response plan before 2025.", "GO WITH CONDITIONS"),
    ("There were no incidents in testing or in production.", "NO-GO"),
])
def test_linnets_relaunch_with_incident_words_of_another_setting(tmp_path: Path, database_url: str, sentence: str,
                                                                  outcome: str) -> None:
    """Before: NO-GO (CG438 read a denial of incidents before deployment, or of an incident
    response plan, as the model's record denied beside incident-10). Now GO WITH CONDITIONS; a
    denial naming production too stays CG438."""
    from tests.gate.test_blind_linnet import _found, _held, _relaunch

    r = _relaunch(tmp_path, database_url, lambda d: (_held(d), edit(
        d / "linnet-1.1" / "case.yaml", "served through the Acme API.\n", f"served through the Acme API. {sentence}\n")))
    assert r.outcome == outcome, _found(r)
    assert (blocking(r) == ["CG438"]) is (outcome == "NO-GO"), _found(r)
