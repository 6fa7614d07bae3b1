"""The lab redacts what the decision turns on and says why in its own words ("commercial
confidentiality"): any words are accepted in `publication.withheld`. A policy's
`publication.never_redacted` names what a summary may not hide, whatever the reason given, and
`casegate publish` refuses, before writing anything, a summary that would."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "atlas-api"


def _lab(tmp_path: Path, never: str) -> Path:
    lab = tmp_path / "lab"
    shutil.copytree(EXAMPLE, lab)
    policy = lab / "policy.yaml"
    policy.write_text(policy.read_text(encoding="utf-8") + f"\npublication:\n  never_redacted: {never}\n",
                      encoding="utf-8")
    case = lab / "case.yaml"
    text = case.read_text(encoding="utf-8")
    assert "withheld:" in text
    return lab


def _publish(lab: Path, out: Path, *, keyring: bool = False) -> subprocess.CompletedProcess[str]:
    args = [sys.executable, "-m", "casegate", "publish", str(lab / "case.yaml"), "--no-record",
            "--salt-store", str(out.parent / "salts.json"), "--out", str(out)]
    if keyring:
        args += ["--keyring", str(lab / "keys" / "keyring.yaml")]
    return subprocess.run(args, capture_output=True, text=True)


def test_a_type_the_policy_never_redacts_is_refused(tmp_path: Path) -> None:
    lab = _lab(tmp_path, "{types: [residual-risk, pathway]}")
    out = tmp_path / "out"
    r = _publish(lab, out)
    assert r.returncode == 2, r.stdout + r.stderr
    assert "may never redact" in r.stderr and "Traceback" not in r.stderr
    assert "/residual_risk/bio-known-agent (a residual-risk" in r.stderr
    assert "/threat_model/cbrn/pathways/bio-known-agent (a pathway" in r.stderr
    assert "policy.yaml" in r.stderr and "help:" in r.stderr
    assert not out.exists()  # nothing written


def test_the_element_of_a_blocking_finding_may_not_be_redacted(tmp_path: Path) -> None:
    # without a keyring the redacted evidence items carry blocking findings (nothing attested)
    lab = _lab(tmp_path, "{findings: [blocking]}")
    out = tmp_path / "out"
    r = _publish(lab, out)
    assert r.returncode == 2, r.stdout + r.stderr
    assert "/evidence/E-" in r.stderr and "blocking finding CG3" in r.stderr
    assert "publication.never_redacted.findings" in r.stderr
    assert not out.exists()


def test_the_element_of_a_condition_may_not_be_redacted(tmp_path: Path) -> None:
    """With a keyring, atlas-api's one condition (CG305) lies in the redacted E-cyber-ctf."""
    lab = _lab(tmp_path, "{findings: [condition]}")
    r = _publish(lab, tmp_path / "out", keyring=True)
    assert r.returncode == 2
    assert "/evidence/E-cyber-ctf (its condition finding CG305 capability-at-alert-level" in r.stderr


def test_what_the_policy_does_not_name_is_published(tmp_path: Path) -> None:
    """atlas-api's objection is public: a policy that never redacts objections lets it publish."""
    lab = _lab(tmp_path, "{types: [objection]}")
    r = _publish(lab, tmp_path / "out", keyring=True)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "out" / "summary.json").exists()


def test_an_unknown_type_in_the_policy_is_a_clear_finding(tmp_path: Path) -> None:
    """A policy that cannot be read decides nothing: the summary is a NO-GO that says why."""
    import json

    lab = _lab(tmp_path, "{types: [secret-sauce]}")
    r = _publish(lab, tmp_path / "out")
    assert r.returncode == 0 and "Traceback" not in r.stderr
    s = json.loads((tmp_path / "out" / "summary.json").read_text())
    assert s["decision"]["outcome"] == "NO-GO"
    assert any("CG900" in x and "publication.never_redacted.types" in x for x in s["decision"]["lacks"])
