"""The lab, after its own incident reopened atlas-api, wants a new GO cheaply: it had reported the
incident dated back to mid-October ("it happened a while ago"), before the outside red team of its
classifiers (dated 2026-10-28, attested 2026-10-29), and answers the incident with that red team
alone. The gate took the attestation as made after the incident: GO WITH CONDITIONS with nothing
new. An answer now dates from when the registry logged the incident when that is later than its
date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from casegate.monitor import incident_from_fields, report_incident, run_triggers
from casegate.store import open_registry
from tests.verify.trusted import log_clock
from tests.web.conftest import approve, build_board

CASE = "atlas-2-api"
LOGGED = dt.datetime(2026, 11, 30, 13, tzinfo=dt.UTC)


def test_an_incident_dated_back_is_not_answered_by_what_the_lab_held_before_reporting_it(
        tmp_path: Path, database_url: str) -> None:
    from casegate.gate import run_gate
    from casegate.load import load_case
    from casegate.monitor import comparison_for
    from casegate.sign import load_keyring, parse_instant, with_attestations

    board = build_board(tmp_path, database_url)
    approve(board)
    with open_registry(board.database_url) as reg, log_clock(LOGGED):
        entry = report_incident(reg, incident_from_fields(
            case=CASE, date="2026-10-15", deployer="Acme API customer", developer="Acme Labs",
            harmed=["a hospital network"], description="Ransomware adapted with the code-execution tool",
            severity="high", domain="cyber", not_reportable="reported to the authorities separately"))
        run_triggers(reg, at=LOGGED, case_id=CASE)  # as `incident report` does by default
        assert "reopened" in str(reg.case_state(CASE))
    path = board.case_dir / "case.yaml"
    path.write_text(path.read_text() + f"\nincident_answers:\n  incident-{entry.index}:\n"
                    "    evidence: [E-redteam-classifier]\n    note: the classifiers were red-teamed from outside\n")
    ring = load_keyring(board.case_dir / "keys" / "keyring.yaml")
    loaded = with_attestations(load_case(path), ring, parse_instant("2026-12-01", end_of_day=True))
    with open_registry(board.database_url) as reg, log_clock(LOGGED + dt.timedelta(hours=1)):
        record = run_gate(loaded, comparison=comparison_for(reg, loaded, keyring=ring), today=dt.date(2026, 12, 1))
    (h,) = [f for f in record.findings if f.code == "CG708"]
    assert record.outcome == "NO-GO", record.outcome
    assert ("evidence E-redteam-classifier is dated 2026-10-28 by the case, and its attestation was signed before "
            "the incident (2026-10-15, logged 2026-11-30)") in h.message, h.message
