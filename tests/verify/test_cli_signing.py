"""The command sequence of docs/signing.md, run through the real `casegate` command on a copy of
the example with its demo keys."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests._deploy import RATE_LIMITS
from tests._weights import submit_hashed
from tests.sign.helpers import EXAMPLE, MODEL

SIGNERS = [("safety-lead", "dana-ortiz"), ("rso", "sam-whitfield"), ("external-evaluator", "priya-natarajan")]


def run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    e = dict(os.environ, **(env or {}))
    e.pop("CASEGATE_DATABASE_URL", None)
    return subprocess.run([sys.executable, "-m", "casegate", *args], cwd=cwd, env=e, capture_output=True,
                          text=True, timeout=120)


@pytest.fixture
def demo(tmp_path) -> Path:
    d = tmp_path / "atlas-api"
    shutil.copytree(EXAMPLE, d, ignore=shutil.ignore_patterns("signoffs", "objections", "waivers", "*.bundle.json"))
    for k in (d / "keys").glob("*.key"):
        k.chmod(0o600)
    # the author signs who wrote the case (decide and verify read authorship only from it)
    r = run(["authors", "sign", "case.yaml", "--role", "author", "--key", "keys/mira-chen.key"], d,
            {"CASEGATE_KEYRING": "keys/keyring.yaml"})
    assert r.returncode == 0, r.stderr
    return d


def _trusted(demo: Path, tmp_path: Path) -> Path:
    """Record the decided case in a registry, pin the example's policy and keyring in a trust
    root, and write the case's state proof to tmp_path/state-proof.json; returns the root."""
    from casegate.approve import approve
    from casegate.load import load_case
    from casegate.monitor import read_decision, submit_for_review
    from casegate.store import open_registry
    from tests.verify.trusted import log_clock, make_trust

    db = f"sqlite:///{tmp_path / 'trusted.db'}"
    with open_registry(db) as reg, log_clock():
        submit_hashed(reg, load_case(demo / "case.yaml"))
        submit_for_review(reg, "atlas-2-api", by="Sam Whitfield")
        record, bundle = read_decision((demo / "decision.bundle.json").read_text(), "bundle")
        approve(reg, record, bundle, demo / "keys" / "keyring.yaml", unpinned=True)
    t = make_trust(tmp_path / "root", policy=demo / "policy.yaml", keyring=demo / "keys" / "keyring.yaml")
    t.proof(db, "atlas-2-api", tmp_path / "state-proof.json")
    return t.dir


def test_sign_decide_verify_with_demo_keys(demo, tmp_path):
    env = {"CASEGATE_KEYRING": "keys/keyring.yaml"}
    for role, who in SIGNERS:
        r = run(["sign", "case.yaml", "--role", role, "--key", f"keys/{who}.key"], demo, env)
        assert r.returncode == 0, r.stderr
    r = run(["decide", "case.yaml", "--key", "keys/sam-whitfield.key", "--role", "rso", "--out", "decision.bundle.json"],
            demo, env)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "-> api: GO" in r.stdout
    # without a trust root and a proof of the case's state it is never verified
    bare = run(["verify", "--bundle", "decision.bundle.json", "--model-digest", MODEL, "--boundary", "api",
                "--at", "2026-12-01", "--access", "self-serve", "--region", "US", *RATE_LIMITS], demo, env)
    assert bare.returncode == 1
    assert "no trust root: nothing the bundle brings (policy, keyring) can be trusted" in bare.stderr
    assert "no proof of the case's current state" in bare.stderr
    from tests.verify.trusted import STORY_VERIFIED, story_clock_at

    # the deploy is verified on the story's day, 12 hours after the approval: the case's monitors
    # (no reading in this story) are not yet silent past their 24 hours
    env = dict(env, CASEGATE_TRUST_ROOT=str(_trusted(demo, tmp_path)), TESTS_STORY_CLOCK=story_clock_at(STORY_VERIFIED))
    proof = ["--state-proof", str(tmp_path / "state-proof.json")]
    ok = run(["verify", "--bundle", "decision.bundle.json", "--model-digest", MODEL, "--boundary", "api",
              "--at", "2026-12-01T00:00:00Z", "--access", "self-serve", "--region", "US", *RATE_LIMITS, *proof], demo, env)
    # the example's keys are published: never verified, a demonstration in which everything else verified
    assert ok.returncode == 5, ok.stderr
    assert "everything else verified (DEMONSTRATION): atlas-2-api GO" in ok.stderr and not ok.stdout, ok.stderr
    js = run(["verify", "--bundle", "decision.bundle.json", "--model-digest", MODEL, "--boundary", "consumer",
              "--at", "2026-12-01T00:00:00Z", "--access", "self-serve", "--region", "US", *RATE_LIMITS, "--format", "json",
              *proof], demo, env)
    assert js.returncode == 1
    doc = json.loads(js.stdout)
    assert doc["verified"] is False
    assert doc["reasons"][0] == "the bundle is for boundary api; consumer is wider and needs its own case and decision"
    assert len(doc["reasons"]) == 2 and doc["reasons"][1].startswith(
        "signed with casegate's published example keys: a demonstration, not a release"), doc["reasons"]
    bad = run(["verify", "--bundle", "decision.bundle.json", "--model-digest", "sha256:" + "2" * 64,
               "--boundary", "api", "--at", "2026-12-01T00:00:00Z", "--access", "self-serve", "--region", "US", *RATE_LIMITS, *proof], demo, env)
    assert bad.returncode == 1 and "NOT verified: 3 reasons" in bad.stderr  # the published keys the third
    assert f"the bundle is for model digest {MODEL}, not sha256:{'2' * 64}" in bad.stderr
    # nor did the registry hash the files of that model for the approved version
    assert f"the registry never logged the files of model sha256:{'2' * 64} for version 1" in bad.stderr


def test_decide_without_all_signoffs_exits_1_and_writes_nothing(demo):
    env = {"CASEGATE_KEYRING": "keys/keyring.yaml"}
    run(["sign", "case.yaml", "--role", "safety-lead", "--key", "keys/dana-ortiz.key"], demo, env)
    r = run(["decide", "case.yaml", "--key", "keys/sam-whitfield.key", "--role", "rso"], demo, env)
    assert r.returncode == 1
    assert "role rso needs 1 distinct person; no valid sign-off in that role" in r.stderr
    assert not (demo / "decision.bundle.json").exists()


def test_keys_commands(tmp_path):
    r = run(["keys", "generate", "k/me.key"], tmp_path)
    assert r.returncode == 0, r.stderr
    keyid = r.stdout.split()[1]
    assert oct((tmp_path / "k" / "me.key").stat().st_mode & 0o777) == "0o600"
    assert run(["keys", "id", "k/me.key.pub"], tmp_path).stdout.strip() == keyid
    r = run(["keys", "add", "ring.yaml", "--public", "k/me.key.pub", "--person", "Ada", "--role", "rso",
             "--from", "2026-01-01", "--until", "2026-12-31"], tmp_path)
    assert r.returncode == 0, r.stderr
    r = run(["keys", "revoke", "ring.yaml", keyid[:10], "--reason", "rotated", "--at", "2026-06-01"], tmp_path)
    assert r.returncode == 0, r.stderr
    show = json.loads(run(["keys", "show", "ring.yaml", "--at", "2026-07-01", "--format", "json"], tmp_path).stdout)
    assert show["keys"][0]["status"] == "was revoked on 2026-06-01 (rotated)"
    again = run(["keys", "generate", "k/me.key"], tmp_path)
    assert again.returncode == 2 and "already exists" in again.stderr


def test_usage_errors_exit_2(demo):
    env = {"CASEGATE_KEYRING": "keys/keyring.yaml"}
    r = run(["verify", "--bundle", "nope.json", "--model-digest", MODEL, "--boundary", "api"], demo, env)
    assert r.returncode == 2 and "bundle not found" in r.stderr
    r = run(["verify", "--bundle", "nope.json", "--model-digest", "abc", "--boundary", "api"], demo, env)
    assert r.returncode == 2 and "--model-digest" in r.stderr
    r = run(["verify", "--bundle", "nope.json", "--model-digest", MODEL, "--boundary", "moon"], demo, env)
    assert r.returncode == 2 and "not a boundary kind" in r.stderr
    r = run(["sign", "case.yaml", "--role", "rso", "--key", "keys/dana-ortiz.key"], demo, env)
    assert r.returncode == 2 and "does not hold the role 'rso'" in r.stderr
    r = run(["sign", "case.yaml", "--role", "rso", "--key", "keys/sam-whitfield.key"], demo)
    assert r.returncode == 2 and "no keyring given" in r.stderr


def test_verify_consults_the_registry_named(demo, tmp_path):
    env = {"CASEGATE_KEYRING": "keys/keyring.yaml"}
    for role, who in SIGNERS:
        assert run(["sign", "case.yaml", "--role", role, "--key", f"keys/{who}.key"], demo, env).returncode == 0
    assert run(["decide", "case.yaml", "--key", "keys/sam-whitfield.key", "--role", "rso"], demo, env).returncode == 0
    from casegate.approve import approve
    from casegate.load import load_case
    from casegate.monitor import read_decision, submit_for_review
    from casegate.store import open_registry
    from tests.verify.trusted import log_clock

    db = f"sqlite:///{tmp_path / 'reg.db'}"
    reg = open_registry(db)
    try:
        with log_clock():  # the decision is logged (a signature's time is the log's), then withdrawn
            submit_hashed(reg, load_case(demo / "case.yaml"))
            submit_for_review(reg, "atlas-2-api", by="Sam Whitfield")
            record, bundle = read_decision((demo / "decision.bundle.json").read_text(), "bundle")
            approve(reg, record, bundle, demo / "keys" / "keyring.yaml", unpinned=True)
            reg.set_case_state("atlas-2-api", "withdrawn", {"type": "manual", "role": "rso", "reason": "bio incident"})
    finally:
        reg.close()
    args = ["verify", "--bundle", "decision.bundle.json", "--model-digest", MODEL, "--boundary", "api",
            "--at", "2026-12-01", "--access", "self-serve", "--region", "US", *RATE_LIMITS, "--format", "json"]
    from tests.verify.trusted import make_trust

    t = make_trust(tmp_path / "root", policy=demo / "policy.yaml", keyring=demo / "keys" / "keyring.yaml")
    t.checkpoint(db)
    r = run([*args, "--db", db, "--trust-root", str(t.dir)], demo, env)
    assert r.returncode == 1
    reason, demo_keys = json.loads(r.stdout)["reasons"]
    assert demo_keys.startswith("signed with casegate's published example keys: a demonstration, not a release")
    assert reason.startswith("the registry says case atlas-2-api is withdrawn: a signed GO no longer verifies; "
                             "cause: manual: bio incident (log entry 6, ")  # after the logged decision
    down = run([*args, "--db", "postgresql+psycopg://casegate@127.0.0.1:1/none"], demo, env)
    assert down.returncode == 3, down.stderr
