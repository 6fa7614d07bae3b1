"""An outside attestation is evidence about what was tested, as the case stated it when signed: the
safeguards the item tests (what each one is, not only its id) and, for evidence that measures the
model, the weights (the system's digests). A safeguard redefined under the same id, or a model
with other weights named on a first version, does not keep the outside credit; an envelope signed
before these were recorded counts only where it needs neither. Each test is the lab trying it on
the example."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casegate.evidence import EvidenceFacts, facts_for, rehash_artifacts
from casegate.gate import run_gate
from casegate.sign import (
    attest_artifact,
    attest_evidence,
    declared_values,
    decode_payload,
    envelope_bytes,
    load_keyring,
    load_signer,
    parse_instant,
)

from .atlas_copy import TODAY
from .atlas_copy import edit as _edit
from .atlas_copy import signed as _loaded

ATTESTED = "reports/evidence-attestations"
CLASSIFIER = "    title: Input and output classifiers for exploit and protocol content\n"
ATLAS_2 = "sha256:9dc9c848b28402c37719c78ea3f6fcf32c421c5e4d097286abd7470357e8b903"
ATLAS_3 = "sha256:" + "3" * 64


def _facts(atlas: Path) -> EvidenceFacts:
    loaded = _loaded(atlas)
    _, facts = facts_for(loaded, rehash_artifacts(loaded), cache=False)
    assert facts is not None
    return facts


def _gate(atlas: Path) -> tuple[str, dict[str, list[str]]]:
    report = run_gate(_loaded(atlas), today=TODAY)
    out: dict[str, list[str]] = {}
    for f in report.findings:
        if f.blocking:
            out.setdefault(f.code, []).append(f.message)
    return report.outcome, out


def _predicate(atlas: Path, name: str) -> dict[str, object]:
    pred = decode_payload(json.loads((atlas / ATTESTED / name).read_text()))["predicate"]  # type: ignore[index]
    assert isinstance(pred, dict)
    return pred


def test_an_attestation_signs_what_was_tested(atlas: Path, tmp_path: Path) -> None:
    """`casegate evidence attest` signs, for the red team of the classifiers, what the classifier
    safeguard is and the weights it ran against; for the weight-security audit, what the safeguard
    it audited is, and no weights (an audit of the hosts holds for whatever model they hold)."""
    loaded = _loaded(atlas)
    ring = load_keyring(atlas / "keys" / "keyring.yaml")
    preds = {}
    for eid, key in (("E-redteam-classifier", "jonas-berg"), ("E-weights-audit", "lena-kovac")):
        path, _, _ = attest_evidence(loaded, eid, load_signer(str(atlas / "keys" / f"{key}.key")), ring,
                                     "evaluator", activity="ran", says="Ran it.", at=parse_instant("2026-11-01"),
                                     out=tmp_path / f"{eid}.dsse.json")
        preds[eid] = decode_payload(json.loads(path.read_text()))["predicate"]  # type: ignore[index]
    red, audit = preds["E-redteam-classifier"], preds["E-weights-audit"]
    assert red["safeguards"] == {"SG-classifier": {
        "layer": "classifier", "title": "Input and output classifiers for exploit and protocol content",
        "blocks": ["bio-known-agent.acquisition-planning", "bio-known-agent.protocol-troubleshooting",
                   "cyber-ransomware.build-exploit"], "security": False}}
    assert red["system_digests"] == [ATLAS_2]
    assert list(audit["safeguards"]) == ["SG-weights"] and audit["safeguards"]["SG-weights"]["security"] is True
    assert "system_digests" not in audit


def test_a_classifier_retitled_as_a_keyword_blocklist_loses_its_outside_red_team(atlas: Path) -> None:
    """A11: the classifiers are replaced by a keyword blocklist under the same id. Northbridge red-
    teamed the classifiers; their 3 bypasses in 1,200 say nothing about a blocklist, so the item
    is not independent and its typed counts are the case's own word: NO-GO."""
    assert _gate(atlas)[0] == "GO WITH CONDITIONS"
    _edit(atlas / "case.yaml", CLASSIFIER, "    title: Keyword blocklist for exploit and protocol terms\n")
    ind = _facts(atlas).independence["E-redteam-classifier"]
    assert not ind.independent
    want = ('attests `E-redteam-classifier` as a test of `SG-classifier` as the case defined it then, but the case '
            'now defines `SG-classifier` otherwise (its title was "Input and output classifiers for exploit and '
            'protocol content", now "Keyword blocklist for exploit and protocol terms")')
    assert any(want in r and "have the evaluator test `SG-classifier` as it now is" in r for r in ind.reasons), \
        ind.reasons
    outcome, codes = _gate(atlas)
    assert outcome == "NO-GO"
    assert any(want in m for m in codes["CG348"]), codes
    assert any("`E-redteam-classifier` states 3 bypass(es) in 1200 attempt(s)" in m and want in m
               for m in codes["CG353"]), codes
    # the title is compared by its words; the safeguard's evidence list (which cites the item
    # itself), who verified it and who may see it are not what was tested
    _edit(atlas / "case.yaml", "    title: Keyword blocklist for exploit and protocol terms\n",
          "    title: INPUT AND OUTPUT classifiers for exploit-and-protocol content.\n")
    _edit(atlas / "case.yaml", "    evidence: [E-redteam-classifier]\n    verified_by: northbridge-security\n",
          "    evidence: [E-redteam-classifier, E-refusal]\n    verified_by: acme-safeguards\n")
    assert _facts(atlas).independence["E-redteam-classifier"].independent


@pytest.mark.parametrize(("old", "new", "changed"), [
    ("    layer: classifier\n", "    layer: rate-limit\n", "its layer was classifier, now rate-limit"),
    ("    blocks: [cyber-ransomware.build-exploit, bio-known-agent.protocol-troubleshooting, "
     "bio-known-agent.acquisition-planning]\n",
     "    blocks: [cyber-ransomware.build-exploit, bio-known-agent.protocol-troubleshooting, "
     "bio-known-agent.acquisition-planning, cyber-ransomware.deploy]\n",
     "it now also blocks `cyber-ransomware.deploy`"),
    ("    verified_by: northbridge-security\n", "    verified_by: northbridge-security\n    security: true\n",
     "it is now a security control"),
])
def test_a_tested_safeguard_redefined_in_substance_loses_its_outside_test(atlas: Path, old: str, new: str,
                                                                          changed: str) -> None:
    text = (atlas / "case.yaml").read_text()
    at = text.index("  SG-classifier:\n")
    (atlas / "case.yaml").write_text(text[:at] + text[at:].replace(old, new, 1))
    ind = _facts(atlas).independence["E-redteam-classifier"]
    assert not ind.independent
    assert any(f"now defines `SG-classifier` otherwise ({changed})" in r for r in ind.reasons), ind.reasons


def test_atlas_2s_probe_does_not_count_for_atlas_3_on_a_first_version(atlas: Path) -> None:
    """A5: a first-version case for Atlas-3 (new weights, no earlier version to compare with, so
    CG352 has nothing to weigh) reuses the sandbagging probe Northbridge ran on Atlas-2. The
    attestation signed Atlas-2's digest: the probe's `passed: true` is the case's own word, and
    the sandbagging defeaters it answered stand open."""
    _edit(atlas / "case.yaml", "  name: Atlas-2\n  version: 2.1.0\n", "  name: Atlas-3\n  version: 3.0.0\n")
    _edit(atlas / "case.yaml", f"digests: [{ATLAS_2}]", f"digests: [{ATLAS_3}]")
    facts = _facts(atlas)
    probe = facts.independence["E-sandbag"]
    assert not probe.independent
    want = (f"attests `E-sandbag` for the weights with digest {ATLAS_2[:19]}..., but the system's digests are now "
            f"{ATLAS_3[:19]}...: a sandbagging-probe of other weights says nothing about these")
    assert any(want in r for r in probe.reasons), probe.reasons
    # the audit and the egress test of the hosts do not measure the weights: they still count
    assert facts.independence["E-weights-audit"].independent and facts.independence["E-egress-test"].independent
    outcome, codes = _gate(atlas)
    assert outcome == "NO-GO" and "CG352" not in codes
    assert any("`E-sandbag`" in m and want in m for m in codes["CG356"]), codes
    assert any("sandbagging defeater `D1` is answered by `E-sandbag`" in m for m in codes["CG805"]), codes
    # listing the probed weights beside the new ones does not bring the credit back: the decision
    # would cover both, and the probe measured one
    _edit(atlas / "case.yaml", f"digests: [{ATLAS_3}]", f"digests: [{ATLAS_3}, {ATLAS_2}]")
    probe = _facts(atlas).independence["E-sandbag"]
    assert not probe.independent
    assert any(f"but the system also lists {ATLAS_3[:19]}...: the decision would cover weights this "
               "sandbagging-probe never measured" in r for r in probe.reasons), probe.reasons
    _edit(atlas / "case.yaml", f"digests: [{ATLAS_3}, {ATLAS_2}]", f"digests: [{ATLAS_2}]")
    assert _facts(atlas).independence["E-sandbag"].independent


def test_an_unmeasured_second_model_beside_the_attested_one_does_not_keep_the_outside_credit(atlas: Path) -> None:
    """A first version lists, beside the weights the outside evaluators ran against, a second
    digest (a fine-tune nobody evaluated), so that one decision, approved, would deploy both. Every
    item that measures the weights and was signed for the first alone stops counting as
    independent: the example goes GO WITH CONDITIONS -> NO-GO."""
    assert _gate(atlas)[0] == "GO WITH CONDITIONS"
    _edit(atlas / "case.yaml", f"digests: [{ATLAS_2}]", f"digests: [{ATLAS_2}, {ATLAS_3}]")
    facts = _facts(atlas)
    for eid in ("E-sandbag", "E-redteam-classifier", "E-insider"):
        ind = facts.independence[eid]
        assert not ind.independent and any(f"but the system also lists {ATLAS_3[:19]}..." in r
                                           for r in ind.reasons), (eid, ind.reasons)
    # the audit of the hosts measures no weights: it still counts
    assert facts.independence["E-weights-audit"].independent
    outcome, codes = _gate(atlas)
    assert outcome == "NO-GO"
    assert any("`E-redteam-classifier` is marked independent" in m for m in codes["CG348"]), codes


def _sign_as_before(atlas: Path, eid: str, key: str, name: str) -> None:
    """An envelope as `casegate evidence attest` signed it before safeguards and weights were
    recorded: the item's id, kind, tests, result and date only."""
    loaded = _loaded(atlas)
    assert loaded.case is not None
    ev = loaded.case.evidence[eid]
    path = loaded.artifact_path(eid)
    assert path is not None
    old = _predicate(atlas, name)
    env, _, _ = attest_artifact(path, load_signer(str(atlas / "keys" / f"{key}.key")),
                                load_keyring(atlas / "keys" / "keyring.yaml"), "evaluator", activity="ran",
                                says=str(old["statement"]), evidence_id=eid, at=parse_instant(str(old["signed_at"])),
                                kind=ev.kind, tests=list(ev.tests), declared=declared_values(ev))
    (atlas / ATTESTED / name).write_bytes(envelope_bytes(env))


def test_an_envelope_signed_before_safeguards_were_recorded_is_set_aside(atlas: Path) -> None:
    """It would count for whatever the case now defines under the tested safeguard's id."""
    _sign_as_before(atlas, "E-redteam-classifier", "jonas-berg", "redteam-classifier.md.jonas-berg.dsse.json")
    ind = _facts(atlas).independence["E-redteam-classifier"]
    assert not ind.independent
    assert any("does not record what the safeguards `E-redteam-classifier` tests (SG-classifier) were when it was "
               "signed" in r and "sign it again with `casegate evidence attest E-redteam-classifier`" in r
               for r in ind.reasons), ind.reasons


def test_an_envelope_signed_before_weights_were_recorded_is_set_aside(atlas: Path) -> None:
    """A probe that tests no safeguard needs only the weights; without them it would count for
    whatever model the case names."""
    _sign_as_before(atlas, "E-sandbag", "jonas-berg", "sandbagging-probe.md.jonas-berg.dsse.json")
    ind = _facts(atlas).independence["E-sandbag"]
    assert not ind.independent
    assert any("records no system digests, but `E-sandbag` (sandbagging-probe) measures the model's weights" in r
               and "sign it again with `casegate evidence attest E-sandbag`" in r for r in ind.reasons), ind.reasons


def test_an_envelope_with_unreadable_weights_is_set_aside(atlas: Path) -> None:
    from casegate.sign import check_attestation, sign_statement, statement

    name = "sandbagging-probe.md.jonas-berg.dsse.json"
    stmt = decode_payload(json.loads((atlas / ATTESTED / name).read_text()))
    assert isinstance(stmt, dict)
    stmt["predicate"]["system_digests"] = ["Atlas-2"]
    env = sign_statement(statement(stmt["subject"], stmt["predicateType"], stmt["predicate"]),
                         load_signer(str(atlas / "keys" / "jonas-berg.key")))
    att, reasons = check_attestation(env, load_keyring(atlas / "keys" / "keyring.yaml"),
                                     parse_instant("2026-11-27"), "probe")
    assert att is None and reasons == ["probe: its system digests are not a list of `sha256:<hex>` digests"]
