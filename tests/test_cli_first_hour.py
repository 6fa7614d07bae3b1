"""The first commands a new user types: --version, -h, init --list."""

from __future__ import annotations

import subprocess
import sys

from casegate import __version__


def cg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "casegate", *args], capture_output=True, text=True)


def test_version_and_short_help() -> None:
    r = cg("--version")
    assert r.returncode == 0 and r.stdout.strip() == f"casegate {__version__}"
    r = cg("-h")
    assert r.returncode == 0 and "Usage:" in r.stdout and "casegate" in r.stdout and "gate" in r.stdout
    r = cg("gate", "-h")
    assert r.returncode == 0 and "--preview" in r.stdout


def test_init_list_needs_no_directory() -> None:
    r = cg("init", "--list")
    assert r.returncode == 0, r.stderr
    assert "frontier-api" in r.stdout and "skeleton" in r.stdout
    r = cg("init")
    assert r.returncode == 2 and "say where to write the new case" in r.stderr and "Traceback" not in r.stderr


def _atlas(tmp_path):  # type: ignore[no-untyped-def]
    import shutil
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    d = tmp_path / "atlas"
    shutil.copytree(root / "examples" / "atlas-api", d)
    for k in (d / "keys").glob("*.key"):
        k.chmod(0o600)
    return d


def test_init_skeleton_says_what_it_is_and_the_old_name_is_explained(tmp_path) -> None:  # type: ignore[no-untyped-def]
    r = cg("init", "--list")
    assert "skeleton" in r.stdout and "does not pass `check`" in r.stdout
    r = cg("init", str(tmp_path / "x"), "--template", "minimal")
    assert r.returncode == 2 and "now called 'skeleton'" in r.stderr
    r = cg("init", str(tmp_path / "x"), "--template", "skeleton")
    assert r.returncode == 0
    assert (tmp_path / "x" / "case.yaml").read_text().startswith("# A skeleton of a safety case, not a passing one")


def test_one_key_generator() -> None:
    r = cg("log", "-h")
    assert r.returncode == 0 and "keygen" not in r.stdout
    assert cg("keys", "generate", "-h").returncode == 0


def test_evidence_pin_prints_or_writes_the_digest(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import hashlib

    d = _atlas(tmp_path)
    report = d / "reports" / "weights-audit.md"
    report.write_text(report.read_text() + "\nrevised after the follow-up audit\n")
    digest = hashlib.sha256(report.read_bytes()).hexdigest()
    r = cg("evidence", "pin", str(report))
    assert r.returncode == 0 and f"sha256: {digest}" in r.stdout
    before = (d / "evidence.yaml").read_text().splitlines()
    assert cg("check", str(d / "case.yaml")).returncode == 1  # the changed artifact no longer matches its pin
    r = cg("evidence", "pin", str(report), "--case", str(d / "case.yaml"), "--id", "E-weights-audit")
    assert r.returncode == 0, r.stderr
    assert "wrote sha256" in r.stdout
    after = (d / "evidence.yaml").read_text().splitlines()
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert changed == [(changed[0][0], f"    sha256: {digest}")]
    again = cg("evidence", "pin", str(report), "--case", str(d / "case.yaml"), "--id", "E-weights-audit")
    assert again.returncode == 0 and again.stdout.startswith("unchanged")
    r = cg("evidence", "pin", str(report), "--case", str(d / "case.yaml"), "--id", "E-nope")
    assert r.returncode == 2 and "no evidence item 'E-nope'" in r.stderr and "Traceback" not in r.stderr
    r = cg("evidence", "pin", str(tmp_path / "missing.pdf"))
    assert r.returncode == 2 and "not a readable file" in r.stderr


def test_evidence_pin_adds_a_missing_sha256_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import hashlib

    d = _atlas(tmp_path)
    ev = d / "evidence.yaml"
    text = ev.read_text()
    line = next(x for x in text.splitlines() if x.strip().startswith("sha256:") and "33d4bfba" in x)
    ev.write_text(text.replace(line + "\n", ""))
    report = d / "reports" / "weights-audit.md"
    r = cg("evidence", "pin", str(report), "--case", str(d / "case.yaml"), "--id", "E-weights-audit")
    assert r.returncode == 0, r.stderr
    assert f"    sha256: {hashlib.sha256(report.read_bytes()).hexdigest()}" in ev.read_text()


def test_signing_again_needs_force(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import os

    d = _atlas(tmp_path)
    env = dict(os.environ, CASEGATE_KEYRING=str(d / "keys" / "keyring.yaml"))
    args = [sys.executable, "-m", "casegate", "sign", str(d / "case.yaml"), "--role", "rso",
            "--key", str(d / "keys" / "sam-whitfield.key")]
    first = subprocess.run(args, capture_output=True, text=True, env=env)
    assert first.returncode == 0, first.stderr
    envelope = d / "signoffs" / "rso-sam-whitfield.dsse.json"
    kept = envelope.read_bytes()
    again = subprocess.run(args, capture_output=True, text=True, env=env)
    assert again.returncode == 2 and "already signed off this case as rso" in again.stderr
    assert "--force" in again.stderr and envelope.read_bytes() == kept
    forced = subprocess.run([*args, "--force"], capture_output=True, text=True, env=env)
    assert forced.returncode == 0, forced.stderr
    assert (d / "case.yaml").read_text().count("rso-sam-whitfield.dsse.json") == 1


def test_conditions_show_the_finding_and_the_fix_apart(tmp_path) -> None:  # type: ignore[no-untyped-def]
    d = _atlas(tmp_path)
    ring = str(d / "keys" / "keyring.yaml")  # independence is derived from signed attestations
    r = cg("gate", str(d / "case.yaml"), "--preview", "--at", "2026-11-27", "--keyring", ring)
    assert r.returncode == 0, r.stderr
    block = r.stdout.split("Conditions:", 1)[1].split("\n\n", 1)[0]
    lines = block.strip().splitlines()
    assert lines[0].startswith("C1 [CG305] due ")
    assert lines[1].strip().startswith("finding: `cyber-high` (Cybersecurity High)")
    assert lines[2].strip().startswith("fix:") and "Accept the condition" in lines[2]
    assert "Accept the condition" not in lines[1]
    md = cg("gate", str(d / "case.yaml"), "--preview", "--at", "2026-11-27", "--format", "markdown", "--keyring", ring)
    assert "| id | cause | due | finding | fix |" in md.stdout


def test_publish_warns_when_it_withholds_a_condition(tmp_path) -> None:  # type: ignore[no-untyped-def]
    d = _atlas(tmp_path)
    # publish decides as gate does: only signed sign-offs count, so the case is signed first
    for role, key in (("safety-lead", "dana-ortiz"), ("rso", "sam-whitfield"), ("external-evaluator", "priya-natarajan")):
        r = cg("sign", str(d / "case.yaml"), "--role", role, "--key", str(d / "keys" / f"{key}.key"),
               "--keyring", str(d / "keys" / "keyring.yaml"))
        assert r.returncode == 0, r.stderr
    r = subprocess.run([sys.executable, "-m", "casegate", "publish", str(d / "case.yaml"), "--out", "pub",
                        "--at", "2026-11-27", "--salt-store", str(tmp_path / "salts.json"),
                        "--keyring", str(d / "keys" / "keyring.yaml")], capture_output=True, text=True, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "warning: 1 of the decision's 1 condition(s) are withheld from the public audience" in r.stderr
    assert "no registry" in r.stderr  # and says where the summary did not go
    assert "it is withheld here because it concerns material redacted" in (tmp_path / "pub" / "summary.md").read_text()
