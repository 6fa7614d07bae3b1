"""The audit's misses through the whole gate, on atlas-api: each sentence or title is a lab's move
the words readings let through before (GO WITH CONDITIONS) and name now. A credential with no
profession named (`accredited laboratories only`) is its issuer's check (CG425); key management
`handled by hosting providers` is a supplier's control (CG425); the public using the lab's own
chatbot after developers build their apps is a `consumer` boundary (CG105); the model installed at
or delivered to each customer's own data centre is a host the weight-security audit names (CG429)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.gate.test_trusted_access_anyone import ATLAS, TODAY, _case, _cg105, _keyed

from casegate.gate import run_gate
from casegate.model import DecisionRecord

SAID = "  description: Paid API access with a sandboxed code-execution tool; no fine-tuning access.\n"
WEIGHTS_TITLE = "    title: SL3 weight security with two-party authorisation\n"


@pytest.fixture(autouse=True)
def _demo_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASEGATE_DEMO_KEYS", "1")  # the examples' keyring: published keys, a demonstration


def _gate(tmp_path: Path, old: str, new: str) -> DecisionRecord:
    d = tmp_path / "case"
    shutil.copytree(ATLAS, d)
    p = d / "case.yaml"
    text = p.read_text()
    assert text.count(old) == 1
    p.write_text(text.replace(old, new))
    return run_gate(_keyed(p), today=TODAY)


@pytest.mark.parametrize("vetting", ["accredited laboratories only", "users must be board-certified"])
def test_a_credential_with_no_profession_named_is_its_issuers_check(tmp_path: Path, vetting: str) -> None:
    """The lab's move: atlas-api relabelled `trusted-access`, its vetting a credential the users hold
    with no profession named. Before, CG425 read no one but the lab as checking them; now the
    credential's issuer checks, and no attestation of it is signed (CG425)."""
    record = run_gate(_keyed(_case(tmp_path, vetting=vetting, users="scientists at partner laboratories")),
                      today=TODAY)
    assert [f for f in record.findings if f.code == "CG425" and "the issuer of the" in f.message]
    assert record.outcome == "NO-GO"


def test_a_credential_the_lab_verifies_is_the_labs_check(tmp_path: Path) -> None:
    record = run_gate(_keyed(_case(tmp_path, vetting="we verify each user's board certification and review each use case",
                                   users="scientists at partner laboratories")), today=TODAY)
    assert not [f for f in record.findings if f.code == "CG425"]


@pytest.mark.parametrize("title", ["SL3 weight security; key management handled by hosting providers",
                                   "SL3 weight security; key management maintained by hosting providers"])
def test_key_management_handled_by_hosting_providers_is_a_suppliers(tmp_path: Path, title: str) -> None:
    """Before: GO WITH CONDITIONS (`hosting` read as a verb's `-ing`, `maintained by` not read). Now
    the hosting providers run it and sign for no test of it (CG425)."""
    record = _gate(tmp_path, WEIGHTS_TITLE, f"    title: {title}\n")
    assert [f for f in record.findings if f.code == "CG425" and "hosting providers" in f.message]
    assert record.outcome == "NO-GO"


def test_the_public_using_the_labs_chatbot_after_developers_build_is_consumer(tmp_path: Path) -> None:
    """Before: GO WITH CONDITIONS (the clause's `build` read the whole clause as developers'). Now the
    public using Acme's own chatbot makes it a `consumer` boundary (CG105)."""
    record = _gate(tmp_path, SAID, f"{SAID.rstrip()} Customers build their apps and the public uses our chatbot.\n")
    assert [m for m in _cg105(record) if "the public" in m]
    assert record.outcome == "NO-GO"


@pytest.mark.parametrize("sentence", ["Atlas-2 is also installed at each customer's own data centre.",
                                      "Atlas-2 is also served from each customer's own data centre.",
                                      "The model is also delivered to customer premises."])
def test_the_model_put_at_customers_sites_is_a_host(tmp_path: Path, sentence: str) -> None:
    """Before: GO WITH CONDITIONS (the system named by its name, `installed at` or `delivered to`, not
    read as putting the model there). Now the customers' sites hold the weights, and the
    weight-security audit covers none of them (CG429)."""
    record = _gate(tmp_path, SAID, f"{SAID.rstrip()} {sentence}\n")
    assert "CG429" in [f.code for f in record.findings if f.blocking], [f.message for f in record.findings if f.blocking]
    assert record.outcome == "NO-GO"


def test_the_public_after_developers_build_their_chatbots_is_api_access(tmp_path: Path) -> None:
    record = _gate(tmp_path, SAID, f"{SAID.rstrip()} Developers build their chatbots and the public uses them.\n")
    assert _cg105(record) == []
    assert record.outcome == "GO WITH CONDITIONS", [f.message for f in record.findings if f.blocking]


@pytest.mark.parametrize(("sentence", "outcome"), [
    ("The appliance phones home to Acme hourly.", "GO WITH CONDITIONS"),
    ("Each appliance phones home daily.", "GO WITH CONDITIONS"),
    ("The appliance never phones home.", "NO-GO"),
])
def test_an_appliance_phoning_home_sends_its_traffic(tmp_path: Path, sentence: str, outcome: str) -> None:
    """Tern with Acme's abuse monitoring for its classifiers. `phones home to Acme` sends the traffic:
    before NO-GO (CG431 read no words sending any), now the monitor counts as with `uploads flagged
    prompts to Acme`. `never phones home` keeps it on the site: NO-GO (CG431)."""
    from tests.gate.blind_helpers import blocking, copy_fixture, edit, preview
    from tests.gate.test_blind_tern import KEPT, TERN, UPDATES, _monitor_for_classifier

    d = copy_fixture(TERN, tmp_path)
    _monitor_for_classifier(d)
    edit(d / "case.yaml", KEPT, sentence + UPDATES)
    record = preview(d)
    assert record.outcome == outcome, blocking(record)
    assert blocking(record) == ([] if outcome != "NO-GO" else ["CG431"])
