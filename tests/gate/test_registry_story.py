"""The registry as the gate's memory, end to end through the real CLI on both backends: version 1
approved; a gamed version 2 (metric renamed, suite swapped under the same task name, reduction
changed) is NO-GO through `decide` with no --previous, because the gate compares it with the
registry's previous and last approved version."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tests._evaluators import add_example_evaluators
from tests.monitor.test_cli import ORGS, ROLES, _cg

ROOT = Path(__file__).resolve().parents[2]
CASE_ID = "atlas-2-api"
RENAMED = "success-rate, first attempt, hints disabled"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1))


def _sign_all(tmp: Path, case: str) -> None:
    for role in ROLES:
        _cg(tmp, "sqlite:///unused.db", "sign", f"{case}/case.yaml", "--role", role, "--key", f"keys/{role}.pem")


def _findings(bundle: Path) -> list[dict[str, object]]:
    from casegate.monitor import read_decision

    record, _ = read_decision(bundle.read_text(), str(bundle))
    return [f.model_dump(mode="json") for f in record.findings]


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """v1 (owners named, the CTF run's task and reduction recorded) signed and decided; v2 gamed
    and signed again by the same three roles."""
    tmp = tmp_path_factory.mktemp("story")
    shutil.copytree(ROOT / "examples" / "atlas-api", tmp / "v1",
                    ignore=shutil.ignore_patterns("keys", "signoffs", "*.bundle.json"))
    _edit(tmp / "v1" / "policy.yaml", "\nthresholds:", "\nowners: [rso]\nthresholds:")
    _edit(tmp / "v1" / "evidence.yaml", "    threshold: cyber-high\n",
          "    threshold: cyber-high\n"
          "    source: {tool: casegate-results, task: acme-ctf-pro, task_version: \"4\"}\n")
    db = "sqlite:///unused.db"
    for role, person in ROLES.items():
        _cg(tmp, db, "keys", "generate", f"keys/{role}.pem")
        _cg(tmp, db, "keys", "add", "keyring.yaml", "--public", f"keys/{role}.pem.pub",
            "--person", person, "--role", role, "--from", "2026-01-01", "--until", "2030-12-31",
            "--organisation", ORGS[role])
    _cg(tmp, db, "keys", "generate", "keys/author.pem")
    _cg(tmp, db, "keys", "add", "keyring.yaml", "--public", "keys/author.pem.pub", "--person", "Mira Chen",
        "--role", "author", "--from", "2026-01-01", "--until", "2030-12-31")
    add_example_evaluators(tmp / "keyring.yaml")  # who attested the example's independent evidence
    _sign_all(tmp, "v1")
    _cg(tmp, db, "authors", "sign", "v1/case.yaml", "--role", "author", "--key", "keys/author.pem")
    _cg(tmp, db, "decide", "v1/case.yaml", "--key", "keys/rso.pem", "--role", "rso")

    shutil.copytree(tmp / "v1", tmp / "v2", ignore=shutil.ignore_patterns("signoffs", "*.bundle.json"))
    v2 = tmp / "v2"
    _edit(v2 / "case.yaml", "version: ", "version: \"1.1\"  # was: ")
    _edit(v2 / "policy.yaml", "metric: success-rate on the Acme professional CTF suite", f"metric: {RENAMED}")
    art = v2 / "evals" / "cyber-ctf.json"
    old_sha = hashlib.sha256(art.read_bytes()).hexdigest()
    _edit(art, '"task_version": "4"', '"task_version": "4-lite"')
    _edit(v2 / "evidence.yaml", old_sha, hashlib.sha256(art.read_bytes()).hexdigest())
    # the policy fixes how epochs are counted: gaming it means changing the policy
    _edit(v2 / "policy.yaml", "    scorer: solved\n    reduction: any", "    scorer: solved\n    reduction: majority")
    _edit(v2 / "evidence.yaml", 'task_version: "4"', 'task_version: "4-lite"')
    return tmp


def test_gamed_version_is_no_go_through_decide_without_previous(versions: Path, tmp_path: Path,
                                                                 database_url: str) -> None:
    for name in ("v1", "v2", "keys"):
        shutil.copytree(versions / name, tmp_path / name)
    shutil.copy2(versions / "keyring.yaml", tmp_path / "keyring.yaml")
    db = database_url
    _cg(tmp_path, db, "registry", "submit", "v1/case.yaml", "--model", "v1/model")
    _cg(tmp_path, db, "state", "set", CASE_ID, "under-review", "--by", "acme-safety-team")
    _cg(tmp_path, db, "state", "apply", "--unpinned", CASE_ID, "--decision", "v1/decision.bundle.json")

    # without a registry nothing is compared, and the record says so
    p = _cg(tmp_path, "sqlite:///" + str(tmp_path / "none" / "x.db"), "gate", "v2/case.yaml", "--format", "json",
            "--db", str(tmp_path / "elsewhere.db"), code=None)
    assert json.loads(p.stdout)["compared_with"] == [f"nothing: first version (the registry has no case '{CASE_ID}')"]

    _sign_all(tmp_path, "v2")
    p = _cg(tmp_path, db, "decide", "v2/case.yaml", "--key", "keys/rso.pem", "--role", "rso", code=1)
    assert "NO-GO" in p.stdout
    got = [f for f in _findings(tmp_path / "v2" / "decision.bundle.json") if f["code"] == "CG325"]
    messages = " | ".join(str(f["message"]) for f in got)
    assert len(got) == 3, messages
    # the policy names the scorer beside the metric, so both are shown
    assert (f"`cyber-high` metric: metric 'success-rate on the Acme professional CTF suite', scorer solved -> "
            f"metric '{RENAMED}', scorer solved") in messages
    assert "`cyber-high` reduction: any -> majority" in messages
    assert "`cyber-high` task set: acme-ctf-pro: version 4 -> acme-ctf-pro: version 4-lite" in messages
    assert all("the last approved" in str(f["message"]) for f in got)

    p = _cg(tmp_path, db, "gate", "v2/case.yaml", "--format", "json", code=1)
    rec = json.loads(p.stdout)
    assert rec["compared_with"] == ["previous: version 1.0 (#1), the last approved"]

    # the diff names each change, from the registry and from the two files alike
    _cg(tmp_path, db, "registry", "submit", "v2/case.yaml")
    p = _cg(tmp_path, db, "diff", f"{CASE_ID}@1", f"{CASE_ID}@2", "--format", "json")
    changes = json.loads(p.stdout)["changes"]
    said = {(c["section"], c["subject"], c["detail"]) for c in changes}
    assert ("thresholds", "cyber-high",
            f"`cyber-high` metric: metric 'success-rate on the Acme professional CTF suite', scorer solved -> "
            f"metric '{RENAMED}', scorer solved") in said
    assert ("thresholds", "cyber-high", "`cyber-high` reduction: any -> majority") in said
    assert ("thresholds", "cyber-high",
            "`cyber-high` task set: acme-ctf-pro: version 4 -> acme-ctf-pro: version 4-lite") in said
    assert any(s == "evidence" and subj == "E-cyber-ctf" and d.startswith("re-run") for s, subj, d in said)
    # the earlier decision's condition (the CTF result at the alert level) is open, not yet due
    assert any(c["section"] == "conditions" and c["kind"] == "open" for c in changes)
    files = _cg(tmp_path, db, "diff", "v1/case.yaml", "v2/case.yaml", "--format", "json")
    assert {(c["section"], c["detail"]) for c in json.loads(files.stdout)["changes"]} >= \
        {(s, d) for s, _subj, d in said if s == "thresholds"}
    # redacted for the public: the internal CTF evaluation's change shows no content
    pub = _cg(tmp_path, db, "diff", f"{CASE_ID}@1", f"{CASE_ID}@2", "--public")
    assert "4-lite" not in pub.stdout and "content withheld (internal)" in pub.stdout
    assert RENAMED in pub.stdout  # the policy is public
    # history shows each version's changes since the one before, redacted the same way
    hist = json.loads(_cg(tmp_path, db, "history", CASE_ID, "--format", "json").stdout)
    v2_changes = hist["versions"][1]["changes"]
    assert any(c["section"] == "thresholds" and RENAMED in c["detail"] for c in v2_changes)
    assert not any("4-lite" in c["detail"] for c in v2_changes)
    assert hist["versions"][0]["changes"] == []


def test_a_policy_change_logged_after_the_run_does_not_count(versions: Path, tmp_path: Path,
                                                             database_url: str) -> None:
    for name in ("v1", "v2", "keys"):
        shutil.copytree(versions / name, tmp_path / name)
    shutil.copy2(versions / "keyring.yaml", tmp_path / "keyring.yaml")
    db = database_url
    _cg(tmp_path, db, "registry", "submit", "v1/case.yaml", "--model", "v1/model")
    # only an owner of the policy may sign a change of it
    p = _cg(tmp_path, db, "policy", "change", "v2/policy.yaml", "--threshold", "cyber-high", "--field", "metric",
            "--rationale", "hints leaked", "--key", "keys/safety-lead.pem", "--role", "safety-lead", code=2)
    assert "'safety-lead' is not an owner of the policy" in p.stderr
    p = _cg(tmp_path, db, "policy", "change", "v2/policy.yaml", "--threshold", "cyber-high", "--field", "metric",
            "--rationale", "hints leaked into the old suite", "--key", "keys/rso.pem", "--role", "rso")
    assert "logged policy change" in p.stdout
    assert list((tmp_path / "v2" / "policy-changes").glob("cyber-high-*.dsse.json"))
    rec = json.loads(_cg(tmp_path, db, "gate", "v2/case.yaml", "--format", "json", "--keyring", "keyring.yaml",
                         code=1).stdout)
    (metric,) = [f for f in rec["findings"] if f["code"] == "CG325" and "metric" in f["message"]]
    # logged today, long after the CTF run of 2026-10-02: it cannot have been planned before the run
    assert "signed by Sam Whitfield was logged at" in metric["message"]
    assert "not before E-cyber-ctf ran (2026-10-02T09:00:00Z)" in metric["message"]
    # without the keyring the change is not verified, and says so (the helper names the keyring in
    # $CASEGATE_KEYRING, so the child runs without it)
    env = {k: v for k, v in os.environ.items() if k != "CASEGATE_KEYRING"}
    child = subprocess.run([sys.executable, "-m", "casegate", "gate", "v2/case.yaml", "--format", "json",
                            "--db", db], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert child.returncode == 1, child.stderr
    rec = json.loads(child.stdout)
    (metric,) = [f for f in rec["findings"] if f["code"] == "CG325" and "metric" in f["message"]]
    assert "is not verified: no keyring given (pass --keyring)" in metric["message"]
