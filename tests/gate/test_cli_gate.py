"""`casegate gate` from the command line: outcome, formats, record file, exit codes."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from casegate.gate import record_bytes, run_gate
from casegate.load import load_case
from casegate.verify import signed_signoffs

ROOT = Path(__file__).resolve().parents[2]
ATLAS = "examples/atlas-api/case.yaml"
NARROW = "examples/narrower-boundary/case.yaml"


def cg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "casegate", *args], capture_output=True, text=True, cwd=ROOT)


# the example's sign-off lines are declared, not signed: the outcome it argues for is a preview
# (with the keyring its external evaluators' evidence attestations are checked against)
PREVIEW = ("--preview", "--at", "2026-11-20", "--keyring", "examples/atlas-api/keys/keyring.yaml")


def test_text_report_shows_outcome_conditions_and_answers() -> None:
    r = cg("gate", ATLAS, *PREVIEW)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].startswith("PREVIEW: as if every declared sign-off were signed")
    lines = lines[1:]
    assert lines[1].startswith("GO WITH CONDITIONS  Atlas-2 2.1.0 across `api`")
    assert "Conditions:" in r.stdout and "[CG305] due 2027-02-18" in r.stdout
    assert "What evidence would force retreat?" in r.stdout
    assert "(from evidence.E-bio-uplift" in r.stdout
    assert lines[-1].startswith("PREVIEW GO WITH CONDITIONS:")


def test_unsigned_lines_are_declared_not_signed() -> None:
    """A plain YAML sign-off line is never counted as a signature: without a keyring no line
    counts; with one, a line without a valid envelope does not either."""
    r = cg("gate", ATLAS, "--at", "2026-11-20")
    assert r.returncode == 1
    assert r.stdout.splitlines()[1].startswith("NO-GO")
    assert "Declared, not signed" in r.stdout
    assert "Dana Ortiz (safety-lead): no keyring to check a signature against" in r.stdout
    assert "signed on" not in r.stdout  # nobody is said to have signed
    for role in ("safety-lead", "rso", "external-evaluator"):
        assert f"`api` needs 1 distinct sign-off(s) from role `{role}`; found none" in r.stdout
    r = cg("gate", ATLAS, "--at", "2026-11-20", "--keyring", "examples/atlas-api/keys/keyring.yaml", "-f", "json")
    doc = json.loads(r.stdout)
    assert doc["outcome"] == "NO-GO" and "preview" not in doc
    assert "Sam Whitfield (rso): no envelope (sign it with `casegate sign`)" in doc["signoffs_declared_not_signed"]
    r = cg("gate", ATLAS, "--preview", "--record", "x.json")
    assert r.returncode == 2 and "a preview is not one" in r.stderr
    r = cg("gate", ATLAS, "--preview", "--format", "junit")
    assert r.returncode == 2 and "not for CI formats" in r.stderr


def signed_atlas(tmp_path: Path) -> Path:
    """A copy of the example with its three declared sign-offs signed; returns its folder."""
    import os
    import shutil

    d = tmp_path / "atlas-api"
    shutil.copytree(ROOT / "examples" / "atlas-api", d)
    for k in (d / "keys").glob("*.key"):
        os.chmod(k, 0o600)
    for role, key in (("safety-lead", "dana-ortiz"), ("rso", "sam-whitfield"), ("external-evaluator", "priya-natarajan")):
        r = cg("sign", str(d / "case.yaml"), "--role", role, "--key", str(d / "keys" / f"{key}.key"),
               "--keyring", str(d / "keys" / "keyring.yaml"))
        assert r.returncode == 0, r.stderr
    return d


def test_signed_lines_count(tmp_path: Path) -> None:
    d = signed_atlas(tmp_path)
    r = cg("gate", str(d / "case.yaml"), "--at", "2026-11-27", "--keyring", str(d / "keys" / "keyring.yaml"))
    assert r.returncode == 0, r.stdout
    assert r.stdout.splitlines()[1].startswith("GO WITH CONDITIONS") and "Declared, not signed" not in r.stdout
    # the same signed case without the keyring: no signature can be checked, nothing counts
    assert cg("gate", str(d / "case.yaml"), "--at", "2026-11-27").returncode == 1


def test_fail_on_conditions_exits_1() -> None:
    assert cg("gate", ATLAS, *PREVIEW, "--fail-on-conditions").returncode == 1


def test_no_go_exits_1_and_names_the_narrower_boundary() -> None:
    r = cg("gate", NARROW, *PREVIEW)
    assert r.returncode == 1
    assert r.stdout.splitlines()[2].startswith("NO-GO")
    assert "support `trusted-access`" in r.stdout and "CG501 required-role-missing" in r.stdout


def test_unreadable_input_exits_2() -> None:
    r = cg("gate", "examples/no-such/case.yaml")
    assert r.returncode == 2 and "file not found" in r.stderr and "Traceback" not in r.stderr
    r = cg("gate", ATLAS, "--at", "yesterday")
    assert r.returncode == 2 and "not a date" in r.stderr
    r = cg("gate", ATLAS, "--previous", "examples/no-such/case.yaml")
    assert r.returncode == 2


def test_record_file_is_the_canonical_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # finding locations name the case file as the command line gave it
    out = tmp_path / "decision.json"
    r = cg("gate", ATLAS, "--record", str(out), "--format", "json", "--at", "2026-11-20")
    assert r.returncode == 1  # the example's sign-offs are declared, not signed
    unsigned = signed_signoffs(load_case(ATLAS), None, dt.datetime(2026, 11, 20, tzinfo=dt.UTC)).signed_case
    expected = record_bytes(run_gate(unsigned, today=dt.date(2026, 11, 20)))
    assert out.read_bytes() == expected
    doc = json.loads(r.stdout)
    assert doc.pop("signoffs_declared_not_signed") and doc == json.loads(expected)
    again = tmp_path / "again.json"
    cg("gate", ATLAS, "--record", str(again), "--at", "2026-11-20")
    assert again.read_bytes() == out.read_bytes()


def test_markdown_and_sarif() -> None:
    md = cg("gate", NARROW, "--format", "markdown")
    assert md.stdout.startswith("# NO-GO: Atlas-2 2.1.0 across `api`")
    assert "## Narrower boundary" in md.stdout and "## The eight questions" in md.stdout
    sarif = json.loads(cg("gate", NARROW, "--format", "sarif").stdout)
    assert sarif["version"] == "2.1.0"
    assert any(res["ruleId"] == "CG501" and res["level"] == "error" for res in sarif["runs"][0]["results"])


def test_boundary_and_at_options() -> None:
    r = cg("gate", NARROW, "--boundary", "trusted-access", "--format", "json", "--at", "2026-11-27", "--preview",
           "--keyring", "examples/atlas-api/keys/keyring.yaml")
    doc = json.loads(r.stdout)
    assert r.returncode == 0 and doc["boundary"] == "trusted-access" and doc["decided_at"] == "2026-11-27"


def test_without_at_the_decision_is_dated_today_not_the_case_date() -> None:
    before = dt.datetime.now(dt.UTC).date()
    r = cg("gate", NARROW, "--format", "json", "--boundary", "trusted-access")
    after = dt.datetime.now(dt.UTC).date()
    doc = json.loads(r.stdout)
    assert doc["decided_at"] in {before.isoformat(), after.isoformat(), dt.date.today().isoformat()}
    assert doc["decided_at"] != "2026-11-20"  # the case's own `date`


def test_previous_and_related_options() -> None:
    gaming = "examples/failure-modes/threshold-gaming"
    r = cg("gate", f"{gaming}/case.yaml", "--previous", f"{gaming}/previous/case.yaml", "--format", "json", *PREVIEW)
    codes = {f["code"] for f in json.loads(r.stdout)["findings"] if f["severity"] == "blocking"}
    assert r.returncode == 1 and codes == {"CG320", "CG323", "CG350"}
    blind = "examples/failure-modes/internal-deployment-blindness/case.yaml"
    # a related internal case of the same system is a file, not a decision: it covers nothing
    r = cg("gate", blind, "--related", "tests/fixtures/gate/atlas-internal/case.yaml", "--format", "json", *PREVIEW)
    doc = json.loads(r.stdout)
    assert "CG104" in {f["code"] for f in doc["findings"]}, r.stderr


def test_unverified_waivers_are_reported_not_applied(tmp_path: Path) -> None:
    import shutil

    shutil.copytree(ROOT / "examples" / "atlas-api", tmp_path / "atlas-api")
    case = tmp_path / "atlas-api" / "case.yaml"
    case.write_text(case.read_text().replace("decision:\n", "decision:\n  waivers: [waivers/CG707-1.dsse.json]\n", 1))
    r = cg("gate", str(case), "--format", "json")
    doc = json.loads(r.stdout)
    assert doc["rejected_waivers"] == ["waiver waivers/CG707-1.dsse.json: not verified (pass --keyring to verify signed waivers)"]
