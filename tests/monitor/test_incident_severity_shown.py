"""An incident's severity wherever casegate shows or compares it is the one it is judged at: the
highest of what its reporter recorded and every rating since. A lab that records an incident low
and sees it raised must not find its own low rating in the case's history, the comparison the
next version is judged with, the regime documents or the board's timeline; a rating appended
below the recorded severity (by any writer) lowers nothing anywhere."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from casegate.model import Severity
from casegate.monitor import (
    RATED,
    VersionCache,
    case_history,
    format_history,
    incident_from_fields,
    raise_severity,
    report_incident,
)
from casegate.monitor._compare import defeating_incidents
from casegate.store import open_registry
from tests.web.conftest import approve, build_board, cli

CASE = "atlas-2-api"


def _report(reg, severity: str, description: str):  # type: ignore[no-untyped-def]
    return report_incident(reg, incident_from_fields(
        case=CASE, date="2026-11-29", deployer="Acme API customer", developer="Acme Labs",
        harmed=["a hospital network"], description=description, severity=severity, domain="cyber",
        not_reportable="reported to the authorities separately"))


def test_every_reader_shows_the_raised_severity(tmp_path: Path, database_url: str) -> None:
    from casegate.load import load_case
    from casegate.regime import registry_facts
    from tests.verify.trusted import log_clock

    board = build_board(tmp_path, database_url)
    approve(board)
    with open_registry(board.database_url) as reg, log_clock(dt.datetime(2026, 11, 30, 13, tzinfo=dt.UTC)):
        low = _report(reg, "low", "A ransomware crew used the model to adapt an exploit")
        high = _report(reg, "high", "A second crew did the same")
        raise_severity(reg, CASE, low.index, Severity.severe, by="Priya Natarajan", reason="a hospital was hit")
        # ratings below what an incident already has, appended by the lab: they change nothing
        reg.record(RATED, CASE, {"incident": low.index, "severity": "moderate", "by": "Acme Labs", "reason": "minor"})
        reg.record(RATED, CASE, {"incident": high.index, "severity": "low", "by": "Acme Labs", "reason": "minor"})

    with open_registry(board.database_url) as reg:
        hist = case_history(reg, CASE)
        rows = {i["entry"]: i for i in hist.incidents}
        assert rows[low.index]["severity"] == "severe" and rows[low.index]["severity_recorded"] == "low"
        assert rows[high.index]["severity"] == "high"
        text = format_history(hist)
        assert "cyber/low, raised to severe:" in text and "cyber/high:" in text, text
        assert "raised to low" not in text and "raised to moderate" not in text, text
        assert json.loads(json.dumps(hist.to_json()))["incidents"][0]["severity"] == "severe"

        defeats = {d.id: d.severity for d in defeating_incidents(reg, CASE, None, VersionCache(reg))}
        assert defeats[f"incident-{low.index}"] == "low, raised to severe", defeats
        assert defeats[f"incident-{high.index}"] == "high", defeats

        case = load_case(board.case_dir / "case.yaml").case
        assert case is not None
        listed = registry_facts(reg, case).incidents
        assert any("(cyber, low, raised to severe)" in x for x in listed), listed
        assert any("(cyber, high)" in x for x in listed) and not any("raised to low" in x for x in listed), listed

        from casegate.web._views import incident_severities, timeline_events

        events = reg.events(CASE)
        assert incident_severities(events) == {low.index: "low, raised to severe", high.index: "high"}
        labels = [t.label for t in timeline_events(events) if t.kind == "incident"]
        assert labels == ["low, raised to severe incident in cyber", "high incident in cyber"], labels

    shown = cli("incident", "show", str(low.index), "--case", CASE, "--db", board.database_url, cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    assert "  low, raised to severe severity, domain cyber" in shown.stdout, shown.stdout
    shown = cli("incident", "show", str(high.index), "--case", CASE, "--db", board.database_url, "--json",
                cwd=tmp_path)
    assert json.loads(shown.stdout)["severity"] == "high", shown.stdout
