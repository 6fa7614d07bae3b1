"""The lab declares a monitor's `range` so that its threshold is beyond what traffic reaches (CG715).

A monitor of `classifier-flag-rate` (a rate, in [0, 1]) with `range: [0, 1e18]` and a threshold of
1e15 passed CG715, which judged the threshold against the declared range: the monitor could never
fire. A declared range now narrows what the signal's name or the policy's `post_deployment.signals`
establish and never widens it; where the policy gives a breach level for the signal, a monitor that
breaches later than it is CG715 too."""

from __future__ import annotations

from typing import Any

import pytest

from casegate.model import Policy
from casegate.model._policy import SignalBound

from ._cases import base_doc, context, hits, policy


def _pd(signal: str, threshold: float, rng: tuple[float, float] | None, op: str = ">") -> dict[str, Any]:
    doc = base_doc()
    monitor: dict[str, Any] = {"signal": signal, "op": op, "threshold": threshold, "window": "24h"}
    if rng is not None:
        monitor["range"] = rng
    doc["post_deployment"] = {
        "monitors": {"M1": monitor},
        "triggers": {"T1": {"on": "monitor", "monitor": "M1", "action": "reopen"}},
        "reevaluate_by": "2027-04-01",
    }
    return doc


def _policy(**signals: dict[str, Any]) -> Policy:
    base = policy()
    pd = base.post_deployment.model_copy(update={"signals": {
        k.replace("_", "-"): SignalBound(**v) for k, v in signals.items()}})
    return base.model_copy(update={"post_deployment": pd})


def test_a_rate_declared_out_to_1e18_cannot_put_its_threshold_out_of_reach() -> None:
    found = hits("CG715", context(_pd("classifier-flag-rate", 1e15, (0, 1e18))))
    text = " | ".join(h.message for h in found)
    assert "declares classifier-flag-rate in [0, 1e+18], wider than the [0, 1] its name" in text
    assert "fires when classifier-flag-rate > 1e+15, which a signal in [0, 1] can never be" in text


def test_a_rate_in_look_alike_letters_is_still_a_rate() -> None:
    found = hits("CG715", context(_pd("classifier-flag-rаte", 1e15, (0, 1e18))))  # Cyrillic а
    assert any("can never be" in h.message for h in found)


def test_a_declared_range_may_still_narrow_a_rate() -> None:
    assert hits("CG715", context(_pd("classifier-flag-rate", 0.005, (0, 0.5)))) == []
    (h,) = hits("CG715", context(_pd("classifier-flag-rate", 0.6, (0, 0.5))))
    assert "[0, 0.5] can never be" in h.message


def test_the_policy_defines_a_count_the_lab_declares_wider() -> None:
    pol = _policy(misuse_reports_per_day={"range": (0, 10_000)})
    doc = _pd("misuse-reports-per-day", 1e15, (0, 1e18))
    assert hits("CG715", context(doc)) == []  # the lab's word alone: not established either way
    found = hits("CG715", context(doc, pol=pol))
    text = " | ".join(h.message for h in found)
    assert "wider than the [0, 10000] the policy's `post_deployment.signals.misuse-reports-per-day`" in text
    assert "which a signal in [0, 10000] can never be" in text


@pytest.mark.parametrize(("op", "threshold", "late"), [
    (">", 50, False), (">", 20, False), (">=", 50, False), (">", 51, True), (">", 9_999, True),
    ("<", 50, True), ("<=", 10, True),
])
def test_a_monitor_breaching_later_than_the_policys_level(op: str, threshold: float, late: bool) -> None:
    pol = _policy(misuse_reports_per_day={"range": (0, 10_000), "op": ">", "threshold": 50})
    found = hits("CG715", context(_pd("misuse-reports-per-day", threshold, None, op=op), pol=pol))
    assert bool(found) is late
    if late:
        assert "the policy's `post_deployment.signals.misuse-reports-per-day` breaches at > 50" in found[0].message


def test_a_policy_level_for_a_rate_is_read_downward_too() -> None:
    pol = _policy(refusal_rate={"op": "<", "threshold": 0.9})
    assert hits("CG715", context(_pd("refusal-rate", 0.9, None, op="<"), pol=pol)) == []
    (h,) = hits("CG715", context(_pd("refusal-rate", 0.2, None, op="<"), pol=pol))
    assert "breaches at < 0.9" in h.message
