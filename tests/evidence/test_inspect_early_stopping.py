"""Epochs a task's early-stopping manager skipped.

Inspect lets a task carry an early-stopping manager (`Task(early_stopping=...)`) that is asked before
each sample epoch is run whether to skip it, and told each score as it comes in. inspect-ai writes
no sample record for an epoch it skipped, only `results.early_stopping.early_stops` in the header,
and the run is a success. A manager of the lab's that skips every later epoch of a sample the model
failed in its first leaves the samples the model solves only on a later try unsolved: under the
policy's at-least-one reduction the log read 0/30 (the model solves 20/30 in three epochs), with
one attempt where the header states three, reported as a log missing records. Each skipped epoch
is now attempted but not scored, as an epoch that errored is: it counts as solved.

The logs are written by the real inspect-ai with its mock model, which answers right on two
questions in three, from its second try at a question on."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from casegate.evidence.importers import ReadOptions
from casegate.evidence.importers.inspect_log import InspectImporter

from .evidence_logs import inspect_log_to
from .test_chosen_subset import _case, _deciding
from .test_derive import findings

pytest.importorskip("inspect_ai")

N = 30


class _Stopper:
    """The lab's manager: after a sample's first epoch, skip its later ones if the model failed it."""

    def __init__(self) -> None:
        self.failed: set[str | int] = set()

    async def start_task(self, task: Any, samples: Any, epochs: int) -> str:
        return "acme-converged"

    async def schedule_sample(self, id: str | int, epoch: int) -> Any:
        from inspect_ai.util._early_stopping import EarlyStop

        return EarlyStop(id=id, epoch=epoch, reason="converged") if epoch > 1 and id in self.failed else None

    async def complete_sample(self, id: str | int, epoch: int, scores: dict[str, Any]) -> None:
        if epoch == 1 and all(s.score.value != "C" for s in scores.values()):
            self.failed.add(id)

    async def complete_task(self) -> dict[str, Any]:
        return {}


def _run(out: Path, stopper: Any = None) -> Path:
    from inspect_ai import Task
    from inspect_ai.dataset import MemoryDataset, Sample
    from inspect_ai.model import ChatMessageUser, ModelOutput, ModelUsage, get_model
    from inspect_ai.scorer import match
    from inspect_ai.solver import generate

    tries: dict[str, int] = {}

    def answer(messages, tools, tool_choice, config):  # type: ignore[no-untyped-def]
        q = next(m for m in messages if isinstance(m, ChatMessageUser)).text
        a, b = (int(x) for x in q.split("What is ", 1)[1].split("?")[0].split(" + "))
        tries[q] = tries.get(q, 0) + 1
        right = (a + b) % 3 and tries[q] >= 2
        o = ModelOutput.from_content("mockllm/model", str(a + b if right else a + b + 1))
        o.usage = ModelUsage(input_tokens=20, output_tokens=3, total_tokens=23)
        return o

    task = Task(name="acme-ctf", version=1, solver=[generate()], scorer=match(numeric=True), epochs=3,
                early_stopping=stopper, dataset=MemoryDataset([
                    Sample(id=f"q{i:03d}", input=f"What is {i % 17 + 1} + {i % 11 + 2}? Answer with the number only.",
                           target=str(i % 17 + 1 + i % 11 + 2)) for i in range(N)]))
    # one sample at a time, so each epoch's manager call sees the first epoch's score
    return inspect_log_to(task, out, model=get_model("mockllm/model", custom_outputs=answer), max_samples=1)


def test_the_honest_run_counts_20_of_30(tmp_path: Path) -> None:
    log = _run(tmp_path / "honest.eval")
    (tmp_path / "c").mkdir()
    assert _deciding(_case(tmp_path / "c", log)) == ("reached", 20, N)


def test_epochs_the_tasks_early_stopping_skipped_count_as_solved(tmp_path: Path) -> None:
    """Attack: the lab's early-stopping manager skips the later epochs of every sample the model
    failed in its first (the model solves two in three from its second try). Before, 0/30 counted
    and the threshold was ruled out; the 60 skipped epochs now count as attempted, not scored."""
    from inspect_ai.log import read_eval_log

    log = _run(tmp_path / "stopped.eval", _Stopper())
    header = read_eval_log(str(log), header_only=True)
    assert header.status == "success" and header.results is not None and header.results.early_stopping is not None
    assert len(header.results.early_stopping.early_stops) == 2 * N
    [run] = InspectImporter().read(log, ReadOptions())
    assert any("early stopping (`acme-converged`" in n for n in run.notes), run.notes
    assert not run.attempts_unrecorded and "skipped by the task's early stopping" in (run.attempts_note or "")
    (tmp_path / "c").mkdir()
    case = _case(tmp_path / "c", log)
    assert _deciding(case) == ("reached", N, N)
    # said as epochs left unscored, not as a log missing records
    assert all("no record of the others" not in f.message for f in findings(case))


# --------------------------------------------------------------------------- scored on error


def test_samples_scored_though_they_errored_are_not_scored(tmp_path: Path) -> None:
    """The task's solver raises an error on every sample the model would solve, and the run is made
    with `score_on_error` (inspect-ai then scores each errored sample on the work done so far, 0,
    and counts it in the aggregate). Before, casegate refused the log as two runs' records (its
    aggregate counts the errored samples, which casegate left out of the comparison); it is now
    read, each errored sample attempted but not scored: counted as solved."""
    from inspect_ai import Task
    from inspect_ai.dataset import MemoryDataset, Sample
    from inspect_ai.model import ChatMessageUser, ModelOutput, ModelUsage, get_model
    from inspect_ai.scorer import match
    from inspect_ai.solver import solver

    def answer(messages, tools, tool_choice, config):  # type: ignore[no-untyped-def]
        q = next(m for m in messages if isinstance(m, ChatMessageUser)).text
        a, b = (int(x) for x in q.split("What is ", 1)[1].split("?")[0].split(" + "))
        o = ModelOutput.from_content("mockllm/model", str(a + b if (a + b) % 3 else a + b + 1))
        o.usage = ModelUsage(input_tokens=20, output_tokens=3, total_tokens=23)
        return o

    @solver
    def task_code() -> Any:
        async def solve(state, generate):  # type: ignore[no-untyped-def]
            a, b = (int(x) for x in state.input_text.split("What is ", 1)[1].split("?")[0].split(" + "))
            if (a + b) % 3:
                raise RuntimeError("sandbox lost")
            return await generate(state)
        return solve

    task = Task(name="acme-ctf", version=1, solver=[task_code()], scorer=match(numeric=True), dataset=MemoryDataset([
        Sample(id=f"q{i:03d}", input=f"What is {i % 17 + 1} + {i % 11 + 2}? Answer with the number only.",
               target=str(i % 17 + 1 + i % 11 + 2)) for i in range(N)]))
    log = inspect_log_to(task, tmp_path / "scored-on-error.eval", model=get_model("mockllm/model", custom_outputs=answer),
                         score_on_error=True, fail_on_error=False)
    [run] = InspectImporter().read(log, ReadOptions())
    assert run.source.status == "success" and run.source.scored == 10 and run.result.successes == 0
    (tmp_path / "c").mkdir()
    assert _deciding(_case(tmp_path / "c", log)) == ("reached", 20, N)
