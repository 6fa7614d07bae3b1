"""A condition is a debt with a date, and a new version does not reschedule it: the lab that
cannot meet a condition of its approved decision submits the same case again, dated later, before
the condition falls due. The gate run against the registry gives each condition that the decision
the case stands on set already, and that nothing shows met, its earlier due date; so the registry's
judgement refuses a decision that gives it more time, and `verify` holds the deploy to the date."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from types import SimpleNamespace

from casegate.gate import run_gate
from casegate.load import load_case
from casegate.model import DecisionRecord
from casegate.monitor import comparison_for
from casegate.sign import load_keyring, parse_instant, with_attestations
from casegate.store import open_registry
from casegate.verify import judgement_problems

from ..web.conftest import KEYRING, approve, build_board


def _record(bundle: Path) -> DecisionRecord:
    from casegate.sign import decode_payload

    env = json.loads(bundle.read_text())["decision"]
    return DecisionRecord.model_validate(decode_payload(env)["predicate"]["record"])


def test_a_condition_raised_again_by_a_later_version_keeps_its_due_date(tmp_path: Path, database_url: str) -> None:
    b = build_board(tmp_path, database_url)
    first = _record(approve(b))
    assert first.outcome == "GO WITH CONDITIONS" and first.conditions
    was = {(c.cause, tuple(map(str, c.path))): c.due for c in first.conditions}
    # the same case again, dated two months later (its evidence still counting)
    again = tmp_path / "again"
    shutil.copytree(b.case_dir, again)
    text = (again / "case.yaml").read_text()
    assert "\ndate: 2026-11-20\n" in text
    (again / "case.yaml").write_text(text.replace("\ndate: 2026-11-20\n", "\ndate: 2027-01-20\n"))
    ring = load_keyring(KEYRING)
    loaded = with_attestations(load_case(again / "case.yaml"), ring, parse_instant("2027-01-21", end_of_day=True))
    reg = open_registry(database_url)
    try:
        comparison = comparison_for(reg, loaded, keyring=ring)
    finally:
        reg.close()
    assert {(c.cause, tuple(c.path)) for c in comparison.standing} == set(was)
    day = dt.date(2027, 1, 21)
    capped = run_gate(loaded, today=day, comparison=comparison, try_narrower=False)
    assert capped.outcome == "GO WITH CONDITIONS"
    for c in capped.conditions:
        key = (c.cause, tuple(map(str, c.path)))
        if key in was:
            assert c.due is not None and was[key] is not None and c.due <= was[key], (c, was[key])
    # without what the registry remembers, the same run gives the condition more time: the
    # registry's own judgement (which has it) refuses that decision
    free = run_gate(loaded, today=day, comparison=comparison_for_without_standing(comparison), try_narrower=False)
    later = [c for c in free.conditions if (k := (c.cause, tuple(map(str, c.path)))) in was and c.due and c.due > (was[k] or "")]
    assert later, "the move must give some condition a later date without the registry's memory"
    registry = SimpleNamespace(record=capped, problems=[])  # the registry's judgement, as far as it is read here
    problems = judgement_problems(free, registry, day)  # type: ignore[arg-type]
    assert any("later due dates" in p for p in problems), problems


def comparison_for_without_standing(c):  # type: ignore[no-untyped-def]
    from casegate.gate import Comparison

    return Comparison(versions=c.versions, policy_changes=c.policy_changes, incidents=c.incidents, lineage=c.lineage,
                      protocols=c.protocols, why_none=c.why_none, notes=c.notes, artifact_dates=c.artifact_dates,
                      signoff_dates=c.signoff_dates)
