"""The post-deployment commands end to end through the real CLI (exit codes included): the
example approved with signed sign-offs, an incident that reopens it, verify failing, history."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import shutil
import subprocess
import sys
import time
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest

from casegate.sign import load_keyring
from tests._deploy import RATE_LIMITS
from tests._evaluators import add_example_evaluators
from tests._weights import safetensors
from tests.verify.trusted import DEMO_EXIT

ROOT = Path(__file__).resolve().parents[2]
FIX = ROOT / "tests" / "fixtures" / "monitor"
DIGEST = "sha256:9dc9c848b28402c37719c78ea3f6fcf32c421c5e4d097286abd7470357e8b903"
ROLES = {"safety-lead": "Dana Ortiz", "rso": "Sam Whitfield", "external-evaluator": "Priya Natarajan"}
ORGS = {"safety-lead": "Acme Labs", "rso": "Acme Labs", "external-evaluator": "Northbridge Security"}


@dataclass
class Ran:
    returncode: int
    stdout: str
    stderr: str


def _cg(tmp: Path, db: str, *args: str, code: int | None = 0) -> Ran:
    """Run the CLI's entry point in this process (as `casegate ARGS` in `tmp`), exit code and all."""
    from casegate.cli import main

    saved = (os.getcwd(), sys.argv, {k: os.environ.get(k) for k in ENV})
    os.environ.update({"CASEGATE_DATABASE_URL": db, "CASEGATE_KEYRING": str(tmp / "keyring.yaml")})
    os.chdir(tmp)
    sys.argv = ["casegate", *args]
    out, err = io.StringIO(), io.StringIO()
    rc = 0
    try:
        with redirect_stdout(out), redirect_stderr(err):
            main()
    except SystemExit as e:
        rc = int(e.code or 0)
    finally:
        os.chdir(saved[0])
        sys.argv = saved[1]
        for k, v in saved[2].items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    ran = Ran(rc, out.getvalue(), err.getvalue())
    if code is not None:
        assert ran.returncode == code, (args, ran.stdout, ran.stderr)
    return ran


ENV = ("CASEGATE_DATABASE_URL", "CASEGATE_KEYRING")


@pytest.fixture(scope="module")
def signed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example signed off by the three roles its policy requires, and its decision bundle."""
    tmp = tmp_path_factory.mktemp("signed")
    shutil.copytree(ROOT / "examples" / "atlas-api", tmp / "case",
                    ignore=shutil.ignore_patterns("keys", "signoffs", "*.bundle.json"))
    db = f"sqlite:///{tmp / 'unused.db'}"
    for role, person in ROLES.items():
        _cg(tmp, db, "keys", "generate", f"keys/{role}.pem")
        _cg(tmp, db, "keys", "add", "keyring.yaml", "--public", f"keys/{role}.pem.pub",
            "--person", person, "--role", role, "--from", "2026-01-01", "--until", "2030-12-31",
            "--organisation", ORGS[role])
        _cg(tmp, db, "sign", "case/case.yaml", "--role", role, "--key", f"keys/{role}.pem")
    _cg(tmp, db, "keys", "generate", "keys/author.pem")
    _cg(tmp, db, "keys", "add", "keyring.yaml", "--public", "keys/author.pem.pub", "--person", "Mira Chen",
        "--role", "author", "--from", "2026-01-01", "--until", "2030-12-31")
    add_example_evaluators(tmp / "keyring.yaml")  # who attested the example's independent evidence
    _cg(tmp, db, "authors", "sign", "case/case.yaml", "--role", "author", "--key", "keys/author.pem")
    _cg(tmp, db, "decide", "case/case.yaml", "--key", "keys/rso.pem", "--role", "rso")
    _cg(tmp, db, "gate", "case/case.yaml", "--record", "record.json", code=None)
    return tmp


@pytest.fixture
def approved(signed: Path, tmp_path: Path, database_url: str) -> tuple[Path, str]:
    for name in ("case", "keys"):
        shutil.copytree(signed / name, tmp_path / name)
    for name in ("keyring.yaml", "record.json"):
        shutil.copy2(signed / name, tmp_path / name)
    # the registry hashes the weights itself: past internal use it approves nothing else
    _cg(tmp_path, database_url, "registry", "submit", "case/case.yaml", "--model", "case/model")
    _cg(tmp_path, database_url, "state", "set", "atlas-2-api", "under-review", "--by", "acme-safety-team")
    outcome = json.loads((tmp_path / "record.json").read_text())["outcome"]
    target = {"GO": "approved", "GO WITH CONDITIONS": "approved-with-conditions"}[outcome]
    # a bare decision record carries no sign-offs: it cannot approve
    p = _cg(tmp_path, database_url, "state", "set", "atlas-2-api", target, "--decision", "record.json", code=2)
    assert "needs the signed decision bundle" in p.stderr
    # the wrong target for the outcome is an illegal transition
    wrong = "approved" if target != "approved" else "approved-with-conditions"
    p = _cg(tmp_path, database_url, "state", "set", "--unpinned", "atlas-2-api", wrong, "--decision",
            "case/decision.bundle.json", code=4)
    p = _cg(tmp_path, database_url, "state", "apply", "--unpinned", "atlas-2-api", "--decision", "case/decision.bundle.json")
    assert f"under-review -> {target}" in p.stdout
    return tmp_path, database_url


def _verify(tmp: Path, db: str, code: int) -> Ran:
    """Verify online against the registry (read-only) under a trust root pinning the case's
    policy and keyring, after the log signs a fresh checkpoint."""
    from tests.verify.trusted import Trust, make_trust

    t = Trust(tmp / "root" / "trust", tmp / "root" / "log.pem", tmp / "root" / "root.key")
    if not t.dir.exists():
        t = make_trust(tmp / "root", policy=tmp / "case" / "policy.yaml", keyring=tmp / "keyring.yaml")
    t.checkpoint(db)
    return _cg(tmp, db, "verify", "--bundle", "case/decision.bundle.json", "--model-digest", DIGEST,
               "--boundary", "api", "--access", "self-serve", "--region", "US", *RATE_LIMITS, "--trust-root", str(t.dir), code=code)


def test_incident_reopens_verify_fails_history_shows_the_defeated_claim(approved: tuple[Path, str]) -> None:
    tmp, db = approved
    _verify(tmp, db, DEMO_EXIT)  # the tests' keyrings hold published keys: a demonstration, everything else verified
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
    # recorded on no day before 2026-12-02, the incident of 2026-11-26 had already missed the
    # provisional regime reports it owes unclassified (24 hours, 2 days) and the cybersecurity
    # breach report (5 days) a cyber incident owes however it is classified; with no
    # report-overdue trigger in the plan each missed report acts on its own (CG1003). (The 15-day
    # reports a high incident owes are missed too from 2026-12-11.)
    fired = h["triggers_fired"]
    assert fired[0]["trigger"] == "T-cyber-incident" and {t["trigger"] for t in fired[1:]} == {"CG1003"}, fired
    missed = {re.search(r"\(([\w.-]+:[\w.-]+)\) was due", str(t["reason"])).group(1)  # type: ignore[union-attr]
              for t in fired[1:]}
    assert {"ca-sb53:unclassified", "eu-gpai-cop-2025:unclassified",
            "eu-gpai-cop-2025:cybersecurity-breach"} <= missed, missed
    text = _cg(tmp, db, "history", "atlas-2-api").stdout
    assert "DEFEATED   G2" in text
    # the same bundle cannot approve the reopened case again
    p = _cg(tmp, db, "state", "set", "--unpinned", "atlas-2-api", "approved-with-conditions", "--decision",
            "case/decision.bundle.json", code=None)
    assert p.returncode == 4, p.stderr


def test_samples_restrict_and_verify_passes_only_narrower(approved: tuple[Path, str]) -> None:
    tmp, db = approved
    samples = tmp / "bio.csv"
    import datetime as dt

    t0 = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=5)
    rows = [f"bio-classifier-flag-rate,{(t0 + dt.timedelta(hours=h)).isoformat()},0.003,atlas-2-api"
            for h in range(3)]
    # the cyber monitor keeps reporting, quietly: a silent one would reopen the case
    rows += [f"cyber-classifier-flag-rate,{(t0 + dt.timedelta(hours=h)).isoformat()},0.001,atlas-2-api"
             for h in (0, 12, 23)]
    samples.write_text("signal,timestamp,value,case\n" + "\n".join(rows) + "\n")
    p = _cg(tmp, db, "monitor", "ingest", str(samples))
    assert "recorded 6 samples of bio-classifier-flag-rate, cyber-classifier-flag-rate" in p.stdout
    assert "warning" not in p.stderr
    typo = tmp / "typo.csv"
    typo.write_text("signal,timestamp,value,case\nbio-flag-rate,2026-11-01T00:00:00Z,0.5,atlas-2-api\n")
    p = _cg(tmp, db, "monitor", "ingest", str(typo))
    assert "warning: no monitor of atlas-2-api watches bio-flag-rate" in p.stderr
    at = (t0 + dt.timedelta(days=1)).isoformat()
    p = _cg(tmp, db, "triggers", "run", "--at", at, "--json")
    (run,) = json.loads(p.stdout)
    assert run["applied"] == "restrict to trusted-access" and run["fired"][0]["trigger"] == "M-bio-flags"
    assert json.loads(_cg(tmp, db, "triggers", "run", "--at", at, "--json").stdout)[0]["fired"] == []
    _verify(tmp, db, 1)
    assert "restricted to trusted-access" in _cg(tmp, db, "state", "atlas-2-api").stdout


def _readings(tmp: Path, name: str, rows: list[tuple[str, dt.datetime, float]]) -> Path:
    f = tmp / name
    f.write_text("signal,timestamp,value,case\n" + "".join(
        f"{signal},{t.isoformat()},{v},atlas-2-api\n" for signal, t, v in rows))
    return f


def test_padding_the_window_does_not_hide_a_breaching_reading(approved: tuple[Path, str]) -> None:
    """The lab ingests a real flag-rate reading of 0.02 (the monitor's threshold is 0.005) with
    nine readings of 0.0 in the minutes before it: the window's mean is 0.002, and the trigger
    still reopens the case on the 0.02, and verify refuses."""
    tmp, db = approved
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    signal = "cyber-classifier-flag-rate"
    padded = [(signal, now - dt.timedelta(minutes=i), 0.0) for i in range(1, 10)] + [(signal, now, 0.02)]
    _cg(tmp, db, "monitor", "ingest", str(_readings(tmp, "padded.csv", padded)))
    p = _cg(tmp, db, "triggers", "run", "--case", "atlas-2-api")
    assert "fired T-cyber-flags (monitor)" in p.stdout and "read 0.02" in p.stdout and "-> reopened" in p.stdout
    p = _verify(tmp, db, 1)
    assert "reopened" in p.stderr and "read 0.02" in p.stderr


def test_a_monitor_that_goes_quiet_reopens_the_case(approved: tuple[Path, str]) -> None:
    """The lab ingests nothing more: no reading means no breach, unless silence is itself a
    finding. A day and a minute after the approval the quiet monitors reopen the case."""
    tmp, db = approved
    approved_at = dt.datetime.fromisoformat(json.loads(_cg(tmp, db, "state", "atlas-2-api", "--json").stdout)[
        "last_change"]["recorded_at"].replace("Z", "+00:00"))
    p = _cg(tmp, db, "triggers", "run", "--at", (approved_at + dt.timedelta(hours=23)).isoformat(), "--json")
    assert json.loads(p.stdout)[0]["fired"] == []
    p = _cg(tmp, db, "triggers", "run", "--at", (approved_at + dt.timedelta(hours=24, minutes=1)).isoformat())
    assert "fired T-cyber-flags (monitor-silent)" in p.stdout and "-> reopened" in p.stdout
    assert "no reading of cyber-classifier-flag-rate since" in p.stdout
    p = _verify(tmp, db, 1)
    assert "reopened" in p.stderr and "no reading of" in p.stderr


def test_errors_and_exit_codes(tmp_path: Path, database_url: str) -> None:
    p = _cg(tmp_path, database_url, "monitor", "ingest", str(FIX / "flags.csv"), code=2)
    assert "no case 'atlas-2-api'" in p.stderr
    p = _cg(tmp_path, database_url, "state", "nope", code=2)
    assert "no case 'nope'" in p.stderr and "Traceback" not in p.stderr
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
    # an incident dated after it is reported would stay inert until its date: refused
    ahead = (dt.datetime.now(dt.UTC).date() + dt.timedelta(days=365)).isoformat()
    p = _cg(tmp_path, database_url, "incident", "report", "--case", "atlas-2-api", "--date", ahead,
            "--deployer", "x", "--developer", "y", "--harmed", "z", "--description", "d",
            "--severity", "high", "--domain", "cyber", code=2)
    assert "after it was reported" in p.stderr and "Traceback" not in p.stderr, p.stderr
    p = _cg(tmp_path, database_url, "triggers", "run", code=2)
    assert "keyring not found" in p.stderr  # $CASEGATE_KEYRING names a file that is not there
    shutil.copy2(ROOT / "examples" / "atlas-api" / "keys" / "keyring.yaml", tmp_path / "keyring.yaml")
    p = _cg(tmp_path, database_url, "triggers", "run")
    assert "not deployed (draft)" in p.stdout
    p = _cg(tmp_path, database_url, "condition", "list", "atlas-2-api")
    assert "no conditions" in p.stdout
    rows = json.loads(_cg(tmp_path, database_url, "state", "transitions", "--json").stdout)
    assert {"from": "approved", "to": "reopened", "causes": ["manual", "shared-weights", "trigger"]} in rows


def test_the_installed_entry_point_exits_4_on_an_illegal_transition(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'r.db'}"
    _cg(tmp_path, db, "registry", "submit", str(ROOT / "examples" / "atlas-api" / "case.yaml"))
    p = subprocess.run([sys.executable, "-m", "casegate", "state", "set", "atlas-2-api", "reopened",
                        "--role", "rso", "--reason", "x", "--db", db],
                       text=True, capture_output=True, timeout=120)
    assert p.returncode == 4 and "error: a case that is draft cannot become reopened" in p.stderr
    assert "Traceback" not in p.stderr


def test_conditions_listed_overdue_and_met(approved: tuple[Path, str]) -> None:
    tmp, db = approved
    conds = json.loads((tmp / "record.json").read_text())["conditions"]
    if not conds:
        assert "no conditions" in _cg(tmp, db, "condition", "list", "atlas-2-api").stdout
        return
    first = conds[0]
    listed = json.loads(_cg(tmp, db, "condition", "list", "atlas-2-api", "--json").stdout)
    assert [c["id"] for c in listed["conditions"]] == [c["id"] for c in conds]
    late = (dt.date.fromisoformat(first["due"]) + dt.timedelta(days=1)).isoformat()
    p = _cg(tmp, db, "condition", "list", "atlas-2-api", "--at", late, code=1)
    assert "CG750 condition-overdue" in p.stdout
    # the rso signed the decision; the safety lead is the developer's own: by default a condition
    # is confirmed from outside the developer
    p = _cg(tmp, db, "condition", "met", "atlas-2-api", conds[0]["id"], "--evidence", "E-cyber-ctf",
            "--by", "safety-lead", "--key", "keys/safety-lead.pem", code=None)
    assert p.returncode != 0 and "of Acme Labs, the developer's own organisation" in p.stderr, p.stderr
    # the external evaluator confirms, citing a stored evidence item
    for c in conds:
        p = _cg(tmp, db, "condition", "met", "atlas-2-api", c["id"], "--evidence", "E-cyber-ctf",
                "--by", "external-evaluator", "--key", "keys/external-evaluator.pem")
        assert "by Priya Natarajan (external-evaluator)" in p.stdout
    assert "approved-with-conditions -> approved" in p.stdout
    h = json.loads(_cg(tmp, db, "history", "atlas-2-api", "-f", "json").stdout)
    assert {c["status"] for c in h["conditions"]} == {"met"}
    assert {c["met_by"] for c in h["conditions"]} == {"Priya Natarajan (external-evaluator)"}
    assert all(e.startswith("E-cyber-ctf (version 1) sha256:") for c in h["conditions"] for e in c["evidence"])


def _first_condition(tmp: Path) -> dict:  # type: ignore[type-arg]
    conds = json.loads((tmp / "record.json").read_text())["conditions"]
    assert conds, "the example's decision sets conditions"
    return conds[0]  # type: ignore[no-any-return]


def test_the_decider_cannot_confirm_its_conditions_nor_cite_free_text(approved: tuple[Path, str]) -> None:
    """Attack: the rso who signed the decision says its condition is met; a key claims a role it
    does not hold; the evidence is a sentence."""
    tmp, db = approved
    c = _first_condition(tmp)
    met = ("condition", "met", "atlas-2-api", c["id"])
    p = _cg(tmp, db, *met, "--evidence", "E-cyber-ctf", "--by", "rso", "--key", "keys/rso.pem", code=2)
    assert "'rso' may not confirm conditions" in p.stderr
    assert "roles that may: external-evaluator, safety-lead" in p.stderr
    p = _cg(tmp, db, *met, "--evidence", "E-cyber-ctf", "--by", "safety-lead", "--key", "keys/rso.pem", code=2)
    assert "does not hold the role 'safety-lead'" in p.stderr
    p = _cg(tmp, db, *met, "--evidence", "the third classifier layer shipped", "--by", "safety-lead",
            "--key", "keys/safety-lead.pem", code=2)
    assert "neither a file nor an evidence item" in p.stderr and "Traceback" not in p.stderr
    p = _cg(tmp, db, *met, "--evidence", "E-cyber-ctf", "--by", "safety-lead", "--key", "keys/safety-lead.pem",
            "--keyring", str(tmp / "missing.yaml"), code=2)
    listed = json.loads(_cg(tmp, db, "condition", "list", "atlas-2-api", "--json").stdout)
    assert not listed["conditions"][0]["met"]
    assert json.loads(_cg(tmp, db, "state", "atlas-2-api", "--json").stdout)["state"] == "approved-with-conditions"


def test_a_backdated_condition_is_late_by_the_logs_clock(approved: tuple[Path, str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Attack: met after its due date, the condition is recorded with a stated date before it."""
    tmp, db = approved
    c = _first_condition(tmp)
    due = dt.date.fromisoformat(c["due"])
    after = due + dt.timedelta(days=3)
    monkeypatch.setattr("casegate.store._clock._now", lambda: f"{after.isoformat()}T09:00:00.000000Z")
    met = ("condition", "met", "atlas-2-api", c["id"], "--evidence", "E-cyber-ctf", "--by", "external-evaluator",
           "--key", "keys/external-evaluator.pem")
    p = _cg(tmp, db, *met, "--on", (after + dt.timedelta(days=1)).isoformat(), code=2)
    assert "is after the log's clock" in p.stderr
    p = _cg(tmp, db, *met, "--on", (due - dt.timedelta(days=10)).isoformat())
    assert f"met (late) on {after.isoformat()}" in p.stdout
    listed = json.loads(_cg(tmp, db, "condition", "list", "atlas-2-api", "--json").stdout)
    assert listed["conditions"][0]["late"] and listed["conditions"][0]["met_on"] == after.isoformat()
    h = json.loads(_cg(tmp, db, "history", "atlas-2-api", "-f", "json").stdout)
    assert h["conditions"][0]["status"] == "met late"


def test_an_unsigned_condition_met_entry_in_the_log_does_not_count(approved: tuple[Path, str]) -> None:
    """Attack: the lab writes a 'condition-met' entry into the registry directly, unsigned."""
    from casegate.store import open_registry

    tmp, db = approved
    c = _first_condition(tmp)
    with open_registry(db) as reg:
        d = reg.events("atlas-2-api", "decision")[-1].index
        reg.record("condition-met", "atlas-2-api", {"decision": d, "id": c["id"], "evidence": ["E-cyber-ctf"],
                                                    "by": "safety-lead", "met_on": "2026-12-01", "late": False})
    p = _cg(tmp, db, "condition", "list", "atlas-2-api")
    assert f"{c['id']} open" in p.stdout and "is not signed" in p.stdout
    late = (dt.date.fromisoformat(c["due"]) + dt.timedelta(days=1)).isoformat()
    assert "CG750 condition-overdue" in _cg(tmp, db, "condition", "list", "atlas-2-api", "--at", late, code=1).stdout
    h = json.loads(_cg(tmp, db, "history", "atlas-2-api", "-f", "json", "--at", late).stdout)
    assert h["conditions"][0]["status"] == "missed"
    state = json.loads(_cg(tmp, db, "state", "atlas-2-api", "--json", "--at", late).stdout)
    assert state["state"] == "approved-with-conditions" and not state["deployable"]
    assert any(f"condition {c['id']}" in r and "was due" in r for r in state["now"]["reasons"]), state["now"]
    run = json.loads(_cg(tmp, db, "triggers", "run", "--at", late, "--json").stdout)[0]
    assert "condition-overdue" in [f["event"] for f in run["fired"]]
    assert any("is not signed" in n for n in run["notes"])


@pytest.mark.parametrize("args", [["history", "atlas-2-api"], ["state", "show", "atlas-2-api"],
                                  ["log", "verify"]])
def test_a_command_that_only_reads_never_creates_a_registry_at_a_mistyped_path(tmp_path: Path, args: list[str]) -> None:
    missing = tmp_path / "no-such-dir" / "registry.db"
    r = _cg(tmp_path, f"sqlite:///{missing}", *args, code=3)
    assert "no registry at" in r.stderr and "it is not created here" in r.stderr, r.stderr
    assert not missing.exists() and not missing.parent.exists()


def _forged(bundle: Path, dest: Path, key: Path, edit) -> Path:  # type: ignore[no-untyped-def]
    """The decision bundle with its record edited by `edit` and signed again with `key` (the lab's
    own decider may sign whatever record it likes)."""
    from casegate.sign import decode_payload, load_signer, sign_statement

    b = json.loads(bundle.read_text())
    st = decode_payload(b["decision"])
    edit(st["predicate"]["record"])
    b["decision"] = sign_statement(st, load_signer(str(key)))
    dest.write_text(json.dumps(b))
    return dest


def _under_review(signed: Path, tmp: Path, db: str) -> None:
    for name in ("case", "keys"):
        shutil.copytree(signed / name, tmp / name)
    shutil.copy2(signed / "keyring.yaml", tmp / "keyring.yaml")
    _cg(tmp, db, "registry", "submit", "case/case.yaml", "--model", "case/model")
    _cg(tmp, db, "state", "set", "atlas-2-api", "under-review", "--by", "acme-safety-team")


def test_the_registry_judges_a_decision_again_and_refuses_one_its_gate_does_not_support(
        signed: Path, tmp_path: Path, database_url: str) -> None:
    """Reason: the decision record is signed by the lab's own decider; a record re-signed as GO
    (conditions dropped) or as GO WITH CONDITIONS over a blocking finding must not approve."""
    from casegate.sign import decode_payload

    _under_review(signed, tmp_path, database_url)

    def as_go(r: dict) -> None:  # type: ignore[type-arg]
        r.update(outcome="GO", conditions=[], findings=[f for f in r["findings"] if f["severity"] == "advisory"])

    bundle = tmp_path / "case" / "decision.bundle.json"
    honest = decode_payload(json.loads(bundle.read_text())["decision"])["predicate"]["record"]
    assert honest["outcome"] == "GO WITH CONDITIONS" and honest["conditions"]
    forged = _forged(bundle, tmp_path / "forged.bundle.json", tmp_path / "keys" / "rso.pem", as_go)
    size_before = _cg(tmp_path, database_url, "registry", "history", "atlas-2-api", "--json").stdout
    p = _cg(tmp_path, database_url, "state", "apply", "--unpinned", "atlas-2-api", "--decision", str(forged), code=4)
    assert "the registry does not approve version 1 of atlas-2-api" in p.stderr
    assert "says GO WITH CONDITIONS, the decision GO" in p.stderr and "Traceback" not in p.stderr
    assert _cg(tmp_path, database_url, "registry", "history", "atlas-2-api", "--json").stdout == size_before

    def drop_a_condition(r: dict) -> None:  # type: ignore[type-arg]
        r["conditions"] = r["conditions"][1:]

    fewer = _forged(bundle, tmp_path / "fewer.bundle.json", tmp_path / "keys" / "rso.pem", drop_a_condition)
    p = _cg(tmp_path, database_url, "state", "apply", "--unpinned", "atlas-2-api", "--decision", str(fewer), code=4)
    assert "sets conditions the decision leaves out" in p.stderr
    # the honest bundle is judged the same and applies
    p = _cg(tmp_path, database_url, "state", "apply", "--unpinned", "atlas-2-api", "--decision", str(bundle))
    assert "-> approved-with-conditions" in p.stdout


def test_a_record_that_names_no_case_files_matches_no_version(
        signed: Path, tmp_path: Path, database_url: str) -> None:
    """Reason: a record without its case files used to match the newest version, so an old
    decision could approve a version nobody signed off."""
    _under_review(signed, tmp_path, database_url)

    def no_files(r: dict) -> None:  # type: ignore[type-arg]
        r["digests"]["case_files"] = {}

    bundle = _forged(tmp_path / "case" / "decision.bundle.json", tmp_path / "nofiles.bundle.json",
                     tmp_path / "keys" / "rso.pem", no_files)
    p = _cg(tmp_path, database_url, "state", "apply", "--unpinned", "atlas-2-api", "--decision", str(bundle), code=2)
    assert "names no case files" in p.stderr


def test_with_a_trust_root_the_registry_judges_only_with_a_keyring_it_pins(
        signed: Path, tmp_path: Path, database_url: str) -> None:
    """Reason: the keyring decides which evaluators are independent; one the lab extended with its
    own "evaluator" must not be the one an approval is judged with."""
    from tests.verify.trusted import make_trust

    _under_review(signed, tmp_path, database_url)
    t = make_trust(tmp_path / "root", policy=tmp_path / "case" / "policy.yaml", keyring=tmp_path / "keyring.yaml")
    ring = tmp_path / "lab-keyring.yaml"
    shutil.copy2(tmp_path / "keyring.yaml", ring)
    _cg(tmp_path, database_url, "keys", "generate", "keys/puppet.pem")
    _cg(tmp_path, database_url, "keys", "add", str(ring), "--public", "keys/puppet.pem.pub", "--person", "Quinn Vale",
        "--role", "external-evaluator", "--from", "2026-01-01", "--until", "2030-12-31")
    bundle = "case/decision.bundle.json"
    p = _cg(tmp_path, database_url, "state", "apply", "atlas-2-api", "--decision", bundle, "--keyring", str(ring),
            "--trust-root", str(t.dir), code=1)
    assert "is not pinned by the trust root" in p.stderr and "Traceback" not in p.stderr
    p = _cg(tmp_path, database_url, "state", "apply", "atlas-2-api", "--decision", bundle,
            "--trust-root", str(t.dir))
    assert "-> approved-with-conditions" in p.stdout
    from casegate.store import open_registry

    with open_registry(database_url) as reg:  # the log says which trust root the approval was judged under
        (d,) = reg.events(case_id="atlas-2-api", kind="decision")
        assert d.payload["judgement"]["trust_root"] == 1


def test_the_registry_refuses_a_decision_that_signs_dates_or_bindings_it_does_not_derive(
        signed: Path, tmp_path: Path, database_url: str) -> None:
    """Reason: the lab's decider signs the condition due dates and wording, the evidence expiries
    and the re-evaluation date verify holds the decision to, and the evidence it counted
    independent; a bundle re-signed with later dates, weaker conditions, an emptied list or an
    item counted as testing more than was attested must not approve."""
    from casegate.sign import decode_payload, load_signer, sign_statement

    _under_review(signed, tmp_path, database_url)
    bundle = tmp_path / "case" / "decision.bundle.json"

    def forge(name: str, edit) -> Path:  # type: ignore[no-untyped-def]
        b = json.loads(bundle.read_text())
        st = decode_payload(b["decision"])
        edit(st["predicate"])
        b["decision"] = sign_statement(st, load_signer(str(tmp_path / "keys" / "rso.pem")))
        (tmp_path / name).write_text(json.dumps(b))
        return tmp_path / name

    def later_due(p: dict) -> None:  # type: ignore[type-arg]
        for c in p["record"]["conditions"]:
            c["due"] = "2099-12-31"

    def later_expiry(p: dict) -> None:  # type: ignore[type-arg]
        for e in p["evidence"]:
            e["expires"] = "2099-12-31"
        p["reevaluate_by"] = "2099-12-31"

    def nothing_independent(p: dict) -> None:  # type: ignore[type-arg]
        p["independent"] = []

    def weaker_wording(p: dict) -> None:  # type: ignore[type-arg]
        for c in p["record"]["conditions"]:
            c["fix"] = "Consider it when convenient."
            c["text"] = c["finding"] + "; consider it when convenient"

    def independent_of_more(p: dict) -> None:  # type: ignore[type-arg]
        p["independent"][0]["tests"] = [*p["independent"][0]["tests"], "S-not-tested"]

    for name, edit, said in (("due", later_due, "later due dates"),
                             ("expiry", later_expiry, "evidence expiries the stored version does not give"),
                             ("independent", nothing_independent, "lists as independent nothing"),
                             ("wording", weaker_wording, "words what a condition requires otherwise"),
                             # refused before the registry judges: its own attestation says otherwise
                             ("item", independent_of_more, "counted it as a test of SG-egress, S-not-tested")):
        p = _cg(tmp_path, database_url, "state", "apply", "--unpinned", "atlas-2-api", "--decision", str(forge(name, edit)),
                code=1 if name == "item" else 4)
        assert said in p.stderr, (name, p.stderr)
    p = _cg(tmp_path, database_url, "state", "apply", "--unpinned", "atlas-2-api", "--decision", str(bundle))
    assert "-> approved-with-conditions" in p.stdout
    # the registry logs the keyring it judged with beside the decision
    from casegate.sign import load_keyring
    from casegate.store import open_registry

    reg = open_registry(database_url)
    try:
        (d,) = reg.events("atlas-2-api", "decision")
        assert d.payload["judgement"]["keyring"] == load_keyring(tmp_path / "keyring.yaml").fingerprint()
    finally:
        reg.close()


def test_an_approval_judged_with_the_labs_keyring_does_not_apply(
        signed: Path, tmp_path: Path, database_url: str) -> None:
    """Reason: `state apply --keyring` with a keyring the lab extended judges the decision with the
    lab's own "evaluators"; the decision must have been made with the keyring the registry judges
    with, and verify holds that one to the trust root."""
    _under_review(signed, tmp_path, database_url)
    ring = tmp_path / "lab-keyring.yaml"
    shutil.copy2(tmp_path / "keyring.yaml", ring)
    _cg(tmp_path, database_url, "keys", "generate", "keys/puppet.pem")
    _cg(tmp_path, database_url, "keys", "add", str(ring), "--public", "keys/puppet.pem.pub", "--person", "Quinn Vale",
        "--role", "external-evaluator", "--from", "2026-01-01", "--until", "2030-12-31")
    p = _cg(tmp_path, database_url, "state", "apply", "--unpinned", "atlas-2-api", "--decision", "case/decision.bundle.json",
            "--keyring", str(ring), code=4)
    assert "not the keyring" in p.stderr and "the registry judges with" in p.stderr


def test_the_registry_refuses_a_narrower_boundary_signed_better_than_its_gate_says(
        signed: Path, tmp_path: Path, database_url: str) -> None:
    """Reason: `verify` reads the outcome at a narrower boundary (after a restriction) from the
    bundle's signed `narrower` list; the lab's decider must not sign a better one than the gate."""
    from casegate.sign import decode_payload, load_signer, sign_statement

    _under_review(signed, tmp_path, database_url)
    bundle = tmp_path / "case" / "decision.bundle.json"
    b = json.loads(bundle.read_text())
    st = decode_payload(b["decision"])
    narrower = st["predicate"]["narrower"]
    assert narrower and all(x["outcome"] != "GO" for x in narrower), narrower
    for x in narrower:
        x.update(outcome="GO", blocking=[])
    b["decision"] = sign_statement(st, load_signer(str(tmp_path / "keys" / "rso.pem")))
    (tmp_path / "narrower.bundle.json").write_text(json.dumps(b))
    p = _cg(tmp_path, database_url, "state", "apply", "--unpinned", "atlas-2-api", "--decision", "narrower.bundle.json", code=4)
    assert "for the narrower boundary" in p.stderr and "the gate run on the stored version says" in p.stderr


def test_registry_submit_logs_the_weights_files_of_the_model_the_case_is_about(tmp_path: Path,
                                                                               database_url: str) -> None:
    """`registry submit --model` hashes the model's weights files and logs them beside the version,
    so a later case about the same weights (under any digest, name or id) shares its history; a
    model whose digest the case does not list is refused before anything is stored."""
    shutil.copytree(ROOT / "examples" / "atlas-api", tmp_path / "case")
    weights = tmp_path / "model"
    weights.mkdir()
    (weights / "model.safetensors").write_bytes(safetensors(b"w" * 4096))
    wrong = _cg(tmp_path, database_url, "registry", "submit", "case/case.yaml", "--model", "model", code=2)
    assert "which the case's system.digests do not list" in wrong.stderr and "Traceback" not in wrong.stderr
    assert _cg(tmp_path, database_url, "registry", "history", "atlas-2-api", code=None).returncode != 0
    digest = _cg(tmp_path, database_url, "digest", "model").stdout.strip()
    case = tmp_path / "case" / "case.yaml"
    case.write_text(case.read_text().replace(DIGEST, digest))
    ok = _cg(tmp_path, database_url, "registry", "submit", "case/case.yaml", "--model", "model")
    assert "recorded the files of model " + digest in ok.stdout
    again = _cg(tmp_path, database_url, "registry", "submit", "case/case.yaml", "--model", "model")
    assert "unchanged" in again.stdout and "recorded the files" not in again.stdout


def test_readings_signed_with_a_telemetry_key_count_and_the_labs_own_do_not(approved: tuple[Path, str]) -> None:
    """Through the CLI: the keyring's owner gives a telemetry key to the monitoring system's
    holder, who signs a batch (`monitor sign`) that `monitor ingest` records with its signer. The
    lab cannot sign with its own key in that role, and the quiet readings it ingests unsigned do
    not keep the monitors from falling silent: `triggers run` and `state show` say why."""
    tmp, db = approved
    _cg(tmp, db, "keys", "generate", "keys/telemetry.pem")
    _cg(tmp, db, "keys", "add", "keyring.yaml", "--public", "keys/telemetry.pem.pub", "--person", "Noor Haddad",
        "--role", "telemetry", "--from", "2026-01-01", "--until", "2030-12-31", "--organisation", "Northfield Monitoring")
    now = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(minutes=1)
    signed = _readings(tmp, "signed.csv", [(s, now, 0.0) for s in ("cyber-classifier-flag-rate", "bio-classifier-flag-rate")])
    p = _cg(tmp, db, "monitor", "sign", str(signed), "--key", "keys/rso.pem", "--sequence", "1", code=2)
    assert "does not hold the role 'telemetry'" in p.stderr
    p = _cg(tmp, db, "monitor", "sign", str(signed), "--key", "keys/telemetry.pem", code=2)
    assert "the batch gives no sequence number (1 or more) for case atlas-2-api" in p.stderr
    p = _cg(tmp, db, "monitor", "sign", str(signed), "--key", "keys/telemetry.pem", "--sequence", "2",
            "--follows", "atlas-2-api", code=2)
    assert "--follows 'atlas-2-api' is not a key id" in p.stderr and "Traceback" not in p.stderr
    p = _cg(tmp, db, "monitor", "sign", str(signed), "--key", "keys/telemetry.pem", "--sequence", "1")
    assert "signed 2 readings of bio-classifier-flag-rate, cyber-classifier-flag-rate as Noor Haddad (telemetry)" in p.stdout
    p = _cg(tmp, db, "monitor", "ingest", str(tmp / "signed.dsse.json"))
    assert "signed by Noor Haddad (telemetry, key" in p.stdout
    assert "the signed batch verifies against" in p.stdout and "signed by Noor Haddad (telemetry)" in p.stdout
    quiet = _readings(tmp, "quiet.csv", [(s, now + dt.timedelta(hours=h), 0.0) for h in (12, 24, 36)
                                         for s in ("cyber-classifier-flag-rate", "bio-classifier-flag-rate")])
    _cg(tmp, db, "monitor", "ingest", str(quiet))
    at = (now + dt.timedelta(days=2)).isoformat()
    p = _cg(tmp, db, "triggers", "run", "--at", at)
    assert "(monitor-silent)" in p.stdout and "-> reopened" in p.stdout
    stamp = (now + dt.timedelta(hours=12)).strftime("%Y-%m-%dT%H:%M:%SZ")
    why = (f"reading of cyber-classifier-flag-rate at {stamp} is not signed by a telemetry key the registry "
           "trusts; it does not end the monitor's silence")
    assert why in p.stdout
    assert why in _cg(tmp, db, "state", "atlas-2-api").stdout


def test_registry_submit_refuses_a_model_whose_only_weights_file_is_a_decoy(tmp_path: Path, database_url: str) -> None:
    """Attack: the weights are in a file casegate does not know by name or content, beside a 64-byte
    `adapter.safetensors`, so the folder holds "a weights file". The decoy is not weights: the
    registry logs no files for the model (so, past internal use, it approves and deploys nothing
    on it) and says what counts as weights."""
    import os

    shutil.copytree(ROOT / "examples" / "atlas-api", tmp_path / "case")
    model = tmp_path / "model"
    model.mkdir()
    (model / "config.json").write_text('{"layers": 2}')
    (model / "weights.part0").write_bytes(b"\x00" + os.urandom(8192))
    (model / "adapter.safetensors").write_bytes(os.urandom(64))
    digest = _cg(tmp_path, database_url, "digest", "model").stdout.strip()
    case = tmp_path / "case" / "case.yaml"
    case.write_text(case.read_text().replace(DIGEST, digest))
    p = _cg(tmp_path, database_url, "registry", "submit", "case/case.yaml", "--model", "model", code=2)
    assert f"the model at digest {digest} holds no weights file" in p.stderr, p.stderr
    assert "a file named .safetensors or .gguf that is not one, or holds no tensor, is not weights" in p.stderr
    assert "Traceback" not in p.stderr
    # the version and its model's files are one transaction: the refused submit recorded nothing
    p = _cg(tmp_path, database_url, "registry", "history", "atlas-2-api", "--json", code=2)
    assert "the registry has no case 'atlas-2-api'" in p.stderr


def test_a_telemetry_key_revoked_in_the_log_is_revoked_for_ingest_and_triggers(approved: tuple[Path, str]) -> None:
    """Attack through the CLI: the telemetry key is stolen; the security team revokes it on its
    own copy of the keyring (`keys revoke`, recorded in the log), and the keyring file
    ($CASEGATE_KEYRING) still lists it as good. `monitor ingest` says the thief's batch does not
    verify, and `triggers run` does not let it keep the monitors from falling silent."""
    tmp, db = approved
    _cg(tmp, db, "keys", "generate", "keys/telemetry.pem")
    _cg(tmp, db, "keys", "add", "keyring.yaml", "--public", "keys/telemetry.pem.pub", "--person", "Noor Haddad",
        "--role", "telemetry", "--from", "2026-01-01", "--until", "2030-12-31", "--organisation", "Northfield Monitoring")
    shutil.copy2(tmp / "keyring.yaml", tmp / "security-copy.yaml")
    keyid = next(k.keyid for k in load_keyring(tmp / "keyring.yaml").keys if k.person == "Noor Haddad")
    p = _cg(tmp, db, "keys", "revoke", "security-copy.yaml", keyid, "--reason", "stolen")
    assert "recorded the keyring change in the log" in p.stdout
    time.sleep(1.1)  # the reading is taken after the approval
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    quiet = _readings(tmp, "stolen.csv", [(s, now, 0.0) for s in ("cyber-classifier-flag-rate",
                                                                   "bio-classifier-flag-rate")])
    _cg(tmp, db, "monitor", "sign", str(quiet), "--key", "keys/telemetry.pem", "--sequence", "1")
    p = _cg(tmp, db, "monitor", "ingest", str(tmp / "stolen.dsse.json"))
    assert "signed by Noor Haddad (telemetry, key" in p.stdout  # who it says signed it is recorded
    assert "the signed batch does not verify against" in p.stderr and "was revoked on 2026-01-01" in p.stderr, p.stderr
    p = _cg(tmp, db, "triggers", "run", "--at", (now + dt.timedelta(days=2)).isoformat())
    # silent since the approval: the stolen key's reading did not end the silence
    assert "(monitor-silent)" in p.stdout and "-> reopened" in p.stdout
    assert "(the approval)" in p.stdout and "(its last reading)" not in p.stdout, p.stdout
    assert "Noor Haddad's key" in p.stdout and "was revoked on 2026-01-01 (stolen)" in p.stdout, p.stdout
