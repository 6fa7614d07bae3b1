"""Ids in the published texts read with their titles, taken only from what the summary shows."""

from __future__ import annotations

from pathlib import Path

from casegate.load import load_case
from casegate.model import Condition, Confidentiality, DecisionRecord
from casegate.publish import Salts, build_summary, glossary, with_titles
from casegate.publish._render import render
from casegate.store import MemorySaltStore

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "atlas-api" / "case.yaml"


def _summary(level: Confidentiality):  # type: ignore[no-untyped-def]
    loaded = load_case(EXAMPLE)
    case = loaded.case
    assert case is not None and case.boundary is not None
    cond = Condition(id="C1", text="Re-test `SG-kyc` before scale-up", cause="finding", path=("safeguards",),
                     finding="`SG-kyc` was tested on 40 attempts (one-sided clopper-pearson bound 0.07)",
                     fix="Re-test SG-kyc with 200 attempts")
    record = DecisionRecord(casegate_version="test", case_id=case.id, case_version=case.version,
                            system="Atlas-2 2.1.0", boundary=case.boundary.kind, decided_at="2026-11-23",
                            outcome="GO WITH CONDITIONS", conditions=[cond])
    return build_summary(case, record, salts=Salts(MemorySaltStore()), level=level, policy=loaded.policy)


def test_first_mention_of_each_id_gets_its_title() -> None:
    terms = {"SG-kyc": "Identity-verified developer programme", "cyber-ransomware": "Ransomware"}
    out = with_titles("`SG-kyc` blocks cyber-ransomware.#1; SG-kyc again; SG-kycx is another id", terms)
    assert out == ("`SG-kyc` (Identity-verified developer programme) blocks cyber-ransomware.#1 (Ransomware); "
                   "SG-kyc again; SG-kycx is another id")
    # an id already followed by its title is left as written
    assert with_titles("cyber-ransomware (Ransomware): ok", terms) == "cyber-ransomware (Ransomware): ok"
    assert with_titles("one-sided Clopper-Pearson bound", {}) == "one-sided Clopper-Pearson (the exact binomial method) bound"
    assert with_titles(None, terms) == ""


def test_summary_titles_ids_it_shows_and_never_redacted_ones() -> None:
    shown = _summary(Confidentiality.secret)
    assert glossary(shown)["SG-kyc"] == "Identity-verified developer programme"
    md = render("summary.md.j2", s=shown, chart_files=[])
    assert "`SG-kyc` (Identity-verified developer programme) was tested" in md
    html = render("summary.html.j2", s=shown, svg=None, charts=[])
    assert "<code>SG-kyc</code> (Identity-verified developer programme)" in html
    public = _summary(Confidentiality.public)
    assert "SG-kyc" not in glossary(public)  # redacted at this level: its title is not shown
    assert "Identity-verified developer programme" not in render("summary.md.j2", s=public, chart_files=[])
