"""`casegate publish`, `disclose`, `publish verify-disclosure` and `report` from the command line."""

from __future__ import annotations

import json
import stat
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "atlas-api" / "case.yaml"


def cg(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "casegate", *args], capture_output=True, text=True, cwd=cwd)


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("publish")
    r = cg("publish", str(EXAMPLE), "--out", "out", "--salt-store", "private/salts.json", cwd=work)
    assert r.returncode == 0, r.stderr
    return work


def test_publish_writes_the_summary_in_every_format(published: Path) -> None:
    out = published / "out"
    for name in ("summary.md", "summary.html", "summary.json", "summary.svg"):
        assert (out / name).stat().st_size > 0
    s = json.loads((out / "summary.json").read_text())
    assert s["casegate_summary"] == 2 and s["level"] == "public"
    assert [q["key"] for q in s["questions"]] == ["capability", "pathway", "safeguards", "checked-by",
                                                  "objectors", "uncertainty", "at-scale", "retreat"]
    assert s["decision"]["outcome"] in ("GO", "GO WITH CONDITIONS", "NO-GO")
    assert "/evidence/E-bio-uplift" in {r["pointer"] for r in s["redactions"]}
    assert s["argument"]["nodes"]["G3"]["redacted"]["type"] == "claim"
    assert "text" not in s["argument"]["nodes"]["G3"]  # nothing of its text, not even a null
    md = (out / "summary.md").read_text()
    for heading in ("## Decision", "## The eight questions", "## Threat model", "## Safeguards mapped",
                    "## Evidence that mattered", "## Residual uncertainty", "## Reconsideration triggers",
                    "## Who signed", "## Dissent", "## The argument", "## Redactions"):
        assert heading in md
    assert (out / "summary.svg").read_text().lstrip().startswith("<svg")


def test_the_salt_store_is_private_outside_the_output(published: Path) -> None:
    store = published / "private" / "salts.json"
    assert stat.S_IMODE(store.stat().st_mode) == 0o600
    salts = [s["salt"] for s in json.loads(store.read_text())["salts"]]
    assert salts
    for f in (published / "out").iterdir():
        text = f.read_text()
        assert not any(salt in text for salt in salts)
    assert not (published / ".casegate").exists()  # nothing is created silently in the working directory


def test_publish_is_reproducible(published: Path) -> None:
    r = cg("publish", str(EXAMPLE), "--out", "again", "--salt-store", "private/salts.json", cwd=published)
    assert r.returncode == 0, r.stderr
    for name in ("summary.md", "summary.html", "summary.json", "summary.svg"):
        assert (published / "again" / name).read_bytes() == (published / "out" / name).read_bytes()


def test_a_disclosure_verifies_and_a_forged_one_does_not(published: Path) -> None:
    r = cg("disclose", str(EXAMPLE), "E-bio-uplift", "--out", "opening.json", "--salt-store",
           "private/salts.json", cwd=published)
    assert r.returncode == 0, r.stderr
    opening = json.loads((published / "opening.json").read_text())
    assert opening["element"] == "/evidence/E-bio-uplift" and len(opening["salt"]) == 64
    r = cg("publish", "verify-disclosure", "out/summary.json", "opening.json", cwd=published)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("verified: /evidence/E-bio-uplift")

    opening["content"]["result"]["successes"] += 1
    (published / "forged.json").write_text(json.dumps(opening))
    r = cg("publish", "verify-disclosure", "out/summary.json", "forged.json", cwd=published)
    assert r.returncode == 1
    assert "does not match the published commitment" in r.stderr
    assert "Traceback" not in r.stderr


def test_disclose_to_stdout(published: Path) -> None:
    r = cg("disclose", str(EXAMPLE), "/safeguards/SG-weights", "--salt-store", "private/salts.json",
           cwd=published)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["type"] == "safeguard"


def test_publish_one_format_at_another_level(tmp_path: Path) -> None:
    r = cg("publish", str(EXAMPLE), "--out", "o", "--format", "json", "--level", "internal",
           "--at", "2026-11-23", "--salt-store", "k", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert sorted(p.name for p in (tmp_path / "o").iterdir()) == ["summary.json"]
    s = json.loads((tmp_path / "o" / "summary.json").read_text())
    assert s["level"] == "internal" and s["decision"]["decided_at"] == "2026-11-23"
    levels = {r["level"] for r in s["redactions"]}
    assert levels and "internal" not in levels


@pytest.mark.parametrize("args,msg", [
    (["publish", "EXAMPLE", "--format", "pdf"], "unknown summary format pdf"),
    (["publish", "EXAMPLE", "--level", "top"], "unknown confidentiality level"),
    (["publish", "missing.yaml"], "missing.yaml"),
    (["disclose", "EXAMPLE", "E-bio-uplift", "--salt-key", "nokey"], "no publisher key at nokey"),
    (["publish", "verify-disclosure", "nothing.json", "nothing.json"], "no such file"),
    (["publish", "EXAMPLE"], "there is nowhere to keep it"),
    (["disclose", "EXAMPLE", "E-bio-uplift", "--salt-store", "empty.json"], "no salt is kept in the salt store"),
])
def test_bad_input_is_a_clear_error(tmp_path: Path, args: list[str], msg: str) -> None:
    r = cg(*[str(EXAMPLE) if a == "EXAMPLE" else a for a in args], cwd=tmp_path)
    assert r.returncode == 2
    assert msg in r.stderr
    assert "Traceback" not in r.stderr


def test_verify_disclosure_refuses_a_file_that_is_not_a_summary(published: Path) -> None:
    (published / "not-a-summary.json").write_text('{"pointer": "/evidence/E-1", "salt": "00"}')
    d = cg("disclose", str(EXAMPLE), "E-bio-uplift", "--out", "own-opening.json", "--salt-store",
           "private/salts.json", cwd=published)
    assert d.returncode == 0, d.stderr
    r = cg("publish", "verify-disclosure", "not-a-summary.json", "own-opening.json", cwd=published)
    assert r.returncode == 2 and "not a casegate public summary" in r.stderr


def test_report_html_and_pdf(tmp_path: Path) -> None:
    r = cg("report", str(EXAMPLE), "--out", "r", "--pdf", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    html = (tmp_path / "r" / "report.html").read_text()
    assert "Decision report" in html and "<svg" in html
    assert (tmp_path / "r" / "report.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("command", ["publish", "report"])
def test_an_unreadable_case_is_not_published(tmp_path: Path, command: str) -> None:
    policy = EXAMPLE.parent / "policy.yaml"
    (tmp_path / "case.yaml").write_text(
        f"casegate: 1\nkind: case\nid: x\ntitle: t\npolicy: {policy}\n"
        "system: {name: a, version: '1', digests: []}\n"
        "argument: {top: G1, elements: {G1: {claim: c}}}\n")
    r = cg(command, "case.yaml", "--out", "o", "--salt-store", "k", cwd=tmp_path)
    assert r.returncode == 2
    assert "the case cannot be read, so nothing can be published" in r.stderr
    assert "case.yaml:6" in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "o").exists() and not (tmp_path / "k").exists()


def test_publish_and_report_count_only_signed_sign_offs(tmp_path: Path) -> None:
    """`publish` and `report` decide as `gate` does: with the keyring, a sign-off line counts only
    when its envelope verifies; an unsigned case publishes NO-GO (it once published the declared
    lines' GO WITH CONDITIONS)."""
    import shutil

    d = tmp_path / "atlas"
    shutil.copytree(EXAMPLE.parent, d)
    for k in (d / "keys").glob("*.key"):
        k.chmod(0o600)
    ring = ("--keyring", "keys/keyring.yaml", "--salt-store", "salts.json")
    r = cg("publish", "case.yaml", "--out", "unsigned", *ring, cwd=d)
    assert r.returncode == 0, r.stderr
    assert "atlas-2-api 1.0: NO-GO;" in r.stdout
    s = json.loads((d / "unsigned" / "summary.json").read_text())
    assert s["decision"]["outcome"] == "NO-GO"
    for role, key in (("safety-lead", "dana-ortiz"), ("rso", "sam-whitfield"), ("external-evaluator", "priya-natarajan")):
        assert cg("sign", "case.yaml", "--role", role, "--key", f"keys/{key}.key", "--keyring", "keys/keyring.yaml",
                  cwd=d).returncode == 0
    r = cg("publish", "case.yaml", "--out", "signed", *ring, cwd=d)
    assert r.returncode == 0, r.stderr
    assert "atlas-2-api 1.0: GO WITH CONDITIONS;" in r.stdout
    r = cg("report", "case.yaml", "--out", "report", *ring, cwd=d)
    assert r.returncode == 0 and r.stdout.rstrip().endswith("atlas-2-api: GO WITH CONDITIONS"), r.stdout + r.stderr
    # without a keyring no signature can be checked, so no sign-off counts
    r = cg("publish", "case.yaml", "--out", "nokeys", "--salt-store", "salts.json", cwd=d)
    assert r.returncode == 0 and "atlas-2-api 1.0: NO-GO;" in r.stdout


def test_publish_and_report_apply_signed_waivers_as_gate_does(tmp_path: Path) -> None:
    """A case whose only blocking finding is waived by a signed waiver the policy accepts is
    GO WITH CONDITIONS in `gate`, and so in `publish` and `report` (which once set the waiver aside
    and published NO-GO); without the keyring the waiver is not verified and it is NO-GO."""
    import datetime as dt
    import shutil

    d = tmp_path / "atlas"
    shutil.copytree(EXAMPLE.parent, d)
    for k in (d / "keys").glob("*.key"):
        k.chmod(0o600)
    case = d / "case.yaml"
    case.write_text(case.read_text().replace("reevaluate_by: 2027-04-01", "reevaluate_by: 2026-01-01"))
    today = dt.date.today()
    keyring = ("--keyring", "keys/keyring.yaml")
    for role, key in (("safety-lead", "dana-ortiz"), ("rso", "sam-whitfield"), ("external-evaluator", "priya-natarajan")):
        assert cg("sign", "case.yaml", "--role", role, "--key", f"keys/{key}.key", *keyring, cwd=d).returncode == 0
    r = cg("waive", "case.yaml", "CG705", "--role", "rso", "--key", "keys/sam-whitfield.key", *keyring,
           "--reason", "re-evaluation booked", "--until", str(today + dt.timedelta(days=14)), cwd=d)
    assert r.returncode == 0, r.stderr
    at = ("--at", str(today))
    gate = json.loads(cg("gate", "case.yaml", *keyring, *at, "--format", "json", cwd=d).stdout)
    assert gate["outcome"] == "GO WITH CONDITIONS"
    assert "CG705" in {c["cause"] for c in gate["conditions"]}
    r = cg("publish", "case.yaml", "--out", "pub", *keyring, *at, "--salt-store", "salts.json", cwd=d)
    assert r.returncode == 0 and "atlas-2-api 1.0: GO WITH CONDITIONS;" in r.stdout, r.stdout + r.stderr
    s = json.loads((d / "pub" / "summary.json").read_text())
    (waived,) = [c for c in s["decision"]["conditions"] if c["cause"] == "CG705"]
    assert "waived by Sam Whitfield" in waived["text"]
    r = cg("report", "case.yaml", "--out", "rep", *keyring, *at, "--salt-store", "salts.json", cwd=d)
    assert r.returncode == 0 and r.stdout.rstrip().endswith("atlas-2-api: GO WITH CONDITIONS"), r.stdout + r.stderr
    r = cg("publish", "case.yaml", "--out", "nokeys", *at, "--salt-store", "salts.json", cwd=d)
    assert r.returncode == 0 and "atlas-2-api 1.0: NO-GO;" in r.stdout
