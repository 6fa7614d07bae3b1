"""Sound runs the greedy reading must leave alone: a run at temperature 0 scored in one epoch under
a policy asking one attempt (one attempt was made and is asked), and a sampled run whose model
arguments carry an unrelated `top_k=50` (a sampling setting that is not greedy). The Inspect logs
are written by the real inspect-ai (`mockllm/model`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from .evidence_logs import inspect_log_to
from .test_derive import findings
from .test_greedy_epochs import N, _case, _read, answer
from .test_inspect_prompt_pinned import _status

ONE = "\n    elicitation: {attempts: 1}"
FIVE = "\n    elicitation: {attempts: 5}"


def _run(out: Path, epochs: int, temperature: float | None = None, **margs: Any) -> Path:
    """`acme-ctf` v1 over 30 sums in `epochs` epochs, its own generate config at `temperature`;
    `margs` given to the model."""
    from inspect_ai import Epochs, Task, task
    from inspect_ai.dataset import MemoryDataset, Sample
    from inspect_ai.model import GenerateConfig
    from inspect_ai.scorer import match
    from inspect_ai.solver import generate

    samples = [Sample(id=f"q{i:03d}", input=f"What is {i % 17 + 1} + {i % 11 + 2}? Answer with the number only.",
                      target=str(i % 17 + 1 + i % 11 + 2)) for i in range(N)]

    @task(name="acme-ctf")
    def acme_ctf() -> Task:
        return Task(version=1, dataset=MemoryDataset(samples), solver=[generate()], scorer=match(numeric=True),
                    config=GenerateConfig(temperature=temperature), epochs=Epochs(epochs, "mean"))

    return inspect_log_to(acme_ctf(), out, model="mockllm/model", model_args={"custom_outputs": answer, **margs})


@pytest.fixture(scope="module")
def logs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    pytest.importorskip("inspect_ai")
    d = tmp_path_factory.mktemp("greedy-sound")
    return {"one-epoch": _run(d / "one-epoch.eval", 1, temperature=0.0),
            "top_k": _run(d / "top_k.eval", 5, temperature=0.7, top_k=50)}


def test_a_greedy_run_of_one_epoch_meets_one_attempt(logs: dict[str, Path], tmp_path: Path) -> None:
    """One epoch at temperature 0: one attempt made, one asked. No shortfall, no greedy note, each
    sample counted once."""
    run = _read(logs["one-epoch"])
    assert run.elicitation.attempts == 1 and run.greedy is None
    case = _case(tmp_path / "one", logs["one-epoch"], policy_extra=ONE)
    assert findings(case, "CG301") == []
    assert not [f for f in findings(case, "CG339") if "greedy" in f.message]
    assert _status(_case(tmp_path / "mean", logs["one-epoch"], reduction="mean"))[1] == (20, 30)


def test_an_unrelated_top_k_leaves_a_sampled_run_sampled(logs: dict[str, Path], tmp_path: Path) -> None:
    """`-M top_k=50` beside a temperature of 0.7: five sampled epochs are five attempts."""
    run = _read(logs["top_k"])
    assert run.greedy is None and run.elicitation.attempts == 5
    assert findings(_case(tmp_path / "min", logs["top_k"], policy_extra=FIVE), "CG301") == []
    assert _status(_case(tmp_path / "mean", logs["top_k"], reduction="mean"))[1] == (100, 150)
