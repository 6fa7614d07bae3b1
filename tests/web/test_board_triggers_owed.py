"""The public board after an incident the lab recorded without running the triggers (`incident
report --no-triggers`): `verify --db` refused the deploy (the case's own T-cyber-incident fires),
but `state show` and the board's pages, "the same check as `casegate verify`", read only the
registry's state and said the case deployable (here a demonstration, everything else verified),
the incident unanswered. They now hold the answer to the triggers the case owes, as `verify --db`
does; the public page names the kind of cause, not the incident's confidential description."""

from __future__ import annotations

import datetime as dt
import json

import time_machine

from casegate.monitor import TRIGGERS_OWED_CAUSE, incident_from_fields, report_incident
from casegate.store import open_registry
from tests.verify.trusted import STORY_VERIFIED, cli_split, log_clock

from .conftest import BoardFixture, approve
from .test_state_first import _lead, _publish

CASE = "atlas-2-api"
SECRET = "CANARY-hospital-network-detail"


def _incident(severity: str) -> None:
    with open_registry_rw() as reg, log_clock(dt.datetime(2026, 11, 30, 13, tzinfo=dt.UTC)):
        report_incident(reg, incident_from_fields(
            case=CASE, date="2026-11-30", deployer="Acme API customer", developer="Acme Labs",
            harmed=["a hospital network"], description=f"Ransomware built with the tool ({SECRET})",
            severity=severity, domain="cyber", not_reportable="reported to the authorities separately"))


_DB: list[str] = []


def open_registry_rw():  # type: ignore[no-untyped-def]
    return open_registry(_DB[-1])


def _pages(board: BoardFixture) -> tuple[str, str, str]:
    with time_machine.travel(STORY_VERIFIED, tick=False):  # within the monitors' 24 hours of the approval
        return (_lead(board.client.get(f"/public/cases/{CASE}").text), board.client.get("/public").text,
                _lead(board.client.get(f"/cases/{CASE}", headers=board.auth("rso")).text))


def _label(page: str) -> str:
    import re

    m = re.search(r'id="state-label">([^<]*)<', page)
    assert m, page[:2000]
    return m.group(1)


def _show(board: BoardFixture) -> dict[str, object]:
    with time_machine.travel(STORY_VERIFIED, tick=False):
        rc, out, err = cli_split(board.case_dir, "state", "show", CASE, "--db", board.database_url, "--keyring",
                                 "keys/keyring.yaml", "--json")
    assert rc == 0, out + err
    return json.loads(out)["now"]  # type: ignore[no-any-return]


def test_the_board_and_state_show_hold_the_deploy_to_an_incident_no_trigger_run_applied(board: BoardFixture) -> None:
    _DB.append(board.database_url)
    approve(board)
    _publish(board)
    public, listing, _internal = _pages(board)
    assert _label(public).startswith("NOT VERIFIED (DEMONSTRATION") and "DEMONSTRATION: GO WITH CONDITIONS" in listing
    _incident("high")
    public, listing, internal = _pages(board)
    assert _label(public) == "NOT VERIFIED" and TRIGGERS_OWED_CAUSE.replace("'", "&#39;") in public, public
    assert SECRET not in public and SECRET not in listing
    assert "DEMONSTRATION: GO WITH CONDITIONS" not in listing, listing
    assert "trigger T-cyber-incident of case atlas-2-api" in internal, internal
    now = _show(board)
    assert now["deployable"] is False and now["demonstration"] is None, now
    assert any("trigger T-cyber-incident of case atlas-2-api" in str(r) for r in now["reasons"]), now  # type: ignore[union-attr]


def test_an_incident_no_trigger_fires_on_leaves_the_board_as_it_was(board: BoardFixture) -> None:
    """Control: a moderate cyber incident fires nothing (T-cyber-incident is from high)."""
    _DB.append(board.database_url)
    approve(board)
    _publish(board)
    _incident("moderate")
    public, listing, _internal = _pages(board)
    assert _label(public).startswith("NOT VERIFIED (DEMONSTRATION") and TRIGGERS_OWED_CAUSE.replace("'", "&#39;") not in public, public
    assert _show(board)["demonstration"] == "GO WITH CONDITIONS for api"
