"""A condition the decision the case stands on set keeps its due date in the next version (see
tests/gate/test_regimes_reordered.py). The lab lets that date pass, none of it shown met, and submits
the same case again: the gate came out GO WITH CONDITIONS, its condition already overdue the day it
was decided. Such a decision now blocks (CG750 condition-overdue), as `condition list` reports the
registry's own overdue condition."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from casegate.gate import Compared, Comparison, run_gate
from casegate.load import Loaded, load_case
from casegate.model import Baseline, Condition, DecisionRecord
from casegate.sign import load_keyring, parse_instant, with_attestations

ROOT = Path(__file__).resolve().parents[2]
ATLAS = ROOT / "examples" / "atlas-api"
TODAY = dt.date(2026, 11, 27)


def _loaded() -> Loaded:
    ring = load_keyring(ATLAS / "keys" / "keyring.yaml")
    return with_attestations(load_case(ATLAS / "case.yaml"), ring, parse_instant(TODAY.isoformat(), end_of_day=True))


def _gate(standing: list[Condition]) -> DecisionRecord:
    loaded = _loaded()
    assert loaded.case is not None
    comparison = Comparison(versions=[Compared(Baseline(role="approved", label="version 1.0 (#1)"), loaded.case, None)],
                            standing=standing)
    return run_gate(loaded, today=TODAY, comparison=comparison, try_narrower=False)


def _standing(due: str, cause: str = "CG305", path: tuple[str, ...] = ("evidence", "E-cyber-ctf", "result")) -> Condition:
    return Condition(id="C1", text="the alert-level safeguards, monitoring and re-evaluation apply", cause=cause,
                     path=path, due=due)


def test_the_unedited_case_sets_one_condition() -> None:
    r = run_gate(_loaded(), today=TODAY, try_narrower=False)
    assert r.outcome == "GO WITH CONDITIONS"
    assert [(c.cause, tuple(c.path)) for c in r.conditions] == [("CG305", ("evidence", "E-cyber-ctf", "result"))]


def test_the_same_case_decided_after_its_condition_fell_due_is_no_go() -> None:
    r = _gate([_standing("2026-11-25")])
    assert r.outcome == "NO-GO" and not r.conditions
    (f,) = [f for f in r.findings if f.blocking]
    assert f.code == "CG750" and f.name == "condition-overdue"
    assert "(CG305 on evidence.E-cyber-ctf.result) was due on 2026-11-25, before this decision (2026-11-27)" \
           in f.message, f.message
    assert f.location is not None and f.location.file.endswith("evidence.yaml")


def test_a_condition_carried_before_its_due_date_keeps_it_and_does_not_block() -> None:
    r = _gate([_standing("2026-11-27")])
    assert r.outcome == "GO WITH CONDITIONS"
    assert not [f for f in r.findings if f.code == "CG750"]
    assert [c.due for c in r.conditions] == ["2026-11-27"]


def test_an_overdue_condition_the_version_no_longer_raises_does_not_block() -> None:
    """What this version no longer raises, it is not held to by the gate: the new decision replaces
    the old conditions (the moves that make a condition go away are caught by the rules on them:
    CG320 for an alert level dropped, CG350 for the run left out)."""
    r = _gate([_standing("2026-11-01", cause="CG1001", path=("regimes", "1"))])
    assert r.outcome == "GO WITH CONDITIONS"
    assert not [f for f in r.findings if f.code == "CG750"]


def test_no_narrower_boundary_escapes_the_overdue_condition() -> None:
    """The gate proposes the widest narrower boundary that passes: each carries the same condition,
    overdue, so none does."""
    loaded = _loaded()
    assert loaded.case is not None
    comparison = Comparison(versions=[Compared(Baseline(role="approved", label="version 1.0 (#1)"), loaded.case, None)],
                            standing=[_standing("2026-11-25")])
    r = run_gate(loaded, today=TODAY, comparison=comparison)
    assert r.outcome == "NO-GO" and r.narrower is None, (r.narrower, r.trials)
    assert all(t.outcome == "NO-GO" for t in r.trials), r.trials


def test_a_case_dated_before_the_due_date_is_judged_on_the_registry_clock() -> None:
    """The lab's move: the case's `date:` before the standing condition's due date (atlas-api is dated
    2026-11-20, the condition due 2026-11-25), gated with no `--at` on 2026-11-27 by the registry's
    clock. It was GO WITH CONDITIONS: the due date was compared with the case's own date. It is
    compared with the registry's clock (no earlier than its last entry): CG750."""
    loaded = _loaded()
    assert loaded.case is not None and loaded.case.date == dt.date(2026, 11, 20)
    now = dt.datetime(2026, 11, 27, 9, tzinfo=dt.UTC)
    comparison = Comparison(versions=[Compared(Baseline(role="approved", label="version 1.0 (#1)"), loaded.case, None)],
                            standing=[_standing("2026-11-25")], clock=now, last_logged=now - dt.timedelta(hours=1))
    r = run_gate(loaded, comparison=comparison, try_narrower=False)
    assert r.outcome == "NO-GO" and [f.code for f in r.findings if f.blocking] == ["CG750"]
    (f,) = [f for f in r.findings if f.blocking]
    assert "was due on 2026-11-25, before this decision (2026-11-27)" in f.message, f.message
