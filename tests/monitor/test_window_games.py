"""Window games: the lab sets a monitor's window so that a breach does not reach the case.

Readings are never averaged (`test_evaluate.test_padding_a_breaching_reading_does_not_hide_it`), so
no window dilutes a breach. But a breach reached an approval only from one window before it: the
next version, approved two hours after a breaching reading no trigger run applied, shortened its
window to 1m and kept its silence at 24h (readings due as often as before, so nothing went silent)
and the breach no longer counted. A breach now reaches an approval from the longer of the window
and the silence the monitor may keep. And a window (the silence a monitor may keep) is bounded by
the policy where it says so (`post_deployment.max_silence`, CG715), not only by the re-evaluation
date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from casegate.load import load_case
from casegate.model import Case
from casegate.monitor import Facts, Sample, evaluate

from ..checks._cases import base_doc, context, hits, policy

UTC = dt.UTC
APPROVED = dt.datetime(2026, 11, 25, 12, tzinfo=UTC)
BIO = "bio-classifier-flag-rate"


def _example() -> tuple[Case, object]:
    loaded = load_case(Path(__file__).resolve().parents[2] / "examples" / "atlas-api" / "case.yaml")
    assert loaded.case is not None and loaded.policy is not None
    return loaded.case, loaded.policy


def _windows(case: Case, window: str, max_silence: str | None) -> Case:
    pd = case.post_deployment
    assert pd is not None
    monitors = {mid: m.model_copy(update={"window": window, "max_silence": max_silence}) for mid, m in pd.monitors.items()}
    return case.model_copy(update={"post_deployment": pd.model_copy(update={"monitors": monitors})})


def _breach_two_hours_before() -> dict[str, list[Sample]]:
    t = APPROVED - dt.timedelta(hours=2)
    quiet = [Sample(APPROVED + dt.timedelta(minutes=30), s, 0.0, "atlas-2-api")
             for s in ("cyber-classifier-flag-rate", BIO)]
    return {"cyber-classifier-flag-rate": quiet[:1], BIO: [Sample(t, BIO, 0.02, "atlas-2-api"), quiet[1]]}


def test_a_window_shortened_over_a_breach_does_not_hide_it() -> None:
    case, pol = _example()
    at = APPROVED + dt.timedelta(hours=1)
    honest = evaluate(Facts(case, pol, APPROVED, samples=_breach_two_hours_before()), at)  # type: ignore[arg-type]
    assert [f.trigger for f in honest] == ["M-bio-flags"]
    short = _windows(case, "1m", "24h")
    found = evaluate(Facts(short, pol, APPROVED, samples=_breach_two_hours_before()), at)  # type: ignore[arg-type]
    assert [(f.trigger, f.event) for f in found] == [("M-bio-flags", "monitor")], found
    assert "within 24h before the approval" in found[0].reason


def _pd_doc(window: str, max_silence: str | None = None) -> dict[str, object]:
    doc = base_doc()
    m: dict[str, object] = {"signal": "classifier-flag-rate", "threshold": 0.005, "window": window}
    if max_silence is not None:
        m["max_silence"] = max_silence
    doc["post_deployment"] = {"monitors": {"M1": m},
                              "triggers": {"T1": {"on": "monitor", "monitor": "M1", "action": "reopen"}},
                              "reevaluate_by": "2027-04-01"}
    return doc


def test_a_window_months_long_under_a_policy_that_bounds_silence() -> None:
    base = policy()
    bounded = base.model_copy(update={"post_deployment": base.post_deployment.model_copy(update={"max_silence": "72h"})})
    assert hits("CG715", context(_pd_doc("90d"))) == []  # below the 125 days to re-evaluation: unbounded before
    (h,) = hits("CG715", context(_pd_doc("90d"), pol=bounded))
    assert h.message == ("monitor `M1` may stay silent for 90d before its silence reopens the case; the policy "
                         "allows at most 72h")
    (h,) = hits("CG715", context(_pd_doc("24h", "30d"), pol=bounded))
    assert h.path[-1] == "max_silence"
    assert hits("CG715", context(_pd_doc("24h", "26h"), pol=bounded)) == []


def test_a_policy_silence_that_is_no_duration_is_refused() -> None:
    import pytest
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        policy().post_deployment.model_validate({"max_silence": "a while"})
