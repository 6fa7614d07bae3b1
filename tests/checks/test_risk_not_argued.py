"""CG808 risk-not-argued: the lab leaves out of the argument what it would rather not argue (the
safeguards, the weights), by deleting the claims or cutting the argument down to one claim, and
keeps the threat model, safeguards and evidence that the decision's other rules read."""

from __future__ import annotations

import random
import shutil
from pathlib import Path
from typing import Any

import pytest

from casegate.gate import run_gate
from casegate.load import load_case
from casegate.sign import load_keyring, parse_instant, with_attestations

ROOT = Path(__file__).resolve().parents[2]
ATLAS = ROOT / "examples" / "atlas-api"
KEYRING = load_keyring(ATLAS / "keys" / "keyring.yaml")


@pytest.fixture
def atlas(tmp_path: Path) -> Path:
    shutil.copytree(ATLAS, tmp_path / "atlas-api")
    return tmp_path / "atlas-api"


def _gate(d: Path) -> tuple[str, list[str]]:
    r = run_gate(with_attestations(load_case(d / "case.yaml"), KEYRING, parse_instant("2026-11-27")))
    return r.outcome, [f"{f.code} {f.message}" for f in r.findings if f.blocking]


def test_the_example_argues_every_risk(atlas: Path) -> None:
    outcome, blocking = _gate(atlas)
    assert outcome == "GO WITH CONDITIONS" and blocking == []


def test_deleting_the_safeguard_security_and_residual_risk_claims(atlas: Path) -> None:
    """Was GO WITH CONDITIONS: the top claim rests on the two capability claims alone."""
    f = atlas / "argument.yaml"
    text = f.read_text().replace("supported_by: [G2, G3, G4, G5, G6, G7]", "supported_by: [G2, G3]")
    f.write_text(text[:text.index("    G4:\n")])
    outcome, blocking = _gate(atlas)
    assert outcome == "NO-GO"
    assert blocking == [
        "CG808 domain `exfiltration`, which the threat model addresses, is argued by no developed claim the top "
        "claim depends on"] + [f"CG808 safeguard `{s}` is argued by no developed claim the top claim depends on"
                               for s in ("SG-kyc", "SG-refusal", "SG-classifier", "SG-monitoring", "SG-weights",
                                         "SG-egress")]


def test_an_argument_of_one_claim(atlas: Path) -> None:
    """Was GO WITH CONDITIONS: the top claim cites the bio run and answers its sandbagging defeater."""
    (atlas / "argument.yaml").write_text(
        "casegate: 1\nkind: case\nargument:\n  top: G1\n  elements:\n"
        "    G1: {claim: Atlas-2 may be offered through the API without unacceptable risk., domain: cbrn,\n"
        "         evidence: [E-bio-uplift], defeaters: [D1]}\n"
        "    D1: {defeater: Atlas-2 might sandbag the bio suite., kind: sandbagging, against: [G1],\n"
        "         status: answered, answered_by: [E-sandbag]}\n")
    outcome, blocking = _gate(atlas)
    assert outcome == "NO-GO"
    assert {b.split(" is argued")[0] for b in blocking} == {
        "CG808 domain `cyber`, which the threat model addresses,", "CG808 threshold `cyber-high` (of `cyber`)",
        "CG808 domain `exfiltration`, which the threat model addresses,"} | {
        f"CG808 safeguard `{s}`" for s in ("SG-kyc", "SG-refusal", "SG-classifier", "SG-monitoring", "SG-weights",
                                           "SG-egress")}


def test_a_residual_risk_claim_tagged_in_place_of_the_safeguard_claim(atlas: Path) -> None:
    """Was GO WITH CONDITIONS: the safeguard claim deleted and the residual-risk claim, resting on the
    classifier's and monitoring's tests, tagged `domain: cyber`. It argues those two safeguards, not
    the vetting and refusal training."""
    f = atlas / "argument.yaml"
    text = f.read_text().replace("supported_by: [G2, G3, G4, G5, G6, G7]", "supported_by: [G2, G3, G5, G6, G7]")
    text = text.replace(text[text.index("    G4:\n"):text.index("    G5:\n")], "")
    f.write_text(text.replace("      evidence: [E-redteam-classifier, E-monitoring]\n",
                              "      domain: cyber\n      evidence: [E-redteam-classifier, E-monitoring]\n", 1))
    outcome, blocking = _gate(atlas)
    assert outcome == "NO-GO"
    assert [b.split(" is argued")[0] for b in blocking] == ["CG808 safeguard `SG-kyc`", "CG808 safeguard `SG-refusal`"]


@pytest.mark.parametrize(("eid", "marked"), [("G1", "      supported_by: [S1]\n"),
                                             ("S1", "      supported_by: [G2, G3, G4, G5, G6, G7]\n")])
def test_an_argument_marked_undeveloped_above_its_claims_argues_nothing(atlas: Path, eid: str, marked: str) -> None:
    """Attack: the top claim, or the strategy everything hangs from, marked `undeveloped: true` (the
    case's own word that the argument is not made) with every claim under it kept: it was GO WITH
    CONDITIONS, since the claims under it counted as developed."""
    arg = (atlas / "argument.yaml").read_text()
    assert arg.count(marked) == 1
    (atlas / "argument.yaml").write_text(arg.replace(marked, marked + "      undeveloped: true\n"))
    outcome, blocking = _gate(atlas)
    assert outcome == "NO-GO"
    assert {b.split(" is argued by")[0] for b in blocking} == {
        "CG808 domain `cyber`, which the threat model addresses,", "CG808 threshold `cyber-high` (of `cyber`)",
        "CG808 domain `cbrn`, which the threat model addresses,", "CG808 threshold `bio-high` (of `cbrn`)",
        "CG808 domain `exfiltration`, which the threat model addresses,"} | {
        f"CG808 safeguard `{s}`" for s in ("SG-kyc", "SG-refusal", "SG-classifier", "SG-monitoring", "SG-weights",
                                           "SG-egress")}, blocking
    assert f"`{eid}` is marked undeveloped: what it rests on argues nothing through it" in blocking[0], blocking[0]


def _resting_reference(ctx: Any) -> set[str]:
    """`_resting_on_evidence`, element by element: the claims and strategies the top claim reaches
    through no undeveloped element, that cite evidence or list one that does (children first)."""
    els = ctx.case.argument.elements
    reached: set[str] = set()
    todo = [ctx.case.argument.top]
    while todo:
        n = todo.pop()
        if n in reached or n not in els or els[n].undeveloped:
            continue
        reached.add(n)
        todo.extend(x for x in els[n].supported_by if x in els)
    out: set[str] = set()
    for eid in reversed(ctx.index.order):
        e = els[eid]
        if eid in reached and e.type in ("claim", "strategy") and (
                e.evidence or any(k in out for k in e.supported_by)):
            out.add(eid)
    return out


@pytest.mark.parametrize("seed", range(60))
def test_the_developed_argument_is_what_walking_it_gives(seed: int) -> None:
    from casegate.checks.families.defeaters import _resting_on_evidence

    from ._cases import case, context
    from .test_argument_index import _random_doc, _random_forest_doc

    doc = (_random_doc if seed % 2 else _random_forest_doc)(seed)
    rnd = random.Random(seed)
    for e in doc["argument"]["elements"].values():
        if seed % 3 and rnd.random() < 0.15:
            e["undeveloped"] = True
        if rnd.random() < 0.3:
            e["evidence"] = ["E-redteam"]
    ctx = context(case(doc))
    got = _resting_on_evidence(ctx)
    assert len(got) == len(set(got)) and set(got) == _resting_reference(ctx)
