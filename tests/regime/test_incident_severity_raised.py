"""The developer against its incident's severity: the reporter's word, so a lab that records a
cyber incident as low severity keeps the case's own `T-cyber-incident` (high and above: reopen)
quiet, and the signed GO verifying. Anyone may now raise an incident's severity (`casegate
incident rate`); nobody lowers it, and triggers read an incident at the highest severity it was
recorded or rated at."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from casegate.errors import InputError
from casegate.model import Severity
from casegate.monitor import RATED, raise_severity
from casegate.store import open_registry
from tests.monitor.test_cli import _cg
from tests.regime.test_incident_clocks import _report, submitted  # noqa: F401
from tests.regime.test_incident_reports_lab import CASE, _at, _index
from tests.verify.trusted import DEMO_EXIT


def test_a_low_rating_by_the_lab_does_not_keep_the_deploy_verifying(tmp_path: Path, database_url: str) -> None:
    """Attack: atlas-api is approved; the lab records a ransomware crew's use of the model as a
    low-severity cyber incident. Its trigger for high-severity cyber incidents does not fire and
    `verify --db` passes. An outside evaluator raises it to high: `verify --db` refuses."""
    from casegate.monitor import incident_from_fields, report_incident
    from tests.verify.trusted import log_clock
    from tests.web.conftest import approve, build_board, verify

    board = build_board(tmp_path, database_url)
    bundle = approve(board)
    with open_registry(board.database_url) as reg, log_clock(dt.datetime(2026, 11, 30, 13, tzinfo=dt.UTC)):
        entry = report_incident(reg, incident_from_fields(
            case=CASE, date="2026-11-29", deployer="Acme API customer", developer="Acme Labs",
            harmed=["a hospital network"], description="A ransomware crew used the model to adapt an exploit",
            severity="low", domain="cyber", not_reportable="reported to the authorities separately"))
    r = verify(board, bundle)
    assert r.returncode == DEMO_EXIT, r.stdout + r.stderr  # everything but the tests' published keys verified
    with open_registry(board.database_url) as reg:
        with log_clock(dt.datetime(2026, 11, 30, 14, tzinfo=dt.UTC)):
            raise_severity(reg, CASE, entry.index, Severity.high, by="Priya Natarajan",
                           reason="the exploit reached a hospital network")
        # the lab appends a rating of its own, lower: it changes nothing
        with log_clock(dt.datetime(2026, 11, 30, 15, tzinfo=dt.UTC)):
            reg.record(RATED, CASE, {"incident": entry.index, "severity": "low", "by": "Acme Labs", "reason": "minor"})
    r = verify(board, bundle)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "trigger T-cyber-incident of case atlas-2-api" in r.stderr and "high" in r.stderr, r.stderr


def test_a_severity_is_raised_and_never_lowered(submitted: tuple[Path, str],  # noqa: F811
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    tmp, db = submitted
    _at(monkeypatch, "2026-12-03T12:00:00")
    index = _index(_report(tmp, db, "--not-reportable", "nobody harmed").stdout)  # recorded high
    rate = ("incident", "rate", str(index), "--case", CASE, "--by", "Lena Kovac", "--reason", "a hospital was hit",
            "--no-triggers")
    p = _cg(tmp, db, *rate, "--severity", "moderate", code=2)
    assert "of high severity already: a rating only raises it" in p.stderr and "Traceback" not in p.stderr
    p = _cg(tmp, db, *rate, "--severity", "grave", code=2)
    assert "is not a severity" in p.stderr and "Traceback" not in p.stderr
    p = _cg(tmp, db, *rate, "--severity", "severe")
    assert f"raised incident #{index} from high to severe severity" in p.stdout, p.stdout
    shown = _cg(tmp, db, "incident", "show", str(index), "--case", CASE)
    assert "severity raised to severe by Lena Kovac: a hospital was hit" in shown.stdout, shown.stdout
    with open_registry(db) as reg, pytest.raises(InputError, match="of severe severity already"):
        raise_severity(reg, CASE, index, Severity.high, by="Acme Labs", reason="on reflection")
    from casegate.load import load_case
    from casegate.regime import registry_facts

    case = load_case(tmp / "case" / "case.yaml").case
    assert case is not None
    with open_registry(db) as reg:
        (listed,) = registry_facts(reg, case).incidents
    assert "(cyber, high, raised to severe)" in listed, listed
    with open_registry(db) as reg, pytest.raises(InputError, match="no incident #999"):
        raise_severity(reg, CASE, 999, Severity.severe, by="Lena Kovac", reason="x")
