"""CG3xx: elicitation minimums, honest bounds for capability claims, expiry, threshold gaming."""

from __future__ import annotations

import datetime as dt

from casegate.model import RuleSeverity

from ._cases import base_doc, case, context, hits, policy, severity

CODES = ("CG301", "CG302", "CG303", "CG304", "CG305", "CG306", "CG307",
         "CG320", "CG321", "CG322", "CG323", "CG324")


def test_base_case_has_no_findings_even_against_itself_as_previous() -> None:
    ctx = context(base_doc(), previous=case(base_doc()), previous_policy=policy())
    assert {code: hits(code, ctx) for code in CODES} == {code: [] for code in CODES}


def test_elicitation_shortfall_messages_carry_the_numbers() -> None:
    doc = base_doc()
    doc["evidence"]["E-ctf"]["elicitation"]["attempts"] = 2
    doc["evidence"]["E-ctf"]["elicitation"]["budget_tokens"] = 1000
    msgs = [h.message for h in hits("CG301", context(doc))]
    assert msgs == [
        "evaluation `E-ctf` for `cyber-high` ran 2 attempt(s) per task; the policy asks for at least 5",
        "evaluation `E-ctf` for `cyber-high` had a budget of 1,000 tokens per task; the policy asks for at least 2,000,000",
    ]


def test_missing_elicitation_record_is_one_finding() -> None:
    doc = base_doc()
    del doc["evidence"]["E-ctf"]["elicitation"]
    (h,) = hits("CG301", context(doc))
    assert h.path == ("evidence", "E-ctf") and "records no elicitation" in h.message


def test_below_alert_claim_checked_against_the_alert_level() -> None:
    doc = base_doc()
    doc["argument"]["elements"]["G2"]["capability"]["position"] = "below-alert"
    assert hits("CG303", context(doc)) == []
    doc["evidence"]["E-ctf"]["result"] = {"successes": 50, "trials": 400}  # upper 0.156 >= 0.15
    (h,) = hits("CG303", context(doc))
    assert "alert level 0.15" in h.message and "0.156" in h.message


def test_unmeasured_threshold_is_not_reported_as_a_bound_reaching() -> None:
    doc = base_doc()
    doc["evidence"]["E-ctf"]["elicitation"]["attempts"] = 1
    ctx = context(doc)
    assert hits("CG303", ctx) == [] and hits("CG301", ctx) != []


def test_explicit_expiry_and_unused_evidence() -> None:
    doc = base_doc()
    doc["evidence"]["E-ctf"]["expires"] = dt.date(2026, 11, 1)
    doc["evidence"]["E-note"] = {"kind": "other", "producer": "x", "date": dt.date(2025, 1, 1)}
    got = {h.path[1]: severity("CG306", h) for h in hits("CG306", context(doc))}
    assert got == {"E-ctf": RuleSeverity.blocking, "E-note": RuleSeverity.advisory}


def test_an_expiry_past_the_last_day_of_the_calendar_blocks_as_not_established() -> None:
    doc = base_doc()
    doc["evidence"]["E-ctf"]["date"] = dt.date(9999, 12, 31)
    doc["evidence"]["E-note"] = {"kind": "other", "producer": "x", "date": dt.date(9999, 12, 1)}
    got = {h.path[1]: (severity("CG306", h), h.message) for h in hits("CG306", context(doc))}
    assert set(got) == {"E-ctf", "E-note"}
    for sev, msg in got.values():
        assert sev is RuleSeverity.blocking and "its expiry cannot be established" in msg


def _raise_value(to: float) -> object:
    th = dict(policy().thresholds)
    th["cyber-high"] = th["cyber-high"].model_copy(update={"value": to})
    return policy().model_copy(update={"thresholds": th})


def test_raised_threshold_that_changes_nothing_here_is_advisory() -> None:
    ctx = context(base_doc(), pol=_raise_value(0.40), previous_policy=policy())  # bound 0.016
    (h,) = hits("CG320", ctx)
    assert severity("CG320", h) is RuleSeverity.advisory and "under both" in h.message


def test_weakened_minimum_blocks_only_when_evidence_relies_on_it() -> None:
    th = dict(policy().thresholds)
    weak = th["cyber-high"].elicitation.model_copy(update={"attempts": 2})
    th["cyber-high"] = th["cyber-high"].model_copy(update={"elicitation": weak})
    pol = policy().model_copy(update={"thresholds": th})
    (h,) = hits("CG320", context(base_doc(), pol=pol, previous_policy=policy()))
    assert severity("CG320", h) is RuleSeverity.advisory
    doc = base_doc()
    doc["evidence"]["E-ctf"]["elicitation"]["attempts"] = 3
    (h,) = hits("CG320", context(doc, pol=pol, previous_policy=policy()))
    assert severity("CG320", h) is RuleSeverity.blocking and "E-ctf" in h.message


def test_removed_threshold_blocks() -> None:
    th = {k: v for k, v in policy().thresholds.items() if k != "bio-high"}
    pol = policy().model_copy(update={"thresholds": th})
    (h,) = hits("CG321", context(base_doc(), pol=pol, previous_policy=policy()))
    assert severity("CG321", h) is RuleSeverity.blocking and "bio-high" in h.message


def test_gaming_rules_are_silent_without_a_previous_version() -> None:
    ctx = context(base_doc(), pol=_raise_value(0.40))
    assert all(hits(code, ctx) == [] for code in ("CG320", "CG321", "CG322", "CG323"))


def test_fewer_samples_than_before() -> None:
    prev = base_doc()
    prev["evidence"]["E-ctf"]["result"] = {"successes": 4, "trials": 800}
    (h,) = hits("CG323", context(base_doc(), previous=case(prev)))
    assert h.path == ("evidence", "E-ctf", "result") and "samples 400" in h.message


def test_score_that_fell_to_just_under_the_line_blocks() -> None:
    doc = base_doc()
    doc["evidence"]["E-ctf"]["result"] = {"successes": 5600, "trials": 20000}  # 0.28
    (h,) = hits("CG324", context(doc))
    assert severity("CG324", h) is RuleSeverity.condition
    prev = base_doc()
    prev["evidence"]["E-ctf"]["result"] = {"successes": 125, "trials": 400}  # 0.3125
    (h,) = hits("CG324", context(doc, previous=case(prev)))
    assert severity("CG324", h) is RuleSeverity.blocking and "0.312" in h.message


def test_score_parked_under_the_alert_level() -> None:
    doc = base_doc()
    doc["evidence"]["E-ctf"]["result"] = {"successes": 2800, "trials": 20000}  # 0.14, alert 0.15
    (h,) = hits("CG324", context(doc))
    assert "alert level 0.15" in h.message


def test_removed_alert_level_is_a_loosening_but_a_nulled_value_is_not() -> None:
    th = dict(policy().thresholds)
    th["cyber-high"] = th["cyber-high"].model_copy(update={"alert": None, "value": None})
    pol = policy().model_copy(update={"thresholds": th})
    got = hits("CG320", context(base_doc(), pol=pol, previous_policy=policy()))
    assert [h.path[-1] for h in got] == ["alert"] and "removed" in got[0].message
