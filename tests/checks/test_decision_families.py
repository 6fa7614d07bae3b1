"""Behaviour of the authority, defeater and post-deployment rules beyond their fixtures:
fail-closed sign-off lists, k-of-n by distinct people, escalation, condition defeaters."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from casegate.checks import check_case
from casegate.evidence import rehash_artifacts
from casegate.load import load_case
from casegate.model import BoundaryKind, Finding, RuleSeverity

RULES = Path(__file__).resolve().parents[1] / "fixtures" / "rules"
TODAY = dt.date(2026, 11, 27)


def _case(tmp_path: Path, *edits: tuple[str, str], policy_edits: tuple[tuple[str, str], ...] = ()) -> Path:
    d = tmp_path / "rules" / "X" / "good"
    d.mkdir(parents=True)
    text = (RULES / "CG501" / "good" / "case.yaml").read_text()
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    (d / "case.yaml").write_text(text)
    pol = (RULES / "policy.yaml").read_text()
    for old, new in policy_edits:
        assert old in pol, old
        pol = pol.replace(old, new, 1)
    (tmp_path / "rules" / "policy.yaml").write_text(pol)
    return d / "case.yaml"


def _findings(path: Path, code: str) -> list[Finding]:
    loaded = load_case(path)
    rep = check_case(loaded, today=TODAY, artifacts=rehash_artifacts(loaded))
    return [f for f in rep.findings if f.code == code]


def test_required_roles_fall_back_to_nearest_narrower_boundary() -> None:
    loaded = load_case(RULES / "CG501" / "good" / "case.yaml")
    assert loaded.policy is not None
    listed, reqs = loaded.policy.signoff.required_for(BoundaryKind.internal_deployment)
    assert listed is BoundaryKind.internal_research and [r.role for r in reqs] == ["safety-lead"]
    assert loaded.policy.signoff.required_for(BoundaryKind.training) == (None, [])
    listed, _ = loaded.policy.signoff.required_for(BoundaryKind.open_weights)
    assert listed is BoundaryKind.consumer


def test_no_required_roles_fails_closed(tmp_path: Path) -> None:
    start = "signoff:\n  required:\n"
    pol = (RULES / "policy.yaml").read_text()
    block = pol[pol.index(start):pol.index("  separate:")]
    case = _case(tmp_path, policy_edits=((block, "signoff:\n  required: {}\n"),))
    [f] = _findings(case, "CG501")
    assert "names no roles" in f.message and f.severity is RuleSeverity.blocking


def test_k_of_n_counts_distinct_people(tmp_path: Path) -> None:
    extra = "    - role: rso\n      person: Sam Whitfield\n      date: 2026-11-23\n"
    case = _case(tmp_path, ("  signoffs:\n", "  signoffs:\n" + extra),
                 policy_edits=(("      - {role: rso}\n      - {role: external-evaluator}",
                                "      - {role: rso, min: 2}\n      - {role: external-evaluator}"),))
    [f] = _findings(case, "CG501")
    assert "needs 2 distinct sign-off(s) from role `rso`" in f.message and "found 1 (Sam Whitfield)" in f.message


def test_k_of_n_counts_one_person_once_however_the_name_is_typed(tmp_path: Path) -> None:
    """The lab has Sam sign a second rso line as `sam  WHITFIELD`: the keyring takes it for Sam
    Whitfield's identity, so it is still one person (before, two distinct sign-offs)."""
    extra = "    - role: rso\n      person: sam  WHITFIELD\n      date: 2026-11-23\n"
    case = _case(tmp_path, ("  signoffs:\n", "  signoffs:\n" + extra),
                 policy_edits=(("      - {role: rso}\n      - {role: external-evaluator}",
                                "      - {role: rso, min: 2}\n      - {role: external-evaluator}"),))
    [f] = _findings(case, "CG501")
    assert "needs 2 distinct sign-off(s) from role `rso`" in f.message and "found 1 (sam  WHITFIELD)" in f.message


def test_separated_roles_are_one_persons_however_the_name_is_typed(tmp_path: Path) -> None:
    """The safety lead also signs as the external evaluator, the name typed in lower case with a
    zero-width space and a Cyrillic `а`: the policy keeps the two roles apart (before, no finding)."""
    case = _case(tmp_path, ("      person: Priya Natarajan\n", "      person: \"d\u0430na\u200b ortiz\"\n"))
    [f] = _findings(case, "CG502")
    assert f.blocking and "Dana Ortiz signed as `safety-lead` and `external-evaluator`" in f.message


def test_escalated_objection_is_a_condition_when_policy_escalates(tmp_path: Path) -> None:
    obj = ("  objections:\n    O-1:\n      role: external-evaluator\n      person: Priya Natarajan\n"
           "      date: 2026-11-21\n      reason: Web exploitation is under-sampled.\n      status: escalated\n")
    text = (RULES / "CG501" / "good" / "case.yaml").read_text()
    case = _case(tmp_path, (text, text.rstrip("\n") + "\n" + obj),
                 policy_edits=(("  objections: block", "  objections: escalate\n  escalate_to: board-committee"),))
    [f] = _findings(case, "CG504")
    assert f.severity is RuleSeverity.condition and "board-committee" in f.message


def test_escalated_objection_blocks_when_policy_blocks(tmp_path: Path) -> None:
    obj = ("  objections:\n    O-1:\n      role: external-evaluator\n      person: Priya Natarajan\n"
           "      date: 2026-11-21\n      reason: Web exploitation is under-sampled.\n      status: escalated\n")
    text = (RULES / "CG501" / "good" / "case.yaml").read_text()
    case = _case(tmp_path, (text, text.rstrip("\n") + "\n" + obj))
    [f] = _findings(case, "CG504")
    assert f.severity is RuleSeverity.blocking


def test_condition_defeater_kind_is_a_condition(tmp_path: Path) -> None:
    d2 = ("    D2:\n      defeater: The CTF suite of E-ctf may not reflect real intrusions.\n      kind: undercutter\n"
          "      against: [G2]\n      status: open\n")
    case = _case(tmp_path, ("    G3:\n", d2 + "    G3:\n"))
    [f] = _findings(case, "CG801")
    assert f.severity is RuleSeverity.condition  # the fixture policy lists `undercutter`
    case2 = _case(tmp_path / "b", ("    G3:\n", d2.replace("undercutter", "objection") + "    G3:\n"))
    [g] = _findings(case2, "CG801")
    assert g.severity is RuleSeverity.blocking


def test_defeater_against_claim_outside_the_argument_does_not_block(tmp_path: Path) -> None:
    extra = ("    G9:\n      claim: An unrelated claim.\n      undeveloped: true\n"
             "    D9:\n      defeater: Irrelevant.\n      kind: objection\n      against: [G9]\n      status: open\n")
    case = _case(tmp_path, ("    G3:\n", extra + "    G3:\n"))
    assert _findings(case, "CG801") == []


def test_sandbagging_defeater_on_a_parent_claim_covers_the_inability_claim(tmp_path: Path) -> None:
    case = _case(tmp_path, ("      defeaters: [D1]\n", ""), ("      against: [G2]\n", "      against: [G1]\n"))
    assert _findings(case, "CG804") == []


def test_sandbagging_defeater_two_levels_up_covers_the_inability_claim(tmp_path: Path) -> None:
    case = _case(tmp_path, ("      supported_by: [G2, G3]\n", "      supported_by: [S1]\n"),
                 ("    G2:\n", "    S1:\n      strategy: Argue over capability and safeguards.\n"
                  "      supported_by: [G2, G3]\n    G2:\n"),
                 ("      defeaters: [D1]\n", ""), ("      against: [G2]\n", "      against: [G1]\n"))
    assert _findings(case, "CG804") == []


def test_sandbagging_defeater_on_a_sibling_or_a_claim_below_does_not_cover_the_inability_claim(
        tmp_path: Path) -> None:
    # the lab aims the one sandbagging defeater at a claim beside the inability claim, or below it
    sibling = _case(tmp_path / "a", ("      defeaters: [D1]\n", ""), ("      against: [G2]\n", "      against: [G3]\n"))
    assert [f.path for f in _findings(sibling, "CG804")] == [("argument", "elements", "G2", "capability")]
    below = _case(tmp_path / "b", ("      evidence: [E-ctf]\n      defeaters: [D1]\n",
                                   "      evidence: [E-ctf]\n      supported_by: [G4]\n"),
                  ("    G3:\n", "    G4:\n      claim: The CTF suite ran.\n      undeveloped: true\n    G3:\n"),
                  ("      against: [G2]\n", "      against: [G4]\n"))
    assert [f.path for f in _findings(below, "CG804")] == [("argument", "elements", "G2", "capability")]


def test_withdraw_trigger_counts_as_withdrawal_condition(tmp_path: Path) -> None:
    case = _case(tmp_path, ("  withdrawal:\n    - A severe cyber incident linked to the model.\n", ""),
                 ("{on: incident, min_severity: high, action: reopen}", "{on: incident, min_severity: high, action: withdraw}"))
    assert _findings(case, "CG703") == []


def test_model_change_trigger_counts_as_change_control(tmp_path: Path) -> None:
    case = _case(tmp_path,
                 ("  model_change_control: Served weights are pinned by digest; any change needs a new gate run.\n", ""),
                 ("    T-incident: {on: incident, min_severity: high, action: reopen}\n",
                  "    T-incident: {on: incident, min_severity: high, action: reopen}\n"
                  "    T-change: {on: model-change, action: reopen}\n"))
    assert _findings(case, "CG706") == []
    bare = _case(tmp_path / "b",
                 ("  model_change_control: Served weights are pinned by digest; any change needs a new gate run.\n", ""))
    assert len(_findings(bare, "CG706")) == 1


def test_copy_of_good_fixture_is_clean_of_these_families(tmp_path: Path) -> None:
    d = tmp_path / "rules" / "Y" / "good"
    shutil.copytree(RULES / "CG501" / "good", d)
    # the fixture's sandbagging probe is typed, not signed: the copy's policy takes its verdict on the
    # case's word (under the default, CG805 would find the defeater unanswered), which counts only for a
    # probe that names the model it ran on (CG351)
    case = d / "case.yaml"
    case.write_text(case.read_text().replace(
        "    date: 2026-10-20\n    result: {passed: true}\n",
        "    date: 2026-10-20\n    source: {tool: probe-harness, model: fixture-1.0}\n    result: {passed: true}\n", 1))
    pol = (RULES / "policy.yaml").read_text()
    (tmp_path / "rules" / "policy.yaml").write_text(
        pol.replace("  organisations: [acme-labs]\n", "  organisations: [acme-labs]\n  declared_verdicts: any\n"))
    loaded = load_case(d / "case.yaml")
    rep = check_case(loaded, today=TODAY, artifacts=rehash_artifacts(loaded))
    assert not [f.code for f in rep.findings if f.code[:3] in ("CG5", "CG6", "CG7", "CG8")]


def test_a_condition_kind_resting_on_evidence_of_its_own_blocks(tmp_path: Path) -> None:
    """Attack: outside counter-evidence, citing the run it rests on, typed `undercutter` so that
    the policy lets it stand open as a condition. Evidence against a claim is counter-evidence."""
    d2 = ("    D2:\n      defeater: An outside run found the model solves 4 of 40 professional CTFs.\n"
          "      kind: undercutter\n      against: [G2]\n      status: open\n      evidence: [E-ctf]\n")
    case = _case(tmp_path, ("    G3:\n", d2 + "    G3:\n"))
    [f] = _findings(case, "CG801")
    assert f.severity is RuleSeverity.blocking
    assert "rests on evidence of its own (`E-ctf`): evidence against a claim is counter-evidence" in f.message
