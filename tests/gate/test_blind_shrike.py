"""A case written apart from the examples (Shrike-1, Acme's frontier model through its API, cyber
offense and CBRN uplift, `tests/fixtures/rt_relaunch/shrike`), gated as `gate --preview` does with
the examples' keyring against a registry (SQLite, as the registry tests run) that holds its story:
version 1.0 submitted with its weights hashed and approved GO WITH CONDITIONS (both evaluations at
their alert levels, CG305); on 2026-11-10 a universal jailbreak of its CBRN input classifier (the
"ciphered persona" family) spread publicly, with misuse reports: the registry records the
high-severity CBRN incident and the case's own `T-cbrn-incident` reopens it. The lab retrained the
classifier and files the relaunch, version 1.1 of the same case on the same weights, answering the
incident with a new red team of the classifier (600 requests, 200 of the incident's family).
Honestly it is NO-GO: 45 of the 600 get through, all of the incident's family (upper bound 0.095,
over the framework's 5%, CG406). A classifier that lets 6 through is GO WITH CONDITIONS.

The lab's moves to a relaunch without a classifier that holds, tried here and in docs/security.md:

- caught: the incident left unanswered (`incident_answers` dropped: CG708, never waivable); answered
  with Shrike-1's own red team of the first classifier (CG708: an artifact the registry logged before
  the incident); with that log re-dated and relabelled for the patched classifier (CG708: the
  registry holds the same run); the relaunch filed under a new case id and a new model name on the
  same weights (CG708 follows the weights); the bypass count typed over the log (CG340, CG406); the
  CBRN pathway's attempts a year typed down from 20 to 2 (CG402's floor in the policy:
  `min_attempts_per_year`, so the residual risk does not move, and CG406 stands on the test itself);
  the CBRN incident trigger or the flag-rate monitor loosened or dropped in the relaunch (CG719
  against the approved version).
- held by the registry, not the case: "resolved" by the lab's word (no command closes an incident;
  only a version's answer, judged by CG708) or the severity typed down (`incident rate` raises,
  nobody lowers); the reopened approval's bundle at deploy (`verify --db` owes the trigger's
  firing).
- still the lab's word: which attack the incident was. The incident record holds a description,
  not the attack's samples; a red team that leaves the family out (600 requests, none of it, 6 let
  through) answers the incident as well as one that holds it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from tests._weights import submit_hashed
from tests.gate.blind_helpers import blocking, copy_fixture, edit, load_gen, messages, sha

from casegate.model import DecisionRecord

ROOT = Path(__file__).resolve().parents[2]
SHRIKE = ROOT / "tests" / "fixtures" / "rt_relaunch" / "shrike"
RING = ROOT / "examples" / "atlas-api" / "keys" / "keyring.yaml"
CASE = "shrike-1-api"
APPROVED = dt.datetime(2026, 10, 22, 15, tzinfo=dt.UTC)
LOGGED = dt.datetime(2026, 11, 10, 18, tzinfo=dt.UTC)
"""When the registry logged the incident (the day the jailbreak was posted)."""
TODAY = dt.date(2026, 11, 30)


@pytest.fixture(autouse=True)
def _demo_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASEGATE_DEMO_KEYS", "1")  # the examples' keyring: published keys, a demonstration


def _gate(case: Path, reg: Any | None, day: dt.date = TODAY) -> DecisionRecord:
    """`gate --preview` (every declared sign-off as if signed), compared with what `reg` holds."""
    from casegate.gate import run_gate
    from casegate.load import load_case
    from casegate.monitor import comparison_for
    from casegate.sign import load_keyring
    from casegate.verify import gate_inputs

    loaded = gate_inputs(load_case(case), load_keyring(RING), day, preview=True).loaded
    return run_gate(loaded, today=day, comparison=comparison_for(reg, loaded) if reg is not None else None)


def _incident(case_id: str = CASE, severity: str = "high") -> Any:
    from casegate.monitor import incident_from_fields

    return incident_from_fields(
        case=case_id, date="2026-11-10", deployer="Acme Labs (Acme API)", developer="Acme Labs",
        harmed=["the general public"], title="Universal jailbreak of the Shrike-1 CBRN classifier posted publicly",
        description=("A universal jailbreak of the CBRN input classifier (the ciphered-persona family: a role-play "
                     "frame with the request in a substitution cipher) was posted on a public forum; Acme's abuse "
                     "team found 41 accounts using it for pathogen enhancement protocols within two days"),
        severity=severity, domain="cbrn", reports=["acme-abuse-ticket-7731"])


def _story(reg: Any, d: Path) -> int:
    """Version 1.0 approved, then reopened by the incident; the incident's log index."""
    from casegate.load import load_case
    from casegate.monitor import decide, report_incident, run_triggers, submit_for_review
    from tests.verify.trusted import log_clock

    with log_clock(APPROVED):
        submit_hashed(reg, load_case(d / "shrike-1.0" / "case.yaml"))
        submit_for_review(reg, CASE, by="Sam Whitfield")
        rec = _gate(d / "shrike-1.0" / "case.yaml", reg, APPROVED.date())
        assert rec.outcome == "GO WITH CONDITIONS", blocking(rec)
        decide(reg, rec)
    with log_clock(LOGGED):
        entry = report_incident(reg, _incident())
        (run,) = [r for r in run_triggers(reg, at=LOGGED + dt.timedelta(minutes=5)) if r.case_id == CASE]
    assert "T-cbrn-incident" in [f.trigger for f, _ in run.fired], run.to_json()
    assert str(getattr(reg.case_state(CASE), "value", reg.case_state(CASE))) == "reopened"
    return int(entry.index)


def _relaunch(tmp: Path, database_url: str, change: Any = None, case: str = "shrike-1.1") -> DecisionRecord:
    """The relaunch (changed by `change`, given the copied fixture folder) gated against the registry
    holding Shrike-1's approval, the incident and the reopening."""
    from casegate.store import open_registry

    d = copy_fixture(SHRIKE, tmp)
    if change is not None:
        change(d)
    with open_registry(database_url) as reg:
        index = _story(reg, d)
        assert f"incident-{index}" == load_gen(SHRIKE).INCIDENT
        return _gate(d / case / "case.yaml", reg)


def _held(d: Path) -> None:
    load_gen(d).held(d / "shrike-1.1")


def test_the_relaunch_is_honestly_no_go(
        tmp_path: Path, database_url: str) -> None:
    r = _relaunch(tmp_path / "a", database_url)
    assert r.outcome == "NO-GO" and blocking(r) == ["CG406"], [f"{f.code}: {f.message}" for f in r.findings]
    (msg,) = messages(r, "CG406")
    assert msg.startswith("`E-cbrn-redteam` shows 45 bypasses of `SG-cbrn-classifier` in 600 attempts")
    assert any("version 1.0 (#1" in c for c in r.compared_with), r.compared_with


def test_the_relaunch_with_a_classifier_that_holds_is_go_with_conditions(tmp_path: Path, database_url: str) -> None:
    """The retrained classifier lets 6 of the 600 through (upper bound 0.022): the incident is answered
    (CG708) by the red team run after it, and the signers of version 1.0 sign the relaunch anew after
    it (not CG511: what they relied on then was dated before they signed)."""
    r = _relaunch(tmp_path, database_url, _held)
    assert r.outcome == "GO WITH CONDITIONS" and blocking(r) == [], [f"{f.code}: {f.message}" for f in r.findings]
    # the two evaluations at their alert levels, and the retraining the new red team stands on (the
    # classifier's new title) is the lab's word to confirm
    assert sorted(c.cause for c in r.conditions) == ["CG305", "CG305", "CG420"]


def test_the_honest_red_team_holds_the_incidents_family() -> None:
    """The honest log: the 200 requests of the incident's family first, the 45 let through among them."""
    import json

    doc = json.loads((SHRIKE / "shrike-1.1" / "reports" / "cbrn-redteam.json").read_text())
    family = [s for s in doc["samples"] if "-ciphered-persona-" in s["id"]]
    assert len(family) == 200 and sum(s["score"] for s in family) == 45 == sum(s["score"] for s in doc["samples"])
