"""End to end: both tools' real logs imported into a copy of the example case; the gate's
threshold numbers come from them; one edited byte makes `casegate check` fail with the reason."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from casegate.checks import make_context
from casegate.checks._derived import capability_status
from casegate.evidence import rehash_artifacts
from casegate.load import load_case

from .evidence_logs import EXAMPLE, INSPECT, LMEVAL

TODAY = "2026-12-02"  # the day after the agentic run (rnd-agent.eval, 2026-12-01): no decision comes before its evidence


def casegate(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", "from casegate.cli import main; main()", *map(str, args)],
                          capture_output=True, text=True)


@pytest.fixture
def imported(tmp_path: Path) -> Path:
    shutil.copytree(EXAMPLE, tmp_path / "case")
    # the framework names the agentic task among those AI R&D-4 is measured on
    policy = tmp_path / "case" / "policy.yaml"
    named = '    tasks: [{name: acme-swe-8h, version: "1", digest: sha256:135bb14b50977ab9c7af38a213cb5f8501e1e7f56618e260be9cd36d001c3d78}]\n'
    assert named in policy.read_text()
    policy.write_text(policy.read_text().replace(named, named.replace("}]", "}, {name: rnd-agent}]")))
    logs = tmp_path / "logs"
    logs.mkdir()
    shutil.copy(INSPECT / "rnd-agent.eval", logs / "rnd-agent.eval")
    shutil.copytree(LMEVAL, logs / "lm-eval")
    case = tmp_path / "case" / "case.yaml"
    first = casegate("evidence", "add", case, logs, "--producer", "acme-frontier-evals", "--domain", "ai-rnd")
    assert first.returncode == 0, first.stderr
    assert "3 added" in first.stdout and "added evidence-imported.yaml to the include list" in first.stdout
    # the agentic run measures AI R&D-4 on the helpful-only variant (no log records the variant)
    second = casegate("evidence", "add", case, logs / "rnd-agent.eval", "--threshold", "ai-rnd-4",
                      "--variant", "helpful-only")
    assert second.returncode == 0, second.stderr
    assert "updated   E-rnd-agent" in second.stdout and "1 updated" in second.stdout
    return case


def _status(case: Path):  # type: ignore[no-untyped-def]
    loaded = load_case(case)
    ctx = make_context(loaded, today=dt.date.fromisoformat(TODAY), artifacts=rehash_artifacts(loaded))
    assert ctx is not None
    return capability_status(ctx)["ai-rnd-4"]


def test_imported_numbers_reach_the_gate(imported: Path) -> None:
    loaded = load_case(imported)
    assert loaded.case is not None
    ev = loaded.case.evidence
    assert {"E-rnd-agent", "E-arith_mc", "E-arith_gen"} <= set(ev)
    agent = ev["E-rnd-agent"]
    assert agent.elicitation is not None and agent.result is not None
    assert agent.elicitation.attempts == 3 and agent.elicitation.scaffold.value == "agent"
    assert agent.elicitation.tools == ["bash", "python"] and agent.elicitation.budget_tokens == 4_000_000
    st = _status(imported)
    counted = {b.evidence: b for b in st.counted}
    assert "E-rnd-agent" in counted and "E-rnd-tasks" in counted
    assert (counted["E-rnd-agent"].successes, counted["E-rnd-agent"].trials) == (agent.result.successes, 50)
    # the imported run has the highest upper bound, so the threshold's status rests on it
    assert st.deciding is not None and st.deciding.evidence == "E-rnd-agent"
    assert st.status == "below-alert"
    # the example's external evaluators signed their evidence: checked against its keyring
    ring = imported.parent / "keys" / "keyring.yaml"
    check = casegate("check", imported, "--at", TODAY, "--keyring", ring)
    assert check.returncode == 0, check.stdout + check.stderr
    # the decision's answer to "what capability was found?" quotes the imported run's numbers
    # the example's sign-offs are declared, not signed: what it argues for is the preview
    gate = casegate("gate", imported, "--at", TODAY, "-f", "json", "--preview", "--keyring", ring)
    assert gate.returncode == 0, gate.stdout + gate.stderr
    record = json.loads(gate.stdout)
    found = next(a for a in record["answers"] if "evidence.E-rnd-agent" in a["sources"])
    assert f"{agent.result.successes}/50 in `E-rnd-agent`" in found["answer"]


def test_one_edited_byte_fails_the_check_with_the_reason(imported: Path) -> None:
    log = imported.parent.parent / "logs" / "rnd-agent.eval"
    data = bytearray(log.read_bytes())
    data[len(data) // 2] ^= 0x01
    log.write_bytes(bytes(data))
    # the example's external evaluators signed their evidence: checked against its keyring
    ring = imported.parent / "keys" / "keyring.yaml"
    check = casegate("check", imported, "--at", TODAY, "--keyring", ring)
    assert check.returncode == 1, check.stdout + check.stderr
    assert "CG331 artifact-changed" in check.stdout
    assert "the artifact of `E-rnd-agent`" in check.stdout and "changed since it was pinned" in check.stdout
    assert "evidence-imported.yaml" in check.stdout  # located at the item's sha256 line
    gate = casegate("gate", imported, "--at", TODAY)
    assert gate.returncode == 1 and "NO-GO" in gate.stdout
    # and the gate no longer counts the run
    st = _status(imported)
    assert "E-rnd-agent" not in {b.evidence for b in st.counted}
    assert any(eid == "E-rnd-agent" and "pinned sha256" in why for eid, why in st.excluded)


def test_an_edited_per_sample_file_fails_the_check(imported: Path) -> None:
    samples = next((imported.parent.parent / "logs" / "lm-eval").glob("samples_arith_mc_*.jsonl"))
    samples.write_text(samples.read_text().replace('"acc": 0.0', '"acc": 1.0', 1))
    # the example's external evaluators signed their evidence: checked against its keyring
    ring = imported.parent / "keys" / "keyring.yaml"
    check = casegate("check", imported, "--at", TODAY, "--keyring", ring)
    assert check.returncode == 1
    assert "CG331" in check.stdout and f"`{samples.name}`, pinned with `E-arith_mc`" in check.stdout


def test_reimporting_a_changed_log_reports_it(imported: Path) -> None:
    log = imported.parent.parent / "logs" / "rnd-agent.eval"
    shutil.copy(INSPECT / "arith-clean.eval", log)  # a different run under the same name
    out = casegate("evidence", "add", imported, log, "--producer", "acme-frontier-evals")
    assert out.returncode == 0, out.stderr
    assert "added" in out.stdout  # a different task: a new item, the old one kept for review
    again = casegate("evidence", "add", imported, log)
    assert "unchanged" in again.stdout and "0 added, 0 updated" in again.stdout
