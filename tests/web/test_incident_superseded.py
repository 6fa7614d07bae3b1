"""An incident reported against a superseded case. A superseded case runs no triggers, so an
incident recorded against it changed nothing, while the case that replaced it (the same weights,
under a new id) went on deploying: the lab names a replacement, and whatever reviewers report under
the id they know is inert. The report is now refused, naming the case deployed in its place."""

from __future__ import annotations

import shutil

from casegate.store import open_registry

from .conftest import BoardFixture

CASE = "atlas-2-api"
EU = "atlas-2-api-eu"
INCIDENT = {"date": "2026-12-01", "description": "Ransomware crew used the API to build an exploit.",
            "severity": "high", "domain": "cyber", "deployer": "Acme", "developer": "Acme",
            "harmed": ["a hospital network"]}


def test_an_incident_against_a_superseded_case_is_refused_naming_its_replacement(board: BoardFixture) -> None:
    from casegate.load import load_case
    from casegate.monitor import supersede

    eu = board.case_dir.parent / "eu"
    shutil.copytree(board.case_dir, eu)
    text = (eu / "case.yaml").read_text()
    (eu / "case.yaml").write_text(text.replace(f"id: {CASE}\n", f"id: {EU}\n"))
    with open_registry(board.database_url) as reg:
        reg.submit_case(load_case(eu / "case.yaml"))
        supersede(reg, CASE, by_case=EU, reason="the EU filing replaces it")
    r = board.client.post(f"/api/v1/cases/{CASE}/incidents", json=INCIDENT, headers=board.auth("rso"))
    assert r.status_code == 400, r.text
    assert f"case {CASE} is superseded by {EU}" in r.json()["detail"], r.text
    with open_registry(board.database_url) as reg:
        assert reg.events(case_id=CASE, kind="incident") == []
    # against the case deployed in its place it is recorded
    r = board.client.post(f"/api/v1/cases/{EU}/incidents", json=INCIDENT, headers=board.auth("rso"))
    assert r.status_code == 201, r.text
