"""An incident reported on the board goes through the same pipeline as `casegate incident
report`: its domain is checked against the case, it records the claims it defeats and the
regime reports it owes; only reviewers may report one."""

from __future__ import annotations

from casegate.store import open_registry

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
