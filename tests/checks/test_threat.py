"""CG2xx: domains addressed or scoped out, pathways, misuse claims naming their domain."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from casegate.gate import run_gate
from casegate.load import load_case
from casegate.model import BoundaryKind, RuleSeverity
from casegate.sign import (
    attest_evidence,
    load_keyring,
    load_signer,
    parse_instant,
    with_attestations,
)

from ._cases import base_doc, context, hits, policy, severity

ATLAS = Path(__file__).resolve().parents[2] / "examples" / "atlas-api"
KEYRING = load_keyring(ATLAS / "keys" / "keyring.yaml")


def test_base_case_has_no_threat_findings() -> None:
    ctx = context(base_doc())
    assert all(hits(code, ctx) == [] for code in ("CG201", "CG202", "CG203", "CG204"))


def test_optional_domain_may_be_omitted() -> None:
    doc = base_doc()
    del doc["threat_model"]["persuasion"]
    domains = dict(policy().domains)
    domains["persuasion"] = domains["persuasion"].model_copy(update={"required": False})
    pol = policy().model_copy(update={"domains": domains})
    assert hits("CG201", context(doc, pol=pol)) == []
    assert [h.message for h in hits("CG201", context(doc))] == [
        "policy domain `persuasion` (Persuasion and manipulation) is neither addressed nor scoped out"]


def test_claim_inherits_domain_from_the_claim_it_supports() -> None:
    doc = base_doc()
    els = doc["argument"]["elements"]
    els["G2"]["supported_by"] = ["G2a"]
    els["G2a"] = {"claim": "The CTF runs were valid.", "evidence": ["E-ctf"]}
    assert hits("CG203", context(doc)) == []
    del els["G2"]["domain"]
    assert {h.path[-1] for h in hits("CG203", context(doc))} == {"G2", "G2a"}


def test_claim_domain_must_match_threshold_and_pathway() -> None:
    doc = base_doc()
    els = doc["argument"]["elements"]
    els["G2"]["domain"] = "cbrn"
    els["G3"]["pathway"] = "ransomware"
    els["G3"]["domain"] = "exfiltration"
    got = hits("CG203", context(doc))
    assert [h.path[-1] for h in got] == ["threshold", "pathway"]


def test_claim_citing_only_safeguard_tests_needs_no_domain() -> None:
    doc = base_doc()
    del doc["argument"]["elements"]["G3"]["domain"]
    assert hits("CG203", context(doc)) == []


def test_scoped_out_domain_between_alert_and_threshold_is_a_condition() -> None:
    doc = base_doc()
    doc["evidence"]["E-rnd"]["result"] = {"successes": 40, "trials": 120}
    (h,) = hits("CG204", context(doc))
    assert severity("CG204", h) is RuleSeverity.condition
    doc["evidence"]["E-rnd"]["result"] = {"successes": 70, "trials": 120}
    (h,) = hits("CG204", context(doc))
    assert severity("CG204", h) is RuleSeverity.blocking


# --------------------------------------------------------------------------- CG214


def _atlas_without_bio_refusal(tmp: Path) -> Path:
    """A copy of the example whose refusal training no longer blocks a step of the bio pathway:
    the pathway lacks the `model-behaviour` layer the policy requires for bio-high at the API."""
    d = tmp / "atlas-api"
    shutil.copytree(ATLAS, d)
    _edit(d / "case.yaml", "blocks: [cyber-ransomware.find-vulnerability, bio-known-agent.acquisition-planning]",
          "blocks: [cyber-ransomware.find-vulnerability]")
    return d


def _edit(p: Path, old: str, new: str) -> None:
    text = p.read_text()
    assert old in text, old
    p.write_text(text.replace(old, new, 1))


def _gate(d: Path) -> tuple[str, list[str]]:
    r = run_gate(with_attestations(load_case(d / "case.yaml"), KEYRING, parse_instant("2026-11-27", end_of_day=True)))
    return r.outcome, [f"{f.code} {f.message}" for f in r.findings if f.blocking]


def test_scoping_out_a_domain_the_policy_safeguards_at_the_boundary(tmp_path: Path) -> None:
    """The lab cannot show the bio pathway's required layers, so it scopes cbrn out on its
    evaluation (measured below the alert level), dropping the pathway, the safeguards' bio steps
    and the residual risk; the outside evaluator signs its classifier test again as the safeguard
    now is. Was GO WITH CONDITIONS: the baseline safeguards the policy sets for bio-high at the API
    went with the pathway."""
    d = _atlas_without_bio_refusal(tmp_path)
    outcome, blocking = _gate(d)
    assert outcome == "NO-GO" and any(b.startswith("CG403 pathway `bio-known-agent` has no `model-behaviour`")
                                      for b in blocking)
    case = (d / "case.yaml").read_text()
    cbrn = case[case.index("  cbrn:\n"):case.index("  exfiltration:\n")]
    case = case.replace(cbrn, "  cbrn:\n    scoped_out: >-\n      Biological uplift is measured below the Bio High "
                              "alert level (E-bio-uplift).\n    evidence: [E-bio-uplift]\n")
    case = case.replace(", bio-known-agent.obtain-access]", "]").replace(
        ", bio-known-agent.protocol-troubleshooting, bio-known-agent.acquisition-planning]", "]").replace(
        ", bio-known-agent.production]", "]")
    case = case.replace(case[case.index("  bio-known-agent:\n    estimate"):case.index("  weight-theft:\n    estimate")], "")
    (d / "case.yaml").write_text(case)
    os.chmod(d / "keys" / "jonas-berg.key", 0o600)
    attest_evidence(load_case(d / "case.yaml"), "E-redteam-classifier", load_signer(str(d / "keys" / "jonas-berg.key")),
                    KEYRING, "evaluator", activity="ran", says="1,200 attempts against the classifiers.",
                    at=parse_instant("2026-11-26T12:00:00Z"))
    outcome, blocking = _gate(d)
    assert outcome == "NO-GO"
    assert blocking == ["CG214 domain `cbrn` is scoped out, but at api the policy requires safeguards on its severe "
                        "pathways (2 layer(s), a `model-behaviour` safeguard, a `classifier` safeguard: bio-high "
                        "(baseline, from api)), so its risk arises at this boundary"]


def test_only_a_domain_the_policy_safeguards_at_the_boundary_must_stay_addressed() -> None:
    """ai-rnd's threshold sets no safeguards and stays scoped out; cbrn's sets baseline layers
    from the API boundary, so it may be scoped out of a narrower one only."""
    doc = base_doc()
    assert "scoped_out" in doc["threat_model"]["ai-rnd"] and "scoped_out" in doc["threat_model"]["cbrn"]
    assert [h.path for h in hits("CG214", context(doc))] == [("threat_model", "cbrn", "scoped_out")]
    assert hits("CG214", context(doc, boundary=BoundaryKind.trusted_access)) == []
