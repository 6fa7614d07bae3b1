"""Every rule has a failing and a passing fixture; the failing one is caught on exactly the marked
lines (`# expect: CGxxx`), the passing one has no finding of that code."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

from casegate._record import replace
from casegate.checks import all_rules, check_case
from casegate.evidence import facts_for, rehash_artifacts
from casegate.load import load_case
from casegate.model import IncidentDefeat, LinkedCase, RegisteredProtocol
from casegate.sign import load_keyring, parse_instant, with_attestations
from casegate.verify import with_authority

RULES = Path(__file__).resolve().parents[1] / "fixtures" / "rules"
TODAY = dt.date(2026, 11, 27)
_MARK = re.compile(r"#\s*expect:\s*((?:CG\d{3,4}[ ,]*)+)")


def _codes_with_fixtures() -> list[str]:
    return sorted(p.name for p in RULES.iterdir() if p.is_dir() and re.fullmatch(r"CG\d{3,4}", p.name))


def _expected_lines(case_dir: Path, code: str) -> set[tuple[str, int]]:
    out = set()
    for f in sorted(case_dir.rglob("*.yaml")):
        for n, line in enumerate(f.read_text().splitlines(), 1):
            m = _MARK.search(line)
            if m and code in re.findall(r"CG\d{3,4}", m.group(1)):
                out.add((f.name, n))
    return out


def _findings(case: Path, code: str) -> set[tuple[str, int]]:
    loaded = load_case(case)
    # a `keyring.yaml` beside the case is the keyring its evidence attestations, sign-offs and
    # authorities are checked against
    ring = None
    if (case.parent / "keyring.yaml").exists():
        ring, at = load_keyring(case.parent / "keyring.yaml"), parse_instant(TODAY.isoformat(), end_of_day=True)
        loaded = with_authority(with_attestations(loaded, ring, at), ring, at)
    # a `previous.yaml` beside the case is its previous version (rules that compare versions), read
    # as the gate reads the version it compares with: its evidence derived, its attestations
    # checked against the same keyring
    prev = load_case(case.parent / "previous.yaml") if (case.parent / "previous.yaml").exists() else None
    if prev is not None:
        if ring is not None:
            prev = with_attestations(prev, ring, at)
        prev = replace(prev, case=facts_for(prev, rehash_artifacts(prev))[0])
    # an `incidents.yaml` beside it lists incidents that defeated claims of an earlier version
    inc = case.parent / "incidents.yaml"
    incidents = [IncidentDefeat.model_validate(x) for x in yaml.safe_load(inc.read_text())] if inc.exists() else None
    # a `lineage.yaml` lists the lineage's cases as a registry knows them; a `protocols.yaml` the
    # evaluation protocols registered in the log
    lin = case.parent / "lineage.yaml"
    lineage = [LinkedCase.model_validate(x) for x in yaml.safe_load(lin.read_text())] if lin.exists() else None
    pro = case.parent / "protocols.yaml"
    protocols = [RegisteredProtocol.model_validate(x) for x in yaml.safe_load(pro.read_text())] if pro.exists() else None
    report = check_case(loaded, today=TODAY, artifacts=rehash_artifacts(loaded),
                        previous=prev.case if prev else None, previous_policy=prev.policy if prev else None,
                        incidents=incidents, lineage=lineage, protocols=protocols)
    # a fixture that does not validate runs no rule but CG900: it would pass or fail for nothing
    invalid = [f"{f.code} {f.message}" for f in report.findings if f.code in ("CG900", "CG901") and f.code != code]
    assert not invalid, f"{case} does not validate: {invalid}"
    return {(Path(f.location.file).name, f.location.line) for f in report.findings
            if f.code == code and f.location is not None}


@pytest.mark.parametrize("code", _codes_with_fixtures())
def test_bad_fixture_is_caught_on_marked_lines(code: str) -> None:
    case_dir = RULES / code / "bad"
    expected = _expected_lines(case_dir, code)
    assert expected, f"{code}/bad has no `# expect: {code}` marker"
    assert _findings(case_dir / "case.yaml", code) == expected


@pytest.mark.parametrize("code", _codes_with_fixtures())
def test_good_fixture_passes(code: str) -> None:
    assert _findings(RULES / code / "good" / "case.yaml", code) == set()


# Rules whose findings come from the registry, not from a case file: their fixtures are
# registry stories in the named test module, which must exercise the code.
REGISTRY_RULES = {"CG1003": Path(__file__).resolve().parents[1] / "regime" / "test_incident_clocks.py"}


def test_every_rule_has_fixtures_and_docs() -> None:
    have = set(_codes_with_fixtures())
    for code, story in REGISTRY_RULES.items():
        assert story.is_file() and code in story.read_text(), f"{code}: no registry story in {story}"
        have.add(code)
    missing = [r.code for r in all_rules() if r.code not in have]
    assert not missing, f"rules without fixtures: {missing}"
    for r in all_rules():
        assert r.summary and r.rationale and r.bad and r.good and r.fix, r.code
