"""Which triggers of the example case fire, for each kind of event, and which claims fall."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from casegate.load import load_case
from casegate.model import BoundaryKind, Case, Severity
from casegate.monitor import (
    ConditionStatus,
    Facts,
    Incident,
    LaterVersion,
    RecordedIncident,
    Sample,
    domain_claims,
    evaluate,
    iso,
    strongest,
    widening,
)

UTC = dt.UTC
APPROVED = dt.datetime(2026, 11, 25, tzinfo=UTC)
AT = dt.datetime(2026, 12, 5, tzinfo=UTC)


@pytest.fixture(scope="module")
def case() -> Case:
    loaded = load_case(Path(__file__).resolve().parents[2] / "examples" / "atlas-api" / "case.yaml")
    assert loaded.case is not None and loaded.policy is not None
    return loaded.case


@pytest.fixture(scope="module")
def policy():  # type: ignore[no-untyped-def]
    loaded = load_case(Path(__file__).resolve().parents[2] / "examples" / "atlas-api" / "case.yaml")
    return loaded.policy


SIGNALS = ("cyber-classifier-flag-rate", "bio-classifier-flag-rate")


def _quiet(start: dt.datetime = APPROVED, end: dt.datetime = AT) -> dict[str, list[Sample]]:
    """Readings of 0.0 every 12 hours on both monitored signals: a deployment whose monitors
    report and show nothing."""
    out: dict[str, list[Sample]] = {s: [] for s in SIGNALS}
    t = start + dt.timedelta(hours=12)
    while t <= end:
        for s in SIGNALS:
            out[s].append(Sample(t, s, 0.0, "atlas-2-api"))
        t += dt.timedelta(hours=12)
    return out


def _incident(domain: str, severity: str) -> Incident:
    return Incident(case="atlas-2-api", date=dt.date(2026, 12, 1), deployer="Acme", developer="Acme",
                    harmed=["a hospital"], description="ransomware built with the API",
                    severity=Severity(severity), domain=domain)


def test_nothing_fires_on_a_quiet_deployment(case: Case, policy) -> None:  # type: ignore[no-untyped-def]
    assert evaluate(Facts(case, policy, APPROVED, samples=_quiet()), AT) == []


def test_incident_fires_by_domain_and_severity_and_defeats_the_domains_claims(case: Case, policy) -> None:  # type: ignore[no-untyped-def]
    facts = Facts(case, policy, APPROVED, samples=_quiet(), incidents=[
        RecordedIncident.of(7, _incident("cyber", "high")),
        RecordedIncident.of(8, _incident("cyber", "moderate")),  # below min_severity
        RecordedIncident.of(9, _incident("persuasion", "severe")),  # no trigger for this domain
    ])
    (f,) = evaluate(facts, AT)
    assert (f.trigger, f.event, f.cause, f.action) == ("T-cyber-incident", "incident", "incident:7", "reopen")
    assert f.defeats == ("G2", "G4") == tuple(domain_claims(case, "cyber"))
    assert f.notify == ("safety-lead", "rso")
    assert "incident #7" in f.reason and "cyber, high" in f.reason


def test_bio_incident_withdraws(case: Case, policy) -> None:  # type: ignore[no-untyped-def]
    facts = Facts(case, policy, APPROVED, samples=_quiet(), incidents=[RecordedIncident.of(3, _incident("cbrn", "moderate"))])
    (f,) = evaluate(facts, AT)
    assert f.action == "withdraw" and f.defeats == ("G3",)
    assert f.notify == ("safety-lead", "rso", "board-committee")


def test_monitor_breach_through_its_trigger_and_on_its_own(case: Case, policy) -> None:  # type: ignore[no-untyped-def]
    t = APPROVED + dt.timedelta(days=1)
    quiet = _quiet()
    samples = {
        "cyber-classifier-flag-rate": sorted([
            *quiet["cyber-classifier-flag-rate"], Sample(t, "cyber-classifier-flag-rate", 0.004, "atlas-2-api"),
            Sample(t + dt.timedelta(hours=6), "cyber-classifier-flag-rate", 0.008, "atlas-2-api")]),
        "bio-classifier-flag-rate": sorted([
            *quiet["bio-classifier-flag-rate"], Sample(t, "bio-classifier-flag-rate", 0.002, "atlas-2-api")]),
    }
    firings = {f.trigger: f for f in evaluate(Facts(case, policy, APPROVED, samples=samples), AT)}
    assert set(firings) == {"T-cyber-flags", "M-bio-flags"}
    cyber = firings["T-cyber-flags"]
    assert cyber.action == "reopen" and cyber.details["value"] == 0.008
    assert cyber.cause == f"monitor:M-cyber-flags:{iso(t + dt.timedelta(hours=6))}"
    assert cyber.notify == ("safety-lead", "rso")  # the monitor's roles
    bio = firings["M-bio-flags"]
    assert bio.action == "restrict" and bio.to is BoundaryKind.trusted_access
    # breaches before the approval are not causes
    early = Facts(case, policy, t + dt.timedelta(days=2), samples=samples)
    assert evaluate(early, AT) == []


def test_new_capability_result_model_change_and_scope_change(case: Case, policy) -> None:  # type: ignore[no-untyped-def]
    ctf = case.evidence["E-cyber-ctf"]
    # the example's record leaves its counts to the log; the later version records them
    from casegate.model import Result

    new_ev = ctf.model_copy(update={"sha256": "0" * 64, "result": (ctf.result or Result()).model_copy(
        update={"successes": 70, "trials": 200})})
    boundary = case.boundary.model_copy(update={"tools": ["code-execution", "web-browsing"]})  # type: ignore[union-attr]
    v2 = case.model_copy(update={
        "evidence": {**case.evidence, "E-cyber-ctf-v2": new_ev},
        "system": case.system.model_copy(update={"digests": ["sha256:" + "a" * 64]}),
        "boundary": boundary,
    })
    same = case.model_copy()
    facts = Facts(case, policy, APPROVED, samples=_quiet(), later_versions=[LaterVersion(20, "1.1 (#2)", v2, policy),
                                                          LaterVersion(15, "1.0 (#1b)", same, policy)])
    by_event = {f.event: f for f in evaluate(facts, AT)}
    assert set(by_event) == {"capability", "model-change", "scope-change"}
    cap = by_event["capability"]
    assert cap.cause == "capability:E-cyber-ctf-v2:" + "0" * 64
    assert cap.details["upper_bound"] > 0.30 and cap.defeats == ("G2",)
    assert "tools added: web-browsing" in by_event["scope-change"].reason


def test_widening() -> None:
    from casegate.model._case import Boundary, Scope

    api = Boundary(kind=BoundaryKind.api, tools=["x"], scope=Scope(regions=["US"], max_users=10))
    assert widening(api, api) == []
    assert widening(api, api.model_copy(update={"kind": BoundaryKind.trusted_access})) == []
    assert widening(api, api.model_copy(update={"kind": BoundaryKind.consumer})) == ["boundary api -> consumer"]
    assert widening(api, api.model_copy(update={"scope": Scope(regions=["US", "BR"], max_users=10)})) == [
        "regions added: BR"]
    assert widening(api, api.model_copy(update={"scope": Scope(regions=["US"])})) == [
        "max users 10 -> unlimited"]
    assert widening(api, api.model_copy(update={"sensitive_domains": ["health"]})) == [
        "sensitive domains added: health"]


def test_another_configuration_behind_the_same_weights_widens() -> None:
    """The approved version's evaluations were held to its configuration (CG309): a later version
    redeploying the same weights with another system message, none, or a higher ceiling is a
    scope change that fires the case's `scope-change` trigger, not a configuration detail."""
    from casegate.model._case import Boundary, Configuration

    a, b = "a" * 64, "b" * 64
    api = Boundary(kind=BoundaryKind.api, configuration=Configuration(system_message_sha256=a, max_tokens=4096))
    assert widening(api, api) == []
    assert widening(api, api.model_copy(update={"configuration": Configuration(system_message_sha256=a,
                                                                               max_tokens=1024)})) == []
    assert widening(api, api.model_copy(update={"configuration": Configuration(system_message_sha256=b,
                                                                               max_tokens=4096)})) == [
        "system message sha256 aaaaaaaaaaaa... -> sha256 bbbbbbbbbbbb..."]
    assert widening(api, api.model_copy(update={"configuration": Configuration(max_tokens=32000)})) == [
        "system message sha256 aaaaaaaaaaaa... -> none", "max tokens 4096 -> 32000"]
    assert widening(api, api.model_copy(update={"configuration": None})) == ["configuration no longer stated"]
    bare = Boundary(kind=BoundaryKind.api)
    assert widening(bare, api) == []


def test_widening_counts_access_and_reads_names_as_verify_does() -> None:
    """The lab opens a self-serve API to the public in version 1.1, nothing else changed: the
    scope-change trigger must fire. Before, `widening` never compared access; and a tool renamed
    only in spelling (`Code_Execution`) is the same tool, as verify reads it."""
    from casegate.model._case import Boundary, Scope

    def api(access: str | None, tools: list[str] | None = None, weights: str = "none") -> Boundary:
        return Boundary(kind=BoundaryKind.api, tools=tools or ["code-execution"],
                        scope=Scope(access=access, weights=weights))  # type: ignore[arg-type]

    assert widening(api("self-serve"), api("public")) == ["access self-serve -> public"]
    assert widening(api("vetted-organisations"), api("self-serve")) == ["access vetted-organisations -> self-serve"]
    assert widening(api("self-serve"), api(None)) == ["access self-serve -> not stated"]
    assert widening(api("self-serve"), api("named-partners")) == []
    assert widening(api(None), api("employees")) == []
    assert widening(api("self-serve"), api("self-serve", weights="fine-tuning")) == ["weights none -> fine-tuning"]
    assert widening(api("self-serve", weights="download"), api("self-serve", weights="none")) == []
    assert widening(api("self-serve"), api("self-serve", ["Code_Execution"])) == []
    assert widening(api("self-serve", ["Code Execution"]), api("self-serve", ["code-execution", "web_browsing"])) == [
        "tools added: web_browsing"]


def test_widening_reads_the_rate_limit_as_numbers() -> None:
    """A later version that runs the model faster (in other units) or with no limit widens it;
    the same rate in other units does not. Before, the scope-change trigger did not look at the
    rate limit."""
    from casegate.model._case import Boundary, Scope

    def api(rate: str | None) -> Boundary:
        return Boundary(kind=BoundaryKind.api, scope=Scope(rate_limit=rate))

    assert widening(api("600/min per key"), api("10/s per key")) == []
    assert widening(api("600/min per key"), api("20/s per key")) == ["rate limit 600/min per key -> 20/s per key"]
    assert widening(api("600/min per key"), api(None)) == ["rate limit 600/min per key -> none"]
    assert widening(api(None), api("600/min per key")) == []
    assert widening(api("fair use"), api("Fair  use")) == []
    assert widening(api("fair use"), api("generous use")) == ["rate limit fair use -> generous use"]


def test_expired_evidence_and_overdue_conditions(case: Case, policy) -> None:  # type: ignore[no-untyped-def]
    conds = [ConditionStatus(4, "C1", "add a monitoring layer", dt.date(2026, 12, 1)),
             ConditionStatus(4, "C2", "rerun the CTF", dt.date(2026, 12, 1), met=True),
             ConditionStatus(4, "C3", "later", dt.date(2027, 1, 1))]
    firings = evaluate(Facts(case, policy, APPROVED, samples=_quiet(), conditions=conds), AT)
    (f,) = firings
    assert (f.event, f.cause, f.action, f.to) == (
        "condition-overdue", "condition-overdue:4:C1", "restrict", BoundaryKind.trusted_access)
    far = evaluate(Facts(case, policy, APPROVED), dt.datetime(2028, 1, 1, tzinfo=UTC))
    expired = {f.details["evidence"] for f in far if f.event == "evidence-expiry"}
    assert expired == set(case.evidence)



def test_an_expiry_that_cannot_be_established_fires_the_expiry_trigger(case: Case, policy) -> None:  # type: ignore[no-untyped-def]
    eid = sorted(case.evidence)[0]
    late = case.model_copy(update={"evidence": {**case.evidence, eid: case.evidence[eid].model_copy(
        update={"date": dt.date(9999, 12, 31), "expires": None})}})
    firings = [f for f in evaluate(Facts(late, policy, APPROVED), AT) if f.event == "evidence-expiry"]
    assert [(f.details["evidence"], f.cause) for f in firings] == [(eid, f"evidence-expiry:{eid}:not-established")]
    assert "cannot be established" in firings[0].reason


def test_the_strongest_action_wins_and_restriction_fails_closed() -> None:
    from casegate.monitor import Firing

    def f(action: str, to: BoundaryKind | None = None) -> Firing:
        return Firing("T", "incident", "k", action, to, (), "r")  # type: ignore[arg-type]

    api, ta, inner = BoundaryKind.api, BoundaryKind.trusted_access, BoundaryKind.internal_deployment
    assert strongest([], api, None) is None
    assert strongest([f("restrict", ta), f("withdraw")], api, None) == ("withdraw", None)
    assert strongest([f("restrict", ta), f("reopen")], api, None) == ("reopen", None)
    assert strongest([f("restrict", ta), f("restrict", inner)], api, None) == ("restrict", inner)
    assert strongest([f("restrict", ta)], api, ta) is None  # already confined there
    assert strongest([f("restrict", None)], api, None) == ("reopen", None)
    assert strongest([f("restrict", BoundaryKind.consumer)], api, None) == ("reopen", None)


def test_a_passed_reevaluation_date_fires_its_trigger(case: Case, policy) -> None:  # type: ignore[no-untyped-def]
    """A `reevaluation-due` trigger fires once the approved version's `reevaluate_by` has passed
    (not on the day itself)."""
    from casegate.model import Trigger

    assert case.post_deployment is not None and case.post_deployment.reevaluate_by == dt.date(2027, 4, 1)
    pd = case.post_deployment.model_copy(update={"triggers": {
        **case.post_deployment.triggers, "T-reevaluate": Trigger(on="reevaluation-due", action="reopen")}})
    due = case.model_copy(update={"post_deployment": pd})
    assert not [f for f in evaluate(Facts(due, policy, APPROVED), dt.datetime(2027, 4, 1, 23, tzinfo=UTC))
                if f.event == "reevaluation-due"]
    (f,) = [f for f in evaluate(Facts(due, policy, APPROVED), dt.datetime(2027, 4, 2, tzinfo=UTC))
            if f.event == "reevaluation-due"]
    assert (f.trigger, f.cause, f.action) == ("T-reevaluate", "reevaluation-due:2027-04-01", "reopen")
    assert "re-evaluated by 2027-04-01" in f.reason


def test_a_silent_monitor_reopens_the_case(case: Case, policy) -> None:  # type: ignore[no-untyped-def]
    """The lab stops sending readings (or never starts): once a monitor has gone longer than its
    window without one, its silence fires, and reopens even where a breach would only restrict."""
    within = APPROVED + dt.timedelta(hours=24)
    assert evaluate(Facts(case, policy, APPROVED), within) == []
    firings = {f.trigger: f for f in evaluate(Facts(case, policy, APPROVED), AT)}
    assert set(firings) == {"T-cyber-flags", "M-bio-flags"}
    for f in firings.values():
        assert (f.event, f.action, f.to, f.defeats) == ("monitor-silent", "reopen", None, ())
    cyber = firings["T-cyber-flags"]
    assert cyber.cause == f"monitor-silent:M-cyber-flags:{iso(APPROVED)}"
    assert f"no reading of cyber-classifier-flag-rate since {iso(APPROVED)}" in cyber.reason
    # readings that stop: silent since the last one; readings of the other signal keep nothing alive
    quiet = _quiet(APPROVED, APPROVED + dt.timedelta(days=3))
    only_bio = {"bio-classifier-flag-rate": _quiet()["bio-classifier-flag-rate"],
                "cyber-classifier-flag-rate": quiet["cyber-classifier-flag-rate"]}
    (f,) = evaluate(Facts(case, policy, APPROVED, samples=only_bio), AT)
    last = quiet["cyber-classifier-flag-rate"][-1].timestamp
    assert f.trigger == "T-cyber-flags" and f.cause == f"monitor-silent:M-cyber-flags:{iso(last)}"
    # a gap that has since closed is found too: the monitor was blind for it
    gap = {s: [x for x in xs if not last < x.timestamp < last + dt.timedelta(days=2)]
           for s, xs in _quiet().items()}
    assert {f.cause for f in evaluate(Facts(case, policy, APPROVED, samples=gap), AT)} == {
        f"monitor-silent:M-cyber-flags:{iso(last)}", f"monitor-silent:M-bio-flags:{iso(last)}"}


def test_max_silence_sets_how_long_a_monitor_may_go_without_a_reading(case: Case, policy) -> None:  # type: ignore[no-untyped-def]
    assert case.post_deployment is not None
    pd = case.post_deployment
    monitors = {mid: m.model_copy(update={"max_silence": "3d"}) for mid, m in pd.monitors.items()}
    patient = case.model_copy(update={"post_deployment": pd.model_copy(update={"monitors": monitors})})
    assert evaluate(Facts(patient, policy, APPROVED), APPROVED + dt.timedelta(days=3)) == []
    (f, _) = evaluate(Facts(patient, policy, APPROVED), APPROVED + dt.timedelta(days=3, seconds=1))
    assert f.event == "monitor-silent" and "longer than its 3d allows" in f.reason


def test_padding_a_breaching_reading_does_not_hide_it(case: Case, policy) -> None:  # type: ignore[no-untyped-def]
    """A real reading of 0.02 (threshold 0.005) with nine readings of 0.0 ingested in the minutes
    before it: the mean of the window is 0.002, and the trigger still fires on the 0.02."""
    t = APPROVED + dt.timedelta(days=2)
    samples = _quiet()
    cyber = samples["cyber-classifier-flag-rate"]
    cyber += [Sample(t - dt.timedelta(minutes=i), "cyber-classifier-flag-rate", 0.0, "atlas-2-api")
              for i in range(1, 10)]
    cyber += [Sample(t, "cyber-classifier-flag-rate", 0.02, "atlas-2-api")]
    cyber.sort()
    (f,) = evaluate(Facts(case, policy, APPROVED, samples=samples), AT)
    assert (f.trigger, f.event, f.action) == ("T-cyber-flags", "monitor", "reopen")
    assert f.details["value"] == 0.02 and f.cause == f"monitor:M-cyber-flags:{iso(t)}"
