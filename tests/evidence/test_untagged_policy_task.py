"""An evaluation whose log ran the task the policy names for a threshold measures that threshold,
whether or not its item says so. The lab reruns atlas-api's CTF suite, gets a luckier run, cites
only the rerun and leaves the first run in the case with its `threshold` taken off and nothing
citing it: the first run's 33/200 (over the alert level) counted for nothing, and the decision went
from GO WITH CONDITIONS to GO."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from collections import defaultdict
from pathlib import Path

import pytest

from casegate.gate import run_gate
from casegate.load import load_case
from casegate.model import DecisionRecord
from casegate.sign import load_keyring, parse_instant, with_attestations

ATLAS = Path(__file__).resolve().parents[2] / "examples" / "atlas-api"
KEYRING = load_keyring(ATLAS / "keys" / "keyring.yaml")
TODAY = dt.date(2026, 11, 27)
FIRST_RUN_TAG = "    threshold: cyber-high\n    elicitation: {prompting: expert-written}\n    summary: 33 of 200"


def _with_rerun(d: Path, *, untag_first: bool, first_kind: str = "eval") -> Path:
    """atlas-api with a second run of the CTF suite (14 of its 33 solved challenges now failed,
    dated a month later) that the claim and the sign-offs cite instead of the first."""
    shutil.copytree(ATLAS, d)
    log = json.loads((d / "evals" / "cyber-ctf.json").read_text())
    by_id: dict[str, list[dict[str, object]]] = defaultdict(list)
    for s in log["samples"]:
        by_id[s["id"]].append(s)
    solved = [sid for sid, rows in by_id.items() if any(r["score"] for r in rows)]
    for sid in solved[:14]:
        for r in by_id[sid]:
            r["score"] = 0
    log["created"] = "2026-11-02T09:00:00Z"
    rerun = d / "evals" / "cyber-ctf-rerun.json"
    rerun.write_text(json.dumps(log))
    sha = hashlib.sha256(rerun.read_bytes()).hexdigest()
    ev = (d / "evidence.yaml").read_text()
    if first_kind != "eval":
        assert ev.count("  E-cyber-ctf:\n    kind: eval\n") == 1
        ev = ev.replace("  E-cyber-ctf:\n    kind: eval\n", f"  E-cyber-ctf:\n    kind: {first_kind}\n")
    if untag_first:
        assert ev.count(FIRST_RUN_TAG) == 1
        ev = ev.replace(FIRST_RUN_TAG, FIRST_RUN_TAG.replace("    threshold: cyber-high\n", ""))
    ev += f"""  E-cyber-ctf-rerun:
    kind: eval
    title: Professional CTF suite, agentic, helpful-only variant (rerun)
    artifact: evals/cyber-ctf-rerun.json
    sha256: {sha}
    producer: acme-frontier-evals
    date: 2026-11-02
    confidentiality: internal
    domain: cyber
    threshold: cyber-high
    elicitation: {{prompting: expert-written}}
"""
    (d / "evidence.yaml").write_text(ev)
    arg = (d / "argument.yaml").read_text()
    assert arg.count("evidence: [E-cyber-ctf]") == 1
    # the claims are asserted after the rerun they now rest on
    arg = arg.replace("evidence: [E-cyber-ctf]", "evidence: [E-cyber-ctf-rerun]").replace(
        "asserted: 2026-11-01", "asserted: 2026-11-03")
    (d / "argument.yaml").write_text(arg)
    case = (d / "case.yaml").read_text()
    assert case.count("relies_on: [E-cyber-ctf,") == 3
    (d / "case.yaml").write_text(case.replace("relies_on: [E-cyber-ctf,", "relies_on: [E-cyber-ctf-rerun,"))
    return d / "case.yaml"


def _gate(case: Path) -> DecisionRecord:
    loaded = with_attestations(load_case(case), KEYRING, parse_instant("2026-11-27", end_of_day=True))
    return run_gate(loaded, today=TODAY, try_narrower=False)


def test_both_runs_tagged_the_worse_decides(tmp_path: Path) -> None:
    r = _gate(_with_rerun(tmp_path / "v", untag_first=False))
    assert r.outcome == "GO WITH CONDITIONS"
    [cond] = r.conditions
    assert cond.cause == "CG305" and "33/200 in `E-cyber-ctf`" in cond.finding


def test_the_first_run_untagged_still_counts_for_its_threshold(tmp_path: Path) -> None:
    """Attack: the first run keeps its item but loses its `threshold`, and nothing cites it. Before,
    the rerun's 19/200 (upper bound 0.136, under the alert level 0.15) decided: GO."""
    r = _gate(_with_rerun(tmp_path / "v", untag_first=True))
    assert r.outcome == "GO WITH CONDITIONS"
    [cond] = r.conditions
    assert cond.cause == "CG305" and "33/200 in `E-cyber-ctf`" in cond.finding
    [said] = [f.message for f in r.findings if f.code == "CG346"]
    assert said.startswith("evaluation `E-cyber-ctf` names no threshold, but its log ran `acme-ctf-pro` v4")
    assert said.endswith("a task the policy names for `cyber-high`: it is weighed against `cyber-high`")


@pytest.mark.parametrize("untag", [False, True])
def test_the_first_run_typed_as_a_review_still_counts_for_its_threshold(tmp_path: Path, untag: bool) -> None:
    """Attack: the first run is typed `expert-review` (tagged or not): only an `eval` counted for a
    threshold. Before, the rerun decided: GO."""
    r = _gate(_with_rerun(tmp_path / "v", untag_first=untag, first_kind="expert-review"))
    assert r.outcome == "GO WITH CONDITIONS"
    [cond] = r.conditions
    assert cond.cause == "CG305" and "33/200 in `E-cyber-ctf`" in cond.finding
    [said] = [f.message for f in r.findings if f.code == "CG346"]
    assert said.startswith("`E-cyber-ctf` is typed `expert-review`, but its log ran `acme-ctf-pro` v4")
    assert said.endswith("it is weighed against `cyber-high` as an evaluation")
