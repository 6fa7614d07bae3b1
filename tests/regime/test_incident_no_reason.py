"""An incident declared not reportable with no reason. An incident recorded with no class owes each
regime's provisional report (SB 53's 24 hours, the Code's 2 days) unless a reason says why no class
applies; `--not-reportable N/A` (or `-`, `none`) said nothing and the provisional reports were gone,
on the board, with `incident report` and with `incident classify`, and in an entry another writer
logged. Such a reason is now refused, and read as no reason in the log."""

from __future__ import annotations

from pathlib import Path

import pytest

from casegate.store import open_registry
from tests.monitor.test_cli import _cg
from tests.regime.test_incident_clocks import _report, submitted  # noqa: F401
from tests.regime.test_incident_reports_lab import CASE, _at, _index, _rows

PROVISIONAL = ["ca-sb53:unclassified", "eu-gpai-cop-2025:unclassified"]


def _provisional(tmp: Path, db: str, index: int) -> list[str]:
    return sorted(str(r["class"]) for r in _rows(tmp, db, "2026-12-03T13:00:00Z")
                  if r["incident"] == index and str(r["class"]).endswith(":unclassified"))


@pytest.mark.parametrize("reason", ["N/A", "-", "none", "TBD", "..."])
def test_an_incident_not_reportable_for_no_reason_is_refused(submitted: tuple[Path, str],  # noqa: F811
                                                             monkeypatch: pytest.MonkeyPatch, reason: str) -> None:
    """Attack: the lab records a low-severity cyber incident with `--not-reportable N/A`."""
    tmp, db = submitted
    _at(monkeypatch, "2026-12-03T12:00:00")
    p = _report(tmp, db, "--severity", "low", "--not-reportable", reason, code=2)
    assert "--not-reportable" in p.stderr and "say why no incident class" in p.stderr, p.stderr
    with open_registry(db) as reg:
        assert reg.events(CASE, "incident") == []


def test_a_reason_is_accepted_and_stops_the_provisional_reports(submitted: tuple[Path, str],  # noqa: F811
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    tmp, db = submitted
    _at(monkeypatch, "2026-12-03T12:00:00")
    bare = _index(_report(tmp, db, "--severity", "low").stdout)
    assert _provisional(tmp, db, bare) == PROVISIONAL
    given = _index(_report(tmp, db, "--severity", "low", "--not-reportable",
                           "internal red-team traffic, nobody harmed").stdout)
    assert _provisional(tmp, db, given) == []


def test_a_logged_incident_with_no_reason_owes_the_provisional_reports(
        submitted: tuple[Path, str], monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    """Attack: the lab appends the incident to its registry itself, `not_reportable: N/A`."""
    tmp, db = submitted
    _at(monkeypatch, "2026-12-03T12:00:00")
    given = _index(_report(tmp, db, "--severity", "low", "--not-reportable",
                           "internal red-team traffic, nobody harmed").stdout)
    with open_registry(db) as reg:
        payload = next(e.payload for e in reg.events(CASE, "incident") if e.index == given)
        hollow = reg.record("incident", CASE, {**payload, "not_reportable": "N/A"}).index
    assert _provisional(tmp, db, hollow) == PROVISIONAL
    assert _provisional(tmp, db, given) == []


def test_a_classification_not_reportable_for_no_reason_is_refused(
        submitted: tuple[Path, str], monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    """Attack: the lab classifies an unclassified incident as `--not-reportable n/a` within the
    deadline, so its provisional reports go."""
    tmp, db = submitted
    _at(monkeypatch, "2026-12-03T12:00:00")
    index = _index(_report(tmp, db, "--severity", "low").stdout)
    p = _cg(tmp, db, "incident", "classify", str(index), "--case", CASE, "--not-reportable", "n/a",
            "--by", "Acme Labs", code=2)
    assert "--not-reportable" in p.stderr and '"n/a" is boilerplate' in p.stderr, p.stderr
    assert _provisional(tmp, db, index) == PROVISIONAL
    _cg(tmp, db, "incident", "classify", str(index), "--case", CASE, "--not-reportable",
        "a test account of our own red team; no user reached the model", "--by", "Acme Labs")
    assert _provisional(tmp, db, index) == []
