"""A decision is compared with the case's versions before the one decided on. A lab that had
submitted a draft rating its ransomware pathway `high` (#1), then the version reviewers saw rating
it `severe` (#2), could go back to the draft's bytes: the gate and the registry took them for
version #1 and compared them with what preceded it, nothing, so the lower rating (CG329) went
unseen. The versions submitted after the one decided on are now compared with too."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from casegate.gate import run_gate
from casegate.load import load_case
from casegate.monitor._compare import comparison_for, required_history
from casegate.store import open_registry

ATLAS = Path(__file__).resolve().parents[2] / "examples" / "atlas-api"
SEVERE = "        severity: severe\n        steps: [obtain-access, find-vulnerability"


def test_an_old_draft_resubmitted_is_compared_with_the_versions_after_it(tmp_path: Path, database_url: str) -> None:
    reg = open_registry(database_url)
    draft = tmp_path / "draft"
    shutil.copytree(ATLAS, draft)
    text = (draft / "case.yaml").read_text()
    assert text.count(SEVERE) == 1 and text.count('version: "1.0"') == 1
    (draft / "case.yaml").write_text(text.replace(SEVERE, SEVERE.replace("severe", "high"))
                                     .replace('version: "1.0"', 'version: "0.9"'))
    honest = tmp_path / "honest"
    shutil.copytree(ATLAS, honest)
    assert reg.submit_case(load_case(draft / "case.yaml")).number == 1
    assert reg.submit_case(load_case(honest / "case.yaml")).number == 2
    loaded = load_case(draft / "case.yaml")  # the draft's bytes again: version #1
    comparison = comparison_for(reg, loaded)
    assert [(c.baseline.role, c.baseline.number) for c in comparison.versions] == [("later", 2)]
    record = run_gate(loaded, today=dt.date(2026, 11, 27), comparison=comparison)
    (msg,) = [f.message for f in record.findings if f.code == "CG329"]
    assert "pathway `cyber-ransomware` is rated lower than in version 1.0 (#2), submitted after it" in msg
    # the registry holds a decision on #1 to the same comparison
    versions, _ = required_history(reg, "atlas-2-api", 1)
    assert [(case, number) for case, number, _, _ in versions] == [("atlas-2-api", 2)]


def test_the_newest_version_is_compared_as_before(tmp_path: Path, database_url: str) -> None:
    reg = open_registry(database_url)
    first = tmp_path / "first"
    shutil.copytree(ATLAS, first)
    reg.submit_case(load_case(first / "case.yaml"))
    nxt = tmp_path / "next"
    shutil.copytree(ATLAS, nxt)
    (nxt / "case.yaml").write_text((nxt / "case.yaml").read_text().replace('version: "1.0"', 'version: "1.1"'))
    reg.submit_case(load_case(nxt / "case.yaml"))
    comparison = comparison_for(reg, load_case(nxt / "case.yaml"))
    assert [(c.baseline.role, c.baseline.number) for c in comparison.versions] == [("previous", 1)]
