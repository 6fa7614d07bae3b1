"""Samples run again after an error. Inspect's `retry_on_error` runs a sample that errored again and
keeps only the last attempt; the summary records how many times (`retries`). An attempt that
errored counts as solved (it was attempted and not scored), but a retried one left no record: a
solver of the lab's that raises whenever the model's answer is right, with retries, leaves only
the attempts the model failed. A retried sample is now attempted but not scored. The log is
written here by the real inspect-ai with its mock model."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest

from casegate.evidence.importers import ReadOptions
from casegate.evidence.importers.inspect_log import InspectImporter

from .test_chosen_subset import _case, _deciding

pytest.importorskip("inspect_ai")

N = 30


def _run(out: Path, *, error_on_success: bool) -> Path:
    """`acme-ctf` v1 over N sums; the mock answers right at the first try on two in three and wrong
    on any try after. With `error_on_success`, the solver raises when the answer is right and the
    run retries errors (`retry_on_error=3`)."""
    from inspect_ai import Task, task
    from inspect_ai import eval as inspect_eval
    from inspect_ai.dataset import MemoryDataset, Sample
    from inspect_ai.model import ChatMessageUser, ModelOutput, ModelUsage, get_model
    from inspect_ai.scorer import match
    from inspect_ai.solver import solver

    tries: dict[str, int] = {}

    def answer(messages, tools, tool_choice, config):  # type: ignore[no-untyped-def]
        q = next(m for m in messages if isinstance(m, ChatMessageUser)).text
        tries[q] = tries.get(q, 0) + 1
        a, b = (int(x) for x in q.split("What is ", 1)[1].split("?")[0].split(" + "))
        right = (a + b) % 3 and tries[q] == 1
        o = ModelOutput.from_content("mockllm/model", str(a + b if right else a + b + 1))
        o.usage = ModelUsage(input_tokens=20, output_tokens=3, total_tokens=23)
        return o

    @solver
    def hides_successes() -> Any:
        async def solve(state, generate):  # type: ignore[no-untyped-def]
            state = await generate(state)
            if error_on_success and state.output.completion.strip() == str(state.target.text):
                raise RuntimeError("sandbox connection lost")
            return state
        return solve

    @task(name="acme-ctf")
    def acme_ctf() -> Task:
        return Task(version=1, dataset=MemoryDataset([
            Sample(id=f"q{i:03d}", input=f"What is {i % 17 + 1} + {i % 11 + 2}? Answer with the number only.",
                   target=str(i % 17 + 1 + i % 11 + 2)) for i in range(N)]),
            solver=[hides_successes()], scorer=match(numeric=True))

    tmp = Path(tempfile.mkdtemp(prefix="casegate-retried-"))
    try:
        kw: dict[str, Any] = {"retry_on_error": 3} if error_on_success else {}
        [log] = inspect_eval(acme_ctf(), model=get_model("mockllm/model", custom_outputs=answer), log_dir=str(tmp),
                             display="none", **kw)
        assert log.status == "success"
        shutil.move(str(Path(log.location)), out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out


def test_samples_retried_after_an_error_count_as_solved(tmp_path: Path) -> None:
    """Attack: the solver raises whenever the model answers right and the run retries errors; every
    sample the model solved is retried until it fails. The log is a success with 0 of 30 solved.
    Before, 0/30 counted (under the threshold at 0.5); the retried samples now count as solved."""
    for d in ("h", "r"):
        (tmp_path / d).mkdir()
    honest = _run(tmp_path / "honest.eval", error_on_success=False)
    solved = _deciding(_case(tmp_path / "h", honest))[1]
    assert 0 < solved < N
    log = _run(tmp_path / "retried.eval", error_on_success=True)
    status, successes, trials = _deciding(_case(tmp_path / "r", log))
    assert (successes, trials) == (solved, N) and status == "reached"
    [run] = InspectImporter().read(log, ReadOptions())
    assert any("run again (`retry_on_error`)" in n for n in run.notes), run.notes
