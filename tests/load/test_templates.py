"""Templates say plainly that they are templates: every placeholder carries the PLACEHOLDER marker,
each marked value is a blocking finding (CG909), so `init` followed by `gate` is never deployable;
replacing the placeholders removes exactly those findings. The worked example is the current
atlas-api example with its people and evidence marked, so it cannot drift out of date; its artifacts
are the example's with a TEMPLATE line added, so their digests are the template's own and an item
still pointing at one is a finding whatever its producer says."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from casegate.gate import run_gate
from casegate.load import load_case
from casegate.load.template_digests import TEMPLATE_ARTIFACTS
from casegate.load.templates import copy_template, template_artifacts, templates

ROOT = Path(__file__).resolve().parents[2]
ATLAS = ROOT / "examples" / "atlas-api"
DAY = dt.date(2026, 11, 27)


def _gate_codes(case: Path) -> tuple[str, list[tuple[str, str]]]:
    r = run_gate(load_case(case), today=DAY)
    return r.outcome, [(f.code, f.severity.value) for f in r.findings if f.blocking]


def _strip_markers(d: Path) -> int:
    """Replace every placeholder as a user would (here: by dropping the marker); the count replaced."""
    n = 0
    for f in d.rglob("*.yaml"):
        lines = f.read_text().splitlines(keepends=True)
        values = [i for i, ln in enumerate(lines) if not ln.lstrip().startswith("#")]
        for i in values:
            n += lines[i].count("PLACEHOLDER ")
            lines[i] = lines[i].replace("PLACEHOLDER ", "")
        f.write_text("".join(lines))
    return n


def _replace_artifacts(d: Path) -> int:
    """Replace every template artifact an evidence file pins with other bytes and pin those, as a
    user bringing their own logs would (here: the artifact without its TEMPLATE line, so the
    results stay the same); the count of evidence items re-pinned."""
    n = 0
    for f in d.rglob("*.yaml"):
        text = f.read_text()
        for art in {*d.rglob("*.json"), *d.rglob("*.md")}:
            old = hashlib.sha256(art.read_bytes()).hexdigest()
            if old not in TEMPLATE_ARTIFACTS or f"sha256: {old}" not in text:
                continue
            art.write_bytes(_unmarked(art))
            n += text.count(f"sha256: {old}")
            text = text.replace(f"sha256: {old}", f"sha256: {hashlib.sha256(art.read_bytes()).hexdigest()}")
        f.write_text(text)
    return n


def test_every_template_is_listed_and_tested() -> None:
    assert set(templates()) == {"frontier-api", "skeleton"}


@pytest.mark.parametrize("name", sorted(templates()))
def test_a_template_is_never_deployable_and_names_its_placeholders(tmp_path: Path, name: str) -> None:
    d = tmp_path / name
    copy_template(name, d)
    outcome, blocking = _gate_codes(d / "case.yaml")
    assert outcome == "NO-GO"
    marked = [c for c, _ in blocking if c == "CG909"]
    replaced = _strip_markers(d) + _replace_artifacts(d)
    assert replaced >= 4 and len(marked) == replaced  # one finding per marked value
    outcome_after, blocking_after = _gate_codes(d / "case.yaml")
    assert "CG909" not in {c for c, _ in blocking_after}
    # replacing the placeholders removes those findings and no other
    assert sorted(c for c in blocking if c[0] != "CG909") == sorted(blocking_after)


def test_the_worked_example_says_so_and_counts_its_people_and_evidence(tmp_path: Path) -> None:
    d = tmp_path / "f"
    copy_template("frontier-api", d)
    head = (d / "case.yaml").read_text().splitlines()[0]
    assert head.startswith("# TEMPLATE: a worked example")
    r = run_gate(load_case(d / "case.yaml"), today=DAY)
    paths = {".".join(map(str, f.path)) for f in r.findings if f.code == "CG909"}
    people = {p for p in paths if p.startswith("decision.")}
    assert people == {"decision.signoffs.0.person", "decision.signoffs.1.person", "decision.signoffs.2.person",
                      "decision.objections.O-1.person", "decision.authors.0", "decision.authors.1"}
    evidence = {p for p in paths if p.startswith("evidence.")}
    loaded = load_case(d / "case.yaml")
    assert loaded.case is not None
    assert evidence == ({f"evidence.{k}.producer" for k in loaded.case.evidence}  # every evidence item
                        | {f"evidence.{k}.artifact" for k, e in loaded.case.evidence.items() if e.artifact})


def _comparable(f: Path) -> list[str]:
    """A YAML file's lines without comments (the template's header differs) and markers."""
    lines = [ln.replace("PLACEHOLDER ", "") for ln in f.read_text().splitlines()]
    lines = [re.sub(r"^(\s*sha256:) [0-9a-f]{64}$", r"\1 <digest>", ln) for ln in lines]
    return [ln for ln in lines if not ln.lstrip().startswith("#")]


def _unmarked(f: Path) -> bytes:
    """A template artifact without its TEMPLATE line: the bytes of the example's artifact it copies."""
    raw = f.read_text()
    if f.suffix == ".json":
        d = json.loads(raw)
        assert d.pop("revision").startswith("TEMPLATE: a fictional run"), f"{f.name} does not say it is a template's"
        return (json.dumps(d) + "\n").encode()
    head, _, rest = raw.partition("\n\n")
    assert head.startswith("TEMPLATE: a fictional report"), f"{f.name} does not say it is a template's"
    return rest.encode()


def test_the_worked_example_is_the_current_atlas_example(tmp_path: Path) -> None:
    d = tmp_path / "f"
    written = copy_template("frontier-api", d)
    files = sorted(p.relative_to(d) for p in written if p.parent != d / "schemas")
    assert files, "the template wrote no case files"
    for rel in files:
        example = ATLAS / rel
        assert example.exists(), f"{rel} is in the template but not in examples/atlas-api"
        if rel.suffix == ".yaml":
            assert _comparable(d / rel) == _comparable(example), f"{rel} differs from examples/atlas-api/{rel}"
        else:
            assert _unmarked(d / rel) == example.read_bytes(), f"{rel} differs from examples/atlas-api/{rel}"
            assert (d / rel).read_bytes() != example.read_bytes()
    # (the example's keys, attestations and stand-in model folder are its own: a new case brings its own)
    in_example = {p.relative_to(ATLAS) for p in ATLAS.rglob("*") if p.is_file()
                  and p.relative_to(ATLAS).parts[0] not in ("keys", "model") and "evidence-attestations" not in p.parts}
    assert in_example == set(files), "the template and examples/atlas-api hold different files"


def cg(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "casegate", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=120)


@pytest.mark.parametrize("name", sorted(templates()))
def test_init_then_gate_says_no_go_and_names_the_placeholders(tmp_path: Path, name: str) -> None:
    assert cg("init", "--template", name, "new", cwd=tmp_path).returncode == 0
    r = cg("gate", "new/case.yaml", cwd=tmp_path)
    assert r.returncode == 1, r.stderr
    assert "CG909 template-placeholder" in r.stdout and "NO-GO" in r.stdout
    assert "help: Replace the value with your own" in r.stdout


def test_the_kept_template_digests_are_the_template_files() -> None:
    assert TEMPLATE_ARTIFACTS == template_artifacts(), \
        "src/casegate/load/template_digests.py is stale: run `python -m casegate.load.template_digests`"
    assert len(TEMPLATE_ARTIFACTS) == 11  # frontier-api's 3 eval logs and 8 reports, all distinct
    examples = {hashlib.sha256(p.read_bytes()).hexdigest(): p for p in (ROOT / "examples").rglob("*") if p.is_file()}
    assert not set(examples) & set(TEMPLATE_ARTIFACTS), "an example ships a template's fictional artifact"


def _evidence_cg909(case: Path) -> dict[str, list[str]]:
    r = run_gate(load_case(case), today=DAY)
    out: dict[str, list[str]] = {}
    for f in r.findings:
        if f.code == "CG909" and f.path[0] == "evidence":
            out.setdefault(str(f.path[1]), []).append(".".join(map(str, f.path[2:])))
    return out


def test_renaming_every_producer_leaves_the_templates_artifacts_findings(tmp_path: Path) -> None:
    d = tmp_path / "f"
    copy_template("frontier-api", d)
    ev = d / "evidence.yaml"
    text, n = re.subn(r"producer: PLACEHOLDER [\w-]+", "producer: our-evals-team", ev.read_text())
    ev.write_text(text)
    loaded = load_case(d / "case.yaml")
    assert loaded.case is not None
    assert n == len(loaded.case.evidence) == 11
    found = _evidence_cg909(d / "case.yaml")
    assert found == {eid: ["artifact"] for eid in loaded.case.evidence}  # each item, its artifact only
    r = run_gate(load_case(d / "case.yaml"), today=DAY)
    msg = next(f.message for f in r.findings if f.code == "CG909" and f.path[:2] == ("evidence", "E-cyber-ctf"))
    assert "frontier-api/evals/cyber-ctf.json" in msg and "template's fictional artifact" in msg
    assert r.outcome == "NO-GO"


def test_replacing_an_artifact_clears_its_finding_and_only_its(tmp_path: Path) -> None:
    d = tmp_path / "f"
    copy_template("frontier-api", d)
    _strip_markers(d)
    assert set(_evidence_cg909(d / "case.yaml")) >= {"E-kyc", "E-cyber-ctf"}
    kyc = d / "reports" / "kyc-test.json"
    old = hashlib.sha256(kyc.read_bytes()).hexdigest()
    run = json.loads(kyc.read_text())
    del run["revision"]
    run["tool"] = "our-enrolment-harness"
    kyc.write_text(json.dumps(run))
    ev = d / "evidence.yaml"
    ev.write_text(ev.read_text().replace(old, hashlib.sha256(kyc.read_bytes()).hexdigest()))
    after = _evidence_cg909(d / "case.yaml")
    assert "E-kyc" not in after and after["E-cyber-ctf"] == ["artifact"]
    assert len(after) == 10


def test_a_template_artifact_is_known_by_its_bytes_not_its_name(tmp_path: Path) -> None:
    """Copied under another name into a case that never came from a template: still the template's."""
    d = tmp_path / "own"
    copy_template("frontier-api", d)
    _strip_markers(d)
    (d / "reports" / "kyc-test.json").rename(d / "reports" / "our-enrolment-test.json")
    ev = d / "evidence.yaml"
    ev.write_text(ev.read_text().replace("reports/kyc-test.json", "reports/our-enrolment-test.json"))
    assert _evidence_cg909(d / "case.yaml")["E-kyc"] == ["artifact"]


def test_the_atlas_example_is_not_a_template() -> None:
    r = run_gate(load_case(ATLAS / "case.yaml"), today=DAY)
    assert not [f for f in r.findings if f.code == "CG909"]
