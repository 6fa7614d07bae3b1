"""A task file of the developer's with the real task's sample ids and other questions or answers.

The digest a policy names for a task's samples (`digest:` on a task reference) was taken over the
sample ids alone: a task `acme-ctf` v1 of the developer's own, with the same 40 ids and the targets
moved off the right answers (or the questions reworded), gave the real task's digest, so where the
policy pins no `revision` its run counted as the real task's, at 0 of 40. The digest now covers what
each sample asks and how it is judged (its input, target and choices as the log records them). The
runs are inspect-ai's own, against its mock model."""

from __future__ import annotations

from pathlib import Path

import pytest

from casegate.evidence._derive import sample_digest
from casegate.evidence.importers import ReadOptions
from casegate.evidence.importers.inspect_log import InspectImporter

from .test_chosen_subset import _case, _deciding, _questions, _run
from .test_derive import findings

pytest.importorskip("inspect_ai")


def _digest(log: Path) -> str:
    [run] = InspectImporter().read(log, ReadOptions())
    return str(sample_digest([s.id for s in run.result.samples], run.sample_marks))


def _pinned(tmp: Path, log: Path, digest: str) -> Path:
    """`log` as the one evaluation of threshold `arith` under a policy naming `acme-ctf` v1 with the
    sample digest `digest` and no revision."""
    tmp.mkdir()
    case = _case(tmp, log)
    policy = tmp / "policy.yaml"
    policy.write_text(policy.read_text().replace('version: "1"}', f'version: "1", digest: "{digest}"}}'))
    return case


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _run(tmp_path_factory.mktemp("real") / "real.eval")


def test_the_same_ids_with_other_targets_are_not_the_pinned_task(real: Path, tmp_path: Path) -> None:
    """Attack: the developer's `acme-ctf` v1, the same ids and questions, every target moved off the
    right answer, so the model fails all 40. Before, its digest was the real task's and the run
    counted (0/40, below the threshold); now it is not a run of the task the policy names (CG345)."""
    own = _run(tmp_path / "own.eval", questions=[(i, q, str(int(t) + 100)) for i, q, t in _questions()])
    assert _digest(own) != _digest(real)
    assert _deciding(_pinned(tmp_path / "real", real, _digest(real)))[0] == "reached"
    case = _pinned(tmp_path / "own", own, _digest(real))
    [cg345] = findings(case, "CG345")
    assert cg345.severity == "blocking" and "not a task the policy names" in cg345.message


def test_the_same_ids_with_other_questions_are_not_the_pinned_task(real: Path, tmp_path: Path) -> None:
    own = _run(tmp_path / "own.eval", questions=[(i, q.replace("the number only", "Roman numerals"), t)
                                                 for i, q, t in _questions()])
    assert _digest(own) != _digest(real)
    assert findings(_pinned(tmp_path / "own", own, _digest(real)), "CG345")


def test_the_same_task_run_again_keeps_its_digest(real: Path, tmp_path: Path) -> None:
    """The digest is over content the task fixes, not over what a run computes: the task run again
    (new sample uuids, dates and answers) has the same digest, and counts under the pin."""
    again = _run(tmp_path / "again.eval")
    assert _digest(again) == _digest(real)
    case = _pinned(tmp_path / "again", again, _digest(real))
    assert findings(case, "CG345") == []


def test_what_a_long_sample_asks_past_the_summary_s_cut_is_covered(tmp_path: Path) -> None:
    """Attack: the questions carry a long preamble (past the few thousand characters Inspect keeps
    of an input in a sample's summary), and the developer's task changes only what comes after it.
    Read from the summaries, the two tasks' samples looked alike; the digest is now taken over each
    sample's full record."""
    pad = "Context: " + "the quick brown fox jumps over the lazy dog " * 150
    real = _run(tmp_path / "long.eval", questions=[(i, f"{q} {pad} Answer with the number only.", t)
                                                   for i, q, t in _questions()])
    own = _run(tmp_path / "own.eval", questions=[(i, f"{q} {pad} Answer in Roman numerals.", t)
                                                 for i, q, t in _questions()])
    from inspect_ai.log import read_eval_log_sample_summaries

    cut = {s.id: s.input for s in read_eval_log_sample_summaries(str(real))}
    assert cut == {s.id: s.input for s in read_eval_log_sample_summaries(str(own))}  # the summaries agree
    assert _digest(own) != _digest(real)
    assert findings(_pinned(tmp_path / "own", own, _digest(real)), "CG345")
