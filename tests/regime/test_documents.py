"""Regime documents made from the case: every required section of each built-in regime is filled
from a complete case, and reported as a gap from a case lacking the fact that fills it; the
documents respect the audience's confidentiality level and say they are not legal advice."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest

from casegate.checks import Context, RegistryFacts, fill_section
from casegate.gate import run_gate
from casegate.load import builtin_regimes, load_builtin_regime, load_case
from casegate.model import Case, DomainThreats, Policy
from casegate.model._policy import Governance
from casegate.publish import Salts
from casegate.regime import build_document, write_document
from casegate.store import MemorySaltStore

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 11, 27)
GOVERNANCE = Governance(
    updates="Reviewed every year, and whenever an alert level is reached.",
    cybersecurity="Unreleased weights live in an isolated enclave under two-person control.",
    incident_response="A round-the-clock on-call rotation triages incidents within four hours.",
    internal_governance="The responsible scaling officer reports to the board's safety committee.",
)
FIRST = RegistryFacts(previous=None)

Strip = Callable[[Case, Policy], tuple[Case, Policy]]


def _sys(c: Case, **kw: object) -> Case:
    return c.model_copy(update={"system": c.system.model_copy(update=kw)})


def _rel(c: Case, **kw: object) -> Case:
    assert c.system.release is not None
    return _sys(c, release=c.system.release.model_copy(update=kw))


def _pol_thresholds(p: Policy, **kw: object) -> Policy:
    return p.model_copy(update={"thresholds": {k: t.model_copy(update=kw) for k, t in p.thresholds.items()}})


def _no_governance(name: str, c: Case, p: Policy) -> tuple[Case, Policy]:
    return c, p.model_copy(update={"governance": GOVERNANCE.model_copy(update={name: None})})


STRIP: dict[str, Strip] = {
    "system.description": lambda c, p: (_sys(c, description=None), p),
    "release.date": lambda c, p: (_rel(c, date=None), p),
    "release.contact": lambda c, p: (_rel(c, website=None), p),
    "release.languages": lambda c, p: (_rel(c, languages=[]), p),
    "release.modalities": lambda c, p: (_rel(c, modalities=[]), p),
    "release.intended_uses": lambda c, p: (_rel(c, intended_uses=[]), p),
    "boundary": lambda c, p: (c.model_copy(update={"boundary": None}), p),
    "boundary.restrictions": lambda c, p: (c.model_copy(update={
        "boundary": c.boundary.model_copy(update={"scope": None}) if c.boundary else None}), p),
    "threat_model.addressed": lambda c, p: (c.model_copy(update={
        "threat_model": {d: DomainThreats(scoped_out="not considered") for d in c.threat_model}}), p),
    "capability.results": lambda c, p: (c.model_copy(update={
        "evidence": {k: e.model_copy(update={"threshold": None}) for k, e in c.evidence.items()}}), p),
    "evidence.external": lambda c, p: (c.model_copy(update={
        "evidence": {k: e.model_copy(update={"independent": False}) for k, e in c.evidence.items()}}), p),
    "safeguards": lambda c, p: (c.model_copy(update={"safeguards": {
        k: s for k, s in c.safeguards.items() if s.security or s.layer == "weight-security"}}), p),
    "safeguards.security": lambda c, p: (c.model_copy(update={"safeguards": {
        k: s for k, s in c.safeguards.items() if not (s.security or s.layer == "weight-security")}}), p),
    "residual_risk": lambda c, p: (c.model_copy(update={"residual_risk": {}}), p),
    "answer.retreat": lambda c, p: (c.model_copy(update={"post_deployment": None}), p),
    "policy.thresholds": lambda c, p: (c, p.model_copy(update={"thresholds": {}})),
    "policy.safeguard_requirements": lambda c, p: (c, _pol_thresholds(p, safeguards=[])),
    "policy.signoff": lambda c, p: (c, p.model_copy(update={"signoff": p.signoff.model_copy(update={"required": {}})})),
    "policy.internal_use": lambda c, p: (c, p.model_copy(update={
        "governance": GOVERNANCE, "domains": {k: d.model_copy(update={"internal_relevant": False})
                                              for k, d in p.domains.items()}})),
    **{f"policy.governance.{n}": partial(_no_governance, n)
       for n in ("updates", "cybersecurity", "incident_response", "internal_governance")},
}
"""How to make a case (or its policy) lack each fact a regime section needs."""

ALWAYS = {
    "system.identity": "the case format requires the model's name, version and digests",
    "decision": "the gate always decides; the decision fills this fact",
    "policy.framework": "the policy format requires its name and version",
    "policy.evidence": "the policy always has evidence rules (the format's defaults when unstated)",
    "policy.tolerance": "the policy always has a risk tolerance (the format's defaults when unstated)",
    "history.changes": "known from the registry: a gap only when no registry is given (tested below)",
}
"""Facts a loadable case always has: no case can lack them, so they are never a gap."""


@pytest.fixture(scope="module")
def complete() -> tuple[Context, object]:
    loaded = load_case(ROOT / "examples" / "atlas-api" / "case.yaml")
    assert loaded.case is not None and loaded.policy is not None
    policy = loaded.policy.model_copy(update={"governance": GOVERNANCE})
    record = run_gate(loaded, today=TODAY)
    ctx = Context(case=loaded.case, policy=policy, today=TODAY, boundary=loaded.case.boundary.kind if loaded.case.boundary else None,
                  regimes=[load_builtin_regime(n) for n in builtin_regimes()])
    return ctx, record


def _sections() -> list[tuple[str, str, str]]:
    out = []
    for name in builtin_regimes():
        r = load_builtin_regime(name)
        for did, d in r.documents.items():
            for sid, s in d.sections.items():
                if s.required:
                    out.append((r.id, did, sid))
    return out


def test_every_source_of_the_builtin_regimes_can_be_stripped_or_is_always_there() -> None:
    used = {src for rid, did, sid in _sections()
            for src in load_builtin_regime(rid).documents[did].sections[sid].sources}
    assert used <= set(STRIP) | set(ALWAYS), sorted(used - set(STRIP) - set(ALWAYS))


@pytest.mark.parametrize(("regime", "document", "section"), _sections())
def test_section_filled_from_a_complete_case_and_a_gap_without_its_facts(
        complete: tuple[Context, object], regime: str, document: str, section: str) -> None:
    ctx, record = complete
    r = next(x for x in ctx.regimes if x.id == regime)
    full = fill_section(r, document, section, ctx, record, FIRST, registry_required=True)  # type: ignore[arg-type]
    assert full.filled, [g.why for g in full.gaps]
    assert all(f.items for f in full.facts)
    for src in r.documents[document].sections[section].sources:
        if src in ALWAYS:
            continue
        case, policy = STRIP[src](ctx.case, ctx.policy)
        lacking = Context(case=case, policy=policy, today=ctx.today, boundary=ctx.boundary, regimes=ctx.regimes)
        gap = fill_section(r, document, section, lacking, record, FIRST, registry_required=True)  # type: ignore[arg-type]
        assert [g.source for g in gap.gaps] == [src], (src, [g.source for g in gap.gaps])
        assert gap.gaps[0].why


def test_history_is_a_gap_without_the_registry(complete: tuple[Context, object]) -> None:
    ctx, record = complete
    r = next(x for x in ctx.regimes if x.id == "eu-gpai-cop-2025")
    no_reg = fill_section(r, "model-report", "material-changes", ctx, record, None, registry_required=True)  # type: ignore[arg-type]
    assert [g.why for g in no_reg.gaps] == ["only the registry knows it (give --db)"]
    later = RegistryFacts(previous="version 0.9 (#1)", changes=("evidence added: E-new",))
    got = fill_section(r, "model-report", "material-changes", ctx, record, later, registry_required=True)  # type: ignore[arg-type]
    assert got.filled and got.facts[0].items[0].text == "since version 0.9 (#1): evidence added: E-new"


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("regime-docs")
    shutil.copytree(ROOT / "examples" / "atlas-api", tmp / "case")
    loaded = load_case(tmp / "case" / "case.yaml")
    record = run_gate(loaded, today=TODAY)
    salts = Salts(MemorySaltStore())
    for rid, did in (("eu-gpai-cop-2025", "model-report"), ("ca-sb53", "transparency-report")):
        doc = build_document(loaded, rid, did, salts=salts, record=record, today=TODAY, registry=FIRST)
        write_document(doc, tmp / "out")
    return tmp / "out"


def test_documents_carry_the_notice_and_the_citations(written: Path) -> None:
    for stem in ("eu-gpai-cop-2025.model-report", "ca-sb53.transparency-report"):
        for ext in ("html", "md"):
            text = (written / f"{stem}.{ext}").read_text()
            assert "does not give legal advice" in text, (stem, ext)
    md = (written / "ca-sb53.transparency-report.md").read_text()
    assert "22757.12(c)(2)(C)" in md and "22757.12(c)(1)(G)" in md
    eu = (written / "eu-gpai-cop-2025.model-report.md").read_text()
    assert "Measure 7.4" in eu and "Measure 7.2" in eu and "first version of this case" in eu


def test_public_document_withholds_what_the_regulator_document_shows(written: Path) -> None:
    public = (written / "ca-sb53.transparency-report.md").read_text()
    regulator = (written / "eu-gpai-cop-2025.model-report.md").read_text()
    # E-cyber-ctf is internal: the regulator (restricted) sees its counts, the public does not
    assert "33/200" in regulator and "33/200" not in public
    assert "withheld: evidence E-cyber-ctf (internal); commitment sha256:" in public
    # secret elements are withheld from both, with a commitment
    assert "withheld: safeguard SG-weights (secret); commitment sha256:" in regulator


def test_a_level_above_the_audience_is_refused(tmp_path: Path) -> None:
    from casegate.errors import InputError
    from casegate.model import Confidentiality

    loaded = load_case(ROOT / "examples" / "atlas-api" / "case.yaml")
    record = run_gate(loaded, today=TODAY)
    with pytest.raises(InputError, match="may show at most public"):
        build_document(loaded, "ca-sb53", "transparency-report", salts=Salts(MemorySaltStore()), record=record,
                       level=Confidentiality.secret)
    with pytest.raises(InputError, match="not under the regime"):
        build_document(loaded, "ny-raise", "x", salts=Salts(MemorySaltStore()), record=record)


def test_markdown_escapes_markup_from_the_case(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "examples" / "atlas-api", tmp_path / "case")
    main = tmp_path / "case" / "case.yaml"
    main.write_text(main.read_text().replace(
        "intended_uses: [software engineering assistance,", "intended_uses: ['<u>Zed</u> & Quux',"))
    loaded = load_case(main)
    record = run_gate(loaded, today=TODAY)
    doc = build_document(loaded, "ca-sb53", "transparency-report", salts=Salts(MemorySaltStore()), record=record, registry=FIRST)
    files = write_document(doc, tmp_path / "out")
    md = files["md"].read_text()
    assert "\\<u\\>Zed\\</u\\> & Quux" in md and "<u>" not in md
    html = files["html"].read_text()
    assert "&lt;u&gt;Zed&lt;/u&gt; &amp; Quux" in html and "<u>" not in html


def test_a_regime_file_outside_the_case_folder_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from casegate.errors import InputError

    monkeypatch.delenv("CASEGATE_ROOT", raising=False)  # the suite trusts a wide root; this tests the default

    shutil.copytree(ROOT / "examples" / "atlas-api", tmp_path / "case")
    shutil.copy(ROOT / "src" / "casegate" / "load" / "builtin" / "regimes" / "ca-sb53.yaml", tmp_path / "sb53.yaml")
    main = tmp_path / "case" / "case.yaml"
    main.write_text(main.read_text().replace("regimes: [builtin:eu-gpai-cop-2025, builtin:ca-sb53]",
                                             "regimes: [../sb53.yaml]"))
    with pytest.raises(InputError, match="outside the case's root folder"):
        load_case(main)
    (tmp_path / "case" / "sb53.yaml").write_bytes((tmp_path / "sb53.yaml").read_bytes())
    main.write_text(main.read_text().replace("regimes: [../sb53.yaml]", "regimes: [sb53.yaml]"))
    assert [r.id for r in load_case(main).regimes] == ["ca-sb53"]


def _shadow(tmp_path: Path) -> Path:
    """atlas-api under a policy that puts every case under SB 53, and a case that names its own
    copy of SB 53, same id, with ten-year deadlines."""
    shutil.copytree(ROOT / "examples" / "atlas-api", tmp_path / "case")
    pol = tmp_path / "case" / "policy.yaml"
    pol.write_text(pol.read_text().replace("\nconfidence: 0.95\n", "\nregimes: [builtin:ca-sb53]\nconfidence: 0.95\n", 1))
    sb53 = (ROOT / "src" / "casegate" / "load" / "builtin" / "regimes" / "ca-sb53.yaml").read_text()
    (tmp_path / "case" / "regimes").mkdir()
    (tmp_path / "case" / "regimes" / "ca-sb53.yaml").write_text(
        sb53.replace("deadline: {days: 15}", "deadline: {days: 3650}").replace("deadline: {hours: 24}", "deadline: {days: 3650}"))
    main = tmp_path / "case" / "case.yaml"
    main.write_text(main.read_text().replace("regimes: [builtin:eu-gpai-cop-2025, builtin:ca-sb53]",
                                             "regimes: [builtin:eu-gpai-cop-2025, regimes/ca-sb53.yaml]"))
    return main


def test_a_case_regime_cannot_shadow_the_policy_s_regime(tmp_path: Path) -> None:
    main = _shadow(tmp_path)
    assert "regimes: [builtin:ca-sb53]" in (main.parent / "policy.yaml").read_text()
    loaded = load_case(main)
    sb53 = next(r for r in loaded.regimes if r.id == "ca-sb53")
    # the policy's (built-in) deadlines hold, not the case's ten years
    assert sb53.incident_classes["imminent-risk"].deadline.describe() == "24 hours"
    assert sb53.incident_classes["critical-safety-incident"].deadline.describe() == "15 days"
    assert sorted(r.id for r in loaded.regimes) == ["ca-sb53", "eu-gpai-cop-2025"]
    shadowed = [d for d in loaded.diagnostics if d.code == "CG1004"]
    assert len(shadowed) == 1 and shadowed[0].severity.value == "blocking"
    assert "'regimes/ca-sb53.yaml'" in shadowed[0].message and "'ca-sb53'" in shadowed[0].message
    assert "policy names as 'builtin:ca-sb53'" in shadowed[0].message
    assert shadowed[0].location is not None and shadowed[0].location.file.endswith("case.yaml")
    assert run_gate(loaded, today=TODAY).outcome == "NO-GO"


def test_a_case_regime_cannot_shadow_a_built_in_regime_or_a_policy_file(tmp_path: Path) -> None:
    main = _shadow(tmp_path)
    pol = main.parent / "policy.yaml"
    # the policy names no regime: the built-in of that id still wins
    pol.write_text(pol.read_text().replace("\nregimes: [builtin:ca-sb53]\n", "\n"))
    loaded = load_case(main)
    sb53 = next(r for r in loaded.regimes if r.id == "ca-sb53")
    assert sb53.incident_classes["imminent-risk"].deadline.describe() == "24 hours"
    [f] = [d for d in loaded.diagnostics if d.code == "CG1004"]
    assert "built-in regime builtin:ca-sb53" in f.message and "policy" not in f.message
    # the organisation's own regime file, named by the policy, wins over the case's of the same id
    org = (ROOT / "src" / "casegate" / "load" / "builtin" / "regimes" / "ca-sb53.yaml").read_text()
    (main.parent / "org-regime.yaml").write_text(org.replace("\nid: ca-sb53\n", "\nid: org-reporting\n"))
    case_own = main.parent / "regimes" / "ca-sb53.yaml"
    case_own.write_text(case_own.read_text().replace("\nid: ca-sb53\n", "\nid: org-reporting\n"))
    pol.write_text(pol.read_text().replace("\nconfidence: 0.95\n", "\nregimes: [org-regime.yaml]\nconfidence: 0.95\n", 1))
    loaded = load_case(main)
    org_regime = next(r for r in loaded.regimes if r.id == "org-reporting")
    assert org_regime.incident_classes["imminent-risk"].deadline.describe() == "24 hours"
    [f] = [d for d in loaded.diagnostics if d.code == "CG1004"]
    assert "policy names as 'org-regime.yaml'" in f.message
