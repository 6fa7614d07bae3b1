"""The developer against its own regime reports: an incident's classes rewritten after it was
recorded (declared not reportable, or moved to a class with a longer deadline), a provisional
report classified away after its deadline, and a late filing recorded with an earlier date. Each
report stays owed, or missed, as the log shows it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casegate.monitor import Facts, evaluate, parse_timestamp, report_clocks
from casegate.sign import Keyring
from casegate.store import open_registry
from tests.monitor.test_cli import _cg
from tests.regime.test_incident_clocks import _report, atlas_with_late_trigger, submitted  # noqa: F401

CASE = "atlas-2-api"
BREACH = "eu-gpai-cop-2025:cybersecurity-breach"  # 5 days from awareness


def _at(monkeypatch: pytest.MonkeyPatch, when: str) -> None:
    monkeypatch.setattr("casegate.store._clock._now", lambda: f"{when}.000000Z")


def _index(stdout: str) -> int:
    return int(stdout.split("#", 1)[1].split()[0])


def _rows(tmp: Path, db: str, at: str, code: int = 0, held: bool = True) -> list[dict[str, object]]:
    """The report rows of `incident clocks` as of `at`; with `held` False, only those of classes
    someone named (not those owed because the incident's fields point at them)."""
    rows = json.loads(_cg(tmp, db, "incident", "clocks", "--case", CASE, "--at", at, "--json", code=code).stdout)[
        "reports"]
    return [r for r in rows if held or not r.get("hinted")]


def _late_trigger_fires(db: str, at: str, keyring: Keyring | None = None) -> list[str]:
    """The report-overdue firings of atlas-api with a report-overdue trigger, over the registry's
    report clocks as of `at` (filings checked against `keyring`)."""
    case, policy = atlas_with_late_trigger()
    with open_registry(db) as reg:
        clocks = report_clocks(reg, CASE, keyring)
    when = parse_timestamp(at, "at")
    facts = Facts(case=case, policy=policy, approved_at=parse_timestamp("2026-11-01", "at"),
                  report_clocks=clocks)
    return [f.cause for f in evaluate(facts, when) if f.event == "report-overdue"]


def test_a_class_the_incident_owes_is_not_classified_away(submitted: tuple[Path, str],  # noqa: F811
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Attack: a reviewer records a cyber incident as a serious cybersecurity breach (5 days); the
    developer classifies it again as not reportable, then under serious harm (15 days)."""
    tmp, db = submitted
    _at(monkeypatch, "2026-12-03T12:00:00")
    index = _index(_report(tmp, db, "--known", "2026-12-03T09:30:00Z", "--class", BREACH,
                           "--class", "ca-sb53:critical-safety-incident").stdout)
    _at(monkeypatch, "2026-12-04T12:00:00")
    _cg(tmp, db, "incident", "classify", str(index), "--case", CASE, "--not-reportable",
        "internal red-team traffic, nobody harmed", "--by", "Acme Labs")
    _cg(tmp, db, "incident", "classify", str(index), "--case", CASE, "--class",
        "eu-gpai-cop-2025:serious-harm", "--by", "Acme Labs")
    rows = _rows(tmp, db, "2026-12-09T00:00:00Z", code=1, held=False)
    assert [(r["class"], r["status"]) for r in rows] == [
        (BREACH, "overdue"), ("ca-sb53:critical-safety-incident", "open"), ("eu-gpai-cop-2025:serious-harm", "open")]
    p = _cg(tmp, db, "incident", "clocks", "--case", CASE, "--at", "2026-12-09T00:00:00Z", code=1)
    assert "CG1003" in p.stderr and "cybersecurity-breach" in p.stderr
    assert _late_trigger_fires(db, "2026-12-09T00:00:00Z") == [f"report-overdue:{index}:{BREACH}"]


def test_a_provisional_report_classified_after_its_deadline_stays_missed(
        submitted: tuple[Path, str], monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    """Attack: an incident recorded unclassified owes SB 53's 24-hour provisional report; two days
    on, the developer declares it not reportable and the missed report is gone."""
    tmp, db = submitted
    _at(monkeypatch, "2026-12-03T12:00:00")
    index = _index(_report(tmp, db, "--known", "2026-12-03T09:30:00Z").stdout)
    _at(monkeypatch, "2026-12-05T08:00:00")  # past SB 53's 24 hours, within the Code's 2 days
    _cg(tmp, db, "incident", "classify", str(index), "--case", CASE, "--not-reportable", "a test account",
        "--by", "Acme Labs")
    rows = _rows(tmp, db, "2026-12-05T08:00:00Z", code=1, held=False)
    assert [(r["class"], r["status"]) for r in rows] == [("ca-sb53:unclassified", "overdue")]
    assert _late_trigger_fires(db, "2026-12-05T08:00:00Z") == [f"report-overdue:{index}:ca-sb53:unclassified"]
    # classified, the missed report can be filed (late)
    p = _cg(tmp, db, "incident", "filed", str(index), "--case", CASE, "--class", "ca-sb53:unclassified",
            "--key", "keys/auditor.pem", "--role", "auditor")
    assert "as filed (late)" in p.stdout
    assert [r["status"] for r in _rows(tmp, db, "2026-12-05T08:00:00Z", held=False)] == ["filed late"]


def test_a_late_filing_dated_back_is_late(submitted: tuple[Path, str],  # noqa: F811
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Attack: the breach report, due 2026-12-08T09:30, is recorded as filed on 2026-12-10 with
    `--at 2026-12-07`: on time by its word, and the report-overdue trigger nobody had run yet
    would never fire. A filing dated after the log's clock is refused."""
    tmp, db = submitted
    _at(monkeypatch, "2026-12-03T12:00:00")
    index = _index(_report(tmp, db, "--known", "2026-12-03T09:30:00Z", "--class", BREACH).stdout)
    _at(monkeypatch, "2026-12-10T12:00:00")
    filed = ("incident", "filed", str(index), "--case", CASE, "--class", BREACH, "--key", "keys/auditor.pem",
             "--role", "auditor")
    p = _cg(tmp, db, *filed, "--at", "2026-12-11T09:00:00Z", code=2)
    assert "after the registry's clock" in p.stderr and "Traceback" not in p.stderr
    p = _cg(tmp, db, *filed, "--at", "2026-12-07T10:00:00Z")
    assert "as filed (late)" in p.stdout
    (row,) = _rows(tmp, db, "2026-12-10T12:00:00Z", held=False)
    assert row["status"] == "filed late" and row["filed_at"] == "2026-12-07T10:00:00Z"
    assert row["filed_recorded"] == "2026-12-10T12:00:00Z"
    assert _late_trigger_fires(db, "2026-12-10T12:00:00Z") == [f"report-overdue:{index}:{BREACH}"]
    # a filing recorded by the deadline fires nothing
    assert _late_trigger_fires(db, "2026-12-08T09:00:00Z") == []


def test_the_developer_does_not_mark_its_own_report_filed(submitted: tuple[Path, str],  # noqa: F811
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Attack: the breach report, due 2026-12-08T09:30, is never sent; the lab's own RSO records it
    as filed, in a role the key holds, before the deadline, and the missed report is gone. A filing
    is recorded by someone outside the developer, so the report stays missed."""
    tmp, db = submitted
    _at(monkeypatch, "2026-12-03T12:00:00")
    index = _index(_report(tmp, db, "--known", "2026-12-03T09:30:00Z", "--class", BREACH).stdout)
    _at(monkeypatch, "2026-12-05T12:00:00")
    p = _cg(tmp, db, "incident", "filed", str(index), "--case", CASE, "--class", BREACH, "--key", "keys/rso.pem",
            "--role", "rso", "--reference", "AIO-2026-0042", code=2)
    assert "Sam Whitfield is of Acme Labs, the developer that owes the report" in p.stderr, p.stderr
    assert "keyring members who may: Lena Kovac (Halden Assurance: auditor)" in p.stderr, p.stderr
    assert "Traceback" not in p.stderr
    with open_registry(db) as reg:
        assert reg.events(CASE, "incident-report-filed") == []
    (row,) = _rows(tmp, db, "2026-12-09T00:00:00Z", code=1, held=False)
    assert row["status"] == "overdue" and row["filed_at"] is None
    p = _cg(tmp, db, "incident", "clocks", "--case", CASE, "--at", "2026-12-09T00:00:00Z", code=1)
    assert "CG1003" in p.stderr and "cybersecurity-breach" in p.stderr
    assert _late_trigger_fires(db, "2026-12-09T00:00:00Z") == [f"report-overdue:{index}:{BREACH}"]


def test_a_filer_the_keyring_places_nowhere_is_refused(submitted: tuple[Path, str],  # noqa: F811
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A key whose holder has no organisation in the keyring cannot show the filing came from
    outside the developer: refused (fail closed)."""
    tmp, db = submitted
    _cg(tmp, db, "keys", "generate", "keys/nobody.pem")
    _cg(tmp, db, "keys", "add", "keyring.yaml", "--public", "keys/nobody.pem.pub", "--person", "Pat Doe",
        "--role", "auditor", "--from", "2026-01-01", "--until", "2030-12-31")
    _at(monkeypatch, "2026-12-03T12:00:00")
    index = _index(_report(tmp, db, "--known", "2026-12-03T09:30:00Z", "--class", BREACH).stdout)
    p = _cg(tmp, db, "incident", "filed", str(index), "--case", CASE, "--class", BREACH, "--key", "keys/nobody.pem",
            "--role", "auditor", code=2)
    assert "the keyring records no organisation for Pat Doe" in p.stderr, p.stderr
    with open_registry(db) as reg:
        assert reg.events(CASE, "incident-report-filed") == []


def test_a_missed_report_stops_the_deploy_without_a_trigger_for_it(tmp_path: Path, database_url: str) -> None:
    """Attack: atlas-api's plan names no `report-overdue` trigger. A low-severity cyber incident
    (no trigger of the example answers it) recorded unclassified owes SB 53's 24-hour provisional
    report; the developer files nothing, and the approval went on verifying (with `--db`) past the
    deadline. A missed report now reopens the case on its own, and `verify --db` says so before
    anyone runs the triggers."""
    from tests.web.conftest import approve, build_board, cli, verify

    board = build_board(tmp_path, database_url)
    bundle = approve(board)
    r = cli("incident", "report", "--case", CASE, "--date", "2026-11-29", "--known", "2026-11-29T12:00:00Z",
            "--deployer", "Acme API customer", "--developer", "Acme Labs", "--harmed", "a hospital network",
            "--description", "A phishing kit drafted with the model", "--domain", "cyber", "--severity", "low",
            "--no-triggers", "--db", board.database_url, "--keyring", "keys/keyring.yaml", cwd=board.case_dir)
    assert r.returncode == 0, r.stderr
    r = verify(board, bundle)  # 2026-12-01: past the 24 hours from 2026-11-29T12:00
    assert r.returncode == 1, r.stdout + r.stderr
    assert "trigger CG1003 of case atlas-2-api" in r.stderr and "ca-sb53:unclassified" in r.stderr, r.stderr
    assert "leaves the case reopened" in r.stderr, r.stderr
