"""Adding a domain to an incident on the board, as `casegate incident add-domain` does: reviewers
only (the roles the keyring confirms), never removing one, and the case's triggers run at once,
reading the incident in every domain it is in."""

from __future__ import annotations

import datetime as dt

from casegate.store import open_registry
from tests.verify.trusted import DEMO_EXIT

from .conftest import BoardFixture, approve, verify
from .test_incident_api import CASE, INCIDENT, _token


def _added(board: BoardFixture) -> list[dict[str, object]]:
    with open_registry(board.database_url) as reg:
        return [e.payload for e in reg.events(case_id=CASE, kind="incident-domain")]


def test_a_cyber_incident_filed_under_persuasion_stops_the_deploy_once_a_reviewer_adds_cyber(
        board: BoardFixture) -> None:
    """The lab files its ransomware incident, high, under persuasion: the case's T-cyber-incident
    stays quiet and the signed GO verifies. A reviewer adds cyber on the board: the trigger fires
    at once, and the board's timeline reads the incident in both domains."""
    from casegate.monitor import incident_from_fields, report_incident
    from casegate.web._views import timeline_events
    from tests.verify.trusted import log_clock

    bundle = approve(board)
    with log_clock(dt.datetime(2026, 11, 30, 13, tzinfo=dt.UTC)):
        with open_registry(board.database_url) as reg:  # the lab's own filing, triggers left to run later
            index = report_incident(reg, incident_from_fields(
                case=CASE, date="2026-11-30", deployer="Acme", developer="Acme", harmed=["a hospital network"],
                description="Ransomware crew used the API to build an exploit.", severity="high",
                domain="persuasion", not_reportable="reported to the authorities separately")).index
        v = verify(board, bundle)
        assert v.returncode == DEMO_EXIT, v.stdout + v.stderr
        url = f"/api/v1/cases/{CASE}/incidents/{index}/domains"
        body = {"domain": "cyber", "reason": "the crew built ransomware with it"}
        # viewers and authors may not; nothing is logged
        assert board.client.post(url, json=body, headers=_token(board, "Vic Viewer", ["viewer"])).status_code == 403
        assert board.client.post(url, json=body, headers=board.auth("author")).status_code == 403
        assert _added(board) == []
        r = board.client.post(url, json=body, headers=board.auth("external"))
        assert r.status_code == 201, r.text
    [added] = _added(board)
    assert added["by"] == "Priya Natarajan" and added["from"] == ["persuasion"] and added["domain"] == "cyber", added
    with open_registry(board.database_url) as reg:
        fired = {(e.payload["trigger"], e.payload["cause"]) for e in reg.events(case_id=CASE, kind="trigger-fired")}
        assert ("T-cyber-incident", f"incident:{index}") in fired, fired
        assert str(reg.case_state(CASE)) in ("reopened", "withdrawn")
        shown = [t for t in timeline_events(reg.events(case_id=CASE)) if t.kind == "incident"]
    assert [t.label for t in shown] == ["high incident in persuasion, cyber added"], shown


def test_a_domain_the_incident_is_in_is_refused(board: BoardFixture) -> None:
    r = board.client.post(f"/api/v1/cases/{CASE}/incidents", json=INCIDENT, headers=board.auth("rso"))  # cyber
    assert r.status_code == 201, r.text
    url = f"/api/v1/cases/{CASE}/incidents/{r.json()['index']}/domains"
    r = board.client.post(url, json={"domain": "cyber", "reason": "on reflection"}, headers=board.auth("rso"))
    assert r.status_code == 400 and "is in domain cyber already" in r.json()["detail"], r.text
    r = board.client.post(url, json={"domain": "weather", "reason": "on reflection"}, headers=board.auth("rso"))
    assert r.status_code == 400 and "is not a risk domain of case" in r.json()["detail"], r.text
    r = board.client.post(f"/api/v1/cases/{CASE}/incidents/999999/domains",
                          json={"domain": "cbrn", "reason": "a lab was hit"}, headers=board.auth("rso"))
    assert r.status_code == 400 and "no incident #999999" in r.json()["detail"], r.text
    assert _added(board) == []
