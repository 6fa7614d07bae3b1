"""An Inspect log states its run twice: the aggregate in `results.scores[*]` (scored samples, the
`accuracy` metric) and the per-sample scores the counts are read from. Inspect writes both from the
same scores; a log whose aggregate its samples contradict is not of one run, and gives no counts
(CG341). Each test is the lab rewriting one of the two in a real log written by inspect-ai."""

from __future__ import annotations

from pathlib import Path

import pytest

from casegate.evidence import facts_for, rehash_artifacts
from casegate.evidence.importers import LogReadError, ReadOptions
from casegate.evidence.importers.inspect_log import InspectImporter
from casegate.load import load_case

from .evidence_logs import INSPECT
from .test_derive import findings, make_case

pytest.importorskip("inspect_ai")


def _rewritten(tmp: Path, name: str, edit) -> Path:  # type: ignore[no-untyped-def]
    """The committed log `name`, edited by `edit(log)` and written back with inspect-ai's writer."""
    from inspect_ai.log import read_eval_log, write_eval_log

    log = read_eval_log(str(INSPECT / name))
    edit(log)
    out = tmp / f"edited-{name}"
    write_eval_log(log, str(out))
    return out


def _fewer_correct(log) -> None:  # type: ignore[no-untyped-def]
    """Three quarters of the correct samples marked incorrect, the aggregate left as the run wrote it."""
    wins = [s for s in log.samples if s.scores["match"].value == "C"]
    for s in wins[: len(wins) * 3 // 4]:
        s.scores["match"].value = "I"


def _excluded(case: Path) -> dict[str, str]:
    loaded = load_case(case)
    _, facts = facts_for(loaded, rehash_artifacts(loaded), cache=False)
    assert facts is not None
    return facts.excluded


@pytest.mark.parametrize("name", sorted(p.name for p in INSPECT.iterdir() if p.suffix in (".eval", ".json")))
def test_every_log_inspect_wrote_agrees_with_its_aggregate(name: str) -> None:
    InspectImporter().read(INSPECT / name, ReadOptions())


def test_samples_rewritten_under_the_runs_accuracy_give_no_counts(tmp_path: Path) -> None:
    log = _rewritten(tmp_path, "arith-clean.eval", _fewer_correct)
    with pytest.raises(LogReadError) as e:
        InspectImporter().read(log, ReadOptions())
    assert e.value.message == ("results.scores `match` (reducer `mean`) states `accuracy` = 0.666667, but the "
                               "log's 30 sample(s) give 0.166667: its aggregate and its samples are not of one run")
    (tmp_path / "case").mkdir()
    case = make_case(tmp_path / "case", log)
    [cg341] = findings(case, "CG341")
    assert cg341.severity == "blocking" and "states `accuracy` = 0.666667" in cg341.message
    assert "E-run" in _excluded(case)


def test_an_accuracy_rewritten_over_the_runs_samples_gives_no_counts(tmp_path: Path) -> None:
    def lower(log) -> None:  # type: ignore[no-untyped-def]
        log.results.scores[0].metrics["accuracy"].value = 0.1

    log = _rewritten(tmp_path, "arith-clean.eval", lower)
    with pytest.raises(LogReadError, match=r"states `accuracy` = 0\.1, but the log's 30 sample\(s\) give 0\.666667"):
        InspectImporter().read(log, ReadOptions())


def test_samples_dropped_under_the_stated_scored_samples_give_no_counts(tmp_path: Path) -> None:
    def drop(log) -> None:  # type: ignore[no-untyped-def]
        log.samples = [s for s in log.samples if s.scores["match"].value == "C"]

    log = _rewritten(tmp_path, "arith-clean.eval", drop)
    with pytest.raises(LogReadError, match=r"states 30 scored sample\(s\), but the log holds scores of 20"):
        InspectImporter().read(log, ReadOptions())


def test_one_epoch_rescored_is_seen_through_the_epoch_reducer(tmp_path: Path) -> None:
    """arith-epochs: four epochs reduced by their mean; one epoch of one sample turned from correct
    to incorrect moves the mean inspect states."""
    def one(log) -> None:  # type: ignore[no-untyped-def]
        s = next(s for s in log.samples if s.epoch == 3 and s.scores["match"].value == "C")
        s.scores["match"].value = "I"

    log = _rewritten(tmp_path, "arith-epochs.eval", one)
    with pytest.raises(LogReadError, match=r"states `accuracy` = 0\.5, but the log's 10 sample\(s\) give 0\.475"):
        InspectImporter().read(log, ReadOptions())


def test_a_rescored_log_whose_aggregate_inspect_restated_is_read(tmp_path: Path) -> None:
    """The same edit with inspect-ai's `recompute_metrics`: one run's record again (a rewrite of a
    recorded run is CG327's, against the version that recorded it)."""
    from inspect_ai.log import recompute_metrics

    def restated(log) -> None:  # type: ignore[no-untyped-def]
        _fewer_correct(log)
        recompute_metrics(log)

    [run] = InspectImporter().read(_rewritten(tmp_path, "arith-clean.eval", restated), ReadOptions())
    assert (run.result.successes, run.result.trials) == (5, 30)


def test_a_log_written_without_samples_has_nothing_to_contradict_and_no_counts(tmp_path: Path) -> None:
    """`--no-log-samples`: the header's aggregate only. Nothing is compared, and no counts are read."""
    [run] = InspectImporter().read(INSPECT / "arith-header.eval", ReadOptions())
    assert run.result.samples == [] and not run.result.trials
    case = make_case(tmp_path, INSPECT / "arith-header.eval")
    assert findings(case, "CG341") == []
    loaded = load_case(case)
    effective, _ = facts_for(loaded, rehash_artifacts(loaded), cache=False)
    r = effective.evidence["E-run"].result
    assert r is not None and not r.trials and r.value == pytest.approx(4 / 6)
