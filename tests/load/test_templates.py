"""Templates say plainly that they are templates: every placeholder carries the PLACEHOLDER marker,
each marked value is a blocking finding (CG909), so `init` followed by `gate` is never deployable;
replacing the placeholders removes exactly those findings. The worked example is the current
atlas-api example with its people and evidence marked, so it cannot drift out of date."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from casegate.gate import run_gate
from casegate.load import load_case
from casegate.load.templates import copy_template, templates

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


def test_every_template_is_listed_and_tested() -> None:
    assert set(templates()) == {"frontier-api", "skeleton"}


@pytest.mark.parametrize("name", sorted(templates()))
def test_a_template_is_never_deployable_and_names_its_placeholders(tmp_path: Path, name: str) -> None:
    d = tmp_path / name
    copy_template(name, d)
    outcome, blocking = _gate_codes(d / "case.yaml")
    assert outcome == "NO-GO"
    marked = [c for c, _ in blocking if c == "CG909"]
    replaced = _strip_markers(d)
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
    assert evidence == {f"evidence.{k}.producer" for k in loaded.case.evidence}  # every evidence item


def _comparable(f: Path) -> list[str]:
    """A YAML file's lines without comments (the template's header differs) and markers."""
    lines = [ln.replace("PLACEHOLDER ", "") for ln in f.read_text().splitlines()]
    return [ln for ln in lines if not ln.lstrip().startswith("#")]


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
            assert (d / rel).read_bytes() == example.read_bytes(), f"{rel} differs from examples/atlas-api/{rel}"
    in_example = {p.relative_to(ATLAS) for p in ATLAS.rglob("*") if p.is_file()
                  and p.relative_to(ATLAS).parts[0] != "keys" and "evidence-attestations" not in p.parts}
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
