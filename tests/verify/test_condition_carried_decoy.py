"""A condition's due date is not shed by a decoy under a new case id (SQLite and PostgreSQL).

A case with no history of its own is compared with the case about the same model submitted last,
and stands where that case stood: its unmet conditions keep their due dates. The lab's move:
atlas-2-api is approved WITH CONDITIONS (C1, due in February). Rather than meet it, the lab files
the same model under a new case id, atlas-2-api-ga, after submitting a decoy first: a draft
version of atlas-2-api-ga itself (so the new case has a history of its own), or a draft case
atlas-2-api-mirror of the same model (so the case submitted last is the decoy). Before, the
comparison carried only the conditions of that one case (the new case's own, or the decoy's):
atlas-2-api's unmet conditions were left behind, the same condition raised again got a fresh due
date months later, and the registry's judgement, which reads the same comparison, approved it.
Now the unmet conditions of every case about the same model come with it."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from casegate.gate import run_gate
from casegate.load import load_case
from casegate.store import open_registry

from ..web.conftest import approve, build_board
from .test_condition_carried import _no_later_due, _record, _resubmitted


def _decoy(case_dir: Path, dest: Path, database_url: str, case_id: str) -> None:
    """A draft of the approved case under `case_id`, submitted to the registry (nothing decided)."""
    shutil.copytree(case_dir, dest)
    text = (dest / "case.yaml").read_text()
    assert "\nid: atlas-2-api\n" in text
    (dest / "case.yaml").write_text(text.replace("\nid: atlas-2-api\n", f"\nid: {case_id}\n", 1))
    with open_registry(database_url) as reg:
        reg.submit_case(load_case(dest / "case.yaml"))


@pytest.mark.parametrize("decoy", ["atlas-2-api-ga", "atlas-2-api-mirror"], ids=["decoy-version", "decoy-case"])
def test_a_decoy_does_not_shed_the_conditions_of_the_same_model(tmp_path: Path, database_url: str, decoy: str) -> None:
    b = build_board(tmp_path, database_url)
    first = _record(approve(b))
    assert first.outcome == "GO WITH CONDITIONS" and first.conditions
    was = {(c.cause, tuple(map(str, c.path))): c.due for c in first.conditions}
    _decoy(b.case_dir, tmp_path / "decoy", database_url, decoy)
    loaded, comparison = _resubmitted(b.case_dir, tmp_path / "renamed", database_url,
                                      {"\nid: atlas-2-api\n": "\nid: atlas-2-api-ga\n",
                                       "\ndate: 2026-11-20\n": "\ndate: 2027-01-20\n"})
    assert set(was) <= {(c.cause, tuple(c.path)) for c in comparison.standing}, comparison.standing
    capped = run_gate(loaded, today=dt.date(2027, 1, 21), comparison=comparison, try_narrower=False)
    assert {(c.cause, tuple(map(str, c.path))) for c in capped.conditions} & set(was)
    _no_later_due(capped.conditions, was)
