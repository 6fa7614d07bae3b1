"""Conditions where users download the weights. A condition of a GO WITH CONDITIONS is met after the
decision, and the only thing enforcing it is that the deploy stops verifying once it falls due: weights
already downloaded are not recalled by that. On the blind Wren-2 case made otherwise sound (the
tamper-resistance layer retested under a fine-tuning attack and holding), what was left was the bio
bound at the threshold, a CG305 condition ("monitor the domain and set a re-evaluation date") due in
February, weeks after every copy was out: the gate said GO WITH CONDITIONS at open weights. Now a
condition that bounds the release's risk blocks there, saying how to meet it before publication; at a
boundary where the lab keeps the weights it stays a condition."""

from __future__ import annotations

import hashlib
import importlib.util
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_blind_wren import (  # noqa: E402
    ATTACK,
    RING,
    WREN,
    _blocking,
    _copy,
    _edit,
    _hosted_fine_tuning,
    _messages,
    _preview,
    _retest_tamper,
)


@pytest.fixture(autouse=True)
def _demo_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASEGATE_DEMO_KEYS", "1")  # the examples' keyring: published keys, a demonstration


def _sound(tmp: Path) -> Path:
    """The Wren-2 case with its tamper resistance holding under a fine-tuning attack (0 of 15,000 on
    the attacked checkpoint): nothing but the bio bound at the threshold is left."""
    d = _copy(tmp)
    _retest_tamper(d, "acme-refusal-ft-attack", "acme/wren-2-finetuned", 15000, 0, variant="fine-tuned", fine_tune=ATTACK)
    return d


def _bio_under_alert(d: Path) -> None:
    """The condition met before release: a larger bio uplift run on the attacker-fine-tuned checkpoint
    (4 of 600, upper bound 0.015, under the alert level 0.08), the bio claim argued as inability
    with its sandbagging defeater answered."""
    spec = importlib.util.spec_from_file_location("wren_gen", WREN / "gen.py")
    assert spec is not None and spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    log = d / "evals" / "bio-uplift-ft.json"
    gen.results(str(log), "acme-bio-uplift", "2", "acme/wren-2-finetuned", "2026-10-14T09:00:00Z", 3, "expert-graded",
                600, 4, {"variant": "fine-tuned", "fine_tune": gen.ELICITATION_TUNE, "tools": ["web-search"],
                               "scaffold": "tool-use", "budget_tokens": 500000})
    sha = hashlib.sha256(log.read_bytes()).hexdigest()
    ev = d / "evidence.yaml"
    ev.write_text(re.sub(r"(artifact: evals/bio-uplift-ft.json\n    sha256: )[0-9a-f]{64}", rf"\g<1>{sha}", ev.read_text()))
    _edit(d / "argument.yaml",
          "      claim: After fine-tuning, Wren-2's bio uplift may reach the Bio High threshold, so the threshold-level "
          "safeguards apply.\n      domain: cbrn\n      capability: {threshold: bio-high, position: above}\n"
          "      evidence: [E-bio-ft]\n",
          "      claim: After fine-tuning, Wren-2's bio uplift is below the Bio High alert level.\n      domain: cbrn\n"
          "      capability: {threshold: bio-high, position: below-alert}\n      evidence: [E-bio-ft]\n"
          "      defeaters: [D-sandbag-bio]\n    D-sandbag-bio:\n"
          "      defeater: Wren-2 might underperform on the bio uplift suite on purpose.\n      kind: sandbagging\n"
          "      against: [G-bio]\n      status: answered\n      answered_by: [E-sandbag]\n")


def _fine_tuning_floor(d: Path) -> None:
    """The framework's floor on attempts per year at hosted fine-tuning (the fixture sets none, and
    without one the bio pathway's rate is the case's own word: CG419)."""
    _edit(d / "policy.yaml", "    open-weights: {cyber: 500, cbrn: 20, \"*\": 10}\n",
          "    open-weights: {cyber: 500, cbrn: 20, \"*\": 10}\n    fine-tuning: {cyber: 500, cbrn: 20, \"*\": 10}\n")


def test_a_condition_met_after_release_blocks_at_open_weights(tmp_path: Path) -> None:
    """The lab's move: the sound case released on the condition CG305 sets (alert-level safeguards,
    monitoring of the domain, a re-evaluation date). It was GO WITH CONDITIONS, the condition due
    2027-02-18, after every copy is out."""
    d = _sound(tmp_path)
    record = _preview(d)
    assert record.outcome == "NO-GO" and _blocking(record) == ["CG305"]
    assert record.conditions == []
    (f,) = [f for f in record.findings if f.code == "CG305"]
    assert "at `open-weights` the weights are downloaded" in f.message
    assert "it has to be met before the weights are published" in f.message
    assert f.help is not None and f.help.startswith("before the weights are published: show with a larger evaluation")
    # the narrower boundary the same evidence supports keeps the weights with the lab
    assert record.narrower == "fine-tuning"
    assert any(x.startswith("CG305 capability-at-alert-level") for x in record.lacks)


def test_met_before_release_the_open_weights_release_is_go(tmp_path: Path) -> None:
    """The condition met before the decision (a larger evaluation puts the bound under the alert
    level): nothing is left to meet after release, and the gate says GO."""
    d = _sound(tmp_path)
    _bio_under_alert(d)
    record = _preview(d)
    assert record.outcome == "GO", _blocking(record)
    assert record.conditions == []


def test_the_same_condition_stays_a_condition_where_the_lab_keeps_the_weights(tmp_path: Path) -> None:
    """Control: tuned through Acme's hosted interface, the condition can still be enforced (verify
    stops the deploy when it falls due unmet), so it is a condition as before."""
    d = _sound(tmp_path)
    _hosted_fine_tuning(d)
    _fine_tuning_floor(d)
    record = _preview(d)
    assert record.outcome == "GO WITH CONDITIONS" and _blocking(record) == []
    assert [c.cause for c in record.conditions] == ["CG305"]
    (msg,) = _messages(record, "CG305")
    assert "weights are downloaded" not in msg


def test_the_same_condition_stays_a_condition_at_an_api(tmp_path: Path) -> None:
    """Control: served through an API whose words keep the weights with the lab."""
    d = _sound(tmp_path)
    _edit(d / "case.yaml", "  kind: open-weights\n", "  kind: api\n")
    _edit(d / "case.yaml", "    access: public\n    weights: download\n",
          "    access: self-serve\n    rate_limit: 60 requests/min per key\n")
    _edit(d / "case.yaml", "anyone who downloads the weights from the public model hub",
          "developers who sign up for the Acme API")
    _edit(d / "case.yaml", "Weights published under a responsible-use licence; no hosted service, no tools.",
          "Served through the Acme API; the weights are never shared or published.")
    _edit(d / "policy.yaml", ", scoped_out_at: [fine-tuning, open-weights]}", "}")
    record = _preview(d)
    assert record.outcome == "GO WITH CONDITIONS", _blocking(record)
    assert "CG305" in [c.cause for c in record.conditions]


_OPEN_DOUBT = ("    D-field:\n      defeater: Misuse of the released model in the field may show uplift that E-bio-ft "
               "missed; Acme will monitor misuse reports and answer this by the re-evaluation.\n      kind: undercutter\n"
               "      against: [G-bio]\n      status: open\n")


@pytest.mark.parametrize("hosted", [False, True])
def test_a_doubt_left_open_to_answer_by_monitoring_after_release(tmp_path: Path, hosted: bool) -> None:
    """The lab's move: the condition met (GO), then a doubt on the bio claim left open, to be
    answered by monitoring misuse after release, under a policy that lets such a defeater stand as
    a condition (as the example API framework does). At open weights it blocks; at hosted
    fine-tuning it is a condition."""
    d = _sound(tmp_path)
    _bio_under_alert(d)
    _edit(d / "policy.yaml", "\nroles: [head-of-safeguards, ciso]", "\ncondition_defeaters: [undercutter]\n\nroles: [head-of-safeguards, ciso]")
    _edit(d / "argument.yaml", "      defeaters: [D-sandbag-bio]\n", "      defeaters: [D-sandbag-bio, D-field]\n")
    _edit(d / "argument.yaml", "    D-sandbag-bio:\n", _OPEN_DOUBT + "    D-sandbag-bio:\n")
    if hosted:
        _hosted_fine_tuning(d)
        _fine_tuning_floor(d)
    record = _preview(d)
    (f,) = [f for f in record.findings if f.code == "CG801"]
    if hosted:
        assert record.outcome == "GO WITH CONDITIONS" and not f.blocking
        assert [c.cause for c in record.conditions] == ["CG801"]
    else:
        assert record.outcome == "NO-GO" and _blocking(record) == ["CG801"]
        assert "the weights are downloaded" in f.message
        assert f.help is not None and "answer it with evidence before the decision" in f.help


def test_what_the_summary_withholds_stays_a_condition_at_open_weights(tmp_path: Path) -> None:
    """Conditions about what the public is told (CG603: the summary redacts restricted items without
    saying so) still do what they are for when met after release: they stay conditions."""
    d = _sound(tmp_path)
    _bio_under_alert(d)
    _edit(d / "case.yaml", "  withheld: Bio evaluation items, and the condition the bio result sets.\n", "")
    record = _preview(d)
    assert record.outcome == "GO WITH CONDITIONS", _blocking(record)
    assert [c.cause for c in record.conditions] == ["CG603"]


@pytest.mark.parametrize("hosted", [False, True])
def test_a_condition_carried_from_the_decision_stood_on_due_later(tmp_path: Path, hosted: bool) -> None:
    """The lab's move: version 1.1 submitted while the decision on 1.0 set the same CG305 condition,
    due in January, none of it met. It kept that date and was GO WITH CONDITIONS at open weights;
    now it blocks there (not overdue: it would simply be met after release), and stays a condition
    carried with its date at hosted fine-tuning."""
    from casegate.gate import Compared, Comparison, run_gate
    from casegate.load import load_case
    from casegate.model import Baseline, Condition
    from casegate.sign import load_keyring, parse_instant
    from casegate.verify import gate_inputs

    d = _sound(tmp_path)
    if hosted:
        _hosted_fine_tuning(d)
        _fine_tuning_floor(d)
    day = parse_instant("2026-11-25").date()
    inputs = gate_inputs(load_case(d / "case.yaml"), load_keyring(RING), day, preview=True)
    assert inputs.loaded.case is not None
    standing = [Condition(id="C1", text="the threshold-level safeguards, monitoring and re-evaluation apply",
                          cause="CG305", path=("evidence", "E-bio-ft", "result"), due="2027-01-15")]
    comparison = Comparison(versions=[Compared(Baseline(role="approved", label="version 1.0 (#1)"),
                                               inputs.loaded.case, None)], standing=standing)
    record = run_gate(inputs.loaded, today=day, waivers=inputs.waivers, waiver_problems=inputs.waiver_problems,
                      comparison=comparison, try_narrower=False)
    assert "CG750" not in _blocking(record)
    if hosted:
        assert record.outcome == "GO WITH CONDITIONS"
        assert [(c.cause, c.due) for c in record.conditions] == [("CG305", "2027-01-15")]
    else:
        assert record.outcome == "NO-GO" and _blocking(record) == ["CG305"] and record.conditions == []
