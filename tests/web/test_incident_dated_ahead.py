"""An incident dated after it was reported. Triggers count an incident from its date, so one
reported on the board (or with `casegate incident report`) dated next year changed nothing until
then: the case's own trigger did not fire, the case stayed approved and the signed GO went on
verifying (`--db` too, which evaluates the triggers owed). An incident cannot have happened after
it was reported: such a date is refused, and one already logged counts from when the log recorded
it."""

from __future__ import annotations

import datetime as dt

from casegate.store import open_registry
from tests.verify.trusted import DEMO_EXIT, log_clock

from .conftest import BoardFixture, approve, verify

CASE = "atlas-2-api"
INCIDENT = {"description": "Ransomware crew used the API to build an exploit.", "severity": "high",
            "domain": "cyber", "deployer": "Acme", "developer": "Acme", "harmed": ["a hospital network"]}


def test_an_incident_dated_ahead_is_refused_on_the_board(board: BoardFixture) -> None:
    bundle = approve(board)
    with log_clock(dt.datetime(2026, 11, 30, 13, tzinfo=dt.UTC)):
        r = board.client.post(f"/api/v1/cases/{CASE}/incidents", json=INCIDENT | {"date": "2027-11-30"},
                              headers=board.auth("rso"))
    assert r.status_code == 400 and "after it was reported" in r.json()["detail"], r.text
    with open_registry(board.database_url) as reg:
        assert reg.events(case_id=CASE, kind="incident") == []
    assert verify(board, bundle).returncode == DEMO_EXIT


def test_an_incident_logged_with_a_date_ahead_counts_from_when_it_was_logged(board: BoardFixture) -> None:
    """The same incident written to the log by another writer (an older casegate, the library):
    the trigger fires as of the log's time, and verify --db refuses."""
    bundle = approve(board)
    with open_registry(board.database_url) as reg, log_clock(dt.datetime(2026, 11, 30, 13, tzinfo=dt.UTC)):
        reg.record("incident", CASE, INCIDENT | {"case": CASE, "date": "2027-11-30", "incident_version": 1,
                                                 "reported_by": "Sam Whitfield"})
    after = verify(board, bundle)
    assert after.returncode == 1, after.stdout + after.stderr
    assert "T-cyber-incident" in after.stderr, after.stderr


def test_an_incident_known_only_ahead_is_refused(board: BoardFixture) -> None:
    """The regimes' reporting deadlines count from when the incident became known (`known`): one
    said to become known a year after it was reported owed no report for a year, and the
    report-overdue trigger stayed quiet."""
    with log_clock(dt.datetime(2026, 11, 30, 13, tzinfo=dt.UTC)):
        r = board.client.post(f"/api/v1/cases/{CASE}/incidents",
                              json=INCIDENT | {"date": "2026-11-30", "known": "2027-11-30T00:00:00Z"},
                              headers=board.auth("rso"))
        assert r.status_code == 400 and "after it was reported" in r.json()["detail"], r.text
        r = board.client.post(f"/api/v1/cases/{CASE}/incidents",
                              json=INCIDENT | {"date": "2026-11-30", "known": "2026-11-30T09:00:00Z"},
                              headers=board.auth("rso"))
        assert r.status_code == 201, r.text
    with open_registry(board.database_url) as reg:
        [e] = reg.events(case_id=CASE, kind="incident")
    assert all(x["known"].startswith("2026-11-30T09:00") for x in e.payload["regime_reports"]), e.payload
