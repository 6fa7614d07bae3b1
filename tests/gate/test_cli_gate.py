"""`casegate gate` from the command line: outcome, formats, record file, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from casegate.gate import record_bytes, run_gate
from casegate.load import load_case

ROOT = Path(__file__).resolve().parents[2]
ATLAS = "examples/atlas-api/case.yaml"
NARROW = "examples/narrower-boundary/case.yaml"


def cg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "casegate", *args], capture_output=True, text=True, cwd=ROOT)


def test_text_report_shows_outcome_conditions_and_answers() -> None:
    r = cg("gate", ATLAS)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[1].startswith("GO WITH CONDITIONS  Atlas-2 2.1.0 across `api`")
    assert "Conditions:" in r.stdout and "[CG305] due 2027-04-01" in r.stdout
    assert "What evidence would force retreat?" in r.stdout
    assert "(from evidence.E-bio-uplift" in r.stdout
    assert lines[-1].startswith("GO WITH CONDITIONS:")


def test_fail_on_conditions_exits_1() -> None:
    assert cg("gate", ATLAS, "--fail-on-conditions").returncode == 1


def test_no_go_exits_1_and_names_the_narrower_boundary() -> None:
    r = cg("gate", NARROW)
    assert r.returncode == 1
    assert r.stdout.splitlines()[1].startswith("NO-GO")
    assert "support `trusted-access`" in r.stdout and "CG501 required-role-missing" in r.stdout


def test_unreadable_input_exits_2() -> None:
    r = cg("gate", "examples/no-such/case.yaml")
    assert r.returncode == 2 and "file not found" in r.stderr and "Traceback" not in r.stderr
    r = cg("gate", ATLAS, "--at", "yesterday")
    assert r.returncode == 2 and "not a date" in r.stderr
    r = cg("gate", ATLAS, "--previous", "examples/no-such/case.yaml")
    assert r.returncode == 2


def test_record_file_is_the_canonical_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "decision.json"
    r = cg("gate", ATLAS, "--record", str(out), "--format", "json")
    assert r.returncode == 0
    monkeypatch.chdir(ROOT)  # findings are located as the CLI (run from ROOT) shows the paths
    expected = record_bytes(run_gate(load_case(ATLAS)))
    assert out.read_bytes() == expected
    assert json.loads(r.stdout) == json.loads(expected)
    again = tmp_path / "again.json"
    cg("gate", ATLAS, "--record", str(again))
    assert again.read_bytes() == out.read_bytes()


def test_markdown_and_sarif() -> None:
    md = cg("gate", NARROW, "--format", "markdown")
    assert md.stdout.startswith("# NO-GO: Atlas-2 2.1.0 across `api`")
    assert "## Narrower boundary" in md.stdout and "## The eight questions" in md.stdout
    sarif = json.loads(cg("gate", NARROW, "--format", "sarif").stdout)
    assert sarif["version"] == "2.1.0"
    assert any(res["ruleId"] == "CG501" and res["level"] == "error" for res in sarif["runs"][0]["results"])


def test_boundary_and_at_options() -> None:
    r = cg("gate", NARROW, "--boundary", "trusted-access", "--format", "json", "--at", "2026-11-27")
    doc = json.loads(r.stdout)
    assert r.returncode == 0 and doc["boundary"] == "trusted-access" and doc["decided_at"] == "2026-11-27"


def test_previous_and_related_options() -> None:
    gaming = "examples/failure-modes/threshold-gaming"
    r = cg("gate", f"{gaming}/case.yaml", "--previous", f"{gaming}/previous/case.yaml", "--format", "json")
    codes = {f["code"] for f in json.loads(r.stdout)["findings"] if f["severity"] == "blocking"}
    assert r.returncode == 1 and codes == {"CG320", "CG323"}
    blind = "examples/failure-modes/internal-deployment-blindness/case.yaml"
    # a related internal case of the same system covers internal deployment
    r = cg("gate", blind, "--related", "tests/fixtures/gate/atlas-internal/case.yaml", "--format", "json")
    doc = json.loads(r.stdout)
    assert "CG104" not in {f["code"] for f in doc["findings"]}, r.stderr


def test_unverified_waivers_are_reported_not_applied(tmp_path: Path) -> None:
    import shutil

    shutil.copytree(ROOT / "examples" / "atlas-api", tmp_path / "atlas-api")
    case = tmp_path / "atlas-api" / "case.yaml"
    case.write_text(case.read_text().replace("decision:\n", "decision:\n  waivers: [waivers/CG707-1.dsse.json]\n", 1))
    r = cg("gate", str(case), "--format", "json")
    doc = json.loads(r.stdout)
    assert doc["rejected_waivers"] == ["waiver waivers/CG707-1.dsse.json: not verified (pass --keyring to verify signed waivers)"]
