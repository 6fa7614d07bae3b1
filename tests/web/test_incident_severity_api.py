"""Raising an incident's severity on the board, as `casegate incident rate` does: reviewers only
(the roles the keyring confirms), never lowering, and the case's triggers run at once, reading the
incident at its raised severity."""

from __future__ import annotations

import datetime as dt

from casegate.store import open_registry
from tests.verify.trusted import DEMO_EXIT

from .conftest import BoardFixture, approve, verify
from .test_incident_api import CASE, INCIDENT, _token


def _rated(board: BoardFixture) -> list[dict[str, object]]:
    with open_registry(board.database_url) as reg:
        return [e.payload for e in reg.events(case_id=CASE, kind="incident-severity")]


def test_a_low_incident_raised_on_the_board_stops_the_deploy(board: BoardFixture) -> None:
    """The lab reports its incident low: the case's T-cyber-incident (high and above: reopen) stays
    quiet and the signed GO verifies. A reviewer raises it on the board: the trigger fires at once."""
    from casegate.monitor import incident_from_fields, report_incident
    from tests.verify.trusted import log_clock

    bundle = approve(board)
    with log_clock(dt.datetime(2026, 11, 30, 13, tzinfo=dt.UTC)):
        with open_registry(board.database_url) as reg:  # the lab's own filing, triggers left to run later
            index = report_incident(reg, incident_from_fields(
                case=CASE, date="2026-11-30", deployer="Acme", developer="Acme", harmed=["a hospital network"],
                description="Ransomware crew used the API to build an exploit.", severity="low", domain="cyber",
                not_reportable="reported to the authorities separately")).index
        v = verify(board, bundle)
        assert v.returncode == DEMO_EXIT, v.stdout + v.stderr
        url = f"/api/v1/cases/{CASE}/incidents/{index}/severity"
        # viewers and authors may not; nothing is logged
        assert board.client.post(url, json={"severity": "high", "reason": "a hospital was hit"},
                                 headers=_token(board, "Vic Viewer", ["viewer"])).status_code == 403
        assert board.client.post(url, json={"severity": "high", "reason": "a hospital was hit"},
                                 headers=board.auth("author")).status_code == 403
        assert _rated(board) == []
        # "low" is no raise at all, and no severity is not one
        assert board.client.post(url, json={"severity": "low", "reason": "on reflection"},
                                 headers=board.auth("rso")).status_code == 422
        r = board.client.post(url, json={"severity": "high", "reason": "a hospital was hit"}, headers=board.auth("external"))
        assert r.status_code == 201, r.text
    [rating] = _rated(board)
    assert rating["by"] == "Priya Natarajan" and rating["from"] == "low" and rating["severity"] == "high", rating
    with open_registry(board.database_url) as reg:
        fired = {(e.payload["trigger"], e.payload["cause"]) for e in reg.events(case_id=CASE, kind="trigger-fired")}
        assert ("T-cyber-incident", f"incident:{index}") in fired, fired
        assert str(reg.case_state(CASE)) in ("reopened", "withdrawn")


def test_a_rating_at_or_below_the_current_severity_is_refused(board: BoardFixture) -> None:
    r = board.client.post(f"/api/v1/cases/{CASE}/incidents", json=INCIDENT, headers=board.auth("rso"))  # high
    assert r.status_code == 201, r.text
    url = f"/api/v1/cases/{CASE}/incidents/{r.json()['index']}/severity"
    for level in ("moderate", "high"):
        r = board.client.post(url, json={"severity": level, "reason": "on reflection"}, headers=board.auth("rso"))
        assert r.status_code == 400 and "a rating only raises it" in r.json()["detail"], r.text
    r = board.client.post(f"/api/v1/cases/{CASE}/incidents/999999/severity",
                          json={"severity": "severe", "reason": "a hospital was hit"}, headers=board.auth("rso"))
    assert r.status_code == 400 and "no incident #999999" in r.json()["detail"], r.text
    assert _rated(board) == []
