"""A `trusted-access` boundary is one whose users someone vetted: access typed `vetted-organisations`
or `named-partners` is what makes an external deployment one (the kind table), and the kind asks for
fewer signers and safeguards than `api`. Atlas-api without its external evaluator's sign-off is NO-GO
at `api` (CG501); relabelled `trusted-access`, access `vetted-organisations`, with a vetting of "none"
or "anyone who signs up" and users "anyone who signs up", it was GO WITH CONDITIONS. The vetting must
now name one, and a `user-vetting` safeguard must cite evidence of it (CG105)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from pathlib import Path

import pytest
from tests.checks._cases import base_doc, context, hits

from casegate.gate import run_gate
from casegate.load import Loaded, load_case
from casegate.model import DecisionRecord
from casegate.sign import load_keyring, parse_instant, with_attestations

ROOT = Path(__file__).resolve().parents[2]
ATLAS = ROOT / "examples" / "atlas-api"
TODAY = dt.date(2026, 11, 27)

API_SCOPE = """  kind: api
  tools: [code-execution]
  scope:
    users: verified developers enrolled through the identity-verified access programme
    rate_limit: 600 requests/min per key, 5M tokens/day per organisation
    regions: [US, EU, UK, JP]
    access: self-serve
    vetting: identity verification and a use-case review before an API key is issued
"""
EVALUATOR = ("    - {role: external-evaluator, person: Priya Natarajan, date: 2026-11-22, "
             "relies_on: [E-cyber-ctf, E-redteam-classifier]}\n")


def _case(tmp: Path, *, vetting: str | None = None, users: str = "anyone who signs up") -> Path:
    """Atlas-api without the external evaluator's sign-off; relabelled `trusted-access` with
    `vetting` and `users` when a vetting is given."""
    d = tmp / "case"
    shutil.copytree(ATLAS, d)
    p = d / "case.yaml"
    text = p.read_text()
    assert API_SCOPE in text and EVALUATOR in text
    text = text.replace(EVALUATOR, "")
    if vetting is not None:
        text = text.replace(API_SCOPE, API_SCOPE.replace("kind: api", "kind: trusted-access")
                            .replace("access: self-serve", "access: vetted-organisations")
                            .replace("users: verified developers enrolled through the identity-verified access programme",
                                     f"users: {users}")
                            .replace("vetting: identity verification and a use-case review before an API key is issued",
                                     f"vetting: {vetting}"))
    p.write_text(text)
    return p


def _gate(case: Path) -> DecisionRecord:
    return run_gate(load_case(case), today=TODAY)


def _cg105(record: DecisionRecord) -> list[str]:
    return [f.message for f in record.findings if f.code == "CG105"]


def test_without_the_outside_evaluator_the_api_case_is_no_go(tmp_path: Path) -> None:
    record = _gate(_case(tmp_path))
    assert record.outcome == "NO-GO"
    assert any(f.code == "CG501" for f in record.findings)


@pytest.mark.parametrize("vetting", ["none", "anyone who signs up", "TBD", "None", "Anyone who signs up", "SELF-SERVE",
                                     "\u0430nyone who signs up", "N\u043ene"])  # Cyrillic а, о: read as they look
def test_trusted_access_whose_members_are_anyone_is_no_go(tmp_path: Path, vetting: str) -> None:
    record = _gate(_case(tmp_path, vetting=vetting))
    assert record.outcome == "NO-GO"
    open_words, hollow = _cg105(record)  # the users' words let anyone in, and so does the vetting
    assert "the boundary's words let in people no one vets (\"anyone who signs up\")" in open_words
    assert "access is limited to `vetted-organisations` but the vetting it states names none" in hollow


def test_trusted_access_whose_vetting_names_none_is_no_go_whoever_its_users_are(tmp_path: Path) -> None:
    record = _gate(_case(tmp_path, vetting="none", users="developers at partner organisations"))
    (msg,) = _cg105(record)
    assert "access is limited to `vetted-organisations` but the vetting it states names none" in msg


@pytest.mark.parametrize("vetting", ["No-cost application reviewed by the partnerships team before a key is issued",
                                     "Open-source maintainers reviewed one by one by the trust and safety team"])
def test_a_vetting_beginning_with_a_hyphenated_word_is_judged_by_its_words(tmp_path: Path, vetting: str) -> None:
    """`no-cost` and `open-source` are not `no` and `open`: the statement names a vetting."""
    record = _gate(_case(tmp_path, vetting=vetting, users="developers admitted to the programme"))
    assert _cg105(record) == []


def test_trusted_access_with_a_stated_vetting_but_no_vetting_safeguard_blocks() -> None:
    doc = base_doc()
    doc["boundary"]["kind"] = "trusted-access"
    doc["boundary"]["scope"].update(access="vetted-organisations",
                                    vetting="organisations reviewed by the partnerships team")
    for sg in doc["safeguards"].values():
        if sg["layer"] == "user-vetting":
            sg["layer"] = "rate-limit"  # the case's admission stated, no safeguard showing it
    (h,) = hits("CG105", context(doc))
    assert h.path == ("boundary", "scope", "access")
    assert "no `user-vetting` safeguard with evidence shows that vetting" in h.message


def test_trusted_access_with_its_vetting_shown_passes(tmp_path: Path) -> None:
    """The honest relabelling (users vetted, the KYC safeguard with its evidence) keeps the kind."""
    record = _gate(_case(tmp_path, vetting="identity verification and a use-case review before an API key is issued",
                         users="developers admitted to the programme"))
    assert _cg105(record) == []


def test_trusted_access_whose_users_are_anyone_who_signs_up_is_no_go_whatever_its_vetting(tmp_path: Path) -> None:
    """The users' words let anyone in, beside a vetting with substance and its tested safeguard:
    the access is self-serve in all but the field (it passed before)."""
    record = _gate(_case(tmp_path, vetting="identity verification and a use-case review before an API key is issued"))
    assert record.outcome == "NO-GO"
    (msg,) = _cg105(record)
    assert "the boundary's words let in people no one vets (\"anyone who signs up\")" in msg


def _keyed(path: Path) -> Loaded:
    at = parse_instant(TODAY.isoformat(), end_of_day=True)
    return with_attestations(load_case(path), load_keyring(ATLAS / "keys" / "keyring.yaml"), at)


def _relabelled(tmp: Path, *, retest: bool) -> tuple[Path, Path]:
    """Atlas-api as version 1 (`api`, self-serve), and version 2 relabelled `trusted-access` with
    access `vetted-organisations`, the same vetting words and, unless `retest`, the same KYC test,
    without the external evaluator's sign-off."""
    v1, v2 = tmp / "v1", tmp / "v2"
    shutil.copytree(ATLAS, v1)
    shutil.copytree(ATLAS, v2)
    p = v2 / "case.yaml"
    text = p.read_text()
    assert API_SCOPE in text and EVALUATOR in text
    p.write_text(text.replace(EVALUATOR, "").replace(API_SCOPE, API_SCOPE.replace("kind: api", "kind: trusted-access")
                                                     .replace("access: self-serve", "access: vetted-organisations")))
    if retest:
        report = json.loads((v2 / "reports" / "kyc-test.json").read_text())
        report["created"] = "2026-11-25T10:00:00Z"
        (v2 / "reports" / "kyc-test-2.json").write_text(json.dumps(report))
        sha = hashlib.sha256((v2 / "reports" / "kyc-test-2.json").read_bytes()).hexdigest()
        ev = v2 / "evidence.yaml"
        text = ev.read_text()
        assert "  E-monitoring:\n" in text
        ev.write_text(text.replace("  E-monitoring:\n", (
            "  E-kyc-2:\n    kind: safeguard-test\n    tests: [SG-kyc]\n"
            "    title: Adversarial enrolment test of the vetted-organisation programme\n"
            f"    artifact: reports/kyc-test-2.json\n    sha256: {sha}\n    producer: acme-trust-and-safety\n"
            "    date: 2026-11-25\n    confidentiality: restricted\n  E-monitoring:\n"), 1))
        text = p.read_text()
        assert "    evidence: [E-kyc]\n" in text
        p.write_text(text.replace("    evidence: [E-kyc]\n", "    evidence: [E-kyc, E-kyc-2]\n", 1))
    return v1 / "case.yaml", p


def test_an_api_relabelled_trusted_access_on_its_old_vetting_test_is_no_go(tmp_path: Path) -> None:
    """Version 2 of atlas-api calls the same self-serve programme `vetted-organisations`, drops to
    `trusted-access` and so needs no external evaluator: GO WITH CONDITIONS before, compared with
    version 1. The vetting test is version 1's, made for the users it admitted then."""
    v1, v2 = _relabelled(tmp_path, retest=False)
    record = run_gate(_keyed(v2), previous=_keyed(v1), today=TODAY, try_narrower=False)
    assert record.outcome == "NO-GO"
    (msg,) = _cg105(record)
    assert "had access `self-serve` (boundary `api`)" in msg and "no `user-vetting` safeguard rests on a test" in msg


def test_a_narrowing_with_the_vetting_tested_since_keeps_the_kind(tmp_path: Path) -> None:
    v1, v2 = _relabelled(tmp_path, retest=True)
    record = run_gate(_keyed(v2), previous=_keyed(v1), today=TODAY, try_narrower=False)
    assert _cg105(record) == []
    assert record.outcome == "GO WITH CONDITIONS", [f.message for f in record.findings if f.blocking]


HONEST_VETTING = "identity verification and a use-case review before an API key is issued"


@pytest.mark.parametrize("users", [
    "vetted developers, who request keys through a self-service portal",
    "developers at partner organisations; anyone they invite must pass the same vetting",
    "developers at partner organisations and their guests vetted by the access committee",
    "any developer with a company email address is reviewed by the access committee before a key is issued",
])
def test_an_open_way_in_that_someone_else_vets_keeps_the_kind(tmp_path: Path, users: str) -> None:
    """A vetted programme's own words about invitees, guests, email addresses or a self-service
    portal, each saying someone else vets those it lets in, are not an open sign-up: the vetting is
    judged by its words and its test, as any."""
    assert _cg105(_gate(_case(tmp_path, vetting=HONEST_VETTING, users=users))) == []


@pytest.mark.parametrize("users", [
    "anyone who signs up with a company email address is verified automatically",
    "anyone who signs up is vetted by themselves through an attestation",
    "developers at partner organisations and anyone they invite",
    "self-service sign-up for any developer",
])
def test_an_open_way_in_vetted_by_no_one_else_is_still_no_go(tmp_path: Path, users: str) -> None:
    """Saying the open way in is vetted automatically, or by the users themselves, does not make it
    vetted by someone else."""
    record = _gate(_case(tmp_path, vetting=HONEST_VETTING, users=users))
    assert record.outcome == "NO-GO"
    assert any("the boundary's words let in people no one vets" in m for m in _cg105(record))


@pytest.mark.parametrize("users", [
    "developers at partner organisations and their guests, who are vetted by the access committee",
    "partner developers and their guests, each of whom is screened by the trust team before a key is issued",
    "partner developers and anyone they invite, once vetted by the access committee",
    "partner developers and their guests\uff0c who are reviewed by the access committee",  # a full-width comma
    "their guests vetted by the access committee, who then get automatic access",
])
def test_a_vetting_stated_in_a_relative_clause_after_a_comma_keeps_the_kind(tmp_path: Path, users: str) -> None:
    """A relative clause after a comma (`, who ...`, `, each of whom ...`, `, once vetted by ...`)
    continues the clause before it: the vetting it states is said of the people that clause lets in."""
    assert _cg105(_gate(_case(tmp_path, vetting=HONEST_VETTING, users=users))) == []


@pytest.mark.parametrize("users", [
    "their guests, and anyone else who signs up",
    "their guests, who vouch for themselves",
    "anyone, who then gets access at once",
    "their guests, who need no approval by the access committee",
    "their guests, who are not vetted by the access committee",
    "their guests, who are approved by themselves",
    "their guests. Who are vetted by the access committee is not stated",
    "their guests, and the staff, who are vetted by the access committee",
])
def test_an_open_way_in_whose_relative_clause_vets_no_one_is_still_no_go(tmp_path: Path, users: str) -> None:
    """A clause that does not continue the open way in (`, and anyone else ...`, after a full stop),
    one that says they vet themselves, or one that denies a vetting, does not excuse it; a denial in
    the relative clause does not deny the open way in before it."""
    record = _gate(_case(tmp_path, vetting=HONEST_VETTING, users=users))
    assert record.outcome == "NO-GO"
    assert any("the boundary's words let in people no one vets" in m for m in _cg105(record))
