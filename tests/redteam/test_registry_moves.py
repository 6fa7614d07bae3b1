"""`casegate redteam`'s registry moves: each played against a temporary SQLite registry of its own
and caught through the registry's comparison (`casegate.monitor.comparison_for`), the one `gate
--db` and the registry's own judgement use. With the part of that comparison a move is caught by
taken away, the move is reported not caught: the registry's memory, not the red team, catches it."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from casegate._record import replace
from casegate.load import load_case
from casegate.redteam import MUTATIONS, RedteamReport, run_redteam
from casegate.redteam._registry import REGISTRY_MUTATIONS
from casegate.sign import load_keyring, parse_instant, with_attestations

ROOT = Path(__file__).resolve().parents[2]
ATLAS = ROOT / "examples" / "atlas-api"
KEYRING = load_keyring(ATLAS / "keys" / "keyring.yaml")

EXPECTED = {
    "dropped-run-resubmitted": "CG350",
    "new-case-id-after-no-go": "CG806",
    "decoy-before-refiling": "CG806",
    "dropped-regime-resubmitted": "CG1005",
    "regime-cut-from-policy": "CG1005",
    "incidents-denied-after-incident": "CG438",
    "incident-attack-left-out": "CG440",
    "reports-overdue-resubmitted": "CG1003",
    "reports-owed-case-dated-before": "CG1003",
    "relaxed-threshold-resubmitted": "CG320",
    "incident-ignored": "CG708",
    "breach-unapplied-reopened": "CG718",
}
"""Each registry move and the rule that catches it on atlas-api."""

WITHOUT: dict[str, dict[str, Any]] = {
    "dropped-run-resubmitted": {"versions": ()},
    "new-case-id-after-no-go": {"versions": (), "approved": (), "recorded": ()},
    "decoy-before-refiling": {"versions": (), "approved": (), "recorded": ()},
    "dropped-regime-resubmitted": {"versions": ()},
    "regime-cut-from-policy": {"versions": ()},
    "incidents-denied-after-incident": {"incidents": (), "denied": ()},
    "incident-attack-left-out": {"incidents": ()},
    "reports-overdue-resubmitted": {"missed_reports": None},
    "reports-owed-case-dated-before": {"missed_reports": None},
    "relaxed-threshold-resubmitted": {"versions": ()},
    "incident-ignored": {"incidents": ()},
}
"""The part of the registry's comparison each move is caught through: the earlier versions it
recorded (for a refiled case, every version of the NO-GO'd case), the incidents it logged, or the
regime reports they owe (as the gate was before it read the registry's report clocks)."""


def _loaded() -> Any:
    return with_attestations(load_case(ATLAS / "case.yaml"), KEYRING, parse_instant("2026-11-27"))


@cache
def _report() -> RedteamReport:
    return run_redteam(_loaded(), keyring=KEYRING, mutations=(), registry_mutations=REGISTRY_MUTATIONS)


def test_every_registry_move_is_declared() -> None:
    """The moves against a decision's conditions are tested in test_condition_moves.py."""
    from tests.redteam.test_condition_moves import CONDITION_MOVES

    assert {m.name for m in REGISTRY_MUTATIONS} == set(EXPECTED) | set(CONDITION_MOVES)
    assert not {m.name for m in REGISTRY_MUTATIONS} & {m.name for m in MUTATIONS}
    for m in REGISTRY_MUTATIONS:
        if m.name in EXPECTED:
            assert m.caught_by == (EXPECTED[m.name],) and m.edits and m.attacks, m.name


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_registry_move_is_caught_on_atlas_api(name: str) -> None:
    r = next(x for x in _report().results if x.mutation.name == name)
    assert r.applicable, r.note
    assert r.caught_by == (EXPECTED[name],), (r.status, r.caught_by, r.incidental, r.messages)
    assert r.outcome == "NO-GO"


def test_a_refiled_case_is_caught_by_the_no_go_of_the_case_it_left() -> None:
    r = next(x for x in _report().results if x.mutation.name == "new-case-id-after-no-go")
    (msg,) = [m for m in r.messages if m.startswith("CG806")]
    assert "in case atlas-2-api version 1.0 (#1)" in msg, msg


def test_a_decoy_under_the_new_id_does_not_hide_the_no_go(monkeypatch: pytest.MonkeyPatch) -> None:
    """With a draft submitted under the new id first, the refiled version's previous version is the
    draft: the NO-GO'd version of the other case is compared with because the registry looks up
    every version of a case of the same model judged NO-GO, and every version of another case about
    the same model submitted since its last approval. Without both look-ups, the move is missed."""
    r = next(x for x in _report().results if x.mutation.name == "decoy-before-refiling")
    (msg,) = [m for m in r.messages if m.startswith("CG806")]
    assert "in case atlas-2-api version 1.0 (#1), judged NO-GO" in msg, msg
    monkeypatch.setattr("casegate.monitor._compare.judged_no_go", lambda *a, **kw: [])
    monkeypatch.setattr("casegate.monitor._compare.other_cases_drafts", lambda *a, **kw: [])
    (m,) = [x for x in REGISTRY_MUTATIONS if x.name == "decoy-before-refiling"]
    (r,) = run_redteam(_loaded(), keyring=KEYRING, mutations=(), registry_mutations=[m]).results
    assert r.applicable and r.status == "not caught", (r.status, r.caught_by, r.messages)


def test_the_incident_is_the_one_logged_against_the_recorded_version() -> None:
    r = next(x for x in _report().results if x.mutation.name == "incident-ignored")
    (msg,) = [m for m in r.messages if m.startswith("CG708")]
    assert "incident-1 (cyber, high" in msg and "of version 1.0 (#1)" in msg, msg


def test_a_breach_left_behind_by_a_hand_reopening_must_be_answered(monkeypatch: pytest.MonkeyPatch) -> None:
    """The lab's move: the case approved with conditions, readings breaching its cyber flag monitor
    ingested, no trigger run; the RSO reopens the case by hand ("a routine refresh") and the same case
    is submitted as the next version. The hand move logs the breach as a trigger run would, so the new
    version must answer it (CG718). Without that logging the breach is never logged and the move is
    missed: the new version comes out as the approved one did."""
    r = next(x for x in _report().results if x.mutation.name == "breach-unapplied-reopened")
    (msg,) = [m for m in r.messages if m.startswith("CG718")]
    assert "monitor M-cyber-flags: cyber-classifier-flag-rate read 0.02" in msg and "of version 1.0 (#1)" in msg, msg
    monkeypatch.setattr("casegate.monitor._run.log_unapplied_breaches", lambda *a, **kw: [])
    (m,) = [x for x in REGISTRY_MUTATIONS if x.name == "breach-unapplied-reopened"]
    (r,) = run_redteam(_loaded(), keyring=KEYRING, mutations=(), registry_mutations=[m]).results
    assert r.applicable and r.status == "not caught" and r.outcome == "GO WITH CONDITIONS", \
        (r.status, r.outcome, r.messages)


@pytest.mark.parametrize("name", sorted(WITHOUT))
def test_a_registry_move_is_missed_when_the_comparison_it_needs_is_taken_away(
        name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same run, with the registry's comparison stripped of what catches the move (as a registry
    that forgot its earlier versions, or its incidents, would be): the move is reported not caught,
    and the run's exit code says so."""
    import casegate.monitor as monitor

    real = monitor.comparison_for

    def forgetful(*a: Any, **kw: Any) -> Any:
        return replace(real(*a, **kw), **WITHOUT[name])

    monkeypatch.setattr(monitor, "comparison_for", forgetful)
    (m,) = [x for x in REGISTRY_MUTATIONS if x.name == name]
    report = run_redteam(_loaded(), keyring=KEYRING, mutations=(), registry_mutations=[m])
    (r,) = report.results
    assert r.applicable and r.status == "not caught", (r.status, r.caught_by, r.messages)
    assert report.exit_code == 1


def test_the_moves_touch_neither_the_case_nor_the_users_registry(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The registries are made in a temporary workspace: the one the user configured is never
    created or opened, and the case's own files keep their bytes."""
    users = tmp_path / "users-registry.db"
    monkeypatch.setenv("CASEGATE_DATABASE_URL", f"sqlite:///{users}")
    monkeypatch.chdir(tmp_path)
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in ATLAS.rglob("*") if p.is_file()}
    report = run_redteam(_loaded(), keyring=KEYRING, mutations=(), registry_mutations=REGISTRY_MUTATIONS[:1])
    assert report.results[0].caught
    assert not users.exists() and not (tmp_path / ".casegate").exists()
    assert {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in ATLAS.rglob("*") if p.is_file()} == before


def test_a_case_folder_too_large_to_copy_is_not_applicable(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where the folder cannot be copied, no registry move is played, each says why, and none
    counts as caught."""
    monkeypatch.setattr("casegate.redteam._registry.COPY_MAX_BYTES", 1)
    report = run_redteam(_loaded(), keyring=KEYRING, mutations=(), registry_mutations=REGISTRY_MUTATIONS)
    assert all(not r.applicable and "is not copied for a registry move" in r.note for r in report.results)
    assert not any(r.caught for r in report.results)


def test_a_case_whose_files_lie_in_sibling_folders_is_copied_with_them() -> None:
    """A failure-mode example includes atlas-api's evidence and argument: the folder holding them
    all is copied, so the moves apply."""
    loaded = with_attestations(load_case(ROOT / "examples" / "failure-modes" / "threshold-gaming" / "case.yaml"),
                               KEYRING, parse_instant("2026-11-27"))
    (m,) = [x for x in REGISTRY_MUTATIONS if x.name == "dropped-run-resubmitted"]
    (r,) = run_redteam(loaded, keyring=KEYRING, mutations=(), registry_mutations=[m]).results
    assert r.caught_by == ("CG350",), (r.status, r.note, r.messages)


def test_chosen_mutations_play_no_registry_move() -> None:
    """A caller choosing its own mutations gets those only; the whole library brings the registry
    moves with it."""
    (r,) = run_redteam(_loaded(), keyring=KEYRING,
                       mutations=[m for m in MUTATIONS if m.name == "dropped-regime"]).results
    assert r.mutation.name == "dropped-regime" and not r.mutation.registry


def test_the_table_and_the_json_mark_registry_moves() -> None:
    env = {**os.environ, "CASEGATE_DEMO_KEYS": "1"}
    args = [sys.executable, "-m", "casegate", "redteam", "examples/atlas-api/case.yaml",
            "--keyring", "examples/atlas-api/keys/keyring.yaml"]
    text = subprocess.run(args, capture_output=True, text=True, cwd=ROOT, env=env)
    assert text.returncode == 0, text.stdout[-2000:] + text.stderr
    for name, code in EXPECTED.items():
        (line,) = [x for x in text.stdout.splitlines() if x.startswith(f"{name} [registry] ")]
        assert "caught" in line and code in line, line
    doc = json.loads(subprocess.run([*args, "--format", "json"], capture_output=True, text=True, cwd=ROOT,
                                    env=env).stdout)
    shown = {m["name"]: m for m in doc["mutations"]}
    assert all(shown[n]["registry"] and shown[n]["status"] == "caught" for n in EXPECTED)
    assert not any(shown[m.name]["registry"] for m in MUTATIONS)


def test_nothing_is_written_through_a_link_out_of_the_copy(tmp_path: Path) -> None:
    """A case whose evidence file is a link, by absolute path, to a file beside its folder: the copy
    keeps the link, which leads to the case's own file. The copy is refused when read (the file
    lies out of the copy's folder), so no move is played and the case's file keeps its bytes."""
    import shutil

    shutil.copytree(ATLAS, tmp_path / "case")
    (tmp_path / "shared").mkdir()
    shared = tmp_path / "shared" / "evidence.yaml"
    shutil.move(tmp_path / "case" / "evidence.yaml", shared)
    (tmp_path / "case" / "evidence.yaml").symlink_to(shared)
    raw = shared.read_bytes()
    loaded = with_attestations(load_case(tmp_path / "case" / "case.yaml", root=tmp_path), KEYRING,
                               parse_instant("2026-11-27"))
    assert loaded.case is not None
    report = run_redteam(loaded, keyring=KEYRING, mutations=(), registry_mutations=REGISTRY_MUTATIONS)
    assert all(not r.applicable and "cannot be read" in r.note for r in report.results), \
        [(r.mutation.name, r.status, r.note) for r in report.results]
    assert shared.read_bytes() == raw


def _played_with(code: str, check: Any, name: str, monkeypatch: pytest.MonkeyPatch) -> Any:
    """Registry move `name` played on its own with rule `code`'s check replaced by `check` (given the
    rule as registered)."""
    from casegate.checks import _registry

    kept = _registry._RULES[code]
    monkeypatch.setitem(_registry._RULES, code, type(kept)(kept.rule, check(kept), kept.pass_))
    (m,) = [x for x in REGISTRY_MUTATIONS if x.name == name]
    (r,) = run_redteam(_loaded(), keyring=KEYRING, mutations=(), registry_mutations=[m]).results
    return r


def test_a_regime_cut_from_the_policy_is_caught_by_the_previous_policys_regimes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Attack: the recorded version names its regimes in its policy's file (the case naming none);
    the next names the Code of Practice there only. The previous version was under SB 53 too
    (CG1005); with CG1005 reading the previous case's `regimes:` alone, as before, the move is not
    caught (`dropped-regime-resubmitted`, cut from the case, still is)."""
    r = next(x for x in _report().results if x.mutation.name == "regime-cut-from-policy")
    (msg,) = [m for m in r.messages if m.startswith("CG1005")]
    assert "the previous version was under the regime `builtin:ca-sb53`" in msg, msg

    def case_alone(kept: Any) -> Any:
        def check(ctx: Any) -> Any:
            was = ctx.previous_policy
            object.__setattr__(ctx, "previous_policy", None)
            try:
                yield from kept.check(ctx)
            finally:
                object.__setattr__(ctx, "previous_policy", was)
        return check

    assert _played_with("CG1005", case_alone, "dropped-regime-resubmitted", monkeypatch).status == "caught"
    r = _played_with("CG1005", case_alone, "regime-cut-from-policy", monkeypatch)
    assert r.applicable and r.status == "not caught", (r.status, r.caught_by, r.messages)


def test_words_denying_the_incident_the_registry_holds_are_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """Attack: after an incident was logged against the recorded version, the next version's boundary
    says `Atlas-2 has had no serious incidents since launch.` The registry holds the incident (CG438);
    the argument not answering it is CG708's, incidental here (`incident-ignored`). Without CG438
    the move is not caught."""
    r = next(x for x in _report().results if x.mutation.name == "incidents-denied-after-incident")
    (msg,) = [m for m in r.messages if m.startswith("CG438")]
    assert "Atlas-2 has had no serious incidents since launch" in msg and "incident-1 (cyber, high" in msg, msg
    assert r.incidental == ("CG708",), r.incidental
    r = _played_with("CG438", lambda kept: lambda ctx: iter(()), "incidents-denied-after-incident", monkeypatch)
    assert r.applicable and r.status == "not caught", (r.status, r.caught_by, r.messages)


def test_regime_reports_left_unfiled_past_their_deadlines_are_caught() -> None:
    """Attack: after a high-severity cyber incident, left unclassified and not marked unreportable,
    was logged against the recorded version, the same argument is submitted again and gated the day
    after the last report it owes fell due, none filed. Each report past its deadline is CG1003 (the
    argument not answering the incident is CG708's, incidental); without the gate reading the
    registry's report clocks the move is not caught (`test_a_registry_move_is_missed_...`)."""
    r = next(x for x in _report().results if x.mutation.name == "reports-overdue-resubmitted")
    msgs = [m for m in r.messages if m.startswith("CG1003")]
    assert any("(ca-sb53:critical-safety-incident)" in m and "is not filed" in m for m in msgs), msgs
    assert any("(eu-gpai-cop-2025:cybersecurity-breach)" in m for m in msgs), msgs
    assert r.incidental == ("CG708",), r.incidental


def test_regime_reports_owed_by_a_case_dated_before_their_deadlines_are_caught(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Attack: a high-severity cyber incident, dated the case's own date (2026-11-20) and owing each
    regime's report, was logged against the recorded version; the same argument is submitted again
    keeping that date, before every deadline, and gated with no `--at`, none filed. The reports are
    read as of the registry's clock, past the deadlines: CG1003 (CG708 incidental). With the clocks
    read as of the end of the case's date, as before, the move is not caught."""
    import datetime as dt

    import casegate.gate._engine as engine

    r = next(x for x in _report().results if x.mutation.name == "reports-owed-case-dated-before")
    msgs = [m for m in r.messages if m.startswith("CG1003")]
    assert any("(eu-gpai-cop-2025:cybersecurity-breach)" in m and "by 2026-11-25T00:00:00Z" in m for m in msgs), msgs
    assert any("(ca-sb53:unclassified)" in m and "is not filed" in m for m in msgs), msgs
    assert r.incidental == ("CG708",), r.incidental
    monkeypatch.setattr(engine, "registry_time", lambda today, comparison: dt.datetime.combine(
        today or dt.date(2026, 11, 20), dt.time.max, dt.UTC))
    (m,) = [x for x in REGISTRY_MUTATIONS if x.name == "reports-owed-case-dated-before"]
    (r,) = run_redteam(_loaded(), keyring=KEYRING, mutations=(), registry_mutations=[m]).results
    assert r.applicable and r.status == "not caught", (r.status, r.caught_by, r.messages)
    assert not any(x.startswith("CG1003") for x in r.messages), r.messages


def test_a_relaunch_answering_an_incident_recorded_without_its_attack_is_caught(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Attack: a high-severity incident naming no attack was logged against the recorded version the
    day before; the next version answers it with the lab's refusal test run again since (new
    requests recorded with what each asked and got, scored as the first run was, none named for the
    attack that came through), cited by the refusal safeguard and under `incident_answers`. The
    answer holds for CG708 (no finding: the move is caught by CG440 alone), and which attack the run
    must hold is unknown (CG440). Without CG440 the move is not caught: it adds no blocking finding to
the control's."""
    r = next(x for x in _report().results if x.mutation.name == "incident-attack-left-out")
    (msg,) = [m for m in r.messages if m.startswith("CG440")]
    assert "incident-1 (cyber, high" in msg and "`E-refusal-relaunch`" in msg and "names no attack" in msg, msg
    assert r.incidental == () and not any(m.startswith("CG708") for m in r.messages), (r.incidental, r.messages)
    r = _played_with("CG440", lambda kept: lambda ctx: iter(()), "incident-attack-left-out", monkeypatch)
    assert r.applicable and r.status == "not caught" and not r.incidental and not r.messages, \
        (r.status, r.incidental, r.messages)
