"""The lab against the case's incident triggers: it files an incident about its approved model
under another case id it holds for the same model (submitted, never deployed), so the deployed
case's triggers, which read its own incidents, never see it. An incident follows the weights: one
logged against any case about the model the approval covers counts for the deployed case."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from casegate.monitor import incident_from_fields, report_incident, run_triggers
from casegate.store import open_registry
from tests.web.conftest import approve, build_board, verify

CASE = "atlas-2-api"


def _sibling(case_dir: Path, case_id: str) -> Path:
    """A copy of the case under another id, about the same model (same digest, name, version)."""
    text = (case_dir / "case.yaml").read_text()
    assert f"id: {CASE}\n" in text
    path = case_dir / f"{case_id}.yaml"
    path.write_text(text.replace(f"id: {CASE}\n", f"id: {case_id}\n", 1))
    return path


def _incident(case_id: str, severity: str = "high") -> object:
    return incident_from_fields(
        case=case_id, date="2026-11-29", deployer="Acme API customer", developer="Acme Labs",
        harmed=["a hospital network"], description="A ransomware crew used the model to adapt an exploit",
        severity=severity, domain="cyber", not_reportable="reported to the authorities separately")


def test_an_incident_filed_under_another_case_of_the_model_fires_the_deployed_cases_trigger(
        tmp_path: Path, database_url: str) -> None:
    from casegate.load import load_case
    from tests.verify.trusted import log_clock

    board = build_board(tmp_path, database_url)
    bundle = approve(board)
    sibling = load_case(_sibling(board.case_dir, "atlas-2-eu"))
    with open_registry(board.database_url) as reg, log_clock(dt.datetime(2026, 11, 30, 13, tzinfo=dt.UTC)):
        reg.submit_case(sibling)  # submitted, never approved: its own triggers are not evaluated
        entry = report_incident(reg, _incident("atlas-2-eu"))  # type: ignore[arg-type]
    # before any trigger run, the deploy of the approved case already stops: the firing is owed
    r = verify(board, bundle)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "T-cyber-incident" in r.stderr, r.stderr
    at = dt.datetime(2026, 11, 30, 14, tzinfo=dt.UTC)
    with open_registry(board.database_url) as reg, log_clock(at):
        runs = {r.case_id: r for r in run_triggers(reg, at=at)}
        assert runs["atlas-2-eu"].fired == [], runs["atlas-2-eu"].notes
        fired = runs[CASE].fired
        assert [f.trigger for f, _ in fired] == ["T-cyber-incident"], runs[CASE].to_json()
        (firing, _), = fired
        assert firing.cause == f"incident:{entry.index}"
        assert "logged against case atlas-2-eu about the same model" in firing.reason, firing.reason
        assert str(getattr(reg.case_state(CASE), "value", reg.case_state(CASE))) == "reopened", reg.case_state(CASE)


def test_an_incident_under_a_case_of_another_model_stays_its_own(tmp_path: Path, database_url: str) -> None:
    """The rule reaches no further than the model: a case about other weights keeps its incidents."""
    from casegate.load import load_case
    from tests.verify.trusted import log_clock

    board = build_board(tmp_path, database_url)
    approve(board)
    path = _sibling(board.case_dir, "other-model")
    text = path.read_text()
    digest = "sha256:9dc9c848b28402c37719c78ea3f6fcf32c421c5e4d097286abd7470357e8b903"
    assert digest in text
    path.write_text(text.replace(digest, "sha256:" + "1" * 64).replace("  name: Atlas-2\n", "  name: Borealis\n"))
    other = load_case(path)
    with open_registry(board.database_url) as reg, log_clock(dt.datetime(2026, 11, 30, 13, tzinfo=dt.UTC)):
        reg.submit_case(other)
        report_incident(reg, _incident("other-model"))  # type: ignore[arg-type]
    at = dt.datetime(2026, 11, 30, 14, tzinfo=dt.UTC)
    with open_registry(board.database_url) as reg, log_clock(at):
        runs = {r.case_id: r for r in run_triggers(reg, at=at)}
        assert runs[CASE].fired == [], runs[CASE].to_json()


def test_a_report_an_incident_filed_under_another_case_owes_stops_the_deployed_case(
        tmp_path: Path, database_url: str) -> None:
    """Attack: a low-severity cyber incident (no trigger of the example answers it) is filed under
    another case id of the approved model, unclassified: it owes SB 53's 24-hour provisional
    report, and nobody files it. The other case is never deployed, so its report clocks were read
    by nobody, and the approved case's `verify --db` on 2026-12-01 passed. The reports an incident
    owes follow the weights as the incident does."""
    from casegate.load import load_case
    from tests.verify.trusted import log_clock

    board = build_board(tmp_path, database_url)
    bundle = approve(board)
    sibling = load_case(_sibling(board.case_dir, "atlas-2-eu"))
    with open_registry(board.database_url) as reg, log_clock(dt.datetime(2026, 11, 29, 13, tzinfo=dt.UTC)):
        reg.submit_case(sibling)
        report_incident(reg, incident_from_fields(
            case="atlas-2-eu", date="2026-11-29", deployer="Acme API customer", developer="Acme Labs",
            harmed=["a hospital network"], description="A phishing kit drafted with the model",
            severity="low", domain="cyber", known="2026-11-29T12:00:00Z"))
    r = verify(board, bundle)  # 2026-12-01: past the 24 hours from 2026-11-29T12:00
    assert r.returncode == 1, r.stdout + r.stderr
    assert "trigger CG1003 of case atlas-2-api" in r.stderr and "ca-sb53:unclassified" in r.stderr, r.stderr


def test_incident_clocks_lists_the_reports_an_incident_under_another_case_owes(
        tmp_path: Path, database_url: str) -> None:
    """The same move, as the lab's compliance view shows it: `incident clocks --case atlas-2-api`
    listed only the incidents filed under atlas-2-api, so the overdue SB 53 report that stops its
    deploy was nowhere in its listing (exit 0). It now lists every clock that counts for the case,
    marking the case each incident was filed under, and exits 1 on the overdue one; a case about
    another model lists none of it."""
    import json

    from casegate.load import load_case
    from tests.monitor.test_cli import _cg
    from tests.verify.trusted import log_clock

    board = build_board(tmp_path, database_url)
    approve(board)
    sibling = load_case(_sibling(board.case_dir, "atlas-2-eu"))
    with open_registry(board.database_url) as reg, log_clock(dt.datetime(2026, 11, 29, 13, tzinfo=dt.UTC)):
        reg.submit_case(sibling)
        entry = report_incident(reg, incident_from_fields(
            case="atlas-2-eu", date="2026-11-29", deployer="Acme API customer", developer="Acme Labs",
            harmed=["a hospital network"], description="A phishing kit drafted with the model",
            severity="low", domain="cyber", known="2026-11-29T12:00:00Z"))
    keys = board.case_dir / "keys"
    r = _cg(keys, board.database_url, "incident", "clocks", "--case", CASE, "--at", "2026-12-01T00:00:00Z", code=1)
    line = next(x for x in r.stdout.splitlines() if "ca-sb53:unclassified" in x)
    assert line.startswith(f"incident #{entry.index} (filed under case atlas-2-eu, about the same model: file its "
                           "reports with --case atlas-2-eu) ca-sb53:unclassified"), r.stdout
    assert "overdue" in line, line
    assert "filed under case atlas-2-eu about the same model" in r.stderr, r.stderr
    rows = json.loads(_cg(keys, board.database_url, "incident", "clocks", "--case", CASE, "--at",
                          "2026-12-01T00:00:00Z", "--json", code=1).stdout)["reports"]
    assert {(x["incident"], x["filed_under"]) for x in rows} == {(entry.index, "atlas-2-eu")}, rows
    # the case it was filed under lists it as its own
    own = json.loads(_cg(keys, board.database_url, "incident", "clocks", "--case", "atlas-2-eu", "--at",
                         "2026-12-01T00:00:00Z", "--json", code=1).stdout)["reports"]
    assert own and all(x["filed_under"] is None for x in own), own
