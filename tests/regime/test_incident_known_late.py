"""The developer against the start of a report's clock: `--known` is the reporter's word, and the
log refuses it only a day ahead of its own clock (the grace for time zones). An awareness time
after the log recorded the incident started the clock late, by up to a day: a 24-hour report twice
as long. The clock now starts no later than the log recorded the incident."""

from __future__ import annotations

from pathlib import Path

import pytest

from casegate.sign import load_keyring
from tests.monitor.test_cli import _cg
from tests.regime.test_incident_clocks import _report, submitted  # noqa: F401
from tests.regime.test_incident_reports_lab import CASE, _at, _index, _late_trigger_fires, _rows

IMMINENT = "ca-sb53:imminent-risk"  # 24 hours from awareness


def test_a_known_time_after_the_report_does_not_start_the_clock_late(
        submitted: tuple[Path, str], monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    """Attack: recorded at 2026-12-03T12:00 with `--known 2026-12-04T11:00Z`, SB 53's 24-hour
    report was due 2026-12-05T11:00 (47 hours after the log recorded the incident)."""
    tmp, db = submitted
    _at(monkeypatch, "2026-12-03T12:00:00")
    p = _report(tmp, db, "--known", "2026-12-04T11:00:00Z", "--class", IMMINENT)
    index = _index(p.stdout)
    assert "by 2026-12-04T12:00:00Z" in p.stdout, p.stdout
    (row,) = _rows(tmp, db, "2026-12-04T13:00:00Z", code=1, held=False)
    assert row["status"] == "overdue" and row["due"] == "2026-12-04T12:00:00Z" and row["known"] == "2026-12-03T12:00:00Z"
    ring = load_keyring(tmp / "keyring.yaml")
    assert _late_trigger_fires(db, "2026-12-04T13:00:00Z", ring) == [f"report-overdue:{index}:{IMMINENT}"]


def test_a_known_time_after_the_report_does_not_delay_a_later_classification(
        submitted: tuple[Path, str], monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: F811
    """The same move through `incident classify`: the incident recorded as not reportable with a
    late `--known`, then classified; the class's clock counts from the log's record too."""
    tmp, db = submitted
    _at(monkeypatch, "2026-12-03T12:00:00")
    index = _index(_report(tmp, db, "--known", "2026-12-04T11:00:00Z", "--not-reportable", "nobody harmed").stdout)
    _cg(tmp, db, "incident", "classify", str(index), "--case", CASE, "--class", IMMINENT, "--by", "Acme Labs")
    (row,) = _rows(tmp, db, "2026-12-04T13:00:00Z", code=1, held=False)
    assert row["status"] == "overdue" and row["due"] == "2026-12-04T12:00:00Z"
