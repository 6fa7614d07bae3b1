"""The developer against the gate's reading of an incident added to a domain: the lab records a
ransomware crew's use of the approved model in the persuasion domain, where the case claims
nothing, so the incident's logged `defeats` names no claim. Someone outside adds the cyber domain
(`incident add-domain`); the triggers read it, but the gate's comparison of the next version read
only the claims logged with the incident: the incident was not among those the next version must
answer (CG708), and the registry did not require the decision to have weighed it. An incident now
defeats the claims of every domain added to it, in the version it was logged against."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from casegate.monitor import add_domain, comparison_for, incident_from_fields, report_incident
from casegate.monitor._compare import required_history
from casegate.store import open_registry
from tests.verify.trusted import CASE, approved_world, log_clock


def test_a_domain_added_to_an_incident_defeats_that_domains_claims_for_the_gate(tmp_path: Path,
                                                                                 database_url: str) -> None:
    with open_registry(database_url) as reg:
        w, _bundle, _ = approved_world(tmp_path / "w", reg)
        with log_clock(dt.datetime(2026, 11, 30, 13, tzinfo=dt.UTC)):
            entry = report_incident(reg, incident_from_fields(
                case=CASE, date="2026-11-29", deployer="Acme API customer", developer="Acme Labs",
                harmed=["a hospital network"], description="A ransomware crew used the model to adapt an exploit",
                severity="high", domain="persuasion", not_reportable="reported to the authorities separately"))
        assert entry.payload["defeats"]["claims"] == [], entry.payload["defeats"]
        version = entry.payload["defeats"]["version"]
        ident = f"incident-{entry.index}"
        # recorded in a domain the case claims nothing about: nothing for the gate to weigh yet
        assert ident not in [i.id for i in comparison_for(reg, w.load(), keyring=w.ring).incidents]
        assert ident not in required_history(reg, CASE, version)[1]
        with log_clock(dt.datetime(2026, 11, 30, 14, tzinfo=dt.UTC)):
            add_domain(reg, CASE, entry.index, "cyber", by="Priya Natarajan",
                       reason="the crew used it to build ransomware")
        found = [i for i in comparison_for(reg, w.load(), keyring=w.ring).incidents if i.id == ident]
        assert len(found) == 1, [i.id for i in comparison_for(reg, w.load(), keyring=w.ring).incidents]
        claims = set(found[0].claims)
        assert claims, found[0]
        from casegate.monitor._evaluate import domain_claims

        case = w.load().case
        assert case is not None
        assert claims == set(domain_claims(case, "cyber")), claims
        assert "persuasion, cyber added" in str(found[0].domain)
        # the registry holds an approving decision to having weighed it
        assert ident in required_history(reg, CASE, version)[1]


def test_history_reads_a_domain_added_to_an_incident_logged_with_no_domain(tmp_path: Path,
                                                                            database_url: str) -> None:
    """An incident written into the log by another writer, with no domain and no defeated claims,
    then added to the cyber domain: `history` showed it defeating nothing (its claims were read
    only from the recorded domain); it now defeats the cyber claims of the version approved when it
    was logged, as the triggers judge it in cyber."""
    from casegate.monitor import case_history
    from casegate.monitor._evaluate import domain_claims

    with open_registry(database_url) as reg:
        w, _bundle, _ = approved_world(tmp_path / "w", reg)
        entry = reg.record("incident", CASE, {"date": "2026-11-29", "severity": "high",
                                              "description": "A ransomware crew used the model"})
        add_domain(reg, CASE, entry.index, "cyber", by="Priya Natarajan", reason="ransomware")
        hist = case_history(reg, CASE)
    (row,) = [i for i in hist.incidents if i["entry"] == entry.index]
    case = w.load().case
    assert case is not None
    assert row["domains"] == ["cyber"] and set(row["defeats"]) == set(domain_claims(case, "cyber")) != set(), row
