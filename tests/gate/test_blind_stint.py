"""A case written apart from the examples (Stint-1, a frontier model past the framework's biological
threshold, served through Acme's API from Acme's Reno data centre and two Northwind Cloud regions, a
copy of its weights held by Kelvin Inference, an inference partner serving part of the traffic;
`tests/fixtures/rt_weights/stint`), gated as `gate --preview` does with the examples' keyring. Its
bio uplift result (30 of 150) cannot rule out the threshold, which asks for SL3 weight security.
Honestly it is NO-GO: the independent weight-security audit, signed by its auditor with the
system's digests, found Kelvin Inference's site below SL3 and the whole at SL2 (CG421). A re-audit
after the partner's findings are closed, SL3 at all four sites, is GO WITH CONDITIONS (CG305 on the
bio result).

The lab's moves to GO without the partner's site at SL3, tried here and in docs/security.md:

- closed: the re-audit's signed statement naming two of the three places the words say hold the
  weights (Acme's data centre and the Northwind Cloud regions, not Kelvin Inference; or Acme and
  Kelvin, not Northwind Cloud): GO WITH CONDITIONS, CG429 reading only the first clause naming a host,
  any cloud or partner in the statement naming every host, and `the Northwind Cloud us-east-1 and
  eu-west-1 regions` naming none. Every clause is now read, and a company the boundary's words or
  the system's description name as serving the model or holding its weights (`Kelvin Inference, an
  inference partner`, `served by Kelvin Inference`, `Kelvin Inference serves part of the traffic`,
  `the Northwind Cloud regions`) must stand by its name in an auditor's signed statement that names
  any of them (CG429). The same with the partner left out of the boundary's words (`the weights
  never leave our data centre`) while the system's description names the cloud; `two regions of a
  public cloud`; `one enterprise customer also runs Stint-1 on its own premises` (CG429).
  A host named by its role alone (`served by an inference provider`) beside a cloud the system's
  description names is not covered by a statement naming that cloud (CG429).
- caught: the audit expired on the decision day (CG306, CG421); signed by Acme's own security lead
  or CISO as independent (CG348, CG349, CG407, CG421); the level typed `SL3` over the signed `SL2`,
  or the attestation dropped (CG348, CG349, CG421); the penetration test retyped as the audit with
  `security_level: SL3` (CG348, CG349, CG421: its attestation signs a safeguard test); an audit
  signed months before typed with a recent date (CG348, CG349: the attestation signs the date); an
  audit of Acme's training cluster counted for the serving sites (CG429); the policy's
  `security_level` dropped in the next version (CG328).
- still the lab's word: a host named by its role alone, no company named anywhere, counts as named
  by any other company's cloud or platform in the statement; a firm Acme owns
  signing as independent (the keyring records each signer's organisation, not who owns it); the
  weights' whereabouts left out of every word (`the weights never leave our data centre` alone); the
  policy's level at a first version; when the weights reached each site (an audit signed with the
  system's digests shows only that the auditor knew them then).
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from types import ModuleType

import pytest
from tests.gate.blind_helpers import (
    RING,
    blocking,
    copy_fixture,
    edit,
    load_gen,
    messages,
    preview,
    sha,
)

from casegate.model import DecisionRecord

ROOT = Path(__file__).resolve().parents[2]
STINT = ROOT / "tests" / "fixtures" / "rt_weights" / "stint"
DAY = "2026-12-01"
DESCRIPTION = ("    Paid API access to Stint-1 from Acme, served from Acme's Reno data centre and the Northwind\n"
               "    Cloud us-east-1 and eu-west-1 regions. Kelvin Inference, an inference partner, holds a copy of\n"
               "    the weights in its Dublin cluster and serves part of the API's traffic for Acme. Acme's bio\n"
               "    classifiers run in front of the model at every site.\n")
SYSTEM = ("  description: >-\n    Acme's general frontier model, text and code, served from Acme's Reno data centre and the\n"
          "    Northwind Cloud us-east-1 and eu-west-1 regions.\n")
PLAIN_SYSTEM = "  description: Acme's general frontier model, text and code.\n"
ACME_AND_NORTHWIND = ("Re-audit of the weight security of Acme's Reno data centre and the Northwind Cloud us-east-1 and "
                      "eu-west-1 regions. SL3 at all three.")


@pytest.fixture(autouse=True)
def _demo_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASEGATE_DEMO_KEYS", "1")  # the examples' keyring: published keys, a demonstration


def _gen() -> ModuleType:
    return load_gen(STINT)


def _preview(d: Path) -> DecisionRecord:
    return preview(d, DAY)


def test_the_blind_case_is_honestly_no_go_and_go_with_conditions_once_the_partner_is_at_sl3(tmp_path: Path) -> None:
    d = copy_fixture(STINT, tmp_path)
    record = _preview(d)
    assert record.outcome == "NO-GO" and blocking(record) == ["CG421"]
    (msg,) = messages(record, "CG421")
    assert "the policy requires weight security SL3" in msg and msg.endswith("`E-weights-audit` found SL2")
    _gen().reaudit(d)  # Kelvin Inference's findings closed: SL3 at all four sites, signed
    record = _preview(d)
    assert record.outcome == "GO WITH CONDITIONS" and blocking(record) == []
    assert [c.cause for c in record.conditions] == ["CG305"]  # the bio result past the threshold


# ------------------------------------------------------------------ the re-audit naming two of the three


@pytest.mark.parametrize(("says", "company"), [
    (ACME_AND_NORTHWIND, "Kelvin Inference"),
    ("Re-audit of the weight security of Acme's Reno data centre and the Kelvin Inference partner cluster in Dublin. "
     "SL3 at both.", "Northwind Cloud"),
])
def test_a_reaudit_naming_two_of_the_three_places_is_no_go(tmp_path: Path, says: str, company: str) -> None:
    """The lab's move: SL3 signed for Acme's data centre and the Northwind Cloud regions (or Acme and
    Kelvin Inference), the boundary's words still putting the weights at the third. CG429 read the
    first clause naming a host alone (`an inference partner`), named by the statement's `Cloud`; the
    Northwind Cloud regions named no host: GO WITH CONDITIONS."""
    d = copy_fixture(STINT, tmp_path)
    _gen().reaudit(d, says=says)
    record = _preview(d)
    assert record.outcome == "NO-GO" and blocking(record) == ["CG429"]
    (msg,) = messages(record, "CG429")
    assert f": {company}), but no independent security audit the weight-security safeguards cite names it" in msg


@pytest.mark.parametrize(("words", "system", "host"), [
    pytest.param("Paid API access to Stint-1 from Acme; part of the traffic is served by Kelvin Inference.",
                 PLAIN_SYSTEM, "Kelvin Inference", id="served-by"),
    pytest.param("Paid API access to Stint-1 from Acme. Kelvin Inference serves part of the API's traffic from its "
                 "Dublin cluster.", PLAIN_SYSTEM, "Kelvin Inference", id="serves"),
    pytest.param("Paid API access to Stint-1 from Acme; the weights never leave our data centre.", SYSTEM,
                 "Northwind Cloud", id="never-leave-system-names"),
    pytest.param("Paid API access to Stint-1 from Acme, served from Acme's Reno data centre and two regions of a "
                 "public cloud.", PLAIN_SYSTEM, "public cloud", id="public-cloud"),
    pytest.param("Paid API access to Stint-1 from Acme; one enterprise customer also runs Stint-1 on its own "
                 "premises.", PLAIN_SYSTEM, "customer also runs stint 1 on its own premises", id="customer-premises"),
])
def test_a_host_said_in_other_words_audited_at_acme_alone_is_no_go(tmp_path: Path, words: str, system: str,
                                                                   host: str) -> None:
    """The lab's move: SL3 signed for Acme's data centre alone, the other sites said in words CG429
    did not read (a partner by its name, serving; the cloud named in the system's description while
    the boundary's words say the weights never leave; a public cloud; a customer running it on its own
    premises): GO WITH CONDITIONS."""
    d = copy_fixture(STINT, tmp_path)
    _gen().reaudit(d, says="Re-audit of the weight security of Acme's Reno data centre. SL3.")
    edit(d / "case.yaml", DESCRIPTION, f"    {words}\n")
    edit(d / "case.yaml", SYSTEM, system)
    record = _preview(d)
    assert record.outcome == "NO-GO" and "CG429" in blocking(record)
    (msg,) = messages(record, "CG429")
    assert f": {host}), but no independent security audit" in msg


def test_a_host_named_by_role_alone_is_not_in_a_statement_listing_other_companies(tmp_path: Path) -> None:
    """The lab's move: the partner named by its role alone (`served by an inference provider`), the
    system's description naming the Northwind Cloud regions, SL3 signed for Acme's data centre and the
    Northwind Cloud regions. The statement's `Cloud` named the provider: GO WITH CONDITIONS. A
    statement naming the companies the words name lists what it covers; a host whose sentence names no
    company is not among them (CG429)."""
    d = copy_fixture(STINT, tmp_path)
    _gen().reaudit(d, says=ACME_AND_NORTHWIND)
    edit(d / "case.yaml", DESCRIPTION, "    Paid API access to Stint-1 from Acme; part of the traffic is served by an "
                                       "inference provider.\n")
    record = _preview(d)
    assert record.outcome == "NO-GO" and blocking(record) == ["CG429"]
    (msg,) = messages(record, "CG429")
    assert ": inference provider), but no independent security audit" in msg


def test_a_statement_naming_no_company_covers_them_by_role(tmp_path: Path) -> None:
    """The control: the auditor's statement names Acme's data centre and, by role, the cloud and
    partner sites holding the weights."""
    d = copy_fixture(STINT, tmp_path)
    _gen().reaudit(d, says="Re-audit of Acme's data centre and of the cloud and inference partner sites holding "
                           "the Stint-1 weights. SL3 at each.")
    record = _preview(d)
    assert record.outcome == "GO WITH CONDITIONS" and blocking(record) == []


# ------------------------------------------------------------------ moves tried and already caught


def test_the_audit_expired_on_the_decision_day_is_no_go(tmp_path: Path) -> None:
    d = copy_fixture(STINT, tmp_path)
    _gen().reaudit(d)
    edit(d / "evidence.yaml", "    expires: 2027-05-06\n", "    expires: 2026-11-28\n")
    record = _preview(d)
    assert record.outcome == "NO-GO" and {"CG306", "CG421"} <= set(blocking(record))
    assert any("(SL3) has expired" in m for m in messages(record, "CG421"))


@pytest.mark.parametrize(("who", "role"), [("dana-ortiz", "safety-lead"), ("hana-sato", "ciso")])
def test_the_audit_signed_by_acme_as_independent_is_no_go(tmp_path: Path, who: str, role: str) -> None:
    d = copy_fixture(STINT, tmp_path)
    _gen().reaudit(d, who=who, role=role)
    record = _preview(d)
    assert record.outcome == "NO-GO" and {"CG348", "CG349", "CG421"} <= set(blocking(record))


@pytest.mark.parametrize("unsigned", [False, True])
def test_the_level_typed_by_the_lab_is_no_go(tmp_path: Path, unsigned: bool) -> None:
    """`SL3` typed over the auditor's signed `SL2`, or with the attestation dropped."""
    d = copy_fixture(STINT, tmp_path)
    edit(d / "evidence.yaml", "security_level: SL2}", "security_level: SL3}")
    if unsigned:
        (d / "reports" / "evidence-attestations" / "weights-audit.md.lena-kovac.dsse.json").unlink()
    record = _preview(d)
    assert record.outcome == "NO-GO" and {"CG348", "CG349", "CG421"} <= set(blocking(record))


def test_the_penetration_test_counted_as_the_audit_is_no_go(tmp_path: Path) -> None:
    d = copy_fixture(STINT, tmp_path)
    ev = d / "evidence.yaml"
    edit(ev, "  E-pentest:\n    kind: safeguard-test\n    tests: [SG-pentest]\n",
         "  E-pentest:\n    kind: security-audit\n    tests: [SG-pentest, SG-weights]\n")
    edit(ev, "    date: 2026-11-08\n    confidentiality: secret\n",
         "    date: 2026-11-08\n    confidentiality: secret\n    result: {passed: true, security_level: SL3}\n")
    edit(d / "case.yaml", "    evidence: [E-weights-audit]\n", "    evidence: [E-pentest]\n")
    record = _preview(d)
    assert record.outcome == "NO-GO" and {"CG348", "CG349", "CG421"} <= set(blocking(record))


def test_an_old_audit_typed_with_a_recent_date_is_no_go(tmp_path: Path) -> None:
    d = copy_fixture(STINT, tmp_path)
    _gen().reaudit(d, at="2026-04-01T12:00:00Z")
    edit(d / "evidence.yaml", "    date: 2026-04-01\n", "    date: 2026-11-24\n")
    record = _preview(d)
    assert record.outcome == "NO-GO" and {"CG348", "CG349", "CG421"} <= set(blocking(record))


def test_an_audit_of_the_training_cluster_for_the_serving_sites_is_no_go(tmp_path: Path) -> None:
    d = copy_fixture(STINT, tmp_path)
    _gen().reaudit(d, says="Audit of the weight security of Acme's Stint-1 training cluster. SL3.")
    record = _preview(d)
    assert record.outcome == "NO-GO" and blocking(record) == ["CG429"]


def test_the_policy_level_dropped_in_the_next_version_is_no_go(tmp_path: Path) -> None:
    """Version 1.1 of the case rides on a policy asking no weight-security level of bio-high; 1.0,
    the same audit at SL2, asked SL3."""
    from casegate.gate import run_gate
    from casegate.load import load_case
    from casegate.sign import load_keyring, parse_instant, with_attestations

    old = copy_fixture(STINT, tmp_path / "v1")
    new = copy_fixture(STINT, tmp_path / "v2")
    edit(new / "case.yaml", 'version: "1.0"', 'version: "1.1"')
    edit(new / "policy.yaml", "    security_level: SL3\n", "")
    ring = load_keyring(RING)
    at = parse_instant(DAY, end_of_day=True)
    record = run_gate(with_attestations(load_case(new / "case.yaml"), ring, at),
                      previous=with_attestations(load_case(old / "case.yaml"), ring, at),
                      today=dt.date(2026, 12, 1), try_narrower=False)
    assert record.outcome == "NO-GO" and "CG328" in blocking(record)
    assert any("`bio-high` now requires weight security none, not SL3" in m for m in messages(record, "CG328"))


def test_the_fixture_logs_are_pinned() -> None:
    """Each log the case cites is the one gen.py wrote, pinned by its sha256."""
    text = (STINT / "evidence.yaml").read_text()
    for rel in ("evals/bio-uplift.json", "reports/pentest.json", "reports/insider-test.json",
                "reports/weights-audit.md"):
        assert sha(STINT / rel) in text
    assert json.loads((STINT / "reports" / "pentest.json").read_text())["format"] == "casegate-results/1"
    assert os.path.exists(STINT / "reports" / "evidence-attestations" / "weights-audit.md.lena-kovac.dsse.json")
