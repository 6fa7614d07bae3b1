"""The developer against its incident's domain: the reporter's word, so a lab that files a
ransomware crew's use of the model under a domain no trigger names and no regime class hints at
(`persuasion`) keeps the case's own `T-cyber-incident` quiet, the signed GO verifying, and the
Code's cybersecurity-breach report (5 days) unowed. Anyone may now add a domain to a logged
incident (`casegate incident add-domain`); nobody removes one, and every reader judges an
incident in its recorded domain and every domain added."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from casegate.errors import InputError
from casegate.monitor import DOMAIN_ADDED, add_domain, added_domains, incident_domains
from casegate.store import open_registry
from tests.monitor.test_cli import _cg
from tests.regime.test_incident_classes_held import _theft
from tests.regime.test_incident_clocks import submitted  # noqa: F401
from tests.regime.test_incident_reports_lab import (
    BREACH,
    CASE,
    _at,
    _index,
    _late_trigger_fires,
    _rows,
)
from tests.verify.trusted import DEMO_EXIT


def test_a_cyber_incident_filed_under_another_domain_does_not_keep_the_deploy_verifying(
        tmp_path: Path, database_url: str) -> None:
    """Attack: atlas-api is approved; the lab records a ransomware crew's use of the model, at high
    severity, in the persuasion domain. Its trigger for high-severity cyber incidents does not
    fire and `verify --db` passes. An outside evaluator adds the cyber domain: `verify --db`
    refuses. The lab's own entries that name no domain, or an empty one, take nothing away."""
    from casegate.monitor import incident_from_fields, report_incident
    from tests.verify.trusted import log_clock
    from tests.web.conftest import approve, build_board, verify

    board = build_board(tmp_path, database_url)
    bundle = approve(board)
    with open_registry(board.database_url) as reg, log_clock(dt.datetime(2026, 11, 30, 13, tzinfo=dt.UTC)):
        entry = report_incident(reg, incident_from_fields(
            case=CASE, date="2026-11-29", deployer="Acme API customer", developer="Acme Labs",
            harmed=["a hospital network"], description="A ransomware crew used the model to adapt an exploit",
            severity="high", domain="persuasion", not_reportable="reported to the authorities separately"))
    r = verify(board, bundle)
    assert r.returncode == DEMO_EXIT, r.stdout + r.stderr  # everything but the tests' published keys verified
    with open_registry(board.database_url) as reg:
        with log_clock(dt.datetime(2026, 11, 30, 14, tzinfo=dt.UTC)):
            added = add_domain(reg, CASE, entry.index, "cyber", by="Priya Natarajan",
                               reason="the crew used it to build ransomware")
        with log_clock(dt.datetime(2026, 11, 30, 15, tzinfo=dt.UTC)):
            reg.record(DOMAIN_ADDED, CASE, {"incident": entry.index, "by": "Acme Labs", "reason": "none"})
            reg.record(DOMAIN_ADDED, CASE, {"incident": entry.index, "domain": "", "by": "Acme Labs", "reason": "x"})
        assert added.payload["from"] == ["persuasion"] and added.payload["domain"] == "cyber"
        assert incident_domains("persuasion", added_domains(reg, CASE)[entry.index]) == ("persuasion", "cyber")
    r = verify(board, bundle)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "trigger T-cyber-incident of case atlas-2-api" in r.stderr, r.stderr


def test_a_domain_added_owes_the_report_its_class_hints_at(
        submitted: tuple[Path, str], monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    """Attack: the lab records a weight theft in the persuasion domain and as not reportable: no
    breach report is owed. An auditor adds exfiltration two days later: the breach report (5 days)
    is owed from when the log recorded the addition, and fires the report-overdue trigger once
    missed."""
    tmp, db = submitted
    _at(monkeypatch, "2026-12-03T12:00:00")
    index = _index(_theft(tmp, db, "--not-reportable", "no customer was harmed", domain="persuasion").stdout)
    assert BREACH not in {r["class"] for r in _rows(tmp, db, "2026-12-09T00:00:00Z")}
    _at(monkeypatch, "2026-12-05T10:00:00")
    add = ("incident", "add-domain", str(index), "--case", CASE, "--by", "Lena Kovac",
           "--reason", "the weights were copied out", "--no-triggers")
    p = _cg(tmp, db, *add, "--domain", "exfiltration")
    assert f"added domain exfiltration to incident #{index}, recorded in persuasion" in p.stdout, p.stdout
    rows = {r["class"]: r for r in _rows(tmp, db, "2026-12-11T00:00:00Z", code=1)}
    assert rows[BREACH]["due"] == "2026-12-10T10:00:00Z" and rows[BREACH]["status"] == "overdue", rows
    assert rows[BREACH]["hinted"] is True
    assert _late_trigger_fires(db, "2026-12-11T00:00:00Z") == [f"report-overdue:{index}:{BREACH}"]
    # added twice, or a domain neither the case nor its regimes name: refused, nothing logged
    p = _cg(tmp, db, *add, "--domain", "Exfiltration", code=2)
    assert "is in domain exfiltration already" in p.stderr and "Traceback" not in p.stderr
    p = _cg(tmp, db, *add, "--domain", "weather", code=2)
    assert "is not a risk domain of case" in p.stderr and "cyber" in p.stderr and "Traceback" not in p.stderr
    # a domain only a regime class hints at may be added too
    p = _cg(tmp, db, *add, "--domain", "model-exfiltration")
    shown = _cg(tmp, db, "incident", "show", str(index), "--case", CASE, "--at", "2026-12-06T00:00:00Z")
    assert "domain persuasion, exfiltration, model-exfiltration added" in shown.stdout, shown.stdout
    assert "domain exfiltration added by Lena Kovac: the weights were copied out" in shown.stdout, shown.stdout
    from casegate.load import load_case
    from casegate.regime import registry_facts

    case = load_case(tmp / "case" / "case.yaml").case
    assert case is not None
    with open_registry(db) as reg:
        (listed,) = registry_facts(reg, case).incidents
        assert "(persuasion, exfiltration, model-exfiltration added, severe)" in listed, listed
        with pytest.raises(InputError, match="no incident #999"):
            add_domain(reg, CASE, 999, "cyber", by="Lena Kovac", reason="x")
        with pytest.raises(InputError, match="say who adds the domain"):
            add_domain(reg, CASE, index, "cyber", by=" ", reason="x")
    # the history names the incident in every domain and the claims of each as defeated
    import json

    from casegate.monitor import domain_claims

    hist = json.loads(_cg(tmp, db, "history", CASE, "--format", "json").stdout)
    (inc,) = hist["incidents"]
    assert inc["domains"] == ["persuasion", "exfiltration", "model-exfiltration"], inc
    theft_claims = domain_claims(case, "exfiltration")
    assert theft_claims and set(theft_claims) <= set(inc["defeats"]), (theft_claims, inc["defeats"])
    text = _cg(tmp, db, "history", CASE).stdout
    assert f"#{index} 2026-12-03 persuasion, exfiltration, model-exfiltration added/severe" in text, text
