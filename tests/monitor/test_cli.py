"""The post-deployment commands end to end through the real CLI (exit codes included): the
example approved with signed sign-offs, an incident that reopens it, verify failing, history."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIX = ROOT / "tests" / "fixtures" / "monitor"
DIGEST = "sha256:9f2c1a7be04d6f3e2a8c5b1d0e9f7a6c3b2d1e0f9a8b7c6d5e4f3a2b1c0d9e8f"
ROLES = {"safety-lead": "Dana Ortiz", "rso": "Sam Whitfield", "external-evaluator": "Priya Natarajan"}


def _cg(tmp: Path, db: str, *args: str, code: int | None = 0) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CASEGATE_DATABASE_URL": db, "CASEGATE_KEYRING": str(tmp / "keyring.yaml")}
    p = subprocess.run([sys.executable, "-m", "casegate", *args], cwd=tmp, env=env, text=True,
                       capture_output=True, timeout=120)
    if code is not None:
        assert p.returncode == code, (args, p.stdout, p.stderr)
    return p


@pytest.fixture
def approved(tmp_path: Path, database_url: str) -> tuple[Path, str]:
    shutil.copytree(ROOT / "examples" / "atlas-api", tmp_path / "case",
                    ignore=shutil.ignore_patterns("keys", "signoffs", "*.bundle.json"))
    for role, person in ROLES.items():
        _cg(tmp_path, database_url, "keys", "generate", f"keys/{role}.pem")
        _cg(tmp_path, database_url, "keys", "add", "keyring.yaml", "--public", f"keys/{role}.pem.pub",
            "--person", person, "--role", role, "--from", "2026-01-01", "--until", "2030-12-31")
        _cg(tmp_path, database_url, "sign", "case/case.yaml", "--role", role, "--key", f"keys/{role}.pem")
    _cg(tmp_path, database_url, "decide", "case/case.yaml", "--key", "keys/rso.pem", "--role", "rso")
    _cg(tmp_path, database_url, "registry", "submit", "case/case.yaml")
    _cg(tmp_path, database_url, "state", "set", "atlas-2-api", "under-review", "--by", "acme-safety-team")
    outcome = json.loads(_cg(tmp_path, database_url, "gate", "case/case.yaml", "-f", "json").stdout)["outcome"]
    target = {"GO": "approved", "GO WITH CONDITIONS": "approved-with-conditions"}[outcome]
    # a bare decision record carries no sign-offs: it cannot approve
    _cg(tmp_path, database_url, "gate", "case/case.yaml", "--record", "record.json", code=None)
    p = _cg(tmp_path, database_url, "state", "set", "atlas-2-api", target, "--decision", "record.json", code=2)
    assert "needs the signed decision bundle" in p.stderr
    # the wrong target for the outcome is an illegal transition
    wrong = "approved" if target != "approved" else "approved-with-conditions"
    p = _cg(tmp_path, database_url, "state", "set", "atlas-2-api", wrong, "--decision",
            "case/decision.bundle.json", code=4)
    _cg(tmp_path, database_url, "state", "set", "atlas-2-api", target, "--decision", "case/decision.bundle.json")
    return tmp_path, database_url


def _verify(tmp: Path, db: str, code: int) -> subprocess.CompletedProcess[str]:
    return _cg(tmp, db, "verify", "--bundle", "case/decision.bundle.json", "--model-digest", DIGEST,
               "--boundary", "api", code=code)


def test_incident_reopens_verify_fails_history_shows_the_defeated_claim(approved: tuple[Path, str]) -> None:
    tmp, db = approved
    _verify(tmp, db, 0)
    p = _cg(tmp, db, "incident", "report", "--case", "atlas-2-api", "--date", "2026-11-26",
            "--deployer", "Acme API customer", "--developer", "Acme Labs",
            "--harmed", "Northfield Regional Hospital", "--description", "ransomware built with the tool",
            "--severity", "high", "--domain", "cyber")
    assert "fired T-cyber-incident" in p.stdout and "-> reopened" in p.stdout
    p = _verify(tmp, db, 1)
    assert "reopened" in p.stdout + p.stderr
    state = json.loads(_cg(tmp, db, "state", "atlas-2-api", "--json").stdout)
    assert state["state"] == "reopened" and not state["deployable"]
    assert state["last_change"]["payload"]["cause"]["trigger"] == "T-cyber-incident"
    h = json.loads(_cg(tmp, db, "history", "atlas-2-api", "--format", "json").stdout)
    defeated = [c["id"] for c in h["versions"][0]["claims"] if c["status"] == "defeated"]
    assert defeated == ["G2", "G4"]
    assert [t["trigger"] for t in h["triggers_fired"]] == ["T-cyber-incident"]
    text = _cg(tmp, db, "history", "atlas-2-api").stdout
    assert "DEFEATED   G2" in text
    # the same bundle cannot approve the reopened case again
    p = _cg(tmp, db, "state", "set", "atlas-2-api", "approved-with-conditions", "--decision",
            "case/decision.bundle.json", code=None)
    assert p.returncode == 4, p.stderr


def test_samples_restrict_and_verify_passes_only_narrower(approved: tuple[Path, str]) -> None:
    tmp, db = approved
    samples = tmp / "bio.csv"
    import datetime as dt

    t0 = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=5)
    rows = [f"bio-classifier-flag-rate,{(t0 + dt.timedelta(hours=h)).isoformat()},0.003,atlas-2-api"
            for h in range(3)]
    samples.write_text("signal,timestamp,value,case\n" + "\n".join(rows) + "\n")
    p = _cg(tmp, db, "monitor", "ingest", str(samples))
    assert "recorded 3 samples of bio-classifier-flag-rate" in p.stdout
    at = (t0 + dt.timedelta(days=1)).isoformat()
    p = _cg(tmp, db, "triggers", "run", "--at", at, "--json")
    (run,) = json.loads(p.stdout)
    assert run["applied"] == "restrict to trusted-access" and run["fired"][0]["trigger"] == "M-bio-flags"
    assert json.loads(_cg(tmp, db, "triggers", "run", "--at", at, "--json").stdout)[0]["fired"] == []
    _verify(tmp, db, 1)
    assert "restricted to trusted-access" in _cg(tmp, db, "state", "atlas-2-api").stdout


def test_errors_and_exit_codes(tmp_path: Path, database_url: str) -> None:
    p = _cg(tmp_path, database_url, "state", "nope", code=2)
    assert "no case 'nope'" in p.stderr and "Traceback" not in p.stderr
    p = _cg(tmp_path, database_url, "monitor", "ingest", str(FIX / "flags.csv"), code=2)
    assert "no case 'atlas-2-api'" in p.stderr
    _cg(tmp_path, database_url, "registry", "submit", str(ROOT / "examples" / "atlas-api" / "case.yaml"))
    p = _cg(tmp_path, database_url, "state", "set", "atlas-2-api", "approved", "--role", "product-lead",
            "--reason", "ship", code=4)
    assert "a case that is draft cannot become approved" in p.stderr
    p = _cg(tmp_path, database_url, "state", "set", "atlas-2-api", "withdrawn", code=4)
    assert "must say role, reason" in p.stderr
    p = _cg(tmp_path, database_url, "state", "set", "atlas-2-api", "sideways", code=2)
    assert "unknown state" in p.stderr
    p = _cg(tmp_path, database_url, "incident", "report", "--case", "atlas-2-api", "--date", "2026-11-26",
            "--deployer", "x", "--developer", "y", "--harmed", "z", "--description", "d",
            "--severity", "dire", "--domain", "cyber", code=2)
    assert "severity" in p.stderr
    p = _cg(tmp_path, database_url, "triggers", "run")
    assert "not deployed (draft)" in p.stdout
    p = _cg(tmp_path, database_url, "condition", "list", "atlas-2-api")
    assert "no conditions" in p.stdout
    rows = json.loads(_cg(tmp_path, database_url, "state", "transitions", "--json").stdout)
    assert {"from": "approved", "to": "reopened", "causes": ["manual", "trigger"]} in rows
