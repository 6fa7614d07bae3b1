"""Every surface says where an evidence item's values come from: 'derived' from its artifact,
'declared' (no artifact casegate reads: the author's word) or 'not derived' (its artifact gave
nothing). The eight answers, the GSN diagram, the report and the public summary each carry it."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from casegate.cli._publish import _diagram
from casegate.evidence import facts_for, rehash_artifacts
from casegate.gate import run_gate
from casegate.load import Loaded, load_case
from casegate.model import Confidentiality
from casegate.publish import Salts, evidence_basis, publish, readable_case, write_report
from casegate.render import argument_graph, render_mermaid, render_svg
from casegate.report import format_decision_markdown
from casegate.sign import load_keyring, parse_instant, with_attestations
from casegate.store import MemorySaltStore

from .atlas_copy import edit as _edit

AT = parse_instant("2026-11-27", end_of_day=True)
SALTS = Salts(MemorySaltStore())
DERIVED = ("E-cyber-ctf", "E-bio-uplift", "E-rnd-tasks", "E-kyc", "E-refusal", "E-monitoring")
"""The atlas-api evaluations and the developer's own safeguard tests: logs casegate reads."""
DECLARED = ("E-redteam-classifier", "E-weights-audit", "E-insider", "E-egress-test")
"""Its outside red teams and audits: Markdown reports, the author's word (attested)."""


def _loaded(d: Path) -> Loaded:
    return with_attestations(load_case(d / "case.yaml"), load_keyring(d / "keys" / "keyring.yaml"), AT)


def test_each_item_has_the_basis_its_artifact_gives(atlas: Path) -> None:
    basis = evidence_basis(_loaded(atlas))
    assert {e: basis[e] for e in DERIVED} == dict.fromkeys(DERIVED, "derived")
    assert {e: basis[e] for e in DECLARED} == dict.fromkeys(DECLARED, "declared")
    assert set(basis) == set(load_case(atlas / "case.yaml").case.evidence)  # type: ignore[union-attr]


def test_a_changed_artifact_is_not_derived_and_a_report_artifact_is_declared(atlas: Path) -> None:
    # the bio log no longer matches its pin; the R&D evaluation now cites a Markdown report
    (atlas / "evals" / "bio-uplift.json").write_bytes((atlas / "evals" / "bio-uplift.json").read_bytes() + b"\n")
    ev = atlas / "evidence.yaml"
    text = ev.read_text()
    start = text.index("  E-rnd-tasks:")
    block = text[start:text.index("\n  E-", start + 5)]
    sha = hashlib.sha256((atlas / "reports" / "weights-audit.md").read_bytes()).hexdigest()
    new = "\n".join(("    artifact: reports/weights-audit.md" if ln.startswith("    artifact:") else
                     f"    sha256: {sha}" if ln.startswith("    sha256:") else ln) for ln in block.splitlines())
    ev.write_text(text.replace(block, new))
    loaded = _loaded(atlas)
    basis = evidence_basis(loaded)
    assert (basis["E-cyber-ctf"], basis["E-bio-uplift"], basis["E-rnd-tasks"]) == ("derived", "not derived", "declared")
    cap = next(a for a in run_gate(loaded, today=AT.date()).answers if a.key == "capability")
    assert "E-cyber-ctf (derived from " in cap.answer
    assert "E-bio-uplift (not derived: its bytes do not match a pinned sha256" in cap.answer
    summary = publish(loaded, atlas / "out", salts=SALTS, formats=["json"]).summary
    got = {e.id: e.basis for e in summary.evidence}
    assert (got["E-cyber-ctf"], got["E-bio-uplift"], got["E-rnd-tasks"]) == ("derived", "not derived", "declared")


def test_the_eight_answers_label_each_item(atlas: Path) -> None:
    answers = {a.key: a.answer for a in run_gate(_loaded(atlas), today=AT.date()).answers}
    for eid, art in (("E-cyber-ctf", "evals/cyber-ctf.json"), ("E-bio-uplift", "evals/bio-uplift.json")):
        assert f"{eid} (derived from " in answers["capability"] and art in answers["capability"]
    assert "evidence E-kyc (derived from " in answers["safeguards"]
    assert "E-weights-audit (declared), E-insider (declared)" in answers["safeguards"]
    # independence and a safeguard's verifier are derived from a signed attestation; a verifier
    # nobody attested is the case's word
    assert "produced E-redteam-classifier [derived: signed attestation by Jonas Berg" in answers["checked-by"]
    assert "northbridge-security verified SG-classifier [derived: signed attestation by Jonas Berg" in answers["checked-by"]
    assert "the case says acme-safeguards verified SG-refusal [declared" in answers["checked-by"]


def test_typed_independence_without_attestation_is_labelled_declared_in_the_answers(atlas: Path) -> None:
    _edit(atlas / "evidence.yaml", "    producer: acme-trust-and-safety\n    date: 2026-10-15\n",
          "    producer: acme-trust-and-safety\n    independent: true\n    date: 2026-10-15\n")
    checked = next(a.answer for a in run_gate(_loaded(atlas), today=AT.date()).answers if a.key == "checked-by")
    assert "acme-trust-and-safety produced E-kyc [declared independent, not attested" in checked
    assert "(independent) produced E-kyc" not in checked


def test_the_decision_report_in_markdown_carries_the_labels(atlas: Path) -> None:
    md = format_decision_markdown(run_gate(_loaded(atlas), today=AT.date()))
    assert "E-weights-audit (declared)" in md and "E-cyber-ctf (derived from " in md


def test_the_diagram_labels_each_solution(atlas: Path) -> None:
    loaded = _loaded(atlas)
    graph = argument_graph(readable_case(loaded), basis=evidence_basis(loaded))
    notes = {k: n.note for k, n in graph.nodes.items() if n.kind == "solution"}
    assert notes["E-cyber-ctf"] == "derived" and notes["E-weights-audit"] == "declared"
    svg = render_svg(graph)
    assert '<tspan class="note">declared</tspan>' in svg or ">declared<" in svg
    assert "<i>derived</i>" in render_mermaid(graph)
    # without a basis nothing is claimed either way
    assert all(n.note is None for n in argument_graph(readable_case(loaded)).nodes.values() if n.kind == "solution")


def test_the_public_summary_and_its_diagram_carry_the_labels(atlas: Path) -> None:
    loaded = _loaded(atlas)
    pub = publish(loaded, atlas / "out", salts=SALTS, diagram=_diagram)
    data = json.loads(pub.files["json"].read_text())
    by_id = {e["id"]: e for e in data["evidence"]}
    assert by_id["E-cyber-ctf"]["basis"] == "derived"
    assert by_id["E-kyc"]["basis"] == "derived"  # restricted: redacted, but its basis is public
    assert by_id["E-kyc"]["redacted"] is not None
    assert by_id["E-weights-audit"]["basis"] == "declared"
    md = pub.files["md"].read_text()
    assert "**E-kyc** (safeguard-test, derived)" in md
    assert "**E-cyber-ctf** (eval, derived)" in md
    html = pub.files["html"].read_text()
    assert '<span class="meta basis">declared</span>' in html
    svg = pub.files["svg"].read_text()
    assert ">declared<" in svg and ">derived<" in svg


def test_the_report_carries_the_labels(atlas: Path) -> None:
    rep = write_report(_loaded(atlas), atlas / "report", salts=SALTS, diagram=_diagram,
                       level=Confidentiality.secret)
    html = rep.files["html"].read_text()
    assert '<span class="meta basis">declared</span>' in html and '<span class="meta basis">derived</span>' in html
    assert "E-weights-audit (declared)" in html


def test_facts_say_declared_for_an_item_with_no_artifact(atlas: Path) -> None:
    _edit(atlas / "evidence.yaml", "    artifact: reports/kyc-test.json\n", "")
    loaded = _loaded(atlas)
    _, facts = facts_for(loaded, rehash_artifacts(loaded), cache=False)
    assert facts is not None and facts.basis("E-kyc") == "declared" and facts.basis("E-cyber-ctf") == "derived"
