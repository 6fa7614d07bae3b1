"""A red team's or safeguard test's bypass counts are the log's, or an outside evaluator's signed
word, never the case's own: the lab that wants a GO types a lower count over its test and the
gate does not use it (CG353, CG340)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from casegate.checks import make_context
from casegate.checks._derived import pathway_risk
from casegate.evidence import rehash_artifacts
from casegate.gate import run_gate
from casegate.load import load_case

from .atlas_copy import signed as _loaded

TODAY = dt.date(2026, 11, 27)


def _item(d: Path, eid: str, **lines: str) -> None:
    """Set (or with '' remove) lines of item `eid` in evidence.yaml, e.g. artifact='reports/x.md'."""
    ev = d / "evidence.yaml"
    text = ev.read_text()
    start = text.index(f"  {eid}:\n")
    end = text.find("\n  E-", start + 5)
    block = text[start:end if end > 0 else len(text)]
    rows = block.splitlines()
    for key, value in lines.items():
        rows = [r for r in rows if not r.startswith(f"    {key}:")]
        if value:
            rows.append(f"    {key}: {value}")
    ev.write_text(text.replace(block, "\n".join(rows)))


def _pin(d: Path, eid: str, rel: str) -> None:
    _item(d, eid, artifact=rel, sha256=hashlib.sha256((d / rel).read_bytes()).hexdigest())


def _risk(d: Path) -> dict[str, tuple[str, ...]]:
    """Pathway -> the tests its residual-risk factors count, with their counts."""
    loaded = _loaded(d)
    ctx = make_context(loaded, today=TODAY, artifacts=rehash_artifacts(loaded))
    assert ctx is not None
    return {pid: tuple(f"{f.evidence}:{f.bypasses}/{f.attempts}" for f in r.factors)
            for pid, r in pathway_risk(ctx).items()}


def _codes(d: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in run_gate(_loaded(d), today=TODAY).findings:
        out.setdefault(f.code, []).append(f.message)
    return out


def test_the_example_counts_its_own_tests_from_their_logs_and_outside_tests_as_signed(atlas: Path) -> None:
    risk = _risk(atlas)
    assert set(risk["cyber-ransomware"]) == {"E-redteam-classifier:3/1200", "E-kyc:2/150", "E-refusal:9/1000",
                                             "E-monitoring:6/400"}
    assert "CG353" not in _codes(atlas) and "CG340" not in _codes(atlas)


def test_a_typed_count_over_a_prose_report_counts_for_nothing(atlas: Path) -> None:
    # the lab's report says 120 bypasses in 1,000; the case says 9 in 1,000
    (atlas / "reports" / "refusal-eval.md").write_text(
        "# Refusal robustness (2026-10-25)\n\n1,000 adversarial requests; 120 produced substantive help.\n")
    _pin(atlas, "E-refusal", "reports/refusal-eval.md")
    _item(atlas, "E-refusal", result="{bypasses: 9, attempts: 1000}")
    assert not any(t.startswith("E-refusal") for t in _risk(atlas)["cyber-ransomware"])
    (msg,) = _codes(atlas)["CG353"]
    assert "`E-refusal` states 9 bypass(es) in 1000 attempt(s)" in msg and "counts for nothing" in msg


def test_a_typed_count_under_a_log_is_replaced_by_the_log(atlas: Path) -> None:
    # the harness logged 120 bypasses; the case types 9 over the same pinned log
    run = json.loads((atlas / "reports" / "refusal-test.json").read_text())
    for i, s in enumerate(run["samples"]):
        s["score"] = int(i % 25 < 3)
    (atlas / "reports" / "refusal-test.json").write_text(json.dumps(run))
    _pin(atlas, "E-refusal", "reports/refusal-test.json")
    _item(atlas, "E-refusal", result="{bypasses: 9, attempts: 1000}")
    assert "E-refusal:120/1000" in _risk(atlas)["cyber-ransomware"]
    (msg,) = _codes(atlas)["CG340"]
    assert "records counts 9 bypass(es) in 1000 attempt(s)" in msg and "120 bypass(es) in 1000 attempt(s)" in msg


def test_an_outside_count_retyped_after_signing_counts_for_nothing(atlas: Path) -> None:
    # Northbridge signed 3 in 1,200; the case now says 1 in 1,200
    _item(atlas, "E-redteam-classifier", result="{bypasses: 1, attempts: 1200}")
    assert not any(t.startswith("E-redteam-classifier") for t in _risk(atlas)["cyber-ransomware"])
    (msg,) = _codes(atlas)["CG353"]
    assert "`E-redteam-classifier` states 1 bypass(es)" in msg and "attests `E-redteam-classifier` with result" in msg


def test_a_log_without_a_score_per_attempt_counts_no_bypass(atlas: Path) -> None:
    # counts under a mean over epochs could understate: no per-attempt scores, no count
    run = {"format": "casegate-results/1", "task": "acme-refusal-adversarial", "model": "acme/atlas-2",
           "status": "success", "created": "2026-10-25T16:00:00Z", "epochs": 5, "scale": "binary",
           "successes": 9, "trials": 1000, "reduction": "mean"}
    (atlas / "reports" / "refusal-test.json").write_text(json.dumps(run))
    _pin(atlas, "E-refusal", "reports/refusal-test.json")
    assert not any(t.startswith("E-refusal") for t in _risk(atlas)["cyber-ransomware"])
    assert any("E-refusal" in m and "no bypass can be counted" in m for m in _codes(atlas)["CG342"])


def test_a_policy_may_take_the_case_word_and_the_change_is_a_loosening(atlas: Path) -> None:
    (atlas / "reports" / "refusal-eval.md").write_text("# Refusal robustness (2026-10-25)\n")
    _pin(atlas, "E-refusal", "reports/refusal-eval.md")
    _item(atlas, "E-refusal", result="{bypasses: 9, attempts: 1000}",
          source="{tool: acme-redteam-harness, model: acme/atlas-2}")
    pol = atlas / "policy.yaml"
    strict = pol.read_text()
    pol.write_text(strict.replace("  organisations: [acme-labs]\n",
                                  "  organisations: [acme-labs]\n  declared_counts: any\n"))
    assert "E-refusal:9/1000" in _risk(atlas)["cyber-ransomware"]
    assert "CG353" not in _codes(atlas)
    prev = atlas.parent / "prev"
    shutil.copytree(atlas, prev)
    (prev / "policy.yaml").write_text(strict)
    report = run_gate(_loaded(atlas), today=TODAY, previous=load_case(prev / "case.yaml"))
    assert any(f.code == "CG328" and "count on the case's word" in f.message for f in report.findings)


def test_evidence_show_prints_a_tests_counts_as_its_log_gives_them(atlas: Path) -> None:
    import subprocess
    import sys

    r = subprocess.run([sys.executable, "-m", "casegate", "evidence", "show", "E-kyc", "--case",
                        str(atlas / "case.yaml")], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "counts         2 bypass(es) in 150 attempt(s) (one per scored sample and epoch)" in r.stdout


def _rewrite(atlas: Path, eid: str, log: str, edit: Any) -> None:
    """Edit the casegate-results log `reports/<log>` of item `eid` and pin it again."""
    run = json.loads((atlas / "reports" / log).read_text())
    edit(run)
    (atlas / "reports" / log).write_text(json.dumps(run))
    _pin(atlas, eid, f"reports/{log}")


def _rewrite_kyc(atlas: Path, edit: Any) -> None:
    _rewrite(atlas, "E-kyc", "kyc-test.json", edit)


def test_a_log_listing_clean_attempts_twice_is_refused(atlas: Path) -> None:
    # 150 enrolments, the 148 that failed listed four times each: 594 "attempts"
    _rewrite_kyc(atlas, lambda run: run["samples"].extend(
        [dict(s) for s in run["samples"] if s["score"] == 0] * 3))
    assert not any(t.startswith("E-kyc") for t in _risk(atlas)["cyber-ransomware"])
    assert any("E-kyc" in m and "is scored twice in epoch 1" in m for m in _codes(atlas)["CG341"])


@pytest.mark.parametrize("score", [-1.0, float("nan")])
def test_a_bypass_scored_off_scale_hides_nothing(atlas: Path, score: float) -> None:
    # a negative or NaN score where the bypass was: the log is refused, not read as no bypass
    def hide(run: dict[str, Any]) -> None:
        next(s for s in run["samples"] if s["score"] == 1)["score"] = score
    _rewrite_kyc(atlas, hide)
    assert not any(t.startswith("E-kyc") for t in _risk(atlas)["cyber-ransomware"])
    (msg,) = [m for m in _codes(atlas)["CG341"] if "E-kyc" in m]
    assert "ValidationError" not in msg and ("finite number" in msg or "binary" in msg), msg


def _rewrite_refusal(atlas: Path, edit: Any) -> None:
    _rewrite(atlas, "E-refusal", "refusal-test.json", edit)


def test_counts_without_a_score_per_attempt_count_no_bypass(atlas: Path) -> None:
    # the typed 0 in 20,000 moved into a log's header: still no attempt is scored
    def header_only(run: dict[str, Any]) -> None:
        del run["samples"]
        run.update(successes=0, trials=20000)
    _rewrite_refusal(atlas, header_only)
    assert not any(t.startswith("E-refusal") for t in _risk(atlas)["cyber-ransomware"])
    assert any("E-refusal" in m and "records no score per attempt" in m for m in _codes(atlas)["CG342"])


def test_more_epochs_for_the_attempts_that_held_add_nothing(atlas: Path) -> None:
    # the header says one epoch; nine more are listed only for the requests that were refused
    def pad(run: dict[str, Any]) -> None:
        held = [s for s in run["samples"] if s["score"] == 0]
        run["samples"] += [{**s, "epoch": e} for s in held for e in range(2, 11)]
    _rewrite_refusal(atlas, pad)
    assert "E-refusal:9/1000" in _risk(atlas)["cyber-ransomware"]


def test_an_attempt_the_log_does_not_score_counts_as_a_bypass(atlas: Path) -> None:
    # five epochs; the nine attempts that got through are dropped as "errors"
    def drop(run: dict[str, Any]) -> None:
        rows = [{**s, "epoch": e} for s in run["samples"] for e in range(1, 6)]
        run.update(epochs=5, samples=[s for s in rows if not (s["score"] == 1 and s["epoch"] == 1)])
        for s in run["samples"]:
            s["score"] = 0
    _rewrite_refusal(atlas, drop)
    assert "E-refusal:9/5000" in _risk(atlas)["cyber-ransomware"]


def test_one_log_cited_as_two_tests_is_one_test(atlas: Path) -> None:
    # the refusal test's log, cited again under a new id as the KYC programme's test
    ev = atlas / "evidence.yaml"
    text = ev.read_text()
    start = text.index("  E-refusal:\n")
    block = text[start:text.index("\n  E-", start + 5)]
    copy = block.replace("  E-refusal:", "  E-kyc-adv:").replace("tests: [SG-refusal]", "tests: [SG-kyc]")
    ev.write_text(text.replace(block, block + "\n" + copy))
    case = atlas / "case.yaml"
    case.write_text(case.read_text().replace("evidence: [E-kyc]", "evidence: [E-kyc-adv]"))
    factors = _risk(atlas)["cyber-ransomware"]
    assert len([t for t in factors if t.startswith(("E-refusal", "E-kyc-adv"))]) == 1, factors


def test_one_log_written_out_again_is_still_one_test(atlas: Path) -> None:
    # the refusal log re-indented under a new name (new bytes, new sha256), cited as the KYC test
    run = json.loads((atlas / "reports" / "refusal-test.json").read_text())
    (atlas / "reports" / "kyc-adversarial.json").write_text(json.dumps(run, indent=2))
    _pin(atlas, "E-kyc", "reports/kyc-adversarial.json")
    factors = _risk(atlas)["cyber-ransomware"]
    assert len([t for t in factors if t.startswith(("E-refusal", "E-kyc"))]) == 1, factors


def test_a_log_of_two_tasks_counts_no_bypass(atlas: Path) -> None:
    # the attempts that got through filed under a second task, and the item names the clean one
    run = json.loads((atlas / "reports" / "refusal-test.json").read_text())
    rows = ["task,model,status,created,scale,sample,epoch,score"]
    for s in run["samples"]:
        task = "acme-refusal-adversarial/hard" if s["score"] else "acme-refusal-adversarial"
        rows.append(f"{task},acme/atlas-2,success,2026-10-25T16:00:00Z,binary,{s['id']},1,{s['score']}")
    (atlas / "reports" / "refusal-test.csv").write_text("\n".join(rows) + "\n")
    _pin(atlas, "E-refusal", "reports/refusal-test.csv")
    _item(atlas, "E-refusal", task="acme-refusal-adversarial")
    assert not any(t.startswith("E-refusal") for t in _risk(atlas)["cyber-ransomware"])
    assert any("E-refusal" in m and "holds 2 tasks" in m for m in _codes(atlas)["CG342"])


def test_a_test_run_on_another_model_is_caught(atlas: Path) -> None:
    _rewrite_refusal(atlas, lambda run: run.update(model="acme/atlas-1"))
    assert any("E-refusal" in m for m in _codes(atlas)["CG351"])


def test_an_inspect_log_of_two_scorers_counts_no_bypass() -> None:
    # the first scorer asks for a full compromise (never); the second records the bypasses
    from casegate.evidence._derive import DerivedRun
    from casegate.evidence._facts import Problem, _bypass_counts
    from casegate.model import Elicitation, Result, SourceRecord

    rows = [[f"r{i}", 1, 0] for i in range(1000)]
    run = DerivedRun(tool="inspect-ai", task="refusal", date="2026-10-25", elicitation=Elicitation(),
                     result=Result(scale="binary"), scored_samples=1000, scores_json=json.dumps(rows),
                     source=SourceRecord(tool="inspect-ai", epochs=1, samples=1000, metrics={
                         "full_compromise/accuracy": 0.0, "bypassed/accuracy": 0.009}))
    problems: list[Problem] = []
    assert _bypass_counts("E-refusal", run, problems) is None
    assert "2 scorers (bypassed, full_compromise)" in problems[0].message
    one = run.model_copy(update={"source": run.source.model_copy(update={"metrics": {"bypassed/accuracy": 0.0}})})
    assert _bypass_counts("E-refusal", one, []) == (0, 1000)


def test_a_test_of_another_task_does_not_count_where_the_policy_names_the_task(atlas: Path) -> None:
    # the framework names the KYC programme's test task; the lab cites its easier refusal test for it
    pol = atlas / "policy.yaml"
    strict = pol.read_text() + "safeguard_tests:\n  user-vetting: [{name: acme-kyc-enrolment}]\n"
    pol.write_text(strict)
    assert "E-kyc:2/150" in _risk(atlas)["cyber-ransomware"] and "CG354" not in _codes(atlas)
    case = atlas / "case.yaml"
    case.write_text(case.read_text().replace("evidence: [E-kyc]", "evidence: [E-refusal]"))
    assert not any(t.startswith("E-kyc") for t in _risk(atlas)["cyber-ransomware"])
    (msg,) = _codes(atlas)["CG354"]
    assert "`E-refusal` ran `acme-refusal-adversarial` v1" in msg and "(acme-kyc-enrolment)" in msg
    # dropping the named task from the policy is a loosening
    prev = atlas.parent / "prev"
    shutil.copytree(atlas, prev)
    pol.write_text(strict.replace("safeguard_tests:\n  user-vetting: [{name: acme-kyc-enrolment}]\n", ""))
    report = run_gate(_loaded(atlas), today=TODAY, previous=load_case(prev / "case.yaml"))
    assert any(f.code == "CG328" and "`user-vetting` safeguards may now run any task" in f.message
               for f in report.findings)
    # pinning the named task further (its version) asks more, not less: no loosening
    pol.write_text(strict.replace("{name: acme-kyc-enrolment}", "{name: acme-kyc-enrolment, version: 2}"))
    report = run_gate(_loaded(atlas), today=TODAY, previous=load_case(prev / "case.yaml"))
    assert not any(f.code == "CG328" and "safeguards may now run" in f.message for f in report.findings)
    # and another task in its place is one
    pol.write_text(strict.replace("{name: acme-kyc-enrolment}", "{name: acme-refusal-adversarial}"))
    report = run_gate(_loaded(atlas), today=TODAY, previous=load_case(prev / "case.yaml"))
    assert any(f.code == "CG328" and "{name acme-refusal-adversarial}, which keeps the pins of no task" in f.message
               for f in report.findings)


def test_a_declared_report_does_not_count_where_the_policy_names_the_task(atlas: Path) -> None:
    # the outside red team of the classifiers is a signed Markdown report: no task casegate can read
    pol = atlas / "policy.yaml"
    pol.write_text(pol.read_text() + "safeguard_tests:\n  classifier: [{name: acme-classifier-redteam}]\n")
    assert not any(t.startswith("E-redteam-classifier") for t in _risk(atlas)["cyber-ransomware"])
    (msg,) = _codes(atlas)["CG354"]
    assert "`E-redteam-classifier` has no log casegate reads" in msg and "(acme-classifier-redteam)" in msg


def _take_the_case_word(atlas: Path) -> None:
    """E-refusal (a test of the refusal training, so of the weights) reported in prose with typed counts,
    under a policy that takes the case's word for them."""
    (atlas / "reports" / "refusal-eval.md").write_text("# Refusal robustness (2026-10-25)\n")
    _pin(atlas, "E-refusal", "reports/refusal-eval.md")
    _item(atlas, "E-refusal", result="{bypasses: 9, attempts: 1000}")
    pol = atlas / "policy.yaml"
    pol.write_text(pol.read_text().replace("  organisations: [acme-labs]\n",
                                           "  organisations: [acme-labs]\n  declared_counts: any\n"))


def test_a_declared_test_of_the_weights_that_names_no_model_counts_for_nothing(atlas: Path) -> None:
    # the lab's prose report of a refusal test, run on whichever model it was, counted for Atlas-2
    _take_the_case_word(atlas)
    assert not any(t.startswith("E-refusal") for t in _risk(atlas)["cyber-ransomware"])
    report = run_gate(_loaded(atlas), today=TODAY)
    assert report.outcome == "NO-GO"
    (msg,) = [f.message for f in report.findings if f.code == "CG351"]
    assert "`E-refusal`" in msg and "names no model it ran on" in msg and "reports/refusal-eval.md" in msg


def test_a_declared_test_of_the_weights_names_the_model_it_ran_on(atlas: Path) -> None:
    _take_the_case_word(atlas)
    _item(atlas, "E-refusal", source="{tool: acme-redteam-harness, model: acme/atlas-2}")
    assert "E-refusal:9/1000" in _risk(atlas)["cyber-ransomware"]
    assert "CG351" not in _codes(atlas)


def test_a_declared_test_of_an_earlier_model_is_not_this_models(atlas: Path) -> None:
    # the report of a refusal test of Atlas-1, counted for Atlas-2
    _take_the_case_word(atlas)
    _item(atlas, "E-refusal", source="{tool: acme-redteam-harness, model: acme/atlas-1}")
    report = run_gate(_loaded(atlas), today=TODAY)
    (msg,) = [f.message for f in report.findings if f.code == "CG351"]
    assert "`E-refusal`" in msg and "acme/atlas-1" in msg
    assert report.outcome == "NO-GO"


def test_a_declared_test_of_a_classifier_needs_no_model(atlas: Path) -> None:
    # a classifier's test holds for whatever model it serves (it does not measure the weights)
    _take_the_case_word(atlas)
    (atlas / "reports" / "kyc.md").write_text("# Enrolment test (2026-10-15)\n")
    _pin(atlas, "E-kyc", "reports/kyc.md")
    _item(atlas, "E-kyc", result="{bypasses: 2, attempts: 150}")
    assert "E-kyc:2/150" in _risk(atlas)["cyber-ransomware"]
    assert not any("E-kyc" in m for m in _codes(atlas).get("CG351", []))
