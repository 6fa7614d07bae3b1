"""The registry remembers protocols and lineage, on both backends through the real CLI: an
evaluation under a policy that requires pre-registration is NO-GO until a protocol registered
before the run matches it (a protocol logged after the run, or a run departing from it, is named);
a lineage case the registry does not know is a finding, and one submitted to it is resolved."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from tests.monitor.test_cli import _cg

ROOT = Path(__file__).resolve().parents[2]
DIGEST = "sha256:9dc9c848b28402c37719c78ea3f6fcf32c421c5e4d097286abd7470357e8b903"
PROTOCOL = f"""casegate: 1
kind: protocol
id: P-ctf-2026
policy: acme-frontier
threshold: cyber-high
metric: solved
tasks: [{{name: acme-ctf-pro, version: "4"}}]
elicitation: {{variant: helpful-only, attempts: 5, scaffold: agent, tools: [bash, python], budget_tokens: 2000000}}
model: "{DIGEST}"
samples: 200
"""


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1))


def _repin(case_dir: Path, artifact: str, edit: tuple[str, str]) -> None:
    """Edit an evaluation artifact and pin its new digest in the evidence file."""
    art = case_dir / artifact
    old = hashlib.sha256(art.read_bytes()).hexdigest()
    _edit(art, *edit)
    _edit(case_dir / "evidence.yaml", old, hashlib.sha256(art.read_bytes()).hexdigest())


def _cg326(tmp: Path, db: str) -> list[dict[str, object]]:
    r = _cg(tmp, db, "gate", "case/case.yaml", "--format", "json", code=None)
    return [f for f in json.loads(r.stdout)["findings"] if f["code"] == "CG326" and "E-cyber-ctf" in f["message"]]


@pytest.fixture
def lab(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "examples" / "atlas-api", tmp_path / "case",
                    ignore=shutil.ignore_patterns("keys", "signoffs", "*.bundle.json"))
    with (tmp_path / "case" / "policy.yaml").open("a") as f:
        f.write("\npreregistration: required\n")
    db = "sqlite:///unused.db"
    _cg(tmp_path, db, "keys", "generate", "keys/evals.pem")
    _cg(tmp_path, db, "keys", "add", "keyring.yaml", "--public", "keys/evals.pem.pub", "--person", "Ada Evans",
        "--role", "evals-lead", "--from", "2026-01-01", "--until", "2030-12-31")
    (tmp_path / "protocols").mkdir()
    (tmp_path / "protocols" / "ctf.yaml").write_text(PROTOCOL)
    return tmp_path


def _register(tmp: Path, db: str) -> str:
    return _cg(tmp, db, "protocol", "register", "protocols/ctf.yaml", "--policy", "case/policy.yaml",
               "--key", "keys/evals.pem", "--role", "evals-lead").stdout


def test_preregistration_story(lab: Path, database_url: str) -> None:
    db = database_url
    (f,) = _cg326(lab, db)
    assert f["severity"] == "blocking" and "no trusted protocol for `cyber-high` was registered before it" in f["message"]

    # registered now: the run in the artifact (2026-10-02) came first
    assert "registered protocol P-ctf-2026" in _register(lab, db)
    (f,) = _cg326(lab, db)
    assert "was registered at" in f["message"] and "after the run" in f["message"]

    # a run that starts after the registration and follows it is not a finding
    _repin(lab / "case", "evals/cyber-ctf.json", ('"created": "2026-10-02T09:00:00Z"', '"created": "2099-01-02T09:00:00Z"'))
    assert _cg326(lab, db) == []

    # the same run with fewer tools departs from the protocol in force, and says how
    _repin(lab / "case", "evals/cyber-ctf.json", ('"tools": ["bash", "python"]', '"tools": ["bash"]'))
    (f,) = _cg326(lab, db)
    assert "departs from protocol P-ctf-2026" in f["message"] and "tools: planned bash, python, ran bash" in f["message"]


def test_a_protocol_the_keyring_does_not_trust_counts_for_nothing(lab: Path, database_url: str) -> None:
    _register(lab, database_url)
    _repin(lab / "case", "evals/cyber-ctf.json", ('"created": "2026-10-02T09:00:00Z"', '"created": "2099-01-02T09:00:00Z"'))
    _cg(lab, "sqlite:///unused.db", "keys", "generate", "keys/other.pem")
    _cg(lab, "sqlite:///unused.db", "keys", "add", "other-keyring.yaml", "--public", "keys/other.pem.pub",
        "--person", "Someone Else", "--role", "evals-lead", "--from", "2026-01-01", "--until", "2030-12-31")
    r = _cg(lab, database_url, "gate", "case/case.yaml", "--format", "json", "--keyring", "other-keyring.yaml", code=None)
    (f,) = [f for f in json.loads(r.stdout)["findings"] if f["code"] == "CG326" and "E-cyber-ctf" in f["message"]]
    assert "no trusted protocol" in f["message"] and "not in the keyring" in f["message"]


def test_protocol_register_refuses_a_threshold_the_policy_lacks(lab: Path, database_url: str) -> None:
    _edit(lab / "protocols" / "ctf.yaml", "threshold: cyber-high", "threshold: cyber-extreme")
    r = _cg(lab, database_url, "protocol", "register", "protocols/ctf.yaml", "--policy", "case/policy.yaml",
            "--key", "keys/evals.pem", "--role", "evals-lead", code=2)
    assert "has no threshold 'cyber-extreme'" in r.stderr


def test_lineage_is_looked_up_in_the_registry(lab: Path, database_url: str) -> None:
    db = database_url

    def cg106() -> list[str]:
        r = _cg(lab, db, "gate", "case/case.yaml", "--format", "json", code=None)
        return [str(f["message"]) for f in json.loads(r.stdout)["findings"] if f["code"] == "CG106"]

    (m,) = cg106()
    assert "case `atlas-2-internal` named in the lineage" in m and "not in the registry" in m
    internal = lab / "internal"
    shutil.copytree(lab / "case", internal)
    _edit(internal / "case.yaml", "id: atlas-2-api", "id: atlas-2-internal")
    _edit(internal / "case.yaml", "  kind: api\n", "  kind: internal-deployment\n"
          "  internal: {instances: 40, training_code: read, weights: none, autonomy: human-on-the-loop}\n")
    _cg(lab, db, "registry", "submit", "internal/case.yaml")
    # submitted, but no decision has approved it: a draft covers nothing
    (m,) = cg106()
    assert "case `atlas-2-internal` named in the lineage is draft" in m and "no decision has approved it" in m
    from casegate.model import BoundaryKind, DecisionRecord, Digests
    from casegate.monitor import decide, submit_for_review
    from casegate.store import open_registry

    reg = open_registry(db)
    try:
        submit_for_review(reg, "atlas-2-internal", by="acme-safety-team")
        stored = reg.case_version("atlas-2-internal", 1, contents=False)
        files = {f.path: f.sha256 for f in stored.files if f.role in ("case", "include")}
        decide(reg, DecisionRecord(casegate_version="test", case_id="atlas-2-internal", case_version="1.0",
                                   system="Atlas-2 2.1.0", boundary=BoundaryKind.internal_deployment,
                                   decided_at="2026-11-23", outcome="GO", digests=Digests(case_files=files)))
    finally:
        reg.close()
    assert cg106() == []


def test_a_protocol_file_that_is_not_one_is_refused_with_file_and_line(lab: Path) -> None:
    (lab / "protocols" / "bad.yaml").write_text("casegate: 1\nkind: protocol\nid: P1\npolicy: acme-frontier\n"
                                                "elicitation: {attempts: 0}\n")
    r = _cg(lab, "sqlite:///unused.db", "protocol", "register", "protocols/bad.yaml", "--policy", "case/policy.yaml",
            "--key", "keys/evals.pem", "--role", "evals-lead", code=2)
    assert "protocols/bad.yaml" in r.stderr and "is not a valid protocol" in r.stderr and "Traceback" not in r.stderr
