"""Which of an Inspect task's scorers is counted. A task may score each answer with several scorers
(here a numeric `match` and a strict scorer of the task's that accepts nothing); the log records
them in the task's order in `eval.scorers` (which the prompt digest covers) and reports each in
`results.scores`. The run was counted under the first entry of `results.scores`, so a log rewritten
with that list reordered, nothing else changed, was counted under the strict scorer with every
digest kept. The log is written by the real inspect-ai with its mock model (two right answers in
three) and rewritten with inspect-ai's own reader and writer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from casegate.evidence.importers import ReadOptions
from casegate.evidence.importers.inspect_log import InspectImporter

from .evidence_logs import inspect_log_to
from .test_inspect_prompt_pinned import N, _mock

pytest.importorskip("inspect_ai")


def _two_scorers(out: Path) -> Path:
    from inspect_ai import Task, task
    from inspect_ai.dataset import MemoryDataset, Sample
    from inspect_ai.scorer import INCORRECT, Score, Target, accuracy, match, scorer, stderr
    from inspect_ai.solver import TaskState, generate

    @scorer(metrics=[accuracy(), stderr()])
    def exact_form() -> Any:
        async def score(state: TaskState, target: Target) -> Score:
            return Score(value=INCORRECT, answer=state.output.completion)
        return score

    @task(name="acme-ctf")
    def acme_ctf() -> Task:
        return Task(version=1, dataset=MemoryDataset([
            Sample(id=f"q{i:03d}", input=f"What is {i % 17 + 1} + {i % 11 + 2}? Answer with the number only.",
                   target=str(i % 17 + 1 + i % 11 + 2)) for i in range(N)]),
            solver=[generate()], scorer=[match(numeric=True), exact_form()])

    return inspect_log_to(acme_ctf(), out, model=_mock())


def test_the_scorer_counted_is_the_tasks_first_not_the_results_first(tmp_path: Path) -> None:
    """Attack: `results.scores` reordered to list the strict scorer (0/30) before `match` (20/30).
    Before, 0/30 was counted, with the prompt and sample digests of the standard run."""
    from inspect_ai.log import read_eval_log, write_eval_log

    honest = _two_scorers(tmp_path / "honest.eval")
    log = read_eval_log(str(honest))
    assert [s.name for s in log.eval.scorers] == [s.name for s in log.results.scores] == ["match", "exact_form"]
    log.results.scores = list(reversed(log.results.scores))
    moved = tmp_path / "moved.eval"
    write_eval_log(log, str(moved))
    [a] = InspectImporter().read(honest, ReadOptions())
    [b] = InspectImporter().read(moved, ReadOptions())
    assert b.source.prompt_digest == a.source.prompt_digest
    assert b.source.scorer == a.source.scorer == "match"
    assert (b.result.successes, b.result.trials) == (a.result.successes, a.result.trials) == (20, N)
