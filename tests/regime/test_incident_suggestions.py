"""The regime class hints where a person classifying an incident looks: `incident report`,
`incident show` and `incident classify` name the classes the regimes' hints suggest for the
incident's domain and severity, and those the incident does not yet owe a report under (a lab that
records a weight theft as not reportable is shown the breach report its regime hints at)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.monitor.test_cli import _cg
from tests.regime.test_incident_clocks import submitted  # noqa: F401
from tests.regime.test_incident_reports_lab import CASE, _at, _index

BREACH = "eu-gpai-cop-2025:cybersecurity-breach"


def _theft(tmp: Path, db: str, *extra: str, code: int = 0):  # type: ignore[no-untyped-def]
    return _cg(tmp, db, "incident", "report", "--case", CASE, "--date", "2026-12-03", "--deployer", "Acme API",
               "--developer", "Acme Labs", "--harmed", "Acme Labs", "--severity", "severe",
               "--domain", "exfiltration", "--no-triggers",
               "--description", "Model weights copied out by an insider.", *extra, code=code)


def _line(stdout: str, start: str) -> str:
    """The line of `stdout` that begins (indented) with `start`, without its start ("" if none)."""
    return next((ln.strip()[len(start):] for ln in stdout.splitlines() if ln.strip().startswith(start)), "")


def test_a_theft_recorded_not_reportable_is_shown_the_class_its_regime_hints_at(
        submitted: tuple[Path, str], monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    tmp, db = submitted
    _at(monkeypatch, "2026-12-03T12:00:00")
    p = _theft(tmp, db, "--not-reportable", "no customer was harmed")
    index = _index(p.stdout)
    assert BREACH in _line(p.stdout, "classes the regimes' hints suggest for a severe exfiltration incident: ")
    # the classes the theft's domain and severity point at are owed, not reportable or not: only
    # the one that gives no hint is left to suggest
    assert _line(p.stdout, "not yet owed: ").startswith("eu-gpai-cop-2025:critical-infrastructure (")
    shown = _cg(tmp, db, "incident", "show", str(index), "--case", CASE, "--at", "2026-12-04")
    assert "not reportable: no customer was harmed" in shown.stdout, shown.stdout
    assert f"report {BREACH}: " in shown.stdout and BREACH not in _line(shown.stdout, "not yet owed: ")
    got = json.loads(_cg(tmp, db, "incident", "show", str(index), "--case", CASE, "--json").stdout)
    assert any(BREACH in s for s in got["suggestions"])
    assert [(r["class"], r["hinted"]) for r in got["reports"]] == [
        (BREACH, True), ("eu-gpai-cop-2025:serious-harm", True), ("ca-sb53:critical-safety-incident", True)]
    # classified under the class its regime hints at: owed now, and no longer "not yet owed"
    p = _cg(tmp, db, "incident", "classify", str(index), "--case", CASE, "--class", BREACH, "--by", "Halden Assurance")
    assert BREACH in _line(p.stdout, "classes the regimes' hints suggest for a severe exfiltration incident: ")
    assert BREACH not in _line(p.stdout, "not yet owed: ")
    shown = _cg(tmp, db, "incident", "show", str(index), "--case", CASE, "--at", "2026-12-04")
    assert f"report {BREACH}: " in shown.stdout and BREACH not in _line(shown.stdout, "not yet owed: ")
    assert "classified by Halden Assurance: " + BREACH in shown.stdout, shown.stdout


def test_show_refuses_an_unknown_incident(submitted: tuple[Path, str]) -> None:  # noqa: F811
    tmp, db = submitted
    p = _cg(tmp, db, "incident", "show", "999", "--case", CASE, code=2)
    assert "no incident #999" in p.stderr and "Traceback" not in p.stderr
