"""The developer against the report clocks through the log itself: a filing written straight into
the registry (unsigned, or signed by the developer's own officer), or read with no keyring to
check it. A filing stops a report's clock only where its envelope verifies against the keyring and
its signer is outside the developer; every other one is named with why it does not count."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from casegate.monitor import FILED, report_clocks
from casegate.sign import load_keyring, load_signer, sign_statement
from casegate.store import open_registry
from tests.monitor.test_cli import _cg
from tests.regime.test_incident_clocks import _report, submitted  # noqa: F401
from tests.regime.test_incident_reports_lab import (
    BREACH,
    CASE,
    _at,
    _index,
    _late_trigger_fires,
    _rows,
)


def _write_filing(db: str, index: int, envelope: dict[str, Any] | None, person: str = "Lena Kovac",
                  role: str = "auditor") -> None:
    """Append a filing to the log as the developer with write access to the registry can: no
    `incident filed`, so none of its checks."""
    with open_registry(db) as reg:
        reg.record(FILED, CASE, {"incident": index, "class": BREACH, "person": person, "role": role,
                                 "keyid": "", "filed_at": "2026-12-05T10:00:00Z", "reference": "AIO-2026-0042",
                                 "envelope": envelope, "late": False})


def _signed_filing(tmp: Path, key: str, role: str, index: int) -> dict[str, Any]:
    from casegate.cli._monitor import filing_statement

    ring = load_keyring(tmp / "keyring.yaml")
    signer = load_signer(str(tmp / key))
    at = dt.datetime(2026, 12, 5, 12, tzinfo=dt.UTC)
    stmt = filing_statement(case=CASE, incident=index, cls=BREACH, reference="AIO-2026-0042",
                            filed_at=dt.datetime(2026, 12, 5, 10, tzinfo=dt.UTC), role=role,
                            keyid=signer.public_key.keyid, ring=ring, signed_at=at)
    return sign_statement(stmt, signer)


def test_a_filing_written_into_the_log_stops_no_clock(submitted: tuple[Path, str],  # noqa: F811
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Attack: the breach report (due 2026-12-08T09:30) is never sent; the lab appends an
    `incident-report-filed` entry naming the outside auditor, unsigned, before the deadline. The
    clock read it as filed: no CG1003, no report-overdue firing."""
    tmp, db = submitted
    _at(monkeypatch, "2026-12-03T12:00:00")
    index = _index(_report(tmp, db, "--known", "2026-12-03T09:30:00Z", "--class", BREACH).stdout)
    _at(monkeypatch, "2026-12-05T12:00:00")
    _write_filing(db, index, None)
    (row,) = _rows(tmp, db, "2026-12-09T00:00:00Z", code=1, held=False)
    assert row["status"] == "overdue" and row["filed_at"] is None
    assert any("is not signed" in n for n in row["not_counted"]), row
    p = _cg(tmp, db, "incident", "clocks", "--case", CASE, "--at", "2026-12-09T00:00:00Z", code=1)
    assert "CG1003" in p.stderr and "filing not counted" in p.stderr and "is not signed" in p.stderr, p.stderr
    ring = load_keyring(tmp / "keyring.yaml")
    assert _late_trigger_fires(db, "2026-12-09T00:00:00Z", ring) == [f"report-overdue:{index}:{BREACH}"]


def test_a_filing_the_developer_signed_written_into_the_log_stops_no_clock(
        submitted: tuple[Path, str], monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    """Attack: `incident filed` refuses the lab's own RSO, so the lab signs the filing statement
    with the RSO's key and appends it to the log itself. It verifies, but the signer is the
    developer: it does not count."""
    tmp, db = submitted
    _at(monkeypatch, "2026-12-03T12:00:00")
    index = _index(_report(tmp, db, "--known", "2026-12-03T09:30:00Z", "--class", BREACH).stdout)
    _at(monkeypatch, "2026-12-05T12:00:00")
    _write_filing(db, index, _signed_filing(tmp, "keys/rso.pem", "rso", index), person="Sam Whitfield", role="rso")
    (row,) = _rows(tmp, db, "2026-12-09T00:00:00Z", code=1, held=False)
    assert row["status"] == "overdue", row
    assert any("Sam Whitfield of Acme Labs, the developer that owes the report" in n for n in row["not_counted"]), row
    ring = load_keyring(tmp / "keyring.yaml")
    assert _late_trigger_fires(db, "2026-12-09T00:00:00Z", ring) == [f"report-overdue:{index}:{BREACH}"]


def test_an_outside_filing_counts_only_with_a_keyring(submitted: tuple[Path, str],  # noqa: F811
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The auditor's genuine filing stops the clock when the clocks are read with the keyring.
    Read without one, nothing can be checked: the report is not filed (fail closed) and the
    clock says why. A genuine statement appended straight into the log counts as `incident
    filed` would have recorded it (the checks are the log's, not the command's)."""
    tmp, db = submitted
    _at(monkeypatch, "2026-12-03T12:00:00")
    index = _index(_report(tmp, db, "--known", "2026-12-03T09:30:00Z", "--class", BREACH).stdout)
    _at(monkeypatch, "2026-12-05T12:00:00")
    _write_filing(db, index, _signed_filing(tmp, "keys/auditor.pem", "auditor", index))
    ring = load_keyring(tmp / "keyring.yaml")
    with open_registry(db) as reg:
        (with_ring,) = [c for c in report_clocks(reg, CASE, ring) if not c.hinted]
        (without,) = [c for c in report_clocks(reg, CASE) if not c.hinted]
    assert with_ring.filed_by == "Lena Kovac" and with_ring.not_counted == ()
    assert with_ring.status(dt.datetime(2026, 12, 9, tzinfo=dt.UTC)) == "filed"
    assert without.filed_at is None and without.status(dt.datetime(2026, 12, 9, tzinfo=dt.UTC)) == "overdue"
    assert "no keyring was given" in without.not_counted[0]
    assert _late_trigger_fires(db, "2026-12-09T00:00:00Z", ring) == []
    (row,) = _rows(tmp, db, "2026-12-09T00:00:00Z", held=False)
    assert row["status"] == "filed" and row["not_counted"] == []


def test_a_filing_for_another_report_does_not_stop_this_one(submitted: tuple[Path, str],  # noqa: F811
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Attack: the auditor's genuine filing of one incident's report is appended again under
    another incident: its statement names the first, so it stops nothing else."""
    tmp, db = submitted
    _at(monkeypatch, "2026-12-03T12:00:00")
    first = _index(_report(tmp, db, "--known", "2026-12-03T09:30:00Z", "--class", BREACH).stdout)
    second = _index(_report(tmp, db, "--known", "2026-12-03T09:30:00Z", "--class", BREACH).stdout)
    _at(monkeypatch, "2026-12-05T12:00:00")
    _write_filing(db, second, _signed_filing(tmp, "keys/auditor.pem", "auditor", first))
    rows = _rows(tmp, db, "2026-12-09T00:00:00Z", code=1, held=False)
    assert [(r["incident"], r["status"]) for r in rows] == [(first, "overdue"), (second, "overdue")]
    assert any(f"incident #{first}" in n for n in rows[1]["not_counted"]), json.dumps(rows)


def test_a_filing_written_into_the_log_does_not_keep_the_deploy_verifying(tmp_path: Path,
                                                                          database_url: str) -> None:
    """Attack, at deploy time: atlas-api is approved; a low-severity cyber incident (no trigger of
    the example answers it) owes SB 53's 24-hour imminent-risk report, due 2026-11-30T20:00. The
    lab appends a filing naming Northbridge Security's evaluator, unsigned, before the deadline,
    and `verify --db` on 2026-12-01 passed. It now refuses: the report was missed (CG1003)."""
    from casegate.monitor import incident_from_fields, report_incident
    from tests.verify.trusted import log_clock
    from tests.web.conftest import approve, build_board, verify

    board = build_board(tmp_path, database_url)
    bundle = approve(board)
    with open_registry(board.database_url) as reg:
        with log_clock(dt.datetime(2026, 11, 30, 13, tzinfo=dt.UTC)):
            entry = report_incident(reg, incident_from_fields(
                case=CASE, date="2026-11-29", deployer="Acme API customer", developer="Acme Labs",
                harmed=["a hospital network"], description="A phishing kit drafted with the model",
                severity="low", domain="cyber", known="2026-11-29T20:00:00Z", classes=["ca-sb53:imminent-risk"]))
        assert entry.payload["regime_reports"][0]["due"] == "2026-11-30T20:00:00Z"
        with log_clock(dt.datetime(2026, 11, 30, 14, tzinfo=dt.UTC)):
            reg.record(FILED, CASE, {"incident": entry.index, "class": "ca-sb53:imminent-risk",
                                     "person": "Priya Natarajan", "role": "external-evaluator", "keyid": "",
                                     "filed_at": "2026-11-30T14:00:00Z", "reference": "OES-2026-17",
                                     "envelope": None, "late": False})
    r = verify(board, bundle)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "trigger CG1003 of case atlas-2-api" in r.stderr and "ca-sb53:imminent-risk" in r.stderr, r.stderr
    assert "is not signed" in r.stderr, r.stderr
