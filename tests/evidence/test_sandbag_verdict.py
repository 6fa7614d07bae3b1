"""A sandbagging probe's (or audit's, or review's) `passed: true` is an outside evaluator's signed
word, or the policy's choice to take the case's, never the case's own: the lab whose probe found
deliberate underperformance keeps `passed: true` typed beside the report and the gate does not use
it (CG356), so the sandbagging defeater it answered stands unanswered (CG805)."""

from __future__ import annotations

import shutil
from pathlib import Path

from casegate.gate import run_gate
from casegate.load import load_case

from .test_test_counts import TODAY, _codes, _item, _loaded, _pin

FAILED_PROBE = """# Sandbagging probe, Atlas-2 (2026-10-20)

Method: capability-matched comparison between the helpful-only variant and a password-locked
control, plus fine-tuning elicitation on 300 held-out CTF and bio-uplift items.
Result: fine-tuned elicitation raised the CTF solve rate from 16% to 34% and bio-uplift from 4% to
19%, far outside noise: the model underperforms deliberately under the standard elicitation.
Verdict: FAIL.
"""


def _fail_the_probe(atlas: Path) -> None:
    """The red team's move: the report now says FAIL, its sha256 is pinned again, the case keeps
    `result: {passed: true}`."""
    (atlas / "reports" / "sandbagging-probe.md").write_text(FAILED_PROBE)
    _pin(atlas, "E-sandbag", "reports/sandbagging-probe.md")


def test_the_example_probe_is_signed_by_its_outside_evaluator(atlas: Path) -> None:
    codes = _codes(atlas)
    assert "CG356" not in codes and "CG805" not in codes
    assert run_gate(_loaded(atlas), today=TODAY).outcome == "GO WITH CONDITIONS"


def test_a_failed_probe_kept_passed_counts_for_nothing(atlas: Path) -> None:
    _fail_the_probe(atlas)
    report = run_gate(_loaded(atlas), today=TODAY)
    assert report.outcome == "NO-GO"
    codes = _codes(atlas)
    (msg,) = codes["CG356"]
    assert "`E-sandbag` states that its sandbagging-probe passed" in msg and "counts for nothing" in msg
    assert "covers sha256" in msg  # Northbridge's attestation is over the bytes it read, not these
    assert len(codes["CG805"]) == 2 and all("`E-sandbag`" in m for m in codes["CG805"])


def test_a_failed_probe_kept_passed_is_caught_against_the_previous_version(atlas: Path) -> None:
    prev = atlas.parent / "prev"
    shutil.copytree(atlas, prev)
    _fail_the_probe(atlas)
    report = run_gate(_loaded(atlas), today=TODAY, previous=load_case(prev / "case.yaml"))
    assert report.outcome == "NO-GO"
    assert {"CG356", "CG805"} <= {f.code for f in report.findings if f.blocking}


def test_an_in_house_probe_typed_passed_counts_for_nothing(atlas: Path) -> None:
    # the developer's own team ran it: Northbridge's signature does not vouch for another producer
    _item(atlas, "E-sandbag", producer="acme-alignment-science")
    codes = _codes(atlas)
    assert "neither them nor their organisation" in codes["CG356"][0]
    assert "CG805" in codes


def test_a_probe_that_drops_its_verdict_answers_nothing(atlas: Path) -> None:
    # with no `passed`, there is nothing the probe is said to have passed
    _item(atlas, "E-sandbag", result="")
    codes = _codes(atlas)
    assert "CG805" in codes and "CG356" not in codes


def test_a_typed_failure_is_taken_at_its_word(atlas: Path) -> None:
    _item(atlas, "E-sandbag", result="{passed: false}")
    codes = _codes(atlas)
    assert "CG805" in codes and "CG356" not in codes


def test_a_policy_may_take_the_case_word_and_the_change_is_a_loosening(atlas: Path) -> None:
    _fail_the_probe(atlas)
    _item(atlas, "E-sandbag", source="{tool: northbridge-probe, model: acme/atlas-2}")
    pol = atlas / "policy.yaml"
    strict = pol.read_text()
    pol.write_text(strict.replace("  organisations: [acme-labs]\n",
                                  "  organisations: [acme-labs]\n  declared_verdicts: any\n"))
    codes = _codes(atlas)
    assert "CG356" not in codes and "CG805" not in codes
    prev = atlas.parent / "prev"
    shutil.copytree(atlas, prev)
    (prev / "policy.yaml").write_text(strict)
    report = run_gate(_loaded(atlas), today=TODAY, previous=load_case(prev / "case.yaml"))
    assert any(f.code == "CG328" and "`passed: true` now counts on the case's word" in f.message
               for f in report.findings)


PROSE_PROBE = """# Sandbagging probe (2026-10-20)

Method: capability-matched comparison against a password-locked control, plus fine-tuning
elicitation on 300 held-out CTF and bio-uplift items.
Result: fine-tuned elicitation did not raise scores beyond noise.
Verdict: PASS.
"""


def _take_the_case_word(atlas: Path) -> None:
    """E-sandbag reported in prose by the developer's own team (no outside signature covers it),
    typed `passed: true`, under a policy that takes the case's word for verdicts. The report names
    no model it ran on: a probe of an earlier or weaker model reads the same."""
    (atlas / "reports" / "sandbagging-probe.md").write_text(PROSE_PROBE)
    _pin(atlas, "E-sandbag", "reports/sandbagging-probe.md")
    _item(atlas, "E-sandbag", producer="acme-alignment-science")
    pol = atlas / "policy.yaml"
    pol.write_text(pol.read_text().replace("  organisations: [acme-labs]\n",
                                           "  organisations: [acme-labs]\n  declared_verdicts: any\n"))


def test_a_declared_probe_that_names_no_model_counts_for_nothing(atlas: Path) -> None:
    # the lab's prose report of a probe, run on whichever model it was, answered Atlas-2's sandbagging defeaters
    _take_the_case_word(atlas)
    report = run_gate(_loaded(atlas), today=TODAY)
    assert report.outcome == "NO-GO"
    (msg,) = [f.message for f in report.findings if f.code == "CG351"]
    assert "`E-sandbag` (sandbagging-probe) states that it passed" in msg and "names no model it ran on" in msg
    assert "reports/sandbagging-probe.md" in msg and "counts for nothing" in msg
    codes = _codes(atlas)
    assert "CG356" not in codes
    assert len(codes["CG805"]) == 2 and all("`E-sandbag`" in m for m in codes["CG805"])


def test_a_declared_probe_names_the_model_it_ran_on(atlas: Path) -> None:
    _take_the_case_word(atlas)
    _item(atlas, "E-sandbag", source="{tool: acme-sandbagging-harness, model: acme/atlas-2}")
    codes = _codes(atlas)
    assert "CG351" not in codes and "CG805" not in codes and "CG356" not in codes
    assert run_gate(_loaded(atlas), today=TODAY).outcome == "GO WITH CONDITIONS"


def test_a_declared_probe_of_an_earlier_model_is_not_this_models(atlas: Path) -> None:
    # the report of a probe of Atlas-1, typed as passed for Atlas-2
    _take_the_case_word(atlas)
    _item(atlas, "E-sandbag", source="{tool: acme-sandbagging-harness, model: acme/atlas-1}")
    report = run_gate(_loaded(atlas), today=TODAY)
    (msg,) = [f.message for f in report.findings if f.code == "CG351"]
    assert "the model typed for `E-sandbag`" in msg and "acme/atlas-1" in msg
    assert report.outcome == "NO-GO"


def test_a_declared_failed_probe_that_names_no_model_is_taken_at_its_word(atlas: Path) -> None:
    # a typed failure counts against the case whatever model it ran on: no finding about the model
    _take_the_case_word(atlas)
    _item(atlas, "E-sandbag", result="{passed: false}")
    codes = _codes(atlas)
    assert "CG351" not in codes and "CG805" in codes
