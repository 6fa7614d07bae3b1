"""A regime section filled with text that says nothing is a gap. The lab writes the facts its regime
documents are made from: a `TBD`, an `N/A`, a contact that reaches nobody, or one paragraph copied
into every governance field made the section count as filled, so CG1001 (a condition of the
decision) and CG1002 went, and the transparency report and Model Report showed the placeholder as
the answer. And `casegate regime gaps` took the case's own `independent: true` as an outside
evaluator, where the gate counts only a signed attestation."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from casegate.checks import Context, fill_section
from casegate.gate import run_gate
from casegate.load import load_builtin_regime, load_case
from casegate.model import Case
from casegate.model._policy import Governance
from casegate.publish import Salts
from casegate.regime import build_document
from casegate.sign import load_keyring, parse_instant, with_attestations
from casegate.store import MemorySaltStore

ROOT = Path(__file__).resolve().parents[2]
ATLAS = ROOT / "examples" / "atlas-api"
KEYRING = load_keyring(ATLAS / "keys" / "keyring.yaml")
AT = parse_instant("2026-11-27", end_of_day=True)
TODAY = dt.date(2026, 11, 27)


def _copy(tmp: Path, *edits: tuple[str, str]) -> Path:
    d = tmp / "atlas"
    shutil.copytree(ATLAS, d)
    case = d / "case.yaml"
    text = case.read_text()
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    case.write_text(text)
    return case


def _regime_findings(case: Path) -> list[str]:
    r = run_gate(with_attestations(load_case(case), KEYRING, AT), today=TODAY)
    return [f"{f.code} {f.message}" for f in r.findings if f.code in ("CG1001", "CG1002")]


LANGUAGES = "    languages: [English, French, German, Japanese, Spanish]\n"
MODALITIES = "    modalities: [text, code]\n"
USES = "    intended_uses: [software engineering assistance, data analysis with sandboxed code execution]\n"
DESCRIPTION = "  description: Acme's general-purpose frontier model, second generation.\n"
CONTACT = "    contact: safety@acme.example (monitored daily; security reports via https://acme.example/security)\n"
WEBSITE = "    website: https://acme.example/atlas-2\n"


def test_the_example_fills_every_case_section(tmp_path: Path) -> None:
    assert [f for f in _regime_findings(_copy(tmp_path)) if f.startswith("CG1001")] == []


def test_placeholders_in_the_release_facts_are_gaps(tmp_path: Path) -> None:
    """The lab types `[TBD]`, `[-]` and `[N/A]` for the languages, modalities and intended uses the
    SB 53 transparency report asks for: the sections counted as filled and the decision carried no
    CG1001 condition for them."""
    case = _copy(tmp_path, (LANGUAGES, "    languages: [TBD]\n"), (MODALITIES, "    modalities: [\"-\"]\n"),
                 (USES, "    intended_uses: [N/A, to be determined]\n"))
    got = [f for f in _regime_findings(case) if f.startswith("CG1001")]
    assert got == [
        'CG1001 ca-sb53 transparency-report: section "Supported languages" (22757.12(c)(1)(D)) cannot be filled '
        'from the case: `system.release.languages` says nothing: "TBD" is boilerplate',
        'CG1001 ca-sb53 transparency-report: section "Output modalities" (22757.12(c)(1)(E)) cannot be filled '
        'from the case: `system.release.modalities` says nothing: it is empty',
        'CG1001 ca-sb53 transparency-report: section "Intended uses" (22757.12(c)(1)(F)) cannot be filled '
        'from the case: `system.release.intended_uses` says nothing: "N/A" is boilerplate; '
        '"to be determined" is boilerplate',
    ], got


def test_one_real_item_beside_a_placeholder_still_fills_the_section(tmp_path: Path) -> None:
    case = _copy(tmp_path, (LANGUAGES, "    languages: [English, TBD]\n"))
    assert [f for f in _regime_findings(case) if f.startswith("CG1001")] == []
    loaded = load_case(case)
    record = run_gate(loaded, today=TODAY)
    doc = build_document(loaded, "ca-sb53", "transparency-report", salts=Salts(MemorySaltStore()),
                         record=record, today=TODAY)
    langs = next(s for s in doc.sections if s.title == "Supported languages")
    assert [i.text for i in langs.items] == ["English"]


@pytest.mark.parametrize(("edit", "why"), [
    ((CONTACT, "    contact: ask our team\n"),
     '`system.release.contact` says nothing: "ask our team" gives no email address, web address or '
     'telephone number to reach the developer'),
    ((CONTACT, "    contact: TBD\n"),
     '`system.release.contact` says nothing: "TBD" gives no email address, web address or telephone '
     'number to reach the developer'),
    ((WEBSITE, "    website: TBD\n"), '`system.release.website` says nothing: "TBD" is not a web address'),
])
def test_a_contact_that_reaches_nobody_is_a_gap(tmp_path: Path, edit: tuple[str, str], why: str) -> None:
    got = [f for f in _regime_findings(_copy(tmp_path, edit)) if f.startswith("CG1001")]
    assert got == ['CG1001 ca-sb53 transparency-report: section "Website and contact" (22757.12(c)(1)(A) and (B)) '
                   f"cannot be filled from the case: {why}"], got


def test_a_contact_by_telephone_or_web_form_reaches_someone(tmp_path: Path) -> None:
    edits = [(CONTACT, "    contact: \"+1 (415) 555-0100\"\n"),
             (CONTACT, "    contact: https://acme.example/contact\n"),
             (WEBSITE, "    website: https://acme.example:8443/atlas-2\n")]
    for i, edit in enumerate(edits):
        d = tmp_path / str(i)
        d.mkdir()
        assert [f for f in _regime_findings(_copy(d, edit)) if f.startswith("CG1001")] == [], edit


def test_a_description_that_says_nothing_is_a_gap_in_the_model_report(tmp_path: Path) -> None:
    """`description: TBD` filled the Code of Practice's Model Report section on the model, which
    showed "TBD" as the model's description."""
    case = _copy(tmp_path, (DESCRIPTION, "  description: TBD\n"))
    got = [f for f in _regime_findings(case) if f.startswith("CG1001")]
    assert got == ['CG1001 eu-gpai-cop-2025 model-report: section "Model description and behaviour" (Measure 7.1) '
                   'cannot be filled from the case: `system.description` says nothing: "TBD" is boilerplate'], got
    def model_report(case: Path):  # type: ignore[no-untyped-def]
        loaded = load_case(case)
        return build_document(loaded, "eu-gpai-cop-2025", "model-report", salts=Salts(MemorySaltStore()),
                              record=run_gate(loaded, today=TODAY), today=TODAY)

    doc, before = model_report(case), model_report(ATLAS / "case.yaml")
    assert {g.title for g in doc.gaps} - {g.title for g in before.gaps} == {"Model description and behaviour"}
    section = next(s for s in doc.sections if s.title == "Model description and behaviour")
    assert "TBD" not in [i.text for i in section.items]
    short = _copy(tmp_path / "short", (DESCRIPTION, "  description: Atlas-2.\n"))
    assert any("`system.description` says nothing" in f for f in _regime_findings(short))


def _framework_gaps(governance: Governance) -> list[str]:
    loaded = load_case(ATLAS / "case.yaml")
    assert loaded.case is not None and loaded.policy is not None
    policy = loaded.policy.model_copy(update={"governance": governance})
    sb53 = load_builtin_regime("ca-sb53")
    ctx = Context(case=loaded.case, policy=policy, today=TODAY, boundary=None, regimes=[sb53])
    out = []
    for sid, spec in sb53.documents["frontier-ai-framework"].sections.items():
        fill = fill_section(sb53, "frontier-ai-framework", sid, ctx)
        out.extend(f"{spec.title}: {g.why}" for g in fill.gaps)
    return out


def test_one_paragraph_copied_into_every_governance_field_fills_no_section() -> None:
    """The policy answers SB 53's four framework questions (updates, weight security, incident
    response, internal governance) with the same paragraph: each section counted as filled."""
    same = "Acme follows its frontier safety framework, reviewed by the board every year."
    got = _framework_gaps(Governance(updates=same, cybersecurity=same, incident_response=same,
                                     internal_governance=same))
    assert got == [
        "Revisiting and updating the framework: `governance.updates` says nothing: it repeats `governance.cybersecurity`",
        "Securing unreleased model weights: `governance.cybersecurity` says nothing: it repeats `governance.updates`",
        "Critical safety incidents: `governance.incident_response` says nothing: it repeats `governance.updates`",
        "Internal governance: `governance.internal_governance` says nothing: it repeats `governance.updates`",
    ], got
    # a word or two changed is the same paragraph
    got = _framework_gaps(Governance(
        updates=same, cybersecurity=same.replace("every year", "each year"),
        incident_response="A round-the-clock on-call rotation triages incidents within four hours.",
        internal_governance="The responsible scaling officer reports to the board's safety committee."))
    assert [g.partition(":")[0] for g in got] == ["Revisiting and updating the framework",
                                                  "Securing unreleased model weights"], got


def test_governance_boilerplate_is_a_gap_and_real_answers_fill() -> None:
    real = Governance(
        updates="Reviewed every year, and whenever an alert level is reached.",
        cybersecurity="Unreleased weights live in an isolated enclave under two-person control.",
        incident_response="A round-the-clock on-call rotation triages incidents within four hours.",
        internal_governance="The responsible scaling officer reports to the board's safety committee.")
    assert _framework_gaps(real) == []
    got = _framework_gaps(real.model_copy(update={"cybersecurity": "N/A", "updates": "As needed."}))
    assert got == ['Revisiting and updating the framework: `governance.updates` says nothing: "As needed." is boilerplate',
                   'Securing unreleased model weights: `governance.cybersecurity` says nothing: "N/A" is boilerplate'], got


def test_restrictions_that_say_nothing_are_a_gap() -> None:
    """A scope of `users: TBD` and `regions: [n/a]` (no rate limit, no user cap) filled SB 53's
    restrictions section."""
    loaded = load_case(ATLAS / "case.yaml")
    assert loaded.case is not None and loaded.policy is not None and loaded.case.boundary is not None
    b = loaded.case.boundary
    assert b.scope is not None
    scope = b.scope.model_copy(update={"users": "TBD", "regions": ["n/a"], "rate_limit": None, "max_users": None})
    case: Case = loaded.case.model_copy(update={"boundary": b.model_copy(update={"scope": scope})})
    sb53 = load_builtin_regime("ca-sb53")
    sid = next(k for k, s in sb53.documents["transparency-report"].sections.items()
               if s.sources == ["boundary.restrictions"])
    ctx = Context(case=case, policy=loaded.policy, today=TODAY, boundary=b.kind, regimes=[sb53])
    assert not fill_section(sb53, "transparency-report", sid, ctx).filled
    scope = scope.model_copy(update={"regions": ["European Union"]})
    case = case.model_copy(update={"boundary": b.model_copy(update={"scope": scope})})
    ctx = Context(case=case, policy=loaded.policy, today=TODAY, boundary=b.kind, regimes=[sb53])
    assert fill_section(sb53, "transparency-report", sid, ctx).filled


def _gaps_cli(case: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "CASEGATE_KEYRING"}
    return subprocess.run([sys.executable, "-m", "casegate", "regime", "gaps", str(case), "--at", "2026-11-27", *args],
                          capture_output=True, text=True, env=env, timeout=300)


def test_regime_gaps_counts_only_attested_independence(tmp_path: Path) -> None:
    """The lab's evidence marked `independent: true` with no outside evaluator's attestation: the gate
    counted no external evaluator (CG1001), but `regime gaps` said every section was filled."""
    case = _copy(tmp_path)
    shutil.rmtree(case.parent / "reports" / "evidence-attestations")
    r = _gaps_cli(case, "--keyring", str(case.parent / "keys" / "keyring.yaml"))
    assert r.returncode == 1, r.stdout + r.stderr
    assert 'section "Third-party evaluators" (22757.12(c)(2)(C)) cannot be filled from the case: no evidence item ' \
           "is produced by an independent evaluator" in r.stdout
    # without a keyring nothing can be checked: no evidence is independent
    assert _gaps_cli(ATLAS / "case.yaml").returncode == 1
    # the example's attestations, checked against its keyring, fill the sections
    ok = _gaps_cli(ATLAS / "case.yaml", "--keyring", str(ATLAS / "keys" / "keyring.yaml"))
    assert ok.returncode == 0 and "CG1001" not in ok.stdout, ok.stdout + ok.stderr
