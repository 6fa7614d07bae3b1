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
from typing import Any

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


def _resubmitted(case_dir: Path, again: Path, database_url: str, swaps: dict[str, str]) -> tuple[Any, Any]:
    """The approved case copied to `again` with `swaps` made in its case.yaml (each must be there),
    loaded as of 2027-01-21, and the registry's comparison for it."""
    shutil.copytree(case_dir, again)
    text = (again / "case.yaml").read_text()
    for old, new in swaps.items():
        assert old in text
        text = text.replace(old, new)
    (again / "case.yaml").write_text(text)
    ring = load_keyring(KEYRING)
    loaded = with_attestations(load_case(again / "case.yaml"), ring, parse_instant("2027-01-21", end_of_day=True))
    reg = open_registry(database_url)
    try:
        return loaded, comparison_for(reg, loaded, keyring=ring)
    finally:
        reg.close()


def _no_later_due(conditions: list[Any], was: dict[tuple[str, tuple[str, ...]], str | None]) -> None:
    """Every condition the decision raised again is due no later than it was."""
    for c in conditions:
        key = (c.cause, tuple(map(str, c.path)))
        if key in was:
            assert c.due is not None and was[key] is not None and c.due <= was[key], (c, was[key])


def test_a_condition_raised_again_by_a_later_version_keeps_its_due_date(tmp_path: Path, database_url: str) -> None:
    b = build_board(tmp_path, database_url)
    first = _record(approve(b))
    assert first.outcome == "GO WITH CONDITIONS" and first.conditions
    was = {(c.cause, tuple(map(str, c.path))): c.due for c in first.conditions}
    # the same case again, dated two months later (its evidence still counting)
    loaded, comparison = _resubmitted(b.case_dir, tmp_path / "again", database_url,
                                      {"\ndate: 2026-11-20\n": "\ndate: 2027-01-20\n"})
    assert {(c.cause, tuple(c.path)) for c in comparison.standing} == set(was)
    day = dt.date(2027, 1, 21)
    capped = run_gate(loaded, today=day, comparison=comparison, try_narrower=False)
    assert capped.outcome == "GO WITH CONDITIONS"
    _no_later_due(capped.conditions, was)
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


def test_an_open_defeater_renamed_keeps_the_due_date_of_its_condition(tmp_path: Path) -> None:
    """An undercutter the policy lets stand open as a condition, due on 2026-12-20 under the decision
    the case stands on; the lab's next version gives it a new id in the same words (CG806 follows
    it, so nothing blocks) hoping the condition starts again from the new version's date."""
    from casegate.gate import Compared, Comparison
    from casegate.model import Baseline, Condition

    atlas = tmp_path / "atlas-api"
    shutil.copytree(Path(__file__).resolve().parents[2] / "examples" / "atlas-api", atlas)
    undercut = ("    D9:\n      defeater: The CTF suite of E-cyber-ctf was run with a scaffold the deployment does not use.\n"
                "      kind: undercutter\n      against: [G2]\n      status: open\n")
    arg = atlas / "argument.yaml"
    text = arg.read_text()
    assert "      defeaters: [D1]\n" in text and "    G3:\n" in text
    arg.write_text(text.replace("      defeaters: [D1]\n", "      defeaters: [D1, D9]\n", 1)
                   .replace("    G3:\n", undercut + "    G3:\n", 1))
    ring = load_keyring(KEYRING)
    at = parse_instant("2026-11-27", end_of_day=True)
    prev = with_attestations(load_case(atlas / "case.yaml"), ring, at)
    assert prev.case is not None
    arg.write_text(arg.read_text().replace("D9", "D9-undercut"))
    loaded = with_attestations(load_case(atlas / "case.yaml"), ring, at)
    standing = [Condition(id="C2", text="undercutter D9 is open", cause="CG801",
                          path=("argument", "elements", "D9", "status"), due="2026-12-20")]
    comparison = Comparison(versions=[Compared(Baseline(role="approved", label="version 1 (#1)"), prev.case, None)],
                            standing=standing)
    r = run_gate(loaded, today=dt.date(2026, 11, 27), comparison=comparison, try_narrower=False)
    assert r.outcome == "GO WITH CONDITIONS", [f.message for f in r.findings if f.blocking]
    (c,) = [c for c in r.conditions if c.cause == "CG801"]
    assert c.path[:3] == ("argument", "elements", "D9-undercut")
    assert c.due == "2026-12-20"


def test_the_run_a_condition_was_raised_on_renamed_keeps_its_due_date(tmp_path: Path) -> None:
    """The cyber suite sits at its alert level, a condition due on 2026-12-20 under the decision the
    case stands on. The lab's next version calls the same run by a new evidence id, hoping the
    condition starts again from the new version's date: the run (its artifact) and the threshold
    it measures are the same, so the condition keeps its date."""
    from casegate.gate import Compared, Comparison
    from casegate.model import Baseline, Condition

    atlas = tmp_path / "atlas-api"
    shutil.copytree(Path(__file__).resolve().parents[2] / "examples" / "atlas-api", atlas)
    ring = load_keyring(KEYRING)
    at = parse_instant("2026-11-27", end_of_day=True)
    prev = with_attestations(load_case(atlas / "case.yaml"), ring, at)
    assert prev.case is not None
    for name in ("case.yaml", "evidence.yaml", "argument.yaml"):
        f = atlas / name
        f.write_text(f.read_text().replace("E-cyber-ctf", "E-cyber-ctf-rerun"))
    loaded = with_attestations(load_case(atlas / "case.yaml"), ring, at)
    standing = [Condition(id="C1", text="cyber-high is at its alert level", cause="CG305",
                          path=("evidence", "E-cyber-ctf", "result"), due="2026-12-20")]
    comparison = Comparison(versions=[Compared(Baseline(role="approved", label="version 1 (#1)"), prev.case, None)],
                            standing=standing)
    r = run_gate(loaded, today=dt.date(2026, 11, 27), comparison=comparison, try_narrower=False)
    assert r.outcome == "GO WITH CONDITIONS", [f.message for f in r.findings if f.blocking]
    (c,) = [c for c in r.conditions if c.cause == "CG305"]
    assert c.path[:2] == ("evidence", "E-cyber-ctf-rerun")
    assert c.due == "2026-12-20"


def test_a_new_case_id_for_the_same_model_keeps_the_conditions_due_dates(tmp_path: Path, database_url: str) -> None:
    """The lab that cannot meet a condition submits the same case under a new case id: the registry
    compares it with the case about the same model, and its unmet conditions come with it."""
    b = build_board(tmp_path, database_url)
    first = _record(approve(b))
    assert first.conditions
    was = {(c.cause, tuple(map(str, c.path))): c.due for c in first.conditions}
    loaded, comparison = _resubmitted(b.case_dir, tmp_path / "renamed", database_url,
                                      {"\nid: atlas-2-api\n": "\nid: atlas-2-api-ga\n",
                                       "\ndate: 2026-11-20\n": "\ndate: 2027-01-20\n"})
    assert {(c.cause, tuple(c.path)) for c in comparison.standing} == set(was)
    capped = run_gate(loaded, today=dt.date(2027, 1, 21), comparison=comparison, try_narrower=False)
    _no_later_due(capped.conditions, was)


def test_a_withdrawal_in_between_does_not_clear_the_conditions(tmp_path: Path, database_url: str) -> None:
    """The lab has the approved case withdrawn and submits it again, hoping the next decision stands
    on nothing and starts its conditions afresh: the decision it last stood on still holds them."""
    from casegate.monitor import CaseState, act

    b = build_board(tmp_path, database_url)
    first = _record(approve(b))
    was = {(c.cause, tuple(map(str, c.path))) for c in first.conditions}
    assert was
    reg = open_registry(database_url)
    try:
        act(reg, "atlas-2-api", CaseState.withdrawn, role="rso", reason="resubmitting")
        assert reg.case_state("atlas-2-api") == "withdrawn"
        ring = load_keyring(KEYRING)
        loaded = with_attestations(load_case(b.case_dir / "case.yaml"), ring, parse_instant("2027-01-21", end_of_day=True))
        comparison = comparison_for(reg, loaded, keyring=ring)
    finally:
        reg.close()
    assert {(c.cause, tuple(c.path)) for c in comparison.standing} == was


def test_a_new_waiver_does_not_give_a_waived_finding_more_time(tmp_path: Path) -> None:
    """The cyber monitor dropped (CG720 blocks) and the finding waived by the rso until 2026-12-20
    in the decision the case stands on; the lab's next version brings a fresh waiver, signed within
    the policy's 60 days, until 2027-01-20, hoping the condition the waiver makes falls due later.
    It keeps the earlier date; a sooner waiver's date is kept as it is."""
    from casegate.gate import Compared, Comparison
    from casegate.model import Baseline, Condition, Waiver

    from ..checks.test_alert_domain_monitored import CYBER_MONITOR, CYBER_TRIGGER

    atlas = tmp_path / "atlas-api"
    shutil.copytree(Path(__file__).resolve().parents[2] / "examples" / "atlas-api", atlas)
    text = (atlas / "case.yaml").read_text()
    assert text.count(CYBER_MONITOR) == 1 and text.count(CYBER_TRIGGER) == 1
    (atlas / "case.yaml").write_text(text.replace(CYBER_MONITOR, "").replace(CYBER_TRIGGER, ""))
    ring = load_keyring(KEYRING)
    loaded = with_attestations(load_case(atlas / "case.yaml"), ring, parse_instant("2026-11-27", end_of_day=True))
    assert loaded.case is not None
    today = dt.date(2026, 11, 27)
    (hit,) = [f for f in run_gate(loaded, today=today, try_narrower=False).findings if f.code == "CG720"]
    standing = [Condition(id="C2", text="cyber is not watched (waived until 2026-12-20)", cause="CG720",
                          path=tuple(hit.path), due="2026-12-20")]
    comparison = Comparison(versions=[Compared(Baseline(role="approved", label="version 1 (#1)"), loaded.case, None)],
                            standing=standing)

    def due(until: str) -> str | None:
        w = Waiver(code="CG720", path=tuple(hit.path), role="rso", person="Sam Whitfield",
                   reason="the cyber monitor is being rebuilt", until=until)
        r = run_gate(loaded, today=today, waivers=[w], comparison=comparison, try_narrower=False)
        assert r.outcome == "GO WITH CONDITIONS", [f.message for f in r.findings if f.blocking and not f.waived]
        (c,) = [c for c in r.conditions if c.cause == "CG720"]
        return c.due

    assert due("2027-01-20") == "2026-12-20"
    assert due("2026-12-10") == "2026-12-10"
