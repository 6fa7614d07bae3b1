"""CG33x details beyond the bad/good fixtures: every failed status, and weight by citation."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from casegate.checks import check_case
from casegate.evidence import rehash_artifacts
from casegate.load import load_case
from casegate.model import RuleSeverity

RULES = Path(__file__).resolve().parents[1] / "fixtures" / "rules"


def _findings(tmp_path: Path, text: str, code: str):  # type: ignore[no-untyped-def]
    d = tmp_path / "CG333" / "bad"  # same depth as the fixtures: their relative paths resolve
    d.mkdir(parents=True)
    (d / "case.yaml").write_text(text)
    # the fixture's relative paths point two levels up: mirror them
    (tmp_path / "policy.yaml").write_text((RULES / "policy.yaml").read_text())
    (tmp_path / "artifacts").symlink_to(RULES / "artifacts")
    loaded = load_case(d / "case.yaml")
    rep = check_case(loaded, today=dt.date(2026, 11, 27), artifacts=rehash_artifacts(loaded))
    return [f for f in rep.findings if f.code == code]


@pytest.mark.parametrize("status", ["error", "cancelled", "started"])
def test_every_unfinished_status_is_caught(tmp_path: Path, status: str) -> None:
    # declared (no log): the record's status is the only one there is
    text = "".join(line for line in (RULES / "CG333" / "bad" / "case.yaml").read_text().splitlines(True)
                   if not line.lstrip().startswith(("artifact:", "sha256:")))
    text = text.replace("status: error", f"status: {status}")
    found = _findings(tmp_path, text, "CG333")
    assert len(found) == 1 and f"status '{status}'" in found[0].message
    assert found[0].severity is RuleSeverity.blocking


def test_an_uncited_failed_run_is_advisory(tmp_path: Path) -> None:
    text = (RULES / "CG333" / "bad" / "case.yaml").read_text().replace("evidence: [E-arith]", "undeveloped: true")
    found = _findings(tmp_path, text, "CG333")
    assert len(found) == 1 and found[0].severity is RuleSeverity.advisory
