"""Incident clocks under the built-in regimes: deadline arithmetic per incident class (the 24-hour
case included), the registry story of an incident that owes reports (classified, provisional,
drafted, filed by a signed statement, overdue as finding CG1003), and the report-overdue trigger."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from casegate.load import builtin_regimes, load_builtin_regime, load_case
from casegate.model import Case, Policy, Trigger
from casegate.monitor import (
    Facts,
    Incident,
    ReportClock,
    classify,
    evaluate,
    overdue_report_findings,
    suggested_classes,
)
from tests.monitor.test_cli import ROOT, _cg

KNOWN = dt.datetime(2026, 12, 3, 9, 30, tzinfo=dt.UTC)
EXPECTED_DEADLINES = {
    # the Code of Practice, Measure 9.3 (days from awareness)
    "eu-gpai-cop-2025:critical-infrastructure": dt.timedelta(days=2),
    "eu-gpai-cop-2025:cybersecurity-breach": dt.timedelta(days=5),
    "eu-gpai-cop-2025:death": dt.timedelta(days=10),
    "eu-gpai-cop-2025:serious-harm": dt.timedelta(days=15),
    # SB 53, Bus. & Prof. Code 22757.13(c)(1) and (c)(2)
    "ca-sb53:critical-safety-incident": dt.timedelta(days=15),
    "ca-sb53:imminent-risk": dt.timedelta(hours=24),
}


def _incident(**kw: object) -> Incident:
    base: dict[str, object] = dict(case="c", date=dt.date(2026, 12, 3), deployer="d", developer="v",
                                   harmed=["h"], description="what happened", severity="high", domain="cyber")
    base.update(kw)
    return Incident.model_validate(base)


def test_every_builtin_class_has_its_deadline_from_awareness() -> None:
    regimes = [load_builtin_regime(n) for n in builtin_regimes()]
    seen = {f"{r.id}:{c}" for r in regimes for c in r.incident_classes}
    assert seen == set(EXPECTED_DEADLINES)
    for cls, delta in EXPECTED_DEADLINES.items():
        (rep,) = classify(_incident(known=KNOWN, classes=[cls]), regimes)
        assert rep["known"] == "2026-12-03T09:30:00Z"
        due = dt.datetime.fromisoformat(rep["due"].replace("Z", "+00:00"))
        assert due - KNOWN == delta, cls
    (imminent,) = classify(_incident(known=KNOWN, classes=["ca-sb53:imminent-risk"]), regimes)
    assert imminent["due"] == "2026-12-04T09:30:00Z" and imminent["deadline"] == "24 hours"


def test_awareness_defaults_to_the_start_of_the_incident_day() -> None:
    regimes = [load_builtin_regime("ca-sb53")]
    (rep,) = classify(_incident(classes=["ca-sb53:critical-safety-incident"]), regimes)
    assert rep["known"] == "2026-12-03T00:00:00Z" and rep["due"] == "2026-12-18T00:00:00Z"


def test_unclassified_incident_owes_a_provisional_report_by_the_shortest_deadline() -> None:
    regimes = [load_builtin_regime(n) for n in builtin_regimes()]
    reps = {r["class"]: r for r in classify(_incident(known=KNOWN), regimes)}
    assert set(reps) == {"ca-sb53:unclassified", "eu-gpai-cop-2025:unclassified"}
    assert reps["ca-sb53:unclassified"]["due"] == "2026-12-04T09:30:00Z"  # 24 hours
    assert reps["eu-gpai-cop-2025:unclassified"]["due"] == "2026-12-05T09:30:00Z"  # 2 days
    assert classify(_incident(known=KNOWN, not_reportable="a test account, nobody harmed"), regimes) == []
    assert classify(_incident(known=KNOWN), []) == []  # a case under no regime owes nothing


def test_a_weight_theft_at_atlas_api_is_suggested_as_a_cybersecurity_breach() -> None:
    """atlas-api's policy names the domain `exfiltration`; the Code of Practice hints its serious
    cybersecurity breach at `model-exfiltration`. Domains are matched by their words."""
    loaded = load_case(ROOT / "examples" / "atlas-api" / "case.yaml")
    theft = _incident(case="atlas-2-api", domain="exfiltration", severity="severe",
                      description="model weights copied out by an insider")
    assert "eu-gpai-cop-2025:cybersecurity-breach" in suggested_classes(theft, loaded.regimes)
    for domain in ("cyber", "cyber-offence", "Model_Exfiltration"):
        assert "eu-gpai-cop-2025:cybersecurity-breach" in suggested_classes(
            _incident(domain=domain), loaded.regimes), domain
    for domain in ("bio", "self-exfil", "model-autonomy"):
        assert "eu-gpai-cop-2025:cybersecurity-breach" not in suggested_classes(
            _incident(domain=domain), loaded.regimes), domain


def test_an_unknown_class_is_refused() -> None:
    from casegate.errors import InputError

    with pytest.raises(InputError, match="not an incident class"):
        classify(_incident(classes=["ca-sb53:minor"]), [load_builtin_regime("ca-sb53")])
    with pytest.raises(InputError) as e:
        classify(_incident(classes=["ca-sb53:imminent-risk"]), [])
    assert "under no regime" in (e.value.help or "")


def atlas_with_late_trigger() -> tuple[Case, Policy | None]:
    """atlas-api's case with a trigger that reopens it when a regime report is late (`T-late`),
    and its policy."""
    loaded = load_case(ROOT / "examples" / "atlas-api" / "case.yaml")
    case = loaded.case
    assert case is not None and case.post_deployment is not None
    pd = case.post_deployment.model_copy(update={"triggers": {
        "T-late": Trigger(on="report-overdue", action="reopen", description="a regime report is late")}})
    return case.model_copy(update={"post_deployment": pd}), loaded.policy


def test_overdue_report_is_a_blocking_finding_and_fires_a_report_overdue_trigger() -> None:
    case, policy = atlas_with_late_trigger()
    clock = ReportClock(incident=7, cls="ca-sb53:critical-safety-incident", title="Critical safety incident",
                        report_to="the California Office of Emergency Services", deadline="15 days",
                        cite="SB 53, 22757.13(c)(1)", known=KNOWN, due=KNOWN + dt.timedelta(days=15))
    facts = Facts(case=case, policy=policy, approved_at=KNOWN - dt.timedelta(days=30), report_clocks=[clock])
    before = KNOWN + dt.timedelta(days=14)
    after = KNOWN + dt.timedelta(days=15, seconds=1)
    assert [f for f in evaluate(facts, before) if f.event == "report-overdue"] == []
    assert overdue_report_findings([clock], before) == []
    (fired,) = [f for f in evaluate(facts, after) if f.event == "report-overdue"]
    assert fired.trigger == "T-late" and fired.action == "reopen"
    assert fired.cause == "report-overdue:7:ca-sb53:critical-safety-incident"
    (finding,) = overdue_report_findings([clock], after)
    assert finding.code == "CG1003" and finding.severity.value == "blocking"
    assert "Office of Emergency Services" in finding.message and "2026-12-18T09:30:00Z" in finding.message
    filed = ReportClock(**{**clock.__dict__, "filed_at": after, "filed_by": "Sam Whitfield"})
    assert overdue_report_findings([filed], after + dt.timedelta(days=9)) == []
    assert filed.late and filed.status(after) == "filed late"


@pytest.fixture
def submitted(tmp_path: Path, database_url: str) -> tuple[Path, str]:
    shutil.copytree(ROOT / "examples" / "atlas-api", tmp_path / "case",
                    ignore=shutil.ignore_patterns("keys", "signoffs", "*.bundle.json"))
    _cg(tmp_path, database_url, "keys", "generate", "keys/rso.pem")
    _cg(tmp_path, database_url, "keys", "add", "keyring.yaml", "--public", "keys/rso.pem.pub",
        "--person", "Sam Whitfield", "--organisation", "Acme Labs", "--role", "rso",
        "--from", "2026-01-01", "--until", "2030-12-31")
    # who records a filing: someone outside the developer that owes the report
    _cg(tmp_path, database_url, "keys", "generate", "keys/auditor.pem")
    _cg(tmp_path, database_url, "keys", "add", "keyring.yaml", "--public", "keys/auditor.pem.pub",
        "--person", "Lena Kovac", "--organisation", "Halden Assurance", "--role", "auditor",
        "--from", "2026-01-01", "--until", "2030-12-31")
    _cg(tmp_path, database_url, "keys", "generate", "keys/outsider.pem")
    _cg(tmp_path, database_url, "registry", "submit", "case/case.yaml")
    return tmp_path, database_url


def _report(tmp: Path, db: str, *extra: str, code: int = 0):  # type: ignore[no-untyped-def]
    return _cg(tmp, db, "incident", "report", "--case", "atlas-2-api", "--date", "2026-12-03",
               "--deployer", "Acme API", "--developer", "Acme Labs", "--harmed", "a regional hospital",
               "--severity", "high", "--domain", "cyber", "--no-triggers",
               "--description", "A ransomware crew used the model to adapt an exploit.", *extra, code=code)


def test_incident_clock_story_cg1003(submitted: tuple[Path, str], monkeypatch: pytest.MonkeyPatch) -> None:
    tmp, db = submitted
    monkeypatch.setattr("casegate.store._clock._now", lambda: "2026-12-03T12:00:00.000000Z")
    p = _report(tmp, db, "--known", "2026-12-03T09:30:00Z", "--class", "eu-gpai-cop-2025:cybersecurity-breach",
                "--class", "ca-sb53:critical-safety-incident")
    index = int(p.stdout.split("#", 1)[1].split()[0])
    assert "by 2026-12-08T09:30:00Z (5 days" in p.stdout and "by 2026-12-18T09:30:00Z (15 days" in p.stdout
    # before any deadline: open, exit 0
    p = _cg(tmp, db, "incident", "clocks", "--case", "atlas-2-api", "--at", "2026-12-04T00:00:00Z", "--json")
    rows = json.loads(p.stdout)["reports"]
    assert [(r["class"], r["status"], r["hinted"]) for r in rows] == [
        ("eu-gpai-cop-2025:cybersecurity-breach", "open", False), ("ca-sb53:critical-safety-incident", "open", False),
        # a high incident points at the Code's serious harm too: owed though nobody named it
        ("eu-gpai-cop-2025:serious-harm", "open", True)]
    assert rows[0]["remaining"] == "4 days 9 hours left"
    # the draft names the incident, the deadline and says it is not legal advice
    draft = _cg(tmp, db, "incident", "draft", str(index), "--case", "atlas-2-api",
                "--class", "ca-sb53:critical-safety-incident", "--at", "2026-12-04T00:00:00Z").stdout
    assert "adapt an exploit" in draft and "2026-12-18T09:30:00Z" in draft
    assert "does not give legal advice" in draft and "Office of Emergency Services" in draft
    # past the EU deadline, unfiled: CG1003, exit 1
    p = _cg(tmp, db, "incident", "clocks", "--case", "atlas-2-api", "--at", "2026-12-09T00:00:00Z", code=1)
    assert "CG1003 incident-report-overdue" in p.stderr and "cybersecurity-breach" in p.stderr
    # a filing recorded with a key outside the keyring is refused, nothing recorded
    p = _cg(tmp, db, "incident", "filed", str(index), "--case", "atlas-2-api", "--class",
            "eu-gpai-cop-2025:cybersecurity-breach", "--key", "keys/outsider.pem", "--role", "rso", code=2)
    assert "not in the keyring" in p.stderr
    # a role the key does not hold is refused too
    p = _cg(tmp, db, "incident", "filed", str(index), "--case", "atlas-2-api", "--class",
            "eu-gpai-cop-2025:cybersecurity-breach", "--key", "keys/auditor.pem", "--role", "rso", code=2)
    assert "does not hold" in p.stderr
    # filed late, recorded by an auditor outside the developer with a signed statement (the log
    # records it after the deadline)
    monkeypatch.setattr("casegate.store._clock._now", lambda: "2026-12-08T12:00:00.000000Z")
    p = _cg(tmp, db, "incident", "filed", str(index), "--case", "atlas-2-api", "--class",
            "eu-gpai-cop-2025:cybersecurity-breach", "--key", "keys/auditor.pem", "--role", "auditor",
            "--at", "2026-12-08T12:00:00Z", "--reference", "AIO-2026-0042")
    assert "as filed (late) by Lena Kovac (auditor)" in p.stdout
    p = _cg(tmp, db, "incident", "filed", str(index), "--case", "atlas-2-api", "--class",
            "eu-gpai-cop-2025:cybersecurity-breach", "--key", "keys/auditor.pem", "--role", "auditor", code=2)
    assert "filed already" in p.stderr
    p = _cg(tmp, db, "incident", "clocks", "--case", "atlas-2-api", "--at", "2026-12-09T00:00:00Z", "--json")
    rows = json.loads(p.stdout)["reports"]
    assert rows[0]["status"] == "filed late" and rows[0]["reference"] == "AIO-2026-0042"
    assert rows[1]["status"] == "open"
    # the filing event carries the envelope, verified before it was logged
    from casegate.store import open_registry

    with open_registry(db) as reg:
        (ev,) = reg.events("atlas-2-api", "incident-report-filed")
    assert ev.payload["envelope"]["payloadType"] == "application/vnd.in-toto+json"
    import base64

    import jsonschema

    stmt = json.loads(base64.b64decode(ev.payload["envelope"]["payload"]))
    schema = json.loads((ROOT / "schemas" / "predicates" / "incident-report-filed-v1.schema.json").read_text())
    assert stmt["predicateType"] == "https://casegate.dev/incident-report-filed/v1"
    jsonschema.validate(stmt["predicate"], schema)
    assert ev.payload["person"] == "Lena Kovac" and ev.payload["late"] is True


def test_unclassified_incident_then_classified(submitted: tuple[Path, str], monkeypatch: pytest.MonkeyPatch) -> None:
    tmp, db = submitted
    # classified within the provisional deadlines (24 hours and 2 days from 2026-12-03T09:30)
    monkeypatch.setattr("casegate.store._clock._now", lambda: "2026-12-03T12:00:00.000000Z")
    p = _report(tmp, db, "--known", "2026-12-03T09:30:00Z")
    index = int(p.stdout.split("#", 1)[1].split()[0])
    assert "Unclassified incident" in p.stdout and "2026-12-04T09:30:00Z (24 hours" in p.stdout
    p = _cg(tmp, db, "incident", "filed", str(index), "--case", "atlas-2-api", "--class", "ca-sb53:unclassified",
            "--key", "keys/auditor.pem", "--role", "auditor", code=2)
    assert "not classified yet" in p.stderr
    p = _cg(tmp, db, "incident", "classify", str(index), "--case", "atlas-2-api", "--class",
            "ca-sb53:critical-safety-incident", "--by", "Sam Whitfield")
    assert "by 2026-12-18T09:30:00Z" in p.stdout
    rows = json.loads(_cg(tmp, db, "incident", "clocks", "--case", "atlas-2-api", "--at",
                          "2026-12-10T00:00:00Z", "--json", code=1).stdout)["reports"]
    # the provisional reports went with the classification; the classes a high cyber incident
    # points at stay owed (the breach report, 5 days, is overdue on 2026-12-10)
    assert [(r["class"], r["status"]) for r in rows] == [
        ("ca-sb53:critical-safety-incident", "open"), ("eu-gpai-cop-2025:cybersecurity-breach", "overdue"),
        ("eu-gpai-cop-2025:serious-harm", "open")]
    p = _cg(tmp, db, "incident", "classify", str(index), "--case", "atlas-2-api", "--class", "ca-sb53:minor", code=2)
    assert "not an incident class" in p.stderr


def test_unknown_class_records_nothing(submitted: tuple[Path, str]) -> None:
    tmp, db = submitted
    p = _report(tmp, db, "--class", "ca-sb53:bad-day", code=2)
    assert "one of: eu-gpai-cop-2025:critical-infrastructure" in p.stderr
    from casegate.store import open_registry

    with open_registry(db) as reg:
        assert reg.events("atlas-2-api", "incident") == []
