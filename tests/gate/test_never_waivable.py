"""CG708 (an incident unanswered) and CG718 (a monitor breach unanswered) are never waived, even
under a policy that lets a role waive them: the finding stays blocking and the waiver is reported
as set aside."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from casegate.gate import apply_waivers, waiver_problem
from casegate.model import Finding, Policy, RuleSeverity, Waiver

ROOT = Path(__file__).resolve().parents[2]
DAY = dt.date(2026, 12, 3)


def _policy() -> Policy:
    """A policy as permissive as the format allows: the rso may waive every CG7 rule."""
    from casegate.load import load_case

    base = load_case(ROOT / "examples" / "atlas-api" / "case.yaml").policy
    assert base is not None
    waivers = base.waivers.model_copy(update={"roles": {"CG7": ["rso"], "CG708": ["rso"], "CG718": ["rso"]},
                                              "non_waivable": []})
    return base.model_copy(update={"waivers": waivers})


@pytest.mark.parametrize("code", ["CG708", "CG718"])
def test_a_policy_that_allows_it_still_cannot_waive_an_unanswered_incident(code: str) -> None:
    """Reason: the lab's RSO waived CG708 under a policy that lets the rso waive CG7xx, and the
    reopened case was approved again without answering the incident."""
    policy = _policy()
    w = Waiver(code=code, role="rso", person="Sam Whitfield", reason="under investigation", until="2026-12-20")
    why = waiver_problem(w, policy, DAY)
    assert why is not None and f"{code} can never be waived, whatever the policy says" in why
    f = Finding(code=code, name="incident-unanswered", severity=RuleSeverity.blocking, message="unanswered")
    out, rejected = apply_waivers([f], [w], policy, DAY)
    assert out[0].waived is None and out[0].blocking
    assert any("can never be waived" in r for r in rejected)
    # a rule the policy may waive is still waived
    other = Waiver(code="CG702", role="rso", person="Sam Whitfield", reason="r", until="2026-12-20")
    assert waiver_problem(other, policy, DAY) is None
