"""The developer against the stored values a report clock used to read: it runs the registry, so
it can append an incident entry of its own making. A far-off `due`, a real class marked
`provisional` (so that a classification drops it), or classes with no computed reports each kept
a report's clock from running. Every clock is counted again from the regime's rule."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

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


def _written(db: str, template: int, **changes: Any) -> int:
    """The lab appends an incident entry straight into its registry: the payload of incident
    `template` (recorded by casegate) with `changes`. Returns its log index."""
    with open_registry(db) as reg:
        (entry,) = [e for e in reg.events(CASE, "incident") if e.index == template]
        payload = {**entry.payload, **changes}
        return reg.record("incident", CASE, payload).index


def _mine(rows: list[dict[str, object]], index: int) -> list[tuple[object, object, object]]:
    return [(r["class"], r["due"], r["status"]) for r in rows if r["incident"] == index and not r.get("hinted")]


@pytest.fixture
def template(submitted: tuple[Path, str], monkeypatch: pytest.MonkeyPatch) -> tuple[Path, str, int]:  # noqa: F811
    """A cybersecurity breach (5 days from 2026-12-03T09:30) recorded by casegate: the entry the
    lab copies. Its log index."""
    tmp, db = submitted
    _at(monkeypatch, "2026-12-03T12:00:00")
    index = _index(_report(tmp, db, "--known", "2026-12-03T09:30:00Z", "--class", BREACH).stdout)
    return tmp, db, index


def test_a_due_written_into_the_log_is_counted_again(template: tuple[Path, str, int]) -> None:
    """Attack: the breach report of an incident the lab writes itself says it is due in a year."""
    tmp, db, first = template
    with open_registry(db) as reg:
        (entry,) = [e for e in reg.events(CASE, "incident") if e.index == first]
    (report,) = entry.payload["regime_reports"]
    index = _written(db, first, regime_reports=[{**report, "due": "2027-12-03T09:30:00Z", "deadline": "365 days"}])
    rows = _rows(tmp, db, "2026-12-09T00:00:00Z", code=1)
    assert _mine(rows, index) == [(BREACH, "2026-12-08T09:30:00Z", "overdue")]
    assert f"report-overdue:{index}:{BREACH}" in _late_trigger_fires(db, "2026-12-09T00:00:00Z")


def test_a_known_time_written_into_a_report_is_not_read(template: tuple[Path, str, int]) -> None:
    """Attack: the report the lab writes says the incident became known a week after the incident
    entry says it did."""
    tmp, db, first = template
    with open_registry(db) as reg:
        (entry,) = [e for e in reg.events(CASE, "incident") if e.index == first]
    (report,) = entry.payload["regime_reports"]
    index = _written(db, first, regime_reports=[{**report, "known": "2026-12-10T09:30:00Z",
                                                 "due": "2026-12-15T09:30:00Z"}])
    rows = _rows(tmp, db, "2026-12-09T00:00:00Z", code=1)
    assert _mine(rows, index) == [(BREACH, "2026-12-08T09:30:00Z", "overdue")]


def test_a_class_marked_provisional_is_not_classified_away(template: tuple[Path, str, int],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Attack: the breach report is written as provisional; a classification recorded before its
    deadline took a provisional report away, so classifying the incident under serious harm (15
    days) left only that."""
    tmp, db, first = template
    with open_registry(db) as reg:
        (entry,) = [e for e in reg.events(CASE, "incident") if e.index == first]
    (report,) = entry.payload["regime_reports"]
    index = _written(db, first, regime_reports=[{**report, "provisional": True}])
    _cg(tmp, db, "incident", "classify", str(index), "--case", CASE, "--class", "eu-gpai-cop-2025:serious-harm",
        "--by", "Acme Labs")
    rows = _rows(tmp, db, "2026-12-09T00:00:00Z", code=1)
    assert _mine(rows, index) == [(BREACH, "2026-12-08T09:30:00Z", "overdue"),
                                  ("eu-gpai-cop-2025:serious-harm", "2026-12-18T09:30:00Z", "open")]


def test_classes_written_without_their_reports_still_owe_them(template: tuple[Path, str, int]) -> None:
    """Attack: the incident entry names its class but carries no computed reports, as an entry of a
    case under no regime would."""
    tmp, db, first = template
    with open_registry(db) as reg:
        (entry,) = [e for e in reg.events(CASE, "incident") if e.index == first]
    payload = {k: v for k, v in entry.payload.items() if k != "regime_reports"}
    with open_registry(db) as reg:
        index = reg.record("incident", CASE, payload).index
    rows = _rows(tmp, db, "2026-12-09T00:00:00Z", code=1)
    assert _mine(rows, index) == [(BREACH, "2026-12-08T09:30:00Z", "overdue")]


def test_a_class_no_regime_holds_is_due_by_the_shortest_deadline(template: tuple[Path, str, int]) -> None:
    """A class no regime of the case holds has no deadline to read: it is due by the shortest
    deadline the case's regimes set (SB 53's 24 hours), never by the one written beside it."""
    tmp, db, first = template
    index = _written(db, first, classes=["ca-sb53:lenient"], regime_reports=[{
        "class": "ca-sb53:lenient", "title": "Lenient", "report_to": "nobody", "deadline": "365 days",
        "cite": "none", "known": "2026-12-03T09:30:00Z", "due": "2027-12-03T09:30:00Z"}])
    rows = _rows(tmp, db, "2026-12-05T00:00:00Z", code=1)
    assert _mine(rows, index) == [("ca-sb53:lenient", "2026-12-04T09:30:00Z", "overdue")]


def test_an_incident_naming_a_version_the_registry_lacks_is_read_under_the_latest(
        template: tuple[Path, str, int]) -> None:
    """The recount reads the regimes of the version an incident names; an entry naming a version
    the registry does not hold is read under the versions it does hold (it would otherwise owe
    nothing, or stop every reader)."""
    tmp, db, first = template
    index = _written(db, first, defeats={"version": 99, "claims": []})
    rows = _rows(tmp, db, "2026-12-09T00:00:00Z", code=1)
    assert _mine(rows, index) == [(BREACH, "2026-12-08T09:30:00Z", "overdue")]


def test_an_incident_naming_a_version_under_no_regime_is_read_under_the_case_s_regimes(
        template: tuple[Path, str, int]) -> None:
    """The same with a version 1.1 the lab submits without the regimes (its gate would block on
    CG1005, but the registry holds it), the incident written against it: the regimes of the
    case's other versions still count the deadline."""
    tmp, db, first = template
    case = tmp / "case" / "case.yaml"
    text = case.read_text()
    old = "regimes: [builtin:eu-gpai-cop-2025, builtin:ca-sb53]\n"
    assert old in text and 'version: "1.0"\n' in text
    case.write_text(text.replace(old, "", 1).replace('version: "1.0"\n', 'version: "1.1"\n', 1))
    _cg(tmp, db, "registry", "submit", "case/case.yaml")
    with open_registry(db) as reg:
        assert reg.case_version(CASE, contents=False).number == 2
    index = _written(db, first, defeats={"version": 2, "claims": []})
    rows = _rows(tmp, db, "2026-12-09T00:00:00Z", code=1)
    assert _mine(rows, index) == [(BREACH, "2026-12-08T09:30:00Z", "overdue")]
