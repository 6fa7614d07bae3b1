"""An incident reported on the board goes through the same pipeline as `casegate incident
report`: its domain is checked against the case, it records the claims it defeats and the
regime reports it owes; only reviewers may report one."""

from __future__ import annotations

from casegate.store import open_registry
from tests.verify.trusted import DEMO_EXIT

from .conftest import BoardFixture

CASE = "atlas-2-api"
INCIDENT = {"date": "2026-12-01", "description": "Ransomware crew used the API to build an exploit.",
            "severity": "high", "domain": "cyber", "deployer": "Acme", "developer": "Acme",
            "harmed": ["a hospital network"]}


def _token(board: BoardFixture, person: str, roles: list[str]) -> dict[str, str]:
    from casegate.web import TokenStore

    return {"Authorization": "Bearer " + TokenStore(board.case_dir.parent / "tokens.json").create(person, roles)[1]}


def test_viewers_and_authors_may_not_report_incidents(board: BoardFixture) -> None:
    url = f"/api/v1/cases/{CASE}/incidents"
    assert board.client.post(url, json=INCIDENT, headers=_token(board, "Vic Viewer", ["viewer"])).status_code == 403
    assert board.client.post(url, json=INCIDENT, headers=board.auth("author")).status_code == 403
    reg = open_registry(board.database_url)
    assert reg.events(case_id=CASE, kind="incident") == []
    reg.close()


def test_an_incident_is_recorded_with_the_claims_it_defeats_and_the_reports_it_owes(board: BoardFixture) -> None:
    r = board.client.post(f"/api/v1/cases/{CASE}/incidents", json=INCIDENT, headers=board.auth("rso"))
    assert r.status_code == 201, r.text
    reg = open_registry(board.database_url)
    [e] = reg.events(case_id=CASE, kind="incident")
    reg.close()
    p = e.payload
    assert p["reported_by"] == "Sam Whitfield" and p["case"] == CASE
    assert p["defeats"]["version"] == 1 and p["defeats"]["claims"], p
    assert p.get("regime_reports"), p  # the case is under regimes: an unclassified incident owes reports


def test_an_incident_in_a_domain_the_case_does_not_know_is_refused(board: BoardFixture) -> None:
    r = board.client.post(f"/api/v1/cases/{CASE}/incidents", json=INCIDENT | {"domain": "weather"},
                          headers=board.auth("rso"))
    assert r.status_code == 400 and "not a risk domain" in r.json()["detail"], r.text
    r = board.client.post(f"/api/v1/cases/{CASE}/incidents", json=INCIDENT | {"classes": ["nope:nothing"]},
                          headers=board.auth("rso"))
    assert r.status_code == 400, r.text
    reg = open_registry(board.database_url)
    assert reg.events(case_id=CASE, kind="incident") == []
    reg.close()


def test_an_incident_reported_on_the_board_stops_the_deploy_at_once(board: BoardFixture) -> None:
    """The lab keeps shipping after a reviewer reports, on the board, an incident the case's own
    trigger answers with a reopening (T-cyber-incident: cyber, high or worse). Recorded and left
    for a `triggers run` nobody makes, it changed nothing `verify` reads: the signed GO went on
    verifying. The board runs the case's triggers as it records the incident."""
    import datetime as dt

    from tests.verify.trusted import log_clock

    from .conftest import approve, verify

    bundle = approve(board)
    assert verify(board, bundle).returncode == DEMO_EXIT
    with log_clock(dt.datetime(2026, 11, 30, 13, tzinfo=dt.UTC)):  # after the approval, on the story's day
        r = board.client.post(f"/api/v1/cases/{CASE}/incidents", json=INCIDENT | {"date": "2026-11-30"},
                              headers=board.auth("rso"))
    assert r.status_code == 201, r.text
    reg = open_registry(board.database_url)
    try:
        fired = {(e.payload["trigger"], e.payload["cause"], e.payload["action"])
                 for e in reg.events(case_id=CASE, kind="trigger-fired")}
        assert ("T-cyber-incident", f"incident:{r.json()['index']}", "reopen") in fired, fired
        state = str(reg.case_state(CASE))
        assert state in ("reopened", "withdrawn"), state
    finally:
        reg.close()
    after = verify(board, bundle)
    assert after.returncode == 1, after.stdout + after.stderr
    assert f"is {state}: a signed GO no longer verifies" in after.stderr, after.stderr
