"""The developer against the classes its incident's own fields point at: it records a weight
theft as not reportable (or under a class with a longer deadline) before anyone else classifies
it, and the report clock of the breach its regime hints at never ran. A class whose hints (a
domain, a minimum severity) the incident matches is owed whoever classifies it, until someone
outside the developer dismisses it by a signed statement logged by its deadline."""

from __future__ import annotations

import base64
import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest

from casegate.sign import load_keyring
from casegate.store import open_registry
from tests.monitor.test_cli import ROOT, _cg
from tests.regime.test_incident_clocks import submitted  # noqa: F401
from tests.regime.test_incident_reports_lab import (
    BREACH,
    CASE,
    _at,
    _index,
    _late_trigger_fires,
    _rows,
)

CRITICAL = "ca-sb53:critical-safety-incident"  # 15 days, hinted from high severity
SERIOUS = "eu-gpai-cop-2025:serious-harm"  # 15 days, hinted from high severity


def _theft(tmp: Path, db: str, *extra: str, severity: str = "severe", domain: str = "exfiltration",
           code: int = 0):  # type: ignore[no-untyped-def]
    return _cg(tmp, db, "incident", "report", "--case", CASE, "--date", "2026-12-03", "--deployer", "Acme API",
               "--developer", "Acme Labs", "--harmed", "Acme Labs", "--severity", severity, "--domain", domain,
               "--known", "2026-12-03T09:30:00Z", "--no-triggers",
               "--description", "Model weights copied out by an insider.", *extra, code=code)


def _dismiss(tmp: Path, db: str, index: int, cls: str, key: str, role: str, code: int = 0):  # type: ignore[no-untyped-def]
    return _cg(tmp, db, "incident", "dismiss", str(index), "--case", CASE, "--class", cls, "--key", key,
               "--role", role, "--reason", "the copy never left the lab's own network", code=code)


def test_a_theft_recorded_not_reportable_owes_the_breach_report(
        submitted: tuple[Path, str], monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    """Attack: the lab records a severe weight theft as not reportable. The breach report (5
    days), SB 53's critical safety incident and the Code's serious harm (15 days each) are owed."""
    tmp, db = submitted
    _at(monkeypatch, "2026-12-03T12:00:00")
    index = _index(_theft(tmp, db, "--not-reportable", "no customer was harmed").stdout)
    rows = _rows(tmp, db, "2026-12-09T00:00:00Z", code=1)
    assert [(r["class"], r["due"], r["status"], r.get("hinted")) for r in rows] == [
        (BREACH, "2026-12-08T09:30:00Z", "overdue", True),
        (SERIOUS, "2026-12-18T09:30:00Z", "open", True),
        (CRITICAL, "2026-12-18T09:30:00Z", "open", True)]
    p = _cg(tmp, db, "incident", "clocks", "--case", CASE, "--at", "2026-12-09T00:00:00Z", code=1)
    assert "CG1003" in p.stderr and BREACH in p.stderr and "casegate incident dismiss" in p.stdout
    ring = load_keyring(tmp / "keyring.yaml")
    assert _late_trigger_fires(db, "2026-12-09T00:00:00Z", ring) == [f"report-overdue:{index}:{BREACH}"]


def test_a_class_with_a_longer_deadline_leaves_the_breach_owed(
        submitted: tuple[Path, str], monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    """Attack: the lab classifies the theft, when it records it, under serious harm only."""
    tmp, db = submitted
    _at(monkeypatch, "2026-12-03T12:00:00")
    index = _index(_theft(tmp, db, "--class", SERIOUS).stdout)
    rows = _rows(tmp, db, "2026-12-09T00:00:00Z", code=1)
    assert {(r["class"], r["status"]) for r in rows} == {(SERIOUS, "open"), (BREACH, "overdue"), (CRITICAL, "open")}
    assert _late_trigger_fires(db, "2026-12-09T00:00:00Z") == [f"report-overdue:{index}:{BREACH}"]


def test_only_someone_outside_the_developer_dismisses_a_held_class(
        submitted: tuple[Path, str], monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    """The lab's own RSO dismissing the breach is refused; an auditor outside it, before the
    deadline, dismisses it with a signed statement; a class the reporter named is not dismissed."""
    tmp, db = submitted
    _at(monkeypatch, "2026-12-03T12:00:00")
    index = _index(_theft(tmp, db, "--class", SERIOUS).stdout)
    _at(monkeypatch, "2026-12-05T12:00:00")
    p = _dismiss(tmp, db, index, BREACH, "keys/rso.pem", "rso", code=2)
    assert "Sam Whitfield is of Acme Labs, the developer that owes the report" in p.stderr, p.stderr
    assert "Traceback" not in p.stderr
    p = _dismiss(tmp, db, index, SERIOUS, "keys/auditor.pem", "auditor", code=2)
    assert "named the class" in p.stderr, p.stderr
    p = _dismiss(tmp, db, index, BREACH, "keys/auditor.pem", "auditor")
    assert f"{BREACH} does not apply to incident #{index}, signed by Lena Kovac (auditor)" in p.stdout, p.stdout
    with open_registry(db) as reg:
        (ev,) = reg.events(CASE, "incident-class-dismissed")
    stmt = json.loads(base64.b64decode(ev.payload["envelope"]["payload"]))
    schema = json.loads((ROOT / "schemas" / "predicates" / "incident-class-dismissed-v1.schema.json").read_text())
    assert stmt["predicateType"] == "https://casegate.dev/incident-class-dismissed/v1"
    jsonschema.validate(stmt["predicate"], schema)
    ring = load_keyring(tmp / "keyring.yaml")
    rows = _rows(tmp, db, "2026-12-09T00:00:00Z")  # the keyring comes from CASEGATE_KEYRING
    assert {r["class"] for r in rows} == {SERIOUS, CRITICAL}
    assert _late_trigger_fires(db, "2026-12-09T00:00:00Z", ring) == []
    # without a keyring nothing can show the dismissal counts: the breach stays owed
    assert _late_trigger_fires(db, "2026-12-09T00:00:00Z") == [f"report-overdue:{index}:{BREACH}"]


def test_a_dismissal_the_developer_signed_written_into_the_log_counts_for_nothing(
        submitted: tuple[Path, str], monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    """Attack: `incident dismiss` refuses the lab's key, so the lab signs the dismissal itself and
    appends it to its registry, beside one it does not sign at all."""
    from casegate.cli._monitor import dismissal_statement
    from casegate.sign import load_signer, sign_statement

    tmp, db = submitted
    _at(monkeypatch, "2026-12-03T12:00:00")
    index = _index(_theft(tmp, db, "--class", SERIOUS).stdout)
    ring = load_keyring(tmp / "keyring.yaml")
    signer = load_signer(str(tmp / "keys" / "rso.pem"))
    stmt = dismissal_statement(case=CASE, incident=index, cls=BREACH, reason="nothing left the building",
                               role="rso", keyid=signer.public_key.keyid, ring=ring,
                               signed_at=dt.datetime(2026, 12, 3, 12, tzinfo=dt.UTC))
    with open_registry(db) as reg:
        reg.record("incident-class-dismissed", CASE, {"incident": index, "class": BREACH, "person": "Sam Whitfield",
                                                      "role": "rso", "reason": "nothing left the building",
                                                      "envelope": sign_statement(stmt, signer)})
        reg.record("incident-class-dismissed", CASE, {"incident": index, "class": BREACH,
                                                      "reason": "unsigned, by the lab"})
    rows = [r for r in _rows(tmp, db, "2026-12-09T00:00:00Z", code=1) if r["class"] == BREACH]
    assert [r["status"] for r in rows] == ["overdue"]
    assert any("the developer that owes the report" in n for n in rows[0]["not_counted"]), rows[0]
    assert any("not signed" in n for n in rows[0]["not_counted"]), rows[0]
    assert _late_trigger_fires(db, "2026-12-09T00:00:00Z", ring) == [f"report-overdue:{index}:{BREACH}"]


def test_a_dismissal_after_the_deadline_is_refused(
        submitted: tuple[Path, str], monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    tmp, db = submitted
    _at(monkeypatch, "2026-12-03T12:00:00")
    index = _index(_theft(tmp, db, "--not-reportable", "nobody harmed").stdout)
    _at(monkeypatch, "2026-12-09T12:00:00")
    p = _dismiss(tmp, db, index, BREACH, "keys/auditor.pem", "auditor", code=2)
    assert "a report missed stays missed" in p.stderr, p.stderr
    with open_registry(db) as reg:
        assert reg.events(CASE, "incident-class-dismissed") == []


def test_a_raised_severity_adds_the_classes_it_points_at_from_the_rating(
        submitted: tuple[Path, str], monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    """A moderate CBRN incident recorded not reportable points at no class; raised to high two days
    on, it owes SB 53's critical safety incident and the Code's serious harm, each counted from
    when the log recorded the rating."""
    tmp, db = submitted
    _at(monkeypatch, "2026-12-03T12:00:00")
    index = _index(_theft(tmp, db, "--not-reportable", "a lab test", severity="moderate", domain="cbrn").stdout)
    assert _rows(tmp, db, "2026-12-04T00:00:00Z") == []
    _at(monkeypatch, "2026-12-05T12:00:00")
    _cg(tmp, db, "incident", "rate", str(index), "--case", CASE, "--severity", "high", "--by", "Halden Assurance",
        "--reason", "the protocol was usable", "--no-triggers")
    rows = _rows(tmp, db, "2026-12-06T00:00:00Z")
    assert [(r["class"], r["due"]) for r in rows] == [(SERIOUS, "2026-12-20T12:00:00Z"),
                                                      (CRITICAL, "2026-12-20T12:00:00Z")]
