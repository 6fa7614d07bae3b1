"""An incident reported on the board as not reportable with no reason (`N/A`): it would owe none
of the provisional regime reports an unclassified incident owes. Refused, as with `casegate
incident report` (tests/regime/test_incident_no_reason.py)."""

from __future__ import annotations

import datetime as dt

from casegate.store import open_registry
from tests.verify.trusted import log_clock

from .conftest import BoardFixture

CASE = "atlas-2-api"
INCIDENT = {"description": "A test account reached the model's code tool.", "severity": "low",
            "domain": "cyber", "deployer": "Acme", "developer": "Acme", "harmed": ["nobody"],
            "date": "2026-11-30"}


def test_an_incident_not_reportable_for_no_reason_is_refused_on_the_board(board: BoardFixture) -> None:
    with log_clock(dt.datetime(2026, 11, 30, 13, tzinfo=dt.UTC)):
        r = board.client.post(f"/api/v1/cases/{CASE}/incidents", json=INCIDENT | {"not_reportable": "N/A"},
                              headers=board.auth("rso"))
        assert r.status_code == 400 and "--not-reportable" in r.json()["detail"], r.text
        with open_registry(board.database_url) as reg:
            assert reg.events(case_id=CASE, kind="incident") == []
        r = board.client.post(f"/api/v1/cases/{CASE}/incidents",
                              json=INCIDENT | {"not_reportable": "our own red team's test account; no user involved"},
                              headers=board.auth("rso"))
        assert r.status_code == 201, r.text
