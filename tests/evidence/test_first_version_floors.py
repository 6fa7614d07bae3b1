"""On a first version, with no earlier one to compare with, what the developer types alone does not
decide: an attempt rate counts above the policy's floor (CG419 where the policy sets none), a
pathway is rated at least at the policy's floor for its domain (CG208; CG209 where it sets none
and the rating is below severe), and a threshold is measured on the tasks the policy names (CG308
where it names none). Each test is the lab trying it on the example."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

from casegate.checks._derived import pathway_risk
from casegate.checks._registry import Context
from casegate.gate import run_gate

from .atlas_copy import edit as _edit
from .atlas_copy import signed as _loaded

TODAY = dt.date(2026, 11, 27)
NEW = {"CG209", "CG308", "CG419"}


def _gate(atlas: Path) -> tuple[str, dict[str, list[str]]]:
    report = run_gate(_loaded(atlas), today=TODAY)
    out: dict[str, list[str]] = {}
    for f in report.findings:
        out.setdefault(f.code, []).append(f.message)
    return report.outcome, out


def _drop_attempt_floors(atlas: Path) -> None:
    pol = atlas / "policy.yaml"
    text = pol.read_text()
    start = text.index("  # the attempt rates the framework assumes")
    end = text.index("\n\n", start) + 1
    pol.write_text(text[:start] + text[end:])


def test_the_honest_example_rests_on_the_policys_floors(atlas: Path) -> None:
    outcome, codes = _gate(atlas)
    assert outcome == "GO WITH CONDITIONS"
    assert not NEW & set(codes), codes


def test_an_attempt_rate_typed_low_is_raised_to_the_policys_floor(atlas: Path) -> None:
    """A1: the ransomware pathway's 200 attempts a year typed as 2. The policy assumes at least 200
    at an API, so the bound and the decision are as before."""
    honest = _gate(atlas)
    _edit(atlas / "case.yaml", "attempts_per_year: 200", "attempts_per_year: 2")
    assert _gate(atlas) == honest
    loaded = _loaded(atlas)
    ctx = Context(case=loaded.case, policy=loaded.policy, today=TODAY, boundary=loaded.case.boundary.kind)
    r = pathway_risk(ctx)["cyber-ransomware"]
    assert (r.attempts_per_year, r.stated_attempts_per_year) == (200, 2)


def test_a_bound_on_the_developers_rate_alone_is_not_verified(atlas: Path) -> None:
    """Where the policy sets no floor, a bound within tolerance rests on the case's rate alone."""
    _drop_attempt_floors(atlas)
    outcome, codes = _gate(atlas)
    assert outcome == "NO-GO"
    assert any("`cyber-ransomware` (severe)" in m and "only on the case's own rate of 200 attempts/year" in m
               and "no floor on attempts for api boundaries in domain `cyber`" in m for m in codes["CG419"]), codes


def test_a_severe_pathway_rated_high(atlas: Path) -> None:
    """A2: the ransomware pathway typed `high` escapes the every-step rule and meets a tolerance ten
    times looser. The example policy rates cyber harm at least severe (CG208); where a policy sets
    no floor for the domain, the rating is the developer's word alone (CG209)."""
    text = (atlas / "case.yaml").read_text()
    at = text.index("      cyber-ransomware:")
    (atlas / "case.yaml").write_text(text[:at] + text[at:].replace("severity: severe", "severity: high", 1))
    outcome, codes = _gate(atlas)
    assert outcome == "NO-GO" and "CG209" not in codes
    assert any("pathway `cyber-ransomware` is rated high" in m and "at least severe" in m for m in codes["CG208"]), codes
    _edit(atlas / "policy.yaml", "  cyber: {name: Cybersecurity, min_severity: severe}", "  cyber: {name: Cybersecurity}")
    outcome, codes = _gate(atlas)
    assert outcome == "NO-GO" and "CG208" not in codes
    assert any(m.startswith("pathway `cyber-ransomware` is rated high, below severe") for m in codes["CG209"]), codes


def _rerun_rnd_on(atlas: Path, task: str) -> None:
    """The AI R&D evaluation's log rewritten as a run of `task`, its pin updated to match."""
    log = atlas / "evals" / "rnd-tasks.json"
    doc = json.loads(log.read_text())
    old_digest = hashlib.sha256(log.read_bytes()).hexdigest()
    doc["task"] = task
    log.write_text(json.dumps(doc, indent=2) + "\n")
    _edit(atlas / "evidence.yaml", old_digest, hashlib.sha256(log.read_bytes()).hexdigest())


def test_a_threshold_measured_on_a_task_of_the_labs_choosing(atlas: Path) -> None:
    """E1: AI R&D measured on shorter tasks. The policy names the tasks, so the run does not count;
    where it names none, the result is not verified."""
    _rerun_rnd_on(atlas, "acme-swe-2h")
    outcome, codes = _gate(atlas)
    assert outcome == "NO-GO"
    assert any("`E-rnd-tasks` ran `acme-swe-2h`" in m for msgs in codes.values() for m in msgs), codes
    _edit(atlas / "policy.yaml", '    tasks: [{name: acme-swe-8h, version: "1", digest: sha256:135bb14b50977ab9c7af38a213cb5f8501e1e7f56618e260be9cd36d001c3d78}]\n', "")
    outcome, codes = _gate(atlas)
    assert outcome == "NO-GO"
    assert any(m.startswith("`ai-rnd-4` (AI R&D-4) is measured as not reached on tasks the developer chose")
               for m in codes["CG308"]), codes


def test_a_threshold_measured_on_part_of_its_task(atlas: Path) -> None:
    """K1: the CTF run again on 160 of its 200 challenges (above the policy's 150), those the model
    does worst at, under the task's own name and version. The policy names the task's samples by
    their digest too, so the run does not count."""
    log = atlas / "evals" / "cyber-ctf.json"
    doc = json.loads(log.read_text())
    old_digest = hashlib.sha256(log.read_bytes()).hexdigest()
    ids = sorted({s["id"] for s in doc["samples"]})
    assert len(ids) == 200
    kept = set(sorted(ids, key=lambda i: sum(s["score"] for s in doc["samples"] if s["id"] == i))[:160])
    doc["samples"] = [s for s in doc["samples"] if s["id"] in kept]
    log.write_text(json.dumps(doc, indent=2) + "\n")
    _edit(atlas / "evidence.yaml", old_digest, hashlib.sha256(log.read_bytes()).hexdigest())
    outcome, codes = _gate(atlas)
    assert outcome == "NO-GO"
    assert any("`E-cyber-ctf` ran `acme-ctf-pro` v4" in m and "not a task the policy names for `cyber-high`" in m
               for msgs in codes.values() for m in msgs), codes
