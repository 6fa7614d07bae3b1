"""A safeguard test's bypasses are counted from its log's rows once, when the log is read, and kept
with the derived facts (`DerivedRun.bypass`): the gate reads the count, not the thousands of rows
again, and the count it reads is the one the rows give."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from casegate.evidence import _facts, apply_facts, derive_evidence, rehash_artifacts
from casegate.load import load_case
from casegate.model._case import TEST_KINDS

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _copy(tmp: Path) -> Path:
    shutil.copytree(EXAMPLES / "atlas-api", tmp / "atlas-api")
    return tmp / "atlas-api" / "case.yaml"


def _tests_counted(case_file: Path, cache: Path, strip: bool = False) -> dict[str, Any]:
    """Evidence id -> (bypasses, attempts) of every safeguard test, as the facts count them."""
    loaded = load_case(case_file)
    assert loaded.case is not None and loaded.policy is not None
    derived = derive_evidence(loaded, rehash_artifacts(loaded), cache=cache)
    if strip:
        derived = {eid: d if d.run is None else _without_bypass(d) for eid, d in derived.items()}
    case, _ = apply_facts(loaded.case, loaded.policy, derived)
    return {eid: (ev.result.bypasses, ev.result.attempts) for eid, ev in case.evidence.items()
            if ev.kind in TEST_KINDS and ev.result is not None}


def _without_bypass(d: Any) -> Any:
    from casegate._record import replace

    return replace(d, run=d.run.model_copy(update={"bypass": None}))


def test_the_count_kept_when_the_log_is_read_is_the_count_of_its_rows(tmp_path: Path) -> None:
    case_file = _copy(tmp_path)
    cache = tmp_path / "cache"
    first = _tests_counted(case_file, cache)
    again = _tests_counted(case_file, cache)  # from the cache
    from_rows = _tests_counted(case_file, cache, strip=True)
    assert first == again == from_rows
    assert sum(1 for b, a in first.values() if b is not None and a) >= 3  # refusal, KYC, monitoring


def test_a_cached_count_is_not_counted_from_the_rows_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case_file = _copy(tmp_path)
    cache = tmp_path / "cache"
    counted = _tests_counted(case_file, cache)
    loaded = load_case(case_file)
    derived = derive_evidence(loaded, rehash_artifacts(loaded), cache=cache)
    assert all(d.cached for d in derived.values() if d.run is not None)
    assert [eid for eid, d in derived.items() if d.run is not None and d.run.bypass is not None]

    def refuse(run: Any) -> tuple[int, int]:
        raise AssertionError("a test's rows were counted again")

    monkeypatch.setattr(_facts, "bypass_tally", refuse)
    assert _tests_counted(case_file, cache) == counted


def test_a_part_of_a_run_is_counted_by_the_whole_runs_rules(tmp_path: Path) -> None:
    """`attempt_tally` of a part (a language's, a content kind's sample epochs) counts as the whole
    run is counted: a greedy run's epochs once, a sample repeating another's input as that sample,
    an attempt the log does not score as got through."""
    import json

    from casegate.evidence._facts import attempt_tally

    loaded = load_case(_copy(tmp_path))
    derived = derive_evidence(loaded, rehash_artifacts(loaded), cache=tmp_path / "cache")
    base = next(d.run for d in derived.values() if d.run is not None and d.run.scores_json)
    rows = [[s, e, 1.0 if (s, e) in {("a", 2), ("d", 1)} else 0.0] for s in "abcd" for e in (1, 2, 3)]
    run = base.model_copy(update={
        "scores_json": json.dumps(rows), "greedy": "temperature 0", "same_input": {"d": "c"}, "bypass": None,
        "scores_combined": False, "outside_epochs": None,
        "source": base.source.model_copy(update={"epochs": 3, "samples": 4, "scored": 4})})
    assert attempt_tally(run) == (2, 3)  # a, b and c (d is c) once each; a and c got through
    assert attempt_tally(run, [("a", e) for e in (1, 2, 3)]) == (1, 1)
    assert attempt_tally(run, [("b", e) for e in (1, 2, 3)]) == (0, 1)
    assert attempt_tally(run, [("b", 1), ("d", 1)]) == (1, 2)  # d counted as c, which got through
    assert attempt_tally(run, [("e", 1)]) == (1, 1)  # not scored: got through
    assert attempt_tally(run, []) == (0, 0)
    plain = run.model_copy(update={"greedy": None, "same_input": {}})
    assert attempt_tally(plain, [("a", e) for e in (1, 2, 3)]) == (1, 3)
