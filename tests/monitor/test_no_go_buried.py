"""A NO-GO is not buried under more versions (SQLite and PostgreSQL).

A decision is compared with every version of a case about the same model that a logged decision
or judgement found NO-GO since that case's last approval. Those versions were cut in the middle
past `EARLIER_MAX` (20), as the other compared versions are, so a lab that had many versions
judged NO-GO, or filed twenty more NO-GO'd versions after the one it wanted forgotten, had the
middle ones compared with nothing, and `state apply` did not require them either. Every one is now
compared with, however many follow; the cost (one stored version loaded and compared each, about
45 ms here) is bounded by the `no-go-versions` limit (500) for the whole model, past which no
decision is made: exit 2 naming `CASEGATE_LIMIT_NO_GO_VERSIONS`."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from casegate.gate import run_gate
from casegate.limits import LimitError
from casegate.load import load_case
from casegate.monitor import comparison_for
from casegate.monitor._compare import EARLIER_MAX, required_history
from casegate.store import Registry, record_decision
from tests.verify.trusted import CASE

ATLAS = Path(__file__).resolve().parents[2] / "examples" / "atlas-api"
MANY = 2 * EARLIER_MAX + 5
"""More versions judged NO-GO than the cut of the versions since an approval and the former cut of
the NO-GO'd ones together keep."""


def _buried(reg: Registry, tmp_path: Path) -> tuple[Path, list[int], int]:
    """`MANY` versions of atlas-api, each judged NO-GO and the decision logged, then the version the
    lab decides on. Returns its case file, the NO-GO'd numbers and its own number."""
    d = tmp_path / "c"
    shutil.copytree(ATLAS, d)
    c = d / "case.yaml"
    text = c.read_text()
    assert text.count("title: Atlas-2 general API") == 1
    record = run_gate(load_case(c), today=dt.date(2026, 11, 27))
    assert record.outcome == "NO-GO"

    def submit(title: str) -> int:
        c.write_text(text.replace("title: Atlas-2 general API", f"title: {title}", 1))
        return int(reg.submit_case(load_case(c)).number)

    judged = []
    for k in range(MANY):
        n = submit(f"Atlas-2 attempt {k}")
        record_decision(reg, record, version=n)
        judged.append(n)
    last = submit("Atlas-2 general API")
    return c, judged, last


def test_every_no_go_version_is_compared_however_many_follow(reg: Registry, tmp_path: Path) -> None:
    c, judged, last = _buried(reg, tmp_path)
    shown = {c.baseline.number for c in comparison_for(reg, load_case(c)).versions}
    assert set(judged) <= shown, sorted(set(judged) - shown)
    required, _ = required_history(reg, CASE, last)
    assert set(judged) <= {n for case, n, _, _ in required if case == CASE}


def test_past_the_limit_no_decision_is_made(reg: Registry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    c, judged, last = _buried(reg, tmp_path)
    monkeypatch.setenv("CASEGATE_LIMIT_NO_GO_VERSIONS", str(MANY - 1))
    for attempt in (lambda: comparison_for(reg, load_case(c)), lambda: required_history(reg, CASE, last)):
        with pytest.raises(LimitError) as e:
            attempt()
        assert "judged NO-GO" in str(e.value) and "over the no-go-versions" in str(e.value), str(e.value)
        assert "CASEGATE_LIMIT_NO_GO_VERSIONS" in (e.value.help or ""), e.value.help
    monkeypatch.setenv("CASEGATE_LIMIT_NO_GO_VERSIONS", str(MANY))
    assert {c.baseline.number for c in comparison_for(reg, load_case(c)).versions} >= set(judged)
