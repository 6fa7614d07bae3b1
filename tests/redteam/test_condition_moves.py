"""`casegate redteam`'s moves against the conditions of a decision: each told to a temporary registry
in which the unedited case was submitted, gated GO WITH CONDITIONS and that decision applied (its
conditions logged, none confirmed met), then played with the next version. A move to shed a
condition is held to it when the next version's decision keeps every condition, due no later; with
the part of the registry's comparison that holds it there taken away, each move is reported not
caught and the run's exit code says so."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest

from casegate._record import replace
from casegate.load import load_case
from casegate.redteam import RedteamReport, run_redteam
from casegate.redteam._registry import REGISTRY_MUTATIONS, RegistryMutation
from casegate.sign import load_keyring, parse_instant, with_attestations

ROOT = Path(__file__).resolve().parents[2]
ATLAS = ROOT / "examples" / "atlas-api"
KEYRING = load_keyring(ATLAS / "keys" / "keyring.yaml")

CAUGHT = {
    "condition-overdue-resubmitted": "CG750",
    "boundary-widened-under-condition": "CG211",
    "alert-dropped-under-condition": "CG320",
}
"""The condition moves caught by a blocking finding on atlas-api."""
HELD = ("condition-due-pushed", "conditioned-item-renamed")
"""The condition moves held to the condition they would shed (its due date kept)."""
CONDITION_MOVES = (*CAUGHT, *HELD)

WITHOUT: dict[str, dict[str, Any]] = {
    "condition-due-pushed": {"standing": ()},
    "conditioned-item-renamed": {"standing": ()},
    "condition-overdue-resubmitted": {"standing": ()},
    "boundary-widened-under-condition": {"versions": (), "approved": ()},
    "alert-dropped-under-condition": {"versions": ()},
}
"""The part of the registry's comparison each move is caught through: the unmet conditions of the
decision the case stands on, or the versions recorded before."""


def _loaded() -> Any:
    return with_attestations(load_case(ATLAS / "case.yaml"), KEYRING, parse_instant("2026-11-27"))


def _moves(*names: str) -> list[RegistryMutation]:
    return [m for m in REGISTRY_MUTATIONS if m.name in names]


@cache
def _report() -> RedteamReport:
    return run_redteam(_loaded(), keyring=KEYRING, mutations=(), registry_mutations=_moves(*CONDITION_MOVES))


def _result(name: str) -> Any:
    return next(x for x in _report().results if x.mutation.name == name)


def test_the_condition_moves_are_declared() -> None:
    assert {m.name for m in REGISTRY_MUTATIONS} >= set(CONDITION_MOVES)
    for m in _moves(*CONDITION_MOVES):
        assert m.story == "conditions" and m.edits and m.attacks, m.name
        assert m.sheds_conditions == (m.name in HELD or m.name == "alert-dropped-under-condition"), m.name


@pytest.mark.parametrize("name", sorted(CAUGHT))
def test_a_condition_move_is_caught_on_atlas_api(name: str) -> None:
    r = _result(name)
    assert r.applicable, r.note
    assert r.caught_by == (CAUGHT[name],), (r.status, r.caught_by, r.incidental, r.messages)
    assert r.outcome == "NO-GO"


@pytest.mark.parametrize("name", HELD)
def test_a_move_to_shed_a_condition_is_held_to_it(name: str) -> None:
    """The next version, dated 60 days later with its re-evaluation, is decided before the condition
    falls due; its own dates would set it due 41 days later (the day the run that set it stops
    counting), but the condition keeps the date the applied decision gave it, under a renamed run
    too."""
    r = _result(name)
    assert r.applicable and r.status == "held as a condition", (r.status, r.caught_by, r.incidental, r.messages)
    assert r.outcome == "GO WITH CONDITIONS" and r.conditioned == ("CG305",)
    (msg,) = r.messages
    assert msg.startswith("CG305 (a condition, due 2027-02-18)"), msg
    if name == "conditioned-item-renamed":
        assert "`E-cyber-ctf-renamed`" in msg, msg


def test_the_overdue_condition_is_the_one_the_applied_decision_set() -> None:
    (msg,) = _result("condition-overdue-resubmitted").messages
    assert "(CG305 on evidence.E-cyber-ctf.result) was due on 2027-02-18, before this decision (2027-02-19)" in msg


@pytest.mark.parametrize("name", sorted(WITHOUT))
def test_a_condition_move_is_missed_when_the_comparison_it_needs_is_taken_away(
        name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same run, with the registry's comparison stripped of what holds the move (the unmet
    conditions of the decision the case stands on, as a registry that forgot them would be; or the
    versions recorded before): the move is reported not caught, and the exit code says so."""
    import casegate.monitor as monitor

    real = monitor.comparison_for

    def forgetful(*a: Any, **kw: Any) -> Any:
        return replace(real(*a, **kw), **WITHOUT[name])

    monkeypatch.setattr(monitor, "comparison_for", forgetful)
    report = run_redteam(_loaded(), keyring=KEYRING, mutations=(), registry_mutations=_moves(name))
    (r,) = report.results
    assert r.applicable and r.status == "not caught", (r.status, r.caught_by, r.messages)
    assert report.exit_code == 1


def test_a_renamed_run_is_missed_when_the_gate_does_not_follow_the_rename(monkeypatch: pytest.MonkeyPatch) -> None:
    """`conditioned-item-renamed` is held only because the gate knows the renamed item for the same
    run (its artifact): without that, the condition starts again from the new version's dates."""
    monkeypatch.setattr("casegate.gate._engine._aliases", lambda *a, **kw: {})
    (r,) = run_redteam(_loaded(), keyring=KEYRING, mutations=(),
                       registry_mutations=_moves("conditioned-item-renamed")).results
    assert r.applicable and r.status == "not caught", (r.status, r.messages)


def test_an_overdue_condition_is_missed_without_the_gates_overdue_check(monkeypatch: pytest.MonkeyPatch) -> None:
    """Before the gate checked a carried condition's due date against the decision's day, the same
    case submitted again after its condition fell due came out GO WITH CONDITIONS."""
    monkeypatch.setattr("casegate.gate._engine._overdue", lambda *a, **kw: [])
    (r,) = run_redteam(_loaded(), keyring=KEYRING, mutations=(),
                       registry_mutations=_moves("condition-overdue-resubmitted")).results
    assert r.applicable and r.status == "not caught" and r.outcome == "GO WITH CONDITIONS", (r.status, r.messages)


def test_a_case_decided_no_go_has_no_condition_to_shed() -> None:
    """Without a keyring no sign-off line can be signed: the recorded version is NO-GO, and the
    condition moves say so instead of counting as caught."""
    loaded = load_case(ATLAS / "case.yaml")
    report = run_redteam(loaded, mutations=(), registry_mutations=_moves(*CONDITION_MOVES))
    assert all(not r.applicable and "no condition of a decision to shed" in r.note for r in report.results), \
        [(r.mutation.name, r.status, r.note) for r in report.results]
