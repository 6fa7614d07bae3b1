"""Charts on the board: the reviewers' case page shows the gate's numbers (threshold bounds,
residual risk) and the case's timeline; the public pages show them with every number the
publication redacted withheld, and the public summary page carries the redacted diagram."""

from __future__ import annotations

from .conftest import BoardFixture
from .test_state_first import CASE, _publish


def test_reviewers_see_the_numbers_the_gate_decided_on(board: BoardFixture) -> None:
    _publish(board)
    page = board.client.get(f"/cases/{CASE}", headers=board.auth("rso")).text
    charts = page.split('id="charts"', 1)[1]
    assert 'aria-labelledby="thresholds-t thresholds-d"' in charts
    assert "33/200 in E-cyber-ctf" in charts and "upper bound 0.214 (95% one-sided)" in charts
    assert "within tolerance 1e-03" in charts
    assert 'id="timeline"' in page and "version 1.0 submitted" in page
    # one number per evaluation: the evidence table shows the bound the gate uses, labelled
    table = page.split('id="evidence"', 1)[1]
    assert "33/200; upper bound 0.214 (95% one-sided)" in table and "CI" not in table


def test_the_public_sees_charts_without_redacted_numbers(board: BoardFixture) -> None:
    _publish(board)
    page = board.client.get(f"/public/cases/{CASE}").text
    assert 'id="charts"' in page and 'id="timeline"' in page
    assert "33/200" not in page and "0.214" not in page  # E-cyber-ctf is internal
    assert "withheld: the evaluation is redacted for this audience" in page
    summary = board.client.get(f"/public/cases/{CASE}/summary").text
    assert "<svg" in summary and "redacted" in summary  # the redacted argument diagram
    assert summary.count('<figure class="chart">') == 2 and "33/200" not in summary
