"""CG328 against a policy that asks less of who may object, answer, decide and confirm, and of the
plan after the decision. The policy rides in the case's folder: the lab edits it with the version
it helps. The move that mattered most: an external evaluator's new objection, open, blocks
atlas-api 1.1; the lab's policy lets objections be escalated instead, the objection is marked
escalated, and the decision was GO WITH CONDITIONS against the recorded version 1.0."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from casegate.gate import run_gate
from casegate.load import load_case
from casegate.model import DecisionRecord
from casegate.sign import load_keyring, parse_instant, with_attestations

ATLAS = Path(__file__).resolve().parents[2] / "examples" / "atlas-api"
KEYRING = load_keyring(ATLAS / "keys" / "keyring.yaml")
TODAY = dt.date(2026, 11, 27)
O2 = """    O-2:
      role: external-evaluator
      person: Priya Natarajan
      date: 2026-11-22
      reason: The classifier red team did not try multi-turn jailbreaks against the bio protocol classifier.
      status: {status}
"""
BLOCK = "  objections: block\n"
ESCALATE = "  objections: escalate\n  escalate_to: board-committee\n"


def _version(d: Path, *, status: str | None = None, policy: tuple[str, str] | None = None) -> Path:
    shutil.copytree(ATLAS, d)
    case = d / "case.yaml"
    text = case.read_text().replace('version: "1.0"', 'version: "1.1"')
    if status is not None:
        text = text.rstrip("\n") + "\n" + O2.format(status=status)
    case.write_text(text)
    if policy is not None:
        pol = (d / "policy.yaml").read_text()
        assert pol.count(policy[0]) == 1, policy[0]
        (d / "policy.yaml").write_text(pol.replace(policy[0], policy[1]))
    return case


def _gate(case: Path, previous: Path | None = ATLAS / "case.yaml") -> DecisionRecord:
    at = parse_instant(TODAY.isoformat(), end_of_day=True)
    loaded = with_attestations(load_case(case), KEYRING, at)
    prev = with_attestations(load_case(previous), KEYRING, at) if previous is not None else None
    return run_gate(loaded, previous=prev, today=TODAY, try_narrower=False)


def _loosened(r: DecisionRecord) -> list[str]:
    return [f.message for f in r.findings if f.code == "CG328" and f.blocking]


def test_an_open_objection_blocks_under_the_recorded_policy(tmp_path: Path) -> None:
    r = _gate(_version(tmp_path / "v", status="open"))
    assert r.outcome == "NO-GO"
    assert any(f.code == "CG504" and f.blocking and "`O-2`" in f.message for f in r.findings)


def test_escalating_an_objection_under_a_policy_edited_to_allow_it_blocks(tmp_path: Path) -> None:
    """Attack: the policy is edited from `objections: block` to `escalate` in the version that needs
    it, and the open objection is marked escalated: CG504 makes it a condition. Before, the
    decision was GO WITH CONDITIONS (CG305 and the escalated objection)."""
    r = _gate(_version(tmp_path / "v", status="escalated", policy=(BLOCK, ESCALATE)))
    assert any(f.code == "CG504" and not f.blocking and "`O-2`" in f.message for f in r.findings)
    assert r.outcome == "NO-GO"
    assert _loosened(r) == ["an open objection may now be escalated to `board-committee`, a condition of the "
                            "decision rather than a block, since the previous version"]


def test_a_first_version_is_decided_under_its_own_policy(tmp_path: Path) -> None:
    """With nothing recorded before, the policy is the one the case names (pinned at deploy by the
    trust root): the escalation is a condition."""
    r = _gate(_version(tmp_path / "v", status="escalated", policy=(BLOCK, ESCALATE)), previous=None)
    assert r.outcome == "GO WITH CONDITIONS" and not _loosened(r)


@pytest.mark.parametrize(("edit", "said"), [
    (("  product_role: product-lead\n", "  product_role: product-lead\n  answer_roles: [safety-lead, rso, external-evaluator, product-lead]\n"),
     "more roles may answer an objection: product-lead"),
    (("  objections: block\n", "  objections: block\n  answer_accepted_by: escalation\n"),
     "the escalation role may now accept an answer to an objection for the objector"),
    (("  product_role: product-lead\n", "  product_role: marketing-lead\n"),
     "the product role is now `marketing-lead`, not `product-lead`"),
    (("  objections: block\n", "  objections: block\n  conditions_confirmed_by: [safety-lead, product-lead]\n"),
     "more roles may confirm that a condition is met: product-lead"),
    (("condition_defeaters: [undercutter]\n",
      "condition_defeaters: [undercutter]\ndecision: {deciding_roles: [safety-lead, product-lead], decider_may_waive: true}\n"),
     "more roles may sign the decision: product-lead"),
    (("condition_defeaters: [undercutter]\n", "condition_defeaters: [undercutter]\ndecision: {decider_may_waive: true}\n"),
     "the person who decides may now also waive a finding the decision rests on"),
    (("condition_defeaters: [undercutter]\n", "condition_defeaters: [undercutter]\npost_deployment: {max_reevaluation_days: 1000}\n"),
     "the re-evaluation date may now be 1000 days away, not 365"),
    (("condition_defeaters: [undercutter]\n", "condition_defeaters: [undercutter]\npublication: {due_days: 400}\n"),
     "the summary may now be published 400 days after the decision, not 30"),
])
def test_each_authority_loosening_is_named(tmp_path: Path, edit: tuple[str, str], said: str) -> None:
    r = _gate(_version(tmp_path / "v", policy=edit))
    assert r.outcome == "NO-GO"
    assert any(m.startswith(said) for m in _loosened(r)), _loosened(r)


def test_dropping_the_outside_evaluator_s_independence_is_a_loosening(tmp_path: Path) -> None:
    """Attack: the version that needs it edits the policy so the `external-evaluator` sign-off of
    its boundary may come from the lab's own people (the flag dropped, the role still required)."""
    edit = ("      - {role: external-evaluator, independent: true}\n    consumer:",
            "      - {role: external-evaluator}\n    consumer:")
    r = _gate(_version(tmp_path / "v", policy=edit))
    assert r.outcome == "NO-GO"
    assert _loosened(r) == ["the `api` boundary no longer requires `external-evaluator` to sign from outside "
                            "the developer's organisations (`independent: true`), as the previous version's "
                            "policy did"]
    # the flag dropped at a boundary the case is not for asks nothing less of this decision
    edit = ("      - {role: external-evaluator, independent: true}\n      - {role: board-committee}",
            "      - {role: external-evaluator}\n      - {role: board-committee}")
    assert not _loosened(_gate(_version(tmp_path / "w", policy=edit)))
