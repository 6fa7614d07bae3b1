"""CG709 incident-trigger-cannot-fire and CG719 post-deployment-weakened on incident triggers: the lab
raises `min_severity` so that no incident the deployment will meet reaches the case: above the worst
pathway of the domain, or to catastrophic only where the domain has severe pathways (on a first
version), or above what the version compared with had (against it)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest

from casegate.load import load_case
from casegate.model import BoundaryKind, Case, Policy, RuleSeverity, Severity

from ._cases import context, hits, severity

ATLAS = Path(__file__).resolve().parents[2] / "examples" / "atlas-api" / "case.yaml"


@cache
def _atlas() -> tuple[Case, Policy]:
    loaded = load_case(ATLAS)
    assert loaded.case is not None and loaded.policy is not None
    return loaded.case, loaded.policy


def _triggers(c: Case, **edits: dict[str, Any]) -> Case:
    """`c` with each named trigger edited (None as the edit removes it)."""
    pd = c.post_deployment
    assert pd is not None
    got = dict(pd.triggers)
    for tid, kw in edits.items():
        if kw is None:
            del got[tid]
        elif tid in got:
            got[tid] = got[tid].model_copy(update=kw)
        else:
            got[tid] = type(next(iter(got.values()))).model_validate(kw)
    return c.model_copy(update={"post_deployment": pd.model_copy(update={"triggers": got})})


def _hits(code: str, c: Case, previous: Case | None = None) -> list[Any]:
    return hits(code, context(c, pol=_atlas()[1], previous=previous))


CAT = {"min_severity": Severity.catastrophic}


def test_the_example_fires_on_what_it_argues() -> None:
    assert _hits("CG709", _atlas()[0]) == []


def test_the_red_teams_edit_is_refused_on_a_first_version() -> None:
    c = _triggers(_atlas()[0], **{"T-cyber-incident": CAT, "T-bio-incident": CAT})
    got = {h.path: h for h in _hits("CG709", c)}
    assert set(got) == {("post_deployment", "triggers", "T-cyber-incident", "min_severity"),
                        ("post_deployment", "triggers", "T-bio-incident", "min_severity")}
    cyber = got[("post_deployment", "triggers", "T-cyber-incident", "min_severity")]
    assert cyber.message == ("incident trigger `T-cyber-incident`: it fires only on incidents rated catastrophic, and the "
                             "worst harm the threat model names for `cyber` is severe (pathway `cyber-ransomware`): it "
                             "can never fire on a harm the case argues about")
    bio = got[("post_deployment", "triggers", "T-bio-incident", "min_severity")].message
    assert "every incident trigger covering `cbrn` (`T-bio-incident`) waits for a catastrophic incident" in bio
    assert "`bio-known-agent`" in bio
    assert severity("CG709", cyber) is RuleSeverity.blocking


def test_a_floor_at_the_worst_pathway_or_a_sooner_trigger_beside_it_passes() -> None:
    c = _triggers(_atlas()[0], **{"T-cyber-incident": {"min_severity": Severity.severe}})
    assert _hits("CG709", c) == []
    # the withdrawal waits for a catastrophe, a reopening fires on high incidents already
    c = _triggers(_atlas()[0], **{"T-bio-incident": CAT,
                                  "T-bio-reopen": {"on": "incident", "domain": "cbrn", "min_severity": "high",
                                                   "action": "reopen"}})
    assert _hits("CG709", c) == []


def test_a_trigger_above_its_domain_blocks_even_beside_a_sooner_one() -> None:
    c = _triggers(_atlas()[0], **{"T-cyber-late": {"on": "incident", "domain": "cyber", "min_severity": "catastrophic",
                                                   "action": "withdraw"}})
    (h,) = _hits("CG709", c)
    assert h.path[2] == "T-cyber-late" and "can never fire" in h.message


def test_a_trigger_for_every_domain_is_weighed_against_each() -> None:
    c = _triggers(_atlas()[0], **{"T-cyber-incident": None, "T-bio-incident": None,
                                  "T-any": {"on": "incident", "min_severity": "catastrophic", "action": "reopen"}})
    (h,) = _hits("CG709", c)
    assert h.path[2] == "T-any" and "waits for a catastrophic incident" in h.message
    c = _triggers(c, **{"T-any": {"min_severity": Severity.high}})
    assert _hits("CG709", c) == []


# --------------------------------------------------------------------------- CG719 on triggers


@pytest.mark.parametrize(("edit", "field", "how"), [
    ({"min_severity": Severity.catastrophic}, "min_severity",
     "it fires only on incidents rated catastrophic, where it fired on incidents rated high or worse"),
    ({"min_severity": Severity.severe}, "min_severity",
     "it fires only on incidents rated severe or worse, where it fired on incidents rated high or worse"),
    ({"domain": "cbrn"}, "domain", "it fires for cbrn only, where it fired for cyber"),
])
def test_a_trigger_loosened_since_the_version_compared_with_blocks(edit: dict[str, Any], field: str, how: str) -> None:
    prev = _atlas()[0]
    (h,) = _hits("CG719", _triggers(prev, **{"T-cyber-incident": edit}), previous=prev)
    assert h.path == ("post_deployment", "triggers", "T-cyber-incident", field)
    assert h.message == f"trigger `T-cyber-incident` fires less readily than in the previous version: {how}"


def test_a_trigger_with_no_floor_given_one_and_a_wider_restriction_block() -> None:
    prev = _triggers(_atlas()[0], **{"T-cyber-incident": {"min_severity": None, "action": "restrict",
                                                          "to": BoundaryKind.trusted_access}})
    now = _triggers(prev, **{"T-cyber-incident": {"min_severity": Severity.moderate, "to": BoundaryKind.api}})
    msgs = sorted(h.message for h in _hits("CG719", now, previous=prev))
    assert msgs == [
        "trigger `T-cyber-incident` fires less readily than in the previous version: it fires only on incidents rated "
        "moderate or worse, where it fired on incidents rated any severity",
        "trigger `T-cyber-incident` fires less readily than in the previous version: it would restrict to api where it "
        "restricted to trusted-access",
    ]


def test_a_trigger_tightened_is_no_finding() -> None:
    prev = _atlas()[0]
    now = _triggers(prev, **{"T-cyber-incident": {"min_severity": Severity.moderate, "action": "withdraw"}})
    assert _hits("CG719", now, previous=prev) == []


def test_a_renamed_trigger_raised_is_followed() -> None:
    prev = _atlas()[0]
    t = prev.post_deployment.triggers["T-cyber-incident"] if prev.post_deployment else None
    assert t is not None
    now = _triggers(prev, **{"T-cyber-incident": None,
                             "T-cyber": t.model_copy(update=CAT).model_dump(mode="json", exclude_none=True)})
    (h,) = _hits("CG719", now, previous=prev)
    assert h.message.startswith("trigger `T-cyber` fires less readily than `T-cyber-incident` in the previous version")


def test_a_monitor_restricting_to_a_wider_boundary_blocks() -> None:
    prev = _atlas()[0]
    pd = prev.post_deployment
    assert pd is not None and pd.monitors["M-bio-flags"].to is BoundaryKind.trusted_access
    m = pd.monitors["M-bio-flags"].model_copy(update={"to": BoundaryKind.api})
    now = prev.model_copy(update={"post_deployment": pd.model_copy(update={"monitors": {**pd.monitors, "M-bio-flags": m}})})
    (h,) = _hits("CG719", now, previous=prev)
    assert h.message == ("monitor `M-bio-flags` fires less readily than in the previous version: it would restrict to "
                         "api where it restricted to trusted-access")


# --------------------------------------------------------------------------- a domain left without one

WEIGHTS = "T-weights-incident"


def _severity(c: Case, pathway: str, sev: Severity) -> Case:
    """`c` with the pathway `pathway` rated `sev`."""
    tm = dict(c.threat_model)
    dom, threats = next((d, t) for d, t in tm.items() if pathway in t.pathways)
    p = threats.pathways[pathway].model_copy(update={"severity": sev})
    tm[dom] = threats.model_copy(update={"pathways": {**threats.pathways, pathway: p}})
    return c.model_copy(update={"threat_model": tm})


def test_leaving_out_the_trigger_of_a_severe_domain_blocks() -> None:
    """The lab drops the exfiltration incident trigger: no incident in that domain, however
    severe, would reach the case, and CG709 says so on a first version."""
    c = _triggers(_atlas()[0], **{WEIGHTS: None})
    (h,) = _hits("CG709", c)
    assert h.path == ("post_deployment", "triggers")
    assert h.message == ("no incident trigger covers `exfiltration`, which has a pathway rated severe (`weight-theft`): "
                         "no incident in it, however severe, reaches the case")
    assert h.help is not None and "domain: exfiltration" in h.help
    assert severity("CG709", h) is RuleSeverity.blocking


def test_a_trigger_for_another_domain_does_not_cover_it() -> None:
    """Renaming the trigger's domain to one the threat model does not name leaves the domain bare."""
    c = _triggers(_atlas()[0], **{WEIGHTS: {"domain": "exfil"}})
    (h,) = _hits("CG709", c)
    assert h.path == ("post_deployment", "triggers") and "`exfiltration`" in h.message


def test_every_domain_left_bare_is_named() -> None:
    c = _triggers(_atlas()[0], **{WEIGHTS: None, "T-cyber-incident": None, "T-bio-incident": None})
    got = sorted(h.message.split("`")[1] for h in _hits("CG709", c))
    assert got == ["cbrn", "cyber", "exfiltration"]


def test_a_trigger_for_every_domain_or_a_domain_short_of_severe_needs_none_of_its_own() -> None:
    c = _triggers(_atlas()[0], **{WEIGHTS: None,
                                  "T-any": {"on": "incident", "min_severity": "high", "action": "reopen"}})
    assert _hits("CG709", c) == []
    # weight theft rated high: below the severity at which the domain must have a trigger
    c = _severity(_triggers(_atlas()[0], **{WEIGHTS: None}), "weight-theft", Severity.high)
    assert _hits("CG709", c) == []


def test_a_catastrophe_only_trigger_for_the_domain_is_still_the_floor_finding() -> None:
    c = _triggers(_atlas()[0], **{WEIGHTS: CAT})
    (h,) = _hits("CG709", c)
    assert h.path == ("post_deployment", "triggers", WEIGHTS, "min_severity") and "can never fire" in h.message


def test_a_plan_with_no_triggers_is_left_to_cg702() -> None:
    c = _atlas()[0]
    assert c.post_deployment is not None
    bare = c.model_copy(update={"post_deployment": c.post_deployment.model_copy(update={"triggers": {}})})
    assert _hits("CG709", bare) == []
    assert _hits("CG702", bare) != []


def test_a_trigger_removed_since_the_version_compared_with_blocks() -> None:
    """The previous version had the exfiltration incident trigger; the next one leaves it out:
    CG719 names what is gone, and CG709 what the domain now lacks."""
    prev = _atlas()[0]
    now = _triggers(prev, **{WEIGHTS: None})
    (h,) = _hits("CG719", now, previous=prev)
    assert h.path == ("post_deployment", "triggers")
    assert h.message == f"trigger `{WEIGHTS}` (incident in exfiltration, reopen) of the previous version is gone"
    assert severity("CG719", h) is RuleSeverity.blocking
    assert [x.path for x in _hits("CG709", now, previous=prev)] == [("post_deployment", "triggers")]
